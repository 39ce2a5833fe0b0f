// The table view of the map: every country with its tier or rule and this order's outcome,
// sortable, and the screen-reader alternative to the map.
import { h, fill } from './dom.js';

const COLUMNS = [
  { key: 'name', label: 'Country or territory' },
  { key: 'code', label: 'Code' },
  { key: 'rule', label: 'Tier or rule' },
  { key: 'outcome', label: 'This order' },
];

/** A sortable table; `onPick(code)` selects a destination. Returns `update(rows)`. */
export function createTable(host, onPick) {
  let rows = [];
  let sort = { key: 'name', dir: 1 };

  function draw() {
    const sorted = [...rows].sort((a, b) => sort.dir * String(a[sort.key]).localeCompare(String(b[sort.key]), 'en', { numeric: true }));
    const head = h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', 'aria-sort': sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', onclick: () => { sort = { key: c.key, dir: sort.key === c.key ? -sort.dir : 1 }; draw(); } }, c.label))));
    const body = sorted.map((r) => h('tr', { 'data-row': r.code },
      h('td', {}, h('button', { type: 'button', onclick: () => onPick(r.code) }, r.name)),
      h('td', {}, r.code), h('td', {}, r.rule), h('td', {}, r.outcome)));
    fill(host, h('table', {}, h('caption', { class: 'caption' }, 'Every destination the calculator knows. Choose a name to make it the destination.'),
      h('thead', {}, head), h('tbody', {}, body)));
  }

  return {
    update(next) { rows = next; draw(); },
  };
}

/** A cell's sort key: its `data-sort` (a number where it reads as one) or its text. */
function key(cell) {
  const raw = cell?.dataset.sort ?? cell?.textContent ?? '';
  const n = Number(raw);
  return raw !== '' && Number.isFinite(n) ? n : raw;
}

/**
 * Makes a table's columns sortable: each `th[scope=col]` becomes a button that sorts the rows by
 * that column (again to reverse), keyed by each cell's `data-sort` or its text; numbers sort as
 * numbers and unknown values (`data-sort="-1"` or empty) last. Works on a table the build
 * pre-rendered as well as one a script drew; `aria-sort` says the order.
 */
export function sortable(table) {
  const heads = [...table.querySelectorAll('thead th[scope=col]')];
  let sort = { col: -1, dir: 1 };
  const order = (col, dir) => {
    const body = table.tBodies[0];
    const rows = [...body.rows];
    const k = new Map(rows.map((r) => [r, key(r.cells[col])]));
    const unknown = (v) => v === -1 || v === '';
    rows.sort((a, b) => {
      const x = k.get(a);
      const y = k.get(b);
      if (unknown(x) !== unknown(y)) return unknown(x) ? 1 : -1;
      if (typeof x === 'number' && typeof y === 'number') return dir * (x - y);
      return dir * String(x).localeCompare(String(y), 'en', { numeric: true });
    });
    body.append(...rows);
    heads.forEach((th, i) => th.setAttribute('aria-sort', i === col ? (dir > 0 ? 'ascending' : 'descending') : 'none'));
  };
  heads.forEach((th, i) => {
    if (th.querySelector('button')) return;
    const b = h('button', { type: 'button', class: 'sort', onclick: () => {
      sort = { col: i, dir: sort.col === i ? -sort.dir : 1 };
      order(sort.col, sort.dir);
    } });
    b.append(...th.childNodes);
    th.append(b);
    th.setAttribute('aria-sort', 'none');
  });
  return { resort: () => { if (sort.col >= 0) order(sort.col, sort.dir); } };
}
