//! The facts of a query, computed once: the chip's class and amounts, where the chips go and who
//! buys them (codes mapped through "treated as", tiers, group memberships), and the date. Every
//! rule in [`crate::rules`] is a function of these facts and its own provision.

use std::cell::RefCell;

use crate::chip::{Chip, Class, Metrics};
use crate::country;
use crate::data::ORIGIN;
use crate::date::Date;
use crate::decimal::{Dec, MAX_EXACT_MILLI};
use crate::error::{Error, Field};
use crate::eval::Status;
use crate::model::{Cite, Country, Datacenter, IsInformed, Regime};
use crate::place;
use crate::query::{EndUser, Query, Shipment};
use crate::verdict::Tier;
use crate::vocab::ContestedFact;

/// The TPP figures of an order whose chip has a known TPP.
#[derive(Clone, Copy, Debug)]
pub struct Amounts {
    /// One chip.
    pub tpp: Dec,
    /// The order.
    pub order: Dec,
    /// This calendar year's earlier shipments to the buyer plus the order (LPP).
    pub cumulative: Dec,
    /// An NVEU's installed base in the country plus the order.
    pub installed: Dec,
    /// Everything the buyer received before plus the order (AIA's reporting line).
    pub total: Dec,
}

/// Multiplies out the order, exactly; an overflow is an error, never a wrapped number.
fn amounts_of(tpp: Dec, q: &Query) -> Result<Amounts, Error> {
    let order = tpp
        .checked_mul_int(q.quantity)
        .filter(|t| t.milli() <= MAX_EXACT_MILLI)
        .ok_or(Error::TooLarge {
            field: Field::Quantity,
            what: "the order's TPP",
        })?;
    let plus = |earlier: Dec, field: Field| {
        earlier
            .checked_add(order)
            .filter(|t| t.milli() <= MAX_EXACT_MILLI)
            .ok_or(Error::TooLarge {
                field,
                what: "earlier shipments plus this order",
            })
    };
    Ok(Amounts {
        tpp,
        order,
        cumulative: plus(q.prior_tpp, Field::PriorTpp)?,
        installed: plus(q.installed_tpp, Field::InstalledTpp)?,
        total: plus(q.buyer_total_tpp, Field::BuyerTotalTpp)?,
    })
}

/// The tier of `code` (mapped through "treated as") under `regime` on `date`, or `None` if the
/// regime has no tiers. Tier 3 is checked first: a place in both lists is Tier 3.
pub fn tier_of(regime: &Regime, code: &str, date: Date) -> Option<(Tier, &'static Cite)> {
    let t = regime.tiers.as_ref()?;
    if let Some(m) = regime.scenario.and_then(|s| s.moved(code)) {
        let tier = match m.now {
            Status::Tier1 => Tier::One,
            Status::Tier3 => Tier::Three,
            _ => Tier::Two,
        };
        return Some((tier, m.cite));
    }
    if place::contains(&t.tier3, code, date) {
        Some((Tier::Three, t.tier3.cite))
    } else if place::contains(&t.tier1, code, date) {
        Some((Tier::One, t.tier1.cite))
    } else {
        Some((Tier::Two, t.tier2_cite))
    }
}

/// Everything the rules need to know about one query.
#[derive(Clone, Debug)]
pub struct Facts<'q> {
    /// The query.
    pub q: &'q Query,
    /// The regime.
    pub r: &'static Regime,
    /// The day whose dated facts apply.
    pub date: Date,
    /// The 3A090 class (a stated "outside 3A090" counts as not controlled).
    pub class: Class,
    /// Where the line that decided the class is stated.
    pub class_cite: &'static Cite,
    /// Datacenter status.
    pub datacenter: Datacenter,
    /// The order's TPP figures, when the chip's TPP is known.
    pub amounts: Option<Amounts>,
    /// The destination.
    pub dest: &'static Country,
    /// Its code, mapped through "treated as".
    pub dest_code: &'static str,
    /// The buyer's headquarters (the destination when not given).
    pub hq: &'static Country,
    /// Its code, mapped through "treated as".
    pub hq_code: &'static str,
    /// The destination's tier.
    pub tier: Option<(Tier, &'static Cite)>,
    /// The headquarters' tier.
    pub hq_tier: Option<(Tier, &'static Cite)>,
    /// The destination is in the regime's embargoed places.
    pub dest_embargo: bool,
    /// The buyer is headquartered in the places of the headquarters rule.
    pub hq_embargo: bool,
    /// Where the shipment leaves from, when not the United States, and what that makes it.
    pub from: Option<(&'static Country, Shipment)>,
    /// The is-informed letters name this chip and are in force.
    pub letters: Option<&'static IsInformed>,
    /// ... and cover this destination.
    pub letters_here: Option<&'static IsInformed>,
    /// Readings chosen for contested facts.
    readings: &'q [(ContestedFact, &'static str)],
    /// The contested facts a rule looked at while deciding.
    consulted: RefCell<Vec<ContestedFact>>,
}

impl<'q> Facts<'q> {
    /// Gathers the facts. Fails only when the chip cannot be classed or a product overflows.
    pub fn gather(q: &'q Query, metrics: &Metrics) -> Result<Facts<'q>, Error> {
        let r = q.selection.regime;
        let date = q.selection.date;
        // A chip whose throughput is unpublished can still be answered when the research states
        // it is outside 3A090 (MI308X): only its own letters can require a license.
        if !metrics.answerable() {
            return Err(Error::NoThroughput { chip: q.chip.id() });
        }
        let class = metrics.class.unwrap_or(Class::NotControlled);
        let amounts = metrics.tpp.map(|t| amounts_of(t, q)).transpose()?;
        let dest = q.destination;
        let (dest_code, _) = country::treated_as(dest.code());
        let hq = q.hq.unwrap_or(dest);
        let (hq_code, _) = country::treated_as(hq.code());
        let letters = r.is_informed.as_ref().filter(|i| match &q.chip {
            Chip::Catalog(e) => i.chips.contains(&e.id()) && date >= i.from,
            Chip::Custom(_) => false,
        });
        Ok(Facts {
            q,
            r,
            date,
            class,
            class_cite: metrics.class_cite,
            datacenter: metrics.datacenter,
            amounts,
            dest,
            dest_code,
            hq,
            hq_code,
            tier: tier_of(r, dest_code, date),
            hq_tier: tier_of(r, hq_code, date),
            dest_embargo: place::contains(&r.embargo, dest_code, date),
            hq_embargo: place::contains(&r.hq_rule, hq_code, date),
            from: q.shipped_from(),
            letters,
            letters_here: letters.filter(|i| {
                place::contains(&i.place, dest_code, date)
                    || i.hq_place
                        .as_ref()
                        .is_some_and(|p| place::contains(p, hq_code, date))
            }),
            readings: &q.readings,
            consulted: RefCell::new(Vec::new()),
        })
    }

    /// True when `fact` takes its first (stricter) reading, which it does unless the query
    /// chose another. Records that the answer turned on it.
    pub fn on_first(&self, fact: ContestedFact) -> bool {
        let mut c = self.consulted.borrow_mut();
        if !c.contains(&fact) {
            c.push(fact);
        }
        let first = crate::data::CONTESTED
            .iter()
            .find(|c| c.fact == fact)
            .and_then(|c| c.readings.first())
            .map(|r| r.id);
        self.readings
            .iter()
            .find(|(f, _)| *f == fact)
            .is_none_or(|(_, r)| Some(*r) == first)
    }

    /// The contested facts the rules looked at.
    pub fn consulted(&self) -> Vec<ContestedFact> {
        self.consulted.borrow().clone()
    }

    /// A shipment that stays in the United States.
    pub fn inside_origin(&self) -> bool {
        self.dest_code == ORIGIN
    }

    /// 3A090.a or .b.
    pub fn controlled(&self) -> bool {
        self.class.is_controlled()
    }

    /// The destination or the headquarters is embargoed.
    pub fn embargoed(&self) -> bool {
        self.dest_embargo || self.hq_embargo
    }

    /// The destination is in Tier 1.
    pub fn dest_tier1(&self) -> bool {
        self.tier.is_some_and(|(t, _)| t == Tier::One)
    }

    /// The headquarters is in Tier 1.
    pub fn hq_tier1(&self) -> bool {
        self.hq_tier.is_some_and(|(t, _)| t == Tier::One)
    }

    /// The destination is in Tier 2.
    pub fn dest_tier2(&self) -> bool {
        self.tier.is_some_and(|(t, _)| t == Tier::Two)
    }

    /// A 3A090 item that NAC and ACA can cover: not a datacenter 3A090.a part.
    pub fn nac_aca_item(&self) -> bool {
        self.controlled() && !(self.class.is_a() && self.datacenter != Datacenter::No)
    }

    /// The buyer's authorization.
    pub fn end_user(&self) -> EndUser {
        self.q.end_user
    }
}
