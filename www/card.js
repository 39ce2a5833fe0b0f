// The country card beside the map: after a click (or Enter) on a country, its verdict under the
// chosen rules and one line under every regime, so comparing rules for one place needs no
// scrolling. Every line is the engine's headline for the same order under that regime.
import { h, fill } from './dom.js';

/**
 * Fills `el` for the destination `code`. `answer(regimeId)` returns the engine's answer for the
 * current order to that destination under that regime (or throws); `chosen` is the regime
 * answering now (an id, or '' for the rules in force).
 */
export function renderCard(el, { name, regimes, answer, chosen, onClose }) {
  const rows = regimes.map((r) => {
    let v = null;
    try { v = answer(r.id); } catch { v = null; }
    const depends = v && (v.contested.some((c) => c.depends) || v.contested_combinations.length);
    const current = r.id === chosen || (!chosen && r.default);
    return h('li', { 'data-regime': r.id, 'data-class': v?.outcome_class || 'none', class: current ? 'current' : null },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('strong', {}, r.short_name, r.default ? ' (in force now)' : ''), ': ',
      v ? v.headline : 'no answer for this order under these rules',
      depends ? ' It depends on a contested point; see the full answer.' : '');
  });
  fill(el,
    h('div', { class: 'card-head' },
      h('h3', { id: 'card-title' }, name, ' under every set of rules'),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: onClose }, '×')),
    h('ul', { class: 'card-list' }, rows),
    h('p', {}, h('a', { href: '#details-title' }, 'The full cited answer')));
  el.hidden = false;
}
