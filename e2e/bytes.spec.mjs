// The byte budgets count what the page really loads: scripts/bytes.mjs lists the files of each row
// (from the bundle's import graph), and this checks that list against the requests the page makes,
// at start and when idle (all of them counted), and when a Download button is pressed (the download
// code, and for the answer's JSON the chips' research text: files bytes.mjs leaves out, as on demand).
import { test, expect } from '@playwright/test';
import { pageFiles } from '../scripts/bytes.mjs';

test('the page loads exactly the files the budget counts; the download code only on demand', async ({ page }) => {
  const requested = new Set();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http')) requested.add(url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
  });
  await page.goto('/');
  await page.waitForSelector('html[data-ready]');
  // What loads when idle: the map's insets and the glossary (its code and definitions).
  await page.waitForSelector('#map[data-insets="ready"]');
  await page.waitForSelector('#glossary-holder', { state: 'attached' });
  const { first, js, engine, glossary, onDemand } = pageFiles();
  expect([...requested].sort()).toEqual([...first, ...js, ...engine, ...glossary].sort());
  expect(onDemand.length).toBeGreaterThan(0);
  // A Download press loads the download code and nothing else of what is on demand (the other
  // views' code and the tools engine wait for their own controls); the answer's JSON also
  // fetches the chips' research text, which the page's engine leaves out.
  const download = onDemand.filter((f) => /^js\/download-/.test(f));
  expect(download).toHaveLength(1);
  await Promise.all([page.waitForEvent('download'), page.click('[data-download="csv"]')]);
  expect([...requested].filter((f) => onDemand.includes(f)).sort()).toEqual(download);
  await Promise.all([page.waitForEvent('download'), page.click('[data-download="json"]')]);
  expect([...requested].filter((f) => onDemand.includes(f)).sort()).toEqual([...download, 'chip-research.json'].sort());
});
