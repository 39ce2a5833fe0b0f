// Writes dist/h100e.html: the whole calculator in one self-contained file (the wasm, the scripts
// bundled by esbuild, the CSS and the map inlined) that works opened from disk or dropped into a
// CMS, with the URL state. Its Content-Security-Policy allows its own inline script and styles by
// hash, never 'unsafe-inline' or 'unsafe-eval'. What it cannot have: the glossary's definitions
// and the sources page, which are separate files (links to them are dropped). The chips' research
// text for the JSON download (chip-research.json beside the page) is inlined with the wasm.
// Usage (from the repo root, after scripts/build.sh has built www/): node scripts/build-single.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { buildSync } from 'esbuild';

const page = readFileSync('www/index.html', 'utf8');
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const bundle = buildSync({
  entryPoints: ['www/app.js'], bundle: true, format: 'esm', minify: true, write: false, target: 'es2022',
  // engine.js fetches the wasm by URL unless given bytes (globalThis.h100eWasm); this build gives bytes.
  logLevel: 'warning',
}).outputFiles[0].text;
const wasm = readFileSync('www/pkg/h100e_bg.wasm').toString('base64');
// The chips' research text, which the page fetches for its JSON download (chip-research.json),
// inlined too; "<" escaped so no note can end the script element.
const research = readFileSync('www/chip-research.json', 'utf8').trim().replace(/</g, '\\u003c');
const boot = `globalThis.h100eWasm=Uint8Array.from(atob("${wasm}"),c=>c.charCodeAt(0));globalThis.h100eResearch=${research};`;
// With the views' styles: the difference map's kinds of change are drawn in the single file too.
const css = readFileSync('www/css/style.css', 'utf8') + readFileSync('www/css/views.css', 'utf8');
const dark = readFileSync('www/css/dark.css', 'utf8');

let html = page
  // Linked files become inline; preloads of files that no longer exist go.
  .replace(/<link rel="modulepreload"[^>]*>\n?/g, '')
  .replace(/<link rel="preload"[^>]*>\n?/g, '')
  .replace('<link rel="stylesheet" href="css/style.css">', '<style>__CSS__</style>')
  .replace(/<link rel="stylesheet" href="css\/dark.css"[^>]*>/, '<style id="dark-css" media="(prefers-color-scheme: dark)">__DARK__</style>')
  .replace('<script type="module" src="js/app.js"></script>', '<script>__BOOT__</script><script type="module">__APP__</script>')
  .replace(/<a href="(sources|glossary|chips|claims)\.html">([^<]*)<\/a>/g, '$2');
const policy = `default-src 'none'; script-src ${sha(boot)} ${sha(bundle)} 'wasm-unsafe-eval'; style-src ${sha(css)} ${sha(dark)}; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
// Placeholders last, with functions, so "$" in the inlined code is never read as a pattern.
for (const [key, text] of [['__CSS__', css], ['__DARK__', dark], ['__BOOT__', boot], ['__APP__', bundle]]) html = html.replace(key, () => text);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/h100e.html', html);
console.log(`build-single: dist/h100e.html (${Buffer.byteLength(html)} B)`);
