// The claims fact sheet: every claim of data/claims.toml is on the page, with an anchor, its
// source, and the verdict and figure the engine computes (from the CLI's `claims --json`); it
// reads without scripts, and the calculator and the sources page link to it.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cli } from './cli.mjs';

test.describe.configure({ timeout: 120_000 });

test('every claim of the data file, with the engine\'s verdict and figure', async ({ browser }) => {
  // No scripts: the page is the build's.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/claims.html');
  const ids = [...readFileSync('data/claims.toml', 'utf8').matchAll(/^\[\[claim\]\]\s*\nid = "([^"]+)"/gm)].map((m) => m[1]);
  expect(ids.length).toBeGreaterThanOrEqual(12);
  const want = cli(['claims']);
  expect(want.claims.map((c) => c.id)).toEqual(ids);
  await expect(page.locator('article.claim')).toHaveCount(ids.length);
  await expect(page.locator('#claims-table tbody tr')).toHaveCount(ids.length);
  for (const c of want.claims) {
    const item = page.locator(`#claim-${c.id}`);
    await expect(item).toHaveAttribute('data-verdict', c.verdict);
    await expect(item.locator('.quote')).toContainText(c.text);
    await expect(item.locator('.claim-verdict')).toContainText(c.verdict_label, { ignoreCase: true });
    await expect(item.locator('.said')).toContainText(c.source.publisher);
    await expect(item.locator('.said a')).toHaveAttribute('href', c.source.url);
    await expect(item.locator('.corrected')).toContainText(c.corrected.text.slice(1));
    await expect(item.locator('.claim-cite a')).toHaveAttribute('href', c.citation.url);
    await expect(page.locator(`#claims-table a[href="#claim-${c.id}"]`)).toHaveCount(1);
  }
  await expect(page.locator('#dataset-version')).toHaveText(want.data.version);
  await context.close();
});

test('the calculator, the sources page and the chips page link to the new pages', async ({ page }) => {
  for (const path of ['/', '/sources.html', '/chips.html']) {
    await page.goto(path);
    await expect(page.locator('a[href="claims.html"]').first()).toBeVisible();
    if (path !== '/chips.html') await expect(page.locator('a[href="chips.html"]').first()).toBeVisible();
  }
  await page.goto('/claims.html#claim-reuters-tier1-count');
  await expect(page.locator('#claim-reuters-tier1-count')).toBeInViewport();
});

for (const [name, size] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 375, height: 740 }]]) {
  test(`the fact sheet at ${name} size does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/claims.html');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/screens/claims-${name}.png` });
    await page.locator('article.claim').nth(2).screenshot({ path: `test-results/screens/claims-item-${name}.png` });
  });
}
