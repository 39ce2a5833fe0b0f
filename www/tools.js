// The tools engine on demand: the claim-checking views (compare, the converter, the chip table,
// the diff map, the timeline and the scenario editor) need the engine built with the `tools`
// feature, which the page's own engine leaves out so that a reader of an answer never downloads
// it. It loads once, on the first call, from www/tools/ (scripts/build.sh puts the optimised
// build there), and every later call gets the same module.
//
//   import { tools } from './tools.js';
//   const t = await tools();          // throws ToolsError with a reader's message if it cannot load
//   t.compare({ to: 'India', chip: 'b200', quantity: '5000' });

import { toolsFailed } from './tools-failed.js';

/**
 * The glue's address, beside the page (not this module, which the build bundles into js/); a
 * variable, so a bundler leaves it to load on demand.
 */
const GLUE = new URL('tools/h100e.js', document.baseURI).href;

/** The functions a view may use: the page's API plus the tools. */
const API = ['evaluate', 'outcomes', 'chip', 'tiers', 'regimes', 'chips', 'countries', 'sources', 'dataset',
  'compare', 'convert', 'thresholds', 'claims', 'timeline'];

/** Loading failed: `message` is written for readers. */
export class ToolsError extends Error {}

let loading = null;
let engine = null;

/**
 * The tools engine: an object of the engine's functions (`compare`, `convert`, `thresholds`,
 * `claims`, and `evaluate`, `tiers`, `chips`, … as in `www/pkg`). Loaded on the first call and
 * cached; after a failure the next call tries again.
 */
export function tools() {
  loading ||= (async () => {
    const m = await import(GLUE);
    await m.default();
    const missing = API.filter((f) => typeof m[f] !== 'function');
    if (missing.length) throw new Error(`it lacks ${missing.join(', ')}`);
    engine = Object.freeze(Object.fromEntries(API.map((f) => [f, m[f]])));
    return engine;
  })().catch((e) => {
    loading = null;
    throw new ToolsError(toolsFailed(e));
  });
  return loading;
}

/** The engine if it has loaded already, else null: a view can then draw at once, without waiting. */
export function loadedTools() {
  return engine;
}
