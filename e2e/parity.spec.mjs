// Parity: the CLI's `eval --json` and the wasm API's `evaluate` (the full build the npm package
// and the page's tools use, www/tools/, in Chromium; the page's own small build leaves out the
// chips' research text and sources (null there) and scenarios, and refuses a scenario) give the same answer, key for key in the same order, number for number, and the same
// refusal (field, code, message), for 400 queries from a seeded generator, and `tiers` the same
// for every regime and some dates.
//
// Numbers: serde_json writes a float with an integral value as `15832.0` where JavaScript writes
// `15832`; both are the same IEEE double. The test compares values exactly (Object.is, so -0 and
// 0 differ) and checks that the CLI's text differs from JavaScript's only by that `.0`.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CLI = 'target/debug/h100e';
const N = 400;

/** mulberry32: a small seeded generator, so the set of queries is the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cli(args) {
  try {
    return { ok: true, text: execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    if (e.status !== 2) throw e;
    return { ok: false, text: e.stdout, stderr: e.stderr };
  }
}

/** The generated queries: mostly answerable, some refused, over every field the CLI takes. */
function queries(lists) {
  const r = rng(20261202);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const maybe = (p) => r() < p;
  const out = [];
  for (let i = 0; i < N; i++) {
    const q = { to: maybe(0.9) ? pick(lists.countries) : pick(['Congo', 'Atlantis', 'uae', ' india ']) };
    if (maybe(0.8)) q.chip = pick(lists.chips);
    else {
      const n = 1 + Math.floor(r() * 2);
      q.tops = Array.from({ length: n }, () => String(Math.floor(r() * 5000) + (maybe(0.3) ? 0.5 : 0)));
      q.bits = Array.from({ length: n }, () => String(pick([4, 8, 16, 32])));
      if (maybe(0.7)) q.die_area = String(Math.floor(r() * 900) + 50);
      if (maybe(0.4)) q.dram_bandwidth = String(Math.floor(r() * 8000) + 100);
      if (maybe(0.2)) q.non_datacenter = true;
    }
    q.quantity = maybe(0.95) ? String(Math.floor(r() ** 3 * 300_000) + 1) : pick(['0', '-3', '1.5', 'lots']);
    const when = r();
    if (when < 0.5) q.regime = pick(lists.regimes);
    else if (when < 0.75) q.date = `${pick([2023, 2024, 2025, 2026, 2027])}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    if (maybe(0.2)) q.end_user = pick(['uveu', 'nveu']);
    if (maybe(0.2)) q.hq = pick(lists.countries);
    if (maybe(0.1)) q.from = pick(lists.countries);
    if (maybe(0.2)) q.prior_tpp = String(Math.floor(r() * 30_000_000));
    if (maybe(0.1)) q.installed_tpp = String(Math.floor(r() * 3_000_000_000));
    if (maybe(0.1)) q.buyer_total_tpp = String(Math.floor(r() * 2_000_000_000));
    if (maybe(0.1)) q.g2g = true;
    if (maybe(0.15)) q.readings = [pick(lists.readings)];
    out.push(q);
  }
  return out;
}

/** `h100e eval` options for a query object. */
function args(q) {
  const a = ['eval', '--json'];
  for (const [k, v] of Object.entries(q)) {
    const flag = k === 'readings' ? '--reading' : `--${k.replace(/_/g, '-')}`;
    if (v === true) a.push(flag);
    else for (const x of [v].flat()) a.push(flag, String(x));
  }
  return a;
}

/** Every number of a JSON text, in order (strings skipped). */
function numberTokens(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') { for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++; continue; }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (m && !/[\w.]/.test(text[i - 1] || '')) { out.push(m[0]); i += m[0].length - 1; }
  }
  return out;
}

/** Differences between two JSON values, with key order and exact numbers. */
function diff(a, b, path = '$') {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) ? [] : [`${path}: ${a} vs ${b}`];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
  if (Array.isArray(a) !== Array.isArray(b)) return [`${path}: array vs object`];
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return [`${path}: keys ${ka} vs ${kb}`];
  return ka.flatMap((k) => diff(a[k], b[k], `${path}.${k}`));
}

/** Numbers of a wasm value in serialization order. */
function numbersOf(v) {
  if (typeof v === 'number') return [v];
  if (v === null || typeof v !== 'object') return [];
  return Object.values(v).flatMap(numbersOf);
}

/** What the CLI text and the wasm value disagree on, including how each number is written. */
function compare(label, text, wasm) {
  const cliValue = JSON.parse(text);
  const out = diff(cliValue, wasm).map((d) => `${label}: ${d}`);
  const tokens = numberTokens(text);
  const nums = numbersOf(wasm);
  if (tokens.length !== nums.length) out.push(`${label}: ${tokens.length} numbers vs ${nums.length}`);
  tokens.forEach((t, i) => {
    const js = String(nums[i]);
    if (t !== js && t !== `${js}.0`) out.push(`${label}: number written ${t} by the CLI, ${js} by JavaScript`);
  });
  return out;
}

test.beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync('cargo', ['build', '--quiet', '--bin', 'h100e'], { stdio: 'inherit' });
});

test('the CLI and the wasm API give identical answers and refusals for 400 generated queries', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.waitForSelector('html[data-ready]');
  const lists = {
    countries: JSON.parse(cli(['countries', '--json']).text).map((c) => c.code),
    chips: JSON.parse(cli(['chips', '--json']).text).filter((c) => c.answerable).map((c) => c.id),
    regimes: JSON.parse(cli(['regimes', '--json']).text).map((r) => r.id),
    readings: ['lpp-d1-d4=available', 'lpp-d1-d4=not-listed', 'chip-tpp=low', 'chip-tpp=high', 'review-d1-d4=presumption-of-approval', 'band-bandwidth=below'],
  };
  // And queries wrong in several fields at once: both must name the same field first (the wasm
  // reads a query field by field, src/wasm.rs, where the CLI goes through wire::QueryIn).
  const qs = [...queries(lists),
    { to: 'Atlantis', quantity: 'lots', hq: 'Narnia' },
    { to: 'India', chip: 'no-such-chip', quantity: '-3', regime: 'bogus' },
    { to: 'Congo', chip: 'h100-sxm', quantity: '0', date: '2023-13-01' },
    { to: 'France', tops: ['x'], bits: ['99'], quantity: '10', end_user: 'someone' },
    { to: 'Japan', chip: 'b200', quantity: '1.5', prior_tpp: '-1', installed_tpp: 'abc' },
    { to: 'Brazil', chip: 'h20', quantity: '5', regime: 'ac2023', date: '2025-01-01' },
    { to: 'Chile', chip: 'h20', quantity: '5', from: 'Mordor', readings: ['nonsense'] },
    { to: '', chip: '', quantity: '' },
  ];
  const wasm = await page.evaluate(async (all) => {
    const api = await import('/tools/h100e.js');
    await api.default();
    return all.map((q) => {
      try { return { ok: true, value: api.evaluate(q) }; } catch (e) { return { ok: false, field: e.field, code: e.code, message: e.message }; }
    });
  }, qs);
  const bad = [];
  let answered = 0;
  qs.forEach((q, i) => {
    const c = cli(args(q));
    const w = wasm[i];
    const label = `#${i} ${JSON.stringify(q)}`;
    if (c.ok !== w.ok) { bad.push(`${label}: CLI ${c.ok ? 'answered' : c.stderr.trim()}, wasm ${w.ok ? 'answered' : w.message}`); return; }
    if (c.ok) { answered++; bad.push(...compare(label, c.text, w.value)); return; }
    const e = JSON.parse(c.text).error;
    bad.push(...diff({ field: e.field, code: e.code, message: e.message }, { field: w.field, code: w.code, message: w.message }).map((d) => `${label}: ${d}`));
  });
  expect(bad.slice(0, 20)).toEqual([]);
  // Enough of each kind for the comparison to mean something.
  expect(answered).toBeGreaterThan(N * 0.6);
  expect(N - answered).toBeGreaterThan(20);
});

test('the CLI and the wasm API give identical tiers for every regime and some dates', async ({ page }) => {
  await page.goto('/');
  await page.waitForSelector('html[data-ready]');
  const regimes = JSON.parse(cli(['regimes', '--json']).text).map((r) => r.id);
  const asks = [...regimes, '2023-11-17', '2025-01-20', '2026-02-01', '2099-01-01'];
  const wasm = await page.evaluate(async (all) => {
    const api = await import('/tools/h100e.js');
    await api.default();
    return all.map((a) => api.tiers(a));
  }, asks);
  const bad = asks.flatMap((a, i) => {
    const c = cli(['tiers', a.includes('-') ? '--date' : '--regime', a, '--json']);
    return compare(a, c.text, wasm[i]);
  });
  expect(bad).toEqual([]);
});
