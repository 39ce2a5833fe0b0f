//! Build-time world map generator: writes `www/world.js`, the map the page colours by tier.
//!
//! Why build time: the page stays a plain ES module with no map library and no projection maths
//! at run time; it just draws precomputed SVG paths. The world comes from Natural Earth 1:110m
//! (world-atlas 2.0.2), projected with d3-geo's Equal Earth, cropped below the Antarctic Peninsula,
//! thinned to within 0.8 units and rounded to integer viewBox units. Every ISO 3166-1 code in
//! `data/countries.toml` appears exactly once on it, as a shape or as a symbol (a dot) when it is
//! missing from 1:110m or too small there to see. Regional insets (Europe, the Gulf, the Pearl
//! River delta and Taiwan, Singapore, the Lesser Antilles) redraw crowded places from 1:50m at a
//! larger scale, with a callout in open water for each place still too small to tap there.
//! Provenance and choices: `data/sources/map.md`.
//!
//! Usage (from the repo root): `node scripts/build-map.mjs`

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { geoEqualEarth, geoAzimuthalEqualArea, geoPath, geoCentroid, geoArea } from "d3-geo";
import { feature } from "topojson-client";

const WIDTH = 1000;
const MARGIN = 4;
/** The main map stops at this latitude: below it there is only Antarctica, which keeps a sliver
 * (the Antarctic Peninsula) so that it stays a visible, pickable place. */
const SOUTH = -66.5;
/** A projected shape whose bounding box is smaller than this in both directions becomes a symbol. */
const TINY = 5;
/** Symbols closer than this (viewBox units) are pushed apart so each keeps a share of the sea. */
const MIN_GAP = 6;
/** In an inset, a place whose whole shape fits in this many units each way also gets a callout. */
const SMALL = 10;
/** Half the tap target of a callout, in inset units. Insets are sized so that one unit is about one
 * CSS pixel when the map column is 960 px wide, and more on narrower screens (see map.js). */
const HIT = 12;
/** World coastlines and borders are thinned to within this many units of 1:110m (see `thin`): four
 * fifths of a CSS px on a 960 px column and a third of that on a phone, within 1:110m's own
 * generalisation of about a unit. At 0.9, southern Italy and Greece looked angular when zoomed in. */
const WORLD_SIMPLIFY = 0.8;
/** Inset coastlines and borders are thinned to within this many units of 1:50m: a little less than
 * the world map's, as on a phone an inset unit is a little more than a CSS px. */
const INSET_SIMPLIFY = 0.7;
const OUT = "www/world.js";
/** The insets' paths: a second module the page loads after its first answer. */
const OUT_INSETS = "www/insets.js";

/** Features that carry no ISO id: where each one goes (null = OTHER, drawn neutral, not pickable). */
const UNCODED = {
  "N. Cyprus": "CY",
  Somaliland: "SO",
  Kosovo: null,
  "Siachen Glacier": null,
  "Indian Ocean Ter.": "AU", // Christmas Island and the Cocos Islands, split out below.
};

/**
 * ISO entries that Natural Earth draws inside another country's multipolygon (an overseas
 * department, a dependency): [code, host, west, south, east, north]. A host polygon whose
 * centroid lies in the box is given to the territory, so it is painted with its own answer.
 */
const SPLITS = [
  ["GF", "FR", -55, 1.5, -51, 6.5], // French Guiana
  ["GP", "FR", -62, 15.7, -60.9, 16.6], // Guadeloupe
  ["MQ", "FR", -61.3, 14.3, -60.7, 15], // Martinique
  ["RE", "FR", 55, -21.5, 56, -20.7], // Réunion
  ["YT", "FR", 44.9, -13.1, 45.4, -12.5], // Mayotte
  ["SJ", "NO", 5, 74, 36, 81.5], // Svalbard
  ["SJ", "NO", -10, 70.5, -7, 71.5], // Jan Mayen
  ["BV", "NO", 3, -55, 4, -54], // Bouvet Island
  ["BQ", "NL", -69, 11.9, -62.8, 17.8], // Bonaire, Sint Eustatius and Saba
  ["CC", "AU", 96.7, -12.3, 97, -11.8], // Cocos (Keeling) Islands
  ["CX", "AU", 105.5, -10.6, 105.8, -10.3], // Christmas Island
  ["TK", "NZ", -172.6, -9.5, -171, -8.4], // Tokelau
];

/**
 * The insets: crowded regions redrawn from 1:50m. `size` is the viewBox in units (≈ CSS px on a
 * 960 px column: Europe spans two grid columns, the others one); `box` is [west, south, east,
 * north], the area the inset must show; `label` names it in a corner that holds only sea.
 */
const INSETS = [
  { id: "europe", label: "Europe", size: [314, 110], box: [-9.8, 41.3, 31, 55.7], corner: "bl" },
  { id: "gulf", label: "Levant and Gulf", size: [153, 110], box: [32.8, 23.6, 56.4, 34.8], corner: "br" },
  { id: "east-asia", label: "Hong Kong, Macau, Taiwan", size: [153, 110], box: [112.9, 21.6, 122.2, 25.6], corner: "tl" },
  { id: "singapore", label: "Singapore, Brunei", size: [153, 110], box: [100.8, -1.2, 115.8, 7.4], corner: "bl" },
  { id: "antilles", label: "Lesser Antilles", size: [153, 110], box: [-70.2, 10.4, -59.3, 18.8], corner: "bl" },
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

/**
 * The country features of one world-atlas resolution ("110m", "50m", "10m"), their coastlines and
 * borders thinned (`thin`) when a projection is given.
 */
function readAtlas(scale, project, tolerance) {
  const topo = JSON.parse(readFileSync(`node_modules/world-atlas/countries-${scale}.json`, "utf8"));
  const thinned = project ? thin(topo, project, tolerance) : topo;
  return feature(thinned, thinned.objects.countries).features;
}

/**
 * The topology with each arc (a stretch of coast or border, shared by the places on either side)
 * reduced to the points Douglas–Peucker keeps within `tolerance` units once projected: points
 * closer together than the map can show cost bytes and draw nothing. Thinning the shared arcs,
 * not each place's rings, keeps a border the same on both sides, so no sliver of sea opens between
 * neighbours. Cutting corners shrinks a small island more than a large one, so the arcs of a ring
 * that would lose more than a twentieth of its area are thinned again at half the tolerance (up to
 * four times). A ring that would be left with fewer than three points, or that would turn inside
 * out (an island near the far side of the globe from an inset's centre, where its projection
 * folds, would become the whole sphere but the island), keeps its arcs whole, so no island
 * disappears and none covers the map.
 */
function thin(topo, project, tolerance) {
  const { scale: [kx, ky], translate: [tx, ty] } = topo.transform;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => [(x += dx) * kx + tx, (y += dy) * ky + ty]);
  });
  const projected = arcs.map((arc) => arc.map(project));
  const rings = topo.objects.countries.geometries.flatMap((g) => (g.type === "MultiPolygon" ? g.arcs.flat() : g.arcs ?? []));
  const index = (i) => (i < 0 ? ~i : i);
  /** A ring's points, from its arcs' points (`points(index)`), each arc reversed when its index is negative. */
  const ringOf = (ring, points) => ring.flatMap((i, n) => {
    const arc = i < 0 ? points(~i).reverse() : points(i);
    return n ? arc.slice(1) : arc;
  });
  const kept = (list, i) => list[i].filter((_, j) => keep[i][j]);
  const area = (ring) => Math.abs(ring.reduce((a, [x, y], i) => a + (i ? ring[i - 1][0] * y - x * ring[i - 1][1] : 0), 0) / 2);
  const exactArea = rings.map((ring) => area(ringOf(ring, (i) => [...projected[i]])));
  const tolerances = arcs.map(() => tolerance);
  let keep;
  for (let round = 0; round < 5; round++) {
    keep = projected.map((xy, i) => douglasPeucker(xy, tolerances[i]));
    const shrunk = rings.filter((ring, r) => Math.abs(area(ringOf(ring, (i) => kept(projected, i))) - exactArea[r]) > exactArea[r] / 20);
    for (const ring of shrunk) for (const i of ring) tolerances[index(i)] /= 2;
    if (!shrunk.length) break;
  }
  const inverted = (ring) => geoArea({ type: "Polygon", coordinates: [ring] }) > 2 * Math.PI;
  for (const ring of rings) {
    const after = ringOf(ring, (i) => kept(arcs, i));
    if (after.length < 4 || inverted(after) !== inverted(ringOf(ring, (i) => [...arcs[i]]))) for (const i of ring) keep[index(i)].fill(1);
  }
  return { ...topo, transform: null, arcs: arcs.map((_, i) => kept(arcs, i)) };
}

/** Which points of a line Douglas–Peucker keeps (1) within `tolerance` of it: both ends, and
 * every point farther than that from the line through its kept neighbours. */
function douglasPeucker(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [[x1, y1], [x2, y2]] = [points[a], points[b]];
    const len = Math.hypot(x2 - x1, y2 - y1);
    let far = -1, farthest = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = points[i];
      const dist = len ? Math.abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / len : Math.hypot(x - x1, y - y1);
      if (dist > farthest) [far, farthest] = [i, dist];
    }
    if (far >= 0) { keep[far] = 1; stack.push([a, far], [far, b]); }
  }
  return keep;
}

/** The polygons (coordinate arrays) of a Polygon or MultiPolygon feature. */
function polygonsOf(f) {
  return f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
}

/** The territory of SPLITS that a polygon of `host` belongs to, or `host` itself. */
function ownerOf(host, polygon) {
  const [lon, lat] = geoCentroid({ type: "Polygon", coordinates: polygon });
  const split = SPLITS.find(([, h, w, s, e, n]) => h === host && lon >= w && lon <= e && lat >= s && lat <= n);
  return split ? split[0] : host;
}

/**
 * One resolution as code → MultiPolygon (overseas parts split out) plus the OTHER features.
 * `strict`: fail on an uncoded feature with no rule (1:10m, used only for positions, is lenient).
 */
function readParts(scale, byNumeric, strict, project, tolerance) {
  const polygons = new Map();
  const other = [];
  for (const f of readAtlas(scale, project, tolerance)) {
    const name = f.properties.name;
    const code = f.id === undefined ? UNCODED[name] : byNumeric.get(f.id);
    if (code === undefined && strict) fail(`1:${scale} feature "${name}" (id ${f.id}) has no ISO code and no rule`);
    if (code === undefined) continue;
    if (code === null) { other.push(f); continue; }
    for (const polygon of polygonsOf(f)) {
      const owner = ownerOf(code, polygon);
      polygons.set(owner, [...(polygons.get(owner) ?? []), polygon]);
    }
  }
  const parts = new Map([...polygons].map(([code, coordinates]) => [code, { type: "MultiPolygon", coordinates }]));
  return { parts, other };
}

/** Equal Earth fitted to a 1000-wide viewBox, cut off at SOUTH. */
function makeProjection() {
  const sphere = { type: "Sphere" };
  const inner = WIDTH - 2 * MARGIN;
  const [[, y0], [, y1]] = geoPath(geoEqualEarth().fitWidth(inner, sphere)).bounds(sphere);
  const full = Math.ceil(y1 - y0) + 2 * MARGIN;
  const projection = geoEqualEarth().fitExtent([[MARGIN, MARGIN], [WIDTH - MARGIN, full - MARGIN]], sphere);
  return { projection, height: Math.ceil(projection([0, SOUTH])[1]) };
}

/** Drops consecutive repeated points, which integer rounding creates in dense coastlines. */
function squeeze(d) {
  return d.replace(/L(-?\d+,-?\d+)(?=(L\1)+(?![\d,]))/g, "");
}

/**
 * Writes an integer path ("Mx,yLx,y…Z") in fewer bytes that draw the same: relative moves
 * (neighbouring points differ by a few units), a point that lies on the straight way between its
 * neighbours dropped, and no command letter or separator that SVG does not need (a repeated
 * command is implied and a minus sign separates: `l-1-2 1 0`). `h` and `v` for level and upright
 * moves were tried: fewer raw bytes, but more brotli bytes.
 */
function relative(d) {
  let out = "";
  let last = "";
  const put = (cmd, ...nums) => {
    if (cmd !== last) out += cmd;
    nums.forEach((n, i) => { out += (i === 0 && cmd !== last) || n < 0 ? n : ` ${n}`; });
    last = cmd;
  };
  for (const ring of d.split("M").filter(Boolean)) {
    const closed = ring.endsWith("Z");
    const points = ring.replace("Z", "").split("L").map((p) => p.split(",").map(Number));
    const kept = [points[0]];
    for (let i = 1; i < points.length; i++) {
      const [a, b, c] = [kept[kept.length - 1], points[i], points[i + 1] ?? (closed ? points[0] : null)];
      const straight = c && (b[0] - a[0]) * (c[1] - b[1]) === (b[1] - a[1]) * (c[0] - b[0]) &&
        (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) > 0;
      if (!straight) kept.push(b);
    }
    put("M", ...kept[0]);
    for (let i = 1; i < kept.length; i++) put("l", kept[i][0] - kept[i - 1][0], kept[i][1] - kept[i - 1][1]);
    if (closed) put("Z");
  }
  return out;
}

/** Are these projected features, taken together, too small to see or click? */
function isTiny(path, f) {
  const [[x0, y0], [x1, y1]] = path.bounds(f);
  return x1 - x0 < TINY && y1 - y0 < TINY;
}

/** [longitude, latitude] of a symbol: its 1:50m centroid, else 1:10m (Gibraltar, Bouvet Island…). */
function symbolPlace(code, finer) {
  for (const parts of finer) {
    const f = parts.get(code);
    if (f) return geoCentroid(f);
  }
  fail(`no position for symbol ${code}: no 1:50m or 1:10m polygon (add a SPLITS box if a host holds it)`);
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

/** The main map: shapes from 1:110m, symbols for what is missing or tiny there. */
function buildWorld(byNumeric, finer) {
  const { projection, height } = makeProjection();
  const path = geoPath(projection).digits(0);
  // Drawn as far as the viewBox shows: Antarctica's coast below it would cost bytes and show nothing.
  const draw = geoPath(makeProjection().projection.clipExtent([[0, 0], [WIDTH, height + 1]])).digits(0);
  // Whether a place is tiny is read from the exact shapes, so thinning changes only how it is drawn.
  const exact = readParts("110m", byNumeric, true);
  const thinned = readParts("110m", byNumeric, true, projection, WORLD_SIMPLIFY);
  const shapes = [];
  const tinyLand = new Map();
  for (const [code, multi] of exact.parts) {
    const d = squeeze(draw(thinned.parts.get(code)));
    // Tiny in 1:110m: the shape stays as the place's own land, but the place is drawn as a symbol.
    if (isTiny(path, multi)) tinyLand.set(code, d);
    else shapes.push([code, d]);
  }
  shapes.sort(([a], [b]) => a.localeCompare(b));
  const drawn = new Set(shapes.map(([code]) => code));
  const symbols = [...byNumeric.values()]
    .filter((code) => !drawn.has(code))
    .sort()
    .map((code) => [code, ...projection(symbolPlace(code, finer))]);
  nudgeApart(symbols);
  const tenth = (v) => Math.round(v * 10) / 10;
  for (const s of symbols) {
    [s[1], s[2]] = [tenth(s[1]), tenth(s[2])];
    if (tinyLand.has(s[0])) s.push(tinyLand.get(s[0]));
  }
  checkComplete(byNumeric, shapes, symbols);
  const other = thinned.other.map((f) => squeeze(draw(f)));
  return { viewBox: `0 0 ${WIDTH} ${height}`, outline: path({ type: "Sphere" }), shapes, symbols, other };
}

/** An azimuthal equal-area projection centred on the inset's box and fitted to its size. */
function insetProjection({ size: [w, h], box: [west, south, east, north] }) {
  const edge = [];
  for (let t = 0; t <= 1; t += 0.125) {
    const lon = west + (east - west) * t, lat = south + (north - south) * t;
    edge.push([lon, south], [lon, north], [west, lat], [east, lat]);
  }
  const projection = geoAzimuthalEqualArea().rotate([-(west + east) / 2, -(south + north) / 2])
    .fitExtent([[2, 2], [w - 2, h - 2]], { type: "MultiPoint", coordinates: edge });
  return projection;
}

/** Closed rings of a geometry in projected units (clipped to the inset), for rasterising. */
function projectedRings(projection, geometry) {
  const rings = [];
  let ring = null;
  geoPath(projection, {
    moveTo(x, y) { ring = [[x, y]]; rings.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() {},
    arc() {},
  })(geometry);
  return rings;
}

/**
 * Which code owns each unit cell of the inset (0 = sea), by even-odd scanlines through each
 * place's rings: where a callout may go and how much sea it has around it.
 */
function rasterise(w, h, places) {
  const owner = new Int16Array(w * h);
  places.forEach(({ rings }, index) => {
    for (let y = 0; y < h; y++) {
      const yc = y + 0.5;
      const xs = [];
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [x1, y1] = ring[i], [x2, y2] = ring[j];
          if ((y1 > yc) !== (y2 > yc)) xs.push(x1 + ((yc - y1) / (y2 - y1)) * (x2 - x1));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (let x = Math.max(0, Math.ceil(xs[k] - 0.5)); x < Math.min(w, xs[k + 1] - 0.5); x++) owner[y * w + x] = index + 1;
      }
    }
  });
  return owner;
}

/** Share of the cells within `r` of (cx, cy) that are sea. */
function seaShare(owner, w, h, cx, cy, r) {
  let sea = 0, all = 0;
  for (let y = Math.floor(cy - r); y <= cy + r; y++) {
    for (let x = Math.floor(cx - r); x <= cx + r; x++) {
      if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > r) continue;
      all++;
      if (x >= 0 && y >= 0 && x < w && y < h && owner[y * w + x] === 0) sea++;
    }
  }
  return sea / all;
}

/**
 * Puts each small place's callout as near its true position as possible where a HIT-radius
 * circle is at least half sea, its centre clear of land, and at least 2·HIT from every other callout, so each tap target is
 * ≥ 24 px and never lies over land (land always picks the country under it). Places are placed
 * from the most crowded (most other small places within 3·HIT) to the least, in code order on ties.
 */
function placeCallouts(smalls, owner, w, h, insetId, reserved) {
  const crowd = (p) => smalls.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 3 * HIT).length;
  const order = [...smalls].sort((a, b) => crowd(b) - crowd(a) || a.code.localeCompare(b.code));
  const placed = [];
  for (const p of order) {
    let best = null;
    const consider = (cx, cy) => {
      const d = Math.hypot(cx - p.x, cy - p.y);
      if (best && d >= best.d) return;
      if (cx < HIT * 0.75 || cy < HIT * 0.75 || cx > w - HIT * 0.75 || cy > h - HIT * 0.75) return;
      // The centre itself, with a margin for the rounding of the drawn coastline, must be sea.
      if (seaShare(owner, w, h, cx, cy, 3) < 1) return;
      if ([...placed, ...reserved].some((q) => Math.hypot(q.cx - cx, q.cy - cy) < 2 * HIT)) return;
      if (seaShare(owner, w, h, cx, cy, HIT) < 0.5) return;
      best = { cx, cy, d };
    };
    consider(p.x, p.y);
    for (let cy = 0.5; cy < h; cy += 1) for (let cx = 0.5; cx < w; cx += 1) consider(cx, cy);
    if (!best) fail(`inset ${insetId}: no room for a callout for ${p.code}`);
    placed.push({ ...p, cx: best.cx, cy: best.cy });
  }
  return placed;
}

/** One inset: 1:50m shapes clipped to its frame, and callouts for the places too small in it. */
function buildInset(inset, byNumeric, medium, finer) {
  const [w, h] = inset.size;
  const projection = insetProjection(inset);
  const unclipped = geoPath(projection);
  projection.clipExtent([[0, 0], [w, h]]);
  const path = geoPath(projection).digits(0);
  const inside = ([x, y]) => x >= 0 && y >= 0 && x <= w && y <= h;

  // Drawn thinned; a place's size and the land that callouts avoid are read from the exact shapes.
  const thinned = readParts("50m", byNumeric, true, projection, INSET_SIMPLIFY);
  const places = [];
  for (const [code, multi] of [...medium.parts].sort(([a], [b]) => a.localeCompare(b))) {
    const d = path(thinned.parts.get(code));
    if (!d) continue;
    const [[x0, y0], [x1, y1]] = unclipped.bounds(multi);
    places.push({ code, d: squeeze(d), rings: projectedRings(projection, multi), small: x1 - x0 < SMALL && y1 - y0 < SMALL, area: (x1 - x0) * (y1 - y0) });
  }
  const owner = rasterise(w, h, places);
  const shown = new Set(places.map((p) => p.code));
  const smalls = [...byNumeric.values()].sort()
    .filter((code) => !shown.has(code) || places.find((p) => p.code === code).small)
    .map((code) => ({ code, at: projection(symbolPlace(code, finer)) }))
    .filter(({ at }) => inside(at))
    .map(({ code, at: [x, y] }) => ({ code, x, y }));
  // The label's corner is kept free of callouts.
  const [lw, lh] = [inset.label.length * 5 + 8, 14];
  const lx = inset.corner.endsWith("l") ? lw / 2 : w - lw / 2;
  const ly = inset.corner.startsWith("t") ? lh / 2 : h - lh / 2;
  const reserved = [{ cx: lx, cy: ly }];
  const callouts = placeCallouts(smalls, owner, w, h, inset.id, reserved);
  const tenth = (v) => Math.round(v * 10) / 10;
  return {
    id: inset.id,
    label: inset.label,
    corner: inset.corner,
    viewBox: `0 0 ${w} ${h}`,
    // Larger places first, so that on a shared border the smaller place is on top and takes the
    // pointer (Israel over Jordan and Syria, not the reverse).
    shapes: [...places].sort((a, b) => b.area - a.area || a.code.localeCompare(b.code)).map((p) => [p.code, p.d]),
    symbols: callouts.sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => [c.code, tenth(c.x), tenth(c.y), tenth(c.cx), tenth(c.cy)]),
    other: thinned.other.map((f) => path(f)).filter(Boolean).map(squeeze),
  };
}

/** Every path of the world map and the insets, written with relative moves. */
function compact(world, insets) {
  const shapes = world.shapes.map(([code, d]) => [code, relative(d)]);
  const symbols = world.symbols.map((s) => (s.length > 3 ? [...s.slice(0, 3), relative(s[3])] : s));
  const other = world.other.map(relative);
  const small = insets.map((inset) => ({
    ...inset,
    shapes: inset.shapes.map(([code, d]) => [code, relative(d)]),
    other: inset.other.map(relative),
  }));
  return [{ ...world, outline: relative(world.outline), shapes, symbols, other }, small];
}

function render(world, insets) {
  const rows = (items) => items.map((item) => `  ${JSON.stringify(item)},`).join("\n");
  return `// Generated by scripts/build-map.mjs — do not edit. Natural Earth via world-atlas 2.0.2 (see data/sources/map.md).
export const VIEWBOX = "${world.viewBox}";
export const OUTLINE = ${JSON.stringify(world.outline)};
export const SHAPES = [
${rows(world.shapes)}
];
export const SYMBOLS = [
${rows(world.symbols)}
];
export const OTHER = [
${rows(world.other)}
];
/** Each inset's id and frame, so the page can hold its place before its paths (insets.js) load. */
export const INSET_FRAMES = [
${rows(insets.map(({ id, viewBox }) => ({ id, viewBox })))}
];
`;
}

/**
 * The characters that stand for the numbers -43…43 of an inset's relative moves: printable ASCII
 * without what a JSON string escapes (`"`, `\\`), the path commands around a run (`M`, `Z`, `l`)
 * and the braces of a larger number (`{-50}`). Each rounded move is a number or two of a few units;
 * one character each, without signs or separators, is 460 B less brotli over the insets' paths.
 */
const PACKED = [...Array(94)].map((_, i) => String.fromCharCode(33 + i)).filter((c) => !'"\\MZl{}'.includes(c)).join("");
const PACKED_MAX = (PACKED.length - 1) / 2;

/** A path as `relative` writes it, with the numbers of its `l` runs one character each (`unpack` in the module undoes it). */
function pack(d) {
  return d.replace(/l([^MZ]*)/g, (_, run) => `l${run.match(/-?\d+/g).map(Number)
    .map((n) => (Math.abs(n) <= PACKED_MAX ? PACKED[n + PACKED_MAX] : `{${n}}`)).join("")}`);
}

function renderInsets(insets) {
  const packed = insets.map((inset) => ({ ...inset, shapes: inset.shapes.map(([code, d]) => [code, pack(d)]), other: inset.other.map(pack) }));
  const rows = (items) => items.map((item) => `  ${JSON.stringify(item)},`).join("\n");
  return `// Generated by scripts/build-map.mjs — do not edit. Natural Earth via world-atlas 2.0.2 (see data/sources/map.md).
// Each path's moves are packed a character a number (build-map.mjs, \`pack\`); \`unpack\` writes them as SVG.
const PACKED = ${JSON.stringify(PACKED)};
const unpack = (d) => d.replace(/l([^MZ]*)/g, (_, run) => \`l\${run.match(/{-?\\d+}|./g)
  .map((c, i) => { const n = c[0] === "{" ? Number(c.slice(1, -1)) : PACKED.indexOf(c) - ${PACKED_MAX}; return i && n >= 0 ? \` \${n}\` : n; }).join("")}\`);
export const INSETS = [
${rows(packed)}
].map((inset) => ({ ...inset, shapes: inset.shapes.map(([code, d]) => [code, unpack(d)]), other: inset.other.map(unpack) }));
`;
}

/** Raw, gzip and brotli bytes of a text, as the page would be served. */
function sizes(text) {
  const bytes = Buffer.from(text);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return `${bytes.length} B raw, ${gz} B gzip, ${br} B brotli`;
}

async function main() {
  const byNumeric = readCountries();
  const medium = readParts("50m", byNumeric, true);
  const finer = [medium.parts, readParts("10m", byNumeric, false).parts];
  const [world, insets] = compact(buildWorld(byNumeric, finer), INSETS.map((inset) => buildInset(inset, byNumeric, medium, finer)));

  const js = render(world, insets);
  const insetsJs = renderInsets(insets);
  mkdirSync("www", { recursive: true });
  writeFileSync(OUT, js);
  writeFileSync(OUT_INSETS, insetsJs);
  // The page draws what the module unpacks: it must be the paths exactly.
  const { INSETS: unpacked } = await import(`../${OUT_INSETS}?${Date.now()}`);
  if (JSON.stringify(unpacked) !== JSON.stringify(insets)) {
    console.error(`build-map: ${OUT_INSETS} does not unpack to the insets' paths`);
    process.exit(1);
  }
  const tiny = world.symbols.filter((s) => s.length > 3).map(([code]) => code);
  console.log(`build-map: ${OUT}: ${world.shapes.length} shapes, ${world.symbols.length} symbols (tiny in 1:110m: ${tiny.join(" ")}), ` +
    `${world.other.length} other; ${sizes(js)}`);
  console.log(`build-map: ${OUT_INSETS}: ${sizes(insetsJs)}`);
  for (const inset of insets) {
    console.log(`build-map: inset ${inset.id}: ${inset.shapes.length} shapes, callouts ${inset.symbols.map(([c]) => c).join(" ")}; ` +
      `${Buffer.byteLength(JSON.stringify(inset))} B raw`);
  }
}

await main();
