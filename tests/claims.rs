//! The fact sheet of public claims: every claim in data/claims.toml is checked by the engine, and
//! the verdicts follow from figures computed here from the statics, not typed in.

use h100e::claims::{self, Figure, Verdict};
use h100e::data::{CLAIMS, CLASSIFICATION, REGIMES};
use h100e::model::Assertion;
use h100e::vocab::SourceKind;
use h100e::wire;

fn check(id: &str) -> claims::Check {
    let c = CLAIMS
        .iter()
        .find(|c| c.id == id)
        .expect("a claim of the data");
    claims::check(c).expect("checks")
}

#[test]
fn every_claim_is_checked_and_every_kind_is_present() {
    let all = claims::all().expect("every claim checks against the data");
    assert!(all.len() >= 12, "{} claims", all.len());
    let out = wire::claims().expect("claims");
    for kind in ["threshold", "tier-count", "same-tier", "date", "deal"] {
        assert!(out.claims.iter().any(|c| c.kind == kind), "{kind}");
    }
    for c in &out.claims {
        assert!(
            !c.source.url.is_empty() && !c.citation.url.is_empty(),
            "{}",
            c.id
        );
        assert!(!c.findings.is_empty(), "{}", c.id);
    }
}

#[test]
fn claims_quote_commentary_never_the_rules() {
    // A claim is what someone said about the rules: its source is news, an analyst or a law firm.
    for c in CLAIMS {
        assert!(
            c.source.kind.is_commentary(),
            "{} cites {:?}",
            c.id,
            c.source.kind
        );
        assert_ne!(c.source.kind, SourceKind::Regulation);
    }
}

#[test]
fn tier_counts_are_the_maps_counts() {
    // Supp. 5(a) to part 740 names 18 destinations (rule.md §2.2): "Seventeen countries and
    // Taiwan" is exact, "16 others" beside four named allies (20) is not.
    assert_eq!(check("reuters-tier1-count").verdict, Verdict::Accurate);
    assert_eq!(check("techloy-tier1-count").verdict, Verdict::Inaccurate);
    // Tier 2 is everything else: the count is computed from the map's statuses, and "about 120"
    // holds only within 115 to 125.
    let t2 = check("reuters-tier2-count");
    let Figure::TierCount { count, .. } = t2.figure else {
        panic!("a count");
    };
    let tiers =
        wire::tiers(&h100e::regime::Choice::Id("diffusion2025".into()), None).expect("tiers");
    let on_map = tiers
        .destinations
        .iter()
        .filter(|d| d.tier == Some(2) && d.treated_as.is_none() && d.uncounted.is_none())
        .count();
    assert_eq!(count, on_map as u64);
    let expected = if count.abs_diff(120) <= 5 {
        Verdict::Accurate
    } else {
        Verdict::Inaccurate
    };
    assert_eq!(t2.verdict, expected);
}

#[test]
fn israel_yemen_and_singapore_share_tier_2() {
    // Neither Israel (A:6, D:4) nor Yemen (D:1, D:4) is in supp. 5(a) or D:5 (rule.md §2.5).
    assert_eq!(
        check("semianalysis-yemen-singapore").verdict,
        Verdict::Accurate
    );
    assert_eq!(check("jewishpress-israel-tier").verdict, Verdict::Accurate);
}

#[test]
fn threshold_figures_right_and_wrong_in_what_they_count() {
    // §740.29 (per SemiAnalysis): 26,900,000 TPP per buyer per calendar year = 1,699.1 H100e, so
    // "1,700 H100 chips" is right; "1,700 GPUs per order" has the figure but neither the unit nor
    // what is counted.
    assert_eq!(check("benzinga-1700-h100").verdict, Verdict::Accurate);
    assert_eq!(
        check("pcmag-1700-per-order").verdict,
        Verdict::PartlyAccurate
    );
    // §742.6(b)(10) (per Reuters): 790,000,000 TPP for 2025–27 ≈ 49,899 H100e: "50,000 GPUs" has
    // the figure in the wrong unit; "annually" also gets the period wrong.
    assert_eq!(check("pcmag-50000-cap").verdict, Verdict::PartlyAccurate);
    let annual = wire::claims::claim(&check("techloy-50000-annually"));
    assert!(annual.findings.iter().any(|f| f.id == "measure-differs"));
    // Reuters, 29 Apr 2025: about 500 H100s, a reported proposal.
    let p = wire::claims::claim(&check("benzinga-500-proposal"));
    assert_eq!(p.verdict, "accurate");
    assert!(p.findings.iter().any(|f| f.id == "hypothetical"));
    assert_eq!(p.corrected.h100e, Some(500.0));
}

#[test]
fn the_may_15_compliance_date_was_overtaken_by_the_rescission() {
    // rule.md §2.1: compliance due 15 May 2025; BIS set the rule aside on 13 May 2025, the day the
    // next real regime in the data takes effect.
    let c = check("reuters-may-15");
    assert_eq!(c.verdict, Verdict::PartlyAccurate);
    let ifr = REGIMES
        .iter()
        .find(|r| r.id == "diffusion2025")
        .expect("the IFR");
    let next = REGIMES
        .iter()
        .filter(|r| r.in_succession() && r.effective > ifr.effective)
        .map(|r| r.effective)
        .min()
        .expect("a successor");
    assert!(c.findings.contains(&claims::Finding::SetAsideBefore(next)));
}

#[test]
fn deals_are_set_against_the_caps_in_tpp() {
    // 35,000 GB300 GPUs at 60,000 TPP each (updates-2026-12.md row 10) = 2.1e9 TPP: above even
    // the doubled allocation of 1.58e9. Computed here from the catalog and the regime.
    let gb300 = h100e::chip::Chip::Catalog(h100e::chip::find("gb300").expect("catalog"))
        .metrics()
        .expect("metrics")
        .tpp
        .expect("tpp");
    let deal = gb300.checked_mul_int(35_000).expect("fits");
    let alloc = REGIMES
        .iter()
        .find_map(|r| r.allocation.as_ref())
        .expect("the IFR's allocation");
    for id in ["bloomberg-g42-gb300", "bloomberg-humain-gb300"] {
        let c = check(id);
        assert_eq!(c.verdict, Verdict::Unverifiable, "licenses are not public");
        let Figure::Deal { tpp, caps, .. } = &c.figure else {
            panic!("a deal");
        };
        assert_eq!(*tpp, deal);
        assert_eq!(caps.len(), 2);
        assert_eq!(caps[0].exceeds, deal > alloc.tpp.value);
        assert_eq!(caps[1].exceeds, deal > alloc.g2g_tpp.value);
    }
    // 75,000 H200s ≈ 75,000 H100e (the H200's TPP is the H100's); China was Tier 3.
    let h = wire::claims::claim(&check("bloomberg-h200-75000"));
    assert_eq!(h.corrected.h100e, Some(75_000.0));
    assert_eq!(
        h.corrected.tpp,
        Some(75_000.0 * CLASSIFICATION.h100_tpp.value.to_f64())
    );
}

#[test]
fn every_assertion_names_data_that_exists() {
    // The build checks ids; this checks the run-time side of the same names (threshold slugs).
    for c in CLAIMS {
        if let Assertion::Threshold {
            regime, threshold, ..
        } = &c.asserts
        {
            assert!(
                h100e::convert::find(&format!("{regime}.{threshold}")).is_ok(),
                "{}",
                c.id
            );
        }
    }
}
