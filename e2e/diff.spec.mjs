// The difference map: this order's outcome in every country under two sets of rules, coloured by
// how it changed, with a count per kind of change. Expected counts come from the engine's
// `outcomes()` under each set of rules.
import { test, expect } from '@playwright/test';

const ORDER = { chip: 'b200', quantity: '300', end_user: 'none', g2g: false, to: 'IN' };

/** Each country's outcome under two regimes, paired as the engine's order of classes says. */
const expected = (page, before, after) => page.evaluate(async ({ order, before, after }) => {
  const m = await import('./pkg/h100e.js');
  await m.default();
  const b = m.outcomes({ ...order, regime: before });
  const a = m.outcomes({ ...order, regime: after });
  const rank = new Map(a.order.map((c, i) => [c, i]));
  // Each map lists its distinct answers once; every country names the index of its own.
  const list = (map) => Object.entries(map.destinations).map(([code, i]) => ({ code, ...map.answers[i] }));
  const was = new Map(list(b).map((o) => [o.code, o]));
  const uncounted = new Set(m.tiers(after).destinations.filter((d) => d.uncounted).map((d) => d.code));
  const count = { stricter: 0, looser: 0, rerouted: 0, same: 0 };
  const cls = {};
  for (const o of list(a)) {
    if (uncounted.has(o.code)) continue;
    const p = was.get(o.code);
    const step = rank.get(o.class) - rank.get(p.class);
    const c = step > 0 ? 'stricter' : step < 0 ? 'looser' : o.exception_used !== p.exception_used ? 'rerouted' : 'same';
    count[c] += 1;
    cls[o.code] = c;
  }
  const lppToLicense = list(a).filter((o) => !uncounted.has(o.code) && was.get(o.code).exception_used === 'LPP' && o.class === 'license').length;
  return { count, cls, lppToLicense };
}, { order: ORDER, before, after });

test('the reported proposal against the AI Diffusion rule: counts per kind of change match the engine', async ({ page }) => {
  await page.goto('/?regime=proposal2025&to=India&chip=b200&qty=300&map=diff&vs=diffusion2025');
  await page.waitForSelector('html[data-ready]');
  const want = await expected(page, 'diffusion2025', 'proposal2025');
  for (const [cls, n] of Object.entries(want.count)) {
    const entry = page.locator(`#legend .legend-entry[data-status="${cls}"] .legend-count`);
    if (n) await expect(entry).toHaveText(n.toLocaleString('en-US'));
    else await expect(entry).toHaveCount(0);
  }
  // "Needed no license under LPP → needs a license": the change the reported proposal was about.
  expect(want.lppToLicense).toBeGreaterThan(0);
  await expect(page.locator('#diff-kinds')).toContainText(`(LPP) → License needed: ${want.lppToLicense}`);
  await expect(page.locator('#map svg.world path[data-country="IN"]')).toHaveAttribute('data-class', want.cls.IN);
  await expect(page.locator('#map-caption')).toContainText('from the AI Diffusion rule (Jan 2025) to the Reported 2025 proposal');
  await page.screenshot({ path: 'test-results/diff-desktop.png' });
});

test('the mode and the rules compared with are chosen in the map header and kept in the URL', async ({ page }) => {
  await page.goto('/?regime=diffusion2025&to=India&chip=b200&qty=300');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#field-vs')).toBeHidden();
  await page.selectOption('#mode', 'diff');
  await expect(page.locator('#field-vs')).toBeVisible();
  // By default: the rules in force before the AI Diffusion rule.
  const want = await expected(page, 'ac2023', 'diffusion2025');
  expect(want.count.stricter).toBeGreaterThan(0);
  await expect(page.locator('#legend .legend-entry[data-status="stricter"] .legend-count')).toHaveText(want.count.stricter.toLocaleString('en-US'));
  await page.selectOption('#vs', 'jan2026');
  await expect(page).toHaveURL(/map=diff/);
  await expect(page).toHaveURL(/vs=jan2026/);
  const later = await expected(page, 'jan2026', 'diffusion2025');
  const shown = Object.entries(later.count).filter(([, n]) => n);
  await expect(page.locator('#legend .legend-entry')).toHaveCount(shown.length);
  // Back to tiers: the kinds of change go away.
  await page.selectOption('#mode', 'tier');
  await expect(page.locator('#diff-kinds')).toBeHidden();
});

test('a link with unknown rules to compare with says so and falls back', async ({ page }) => {
  await page.goto('/?to=India&map=diff&vs=nonsense');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#notices .notice[data-field="vs"]')).toContainText('unknown rules');
  await expect(page.locator('#diff-kinds')).toBeVisible();
});

// The text on the books stands beside the rules in force (research/updates-2026-12.md row 6): by
// default its difference map compares it with the rules in force now, and the menu says so.
test('the AI Diffusion rule on the books is compared with the rules in force now', async ({ page }) => {
  await page.goto('/?regime=codified&to=India&chip=b200&qty=300&map=diff');
  await page.waitForSelector('html[data-ready]');
  const want = await expected(page, 'jan2026', 'codified');
  expect(want.count.stricter).toBeGreaterThan(0);
  await expect(page.locator('#legend .legend-entry[data-status="stricter"] .legend-count')).toHaveText(want.count.stricter.toLocaleString('en-US'));
  await expect(page.locator('#vs option').first()).toHaveText('The rules in force now');
  await expect(page.locator('#map-caption')).toContainText('from the From Jan 2026 (H200 policy) to the AI Diffusion rule text (not enforced)');
  await expect(page.locator('#map-caption')).toContainText('Not the rules exporters follow.');
  // Back to rules in force: the default is again those before.
  await page.selectOption('#regime', 'diffusion2025');
  await expect(page.locator('#vs option').first()).toHaveText('The rules in force before');
});

// The "Compared with" menu sits outside the map's header: on a phone its longest rule name made
// the page wider than the screen (463 px at 390), so the whole page scrolled sideways.
test('on a phone, the rules compared with fit the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/?regime=codified&to=India&map=diff');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#field-vs')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  expect(await page.locator('#vs').evaluate((el) => el.getBoundingClientRect().right <= innerWidth)).toBe(true);
  await context.close();
});
