//! Reads the page's query objects field by field. A query is a flat object of text, numbers,
//! booleans and lists, so it is read directly with `Reflect` rather than through
//! serde-wasm-bindgen's deserializer: that generic machinery (untagged enums buffered as
//! `Content`, serde's error texts, and Rust's float printing for numbers given where text was
//! expected) was about a twentieth of the page's wasm. Numbers reach the engine's own parser as
//! text, as typed text does: the text JavaScript writes for them (`wire::number_text`).
//!
//! Each read gives a plain value and [`Fields`] keeps the first refusal, which
//! [`Fields::finish`] returns once every field is read: one exit instead of one per field, each
//! dropping the fields read before it, which was most of the code that read a query.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};

use crate::Error;

/// A refusal of the query as a whole (`field` = `query`, `code` = `bad-query`).
pub fn bad(reason: String) -> Error {
    Error::BadQuery { reason }
}

/// A JS object whose own keys have been checked against the names a query may have, and the
/// first refusal met reading it.
pub struct Fields {
    value: JsValue,
    refused: Cell<Option<Error>>,
}

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
        Ok(Fields {
            value,
            refused: Cell::new(None),
        })
    }

    /// The first refusal met, if any, once every field has been read.
    pub fn finish(self) -> Result<(), Error> {
        self.refused.into_inner().map_or(Ok(()), Err)
    }

    /// The value read, or its default after keeping the refusal (the first one only).
    fn keep<T: Default>(&self, read: Result<T, Error>) -> T {
        read.unwrap_or_else(|e| {
            let first = self.refused.take().unwrap_or(e);
            self.refused.set(Some(first));
            T::default()
        })
    }

    /// The value of `key`; `undefined` and `null` count as not given.
    fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.value, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// Text, if given.
    pub fn text(&self, key: &str) -> Option<String> {
        self.keep(self.get(key).map(|v| as_text(key, &v)).transpose())
    }

    /// Text that must be given.
    pub fn required_text(&self, key: &str) -> String {
        let read = self.get(key).ok_or_else(|| missing(key));
        self.keep(read.and_then(|v| as_text(key, &v)))
    }

    /// A number's text or text, if given.
    pub fn number(&self, key: &str) -> Option<String> {
        self.keep(self.get(key).map(|v| number(key, &v)).transpose())
    }

    /// A number's text or text that must be given.
    pub fn required_number(&self, key: &str) -> String {
        let read = self.get(key).ok_or_else(|| missing(key));
        self.keep(read.and_then(|v| number(key, &v)))
    }

    /// One number (or text) or a list of them; empty when not given.
    pub fn numbers(&self, key: &str) -> Vec<String> {
        let read = match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) if js_sys::Array::is_array(&v) => {
                let list: js_sys::Array = v.unchecked_into();
                list.iter().map(|x| number(key, &x)).collect()
            }
            Some(v) => number(key, &v).map(|n| vec![n]),
        };
        self.keep(read)
    }

    /// A boolean; false when not given.
    pub fn flag(&self, key: &str) -> bool {
        let read = match self.get(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| wrong(key, "true or false")),
        };
        self.keep(read)
    }

    /// A list of texts; empty when not given.
    pub fn texts(&self, key: &str) -> Vec<String> {
        let read = match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) if js_sys::Array::is_array(&v) => {
                let list: js_sys::Array = v.unchecked_into();
                list.iter().map(|x| as_text(key, &x)).collect()
            }
            Some(_) => Err(wrong(key, "a list of texts")),
        };
        self.keep(read)
    }
}

fn as_text(key: &str, v: &JsValue) -> Result<String, Error> {
    v.as_string().ok_or_else(|| wrong(key, "text"))
}

/// Text as given, or a number as JavaScript writes it.
fn number(key: &str, v: &JsValue) -> Result<String, Error> {
    match (v.as_string(), v.as_f64()) {
        (Some(t), _) => Ok(t),
        (None, Some(n)) => Ok(crate::wire::number_text(n)),
        (None, None) => Err(wrong(key, "a number or text")),
    }
}

fn missing(key: &str) -> Error {
    bad(format!("missing field `{key}`"))
}

fn wrong(key: &str, what: &str) -> Error {
    bad(format!("invalid type: `{key}` must be {what}"))
}
