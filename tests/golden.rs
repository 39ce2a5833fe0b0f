//! Golden cases from the rule text. Each names the paragraph it comes from; figures are from
//! research/rule.md and research/chips.md, which cite the Federal Register and eCFR.

mod common;

use common::{eval, exception, req, typed, Tweak};
use h100e::chip::{Chip, CustomSpec};
use h100e::query::Request;
use h100e::reason::{Reason, ScopeWhy};
use h100e::regime::Choice;
use h100e::verdict::Verdict;
use h100e::wire;

/// The engine's typed verdict, for assertions on reasons and their numbers.
fn verdict(r: Request) -> Verdict {
    h100e::eval::evaluate(&r.resolve().expect("valid request")).expect("answerable")
}

/// The license scope that applies, when it applies by country groups: the groups it found the
/// destination in, and whether the rule names the destination itself.
fn scope_groups(r: Request) -> Option<(Vec<&'static str>, bool)> {
    verdict(r).steps.into_iter().find_map(|s| match s.reason {
        Reason::Scope {
            applies: true,
            why: ScopeWhy::InGroups { groups, named },
            ..
        } => Some((groups, named)),
        _ => None,
    })
}

fn custom(pairs: &[(&str, &str)], die_area: Option<&str>, non_dc: bool) -> wire::ChipOut {
    let tops: Vec<String> = pairs.iter().map(|p| p.0.to_string()).collect();
    let bits: Vec<String> = pairs.iter().map(|p| p.1.to_string()).collect();
    let spec = CustomSpec::parse(&tops, &bits, die_area, non_dc, None).expect("valid spec");
    wire::chip(&Chip::Custom(spec)).expect("measurable")
}

fn catalog(id: &str) -> wire::ChipOut {
    wire::chip(&Chip::Catalog(h100e::chip::find(id).expect("catalog chip"))).expect("measurable")
}

// ---- 15 CFR 774 supp. 1, ECCN 3A090 and its Technical Notes ----------------------------------

#[test]
fn h100_is_the_unit() {
    // Technical Note 1: 1,979 dense FP8 TFLOPS × 8 bits = 15,832 (chips.md, row h100-sxm5).
    let h = catalog("H100");
    assert_eq!(h.id, "h100-sxm");
    assert_eq!(h.tpp, Some(15832.0));
    assert_eq!(h.h100e, Some(1.0));
    assert_eq!(h.eccn_paragraph, Some("3A090.a.1"));
    assert_eq!(h.performance_density, Some(19.45)); // 15,832 / 814, rounded to 3 decimals
}

#[test]
fn technical_note_2_worked_example_sits_exactly_on_the_line() {
    // Technical Note 2: "the 'TPP' threshold of 4800 can be met with ... 300 tera FLOPS ... at 16 bits".
    let c = custom(&[("300", "16")], None, false);
    assert_eq!(c.tpp, Some(4800.0));
    assert_eq!(c.eccn_paragraph, Some("3A090.a.1"));
    // A thousandth of a TFLOPS less is below 3A090.a.1 and needs the die area to classify.
    let spec =
        CustomSpec::parse(&["299.999".into()], &["16".into()], None, false, None).expect("valid");
    assert!(matches!(
        wire::chip(&Chip::Custom(spec)),
        Err(h100e::Error::NeedsDieArea { .. })
    ));
    // With 1,000 mm²: PD 4.799984, between 1.6 and 5.92, TPP between 2,400 and 4,800: 3A090.b.1.
    let c = custom(&[("299.999", "16")], Some("1000"), false);
    assert_eq!(c.eccn_paragraph, Some("3A090.b.1"));
}

#[test]
fn performance_density_line_of_3a090_a_2_is_inclusive() {
    // 3A090.a.2: TPP ≥ 1,600 and PD ≥ 5.92. TPP 2,960 over 500 mm² is exactly 5.92.
    assert_eq!(
        custom(&[("185", "16")], Some("500"), false).eccn_paragraph,
        Some("3A090.a.2")
    );
    // 500.001 mm² makes PD a hair below 5.92: 3A090.b.1 (TPP ≥ 2,400, PD ≥ 1.6).
    assert_eq!(
        custom(&[("185", "16")], Some("500.001"), false).eccn_paragraph,
        Some("3A090.b.1")
    );
}

#[test]
fn real_chips_fall_where_the_research_says() {
    // 3A090.a.1: A100 TPP 4,992 "just above the 4,800 line".
    assert_eq!(catalog("a100-sxm").eccn_paragraph, Some("3A090.a.1"));
    // 3A090.a.2: L4 TPP 1,940 but PD 6.59 (chips.md §3, "the instructive case").
    assert_eq!(catalog("l4").eccn_paragraph, Some("3A090.a.2"));
    // 3A090.b: L40, TPP 2,896.8 and PD 4.76.
    assert_eq!(catalog("l40").eccn, "3A090.b");
    // H20: TPP 2,368 < 2,400 (b.1) and PD 2.91 < 3.2 (b.2): outside 3A090 (rule.md §1.7).
    assert_eq!(catalog("h20").eccn, "not 3A090");
    // Note to 3A090: consumer RTX 4090 D at TPP 4,706.88 < 4,800 is outside 3A090 whatever its PD.
    let d = catalog("rtx-4090d");
    assert_eq!((d.eccn, d.datacenter), ("not 3A090", "no"));
    // ... while the RTX 4090 (TPP 5,284.8 ≥ 4,800) is 3A090.a even though it is a consumer card.
    assert_eq!(catalog("RTX 4090").eccn, "3A090.a");
    // The same PD with a datacenter flag is 3A090.a.2 (PD 7.7 ≥ 5.92): the Note alone decides.
    assert_eq!(
        custom(&[("294.18", "16")], Some("608.5"), false).eccn_paragraph,
        Some("3A090.a.2")
    );
    assert_eq!(
        custom(&[("294.18", "16")], Some("608.5"), true).eccn,
        "not 3A090"
    );
}

// ---- Tiers: supp. 5(a) to part 740, Country Group D:5 and Macau (90 FR 4544) ----------------

#[test]
fn diffusion_tiers_match_the_lists() {
    let t = wire::tiers(&Choice::Id("diffusion2025".into()), None).expect("tiers");
    let tier = |code: &str| {
        t.destinations
            .iter()
            .find(|d| d.code == code)
            .and_then(|d| d.tier)
    };
    // Supp. 5(a): 18 destinations (17 countries and Taiwan), plus the US as exporter and the six
    // US territories the EAR counts as the United States.
    let ones: Vec<&str> = t
        .destinations
        .iter()
        .filter(|d| d.tier == Some(1))
        .map(|d| d.code)
        .collect();
    assert_eq!(ones.len(), 25, "{ones:?}");
    for c in [
        "AU", "BE", "CA", "DK", "FI", "FR", "DE", "IE", "IT", "JP", "NL", "NZ", "NO", "KR", "ES",
        "SE", "TW", "GB", "US", "PR", "GU", "VI", "AS", "MP", "UM",
    ] {
        assert_eq!(tier(c), Some(1), "{c}");
    }
    // Tier 3: the 23 D:5 countries of January 2025 plus Macau, and Hong Kong as part of China.
    let threes = t.destinations.iter().filter(|d| d.tier == Some(3)).count();
    assert_eq!(threes, 25);
    for c in ["CN", "HK", "MO", "RU", "IR", "KP", "KH", "NI", "VE"] {
        assert_eq!(tier(c), Some(3), "{c}");
    }
    // rule.md §6, claim 6: Israel and Yemen are both Tier 2; so are Singapore and the UAE.
    for c in ["IL", "YE", "SG", "AE", "IN", "CY", "PL"] {
        assert_eq!(tier(c), Some(2), "{c}");
    }
}

// ---- License Exception LPP, 15 CFR 740.29 (26,900,000 TPP per consignee per calendar year) ----

#[test]
fn lpp_boundary_is_1699_h100s() {
    // 1,699 × 15,832 = 26,898,568 ≤ 26,900,000: LPP; 1,700 × 15,832 = 26,914,400: license.
    let under = eval(req("SG", "h100", 1699).regime("diffusion2025"));
    assert_eq!(
        (under.license_required, under.exception_used),
        (false, Some("LPP"))
    );
    assert!(!under.counts_against_country_cap);
    let lpp = under
        .caps
        .iter()
        .find(|c| c.id == "LPP")
        .expect("LPP cap shown");
    assert_eq!(lpp.headroom_tpp, Some(1432.0));
    let over = eval(req("SG", "h100", 1700).regime("diffusion2025"));
    assert!(over.license_required);
    assert!(!exception(&over, "LPP"));
    assert!(over.counts_against_country_cap);
    assert_eq!(over.review_policy, Some("presumption-of-approval"));
}

#[test]
fn lpp_counts_prior_shipments_this_calendar_year() {
    // 1,000 H100 = 15,832,000; with 11,000,000 already shipped: 26,832,000 ≤ 26,900,000.
    let ok = eval(
        req("MY", "h100", 1000)
            .regime("diffusion2025")
            .prior("11000000"),
    );
    assert_eq!(ok.exception_used, Some("LPP"));
    // With 11,100,000 already shipped: 26,932,000 > 26,900,000.
    let over = eval(
        req("MY", "h100", 1000)
            .regime("diffusion2025")
            .prior("11,100,000"),
    );
    assert!(over.license_required);
    let cap = over.caps.iter().find(|c| c.id == "LPP").expect("LPP cap");
    assert_eq!(cap.over_by_tpp, Some(32000.0));
}

// ---- License Exception AIA, 15 CFR 740.27(a): located AND headquartered in Tier 1 -----------

#[test]
fn aia_needs_tier1_location_and_headquarters() {
    let fr = eval(req("FR", "b200", 100_000).regime("diffusion2025"));
    assert_eq!(
        (fr.license_required, fr.exception_used),
        (false, Some("AIA"))
    );
    // §740.27(c): 100,000 B200 = 3.6e9 TPP, above 253,000,000: the certification must be reported.
    let report = fr
        .caps
        .iter()
        .find(|c| c.id == "AIA-report")
        .expect("AIA report threshold");
    // A reporting line is reached, not exceeded: nothing is "over" it, and LPP's allowance, which
    // an AIA order does not use, is not shown as a cap of this answer.
    assert_eq!(report.kind, "reporting-line");
    assert!(report.reached);
    assert_eq!(report.over_by_tpp, None);
    assert!(fr.caps.iter().all(|c| c.id != "LPP"));
    assert!(fr.explanation.iter().any(|s| s.id == "aia.conditions"));
    // US-headquartered buyers count as Tier 1 (rule.md §2.3).
    assert_eq!(
        eval(
            req("JP", "h100", 5000)
                .regime("diffusion2025")
                .hq("United States")
        )
        .exception_used,
        Some("AIA")
    );
    // A Tier 1 buyer headquartered in Tier 2 (an Indian firm in France): no AIA; LPP still covers a
    // small order, a large one needs a license (India is A:5: presumption of approval, §744.23(d)).
    let small = eval(req("FR", "h100", 1000).regime("diffusion2025").hq("IN"));
    assert!(!exception(&small, "AIA"));
    assert_eq!(small.exception_used, Some("LPP"));
    let large = eval(req("FR", "h100", 2000).regime("diffusion2025").hq("IN"));
    assert!(large.license_required);
    assert!(
        !large.counts_against_country_cap,
        "Tier 1 has no country allocation"
    );
    assert_eq!(large.review_policy, Some("presumption-of-approval"));
}

// ---- D:5/Macau-headquartered buyers: 15 CFR 744.23(a)(3), moved to 742.6 by the IFR ---------

#[test]
fn d5_headquartered_buyer_in_tier1_faces_denial() {
    let v = eval(req("DE", "h100", 1).regime("diffusion2025").hq("China"));
    assert!(v.license_required);
    assert_eq!(v.review_policy, Some("presumption-of-denial"));
    for id in ["AIA", "LPP", "UVEU", "NVEU", "ACA"] {
        assert!(
            !exception(&v, id),
            "{id} must be closed to a D:5-headquartered buyer"
        );
    }
    // The same rule in the 2023 regime, and still after the rescission (BIS guidance of 31 May 2026).
    for regime in ["ac2023", "rescission2025", "jan2026"] {
        let v = eval(req("DE", "h100", 1).regime(regime).hq("MO"));
        assert_eq!(
            (v.license_required, v.review_policy),
            (true, Some("presumption-of-denial")),
            "{regime}"
        );
    }
}

// ---- Data-center VEUs, 15 CFR 748.15 ------------------------------------------------------------

#[test]
fn validated_end_users() {
    // §748.15(b)(2)(i): a UVEU must be headquartered in Tier 1.
    let u = eval(
        req("IN", "h100", 20_000)
            .regime("diffusion2025")
            .hq("US")
            .end_user("uveu"),
    );
    assert_eq!(
        (
            u.license_required,
            u.exception_used,
            u.counts_against_country_cap
        ),
        (false, Some("UVEU"), false)
    );
    let not_t1 = eval(
        req("IN", "h100", 20_000)
            .regime("diffusion2025")
            .end_user("uveu"),
    );
    assert!(!exception(&not_t1, "UVEU"));
    // §748.15(a)(2)(iii)(B): NVEU cap in 2025 Q2 (the regime's last day, 12 May) is 949,500,000.
    let n = eval(
        req("IN", "h100", 1000)
            .regime("diffusion2025")
            .end_user("nveu")
            .installed("900000000"),
    );
    assert_eq!(n.exception_used, Some("NVEU"));
    let cap = n.caps.iter().find(|c| c.id == "NVEU").expect("NVEU cap");
    assert_eq!(cap.limit_tpp, 949_500_000.0);
    let full = eval(
        req("IN", "h100", 1000)
            .regime("diffusion2025")
            .end_user("nveu")
            .installed("940000000"),
    );
    assert!(!exception(&full, "NVEU"));
    // Q1 2025 cap (633,000,000) applies on 1 March 2025.
    let q1 = eval(
        req("IN", "h100", 1000)
            .date("2025-03-01")
            .end_user("nveu")
            .installed("620000000"),
    );
    assert!(
        !exception(&q1, "NVEU"),
        "620,000,000 + 15,832,000 exceeds the Q1 cap of 633,000,000"
    );
}

// ---- Country allocation, §742.6(b)(10): 790,000,000 TPP, doubled with an agreement ----------

#[test]
fn country_allocation_and_agreements() {
    // 60,000 H100 = 949,920,000 TPP: above 790,000,000 (policy of denial), within 1,580,000,000.
    let plain = eval(req("IN", "h100", 60_000).regime("diffusion2025"));
    assert_eq!(plain.review_policy, Some("policy-of-denial"));
    let cap = plain
        .caps
        .iter()
        .find(|c| c.id == "country-allocation")
        .expect("allocation");
    assert_eq!(
        (cap.limit_tpp, cap.over_by_tpp),
        (790_000_000.0, Some(159_920_000.0))
    );
    let g2g = eval(req("IN", "h100", 60_000).regime("diffusion2025").g2g());
    assert_eq!(g2g.review_policy, Some("presumption-of-approval"));
    assert!(g2g.counts_against_country_cap);
    let cap = g2g
        .caps
        .iter()
        .find(|c| c.id == "country-allocation")
        .expect("allocation");
    assert_eq!(cap.headroom_tpp, Some(630_080_000.0));
}

#[test]
fn tier3_is_denied_regardless_of_quantity() {
    // BIS: "A presumption of denial remains in place for arms-embargoed countries regardless of quantity."
    for to in ["RU", "Iran", "North Korea", "Macau", "Hong Kong"] {
        let v = eval(req(to, "h100", 1).regime("diffusion2025"));
        assert_eq!(
            (v.destination.tier, v.license_required, v.review_policy),
            (Some(3), true, Some("presumption-of-denial")),
            "{to}"
        );
        assert!(!exception(&v, "LPP"));
    }
    let hk = eval(req("HK", "h100", 1).regime("diffusion2025"));
    assert_eq!(hk.destination.treated_as, Some("CN"));
}

// ---- The 2023-24 rules: §742.6(a)(6)(iii), (D:1 ∪ D:4 ∪ D:5) − A:5 − A:6; NAC/ACA §740.8 --------

#[test]
fn rules_of_2023_by_country_group() {
    let r = |to: &str| eval(req(to, "h100", 100).regime("ac2023"));
    assert_eq!(r("FR").outcome, "no-license-required");
    // Israel is D:4 but also A:6, so it is excluded (rule.md §4.4).
    assert_eq!(r("IL").outcome, "no-license-required");
    assert_eq!(r("AE").review_policy, Some("case-by-case"));
    assert_eq!(r("CN").review_policy, Some("presumption-of-denial"));
    assert_eq!(r("AE").destination.tier, None);
    // §744.23(d): a US-headquartered buyer in a D:4 country gets a presumption of approval.
    assert_eq!(
        eval(req("SA", "h100", 100).regime("ac2023").hq("US")).review_policy,
        Some("presumption-of-approval")
    );
    // Nicaragua joined D:1 and D:5 on 15 March 2024 (BIS release).
    assert_eq!(
        eval(req("NI", "h100", 1).date("2024-03-14")).outcome,
        "no-license-required"
    );
    assert_eq!(
        eval(req("NI", "h100", 1).date("2024-03-15")).review_policy,
        Some("presumption-of-denial")
    );
}

#[test]
fn nac_and_aca_for_non_datacenter_chips() {
    // §740.8 before 4 Apr 2024: NAC (25-day notice) covered every licensed destination.
    assert_eq!(
        eval(req("AE", "rtx-4090", 10).date("2024-01-01")).exception_used,
        Some("NAC")
    );
    // From 4 Apr 2024 (89 FR 23884): ACA for D:1/D:4, NAC for Macau and D:5.
    assert_eq!(
        eval(req("AE", "rtx-4090", 10).date("2024-05-01")).exception_used,
        Some("ACA")
    );
    assert_eq!(
        eval(req("CN", "rtx-4090", 10).date("2024-05-01")).exception_used,
        Some("NAC")
    );
    // Datacenter 3A090.a chips are excluded from both.
    let h = eval(req("AE", "h100", 10).date("2024-05-01"));
    assert!(!exception(&h, "NAC") && !exception(&h, "ACA"));
    // 3A090.b datacenter items qualify (CCL: "NAC: Yes ... for 3A090.b").
    assert_eq!(
        eval(req("SA", "l40", 10).regime("ac2023")).exception_used,
        Some("ACA")
    );
}

// ---- The reported April 2025 proposal (Reuters, 29 Apr 2025): hypothetical --------------------

#[test]
fn proposal_cuts_the_threshold_to_500_h100s() {
    let at = eval(req("SG", "h100", 500).regime("proposal2025"));
    assert!(at.regime.hypothetical);
    assert!(at.headline.starts_with("Hypothetical"));
    assert_eq!(
        (at.destination.tier, at.license_required, at.exception_used),
        (None, false, Some("LPP"))
    );
    let over = eval(req("SG", "h100", 501).regime("proposal2025"));
    assert!(over.license_required);
    assert_eq!(
        over.review_policy, None,
        "the report gives no review policy"
    );
    assert!(!exception(&over, "AIA"), "no tiers, so no Tier 1 exception");
    // Even in former Tier 1 the small-order threshold is the only route without a license.
    assert!(eval(req("FR", "h100", 501).regime("proposal2025")).license_required);
}

// ---- After the rescission (13 May 2025) and the H20 letters (9 Apr 2025) ------------------------

#[test]
fn rescission_restores_the_2023_scope_and_adds_the_h20_requirement() {
    let sg = eval(req("SG", "h100", 100_000).regime("rescission2025"));
    assert_eq!(sg.outcome, "no-license-required");
    let h20 = eval(req("CN", "h20", 500).regime("rescission2025"));
    assert!(h20.license_required);
    assert_eq!(h20.chip.eccn, "not 3A090");
    assert_eq!(
        eval(req("SG", "h20", 500).regime("rescission2025")).outcome,
        "not-controlled"
    );
    // Before 9 April 2025 the H20 needed no license for China.
    assert_eq!(
        eval(req("CN", "h20", 500).date("2025-04-08")).outcome,
        "not-controlled"
    );
    assert!(eval(req("CN", "h20", 500).date("2025-04-09")).license_required);
}

// ---- 91 FR 1684 (15 Jan 2026): case-by-case for TPP < 21,000 and DRAM < 6,500 GB/s to China ----

#[test]
fn january_2026_band_for_china() {
    let h200 = eval(req("CN", "h200", 1000));
    assert_eq!(h200.regime.id, "jan2026");
    assert_eq!(
        (h200.license_required, h200.review_policy),
        (true, Some("case-by-case"))
    );
    assert!(exception(&h200, "CASE-BY-CASE-2026"));
    // MI325X: TPP 20,919.2 < 21,000 and 6,000 GB/s < 6,500 (named in the rule as an example).
    assert_eq!(
        eval(req("CN", "mi325x", 10)).review_policy,
        Some("case-by-case")
    );
    // B200: TPP 36,000 is above the band.
    assert_eq!(
        eval(req("CN", "b200", 10)).review_policy,
        Some("presumption-of-denial")
    );
    // The band covers China and Macau, not other D:5 countries.
    assert_eq!(
        eval(req("RU", "h200", 10)).review_policy,
        Some("presumption-of-denial")
    );
    // Before 15 Jan 2026 the H200 to China was under a presumption of denial.
    assert_eq!(
        eval(req("CN", "h200", 10).date("2026-01-14")).review_policy,
        Some("presumption-of-denial")
    );
}

#[test]
fn dated_country_group_changes_of_2026() {
    // Cambodia left D:5 on 7 Nov 2025, when State removed it from ITAR §126.1 (which D:5 follows;
    // rule.md Errata 1), and stays in D:1: denial, then case-by-case on the stricter reading.
    assert_eq!(
        eval(req("KH", "h100", 5).date("2025-11-06")).review_policy,
        Some("presumption-of-denial")
    );
    let after = eval(req("KH", "h100", 5).date("2025-11-07"));
    assert_eq!(after.review_policy, Some("case-by-case"));
    assert!(after.license_required, "still D:1");
    // The UAE moved from D:4 to A:5 (first seen in the eCFR of 2026-07-23) ...
    let day = |d: &str| h100e::date::Date::parse(d).expect("date");
    assert!(h100e::place::membership("D:4", "AE", day("2026-07-22")).is_some());
    assert!(h100e::place::membership("D:4", "AE", day("2026-07-23")).is_none());
    assert!(h100e::place::membership("A:5", "AE", day("2026-07-23")).is_some());
    // ... and a license is still needed: before, because it is in D:4; after, because it is named:
    // outright in the 3A090.b scope (rule.md §1.3), by our reading in the 3A090.a scope
    // (updates-2026-12.md row 5: "engine inference"), which the answer says in those words.
    let before = eval(req("AE", "h100", 5).date("2026-07-22"));
    let after = eval(req("AE", "h100", 5).date("2026-07-23"));
    assert!(before.license_required && after.license_required);
    assert_eq!(
        scope_groups(req("AE", "h100", 5).date("2026-07-22")),
        Some((vec!["D:4"], true))
    );
    assert_eq!(
        scope_groups(req("AE", "h100", 5).date("2026-07-23")),
        Some((vec![], true))
    );
    let words = |r: Request| {
        eval(r)
            .explanation
            .into_iter()
            .find(|s| s.id == "scope.in_groups")
            .map(|s| s.text)
            .unwrap_or_default()
    };
    assert!(words(req("AE", "h100", 5).date("2026-07-23"))
        .contains("we take the rule to cover it, though its text does not name it"));
    assert!(words(req("AE", "l40", 5).date("2026-07-23")).ends_with("the rule names it."));
}

// ---- Choosing the regime by date ------------------------------------------------------------------

#[test]
fn dates_pick_the_regime_in_force() {
    let id = |d: &str| eval(req("SG", "h100", 1).date(d)).regime.id;
    assert_eq!(id("2023-11-17"), "ac2023");
    assert_eq!(id("2025-01-12"), "ac2023");
    assert_eq!(id("2025-01-13"), "diffusion2025");
    assert_eq!(id("2025-05-13"), "rescission2025");
    assert_eq!(id("2026-01-15"), "jan2026");
    assert_eq!(id("2026-11-30"), "jan2026");
    assert_eq!(eval(req("SG", "h100", 1)).regime.id, "jan2026");
    let early = h100e::wire::evaluate(&req("SG", "h100", 1).date("2023-11-16"));
    assert!(matches!(early, Err(h100e::Error::DateOutOfCoverage { .. })));
    // The hypothetical proposal is never picked by date.
    assert_eq!(id("2025-04-29"), "diffusion2025");
}

#[test]
fn every_step_carries_a_citation_and_uncertainty_is_said() {
    let v = eval(req("SG", "h100", 2000).regime("diffusion2025"));
    assert!(v.explanation.len() >= 8);
    for s in &v.explanation {
        assert!(s.citation.url.starts_with("http"), "{}", s.text);
        assert!(!s.citation.label.is_empty());
    }
    // §740.29 was not read in primary text: the LPP step says so.
    let lpp = v
        .explanation
        .iter()
        .find(|s| s.id == "lpp.over_limit")
        .expect("LPP step");
    assert!(lpp.citation.uncertain.is_some_and(|u| u.contains("740.29")));
}

#[test]
fn custom_chip_with_typed_specs_evaluates() {
    let r = Request {
        chip: typed("1979", "814", None),
        ..req("SG", "h100", 1).regime("diffusion2025")
    };
    let v = eval(r);
    // Technical Note 1 to 3A090: TPP = 2 × MacTOPS × bit length = dense TOPS × bit length, so the
    // typed 1,979 dense TOPS at 8 bits is 1,979 × 8 = 15,832, written as the rule's arithmetic
    // rather than copied from the engine or the data.
    assert_eq!(v.chip.tpp, Some(1979.0 * 8.0));
    assert_eq!(v.chip.id, "custom");
    // The typed specs are the H100's (catalog row h100-sxm), so the same chip measures the same.
    assert_eq!(v.chip.tpp, catalog("H100").tpp);
    assert_eq!(v.chip.h100e, Some(1.0));
    // PD = TPP / die area = 15,832 / 814 = 19.449..., shown rounded to 3 decimals.
    assert_eq!(v.chip.performance_density, Some(19.45));
    assert_eq!(v.chip.eccn_paragraph, Some("3A090.a.1"));
    // One chip to Tier 2 fits under LPP's yearly 26,900,000 TPP (15 CFR 740.29).
    assert_eq!(v.order.tpp, Some(1979.0 * 8.0));
    assert_eq!(v.exception_used, Some("LPP"));
}

#[test]
fn page_queries_decode_like_cli_arguments() {
    // The page sends numbers or text; both reach the same parser and the same errors as the CLI.
    let q: wire::QueryIn = serde_json::from_str(
        r#"{"to":"UAE","chip":"H100","quantity":1700,"regime":"diffusion2025"}"#,
    )
    .expect("decodes");
    let v = wire::evaluate(&q.request().expect("request")).expect("answer");
    assert!(v.license_required);
    let q: wire::QueryIn =
        serde_json::from_str(r#"{"to":"SG","tops":[1979,"989.5"],"bits":[8,16],"quantity":"10"}"#)
            .expect("decodes");
    assert_eq!(
        wire::evaluate(&q.request().expect("request"))
            .expect("answer")
            .chip
            .tpp,
        Some(15832.0)
    );
    let q: wire::QueryIn =
        serde_json::from_str(r#"{"to":"SG","chip":"H100","quantity":-1}"#).expect("decodes");
    let err = wire::evaluate(&q.request().expect("request")).expect_err("negative quantity");
    assert_eq!(
        err.to_string(),
        "bad quantity `-1`: it is negative; give a whole number of chips from 1 to 100,000,000"
    );
    let q: wire::QueryIn = serde_json::from_str(
        r#"{"to":"SG","chip":"H100","quantity":1,"regime":"ac2023","date":"2024-01-01"}"#,
    )
    .expect("decodes");
    assert!(
        q.request().is_err(),
        "a regime and a date together are refused"
    );
    assert!(serde_json::from_str::<wire::QueryIn>(
        r#"{"to":"SG","chip":"H100","quantity":1,"colour":"red"}"#
    )
    .is_err());
}

#[test]
fn outcomes_cover_every_destination() {
    let map = wire::outcomes(&req("SG", "h100", 2000).regime("diffusion2025")).expect("outcomes");
    let list = &map.destinations.0;
    assert_eq!(list.len(), 249);
    // Each answer is listed once and used by some destination.
    for (i, a) in map.answers.iter().enumerate() {
        assert!(list.iter().any(|(_, j)| *j == i), "answer {i} unused");
        assert!(!map.answers[..i].contains(a), "answer {i} listed twice");
    }
    // The legend counts every destination once, by the class each one has, except Antarctica,
    // which is no country's territory and which maps leave uncoloured.
    assert_eq!(map.legend.iter().map(|l| l.count).sum::<usize>(), 248);
    for l in &map.legend {
        let n = list
            .iter()
            .filter(|(code, i)| map.answers[*i].class == l.status && *code != "AQ")
            .count();
        assert_eq!(l.count, n, "{}", l.status);
    }
    let of = |code: &str| map.at(code).expect("listed").clone();
    assert_eq!(of("FR").exception_used, Some("AIA"));
    assert_eq!(of("SG").review_policy, Some("presumption-of-approval"));
    assert_eq!(of("RU").review_policy, Some("presumption-of-denial"));
    assert_eq!(of("US").outcome, "not-an-export");
}

// ---- Points raised in review, each against rule.md ------------------------------------------------

#[test]
fn the_uae_stays_named_for_3a090b_after_joining_a5() {
    // rule.md §1.3/§5.11: the 2026 text reads "To or within the United Arab Emirates or ... D:1, D:4,
    // and D:5 ... excluding A:5 or A:6", so the L40 (3A090.b) still needs a license there.
    let v = eval(req("UAE", "l40", 10).date("2026-08-01"));
    assert!(v.license_required, "{}", v.headline);
    let v = eval(req("UAE", "h100", 10).date("2026-08-01"));
    assert!(v.license_required);
    let step = v
        .explanation
        .iter()
        .find(|s| s.id == "scope.in_groups")
        .expect("scope step");
    assert!(
        step.citation.uncertain.is_some(),
        "the 3A090.a reading is flagged uncertain"
    );
}

#[test]
fn h20_letters_have_no_published_review_policy() {
    // rule.md §5.2/§5.7: a license requirement by letter; licenses reported issued from August 2025.
    let v = eval(req("CN", "h20", 10).date("2025-10-01"));
    assert!(v.license_required);
    assert_eq!(v.review_policy, None);
}

/// A custom chip with the H20's figures (not a catalog chip, so the letters cannot be matched).
fn h20_like(to: &str) -> Request {
    Request {
        chip: typed("296", "814", None),
        ..req(to, "h100", 10).date("2025-10-01")
    }
}

#[test]
fn custom_chips_near_the_h20_carry_a_caveat_for_china() {
    let v = eval(h20_like("CN"));
    assert_eq!(v.outcome, "not-controlled");
    assert!(
        v.caveats
            .iter()
            .any(|c| c.id == "letters.equivalent_unknown"),
        "{:?}",
        v.caveats
    );
    assert!(eval(h20_like("SG")).caveats.is_empty());
}

#[test]
fn diffusion_answers_say_the_rule_was_never_enforced() {
    // rule.md §2.1 and §6 claim 7: compliance was due 15 May 2025; on 13 May BIS said it would not
    // enforce the rule.
    let v = eval(req("IL", "h100", 2000).date("2025-03-01"));
    assert!(v.caveats.iter().any(|c| c.id == "regime.caveat"));
    assert!(eval(req("IL", "h100", 2000).regime("ac2023"))
        .caveats
        .is_empty());
}

#[test]
fn d5_headquartered_buyers_do_not_count_against_an_allocation() {
    // rule.md §3.11: such buyers face a presumption of denial; no allocation is in play.
    let v = eval(req("MY", "h100", 10).regime("diffusion2025").hq("China"));
    assert_eq!(
        (v.license_required, v.counts_against_country_cap),
        (true, false)
    );
    assert!(v.caps.iter().all(|c| c.id != "country-allocation"));
}

#[test]
fn us_territories_are_not_export_destinations() {
    let v = eval(req("Puerto Rico", "h100", 10).regime("diffusion2025"));
    assert_eq!(v.outcome, "not-an-export");
    assert_eq!(v.destination.treated_as, Some("US"));
}

// ---- Names that mean several places -------------------------------------------------------------

/// The error for a query to `to`, or headquartered in `hq` (destination Singapore).
fn refusal(to: &str, hq: Option<&str>) -> h100e::Error {
    let r = match hq {
        Some(h) => req("SG", "h100", 1).hq(h),
        None => req(to, "h100", 1),
    };
    wire::evaluate(&r).expect_err("refused")
}

#[test]
fn ambiguous_names_are_refused_with_every_candidate() {
    // "Congo" in the news usually means the DR Congo, a D:5 (arms-embargoed) country of 15 CFR
    // 740 supp. 1, while ISO's short name "Congo" is the Republic, which is in no group: a silent
    // guess flips the answer, so the engine names both and asks.
    let e = refusal("Congo", None);
    assert_eq!(e.code(), "ambiguous-country");
    assert_eq!(e.field().id(), "to");
    assert_eq!(
        e,
        h100e::Error::AmbiguousCountry {
            field: h100e::error::Field::To,
            input: "Congo".into(),
            candidates: vec!["Republic of the Congo".into(), "DR Congo".into()],
            codes: vec!["CG".into(), "CD".into()],
        }
    );
    assert_eq!(
        e.to_string(),
        "destination `Congo` can mean Republic of the Congo or DR Congo: give the one you mean (a name or an ISO code such as `CG` or `CD`)"
    );
    // The headquarters field gets the same refusal, marked as `hq` (the AIA and D:5-parent rules
    // turn on it just as the destination rules turn on `to`).
    let e = refusal("", Some("congo"));
    assert_eq!((e.code(), e.field().id()), ("ambiguous-country", "hq"));
    // Korea (KR is in A:5 and supp. 5(a), KP in D:5), the two Virgin Islands, and the island of
    // Saint Martin (French part MF, Dutch part SX).
    for (typed, codes) in [
        ("Korea", ["KR", "KP"]),
        ("Virgin Islands", ["VG", "VI"]),
        ("Saint Martin", ["MF", "SX"]),
        ("st. martin", ["MF", "SX"]),
    ] {
        match refusal(typed, None) {
            h100e::Error::AmbiguousCountry { codes: got, .. } => assert_eq!(got, codes, "{typed}"),
            other => panic!("{typed}: expected an ambiguous-country error, got {other:?}"),
        }
    }
}

#[test]
fn unambiguous_names_still_resolve_to_one_entry() {
    // Each side of an ambiguous name has names of its own, and a country's own short name stays
    // with it even when it is part of another's ("Guinea" in "Equatorial Guinea", "Sudan" in
    // "South Sudan", "Samoa" in "American Samoa"): see the decisions in data/countries.toml.
    for (typed, code) in [
        ("DR Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Congo-Kinshasa", "CD"),
        ("CD", "CD"),
        ("Republic of the Congo", "CG"),
        ("Congo-Brazzaville", "CG"),
        ("CG", "CG"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("BVI", "VG"),
        ("US Virgin Islands", "VI"),
        ("Sint Maarten", "SX"),
        ("Guinea", "GN"),
        ("Sudan", "SD"),
        ("Samoa", "WS"),
        ("Niger", "NE"),
        ("Dominica", "DM"),
        ("Georgia", "GE"),
        ("Ireland", "IE"),
        ("China", "CN"),
    ] {
        assert_eq!(
            eval(req(typed, "h100", 1)).destination.code,
            code,
            "{typed}"
        );
    }
    // Arms-embargoed DR Congo (D:5) and the Republic of the Congo get different answers, which is
    // why "Congo" may not silently pick one.
    assert_ne!(
        eval(req("DR Congo", "h100", 1)).outcome,
        eval(req("Republic of the Congo", "h100", 1)).outcome
    );
}

#[test]
fn cyprus_says_its_d5_status_is_uncertain() {
    let v = eval(req("Cyprus", "h100", 10).regime("diffusion2025"));
    let note = v
        .explanation
        .iter()
        .find(|s| s.id == "place.note")
        .expect("Cyprus note");
    assert!(note.citation.uncertain.is_some());
}

#[test]
fn chip_caveats_cite_the_chip_not_the_h100_unit() {
    let v = eval(req("SG", "h20", 10));
    let step = v
        .explanation
        .iter()
        .find(|s| s.id == "chip.uncertain")
        .expect("chip step");
    assert!(step.citation.label.starts_with("chip "));
    assert!(!step
        .citation
        .url
        .contains("nvidia-tensor-core-gpu-datasheet"));
}

#[test]
fn mi308x_is_answered_without_a_published_tpp() {
    // rule.md §5.2: the April 2025 letters cover the H20 and the MI308; its specs are unpublished
    // and the research (SemiAnalysis) states it is outside 3A090, so its TPP is shown as unknown.
    let cn = eval(req("CN", "MI308X", 100).date("2025-06-01"));
    assert!(cn.license_required);
    assert_eq!(cn.order.tpp, None);
    assert_eq!(cn.review_policy, None);
    assert_eq!(
        eval(req("SG", "MI308X", 100).date("2025-06-01")).outcome,
        "not-controlled"
    );
    assert_eq!(
        eval(req("CN", "MI308X", 100).date("2025-04-08")).outcome,
        "not-controlled"
    );
    // A chip stated to be 3A090.a without figures cannot be measured against any cap.
    assert!(matches!(
        wire::evaluate(&req("CN", "cerebras-wse3", 1)),
        Err(h100e::Error::NoThroughput { .. })
    ));
}

#[test]
fn query_field_lists_match_what_serde_accepts() {
    // The wasm boundary checks keys against these lists because it reads only the fields it names
    // and never sees unknown ones; each listed field must be one serde accepts, and a typo must be refused.
    for f in wire::QueryIn::FIELDS {
        let json = format!(r#"{{"to":"SG","quantity":1,"{f}":null}}"#);
        let parsed: Result<wire::QueryIn, _> = serde_json::from_str(&json);
        assert!(
            parsed.is_ok()
                || !parsed
                    .as_ref()
                    .err()
                    .is_some_and(|e| e.to_string().contains("unknown field")),
            "{f}: {parsed:?}"
        );
    }
    assert!(wire::check_fields(["to", "quantity"], wire::QueryIn::FIELDS).is_ok());
    let err = wire::check_fields(["to", "colour"], wire::QueryIn::FIELDS).expect_err("typo");
    assert_eq!(
        (err.field(), err.code()),
        (h100e::error::Field::Query, "bad-query")
    );
    assert!(err.to_string().contains("`colour`"));
    for f in wire::SpecIn::FIELDS {
        assert!(
            wire::QueryIn::FIELDS.contains(f),
            "{f} is a query field too"
        );
    }
}

#[test]
fn untiered_maps_show_where_datacenter_chips_need_a_license() {
    // 15 CFR 742.6(a)(6)(iii) as enforced in 2026: a license for D:1, D:4 and D:5 (and the UAE,
    // named) unless also in A:5 or A:6; presumption of denial for Macau and D:5 (§744.23).
    let map = wire::tiers(&Choice::Id("jan2026".into()), None).expect("map");
    let status = |code: &str| {
        map.destinations
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.status)
    };
    assert_eq!(status("CN"), Some("denial"), "D:5");
    assert_eq!(status("MO"), Some("denial"), "named with D:5");
    assert_eq!(status("SA"), Some("license"), "D:4, not A:5 or A:6");
    assert_eq!(status("AE"), Some("license"), "named in the 2026 text");
    assert_eq!(status("IL"), Some("open"), "D:4 but also A:6, so excluded");
    assert_eq!(status("SG"), Some("open"), "in no D group");
    assert_eq!(status("US"), Some("open"), "the exporter's own country");
    assert!(map.destinations.iter().all(|d| d.tier.is_none()));
    // The legend names each status in use with its count, from the same list, leaving out only
    // what the data marks as uncounted (Antarctica).
    for l in &map.legend {
        let n = map
            .destinations
            .iter()
            .filter(|d| d.status == l.status && d.uncounted.is_none())
            .count();
        assert_eq!(l.count, n, "{}", l.status);
    }
    let uncounted: Vec<_> = map
        .destinations
        .iter()
        .filter(|d| d.uncounted.is_some())
        .map(|d| d.code)
        .collect();
    assert_eq!(uncounted, ["AQ"]);
}

#[test]
fn tier_counts_say_what_they_take_in() {
    // 90 FR 4544, supp. no. 5 to part 740 (as added by the IFR): Tier 1 is the United States and 18
    // named countries. The map also colours the six US territories, which the EAR's "United States"
    // includes (15 CFR 772.1), so the legend counts 25 and says why. Tier 3 (D:5 and Macau, §744.23)
    // takes in Hong Kong, treated as China (15 CFR 740 supp. 1).
    let map = wire::tiers(&Choice::Id("diffusion2025".into()), None).expect("map");
    let entry = |status: &str| {
        map.legend
            .iter()
            .find(|l| l.status == status)
            .expect("in use")
            .clone()
    };
    let t1 = entry("tier-1");
    assert_eq!(t1.count, 25);
    assert!(
        t1.includes.starts_with(
            "25 places: the United States, 18 other countries and territories and 6 places ("
        ),
        "{}",
        t1.includes
    );
    assert!(t1.includes.contains("Puerto Rico"), "{}", t1.includes);
    assert!(t1
        .includes
        .ends_with("treated as part of the United States"));
    let t3 = entry("tier-3");
    assert!(
        t3.includes
            .ends_with("and Hong Kong, treated as part of China"),
        "{}",
        t3.includes
    );
    // Every destination but Antarctica is counted once across the tiers.
    assert_eq!(map.legend.iter().map(|l| l.count).sum::<usize>(), 248);
    assert_eq!(entry("tier-2").includes, "198 countries and territories");
}

#[test]
fn key_steps_are_the_ones_that_decide() {
    // 15 CFR 740.29 (IFR): 1,699 H100s to Singapore (Tier 2) fit under LPP's 26,900,000 TPP; 1,700
    // do not, and the license's review policy and the country allocation then decide.
    let key = |qty| {
        eval(req("SG", "h100", qty).regime("diffusion2025"))
            .explanation
            .into_iter()
            .filter(|s| s.key)
            .map(|s| s.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        key(1699),
        [
            "class.a1",
            "order.tpp",
            "hq.assumed",
            "tier.destination",
            "scope.worldwide",
            "lpp.within_limit",
            "answer"
        ]
    );
    assert_eq!(
        key(1700),
        [
            "class.a1",
            "order.tpp",
            "hq.assumed",
            "tier.destination",
            "scope.worldwide",
            "allocation.counts",
            "review.policy",
            "answer"
        ]
    );
}

#[test]
fn explanations_are_stable_ids_with_numbers() {
    // 15 CFR 740.29 (IFR): 1,700 H100s to a Tier 2 country are over the 26,900,000 TPP allowance.
    let v = eval(req("SG", "h100", 1700).regime("diffusion2025"));
    let ids: Vec<&str> = v.explanation.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            // The rescission note dates from 13 May 2025, after this regime's last day.
            "regime.rules",
            "chip.tpp",
            "class.a1",
            "order.tpp",
            "hq.assumed",
            "tier.destination",
            "scope.worldwide",
            "uveu.not_this_end_user",
            "nveu.not_this_end_user",
            "aia.destination_not_tier1",
            "aca.datacenter_a_item",
            "lpp.over_limit",
            "nac.datacenter_a_item",
            "allocation.counts",
            "review.policy",
            // The H100's sources give 15,831.2 or 15,832 TPP; both give this answer.
            "contested.no_change",
            "answer",
        ]
    );
    // The reason carries the numbers it compared: the buyer's total and the allowance.
    let lpp = verdict(req("SG", "h100", 1700).regime("diffusion2025"))
        .exceptions
        .into_iter()
        .find(|c| c.id == h100e::verdict::ExceptionId::Lpp)
        .expect("LPP checked");
    match lpp.why {
        h100e::reason::Why::OverLimit { total, limit } => {
            assert_eq!(total, h100e::decimal::Dec::from_int(1700 * 15_832));
            assert_eq!(limit, h100e::decimal::Dec::from_int(26_900_000));
        }
        other => panic!("expected over_limit, got {other:?}"),
    }
    let check = v
        .license_exceptions
        .iter()
        .find(|e| e.id == "LPP")
        .expect("LPP");
    assert_eq!(check.reason_id, "lpp.over_limit");
    assert_eq!(v.outcome_class, "license");
}

/// The reason id a query gives for one exception.
fn reason_of(r: Request, id: &str) -> String {
    eval(r)
        .license_exceptions
        .into_iter()
        .find(|e| e.id == id)
        .map(|e| e.reason_id)
        .unwrap_or_else(|| panic!("{id} not considered"))
}

fn step_ids(r: Request) -> Vec<String> {
    eval(r).explanation.into_iter().map(|s| s.id).collect()
}

#[test]
fn aia_needs_the_destination_in_tier_1_not_only_the_headquarters() {
    // 15 CFR 740.27(a): consignees located *and* headquartered in Tier 1.
    let r = req("IN", "h100", 10).regime("diffusion2025").hq("US");
    assert_eq!(reason_of(r, "AIA"), "aia.destination_not_tier1");
}

#[test]
fn lpp_is_for_3a090a_items_only() {
    // 15 CFR 740.29 (IFR, via SemiAnalysis): LPP covers 3A090.a items; the L40 is 3A090.b.1.
    let r = req("SA", "l40", 10).regime("diffusion2025");
    assert_eq!(reason_of(r, "LPP"), "lpp.a_items_only");
}

#[test]
fn aca_starts_on_its_effective_day_and_nac_covers_the_day_before() {
    // 15 CFR 740.8 as amended 4 Apr 2024 (89 FR 23884): ACA exists from 2024-04-04; before, NAC
    // covered every licensed destination. The RTX 4090 is a non-datacenter 3A090.a.1 part.
    let on = req("SA", "rtx-4090", 10).date("2024-04-04");
    assert_eq!(eval(on.clone()).exception_used, Some("ACA"));
    assert_eq!(reason_of(on, "NAC"), "nac.outside_embargoed");
    let before = req("SA", "rtx-4090", 10).date("2024-04-03");
    assert_eq!(reason_of(before.clone(), "ACA"), "aca.not_yet_in_force");
    assert_eq!(eval(before).exception_used, Some("NAC"));
}

#[test]
fn the_headquarters_rule_is_explained_when_it_applies_or_a_headquarters_is_given() {
    // 15 CFR 744.23(a)(3): buyers headquartered in Macau or D:5 need a license anywhere.
    let ids = step_ids(req("CN", "h100", 1).regime("ac2023"));
    assert!(ids.iter().any(|i| i == "hq.rule_applies"), "{ids:?}");
    let ids = step_ids(req("SA", "h100", 1).regime("ac2023").hq("FR"));
    assert!(ids.iter().any(|i| i == "hq.rule_not_applies"), "{ids:?}");
    let ids = step_ids(req("SA", "h100", 1).regime("ac2023"));
    assert!(!ids.iter().any(|i| i.starts_with("hq.rule")), "{ids:?}");
}

#[test]
fn vendor_and_country_notes_appear_only_where_they_belong() {
    // BIS guidance of 13 May 2025 on Huawei Ascend: shown for Huawei chips only.
    let vendor = |chip: &str| {
        step_ids(req("SG", chip, 1).regime("jan2026"))
            .iter()
            .filter(|i| *i == "chip.vendor_note")
            .count()
    };
    assert_eq!(vendor("ascend-910c"), 1);
    assert_eq!(vendor("h100"), 0);
    // A note on a place shows once when it is the destination, once when it is the headquarters.
    let notes = |r: Request| step_ids(r).iter().filter(|i| *i == "place.note").count();
    assert_eq!(notes(req("CY", "h100", 1).regime("diffusion2025")), 1);
    assert_eq!(
        notes(req("CY", "h100", 1).regime("diffusion2025").hq("CY")),
        1
    );
    assert_eq!(
        notes(req("SG", "h100", 1).regime("diffusion2025").hq("CY")),
        1
    );
    assert_eq!(notes(req("SG", "h100", 1).regime("diffusion2025")), 0);
}

#[test]
fn prior_shipments_add_a_step_only_when_given() {
    let ids = step_ids(req("SG", "h100", 1).regime("diffusion2025").prior("1000"));
    assert!(ids.iter().any(|i| i == "order.cumulative"));
    let ids = step_ids(req("SG", "h100", 1).regime("diffusion2025"));
    assert!(!ids.iter().any(|i| i == "order.cumulative"));
}

/// A request shipped from somewhere other than the United States.
fn from(r: Request, place: &str) -> Request {
    Request {
        from: Some(place.into()),
        ..r
    }
}

#[test]
fn the_2026_band_covers_exports_from_the_united_states_only() {
    // 91 FR 1684 (rule.md Errata 5): case-by-case for exports from the US to China and Macau;
    // reexports, exports from abroad and in-country transfers stay under presumption of denial.
    let us = eval(req("CN", "h200", 100));
    assert_eq!(us.review_policy, Some("case-by-case"));
    assert!(us.shipped_from.is_none());
    assert!(us.explanation.iter().any(|s| s.id == "band2026.conditions"));
    let explicit_us = eval(from(req("CN", "h200", 100), "US"));
    assert_eq!(explicit_us.review_policy, Some("case-by-case"));
    let re = eval(from(req("CN", "h200", 100), "Singapore"));
    assert_eq!(re.review_policy, Some("presumption-of-denial"));
    assert_eq!(
        re.shipped_from.as_ref().map(|f| (f.code, f.kind)),
        Some(("SG", "reexport"))
    );
    let band = re
        .license_exceptions
        .iter()
        .find(|e| e.id == "CASE-BY-CASE-2026")
        .expect("listed for China");
    assert_eq!(band.reason_id, "band2026.not_from_us");
    assert!(!re.explanation.iter().any(|s| s.id == "band2026.conditions"));
    let within = eval(from(req("CN", "h200", 100), "CN"));
    assert_eq!(within.review_policy, Some("presumption-of-denial"));
    assert_eq!(
        within.shipped_from.as_ref().map(|f| f.kind),
        Some("in-country-transfer")
    );
    assert!(within
        .explanation
        .iter()
        .any(|s| s.id == "order.in_country_transfer"));
}

#[test]
fn the_2026_band_is_not_listed_where_it_cannot_apply() {
    // The band is about destinations in China and Macau: Cambodia, the UAE, or a Macau-headquartered
    // buyer in Germany are outside it (the buyer stays under presumption of denial, §744.23).
    for r in [
        req("KH", "h200", 10),
        req("AE", "h200", 10),
        req("DE", "h200", 10).hq("MO"),
    ] {
        let v = eval(r);
        assert!(
            v.license_exceptions
                .iter()
                .all(|e| e.id != "CASE-BY-CASE-2026"),
            "{}",
            v.destination.code
        );
    }
    assert_eq!(
        eval(req("DE", "h200", 10).hq("MO")).review_policy,
        Some("presumption-of-denial")
    );
}

#[test]
fn an_unknown_origin_is_an_error_about_the_from_field() {
    let err = from(req("CN", "h200", 1), "Atlantis")
        .resolve()
        .err()
        .map(|e| (e.field().id(), e.code()));
    assert_eq!(err, Some(("from", "unknown-country")));
}

// ---- Contested facts (rule.md Errata 2, 3, 5 and 8) -------------------------------------------

/// The contest on `fact` in an answer.
fn contest(v: &wire::EvalOut, fact: &str) -> wire::ContestedOut {
    v.contested
        .iter()
        .find(|c| c.fact == fact)
        .cloned()
        .unwrap_or_else(|| panic!("{fact} not assessed: {:?}", v.contested))
}

#[test]
fn lpp_to_d1_d4_destinations_depends_on_the_reading() {
    // Errata 2: §740.2(a)(9)(ii) does not list LPP for 3A090 items to D:1/D:4 (outside A:5/A:6);
    // secondary sources say LPP covers all but Macau/D:5. The primary, stricter reading first.
    let v = eval(req("SA", "h100", 100).regime("diffusion2025"));
    assert!(v.headline.starts_with("It depends: "), "{}", v.headline);
    assert!(v.license_required);
    let c = contest(&v, "lpp-d1-d4");
    assert!(c.depends);
    let ids: Vec<&str> = c.readings.iter().map(|r| r.reading).collect();
    assert_eq!(ids, ["not-listed", "available"]);
    assert_eq!(
        c.readings[0].answer.review_policy,
        Some("presumption-of-approval")
    );
    assert_eq!(c.readings[1].answer.exception_used, Some("LPP"));
    // On the first reading LPP is not available there, so its allowance is no cap of this answer.
    assert!(v.caps.iter().all(|c| c.id != "LPP"));
    // Tier 2 outside D:1/D:4 (India): no contest, LPP simply applies.
    let india = eval(req("IN", "h100", 100).regime("diffusion2025"));
    assert_eq!(india.exception_used, Some("LPP"));
    assert!(india.contested.iter().all(|c| c.fact != "lpp-d1-d4"));
    // Over the allowance either way: the contest does not change the answer.
    let big = eval(req("SA", "h100", 5000).regime("diffusion2025"));
    let c = contest(&big, "lpp-d1-d4");
    assert!(!c.changes_outcome && !c.depends);
    assert!(!big.headline.starts_with("It depends"));
}

#[test]
fn d1_d4_review_under_the_2023_rules_is_shown_both_ways() {
    // Errata 8: case-by-case (§744.23 review text) or a presumption of approval (a toolkit's reading).
    let v = eval(req("SA", "h100", 10).regime("jan2026"));
    let c = contest(&v, "review-d1-d4");
    let policies: Vec<Option<&str>> = c.readings.iter().map(|r| r.answer.review_policy).collect();
    assert_eq!(
        policies,
        [Some("case-by-case"), Some("presumption-of-approval")]
    );
    // A license either way: the headline says so first, then that the review depends.
    assert_eq!(
        v.headline,
        "License required either way: an application would be reviewed case-by-case or under a \
         presumption of approval, depending on how a license for a D:1 or D:4 destination is \
         reviewed under the 2023–24 rules, for a buyer not headquartered in the US, A:5 or A:6."
    );
    assert!(v.license_either_way);
    assert_eq!(v.review_policy, Some("case-by-case"));
    // China is D:5: presumption of denial, not contested.
    let cn = eval(req("CN", "b200", 10).regime("jan2026"));
    assert!(cn.contested.iter().all(|c| c.fact != "review-d1-d4"));
}

#[test]
fn mi355x_tpp_readings_can_flip_an_order() {
    // Errata 3 / chips.md §6: 60,397.8 on the MXFP6 reading, 40,265.6 if MX formats are read at 8
    // bits. 500 chips: 30,198,900 TPP is over LPP's 26,900,000; 20,132,800 is within it.
    let v = eval(req("SG", "mi355x", 500).regime("diffusion2025"));
    let c = contest(&v, "chip-tpp");
    assert!(c.depends);
    assert_eq!(c.readings[0].reading, "catalog");
    assert!(c.readings[0].answer.license_required);
    assert_eq!(c.readings[1].reading, "low");
    assert_eq!(c.readings[1].answer.exception_used, Some("LPP"));
    // 300 chips fit on both readings (18,119,340 and 12,079,680 TPP): no "it depends".
    let small = eval(req("SG", "mi355x", 300).regime("diffusion2025"));
    assert!(!contest(&small, "chip-tpp").changes_outcome);
    // The chip view shows both readings.
    let chip = catalog("mi355x");
    let tpps: Vec<f64> = chip.tpp_readings.iter().map(|r| r.tpp).collect();
    assert_eq!(tpps, [60397.8, 40265.6]);
}

#[test]
fn an_unknown_bandwidth_near_the_2026_band_depends() {
    // 91 FR 1684: "TPP less than 21,000 ... and a total DRAM bandwidth less than 6,500 GB/s". A
    // custom chip of TPP 15,832 with no bandwidth given: never a firm presumption of denial.
    let r = Request {
        chip: typed("1979", "814", None),
        ..req("CN", "h100", 10)
    };
    let v = eval(r.clone());
    let c = contest(&v, "band-bandwidth");
    let policies: Vec<Option<&str>> = c.readings.iter().map(|x| x.answer.review_policy).collect();
    assert_eq!(
        policies,
        [Some("presumption-of-denial"), Some("case-by-case")]
    );
    assert!(
        v.headline.starts_with(
            "License required either way: an application would be reviewed under a presumption \
             of denial or case-by-case, depending on whether the chip's total DRAM bandwidth"
        ),
        "{}",
        v.headline
    );
    // With the bandwidth given, nothing is contested.
    let given = Request {
        chip: typed("1979", "814", Some("4800")),
        ..r
    };
    let g = eval(given);
    assert!(g.contested.iter().all(|c| c.fact != "band-bandwidth"));
    assert_eq!(g.review_policy, Some("case-by-case"));
}

#[test]
fn readings_are_checked_against_the_data() {
    let bad = |reading: &str| {
        let r = Request {
            readings: vec![reading.into()],
            ..req("SA", "h100", 1).regime("diffusion2025")
        };
        r.resolve().err().map(|e| (e.field().id(), e.code()))
    };
    assert_eq!(bad("lpp-d1-d4=maybe"), Some(("readings", "bad-choice")));
    assert_eq!(bad("nonsense"), Some(("readings", "bad-choice")));
    assert_eq!(bad("chip-tpp=low"), None, "the H100 has a range");
    let b200 = Request {
        readings: vec!["chip-tpp=low".into()],
        ..req("SA", "b200", 1)
    };
    assert!(b200.resolve().is_err(), "the B200's sources agree");
}

#[test]
fn scope_reasons_name_the_groups_that_decide() {
    // 15 CFR 742.6(a)(6)(iii) (2023): D:1, D:4 and D:5, excluding A:5 and A:6. India is in A:5 and
    // no D group: simply outside. Israel is in D:4 and A:6: excluded.
    let why = |to: &str| {
        verdict(req(to, "h100", 1).regime("ac2023"))
            .steps
            .into_iter()
            .find_map(|s| match s.reason {
                Reason::Scope { why, .. } => Some(why),
                _ => None,
            })
    };
    assert!(matches!(why("IN"), Some(ScopeWhy::Outside)));
    match why("IL") {
        Some(ScopeWhy::Excluded {
            groups,
            excluded_by,
        }) => {
            assert_eq!(groups, ["D:4"]);
            assert_eq!(excluded_by, ["A:6"]);
        }
        other => panic!("expected an exclusion, got {other:?}"),
    }
    // Without an allocation (the reported proposal) LPP's reason does not mention one.
    let v = eval(req("SG", "h100", 100).regime("proposal2025"));
    let lpp = v
        .license_exceptions
        .iter()
        .find(|e| e.id == "LPP")
        .expect("LPP");
    assert_eq!(lpp.reason_id, "lpp.within_limit");
    assert!(!lpp.reason.contains("allocation"), "{}", lpp.reason);
}

#[test]
fn dated_notes_appear_only_from_their_event() {
    // No answer for an earlier day mentions a later event: H20 licenses (Aug 2025), H200 licenses
    // (Feb 2026), the withdrawn replacement rule (Mar 2026), GAO's decision (12 May 2026).
    let notes = |d: &str| -> Vec<&'static str> {
        verdict(req("CN", "h20", 1).date(d))
            .steps
            .into_iter()
            .filter_map(|s| match s.reason {
                Reason::RegimeNote(n) => Some(n.text),
                _ => None,
            })
            .collect()
    };
    let count = |d: &str| notes(d).len();
    assert!(
        count("2025-08-30") < count("2025-08-31"),
        "H20 licenses (August, shown from its end)"
    );
    assert!(count("2026-01-31") < count("2026-02-01"), "H200 licenses");
    assert!(count("2026-05-11") < count("2026-05-12"), "GAO");
    assert!(
        count("2026-03-02") < count("2026-03-03"),
        "the 75,000 report"
    );
    assert!(
        count("2026-07-22") < count("2026-07-23"),
        "still in the CFR, eCFR of 23 July"
    );
    for d in [
        "2025-05-13",
        "2025-09-01",
        "2026-01-15",
        "2026-06-01",
        "2026-11-30",
    ] {
        let day = h100e::date::Date::parse(d).expect("date");
        for s in verdict(req("SG", "h100", 1).date(d)).steps {
            if let Reason::RegimeNote(n) = s.reason {
                assert!(n.from.is_none_or(|f| f <= day), "{d}: {}", n.text);
            }
        }
    }
}

#[test]
fn a_tpp_reading_reclassifies_the_chip() {
    // Ascend 910B: the sources give 4,480 to 6,400 (catalog 5,120). At 4,480 it is below the
    // 3A090.a.1 line of 4,800, so its class comes from performance density: 4,480 / 665.61 mm²
    // = 6.73, at least 5.92, so 3A090.a.2 (15 CFR 774 supp. 1).
    let q = |reading: &str| {
        Request {
            readings: vec![format!("chip-tpp={reading}")],
            ..req("SG", "ascend-910b", 1)
        }
        .resolve()
        .expect("valid")
    };
    let low = q("low").chip_metrics().expect("metrics");
    assert_eq!(low.tpp, Some(h100e::decimal::Dec::from_int(4480)));
    assert_eq!(low.class, Some(h100e::chip::Class::A2));
    assert!(matches!(
        low.class_basis,
        h100e::chip::ClassBasis::ByDensity { .. }
    ));
    assert_eq!(
        low.class_cite.cfr(),
        Some("15 CFR 774 supp. 1, ECCN 3A090.a.2")
    );
    assert!(low.tpp_basis.iter().all(|b| b.contains("low reading")));
    // The catalog reading is the catalog's own figures, basis included.
    let catalog = q("catalog").chip_metrics().expect("metrics");
    let plain = Chip::Catalog(h100e::chip::find("ascend-910b").expect("chip"))
        .metrics()
        .expect("metrics");
    assert_eq!(catalog.tpp_basis, plain.tpp_basis);
    assert_eq!(catalog.class, Some(h100e::chip::Class::A1));
    // A chip whose sources agree (B200) has no TPP contest at all.
    let b200 = eval(req("SG", "b200", 1));
    assert!(b200.contested.iter().all(|c| c.fact != "chip-tpp"));
    assert_eq!(catalog_readings("b200"), 1);
}

fn catalog_readings(id: &str) -> usize {
    catalog(id).tpp_readings.len()
}

#[test]
fn every_answer_carries_the_dataset_and_later_days_say_what_is_unknown() {
    let v = eval(req("SG", "h100", 1));
    let d = &h100e::data::DATASET;
    assert_eq!(v.data.version, d.version);
    assert_eq!(v.data.checked, d.checked.to_string());
    assert!(v.regime.date_asked.is_none());
    assert!(v.caveats.iter().all(|c| c.id != "data.after_checked"));
    // A day after the last check: answered with that check's facts, and a caveat.
    let later = d.checked.next_day();
    let v = eval(req("SG", "h100", 1).date(&later.to_string()));
    assert_eq!(v.regime.date_applied, d.checked.to_string());
    assert_eq!(v.regime.date_asked, Some(later.to_string()));
    assert!(v.caveats.iter().any(|c| c.id == "data.after_checked"));
    // The checked day itself is inside the data.
    let on = eval(req("SG", "h100", 1).date(&d.checked.to_string()));
    assert!(on.regime.date_asked.is_none());
    let map = wire::tiers(&Choice::Latest, None).expect("map");
    assert_eq!(map.data.version, d.version);
}

#[test]
fn the_section_232_duty_is_a_dated_note_for_chips_in_its_band() {
    // Proclamation 11002 (updates-2026-12.md row 2): a 25% duty from 2026-01-15 on imports of
    // chips with 14,000 < TPP < 17,500 and 4,500 < DRAM GB/s < 5,000. The H200 (TPP 15,832,
    // 4,800 GB/s) is inside; the H100 SXM (3,350 GB/s) and the B200 (TPP 36,000) are not.
    let has = |r: Request| step_ids(r).iter().any(|i| i == "chip.import_tariff");
    assert!(has(req("CN", "h200", 10)));
    assert!(
        has(req("SG", "h200", 10)),
        "it is about the chip, wherever it goes"
    );
    assert!(
        !has(req("CN", "h200", 10).date("2026-01-14")),
        "not before it took effect"
    );
    assert!(!has(req("CN", "h100", 10)));
    assert!(!has(req("CN", "b200", 10)));
    // It changes nothing about the export answer.
    let (with, review) = (eval(req("CN", "h200", 10)), Some("case-by-case"));
    assert_eq!(with.review_policy, review);
}

#[test]
fn the_reported_2026_draft_reviews_by_cluster_size() {
    // Tom's Hardware, 6 Mar 2026 (hypothetical, never published): simple review up to about 1,000
    // GB300s per shipment, pre-clearance above, government-to-government terms above about 200,000
    // GB300s for one company in one country. The lines and what they count are read from the data.
    let r = h100e::regime::all()
        .iter()
        .find(|r| r.id == "draft2026")
        .expect("draft2026");
    assert!(r.hypothetical);
    let steps = r.review.by_size;
    assert_eq!(steps.len(), 2);
    use h100e::decimal::Dec;
    use h100e::model::SizeCount;
    // Reach `tpp` with this order alone (two custom chips of half of it each), or with one H100
    // plus the buyer's earlier total.
    let by_order = |tpp: Dec| {
        let half = Dec::from_milli(tpp.milli() / 2);
        let tops = Dec::from_milli(half.milli() / 8);
        assert_eq!(tops.milli() * 16, tpp.milli(), "the line splits exactly");
        eval(Request {
            chip: typed(&tops.to_string(), "800", None),
            ..req("AE", "h100", 2).regime("draft2026")
        })
        .review_policy
    };
    let by_total = |tpp: Dec| {
        let prior = tpp.checked_sub(Dec::from_int(15_832)).expect("big");
        eval(
            req("AE", "h100", 1)
                .regime("draft2026")
                .total(&prior.to_string()),
        )
        .review_policy
    };
    let other = r.review.other.as_ref().map(|o| o.policy.id());
    for (i, s) in steps.iter().enumerate() {
        let line = s.above.value;
        let at = |t: Dec| match s.counts {
            SizeCount::Order => by_order(t),
            SizeCount::BuyerTotal => by_total(t),
        };
        // At the line the step is not passed (the other steps are far off): simple review.
        assert_eq!(at(line), other, "at the line of step {i}");
        let over = match s.counts {
            SizeCount::Order => Dec::from_milli(line.milli() + 16),
            SizeCount::BuyerTotal => Dec::from_milli(line.milli() + 1),
        };
        assert_eq!(at(over), Some(s.policy.id()), "just over step {i}");
    }
    // The first line is per shipment (rule.md §5.10): a buyer's earlier total does not count.
    assert_eq!(
        by_total(
            steps[0]
                .above
                .value
                .checked_add(Dec::from_int(1))
                .expect("sum")
        ),
        other
    );
    // Never chosen by date, always labelled.
    assert_eq!(
        eval(req("AE", "h100", 1).date("2026-06-01")).regime.id,
        "jan2026"
    );
    assert!(eval(req("AE", "h100", 1).regime("draft2026"))
        .headline
        .starts_with("Hypothetical"));
}

#[test]
fn h20_answers_under_the_ifr_do_not_carry_its_never_enforced_caveat() {
    // The April 2025 letters were real while the AI Diffusion rule was never enforced: an H20
    // answer for 2025-04-20 rests on the letters, so the IFR's caveat does not belong on it.
    let h20 = eval(req("CN", "h20", 10).date("2025-04-20"));
    assert!(h20.license_required);
    assert!(h20.caveats.iter().all(|c| c.id != "regime.caveat"));
    let h100 = eval(req("CN", "h100", 10).date("2025-04-20"));
    assert!(h100.caveats.iter().any(|c| c.id == "regime.caveat"));
}

#[test]
fn a_chosen_reading_still_shows_every_reading_as_it_is() {
    // Choosing a reading answers under it; the contest still gives each reading's own answer
    // (rule.md Errata 2: LPP to Saudi Arabia, a D:4 destination, under the AI Diffusion rule).
    let r = Request {
        readings: vec!["lpp-d1-d4=available".into()],
        ..req("SA", "h100", 100).regime("diffusion2025")
    };
    let v = eval(r);
    assert_eq!(v.exception_used, Some("LPP"));
    assert!(!v.headline.starts_with("It depends"));
    let c = contest(&v, "lpp-d1-d4");
    assert_eq!(c.chosen, Some("available"));
    assert!(c.changes_outcome && !c.depends);
    assert!(
        c.readings[0].answer.license_required,
        "not-listed, whatever was chosen"
    );
    assert_eq!(c.readings[1].answer.exception_used, Some("LPP"));
}

#[test]
fn the_section_232_band_is_strict_on_both_sides() {
    // "TPP greater than 14,000 and less than 17,500, and a total DRAM bandwidth greater than 4,500
    // GB/s and less than 5,000 GB/s" (Proclamation 11002, via Thompson Hine): the lines are out.
    let chip = |tops: &str, bw: &str| Request {
        chip: typed(tops, "800", Some(bw)),
        ..req("SG", "h100", 1)
    };
    let taxed = |tops: &str, bw: &str| {
        step_ids(chip(tops, bw))
            .iter()
            .any(|i| i == "chip.import_tariff")
    };
    // TPP = tops × 8: 1,750 → 14,000 (on the line); 1,750.001 → 14,000.008 (inside).
    assert!(!taxed("1750", "4800"), "TPP on the lower line");
    assert!(taxed("1750.001", "4800"));
    assert!(!taxed("2187.5", "4800"), "TPP 17,500 on the upper line");
    assert!(taxed("2187.499", "4800"));
    assert!(!taxed("2000", "4500"), "bandwidth on the lower line");
    assert!(taxed("2000", "4500.001"));
    assert!(!taxed("2000", "5000"), "bandwidth on the upper line");
    assert!(taxed("2000", "4999.999"));
}

#[test]
fn consumer_3a090a_cards_say_nac_and_aca_can_cover_them() {
    // Note to 3A090 and 15 CFR 740.8: a 3A090.a chip not designed for datacenters (the RTX 4090,
    // TPP 5,284.8) stays in 3A090.a, and NAC/ACA can cover it where a license is needed.
    assert!(catalog("rtx-4090").class_note.is_some());
    assert!(catalog("h100").class_note.is_none(), "a datacenter part");
    // The 2026 map says China and Macau review some chips case-by-case.
    let map = wire::tiers(&Choice::Id("jan2026".into()), None).expect("map");
    let denial = map
        .legend
        .iter()
        .find(|l| l.status == "denial")
        .expect("denial");
    assert!(denial.label.contains("case-by-case"), "{}", denial.label);
    let old = wire::tiers(&Choice::Id("ac2023".into()), None).expect("map");
    let denial = old
        .legend
        .iter()
        .find(|l| l.status == "denial")
        .expect("denial");
    assert!(!denial.label.contains("case-by-case"));
}

#[test]
fn contested_points_can_change_an_answer_only_together() {
    // Errata 2 and 3: 500 MI355X to Saudi Arabia (D:4) under the AI Diffusion rule. LPP's reach to
    // D:1/D:4 alone does not let them through (30,198,900 TPP on the catalog reading is over
    // 26,900,000); the lower TPP alone does not either (LPP not listed there); both together do
    // (20,132,800 TPP within LPP).
    let v = eval(req("SA", "mi355x", 500).regime("diffusion2025"));
    assert!(v.contested.iter().all(|c| !c.changes_outcome));
    assert!(v.headline.starts_with("It depends: "), "{}", v.headline);
    let combo = v
        .contested_combinations
        .iter()
        .find(|k| k.answer.exception_used == Some("LPP"))
        .expect("the combination that lets the order through");
    let mut readings = combo.readings.clone();
    readings.sort();
    assert_eq!(readings, ["chip-tpp=low", "lpp-d1-d4=available"]);
    // The same answer as the engine with those readings fixed.
    let fixed = eval(Request {
        readings: combo.readings.clone(),
        ..req("SA", "mi355x", 500).regime("diffusion2025")
    });
    assert_eq!(fixed.exception_used, Some("LPP"));
    assert!(!fixed.license_required);
    // One contested point that decides alone leaves no combination to report.
    assert!(eval(req("SA", "h100", 100).regime("diffusion2025"))
        .contested_combinations
        .is_empty());
}

#[test]
fn days_after_the_sources_reach_say_so() {
    // rule.md Errata 9: the sources stop around September 2026.
    let d = &h100e::data::DATASET;
    let after = d.sources_reach.next_day().to_string();
    let v = eval(req("SG", "h100", 1).date(&after));
    assert!(v.caveats.iter().any(|c| c.id == "data.after_sources"));
    assert_eq!(
        v.regime.date_applied, after,
        "still inside the checked data"
    );
    let on = eval(req("SG", "h100", 1).date(&d.sources_reach.to_string()));
    assert!(on.caveats.iter().all(|c| !c.id.starts_with("data.")));
}

#[test]
fn the_h20_letters_reach_buyers_headquartered_in_china() {
    // updates-2026-12.md §4 item 5 (NVIDIA's 8-K as quoted; medium confidence): the letters cover
    // buyers headquartered in China or D:5, wherever the chips go.
    let de = |hq: Option<&str>| {
        let r = req("DE", "h20", 100).date("2025-06-01");
        eval(match hq {
            Some(h) => r.hq(h),
            None => r,
        })
    };
    let china_hq = de(Some("CN"));
    assert!(china_hq.license_required);
    assert!(china_hq.explanation.iter().any(|s| s.id == "letters.apply"));
    assert_eq!(de(None).outcome, "not-controlled");
    assert_eq!(de(Some("FR")).outcome, "not-controlled");
    // Before the letters (9 April 2025), nothing.
    let before = eval(req("DE", "h20", 100).date("2025-04-08").hq("CN"));
    assert_eq!(before.outcome, "not-controlled");
}

#[test]
fn cambodias_exit_from_d5_is_explained_from_that_day() {
    // rule.md Errata 1: Cambodia left D:5 on 2025-11-07 and stays in D:1.
    let notes = |d: &str| {
        step_ids(req("KH", "h100", 1).date(d))
            .iter()
            .filter(|i| *i == "place.note")
            .count()
    };
    assert_eq!(notes("2025-11-06"), 0);
    assert_eq!(notes("2025-11-07"), 1);
}

// ---- the AI Diffusion rule as codified, not enforced (updates-2026-12.md row 6) ---------------

#[test]
fn codified_diffusion_rule_reads_the_text_with_todays_groups() {
    // Row 6: "keep two modes. 'Codified IFR' uses the tiers, LPP and caps." Row 4: Cambodia left
    // D:5 on 7 Nov 2025; "Under the IFR it moves from Tier 3 to Tier 2."
    let written = eval(req("KH", "h100", 1000).regime("diffusion2025"));
    assert_eq!(written.destination.tier, Some(3));
    assert_eq!(written.review_policy, Some("presumption-of-denial"));
    let codified = eval(req("KH", "h100", 1000).regime("codified"));
    assert_eq!(codified.destination.tier, Some(2));
    assert_eq!(codified.regime.date_applied, "2026-07-23");
    assert!(codified.regime.unenforced && !codified.regime.hypothetical);
    // Tier 2 within the country allocation (§742.6(b)(10) as reported): presumption of approval.
    assert_eq!(codified.review_policy, Some("presumption-of-approval"));
    assert!(codified.counts_against_country_cap);
    // The rules exporters follow say otherwise: no tiers, and Cambodia stays in D:1.
    let enforced = eval(req("KH", "h100", 1000));
    assert_eq!(enforced.regime.id, "jan2026");
    assert_eq!(enforced.destination.tier, None);
    // Every answer under the codified text says it is not the rule in force, from its headline.
    assert!(
        codified
            .headline
            .starts_with("If the AI Diffusion rule were enforced today — "),
        "{}",
        codified.headline
    );
    assert!(
        codified
            .caveats
            .iter()
            .any(|c| c.text.contains("Not the rules exporters follow")),
        "{:?}",
        codified.caveats
    );
}

#[test]
fn codified_diffusion_rule_carries_the_later_amendments() {
    // 91 FR 1684 (15 Jan 2026) amended §742.6(b): H200-class chips to China, case-by-case. The
    // AI Diffusion rule as written (before it) kept China in Tier 3 under a presumption of denial.
    assert_eq!(
        eval(req("CN", "h200", 10).regime("diffusion2025")).review_policy,
        Some("presumption-of-denial")
    );
    assert_eq!(
        eval(req("CN", "h200", 10).regime("codified")).review_policy,
        Some("case-by-case")
    );
    // The H20/MI308 letters are company letters, not text (updates row 8): row 6 keeps them with
    // the rules as enforced. The H20 is below 3A090, so under the text alone it needs no license.
    assert!(eval(req("CN", "h20", 10)).license_required);
    assert_eq!(
        eval(req("CN", "h20", 10).regime("codified")).outcome,
        "not-controlled"
    );
    // The eCFR of 2026-07-23 names the UAE in the 3A090.b scope, §742.6(a)(6)(iii)(B), though
    // it is now in A:5 (updates-2026-12.md row 5): named, not by its groups.
    assert_eq!(
        scope_groups(req("AE", "l40", 10).regime("codified")),
        Some((vec![], true))
    );
    assert_eq!(
        scope_groups(req("AE", "l40", 10).regime("diffusion2025")),
        Some((vec!["D:4"], false))
    );
}

#[test]
fn codified_diffusion_rule_is_never_chosen_by_date_or_default() {
    // The rules in force on a day are those exporters follow; the codified text stands beside them.
    for d in [
        "2025-01-13",
        "2025-05-13",
        "2025-11-07",
        "2026-01-15",
        "2026-07-23",
        "2026-12-01",
    ] {
        let r = h100e::regime::select(&Choice::Date(d.into())).expect("a covered day");
        assert!(r.regime.in_succession(), "{d}: {}", r.regime.id);
        assert_ne!(r.regime.id, "codified", "{d}");
    }
    assert_eq!(eval(req("DE", "h100", 1)).regime.id, "jan2026");
}

// ---- the threshold converter -------------------------------------------------------------------

fn fits(threshold: &str, chip: &str) -> Option<u64> {
    let out = wire::convert(&h100e::convert::ConvertRequest {
        threshold: Some(threshold.into()),
        ..Default::default()
    })
    .expect("a threshold of the data");
    out.chips
        .iter()
        .find(|c| c.id == chip)
        .and_then(|c| c.count)
}

#[test]
fn b200s_under_lpp_and_under_the_reported_500_h100_threshold() {
    // 15 CFR 740.29 (LPP, per SemiAnalysis): 26,900,000 TPP per buyer per calendar year. A B200 is
    // 4,500 dense FP8 TFLOPS × 8 = 36,000 TPP (chips.md), so 26,900,000 / 36,000 = 747.2: 747 fit.
    assert_eq!(fits("diffusion2025.lpp", "b200"), Some(747));
    // The reported April 2025 proposal (Reuters, rule.md §5.1): about 500 H100s = 7,916,000 TPP;
    // 7,916,000 / 36,000 = 219.9: 219 fit.
    assert_eq!(fits("proposal2025.lpp", "b200"), Some(219));
    // The H100 is the unit: 500 of them fit exactly under 500 × 15,832 (the line is inclusive:
    // a total "within" LPP's limit may equal it).
    assert_eq!(fits("proposal2025.lpp", "h100-sxm"), Some(500));
}

#[test]
fn the_aia_reporting_line_is_reached_at_the_line() {
    // §740.27(c): the certification is reported once the cumulative total *reaches* 253,000,000
    // TPP. An A100 is 624 × 8 = 4,992 TPP; 253,000,000 / 4,992 = 50,681.09, so 50,681 stay below.
    assert_eq!(fits("diffusion2025.aia-report", "a100-sxm"), Some(50_681));
    // 21,000 / 15,832: one H200 is below the 2026 band's line (91 FR 1684, "less than 21,000").
    assert_eq!(fits("jan2026.band-tpp", "h200"), Some(1));
    assert_eq!(fits("jan2026.band-tpp", "b200"), Some(0));
}

// ---- comparing regimes -----------------------------------------------------------------------

#[test]
fn a_b200_order_flips_where_the_converter_says_under_each_regime() {
    // India is Tier 2 of the AI Diffusion rule (neither supp. 5(a) nor D:5): LPP's 26,900,000 TPP
    // per buyer per year (§740.29) holds 747 B200s, the reported proposal's 7,916,000 holds 219,
    // and the reported 2026 draft licenses every destination.
    let out = wire::compare(&req("IN", "b200", 5000)).expect("compares");
    let col = |id: &str| {
        out.columns
            .iter()
            .find(|c| c.regime.id == id)
            .expect("every regime has a column")
    };
    let free = |id: &str| {
        let f = &col(id).largest_license_free;
        (f.kind, f.quantity)
    };
    assert_eq!(
        free("diffusion2025"),
        ("up-to", fits("diffusion2025.lpp", "b200"))
    );
    assert_eq!(
        free("proposal2025"),
        ("up-to", fits("proposal2025.lpp", "b200"))
    );
    assert_eq!(free("draft2026").0, "none");
    // India is outside D:1, D:4 and D:5 for the 2023–24 rules: no license at any quantity.
    assert_eq!(free("ac2023").0, "any");
    assert_eq!(col("diffusion2025").tier, Some(2));
    assert!(col("diffusion2025").counts_against_country_cap);
    assert_eq!(
        col("diffusion2025").main_cap.as_ref().map(|c| c.id),
        Some("country-allocation")
    );
    assert!(col("proposal2025").regime.hypothetical && col("draft2026").regime.hypothetical);
    assert!(out.differs.contains(&"largest_license_free"));
    assert!(out.differs.contains(&"tier"));
}

/// updates-2026-12.md row 11: since 14 July 2025 Malaysia requires a Strategic Trade Permit to
/// export, tranship or move in transit US-origin AI chips. Foreign law changes no US answer, but an
/// order shipped from Malaysia (or to it, or for a buyer based there) says so from that day on.
#[test]
fn malaysias_permit_is_a_note_where_chips_leave_malaysia() {
    let note = |r: Request| {
        eval(r)
            .explanation
            .into_iter()
            .any(|s| s.id == "place.note" && s.text.contains("Strategic Trade Permit"))
    };
    let from_my = |d: &str| {
        let mut r = req("TH", "h100", 100).date(d);
        r.from = Some("MY".into());
        r
    };
    assert!(note(from_my("2025-07-14")));
    assert!(!note(from_my("2025-07-13")));
    assert!(note(req("MY", "h100", 100).date("2025-08-01")));
    assert!(!note(req("TH", "h100", 100).date("2025-08-01")));
    // The answer itself is the US rules' alone.
    assert_eq!(
        eval(from_my("2025-07-14")).license_required,
        eval(from_my("2025-07-13")).license_required
    );
}

/// rule.md Errata 2: whether LPP reaches D:1/D:4 destinations is contested, so the largest
/// license-free quantity to Saudi Arabia (D:1, D:4) is "none" on the first reading and LPP's edge on
/// the other — under the AI Diffusion rule (about 1,700 H100s) and the reported proposal (about
/// 500) alike, even for an order both readings license.
#[test]
fn the_largest_license_free_quantity_gives_each_reading() {
    let out = wire::compare(&req("SA", "h100", 1000)).expect("compares");
    for (id, lpp) in [
        ("diffusion2025", "diffusion2025.lpp"),
        ("proposal2025", "proposal2025.lpp"),
    ] {
        let col = out
            .columns
            .iter()
            .find(|c| c.regime.id == id)
            .expect("column");
        assert_eq!(col.largest_license_free.kind, "none", "{id}");
        let other: Vec<_> = col
            .largest_license_free_readings
            .iter()
            .map(|o| (o.fact, o.reading, o.largest_license_free.quantity))
            .collect();
        assert_eq!(
            other,
            [("lpp-d1-d4", "available", fits(lpp, "h100-sxm"))],
            "{id}"
        );
    }
    // India is no D:1/D:4 destination: nothing contested there.
    let india = wire::compare(&req("IN", "h100", 1000)).expect("compares");
    assert!(india
        .columns
        .iter()
        .all(|c| c.largest_license_free_readings.is_empty()));
}
