//! One order in every destination at once: the map's outcome pass.
//!
//! An answer depends on where the order goes only through which of the regime's places hold the
//! destination (tiers, license scopes, the embargo, the headquarters rule and the places of its
//! exceptions, review policies, letters and band), whether the destination is the United States
//! or the country the shipment leaves from, and a scenario's move of it. Destinations alike in all
//! of these get the same answer, so the rules run once per kind of destination (a dozen or so)
//! instead of once for each of 249. Which places hold which destination does not depend on the
//! order: it is worked out once per regime and period of the group lists, and kept, so a reader
//! changing the order (or a timeline staying in one period) pays for it once. (A scenario is a
//! regime of its own for each day, see [`crate::scenario`]: its table is kept per day.)
//!
//! `tests/outcomes.rs` checks the result against a full answer for every destination.

use std::cell::RefCell;

use crate::chip::Metrics;
use crate::country;
use crate::data::GROUPS;
use crate::date::Date;
use crate::error::Error;
use crate::eval::Status;
use crate::model::{Country, Place, Regime};
use crate::place;
use crate::query::Query;
use crate::verdict::Verdict;

/// Every place of a regime that decides where a rule applies, in a fixed order (each one's bit in
/// the table `holds` builds). A place left out here would make two destinations look alike when
/// they are not: `every_place_of_a_regime_is_listed` counts them against the regime's own
/// description.
pub fn places(r: &Regime) -> Vec<&Place> {
    let mut out = vec![&r.scope_a, &r.scope_b, &r.hq_rule, &r.embargo];
    if let Some(t) = &r.tiers {
        out.extend([&t.tier1, &t.tier3]);
    }
    out.extend(r.exceptions.aca.as_ref().map(|a| &a.place));
    out.extend(
        r.exceptions
            .lpp
            .as_ref()
            .and_then(|l| l.contested_place.as_ref()),
    );
    out.extend(r.review.allied_hq.as_ref().map(|(p, _)| p));
    if let Some(i) = &r.is_informed {
        out.push(&i.place);
        out.extend(i.hq_place.as_ref());
    }
    out.extend(r.china_band.as_ref().map(|b| &b.place));
    out
}

/// A period of the group lists: the number of joining and leaving days up to `date`. Two days with
/// the same count have no change between them, so every place holds the same destinations.
fn period(date: Date) -> usize {
    place::change_days().filter(|d| *d <= date).count()
}

/// For each destination (in [`country::all`] order), a bit per place of [`places`] that holds it.
fn holds(r: &Regime, date: Date) -> Vec<u32> {
    let all = country::all();
    // Which groups hold each destination, a bit per group: each group's members read once,
    // rather than searched again for every place and destination.
    let mut groups = vec![0u32; all.len()];
    for (bit, g) in GROUPS.iter().enumerate() {
        for m in g.members.iter().filter(|m| place::in_force(m, date)) {
            if let Some(b) = index(m.code()).and_then(|i| groups.get_mut(i)) {
                *b |= 1 << bit;
            }
        }
    }
    let ps = places(r);
    all.iter()
        .map(|c| {
            let code = country::treated_as(c.code()).0;
            let of = index(code)
                .and_then(|i| groups.get(i))
                .copied()
                .unwrap_or(0);
            let in_group = |id: &str| {
                GROUPS
                    .iter()
                    .position(|g| place::same(g.id, id))
                    .is_some_and(|bit| of & (1 << bit) != 0)
            };
            ps.iter().enumerate().fold(0, |bits, (i, p)| {
                bits | u32::from(place::holds(p, code, in_group)) << i
            })
        })
        .collect()
}

/// The position of `code` in [`country::all`], which is sorted by code.
fn index(code: &str) -> Option<usize> {
    country::all().binary_search_by(|c| c.code().cmp(code)).ok()
}

/// A table of [`holds`] kept for a regime (its address: regimes are `'static`, a scenario's
/// interned and never freed) and a period.
type Kept = ((usize, usize), Vec<u32>);

thread_local! {
    /// Recent tables; all are dropped when a few dozen have piled up (a timeline dragged far).
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// Everything about a destination that the rules can tell apart.
#[derive(Clone, Copy, PartialEq)]
struct Kind {
    holds: u32,
    origin: bool,
    shipped_from: bool,
    moved: Option<Status>,
}

/// What `shown` makes of the verdict of `q`'s order (its destination is ignored) in every
/// destination, in [`country::all`] order: the rules run once per kind of destination, and each
/// destination of a kind gets a copy. Explanations are not built, as in [`crate::eval::outcome`].
/// `shown` also gets the query for that destination, to re-answer it (under contested readings).
pub fn everywhere<T: Clone>(
    q: &Query,
    metrics: &Metrics,
    shown: impl Fn(&Query, &Verdict) -> Result<T, Error>,
) -> Result<Vec<(&'static Country, T)>, Error> {
    let r = q.selection.regime;
    let key = (std::ptr::from_ref(r) as usize, period(q.selection.date));
    KEPT.with_borrow_mut(|kept| {
        let table = match kept.iter().position(|(k, _)| *k == key) {
            Some(i) => kept.swap_remove(i).1,
            None => holds(r, q.selection.date),
        };
        let out = by_kind(q, metrics, &table, &shown);
        if kept.len() >= 32 {
            kept.clear();
        }
        kept.push((key, table));
        out
    })
}

/// Runs the rules once per kind of destination, given which places hold each destination.
fn by_kind<T: Clone>(
    q: &Query,
    metrics: &Metrics,
    table: &[u32],
    shown: &impl Fn(&Query, &Verdict) -> Result<T, Error>,
) -> Result<Vec<(&'static Country, T)>, Error> {
    let r = q.selection.regime;
    let mut kinds: Vec<(Kind, T)> = Vec::new();
    let mut out = Vec::with_capacity(table.len());
    let mut one = q.clone();
    for (c, bits) in country::all().iter().zip(table) {
        let kind = Kind {
            holds: *bits,
            origin: country::is_origin(c),
            // The kind of shipment (a transfer within the country shipped from, or not).
            shipped_from: q.from.is_some_and(|f| f.code() == c.code()),
            // Read by `facts::tier_of` before the lists (a scenario also edits the lists).
            moved: r
                .scenario
                .and_then(|s| s.moved(country::treated_as(c.code()).0))
                .map(|m| m.now),
        };
        let seen = kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t.clone());
        let t = match seen {
            Some(t) => t,
            None => {
                one.destination = c;
                let t = shown(&one, &crate::eval::outcome(&one, metrics)?)?;
                kinds.push((kind, t.clone()));
                t
            }
        };
        out.push((c, t));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A place missing from [`places`] would merge destinations the rules tell apart. The
    /// regime's debug description names every place it has, whatever field holds it.
    #[test]
    fn every_place_of_a_regime_is_listed() {
        for r in crate::regime::all() {
            let described = format!("{r:?}").matches("Place {").count();
            let listed = places(r);
            assert_eq!(listed.len(), described, "{}", r.id);
            // Each once, so a place listed twice cannot hide one left out.
            for (i, p) in listed.iter().enumerate() {
                assert!(
                    !listed[..i].iter().any(|q| std::ptr::eq(*p, *q)),
                    "{}",
                    r.id
                );
            }
            assert!(described <= 32, "{}: more places than bits", r.id);
        }
    }

    /// [`index`] searches the countries by halves: they must be in code order, and the group
    /// bits must fit.
    #[test]
    fn countries_are_in_code_order_and_groups_fit() {
        assert!(country::all()
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.code() < b.code())));
        assert!(GROUPS.len() <= 32);
    }

    /// The table built a group at a time says what asking each place says.
    #[test]
    fn the_table_agrees_with_asking_each_place() {
        // Each regime's own day, and every day a group gained or lost a member.
        let mut days: Vec<Date> = place::change_days().collect();
        days.sort();
        days.dedup();
        for r in crate::regime::all() {
            for day in days.iter().copied().chain([r.as_of]) {
                let table = holds(r, day);
                for (c, bits) in country::all().iter().zip(&table) {
                    let code = country::treated_as(c.code()).0;
                    for (i, p) in places(r).iter().enumerate() {
                        let asked = place::contains(p, code, day);
                        assert_eq!(
                            bits & (1 << i) != 0,
                            asked,
                            "{} {} {i} {day:?}",
                            r.id,
                            c.code()
                        );
                    }
                }
            }
        }
    }

    /// A joining day starts a new period: the day before it is in an earlier one.
    #[test]
    fn a_period_changes_on_a_joining_day() {
        let m = GROUPS
            .iter()
            .flat_map(|g| g.members)
            .find_map(|m| m.from.filter(|d| d.ymd().2 > 1))
            .expect("some membership dated after the first of a month");
        let (y, mo, d) = m.ymd();
        let before = Date::new_unchecked(y, mo, d - 1);
        assert!(period(before) < period(m));
        assert_eq!(before.next_day(), m);
    }
}
