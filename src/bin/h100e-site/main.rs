//! `h100e-site`: writes the page's build-time documents from the engine itself, so they cannot
//! disagree with the answers: `www/sources.html` (every regime with its dates and citations, the
//! TPP and H100-equivalent method, the chip catalog with per-chip sources, the contested points
//! and their readings, every cited source, the data changelog, the dataset version and how to
//! cite), `www/chips.html` (the converter, every legal line in chips, the chip catalog:
//! `chips.rs`), `www/claims.html` (the fact sheet of public claims: `claims.rs`) and
//! `www/chip-research.json` (the chips' research notes, how their figures were checked and their
//! sources, which the page's engine leaves out).
//!
//! Usage: `cargo run --release --bin h100e-site -- www` (scripts/build.sh runs it).

mod chips;
mod claims;

use std::fmt::Write as _;
use std::process::ExitCode;

use h100e::wire::{self, ChipOut, CitationOut, ContestedFactOut, DatasetOut, RegimeOut};

/// Text made safe for HTML element content and double-quoted attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A citation as the page shows it: what it is about, linked, what the link opens, and its grade.
fn cite(c: &CitationOut) -> String {
    let uncertain = c.uncertain.map_or(String::new(), |u| {
        format!(r##" <span class="uncertain">Uncertain: {}</span>"##, esc(u))
    });
    format!(
        r##"<span class="cite"><a href="{}">{} · {}</a> · <span class="grade" data-grade="{}">{}</span>{uncertain}</span>"##,
        esc(&c.url),
        esc(&c.about),
        esc(&c.links_to),
        esc(c.grade),
        esc(c.grade_label)
    )
}

/// A number with thousands separators and at most `digits` decimals (display only).
fn num(v: f64, digits: usize) -> String {
    let text = format!("{v:.digits$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, int) = int.strip_prefix('-').map_or(("", int), |i| ("-", i));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        "" => format!("{sign}{grouped}"),
        f => format!("{sign}{grouped}.{f}"),
    }
}

fn cite_section(d: &DatasetOut) -> String {
    format!(
        r##"<section id="cite" aria-labelledby="cite-title"><h2 id="cite-title">How to cite</h2>
<p>Name the tool, the dataset version and the day you looked, and give a link that keeps its answer: the calculator's "Cite this" writes the whole citation, and "Copy link" gives the link alone. Both pin the rules that answered and the dataset version, so the link still gives the same answer after the rules or the data change; the address bar does not (under the rules in force now it names neither).</p>
<blockquote class="citation">h100e, US export controls on AI chips, dataset {v} (sources checked {c}). <i>[the question, e.g. “1,000 NVIDIA H100 to India under the rules in force”]</i>. [link]. Accessed [date].</blockquote>
<p>Every answer names the rule, paragraph and document behind each step; cite those for the law itself. Where a step rests on a law-firm note, an analyst or the news rather than the regulation's text, its citation is marked <em>secondary</em>.</p></section>"##,
        v = esc(d.data.version),
        c = esc(&d.data.checked)
    )
}

fn method_section(d: &DatasetOut) -> String {
    format!(
        r##"<section id="method" aria-labelledby="method-title"><h2 id="method-title">How TPP and H100-equivalents are worked out</h2>
<p><strong>TPP</strong> (Total Processing Performance) is the rules' measure of a chip: 2 × its dense multiply-accumulate rate in trillions of operations per second × the bit length of the operation, at whichever precision gives the most (figures “with sparsity” are halved first). The engine computes it with exact decimals and never rounds a legal quantity.</p>
<p><strong>Performance density</strong> is TPP divided by the die area in mm²; together they place a chip in ECCN 3A090.a or .b, or outside it. <strong>H100-equivalents</strong> divide a TPP by one H100's, {h}: a yardstick of the news, not of the rules, rounded for display only. {c}</p></section>"##,
        h = num(d.h100_tpp, 0),
        c = cite(&d.h100_citation)
    )
}

fn regime_item(r: &RegimeOut) -> String {
    let when = if r.hypothetical {
        format!(
            "Hypothetical: reported {}, never in force.",
            esc(&r.effective)
        )
    } else if r.unenforced {
        format!(
            "In the CFR since {}, not enforced: not the rules exporters follow.",
            esc(&r.effective)
        )
    } else {
        let until = r.in_force_until.as_deref().unwrap_or("now");
        format!("In force {} to {}.", esc(&r.effective), esc(until))
    };
    // The site is written with every source (the `notes` feature): never null here.
    let list = r.sources.as_deref().unwrap_or_default();
    let mut sources = String::new();
    for s in list {
        let _ = write!(sources, "<li>{}</li>", cite(s));
    }
    format!(
        r##"<article class="regime" id="regime-{id}"><h3>{name}{badge}</h3><p class="when">{when} Id <code>{id}</code>.</p><p>{summary}</p><p>{c}</p><details><summary>Its {n} sources</summary><ul>{sources}</ul></details></article>"##,
        id = esc(r.id),
        name = esc(r.name),
        badge = if r.hypothetical {
            r##" <span class="badge">Hypothetical</span>"##
        } else if r.unenforced {
            r##" <span class="badge">Not enforced</span>"##
        } else if r.default {
            r##" <span class="badge now">In force now</span>"##
        } else {
            ""
        },
        summary = esc(r.summary),
        c = cite(&r.citation),
        n = list.len()
    )
}

fn contested_item(c: &ContestedFactOut) -> String {
    let mut readings = String::new();
    for r in &c.readings {
        let _ = write!(
            readings,
            "<li><strong>{}</strong> <code>{}</code> {}</li>",
            esc(r.label),
            esc(r.reading),
            cite(&r.citation)
        );
    }
    if c.readings.is_empty() {
        readings.push_str(
            "<li>Each chip's readings are its published TPP figures: see the chip table.</li>",
        );
    }
    format!(
        r##"<article id="contested-{id}"><h3>{q}</h3><p>Id <code>{id}</code>. Where the answer turns on it, the calculator gives the answer under each reading.</p><ul>{readings}</ul></article>"##,
        id = esc(c.fact),
        q = esc(&capitalise(c.question))
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A generated page of the site: the chips page and the claims fact sheet share their frame.
struct Page<'a> {
    title: &'a str,
    description: &'a str,
    dataset: &'a DatasetOut,
    /// The page's module, if it has one (its policy then allows the site's scripts and wasm).
    script: Option<&'a str>,
    /// Wide tables: the page takes the calculator's width rather than a column of text.
    wide: bool,
    toc: &'a str,
    body: &'a str,
}

/// The frame of a generated page: a strict policy, the site's styles, a way back to the
/// calculator, the dataset it was built from.
fn shell(p: &Page) -> String {
    let (scripts, module) = p.script.map_or(("'none'", String::new()), |s| {
        (
            "'self' 'wasm-unsafe-eval'",
            format!(r##"<script type="module" src="{}"></script>"##, esc(s)),
        )
    });
    let d = p.dataset;
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title} — h100e</title>
<meta name="description" content="{description}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="css/style.css">
<link rel="stylesheet" href="css/pages.css">
<link rel="stylesheet" href="css/dark.css" media="(prefers-color-scheme: dark)">
</head>
<body class="doc{wide}">
<header class="masthead"><p><a href="./">← The h100e calculator</a></p><h1>{title}</h1>
<p class="tagline">Dataset <strong id="dataset-version">{v}</strong>, sources last checked {checked}. Generated from the same data files the calculator answers from.</p></header>
<nav class="toc" aria-label="Contents">{toc}</nav>
<main id="main">
{body}
</main>
<footer class="foot"><p>{note}</p><p><a href="sources.html">Sources and method</a> · <a href="chips.html">Chips and thresholds</a> · <a href="claims.html">Claims fact sheet</a> · <a href="glossary.html">Glossary</a></p><p>Not legal advice.</p></footer>
{module}
</body>
</html>
"##,
        title = esc(p.title),
        description = esc(p.description),
        v = esc(d.data.version),
        checked = esc(&d.data.checked),
        toc = p.toc,
        body = p.body,
        note = esc(d.data.note),
        wide = if p.wide { " wide" } else { "" },
    )
}

/// A chip's sources as links, for the catalog tables of the sources and chips pages.
fn source_links(c: &ChipOut) -> String {
    let mut sources = String::new();
    for s in c.sources.iter().flatten() {
        let _ = write!(
            sources,
            r##"<a href="{}">{}</a> "##,
            esc(s.url),
            esc(s.about)
        );
    }
    sources
}

/// What the research could not confirm about a chip, as a line under its sources; empty if nothing.
fn uncertain_note(c: &ChipOut) -> String {
    c.uncertain.map_or(String::new(), |u| {
        format!(
            r##"<br><span class="uncertain">Uncertain: {}</span>"##,
            esc(u)
        )
    })
}

fn chip_row(c: &ChipOut) -> String {
    let opt = |v: Option<f64>, d| v.map_or("unpublished".to_string(), |x| num(x, d));
    let (sources, uncertain) = (source_links(c), uncertain_note(c));
    format!(
        "<tr><th scope=\"row\">{}<br><code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{uncertain}</td></tr>",
        esc(&c.name),
        esc(c.id),
        opt(c.tpp, 1),
        opt(c.h100e, 3),
        opt(c.performance_density, 2),
        esc(c.eccn),
        esc(c.datacenter),
        opt(c.dram_bandwidth_gbs, 0),
        sources
    )
}

fn chips_section(chips: &[ChipOut]) -> String {
    let rows: String = chips.iter().map(chip_row).collect();
    format!(
        r##"<section id="chips" aria-labelledby="chips-title"><h2 id="chips-title">The chip catalog</h2>
<p>Figures from datasheets and secondary sources (the chip research's grades are in each answer's citations). TPP is exact; H100-equivalents and performance density are rounded here.</p>
<div class="scroll"><table><thead><tr><th scope="col">Chip</th><th scope="col">TPP</th><th scope="col">H100e</th><th scope="col">Perf. density</th><th scope="col">Class</th><th scope="col">Datacenter</th><th scope="col">DRAM GB/s</th><th scope="col">Sources</th></tr></thead><tbody>{rows}</tbody></table></div></section>"##
    )
}

fn sources_section(sources: &[CitationOut]) -> String {
    let rows: String = sources
        .iter()
        .map(|s| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                cite(s),
                esc(s.publisher),
                esc(s.kind),
                esc(s.grade_label)
            )
        })
        .collect();
    format!(
        r##"<section id="sources" aria-labelledby="sources-title"><h2 id="sources-title">Every source</h2>
<div class="scroll"><table><thead><tr><th scope="col">Source</th><th scope="col">Publisher</th><th scope="col">Kind</th><th scope="col">Grade</th></tr></thead><tbody>{rows}</tbody></table></div></section>"##
    )
}

/// The changelog's Markdown (headings, paragraphs, bullets, `code`, **bold**) as HTML.
fn markdown(md: &str) -> String {
    let mut out = String::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, out: &mut String| {
        if block.is_empty() {
            return;
        }
        let text = inline(&block.join(" "));
        if let Some(item) = text.strip_prefix("- ") {
            let _ = write!(out, "<li>{item}</li>");
        } else {
            let _ = write!(out, "<p>{text}</p>");
        }
        block.clear();
    };
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            flush(&mut block, &mut out);
            let _ = write!(out, "<h3>{}</h3>", inline(h));
        } else if line.starts_with("# ") {
            flush(&mut block, &mut out);
        } else if line.trim().is_empty() || line.starts_with("- ") {
            flush(&mut block, &mut out);
            if !line.trim().is_empty() {
                block.push(line);
            }
        } else {
            block.push(line.trim());
        }
    }
    flush(&mut block, &mut out);
    let mut html = out
        .replace("</p><li>", "</p><ul><li>")
        .replace("</h3><li>", "</h3><ul><li>")
        .replace("</li><p>", "</li></ul><p>")
        .replace("</li><h3>", "</li></ul><h3>");
    if html.ends_with("</li>") {
        html.push_str("</ul>");
    }
    html
}

/// `code` and **bold** inside escaped text.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in esc(text).split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            for (j, bit) in part.split("**").enumerate() {
                if j % 2 == 1 {
                    let _ = write!(out, "<strong>{bit}</strong>");
                } else {
                    out.push_str(bit);
                }
            }
        }
    }
    out
}

fn sources_page(changelog: &str) -> String {
    let d = wire::dataset();
    let regimes: String = wire::regimes().iter().map(regime_item).collect();
    let contested: String = wire::contested_facts().iter().map(contested_item).collect();
    let changes = markdown(changelog);
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Sources and method — h100e</title>
<meta name="description" content="Every rule, date, chip figure and source behind h100e's answers on US export controls on AI chips, dataset {v}.">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="css/style.css">
<link rel="stylesheet" href="css/pages.css">
<link rel="stylesheet" href="css/dark.css" media="(prefers-color-scheme: dark)">
</head>
<body class="doc">
<header class="masthead"><p><a href="./">← The h100e calculator</a></p><h1>Sources and method</h1>
<p class="tagline">Dataset <strong>{v}</strong>, sources last checked {checked}; the sources found reach {reach}. Generated from the same data files the calculator answers from.</p></header>
<nav class="toc" aria-label="Contents"><a href="#cite">How to cite</a> · <a href="#method">Method</a> · <a href="#rules">Rules</a> · <a href="#contested">Contested points</a> · <a href="#chips">Chips</a> · <a href="#sources">Sources</a> · <a href="#changes">Changes</a> · <a href="chips.html">Chips and thresholds</a> · <a href="claims.html">Claims fact sheet</a></nav>
<main>
{cite}
{method}
<section id="rules" aria-labelledby="rules-title"><h2 id="rules-title">The rules, by date</h2>{regimes}</section>
<section id="contested" aria-labelledby="contested-title"><h2 id="contested-title">Points the sources disagree on</h2>{contested}</section>
{chips}
{sources}
<section id="changes" aria-labelledby="changes-title"><h2 id="changes-title">What changed in the data</h2>{changes}</section>
</main>
<footer class="foot"><p>{note}</p><p><a href="chips.html">Chips and thresholds</a> (the converter and the chip table) · <a href="claims.html">Claims fact sheet</a> (public claims checked)</p><p>Not legal advice.</p></footer>
</body>
</html>
"##,
        v = esc(d.data.version),
        checked = esc(&d.data.checked),
        reach = esc(&d.data.sources_reach),
        note = esc(d.data.note),
        cite = cite_section(&d),
        method = method_section(&d),
        chips = chips_section(&wire::chips()),
        sources = sources_section(&wire::sources()),
    )
}

/// Each catalog chip's research notes, how its figures were checked and its sources, by chip id,
/// and each source's title, by its link as the data gives it (an eCFR link in its `current`
/// form), which the page's engine leaves out (the `notes` feature): the page's JSON download of
/// an answer fills `chip.notes`, `chip.verification`, `chip.sources` and each citation's `source`
/// from this file.
fn chip_research() -> String {
    let chips: serde_json::Map<String, serde_json::Value> = wire::chips()
        .into_iter()
        .map(|c| {
            let text = serde_json::json!({ "notes": c.notes, "verification": c.verification, "sources": c.sources });
            (c.id.to_string(), text)
        })
        .collect();
    // Stamped with the dataset's version: a copy cached from another dataset is refused rather
    // than merged into an answer stamped with this one.
    let titles: serde_json::Map<String, serde_json::Value> = h100e::data::SOURCES
        .iter()
        .map(|s| (s.url.to_string(), s.title.into()))
        .collect();
    let file = serde_json::json!({ "version": h100e::data::DATASET.version, "chips": chips, "titles": titles });
    format!("{file}\n")
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!(
            "usage: h100e-site OUT_DIR   (writes sources.html, chips.html, claims.html and chip-research.json there)"
        );
        return ExitCode::from(2);
    };
    let changelog = match std::fs::read_to_string("data/CHANGELOG.md") {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "h100e-site: cannot read data/CHANGELOG.md (run from the repository root): {e}"
            );
            return ExitCode::FAILURE;
        }
    };
    let d = wire::dataset();
    let Some(claims) = claims::page(&d) else {
        eprintln!(
            "h100e-site: the claims of data/claims.toml cannot be checked (h100e claims says why)"
        );
        return ExitCode::FAILURE;
    };
    let pages = [
        ("sources.html", sources_page(&changelog)),
        ("chips.html", chips::page(&d)),
        ("claims.html", claims),
        ("chip-research.json", chip_research()),
    ];
    for (name, html) in pages {
        let path = format!("{dir}/{name}");
        if let Err(e) = std::fs::write(&path, html) {
            eprintln!("h100e-site: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            esc(r##"<a href="x">&'"##),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            inline("a `<b>` **c**"),
            "a <code>&lt;b&gt;</code> <strong>c</strong>"
        );
    }

    #[test]
    fn changelog_lists_become_lists() {
        let html = markdown(
            "# T\n\n## 1.0\n\nIntro\nline.\n\n- **One** `a`\n  more\n- Two\n\n## 0.9\n\n- Old\n",
        );
        assert_eq!(
            html,
            "<h3>1.0</h3><p>Intro line.</p><ul><li><strong>One</strong> <code>a</code> more</li><li>Two</li></ul><h3>0.9</h3><ul><li>Old</li></ul>"
        );
    }

    #[test]
    fn numbers_are_grouped_for_display() {
        assert_eq!(num(15832.0, 0), "15,832");
        assert_eq!(num(1234567.26, 1), "1,234,567.3");
        assert_eq!(num(0.5, 3), "0.5");
    }
}
