// The parts of the page that run on the tools engine (tools.js), wired to the answer: the scenario
// editor and the timeline, panels whose code and engine load when first opened, and the tool views
// beside the answer (views.js). The single file carries only the page's engine, so it has none.
import { $, h, fill, num } from './dom.js';
import { form, query, day } from './form.js';
import { search, write } from './urlstate.js';
import { createViews } from './views.js';
import { eng, full, regimeList, chipList, countryList } from './engine.js';
import { clearNotices } from './notices.js';
import { pageState, scenario, setScenario, toolFrom } from './pagestate.js';
import { tiersFor } from './paint.js';
import { viewStyles } from './sheets.js';

let editor;
let line;
let update;

/**
 * A panel whose module, the tools engine and the views' styles load when it is first opened:
 * `build(module, engine)` makes it; a failure shows in its body, and the next opening tries
 * again. `get()` is what `build` returned, or null while loading.
 */
function lazyPanel(body, load, build) {
  let made = null;
  let loading = null;
  const open = () => {
    loading ||= Promise.all([load(), full(), viewStyles()]).then(([m, t]) => { made = build(m, t); update(); })
      .catch((e) => { loading = null; fill($(body), h('p', { class: 'error', role: 'alert' }, e.message)); });
  };
  return { open, get: () => made };
}

/**
 * The scenario editor and the timeline. `answer()` answers now (a panel once built calls it, and so
 * does a tool view's pick), `schedule()` at the next frame; `redraw()` has the next answer drawn
 * again, which the editor asks for once it is built.
 */
export function setupPanels(answer, schedule, redraw) {
  update = answer;
  /** The scenario editor: opened by the reader, or at once when a link carries a scenario. */
  editor = lazyPanel('whatif-body', () => import('./scenario.js'), (m) => {
    const e = m.createScenario($('whatif-body'), { chips: chipList, countries: countryList, onChange: (text) => { setScenario(text); clearNotices('scenario'); schedule(); } });
    e.write(scenario);
    redraw();
    return e;
  });
  /** The timeline: it drives the rules menu's "as of a date". */
  line = lazyPanel('timeline-body', () => import('./timeline.js'), (m, t) => m.createTimeline($('timeline-body'), t.timeline(), {
    onDate: (iso) => { form.regime.value = 'date'; form.date.value = iso; clearNotices('date'); schedule(); },
    onRegime: (id) => { form.regime.value = id; schedule(); },
  }));
  // The single file (dist/h100e.html) carries only the page's engine: no scenarios, no timeline.
  if (globalThis.h100eWasm) { $('whatif').remove(); $('timeline-box').remove(); }
  $('whatif')?.addEventListener('toggle', () => { if ($('whatif').open) editor.open(); });
  $('timeline-box')?.addEventListener('toggle', () => { if ($('timeline-box').open) line.open(); });
  if (scenario && $('whatif')) { $('whatif').open = true; editor.open(); }
}

/** The scenario editor once it is built, else null. */
export const scenarioEditor = () => editor.get();

/**
 * The panels follow the answer: the editor learns what the answering rules let a scenario change
 * and their answer without it; the timeline shows the date answered for.
 */
export function syncPanels(st, q, verdict) {
  syncEditor(st, q, verdict);
  line.get()?.show(st.date || verdict?.regime.date_applied);
}

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

/**
 * The tool views' buttons and view (views.js), drawn from the answer `verdict()` shows; returns
 * views.js's `{ get, set, refresh }`, or null where there are none.
 */
export function setupViews(verdict) {
  // The tool views need the tools engine beside the page, which the single file does not carry.
  if (!$('tool-bar') || globalThis.h100eWasm) return null;
  // Beside the answer where the key numbers leave room for it (wide screens); on narrower ones,
  // with the other actions under the map, so the map keeps its place on the first screens.
  const wide = matchMedia('(min-width: 56rem)');
  const place = () => (wide.matches ? $('key-numbers') : $('share')).after($('tool-bar'));
  wide.addEventListener('change', place);
  place();
  const views = createViews({ bar: $('tool-bar'), section: $('tool-view'), title: $('tool-title'), body: $('tool-body'), close: $('tool-close') },
    () => viewContext(pageState(), verdict(), regimeList, (id) => {
      form.regime.value = id;
      form.date.value = '';
      update();
      $('details-title').scrollIntoView({ block: 'start' });
      $('details-title').focus({ preventScroll: true });
    }), () => write(pageState()));
  toolFrom(views.get);
  return views;
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
