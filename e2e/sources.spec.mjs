// The sources page (generated at build time from the engine's data by src/bin/h100e-site.rs): it
// lists exactly what the engine answers from, so it is checked against the engine's own lists.
import { test, expect } from '@playwright/test';

test('the sources page lists every regime, chip, contested point and the dataset version', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:')) problems.push(r.url()); });
  await page.goto('/');
  await page.waitForSelector('html[data-ready]');
  const engine = await page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    return { regimes: m.regimes().map((r) => [r.id, r.name, r.hypothetical]), chips: m.chips().map((c) => c.id), version: m.dataset().data.version };
  });
  await page.click('a[href="sources.html"]');
  await expect(page).toHaveTitle(/Sources and method/);
  for (const [id, name, hyp] of engine.regimes) {
    const article = page.locator(`#regime-${id}`);
    await expect(article.locator('h3')).toContainText(name);
    if (hyp) await expect(article.locator('.badge')).toHaveText('Hypothetical');
    await expect(article.locator('.cite a').first()).toHaveAttribute('href', /^https:\/\//);
  }
  const chipIds = await page.locator('#chips tbody th code').allTextContents();
  expect(chipIds).toEqual(engine.chips);
  await expect(page.locator('#contested article')).not.toHaveCount(0);
  await expect(page.locator('.masthead')).toContainText(`Dataset ${engine.version}`);
  await expect(page.locator('#changes h3').first()).toHaveText(engine.version);
  await expect(page.locator('#cite .citation')).toContainText(engine.version);
  // The address bar is not pinned under the rules in force now: readers are sent to the controls that pin.
  await expect(page.locator('#cite')).toContainText('"Cite this"');
  await expect(page.locator('#cite')).toContainText('"Copy link"');
  await expect(page.locator('#cite')).not.toContainText('give the link the calculator\'s address bar shows');
  // Nothing is parsed from data as markup: no script, no inline handler.
  expect(await page.locator('script').count()).toBe(0);
  expect(problems).toEqual([]);
});
