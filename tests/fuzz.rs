//! Every input the fuzzers found a fault with (`fuzz/regressions/<target>/`) and every seed
//! (`fuzz/seeds/<target>/`), replayed through the same checks the fuzz targets make
//! (`fuzz/checks.rs`), so a fixed crash stays fixed under the normal `cargo test`.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 8] = [
    ("query_json", checks::query_json),
    ("chip_spec", checks::chip_spec),
    ("lookup", checks::lookup),
    ("when", checks::when),
    ("numbers", checks::numbers),
    ("convert", checks::convert),
    ("evaluate", checks::evaluate),
    ("scenario", checks::scenario),
];

/// Runs every file under `fuzz/<kind>/<target>/` through its target; returns how many ran.
fn replay(kind: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut ran = 0;
    for (name, target) in TARGETS {
        let Ok(dir) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            eprintln!("{name}: {}", f.display());
            target(&data);
            ran += 1;
        }
    }
    ran
}

#[test]
fn saved_fuzz_findings_stay_fixed() {
    replay("regressions");
}

#[test]
fn fuzz_seeds_pass_the_checks() {
    assert!(replay("seeds") >= TARGETS.len(), "every target has seeds");
}
