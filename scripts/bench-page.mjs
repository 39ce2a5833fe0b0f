// Page benchmarks: bytes a reader downloads for the first answer (raw, gzip, brotli per file),
// time from navigation to the first answer, time from an input change to the updated answer and
// map, and the engine's time to evaluate every destination in wasm. Medians over several runs in
// headless Debian Chromium against the local server. Prints a Markdown report for BENCHMARKS.md.
// Usage: node scripts/bench-page.mjs [runs]   (after scripts/build.sh)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import zlib from 'node:zlib';
import path from 'node:path';

const RUNS = Number(process.argv[2] || 15);
const PORT = 8765;
const base = `http://127.0.0.1:${PORT}`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const server = spawn('node', ['scripts/serve.mjs', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

try {
  // 1. Bytes: every response the page loads, and which of them arrived before its first answer
  // (the page marks `h100e-ready` once the answer is on screen; later loads, such as the glossary,
  // are not on the first answer's path).
  const page = await browser.newPage();
  const bodies = new Map();
  page.on('response', async (res) => {
    if (!res.url().startsWith(base)) return;
    try { bodies.set(new URL(res.url()).pathname, await res.body()); } catch { /* redirects have no body */ }
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('html[data-ready]');
  await page.waitForTimeout(1500);
  const early = new Set(await page.evaluate(() => {
    const ready = performance.getEntriesByName('h100e-ready')[0].startTime;
    return performance.getEntriesByType('resource').filter((r) => r.responseEnd <= ready).map((r) => new URL(r.name).pathname);
  }));
  early.add('/');
  const rows = [...bodies].map(([p, b]) => ({
    file: p === '/' ? 'index.html' : path.basename(p), first: early.has(p), raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  })).sort((a, b) => b.brotli - a.brotli);
  const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const total = sum(rows.filter((r) => r.first));
  const all = sum(rows);

  // 2. Navigation to first answer (fresh context each run: no cache).
  const firstAnswer = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const t0 = Date.now();
    await p.goto(`${base}/?regime=diffusion2025&to=India&qty=2000`);
    await p.waitForSelector('#verdict');
    firstAnswer.push(await p.evaluate(() => performance.now()));
    void t0;
    await ctx.close();
  }

  // 3. Input change to updated answer and map (measured inside the page, to the next frame).
  const p = await browser.newPage();
  await p.goto(`${base}/?regime=diffusion2025&to=India&qty=2000`);
  await p.waitForSelector('html[data-ready]');
  const changes = [];
  const work = [];
  for (let i = 0; i < RUNS; i++) {
    work.push(Number(await p.evaluate(() => document.documentElement.dataset.updateMs)));
    changes.push(await p.evaluate(async (n) => {
      const qty = document.getElementById('qty');
      const t0 = performance.now();
      qty.value = String(1000 + n * 137);
      qty.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    }, i));
  }

  // 4. The engine alone, in wasm: all destinations' tiers, and one order's outcome everywhere.
  const engine = await p.evaluate(async () => {
    // The page runs its bundle (js/): the engine's module is imported and started here.
    const m = await import('./pkg/h100e.js');
    await m.default();
    const time = (f, n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) f(); return (performance.now() - t0) / n; };
    const q = { to: 'IN', chip: 'h100', quantity: 2000, regime: 'diffusion2025' };
    // The timeline dragged across the whole span, a week at a time: the first pass meets each
    // regime and period of the group lists for the first time (the engine works out which places
    // hold which destination once per pair); the second finds them kept.
    const { coverage_start: start, data: { checked } } = m.dataset();
    const days = [];
    for (let d = new Date(`${start}T00:00Z`); d <= new Date(`${checked}T00:00Z`); d.setUTCDate(d.getUTCDate() + 7)) days.push(d.toISOString().slice(0, 10));
    const { regime: _, ...order } = q;
    const sweep = () => {
      const each = days.map((date) => { const t0 = performance.now(); m.outcomes({ ...order, date }); return performance.now() - t0; });
      return { mean: each.reduce((a, b) => a + b, 0) / each.length, max: Math.max(...each) };
    };
    const first = sweep();
    const again = sweep();
    return {
      evaluate: time(() => m.evaluate(q), 200),
      tiers: time(() => m.tiers('diffusion2025'), 200),
      outcomes: time(() => m.outcomes(q), 200),
      days: days.length,
      first,
      again,
    };
  });

  // 5. Typing: the main thread's work per keystroke (Chromium's TaskDuration: script, style, layout,
  // paint), typing a destination name and a quantity key by key, at full speed and with the CPU
  // slowed 4× (a mid-range phone). Each key waits two frames so its update has run.
  const typing = async (rate) => {
    const tp = await browser.newPage();
    const cdp = await tp.context().newCDPSession(tp);
    await cdp.send('Performance.enable');
    await tp.goto(`${base}/?regime=diffusion2025&to=India&qty=2000`);
    await tp.waitForSelector('html[data-ready]');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const per = [];
    for (const [field, text] of [['#to', 'Singapore'], ['#qty', '123456']]) {
      await tp.fill(field, '');
      await tp.focus(field);
      for (const ch of text) {
        const t0 = await task();
        await tp.keyboard.type(ch);
        await tp.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        per.push((await task() - t0) * 1000);
      }
    }
    await tp.close();
    return { median: median(per), max: Math.max(...per) };
  };
  const keys = await typing(1);
  const keys4 = await typing(4);

  const kb = (n) => (n / 1024).toFixed(1);
  const out = [];
  out.push(`## Page (headless Chromium ${browser.version()}, ${RUNS} runs, ${new Date().toISOString().slice(0, 10)})`, '');
  out.push('| file | raw B | gzip B | brotli B |', '|---|---:|---:|---:|');
  for (const r of rows) out.push(`| ${r.file}${r.first ? '' : ' (after the calculator is live)'} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  out.push(`| **total before the calculator is live** | **${total.raw}** | **${total.gzip}** | **${total.brotli}** (${kb(total.brotli)} KiB) |`);
  out.push(`| **everything the page loads** | **${all.raw}** | **${all.gzip}** | **${all.brotli}** (${kb(all.brotli)} KiB) |`, '');
  out.push('| timing | median |', '|---|---:|');
  out.push(`| navigation to the (pre-rendered) answer on screen (fresh context, local server) | ${median(firstAnswer).toFixed(0)} ms |`);
  out.push(`| input change to updated answer, map and legend on screen (includes waiting for the next frame) | ${median(changes).toFixed(1)} ms |`);
  out.push(`| of which the page's own work per update (engine calls and DOM) | ${median(work).toFixed(1)} ms |`);
  out.push(`| typing (a name, then a quantity): main-thread work per keystroke, median / max | ${keys.median.toFixed(1)} / ${keys.max.toFixed(1)} ms |`);
  out.push(`| the same with the CPU slowed 4× (Chromium throttling) | ${keys4.median.toFixed(1)} / ${keys4.max.toFixed(1)} ms |`);
  out.push(`| wasm: one evaluation with its cited explanation | ${(engine.evaluate * 1000).toFixed(0)} µs |`);
  out.push(`| wasm: tiers of all 249 destinations (tier map) | ${(engine.tiers * 1000).toFixed(0)} µs |`);
  out.push(`| wasm: this order's outcome in all 249 destinations (outcome map; engine call and \`JSON.parse\`) | ${engine.outcomes.toFixed(3)} ms |`);
  out.push(`| wasm: the same, a timeline dragged over ${engine.days} weeks, first pass: mean / slowest day | ${engine.first.mean.toFixed(3)} / ${engine.first.max.toFixed(2)} ms |`);
  out.push(`| wasm: the same, dragged again: mean / slowest day | ${engine.again.mean.toFixed(3)} / ${engine.again.max.toFixed(2)} ms |`);
  console.log(out.join('\n'));
} finally {
  await browser.close();
  server.kill();
}
