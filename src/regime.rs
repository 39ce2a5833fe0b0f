//! Choosing a regime: by id, by the date whose rules a person wants, or the latest real one.

use crate::data::{DATASET, REGIMES};
use crate::date::Date;
use crate::error::{Error, Field};
use crate::model::Regime;

/// All regimes, in order of effective date, the unenforced text last.
pub fn all() -> &'static [Regime] {
    REGIMES
}

/// How the regime of an answer was chosen; the answer says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// Nothing was asked: the latest real regime, with its latest dated facts.
    Default,
    /// Asked by id: that regime with its own `as_of` facts.
    ById,
    /// Asked by date: the real regime in force that day, with that day's facts.
    ByDate,
}

/// A regime and the day whose dated facts (country groups) apply.
#[derive(Clone, Copy, Debug)]
pub struct Selection {
    /// The regime.
    pub regime: &'static Regime,
    /// The day.
    pub date: Date,
    /// How it was chosen.
    pub chosen: Chosen,
    /// The day asked for, when it is after the day the data was last checked: `date` is then
    /// that day, and the answer says that later changes are unknown.
    pub asked: Option<Date>,
}

/// What a person asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// Nothing: the rule in force now (as far as our data runs).
    #[default]
    Latest,
    /// A regime id.
    Id(String),
    /// A date, `YYYY-MM-DD`.
    Date(String),
}

impl Choice {
    /// A regime id or a date, never both; neither means the latest.
    pub fn from_parts(regime: Option<String>, date: Option<String>) -> Result<Choice, Error> {
        let regime = regime.filter(|s| !s.trim().is_empty());
        let date = date.filter(|s| !s.trim().is_empty());
        match (regime, date) {
            (Some(r), None) => Ok(Choice::Id(r)),
            (None, Some(d)) => Ok(Choice::Date(d)),
            (None, None) => Ok(Choice::Latest),
            (Some(r), Some(_)) => Err(Error::BadChoice {
                field: Field::Regime,
                input: r,
                accepted: "a regime id or a date, not both",
            }),
        }
    }
}

/// The latest of the rules in force one after another: the rules in force now.
pub fn latest() -> Option<&'static Regime> {
    REGIMES
        .iter()
        .filter(|r| r.in_succession())
        .max_by_key(|r| r.effective)
}

/// The earliest of the rules in force one after another.
pub fn earliest() -> Option<&'static Regime> {
    REGIMES
        .iter()
        .filter(|r| r.in_succession())
        .min_by_key(|r| r.effective)
}

/// The first day any real regime covers.
pub fn coverage_start() -> Option<Date> {
    earliest().map(|r| r.effective)
}

/// The latest day our dated facts reach (the latest regime's `as_of`).
pub fn data_horizon() -> Option<Date> {
    latest().map(|r| r.as_of)
}

/// Resolves a choice.
pub fn select(choice: &Choice) -> Result<Selection, Error> {
    let no_regime = || Error::UnknownRegime {
        input: String::new(),
        known: ids(),
    };
    match choice {
        Choice::Latest => {
            let r = latest().ok_or_else(no_regime)?;
            Ok(Selection {
                regime: r,
                date: r.as_of,
                chosen: Chosen::Default,
                asked: None,
            })
        }
        Choice::Id(id) => {
            let wanted = id.trim().to_ascii_lowercase();
            let r =
                REGIMES
                    .iter()
                    .find(|r| r.id == wanted)
                    .ok_or_else(|| Error::UnknownRegime {
                        input: id.clone(),
                        known: ids(),
                    })?;
            Ok(Selection {
                regime: r,
                date: r.as_of,
                chosen: Chosen::ById,
                asked: None,
            })
        }
        Choice::Date(text) => {
            let date = Date::parse(text).ok_or_else(|| Error::BadDate {
                input: text.clone(),
            })?;
            let first = earliest().ok_or_else(no_regime)?;
            if date < first.effective {
                return Err(Error::DateOutOfCoverage {
                    date: date.to_string(),
                    first: first.effective.to_string(),
                    rule: first.short_name,
                });
            }
            let r = REGIMES
                .iter()
                .filter(|r| r.in_succession() && r.effective <= date)
                .max_by_key(|r| r.effective)
                .ok_or_else(no_regime)?;
            // Facts after the last check are unknown: answer with the checked day's facts.
            let checked = DATASET.checked;
            Ok(Selection {
                regime: r,
                date: date.min(checked),
                chosen: Chosen::ByDate,
                asked: (date > checked).then_some(date),
            })
        }
    }
}

fn ids() -> Vec<&'static str> {
    REGIMES.iter().map(|r| r.id).collect()
}
