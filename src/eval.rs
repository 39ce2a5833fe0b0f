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

/// A destination's status on the map of a regime, from the point of view of a datacenter
/// 3A090.a chip: its tier where the regime has tiers, else whether such chips need a license.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Tier 1.
    Tier1,
    /// Tier 2.
    Tier2,
    /// Tier 3.
    Tier3,
    /// No license needed.
    Open,
    /// License needed.
    License,
    /// License needed, under a presumption of denial.
    Denial,
}

impl Status {
    /// Every status, in legend order.
    pub const ALL: [Status; 6] = [
        Status::Tier1,
        Status::Tier2,
        Status::Tier3,
        Status::Open,
        Status::License,
        Status::Denial,
    ];

    /// The wire id (also the page's CSS class).
    pub fn id(self) -> &'static str {
        match self {
            Status::Tier1 => "tier-1",
            Status::Tier2 => "tier-2",
            Status::Tier3 => "tier-3",
            Status::Open => "open",
            Status::License => "license",
            Status::Denial => "denial",
        }
    }
}

/// The tier and map status of one destination.
#[derive(Clone, Debug)]
pub struct DestinationStatus {
    /// The country.
    pub country: &'static Country,
    /// Its tier, where the regime has tiers.
    pub tier: Option<Tier>,
    /// Its status.
    pub status: Status,
    /// The country it is treated as, if any.
    pub treated_as: Option<&'static str>,
}

/// Every destination's tier and status under a regime on a date: the data behind the map.
pub fn destinations(regime: &Regime, date: Date) -> Vec<DestinationStatus> {
    crate::country::all()
        .iter()
        .map(|c| {
            let (code, treated) = country::treated_as(c.code());
            let tier = tier_of(regime, code, date).map(|t| t.0);
            let status = match tier {
                Some(Tier::One) => Status::Tier1,
                Some(Tier::Two) => Status::Tier2,
                Some(Tier::Three) => Status::Tier3,
                None if place::contains(&regime.embargo, code, date) => Status::Denial,
                None if c.code() != ORIGIN && place::contains(&regime.scope_a, code, date) => {
                    Status::License
                }
                None => Status::Open,
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
