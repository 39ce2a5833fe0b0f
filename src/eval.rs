//! Evaluating an order under a regime: tier, license requirement, every exception considered,
//! caps and headroom, review policy, and the cited steps that led there.
//!
//! The order of reasoning follows the rules: classify the chip (part 774), place the destination
//! and the buyer's headquarters (country groups, tiers), decide whether a license requirement
//! applies (§742.6, §744.23, is-informed letters), then try each exception (part 740, §748.15)
//! and, if none applies, give the review policy.

use crate::chip::{Chip, Class, Metrics};
use crate::country;
use crate::data::{CLASSIFICATION, ORIGIN};
use crate::date::Date;
use crate::decimal::{group_digits, Dec, MAX_EXACT_MILLI};
use crate::error::Error;
use crate::model::{ChipSource, Cite, Country, Datacenter, Place, Regime};
use crate::place;
use crate::query::{EndUser, Query};
use crate::vocab::{ReviewPolicy, StatedClass};

/// A tier of the AI Diffusion rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Supplement no. 5(a) to part 740 (and the US).
    One,
    /// Everyone else.
    Two,
    /// Macau and Country Group D:5.
    Three,
}

impl Tier {
    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Tier::One => 1,
            Tier::Two => 2,
            Tier::Three => 3,
        }
    }
}

/// The tier of `code` (mapped through "treated as") under `regime` on `date`, or `None` if the
/// regime has no tiers.
pub fn tier_of(regime: &Regime, code: &str, date: Date) -> Option<(Tier, &'static Cite)> {
    let t = regime.tiers.as_ref()?;
    if place::contains(&t.tier3, code, date) {
        Some((Tier::Three, t.tier3.cite))
    } else if place::contains(&t.tier1, code, date) {
        Some((Tier::One, t.tier1.cite))
    } else {
        Some((Tier::Two, t.tier2_cite))
    }
}

/// A license exception or authorization the engine considered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExceptionId {
    /// License Exception AIA (§740.27).
    Aia,
    /// License Exception LPP (§740.29) or the proposal's smaller threshold.
    Lpp,
    /// License Exception NAC (§740.8(a)).
    Nac,
    /// License Exception ACA (§740.8(b)).
    Aca,
    /// Universal validated end user (§748.15).
    Uveu,
    /// National validated end user (§748.15).
    Nveu,
    /// The January 2026 case-by-case review band for China and Macau (91 FR 1684).
    ChinaBand,
}

impl ExceptionId {
    /// The wire id.
    pub fn as_str(self) -> &'static str {
        match self {
            ExceptionId::Aia => "AIA",
            ExceptionId::Lpp => "LPP",
            ExceptionId::Nac => "NAC",
            ExceptionId::Aca => "ACA",
            ExceptionId::Uveu => "UVEU",
            ExceptionId::Nveu => "NVEU",
            ExceptionId::ChinaBand => "CASE-BY-CASE-2026",
        }
    }

    /// The name a reader sees.
    pub fn name(self) -> &'static str {
        match self {
            ExceptionId::Aia => "License Exception AIA (Artificial Intelligence Authorization)",
            ExceptionId::Lpp => "License Exception LPP (Low Processing Performance)",
            ExceptionId::Nac => "License Exception NAC (Notified Advanced Computing)",
            ExceptionId::Aca => "License Exception ACA (Advanced Computing Authorized)",
            ExceptionId::Uveu => "Universal Validated End User (data-center authorization)",
            ExceptionId::Nveu => "National Validated End User (data-center authorization)",
            ExceptionId::ChinaBand => {
                "January 2026 case-by-case review for H200-class chips to China and Macau"
            }
        }
    }
}

/// One exception, with whether it is available for this order and why.
#[derive(Clone, Debug)]
pub struct ExceptionCheck {
    /// Which.
    pub id: ExceptionId,
    /// Its name in this regime.
    pub name: String,
    /// Usable for this order.
    pub available: bool,
    /// The one the answer relies on.
    pub used: bool,
    /// Why, in plain words.
    pub reason: String,
    /// Where it is stated.
    pub cite: &'static Cite,
}

impl ExceptionCheck {
    /// A check with its verdict and reason.
    fn new(
        id: ExceptionId,
        (available, reason): (bool, String),
        cite: &'static Cite,
    ) -> ExceptionCheck {
        ExceptionCheck {
            id,
            name: id.name().into(),
            available,
            used: false,
            reason,
            cite,
        }
    }

    /// An exception the regime does not have.
    fn absent(id: ExceptionId, cite: &'static Cite) -> ExceptionCheck {
        let what = match id {
            ExceptionId::Uveu | ExceptionId::Nveu => "this authorization".to_string(),
            _ => format!("License Exception {}", id.as_str()),
        };
        ExceptionCheck::new(
            id,
            (false, format!("{what} does not exist under this regime")),
            cite,
        )
    }
}

/// A cap the order counts against, and what is left.
#[derive(Clone, Debug)]
pub struct CapUse {
    /// `LPP`, `country-allocation`, `NVEU` or `AIA-report`.
    pub id: &'static str,
    /// In words.
    pub name: String,
    /// The limit, TPP.
    pub limit: Dec,
    /// What counts against it, including this order, TPP.
    pub used: Dec,
    /// True if this order (with prior shipments) counts against it.
    pub counts: bool,
    /// Where the limit is stated.
    pub cite: &'static Cite,
    /// What the figure leaves out.
    pub note: Option<String>,
}

impl CapUse {
    /// `limit - used`, or `None` when over.
    pub fn headroom(&self) -> Option<Dec> {
        self.limit.checked_sub(self.used)
    }
}

/// The short outcome, for colouring a map and for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Shipments within the US are not exports.
    NotExport,
    /// The chip is not covered by these rules.
    NotControlled,
    /// No license requirement applies to this destination and buyer.
    NoLicenseRequired,
    /// A license requirement applies, but an exception or authorization covers the order.
    Exception(ExceptionId),
    /// A license is needed.
    LicenseRequired,
}

impl Outcome {
    /// The wire word.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::NotExport => "not-an-export",
            Outcome::NotControlled => "not-controlled",
            Outcome::NoLicenseRequired => "no-license-required",
            Outcome::Exception(_) => "license-exception",
            Outcome::LicenseRequired => "license-required",
        }
    }
}

/// One step of the explanation.
#[derive(Clone, Debug)]
pub struct Step {
    /// A plain-English sentence.
    pub text: String,
    /// Where it comes from.
    pub cite: &'static Cite,
    /// For statements about a catalog chip's figures: the chip's own source, shown instead.
    pub chip_source: Option<&'static ChipSource>,
}

/// The answer to a query.
#[derive(Clone, Debug)]
pub struct Verdict {
    /// The query, as checked.
    pub query: Query,
    /// Chip metrics.
    pub metrics: Metrics,
    /// TPP of the chips in this order; `None` when the chip's throughput is not published.
    pub order_tpp: Option<Dec>,
    /// Prior shipments plus this order; `None` when the order's TPP is unknown.
    pub cumulative_tpp: Option<Dec>,
    /// Tier of the destination.
    pub tier: Option<Tier>,
    /// Tier of the buyer's headquarters.
    pub hq_tier: Option<Tier>,
    /// The buyer's headquarters (the destination when not given).
    pub hq: &'static Country,
    /// Short outcome.
    pub outcome: Outcome,
    /// A license is needed.
    pub license_required: bool,
    /// Every exception considered.
    pub exceptions: Vec<ExceptionCheck>,
    /// The order counts against the destination's country allocation.
    pub counts_against_country_cap: bool,
    /// Caps and headroom.
    pub caps: Vec<CapUse>,
    /// How a license application would be reviewed.
    pub review_policy: Option<ReviewPolicy>,
    /// One sentence a reader can take away.
    pub headline: String,
    /// What a reader must know beside the headline (a rule never enforced, an unchecked chip).
    pub caveats: Vec<String>,
    /// The reasoning, in order.
    pub steps: Vec<Step>,
}

/// The explanation being written. When `on` is false (the map's outcome mode), steps are not
/// even formatted: the sentences are closures, called only when kept.
struct Explain {
    steps: Vec<Step>,
    on: bool,
}

impl Explain {
    fn push<T: Into<String>>(&mut self, text: impl FnOnce() -> T, cite: &'static Cite) {
        if self.on {
            self.steps.push(Step {
                text: text().into(),
                cite,
                chip_source: None,
            });
        }
    }

    /// A step about a catalog chip's figures, linked to the chip's own first source.
    fn push_chip(
        &mut self,
        text: impl FnOnce() -> String,
        cite: &'static Cite,
        src: Option<&'static ChipSource>,
    ) {
        if self.on {
            self.steps.push(Step {
                text: text(),
                cite,
                chip_source: src,
            });
        }
    }
}

fn list(groups: &[&str]) -> String {
    match groups {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn h100e(tpp: Dec) -> String {
    match tpp.ratio_rounded(CLASSIFICATION.h100_tpp.value, 1) {
        Some(v) => format!("about {} H100-equivalents", group_digits(&format!("{v}"))),
        None => "an uncountable number of H100-equivalents".into(),
    }
}

fn place_words(place: &Place) -> String {
    if place.worldwide {
        return "every destination".into();
    }
    let mut parts: Vec<String> = place
        .groups
        .iter()
        .map(|g| format!("Country Group {g}"))
        .collect();
    parts.extend(
        place
            .codes
            .iter()
            .map(|c| country::by_code(c).map_or((*c).to_string(), |k| k.name.to_string())),
    );
    let mut s = list(&parts.iter().map(String::as_str).collect::<Vec<_>>());
    if !place.exclude.is_empty() {
        s.push_str(&format!(" (except those also in {})", list(place.exclude)));
    }
    s
}

/// `format!` when the explanation is being written, an empty string when it is not.
macro_rules! why {
    ($on:expr, $($arg:tt)*) => {
        if $on { format!($($arg)*) } else { String::new() }
    };
}

/// The TPP figures of an order whose chip has a known TPP.
#[derive(Clone, Copy)]
struct Amounts {
    /// One chip.
    tpp: Dec,
    /// The order.
    order: Dec,
    /// Prior shipments plus the order.
    cumulative: Dec,
}

/// Multiplies out the order, exactly; an overflow is an error, never a wrapped number.
fn amounts_of(tpp: Dec, q: &Query) -> Result<Amounts, Error> {
    let order = tpp
        .checked_mul_int(q.quantity)
        .filter(|t| t.milli() <= MAX_EXACT_MILLI)
        .ok_or(Error::TooLarge {
            what: "the order's TPP",
        })?;
    let cumulative = q
        .prior_tpp
        .checked_add(order)
        .filter(|t| t.milli() <= MAX_EXACT_MILLI)
        .ok_or(Error::TooLarge {
            what: "prior shipments plus this order",
        })?;
    Ok(Amounts {
        tpp,
        order,
        cumulative,
    })
}

/// Evaluates an order. Fails only when the chip cannot be measured or a product overflows.
pub fn evaluate(q: &Query) -> Result<Verdict, Error> {
    evaluate_with(q, q.chip.metrics()?, true)
}

/// The same verdict without explanation steps, reasons or headline, for one order evaluated in
/// every destination at once; `metrics` are the chip's, measured once by the caller.
pub fn outcome(q: &Query, metrics: &Metrics) -> Result<Verdict, Error> {
    evaluate_with(q, metrics.clone(), false)
}

fn evaluate_with(q: &Query, metrics: Metrics, explain: bool) -> Result<Verdict, Error> {
    let r = q.selection.regime;
    let date = q.selection.date;
    let mut ex = Explain {
        steps: Vec::new(),
        on: explain,
    };

    // The rules that apply.
    let label = if r.hypothetical {
        " This regime is hypothetical."
    } else {
        ""
    };
    ex.push(
        || format!("Rules applied: {}.{label} {}", r.name, r.summary),
        r.cite,
    );
    for n in r.notes {
        ex.push(|| n.text, n.cite);
    }

    // The chip.
    let chip_name = q.chip.name();
    // A chip whose throughput is unpublished can still be answered when the research states it is
    // outside 3A090 (MI308X): only its own letters can require a license, and no cap needs its TPP.
    let class = match (metrics.class, metrics.stated_class) {
        (Some(c), _) => c,
        (None, Some(StatedClass::NotControlled)) => Class::NotControlled,
        _ => return Err(Error::NoThroughput { chip: q.chip.id() }),
    };
    let tpp = metrics.tpp;
    match tpp {
        Some(tpp) => ex.push(||
            format!(
                "The {chip_name} has a Total Processing Performance (TPP) of {}: the highest dense throughput × bit length over its precisions ({}).",
                tpp.grouped(),
                metrics.tpp_basis.join("; ")
            ),
            CLASSIFICATION.tpp_cite,
        ),
        None => ex.push(
            || format!("The {chip_name}'s dense throughput is not published, so its TPP is unknown; the research classes it as outside 3A090."),
            CLASSIFICATION.tpp_cite,
        ),
    }
    ex.push(
        || format!("ECCN class: {}. {}", class.eccn(), metrics.class_reason),
        metrics.class_cite,
    );
    if metrics.datacenter == Datacenter::Ambiguous {
        ex.push(||
            "This card is sold both as a workstation and a datacenter part; we treat it as designed for datacenters, the stricter reading, so License Exceptions NAC and ACA are not used for it.",
            CLASSIFICATION.non_datacenter_tpp.cite,
        );
    }
    if let Chip::Catalog(e) = &q.chip {
        if let Some(u) = e.uncertain {
            ex.push_chip(
                || format!("Uncertain in the chip data: {u}."),
                CLASSIFICATION.tpp_cite,
                e.sources.first(),
            );
        }
        for vn in r.vendor_notes.iter().filter(|v| v.vendor == e.vendor) {
            ex.push(|| vn.text, vn.cite);
        }
    }

    // The order.
    let amounts = match tpp {
        Some(t) => Some(amounts_of(t, q)?),
        None => None,
    };
    if let Some(a) = amounts {
        ex.push(
            || {
                format!(
                    "The order: {} × {} = {} TPP, {} (TPP ÷ {}, rounded for display).",
                    Dec::from_int(q.quantity).grouped(),
                    a.tpp.grouped(),
                    a.order.grouped(),
                    h100e(a.order),
                    CLASSIFICATION.h100_tpp.value.grouped()
                )
            },
            CLASSIFICATION.h100_tpp.cite,
        );
        if !q.prior_tpp.is_zero() {
            ex.push(||
                format!("With {} TPP already shipped to this buyer this calendar year, the total is {} TPP.", q.prior_tpp.grouped(), a.cumulative.grouped()),
                CLASSIFICATION.tpp_cite,
            );
        }
    }

    // Where it goes, and who buys.
    let dest = q.destination;
    let (dest_code, dest_treated) = country::treated_as(dest.code);
    if let Some(t) = dest_treated {
        let as_name = country::by_code(t.as_code).map_or(t.as_code, |c| c.name);
        ex.push(
            || {
                format!(
                "{} is treated as part of {as_name} under the Export Administration Regulations.",
                dest.name
            )
            },
            t.cite,
        );
    }
    let hq = q.hq.unwrap_or(dest);
    let (hq_code, _) = country::treated_as(hq.code);
    for c in std::iter::once(dest).chain(q.hq.filter(|h| h.code != dest.code)) {
        for n in country::notes(c.code) {
            ex.push(|| format!("{}: {}", c.name, n.text), n.cite);
        }
    }
    if q.hq.is_none() {
        ex.push(||
            format!("We assume the buyer is headquartered in {}; give the headquarters country if it is not (it matters for companies based in China, Macau or other D:5 countries, and for Tier 1).", dest.name),
            r.hq_rule.cite,
        );
    }
    let tier = tier_of(r, dest_code, date);
    let hq_tier = tier_of(r, hq_code, date);
    if let Some((t, cite)) = tier {
        ex.push(
            || format!("{} is in Tier {} of this regime.", dest.name, t.number()),
            cite,
        );
    }
    if let (Some((t, cite)), Some(_)) = (hq_tier, q.hq) {
        ex.push(
            || {
                format!(
                    "The buyer's headquarters, {}, is in Tier {}.",
                    hq.name,
                    t.number()
                )
            },
            cite,
        );
    }

    let mut v = Verdict {
        query: q.clone(),
        metrics,
        order_tpp: amounts.map(|a| a.order),
        cumulative_tpp: amounts.map(|a| a.cumulative),
        tier: tier.map(|t| t.0),
        hq_tier: hq_tier.map(|t| t.0),
        hq,
        outcome: Outcome::NoLicenseRequired,
        license_required: false,
        exceptions: Vec::new(),
        counts_against_country_cap: false,
        caps: Vec::new(),
        review_policy: None,
        headline: String::new(),
        caveats: r.caveat.map(String::from).into_iter().collect(),
        steps: Vec::new(),
    };

    // Not an export at all.
    if dest_code == ORIGIN {
        v.outcome = Outcome::NotExport;
        ex.push(||
            "A sale inside the United States is not an export, so no export license is needed (other rules, such as deemed exports of technology, are outside this calculator).",
            r.scope_a.cite,
        );
        return Ok(finish(v, ex, r));
    }

    let controlled = class.is_controlled();
    let informed = r.is_informed.as_ref().filter(|i| match &q.chip {
        Chip::Catalog(e) => i.chips.contains(&e.id) && date >= i.from,
        Chip::Custom(_) => false,
    });
    let informed_here = informed.filter(|i| place::contains(&i.place, dest_code, date));
    if !controlled && informed_here.is_none() {
        v.outcome = Outcome::NotControlled;
        if let Some(i) = informed {
            ex.push(||
                format!("The April 2025 license requirement for this chip covers only {}; {} is outside it.", place_words(&i.place), dest.name),
                i.place.cite,
            );
        } else if let Some(i) = r
            .is_informed
            .as_ref()
            .filter(|_| matches!(q.chip, Chip::Custom(_)))
        {
            if place::contains(&i.place, dest_code, date) {
                v.caveats.push(format!(
                    "Unless the chip counts as an 'equivalent' of the H20 or MI308: since April 2025 those need a license for {} through letters to their makers, and which chips are equivalents was not published.",
                    place_words(&i.place)
                ));
            }
            ex.push(||
                format!(
                    "Since April 2025 chips like the H20 and MI308 need a license for {} through letters to their makers; whether a custom chip counts as their 'equivalent' was not published, so check before relying on this answer.",
                    place_words(&i.place)
                ),
                i.place.cite,
            );
        }
        ex.push(||
            format!("A chip outside ECCN 3A090 needs no license under these advanced-computing rules to {} (other export controls and end-use rules can still apply).", dest.name),
            v.metrics.class_cite,
        );
        return Ok(finish(v, ex, r));
    }

    // The license requirement.
    let scope = if class.is_a() { &r.scope_a } else { &r.scope_b };
    let by_dest = controlled && place::contains(scope, dest_code, date);
    let hq_embargo = place::contains(&r.hq_rule, hq_code, date);
    let by_hq = controlled && hq_embargo;
    let dest_embargo = place::contains(&r.embargo, dest_code, date);
    if controlled {
        if by_dest {
            let why = place::reasons(scope, dest_code, date);
            let why = if scope.worldwide {
                "this rule requires one for every destination".to_string()
            } else {
                format!("it is in {}", list(&why))
            };
            ex.push(
                || {
                    format!(
                        "{} items need a license to {}: {why}.",
                        class.eccn(),
                        dest.name
                    )
                },
                scope.cite,
            );
        } else {
            let excl = place::exclusions(scope, dest_code, date);
            let why = if excl.is_empty() {
                format!("it is not in {}", place_words(scope))
            } else {
                format!("it is also in {}, which the rule excludes", list(&excl))
            };
            ex.push(
                || {
                    format!(
                        "No destination-based license requirement for {} items to {}: {why}.",
                        class.eccn(),
                        dest.name
                    )
                },
                scope.cite,
            );
        }
        if by_hq {
            ex.push(||
                format!("The buyer is headquartered in {}, so a license is needed wherever the chips go ({}).", hq.name, place_words(&r.hq_rule)),
                r.hq_rule.cite,
            );
        } else if q.hq.is_some() {
            ex.push(
                || {
                    format!(
                        "The buyer's headquarters, {}, is not in {}.",
                        hq.name,
                        place_words(&r.hq_rule)
                    )
                },
                r.hq_rule.cite,
            );
        }
    }
    if let Some(i) = informed_here {
        ex.push(||
            format!("Since {} the makers have been told this chip needs a license for {}, which covers {}.", i.from, place_words(&i.place), dest.name),
            i.place.cite,
        );
    }
    let needs = by_dest || by_hq || informed_here.is_some();
    if !needs {
        v.outcome = Outcome::NoLicenseRequired;
        return Ok(finish(v, ex, r));
    }

    // Exceptions and authorizations. Their reasons and cap names are text for the explanation;
    // the outcome map (`on` false) needs only the verdicts, so `why!` skips the formatting.
    let on = ex.on;
    let tier1 = |t: Option<(Tier, &'static Cite)>| t.is_some_and(|(t, _)| t == Tier::One);
    let nac_aca_item = controlled && !(class.is_a() && v.metrics.datacenter != Datacenter::No);
    let item_words = if nac_aca_item {
        String::new()
    } else if controlled {
        "it does not cover 3A090.a chips designed or marketed for datacenters".into()
    } else {
        "it covers 3A090 items only".into()
    };
    let mut checks: Vec<ExceptionCheck> = Vec::new();
    let e = &r.exceptions;

    // UVEU and NVEU: the buyer's own authorization.
    if let Some(cite) = e.uveu {
        let (available, reason) = if q.end_user != EndUser::Uveu {
            (
                false,
                "the buyer is not a Universal Validated End User".to_string(),
            )
        } else if !controlled {
            (false, "the authorization covers 3A090 items; this chip's license requirement comes from separate letters".to_string())
        } else if dest_embargo {
            (
                false,
                why!(
                    on,
                    "UVEU data centers cannot be in {}",
                    place_words(&r.embargo)
                ),
            )
        } else if !tier1(hq_tier) {
            (
                false,
                why!(
                    on,
                    "a UVEU must be headquartered in Tier 1; {} is not",
                    hq.name
                ),
            )
        } else {
            (true, "a UVEU headquartered in Tier 1 may receive the chips at a data center outside Macau and D:5; this order does not count against the country allocation".to_string())
        };
        checks.push(ExceptionCheck::new(
            ExceptionId::Uveu,
            (available, reason),
            cite,
        ));
    } else {
        checks.push(ExceptionCheck::absent(ExceptionId::Uveu, r.cite));
    }
    if let Some(n) = &e.nveu {
        let cap = n
            .schedule
            .iter()
            .rfind(|s| s.from <= date)
            .or(n.schedule.first());
        let (available, reason) = if q.end_user != EndUser::Nveu {
            (
                false,
                "the buyer is not a National Validated End User".to_string(),
            )
        } else if !controlled {
            (false, "the authorization covers 3A090 items; this chip's license requirement comes from separate letters".to_string())
        } else if dest_embargo || hq_embargo {
            (
                false,
                why!(
                    on,
                    "NVEUs cannot be in, or headquartered in, {}",
                    place_words(&r.embargo)
                ),
            )
        } else if let Some((step, a)) = cap.zip(amounts).filter(|(s, a)| a.cumulative > s.tpp) {
            (false, why!(on, "the NVEU's installed base in {} would reach {} TPP, above its cap of {} TPP for this quarter", dest.name, a.cumulative.grouped(), step.tpp.grouped()))
        } else {
            (true, "an NVEU may install chips in this country up to its quarterly cap; this order does not count against the country allocation".to_string())
        };
        if let (Some(step), EndUser::Nveu, Some(a)) = (cap, q.end_user, amounts) {
            v.caps.push(CapUse {
                id: "NVEU",
                name: why!(
                    on,
                    "NVEU installed-base cap per country, {}",
                    quarter_words(date)
                ),
                limit: step.tpp,
                used: a.cumulative,
                counts: true,
                cite: n.cite,
                note: Some("prior TPP is read as the NVEU's installed base in this country".into()),
            });
        }
        checks.push(ExceptionCheck::new(
            ExceptionId::Nveu,
            (available, reason),
            n.cite,
        ));
    } else {
        checks.push(ExceptionCheck::absent(ExceptionId::Nveu, r.cite));
    }

    // AIA.
    if let Some(a) = &e.aia {
        let (available, reason) = if !class.is_a() {
            (false, "it covers 3A090.a items only".to_string())
        } else if !tier1(tier) {
            (
                false,
                why!(
                    on,
                    "the buyer must be located in Tier 1; {} is not",
                    dest.name
                ),
            )
        } else if !tier1(hq_tier) {
            (
                false,
                why!(
                    on,
                    "the buyer must also be headquartered in Tier 1; {} is not",
                    hq.name
                ),
            )
        } else {
            (
                true,
                "the buyer is located and headquartered in Tier 1; no quantity limit applies"
                    .to_string(),
            )
        };
        if let (true, Some(amt)) = (available, amounts) {
            let report = amt.cumulative >= a.report_tpp.value;
            v.caps.push(CapUse {
                id: "AIA-report",
                name: "AIA reporting threshold (cumulative TPP per buyer)".into(),
                limit: a.report_tpp.value,
                used: amt.cumulative,
                counts: true,
                cite: a.report_tpp.cite,
                note: Some(if report {
                    "at or above the threshold: the buyer's certification must be reported to BIS"
                        .into()
                } else {
                    "below the threshold: no report is needed yet".into()
                }),
            });
        }
        checks.push(ExceptionCheck::new(
            ExceptionId::Aia,
            (available, reason),
            a.cite,
        ));
    } else {
        checks.push(ExceptionCheck::absent(ExceptionId::Aia, r.cite));
    }

    // ACA.
    let aca_in_force = e.aca.as_ref().filter(|a| date >= a.from);
    if let Some(a) = &e.aca {
        let (available, reason) = if date < a.from {
            (false, why!(on, "it took effect on {}", a.from))
        } else if !nac_aca_item {
            (false, item_words.clone())
        } else if dest_embargo || hq_embargo {
            (
                false,
                why!(
                    on,
                    "it excludes {} and companies headquartered there (NAC applies instead)",
                    place_words(&r.embargo)
                ),
            )
        } else if !place::contains(&a.place, dest_code, date) {
            (false, why!(on, "it covers {} only", place_words(&a.place)))
        } else {
            (true, "the chip is not a datacenter 3A090.a part and the destination is covered; no notice is needed".to_string())
        };
        checks.push(ExceptionCheck::new(
            ExceptionId::Aca,
            (available, reason),
            a.place.cite,
        ));
    } else {
        checks.push(ExceptionCheck::absent(ExceptionId::Aca, r.cite));
    }

    // LPP.
    if let Some(l) = &e.lpp {
        let (available, reason) = match amounts {
            _ if !class.is_a() => (false, "it covers 3A090.a items only".to_string()),
            _ if dest_embargo || hq_embargo => (
                false,
                why!(on,
                    "it excludes {} and companies headquartered there",
                    place_words(&r.embargo)
                ),
            ),
            None => (false, "the chip's TPP is unknown".to_string()),
            Some(a) if a.cumulative > l.limit.value => (
                false,
                why!(on,
                    "this buyer's total this calendar year would be {} TPP, above the limit of {} TPP ({})",
                    a.cumulative.grouped(),
                    l.limit.value.grouped(),
                    h100e(l.limit.value)
                ),
            ),
            Some(_) => (true, why!(on, "this buyer's total this calendar year stays within {} TPP ({}); notify BIS, and the order does not count against the country allocation", l.limit.value.grouped(), h100e(l.limit.value))),
        };
        if let (true, false, false, Some(a)) = (class.is_a(), dest_embargo, hq_embargo, amounts) {
            v.caps.push(CapUse {
                id: "LPP",
                name: why!(on, "{}: TPP per buyer per calendar year", l.name),
                limit: l.limit.value,
                used: a.cumulative,
                counts: available,
                cite: l.limit.cite,
                note: None,
            });
        }
        checks.push(ExceptionCheck {
            name: l.name.to_string(),
            ..ExceptionCheck::new(ExceptionId::Lpp, (available, reason), l.limit.cite)
        });
    } else {
        checks.push(ExceptionCheck::absent(ExceptionId::Lpp, r.cite));
    }

    // NAC.
    if let Some(n) = &e.nac {
        let pre_aca = e.aca.is_some() && aca_in_force.is_none();
        let (available, reason) = if !nac_aca_item {
            (false, item_words.clone())
        } else if dest_embargo || hq_embargo || (pre_aca && by_dest) {
            (true, why!(on, "the chip is not a datacenter 3A090.a part; the exporter must notify BIS {} days before shipping, and BIS may still require a license", n.notice_days))
        } else {
            (
                false,
                why!(
                    on,
                    "it covers {} and companies headquartered there",
                    place_words(&r.embargo)
                ),
            )
        };
        checks.push(ExceptionCheck::new(
            ExceptionId::Nac,
            (available, reason),
            n.cite,
        ));
    } else {
        checks.push(ExceptionCheck::absent(ExceptionId::Nac, r.cite));
    }

    // The 2026 China band changes review, not the requirement.
    let mut band_applies = false;
    if let Some(b) = &r.china_band {
        let to_band_place = place::contains(&b.place, dest_code, date);
        let bw = q.chip.dram_bandwidth();
        let (available, reason) = if !to_band_place {
            (
                false,
                why!(
                    on,
                    "it covers exports from the US to {} only",
                    place_words(&b.place)
                ),
            )
        } else if let Some(tpp) = tpp.filter(|t| *t >= b.max_tpp.value) {
            (
                false,
                why!(
                    on,
                    "TPP {} is not below {}",
                    tpp.grouped(),
                    b.max_tpp.value.grouped()
                ),
            )
        } else if let (Some(tpp), Some(bw)) = (tpp, bw) {
            if bw >= b.max_dram_gbs.value {
                (
                    false,
                    why!(
                        on,
                        "total DRAM bandwidth {} GB/s is not below {} GB/s",
                        bw.grouped(),
                        b.max_dram_gbs.value.grouped()
                    ),
                )
            } else {
                (true, why!(on, "TPP {} is below {} and DRAM bandwidth {} GB/s is below {} GB/s: a license is still needed, but it is reviewed {} (exports from the US only)", tpp.grouped(), b.max_tpp.value.grouped(), bw.grouped(), b.max_dram_gbs.value.grouped(), review_phrase(b.policy)))
            }
        } else if tpp.is_none() {
            (
                false,
                "the chip's TPP is unknown, so the band cannot be checked".to_string(),
            )
        } else {
            (false, "the chip's DRAM bandwidth is unknown; give it (--dram-bandwidth) to check the band".to_string())
        };
        band_applies = available;
        checks.push(ExceptionCheck::new(
            ExceptionId::ChinaBand,
            (available, reason),
            b.place.cite,
        ));
    }

    // Which one the answer relies on: the buyer's own authorization, then the ones without notice.
    let order = [
        ExceptionId::Uveu,
        ExceptionId::Nveu,
        ExceptionId::Aia,
        ExceptionId::Aca,
        ExceptionId::Lpp,
        ExceptionId::Nac,
    ];
    let used = order
        .iter()
        .find(|id| checks.iter().any(|c| c.id == **id && c.available))
        .copied();
    for c in &mut checks {
        c.used = Some(c.id) == used;
        let verdict = if c.available {
            "available"
        } else {
            "not available"
        };
        ex.push(|| format!("{}: {verdict} — {}.", c.name, c.reason), c.cite);
    }
    v.exceptions = checks;

    if let Some(id) = used {
        v.outcome = Outcome::Exception(id);
        return Ok(finish(v, ex, r));
    }
    v.outcome = Outcome::LicenseRequired;
    v.license_required = true;

    // Country allocation (Tier 2, licensed 3A090.a exports). A buyer headquartered in Macau or
    // D:5 faces a presumption of denial, so no allocation is in play for it.
    if let (Some(a), Some((Tier::Two, _)), Some(amt)) = (&r.allocation, tier, amounts) {
        if class.is_a() && !hq_embargo {
            let limit = if q.g2g { &a.g2g_tpp } else { &a.tpp };
            v.counts_against_country_cap = true;
            v.caps.push(CapUse {
                id: "country-allocation",
                name: format!(
                    "{} country allocation for licensed exports ({}){}",
                    dest.name,
                    a.period,
                    if q.g2g {
                        ", doubled by a government-to-government agreement"
                    } else {
                        ""
                    }
                ),
                limit: limit.value,
                used: amt.order,
                counts: true,
                cite: limit.cite,
                note: Some(
                    "counts this order only: other licensed exports to this country are not public"
                        .into(),
                ),
            });
            ex.push(||
                format!(
                    "A licensed order to Tier 2 counts against {}'s allocation of {} TPP ({}, {}); this order alone uses {} TPP.",
                    dest.name,
                    limit.value.grouped(),
                    h100e(limit.value),
                    a.period,
                    amt.order.grouped()
                ),
                limit.cite,
            );
        }
    }

    // Review policy.
    let rv = &r.review;
    let (policy, cite) = if band_applies {
        match &r.china_band {
            Some(b) => (Some(b.policy), b.place.cite),
            None => (None, r.cite),
        }
    } else if !controlled {
        // The is-informed letters are not 3A090 rules: their review policy is whatever the letters
        // said, which was not published.
        match informed_here {
            Some(i) => (i.review, i.place.cite),
            None => (None, r.cite),
        }
    } else if dest_embargo || hq_embargo {
        (Some(rv.embargoed.policy), rv.embargoed.cite)
    } else if let (true, Some((Tier::Two, _)), Some(a), Some(within), Some(over)) = (
        class.is_a(),
        tier,
        &r.allocation,
        &rv.within_allocation,
        &rv.over_allocation,
    ) {
        let limit = if q.g2g { a.g2g_tpp.value } else { a.tpp.value };
        if amounts.is_some_and(|a| a.order > limit) {
            (Some(over.policy), over.cite)
        } else {
            (Some(within.policy), within.cite)
        }
    } else if let Some((_, rev)) = rv
        .allied_hq
        .as_ref()
        .filter(|(p, _)| place::contains(p, hq_code, date))
    {
        (Some(rev.policy), rev.cite)
    } else if let Some(o) = &rv.other {
        (Some(o.policy), o.cite)
    } else {
        (None, r.cite)
    };
    v.review_policy = policy;
    match policy {
        Some(p) => ex.push(
            || {
                format!(
                    "A license application would be reviewed {}.",
                    review_phrase(p)
                )
            },
            cite,
        ),
        None => match &r.g2g_licensing {
            Some(n) => ex.push(|| n.text, n.cite),
            None => ex.push(|| "No review policy for this case was published.", cite),
        },
    }
    Ok(finish(v, ex, r))
}

fn quarter_words(date: Date) -> String {
    format!("Q{} {}", date.quarter(), date.year())
}

/// Writes the headline and closes the explanation.
fn finish(mut v: Verdict, mut ex: Explain, r: &Regime) -> Verdict {
    if !ex.on {
        return v;
    }
    let dest = v.query.destination.name;
    let chip = v.query.chip.name();
    let mut headline = match v.outcome {
        Outcome::NotExport => "No export license needed: a sale inside the United States is not an export.".to_string(),
        Outcome::NotControlled => format!("No license needed under these rules: the {chip} is not an ECCN 3A090 chip."),
        Outcome::NoLicenseRequired => format!("No license needed: these rules do not require one for this chip to {dest} for this buyer."),
        Outcome::Exception(id) => match id {
            ExceptionId::Aia => "No license needed: License Exception AIA covers buyers located and headquartered in Tier 1.".into(),
            ExceptionId::Lpp => format!("No license needed: this order fits under {} (the buyer or exporter must notify BIS).", lpp_name(r)),
            ExceptionId::Aca => "No license needed: License Exception ACA covers this chip (it is not a 3A090.a chip designed for datacenters).".into(),
            ExceptionId::Nac => format!("No license needed if BIS does not object: License Exception NAC applies after {} days' notice.", r.exceptions.nac.as_ref().map_or(0, |n| n.notice_days)),
            ExceptionId::Uveu => "No license needed: the buyer's Universal Validated End User authorization covers it.".into(),
            ExceptionId::Nveu => "No license needed: the buyer's National Validated End User authorization covers it.".into(),
            ExceptionId::ChinaBand => "License required: an application would be reviewed case-by-case.".into(),
        },
        Outcome::LicenseRequired => match v.review_policy {
            Some(p) => format!("License required: an application would be reviewed {}.", review_phrase(p)),
            None => "License required; no review policy was published for this case.".into(),
        },
    };
    if r.hypothetical {
        headline = format!("Hypothetical — {headline}");
    }
    ex.push(|| format!("Answer: {headline}"), r.cite);
    v.headline = headline;
    v.steps = ex.steps;
    v
}

/// "under a presumption of denial", "under a policy of denial", or "case-by-case".
fn review_phrase(policy: ReviewPolicy) -> String {
    match policy {
        ReviewPolicy::CaseByCase => policy.label().to_string(),
        _ => format!("under a {}", policy.label()),
    }
}

fn lpp_name(r: &Regime) -> String {
    r.exceptions
        .lpp
        .as_ref()
        .map_or_else(|| "LPP allowance".to_string(), |l| l.name.to_string())
}

/// The tier and a map status word of one destination.
#[derive(Clone, Debug)]
pub struct DestinationStatus {
    /// The country.
    pub country: &'static Country,
    /// Its tier, where the regime has tiers.
    pub tier: Option<Tier>,
    /// A word for map colouring.
    pub status: &'static str,
    /// The country it is treated as, if any.
    pub treated_as: Option<&'static str>,
}

/// Status words for untiered regimes, from the point of view of a datacenter 3A090.a chip.
pub const STATUS_WORDS: [(&str, &str); 6] = [
    ("tier-1", "Tier 1: no license needed for buyers located and headquartered here (AIA)"),
    ("tier-2", "Tier 2: license above a yearly per-buyer allowance; licensed exports count against a country cap"),
    ("tier-3", "Tier 3: presumption of denial"),
    ("open", "No license needed for datacenter 3A090.a chips (unless the buyer is headquartered in Macau or D:5)"),
    ("license", "License needed for datacenter 3A090.a chips"),
    ("denial", "License needed, presumption of denial"),
];

/// Every destination's tier and status under a regime on a date: the data behind the map.
pub fn destinations(regime: &Regime, date: Date) -> Vec<DestinationStatus> {
    crate::country::all()
        .iter()
        .map(|c| {
            let (code, treated) = country::treated_as(c.code);
            let tier = tier_of(regime, code, date).map(|t| t.0);
            let status = match tier {
                Some(Tier::One) => "tier-1",
                Some(Tier::Two) => "tier-2",
                Some(Tier::Three) => "tier-3",
                None if place::contains(&regime.embargo, code, date) => "denial",
                None if c.code != ORIGIN && place::contains(&regime.scope_a, code, date) => {
                    "license"
                }
                None => "open",
            };
            DestinationStatus {
                country: c,
                tier,
                status,
                treated_as: treated.map(|t| t.as_code),
            }
        })
        .collect()
}
