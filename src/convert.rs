//! Every threshold of the data as an amount of chips: "how many B200s fit under LPP's allowance?"
//! A threshold is a legal line in TPP read from a regime's provisions (never a constant here); an
//! amount (TPP, H100-equivalents, N units of a catalog chip, or a threshold) is divided by each
//! catalog chip's TPP with exact [`Dec`] arithmetic. [`crate::explain`] words the results.

use crate::chip::{self, Chip};
use crate::data::{CLASSIFICATION, CONTESTED};
use crate::date::Date;
use crate::decimal::{Dec, MAX_EXACT_MILLI};
use crate::error::{Error, Field};
use crate::model::{ChipEntry, Cite, Contested, Regime, SizeCount};
use crate::query::parse_quantity;
use crate::regime;
use crate::text::join;
use crate::text::{closest, squash};
pub use crate::vocab::Measure;
use crate::vocab::{ContestedFact, ReviewPolicy};

/// Which side of a line an amount exactly on it falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// Up to and including the line is within it (LPP: a total "within" the limit; the
    /// allocation, NVEU cap and size steps: only "above" the line crosses it).
    UpTo,
    /// Reaching the line crosses it (AIA's report is due *at* the line; the band is "less than").
    Below,
}

/// What a threshold is, with what its name needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// LPP's allowance (or the 2025 proposal's smaller threshold).
    Lpp,
    /// The Tier 2 country allocation.
    Allocation,
    /// The allocation with a government-to-government agreement.
    AllocationG2g,
    /// AIA's reporting line.
    AiaReport,
    /// One step of the NVEU installed-base schedule, from a day.
    Nveu(Date),
    /// The 2026 China band's TPP line.
    BandTpp,
    /// A step of the reported 2026 draft's size ladder, above which licenses are reviewed so.
    Size(ReviewPolicy),
}

impl Kind {
    /// The second half of a threshold id (`lpp`, `allocation-g2g`, `nveu-2025-04-01`, …).
    pub fn slug(self) -> String {
        match self {
            Kind::Lpp => "lpp".into(),
            Kind::Allocation => "allocation".into(),
            Kind::AllocationG2g => "allocation-g2g".into(),
            Kind::AiaReport => "aia-report".into(),
            Kind::Nveu(d) => format!("nveu-{d}"),
            Kind::BandTpp => "band-tpp".into(),
            Kind::Size(p) => format!("size-{}", p.id()),
        }
    }
}

/// A legal line in TPP, from a regime's provisions.
#[derive(Clone, Debug)]
pub struct Threshold {
    /// `regime.slug` of the first regime (by effective date) that has it, e.g. `diffusion2025.lpp`.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Every regime with this same line (a provision shared through `use` or `extends`), the
    /// first one giving the id and the citation.
    pub regimes: Vec<&'static Regime>,
    /// The line, TPP.
    pub tpp: Dec,
    /// Where it is stated.
    pub cite: &'static Cite,
    /// What it is counted against.
    pub measure: Measure,
    /// Which side of it an amount on the line is.
    pub bound: Bound,
    /// A contested fact about where the line applies (LPP's reach to D:1/D:4), if any.
    pub contested: Option<&'static Contested>,
}

impl Threshold {
    /// The regime that names it.
    pub fn regime(&self) -> Option<&'static Regime> {
        self.regimes.first().copied()
    }

    /// True when `text` names it: its id, or `regime.slug` for any regime that has it.
    fn named(&self, text: &str) -> bool {
        let slug = self.kind.slug();
        self.id == text
            || self
                .regimes
                .iter()
                .any(|r| format!("{}.{slug}", r.id) == text)
    }
}

/// The contested fact with this id, from the data.
fn contested(fact: ContestedFact) -> Option<&'static Contested> {
    CONTESTED.iter().find(|c| c.fact == fact)
}

/// A regime's thresholds, in the order of its provisions.
fn of_regime(r: &'static Regime) -> Vec<Threshold> {
    let one = |kind, tpp, cite, measure, bound| Threshold {
        id: format!("{}.{}", r.id, Kind::slug(kind)),
        kind,
        regimes: vec![r],
        tpp,
        cite,
        measure,
        bound,
        contested: None,
    };
    let mut out = Vec::new();
    let e = &r.exceptions;
    if let Some(l) = &e.lpp {
        let mut t = one(
            Kind::Lpp,
            l.limit.value,
            l.limit.cite,
            Measure::BuyerYear,
            Bound::UpTo,
        );
        t.contested = l
            .contested_place
            .as_ref()
            .and_then(|_| contested(ContestedFact::LppD1D4));
        out.push(t);
    }
    if let Some(a) = &r.allocation {
        let (base, g2g) = (&a.tpp, &a.g2g_tpp);
        out.push(one(
            Kind::Allocation,
            base.value,
            base.cite,
            Measure::CountryPeriod,
            Bound::UpTo,
        ));
        out.push(one(
            Kind::AllocationG2g,
            g2g.value,
            g2g.cite,
            Measure::CountryPeriod,
            Bound::UpTo,
        ));
    }
    if let Some(a) = &e.aia {
        let p = &a.report_tpp;
        out.push(one(
            Kind::AiaReport,
            p.value,
            p.cite,
            Measure::BuyerTotal,
            Bound::Below,
        ));
    }
    if let Some(n) = &e.nveu {
        for s in n.schedule {
            out.push(one(
                Kind::Nveu(s.from),
                s.tpp,
                n.cite,
                Measure::InstalledBase,
                Bound::UpTo,
            ));
        }
    }
    if let Some(b) = &r.china_band {
        let p = &b.max_tpp;
        out.push(one(
            Kind::BandTpp,
            p.value,
            p.cite,
            Measure::Chip,
            Bound::Below,
        ));
    }
    for s in r.review.by_size {
        let measure = match s.counts {
            SizeCount::Order => Measure::Order,
            SizeCount::BuyerTotal => Measure::BuyerTotal,
        };
        out.push(one(
            Kind::Size(s.policy),
            s.above.value,
            s.above.cite,
            measure,
            Bound::UpTo,
        ));
    }
    out
}

/// Every threshold in the data, the rules in force first, then unenforced texts, then hypothetical
/// regimes, each line once: a line that several regimes share (the same kind and TPP) is listed
/// under the first and names the others.
pub fn all() -> Vec<Threshold> {
    let mut regimes: Vec<&'static Regime> = regime::all().iter().collect();
    regimes.sort_by_key(|r| (r.hypothetical, r.unenforced, r.effective));
    let mut out: Vec<Threshold> = Vec::new();
    for r in regimes {
        for t in of_regime(r) {
            match out.iter_mut().find(|o| o.kind == t.kind && o.tpp == t.tpp) {
                Some(o) => o.regimes.push(r),
                None => out.push(t),
            }
        }
    }
    out
}

/// The threshold named `text` (its id, or `regime.slug` of any regime that has it).
pub fn find(text: &str) -> Result<Threshold, Error> {
    let key = text.trim().to_ascii_lowercase();
    let list = all();
    let ids: Vec<(String, String)> = list.iter().map(|t| (squash(&t.id), t.id.clone())).collect();
    match list.into_iter().find(|t| t.named(&key)) {
        Some(t) => Ok(t),
        None => Err(Error::UnknownThreshold {
            input: text.to_string(),
            suggestions: closest(
                &squash(&key),
                ids.iter().map(|(k, id)| (k.clone(), id.as_str())),
                3,
            ),
        }),
    }
}

/// How many whole units of `unit` TPP fit in `amount` on `bound`'s side of it: ⌊amount ÷ unit⌋,
/// one fewer when the amount is a line that reaching crosses and the units land exactly on it.
/// `None` for a zero unit (a chip whose throughput is unknown is never passed here).
pub fn fit(amount: Dec, unit: Dec, bound: Bound) -> Option<u64> {
    match bound {
        Bound::UpTo => amount.div_floor(unit),
        Bound::Below => match amount.checked_sub(Dec::from_milli(1)) {
            Some(less) => less.div_floor(unit),
            None => Some(0),
        },
    }
}

/// What is converted: the typed query of `h100e convert`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConvertRequest {
    /// An amount of TPP.
    pub tpp: Option<String>,
    /// An amount of H100-equivalents.
    pub h100e: Option<String>,
    /// A catalog chip, with `quantity`.
    pub chip: Option<String>,
    /// How many of `chip`.
    pub quantity: Option<String>,
    /// A threshold id.
    pub threshold: Option<String>,
}

/// The amount, as asked.
#[derive(Clone, Debug)]
pub enum Given {
    /// TPP as given.
    Tpp,
    /// H100-equivalents as given.
    H100e(Dec),
    /// Units of a catalog chip (at the catalog's TPP reading).
    Chips(&'static ChipEntry, u64),
    /// A threshold's line.
    Threshold(Box<Threshold>),
}

/// A checked conversion: the amount in TPP and how many of each catalog chip fit in it.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// Where the amount comes from.
    pub given: Given,
    /// The amount, TPP.
    pub tpp: Dec,
    /// Which side of the amount counts as within it (a threshold's bound; `UpTo` otherwise).
    pub bound: Bound,
    /// One row per catalog chip, in catalog order.
    pub rows: Vec<Fit>,
}

/// How many of one catalog chip fit in the amount.
#[derive(Clone, Debug)]
pub struct Fit {
    /// The chip.
    pub chip: &'static ChipEntry,
    /// Its TPP (catalog reading); `None` when its throughput is not published.
    pub tpp: Option<Dec>,
    /// Whole units that fit; `None` when its TPP is unknown.
    pub count: Option<u64>,
    /// Each TPP reading the sources support with its count (contested fact `chip-tpp`): the
    /// catalog's first; one entry when the sources agree.
    pub readings: Vec<(&'static str, Dec, Option<u64>)>,
}

impl Fit {
    /// The count depends on which published TPP is right.
    pub fn contested(&self) -> bool {
        self.readings.iter().any(|r| r.2 != self.count)
    }
}

/// The largest amount converted: the largest TPP the wire prints exactly (15 significant digits),
/// about 63 million H100s, far beyond any real shipment.
pub(crate) const MAX_TPP: Dec = Dec::from_milli(MAX_EXACT_MILLI);

/// An amount of TPP or H100-equivalents as typed, within the range any real shipment has.
fn parse_amount(text: &str, field: Field) -> Result<Dec, Error> {
    let bad = |why: String| Error::BadNumber {
        field,
        input: text.to_string(),
        reason: format!(
            "{why}; give a positive amount of at most {} TPP (about 63 million H100s)",
            MAX_TPP.grouped()
        ),
    };
    let d = Dec::parse(text).map_err(|e| bad(e.to_string()))?;
    if d.is_zero() {
        return Err(bad("it is zero".into()));
    }
    Ok(d)
}

/// An amount refused when its TPP (`None` when the product overflowed) passes what any real
/// shipment reaches.
fn within_range(tpp: Option<Dec>, field: Field, input: &str) -> Result<Dec, Error> {
    match tpp {
        Some(t) if t <= MAX_TPP => Ok(t),
        _ => Err(Error::BadNumber {
            field,
            input: input.to_string(),
            reason: format!(
                "it is beyond any real shipment; give at most {} TPP (about 63 million H100s)",
                MAX_TPP.grouped()
            ),
        }),
    }
}

impl ConvertRequest {
    /// Checks the query: exactly one of `tpp`, `h100e`, `chip` with `quantity`, or `threshold`.
    pub fn resolve(&self) -> Result<Conversion, Error> {
        let given = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.trim().is_empty());
        let fields = [
            ("tpp", &self.tpp),
            ("h100e", &self.h100e),
            ("chip", &self.chip),
            ("quantity", &self.quantity),
            ("threshold", &self.threshold),
        ];
        let named: Vec<&str> = fields.iter().filter(|f| given(f.1)).map(|f| f.0).collect();
        let amounts = named.iter().filter(|f| **f != "quantity").count();
        if amounts != 1 || given(&self.quantity) != given(&self.chip) {
            return Err(Error::BadChoice {
                field: Field::Query,
                input: if named.is_empty() {
                    "nothing".into()
                } else {
                    join(&named, ", ")
                },
                accepted: "one amount: tpp, h100e, chip with quantity, or threshold",
            });
        }
        let (source, tpp, bound) = self.amount()?;
        Ok(Conversion {
            rows: rows(tpp, bound),
            given: source,
            tpp,
            bound,
        })
    }

    fn amount(&self) -> Result<(Given, Dec, Bound), Error> {
        if let Some(t) = self.tpp.as_deref().filter(|s| !s.trim().is_empty()) {
            let d = within_range(Some(parse_amount(t, Field::Tpp)?), Field::Tpp, t)?;
            return Ok((Given::Tpp, d, Bound::UpTo));
        }
        if let Some(h) = self.h100e.as_deref().filter(|s| !s.trim().is_empty()) {
            let n = parse_amount(h, Field::H100e)?;
            let tpp = n.checked_mul(CLASSIFICATION.h100_tpp.value);
            return Ok((
                Given::H100e(n),
                within_range(tpp, Field::H100e, h)?,
                Bound::UpTo,
            ));
        }
        if let Some(id) = self.threshold.as_deref().filter(|s| !s.trim().is_empty()) {
            let t = find(id)?;
            let (tpp, bound) = (t.tpp, t.bound);
            return Ok((Given::Threshold(Box::new(t)), tpp, bound));
        }
        let entry = chip::find(self.chip.as_deref().unwrap_or_default())?;
        let n = parse_quantity(self.quantity.as_deref().unwrap_or_default())?;
        let unit = Chip::Catalog(entry)
            .metrics()?
            .tpp
            .ok_or(Error::NoThroughput { chip: entry.id() })?;
        let tpp = unit.checked_mul_int(n);
        let input = n.to_string();
        Ok((
            Given::Chips(entry, n),
            within_range(tpp, Field::Quantity, &input)?,
            Bound::UpTo,
        ))
    }
}

/// How many of each catalog chip fit in `tpp`, under every TPP reading the sources support.
pub fn rows(tpp: Dec, bound: Bound) -> Vec<Fit> {
    chip::catalog()
        .iter()
        .map(|e| {
            let c = Chip::Catalog(e);
            let unit = c.metrics().ok().and_then(|m| m.tpp);
            let readings = c
                .tpp_readings_from(unit)
                .into_iter()
                .map(|(id, t)| (id, t, fit(tpp, t, bound)))
                .collect();
            Fit {
                chip: e,
                tpp: unit,
                count: unit.and_then(|u| fit(tpp, u, bound)),
                readings,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_reaching_crosses_holds_one_fewer_when_units_land_on_it() {
        let (line, unit) = (Dec::from_int(100), Dec::from_int(25));
        assert_eq!(fit(line, unit, Bound::UpTo), Some(4));
        assert_eq!(fit(line, unit, Bound::Below), Some(3));
        // Off the line, both sides agree.
        assert_eq!(fit(Dec::from_int(101), unit, Bound::Below), Some(4));
        assert_eq!(fit(line, Dec::ZERO, Bound::UpTo), None);
        assert_eq!(fit(Dec::ZERO, unit, Bound::Below), Some(0));
    }

    #[test]
    fn exactly_one_amount_is_asked() {
        let none = ConvertRequest::default();
        assert!(matches!(
            none.resolve(),
            Err(Error::BadChoice {
                field: Field::Query,
                ..
            })
        ));
        let two = ConvertRequest {
            tpp: Some("1".into()),
            h100e: Some("1".into()),
            ..ConvertRequest::default()
        };
        assert!(two.resolve().is_err());
        let chip_alone = ConvertRequest {
            chip: Some("h100".into()),
            ..ConvertRequest::default()
        };
        assert!(chip_alone.resolve().is_err(), "a chip needs its quantity");
    }
}
