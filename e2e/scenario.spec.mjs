// The scenario editor ("What if…"): a reader changes the chosen rules; every answer and the map
// say "hypothetical"; the scenario lives in the URL and comes back from it; a bad value is refused
// with a message tied to its field and keeps what was typed. Expected answers come from the engine.
import { test, expect } from '@playwright/test';

async function open(page, path) {
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
}

/** The tools engine (scenarios are in it, not in the page's small engine), as the page loads it. */
const tools = (page, call) => page.evaluate(async (c) => {
  const m = await import('./tools/h100e.js');
  await m.default();
  return m[c.f](...c.args);
}, call);
const engine = (page, q) => tools(page, { f: 'evaluate', args: [q] });

const ORDER = { to: 'IL', chip: 'b200', quantity: '300', end_user: 'none', g2g: false, regime: 'diffusion2025' };

test('a lower license-free allowance and a tier move answer as the engine does, labelled hypothetical', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=Israel&chip=b200&qty=300');
  await page.locator('#whatif summary').click();
  await page.waitForSelector('#sc-lpp');
  await page.fill('#sc-lpp', '500');
  await page.selectOption('#sc-lpp-unit', 'h100e');
  const lower = await engine(page, { ...ORDER, scenario: 'lpp=500h100e' });
  await expect(page.locator('#verdict')).toContainText(lower.headline.slice(0, 40));
  expect(lower.headline.startsWith('Hypothetical')).toBe(true);
  await expect(page.locator('#map-caption')).toContainText('Hypothetical scenario on the AI Diffusion rule');
  await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBe('lpp=500h100e');

  // Israel to Tier 3, picked from the list.
  await page.fill('#sc-place', 'Israel');
  await page.keyboard.press('Escape');
  await page.selectOption('#sc-status', 'tier-3');
  await page.click('#sc-add');
  const moved = await engine(page, { ...ORDER, scenario: 'lpp=500h100e;tier-3=IL' });
  expect(moved.destination.tier).toBe(3);
  await expect(page.locator('#verdict')).toContainText(moved.headline.slice(0, 60));
  await expect(page.locator('#sc-moves li')).toHaveCount(1);
  await expect(page.locator('#map svg.world [data-country="IL"]')).toHaveAttribute("data-class", "tier-3");
  // The base's answer stands beside the scenario's.
  const plain = await engine(page, ORDER);
  await expect(page.locator('#sc-base')).toContainText(plain.outcome_class_label);

  // The link carries the scenario; opened afresh it fills the editor and gives the same answer.
  await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBe('lpp=500h100e;tier-3=IL');
  const url = new URL(page.url());
  const fresh = await page.context().newPage();
  await open(fresh, `${url.pathname}${url.search}`);
  await expect(fresh.locator('#whatif')).toHaveAttribute('open', '');
  await expect(fresh.locator('#sc-lpp')).toHaveValue('500');
  await expect(fresh.locator('#sc-lpp-unit')).toHaveValue('h100e');
  await expect(fresh.locator('#sc-moves li')).toHaveCount(1);
  await expect(fresh.locator('#verdict')).toContainText(moved.headline.slice(0, 60));
  await page.screenshot({ path: 'test-results/scenario-desktop.png', fullPage: false });
});

test('a bad value is refused at its field, keeps what was typed, and leaves the rest alone', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=Israel&chip=b200&qty=300');
  await page.locator('#whatif summary').click();
  await page.waitForSelector('#sc-lpp');
  await page.fill('#sc-lpp', '5;tier-1=CN');
  await expect(page.locator('#sc-lpp')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#answer-error')).toContainText("scenario's lpp");
  await expect(page.locator('#sc-lpp')).toHaveValue('5;tier-1=CN');
  await expect(page.locator('#qty')).toHaveValue('300');
  // Rules without a country allocation say so, naming the setting.
  await page.fill('#sc-lpp', '');
  await page.selectOption('#regime', 'ac2023');
  await expect(page.locator('#sc-field-cap')).toBeHidden();
  await page.goto('/?regime=ac2023&to=Israel&scenario=cap%3D5');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#notices .notice[data-field="scenario"]')).toContainText('no country allocation');
  expect(await page.locator('#verdict').textContent()).not.toContain('Hypothetical');
});

test('with "click the map" on, a click moves a place one status on instead of choosing it', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=India');
  await page.locator('#whatif summary').click();
  await page.waitForSelector('#sc-pick');
  await page.check('#sc-pick');
  const fr = page.locator('#map svg.world path[data-country="FR"]').first();
  await fr.scrollIntoViewIfNeeded();
  const box = await fr.boundingBox();
  await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.55);
  await expect(page.locator('#sc-moves li[data-code="FR"]')).toHaveCount(1);
  // France is Tier 1 under the AI Diffusion rule; one click on makes it Tier 2.
  const t = await tools(page, { f: 'tiers', args: ['diffusion2025', 'tier-2=FR'] });
  expect(t.destinations.find((d) => d.code === 'FR').status).toBe('tier-2');
  await expect(page.locator('#sc-moves li[data-code="FR"] select')).toHaveValue('tier-2');
  await expect(page.locator('#map svg.world [data-country="FR"]').first()).toHaveAttribute("data-class", "tier-2");
  // The destination stayed India.
  await expect(page.locator('#to')).toHaveValue('India');
});

test("the page's small engine refuses a scenario rather than ignoring it", async ({ page }) => {
  await open(page, '/');
  const message = await page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    try { m.evaluate({ to: 'IL', chip: 'h100', quantity: '1', scenario: 'tier-3=IL' }); return 'answered'; } catch (e) { return `${e.field}: ${e.message}`; }
  });
  expect(message).toMatch(/^scenario: bad scenario/);
});

test('the editor works from the keyboard alone', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=India');
  await page.locator('#whatif summary').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#sc-lpp');
  await page.locator('#sc-lpp').focus();
  await page.keyboard.type('1000');
  await page.keyboard.press('Tab');
  await expect(page.locator('#sc-lpp-unit')).toBeFocused();
  await expect(page).toHaveURL(/scenario=lpp%3D1000h100e/);
  await page.locator('#sc-place').focus();
  await page.keyboard.type('Saudi Arabia');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('#sc-status')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#sc-add')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#sc-moves li[data-code="SA"]')).toHaveCount(1);
  await page.locator('#sc-clear').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#sc-moves li')).toHaveCount(0);
  await expect(page.locator('#sc-lpp')).toHaveValue('');
  await expect.poll(() => new URL(page.url()).searchParams.has('scenario')).toBe(false);
});
