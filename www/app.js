// The page: loads the engine (WebAssembly), builds the form from its data, and on every change
// asks it for the answer, the map classes and the table. The page holds no rule logic: every
// verdict, number and citation comes from the engine. What did not change is not rebuilt: the
// answer when the query is the same, the map when its classes are the same.
import init, { evaluate, outcomes, tiers, regimes, chips, countries, dataset } from './pkg/h100e.js';
import { h, fill, num } from './dom.js';
import { combobox, fold } from './combobox.js';
import { renderVerdict, renderKeyNumbers, renderDetails, renderError } from './answer.js';
import { renderCard } from './card.js';
import { createShare } from './share.js';
import { createMap, renderLegend } from './map.js';
import { createTable } from './table.js';
import { DEFAULTS, EMBED_OPTIONS, read, search, write } from './urlstate.js';
import { form, INPUT_OF_FIELD, readForm, writeForm, syncVisibility, query, regimeOptions, chipOptions, day } from './form.js';
import { VIEWS, createViews } from './views.js';
import { tools } from './tools.js';

/**
 * The engine the page asks: its own small build, until a scenario or the timeline needs the tools
 * build (loaded on demand by tools.js), which gives the same answers and more.
 */
let eng = { evaluate, outcomes, tiers };
const full = () => tools().then((t) => { eng = t; return t; });

const $ = (id) => document.getElementById(id);
/** The custom-chip fields: an error in one of them sends a link's custom chip back to the default. */
const CUSTOM_FIELDS = new Set(['tops', 'bits', 'die_area', 'dram_bandwidth']);
/** Link values and parameter names are shown at most this long in notices. */
const SHOWN = 40;
/** What an empty default means, for notices ("uses the rules in force now instead"). */
const DEFAULT_WORDS = {
  regime: 'the rules in force now', date: 'the rules in force now', hq: 'the destination as headquarters',
  from: 'an export from the United States', prior: '0', installed: '0', total: '0', scenario: 'the rules as written',
  tool: 'the answer alone',
};
/** Controls, direction overrides and invisible characters, shown as escapes as the engine's messages do. */
const HIDDEN = /[\p{Cc}\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const clip = (t) => {
  const shown = t.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  return shown.length > SHOWN ? `${shown.slice(0, SHOWN)}…` : shown;
};

let glossary = null;
/**
 * Each acronym's first use in the answer gets its glossary entry on hover, focus or tap. The
 * module and the terms (kept in a hidden holder so that `aria-describedby` can point at them)
 * load when the page is idle after the first answer, the definitions (glossary.html) with the
 * first use of a term; marking is idempotent, so a late load is harmless.
 */
function gloss() {
  // The single-file build has no glossary.html beside it.
  if (globalThis.h100eWasm) return;
  glossary ||= new Promise((ok) => (window.requestIdleCallback || setTimeout)(ok)).then(async () => {
    const m = await import('./glossary.js');
    const dl = m.terms();
    const holder = h('div', { hidden: true, id: 'glossary-holder' });
    holder.append(dl);
    document.body.append(holder);
    return { annotate: (root) => m.annotate(root, dl) };
  });
  glossary.then((g) => { g.annotate($('verdict-slot')); g.annotate($('answer')); }).catch(() => {});
}

/** A notice above the answer; one about a field goes away once the reader changes that field. */
function notice(text, field, extra) {
  const p = h('p', { class: 'notice', 'data-field': field || null }, text, extra ? [' ', extra] : null, ' ',
    h('button', { type: 'button', class: 'dismiss', onclick: () => {
      // Focus moves on to the next notice's button, or to the answer, not to the page's start.
      const next = p.nextElementSibling?.querySelector('button') || p.previousElementSibling?.querySelector('button') || $('answer-title');
      p.remove();
      next.focus();
    } }, 'Dismiss'));
  $('notices').append(p);
}

function clearNotices(field) {
  for (const n of $('notices').querySelectorAll(`[data-field="${field}"]`)) n.remove();
}

/** The state a link asks for, each value tried against the engine; bad ones fall back, with a notice. */
function stateFromLink(regimeList, chipList, version) {
  const { state: asked, unknown } = read(location.search);
  for (const k of unknown) notice(`The link has a setting the calculator does not know (“${clip(k)}”); it was ignored.`);
  let state = { ...DEFAULTS };
  const fallback = (k, v, why) => {
    const chipName = chipList.find((c) => c.id === DEFAULTS.chip)?.name;
    const def = k === 'chip' || ['tops', 'bits', 'area', 'bw'].includes(k) ? `the ${chipName}` : DEFAULT_WORDS[k] || `“${DEFAULTS[k]}”`;
    notice(`This link asked for ${k} = “${clip(String(v))}”, which cannot be used (${why}). The answer below uses ${def} instead.`, k);
  };
  // A link copied with "Copy link" names the dataset it was made with.
  if (asked.v && asked.v !== version) {
    notice(`This link was made with dataset ${clip(asked.v)}; the calculator now has dataset ${version}, so the answer below may differ from the one the link showed.`,
      null, h('a', { href: 'sources.html#changes' }, 'What changed in the data'));
  }
  delete asked.v;
  // A link's custom chip is checked once its specs are in place, before any later value is tried
  // with it: a bad figure is refused on its own, not in the name of every value after it.
  const checkCustom = () => {
    if (state.chip !== 'custom') return;
    try { eng.evaluate(query(state)); } catch (e) {
      // The notice is about the custom figure at fault; the link's custom chip gives way to the default.
      if (CUSTOM_FIELDS.has(e.field)) {
        const param = INPUT_OF_FIELD[e.field];
        fallback(param, asked[param] ?? '', e.message);
        state = { ...state, chip: DEFAULTS.chip, tops: '', bits: '', area: '', bw: '', nondc: false };
      }
    }
  };
  const order = Object.keys(DEFAULTS);
  let specsChecked = false;
  // In the page's own order, so a custom chip's specs are in place before the quantity is tried.
  for (const [k, v] of order.filter((k) => k in asked).map((k) => [k, asked[k]])) {
    if (!specsChecked && order.indexOf(k) > order.indexOf('nondc')) { checkCustom(); specsChecked = true; }
    const trial = { ...state, [k]: v };
    if (k === 'map') { if (['tier', 'outcome', 'diff'].includes(v)) state.map = v; else fallback(k, v, 'use “tier”, “outcome” or “diff”'); continue; }
    if (k === 'vs') { if (regimeList.some((r) => r.id === v)) state.vs = v; else fallback(k, v, 'unknown rules'); continue; }
    if (EMBED_OPTIONS[k]) { if (EMBED_OPTIONS[k].includes(v)) state[k] = v; else fallback(k, v, `use ${EMBED_OPTIONS[k].map((o) => `“${o}”`).join(' or ')}`); continue; }
    if (k === 'tool') { if (VIEWS[v]) state.tool = v; else fallback(k, v, `use ${Object.keys(VIEWS).map((o) => `“${o}”`).join(' or ')}`); continue; }
    if (k === 'id') { if (/^[A-Za-z0-9_-]{1,40}$/.test(v)) state.id = v; else fallback(k, v, 'letters, digits, - and _ only'); continue; }
    if (['tops', 'bits', 'area', 'bw', 'nondc'].includes(k) || (k === 'chip' && v === 'custom')) { state = trial; continue; }
    // The engine says why a value cannot be used; a name it accepts for a menu (a chip's alias,
    // a regime id in capitals, "UVEU") becomes the menu's own id.
    try {
      const answer = eng.evaluate(query(trial));
      state = trial;
      if (k === 'chip') state.chip = answer.chip.id;
      if (k === 'regime') state.regime = answer.regime.id;
      if (k === 'eu') state.eu = answer.end_user;
    } catch (e) { fallback(k, v, e.message); }
    if (k === 'chip' && state.chip !== DEFAULTS.chip && !chipList.some((c) => c.id === state.chip && c.answerable)) {
      fallback(k, v, 'not a chip the menu offers');
      state.chip = DEFAULTS.chip;
    }
  }
  if (!specsChecked) checkCustom();
  return state;
}

/**
 * When typed text names a destination completely: a name or alias (any case, accents folded), or a
 * code written as codes are, in capitals ("SG", "UAE"; "Si" on the way to "Singapore" is not
 * Slovenia). Returns 'now' when no other name goes on from it, 'pause' when one does ("Niger" on
 * the way to "Nigeria": answered once typing stops), or null.
 */
function completeness(countryList) {
  const names = new Set();
  const codes = new Set();
  for (const c of countryList) {
    for (const k of [c.name, ...c.aliases, ...c.also_called]) {
      if (/^[A-Z]{2,3}$/.test(k)) codes.add(k); else names.add(fold(k));
    }
    codes.add(c.code);
    codes.add(c.numeric);
  }
  const all = [...names];
  return (text) => {
    const t = text.trim();
    if (codes.has(t)) return 'now';
    const f = fold(t);
    if (!names.has(f)) return null;
    return all.some((n) => n !== f && n.startsWith(f)) ? 'pause' : 'now';
  };
}

async function main() {
  const started = performance.now();
  // The single-file build (dist/h100e.html) carries the module's bytes itself. Otherwise the wasm
  // is named from the page, not from this script: the page runs the bundle in js/ (build-js.mjs).
  await init({ module_or_path: globalThis.h100eWasm || new URL('pkg/h100e_bg.wasm', document.baseURI) });
  const regimeList = regimes();
  const chipList = chips();
  const countryList = countries();
  const data = dataset();
  const names = new Map(countryList.map((c) => [c.code, c.name]));
  const complete = completeness(countryList);
  regimeOptions(regimeList);
  chipOptions(chipList);
  // A link with a scenario is answered by the tools engine from the start; if it cannot load, the
  // scenario is refused like any bad value and the page answers without it.
  if (new URLSearchParams(location.search).get('scenario')) await full().catch(() => {});
  const start = stateFromLink(regimeList, chipList, data.data.version);
  writeForm(start);
  let committedTo = start.to;
  // In the embed: what to show and whether the question can be changed (a fixed graphic).
  const embed = { view: start.view, controls: start.controls, theme: start.theme, id: start.id };
  // A host's theme wins over the reader's system setting: the dark sheet is switched on or off.
  if (embed.theme !== 'auto') $('dark-css').media = embed.theme === 'dark' ? 'all' : 'not all';
  const fixed = document.documentElement.classList.contains('embed') && embed.controls === 'none';
  document.documentElement.classList.add(`view-${embed.view}`, `controls-${embed.controls}`);

  const card = { code: null };
  const commit = (text) => { committedTo = text; clearNotices('to'); };
  const map = createMap($('map'), $('tip'), names, (code) => {
    if (fixed) return;
    if (editor.get()?.picking) {
      const { t } = tiersFor({ ...pageState(), scenario: '' });
      editor.get().pickOnMap(code, names.get(code), t?.destinations.find((d) => d.code === code)?.status);
      return;
    }
    form.to.value = names.get(code);
    commit(names.get(code));
    card.code = code;
    update();
    const y = scrollY;
    $('card').scrollIntoView({ block: 'nearest' });
    if (scrollY !== y) $('tip').hidden = true;
  });
  /** The page's state: the form, the committed destination, the scenario, the embed's options and the open view. */
  let scenario = start.scenario;
  let views = null;
  const pageState = () => ({ ...readForm(committedTo), scenario, ...embed, tool: views?.get() || '' });
  /**
   * A panel whose module and the tools engine load when it is first opened: `build(module,
   * engine)` makes it; a failure shows in its body, and the next opening tries again. `get()` is
   * what `build` returned, or null while loading.
   */
  const lazyPanel = (body, load, build) => {
    let made = null;
    let loading = null;
    const open = () => {
      loading ||= Promise.all([load(), full()]).then(([m, t]) => { made = build(m, t); update(); })
        .catch((e) => { loading = null; fill($(body), h('p', { class: 'error', role: 'alert' }, e.message)); });
    };
    return { open, get: () => made };
  };
  /** The scenario editor: opened by the reader, or at once when a link carries a scenario. */
  const editor = lazyPanel('whatif-body', () => import('./scenario.js'), (m) => {
    const e = m.createScenario($('whatif-body'), { chips: chipList, countries: countryList, onChange: (text) => { scenario = text; clearNotices('scenario'); schedule(); } });
    e.write(scenario);
    last.answerKey = null;
    return e;
  });
  /** The timeline: it drives the rules menu's "as of a date". */
  const line = lazyPanel('timeline-body', () => import('./timeline.js'), (m, t) => m.createTimeline($('timeline-body'), t.timeline(), {
    onDate: (iso) => { form.regime.value = 'date'; form.date.value = iso; clearNotices('date'); schedule(); },
    onRegime: (id) => { form.regime.value = id; schedule(); },
  }));
  // The single file (dist/h100e.html) carries only the page's engine: no scenarios, no timeline.
  if (globalThis.h100eWasm) { $('whatif').remove(); $('timeline-box').remove(); }
  $('whatif')?.addEventListener('toggle', () => { if ($('whatif').open) editor.open(); });
  $('timeline-box')?.addEventListener('toggle', () => { if ($('timeline-box').open) line.open(); });
  if (scenario && $('whatif')) { $('whatif').open = true; editor.open(); }
  const share = createShare($('share'), () => ({ st: readForm(committedTo), verdict: last.verdict, data: data.data }));
  const table = createTable($('table'), (code) => { form.to.value = names.get(code); commit(names.get(code)); update(); form.to.focus(); });
  combobox(form.to, $('to-list'), countryList, () => { commit(form.to.value); update(); });
  combobox(form.hq, $('hq-list'), countryList, () => update());
  combobox(form.from, $('from-list'), countryList, () => update());

  const tierCache = new Map();
  const outcomeCache = new Map();
  let last = { answerKey: null, mapKey: null, legendKey: null, classes: new Map(), rows: [], verdict: null, dest: null };

  function markInvalid(field) {
    if (editor.get()?.markInvalid(field)) $('whatif').open = true;
    for (const el of Object.values(form)) {
      el.removeAttribute('aria-invalid');
      if (el.dataset.describedby !== undefined) el.setAttribute('aria-describedby', el.dataset.describedby);
    }
    const el = form[INPUT_OF_FIELD[field]];
    if (!el) return;
    el.setAttribute('aria-invalid', 'true');
    if (el.dataset.describedby === undefined) el.dataset.describedby = el.getAttribute('aria-describedby') || '';
    el.setAttribute('aria-describedby', `answer-error ${el.dataset.describedby}`.trim());
  }

  function update() {
    const t0 = performance.now();
    syncVisibility();
    const st = pageState();
    write(st);
    const full = $('full-link');
    if (full) full.href = `./?${search({ ...st, view: DEFAULTS.view, controls: DEFAULTS.controls, theme: DEFAULTS.theme, id: '' })}`;
    const q = query(st);
    const answerKey = JSON.stringify(q);
    let verdict = last.verdict;
    let spoken;
    try {
      if (answerKey !== last.answerKey) {
        verdict = eng.evaluate(q);
        renderVerdict($('verdict-slot'), verdict);
        renderKeyNumbers($('key-numbers'), verdict);
        renderDetails($('answer'), verdict, $('all-steps')?.open);
        gloss();
        document.title = `${verdict.destination.name}, ${verdict.order.quantity.toLocaleString('en-US')} × ${verdict.chip.name}: ${verdict.outcome_class_label} — h100e`;
        last.answerKey = answerKey;
      }
      markInvalid(null);
      document.body.classList.remove('stale');
      $('verdict-slot').style.height = '';
      spoken = verdict.headline;
    } catch (e) {
      last.answerKey = null;
      verdict = null;
      // The error takes the verdict's place and height (scrolling inside if longer), so the map
      // below does not move while a field is being fixed.
      const slot = $('verdict-slot');
      if (!document.body.classList.contains('stale')) slot.style.height = `${slot.getBoundingClientRect().height}px`;
      renderError(slot, e.message);
      markInvalid(e.field);
      // The last good answer keeps its place, unshown, so nothing jumps while a field is fixed.
      document.body.classList.add('stale');
      spoken = `Cannot answer yet: ${e.message}`;
    }
    last.verdict = verdict;
    share.refresh();
    // Screen readers hear the one-line verdict when it changes, not the whole answer on every key.
    if ($('live').textContent !== spoken) $('live').textContent = spoken;
    paintMap(st, q, verdict);
    syncEditor(st, q, verdict);
    line.get()?.show(st.date || verdict?.regime.date_applied);
    if (!$('card').hidden || card.code) showCard(st, q, verdict);
    views?.refresh();
    // For the page benchmark: how long answering and repainting took, without the frame wait.
    document.documentElement.dataset.updateMs = (performance.now() - t0).toFixed(2);
  }

  function showCard(st, q, verdict) {
    const code = card.code || verdict?.destination.code;
    if (!code) return;
    card.code = null;
    renderCard($('card'), {
      name: names.get(code), regimes: regimeList, chosen: verdict?.regime.id,
      answer: (id) => { const { date, scenario: _, ...rest } = q; return eng.evaluate({ ...rest, to: code, regime: id }); },
      onClose: () => { $('card').hidden = true; map.focusSelected(); },
    });
  }

  /** The map's data for a regime and scenario: tiers or rules (cached per regime or date and scenario). */
  function tiersFor(st) {
    const key = `${st.date || st.regime || 'latest'}|${st.scenario || ''}`;
    if (!tierCache.has(key)) {
      try { tierCache.set(key, eng.tiers(st.date || st.regime || undefined, st.scenario || undefined)); } catch { tierCache.set(key, null); }
      if (tierCache.size > 50) tierCache.delete(tierCache.keys().next().value);
    }
    return { t: tierCache.get(key), tkey: key };
  }

  /** The editor learns what the answering rules let a scenario change, and their answer without it. */
  function syncEditor(st, q, verdict) {
    const ed = editor.get();
    if (!ed || !verdict) return;
    const base = regimeList.find((r) => r.id === verdict.regime.id);
    const { t } = tiersFor({ ...st, scenario: '' });
    if (base && t) ed.setBase(base, t.legend);
    if (!st.scenario) { ed.showBase(''); return; }
    try {
      const { scenario: _, ...plain } = q;
      const b = eng.evaluate(plain);
      ed.showBase(`Under the ${b.regime.short_name} as written: ${b.outcome_class_label}${b.exception_used ? ` (${b.exception_used})` : ''}.`);
    } catch { ed.showBase(''); }
  }

  /** This order's outcome everywhere (cached per order; the destination plays no part). */
  function outcomesFor(q, okey) {
    if (!outcomeCache.has(okey)) {
      try { outcomeCache.set(okey, eng.outcomes(q)); } catch { outcomeCache.set(okey, null); }
      if (outcomeCache.size > 50) outcomeCache.delete(outcomeCache.keys().next().value);
    }
    return outcomeCache.get(okey);
  }

  let relabel;
  function paintMap(st, q, verdict) {
    clearTimeout(relabel);
    if (verdict) map.select(verdict.destination.code);
    const dest = verdict?.destination.code ?? last.dest;
    last.dest = dest;
    const { t, tkey } = tiersFor(st);
    // The outcome colours are this order's: while the engine refuses the order they stay as they
    // were, faded; the tier colours do not depend on the order and follow the rules menu.
    $('map').classList.toggle('stale', !verdict && st.map === 'outcome');
    if (!t || (!verdict && st.map === 'outcome')) return;
    const { to, ...order } = q;
    const okey = JSON.stringify(order);
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
    if (key !== last.mapKey) {
      last.mapKey = key;
      last.classes = paintClasses(st, t, outMap);
      // The rules menu names the regime; the caption says only what the menu cannot: that the
      // rules are hypothetical, or that the colours are this order's outcome.
      const sc = t.regime.scenario;
      const hyp = sc ? `Hypothetical scenario on the ${t.regime.short_name}: ${sc.changes}. `
        : t.regime.hypothetical ? `Hypothetical rules, never in force: ${t.regime.name}. ` : '';
      $('map-caption').textContent = st.map === 'outcome' ? `${hyp}Colours: what this order would meet in each destination.` : hyp;
    }
    // Rebuilt only when its words or the destination's class change: a legend entry with keyboard
    // focus must not be replaced under the reader (the order's labels arrive later).
    const legend = (st.map === 'outcome' ? outMap?.legend : t.legend) || [];
    last.legendShown = legend;
    const legendKey = JSON.stringify([legend, last.classes.get(dest)]);
    if (legendKey !== last.legendKey) {
      last.legendKey = legendKey;
      renderLegend($('legend'), legend, (cls) => map.highlight(cls), last.classes.get(dest));
    }
  }

  /**
   * The difference map: this order's outcome under the rules chosen against the rules compared
   * with (by default those in force before them). The pairing is diff.js's, loaded on first use.
   */
  let diffs = null;
  function paintDiff(st, t, q, okey, verdict, dest) {
    if (!diffs) {
      diffs = import('./diff.js').then((m) => { diffs = m; last.mapKey = null; schedule(); });
      return;
    }
    if (!diffs.diffMap) return;
    const vs = st.vs || previousRules(verdict.regime.id);
    const { date, scenario: _, ...rest } = q;
    const bq = { ...rest, regime: vs };
    const { to, ...border } = bq;
    const after = outcomesFor(q, okey);
    const before = outcomesFor(bq, JSON.stringify(border));
    const key = `${okey}|${JSON.stringify(border)}|diff`;
    if (!after || !before || key === last.mapKey) return;
    last.mapKey = key;
    paintClasses(st, t, after);
    const d = diffs.diffMap(before, after, names, new Set(t.destinations.filter((x) => x.uncounted).map((x) => x.code)));
    map.paint(d.classes, d.labels);
    last.classes = d.classes;
    last.legendShown = d.legend;
    $('map-caption').textContent = `Colours: how this order's outcome changes from the ${before.regime.short_name} to the ${after.regime.short_name}${after.regime.scenario ? ' (hypothetical scenario)' : ''}.`;
    last.legendKey = null;
    renderLegend($('legend'), d.legend, (cls) => map.highlight(cls), d.classes.get(dest));
    fill($('diff-kinds'), d.kinds.map((k) => h('li', { 'data-class': k.cls }, `${k.words}: `, h('strong', {}, num(k.codes.length)))));
    $('diff-kinds').hidden = false;
  }

  /** The real rules in force before `id` took effect (or, for the first, those after). */
  function previousRules(id) {
    const real = regimeList.filter((r) => !r.hypothetical);
    const me = regimeList.find((r) => r.id === id);
    const before = real.filter((r) => r.effective < me.effective && r.id !== id);
    return (before[before.length - 1] || real.find((r) => r.id !== id)).id;
  }

  /** Colours the map and fills the table's rows; returns each destination's class. */
  function paintClasses(st, t, outMap) {
    const outs = new Map(outMap?.destinations.map((o) => [o.code, o]) || []);
    const rule = new Map(t.destinations.map((d) => [d.code, d]));
    const ruleLabel = new Map(t.legend.map((l) => [l.status, l.short]));
    const outcomeLabel = new Map((outMap?.legend || []).map((l) => [l.status, l.short]));
    const outcomeWords = (o) => !outMap ? 'being worked out' : !o ? 'no answer for this order'
      : [outcomeLabel.get(o.class), o.exception_used, o.review_policy_label].filter(Boolean).join(' · ');
    const classes = new Map();
    const labels = new Map();
    const rows = [];
    for (const [code, name] of names) {
      const d = rule.get(code);
      const o = outs.get(code);
      const ruleWords = d?.uncounted ? 'not coloured (no country)' : d ? ruleLabel.get(d.status) : 'unknown';
      if (!d?.uncounted) classes.set(code, st.map === 'outcome' ? o?.class : d?.status);
      labels.set(code, `${name}: ${ruleWords}; this order: ${outcomeWords(o)}`);
      rows.push({ code, name, rule: ruleWords, outcome: outcomeWords(o) });
    }
    map.paint(classes, labels);
    last.rows = rows;
    if ($('table-box').open) table.update(rows);
    return classes;
  }
  /** Everything a download needs, for the map as shown and this order (outcomes worked out now). */
  function snapshot() {
    const st = pageState();
    const q = query(st);
    const { t } = tiersFor(st);
    const { to, ...order } = q;
    const outMap = outcomesFor(q, JSON.stringify(order));
    if (!t || !last.verdict) return null;
    if (st.map !== 'diff') paintClasses(st, t, outMap);
    last.mapKey = null;
    const legend = last.legendShown || [];
    const v = last.verdict;
    const title = st.map === 'diff' ? `${num(v.order.quantity)} × ${v.chip.name}: ${$('map-caption').textContent}`
      : st.map === 'outcome'
      ? `${num(v.order.quantity)} × ${v.chip.name}: what the order meets in each destination`
      : `${t.regime.short_name}: ${t.destinations.some((d) => d.tier) ? 'tiers' : 'where datacenter chips need a license'}`;
    return { st, t, legend, v, title, stamp: { regime: t.regime, data: data.data } };
  }

  $('downloads').addEventListener('click', async (ev) => {
    const kind = ev.target.closest('[data-download]')?.dataset.download;
    const snap = kind && snapshot();
    if (!snap) return;
    // Made on demand: the module loads with the first download, off the first answer's path.
    const { tableCsv, answerJson, mapSvg, mapPng, save } = await import('./download.js');
    const base = `h100e-${snap.t.regime.id}-${snap.stamp.data.version}`;
    if (kind === 'csv') save(tableCsv(last.rows, snap.stamp), `${base}-countries.csv`, 'text/csv');
    if (kind === 'json') save(await answerJson(snap.v), `${base}-answer-${snap.v.destination.code}.json`, 'application/json');
    if (kind === 'svg' || kind === 'png') {
      const svg = mapSvg($('map').querySelector('svg.world'), snap.legend, snap.stamp, snap.title);
      if (kind === 'svg') save(svg, `${base}-map-${snap.st.map}.svg`, 'image/svg+xml');
      else save(await mapPng(svg), `${base}-map-${snap.st.map}.png`, 'image/png');
    }
  });
  $('downloads').hidden = false;

  $('table-box').addEventListener('toggle', () => { if ($('table-box').open) table.update(last.rows); });

  let pending = false;
  let typing;
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; update(); }); } };
  const app = $('app');
  app.addEventListener('input', (ev) => {
    if (ev.target.name) clearNotices(ev.target.name === 'mode' ? 'map' : ev.target.name);
    if (ev.target === form.to) {
      // Only a complete name answers while typing; Enter, a pick or leaving the field commit any text.
      clearTimeout(typing);
      const done = complete(form.to.value);
      if (done === 'now') { commit(form.to.value); schedule(); }
      if (done === 'pause') typing = setTimeout(() => { commit(form.to.value); schedule(); }, 700);
      return;
    }
    if (ev.target.name && ev.target.name !== 'mode') schedule();
  });
  app.addEventListener('change', (ev) => {
    if (ev.target === form.to) commit(form.to.value);
    // "As of a date…" starts at the data's last-checked day rather than answering for no date.
    if (ev.target === form.regime && form.regime.value === 'date' && !form.date.value) form.date.value = data.data.checked;
    if (ev.target.name) schedule();
  });
  form.to.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && form.to.getAttribute('aria-expanded') !== 'true') { ev.preventDefault(); commit(form.to.value); update(); }
  });
  $('query').addEventListener('submit', (ev) => { ev.preventDefault(); update(); });
  // The tooltip is placed in the viewport; once the reader scrolls it would point at nothing.
  for (const type of ['wheel', 'touchmove']) addEventListener(type, () => { $('tip').hidden = true; }, { passive: true });

  form.date.min = data.coverage_start;
  $('h100-unit').textContent = `; one H100 is ${data.h100_tpp.toLocaleString('en-US')}`;
  if ($('foot-data')) $('foot-data').textContent = `Rules and country groups from ${data.coverage_start} (${data.coverage_start_regime}) to ${data.data_horizon}; dataset ${data.data.version}, sources last checked ${data.data.checked}: ${data.data.note} Every figure links to its source in the answer.`;
  $('fields').disabled = false;
  $('status').textContent = '';
  // The tool views need the tools engine beside the page, which the single file does not carry.
  if ($('tool-bar') && !globalThis.h100eWasm) {
    // Beside the answer where the key numbers leave room for it (wide screens); on narrower ones,
    // with the other actions under the map, so the map keeps its place on the first screens.
    const wide = matchMedia('(min-width: 56rem)');
    const place = () => (wide.matches ? $('key-numbers') : $('share')).after($('tool-bar'));
    wide.addEventListener('change', place);
    place();
    views = createViews({ bar: $('tool-bar'), section: $('tool-view'), title: $('tool-title'), body: $('tool-body'), close: $('tool-close') },
      () => viewContext(pageState(), last.verdict, regimeList, (id) => {
        form.regime.value = id;
        form.date.value = '';
        update();
        $('details-title').scrollIntoView({ block: 'start' });
        $('details-title').focus({ preventScroll: true });
      }), () => write(pageState()));
  }
  update();
  if (start.tool) views?.set(start.tool, false);
  document.documentElement.dataset.ready = String(Math.round(performance.now() - started));
  performance.mark('h100e-ready');
}

/**
 * What a tool view draws from (views.js): the question now, the rules answering it, every
 * regime, date words, the address of the answer under another regime (`link`) and a way to
 * answer under it here (`pick`); `key` changes exactly when the view must be redrawn.
 */
function viewContext(st, verdict, regimeList, pick) {
  const q = query(st);
  const { regime, date, ...order } = q;
  const answering = verdict?.regime.id || '';
  return {
    key: JSON.stringify([order, answering]), query: q, answering, regimes: regimeList, day, pick,
    link: (id) => `?${search({ ...st, regime: id, date: '', v: '' })}#details-title`,
    order: verdict ? `${num(verdict.order.quantity)} × ${verdict.chip.name} to ${verdict.destination.name}` : 'This order',
  };
}

main().catch((e) => {
  $('status').textContent = `The calculator could not start: ${e.message}`;
});
