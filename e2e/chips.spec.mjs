// The chips page: the converter against the CLI's `convert --json`, every legal line counted in a
// chosen chip, the catalog's sorting, filtering and CSV, and the pre-rendered tables without
// scripts. Expected numbers come from the CLI, never typed in here.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cli } from './cli.mjs';

test.describe.configure({ timeout: 120_000 });

/** Every chip row's count in the converter's table, by chip id (-1 where unknown). */
const counts = (page, table) => page.locator(`${table} tbody tr`).evaluateAll((rows) =>
  Object.fromEntries(rows.map((r) => [r.dataset.chip, Number(r.cells[3].dataset.sort)])));

async function open(page) {
  await page.goto('/chips.html');
  await page.waitForSelector('html[data-ready]');
}

test('the converter: a typed amount gives the CLI\'s counts, in every way of giving it', async ({ page }) => {
  await open(page);
  for (const [radio, input, value, args] of [
    ['tpp', '#cv-tpp', '26900000', ['convert', '--tpp', '26900000']],
    ['h100e', '#cv-h100e', '500', ['convert', '--h100e', '500']],
  ]) {
    const want = cli(args);
    await page.fill(input, value);
    await expect(page.locator(`#given-${radio}`)).toBeChecked();
    await expect(page.locator('#convert-amount')).toContainText(`${want.amount.tpp.toLocaleString('en-US', { maximumFractionDigits: 4 })} TPP`);
    expect(await counts(page, '#convert-table')).toEqual(Object.fromEntries(want.chips.map((c) => [c.id, c.count ?? -1])));
  }
  // "N of chip X": 747 B200s, then how many of every other chip that is.
  const want = cli(['convert', '--chip', 'b200', '--quantity', '747']);
  await page.selectOption('#cv-chip', 'b200');
  await page.fill('#cv-quantity', '747');
  await expect(page.locator('#given-chips')).toBeChecked();
  await expect(page.locator('#convert-amount')).toContainText(`747 × ${want.chips.find((c) => c.id === 'b200').name}`);
  await expect(page.locator('#convert-amount')).toContainText(`${want.amount.tpp.toLocaleString('en-US')} TPP`);
  expect(await counts(page, '#convert-table')).toEqual(Object.fromEntries(want.chips.map((c) => [c.id, c.count ?? -1])));
  // A count that depends on a contested TPP figure shows its range.
  const contested = want.chips.find((c) => c.contested);
  await expect(page.locator(`#convert-table tr[data-chip="${contested.id}"] .range`)).toContainText('contested');
});

test('bad input: a message tied to its field, and what was typed is kept', async ({ page }) => {
  await open(page);
  await page.fill('#cv-tpp', '12 chips');
  await expect(page.locator('#cv-error')).toContainText('Cannot convert');
  await expect(page.locator('#cv-tpp')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#cv-tpp')).toHaveAttribute('aria-describedby', 'cv-error');
  await expect(page.locator('#cv-tpp')).toHaveValue('12 chips');
  await page.fill('#cv-tpp', '15832');
  await expect(page.locator('#cv-error')).toHaveText('');
  await expect(page.locator('#cv-tpp')).not.toHaveAttribute('aria-invalid', 'true');
});

test('every legal line, counted in the chosen chip, as the CLI counts it', async ({ page }) => {
  await open(page);
  const lines = cli(['thresholds']);
  await expect(page.locator('#lines-table tbody tr')).toHaveCount(lines.length);
  for (const chip of ['b200', 'h100-sxm']) {
    await page.selectOption('#lines-chip', chip);
    for (const id of ['diffusion2025.lpp', 'proposal2025.lpp']) {
      const want = cli(['convert', '--threshold', id]).chips.find((c) => c.id === chip).count;
      await expect(page.locator(`#lines-table tr[data-threshold="${id}"] td`).nth(3)).toHaveAttribute('data-sort', String(want));
    }
  }
  // Hypothetical lines say so.
  for (const t of lines.filter((l) => l.hypothetical)) {
    await expect(page.locator(`#lines-table tr[data-threshold="${t.id}"] th`)).toContainText('Hypothetical');
  }
  // "Every chip" puts the line in the converter.
  await page.locator('#lines-table tr[data-threshold="proposal2025.lpp"] .row-action').click();
  await expect(page.locator('#given-threshold')).toBeChecked();
  await expect(page.locator('#cv-threshold')).toBeFocused();
  const want = cli(['convert', '--threshold', 'proposal2025.lpp']);
  expect(await counts(page, '#convert-table')).toEqual(Object.fromEntries(want.chips.map((c) => [c.id, c.count ?? -1])));
  // Sorting by the count, largest first.
  const sortBy = page.locator('#lines-table thead th').nth(4).locator('button');
  await sortBy.click();
  await sortBy.click();
  await expect(page.locator('#lines-table thead th').nth(4)).toHaveAttribute('aria-sort', 'descending');
  const keys = await page.locator('#lines-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.cells[4].dataset.sort)));
  expect(keys).toEqual([...keys].sort((a, b) => b - a));
});

test('the catalog sorts, filters and downloads what it shows as CSV', async ({ page }) => {
  await open(page);
  const chips = cli(['chips']);
  const rows = page.locator('#catalog-table tbody tr');
  await expect(rows).toHaveCount(chips.length);
  // Sort by TPP, largest first: the engine's largest TPP leads.
  const tppHead = page.locator('#catalog-table thead th').nth(1);
  await tppHead.locator('button').click();
  await tppHead.locator('button').click();
  await expect(tppHead).toHaveAttribute('aria-sort', 'descending');
  const top = [...chips].sort((a, b) => (b.tpp ?? -1) - (a.tpp ?? -1))[0];
  await expect(rows.first()).toHaveAttribute('data-chip', top.id);
  // Filter by class and by name.
  const classB = chips.filter((c) => c.eccn === '3A090.b');
  await page.selectOption('#cat-eccn', '3A090.b');
  await expect(page.locator('#catalog-table tbody tr:not([hidden])')).toHaveCount(classB.length);
  await expect(page.locator('#cat-count')).toHaveText(`Showing ${classB.length} of ${chips.length} chips.`);
  await page.selectOption('#cat-eccn', '');
  await page.fill('#cat-search', 'b200');
  const named = chips.filter((c) => `${c.name} ${c.id}`.toLowerCase().includes('b200'));
  await expect(page.locator('#catalog-table tbody tr:not([hidden])')).toHaveCount(named.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cat-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  const version = cli(['convert', '--tpp', '1']).data.version;
  expect(download.suggestedFilename()).toBe(`h100e-chips-${version}.csv`);
  expect(csv[0].split(',')).toEqual(expect.arrayContaining(['id', 'tpp', 'h100e', 'performance_density', 'eccn', 'datacenter', 'dram_bandwidth_gbs', 'how_checked', 'dataset_version']));
  expect(csv.length - 1).toBe(named.length);
  for (const line of csv.slice(1)) expect(line).toContain(`,${version},`);
});

test('without scripts the tables are there, pre-rendered', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/chips.html');
  const chips = cli(['chips']);
  await expect(page.locator('#catalog-table tbody tr')).toHaveCount(chips.length);
  const lpp = cli(['convert', '--threshold', 'diffusion2025.lpp']).chips.find((c) => c.id === 'b200').count;
  await expect(page.locator('#lines-table tr[data-threshold="diffusion2025.lpp"] td').nth(3)).toHaveAttribute('data-sort', String(lpp));
  await context.close();
});

for (const [name, size] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 375, height: 740 }]]) {
  test(`the chips page at ${name} size does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize(size);
    await open(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/screens/chips-${name}.png` });
    await page.locator('#catalog').screenshot({ path: `test-results/screens/chips-catalog-${name}.png` });
  });
}

test('a link reproduces a conversion, and a bad one says what it ignored', async ({ page }) => {
  await page.goto('/chips.html?given=chips&chip=b200&quantity=747&in=h100-sxm');
  await page.waitForSelector('html[data-ready]');
  const want = cli(['convert', '--chip', 'b200', '--quantity', '747']);
  await expect(page.locator('#given-chips')).toBeChecked();
  await expect(page.locator('#convert-amount')).toContainText(`${want.amount.tpp.toLocaleString('en-US')} TPP`);
  await expect(page.locator('#lines-chip')).toHaveValue('h100-sxm');
  await page.fill('#cv-h100e', '500');
  await expect(page).toHaveURL(/given=h100e&h100e=500/);
  await expect(page).toHaveURL(/in=h100-sxm/);
  // The page's own first conversion leaves the address bare.
  await page.goto('/chips.html');
  await page.waitForSelector('html[data-ready]');
  expect(new URL(page.url()).search).toBe('');
  // Typed text goes to its field and the engine's refusal is shown there; unknown values are named.
  await page.goto('/chips.html?given=tpp&tpp=%3Cb%3Elots&chip=nope&x=1');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#cv-tpp')).toHaveValue('<b>lots');
  await expect(page.locator('#cv-tpp')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#status')).toContainText('chip = “nope”');
  await expect(page.locator('#status')).toContainText('x = “1”');
  expect(await page.locator('#status b, #cv-error b').count()).toBe(0);
});
