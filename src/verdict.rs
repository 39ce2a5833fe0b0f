//! What an evaluation decides, as typed data: the outcome, every exception considered with its
//! reason, the caps an order counts against, the review policy, and the cited steps. Nothing here
//! is English: [`crate::explain`] words it, and the wire carries the ids.

use crate::chip::Metrics;
use crate::contested::{Combination, Contest};
use crate::date::Date;
use crate::decimal::Dec;
use crate::model::{Cite, Country};
use crate::query::Query;
use crate::reason::{Caveat, Reason, Why};
use crate::vocab::{ContestedFact, ReviewPolicy};

/// A tier of the AI Diffusion rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Supplement no. 5(a) to part 740 (and the US).
    One,
    /// Everyone else.
    Two,
    /// Macau and Country Group D:5.
    Three,
}

impl Tier {
    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Tier::One => 1,
            Tier::Two => 2,
            Tier::Three => 3,
        }
    }
}

/// A license exception or authorization the engine considers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExceptionId {
    /// License Exception AIA (§740.27).
    Aia,
    /// License Exception LPP (§740.29) or the proposal's smaller threshold.
    Lpp,
    /// License Exception NAC (§740.8(a)).
    Nac,
    /// License Exception ACA (§740.8(b)).
    Aca,
    /// Universal validated end user (§748.15).
    Uveu,
    /// National validated end user (§748.15).
    Nveu,
    /// The January 2026 case-by-case review band for China and Macau (91 FR 1684).
    ChinaBand,
}

impl ExceptionId {
    /// The wire id.
    pub fn as_str(self) -> &'static str {
        match self {
            ExceptionId::Aia => "AIA",
            ExceptionId::Lpp => "LPP",
            ExceptionId::Nac => "NAC",
            ExceptionId::Aca => "ACA",
            ExceptionId::Uveu => "UVEU",
            ExceptionId::Nveu => "NVEU",
            ExceptionId::ChinaBand => "CASE-BY-CASE-2026",
        }
    }

    /// The prefix of its reason ids, e.g. `lpp` in `lpp.over_limit`.
    pub fn slug(self) -> &'static str {
        match self {
            ExceptionId::Aia => "aia",
            ExceptionId::Lpp => "lpp",
            ExceptionId::Nac => "nac",
            ExceptionId::Aca => "aca",
            ExceptionId::Uveu => "uveu",
            ExceptionId::Nveu => "nveu",
            ExceptionId::ChinaBand => "band2026",
        }
    }
}

/// One exception, with whether it is available for this order and why.
#[derive(Clone, Copy, Debug)]
pub struct ExceptionCheck {
    /// Which.
    pub id: ExceptionId,
    /// Usable for this order.
    pub available: bool,
    /// The one the answer relies on.
    pub used: bool,
    /// Why.
    pub why: Why,
    /// Where it is stated.
    pub cite: &'static Cite,
}

impl ExceptionCheck {
    /// A check; `available` follows from the reason.
    pub fn new(id: ExceptionId, why: Why, cite: &'static Cite) -> ExceptionCheck {
        ExceptionCheck {
            id,
            available: why.grants(),
            used: false,
            why,
            cite,
        }
    }

    /// The stable id of its reason, e.g. `lpp.over_limit`.
    pub fn reason_id(&self) -> String {
        format!("{}.{}", self.id.slug(), self.why.slug())
    }
}

/// Which cap an order counts against, with what its name needs.
#[derive(Clone, Copy, Debug)]
pub enum CapKind {
    /// The LPP allowance (or the proposal's threshold) per buyer per calendar year.
    Lpp {
        /// The name the regime gives it.
        name: &'static str,
    },
    /// The destination's country allocation for licensed exports.
    CountryAllocation {
        /// The destination.
        country: &'static Country,
        /// The period, in the data's words.
        period: &'static str,
        /// With a government-to-government agreement: the allocation without one.
        base: Option<Dec>,
    },
    /// The NVEU installed-base cap per country for the quarter of `date`.
    Nveu {
        /// The day asked about.
        date: Date,
    },
    /// The AIA reporting line (cumulative TPP per buyer).
    AiaReport,
}

impl CapKind {
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            CapKind::Lpp { .. } => "LPP",
            CapKind::CountryAllocation { .. } => "country-allocation",
            CapKind::Nveu { .. } => "NVEU",
            CapKind::AiaReport => "AIA-report",
        }
    }
}

/// A cap the order counts against, and what is left.
#[derive(Clone, Copy, Debug)]
pub struct CapUse {
    /// Which.
    pub kind: CapKind,
    /// The limit, TPP.
    pub limit: Dec,
    /// What counts against it, including this order, TPP.
    pub used: Dec,
    /// True if this order (with prior shipments) counts against it.
    pub counts: bool,
    /// Where the limit is stated.
    pub cite: &'static Cite,
}

impl CapUse {
    /// `limit - used`, or `None` when over.
    pub fn headroom(&self) -> Option<Dec> {
        self.limit.checked_sub(self.used)
    }

    /// At or above the line (the AIA reporting line is reached *at* the line).
    pub fn reached(&self) -> bool {
        self.used >= self.limit
    }
}

/// The short outcome, for colouring a map and for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Shipments within the US are not exports.
    NotExport,
    /// The chip is not covered by these rules.
    NotControlled,
    /// No license requirement applies to this destination and buyer.
    NoLicenseRequired,
    /// A license requirement applies, but an exception or authorization covers the order.
    Exception(ExceptionId),
    /// A license is needed.
    LicenseRequired,
}

impl Outcome {
    /// The wire word.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::NotExport => "not-an-export",
            Outcome::NotControlled => "not-controlled",
            Outcome::NoLicenseRequired => "no-license-required",
            Outcome::Exception(_) => "license-exception",
            Outcome::LicenseRequired => "license-required",
        }
    }
}

/// The map class of an outcome: one colour means one class in every regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeClass {
    /// No license needed (not an export, not controlled, or no requirement).
    Open,
    /// A license exception or authorization covers the order.
    Exception,
    /// A license is needed, reviewed without a presumption of denial.
    License,
    /// A license is needed and would be expected to be refused.
    Denial,
}

impl OutcomeClass {
    /// Every class, in legend order: from the least to the most restrictive (a comparison of two
    /// maps reads tightening and loosening from this order).
    pub const ALL: [OutcomeClass; 4] = [
        OutcomeClass::Open,
        OutcomeClass::Exception,
        OutcomeClass::License,
        OutcomeClass::Denial,
    ];

    /// The class of an outcome with its review policy.
    pub fn of(outcome: Outcome, review: Option<ReviewPolicy>) -> OutcomeClass {
        match outcome {
            Outcome::Exception(ExceptionId::ChinaBand) | Outcome::LicenseRequired => {
                if review.is_some_and(ReviewPolicy::is_denial) {
                    OutcomeClass::Denial
                } else {
                    OutcomeClass::License
                }
            }
            Outcome::Exception(_) => OutcomeClass::Exception,
            Outcome::NotExport | Outcome::NotControlled | Outcome::NoLicenseRequired => {
                OutcomeClass::Open
            }
        }
    }

    /// The wire id (also the page's CSS class).
    pub fn id(self) -> &'static str {
        match self {
            OutcomeClass::Open => "open",
            OutcomeClass::Exception => "exception",
            OutcomeClass::License => "license",
            OutcomeClass::Denial => "denial",
        }
    }
}

/// One step of the explanation: a typed reason and where it comes from.
#[derive(Debug)]
pub struct Step {
    /// What was decided or found.
    pub reason: Reason,
    /// Where it comes from.
    pub cite: &'static Cite,
}

/// The answer to a query.
#[derive(Debug)]
pub struct Verdict {
    /// The query, as checked.
    pub query: Query,
    /// Chip metrics.
    pub metrics: Metrics,
    /// TPP of the chips in this order; `None` when the chip's throughput is not published.
    pub order_tpp: Option<Dec>,
    /// Prior shipments plus this order; `None` when the order's TPP is unknown.
    pub cumulative_tpp: Option<Dec>,
    /// Tier of the destination.
    pub tier: Option<Tier>,
    /// Tier of the buyer's headquarters.
    pub hq_tier: Option<Tier>,
    /// The buyer's headquarters (the destination when not given).
    pub hq: &'static Country,
    /// Short outcome.
    pub outcome: Outcome,
    /// A license is needed.
    pub license_required: bool,
    /// Every exception considered.
    pub exceptions: Vec<ExceptionCheck>,
    /// The order counts against the destination's country allocation.
    pub counts_against_country_cap: bool,
    /// Caps and headroom.
    pub caps: Vec<CapUse>,
    /// How a license application would be reviewed.
    pub review_policy: Option<ReviewPolicy>,
    /// What a reader must know beside the headline (a rule never enforced, an unchecked chip).
    pub caveats: Vec<Caveat>,
    /// The reasoning, in order (empty for the map's outcome pass).
    pub steps: Vec<Step>,
    /// The contested facts the rules looked at while deciding.
    pub consulted: Vec<ContestedFact>,
    /// The answer under each reading of those facts (full evaluations only).
    pub contests: Vec<Contest>,
    /// Readings of several facts that together change the answer when none does alone.
    pub combinations: Vec<Combination>,
}

impl Verdict {
    /// The exception the answer relies on.
    pub fn exception_used(&self) -> Option<ExceptionId> {
        self.exceptions.iter().find(|e| e.used).map(|e| e.id)
    }

    /// The map class of this answer.
    pub fn class(&self) -> OutcomeClass {
        OutcomeClass::of(self.outcome, self.review_policy)
    }

    /// The answer turns on contested points, yet a license is needed under every reading: only
    /// the review differs ("License required either way").
    pub fn license_either_way(&self) -> bool {
        let mut turning = self.contests.iter().filter(|c| c.depends()).peekable();
        turning.peek().is_some()
            && turning.all(|c| {
                c.readings
                    .iter()
                    .all(|x| x.verdict.outcome == Outcome::LicenseRequired)
            })
    }
}
