// The chips page (chips.html, pre-rendered by h100e-site): makes its three parts interactive with
// the tools engine (tools.js). The converter counts every chip in an amount given as chips, TPP,
// H100-equivalents or a legal line; the table of legal lines counts them in any chip; the catalog
// sorts, filters and downloads as CSV. The tables are the build's: this module only sorts them and
// replaces the cells the engine recomputes, so the page reads the same without it.
import { h, fill, num } from './dom.js';
import { tools } from './tools.js';
import { sortable } from './table.js';

const $ = (id) => document.getElementById(id);
/** The converter's input for each query field the engine may name in an error. */
const INPUT = { chips: 'cv-quantity', quantity: 'cv-quantity', chip: 'cv-chip', tpp: 'cv-tpp', h100e: 'cv-h100e', threshold: 'cv-threshold' };

/** The converter's text fields and menus, by URL parameter (a link reproduces a conversion). */
const TEXT = { quantity: 'cv-quantity', tpp: 'cv-tpp', h100e: 'cv-h100e' };
const MENUS = { chip: 'cv-chip', threshold: 'cv-threshold', in: 'lines-chip' };
const GIVEN = ['chips', 'tpp', 'h100e', 'threshold'];

/**
 * Puts a link's conversion in the form. Text goes into its field as typed (the engine then checks
 * it, and a refusal is shown at the field); a menu value the page does not offer is refused with a
 * notice, as is an unknown parameter.
 */
function readLink() {
  const refused = [];
  for (const [k, v] of new URLSearchParams(location.search)) {
    if (k === 'given' && GIVEN.includes(v)) $(`given-${v}`).checked = true;
    else if (TEXT[k]) $(TEXT[k]).value = v.slice(0, 60);
    else if (MENUS[k] && [...$(MENUS[k]).options].some((o) => o.value === v)) $(MENUS[k]).value = v;
    else refused.push(`${k} = “${v.slice(0, 40)}”`);
  }
  return refused.length ? `This link asked for ${refused.join(', ')}, which the page does not know; it was ignored.` : '';
}

/** The form's conversion as a query string. */
function linkOf() {
  const { given, q } = asked();
  const p = new URLSearchParams({ given, ...q });
  if ($('lines-chip').value !== $('lines-chip').querySelector('[selected]')?.value) p.set('in', $('lines-chip').value);
  return p.toString();
}
let plain = '';

/** Writes the conversion to the address bar (none for the page's own first one), adding no history. */
function writeLink() {
  const qs = linkOf();
  history.replaceState(null, '', qs === plain ? `${location.pathname}${location.hash}` : `?${qs}${location.hash}`);
}

/** A count, or its range where the chip's TPP readings disagree (as the build writes it). */
function countCell(td, f) {
  const counts = f.readings.map((r) => r.count).filter((c) => c !== null);
  if (!counts.length) { td.dataset.sort = '-1'; fill(td, 'unknown (TPP not published)'); return; }
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  const main = f.count ?? lo;
  td.dataset.sort = String(main);
  fill(td, num(main), lo === hi ? null : [' ', h('span', { class: 'range' }, `(${num(lo)}–${num(hi)} by the sources' TPP figures: contested)`)]);
}

/** The query the converter's form asks for, and the input that holds its amount. */
function asked() {
  const given = document.querySelector('input[name=given]:checked').value;
  if (given === 'chips') return { given, q: { chip: $('cv-chip').value, quantity: $('cv-quantity').value.trim() } };
  return { given, q: { [given]: $(INPUT[given]).value.trim() } };
}

function showError(message, field) {
  for (const id of new Set(Object.values(INPUT))) $(id).removeAttribute('aria-invalid');
  $('cv-error').textContent = message ? `Cannot convert: ${message} Your entry is kept; correct it and the table updates.` : '';
  if (field) $(field).setAttribute('aria-invalid', 'true');
}

function createConverter(engine, chipNames) {
  const table = sortable($('convert-table'));
  const rows = new Map([...$('convert-table').tBodies[0].rows].map((r) => [r.dataset.chip, r]));
  function update() {
    const { given, q } = asked();
    let out;
    try {
      out = engine.convert(q);
    } catch (e) {
      showError(e.message, INPUT[e.field] || INPUT[given]);
      return;
    }
    showError('');
    const a = out.amount;
    const what = a.given === 'chips' ? `${num(a.quantity)} × ${chipNames.get(a.chip)} ` : out.threshold ? `${out.threshold.name}: ` : '';
    fill($('convert-amount'), what, '= ', h('strong', {}, `${num(a.tpp)} TPP`), ' ≈ ', h('strong', {}, `${num(a.h100e)} H100-equivalents`), '.',
      out.threshold?.hypothetical ? [' ', h('span', { class: 'badge' }, 'Hypothetical')] : null);
    fill($('convert-caption'), `How many whole units of each chip fit: ${out.note}.`);
    for (const f of out.chips) {
      const row = rows.get(f.id);
      if (row) countCell(row.cells[3], f);
    }
    table.resort();
    writeLink();
  }
  $('convert-form').addEventListener('input', (ev) => {
    // Typing into an amount chooses its way of giving the amount.
    const radio = ev.target.closest('.given')?.querySelector('input[type=radio]');
    if (radio && ev.target !== radio) radio.checked = true;
    update();
  });
  $('convert-form').addEventListener('change', update);
  $('convert-form').addEventListener('submit', (ev) => { ev.preventDefault(); update(); });
  return { update, showLine: (id) => { $('given-threshold').checked = true; $('cv-threshold').value = id; update(); } };
}

function createLines(engine, converter) {
  const table = sortable($('lines-table'));
  const conversions = new Map(engine.thresholds().map((t) => [t.id, engine.convert({ threshold: t.id })]));
  for (const row of $('lines-table').tBodies[0].rows) {
    const id = row.dataset.threshold;
    row.cells[0].append(' ', h('button', { type: 'button', class: 'row-action', 'aria-label': `Every chip under ${id}`, onclick: () => {
      converter.showLine(id);
      $('convert').scrollIntoView({ block: 'start' });
      $('cv-threshold').focus({ preventScroll: true });
    } }, 'Every chip'));
  }
  const select = $('lines-chip');
  function update() {
    fill($('lines-chip-name'), select.selectedOptions[0]?.textContent || select.value);
    for (const row of $('lines-table').tBodies[0].rows) {
      const f = conversions.get(row.dataset.threshold)?.chips.find((c) => c.id === select.value);
      if (f) countCell(row.cells[4], f);
    }
    table.resort();
    writeLink();
  }
  select.addEventListener('change', update);
  select.disabled = false;
  update();
}

function createCatalog(engine) {
  sortable($('catalog-table'));
  const chips = engine.chips();
  const data = engine.dataset().data;
  const rows = [...$('catalog-table').tBodies[0].rows];
  const distinct = (key) => [...new Set(chips.map((c) => c[key]))].sort();
  for (const [id, key] of [['cat-eccn', 'eccn'], ['cat-dc', 'datacenter']]) $(id).append(...distinct(key).map((v) => h('option', { value: v }, v)));
  const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  function update() {
    const text = fold($('cat-search').value.trim());
    let shown = 0;
    for (const r of rows) {
      const ok = (!text || fold(r.cells[0].textContent).includes(text))
        && (!$('cat-eccn').value || r.dataset.eccn === $('cat-eccn').value)
        && (!$('cat-dc').value || r.dataset.datacenter === $('cat-dc').value);
      r.hidden = !ok;
      if (ok) shown += 1;
    }
    $('cat-count').textContent = `Showing ${shown} of ${rows.length} chips.`;
  }
  $('catalog-filters').addEventListener('input', update);
  $('catalog-filters').addEventListener('submit', (ev) => ev.preventDefault());
  $('cat-csv').addEventListener('click', async () => {
    const { chipsCsv, save } = await import('./download.js');
    const visible = new Set(rows.filter((r) => !r.hidden).map((r) => r.dataset.chip));
    save(chipsCsv(chips.filter((c) => visible.has(c.id)), data), `h100e-chips-${data.version}.csv`, 'text/csv');
  });
  $('catalog-fields').disabled = false;
  update();
}

async function main() {
  $('status').textContent = 'Loading the converter…';
  let engine;
  try {
    engine = await tools();
  } catch (e) {
    $('status').textContent = e.message;
    return;
  }
  const chipNames = new Map(engine.chips().map((c) => [c.id, c.name]));
  plain = linkOf();
  const refused = readLink();
  const converter = createConverter(engine, chipNames);
  createLines(engine, converter);
  createCatalog(engine);
  converter.update();
  $('convert-fields').disabled = false;
  $('status').textContent = refused;
  document.documentElement.dataset.ready = 'true';
}

main();
