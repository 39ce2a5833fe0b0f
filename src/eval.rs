//! Evaluating an order under a regime, and every destination's status for the map. The
//! deciding is in [`crate::facts`] (what the query is) and [`crate::rules`] (what the rules say
//! of it); the results are the typed [`crate::verdict`] values, worded by [`crate::explain`].

use crate::country;
use crate::data::ORIGIN;
use crate::date::Date;
use crate::model::{Country, Regime};
use crate::place;

pub use crate::facts::tier_of;
pub use crate::rules::{evaluate, outcome};
pub use crate::verdict::{
    CapKind, CapUse, ExceptionCheck, ExceptionId, Outcome, OutcomeClass, Step, Tier, Verdict,
};

/// The tier and a map status word of one destination.
#[derive(Clone, Debug)]
pub struct DestinationStatus {
    /// The country.
    pub country: &'static Country,
    /// Its tier, where the regime has tiers.
    pub tier: Option<Tier>,
    /// A word for map colouring.
    pub status: &'static str,
    /// The country it is treated as, if any.
    pub treated_as: Option<&'static str>,
}

/// Status words for untiered regimes, from the point of view of a datacenter 3A090.a chip.
pub const STATUS_WORDS: [(&str, &str); 6] = [
    ("tier-1", "Tier 1: no license needed for buyers located and headquartered here (AIA)"),
    ("tier-2", "Tier 2: license above a yearly per-buyer allowance; licensed exports count against a country cap"),
    ("tier-3", "Tier 3: presumption of denial"),
    ("open", "No license needed for datacenter 3A090.a chips (unless the buyer is headquartered in Macau or D:5)"),
    ("license", "License needed for datacenter 3A090.a chips"),
    ("denial", "License needed, presumption of denial"),
];

/// Every destination's tier and status under a regime on a date: the data behind the map.
pub fn destinations(regime: &Regime, date: Date) -> Vec<DestinationStatus> {
    crate::country::all()
        .iter()
        .map(|c| {
            let (code, treated) = country::treated_as(c.code);
            let tier = tier_of(regime, code, date).map(|t| t.0);
            let status = match tier {
                Some(Tier::One) => "tier-1",
                Some(Tier::Two) => "tier-2",
                Some(Tier::Three) => "tier-3",
                None if place::contains(&regime.embargo, code, date) => "denial",
                None if c.code != ORIGIN && place::contains(&regime.scope_a, code, date) => {
                    "license"
                }
                None => "open",
            };
            DestinationStatus {
                country: c,
                tier,
                status,
                treated_as: treated.map(|t| t.as_code),
            }
        })
        .collect()
}
