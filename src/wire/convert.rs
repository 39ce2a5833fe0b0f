//! The JSON of `h100e thresholds` and `h100e convert` (and `thresholds()`, `convert(query)`).

use serde::{Deserialize, Serialize};

use super::{data, h100e_of, CitationOut, ContestedRefOut, DataOut, ROUNDING};
use crate::convert::{self, Bound, Conversion, ConvertRequest, Fit, Given, Threshold};
use crate::error::Error;
use crate::explain;

/// A threshold of the data.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ThresholdOut {
    /// Stable id, `regime.kind`, e.g. `diffusion2025.lpp` or `diffusion2025.nveu-2025-04-01`.
    pub id: String,
    /// Its name, with the regime's short name.
    pub name: String,
    /// The regime that names it.
    pub regime: &'static str,
    /// Every regime with the same line (shared provisions), the naming one first.
    pub regimes: Vec<&'static str>,
    /// The naming regime is hypothetical (a reported proposal or draft).
    pub hypothetical: bool,
    /// What it counts: `buyer-year`, `buyer-total`, `country-period`, `installed-base`, `order`
    /// or `chip`.
    pub measure: &'static str,
    /// The same in words.
    pub measure_label: &'static str,
    /// `up-to` (an amount on the line is within it) or `below` (reaching it crosses it).
    pub bound: &'static str,
    /// The line, TPP (exact).
    pub tpp: f64,
    /// The line in H100-equivalents, rounded to 4 decimals.
    pub h100e: Option<f64>,
    /// Where it is stated; `uncertain` says what the research could not confirm.
    pub citation: CitationOut,
    /// A contested point about where the line applies, if any (LPP's reach to D:1/D:4).
    pub contested: Option<ContestedRefOut>,
}

fn bound_id(b: Bound) -> &'static str {
    match b {
        Bound::UpTo => "up-to",
        Bound::Below => "below",
    }
}

/// A threshold's wire form.
pub fn threshold(t: &Threshold) -> ThresholdOut {
    ThresholdOut {
        id: t.id.clone(),
        name: explain::threshold_name(t),
        regime: t.regime().map_or("", |r| r.id),
        regimes: t.regimes.iter().map(|r| r.id).collect(),
        hypothetical: t.regime().is_some_and(|r| r.hypothetical),
        measure: t.measure.id(),
        measure_label: explain::measure_label(t.measure),
        bound: bound_id(t.bound),
        tpp: t.tpp.to_f64(),
        h100e: h100e_of(t.tpp),
        citation: CitationOut::from_cite(t.cite, None),
        contested: t.contested.map(ContestedRefOut::of),
    }
}

/// Every threshold in the data.
pub fn thresholds() -> Vec<ThresholdOut> {
    convert::all().iter().map(threshold).collect()
}

/// A conversion query from the page: the CLI's `convert` options.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(deny_unknown_fields)]
pub struct ConvertIn {
    /// An amount of TPP.
    #[serde(default)]
    pub tpp: Option<super::NumOrText>,
    /// An amount of H100-equivalents.
    #[serde(default)]
    pub h100e: Option<super::NumOrText>,
    /// A catalog chip id or name, with `quantity`.
    #[serde(default)]
    pub chip: Option<String>,
    /// How many of `chip`.
    #[serde(default)]
    pub quantity: Option<super::NumOrText>,
    /// A threshold id (see `thresholds()`).
    #[serde(default)]
    pub threshold: Option<String>,
}

impl ConvertIn {
    /// Every field name a conversion query may have.
    pub const FIELDS: &'static [&'static str] = &["tpp", "h100e", "chip", "quantity", "threshold"];

    /// The request the engine checks.
    pub fn request(&self) -> ConvertRequest {
        ConvertRequest {
            tpp: self.tpp.as_ref().map(super::NumOrText::text),
            h100e: self.h100e.as_ref().map(super::NumOrText::text),
            chip: self.chip.clone(),
            quantity: self.quantity.as_ref().map(super::NumOrText::text),
            threshold: self.threshold.clone(),
        }
    }
}

/// The amount converted.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AmountOut {
    /// What was given: `tpp`, `h100e`, `chips` or `threshold`.
    pub given: &'static str,
    /// The amount, TPP (exact).
    pub tpp: f64,
    /// The amount in H100-equivalents, rounded to 4 decimals.
    pub h100e: Option<f64>,
    /// The catalog chip, when `chips` were given.
    pub chip: Option<&'static str>,
    /// How many of it.
    pub quantity: Option<u64>,
}

/// One TPP reading of a chip and its count.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FitReadingOut {
    /// `catalog`, `low` or `high` (contested fact `chip-tpp`).
    pub reading: &'static str,
    /// The chip's TPP on this reading.
    pub tpp: f64,
    /// Whole chips that fit on this reading.
    pub count: Option<u64>,
}

/// How many of one catalog chip fit.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FitOut {
    /// Catalog id.
    pub id: &'static str,
    /// Vendor, model and variant.
    pub name: String,
    /// The chip's TPP (catalog reading); null when its throughput is not published.
    pub tpp: Option<f64>,
    /// The chip's H100-equivalents, rounded.
    pub h100e: Option<f64>,
    /// Whole chips that fit (catalog reading); null when its TPP is unknown.
    pub count: Option<u64>,
    /// The count changes with the TPP reading (see `readings`).
    pub contested: bool,
    /// Every TPP reading the sources support, with its count; one entry when they agree.
    pub readings: Vec<FitReadingOut>,
}

fn fit(f: &Fit) -> FitOut {
    FitOut {
        id: f.chip.id(),
        name: format!(
            "{} {} {}",
            f.chip.vendor(),
            f.chip.model(),
            f.chip.variant()
        ),
        tpp: f.tpp.map(crate::decimal::Dec::to_f64),
        h100e: f.tpp.and_then(h100e_of),
        count: f.count,
        contested: f.contested(),
        readings: f
            .readings
            .iter()
            .map(|(reading, tpp, count)| FitReadingOut {
                reading,
                tpp: tpp.to_f64(),
                count: *count,
            })
            .collect(),
    }
}

/// A conversion: the amount, and how many of each catalog chip fit in it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ConvertOut {
    /// The amount.
    pub amount: AmountOut,
    /// The threshold, when one was given.
    pub threshold: Option<ThresholdOut>,
    /// `up-to` or `below`: the side of the amount on which a count stays.
    pub bound: &'static str,
    /// What the counts mean, in words.
    pub note: String,
    /// Every catalog chip, in catalog order.
    pub chips: Vec<FitOut>,
    /// What is rounded.
    pub rounding: &'static str,
    /// The dataset's version and last check.
    pub data: DataOut,
}

/// A conversion's wire form.
pub fn conversion(c: &Conversion) -> ConvertOut {
    let (given, chip, quantity, threshold) = match &c.given {
        Given::Tpp => ("tpp", None, None, None),
        Given::H100e(_) => ("h100e", None, None, None),
        Given::Chips(e, n) => ("chips", Some(e.id()), Some(*n), None),
        Given::Threshold(t) => ("threshold", None, None, Some(t.as_ref())),
    };
    ConvertOut {
        amount: AmountOut {
            given,
            tpp: c.tpp.to_f64(),
            h100e: h100e_of(c.tpp),
            chip,
            quantity,
        },
        threshold: threshold.map(self::threshold),
        bound: bound_id(c.bound),
        note: explain::fit_note(c.bound, threshold.map(|t| t.measure)),
        chips: c.rows.iter().map(fit).collect(),
        rounding: ROUNDING,
        data: data(),
    }
}

/// Checks and converts in one call: the entry point of the CLI and the wasm API.
pub fn convert(req: &ConvertRequest) -> Result<ConvertOut, Error> {
    Ok(conversion(&req.resolve()?))
}
