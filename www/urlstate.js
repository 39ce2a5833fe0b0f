// The query lives in the URL so a link reproduces the answer. Reading never trusts the URL: each
// value is checked by the caller against the engine, and unknown parameters are reported, not used.

/** Parameters the page understands, with their defaults. */
export const DEFAULTS = {
  regime: '', date: '', to: 'United Arab Emirates', chip: 'h100-sxm', tops: '', bits: '', area: '', bw: '', nondc: false,
  qty: '1000', eu: 'none', hq: '', from: '', prior: '', installed: '', total: '', g2g: false, map: 'tier',
  // The difference map (map=diff): the rules compared with; empty for those in force before.
  vs: '',
  // A hypothetical scenario built on the chosen rules (`lpp=500h100e;tier-3=IL`, read by the engine).
  scenario: '',
  // The dataset version a copied link was made with: read from links, never kept in the address bar.
  v: '',
  // Embed options (embed.html): what to show, whether the reader can change the question, and the
  // id a Datawrapper-style host uses to match height messages to the frame.
  view: 'both', controls: 'full', theme: 'auto', id: '',
  // The tool view open below the answer (views.js: `compare`, …); none by default.
  tool: '',
};

/** The values each embed option accepts. */
export const EMBED_OPTIONS = { view: ['both', 'answer', 'map'], controls: ['full', 'none'], theme: ['auto', 'light', 'dark'] };

const FLAGS = new Set(['nondc', 'g2g']);

/** The state the URL asks for, plus the names of parameters the page does not know. */
export function read(search) {
  const params = new URLSearchParams(search);
  const state = {};
  const unknown = [];
  for (const [k, v] of params) {
    if (!(k in DEFAULTS)) { unknown.push(k); continue; }
    state[k] = FLAGS.has(k) ? v === '1' || v === 'true' : v.slice(0, k === 'scenario' ? 4000 : 200);
  }
  return { state, unknown };
}

/** The query string of a state; defaults are left out. */
export function search(state) {
  const params = new URLSearchParams();
  for (const [k, def] of Object.entries(DEFAULTS)) {
    const v = state[k];
    if (k === 'chip' && state.chip === 'custom') params.set('chip', 'custom');
    else if (v === def || v === undefined || v === '') continue;
    else if (FLAGS.has(k)) { if (v) params.set(k, '1'); }
    else params.set(k, v);
  }
  if (state.chip !== 'custom') for (const k of ['tops', 'bits', 'area', 'bw', 'nondc']) params.delete(k);
  return params.toString();
}

// Chromium spends about 5 ms in each `replaceState` (a quarter of a keystroke's work when every
// key of a quantity rewrote the address). The address is written at once after a pause, and at
// most every 0.4 s while changes come fast: within 0.4 s of typing it can lag (a reload then opens
// the state before the last keys). When the page is hidden or left a pending write is made, so
// history keeps the last state.
const EVERY_MS = 400;
let wrote = -Infinity;
let pending = null;
let timer = 0;

/** Writes the state to the address bar without adding history entries. */
export function write(state) {
  const qs = search({ ...state, v: '' });
  pending = qs ? `?${qs}` : location.pathname;
  clearTimeout(timer);
  const wait = wrote + EVERY_MS - performance.now();
  if (wait <= 0) flush();
  else timer = setTimeout(flush, wait);
}

/** Writes a pending address now. */
function flush() {
  clearTimeout(timer);
  if (pending === null) return;
  if (pending !== `${location.search || location.pathname}`) history.replaceState(null, '', pending);
  pending = null;
  wrote = performance.now();
}

// The build reads DEFAULTS from this module in Node (build-pages.mjs), where there is no window.
if (typeof window !== 'undefined') {
  addEventListener('pagehide', flush);
  addEventListener('visibilitychange', () => { if (document.hidden) flush(); });
}
