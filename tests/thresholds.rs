//! Boundary cases generated from every threshold parameter in the data.
//!
//! No threshold is typed here: each line is READ from the statics built from `data/*.toml`
//! (`CLASSIFICATION`, `REGIMES`, `GROUPS`), and each case puts an order, a prior shipment or a
//! custom chip just below, exactly at and just above it (one thousandth, the engine's resolution,
//! or one TPP where the brief of the rule counts whole units). Answers are read only from the wire
//! answer's stable fields (`outcome`, `license_required`, `exception_used`, `license_exceptions`,
//! `caps`, `review_policy`, `destination.tier`, `chip.eccn*`), never from English sentences.
//!
//! Every assertion message carries the paragraph of the line, taken from the data's `cite.cfr`.
//!
//! The comparisons these cases pin (and the single-token mutants they kill):
//! - 3A090.a.1 `tpp >= a1`, a.2 `tpp >= a2 && pd >= a2_pd`, b.1 `tpp >= b1_tpp_min && pd >= b1_pd_min`,
//!   b.2 `tpp >= b2 && pd >= b2_pd_min`; the Note to 3A090 excludes a non-datacenter chip when
//!   `tpp < non_datacenter_tpp` (strict).
//! - LPP is available while cumulative `<=` the limit (15 CFR 740.29).
//! - AIA's certification must be reported at cumulative `>=` report_tpp (15 CFR 740.27(c)).
//! - NVEU is over when cumulative `>` the step's cap; the step applies from its first day.
//! - The country allocation is exceeded when the order `>` the allocation (or its g2g value).
//! - The January 2026 band needs TPP `<` max_tpp and DRAM bandwidth `<` max_dram_gbs.
//! - Dated country-group facts apply from their `from` day and stop on their `until` day.

mod common;

use common::{eval, exception, req, Tweak};
use h100e::chip::{Chip, CustomSpec};
use h100e::data::{CLASSIFICATION, GROUPS, REGIMES};
use h100e::date::Date;
use h100e::decimal::Dec;
use h100e::model::{Cite, Param, Regime};
use h100e::query::{ChipInput, Request};
use h100e::wire::{self, CapOut, EvalOut};

// ---- helpers ---------------------------------------------------------------------------------

/// One thousandth: the engine's exact resolution (and the finest `prior_tpp` accepts).
const MILLI: Dec = Dec::from_milli(1);
/// One unit of TPP.
const ONE: Dec = Dec::from_int(1);

fn add(a: Dec, b: Dec) -> Dec {
    a.checked_add(b).expect("no overflow")
}

fn sub(a: Dec, b: Dec) -> Dec {
    a.checked_sub(b).expect("stays non-negative")
}

/// The paragraph a value is stated in, for messages: `cfr`, else the Federal Register page, else
/// the source's title.
fn cfr(c: &Cite) -> &'static str {
    c.cfr().or(c.fr()).or(c.source.title).unwrap_or_default()
}

fn pcfr(p: &Param) -> &'static str {
    cfr(p.cite)
}

/// A regime by id, from the data.
fn regime(id: &str) -> &'static Regime {
    REGIMES
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("regime {id} in data/regimes"))
}

/// The day before `d`.
fn day_before(d: Date) -> Date {
    let (y, m, day) = d.ymd();
    let candidates: Vec<String> = if day > 1 {
        vec![format!("{y:04}-{m:02}-{:02}", day - 1)]
    } else if m > 1 {
        (28..=31)
            .rev()
            .map(|last| format!("{y:04}-{:02}-{last:02}", m - 1))
            .collect()
    } else {
        vec![format!("{:04}-12-31", y - 1)]
    };
    let prev = candidates
        .iter()
        .find_map(|s| Date::parse(s))
        .expect("a valid previous day");
    assert_eq!(prev.next_day(), d, "day_before({d})");
    prev
}

/// A custom chip whose TPP is exactly `tpp` (dense TOPS `tpp` at 1 bit: TPP = TOPS × bit length).
fn custom_input(
    tpp: Dec,
    die_area: Option<Dec>,
    non_datacenter: bool,
    dram: Option<Dec>,
) -> ChipInput {
    ChipInput::Custom {
        tops: vec![tpp.to_string()],
        bits: vec!["1".into()],
        die_area: die_area.map(|a| a.to_string()),
        non_datacenter,
        dram_bandwidth: dram.map(|d| d.to_string()),
    }
}

/// A request for `quantity` custom chips of exactly `tpp` each.
fn custom_req(to: &str, tpp: Dec, quantity: u64, dram: Option<Dec>) -> Request {
    Request {
        chip: custom_input(tpp, None, false, dram),
        ..req(to, "h100", quantity)
    }
}

/// The 3A090 paragraph (`None` outside 3A090) of a typed chip.
fn paragraph(tpp: Dec, die_area: Dec, non_datacenter: bool) -> Option<&'static str> {
    let spec = CustomSpec::parse(
        &[tpp.to_string()],
        &["1".into()],
        Some(&die_area.to_string()),
        non_datacenter,
        None,
    )
    .expect("valid spec");
    let out = wire::chip(&Chip::Custom(spec)).expect("measurable");
    assert_eq!(out.tpp, Some(tpp.to_f64()), "TPP of the typed chip");
    out.eccn_paragraph
}

/// PD = tpp / area compared with `line`, exactly.
fn pd_cmp(tpp: Dec, area: Dec, line: Dec) -> std::cmp::Ordering {
    tpp.ratio_cmp(area, line).expect("comparable")
}

/// A whole number of mm² giving performance density `pd` for `tpp`, rounded down (so PD ≥ pd).
fn area_for_pd(tpp: Dec, pd: Dec) -> Dec {
    let whole = (tpp.milli() / pd.milli()).max(1);
    Dec::from_milli(whole * 1000)
}

fn cap<'a>(v: &'a EvalOut, id: &str) -> &'a CapOut {
    v.caps
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("cap {id} shown; caps: {:?}", v.caps))
}

/// The H100's TPP, read from the data: the unit of the prior-shipment cases below.
fn h100() -> Dec {
    CLASSIFICATION.h100_tpp.value
}

/// An H100 order whose cumulative TPP (this calendar year's earlier shipments + this chip) is
/// exactly `cumulative`.
fn one_h100_reaching(r: Request, cumulative: Dec) -> Request {
    r.prior(&sub(cumulative, h100()).to_string())
}

/// The same for an NVEU's installed base in the country.
fn one_h100_installing(r: Request, cumulative: Dec) -> Request {
    r.installed(&sub(cumulative, h100()).to_string())
}

/// The same for everything the buyer has received (AIA's reporting line).
fn one_h100_totalling(r: Request, cumulative: Dec) -> Request {
    r.total(&sub(cumulative, h100()).to_string())
}

// ---- 15 CFR 774 supp. 1, ECCN 3A090 ----------------------------------------------------------

#[test]
fn a1_tpp_line_is_inclusive() {
    let c = &CLASSIFICATION;
    let line = c.a1_tpp.value;
    // A die area giving PD about 1: below every PD line, so only 3A090.a.1 can control the chip.
    let area = line;
    assert_eq!(
        pd_cmp(line, area, c.b1_pd_min.value),
        std::cmp::Ordering::Less
    );
    let why = pcfr(&c.a1_tpp);
    assert_ne!(
        paragraph(sub(line, MILLI), area, false),
        Some("3A090.a.1"),
        "{why}: below"
    );
    assert_ne!(
        paragraph(sub(line, ONE), area, false),
        Some("3A090.a.1"),
        "{why}: 1 below"
    );
    assert_eq!(
        paragraph(line, area, false),
        Some("3A090.a.1"),
        "{why}: at the line"
    );
    assert_eq!(
        paragraph(add(line, MILLI), area, false),
        Some("3A090.a.1"),
        "{why}: above"
    );
}

#[test]
fn a2_tpp_line_with_pd_above_a2_pd() {
    let c = &CLASSIFICATION;
    let line = c.a2_tpp.value;
    assert!(line < c.a1_tpp.value);
    // PD about twice 3A090.a.2's: the TPP line alone decides.
    let area = area_for_pd(line, add(c.a2_pd.value, c.a2_pd.value));
    assert_eq!(
        pd_cmp(sub(line, MILLI), area, c.a2_pd.value),
        std::cmp::Ordering::Greater
    );
    let why = pcfr(&c.a2_tpp);
    assert_ne!(
        paragraph(sub(line, MILLI), area, false),
        Some("3A090.a.2"),
        "{why}: below"
    );
    assert_eq!(
        paragraph(line, area, false),
        Some("3A090.a.2"),
        "{why}: at the line"
    );
    assert_eq!(
        paragraph(add(line, MILLI), area, false),
        Some("3A090.a.2"),
        "{why}: above"
    );
}

#[test]
fn a2_pd_line_is_inclusive() {
    let c = &CLASSIFICATION;
    // TPP = a2_pd × A for a whole A, at or above a.2's TPP line and below a.1's: PD exactly a2_pd.
    let a = c.a2_tpp.value.milli().div_ceil(c.a2_pd.value.milli());
    let area = Dec::from_int(a);
    let tpp = Dec::from_milli(c.a2_pd.value.milli() * a);
    assert!(tpp >= c.a2_tpp.value && tpp < c.a1_tpp.value, "TPP {tpp}");
    assert_eq!(pd_cmp(tpp, area, c.a2_pd.value), std::cmp::Ordering::Equal);
    let why = pcfr(&c.a2_pd);
    // A larger area is a lower PD: one thousandth of a mm² more puts PD just below the line.
    assert_ne!(
        paragraph(tpp, add(area, MILLI), false),
        Some("3A090.a.2"),
        "{why}: PD below"
    );
    assert_eq!(
        paragraph(tpp, area, false),
        Some("3A090.a.2"),
        "{why}: PD at the line"
    );
    assert_eq!(
        paragraph(tpp, sub(area, MILLI), false),
        Some("3A090.a.2"),
        "{why}: PD above"
    );
}

#[test]
fn b1_tpp_min_line_is_inclusive() {
    let c = &CLASSIFICATION;
    let line = c.b1_tpp_min.value;
    assert!(line < c.a1_tpp.value);
    // PD halfway between b.1's and b.2's minimums: 3A090.b.1 only, never b.2 or a.2.
    let mid = Dec::from_milli((c.b1_pd_min.value.milli() + c.b2_pd_min.value.milli()) / 2);
    let area = area_for_pd(line, mid);
    for t in [sub(line, ONE), line, add(line, ONE)] {
        assert_ne!(pd_cmp(t, area, c.b1_pd_min.value), std::cmp::Ordering::Less);
        assert_eq!(pd_cmp(t, area, c.b2_pd_min.value), std::cmp::Ordering::Less);
    }
    let why = pcfr(&c.b1_tpp_min);
    assert_eq!(
        paragraph(sub(line, MILLI), area, false),
        None,
        "{why}: below"
    );
    assert_eq!(
        paragraph(line, area, false),
        Some("3A090.b.1"),
        "{why}: at the line"
    );
    assert_eq!(
        paragraph(add(line, MILLI), area, false),
        Some("3A090.b.1"),
        "{why}: above"
    );
}

/// A performance-density line is inclusive: with a TPP in `[tpp_min, tpp_below)` whose density
/// sits exactly on `line` (a whole number of mm²), a thousandth of a mm² more is below it (no
/// class), exactly on it and a thousandth less are `expected`.
fn pd_line_is_inclusive(line: &Param, tpp_min: Dec, tpp_below: Dec, expected: &str) {
    let a = tpp_min.milli().div_ceil(line.value.milli());
    let area = Dec::from_int(a);
    let tpp = Dec::from_milli(line.value.milli() * a);
    assert!(tpp >= tpp_min && tpp < tpp_below, "TPP {tpp}");
    assert_eq!(pd_cmp(tpp, area, line.value), std::cmp::Ordering::Equal);
    let why = pcfr(line);
    assert_eq!(
        paragraph(tpp, add(area, MILLI), false),
        None,
        "{why}: PD below"
    );
    assert_eq!(
        paragraph(tpp, area, false),
        Some(expected),
        "{why}: PD at the line"
    );
    assert_eq!(
        paragraph(tpp, sub(area, MILLI), false),
        Some(expected),
        "{why}: PD above"
    );
}

#[test]
fn b1_pd_min_line_is_inclusive() {
    let c = &CLASSIFICATION;
    pd_line_is_inclusive(
        &c.b1_pd_min,
        c.b1_tpp_min.value,
        c.a1_tpp.value,
        "3A090.b.1",
    );
}

#[test]
fn b2_tpp_line_with_pd_between_b2_pd_min_and_a2_pd() {
    let c = &CLASSIFICATION;
    let line = c.b2_tpp.value;
    assert!(
        line < c.b1_tpp_min.value,
        "b.2's line must sit below b.1's for this case"
    );
    let mid = Dec::from_milli((c.b2_pd_min.value.milli() + c.a2_pd.value.milli()) / 2);
    let area = area_for_pd(line, mid);
    for t in [sub(line, ONE), line, add(line, ONE)] {
        assert_ne!(pd_cmp(t, area, c.b2_pd_min.value), std::cmp::Ordering::Less);
        assert_eq!(pd_cmp(t, area, c.a2_pd.value), std::cmp::Ordering::Less);
    }
    let why = pcfr(&c.b2_tpp);
    assert_eq!(
        paragraph(sub(line, MILLI), area, false),
        None,
        "{why}: below"
    );
    assert_eq!(
        paragraph(line, area, false),
        Some("3A090.b.2"),
        "{why}: at the line"
    );
    assert_eq!(
        paragraph(add(line, MILLI), area, false),
        Some("3A090.b.2"),
        "{why}: above"
    );
}

#[test]
fn b2_pd_min_line_is_inclusive() {
    let c = &CLASSIFICATION;
    pd_line_is_inclusive(
        &c.b2_pd_min,
        c.b2_tpp.value,
        c.b1_tpp_min.value,
        "3A090.b.2",
    );
}

#[test]
fn note_to_3a090_excludes_non_datacenter_chips_strictly_below_its_line() {
    let c = &CLASSIFICATION;
    let line = c.non_datacenter_tpp.value;
    // PD far above a.2's, so without the Note every case would be controlled.
    let area = area_for_pd(line, add(c.a2_pd.value, c.a2_pd.value));
    let why = pcfr(&c.non_datacenter_tpp);
    let below = sub(line, MILLI);
    assert_eq!(
        paragraph(below, area, true),
        None,
        "{why}: non-datacenter, below"
    );
    // The same chip marketed for datacenters is controlled: the Note alone decided.
    assert!(
        paragraph(below, area, false).is_some(),
        "{why}: datacenter, below"
    );
    // At the line the Note no longer applies (it excludes only TPP *below* it).
    assert!(
        paragraph(line, area, true).is_some(),
        "{why}: non-datacenter, at"
    );
    assert!(
        paragraph(add(line, MILLI), area, true).is_some(),
        "{why}: non-datacenter, above"
    );
    // And through the whole answer: outside 3A090 is `not-controlled`, at the line it is not.
    for (tpp, controlled) in [(below, false), (line, true)] {
        let v = eval(
            Request {
                chip: custom_input(tpp, Some(area), true, None),
                ..req("CN", "h100", 1)
            }
            .regime("ac2023"),
        );
        assert_eq!(
            v.outcome == "not-controlled",
            !controlled,
            "{why}: TPP {tpp}"
        );
    }
}

// ---- License Exception LPP, 15 CFR 740.29 (and the 2025 proposal's successor) ---------------

#[test]
fn lpp_limit_is_inclusive_in_every_regime_that_has_one() {
    let mut checked = Vec::new();
    for r in REGIMES {
        let Some(l) = &r.exceptions.lpp else { continue };
        let limit = l.limit.value;
        let why = format!("{} ({})", pcfr(&l.limit), r.id);
        // Singapore: not Tier 1 (no AIA), not embargoed, a destination needing a license for an
        // H100 in every regime that has LPP (worldwide scope).
        let at = |cum: Dec| eval(one_h100_reaching(req("SG", "h100", 1).regime(r.id), cum));
        for cum in [sub(limit, ONE), sub(limit, MILLI), limit] {
            let v = at(cum);
            assert_eq!(v.exception_used, Some("LPP"), "{why}: cumulative {cum}");
            assert!(!v.license_required, "{why}: cumulative {cum}");
            let c = cap(&v, "LPP");
            assert_eq!(
                c.limit_tpp,
                limit.to_f64(),
                "{why}: limit read from the data"
            );
            assert_eq!(c.used_tpp, cum.to_f64(), "{why}");
            assert!(c.counts, "{why}");
            assert_eq!(c.over_by_tpp, None, "{why}");
        }
        assert_eq!(cap(&at(limit), "LPP").headroom_tpp, Some(0.0), "{why}: at");
        for cum in [add(limit, MILLI), add(limit, ONE)] {
            let v = at(cum);
            assert!(!exception(&v, "LPP"), "{why}: cumulative {cum}");
            assert!(v.license_required, "{why}: cumulative {cum}");
            let c = cap(&v, "LPP");
            assert_eq!(c.over_by_tpp, Some(sub(cum, limit).to_f64()), "{why}");
            assert!(!c.counts, "{why}: a refused LPP does not count the order");
        }
        checked.push(r.id);
    }
    // Both regimes of the AI Diffusion era carry a threshold; a data change removing one should
    // be a decision, not an accident.
    assert!(checked.contains(&"diffusion2025"), "{checked:?}");
    assert!(checked.contains(&"proposal2025"), "{checked:?}");
}

// ---- License Exception AIA, 15 CFR 740.27(c): report at or above 253,000,000 TPP ------------

#[test]
fn aia_reporting_line_is_at_or_above() {
    let mut checked = 0;
    for r in REGIMES {
        let Some(a) = &r.exceptions.aia else { continue };
        let line = a.report_tpp.value;
        let why = format!("{} ({})", pcfr(&a.report_tpp), r.id);
        // A Tier 1 destination on the regime's as-of day, located and headquartered there.
        let tier1 = r.tiers.as_ref().expect("AIA regimes have tiers");
        let to = GROUPS
            .iter()
            .filter(|g| tier1.tier1.groups.contains(&g.id))
            .flat_map(|g| g.members.iter())
            .find(|m| m.from.is_none_or(|f| f <= r.as_of) && m.until.is_none_or(|u| r.as_of < u))
            .map(|m| m.code())
            .expect("a Tier 1 member");
        let at = |cum: Dec| {
            let v = eval(one_h100_totalling(req(to, "h100", 1).regime(r.id), cum));
            assert_eq!(v.exception_used, Some("AIA"), "{why}: cumulative {cum}");
            assert_eq!(v.destination.tier, Some(1), "{why}");
            let c = cap(&v, "AIA-report").clone();
            assert_eq!(c.limit_tpp, line.to_f64(), "{why}: line read from the data");
            assert_eq!(c.used_tpp, cum.to_f64(), "{why}");
            assert!(c.counts, "{why}");
            c
        };
        let below = at(sub(line, MILLI));
        let exact = at(line);
        let above = at(add(line, MILLI));
        // Stable fields: at the line the cumulative is at (not below) the threshold.
        assert!(below.used_tpp < below.limit_tpp, "{why}");
        assert!(exact.used_tpp >= exact.limit_tpp, "{why}");
        assert_eq!(exact.headroom_tpp, Some(0.0), "{why}");
        assert_eq!(exact.over_by_tpp, None, "{why}");
        // The report duty itself is carried only by the cap's `note`. Without asserting its words,
        // this pins the behaviour "at the line = at or above" (§740.27(c)): the note at the line is
        // the note above it, and differs from the note just below.
        assert!(
            exact.note.is_some() && below.note.is_some(),
            "{why}: notes shown"
        );
        assert_eq!(
            exact.note, above.note,
            "{why}: at the line reads as above it"
        );
        assert_ne!(
            exact.note, below.note,
            "{why}: at the line must not read as below it"
        );
        checked += 1;
    }
    assert!(checked >= 1, "no regime with AIA");
}

// ---- National VEU, 15 CFR 748.15(a)(2)(iii)(B): the installed-base schedule -----------------

/// The dates on which a regime answers queries: for one of the rules in force every day from
/// `effective` to `as_of` (a query by date), for a hypothetical regime or an unenforced text only
/// its `as_of` (a query by id).
fn answers_on(r: &Regime, d: Date) -> bool {
    if !r.in_succession() {
        d == r.as_of
    } else {
        r.effective <= d && d <= r.as_of
    }
}

/// An NVEU request under `r` on `d` whose installed base reaches `cumulative`.
fn nveu_req(r: &Regime, d: Date, cumulative: Dec) -> Request {
    let base = req("SG", "h100", 1).end_user("nveu");
    let base = if !r.in_succession() || d == r.as_of {
        base.regime(r.id)
    } else {
        base.date(&d.to_string())
    };
    one_h100_installing(base, cumulative)
}

fn nveu_eval(r: &Regime, d: Date, cumulative: Dec) -> EvalOut {
    let v = eval(nveu_req(r, d, cumulative));
    assert_eq!(
        v.regime.id, r.id,
        "the query on {d} is answered by {}",
        r.id
    );
    v
}

#[test]
fn nveu_schedule_steps_cap_inclusively_from_their_first_day() {
    let mut at_cap = Vec::new();
    let mut first_days = Vec::new();
    let mut unreachable = Vec::new();
    for r in REGIMES {
        let Some(n) = &r.exceptions.nveu else {
            continue;
        };
        let why = format!("{} ({})", cfr(n.cite), r.id);
        for (i, step) in n.schedule.iter().enumerate() {
            let next = n.schedule.get(i + 1).map(|s| s.from);
            let in_step = |d: Date| step.from <= d && next.is_none_or(|nf| d < nf);
            // The first day on which this regime answers with this step in force.
            let day = if !r.in_succession() {
                Some(r.as_of).filter(|d| in_step(*d))
            } else {
                let first = step.from.max(r.effective);
                Some(first).filter(|d| in_step(*d) && answers_on(r, *d))
            };
            let Some(day) = day else {
                unreachable.push(format!("{} step from {}", r.id, step.from));
                continue;
            };
            let cap_tpp = step.tpp;
            for cum in [sub(cap_tpp, ONE), cap_tpp] {
                let v = nveu_eval(r, day, cum);
                assert!(exception(&v, "NVEU"), "{why}: {day}, cumulative {cum}");
                assert_eq!(v.exception_used, Some("NVEU"), "{why}: {day}");
                let c = cap(&v, "NVEU");
                assert_eq!(
                    c.limit_tpp,
                    cap_tpp.to_f64(),
                    "{why}: step of {}",
                    step.from
                );
                assert_eq!(c.used_tpp, cum.to_f64(), "{why}");
            }
            for cum in [add(cap_tpp, MILLI), add(cap_tpp, ONE)] {
                let v = nveu_eval(r, day, cum);
                assert!(!exception(&v, "NVEU"), "{why}: {day}, cumulative {cum}");
                // Over its cap the NVEU cannot be relied on (one chip still fits LPP's yearly
                // allowance, which counts this year's shipments, not the installed base).
                assert_ne!(
                    v.exception_used,
                    Some("NVEU"),
                    "{why}: {day}, cumulative {cum}"
                );
                assert_eq!(
                    cap(&v, "NVEU").over_by_tpp,
                    Some(sub(cum, cap_tpp).to_f64()),
                    "{why}"
                );
            }
            at_cap.push(format!("{} {}", r.id, step.from));
            // The step's first day against the day before, when the regime answers on both: an
            // installed base exactly at the new cap fits on the first day only.
            let prev_day = day_before(step.from);
            if i > 0 && answers_on(r, step.from) && answers_on(r, prev_day) && !r.hypothetical {
                let prev = n.schedule.get(i - 1).expect("previous step");
                assert!(prev.tpp < step.tpp, "{why}: the schedule rises");
                let before = nveu_eval(r, prev_day, cap_tpp);
                let on = nveu_eval(r, step.from, cap_tpp);
                assert_eq!(cap(&before, "NVEU").limit_tpp, prev.tpp.to_f64(), "{why}");
                assert_eq!(cap(&on, "NVEU").limit_tpp, cap_tpp.to_f64(), "{why}");
                assert!(!exception(&before, "NVEU"), "{why}: {prev_day}");
                assert!(exception(&on, "NVEU"), "{why}: {}", step.from);
                first_days.push(format!("{} {}", r.id, step.from));
            }
        }
    }
    // The steps no query can reach (the regime is not in force, or a hypothetical regime answers
    // only on its as-of day) are listed by `cargo test -- --nocapture`.
    println!("NVEU steps checked at the cap: {at_cap:?}");
    println!("NVEU first days checked against the day before: {first_days:?}");
    println!("NVEU steps no query reaches: {unreachable:?}");
    assert!(at_cap.len() >= 2, "{at_cap:?}");
    assert!(!first_days.is_empty(), "{first_days:?}");
}

// ---- Country allocation, 15 CFR 742.6(b)(10): Tier 2 licensed exports ----------------------

/// A quantity `q` and per-chip TPP `t` with `q × t` exactly `total`, `t` a 3A090.a.1 chip small
/// enough to type (at most 1,000,000 TOPS at one bit).
fn split(total: Dec) -> (u64, Dec) {
    let max = Dec::from_int(1_000_000).milli();
    let mut q = total.milli().div_ceil(max);
    while total.milli() % q != 0 {
        q += 1;
    }
    let t = Dec::from_milli(total.milli() / q);
    assert!(t >= CLASSIFICATION.a1_tpp.value, "3A090.a.1 per chip");
    (q, t)
}

#[test]
fn country_allocation_is_exceeded_only_above_it() {
    let mut checked = 0;
    for r in REGIMES {
        let Some(a) = &r.allocation else { continue };
        let within = r.review.within_allocation.as_ref().expect("within policy");
        let over = r.review.over_allocation.as_ref().expect("over policy");
        let (within, over) = (within.policy.id(), over.policy.id());
        assert_ne!(within, over);
        for (g2g, limit) in [(false, &a.tpp), (true, &a.g2g_tpp)] {
            let why = format!("{} ({}, g2g {g2g})", pcfr(limit), r.id);
            let line = limit.value;
            let (q, t) = split(line);
            let ask = |tpp: Dec| {
                let r = custom_req("SG", tpp, q, None).regime(r.id);
                eval(if g2g { r.g2g() } else { r })
            };
            for (tpp, policy) in [(sub(t, MILLI), within), (t, within), (add(t, MILLI), over)] {
                let v = ask(tpp);
                assert_eq!(v.destination.tier, Some(2), "{why}");
                assert!(v.license_required, "{why}: order {q} × {tpp}");
                assert!(v.counts_against_country_cap, "{why}");
                assert_eq!(v.review_policy, Some(policy), "{why}: order {q} × {tpp}");
                let c = cap(&v, "country-allocation");
                assert_eq!(
                    c.limit_tpp,
                    line.to_f64(),
                    "{why}: limit read from the data"
                );
                let order = tpp.checked_mul_int(q).expect("order");
                assert_eq!(c.used_tpp, order.to_f64(), "{why}");
            }
            // Exactly at the line: nothing left, nothing over.
            let c = cap(&ask(t), "country-allocation").clone();
            assert_eq!((c.headroom_tpp, c.over_by_tpp), (Some(0.0), None), "{why}");
        }
        // An order just over the plain allocation is within the g2g one (it is larger).
        assert!(a.g2g_tpp.value > a.tpp.value);
        let (q, t) = split(a.tpp.value);
        let v = eval(custom_req("SG", add(t, MILLI), q, None).regime(r.id).g2g());
        assert_eq!(v.review_policy, Some(within), "{}", pcfr(&a.g2g_tpp));
        checked += 1;
    }
    assert!(checked >= 1, "no regime with an allocation");
}

// ---- The January 2026 band, 15 CFR 742.6(b) (91 FR 1684) ------------------------------------

#[test]
fn china_band_needs_tpp_and_bandwidth_strictly_below_its_lines() {
    let mut checked = 0;
    for r in REGIMES {
        let Some(b) = &r.china_band else { continue };
        let to = b
            .place
            .codes
            .first()
            .copied()
            .expect("a destination of the band");
        let inside_policy = b.policy.id();
        let outside_policy = r.review.embargoed.policy.id();
        assert_ne!(inside_policy, outside_policy);
        let (max_tpp, max_bw) = (b.max_tpp.value, b.max_dram_gbs.value);
        let ask = |tpp: Dec, bw: Dec| {
            let v = eval(custom_req(to, tpp, 1, Some(bw)).regime(r.id));
            assert!(
                v.license_required,
                "{}: the band changes review, not the requirement",
                r.id
            );
            v
        };
        // TPP: one thousandth below the line is inside (with bandwidth inside), at it is outside.
        let why = format!("{} ({}, TPP)", pcfr(&b.max_tpp), r.id);
        let bw_in = sub(max_bw, ONE);
        for (tpp, inside) in [
            (sub(max_tpp, ONE), true),
            (sub(max_tpp, MILLI), true),
            (max_tpp, false),
            (add(max_tpp, MILLI), false),
        ] {
            let v = ask(tpp, bw_in);
            assert_eq!(
                exception(&v, "CASE-BY-CASE-2026"),
                inside,
                "{why}: TPP {tpp}"
            );
            let want = if inside {
                inside_policy
            } else {
                outside_policy
            };
            assert_eq!(v.review_policy, Some(want), "{why}: TPP {tpp}");
        }
        // Bandwidth: one GB/s (and one thousandth) below the line is inside, at it is outside.
        let why = format!("{} ({}, DRAM bandwidth)", pcfr(&b.max_dram_gbs), r.id);
        let tpp_in = sub(max_tpp, ONE);
        for (bw, inside) in [
            (sub(max_bw, ONE), true),
            (sub(max_bw, MILLI), true),
            (max_bw, false),
            (add(max_bw, MILLI), false),
        ] {
            let v = ask(tpp_in, bw);
            assert_eq!(
                exception(&v, "CASE-BY-CASE-2026"),
                inside,
                "{why}: {bw} GB/s"
            );
            let want = if inside {
                inside_policy
            } else {
                outside_policy
            };
            assert_eq!(v.review_policy, Some(want), "{why}: {bw} GB/s");
        }
        checked += 1;
    }
    assert!(checked >= 1, "no regime with the band");
}

// ---- Which exception is used: ACA before LPP --------------------------------------------------

#[test]
fn aca_is_used_before_lpp_when_both_are_available() {
    // A consumer 3A090.a card (the Note's line does not exclude it) in a small quantity to a
    // Tier 2 destination under the AI Diffusion rule: ACA (15 CFR 740.8(b)) covers it because it
    // is not a datacenter part, and LPP (15 CFR 740.29) because the order is under the yearly
    // allowance. The answer relies on ACA: it needs no notice to BIS and leaves the buyer's
    // yearly LPP allowance untouched, while LPP requires notifying BIS and uses the allowance.
    let r = regime("diffusion2025");
    let v = eval(req("SG", "rtx-4090", 10).regime(r.id));
    assert_eq!(v.chip.eccn, "3A090.a");
    assert_eq!(v.chip.datacenter, "no");
    let tpp = Dec::parse(&v.chip.tpp.expect("tpp").to_string()).expect("tpp");
    assert!(tpp >= CLASSIFICATION.non_datacenter_tpp.value);
    assert_eq!(v.destination.tier, Some(2));
    assert!(exception(&v, "ACA"), "ACA available");
    assert!(exception(&v, "LPP"), "LPP available");
    assert_eq!(v.exception_used, Some("ACA"), "ACA before LPP");
    assert!(!v.license_required);
    let used: Vec<&str> = v
        .license_exceptions
        .iter()
        .filter(|e| e.used)
        .map(|e| e.id)
        .collect();
    assert_eq!(used, ["ACA"], "exactly one exception is used");
}

// ---- Dated facts of data/groups.toml: 15 CFR 740 supp. 1 ------------------------------------

/// The stable fields of an answer, for comparing two days.
fn signature(v: &EvalOut) -> (String, bool, Option<String>, Option<String>, Option<u8>) {
    (
        v.outcome.to_string(),
        v.license_required,
        v.exception_used.map(String::from),
        v.review_policy.map(String::from),
        v.destination.tier,
    )
}

#[test]
fn every_dated_membership_change_takes_effect_on_its_day() {
    let first = h100e::regime::coverage_start().expect("coverage");
    let mut checked = Vec::new();
    for g in GROUPS {
        for m in g.members {
            for day in [m.from, m.until].into_iter().flatten() {
                let before = day_before(day);
                if before < first {
                    continue;
                }
                let why = format!(
                    "{} {} {} on {day} ({})",
                    g.id,
                    m.code(),
                    if Some(day) == m.from {
                        "joins"
                    } else {
                        "leaves"
                    },
                    cfr(m.cite)
                );
                let ask = |d: Date| eval(req(m.code(), "h100", 1).date(&d.to_string()));
                // The Tier 1 list (supp. 5(a)) starts on the AI Diffusion rule's own first day, so
                // for it the day before is also the day before that regime: the check then pins
                // that both take effect together.
                let (b, o) = (ask(before), ask(day));
                assert_ne!(
                    signature(&b),
                    signature(&o),
                    "{why}: the answer changes that day"
                );
                // And it stays changed the day after: the change is the membership, not a fluke.
                assert_eq!(signature(&o), signature(&ask(day.next_day())), "{why}");
                checked.push(why);
            }
        }
    }
    println!("{checked:#?}");
    assert!(checked.len() >= 5, "{checked:?}");
}

#[test]
fn dated_changes_give_the_expected_answers() {
    // The specific answers on each side of the changes that are not also a change of regime.
    // D:5 and D:1 (15 CFR 740 supp. 1): Nicaragua joins both on 2024-03-15 (2023-24 rules).
    let ni = |d: &str| eval(req("NI", "h100", 1).date(d));
    let embargoed = regime("ac2023").review.embargoed.policy.id();
    assert_eq!(ni("2024-03-14").outcome, "no-license-required");
    let on = ni("2024-03-15");
    assert!(on.license_required);
    assert_eq!(on.review_policy, Some(embargoed));
    // Cambodia leaves D:5 on 2025-11-07 but stays in D:1 (rules after the May 2025 rescission).
    let r = regime("rescission2025");
    let kh = |d: &str| eval(req("KH", "h100", 1).date(d));
    assert_eq!(
        kh("2025-11-06").review_policy,
        Some(r.review.embargoed.policy.id())
    );
    let after = kh("2025-11-07");
    assert!(after.license_required, "still D:1");
    assert_eq!(
        after.review_policy,
        r.review.other.as_ref().map(|o| o.policy.id())
    );
    let r = regime("jan2026");
    // The UAE moves from D:4 to A:5 on 2026-07-23; the 2026 rule still names it, so a license is
    // still needed, but a buyer headquartered in A:5 is reviewed under the allied policy.
    let ae = |d: &str| eval(req("AE", "h100", 1).date(d));
    let (b, o) = (ae("2026-07-22"), ae("2026-07-23"));
    assert!(b.license_required && o.license_required);
    assert_eq!(
        b.review_policy,
        r.review.other.as_ref().map(|x| x.policy.id())
    );
    assert_eq!(
        o.review_policy,
        r.review.allied_hq.as_ref().map(|(_, x)| x.policy.id())
    );
}
