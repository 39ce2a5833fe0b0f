//! The timeline (`h100e timeline`, `timeline()` in the JS API): every dated event of the data, in
//! order, each cited; hypothetical regimes beside it, never on it.

use h100e::regime;
use h100e::wire;

#[test]
fn events_are_in_order_within_the_data_and_each_is_cited() {
    let t = wire::timeline();
    assert!(t.events.windows(2).all(|w| w[0].date <= w[1].date));
    assert!(t.events.iter().all(|e| e.date <= t.end));
    assert_eq!(t.end, h100e::data::DATASET.checked.to_string());
    assert!(t
        .events
        .iter()
        .all(|e| e.citation.url.starts_with("http") && !e.text.is_empty()));
    // A note several regimes carry is told once.
    let mut seen = std::collections::HashSet::new();
    assert!(t
        .events
        .iter()
        .all(|e| seen.insert((e.date.clone(), e.text.clone()))));
}

#[test]
fn every_rule_in_force_takes_effect_on_it_and_no_other_regime_does() {
    let t = wire::timeline();
    for r in regime::all() {
        let on = t
            .events
            .iter()
            .filter(|e| e.regime == Some(r.id) && e.kind == "effective")
            .count();
        assert_eq!(on, usize::from(r.in_succession()), "{}", r.id);
        // The AI Diffusion rule as codified (not enforced) is not among the rules in force, so
        // the timeline neither draws it nor lists it with the reported proposals.
        if !r.in_succession() {
            assert!(t.events.iter().all(|e| e.regime != Some(r.id)));
            assert!(!t.periods.iter().any(|p| p.id == r.id));
        }
        // It is listed beside the timeline instead, with the day its text took effect.
        assert_eq!(
            t.unenforced
                .iter()
                .find(|u| u.id == r.id)
                .map(|u| u.since.clone()),
            r.unenforced.then(|| r.effective.to_string()),
            "{}",
            r.id
        );
        assert_eq!(
            t.hypothetical.iter().any(|h| h.id == r.id),
            r.hypothetical,
            "{}",
            r.id
        );
    }
    // The periods tile the span: each ends the day before the next begins (the build checks
    // `as_of` against the successor's effective date), the last is open.
    assert_eq!(t.periods.last().map(|p| p.until.clone()), Some(None));
    assert_eq!(
        t.periods.first().map(|p| p.from.clone()),
        Some(t.start.clone())
    );
}

#[test]
fn the_rescission_compliance_day_and_group_changes_are_marked() {
    let t = wire::timeline();
    let on = |date: &str, kind: &str| t.events.iter().any(|e| e.date == date && e.kind == kind);
    // BIS announced the rescission on 13 May 2025 (rule.md §2.1; data/regimes/diffusion2025.toml).
    assert!(on("2025-05-13", "note"));
    // Compliance with the AI Diffusion rule was due on 15 May 2025 (90 FR 4544).
    assert!(on("2025-05-15", "compliance"));
    // Cambodia left D:5 on 7 Nov 2025, following ITAR §126.1 (updates-2026-12.md).
    let kh = t
        .events
        .iter()
        .find(|e| e.date == "2025-11-07" && e.kind == "group-left")
        .expect("Cambodia's departure");
    assert!(
        kh.text.contains("Cambodia") && kh.text.contains("D:5"),
        "{}",
        kh.text
    );
    // The Tier 1 list (supp. 5(a) to part 740) is one event naming all its members.
    let tier1 = t
        .events
        .iter()
        .find(|e| e.kind == "group-joined" && e.text.contains("Supplement no. 5"))
        .expect("the Tier 1 list");
    assert!(tier1.text.contains("Taiwan") && tier1.text.contains("Japan"));
}
