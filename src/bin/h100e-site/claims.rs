//! `www/claims.html`: the fact sheet of public claims, from `wire::claims()`. Every verdict and
//! corrected figure is the engine's, computed from the data when the page is built; the page
//! needs no script.

use std::fmt::Write as _;

use h100e::wire::{ClaimOut, ClaimsOut, DatasetOut};

use super::{capitalise, cite, esc, num, shell, Page};

/// A mark beside each verdict's words, so the verdict never rests on colour alone.
fn mark(verdict: &str) -> &'static str {
    match verdict {
        "accurate" => "✓",
        "partly-accurate" => "≈",
        "inaccurate" => "✗",
        _ => "?",
    }
}

fn verdict_badge(c: &ClaimOut) -> String {
    format!(
        r##"<span class="claim-verdict" data-verdict="{v}"><span aria-hidden="true">{m}</span> {l}</span>"##,
        v = esc(c.verdict),
        m = mark(c.verdict),
        l = esc(&capitalise(c.verdict_label))
    )
}

/// The figure in the data, with its numbers where it has them.
fn corrected(c: &ClaimOut) -> String {
    let f = &c.corrected;
    let mut figures = Vec::new();
    if let Some(t) = f.tpp {
        figures.push(format!("{} TPP", num(t, 3)));
    }
    if let Some(h) = f.h100e {
        figures.push(format!("≈ {} H100-equivalents (rounded)", num(h, 1)));
    }
    let figures = if figures.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"figures\">({})</span>", figures.join(" "))
    };
    format!("{}.{figures}", esc(&capitalise(&f.text)))
}

fn claim_item(c: &ClaimOut) -> String {
    let date = c
        .source
        .date
        .as_deref()
        .map_or(String::new(), |d| format!(", {}", esc(d)));
    let uncertain = c.uncertain.map_or(String::new(), |u| {
        format!(
            r##" <span class="uncertain">Uncertain: {}.</span>"##,
            esc(u)
        )
    });
    let mut findings = String::new();
    for f in &c.findings {
        let _ = write!(
            findings,
            r##"<li data-finding="{}">{}.</li>"##,
            esc(f.id),
            esc(&capitalise(&f.text))
        );
    }
    format!(
        r##"<article class="claim" id="claim-{id}" data-verdict="{v}" aria-labelledby="claim-{id}-title">
<h3 id="claim-{id}-title" class="sr-only">Claim: {short}</h3>
<blockquote class="quote" cite="{url}"><p>“{text}”</p></blockquote>
<p class="said">— {publisher}{date}: <a href="{url}">{title}</a> <span class="kind">({kind})</span></p>
<p class="verdict-line"><strong>Verdict:</strong> {badge}</p>
<p><strong>How the quote is read:</strong> {reading}.{uncertain}</p>
<ul class="findings">{findings}</ul>
<p class="corrected"><strong>The figure in the data:</strong> {corr}</p>
<p class="claim-cite"><strong>Where the figure is stated:</strong> {cite}</p>
<p class="permalink"><a href="#claim-{id}">Link to this claim</a></p></article>"##,
        id = esc(c.id),
        v = esc(c.verdict),
        short = esc(&shorten(c.text)),
        url = esc(c.source.url),
        text = esc(c.text),
        publisher = esc(c.source.publisher),
        title = esc(c.source.title),
        kind = esc(c.source.kind),
        badge = verdict_badge(c),
        reading = esc(&capitalise(c.reading)),
        corr = corrected(c),
        cite = cite(&c.citation),
    )
}

/// The first words of a quote, for the list and the headings.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        return text.to_string();
    }
    format!(
        "{}…",
        words.into_iter().take(12).collect::<Vec<_>>().join(" ")
    )
}

/// The list at the top: each claim's first words, its verdict and a link to it.
fn summary(claims: &ClaimsOut) -> String {
    let mut rows = String::new();
    for c in &claims.claims {
        let _ = write!(
            rows,
            r##"<tr><th scope="row"><a href="#claim-{id}">{short}</a></th><td>{publisher}</td><td>{badge}</td></tr>"##,
            id = esc(c.id),
            short = esc(&shorten(c.text)),
            publisher = esc(c.source.publisher),
            badge = verdict_badge(c),
        );
    }
    format!(
        r##"<div class="scroll" role="region" aria-labelledby="claims-caption" tabindex="0"><table id="claims-table"><caption id="claims-caption">{n} claims and their verdicts, computed from the data.</caption><thead><tr><th scope="col">Claim</th><th scope="col">Said by</th><th scope="col">Verdict</th></tr></thead><tbody>{rows}</tbody></table></div>"##,
        n = claims.claims.len()
    )
}

/// The whole page; `None` when the engine cannot check the claims (the build then fails).
pub fn page(d: &DatasetOut) -> Option<String> {
    let claims = h100e::wire::claims().ok()?;
    let items: String = claims.claims.iter().map(claim_item).collect();
    let body = format!(
        r##"<section id="about" aria-labelledby="about-title"><h2 id="about-title">How to read this</h2>
<p>Each claim is quoted word for word from its source. The calculator's engine reads it as a checkable statement (said under “How the quote is read”), checks it against the same cited data the calculator answers from, and gives a verdict: <strong>accurate</strong>, <strong>partly accurate</strong> (right in substance, wrong in a detail such as what a figure is counted against), <strong>inaccurate</strong>, or <strong>unverifiable</strong> (the data cannot settle it). Verdicts are computed each time the page is built, never typed in. TPP (Total Processing Performance) is the rules' measure of computing power; H100-equivalents divide it by one NVIDIA H100's.</p>
{summary}</section>
<section id="claims" aria-labelledby="claims-title"><h2 id="claims-title">The claims</h2>{items}</section>"##,
        summary = summary(&claims),
    );
    Some(shell(&Page {
        title: "Claims fact sheet",
        description: "Public claims about the US export controls on AI chips, each checked against the cited rules, with the right figure and its source.",
        dataset: d,
        wide: false,
        script: None,
        toc: r##"<a href="#about">How to read this</a> · <a href="#claims">The claims</a> · <a href="chips.html">Chips and thresholds</a> · <a href="sources.html">Sources and method</a>"##,
        body: &body,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_claim_has_its_anchor_verdict_and_escaped_quote() {
        let d = h100e::wire::dataset();
        let html = page(&d).expect("the claims check");
        let claims = h100e::wire::claims().expect("the claims check");
        assert!(claims.claims.len() >= 12);
        for c in &claims.claims {
            assert!(
                html.contains(&format!(r#"id="claim-{}""#, c.id)),
                "{}",
                c.id
            );
            assert!(html.contains(&format!("“{}”", esc(c.text))), "{}", c.id);
            assert!(html.contains(&format!(r#"data-verdict="{}""#, c.verdict)));
        }
        // The page needs no script, and its policy says so.
        assert!(html.contains("script-src 'none'"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn a_verdict_never_rests_on_colour_alone() {
        for v in ["accurate", "partly-accurate", "inaccurate", "unverifiable"] {
            assert!(!mark(v).is_empty());
        }
        assert_ne!(mark("accurate"), mark("inaccurate"));
    }
}
