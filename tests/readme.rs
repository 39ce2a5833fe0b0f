//! Every example in the README's CLI section runs as shown: exit code 0 and a non-empty answer; and
//! the README's LPP pair (1,699 and 1,700 H100s to Singapore) gives the two answers it illustrates.

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

/// The shell lines of the README's CLI section that start with `h100e `.
fn examples() -> Vec<String> {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let section = readme.split("\n## CLI").nth(1).expect("a CLI section");
    let block = section
        .split("```sh")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block");
    block
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("h100e "))
        .map(String::from)
        .collect()
}

/// Runs one README line; fails the test unless it exits 0 and prints something.
fn run(ex: &str, args: &[String]) -> Vec<u8> {
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
    out.stdout
}

#[test]
fn readme_cli_examples_run() {
    let examples = examples();
    assert!(examples.len() >= 15, "only {} examples", examples.len());
    for ex in &examples {
        let args = words(ex);
        let stdout = run(ex, &args);
        if args.iter().any(|a| a == "--json") {
            serde_json::from_slice::<serde_json::Value>(&stdout)
                .unwrap_or_else(|e| panic!("`{ex}`: not JSON: {e}"));
        }
    }
}

/// The README example for `quantity` H100s to Singapore under the AI Diffusion rule, as JSON.
fn singapore_h100(quantity: u64) -> serde_json::Value {
    let prefix = format!("h100e eval --to Singapore --chip H100 --quantity {quantity} ");
    let ex = examples()
        .into_iter()
        .find(|l| l.starts_with(&prefix) && l.contains("--regime diffusion2025"))
        .unwrap_or_else(|| panic!("the README shows `{prefix}... --regime diffusion2025`"));
    let mut args = words(&ex);
    if !args.iter().any(|a| a == "--json") {
        args.push("--json".into());
    }
    serde_json::from_slice(&run(&ex, &args)).expect("JSON")
}

#[test]
fn readme_lpp_pair_gives_different_answers() {
    // 15 CFR 740.29 (LPP): 26,900,000 TPP per buyer per calendar year; an H100 is 1,979 × 8 =
    // 15,832 TPP. 1,699 × 15,832 = 26,898,568 <= 26,900,000 < 26,914,400 = 1,700 × 15,832.
    let h100 = 1979.0 * 8.0;
    let limit = 26_900_000.0;
    let lpp_cap = |v: &serde_json::Value| {
        v["caps"]
            .as_array()
            .and_then(|caps| caps.iter().find(|c| c["id"] == "LPP"))
            .cloned()
            .expect("an LPP cap")
    };
    let lpp_exception = |v: &serde_json::Value| {
        v["license_exceptions"]
            .as_array()
            .and_then(|es| es.iter().find(|e| e["id"] == "LPP"))
            .cloned()
            .expect("LPP considered")
    };

    let fits = singapore_h100(1699);
    assert_eq!(fits["order"]["tpp"], 1699.0 * h100);
    assert_eq!(fits["outcome"], "license-exception");
    assert_eq!(fits["license_required"], false);
    assert_eq!(fits["exception_used"], "LPP");
    assert_eq!(lpp_exception(&fits)["available"], true);
    assert_eq!(lpp_exception(&fits)["used"], true);
    assert_eq!(fits["counts_against_country_cap"], false);
    assert!(fits["review_policy"].is_null());
    let cap = lpp_cap(&fits);
    assert_eq!(cap["limit_tpp"], limit);
    assert_eq!(cap["used_tpp"], 1699.0 * h100);
    assert_eq!(cap["headroom_tpp"], limit - 1699.0 * h100);
    assert!(cap["over_by_tpp"].is_null());

    let over = singapore_h100(1700);
    assert_eq!(over["order"]["tpp"], 1700.0 * h100);
    assert_eq!(over["outcome"], "license-required");
    assert_eq!(over["license_required"], true);
    assert!(over["exception_used"].is_null());
    assert_eq!(lpp_exception(&over)["available"], false);
    // Licensed, it counts against Singapore's Tier 2 allocation, which 1,700 H100s do not exceed:
    // reviewed under the within-allocation presumption of approval (15 CFR 742.6(b)(10)).
    assert_eq!(over["counts_against_country_cap"], true);
    assert_eq!(over["review_policy"], "presumption-of-approval");
    let cap = lpp_cap(&over);
    assert_eq!(cap["used_tpp"], 1700.0 * h100);
    assert_eq!(cap["over_by_tpp"], 1700.0 * h100 - limit);
    assert!(cap["headroom_tpp"].is_null());
}
