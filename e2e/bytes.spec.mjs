// The byte budgets count what the page really loads: scripts/bytes.mjs lists the files of each row
// (from the bundle's import graph), and this checks that list against the requests the page makes,
// at start and when idle (all of them counted), at a glossary term's first use (its definitions),
// and when a Download button is pressed (the download code, and for the answer's JSON the chips'
// research text; the views' styles with the "What changed" map): files bytes.mjs leaves out, as
// loaded on a reader's use.
import { test, expect } from '@playwright/test';
import { pageFiles } from '../scripts/bytes.mjs';

test('the page loads exactly the files the budget counts; definitions on a term\'s first use, the download code on demand', async ({ page }) => {
  const requested = new Set();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http')) requested.add(url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
  });
  await page.goto('/');
  await page.waitForSelector('html[data-ready]');
  // What loads when idle: the map's insets and the glossary's code and terms, which mark the answer.
  await page.waitForSelector('#map[data-insets="ready"]');
  await page.waitForSelector('#glossary-holder', { state: 'attached' });
  await page.waitForSelector('#answer .term');
  const { first, js, engine, glossary, onDemand } = pageFiles();
  expect([...requested].sort()).toEqual([...first, ...js, ...engine].sort());
  expect(onDemand.length).toBeGreaterThan(0);
  // The definitions, with the first use of a term (here a hover), and nothing else.
  await page.locator('#answer .term').first().hover();
  await expect(page.locator('#glossary-holder dd').first()).toBeAttached();
  expect([...requested].sort()).toEqual([...first, ...js, ...engine, ...glossary].sort());
  // A Download press loads the download code and nothing else of what is on demand (the other
  // views' code and the tools engine wait for their own controls); the answer's JSON also
  // fetches the chips' research text, which the page's engine leaves out.
  const download = onDemand.filter((f) => /^js\/download-/.test(f));
  expect(download).toHaveLength(1);
  await Promise.all([page.waitForEvent('download'), page.click('[data-download="csv"]')]);
  expect([...requested].filter((f) => onDemand.includes(f)).sort()).toEqual(download);
  await Promise.all([page.waitForEvent('download'), page.click('[data-download="json"]')]);
  expect([...requested].filter((f) => onDemand.includes(f)).sort()).toEqual([...download, 'chip-research.json'].sort());
  // The "What changed" map, the first view opened here, adds the views' styles, counted on demand.
  await page.selectOption('#mode', 'diff');
  await page.waitForSelector('#diff-kinds:not([hidden]) li');
  expect(onDemand).toContain('css/views.css');
  expect(requested.has('css/views.css')).toBe(true);
});
