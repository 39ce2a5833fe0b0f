//! Answers that turn on a point the sources disagree about. The rules answer under each contested
//! fact's first (stricter or primary-text) reading and record which facts they looked at; this
//! module re-answers the query under every reading of each of those facts (and of the chip's TPP,
//! where its sources give a range), so an answer can say "it depends" and show each reading's
//! outcome, or say that the disagreement does not change it.

use crate::chip::Metrics;
use crate::data::{CLASSIFICATION, CONTESTED};
use crate::decimal::Dec;
use crate::error::Error;
use crate::model::{Cite, Contested, Reading};
use crate::query::Query;
use crate::rules;
use crate::verdict::{ExceptionId, Outcome, Verdict};
use crate::vocab::{ContestedFact, ReviewPolicy};

/// One reading of a contested fact: which, without the answer under it.
#[derive(Clone, Copy, Debug)]
pub struct Pick {
    /// The reading's id (`not-listed`, `available`, … or `catalog`, `low`, `high` for a chip).
    pub id: &'static str,
    /// The data's reading; `None` for a chip's TPP reading.
    pub reading: Option<&'static Reading>,
    /// The chip's TPP on this reading (chip readings only).
    pub tpp: Option<Dec>,
}

/// One reading of a contested fact and the answer under it.
#[derive(Debug)]
pub struct ContestReading {
    /// Which reading.
    pub pick: Pick,
    /// The answer with this reading fixed, without explanation.
    pub verdict: Verdict,
}

/// What a reader compares between readings: whether a license is needed, under which exception,
/// and how it would be reviewed.
fn key(v: &Verdict) -> (Outcome, bool, Option<ExceptionId>, Option<ReviewPolicy>) {
    (
        v.outcome,
        v.license_required,
        v.exception_used(),
        v.review_policy,
    )
}

/// A contested fact an answer turned on, with the answer under each of its readings.
#[derive(Debug)]
pub struct Contest {
    /// The fact and its readings' words.
    pub fact: &'static Contested,
    /// Each reading, in the data's order (the first is the one an unqualified answer uses).
    pub readings: Vec<ContestReading>,
    /// The readings give different answers.
    pub changes_outcome: bool,
    /// The reading the query chose, if it chose one.
    pub chosen: Option<&'static str>,
}

impl Contest {
    /// Where the first reading comes from.
    pub fn cite(&self) -> &'static Cite {
        self.readings
            .iter()
            .find_map(|r| r.pick.reading.map(|x| x.cite))
            .unwrap_or(CLASSIFICATION.tpp_cite)
    }

    /// "It depends": the readings differ and the query did not settle which one holds.
    pub fn depends(&self) -> bool {
        self.changes_outcome && self.chosen.is_none()
    }
}

/// Readings of two or more contested facts that, taken together, give another answer than the
/// first readings — when no single fact does (the MI355X to Saudi Arabia: neither LPP's reach nor
/// the lower TPP alone lets 500 chips through; both together do).
#[derive(Debug)]
pub struct Combination {
    /// The readings taken together: the fact and which of its readings (not the answers under
    /// each alone, so no verdict is copied).
    pub picks: Vec<(&'static Contested, Pick)>,
    /// The answer with all of them fixed, without explanation.
    pub verdict: Verdict,
}

impl Combination {
    /// True when one of its readings is of `fact`.
    pub fn involves(&self, fact: ContestedFact) -> bool {
        self.picks.iter().any(|(c, _)| c.fact == fact)
    }
}

/// Every reading of `data` as a pick, the first (the one an unqualified answer uses) first: a
/// chip's TPP readings (`chip_readings`, from `Chip::tpp_readings_from`) for `chip-tpp`, the data's
/// readings otherwise.
pub fn picks(data: &'static Contested, chip_readings: &[(&'static str, Dec)]) -> Vec<Pick> {
    if data.fact == ContestedFact::ChipTpp {
        let tpp = |(id, tpp): &(&'static str, Dec)| Pick {
            id,
            reading: None,
            tpp: Some(*tpp),
        };
        chip_readings.iter().map(tpp).collect()
    } else {
        let reading = |r: &'static Reading| Pick {
            id: r.id,
            reading: Some(r),
            tpp: None,
        };
        data.readings.iter().map(reading).collect()
    }
}

/// True when the answer `v` can turn on `fact`: the rules looked at it, or it is the chip's TPP
/// and the chip has more than one reading of it.
fn applies(fact: ContestedFact, v: &Verdict, chip_readings: &[(&'static str, Dec)]) -> bool {
    v.consulted.contains(&fact) || (fact == ContestedFact::ChipTpp && chip_readings.len() > 1)
}

/// Every combination of two or more non-first readings whose answer differs from the first
/// readings' — only asked when no single fact changes the answer and none was chosen.
pub fn combinations(q: &Query, contests: &[Contest]) -> Result<Vec<Combination>, Error> {
    if contests.len() < 2
        || contests
            .iter()
            .any(|c| c.changes_outcome || c.chosen.is_some())
    {
        return Ok(Vec::new());
    }
    let base = q.chip.metrics()?;
    let first = contests
        .first()
        .and_then(|c| c.readings.first())
        .map(|r| key(&r.verdict));
    let mut out = Vec::new();
    let mut index = vec![0usize; contests.len()];
    // Count through every assignment of readings, like an odometer.
    loop {
        let mut carry = true;
        for (i, c) in contests.iter().enumerate() {
            if let Some(slot) = index.get_mut(i) {
                if carry {
                    *slot += 1;
                    carry = *slot >= c.readings.len();
                    if carry {
                        *slot = 0;
                    }
                }
            }
        }
        if carry {
            break;
        }
        if index.iter().filter(|i| **i > 0).count() < 2 {
            continue;
        }
        let picks: Vec<(&'static Contested, Pick)> = contests
            .iter()
            .zip(&index)
            .filter_map(|(c, i)| c.readings.get(*i).map(|r| (c.fact, r.pick)))
            .collect();
        let fixed: Vec<(ContestedFact, &'static str)> =
            picks.iter().map(|(c, r)| (c.fact, r.id)).collect();
        let verdict = under(q, &fixed, &base)?;
        if Some(key(&verdict)) != first {
            out.push(Combination { picks, verdict });
        }
    }
    Ok(out)
}

/// Every contested fact the verdict `v` of `q` turned on, re-answered under each reading.
pub fn assess(q: &Query, v: &Verdict) -> Result<Vec<Contest>, Error> {
    // The chip is measured once; each reading reclassifies from these catalog metrics.
    let base = q.chip.metrics()?;
    let chip_readings = q.chip.tpp_readings_from(base.tpp);
    // Each fact once, in `ContestedFact::ALL`'s order, which is theirs (no sort: the page's
    // engine carries none).
    let facts = ContestedFact::ALL
        .into_iter()
        .filter(|f| applies(*f, v, &chip_readings));
    let mut out = Vec::new();
    for fact in facts {
        let Some(data) = CONTESTED.iter().find(|c| c.fact == fact) else {
            continue;
        };
        let mut readings = Vec::new();
        for pick in picks(data, &chip_readings) {
            readings.push(ContestReading {
                pick,
                verdict: under(q, &[(fact, pick.id)], &base)?,
            });
        }
        let changes_outcome = readings.iter().any(|r| {
            readings
                .first()
                .is_some_and(|f| key(&f.verdict) != key(&r.verdict))
        });
        out.push(Contest {
            fact: data,
            readings,
            changes_outcome,
            chosen: q.readings.iter().find(|r| r.0 == fact).map(|r| r.1),
        });
    }
    Ok(out)
}

/// The contested facts that `v`, the answer to `q` from the chip's metrics `base`, turns on:
/// those the query left open and under another of whose readings the answer differs — the facts
/// [`assess`] finds `depends`, without answering again under the first reading (which `v` is)
/// or after the first difference, as the map asks it of every kind of destination. Where no one
/// fact changes the answer but two or more apply, the facts of every [`combinations`] that does.
pub fn turns_on(q: &Query, v: &Verdict, base: &Metrics) -> Result<Vec<&'static Contested>, Error> {
    let chip_readings = q.chip.tpp_readings_from(base.tpp);
    let mut out = Vec::new();
    let mut open = 0;
    for fact in ContestedFact::ALL {
        let Some(data) = CONTESTED.iter().find(|c| c.fact == fact) else {
            continue;
        };
        if !applies(fact, v, &chip_readings) || q.readings.iter().any(|r| r.0 == fact) {
            continue;
        }
        open += 1;
        for pick in picks(data, &chip_readings).into_iter().skip(1) {
            if key(&under(q, &[(fact, pick.id)], base)?) != key(v) {
                out.push(data);
                break;
            }
        }
    }
    if out.is_empty() && open >= 2 {
        let contests = assess(q, v)?;
        let combined = combinations(q, &contests)?;
        out = contests
            .iter()
            .map(|c| c.fact)
            .filter(|f| combined.iter().any(|k| k.involves(f.fact)))
            .collect();
    }
    Ok(out)
}

/// The answer to `q` with each `(fact, reading)` fixed, from the chip's catalog metrics `base`,
/// measured once by the caller.
fn under(
    q: &Query,
    fixed: &[(ContestedFact, &'static str)],
    base: &Metrics,
) -> Result<Verdict, Error> {
    let mut q = q.clone();
    for (fact, reading) in fixed {
        q.readings.retain(|r| r.0 != *fact);
        q.readings.push((*fact, reading));
    }
    let metrics = match q.readings.iter().find(|r| r.0 == ContestedFact::ChipTpp) {
        Some((_, chip_reading)) => q.chip.reading_metrics(base.clone(), chip_reading)?,
        None => base.clone(),
    };
    rules::outcome(&q, &metrics)
}
