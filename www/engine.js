// The engine the page asks, and its lists. Its own small build (www/pkg) answers until a scenario
// or the timeline needs the tools build (tools.js, loaded on demand), which gives the same answers
// and more. Callers read `eng` and the lists at each use (live bindings), so once `full()` has
// loaded, every answer is the tools build's.
import init, { evaluate, outcomes, tiers, regimes, chips, countries, dataset } from './pkg/h100e.js';
import { tools } from './tools.js';

export let eng = { evaluate, outcomes, tiers };
/** Loads the tools build (tools.js caches it) and answers with it from then on. */
export const full = () => tools().then((t) => { eng = t; return t; });

/** The engine's regimes, chips, countries and dataset, and each country's name by its code. */
export let regimeList;
export let chipList;
export let countryList;
export let data;
export let names;

/** Starts the page's engine and reads its lists. */
export async function startEngine() {
  // The single-file build (dist/h100e.html) carries the module's bytes itself. Otherwise the wasm
  // is named from the page, not from this script: the page runs the bundle in js/ (build-js.mjs).
  await init({ module_or_path: globalThis.h100eWasm || new URL('pkg/h100e_bg.wasm', document.baseURI) });
  regimeList = regimes();
  chipList = chips();
  countryList = countries();
  data = dataset();
  names = new Map(countryList.map((c) => [c.code, c.name]));
}
