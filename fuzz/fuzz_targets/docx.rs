//! Bytes → text of a `.docx`: a zip file as given, or (not starting with
//! `PK`) the bytes as `word/document.xml` of a zip packed on the fly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    critique_lint::fuzzing::docx_input(data);
});
