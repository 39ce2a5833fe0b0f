//! A query as a person typed it ([`Request`]) and as the engine uses it ([`Query`]): every field is
//! checked here, once, so the CLI and the page give the same errors for the same input.

use crate::chip::{self, Chip, CustomSpec};
use crate::country;
use crate::decimal::Dec;
use crate::error::{Error, Field};
use crate::model::Country;
use crate::regime::{Choice, Selection};
use crate::scenario;
use crate::vocab::ContestedFact;

/// Largest quantity accepted: one hundred million chips, far beyond any real order (the whole
/// world's yearly output of AI accelerators is in the low tens of millions).
pub const MAX_QUANTITY: u64 = 100_000_000;
/// Largest prior shipment accepted, in TPP: a trillion, about 63 million H100s.
pub const MAX_PRIOR_TPP: u64 = 1_000_000_000_000;

/// Who the buyer is, for the data-center validated end-user authorizations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EndUser {
    /// An ordinary buyer.
    #[default]
    None,
    /// A Universal Validated End User (data centers, Tier 1 headquarters).
    Uveu,
    /// A National Validated End User (data centers in one country).
    Nveu,
}

impl EndUser {
    /// Parses `none`, `uveu` or `nveu`.
    pub fn parse(text: &str) -> Result<EndUser, Error> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "none" => Ok(EndUser::None),
            "uveu" => Ok(EndUser::Uveu),
            "nveu" => Ok(EndUser::Nveu),
            _ => Err(Error::BadChoice {
                field: Field::EndUser,
                input: text.to_string(),
                accepted: "`none`, `uveu` or `nveu`",
            }),
        }
    }

    /// The wire word.
    pub fn as_str(self) -> &'static str {
        match self {
            EndUser::None => "none",
            EndUser::Uveu => "uveu",
            EndUser::Nveu => "nveu",
        }
    }
}

/// The chip part of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChipInput {
    /// A catalog id or name.
    Catalog(String),
    /// Typed specs, as text.
    Custom {
        /// Dense TOPS figures.
        tops: Vec<String>,
        /// Their bit lengths.
        bits: Vec<String>,
        /// Applicable die area, mm².
        die_area: Option<String>,
        /// Not designed or marketed for datacenters.
        non_datacenter: bool,
        /// Total DRAM bandwidth, GB/s.
        dram_bandwidth: Option<String>,
    },
}

impl ChipInput {
    /// A catalog chip or typed specs, never both: the rule the CLI and the page share.
    pub fn from_parts(
        id: Option<String>,
        tops: Vec<String>,
        bits: Vec<String>,
        die_area: Option<String>,
        non_datacenter: bool,
        dram_bandwidth: Option<String>,
    ) -> Result<ChipInput, Error> {
        let id = id.filter(|s| !s.trim().is_empty());
        // Optional figures left empty are not given (the page sends what its fields hold).
        let die_area = die_area.filter(|s| !s.trim().is_empty());
        let dram_bandwidth = dram_bandwidth.filter(|s| !s.trim().is_empty());
        let spec = !tops.is_empty()
            || !bits.is_empty()
            || die_area.is_some()
            || non_datacenter
            || dram_bandwidth.is_some();
        match (id, spec) {
            (Some(id), false) => Ok(ChipInput::Catalog(id)),
            (None, true) => Ok(ChipInput::Custom {
                tops,
                bits,
                die_area,
                non_datacenter,
                dram_bandwidth,
            }),
            // Name the custom figure that came with a catalog chip: that is the input to change.
            (Some(id), true) => {
                let figure = if let Some(t) = tops.first() {
                    Some((Field::Tops, t.clone()))
                } else if let Some(b) = bits.first() {
                    Some((Field::Bits, b.clone()))
                } else if let Some(a) = die_area {
                    Some((Field::DieArea, a))
                } else {
                    dram_bandwidth.map(|d| (Field::DramBandwidth, d))
                };
                Err(match figure {
                    Some((field, input)) => Error::BadNumber {
                        field,
                        input,
                        reason: format!("a custom chip's figures cannot go with a catalog chip (`{}`): give one or the other", crate::error::shown(&id)),
                    },
                    None => Error::BadChoice {
                        field: Field::Chip,
                        input: id,
                        accepted: "a catalog chip or custom specs (tops and bits), not both",
                    },
                })
            }
            (None, false) => Err(Error::BadChoice {
                field: Field::Chip,
                input: String::new(),
                accepted: "a catalog chip id or name, or custom specs with tops and bits",
            }),
        }
    }

    /// Looks up or checks the chip.
    pub fn resolve(&self) -> Result<Chip, Error> {
        match self {
            ChipInput::Catalog(id) => chip::find(id).map(Chip::Catalog),
            ChipInput::Custom {
                tops,
                bits,
                die_area,
                non_datacenter,
                dram_bandwidth,
            } => CustomSpec::parse(
                tops,
                bits,
                die_area.as_deref(),
                *non_datacenter,
                dram_bandwidth.as_deref(),
            )
            .map(Chip::Custom),
        }
    }
}

/// An evaluation request as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Which rules.
    pub regime: Choice,
    /// Destination country.
    pub to: String,
    /// The chip.
    pub chip: ChipInput,
    /// How many chips.
    pub quantity: String,
    /// `none`, `uveu` or `nveu`.
    pub end_user: String,
    /// Country of the buyer's headquarters (or ultimate parent's); the destination if empty.
    pub hq: Option<String>,
    /// TPP already shipped to this buyer this calendar year (LPP's allowance counts it).
    pub prior_tpp: Option<String>,
    /// For a National VEU: the TPP it has installed in this country (its quarterly cap counts it).
    pub installed_tpp: Option<String>,
    /// Everything this buyer has received before, in TPP (AIA's reporting line and the reported
    /// 2026 draft's size ladder count it).
    pub buyer_total_tpp: Option<String>,
    /// The destination has a government-to-government agreement with the US.
    pub g2g: bool,
    /// Where the shipment leaves from; the United States when not given (anything else is a
    /// reexport, or a transfer within the destination when it is the destination).
    pub from: Option<String>,
    /// Readings of contested facts to answer under, as `FACT=READING` (e.g.
    /// `lpp-d1-d4=available`); unnamed facts take their first reading.
    pub readings: Vec<String>,
    /// A scenario built on the chosen regime (`lpp=500h100e;tier-3=IL`; see
    /// [`crate::scenario`]); `None` or empty for the regime as it is.
    pub scenario: Option<String>,
}

/// A checked query.
#[derive(Clone, Debug)]
pub struct Query {
    /// Regime and date.
    pub selection: Selection,
    /// Destination.
    pub destination: &'static Country,
    /// The chip.
    pub chip: Chip,
    /// How many.
    pub quantity: u64,
    /// Validated end-user status.
    pub end_user: EndUser,
    /// Buyer's headquarters, if given.
    pub hq: Option<&'static Country>,
    /// TPP already shipped this calendar year.
    pub prior_tpp: Dec,
    /// An NVEU's installed base in the country.
    pub installed_tpp: Dec,
    /// Everything the buyer has received before.
    pub buyer_total_tpp: Dec,
    /// Government-to-government agreement.
    pub g2g: bool,
    /// Where the shipment leaves from, if not the United States.
    pub from: Option<&'static Country>,
    /// Readings chosen for contested facts.
    pub readings: Vec<(ContestedFact, &'static str)>,
}

impl Query {
    /// The chip's metrics under the chosen TPP reading (the catalog figure unless
    /// `chip-tpp=low|high` was asked).
    pub fn chip_metrics(&self) -> Result<crate::chip::Metrics, Error> {
        match self.readings.iter().find(|r| r.0 == ContestedFact::ChipTpp) {
            Some((_, reading)) => self.chip.metrics_reading(reading),
            None => self.chip.metrics(),
        }
    }

    /// Where the shipment leaves from when that is not the United States, and what kind of
    /// shipment that makes it; `None` for an export from the US.
    pub fn shipped_from(&self) -> Option<(&'static Country, Shipment)> {
        let from = self.from.filter(|c| !country::is_origin(c))?;
        let kind = if country::is_origin(self.destination) {
            Shipment::Import
        } else if from.code() == self.destination.code() {
            Shipment::InCountryTransfer
        } else {
            Shipment::Reexport
        };
        Some((from, kind))
    }
}

/// A shipment that does not leave from the United States.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shipment {
    /// From abroad into the United States.
    Import,
    /// Within the destination.
    InCountryTransfer,
    /// From one foreign country to another.
    Reexport,
}

impl Shipment {
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Shipment::Import => "import",
            Shipment::InCountryTransfer => "in-country-transfer",
            Shipment::Reexport => "reexport",
        }
    }
}

impl Request {
    /// Checks every field; the first bad one is the error.
    pub fn resolve(&self) -> Result<Query, Error> {
        let selection = scenario::select(&self.regime, self.scenario.as_deref())?;
        let destination = country::find(&self.to, Field::To)?;
        let chip = self.chip.resolve()?;
        let quantity = parse_quantity(&self.quantity)?;
        let end_user = EndUser::parse(&self.end_user)?;
        let hq = optional_country(self.hq.as_deref(), Field::Hq)?;
        let from = optional_country(self.from.as_deref(), Field::From)?;
        let readings = self
            .readings
            .iter()
            .map(|r| parse_reading(r, &chip))
            .collect::<Result<_, _>>()?;
        let prior_tpp = optional_tpp(self.prior_tpp.as_deref(), Field::PriorTpp, PRIOR)?;
        let installed_tpp = optional_tpp(
            self.installed_tpp.as_deref(),
            Field::InstalledTpp,
            INSTALLED,
        )?;
        let buyer_total_tpp =
            optional_tpp(self.buyer_total_tpp.as_deref(), Field::BuyerTotalTpp, TOTAL)?;
        Ok(Query {
            selection,
            destination,
            chip,
            quantity,
            end_user,
            hq,
            prior_tpp,
            installed_tpp,
            buyer_total_tpp,
            g2g: self.g2g,
            from,
            readings,
        })
    }
}

/// The readings a chip's TPP can take: `catalog`, and `low`/`high` where its range differs.
pub const CHIP_READINGS: [&str; 3] = ["catalog", "low", "high"];

/// `FACT=READING`, checked against the contested facts of the data (and, for `chip-tpp`, against
/// whether the chip has a range at all).
fn parse_reading(text: &str, chip: &Chip) -> Result<(ContestedFact, &'static str), Error> {
    let bad = || {
        Error::BadChoice {
        field: Field::Reading,
        input: text.to_string(),
        accepted: "FACT=READING with a fact and one of its readings from data/contested.toml (e.g. `lpp-d1-d4=available`, `chip-tpp=low`)",
    }
    };
    let (fact, reading) = text.split_once('=').ok_or_else(bad)?;
    let fact = ContestedFact::from_id(fact.trim()).ok_or_else(bad)?;
    let reading = reading.trim();
    let found = if fact == ContestedFact::ChipTpp {
        let ranged = matches!(chip, Chip::Catalog(e) if e.tpp_range.is_some());
        CHIP_READINGS
            .into_iter()
            .find(|r| *r == reading && (ranged || *r == "catalog"))
    } else {
        crate::data::CONTESTED
            .iter()
            .filter(|c| c.fact == fact)
            .flat_map(|c| c.readings)
            .map(|r| r.id)
            .find(|r| *r == reading)
    };
    Ok((fact, found.ok_or_else(bad)?))
}

/// A country that may be left empty, with errors naming `field`.
fn optional_country(text: Option<&str>, field: Field) -> Result<Option<&'static Country>, Error> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => country::find(t, field).map(Some),
    }
}

/// A whole number of chips from 1 to [`MAX_QUANTITY`].
pub fn parse_quantity(text: &str) -> Result<u64, Error> {
    let accepted = format!(
        "give a whole number of chips from 1 to {}",
        Dec::from_int(MAX_QUANTITY).grouped()
    );
    let bad = |why: &str| Error::BadNumber {
        field: Field::Quantity,
        input: text.to_string(),
        reason: format!("{why}; {accepted}"),
    };
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_'))
        .collect();
    if t.is_empty() {
        return Err(bad("nothing was given"));
    }
    if t.starts_with('-') {
        return Err(bad("it is negative"));
    }
    if t.contains('.') {
        return Err(bad("it is not a whole number"));
    }
    if t.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()) {
        return Err(bad("it has digits other than 0-9; write it with 0-9"));
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad("it is not a number"));
    }
    match t.parse::<u64>() {
        Ok(0) => Err(bad("it is zero")),
        Ok(n) if n <= MAX_QUANTITY => Ok(n),
        _ => Err(bad("it is beyond any real order")),
    }
}

/// What each earlier-shipments field holds, for its error message.
const PRIOR: &str = "the TPP already shipped to this buyer this calendar year";
const INSTALLED: &str = "the TPP this National VEU has installed in this country";
const TOTAL: &str = "the TPP this buyer has received before, in total";

fn optional_tpp(text: Option<&str>, field: Field, what: &str) -> Result<Dec, Error> {
    match text.map(str::trim) {
        None | Some("") => Ok(Dec::ZERO),
        Some(t) => parse_tpp(t, field, what),
    }
}

/// TPP already shipped (LPP's calendar year): a decimal from 0 to [`MAX_PRIOR_TPP`].
pub fn parse_prior(text: &str) -> Result<Dec, Error> {
    parse_tpp(text, Field::PriorTpp, PRIOR)
}

/// An earlier quantity of TPP for `field`: a decimal from 0 to [`MAX_PRIOR_TPP`].
fn parse_tpp(text: &str, field: Field, what: &str) -> Result<Dec, Error> {
    let accepted = format!(
        "give {what}, from 0 to {}",
        Dec::from_int(MAX_PRIOR_TPP).grouped()
    );
    let d = Dec::parse(text).map_err(|e| Error::BadNumber {
        field,
        input: text.to_string(),
        reason: format!("{e}; {accepted}"),
    })?;
    if d > Dec::from_int(MAX_PRIOR_TPP) {
        return Err(Error::BadNumber {
            field,
            input: text.to_string(),
            reason: format!("it is beyond any real shipment; {accepted}"),
        });
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_must_be_real_orders() {
        assert_eq!(parse_quantity("1,700"), Ok(1700));
        for bad in [
            "0",
            "-5",
            "1.5",
            "abc",
            "1e9",
            "",
            "100000001",
            "99999999999999999999999",
        ] {
            assert!(
                matches!(
                    parse_quantity(bad),
                    Err(Error::BadNumber {
                        field: Field::Quantity,
                        ..
                    })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_unknown_headquarters_is_an_hq_error() {
        let req = Request {
            regime: Choice::Latest,
            to: "SG".into(),
            chip: ChipInput::Catalog("h100".into()),
            quantity: "1".into(),
            end_user: String::new(),
            hq: Some("Atlantis".into()),
            prior_tpp: None,
            installed_tpp: None,
            buyer_total_tpp: None,
            g2g: false,
            from: None,
            readings: Vec::new(),
            scenario: None,
        };
        let err = req.resolve().err().map(|e| (e.field(), e.code()));
        assert_eq!(err, Some((Field::Hq, "unknown-country")));
        let to = Request {
            to: "Atlantis".into(),
            hq: None,
            ..req
        };
        let err = to.resolve().err().map(|e| (e.field(), e.code()));
        assert_eq!(err, Some((Field::To, "unknown-country")));
    }
}
