// The question form: reading it into page state, writing state back into it, and the engine query
// a state asks. The destination the page answers for is the last one the reader committed to (an
// exact name, code or alias, a pick from the list, Enter or leaving the field), so a half-typed
// name never answers for another country.
import { $, h, fill } from './dom.js';

export const form = {
  to: $('to'), chip: $('chip'), tops: $('tops'), bits: $('bits'), area: $('area'), bw: $('bw'), nondc: $('nondc'), qty: $('qty'),
  regime: $('regime'), date: $('date'), mode: $('mode'), vs: $('vs'), eu: $('eu'), hq: $('hq'), from: $('from'), prior: $('prior'), installed: $('installed'), total: $('total'), g2g: $('g2g'),
};

/** The form input for each query field the engine names in an error's `field`. */
export const INPUT_OF_FIELD = {
  to: 'to', hq: 'hq', from: 'from', chip: 'chip', tops: 'tops', bits: 'bits', die_area: 'area', dram_bandwidth: 'bw',
  quantity: 'qty', prior_tpp: 'prior', installed_tpp: 'installed', buyer_total_tpp: 'total', end_user: 'eu', regime: 'regime', date: 'date',
};

const TEXT = ['tops', 'bits', 'area', 'bw', 'qty', 'hq', 'from', 'prior', 'installed', 'total'];

/** The page state the form holds; `to` is the committed destination, not the text being typed. */
export function readForm(committedTo) {
  const byDate = form.regime.value === 'date';
  const st = { to: committedTo, chip: form.chip.value, nondc: form.nondc.checked, g2g: form.g2g.checked, eu: form.eu.value,
    regime: byDate ? '' : form.regime.value, date: byDate ? form.date.value : '', map: form.mode.value,
    vs: form.vs.value };
  for (const k of TEXT) st[k] = form[k].value;
  return st;
}

/** Puts a state into the form (from a link). */
export function writeForm(st) {
  for (const k of ['to', ...TEXT]) form[k].value = st[k];
  form.chip.value = st.chip;
  form.nondc.checked = st.nondc;
  form.g2g.checked = st.g2g;
  form.eu.value = st.eu;
  form.regime.value = st.date ? 'date' : st.regime;
  form.date.value = st.date;
  form.vs.value = st.vs;
  form.mode.value = st.map;
  syncVisibility();
  if (st.eu !== 'none' || st.hq || st.from || st.prior || st.installed || st.total || st.g2g) $('more').open = true;
}

/** Shows the custom-chip fields and the date field only when they are in use. */
export function syncVisibility() {
  $('custom').hidden = form.chip.value !== 'custom';
  $('field-date').hidden = form.regime.value !== 'date';
  $('field-vs').hidden = form.mode.value !== 'diff';
  // The timeline is the date's other control: offered when the rules are chosen by date.
  // (The single file has no timeline.)
  const line = $('timeline-box');
  if (line) line.hidden = form.regime.value !== 'date';
}

/** The engine's query object for a page state. */
export function query(st) {
  const q = { to: st.to, quantity: st.qty, end_user: st.eu, g2g: st.g2g };
  if (st.date) q.date = st.date;
  else if (st.regime) q.regime = st.regime;
  if (st.chip === 'custom') {
    q.tops = st.tops;
    q.bits = st.bits;
    if (st.area) q.die_area = st.area;
    if (st.bw) q.dram_bandwidth = st.bw;
    q.non_datacenter = st.nondc;
  } else q.chip = st.chip;
  if (st.hq) q.hq = st.hq;
  if (st.from) q.from = st.from;
  if (st.prior) q.prior_tpp = st.prior;
  if (st.installed) q.installed_tpp = st.installed;
  if (st.total) q.buyer_total_tpp = st.total;
  if (st.scenario) q.scenario = st.scenario;
  return q;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "13 Jan 2025" from "2025-01-13": dates in menus read as dates, not as ISO strings. */
export function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A screen as narrow as a phone's (style.css's width for one): a closed menu shows one line, cut
 * off where its box ends, and a phone's holds about 300 px of text, too little for a rule's name
 * and its dates. */
const narrow = matchMedia('(max-width: 30rem)');

/**
 * The rules menu: the rules in force now, the real regimes by date, the AI Diffusion rule as
 * codified (not enforced) and the hypothetical ones apart.
 * On a phone the options name the rules only, so the chosen one can be read whole; their dates
 * are on the timeline.
 */
export function regimeOptions(regimeList) {
  const now = regimeList.find((r) => r.default);
  const real = regimeList.filter((r) => !r.hypothetical && !r.unenforced);
  const unenforced = regimeList.filter((r) => r.unenforced);
  const hyp = regimeList.filter((r) => r.hypothetical);
  const words = (short) => fill(form.regime,
    h('option', { value: '' }, `${short ? 'Now' : 'In force now'}: ${now.short_name}`),
    h('optgroup', { label: 'In force at some time' }, real.map((r) => h('option', { value: r.id },
      short ? r.short_name : `${r.short_name}: ${day(r.effective)} – ${r.in_force_until ? day(r.in_force_until) : 'now'}`))),
    h('optgroup', { label: 'In the CFR, not enforced' }, unenforced.map((r) => h('option', { value: r.id }, r.short_name))),
    h('optgroup', { label: 'Hypothetical: never in force' }, hyp.map((r) =>
      h('option', { value: r.id }, short ? r.short_name : `${r.short_name} · ${day(r.effective)}`))),
    h('option', { value: 'date' }, 'As of a date…'));
  words(narrow.matches);
  narrow.addEventListener('change', () => { const chosen = form.regime.value; words(narrow.matches); form.regime.value = chosen; });
  fill(form.vs,
    h('option', { value: '' }, 'The rules in force before'),
    h('optgroup', { label: 'In force at some time' }, real.map((r) => h('option', { value: r.id }, r.short_name))),
    h('optgroup', { label: 'In the CFR, not enforced' }, unenforced.map((r) => h('option', { value: r.id }, r.short_name))),
    h('optgroup', { label: 'Hypothetical: never in force' }, hyp.map((r) => h('option', { value: r.id }, r.short_name))));
}

/** The chip menu, grouped by vendor; chips without published figures are listed but disabled. */
export function chipOptions(chipList) {
  const vendors = [...new Set(chipList.map((c) => c.vendor))];
  fill(form.chip, ...vendors.map((v) => h('optgroup', { label: v }, chipList.filter((c) => c.vendor === v).map((c) =>
    h('option', { value: c.id, disabled: !c.answerable }, c.name.replace(`${v} `, '') + (c.tpp === null ? ' (specs unpublished)' : ''))))),
  h('optgroup', { label: 'Other' }, h('option', { value: 'custom' }, 'Custom chip (type its specs)…')));
}
