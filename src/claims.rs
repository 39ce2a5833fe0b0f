//! Public claims checked against the data. Each claim of `data/claims.toml` asserts something in
//! machine terms (a threshold's size, a tier's count, a date, a deal); this module computes, from
//! the regimes, groups and catalog, whether it holds and what the right figure is. The verdict
//! follows from typed findings, never from words; [`crate::explain`] words both.

use crate::chip::Chip;
use crate::convert::{self, Threshold};
use crate::country;
use crate::data::{CLAIMS, CLASSIFICATION, ORIGIN};
use crate::date::Date;
use crate::decimal::Dec;
use crate::error::Error;
use crate::eval::{self, Tier};
use crate::model::{Assertion, Cite, Claim, Regime};
use crate::regime::{self, Choice};
use crate::vocab::{ClaimUnit, DateEvent, Measure};

/// How far a claim holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The figure, date or grouping is right, and so is what it is said to count.
    Accurate,
    /// The figure is right but something said of it is not (what it counts, its unit), or the
    /// rule it describes was set aside before the date it names.
    PartlyAccurate,
    /// The figure, date or grouping is wrong.
    Inaccurate,
    /// The data cannot check it (a license that is not public).
    Unverifiable,
}

impl Verdict {
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Accurate => "accurate",
            Verdict::PartlyAccurate => "partly-accurate",
            Verdict::Inaccurate => "inaccurate",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// What the engine found, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// The claimed figure is the data's, exactly or as rounded.
    FigureMatches,
    /// The claimed figure is not the data's.
    FigureOff,
    /// The claim counts the figure per `claimed`; the rule counts it per `actual`.
    MeasureDiffers {
        /// What the claim says.
        claimed: Measure,
        /// What the rule counts.
        actual: Measure,
    },
    /// The claim counts chips; the rule counts TPP, so chips newer than the H100 use it faster.
    CountsChips,
    /// The regime is a reported proposal or draft, never adopted.
    Hypothetical,
    /// The places are all in one tier.
    SameTier,
    /// They are not.
    DifferentTiers,
    /// They are in one tier, but not the one claimed.
    OtherTier,
    /// The rule was set aside before the claimed day, on this day.
    SetAsideBefore(Date),
    /// A deal under licenses that are not public: the engine sets it against the rules only.
    LicensesNotPublic,
}

/// One cap a deal is set against.
#[derive(Clone, Debug)]
pub struct DealCap {
    /// The threshold.
    pub threshold: Threshold,
    /// The destination's tier under the threshold's regime.
    pub tier: Option<Tier>,
    /// The deal's TPP is above the cap (catalog reading of the chip).
    pub exceeds: bool,
    /// Whether it is above under each TPP reading of the chip, when the sources disagree.
    pub by_reading: Vec<(&'static str, bool)>,
}

/// The right figure, computed from the data.
#[derive(Clone, Debug)]
pub enum Figure {
    /// A threshold's line.
    Threshold(Box<Threshold>),
    /// How many places a tier holds, counted as maps count them in their own right.
    TierCount {
        /// The regime.
        regime: &'static Regime,
        /// Which tier.
        tier: Tier,
        /// How many.
        count: u64,
    },
    /// Each place's tier.
    Tiers {
        /// The regime.
        regime: &'static Regime,
        /// Code and tier.
        tiers: Vec<(&'static str, Option<Tier>)>,
    },
    /// A regime's date.
    Date {
        /// The regime.
        regime: &'static Regime,
        /// Which event.
        event: DateEvent,
        /// The day.
        date: Date,
    },
    /// A deal in TPP and against each cap.
    Deal {
        /// The chip's catalog id.
        chip: &'static str,
        /// How many.
        quantity: u64,
        /// Total TPP at the catalog reading.
        tpp: Dec,
        /// Each cap.
        caps: Vec<DealCap>,
    },
}

/// A claim checked.
#[derive(Clone, Debug)]
pub struct Check {
    /// The claim.
    pub claim: &'static Claim,
    /// The verdict.
    pub verdict: Verdict,
    /// Why.
    pub findings: Vec<Finding>,
    /// The right figure.
    pub figure: Figure,
    /// Where the right figure is stated.
    pub cite: &'static Cite,
}

/// Every claim of the data, checked.
pub fn all() -> Result<Vec<Check>, Error> {
    CLAIMS.iter().map(check).collect()
}

/// A regime by id (the build checks every claim's ids).
fn regime_of(id: &str) -> Result<(&'static Regime, Date), Error> {
    let s = regime::select(&Choice::Id(id.into()))?;
    Ok((s.regime, s.date))
}

/// True when `actual` is what `claimed` says: equal, or for an approximate figure, within half
/// the claimed figure's last non-zero place ("about 1,700" holds 1,650 to 1,750). Both in TPP,
/// `unit` being the TPP of one claimed unit.
pub fn figure_matches(claimed: Dec, unit: Dec, approx: bool, actual: Dec) -> bool {
    let place = if approx {
        let zeros = claimed.milli().trailing_zeros_decimal();
        10u64.checked_pow(zeros).map_or(0, |p| p / 2)
    } else {
        0
    };
    let (Some(c), Some(tol)) = (
        claimed.checked_mul(unit),
        Dec::from_milli(place).checked_mul(unit),
    ) else {
        return false;
    };
    let diff = c
        .max(actual)
        .checked_sub(c.min(actual))
        .unwrap_or(Dec::ZERO);
    diff <= tol
}

/// Trailing decimal zeros of an integer.
trait TrailingZeros {
    fn trailing_zeros_decimal(self) -> u32;
}

impl TrailingZeros for u64 {
    fn trailing_zeros_decimal(self) -> u32 {
        let mut n = self;
        let mut z = 0;
        while n != 0 && n % 10 == 0 {
            n /= 10;
            z += 1;
        }
        z
    }
}

/// Checks one claim.
pub fn check(claim: &'static Claim) -> Result<Check, Error> {
    match &claim.asserts {
        Assertion::Threshold {
            regime,
            threshold,
            figure,
            unit,
            measure,
            approx,
        } => {
            let t = convert::find(&format!("{regime}.{threshold}"))?;
            let one = match unit {
                ClaimUnit::Tpp => Dec::from_int(1),
                ClaimUnit::H100e | ClaimUnit::Chips => CLASSIFICATION.h100_tpp.value,
            };
            let mut findings = vec![if figure_matches(*figure, one, *approx, t.tpp) {
                Finding::FigureMatches
            } else {
                Finding::FigureOff
            }];
            if let Some(m) = measure.filter(|m| *m != t.measure) {
                findings.push(Finding::MeasureDiffers {
                    claimed: m,
                    actual: t.measure,
                });
            }
            if *unit == ClaimUnit::Chips {
                findings.push(Finding::CountsChips);
            }
            if t.regime().is_some_and(|r| r.hypothetical) {
                findings.push(Finding::Hypothetical);
            }
            Ok(finish(
                claim,
                findings,
                t.cite,
                Figure::Threshold(Box::new(t)),
            ))
        }
        Assertion::TierCount {
            regime,
            tier,
            count,
            approx,
        } => tier_count(claim, regime, *tier, *count, *approx),
        Assertion::SameTier {
            regime,
            countries,
            tier,
        } => same_tier(claim, regime, countries, *tier),
        Assertion::Date {
            regime,
            event,
            date,
        } => date_claim(claim, regime, *event, *date),
        Assertion::Deal {
            chip,
            quantity,
            destination,
            caps,
        } => deal(claim, chip, *quantity, destination, caps),
    }
}

/// The verdict that follows from the findings.
fn finish(
    claim: &'static Claim,
    findings: Vec<Finding>,
    cite: &'static Cite,
    figure: Figure,
) -> Check {
    let has = |f: &dyn Fn(&Finding) -> bool| findings.iter().any(f);
    let verdict = if has(&|f| matches!(f, Finding::LicensesNotPublic)) {
        Verdict::Unverifiable
    } else if has(&|f| {
        matches!(
            f,
            Finding::FigureOff | Finding::DifferentTiers | Finding::OtherTier
        )
    }) {
        Verdict::Inaccurate
    } else if has(&|f| {
        matches!(
            f,
            Finding::MeasureDiffers { .. } | Finding::CountsChips | Finding::SetAsideBefore(_)
        )
    }) {
        Verdict::PartlyAccurate
    } else {
        Verdict::Accurate
    };
    Check {
        claim,
        verdict,
        findings,
        figure,
        cite,
    }
}

/// Places in a tier, counted as maps count them: in their own right (not the exporting country,
/// not places treated as part of another, not Antarctica).
fn tier_count(
    claim: &'static Claim,
    id: &str,
    tier: u8,
    count: u64,
    approx: bool,
) -> Result<Check, Error> {
    let (r, date) = regime_of(id)?;
    let members: Vec<_> = eval::destinations(r, date)
        .into_iter()
        .filter(|d| d.tier.map(Tier::number) == Some(tier))
        .filter(|d| {
            d.country.code() != ORIGIN && d.treated_as.is_none() && d.country.uncounted().is_none()
        })
        .collect();
    let n = u64::try_from(members.len()).unwrap_or(u64::MAX);
    let finding = if figure_matches(
        Dec::from_int(count),
        Dec::from_int(1),
        approx,
        Dec::from_int(n),
    ) {
        Finding::FigureMatches
    } else {
        Finding::FigureOff
    };
    let t = r.tiers.as_ref();
    let (which, cite) = match tier {
        1 => (Tier::One, t.map(|t| t.tier1.cite)),
        3 => (Tier::Three, t.map(|t| t.tier3.cite)),
        _ => (Tier::Two, t.map(|t| t.tier2_cite)),
    };
    let figure = Figure::TierCount {
        regime: r,
        tier: which,
        count: n,
    };
    Ok(finish(claim, vec![finding], cite.unwrap_or(r.cite), figure))
}

fn same_tier(
    claim: &'static Claim,
    id: &str,
    codes: &[&'static str],
    tier: Option<u8>,
) -> Result<Check, Error> {
    let (r, date) = regime_of(id)?;
    let tiers: Vec<(&'static str, Option<Tier>)> = codes
        .iter()
        .map(|c| {
            let code = country::by_code(c).map_or(*c, |k| country::treated_as(k.code()).0);
            (*c, eval::tier_of(r, code, date).map(|t| t.0))
        })
        .collect();
    let first = tiers.first().and_then(|t| t.1);
    let finding = if tiers.iter().any(|t| t.1 != first) || first.is_none() {
        Finding::DifferentTiers
    } else if tier.is_some_and(|t| first.map(Tier::number) != Some(t)) {
        Finding::OtherTier
    } else {
        Finding::SameTier
    };
    let cite = match (first, r.tiers.as_ref()) {
        (Some(Tier::One), Some(t)) => t.tier1.cite,
        (Some(Tier::Three), Some(t)) => t.tier3.cite,
        (_, Some(t)) => t.tier2_cite,
        (_, None) => r.cite,
    };
    Ok(finish(
        claim,
        vec![finding],
        cite,
        Figure::Tiers { regime: r, tiers },
    ))
}

fn date_claim(
    claim: &'static Claim,
    id: &str,
    event: DateEvent,
    claimed: Date,
) -> Result<Check, Error> {
    let (r, _) = regime_of(id)?;
    let (date, cite) = match (event, &r.compliance) {
        (DateEvent::Compliance, Some(c)) => (c.date, c.cite),
        _ => (r.effective, r.cite),
    };
    let mut findings = vec![if date == claimed {
        Finding::FigureMatches
    } else {
        Finding::FigureOff
    }];
    // The real regime that followed, if it took effect before the day the claim names.
    let next = regime::all()
        .iter()
        .filter(|o| o.in_succession() && o.effective > r.effective)
        .map(|o| o.effective)
        .min();
    if let Some(d) = next.filter(|d| r.in_succession() && *d <= date) {
        findings.push(Finding::SetAsideBefore(d));
    }
    let figure = Figure::Date {
        regime: r,
        event,
        date,
    };
    Ok(finish(claim, findings, cite, figure))
}

fn deal(
    claim: &'static Claim,
    chip_id: &str,
    quantity: u64,
    destination: &str,
    caps: &[&str],
) -> Result<Check, Error> {
    let entry = crate::chip::find(chip_id)?;
    let c = Chip::Catalog(entry);
    let unit = c
        .metrics()?
        .tpp
        .ok_or(Error::NoThroughput { chip: entry.id() })?;
    let total = |t: Dec| t.checked_mul_int(quantity);
    let tpp = total(unit).ok_or(Error::TooLarge {
        field: crate::error::Field::Quantity,
        what: "the deal's TPP",
    })?;
    let readings = c.tpp_readings_from(Some(unit));
    let code = country::treated_as(country::by_code(destination).map_or("", |k| k.code())).0;
    let mut out = Vec::new();
    let mut cite = None;
    for id in caps {
        let t = convert::find(id)?;
        // Country allocations are exceeded only above their line (`Bound::UpTo`).
        let above = |x: Dec| x > t.tpp;
        let tier = t
            .regime()
            .and_then(|r| eval::tier_of(r, code, r.as_of).map(|x| x.0));
        cite = cite.or(Some(t.cite));
        out.push(DealCap {
            exceeds: above(tpp),
            by_reading: readings
                .iter()
                .filter_map(|(rid, x)| total(*x).map(|x| (*rid, above(x))))
                .collect(),
            tier,
            threshold: t,
        });
    }
    let figure = Figure::Deal {
        chip: entry.id(),
        quantity,
        tpp,
        caps: out,
    };
    let cite = cite.unwrap_or(CLASSIFICATION.tpp_cite);
    Ok(finish(
        claim,
        vec![Finding::LicensesNotPublic],
        cite,
        figure,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_figure_holds_within_half_its_last_place() {
        let one = Dec::from_int(1);
        let n = |x: u64| Dec::from_int(x);
        // "about 1,700": 1,650 to 1,750.
        assert!(figure_matches(n(1700), one, true, n(1750)));
        assert!(!figure_matches(n(1700), one, true, n(1751)));
        assert!(figure_matches(
            n(1700),
            one,
            true,
            Dec::from_milli(1_699_100)
        ));
        // An exact figure must be exact.
        assert!(!figure_matches(
            n(1700),
            one,
            false,
            Dec::from_milli(1_699_100)
        ));
        assert!(figure_matches(n(18), one, false, n(18)));
        // "about 120": 115 to 125.
        assert!(!figure_matches(n(120), one, true, n(126)));
    }
}
