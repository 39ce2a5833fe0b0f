//! Properties that must hold for every input, checked with proptest over the catalog, every
//! destination and every regime.

mod common;

use common::req;
use h100e::chip::{self, Chip, CustomSpec};
use h100e::decimal::Dec;
use h100e::model::Datacenter;
use h100e::regime::{self, Choice};
use h100e::wire;
use proptest::prelude::*;

/// Catalog chips whose TPP can be computed.
fn measurable() -> Vec<&'static str> {
    chip::catalog()
        .iter()
        .filter(|c| !c.precisions.is_empty())
        .map(|c| c.id())
        .collect()
}

fn regime_ids() -> Vec<&'static str> {
    regime::all().iter().map(|r| r.id).collect()
}

fn country_codes() -> Vec<&'static str> {
    h100e::country::all().iter().map(|c| c.code()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// A larger quantity, all else equal, never turns "license required" into "no license".
    #[test]
    fn more_chips_never_remove_a_license(
        regime in prop::sample::select(regime_ids()),
        to in prop::sample::select(country_codes()),
        hq in prop::option::of(prop::sample::select(country_codes())),
        chip in prop::sample::select(measurable()),
        end_user in prop::sample::select(vec!["none", "uveu", "nveu"]),
        prior in 0u64..60_000_000,
        g2g in any::<bool>(),
        q1 in 1u64..200_000,
        extra in 0u64..200_000,
    ) {
        let mut small = req(to, chip, q1);
        small.regime = Choice::Id(regime.into());
        small.hq = hq.map(String::from);
        small.end_user = end_user.into();
        small.prior_tpp = Some(prior.to_string());
        small.g2g = g2g;
        let mut large = small.clone();
        large.quantity = (q1 + extra).to_string();
        let a = wire::evaluate(&small).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = wire::evaluate(&large).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!a.license_required || b.license_required, "{} then {}", a.headline, b.headline);
        prop_assert!(b.order.tpp >= a.order.tpp);
    }

    /// Each reading of a contested fact shown in an answer is the engine's own answer with that
    /// reading fixed (`readings: ["FACT=READING"]`), and "It depends" appears exactly when readings
    /// differ and none was chosen.
    #[test]
    fn contested_readings_are_answers_with_the_reading_fixed(
        regime in prop::sample::select(regime_ids()),
        to in prop::sample::select(vec!["SA", "AE", "VN", "KZ", "CN", "MO", "IN", "SG", "KH", "IL"]),
        chip in prop::sample::select(measurable()),
        q in 1u64..5_000,
        custom_bw in any::<bool>(),
    ) {
        let mut r = req(to, chip, q);
        r.regime = Choice::Id(regime.into());
        if custom_bw {
            // A custom chip inside the 2026 band's TPP line, with no bandwidth given.
            r.chip = h100e::query::ChipInput::Custom {
                tops: vec!["1979".into()],
                bits: vec!["8".into()],
                die_area: Some("814".into()),
                non_datacenter: false,
                dram_bandwidth: None,
            };
        }
        let v = wire::evaluate(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // "It depends" when one contested fact changes the answer, or several only together;
        // "License required either way" first when every reading of them needs a license.
        let depends: Vec<_> = v.contested.iter().filter(|c| c.depends).collect();
        let either = !depends.is_empty()
            && depends.iter().all(|c| c.readings.iter().all(|x| x.answer.license_required));
        prop_assert_eq!(v.headline.contains("License required either way: "), either);
        // The page reads the engine's flag, never re-deciding it from the readings.
        prop_assert_eq!(v.license_either_way, either);
        prop_assert_eq!(
            v.headline.contains("It depends: "),
            !either && (!depends.is_empty() || !v.contested_combinations.is_empty())
        );
        for k in &v.contested_combinations {
            let mut fixed = r.clone();
            fixed.readings = k.readings.clone();
            let f = wire::evaluate(&fixed).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(f.outcome, k.answer.outcome, "{:?}", k.readings);
            prop_assert_eq!(f.license_required, k.answer.license_required);
            prop_assert_eq!(f.review_policy, k.answer.review_policy);
            prop_assert_eq!(f.exception_used, k.answer.exception_used);
        }
        for c in &v.contested {
            prop_assert_eq!(c.depends, c.changes_outcome && c.chosen.is_none());
            for reading in &c.readings {
                let mut fixed = r.clone();
                fixed.readings = vec![format!("{}={}", c.fact, reading.reading)];
                let f = wire::evaluate(&fixed).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(f.outcome, reading.answer.outcome, "{} {}", c.fact, reading.reading);
                prop_assert_eq!(f.license_required, reading.answer.license_required);
                prop_assert_eq!(f.review_policy, reading.answer.review_policy);
                prop_assert_eq!(f.exception_used, reading.answer.exception_used);
                let chosen = f.contested.iter().find(|x| x.fact == c.fact).and_then(|x| x.chosen);
                prop_assert_eq!(chosen, Some(reading.reading));
            }
        }
    }

    /// The map's outcome-only path gives the same verdict as the full evaluation.
    #[test]
    fn outcome_path_agrees_with_full_evaluation(
        regime in prop::sample::select(regime_ids()),
        to in prop::sample::select(country_codes()),
        chip in prop::sample::select(measurable()),
        end_user in prop::sample::select(vec!["none", "uveu", "nveu"]),
        q in 1u64..100_000,
    ) {
        let mut r = req(to, chip, q);
        r.regime = Choice::Id(regime.into());
        r.end_user = end_user.into();
        let query = r.resolve().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let full = h100e::eval::evaluate(&query).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let metrics = query.chip.metrics().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let lean = h100e::eval::outcome(&query, &metrics).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(full.outcome, lean.outcome);
        prop_assert_eq!(full.license_required, lean.license_required);
        prop_assert_eq!(full.review_policy, lean.review_policy);
        prop_assert_eq!(full.counts_against_country_cap, lean.counts_against_country_cap);
        prop_assert_eq!(
            full.exceptions.iter().find(|e| e.used).map(|e| e.id),
            lean.exceptions.iter().find(|e| e.used).map(|e| e.id)
        );
        prop_assert!(lean.steps.is_empty() && !full.steps.is_empty());
    }

    /// TPP of typed specs equals max(dense × bits), computed here independently in integers.
    #[test]
    fn custom_tpp_is_the_maximum_product(pairs in prop::collection::vec((1u64..5_000_000, prop::sample::select(vec![4u32, 6, 8, 16, 32, 64])), 1..5)) {
        let tops: Vec<String> = pairs.iter().map(|(milli, _)| Dec::from_milli(*milli).to_string()).collect();
        let bits: Vec<String> = pairs.iter().map(|(_, b)| b.to_string()).collect();
        let spec = CustomSpec::parse(&tops, &bits, Some("800"), false, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let m = Chip::Custom(spec).metrics().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let expected = pairs.iter().map(|(milli, b)| u128::from(*milli) * u128::from(*b)).max().unwrap_or(0);
        prop_assert_eq!(m.tpp.map(|t| u128::from(t.milli())), Some(expected));
    }
}

#[test]
fn h100e_of_the_h100_is_one() {
    let h = wire::chip(&Chip::Catalog(chip::find("H100").expect("h100"))).expect("metrics");
    assert_eq!(h.h100e, Some(1.0));
    let v = common::eval(req("FR", "H100", 1));
    assert_eq!(v.order.h100e, Some(1.0));
}

/// Every destination has exactly one tier in each tiered regime, on every dated fact.
#[test]
fn every_destination_has_exactly_one_tier() {
    for r in regime::all().iter().filter(|r| r.tiers.is_some()) {
        for date in [r.effective, r.as_of] {
            let list = h100e::eval::destinations(r, date);
            assert_eq!(list.len(), h100e::country::all().len());
            let codes: std::collections::BTreeSet<&str> =
                list.iter().map(|d| d.country.code()).collect();
            assert_eq!(codes.len(), list.len(), "each destination once");
            for d in &list {
                let t = d
                    .tier
                    .unwrap_or_else(|| panic!("{} has no tier in {}", d.country.code(), r.id));
                assert_eq!(
                    d.status.id(),
                    format!("tier-{}", t.number()),
                    "{}",
                    d.country.code()
                );
            }
        }
    }
    for r in regime::all().iter().filter(|r| r.tiers.is_none()) {
        assert!(h100e::eval::destinations(r, r.as_of)
            .iter()
            .all(|d| d.tier.is_none()));
    }
}

/// A custom spec with a catalog chip's numbers gives the catalog's TPP, density and class.
#[test]
fn custom_spec_matches_catalog_for_the_same_numbers() {
    let mut checked = 0;
    for e in chip::catalog().iter().filter(|c| !c.precisions.is_empty()) {
        let tops: Vec<String> = e.precisions.iter().map(|p| p.dense.to_string()).collect();
        let bits: Vec<String> = e.precisions.iter().map(|p| p.bits.to_string()).collect();
        let area = e.die_area.map(|a| a.to_string());
        let spec = CustomSpec::parse(
            &tops,
            &bits,
            area.as_deref(),
            e.datacenter == Datacenter::No,
            None,
        )
        .expect("catalog numbers are valid specs");
        let c = wire::chip(&Chip::Custom(spec)).expect("custom metrics");
        let k = wire::chip(&Chip::Catalog(e)).expect("catalog metrics");
        assert_eq!(
            (c.tpp, c.performance_density, c.eccn, c.h100e),
            (k.tpp, k.performance_density, k.eccn, k.h100e),
            "{}",
            e.id()
        );
        checked += 1;
    }
    assert!(checked >= 40);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// The comparison's largest license-free quantity is the edge the full evaluation sees: that
    /// many chips need no license and one more does (or none or any quantity, as it says).
    #[test]
    fn largest_license_free_quantity_is_the_edge(
        to in prop::sample::select(country_codes()),
        chip in prop::sample::select(measurable()),
        prior in 0u64..30_000_000,
    ) {
        let mut r = req(to, chip, 1);
        r.prior_tpp = Some(prior.to_string());
        let out = wire::compare(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(out.columns.len(), regime::all().len());
        for col in &out.columns {
            // The first readings' edge, then each other reading's, with that reading fixed.
            let mut edges = vec![(None, &col.largest_license_free)];
            for o in &col.largest_license_free_readings {
                edges.push((Some(format!("{}={}", o.fact, o.reading)), &o.largest_license_free));
            }
            for (reading, free) in edges {
                let at = |n: u64| {
                    let mut q = r.clone();
                    q.regime = Choice::Id(col.regime.id.into());
                    q.quantity = n.to_string();
                    q.readings = reading.iter().cloned().collect();
                    wire::evaluate(&q).map(|v| v.license_required)
                };
                let what = format!("{} {:?}", col.regime.id, reading);
                match (free.kind, free.quantity) {
                    ("up-to", Some(n)) => {
                        prop_assert_eq!(at(n).ok(), Some(false), "{} at {}", what, n);
                        prop_assert_eq!(at(n + 1).ok(), Some(true), "{} at {}", what, n + 1);
                    }
                    ("none", None) => prop_assert_eq!(at(1).ok(), Some(true), "{}", what),
                    ("any", None) => prop_assert_eq!(at(1).ok(), Some(false), "{}", what),
                    other => prop_assert!(false, "unexpected {:?}", other),
                }
            }
        }
    }
}

/// A random order over every regime, destination, chip, buyer type and earlier quantity.
fn any_order() -> impl Strategy<Value = h100e::query::Request> {
    (
        prop::sample::select(regime_ids()),
        prop::sample::select(country_codes()),
        prop::option::of(prop::sample::select(country_codes())),
        prop::sample::select(measurable()),
        prop::sample::select(vec!["none", "uveu", "nveu"]),
        1u64..2_000_000,
        (0u64..100_000_000, 0u64..5_000_000_000, 0u64..5_000_000_000),
        any::<bool>(),
    )
        .prop_map(
            |(regime, to, hq, chip, eu, q, (prior, installed, total), g2g)| {
                let mut r = req(to, chip, q);
                r.regime = Choice::Id(regime.into());
                r.hq = hq.map(String::from);
                r.end_user = eu.into();
                r.prior_tpp = Some(prior.to_string());
                r.installed_tpp = Some(installed.to_string());
                r.buyer_total_tpp = Some(total.to_string());
                r.g2g = g2g;
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// More shipped before (this year's, an NVEU's installed base, the buyer's total), all else
    /// equal, never turns "license required" into "no license", and never frees room in a cap.
    #[test]
    fn earlier_shipments_never_remove_a_license(
        r in any_order(),
        which in 0usize..3,
        extra in 1u64..3_000_000_000,
    ) {
        let mut more = r.clone();
        let field = match which {
            0 => &mut more.prior_tpp,
            1 => &mut more.installed_tpp,
            _ => &mut more.buyer_total_tpp,
        };
        let before: u64 = field.as_deref().unwrap_or("0").parse().unwrap_or(0);
        *field = Some((before + extra).to_string());
        let (Ok(a), Ok(b)) = (wire::evaluate(&r), wire::evaluate(&more)) else {
            // Beyond the largest earlier shipment accepted: refused, never answered.
            prop_assert!(wire::evaluate(&more).is_err());
            return Ok(());
        };
        prop_assert!(!a.license_required || b.license_required, "{} then {}", a.headline, b.headline);
        for (x, y) in a.caps.iter().zip(&b.caps) {
            prop_assert_eq!(x.id, y.id);
            prop_assert!(y.used_tpp >= x.used_tpp, "{}", x.id);
        }
    }

    /// Caps and allocations never show negative room: headroom and "over by" are never negative,
    /// a cap is either within (headroom) or over (over by), and used + headroom = limit.
    #[test]
    fn caps_never_show_negative_room(r in any_order()) {
        let Ok(v) = wire::evaluate(&r) else { return Ok(()); };
        for c in &v.caps {
            prop_assert!(c.limit_tpp >= 0.0 && c.used_tpp >= 0.0, "{}", c.id);
            prop_assert!(c.headroom_tpp.is_none_or(|h| h >= 0.0), "{} headroom", c.id);
            prop_assert!(c.headroom_h100e.is_none_or(|h| h >= 0.0), "{} headroom", c.id);
            prop_assert!(c.over_by_tpp.is_none_or(|o| o > 0.0), "{} over", c.id);
            if c.kind == "cap" {
                prop_assert!(c.headroom_tpp.is_some() != c.over_by_tpp.is_some(), "{}", c.id);
            }
            if let Some(h) = c.headroom_tpp {
                prop_assert!((c.used_tpp + h - c.limit_tpp).abs() <= 1e-6 * c.limit_tpp.max(1.0), "{}", c.id);
            }
        }
    }

    /// The wire JSON round-trips: the answer's text parses back to the same values, with every
    /// number finite; and a query sent as JSON (as the page and the wasm API send it)
    /// decodes to the same request the CLI builds.
    #[test]
    fn wire_json_round_trips(r in any_order()) {
        let mut q = serde_json::json!({
            "to": r.to, "chip": match &r.chip { h100e::query::ChipInput::Catalog(id) => id.clone(), _ => String::new() },
            "quantity": r.quantity, "end_user": r.end_user, "prior_tpp": r.prior_tpp,
            "installed_tpp": r.installed_tpp, "buyer_total_tpp": r.buyer_total_tpp, "g2g": r.g2g,
        });
        if let Choice::Id(id) = &r.regime {
            q["regime"] = serde_json::json!(id);
        }
        if let Some(hq) = &r.hq {
            q["hq"] = serde_json::json!(hq);
        }
        let decoded: wire::QueryIn = serde_json::from_value(q).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded.request().map_err(|e| TestCaseError::fail(e.to_string()))?, r.clone());
        let Ok(v) = wire::evaluate(&r) else { return Ok(()); };
        let text = serde_json::to_string(&v).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Every value, numbers included, survives the trip through text exactly (serde_json's
        // Value sorts keys here; key order is compared against the wasm API in e2e/parity).
        let direct = serde_json::to_value(&v).ok();
        prop_assert_eq!(Some(&value), direct.as_ref());
        let mut numbers = vec![&value];
        while let Some(x) = numbers.pop() {
            match x {
                serde_json::Value::Number(n) => prop_assert!(n.as_f64().is_some_and(f64::is_finite)),
                serde_json::Value::Array(a) => numbers.extend(a),
                serde_json::Value::Object(o) => numbers.extend(o.values()),
                _ => {}
            }
        }
    }
}
