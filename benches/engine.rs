//! Criterion benchmarks of the two hot paths: one evaluation, and every destination's tier (the map).

use criterion::{criterion_group, criterion_main, Criterion};
use h100e::query::{ChipInput, Request};
use h100e::regime::Choice;
use std::hint::black_box;

fn request(regime: &str) -> Request {
    Request {
        regime: Choice::Id(regime.into()),
        to: "United Arab Emirates".into(),
        chip: ChipInput::Catalog("H100".into()),
        quantity: "2000".into(),
        end_user: "none".into(),
        hq: None,
        prior_tpp: None,
        installed_tpp: None,
        buyer_total_tpp: None,
        g2g: false,
        from: None,
        readings: Vec::new(),
        scenario: None,
    }
}

fn bench(c: &mut Criterion) {
    for regime in ["diffusion2025", "jan2026"] {
        let r = request(regime);
        c.bench_function(&format!("eval/{regime}"), |b| {
            b.iter(|| h100e::wire::evaluate(black_box(&r)))
        });
    }
    // The decision alone (facts, rules, contested readings), without resolving or wording.
    let q = request("diffusion2025").resolve().expect("valid");
    c.bench_function("decide/diffusion2025", |b| {
        b.iter(|| h100e::eval::evaluate(black_box(&q)))
    });
    // Wording an answer already decided: explanation, citations, contested readings.
    let v = h100e::eval::evaluate(&q).expect("answer");
    c.bench_function("word/diffusion2025", |b| {
        b.iter(|| h100e::wire::eval(black_box(&v)))
    });
    // Without the contested readings: their steps go with them (a step names its fact and is
    // worded from the verdict's contests).
    let mut plain = h100e::eval::evaluate(&q).expect("answer");
    plain.contests.clear();
    plain
        .steps
        .retain(|s| !matches!(s.reason, h100e::reason::Reason::Contested { .. }));
    c.bench_function("word_without_contests/diffusion2025", |b| {
        b.iter(|| h100e::wire::eval(black_box(&plain)))
    });
    let r = request("diffusion2025");
    c.bench_function("resolve/diffusion2025", |b| {
        b.iter(|| black_box(&r).resolve())
    });
    for regime in ["diffusion2025", "jan2026"] {
        let choice = Choice::Id(regime.into());
        c.bench_function(&format!("tiers_all_destinations/{regime}"), |b| {
            b.iter(|| h100e::wire::tiers(black_box(&choice), None))
        });
    }
    // The map's "outcome" mode as the page runs it: no explanations.
    let base = request("diffusion2025");
    c.bench_function("outcomes_all_destinations/diffusion2025", |b| {
        b.iter(|| h100e::wire::outcomes(black_box(&base)))
    });
    // A full evaluation per destination, resolving each name.
    let base = request("diffusion2025");
    let codes: Vec<&str> = h100e::country::all().iter().map(|c| c.code()).collect();
    c.bench_function("eval_all_destinations/diffusion2025", |b| {
        b.iter(|| {
            for code in &codes {
                let mut r = base.clone();
                r.to = (*code).to_string();
                let _ = black_box(h100e::wire::evaluate(&r));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
