//! The outcome map (`wire::outcomes`: every destination at once, no explanations, each distinct
//! answer listed once) must say for every destination what the full answer for that destination
//! says. The map's pass is written for speed; this checks it against the answer a reader gets.

mod common;

use common::{req, typed, Tweak};
use h100e::query::Request;
use h100e::{country, regime, wire};

/// Orders that reach different rules: a large Tier 2 order (LPP, the country allocation), a small
/// one, a buyer headquartered elsewhere, an authorized end user, a re-export, a 3A090.b chip.
fn orders(regime: &str) -> Vec<Request> {
    let mut from = req("SG", "h100", 100).regime(regime);
    from.from = Some("MY".into());
    vec![
        req("SG", "h100", 50_000).regime(regime),
        req("SG", "b200", 10).regime(regime),
        req("SG", "h100", 2_000).regime(regime).hq("CN"),
        req("SG", "h100", 2_000).regime(regime).end_user("uveu"),
        from,
        req("SG", "l40", 500).regime(regime),
        // Two contested points that change the answer only together (the MI355X's TPP and LPP's
        // reach, to Saudi Arabia under the AI Diffusion rule).
        req("SG", "mi355x", 500).regime(regime),
    ]
}

/// Asserts that every destination on `order`'s map says what its full answer says.
fn agrees(order: &Request, what: &str) {
    let map = wire::outcomes(order).expect("outcomes");
    for c in country::all() {
        let mut one = order.clone();
        one.to = c.code().into();
        let full = wire::evaluate(&one).expect("answer");
        let m = map.at(c.code()).expect("every destination is on the map");
        let what = format!("{} {what} ({:?})", c.code(), order.quantity);
        assert_eq!(m.outcome, full.outcome, "{what}");
        assert_eq!(m.class, full.outcome_class, "{what}");
        assert_eq!(m.license_required, full.license_required, "{what}");
        assert_eq!(m.exception_used, full.exception_used, "{what}");
        assert_eq!(m.review_policy, full.review_policy, "{what}");
        assert_eq!(m.tier, full.destination.tier, "{what}");
        // "It depends" in the answer is "it depends" on the map (rule.md Errata 2 and 8: both
        // readings wherever that answer is shown).
        let combined = |fact: &str| {
            full.contested_combinations
                .iter()
                .any(|k| k.readings.iter().any(|r| r.split('=').next() == Some(fact)))
        };
        let depends: Vec<&str> = full
            .contested
            .iter()
            .filter(|c| c.depends || combined(c.fact))
            .map(|c| c.fact)
            .collect();
        let on_map: Vec<&str> = m.depends_on.iter().map(|d| d.fact).collect();
        assert_eq!(on_map, depends, "{what}");
    }
}

/// The orders above meet contested points on the map, so the check of `depends_on` has teeth:
/// under the AI Diffusion rule, whether LPP reaches D:1/D:4 decides a small order to Saudi Arabia
/// (rule.md Errata 2), and under the 2026 rules the review of D:1/D:4 licenses (Errata 8).
#[test]
fn the_map_marks_answers_that_turn_on_a_contested_point() {
    let diffusion = wire::outcomes(&req("SG", "h100", 100).regime("diffusion2025")).expect("map");
    let sa = diffusion.at("SA").expect("SA");
    assert_eq!(
        sa.depends_on.iter().map(|d| d.fact).collect::<Vec<_>>(),
        ["lpp-d1-d4"]
    );
    assert!(diffusion.at("FR").expect("FR").depends_on.is_empty());
    let now = wire::outcomes(&req("SG", "h100", 100)).expect("map");
    let together = wire::outcomes(&req("SG", "mi355x", 500).regime("diffusion2025")).expect("map");
    let sa = together.at("SA").expect("SA");
    assert_eq!(
        sa.depends_on.iter().map(|d| d.fact).collect::<Vec<_>>(),
        ["lpp-d1-d4", "chip-tpp"]
    );
    let vn = now.at("VN").expect("VN");
    assert_eq!(
        vn.depends_on.iter().map(|d| d.fact).collect::<Vec<_>>(),
        ["review-d1-d4"]
    );
}

#[test]
fn every_destination_on_the_map_agrees_with_its_full_answer() {
    for r in regime::all() {
        for order in orders(r.id) {
            agrees(&order, &format!("under {}", r.id));
        }
    }
}

/// The map keeps which places hold which destination per period of the group lists: on the day a
/// country joins or leaves a group and the day before, the map must follow (Cambodia leaving D:5,
/// rule.md §5.9; the UAE's A:5 entry, §5.11), including a chip under the letters and typed specs.
#[test]
fn the_map_follows_each_group_change_and_the_other_inputs() {
    let mut days: Vec<String> = h100e::place::change_days()
        .flat_map(|d| {
            let (y, mo, day) = d.ymd();
            let before = if day > 1 {
                Some(format!("{y:04}-{mo:02}-{:02}", day - 1))
            } else {
                None
            };
            [Some(format!("{y:04}-{mo:02}-{day:02}")), before]
        })
        .flatten()
        .filter(|d| d.as_str() >= "2023-11-17")
        .collect();
    days.sort();
    days.dedup();
    assert!(days.len() >= 4, "{days:?}");
    let custom = Request {
        chip: typed("1979", "814", None),
        ..req("SG", "h100", 3_000)
    };
    for day in &days {
        agrees(&req("SG", "h100", 50_000).date(day), &format!("on {day}"));
        // The April 2025 letters name the H20 (rule.md §5.2).
        agrees(&req("SG", "h20", 1_000).date(day), &format!("H20 on {day}"));
        agrees(&custom.clone().date(day), &format!("custom chip on {day}"));
    }
    // The contested readings the rules look at, each on its second reading.
    for reading in [
        "lpp-d1-d4=available",
        "review-d1-d4=presumption-of-approval",
    ] {
        let order = Request {
            readings: vec![reading.into()],
            ..req("SG", "h100", 1_000).regime("diffusion2025")
        };
        agrees(&order, reading);
    }
}

/// The scenario's moves are per place: the map must follow them too (rule.md §2.4 and §3.10: Tier 3
/// licenses meet a presumption of denial; a scenario moving Israel there changes only Israel's answer).
#[test]
fn a_scenario_move_changes_that_destination_on_the_map() {
    let base = req("SG", "h100", 2_000).regime("diffusion2025");
    let moved = base.clone().scenario("tier-3=IL");
    let (a, b) = (
        wire::outcomes(&base).expect("base"),
        wire::outcomes(&moved).expect("scenario"),
    );
    let changed: Vec<&str> = country::all()
        .iter()
        .map(|c| c.code())
        .filter(|c| a.at(c) != b.at(c))
        .collect();
    assert_eq!(changed, ["IL"]);
    assert_eq!(b.at("IL").and_then(|o| o.tier), Some(3));
}
