//! The `h100e` command: parses arguments, calls the library, prints JSON (`--json`) or text.
//! It holds no rule logic. Bad input exits with code 2 and one line on stderr.

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use h100e::convert::ConvertRequest;
use h100e::query::{ChipInput, Request};
use h100e::regime::Choice;
use h100e::wire::{
    self, CapOut, ChipOut, CitationOut, ClaimsOut, CompareOut, ConvertOut, EvalOut, RegimeOut,
    RegimeRef, ThresholdOut, TiersOut, TimelineOut,
};
use h100e::Error;

/// H100-equivalents and US export-control answers for AI chips, with citations.
#[derive(Parser)]
#[command(name = "h100e", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size of the largest variant costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// TPP, performance density, ECCN 3A090 class and H100-equivalents of one chip.
    Chip {
        /// A catalog id or name (e.g. h100-sxm, "H20", "MI300X"); or give --tops and --bits.
        id: Option<String>,
        #[command(flatten)]
        spec: SpecArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every chip in the catalog.
    Chips {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Whether an order needs a license, which exceptions apply, and why.
    Eval {
        #[command(flatten)]
        order: OrderArgs,
        #[command(flatten)]
        when: WhenArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The same order under every regime side by side (hypothetical ones labelled): tier,
    /// license, exception, cap, review and the largest license-free quantity.
    Compare {
        #[command(flatten)]
        order: OrderArgs,
        /// The regime a --scenario is built on (default: the latest real regime); the
        /// scenario's column comes last, after every regime of the data.
        #[arg(long, requires = "scenario")]
        regime: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The tier and map status of every destination.
    Tiers {
        #[command(flatten)]
        when: WhenArgs,
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// How many whole units of each catalog chip fit in an amount: TPP, H100-equivalents, N of a
    /// chip, or a threshold of the data.
    Convert {
        /// An amount of TPP.
        #[arg(long, allow_hyphen_values = true)]
        tpp: Option<String>,
        /// An amount of H100-equivalents.
        #[arg(long, allow_hyphen_values = true)]
        h100e: Option<String>,
        /// A catalog chip (with --quantity).
        #[arg(long)]
        chip: Option<String>,
        /// How many of --chip.
        #[arg(long, allow_hyphen_values = true)]
        quantity: Option<String>,
        /// A threshold id (see `h100e thresholds`), e.g. diffusion2025.lpp.
        #[arg(long)]
        threshold: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Public claims about the rules, each with the verdict and the right figure computed from
    /// the data, and its citation.
    Claims {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every threshold in the data, in TPP and H100-equivalents, with its citation.
    Thresholds {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The dated events of the data (publication, effect, compliance, the rescission, country
    /// group changes, the H20 letters), each with its source; hypothetical regimes listed apart.
    Timeline {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The regimes we model, with dates and sources.
    Regimes {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every country and territory, with aliases.
    Countries {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// An order, as `eval` and `compare` take it.
#[derive(Args)]
struct OrderArgs {
    /// Destination country: ISO code, name or alias (e.g. AE, "UAE", "South Korea").
    #[arg(long)]
    to: String,
    /// A catalog chip id or name; or give --tops and --bits.
    #[arg(long)]
    chip: Option<String>,
    #[command(flatten)]
    spec: SpecArgs,
    /// Number of chips.
    #[arg(long, allow_hyphen_values = true)]
    quantity: String,
    /// none, uveu or nveu.
    #[arg(long, default_value = "none")]
    end_user: String,
    /// Country of the buyer's headquarters (or ultimate parent's); default: the destination.
    #[arg(long)]
    hq: Option<String>,
    /// TPP already shipped to this buyer this calendar year (LPP's allowance counts it).
    #[arg(long, allow_hyphen_values = true)]
    prior_tpp: Option<String>,
    /// For a National VEU (--end-user nveu): the TPP it has installed in this country.
    #[arg(long, allow_hyphen_values = true)]
    installed_tpp: Option<String>,
    /// Everything this buyer has received before, in TPP (AIA's reporting line, the reported
    /// 2026 draft's size ladder).
    #[arg(long, allow_hyphen_values = true)]
    buyer_total_tpp: Option<String>,
    /// The destination has a government-to-government agreement with the US.
    #[arg(long)]
    g2g: bool,
    /// Where the shipment leaves from (ISO code or name); default: the United States.
    /// Anything else is a reexport (or an in-country transfer when it is the destination).
    #[arg(long = "from", value_name = "COUNTRY")]
    from: Option<String>,
    /// Answer under this reading of a contested fact, FACT=READING (repeatable), e.g.
    /// lpp-d1-d4=available or chip-tpp=low; without it each fact takes its first reading.
    #[arg(long = "reading", value_name = "FACT=READING")]
    reading: Vec<String>,
    #[command(flatten)]
    scenario: ScenarioArgs,
}

/// A hypothetical scenario built on the chosen rules.
#[derive(Args)]
struct ScenarioArgs {
    /// Change the rules hypothetically: SETTING=VALUE items separated by `;`, e.g.
    /// "lpp=500h100e;cap=50000h100e;g2g=3;tier-3=IL,AE" (settings: lpp, cap, g2g, tier-1, tier-2,
    /// tier-3, open, license, denial; amounts in TPP, NNNh100e or N*CHIP).
    #[arg(long, value_name = "SETTINGS", allow_hyphen_values = true)]
    scenario: Option<String>,
}

impl OrderArgs {
    fn request(self, regime: Choice) -> Result<Request, Error> {
        Ok(Request {
            regime,
            chip: self.spec.chip(self.chip.as_ref())?,
            to: self.to,
            quantity: self.quantity,
            end_user: self.end_user,
            hq: self.hq,
            prior_tpp: self.prior_tpp,
            installed_tpp: self.installed_tpp,
            buyer_total_tpp: self.buyer_total_tpp,
            g2g: self.g2g,
            from: self.from,
            readings: self.reading,
            scenario: self.scenario.scenario,
        })
    }
}

#[derive(Args)]
struct SpecArgs {
    /// Dense TOPS or TFLOPS at one precision (sparse datasheet figures halved); repeat with --bits.
    #[arg(long, allow_hyphen_values = true)]
    tops: Vec<String>,
    /// Bit length for each --tops (e.g. 8 for FP8/INT8, 16 for FP16/BF16).
    #[arg(long, allow_hyphen_values = true)]
    bits: Vec<String>,
    /// Applicable die area in mm² (needed for performance density).
    #[arg(long, allow_hyphen_values = true)]
    die_area: Option<String>,
    /// The chip is not designed or marketed for datacenters.
    #[arg(long)]
    non_datacenter: bool,
    /// Total DRAM bandwidth in GB/s (used by the January 2026 China band).
    #[arg(long, allow_hyphen_values = true)]
    dram_bandwidth: Option<String>,
}

#[derive(Args)]
struct WhenArgs {
    /// Regime id (see `h100e regimes`); default: the latest real regime.
    #[arg(long)]
    regime: Option<String>,
    /// The rules in force on this day, YYYY-MM-DD.
    #[arg(long)]
    date: Option<String>,
}

impl WhenArgs {
    fn choice(&self) -> Result<Choice, Error> {
        Choice::from_parts(self.regime.clone(), self.date.clone())
    }
}

impl SpecArgs {
    fn chip(&self, id: Option<&String>) -> Result<ChipInput, Error> {
        ChipInput::from_parts(
            id.cloned(),
            self.tops.clone(),
            self.bits.clone(),
            self.die_area.clone(),
            self.non_datacenter,
            self.dram_bandwidth.clone(),
        )
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) =>
        {
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // Clap explains over several lines; keep the promise of one line on stderr.
            let text = e.to_string();
            let words: Vec<&str> = text
                .lines()
                .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
                .collect();
            let line = words.join(" ");
            let message = format!(
                "{} (see `h100e --help`)",
                line.trim_start_matches("error: ")
            );
            eprintln!("error: {message}");
            if std::env::args().any(|a| a == "--json") {
                println!("{}", json_error("arguments", "bad-arguments", &message));
            }
            return ExitCode::from(2);
        }
    };
    let wants_json = std::env::args().any(|a| a == "--json");
    match run(cli.command) {
        Ok(out) => {
            // A reader piping into `head` closes the pipe early; that is not an error worth a panic.
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{out}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the answer: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            // The message names a custom chip's figure in words, as the page's fields do; here
            // the option it came from comes first.
            match e.field().option() {
                Some(option) => eprintln!("error: {option}: {e}{}", hint(&e)),
                None => eprintln!("error: {e}{}", hint(&e)),
            }
            // Scripts that asked for JSON get the error as JSON on stdout too, with the field at
            // fault and a machine code, as the JS API throws it.
            if wants_json {
                println!("{}", json_error(e.field().id(), e.code(), &e.to_string()));
            }
            ExitCode::from(2)
        }
    }
}

/// Which data answered, in one line.
fn data_line(d: &h100e::wire::DataOut) -> String {
    format!(
        "Data         dataset {}, sources last checked {} ({})",
        d.version, d.checked, d.note
    )
}

/// Where a message asks for a chip in words, the options and command that give one here (the
/// engine's messages serve the page too, which has a chip list and fields, not options).
fn hint(e: &Error) -> &'static str {
    match e {
        Error::UnknownChip { .. } => {
            " (`h100e chips` lists the catalog; a custom chip is --tops with --bits)"
        }
        Error::NoThroughput { .. } => " (--tops with --bits)",
        _ => "",
    }
}

/// `{"error": {"field", "code", "message"}}`.
fn json_error(field: &str, code: &str, message: &str) -> String {
    serde_json::json!({ "error": { "field": field, "code": code, "message": message } }).to_string()
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(v).map_err(|_| Error::TooLarge {
        field: h100e::error::Field::Query,
        what: "the answer",
    })
}

/// The answer as JSON (`--json`) or as text: every command prints one of the two.
fn print<T: serde::Serialize + ?Sized>(
    out: &T,
    as_json: bool,
    text: fn(&T) -> String,
) -> Result<String, Error> {
    if as_json {
        json(out)
    } else {
        Ok(text(out))
    }
}

fn run(cmd: Command) -> Result<String, Error> {
    match cmd {
        Command::Chip { id, spec, json: j } => {
            let chip = spec.chip(id.as_ref())?.resolve()?;
            print(&wire::chip(&chip)?, j, chip_text)
        }
        Command::Chips { json: j } => print(&wire::chips()[..], j, chips_text),
        Command::Eval {
            order,
            when,
            json: j,
        } => print(
            &wire::evaluate(&order.request(when.choice()?)?)?,
            j,
            eval_text,
        ),
        Command::Compare {
            order,
            regime,
            json: j,
        } => print(
            &wire::compare(&order.request(Choice::from_parts(regime, None)?)?)?,
            j,
            compare_text,
        ),
        Command::Timeline { json: j } => print(&wire::timeline(), j, timeline_text),
        Command::Tiers {
            when,
            scenario,
            json: j,
        } => print(
            &wire::tiers(&when.choice()?, scenario.scenario.as_deref())?,
            j,
            tiers_text,
        ),
        Command::Convert {
            tpp,
            h100e,
            chip,
            quantity,
            threshold,
            json: j,
        } => {
            let request = ConvertRequest {
                tpp,
                h100e,
                chip,
                quantity,
                threshold,
            };
            print(&wire::convert(&request)?, j, convert_text)
        }
        Command::Claims { json: j } => print(&wire::claims()?, j, claims_text),
        Command::Thresholds { json: j } => print(&wire::thresholds()[..], j, thresholds_text),
        Command::Regimes { json: j } => print(&wire::regimes()[..], j, regimes_text),
        Command::Countries { json: j } => print(&wire::countries()[..], j, countries_text),
    }
}

fn chips_text(all: &[ChipOut]) -> String {
    let mut s = format!(
        "{:<24} {:>10} {:>8} {:<10} {:>8}\n",
        "id", "TPP", "PD", "ECCN", "H100e"
    );
    for c in all {
        s.push_str(&format!(
            "{:<24} {:>10} {:>8} {:<10} {:>8}\n",
            c.id,
            c.tpp.map_or("?".into(), num),
            c.performance_density.map_or("?".into(), num),
            c.eccn,
            c.h100e.map_or("?".into(), num)
        ));
    }
    s.push_str("PD and H100e are rounded for display; TPP is exact.");
    s
}

fn countries_text(all: &[wire::CountryOut]) -> String {
    all.iter()
        .map(|c| format!("{} {} {}", c.code, c.numeric, c.name))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A number with thousands separators, as printed in the JSON (exact TPP, rounded ratios).
fn num(v: f64) -> String {
    h100e::decimal::group_digits(&format!("{v}"))
}

fn cite_text(c: &CitationOut) -> String {
    let mut s = format!("[{}] {}", c.label, c.url);
    if let Some(u) = c.uncertain {
        s.push_str(&format!("\n        UNCERTAIN: {u}"));
    }
    s
}

fn chip_text(c: &ChipOut) -> String {
    let mut s = format!("{} ({})\n", c.name, c.id);
    s.push_str(&format!(
        "  TPP                  {}",
        c.tpp.map_or("unknown".into(), num)
    ));
    if !c.tpp_basis.is_empty() {
        s.push_str(&format!("  ({})", c.tpp_basis.join("; ")));
    }
    s.push('\n');
    s.push_str(&format!(
        "  Performance density  {}\n",
        c.performance_density
            .map_or("unknown (die area not published)".into(), |p| format!(
                "{} (rounded)",
                num(p)
            ))
    ));
    s.push_str(&format!(
        "  ECCN                 {}{}\n",
        c.eccn,
        c.eccn_paragraph
            .map_or(String::new(), |p| format!(" ({p})"))
    ));
    s.push_str(&format!("                       {}\n", c.eccn_reason));
    s.push_str(&format!(
        "                       {}\n",
        cite_text(&c.eccn_citation)
    ));
    s.push_str(&format!(
        "  H100-equivalents     {}\n",
        c.h100e.map_or("unknown".into(), |h| format!(
            "{} (TPP ÷ {}, rounded)",
            num(h),
            num(wire::dataset().h100_tpp)
        ))
    ));
    if c.tpp_readings.len() > 1 {
        // The sources disagree on the TPP: every reading, with its class (contested fact chip-tpp).
        let readings: Vec<String> = c
            .tpp_readings
            .iter()
            .map(|r| {
                format!(
                    "{} {} ({})",
                    r.reading,
                    num(r.tpp),
                    r.eccn.unwrap_or("class needs the die area")
                )
            })
            .collect();
        s.push_str(&format!(
            "  TPP readings         {} (--reading chip-tpp=READING)\n",
            readings.join("; ")
        ));
    }
    s.push_str(&format!("  Datacenter part      {}\n", c.datacenter));
    if let Some(note) = c.class_note {
        s.push_str(&format!("                       {note}\n"));
    }
    if let Some(u) = c.uncertain {
        s.push_str(&format!("  UNCERTAIN            {u}\n"));
    }
    for src in c.sources.iter().flatten() {
        s.push_str(&format!("  Source ({})  {}\n", src.about, src.url));
    }
    s.trim_end().to_string()
}

fn cap_text(c: &CapOut) -> String {
    let state = match (c.headroom_tpp, c.over_by_tpp) {
        _ if c.kind == "reporting-line" => {
            if c.reached {
                "at or above the reporting line".to_string()
            } else {
                "below the reporting line".to_string()
            }
        }
        // H100-equivalents to a tenth, as everywhere in a cap's line.
        (Some(h), _) => format!(
            "{} TPP left (≈ {} H100e)",
            num(h),
            c.headroom_h100e
                .map_or("?".into(), |e| h100e::decimal::group_digits(&format!(
                    "{e:.1}"
                )))
        ),
        (None, Some(o)) => format!("over by {} TPP", num(o)),
        (None, None) => "at the limit".into(),
    };
    let mut s = format!(
        "  {}: {} of {} TPP — {state}",
        c.name,
        num(c.used_tpp),
        num(c.limit_tpp)
    );
    if let Some(n) = &c.note {
        s.push_str(&format!(" ({n})"));
    }
    s
}

/// The label after a regime's name: hypothetical regimes and unenforced texts say so, scenarios
/// give their text.
fn rules_label(r: &RegimeRef) -> String {
    match (&r.scenario, r.hypothetical, r.unenforced) {
        (Some(sc), ..) => format!(" — HYPOTHETICAL SCENARIO `{}`", sc.text),
        (None, true, _) => " — HYPOTHETICAL".into(),
        (None, false, true) => " — NOT ENFORCED".into(),
        (None, false, false) => String::new(),
    }
}

fn eval_text(v: &EvalOut) -> String {
    let mut s = format!("{}\n", v.headline);
    for c in &v.caveats {
        s.push_str(&format!("Note: {}\n", c.text));
    }
    s.push('\n');
    let hyp = rules_label(&v.regime);
    s.push_str(&format!(
        "Regime       {} ({}){hyp}; {}; facts as of {}\n",
        v.regime.short_name, v.regime.id, v.regime.chosen_by, v.regime.date_applied
    ));
    s.push_str(&format!("{}\n", data_line(&v.data)));
    let tier = v
        .destination
        .tier
        .map_or(String::new(), |t| format!(", Tier {t}"));
    s.push_str(&format!(
        "Destination  {} ({}){tier}\n",
        v.destination.name, v.destination.code
    ));
    let hq_tier = v
        .buyer_hq
        .tier
        .map_or(String::new(), |t| format!(", Tier {t}"));
    let assumed = if v.buyer_hq.assumed {
        " (assumed: same as destination)"
    } else {
        ""
    };
    s.push_str(&format!(
        "Buyer HQ     {} ({}){hq_tier}{assumed}\n",
        v.buyer_hq.name, v.buyer_hq.code
    ));
    if let Some(from) = &v.shipped_from {
        s.push_str(&format!(
            "From         {} ({}): {}\n",
            from.name,
            from.code,
            from.kind.replace('-', " ")
        ));
    }
    s.push_str(&format!(
        "Chip         {}: TPP {}, {}, {} H100e each\n",
        v.chip.name,
        v.chip.tpp.map_or("?".into(), num),
        v.chip.eccn,
        v.chip.h100e.map_or("?".into(), num)
    ));
    s.push_str(&format!(
        "Order        {} {} = {} TPP ≈ {} H100e (rounded)\n",
        num(v.order.quantity as f64),
        if v.order.quantity == 1 {
            "chip"
        } else {
            "chips"
        },
        v.order.tpp.map_or("unknown".into(), num),
        v.order.h100e.map_or("?".into(), num)
    ));
    s.push_str(&format!(
        "License      {}\n",
        if v.license_required {
            "required"
        } else {
            "not required"
        }
    ));
    if let Some(p) = v.review_policy_label {
        s.push_str(&format!("Review       {p}\n"));
    }
    s.push_str(&format!(
        "Country cap  {}\n",
        if v.counts_against_country_cap {
            "this order counts against it"
        } else {
            "does not count"
        }
    ));
    if !v.license_exceptions.is_empty() {
        s.push_str("\nExceptions considered\n");
        for e in &v.license_exceptions {
            let mark = if e.used {
                "✓ used"
            } else if e.available {
                "✓"
            } else {
                "✗"
            };
            s.push_str(&format!("  {mark:<6} {:<18} {}\n", e.id, e.reason));
        }
    }
    if !v.caps.is_empty() {
        s.push_str("\nCaps and headroom\n");
        for c in &v.caps {
            s.push_str(&cap_text(c));
            s.push('\n');
        }
    }
    s.push_str("\nWhy\n");
    for (i, step) in v.explanation.iter().enumerate() {
        s.push_str(&format!(
            "  {}. {}\n     {}\n",
            i + 1,
            step.text,
            cite_text(&step.citation)
        ));
    }
    s.push_str(&format!(
        "\nOur data runs to {}. {}.",
        v.data_horizon.as_deref().unwrap_or("?"),
        v.rounding
    ));
    s
}

fn tiers_text(t: &TiersOut) -> String {
    let hyp = rules_label(&t.regime);
    let mut s = format!(
        "{} ({}){hyp}, facts as of {}\n{}\n\n",
        t.regime.name,
        t.regime.id,
        t.regime.date_applied,
        data_line(&t.data)
    );
    for d in &t.destinations {
        let tier = d.tier.map_or("-".to_string(), |n| n.to_string());
        s.push_str(&format!(
            "{} {:<40} tier {tier:<2} {}{}\n",
            d.code,
            d.name,
            if d.uncounted.is_some() {
                "not counted"
            } else {
                d.status
            },
            d.uncounted.map_or(String::new(), |w| format!(": {w}"))
        ));
    }
    s.push('\n');
    for l in &t.legend {
        s.push_str(&format!("{:<8} {:>4}  {}\n", l.status, l.count, l.label));
        s.push_str(&format!("{:<15}({})\n", "", l.includes));
    }
    s.trim_end().to_string()
}

fn regimes_text(list: &[RegimeOut]) -> String {
    let mut s = String::new();
    for r in list {
        let until = r
            .in_force_until
            .as_deref()
            .map_or(String::new(), |u| format!(" to {u}"));
        let tags = match (r.hypothetical, r.unenforced, r.default) {
            (true, ..) => " [HYPOTHETICAL]",
            (false, true, _) => " [NOT ENFORCED]",
            (false, false, true) => " [default]",
            _ => "",
        };
        s.push_str(&format!(
            "{:<16} from {}{until}{tags}\n  {}\n  {}\n",
            r.id, r.effective, r.name, r.summary
        ));
        for src in r.sources.iter().flatten() {
            s.push_str(&format!("  - {} ({})\n", src.label, src.url));
        }
        s.push('\n');
    }
    s.trim_end().to_string()
}

/// "26,900,000 TPP (≈ 1,699.1 H100e)": exact TPP, H100-equivalents to a tenth for reading.
fn tpp_words(tpp: f64, h100e: Option<f64>) -> String {
    format!(
        "{} TPP (≈ {} H100e)",
        num(tpp),
        h100e.map_or("?".into(), |e| h100e::decimal::group_digits(&format!(
            "{e:.1}"
        )))
    )
}

fn threshold_text(t: &ThresholdOut) -> String {
    let hyp = if t.hypothetical {
        " — HYPOTHETICAL"
    } else {
        ""
    };
    let mut s = format!(
        "{}  {}{hyp}\n    {}, {}\n    {}",
        t.id,
        t.name,
        tpp_words(t.tpp, t.h100e),
        t.measure_label,
        cite_text(&t.citation)
    );
    if t.regimes.len() > 1 {
        s.push_str(&format!("\n    Also in: {}", t.regimes[1..].join(", ")));
    }
    if let Some(c) = &t.contested {
        s.push_str(&format!("\n    CONTESTED ({}): {}", c.fact, c.question));
    }
    s
}

fn thresholds_text(list: &[ThresholdOut]) -> String {
    let all: Vec<String> = list.iter().map(threshold_text).collect();
    format!(
        "{}\n\nConvert any of them with `h100e convert --threshold ID`.",
        all.join("\n\n")
    )
}

fn convert_text(c: &ConvertOut) -> String {
    let mut s = match (&c.threshold, c.amount.chip, c.amount.quantity) {
        (Some(t), _, _) => format!("{}\n", threshold_text(t)),
        (None, Some(chip), Some(n)) => format!(
            "{} × {chip} = {}\n",
            num(n as f64),
            tpp_words(c.amount.tpp, c.amount.h100e)
        ),
        _ => format!("{}\n", tpp_words(c.amount.tpp, c.amount.h100e)),
    };
    s.push_str(&format!("Counts: {}.\n\n", c.note));
    s.push_str(&format!("{:<24} {:>10} {:>12}\n", "chip", "TPP", "fit"));
    for f in &c.chips {
        let count = f.count.map_or("?".into(), |n| num(n as f64));
        s.push_str(&format!(
            "{:<24} {:>10} {:>12}",
            f.id,
            f.tpp.map_or("unknown".into(), num),
            count
        ));
        if f.contested {
            let others: Vec<String> = f.readings[1..]
                .iter()
                .map(|r| {
                    format!(
                        "{} {} → {}",
                        r.reading,
                        num(r.tpp),
                        r.count.map_or("?".into(), |n| num(n as f64))
                    )
                })
                .collect();
            s.push_str(&format!("  CONTESTED TPP: {}", others.join("; ")));
        }
        s.push('\n');
    }
    s.push_str(&format!("\n{}", data_line(&c.data)));
    s
}

fn timeline_text(t: &TimelineOut) -> String {
    let mut s = format!("From {} to {} (the data's last check)\n\n", t.start, t.end);
    for e in &t.events {
        s.push_str(&format!(
            "{}  {}\n            {}\n",
            e.date,
            e.text,
            cite_text(&e.citation)
        ));
    }
    s.push_str("\nHypothetical, never in force (beside the timeline, not on it):\n");
    for r in &t.hypothetical {
        s.push_str(&format!(
            "  {} ({}), reported {}\n",
            r.short_name, r.id, r.reported
        ));
    }
    s.push_str("\nIn the CFR but not enforced (beside the timeline, not on it):\n");
    for r in &t.unenforced {
        s.push_str(&format!(
            "  {} ({}), in the CFR since {}\n",
            r.short_name, r.id, r.since
        ));
    }
    s.push_str(&format!("\n{}", data_line(&t.data)));
    s
}

fn compare_text(c: &CompareOut) -> String {
    let mut s = String::new();
    for col in &c.columns {
        let r = &col.regime;
        let hyp = rules_label(r);
        s.push_str(&format!(
            "{} ({}){hyp}\n  {}\n",
            r.short_name, r.id, col.headline
        ));
        let cells = [
            ("Tier", col.tier.map_or("-".into(), |t| t.to_string())),
            (
                "License",
                if col.license_required {
                    "required".into()
                } else {
                    "not required".into()
                },
            ),
            ("Exception", col.exception_used.unwrap_or("-").to_string()),
            (
                "Country cap",
                if col.counts_against_country_cap {
                    "counts against it".into()
                } else {
                    "does not count".into()
                },
            ),
            (
                "Main cap",
                col.main_cap
                    .as_ref()
                    .map_or("-".into(), |m| cap_text(m).trim().to_string()),
            ),
            ("Review", col.review_policy_label.unwrap_or("-").to_string()),
            ("License-free", license_free_text(col)),
            ("Class", col.outcome_class.to_string()),
        ];
        for (name, value) in cells {
            s.push_str(&format!("  {name:<13} {value}\n"));
        }
        if !col.contested.is_empty() {
            s.push_str(&format!(
                "  {:<13} {}\n",
                "Contested",
                col.contested.join(", ")
            ));
        }
        s.push('\n');
    }
    s.push_str(&format!(
        "Differs across regimes: {}\n{}",
        if c.differs.is_empty() {
            "nothing".into()
        } else {
            c.differs.join(", ")
        },
        data_line(&c.data)
    ));
    s
}

fn claims_text(c: &ClaimsOut) -> String {
    let mut s = String::new();
    for k in &c.claims {
        s.push_str(&format!(
            "{} — {}\n  \"{}\"\n  {}{}, {} ({})\n  Read as: {}\n",
            k.id,
            k.verdict_label.to_uppercase(),
            k.text,
            k.source.publisher,
            k.source
                .date
                .as_deref()
                .map_or(String::new(), |d| format!(", {d}")),
            k.source.url,
            k.source.kind,
            k.reading
        ));
        for f in &k.findings {
            s.push_str(&format!("  - {}\n", f.text));
        }
        s.push_str(&format!(
            "  Data: {}\n  {}\n",
            k.corrected.text,
            cite_text(&k.citation)
        ));
        if let Some(u) = k.uncertain {
            s.push_str(&format!("  UNCERTAIN: {u}\n"));
        }
        s.push('\n');
    }
    s.push_str(&data_line(&c.data));
    s
}

/// A column's largest license-free quantity, with each reading of a contested point that gives
/// another ("none: …; if LPP is available there, …: up to 1,699 chips; …").
fn license_free_text(col: &h100e::wire::compare::ColumnOut) -> String {
    let mut text = col.largest_license_free.label.clone();
    for o in &col.largest_license_free_readings {
        text.push_str(&format!(
            " (on the first reading; {}: {})",
            o.short, o.largest_license_free.label
        ));
    }
    text
}
