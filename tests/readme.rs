//! Every example in the README's CLI section runs as shown: exit code 0 and a non-empty answer.

use std::process::Command;

/// Splits a shell line into words, honouring double quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn readme_cli_examples_run() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let section = readme.split("\n## CLI").nth(1).expect("a CLI section");
    let block = section
        .split("```sh")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block");
    let examples: Vec<&str> = block
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("h100e "))
        .collect();
    assert!(examples.len() >= 15, "only {} examples", examples.len());
    for ex in examples {
        let args = words(ex);
        let out = Command::new(env!("CARGO_BIN_EXE_h100e"))
            .args(&args[1..])
            .output()
            .expect("run h100e");
        assert!(
            out.status.success(),
            "`{ex}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "`{ex}` printed nothing");
        if args.iter().any(|a| a == "--json") {
            serde_json::from_slice::<serde_json::Value>(&out.stdout)
                .unwrap_or_else(|e| panic!("`{ex}`: not JSON: {e}"));
        }
    }
}
