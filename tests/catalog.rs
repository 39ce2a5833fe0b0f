//! The catalog against the research table it was built from (data/sources/chips.csv), and the
//! rule that every legal value in the data carries a citation.

use h100e::chip::{self, Chip};
use h100e::model::{Cite, Place, Regime};
use h100e::vocab::Grade;
use h100e::wire;

const REQUIRED_IDS: [&str; 28] = [
    "a100-sxm",
    "a100-pcie",
    "a800",
    "h100-sxm",
    "h100-pcie",
    "h800",
    "h20",
    "h200",
    "b100",
    "b200",
    "gb200",
    "b300",
    "l40s",
    "l40",
    "l20",
    "l4",
    "rtx-4090",
    "rtx-4090d",
    "rtx-5090",
    "mi250x",
    "mi300x",
    "mi325x",
    "mi355x",
    "gaudi2",
    "gaudi3",
    "ascend-910b",
    "ascend-910c",
    "tpu-v5p",
];

#[test]
fn catalog_has_every_required_id_and_every_research_row() {
    for id in REQUIRED_IDS {
        assert!(chip::catalog().iter().any(|c| c.id == id), "missing {id}");
    }
    let mut rdr = csv::Reader::from_path("data/sources/chips.csv").expect("research CSV");
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), chip::catalog().len());
    for row in &rows {
        assert!(
            chip::catalog().iter().any(|c| c.csv_id == &row[0]),
            "CSV row {} missing from the catalog",
            &row[0]
        );
    }
}

#[test]
fn derived_class_and_tpp_match_the_research_table() {
    let mut rdr = csv::Reader::from_path("data/sources/chips.csv").expect("research CSV");
    let headers = rdr.headers().expect("headers").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let (id_c, tpp_c, class_c) = (col("id"), col("tpp"), col("eccn_3a090"));
    let mut compared = 0;
    for row in rdr.records() {
        let row = row.expect("row");
        let entry = chip::catalog()
            .iter()
            .find(|c| c.csv_id == &row[id_c])
            .expect("catalog entry");
        let out = wire::chip(&Chip::Catalog(entry)).expect("metrics");
        let csv_class = &row[class_c];
        assert!(
            csv_class.starts_with(out.eccn),
            "{}: derived {} but the research says {csv_class}",
            entry.id,
            out.eccn
        );
        if let (Some(tpp), Ok(expected)) = (out.tpp, row[tpp_c].parse::<f64>()) {
            // The research rounds TPP to its printed decimals (RTX 4090 D: 4,706.88 printed 4,706.9).
            let decimals = row[tpp_c].split('.').nth(1).map_or(0, str::len) as i32;
            let scale = 10f64.powi(decimals);
            assert_eq!((tpp * scale).round() / scale, expected, "{}", entry.id);
            compared += 1;
        }
    }
    assert_eq!(compared, 40, "every row with a TPP is compared");
}

#[test]
fn lookups_accept_common_names() {
    for (typed, id) in [
        ("H100", "h100-sxm"),
        ("h100 sxm", "h100-sxm"),
        ("a100", "a100-sxm"),
        ("B200", "b200"),
        ("MI300X", "mi300x"),
        ("Gaudi 3", "gaudi3"),
        ("rtx 4090 d", "rtx-4090d"),
    ] {
        assert_eq!(chip::find(typed).map(|c| c.id), Ok(id), "{typed}");
    }
}

fn assert_cited(c: &Cite, what: &str) {
    assert!(
        c.source.url.starts_with("http"),
        "{what}: source without a URL"
    );
    assert!(!c.source.title.is_empty(), "{what}: source without a title");
    assert!(
        c.cfr.is_some() || c.fr.is_some() || c.source.grade != Grade::PrimaryMirror,
        "{what}: no paragraph"
    );
}

fn assert_place(p: &Place, what: &str) {
    assert_cited(p.cite, what);
}

fn regime_cites(r: &Regime) {
    assert_cited(r.cite, r.id);
    for (p, w) in [
        (&r.scope_a, "scope_a"),
        (&r.scope_b, "scope_b"),
        (&r.hq_rule, "hq_rule"),
        (&r.embargo, "embargo"),
    ] {
        assert_place(p, &format!("{} {w}", r.id));
    }
    let e = &r.exceptions;
    if let Some(l) = &e.lpp {
        assert_cited(l.limit.cite, "lpp");
    }
    if let Some(a) = &e.aia {
        assert_cited(a.report_tpp.cite, "aia");
    }
    if let Some(a) = &r.allocation {
        assert_cited(a.tpp.cite, "allocation");
        assert_cited(a.g2g_tpp.cite, "allocation g2g");
    }
    if let Some(b) = &r.china_band {
        assert_cited(b.max_tpp.cite, "band tpp");
        assert_cited(b.max_dram_gbs.cite, "band dram");
    }
}

/// Counts the tables with a `value`, failing on any without a `cite` whose `source` is set.
fn check_values(v: &toml::Value, at: &str) -> usize {
    match v {
        toml::Value::Table(t) => {
            let mut n = 0;
            if t.contains_key("value") {
                let source = t
                    .get("cite")
                    .and_then(|c| c.get("source"))
                    .and_then(toml::Value::as_str);
                assert!(
                    source.is_some_and(|s| !s.is_empty()),
                    "{at}: a value without a citation"
                );
                n += 1;
            }
            for (k, child) in t {
                n += check_values(child, &format!("{at}.{k}"));
            }
            n
        }
        toml::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| check_values(x, &format!("{at}[{i}]")))
            .sum(),
        _ => 0,
    }
}

#[test]
fn every_legal_value_has_a_citation() {
    for r in h100e::regime::all() {
        regime_cites(r);
    }
    let c = &h100e::data::CLASSIFICATION;
    for p in [
        &c.h100_tpp,
        &c.a1_tpp,
        &c.a2_tpp,
        &c.a2_pd,
        &c.b1_tpp_min,
        &c.b1_pd_min,
        &c.b2_tpp,
        &c.b2_pd_min,
        &c.non_datacenter_tpp,
    ] {
        assert_cited(p.cite, "classification");
    }
    for g in h100e::data::GROUPS {
        assert!(!g.members.is_empty(), "{} is empty", g.id);
        for m in g.members {
            assert_cited(m.cite, &format!("{} {}", g.id, m.code));
        }
    }
    // The data files themselves: every table that holds a legal `value` holds a `cite` beside it.
    let mut files: Vec<std::path::PathBuf> = vec!["data/classification.toml".into()];
    files.extend(
        std::fs::read_dir("data/regimes")
            .expect("regimes")
            .map(|e| e.expect("entry").path()),
    );
    let mut values = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).expect("data file");
        let doc: toml::Table = toml::from_str(&text).expect("valid TOML");
        values += check_values(&toml::Value::Table(doc), &path.display().to_string());
    }
    assert!(values >= 16, "only {values} legal values found");
}

#[test]
fn regimes_list_dates_and_sources() {
    let list = wire::regimes();
    assert_eq!(list.len(), 5);
    for r in &list {
        assert!(!r.sources.is_empty(), "{}", r.id);
    }
    assert_eq!(
        list.iter()
            .filter(|r| r.default)
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        ["jan2026"]
    );
    assert_eq!(
        list.iter()
            .filter(|r| r.hypothetical)
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        ["proposal2025"]
    );
}
