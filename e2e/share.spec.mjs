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
  // A headline that ends on a bracket still ends its sentence before the link.
  await open(page, '/?regime=codified&to=Cambodia&qty=1000');
  await page.click('#cite');
  await expect(page.locator('#cite-text')).toContainText('must notify BIS). http');
});

test('a scenario rides in every link, citation and embed made with it; the open view in the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?to=Israel&chip=b200&qty=300&regime=diffusion2025');
  // The scenario made in the editor, as a reader makes it.
  await page.click('#whatif > summary');
  await page.fill('#sc-lpp', '500');
  await expect(page).toHaveURL(/scenario=lpp%3D500h100e/);
  const verdict = await page.locator('#verdict').textContent();
  expect(verdict).toContain('Hypothetical');
  await page.click('#copy-link');
  await expect(page.locator('.share-status')).toHaveText('Link copied.');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(url).searchParams.get('scenario')).toBe('lpp=500h100e');
  await page.click('#cite');
  await expect(page.locator('#cite-text')).toContainText(`${url} (accessed`);
  await page.click('#embed');
  const src = (await page.locator('#embed-code').inputValue()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  expect(new URL(src).searchParams.get('scenario')).toBe('lpp=500h100e');
  // Opened fresh, the link gives the scenario's answer, not the rule's.
  const fresh = await context.newPage();
  await open(fresh, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(fresh.locator('#verdict')).toHaveText(verdict);
  await fresh.close();
  // "Compare all rules" is kept as the README says a link keeps it.
  await open(page, '/?to=India&qty=2000&tool=compare');
  await expect(page.locator('#tool-view')).toBeVisible();
  await page.click('#copy-link');
  await expect(page.locator('.share-status')).toHaveText('Link copied.');
  expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).searchParams.get('tool')).toBe('compare');
});

test('while the question has an error, sharing says why nothing was copied and the title says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?to=India&qty=2000');
  await expect(page).toHaveTitle(/^India, 2,000 ×/);
  await page.fill('#qty', '0');
  await expect(page.locator('#answer-error')).toBeVisible();
  await expect(page).toHaveTitle(/^Cannot answer yet: .* — h100e$/);
  for (const id of ['#copy-link', '#cite', '#embed']) {
    await page.evaluate(() => { document.querySelector('.share-status').textContent = ''; });
    await page.click(id);
    await expect(page.locator('.share-status')).toHaveText(/^Nothing copied: the question has an error .*fix it first\.$/);
  }
  await page.fill('#qty', '2000');
  await page.fill('#to', 'Narnia');
  await page.press('#to', 'Enter');
  await expect(page.locator('#answer-error')).toBeVisible();
  await expect(page).toHaveTitle(/^Cannot answer yet: .*Narnia.* — h100e$/);
});
