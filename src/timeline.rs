//! The dated events of the data, in order: when each real regime was published, took effect and
//! fell due, the dated notes (the rescission), changes to the country groups, the H20 letters and
//! the import duty. A reader drags through them; each carries its citation. Hypothetical regimes
//! are never events: they are listed beside the timeline by [`mod@crate::wire::timeline`].

use crate::data::{DATASET, GROUPS};
use crate::date::Date;
use crate::model::{Cite, Country, Group, IsInformed, Note, Published, Regime, Tariff};
use crate::{country, regime};

/// What happened on a day.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A regime's text (or announcement) was published.
    Published(&'static Regime),
    /// A regime took effect.
    Effective(&'static Regime),
    /// Compliance with a regime fell due.
    Compliance(&'static Regime),
    /// A regime's dated note (an event told in its own words).
    Note(&'static Regime, &'static Note),
    /// Places joined a country group or list.
    Joined(&'static Group, Vec<&'static Country>),
    /// Places left a country group or list.
    Left(&'static Group, Vec<&'static Country>),
    /// The is-informed letters took effect.
    Letters(&'static IsInformed),
    /// An import duty took effect.
    Tariff(&'static Tariff),
}

impl Kind {
    /// The stable id on the wire.
    pub fn id(&self) -> &'static str {
        match self {
            Kind::Published(_) => "published",
            Kind::Effective(_) => "effective",
            Kind::Compliance(_) => "compliance",
            Kind::Note(..) => "note",
            Kind::Joined(..) => "group-joined",
            Kind::Left(..) => "group-left",
            Kind::Letters(_) => "letters",
            Kind::Tariff(_) => "tariff",
        }
    }

    /// The regime an event belongs to, if one.
    pub fn regime(&self) -> Option<&'static Regime> {
        match self {
            Kind::Published(r) | Kind::Effective(r) | Kind::Compliance(r) | Kind::Note(r, _) => {
                Some(r)
            }
            _ => None,
        }
    }
}

/// One dated event with its citation.
#[derive(Clone, Debug)]
pub struct Event {
    /// The day.
    pub date: Date,
    /// What happened.
    pub kind: Kind,
    /// Where it is stated.
    pub cite: &'static Cite,
}

/// Every event from the first real regime's publication to the day the data was last checked,
/// in date order (same-day events in the order above: publication before effect).
pub fn events() -> Vec<Event> {
    let real: Vec<&'static Regime> = regime::all().iter().filter(|r| r.in_succession()).collect();
    let mut out: Vec<Event> = Vec::new();
    for r in &real {
        regime_events(r, &mut out);
    }
    let start = out.iter().map(|e| e.date).min();
    for g in GROUPS {
        group_events(g, &mut out);
    }
    out.retain(|e| start.is_none_or(|s| e.date >= s) && e.date <= DATASET.checked);
    out.sort_by_key(|e| (e.date, rank(&e.kind)));
    out
}

fn rank(k: &Kind) -> u8 {
    match k {
        Kind::Published(_) => 0,
        Kind::Effective(_) => 1,
        Kind::Compliance(_) => 2,
        Kind::Note(..) => 3,
        Kind::Letters(_) => 4,
        Kind::Tariff(_) => 5,
        Kind::Joined(..) => 6,
        Kind::Left(..) => 7,
    }
}

fn regime_events(r: &'static Regime, out: &mut Vec<Event>) {
    if let Some(Published::Day(d)) = r.cite.source.date {
        if d < r.effective {
            out.push(Event {
                date: d,
                kind: Kind::Published(r),
                cite: r.cite,
            });
        }
    }
    out.push(Event {
        date: r.effective,
        kind: Kind::Effective(r),
        cite: r.cite,
    });
    if let Some(c) = &r.compliance {
        out.push(Event {
            date: c.date,
            kind: Kind::Compliance(r),
            cite: c.cite,
        });
    }
    for n in r.notes {
        // A note several regimes carry (written once in provisions.toml) is one event.
        let seen = |out: &Vec<Event>| {
            out.iter()
                .any(|e| matches!(e.kind, Kind::Note(_, m) if m.text == n.text))
        };
        if let (Some(d), false) = (n.from, seen(out)) {
            out.push(Event {
                date: d,
                kind: Kind::Note(r, n),
                cite: n.cite,
            });
        }
    }
    // Provisions shared by several regimes are one event, told once.
    if let Some(i) = &r.is_informed {
        let seen = out
            .iter()
            .any(|e| matches!(e.kind, Kind::Letters(_)) && e.date == i.from);
        if !seen {
            out.push(Event {
                date: i.from,
                kind: Kind::Letters(i),
                cite: i.place.cite,
            });
        }
    }
    for t in r.tariffs {
        let seen = out
            .iter()
            .any(|e| matches!(e.kind, Kind::Tariff(_)) && e.date == t.from);
        if !seen {
            out.push(Event {
                date: t.from,
                kind: Kind::Tariff(t),
                cite: t.cite,
            });
        }
    }
}

/// Joins and departures of one group, one event per day and direction, citing the first record.
fn group_events(g: &'static Group, out: &mut Vec<Event>) {
    let mut days: Vec<(Date, bool)> = g
        .members
        .iter()
        .flat_map(|m| [m.from.map(|d| (d, true)), m.until.map(|d| (d, false))])
        .flatten()
        .collect();
    days.sort();
    days.dedup();
    for (day, joined) in days {
        let records: Vec<_> = g
            .members
            .iter()
            .filter(|m| (if joined { m.from } else { m.until }) == Some(day))
            .collect();
        let Some(first) = records.first() else {
            continue;
        };
        let places: Vec<&'static Country> = records
            .iter()
            .filter_map(|m| country::by_code(m.code()))
            .collect();
        out.push(Event {
            date: day,
            kind: if joined {
                Kind::Joined(g, places)
            } else {
                Kind::Left(g, places)
            },
            cite: first.cite,
        });
    }
}
