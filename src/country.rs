//! Finding countries by code, name or alias, and the EAR's "treated as" rule for Hong Kong.

use crate::data::{AMBIGUOUS, COUNTRIES, COUNTRY_NOTES, TREATED_AS};
use crate::error::{Error, Field};
use crate::model::{Ambiguous, Country, CountryNote, TreatedAs};
use crate::text::{closest, fold};

/// All ISO 3166-1 entries, sorted by code.
pub fn all() -> &'static [Country] {
    COUNTRIES
}

/// The entry with this alpha-2 code (exact, upper case).
pub fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code() == code)
}

/// Resolves what a person typed for `field` (the destination or the headquarters): alpha-2,
/// alpha-3 or numeric code, name, or alias, ignoring case and accents. A name people use for
/// several entries ("Congo") is refused with every entry it may mean; unknown input gets the
/// closest names as suggestions. Errors carry `field`.
pub fn find(input: &str, field: Field) -> Result<&'static Country, Error> {
    if let Some(c) = by_code(input) {
        return Ok(c);
    }
    let key = fold(input);
    if key.is_empty() {
        return Err(Error::UnknownCountry {
            field,
            input: input.to_string(),
            suggestions: Vec::new(),
        });
    }
    // The build guarantees an ambiguous name is no country's key, so the order of the checks
    // does not matter; refusing first keeps that true even if the data were wrong.
    if let Some(a) = AMBIGUOUS.iter().find(|a| fold(a.name) == key) {
        let entries: Vec<&Country> = a.means.iter().filter_map(|m| by_code(m)).collect();
        return Err(Error::AmbiguousCountry {
            field,
            input: input.to_string(),
            candidates: entries.iter().map(|c| c.name().to_string()).collect(),
            codes: entries.iter().map(|c| c.code().to_string()).collect(),
        });
    }
    let hit = COUNTRIES
        .iter()
        .find(|c| fold(c.code()) == key || c.numeric() == key || c.names().any(|n| fold(n) == key));
    match hit {
        Some(c) => Ok(c),
        None => Err(Error::UnknownCountry {
            field,
            input: input.to_string(),
            suggestions: closest(
                &key,
                COUNTRIES
                    .iter()
                    .flat_map(|c| c.names().map(|n| (fold(n), c.name()))),
                3,
            ),
        }),
    }
}

/// Names people use for several entries, each with the entries it may mean.
pub fn ambiguous() -> &'static [Ambiguous] {
    AMBIGUOUS
}

/// What the data says a reader should know about a destination (an uncertain group membership).
pub fn notes(code: &str) -> impl Iterator<Item = &'static CountryNote> + '_ {
    COUNTRY_NOTES.iter().filter(move |n| n.code == code)
}

/// True for the exporting country itself (and the places the EAR treats as part of it).
pub fn is_origin(c: &'static Country) -> bool {
    treated_as(c.code()).0 == crate::data::ORIGIN
}

/// The country whose treatment `code` gets under the EAR, with the rule that says so.
pub fn treated_as(code: &'static str) -> (&'static str, Option<&'static TreatedAs>) {
    match TREATED_AS.iter().find(|t| t.code == code) {
        Some(t) => (t.as_code, Some(t)),
        None => (code, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_codes_resolve() {
        for (typed, code) in [
            ("UAE", "AE"),
            ("south korea", "KR"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Burma", "MM"),
            ("hk", "HK"),
            ("446", "MO"),
            ("ARE", "AE"),
        ] {
            assert_eq!(
                find(typed, Field::To).map(|c| c.code()),
                Ok(code),
                "{typed}"
            );
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        match find("Sinagpore", Field::To) {
            Err(Error::UnknownCountry { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(String::as_str), Some("Singapore"))
            }
            other => panic!("expected an unknown-country error, got {other:?}"),
        }
    }
}
