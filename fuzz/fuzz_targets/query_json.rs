//! Fuzz target `query_json`: see `checks::query_json` for what it feeds the engine and what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::query_json(data));
