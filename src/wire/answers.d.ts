// Generated from the engine's wire types (src/wire/types.rs, ts-rs). Do not edit:
// run `UPDATE_TYPES=1 cargo test --lib wire::types` after changing a wire type.

/**
 * The amount converted.
 */
export type AmountOut = {
  /**
   * What was given: `tpp`, `h100e`, `chips` or `threshold`.
   */
  given: string,
  /**
   * The amount, TPP (exact).
   */
  tpp: number,
  /**
   * The amount in H100-equivalents, rounded to 4 decimals.
   */
  h100e: number | null,
  /**
   * The catalog chip, when `chips` were given.
   */
  chip: string | null,
  /**
   * How many of it.
   */
  quantity: number | null,
};

/**
 * A cap and its headroom.
 */
export type CapOut = {
  /**
   * `LPP`, `country-allocation`, `NVEU` or `AIA-report`.
   */
  id: string,
  /**
   * `cap` (a limit an order can exceed) or `reporting-line` (a line from which something
   * must be reported; nothing is over it).
   */
  kind: string,
  /**
   * Name.
   */
  name: string,
  /**
   * The same in two or three words ("LPP allowance").
   */
  short_name: string,
  /**
   * True if this order counts against it.
   */
  counts: boolean,
  /**
   * The limit, TPP.
   */
  limit_tpp: number,
  /**
   * The limit in H100-equivalents, rounded.
   */
  limit_h100e: number | null,
  /**
   * What counts against it including this order, TPP.
   */
  used_tpp: number,
  /**
   * Limit minus used, TPP; null when over.
   */
  headroom_tpp: number | null,
  /**
   * Headroom in H100-equivalents, rounded.
   */
  headroom_h100e: number | null,
  /**
   * How far over, TPP; null when within.
   */
  over_by_tpp: number | null,
  /**
   * Used is at or above the limit (for the AIA reporting line: a report is due).
   */
  reached: boolean,
  /**
   * What the figure leaves out.
   */
  note: string | null,
  /**
   * Where the limit is stated.
   */
  citation: CitationOut,
};

/**
 * A caveat beside the headline.
 */
export type CaveatOut = {
  /**
   * Stable id, e.g. `regime.caveat`.
   */
  id: string,
  /**
   * In words.
   */
  text: string,
};

/**
 * A chip and its metrics.
 */
export type ChipOut = {
  /**
   * Catalog id, or `custom`.
   */
  id: string,
  /**
   * Display name.
   */
  name: string,
  /**
   * Vendor (catalog chips).
   */
  vendor: string | null,
  /**
   * True for typed specs.
   */
  custom: boolean,
  /**
   * `yes`, `no` or `ambiguous`.
   */
  datacenter: string,
  /**
   * Exact TPP; null if no throughput is published.
   */
  tpp: number | null,
  /**
   * The precisions that give the TPP.
   */
  tpp_basis: Array<string>,
  /**
   * Applicable die area, mm².
   */
  die_area_mm2: number | null,
  /**
   * TPP ÷ die area, rounded to 3 decimals; null if the area is unknown.
   */
  performance_density: number | null,
  /**
   * `3A090.a`, `3A090.b` or `not 3A090`.
   */
  eccn: string,
  /**
   * The deciding paragraph, e.g. `3A090.a.1`.
   */
  eccn_paragraph: string | null,
  /**
   * Why, in words.
   */
  eccn_reason: string,
  /**
   * An order of this chip can be answered (its class is known).
   */
  answerable: boolean,
  /**
   * What its class means for license exceptions, where it matters (consumer 3A090.a cards).
   */
  class_note: string | null,
  /**
   * Where the deciding line is stated.
   */
  eccn_citation: CitationOut,
  /**
   * TPP ÷ 15,832, rounded to 4 decimals.
   */
  h100e: number | null,
  /**
   * Total DRAM bandwidth, GB/s.
   */
  dram_bandwidth_gbs: number | null,
  /**
   * Memory, GB.
   */
  memory_gb: number | null,
  /**
   * What the research could not confirm about this chip.
   */
  uncertain: string | null,
  /**
   * Other published TPP readings, in words.
   */
  tpp_alternatives: string | null,
  /**
   * Each TPP reading the sources support (contested fact `chip-tpp`): the catalog's first,
   * then the lowest and highest where they differ. One entry when the sources agree.
   */
  tpp_readings: Array<TppReadingOut>,
  /**
   * Notes from the research. Null in the page's engine, built without the `notes` feature
   * (the page's JSON download fills it in from `chip-research.json`).
   */
  notes: string | null,
  /**
   * Where the figures come from; empty for typed specs. Null in the page's engine, as
   * `notes` (its answers cite only the first, in their steps).
   */
  sources: Array<ChipSourceOut> | null,
  /**
   * How directly the research checked the figures (its grade, in its words: "secondary:
   * Epoch snapshot", "vendor doc seen"); null for typed specs. Null in the page's engine, as
   * `notes`.
   */
  verification: string | null,
  /**
   * What is rounded.
   */
  rounding: string,
};

/**
 * A source link of a catalog chip.
 */
export type ChipSourceOut = {
  /**
   * Which figure.
   */
  about: string,
  /**
   * Where.
   */
  url: string,
};

/**
 * A citation. It names both what it is about (a CFR paragraph or FR page, or the source) and what
 * its link opens (publisher and date), with the grade in words, so a reader can tell the
 * regulation from a note about it: `label` is `about · links_to · grade_label`.
 */
export type CitationOut = {
  /**
   * `about · links_to · grade_label`, e.g. "15 CFR 740.29, 90 FR 4544 (text not read) · per
   * SemiAnalysis, Jan 2025 · secondary".
   */
  label: string,
  /**
   * What the citation is about: the CFR paragraph and FR page, with " (text not read)" when
   * the source is secondary; the source's title when there is neither.
   */
  about: string,
  /**
   * What the link opens: "eCFR text as of 2025-03-01", "Federal Register, 15 Jan 2025",
   * "per SemiAnalysis, Jan 2025".
   */
  links_to: string,
  /**
   * The CFR paragraph, where one applies.
   */
  cfr: string | null,
  /**
   * The Federal Register page, where known.
   */
  fr: string | null,
  /**
   * The source's title. Null in the page's engine, built without the `notes` feature, where
   * the answer never shows it (see `model::Source::title`; its JSON download fills it in from
   * `chip-research.json`).
   */
  source: string | null,
  /**
   * Who published what the link opens.
   */
  publisher: string,
  /**
   * `regulation`, `federal-register`, `government`, `law-firm`, `analyst`, `news` or
   * `research`.
   */
  kind: string,
  /**
   * Where to read it; an eCFR link in an answer opens the text in force on the answer's date.
   */
  url: string,
  /**
   * `P`, `P-mirror` or `S`.
   */
  grade: string,
  /**
   * The grade in words: `primary`, `primary (eCFR text via a mirror)` or `secondary`.
   */
  grade_label: string,
  /**
   * What could not be confirmed.
   */
  uncertain: string | null,
};

/**
 * A claim checked.
 */
export type ClaimOut = {
  /**
   * Stable id.
   */
  id: string,
  /**
   * The quote.
   */
  text: string,
  /**
   * Who said it.
   */
  source: ClaimSourceOut,
  /**
   * `threshold`, `tier-count`, `same-tier`, `date` or `deal`.
   */
  kind: string,
  /**
   * How the quote is read into what the engine checks.
   */
  reading: string,
  /**
   * What is uncertain in that reading.
   */
  uncertain: string | null,
  /**
   * `accurate`, `partly-accurate`, `inaccurate` or `unverifiable`.
   */
  verdict: string,
  /**
   * The same in words.
   */
  verdict_label: string,
  /**
   * Why.
   */
  findings: Array<FindingOut>,
  /**
   * The right figure.
   */
  corrected: CorrectedOut,
  /**
   * Where the right figure is stated.
   */
  citation: CitationOut,
};

/**
 * Who said it.
 */
export type ClaimSourceOut = {
  /**
   * The publisher (a reprint names the original and the reprinter).
   */
  publisher: string,
  /**
   * When, as precisely as known ("29 Apr 2025", "Jan 2025").
   */
  date: string | null,
  /**
   * Where to read it.
   */
  url: string,
  /**
   * `news`, `analyst`, `law-firm`, `government`, …: never a regulation.
   */
  kind: string,
  /**
   * The title.
   */
  title: string,
};

/**
 * Every claim checked, with the dataset that checked them.
 */
export type ClaimsOut = {
  /**
   * The claims, in the data's order.
   */
  claims: Array<ClaimOut>,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * One regime's column.
 */
export type ColumnOut = {
  /**
   * Which regime, labelled hypothetical where it is.
   */
  regime: RegimeRef,
  /**
   * The destination's tier, where the regime has tiers.
   */
  tier: number | null,
  /**
   * A license is needed.
   */
  license_required: boolean,
  /**
   * The exception relied on (`AIA`, `LPP`, …).
   */
  exception_used: string | null,
  /**
   * The order counts against the destination's country allocation.
   */
  counts_against_country_cap: boolean,
  /**
   * The cap that bounds this order (the country allocation, else LPP's allowance, else the
   * NVEU cap), with its headroom; null when none applies.
   */
  main_cap: CapOut | null,
  /**
   * Review policy id when a license is needed.
   */
  review_policy: string | null,
  /**
   * The same in words.
   */
  review_policy_label: string | null,
  /**
   * The largest quantity of this chip that needs no license here, on the first readings of
   * the contested points.
   */
  largest_license_free: LicenseFreeOut,
  /**
   * The other readings of contested points under which that quantity differs, each with its
   * own; empty when every reading gives the same.
   */
  largest_license_free_readings: Array<LicenseFreeReadingOut>,
  /**
   * The outcome (as `EvalOut::outcome`).
   */
  outcome: string,
  /**
   * Its class: `open`, `exception`, `license` or `denial`.
   */
  outcome_class: string,
  /**
   * The answer in one sentence ("It depends: …" when a contested point changes it).
   */
  headline: string,
  /**
   * The contested points this answer turns on: under another reading of them (alone, or
   * only together) the answer differs, so every other cell of this column holds on the first
   * reading only (`h100e eval` gives each reading). Empty when every reading agrees.
   */
  contested: Array<string>,
};

/**
 * Readings of several contested points taken together, and the answer under them.
 */
export type CombinationOut = {
  /**
   * `FACT=READING` each: pass them as `readings` to answer under them.
   */
  readings: Array<string>,
  /**
   * The same as conditions in words, e.g. "if LPP is available there".
   */
  shorts: Array<string>,
  /**
   * A license is needed.
   */
  license_required: boolean,
  /**
   * The outcome (as `EvalOut::outcome`).
   */
  outcome: string,
  /**
   * Its map class (as `EvalOut::outcome_class`).
   */
  outcome_class: string,
  /**
   * The exception relied on.
   */
  exception_used: string | null,
  /**
   * The review policy id.
   */
  review_policy: string | null,
  /**
   * The answer in one sentence.
   */
  headline: string,
};

/**
 * Every regime side by side.
 */
export type CompareOut = {
  /**
   * One column per regime: real ones by date, then hypothetical ones.
   */
  columns: Array<ColumnOut>,
  /**
   * The cells whose values are not the same in every column: any of `tier`,
   * `license_required`, `exception_used`, `counts_against_country_cap`, `main_cap`,
   * `review_policy`, `largest_license_free`, `outcome_class`.
   */
  differs: Array<string>,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * A point the sources disagree on that this answer turned on.
 */
export type ContestedOut = {
  /**
   * The fact's id, e.g. `lpp-d1-d4`.
   */
  fact: string,
  /**
   * The question, in words.
   */
  question: string,
  /**
   * The readings give different answers.
   */
  changes_outcome: boolean,
  /**
   * The headline says "It depends" because of it (it changes the answer and no reading was chosen).
   */
  depends: boolean,
  /**
   * The reading the query chose, if any.
   */
  chosen: string | null,
  /**
   * Each reading, the one an unqualified answer uses first.
   */
  readings: Array<ReadingOut>,
};

/**
 * A contested point by its id, with its question in words (where an answer turns on it, or
 * where a line of the converter applies).
 */
export type ContestedRefOut = {
  /**
   * The fact's id (see `data/contested.toml`), e.g. `lpp-d1-d4`.
   */
  fact: string,
  /**
   * The question, in plain words.
   */
  question: string,
};

/**
 * A conversion query from the page: the CLI's `convert` options.
 */
export type ConvertIn = {
  /**
   * An amount of TPP.
   */
  tpp?: NumOrText | null,
  /**
   * An amount of H100-equivalents.
   */
  h100e?: NumOrText | null,
  /**
   * A catalog chip id or name, with `quantity`.
   */
  chip?: string | null,
  /**
   * How many of `chip`.
   */
  quantity?: NumOrText | null,
  /**
   * A threshold id (see `thresholds()`).
   */
  threshold?: string | null,
};

/**
 * A conversion: the amount, and how many of each catalog chip fit in it.
 */
export type ConvertOut = {
  /**
   * The amount.
   */
  amount: AmountOut,
  /**
   * The threshold, when one was given.
   */
  threshold: ThresholdOut | null,
  /**
   * `up-to` or `below`: the side of the amount on which a count stays.
   */
  bound: string,
  /**
   * What the counts mean, in words.
   */
  note: string,
  /**
   * Every catalog chip, in catalog order.
   */
  chips: Array<FitOut>,
  /**
   * What is rounded.
   */
  rounding: string,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * The right figure, computed by the engine.
 */
export type CorrectedOut = {
  /**
   * In words.
   */
  text: string,
  /**
   * The figure in TPP (thresholds and deals).
   */
  tpp: number | null,
  /**
   * The same in H100-equivalents, rounded to 4 decimals.
   */
  h100e: number | null,
  /**
   * A count (tier counts).
   */
  count: number | null,
  /**
   * A day (dates).
   */
  date: string | null,
  /**
   * The threshold id (threshold claims).
   */
  threshold: string | null,
};

/**
 * A country for pickers.
 */
export type CountryOut = {
  /**
   * ISO alpha-2.
   */
  code: string,
  /**
   * ISO numeric.
   */
  numeric: string,
  /**
   * Name.
   */
  name: string,
  /**
   * Other names.
   */
  aliases: Array<string>,
  /**
   * Names this entry shares with others ("Congo" for CG and CD): the engine refuses them, and a
   * picker lists every entry that has one when it is typed.
   */
  also_called: Array<string>,
};

/**
 * Which data answered: every answer, map and download carries it.
 */
export type DataOut = {
  /**
   * The dataset version (see data/CHANGELOG.md).
   */
  version: string,
  /**
   * The day the sources were last checked.
   */
  checked: string,
  /**
   * The last day the sources found speak of.
   */
  sources_reach: string,
  /**
   * How far the sources reach.
   */
  note: string,
};

/**
 * The unit and the span of the data, for display: the page and the CLI word them from here,
 * never from literals.
 */
export type DatasetOut = {
  /**
   * TPP of one H100, the unit of H100-equivalents.
   */
  h100_tpp: number,
  /**
   * Where that figure comes from.
   */
  h100_citation: CitationOut,
  /**
   * The first day any real regime covers.
   */
  coverage_start: string | null,
  /**
   * The short name of the regime that starts it.
   */
  coverage_start_regime: string | null,
  /**
   * The latest day our dated facts reach.
   */
  data_horizon: string | null,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * The destination of an answer.
 */
export type DestinationOut = {
  /**
   * ISO alpha-2.
   */
  code: string,
  /**
   * ISO numeric.
   */
  numeric: string,
  /**
   * Name.
   */
  name: string,
  /**
   * 1, 2, 3, or null where the regime has no tiers.
   */
  tier: number | null,
  /**
   * The country whose treatment it gets (Hong Kong: CN).
   */
  treated_as: string | null,
};

/**
 * One destination on the map.
 */
export type DestinationStatusOut = {
  /**
   * ISO alpha-2.
   */
  code: string,
  /**
   * ISO numeric.
   */
  numeric: string,
  /**
   * Name.
   */
  name: string,
  /**
   * 1, 2, 3, or null.
   */
  tier: number | null,
  /**
   * Map status: `tier-1`, `tier-2`, `tier-3`, `open`, `license` or `denial`.
   */
  status: string,
  /**
   * The country it is treated as.
   */
  treated_as: string | null,
  /**
   * Why maps leave it uncoloured and legends do not count it (Antarctica); null otherwise.
   */
  uncounted: string | null,
};

/**
 * The answer to an evaluation.
 */
export type EvalOut = {
  /**
   * Which regime answered.
   */
  regime: RegimeRef,
  /**
   * Where the chips go.
   */
  destination: DestinationOut,
  /**
   * The buyer's headquarters.
   */
  buyer_hq: HqOut,
  /**
   * Where the shipment leaves from when not the United States; null for an export from the US.
   */
  shipped_from: FromOut | null,
  /**
   * `none`, `uveu` or `nveu`.
   */
  end_user: string,
  /**
   * Government-to-government agreement assumed.
   */
  g2g: boolean,
  /**
   * The chip.
   */
  chip: ChipOut,
  /**
   * The order.
   */
  order: OrderOut,
  /**
   * `not-an-export`, `not-controlled`, `no-license-required`, `license-exception` or `license-required`.
   */
  outcome: string,
  /**
   * The map class: `open`, `exception`, `license` or `denial`.
   */
  outcome_class: string,
  /**
   * The class in a few words, as the outcome map's legend says it ("License needed").
   */
  outcome_class_label: string,
  /**
   * One sentence; "It depends: …" when a contested point changes the answer, "License
   * required either way: …" when only the review does.
   */
  headline: string,
  /**
   * The answer turns on contested points, but every reading needs a license (only the
   * review differs): the headline says so first, before the readings.
   */
  license_either_way: boolean,
  /**
   * The contested points this answer turned on, with the answer under each reading.
   */
  contested: Array<ContestedOut>,
  /**
   * Readings of several contested points that together give another answer when none does
   * alone.
   */
  contested_combinations: Array<CombinationOut>,
  /**
   * What a reader must know beside the headline (a rule never enforced, an unchecked chip).
   */
  caveats: Array<CaveatOut>,
  /**
   * A license is needed.
   */
  license_required: boolean,
  /**
   * Every exception considered (empty when no license requirement applies).
   */
  license_exceptions: Array<ExceptionOut>,
  /**
   * The exception the answer relies on.
   */
  exception_used: string | null,
  /**
   * Counts against the destination's country allocation.
   */
  counts_against_country_cap: boolean,
  /**
   * Caps and headroom.
   */
  caps: Array<CapOut>,
  /**
   * How a license application would be reviewed: `presumption-of-approval`, `case-by-case`,
   * `presumption-of-denial` or `policy-of-denial`.
   */
  review_policy: string | null,
  /**
   * The same in words.
   */
  review_policy_label: string | null,
  /**
   * The reasoning, in order.
   */
  explanation: Array<StepOut>,
  /**
   * The latest day our dated facts reach.
   */
  data_horizon: string | null,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
  /**
   * What is rounded.
   */
  rounding: string,
};

/**
 * One dated event.
 */
export type EventOut = {
  /**
   * The day, YYYY-MM-DD.
   */
  date: string,
  /**
   * `published`, `effective`, `compliance`, `note`, `group-joined`, `group-left`, `letters`
   * or `tariff`.
   */
  kind: string,
  /**
   * The regime it belongs to, if one.
   */
  regime: string | null,
  /**
   * In words.
   */
  text: string,
  /**
   * Where it is stated.
   */
  citation: CitationOut,
};

/**
 * An exception considered.
 */
export type ExceptionOut = {
  /**
   * `AIA`, `LPP`, `NAC`, `ACA`, `UVEU`, `NVEU` or `CASE-BY-CASE-2026`.
   */
  id: string,
  /**
   * Name.
   */
  name: string,
  /**
   * Usable for this order.
   */
  available: boolean,
  /**
   * The one the answer relies on.
   */
  used: boolean,
  /**
   * The stable id of the reason, e.g. `lpp.over_limit`.
   */
  reason_id: string,
  /**
   * Why, in words.
   */
  reason: string,
  /**
   * Where it is stated.
   */
  citation: CitationOut,
};

/**
 * One finding behind a verdict.
 */
export type FindingOut = {
  /**
   * Stable id, e.g. `figure-off`, `measure-differs`.
   */
  id: string,
  /**
   * In words.
   */
  text: string,
};

/**
 * How many of one catalog chip fit.
 */
export type FitOut = {
  /**
   * Catalog id.
   */
  id: string,
  /**
   * Vendor, model and variant.
   */
  name: string,
  /**
   * The chip's TPP (catalog reading); null when its throughput is not published.
   */
  tpp: number | null,
  /**
   * The chip's H100-equivalents, rounded.
   */
  h100e: number | null,
  /**
   * Whole chips that fit (catalog reading); null when its TPP is unknown.
   */
  count: number | null,
  /**
   * The count changes with the TPP reading (see `readings`).
   */
  contested: boolean,
  /**
   * Every TPP reading the sources support, with its count; one entry when they agree.
   */
  readings: Array<FitReadingOut>,
};

/**
 * One TPP reading of a chip and its count.
 */
export type FitReadingOut = {
  /**
   * `catalog`, `low` or `high` (contested fact `chip-tpp`).
   */
  reading: string,
  /**
   * The chip's TPP on this reading.
   */
  tpp: number,
  /**
   * Whole chips that fit on this reading.
   */
  count: number | null,
};

/**
 * Where a shipment leaves from, when not the United States.
 */
export type FromOut = {
  /**
   * ISO alpha-2.
   */
  code: string,
  /**
   * Name.
   */
  name: string,
  /**
   * `reexport`, `in-country-transfer` (within the destination) or `import` (into the US).
   */
  kind: string,
};

/**
 * The buyer's headquarters.
 */
export type HqOut = {
  /**
   * ISO alpha-2.
   */
  code: string,
  /**
   * Name.
   */
  name: string,
  /**
   * Tier, where the regime has tiers.
   */
  tier: number | null,
  /**
   * True when not given (assumed to be the destination).
   */
  assumed: boolean,
};

/**
 * A map class and its meaning.
 */
export type LegendOut = {
  /**
   * The class id (a status such as `tier-2`, or an outcome class such as `exception`).
   */
  status: string,
  /**
   * Its meaning, in words built from the regime's data.
   */
  label: string,
  /**
   * The same in a few words, for tooltips and tables.
   */
  short: string,
  /**
   * How many destinations have it (those maps colour: not Antarctica).
   */
  count: number,
  /**
   * What the count takes in, in words ("25 places: the United States, 18 other countries and
   * territories, and 6 places (…) treated as part of the United States").
   */
  includes: string,
};

/**
 * The largest license-free quantity of the chip under one regime.
 */
export type LicenseFreeOut = {
  /**
   * `any` (every quantity up to the largest accepted), `none` (even one chip needs a
   * license) or `up-to`.
   */
  kind: string,
  /**
   * For `up-to`: the largest quantity that needs no license (one more does).
   */
  quantity: number | null,
  /**
   * In words.
   */
  label: string,
};

/**
 * The largest license-free quantity under another reading of a contested point.
 */
export type LicenseFreeReadingOut = {
  /**
   * The point's id, e.g. `lpp-d1-d4`.
   */
  fact: string,
  /**
   * The reading's id.
   */
  reading: string,
  /**
   * The reading as a condition, e.g. "if LPP is available there".
   */
  short: string,
  /**
   * The quantity under it.
   */
  largest_license_free: LicenseFreeOut,
};

/**
 * A place a scenario moved.
 */
export type MoveOut = {
  /**
   * ISO alpha-2.
   */
  code: string,
  /**
   * Its map status under the base regime.
   */
  was: string,
  /**
   * Its map status in the scenario.
   */
  now: string,
};

/**
 * A number or its text, as a form or a URL may give it. Kept as text so the engine's own
 * parser gives the same errors as the CLI (NaN, infinities, signs, decimals).
 */
export type NumOrText = number | string;

/**
 * One value or a list (custom chips may give several TOPS/bit-length pairs).
 */
export type OneOrMany = NumOrText | Array<NumOrText>;

/**
 * The order.
 */
export type OrderOut = {
  /**
   * Chips.
   */
  quantity: number,
  /**
   * Quantity × TPP, exact; null when the chip's TPP is not published.
   */
  tpp: number | null,
  /**
   * Order TPP ÷ 15,832, rounded to 4 decimals.
   */
  h100e: number | null,
  /**
   * TPP already shipped to this buyer this calendar year (LPP counts it).
   */
  prior_tpp: number,
  /**
   * An NVEU's installed base in the country, as given (its cap counts it).
   */
  installed_tpp: number,
  /**
   * Everything the buyer received before, as given (AIA's reporting line counts it).
   */
  buyer_total_tpp: number,
  /**
   * Prior plus this order; null when the order's TPP is unknown.
   */
  cumulative_tpp: number | null,
  /**
   * Cumulative ÷ 15,832, rounded to 4 decimals.
   */
  cumulative_h100e: number | null,
};

/**
 * The map's "outcome" mode: what this order would meet in a destination. Many destinations
 * meet the same answer; [`OutcomesOut`] lists each answer once.
 */
export type OutcomeOut = {
  /**
   * Tier, where the regime has tiers.
   */
  tier: number | null,
  /**
   * Short outcome word (as `EvalOut::outcome`).
   */
  outcome: string,
  /**
   * The map class (as `EvalOut::outcome_class`).
   */
  class: string,
  /**
   * A license is needed.
   */
  license_required: boolean,
  /**
   * The exception relied on.
   */
  exception_used: string | null,
  /**
   * Review policy id when a license is needed.
   */
  review_policy: string | null,
  /**
   * The same in words.
   */
  review_policy_label: string | null,
  /**
   * The contested points this answer turns on (as `EvalOut::contested` where `depends`):
   * under another reading, destinations with this answer would meet a different one, so the
   * map, its table and its downloads must not show it as settled. Empty when it is settled.
   */
  depends_on: Array<ContestedRefOut>,
};

/**
 * The outcome map: every destination's outcome and the legend of its classes.
 */
export type OutcomesOut = {
  /**
   * Which regime answered.
   */
  regime: RegimeRef,
  /**
   * The distinct answers this order meets, each once, in the order first met.
   */
  answers: Array<OutcomeOut>,
  /**
   * Every destination by ISO code, with the index of its answer in `answers`.
   */
  destinations: Record<string, number>,
  /**
   * The classes in use, with their meaning and counts.
   */
  legend: Array<LegendOut>,
  /**
   * Every class id, from the least to the most restrictive (`open`, `exception`, `license`,
   * `denial`): how a comparison of two maps tells a tightening from a loosening.
   */
  order: Array<string>,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * A real regime's span on the timeline.
 */
export type PeriodOut = {
  /**
   * Regime id.
   */
  id: string,
  /**
   * Short name.
   */
  short_name: string,
  /**
   * First day in force.
   */
  from: string,
  /**
   * Last day in force; null for the regime in force now.
   */
  until: string | null,
};

/**
 * An evaluation query from the page: the same fields as the CLI's `eval` options.
 */
export type QueryIn = {
  /**
   * Regime id.
   */
  regime?: string | null,
  /**
   * Or a date, YYYY-MM-DD.
   */
  date?: string | null,
  /**
   * Destination.
   */
  to: string,
  /**
   * Catalog chip id or name.
   */
  chip?: string | null,
  /**
   * Custom chip: dense TOPS, one per precision.
   */
  tops?: OneOrMany | null,
  /**
   * Custom chip: bit lengths.
   */
  bits?: OneOrMany | null,
  /**
   * Custom chip: applicable die area, mm².
   */
  die_area?: NumOrText | null,
  /**
   * Custom chip: not designed or marketed for datacenters.
   */
  non_datacenter?: boolean | null,
  /**
   * Custom chip: total DRAM bandwidth, GB/s.
   */
  dram_bandwidth?: NumOrText | null,
  /**
   * Number of chips.
   */
  quantity: NumOrText,
  /**
   * `none`, `uveu` or `nveu`.
   */
  end_user?: string | null,
  /**
   * Buyer's headquarters.
   */
  hq?: string | null,
  /**
   * TPP already shipped to this buyer this calendar year (LPP).
   */
  prior_tpp?: NumOrText | null,
  /**
   * An NVEU's installed base in this country, TPP.
   */
  installed_tpp?: NumOrText | null,
  /**
   * Everything this buyer has received before, TPP (AIA's reporting line).
   */
  buyer_total_tpp?: NumOrText | null,
  /**
   * Government-to-government agreement.
   */
  g2g?: boolean | null,
  /**
   * Where the shipment leaves from (default: the United States).
   */
  from?: string | null,
  /**
   * Readings of contested facts, `FACT=READING` each (default: each fact's first reading).
   */
  readings?: Array<string> | null,
  /**
   * A scenario built on the chosen regime: `lpp=500h100e;tier-3=IL` (see `scenario.rs`).
   */
  scenario?: string | null,
};

/**
 * One reading of a contested fact and the answer under it.
 */
export type ReadingOut = {
  /**
   * The reading's id: pass `FACT=READING` as `readings` (`--reading`) to answer under it.
   */
  reading: string,
  /**
   * The reading as a condition, e.g. "if LPP is available there".
   */
  short: string,
  /**
   * What the reading holds.
   */
  label: string,
  /**
   * Who holds this reading.
   */
  citation: CitationOut,
  /**
   * A license is needed.
   */
  license_required: boolean,
  /**
   * The outcome (as `EvalOut::outcome`).
   */
  outcome: string,
  /**
   * Its map class (as `EvalOut::outcome_class`).
   */
  outcome_class: string,
  /**
   * The exception relied on.
   */
  exception_used: string | null,
  /**
   * The review policy id.
   */
  review_policy: string | null,
  /**
   * The answer in one sentence.
   */
  headline: string,
};

/**
 * A regime in the list.
 */
export type RegimeOut = {
  /**
   * Id.
   */
  id: string,
  /**
   * Name.
   */
  name: string,
  /**
   * Short name.
   */
  short_name: string,
  /**
   * First day in force (hypothetical: the day reported).
   */
  effective: string,
  /**
   * Last day in force, for real regimes replaced by a later one (its `as_of`, which the build
   * checks is the day before its successor takes effect).
   */
  in_force_until: string | null,
  /**
   * The day whose dated facts an undated query uses.
   */
  as_of: string,
  /**
   * Reported proposal or scenario.
   */
  hypothetical: boolean,
  /**
   * A text that stands in the CFR but is not enforced (never chosen by a date).
   */
  unenforced: boolean,
  /**
   * The regime the tool uses when none is asked for.
   */
  default: boolean,
  /**
   * Plain words.
   */
  summary: string,
  /**
   * Main citation.
   */
  citation: CitationOut,
  /**
   * Every source its data cites. Null in the page's engine, which never shows them (the
   * sources page lists them, built with the full engine), as it carries only the titles its
   * answers show.
   */
  sources: Array<CitationOut> | null,
  /**
   * What a scenario built on it can change: any of `lpp`, `cap`, `g2g`.
   */
  scenario_settings: Array<string>,
  /**
   * The map statuses a scenario can move places to (`tier-1`… or `open`, `license`, `denial`).
   */
  scenario_statuses: Array<string>,
};

/**
 * Which regime answered, and why that one.
 */
export type RegimeRef = {
  /**
   * Id.
   */
  id: string,
  /**
   * Full name.
   */
  name: string,
  /**
   * Short name.
   */
  short_name: string,
  /**
   * Reported proposals and scenarios.
   */
  hypothetical: boolean,
  /**
   * A text that stands in the CFR but is not enforced: never the rules exporters follow.
   */
  unenforced: boolean,
  /**
   * First day in force.
   */
  effective: string,
  /**
   * The day whose dated facts (country groups) were applied.
   */
  date_applied: string,
  /**
   * The day asked for, when it was after the data was last checked (`date_applied` is then
   * the checked day).
   */
  date_asked: string | null,
  /**
   * How the regime was chosen: `default`, `id` or `date`.
   */
  chosen: string,
  /**
   * The same in words.
   */
  chosen_by: string,
  /**
   * When the answer is for a user's scenario: what it changed in the regime above (whose
   * `id` and names are the scenario's base); null otherwise.
   */
  scenario: ScenarioOut | null,
};

/**
 * A hypothetical regime, beside the timeline.
 */
export type ReportedOut = {
  /**
   * Regime id.
   */
  id: string,
  /**
   * Short name.
   */
  short_name: string,
  /**
   * The day it was reported.
   */
  reported: string,
};

/**
 * A user's scenario on the wire.
 */
export type ScenarioOut = {
  /**
   * The canonical scenario text, as a link carries it.
   */
  text: string,
  /**
   * The base regime's id.
   */
  base: string,
  /**
   * What changed, in words.
   */
  changes: string,
  /**
   * The license-free allowance now, TPP (exact, as text), if changed.
   */
  lpp_tpp: string | null,
  /**
   * The country allocation now, TPP, if changed.
   */
  cap_tpp: string | null,
  /**
   * The agreement multiplier now, if changed.
   */
  g2g: string | null,
  /**
   * Places moved: code, map status under the base, and in the scenario.
   */
  moves: Array<MoveOut>,
};

/**
 * Typed chip specs from the page.
 */
export type SpecIn = {
  /**
   * Catalog id or name.
   */
  chip?: string | null,
  /**
   * Dense TOPS, one per precision.
   */
  tops?: OneOrMany | null,
  /**
   * Bit lengths, one per TOPS figure.
   */
  bits?: OneOrMany | null,
  /**
   * Applicable die area, mm².
   */
  die_area?: NumOrText | null,
  /**
   * Not designed or marketed for datacenters.
   */
  non_datacenter?: boolean | null,
  /**
   * Total DRAM bandwidth, GB/s.
   */
  dram_bandwidth?: NumOrText | null,
};

/**
 * A step of the explanation.
 */
export type StepOut = {
  /**
   * The stable id of the reason, e.g. `scope.worldwide` or `lpp.over_limit`.
   */
  id: string,
  /**
   * A plain-English sentence.
   */
  text: string,
  /**
   * A step the reader needs to follow the answer (shown first; the rest under "all steps").
   */
  key: boolean,
  /**
   * Where it comes from.
   */
  citation: CitationOut,
};

/**
 * A threshold of the data.
 */
export type ThresholdOut = {
  /**
   * Stable id, `regime.kind`, e.g. `diffusion2025.lpp` or `diffusion2025.nveu-2025-04-01`.
   */
  id: string,
  /**
   * Its name, with the regime's short name.
   */
  name: string,
  /**
   * The regime that names it.
   */
  regime: string,
  /**
   * Every regime with the same line (shared provisions), the naming one first.
   */
  regimes: Array<string>,
  /**
   * The naming regime is hypothetical (a reported proposal or draft).
   */
  hypothetical: boolean,
  /**
   * What it counts: `buyer-year`, `buyer-total`, `country-period`, `installed-base`, `order`
   * or `chip`.
   */
  measure: string,
  /**
   * The same in words.
   */
  measure_label: string,
  /**
   * `up-to` (an amount on the line is within it) or `below` (reaching it crosses it).
   */
  bound: string,
  /**
   * The line, TPP (exact).
   */
  tpp: number,
  /**
   * The line in H100-equivalents, rounded to 4 decimals.
   */
  h100e: number | null,
  /**
   * Where it is stated; `uncertain` says what the research could not confirm.
   */
  citation: CitationOut,
  /**
   * A contested point about where the line applies, if any (LPP's reach to D:1/D:4).
   */
  contested: ContestedRefOut | null,
};

/**
 * Every destination under a regime.
 */
export type TiersOut = {
  /**
   * Which regime.
   */
  regime: RegimeRef,
  /**
   * The destinations, by ISO code.
   */
  destinations: Array<DestinationStatusOut>,
  /**
   * Status words used, with counts.
   */
  legend: Array<LegendOut>,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * The timeline.
 */
export type TimelineOut = {
  /**
   * The first day a real regime covers.
   */
  start: string,
  /**
   * The day the data was last checked: the timeline's end.
   */
  end: string,
  /**
   * Every dated event, in order.
   */
  events: Array<EventOut>,
  /**
   * The real regimes, in order.
   */
  periods: Array<PeriodOut>,
  /**
   * The hypothetical regimes.
   */
  hypothetical: Array<ReportedOut>,
  /**
   * Texts that stand in the CFR but are not enforced (the AI Diffusion rule on the books).
   */
  unenforced: Array<UnenforcedOut>,
  /**
   * The dataset's version and last check.
   */
  data: DataOut,
};

/**
 * One TPP reading of a chip.
 */
export type TppReadingOut = {
  /**
   * `catalog`, `low` or `high`; pass `chip-tpp=READING` as a reading to answer under it.
   */
  reading: string,
  /**
   * The TPP, exact.
   */
  tpp: number,
  /**
   * TPP ÷ the H100's, rounded to 4 decimals.
   */
  h100e: number | null,
  /**
   * The 3A090 class on this reading; null when it needs a die area the data lacks.
   */
  eccn: string | null,
};

/**
 * A text that stands in the CFR but is not enforced, beside the timeline.
 */
export type UnenforcedOut = {
  /**
   * Regime id.
   */
  id: string,
  /**
   * Short name.
   */
  short_name: string,
  /**
   * The day its text took effect, since when it has stood in the CFR.
   */
  since: string,
};
