//! Reads the page's query objects field by field. A query is a flat object of text, numbers,
//! booleans and lists, so it is read directly with `Reflect` rather than through
//! serde-wasm-bindgen's deserializer: that generic machinery (untagged enums buffered as
//! `Content`, serde's error texts, and Rust's float printing for numbers given where text was
//! expected) was about a twentieth of the page's wasm. Numbers reach the engine's own parser as
//! text, as typed text does (`wire::NumOrText`).

use wasm_bindgen::{JsCast, JsValue};

use crate::wire::{NumOrText, OneOrMany};
use crate::Error;

/// A refusal of the query as a whole (`field` = `query`, `code` = `bad-query`).
pub fn bad(reason: String) -> Error {
    Error::BadQuery { reason }
}

/// A JS object whose own keys have been checked against the names a query may have.
pub struct Fields(JsValue);

impl Fields {
    /// Refuses anything but a plain object, and any key outside `known`.
    pub fn new(value: JsValue, known: &[&str]) -> Result<Fields, Error> {
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(bad("invalid type: expected an object".into()));
        }
        let keys: Vec<String> = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        crate::wire::check_fields(keys.iter().map(String::as_str), known)?;
        Ok(Fields(value))
    }

    /// The value of `key`; `undefined` and `null` count as not given.
    fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// Text, if given.
    pub fn text(&self, key: &str) -> Result<Option<String>, Error> {
        self.get(key).map(|v| as_text(key, &v)).transpose()
    }

    /// Text that must be given.
    pub fn required_text(&self, key: &str) -> Result<String, Error> {
        self.text(key)?.ok_or_else(|| missing(key))
    }

    /// A number or its text, if given.
    pub fn number(&self, key: &str) -> Result<Option<NumOrText>, Error> {
        self.get(key).map(|v| number(key, &v)).transpose()
    }

    /// A number or its text that must be given.
    pub fn required_number(&self, key: &str) -> Result<NumOrText, Error> {
        self.number(key)?.ok_or_else(|| missing(key))
    }

    /// One number (or text) or a list of them, if given.
    pub fn numbers(&self, key: &str) -> Result<Option<OneOrMany>, Error> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        Ok(Some(if js_sys::Array::is_array(&v) {
            let list: js_sys::Array = v.unchecked_into();
            OneOrMany::Many(
                list.iter()
                    .map(|x| number(key, &x))
                    .collect::<Result<_, _>>()?,
            )
        } else {
            OneOrMany::One(number(key, &v)?)
        }))
    }

    /// A boolean; false when not given.
    pub fn flag(&self, key: &str) -> Result<bool, Error> {
        match self.get(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| wrong(key, "true or false")),
        }
    }

    /// A list of texts; empty when not given.
    pub fn texts(&self, key: &str) -> Result<Vec<String>, Error> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) if js_sys::Array::is_array(&v) => {
                let list: js_sys::Array = v.unchecked_into();
                list.iter().map(|x| as_text(key, &x)).collect()
            }
            Some(_) => Err(wrong(key, "a list of texts")),
        }
    }
}

fn as_text(key: &str, v: &JsValue) -> Result<String, Error> {
    v.as_string().ok_or_else(|| wrong(key, "text"))
}

/// A number, or text as given (`wire::NumOrText::text` writes a number as JavaScript does).
fn number(key: &str, v: &JsValue) -> Result<NumOrText, Error> {
    match (v.as_string(), v.as_f64()) {
        (Some(t), _) => Ok(NumOrText::Text(t)),
        (None, Some(n)) => Ok(NumOrText::Num(n)),
        (None, None) => Err(wrong(key, "a number or text")),
    }
}

fn missing(key: &str) -> Error {
    bad(format!("missing field `{key}`"))
}

fn wrong(key: &str, what: &str) -> Error {
    bad(format!("invalid type: `{key}` must be {what}"))
}
