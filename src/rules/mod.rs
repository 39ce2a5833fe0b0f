//! The rules: each a small pure function of the query's [`Facts`] and its own provision, returning
//! typed reasons. [`evaluate`] runs them in the order of the regulations and builds the
//! [`Verdict`] once, at the end.
//!
//! Where a new rule goes: a license requirement in [`requirement`], an exception or authorization
//! in [`exceptions`] (and its place in [`exceptions::PRIORITY`]), a cap or review policy in
//! [`review`]; its reasons in [`crate::reason`] and their English in [`crate::explain`].

pub mod exceptions;
pub mod requirement;
pub mod review;

use crate::chip::{Chip, Metrics};
use crate::country;
use crate::data::CLASSIFICATION;
use crate::decimal::Dec;
use crate::error::Error;
use crate::facts::Facts;
use crate::model::{Cite, Datacenter};
use crate::query::Query;
use crate::reason::{Caveat, Earlier, Reason};
use crate::verdict::{CapKind, ExceptionId, Outcome, Step, Verdict};

/// The explanation being written. When `on` is false (the map's outcome pass) reasons are not
/// even built: they are closures, called only when kept.
pub struct Trail {
    steps: Vec<Step>,
    on: bool,
}

impl Trail {
    /// Adds a step when explaining.
    pub fn push(&mut self, reason: impl FnOnce() -> Reason, cite: &'static Cite) {
        if self.on {
            self.keep(reason(), cite);
        }
    }

    /// The push itself, written once: inlined into each of the many closures' copies of `push`,
    /// the vector's growth and the step's copy were repeated at every rule's step.
    #[inline(never)]
    fn keep(&mut self, reason: Reason, cite: &'static Cite) {
        self.steps.push(Step { reason, cite });
    }
}

/// Evaluates an order with its full explanation. Fails only when the chip cannot be measured or a
/// product overflows.
pub fn evaluate(q: &Query) -> Result<Verdict, Error> {
    let metrics = q.chip_metrics()?;
    let (mut v, mut t) = run(q, &metrics, true)?;
    v.contests = crate::contested::assess(q, &v)?;
    v.combinations = crate::contested::combinations(q, &v.contests)?;
    for c in &v.contests {
        t.push(
            || Reason::Contested {
                fact: c.fact.fact,
                depends: c.depends(),
                changes_outcome: c.changes_outcome,
            },
            c.cite(),
        );
    }
    t.push(|| Reason::Answer, q.selection.regime.cite);
    v.steps = t.steps;
    Ok(v)
}

/// The same verdict without explanation steps, for one order evaluated in every destination at
/// once; `metrics` are the chip's, measured once by the caller.
pub fn outcome(q: &Query, metrics: &Metrics) -> Result<Verdict, Error> {
    run(q, metrics, false).map(|(v, _)| v)
}

/// Decides; the explanation so far comes back beside the verdict, to be finished by the caller.
fn run(q: &Query, metrics: &Metrics, explain: bool) -> Result<(Verdict, Trail), Error> {
    let f = Facts::gather(q, metrics)?;
    let mut t = Trail {
        steps: Vec::new(),
        on: explain,
    };
    context(&f, metrics, &mut t);
    let mut v = Verdict {
        query: q.clone(),
        metrics: metrics.clone(),
        order_tpp: f.amounts.map(|a| a.order),
        cumulative_tpp: f.amounts.map(|a| a.cumulative),
        tier: f.tier.map(|t| t.0),
        hq_tier: f.hq_tier.map(|t| t.0),
        hq: f.hq,
        outcome: Outcome::NoLicenseRequired,
        license_required: false,
        exceptions: Vec::new(),
        counts_against_country_cap: false,
        caps: Vec::new(),
        review_policy: None,
        caveats: f
            .r
            .scenario
            .map(Caveat::Scenario)
            .into_iter()
            .chain(after_checked(q))
            // The regime's caveat (a rule never enforced) is about its 3A090 rules: an answer
            // about a chip outside 3A090 (the H20 under its own letters) does not rest on them.
            .chain(f.r.caveat.filter(|_| f.controlled()).map(Caveat::Regime))
            .collect(),
        steps: Vec::new(),
        consulted: Vec::new(),
        contests: Vec::new(),
        combinations: Vec::new(),
    };
    decide(&f, &mut v, &mut t);
    v.consulted = f.consulted();
    Ok((v, t))
}

/// A caveat when the day asked for is after the data was last checked, or after the last day its
/// sources speak of.
fn after_checked(q: &Query) -> Option<Caveat> {
    let d = &crate::data::DATASET;
    match q.selection.asked {
        Some(asked) => Some(Caveat::AfterChecked {
            asked,
            checked: d.checked,
        }),
        None if q.selection.chosen == crate::regime::Chosen::ByDate
            && q.selection.date > d.sources_reach =>
        {
            Some(Caveat::AfterSources {
                asked: q.selection.date,
                reach: d.sources_reach,
            })
        }
        None => None,
    }
}

/// From the license requirement to the review policy: each stage may settle the answer.
fn decide(f: &Facts, v: &mut Verdict, t: &mut Trail) {
    let req = match requirement::requirement(f, t, &mut v.caveats) {
        Ok(req) => req,
        Err(settled) => {
            v.outcome = settled;
            return;
        }
    };
    let mut checks = exceptions::all(f, &req, &mut v.caps);
    let used = exceptions::choose(&mut checks);
    for c in &checks {
        t.push(|| Reason::Exception(*c), c.cite);
    }
    let band = exceptions::band_applies(&checks);
    v.exceptions = checks;
    if let Some(id) = used {
        v.outcome = Outcome::Exception(id);
        // The allowance an order does not use is no cap of this answer.
        if id != ExceptionId::Lpp {
            v.caps.retain(|c| !matches!(c.kind, CapKind::Lpp { .. }));
        }
        if let (ExceptionId::Aia, Some(a)) = (id, &f.r.exceptions.aia) {
            t.push(|| Reason::AiaConditions(a), a.conditions_cite);
        }
        return;
    }
    v.outcome = Outcome::LicenseRequired;
    v.license_required = true;
    if let Some(cap) = review::allocation(f, t) {
        v.counts_against_country_cap = true;
        v.caps.push(cap);
    }
    v.review_policy = review::policy(f, band, t);
    if let (true, Some(b)) = (band, &f.r.china_band) {
        t.push(|| Reason::BandConditions(b), b.conditions_cite);
    }
}

/// The steps every answer starts with: the rules, the chip, the order, the places and tiers.
fn context(f: &Facts, metrics: &Metrics, t: &mut Trail) {
    let (r, q) = (f.r, f.q);
    t.push(|| Reason::RulesApplied(r), r.cite);
    if let Some(s) = r.scenario {
        t.push(|| Reason::Scenario(s), r.cite);
    }
    // A note tells of an event: an answer for an earlier day must not mention it.
    for n in r
        .notes
        .iter()
        .filter(|n| n.from.is_none_or(|d| d <= f.date))
    {
        t.push(|| Reason::RegimeNote(n), n.cite);
    }
    chip_steps(f, metrics, t);
    if let Some(a) = f.amounts {
        let h100 = CLASSIFICATION.h100_tpp.value;
        t.push(
            || Reason::Order {
                quantity: q.quantity,
                tpp: a.tpp,
                order: a.order,
                h100,
            },
            CLASSIFICATION.h100_tpp.cite,
        );
        let earlier = [
            (Earlier::ThisYear, q.prior_tpp, a.cumulative),
            (Earlier::InstalledBase, q.installed_tpp, a.installed),
            (Earlier::BuyerTotal, q.buyer_total_tpp, a.total),
        ];
        for (what, prior, total) in earlier.into_iter().filter(|e| !e.1.is_zero()) {
            t.push(
                || Reason::Earlier { what, prior, total },
                CLASSIFICATION.tpp_cite,
            );
        }
    }
    place_steps(f, t);
    if let Some((from, kind)) = f.from {
        let to = f.dest;
        t.push(|| Reason::ShippedFrom { from, to, kind }, f.r.scope_a.cite);
    }
}

fn chip_steps(f: &Facts, metrics: &Metrics, t: &mut Trail) {
    let chip = &f.q.chip;
    match metrics.tpp {
        Some(tpp) => t.push(
            || Reason::ChipTpp {
                chip: chip.name(),
                tpp,
                basis: metrics.tpp_basis.clone(),
            },
            CLASSIFICATION.tpp_cite,
        ),
        None => t.push(
            || Reason::ChipTppUnknown { chip: chip.name() },
            CLASSIFICATION.tpp_cite,
        ),
    }
    t.push(
        || Reason::ChipClass(metrics.class_basis),
        metrics.class_cite,
    );
    if metrics.datacenter == Datacenter::Ambiguous {
        t.push(
            || Reason::ChipWorkstation,
            CLASSIFICATION.non_datacenter_tpp.cite,
        );
    }
    // Import duties on chips in a band: context beside the export answer, never part of it.
    if let (Some(tpp), Some(bw)) = (metrics.tpp, chip.dram_bandwidth()) {
        let inside = |lo: Dec, x: Dec, hi: Dec| lo < x && x < hi;
        for tariff in f.r.tariffs.iter().filter(|t| {
            t.from <= f.date
                && inside(t.tpp_above.value, tpp, t.tpp_below.value)
                && inside(t.dram_above.value, bw, t.dram_below.value)
        }) {
            t.push(|| Reason::Tariff(tariff), tariff.cite);
        }
    }
    if let Chip::Catalog(e) = chip {
        if let Some(text) = e.uncertain() {
            let source = Some(e.source());
            t.push(
                || Reason::ChipUncertain { text, source },
                CLASSIFICATION.tpp_cite,
            );
        }
        for vn in f.r.vendor_notes.iter().filter(|v| v.vendor == e.vendor()) {
            t.push(|| Reason::VendorNote(vn), vn.cite);
        }
    }
}

fn place_steps(f: &Facts, t: &mut Trail) {
    let (dest, q) = (f.dest, f.q);
    if let (_, Some(ta)) = country::treated_as(dest.code()) {
        if let Some(as_country) = country::by_code(ta.as_code) {
            t.push(
                || Reason::TreatedAs {
                    country: dest,
                    as_country,
                },
                ta.cite,
            );
        }
    }
    // Notes on the destination, the buyer's headquarters and where the chips leave from, each once.
    let mut places = vec![dest];
    for c in [q.hq, q.from].into_iter().flatten() {
        if !places.iter().any(|p| p.code() == c.code()) {
            places.push(c);
        }
    }
    for c in places {
        for n in country::notes(c.code()).filter(|n| n.from.is_none_or(|d| d <= f.date)) {
            t.push(
                || Reason::CountryNote {
                    country: c,
                    text: n.text,
                },
                n.cite,
            );
        }
    }
    if q.hq.is_none() {
        t.push(|| Reason::HqAssumed(dest), f.r.hq_rule.cite);
    }
    if let Some((tier, cite)) = f.tier {
        t.push(|| Reason::DestTier(dest, tier), cite);
    }
    if let (Some((tier, cite)), Some(hq)) = (f.hq_tier, q.hq) {
        t.push(|| Reason::HqTier(hq, tier), cite);
    }
}
