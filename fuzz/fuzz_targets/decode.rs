//! Bytes → text, as a report file is read (UTF-8, UTF-16, GB18030).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    critique_lint::fuzzing::decode(data);
});
