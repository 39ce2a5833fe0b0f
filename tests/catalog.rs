//! The catalog against the research table it was built from (data/sources/chips.csv), and the
//! form of the data's citations (what the build's checks do not cover).

use h100e::chip::{self, Chip};
use h100e::model::Cite;
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
        assert!(chip::catalog().iter().any(|c| c.id() == id), "missing {id}");
    }
    let mut rdr = csv::Reader::from_path("data/sources/chips.csv").expect("research CSV");
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), chip::catalog().len());
    for row in &rows {
        assert!(
            chip::catalog().iter().any(|c| c.csv_id() == &row[0]),
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
            .find(|c| c.csv_id() == &row[id_c])
            .expect("catalog entry");
        let out = wire::chip(&Chip::Catalog(entry)).expect("metrics");
        let csv_class = &row[class_c];
        assert!(
            csv_class.starts_with(out.eccn),
            "{}: derived {} but the research says {csv_class}",
            entry.id(),
            out.eccn
        );
        if let (Some(tpp), Ok(expected)) = (out.tpp, row[tpp_c].parse::<f64>()) {
            // The research rounds TPP to its printed decimals (RTX 4090 D: 4,706.88 printed 4,706.9).
            let decimals = row[tpp_c].split('.').nth(1).map_or(0, str::len) as i32;
            let scale = 10f64.powi(decimals);
            assert_eq!((tpp * scale).round() / scale, expected, "{}", entry.id());
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
        assert_eq!(chip::find(typed).map(|c| c.id()), Ok(id), "{typed}");
    }
}

/// Every citation the data holds, with where it is used. The build already refuses a citation
/// without a known source, an empty `cfr`/`fr`, or a source without an http(s) URL, so the checks
/// below are only the ones it does not make: the form of the labels and that a source's grade
/// agrees with where its URL points.
fn all_cites() -> Vec<(String, &'static Cite)> {
    let mut out: Vec<(String, &'static Cite)> = Vec::new();
    let mut push = |what: String, c: &'static Cite| out.push((what, c));
    let c = &h100e::data::CLASSIFICATION;
    push("classification tpp_cite".into(), c.tpp_cite);
    for (name, p) in [
        ("h100_tpp", &c.h100_tpp),
        ("a1_tpp", &c.a1_tpp),
        ("a2_tpp", &c.a2_tpp),
        ("a2_pd", &c.a2_pd),
        ("b1_tpp_min", &c.b1_tpp_min),
        ("b1_pd_min", &c.b1_pd_min),
        ("b2_tpp", &c.b2_tpp),
        ("b2_pd_min", &c.b2_pd_min),
        ("non_datacenter_tpp", &c.non_datacenter_tpp),
    ] {
        push(format!("classification {name}"), p.cite);
    }
    for g in h100e::data::GROUPS {
        push(format!("group {}", g.id), g.cite);
        for m in g.members {
            push(format!("group {} {}", g.id, m.code()), m.cite);
        }
    }
    for t in h100e::data::TREATED_AS {
        push(format!("treated_as {}", t.code), t.cite);
    }
    for n in h100e::data::COUNTRY_NOTES {
        push(format!("note {}", n.code), n.cite);
    }
    for r in h100e::regime::all() {
        let id = r.id;
        let mut reg = |what: &str, c: &'static Cite| push(format!("{id} {what}"), c);
        reg("cite", r.cite);
        for n in r.notes {
            reg("notes", n.cite);
        }
        for n in r.vendor_notes {
            reg("vendor_notes", n.cite);
        }
        for (w, p) in [
            ("scope_a", &r.scope_a),
            ("scope_b", &r.scope_b),
            ("hq_rule", &r.hq_rule),
            ("embargo", &r.embargo),
        ] {
            reg(w, p.cite);
        }
        if let Some(t) = &r.tiers {
            reg("tier1", t.tier1.cite);
            reg("tier3", t.tier3.cite);
            reg("tier2", t.tier2_cite);
        }
        let e = &r.exceptions;
        if let Some(n) = &e.nac {
            reg("nac", n.cite);
        }
        if let Some(a) = &e.aca {
            reg("aca", a.place.cite);
        }
        if let Some(a) = &e.aia {
            reg("aia", a.cite);
            reg("aia report_tpp", a.report_tpp.cite);
        }
        if let Some(l) = &e.lpp {
            reg("lpp limit", l.limit.cite);
        }
        if let Some(c) = e.uveu {
            reg("uveu", c);
        }
        if let Some(n) = &e.nveu {
            reg("nveu", n.cite);
        }
        if let Some(a) = &r.allocation {
            reg("allocation tpp", a.tpp.cite);
            reg("allocation g2g_tpp", a.g2g_tpp.cite);
        }
        let v = &r.review;
        reg("review embargoed", v.embargoed.cite);
        if let Some((p, rv)) = &v.allied_hq {
            reg("review allied_hq place", p.cite);
            reg("review allied_hq", rv.cite);
        }
        for (w, rv) in [
            ("review other", &v.other),
            ("review within_allocation", &v.within_allocation),
            ("review over_allocation", &v.over_allocation),
        ] {
            if let Some(rv) = rv {
                reg(w, rv.cite);
            }
        }
        if let Some(i) = &r.is_informed {
            reg("is_informed", i.place.cite);
        }
        if let Some(b) = &r.china_band {
            reg("china_band", b.place.cite);
            reg("china_band max_tpp", b.max_tpp.cite);
            reg("china_band max_dram_gbs", b.max_dram_gbs.cite);
        }
        if let Some(n) = &r.g2g_licensing {
            reg("g2g_licensing", n.cite);
        }
    }
    out
}

/// `NN FR N...`: a Federal Register volume and page, as the citations print them.
fn is_fr_page(fr: &str) -> bool {
    let mut parts = fr.split(' ');
    let (Some(vol), Some("FR"), Some(page), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digits(vol) && vol.len() == 2 && digits(page) && page.len() <= 6 && !page.starts_with('0')
}

/// The host of an http(s) URL.
fn host(url: &str) -> &str {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or("")
}

#[test]
fn citation_labels_have_the_cfr_and_fr_forms() {
    let cites = all_cites();
    assert!(cites.len() >= 100, "only {} citations found", cites.len());
    for (what, c) in &cites {
        if let Some(cfr) = c.cfr() {
            assert!(
                cfr.starts_with("15 CFR ") && cfr.len() > "15 CFR ".len(),
                "{what}: cfr `{cfr}` is not a 15 CFR paragraph"
            );
        }
        if let Some(fr) = c.fr() {
            assert!(is_fr_page(fr), "{what}: fr `{fr}` is not `NN FR PAGE`");
        }
        // An eCFR text read through a mirror is cited by its paragraph or FR page, or it says
        // nothing a reader can find.
        assert!(
            c.cfr().is_some() || c.fr().is_some() || c.source.grade != Grade::PrimaryMirror,
            "{what}: a P-mirror citation without a paragraph"
        );
    }
    assert!(is_fr_page("90 FR 4544") && is_fr_page("88 FR 73458"));
    for bad in [
        "FR 4544",
        "90 FR 4,544",
        "90 FR",
        "90  FR 4544",
        "90 FR 4544-4584",
    ] {
        assert!(!is_fr_page(bad), "{bad}");
    }
}

#[test]
fn source_grades_agree_with_where_they_point() {
    for s in h100e::data::SOURCES {
        let h = host(s.url);
        let official = h == "gov" || h.ends_with(".gov");
        match s.grade {
            // The eCFR text, read through a mirror: the link is the eCFR itself.
            Grade::PrimaryMirror => assert_eq!(h, "www.ecfr.gov", "{:?}: {}", s.title, s.url),
            // Primary text read: the Federal Register, the eCFR, BIS, GAO or GovInfo, never a
            // law firm, a newsletter or a reprint.
            Grade::Primary => assert!(official, "{:?} is graded P but points to {h}", s.title),
            Grade::Secondary => {}
        }
    }
    // A secondary source may point to an official page whose text was not read (15 CFR 740.29,
    // 772.1); every use of it must then say what was not read.
    for (what, c) in all_cites() {
        let h = host(c.source.url);
        if c.source.grade == Grade::Secondary && h.ends_with(".gov") {
            assert!(
                c.uncertain().is_some(),
                "{what}: cites {} (graded S at {h}) without saying what was not read",
                c.source.title.expect("every title")
            );
        }
    }
}

#[test]
fn regimes_list_dates_and_sources() {
    let list = wire::regimes();
    assert_eq!(list.len(), 7);
    for r in &list {
        assert!(
            r.sources.as_ref().is_some_and(|s| !s.is_empty()),
            "{}",
            r.id
        );
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
        ["proposal2025", "draft2026"]
    );
    // The AI Diffusion rule as codified stands beside the rules in force: it has no end date, as
    // the rules in force now have none (research/updates-2026-12.md row 6).
    let unenforced: Vec<_> = list.iter().filter(|r| r.unenforced).collect();
    assert_eq!(unenforced.len(), 1);
    assert_eq!(unenforced[0].id, "codified");
    assert_eq!(unenforced[0].in_force_until, None);
    assert!(!unenforced[0].hypothetical && !unenforced[0].default);
    // The rules it sits beside keep their succession: the rescission ends the day before jan2026.
    let rescission = list
        .iter()
        .find(|r| r.id == "rescission2025")
        .expect("rescission2025");
    assert_eq!(rescission.in_force_until.as_deref(), Some("2026-01-14"));
}

/// A chip's names, uncertain points, other TPP readings and first source are fields of one packed
/// text (`ChipEntry::text`), written by build.rs in one order and read by position: every
/// accessor against the chip's own entry in data/chips.toml, so the two orders cannot drift apart.
#[test]
fn packed_chip_text_reads_back_as_written() {
    let file: toml::Table = std::fs::read_to_string("data/chips.toml")
        .expect("data/chips.toml")
        .parse()
        .expect("chips.toml is TOML");
    let rows = file["chip"].as_array().expect("[[chip]] entries");
    assert_eq!(rows.len(), chip::catalog().len());
    for (row, e) in rows.iter().zip(chip::catalog()) {
        let id = text(row, "id").expect("an id");
        assert_eq!(e.id(), id);
        assert_eq!(Some(e.csv_id()), text(row, "csv_id"), "{id}");
        assert_eq!(Some(e.vendor()), text(row, "vendor"), "{id}");
        assert_eq!(Some(e.model()), text(row, "model"), "{id}");
        assert_eq!(
            e.variant(),
            text(row, "variant").unwrap_or_default(),
            "{id}"
        );
        assert_eq!(e.uncertain(), text(row, "uncertain"), "{id}");
        assert_eq!(e.tpp_alternatives(), text(row, "tpp_alternatives"), "{id}");
        let first = &row["sources"].as_array().expect("sources")[0];
        assert_eq!(Some(e.source().about), text(first, "about"), "{id}");
        assert_eq!(Some(e.source().url), text(first, "url"), "{id}");
        let aliases: Vec<&str> = row["aliases"]
            .as_array()
            .expect("aliases")
            .iter()
            .filter_map(toml::Value::as_str)
            .collect();
        assert_eq!(e.aliases().collect::<Vec<_>>(), aliases, "{id}");
    }
}

/// A text field of a TOML entry, if it has one.
fn text<'a>(row: &'a toml::Value, key: &str) -> Option<&'a str> {
    row.get(key).and_then(toml::Value::as_str)
}
