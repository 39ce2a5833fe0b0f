// Bundles and minifies the page's scripts into www/js/, and minifies its styles into www/css/
// (esbuild). The pages (the calculator, the embed, the glossary and the sources page) load the
// minified styles; the calculator and the embed load
// js/app.js, not the readable modules beside it in www/, which stay the source (the single file,
// the tests' harness pages and anyone reading the site use those). Code split: the modules the
// page imports only when needed (insets.js when idle, glossary.js when idle, download.js when a
// Download button is pressed) become their own files, loaded at the same moments as before.
// map.js is a second entry, so the tests can import js/map.js and reach the page's own instance.
// Writes www/js/meta.json: for each output, the source modules it holds and what it imports,
// statically or dynamically (scripts/bytes.mjs follows it from js/app.js to count what the page loads). Usage (after the wasm and the map are built): node scripts/build-js.mjs
import { buildSync } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

rmSync('www/js', { recursive: true, force: true });
rmSync('www/css', { recursive: true, force: true });
buildSync({ entryPoints: ['www/style.css', 'www/dark.css'], outdir: 'www/css', minify: true, logLevel: 'warning' });
const { metafile } = buildSync({
  entryPoints: ['www/app.js', 'www/map.js'], outdir: 'www/js', entryNames: '[name]', chunkNames: '[name]-[hash]',
  bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022', metafile: true, logLevel: 'warning',
});
const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, o]) => [
  file.replace(/^www\/js\//, ''), {
    bytes: o.bytes, entry: o.entryPoint || null, inputs: Object.keys(o.inputs),
    imports: o.imports.map((i) => ({ file: i.path.replace(/^www\/js\//, ''), kind: i.kind })),
  }]));
writeFileSync('www/js/meta.json', `${JSON.stringify(outputs, null, 1)}\n`);
console.log(`build-js: ${Object.keys(outputs).length} files in www/js/, 2 in www/css/`);
