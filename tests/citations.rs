//! Honest citations: every citation says what it is about, what its link opens and how directly
//! it was read, on every surface, and a link labelled as a regulation opens the regulation as it
//! stood on the answer's date.

mod common;

use std::process::Command;

use common::{eval, req, Tweak};
use h100e::date::Date;
use h100e::query::Request;
use h100e::vocab::{Grade, SourceKind};
use h100e::wire::{self, CitationOut, EvalOut};

/// Questions across every regime, the tiers, the exceptions, the caps and the chip caveats.
fn queries() -> Vec<Request> {
    let mut out = Vec::new();
    for regime in [
        "ac2023",
        "diffusion2025",
        "proposal2025",
        "rescission2025",
        "jan2026",
    ] {
        for (to, chip, n) in [
            ("IN", "h100", 1000),
            ("SG", "h100", 100_000),
            ("CN", "h20", 10),
            ("CN", "h200", 10),
            ("FR", "b200", 10),
            ("AE", "mi308x", 10),
            ("CY", "h100", 10),
            ("HK", "ascend-910c", 10),
            ("US", "l40s", 10),
            ("MO", "rtx-4090", 5),
        ] {
            out.push(req(to, chip, n).regime(regime));
            out.push(req(to, chip, n).regime(regime).hq("CN"));
        }
        out.push(req("IN", "h100", 10).regime(regime).end_user("nveu"));
        out.push(req("IN", "h100", 10).regime(regime).end_user("uveu"));
        out.push(req("IN", "h100", 10).regime(regime).prior("26000000").g2g());
    }
    out.push(req("IN", "h100", 10).date("2024-06-01"));
    out.push(req("IN", "h100", 10).date("2025-03-01"));
    out
}

/// Every citation of an answer, with where it sits.
fn citations(v: &EvalOut) -> Vec<(String, &CitationOut)> {
    let mut out = vec![("chip eccn".to_string(), &v.chip.eccn_citation)];
    for e in &v.license_exceptions {
        out.push((format!("exception {}", e.id), &e.citation));
    }
    for c in &v.caps {
        out.push((format!("cap {}", c.id), &c.citation));
    }
    for s in &v.explanation {
        out.push((format!("step {}", s.id), &s.citation));
    }
    out
}

fn answers() -> Vec<EvalOut> {
    queries().into_iter().map(eval).collect()
}

fn grade_words(id: &str) -> &'static str {
    Grade::from_id(id)
        .unwrap_or_else(|| panic!("unknown grade {id}"))
        .label()
}

fn is_commentary(kind: &str) -> bool {
    SourceKind::from_id(kind)
        .unwrap_or_else(|| panic!("unknown kind {kind}"))
        .is_commentary()
}

#[test]
fn every_label_names_about_link_and_grade() {
    let mut n = 0;
    for v in answers() {
        for (what, c) in citations(&v) {
            n += 1;
            let ctx = format!("{} to {}, {what}", v.regime.id, v.destination.code);
            assert_eq!(c.grade_label, grade_words(c.grade), "{ctx}");
            assert_eq!(
                c.label,
                format!("{} · {} · {}", c.about, c.links_to, c.grade_label),
                "{ctx}"
            );
            assert!(c.label.ends_with(c.grade_label), "{ctx}: {}", c.label);
            assert!(!c.publisher.is_empty() && !c.links_to.is_empty(), "{ctx}");
            // A secondary source is labelled by its publisher ("per Wiley, Jan 2025").
            if c.grade == "S" && c.kind != "regulation" {
                assert!(c.links_to.starts_with("per "), "{ctx}: {}", c.label);
            }
        }
    }
    assert!(n > 1000, "only {n} citations");
}

#[test]
fn a_regulation_read_only_in_commentary_says_its_text_was_not_read() {
    let mut seen = 0;
    for v in answers() {
        for (what, c) in citations(&v) {
            if c.grade == "S" && (c.cfr.is_some() || c.fr.is_some()) {
                assert!(
                    c.about.ends_with(" (text not read)"),
                    "{} {what}: {}",
                    v.regime.id,
                    c.label
                );
            }
            if is_commentary(c.kind) {
                seen += 1;
                assert_eq!(c.grade, "S", "{what}: {}", c.label);
                assert!(
                    !c.label.starts_with("15 CFR") || c.label.contains("(text not read)"),
                    "{} {what}: {}",
                    v.regime.id,
                    c.label
                );
            }
        }
    }
    assert!(seen > 50, "only {seen} commentary citations");
}

#[test]
fn regulation_links_open_the_text_in_force_on_the_answers_date() {
    let mut seen = 0;
    for v in answers() {
        let on = format!(
            "https://www.ecfr.gov/on/{}/title-15/",
            v.regime.date_applied
        );
        assert!(Date::parse(&v.regime.date_applied).is_some());
        for (what, c) in citations(&v) {
            assert!(
                !c.url.contains("ecfr.gov/current/"),
                "{what}: {} is not point-in-time",
                c.url
            );
            if c.kind == "regulation" {
                seen += 1;
                assert!(c.url.starts_with(&on), "{what}: {} lacks {on}", c.url);
                assert_eq!(
                    c.links_to,
                    format!("eCFR text as of {}", v.regime.date_applied)
                );
            }
        }
    }
    assert!(seen > 500, "only {seen} regulation citations");
}

/// The full source list is built with `notes` (the CLI and the site generator have it).
#[cfg(feature = "notes")]
#[test]
fn lists_without_a_date_keep_the_current_text() {
    let all = wire::sources();
    assert_eq!(all.len(), h100e::data::SOURCES.len());
    for c in all.iter().chain(
        wire::regimes()
            .iter()
            .flat_map(|r| r.sources.iter().flatten()),
    ) {
        assert_eq!(
            c.label,
            format!(
                "{} · {} · {}",
                c.source.expect("every title"),
                c.links_to,
                c.grade_label
            )
        );
        assert_eq!(c.grade_label, grade_words(c.grade));
        if c.kind == "regulation" {
            assert!(
                c.url.starts_with("https://www.ecfr.gov/current/title-15/"),
                "{}",
                c.url
            );
            assert_eq!(c.links_to, "eCFR, current text");
        }
    }
    assert!(all.iter().any(|c| c.kind == "regulation"));
}

#[test]
fn point_in_time_urls() {
    let d = Date::parse("2025-03-01");
    assert_eq!(
        wire::ecfr_on("https://www.ecfr.gov/current/title-15/section-740.8", d),
        "https://www.ecfr.gov/on/2025-03-01/title-15/section-740.8"
    );
    assert_eq!(
        wire::ecfr_on("https://www.ecfr.gov/current/title-15/section-740.8", None),
        "https://www.ecfr.gov/current/title-15/section-740.8"
    );
    let fr = "https://www.federalregister.gov/documents/2023/10/25/2023-23055";
    assert_eq!(wire::ecfr_on(fr, d), fr);
}

/// The three kinds of label a reader meets, exactly.
#[test]
fn example_labels() {
    let v = eval(req("IN", "h100", 1000).regime("diffusion2025"));
    let step = |id: &str, cfr: &str| {
        v.explanation
            .iter()
            .find(|s| s.id == id && s.citation.cfr == Some(cfr))
            .unwrap_or_else(|| panic!("step {id} citing {cfr}"))
            .citation
            .clone()
    };
    let date = &v.regime.date_applied;
    let ecfr = step("nac.datacenter_a_item", "15 CFR 740.8(a)");
    assert_eq!(
        ecfr.label,
        format!(
            "15 CFR 740.8(a), 89 FR 23884 · eCFR text as of {date} · primary (eCFR text via a mirror)"
        )
    );
    assert_eq!(
        ecfr.url,
        format!("https://www.ecfr.gov/on/{date}/title-15/section-740.8")
    );
    let lpp = v
        .license_exceptions
        .iter()
        .find(|e| e.id == "LPP")
        .expect("LPP")
        .citation
        .clone();
    assert_eq!(
        lpp.label,
        "15 CFR 740.29, 90 FR 4544 (text not read) · per SemiAnalysis, Jan 2025 · secondary"
    );
    assert_eq!(lpp.kind, "analyst");
    let fr = eval(req("IN", "h100", 10).regime("ac2023"));
    let scope = fr
        .explanation
        .iter()
        .map(|s| &s.citation)
        .find(|c| c.kind == "federal-register")
        .expect("a Federal Register citation");
    assert_eq!(
        scope.label,
        "15 CFR 742.6(a)(6)(iii), 88 FR 73458 · Federal Register, 25 Oct 2023 · primary"
    );
    assert_eq!(
        scope.url,
        "https://www.federalregister.gov/documents/2023/10/25/2023-23055"
    );
}

/// The CLI's text prints every citation with its grade in words.
#[test]
fn cli_text_shows_every_grade() {
    let out = Command::new(env!("CARGO_BIN_EXE_h100e"))
        .args([
            "eval",
            "--to",
            "IN",
            "--chip",
            "h100",
            "--quantity",
            "1000",
            "--regime",
            "diffusion2025",
        ])
        .output()
        .expect("run h100e");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let cites: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('['))
        .collect();
    assert!(cites.len() > 10, "{text}");
    for l in cites {
        assert!(
            l.contains(" · primary") || l.contains(" · secondary"),
            "no grade in `{l}`"
        );
    }
    assert!(text.contains("(text not read) · per SemiAnalysis, Jan 2025 · secondary]"));
}

/// The tagline promises no more than the sources give: not every step rests on 15 CFR or the
/// Federal Register.
#[test]
fn taglines_do_not_overpromise() {
    for f in ["README.md", "www/page.html"] {
        let text = std::fs::read_to_string(f).expect(f);
        for claim in [
            "cited to 15 CFR",
            "citations to 15 CFR",
            "cited to the rules",
        ] {
            assert!(!text.contains(claim), "{f} says `{claim}`");
        }
        assert!(
            text.contains("secondary"),
            "{f} does not mention secondary sources"
        );
    }
}

/// The 2026 rules cite what the research read for them (research/updates-2026-12.md): the
/// headquarters rule at §742.6(a)(6)(iii)(A), the paragraph BIS's guidance of 31 May 2026 relies on
/// (row 3, §4 item 4); ACA with the caveat that only its April 2024 text was read and its later
/// scope not found (rule.md §3.5), which decides a 3A090.b chip to the UAE once it is in A:5 (row 5).
#[test]
fn the_2026_rules_cite_what_was_read() {
    let v = eval(req("SG", "h100", 10).regime("jan2026").hq("CN"));
    let hq = v
        .explanation
        .iter()
        .find(|s| s.id == "hq.rule_applies")
        .expect("the headquarters step");
    assert_eq!(hq.citation.cfr, Some("15 CFR 742.6(a)(6)(iii)(A)"));
    let v = eval(req("AE", "l40", 100).date("2026-08-01"));
    let aca = v
        .license_exceptions
        .iter()
        .find(|e| e.id == "ACA")
        .expect("ACA");
    let caveat = aca.citation.uncertain.unwrap_or_default();
    assert!(
        caveat.contains("April 2024") && caveat.contains("UAE"),
        "{caveat}"
    );
    // The H100 unit is our chip research, not a paragraph of the rule that was "not read".
    let order = v
        .explanation
        .iter()
        .find(|s| s.id == "order.tpp")
        .expect("the order step");
    assert_eq!(order.citation.cfr, None);
    assert_eq!(order.citation.kind, "research");
}
