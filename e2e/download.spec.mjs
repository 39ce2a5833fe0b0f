// Downloads made in the browser: the country table (CSV), the answer (JSON), the map (SVG, PNG),
// each stamped with the rules, the dataset version and the date.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

async function download(page, kind) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
  return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
}

test('CSV, JSON, SVG and PNG downloads are valid and stamped', async ({ page }) => {
  await page.goto('/?regime=diffusion2025&to=India&qty=2000');
  await page.waitForSelector('html[data-ready]');
  const engine = await page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    return { version: m.dataset().data.version, countries: m.countries().length };
  });

  const csv = await download(page, 'csv');
  expect(csv.name).toBe(`h100e-diffusion2025-${engine.version}-countries.csv`);
  const lines = csv.body.toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('code,name,tier_or_rule,this_order,rules,rules_id,hypothetical,not_enforced,scenario,groups_as_of,dataset_version');
  expect(lines).toHaveLength(engine.countries + 1);
  const india = lines.find((l) => l.startsWith('IN,'));
  expect(india).toContain('Tier 2');
  expect(india).toContain('License needed');
  expect(india.endsWith(`,diffusion2025,false,false,,2025-05-12,${engine.version}`)).toBe(true);
  // Names with commas are quoted, not split.
  expect(lines.some((l) => /^[A-Z]{2},"[^"]*,[^"]*",/.test(l))).toBe(true);

  const json = JSON.parse((await download(page, 'json')).body.toString('utf8'));
  expect(json.destination.code).toBe('IN');
  expect(json.regime.id).toBe('diffusion2025');
  expect(json.data.version).toBe(engine.version);
  expect(json.explanation.length).toBeGreaterThan(5);
  expect(json.explanation.every((s) => s.citation.url.startsWith('https://'))).toBe(true);
  // The page's engine leaves the chips' research text out (notes, how the figures were checked,
  // the sources), and the titles of sources its answers cite by a paragraph;
  // the download fills it in, so the file is the full engine's answer (the npm package's, here its
  // copy in tools/), key for key.
  const engines = await page.evaluate(async (j) => {
    const full = await import('./tools/h100e.js');
    await full.default();
    const small = await import('./pkg/h100e.js');
    await small.default();
    const q = { to: j.destination.code, chip: j.chip.id, quantity: j.order.quantity, regime: j.regime.id, end_user: j.end_user, g2g: j.g2g };
    const research = await fetch('chip-research.json').then((r) => r.json());
    const each = Object.fromEntries(full.chips().map((c) => [c.id, { notes: c.notes, verification: c.verification, sources: c.sources }]));
    const titles = Object.fromEntries(full.sources().map((s) => [s.url, s.source]));
    return { full: full.evaluate(q), page: small.evaluate(q), research, each, titles };
  }, json);
  expect([engines.page.chip.notes, engines.page.chip.verification, engines.page.chip.sources]).toEqual([null, null, null]);
  expect(engines.full.chip.notes).toBeTruthy();
  expect(engines.full.chip.sources.length).toBeGreaterThan(1);
  const untitled = engines.page.explanation.filter((s) => s.citation.source === null);
  expect(untitled.length).toBeGreaterThan(0);
  expect(untitled.some((s) => s.citation.url.startsWith('https://www.ecfr.gov/on/'))).toBe(true);
  expect(JSON.stringify(json)).toBe(JSON.stringify(engines.full));
  // chip-research.json holds exactly the full engine's text for every catalog chip.
  expect(Object.keys(engines.each).length).toBeGreaterThan(30);
  expect(engines.research.chips).toEqual(engines.each);
  // ... and every source's title, by its link as the data gives it.
  expect(engines.research.titles).toEqual(engines.titles);
  expect(engines.research.version).toBe(engine.version);

  const svg = (await download(page, 'svg')).body.toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), text: doc.documentElement.textContent, countries: doc.querySelectorAll('[data-country]').length,
      vars: /var\(--/.test(text) };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.countries).toBe(engine.countries);
  expect(parsed.vars).toBe(false);
  expect(parsed.text).toContain('AI Diffusion rule (Jan 2025): tiers');
  expect(parsed.text).toContain('Tier 2: 198');
  expect(parsed.text).toContain(`dataset ${engine.version}`);
  expect(parsed.text).toContain('country groups as of 2025-05-12');

  const png = (await download(page, 'png')).body;
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
});

test('when the chips\' research text cannot load, the JSON download says so, saves nothing, and works on the next press', async ({ page }) => {
  let block = true;
  await page.route('**/chip-research.json', (r) => (block ? r.abort() : r.continue()));
  const saved = [];
  page.on('download', (d) => saved.push(d.suggestedFilename()));
  await page.goto('/?regime=diffusion2025&to=India&qty=2000');
  await page.waitForSelector('html[data-ready]');
  await page.click('[data-download="json"]');
  const note = page.locator('#notices .notice[data-field="download"]');
  await expect(note).toContainText('JSON download could not be made');
  await expect(note).toContainText('could not be loaded');
  await expect(note).toContainText('Nothing was saved');
  expect(saved).toEqual([]);
  block = false;
  const file = await download(page, 'json');
  expect(JSON.parse(file.body.toString('utf8')).chip.notes).toBeTruthy();
  await expect(note).toHaveCount(0);
});

test('while the question has an error, a download says why nothing was saved', async ({ page }) => {
  const saved = [];
  page.on('download', (d) => saved.push(d.suggestedFilename()));
  await page.goto('/?regime=diffusion2025&to=India&qty=2000');
  await page.waitForSelector('html[data-ready]');
  await page.fill('#qty', '0');
  await expect(page.locator('#answer-error')).toBeVisible();
  const status = page.locator('#download-status');
  for (const kind of ['csv', 'json', 'svg', 'png']) {
    await page.evaluate(() => { document.querySelector('#download-status').textContent = ''; });
    await page.click(`[data-download="${kind}"]`);
    await expect(status).toHaveText(/^Nothing saved: the question has an error .*fix it first\.$/);
  }
  expect(saved).toEqual([]);
  // Once fixed, a download saves and the message goes.
  await page.fill('#qty', '2000');
  await download(page, 'csv');
  await expect(status).toHaveText('');
});

test('downloads of a scenario say so: in their names, the CSV\'s rules and the whole description on the map', async ({ page }) => {
  await page.goto('/?regime=diffusion2025&scenario=lpp%3D500h100e%3Btier-3%3DIL&map=outcome');
  await page.waitForSelector('html[data-ready]');
  const version = await page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    return m.dataset().data.version;
  });
  // Never the real rule's own file names; the settings in safe characters only.
  const base = `h100e-diffusion2025-scenario-lpp-500h100e-tier-3-il-${version}`;
  const csv = await download(page, 'csv');
  expect(csv.name).toBe(`${base}-countries.csv`);
  const il = csv.body.toString('utf8').split('\r\n').find((l) => l.startsWith('IL,'));
  expect(il).toContain(',"Hypothetical scenario built on the AI Diffusion Framework (interim final rule of January 2025, as written): the license-free allowance set to about 500 H100-equivalents');
  expect(il).toContain('Israel moved from Tier 2 to Tier 3",diffusion2025,true,false,lpp=500h100e;tier-3=IL,');
  expect((await download(page, 'json')).name).toMatch(new RegExp(`^${base}-answer-[A-Z]{2}\\.json$`));

  const svg = await download(page, 'svg');
  expect(svg.name).toBe(`${base}-map-outcome.svg`);
  // Drawn in the page, each line of the heading fits the image's width, and together they hold
  // the scenario's whole description.
  const drawn = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const el = document.body.appendChild(document.importNode(doc.documentElement, true));
    const width = el.viewBox.baseVal.width;
    const lines = [...el.querySelectorAll(':scope > text')].map((t) => ({ words: t.textContent, right: t.getBBox().x + t.getBBox().width }));
    const height = el.viewBox.baseVal.height;
    el.remove();
    return { width, height, lines };
  }, svg.body.toString('utf8'));
  for (const l of drawn.lines) expect(l.right, l.words).toBeLessThanOrEqual(drawn.width);
  expect(drawn.lines.map((l) => l.words).join(' ')).toContain('hypothetical scenario: the license-free allowance set to about 500 H100-equivalents (7,916,000 TPP; the rule\'s: about 1,699 H100-equivalents); Israel moved from Tier 2 to Tier 3; country groups as of 2025-05-12');
  const png = await download(page, 'png');
  expect(png.name).toBe(`${base}-map-outcome.png`);
  // Drawn at twice the SVG's size, so as much taller as its heading's lines.
  expect([png.body.readUInt32BE(16), png.body.readUInt32BE(20)]).toEqual([2 * drawn.width, 2 * drawn.height]);
});

// rule.md Errata 2: a map image counts each destination by its first reading, so it says how many
// of them turn on a contested point (the CSV names the point on each row).
test('a map image says how many of its answers depend on a contested point', async ({ page }) => {
  await page.goto('/?regime=diffusion2025&to=Saudi+Arabia&qty=100&map=outcome');
  await page.waitForSelector('html[data-ready]');
  const svg = (await download(page, 'svg')).body.toString('utf8');
  expect(svg).toMatch(/\d+ of these answers depend on a contested point, counted here by its first reading/);
  const csv = (await download(page, 'csv')).body.toString('utf8');
  expect(csv.split('\r\n').find((l) => l.startsWith('SA,'))).toContain('it depends on whether License Exception LPP');
  await page.goto('/?regime=diffusion2025&to=India&qty=5000&map=tier');
  await page.waitForSelector('html[data-ready]');
  expect((await download(page, 'svg')).body.toString('utf8')).not.toContain('contested point');
});
