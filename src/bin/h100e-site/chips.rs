//! `www/chips.html`: the threshold converter, every legal line counted in chips, and the chip
//! catalog, pre-rendered from the engine's `wire` values so they read without JavaScript;
//! `www/chips.js` makes them interactive with the tools engine.

use std::fmt::Write as _;

use h100e::convert::ConvertRequest;
use h100e::wire::convert::FitOut;
use h100e::wire::{self, ChipOut, ConvertOut, DatasetOut, ThresholdOut};

use super::{cite, esc, num, shell, source_links, uncertain_note, Page};

/// The converter's first amount: the yardstick itself, 1,000 of the H100.
const FIRST_CHIP: &str = "h100-sxm";
const FIRST_QUANTITY: &str = "1000";
/// The chip the legal lines are first counted in: the issue's example (747 under LPP's line).
const LINES_CHIP: &str = "b200";

/// A count, or its range where the chip's TPP readings give different counts, with a sort key.
pub fn count_cell(f: &FitOut) -> (String, String) {
    let counts: Vec<u64> = f.readings.iter().filter_map(|r| r.count).collect();
    let (Some(lo), Some(hi)) = (counts.iter().min(), counts.iter().max()) else {
        return ("unknown (TPP not published)".into(), "-1".into());
    };
    let main = f.count.unwrap_or(*lo);
    if lo == hi {
        return (num(main as f64, 0), main.to_string());
    }
    let range = format!("{}–{}", num(*lo as f64, 0), num(*hi as f64, 0));
    (
        format!(
            r##"{} <span class="range">({range} by the sources' TPP figures: contested)</span>"##,
            num(main as f64, 0)
        ),
        main.to_string(),
    )
}

fn chip_options(chips: &[ChipOut], selected: &str) -> String {
    chips
        .iter()
        .filter(|c| c.tpp.is_some())
        .map(|c| {
            format!(
                r##"<option value="{}"{}>{}</option>"##,
                esc(c.id),
                if c.id == selected { " selected" } else { "" },
                esc(&c.name)
            )
        })
        .collect()
}

fn threshold_options(lines: &[ThresholdOut]) -> String {
    lines
        .iter()
        .map(|t| {
            let hyp = if t.hypothetical {
                " (hypothetical)"
            } else {
                ""
            };
            format!(
                r##"<option value="{}">{}{hyp}</option>"##,
                esc(&t.id),
                esc(&t.name)
            )
        })
        .collect()
}

/// The converter's form (disabled until the tools engine has loaded) and its first result.
fn converter(chips: &[ChipOut], lines: &[ThresholdOut], first: &ConvertOut) -> String {
    format!(
        r##"<section id="convert" aria-labelledby="convert-title"><h2 id="convert-title">Converter: chips, TPP and H100-equivalents</h2>
<p>Give an amount one way; the converter gives it in the others and counts how many whole units of every chip in the catalog fit in it. <strong>TPP</strong> (Total Processing Performance) is the rules' measure of computing power; an <strong>H100-equivalent</strong> is a TPP divided by one NVIDIA H100's, a yardstick of the news, not of the rules.</p>
<form id="convert-form" class="query tool-form" novalidate><fieldset id="convert-fields" disabled><legend>The amount</legend>
<div class="given"><input type="radio" id="given-chips" name="given" value="chips" checked><label for="given-chips">Chips</label>
<label for="cv-quantity" class="sr-only">How many</label><input id="cv-quantity" name="quantity" type="text" inputmode="numeric" autocomplete="off" value="{q}" aria-describedby="cv-error">
<span aria-hidden="true">×</span> <label for="cv-chip" class="sr-only">Which chip</label><select id="cv-chip" name="chip">{chip_opts}</select></div>
<div class="given"><input type="radio" id="given-tpp" name="given" value="tpp"><label for="given-tpp">TPP</label>
<label for="cv-tpp" class="sr-only">Amount in TPP</label><input id="cv-tpp" name="tpp" type="text" inputmode="decimal" autocomplete="off" aria-describedby="cv-error"></div>
<div class="given"><input type="radio" id="given-h100e" name="given" value="h100e"><label for="given-h100e">H100-equivalents</label>
<label for="cv-h100e" class="sr-only">Amount in H100-equivalents</label><input id="cv-h100e" name="h100e" type="text" inputmode="decimal" autocomplete="off" aria-describedby="cv-error"></div>
<div class="given"><input type="radio" id="given-threshold" name="given" value="threshold"><label for="given-threshold">A legal line</label>
<label for="cv-threshold" class="sr-only">Which legal line</label><select id="cv-threshold" name="threshold">{line_opts}</select></div>
<p id="cv-error" class="field-error" aria-live="polite"></p>
</fieldset></form>
<div id="convert-out">{out}</div></section>"##,
        q = FIRST_QUANTITY,
        chip_opts = chip_options(chips, FIRST_CHIP),
        line_opts = threshold_options(lines),
        out = conversion(first)
    )
}

/// A conversion: the amount in every unit, then every chip's count (the page's script draws the
/// same table when the amount changes).
fn conversion(c: &ConvertOut) -> String {
    let rows: String = c
        .chips
        .iter()
        .map(|f| {
            let (count, key) = count_cell(f);
            format!(
                r##"<tr data-chip="{id}"><th scope="row">{name}</th><td data-sort="{tpp}">{tpp_text}</td><td data-sort="{h}">{h_text}</td><td data-sort="{key}">{count}</td></tr>"##,
                id = esc(f.id),
                name = esc(&f.name),
                tpp = f.tpp.unwrap_or(-1.0),
                tpp_text = f.tpp.map_or("unpublished".into(), |t| num(t, 3)),
                h = f.h100e.unwrap_or(-1.0),
                h_text = f.h100e.map_or("unpublished".into(), |h| num(h, 4)),
            )
        })
        .collect();
    let h = c.amount.h100e.map_or("unknown".into(), |h| num(h, 4));
    format!(
        r##"<p id="convert-amount" class="amount">= <strong>{tpp} TPP</strong> ≈ <strong>{h} H100-equivalents</strong>.</p>
<div class="scroll" role="region" aria-labelledby="convert-caption" tabindex="0"><table id="convert-table" class="sortable"><caption id="convert-caption">How many whole units of each chip fit: {note}.</caption>
<thead><tr><th scope="col">Chip</th><th scope="col">TPP per chip</th><th scope="col">H100-equivalents per chip (rounded)</th><th scope="col">Whole chips that fit</th></tr></thead><tbody>{rows}</tbody></table></div>"##,
        tpp = num(c.amount.tpp, 3),
        note = esc(&c.note)
    )
}

/// Every legal line of the data, with how many of one chip fit in it.
fn lines_section(chips: &[ChipOut], lines: &[ThresholdOut]) -> String {
    let mut rows = String::new();
    for t in lines {
        let req = ConvertRequest {
            threshold: Some(t.id.clone()),
            ..ConvertRequest::default()
        };
        let fit = wire::convert(&req)
            .ok()
            .and_then(|c| c.chips.into_iter().find(|f| f.id == LINES_CHIP));
        let (count, key) = fit
            .as_ref()
            .map_or(("unknown".into(), "-1".into()), count_cell);
        let hyp = if t.hypothetical {
            r##" <span class="badge">Hypothetical</span>"##
        } else {
            ""
        };
        let contested = t.contested.as_ref().map_or(String::new(), |c| {
            format!(
                r##"<span class="uncertain contested">Contested: {}.</span>"##,
                esc(c.question)
            )
        });
        let _ = write!(
            rows,
            r##"<tr data-threshold="{id}"><th scope="row">{name}{hyp}<br><code>{id}</code></th><td data-sort="{m}">{ml}</td><td data-sort="{tpp}">{tpp_text}</td><td data-sort="{h}">{h_text}</td><td data-sort="{key}">{count}</td><td>{c}{contested}</td></tr>"##,
            id = esc(&t.id),
            name = esc(&t.name),
            m = esc(t.measure),
            ml = esc(t.measure_label),
            tpp = t.tpp,
            tpp_text = num(t.tpp, 3),
            h = t.h100e.unwrap_or(-1.0),
            h_text = t.h100e.map_or("unknown".into(), |h| num(h, 4)),
            c = cite(&t.citation),
        );
    }
    let name = chips
        .iter()
        .find(|c| c.id == LINES_CHIP)
        .map_or(LINES_CHIP.to_string(), |c| c.name.clone());
    format!(
        r##"<section id="lines" aria-labelledby="lines-title"><h2 id="lines-title">Every legal line, counted in chips</h2>
<p>Each quantity the rules (and the reported proposals, marked hypothetical) draw a line at, in TPP and H100-equivalents, and how many whole chips of one kind fit under it. Choose “Every chip” in a row to see the count for every chip in the converter.</p>
<div class="field inline"><label for="lines-chip">Count in</label><select id="lines-chip" disabled>{opts}</select></div>
<div class="scroll" role="region" aria-labelledby="lines-caption" tabindex="0"><table id="lines-table" class="sortable"><caption id="lines-caption">Every legal line in the data, with how many whole <span id="lines-chip-name">{name}</span> fit under it.</caption>
<thead><tr><th scope="col">Line</th><th scope="col">What it counts</th><th scope="col">TPP</th><th scope="col">H100-equivalents (rounded)</th><th scope="col">Whole chips</th><th scope="col">Where it is stated</th></tr></thead><tbody>{rows}</tbody></table></div></section>"##,
        opts = chip_options(chips, LINES_CHIP),
        name = esc(&name),
    )
}

fn catalog_row(c: &ChipOut) -> String {
    let opt = |v: Option<f64>, d| v.map_or("unpublished".to_string(), |x| num(x, d));
    let key = |v: Option<f64>| v.map_or("-1".to_string(), |x| x.to_string());
    let (sources, uncertain) = (source_links(c), uncertain_note(c));
    let alts = c.tpp_alternatives.map_or(String::new(), |a| {
        format!(
            r##"<br><span class="range">Other figures: {}</span>"##,
            esc(a)
        )
    });
    format!(
        r##"<tr data-chip="{id}" data-eccn="{eccn}" data-datacenter="{dc}"><th scope="row" data-sort="{name}">{name}<br><code>{id}</code></th><td data-sort="{tk}">{tpp}{alts}</td><td data-sort="{hk}">{h}</td><td data-sort="{pk}">{pd}</td><td>{eccn}</td><td>{dc}</td><td data-sort="{bk}">{bw}</td><td>{sources}{uncertain}</td><td>{grade}</td></tr>"##,
        id = esc(c.id),
        name = esc(&c.name),
        tk = key(c.tpp),
        tpp = opt(c.tpp, 3),
        hk = key(c.h100e),
        h = opt(c.h100e, 4),
        pk = key(c.performance_density),
        pd = opt(c.performance_density, 3),
        eccn = esc(c.eccn),
        dc = esc(c.datacenter),
        bk = key(c.dram_bandwidth_gbs),
        bw = opt(c.dram_bandwidth_gbs, 0),
        grade = esc(c.verification.unwrap_or("")),
    )
}

fn catalog_section(chips: &[ChipOut]) -> String {
    let rows: String = chips.iter().map(catalog_row).collect();
    format!(
        r##"<section id="catalog" aria-labelledby="catalog-title"><h2 id="catalog-title">The chip catalog</h2>
<p><strong>Performance density</strong> is TPP per mm² of die; with TPP it places a chip in export class 3A090.a or .b (the classes the rules control) or outside it. “Datacenter” says whether the chip is designed or marketed for datacenters (“ambiguous” where the sources differ). The last column says how directly the research checked the figures.</p>
<form id="catalog-filters" class="tool-form filters" novalidate><fieldset id="catalog-fields" disabled><legend class="sr-only">Filter the chips</legend>
<div class="field inline"><label for="cat-search">Name contains</label><input id="cat-search" type="search" autocomplete="off"></div>
<div class="field inline"><label for="cat-eccn">Class</label><select id="cat-eccn"><option value="">Any</option></select></div>
<div class="field inline"><label for="cat-dc">Datacenter</label><select id="cat-dc"><option value="">Any</option></select></div>
<button type="button" id="cat-csv">Download the table (CSV)</button>
<p id="cat-count" class="hint" aria-live="polite"></p></fieldset></form>
<div class="scroll" role="region" aria-labelledby="catalog-caption" tabindex="0"><table id="catalog-table" class="sortable"><caption id="catalog-caption">Every chip in the catalog. TPP is exact; H100-equivalents and performance density are rounded.</caption>
<thead><tr><th scope="col">Chip</th><th scope="col">TPP</th><th scope="col">H100-equivalents</th><th scope="col">Performance density</th><th scope="col">Class (3A090)</th><th scope="col">Datacenter</th><th scope="col">DRAM bandwidth (GB/s)</th><th scope="col">Sources</th><th scope="col">How checked</th></tr></thead><tbody>{rows}</tbody></table></div></section>"##
    )
}

/// The whole page.
pub fn page(d: &DatasetOut) -> String {
    let chips = wire::chips();
    let lines = wire::thresholds();
    let first = wire::convert(&ConvertRequest {
        chip: Some(FIRST_CHIP.into()),
        quantity: Some(FIRST_QUANTITY.into()),
        ..ConvertRequest::default()
    });
    let body = format!(
        r##"<p id="status" class="status" role="status">The tables below were worked out when this page was built; the converter needs JavaScript and WebAssembly.</p>
{conv}
{lines}
{catalog}"##,
        conv = first.map_or(String::new(), |f| converter(&chips, &lines, &f)),
        lines = lines_section(&chips, &lines),
        catalog = catalog_section(&chips),
    );
    shell(&Page {
        title: "Chips and thresholds",
        description: "Convert between chips, TPP and H100-equivalents; every legal line of the US export controls on AI chips counted in chips; the chip catalog with sources.",
        dataset: d,
        wide: true,
        script: Some("chips.js"),
        toc: r##"<a href="#convert">Converter</a> · <a href="#lines">Legal lines</a> · <a href="#catalog">Chip catalog</a> · <a href="claims.html">Claims fact sheet</a> · <a href="sources.html">Sources and method</a>"##,
        body: &body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use h100e::wire::convert::FitReadingOut;

    fn fit(count: Option<u64>, readings: &[Option<u64>]) -> FitOut {
        FitOut {
            id: "x",
            name: "X".into(),
            tpp: Some(1.0),
            h100e: None,
            count,
            contested: readings.len() > 1,
            readings: readings
                .iter()
                .map(|&count| FitReadingOut {
                    reading: "catalog",
                    tpp: 1.0,
                    count,
                })
                .collect(),
        }
    }

    #[test]
    fn a_contested_count_shows_its_range_and_sorts_by_the_catalog_reading() {
        let (text, key) = count_cell(&fit(Some(2012), &[Some(2012), Some(2012), Some(1699)]));
        assert!(text.starts_with("2,012 "), "{text}");
        assert!(
            text.contains("1,699–2,012") && text.contains("contested"),
            "{text}"
        );
        assert_eq!(key, "2012");
        assert_eq!(
            count_cell(&fit(Some(747), &[Some(747)])),
            ("747".into(), "747".into())
        );
        assert_eq!(count_cell(&fit(None, &[None])).1, "-1");
    }

    #[test]
    fn the_page_carries_every_line_and_chip_and_loads_its_script() {
        let html = page(&wire::dataset());
        for t in wire::thresholds() {
            assert!(
                html.contains(&format!(r#"data-threshold="{}""#, t.id)),
                "{}",
                t.id
            );
        }
        for c in wire::chips() {
            assert!(
                html.contains(&format!(r#"data-chip="{}""#, c.id)),
                "{}",
                c.id
            );
        }
        assert!(html.contains(r#"<script type="module" src="chips.js"></script>"#));
        assert!(!html.contains("unsafe-inline"));
    }
}
