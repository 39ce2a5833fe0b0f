//! One way for tests to ask the engine: a request built from short arguments, answered through the
//! same entry point the CLI and the page use.

#![allow(dead_code)]

use h100e::query::{ChipInput, Request};
use h100e::regime::Choice;
use h100e::wire::{self, EvalOut};

/// A request with defaults: latest regime, no HQ, no prior shipments, ordinary buyer.
pub fn req(to: &str, chip: &str, quantity: u64) -> Request {
    Request {
        regime: Choice::Latest,
        to: to.into(),
        chip: ChipInput::Catalog(chip.into()),
        quantity: quantity.to_string(),
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

/// A datacenter chip typed in by its specs: `tops` dense TOPS at 8 bits on a die of `area` mm²,
/// with `dram` GB/s of memory bandwidth when given (1,979 TOPS on 814 mm² is the H100 SXM).
pub fn typed(tops: &str, area: &str, dram: Option<&str>) -> ChipInput {
    ChipInput::Custom {
        tops: vec![tops.into()],
        bits: vec!["8".into()],
        die_area: Some(area.into()),
        non_datacenter: false,
        dram_bandwidth: dram.map(Into::into),
    }
}

/// Builder-style tweaks.
pub trait Tweak {
    fn regime(self, id: &str) -> Self;
    fn date(self, d: &str) -> Self;
    fn hq(self, c: &str) -> Self;
    fn prior(self, tpp: &str) -> Self;
    fn installed(self, tpp: &str) -> Self;
    fn total(self, tpp: &str) -> Self;
    fn end_user(self, e: &str) -> Self;
    fn g2g(self) -> Self;
    fn scenario(self, s: &str) -> Self;
}

impl Tweak for Request {
    fn regime(mut self, id: &str) -> Self {
        self.regime = Choice::Id(id.into());
        self
    }
    fn date(mut self, d: &str) -> Self {
        self.regime = Choice::Date(d.into());
        self
    }
    fn hq(mut self, c: &str) -> Self {
        self.hq = Some(c.into());
        self
    }
    fn prior(mut self, tpp: &str) -> Self {
        self.prior_tpp = Some(tpp.into());
        self
    }
    fn installed(mut self, tpp: &str) -> Self {
        self.installed_tpp = Some(tpp.into());
        self
    }
    fn total(mut self, tpp: &str) -> Self {
        self.buyer_total_tpp = Some(tpp.into());
        self
    }
    fn end_user(mut self, e: &str) -> Self {
        self.end_user = e.into();
        self
    }
    fn g2g(mut self) -> Self {
        self.g2g = true;
        self
    }
    fn scenario(mut self, s: &str) -> Self {
        self.scenario = Some(s.into());
        self
    }
}

/// Evaluates, failing the test with the engine's message on error.
pub fn eval(r: Request) -> EvalOut {
    match wire::evaluate(&r) {
        Ok(v) => v,
        Err(e) => panic!("evaluation failed for {r:?}: {e}"),
    }
}

/// The availability of one exception in an answer.
pub fn exception(v: &EvalOut, id: &str) -> bool {
    v.license_exceptions
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.available)
        .unwrap_or_else(|| panic!("exception {id} not considered"))
}
