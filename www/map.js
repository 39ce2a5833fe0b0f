// The world map: precomputed Equal Earth paths (world.js) coloured by a class per country, with a
// pattern as a second cue beside colour, dots for small states, a tooltip on hover/focus/tap,
// click or Enter to choose a destination, and arrow keys to move between countries.
import { VIEWBOX, OUTLINE, SHAPES, SYMBOLS, OTHER } from './world.js';
import { s, h, fill } from './dom.js';

/** How each of the engine's map class ids is drawn: colour variable and pattern. Their meanings
 * come from the engine's legend. */
export const CLASSES = {
  'tier-1': { color: '--c-tier-1', pattern: 'solid' },
  'tier-2': { color: '--c-tier-2', pattern: 'dots' },
  'tier-3': { color: '--c-tier-3', pattern: 'hatch' },
  open: { color: '--c-open', pattern: 'solid' },
  exception: { color: '--c-exception', pattern: 'dots' },
  license: { color: '--c-license', pattern: 'cross' },
  denial: { color: '--c-denial', pattern: 'hatch' },
};

function pattern(id, kind, prefix = 'p') {
  const p = s('pattern', { id: `${prefix}-${id}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
    s('rect', { width: 6, height: 6, fill: `var(${CLASSES[id].color})` }));
  const ink = 'rgb(0 0 0 / .45)';
  if (kind === 'dots') p.append(s('circle', { cx: 3, cy: 3, r: 1.1, fill: ink }));
  if (kind === 'hatch') p.append(s('path', { d: 'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2', stroke: ink, 'stroke-width': 1.2 }));
  if (kind === 'cross') p.append(s('path', { d: 'M3,0 v6 M0,3 h6', stroke: ink, 'stroke-width': .8 }));
  return p;
}

let swatches = 0;

/** A small swatch for legends and tables. */
export function swatch(cls) {
  const id = `sw${++swatches}`;
  return s('svg', { viewBox: '0 0 12 12', 'aria-hidden': 'true' }, s('defs', {}, pattern(cls, CLASSES[cls].pattern, id)),
    s('rect', { width: 12, height: 12, fill: `url(#${id}-${cls})` }));
}

/** Builds the map into `host`. `names` maps ISO code → name; `onPick(code)` selects a destination. */
export function createMap(host, tip, names, onPick) {
  const svg = s('svg', { viewBox: VIEWBOX, tabindex: -1, role: 'group', 'aria-label': 'World map; use arrow keys to move between countries, Enter to choose one' });
  svg.append(s('defs', {}, Object.entries(CLASSES).map(([id, c]) => pattern(id, c.pattern))));
  svg.append(s('path', { d: OUTLINE, fill: 'var(--bg)', stroke: 'var(--line)' }));
  for (const d of OTHER) svg.append(s('path', { d, class: 'other', 'aria-hidden': 'true' }));
  const elements = new Map();
  for (const [code, d] of SHAPES) {
    const el = s('path', { d, 'data-country': code, tabindex: -1, role: 'button' });
    svg.append(el);
    elements.set(code, el);
  }
  const dots = s('g');
  svg.append(dots);
  for (const [code, x, y] of SYMBOLS) {
    const g = s('g', { 'data-country': code, tabindex: -1, role: 'button', class: 'symbol-group' });
    g.append(s('circle', { cx: x, cy: y, r: 3.2, class: 'symbol' }), s('circle', { cx: x, cy: y, r: 7, class: 'hit' }));
    dots.append(g);
    elements.set(code, g);
  }
  host.append(svg);

  // Dots keep a touch target of at least 24 CSS px whatever the map's width.
  const resize = () => {
    const scale = svg.getBoundingClientRect().width / 1000 || 1;
    for (const c of dots.querySelectorAll('.hit')) c.setAttribute('r', Math.max(7, 12 / scale));
    for (const c of dots.querySelectorAll('.symbol')) c.setAttribute('r', Math.max(3.2, 4 / scale));
  };
  new ResizeObserver(resize).observe(host);

  // Roving focus: one tab stop for the whole map, arrows move in name order.
  const order = [...elements.keys()].sort((a, b) => (names.get(a) || a).localeCompare(names.get(b) || b));
  let focused = order[0];
  elements.get(focused).setAttribute('tabindex', 0);
  let info = new Map();

  function showTip(code, x, y) {
    tip.textContent = info.get(code) || names.get(code) || code;
    tip.hidden = false;
    const r = tip.getBoundingClientRect();
    tip.style.left = `${Math.min(window.innerWidth - r.width - 8, Math.max(8, x + 12))}px`;
    tip.style.top = `${Math.max(8, y - r.height - 12)}px`;
  }
  function hideTip() { tip.hidden = true; }
  const codeOf = (target) => target.closest?.('[data-country]')?.getAttribute('data-country');

  function focusCode(code) {
    elements.get(focused)?.setAttribute('tabindex', -1);
    focused = code;
    const el = elements.get(code);
    el.setAttribute('tabindex', 0);
    el.focus();
  }

  svg.addEventListener('pointermove', (ev) => { const c = codeOf(ev.target); if (c) showTip(c, ev.clientX, ev.clientY); else hideTip(); });
  svg.addEventListener('pointerleave', hideTip);
  // A tap has no hover: the click that selects also shows the country's tooltip.
  svg.addEventListener('click', (ev) => {
    const c = codeOf(ev.target);
    if (!c) return;
    focusCode(c);
    onPick(c);
    showTip(c, ev.clientX, ev.clientY);
  });
  svg.addEventListener('focusin', (ev) => {
    const c = codeOf(ev.target);
    if (!c) return;
    const r = elements.get(c).getBoundingClientRect();
    showTip(c, r.left + r.width / 2, r.top);
  });
  svg.addEventListener('focusout', hideTip);
  svg.addEventListener('keydown', (ev) => {
    const i = order.indexOf(focused);
    const go = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
    if (go) { ev.preventDefault(); focusCode(order[(i + go + order.length) % order.length]); }
    else if (ev.key === 'Home') { ev.preventDefault(); focusCode(order[0]); }
    else if (ev.key === 'End') { ev.preventDefault(); focusCode(order[order.length - 1]); }
    else if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onPick(focused); }
    else if (/^[a-z]$/i.test(ev.key)) {
      const next = order.find((c, j) => j > i && (names.get(c) || '').toLowerCase().startsWith(ev.key.toLowerCase()))
        || order.find((c) => (names.get(c) || '').toLowerCase().startsWith(ev.key.toLowerCase()));
      if (next) focusCode(next);
    }
  });

  return {
    /** Colours every country: `classes` maps code → class id; `labels` maps code → accessible text. */
    paint(classes, labels) {
      info = labels;
      for (const [code, el] of elements) {
        const cls = classes.get(code);
        const fillRef = cls ? `url(#p-${cls})` : 'var(--c-none)';
        if (el.tagName === 'g') el.querySelector('.symbol').setAttribute('fill', fillRef);
        else el.setAttribute('fill', fillRef);
        el.setAttribute('aria-label', labels.get(code) || names.get(code) || code);
        el.setAttribute('data-class', cls || 'none');
      }
    },
    /** Outlines the chosen destination. */
    select(code) {
      for (const [c, el] of elements) el.classList.toggle('selected', c === code);
    },
    /** Emphasises the countries of one class (null: none). */
    highlight(cls) {
      svg.classList.toggle('highlighting', !!cls);
      for (const el of elements.values()) el.classList.toggle('hot', !!cls && el.getAttribute('data-class') === cls);
    },
    codes: () => [...elements.keys()],
  };
}

/** The legend: the engine's legend entries (class id, label, count), each with its swatch. */
export function renderLegend(el, legend, onHighlight) {
  fill(el, ...legend.filter((l) => CLASSES[l.status]).map((l) =>
    h('span', { tabindex: 0, onmouseenter: () => onHighlight(l.status), onmouseleave: () => onHighlight(null),
      onfocus: () => onHighlight(l.status), onblur: () => onHighlight(null) }, swatch(l.status), `${l.label}: ${l.count}`)));
}
