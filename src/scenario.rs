//! User-made scenarios: a regime of the data with some provisions overridden — the license-free
//! allowance (LPP), the country allocation, the agreement multiplier, and which places sit in which
//! tier (or, under rules without tiers, which need a license). A scenario is always hypothetical.
//!
//! It is written as one short text, so the URL, the CLI (`--scenario`), the JS API and the fuzzer
//! share one decoder: `lpp=500h100e; cap=790000000; g2g=3; tier-3=IL,AE; tier-1=SA`. Amounts are
//! TPP (`26900000`), H100-equivalents (`500h100e`) or units of a catalog chip (`1000*b200`).
//!
//! The engine borrows regimes as `'static` data. A scenario is therefore built once into a regime
//! of its own and kept (interned) for the life of the program, keyed by its base, day and
//! canonical text, so the rules, facts and explanations treat it exactly as a regime of the data.
//! A reader makes a handful; each is a few kilobytes.

use std::sync::Mutex;

use crate::chip::{self, Chip};
use crate::country;
use crate::data::{CLASSIFICATION, ORIGIN};
use crate::date::Date;
use crate::decimal::Dec;
use crate::error::{Error, Field};
use crate::eval::{self, Status};
use crate::explain;
use crate::model::{Allocation, ChipEntry, Cite, Country, Param, Place, Regime};
use crate::regime::{self, Choice, Selection};

/// The longest scenario text accepted (a scenario moving every place fits easily).
pub const MAX_LEN: usize = 4000;

// The largest amount a scenario may set is the converter's: the largest TPP the wire prints exactly.
use crate::convert::MAX_TPP;
use crate::text::join;

/// The largest agreement multiplier.
const MAX_MULTIPLIER: u64 = 100;

/// An amount as the scenario gave it.
#[derive(Clone, Copy, Debug)]
pub enum Amount {
    /// TPP.
    Tpp(Dec),
    /// H100-equivalents.
    H100e(Dec),
    /// Whole units of a catalog chip, at its catalog TPP.
    Chips(&'static ChipEntry, u64),
}

impl Amount {
    /// The amount in TPP, or `None` when it overflows or the chip's TPP is unknown.
    pub fn tpp(self) -> Option<Dec> {
        match self {
            Amount::Tpp(t) => Some(t),
            Amount::H100e(n) => n.checked_mul(CLASSIFICATION.h100_tpp.value),
            Amount::Chips(e, n) => Chip::Catalog(e).metrics().ok()?.tpp?.checked_mul_int(n),
        }
    }

    /// The canonical text (`26900000`, `500h100e`, `1000*b200`).
    fn text(self) -> String {
        match self {
            Amount::Tpp(t) => t.to_string(),
            Amount::H100e(n) => format!("{n}h100e"),
            Amount::Chips(e, n) => format!("{n}*{}", e.id()),
        }
    }
}

/// One setting a scenario can change; errors name it as their field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// The license-free allowance.
    Lpp,
    /// The country allocation.
    Cap,
    /// The agreement multiplier.
    G2g,
    /// Places moved to a status.
    Move(Status),
}

impl Setting {
    /// The keys a scenario text accepts, in canonical order.
    pub const KEYS: &'static str = "lpp, cap, g2g, tier-1, tier-2, tier-3, open, license or denial";

    fn parse(key: &str) -> Option<Setting> {
        match key {
            "lpp" => Some(Setting::Lpp),
            "cap" => Some(Setting::Cap),
            "g2g" => Some(Setting::G2g),
            _ => Status::ALL
                .into_iter()
                .find(|s| s.id() == key)
                .map(Setting::Move),
        }
    }

    /// The key of a number setting in a scenario text.
    pub fn id(self) -> &'static str {
        match self {
            Setting::Lpp => "lpp",
            Setting::Cap => "cap",
            Setting::G2g => "g2g",
            Setting::Move(s) => s.id(),
        }
    }

    /// The error field: the page marks the input of this setting.
    pub fn field(self) -> Field {
        match self {
            Setting::Lpp => Field::ScenarioLpp,
            Setting::Cap => Field::ScenarioCap,
            Setting::G2g => Field::ScenarioG2g,
            Setting::Move(_) => Field::ScenarioMoves,
        }
    }
}

/// A scenario as written, checked against the data but not yet against a regime.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// A new license-free allowance.
    pub lpp: Option<Amount>,
    /// A new country allocation.
    pub cap: Option<Amount>,
    /// A new agreement multiplier.
    pub g2g: Option<Dec>,
    /// Places moved, in the order given.
    pub moves: Vec<(&'static Country, Status)>,
}

impl Overrides {
    /// Decodes a scenario text; `None` when it is empty.
    pub fn parse(text: &str) -> Result<Option<Overrides>, Error> {
        if text.len() > MAX_LEN {
            return Err(Error::BadScenario {
                field: Field::Scenario,
                input: text.chars().take(40).collect(),
                reason: format!("it is longer than {MAX_LEN} characters"),
            });
        }
        let mut o = Overrides::default();
        let mut seen: Vec<Setting> = Vec::new();
        for item in text.split(';').map(str::trim).filter(|i| !i.is_empty()) {
            let bad = |reason: String| Error::BadScenario {
                field: Field::Scenario,
                input: item.to_string(),
                reason,
            };
            let (key, value) = item
                .split_once('=')
                .ok_or_else(|| bad("it is not `setting=value`, e.g. `lpp=500h100e`".into()))?;
            let key = key.trim().to_ascii_lowercase();
            let setting = Setting::parse(&key).ok_or_else(|| {
                bad(format!(
                    "`{}` is not a setting; use {}",
                    crate::error::shown(&key),
                    Setting::KEYS
                ))
            })?;
            if seen.contains(&setting) {
                return Err(bad(format!(
                    "`{}` is given twice",
                    crate::error::shown(&key)
                )));
            }
            seen.push(setting);
            o.set(setting, value.trim())?;
        }
        let empty = o.lpp.is_none() && o.cap.is_none() && o.g2g.is_none() && o.moves.is_empty();
        Ok((!empty).then_some(o))
    }

    fn set(&mut self, setting: Setting, value: &str) -> Result<(), Error> {
        match setting {
            Setting::Lpp => self.lpp = Some(amount(value, setting)?),
            Setting::Cap => self.cap = Some(amount(value, setting)?),
            Setting::G2g => self.g2g = Some(multiplier(value)?),
            Setting::Move(status) => {
                for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    let c = place_to_move(name)?;
                    if self.moves.iter().any(|m| m.0.code() == c.code()) {
                        return Err(Error::BadScenario {
                            field: Field::ScenarioMoves,
                            input: name.to_string(),
                            reason: format!("{} is moved twice; move each place once", c.name()),
                        });
                    }
                    self.moves.push((c, status));
                }
            }
        }
        Ok(())
    }

    /// The canonical text: settings in a fixed order, codes in upper case, moves grouped by status.
    pub fn text(&self) -> String {
        let mut items = Vec::new();
        if let Some(a) = self.lpp {
            items.push(format!("lpp={}", a.text()));
        }
        if let Some(a) = self.cap {
            items.push(format!("cap={}", a.text()));
        }
        if let Some(m) = self.g2g {
            items.push(format!("g2g={m}"));
        }
        for s in Status::ALL {
            let codes: Vec<&str> = self
                .moves
                .iter()
                .filter(|m| m.1 == s)
                .map(|m| m.0.code())
                .collect();
            if !codes.is_empty() {
                items.push(format!("{}={}", s.id(), join(&codes, ",")));
            }
        }
        join(&items, ";")
    }
}

fn amount(text: &str, setting: Setting) -> Result<Amount, Error> {
    let bad = |reason: String| Error::BadScenario {
        field: setting.field(),
        input: text.to_string(),
        reason,
    };
    let accepted = "give TPP (`26900000`), H100-equivalents (`500h100e`) or units of a catalog chip (`1000*b200`)";
    let number = |t: &str| Dec::parse(t).map_err(|e| bad(format!("{e}; {accepted}")));
    let lower = text.to_ascii_lowercase();
    let a = if let Some((n, chip)) = text.split_once('*') {
        let entry = chip::find(chip.trim()).map_err(|e| bad(e.to_string()))?;
        let n = number(n)?;
        match n.div_floor(Dec::from_int(1)) {
            Some(w) if Dec::from_int(w) == n => Amount::Chips(entry, w),
            _ => {
                return Err(bad(format!(
                    "a number of chips is a whole number; {accepted}"
                )))
            }
        }
    } else if let Some(n) = lower.strip_suffix("h100e") {
        Amount::H100e(number(n)?)
    } else {
        Amount::Tpp(number(lower.strip_suffix("tpp").unwrap_or(&lower))?)
    };
    match a.tpp() {
        Some(t) if !t.is_zero() && t <= MAX_TPP => Ok(a),
        Some(t) if t.is_zero() => Err(bad(format!("it is zero; {accepted}, more than zero"))),
        _ => Err(bad(format!(
            "it is beyond any real shipment or the chip's TPP is unknown; give at most {} TPP",
            MAX_TPP.grouped()
        ))),
    }
}

fn multiplier(text: &str) -> Result<Dec, Error> {
    let bad = |reason: String| Error::BadScenario {
        field: Field::ScenarioG2g,
        input: text.to_string(),
        reason: format!("{reason}; give a number from 1 to {MAX_MULTIPLIER}, such as `2`"),
    };
    let m = Dec::parse(text).map_err(|e| bad(e.to_string()))?;
    if m < Dec::from_int(1) || m > Dec::from_int(MAX_MULTIPLIER) {
        return Err(bad("it is out of range".into()));
    }
    Ok(m)
}

/// A place a scenario may move: any entry but the exporter and places treated as another.
fn place_to_move(name: &str) -> Result<&'static Country, Error> {
    let c = country::find(name, Field::ScenarioMoves)?;
    let bad = |reason: String| Error::BadScenario {
        field: Field::ScenarioMoves,
        input: name.to_string(),
        reason,
    };
    if c.code() == ORIGIN {
        return Err(bad(
            "the United States is the exporter, not a destination".into()
        ));
    }
    if let (_, Some(t)) = country::treated_as(c.code()) {
        let host = country::by_code(t.as_code).map_or(t.as_code, |h| h.name());
        return Err(bad(format!(
            "{} is treated as {host} by the rules; move {host} instead",
            c.name()
        )));
    }
    Ok(c)
}

/// A place moved by a scenario.
#[derive(Clone, Debug)]
pub struct Move {
    /// The place.
    pub country: &'static Country,
    /// Its status under the base regime on the day asked.
    pub was: Status,
    /// Its status in the scenario.
    pub now: Status,
    /// The provision the move changes, marked as changed by the scenario.
    pub cite: &'static Cite,
}

/// A number the scenario changed.
#[derive(Clone, Copy, Debug)]
pub struct Changed {
    /// As the scenario gave it.
    pub given: Amount,
    /// In TPP.
    pub tpp: Dec,
    /// The base regime's figure, TPP.
    pub was: Dec,
}

/// A scenario applied to its base regime: what the answers' explanations and labels show.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// The regime it starts from.
    pub base: &'static Regime,
    /// The canonical text (what a link carries).
    pub text: String,
    /// The license-free allowance, if changed.
    pub lpp: Option<Changed>,
    /// The country allocation, if changed.
    pub cap: Option<Changed>,
    /// The agreement multiplier, if changed: (now, was).
    pub g2g: Option<(Dec, Dec)>,
    /// Places moved.
    pub moves: Vec<Move>,
}

impl Scenario {
    /// The move of `code`, if the scenario moved it.
    pub fn moved(&self, code: &str) -> Option<&Move> {
        self.moves.iter().find(|m| m.country.code() == code)
    }
}

/// The number settings a scenario built on `r` can change.
pub fn settings(r: &Regime) -> Vec<Setting> {
    let mut out = Vec::new();
    if r.exceptions.lpp.is_some() {
        out.push(Setting::Lpp);
    }
    if r.allocation.is_some() {
        out.extend([Setting::Cap, Setting::G2g]);
    }
    out
}

/// The statuses a scenario built on `r` can move places to: its tiers, or, without tiers, no
/// license, license, and license under the embargo review.
pub fn statuses(r: &Regime) -> &'static [Status] {
    if r.tiers.is_some() {
        &[Status::Tier1, Status::Tier2, Status::Tier3]
    } else {
        &[Status::Open, Status::License, Status::Denial]
    }
}

/// The regime a person chose, with their scenario (if any) built on it.
#[cfg(feature = "tools")]
pub fn select(choice: &Choice, text: Option<&str>) -> Result<Selection, Error> {
    let mut selection = regime::select(choice)?;
    if let Some(o) = Overrides::parse(text.unwrap_or(""))? {
        selection.regime = apply(selection.regime, selection.date, &o)?;
    }
    Ok(selection)
}

/// The page's small engine has no scenarios (it is built without the `tools` feature, so a reader
/// who never makes one never downloads them): a scenario is refused, never ignored.
#[cfg(not(feature = "tools"))]
pub fn select(choice: &Choice, text: Option<&str>) -> Result<Selection, Error> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Err(Error::BadScenario {
            field: Field::Scenario,
            input: t.chars().take(40).collect(),
            reason: "this build of the engine has no scenarios; use the full engine (the npm package, the CLI, or the page's tools)".into(),
        }),
        None => regime::select(choice),
    }
}

type Interned = Vec<((&'static str, Date, String), &'static Regime)>;
static INTERNED: Mutex<Interned> = Mutex::new(Vec::new());

/// The scenario `o` built on `base`, for answers about `date`: a regime the engine can borrow.
pub fn apply(base: &'static Regime, date: Date, o: &Overrides) -> Result<&'static Regime, Error> {
    let key = (base.id, date, o.text());
    // A poisoned lock only means another call panicked mid-way; the list itself stays valid.
    let mut interned = INTERNED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, r)) = interned.iter().find(|(k, _)| *k == key) {
        return Ok(r);
    }
    let r: &'static Regime = Box::leak(Box::new(build(base, date, o)?));
    interned.push((key, r));
    Ok(r)
}

fn build(base: &'static Regime, date: Date, o: &Overrides) -> Result<Regime, Error> {
    let mut r = base.clone();
    r.hypothetical = true;
    let lpp = o.lpp.map(|a| set_lpp(&mut r, a)).transpose()?;
    let cap = o.cap.map(|a| set_cap(&mut r, a)).transpose()?;
    let g2g = o.g2g.map(|m| set_multiplier(&mut r, m)).transpose()?;
    let moves = o
        .moves
        .iter()
        .map(|(c, s)| move_place(&mut r, base, date, c, *s))
        .collect::<Result<Vec<_>, _>>()?;
    let scenario = Scenario {
        base,
        text: o.text(),
        lpp,
        cap,
        g2g,
        moves,
    };
    r.scenario = Some(Box::leak(Box::new(scenario)));
    Ok(r)
}

/// The cite of a provision the scenario changed: the same provision, marked as changed.
fn changed(cite: &'static Cite) -> &'static Cite {
    Box::leak(Box::new(Cite {
        changed: true,
        ..cite.clone()
    }))
}

fn set_lpp(r: &mut Regime, a: Amount) -> Result<Changed, Error> {
    let tpp = a.tpp().unwrap_or(Dec::ZERO);
    let id = r.id;
    let lpp = r
        .exceptions
        .lpp
        .as_mut()
        .ok_or_else(|| missing_id(Setting::Lpp, id, a.text()))?;
    let was = lpp.limit.value;
    lpp.limit = Param {
        value: tpp,
        cite: changed(lpp.limit.cite),
    };
    Ok(Changed { given: a, tpp, was })
}

fn set_cap(r: &mut Regime, a: Amount) -> Result<Changed, Error> {
    let tpp = a.tpp().unwrap_or(Dec::ZERO);
    let id = r.id;
    let al = r
        .allocation
        .as_mut()
        .ok_or_else(|| missing_id(Setting::Cap, id, a.text()))?;
    let was = al.tpp.value;
    // The agreement figure keeps the base's multiplier.
    let g2g = tpp
        .checked_mul_int(base_multiplier(al))
        .ok_or_else(|| too_large(Field::ScenarioCap, a.text()))?;
    al.tpp = Param {
        value: tpp,
        cite: changed(al.tpp.cite),
    };
    al.g2g_tpp = Param {
        value: g2g,
        cite: changed(al.g2g_tpp.cite),
    };
    Ok(Changed { given: a, tpp, was })
}

/// How many times the allocation an agreement gives under the regime (exact: the build checks
/// that `g2g_tpp` is a whole multiple of `tpp`).
fn base_multiplier(al: &Allocation) -> u64 {
    al.g2g_tpp.value.div_floor(al.tpp.value).unwrap_or(1)
}

fn too_large(field: Field, input: String) -> Error {
    Error::BadScenario {
        field,
        input,
        reason: "the country allocation times the agreement multiplier is beyond any real figure; give a smaller amount".into(),
    }
}

fn missing_id(setting: Setting, id: &'static str, value: String) -> Error {
    Error::ScenarioNotApplicable {
        field: setting.field(),
        input: value,
        regime: id,
        what: explain::scenario_missing(setting),
    }
}

fn set_multiplier(r: &mut Regime, m: Dec) -> Result<(Dec, Dec), Error> {
    let id = r.id;
    let al = r
        .allocation
        .as_mut()
        .ok_or_else(|| missing_id(Setting::G2g, id, m.to_string()))?;
    let was = Dec::from_int(base_multiplier(al));
    let g2g = al
        .tpp
        .value
        .checked_mul(m)
        .ok_or_else(|| too_large(Field::ScenarioG2g, m.to_string()))?;
    al.g2g_tpp = Param {
        value: g2g,
        cite: changed(al.g2g_tpp.cite),
    };
    Ok((m, was))
}

/// Moves one place to `now`: under tiered rules Tier 3 is the embargo and headquarters lists, so
/// they move with it; under rules without tiers a place needs a license when it is in the scope of
/// 3A090 licensing, and is denied when it is on the embargo list too.
fn move_place(
    r: &mut Regime,
    base: &'static Regime,
    date: Date,
    c: &'static Country,
    now: Status,
) -> Result<Move, Error> {
    let tiered = r.tiers.is_some();
    if !statuses(r).contains(&now) {
        return Err(Error::ScenarioNotApplicable {
            field: Field::ScenarioMoves,
            input: format!("{}={}", now.id(), c.code()),
            regime: base.id,
            what: explain::scenario_status_missing(tiered),
        });
    }
    let was = eval::destinations(base, date)
        .into_iter()
        .find(|d| d.country.code() == c.code())
        .map_or(now, |d| d.status);
    let code = c.code();
    let cite = match (&mut r.tiers, now) {
        (Some(t), Status::Tier1) => {
            t.tier1 = with(&t.tier1, code, true);
            t.tier3 = with(&t.tier3, code, false);
            t.tier1.cite
        }
        (Some(t), Status::Tier3) => {
            t.tier3 = with(&t.tier3, code, true);
            t.tier1 = with(&t.tier1, code, false);
            t.tier3.cite
        }
        (Some(t), _) => {
            t.tier1 = with(&t.tier1, code, false);
            t.tier3 = with(&t.tier3, code, false);
            t.tier2_cite
        }
        (None, Status::Open) => {
            r.scope_a = with(&r.scope_a, code, false);
            r.scope_b = with(&r.scope_b, code, false);
            r.scope_a.cite
        }
        (None, _) => {
            r.scope_a = with(&r.scope_a, code, true);
            r.scope_b = with(&r.scope_b, code, true);
            r.scope_a.cite
        }
    };
    let denied = matches!(now, Status::Tier3 | Status::Denial);
    r.embargo = with(&r.embargo, code, denied);
    r.hq_rule = with(&r.hq_rule, code, denied);
    let cite = if now == Status::Denial {
        r.embargo.cite
    } else {
        cite
    };
    Ok(Move {
        country: c,
        was,
        now,
        cite: changed(cite),
    })
}

/// `place` with `code` put in (`inside`) or taken out, whatever its groups say.
fn with(place: &Place, code: &'static str, inside: bool) -> Place {
    let leak =
        |v: Vec<&'static str>| -> &'static [&'static str] { Box::leak(v.into_boxed_slice()) };
    let mut codes: Vec<&'static str> = place.codes.iter().copied().filter(|c| *c != code).collect();
    let mut drop: Vec<&'static str> = place.drop.iter().copied().filter(|c| *c != code).collect();
    // Dropped only where the place could hold it at some date: the words name real removals.
    let could_hold = place.worldwide
        || place.codes.contains(&code)
        || place.groups.iter().any(|g| {
            crate::place::group(g).is_some_and(|g| g.members.iter().any(|m| m.code() == code))
        });
    if inside {
        codes.push(code);
    } else if could_hold {
        drop.push(code);
    }
    Place {
        codes: leak(codes),
        drop: leak(drop),
        ..place.clone()
    }
}
