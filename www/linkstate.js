// The state a link asks for, each value tried against the engine before the page uses it: a value
// the engine refuses (or a menu does not offer) falls back to its default with a notice saying why,
// so a link can neither break the page nor answer a question other than the one it shows.
import { h } from './dom.js';
import { DEFAULTS, EMBED_OPTIONS, read } from './urlstate.js';
import { INPUT_OF_FIELD, query } from './form.js';
import { VIEWS } from './views.js';
import { eng } from './engine.js';
import { notice, clip } from './notices.js';

/** The custom-chip fields: an error in one of them sends a link's custom chip back to the default. */
const CUSTOM_FIELDS = new Set(['tops', 'bits', 'die_area', 'dram_bandwidth']);
/** What an empty default means, for notices ("uses the rules in force now instead"). */
const DEFAULT_WORDS = {
  regime: 'the rules in force now', date: 'the rules in force now', hq: 'the destination as headquarters',
  from: 'an export from the United States', prior: '0', installed: '0', total: '0', scenario: 'the rules as written',
  tool: 'the answer alone',
};

/** The state a link asks for, each value tried against the engine; bad ones fall back, with a notice. */
export function stateFromLink(regimeList, chipList, version) {
  const { state: asked, unknown } = read(location.search);
  for (const k of unknown) notice(`The link has a setting the calculator does not know (“${clip(k)}”); it was ignored.`);
  let state = { ...DEFAULTS };
  const fallback = (k, v, why) => {
    const chipName = chipList.find((c) => c.id === DEFAULTS.chip)?.name;
    const def = k === 'chip' || ['tops', 'bits', 'area', 'bw'].includes(k) ? `the ${chipName}` : DEFAULT_WORDS[k] || `“${DEFAULTS[k]}”`;
    notice(`This link asked for ${k} = “${clip(String(v))}”, which cannot be used (${why}). The answer below uses ${def} instead.`, k);
  };
  // A link copied with "Copy link" names the dataset it was made with.
  if (asked.v && asked.v !== version) {
    notice(`This link was made with dataset ${clip(asked.v)}; the calculator now has dataset ${version}, so the answer below may differ from the one the link showed.`,
      null, h('a', { href: 'sources.html#changes' }, 'What changed in the data'));
  }
  delete asked.v;
  // A link's custom chip is checked once its specs are in place, before any later value is tried
  // with it: a bad figure is refused on its own, not in the name of every value after it.
  const checkCustom = () => {
    if (state.chip !== 'custom') return;
    try { eng.evaluate(query(state)); } catch (e) {
      // The notice is about the custom figure at fault; the link's custom chip gives way to the default.
      if (CUSTOM_FIELDS.has(e.field)) {
        const param = INPUT_OF_FIELD[e.field];
        fallback(param, asked[param] ?? '', e.message);
        state = { ...state, chip: DEFAULTS.chip, tops: '', bits: '', area: '', bw: '', nondc: false };
      }
    }
  };
  const order = Object.keys(DEFAULTS);
  let specsChecked = false;
  // In the page's own order, so a custom chip's specs are in place before the quantity is tried.
  for (const [k, v] of order.filter((k) => k in asked).map((k) => [k, asked[k]])) {
    if (!specsChecked && order.indexOf(k) > order.indexOf('nondc')) { checkCustom(); specsChecked = true; }
    const trial = { ...state, [k]: v };
    if (k === 'map') { if (['tier', 'outcome', 'diff'].includes(v)) state.map = v; else fallback(k, v, 'use “tier”, “outcome” or “diff”'); continue; }
    if (k === 'vs') { if (regimeList.some((r) => r.id === v)) state.vs = v; else fallback(k, v, 'unknown rules'); continue; }
    if (EMBED_OPTIONS[k]) { if (EMBED_OPTIONS[k].includes(v)) state[k] = v; else fallback(k, v, `use ${EMBED_OPTIONS[k].map((o) => `“${o}”`).join(' or ')}`); continue; }
    if (k === 'tool') { if (VIEWS[v]) state.tool = v; else fallback(k, v, `use ${Object.keys(VIEWS).map((o) => `“${o}”`).join(' or ')}`); continue; }
    if (k === 'id') { if (/^[A-Za-z0-9_-]{1,40}$/.test(v)) state.id = v; else fallback(k, v, 'letters, digits, - and _ only'); continue; }
    if (['tops', 'bits', 'area', 'bw', 'nondc'].includes(k) || (k === 'chip' && v === 'custom')) { state = trial; continue; }
    // The engine says why a value cannot be used; a name it accepts for a menu (a chip's alias,
    // a regime id in capitals, "UVEU") becomes the menu's own id.
    try {
      const answer = eng.evaluate(query(trial));
      state = trial;
      if (k === 'chip') state.chip = answer.chip.id;
      if (k === 'regime') state.regime = answer.regime.id;
      if (k === 'eu') state.eu = answer.end_user;
    } catch (e) { fallback(k, v, e.message); }
    if (k === 'chip' && state.chip !== DEFAULTS.chip && !chipList.some((c) => c.id === state.chip && c.answerable)) {
      fallback(k, v, 'not a chip the menu offers');
      state.chip = DEFAULTS.chip;
    }
  }
  if (!specsChecked) checkCustom();
  return state;
}
