//! The WebAssembly boundary: the JS API mirrors the CLI and returns the same JSON shapes.
//! Inputs arrive as plain JS objects or strings; bad input throws an `Error` whose message is the
//! one the CLI prints, with `field` and `code` properties. Nothing here decides anything: it converts and calls `wire`.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::chip::Chip;
use crate::regime::Choice;
use crate::wire::{self, QueryIn, SpecIn};
use crate::Error;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // JSON-compatible: `None` becomes `null` (not `undefined`) and maps become plain objects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_err(Error::BadQuery {
                reason: e.to_string(),
            })
        })
}

/// A JS `Error` with the CLI's message, plus `field` (the query field to mark, e.g. `hq`) and
/// `code` (e.g. `unknown-country`), so the page never guesses from the message.
fn js_err(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail; if it ever did, the message stays.
    let _ = js_sys::Reflect::set(&err, &"field".into(), &e.field().id().into());
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

/// Decodes a JS object into `T` after checking that it has no field outside `known`.
fn decode<T: serde::de::DeserializeOwned>(value: JsValue, known: &[&str]) -> Result<T, JsValue> {
    let bad = |e: serde_wasm_bindgen::Error| {
        js_err(Error::BadQuery {
            reason: e.to_string(),
        })
    };
    let keys: BTreeMap<String, IgnoredAny> =
        serde_wasm_bindgen::from_value(value.clone()).map_err(bad)?;
    wire::check_fields(keys.keys().map(String::as_str), known).map_err(js_err)?;
    serde_wasm_bindgen::from_value(value).map_err(bad)
}

fn query(value: JsValue) -> Result<crate::query::Request, JsValue> {
    let q: QueryIn = decode(value, QueryIn::FIELDS)?;
    q.request().map_err(js_err)
}

/// Evaluates an order: `{to, chip | tops+bits, quantity, regime | date, end_user, hq, prior_tpp, g2g}`.
#[wasm_bindgen]
pub fn evaluate(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let req = query(query_obj)?;
    to_js(&wire::evaluate(&req).map_err(js_err)?)
}

/// The outcome of the same order in every destination, for the map's outcome mode.
#[wasm_bindgen]
pub fn outcomes(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let req = query(query_obj)?;
    to_js(&wire::outcomes(&req).map_err(js_err)?)
}

/// One chip: a catalog id or name (string), or `{tops, bits, die_area, non_datacenter, dram_bandwidth}`.
#[wasm_bindgen]
pub fn chip(id_or_spec: JsValue) -> Result<JsValue, JsValue> {
    let spec = match id_or_spec.as_string() {
        Some(id) => SpecIn {
            chip: Some(id),
            ..SpecIn::default()
        },
        None => decode(id_or_spec, SpecIn::FIELDS)?,
    };
    let chip: Chip = spec
        .chip_input()
        .and_then(|c| c.resolve())
        .map_err(js_err)?;
    to_js(&wire::chip(&chip).map_err(js_err)?)
}

/// Every destination's tier and status: a regime id, a `YYYY-MM-DD` date, or nothing for the
/// latest; and optionally a scenario built on it (`lpp=500h100e;tier-3=IL`).
#[wasm_bindgen]
pub fn tiers(regime_or_date: Option<String>, scenario: Option<String>) -> Result<JsValue, JsValue> {
    let choice = match regime_or_date.filter(|s| !s.trim().is_empty()) {
        None => Choice::Latest,
        Some(s) if s.as_bytes().first().is_some_and(u8::is_ascii_digit) => Choice::Date(s),
        Some(s) => Choice::Id(s),
    };
    to_js(&wire::tiers(&choice, scenario.as_deref()).map_err(js_err)?)
}

/// Every regime with dates and sources.
#[wasm_bindgen]
pub fn regimes() -> Result<JsValue, JsValue> {
    to_js(&wire::regimes())
}

/// Every catalog chip with its metrics.
#[wasm_bindgen]
pub fn chips() -> Result<JsValue, JsValue> {
    to_js(&wire::chips())
}

/// Every country and territory with aliases.
#[wasm_bindgen]
pub fn countries() -> Result<JsValue, JsValue> {
    to_js(&wire::countries())
}

/// The H100 unit and the span of the data, for display.
#[wasm_bindgen]
pub fn dataset() -> Result<JsValue, JsValue> {
    to_js(&wire::dataset())
}

/// The dated events of the data with their sources, each real regime's span, and the
/// hypothetical regimes beside them.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn timeline() -> Result<JsValue, JsValue> {
    to_js(&wire::timeline())
}

/// Every source the data cites (for a sources page).
#[wasm_bindgen]
pub fn sources() -> Result<JsValue, JsValue> {
    to_js(&wire::sources())
}

/// Every threshold in the data, with TPP, H100-equivalents and citation.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn thresholds() -> Result<JsValue, JsValue> {
    to_js(&wire::thresholds())
}

/// How many of each catalog chip fit in an amount: `{tpp} | {h100e} | {chip, quantity} | {threshold}`.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn convert(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let q: wire::ConvertIn = decode(query_obj, wire::ConvertIn::FIELDS)?;
    to_js(&wire::convert(&q.request()).map_err(js_err)?)
}

/// The same order under every regime side by side: an evaluation query without `regime` or `date`.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn compare(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let q: QueryIn = decode(query_obj, wire::COMPARE_FIELDS)?;
    to_js(&wire::compare(&q.request().map_err(js_err)?).map_err(js_err)?)
}

/// Public claims about the rules, each with the verdict and right figure computed from the data.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn claims() -> Result<JsValue, JsValue> {
    to_js(&wire::claims().map_err(js_err)?)
}
