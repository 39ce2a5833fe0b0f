// Without JavaScript, or without WebAssembly (Lockdown Mode), the page still answers: the default
// question's verdict, the legend and the coloured map are pre-rendered at build time by the engine,
// with a table of every country under each rule that has been in force.
import { test, expect } from '@playwright/test';

async function engine(page) {
  await page.goto('/glossary-harness.html');
  return page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    // The rules in force one after another: not the proposals, not the text on the books.
    const real = m.regimes().filter((r) => !r.hypothetical && !r.unenforced);
    return { countries: m.countries().length, real: real.map((r) => r.short_name),
      verdict: m.evaluate({ to: 'United Arab Emirates', chip: 'h100-sxm', quantity: '1000' }).headline };
  });
}

test('without JavaScript: the default answer, the map and every country under each rule', async ({ browser }) => {
  const probe = await browser.newPage();
  const expected = await engine(probe);
  await probe.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('#verdict')).toHaveText(expected.verdict);
  await expect(page.locator('#key-numbers')).toContainText('United Arab Emirates');
  await expect(page.locator('#legend .legend-entry')).not.toHaveCount(0);
  await expect(page.locator('#legend-meaning')).toContainText('Counted:');
  const map = page.locator('#map svg.prerendered');
  await expect(map).toBeVisible();
  expect(await map.locator('path[fill^="var(--c-"], circle[fill^="var(--c-"]').count()).toBe(expected.countries);
  // The table is a <details>: it opens without scripts too.
  await page.click('#table-box summary');
  const table = page.locator('#table table.prerendered');
  await expect(table.locator('tbody tr')).toHaveCount(expected.countries);
  await expect(table.locator('thead th')).toHaveText(['Country or territory', 'Code', ...expected.real]);
  const china = table.locator('tbody tr', { has: page.locator('th', { hasText: /^China$/ }) });
  await expect(china.locator('td').nth(2)).toHaveText('Tier 3');
  await context.close();
});

test('without WebAssembly: the pre-rendered answer stays and the page says the calculator could not start', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/?to=India');
  await expect(page.locator('#status')).toContainText('could not start');
  await expect(page.locator('#verdict')).toBeVisible();
  await expect(page.locator('#map svg.prerendered')).toBeVisible();
});
