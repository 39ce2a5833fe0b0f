//! What each fuzz target feeds the engine and what it asserts, shared by the cargo-fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the regression tests (`tests/fuzz.rs`), which replay every
//! saved input of `fuzz/regressions/<target>/` through the same function.
//!
//! Beyond "no panic, no overflow, no hang" (libFuzzer's `-timeout` catches a hang), every refusal
//! must be a typed [`Error`] whose message is one short line that names its field and echoes no
//! control or bidirectional character, and every answer must serialize and keep its invariants.

#![allow(dead_code)]

use arbitrary::{Arbitrary, Unstructured};
use h100e::chip;
use h100e::country;
use h100e::date::Date;
use h100e::decimal::Dec;
use h100e::error::{Error, Field};
use h100e::query::{self, ChipInput, EndUser, Request};
use h100e::regime::{self, Choice};
use h100e::wire::{self, ConvertIn, QueryIn, SpecIn};

/// The longest message an error may have: what was typed is shown clipped, never whole.
pub const MAX_MESSAGE: usize = 1_000;

/// A character that must never reach a message as it is: controls (C0, C1, DEL) and the
/// bidirectional formatting characters that can reorder what a reader sees.
pub fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// An error is typed, has a machine code and a field, and a one-line message that is short and
/// shows no hidden character.
pub fn error_ok(e: &Error) {
    let m = e.to_string();
    assert!(!m.is_empty(), "{e:?}: empty message");
    assert!(
        m.chars().count() <= MAX_MESSAGE,
        "{}: message of {} characters",
        e.code(),
        m.chars().count()
    );
    assert!(
        !m.chars().any(hidden),
        "{}: hidden character in {m:?}",
        e.code()
    );
    assert!(!e.code().is_empty() && !e.field().id().is_empty());
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Refusals are checked; answers are returned.
fn check<T>(r: Result<T, Error>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            error_ok(&e);
            None
        }
    }
}

/// The wasm API's path for a query object: its keys are checked against `QueryIn::FIELDS`, the
/// object decoded, turned into a request and resolved (every field checked).
pub fn query_json(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if let Some(obj) = value.as_object() {
        if check(wire::check_fields(
            obj.keys().map(String::as_str),
            QueryIn::FIELDS,
        ))
        .is_none()
        {
            return;
        }
    }
    let Ok(q) = serde_json::from_value::<QueryIn>(value) else {
        return;
    };
    let Some(req) = check(q.request()) else {
        return;
    };
    if let Some(query) = check(req.resolve()) {
        assert!((1..=query::MAX_QUANTITY).contains(&query.quantity));
        assert!(query.prior_tpp <= Dec::from_int(query::MAX_PRIOR_TPP));
    }
}

/// `chip(idOrSpec)` and `h100e chip`: typed specs (or a catalog name) to the chip's wire form.
pub fn chip_spec(data: &[u8]) {
    let Ok(spec) = serde_json::from_slice::<SpecIn>(data) else {
        return;
    };
    let Some(chip) = check(spec.chip_input().and_then(|c| c.resolve())) else {
        return;
    };
    if let Some(out) = check(wire::chip(&chip)) {
        assert!(out.tpp.is_none_or(|t| t.is_finite() && t >= 0.0));
        assert!(out.h100e.is_none_or(|h| h.is_finite() && h >= 0.0));
        assert!(out.performance_density.is_none_or(f64::is_finite));
        assert!(serde_json::to_string(&out).is_ok());
    }
}

/// Country, chip, threshold, regime id and end-user lookups of one text: what is found is found
/// again by its own id.
/// The first byte picks the country field (each lookup compares the text with every name for
/// suggestions, so one field per run keeps the fuzzer fast).
pub fn lookup(data: &[u8]) {
    let (first, rest) = data.split_first().unwrap_or((&0, data));
    let field = [Field::To, Field::Hq, Field::From][usize::from(*first % 3)];
    let t = text(rest);
    match country::find(&t, field) {
        Ok(c) => assert_eq!(
            country::find(c.code(), field).map(|k| k.code()),
            Ok(c.code())
        ),
        Err(e) => {
            error_ok(&e);
            assert_eq!(e.field(), field);
        }
    }
    if let Some(c) = check(chip::find(&t)) {
        assert_eq!(chip::find(c.id()).map(|k| k.id()), Ok(c.id()));
    }
    if let Some(th) = check(h100e::convert::find(&t)) {
        assert_eq!(
            h100e::convert::find(&th.id).map(|k| k.id),
            Ok(th.id.clone())
        );
    }
    if let Some(s) = check(regime::select(&Choice::Id(t.clone()))) {
        assert!(t.trim().eq_ignore_ascii_case(s.regime.id));
    }
    let _ = check(EndUser::parse(&t));
}

/// Dates and the regime choice: a regime and a date (split at the first NUL byte).
pub fn when(data: &[u8]) {
    let t = text(data);
    let (regime_text, date_text) = t.split_once('\0').unwrap_or(("", &t));
    if let Some(d) = Date::parse(date_text) {
        assert_eq!(d.to_string(), date_text.trim());
        assert_eq!(Date::parse(&d.to_string()), Some(d));
        assert!(d < d.next_day());
    }
    let choice = check(Choice::from_parts(
        Some(regime_text.to_string()).filter(|s| !s.is_empty()),
        Some(date_text.to_string()),
    ));
    if let Some(s) = choice.and_then(|c| check(regime::select(&c))) {
        assert!(s.regime.effective <= s.date || s.chosen != regime::Chosen::ByDate);
        assert!(!(s.regime.hypothetical && s.chosen == regime::Chosen::ByDate));
    }
}

/// Quantities and amounts of TPP: what parses prints back as the same number.
pub fn numbers(data: &[u8]) {
    let t = text(data);
    if let Some(n) = check(query::parse_quantity(&t)) {
        assert!((1..=query::MAX_QUANTITY).contains(&n));
    }
    if let Some(d) = check(query::parse_prior(&t)) {
        assert_eq!(Dec::parse(&d.to_string()), Ok(d));
        assert!(d <= Dec::from_int(query::MAX_PRIOR_TPP));
    }
    if let Ok(d) = Dec::parse(&t) {
        assert_eq!(Dec::parse(&d.to_string()), Ok(d));
        assert!(d.to_f64().is_finite());
    }
}

/// `h100e convert` and `convert(query)`: an amount to counts of every catalog chip.
pub fn convert(data: &[u8]) {
    let Ok(c) = serde_json::from_slice::<ConvertIn>(data) else {
        return;
    };
    if let Some(out) = check(wire::convert(&c.request())) {
        assert!(out.amount.tpp.is_finite() && out.amount.tpp >= 0.0);
        assert!(serde_json::to_string(&out).is_ok());
    }
}

/// A text that is mostly a known good value (so the fuzzer reaches the rules), sometimes a known
/// value dressed in case and spacing, sometimes anything.
fn pick(u: &mut Unstructured, known: &[String]) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=9)? {
        0 | 1 => String::arbitrary(u)?,
        2 => format!("  {} ", u.choose(known)?.to_uppercase()),
        _ => u.choose(known)?.clone(),
    })
}

/// A number as text: mostly in range, sometimes any u64 or any text.
fn number(u: &mut Unstructured, max: u64) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=9)? {
        0 => String::arbitrary(u)?,
        1 => u64::arbitrary(u)?.to_string(),
        2 => format!(
            "{}.{:03}",
            u.int_in_range(0..=max)?,
            u.int_in_range(0..=999)?
        ),
        _ => u.int_in_range(0..=max)?.to_string(),
    })
}

fn optional(
    u: &mut Unstructured,
    f: impl FnOnce(&mut Unstructured) -> arbitrary::Result<String>,
) -> arbitrary::Result<Option<String>> {
    Ok(if bool::arbitrary(u)? {
        Some(f(u)?)
    } else {
        None
    })
}

struct Known {
    end_users: Vec<String>,
    countries: Vec<String>,
    chips: Vec<String>,
    regimes: Vec<String>,
    readings: Vec<String>,
}

/// The known values, built once (a run draws from them thousands of times a second).
fn known() -> &'static Known {
    static KNOWN: std::sync::OnceLock<Known> = std::sync::OnceLock::new();
    KNOWN.get_or_init(build_known)
}

fn build_known() -> Known {
    let mut countries: Vec<String> = country::all()
        .iter()
        .map(|c| c.code().to_string())
        .collect();
    countries.extend(country::all().iter().map(|c| c.name().to_string()));
    let mut readings: Vec<String> = wire::contested_facts()
        .iter()
        .flat_map(|f| {
            f.readings
                .iter()
                .map(move |r| format!("{}={}", f.fact, r.reading))
        })
        .collect();
    readings.extend(query::CHIP_READINGS.iter().map(|r| format!("chip-tpp={r}")));
    Known {
        end_users: vec!["none".into(), "uveu".into(), "nveu".into()],
        countries,
        chips: chip::catalog().iter().map(|c| c.id().to_string()).collect(),
        regimes: regime::all().iter().map(|r| r.id.to_string()).collect(),
        readings,
    }
}

fn chip_input(u: &mut Unstructured, k: &Known) -> arbitrary::Result<ChipInput> {
    if u.int_in_range(0..=3)? > 0 {
        return Ok(ChipInput::Catalog(pick(u, &k.chips)?));
    }
    let pairs = u.int_in_range(0..=3)?;
    let mut tops = Vec::new();
    let mut bits = Vec::new();
    for _ in 0..pairs {
        tops.push(number(u, 20_000_000)?);
        bits.push(number(u, 70)?);
    }
    Ok(ChipInput::Custom {
        tops,
        bits,
        die_area: optional(u, |u| number(u, 120_000))?,
        non_datacenter: bool::arbitrary(u)?,
        dram_bandwidth: optional(u, |u| number(u, 30_000))?,
    })
}

fn regime_choice(u: &mut Unstructured, k: &Known) -> arbitrary::Result<Choice> {
    Ok(match u.int_in_range(0..=3)? {
        0 => Choice::Latest,
        1 => Choice::Date(format!(
            "{:04}-{:02}-{:02}",
            u.int_in_range(2023..=2027)?,
            u.int_in_range(1..=12)?,
            u.int_in_range(1..=31)?
        )),
        _ => Choice::Id(pick(u, &k.regimes)?),
    })
}

/// A request drawn from the fuzzer's bytes.
pub fn request(u: &mut Unstructured) -> arbitrary::Result<Request> {
    let k = known();
    let mut readings = Vec::new();
    for _ in 0..u.int_in_range(0..=2)? {
        readings.push(pick(u, &k.readings)?);
    }
    Ok(Request {
        regime: regime_choice(u, k)?,
        to: pick(u, &k.countries)?,
        chip: chip_input(u, k)?,
        quantity: number(u, 200_000)?,
        end_user: pick(u, &k.end_users)?,
        hq: optional(u, |u| pick(u, &k.countries))?,
        prior_tpp: optional(u, |u| number(u, 2_000_000_000))?,
        installed_tpp: optional(u, |u| number(u, 2_000_000_000))?,
        buyer_total_tpp: optional(u, |u| number(u, 2_000_000_000))?,
        g2g: bool::arbitrary(u)?,
        from: optional(u, |u| pick(u, &k.countries))?,
        readings,
        scenario: optional(u, |u| scenario_text(u, k))?,
    })
}

/// A scenario text drawn from the settings the engine knows, with values both good and bad.
fn scenario_text(u: &mut Unstructured, k: &Known) -> arbitrary::Result<String> {
    const KEYS: [&str; 9] = [
        "lpp", "cap", "g2g", "tier-1", "tier-2", "tier-3", "open", "license", "denial",
    ];
    let mut items = Vec::new();
    for _ in 0..u.int_in_range(1..=3)? {
        let key = *u.choose(&KEYS)?;
        let value = match key {
            "lpp" | "cap" => match u.int_in_range(0..=2)? {
                0 => number(u, 2_000_000_000)?,
                1 => format!("{}h100e", number(u, 200_000)?),
                _ => format!("{}*{}", number(u, 10_000)?, pick(u, &k.chips)?),
            },
            "g2g" => number(u, 200)?,
            _ => pick(u, &k.countries)?,
        };
        items.push(format!("{key}={value}"));
    }
    Ok(items.join(";"))
}

/// Scenario texts: whatever is read is written back canonically and reads the same, and building
/// it on any regime answers or refuses with a typed error naming a scenario field.
pub fn scenario(data: &[u8]) {
    let t = text(data);
    let Some(o) = check(h100e::scenario::Overrides::parse(&t)).flatten() else {
        return;
    };
    let again = h100e::scenario::Overrides::parse(&o.text())
        .ok()
        .flatten()
        .map(|a| a.text());
    assert_eq!(again.as_deref(), Some(o.text().as_str()));
    for r in regime::all() {
        match h100e::scenario::apply(r, r.as_of, &o) {
            Ok(s) => assert!(s.hypothetical && s.scenario.is_some()),
            Err(e) => assert!(e.field().id().starts_with("scenario"), "{e}"),
        }
    }
}

/// The full evaluation, as `h100e eval` and `evaluate(query)` run it: the answer serializes, its
/// caps never show negative headroom, and the map's outcome path agrees with it.
pub fn evaluate(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(req) = request(&mut u) else {
        return;
    };
    let Some(out) = check(wire::evaluate(&req)) else {
        return;
    };
    assert!(serde_json::to_string(&out).is_ok());
    assert!(!out.headline.is_empty() && !out.explanation.is_empty());
    for c in &out.caps {
        assert!(c.limit_tpp >= 0.0 && c.used_tpp >= 0.0, "{}", c.id);
        assert!(c.headroom_tpp.is_none_or(|h| h >= 0.0), "{}", c.id);
        assert!(c.over_by_tpp.is_none_or(|o| o > 0.0), "{}", c.id);
    }
    if let Some(q) = check(req.resolve()) {
        if let Some(m) = check(q.chip_metrics()) {
            if let Some(v) = check(h100e::eval::outcome(&q, &m)) {
                assert_eq!(v.outcome.as_str(), out.outcome, "{req:?}");
                assert_eq!(v.license_required, out.license_required, "{req:?}");
            }
        }
    }
}
