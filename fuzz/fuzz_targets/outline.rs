//! Text → paragraphs → outline (sections, nested numbered items).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    critique_lint::fuzzing::outline(&String::from_utf8_lossy(data));
});
