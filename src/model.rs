//! The shapes of the legal and technical data. Values live in `data/*.toml`; `build.rs` checks
//! them (unknown codes, missing citations, overlapping dates fail the build) and turns them into
//! the statics of [`crate::data`], so the engine never parses text at run time.

use crate::date::Date;
use crate::decimal::Dec;
use crate::vocab::{
    ClaimUnit, ContestedFact, DateEvent, Grade, Measure, ReviewPolicy, SourceKind, StatedClass,
};

/// A document that the data cites. (Its key in `data/sources.toml` names its static,
/// `SOURCE_<KEY>`, and is not carried: nothing reads it at run time.)
#[derive(Clone, Debug)]
pub struct Source {
    /// What it is. Always carried with the `notes` feature; the page's engine carries it only
    /// where its answers show it: a citation naming neither a CFR paragraph nor an FR page is
    /// about the whole source, and its `about` is the title. `None` elsewhere there, and the
    /// page's JSON download fills the answer's titles in from `chip-research.json`.
    pub title: Option<&'static str>,
    /// Where to read it. A regulation's link is the eCFR's `current` text; answers turn it into
    /// the text in force on their date.
    pub url: &'static str,
    /// How directly it was read.
    pub grade: Grade,
    /// Who published what the link opens, e.g. "eCFR", "Federal Register", "SemiAnalysis".
    pub publisher: &'static str,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// When it was published, where known.
    pub date: Option<Published>,
}

/// When a source was published, as precisely as it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    /// The day.
    Day(Date),
    /// Only the month is known (the day is not invented).
    Month {
        /// Year.
        year: u16,
        /// Month, 1 to 12.
        month: u8,
    },
}

/// Where a legal value or a step of reasoning comes from.
#[derive(Clone, Debug)]
pub struct Cite {
    /// The document.
    pub source: &'static Source,
    /// Where its texts lie in `data::CITE_TEXT`, read through the accessors: the CFR paragraph
    /// from `[0]` to `[1]`, the FR page to `[2]`, what is uncertain to `[3]`, an empty run being
    /// none (build.rs refuses empty text). Offsets instead of three optional `&str`s, each a
    /// pointer and a length in the page's engine, for every citation.
    pub(crate) text: [u16; 4],
    /// A scenario changed the provision it cites, which `uncertain` says instead (see
    /// `scenario`; never in the data).
    pub(crate) changed: bool,
}

impl Cite {
    /// The `n`th of its runs of `data::CITE_TEXT`, if not empty.
    fn run(&self, n: usize) -> Option<&'static str> {
        let at = |i: usize| self.text.get(i).map_or(0, |&a| usize::from(a));
        crate::data::CITE_TEXT
            .get(at(n)..at(n + 1))
            .filter(|t| !t.is_empty())
    }

    /// The 15 CFR section and paragraph, where one applies.
    pub fn cfr(&self) -> Option<&'static str> {
        self.run(0)
    }

    /// The Federal Register page, where known.
    pub fn fr(&self) -> Option<&'static str> {
        self.run(1)
    }

    /// What the research could not confirm about this point (or that a scenario changed it).
    pub fn uncertain(&self) -> Option<&'static str> {
        if self.changed {
            return Some(crate::explain::SCENARIO_CHANGED);
        }
        self.run(2)
    }
}

/// A legal number with its citation.
#[derive(Clone, Debug)]
pub struct Param {
    /// The exact value.
    pub value: Dec,
    /// Where it comes from.
    pub cite: &'static Cite,
}

/// An ISO 3166-1 entry, packed by `build.rs` into a run of one text shared by all entries
/// (`data::COUNTRY_TEXT`): the alpha-2 code, the zero-padded numeric code, the display name, then
/// each other name people type after a `|` (`AD020Andorra|AND|Principality of Andorra`). Two
/// offsets per entry instead of a pointer and a length per field and per alias: the page's engine
/// carries 249 of them, and such tables compress poorly.
#[derive(Clone, Debug)]
pub struct Country {
    /// Where its run of `data::COUNTRY_TEXT` starts ...
    pub(crate) start: u16,
    /// ... and ends.
    pub(crate) end: u16,
}

impl Country {
    /// Its run of the shared text.
    fn text(&self) -> &'static str {
        crate::data::COUNTRY_TEXT
            .get(usize::from(self.start)..usize::from(self.end))
            .unwrap_or_default()
    }

    /// Alpha-2 code.
    pub fn code(&self) -> &'static str {
        self.text().get(..2).unwrap_or_default()
    }

    /// Numeric code, zero-padded (the map's geometry uses it).
    pub fn numeric(&self) -> &'static str {
        self.text().get(2..5).unwrap_or_default()
    }

    /// Display name.
    pub fn name(&self) -> &'static str {
        self.names().next().unwrap_or_default()
    }

    /// Other names people type.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.names().skip(1)
    }

    /// The display name, then the aliases: every name a reader may type for it (`build.rs`
    /// refuses a `|` in any of them).
    pub fn names(&self) -> std::str::Split<'static, char> {
        self.text().get(5..).unwrap_or_default().split('|')
    }

    /// Why maps leave it uncoloured and legends do not count it: no country's territory
    /// (Antarctica). Queries to it are still answered.
    pub fn uncounted(&self) -> Option<&'static str> {
        crate::data::UNCOUNTED
            .iter()
            .find(|(code, _)| *code == self.code())
            .map(|(_, why)| *why)
    }
}

/// A name people use for several entries ("Congo", "Korea"): the engine refuses it and names
/// every entry it may mean, so a reader never gets a silent guess.
#[derive(Clone, Debug)]
pub struct Ambiguous {
    /// The name as the data writes it.
    pub name: &'static str,
    /// Alpha-2 codes of the entries it may mean, in the data's order (at least two).
    pub means: &'static [&'static str],
}

/// A destination the EAR treats as part of another (Hong Kong as China).
#[derive(Clone, Debug)]
pub struct TreatedAs {
    /// The destination.
    pub code: &'static str,
    /// The country whose treatment it gets.
    pub as_code: &'static str,
    /// Why.
    pub cite: &'static Cite,
}

/// A note on one place, shown whenever it is the destination, the buyer's headquarters or where
/// the chips are shipped from.
#[derive(Clone, Debug)]
pub struct CountryNote {
    /// Alpha-2 code.
    pub code: &'static str,
    /// Plain words.
    pub text: &'static str,
    /// Where it comes from.
    pub cite: &'static Cite,
    /// The day of the event it tells of; answers for earlier days do not show it.
    pub from: Option<Date>,
}

/// A member of a country group for a range of dates.
#[derive(Clone, Debug)]
pub struct Membership {
    /// Its index in `data::COUNTRIES`, read through [`Membership::code`]: a byte where a code's
    /// `&str` would be a pointer and a length, for each of the groups' entries.
    pub(crate) country: u8,
    /// First day of membership; `None` means before our coverage starts.
    pub from: Option<Date>,
    /// First day no longer a member; `None` means still a member.
    pub until: Option<Date>,
    /// Where the membership (and its dates) come from.
    pub cite: &'static Cite,
}

impl Membership {
    /// Alpha-2 code.
    pub fn code(&self) -> &'static str {
        crate::data::COUNTRIES
            .get(usize::from(self.country))
            .map_or("", Country::code)
    }
}

/// An EAR country group (D:1, D:4, D:5, A:5, A:6) or a list the rules define (Tier 1).
#[derive(Clone, Debug)]
pub struct Group {
    /// Identifier such as `D:5`.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Where the list comes from.
    pub cite: &'static Cite,
    /// Members, each with its dates.
    pub members: &'static [Membership],
}

/// A set of destinations: the union of some groups and some named places.
#[derive(Clone, Debug)]
pub struct Place {
    /// Group ids.
    pub groups: &'static [&'static str],
    /// Extra alpha-2 codes named in the rule (Macau).
    pub codes: &'static [&'static str],
    /// Those of `codes` that the rule's text does not name but we take it to cover (the UAE in
    /// the 2026 3A090.a scope): answers word them as our reading, not the rule's.
    pub assumed: &'static [&'static str],
    /// Groups whose members are taken out again (A:5 and A:6 in the 2023 scope).
    pub exclude: &'static [&'static str],
    /// True for "any destination worldwide".
    pub worldwide: bool,
    /// Codes a scenario took out: outside the place whatever their groups (empty in the data).
    pub drop: &'static [&'static str],
    /// Where the rule says so.
    pub cite: &'static Cite,
}

/// A license review policy and where it is stated.
#[derive(Clone, Debug)]
pub struct Review {
    /// The policy.
    pub policy: ReviewPolicy,
    /// Where it is stated.
    pub cite: &'static Cite,
}

/// One step of a size ladder of review policies.
#[derive(Clone, Debug)]
pub struct SizeStep {
    /// What is compared with the line: this order alone, or the buyer's total with it.
    pub counts: SizeCount,
    /// Above this TPP ...
    pub above: Param,
    /// ... are reviewed so.
    pub policy: ReviewPolicy,
}

/// What a size step compares with its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeCount {
    /// This order (one shipment).
    Order,
    /// Everything the buyer has received, with this order.
    BuyerTotal,
}

/// One step of a dated schedule (the NVEU installed-base allocation).
#[derive(Clone, Debug)]
pub struct Step {
    /// First day this value applies.
    pub from: Date,
    /// The cap in TPP.
    pub tpp: Dec,
}

/// The license exceptions and authorizations a regime offers. `None` means it does not exist there.
#[derive(Clone, Debug)]
pub struct Exceptions {
    /// NAC: notified exports of eligible items to Macau/D:5 or their companies.
    pub nac: Option<Nac>,
    /// ACA: eligible items without notice to the listed destinations.
    pub aca: Option<Aca>,
    /// AIA: Tier 1 located and headquartered consignees.
    pub aia: Option<Aia>,
    /// LPP: a yearly TPP allowance per consignee.
    pub lpp: Option<Lpp>,
    /// Universal data-center validated end users.
    pub uveu: Option<&'static Cite>,
    /// National data-center validated end users.
    pub nveu: Option<Nveu>,
}

/// License Exception NAC.
#[derive(Clone, Debug)]
pub struct Nac {
    /// Calendar days of prior notice.
    pub notice_days: u32,
    /// Where it is stated.
    pub cite: &'static Cite,
}

/// License Exception ACA.
#[derive(Clone, Debug)]
pub struct Aca {
    /// The day it came into force.
    pub from: Date,
    /// Where it can be used (Macau/D:5 destinations and companies are always left out).
    pub place: Place,
}

/// License Exception AIA.
#[derive(Clone, Debug)]
pub struct Aia {
    /// Cumulative TPP per consignee from which the certification must be reported.
    pub report_tpp: Param,
    /// Where the exception is stated.
    pub cite: &'static Cite,
    /// What the buyer and exporter must do, in plain words.
    pub conditions: &'static [&'static str],
    /// Where the conditions are stated.
    pub conditions_cite: &'static Cite,
}

/// License Exception LPP (or, in the 2025 proposal, its reported smaller successor).
#[derive(Clone, Debug)]
pub struct Lpp {
    /// TPP per ultimate consignee per calendar year.
    pub limit: Param,
    /// The name shown to readers.
    pub name: &'static str,
    /// Destinations where sources disagree whether LPP is available (fact `lpp-d1-d4`): on the
    /// first, stricter reading it is not.
    pub contested_place: Option<Place>,
}

/// National VEU authorization.
#[derive(Clone, Debug)]
pub struct Nveu {
    /// Cumulative installed-base cap per NVEU per country, by quarter.
    pub schedule: &'static [Step],
    /// Where it is stated.
    pub cite: &'static Cite,
}

/// The per-country allocation for licensed exports to Tier 2.
#[derive(Clone, Debug)]
pub struct Allocation {
    /// TPP per country for the period.
    pub tpp: Param,
    /// TPP with a government-to-government agreement.
    pub g2g_tpp: Param,
    /// The period, in words.
    pub period: &'static str,
}

/// The three tiers of the AI Diffusion rule.
#[derive(Clone, Debug)]
pub struct Tiers {
    /// Tier 1.
    pub tier1: Place,
    /// Tier 3.
    pub tier3: Place,
    /// Why everything else is Tier 2.
    pub tier2_cite: &'static Cite,
}

/// The April 2025 "is-informed" requirement for H20/MI308-class chips.
#[derive(Clone, Debug)]
pub struct IsInformed {
    /// Catalog ids it names.
    pub chips: &'static [&'static str],
    /// Where it applies.
    pub place: Place,
    /// Buyers headquartered here are covered wherever the chips go.
    pub hq_place: Option<Place>,
    /// The day it started.
    pub from: Date,
    /// Review policy, where known.
    pub review: Option<ReviewPolicy>,
}

/// The January 2026 case-by-case band for exports from the US to China and Macau.
#[derive(Clone, Debug)]
pub struct ChinaBand {
    /// Destinations.
    pub place: Place,
    /// TPP must be below this.
    pub max_tpp: Param,
    /// Total DRAM bandwidth (GB/s) must be below this.
    pub max_dram_gbs: Param,
    /// The policy inside the band.
    pub policy: ReviewPolicy,
    /// What the exporter must certify or do, in plain words.
    pub conditions: &'static [&'static str],
    /// Where the conditions are stated.
    pub conditions_cite: &'static Cite,
}

/// How licenses are reviewed in each situation the regime distinguishes.
#[derive(Clone, Debug)]
pub struct ReviewPolicies {
    /// Macau/D:5 destinations and their companies.
    pub embargoed: Review,
    /// Buyers headquartered in these places (US, A:5, A:6).
    pub allied_hq: Option<(Place, Review)>,
    /// Anyone else, where no allocation applies.
    pub other: Option<Review>,
    /// The policy for `other` on the second reading of the contested fact `review-d1-d4`.
    pub other_alternative: Option<ReviewPolicy>,
    /// Where review depends on size (the reported 2026 draft): above each step's TPP, counted
    /// per buyer per country, its policy replaces `other`; the last step passed applies.
    pub by_size: &'static [SizeStep],
    /// Tier 2, within the country allocation.
    pub within_allocation: Option<Review>,
    /// Tier 2, beyond it.
    pub over_allocation: Option<Review>,
}

/// A policy regime: real (in force for a span of dates) or hypothetical.
#[derive(Clone, Debug)]
pub struct Regime {
    /// Identifier such as `diffusion2025`.
    pub id: &'static str,
    /// Full name.
    pub name: &'static str,
    /// Short name for menus and maps.
    pub short_name: &'static str,
    /// First day in force (for hypothetical regimes, the day it was reported; for an unenforced
    /// text, the day it took effect, from which it has stood in the CFR).
    pub effective: Date,
    /// The day whose dated facts an undated query uses.
    pub as_of: Date,
    /// Reported proposals and scenarios are hypothetical.
    pub hypothetical: bool,
    /// A text that stands in the CFR but is not enforced (the AI Diffusion rule since May 2025):
    /// shown beside the rules in force, never chosen by a date or by default.
    pub unenforced: bool,
    /// What every headline under an unenforced text starts with ("If the AI Diffusion rule were
    /// enforced today"): a bare "Not enforced" could be read as "this license requirement is
    /// not enforced".
    pub headline_label: Option<&'static str>,
    /// What every answer under this regime must say beside its headline.
    pub caveat: Option<&'static str>,
    /// One paragraph in plain words.
    pub summary: &'static str,
    /// The main text.
    pub cite: &'static Cite,
    /// The day compliance was due, where the rule set one apart from its effective date.
    pub compliance: Option<Dated>,
    /// Context shown with every answer.
    pub notes: &'static [Note],
    /// Context shown when the chip is from this vendor (BIS guidance on Huawei Ascend).
    pub vendor_notes: &'static [VendorNote],
    /// Where 3A090.a items need a license.
    pub scope_a: Place,
    /// Where 3A090.b items need a license.
    pub scope_b: Place,
    /// Buyers headquartered here need a license wherever they are.
    pub hq_rule: Place,
    /// Destinations under presumption of denial regardless of quantity.
    pub embargo: Place,
    /// The tiers, where the regime has them.
    pub tiers: Option<Tiers>,
    /// License exceptions.
    pub exceptions: Exceptions,
    /// Country allocation.
    pub allocation: Option<Allocation>,
    /// Review policies.
    pub review: ReviewPolicies,
    /// H20-class requirement.
    pub is_informed: Option<IsInformed>,
    /// China case-by-case band.
    pub china_band: Option<ChinaBand>,
    /// Licensing through government-to-government agreements (the 2025 proposal).
    pub g2g_licensing: Option<Note>,
    /// Import duties on chips in a band of TPP and bandwidth: context, not export controls.
    pub tariffs: &'static [Tariff],
    /// The changes when this regime is a user's scenario built on a data regime (`None` in the
    /// data; see [`crate::scenario`]).
    pub scenario: Option<&'static crate::scenario::Scenario>,
}

impl Regime {
    /// One of the rules in force one after another: what a date chooses, what the timeline
    /// draws. Not a reported proposal or scenario, and not a text that stands unenforced.
    pub fn in_succession(&self) -> bool {
        !self.hypothetical && !self.unenforced
    }
}

/// The dataset as a whole.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Changes with every change to `data/` (see `data/CHANGELOG.md`).
    pub version: &'static str,
    /// The day the sources were last checked.
    pub checked: Date,
    /// The last day the sources found speak of.
    pub sources_reach: Date,
    /// How far the sources reach, in words.
    pub note: &'static str,
}

/// One reading of a contested fact.
#[derive(Clone, Debug)]
pub struct Reading {
    /// Stable id, e.g. `not-listed`.
    pub id: &'static str,
    /// The reading as the condition of an answer, e.g. "if LPP is available there".
    pub short: &'static str,
    /// What this reading holds, in plain words.
    pub label: &'static str,
    /// Who holds it.
    pub cite: &'static Cite,
}

/// A point on which the sources disagree.
#[derive(Clone, Debug)]
pub struct Contested {
    /// Which.
    pub fact: ContestedFact,
    /// The question, in plain words ("whether ...").
    pub question: &'static str,
    /// The readings, the stricter or primary-text one first (empty for `chip-tpp`, whose readings
    /// come from each chip's range).
    pub readings: &'static [Reading],
}

/// An import duty on chips whose TPP and total DRAM bandwidth lie strictly inside two bands.
#[derive(Clone, Debug)]
pub struct Tariff {
    /// The day it took effect.
    pub from: Date,
    /// The duty, percent.
    pub rate_percent: Param,
    /// TPP greater than this ...
    pub tpp_above: Param,
    /// ... and less than this.
    pub tpp_below: Param,
    /// Total DRAM bandwidth (GB/s) greater than this ...
    pub dram_above: Param,
    /// ... and less than this.
    pub dram_below: Param,
    /// Plain words: what it is, and what it exempts.
    pub text: &'static str,
    /// Where it is stated.
    pub cite: &'static Cite,
}

/// A sentence of context with its citation.
#[derive(Clone, Debug)]
pub struct Note {
    /// Plain words.
    pub text: &'static str,
    /// Where it comes from.
    pub cite: &'static Cite,
    /// The day of the event it tells of; answers for earlier days do not show it.
    pub from: Option<Date>,
}

/// A note that applies to one vendor's chips.
#[derive(Clone, Debug)]
pub struct VendorNote {
    /// Vendor name as in the catalog.
    pub vendor: &'static str,
    /// Plain words.
    pub text: &'static str,
    /// Where it comes from.
    pub cite: &'static Cite,
}

/// The ECCN 3A090 thresholds and the H100 unit.
#[derive(Clone, Debug)]
pub struct Classification {
    /// Where TPP is defined (Technical Notes 1-3 to 3A090).
    pub tpp_cite: &'static Cite,
    /// TPP of one H100 SXM, the unit of "H100-equivalents".
    pub h100_tpp: Param,
    /// 3A090.a.1: TPP at or above.
    pub a1_tpp: Param,
    /// 3A090.a.2: TPP at or above ...
    pub a2_tpp: Param,
    /// ... and performance density at or above.
    pub a2_pd: Param,
    /// 3A090.b.1: TPP at or above (and below a.1's line) ...
    pub b1_tpp_min: Param,
    /// ... and performance density at or above (and below a.2's).
    pub b1_pd_min: Param,
    /// 3A090.b.2: TPP at or above ...
    pub b2_tpp: Param,
    /// ... and performance density at or above (and below a.2's).
    pub b2_pd_min: Param,
    /// Chips not designed or marketed for datacenters are outside 3A090 below this TPP.
    pub non_datacenter_tpp: Param,
}

/// Whether a chip is designed or marketed for datacenters (Note to 3A090).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Datacenter {
    /// Yes.
    Yes,
    /// No (consumer cards).
    No,
    /// Workstation cards sold for both; treated as datacenter parts, which is the stricter reading.
    Ambiguous,
}

/// Dense throughput at one precision.
#[derive(Clone, Debug)]
pub struct Precision {
    /// Format name, e.g. `FP8`.
    pub format: &'static str,
    /// Bit length of the multiply inputs.
    pub bits: u32,
    /// Dense TOPS or TFLOPS.
    pub dense: Dec,
}

/// A link to where a chip figure comes from.
#[derive(Clone, Copy, Debug)]
pub struct ChipSource {
    /// Which figure.
    pub about: &'static str,
    /// Where.
    pub url: &'static str,
}

/// A catalog accelerator.
#[derive(Clone, Debug)]
pub struct ChipEntry {
    /// Its names and short texts packed into one text by `build.rs`, read by the accessors:
    /// catalog id, CSV id, vendor, model, variant, what is uncertain, other TPP readings (these
    /// two empty where there are none), the first source's figure and link, then the aliases,
    /// each after a `|`. One pointer instead of one per field and per alias, which the page's
    /// engine would carry for every chip.
    pub(crate) text: &'static str,
    /// Year of release.
    pub year: u16,
    /// Datacenter part or not.
    pub datacenter: Datacenter,
    /// Dense throughput by precision.
    pub precisions: &'static [Precision],
    /// Applicable die area in mm², where published.
    pub die_area: Option<Dec>,
    /// The area is an estimate.
    pub die_area_uncertain: bool,
    /// Total DRAM bandwidth, GB/s.
    pub dram_bandwidth: Option<Dec>,
    /// Memory, GB.
    pub memory_gb: Option<Dec>,
    /// The lowest and highest TPP the sources support, where they disagree.
    pub tpp_range: Option<(Dec, Dec)>,
    /// Notes from the research (not in the page's engine: the `notes` feature).
    #[cfg(feature = "notes")]
    pub notes: &'static str,
    /// The class the research states where no throughput is published.
    pub stated_class: Option<StatedClass>,
    /// The research's other sources (not in the page's engine, whose answers never cite them:
    /// the `notes` feature).
    #[cfg(feature = "notes")]
    pub other_sources: &'static [ChipSource],
    /// How the figures were checked (not in the page's engine: the `notes` feature).
    #[cfg(feature = "notes")]
    pub verification: &'static str,
}

impl ChipEntry {
    /// The `n`th field of the packed text.
    fn name_at(&self, n: usize) -> &'static str {
        self.text.split('|').nth(n).unwrap_or_default()
    }

    /// The `n`th field of the packed text, where it is not empty.
    fn text_at(&self, n: usize) -> Option<&'static str> {
        Some(self.name_at(n)).filter(|t| !t.is_empty())
    }

    /// What the research could not confirm.
    pub fn uncertain(&self) -> Option<&'static str> {
        self.text_at(5)
    }

    /// Other published TPP readings, in words.
    pub fn tpp_alternatives(&self) -> Option<&'static str> {
        self.text_at(6)
    }

    /// The research's first source, for its throughput figures: what an answer cites beside
    /// the chip's uncertain points.
    pub fn source(&self) -> ChipSource {
        ChipSource {
            about: self.name_at(7),
            url: self.name_at(8),
        }
    }

    /// Catalog id.
    pub fn id(&self) -> &'static str {
        self.name_at(0)
    }

    /// Id in the research CSV.
    pub fn csv_id(&self) -> &'static str {
        self.name_at(1)
    }

    /// Vendor.
    pub fn vendor(&self) -> &'static str {
        self.name_at(2)
    }

    /// Model.
    pub fn model(&self) -> &'static str {
        self.name_at(3)
    }

    /// Variant or form factor (may be empty).
    pub fn variant(&self) -> &'static str {
        self.name_at(4)
    }

    /// Names people type.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.text.split('|').skip(9)
    }

    /// Every source of the research, the first one first.
    #[cfg(feature = "notes")]
    pub fn sources(&self) -> impl Iterator<Item = ChipSource> {
        std::iter::once(self.source()).chain(self.other_sources.iter().copied())
    }
}

/// A day with its citation.
#[derive(Clone, Debug)]
pub struct Dated {
    /// The day.
    pub date: Date,
    /// Where it is stated.
    pub cite: &'static Cite,
}

/// A public claim about the rules, quoted from its source, with what it asserts in machine terms;
/// the engine checks the assertion against the data (`crate::claims`).
#[derive(Clone, Debug)]
pub struct Claim {
    /// Stable id.
    pub id: &'static str,
    /// The quote, word for word.
    pub text: &'static str,
    /// Who published it.
    pub source: &'static Source,
    /// How the quote is read into the assertion, in plain words.
    pub reading: &'static str,
    /// What is uncertain in that reading.
    pub uncertain: Option<&'static str>,
    /// What it asserts.
    pub asserts: Assertion,
}

/// What a claim asserts, in terms the engine can check.
#[derive(Clone, Debug)]
pub enum Assertion {
    /// A threshold's size: `figure` in `unit`, counted per `measure` where the claim says.
    Threshold {
        /// The regime whose threshold it is.
        regime: &'static str,
        /// The threshold's kind within it (`lpp`, `allocation`, …; see `convert::Kind::slug`).
        threshold: &'static str,
        /// The claimed figure.
        figure: Dec,
        /// Its unit.
        unit: ClaimUnit,
        /// What the claim says the figure is counted against, if it says.
        measure: Option<Measure>,
        /// The figure is approximate ("about", a round number).
        approx: bool,
    },
    /// How many places a tier holds.
    TierCount {
        /// The regime.
        regime: &'static str,
        /// 1, 2 or 3.
        tier: u8,
        /// The claimed count.
        count: u64,
        /// The count is approximate.
        approx: bool,
    },
    /// Several places are in the same tier (and in `tier`, when the claim names it).
    SameTier {
        /// The regime.
        regime: &'static str,
        /// Alpha-2 codes.
        countries: &'static [&'static str],
        /// The tier claimed, if any.
        tier: Option<u8>,
    },
    /// The date of a regime's event.
    Date {
        /// The regime.
        regime: &'static str,
        /// Which event.
        event: DateEvent,
        /// The claimed day.
        date: Date,
    },
    /// A reported deal, set against thresholds (the Diffusion rule's country caps).
    Deal {
        /// Catalog chip id.
        chip: &'static str,
        /// How many.
        quantity: u64,
        /// Alpha-2 code of the destination.
        destination: &'static str,
        /// The thresholds it is compared with, as `regime.kind`.
        caps: &'static [&'static str],
    },
}
