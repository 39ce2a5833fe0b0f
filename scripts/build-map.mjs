//! Build-time world map generator: writes `www/world.js`, the map the page colours by tier.
//!
//! Why build time: the page stays a plain ES module with no map library and no projection maths
//! at run time; it just draws precomputed SVG paths. Shapes come from Natural Earth 1:110m
//! (world-atlas 2.0.2), projected with d3-geo's Equal Earth and rounded to integer viewBox units.
//! Every ISO 3166-1 code in `data/countries.toml` appears exactly once, either as a shape or as a
//! symbol (a clickable dot) when it is missing from 1:110m or too small there to click.
//! Provenance and choices: `data/sources/map.md`.
//!
//! Usage (from the repo root): `node scripts/build-map.mjs`

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { geoEqualEarth, geoPath, geoCentroid, geoArea } from "d3-geo";
import { feature } from "topojson-client";

const WIDTH = 1000;
const MARGIN = 4;
/** A projected shape whose bounding box is smaller than this in both directions becomes a symbol. */
const TINY = 5;
/** Symbols closer than this (viewBox units) are pushed apart so each stays clickable. */
const MIN_GAP = 6;
const OUT = "www/world.js";

/** 1:110m features that carry no ISO id: where each one goes (null = OTHER, drawn neutral). */
const UNCODED = { "N. Cyprus": "CY", Somaliland: "SO", Kosovo: null };

/**
 * ISO entries that Natural Earth folds into another country at every scale, so they have no
 * feature of their own. Approximate public-knowledge coordinates [code, longitude, latitude] of
 * each territory's main island or capital.
 */
const HAND_PLACED = [
  ["BQ", -68.27, 12.15], // Bonaire (Kralendijk)
  ["BV", 3.36, -54.42], // Bouvet Island
  ["CC", 96.83, -12.19], // Cocos (Keeling) Islands (West Island)
  ["CX", 105.68, -10.45], // Christmas Island (Flying Fish Cove)
  ["GF", -52.33, 4.94], // French Guiana (Cayenne)
  ["GP", -61.55, 16.25], // Guadeloupe (Pointe-à-Pitre)
  ["MQ", -61.07, 14.6], // Martinique (Fort-de-France)
  ["RE", 55.45, -20.88], // Réunion (Saint-Denis)
  ["SJ", 15.63, 78.22], // Svalbard (Longyearbyen)
  ["TK", -171.25, -9.38], // Tokelau (Fakaofo)
  ["YT", 45.23, -12.78], // Mayotte (Mamoudzou)
];

/** ISO numeric (zero-padded string) → alpha-2, from the `[[country]]` tables of countries.toml. */
function readCountries() {
  const toml = readFileSync("data/countries.toml", "utf8");
  const byNumeric = new Map();
  for (const table of toml.split(/^\[\[country\]\]$/m).slice(1)) {
    const code = table.match(/^code = "([A-Z]{2})"$/m)?.[1];
    const numeric = table.match(/^numeric = "(\d{3})"$/m)?.[1];
    if (!code || !numeric) fail(`countries.toml: a [[country]] table lacks code or numeric:\n${table}`);
    byNumeric.set(numeric, code);
  }
  return byNumeric;
}

/** The country features of one world-atlas resolution ("110m", "50m", "10m"). */
function readAtlas(scale) {
  const topo = JSON.parse(readFileSync(`node_modules/world-atlas/countries-${scale}.json`, "utf8"));
  return feature(topo, topo.objects.countries).features;
}

/** Equal Earth fitted to a 1000-wide viewBox whose height is whatever fits the sphere. */
function makeProjection() {
  const sphere = { type: "Sphere" };
  const inner = WIDTH - 2 * MARGIN;
  const [[, y0], [, y1]] = geoPath(geoEqualEarth().fitWidth(inner, sphere)).bounds(sphere);
  const height = Math.ceil(y1 - y0) + 2 * MARGIN;
  const projection = geoEqualEarth().fitExtent([[MARGIN, MARGIN], [WIDTH - MARGIN, height - MARGIN]], sphere);
  return { projection, height };
}

/** Drops consecutive repeated points, which integer rounding creates in dense coastlines. */
function squeeze(d) {
  return d.replace(/L(-?\d+,-?\d+)(?=(L\1)+(?![\d,]))/g, "");
}

/** Are these projected features, taken together, too small to see or click? */
function isTiny(path, f) {
  const [[x0, y0], [x1, y1]] = path.bounds(f);
  return x1 - x0 < TINY && y1 - y0 < TINY;
}

/** code → feature at a finer scale, keeping the largest when an id repeats (e.g. "036" in 50m). */
function indexByCode(features, byNumeric) {
  const index = new Map();
  for (const f of features) {
    const code = byNumeric.get(f.id);
    if (!code) continue;
    const seen = index.get(code);
    if (!seen || geoArea(f) > geoArea(seen)) index.set(code, f);
  }
  return index;
}

/** Projected symbol position for a code: 1:50m centroid, else 1:10m, else the hand table. */
function symbolPosition(code, projection, finer) {
  for (const index of finer) {
    const f = index.get(code);
    if (f) return projection(geoCentroid(f));
  }
  const hand = HAND_PLACED.find(([c]) => c === code);
  if (!hand) fail(`no position for symbol ${code}: add it to HAND_PLACED`);
  return projection([hand[1], hand[2]]);
}

/**
 * Pushes symbols closer than MIN_GAP apart along the line joining them, in code order, until no
 * pair is too close (the Lesser Antilles need a few passes). Deterministic: same input, same map.
 */
function nudgeApart(symbols) {
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    for (let i = 0; i < symbols.length; i++) {
      for (let j = i + 1; j < symbols.length; j++) {
        const a = symbols[i], b = symbols[j];
        let dx = b[1] - a[1], dy = b[2] - a[2];
        const dist = Math.hypot(dx, dy);
        if (dist >= MIN_GAP) continue;
        if (dist === 0) [dx, dy] = [1, 0];
        const push = (MIN_GAP - dist) / 2 / Math.hypot(dx, dy) + 0.01; // 0.01: overshoot to settle.
        a[1] -= dx * push; a[2] -= dy * push;
        b[1] += dx * push; b[2] += dy * push;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Every code exactly once across shapes and symbols, or exit 1 naming the offenders. */
function checkComplete(byNumeric, shapes, symbols) {
  const drawn = [...shapes, ...symbols].map(([code]) => code);
  const dupes = drawn.filter((c, i) => drawn.indexOf(c) !== i);
  const missing = [...byNumeric.values()].filter((c) => !drawn.includes(c));
  if (dupes.length || missing.length) {
    fail(`map incomplete: missing [${missing.join(" ")}], duplicated [${dupes.join(" ")}]`);
  }
}

function fail(message) {
  console.error(`build-map: ${message}`);
  process.exit(1);
}

function render({ height, outline, shapes, symbols, other }) {
  const rows = (items) => items.map((item) => `  ${JSON.stringify(item)},`).join("\n");
  return `// Generated by scripts/build-map.mjs — do not edit. Natural Earth via world-atlas 2.0.2 (see data/sources/map.md).
export const VIEWBOX = "0 0 ${WIDTH} ${height}";
export const OUTLINE = ${JSON.stringify(outline)};
export const SHAPES = [
${rows(shapes)}
];
export const SYMBOLS = [
${rows(symbols)}
];
export const OTHER = [
${rows(other)}
];
`;
}

function main() {
  const byNumeric = readCountries();
  const { projection, height } = makeProjection();
  const path = geoPath(projection).digits(0);
  const finer = ["50m", "10m"].map((scale) => indexByCode(readAtlas(scale), byNumeric));

  // Shapes from 1:110m; uncoded pieces merged into their ISO country or set aside as OTHER.
  const parts = new Map();
  const other = [];
  for (const f of readAtlas("110m")) {
    const name = f.properties.name;
    const code = f.id === undefined ? UNCODED[name] : byNumeric.get(f.id);
    if (code === undefined) fail(`1:110m feature "${name}" (id ${f.id}) has no ISO code and no rule`);
    if (code === null) other.push(squeeze(path(f)));
    else parts.set(code, [...(parts.get(code) ?? []), f]);
  }
  const paths = new Map();
  const tiny = [];
  for (const [code, features] of parts) {
    const merged = { type: "FeatureCollection", features };
    if (isTiny(path, merged)) tiny.push(code); // Tiny in 1:110m: drawn only as a symbol.
    else paths.set(code, squeeze(path(merged)));
  }

  const shapes = [...paths].sort(([a], [b]) => a.localeCompare(b));
  const symbols = [...byNumeric.values()]
    .filter((code) => !paths.has(code))
    .sort()
    .map((code) => [code, ...symbolPosition(code, projection, finer)]);
  nudgeApart(symbols);
  const tenth = (v) => Math.round(v * 10) / 10;
  for (const s of symbols) [s[1], s[2]] = [tenth(s[1]), tenth(s[2])];
  checkComplete(byNumeric, shapes, symbols);

  const outline = path({ type: "Sphere" });
  const js = render({ height, outline, shapes, symbols, other });
  mkdirSync("www", { recursive: true });
  writeFileSync(OUT, js);

  const bytes = Buffer.from(js);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(
    `build-map: ${OUT}: ${shapes.length} shapes, ${symbols.length} symbols (tiny in 1:110m: ${tiny.sort().join(" ")}), ` +
      `${other.length} other; ${bytes.length} B raw, ${gz} B gzip, ${br} B brotli`,
  );
}

main();
