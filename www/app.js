// The page: loads the engine (WebAssembly), builds the form from its data, and on every change
// asks it for the answer, the map classes and the table. The page holds no rule logic: every
// verdict, number and citation comes from the engine. What did not change is not rebuilt: the
// answer when the query is the same, the map when its classes are the same (paint.js).
// This module starts the page and draws the answer; the state a link asks for is linkstate.js's,
// the page's state and address pagestate.js's, the map's colours paint.js's, the panels on the
// tools engine panels.js's and the form's events formevents.js's.
import { $, h } from './dom.js';
import { renderVerdict, renderKeyNumbers, renderDetails, renderError, turnsOnContest } from './answer.js';
import { renderCard } from './card.js';
import { createShare } from './share.js';
import { createMap } from './map.js';
import { createTable } from './table.js';
import { form, INPUT_OF_FIELD, writeForm, syncVisibility, query, regimeOptions, chipOptions } from './form.js';
import { eng, full, startEngine, regimeList, chipList, data, names } from './engine.js';
import { stateFromLink } from './linkstate.js';
import { startState, pageState, commit } from './pagestate.js';
import { write } from './urlstate.js';
import { setupPaint, paintMap, tiersFor } from './paint.js';
import { setupPanels, setupViews, scenarioEditor, syncPanels } from './panels.js';
import { wireForm } from './formevents.js';

let map;
let share;
let views = null;
/** The query the answer on screen was drawn for, and that answer (null while the engine refuses the query). */
let answerKey = null;
let verdict = null;
/** The destination whose card a map click asked for, shown by the next update. */
let cardCode = null;

let glossary = null;
/**
 * Each acronym's first use in the answer gets its glossary entry on hover, focus or tap. The
 * module and the terms (kept in a hidden holder so that `aria-describedby` can point at them)
 * load when the page is idle after the first answer, the definitions (glossary.html) with the
 * first use of a term; marking is idempotent, so a late load is harmless.
 */
function gloss(roots = ['verdict-slot', 'answer']) {
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
  glossary.then((g) => { for (const id of roots) g.annotate($(id)); }).catch(() => {});
}
// The answer's "all steps" are marked when the reader opens them (a click, or Enter or Space on its
// summary): a closed <details> is skipped (glossary.js). Not on `toggle`, which an answer rebuilt
// with the list open fires too.
document.addEventListener('click', (ev) => { if (ev.target.closest?.('#all-steps > summary')) setTimeout(gloss); });

async function main() {
  const started = performance.now();
  await startEngine();
  regimeOptions(regimeList);
  chipOptions(chipList);
  // A link with a scenario is answered by the tools engine from the start; if it cannot load, the
  // scenario is refused like any bad value and the page answers without it.
  if (new URLSearchParams(location.search).get('scenario')) await full().catch(() => {});
  const start = stateFromLink(regimeList, chipList, data.data.version);
  writeForm(start);
  const fixed = startState(start);
  map = createMap($('map'), $('tip'), names, pickOnMap(fixed));
  setupPanels(update, schedule, () => { answerKey = null; });
  share = createShare($('share'), () => ({ st: pageState(), verdict, data: data.data }));
  const table = createTable($('table'), (code) => { form.to.value = names.get(code); commit(names.get(code)); update(); form.to.focus(); });
  setupPaint(map, table, schedule);
  wireForm(update, schedule);
  form.date.min = data.coverage_start;
  $('h100-unit').textContent = `; one H100 is ${data.h100_tpp.toLocaleString('en-US')}`;
  if ($('foot-data')) $('foot-data').textContent = `Rules and country groups from ${data.coverage_start} (${data.coverage_start_regime}) to ${data.data_horizon}; dataset ${data.data.version}, sources last checked ${data.data.checked}: ${data.data.note} Every figure links to its source in the answer.`;
  $('fields').disabled = false;
  $('status').textContent = '';
  views = setupViews(() => verdict);
  update();
  if (start.tool) views?.set(start.tool, false);
  document.documentElement.dataset.ready = String(Math.round(performance.now() - started));
  performance.mark('h100e-ready');
}

/**
 * What a map click does: nothing in a fixed embed; while the scenario editor is picking, moves the
 * place; otherwise chooses the destination and shows its card. The new answer above the map may be
 * taller or shorter than the last ("It depends…" takes several lines): the page scrolls by as much
 * as the map moved, at once (no motion to see), so the map stays under the pointer and the next
 * click lands on the country under it, as the README promises. Then the card is brought into view
 * if none of it shows.
 */
function pickOnMap(fixed) {
  return (code) => {
    if (fixed) return;
    const editor = scenarioEditor();
    if (editor?.picking) {
      const { t } = tiersFor({ ...pageState(), scenario: '' });
      editor.pickOnMap(code, names.get(code), t?.destinations.find((d) => d.code === code)?.status);
      return;
    }
    form.to.value = names.get(code);
    commit(names.get(code));
    cardCode = code;
    const top = $('map').getBoundingClientRect().top;
    update();
    window.scrollBy({ top: $('map').getBoundingClientRect().top - top, behavior: 'instant' });
    // Scrolled to only when none of it shows: scrolling a tall card whole into view would move
    // the map from under the pointer, and the next click must land where the reader aims.
    const card = $('card').getBoundingClientRect();
    if (card.bottom <= 0 || card.top >= innerHeight) $('card').scrollIntoView({ block: 'nearest' });
  };
}

function markInvalid(field) {
  if (scenarioEditor()?.markInvalid(field)) $('whatif').open = true;
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

let explaining = 0;
/**
 * The step-by-step answer below the verdict, with its glossary marks: at once, or, while the
 * reader types (`later`), once typing pauses. Rebuilding it on every key was about a third of a
 * keystroke's work, for a part of the page out of view while typing; until it is rebuilt it is
 * hidden and marked busy, so the steps of an earlier order never stand beside the new verdict.
 */
function explain(v, later) {
  clearTimeout(explaining);
  const el = $('answer');
  if (later) {
    el.setAttribute('aria-busy', 'true');
    gloss(['verdict-slot']);
    explaining = setTimeout(() => explain(v, false), 300);
    return;
  }
  renderDetails(el, v, $('all-steps')?.open);
  el.removeAttribute('aria-busy');
  gloss();
}

/** Answers the form as it stands; `typing` when a key in a text field asked (see `explain`). */
function update(typing = false) {
  const t0 = performance.now();
  syncVisibility();
  const st = pageState();
  write(st);
  const q = query(st);
  const key = JSON.stringify(q);
  let spoken;
  try {
    if (key !== answerKey) {
      verdict = eng.evaluate(q);
      renderVerdict($('verdict-slot'), verdict);
      renderKeyNumbers($('key-numbers'), verdict);
      explain(verdict, typing);
      // A tab or a shared title must not pass off a proposal's or an unenforced text's answer as the rule.
      const rules = verdict.regime.hypothetical ? ' (hypothetical rules)' : verdict.regime.unenforced ? ' (not enforced)' : '';
      document.title = `${verdict.destination.name}, ${verdict.order.quantity.toLocaleString('en-US')} × ${verdict.chip.name}: ${verdict.outcome_class_label}${turnsOnContest(verdict) ? ' (depends on a contested point)' : ''}${rules} — h100e`;
      answerKey = key;
    }
    markInvalid(null);
    document.body.classList.remove('stale');
    $('verdict-slot').parentElement.style.minHeight = '';
    spoken = verdict.headline;
  } catch (e) {
    answerKey = null;
    verdict = null;
    // The error takes the place of the verdict and its key numbers (unshown, style.css), and
    // keeps at least their height, so the map below does not move while a field is being fixed;
    // a message longer than that grows the box, for the reader must see all of it.
    const slot = $('verdict-slot');
    const box = slot.parentElement;
    if (!document.body.classList.contains('stale')) box.style.minHeight = `${box.getBoundingClientRect().height}px`;
    renderError(slot, e.message);
    markInvalid(e.field);
    // The last good answer's steps and card keep their place, unshown, so nothing jumps.
    document.body.classList.add('stale');
    spoken = `Cannot answer yet: ${e.message}`;
    // The tab's title must not keep naming the last answer while the question has none.
    document.title = `${spoken} — h100e`;
  }
  share.refresh();
  // Screen readers hear the one-line verdict when it changes, not the whole answer on every key.
  if ($('live').textContent !== spoken) $('live').textContent = spoken;
  paintMap(st, q, verdict);
  syncPanels(st, q, verdict);
  if (!$('card').hidden || cardCode) showCard(st, q, verdict);
  views?.refresh();
  // For the page benchmark: how long answering and repainting took, without the frame wait.
  document.documentElement.dataset.updateMs = (performance.now() - t0).toFixed(2);
}

function showCard(st, q, verdict) {
  const code = cardCode || verdict?.destination.code;
  if (!code) return;
  cardCode = null;
  renderCard($('card'), {
    name: names.get(code), regimes: regimeList, chosen: verdict?.regime.id,
    answer: (id) => { const { date, scenario: _, ...rest } = q; return eng.evaluate({ ...rest, to: code, regime: id }); },
    onClose: () => { $('card').hidden = true; map.focusSelected(); },
  });
}

let pending = false;
let typed = false;
/** Answers at the next frame, once however many changes arrive before it (`typing`: a key in a text field). */
function schedule(typing = false) {
  typed ||= typing;
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => { pending = false; const t = typed; typed = false; update(t); });
  }
}

main().catch((e) => {
  $('status').textContent = `The calculator could not start: ${e.message}`;
});
