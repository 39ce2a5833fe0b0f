// axe-core over every page and view, light and dark: no serious or critical violation. (The test
// context bypasses the pages' CSP only to inject axe itself; csp.spec.mjs checks the policy.)
import { test, expect } from '@playwright/test';

/** Serious and critical axe violations on the page as it stands, one line each. */
async function audit(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
}

// Eight pages and views, each audited: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical violations, ${scheme}: page, views, embed, sources, glossary`, async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('/?regime=diffusion2025&to=India&qty=2000');
    await page.waitForSelector('html[data-ready]');
    await page.waitForSelector('#map[data-insets="ready"]');
    expect(await audit(page), 'the page').toEqual([]);
    // The views a reader opens: the country card, the outcome map, the citation, every step, the table.
    await page.locator('#map svg.world [data-country="BR"]').click();
    await page.selectOption('#mode', 'outcome');
    await page.click('#cite');
    await page.locator('#all-steps summary').click();
    await page.locator('#table-box summary').click();
    await page.getByRole('button', { name: 'Compare all rules' }).click();
    await page.waitForSelector('#compare-table');
    expect(await audit(page), 'the opened views').toEqual([]);
    // An error state: the message tied to its field.
    await page.fill('#qty', 'lots');
    await expect(page.locator('#verdict-slot .error')).toBeVisible();
    expect(await audit(page), 'an error').toEqual([]);
    for (const path of ['/embed.html?to=India', '/embed.html?to=India&view=map&controls=none', '/sources.html', '/glossary.html', '/chips.html', '/claims.html']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      if (path.startsWith('/embed') || path === '/chips.html') await page.waitForSelector('html[data-ready]');
      // The converter's error state too.
      if (path === '/chips.html') await page.fill('#cv-tpp', 'lots');
      expect(await audit(page), path).toEqual([]);
    }
    await context.close();
  });
}
