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
    // Best first; equal scores keep the candidates' order. Kept in order as they come (few reach
    // 0.8), so the page's engine carries no sort.
    let mut scored: Vec<(f64, &'a str)> = Vec::new();
    for (key, label) in candidates.filter(|(key, _)| may_reach(&mine, key)) {
        let score = strsim::jaro_winkler(input, &key);
        if score >= 0.8 {
            scored.insert(scored.partition_point(|x| x.0 >= score), (score, label));
        }
    }
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

/// `items` with `sep` between them, as `[S]::join` writes them. std's join is monomorphised
/// once for `String` and once for `&str` items, a kilobyte of the page's wasm each for its
/// length-precomputing copy; this loop is a tenth of that, and no list here is long.
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// "a", "a or b", "a, b or c" (with `conj` "or"): the one list-in-words of the engine's texts,
/// for the explanations and the error messages alike.
pub fn list_with<S: AsRef<str>>(items: &[S], conj: &str) -> String {
    match items {
        [init @ .., last] if !init.is_empty() => {
            format!("{} {conj} {}", join(init, ", "), last.as_ref())
        }
        _ => join(items, ""),
    }
}

/// The characters of a text with how often each occurs, in order.
fn tally(text: &str) -> Vec<(char, u32)> {
    let mut out: Vec<(char, u32)> = Vec::new();
    for c in text.chars() {
        match out.binary_search_by_key(&c, |x| x.0) {
            Ok(i) => {
                if let Some(x) = out.get_mut(i) {
                    x.1 += 1;
                }
            }
            Err(i) => out.insert(i, (c, 1)),
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

    /// `closest` without the bound, sorting as it did before it kept its list in order.
    fn closest_by_sorting(input: &str, names: &[String], n: usize) -> Vec<String> {
        let mut scored: Vec<(f64, &str)> = names
            .iter()
            .map(|k| (strsim::jaro_winkler(input, k), k.as_str()))
            .filter(|(score, _)| *score >= 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out: Vec<String> = Vec::new();
        for (_, label) in scored {
            if !out.iter().any(|o| o == label) {
                out.push(label.to_string());
            }
        }
        out.truncate(n);
        out
    }

    /// Suggestions come best first, equal scores in the candidates' order, as a stable sort
    /// would give them: typos of every country name, and names that tie.
    #[test]
    fn suggestions_are_best_first_and_ties_keep_their_order() {
        let names: Vec<String> = crate::country::all()
            .iter()
            .map(|c| fold(c.name()))
            .collect();
        let mut inputs: Vec<String> = Vec::new();
        for n in &names {
            let mut t: Vec<char> = n.chars().collect();
            t.pop();
            inputs.push(t.iter().collect());
            t.reverse();
            inputs.push(t.into_iter().collect());
        }
        inputs.extend(["niger", "guinea", "sudan", "congo", "korea"].map(String::from));
        let mut many = 0;
        for input in &inputs {
            let got = closest(input, names.iter().map(|k| (k.clone(), k.as_str())), 5);
            assert_eq!(got, closest_by_sorting(input, &names, 5), "{input}");
            many += usize::from(got.len() > 1);
        }
        assert!(many > 50, "too few inputs with several suggestions: {many}");
        // Two candidates with the same score keep the order they came in.
        let tied = [("ab".to_string(), "first"), ("ab".to_string(), "second")];
        assert_eq!(closest("ab", tied.into_iter(), 2), ["first", "second"]);
    }

    /// The tally is each character once, in order, with its count.
    #[test]
    fn tally_counts_each_character_in_order() {
        assert_eq!(tally("banana"), [('a', 3), ('b', 1), ('n', 2)]);
        assert_eq!(tally(""), []);
        for text in ["côte d'ivoire", "zzyx", "saint vincent and the grenadines"] {
            let mut chars: Vec<char> = text.chars().collect();
            chars.sort_unstable();
            let mut expected: Vec<(char, u32)> = Vec::new();
            for c in chars {
                match expected.last_mut() {
                    Some((last, n)) if *last == c => *n += 1,
                    _ => expected.push((c, 1)),
                }
            }
            assert_eq!(tally(text), expected, "{text}");
        }
    }

    /// Skipping keys that cannot reach the threshold changes no suggestion: every country name
    /// against typos of names and against unrelated text, compared with scoring every key.
    #[test]
    fn the_bound_skips_only_keys_that_cannot_score() {
        let names: Vec<String> = crate::country::all()
            .iter()
            .map(|c| fold(c.name()))
            .collect();
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
