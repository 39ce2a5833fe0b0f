//! Closed vocabularies of the legal data: each word the data, the engine and the page share is an
//! enum with a stable id. The build parses the data's ids into these (an unknown word fails the
//! build), the engine matches on variants, and the wire carries the ids, so no code anywhere
//! decides anything by reading English.

/// How a license application is reviewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewPolicy {
    /// Presumption of approval.
    PresumptionOfApproval,
    /// Case-by-case review.
    CaseByCase,
    /// Presumption of denial.
    PresumptionOfDenial,
    /// Policy of denial (stricter than a presumption).
    PolicyOfDenial,
    /// A simple review (the reported 2026 draft, small orders).
    SimpleReview,
    /// Review before the order, for large clusters (the reported 2026 draft).
    PreClearance,
    /// Terms set between governments, with matching US investment (the reported 2026 draft).
    GovernmentTerms,
}

impl ReviewPolicy {
    /// Every policy, for parsing and for tests.
    pub const ALL: [ReviewPolicy; 7] = [
        ReviewPolicy::PresumptionOfApproval,
        ReviewPolicy::CaseByCase,
        ReviewPolicy::PresumptionOfDenial,
        ReviewPolicy::PolicyOfDenial,
        ReviewPolicy::SimpleReview,
        ReviewPolicy::PreClearance,
        ReviewPolicy::GovernmentTerms,
    ];

    /// The stable id used in the data files and on the wire.
    pub fn id(self) -> &'static str {
        match self {
            ReviewPolicy::PresumptionOfApproval => "presumption-of-approval",
            ReviewPolicy::CaseByCase => "case-by-case",
            ReviewPolicy::PresumptionOfDenial => "presumption-of-denial",
            ReviewPolicy::PolicyOfDenial => "policy-of-denial",
            ReviewPolicy::SimpleReview => "simple-review",
            ReviewPolicy::PreClearance => "pre-clearance",
            ReviewPolicy::GovernmentTerms => "government-terms",
        }
    }

    /// The words a reader sees, e.g. "presumption of denial".
    pub fn label(self) -> &'static str {
        match self {
            ReviewPolicy::PresumptionOfApproval => "presumption of approval",
            ReviewPolicy::CaseByCase => "case-by-case",
            ReviewPolicy::PresumptionOfDenial => "presumption of denial",
            ReviewPolicy::PolicyOfDenial => "policy of denial",
            ReviewPolicy::SimpleReview => "simple review",
            ReviewPolicy::PreClearance => "pre-clearance",
            ReviewPolicy::GovernmentTerms => "government-to-government terms",
        }
    }

    /// The policy by its id.
    pub fn from_id(id: &str) -> Option<ReviewPolicy> {
        ReviewPolicy::ALL.into_iter().find(|p| p.id() == id)
    }

    /// True when an application is expected to be refused.
    pub fn is_denial(self) -> bool {
        matches!(
            self,
            ReviewPolicy::PresumptionOfDenial | ReviewPolicy::PolicyOfDenial
        )
    }
}

/// How directly a source was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    /// The primary text was read.
    Primary,
    /// The primary (eCFR) text was read through a named mirror.
    PrimaryMirror,
    /// A secondary source: law firm, analyst, news.
    Secondary,
}

impl Grade {
    /// Every grade.
    pub const ALL: [Grade; 3] = [Grade::Primary, Grade::PrimaryMirror, Grade::Secondary];

    /// The stable id used in the data files and on the wire.
    pub fn id(self) -> &'static str {
        match self {
            Grade::Primary => "P",
            Grade::PrimaryMirror => "P-mirror",
            Grade::Secondary => "S",
        }
    }

    /// The grade by its id.
    pub fn from_id(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.id() == id)
    }

    /// The words a reader sees beside every citation, e.g. "secondary".
    pub fn label(self) -> &'static str {
        match self {
            Grade::Primary => "primary",
            Grade::PrimaryMirror => "primary (eCFR text via a mirror)",
            Grade::Secondary => "secondary",
        }
    }
}

/// What kind of document a source is, so a reader can tell a regulation from a law-firm note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Regulatory text of 15 CFR on the eCFR.
    Regulation,
    /// A Federal Register document (on federalregister.gov or GovInfo).
    FederalRegister,
    /// An agency page or decision (BIS, GAO, the White House).
    Government,
    /// A law firm's client note.
    LawFirm,
    /// An analyst's or think tank's article.
    Analyst,
    /// A news report or its reprint.
    News,
    /// Our own chip research (datasheets and secondary sources).
    Research,
    /// A company's filing with the SEC (10-K, 10-Q, 8-K).
    CompanyFiling,
}

impl SourceKind {
    /// Every kind.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::Regulation,
        SourceKind::FederalRegister,
        SourceKind::Government,
        SourceKind::LawFirm,
        SourceKind::Analyst,
        SourceKind::News,
        SourceKind::Research,
        SourceKind::CompanyFiling,
    ];

    /// The stable id used in the data files and on the wire.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::Regulation => "regulation",
            SourceKind::FederalRegister => "federal-register",
            SourceKind::Government => "government",
            SourceKind::LawFirm => "law-firm",
            SourceKind::Analyst => "analyst",
            SourceKind::News => "news",
            SourceKind::Research => "research",
            SourceKind::CompanyFiling => "company-filing",
        }
    }

    /// The kind by its id.
    pub fn from_id(id: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// True for kinds that are never primary text of the rules: a note about a rule by someone
    /// other than the government.
    pub fn is_commentary(self) -> bool {
        matches!(
            self,
            SourceKind::LawFirm | SourceKind::Analyst | SourceKind::News
        )
    }
}

/// The ECCN 3A090 paragraph family a chip falls in, as the research states it for chips whose
/// throughput is not published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatedClass {
    /// 3A090.a.
    A,
    /// 3A090.b.
    B,
    /// Outside 3A090.
    NotControlled,
}

impl StatedClass {
    /// Every stated class.
    pub const ALL: [StatedClass; 3] = [StatedClass::A, StatedClass::B, StatedClass::NotControlled];

    /// The stable id used in the data files and on the wire (the wire's `eccn` words).
    pub fn id(self) -> &'static str {
        match self {
            StatedClass::A => "3A090.a",
            StatedClass::B => "3A090.b",
            StatedClass::NotControlled => "not 3A090",
        }
    }

    /// The class by its id.
    pub fn from_id(id: &str) -> Option<StatedClass> {
        StatedClass::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A point on which our sources disagree, and on which an answer can turn. Each has readings in
/// `data/contested.toml` (a chip's TPP readings come from the catalog); the engine evaluates an
/// order under each reading that applies to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContestedFact {
    /// Whether License Exception LPP reaches D:1 and D:4 destinations under the AI Diffusion rule.
    LppD1D4,
    /// How licenses to D:1 and D:4 destinations are reviewed under the 2023–24 rules.
    ReviewD1D4,
    /// Which published figure gives a catalog chip's TPP.
    ChipTpp,
    /// Whether a chip of unknown DRAM bandwidth is below the 2026 band's bandwidth line.
    BandBandwidth,
}

impl ContestedFact {
    /// Every contested fact.
    pub const ALL: [ContestedFact; 4] = [
        ContestedFact::LppD1D4,
        ContestedFact::ReviewD1D4,
        ContestedFact::ChipTpp,
        ContestedFact::BandBandwidth,
    ];

    /// The stable id used in the data files, on the wire and in `--reading FACT=READING`.
    pub fn id(self) -> &'static str {
        match self {
            ContestedFact::LppD1D4 => "lpp-d1-d4",
            ContestedFact::ReviewD1D4 => "review-d1-d4",
            ContestedFact::ChipTpp => "chip-tpp",
            ContestedFact::BandBandwidth => "band-bandwidth",
        }
    }

    /// The fact by its id.
    pub fn from_id(id: &str) -> Option<ContestedFact> {
        ContestedFact::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `contested::assess` walks `ContestedFact::ALL` to list an answer's facts in their order.
    #[test]
    fn contested_facts_are_listed_in_their_order() {
        assert!(ContestedFact::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    /// A fact left out of `ALL` would never be assessed. This match stops compiling when a fact is
    /// added, and each fact's place here must be its place in `ALL`.
    #[test]
    fn every_contested_fact_is_in_all() {
        let place = |f: ContestedFact| match f {
            ContestedFact::LppD1D4 => 0,
            ContestedFact::ReviewD1D4 => 1,
            ContestedFact::ChipTpp => 2,
            ContestedFact::BandBandwidth => 3,
        };
        let places: Vec<usize> = ContestedFact::ALL.into_iter().map(place).collect();
        assert_eq!(places, (0..=3).collect::<Vec<usize>>());
    }

    #[test]
    fn ids_round_trip_and_are_distinct() {
        for p in ReviewPolicy::ALL {
            assert_eq!(ReviewPolicy::from_id(p.id()), Some(p));
        }
        for g in Grade::ALL {
            assert_eq!(Grade::from_id(g.id()), Some(g));
        }
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::from_id(k.id()), Some(k));
        }
        for c in StatedClass::ALL {
            assert_eq!(StatedClass::from_id(c.id()), Some(c));
        }
        assert_eq!(ReviewPolicy::from_id("presumption of denial"), None);
        assert_eq!(SourceKind::from_id("law firm"), None);
    }
}

/// What a threshold's TPP is counted against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// One buyer's shipments in a calendar year (LPP).
    BuyerYear,
    /// Everything one buyer has received (AIA's reporting line, the 2026 draft's top step).
    BuyerTotal,
    /// Licensed exports to one country over the allocation's period.
    CountryPeriod,
    /// Licensed exports to one country in a year: what claims sometimes say of the allocation;
    /// no threshold of the data counts so.
    CountryYear,
    /// One National VEU's installed base in one country.
    InstalledBase,
    /// One order (shipment).
    Order,
    /// One chip: a line each chip's own TPP must be below (the 2026 China band).
    Chip,
}

impl Measure {
    /// Every measure, for parsing.
    pub const ALL: [Measure; 7] = [
        Measure::BuyerYear,
        Measure::BuyerTotal,
        Measure::CountryPeriod,
        Measure::CountryYear,
        Measure::InstalledBase,
        Measure::Order,
        Measure::Chip,
    ];

    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Measure::BuyerYear => "buyer-year",
            Measure::BuyerTotal => "buyer-total",
            Measure::CountryPeriod => "country-period",
            Measure::CountryYear => "country-year",
            Measure::InstalledBase => "installed-base",
            Measure::Order => "order",
            Measure::Chip => "chip",
        }
    }

    /// The measure with this id.
    pub fn from_id(id: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// The unit a claimed figure is given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimUnit {
    /// Total Processing Performance.
    Tpp,
    /// H100-equivalents (TPP ÷ the H100's).
    H100e,
    /// Chips of no stated kind ("GPUs", "advanced chips"): the rules count TPP, not chips.
    Chips,
}

impl ClaimUnit {
    /// Every unit.
    pub const ALL: [ClaimUnit; 3] = [ClaimUnit::Tpp, ClaimUnit::H100e, ClaimUnit::Chips];

    /// The stable id used in `data/claims.toml` and on the wire.
    pub fn id(self) -> &'static str {
        match self {
            ClaimUnit::Tpp => "tpp",
            ClaimUnit::H100e => "h100e",
            ClaimUnit::Chips => "chips",
        }
    }

    /// The unit by its id.
    pub fn from_id(id: &str) -> Option<ClaimUnit> {
        ClaimUnit::ALL.into_iter().find(|u| u.id() == id)
    }
}

/// A dated event of a regime that a claim may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateEvent {
    /// The day it took effect.
    Effective,
    /// The day compliance was due.
    Compliance,
}

impl DateEvent {
    /// Every event.
    pub const ALL: [DateEvent; 2] = [DateEvent::Effective, DateEvent::Compliance];

    /// The stable id used in `data/claims.toml` and on the wire.
    pub fn id(self) -> &'static str {
        match self {
            DateEvent::Effective => "effective",
            DateEvent::Compliance => "compliance",
        }
    }

    /// The event by its id.
    pub fn from_id(id: &str) -> Option<DateEvent> {
        DateEvent::ALL.into_iter().find(|e| e.id() == id)
    }
}
