// Byte budgets, measured on the built files (deterministic, unlike timings): what a reader needs
// for the first answer on screen (the HTML with its pre-rendered answer and map, and the CSS), and
// everything the page loads to be fully interactive. Brotli quality 11, as a host would serve them.
// Prints a Markdown table for BENCHMARKS.md. Usage: node scripts/bytes.mjs (after scripts/build.sh)
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_FIRST = 50 * 1000;
const BUDGET_ALL = 100 * 1000;
const br = (file) => brotliCompressSync(readFileSync(`www/${file}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const first = ['index.html', 'style.css', 'dark.css'];
// What only the claim-checking views load, when a reader opens one (www/tools.js): the tools
// engine, the loader, the compare view, the scenario editor, the timeline, and the chips page's
// script. Not in the page's budget.
const onDemand = ['tools.js', 'compare.js', 'scenario.js', 'timeline.js', 'chips.js', 'tools/h100e.js', 'tools/h100e_bg.wasm'];
// Every module the page can load, the engine and the glossary's definitions (world.js is only the
// build's source of the map, which reaches the page in index.html).
const scripts = readdirSync('www').filter((f) => f.endsWith('.js') && !['embed-frame.js', 'embed-resize.js', 'world.js', ...onDemand].includes(f));
const all = [...first, ...scripts, 'pkg/h100e.js', 'pkg/h100e_bg.wasm', 'glossary.html'];
const sum = (files) => files.reduce((t, f) => t + br(f), 0);
const row = (what, files, budget) => {
  const bytes = sum(files);
  return `| ${what} | ${bytes.toLocaleString('en-US')} | ${budget.toLocaleString('en-US')} | ${bytes <= budget ? 'within' : `**over by ${(bytes - budget).toLocaleString('en-US')}**`} |`;
};
console.log(['| brotli bytes | measured | budget | |', '|---|---:|---:|---|',
  row('first answer on screen (HTML with the pre-rendered answer and map, CSS)', first, BUDGET_FIRST),
  row('fully interactive (everything the page loads)', all, BUDGET_ALL),
  `| of which the engine (wasm) | ${br('pkg/h100e_bg.wasm').toLocaleString('en-US')} | | |`,
  `| on demand: the claim-checking views (tools engine, loader, compare view, scenario editor, timeline, chips page) | ${sum(onDemand).toLocaleString('en-US')} | | |`].join('\n'));
