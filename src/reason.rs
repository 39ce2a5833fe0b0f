//! Reasons as data. Each step of an explanation, each exception's verdict and each caveat is a
//! variant carrying the numbers and places it speaks of, with a stable id for the wire
//! (`explanation[].id`, e.g. `lpp.over_limit`, `scope.worldwide`). Rules build them;
//! [`crate::explain`] is the one place that turns them into English; tests assert ids and numbers.

use crate::chip::ClassBasis;
use crate::date::Date;
use crate::decimal::Dec;
use crate::model::{
    Aia, ChinaBand, ChipSource, Country, IsInformed, Note, Place, Regime, Tariff, VendorNote,
};
use crate::query::Shipment;
use crate::scenario::Scenario;
use crate::verdict::{ExceptionCheck, Tier};
use crate::vocab::{ContestedFact, ReviewPolicy};

/// Why an exception is or is not available.
#[derive(Clone, Copy, Debug)]
pub enum Why {
    /// The regime does not have it.
    Absent,
    /// The buyer does not hold this authorization.
    NotThisEndUser,
    /// The chip's license requirement comes from the is-informed letters, not from 3A090 rules.
    LettersOnly,
    /// It covers 3A090.a items only.
    OnlyA,
    /// It covers 3A090 items only.
    Only3A090,
    /// It does not cover 3A090.a chips designed or marketed for datacenters.
    DatacenterA,
    /// The destination or the buyer's headquarters is in the regime's embargoed places.
    Embargoed(&'static Place),
    /// It covers only the embargoed places and companies headquartered there (NAC).
    OnlyEmbargoed(&'static Place),
    /// It covers only this set of places.
    OutsidePlace(&'static Place),
    /// The destination is not in Tier 1.
    DestNotTier1(&'static Country),
    /// The buyer's headquarters is not in Tier 1.
    HqNotTier1(&'static Country),
    /// Not yet in force on the day asked about.
    NotYet(Date),
    /// The chip's TPP is unknown.
    TppUnknown,
    /// The buyer's yearly total would exceed the allowance.
    OverLimit {
        /// Prior shipments plus this order.
        total: Dec,
        /// The allowance.
        limit: Dec,
    },
    /// The NVEU's installed base would exceed its quarterly cap.
    OverCap {
        /// Installed base with this order.
        total: Dec,
        /// The cap.
        cap: Dec,
        /// The destination.
        country: &'static Country,
    },
    /// The chip's TPP is not below the band's line.
    TppNotBelow {
        /// The chip's TPP.
        tpp: Dec,
        /// The line.
        max: Dec,
    },
    /// The chip's DRAM bandwidth is not below the band's line.
    BandwidthNotBelow {
        /// GB/s.
        bandwidth: Dec,
        /// The line.
        max: Dec,
    },
    /// The chip's DRAM bandwidth is unknown (and, on the first reading, not taken as below).
    BandwidthUnknown,
    /// The chip's DRAM bandwidth is unknown and, on the second reading, taken as below the line.
    BandwidthAssumedBelow {
        /// The chip's TPP.
        tpp: Dec,
        /// The TPP line.
        max_tpp: Dec,
        /// The bandwidth line.
        max_bandwidth: Dec,
        /// The band's review policy.
        policy: ReviewPolicy,
    },
    /// §740.2(a)(9)(ii), on the first reading, does not list this exception for these places.
    NotListed(&'static Place),
    /// The provision covers exports from the United States only; this shipment leaves from
    /// elsewhere (a reexport) or moves within the destination (an in-country transfer).
    NotFromUs(&'static Country),
    /// Available: the buyer's own authorization (UVEU, NVEU) or AIA/ACA.
    Granted,
    /// Available: the yearly total stays within the allowance.
    WithinLimit {
        /// The allowance.
        limit: Dec,
        /// The destination has a country allocation this order therefore does not count against.
        spares_allocation: bool,
    },
    /// Available after notice (NAC).
    AfterNotice {
        /// Calendar days.
        days: u32,
    },
    /// Inside the 2026 band: still a license, reviewed under the band's policy.
    InBand {
        /// The chip's TPP.
        tpp: Dec,
        /// The TPP line.
        max_tpp: Dec,
        /// The chip's DRAM bandwidth.
        bandwidth: Dec,
        /// The bandwidth line.
        max_bandwidth: Dec,
        /// The band's review policy.
        policy: ReviewPolicy,
    },
}

impl Why {
    /// True for the reasons that make an exception available.
    pub fn grants(self) -> bool {
        matches!(
            self,
            Why::Granted
                | Why::WithinLimit { .. }
                | Why::AfterNotice { .. }
                | Why::InBand { .. }
                | Why::BandwidthAssumedBelow { .. }
        )
    }

    /// The second half of the reason id.
    pub fn slug(self) -> &'static str {
        match self {
            Why::Absent => "absent",
            Why::NotThisEndUser => "not_this_end_user",
            Why::LettersOnly => "letters_only",
            Why::OnlyA => "a_items_only",
            Why::Only3A090 => "3a090_items_only",
            Why::DatacenterA => "datacenter_a_item",
            Why::Embargoed(_) => "embargoed",
            Why::OnlyEmbargoed(_) => "outside_embargoed",
            Why::OutsidePlace(_) => "outside_place",
            Why::DestNotTier1(_) => "destination_not_tier1",
            Why::HqNotTier1(_) => "hq_not_tier1",
            Why::NotYet(_) => "not_yet_in_force",
            Why::TppUnknown => "tpp_unknown",
            Why::OverLimit { .. } => "over_limit",
            Why::OverCap { .. } => "over_cap",
            Why::TppNotBelow { .. } => "tpp_not_below",
            Why::BandwidthNotBelow { .. } => "bandwidth_not_below",
            Why::BandwidthUnknown => "bandwidth_unknown",
            Why::BandwidthAssumedBelow { .. } => "bandwidth_assumed_below",
            Why::NotListed(_) => "not_listed",
            Why::NotFromUs(_) => "not_from_us",
            Why::Granted => "available",
            Why::WithinLimit { .. } => "within_limit",
            Why::AfterNotice { .. } => "after_notice",
            Why::InBand { .. } => "in_band",
        }
    }
}

/// Which earlier quantity an order adds to, one per rule that counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Earlier {
    /// This calendar year's shipments to the buyer (LPP).
    ThisYear,
    /// An NVEU's installed base in the country.
    InstalledBase,
    /// Everything the buyer received before (AIA's reporting line).
    BuyerTotal,
}

/// How the license requirement follows from where the chips go.
#[derive(Clone, Debug, PartialEq)]
pub enum ScopeWhy {
    /// The rule requires a license for every destination.
    Worldwide,
    /// The destination is in these groups of the scope, and/or the rule names it.
    InGroups {
        /// The scope's groups that hold it.
        groups: Vec<&'static str>,
        /// The rule names it outright.
        named: bool,
    },
    /// The destination is in some of the scope's groups but also in an excluding group.
    Excluded {
        /// The scope's groups that hold it.
        groups: Vec<&'static str>,
        /// The excluding groups that hold it.
        excluded_by: Vec<&'static str>,
    },
    /// The destination is in none of the scope's places.
    Outside,
}

/// One step of the explanation.
#[derive(Debug)]
pub enum Reason {
    /// The regime applied.
    RulesApplied(&'static Regime),
    /// What a user's scenario changed in the regime it is built on.
    Scenario(&'static Scenario),
    /// A note the regime shows with every answer.
    RegimeNote(&'static Note),
    /// The chip's TPP and the precisions that give it.
    ChipTpp {
        /// Display name.
        chip: String,
        /// TPP.
        tpp: Dec,
        /// e.g. `FP8 1,979 × 8`.
        basis: Vec<String>,
    },
    /// The chip's throughput is unpublished; the research states it is outside 3A090.
    ChipTppUnknown {
        /// Display name.
        chip: String,
    },
    /// The chip's 3A090 class and the comparison that decided it.
    ChipClass(ClassBasis),
    /// A workstation card treated as a datacenter part (the stricter reading).
    ChipWorkstation,
    /// What the research could not confirm about a catalog chip.
    ChipUncertain {
        /// The research's words.
        text: &'static str,
        /// The chip's own first source.
        source: Option<ChipSource>,
    },
    /// An import duty on chips in this chip's band: context, not an export control.
    Tariff(&'static Tariff),
    /// A note on the chip's vendor (BIS guidance on Huawei Ascend).
    VendorNote(&'static VendorNote),
    /// The order in TPP and H100-equivalents.
    Order {
        /// Chips.
        quantity: u64,
        /// One chip's TPP.
        tpp: Dec,
        /// The order's TPP.
        order: Dec,
        /// One H100's TPP, the unit.
        h100: Dec,
    },
    /// Earlier shipments as given, plus this order.
    Earlier {
        /// Which earlier quantity.
        what: Earlier,
        /// As given.
        prior: Dec,
        /// With this order.
        total: Dec,
    },
    /// The shipment leaves from a place other than the United States.
    ShippedFrom {
        /// Where from.
        from: &'static Country,
        /// Where to.
        to: &'static Country,
        /// What that makes the shipment.
        kind: Shipment,
    },
    /// The conditions an exporter must meet inside the 2026 band.
    BandConditions(&'static ChinaBand),
    /// What License Exception AIA asks of the buyer and the exporter.
    AiaConditions(&'static Aia),
    /// The destination is treated as another country (Hong Kong as China).
    TreatedAs {
        /// The destination.
        country: &'static Country,
        /// The country whose treatment it gets.
        as_country: &'static Country,
    },
    /// A note on the destination or the buyer's headquarters.
    CountryNote {
        /// The place.
        country: &'static Country,
        /// The note's words.
        text: &'static str,
    },
    /// No headquarters given: assumed to be the destination.
    HqAssumed(&'static Country),
    /// The destination's tier.
    DestTier(&'static Country, Tier),
    /// The buyer's headquarters' tier.
    HqTier(&'static Country, Tier),
    /// A shipment to or within the United States.
    NotAnExport,
    /// The is-informed letters cover this chip, but not this destination.
    LettersOutside {
        /// The letters.
        letters: &'static IsInformed,
        /// The destination.
        country: &'static Country,
    },
    /// A custom chip might be an "equivalent" of the chips the letters name.
    LettersEquivalent(&'static IsInformed),
    /// A chip outside 3A090 needs no license under these rules.
    NotControlled(&'static Country),
    /// The destination-based license requirement, or its absence.
    Scope {
        /// Its class words, e.g. `3A090.a`.
        eccn: &'static str,
        /// The destination.
        country: &'static Country,
        /// True when a license is needed.
        applies: bool,
        /// Why.
        why: ScopeWhy,
        /// The scope.
        place: &'static Place,
    },
    /// The buyer's headquarters puts it under the headquarters rule.
    HqRule {
        /// The headquarters.
        hq: &'static Country,
        /// True when the rule applies.
        applies: bool,
        /// The rule's places.
        place: &'static Place,
    },
    /// The is-informed letters require a license for this destination or this buyer.
    LettersApply {
        /// The letters.
        letters: &'static IsInformed,
        /// The destination.
        country: &'static Country,
        /// The buyer's headquarters, when it is what brings the order under the letters.
        hq: Option<&'static Country>,
    },
    /// One exception's verdict.
    Exception(ExceptionCheck),
    /// The order counts against the destination's allocation.
    Allocation {
        /// The destination.
        country: &'static Country,
        /// The allocation in force for this buyer (raised with an agreement).
        limit: Dec,
        /// The period.
        period: &'static str,
        /// This order's TPP.
        order: Dec,
    },
    /// The review policy for an application.
    Review(ReviewPolicy),
    /// No review policy, but a note on how licensing works in this regime.
    ReviewNote(&'static Note),
    /// No review policy was published for this case.
    ReviewUnpublished,
    /// A contested fact the answer turned on; the answers under its readings are the verdict's
    /// `contests` (a step names the fact rather than copying them).
    Contested {
        /// The fact.
        fact: ContestedFact,
        /// The readings give different answers and the query did not choose one.
        depends: bool,
        /// The readings give different answers.
        changes_outcome: bool,
    },
    /// The answer's headline.
    Answer,
}

impl Reason {
    /// The stable id on the wire.
    pub fn id(&self) -> String {
        let fixed = match self {
            Reason::RulesApplied(_) => "regime.rules",
            Reason::Scenario(_) => "regime.scenario",
            Reason::RegimeNote(_) => "regime.note",
            Reason::ChipTpp { .. } => "chip.tpp",
            Reason::ChipTppUnknown { .. } => "chip.tpp_unknown",
            Reason::ChipClass(b) => class_id(b),
            Reason::ChipWorkstation => "chip.workstation_as_datacenter",
            Reason::ChipUncertain { .. } => "chip.uncertain",
            Reason::VendorNote(_) => "chip.vendor_note",
            Reason::Tariff(_) => "chip.import_tariff",
            Reason::Order { .. } => "order.tpp",
            Reason::Earlier { what, .. } => match what {
                Earlier::ThisYear => "order.cumulative",
                Earlier::InstalledBase => "order.installed_base",
                Earlier::BuyerTotal => "order.buyer_total",
            },
            Reason::ShippedFrom { kind, .. } => match kind {
                Shipment::Import => "order.import",
                Shipment::InCountryTransfer => "order.in_country_transfer",
                Shipment::Reexport => "order.reexport",
            },
            Reason::BandConditions(_) => "band2026.conditions",
            Reason::AiaConditions(_) => "aia.conditions",
            Reason::TreatedAs { .. } => "place.treated_as",
            Reason::CountryNote { .. } => "place.note",
            Reason::HqAssumed(_) => "hq.assumed",
            Reason::DestTier(..) => "tier.destination",
            Reason::HqTier(..) => "tier.hq",
            Reason::NotAnExport => "scope.not_an_export",
            Reason::LettersOutside { .. } => "letters.outside",
            Reason::LettersEquivalent(_) => "letters.equivalent_unknown",
            Reason::NotControlled(_) => "scope.not_3a090",
            Reason::Scope { why, .. } => match why {
                ScopeWhy::Worldwide => "scope.worldwide",
                ScopeWhy::InGroups { .. } => "scope.in_groups",
                ScopeWhy::Excluded { .. } => "scope.excluded",
                ScopeWhy::Outside => "scope.outside",
            },
            Reason::HqRule { applies: true, .. } => "hq.rule_applies",
            Reason::HqRule { applies: false, .. } => "hq.rule_not_applies",
            Reason::LettersApply { .. } => "letters.apply",
            Reason::Exception(c) => return c.reason_id(),
            Reason::Allocation { .. } => "allocation.counts",
            Reason::Review(_) => "review.policy",
            Reason::ReviewNote(_) => "review.note",
            Reason::ReviewUnpublished => "review.unpublished",
            Reason::Contested { depends: true, .. } => "contested.depends",
            Reason::Contested {
                changes_outcome: true,
                ..
            } => "contested.chosen",
            Reason::Contested { .. } => "contested.no_change",
            Reason::Answer => "answer",
        };
        fixed.to_string()
    }
}

impl Reason {
    /// Whether a reader needs this step to follow the answer: what the chip is, what the order
    /// adds up to, which rule requires a license (or why none does), the exception relied on or
    /// available, the review policy, assumptions and contested points. The rest (regime notes,
    /// exceptions that do not apply, rules that do not bite) stays one click away under "all
    /// steps". Decided here so the page and the CLI key off one flag, not off ids.
    pub fn is_key(&self) -> bool {
        match self {
            Reason::RulesApplied(_)
            | Reason::RegimeNote(_)
            | Reason::ChipTpp { .. }
            | Reason::ChipUncertain { .. }
            | Reason::Tariff(_)
            | Reason::VendorNote(_)
            | Reason::BandConditions(_)
            | Reason::AiaConditions(_)
            | Reason::HqRule { applies: false, .. }
            | Reason::LettersOutside { .. }
            | Reason::ReviewNote(_) => false,
            Reason::Exception(c) => c.available,
            Reason::Contested {
                depends,
                changes_outcome,
                ..
            } => *depends || *changes_outcome,
            _ => true,
        }
    }
}

fn class_id(b: &ClassBasis) -> &'static str {
    match b {
        ClassBasis::NonDatacenterBelow { .. } => "class.note_non_datacenter",
        ClassBasis::A1 { .. } => "class.a1",
        ClassBasis::BelowEveryLine { .. } => "class.below_every_line",
        ClassBasis::ByDensity { .. } => "class.by_density",
        ClassBasis::Stated(_) => "class.stated",
    }
}

/// What a reader must know beside the headline.
#[derive(Clone, Copy, Debug)]
pub enum Caveat {
    /// The regime's own caveat (a rule never enforced).
    Regime(&'static str),
    /// The answer is for a user's scenario, not a rule.
    Scenario(&'static Scenario),
    /// A custom chip might be an "equivalent" of the chips the letters name.
    LettersEquivalent(&'static IsInformed),
    /// The day asked for is after the last day the sources speak of (but not after the check).
    AfterSources {
        /// The day asked for.
        asked: Date,
        /// The last day the sources speak of.
        reach: Date,
    },
    /// The day asked for is after the data was last checked.
    AfterChecked {
        /// The day asked for.
        asked: Date,
        /// The day the data was last checked.
        checked: Date,
    },
}

impl Caveat {
    /// The stable id on the wire.
    pub fn id(self) -> &'static str {
        match self {
            Caveat::Regime(_) => "regime.caveat",
            Caveat::Scenario(_) => "regime.scenario",
            Caveat::LettersEquivalent(_) => "letters.equivalent_unknown",
            Caveat::AfterChecked { .. } => "data.after_checked",
            Caveat::AfterSources { .. } => "data.after_sources",
        }
    }
}
