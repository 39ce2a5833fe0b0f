//! User-made scenarios (`src/scenario.rs`): a regime of the data with provisions overridden. The
//! base figures come from the data files and their citations; each scenario figure is computed
//! here from the data, never typed in.

mod common;

use common::{eval, req, Tweak};
use h100e::chip::Chip;
use h100e::compare;
use h100e::data::CLASSIFICATION;
use h100e::decimal::Dec;
use h100e::regime::{self, Choice};
use h100e::scenario::{self, Overrides};
use h100e::wire;

fn b200_tpp() -> Dec {
    let e = h100e::chip::find("b200").expect("b200 in the catalog");
    Chip::Catalog(e)
        .metrics()
        .expect("metrics")
        .tpp
        .expect("b200 has a TPP")
}

fn largest_free(r: h100e::query::Request) -> compare::LicenseFree {
    let q = r.resolve().expect("resolves");
    let m = q.chip_metrics().expect("metrics");
    compare::largest_license_free(&q, &m).expect("bisection")
}

#[test]
fn the_text_is_read_case_blind_and_written_canonically() {
    let o = Overrides::parse(" tier-3 = il ; LPP=500H100E;; g2g=3 ")
        .expect("valid")
        .expect("not empty");
    assert_eq!(o.text(), "lpp=500h100e;g2g=3;tier-3=IL");
    assert!(Overrides::parse("  ; ").expect("empty is fine").is_none());
}

#[test]
fn a_500_h100e_allowance_holds_as_many_b200s_as_the_arithmetic_says() {
    // 15 CFR 740.29 (90 FR 4544): LPP's allowance is 26,900,000 TPP per buyer per year; a
    // scenario sets it to 500 H100-equivalents (500 × the H100's TPP, ECCN 3A090 Technical Note).
    let base = req("IL", "b200", 1).regime("diffusion2025");
    let h100 = CLASSIFICATION.h100_tpp.value;
    let lpp = h100.checked_mul_int(500).expect("no overflow");
    let want = lpp.div_floor(b200_tpp()).expect("divides");
    assert_eq!(
        largest_free(base.clone().scenario("lpp=500h100e")),
        compare::LicenseFree::UpTo(want)
    );
    // The base keeps its own allowance: the scenario changed a copy.
    let lpp_base = regime::all()
        .iter()
        .find(|r| r.id == "diffusion2025")
        .and_then(|r| r.exceptions.lpp.as_ref())
        .expect("diffusion2025 has LPP")
        .limit
        .value;
    let base_want = lpp_base.div_floor(b200_tpp()).expect("divides") as u64;
    assert_ne!(want, base_want);
    assert_eq!(largest_free(base), compare::LicenseFree::UpTo(base_want));
}

#[test]
fn the_same_allowance_in_chips_or_tpp_gives_the_same_answer() {
    let tpp = b200_tpp().checked_mul_int(300).expect("no overflow");
    let by_chips = largest_free(
        req("IL", "b200", 1)
            .regime("diffusion2025")
            .scenario("lpp=300*b200"),
    );
    let by_tpp = largest_free(
        req("IL", "b200", 1)
            .regime("diffusion2025")
            .scenario(&format!("lpp={tpp}tpp")),
    );
    assert_eq!(by_chips, compare::LicenseFree::UpTo(300));
    assert_eq!(by_tpp, by_chips);
}

#[test]
fn moving_a_place_to_tier_3_brings_tier_3_review_and_the_map_follows() {
    // 15 CFR 742.6(b)(10) (90 FR 4544): a presumption of denial for Tier 3 (D:5 and Macau).
    let plain = eval(req("IL", "h100", 10).regime("diffusion2025"));
    let moved = eval(
        req("IL", "h100", 10)
            .regime("diffusion2025")
            .scenario("tier-3=IL"),
    );
    let china = eval(req("CN", "h100", 10).regime("diffusion2025"));
    assert_eq!(plain.destination.tier, Some(2));
    assert_eq!(moved.destination.tier, Some(3));
    assert_eq!(moved.review_policy, china.review_policy);
    assert!(moved.regime.hypothetical);
    let sc = moved
        .regime
        .scenario
        .as_ref()
        .expect("scenario on the wire");
    assert_eq!(sc.text, "tier-3=IL");
    assert_eq!((sc.moves[0].was, sc.moves[0].now), ("tier-2", "tier-3"));
    assert!(moved.caveats.iter().any(|c| c.id == "regime.scenario"));
    assert!(moved
        .explanation
        .iter()
        .any(|s| s.id == "regime.scenario" && s.key));

    let count = |t: &wire::TiersOut, s: &str| {
        t.legend
            .iter()
            .find(|l| l.status == s)
            .map_or(0, |l| l.count)
    };
    let base_map = wire::tiers(&Choice::Id("diffusion2025".into()), None).expect("map");
    let map = wire::tiers(&Choice::Id("diffusion2025".into()), Some("tier-3=IL")).expect("map");
    assert_eq!(count(&map, "tier-3"), count(&base_map, "tier-3") + 1);
    assert_eq!(count(&map, "tier-2"), count(&base_map, "tier-2") - 1);
    let il = map
        .destinations
        .iter()
        .find(|d| d.code == "IL")
        .expect("IL");
    assert_eq!(il.status, "tier-3");
}

#[test]
fn moving_china_out_of_tier_3_lifts_the_headquarters_rule_too() {
    // Under the AI Diffusion rule Tier 3 is D:5 and Macau, the same list as the headquarters
    // rule (15 CFR 742.6, moved from 744.23(a)(3)): a scenario moves them together.
    let to_sg = |s: Option<&str>| {
        let r = req("SG", "h100", 1).regime("diffusion2025").hq("CN");
        eval(match s {
            Some(s) => r.scenario(s),
            None => r,
        })
    };
    assert!(to_sg(None).license_required);
    let moved = to_sg(Some("tier-1=CN"));
    assert_eq!(moved.buyer_hq.tier, Some(1));
    assert!(!moved
        .explanation
        .iter()
        .any(|s| s.id.starts_with("hq_rule") && s.text.contains("applies")));
    let china = eval(
        req("CN", "h100", 1)
            .regime("diffusion2025")
            .scenario("tier-1=CN"),
    );
    assert_eq!(china.destination.tier, Some(1));
    assert!(!china.license_required, "{}", china.headline);
}

#[test]
fn rules_without_tiers_move_places_between_open_license_and_denial() {
    // 15 CFR 742.6(a)(6)(iii) (88 FR 73458): D:1, D:4 and D:5 need a license unless also in A:5
    // or A:6; Saudi Arabia (D:4) is in scope and is moved out; Germany (A:5) is moved to
    // the embargo list and gets China's (D:5) review.
    let sa = eval(req("SA", "h100", 1).regime("ac2023"));
    assert!(sa.license_required);
    let sa_open = eval(req("SA", "h100", 1).regime("ac2023").scenario("open=SA"));
    assert!(!sa_open.license_required, "{}", sa_open.headline);
    let de = eval(req("DE", "h100", 1).regime("ac2023"));
    assert!(!de.license_required);
    let de_denied = eval(req("DE", "h100", 1).regime("ac2023").scenario("denial=DE"));
    let cn = eval(req("CN", "h100", 1).regime("ac2023"));
    assert!(de_denied.license_required);
    assert_eq!(de_denied.review_policy, cn.review_policy);
    let map = wire::tiers(&Choice::Id("ac2023".into()), Some("denial=DE;open=SA")).expect("map");
    let status = |c: &str| {
        map.destinations
            .iter()
            .find(|d| d.code == c)
            .map(|d| d.status)
    };
    assert_eq!(status("DE"), Some("denial"));
    assert_eq!(status("SA"), Some("open"));
}

#[test]
fn a_new_country_allocation_and_multiplier_set_the_cap() {
    // 15 CFR 742.6(b)(10) (90 FR 4544): 790,000,000 TPP per Tier 2 country for 2025–27, doubled
    // under a government-to-government agreement (White House fact sheet).
    let cap_of = |v: &wire::EvalOut| {
        v.caps
            .iter()
            .find(|c| c.id == "country-allocation")
            .map(|c| c.limit_tpp)
    };
    let r = || req("IN", "h100", 5000).regime("diffusion2025");
    let h100 = CLASSIFICATION.h100_tpp.value;
    let cap = h100.checked_mul_int(10_000).expect("no overflow");
    let set = eval(r().scenario("cap=10000h100e"));
    assert_eq!(cap_of(&set), Some(cap.to_f64()));
    let tripled = eval(r().g2g().scenario("cap=10000h100e;g2g=3"));
    assert_eq!(
        cap_of(&tripled),
        Some(cap.checked_mul_int(3).expect("no overflow").to_f64())
    );
    let doubled = eval(r().g2g().scenario("cap=10000h100e"));
    assert_eq!(
        cap_of(&doubled),
        Some(cap.checked_mul_int(2).expect("no overflow").to_f64()),
        "the rule's doubling is kept when only the cap changes"
    );
}

#[test]
fn bad_scenarios_name_their_setting_and_what_is_accepted() {
    let cases = [
        ("lpp=0", "diffusion2025", "scenario.lpp", "bad-scenario"),
        ("lpp=-5", "diffusion2025", "scenario.lpp", "bad-scenario"),
        ("lpp=NaN", "diffusion2025", "scenario.lpp", "bad-scenario"),
        ("lpp=1e9", "diffusion2025", "scenario.lpp", "bad-scenario"),
        (
            "lpp=99999999999999999999h100e",
            "diffusion2025",
            "scenario.lpp",
            "bad-scenario",
        ),
        (
            "lpp=1.5*b200",
            "diffusion2025",
            "scenario.lpp",
            "bad-scenario",
        ),
        (
            "lpp=3*nochip",
            "diffusion2025",
            "scenario.lpp",
            "bad-scenario",
        ),
        (
            "cap=<script>",
            "diffusion2025",
            "scenario.cap",
            "bad-scenario",
        ),
        ("g2g=0.5", "diffusion2025", "scenario.g2g", "bad-scenario"),
        ("g2g=101", "diffusion2025", "scenario.g2g", "bad-scenario"),
        (
            "tier-1=Atlantis",
            "diffusion2025",
            "scenario.moves",
            "unknown-country",
        ),
        (
            "tier-1=HK",
            "diffusion2025",
            "scenario.moves",
            "bad-scenario",
        ),
        (
            "tier-1=US",
            "diffusion2025",
            "scenario.moves",
            "bad-scenario",
        ),
        (
            "tier-1=IL;tier-3=IL",
            "diffusion2025",
            "scenario.moves",
            "bad-scenario",
        ),
        (
            "open=IL",
            "diffusion2025",
            "scenario.moves",
            "scenario-not-applicable",
        ),
        (
            "tier-1=IL",
            "ac2023",
            "scenario.moves",
            "scenario-not-applicable",
        ),
        (
            "lpp=500h100e",
            "ac2023",
            "scenario.lpp",
            "scenario-not-applicable",
        ),
        ("cap=5", "ac2023", "scenario.cap", "scenario-not-applicable"),
        (
            "g2g=2",
            "jan2026",
            "scenario.g2g",
            "scenario-not-applicable",
        ),
        ("lpp", "diffusion2025", "scenario", "bad-scenario"),
        ("tier-9=IL", "diffusion2025", "scenario", "bad-scenario"),
        ("lpp=5;lpp=6", "diffusion2025", "scenario", "bad-scenario"),
    ];
    for (text, base, field, code) in cases {
        let e = wire::evaluate(&req("IL", "h100", 1).regime(base).scenario(text)).expect_err(text);
        assert_eq!((e.field().id(), e.code()), (field, code), "{text}: {e}");
        assert!(
            e.to_string().starts_with("bad ") || e.code() == "unknown-country",
            "{e}"
        );
    }
    let long = "tier-1=IL;".repeat(scenario::MAX_LEN);
    let e = wire::evaluate(&req("IL", "h100", 1).regime("diffusion2025").scenario(&long))
        .expect_err("too long");
    assert_eq!(e.field().id(), "scenario");
    assert!(
        e.to_string().len() < 200,
        "the message does not echo a huge input"
    );
}

#[test]
fn a_scenario_is_built_once_and_shared() {
    let base = regime::all()
        .iter()
        .find(|r| r.id == "diffusion2025")
        .expect("diffusion2025");
    let o = Overrides::parse("tier-3=IL").expect("valid").expect("set");
    let a = scenario::apply(base, base.as_of, &o).expect("applies");
    let b = scenario::apply(base, base.as_of, &o).expect("applies");
    assert!(std::ptr::eq(a, b));
    assert!(!std::ptr::eq(a, base));
    assert!(base.scenario.is_none() && !base.hypothetical);
}

#[test]
fn compare_puts_the_scenario_last_beside_its_base() {
    let out = wire::compare(
        &req("IL", "b200", 300)
            .regime("diffusion2025")
            .scenario("lpp=500h100e"),
    )
    .expect("compare");
    let plain = wire::compare(&req("IL", "b200", 300)).expect("compare");
    assert_eq!(out.columns.len(), plain.columns.len() + 1);
    let last = out.columns.last().expect("a column");
    assert_eq!(last.regime.id, "diffusion2025");
    assert!(last.regime.scenario.is_some());
    assert!(out.columns[..plain.columns.len()]
        .iter()
        .all(|c| c.regime.scenario.is_none()));
    assert_eq!(wire::COMPARE_FIELDS.len(), wire::QueryIn::FIELDS.len() - 1);
    assert!(!wire::COMPARE_FIELDS.contains(&"date"));
    assert!(wire::QueryIn::FIELDS
        .iter()
        .all(|f| *f == "date" || wire::COMPARE_FIELDS.contains(f)));
}

#[test]
fn compare_refuses_a_regime_without_a_scenario_rather_than_ignoring_it() {
    let e = wire::compare(&req("IL", "b200", 300).regime("ac2023")).expect_err("refused");
    assert_eq!((e.field().id(), e.code()), ("regime", "bad-choice"));
}
