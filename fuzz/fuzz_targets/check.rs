//! One text (up to three reports, split at NUL) through the whole engine:
//! segmentation, outline, links, every rule, the cross-document stage with
//! the built-in references, and the JSON and human renderers. Every span of
//! every finding and label must lie on character boundaries in its file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    critique_lint::fuzzing::check(&String::from_utf8_lossy(data));
});
