// The country card beside the map: after a click (or Enter) on a country, one line under every
// regime for the same order (the engine's outcome class, the exception relied on, the review
// policy), so comparing rules for one place needs no scrolling; the chosen regime's line is marked
// and the full cited answer is one link away.
import { h, fill } from './dom.js';
import { turnsOnContest } from './answer.js';

/**
 * Fills `el` for the destination `code`. `answer(regimeId)` returns the engine's answer for the
 * current order to that destination under that regime (or throws); `chosen` is the regime
 * answering now (an id, or '' for the rules in force).
 */
export function renderCard(el, { name, regimes, answer, chosen, onClose }) {
  const rows = regimes.map((r) => {
    let v = null;
    try { v = answer(r.id); } catch { v = null; }
    const depends = v && turnsOnContest(v);
    const current = r.id === chosen || (!chosen && r.default);
    const line = v ? [v.outcome_class_label, v.license_exceptions.find((e) => e.used)?.name, v.review_policy_label].filter(Boolean).join(' · ') : 'no answer for this order';
    return h('li', { 'data-regime': r.id, 'data-class': v?.outcome_class || 'none', class: current ? 'current' : null, title: v?.headline },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: 'card-regime' }, r.short_name, r.default ? ' (now)' : ''), ' ',
      // Short: seven rules, each a line or two, must fit beside the map without moving it.
      h('span', { class: 'card-line' }, line, depends ? ' · it depends' : ''));
  });
  fill(el,
    h('div', { class: 'card-head' },
      h('h3', { id: 'card-title' }, name, ': this order under every set of rules'),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: onClose }, '×')),
    h('ul', { class: 'card-list' }, rows),
    h('p', {}, h('a', { href: '#details-title' }, 'The full cited answer')));
  el.hidden = false;
}
