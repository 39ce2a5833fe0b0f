//! The wasm boundary in headless Chromium: the JS API returns what the core's wire types
//! serialize to (the JSON the CLI prints), and bad input throws an `Error` with the CLI's message.

#![cfg(target_arch = "wasm32")]

use h100e::query::Request;
use h100e::wasm;
use h100e::wire::{self, QueryIn};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON)]
    fn stringify(v: &JsValue) -> String;
    #[wasm_bindgen(js_namespace = JSON, catch)]
    fn parse(s: &str) -> Result<JsValue, JsValue>;
}

fn js(json: &str) -> JsValue {
    parse(json).expect("valid JSON")
}

/// The first place where two JSON values differ, comparing numbers by value (JS has one number
/// type, so `826` from JS equals `826.0` from serde).
fn diff(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => (x.as_f64() != y.as_f64()).then(|| format!("{at}: {x} vs {y}")),
        (Array(x), Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at}: {} vs {} items", x.len(), y.len()));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| diff(p, q, &format!("{at}[{i}]")))
        }
        (Object(x), Object(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at}: {} vs {} keys", x.len(), y.len()));
            }
            x.iter().find_map(|(k, p)| match y.get(k) {
                Some(q) => diff(p, q, &format!("{at}.{k}")),
                None => Some(format!("{at}.{k} missing")),
            })
        }
        _ => (a != b).then(|| format!("{at}: {a} vs {b}")),
    }
}

fn same_json(from_js: &JsValue, native: serde_json::Value) {
    let got: serde_json::Value = serde_json::from_str(&stringify(from_js)).expect("JSON from JS");
    if let Some(d) = diff(&got, &native, "$") {
        panic!("wasm and native JSON differ at {d}");
    }
}

fn native_eval(q: &str) -> serde_json::Value {
    let q: QueryIn = serde_json::from_str(q).expect("query");
    let req: Request = q.request().expect("request");
    serde_json::to_value(wire::evaluate(&req).expect("answer")).expect("serialize")
}

const QUERIES: [&str; 9] = [
    r#"{"to":"UAE","chip":"H100","quantity":1000,"regime":"diffusion2025"}"#,
    r#"{"to":"Singapore","chip":"h100","quantity":1700,"regime":"diffusion2025","prior_tpp":"1000"}"#,
    r#"{"to":"China","chip":"H200","quantity":10}"#,
    r#"{"to":"FR","chip":"b200","quantity":5,"hq":"China","date":"2025-03-01"}"#,
    r#"{"to":"SG","tops":["1979"],"bits":[8],"die_area":"814","quantity":501,"regime":"proposal2025"}"#,
    r#"{"to":"IN","chip":"H100","quantity":60000,"g2g":true,"end_user":"none","regime":"diffusion2025"}"#,
    // Contested facts, a reexport, a chosen reading and a day after the last check: the same
    // `contested`, `shipped_from` and `data` as native.
    r#"{"to":"SA","chip":"mi355x","quantity":500,"regime":"diffusion2025"}"#,
    r#"{"to":"CN","chip":"h200","quantity":10,"from":"SG","readings":["chip-tpp=low"]}"#,
    r#"{"to":"SG","chip":"h100","quantity":1,"date":"2030-01-01"}"#,
];

#[wasm_bindgen_test]
fn evaluate_matches_the_native_wire_json() {
    for q in QUERIES {
        let out = wasm::evaluate(js(q)).unwrap_or_else(|_| panic!("{q} failed"));
        same_json(&out, native_eval(q));
    }
}

#[wasm_bindgen_test]
fn answers_carry_real_values() {
    let out = wasm::evaluate(js(QUERIES[1])).expect("answer");
    let v: serde_json::Value = serde_json::from_str(&stringify(&out)).expect("json");
    assert_eq!(v["destination"]["tier"], 2);
    assert_eq!(v["license_required"], true);
    assert_eq!(v["order"]["tpp"], 26_914_400.0);
    assert!(v["review_policy"].is_string());
    assert!(v["explanation"].as_array().is_some_and(|s| s.len() > 5));
}

#[wasm_bindgen_test]
fn lists_match_native() {
    same_json(
        &wasm::regimes().expect("regimes"),
        serde_json::to_value(wire::regimes()).expect("json"),
    );
    same_json(
        &wasm::chips().expect("chips"),
        serde_json::to_value(wire::chips()).expect("json"),
    );
    same_json(
        &wasm::countries().expect("countries"),
        serde_json::to_value(wire::countries()).expect("json"),
    );
    let t = wasm::tiers(Some("diffusion2025".into()), None).expect("tiers");
    same_json(
        &t,
        serde_json::to_value(
            wire::tiers(&h100e::regime::Choice::Id("diffusion2025".into()), None).expect("tiers"),
        )
        .expect("json"),
    );
    let by_date = wasm::tiers(Some("2024-06-01".into()), None).expect("tiers by date");
    let v: serde_json::Value = serde_json::from_str(&stringify(&by_date)).expect("json");
    assert_eq!(v["regime"]["id"], "ac2023");
    let chip = wasm::chip(JsValue::from_str("H20")).expect("chip");
    let v: serde_json::Value = serde_json::from_str(&stringify(&chip)).expect("json");
    assert_eq!(
        (v["tpp"].as_f64(), v["eccn"].as_str()),
        (Some(2368.0), Some("not 3A090"))
    );
    let spec = wasm::chip(js(r#"{"tops":300,"bits":16}"#)).expect("custom chip");
    let v: serde_json::Value = serde_json::from_str(&stringify(&spec)).expect("json");
    assert_eq!(v["eccn_paragraph"], "3A090.a.1");
    let outs = wasm::outcomes(js(QUERIES[0])).expect("outcomes");
    let v: serde_json::Value = serde_json::from_str(&stringify(&outs)).expect("json");
    // Each destination names the index of its answer, which says what the full answer for that
    // destination says (the query's own is the UAE).
    let at = v["destinations"].as_object().expect("an object by code");
    assert_eq!(at.len(), 249);
    let ae = at["AE"].as_u64().expect("an index") as usize;
    let full = wasm::evaluate(js(QUERIES[0])).expect("answer");
    let full: serde_json::Value = serde_json::from_str(&stringify(&full)).expect("json");
    assert_eq!(v["answers"][ae]["class"], full["outcome_class"]);
    assert_eq!(v["answers"][ae]["exception_used"], full["exception_used"]);
}

fn message(r: Result<JsValue, JsValue>) -> String {
    let err: js_sys::Error = r.err().expect("an error").dyn_into().expect("a JS Error");
    String::from(err.message())
}

/// The `field` and `code` properties of the thrown error.
fn field_code(r: Result<JsValue, JsValue>) -> (String, String) {
    let Err(err) = r else {
        return ("(no error)".into(), String::new());
    };
    let get = |k: &str| {
        js_sys::Reflect::get(&err, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    (get("field"), get("code"))
}

#[wasm_bindgen_test]
fn errors_name_their_field_and_code() {
    let cases = [
        (
            r#"{"to":"Atlantis","chip":"H100","quantity":1}"#,
            "to",
            "unknown-country",
        ),
        (
            r#"{"to":"SG","hq":"Atlantis","chip":"H100","quantity":1}"#,
            "hq",
            "unknown-country",
        ),
        (
            r#"{"to":"Congo","chip":"H100","quantity":1}"#,
            "to",
            "ambiguous-country",
        ),
        (
            r#"{"to":"SG","hq":"Korea","chip":"H100","quantity":1}"#,
            "hq",
            "ambiguous-country",
        ),
        (
            r#"{"to":"SG","chip":"H1000","quantity":1}"#,
            "chip",
            "unknown-chip",
        ),
        (
            r#"{"to":"SG","chip":"H100","quantity":0}"#,
            "quantity",
            "bad-number",
        ),
        (
            r#"{"to":"SG","tops":250,"bits":8,"quantity":1}"#,
            "die_area",
            "needs-die-area",
        ),
        (
            r#"{"to":"SG","tops":"x","bits":8,"quantity":1}"#,
            "tops",
            "bad-number",
        ),
        (
            r#"{"to":"SG","chip":"H100","quantity":1,"prior_tpp":"-1"}"#,
            "prior_tpp",
            "bad-number",
        ),
        (
            r#"{"to":"SG","chip":"H100","quantity":1,"date":"2023-02-30"}"#,
            "date",
            "bad-date",
        ),
        (
            r#"{"to":"SG","chip":"H100","quantity":1,"regime":"x"}"#,
            "regime",
            "unknown-regime",
        ),
        (
            r#"{"to":"SG","chip":"H100","quantity":1,"colour":"red"}"#,
            "query",
            "bad-query",
        ),
    ];
    for (q, field, code) in cases {
        assert_eq!(
            field_code(wasm::evaluate(js(q))),
            (field.to_string(), code.to_string()),
            "{q}"
        );
    }
}

/// The boundary reads query objects field by field (`wasm/fields.rs`): a number and its text give
/// the same answer, as do one value and a list of one; absent, `undefined` and `null` are the
/// same; a value of the wrong kind, or anything but an object, is refused as a bad query.
#[wasm_bindgen_test]
fn query_fields_are_read_by_kind() {
    let base =
        r#"{"to":"SG","chip":"H100","quantity":1700,"regime":"diffusion2025","prior_tpp":1000}"#;
    let text = r#"{"to":"SG","chip":"H100","quantity":"1700","regime":"diffusion2025","prior_tpp":"1000","hq":null,"from":null}"#;
    same_json(&wasm::evaluate(js(text)).expect("text"), native_eval(base));
    let one = r#"{"to":"SG","tops":1979,"bits":"8","die_area":814,"quantity":501,"regime":"proposal2025"}"#;
    same_json(
        &wasm::evaluate(js(one)).expect("one"),
        native_eval(QUERIES[4]),
    );
    let q = |extra: &str| format!(r#"{{"to":"SG","chip":"H100","quantity":1{extra}}}"#);
    for bad in [
        r#"{"to":5,"chip":"H100","quantity":1}"#.to_string(),
        r#"{"chip":"H100","quantity":1}"#.to_string(),
        r#"{"to":"SG","chip":"H100"}"#.to_string(),
        r#"{"to":"SG","chip":"H100","quantity":true}"#.to_string(),
        q(r#","g2g":"yes""#),
        q(r#","readings":"chip-tpp=low""#),
        q(r#","readings":[1]"#),
        q(r#","tops":[1979,{}],"bits":[8,8]"#),
        "[]".to_string(),
        "null".to_string(),
        r#""SG""#.to_string(),
    ] {
        assert_eq!(
            field_code(wasm::evaluate(js(&bad))),
            ("query".to_string(), "bad-query".to_string()),
            "{bad}"
        );
    }
    assert_eq!(
        field_code(wasm::chip(js(r#"{"tops":300,"bits":16,"colour":1}"#))),
        ("query".to_string(), "bad-query".to_string())
    );
}

/// Answers cross the boundary as JSON text that JavaScript parses (`wasm/json.rs`): awkward text
/// (quotes, backslashes, control characters, non-ASCII) and numbers come back as they went in.
#[wasm_bindgen_test]
fn json_text_round_trips() {
    let texts = [
        "a\"b\\c\nd\te\r\u{1}\u{1f}",
        "Türkiye – “quoted” · 中文 😀",
        "",
        "\"é\u{0}\\",
        "\u{7f}–\n",
    ];
    for t in texts {
        let back = parse(&wasm::json::to_string(t).expect("text")).expect("valid JSON");
        assert_eq!(back.as_string().as_deref(), Some(t));
    }
    for n in [
        0.0,
        0.1,
        -0.5,
        26_914_400.0,
        1e21,
        9_007_199_254_740_993.0,
        1.5e-7,
    ] {
        let back = parse(&wasm::json::to_string(&n).expect("number")).expect("valid JSON");
        assert_eq!(back.as_f64(), Some(n), "{n}");
    }
    assert_eq!(wasm::json::to_string(&f64::NAN).expect("NaN"), "null");
    let map: std::collections::BTreeMap<&str, Option<u64>> =
        [("a", Some(u64::from(u32::MAX))), ("b", None)].into();
    assert_eq!(
        wasm::json::to_string(&map).expect("map"),
        r#"{"a":4294967295,"b":null}"#
    );
}

#[wasm_bindgen_test]
fn bad_input_throws_the_cli_message() {
    let cases = [
        (r#"{"to":"Atlantis","chip":"H100","quantity":1}"#, "unknown destination `Atlantis`: give an ISO code (e.g. `AE`), an English name or a common alias; did you mean `Antarctica`, `Åland Islands` or `Albania`?"),
        (r#"{"to":"Congo","chip":"H100","quantity":1}"#, "destination `Congo` can mean Republic of the Congo or DR Congo: give the one you mean (a name or an ISO code such as `CG` or `CD`)"),
        (r#"{"to":"SG","chip":"H100","quantity":-5}"#, "bad quantity `-5`: it is negative; give a whole number of chips from 1 to 100,000,000"),
        (r#"{"to":"SG","chip":"H100","quantity":1.5}"#, "bad quantity `1.5`: it is not a whole number; give a whole number of chips from 1 to 100,000,000"),
        (r#"{"to":"SG","chip":"H100","quantity":1,"date":"2023-01-01"}"#, "date `2023-01-01` is outside coverage: the earliest rules we model (2023–24 rules) took effect on 2023-11-17; give that day or a later one"),
    ];
    for (q, expected) in cases {
        let native = {
            let q: QueryIn = serde_json::from_str(q).expect("query");
            wire::evaluate(&q.request().expect("request"))
                .expect_err("refused")
                .to_string()
        };
        assert_eq!(native, expected);
        assert_eq!(message(wasm::evaluate(js(q))), expected);
    }
    let missing = message(wasm::evaluate(js(r#"{"chip":"H100","quantity":1}"#)));
    assert!(
        missing.starts_with("bad query: ") && missing.contains("`to`"),
        "{missing}"
    );
    assert!(
        message(wasm::chip(js(r#"{"tops":"NaN","bits":8}"#))).starts_with("bad dense TOPS `NaN`")
    );
    assert!(message(wasm::tiers(Some("tier9".into()), None)).starts_with("unknown regime `tier9`"));
}

#[cfg(feature = "tools")]
#[wasm_bindgen_test]
fn convert_and_thresholds_match_native() {
    same_json(
        &wasm::thresholds().expect("thresholds"),
        serde_json::to_value(wire::thresholds()).expect("json"),
    );
    for q in [
        r#"{"threshold":"diffusion2025.lpp"}"#,
        r#"{"tpp":"26,900,000"}"#,
        r#"{"h100e":500}"#,
        r#"{"chip":"B200","quantity":747}"#,
    ] {
        let native: wire::ConvertIn = serde_json::from_str(q).expect("query");
        let native = serde_json::to_value(wire::convert(&native.request()).expect("converts"))
            .expect("json");
        same_json(&wasm::convert(js(q)).expect(q), native);
    }
    let cases = [
        (r#"{"threshold":"nope"}"#, "threshold", "unknown-threshold"),
        (r#"{"tpp":0}"#, "tpp", "bad-number"),
        (r#"{"tpp":1,"colour":"red"}"#, "query", "bad-query"),
    ];
    for (q, field, code) in cases {
        assert_eq!(
            field_code(wasm::convert(js(q))),
            (field.to_string(), code.to_string()),
            "{q}"
        );
    }
}

#[cfg(feature = "tools")]
#[wasm_bindgen_test]
fn compare_matches_native_and_refuses_a_regime() {
    let q = r#"{"to":"IN","chip":"b200","quantity":5000}"#;
    let native: QueryIn = serde_json::from_str(q).expect("query");
    let native = wire::compare(&native.request().expect("request")).expect("compares");
    same_json(
        &wasm::compare(js(q)).expect("compares"),
        serde_json::to_value(native).expect("json"),
    );
    // A regime is only the base of a scenario; alone it is refused, not ignored.
    let with_regime = r#"{"to":"IN","chip":"b200","quantity":5,"regime":"ac2023"}"#;
    assert_eq!(
        field_code(wasm::compare(js(with_regime))),
        ("regime".to_string(), "bad-choice".to_string())
    );
}

#[cfg(feature = "tools")]
#[wasm_bindgen_test]
fn claims_match_native() {
    same_json(
        &wasm::claims().expect("claims"),
        serde_json::to_value(wire::claims().expect("claims")).expect("json"),
    );
}

/// The JSON writer's whole numbers are its own digits (not `core::fmt`'s): every width and sign
/// as serde_json writes them.
#[wasm_bindgen_test]
fn json_integers_match_serde_json() {
    let values = (
        0u64,
        7u8,
        2026u16,
        u32::MAX,
        u64::MAX,
        -1i64,
        i64::MIN,
        -45i8,
        0i32,
    );
    assert_eq!(
        wasm::json::to_string(&values).expect("json"),
        serde_json::to_string(&values).expect("json")
    );
}
