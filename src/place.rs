//! Whether a destination is in a country group or a rule's set of places on a given day.

use crate::data::GROUPS;
use crate::date::Date;
use crate::model::{Group, Membership, Place};

/// Equal codes or group ids. These are two or three ASCII bytes: compared inline, where `==` on
/// strings calls `memcmp`, which was 40 % of the map's outcome pass (a call per group member).
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// True when `place` covers `code` only by our reading (`Place::assumed`), not by name.
pub fn assumes(place: &Place, code: &str) -> bool {
    listed(place.assumed, code)
}

/// True when `codes` holds `code`.
fn listed(codes: &[&str], code: &str) -> bool {
    codes.iter().any(|c| same(c, code))
}

/// The group with this id.
pub fn group(id: &str) -> Option<&'static Group> {
    GROUPS.iter().find(|g| same(g.id, id))
}

/// Every day a country joins or leaves a group, once per membership record (a day can repeat).
pub fn change_days() -> impl Iterator<Item = Date> {
    GROUPS
        .iter()
        .flat_map(|g| g.members)
        .flat_map(|m| [m.from, m.until])
        .flatten()
}

/// True when a membership record is in force on `date`.
pub fn in_force(m: &Membership, date: Date) -> bool {
    m.from.is_none_or(|f| f <= date) && m.until.is_none_or(|u| date < u)
}

/// The membership record that puts `code` in group `id` on `date`, if any.
pub fn membership(id: &str, code: &str, date: Date) -> Option<&'static Membership> {
    group(id)?
        .members
        .iter()
        .find(|m| same(m.code(), code) && in_force(m, date))
}

/// True if `code` (already mapped through "treated as") is in `place` on `date`.
pub fn contains(place: &Place, code: &str, date: Date) -> bool {
    holds(place, code, |g| membership(g, code, date).is_some())
}

/// True if `code` is in `place`, given which groups hold it (`in_group` of a group id): how a
/// place's parts combine, written once for [`contains`] and for tables built a group at a time
/// ([`crate::atlas`]).
///
/// Exclusions apply to group members only: a destination the rule names outright stays in, as the
/// 2026 text names the UAE beside "D:1, D:4 and D:5 ... excluding A:5 or A:6" after it joined A:5.
pub fn holds(place: &Place, code: &str, in_group: impl Fn(&str) -> bool) -> bool {
    if listed(place.drop, code) {
        return false;
    }
    if place.worldwide || listed(place.codes, code) {
        return true;
    }
    place.groups.iter().any(|g| in_group(g)) && !place.exclude.iter().any(|g| in_group(g))
}

/// The groups of `place` that hold `code` on `date`, for explanations.
pub fn groups_holding(place: &Place, code: &str, date: Date) -> Vec<&'static str> {
    place
        .groups
        .iter()
        .copied()
        .filter(|g| membership(g, code, date).is_some())
        .collect()
}

/// True when `place` names `code` outright.
pub fn names(place: &Place, code: &str) -> bool {
    listed(place.codes, code) && !listed(place.drop, code)
}

/// The excluding groups of `place` that hold `code` on `date`.
pub fn exclusions(place: &Place, code: &str, date: Date) -> Vec<&'static str> {
    place
        .exclude
        .iter()
        .copied()
        .filter(|g| membership(g, code, date).is_some())
        .collect()
}
