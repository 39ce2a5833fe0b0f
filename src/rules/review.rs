//! What follows when a license is needed: the Tier 2 country allocation (§742.6(b)(10) as written
//! in 2025) and the review policy an application would meet.

use crate::facts::Facts;
use crate::model::{Cite, SizeCount, SizeStep};
use crate::place;
use crate::reason::Reason;
use crate::rules::Trail;
use crate::verdict::{CapKind, CapUse};
use crate::vocab::{ContestedFact, ReviewPolicy};

/// A licensed 3A090.a order to Tier 2 counts against the country's allocation. A buyer
/// headquartered in Macau or D:5 faces a presumption of denial, so no allocation is in play.
pub fn allocation(f: &Facts, t: &mut Trail) -> Option<CapUse> {
    let a = f.r.allocation.as_ref()?;
    let amt = f.amounts?;
    if !(f.dest_tier2() && f.class.is_a() && !f.hq_embargo) {
        return None;
    }
    let limit = if f.q.g2g { &a.g2g_tpp } else { &a.tpp };
    t.push(
        || Reason::Allocation {
            country: f.dest,
            limit: limit.value,
            period: a.period,
            order: amt.order,
        },
        limit.cite,
    );
    Some(CapUse {
        kind: CapKind::CountryAllocation {
            country: f.dest,
            period: a.period,
            base: f.q.g2g.then_some(a.tpp.value),
        },
        limit: limit.value,
        used: amt.order,
        counts: true,
        cite: limit.cite,
    })
}

/// The review policy, most specific situation first, with its step.
pub fn policy(f: &Facts, band_applies: bool, t: &mut Trail) -> Option<ReviewPolicy> {
    let (policy, cite) = choose(f, band_applies);
    match (policy, &f.r.g2g_licensing) {
        (Some(p), _) => t.push(|| Reason::Review(p), cite),
        (None, Some(n)) => t.push(|| Reason::ReviewNote(n), n.cite),
        (None, None) => t.push(|| Reason::ReviewUnpublished, cite),
    }
    policy
}

fn choose(f: &Facts, band_applies: bool) -> (Option<ReviewPolicy>, &'static Cite) {
    let r = f.r;
    let rv = &r.review;
    if band_applies {
        if let Some(b) = &r.china_band {
            return (Some(b.policy), b.place.cite);
        }
    }
    if !f.controlled() {
        // The is-informed letters are not 3A090 rules: their review policy is whatever the
        // letters said, which was not published.
        return match f.letters_here {
            Some(i) => (i.review, i.place.cite),
            None => (None, r.cite),
        };
    }
    if f.embargoed() {
        return (Some(rv.embargoed.policy), rv.embargoed.cite);
    }
    if let (true, true, Some(a), Some(within), Some(over)) = (
        f.class.is_a(),
        f.dest_tier2(),
        &r.allocation,
        &rv.within_allocation,
        &rv.over_allocation,
    ) {
        let limit = if f.q.g2g {
            a.g2g_tpp.value
        } else {
            a.tpp.value
        };
        let over_cap = f.amounts.is_some_and(|a| a.order > limit);
        let chosen = if over_cap { over } else { within };
        return (Some(chosen.policy), chosen.cite);
    }
    // A size ladder (the reported 2026 draft): the order, or the buyer's total, decides.
    if let (false, Some(o), Some(a)) = (rv.by_size.is_empty(), &rv.other, f.amounts) {
        let size = |s: &SizeStep| match s.counts {
            SizeCount::Order => a.order,
            SizeCount::BuyerTotal => a.total,
        };
        return match rv.by_size.iter().rfind(|s| size(s) > s.above.value) {
            Some(step) => (Some(step.policy), step.above.cite),
            None => (Some(o.policy), o.cite),
        };
    }
    if let Some((_, rev)) = rv
        .allied_hq
        .as_ref()
        .filter(|(p, _)| place::contains(p, f.hq_code, f.date))
    {
        return (Some(rev.policy), rev.cite);
    }
    match (&rv.other, rv.other_alternative) {
        // Contested (review-d1-d4): the second reading gives the alternative policy.
        (Some(o), Some(alt)) if !f.on_first(ContestedFact::ReviewD1D4) => (Some(alt), o.cite),
        (Some(o), _) => (Some(o.policy), o.cite),
        (None, _) => (None, r.cite),
    }
}
