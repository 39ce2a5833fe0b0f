//! License exceptions and authorizations (15 CFR part 740, §748.15) and the 2026 China band: one
//! function each, from the facts and the regime's provision to a typed verdict.

use crate::facts::Facts;
use crate::place;
use crate::query::EndUser;
use crate::reason::Why;
use crate::rules::requirement::Requirement;
use crate::verdict::{CapKind, CapUse, ExceptionCheck, ExceptionId};
use crate::vocab::ContestedFact;

/// Which available exception the answer relies on, first match wins: the buyer's own
/// authorization (UVEU, NVEU) first, since a validated end user ships under it whatever else
/// applies and it keeps the order off the country allocation; then AIA and ACA, which need no
/// notice and no quantity accounting; then LPP, which uses up the buyer's yearly allowance; NAC
/// last, since it needs 25 days' notice and BIS may still object. The 2026 China band is not here:
/// it changes how a license is reviewed, not whether one is needed.
pub const PRIORITY: [ExceptionId; 6] = [
    ExceptionId::Uveu,
    ExceptionId::Nveu,
    ExceptionId::Aia,
    ExceptionId::Aca,
    ExceptionId::Lpp,
    ExceptionId::Nac,
];

/// Every exception of the regime checked for this order; caps the order counts against are added
/// to `caps`.
pub fn all(f: &Facts, req: &Requirement, caps: &mut Vec<CapUse>) -> Vec<ExceptionCheck> {
    let mut checks = vec![
        uveu(f),
        nveu(f, caps),
        aia(f, caps),
        aca(f),
        lpp(f, caps),
        nac(f, req),
    ];
    checks.extend(china_band(f));
    checks
}

/// Marks and returns the exception the answer relies on, by [`PRIORITY`].
pub fn choose(checks: &mut [ExceptionCheck]) -> Option<ExceptionId> {
    let used = PRIORITY
        .into_iter()
        .find(|id| checks.iter().any(|c| c.id == *id && c.available));
    for c in checks.iter_mut() {
        c.used = Some(c.id) == used;
    }
    used
}

/// True when the 2026 band's review applies.
pub fn band_applies(checks: &[ExceptionCheck]) -> bool {
    checks
        .iter()
        .any(|c| c.id == ExceptionId::ChinaBand && c.available)
}

fn absent(f: &Facts, id: ExceptionId) -> ExceptionCheck {
    ExceptionCheck::new(id, Why::Absent, f.r.cite)
}

/// What NAC and ACA say of an item they cannot cover.
fn item_why(f: &Facts) -> Why {
    if f.controlled() {
        Why::DatacenterA
    } else {
        Why::Only3A090
    }
}

/// §748.15(b): a Universal VEU headquartered in Tier 1, outside Macau and D:5.
fn uveu(f: &Facts) -> ExceptionCheck {
    let Some(cite) = f.r.exceptions.uveu else {
        return absent(f, ExceptionId::Uveu);
    };
    let why = if f.end_user() != EndUser::Uveu {
        Why::NotThisEndUser
    } else if !f.controlled() {
        Why::LettersOnly
    } else if f.dest_embargo {
        Why::Embargoed(&f.r.embargo)
    } else if !f.hq_tier1() {
        Why::HqNotTier1(f.hq)
    } else {
        Why::Granted
    };
    ExceptionCheck::new(ExceptionId::Uveu, why, cite)
}

/// §748.15(a): a National VEU, up to its installed-base cap for the quarter.
fn nveu(f: &Facts, caps: &mut Vec<CapUse>) -> ExceptionCheck {
    let Some(n) = &f.r.exceptions.nveu else {
        return absent(f, ExceptionId::Nveu);
    };
    let step = n
        .schedule
        .iter()
        .rfind(|s| s.from <= f.date)
        .or(n.schedule.first());
    let is_nveu = f.end_user() == EndUser::Nveu;
    let why = if !is_nveu {
        Why::NotThisEndUser
    } else if !f.controlled() {
        Why::LettersOnly
    } else if f.embargoed() {
        Why::Embargoed(&f.r.embargo)
    } else {
        match step.zip(f.amounts) {
            Some((s, a)) if a.installed > s.tpp => Why::OverCap {
                total: a.installed,
                cap: s.tpp,
                country: f.dest,
            },
            _ => Why::Granted,
        }
    };
    // The cap is shown only where the authorization could be relied on at all.
    let usable = matches!(why, Why::Granted | Why::OverCap { .. });
    if let (Some(s), true, Some(a)) = (step, usable, f.amounts) {
        caps.push(CapUse {
            kind: CapKind::Nveu { date: f.date },
            limit: s.tpp,
            used: a.installed,
            counts: true,
            cite: n.cite,
        });
    }
    ExceptionCheck::new(ExceptionId::Nveu, why, n.cite)
}

/// §740.27: 3A090.a items to buyers located and headquartered in Tier 1, no quantity limit;
/// certifications are reported from a cumulative TPP line.
fn aia(f: &Facts, caps: &mut Vec<CapUse>) -> ExceptionCheck {
    let Some(a) = &f.r.exceptions.aia else {
        return absent(f, ExceptionId::Aia);
    };
    let why = if !f.class.is_a() {
        Why::OnlyA
    } else if !f.dest_tier1() {
        Why::DestNotTier1(f.dest)
    } else if !f.hq_tier1() {
        Why::HqNotTier1(f.hq)
    } else {
        Why::Granted
    };
    if let (true, Some(amt)) = (why.grants(), f.amounts) {
        caps.push(CapUse {
            kind: CapKind::AiaReport,
            limit: a.report_tpp.value,
            used: amt.total,
            counts: true,
            cite: a.report_tpp.cite,
        });
    }
    ExceptionCheck::new(ExceptionId::Aia, why, a.cite)
}

/// §740.8(b): items other than datacenter 3A090.a parts, to the listed destinations, no notice.
fn aca(f: &Facts) -> ExceptionCheck {
    let Some(a) = &f.r.exceptions.aca else {
        return absent(f, ExceptionId::Aca);
    };
    let why = if f.date < a.from {
        Why::NotYet(a.from)
    } else if !f.nac_aca_item() {
        item_why(f)
    } else if f.embargoed() {
        Why::Embargoed(&f.r.embargo)
    } else if !place::contains(&a.place, f.dest_code, f.date) {
        Why::OutsidePlace(&a.place)
    } else {
        Why::Granted
    };
    ExceptionCheck::new(ExceptionId::Aca, why, a.place.cite)
}

/// §740.29: 3A090.a items up to a yearly TPP allowance per buyer, outside Macau and D:5.
fn lpp(f: &Facts, caps: &mut Vec<CapUse>) -> ExceptionCheck {
    let Some(l) = &f.r.exceptions.lpp else {
        return absent(f, ExceptionId::Lpp);
    };
    let limit = l.limit.value;
    // Contested (lpp-d1-d4): on the first reading §740.2(a)(9)(ii) leaves LPP out for these places.
    let not_listed = l
        .contested_place
        .as_ref()
        .filter(|p| place::contains(p, f.dest_code, f.date));
    let why = if !f.class.is_a() {
        Why::OnlyA
    } else if f.embargoed() {
        Why::Embargoed(&f.r.embargo)
    } else if let Some(p) = not_listed.filter(|_| f.on_first(ContestedFact::LppD1D4)) {
        Why::NotListed(p)
    } else {
        match f.amounts {
            None => Why::TppUnknown,
            Some(a) if a.cumulative > limit => Why::OverLimit {
                total: a.cumulative,
                limit,
            },
            Some(_) => Why::WithinLimit {
                limit,
                spares_allocation: f.r.allocation.is_some() && f.dest_tier2(),
            },
        }
    };
    // An allowance the order cannot use here (not listed on this reading) is no cap of it.
    let listed = !matches!(why, Why::NotListed(_));
    if let (true, false, true, Some(a)) = (f.class.is_a(), f.embargoed(), listed, f.amounts) {
        caps.push(CapUse {
            kind: CapKind::Lpp { name: l.name },
            limit,
            used: a.cumulative,
            counts: why.grants(),
            cite: l.limit.cite,
        });
    }
    ExceptionCheck::new(ExceptionId::Lpp, why, l.limit.cite)
}

/// §740.8(a): items other than datacenter 3A090.a parts to Macau/D:5 or their companies, after
/// notice. Before ACA existed (April 2024) NAC covered every licensed destination.
fn nac(f: &Facts, req: &Requirement) -> ExceptionCheck {
    let e = &f.r.exceptions;
    let Some(n) = &e.nac else {
        return absent(f, ExceptionId::Nac);
    };
    let before_aca = e.aca.as_ref().is_some_and(|a| f.date < a.from);
    let why = if !f.nac_aca_item() {
        item_why(f)
    } else if f.embargoed() || (before_aca && req.by_destination) {
        Why::AfterNotice {
            days: n.notice_days,
        }
    } else {
        Why::OnlyEmbargoed(&f.r.embargo)
    };
    ExceptionCheck::new(ExceptionId::Nac, why, n.cite)
}

/// 91 FR 1684: below both lines, exports from the US to China and Macau are reviewed
/// case-by-case. It is listed with the exceptions so the answer shows it was checked.
fn china_band(f: &Facts) -> Option<ExceptionCheck> {
    let b = f.r.china_band.as_ref()?;
    // Not even considered where it cannot apply: it is about destinations in its place only.
    if !place::contains(&b.place, f.dest_code, f.date) {
        return None;
    }
    let tpp = f.amounts.map(|a| a.tpp);
    let bandwidth = f.q.chip.dram_bandwidth();
    let why = match (f.from, tpp, bandwidth) {
        (Some((from, _)), _, _) => Why::NotFromUs(from),
        (None, Some(tpp), _) if tpp >= b.max_tpp.value => Why::TppNotBelow {
            tpp,
            max: b.max_tpp.value,
        },
        (None, Some(_), Some(bw)) if bw >= b.max_dram_gbs.value => Why::BandwidthNotBelow {
            bandwidth: bw,
            max: b.max_dram_gbs.value,
        },
        (None, Some(tpp), Some(bw)) => Why::InBand {
            tpp,
            max_tpp: b.max_tpp.value,
            bandwidth: bw,
            max_bandwidth: b.max_dram_gbs.value,
            policy: b.policy,
        },
        (None, None, _) => Why::TppUnknown,
        // Contested (band-bandwidth): on the first reading an unknown bandwidth is not below.
        (None, Some(_), None) if f.on_first(ContestedFact::BandBandwidth) => Why::BandwidthUnknown,
        (None, Some(tpp), None) => Why::BandwidthAssumedBelow {
            tpp,
            max_tpp: b.max_tpp.value,
            max_bandwidth: b.max_dram_gbs.value,
            policy: b.policy,
        },
    };
    Some(ExceptionCheck::new(
        ExceptionId::ChinaBand,
        why,
        b.place.cite,
    ))
}
