fn main() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    give_back_freed_memory();
    std::process::exit(critique_lint::run_cli());
}

/// glibc keeps memory freed at the top of its heap up to a threshold that
/// grows with the largest block freed (up to 64 MB): after jieba's
/// dictionary and the documents' working data are freed, the copy stage
/// grew on top of what was kept, and a run over 1,000 reports peaked at
/// 123 MB instead of 106 (`bench/run.py --near`). A fixed threshold
/// (glibc's initial 128 KB) gives freed memory back at once. Fixing it
/// also fixes the size from which blocks are mapped one by one; at 4 MB,
/// a document's working buffers stay on the heap (mapping each cost a
/// tenth of a second of system time on that run).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_back_freed_memory() {
    // SAFETY: mallopt only sets an allocator parameter; it is called
    // before any thread is started.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    }
}
