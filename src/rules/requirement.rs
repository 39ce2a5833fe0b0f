//! Whether a license requirement applies at all: not an export (§772.1), a chip outside 3A090,
//! the destination scope (§742.6(a)(6)(iii)), the headquarters rule (§744.23(a)(3)) and the
//! is-informed letters of April 2025.

use crate::chip::Chip;
use crate::facts::Facts;
use crate::place;
use crate::reason::{Caveat, Reason, ScopeWhy};
use crate::rules::Trail;
use crate::verdict::Outcome;

/// Which requirements apply to an order that needs a license.
#[derive(Clone, Copy, Debug)]
pub struct Requirement {
    /// The destination scope covers it.
    pub by_destination: bool,
    /// The headquarters rule covers it.
    pub by_headquarters: bool,
}

/// The requirement that applies, or the outcome that settles the answer without one.
pub fn requirement(
    f: &Facts,
    t: &mut Trail,
    caveats: &mut Vec<Caveat>,
) -> Result<Requirement, Outcome> {
    if f.inside_origin() {
        t.push(|| Reason::NotAnExport, f.r.scope_a.cite);
        return Err(Outcome::NotExport);
    }
    if !f.controlled() && f.letters_here.is_none() {
        not_controlled(f, t, caveats);
        return Err(Outcome::NotControlled);
    }
    let req = if f.controlled() {
        Requirement {
            by_destination: destination_scope(f, t),
            by_headquarters: headquarters_rule(f, t),
        }
    } else {
        Requirement {
            by_destination: false,
            by_headquarters: false,
        }
    };
    if let Some(i) = f.letters_here {
        let by_place = place::contains(&i.place, f.dest_code, f.date);
        let hq = (!by_place).then_some(f.hq);
        let cite = match (&i.hq_place, by_place) {
            (Some(p), false) => p.cite,
            _ => i.place.cite,
        };
        t.push(
            || Reason::LettersApply {
                letters: i,
                country: f.dest,
                hq,
            },
            cite,
        );
    }
    if req.by_destination || req.by_headquarters || f.letters_here.is_some() {
        Ok(req)
    } else {
        Err(Outcome::NoLicenseRequired)
    }
}

/// A chip outside 3A090 whose letters, if any, do not cover this destination.
fn not_controlled(f: &Facts, t: &mut Trail, caveats: &mut Vec<Caveat>) {
    if let Some(i) = f.letters {
        t.push(
            || Reason::LettersOutside {
                letters: i,
                country: f.dest,
            },
            i.place.cite,
        );
    } else if let (Some(i), Chip::Custom(_)) = (f.r.is_informed.as_ref(), &f.q.chip) {
        // Which chips are "equivalents" of those the letters name was never published.
        if place::contains(&i.place, f.dest_code, f.date) {
            caveats.push(Caveat::LettersEquivalent(i));
        }
        t.push(|| Reason::LettersEquivalent(i), i.place.cite);
    }
    t.push(|| Reason::NotControlled(f.dest), f.class_cite);
}

/// §742.6(a)(6)(iii): the destinations for which this class of item needs a license.
fn destination_scope(f: &Facts, t: &mut Trail) -> bool {
    let r = f.r;
    let scope = if f.class.is_a() {
        &r.scope_a
    } else {
        &r.scope_b
    };
    let applies = place::contains(scope, f.dest_code, f.date);
    t.push(
        || {
            let groups = place::groups_holding(scope, f.dest_code, f.date);
            let excluded_by = place::exclusions(scope, f.dest_code, f.date);
            let why = if applies && scope.worldwide {
                ScopeWhy::Worldwide
            } else if applies {
                ScopeWhy::InGroups {
                    groups,
                    named: place::names(scope, f.dest_code),
                }
            } else if groups.is_empty() || excluded_by.is_empty() {
                // A place in no group of the scope is simply outside it, whatever else it is in.
                ScopeWhy::Outside
            } else {
                ScopeWhy::Excluded {
                    groups,
                    excluded_by,
                }
            };
            Reason::Scope {
                eccn: f.class.eccn(),
                country: f.dest,
                applies,
                why,
                place: scope,
            }
        },
        scope.cite,
    );
    applies
}

/// §744.23(a)(3): buyers headquartered in Macau or D:5 need a license wherever the chips go.
fn headquarters_rule(f: &Facts, t: &mut Trail) -> bool {
    let applies = f.hq_embargo;
    if applies || f.q.hq.is_some() {
        t.push(
            || Reason::HqRule {
                hq: f.hq,
                applies,
                place: &f.r.hq_rule,
            },
            f.r.hq_rule.cite,
        );
    }
    applies
}
