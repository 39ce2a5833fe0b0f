//! The JSON shapes of answers: what the CLI prints with `--json` and the wasm API returns.
//!
//! Core types are never serialized directly; these wire types are built from them, so the engine
//! can change without changing what newsrooms' code reads. Numbers are JSON numbers: legal
//! quantities are exact (at most 15 significant digits, see [`crate::decimal`]); ratios are rounded
//! for display and the `rounding` field says so.

use serde::{Deserialize, Serialize};

use crate::chip::{Chip, Metrics};
use crate::contested::Contest;
use crate::country;
use crate::data::{CLASSIFICATION, DATASET};
use crate::date::Date;
use crate::decimal::{digits, Dec};
use crate::error::Error;
use crate::eval::{self, CapUse, ExceptionCheck, Verdict};
use crate::explain;
use crate::model::{ChipEntry, ChipSource, Cite, Country, Datacenter, Published, Regime, Source};
use crate::query::{ChipInput, Request};
use crate::reason::Reason;
use crate::regime::{self, Choice, Chosen, Selection};
use crate::text::join;
use crate::vocab::{Grade, ReviewPolicy, SourceKind};

pub mod claims;
pub mod compare;
pub mod convert;
pub mod timeline;
#[cfg(test)]
mod types;

pub use claims::{claims, ClaimOut, ClaimsOut};
pub use compare::{compare, CompareOut, COMPARE_FIELDS};
pub use convert::{convert, thresholds, ConvertIn, ConvertOut, ThresholdOut};
pub use timeline::{timeline, TimelineOut};

/// What rounding an answer contains.
pub const ROUNDING: &str = "tpp values are exact; h100e is rounded to 4 decimals and performance_density to 3, for display only";

/// A citation. It names both what it is about (a CFR paragraph or FR page, or the source) and what
/// its link opens (publisher and date), with the grade in words, so a reader can tell the
/// regulation from a note about it: `label` is `about · links_to · grade_label`.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CitationOut {
    /// `about · links_to · grade_label`, e.g. "15 CFR 740.29, 90 FR 4544 (text not read) · per
    /// SemiAnalysis, Jan 2025 · secondary".
    pub label: String,
    /// What the citation is about: the CFR paragraph and FR page, with " (text not read)" when
    /// the source is secondary; the source's title when there is neither.
    pub about: String,
    /// What the link opens: "eCFR text as of 2025-03-01", "Federal Register, 15 Jan 2025",
    /// "per SemiAnalysis, Jan 2025".
    pub links_to: String,
    /// The CFR paragraph, where one applies.
    pub cfr: Option<&'static str>,
    /// The Federal Register page, where known.
    pub fr: Option<&'static str>,
    /// The source's title. Null in the page's engine, built without the `notes` feature, where
    /// the answer never shows it (see `model::Source::title`; its JSON download fills it in from
    /// `chip-research.json`).
    pub source: Option<&'static str>,
    /// Who published what the link opens.
    pub publisher: &'static str,
    /// `regulation`, `federal-register`, `government`, `law-firm`, `analyst`, `news` or
    /// `research`.
    pub kind: &'static str,
    /// Where to read it; an eCFR link in an answer opens the text in force on the answer's date.
    pub url: String,
    /// `P`, `P-mirror` or `S`.
    pub grade: &'static str,
    /// The grade in words: `primary`, `primary (eCFR text via a mirror)` or `secondary`.
    pub grade_label: &'static str,
    /// What could not be confirmed.
    pub uncertain: Option<&'static str>,
}

/// The eCFR's link to the text in force today; answers replace `current` by their date.
const ECFR_CURRENT: &str = "https://www.ecfr.gov/current/";

/// An eCFR `current` link as the point-in-time link for `on`
/// (`https://www.ecfr.gov/on/YYYY-MM-DD/title-15/...`); other links, and lists without a date,
/// are left as they are.
pub fn ecfr_on(url: &str, on: Option<Date>) -> String {
    match (on, url.strip_prefix(ECFR_CURRENT)) {
        (Some(d), Some(rest)) => format!("https://www.ecfr.gov/on/{d}/{rest}"),
        _ => url.to_string(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "15 Jan 2025", or "Jan 2025" when only the month is known.
fn published_words(p: Published) -> String {
    let month = |m: u8| MONTHS.get(usize::from(m).saturating_sub(1)).unwrap_or(&"");
    match p {
        Published::Day(d) => {
            let (y, m, day) = d.ymd();
            format!("{} {} {}", digits(day.into()), month(m), digits(y.into()))
        }
        Published::Month { year, month: m } => format!("{} {}", month(m), digits(year.into())),
    }
}

/// What a source's link opens, in words.
fn links_to(s: &Source, on: Option<Date>) -> String {
    if s.kind == SourceKind::Regulation {
        return match on {
            Some(d) => format!("{} text as of {d}", s.publisher),
            None => format!("{}, current text", s.publisher),
        };
    }
    let who = if s.grade == Grade::Secondary {
        format!("per {}", s.publisher)
    } else {
        s.publisher.to_string()
    };
    match s.date {
        Some(p) => format!("{who}, {}", published_words(p)),
        None => who,
    }
}

impl CitationOut {
    /// From a data citation; `on` is the answer's date (`Selection::date`), which turns eCFR
    /// links into the text in force that day. Lists that answer no date pass `None`.
    pub fn from_cite(c: &Cite, on: Option<Date>) -> CitationOut {
        let paragraphs: Vec<&str> = c.cfr().iter().chain(c.fr().iter()).copied().collect();
        let about = if paragraphs.is_empty() {
            // Every build carries the title of a source cited without a paragraph (build.rs).
            c.source.title.unwrap_or_default().to_string()
        } else if c.source.grade == Grade::Secondary {
            format!("{} (text not read)", join(&paragraphs, ", "))
        } else {
            join(&paragraphs, ", ")
        };
        CitationOut {
            cfr: c.cfr(),
            fr: c.fr(),
            uncertain: c.uncertain(),
            ..CitationOut::with_about(c.source, about, on)
        }
    }

    /// A whole source, about itself (the lists of a regime's and of all sources, which only
    /// builds with every title make: the `notes` feature).
    #[cfg(feature = "notes")]
    pub fn from_source(s: &'static Source, on: Option<Date>) -> CitationOut {
        CitationOut::with_about(s, s.title.unwrap_or_default().to_string(), on)
    }

    fn with_about(s: &'static Source, about: String, on: Option<Date>) -> CitationOut {
        let links_to = links_to(s, on);
        CitationOut {
            label: format!("{about} · {links_to} · {}", s.grade.label()),
            about,
            links_to,
            cfr: None,
            fr: None,
            source: s.title,
            publisher: s.publisher,
            kind: s.kind.id(),
            url: ecfr_on(s.url, on),
            grade: s.grade.id(),
            grade_label: s.grade.label(),
            uncertain: None,
        }
    }
}

/// A source link of a catalog chip.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChipSourceOut {
    /// Which figure.
    pub about: &'static str,
    /// Where.
    pub url: &'static str,
}

/// A chip and its metrics.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChipOut {
    /// Catalog id, or `custom`.
    pub id: &'static str,
    /// Display name.
    pub name: String,
    /// Vendor (catalog chips).
    pub vendor: Option<&'static str>,
    /// True for typed specs.
    pub custom: bool,
    /// `yes`, `no` or `ambiguous`.
    pub datacenter: &'static str,
    /// Exact TPP; null if no throughput is published.
    pub tpp: Option<f64>,
    /// The precisions that give the TPP.
    pub tpp_basis: Vec<String>,
    /// Applicable die area, mm².
    pub die_area_mm2: Option<f64>,
    /// TPP ÷ die area, rounded to 3 decimals; null if the area is unknown.
    pub performance_density: Option<f64>,
    /// `3A090.a`, `3A090.b` or `not 3A090`.
    pub eccn: &'static str,
    /// The deciding paragraph, e.g. `3A090.a.1`.
    pub eccn_paragraph: Option<&'static str>,
    /// Why, in words.
    pub eccn_reason: String,
    /// An order of this chip can be answered (its class is known).
    pub answerable: bool,
    /// What its class means for license exceptions, where it matters (consumer 3A090.a cards).
    pub class_note: Option<&'static str>,
    /// Where the deciding line is stated.
    pub eccn_citation: CitationOut,
    /// TPP ÷ 15,832, rounded to 4 decimals.
    pub h100e: Option<f64>,
    /// Total DRAM bandwidth, GB/s.
    pub dram_bandwidth_gbs: Option<f64>,
    /// Memory, GB.
    pub memory_gb: Option<f64>,
    /// What the research could not confirm about this chip.
    pub uncertain: Option<&'static str>,
    /// Other published TPP readings, in words.
    pub tpp_alternatives: Option<&'static str>,
    /// Each TPP reading the sources support (contested fact `chip-tpp`): the catalog's first,
    /// then the lowest and highest where they differ. One entry when the sources agree.
    pub tpp_readings: Vec<TppReadingOut>,
    /// Notes from the research. Null in the page's engine, built without the `notes` feature
    /// (the page's JSON download fills it in from `chip-research.json`).
    pub notes: Option<&'static str>,
    /// Where the figures come from; empty for typed specs. Null in the page's engine, as
    /// `notes` (its answers cite only the first, in their steps).
    pub sources: Option<Vec<ChipSourceOut>>,
    /// How directly the research checked the figures (its grade, in its words: "secondary:
    /// Epoch snapshot", "vendor doc seen"); null for typed specs. Null in the page's engine, as
    /// `notes`.
    pub verification: Option<&'static str>,
    /// What is rounded.
    pub rounding: &'static str,
}

fn opt(d: Option<Dec>) -> Option<f64> {
    d.map(Dec::to_f64)
}

fn datacenter_word(d: Datacenter) -> &'static str {
    match d {
        Datacenter::Yes => "yes",
        Datacenter::No => "no",
        Datacenter::Ambiguous => "ambiguous",
    }
}

/// A chip's wire form.
pub fn chip(chip: &Chip) -> Result<ChipOut, Error> {
    let m = chip.metrics()?;
    Ok(chip_with(chip, &m, None))
}

/// One TPP reading of a chip.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TppReadingOut {
    /// `catalog`, `low` or `high`; pass `chip-tpp=READING` as a reading to answer under it.
    pub reading: &'static str,
    /// The TPP, exact.
    pub tpp: f64,
    /// TPP ÷ the H100's, rounded to 4 decimals.
    pub h100e: Option<f64>,
    /// The 3A090 class on this reading; null when it needs a die area the data lacks.
    pub eccn: Option<&'static str>,
}

fn tpp_readings(chip: &Chip, m: &Metrics) -> Vec<TppReadingOut> {
    chip.tpp_readings()
        .unwrap_or_default()
        .into_iter()
        .map(|(reading, tpp)| TppReadingOut {
            reading,
            tpp: tpp.to_f64(),
            h100e: h100e_of(tpp),
            eccn: crate::chip::classify(tpp, m.die_area, m.datacenter)
                .ok()
                .map(|c| c.0.eccn()),
        })
        .collect()
}

/// A catalog chip's research notes (where it has any), how its figures were checked, and its
/// sources, where the build carries them: the `notes` feature, which the page's engine leaves out.
#[cfg(feature = "notes")]
fn research(e: &ChipEntry) -> Research {
    (
        Some(e.notes).filter(|n| !n.is_empty()),
        Some(e.verification),
        Some(e.sources().map(|s| ChipSourceOut::from(&s)).collect()),
    )
}

#[cfg(not(feature = "notes"))]
fn research(_: &ChipEntry) -> Research {
    (None, None, None)
}

/// A chip's notes, verification and sources, as `ChipOut` carries them.
type Research = (
    Option<&'static str>,
    Option<&'static str>,
    Option<Vec<ChipSourceOut>>,
);

#[cfg(feature = "notes")]
impl From<&ChipSource> for ChipSourceOut {
    fn from(s: &ChipSource) -> Self {
        ChipSourceOut {
            about: s.about,
            url: s.url,
        }
    }
}

fn chip_with(chip: &Chip, m: &Metrics, on: Option<Date>) -> ChipOut {
    let (vendor, mem, uncertain, alts, (notes, verification, sources)) = match chip {
        Chip::Catalog(e) => (
            Some(e.vendor()),
            e.memory_gb,
            e.uncertain(),
            e.tpp_alternatives(),
            research(e),
        ),
        Chip::Custom(_) => (None, None, None, None, (None, None, Some(Vec::new()))),
    };
    ChipOut {
        id: chip.id(),
        name: chip.name(),
        vendor,
        custom: matches!(chip, Chip::Custom(_)),
        datacenter: datacenter_word(m.datacenter),
        tpp: opt(m.tpp),
        tpp_basis: m.tpp_basis.clone(),
        die_area_mm2: opt(m.die_area),
        performance_density: m.performance_density(),
        eccn: m
            .class
            .map_or(m.stated_class.map_or("not 3A090", |s| s.id()), |c| c.eccn()),
        eccn_paragraph: m.class.and_then(|c| c.paragraph()),
        eccn_reason: explain::class_reason(&m.class_basis),
        answerable: m.answerable(),
        class_note: m.class.and_then(|c| explain::chip_note(c, m.datacenter)),
        eccn_citation: CitationOut::from_cite(m.class_cite, on),
        h100e: m.h100e(),
        dram_bandwidth_gbs: opt(chip.dram_bandwidth()),
        memory_gb: opt(mem),
        uncertain,
        tpp_alternatives: alts,
        tpp_readings: tpp_readings(chip, m),
        notes,
        sources,
        verification,
        rounding: ROUNDING,
    }
}

/// Every catalog chip.
pub fn chips() -> Vec<ChipOut> {
    crate::chip::catalog()
        .iter()
        .filter_map(|e| {
            let c = Chip::Catalog(e);
            c.metrics().ok().map(|m| chip_with(&c, &m, None))
        })
        .collect()
}

/// Which regime answered, and why that one.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RegimeRef {
    /// Id.
    pub id: &'static str,
    /// Full name.
    pub name: &'static str,
    /// Short name.
    pub short_name: &'static str,
    /// Reported proposals and scenarios.
    pub hypothetical: bool,
    /// A text that stands in the CFR but is not enforced: never the rules exporters follow.
    pub unenforced: bool,
    /// First day in force.
    pub effective: String,
    /// The day whose dated facts (country groups) were applied.
    pub date_applied: String,
    /// The day asked for, when it was after the data was last checked (`date_applied` is then
    /// the checked day).
    pub date_asked: Option<String>,
    /// How the regime was chosen: `default`, `id` or `date`.
    pub chosen: &'static str,
    /// The same in words.
    pub chosen_by: &'static str,
    /// When the answer is for a user's scenario: what it changed in the regime above (whose
    /// `id` and names are the scenario's base); null otherwise.
    pub scenario: Option<ScenarioOut>,
}

/// A user's scenario on the wire.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ScenarioOut {
    /// The canonical scenario text, as a link carries it.
    pub text: String,
    /// The base regime's id.
    pub base: &'static str,
    /// What changed, in words.
    pub changes: String,
    /// The license-free allowance now, TPP (exact, as text), if changed.
    pub lpp_tpp: Option<String>,
    /// The country allocation now, TPP, if changed.
    pub cap_tpp: Option<String>,
    /// The agreement multiplier now, if changed.
    pub g2g: Option<String>,
    /// Places moved: code, map status under the base, and in the scenario.
    pub moves: Vec<MoveOut>,
}

/// A place a scenario moved.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MoveOut {
    /// ISO alpha-2.
    pub code: &'static str,
    /// Its map status under the base regime.
    pub was: &'static str,
    /// Its map status in the scenario.
    pub now: &'static str,
}

fn scenario_out(s: &crate::scenario::Scenario) -> ScenarioOut {
    ScenarioOut {
        text: s.text.clone(),
        base: s.base.id,
        changes: explain::scenario_changes(s),
        lpp_tpp: s.lpp.map(|c| c.tpp.to_string()),
        cap_tpp: s.cap.map(|c| c.tpp.to_string()),
        g2g: s.g2g.map(|g| g.0.to_string()),
        moves: s
            .moves
            .iter()
            .map(|m| MoveOut {
                code: m.country.code(),
                was: m.was.id(),
                now: m.now.id(),
            })
            .collect(),
    }
}

fn regime_ref(s: &Selection) -> RegimeRef {
    RegimeRef {
        scenario: s.regime.scenario.map(scenario_out),
        id: s.regime.id,
        name: s.regime.name,
        short_name: s.regime.short_name,
        hypothetical: s.regime.hypothetical,
        unenforced: s.regime.unenforced,
        effective: s.regime.effective.to_string(),
        date_applied: s.date.to_string(),
        date_asked: s.asked.map(|d| d.to_string()),
        chosen: match s.chosen {
            Chosen::Default => "default",
            Chosen::ById => "id",
            Chosen::ByDate => "date",
        },
        chosen_by: match s.chosen {
            Chosen::Default => {
                "default: the latest real regime, with the latest dated facts in our data"
            }
            Chosen::ById => "by id, with the regime's latest dated facts",
            Chosen::ByDate => "by date: the real regime in force on that day",
        },
    }
}

/// The destination of an answer.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DestinationOut {
    /// ISO alpha-2.
    pub code: &'static str,
    /// ISO numeric.
    pub numeric: &'static str,
    /// Name.
    pub name: &'static str,
    /// 1, 2, 3, or null where the regime has no tiers.
    pub tier: Option<u8>,
    /// The country whose treatment it gets (Hong Kong: CN).
    pub treated_as: Option<&'static str>,
}

/// The buyer's headquarters.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HqOut {
    /// ISO alpha-2.
    pub code: &'static str,
    /// Name.
    pub name: &'static str,
    /// Tier, where the regime has tiers.
    pub tier: Option<u8>,
    /// True when not given (assumed to be the destination).
    pub assumed: bool,
}

/// Where a shipment leaves from, when not the United States.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FromOut {
    /// ISO alpha-2.
    pub code: &'static str,
    /// Name.
    pub name: &'static str,
    /// `reexport`, `in-country-transfer` (within the destination) or `import` (into the US).
    pub kind: &'static str,
}

/// The order.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OrderOut {
    /// Chips.
    pub quantity: u64,
    /// Quantity × TPP, exact; null when the chip's TPP is not published.
    pub tpp: Option<f64>,
    /// Order TPP ÷ 15,832, rounded to 4 decimals.
    pub h100e: Option<f64>,
    /// TPP already shipped to this buyer this calendar year (LPP counts it).
    pub prior_tpp: f64,
    /// An NVEU's installed base in the country, as given (its cap counts it).
    pub installed_tpp: f64,
    /// Everything the buyer received before, as given (AIA's reporting line counts it).
    pub buyer_total_tpp: f64,
    /// Prior plus this order; null when the order's TPP is unknown.
    pub cumulative_tpp: Option<f64>,
    /// Cumulative ÷ 15,832, rounded to 4 decimals.
    pub cumulative_h100e: Option<f64>,
}

/// An exception considered.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExceptionOut {
    /// `AIA`, `LPP`, `NAC`, `ACA`, `UVEU`, `NVEU` or `CASE-BY-CASE-2026`.
    pub id: &'static str,
    /// Name.
    pub name: String,
    /// Usable for this order.
    pub available: bool,
    /// The one the answer relies on.
    pub used: bool,
    /// The stable id of the reason, e.g. `lpp.over_limit`.
    pub reason_id: String,
    /// Why, in words.
    pub reason: String,
    /// Where it is stated.
    pub citation: CitationOut,
}

fn exception(e: &ExceptionCheck, r: &Regime, on: Date) -> ExceptionOut {
    ExceptionOut {
        id: e.id.as_str(),
        name: explain::exception_name(e.id, r),
        available: e.available,
        used: e.used,
        reason_id: e.reason_id(),
        reason: explain::exception_reason(e, r),
        citation: CitationOut::from_cite(e.cite, Some(on)),
    }
}

/// A cap and its headroom.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CapOut {
    /// `LPP`, `country-allocation`, `NVEU` or `AIA-report`.
    pub id: &'static str,
    /// `cap` (a limit an order can exceed) or `reporting-line` (a line from which something
    /// must be reported; nothing is over it).
    pub kind: &'static str,
    /// Name.
    pub name: String,
    /// The same in two or three words ("LPP allowance").
    pub short_name: String,
    /// True if this order counts against it.
    pub counts: bool,
    /// The limit, TPP.
    pub limit_tpp: f64,
    /// The limit in H100-equivalents, rounded.
    pub limit_h100e: Option<f64>,
    /// What counts against it including this order, TPP.
    pub used_tpp: f64,
    /// Limit minus used, TPP; null when over.
    pub headroom_tpp: Option<f64>,
    /// Headroom in H100-equivalents, rounded.
    pub headroom_h100e: Option<f64>,
    /// How far over, TPP; null when within.
    pub over_by_tpp: Option<f64>,
    /// Used is at or above the limit (for the AIA reporting line: a report is due).
    pub reached: bool,
    /// What the figure leaves out.
    pub note: Option<String>,
    /// Where the limit is stated.
    pub citation: CitationOut,
}

fn h100e_of(d: Dec) -> Option<f64> {
    d.ratio_rounded(CLASSIFICATION.h100_tpp.value, 4)
}

fn cap(c: &CapUse, on: Date) -> CapOut {
    let headroom = c.headroom();
    CapOut {
        id: c.kind.id(),
        kind: if matches!(c.kind, eval::CapKind::AiaReport) {
            "reporting-line"
        } else {
            "cap"
        },
        name: explain::cap_name(c),
        short_name: explain::cap_short(c),
        counts: c.counts,
        limit_tpp: c.limit.to_f64(),
        limit_h100e: h100e_of(c.limit),
        used_tpp: c.used.to_f64(),
        headroom_tpp: opt(headroom),
        headroom_h100e: headroom.and_then(h100e_of),
        // A reporting line is reached, never exceeded: nothing is "over" it.
        over_by_tpp: opt(c
            .used
            .checked_sub(c.limit)
            .filter(|d| !d.is_zero() && !matches!(c.kind, eval::CapKind::AiaReport))),
        reached: c.reached(),
        note: explain::cap_note(c),
        citation: CitationOut::from_cite(c.cite, Some(on)),
    }
}

/// A step of the explanation.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StepOut {
    /// The stable id of the reason, e.g. `scope.worldwide` or `lpp.over_limit`.
    pub id: String,
    /// A plain-English sentence.
    pub text: String,
    /// A step the reader needs to follow the answer (shown first; the rest under "all steps").
    pub key: bool,
    /// Where it comes from.
    pub citation: CitationOut,
}

fn step(s: &eval::Step, v: &Verdict) -> StepOut {
    let chip_source = match &s.reason {
        Reason::ChipUncertain { source, .. } => *source,
        _ => None,
    };
    let citation = match chip_source {
        // Statements about a chip's figures link to the chip's own source, not to a rule.
        Some(src) => chip_citation(&src),
        None => CitationOut::from_cite(s.cite, Some(v.query.selection.date)),
    };
    StepOut {
        id: s.reason.id(),
        text: explain::step(&s.reason, v),
        key: s.reason.is_key(),
        citation,
    }
}

/// The citation of a chip's own source: our chip research, secondary, named by the link's host.
fn chip_citation(src: &ChipSource) -> CitationOut {
    // The catalog's links are http(s) (build.rs): their prefixes, not a substring search,
    // whose searcher and panic messages would cost the page's engine 4 KB for this alone.
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|p| src.url.strip_prefix(p))
        .unwrap_or(src.url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let about = format!("chip {} source", src.about);
    let links_to = format!("per {host}");
    let grade = Grade::Secondary;
    CitationOut {
        label: format!("{about} · {links_to} · {}", grade.label()),
        about,
        links_to,
        cfr: None,
        fr: None,
        source: Some(
            "h100e chip research (data/sources/chips.csv), from datasheets and secondary sources",
        ),
        publisher: "h100e chip research",
        kind: SourceKind::Research.id(),
        url: src.url.to_string(),
        grade: grade.id(),
        grade_label: grade.label(),
        uncertain: None,
    }
}

/// One reading of a contested fact and the answer under it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReadingOut {
    /// The reading's id: pass `FACT=READING` as `readings` (`--reading`) to answer under it.
    pub reading: &'static str,
    /// The reading as a condition, e.g. "if LPP is available there".
    pub short: String,
    /// What the reading holds.
    pub label: String,
    /// The answer under this reading.
    #[serde(flatten)]
    pub answer: AnswerOut,
    /// Who holds this reading.
    pub citation: CitationOut,
}

/// The answer under a reading (or readings) of contested points: the fields of `EvalOut` a reader
/// compares between readings.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AnswerOut {
    /// A license is needed.
    pub license_required: bool,
    /// The outcome (as `EvalOut::outcome`).
    pub outcome: &'static str,
    /// Its map class (as `EvalOut::outcome_class`).
    pub outcome_class: &'static str,
    /// The exception relied on.
    pub exception_used: Option<&'static str>,
    /// The review policy id.
    pub review_policy: Option<&'static str>,
    /// The answer in one sentence.
    pub headline: String,
}

fn answer(v: &Verdict) -> AnswerOut {
    AnswerOut {
        license_required: v.license_required,
        outcome: v.outcome.as_str(),
        outcome_class: v.class().id(),
        exception_used: v.exception_used().map(eval::ExceptionId::as_str),
        review_policy: v.review_policy.map(ReviewPolicy::id),
        headline: explain::headline(v),
    }
}

/// A point the sources disagree on that this answer turned on.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ContestedOut {
    /// The fact's id, e.g. `lpp-d1-d4`.
    pub fact: &'static str,
    /// The question, in words.
    pub question: &'static str,
    /// The readings give different answers.
    pub changes_outcome: bool,
    /// The headline says "It depends" because of it (it changes the answer and no reading was chosen).
    pub depends: bool,
    /// The reading the query chose, if any.
    pub chosen: Option<&'static str>,
    /// Each reading, the one an unqualified answer uses first.
    pub readings: Vec<ReadingOut>,
}

fn contested(c: &Contest, v: &Verdict) -> ContestedOut {
    let r = v.query.selection.regime;
    let on = Some(v.query.selection.date);
    ContestedOut {
        fact: c.fact.fact.id(),
        question: c.fact.question,
        changes_outcome: c.changes_outcome,
        depends: c.depends(),
        chosen: c.chosen,
        readings: c
            .readings
            .iter()
            .map(|x| ReadingOut {
                reading: x.pick.id,
                short: explain::reading_short(c.fact, &x.pick, r),
                label: explain::reading_label(c.fact, x, r),
                answer: answer(&x.verdict),
                citation: CitationOut::from_cite(
                    x.pick.reading.map_or(CLASSIFICATION.tpp_cite, |y| y.cite),
                    on,
                ),
            })
            .collect(),
    }
}

/// Readings of several contested points taken together, and the answer under them.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CombinationOut {
    /// `FACT=READING` each: pass them as `readings` to answer under them.
    pub readings: Vec<String>,
    /// The same as conditions in words, e.g. "if LPP is available there".
    pub shorts: Vec<String>,
    /// The answer under them.
    #[serde(flatten)]
    pub answer: AnswerOut,
}

/// A caveat beside the headline.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CaveatOut {
    /// Stable id, e.g. `regime.caveat`.
    pub id: &'static str,
    /// In words.
    pub text: String,
}

/// The answer to an evaluation.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EvalOut {
    /// Which regime answered.
    pub regime: RegimeRef,
    /// Where the chips go.
    pub destination: DestinationOut,
    /// The buyer's headquarters.
    pub buyer_hq: HqOut,
    /// Where the shipment leaves from when not the United States; null for an export from the US.
    pub shipped_from: Option<FromOut>,
    /// `none`, `uveu` or `nveu`.
    pub end_user: &'static str,
    /// Government-to-government agreement assumed.
    pub g2g: bool,
    /// The chip.
    pub chip: ChipOut,
    /// The order.
    pub order: OrderOut,
    /// `not-an-export`, `not-controlled`, `no-license-required`, `license-exception` or `license-required`.
    pub outcome: &'static str,
    /// The map class: `open`, `exception`, `license` or `denial`.
    pub outcome_class: &'static str,
    /// The class in a few words, as the outcome map's legend says it ("License needed").
    pub outcome_class_label: &'static str,
    /// One sentence; "It depends: …" when a contested point changes the answer, "License
    /// required either way: …" when only the review does.
    pub headline: String,
    /// The answer turns on contested points, but every reading needs a license (only the
    /// review differs): the headline says so first, before the readings.
    pub license_either_way: bool,
    /// The contested points this answer turned on, with the answer under each reading.
    pub contested: Vec<ContestedOut>,
    /// Readings of several contested points that together give another answer when none does
    /// alone.
    pub contested_combinations: Vec<CombinationOut>,
    /// What a reader must know beside the headline (a rule never enforced, an unchecked chip).
    pub caveats: Vec<CaveatOut>,
    /// A license is needed.
    pub license_required: bool,
    /// Every exception considered (empty when no license requirement applies).
    pub license_exceptions: Vec<ExceptionOut>,
    /// The exception the answer relies on.
    pub exception_used: Option<&'static str>,
    /// Counts against the destination's country allocation.
    pub counts_against_country_cap: bool,
    /// Caps and headroom.
    pub caps: Vec<CapOut>,
    /// How a license application would be reviewed: `presumption-of-approval`, `case-by-case`,
    /// `presumption-of-denial` or `policy-of-denial`.
    pub review_policy: Option<&'static str>,
    /// The same in words.
    pub review_policy_label: Option<&'static str>,
    /// The reasoning, in order.
    pub explanation: Vec<StepOut>,
    /// The latest day our dated facts reach.
    pub data_horizon: Option<String>,
    /// The dataset's version and last check.
    pub data: DataOut,
    /// What is rounded.
    pub rounding: &'static str,
}

/// An evaluation's wire form.
pub fn eval(v: &Verdict) -> EvalOut {
    let q = &v.query;
    let (_, treated) = country::treated_as(q.destination.code());
    EvalOut {
        regime: regime_ref(&q.selection),
        destination: DestinationOut {
            code: q.destination.code(),
            numeric: q.destination.numeric(),
            name: q.destination.name(),
            tier: v.tier.map(eval::Tier::number),
            treated_as: treated.map(|t| t.as_code),
        },
        buyer_hq: HqOut {
            code: v.hq.code(),
            name: v.hq.name(),
            tier: v.hq_tier.map(eval::Tier::number),
            assumed: q.hq.is_none(),
        },
        shipped_from: q.shipped_from().map(|(c, kind)| FromOut {
            code: c.code(),
            name: c.name(),
            kind: kind.id(),
        }),
        end_user: q.end_user.as_str(),
        g2g: q.g2g,
        chip: chip_with(&q.chip, &v.metrics, Some(q.selection.date)),
        order: OrderOut {
            quantity: q.quantity,
            tpp: opt(v.order_tpp),
            h100e: v.order_tpp.and_then(h100e_of),
            prior_tpp: q.prior_tpp.to_f64(),
            installed_tpp: q.installed_tpp.to_f64(),
            buyer_total_tpp: q.buyer_total_tpp.to_f64(),
            cumulative_tpp: opt(v.cumulative_tpp),
            cumulative_h100e: v.cumulative_tpp.and_then(h100e_of),
        },
        outcome: v.outcome.as_str(),
        headline: explain::headline(v),
        license_either_way: v.license_either_way(),
        contested: v.contests.iter().map(|c| contested(c, v)).collect(),
        contested_combinations: v
            .combinations
            .iter()
            .map(|k| CombinationOut {
                readings: k
                    .picks
                    .iter()
                    .map(|(c, x)| format!("{}={}", c.fact.id(), x.id))
                    .collect(),
                shorts: k
                    .picks
                    .iter()
                    .map(|(c, x)| explain::reading_short(c, x, q.selection.regime))
                    .collect(),
                answer: answer(&k.verdict),
            })
            .collect(),
        caveats: v
            .caveats
            .iter()
            .map(|c| CaveatOut {
                id: c.id(),
                text: explain::caveat(c),
            })
            .collect(),
        license_required: v.license_required,
        license_exceptions: v
            .exceptions
            .iter()
            .map(|e| exception(e, q.selection.regime, q.selection.date))
            .collect(),
        exception_used: v.exception_used().map(eval::ExceptionId::as_str),
        outcome_class: v.class().id(),
        outcome_class_label: explain::outcome_class_short(v.class()),
        counts_against_country_cap: v.counts_against_country_cap,
        caps: v.caps.iter().map(|c| cap(c, q.selection.date)).collect(),
        review_policy: v.review_policy.map(ReviewPolicy::id),
        review_policy_label: v.review_policy.map(ReviewPolicy::label),
        explanation: v.steps.iter().map(|s| step(s, v)).collect(),
        data_horizon: regime::data_horizon().map(|d| d.to_string()),
        data: data(),
        rounding: ROUNDING,
    }
}

/// Resolves and evaluates a request in one call: the entry point of the CLI and the wasm API.
pub fn evaluate(req: &crate::query::Request) -> Result<EvalOut, Error> {
    let q = req.resolve()?;
    let v = eval::evaluate(&q)?;
    Ok(eval(&v))
}

/// One destination on the map.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DestinationStatusOut {
    /// ISO alpha-2.
    pub code: &'static str,
    /// ISO numeric.
    pub numeric: &'static str,
    /// Name.
    pub name: &'static str,
    /// 1, 2, 3, or null.
    pub tier: Option<u8>,
    /// Map status: `tier-1`, `tier-2`, `tier-3`, `open`, `license` or `denial`.
    pub status: &'static str,
    /// The country it is treated as.
    pub treated_as: Option<&'static str>,
    /// Why maps leave it uncoloured and legends do not count it (Antarctica); null otherwise.
    pub uncounted: Option<&'static str>,
}

/// A map class and its meaning.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LegendOut {
    /// The class id (a status such as `tier-2`, or an outcome class such as `exception`).
    pub status: &'static str,
    /// Its meaning, in words built from the regime's data.
    pub label: String,
    /// The same in a few words, for tooltips and tables.
    pub short: String,
    /// How many destinations have it (those maps colour: not Antarctica).
    pub count: usize,
    /// What the count takes in, in words ("25 places: the United States, 18 other countries and
    /// territories, and 6 places (…) treated as part of the United States").
    pub includes: String,
}

/// The legend entry of one class, counting the places maps colour; `None` when none has it.
fn legend_entry(
    status: &'static str,
    label: String,
    short: String,
    members: impl Iterator<Item = &'static Country>,
) -> Option<LegendOut> {
    let members: Vec<&'static Country> = members.filter(|c| c.uncounted().is_none()).collect();
    (!members.is_empty()).then(|| LegendOut {
        status,
        label,
        short,
        count: members.len(),
        includes: explain::legend_includes(&members),
    })
}

/// Every destination under a regime.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TiersOut {
    /// Which regime.
    pub regime: RegimeRef,
    /// The destinations, by ISO code.
    pub destinations: Vec<DestinationStatusOut>,
    /// Status words used, with counts.
    pub legend: Vec<LegendOut>,
    /// The dataset's version and last check.
    pub data: DataOut,
}

/// The map data for a regime choice.
pub fn tiers(choice: &regime::Choice, scenario: Option<&str>) -> Result<TiersOut, Error> {
    let s = crate::scenario::select(choice, scenario)?;
    let list = eval::destinations(s.regime, s.date);
    let legend = eval::Status::ALL
        .iter()
        .filter_map(|status| {
            legend_entry(
                status.id(),
                explain::status_label(*status, s.regime),
                explain::status_short(*status, s.regime),
                list.iter()
                    .filter(|d| d.status == *status)
                    .map(|d| d.country),
            )
        })
        .collect();
    Ok(TiersOut {
        regime: regime_ref(&s),
        destinations: list
            .iter()
            .map(|d| DestinationStatusOut {
                code: d.country.code(),
                numeric: d.country.numeric(),
                name: d.country.name(),
                tier: d.tier.map(eval::Tier::number),
                status: d.status.id(),
                treated_as: d.treated_as,
                uncounted: d.country.uncounted(),
            })
            .collect(),
        legend,
        data: data(),
    })
}

/// A regime in the list.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RegimeOut {
    /// Id.
    pub id: &'static str,
    /// Name.
    pub name: &'static str,
    /// Short name.
    pub short_name: &'static str,
    /// First day in force (hypothetical: the day reported).
    pub effective: String,
    /// Last day in force, for real regimes replaced by a later one (its `as_of`, which the build
    /// checks is the day before its successor takes effect).
    pub in_force_until: Option<String>,
    /// The day whose dated facts an undated query uses.
    pub as_of: String,
    /// Reported proposal or scenario.
    pub hypothetical: bool,
    /// A text that stands in the CFR but is not enforced (never chosen by a date).
    pub unenforced: bool,
    /// The regime the tool uses when none is asked for.
    pub default: bool,
    /// Plain words.
    pub summary: &'static str,
    /// Main citation.
    pub citation: CitationOut,
    /// Every source its data cites. Null in the page's engine, which never shows them (the
    /// sources page lists them, built with the full engine), as it carries only the titles its
    /// answers show.
    pub sources: Option<Vec<CitationOut>>,
    /// What a scenario built on it can change: any of `lpp`, `cap`, `g2g`.
    pub scenario_settings: Vec<&'static str>,
    /// The map statuses a scenario can move places to (`tier-1`… or `open`, `license`, `denial`).
    pub scenario_statuses: Vec<&'static str>,
}

#[cfg(not(feature = "notes"))]
fn regime_sources(_: &Regime) -> Option<Vec<CitationOut>> {
    None
}

#[cfg(feature = "notes")]
fn regime_sources(r: &Regime) -> Option<Vec<CitationOut>> {
    let mut cites: Vec<&Cite> = vec![
        r.cite,
        r.scope_a.cite,
        r.scope_b.cite,
        r.hq_rule.cite,
        r.embargo.cite,
    ];
    cites.extend(r.notes.iter().map(|n| n.cite));
    if let Some(t) = &r.tiers {
        cites.extend([t.tier1.cite, t.tier3.cite, t.tier2_cite]);
    }
    let e = &r.exceptions;
    cites.extend(e.nac.as_ref().map(|n| n.cite));
    cites.extend(e.aca.as_ref().map(|a| a.place.cite));
    cites.extend(e.aia.as_ref().map(|a| a.cite));
    cites.extend(e.lpp.as_ref().map(|l| l.limit.cite));
    cites.extend(e.uveu);
    cites.extend(e.nveu.as_ref().map(|n| n.cite));
    cites.extend(r.allocation.as_ref().map(|a| a.tpp.cite));
    cites.extend(r.is_informed.as_ref().map(|i| i.place.cite));
    cites.extend(r.china_band.as_ref().map(|b| b.max_tpp.cite));
    let mut out: Vec<CitationOut> = Vec::new();
    for c in cites {
        if !out.iter().any(|o| o.url == c.source.url) {
            out.push(CitationOut::from_source(c.source, None));
        }
    }
    Some(out)
}

/// Every regime.
pub fn regimes() -> Vec<RegimeOut> {
    let all = regime::all();
    let latest = regime::latest().map(|r| r.id);
    all.iter()
        .map(|r| {
            let next: Option<Date> = if !r.in_succession() {
                None
            } else {
                all.iter()
                    .filter(|o| o.in_succession() && o.effective > r.effective)
                    .map(|o| o.effective)
                    .min()
            };
            RegimeOut {
                id: r.id,
                name: r.name,
                short_name: r.short_name,
                effective: r.effective.to_string(),
                in_force_until: next.and(Some(r.as_of.to_string())),
                as_of: r.as_of.to_string(),
                hypothetical: r.hypothetical,
                unenforced: r.unenforced,
                default: Some(r.id) == latest,
                summary: r.summary,
                citation: CitationOut::from_cite(r.cite, None),
                sources: regime_sources(r),
                scenario_settings: crate::scenario::settings(r)
                    .iter()
                    .map(|s| s.id())
                    .collect(),
                scenario_statuses: crate::scenario::statuses(r)
                    .iter()
                    .map(|s| s.id())
                    .collect(),
            }
        })
        .collect()
}

/// Which data answered: every answer, map and download carries it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DataOut {
    /// The dataset version (see data/CHANGELOG.md).
    pub version: &'static str,
    /// The day the sources were last checked.
    pub checked: String,
    /// The last day the sources found speak of.
    pub sources_reach: String,
    /// How far the sources reach.
    pub note: &'static str,
}

/// The dataset this engine carries.
pub fn data() -> DataOut {
    DataOut {
        version: DATASET.version,
        checked: DATASET.checked.to_string(),
        sources_reach: DATASET.sources_reach.to_string(),
        note: DATASET.note,
    }
}

/// The unit and the span of the data, for display: the page and the CLI word them from here,
/// never from literals.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DatasetOut {
    /// TPP of one H100, the unit of H100-equivalents.
    pub h100_tpp: f64,
    /// Where that figure comes from.
    pub h100_citation: CitationOut,
    /// The first day any real regime covers.
    pub coverage_start: Option<String>,
    /// The short name of the regime that starts it.
    pub coverage_start_regime: Option<&'static str>,
    /// The latest day our dated facts reach.
    pub data_horizon: Option<String>,
    /// The dataset's version and last check.
    pub data: DataOut,
}

/// The unit and the span of the data.
pub fn dataset() -> DatasetOut {
    let first = regime::earliest();
    DatasetOut {
        h100_tpp: CLASSIFICATION.h100_tpp.value.to_f64(),
        h100_citation: CitationOut::from_cite(CLASSIFICATION.h100_tpp.cite, None),
        coverage_start: first.map(|r| r.effective.to_string()),
        coverage_start_regime: first.map(|r| r.short_name),
        data_horizon: regime::data_horizon().map(|d| d.to_string()),
        data: data(),
    }
}

/// A country for pickers.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CountryOut {
    /// ISO alpha-2.
    pub code: &'static str,
    /// ISO numeric.
    pub numeric: &'static str,
    /// Name.
    pub name: &'static str,
    /// Other names.
    pub aliases: Vec<&'static str>,
    /// Names this entry shares with others ("Congo" for CG and CD): the engine refuses them, and a
    /// picker lists every entry that has one when it is typed.
    pub also_called: Vec<&'static str>,
}

/// Every country.
pub fn countries() -> Vec<CountryOut> {
    country::all()
        .iter()
        .map(|c| CountryOut {
            code: c.code(),
            numeric: c.numeric(),
            name: c.name(),
            aliases: c.aliases().collect(),
            also_called: country::ambiguous()
                .iter()
                .filter(|a| a.means.contains(&c.code()))
                .map(|a| a.name)
                .collect(),
        })
        .collect()
}

/// Every source the data cites (with every title: the `notes` feature).
#[cfg(feature = "notes")]
pub fn sources() -> Vec<CitationOut> {
    crate::data::SOURCES
        .iter()
        .map(|s| CitationOut::from_source(s, None))
        .collect()
}

// ---- inputs from the page ---------------------------------------------------------------------

/// A number or its text, as a form or a URL may give it. Kept as text so the engine's own
/// parser gives the same errors as the CLI (NaN, infinities, signs, decimals).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum NumOrText {
    /// A JSON number.
    Num(f64),
    /// Text.
    Text(String),
}

impl NumOrText {
    fn text(&self) -> String {
        match self {
            NumOrText::Num(n) => number_text(*n),
            NumOrText::Text(t) => t.clone(),
        }
    }
}

/// A number's text, for the engine's parser. In the browser JavaScript writes it (`String(n)`),
/// which keeps Rust's float printing (about 5 KB of the page's wasm, brotli) out; the two agree
/// on every number a form or a query gives, and differ only in exponent notation (`1e21`).
#[cfg(target_arch = "wasm32")]
pub(crate) fn number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A number's text, for the engine's parser.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn number_text(n: f64) -> String {
    format!("{n}")
}

/// One value or a list (custom chips may give several TOPS/bit-length pairs).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum OneOrMany {
    /// One value.
    One(NumOrText),
    /// Several.
    Many(Vec<NumOrText>),
}

impl OneOrMany {
    fn texts(&self) -> Vec<String> {
        match self {
            OneOrMany::One(v) => vec![v.text()],
            OneOrMany::Many(vs) => vs.iter().map(NumOrText::text).collect(),
        }
    }
}

/// Typed chip specs from the page.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(deny_unknown_fields)]
pub struct SpecIn {
    /// Catalog id or name.
    #[serde(default)]
    pub chip: Option<String>,
    /// Dense TOPS, one per precision.
    #[serde(default)]
    pub tops: Option<OneOrMany>,
    /// Bit lengths, one per TOPS figure.
    #[serde(default)]
    pub bits: Option<OneOrMany>,
    /// Applicable die area, mm².
    #[serde(default)]
    pub die_area: Option<NumOrText>,
    /// Not designed or marketed for datacenters.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional = nullable))]
    pub non_datacenter: bool,
    /// Total DRAM bandwidth, GB/s.
    #[serde(default)]
    pub dram_bandwidth: Option<NumOrText>,
}

impl SpecIn {
    /// Every field name a chip spec object may have.
    pub const FIELDS: &'static [&'static str] = &[
        "chip",
        "tops",
        "bits",
        "die_area",
        "non_datacenter",
        "dram_bandwidth",
    ];

    /// The chip part of a request.
    pub fn chip_input(&self) -> Result<ChipInput, Error> {
        ChipInput::from_parts(
            self.chip.clone(),
            self.tops.as_ref().map(OneOrMany::texts).unwrap_or_default(),
            self.bits.as_ref().map(OneOrMany::texts).unwrap_or_default(),
            self.die_area.as_ref().map(NumOrText::text),
            self.non_datacenter,
            self.dram_bandwidth.as_ref().map(NumOrText::text),
        )
    }
}

/// An evaluation query from the page: the same fields as the CLI's `eval` options.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(deny_unknown_fields)]
pub struct QueryIn {
    /// Regime id.
    #[serde(default)]
    pub regime: Option<String>,
    /// Or a date, YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<String>,
    /// Destination.
    pub to: String,
    /// Catalog chip id or name.
    #[serde(default)]
    pub chip: Option<String>,
    /// Custom chip: dense TOPS, one per precision.
    #[serde(default)]
    pub tops: Option<OneOrMany>,
    /// Custom chip: bit lengths.
    #[serde(default)]
    pub bits: Option<OneOrMany>,
    /// Custom chip: applicable die area, mm².
    #[serde(default)]
    pub die_area: Option<NumOrText>,
    /// Custom chip: not designed or marketed for datacenters.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional = nullable))]
    pub non_datacenter: bool,
    /// Custom chip: total DRAM bandwidth, GB/s.
    #[serde(default)]
    pub dram_bandwidth: Option<NumOrText>,
    /// Number of chips.
    pub quantity: NumOrText,
    /// `none`, `uveu` or `nveu`.
    #[serde(default)]
    pub end_user: Option<String>,
    /// Buyer's headquarters.
    #[serde(default)]
    pub hq: Option<String>,
    /// TPP already shipped to this buyer this calendar year (LPP).
    #[serde(default)]
    pub prior_tpp: Option<NumOrText>,
    /// An NVEU's installed base in this country, TPP.
    #[serde(default)]
    pub installed_tpp: Option<NumOrText>,
    /// Everything this buyer has received before, TPP (AIA's reporting line).
    #[serde(default)]
    pub buyer_total_tpp: Option<NumOrText>,
    /// Government-to-government agreement.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional = nullable))]
    pub g2g: bool,
    /// Where the shipment leaves from (default: the United States).
    #[serde(default)]
    pub from: Option<String>,
    /// Readings of contested facts, `FACT=READING` each (default: each fact's first reading).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional = nullable))]
    pub readings: Vec<String>,
    /// A scenario built on the chosen regime: `lpp=500h100e;tier-3=IL` (see `scenario.rs`).
    #[serde(default)]
    pub scenario: Option<String>,
}

/// Refuses a field name outside `known`. serde's `deny_unknown_fields` catches typos in JSON,
/// but the wasm boundary reads only the fields it names (`wasm/fields.rs`) and never sees the
/// others, so it checks an object's own keys with this before reading it.
pub fn check_fields<'a>(
    keys: impl IntoIterator<Item = &'a str>,
    known: &[&str],
) -> Result<(), Error> {
    match keys.into_iter().find(|k| !known.contains(k)) {
        Some(k) => Err(Error::BadQuery {
            reason: format!("unknown field `{k}`"),
        }),
        None => Ok(()),
    }
}

impl QueryIn {
    /// Every field name a query object may have; `regime` and `date` first (a comparison takes
    /// the rest: `COMPARE_FIELDS`).
    pub const FIELDS: &'static [&'static str] = &[
        "regime",
        "date",
        "to",
        "chip",
        "tops",
        "bits",
        "die_area",
        "non_datacenter",
        "dram_bandwidth",
        "quantity",
        "end_user",
        "hq",
        "prior_tpp",
        "installed_tpp",
        "buyer_total_tpp",
        "g2g",
        "from",
        "readings",
        "scenario",
    ];

    /// The request the engine checks.
    pub fn request(&self) -> Result<Request, Error> {
        Ok(Request {
            regime: Choice::from_parts(self.regime.clone(), self.date.clone())?,
            to: self.to.clone(),
            chip: SpecIn {
                chip: self.chip.clone(),
                tops: self.tops.clone(),
                bits: self.bits.clone(),
                die_area: self.die_area.clone(),
                non_datacenter: self.non_datacenter,
                dram_bandwidth: self.dram_bandwidth.clone(),
            }
            .chip_input()?,
            quantity: self.quantity.text(),
            end_user: self.end_user.clone().unwrap_or_default(),
            hq: self.hq.clone(),
            prior_tpp: self.prior_tpp.as_ref().map(NumOrText::text),
            installed_tpp: self.installed_tpp.as_ref().map(NumOrText::text),
            buyer_total_tpp: self.buyer_total_tpp.as_ref().map(NumOrText::text),
            g2g: self.g2g,
            from: self.from.clone(),
            readings: self.readings.clone(),
            scenario: self.scenario.clone(),
        })
    }
}

/// The map's "outcome" mode: what this order would meet in a destination. Many destinations
/// meet the same answer; [`OutcomesOut`] lists each answer once.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OutcomeOut {
    /// Tier, where the regime has tiers.
    pub tier: Option<u8>,
    /// Short outcome word (as `EvalOut::outcome`).
    pub outcome: &'static str,
    /// The map class (as `EvalOut::outcome_class`).
    pub class: &'static str,
    /// A license is needed.
    pub license_required: bool,
    /// The exception relied on.
    pub exception_used: Option<&'static str>,
    /// Review policy id when a license is needed.
    pub review_policy: Option<&'static str>,
    /// The same in words.
    pub review_policy_label: Option<&'static str>,
    /// The contested points this answer turns on (as `EvalOut::contested` where `depends`):
    /// under another reading, destinations with this answer would meet a different one, so the
    /// map, its table and its downloads must not show it as settled. Empty when it is settled.
    pub depends_on: Vec<ContestedRefOut>,
}

/// A contested point by its id, with its question in words (where an answer turns on it, or
/// where a line of the converter applies).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ContestedRefOut {
    /// The fact's id (see `data/contested.toml`), e.g. `lpp-d1-d4`.
    pub fact: &'static str,
    /// The question, in plain words.
    pub question: &'static str,
}

impl ContestedRefOut {
    /// The reference to `c`.
    pub fn of(c: &crate::model::Contested) -> Self {
        ContestedRefOut {
            fact: c.fact.id(),
            question: c.question,
        }
    }
}

/// Each destination's ISO code and the index of its answer in [`OutcomesOut::answers`], written
/// as one JSON object (`{"AD": 0, "AE": 3, ...}`): the map of 249 places in about 2 KB of JSON
/// instead of 249 objects repeating the same few answers.
#[derive(Clone, Debug, PartialEq)]
pub struct ByCode(pub Vec<(&'static str, usize)>);

impl ByCode {
    /// The index of the answer of `code`.
    pub fn get(&self, code: &str) -> Option<usize> {
        self.0.iter().find(|(c, _)| *c == code).map(|(_, i)| *i)
    }
}

impl Serialize for ByCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (code, i) in &self.0 {
            m.serialize_entry(code, i)?;
        }
        m.end()
    }
}

/// A point the sources disagree on, with its readings (for the sources page and the JS API).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ContestedFactOut {
    /// The fact's id, as in `EvalOut::contested`.
    pub fact: &'static str,
    /// The question, in plain words.
    pub question: &'static str,
    /// The readings, the stricter or primary-text one first; empty for `chip-tpp`, whose
    /// readings are each chip's TPP range (`ChipOut::tpp_readings`).
    pub readings: Vec<ContestedFactReadingOut>,
}

/// One reading of a contested point and who holds it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ContestedFactReadingOut {
    /// Stable id, e.g. `not-listed`.
    pub reading: &'static str,
    /// What it holds, in plain words.
    pub label: &'static str,
    /// Who holds it.
    pub citation: CitationOut,
}

/// Every contested point in the data.
pub fn contested_facts() -> Vec<ContestedFactOut> {
    crate::data::CONTESTED
        .iter()
        .map(|c| ContestedFactOut {
            fact: c.fact.id(),
            question: c.question,
            readings: c
                .readings
                .iter()
                .map(|r| ContestedFactReadingOut {
                    reading: r.id,
                    label: r.label,
                    citation: CitationOut::from_cite(r.cite, None),
                })
                .collect(),
        })
        .collect()
}

/// The outcome map: every destination's outcome and the legend of its classes.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OutcomesOut {
    /// Which regime answered.
    pub regime: RegimeRef,
    /// The distinct answers this order meets, each once, in the order first met.
    pub answers: Vec<OutcomeOut>,
    /// Every destination by ISO code, with the index of its answer in `answers`.
    #[cfg_attr(test, ts(type = "Record<string, number>"))]
    pub destinations: ByCode,
    /// The classes in use, with their meaning and counts.
    pub legend: Vec<LegendOut>,
    /// Every class id, from the least to the most restrictive (`open`, `exception`, `license`,
    /// `denial`): how a comparison of two maps tells a tightening from a loosening.
    pub order: Vec<&'static str>,
    /// The dataset's version and last check.
    pub data: DataOut,
}

impl OutcomesOut {
    /// The answer met in `code`.
    pub fn at(&self, code: &str) -> Option<&OutcomeOut> {
        self.destinations
            .get(code)
            .and_then(|i| self.answers.get(i))
    }
}

/// What the outcome map shows of the verdict `v` of `q`, from the chip's metrics `m`.
fn outcome_out(q: &crate::query::Query, v: &Verdict, m: &Metrics) -> Result<OutcomeOut, Error> {
    let depends_on = crate::contested::turns_on(q, v, m)?
        .iter()
        .map(|c| ContestedRefOut::of(c))
        .collect();
    Ok(OutcomeOut {
        tier: v.tier.map(eval::Tier::number),
        outcome: v.outcome.as_str(),
        class: v.class().id(),
        license_required: v.license_required,
        exception_used: v.exception_used().map(eval::ExceptionId::as_str),
        review_policy: v.review_policy.map(ReviewPolicy::id),
        review_policy_label: v.review_policy.map(ReviewPolicy::label),
        depends_on,
    })
}

/// The outcome of the same order in every destination (the `to` of the query is ignored).
pub fn outcomes(req: &Request) -> Result<OutcomesOut, Error> {
    let q = req.resolve()?;
    let metrics = q.chip_metrics()?;
    let each = crate::atlas::everywhere(&q, &metrics, |one, v| outcome_out(one, v, &metrics))?;
    // Destinations of different kinds can still meet the same answer: each answer is listed once.
    let mut answers: Vec<OutcomeOut> = Vec::new();
    let mut at = Vec::with_capacity(each.len());
    for (c, answer) in &each {
        let i = answers.iter().position(|a| a == answer).unwrap_or_else(|| {
            answers.push(answer.clone());
            answers.len() - 1
        });
        at.push((c.code(), i));
    }
    let legend = eval::OutcomeClass::ALL
        .iter()
        .filter_map(|k| {
            legend_entry(
                k.id(),
                explain::outcome_class_label(*k).to_string(),
                explain::outcome_class_short(*k).to_string(),
                each.iter()
                    .filter(|(_, answer)| answer.class == k.id())
                    .map(|(c, _)| *c),
            )
        })
        .collect();
    Ok(OutcomesOut {
        regime: regime_ref(&q.selection),
        answers,
        destinations: ByCode(at),
        legend,
        order: eval::OutcomeClass::ALL.iter().map(|c| c.id()).collect(),
        data: data(),
    })
}

/// Every chip link is there only with `notes` (the page's engine keeps a chip's first source).
#[cfg(all(test, feature = "notes"))]
mod tests {
    use super::*;

    /// A chip's source is named by its link's host without `www.`: every catalog link, against
    /// the host as a URL parser reads it (between `://` and the first `/`, `?` or `#`).
    #[test]
    fn chip_sources_are_named_by_their_host() {
        let mut hosts = 0;
        for s in crate::chip::catalog().iter().flat_map(|e| e.sources()) {
            let after = s.url.split_once("://").map(|x| x.1).unwrap_or_default();
            let host = after.split(['/', '?', '#']).next().unwrap_or_default();
            let host = host.strip_prefix("www.").unwrap_or(host);
            assert!(host.contains('.'), "{}", s.url);
            assert_eq!(
                chip_citation(&s).links_to,
                format!("per {host}"),
                "{}",
                s.url
            );
            hosts += 1;
        }
        assert!(hosts > 100, "{hosts}");
    }
}
