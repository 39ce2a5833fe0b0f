// The engine the page asks, and its lists. Its own small build (www/pkg) answers until a scenario
// or the timeline needs the tools build (tools.js, loaded on demand), which gives the same answers
// and more. Callers read `eng` and the lists at each use (live bindings), so once `full()` has
// loaded, every answer is the tools build's.
import { toolsFailed } from './tools-failed.js';
import { imports, finish, evaluate, outcomes, tiers, regimes, chips, countries, dataset } from './pkg/h100e.js';

export let eng = { evaluate, outcomes, tiers };
/**
 * Loads the tools build (tools.js caches it) and answers with it from then on. tools.js itself
 * loads then too, beside the tools engine it fetches: the page starts without it.
 */
export const full = () => import('./tools.js')
  .catch((e) => { throw new Error(toolsFailed(e)); })
  .then((m) => m.tools()).then((t) => { eng = t; return t; });

/** The engine's regimes, chips, countries and dataset, and each country's name by its code. */
export let regimeList;
export let chipList;
export let countryList;
export let data;
export let names;

/**
 * The engine instantiated from `source`, the wasm's bytes or address, with the glue's import object
 * and its finishing step (which scripts/build.sh exports from it): the glue's own loader, with its
 * warnings and its paths for older browsers, was 350 B more of the page's scripts. Fetched once:
 * compiled while it downloads where the server sends it as application/wasm and the browser can
 * stream, else once downloaded. A failed fetch says its HTTP status, not a compile error.
 */
async function instantiate(source) {
  const table = imports();
  let result;
  if (source instanceof Uint8Array) result = await WebAssembly.instantiate(source, table);
  else {
    const r = await fetch(source);
    if (!r.ok) throw new Error(`the engine (${r.url}) could not be fetched: HTTP ${r.status}`);
    result = typeof WebAssembly.instantiateStreaming === 'function' && /^application\/wasm\s*(;|$)/i.test(r.headers.get('content-type') || '')
      ? await WebAssembly.instantiateStreaming(r, table)
      : await WebAssembly.instantiate(await r.arrayBuffer(), table);
  }
  finish(result.instance, result.module);
}

/** Starts the page's engine and reads its lists. */
export async function startEngine() {
  // The single-file build (dist/h100e.html) carries the module's bytes itself. Otherwise the wasm
  // is named from the page, not from this script: the page runs the bundle in js/ (build-js.mjs).
  await instantiate(globalThis.h100eWasm || new URL('pkg/h100e_bg.wasm', document.baseURI));
  regimeList = regimes();
  chipList = chips();
  countryList = countries();
  data = dataset();
  names = new Map(countryList.map((c) => [c.code, c.name]));
}
