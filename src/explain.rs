//! The one place that turns the engine's typed reasons into English, for the CLI and the page.
//! Rules never format text; the page never matches these sentences (it keys off ids). Legal facts
//! in these sentences come from the reasons and the data, never from literals here.

use crate::chip::{Class, ClassBasis};
use crate::contested::{Contest, ContestReading, Pick};
use crate::country;
use crate::data::CLASSIFICATION;
use crate::date::Date;
use crate::decimal::{digits, group_digits, Dec};
use crate::eval::Status;
use crate::model::{Contested, IsInformed, Place, Regime};
use crate::query::Shipment;
use crate::reason::{Caveat, Earlier, Reason, ScopeWhy, Why};
use crate::scenario::{Scenario, Setting};
use crate::text::{join, list_with};
use crate::verdict::{
    CapKind, CapUse, ExceptionCheck, ExceptionId, Outcome, OutcomeClass, Verdict,
};
use crate::vocab::{ContestedFact, ReviewPolicy, StatedClass};

/// "a, b and c" — for lists where every item holds.
fn list(items: &[&str]) -> String {
    list_with(items, "and")
}

/// "a, b or c" — for lists where any one item is meant ("not in a, b or c").
fn list_or(items: &[&str]) -> String {
    list_with(items, "or")
}

/// "about 1,699.1 H100-equivalents", rounded to a tenth for display.
fn h100e(tpp: Dec) -> String {
    match tpp.ratio_text(CLASSIFICATION.h100_tpp.value, 1).as_deref() {
        Some("1") => "about 1 H100-equivalent".into(),
        Some(v) => format!("about {} H100-equivalents", group_digits(v)),
        None => "an uncountable number of H100-equivalents".into(),
    }
}

/// "about 1,699 H100-equivalents", rounded to a whole number for legends.
fn h100e_whole(tpp: Dec) -> String {
    match tpp.ratio_text(CLASSIFICATION.h100_tpp.value, 0) {
        Some(v) => format!("about {} H100-equivalents", group_digits(&v)),
        None => "an uncountable number of H100-equivalents".into(),
    }
}

/// A set of places in words: its groups, its named places and its exclusions.
pub fn place_words(place: &Place) -> String {
    place_words_with(place, list)
}

/// The same, for "not in …": any one of them is meant.
fn place_words_or(place: &Place) -> String {
    place_words_with(place, list_or)
}

fn place_words_with(place: &Place, join: fn(&[&str]) -> String) -> String {
    let mut s = if place.worldwide {
        "every destination".to_string()
    } else {
        let mut parts: Vec<String> = place
            .groups
            .iter()
            .map(|g| format!("Country Group {g}"))
            .collect();
        parts.extend(
            place
                .codes
                .iter()
                .map(|c| country::by_code(c).map_or((*c).to_string(), |k| k.name().to_string())),
        );
        join(&parts.iter().map(String::as_str).collect::<Vec<_>>())
    };
    if !place.exclude.is_empty() {
        s.push_str(&format!(
            " (except those also in {})",
            list_or(place.exclude)
        ));
    }
    // Places a user's scenario took out.
    if !place.drop.is_empty() {
        let dropped: Vec<&str> = place
            .drop
            .iter()
            .map(|c| country::by_code(c).map_or(*c, |k| k.name()))
            .collect();
        s.push_str(&format!(" (but not {}, in this scenario)", list(&dropped)));
    }
    s
}

/// "under a presumption of denial", "under a policy of denial", or "case-by-case".
fn review_phrase(policy: ReviewPolicy) -> String {
    match policy {
        ReviewPolicy::CaseByCase => policy.label().to_string(),
        ReviewPolicy::SimpleReview => "in a simple review".to_string(),
        ReviewPolicy::PreClearance => "through pre-clearance".to_string(),
        ReviewPolicy::GovernmentTerms => "under government-to-government terms".to_string(),
        _ => format!("under a {}", policy.label()),
    }
}

/// The name a reader sees for an exception under a regime.
pub fn exception_name(id: ExceptionId, r: &Regime) -> String {
    if let (ExceptionId::Lpp, Some(l)) = (id, &r.exceptions.lpp) {
        return l.name.to_string();
    }
    match id {
        ExceptionId::Aia => "License Exception AIA (Artificial Intelligence Authorization)",
        ExceptionId::Lpp => "License Exception LPP (Low Processing Performance)",
        ExceptionId::Nac => "License Exception NAC (Notified Advanced Computing)",
        ExceptionId::Aca => "License Exception ACA (Advanced Computing Authorized)",
        ExceptionId::Uveu => "Universal Validated End User (data-center authorization)",
        ExceptionId::Nveu => "National Validated End User (data-center authorization)",
        ExceptionId::ChinaBand => return band_name(r),
    }
    .to_string()
}

/// "January 2026", for dates a reader should recognise.
fn month_year(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, _) = d.ymd();
    let month = MONTHS.get(usize::from(m).saturating_sub(1)).unwrap_or(&"");
    format!("{month} {}", digits(y.into()))
}

/// The 2026 band's name, from the regime's data: its review, its lines and its places.
fn band_name(r: &Regime) -> String {
    match &r.china_band {
        Some(b) => format!(
            "{} review ({}) for chips below TPP {} and {} GB/s to {}",
            capitalised(b.policy.label()),
            b.max_tpp.cite.fr().unwrap_or("2026 band"),
            b.max_tpp.value.grouped(),
            b.max_dram_gbs.value.grouped(),
            place_words(&b.place)
        ),
        None => "Band review".into(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(c)
            .collect(),
        None => String::new(),
    }
}

/// The catalog models the letters name, e.g. "H20 or MI308X".
fn letter_chips(i: &IsInformed) -> String {
    let names: Vec<&str> = i
        .chips
        .iter()
        .map(|id| {
            crate::chip::catalog()
                .iter()
                .find(|c| c.id() == *id)
                .map_or(*id, |c| c.model())
        })
        .collect();
    list_or(&names)
}

/// Why an exception is or is not available, in words (no final full stop).
pub fn exception_reason(c: &ExceptionCheck, r: &Regime) -> String {
    let id = c.id;
    match c.why {
        Why::Absent => match id {
            ExceptionId::Uveu | ExceptionId::Nveu => {
                "this authorization does not exist under this regime".into()
            }
            _ => format!("License Exception {} does not exist under this regime", id.as_str()),
        },
        Why::NotThisEndUser => match id {
            ExceptionId::Nveu => "the buyer is not a National Validated End User".into(),
            _ => "the buyer is not a Universal Validated End User".into(),
        },
        Why::LettersOnly => "the authorization covers 3A090 items; this chip's license requirement comes from separate letters".into(),
        Why::OnlyA => "it covers 3A090.a items only".into(),
        Why::Only3A090 => "it covers 3A090 items only".into(),
        Why::DatacenterA => "it does not cover 3A090.a chips designed or marketed for datacenters".into(),
        Why::Embargoed(p) => match id {
            ExceptionId::Uveu => format!("UVEU data centers cannot be in {}", place_words(p)),
            ExceptionId::Nveu => format!("NVEUs cannot be in, or headquartered in, {}", place_words(p)),
            ExceptionId::Aca => format!("it excludes {} and companies headquartered there (NAC applies instead)", place_words(p)),
            _ => format!("it excludes {} and companies headquartered there", place_words(p)),
        },
        Why::OnlyEmbargoed(p) => format!("it covers {} and companies headquartered there", place_words(p)),
        Why::OutsidePlace(p) => match id {
            ExceptionId::ChinaBand => format!("it covers exports from the US to {} only", place_words(p)),
            _ => format!("it covers {} only", place_words(p)),
        },
        Why::DestNotTier1(c) => format!("the buyer must be located in Tier 1; {} is not", c.name()),
        Why::HqNotTier1(c) => match id {
            ExceptionId::Uveu => format!("a UVEU must be headquartered in Tier 1; {} is not", c.name()),
            _ => format!("the buyer must also be headquartered in Tier 1; {} is not", c.name()),
        },
        Why::NotYet(d) => format!("it took effect on {d}"),
        Why::TppUnknown => match id {
            ExceptionId::ChinaBand => "the chip's TPP is unknown, so the band cannot be checked".into(),
            _ => "the chip's TPP is unknown".into(),
        },
        Why::OverLimit { total, limit } => format!(
            "this buyer's total this calendar year would be {} TPP, above the limit of {} TPP ({})",
            total.grouped(),
            limit.grouped(),
            h100e(limit)
        ),
        Why::OverCap { total, cap, country } => format!(
            "the NVEU's installed base in {} would reach {} TPP, above its cap of {} TPP for this quarter",
            country.name(),
            total.grouped(),
            cap.grouped()
        ),
        Why::TppNotBelow { tpp, max } => format!("TPP {} is not below {}", tpp.grouped(), max.grouped()),
        Why::BandwidthNotBelow { bandwidth, max } => format!(
            "total DRAM bandwidth {} GB/s is not below {} GB/s",
            bandwidth.grouped(),
            max.grouped()
        ),
        Why::BandwidthUnknown => "the chip's DRAM bandwidth is unknown; give it (total, in GB/s) to check the band".into(),
        Why::BandwidthAssumedBelow { tpp, max_tpp, max_bandwidth, policy } => format!(
            "TPP {} is below {}; the chip's DRAM bandwidth was not given and is taken, on this reading, as below {} GB/s: a license is still needed, reviewed {} (exports from the US only)",
            tpp.grouped(),
            max_tpp.grouped(),
            max_bandwidth.grouped(),
            review_phrase(policy)
        ),
        Why::NotListed(p) => format!(
            "{} does not list it among the exceptions for 3A090 items to {}, on the stricter reading of a contested point",
            p.cite.cfr().unwrap_or("the regulation"),
            place_words(p)
        ),
        Why::NotFromUs(from) => format!(
            "it covers exports from the United States only; this shipment leaves from {}, so it stays {}",
            from.name(),
            review_phrase(r.review.embargoed.policy)
        ),
        Why::Granted => granted(id, r),
        Why::WithinLimit { limit, spares_allocation } => format!(
            "this buyer's total this calendar year stays within {} TPP ({}); notify BIS{}",
            limit.grouped(),
            h100e(limit),
            if spares_allocation {
                ", and the order does not count against the country allocation"
            } else {
                ""
            }
        ),
        Why::AfterNotice { days } => format!(
            "the chip is not a datacenter 3A090.a part; the exporter must notify BIS {days} days before shipping, and BIS may still require a license"
        ),
        Why::InBand { tpp, max_tpp, bandwidth, max_bandwidth, policy } => format!(
            "TPP {} is below {} and DRAM bandwidth {} GB/s is below {} GB/s: a license is still needed, but it is reviewed {} (exports from the US only)",
            tpp.grouped(),
            max_tpp.grouped(),
            bandwidth.grouped(),
            max_bandwidth.grouped(),
            review_phrase(policy)
        ),
    }
}

fn granted(id: ExceptionId, r: &Regime) -> String {
    match id {
        ExceptionId::Uveu => return format!("a UVEU headquartered in Tier 1 may receive the chips at a data center outside {}; this order does not count against the country allocation", place_words(&r.embargo)),
        ExceptionId::Nveu => "an NVEU may install chips in this country up to its quarterly cap; this order does not count against the country allocation",
        ExceptionId::Aia => "the buyer is located and headquartered in Tier 1; no quantity limit applies",
        _ => "the chip is not a datacenter 3A090.a part and the destination is covered; no notice is needed",
    }
    .into()
}

/// How an agreement changes an allocation, from the two figures: "doubled", "tripled", or
/// "raised from N to M TPP".
fn raised(base: Dec, to: Dec) -> String {
    let times = |k: u64| base.checked_mul_int(k) == Some(to);
    if times(2) {
        "doubled".into()
    } else if times(3) {
        "tripled".into()
    } else {
        format!("raised from {} to {} TPP", base.grouped(), to.grouped())
    }
}

/// A cap's name.
pub fn cap_name(c: &CapUse) -> String {
    match c.kind {
        CapKind::Lpp { name } => format!("{name}: TPP per buyer per calendar year"),
        CapKind::CountryAllocation {
            country,
            period,
            base,
        } => format!(
            "{} country allocation for licensed exports ({period}){}",
            country.name(),
            match base {
                Some(b) if b != c.limit => format!(
                    ", {} by a government-to-government agreement",
                    raised(b, c.limit)
                ),
                _ => String::new(),
            }
        ),
        CapKind::Nveu { date } => format!(
            "NVEU installed-base cap per country, Q{} {}",
            digits(date.quarter().into()),
            digits(date.year().into())
        ),
        CapKind::AiaReport => "AIA reporting threshold (cumulative TPP per buyer)".into(),
    }
}

/// A cap in two or three words, for the key numbers beside the verdict.
pub fn cap_short(c: &CapUse) -> String {
    match c.kind {
        CapKind::Lpp { .. } => "LPP allowance".into(),
        CapKind::CountryAllocation { country, .. } => format!("{} allocation", country.name()),
        CapKind::Nveu { .. } => "NVEU cap".into(),
        CapKind::AiaReport => "AIA reporting line".into(),
    }
}

/// What a cap's figure leaves out or means.
pub fn cap_note(c: &CapUse) -> Option<String> {
    let note = match c.kind {
        CapKind::Lpp { .. } => return None,
        CapKind::CountryAllocation { .. } => {
            "counts this order only: other licensed exports to this country are not public"
        }
        CapKind::Nveu { .. } => "counts the NVEU's installed base in this country as given (installed TPP), plus this order",
        CapKind::AiaReport if c.reached() => {
            "at or above the threshold: the buyer's certification must be reported to BIS"
        }
        CapKind::AiaReport => "below the threshold: no report is needed yet",
    };
    Some(note.into())
}

/// The class words of a class basis, e.g. `3A090.a`.
fn basis_eccn(b: &ClassBasis) -> &'static str {
    match b {
        ClassBasis::A1 { .. } => Class::A1.eccn(),
        ClassBasis::ByDensity { class, .. } => class.eccn(),
        ClassBasis::NonDatacenterBelow { .. } | ClassBasis::BelowEveryLine { .. } => {
            Class::NotControlled.eccn()
        }
        ClassBasis::Stated(s) => s.map_or(Class::NotControlled.eccn(), StatedClass::id),
    }
}

/// Performance density rounded for display, with as many decimals as it takes (up to 9) for the
/// rounded figure not to equal a line it is compared with: "5.9199 (rounded)", never "5.92
/// (rounded) ... below 5.92".
fn density_words(tpp: Dec, area: Dec, lines: &[Dec]) -> String {
    let exact_equal = lines
        .iter()
        .any(|l| tpp.ratio_cmp(area, *l) == Some(std::cmp::Ordering::Equal));
    let mut last = None;
    for places in 3..=9 {
        let Some(p) = tpp.ratio_text(area, places) else {
            break;
        };
        let looks_equal = lines.iter().any(|l| l.to_string() == p);
        last = Some(p);
        if exact_equal || !looks_equal {
            break;
        }
    }
    last.unwrap_or_else(|| "unknown".to_string())
}

/// Why a chip has its class, in words.
pub fn class_reason(b: &ClassBasis) -> String {
    let c = &CLASSIFICATION;
    match *b {
        ClassBasis::NonDatacenterBelow { tpp, line } => format!(
            "Not designed or marketed for datacenters and TPP {} is below {}, so the Note to 3A090 puts it outside 3A090 whatever its performance density.",
            tpp.grouped(),
            line.grouped()
        ),
        ClassBasis::A1 { tpp, line } => format!("TPP {} is at least {}: 3A090.a.1.", tpp.grouped(), line.grouped()),
        ClassBasis::BelowEveryLine { tpp, line } => format!(
            "TPP {} is below {}, the lowest line in 3A090.a and .b: not 3A090.",
            tpp.grouped(),
            line.grouped()
        ),
        ClassBasis::ByDensity { class, tpp, area } => {
            let lines = [c.a2_pd.value, c.b1_pd_min.value, c.b2_pd_min.value];
            let pd = density_words(tpp, area, &lines);
            let t = tpp.grouped();
            match class {
                Class::A2 => format!("TPP {t} is at least {} and performance density {pd} (rounded) is at least {}: 3A090.a.2.", c.a2_tpp.value.grouped(), c.a2_pd.value),
                Class::B1 => format!("TPP {t} is at least {} and below {}, and performance density {pd} (rounded) is at least {} and below {}: 3A090.b.1.", c.b1_tpp_min.value.grouped(), c.a1_tpp.value.grouped(), c.b1_pd_min.value, c.a2_pd.value),
                Class::B2 => format!("TPP {t} is at least {} and performance density {pd} (rounded) is at least {} and below {}: 3A090.b.2.", c.b2_tpp.value.grouped(), c.b2_pd_min.value, c.a2_pd.value),
                _ => format!("TPP {t} is below {} and performance density {pd} (rounded) is below every 3A090 line for that TPP: not 3A090.", c.a1_tpp.value.grouped()),
            }
        }
        ClassBasis::Stated(s) => format!(
            "No dense throughput is published, so TPP cannot be computed; the research states the class as {}.",
            s.map_or("unknown", StatedClass::id)
        ),
    }
}

/// A caveat in words.
pub fn caveat(c: &Caveat) -> String {
    match c {
        Caveat::Regime(text) => (*text).to_string(),
        Caveat::Scenario(s) => format!(
            "A hypothetical scenario made in this calculator, not a rule: the {} with {}.",
            s.base.short_name,
            scenario_changes(s)
        ),
        Caveat::AfterSources { asked, reach } => format!(
            "{} Changes after {} are unknown, so this answer for {asked} may be out of date.",
            crate::data::DATASET.note,
            month_year(*reach)
        ),
        Caveat::AfterChecked { asked, checked } => format!(
            "You asked about {asked}, after {checked}, the day our data was last checked: later changes are unknown, so this is the answer as of {checked}. {}",
            crate::data::DATASET.note
        ),
        Caveat::LettersEquivalent(i) => format!(
            "Unless the chip counts as an 'equivalent' of the {}: since {} those need a license for {} through letters to their makers, and which chips are equivalents was not published.",
            letter_chips(i),
            month_year(i.from),
            place_words(&i.place)
        ),
    }
}

/// One reading as the condition of an answer, e.g. "if LPP is available there" or "at the
/// lower published TPP, 40,265.6".
pub fn reading_short(fact: &Contested, r: &Pick, regime: &Regime) -> String {
    match (r.reading, r.tpp) {
        (Some(x), _) if fact.fact == ContestedFact::BandBandwidth => match &regime.china_band {
            Some(b) => format!("{} ({} GB/s)", x.short, b.max_dram_gbs.value.grouped()),
            None => x.short.to_string(),
        },
        (Some(x), _) => x.short.to_string(),
        (None, Some(tpp)) => match r.id {
            "low" => format!("at the lowest published TPP, {}", tpp.grouped()),
            "high" => format!("at the highest published TPP, {}", tpp.grouped()),
            _ => format!("at the catalog's TPP, {}", tpp.grouped()),
        },
        (None, None) => r.id.to_string(),
    }
}

/// What one reading holds, in words.
pub fn reading_label(c: &Contested, r: &ContestReading, regime: &Regime) -> String {
    match r.pick.reading {
        Some(x) => x.label.to_string(),
        None => {
            let alts = match &r.verdict.query.chip {
                crate::chip::Chip::Catalog(e) => e.tpp_alternatives().unwrap_or(""),
                crate::chip::Chip::Custom(_) => "",
            };
            format!(
                "{} (the sources: {alts})",
                reading_short(c, &r.pick, regime)
            )
        }
    }
}

/// "if A: answer A; if B: answer B" for each reading of each contest the answer depends on.
fn depends_lines(v: &Verdict) -> Option<String> {
    let r = v.query.selection.regime;
    let lines: Vec<String> = v
        .contests
        .iter()
        .filter(|c| c.depends())
        .flat_map(|c| {
            c.readings.iter().map(move |x| {
                format!(
                    "{} — {}",
                    reading_short(c.fact, &x.pick, r),
                    plain_headline(&x.verdict).trim_end_matches('.')
                )
            })
        })
        .collect();
    if !lines.is_empty() {
        return Some(join(&lines, "; "));
    }
    // No single fact changes the answer, but several together can.
    let combined: Vec<String> = v
        .combinations
        .iter()
        .map(|k| {
            let when: Vec<String> = k
                .picks
                .iter()
                .map(|(fact, x)| reading_short(fact, x, r))
                .collect();
            format!(
                "{} — {}",
                join(&when, " and "),
                plain_headline(&k.verdict).trim_end_matches('.')
            )
        })
        .collect();
    (!combined.is_empty()).then(|| {
        format!(
            "on the first readings of the contested points — {}; {}",
            plain_headline(v).trim_end_matches('.'),
            join(&combined, "; ")
        )
    })
}

/// When a license is required under every reading and only how it would be reviewed turns on
/// contested points: the headline leads with the license, which is not in doubt, rather than
/// with "It depends" (a reader must not have to compare two readings to learn that).
fn license_either_way(v: &Verdict) -> Option<String> {
    if !v.license_either_way() {
        return None;
    }
    let contests: Vec<&Contest> = v.contests.iter().filter(|c| c.depends()).collect();
    let mut reviews: Vec<String> = Vec::new();
    for x in contests
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| &r.verdict))
    {
        let review = x.review_policy.map_or_else(
            || "with no published review policy".to_string(),
            review_phrase,
        );
        if !reviews.contains(&review) {
            reviews.push(review);
        }
    }
    let questions: Vec<&str> = contests.iter().map(|c| c.fact.question).collect();
    Some(format!(
        "License required either way: an application would be reviewed {}, depending on {}.",
        list_with(&reviews, "or"),
        list_with(&questions, "and on")
    ))
}

/// One sentence a reader can take away; "It depends: …" when a contested point changes it.
pub fn headline(v: &Verdict) -> String {
    let text = if let Some(text) = license_either_way(v) {
        text
    } else if let Some(lines) = depends_lines(v) {
        format!("It depends: {lines}")
    } else {
        plain_headline(v)
    };
    let r = v.query.selection.regime;
    if r.hypothetical {
        format!("Hypothetical — {text}")
    } else if let Some(label) = r.headline_label {
        format!("{label} — {text}")
    } else {
        text
    }
}

/// The headline of one verdict, without contests or the hypothetical or unenforced label.
fn plain_headline(v: &Verdict) -> String {
    let r = v.query.selection.regime;
    let dest = v.query.destination.name();
    match v.outcome {
        Outcome::NotExport => "No export license needed: a shipment to or within the United States is not an export.".to_string(),
        Outcome::NotControlled => format!("No license needed under these rules: the {} is not an ECCN 3A090 chip.", v.query.chip.name()),
        Outcome::NoLicenseRequired => format!("No license needed: these rules do not require one for this chip to {dest} for this buyer."),
        Outcome::Exception(id) => exception_headline(id, r),
        Outcome::LicenseRequired => match v.review_policy {
            Some(p) => format!("License required: an application would be reviewed {}.", review_phrase(p)),
            None => "License required; no review policy was published for this case.".into(),
        },
    }
}

/// A contested fact's step: the answer under each reading, or that they agree.
fn contested_step(c: &Contest, v: &Verdict) -> String {
    let r = v.query.selection.regime;
    let q = c.fact.question;
    if !c.changes_outcome {
        let combined = v.combinations.iter().any(|k| k.involves(c.fact.fact));
        return if combined {
            format!("Sources disagree on {q}; on its own it does not change this answer, but together with another contested point it does (see the answer).")
        } else {
            format!("Sources disagree on {q}; every reading gives this same answer.")
        };
    }
    let each: Vec<String> = c
        .readings
        .iter()
        .map(|x| {
            format!(
                "{} — {}",
                reading_short(c.fact, &x.pick, r),
                plain_headline(&x.verdict).trim_end_matches('.')
            )
        })
        .collect();
    match c.chosen {
        Some(id) => format!(
            "Sources disagree on {q}; this answer takes the reading you chose ({id}). Each reading: {}.",
            join(&each, "; ")
        ),
        None => format!(
            "Sources disagree on {q}, and this answer turns on it: {}.",
            join(&each, "; ")
        ),
    }
}

fn exception_headline(id: ExceptionId, r: &Regime) -> String {
    match id {
        ExceptionId::Aia => "No license needed: License Exception AIA covers buyers located and headquartered in Tier 1.".into(),
        ExceptionId::Lpp => format!("No license needed: this order fits under {} (the buyer or exporter must notify BIS).", exception_name(id, r)),
        ExceptionId::Aca => "No license needed: License Exception ACA covers this chip (it is not a 3A090.a chip designed for datacenters).".into(),
        ExceptionId::Nac => format!("No license needed if BIS does not object: License Exception NAC applies after {} days' notice.", r.exceptions.nac.as_ref().map_or(0, |n| n.notice_days)),
        ExceptionId::Uveu => "No license needed: the buyer's Universal Validated End User authorization covers it.".into(),
        ExceptionId::Nveu => "No license needed: the buyer's National Validated End User authorization covers it.".into(),
        ExceptionId::ChinaBand => match &r.china_band {
            Some(b) => format!("License required: an application would be reviewed {}.", review_phrase(b.policy)),
            None => "License required.".into(),
        },
    }
}

/// One step of the explanation in words.
pub fn step(reason: &Reason, v: &Verdict) -> String {
    match reason {
        Reason::RulesApplied(r) => {
            let label = if r.hypothetical { " This regime is hypothetical." } else { "" };
            format!("Rules applied: {}.{label} {}", r.name, r.summary)
        }
        Reason::Scenario(s) => format!(
            "This is a hypothetical scenario built on the {}: {}.",
            s.base.short_name,
            scenario_changes(s)
        ),
        Reason::RegimeNote(n) => n.text.into(),
        Reason::ChipTpp { chip, tpp, basis } => format!(
            "The {chip} has a Total Processing Performance (TPP) of {}: the highest dense throughput × bit length over its precisions ({}).",
            tpp.grouped(),
            join(basis, "; ")
        ),
        Reason::ChipTppUnknown { chip } => format!("The {chip}'s dense throughput is not published, so its TPP is unknown; the research classes it as outside 3A090."),
        Reason::ChipClass(b) => format!("ECCN class: {}. {}", basis_eccn(b), class_reason(b)),
        Reason::ChipWorkstation => "This card is sold both as a workstation and a datacenter part; we treat it as designed for datacenters, the stricter reading, so License Exceptions NAC and ACA are not used for it.".into(),
        Reason::ChipUncertain { text, .. } => format!("Uncertain in the chip data: {text}."),
        Reason::VendorNote(n) => n.text.into(),
        Reason::Tariff(t) => format!(
            "Import duty, not an export control: the chip's TPP is between {} and {} and its DRAM bandwidth between {} and {} GB/s. {}",
            t.tpp_above.value.grouped(),
            t.tpp_below.value.grouped(),
            t.dram_above.value.grouped(),
            t.dram_below.value.grouped(),
            t.text
        ),
        Reason::Order { quantity, tpp, order, h100 } => format!(
            "The order: {} × {} = {} TPP, {} (TPP ÷ {}, rounded for display).",
            Dec::from_int(*quantity).grouped(),
            tpp.grouped(),
            order.grouped(),
            h100e(*order),
            h100.grouped()
        ),
        Reason::Earlier { what, prior, total } => match what {
            Earlier::ThisYear => format!("With {} TPP already shipped to this buyer this calendar year, the total is {} TPP.", prior.grouped(), total.grouped()),
            Earlier::InstalledBase => format!("With the {} TPP this National VEU has installed in the country, its installed base would be {} TPP.", prior.grouped(), total.grouped()),
            Earlier::BuyerTotal => format!("With the {} TPP this buyer has received before, its total would be {} TPP.", prior.grouped(), total.grouped()),
        },
        Reason::ShippedFrom { from, to, kind } => match kind {
            Shipment::Import => format!("The chips are shipped from {} into {}: an import, not an export from the United States.", from.name(), to.name()),
            Shipment::InCountryTransfer => format!("The chips move within {}: an in-country transfer, not an export from the United States.", to.name()),
            Shipment::Reexport => format!("The chips are shipped from {} to {}: a reexport, not an export from the United States.", from.name(), to.name()),
        },
        Reason::BandConditions(b) => format!("The exporter must meet the band's conditions: {}.", join(b.conditions, "; ")),
        Reason::AiaConditions(a) => format!("License Exception AIA has conditions: {}.", join(a.conditions, "; ")),
        Reason::TreatedAs { country, as_country } => format!("{} is treated as part of {} under the Export Administration Regulations.", country.name(), as_country.name()),
        Reason::CountryNote { country, text } => format!("{}: {text}", country.name()),
        Reason::HqAssumed(c) => format!("We assume the buyer is headquartered in {}; give the headquarters country if it is not (it matters for companies based in {}{}).", c.name(), place_words(&v.query.selection.regime.hq_rule), if v.query.selection.regime.tiers.is_some() { ", and for Tier 1" } else { "" }),
        Reason::DestTier(c, t) => format!("{} is in Tier {} of this regime.", c.name(), digits(t.number().into())),
        Reason::HqTier(c, t) => format!("The buyer's headquarters, {}, is in Tier {}.", c.name(), digits(t.number().into())),
        _ => decision_step(reason, v),
    }
}

fn decision_step(reason: &Reason, v: &Verdict) -> String {
    let r = v.query.selection.regime;
    match reason {
        Reason::NotAnExport => "A shipment to or within the United States is not an export, so no export license is needed (other rules, such as deemed exports of technology, are outside this calculator).".into(),
        Reason::LettersOutside { letters, country } => format!("The {} license requirement for this chip covers only {}; {} is outside it.", month_year(letters.from), place_words(&letters.place), country.name()),
        Reason::LettersEquivalent(i) => format!("Since {} chips like the {} need a license for {} through letters to their makers; whether a custom chip counts as their 'equivalent' was not published, so check before relying on this answer.", month_year(i.from), letter_chips(i), place_words(&i.place)),
        Reason::NotControlled(c) => format!("A chip outside ECCN 3A090 needs no license under these advanced-computing rules to {} (other export controls and end-use rules can still apply).", c.name()),
        Reason::Scope { eccn, country, applies: true, why, place, .. } => {
            let assumed = crate::place::assumes(place, country.code());
            let why = match why {
                ScopeWhy::InGroups { groups, named: true } if groups.is_empty() => {
                    if assumed { "we take the rule to cover it, though its text does not name it (see the note below)" } else { "the rule names it" }.to_string()
                }
                ScopeWhy::InGroups { groups, named } => format!(
                    "it is in {}{}",
                    list(groups),
                    if *named && !assumed { ", and the rule also names it" } else { "" }
                ),
                _ => "this rule requires one for every destination".into(),
            };
            format!("{eccn} items need a license to {}: {why}.", country.name())
        }
        Reason::Scope { eccn, country, why, place, .. } => {
            let why = match why {
                ScopeWhy::Excluded { groups, excluded_by } => format!(
                    "it is in {} but also in {}, which the rule excludes",
                    list(groups),
                    list_or(excluded_by)
                ),
                _ => format!("it is not in {}", place_words_or(place)),
            };
            format!("No destination-based license requirement for {eccn} items to {}: {why}.", country.name())
        }
        Reason::HqRule { hq, applies: true, place } => format!("The buyer is headquartered in {}, so a license is needed wherever the chips go ({}).", hq.name(), place_words(place)),
        Reason::HqRule { hq, place, .. } => format!("The buyer's headquarters, {}, is not in {}.", hq.name(), place_words(place)),
        Reason::LettersApply { letters, country, hq: None } => format!("Since {} the makers have been told this chip needs a license for {}, which covers {}.", letters.from, place_words(&letters.place), country.name()),
        Reason::LettersApply { letters, hq: Some(hq), .. } => format!(
            "Since {} the makers have been told this chip needs a license for buyers headquartered in {}, wherever the chips go; this buyer is headquartered in {}.",
            letters.from,
            letters.hq_place.as_ref().map_or_else(String::new, place_words),
            hq.name()
        ),
        Reason::Exception(c) => format!(
            "{}: {} — {}.",
            exception_name(c.id, r),
            if c.available { "available" } else { "not available" },
            exception_reason(c, r)
        ),
        Reason::Allocation { country, limit, period, order } => format!(
            "A licensed order to Tier 2 counts against {}'s allocation of {} TPP ({}, {period}); this order alone uses {} TPP.",
            country.name(),
            limit.grouped(),
            h100e(*limit),
            order.grouped()
        ),
        Reason::Review(p) => format!("A license application would be reviewed {}.", review_phrase(*p)),
        Reason::ReviewNote(n) => n.text.into(),
        Reason::ReviewUnpublished => "No review policy for this case was published.".into(),
        Reason::Contested { fact, .. } => v
            .contests
            .iter()
            .find(|c| c.fact.fact == *fact)
            .map(|c| contested_step(c, v))
            .unwrap_or_default(),
        Reason::Answer => format!("Answer: {}", headline(v)),
        _ => String::new(),
    }
}

/// What a map status means under a regime, in plain words built from the regime's own provisions.
pub fn status_label(status: Status, r: &Regime) -> String {
    let lpp = r.exceptions.lpp.as_ref();
    let embargo_policy = r.review.embargoed.policy;
    match status {
        Status::Tier1 => match r.exceptions.aia {
            Some(_) => "Tier 1: no license needed for buyers located and headquartered here (License Exception AIA)".into(),
            None => "Tier 1".into(),
        },
        Status::Tier2 => match (lpp, &r.allocation) {
            (Some(l), Some(_)) => format!(
                "Tier 2: license needed above {} per buyer per year{}; licensed exports count against a country cap",
                h100e_whole(l.limit.value),
                contested_allowance(l)
            ),
            (Some(l), None) => format!("Tier 2: license needed above {} per buyer per year", h100e_whole(l.limit.value)),
            (None, _) => "Tier 2: license needed".into(),
        },
        Status::Tier3 => format!("Tier 3: license needed, {}", embargo_policy.label()),
        Status::Open => format!(
            "No license needed for datacenter 3A090.a chips (unless the buyer is headquartered in {})",
            place_words(&r.hq_rule)
        ),
        Status::License => match lpp {
            Some(l) => format!(
                "License needed for datacenter 3A090.a chips above {} per buyer per year{}",
                h100e_whole(l.limit.value),
                contested_allowance(l)
            ),
            None => "License needed for datacenter 3A090.a chips".into(),
        },
        Status::Denial => match &r.china_band {
            // The 2026 band: some of these places review some chips case-by-case.
            Some(b) => format!(
                "License needed, {} ({} for exports from the United States to {} of chips below TPP {} and {} GB/s)",
                embargo_policy.label(),
                b.policy.label(),
                place_words(&b.place),
                b.max_tpp.value.grouped(),
                b.max_dram_gbs.value.grouped()
            ),
            None => format!("License needed, {}", embargo_policy.label()),
        },
    }
}

/// What the Note to 3A090 and License Exceptions NAC and ACA mean for a chip, when they matter:
/// a 3A090.a chip not designed for datacenters can ship under NAC or ACA where a license is needed.
pub fn chip_note(class: Class, datacenter: crate::model::Datacenter) -> Option<&'static str> {
    (class.is_a() && datacenter == crate::model::Datacenter::No).then_some(
        "Not designed or marketed for datacenters: where a license is needed, License Exception ACA (no notice) or NAC (notice to BIS) can cover it; the answer for an order says which, if either.",
    )
}

/// A map status in a few words, for tooltips and tables.
pub fn status_short(status: Status, r: &Regime) -> String {
    match status {
        Status::Tier1 => "Tier 1".into(),
        Status::Tier2 => "Tier 2".into(),
        Status::Tier3 => "Tier 3".into(),
        Status::Open => "No license needed".into(),
        Status::License => "License needed".into(),
        Status::Denial => format!("License needed, {}", r.review.embargoed.policy.label()),
    }
}

/// What a legend's count takes in: the places counted in their own right, the place of export
/// itself, and those counted because the EAR treats them as part of another (the US territories,
/// Hong Kong). Without it "Tier 1: 25" reads as a contradiction of the rule's 18 named allies.
pub fn legend_includes(members: &[&'static crate::model::Country]) -> String {
    let origin = crate::data::ORIGIN;
    let the = |code: &str| match code {
        c if c == origin => "the United States".to_string(),
        c => country::by_code(c).map_or(c.to_string(), |k| k.name().to_string()),
    };
    // A `usize`, whose digits are those the panic messages keep anyway; an `i32` brought in
    // `core::fmt`'s printing of `i32`s for this count alone (284 B of the page's wasm).
    let mut own = 0usize;
    let mut has_origin = false;
    let mut treated: Vec<(&str, Vec<&str>)> = Vec::new();
    for c in members {
        match country::treated_as(c.code()) {
            (_, Some(t)) => match treated.iter_mut().find(|(a, _)| *a == t.as_code) {
                Some((_, names)) => names.push(c.name()),
                None => treated.push((t.as_code, vec![c.name()])),
            },
            _ if c.code() == origin => has_origin = true,
            _ => own += 1,
        }
    }
    let mut parts = Vec::new();
    if has_origin {
        parts.push(the(origin));
    }
    if own > 0 {
        let other = if has_origin { " other" } else { "" };
        parts.push(match own {
            1 => format!("1{other} country or territory"),
            n => format!("{n}{other} countries and territories"),
        });
    }
    for (as_code, names) in &treated {
        let what = match names.as_slice() {
            [one] => (*one).to_string(),
            many => format!("{} places ({})", many.len(), join(many, ", ")),
        };
        parts.push(format!("{what}, treated as part of {}", the(as_code)));
    }
    let total = members.len();
    if let [only] = parts.as_slice() {
        if !has_origin && own > 0 {
            return only.clone();
        }
    }
    format!(
        "{total} {}: {}",
        if total == 1 { "place" } else { "places" },
        list(&parts.iter().map(String::as_str).collect::<Vec<_>>())
    )
}

/// An outcome class in a few words, for tooltips and tables.
pub fn outcome_class_short(class: OutcomeClass) -> &'static str {
    match class {
        OutcomeClass::Open => "No license needed",
        OutcomeClass::Exception => "No license: exception",
        OutcomeClass::License => "License needed",
        OutcomeClass::Denial => "License needed, denial expected",
    }
}

/// ", except perhaps in Country Group D:1 and D:4 (contested)" where the allowance's reach is.
fn contested_allowance(l: &crate::model::Lpp) -> String {
    match &l.contested_place {
        Some(p) => format!(
            " (whether this allowance reaches {} is contested)",
            place_words(p)
        ),
        None => String::new(),
    }
}

/// What an outcome class means on the outcome map.
pub fn outcome_class_label(class: OutcomeClass) -> &'static str {
    match class {
        OutcomeClass::Open => "No license needed",
        OutcomeClass::Exception => "No license: an exception or authorization covers this order",
        OutcomeClass::License => "License needed",
        OutcomeClass::Denial => "License needed, presumption or policy of denial",
    }
}

/// A threshold's name, from its regime's provisions: what the line is, under which rules.
pub fn threshold_name(t: &crate::convert::Threshold) -> String {
    use crate::convert::Kind;
    let Some(r) = t.regime() else {
        return t.id.clone();
    };
    let what = match t.kind {
        Kind::Lpp => r
            .exceptions
            .lpp
            .as_ref()
            .map_or("License-free allowance".into(), |l| capitalised(l.name)),
        Kind::Allocation | Kind::AllocationG2g => {
            let period = r.allocation.as_ref().map_or("", |a| a.period);
            let g2g = if t.kind == Kind::AllocationG2g {
                " with a government-to-government agreement"
            } else {
                ""
            };
            format!("Tier 2 country allocation for licensed exports{g2g} ({period})")
        }
        Kind::AiaReport => "License Exception AIA's reporting line".into(),
        Kind::Nveu(d) => format!(
            "National VEU installed-base cap from Q{} {}",
            d.quarter(),
            d.year()
        ),
        Kind::BandTpp => match &r.china_band {
            Some(b) => format!(
                "TPP line below which licenses for {} are reviewed {} ({})",
                place_words(&b.place),
                review_phrase(b.policy),
                b.max_tpp.cite.fr().unwrap_or("2026 band")
            ),
            None => "TPP line of a review band".into(),
        },
        Kind::Size(p) => format!(
            "Size above which licenses are reviewed {}",
            review_phrase(p)
        ),
    };
    format!("{what} — {}", r.short_name)
}

/// What a threshold's TPP is counted against, in words.
pub fn measure_label(m: crate::convert::Measure) -> &'static str {
    use crate::convert::Measure;
    match m {
        Measure::BuyerYear => "per buyer per calendar year",
        Measure::BuyerTotal => "per buyer, everything it has received",
        Measure::CountryPeriod => "per country, licensed exports over the allocation's period",
        Measure::CountryYear => "per country per year",
        Measure::InstalledBase => "per National VEU per country, its installed base",
        Measure::Order => "per order (one shipment)",
        Measure::Chip => "per chip: each chip's own TPP",
    }
}

/// What a conversion's counts mean: how many whole chips stay within the amount, and on which
/// side of the line an amount exactly on it falls.
pub fn fit_note(bound: crate::convert::Bound, measure: Option<crate::convert::Measure>) -> String {
    use crate::convert::{Bound, Measure};
    let side = match bound {
        Bound::UpTo => "whole chips whose total TPP is at most the amount",
        Bound::Below => "whole chips whose total TPP stays below the line (reaching it crosses it)",
    };
    match measure {
        Some(Measure::Chip) => format!("{side}; this line applies to each chip's own TPP, so a count of 1 or more means the chip is below it"),
        _ => format!("{side}; counts use exact TPP, and where the sources give a chip several TPP figures each is counted"),
    }
}

/// The largest license-free quantity of an order, in words.
pub fn license_free(l: crate::compare::LicenseFree) -> String {
    use crate::compare::LicenseFree;
    match l {
        LicenseFree::Any(n) => format!(
            "any quantity (checked up to {} chips, the largest order answered)",
            Dec::from_int(n).grouped()
        ),
        LicenseFree::None => "none: even one chip needs a license".into(),
        LicenseFree::UpTo(n) => format!(
            "up to {} chips; {} need a license",
            Dec::from_int(n).grouped(),
            Dec::from_int(n.saturating_add(1)).grouped()
        ),
    }
}

/// A claim's verdict in words.
pub fn verdict_label(v: crate::claims::Verdict) -> &'static str {
    use crate::claims::Verdict;
    match v {
        Verdict::Accurate => "accurate",
        Verdict::PartlyAccurate => "partly accurate",
        Verdict::Inaccurate => "inaccurate",
        Verdict::Unverifiable => "unverifiable",
    }
}

/// The right figure of a checked claim, in words, from the data.
pub fn corrected(c: &crate::claims::Check) -> String {
    use crate::claims::Figure;
    match &c.figure {
        Figure::Threshold(t) => format!(
            "{}: {} TPP {}, {}",
            threshold_name(t),
            t.tpp.grouped(),
            measure_label(t.measure),
            h100e(t.tpp)
        ),
        Figure::TierCount { regime, tier, count } => format!(
            "Tier {} of the {} holds {count} places in their own right (ISO 3166-1 entries, not counting the United States or places treated as part of another)",
            tier.number(),
            regime.short_name
        ),
        Figure::Tiers { regime, tiers } => {
            let each: Vec<String> = tiers
                .iter()
                .map(|(code, t)| {
                    let name = country::by_code(code).map_or(*code, |k| k.name());
                    t.map_or(format!("{name}: no tier"), |t| format!("{name}: Tier {}", t.number()))
                })
                .collect();
            format!("Under the {}: {}", regime.short_name, list(&each.iter().map(String::as_str).collect::<Vec<_>>()))
        }
        Figure::Date { regime, event, date } => {
            let what = match event {
                crate::vocab::DateEvent::Compliance => "compliance was due",
                crate::vocab::DateEvent::Effective => "it took effect",
            };
            format!("{}: {what} on {date}", regime.short_name)
        }
        Figure::Deal { chip, quantity, tpp, caps } => {
            let each: Vec<String> = caps.iter().map(|k| deal_cap(k, *tpp)).collect();
            let model = crate::chip::catalog()
                .iter()
                .find(|c| c.id() == *chip)
                .map_or(*chip, |c| c.model());
            format!(
                "{} × {model} = {} TPP, {}; {}",
                Dec::from_int(*quantity).grouped(),
                tpp.grouped(),
                h100e(*tpp),
                join(&each, "; ")
            )
        }
    }
}

/// A deal set against one cap: "above the … (790,000,000 TPP), 2.7 times it".
fn deal_cap(k: &crate::claims::DealCap, tpp: Dec) -> String {
    let times = tpp
        .ratio_text(k.threshold.tpp, 1)
        .map_or(String::new(), |x| {
            format!(", {} times it", group_digits(&x))
        });
    let side = if k.exceeds { "above" } else { "within" };
    let tier = match k.tier {
        Some(crate::verdict::Tier::Two) | None => String::new(),
        Some(t) => format!(
            " (the destination was in Tier {}, which has no such allocation)",
            t.number()
        ),
    };
    let split = if k.by_reading.iter().any(|r| r.1 != k.exceeds) {
        " (on another published TPP of the chip it would not be)"
    } else {
        ""
    };
    format!(
        "{side} the {} ({} TPP){times}{tier}{split}",
        threshold_name(&k.threshold),
        k.threshold.tpp.grouped()
    )
}

/// One finding about a claim, in words.
pub fn finding(f: &crate::claims::Finding) -> String {
    use crate::claims::Finding;
    match f {
        Finding::FigureMatches => "the figure is the data's, exactly or as rounded".into(),
        Finding::FigureOff => "the figure is not the data's".into(),
        Finding::MeasureDiffers { claimed, actual } => format!(
            "the claim counts it {}; the rule counts it {}",
            measure_label(*claimed),
            measure_label(*actual)
        ),
        Finding::CountsChips => format!(
            "the claim counts chips; the rule counts TPP, in which one H100 is {} and newer chips count for more",
            CLASSIFICATION.h100_tpp.value.grouped()
        ),
        Finding::Hypothetical => "the regime is a reported proposal or draft, never adopted".into(),
        Finding::SameTier => "they are in the same tier".into(),
        Finding::DifferentTiers => "they are not all in the same tier".into(),
        Finding::OtherTier => "they are in the same tier, but not the one claimed".into(),
        Finding::SetAsideBefore(d) => format!("the rule was set aside on {d}, before that day"),
        Finding::LicensesNotPublic => "the licenses are not public: the engine sets the reported figure against the rules and cannot check the deal itself".into(),
    }
}

/// How a provision changed by a scenario is marked where its citation is shown.
pub const SCENARIO_CHANGED: &str =
    "changed in a hypothetical scenario: the figure or list used here is not the rule's";

/// What a scenario changed, in words: "the license-free allowance set to 500 H100-equivalents
/// (the rule's: 1,700); Israel moved from Tier 2 to Tier 3".
pub fn scenario_changes(s: &Scenario) -> String {
    let mut parts = Vec::new();
    if let Some(c) = s.lpp {
        parts.push(format!(
            "the license-free allowance set to {} ({} TPP; the rule's: {})",
            h100e_whole(c.tpp),
            c.tpp.grouped(),
            h100e_whole(c.was)
        ));
    }
    if let Some(c) = s.cap {
        parts.push(format!(
            "the country allocation set to {} ({} TPP; the rule's: {})",
            h100e_whole(c.tpp),
            c.tpp.grouped(),
            h100e_whole(c.was)
        ));
    }
    if let Some((now, was)) = s.g2g {
        parts.push(format!(
            "an agreement multiplying the allocation by {now} (the rule's: {was})"
        ));
    }
    for m in &s.moves {
        parts.push(format!(
            "{} moved from {} to {}",
            m.country.name(),
            status_short(m.was, s.base),
            status_short(m.now, s.base)
        ));
    }
    join(&parts, "; ")
}

/// What a regime lacks when a scenario tries to change it (after "the rules `id` ").
pub fn scenario_missing(setting: Setting) -> &'static str {
    match setting {
        Setting::Lpp => "have no license-free allowance (LPP) to change; choose rules that have one, such as the AI Diffusion rule or the reported 2025 proposal",
        Setting::Cap => "have no country allocation to change; the AI Diffusion rule has one",
        Setting::G2g => "have no country allocation for an agreement to multiply; the AI Diffusion rule has one",
        Setting::Move(_) => "cannot move places this way",
    }
}

/// Which statuses a scenario may move places to under rules with or without tiers.
pub fn scenario_status_missing(tiered: bool) -> &'static str {
    if tiered {
        "have tiers: move places to tier-1, tier-2 or tier-3"
    } else {
        "have no tiers: move places to open, license or denial"
    }
}

/// A dated event of the timeline in words.
pub fn event(e: &crate::timeline::Event) -> String {
    use crate::timeline::Kind;
    let names =
        |cs: &[&crate::model::Country]| list(&cs.iter().map(|c| c.name()).collect::<Vec<_>>());
    match &e.kind {
        Kind::Published(r) => format!("{}: published ({}).", r.name, r.cite.source.publisher),
        Kind::Effective(r) => format!("{}: in force from this day.", r.short_name),
        Kind::Compliance(r) => format!("{}: compliance due.", r.short_name),
        Kind::Note(_, n) => n.text.to_string(),
        Kind::Joined(g, cs) => format!("{} joined {}.", names(cs), g.name),
        Kind::Left(g, cs) => format!("{} left {}.", names(cs), g.name),
        Kind::Letters(i) => format!(
            "Letters to their makers require a license for the {} to {}.",
            letter_chips(i),
            place_words(&i.place)
        ),
        Kind::Tariff(t) => t.text.to_string(),
    }
}
