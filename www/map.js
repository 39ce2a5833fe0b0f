// The world map: precomputed paths (world.js, which the build pre-renders into the page) coloured by a class per country, with a pattern as a
// second cue beside colour, dots for small states, regional insets where places are crowded, a
// tooltip on hover/focus/tap, click or Enter to choose a destination, and arrow keys that move to
// the nearest country in that direction.
//
// Pointing rule: land always wins. A pointer over a country's own land picks that country; a small
// place's 24 px target (WCAG 2.5.8) lies beneath every land shape, so it only catches the pointer
// over water, and where such targets overlap the nearest dot wins. Dots themselves take no pointer
// events, so a dot drawn over a neighbour never hides the neighbour.
import { s, h, fill } from './dom.js';

/** How each of the engine's map class ids is drawn: colour variable and pattern. Their meanings
 * come from the engine's legend; one colour always means the same class id in every regime. */
export const CLASSES = {
  'tier-1': { color: '--c-tier-1', pattern: 'solid' },
  'tier-2': { color: '--c-tier-2', pattern: 'dots' },
  'tier-3': { color: '--c-tier-3', pattern: 'hatch' },
  open: { color: '--c-open', pattern: 'solid' },
  exception: { color: '--c-exception', pattern: 'dots' },
  license: { color: '--c-license', pattern: 'cross' },
  denial: { color: '--c-denial', pattern: 'hatch' },
  // The difference map (diff.js): how this order's outcome changed between two sets of rules.
  stricter: { color: '--c-stricter', pattern: 'hatch' },
  looser: { color: '--c-looser', pattern: 'solid' },
  rerouted: { color: '--c-rerouted', pattern: 'dots' },
  same: { color: '--c-same', pattern: 'solid' },
};

/** Half a tap target in CSS px: targets are at least 24 px across (WCAG 2.5.8). */
const TARGET = 12;
/** Every drawn map (the world and each inset) with its small places' targets, for `codeAt`. */
const views = [];

function pattern(id, kind, prefix = 'p') {
  const p = s('pattern', { id: `${prefix}-${id}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
    s('rect', { width: 6, height: 6, fill: `var(${CLASSES[id].color})` }));
  // Light ink on the light scheme's dark fills, dark ink on the dark scheme's light ones (--c-ink).
  const ink = 'var(--c-ink)';
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

/** The country a client point picks on any drawn map, or null (sea far from any dot, Kosovo, off the map).
 * Land under the point wins; over water, the nearest small place whose target covers the point. */
export function codeAt(x, y) {
  const el = document.elementFromPoint(x, y);
  const view = el && views.find((v) => v.svg.contains(el));
  if (!view) return null;
  const own = el.getAttribute('data-country') || el.getAttribute('data-code');
  if (own) return own;
  if (!el.hasAttribute('data-hit')) return null;
  const p = new DOMPoint(x, y).matrixTransform(view.svg.getScreenCTM().inverse());
  let best = null;
  for (const t of view.targets) {
    const d = Math.hypot(t.x - p.x, t.y - p.y);
    if (d <= view.radius && (!best || d < best.d)) best = { code: t.code, d };
  }
  return best?.code ?? null;
}

/** A drawn map's parts: its svg, three layers (targets beneath land, dots above) and, on top of
 * everything, the rings that outline the selected and the focused country, so that no neighbour
 * drawn later hides half of the outline. */
function view(svg) {
  const layer = (cls) => s('g', { class: cls });
  const v = { svg, targets: [], radius: TARGET, hits: layer('hits'), land: layer('land'), dots: layer('dots'),
    selected: s('path', { class: 'ring ring-selected' }), focus: [s('path', { class: 'ring ring-focus' }), s('path', { class: 'ring ring-focus-inner' })] };
  svg.append(v.hits, v.land, v.dots, v.selected, ...v.focus);
  views.push(v);
  return v;
}

/** The outline of a drawn element: a path's own path, or a circle around a dot. */
function outline(el) {
  if (!el) return '';
  if (el.tagName === 'path') return el.getAttribute('d');
  const dot = el.tagName === 'circle' ? el : el.querySelector('circle');
  const [x, y, r] = ['cx', 'cy', 'r'].map((a) => Number(dot.getAttribute(a)));
  return `M${x - r - 1},${y}a${r + 1},${r + 1} 0 1,0 ${2 * r + 2},0a${r + 1},${r + 1} 0 1,0 ${-2 * r - 2},0`;
}

/** A small place's tap target at (x, y), beneath the land. */
function addTarget(v, code, x, y) {
  v.targets.push({ code, x, y });
  v.hits.append(s('circle', { cx: x, cy: y, r: TARGET, 'data-hit': code, class: 'hit' }));
}

/**
 * The world's geometry, read from the map the build pre-rendered into the page (scripts/
 * build-pages.mjs writes it from world.js): the page downloads the paths once, in its HTML. The
 * places' codes are one list (`data-codes`), in the order of the shapes and then the dots.
 */
function geometry(pre) {
  if (!pre) throw new Error('the page has no pre-rendered map to draw the live one from');
  const num = (el, a) => Number(el.getAttribute(a));
  const codes = pre.dataset.codes.split(' ');
  const shapes = [...pre.querySelectorAll('.land path:not(.other)')];
  const dots = [...pre.querySelectorAll('circle')];
  if (codes.length !== shapes.length + dots.length) throw new Error('the pre-rendered map does not name each of its places once');
  return {
    VIEWBOX: pre.getAttribute('viewBox'),
    OUTLINE: pre.querySelector('.sea').getAttribute('d'),
    OTHER: [...pre.querySelectorAll('.other')].map((el) => el.getAttribute('d')),
    SHAPES: shapes.map((el, i) => [codes[i], el.getAttribute('d')]),
    SYMBOLS: dots.map((el, i) => [codes[shapes.length + i], num(el, 'cx'), num(el, 'cy'), el.dataset.land]),
    INSET_FRAMES: JSON.parse(pre.dataset.insets),
  };
}

/** `f`'s value, worked out on the first call and kept. */
const once = (f) => { let v; return () => (v ??= f()); };

/** Where arrow keys measure from on a shape: the centroid of its largest ring (holes such as
 * Lesotho's in South Africa ignored: close enough to choose a neighbour by), so that Alaska and
 * Hawaii do not pull the United States' centre into the Pacific. `d` is a path as the build writes
 * it (scripts/build-map.mjs): rings of `M x y` and relative `l` moves in whole units. */
function centre(d) {
  let best = [0];
  for (const ring of d.split('M').slice(1)) {
    // Measured from the ring's first point, where the closing edge adds nothing to the sums.
    const [x0, y0, ...moves] = ring.match(/-?\d+/g).map(Number);
    let x = 0, y = 0, a = 0, cx = 0, cy = 0;
    for (let i = 0; i < moves.length; i += 2) {
      const [x1, y1] = [x + moves[i], y + moves[i + 1]];
      const c = x * y1 - x1 * y;
      a += c; cx += (x + x1) * c; cy += (y + y1) * c;
      [x, y] = [x1, y1];
    }
    if (Math.abs(a) > Math.abs(best[0])) best = [a, x0 + cx / 3 / a, y0 + cy / 3 / a];
  }
  return best.slice(1);
}

/** The world map: one focusable element per ISO entry (a shape, or a dot group for a symbol). */
function drawWorld({ VIEWBOX, OUTLINE, SHAPES, SYMBOLS, OTHER }, add) {
  const svg = s('svg', { viewBox: VIEWBOX, class: 'world', tabindex: -1, role: 'group', 'aria-label': 'World map; arrow keys move to the nearest country in that direction, letters jump by name, Enter chooses' });
  svg.append(s('defs', {}, Object.entries(CLASSES).map(([id, c]) => pattern(id, c.pattern))));
  svg.append(s('path', { d: OUTLINE, class: 'sea' }));
  const v = view(svg);
  for (const d of OTHER) v.land.append(s('path', { d, class: 'other', 'aria-hidden': 'true' }));
  for (const [code, d] of SHAPES) {
    const el = s('path', { d, 'data-country': code, tabindex: -1, role: 'button' });
    v.land.append(el);
    add(code, el, once(() => centre(d)), el);
  }
  for (const [code, x, y, land] of SYMBOLS) {
    const dot = s('circle', { cx: x, cy: y, r: 3.2, class: 'symbol' });
    const g = s('g', { 'data-country': code, tabindex: -1, role: 'button', class: 'symbol-group' }, dot);
    v.dots.append(g);
    addTarget(v, code, x, y);
    const own = land && s('path', { d: land, 'data-code': code, class: 'own' });
    if (own) v.land.append(own);
    add(code, g, () => [x, y], dot, own);
  }
  return svg;
}

/** One inset: pointer-only copies of its places (the world map holds the keyboard and screen-reader
 * elements), a callout in open water for each place too small to tap, and its name in a corner. */
function drawInset(inset, paintable) {
  const svg = s('svg', { viewBox: inset.viewBox, class: `inset inset-${inset.id}`, 'aria-hidden': 'true' });
  const [, , w, hgt] = inset.viewBox.split(' ').map(Number);
  svg.append(s('rect', { width: w, height: hgt, class: 'sea' }));
  const v = view(svg);
  for (const d of inset.other) v.land.append(s('path', { d, class: 'other' }));
  for (const [code, d] of inset.shapes) {
    const el = s('path', { d, 'data-code': code });
    v.land.append(el);
    paintable(code, el);
  }
  for (const [code, x, y, cx, cy] of inset.symbols) {
    addTarget(v, code, cx, cy);
    const moved = Math.hypot(cx - x, cy - y) > 2;
    const dot = s('circle', { cx, cy, r: 4, class: 'symbol' });
    v.dots.append(s('g', { 'data-code': code, class: 'symbol-group' },
      moved && s('line', { x1: x, y1: y, x2: cx, y2: cy, class: 'leader' }),
      moved && s('circle', { cx: x, cy: y, r: 1.3, class: 'leader-end' }), dot));
    paintable(code, dot);
  }
  const left = inset.corner.endsWith('l');
  v.dots.append(s('text', { x: left ? 3 : w - 3, y: inset.corner.startsWith('t') ? 10 : hgt - 4, 'text-anchor': left ? 'start' : 'end', class: 'inset-label' }, inset.label));
  return svg;
}

/** The nearest centre from `from` in the direction (dx, dy): within ±45° if any, else the one
 * with the least sideways drift ahead; null at the edge of the map. `centres` maps each code to
 * a function giving its centre. */
function nearestToward(centres, from, dx, dy) {
  const [x0, y0] = centres.get(from)();
  let best = null;
  for (const [code, at] of centres) {
    const [x, y] = at();
    const ahead = (x - x0) * dx + (y - y0) * dy;
    const aside = Math.abs((x - x0) * dy - (y - y0) * dx);
    if (code === from || ahead <= 0) continue;
    const score = aside <= ahead ? Math.hypot(ahead, aside) : 1e6 + ahead + 2 * aside;
    if (!best || score < best.score) best = { code, score };
  }
  return best?.code ?? null;
}

/**
 * The map's pointer, focus and keyboard, on the `world` map (map.js's `view`) and everything
 * drawn in `painted`: the tooltip (`label(code)` its text) and the hot mark for the country
 * pointed at or focused, one roving tab stop over the focusable `elements`, arrow keys to the
 * nearest country that way (by `centres`), letters by name, a click or Enter to pick (`onPick`).
 * Returns `rove(code)`, which moves the tab stop, and `focus(code)`, which also focuses there
 * (the country that last had focus when `code` is null).
 */
function interact(host, tip, world, elements, centres, painted, names, label, onPick) {
  const svg = world.svg;
  // Roving focus: one tab stop for the whole map, on the selected destination when there is one.
  const order = [...elements.keys()].sort((a, b) => (names.get(a) || a).localeCompare(names.get(b) || b));
  let focused = order[0];
  elements.get(focused).setAttribute('tabindex', 0);

  /** Where the tooltip belongs now, as [code, x, y], or null: what lies under the pointer (or
   * finger) that showed it, or the focused country. Asked again when the page scrolls or a pick
   * re-renders the page, so the tooltip never names a country that has moved from under it. */
  let place = null;
  function showTip(code, x, y) {
    tip.textContent = label(code);
    tip.hidden = false;
    const r = tip.getBoundingClientRect();
    tip.style.left = `${Math.min(window.innerWidth - r.width - 8, Math.max(8, x + 12))}px`;
    tip.style.top = `${Math.max(8, y - r.height - 12)}px`;
  }
  function hideTip() { tip.hidden = true; }
  function retip() {
    const at = place?.();
    if (at) showTip(...at); else hideTip();
  }
  /** The place of a pointer at (x, y): the country under it, or only `code` if given (after a
   * click or tap, whose tooltip names the country picked and no other). */
  const pointerAt = (x, y, code) => () => { const c = codeAt(x, y); return c && (!code || c === code) && [c, x, y]; };
  window.addEventListener('scroll', () => { if (place) retip(); }, { passive: true });
  /** Marks one country as under the pointer or keyboard on the world map and in every inset. */
  function hot(code) {
    for (const el of host.querySelectorAll('.hot')) el.classList.remove('hot');
    for (const el of painted.get(code) || []) el.classList.add('hot');
    host.classList.toggle('pointing', !!code);
  }
  function rove(code) {
    elements.get(focused)?.setAttribute('tabindex', -1);
    focused = code;
    elements.get(code).setAttribute('tabindex', 0);
  }
  function focusCode(code) {
    rove(code);
    elements.get(code).focus();
  }

  host.addEventListener('pointermove', (ev) => {
    place = pointerAt(ev.clientX, ev.clientY);
    hot(codeAt(ev.clientX, ev.clientY));
    retip();
  });
  host.addEventListener('pointerleave', () => { hot(null); place = null; hideTip(); });
  // A tap has no hover: the click that selects also shows the country's tooltip, if that country
  // is still under the finger once the answer is drawn (a phone scrolls to the country's card).
  host.addEventListener('click', (ev) => {
    const c = codeAt(ev.clientX, ev.clientY);
    if (!c) return;
    rove(c);
    elements.get(c).focus({ preventScroll: true });
    onPick(c);
    place = pointerAt(ev.clientX, ev.clientY, c);
    retip();
  });
  svg.addEventListener('focusin', (ev) => {
    const c = ev.target.getAttribute?.('data-country');
    if (!c) return;
    rove(c);
    hot(c);
    const d = ev.target.matches(':focus-visible') ? outline(ev.target) : '';
    for (const ring of world.focus) ring.setAttribute('d', d);
    // Above the focused country while it is on screen (a pick may scroll the page to the card).
    place = () => { const r = elements.get(c).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && [c, r.left + r.width / 2, r.top]; };
    retip();
  });
  svg.addEventListener('focusout', () => {
    hot(null);
    place = null;
    hideTip();
    for (const ring of world.focus) ring.setAttribute('d', '');
  });
  const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  svg.addEventListener('keydown', (ev) => {
    const i = order.indexOf(focused);
    const go = ARROWS[ev.key];
    if (go) { ev.preventDefault(); const next = nearestToward(centres, focused, ...go); if (next) focusCode(next); }
    else if (ev.key === 'Home') { ev.preventDefault(); focusCode(order[0]); }
    else if (ev.key === 'End') { ev.preventDefault(); focusCode(order[order.length - 1]); }
    else if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onPick(focused); }
    else if (/^[a-z]$/i.test(ev.key)) {
      const starts = (c) => (names.get(c) || '').toLowerCase().startsWith(ev.key.toLowerCase());
      const next = order.find((c, j) => j > i && starts(c)) || order.find(starts);
      if (next) focusCode(next);
    }
  });
  return { rove, focus: (code) => focusCode(code || focused) };
}

/** Builds the map into `host`. `names` maps ISO code → name; `onPick(code)` selects a destination. */
export function createMap(host, tip, names, onPick) {
  /** code → its focusable world-map element, its centre (worked out on the first arrow key: only
   * the keyboard needs it, and reading every shape's path costs a few ms at start), and every
   * element painted with its class. */
  const elements = new Map();
  const centres = new Map();
  const painted = new Map();
  const paintable = (code, ...els) => painted.set(code, [...(painted.get(code) || []), ...els.filter(Boolean)]);
  const geo = geometry(host.querySelector('svg.prerendered'));
  host.replaceChildren();
  const svg = drawWorld(geo, (code, el, centre, ...paint) => { elements.set(code, el); centres.set(code, centre); paintable(code, ...paint); });
  // The insets hold their places at once (no layout shift) and get their paths from insets.js once
  // the browser is idle after the first answer: a reader sees the answer and the world map first.
  const slots = new Map(geo.INSET_FRAMES.map(({ id, viewBox }) => {
    const [, , w, hgt] = viewBox.split(' ').map(Number);
    return [id, h('div', { class: `inset-slot inset-${id}`, style: `aspect-ratio: ${w} / ${hgt}` })];
  }));
  host.append(svg, h('div', { class: 'insets' }, [...slots.values()]));
  const myViews = views.slice(-1);
  const world = myViews[0];

  // Targets keep 24 CSS px whatever the drawn size; inset callouts are 8 px dots, world dots 5 px
  // (and at least 2.4 units) so that on a phone they do not bury Europe.
  const resize = () => {
    for (const v of myViews) {
      const box = v.svg.viewBox.baseVal;
      const scale = v.svg.getBoundingClientRect().width / box.width || 1;
      v.radius = TARGET / scale;
      for (const c of v.hits.children) c.setAttribute('r', v.radius);
      for (const c of v.dots.querySelectorAll('.symbol')) c.setAttribute('r', v.svg === svg ? Math.max(2.4, 2.5 / scale) : 4 / scale);
    }
  };
  new ResizeObserver(resize).observe(host);

  let state = { classes: new Map(), labels: new Map() };
  (window.requestIdleCallback || setTimeout)(() => import('./insets.js').then(({ INSETS }) => {
    for (const inset of INSETS) {
      slots.get(inset.id)?.replaceChildren(drawInset(inset, paintable));
      myViews.push(views[views.length - 1]);
    }
    api.paint(state.classes, state.labels);
    const was = selected;
    selected = null;
    api.select(was);
    resize();
    host.dataset.insets = 'ready';
  }).catch(() => {
    // Every place is also on the world map and in the table: say so rather than leave blanks.
    host.dataset.insets = 'failed';
    host.querySelector('.insets').replaceChildren(h('p', { class: 'caption' }, 'The close-up maps could not load; every place is on the world map above and in the table below.'));
  }));

  let selected = null;
  const keys = interact(host, tip, world, elements, centres, painted, names, (code) => state.labels.get(code) || names.get(code) || code, onPick);

  const api = {
    /** Colours every country: `classes` maps code → class id (a code it lacks is drawn neutral);
     * `labels` maps code → accessible text (and the tooltip's). */
    paint(classes, labels) {
      state = { classes, labels };
      // Only what changed is touched: a new fill restyles and repaints, the same one need not.
      const set = (el, name, value) => { if (el.getAttribute(name) !== value) el.setAttribute(name, value); };
      for (const [code, els] of painted) {
        const cls = CLASSES[classes.get(code)] ? classes.get(code) : null;
        for (const el of els) {
          set(el, 'fill', cls ? `url(#p-${cls})` : 'var(--c-none)');
          set(el, 'data-class', cls || 'none');
        }
        const el = elements.get(code);
        set(el, 'aria-label', labels.get(code) || names.get(code) || code);
        set(el, 'data-class', cls || 'none');
      }
    },
    /** Outlines the chosen destination everywhere it is drawn; keyboard focus enters the map there. */
    select(code) {
      if ((elements.has(code) ? code : null) === selected) return;
      selected = elements.has(code) ? code : null;
      for (const [c, els] of painted) for (const el of [elements.get(c), ...els]) el.classList.toggle('selected', c === code);
      // Each map outlines its own drawing of the place: the world's element, else an inset's callout
      // (drawn after the shapes, and easier to see than a place too small to tap) or its shape.
      for (const v of myViews) {
        const own = v === world ? elements.get(code) : (painted.get(code) || []).filter((el) => v.svg.contains(el)).pop();
        v.selected.setAttribute('d', outline(selected && own));
      }
      if (selected && !svg.contains(document.activeElement)) keys.rove(selected);
    },
    /** Emphasises the countries of one class id and dims the others; null ends it (legend hover/focus). */
    highlight(classId) {
      host.classList.toggle('highlighting', !!classId);
      for (const els of painted.values()) for (const el of els) el.classList.toggle('lit', !!classId && el.getAttribute('data-class') === classId);
    },
    /** Moves keyboard focus to the selected destination (or the country that last had focus). */
    focusSelected() { keys.focus(selected); },
  };
  return api;
}

/** The legend: the engine's entries ({status, label, short, count}), each with its swatch and its
 * plain-words label. Hovering or focusing an entry calls `onHighlight(status)`, leaving it
 * `onHighlight(null)`, so the page can emphasise that class on the map. */
export function renderLegend(el, legend, onHighlight = () => {}, current = null) {
  // One row of classes (swatch, a few words, a count); under it, in plain words, what one class
  // means and what its count takes in: the one pointed at or focused, else the destination's own.
  const entries = legend.filter((l) => CLASSES[l.status]);
  const meaning = h('p', { class: 'legend-meaning', id: 'legend-meaning', 'aria-live': 'polite' });
  const explain = (l) => fill(meaning, l ? `${l.label}. Counted: ${l.includes}.` : '');
  const resting = entries.find((l) => l.status === current) || entries[0];
  const on = (l) => () => { onHighlight(l?.status ?? null); explain(l || resting); };
  fill(el, h('div', { class: 'legend-row' }, entries.map((l) =>
    h('span', { tabindex: 0, class: 'legend-entry', 'data-status': l.status, 'aria-describedby': 'legend-meaning',
      onmouseenter: on(l), onmouseleave: on(null), onfocus: on(l), onblur: on(null) },
    swatch(l.status), h('span', { class: 'legend-short' }, l.short), ' ', h('span', { class: 'legend-count' }, l.count.toLocaleString('en-US'))))),
  meaning);
  explain(resting);
}
