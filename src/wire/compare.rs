//! The JSON of `h100e compare` (and `compare(query)`): one order under every regime.

use serde::Serialize;

use super::{cap, data, regime_ref, CapOut, DataOut, RegimeRef};
use crate::compare::{self, Column, LicenseFree};
use crate::error::Error;
use crate::eval::{self, CapKind};
use crate::explain;
use crate::query::Request;
use crate::vocab::ReviewPolicy;

/// The largest license-free quantity of the chip under one regime.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LicenseFreeOut {
    /// `any` (every quantity up to the largest accepted), `none` (even one chip needs a
    /// license) or `up-to`.
    pub kind: &'static str,
    /// For `up-to`: the largest quantity that needs no license (one more does).
    pub quantity: Option<u64>,
    /// In words.
    pub label: String,
}

/// The largest license-free quantity under another reading of a contested point.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LicenseFreeReadingOut {
    /// The point's id, e.g. `lpp-d1-d4`.
    pub fact: &'static str,
    /// The reading's id.
    pub reading: &'static str,
    /// The reading as a condition, e.g. "if LPP is available there".
    pub short: String,
    /// The quantity under it.
    pub largest_license_free: LicenseFreeOut,
}

/// One regime's column.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ColumnOut {
    /// Which regime, labelled hypothetical where it is.
    pub regime: RegimeRef,
    /// The destination's tier, where the regime has tiers.
    pub tier: Option<u8>,
    /// A license is needed.
    pub license_required: bool,
    /// The exception relied on (`AIA`, `LPP`, …).
    pub exception_used: Option<&'static str>,
    /// The order counts against the destination's country allocation.
    pub counts_against_country_cap: bool,
    /// The cap that bounds this order (the country allocation, else LPP's allowance, else the
    /// NVEU cap), with its headroom; null when none applies.
    pub main_cap: Option<CapOut>,
    /// Review policy id when a license is needed.
    pub review_policy: Option<&'static str>,
    /// The same in words.
    pub review_policy_label: Option<&'static str>,
    /// The largest quantity of this chip that needs no license here, on the first readings of
    /// the contested points.
    pub largest_license_free: LicenseFreeOut,
    /// The other readings of contested points under which that quantity differs, each with its
    /// own; empty when every reading gives the same.
    pub largest_license_free_readings: Vec<LicenseFreeReadingOut>,
    /// The outcome (as `EvalOut::outcome`).
    pub outcome: &'static str,
    /// Its class: `open`, `exception`, `license` or `denial`.
    pub outcome_class: &'static str,
    /// The answer in one sentence ("It depends: …" when a contested point changes it).
    pub headline: String,
    /// The contested points this answer turns on: under another reading of them (alone, or
    /// only together) the answer differs, so every other cell of this column holds on the first
    /// reading only (`h100e eval` gives each reading). Empty when every reading agrees.
    pub contested: Vec<&'static str>,
}

/// Every regime side by side.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CompareOut {
    /// One column per regime: real ones by date, then hypothetical ones.
    pub columns: Vec<ColumnOut>,
    /// The cells whose values are not the same in every column: any of `tier`,
    /// `license_required`, `exception_used`, `counts_against_country_cap`, `main_cap`,
    /// `review_policy`, `largest_license_free`, `outcome_class`.
    pub differs: Vec<&'static str>,
    /// The dataset's version and last check.
    pub data: DataOut,
}

fn license_free(l: LicenseFree) -> LicenseFreeOut {
    let (kind, quantity) = match l {
        LicenseFree::Any(_) => ("any", None),
        LicenseFree::None => ("none", None),
        LicenseFree::UpTo(n) => ("up-to", Some(n)),
    };
    LicenseFreeOut {
        kind,
        quantity,
        label: explain::license_free(l),
    }
}

fn column(c: &Column) -> ColumnOut {
    let v = &c.verdict;
    let on = v.query.selection.date;
    let rank = |k: &CapKind| match k {
        CapKind::CountryAllocation { .. } => Some(0),
        CapKind::Lpp { .. } => Some(1),
        CapKind::Nveu { .. } => Some(2),
        CapKind::AiaReport => None,
    };
    let main = v
        .caps
        .iter()
        .filter_map(|k| rank(&k.kind).map(|r| (r, k)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, k)| cap(k, on));
    ColumnOut {
        regime: regime_ref(&v.query.selection),
        tier: v.tier.map(eval::Tier::number),
        license_required: v.license_required,
        exception_used: v.exception_used().map(eval::ExceptionId::as_str),
        counts_against_country_cap: v.counts_against_country_cap,
        main_cap: main,
        review_policy: v.review_policy.map(ReviewPolicy::id),
        review_policy_label: v.review_policy.map(ReviewPolicy::label),
        largest_license_free: license_free(c.license_free),
        largest_license_free_readings: c
            .license_free_readings
            .iter()
            .map(|o| LicenseFreeReadingOut {
                fact: o.fact.fact.id(),
                reading: o.pick.id,
                short: explain::reading_short(o.fact, &o.pick, v.query.selection.regime),
                largest_license_free: license_free(o.license_free),
            })
            .collect(),
        outcome: v.outcome.as_str(),
        outcome_class: v.class().id(),
        headline: explain::headline(v),
        contested: v
            .contests
            .iter()
            .filter(|k| k.depends() || v.combinations.iter().any(|m| m.involves(k.fact.fact)))
            .map(|k| k.fact.fact.id())
            .collect(),
    }
}

/// A cell of a column, by name, with the key its values are compared by.
type Cell = (&'static str, fn(&ColumnOut) -> String);

/// The cells that differ between columns, by name.
fn differs(cols: &[ColumnOut]) -> Vec<&'static str> {
    let cells: [Cell; 8] = [
        ("tier", |c| format!("{:?}", c.tier)),
        ("license_required", |c| c.license_required.to_string()),
        ("exception_used", |c| format!("{:?}", c.exception_used)),
        ("counts_against_country_cap", |c| {
            c.counts_against_country_cap.to_string()
        }),
        ("main_cap", |c| {
            format!(
                "{:?}",
                c.main_cap.as_ref().map(|m| (m.id, m.limit_tpp.to_bits()))
            )
        }),
        ("review_policy", |c| format!("{:?}", c.review_policy)),
        ("largest_license_free", |c| {
            format!(
                "{:?}",
                (c.largest_license_free.kind, c.largest_license_free.quantity)
            )
        }),
        ("outcome_class", |c| c.outcome_class.to_string()),
    ];
    cells
        .into_iter()
        .filter(|(_, key)| {
            cols.first()
                .is_some_and(|first| cols.iter().any(|c| key(c) != key(first)))
        })
        .map(|(name, _)| name)
        .collect()
}

/// Compares a request under every regime: the entry point of the CLI and the wasm API.
pub fn compare(req: &Request) -> Result<CompareOut, Error> {
    let scenario = req
        .scenario
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty());
    if let (crate::regime::Choice::Id(id), false) = (&req.regime, scenario) {
        return Err(Error::BadChoice {
            field: crate::error::Field::Regime,
            input: id.clone(),
            accepted: "no regime: a comparison shows every regime; give one only as the base of a scenario",
        });
    }
    let columns: Vec<ColumnOut> = compare::compare(req)?.iter().map(column).collect();
    Ok(CompareOut {
        differs: differs(&columns),
        columns,
        data: data(),
    })
}

/// Every field name a comparison query may have: an evaluation's without `date` (which
/// `QueryIn::FIELDS` lists second); `regime` only says what a `scenario` is built on.
pub const COMPARE_FIELDS: &[&str] = &[
    "regime",
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
