//! YAML text as a user `critique-lint.yaml`, and as an `extend-rules` file;
//! each configuration that loads has its rules built and run on a report.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    critique_lint::fuzzing::config_user(&text);
    critique_lint::fuzzing::config_extend(&text);
});
