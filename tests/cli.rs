//! The `h100e` binary, run for real: JSON shapes, text output, exit codes and one-line errors.

use std::process::{Command, Output};

fn h100e(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_h100e"))
        .args(args)
        .output()
        .expect("run h100e")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = h100e(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// Exit code 2, nothing on stdout, exactly one line on stderr that contains `needle`.
fn fails(args: &[&str], needle: &str) {
    let out = h100e(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?}: `{err}` lacks `{needle}`");
}

#[test]
fn chip_json_has_the_promised_fields() {
    let v = json(&["chip", "h100", "--json"]);
    assert_eq!(v["id"], "h100-sxm");
    assert_eq!(v["tpp"], 15832.0);
    assert_eq!(v["eccn"], "3A090.a");
    assert_eq!(v["h100e"], 1.0);
    assert_eq!(v["performance_density"], 19.45);
    assert!(v["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(v["name"].as_str().is_some_and(|n| n.contains("H100")));
    // MI308X specs are unpublished: the catalog shows the research's stated class, TPP unknown.
    let u = json(&["chip", "MI308X", "--json"]);
    assert!(u["tpp"].is_null());
    assert_eq!(u["eccn"], "not 3A090");
    assert!(u["uncertain"]
        .as_str()
        .is_some_and(|s| s.contains("SemiAnalysis")));
    let m = json(&["chip", "mi300x", "--json"]);
    assert!(m["performance_density"].is_null(), "die area unknown");
    assert!(m["uncertain"].as_str().is_some());
}

#[test]
fn chip_from_typed_specs() {
    let v = json(&["chip", "--tops", "300", "--bits", "16", "--json"]);
    assert_eq!(
        (v["tpp"].as_f64(), v["eccn"].as_str(), v["id"].as_str()),
        (Some(4800.0), Some("3A090.a"), Some("custom"))
    );
    let n = json(&[
        "chip",
        "--tops",
        "294.18",
        "--bits",
        "16",
        "--die-area",
        "608.5",
        "--non-datacenter",
        "--json",
    ]);
    assert_eq!(n["eccn"], "not 3A090");
    let text = h100e(&[
        "chip", "--tops", "1979", "--bits", "8", "--tops", "989.5", "--bits", "16",
    ]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("15,832"));
}

#[test]
fn eval_json_has_the_promised_fields() {
    let v = json(&[
        "eval",
        "--to",
        "UAE",
        "--chip",
        "H100",
        "--quantity",
        "1000",
        "--regime",
        "diffusion2025",
        "--json",
    ]);
    assert_eq!(v["regime"]["id"], "diffusion2025");
    assert_eq!(v["destination"]["code"], "AE");
    assert_eq!(v["destination"]["name"], "United Arab Emirates");
    assert_eq!(v["destination"]["tier"], 2);
    assert_eq!(v["chip"]["id"], "h100-sxm");
    assert_eq!(v["order"]["quantity"], 1000);
    assert_eq!(v["order"]["tpp"], 15832000.0);
    assert_eq!(v["order"]["h100e"], 1000.0);
    // The UAE was in D:4 then: whether LPP reaches it is contested (rule.md Errata 2), so the
    // answer takes the stricter §740.2(a)(9)(ii) reading and shows both.
    assert_eq!(v["license_required"], true);
    assert!(v["headline"]
        .as_str()
        .is_some_and(|h| h.starts_with("It depends: ")));
    let c = &v["contested"][0];
    assert_eq!(c["fact"], "lpp-d1-d4");
    assert_eq!(c["depends"], true);
    assert_eq!(c["readings"][0]["reading"], "not-listed");
    assert_eq!(c["readings"][0]["license_required"], true);
    assert_eq!(c["readings"][1]["reading"], "available");
    assert_eq!(c["readings"][1]["exception_used"], "LPP");
    assert!(c["readings"][1]["citation"]["url"].is_string());
    let exceptions = v["license_exceptions"].as_array().expect("list");
    assert!(exceptions.iter().any(|e| e["id"] == "LPP"
        && e["reason_id"] == "lpp.not_listed"
        && e["citation"]["url"].is_string()));
    for e in exceptions {
        assert!(e["reason"].is_string() && e["available"].is_boolean());
    }
    let steps = v["explanation"].as_array().expect("steps");
    assert!(steps
        .iter()
        .all(|s| s["text"].is_string() && s["citation"]["label"].is_string()));
}

#[test]
fn eval_default_regime_is_named() {
    let v = json(&[
        "eval",
        "--to",
        "China",
        "--chip",
        "H200",
        "--quantity",
        "10",
        "--json",
    ]);
    assert_eq!(v["regime"]["id"], "jan2026");
    assert!(v["regime"]["chosen_by"]
        .as_str()
        .is_some_and(|s| s.starts_with("default")));
    assert_eq!(v["review_policy"], "case-by-case");
    assert_eq!(v["review_policy_label"], "case-by-case");
    let text = String::from_utf8_lossy(
        &h100e(&[
            "eval",
            "--to",
            "China",
            "--chip",
            "H200",
            "--quantity",
            "10",
        ])
        .stdout,
    )
    .to_string();
    assert!(text.starts_with("License required"), "{text}");
    assert!(text.contains("default: the latest real regime"));
    assert!(text.contains("91 FR 1684"));
}

#[test]
fn tiers_and_regimes() {
    let t = json(&["tiers", "--regime", "diffusion2025", "--json"]);
    let d = t["destinations"].as_array().expect("destinations");
    assert_eq!(d.len(), 249);
    for code in ["HK", "MO", "TW", "SG", "BH", "MT", "LI", "LU"] {
        assert!(
            d.iter()
                .any(|x| x["code"] == code && x["status"].is_string()),
            "{code}"
        );
    }
    let t = json(&["tiers", "--date", "2024-06-01", "--json"]);
    assert_eq!(t["regime"]["id"], "ac2023");
    assert!(t["destinations"]
        .as_array()
        .expect("list")
        .iter()
        .all(|x| x["tier"].is_null()));
    let r = json(&["regimes", "--json"]);
    let list = r.as_array().expect("regimes");
    assert_eq!(list.len(), 7);
    assert!(list
        .iter()
        .any(|x| x["id"] == "proposal2025" && x["hypothetical"] == true));
    assert!(list
        .iter()
        .any(|x| x["id"] == "codified" && x["unenforced"] == true && x["hypothetical"] == false));
    let text = String::from_utf8_lossy(&h100e(&["regimes"]).stdout).into_owned();
    assert!(
        text.lines()
            .any(|l| l.starts_with("codified") && l.ends_with("[NOT ENFORCED]")),
        "{text}"
    );
    assert!(list
        .iter()
        .all(|x| x["effective"].is_string() && x["sources"].is_array()));
}

#[test]
fn bad_input_exits_2_with_one_clear_line() {
    let base = ["eval", "--to", "SG", "--chip", "h100"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().copied().chain(extra.iter().copied()).collect()
    };
    fails(
        &[
            "eval",
            "--to",
            "Sinagpore",
            "--chip",
            "h100",
            "--quantity",
            "1",
        ],
        "did you mean `Singapore`",
    );
    fails(
        &["eval", "--to", "SG", "--chip", "h1000", "--quantity", "1"],
        "unknown chip `h1000`",
    );
    // The engine's words serve the page too; the CLI adds its own options and command.
    fails(
        &["eval", "--to", "SG", "--chip", "h1000", "--quantity", "1"],
        "(`h100e chips` lists the catalog; a custom chip is --tops with --bits)",
    );
    fails(
        &["eval", "--to", "SG", "--chip", "wse3", "--quantity", "1"],
        "give its figures as a custom chip, its dense TOPS and bit lengths (--tops with --bits)",
    );
    fails(&with(&["--quantity", "-5"]), "bad quantity `-5`");
    fails(&with(&["--quantity", "0"]), "it is zero");
    fails(&with(&["--quantity", "2.5"]), "not a whole number");
    fails(
        &with(&["--quantity", "18446744073709551616"]),
        "beyond any real order",
    );
    fails(
        &with(&["--quantity", "1", "--regime", "tier9"]),
        "accepted ids are",
    );
    fails(
        &with(&["--quantity", "1", "--date", "2025-13-01"]),
        "YYYY-MM-DD",
    );
    fails(
        &with(&["--quantity", "1", "--date", "2022-10-07"]),
        "outside coverage",
    );
    fails(
        &with(&["--quantity", "1", "--end-user", "vip"]),
        "`none`, `uveu` or `nveu`",
    );
    fails(
        &with(&["--quantity", "1", "--prior-tpp", "-1"]),
        "bad prior TPP `-1`",
    );
    fails(
        &with(&["--quantity", "1", "--hq", "Atlantis"]),
        "unknown headquarters country `Atlantis`",
    );
    fails(
        &[
            "eval",
            "--to",
            "SG",
            "--quantity",
            "1",
            "--tops",
            "NaN",
            "--bits",
            "8",
        ],
        "error: --tops: bad dense TOPS `NaN`",
    );
    fails(
        &[
            "eval",
            "--to",
            "SG",
            "--quantity",
            "1",
            "--tops",
            "inf",
            "--bits",
            "8",
        ],
        "error: --tops: bad dense TOPS `inf`",
    );
    fails(
        &[
            "eval",
            "--to",
            "SG",
            "--quantity",
            "1",
            "--tops",
            "-3",
            "--bits",
            "8",
        ],
        "negative",
    );
    fails(
        &[
            "eval",
            "--to",
            "SG",
            "--quantity",
            "1",
            "--tops",
            "100",
            "--bits",
            "0",
        ],
        "error: --bits: bad bit length `0`",
    );
    fails(
        &[
            "eval",
            "--to",
            "SG",
            "--quantity",
            "1",
            "--tops",
            "100",
            "--bits",
            "8",
            "--die-area",
            "0",
        ],
        "error: --die-area: bad die area `0`",
    );
    fails(
        &["chip", "--tops", "1e9", "--bits", "8"],
        "error: --tops: bad dense TOPS `1e9`",
    );
    fails(
        &["chip", "--tops", "100000000", "--bits", "8"],
        "larger than any real chip",
    );
    fails(
        &[
            "eval",
            "--to",
            "CN",
            "--chip",
            "cerebras-wse3",
            "--quantity",
            "1",
        ],
        "no published dense throughput",
    );
    fails(&["eval", "--to", "SG", "--chip", "h100"], "--quantity");
    fails(
        &with(&[
            "--quantity",
            "1",
            "--regime",
            "ac2023",
            "--date",
            "2024-01-01",
        ]),
        "bad regime `ac2023`: accepted values are a regime id or a date, not both",
    );
}

#[test]
fn an_ambiguous_country_name_exits_2_naming_every_candidate() {
    // "Congo" may be the Republic (CG) or the arms-embargoed DR Congo (CD): no guess, both named.
    for needle in ["Republic of the Congo", "DR Congo", "`CG`", "`CD`"] {
        fails(
            &["eval", "--to", "Congo", "--chip", "H100", "--quantity", "1"],
            needle,
        );
    }
    fails(
        &[
            "eval",
            "--to",
            "SG",
            "--hq",
            "Korea",
            "--chip",
            "H100",
            "--quantity",
            "1",
        ],
        "`Korea` can mean South Korea or North Korea",
    );
    // The picker's list says which names are shared, on the entries they may mean.
    let list = json(&["countries", "--json"]);
    let shared: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter(|c| {
            c["also_called"]
                .as_array()
                .is_some_and(|a| a.iter().any(|n| n == "Congo"))
        })
        .filter_map(|c| c["code"].as_str())
        .collect();
    assert_eq!(shared, ["CD", "CG"]);
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_h100e"))
        .args(["tiers"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn json_errors_are_json_on_stdout_too() {
    for (args, field, code) in [
        (
            &[
                "eval",
                "--to",
                "Congo",
                "--chip",
                "H100",
                "--quantity",
                "1",
                "--json",
            ][..],
            "to",
            "ambiguous-country",
        ),
        (
            &[
                "eval",
                "--to",
                "SG",
                "--chip",
                "H100",
                "--quantity",
                "0",
                "--json",
            ][..],
            "quantity",
            "bad-number",
        ),
        (
            &["eval", "--to", "SG", "--chip", "H100", "--json"][..],
            "arguments",
            "bad-arguments",
        ),
    ] {
        let out = h100e(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON error");
        assert_eq!(v["error"]["field"], field, "{args:?}");
        assert_eq!(v["error"]["code"], code, "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| stderr.contains(m)));
    }
}

#[test]
fn chip_text_shows_every_tpp_reading() {
    // chips.md §6: the MI355X is 60,397.8 on the MXFP6 reading, 40,265.6 if MX formats count at 8 bits.
    let out = h100e(&["chip", "mi355x"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("TPP readings"))
        .expect("readings line");
    assert!(
        line.contains("60,397.8") && line.contains("40,265.6"),
        "{line}"
    );
    let b200 = String::from_utf8_lossy(&h100e(&["chip", "b200"]).stdout).to_string();
    assert!(!b200.contains("TPP readings"), "the B200's sources agree");
}

#[test]
fn one_chip_is_one_chip() {
    // The text answer counts the order in words a reader would write: "1 chip", "2 chips".
    let text = |qty: &str| {
        String::from_utf8(
            h100e(&["eval", "--to", "SG", "--chip", "h100", "--quantity", qty]).stdout,
        )
        .expect("utf-8")
    };
    assert!(
        text("1").contains("Order        1 chip = 15,832 TPP"),
        "{}",
        text("1")
    );
    assert!(text("2").contains("Order        2 chips = 31,664 TPP"));
}

#[test]
fn convert_lists_every_chip_with_its_count() {
    let v = json(&["convert", "--threshold", "diffusion2025.lpp", "--json"]);
    let chips = v["chips"].as_array().expect("chips");
    assert_eq!(chips.len(), h100e::chip::catalog().len());
    let b200 = chips.iter().find(|c| c["id"] == "b200").expect("b200");
    assert_eq!(b200["count"], 747);
    assert_eq!(v["threshold"]["id"], "diffusion2025.lpp");
    assert_eq!(v["threshold"]["contested"]["fact"], "lpp-d1-d4");
    assert_eq!(v["amount"]["tpp"], 26_900_000.0);
    // The same amount typed in TPP gives the same counts.
    let t = json(&["convert", "--tpp", "26,900,000", "--json"]);
    assert_eq!(t["chips"], v["chips"]);
    let text =
        String::from_utf8_lossy(&h100e(&["convert", "--chip", "B200", "--quantity", "747"]).stdout)
            .to_string();
    assert!(text.contains("26,892,000 TPP"), "{text}");
}

#[test]
fn thresholds_lists_ids_values_and_citations() {
    let v = json(&["thresholds", "--json"]);
    let list = v.as_array().expect("a list");
    assert_eq!(list.len(), h100e::convert::all().len());
    assert!(list
        .iter()
        .all(|t| t["citation"]["url"].is_string() && t["tpp"].is_number()));
    let proposal = list
        .iter()
        .find(|t| t["id"] == "proposal2025.lpp")
        .expect("listed");
    assert_eq!(
        (
            proposal["hypothetical"].as_bool(),
            proposal["h100e"].as_f64()
        ),
        (Some(true), Some(500.0))
    );
}

#[test]
fn convert_refuses_what_it_cannot_read() {
    fails(
        &["convert", "--threshold", "diffusion2025.lp"],
        "unknown threshold",
    );
    fails(&["convert", "--tpp", "5", "--h100e", "1"], "one amount");
    fails(&["convert", "--chip", "h100"], "one amount");
    fails(&["convert", "--h100e", "abc"], "bad H100-equivalents `abc`");
}

#[test]
fn compare_shows_every_regime_and_what_differs() {
    let v = json(&[
        "compare",
        "--to",
        "Israel",
        "--chip",
        "H100",
        "--quantity",
        "100",
        "--json",
    ]);
    let cols = v["columns"].as_array().expect("columns");
    assert_eq!(cols.len(), h100e::regime::all().len());
    // Every cell named in `differs` differs, and every other one is the same in all columns.
    for cell in [
        "tier",
        "license_required",
        "exception_used",
        "counts_against_country_cap",
        "review_policy",
        "largest_license_free",
        "outcome_class",
    ] {
        let first = &cols[0][cell];
        let varies = cols.iter().any(|c| &c[cell] != first);
        let listed = v["differs"]
            .as_array()
            .is_some_and(|d| d.iter().any(|x| x == cell));
        assert_eq!(varies, listed, "{cell}");
    }
    let hyp = cols
        .iter()
        .filter(|c| c["regime"]["hypothetical"] == true)
        .count();
    assert_eq!(
        hyp,
        h100e::regime::all()
            .iter()
            .filter(|r| r.hypothetical)
            .count()
    );
    let text = String::from_utf8_lossy(
        &h100e(&[
            "compare",
            "--to",
            "IL",
            "--chip",
            "H100",
            "--quantity",
            "100",
        ])
        .stdout,
    )
    .to_string();
    assert!(
        text.contains("HYPOTHETICAL") && text.contains("Differs across regimes"),
        "{text}"
    );
    fails(
        &[
            "compare",
            "--to",
            "IL",
            "--chip",
            "H100",
            "--quantity",
            "1",
            "--regime",
            "ac2023",
        ],
        // Compare shows every regime: --regime only says what a --scenario is built on.
        "--scenario",
    );
    let with = json(&[
        "compare",
        "--to",
        "IL",
        "--chip",
        "B200",
        "--quantity",
        "300",
        "--regime",
        "diffusion2025",
        "--scenario",
        "lpp=500h100e",
        "--json",
    ]);
    let cols = with["columns"].as_array().expect("columns");
    let last = cols.last().expect("a column");
    assert_eq!(last["regime"]["scenario"]["text"], "lpp=500h100e");
    assert_eq!(last["regime"]["id"], "diffusion2025");
    // 500 × 15,832 TPP / 36,000 TPP per B200 = 219.9 (the reported proposal's line, §5.7).
    assert_eq!(last["largest_license_free"]["quantity"], 219);
}

#[test]
fn claims_json_has_text_source_verdict_figure_and_citation() {
    let v = json(&["claims", "--json"]);
    let list = v["claims"].as_array().expect("claims");
    assert_eq!(list.len(), h100e::data::CLAIMS.len());
    for c in list {
        assert!(
            c["text"].is_string()
                && c["source"]["publisher"].is_string()
                && c["source"]["url"].is_string()
        );
        assert!(
            ["accurate", "partly-accurate", "inaccurate", "unverifiable"]
                .contains(&c["verdict"].as_str().unwrap_or(""))
        );
        assert!(c["corrected"]["text"].is_string() && c["citation"]["label"].is_string());
    }
    let text = String::from_utf8_lossy(&h100e(&["claims"]).stdout).to_string();
    assert!(
        text.contains("PARTLY ACCURATE") && text.contains("UNVERIFIABLE"),
        "{text}"
    );
}
