// The page: loads the engine (WebAssembly), builds the form from its data, and on every change
// asks it for the answer, the map classes and the table. The page holds no rule logic: every
// verdict, number and citation comes from the engine.
import init, { evaluate, outcomes, tiers, regimes, chips, countries, dataset } from './pkg/h100e.js';
import { h, fill } from './dom.js';
import { combobox } from './combobox.js';
import { renderAnswer, renderError } from './answer.js';
import { createMap, renderLegend } from './map.js';
import { createTable } from './table.js';
import { DEFAULTS, read, write } from './urlstate.js';

const $ = (id) => document.getElementById(id);
const form = {
  to: $('to'), chip: $('chip'), tops: $('tops'), bits: $('bits'), area: $('area'), bw: $('bw'), nondc: $('nondc'), qty: $('qty'),
  regime: $('regime'), date: $('date'), eu: $('eu'), hq: $('hq'), from: $('from'), prior: $('prior'), installed: $('installed'), total: $('total'), g2g: $('g2g'),
};

/** The form input for each query field the engine names in an error's `field`. */
const INPUT_OF_FIELD = {
  to: 'to', hq: 'hq', from: 'from', chip: 'chip', tops: 'tops', bits: 'bits', die_area: 'area', dram_bandwidth: 'bw',
  quantity: 'qty', prior_tpp: 'prior', installed_tpp: 'installed', buyer_total_tpp: 'total', end_user: 'eu', regime: 'regime', date: 'date',
};
/** The custom-chip fields: an error in one of them sends a link's custom chip back to the default. */
const CUSTOM_FIELDS = new Set(['tops', 'bits', 'die_area', 'dram_bandwidth']);

function readForm() {
  return {
    to: form.to.value, chip: form.chip.value, tops: form.tops.value, bits: form.bits.value, area: form.area.value, bw: form.bw.value,
    nondc: form.nondc.checked, qty: form.qty.value, regime: form.regime.value === 'date' ? '' : form.regime.value,
    date: form.regime.value === 'date' ? form.date.value : '', eu: form.eu.value, hq: form.hq.value, from: form.from.value, prior: form.prior.value, installed: form.installed.value, total: form.total.value,
    g2g: form.g2g.checked, map: document.querySelector('input[name=mode]:checked').value,
  };
}

function writeForm(st) {
  for (const k of ['to', 'tops', 'bits', 'area', 'bw', 'qty', 'hq', 'from', 'prior', 'installed', 'total']) form[k].value = st[k];
  form.chip.value = st.chip;
  form.nondc.checked = st.nondc;
  form.g2g.checked = st.g2g;
  form.eu.value = st.eu;
  form.regime.value = st.date ? 'date' : st.regime;
  form.date.value = st.date;
  for (const r of document.querySelectorAll('input[name=mode]')) r.checked = r.value === st.map;
  $('custom').hidden = st.chip !== 'custom';
  $('field-date').hidden = !st.date && form.regime.value !== 'date';
  if (st.eu !== 'none' || st.hq || st.from || st.prior || st.installed || st.total || st.g2g) $('more').open = true;
}

/** The engine's query object for a page state. */
function query(st) {
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
  return q;
}

function notice(text) {
  $('notices').append(h('p', { class: 'notice' }, text));
}

function regimeOptions(regimeList) {
    const now = regimeList.find((r) => r.default);
    const opts = [h('option', { value: '' }, `Rules in force now (${now.short_name})`)];
    for (const r of regimeList) {
      const span = r.hypothetical ? 'hypothetical, reported ' + r.effective : `${r.effective} to ${r.in_force_until || 'now'}`;
      opts.push(h('option', { value: r.id }, `${r.short_name} (${span})`));
    }
    opts.push(h('option', { value: 'date' }, 'As of a date…'));
    fill(form.regime, ...opts);
}

function chipOptions(chipList) {
    const vendors = [...new Set(chipList.map((c) => c.vendor))];
    fill(form.chip, ...vendors.map((v) => h('optgroup', { label: v }, chipList.filter((c) => c.vendor === v).map((c) =>
      h('option', { value: c.id, disabled: !c.answerable }, c.name.replace(`${v} `, '') + (c.tpp === null ? ' (specs unpublished)' : ''))))),
    h('optgroup', { label: 'Other' }, h('option', { value: 'custom' }, 'Custom chip (type its specs)…')));
}

async function main() {
  const started = performance.now();
  await init();
  const regimeList = regimes();
  const chipList = chips();
  const countryList = countries();
  const names = new Map(countryList.map((c) => [c.code, c.name]));
  regimeOptions(regimeList);
  chipOptions(chipList);

  // State from the URL: every value is tried against the engine; bad ones fall back with a notice.
  const { state: asked, unknown } = read(location.search);
  for (const k of unknown) notice(`The link has a parameter the calculator does not know (“${k}”); it was ignored.`);
  let state = { ...DEFAULTS };
  const fallback = (k, why) => notice(`The link’s value for “${k}” could not be used (${why}); the default is shown instead.`);
  for (const [k, v] of Object.entries(asked)) {
    const trial = { ...state, [k]: v };
    if (k === 'map') { if (v === 'tier' || v === 'outcome') state.map = v; else fallback(k, 'use “tier” or “outcome”'); continue; }
    if (k === 'regime' && v && !regimeList.some((r) => r.id === v)) { fallback(k, 'unknown regime'); continue; }
    if (k === 'chip' && v !== 'custom' && !chipList.some((c) => c.id === v && c.answerable)) { fallback(k, 'unknown chip'); continue; }
    if (['tops', 'bits', 'area', 'bw', 'nondc'].includes(k) || k === 'chip') { state = trial; continue; }
    try { evaluate(query(trial)); state = trial; } catch (e) { fallback(k, e.message); }
  }
  if (state.chip === 'custom') {
    try { evaluate(query(state)); } catch (e) {
      if (CUSTOM_FIELDS.has(e.field)) {
        fallback('chip', e.message);
        state = { ...state, chip: DEFAULTS.chip, tops: '', bits: '', area: '', bw: '', nondc: false };
      }
    }
  }
  writeForm(state);

  const map = createMap($('map'), $('tip'), names, (code) => {
    form.to.value = names.get(code);
    update();
  });
  const table = createTable($('table'), (code) => { form.to.value = names.get(code); update(); form.to.focus(); });
  combobox(form.to, $('to-list'), countryList, () => update());
  combobox(form.hq, $('hq-list'), countryList, () => update());
  combobox(form.from, $('from-list'), countryList, () => update());

  const tierCache = new Map();
  let lastRows = [];

  function update() {
    const t0 = performance.now();
    const st = readForm();
    $('custom').hidden = st.chip !== 'custom';
    $('field-date').hidden = form.regime.value !== 'date';
    write(st);
    for (const el of Object.values(form)) el.removeAttribute('aria-invalid');
    const q = query(st);
    let verdict = null;
    let spoken;
    try {
      verdict = evaluate(q);
      renderAnswer($('answer'), verdict);
      spoken = verdict.headline;
    } catch (e) {
      renderError($('answer'), e.message);
      spoken = `Cannot answer yet: ${e.message}`;
      form[INPUT_OF_FIELD[e.field]]?.setAttribute('aria-invalid', 'true');
    }
    // Screen readers hear the one-line verdict when it changes, not the whole answer on every key.
    if ($('live').textContent !== spoken) $('live').textContent = spoken;
    paintMap(st, q, verdict);
    // For the page benchmark: how long answering and repainting took, without the frame wait.
    document.documentElement.dataset.updateMs = (performance.now() - t0).toFixed(2);
  }

  function paintMap(st, q, verdict) {
    const key = st.date || st.regime || 'latest';
    if (!tierCache.has(key)) {
      try { tierCache.set(key, tiers(st.date || st.regime || undefined)); } catch { tierCache.set(key, null); }
    }
    const t = tierCache.get(key);
    let outMap = null;
    try { outMap = outcomes(q); } catch { outMap = null; }
    const outs = new Map((outMap?.destinations || []).map((o) => [o.code, o]));
    const rule = new Map((t?.destinations || []).map((d) => [d.code, d]));
    // Every class id and its words come from the engine: its legends say what each class means.
    const ruleLabel = new Map((t?.legend || []).map((l) => [l.status, l.short]));
    const outcomeLabel = new Map((outMap?.legend || []).map((l) => [l.status, l.short]));
    const classes = new Map();
    const labels = new Map();
    const rows = [];
    const outcomeWords = (o) => !o ? 'no answer for this order'
      : [outcomeLabel.get(o.class), o.exception_used, o.review_policy_label].filter(Boolean).join(' · ');
    for (const [code, name] of names) {
      const d = rule.get(code);
      const o = outs.get(code);
      const cls = st.map === 'outcome' ? o?.class : d?.status;
      if (cls) classes.set(code, cls);
      const ruleWords = d ? ruleLabel.get(d.status) : 'unknown';
      labels.set(code, `${name}: ${ruleWords}; this order: ${outcomeWords(o)}`);
      rows.push({ code, name, rule: ruleWords, outcome: outcomeWords(o) });
    }
    map.paint(classes, labels);
    map.select(verdict?.destination.code);
    renderLegend($('legend'), (st.map === 'outcome' ? outMap?.legend : t?.legend) || []);
    const hyp = t?.regime.hypothetical ? 'Hypothetical regime: ' : '';
    $('map-caption').textContent = st.map === 'outcome'
      ? `${hyp}What this order would meet in each destination under ${t?.regime.name || 'these rules'}.`
      : `${hyp}${t?.regime.name || ''}${t?.regime.id && !t.destinations.some((x) => x.tier) ? ' (no tiers: colours show where datacenter 3A090.a chips need a license)' : ''}.`;
    if ($('table-box').open) table.update(rows);
    lastRows = rows;
  }
  $('table-box').addEventListener('toggle', () => { if ($('table-box').open) table.update(lastRows); });

  let pending = false;
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; update(); }); } };
  $('query').addEventListener('input', schedule);
  $('query').addEventListener('change', schedule);
  $('query').addEventListener('submit', (ev) => { ev.preventDefault(); update(); });
  for (const r of document.querySelectorAll('input[name=mode]')) r.addEventListener('change', schedule);

  const data = dataset();
  form.date.min = data.coverage_start;
  $('h100-unit').textContent = `; one H100 is ${data.h100_tpp.toLocaleString('en-US')}`;
  $('foot-data').textContent = `Rules and country groups from ${data.coverage_start} (${data.coverage_start_regime}) to ${data.data_horizon}; dataset ${data.data.version}, sources last checked ${data.data.checked}: ${data.data.note} Every figure links to its source in the answer.`;
  $('fields').disabled = false;
  $('status').textContent = '';
  update();
  document.documentElement.dataset.ready = String(Math.round(performance.now() - started));
}

main().catch((e) => {
  $('status').textContent = `The calculator could not start: ${e.message}`;
});
