//! One order under every regime, side by side: each regime's full verdict and the largest
//! quantity of the chip that needs no license there. The comparison decides nothing itself; it
//! asks [`crate::rules`] once per regime and, for the largest license-free quantity, searches over
//! the quantity, which is sound because more chips never remove a license requirement
//! (`tests/properties.rs`, `more_chips_never_remove_a_license`).

use crate::chip::Metrics;
use crate::contested::{self, Pick};
use crate::data::CONTESTED;
use crate::decimal::MAX_EXACT_MILLI;
use crate::error::Error;
use crate::model::Contested;
use crate::query::{Query, Request, MAX_QUANTITY};
use crate::regime::{self, Choice};
use crate::rules;
use crate::verdict::Verdict;

/// The largest quantity of the chip that needs no license, for one regime and query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LicenseFree {
    /// Every quantity the engine can answer needs no license: checked up to this many, the
    /// largest quantity whose TPP (with earlier shipments) stays exact, at most [`MAX_QUANTITY`].
    Any(u64),
    /// Even one chip needs a license.
    None,
    /// Up to this many chips need no license; one more does.
    UpTo(u64),
}

impl LicenseFree {
    /// The same answer for a reader: "any quantity" is one answer whatever largest order was
    /// checked (a chip's lower TPP reading only lets the engine check more chips).
    fn same_answer(self, other: LicenseFree) -> bool {
        matches!((self, other), (LicenseFree::Any(_), LicenseFree::Any(_))) || self == other
    }
}

/// One regime's column.
#[derive(Debug)]
pub struct Column {
    /// The answer under this regime, with its explanation and contested readings.
    pub verdict: Verdict,
    /// The largest license-free quantity of the same order under it, on the first readings.
    pub license_free: LicenseFree,
    /// Where another reading of a contested point gives another largest license-free quantity
    /// (LPP's reach to D:1/D:4, a chip's lower TPP), each such reading with its quantity: a
    /// number that turns on a disputed point is never shown as settled (rule.md Errata 2).
    pub license_free_readings: Vec<OtherReading>,
}

/// The largest license-free quantity under another reading of one contested point.
#[derive(Debug)]
pub struct OtherReading {
    /// The point.
    pub fact: &'static Contested,
    /// The reading.
    pub pick: Pick,
    /// The quantity under it.
    pub license_free: LicenseFree,
}

/// The order of `req` under every regime of the data, the rules in force in order of effective
/// date, then the AI Diffusion rule as codified (not enforced), then the hypothetical ones; with
/// a scenario, last, the scenario built on `req`'s regime (which is otherwise ignored), so it is
/// compared against its base.
pub fn compare(req: &Request) -> Result<Vec<Column>, Error> {
    let mut regimes: Vec<_> = regime::all().iter().collect();
    regimes.sort_by_key(|r| (r.hypothetical, r.unenforced, r.effective));
    let plain = regimes.into_iter().map(|r| Request {
        regime: Choice::Id(r.id.into()),
        scenario: None,
        ..req.clone()
    });
    let scenario = req
        .scenario
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty())
        .then(|| req.clone());
    plain.chain(scenario).map(|r| column(&r)).collect()
}

fn column(req: &Request) -> Result<Column, Error> {
    let q = req.resolve()?;
    let verdict = rules::evaluate(&q)?;
    let license_free = largest_license_free(&q, &verdict.metrics)?;
    let license_free_readings = other_readings(&q, &verdict.metrics, license_free)?;
    Ok(Column {
        verdict,
        license_free,
        license_free_readings,
    })
}

/// Each other reading of each contested point the query left open under which the largest
/// license-free quantity is not `first`. Every point is tried, not only those the answer for
/// this quantity looked at: a smaller order can meet a rule (LPP) that this one does not.
fn other_readings(
    q: &Query,
    metrics: &Metrics,
    first: LicenseFree,
) -> Result<Vec<OtherReading>, Error> {
    let chip_readings = q.chip.tpp_readings_from(metrics.tpp);
    let mut out = Vec::new();
    for fact in CONTESTED {
        if q.readings.iter().any(|r| r.0 == fact.fact) {
            continue;
        }
        for pick in contested::picks(fact, &chip_readings).into_iter().skip(1) {
            let mut at = q.clone();
            at.readings.push((fact.fact, pick.id));
            let m = match pick.tpp {
                Some(_) => q.chip.reading_metrics(metrics.clone(), pick.id)?,
                None => metrics.clone(),
            };
            let license_free = largest_license_free(&at, &m)?;
            if !license_free.same_answer(first) {
                out.push(OtherReading {
                    fact,
                    pick,
                    license_free,
                });
            }
        }
    }
    Ok(out)
}

/// The largest quantity for which `q` (with only its quantity changed) needs no license, by
/// bisection on the map's fast outcome path, which agrees with the full evaluation.
pub fn largest_license_free(q: &Query, metrics: &Metrics) -> Result<LicenseFree, Error> {
    let free = |n: u64| -> Result<bool, Error> {
        let mut at = q.clone();
        at.quantity = n;
        Ok(!rules::outcome(&at, metrics)?.license_required)
    };
    if !free(1)? {
        return Ok(LicenseFree::None);
    }
    let most = largest_answerable(q, metrics);
    if free(most)? {
        return Ok(LicenseFree::Any(most));
    }
    // free(lo) holds and free(hi) does not.
    let (mut lo, mut hi) = (1, most);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if free(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(LicenseFree::UpTo(lo))
}

/// The largest quantity of `q`'s chip the engine answers: its TPP with the largest earlier
/// quantity must stay exact ([`MAX_EXACT_MILLI`]), and it is at most [`MAX_QUANTITY`].
fn largest_answerable(q: &Query, metrics: &Metrics) -> u64 {
    let earlier = q.prior_tpp.max(q.installed_tpp).max(q.buyer_total_tpp);
    let room = MAX_EXACT_MILLI.saturating_sub(earlier.milli());
    metrics
        .tpp
        .and_then(|t| room.checked_div(t.milli()))
        .map_or(MAX_QUANTITY, |n| n.min(MAX_QUANTITY))
}
