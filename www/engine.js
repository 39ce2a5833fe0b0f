// The engine the page asks, and its lists. Its own small build (www/pkg) answers until a scenario
// or the timeline needs the tools build (tools.js, loaded on demand), which gives the same answers
// and more. Callers read `eng` and the lists at each use (live bindings), so once `full()` has
// loaded, every answer is the tools build's.
import { imports, finish, evaluate, outcomes, tiers, regimes, chips, countries, dataset } from './pkg/h100e.js';

export let eng = { evaluate, outcomes, tiers };
/**
 * Loads the tools build (tools.js caches it) and answers with it from then on. tools.js itself
 * loads then too, beside the tools engine it fetches: the page starts without it.
 */
export const full = () => import('./tools.js').then((m) => m.tools()).then((t) => { eng = t; return t; });

/** The engine's regimes, chips, countries and dataset, and each country's name by its code. */
export let regimeList;
export let chipList;
export let countryList;
export let data;
export let names;

/**
 * The engine instantiated from `source`, the wasm's bytes or address, with the glue's import object
 * and its finishing step (which scripts/build.sh exports from it): the glue's own loader, with its
 * warnings and its paths for older browsers, was 400 B more of the page's scripts. Compiled while it
 * downloads, or, where the server does not send the wasm as application/wasm, once downloaded.
 */
async function instantiate(source) {
  const table = imports();
  const { instance, module } = source instanceof Uint8Array ? await WebAssembly.instantiate(source, table)
    : await WebAssembly.instantiateStreaming(fetch(source), table)
      .catch(async () => WebAssembly.instantiate(await (await fetch(source)).arrayBuffer(), table));
  finish(instance, module);
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
