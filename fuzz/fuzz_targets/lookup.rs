//! Fuzz target `lookup`: see `checks::lookup` for what it feeds the engine and what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::lookup(data));
