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
    let mine = tally(input);
    let mut scored: Vec<(f64, &'a str)> = candidates
        .filter(|(key, _)| may_reach(&mine, key))
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

/// The characters of a text with how often each occurs, in order.
fn tally(text: &str) -> Vec<(char, u32)> {
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    let mut out: Vec<(char, u32)> = Vec::new();
    for c in chars {
        match out.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => out.push((c, 1)),
        }
    }
    out
}

/// Whether `key` can score 0.8 against the input at all, without computing the score. Jaro is at
/// most (c/|a| + c/|b| + 1) / 3, where c counts the characters the two share (each match pairs
/// equal characters), and strsim adds Winkler's prefix bonus only above 0.7; so a key whose bound
/// is at most 0.7 scores below 0.8 and is skipped. The result is exactly the same; a random text
/// is compared with a thousand names about four times faster (the `lookup` fuzz target).
fn may_reach(mine: &[(char, u32)], key: &str) -> bool {
    let (a, b) = (mine.iter().map(|x| x.1).sum::<u32>(), key.chars().count());
    if a == 0 || b == 0 {
        return true;
    }
    let theirs = tally(key);
    let (mut i, mut j, mut shared) = (0, 0, 0u32);
    while let (Some(x), Some(y)) = (mine.get(i), theirs.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += x.1.min(y.1);
                i += 1;
                j += 1;
            }
        }
    }
    let c = f64::from(shared);
    (c / f64::from(a) + c / b as f64 + 1.0) / 3.0 > 0.7
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

    /// Skipping keys that cannot reach the threshold changes no suggestion: every country name
    /// against typos of names and against unrelated text, compared with scoring every key.
    #[test]
    fn the_bound_skips_only_keys_that_cannot_score() {
        let names: Vec<String> = crate::country::all().iter().map(|c| fold(c.name)).collect();
        let mut inputs: Vec<String> = names.iter().map(|n| n.chars().rev().collect()).collect();
        for n in &names {
            let mut t: Vec<char> = n.chars().collect();
            if t.len() > 2 {
                t.swap(0, 1);
                t.pop();
            }
            inputs.push(t.into_iter().collect());
            inputs.push(format!("{n}x"));
        }
        inputs.extend(["q", "zzzz", "abcdefghij", "uk", "sth korea", "née", ""].map(String::from));
        for input in &inputs {
            let mine = tally(input);
            for key in &names {
                let score = strsim::jaro_winkler(input, key);
                assert!(
                    may_reach(&mine, key) || score < 0.8,
                    "{input} / {key}: {score}"
                );
            }
        }
    }
}
