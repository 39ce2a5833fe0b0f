//! Folding what people type into a form that matches names: case, accents, curly quotes, spacing.

pub use crate::fold::{fold, squash};

/// The candidates closest to `input` by Jaro-Winkler similarity, best first, at most `n`.
pub fn closest<'a>(
    input: &str,
    candidates: impl Iterator<Item = (String, &'a str)>,
    n: usize,
) -> Vec<String> {
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
    }
}
