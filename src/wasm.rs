//! The WebAssembly boundary: the JS API mirrors the CLI and returns the same JSON shapes.
//! Inputs arrive as plain JS objects (read field by field, `wasm/fields.rs`) or strings; bad input throws an `Error` whose message is the
//! one the CLI prints, with `field` and `code` properties. Nothing here decides anything: it converts and calls `wire`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "tools")]
use crate::chip::Chip;
use crate::query::{ChipInput, Request};
use crate::regime::Choice;
use crate::wire::{self, QueryIn};
use crate::Error;

mod fields;
pub mod json;
use fields::Fields;

/// The allocator: a free list sorted by address (lol_alloc), about a tenth of std's dlmalloc in
/// code. An answer allocates little and frees it all, so the list stays short.
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature runs on one thread only.
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // JSON text parsed by JavaScript (`wasm/json.rs`): `None` becomes `null`, maps plain objects.
    let text = json::to_string(value).map_err(|e| {
        js_err(Error::BadQuery {
            reason: e.to_string(),
        })
    })?;
    js_sys::JSON::parse(&text)
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

/// A chip spec's fields as read, checked as a chip once the whole query is read (as
/// `wire::SpecIn`, whose `chip_input` this mirrors).
#[derive(Default)]
struct Spec {
    chip: Option<String>,
    tops: Vec<String>,
    bits: Vec<String>,
    die_area: Option<String>,
    non_datacenter: bool,
    dram_bandwidth: Option<String>,
}

impl Spec {
    fn read(f: &Fields) -> Spec {
        Spec {
            chip: f.text("chip"),
            tops: f.numbers("tops"),
            bits: f.numbers("bits"),
            die_area: f.number("die_area"),
            non_datacenter: f.flag("non_datacenter"),
            dram_bandwidth: f.number("dram_bandwidth"),
        }
    }

    fn input(self) -> Result<ChipInput, Error> {
        ChipInput::from_parts(
            self.chip,
            self.tops,
            self.bits,
            self.die_area,
            self.non_datacenter,
            self.dram_bandwidth,
        )
    }
}

/// A query object as the engine's request, refused as `wire::QueryIn::request` refuses it: the
/// first field of the wrong kind in the order below, then the regime, then the chip. `known` is
/// `QueryIn::FIELDS`, or `COMPARE_FIELDS` for a comparison.
fn request(value: JsValue, known: &[&str]) -> Result<Request, Error> {
    let f = Fields::new(value, known)?;
    let spec = Spec::read(&f);
    let regime = f.text("regime");
    let date = f.text("date");
    let to = f.required_text("to");
    let quantity = f.required_number("quantity");
    let end_user = f.text("end_user");
    let hq = f.text("hq");
    let prior_tpp = f.number("prior_tpp");
    let installed_tpp = f.number("installed_tpp");
    let buyer_total_tpp = f.number("buyer_total_tpp");
    let g2g = f.flag("g2g");
    let from = f.text("from");
    let readings = f.texts("readings");
    let scenario = f.text("scenario");
    f.finish()?;
    Ok(Request {
        regime: Choice::from_parts(regime, date)?,
        to,
        chip: spec.input()?,
        quantity,
        end_user: end_user.unwrap_or_default(),
        hq,
        prior_tpp,
        installed_tpp,
        buyer_total_tpp,
        g2g,
        from,
        readings,
        scenario,
    })
}

fn query(value: JsValue) -> Result<Request, JsValue> {
    request(value, QueryIn::FIELDS).map_err(js_err)
}

/// Evaluates an order: `{to, chip | tops+bits, quantity, regime | date, end_user, hq, prior_tpp, g2g}`.
#[wasm_bindgen]
pub fn evaluate(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let req = query(query_obj)?;
    to_js(&wire::evaluate(&req).map_err(js_err)?)
}

/// The outcome of the same order in every destination, for the map's outcome mode: `answers`
/// lists each distinct answer once, `destinations` maps each ISO code to its answer's index.
#[wasm_bindgen]
pub fn outcomes(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let req = query(query_obj)?;
    to_js(&wire::outcomes(&req).map_err(js_err)?)
}

/// One chip: a catalog id or name (string), or `{tops, bits, die_area, non_datacenter, dram_bandwidth}`.
/// With the `tools` feature (the page reads the catalog from `chips()`).
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn chip(id_or_spec: JsValue) -> Result<JsValue, JsValue> {
    let spec = match id_or_spec.as_string() {
        Some(id) => Ok(Spec {
            chip: Some(id),
            ..Spec::default()
        }),
        None => Fields::new(id_or_spec, wire::SpecIn::FIELDS).and_then(|f| {
            let spec = Spec::read(&f);
            f.finish().map(|()| spec)
        }),
    };
    let chip: Chip = spec
        .and_then(Spec::input)
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

/// Every source the data cites. With the `tools` feature (the sources page is written natively).
#[cfg(feature = "tools")]
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
    let f = Fields::new(query_obj, wire::ConvertIn::FIELDS).map_err(js_err)?;
    let q = crate::convert::ConvertRequest {
        tpp: f.number("tpp"),
        h100e: f.number("h100e"),
        chip: f.text("chip"),
        quantity: f.number("quantity"),
        threshold: f.text("threshold"),
    };
    f.finish().map_err(js_err)?;
    to_js(&wire::convert(&q).map_err(js_err)?)
}

/// The same order under every regime side by side: an evaluation query without `regime` or `date`.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn compare(query_obj: JsValue) -> Result<JsValue, JsValue> {
    let req = request(query_obj, wire::COMPARE_FIELDS).map_err(js_err)?;
    to_js(&wire::compare(&req).map_err(js_err)?)
}

/// Public claims about the rules, each with the verdict and right figure computed from the data.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn claims() -> Result<JsValue, JsValue> {
    to_js(&wire::claims().map_err(js_err)?)
}
