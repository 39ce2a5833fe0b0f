//! The JSON of `h100e claims` (and `claims()`): each public claim with its source, the verdict
//! the engine computed and the right figure from the data.

use serde::Serialize;

use super::{data, h100e_of, published_words, CitationOut, DataOut};
use crate::claims::{self, Check, Figure, Finding};
use crate::error::Error;
use crate::explain;

/// Who said it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClaimSourceOut {
    /// The publisher (a reprint names the original and the reprinter).
    pub publisher: &'static str,
    /// When, as precisely as known ("29 Apr 2025", "Jan 2025").
    pub date: Option<String>,
    /// Where to read it.
    pub url: &'static str,
    /// `news`, `analyst`, `law-firm`, `government`, …: never a regulation.
    pub kind: &'static str,
    /// The title.
    pub title: &'static str,
}

/// One finding behind a verdict.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FindingOut {
    /// Stable id, e.g. `figure-off`, `measure-differs`.
    pub id: &'static str,
    /// In words.
    pub text: String,
}

/// The right figure, computed by the engine.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CorrectedOut {
    /// In words.
    pub text: String,
    /// The figure in TPP (thresholds and deals).
    pub tpp: Option<f64>,
    /// The same in H100-equivalents, rounded to 4 decimals.
    pub h100e: Option<f64>,
    /// A count (tier counts).
    pub count: Option<u64>,
    /// A day (dates).
    pub date: Option<String>,
    /// The threshold id (threshold claims).
    pub threshold: Option<String>,
}

/// A claim checked.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClaimOut {
    /// Stable id.
    pub id: &'static str,
    /// The quote.
    pub text: &'static str,
    /// Who said it.
    pub source: ClaimSourceOut,
    /// `threshold`, `tier-count`, `same-tier`, `date` or `deal`.
    pub kind: &'static str,
    /// How the quote is read into what the engine checks.
    pub reading: &'static str,
    /// What is uncertain in that reading.
    pub uncertain: Option<&'static str>,
    /// `accurate`, `partly-accurate`, `inaccurate` or `unverifiable`.
    pub verdict: &'static str,
    /// The same in words.
    pub verdict_label: &'static str,
    /// Why.
    pub findings: Vec<FindingOut>,
    /// The right figure.
    pub corrected: CorrectedOut,
    /// Where the right figure is stated.
    pub citation: CitationOut,
}

/// Every claim checked, with the dataset that checked them.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClaimsOut {
    /// The claims, in the data's order.
    pub claims: Vec<ClaimOut>,
    /// The dataset's version and last check.
    pub data: DataOut,
}

fn finding_id(f: &Finding) -> &'static str {
    match f {
        Finding::FigureMatches => "figure-matches",
        Finding::FigureOff => "figure-off",
        Finding::MeasureDiffers { .. } => "measure-differs",
        Finding::CountsChips => "counts-chips",
        Finding::Hypothetical => "hypothetical",
        Finding::SameTier => "same-tier",
        Finding::DifferentTiers => "different-tiers",
        Finding::OtherTier => "other-tier",
        Finding::SetAsideBefore(_) => "set-aside-before",
        Finding::LicensesNotPublic => "licenses-not-public",
    }
}

fn kind(a: &crate::model::Assertion) -> &'static str {
    use crate::model::Assertion;
    match a {
        Assertion::Threshold { .. } => "threshold",
        Assertion::TierCount { .. } => "tier-count",
        Assertion::SameTier { .. } => "same-tier",
        Assertion::Date { .. } => "date",
        Assertion::Deal { .. } => "deal",
    }
}

fn corrected(c: &Check) -> CorrectedOut {
    let mut out = CorrectedOut {
        text: explain::corrected(c),
        tpp: None,
        h100e: None,
        count: None,
        date: None,
        threshold: None,
    };
    match &c.figure {
        Figure::Threshold(t) => {
            out.tpp = Some(t.tpp.to_f64());
            out.h100e = h100e_of(t.tpp);
            out.threshold = Some(t.id.clone());
        }
        Figure::Deal { tpp, .. } => {
            out.tpp = Some(tpp.to_f64());
            out.h100e = h100e_of(*tpp);
        }
        Figure::TierCount { count, .. } => out.count = Some(*count),
        Figure::Date { date, .. } => out.date = Some(date.to_string()),
        Figure::Tiers { .. } => {}
    }
    out
}

/// A checked claim's wire form.
pub fn claim(c: &Check) -> ClaimOut {
    let s = c.claim.source;
    ClaimOut {
        id: c.claim.id,
        text: c.claim.text,
        source: ClaimSourceOut {
            publisher: s.publisher,
            date: s.date.map(published_words),
            url: s.url,
            kind: s.kind.id(),
            // The tools that check claims carry every title (`tools` turns on `notes`).
            title: s.title.unwrap_or_default(),
        },
        kind: kind(&c.claim.asserts),
        reading: c.claim.reading,
        uncertain: c.claim.uncertain,
        verdict: c.verdict.id(),
        verdict_label: explain::verdict_label(c.verdict),
        findings: c
            .findings
            .iter()
            .map(|f| FindingOut {
                id: finding_id(f),
                text: explain::finding(f),
            })
            .collect(),
        corrected: corrected(c),
        citation: CitationOut::from_cite(c.cite, None),
    }
}

/// Every claim of the data, checked: the entry point of the CLI and the wasm API.
pub fn claims() -> Result<ClaimsOut, Error> {
    Ok(ClaimsOut {
        claims: claims::all()?.iter().map(claim).collect(),
        data: data(),
    })
}
