//! The bad-input matrix (`tests/bad-input.json`) through the engine's request resolution (the
//! query object the page and the wasm API send, decoded as `wire::QueryIn`) and through the real
//! CLI (`h100e eval --json`: exit 2, one line on stderr, the same message and the error as JSON).
//! The same table drives the wasm API and the page in `e2e/bad-input.spec.mjs`.

use std::process::Command;

use h100e::wire::{self, QueryIn};
use serde_json::{Map, Value};

/// The longest message any refusal may have.
const MAX_MESSAGE: usize = 1_000;
/// Linux refuses one command-line argument longer than 128 KiB (`MAX_ARG_STRLEN`), so the CLI
/// gets the megabyte cases cut to this many bytes; the engine and the wasm API get them whole.
const MAX_ARG: usize = 100_000;

fn matrix() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-input.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A value as JSON: `{repeat, times}` expanded; `{number}` as a JSON number where JSON has one,
/// else its text (JSON has no NaN or infinities: the wasm API gets those as JS numbers in e2e).
fn value(v: &Value) -> Value {
    match v {
        Value::Object(o) if o.contains_key("repeat") => {
            let times = usize::try_from(o["times"].as_u64().unwrap()).unwrap();
            Value::String(o["repeat"].as_str().unwrap().repeat(times))
        }
        Value::Object(o) if o.contains_key("number") => match &o["number"] {
            Value::String(s) => Value::String(s.clone()),
            n => n.clone(),
        },
        Value::Array(items) => Value::Array(items.iter().map(value).collect()),
        other => other.clone(),
    }
}

/// The base query with a case's fields set (null removes a field).
fn query(m: &Value, case: &Value) -> Map<String, Value> {
    let mut q = m["base"].as_object().unwrap().clone();
    for (k, v) in case["set"].as_object().unwrap() {
        if v.is_null() {
            q.remove(k);
        } else {
            q.insert(k.clone(), value(v));
        }
    }
    q
}

/// The message and field the engine gives, or `None` for an answer.
fn engine(q: &Map<String, Value>) -> Option<(String, &'static str, &'static str)> {
    let parsed: QueryIn = serde_json::from_value(Value::Object(q.clone())).unwrap();
    let result = parsed.request().and_then(|r| wire::evaluate(&r));
    result
        .err()
        .map(|e| (e.to_string(), e.field().id(), e.code()))
}

fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// What every refusal of a case must say (`cut`: the CLI got a megabyte cut to `MAX_ARG`).
fn check_message(m: &Value, case: &Value, message: &str, cut: bool) {
    let id = &case["id"];
    let field = case["field"].as_str().unwrap();
    let accepts = case
        .get("accepts")
        .unwrap_or(&m["accepts"][field])
        .as_str()
        .unwrap();
    let mut says = case["says"].as_str().unwrap().to_string();
    if cut {
        says = says.replace("(1048576 characters)", &format!("({MAX_ARG} characters)"));
    }
    for needle in [says.as_str(), m["names"][field].as_str().unwrap(), accepts] {
        assert!(
            message.contains(needle),
            "{id}: `{message}` lacks `{needle}`"
        );
    }
    assert!(message.chars().count() <= MAX_MESSAGE, "{id}: long message");
    assert!(
        !message.chars().any(hidden),
        "{id}: hidden character in {message:?}"
    );
}

/// Runs `check` on every case and fails once, naming every case that failed.
fn each_case(check: impl Fn(&Value, &Value)) {
    let m = matrix();
    let cases = m["cases"].as_array().unwrap();
    assert!(cases.len() > 150);
    let failed: Vec<&Value> = cases
        .iter()
        .filter(|case| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&m, case))).is_err()
        })
        .map(|case| &case["id"])
        .collect();
    assert!(failed.is_empty(), "failed: {failed:?}");
}

#[test]
fn the_engine_refuses_each_case_with_its_field_code_and_message() {
    each_case(|m, case| {
        let id = &case["id"];
        let got = engine(&query(m, case));
        if case["ok"] == true {
            assert_eq!(got, None, "{id}: refused");
            return;
        }
        let (message, field, code) = got.unwrap_or_else(|| panic!("{id}: answered"));
        let want = (
            case["field"].as_str().unwrap(),
            case["code"].as_str().unwrap(),
        );
        assert_eq!((field, code), want, "{id}: {message}");
        check_message(m, case, &message, false);
    });
}

/// A value cut as the CLI gets it.
fn cut_to_arg(v: &mut Value) {
    match v {
        Value::String(s) => *s = s.chars().take(MAX_ARG).collect(),
        Value::Array(items) => items.iter_mut().for_each(cut_to_arg),
        _ => {}
    }
}

/// The CLI options of a query, in the wire field names' order.
fn args(q: &Map<String, Value>) -> Vec<String> {
    // A JSON number becomes the text the wasm boundary makes of it (`NumOrText`: f64 Display).
    let text = |v: &Value| match v {
        Value::String(s) => s.chars().take(MAX_ARG).collect(),
        Value::Number(n) => n.as_f64().map_or(n.to_string(), |f| format!("{f}")),
        other => other.to_string(),
    };
    let mut out = vec!["eval".to_string(), "--json".to_string()];
    for (k, v) in q {
        match (k.as_str(), v) {
            (_, Value::Bool(true)) => out.push(format!("--{}", k.replace('_', "-"))),
            (_, Value::Bool(false)) => {}
            ("readings", Value::Array(items)) => {
                for r in items {
                    out.extend(["--reading".to_string(), text(r)]);
                }
            }
            (_, Value::Array(items)) => {
                for x in items {
                    out.extend([format!("--{}", k.replace('_', "-")), text(x)]);
                }
            }
            _ => out.extend([format!("--{}", k.replace('_', "-")), text(v)]),
        }
    }
    out
}

#[test]
fn the_cli_refuses_each_case_with_exit_2_and_the_engines_message() {
    each_case(|m, case| {
        let id = &case["id"];
        let q = query(m, case);
        let argv = args(&q);
        // An argument cannot carry a NUL byte (the OS ends it there); the engine and wasm get it.
        if argv.iter().any(|a| a.contains('\0')) {
            return;
        }
        let out = Command::new(env!("CARGO_BIN_EXE_h100e"))
            .args(&argv)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if case["ok"] == true {
            assert!(out.status.success(), "{id}: {stderr}");
            return;
        }
        assert_eq!(out.status.code(), Some(2), "{id}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{id}: {stderr}");
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let err = &json["error"];
        assert_eq!(
            (&err["field"], &err["code"]),
            (&case["field"], &case["code"]),
            "{id}: {stderr}"
        );
        let message = err["message"].as_str().unwrap();
        // A custom chip's figure is named in words, and its option before the message.
        let option = m["options"][case["field"].as_str().unwrap()]
            .as_str()
            .map_or(String::new(), |o| format!("{o}: "));
        // Where the message asks for a chip, the CLI's options and command follow it.
        let hint = m["cli_hints"][case["code"].as_str().unwrap()]
            .as_str()
            .unwrap_or_default();
        assert_eq!(
            stderr.trim_end(),
            format!("error: {option}{message}{hint}"),
            "{id}"
        );
        check_message(m, case, message, true);
        // The same input through the engine gives the same words (cut the same way as the CLI's).
        let mut cut = q.clone();
        cut.values_mut().for_each(cut_to_arg);
        let engine_message = engine(&cut).map(|e| e.0);
        assert_eq!(engine_message.as_deref(), Some(message), "{id}");
    });
}
