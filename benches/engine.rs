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
        g2g: false,
        from: None,
        readings: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    for regime in ["diffusion2025", "jan2026"] {
        let r = request(regime);
        c.bench_function(&format!("eval/{regime}"), |b| {
            b.iter(|| h100e::wire::evaluate(black_box(&r)))
        });
    }
    for regime in ["diffusion2025", "jan2026"] {
        let choice = Choice::Id(regime.into());
        c.bench_function(&format!("tiers_all_destinations/{regime}"), |b| {
            b.iter(|| h100e::wire::tiers(black_box(&choice)))
        });
    }
    // The map's "outcome" mode as the page runs it: no explanations.
    let base = request("diffusion2025");
    c.bench_function("outcomes_all_destinations/diffusion2025", |b| {
        b.iter(|| h100e::wire::outcomes(black_box(&base)))
    });
    // A full evaluation per destination, resolving each name.
    let base = request("diffusion2025");
    let codes: Vec<&str> = h100e::country::all().iter().map(|c| c.code).collect();
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
