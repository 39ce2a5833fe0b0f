// Makes pkg/ an installable npm package, laid out as wasm-pack would: the engine's JS API (built
// with the `tools` feature, so compare/convert/thresholds/claims are in it), its TypeScript
// declarations, the wasm, a package.json, a README with examples, and the licence.
// Usage (from the repo root, after scripts/build.sh has run wasm-bindgen into pkg/):
//   node scripts/build-pkg.mjs
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

/**
 * Each function's parameters and result, named by the declarations generated from the engine's
 * wire types (src/wire/answers.d.ts); wasm-bindgen alone declares every value `any`.
 */
const SIGNATURES = {
  evaluate: '(query: QueryIn): EvalOut',
  outcomes: '(query: QueryIn): OutcomesOut',
  chip: '(id_or_spec: string | SpecIn): ChipOut',
  tiers: '(regime_or_date?: string | null, scenario?: string | null): TiersOut',
  regimes: '(): RegimeOut[]',
  chips: '(): ChipOut[]',
  countries: '(): CountryOut[]',
  dataset: '(): DatasetOut',
  sources: '(): CitationOut[]',
  timeline: '(): TimelineOut',
  thresholds: '(): ThresholdOut[]',
  convert: '(query: ConvertIn): ConvertOut',
  compare: "(query: Omit<QueryIn, 'regime' | 'date'>): CompareOut",
  claims: '(): ClaimsOut',
};

/** What a function throws on bad input: the field at fault and a stable code, beside the message. */
const ERROR = `/** Thrown on bad input: \`field\` names the query field at fault, \`code\` is stable (e.g. \`unknown-country\`). */
export interface H100eError extends Error { field: string; code: string; }
`;

/**
 * Types pkg/h100e.d.ts: every exported function gets its signature from SIGNATURES, and the wire
 * types' declarations follow. Stops the build if a function is new or gone, so none stays \`any\`.
 */
function typeDeclarations() {
  let dts = readFileSync('pkg/h100e.d.ts', 'utf8');
  if (dts.includes('export interface H100eError')) return; // typed by an earlier run over the same wasm-bindgen output
  const exported = [...dts.matchAll(/^export function (\w+)\([^)]*\): any;$/gm)].map((m) => m[1]);
  const missing = exported.filter((f) => !(f in SIGNATURES));
  const gone = Object.keys(SIGNATURES).filter((f) => !exported.includes(f));
  if (missing.length || gone.length) {
    console.error(`build-pkg: SIGNATURES must list exactly the API's functions (no signature: ${missing.join(', ') || 'none'}; not exported: ${gone.join(', ') || 'none'})`);
    process.exit(1);
  }
  dts = dts.replace(/^export function (\w+)\([^)]*\): any;$/gm, (_, f) => `export function ${f}${SIGNATURES[f]};`);
  const answers = readFileSync('src/wire/answers.d.ts', 'utf8').replace(/[ \t]+$/gm, '');
  writeFileSync('pkg/h100e.d.ts', `${dts}\n${ERROR}\n${withNotes(answers)}`);
}

/**
 * The fields that are null only in the page's engine, built without the `notes` feature, as the
 * package (built with it) declares them: [type, field, declared type in the package]. The shared
 * declarations (src/wire/answers.d.ts) must allow null for the page; a package user should not
 * have to test for a null the package never returns.
 */
const WITH_NOTES = [
  ['CitationOut', 'source', 'string'],
  ['ChipOut', 'sources', 'Array<ChipSourceOut>'],
  ['RegimeOut', 'sources', 'Array<CitationOut>'],
];

/** `answers` with WITH_NOTES applied; stops the build if a field is no longer declared `T | null`. */
function withNotes(answers) {
  for (const [type, name, declared] of WITH_NOTES) {
    const start = answers.indexOf(`export type ${type} = {`);
    const end = answers.indexOf('\n};', start);
    const field = `\n  ${name}: ${declared} | null,`;
    const at = start < 0 ? -1 : answers.indexOf(field, start);
    if (at < 0 || at > end) {
      console.error(`build-pkg: src/wire/answers.d.ts no longer declares ${type}.${name} as \`${declared} | null\` (see WITH_NOTES)`);
      process.exit(1);
    }
    answers = `${answers.slice(0, at)}\n  ${name}: ${declared},${answers.slice(at + field.length)}`;
  }
  return answers;
}

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"$`, 'm'))[1];
const files = ['h100e.js', 'h100e.d.ts', 'h100e_bg.wasm', 'h100e_bg.wasm.d.ts', 'README.md', 'LICENSE'];
const pkg = {
  name: 'h100e',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  module: 'h100e.js',
  main: 'h100e.js',
  types: 'h100e.d.ts',
  exports: { '.': { types: './h100e.d.ts', default: './h100e.js' }, './h100e_bg.wasm': './h100e_bg.wasm' },
  files,
  sideEffects: false,
  keywords: ['export controls', 'ECCN 3A090', 'AI chips', 'H100', 'TPP', 'WebAssembly'],
};
writeFileSync('pkg/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
typeDeclarations();
copyFileSync('LICENSE', 'pkg/LICENSE');
writeFileSync('pkg/README.md', `# h100e

How many H100s is that chip, and does this order need a US export license? The h100e engine,
compiled to WebAssembly: exact answers under each rule since October 2023, every step cited.
Everything runs in the browser; nothing is sent anywhere. Not legal advice.

## In a page

\`\`\`html
<script type="module">
  import init, { evaluate, dataset } from './node_modules/h100e/h100e.js';
  await init(); // fetches h100e_bg.wasm from beside h100e.js
  const answer = evaluate({ to: 'India', chip: 'h100-sxm', quantity: '2000', regime: 'diffusion2025' });
  console.log(answer.headline, answer.explanation.map((s) => s.citation.url));
  console.log('dataset', dataset().data.version);
</script>
\`\`\`

## With a bundler (Vite, esbuild, webpack 5)

\`\`\`js
import init, { compare, convert } from 'h100e';
await init();
compare({ to: 'Saudi Arabia', chip: 'b200', quantity: '1000' }); // the order under every regime
convert({ threshold: 'diffusion2025.lpp' }); // how many of each chip fit under a legal line
\`\`\`

The functions: \`evaluate\`, \`outcomes\`, \`chip\`, \`tiers\`, \`regimes\`, \`chips\`, \`countries\`,
\`sources\`, \`dataset\` (the dataset version and the span of the data), \`compare\`, \`convert\`,
\`thresholds\`, \`claims\`. Bad input throws an \`Error\` with \`field\` and \`code\`. Each answer carries
the dataset version it was computed with (\`data.version\`); cite it with the answer.

## Types

\`h100e.d.ts\` declares every query and every answer field by field (\`QueryIn\`, \`EvalOut\`,
\`OutcomesOut\`, \`CompareOut\`, …), with the engine's own doc comments. They are generated from
the engine's wire types and checked against real answers, so an editor's completion is what the
engine returns.
`);
console.log(`build-pkg: pkg/ is the npm package h100e@${pkg.version}`);
