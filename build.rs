//! Reads `data/*.toml`, checks it, and writes the statics of `src/data.rs` into `OUT_DIR`.
//!
//! Legal parameters are data, so their mistakes must surface like compile errors: an unknown country
//! code, a citation naming no source, overlapping membership dates or a duplicate alias stops the
//! build with the file and key at fault. The engine then reads plain statics and never parses text.
//!
//! Regimes are compositions: shared provisions live once in `data/provisions.toml`, and a regime
//! `use`s them or `extends` another regime; [`Resolve`] turns a file into one plain table first.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/decimal.rs"]
mod decimal;
#[allow(dead_code)]
#[path = "src/vocab.rs"]
mod vocab;
// The engine's own folding (`text::fold`/`squash` re-export it), so the build's collision check
// compares exactly the keys that `country::find` and `chip::find` compare.
#[path = "src/fold.rs"]
mod fold;

use date::Date;
use decimal::Dec;

// ---- input shapes -------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteIn {
    source: String,
    cfr: Option<String>,
    fr: Option<String>,
    uncertain: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamIn {
    value: String,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    title: String,
    url: String,
    grade: String,
    publisher: String,
    kind: String,
    date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: BTreeMap<String, SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryIn {
    code: String,
    numeric: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// Why the map leaves this entry uncoloured and legends do not count it (Antarctica).
    #[serde(default)]
    uncounted: Option<String>,
}

/// A name people use for several entries; the engine refuses it and names them all.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmbiguousIn {
    name: String,
    means: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    #[serde(default)]
    ambiguous: Vec<AmbiguousIn>,
    country: Vec<CountryIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeIn {
    code: String,
    from: Option<String>,
    until: Option<String>,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupIn {
    id: String,
    name: String,
    cite: CiteIn,
    members: Vec<String>,
    changes: Vec<ChangeIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreatedAsIn {
    code: String,
    #[serde(rename = "as")]
    as_code: String,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryNoteIn {
    code: String,
    text: String,
    cite: CiteIn,
    /// The day of the event it tells of: answers for earlier days do not show it.
    #[serde(default)]
    from: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    origin: String,
    treated_as: Vec<TreatedAsIn>,
    #[serde(default)]
    note: Vec<CountryNoteIn>,
    group: Vec<GroupIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassificationFile {
    tpp_cite: CiteIn,
    h100_tpp: ParamIn,
    a1_tpp: ParamIn,
    a2_tpp: ParamIn,
    a2_pd: ParamIn,
    b1_tpp_min: ParamIn,
    b1_pd_min: ParamIn,
    b2_tpp: ParamIn,
    b2_pd_min: ParamIn,
    non_datacenter_tpp: ParamIn,
}

/// A set of places: the one input shape wherever the data names destinations or headquarters.
/// A provision that is a place (`scope_a`, `hq_rule`, `tiers.tier1` ...) is this table itself;
/// one that has a place among other fields (`exceptions.aca`, `is_informed`, `china_band`,
/// `review.allied_hq`) holds it under `place`, and the place's `cite` is the provision's citation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceIn {
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
    /// Codes of `codes` that are our inference, not named in the rule's text.
    #[serde(default)]
    assumed: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    worldwide: bool,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteIn {
    text: String,
    cite: CiteIn,
    /// The day of the event the note tells of: answers for earlier days do not show it.
    #[serde(default)]
    from: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VendorNoteIn {
    vendor: String,
    text: String,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TiersIn {
    tier1: PlaceIn,
    tier3: PlaceIn,
    tier2_cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NacIn {
    notice_days: u32,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AcaIn {
    from: String,
    place: PlaceIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AiaIn {
    report_tpp: ParamIn,
    cite: CiteIn,
    conditions: ConditionsIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LppIn {
    name: String,
    limit: ParamIn,
    /// Where sources disagree whether LPP is available (contested fact `lpp-d1-d4`).
    #[serde(default)]
    contested_place: Option<PlaceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UveuIn {
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepIn {
    from: String,
    tpp: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NveuIn {
    cite: CiteIn,
    schedule: Vec<StepIn>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExceptionsIn {
    nac: Option<NacIn>,
    aca: Option<AcaIn>,
    aia: Option<AiaIn>,
    lpp: Option<LppIn>,
    uveu: Option<UveuIn>,
    nveu: Option<NveuIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AllocationIn {
    period: String,
    tpp: ParamIn,
    g2g_tpp: ParamIn,
    /// What the sources say a government-to-government agreement does to the cap ("double" is
    /// 2): when given, `g2g_tpp` must equal `tpp` times it, so the two figures cannot drift apart.
    g2g_multiplier: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewIn {
    policy: String,
    cite: CiteIn,
    /// The policy on the second reading of the contested fact `review-d1-d4` (`review.other` only).
    #[serde(default)]
    contested_alternative: Option<String>,
}

/// A step of a size ladder: above this TPP, this policy.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SizeStepIn {
    counts: String,
    above: ParamIn,
    policy: String,
}

/// The review policy for buyers headquartered in allied places; its citation is the place's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlliedHqIn {
    policy: String,
    place: PlaceIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewsIn {
    #[serde(default)]
    by_size: Vec<SizeStepIn>,
    embargoed: ReviewIn,
    allied_hq: Option<AlliedHqIn>,
    other: Option<ReviewIn>,
    within_allocation: Option<ReviewIn>,
    over_allocation: Option<ReviewIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IsInformedIn {
    chips: Vec<String>,
    from: String,
    place: PlaceIn,
    /// Buyers headquartered here are covered wherever the chips go.
    #[serde(default)]
    hq_place: Option<PlaceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChinaBandIn {
    policy: String,
    max_tpp: ParamIn,
    max_dram_gbs: ParamIn,
    place: PlaceIn,
    conditions: ConditionsIn,
}

/// What an exporter must meet for a provision to apply, each in plain words, with one citation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionsIn {
    items: Vec<String>,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimeIn {
    id: String,
    name: String,
    short_name: String,
    effective: String,
    as_of: String,
    hypothetical: bool,
    /// A text that stands but is not enforced (the AI Diffusion rule since May 2025).
    #[serde(default)]
    unenforced: bool,
    /// What every headline under an unenforced text starts with ("If the AI Diffusion rule were
    /// enforced today"): required with `unenforced`, refused without it.
    headline_label: Option<String>,
    caveat: Option<String>,
    summary: String,
    cite: CiteIn,
    compliance: Option<DatedIn>,
    #[serde(default)]
    notes: Vec<NoteIn>,
    #[serde(default)]
    vendor_notes: Vec<VendorNoteIn>,
    scope_a: PlaceIn,
    scope_b: PlaceIn,
    hq_rule: PlaceIn,
    embargo: PlaceIn,
    tiers: Option<TiersIn>,
    #[serde(default)]
    exceptions: ExceptionsIn,
    allocation: Option<AllocationIn>,
    review: ReviewsIn,
    is_informed: Option<IsInformedIn>,
    china_band: Option<ChinaBandIn>,
    g2g_licensing: Option<NoteIn>,
    #[serde(default)]
    tariffs: Vec<TariffIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrecisionIn {
    format: String,
    bits: u32,
    dense: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChipSourceIn {
    about: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChipIn {
    id: String,
    csv_id: String,
    vendor: String,
    model: String,
    variant: String,
    year: u16,
    datacenter: String,
    #[serde(default)]
    aliases: Vec<String>,
    precisions: Vec<PrecisionIn>,
    die_area_mm2: Option<String>,
    die_area_uncertain: bool,
    // The research's record of the die configuration, memory type and how the figures were
    // checked: required in the data, read by no code, so not emitted (each answer's wasm would
    // carry 3.4 KB of text no reader is shown).
    #[allow(dead_code)]
    die_config: String,
    dram_bandwidth_gbs: Option<String>,
    memory_gb: Option<String>,
    #[allow(dead_code)]
    memory_type: String,
    uncertain: Option<String>,
    tpp_alternatives: Option<String>,
    /// `[low, high]`: the TPP range the sources support, where they disagree.
    #[serde(default)]
    tpp_range: Option<[String; 2]>,
    notes: String,
    stated_class: Option<String>,
    sources: Vec<ChipSourceIn>,
    verification: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChipsFile {
    chip: Vec<ChipIn>,
}

// ---- failing with the file and key ---------------------------------------------------------------

fn fail(file: &str, key: &str, msg: &str) -> ! {
    panic!("\n\n  data error in {file}, at {key}: {msg}\n\n");
}

fn read<T: for<'de> Deserialize<'de>>(path: &str) -> T {
    println!("cargo:rerun-if-changed={path}");
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| fail(path, "(file)", &e.to_string()));
    toml::from_str(&text).unwrap_or_else(|e| fail(path, "(syntax)", &e.to_string()))
}

fn date(file: &str, key: &str, text: &str) -> Date {
    Date::parse(text)
        .unwrap_or_else(|| fail(file, key, &format!("`{text}` is not a YYYY-MM-DD date")))
}

fn dec(file: &str, key: &str, text: &str) -> Dec {
    Dec::parse(text).unwrap_or_else(|e| fail(file, key, &format!("`{text}`: {e}")))
}

/// The lookup keys of one catalog entry (country or chip), each with the words that produced it.
type Keys = Vec<(String, String)>;

/// Fails when two entries share a lookup key, naming both: the engine's lookup returns the first
/// entry with a matching key, so the other could never be found by that name. `entries` are
/// (entry label, its keys); an entry may repeat its own key (a name that is also an alias).
fn check_collisions(f: &str, what: &str, entries: &[(String, Keys)]) {
    let mut seen: HashMap<&str, (&str, &str)> = HashMap::new();
    for (entry, keys) in entries {
        for (key, words) in keys {
            // An empty key would match what a person leaves blank.
            if key.is_empty() {
                fail(
                    f,
                    &format!("{what} `{entry}`"),
                    &format!("{words} is empty once folded"),
                );
            }
            if let Some((other, other_words)) = seen.insert(key, (entry, words)) {
                if other != entry {
                    fail(
                        f,
                        &format!("{what} `{entry}`"),
                        &format!(
                            "{words} is looked up as `{key}`, as is the {other_words} of {what} `{other}`"
                        ),
                    );
                }
            }
        }
    }
}

// ---- code generation ----------------------------------------------------------------------------

struct Gen {
    out: String,
    /// Each source's title by key, emitted last (`titles`), once every citation is known.
    sources: BTreeMap<String, String>,
    /// The sources some citation names without a CFR paragraph or FR page: an answer shows
    /// their titles (as the citation's `about`), so the page's engine keeps them.
    titles_shown: BTreeSet<String>,
    /// Each country's code and its index in `COUNTRIES` (how a group member names it).
    countries: BTreeMap<String, usize>,
    groups: BTreeSet<String>,
    /// Each distinct citation emitted so far, by its fields, with its static's name: the data
    /// repeats citations (18 places cite the same Tier 1 list), and one static each would put
    /// every copy's pointers into the page's engine.
    cites: HashMap<String, String>,
    /// The citations' paragraphs, pages and uncertainties, one run after another
    /// (`model::Cite::text` holds the offsets), emitted last as `CITE_TEXT`.
    cite_text: String,
}

/// An offset into one of the packed texts, which the statics hold as a `u16`: a text past 64 KB
/// stops the build naming the field (`widen`) to make wider.
fn offset(file: &str, key: &str, at: usize, text: &str, widen: &str) -> u16 {
    u16::try_from(at)
        .unwrap_or_else(|_| fail(file, key, &format!("{text} passed 64 KB: widen {widen}")))
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt_lit(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}

fn strs(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("&[{}]", inner.join(", "))
}

fn dec_lit(d: Dec) -> String {
    format!("Dec::from_milli({})", d.milli())
}

fn date_lit(d: Date) -> String {
    let (y, m, day) = d.ymd();
    format!("Date::new_unchecked({y}, {m}, {day})")
}

impl Gen {
    /// Emits a `Cite` static and returns a reference expression to it.
    fn cite(&mut self, file: &str, key: &str, c: &CiteIn) -> String {
        if !self.sources.contains_key(&c.source) {
            fail(
                file,
                key,
                &format!(
                    "citation names unknown source `{}` (see data/sources.toml)",
                    c.source
                ),
            );
        }
        for (field, v) in [("cfr", &c.cfr), ("fr", &c.fr), ("uncertain", &c.uncertain)] {
            if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                fail(file, key, &format!("citation has an empty `{field}`"));
            }
        }
        if c.cfr.is_none() && c.fr.is_none() {
            self.titles_shown.insert(c.source.clone());
        }
        let fields = format!(
            "{} {} {} {}",
            c.source,
            opt_lit(&c.cfr),
            opt_lit(&c.fr),
            opt_lit(&c.uncertain)
        );
        if let Some(name) = self.cites.get(&fields) {
            return format!("&{name}");
        }
        // Its runs of `CITE_TEXT`: the paragraph, the page, what is uncertain (none is empty).
        let mut at = vec![self.cite_text.len()];
        for part in [&c.cfr, &c.fr, &c.uncertain] {
            self.cite_text.push_str(part.as_deref().unwrap_or_default());
            at.push(self.cite_text.len());
        }
        let at: Vec<String> = at
            .iter()
            .map(|&a| offset(file, key, a, "the citations' text", "`Cite::text`").to_string())
            .collect();
        let name = format!("CITE_{}", self.cites.len() + 1);
        let _ = writeln!(
            self.out,
            "static {name}: Cite = Cite {{ source: &{}, text: [{}], changed: false }};",
            source_ident(&c.source),
            at.join(", ")
        );
        self.cites.insert(fields, name.clone());
        format!("&{name}")
    }

    fn param(&mut self, file: &str, key: &str, p: &ParamIn) -> String {
        let v = dec(file, key, &p.value);
        let cite = self.cite(file, key, &p.cite);
        format!("Param {{ value: {}, cite: {cite} }}", dec_lit(v))
    }

    /// A known country's index in `COUNTRIES`, as a group member stores it: one byte.
    fn country_index(&self, file: &str, key: &str, code: &str) -> u8 {
        self.countries
            .get(code)
            .and_then(|&i| u8::try_from(i).ok())
            .unwrap_or_else(|| {
                fail(
                    file,
                    key,
                    &format!("`{code}` is unknown, or past the 256th country: widen `Membership::country`"),
                )
            })
    }

    fn check_codes(&self, file: &str, key: &str, codes: &[String]) {
        for c in codes {
            if !self.countries.contains_key(c) {
                fail(
                    file,
                    key,
                    &format!("unknown country code `{c}` (see data/countries.toml)"),
                );
            }
        }
    }

    fn check_groups(&self, file: &str, key: &str, groups: &[String]) {
        for g in groups {
            if !self.groups.contains(g) {
                fail(
                    file,
                    key,
                    &format!("unknown country group `{g}` (see data/groups.toml)"),
                );
            }
        }
    }

    /// A set of places: known groups and codes, and either `worldwide` or a list, not both.
    fn place(&mut self, file: &str, key: &str, p: &PlaceIn) -> String {
        self.check_groups(file, key, &p.groups);
        self.check_groups(file, key, &p.exclude);
        self.check_codes(file, key, &p.codes);
        let listed = !(p.groups.is_empty() && p.codes.is_empty());
        if p.worldwide && listed {
            fail(
                file,
                key,
                "a worldwide place cannot also list groups or codes",
            );
        }
        if !p.worldwide && !listed {
            fail(
                file,
                key,
                "a place needs `worldwide = true`, `groups` or `codes`",
            );
        }
        if p.assumed.iter().any(|c| !p.codes.contains(c)) {
            fail(file, key, "every code in `assumed` must also be in `codes`");
        }
        let cite = self.cite(file, key, &p.cite);
        format!(
            "Place {{ groups: {}, codes: {}, assumed: {}, exclude: {}, worldwide: {}, drop: &[], cite: {cite} }}",
            strs(&p.groups),
            strs(&p.codes),
            strs(&p.assumed),
            strs(&p.exclude),
            p.worldwide
        )
    }

    fn review(&mut self, file: &str, key: &str, policy: &str, cite: &CiteIn) -> String {
        let cite = self.cite(file, key, cite);
        let policy = policy_lit(file, key, policy);
        format!("Review {{ policy: {policy}, cite: {cite} }}")
    }

    fn note(&mut self, file: &str, key: &str, n: &NoteIn) -> String {
        let cite = self.cite(file, key, &n.cite);
        let from = match &n.from {
            Some(d) => format!("Some({})", date_lit(date(file, key, d))),
            None => "None".into(),
        };
        format!(
            "Note {{ text: {}, cite: {cite}, from: {from} }}",
            lit(&n.text)
        )
    }
}

/// A review policy id as the Rust expression of its variant.
fn policy_lit(file: &str, key: &str, id: &str) -> String {
    match vocab::ReviewPolicy::from_id(id) {
        Some(p) => format!("ReviewPolicy::{p:?}"),
        None => {
            let known: Vec<&str> = vocab::ReviewPolicy::ALL.iter().map(|p| p.id()).collect();
            fail(
                file,
                key,
                &format!("policy `{id}` is not one of {}", known.join(", ")),
            )
        }
    }
}

/// A stated 3A090 class by its id.
fn stated_class(file: &str, key: &str, id: &str) -> vocab::StatedClass {
    vocab::StatedClass::from_id(id).unwrap_or_else(|| {
        fail(
            file,
            key,
            &format!("stated_class `{id}` is not 3A090.a, 3A090.b or not 3A090"),
        )
    })
}

/// A membership's `[from, until)` range; `None` is open-ended.
type Span = (Option<Date>, Option<Date>);

fn source_ident(key: &str) -> String {
    format!("SOURCE_{}", key.to_uppercase())
}

/// Runs the checks file by file, in dependency order: sources before anything that cites them,
/// countries before groups, groups and chips before the regimes that name them.
fn main() {
    for path in [
        "build.rs",
        "src/date.rs",
        "src/decimal.rs",
        "src/vocab.rs",
        "src/fold.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let mut g = Gen {
        out: String::from("// Generated by build.rs from data/*.toml. Do not edit.\n"),
        sources: BTreeMap::new(),
        titles_shown: BTreeSet::new(),
        countries: BTreeMap::new(),
        groups: BTreeSet::new(),
        cites: HashMap::new(),
        cite_text: String::new(),
    };
    sources(&mut g);
    countries(&mut g);
    groups(&mut g);
    classification(&mut g);
    let chip_ids = chips(&mut g);
    let regimes = regimes(&mut g, &chip_ids);
    contested(&mut g);
    claims(&mut g, &regimes, &chip_ids);
    dataset(&mut g);
    titles(&mut g);
    let _ = writeln!(g.out, "pub static CITE_TEXT: &str = {};", lit(&g.cite_text));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| fail("OUT_DIR", "(env)", &e.to_string()));
    let dest = Path::new(&out).join("data.rs");
    std::fs::write(&dest, g.out)
        .unwrap_or_else(|e| fail("OUT_DIR/data.rs", "(write)", &e.to_string()));
}

// ---- one function per data file ------------------------------------------------------------------

/// An import duty on chips in a band of TPP and DRAM bandwidth: context, not an export control.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TariffIn {
    from: String,
    rate_percent: ParamIn,
    tpp_above: ParamIn,
    tpp_below: ParamIn,
    dram_above: ParamIn,
    dram_below: ParamIn,
    text: String,
    cite: CiteIn,
}

fn tariff(g: &mut Gen, f: &str, i: usize, t: &TariffIn) -> String {
    let key = format!("tariffs[{i}]");
    let from = date(f, &key, &t.from);
    let lo_hi = [(&t.tpp_above, &t.tpp_below), (&t.dram_above, &t.dram_below)];
    if lo_hi
        .iter()
        .any(|(a, b)| dec(f, &key, &a.value) >= dec(f, &key, &b.value))
    {
        fail(
            f,
            &key,
            "each band's lower line must be below its upper line",
        );
    }
    let p = |g: &mut Gen, name: &str, v: &ParamIn| g.param(f, &format!("{key}.{name}"), v);
    format!(
        "Tariff {{ from: {}, rate_percent: {}, tpp_above: {}, tpp_below: {}, dram_above: {}, dram_below: {}, text: {}, cite: {} }}",
        date_lit(from),
        p(g, "rate_percent", &t.rate_percent),
        p(g, "tpp_above", &t.tpp_above),
        p(g, "tpp_below", &t.tpp_below),
        p(g, "dram_above", &t.dram_above),
        p(g, "dram_below", &t.dram_below),
        lit(&t.text),
        g.cite(f, &key, &t.cite)
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatasetIn {
    version: String,
    checked: String,
    sources_reach: String,
    note: String,
}

/// `dataset.toml`: the version every answer carries, and the day the sources were last checked.
fn dataset(g: &mut Gen) {
    let f = "data/dataset.toml";
    println!("cargo:rerun-if-changed={f}");
    let d: DatasetIn = read(f);
    let checked = date(f, "checked", &d.checked);
    let reach = date(f, "sources_reach", &d.sources_reach);
    if reach > checked {
        fail(
            f,
            "sources_reach",
            "the sources cannot reach past the day they were checked",
        );
    }
    if d.version.trim().is_empty() {
        fail(f, "version", "give the dataset a version");
    }
    let changelog = std::fs::read_to_string("data/CHANGELOG.md")
        .unwrap_or_else(|e| fail("data/CHANGELOG.md", "(file)", &e.to_string()));
    println!("cargo:rerun-if-changed=data/CHANGELOG.md");
    if !changelog.contains(&format!("## {}", d.version)) {
        fail(
            f,
            "version",
            &format!("data/CHANGELOG.md has no `## {}` entry", d.version),
        );
    }
    let _ = writeln!(
        g.out,
        "pub static DATASET: Dataset = Dataset {{ version: {}, checked: {}, sources_reach: {}, note: {} }};",
        lit(&d.version),
        date_lit(checked),
        date_lit(reach),
        lit(&d.note)
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingIn {
    id: String,
    short: String,
    label: String,
    cite: CiteIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContestedIn {
    id: String,
    question: String,
    #[serde(default)]
    reading: Vec<ReadingIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContestedFile {
    fact: Vec<ContestedIn>,
}

/// `contested.toml`: every contested fact the engine knows, once, with at least two readings
/// (a chip's TPP readings come from its `tpp_range` instead).
fn contested(g: &mut Gen) {
    let f = "data/contested.toml";
    let file: ContestedFile = read(f);
    let mut rows = Vec::new();
    let mut seen = BTreeSet::new();
    for c in &file.fact {
        let key = format!("fact `{}`", c.id);
        let Some(fact) = vocab::ContestedFact::from_id(&c.id) else {
            fail(
                f,
                &key,
                "unknown contested fact (see src/vocab.rs ContestedFact)",
            );
        };
        if !seen.insert(c.id.clone()) {
            fail(f, &key, "listed twice");
        }
        let from_chips = fact == vocab::ContestedFact::ChipTpp;
        if from_chips != c.reading.is_empty() || (!from_chips && c.reading.len() < 2) {
            fail(f, &key, "needs two or more readings (none for chip-tpp, whose readings are each chip's tpp_range)");
        }
        let mut readings = Vec::new();
        for r in &c.reading {
            let rkey = format!("{key}, reading `{}`", r.id);
            let cite = g.cite(f, &rkey, &r.cite);
            readings.push(format!(
                "Reading {{ id: {}, short: {}, label: {}, cite: {cite} }}",
                lit(&r.id),
                lit(&r.short),
                lit(&r.label)
            ));
        }
        rows.push(format!(
            "Contested {{ fact: ContestedFact::{fact:?}, question: {}, readings: &[{}] }}",
            lit(&c.question),
            readings.join(", ")
        ));
    }
    for fact in vocab::ContestedFact::ALL {
        if !seen.contains(fact.id()) {
            fail(
                f,
                fact.id(),
                "every contested fact the engine knows needs an entry",
            );
        }
    }
    println!("cargo:rerun-if-changed={f}");
    static_slice(g, "CONTESTED", "Contested", &rows);
}

/// `data/sources.toml`: every cited document once, so a citation is a key that must exist.
fn sources(g: &mut Gen) {
    let f = "data/sources.toml";
    let sources: SourcesFile = read(f);
    let mut list = Vec::new();
    let mut links = BTreeSet::new();
    for (key, s) in &sources.source {
        // The page's JSON download finds a source's title by its link (`titles`).
        if !links.insert(&s.url) {
            fail(f, key, "another source has the same url");
        }
        // An answer's eCFR links open the text of its date (`/on/DATE/`), which the download maps
        // back to `/current/` to find the title: a source may not link to a dated text itself.
        if s.url.starts_with("https://www.ecfr.gov/on/") {
            fail(
                f,
                key,
                "link the eCFR as https://www.ecfr.gov/current/..., not a dated /on/ text",
            );
        }
        let Some(grade) = vocab::Grade::from_id(&s.grade) else {
            fail(
                f,
                key,
                &format!("grade `{}` is not P, P-mirror or S", s.grade),
            );
        };
        if !s.url.starts_with("http") {
            fail(f, key, "url must be an http(s) address");
        }
        let Some(kind) = vocab::SourceKind::from_id(&s.kind) else {
            let ids: Vec<&str> = vocab::SourceKind::ALL.iter().map(|k| k.id()).collect();
            fail(
                f,
                key,
                &format!("kind `{}` is not one of {}", s.kind, ids.join(", ")),
            );
        };
        check_source_kind(f, key, s, kind, grade);
        if s.publisher.trim().is_empty() {
            fail(f, key, "publisher is empty");
        }
        // `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
        let when = match s.date.as_deref() {
            None => "None".into(),
            Some(d) if d.len() == 7 => {
                let (y, m, _) = date(f, key, &format!("{d}-01")).ymd();
                format!("Some(Published::Month {{ year: {y}, month: {m} }})")
            }
            Some(d) => format!("Some(Published::Day({}))", date_lit(date(f, key, d))),
        };
        let ident = source_ident(key);
        let _ = writeln!(
            g.out,
            "pub static {ident}: Source = Source {{ title: TITLE_{ident}, url: {}, grade: Grade::{grade:?}, publisher: {}, kind: SourceKind::{kind:?}, date: {when} }};",
            lit(&s.url),
            lit(&s.publisher),
        );
        list.push(format!("&{ident}"));
        g.sources.insert(key.clone(), s.title.clone());
    }
    static_slice(g, "SOURCES", "&Source", &list);
}

/// Each source's title, once every citation has been read: in every build for a source that
/// some citation names without a CFR paragraph or FR page (answers show it as that citation's
/// `about`), otherwise only with the `notes` feature. The page's engine never shows the others;
/// its JSON download fills them in from `chip-research.json`.
fn titles(g: &mut Gen) {
    let mut consts = String::new();
    for (key, title) in &g.sources {
        let (ident, some) = (source_ident(key), format!("Some({})", lit(title)));
        let _ = if g.titles_shown.contains(key) {
            writeln!(consts, "const TITLE_{ident}: Option<&str> = {some};")
        } else {
            writeln!(
                consts,
                "#[cfg(feature = \"notes\")]\nconst TITLE_{ident}: Option<&str> = {some};\n#[cfg(not(feature = \"notes\"))]\nconst TITLE_{ident}: Option<&str> = None;"
            )
        };
    }
    g.out.push_str(&consts);
}

/// A link labelled as a regulation must open the regulation: the kind of a source and its link
/// and grade must agree. The eCFR's `current` form is required so that answers can link to the
/// text in force on their date (`wire` turns `/current/` into `/on/YYYY-MM-DD/`).
fn check_source_kind(
    f: &str,
    key: &str,
    s: &SourceIn,
    kind: vocab::SourceKind,
    grade: vocab::Grade,
) {
    use vocab::{Grade, SourceKind};
    let host = s
        .url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or("");
    let misplaced = match kind {
        SourceKind::Regulation => !s.url.starts_with("https://www.ecfr.gov/current/title-15/"),
        SourceKind::FederalRegister => {
            !matches!(host, "www.federalregister.gov" | "www.govinfo.gov")
        }
        _ => false,
    };
    if misplaced {
        fail(
            f,
            key,
            &format!(
                "a `{}` source must link to {}, not {}",
                kind.id(),
                if kind == SourceKind::Regulation {
                    "the eCFR as https://www.ecfr.gov/current/title-15/..."
                } else {
                    "www.federalregister.gov or www.govinfo.gov"
                },
                s.url
            ),
        );
    }
    if kind.is_commentary() && grade != Grade::Secondary {
        fail(
            f,
            key,
            &format!("a `{}` source can only be graded S", kind.id()),
        );
    }
    if grade == Grade::PrimaryMirror && kind != SourceKind::Regulation {
        fail(
            f,
            key,
            "P-mirror means eCFR text, so its kind must be `regulation`",
        );
    }
}

/// `data/countries.toml`: codes must be well formed and unique, and nothing a reader types may
/// lead to two countries: every code, numeric code, name and alias is compared the way
/// `country::find` compares it (folded: case, accents, curly quotes, spacing).
fn countries(g: &mut Gen) {
    let f = "data/countries.toml";
    let countries: CountriesFile = read(f);
    let mut keys = Vec::new();
    let mut numerics = BTreeSet::new();
    let mut rows = Vec::new();
    let mut uncounted = Vec::new();
    let mut text = String::new();
    for c in &countries.country {
        let key = format!("country `{}`", c.code);
        if c.code.len() != 2 || !c.code.chars().all(|ch| ch.is_ascii_uppercase()) {
            fail(f, &key, "code must be two upper-case letters");
        }
        if g.countries.insert(c.code.clone(), rows.len()).is_some() {
            fail(f, &key, "duplicate code");
        }
        if c.numeric.len() != 3
            || !c.numeric.chars().all(|ch| ch.is_ascii_digit())
            || !numerics.insert(c.numeric.clone())
        {
            fail(
                f,
                &key,
                &format!("numeric `{}` must be three digits and unique", c.numeric),
            );
        }
        let mut own: Keys = vec![
            (fold::fold(&c.code), format!("code `{}`", c.code)),
            (c.numeric.clone(), format!("numeric code `{}`", c.numeric)),
        ];
        for n in std::iter::once(&c.name).chain(&c.aliases) {
            own.push((fold::fold(n), format!("name or alias `{n}`")));
        }
        keys.push((c.code.clone(), own));
        if c.uncounted.as_deref().is_some_and(|w| w.trim().is_empty()) {
            fail(f, &key, "`uncounted` must say why");
        }
        if std::iter::once(&c.name)
            .chain(&c.aliases)
            .any(|n| n.is_empty() || n.contains('|'))
        {
            fail(
                f,
                &key,
                "names and aliases must be non-empty and without `|` (the packing's separator)",
            );
        }
        if let Some(why) = &c.uncounted {
            uncounted.push(format!("({}, {})", lit(&c.code), lit(why)));
        }
        // One run of the shared text per entry, read back by `model::Country`'s accessors.
        let names = std::iter::once(&c.name)
            .chain(&c.aliases)
            .cloned()
            .collect::<Vec<_>>();
        let start = text.len();
        text.push_str(&format!("{}{}{}", c.code, c.numeric, names.join("|")));
        let span = [start, text.len()]
            .map(|at| offset(f, &key, at, "the countries' text", "`Country`'s offsets"));
        rows.push(format!(
            "Country {{ start: {}, end: {} }}",
            span[0], span[1]
        ));
    }
    let _ = writeln!(g.out, "pub static COUNTRY_TEXT: &str = {};", lit(&text));
    check_collisions(f, "country", &keys);
    static_slice(g, "COUNTRIES", "Country", &rows);
    static_slice(g, "UNCOUNTED", "(&str, &str)", &uncounted);
    ambiguous(g, f, &countries.ambiguous, &keys);
}

/// The `[[ambiguous]]` names of `data/countries.toml`: each means at least two distinct, known
/// entries, and is looked up (folded as `country::find` folds) as nothing else: not a country's
/// code, name or alias (that entry would win silently), nor another ambiguous name.
fn ambiguous(g: &mut Gen, f: &str, list: &[AmbiguousIn], countries: &[(String, Keys)]) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut rows = Vec::new();
    for a in list {
        let key = format!("ambiguous `{}`", a.name);
        let folded = fold::fold(&a.name);
        if folded.is_empty() {
            fail(f, &key, "name is empty");
        }
        if let Some(other) = seen.insert(folded.clone(), &a.name) {
            fail(
                f,
                &key,
                &format!("looked up as `{folded}`, as is ambiguous name `{other}`"),
            );
        }
        if a.means.len() < 2 {
            fail(f, &key, "`means` needs at least two codes");
        }
        g.check_codes(f, &key, &a.means);
        let distinct: BTreeSet<&String> = a.means.iter().collect();
        if distinct.len() != a.means.len() {
            fail(f, &key, "`means` repeats a code");
        }
        for (code, keys) in countries {
            if let Some((_, words)) = keys.iter().find(|(k, _)| *k == folded) {
                fail(
                    f,
                    &key,
                    &format!("looked up as `{folded}`, as is the {words} of country `{code}`: remove one"),
                );
            }
        }
        rows.push(format!(
            "Ambiguous {{ name: {}, means: {} }}",
            lit(&a.name),
            strs(&a.means)
        ));
    }
    static_slice(g, "AMBIGUOUS", "Ambiguous", &rows);
}

/// Emits `pub static NAME: &[TYPE] = &[rows];`, one row per line.
fn static_slice<S: AsRef<str>>(g: &mut Gen, name: &str, ty: &str, rows: &[S]) {
    let rows: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
    let _ = writeln!(
        g.out,
        "pub static {name}: &[{ty}] = &[\n{}\n];",
        rows.join(",\n")
    );
}

/// `data/groups.toml`: the origin, "treated as" rules, country notes and the dated groups.
fn groups(g: &mut Gen) {
    let f = "data/groups.toml";
    let groups: GroupsFile = read(f);
    g.check_codes(f, "origin", std::slice::from_ref(&groups.origin));
    let _ = writeln!(g.out, "pub static ORIGIN: &str = {};", lit(&groups.origin));
    let mut rows = Vec::new();
    for t in &groups.treated_as {
        let key = format!("treated_as `{}`", t.code);
        g.check_codes(f, &key, &[t.code.clone(), t.as_code.clone()]);
        let cite = g.cite(f, &key, &t.cite);
        rows.push(format!(
            "TreatedAs {{ code: {}, as_code: {}, cite: {cite} }}",
            lit(&t.code),
            lit(&t.as_code)
        ));
    }
    static_slice(g, "TREATED_AS", "TreatedAs", &rows);
    let mut rows = Vec::new();
    for n in &groups.note {
        let key = format!("note `{}`", n.code);
        g.check_codes(f, &key, std::slice::from_ref(&n.code));
        let cite = g.cite(f, &key, &n.cite);
        let from = match &n.from {
            Some(d) => format!("Some({})", date_lit(date(f, &key, d))),
            None => "None".into(),
        };
        rows.push(format!(
            "CountryNote {{ code: {}, text: {}, cite: {cite}, from: {from} }}",
            lit(&n.code),
            lit(&n.text)
        ));
    }
    static_slice(g, "COUNTRY_NOTES", "CountryNote", &rows);
    let rows: Vec<String> = groups.group.iter().map(|grp| group(g, f, grp)).collect();
    static_slice(g, "GROUPS", "Group", &rows);
}

/// One country group: its whole-period members, then its dated changes. A code's memberships may
/// not overlap, or a date would have two answers.
fn group(g: &mut Gen, f: &str, grp: &GroupIn) -> String {
    let key = format!("group `{}`", grp.id);
    if !g.groups.insert(grp.id.clone()) {
        fail(f, &key, "duplicate group id");
    }
    g.check_codes(f, &key, &grp.members);
    let cite = g.cite(f, &key, &grp.cite);
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut members = Vec::new();
    for m in &grp.members {
        spans.entry(m).or_default().push((None, None));
        members.push(format!(
            "Membership {{ country: {}, from: None, until: None, cite: {cite} }}",
            g.country_index(f, &key, m)
        ));
    }
    for ch in &grp.changes {
        let ckey = format!("{key}, change for `{}`", ch.code);
        members.push(membership_change(g, f, &ckey, ch, &mut spans));
    }
    format!(
        "Group {{ id: {}, name: {}, cite: {cite}, members: &[\n{}\n] }}",
        lit(&grp.id),
        lit(&grp.name),
        members.join(",\n")
    )
}

/// A dated join or departure, checked against the code's other spans in the same group.
fn membership_change<'a>(
    g: &mut Gen,
    f: &str,
    ckey: &str,
    ch: &'a ChangeIn,
    spans: &mut BTreeMap<&'a str, Vec<Span>>,
) -> String {
    g.check_codes(f, ckey, std::slice::from_ref(&ch.code));
    let from = ch.from.as_deref().map(|s| date(f, ckey, s));
    let until = ch.until.as_deref().map(|s| date(f, ckey, s));
    if from.is_none() && until.is_none() {
        fail(
            f,
            ckey,
            "a change needs `from` or `until` (else list the code in `members`)",
        );
    }
    if let (Some(a), Some(b)) = (from, until) {
        if a >= b {
            fail(f, ckey, "`from` must come before `until`");
        }
    }
    let list = spans.entry(&ch.code).or_default();
    for (a, b) in list.iter() {
        let overlaps = from.is_none_or(|x| b.is_none_or(|b| x < b))
            && until.is_none_or(|y| a.is_none_or(|a| a < y));
        if overlaps {
            fail(
                f,
                ckey,
                "membership dates overlap another entry for the same code",
            );
        }
    }
    list.push((from, until));
    let ccite = g.cite(f, ckey, &ch.cite);
    let opt_date = |d: Option<Date>| d.map_or("None".into(), |d| format!("Some({})", date_lit(d)));
    format!(
        "Membership {{ country: {}, from: {}, until: {}, cite: {ccite} }}",
        g.country_index(f, ckey, &ch.code),
        opt_date(from),
        opt_date(until)
    )
}

/// `data/classification.toml`: the 3A090 thresholds; a zero would make every chip pass or fail.
fn classification(g: &mut Gen) {
    let f = "data/classification.toml";
    let c: ClassificationFile = read(f);
    let fields = [
        ("h100_tpp", &c.h100_tpp),
        ("a1_tpp", &c.a1_tpp),
        ("a2_tpp", &c.a2_tpp),
        ("a2_pd", &c.a2_pd),
        ("b1_tpp_min", &c.b1_tpp_min),
        ("b1_pd_min", &c.b1_pd_min),
        ("b2_tpp", &c.b2_tpp),
        ("b2_pd_min", &c.b2_pd_min),
        ("non_datacenter_tpp", &c.non_datacenter_tpp),
    ];
    let mut parts = vec![format!("tpp_cite: {}", g.cite(f, "tpp_cite", &c.tpp_cite))];
    for (name, p) in fields {
        let expr = g.param(f, name, p);
        if dec(f, name, &p.value).is_zero() {
            fail(f, name, "a threshold cannot be zero");
        }
        parts.push(format!("{name}: {expr}"));
    }
    let _ = writeln!(
        g.out,
        "pub static CLASSIFICATION: Classification = Classification {{ {} }};",
        parts.join(", ")
    );
}

/// `data/chips.toml`: the catalog. Id, CSV id and aliases are compared the way `chip::find`
/// compares them (squashed: folded, without spaces, hyphens, underscores or dots). Returns the chip
/// ids, which regimes may name.
fn chips(g: &mut Gen) -> BTreeSet<String> {
    let f = "data/chips.toml";
    let chips: ChipsFile = read(f);
    let mut keys = Vec::new();
    let mut chip_ids = BTreeSet::new();
    let mut rows = Vec::new();
    for ch in &chips.chip {
        let key = format!("chip `{}`", ch.id);
        if !chip_ids.insert(ch.id.clone()) {
            fail(f, &key, "duplicate id");
        }
        let mut own: Keys = vec![
            (fold::squash(&ch.id), format!("id `{}`", ch.id)),
            (fold::squash(&ch.csv_id), format!("csv_id `{}`", ch.csv_id)),
        ];
        for n in &ch.aliases {
            own.push((fold::squash(n), format!("alias `{n}`")));
        }
        keys.push((ch.id.clone(), own));
        rows.push(chip(f, &key, ch));
    }
    check_collisions(f, "chip", &keys);
    static_slice(g, "CHIPS", "ChipEntry", &rows);
    chip_ids
}

/// One catalog entry: a chip needs figures to measure or a class its maker states, and a source.
fn chip(f: &str, key: &str, ch: &ChipIn) -> String {
    let datacenter = match ch.datacenter.as_str() {
        "yes" => "Datacenter::Yes",
        "no" => "Datacenter::No",
        "ambiguous" => "Datacenter::Ambiguous",
        other => fail(
            f,
            key,
            &format!("datacenter `{other}` is not yes, no or ambiguous"),
        ),
    };
    if ch.precisions.is_empty() && ch.stated_class.is_none() {
        fail(
            f,
            key,
            "a chip needs throughput figures or a `stated_class`",
        );
    }
    if ch.sources.is_empty() {
        fail(f, key, "a chip needs at least one source");
    }
    let names = packed_text(f, key, ch);
    // An answer names a chip's source by its link's host, read after this prefix.
    if let Some(s) = ch
        .sources
        .iter()
        .find(|s| !s.url.starts_with("https://") && !s.url.starts_with("http://"))
    {
        fail(
            f,
            key,
            &format!("source url `{}` must be an http(s) address", s.url),
        );
    }
    let precs: Vec<String> = ch.precisions.iter().map(|p| precision(f, key, p)).collect();
    let opt_dec = |v: &Option<String>| match v {
        Some(s) => format!("Some({})", dec_lit(dec(f, key, s))),
        None => "None".into(),
    };
    let range = match &ch.tpp_range {
        Some([lo, hi]) => {
            let (lo, hi) = (dec(f, key, lo), dec(f, key, hi));
            if lo >= hi || ch.tpp_alternatives.is_none() {
                fail(
                    f,
                    key,
                    "tpp_range needs low < high, and tpp_alternatives to say why",
                );
            }
            format!("Some(({}, {}))", dec_lit(lo), dec_lit(hi))
        }
        None => "None".into(),
    };
    let srcs: Vec<String> = ch
        .sources
        .iter()
        .map(|s| {
            format!(
                "ChipSource {{ about: {}, url: {} }}",
                lit(&s.about),
                lit(&s.url)
            )
        })
        .collect();
    format!(
        "ChipEntry {{ text: {}, year: {}, datacenter: {datacenter}, precisions: &[{}], die_area: {}, die_area_uncertain: {}, dram_bandwidth: {}, memory_gb: {}, tpp_range: {range}, #[cfg(feature = \"notes\")] notes: {}, stated_class: {}, #[cfg(feature = \"notes\")] other_sources: &[{}], #[cfg(feature = \"notes\")] verification: {} }}",
        lit(&names),
        ch.year,
        precs.join(", "),
        opt_dec(&ch.die_area_mm2),
        ch.die_area_uncertain,
        opt_dec(&ch.dram_bandwidth_gbs),
        opt_dec(&ch.memory_gb),
        lit(&ch.notes),
        match &ch.stated_class {
            Some(sc) => format!("Some(StatedClass::{:?})", stated_class(f, key, sc)),
            None => "None".into(),
        },
        srcs.get(1..).unwrap_or_default().join(", "),
        lit(&ch.verification)
    )
}

/// A chip's id, CSV id, vendor, model, variant, what is uncertain, other TPP readings, first
/// source (figure and link) and aliases packed into one text, `|` between them, read back by
/// `model::ChipEntry`'s accessors (one pointer per chip instead of one per field). An empty
/// uncertainty or reading is none, so the data may not give an empty one.
fn packed_text(f: &str, key: &str, ch: &ChipIn) -> String {
    let first = ch.sources.first();
    let texts = [&ch.uncertain, &ch.tpp_alternatives];
    let fields: Vec<&str> = [&ch.id, &ch.csv_id, &ch.vendor, &ch.model, &ch.variant]
        .into_iter()
        .map(String::as_str)
        .chain(texts.iter().map(|t| t.as_deref().unwrap_or_default()))
        .chain(first.map(|s| s.about.as_str()))
        .chain(first.map(|s| s.url.as_str()))
        .chain(ch.aliases.iter().map(String::as_str))
        .collect();
    if fields.iter().any(|n| n.contains('|'))
        || ch.aliases.iter().any(String::is_empty)
        || texts.iter().any(|t| t.as_deref() == Some(""))
    {
        fail(
            f,
            key,
            "names, aliases, uncertain, tpp_alternatives and the first source must be without `|` (the packing's separator); aliases, uncertain and tpp_alternatives non-empty",
        );
    }
    fields.join("|")
}

/// One throughput figure; zero bits or a zero figure would make TPP meaningless.
fn precision(f: &str, key: &str, p: &PrecisionIn) -> String {
    let d = dec(f, key, &p.dense);
    if p.bits == 0 || p.bits > 64 || d.is_zero() {
        fail(
            f,
            key,
            &format!(
                "precision {} needs 1-64 bits and a non-zero figure",
                p.format
            ),
        );
    }
    format!(
        "Precision {{ format: {}, bits: {}, dense: {} }}",
        lit(&p.format),
        p.bits,
        dec_lit(d)
    )
}

// ---- provisions: `use` and `extends` --------------------------------------------------------------

/// The fields that name and date a regime: `extends` never inherits them, each regime states its own.
const IDENTITY: [&str; 12] = [
    "id",
    "name",
    "short_name",
    "effective",
    "as_of",
    "hypothetical",
    "unenforced",
    "headline_label",
    "caveat",
    "summary",
    "cite",
    "compliance",
];

/// The shared provisions of `data/provisions.toml`, by kind then name (`scope.d145_excluding_a5a6`
/// is `[scope.d145_excluding_a5a6]`), and the ids that some regime used.
struct Provisions {
    file: String,
    table: toml::Table,
    used: BTreeSet<String>,
}

impl Provisions {
    fn read(file: &str) -> Self {
        let table: toml::Table = read(file);
        for (kind, v) in &table {
            let ok = v
                .as_table()
                .is_some_and(|t| t.values().all(toml::Value::is_table));
            if !ok {
                fail(
                    file,
                    kind,
                    "expected `[kind.name]` tables, one per provision",
                );
            }
        }
        Provisions {
            file: file.into(),
            table,
            used: BTreeSet::new(),
        }
    }

    /// The provision `kind.name` as written; `file` and `key` say who asked, for the message.
    fn get(&mut self, file: &str, key: &str, id: &str) -> toml::Table {
        let found = id
            .split_once('.')
            .and_then(|(kind, name)| self.table.get(kind)?.get(name)?.as_table());
        let Some(t) = found else {
            fail(
                file,
                key,
                &format!("unknown provision `{id}` (see {})", self.file),
            )
        };
        self.used.insert(id.to_string());
        t.clone()
    }

    /// A provision no regime uses is dead data or the target of a mistyped id: either way, say so.
    fn check_all_used(&self) {
        for (kind, v) in &self.table {
            for name in v.as_table().into_iter().flat_map(|t| t.keys()) {
                let id = format!("{kind}.{name}");
                if !self.used.contains(&id) {
                    fail(&self.file, &id, "no regime uses this provision");
                }
            }
        }
    }
}

/// A regime file as one plain table: its `extends` chain and every `use` in it resolved. `chain`
/// holds the regimes being resolved, so that an `extends` cycle fails instead of recursing forever.
fn resolve_regime(
    lib: &mut Provisions,
    raws: &BTreeMap<String, (String, toml::Table)>,
    id: &str,
    chain: &mut Vec<String>,
) -> toml::Table {
    let Some((file, raw)) = raws.get(id) else {
        fail("data/regimes", id, "no such regime file")
    };
    let mut raw = raw.clone();
    let mut base = toml::Table::new();
    if let Some(parent) = raw.remove("extends") {
        let Some(parent) = parent.as_str() else {
            fail(file, "extends", "`extends` takes a regime id")
        };
        if !raws.contains_key(parent) {
            fail(file, "extends", &format!("unknown regime `{parent}`"));
        }
        chain.push(id.to_string());
        if chain.iter().any(|c| c == parent) {
            fail(
                file,
                "extends",
                &format!("`extends` cycle: {} → {parent}", chain.join(" → ")),
            );
        }
        base = resolve_regime(lib, raws, parent, chain);
        chain.pop();
        for k in IDENTITY {
            base.remove(k);
        }
    }
    Resolve {
        lib,
        file,
        stack: Vec::new(),
    }
    .merge("", &mut base, raw);
    base
}

/// Resolves `use` within one file. `stack` holds the provision ids being resolved (a cycle check).
///
/// This is the whole provision model, kept in one place so that a user's scenario (a regime with
/// overrides) can be resolved and then checked exactly like the data.
struct Resolve<'a> {
    lib: &'a mut Provisions,
    file: &'a str,
    stack: Vec<String>,
}

impl Resolve<'_> {
    /// The one merge rule, for `use` overrides and `extends` alike: tables merge key by key; a
    /// `cite` table and a table with its own `use` replace what they override whole (a citation is
    /// one statement about one source, never half of two); arrays and plain values replace;
    /// `false` over a table removes it. A key
    /// the regime shapes do not have fails later, when the result is read (`deny_unknown_fields`).
    fn merge(&mut self, key: &str, base: &mut toml::Table, over: toml::Table) {
        for (k, v) in over {
            let at = if key.is_empty() {
                k.clone()
            } else {
                format!("{key}.{k}")
            };
            let replaces = k == "cite" || v.get("use").is_some();
            match (base.get_mut(&k), v) {
                // `key = false` over an inherited provision drops it: a regime may lack one its
                // parent has (the AI Diffusion rule as codified has no company letters).
                (Some(toml::Value::Table(_)), toml::Value::Boolean(false)) => {
                    base.remove(&k);
                }
                (Some(toml::Value::Table(b)), toml::Value::Table(o)) if !replaces => {
                    self.merge(&at, b, o)
                }
                (_, v) => {
                    let v = self.value(&at, v);
                    base.insert(k, v);
                }
            }
        }
    }

    /// `v` with every `use` in it replaced by its provision, overrides applied.
    fn value(&mut self, key: &str, v: toml::Value) -> toml::Value {
        match v {
            toml::Value::Table(mut t) => {
                let mut base = match t.remove("use") {
                    Some(id) => self.provision(key, &id),
                    None => toml::Table::new(),
                };
                self.merge(key, &mut base, t);
                toml::Value::Table(base)
            }
            toml::Value::Array(items) => toml::Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, x)| self.value(&format!("{key}[{i}]"), x))
                    .collect(),
            ),
            v => v,
        }
    }

    /// The provision named by a `use`, itself resolved (a provision may `use` another).
    fn provision(&mut self, key: &str, id: &toml::Value) -> toml::Table {
        let Some(id) = id.as_str() else {
            fail(
                self.file,
                key,
                "`use` takes a provision id such as \"scope.name\"",
            )
        };
        if self.stack.iter().any(|s| s == id) {
            fail(
                self.file,
                key,
                &format!("provision cycle: {} → {id}", self.stack.join(" → ")),
            );
        }
        let at = match self.stack.last() {
            Some(outer) => format!("{key} (in provision `{outer}`)"),
            None => key.to_string(),
        };
        let provision = self.lib.get(self.file, &at, id);
        self.stack.push(id.to_string());
        let resolved = self.value(key, toml::Value::Table(provision));
        self.stack.pop();
        match resolved {
            toml::Value::Table(t) => t,
            _ => toml::Table::new(),
        }
    }
}

// ---- regimes -------------------------------------------------------------------------------------

/// A regime as generated: its effective date, whether it is hypothetical or unenforced, its Rust
/// expression, id.
struct RegimeOut {
    effective: Date,
    as_of: Date,
    hypothetical: bool,
    unenforced: bool,
    expr: String,
    id: String,
    /// The kinds of threshold it has, as `convert::Kind::slug` names them (claims name them).
    thresholds: BTreeSet<String>,
    /// It has tiers.
    tiered: bool,
    /// It has a compliance date.
    compliance: bool,
}

/// `data/regimes/*.toml`: one regime per file, named by its id, written as provisions of
/// `data/provisions.toml` and an optional regime it `extends` (see [`Resolve`]). Real regimes follow
/// one another: each one's `as_of` is the day before the next takes effect.
fn regimes(g: &mut Gen, chip_ids: &BTreeSet<String>) -> Vec<RegimeOut> {
    let dir = "data/regimes";
    println!("cargo:rerun-if-changed={dir}");
    let mut lib = Provisions::read("data/provisions.toml");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| fail(dir, "(folder)", &e.to_string()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    // Raw tables by file stem, so that `extends` can name any regime whatever the reading order.
    let mut raws: BTreeMap<String, (String, toml::Table)> = BTreeMap::new();
    for path in &paths {
        let f = path.to_string_lossy().to_string();
        let stem = Path::new(&f)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let raw: toml::Table = read(&f);
        raws.insert(stem, (f, raw));
    }
    let mut regimes: Vec<RegimeOut> = Vec::new();
    for (stem, (f, _)) in &raws {
        let resolved = resolve_regime(&mut lib, &raws, stem, &mut Vec::new());
        let r: RegimeIn = toml::Value::Table(resolved)
            .try_into()
            .unwrap_or_else(|e| fail(f, "(with its provisions resolved)", &e.to_string()));
        if *stem != r.id {
            fail(
                f,
                "id",
                &format!("id `{}` must match the file name `{stem}`", r.id),
            );
        }
        regimes.push(regime(g, f, &r, chip_ids));
    }
    lib.check_all_used();
    // By date, the unenforced text last: lists in data order (the country card) read as a history
    // of the rules, with the text on the books after them.
    regimes.sort_by(|a, b| {
        (a.unenforced, a.effective, &a.id).cmp(&(b.unenforced, b.effective, &b.id))
    });
    check_succession(dir, &regimes);
    let rows: Vec<&str> = regimes.iter().map(|r| r.expr.as_str()).collect();
    static_slice(g, "REGIMES", "Regime", &rows);
    regimes
}

/// Real regimes in force one after another, sorted by effective date, must not share a date, and a
/// replaced regime's `as_of` is its last day: the regime list shows it as "in force until". An
/// unenforced text stands beside them, not in their succession.
fn check_succession(dir: &str, regimes: &[RegimeOut]) {
    let real: Vec<&RegimeOut> = regimes
        .iter()
        .filter(|r| !r.hypothetical && !r.unenforced)
        .collect();
    if real.is_empty() {
        fail(
            dir,
            "(folder)",
            "at least one real (non-hypothetical) regime is needed",
        );
    }
    for pair in real.windows(2) {
        if let [a, b] = pair {
            if a.effective == b.effective {
                fail(
                    dir,
                    &b.id,
                    &format!(
                        "real regimes `{}` and `{}` share an effective date",
                        a.id, b.id
                    ),
                );
            }
            if a.as_of.next_day() != b.effective {
                fail(
                    dir,
                    &a.id,
                    &format!(
                        "as_of must be the day before `{}` takes effect ({})",
                        b.id, b.effective
                    ),
                );
            }
        }
    }
}

/// One regime as a `Regime` expression. Citations are emitted in the order of the fields.
fn regime(g: &mut Gen, f: &str, r: &RegimeIn, chip_ids: &BTreeSet<String>) -> RegimeOut {
    let effective = date(f, "effective", &r.effective);
    let as_of = date(f, "as_of", &r.as_of);
    if as_of < effective {
        fail(f, "as_of", "as_of must not come before effective");
    }
    if r.unenforced && r.hypothetical {
        fail(
            f,
            "unenforced",
            "a hypothetical regime was never law, so it cannot be an unenforced one",
        );
    }
    if r.unenforced != r.headline_label.is_some() {
        fail(
            f,
            "headline_label",
            "an unenforced text needs a headline_label (what its answers start with), and only it",
        );
    }
    let cite = g.cite(f, "cite", &r.cite);
    let compliance = opt(&r.compliance, |c| {
        let day = date(f, "compliance.date", &c.date);
        if day < effective {
            fail(
                f,
                "compliance.date",
                "compliance cannot be due before the rule takes effect",
            );
        }
        let cite = g.cite(f, "compliance", &c.cite);
        format!("Dated {{ date: {}, cite: {cite} }}", date_lit(day))
    });
    let notes: Vec<String> = r
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| g.note(f, &format!("notes[{i}]"), n))
        .collect();
    let mut vnotes = Vec::new();
    for (i, n) in r.vendor_notes.iter().enumerate() {
        let c = g.cite(f, &format!("vendor_notes[{i}]"), &n.cite);
        vnotes.push(format!(
            "VendorNote {{ vendor: {}, text: {}, cite: {c} }}",
            lit(&n.vendor),
            lit(&n.text)
        ));
    }
    let scope_a = g.place(f, "scope_a", &r.scope_a);
    let scope_b = g.place(f, "scope_b", &r.scope_b);
    let hq_rule = g.place(f, "hq_rule", &r.hq_rule);
    let embargo = g.place(f, "embargo", &r.embargo);
    let tiers = opt(&r.tiers, |t| tiers(g, f, t));
    let exceptions = exceptions(g, f, &r.exceptions);
    if r.allocation.is_some() && r.tiers.is_none() {
        fail(
            f,
            "allocation",
            "a country allocation needs tiers (it applies to Tier 2)",
        );
    }
    let allocation = opt(&r.allocation, |a| allocation(g, f, a));
    let review = reviews(g, f, &r.review, r.allocation.is_some());
    let is_informed = opt(&r.is_informed, |i| is_informed(g, f, i, chip_ids));
    let china_band = opt(&r.china_band, |b| china_band(g, f, b));
    let g2g = opt(&r.g2g_licensing, |n| g.note(f, "g2g_licensing", n));
    let tariffs: Vec<String> = r
        .tariffs
        .iter()
        .enumerate()
        .map(|(i, t)| tariff(g, f, i, t))
        .collect();
    let expr = format!(
        "Regime {{ id: {}, name: {}, short_name: {}, effective: {}, as_of: {}, hypothetical: {}, unenforced: {}, headline_label: {}, caveat: {}, summary: {}, cite: {cite}, compliance: {compliance}, notes: &[{}], vendor_notes: &[{}], scope_a: {scope_a}, scope_b: {scope_b}, hq_rule: {hq_rule}, embargo: {embargo}, tiers: {tiers}, exceptions: {exceptions}, allocation: {allocation}, review: {review}, is_informed: {is_informed}, china_band: {china_band}, g2g_licensing: {g2g}, tariffs: &[{}], scenario: None }}",
        lit(&r.id),
        lit(&r.name),
        lit(&r.short_name),
        date_lit(effective),
        date_lit(as_of),
        r.hypothetical,
        r.unenforced,
        opt_lit(&r.headline_label),
        opt_lit(&r.caveat),
        lit(&r.summary),
        notes.join(", "),
        vnotes.join(", "),
        tariffs.join(", ")
    );
    RegimeOut {
        effective,
        as_of,
        hypothetical: r.hypothetical,
        unenforced: r.unenforced,
        expr,
        id: r.id.clone(),
        thresholds: threshold_slugs(f, r),
        tiered: r.tiers.is_some(),
        compliance: r.compliance.is_some(),
    }
}

/// The threshold kinds of a regime, named as `convert::Kind::slug` names them at run time
/// (`tests/claims.rs` checks that every claim's threshold resolves, so the two cannot drift).
fn threshold_slugs(f: &str, r: &RegimeIn) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let e = &r.exceptions;
    if e.lpp.is_some() {
        out.insert("lpp".to_string());
    }
    if r.allocation.is_some() {
        out.extend(["allocation".to_string(), "allocation-g2g".to_string()]);
    }
    if e.aia.is_some() {
        out.insert("aia-report".to_string());
    }
    for s in e.nveu.iter().flat_map(|n| &n.schedule) {
        out.insert(format!("nveu-{}", date(f, "nveu.schedule", &s.from)));
    }
    if r.china_band.is_some() {
        out.insert("band-tpp".to_string());
    }
    for s in &r.review.by_size {
        out.insert(format!("size-{}", s.policy));
    }
    out
}

/// `Some(expr)` from an optional input, or `None`.
fn opt<T>(v: &Option<T>, mut f: impl FnMut(&T) -> String) -> String {
    match v {
        Some(x) => format!("Some({})", f(x)),
        None => "None".into(),
    }
}

fn tiers(g: &mut Gen, f: &str, t: &TiersIn) -> String {
    let t1 = g.place(f, "tiers.tier1", &t.tier1);
    let t3 = g.place(f, "tiers.tier3", &t.tier3);
    let c2 = g.cite(f, "tiers.tier2_cite", &t.tier2_cite);
    format!("Tiers {{ tier1: {t1}, tier3: {t3}, tier2_cite: {c2} }}")
}

/// The license exceptions, each optional.
fn exceptions(g: &mut Gen, f: &str, e: &ExceptionsIn) -> String {
    let nac = opt(&e.nac, |n| {
        let c = g.cite(f, "exceptions.nac", &n.cite);
        format!("Nac {{ notice_days: {}, cite: {c} }}", n.notice_days)
    });
    let aca = opt(&e.aca, |a| {
        let from = date(f, "exceptions.aca.from", &a.from);
        let place = g.place(f, "exceptions.aca.place", &a.place);
        format!("Aca {{ from: {}, place: {place} }}", date_lit(from))
    });
    let aia = opt(&e.aia, |a| {
        let p = g.param(f, "exceptions.aia.report_tpp", &a.report_tpp);
        let c = g.cite(f, "exceptions.aia", &a.cite);
        let (items, cc) = conditions(g, f, "exceptions.aia.conditions", &a.conditions);
        format!("Aia {{ report_tpp: {p}, cite: {c}, conditions: {items}, conditions_cite: {cc} }}")
    });
    let lpp = opt(&e.lpp, |l| {
        let p = g.param(f, "exceptions.lpp.limit", &l.limit);
        let contested = opt(&l.contested_place, |c| {
            g.place(f, "exceptions.lpp.contested_place", c)
        });
        format!(
            "Lpp {{ limit: {p}, name: {}, contested_place: {contested} }}",
            lit(&l.name)
        )
    });
    let uveu = opt(&e.uveu, |u| g.cite(f, "exceptions.uveu", &u.cite));
    let nveu = opt(&e.nveu, |n| nveu(g, f, n));
    format!(
        "Exceptions {{ nac: {nac}, aca: {aca}, aia: {aia}, lpp: {lpp}, uveu: {uveu}, nveu: {nveu} }}"
    )
}

/// The validated-end-user schedule: steps in date order, at least one.
fn nveu(g: &mut Gen, f: &str, n: &NveuIn) -> String {
    let c = g.cite(f, "exceptions.nveu", &n.cite);
    let mut prev: Option<Date> = None;
    let mut steps = Vec::new();
    for (i, s) in n.schedule.iter().enumerate() {
        let key = format!("exceptions.nveu.schedule[{i}]");
        let d = date(f, &key, &s.from);
        if prev.is_some_and(|p| p >= d) {
            fail(f, &key, "schedule dates must increase");
        }
        prev = Some(d);
        steps.push(format!(
            "Step {{ from: {}, tpp: {} }}",
            date_lit(d),
            dec_lit(dec(f, &key, &s.tpp))
        ));
    }
    if steps.is_empty() {
        fail(f, "exceptions.nveu.schedule", "the schedule is empty");
    }
    format!("Nveu {{ schedule: &[{}], cite: {c} }}", steps.join(", "))
}

/// The per-country cap, and with an agreement the raised cap, checked against its multiplier.
fn allocation(g: &mut Gen, f: &str, a: &AllocationIn) -> String {
    if let Some(m) = a.g2g_multiplier {
        let tpp = dec(f, "allocation.tpp", &a.tpp.value);
        let g2g = dec(f, "allocation.g2g_tpp", &a.g2g_tpp.value);
        if tpp.checked_mul_int(m) != Some(g2g) {
            fail(
                f,
                "allocation.g2g_tpp",
                &format!(
                    "must be g2g_multiplier ({m}) × tpp ({}), not {}",
                    a.tpp.value, a.g2g_tpp.value
                ),
            );
        }
    }
    let t = g.param(f, "allocation.tpp", &a.tpp);
    let d = g.param(f, "allocation.g2g_tpp", &a.g2g_tpp);
    format!(
        "Allocation {{ tpp: {t}, g2g_tpp: {d}, period: {} }}",
        lit(&a.period)
    )
}

/// The review policies; a regime with an allocation must say how licenses within and over it fare.
fn reviews(g: &mut Gen, f: &str, rv: &ReviewsIn, has_allocation: bool) -> String {
    let embargoed = g.review(
        f,
        "review.embargoed",
        &rv.embargoed.policy,
        &rv.embargoed.cite,
    );
    let allied = opt(&rv.allied_hq, |a| {
        let place = g.place(f, "review.allied_hq.place", &a.place);
        let rev = g.review(f, "review.allied_hq", &a.policy, &a.place.cite);
        format!("({place}, {rev})")
    });
    let mut review =
        |key: &str, r: &Option<ReviewIn>| opt(r, |x| g.review(f, key, &x.policy, &x.cite));
    let other = review("review.other", &rv.other);
    let alternative = match rv
        .other
        .as_ref()
        .and_then(|o| o.contested_alternative.as_ref())
    {
        Some(a) => format!(
            "Some({})",
            policy_lit(f, "review.other.contested_alternative", a)
        ),
        None => "None".into(),
    };
    let elsewhere = [
        &Some(&rv.embargoed),
        &rv.within_allocation.as_ref(),
        &rv.over_allocation.as_ref(),
    ];
    if elsewhere
        .iter()
        .any(|r| r.is_some_and(|r| r.contested_alternative.is_some()))
    {
        fail(
            f,
            "review",
            "only review.other may have a contested_alternative",
        );
    }
    let within = review("review.within_allocation", &rv.within_allocation);
    let over = review("review.over_allocation", &rv.over_allocation);
    let mut last: Option<decimal::Dec> = None;
    let mut ladder = Vec::new();
    for (i, s) in rv.by_size.iter().enumerate() {
        let key = format!("review.by_size[{i}]");
        let above = dec(f, &key, &s.above.value);
        if last.is_some_and(|l| l >= above) {
            fail(f, &key, "size steps must rise");
        }
        last = Some(above);
        let p = g.param(f, &key, &s.above);
        let counts = match s.counts.as_str() {
            "order" => "SizeCount::Order",
            "buyer-total" => "SizeCount::BuyerTotal",
            other => fail(
                f,
                &key,
                &format!("counts `{other}` is not `order` or `buyer-total`"),
            ),
        };
        ladder.push(format!(
            "SizeStep {{ counts: {counts}, above: {p}, policy: {} }}",
            policy_lit(f, &key, &s.policy)
        ));
    }
    if !rv.by_size.is_empty() && rv.other.is_none() {
        fail(
            f,
            "review.by_size",
            "a size ladder needs review.other for orders below its first step",
        );
    }
    if has_allocation && (rv.within_allocation.is_none() || rv.over_allocation.is_none()) {
        fail(
            f,
            "review",
            "a regime with an allocation needs review.within_allocation and review.over_allocation",
        );
    }
    format!(
        "ReviewPolicies {{ embargoed: {embargoed}, allied_hq: {allied}, other: {other}, other_alternative: {alternative}, by_size: &[{}], within_allocation: {within}, over_allocation: {over} }}",
        ladder.join(", ")
    )
}

/// Dated letters that reach named chips; every chip id must be in the catalog.
fn is_informed(g: &mut Gen, f: &str, i: &IsInformedIn, chip_ids: &BTreeSet<String>) -> String {
    for c in &i.chips {
        if !chip_ids.contains(c) {
            fail(
                f,
                "is_informed.chips",
                &format!("unknown chip id `{c}` (see data/chips.toml)"),
            );
        }
    }
    let from = date(f, "is_informed.from", &i.from);
    let place = g.place(f, "is_informed.place", &i.place);
    let hq = opt(&i.hq_place, |p| g.place(f, "is_informed.hq_place", p));
    format!(
        "IsInformed {{ chips: {}, place: {place}, hq_place: {hq}, from: {}, review: None }}",
        strs(&i.chips),
        date_lit(from)
    )
}

fn china_band(g: &mut Gen, f: &str, b: &ChinaBandIn) -> String {
    let place = g.place(f, "china_band.place", &b.place);
    let t = g.param(f, "china_band.max_tpp", &b.max_tpp);
    let d = g.param(f, "china_band.max_dram_gbs", &b.max_dram_gbs);
    let (items, cc) = conditions(g, f, "china_band.conditions", &b.conditions);
    format!(
        "ChinaBand {{ place: {place}, max_tpp: {t}, max_dram_gbs: {d}, policy: {}, conditions: {items}, conditions_cite: {cc} }}",
        policy_lit(f, "china_band.policy", &b.policy),
    )
}

/// A provision's conditions: at least one, and their citation.
fn conditions(g: &mut Gen, f: &str, key: &str, c: &ConditionsIn) -> (String, String) {
    if c.items.is_empty() {
        fail(f, key, "list at least one condition");
    }
    (strs(&c.items), g.cite(f, key, &c.cite))
}

// ---- claims ----------------------------------------------------------------------------------------

/// A day with its citation (a regime's compliance date).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedIn {
    date: String,
    cite: CiteIn,
}

/// One public claim: the quote, its source, how it is read, and what it asserts. Which of the
/// optional fields a claim needs depends on its `kind` (data/README.md has the shapes).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimIn {
    id: String,
    text: String,
    source: String,
    reading: String,
    uncertain: Option<String>,
    kind: String,
    regime: Option<String>,
    threshold: Option<String>,
    figure: Option<String>,
    unit: Option<String>,
    measure: Option<String>,
    approx: Option<bool>,
    tier: Option<u8>,
    count: Option<u64>,
    countries: Option<Vec<String>>,
    event: Option<String>,
    date: Option<String>,
    chip: Option<String>,
    quantity: Option<u64>,
    destination: Option<String>,
    caps: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    claim: Vec<ClaimIn>,
}

/// `claims.toml`: every claim quotes a known source and asserts something about known regimes,
/// thresholds, chips and countries, with exactly the fields its kind needs.
fn claims(g: &mut Gen, regimes: &[RegimeOut], chip_ids: &BTreeSet<String>) {
    let f = "data/claims.toml";
    let file: ClaimsFile = read(f);
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    for c in &file.claim {
        let key = format!("claim `{}`", c.id);
        if !seen.insert(c.id.clone()) {
            fail(f, &key, "id listed twice");
        }
        if !g.sources.contains_key(&c.source) {
            fail(
                f,
                &key,
                &format!("unknown source `{}` (see data/sources.toml)", c.source),
            );
        }
        for (field, v) in [("text", &c.text), ("reading", &c.reading)] {
            if v.trim().is_empty() {
                fail(f, &key, &format!("`{field}` is empty"));
            }
        }
        let asserts = assertion(g, f, &key, c, regimes, chip_ids);
        rows.push(format!(
            "Claim {{ id: {}, text: {}, source: &{}, reading: {}, uncertain: {}, asserts: {asserts} }}",
            lit(&c.id),
            lit(&c.text),
            source_ident(&c.source),
            lit(&c.reading),
            opt_lit(&c.uncertain)
        ));
    }
    static_slice(g, "CLAIMS", "Claim", &rows);
}

/// The fields a claim of each kind must have; every other optional field must be absent.
const CLAIM_FIELDS: [(&str, &[&str]); 5] = [
    (
        "threshold",
        &["regime", "threshold", "figure", "unit", "approx"],
    ),
    ("tier-count", &["regime", "tier", "count", "approx"]),
    ("same-tier", &["regime", "countries"]),
    ("date", &["regime", "event", "date"]),
    ("deal", &["chip", "quantity", "destination", "caps"]),
];

/// Which optional fields a claim gives, by name.
fn claim_fields(c: &ClaimIn) -> Vec<&'static str> {
    let given = [
        ("regime", c.regime.is_some()),
        ("threshold", c.threshold.is_some()),
        ("figure", c.figure.is_some()),
        ("unit", c.unit.is_some()),
        ("measure", c.measure.is_some()),
        ("approx", c.approx.is_some()),
        ("tier", c.tier.is_some()),
        ("count", c.count.is_some()),
        ("countries", c.countries.is_some()),
        ("event", c.event.is_some()),
        ("date", c.date.is_some()),
        ("chip", c.chip.is_some()),
        ("quantity", c.quantity.is_some()),
        ("destination", c.destination.is_some()),
        ("caps", c.caps.is_some()),
    ];
    given.iter().filter(|g| g.1).map(|g| g.0).collect()
}

/// The assertion of one claim as a Rust expression, after checking its fields against its kind.
fn assertion(
    g: &mut Gen,
    f: &str,
    key: &str,
    c: &ClaimIn,
    regimes: &[RegimeOut],
    chip_ids: &BTreeSet<String>,
) -> String {
    let Some((_, needed)) = CLAIM_FIELDS.iter().find(|k| k.0 == c.kind) else {
        let kinds: Vec<&str> = CLAIM_FIELDS.iter().map(|k| k.0).collect();
        fail(
            f,
            key,
            &format!("kind `{}` is not one of {}", c.kind, kinds.join(", ")),
        );
    };
    // `measure` may come with a threshold claim, `tier` with a same-tier claim.
    let optional: &[&str] = match c.kind.as_str() {
        "threshold" => &["measure"],
        "same-tier" => &["tier"],
        _ => &[],
    };
    let given = claim_fields(c);
    for n in *needed {
        if !given.contains(n) {
            fail(f, key, &format!("a `{}` claim needs `{n}`", c.kind));
        }
    }
    if let Some(extra) = given
        .iter()
        .find(|n| !needed.contains(n) && !optional.contains(n))
    {
        fail(f, key, &format!("a `{}` claim has no `{extra}`", c.kind));
    }
    let regime = c.regime.as_deref().map(|id| {
        regimes
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| fail(f, key, &format!("unknown regime `{id}` (see data/regimes)")))
    });
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    match (c.kind.as_str(), regime) {
        ("threshold", Some(r)) => threshold_claim(f, key, c, r),
        ("tier-count", Some(r)) => {
            let tier = c.tier.unwrap_or_default();
            if !r.tiered || !(1..=3).contains(&tier) {
                fail(f, key, &format!("regime `{}` has no Tier {tier}", r.id));
            }
            format!(
                "Assertion::TierCount {{ regime: {}, tier: {tier}, count: {}, approx: {} }}",
                lit(&r.id),
                c.count.unwrap_or_default(),
                c.approx.unwrap_or_default()
            )
        }
        ("same-tier", Some(r)) => {
            let codes = c.countries.clone().unwrap_or_default();
            g.check_codes(f, key, &codes);
            if !r.tiered || codes.len() < 2 || c.tier.is_some_and(|t| !(1..=3).contains(&t)) {
                fail(
                    f,
                    key,
                    "a same-tier claim names two or more countries of a regime with tiers",
                );
            }
            format!(
                "Assertion::SameTier {{ regime: {}, countries: {}, tier: {:?} }}",
                lit(&r.id),
                strs(&codes),
                c.tier
            )
        }
        ("date", Some(r)) => {
            let event = vocab::DateEvent::from_id(&text(&c.event))
                .unwrap_or_else(|| fail(f, key, "event must be `effective` or `compliance`"));
            if event == vocab::DateEvent::Compliance && !r.compliance {
                fail(f, key, &format!("regime `{}` has no compliance date", r.id));
            }
            let day = date(f, key, &text(&c.date));
            format!(
                "Assertion::Date {{ regime: {}, event: DateEvent::{event:?}, date: {} }}",
                lit(&r.id),
                date_lit(day)
            )
        }
        _ => deal_claim(g, f, key, c, regimes, chip_ids),
    }
}

/// A threshold claim: a threshold the regime has, a decimal figure, a unit and an optional measure.
fn threshold_claim(f: &str, key: &str, c: &ClaimIn, r: &RegimeOut) -> String {
    let slug = c.threshold.clone().unwrap_or_default();
    if !r.thresholds.contains(&slug) {
        let known: Vec<&str> = r.thresholds.iter().map(String::as_str).collect();
        fail(
            f,
            key,
            &format!(
                "regime `{}` has no threshold `{slug}` (it has {})",
                r.id,
                known.join(", ")
            ),
        );
    }
    let figure = dec(f, key, &c.figure.clone().unwrap_or_default());
    let unit = c.unit.clone().unwrap_or_default();
    let Some(unit) = vocab::ClaimUnit::from_id(&unit) else {
        fail(f, key, &format!("unit `{unit}` is not tpp, h100e or chips"));
    };
    let measure = c.measure.as_deref().map(|m| {
        vocab::Measure::from_id(m).unwrap_or_else(|| {
            let ids: Vec<&str> = vocab::Measure::ALL.iter().map(|x| x.id()).collect();
            fail(
                f,
                key,
                &format!("measure `{m}` is not one of {}", ids.join(", ")),
            )
        })
    });
    format!(
        "Assertion::Threshold {{ regime: {}, threshold: {}, figure: {}, unit: ClaimUnit::{unit:?}, measure: {}, approx: {} }}",
        lit(&r.id),
        lit(&slug),
        dec_lit(figure),
        measure.map_or("None".into(), |m| format!("Some(Measure::{m:?})")),
        c.approx.unwrap_or_default()
    )
}

/// A deal claim: a catalog chip, a quantity, a destination and thresholds `regime.kind` to compare.
fn deal_claim(
    g: &mut Gen,
    f: &str,
    key: &str,
    c: &ClaimIn,
    regimes: &[RegimeOut],
    chip_ids: &BTreeSet<String>,
) -> String {
    let chip = c.chip.clone().unwrap_or_default();
    if !chip_ids.contains(&chip) {
        fail(
            f,
            key,
            &format!("unknown chip `{chip}` (see data/chips.toml)"),
        );
    }
    let dest = c.destination.clone().unwrap_or_default();
    g.check_codes(f, key, std::slice::from_ref(&dest));
    let caps = c.caps.clone().unwrap_or_default();
    for cap in &caps {
        let known = cap.split_once('.').is_some_and(|(rid, slug)| {
            regimes
                .iter()
                .any(|r| r.id == rid && r.thresholds.contains(slug))
        });
        if !known {
            fail(
                f,
                key,
                &format!("cap `{cap}` is not `regime.kind` of a threshold in the data"),
            );
        }
    }
    let quantity = c.quantity.unwrap_or_default();
    if quantity == 0 || caps.is_empty() {
        fail(f, key, "a deal needs a quantity and at least one cap");
    }
    format!(
        "Assertion::Deal {{ chip: {}, quantity: {quantity}, destination: {}, caps: {} }}",
        lit(&chip),
        lit(&dest),
        strs(&caps)
    )
}
