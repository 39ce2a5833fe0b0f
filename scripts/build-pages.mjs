// Writes www/index.html and www/embed.html from the template www/page.html.
//
// The first answer is pre-rendered at build time by the same engine the page runs (the wasm
// module, run in Node): the default question's verdict and key numbers, the legend, the world map
// coloured for the default view, and a table of every country's status under each rule that has
// been in force. A reader without JavaScript or WebAssembly (Apple's Lockdown Mode turns it off)
// sees them; with both, the page replaces them with the live calculator. It is also the fastest
// first answer: it is on screen before any script runs.
//
// The embed is the same page without the site's chrome (the <!-- site --> … <!-- /site -->
// blocks), with a link to the full calculator and its frame script (embed-frame.js).
// Usage (from the repo root, after the wasm and the map are built): node scripts/build-pages.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { initSync, evaluate, tiers, regimes, countries } from '../www/pkg/h100e.js';
import { VIEWBOX, OUTLINE, SHAPES, SYMBOLS, OTHER, INSET_FRAMES } from '../www/world.js';
import { DEFAULTS } from '../www/urlstate.js';

initSync({ module: readFileSync('www/pkg/h100e_bg.wasm') });

/** Text made safe for HTML content and double-quoted attributes. */
const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

function fail(message) {
  console.error(`build-pages: ${message}`);
  process.exit(1);
}

/** Puts `html` between <!-- prerender:NAME --> and <!-- /prerender:NAME --> in the template. */
function fillSlot(page, name, html) {
  const open = `<!-- prerender:${name} -->`;
  const close = `<!-- /prerender:${name} -->`;
  const i = page.indexOf(open);
  const j = page.indexOf(close);
  if (i < 0 || j < i) fail(`www/page.html lost its ${open} marker`);
  return page.slice(0, i + open.length) + html + page.slice(j);
}

function verdictHtml(v) {
  const caveats = v.caveats.map((c) => `<p class="caveat">${esc(c.text)}</p>`).join('');
  return `<p class="verdict ${v.license_required ? 'yes' : 'no'}" id="verdict" data-class="${esc(v.outcome_class)}">${esc(v.headline)}</p>${caveats}`;
}

function keyNumbersHtml(v) {
  const item = (dt, dd) => `<div><dt>${esc(dt)}</dt><dd>${esc(dd)}</dd></div>`;
  return item('Destination', `${v.destination.name}${v.destination.tier ? ` · Tier ${v.destination.tier}` : ''}`)
    + item('This order', `${num(v.order.quantity)} ${v.order.quantity === 1 ? 'chip' : 'chips'} · ${num(v.order.tpp)} TPP ≈ ${num(v.order.h100e)} H100s`)
    + item('Chip', `${v.chip.name} · ${v.chip.eccn}`);
}

function legendHtml(t, current) {
  const entries = t.legend.map((l) => `<span class="legend-entry" data-status="${esc(l.status)}"><svg viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="var(--c-${esc(l.status)})"/></svg><span class="legend-short">${esc(l.short)}</span> <span class="legend-count">${l.count}</span></span>`).join('');
  const l = t.legend.find((x) => x.status === current) || t.legend[0];
  return `<div class="legend-row">${entries}</div><p class="legend-meaning" id="legend-meaning">${esc(`${l.label}. Counted: ${l.includes}.`)}</p>`;
}

/**
 * The world map, coloured for the default view with plain fills (the live map adds patterns). It
 * also carries the geometry the live map is built from (each place's shape or dot, a small place's
 * own land, the insets' frames), so the page never downloads the world's paths twice; the live map
 * works out the shapes' centres for the arrow keys from their paths. The places' codes are one list
 * on the <svg>, in the order of its shapes and then its dots (map.js reads them so): a `data-code`
 * on each was about 400 B more brotli.
 */
function mapHtml(t, names) {
  const status = new Map(t.destinations.filter((d) => !d.uncounted).map((d) => [d.code, d.status]));
  const fill = (code) => (status.has(code) ? `var(--c-${status.get(code)})` : 'var(--c-none)');
  const label = (code) => esc(`${names.get(code)}: ${t.legend.find((l) => l.status === status.get(code))?.short || 'not coloured'}`);
  const shapes = SHAPES.map(([code, d]) => `<path d="${d}" fill="${fill(code)}"><title>${label(code)}</title></path>`).join('');
  const dots = SYMBOLS.map(([code, x, y, land]) => `<circle cx="${x}" cy="${y}" r="2.6" fill="${fill(code)}" class="symbol"${land ? ` data-land="${land}"` : ''}><title>${label(code)}</title></circle>`).join('');
  const codes = [...SHAPES, ...SYMBOLS].map(([code]) => code).join(' ');
  return `<svg class="world prerendered" viewBox="${VIEWBOX}" role="img" aria-label="${esc(`World map: ${t.regime.name}`)}" data-codes="${codes}" data-insets="${esc(JSON.stringify(INSET_FRAMES))}"><path d="${OUTLINE}" class="sea"/><g class="land">${OTHER.map((d) => `<path d="${d}" class="other"/>`).join('')}${shapes}</g><g>${dots}</g></svg>`;
}

/** Every country's status under each rule that has been in force, for readers without scripts. */
function tableHtml(names) {
  const real = regimes().filter((r) => !r.hypothetical && !r.unenforced);
  const maps = real.map((r) => {
    const t = tiers(r.id);
    const short = new Map(t.legend.map((l) => [l.status, l.short]));
    return new Map(t.destinations.map((d) => [d.code, d.uncounted ? 'not coloured' : short.get(d.status)]));
  });
  const head = `<tr><th scope="col">Country or territory</th><th scope="col">Code</th>${real.map((r) => `<th scope="col">${esc(r.short_name)}</th>`).join('')}</tr>`;
  const rows = [...names].sort((a, b) => a[1].localeCompare(b[1])).map(([code, name]) =>
    `<tr><th scope="row">${esc(name)}</th><td>${code}</td>${maps.map((m) => `<td>${esc(m.get(code) || '')}</td>`).join('')}</tr>`).join('');
  return `<table class="prerendered"><caption class="caption">Every destination under each set of rules that has been in force (datacenter 3A090.a chips); the live calculator answers for any order.</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function main() {
  let page = readFileSync('www/page.html', 'utf8');
  const names = new Map(countries().map((c) => [c.code, c.name]));
  const v = evaluate({ to: DEFAULTS.to, chip: DEFAULTS.chip, quantity: DEFAULTS.qty, end_user: DEFAULTS.eu, g2g: DEFAULTS.g2g });
  const t = tiers(undefined);
  const current = t.destinations.find((d) => d.code === v.destination.code)?.status;
  page = fillSlot(page, 'verdict', verdictHtml(v));
  page = fillSlot(page, 'numbers', keyNumbersHtml(v));
  page = fillSlot(page, 'legend', legendHtml(t, current));
  page = fillSlot(page, 'map', mapHtml(t, names));
  page = fillSlot(page, 'table', tableHtml(names));
  writeFileSync('www/index.html', page);

  if (!page.includes('<link rel="stylesheet" href="css/style.css">')) fail('www/page.html lost its link to css/style.css');
  const blocks = page.match(/<!-- site -->[\s\S]*?<!-- \/site -->\n?/g) || [];
  if (blocks.length < 3 || !page.includes('<!-- embed -->')) fail('www/page.html lost its <!-- site --> or <!-- embed --> markers');
  let embed = page;
  for (const b of blocks) embed = embed.replace(b, '');
  embed = embed
    .replace('<html lang="en">', '<html lang="en" class="embed">')
    // The embed's own styles, which the calculator's page does not load.
    .replace('<link rel="stylesheet" href="css/style.css">', '$&\n<link rel="stylesheet" href="css/embed.css">')
    .replace(/<title>[^<]*<\/title>/, '<title>h100e: US export controls on AI chips (embedded)</title>')
    // A fixed graphic's source line (share.js fills it when controls=none): rules, date, order, dataset.
    .replace('<!-- embed -->', `<p id="graphic-source" class="embed-foot graphic-source" hidden></p>
<p class="embed-foot"><a id="full-link" href="./" target="_blank" rel="noopener">Open the full calculator</a> for every cited step · h100e</p>
<script src="embed-frame.js" defer></script>`);
  writeFileSync('www/embed.html', embed);
  console.log(`build-pages: www/index.html (${Buffer.byteLength(page)} B), www/embed.html (${Buffer.byteLength(embed)} B)`);
}

main();
