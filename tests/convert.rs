//! The threshold converter against the statics: every threshold of the data is listed once with
//! its regimes, and every count is ⌊line ÷ chip TPP⌋ computed here independently.

use h100e::chip::{self, Chip};
use h100e::convert::{self, Bound, ConvertRequest, Measure};
use h100e::data::CLASSIFICATION;
use h100e::regime;
use h100e::wire;

fn threshold(id: &str) -> ConvertRequest {
    ConvertRequest {
        threshold: Some(id.into()),
        ..Default::default()
    }
}

#[test]
fn every_line_of_every_regime_is_listed_once() {
    let list = convert::all();
    for r in regime::all() {
        let e = &r.exceptions;
        let mut lines: Vec<u64> = Vec::new();
        lines.extend(e.lpp.iter().map(|l| l.limit.value.milli()));
        lines.extend(e.aia.iter().map(|a| a.report_tpp.value.milli()));
        lines.extend(
            r.allocation
                .iter()
                .flat_map(|a| [a.tpp.value.milli(), a.g2g_tpp.value.milli()]),
        );
        lines.extend(
            e.nveu
                .iter()
                .flat_map(|n| n.schedule.iter().map(|s| s.tpp.milli())),
        );
        lines.extend(r.china_band.iter().map(|b| b.max_tpp.value.milli()));
        lines.extend(r.review.by_size.iter().map(|s| s.above.value.milli()));
        lines.sort_unstable();
        let mut of_regime: Vec<u64> = list
            .iter()
            .filter(|t| t.regimes.iter().any(|x| x.id == r.id))
            .map(|t| t.tpp.milli())
            .collect();
        of_regime.sort_unstable();
        assert_eq!(of_regime, lines, "{}", r.id);
    }
    let ids: std::collections::BTreeSet<&str> = list.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), list.len(), "ids are unique");
}

#[test]
fn counts_are_the_floor_of_line_over_chip_tpp() {
    for t in convert::all() {
        let out = wire::convert(&threshold(&t.id)).expect("converts");
        assert_eq!(out.chips.len(), chip::catalog().len());
        for (row, e) in out.chips.iter().zip(chip::catalog()) {
            let tpp = Chip::Catalog(e).metrics().ok().and_then(|m| m.tpp);
            let expected = tpp.map(|u| {
                let line = t.tpp.milli() - u64::from(t.bound == Bound::Below);
                line / u.milli()
            });
            assert_eq!(row.count, expected, "{} / {}", t.id, e.id());
            // A chip whose sources disagree on TPP is counted under each figure.
            if let Some((low, high)) = e.tpp_range {
                let n = |x: h100e::decimal::Dec| convert::fit(t.tpp, x, t.bound);
                let counts: Vec<Option<u64>> = row.readings.iter().map(|r| r.count).collect();
                assert!(
                    counts.contains(&n(low)) && counts.contains(&n(high)),
                    "{}",
                    e.id()
                );
                assert_eq!(row.contested, n(low) != n(high) || n(low) != row.count);
            }
        }
    }
}

#[test]
fn amounts_in_tpp_h100e_and_chips_agree() {
    let h100 = CLASSIFICATION.h100_tpp.value.to_f64();
    let by_h100e = wire::convert(&ConvertRequest {
        h100e: Some("500".into()),
        ..Default::default()
    })
    .expect("converts");
    assert_eq!(by_h100e.amount.tpp, 500.0 * h100);
    let by_chips = wire::convert(&ConvertRequest {
        chip: Some("H100".into()),
        quantity: Some("500".into()),
        ..Default::default()
    })
    .expect("converts");
    assert_eq!(by_chips.amount.tpp, by_h100e.amount.tpp);
    assert_eq!(by_chips.amount.quantity, Some(500));
    let counts = |o: &wire::ConvertOut| o.chips.iter().map(|c| c.count).collect::<Vec<_>>();
    assert_eq!(counts(&by_h100e), counts(&by_chips));
}

#[test]
fn shared_lines_name_every_regime_and_resolve_under_each() {
    // The NVEU schedule is one provision used by the IFR and the 2025 proposal.
    let shared: Vec<_> = convert::all()
        .into_iter()
        .filter(|t| t.regimes.len() > 1)
        .collect();
    assert!(!shared.is_empty());
    for t in shared {
        for r in &t.regimes {
            let alias = format!("{}.{}", r.id, t.kind.slug());
            assert_eq!(convert::find(&alias).map(|x| x.id).ok(), Some(t.id.clone()));
        }
    }
}

#[test]
fn lpp_lines_carry_their_contested_reach() {
    for t in convert::all() {
        let has_place = t.regime().is_some_and(|r| {
            r.exceptions
                .lpp
                .as_ref()
                .is_some_and(|l| l.contested_place.is_some())
        });
        let lpp = t.kind == convert::Kind::Lpp;
        assert_eq!(t.contested.is_some(), lpp && has_place, "{}", t.id);
        if lpp {
            assert_eq!(t.measure, Measure::BuyerYear);
        }
    }
}

#[test]
fn bad_conversions_name_their_field() {
    let err = |r: ConvertRequest| r.resolve().err().map(|e| (e.field().id(), e.code()));
    assert_eq!(
        err(threshold("nope")),
        Some(("threshold", "unknown-threshold"))
    );
    let tpp = |t: &str| ConvertRequest {
        tpp: Some(t.into()),
        ..Default::default()
    };
    assert_eq!(err(tpp("0")), Some(("tpp", "bad-number")));
    assert_eq!(err(tpp("-5")), Some(("tpp", "bad-number")));
    // The largest amount is the largest TPP printed exactly (h100e::decimal::MAX_EXACT_MILLI).
    assert_eq!(err(tpp("1000000000000")), Some(("tpp", "bad-number")));
    assert_eq!(err(tpp("999999999999.999")), None);
    let chips = ConvertRequest {
        chip: Some("mi308x".into()),
        quantity: Some("5".into()),
        ..Default::default()
    };
    assert_eq!(err(chips), Some(("chip", "no-throughput")));
}
