//! Fuzz target `numbers`: see `checks::numbers` for what it feeds the engine and what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::numbers(data));
