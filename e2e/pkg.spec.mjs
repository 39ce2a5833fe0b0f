// The npm package (pkg/): `npm pack` gives a tarball that works from a plain <script type="module">
// page and from a Vite build, with the whole JS API and the dataset version readable.
import { test, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
