// Byte budgets, measured on the built files (deterministic, unlike timings), brotli quality 11 as
// a host would serve them. Prints a Markdown table for BENCHMARKS.md; with --files, one row per file.
//   first answer on screen: the HTML with its pre-rendered answer and map, and the CSS (minified
//     into css/ by build-js.mjs).
//   fully interactive: everything the page loads without the reader asking for more: the first
//     answer's files, the scripts js/app.js imports (followed through www/js/meta.json, written by
//     build-js.mjs) including those it imports when idle (the map's insets, the glossary's
//     code and terms), and the engine (wasm).
//   on first use of a glossary term: the popover's code (FIRST_USE below) and the definitions
//     (glossary.html), fetched when a term is first hovered, focused or tapped; not counted above.
//   on demand: scripts imported only when the reader asks (ON_DEMAND below), the views' styles
//     (css/views.css), the chips' research text that a JSON download fetches, and the tools
//     engine; not counted above. The other pages' styles (css/pages.css) are not the calculator's.
// The readable modules in www/*.js and styles in www/*.css are the source: the page does not load them.
// Usage: node scripts/bytes.mjs [--files]   (after scripts/build.sh)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_FIRST = 50 * 1000;
const BUDGET_ALL = 100 * 1000;
/** Source modules that only a reader's action loads, and the action. */
const ON_DEMAND = {
  'www/download.js': 'a Download button',
  'www/compare.js': '"Compare all rules"',
  'www/scenario.js': 'the scenario editor',
  'www/timeline.js': 'the timeline',
  'www/diff.js': 'the "What changed" map',
  // The tools engine's loader, which those views (and a link with a scenario) load with it.
  'www/tools.js': 'a link with a scenario',
};
/** Source modules that a glossary term's first use loads, with the definitions (glossary.html). */
const FIRST_USE = ['www/glossary-popover.js'];
/** The views' styles, which the first of those views (or the "What changed" map) adds (www/sheets.js). */
const VIEW_STYLES = ['css/views.css'];
/** The engine built with the claim tools (www/tools/), which tools.js loads for those views. */
const TOOLS_ENGINE = ['tools/h100e.js', 'tools/h100e_bg.wasm'];
/** The chips' research text, which the page's engine leaves out; the JSON download fetches it. */
const DOWNLOAD_DATA = ['chip-research.json'];
const br = (file) => brotliCompressSync(readFileSync(`www/${file}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The bundle's files from js/app.js: [loaded without asking, on a term's first use, loaded on demand]. */
function scripts() {
  const meta = JSON.parse(readFileSync('www/js/meta.json', 'utf8'));
  const onDemand = (f) => meta[f].entry in ON_DEMAND;
  const firstUse = (f) => FIRST_USE.includes(meta[f].entry);
  const seen = new Set();
  const first = new Set();
  const later = new Set();
  const walk = (f) => {
    if (seen.has(f) || first.has(f) || later.has(f)) return;
    if (onDemand(f)) { later.add(f); return; }
    if (firstUse(f)) { first.add(f); return; }
    seen.add(f);
    for (const i of meta[f].imports) walk(i.file);
  };
  walk('app.js');
  // What an on-demand file imports and nothing else needs is on demand too.
  for (const f of [...later]) for (const i of meta[f].imports) if (!seen.has(i.file)) later.add(i.file);
  for (const f of [...first]) for (const i of meta[f].imports) if (!seen.has(i.file)) first.add(i.file);
  const js = (set) => [...set].map((f) => `js/${f}`);
  return [js(seen), js(first), js(later)];
}

/** The files of each row, paths under www/ (e2e/bytes.spec.mjs checks them against what the page requests). */
export function pageFiles() {
  const [js, firstUse, onDemand] = scripts();
  return { first: ['index.html', 'css/style.css', 'css/dark.css'], js, engine: ['pkg/h100e_bg.wasm'], glossary: [...firstUse, 'glossary.html'], onDemand: [...onDemand, ...VIEW_STYLES, ...DOWNLOAD_DATA, ...TOOLS_ENGINE] };
}

function table(files) {
  const { first, js, engine, glossary, onDemand } = pageFiles();
  const all = [...first, ...js, ...engine];
  const sum = (list) => list.reduce((t, f) => t + br(f), 0);
  const fmt = (n) => n.toLocaleString('en-US');
  const row = (what, list, budget) => {
    const bytes = sum(list);
    return `| ${what} | ${fmt(bytes)} | ${fmt(budget)} | ${bytes <= budget ? 'within' : `**over by ${fmt(bytes - budget)}**`} |`;
  };
  const part = (what, list) => `| ${what} | ${fmt(sum(list))} | | |`;
  const lines = ['| brotli bytes | measured | budget | |', '|---|---:|---:|---|',
    row('first answer on screen (HTML with the pre-rendered answer and map, CSS)', first, BUDGET_FIRST),
    row('fully interactive (everything the page loads, at start and when idle)', all, BUDGET_ALL),
    part('of which the engine (wasm)', engine),
    part(`of which the scripts (${js.length} minified files in js/, the engine's glue included)`, js),
    part(`on a glossary term's first use, not counted above: the popover's code and the definitions (${glossary.join(', ')})`, glossary),
    part(`on demand, not counted above: ${Object.values(ON_DEMAND).join(', ')}, their styles, the chips' research text for a JSON download, and the tools engine the views run on (${onDemand.join(', ')})`, onDemand)];
  if (files) {
    lines.push('', '| file | raw B | brotli B |', '|---|---:|---:|');
    for (const f of [...all, ...glossary, ...onDemand]) lines.push(`| ${f} | ${fmt(readFileSync(`www/${f}`).length)} | ${fmt(br(f))} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(table(process.argv.includes('--files')));
