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
