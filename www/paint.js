// The map as an answer paints it: each destination's class (its tier or rule, this order's outcome,
// or, with diff.js loaded on first use, how that outcome changes between two sets of rules), the
// caption, the legend and the table's rows, and what a download of them needs. The engine's tiers
// and outcomes are cached, and nothing is repainted whose key has not changed, so typing in a
// field repaints the map only when its colours change.
import { $, h, fill, num } from './dom.js';
import { renderLegend } from './map.js';
import { query } from './form.js';
import { eng, names, regimeList, data } from './engine.js';
import { pageState } from './pagestate.js';
import { notice, clearNotices } from './notices.js';
import { viewStyles } from './sheets.js';

const tierCache = new Map();
const outcomeCache = new Map();
/** What the map, legend and table show, the keys of what they were painted from, and the answer painted for. */
let mapKey = null;
let legendKey = null;
let classesShown = new Map();
let legendShown;
let rowsShown = [];
let verdictShown = null;
let destShown = null;
let map;
let table;
let schedule;

/**
 * Paints on `onMap` (map.js) and `onTable` (table.js); `later()` asks for an update (once diff.js
 * loads). Offers the downloads, which need a painted map.
 */
export function setupPaint(onMap, onTable, later) {
  map = onMap;
  table = onTable;
  schedule = later;
  offerDownloads();
  $('table-box').addEventListener('toggle', () => { if ($('table-box').open) table.update(rowsShown); });
}

/** The map's data for a regime and scenario: tiers or rules (cached per regime or date and scenario). */
export function tiersFor(st) {
  const key = `${st.date || st.regime || 'latest'}|${st.scenario || ''}`;
  return { t: cached(tierCache, key, () => eng.tiers(st.date || st.regime || undefined, st.scenario || undefined)), tkey: key };
}

/** An order's key: its query without the destination, which plays no part in the outcomes map. */
const orderKey = ({ to, ...order }) => JSON.stringify(order);

/** This order's outcome everywhere (cached per order; the destination plays no part). */
function outcomesFor(q, okey) {
  return cached(outcomeCache, okey, () => eng.outcomes(q));
}

/** What `make()` gives for `key` (null if the engine refuses it), kept for the 50 latest keys. */
function cached(cache, key, make) {
  if (!cache.has(key)) {
    try { cache.set(key, make()); } catch { cache.set(key, null); }
    if (cache.size > 50) cache.delete(cache.keys().next().value);
  }
  return cache.get(key);
}

let relabel;
/** Paints the map for an answer (`verdict`, or null while the engine refuses the question `q`). */
export function paintMap(st, q, verdict) {
  clearTimeout(relabel);
  verdictShown = verdict;
  if (verdict) map.select(verdict.destination.code);
  const dest = verdict?.destination.code ?? destShown;
  destShown = dest;
  const { t, tkey } = tiersFor(st);
  // The outcome colours are this order's: while the engine refuses the order they stay as they
  // were, faded; the tier colours do not depend on the order and follow the rules menu.
  $('map').classList.toggle('stale', !verdict && st.map === 'outcome');
  if (!t || (!verdict && st.map === 'outcome')) return;
  const okey = orderKey(q);
  if (!verdict) { draw(st, t, null, `${tkey}||tier`, dest); return; }
  if (st.map === 'outcome') {
    const outMap = outcomesFor(q, okey);
    if (outMap) draw(st, t, outMap, `${tkey}|${okey}|outcome`, dest);
    return;
  }
  if (st.map === 'diff') { paintDiff(st, t, q, okey, verdict, dest); return; }
  // Colouring by tier or rule does not depend on the order: the colours are drawn at once, and
  // the order's outcome in each country (tooltips, labels, table) once typing pauses.
  const known = outcomeCache.get(okey);
  draw(st, t, known || null, `${tkey}|${known ? okey : ''}|tier`, dest);
  if (!known) relabel = setTimeout(() => draw(st, t, outcomesFor(q, okey), `${tkey}|${okey}|tier`, dest), 250);
}

function draw(st, t, outMap, key, dest) {
  $('diff-kinds').hidden = true;
  if (key !== mapKey) {
    mapKey = key;
    classesShown = paintClasses(st, t, outMap);
    // The rules menu names the regime; the caption says only what the menu cannot: that the
    // rules are hypothetical or not enforced, or that the colours are this order's outcome.
    const sc = t.regime.scenario;
    const hyp = sc ? `Hypothetical scenario on the ${t.regime.short_name}: ${sc.changes}. `
      : t.regime.hypothetical ? `Hypothetical rules, never in force: ${t.regime.name}. `
      : t.regime.unenforced ? `Not the rules exporters follow: ${t.regime.name}. ` : '';
    $('map-caption').textContent = st.map === 'outcome' ? `${hyp}Colours: what this order would meet in each destination.` : hyp;
  }
  // Rebuilt only when its words or the destination's class change: a legend entry with keyboard
  // focus must not be replaced under the reader (the order's labels arrive later).
  const legend = (st.map === 'outcome' ? outMap?.legend : t.legend) || [];
  legendShown = legend;
  const lkey = JSON.stringify([legend, classesShown.get(dest)]);
  if (lkey !== legendKey) {
    legendKey = lkey;
    showLegend(legend, classesShown.get(dest));
  }
}

/** The legend under the map; pointing at an entry highlights its class (`current`: the destination's). */
const showLegend = (legend, current) => renderLegend($('legend'), legend, (cls) => map.highlight(cls), current);

/**
 * The difference map: this order's outcome under the rules chosen against the rules compared
 * with (by default those in force before them). The pairing is diff.js's, loaded on first use
 * with the views' styles (the kinds of change under the legend).
 */
let diffs = null;
function paintDiff(st, t, q, okey, verdict, dest) {
  if (!diffs) {
    diffs = Promise.all([import('./diff.js'), viewStyles()]).then(([m]) => { diffs = m; mapKey = null; schedule(); });
    return;
  }
  if (!diffs.diffMap) return;
  const vs = st.vs || previousRules(verdict.regime.id);
  // The menu's default says which rules it stands for: those before, or for the text on the books, those now.
  $('vs').options[0].textContent = verdict.regime.unenforced ? 'The rules in force now' : 'The rules in force before';
  const { date, scenario: _, ...rest } = q;
  const bq = { ...rest, regime: vs };
  const bkey = orderKey(bq);
  const after = outcomesFor(q, okey);
  const before = outcomesFor(bq, bkey);
  const key = `${okey}|${bkey}|diff`;
  if (!after || !before || key === mapKey) return;
  mapKey = key;
  paintClasses(st, t, after);
  const d = diffs.diffMap(before, after, names, new Set(t.destinations.filter((x) => x.uncounted).map((x) => x.code)));
  map.paint(d.classes, d.labels);
  classesShown = d.classes;
  legendShown = d.legend;
  const warn = after.regime.unenforced ? 'Not the rules exporters follow. ' : '';
  $('map-caption').textContent = `${warn}Colours: how this order's outcome changes from the ${before.regime.short_name} to the ${after.regime.short_name}${after.regime.scenario ? ' (hypothetical scenario)' : ''}.`;
  legendKey = null;
  showLegend(d.legend, d.classes.get(dest));
  fill($('diff-kinds'), d.kinds.map((k) => h('li', { 'data-class': k.cls }, `${k.words}: `, h('strong', {}, num(k.codes.length)))));
  $('diff-kinds').hidden = false;
}

/**
 * The real rules in force before `id` took effect (or, for the first, those after); for the text
 * on the books, which stands beside them, the rules in force now.
 */
function previousRules(id) {
  const me = regimeList.find((r) => r.id === id);
  if (me.unenforced) return regimeList.find((r) => r.default).id;
  const real = regimeList.filter((r) => !r.hypothetical && !r.unenforced);
  const before = real.filter((r) => r.effective < me.effective && r.id !== id);
  return (before[before.length - 1] || real.find((r) => r.id !== id)).id;
}

/** Colours the map and fills the table's rows; returns each destination's class. */
function paintClasses(st, t, outMap) {
  // The engine lists each distinct answer once and gives every country the index of its own.
  const outcomeAt = (code) => outMap?.answers[outMap.destinations[code]];
  const rule = new Map(t.destinations.map((d) => [d.code, d]));
  const ruleLabel = new Map(t.legend.map((l) => [l.status, l.short]));
  const outcomeLabel = new Map((outMap?.legend || []).map((l) => [l.status, l.short]));
  // An answer that turns on a contested point says so wherever it is shown (the tooltip, the
  // table, the CSV), as the full answer's "It depends" does.
  const outcomeWords = (o) => !outMap ? 'being worked out' : !o ? 'no answer for this order'
    : [outcomeLabel.get(o.class), o.exception_used, o.review_policy_label, ...o.depends_on.map((d) => `it depends on ${d.question}`)].filter(Boolean).join(' · ');
  const classes = new Map();
  const labels = new Map();
  const rows = [];
  for (const [code, name] of names) {
    const d = rule.get(code);
    const o = outcomeAt(code);
    const ruleWords = d?.uncounted ? 'not coloured (no country)' : d ? ruleLabel.get(d.status) : 'unknown';
    if (!d?.uncounted) classes.set(code, st.map === 'outcome' ? o?.class : d?.status);
    labels.set(code, `${name}: ${ruleWords}; this order: ${outcomeWords(o)}`);
    rows.push({ code, name, rule: ruleWords, outcome: outcomeWords(o) });
  }
  map.paint(classes, labels);
  rowsShown = rows;
  if ($('table-box').open) table.update(rows);
  return classes;
}

/** Everything a download needs, for the map as shown and this order (outcomes worked out now). */
function snapshot() {
  const st = pageState();
  const q = query(st);
  const { t } = tiersFor(st);
  const outMap = outcomesFor(q, orderKey(q));
  if (!t || !verdictShown) return null;
  if (st.map !== 'diff') paintClasses(st, t, outMap);
  mapKey = null;
  const legend = legendShown || [];
  const v = verdictShown;
  const title = st.map === 'diff' ? `${num(v.order.quantity)} × ${v.chip.name}: ${$('map-caption').textContent}`
    : st.map === 'outcome'
    ? `${num(v.order.quantity)} × ${v.chip.name}: what the order meets in each destination`
    : `${t.regime.short_name}: ${t.destinations.some((d) => d.tier) ? 'tiers' : 'where datacenter chips need a license'}`;
  // Destinations whose answer on the outcome map turns on a contested point: the image says how
  // many, as its legend counts each by the first reading (the table and CSV name the point).
  const depends = st.map === 'outcome' && outMap
    ? Object.values(outMap.destinations).filter((i) => outMap.answers[i].depends_on.length).length : 0;
  return { st, t, legend, v, title, depends, stamp: { regime: t.regime, data: data.data } };
}

/** The Download buttons: each makes its file from the map and answer shown (download.js). */
function offerDownloads() {
  $('downloads').addEventListener('click', async (ev) => {
    const kind = ev.target.closest('[data-download]')?.dataset.download;
    if (!kind) return;
    clearNotices('download');
    const snap = snapshot();
    // While the question has an error there is no answer to save: the reader is told, beside the
    // button pressed, not left guessing.
    $('download-status').textContent = snap ? '' : 'Nothing saved: the question has an error (shown above the map); fix it first.';
    if (!snap) return;
    try {
      // Made on demand: the module loads with the first download, off the first answer's path.
      const { fileBase, tableCsv, answerJson, mapSvg, mapPng, save } = await import('./download.js');
      const base = fileBase(snap.t.regime, snap.stamp.data);
      if (kind === 'csv') save(tableCsv(rowsShown, snap.stamp), `${base}-countries.csv`, 'text/csv');
      if (kind === 'json') save(await answerJson(snap.v), `${base}-answer-${snap.v.destination.code}.json`, 'application/json');
      if (kind === 'svg' || kind === 'png') {
        const svg = mapSvg($('map').querySelector('svg.world'), snap.legend, snap.stamp, snap.title, snap.depends);
        if (kind === 'svg') save(svg, `${base}-map-${snap.st.map}.svg`, 'image/svg+xml');
        else save(await mapPng(svg), `${base}-map-${snap.st.map}.png`, 'image/png');
      }
    } catch (e) {
      // Nothing is saved incomplete: the reader is told, and the next press tries again.
      notice(`The ${kind.toUpperCase()} download could not be made: ${e.message}. Nothing was saved; try again.`, 'download');
    }
  });
  $('downloads').hidden = false;
}
