//! Benchmark baseline: a program that only loads jieba, reads the files and
//! segments them (paragraph by paragraph, HMM on, like critique-lint) on the
//! rayon pool. `bench/run.sh` compares `critique-lint check` against it.
//!
//! Usage: segment_only PATH...   (files or folders of *.txt)

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
    } else if p.extension().is_some_and(|e| e == "txt") {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        walk(Path::new(&arg), &mut files);
    }
    let jieba = jieba_rs::Jieba::new();
    let tokens: usize = files
        .par_iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.lines()
                .map(|l| jieba.cut(l, true).len())
                .sum::<usize>()
        })
        .sum();
    println!("{} files, {tokens} tokens", files.len());
}
