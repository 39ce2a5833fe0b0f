// The npm package (pkg/): `npm pack` gives a tarball that works from a plain <script type="module">
// page and from a Vite build, with the whole JS API and the dataset version readable.
import { test, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PORT = Number(process.env.E2E_PORT || 8123) + 2;
let tmp;
let app;
let server;

/** What both pages do with the package: an answer, a comparison and the dataset version. */
const use = `
  const v = evaluate({ to: 'India', chip: 'h100-sxm', quantity: '2000', regime: 'diffusion2025' });
  const c = compare({ to: 'India', chip: 'h100-sxm', quantity: '2000' });
  const out = document.createElement('pre');
  out.id = 'out';
  out.textContent = JSON.stringify({ headline: v.headline, version: dataset().data.version, columns: c.columns.length });
  document.body.append(out);`;

test.beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'h100e-pkg-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: 'pkg', encoding: 'utf8' }).trim().split('\n').pop();
  app = path.join(tmp, 'app');
  fs.mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', path.join(tmp, tarball), '-C', tmp]);
  fs.renameSync(path.join(tmp, 'package'), path.join(app, 'node_modules', 'h100e'));
  fs.writeFileSync(path.join(app, 'plain.html'), `<!doctype html><meta charset="utf-8"><title>plain</title>
<script type="module">
  import init, { evaluate, compare, dataset } from './node_modules/h100e/h100e.js';
  await init();${use}
</script>`);
  fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><meta charset="utf-8"><title>vite</title><script type="module" src="./main.js"></script>');
  fs.writeFileSync(path.join(app, 'main.js'), `import init, { evaluate, compare, dataset } from 'h100e';\nawait init();${use}\n`);
  execFileSync(path.resolve('node_modules/.bin/vite'), ['build', app, '--base', './', '--outDir', path.join(app, 'dist'), '--logLevel', 'error'], { stdio: 'inherit' });
  server = spawn('node', ['scripts/serve.mjs', String(PORT), app], { stdio: 'ignore' });
  // The server starts in its own process: wait until it answers (half a second was not always
  // enough on a loaded machine), for at most ten seconds.
  for (let i = 0; i < 100; i += 1) {
    try { await fetch(`http://127.0.0.1:${PORT}/plain.html`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
});

test.afterAll(() => {
  server?.kill();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the packed package has the files a package needs, and the dataset version', () => {
  const meta = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/h100e/package.json'), 'utf8'));
  expect(meta).toMatchObject({ name: 'h100e', type: 'module', module: 'h100e.js', types: 'h100e.d.ts', sideEffects: false, license: 'MIT' });
  for (const f of meta.files) expect(fs.existsSync(path.join(app, 'node_modules/h100e', f)), f).toBe(true);
  const types = fs.readFileSync(path.join(app, 'node_modules/h100e/h100e.d.ts'), 'utf8');
  for (const fn of ['evaluate', 'compare', 'convert', 'claims', 'dataset']) expect(types).toContain(`export function ${fn}(`);
});

for (const [name, page] of [['a plain module script', 'plain.html'], ['a Vite build', 'dist/index.html']]) {
  test(`the package answers from ${name}`, async ({ page: browserPage }) => {
    const version = fs.readFileSync('data/dataset.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
    await browserPage.goto(`http://127.0.0.1:${PORT}/${page}`);
    const out = JSON.parse(await browserPage.locator('#out').textContent());
    expect(out.headline).toContain('License required');
    expect(out.version).toBe(version);
    expect(out.columns).toBeGreaterThanOrEqual(6);
  });
}

/**
 * Real answers, as a TypeScript program that assigns each to the type the package declares for
 * it: the compiler then refuses a missing field, a field of the wrong type, and (object literals
 * being checked for excess properties) a field the declarations do not know. The queries reach the
 * answer's varied parts: custom chips, contested points, scenarios, exports from abroad, each end
 * user, every kind of conversion.
 */
function answersProgram(api) {
  const orders = [
    { to: 'India', chip: 'h100-sxm', quantity: '2000', regime: 'diffusion2025' },
    { to: 'China', chip: 'h20', quantity: 10 },
    { to: 'Saudi Arabia', tops: [1000, 500], bits: [8, 16], die_area: '800', dram_bandwidth: 3000, quantity: 50, date: '2025-03-01', end_user: 'nveu', hq: 'France', installed_tpp: '1000000' },
    { to: 'Brazil', chip: 'b200', quantity: 1, regime: 'diffusion2025', end_user: 'uveu', hq: 'US', prior_tpp: 5000, buyer_total_tpp: 90000 },
    { to: 'Macau', chip: 'a100-sxm', quantity: 3, from: 'Singapore' },
    { to: 'UAE', chip: 'mi355x', quantity: 100, regime: 'proposal2025', g2g: true },
    { to: 'Vietnam', chip: 'h200', quantity: 700, regime: 'diffusion2025', readings: ['lpp-d1-d4=available'] },
    { to: 'India', chip: 'h100-sxm', quantity: 2000, regime: 'diffusion2025', scenario: 'lpp=500h100e;tier-3=IL' },
    { to: 'Germany', tops: 100, bits: 8, non_datacenter: true, quantity: 1 },
  ];
  const values = [];
  const add = (type, value) => values.push(`const a${values.length}: ${type} = ${JSON.stringify(value)};`);
  for (const q of orders) add('EvalOut', api.evaluate(q));
  add('OutcomesOut', api.outcomes(orders[0]));
  add('OutcomesOut', api.outcomes(orders[7]));
  add('ChipOut', api.chip('h100-sxm'));
  add('ChipOut', api.chip({ tops: [700], bits: [8], die_area: 600 }));
  add('TiersOut', api.tiers());
  add('TiersOut', api.tiers('2025-03-01', 'lpp=500h100e'));
  add('RegimeOut[]', api.regimes());
  add('ChipOut[]', api.chips());
  add('CountryOut[]', api.countries());
  add('DatasetOut', api.dataset());
  add('CitationOut[]', api.sources());
  add('TimelineOut', api.timeline());
  add('ThresholdOut[]', api.thresholds());
  for (const q of [{ tpp: 1e6 }, { h100e: '1700' }, { chip: 'b200', quantity: 40 }, { threshold: api.thresholds()[0].id }]) add('ConvertOut', api.convert(q));
  add('CompareOut', api.compare({ to: 'India', chip: 'h100-sxm', quantity: '2000' }));
  add('ClaimsOut', api.claims());
  const types = ['EvalOut', 'OutcomesOut', 'ChipOut', 'TiersOut', 'RegimeOut', 'CountryOut', 'DatasetOut', 'CitationOut', 'TimelineOut', 'ThresholdOut', 'ConvertOut', 'CompareOut', 'ClaimsOut'];
  return `import type { ${types.join(', ')} } from 'h100e';\n${values.join('\n')}\nexport {};\n`;
}

/** Runs the TypeScript compiler, strict, on files in the app; its complaints, or '' when it has none. */
function tsc(files) {
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], skipLibCheck: false },
    files,
  }));
  try {
    execFileSync(path.resolve('node_modules/.bin/tsc'), ['-p', app], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

test('the declared types hold every real answer, and refuse what the API refuses', async () => {
  const api = await import(pathToFileURL(path.join(app, 'node_modules/h100e/h100e.js')).href);
  api.initSync({ module: fs.readFileSync(path.join(app, 'node_modules/h100e/h100e_bg.wasm')) });
  fs.writeFileSync(path.join(app, 'answers.ts'), answersProgram(api));
  // What a newsroom developer writes, with the mistakes the types must catch marked as expected errors.
  fs.writeFileSync(path.join(app, 'use.ts'), `import init, { evaluate, convert, chip, regimes, type H100eError } from 'h100e';
await init();
const v = evaluate({ to: 'India', chip: 'h100-sxm', quantity: 2000 });
const steps: string[] = v.explanation.map((s) => s.citation.url);
// What only the page's engine leaves null is never null in the package (build-pkg.mjs, WITH_NOTES).
const titles: string[] = v.explanation.map((s) => s.citation.source);
const links: number = chip('h100-sxm').sources.length + regimes()[0].sources.length;
const h: number | null = v.order.h100e;
// @ts-expect-error: an unknown query field
evaluate({ to: 'India', chip: 'h100-sxm', quantity: 1, colour: 'red' });
// @ts-expect-error: the destination is required
evaluate({ chip: 'h100-sxm', quantity: 1 });
// @ts-expect-error: the headline is text
const n: number = v.headline;
try { convert({ tpp: 'lots' }); } catch (e) { console.log((e as H100eError).code); }
export { steps, titles, links, h, n };
`);
  expect(tsc(['answers.ts', 'use.ts'])).toBe('');
  // The check has teeth: a field the declarations do not know is refused.
  fs.writeFileSync(path.join(app, 'extra.ts'), `import type { DatasetOut } from 'h100e';\nconst d: DatasetOut = { ...${JSON.stringify(api.dataset())}, surprise: 1 };\nexport { d };\n`);
  expect(tsc(['extra.ts'])).toContain('surprise');
});
