// Share and cite: a copied link pins the rules that answered and the dataset version; an old link
// says the data moved on; the citation names tool, version, question, link and access date.
import { test, expect } from '@playwright/test';

/** The dataset version and the default rules, from the engine's module (a fresh instance: the page runs its bundle). */
function engine(page) {
  return page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    return { version: m.dataset().data.version, regime: m.regimes().find((r) => r.default).id };
  });
}

async function open(page, path) {
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
}

test('"Copy link" pins the answering rules and the dataset; the link gives the same answer', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?to=India&qty=2000');
  const { version, regime } = await engine(page);
  await page.click('#copy-link');
  await expect(page.locator('.share-status')).toHaveText('Link copied.');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const params = new URL(url).searchParams;
  expect(params.get('regime')).toBe(regime);
  expect(params.get('v')).toBe(version);
  expect(params.get('to')).toBe('India');
  expect(params.get('qty')).toBe('2000');
  // The address bar itself never carries the version.
  expect(new URL(page.url()).searchParams.has('v')).toBe(false);
  const verdict = await page.locator('#verdict').textContent();
  const fresh = await context.newPage();
  await open(fresh, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(fresh.locator('#verdict')).toHaveText(verdict);
  await expect(fresh.locator('#notices .notice')).toHaveCount(0);
  await expect(fresh).toHaveTitle(/^India, 2,000 × NVIDIA H100 SXM5 80GB: (No license needed|License needed.*) — h100e$/);
});

test('a link made with an older dataset says so and points to what changed', async ({ page }) => {
  await open(page, '/?to=India&v=2026.01.01');
  const notice = page.locator('#notices .notice');
  await expect(notice).toContainText('dataset 2026.01.01');
  await expect(notice.locator('a')).toHaveAttribute('href', 'sources.html#changes');
});

test('"Cite this" gives tool, dataset version, question, answer, link and access date', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?regime=diffusion2025&to=India&qty=2000');
  await page.click('#cite');
  await expect(page.locator('#cite')).toHaveAttribute('aria-expanded', 'true');
  const text = await page.locator('#cite-text').textContent();
  const { version } = await engine(page);
  expect(text).toContain(`h100e, US export controls on AI chips, dataset ${version}`);
  expect(text).toContain('“2,000 × NVIDIA H100 SXM5 80GB to India, AI Diffusion rule (Jan 2025)”: License required');
  expect(text).toMatch(/\?regime=diffusion2025&to=India&qty=2000&v=[\d.]+ \(accessed \d{1,2} [A-Z][a-z]+ \d{4}\)\.$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await expect(page.locator('#share-link')).toHaveValue(/v=/);
});
