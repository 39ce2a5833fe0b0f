//! The JSON of the timeline (`timeline()` in the JS API): the dated events of the data, the span
//! each real regime was in force, and the hypothetical regimes, which sit beside the timeline and
//! never on it.

use serde::Serialize;

use super::{data, CitationOut, DataOut};
use crate::data::DATASET;
use crate::explain;
use crate::regime;
use crate::timeline::{self, Kind};

/// One dated event.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EventOut {
    /// The day, YYYY-MM-DD.
    pub date: String,
    /// `published`, `effective`, `compliance`, `note`, `group-joined`, `group-left`, `letters`
    /// or `tariff`.
    pub kind: &'static str,
    /// The regime it belongs to, if one.
    pub regime: Option<&'static str>,
    /// In words.
    pub text: String,
    /// Where it is stated.
    pub citation: CitationOut,
}

/// A real regime's span on the timeline.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PeriodOut {
    /// Regime id.
    pub id: &'static str,
    /// Short name.
    pub short_name: &'static str,
    /// First day in force.
    pub from: String,
    /// Last day in force; null for the regime in force now.
    pub until: Option<String>,
}

/// A hypothetical regime, beside the timeline.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportedOut {
    /// Regime id.
    pub id: &'static str,
    /// Short name.
    pub short_name: &'static str,
    /// The day it was reported.
    pub reported: String,
}

/// A text that stands in the CFR but is not enforced, beside the timeline.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UnenforcedOut {
    /// Regime id.
    pub id: &'static str,
    /// Short name.
    pub short_name: &'static str,
    /// The day its text took effect, since when it has stood in the CFR.
    pub since: String,
}

/// The timeline.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TimelineOut {
    /// The first day a real regime covers.
    pub start: String,
    /// The day the data was last checked: the timeline's end.
    pub end: String,
    /// Every dated event, in order.
    pub events: Vec<EventOut>,
    /// The real regimes, in order.
    pub periods: Vec<PeriodOut>,
    /// The hypothetical regimes.
    pub hypothetical: Vec<ReportedOut>,
    /// Texts that stand in the CFR but are not enforced (the AI Diffusion rule on the books).
    pub unenforced: Vec<UnenforcedOut>,
    /// The dataset's version and last check.
    pub data: DataOut,
}

/// The timeline of the data.
pub fn timeline() -> TimelineOut {
    let events: Vec<EventOut> = timeline::events()
        .iter()
        .map(|e| EventOut {
            date: e.date.to_string(),
            kind: e.kind.id(),
            regime: Kind::regime(&e.kind).map(|r| r.id),
            text: explain::event(e),
            citation: CitationOut::from_cite(e.cite, Some(e.date)),
        })
        .collect();
    let mut real: Vec<_> = regime::all().iter().filter(|r| r.in_succession()).collect();
    real.sort_by_key(|r| r.effective);
    let periods = real
        .iter()
        .enumerate()
        .map(|(i, r)| PeriodOut {
            id: r.id,
            short_name: r.short_name,
            from: r.effective.to_string(),
            until: real.get(i + 1).map(|_| r.as_of.to_string()),
        })
        .collect();
    TimelineOut {
        start: regime::coverage_start().map_or_else(String::new, |d| d.to_string()),
        end: DATASET.checked.to_string(),
        events,
        periods,
        hypothetical: regime::all()
            .iter()
            .filter(|r| r.hypothetical)
            .map(|r| ReportedOut {
                id: r.id,
                short_name: r.short_name,
                reported: r.effective.to_string(),
            })
            .collect(),
        unenforced: regime::all()
            .iter()
            .filter(|r| r.unenforced)
            .map(|r| UnenforcedOut {
                id: r.id,
                short_name: r.short_name,
                since: r.effective.to_string(),
            })
            .collect(),
        data: data(),
    }
}
