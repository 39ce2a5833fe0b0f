// The "Compare all rules" view: every regime a column in the engine's order (hypothetical ones
// labelled), the differences from the answering rules marked with words as well as colour, each
// cell opening that regime's answer, state in the URL, keyboard operation. Expected values come
// from the CLI (`h100e compare --json`), never typed in here.
import { test, expect } from '@playwright/test';
import { cli } from './cli.mjs';

const ORDER = '/?regime=diffusion2025&to=India&chip=b200&qty=5000';
const cell = (page, regime, row) => page.locator(`#compare-table td[data-regime="${regime}"][data-cell="${row}"]`);

test.describe.configure({ timeout: 120_000 });

test('every regime side by side, with the engine\'s differences marked', async ({ page }) => {
  const want = cli(['compare', '--to', 'India', '--chip', 'B200', '--quantity', '5000']);
  await page.goto(ORDER);
  await page.waitForSelector('html[data-ready]');
  await page.getByRole('button', { name: 'Compare all rules' }).click();
  await expect(page).toHaveURL(/[?&]tool=compare/);
  const heads = page.locator('#compare-table thead th[data-regime]');
  await expect(heads).toHaveCount(want.columns.length);
  expect(want.columns.filter((c) => c.regime.unenforced).map((c) => c.regime.id)).toEqual(['codified']);
  for (const [i, c] of want.columns.entries()) {
    await expect(heads.nth(i)).toHaveAttribute('data-regime', c.regime.id);
    await expect(heads.nth(i)).toContainText(c.regime.short_name);
    // The regime's dates and sources, on the sources page.
    await expect(heads.nth(i).locator('a')).toHaveAttribute('href', `sources.html#regime-${c.regime.id}`);
    if (c.regime.hypothetical) await expect(heads.nth(i)).toContainText('Hypothetical');
    else await expect(heads.nth(i)).not.toContainText('Hypothetical');
    // The AI Diffusion rule as codified is law on the books, not a proposal: labelled apart.
    if (c.regime.unenforced) await expect(heads.nth(i)).toContainText('Not enforced');
    else await expect(heads.nth(i)).not.toContainText('Not enforced');
    // The rules in force now are named so: the column a reader looks for first.
    if (c.regime.id === 'jan2026') await expect(heads.nth(i)).toContainText('In force now');
    else await expect(heads.nth(i)).not.toContainText('In force now');
  }
  await expect(page.locator('#compare-table th.answering')).toHaveAttribute('data-regime', 'diffusion2025');
  await expect(page.locator('#compare-table caption')).toContainText('5,000 × NVIDIA B200');
  // The numbers, from the engine: LPP's allowance and the reported proposal's line.
  const col = (id) => want.columns.find((c) => c.regime.id === id);
  const lpp = col('diffusion2025').largest_license_free;
  const proposal = col('proposal2025').largest_license_free;
  expect(lpp.quantity).not.toBe(proposal.quantity);
  await expect(cell(page, 'diffusion2025', 'largest_license_free')).toHaveText(lpp.label);
  await expect(cell(page, 'diffusion2025', 'largest_license_free')).not.toHaveClass(/differs/);
  const changed = cell(page, 'proposal2025', 'largest_license_free');
  await expect(changed).toHaveClass(/differs/);
  await expect(changed).toContainText(proposal.label);
  // Not by colour alone: a mark, and words for screen readers.
  await expect(changed).toContainText('≠');
  await expect(changed.locator('.sr-only')).toHaveText('Differs: ');
  // A row the engine says is the same everywhere is never marked.
  const rows = ['tier', 'license_required', 'exception_used', 'main_cap', 'review_policy', 'largest_license_free', 'outcome_class'];
  for (const row of rows.filter((r) => !want.differs.includes(r))) {
    await expect(page.locator(`#compare-table td[data-cell="${row}"].differs`)).toHaveCount(0);
  }
  // Every cell the engine's values set apart from the answering column is marked, and no other.
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const base = col('diffusion2025');
  for (const c of want.columns) {
    const marked = !same(c.license_required, base.license_required);
    await expect(cell(page, c.regime.id, 'license_required')).toHaveClass(marked ? /differs/ : /^(?!.*differs)/);
    await expect(cell(page, c.regime.id, 'license_required')).toContainText(c.license_required ? 'Yes' : 'No');
  }
});

// rule.md Errata 2: a column whose answer turns on a contested point must not show the other
// cells as settled; a column whose readings agree shows them plainly.
test('a column that turns on a contested point says its other cells hold on the first reading', async ({ page }) => {
  const want = cli(['compare', '--to', 'Saudi Arabia', '--chip', 'h100-sxm', '--quantity', '1000']);
  const depends = want.columns.filter((c) => c.contested.length).map((c) => c.regime.id);
  const settled = want.columns.filter((c) => !c.contested.length).map((c) => c.regime.id);
  expect(depends).toContain('diffusion2025');
  expect(settled.length).toBeGreaterThan(0);
  await page.goto('/?regime=diffusion2025&to=Saudi+Arabia&chip=h100-sxm&qty=1000&tool=compare');
  await expect(page.locator('#compare-table')).toBeVisible();
  for (const id of depends) await expect(cell(page, id, 'license_required')).toContainText('(on the first reading; it depends)');
  for (const id of settled) await expect(cell(page, id, 'license_required')).not.toContainText('it depends');
  await expect(cell(page, 'diffusion2025', 'tier')).not.toContainText('it depends');
  // The largest license-free quantity gives each reading that changes it, even where the answer
  // for this order does not turn on it (the reported proposal: none, or about 500 H100s).
  const proposal = want.columns.find((c) => c.regime.id === 'proposal2025');
  const other = proposal.largest_license_free_readings[0];
  expect(other.fact).toBe('lpp-d1-d4');
  await expect(cell(page, 'proposal2025', 'largest_license_free')).toContainText(`${proposal.largest_license_free.label}; ${other.short}: ${other.largest_license_free.label}`);
});

test('the view is in the URL, follows the question, and opens each regime\'s answer', async ({ page }) => {
  await page.goto(`${ORDER}&tool=compare`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#compare-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare all rules' })).toHaveAttribute('aria-expanded', 'true');
  // A new question redraws it: the H100's largest license-free quantity, from the engine.
  const h100 = cli(['compare', '--to', 'India', '--chip', 'h100-sxm', '--quantity', '5000']);
  await page.selectOption('#chip', 'h100-sxm');
  const want = h100.columns.find((c) => c.regime.id === 'diffusion2025').largest_license_free.label;
  await expect(cell(page, 'diffusion2025', 'largest_license_free')).toHaveText(want);
  await expect(page).not.toHaveURL(/chip=b200/);
  await expect(page).toHaveURL(/tool=compare/);
  // A cell's link names that regime's answer; following it answers under it here.
  const link = cell(page, 'proposal2025', 'review_policy').locator('a');
  expect(await link.getAttribute('href')).toMatch(/regime=proposal2025/);
  await link.click();
  await expect(page.locator('#regime')).toHaveValue('proposal2025');
  await expect(page.locator('#details-title')).toBeFocused();
  await expect(page.locator('#compare-table th.answering')).toHaveAttribute('data-regime', 'proposal2025');
  await expect(page).toHaveURL(/regime=proposal2025/);
  // Closing it takes it out of the URL.
  await page.click('#tool-close');
  await expect(page.locator('#tool-view')).toBeHidden();
  await expect(page).not.toHaveURL(/tool=/);
});

test('keyboard: open, follow a cell, close with Escape', async ({ page }) => {
  await page.goto(ORDER);
  await page.waitForSelector('html[data-ready]');
  await page.locator('#tool-bar button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#tool-title')).toBeFocused();
  await expect(page.locator('#compare-table')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('#tool-close')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.compare-scroll')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#compare-table a').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#tool-view')).toBeHidden();
  await expect(page.locator('#tool-bar button')).toBeFocused();
  await page.keyboard.press('Enter');
  await cell(page, 'ac2023', 'tier').locator('a').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#regime')).toHaveValue('ac2023');
});

test('a bad tool in a link is refused with a notice', async ({ page }) => {
  await page.goto(`${ORDER}&tool=%3Cb%3Ex`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('.notice').filter({ hasText: 'tool' })).toContainText('<b>x');
  await expect(page.locator('#tool-view')).toBeHidden();
  expect(await page.locator('.notice b').count()).toBe(0);
});

for (const [name, size] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 375, height: 740 }]]) {
  test(`the view at ${name} size: the regimes' row labels stay in view as the table scrolls`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(`${ORDER}&tool=compare`);
    await page.waitForSelector('#compare-table');
    const scroller = page.locator('.compare-scroll');
    const label = page.locator('#compare-table th[scope=row]').first();
    const before = await label.boundingBox();
    await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const after = await label.boundingBox();
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    await scroller.evaluate((el) => { el.scrollLeft = 0; });
    // The page itself does not scroll sideways: only the table does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.locator('#tool-view').screenshot({ path: `test-results/screens/compare-${name}.png` });
  });
}

test('when the tools engine cannot load, the view says so and can try again', async ({ page }) => {
  await page.route('**/tools/h100e_bg.wasm', (route) => route.abort());
  await page.goto(ORDER);
  await page.waitForSelector('html[data-ready]');
  await page.getByRole('button', { name: 'Compare all rules' }).click();
  await expect(page.locator('#tool-body [role=alert]')).toContainText('could not load');
  // The answer does not depend on the tools.
  await expect(page.locator('#verdict')).toBeVisible();
  await page.unroute('**/tools/h100e_bg.wasm');
  await page.locator('#tool-body').getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('#compare-table')).toBeVisible();
});
