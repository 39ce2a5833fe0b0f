//! Finding countries by code, name or alias, and the EAR's "treated as" rule for Hong Kong.

use crate::data::{COUNTRIES, COUNTRY_NOTES, TREATED_AS};
use crate::error::{Error, Field};
use crate::model::{Country, CountryNote, TreatedAs};
use crate::text::{closest, fold};

/// All ISO 3166-1 entries, sorted by code.
pub fn all() -> &'static [Country] {
    COUNTRIES
}

/// The entry with this alpha-2 code (exact, upper case).
pub fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code == code)
}

/// Resolves what a person typed: alpha-2, alpha-3 or numeric code, name, or alias, ignoring case
/// and accents. Unknown input gets the closest names as suggestions.
pub fn find(input: &str) -> Result<&'static Country, Error> {
    if let Some(c) = by_code(input) {
        return Ok(c);
    }
    let key = fold(input);
    if key.is_empty() {
        return Err(Error::UnknownCountry {
            field: Field::To,
            input: input.to_string(),
            suggestions: Vec::new(),
        });
    }
    let hit = COUNTRIES.iter().find(|c| {
        fold(c.code) == key
            || c.numeric == key
            || fold(c.name) == key
            || c.aliases.iter().any(|a| fold(a) == key)
    });
    match hit {
        Some(c) => Ok(c),
        None => Err(Error::UnknownCountry {
            field: Field::To,
            input: input.to_string(),
            suggestions: closest(
                &key,
                COUNTRIES.iter().flat_map(|c| {
                    std::iter::once((fold(c.name), c.name))
                        .chain(c.aliases.iter().map(|a| (fold(a), c.name)))
                }),
                3,
            ),
        }),
    }
}

/// What the data says a reader should know about a destination (an uncertain group membership).
pub fn notes(code: &str) -> impl Iterator<Item = &'static CountryNote> + '_ {
    COUNTRY_NOTES.iter().filter(move |n| n.code == code)
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
            assert_eq!(find(typed).map(|c| c.code), Ok(code), "{typed}");
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        match find("Sinagpore") {
            Err(Error::UnknownCountry { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(String::as_str), Some("Singapore"))
            }
            other => panic!("expected an unknown-country error, got {other:?}"),
        }
    }
}
