// Every page carries a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' (only
// 'wasm-unsafe-eval', which WebAssembly needs); using the page must not trip it, and nothing may
// be requested from another origin.
import { test, expect } from '@playwright/test';

/** Opens `path` recording CSP violations and requests to other origins. */
async function watch(page, path) {
  const problems = [];
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  page.on('request', (r) => { const u = new URL(r.url()); if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') problems.push(`request to ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(path);
  return problems;
}

test('the calculator, used, trips no policy and asks no other origin', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await watch(page, '/?regime=diffusion2025&to=India&qty=2000');
  await page.waitForSelector('html[data-ready]');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  expect(policy).toContain("'wasm-unsafe-eval'");
  await page.waitForSelector('#map[data-insets="ready"]');
  await page.locator('#map svg.world [data-country="BR"]').click();
  await page.selectOption('#mode', 'outcome');
  await page.click('#cite');
  await page.locator('#all-steps summary').click();
  await page.locator('#table-box summary').click();
  await page.locator('#answer .term').first().focus();
  await expect(page.locator('.term-pop')).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the compare view loads the tools engine from this origin and trips no policy', async ({ page }) => {
  const problems = await watch(page, '/?regime=diffusion2025&to=India&chip=b200&qty=5000');
  await page.waitForSelector('html[data-ready]');
  await page.getByRole('button', { name: 'Compare all rules' }).click();
  await expect(page.locator('#compare-table')).toBeVisible();
  await page.locator('#compare-table td[data-regime="proposal2025"] a').first().click();
  await expect(page.locator('#regime')).toHaveValue('proposal2025');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the chips page, used, trips no policy and asks no other origin', async ({ page }) => {
  const problems = await watch(page, '/chips.html');
  await page.waitForSelector('html[data-ready]');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  await page.fill('#cv-tpp', '26900000');
  await page.selectOption('#lines-chip', 'h100-sxm');
  await page.locator('#catalog-table thead button').nth(1).click();
  await page.fill('#cat-search', 'h100');
  await Promise.all([page.waitForEvent('download'), page.click('#cat-csv')]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);
});

for (const path of ['/sources.html', '/glossary.html', '/claims.html']) {
  test(`${path} has a strict policy and trips none of it`, async ({ page }) => {
    const problems = await watch(page, path);
    await page.waitForLoadState('load');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).not.toMatch(/unsafe/);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(problems).toEqual([]);
  });
}
