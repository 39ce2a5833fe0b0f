// The timeline: a slider from the first rule to the data's last check. Dragging it asks the page
// for the rules in force on that day (the map and the answer follow); the dated events of the data
// are marked on it with their sources; the hypothetical regimes and the text on the books sit
// beside it, never on it. Every date, word and source comes from the engine's `timeline()`.
import { h, fill } from './dom.js';

const DAY = 86400000;
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const words = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };

/**
 * Builds the timeline in `root` from the engine's `timeline()`. `onDate(iso)` runs as the slider
 * moves, `onRegime(id)` when a regime beside it (hypothetical, or on the books) is chosen.
 */
export function createTimeline(root, t, { onDate, onRegime }) {
  const lo = dayOf(t.start);
  const hi = dayOf(t.end);
  const at = (iso) => `${((Math.min(hi, Math.max(lo, dayOf(iso))) - lo) / (hi - lo)) * 100}%`;
  const inForce = (iso) => [...t.periods].reverse().find((p) => p.from <= iso) || t.periods[0];

  const slider = h('input', { type: 'range', id: 'timeline-date', min: lo, max: hi, step: 1, value: hi,
    'aria-describedby': 'timeline-now' });
  const marks = h('div', { class: 'tl-marks' });
  // One mark per day with events, or per run of days too close to tell apart on the track (within
  // GAP of the run's first day: on a phone a mark is 4 % of the track), so no mark hides another
  // from a pointer. Its label lists every event; it moves the slider to the run's last day, where
  // the list shows them all. The engine gives the events in date order.
  const GAP = Math.max(1, Math.round((hi - lo) * 0.03));
  const runs = [];
  for (const e of t.events) {
    const run = runs[runs.length - 1];
    if (run && dayOf(e.date) - dayOf(run[0].date) <= GAP) run.push(e);
    else runs.push([e]);
  }
  for (const es of runs) {
    const first = es[0].date;
    const last = es[es.length - 1].date;
    const dates = [...new Set(es.map((e) => e.date))];
    const label = dates.map((d) => `${words(d)}: ${es.filter((e) => e.date === d).map((e) => e.text).join(' ')}`).join(' ');
    const b = h('button', { type: 'button', class: `tl-mark ${es.map((e) => e.kind).join(' ')}`, 'data-date': last,
      'data-dates': dates.join(' '), 'aria-label': label,
      title: `${words(first)}${last !== first ? ` – ${words(last)}` : ''}: ${es[0].text}${es.length > 1 ? ` (+${es.length - 1})` : ''}`,
      onclick: () => set(last < t.start ? t.start : last, true) });
    b.style.left = at(first);
    marks.append(b);
  }
  const bands = h('div', { class: 'tl-bands', 'aria-hidden': 'true' }, t.periods.map((p) => {
    const band = h('span', { class: 'tl-band', 'data-regime': p.id }, p.short_name);
    band.style.left = at(p.from);
    band.style.width = `calc(${at(p.until || t.end)} - ${at(p.from)})`;
    return band;
  }));
  const now = h('p', { id: 'timeline-now', class: 'tl-now', 'aria-live': 'polite' });
  const happened = h('ol', { class: 'tl-events', 'aria-label': 'What happened by this day' });

  fill(root,
    h('div', { class: 'tl-track' },
      h('label', { for: 'timeline-date', class: 'sr-only' }, 'Day'),
      slider, marks, bands),
    h('div', { class: 'tl-ends' }, h('span', {}, words(t.start)), h('span', {}, `${words(t.end)} (data last checked)`)),
    now,
    h('details', { class: 'tl-list' }, h('summary', {}, 'Events up to this day, with sources'), happened),
    beside('Never in force, so not on the timeline: ', t.hypothetical, (r) => `reported ${words(r.reported)}`),
    beside('In the CFR but not enforced, so not on the timeline: ', t.unenforced, (r) => `in the CFR since ${words(r.since)}`));

  /** Regimes beside the timeline, not on it: each a button that chooses it, named with `when`. */
  function beside(lead, list, when) {
    return h('p', { class: 'tl-hyp' }, lead, list.flatMap((r, i) => [i ? ' · ' : '',
      h('button', { type: 'button', class: 'linkish', 'data-regime': r.id, onclick: () => onRegime(r.id) }, `${r.short_name}, ${when(r)}`)]));
  }

  function describe(iso) {
    const p = inForce(iso);
    const past = t.events.filter((e) => e.date <= iso);
    const latest = past[past.length - 1];
    slider.setAttribute('aria-valuetext', `${words(iso)}: ${p.short_name}`);
    fill(now, h('strong', {}, words(iso)), `: ${p.short_name} in force.`,
      latest ? [' Latest event, ', words(latest.date), ': ', latest.text, ' ', h('a', { href: latest.citation.url, rel: 'noopener' }, `[${latest.citation.label}]`)] : '');
    fill(happened, [...past].reverse().map((e) => h('li', { 'data-date': e.date },
      h('time', { datetime: e.date }, words(e.date)), ' ', e.text, ' ',
      h('a', { href: e.citation.url, rel: 'noopener' }, `[${e.citation.label}]`))));
    for (const m of marks.children) m.classList.toggle('past', m.dataset.dates.split(' ')[0] <= iso);
  }

  function set(iso, notify) {
    slider.value = String(dayOf(iso));
    describe(iso);
    if (notify) onDate(iso);
  }

  slider.addEventListener('input', () => { const iso = isoOf(Number(slider.value)); describe(iso); onDate(iso); });

  return {
    /** Moves the slider to the page's date (the rules menu or a link changed it), without asking again. */
    show(iso) { set(iso || t.end, false); },
  };
}
