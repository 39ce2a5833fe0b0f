// The timeline: a slider from the first rule to the data's last check. Dragging it asks the page
// for the rules in force on that day (the map and the answer follow); the dated events of the data
// are marked on it with their sources; the hypothetical regimes sit beside it, never on it. Every
// date, word and source comes from the engine's `timeline()`.
import { h, fill } from './dom.js';

const DAY = 86400000;
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const words = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };

/**
 * Builds the timeline in `root` from the engine's `timeline()`. `onDate(iso)` runs as the slider
 * moves, `onRegime(id)` when a hypothetical regime beside it is chosen.
 */
export function createTimeline(root, t, { onDate, onRegime }) {
  const lo = dayOf(t.start);
  const hi = dayOf(t.end);
  const at = (iso) => `${((Math.min(hi, Math.max(lo, dayOf(iso))) - lo) / (hi - lo)) * 100}%`;
  const inForce = (iso) => [...t.periods].reverse().find((p) => p.from <= iso) || t.periods[0];

  const slider = h('input', { type: 'range', id: 'timeline-date', min: lo, max: hi, step: 1, value: hi,
    'aria-describedby': 'timeline-now' });
  const marks = h('div', { class: 'tl-marks' });
  // One mark per day with events; its label lists them all.
  const byDay = new Map();
  for (const e of t.events) byDay.set(e.date, [...(byDay.get(e.date) || []), e]);
  for (const [date, es] of byDay) {
    const b = h('button', { type: 'button', class: `tl-mark ${es.map((e) => e.kind).join(' ')}`, 'data-date': date,
      'aria-label': `${words(date)}: ${es.map((e) => e.text).join(' ')}`, title: `${words(date)}: ${es[0].text}${es.length > 1 ? ` (+${es.length - 1})` : ''}`,
      onclick: () => set(date < t.start ? t.start : date, true) });
    b.style.left = at(date);
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
    h('p', { class: 'tl-hyp' }, 'Never in force, so not on the timeline: ',
      t.hypothetical.flatMap((r, i) => [i ? ' · ' : '', h('button', { type: 'button', class: 'linkish', 'data-regime': r.id,
        onclick: () => onRegime(r.id) }, `${r.short_name}, reported ${words(r.reported)}`)])));

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
    for (const m of marks.children) m.classList.toggle('past', m.dataset.date <= iso);
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
