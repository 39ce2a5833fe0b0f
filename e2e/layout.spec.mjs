// The page as a reader meets it: where the map is on each screen, a click answering in view, typing
// that never answers for another country, notices that clear, and the small wording fixes.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const SHOTS = 'test-results/screens';
const SCREENS = {
  desktop: { viewport: { width: 1366, height: 900 } },
  tablet: { viewport: { width: 768, height: 1024 } },
  phone: { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true },
};

async function open(page, path = '/') {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
  return problems;
}

/** Page coordinates (not viewport) of an element's box. */
const pageBox = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width, height: r.height };
});

for (const [name, options] of Object.entries(SCREENS)) {
  for (const scheme of ['light', 'dark']) {
    test(`${name}, ${scheme}: the question, the verdict and the map come first`, async ({ browser }) => {
      const context = await browser.newContext({ ...options, colorScheme: scheme });
      const page = await context.newPage();
      const problems = await open(page, '/?regime=diffusion2025&to=India&qty=2000');
      const h = options.viewport.height;
      const verdict = await pageBox(page.locator('#verdict'));
      const map = await pageBox(page.locator('#map'));
      const rules = await pageBox(page.locator('#regime'));
      if (name === 'desktop') {
        // Desktop: the question, the verdict and the whole map on the first screen.
        expect(map.bottom).toBeLessThanOrEqual(h);
        expect((await pageBox(page.locator('#qty'))).bottom).toBeLessThanOrEqual(h);
      } else {
        // Tablet and phone: the verdict, then the whole map, within two screens.
        expect(verdict.top).toBeLessThan(h);
        expect(map.bottom).toBeLessThanOrEqual(2 * h);
      }
      expect(verdict.top).toBeLessThan(map.top);
      // The rules menu sits with the map (between the verdict and the map), not far above it.
      expect(rules.top).toBeGreaterThan(verdict.bottom);
      expect(rules.bottom).toBeLessThanOrEqual(map.top);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/layout-${name}-${scheme}.png`, fullPage: false });
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}

test('a click on the map answers in view: the verdict, and one line under every regime', async ({ browser }) => {
  for (const [name, options] of Object.entries(SCREENS)) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await open(page, '/?to=India&qty=2000');
    const shape = page.locator('#map [data-country="BR"]').first();
    await shape.scrollIntoViewIfNeeded();
    if (options.hasTouch) await shape.tap(); else await shape.click();
    const card = page.locator('#card');
    await expect(card, name).toBeVisible();
    await expect(card.locator('#card-title')).toContainText('Brazil');
    await expect(card).toBeInViewport();
    const regimes = await page.evaluate(() => [...document.querySelectorAll('#regime option')].map((o) => o.value).filter((v) => v && v !== 'date'));
    await expect(card.locator('li')).toHaveCount(regimes.length);
    // The line under the chosen rules (the ones in force) is the answer the page shows: its class
    // and, on hover, its headline.
    const current = card.locator('li.current');
    await expect(current).toHaveAttribute('data-class', await page.locator('#verdict').getAttribute('data-class'));
    await expect(current).toHaveAttribute('title', await page.locator('#verdict').textContent());
    await expect(page.locator('#key-numbers')).toContainText('Brazil');
    await expect(page.locator('#to')).toHaveValue('Brazil');
    await context.close();
  }
});

test('typing a name never shows another country, and the page does not jump', async ({ page }) => {
  await open(page, '/?to=India&qty=2000');
  const mapTop = async () => (await pageBox(page.locator('#map'))).top;
  const before = await mapTop();
  await page.fill('#to', '');
  for (const ch of 'Singap') {
    await page.keyboard.type(ch);
    await page.waitForTimeout(30);
    await expect(page.locator('#key-numbers')).toContainText('India');
    await expect(page.locator('.error')).toHaveCount(0);
    expect(await mapTop()).toBe(before);
  }
  // The list offers Singapore; Enter picks it and the answer follows.
  await page.keyboard.press('Enter');
  await expect(page.locator('#to')).toHaveValue('Singapore');
  await expect(page.locator('#key-numbers')).toContainText('Singapore');
  // A complete name answers as soon as it is typed, without Enter; a code, when written as codes are.
  await page.fill('#to', 'Japan');
  await expect(page.locator('#key-numbers')).toContainText('Japan');
  await page.fill('#to', 'SI');
  await expect(page.locator('#key-numbers')).toContainText('Slovenia');
  // A name that another goes on from ("Niger", "Nigeria") waits for typing to stop.
  await page.fill('#to', 'Niger');
  await expect(page.locator('#key-numbers')).toContainText('Slovenia');
  await expect(page.locator('#key-numbers')).toContainText('Niger', { timeout: 3000 });
  // Leaving the field with an unknown name says what is wrong, tied to the field.
  await page.fill('#to', 'Atlantis');
  await expect(page.locator('.error')).toHaveCount(0);
  await page.locator('#qty').focus();
  await expect(page.locator('.error')).toContainText('Atlantis');
  await expect(page.locator('#to')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#to')).toHaveAttribute('aria-describedby', /answer-error/);
  // The whole message shows, taking the answer's room: the map moves down only by what it needs.
  const after = await mapTop();
  expect(after).toBeGreaterThanOrEqual(before);
  expect(after - before).toBeLessThan((await pageBox(page.locator('.error'))).height / 2);
});

test('an error message shows whole, in the room of the answer it replaces', async ({ browser }) => {
  for (const [name, options] of [['1280 px', { viewport: { width: 1280, height: 800 } }], ['phone', SCREENS.phone]]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await open(page, '/');
    const map = await pageBox(page.locator('#map'));
    await page.fill('#to', 'Narnia');
    await page.keyboard.press('Tab');
    const error = page.locator('.error');
    await expect(error, name).toContainText('did you mean `Armenia`?');
    await expect(error, name).toContainText('Your entries are kept');
    // Nothing of it is scrolled out of sight inside the box, and the box is not cut.
    const slot = await page.locator('#verdict-slot').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(slot.scroll, name).toBeLessThanOrEqual(slot.client);
    const [box, err] = [await pageBox(page.locator('#verdict-slot')), await pageBox(error)];
    expect(err.bottom, name).toBeLessThanOrEqual(box.bottom + 0.5);
    // The map keeps its place, and no blank band as tall as the hidden key numbers is left.
    expect((await pageBox(page.locator('#map'))).top, name).toBe(map.top);
    const section = await pageBox(page.locator('.verdict-box'));
    expect(section.bottom - err.bottom, name).toBeLessThan(48);
    await page.screenshot({ path: `${SHOTS}/error-${name.replace(' ', '')}.png` });
    await context.close();
  }
});

test('notices about a link clear when the reader fixes the field, and say what is shown instead', async ({ page }) => {
  const longName = 'x'.repeat(300);
  await open(page, `/?qty=lots&${longName}=1`);
  const notices = page.locator('#notices .notice');
  await expect(notices).toHaveCount(2);
  // An unknown parameter's name is shown clipped, not at full length.
  await expect(notices.nth(0)).toContainText(`“${'x'.repeat(40)}…”`);
  expect((await notices.nth(0).textContent()).length).toBeLessThan(200);
  await expect(notices.nth(1)).toContainText('quantity = “lots”'.replace('quantity', 'qty'));
  await expect(notices.nth(1)).toContainText('uses “1000” instead');
  await page.fill('#qty', '5');
  await expect(notices).toHaveCount(1);
  await notices.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(0);
});

test('small wording: one chip, one "Hypothetical", rules menu without doubled brackets and not cut off', async ({ browser }) => {
  for (const [name, options] of [['desktop', SCREENS.desktop], ['tablet', SCREENS.tablet], ['phone', SCREENS.phone]]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await open(page, '/?to=India&qty=1');
    await expect(page.locator('#order-line')).toContainText('1 chip ·');
    await expect(page.locator('#answer')).not.toContainText('1 chips');
    const labels = await page.locator('#regime option').allTextContents();
    for (const l of labels) expect(l, l).not.toMatch(/\)\s*\(|\(\(|\)\)/);
    // The chosen option's words fit in the menu (a closed menu cuts them off where its box ends).
    for (const value of await page.locator('#regime option').evaluateAll((os) => os.map((o) => o.value))) {
      await page.selectOption('#regime', value);
      const fit = await page.locator('#regime').evaluate((sel) => {
        const c = document.createElement('canvas').getContext('2d');
        const css = getComputedStyle(sel);
        c.font = css.font;
        const text = sel.options[sel.selectedIndex].text;
        // The room for words: the box less its padding and the menu's arrow (about 20 px).
        return { text, width: c.measureText(text).width, room: sel.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) - 20 };
      });
      expect(fit.width, `${name}: ${fit.text}`).toBeLessThanOrEqual(fit.room);
    }
    if (name === 'phone') await page.locator('.maphead').screenshot({ path: `${SHOTS}/rules-menu-phone.png` });
    await context.close();
  }
});

test('the steps that decide come first; every step is one click away', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=Singapore&qty=1699');
  const key = page.locator('.steps.key li');
  await expect(key.locator('xpath=.').and(page.locator('[data-id="lpp.within_limit"]'))).toHaveCount(1);
  await expect(key.locator('xpath=.').and(page.locator('[data-id="aia.destination_not_tier1"]'))).toHaveCount(0);
  const all = page.locator('#all-steps');
  await expect(all).not.toHaveAttribute('open', '');
  const total = await all.locator('li').count();
  expect(total).toBeGreaterThan(await key.count());
  await all.locator('summary').click();
  await expect(all.locator('li').last()).toBeVisible();
});

test('headings are in order and every acronym in the answer has its gloss', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=Singapore&qty=1699');
  const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((x) => Number(x.tagName[1])));
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  const term = page.locator('#answer .term', { hasText: /^LPP$|License Exception LPP/ }).first();
  await term.focus();
  await expect(page.locator('.term-pop')).toBeVisible();
  await expect(page.locator('.term-pop')).toContainText('Low Processing Performance');
});

test('Enter confirms the place typed, not the first in the list; a shared name is refused', async ({ page }) => {
  await open(page, '/?to=Japan');
  for (const [typed, name] of [['IN', 'India'], ['DE', 'Germany'], ['United States', 'United States']]) {
    await page.fill('#to', typed);
    await page.keyboard.press('Enter');
    await expect(page.locator('#to'), typed).toHaveValue(name);
    await expect(page.locator('#key-numbers'), typed).toContainText(`Destination:${name}`.replace(':', ''));
  }
  await page.fill('#to', 'Congo');
  await page.keyboard.press('Enter');
  await expect(page.locator('.error')).toContainText('can mean Republic of the Congo or DR Congo');
  // The error is said once by the live region, not re-announced as an alert on every key.
  await expect(page.locator('.error')).not.toHaveAttribute('role', 'alert');
  await expect(page.locator('#live')).toContainText('Cannot answer yet');
});

test('the card marks the rules that answer, also for a date; a bad field keeps the map on the menu', async ({ page }) => {
  // 1 March 2025 fell under the AI Diffusion rule (in force 13 Jan – 12 May 2025).
  await open(page, '/?date=2025-03-01&to=India');
  await page.locator('#map svg.world [data-country="FR"]').click();
  await expect(page.locator('#card li.current')).toHaveAttribute('data-regime', 'diffusion2025');
  // With the quantity refused, the rules menu still recolours the tier map and its legend.
  await page.fill('#qty', 'lots');
  await expect(page.locator('.error')).toBeVisible();
  await page.selectOption('#regime', 'jan2026');
  await expect(page.locator('#legend .legend-entry').first()).toHaveAttribute('data-status', 'open');
  await expect(page.locator('#legend [data-status^="tier"]')).toHaveCount(0);
});
