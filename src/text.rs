//! Folding what people type into a form that matches names: case, accents, curly quotes, spacing.

pub use crate::fold::{fold, squash};

/// Inputs longer than this get no suggestions: no name or id is near that long, and comparing a
/// pasted megabyte with every name took minutes (kept fixed by fuzz/regressions/lookup/).
const MAX_SUGGESTED_INPUT: usize = 100;

/// The candidates closest to `input` by Jaro-Winkler similarity, best first, at most `n`.
pub fn closest<'a>(
    input: &str,
    candidates: impl Iterator<Item = (String, &'a str)>,
    n: usize,
) -> Vec<String> {
    if input.chars().count() > MAX_SUGGESTED_INPUT {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &'a str)> = candidates
        .map(|(key, label)| (strsim::jaro_winkler(input, &key), label))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<String> = Vec::new();
    for (_, label) in scored {
        if !out.iter().any(|o| o == label) {
            out.push(label.to_string());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_people_type() {
        assert_eq!(fold("  Türkiye "), "turkiye");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(squash("RTX 4090-D"), "rtx4090d");
        // Invisible characters pasted with a name are not part of it.
        assert_eq!(fold("Ch\u{200b}ina\u{feff}"), "china");
    }
}
