// "Compare all rules": the current order under every regime side by side, one column per regime
// (the engine's order: real ones by date, then the hypothetical ones, labelled), one row per
// thing a reader checks. Cells that differ from the rules answering above are marked with "≠"
// and words, not by colour alone, and every cell links to that regime's full cited answer. Every
// value is the engine's (`compare()` of the tools engine): ids decide what is marked, the engine's
// labels are what is shown.
import { h, fill, num } from './dom.js';
import { tools } from './tools.js';

const over = (c) => c.over_by_tpp !== null;

/** One row per cell the engine compares; `key` is what "differs" means (as the engine's `differs`). */
const ROWS = [
  { cell: 'outcome_class', label: 'Answer', key: (c) => c.outcome_class,
    text: (c) => [c.headline, c.contested.length ? ' (depends on a contested point)' : ''] },
  { cell: 'tier', label: 'Tier of the destination', key: (c) => c.tier, text: (c) => (c.tier ? `Tier ${c.tier}` : 'no tiers in these rules') },
  { cell: 'license_required', label: 'License needed', key: (c) => c.license_required, text: (c) => (c.license_required ? 'Yes' : 'No') },
  { cell: 'exception_used', label: 'License exception relied on', key: (c) => c.exception_used, text: (c) => c.exception_used || 'none' },
  { cell: 'main_cap', label: 'Cap this order meets', key: (c) => c.main_cap && [c.main_cap.id, c.main_cap.limit_tpp],
    text: (c) => {
      const m = c.main_cap;
      if (!m) return 'none applies';
      const state = over(m) ? `over by ${num(m.over_by_tpp)} TPP` : `${num(m.headroom_tpp)} TPP left (≈ ${num(m.headroom_h100e, 1)} H100s)`;
      return `${m.short_name}: ${state}${m.counts ? '' : ' (this order does not count against it)'}`;
    } },
  { cell: 'review_policy', label: 'Review of a license application', key: (c) => c.review_policy,
    text: (c) => c.review_policy_label || (c.license_required ? 'no review policy published' : 'no license needed') },
  { cell: 'largest_license_free', label: 'Largest quantity of this chip with no license',
    key: (c) => [c.largest_license_free.kind, c.largest_license_free.quantity],
    // A quantity another reading of a contested point changes says so, with that reading's.
    text: (c) => [c.largest_license_free.label, ...c.largest_license_free_readings.map((o) => `; ${o.short}: ${o.largest_license_free.label}`)] },
];

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** "13 Jan 2025 – 12 May 2025", "from 15 Jan 2026", or "reported 2025-04-29, never in force". */
function when(r, day) {
  if (!r) return '';
  if (r.hypothetical) return `reported ${day(r.effective)}, never in force`;
  if (r.unenforced) return `in the CFR since ${day(r.effective)}, not enforced`;
  return r.in_force_until ? `${day(r.effective)} – ${day(r.in_force_until)}` : `from ${day(r.effective)}`;
}

function head(col, answering, regimes, day) {
  const r = regimes.find((x) => x.id === col.regime.id);
  return h('th', { scope: 'col', 'data-regime': col.regime.id, class: col.regime.id === answering ? 'answering' : null },
    col.regime.hypothetical ? [h('span', { class: 'badge' }, 'Hypothetical'), ' ']
      : col.regime.unenforced ? [h('span', { class: 'badge' }, 'Not enforced'), ' ']
      : r?.default ? [h('span', { class: 'badge' }, 'In force now'), ' '] : null,
    h('a', { class: 'regime-name', href: `sources.html#regime-${encodeURIComponent(col.regime.id)}` }, col.regime.short_name),
    h('small', { class: 'regime-when' }, when(r, day)),
    col.regime.id === answering ? h('small', { class: 'answering-mark' }, 'answering above') : null);
}

function cell(row, col, base, differs, link, answering) {
  const changed = differs.has(row.cell) && base && !same(row.key(col), row.key(base));
  const cls = [changed ? 'differs' : '', col.regime.id === answering ? 'answering' : ''].join(' ').trim();
  return h('td', { 'data-regime': col.regime.id, 'data-cell': row.cell, class: cls || null },
    h('a', { href: link(col.regime.id), 'data-regime': col.regime.id },
      changed ? [h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '≠ '), h('span', { class: 'sr-only' }, 'Differs: ')] : null,
      row.text(col),
      // Where the answer turns on a contested point, the other cells hold on its first reading
      // only (rule.md Errata 2: a disputed point is never shown as settled).
      col.contested.length && row.cell !== 'outcome_class' && row.cell !== 'tier'
        ? h('small', { class: 'reading-note' }, ' (on the first reading; it depends)') : null));
}

/** The table for one comparison; `answering` is the id of the rules answering above. */
function table(out, { answering, regimes, day, link, order }) {
  const base = out.columns.find((c) => c.regime.id === answering);
  const differs = new Set(out.differs);
  const name = regimes.find((r) => r.id === answering)?.short_name || 'the rules answering above';
  const caption = [`${order}, under every set of rules. `, h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '≠'),
    ` marks what differs from ${name}, the rules answering above. Each cell opens that rule's cited answer.`];
  return [
    h('p', { class: 'caption', id: 'compare-caption' }, caption),
    h('div', { class: 'scroll compare-scroll', role: 'region', 'aria-labelledby': 'compare-caption', tabindex: '0' },
      h('table', { class: 'compare', id: 'compare-table' },
        h('caption', { class: 'sr-only' }, `${order}, under every set of rules, compared with ${name}.`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'corner' }, 'Rules'), out.columns.map((c) => head(c, answering, regimes, day)))),
        h('tbody', {}, ROWS.map((row) => h('tr', { 'data-row': row.cell },
          h('th', { scope: 'row' }, row.label),
          out.columns.map((c) => cell(row, c, base, differs, link, answering))))))),
  ];
}

/**
 * Draws the comparison for the page's current order into `host`. `ctx`: `query` (the engine
 * query, its `regime`/`date` ignored), `answering` (regime id), `regimes`, `day` (date words),
 * `link(regimeId)` (the address of that regime's answer), `pick(regimeId)` (answer under it
 * here), `order` (the order in words). Returns when drawn.
 */
export async function render(host, ctx) {
  const engine = await tools();
  const { regime, date, ...q } = ctx.query;
  let out;
  try {
    out = engine.compare(q);
  } catch (e) {
    fill(host, h('p', { class: 'error' }, h('strong', {}, 'Cannot compare yet: '), e.message));
    return;
  }
  fill(host, table(out, ctx),
    h('p', { class: 'hint' }, `Dataset ${out.data.version}. The largest quantity with no license is found by the engine for this destination and buyer; `,
      'hypothetical rules were reported, never in force; the AI Diffusion rule on the books is still in the CFR but not enforced.'));
  host.querySelector('table').addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-regime]');
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    ctx.pick(a.dataset.regime);
  });
}
