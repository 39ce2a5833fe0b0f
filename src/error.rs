//! Everything that can go wrong with a query, as values. Messages are one line, lowercase, name the
//! bad input in backticks and say what is accepted; the CLI prints them as they are and the wasm
//! boundary throws them as `Error` messages.

use crate::decimal::push_hex;
use crate::text::list_with;
use std::fmt;

/// The input field an error is about: the page marks that input, the CLI names that option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The destination.
    To,
    /// The buyer's headquarters.
    Hq,
    /// Where the shipment leaves from.
    From,
    /// A catalog chip.
    Chip,
    /// Custom chip specs as a whole (TOPS and bit lengths that do not pair up).
    CustomChip,
    /// Dense TOPS of a custom chip.
    Tops,
    /// Bit lengths of a custom chip.
    Bits,
    /// Die area of a custom chip.
    DieArea,
    /// DRAM bandwidth of a custom chip.
    DramBandwidth,
    /// Number of chips.
    Quantity,
    /// TPP shipped to this buyer earlier this calendar year.
    PriorTpp,
    /// An NVEU's installed base in the destination.
    InstalledTpp,
    /// Everything this buyer has received before.
    BuyerTotalTpp,
    /// Validated end-user type.
    EndUser,
    /// Regime id.
    Regime,
    /// As-of date.
    Date,
    /// A chosen reading of a contested fact.
    Reading,
    /// An amount of TPP to convert.
    Tpp,
    /// An amount of H100-equivalents to convert.
    H100e,
    /// A threshold of the data, by id.
    Threshold,
    /// A scenario's text as a whole.
    Scenario,
    /// A scenario's license-free allowance.
    ScenarioLpp,
    /// A scenario's country allocation.
    ScenarioCap,
    /// A scenario's agreement multiplier.
    ScenarioG2g,
    /// The places a scenario moves.
    ScenarioMoves,
    /// The query object as a whole.
    Query,
}

impl Field {
    /// The CLI option of the field a message is about, where the message names it by other
    /// words: a custom chip's figures ("dense TOPS" is `--tops`; TOPS and bit lengths that do not
    /// pair up are the `tops` field too). The CLI puts it before the message.
    pub fn option(self) -> Option<&'static str> {
        match self {
            Field::CustomChip | Field::Tops => Some("--tops"),
            Field::Bits => Some("--bits"),
            Field::DieArea => Some("--die-area"),
            Field::DramBandwidth => Some("--dram-bandwidth"),
            _ => None,
        }
    }

    /// The wire id: the name of the query field (`to`, `hq`, `chip`, `tops`, `bits`, `die_area`,
    /// `dram_bandwidth`, `quantity`, `prior_tpp`, `end_user`, `regime`, `date`, `query`).
    pub fn id(self) -> &'static str {
        match self {
            Field::To => "to",
            Field::Hq => "hq",
            Field::From => "from",
            Field::Chip => "chip",
            Field::CustomChip | Field::Tops => "tops",
            Field::Bits => "bits",
            Field::DieArea => "die_area",
            Field::DramBandwidth => "dram_bandwidth",
            Field::Quantity => "quantity",
            Field::PriorTpp => "prior_tpp",
            Field::InstalledTpp => "installed_tpp",
            Field::BuyerTotalTpp => "buyer_total_tpp",
            Field::EndUser => "end_user",
            Field::Regime => "regime",
            Field::Date => "date",
            Field::Reading => "readings",
            Field::Tpp => "tpp",
            Field::H100e => "h100e",
            Field::Threshold => "threshold",
            Field::Scenario => "scenario",
            Field::ScenarioLpp => "scenario.lpp",
            Field::ScenarioCap => "scenario.cap",
            Field::ScenarioG2g => "scenario.g2g",
            Field::ScenarioMoves => "scenario.moves",
            Field::Query => "query",
        }
    }

    /// How messages name it: in words, for the page's readers as much as the CLI's (the page
    /// labels its fields "DRAM bandwidth (GB/s)", not `--dram-bandwidth`; the CLI names the option
    /// beside the message, [`Field::option`]).
    fn label(self) -> &'static str {
        match self {
            Field::To => "destination",
            Field::Hq => "headquarters country",
            Field::From => "country shipped from",
            Field::Chip => "chip",
            Field::CustomChip => "custom chip",
            Field::Tops => "dense TOPS",
            Field::Bits => "bit length",
            Field::DieArea => "die area",
            Field::DramBandwidth => "DRAM bandwidth",
            Field::Quantity => "quantity",
            Field::PriorTpp => "prior TPP",
            Field::InstalledTpp => "installed-base TPP",
            Field::BuyerTotalTpp => "buyer's total TPP",
            Field::EndUser => "end-user type",
            Field::Regime => "regime",
            Field::Date => "date",
            Field::Reading => "reading",
            Field::Tpp => "TPP",
            Field::H100e => "H100-equivalents",
            Field::Threshold => "threshold",
            Field::Scenario => "scenario",
            Field::ScenarioLpp => "scenario's lpp",
            Field::ScenarioCap => "scenario's cap",
            Field::ScenarioG2g => "scenario's g2g",
            Field::ScenarioMoves => "scenario's moves",
            Field::Query => "query",
        }
    }
}

/// Why a query could not be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// No country matches.
    UnknownCountry {
        /// The destination or the headquarters.
        field: Field,
        /// What was typed.
        input: String,
        /// The closest names.
        suggestions: Vec<String>,
    },
    /// A name people use for several countries ("Congo"): the reader must say which.
    AmbiguousCountry {
        /// The destination or the headquarters.
        field: Field,
        /// What was typed.
        input: String,
        /// Display names of every entry it may mean, in the data's order.
        candidates: Vec<String>,
        /// Their alpha-2 codes, in the same order.
        codes: Vec<String>,
    },
    /// No catalog chip matches.
    UnknownChip {
        /// What was typed.
        input: String,
        /// The closest ids.
        suggestions: Vec<String>,
    },
    /// No regime has that id.
    UnknownRegime {
        /// What was typed.
        input: String,
        /// Every id.
        known: Vec<&'static str>,
    },
    /// No threshold of the data has that id.
    UnknownThreshold {
        /// What was typed.
        input: String,
        /// The closest ids.
        suggestions: Vec<String>,
    },
    /// Not a YYYY-MM-DD date.
    BadDate {
        /// What was typed.
        input: String,
    },
    /// A date before the first rule we model.
    DateOutOfCoverage {
        /// The date.
        date: String,
        /// The first date we cover.
        first: String,
        /// The short name of the earliest regime.
        rule: &'static str,
    },
    /// A number that is not acceptable for its field.
    BadNumber {
        /// The field.
        field: Field,
        /// What was typed.
        input: String,
        /// What is wrong and what is accepted.
        reason: String,
    },
    /// A chip whose throughput is not published.
    NoThroughput {
        /// Catalog id.
        chip: &'static str,
    },
    /// The 3A090 class needs the die area (TPP between the two lines, datacenter part).
    NeedsDieArea {
        /// The chip's TPP.
        tpp: String,
    },
    /// An arithmetic result too large to be a real order.
    TooLarge {
        /// The input to reduce.
        field: Field,
        /// What overflowed.
        what: &'static str,
    },
    /// A query object from the page that does not have the expected shape.
    BadQuery {
        /// What the decoder said.
        reason: String,
    },
    /// A scenario text that cannot be read.
    BadScenario {
        /// The setting it is about (or the scenario as a whole).
        field: Field,
        /// The part that is wrong.
        input: String,
        /// What is wrong and what is accepted.
        reason: String,
    },
    /// A scenario changes something its base regime does not have.
    ScenarioNotApplicable {
        /// The setting.
        field: Field,
        /// The part that cannot apply.
        input: String,
        /// The base regime's id.
        regime: &'static str,
        /// What the regime lacks, and what can be changed instead.
        what: &'static str,
    },
    /// A value the engine does not know for an enumerated field.
    BadChoice {
        /// The field.
        field: Field,
        /// What was typed.
        input: String,
        /// What is accepted.
        accepted: &'static str,
    },
}

/// How many characters of what was typed a message shows; the rest is summarised by its length.
const SHOWN_CHARS: usize = 60;

/// A character a message never shows as it is: controls, the bidirectional formatting
/// characters that reorder what a reader sees, and invisible ones (zero-width, soft hyphen, BOM).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// What was typed, as a message shows it: hidden characters written as `\u{…}` escapes, and at
/// most `SHOWN_CHARS` characters followed by "… (N characters)", so a pasted megabyte or a
/// right-to-left override can neither flood nor disguise a message.
pub fn shown(input: &str) -> String {
    clipped(input, SHOWN_CHARS)
}

/// What was typed in backticks, or in words when there is nothing to quote.
fn quoted(input: &str) -> String {
    if input.is_empty() {
        "(empty)".into()
    } else if input.trim().is_empty() {
        "(only spaces)".into()
    } else {
        format!("`{}`", shown(input))
    }
}

/// [`shown`] with room for `max` characters (a decoder's reason, which quotes what it read).
fn clipped(input: &str, max: usize) -> String {
    let mut out = String::new();
    for c in input.chars().take(max) {
        if hidden(c) {
            out.push_str("\\u{");
            push_hex(&mut out, u32::from(c).into(), 1);
            out.push('}');
        } else {
            out.push(c);
        }
    }
    let n = input.chars().count();
    if n > max {
        out.push_str(&format!("… ({n} characters)"));
    }
    out
}

fn or_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    list_with(&quoted, "or")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownCountry {
                field,
                input,
                suggestions,
            } => {
                write!(f, "unknown {} {}: give an ISO code (e.g. `AE`), an English name or a common alias", field.label(), quoted(input))?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", or_list(suggestions))?;
                }
                Ok(())
            }
            Error::AmbiguousCountry {
                field,
                input,
                candidates,
                codes,
            } => write!(
                f,
                "{} {} can mean {}: give the one you mean (a name or an ISO code such as {})",
                field.label(),
                quoted(input),
                list_with(candidates, "or"),
                or_list(codes)
            ),
            Error::UnknownChip { input, suggestions } => {
                write!(f, "unknown chip {}: give a catalog chip's id or name, or a custom chip's dense TOPS and bit lengths", quoted(input))?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", or_list(suggestions))?;
                }
                Ok(())
            }
            Error::UnknownRegime { input, known } => {
                let known: Vec<String> = known.iter().map(|s| (*s).to_string()).collect();
                write!(f, "unknown regime {}: accepted ids are {}", quoted(input), or_list(&known))
            }
            Error::UnknownThreshold { input, suggestions } => {
                write!(f, "unknown threshold {}: give a threshold id (list them with `h100e thresholds`)", quoted(input))?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", or_list(suggestions))?;
                }
                Ok(())
            }
            Error::BadDate { input } => {
                write!(f, "bad date {}: give a real day as YYYY-MM-DD, e.g. 2025-03-01", quoted(input))
            }
            Error::DateOutOfCoverage { date, first, rule } => write!(
                f,
                "date `{date}` is outside coverage: the earliest rules we model ({rule}) took effect on {first}; give that day or a later one"
            ),
            Error::BadNumber { field, input, reason } => write!(f, "bad {} {}: {reason}", field.label(), quoted(input)),
            Error::NoThroughput { chip } => write!(
                f,
                "chip `{chip}` has no published dense throughput, so its TPP cannot be computed: give its figures as a custom chip, its dense TOPS and bit lengths"
            ),
            Error::NeedsDieArea { tpp } => write!(
                f,
                "the 3A090 class of a datacenter chip with TPP {tpp} depends on its performance density: give the applicable die area in mm²"
            ),
            Error::TooLarge { what, .. } => write!(f, "{what} is too large to be a real order: reduce the quantity"),
            Error::BadQuery { reason } => write!(
                f,
                "bad query: {}; expected fields are to, chip (or tops and bits, with die_area, dram_bandwidth, non_datacenter), quantity, and optionally regime or date, end_user, hq, from, prior_tpp, installed_tpp, buyer_total_tpp, g2g, readings",
                clipped(reason, 200)
            ),
            Error::BadChoice { field, input, accepted } => write!(f, "bad {} {}: accepted values are {accepted}", field.label(), quoted(input)),
            Error::BadScenario { field, input, reason } => write!(f, "bad {} {}: {reason}", field.label(), quoted(input)),
            Error::ScenarioNotApplicable { field, input, regime, what } => write!(f, "bad {} {}: the rules `{regime}` {what}", field.label(), quoted(input)),
        }
    }
}

impl Error {
    /// The input field the error is about.
    pub fn field(&self) -> Field {
        match self {
            Error::UnknownCountry { field, .. }
            | Error::AmbiguousCountry { field, .. }
            | Error::BadNumber { field, .. }
            | Error::TooLarge { field, .. }
            | Error::BadChoice { field, .. }
            | Error::BadScenario { field, .. }
            | Error::ScenarioNotApplicable { field, .. } => *field,
            Error::UnknownChip { .. } | Error::NoThroughput { .. } => Field::Chip,
            Error::UnknownRegime { .. } => Field::Regime,
            Error::UnknownThreshold { .. } => Field::Threshold,
            Error::BadDate { .. } | Error::DateOutOfCoverage { .. } => Field::Date,
            Error::NeedsDieArea { .. } => Field::DieArea,
            Error::BadQuery { .. } => Field::Query,
        }
    }

    /// A stable machine code for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownCountry { .. } => "unknown-country",
            Error::AmbiguousCountry { .. } => "ambiguous-country",
            Error::UnknownChip { .. } => "unknown-chip",
            Error::UnknownRegime { .. } => "unknown-regime",
            Error::UnknownThreshold { .. } => "unknown-threshold",
            Error::BadDate { .. } => "bad-date",
            Error::DateOutOfCoverage { .. } => "date-out-of-coverage",
            Error::BadNumber { .. } => "bad-number",
            Error::NoThroughput { .. } => "no-throughput",
            Error::NeedsDieArea { .. } => "needs-die-area",
            Error::TooLarge { .. } => "too-large",
            Error::BadQuery { .. } => "bad-query",
            Error::BadChoice { .. } => "bad-choice",
            Error::BadScenario { .. } => "bad-scenario",
            Error::ScenarioNotApplicable { .. } => "scenario-not-applicable",
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_what_was_typed_clipped_and_escaped() {
        assert_eq!(shown("India"), "India");
        assert_eq!(shown("a\u{202e}b\u{7}"), "a\\u{202e}b\\u{7}");
        let long = "x".repeat(1 << 20);
        assert_eq!(
            shown(&long),
            format!("{}… (1048576 characters)", "x".repeat(60))
        );
        let e = Error::UnknownCountry {
            field: Field::To,
            input: long,
            suggestions: Vec::new(),
        };
        assert!(e.to_string().len() < 300);
    }
}
