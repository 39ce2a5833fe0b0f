// Renders the engine's answer (EvalOut) in three places: the verdict beside the map (one line,
// the readings of a contested point, the caveats), the key numbers under it, and the full answer
// below (numbers, caps, exceptions, the key steps, and every step behind "all steps").
import { h, fill, num } from './dom.js';

const cap = (t) => `${t[0].toUpperCase()}${t.slice(1)}`;
const chips = (n) => `${num(n)} ${n === 1 ? 'chip' : 'chips'}`;

// A citation reads as the engine's label, "about · links to · grade": the link's words say what it
// opens (the eCFR text of the answer's date, the Federal Register, or "per" a publisher), and the
// grade ("primary", "secondary", ...) is always shown, in words.
function citation(c) {
  return [
    h('span', { class: 'cite', 'data-kind': c.kind },
      'Source: ', h('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, `${c.about} · ${c.links_to}`),
      ' · ', h('span', { class: 'grade', 'data-grade': c.grade }, c.grade_label)),
    c.uncertain ? h('span', { class: 'uncertain' }, 'Uncertain: ', c.uncertain) : null,
  ];
}

/** True when the answer turns on a contested point, alone or only together with another. */
export const turnsOnContest = (v) => v.contested.some((c) => c.depends) || v.contested_combinations.length > 0;

/** The verdict: one line (or "it depends" and each reading's answer), then the caveats. Where
 * every reading needs a license and only the review differs, the engine's headline says so first
 * ("License required either way: …"), and the readings follow. */
export function renderVerdict(slot, v) {
  const depends = v.contested.filter((c) => c.depends);
  const combos = depends.length ? [] : v.contested_combinations;
  const either = v.license_either_way;
  const tone = either ? 'yes' : depends.length || combos.length ? 'depends' : v.license_required ? 'yes' : 'no';
  const verdict = h('p', { class: `verdict ${tone}${v.regime.hypothetical || v.regime.unenforced ? ' hyp' : ''}`, id: 'verdict', 'data-class': v.outcome_class },
    either ? v.headline
      : depends.length ? `It depends on ${depends.map((c) => c.question).join(', and on ')}:`
      : combos.length ? `It depends on ${v.contested.map((c) => c.question).join(', and on ')}, taken together:` : v.headline);
  const readings = depends.map((c) => h('ul', { class: 'readings', 'data-fact': c.fact }, c.readings.map((r) =>
    h('li', { 'data-reading': r.reading, 'data-class': r.outcome_class }, h('strong', {}, `${cap(r.short)}: `), r.headline, ' ', ...citation(r.citation)))));
  if (combos.length) {
    readings.push(h('ul', { class: 'readings', 'data-fact': 'combined' },
      h('li', { 'data-class': v.outcome_class }, h('strong', {}, 'On the first readings: '), v.contested[0].readings[0].headline),
      combos.map((k) => h('li', { 'data-class': k.outcome_class }, h('strong', {}, `${cap(k.shorts.join(' and '))}: `), k.headline))));
  }
  // What the rules are (never enforced, a proposal, a scenario) comes before the readings: on a
  // phone the readings can fill the first screen.
  const first = (c) => c.id === 'regime.caveat' || c.id === 'regime.scenario';
  const caveat = (c) => h('p', { class: 'caveat', 'data-id': c.id }, c.text);
  fill(slot, verdict, ...v.caveats.filter(first).map(caveat), ...readings, ...v.caveats.filter((c) => !first(c)).map(caveat));
}

/** The few numbers a reader checks first, under the verdict. */
export function renderKeyNumbers(dl, v) {
  const c = v.chip;
  const first = v.caps.find((k) => k.kind !== 'reporting-line');
  fill(dl,
    h('div', {}, h('dt', {}, 'Destination'), h('dd', {}, v.destination.name, v.destination.tier ? ` · Tier ${v.destination.tier}` : '')),
    h('div', {}, h('dt', {}, 'This order'), h('dd', { id: 'order-line' },
      `${chips(v.order.quantity)} · ${v.order.tpp === null ? 'TPP unknown' : `${num(v.order.tpp)} TPP ≈ ${num(v.order.h100e, 1)} H100s`}`)),
    h('div', {}, h('dt', {}, 'Chip'), h('dd', {}, `${c.name} · ${c.eccn}`)),
    first ? h('div', {}, h('dt', {}, first.short_name), h('dd', {}, first.over_by_tpp !== null
      ? `over by ${num(first.over_by_tpp)} TPP` : `${num(first.headroom_tpp)} TPP left (≈ ${num(first.headroom_h100e, 1)} H100s)`)) : null);
}

function capItem(c) {
  const share = Math.min(1, c.used_tpp / c.limit_tpp);
  const over = c.over_by_tpp !== null;
  const line = c.kind === 'reporting-line';
  const state = line
    ? (c.reached ? 'at or above the reporting line' : 'below the reporting line')
    : over
      ? `over by ${num(c.over_by_tpp)} TPP`
      : `${num(c.headroom_tpp)} TPP left (about ${num(c.headroom_h100e, 1)} H100s)`;
  return h('li', {},
    h('strong', {}, c.name), h('br'),
    `${num(c.used_tpp)} of ${num(c.limit_tpp)} TPP (about ${num(c.limit_h100e, 1)} H100s): ${state}.`,
    c.note ? ` ${cap(c.note)}.` : '',
    h('div', { class: `bar${over ? ' over' : ''}`, role: 'img', 'aria-label': `${Math.round(share * 100)}% used` },
      h('span', { style: `width:${(share * 100).toFixed(1)}%` })),
    ...citation(c.citation));
}

function numbers(v) {
  const c = v.chip;
  return h('dl', { class: 'numbers' },
    h('dt', {}, 'Destination'), h('dd', {}, `${v.destination.name}${v.destination.tier ? `, Tier ${v.destination.tier}` : ''}`),
    v.shipped_from ? [h('dt', {}, 'Shipped from'), h('dd', {}, `${v.shipped_from.name} (${v.shipped_from.kind === 'reexport' ? 'a reexport' : 'a transfer within the country'})`)] : null,
    h('dt', {}, 'Chip'), h('dd', {}, c.name),
    h('dt', {}, 'Computing power (TPP)'), h('dd', {}, `${num(c.tpp)} per chip`, c.tpp_basis.length ? ` (${c.tpp_basis.join('; ')})` : ''),
    h('dt', {}, 'Export class'), h('dd', {}, c.eccn, c.eccn_paragraph ? ` (${c.eccn_paragraph})` : '', c.class_note ? [h('br'), h('small', {}, c.class_note)] : null),
    h('dt', {}, 'Performance density'), h('dd', {}, c.performance_density === null ? 'unknown (die area not published)' : `${num(c.performance_density, 3)} (rounded)`),
    h('dt', {}, 'H100-equivalents'), h('dd', {}, `${num(c.h100e, 4)} per chip (rounded)`),
    h('dt', {}, 'This order'), h('dd', {}, `${chips(v.order.quantity)} = ${num(v.order.tpp)} TPP ≈ ${num(v.order.h100e, 1)} H100s`),
    v.order.prior_tpp ? [h('dt', {}, 'With earlier shipments'), h('dd', {}, `${num(v.order.cumulative_tpp)} TPP this year`)] : null,
    v.review_policy ? [h('dt', {}, 'License review'), h('dd', {}, v.review_policy_label)] : null,
    h('dt', {}, 'Country cap'), h('dd', {}, v.counts_against_country_cap ? 'this order counts against it' : 'this order does not count'));
}

const stepItem = (s) => h('li', { 'data-id': s.id }, s.text, ...citation(s.citation));

/** The full answer: context, numbers, caps, exceptions, key steps, then every step on demand. */
export function renderDetails(el, v, allOpen) {
  const ctx = h('p', { class: 'context' },
    `${v.regime.name}. `, v.regime.chosen === 'default' ? 'These are the rules in force now, as far as our data runs. ' : '',
    `Country groups as of ${v.regime.date_applied}.`);
  const parts = [ctx, numbers(v)];
  if (v.caps.length) parts.push(h('h3', {}, 'Thresholds and headroom'), h('ul', { class: 'caps' }, v.caps.map(capItem)));
  if (v.license_exceptions.length) {
    parts.push(h('h3', {}, 'License exceptions considered'),
      h('ul', { class: 'exceptions' }, v.license_exceptions.map((e) =>
        h('li', { class: e.available ? 'on' : 'off' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, e.available ? '✓' : '✗'),
          h('strong', {}, e.name), e.used ? ' — used' : '', `: ${e.available ? 'available' : 'not available'}; ${e.reason}.`))));
  }
  const key = v.explanation.filter((s) => s.key);
  parts.push(h('h3', {}, 'Why: the steps that decide'), h('ol', { class: 'steps key' }, key.map(stepItem)),
    h('details', { class: 'allsteps', id: 'all-steps', open: allOpen },
      h('summary', {}, `All ${v.explanation.length} steps, with the rules that did not apply`),
      h('ol', { class: 'steps' }, v.explanation.map(stepItem))));
  fill(el, ...parts);
}

/** The verdict slot when the engine refused the input: its message, tied to the field. */
export function renderError(slot, message) {
  // Not an alert: the page's one live region says it once, not again on every key. Never glossed:
  // the message quotes what the reader typed, which stays plain text, and a term button appearing
  // in it or not would depend on whether the glossary had loaded yet.
  fill(slot, h('div', { class: 'error', id: 'answer-error', 'data-no-gloss': '' },
    h('p', {}, h('strong', {}, 'Cannot answer yet: '), message, ' ',
      h('span', { class: 'hint' }, 'Your entries are kept; correct the field and the answer updates.'))));
}
