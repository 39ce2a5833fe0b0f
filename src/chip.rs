//! Chip metrics: TPP, performance density, ECCN 3A090 class and H100-equivalents, for catalog
//! entries and for specs a person types, by one code path so both always agree.

use std::cmp::Ordering;

use crate::data::{CHIPS, CLASSIFICATION};
use crate::decimal::{Dec, MAX_EXACT_MILLI};
use crate::error::{Error, Field};
use crate::model::{ChipEntry, Cite, Datacenter};
use crate::text::join;
use crate::text::{closest, squash};
use crate::vocab::StatedClass;

/// Largest dense TOPS accepted for one precision of a typed chip: far above any real accelerator
/// (a Cerebras wafer is about 125,000 dense FP16 TFLOPS), low enough that every product stays exact.
const MAX_TOPS: u64 = 10_000_000;
/// Largest applicable die area accepted, in mm²: a whole 300 mm wafer is about 70,700 mm².
const MAX_DIE_AREA: u64 = 100_000;
/// Largest DRAM bandwidth accepted, in GB/s (on-wafer SRAM reaches about 21,000,000).
const MAX_BANDWIDTH: u64 = 1_000_000_000;
/// Widest bit length accepted: the widest MAC format on any accelerator is FP64.
const MAX_BITS: u32 = 64;

/// Specs a person typed for a chip not in the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomSpec {
    /// (bit length, dense TOPS or TFLOPS) pairs.
    pub precisions: Vec<(u32, Dec)>,
    /// Applicable die area in mm², if known.
    pub die_area: Option<Dec>,
    /// Designed or marketed for datacenters.
    pub datacenter: bool,
    /// Total DRAM bandwidth in GB/s, if known.
    pub dram_bandwidth: Option<Dec>,
}

impl CustomSpec {
    /// Checks typed specs. `tops` and `bits` pair up by position.
    pub fn parse(
        tops: &[String],
        bits: &[String],
        die_area: Option<&str>,
        non_datacenter: bool,
        dram_bandwidth: Option<&str>,
    ) -> Result<CustomSpec, Error> {
        if tops.is_empty() || tops.len() != bits.len() {
            return Err(Error::BadNumber {
                field: Field::CustomChip,
                input: format!(
                    "{} dense TOPS {}, {} bit {}",
                    tops.len(),
                    if tops.len() == 1 { "figure" } else { "figures" },
                    bits.len(),
                    if bits.len() == 1 { "length" } else { "lengths" }
                ),
                reason:
                    "give each dense TOPS figure with its bit length, as pairs (1979 at 8 bits)"
                        .into(),
            });
        }
        let mut precisions = Vec::new();
        for (t, b) in tops.iter().zip(bits) {
            let tops = positive(
                Field::Tops,
                t,
                MAX_TOPS,
                "dense TOPS or TFLOPS, e.g. 1979 (sparse figures halved)",
            )?;
            let bits = parse_bits(b)?;
            precisions.push((bits, tops));
        }
        // An optional figure left empty is not given, as an empty prior TPP is zero.
        let die_area = die_area
            .filter(|s| !s.trim().is_empty())
            .map(|a| {
                positive(
                    Field::DieArea,
                    a,
                    MAX_DIE_AREA,
                    "the applicable die area in mm², e.g. 814",
                )
            })
            .transpose()?;
        let dram_bandwidth = dram_bandwidth
            .filter(|s| !s.trim().is_empty())
            .map(|a| {
                positive(
                    Field::DramBandwidth,
                    a,
                    MAX_BANDWIDTH,
                    "total DRAM bandwidth in GB/s, e.g. 4800",
                )
            })
            .transpose()?;
        Ok(CustomSpec {
            precisions,
            die_area,
            datacenter: !non_datacenter,
            dram_bandwidth,
        })
    }
}

fn parse_bits(text: &str) -> Result<u32, Error> {
    let bad = |reason: &str| Error::BadNumber {
        field: Field::Bits,
        input: text.to_string(),
        reason: reason.to_string(),
    };
    let t = text.trim();
    if t.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()) {
        return Err(bad(
            "it has digits other than 0-9; give a whole number of bits from 1 to 64 written with 0-9",
        ));
    }
    // An empty text has no non-digit and fails to parse below, with the same message.
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad(
            "give a whole number of bits from 1 to 64, e.g. 8 for FP8 or INT8",
        ));
    }
    match t.parse::<u32>() {
        Ok(b) if (1..=MAX_BITS).contains(&b) => Ok(b),
        _ => Err(bad(
            "give a whole number of bits from 1 to 64, e.g. 8 for FP8 or INT8",
        )),
    }
}

/// Parses a strictly positive decimal no larger than `max`.
fn positive(field: Field, text: &str, max: u64, what: &str) -> Result<Dec, Error> {
    let bad = |reason: String| Error::BadNumber {
        field,
        input: text.to_string(),
        reason,
    };
    let d = Dec::parse(text).map_err(|e| bad(format!("{e}; give {what}")))?;
    if d.is_zero() {
        return Err(bad(format!("it must be more than zero; give {what}")));
    }
    if d > Dec::from_int(max) {
        return Err(bad(format!(
            "it is larger than any real chip (at most {}); give {what}",
            Dec::from_int(max).grouped()
        )));
    }
    Ok(d)
}

/// A chip to measure: from the catalog or typed.
#[derive(Clone, Debug)]
pub enum Chip {
    /// A catalog entry.
    Catalog(&'static ChipEntry),
    /// Typed specs.
    Custom(CustomSpec),
}

/// The ECCN 3A090 class and the paragraph that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// 3A090.a.1: TPP ≥ 4,800.
    A1,
    /// 3A090.a.2: TPP ≥ 1,600 and PD ≥ 5.92.
    A2,
    /// 3A090.b.1: 2,400 ≤ TPP < 4,800 and 1.6 ≤ PD < 5.92.
    B1,
    /// 3A090.b.2: TPP ≥ 1,600 and 3.2 ≤ PD < 5.92.
    B2,
    /// Below every line.
    NotControlled,
    /// Not designed for datacenters and TPP below 4,800 (Note to 3A090).
    NonDatacenterExcluded,
}

impl Class {
    /// `3A090.a`, `3A090.b` or `not 3A090`.
    pub fn eccn(self) -> &'static str {
        match self {
            Class::A1 | Class::A2 => "3A090.a",
            Class::B1 | Class::B2 => "3A090.b",
            Class::NotControlled | Class::NonDatacenterExcluded => "not 3A090",
        }
    }

    /// The deciding paragraph, e.g. `3A090.a.1`, or `None` outside 3A090.
    pub fn paragraph(self) -> Option<&'static str> {
        match self {
            Class::A1 => Some("3A090.a.1"),
            Class::A2 => Some("3A090.a.2"),
            Class::B1 => Some("3A090.b.1"),
            Class::B2 => Some("3A090.b.2"),
            Class::NotControlled | Class::NonDatacenterExcluded => None,
        }
    }

    /// True for 3A090.a.
    pub fn is_a(self) -> bool {
        matches!(self, Class::A1 | Class::A2)
    }

    /// True for 3A090.a or .b.
    pub fn is_controlled(self) -> bool {
        matches!(self, Class::A1 | Class::A2 | Class::B1 | Class::B2)
    }
}

/// What the engine derives about a chip.
#[derive(Clone, Debug)]
pub struct Metrics {
    /// TPP, exact. `None` only for catalog chips with no published throughput.
    pub tpp: Option<Dec>,
    /// The precisions that reach the maximum, e.g. `FP8 1,979 × 8`.
    pub tpp_basis: Vec<String>,
    /// Applicable die area used for PD.
    pub die_area: Option<Dec>,
    /// The 3A090 class, or the class the research states for chips with no throughput.
    pub class: Option<Class>,
    /// The class the research states for a chip with no published throughput.
    pub stated_class: Option<StatedClass>,
    /// Why the class is what it is.
    pub class_basis: ClassBasis,
    /// Where the deciding threshold is stated.
    pub class_cite: &'static Cite,
    /// Datacenter status.
    pub datacenter: Datacenter,
}

impl Metrics {
    /// True when an order of this chip can be answered: its class is known from its TPP, or the
    /// research states it is outside 3A090 (so no cap needs its TPP).
    pub fn answerable(&self) -> bool {
        self.class.is_some() || self.stated_class == Some(StatedClass::NotControlled)
    }

    /// PD = TPP ÷ die area, rounded to 3 decimals for display. `None` if either is unknown.
    pub fn performance_density(&self) -> Option<f64> {
        self.tpp?.ratio_rounded(self.die_area?, 3)
    }

    /// H100-equivalents = TPP ÷ 15,832, rounded to 4 decimals for display.
    pub fn h100e(&self) -> Option<f64> {
        self.tpp?.ratio_rounded(CLASSIFICATION.h100_tpp.value, 4)
    }
}

impl Chip {
    /// Catalog id, or `custom`.
    pub fn id(&self) -> &'static str {
        match self {
            Chip::Catalog(e) => e.id(),
            Chip::Custom(_) => "custom",
        }
    }

    /// Display name.
    pub fn name(&self) -> String {
        match self {
            Chip::Catalog(e) => format!("{} {} {}", e.vendor(), e.model(), e.variant()),
            Chip::Custom(s) => {
                let parts: Vec<String> = s
                    .precisions
                    .iter()
                    .map(|(b, t)| format!("{} TOPS at {b} bits", t.grouped()))
                    .collect();
                format!("Custom chip ({})", join(&parts, ", "))
            }
        }
    }

    /// Total DRAM bandwidth, GB/s.
    pub fn dram_bandwidth(&self) -> Option<Dec> {
        match self {
            Chip::Catalog(e) => e.dram_bandwidth,
            Chip::Custom(s) => s.dram_bandwidth,
        }
    }

    /// TPP, PD, class and H100-equivalents.
    pub fn metrics(&self) -> Result<Metrics, Error> {
        let (pairs, die_area, datacenter): (Vec<(String, u32, Dec)>, Option<Dec>, Datacenter) =
            match self {
                Chip::Catalog(e) => (
                    e.precisions
                        .iter()
                        .map(|p| (p.format.to_string(), p.bits, p.dense))
                        .collect(),
                    e.die_area,
                    e.datacenter,
                ),
                Chip::Custom(s) => (
                    s.precisions
                        .iter()
                        .map(|(b, t)| (format!("{b}-bit"), *b, *t))
                        .collect(),
                    s.die_area,
                    if s.datacenter {
                        Datacenter::Yes
                    } else {
                        Datacenter::No
                    },
                ),
            };
        if pairs.is_empty() {
            let stated = match self {
                Chip::Catalog(e) => e.stated_class,
                Chip::Custom(_) => None,
            };
            return Ok(Metrics {
                tpp: None,
                tpp_basis: Vec::new(),
                die_area,
                class: None,
                stated_class: stated,
                class_basis: ClassBasis::Stated(stated),
                class_cite: CLASSIFICATION.a1_tpp.cite,
                datacenter,
            });
        }
        let (tpp, basis) = tpp_of(&pairs)?;
        let (class, class_basis, class_cite) = classify(tpp, die_area, datacenter)?;
        Ok(Metrics {
            tpp: Some(tpp),
            tpp_basis: basis,
            die_area,
            class: Some(class),
            stated_class: None,
            class_basis,
            class_cite,
            datacenter,
        })
    }

    /// The TPP readings the sources support, by id: `catalog` (the figure from the catalog's
    /// precisions), then `low` and `high` where the chip's range differs from it. One entry for
    /// chips the sources agree on.
    pub fn tpp_readings(&self) -> Result<Vec<(&'static str, Dec)>, Error> {
        Ok(self.tpp_readings_from(self.metrics()?.tpp))
    }

    /// The same, from the catalog metrics' TPP, measured once by the caller.
    pub fn tpp_readings_from(&self, catalog_tpp: Option<Dec>) -> Vec<(&'static str, Dec)> {
        let Some(tpp) = catalog_tpp else {
            return Vec::new();
        };
        let mut out = vec![("catalog", tpp)];
        if let Chip::Catalog(ChipEntry {
            tpp_range: Some((low, high)),
            ..
        }) = self
        {
            out.extend(
                [("low", *low), ("high", *high)]
                    .into_iter()
                    .filter(|r| r.1 != tpp),
            );
        }
        out
    }

    /// The metrics under one TPP reading (see [`Chip::tpp_readings`]): the class follows the
    /// reading's TPP; an unknown reading id gives the catalog metrics.
    pub fn metrics_reading(&self, reading: &str) -> Result<Metrics, Error> {
        self.reading_metrics(self.metrics()?, reading)
    }

    /// The metrics under one TPP reading, from the catalog metrics `m` measured once.
    pub fn reading_metrics(&self, m: Metrics, reading: &str) -> Result<Metrics, Error> {
        let alt = self
            .tpp_readings_from(m.tpp)
            .into_iter()
            .find(|r| r.0 == reading && r.0 != "catalog");
        let Some((_, tpp)) = alt else {
            return Ok(m);
        };
        let (class, class_basis, class_cite) = classify(tpp, m.die_area, m.datacenter)?;
        Ok(Metrics {
            tpp: Some(tpp),
            tpp_basis: vec![format!(
                "{} on the sources' {reading} reading",
                tpp.grouped()
            )],
            class: Some(class),
            class_basis,
            class_cite,
            ..m
        })
    }
}

/// TPP = max over precisions of dense TOPS × bit length (Technical Notes 1-3 to 3A090), with the
/// precisions that reach it.
fn tpp_of(pairs: &[(String, u32, Dec)]) -> Result<(Dec, Vec<String>), Error> {
    let mut best = Dec::ZERO;
    let mut basis = Vec::new();
    for (format, bits, dense) in pairs {
        let tpp = dense
            .checked_mul_int(u64::from(*bits))
            .ok_or(Error::TooLarge {
                field: Field::Tops,
                what: "the chip's TPP",
            })?;
        let label = format!("{format} {} × {bits}", dense.grouped());
        match tpp.cmp(&best) {
            Ordering::Greater => {
                best = tpp;
                basis = vec![label];
            }
            Ordering::Equal => basis.push(label),
            Ordering::Less => {}
        }
    }
    if best.milli() > MAX_EXACT_MILLI {
        return Err(Error::TooLarge {
            field: Field::Tops,
            what: "the chip's TPP",
        });
    }
    Ok((best, basis))
}

/// Why a chip has its class: the deciding comparison with the numbers it compared, as data.
/// [`crate::explain`] words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClassBasis {
    /// Not a datacenter part and TPP below the Note to 3A090's line.
    NonDatacenterBelow {
        /// The chip's TPP.
        tpp: Dec,
        /// The Note's line.
        line: Dec,
    },
    /// TPP at or above the 3A090.a.1 line.
    A1 {
        /// The chip's TPP.
        tpp: Dec,
        /// The line.
        line: Dec,
    },
    /// TPP below the lowest line of 3A090.a and .b.
    BelowEveryLine {
        /// The chip's TPP.
        tpp: Dec,
        /// The lowest line.
        line: Dec,
    },
    /// A TPP between the lines, decided by performance density (TPP ÷ die area).
    ByDensity {
        /// The class it gave.
        class: Class,
        /// The chip's TPP.
        tpp: Dec,
        /// The applicable die area, mm².
        area: Dec,
    },
    /// No throughput published: the class the research states.
    Stated(Option<StatedClass>),
}

/// The 3A090 class from TPP, die area and datacenter status, with the comparison that decided it
/// and where its line is stated.
pub fn classify(
    tpp: Dec,
    die_area: Option<Dec>,
    datacenter: Datacenter,
) -> Result<(Class, ClassBasis, &'static Cite), Error> {
    let c = &CLASSIFICATION;
    if datacenter == Datacenter::No && tpp < c.non_datacenter_tpp.value {
        let line = c.non_datacenter_tpp.value;
        let basis = ClassBasis::NonDatacenterBelow { tpp, line };
        return Ok((
            Class::NonDatacenterExcluded,
            basis,
            c.non_datacenter_tpp.cite,
        ));
    }
    if tpp >= c.a1_tpp.value {
        let basis = ClassBasis::A1 {
            tpp,
            line: c.a1_tpp.value,
        };
        return Ok((Class::A1, basis, c.a1_tpp.cite));
    }
    let lowest = c.a2_tpp.value.min(c.b2_tpp.value);
    if tpp < lowest {
        let basis = ClassBasis::BelowEveryLine { tpp, line: lowest };
        return Ok((Class::NotControlled, basis, c.a2_tpp.cite));
    }
    let Some(area) = die_area else {
        return Err(Error::NeedsDieArea { tpp: tpp.grouped() });
    };
    let pd_at_least = |line: Dec| {
        tpp.ratio_cmp(area, line)
            .is_some_and(|o| o != Ordering::Less)
    };
    let (class, cite) = if tpp >= c.a2_tpp.value && pd_at_least(c.a2_pd.value) {
        (Class::A2, c.a2_pd.cite)
    } else if tpp >= c.b1_tpp_min.value && pd_at_least(c.b1_pd_min.value) {
        (Class::B1, c.b1_pd_min.cite)
    } else if tpp >= c.b2_tpp.value && pd_at_least(c.b2_pd_min.value) {
        (Class::B2, c.b2_pd_min.cite)
    } else {
        (Class::NotControlled, c.b2_pd_min.cite)
    };
    Ok((class, ClassBasis::ByDensity { class, tpp, area }, cite))
}

/// All catalog chips.
pub fn catalog() -> &'static [ChipEntry] {
    CHIPS
}

/// Resolves a catalog id, research id or common name, ignoring case, spaces and hyphens.
pub fn find(input: &str) -> Result<&'static ChipEntry, Error> {
    let key = squash(input);
    let hit = CHIPS.iter().find(|c| {
        squash(c.id()) == key || squash(c.csv_id()) == key || c.aliases().any(|a| squash(a) == key)
    });
    // The build refuses names that fold to nothing, so a blank input matches no chip.
    match hit {
        Some(c) => Ok(c),
        None => Err(Error::UnknownChip {
            input: input.to_string(),
            suggestions: closest(
                &key,
                CHIPS.iter().flat_map(|c| {
                    std::iter::once((squash(c.id()), c.id()))
                        .chain(c.aliases().map(|a| (squash(a), c.id())))
                }),
                3,
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_string()).collect()
    }

    fn spec(tops: &[&str], bits: &[&str]) -> Result<CustomSpec, Error> {
        CustomSpec::parse(&texts(tops), &texts(bits), None, false, None)
    }

    #[test]
    fn typed_specs_must_pair_tops_with_bits() {
        assert!(spec(&[], &[]).is_err(), "no figures at all");
        assert!(spec(&["1979"], &[]).is_err(), "a figure without its bits");
        assert!(
            spec(&["1979", "989"], &["8"]).is_err(),
            "one bit length short"
        );
        assert!(spec(&["1979"], &["8"]).is_ok());
    }

    #[test]
    fn bit_lengths_are_whole_numbers_from_1_to_64() {
        for bad in ["", "8a", "0", "65", "-8", "8.0"] {
            assert!(parse_bits(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_bits(" 64 "), Ok(64));
        assert_eq!(parse_bits("1"), Ok(1));
    }

    #[test]
    fn typed_figures_may_reach_their_bound_but_not_pass_it() {
        let max = MAX_TOPS.to_string();
        assert!(positive(Field::Tops, &max, MAX_TOPS, "x").is_ok());
        let over = format!("{MAX_TOPS}.001");
        assert!(positive(Field::Tops, &over, MAX_TOPS, "x").is_err());
        assert!(positive(Field::Tops, "0", MAX_TOPS, "x").is_err());
    }

    #[test]
    fn tpp_is_refused_only_beyond_the_exact_range() {
        // 999,999,999,999.999 is the largest exact TPP: reached, it is kept; passed, refused.
        let at = Dec::from_milli(MAX_EXACT_MILLI);
        assert_eq!(tpp_of(&[("x".into(), 1, at)]).map(|t| t.0), Ok(at));
        let over = Dec::from_milli(MAX_EXACT_MILLI + 1);
        assert!(tpp_of(&[("x".into(), 1, over)]).is_err());
        // Equal products are both named as the basis.
        let tie = tpp_of(&[
            ("FP8".into(), 8, Dec::from_int(10)),
            ("INT4".into(), 4, Dec::from_int(20)),
        ]);
        assert_eq!(tie.map(|t| t.1.len()), Ok(2));
    }

    #[test]
    fn names_and_h100_equivalents_of_typed_and_catalog_chips() {
        let h100 = Chip::Catalog(find("H100").expect("catalog"));
        assert_eq!(h100.name(), "NVIDIA H100 SXM5 80GB");
        // Technical Note example: 300 TFLOPS at 16 bits is TPP 4,800, 4,800 / 15,832 H100s.
        let c = Chip::Custom(spec(&["300"], &["16"]).expect("valid"));
        assert_eq!(c.name(), "Custom chip (300 TOPS at 16 bits)");
        assert_eq!(c.metrics().ok().and_then(|m| m.h100e()), Some(0.3032));
    }

    #[test]
    fn an_empty_chip_name_finds_nothing() {
        assert!(find("").is_err());
        assert!(find(" - ").is_err());
    }
}
