// The map as a pointer, a finger and a keyboard reach it: land always picks the country under it,
// every place is reachable (small ones through the insets), arrows move spatially, and every fill
// stands out from the sea and the page in both colour schemes.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const SHOTS = 'test-results/screens';
const VIEWPORTS = [
  { name: 'desktop', use: { viewport: { width: 1366, height: 900 } } },
  { name: 'tablet', use: { viewport: { width: 768, height: 1024 } } },
  { name: 'phone', use: { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true } },
];
/** Share of a country's own land (main map and insets together) that must pick it. */
const FLOOR = 0.95;
/** A place with fewer than SMALL whole pixels of land at this size (an island of a few pixels) is
 * mostly border, whose pixels the browser's hit test may round to a neighbour or the sea: it has
 * no floor of its own, and is reached through its inset or its target (checked below: every place
 * can be picked). */
const SMALL = 40;
const NAMED = { DE: 'Germany', TW: 'Taiwan', AE: 'United Arab Emirates', IT: 'Italy', FR: 'France', BE: 'Belgium', CH: 'Switzerland', IL: 'Israel', QA: 'Qatar', HK: 'Hong Kong' };

async function open(page, path = '/?regime=diffusion2025') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
  // The insets' paths load once the page is idle after its first answer.
  await page.waitForSelector('#map[data-insets="ready"]');
  return errors;
}

/**
 * For every land shape on every drawn map (world and insets), the screen points a pointer can
 * rest on inside its own fill (a grid of whole CSS pixels, finer for shapes of a few pixels),
 * each asked what it picks with the page's own pick function after scrolling that map into
 * view. Returns code → { hit, all } summed over all its shapes.
 */
function reach(page) {
  return page.evaluate(async () => {
    const { codeAt } = await import('/js/app.js');
    const tally = {};
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const svg of document.querySelectorAll('#map svg.world, #map svg.inset')) {
      svg.scrollIntoView({ block: 'center' });
      await frame();
      const toSvg = svg.getScreenCTM().inverse();
      // Only what is drawn: the world map is cropped below the Antarctic Peninsula.
      const box = svg.getBoundingClientRect();
      for (const el of svg.querySelectorAll('.land [data-country], .land [data-code]')) {
        const code = el.getAttribute('data-country') || el.getAttribute('data-code');
        const t = (tally[code] ||= { hit: 0, all: 0 });
        const r = el.getBoundingClientRect();
        const [x0, y0] = [Math.max(r.left, box.left, 0), Math.max(r.top, box.top, 0)];
        const [x1, y1] = [Math.min(r.right, box.right, innerWidth), Math.min(r.bottom, box.bottom, innerHeight)];
        const area = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        // About 400 points a shape; a finer grid where that finds few (islands spread over a wide
        // box), but never finer than whole CSS pixels, where a pointer rests and hit tests round.
        for (let step = Math.max(1, Math.round(Math.sqrt(area / 400))); ; step = Math.max(1, Math.floor(step / 4))) {
          let all = 0, hit = 0;
          // Pixel centres: where a pointer on that pixel is hit-tested.
          for (let x = Math.floor(x0 / step) * step + 0.5; x < x1; x += step) {
            for (let y = Math.floor(y0 / step) * step + 0.5; y < y1; y += step) {
              if (!el.isPointInFill(new DOMPoint(x, y).matrixTransform(toSvg))) continue;
              all++;
              if (codeAt(x, y) === code) hit++;
            }
          }
          if (all >= 20 || step === 1) { t.all += all; t.hit += hit; break; }
        }
      }
    }
    return tally;
  });
}

/** Codes picked somewhere inside the small places' targets of the maps matching `selector`:
 * each target's centre and rings at a third and two thirds of its radius, 16 points each. */
function pickedByTargets(page, selector) {
  return page.evaluate(async (sel) => {
    const { codeAt } = await import('/js/app.js');
    const picked = [];
    for (const c of document.querySelectorAll(`${sel} [data-hit]`)) {
      const r = c.getBoundingClientRect();
      const [x, y, radius] = [r.x + r.width / 2, r.y + r.height / 2, r.width / 2];
      const points = [[x, y]];
      for (const f of [1 / 3, 2 / 3]) for (let k = 0; k < 16; k++) points.push([x + f * radius * Math.cos(k * Math.PI / 8), y + f * radius * Math.sin(k * Math.PI / 8)]);
      if (points.some(([px, py]) => codeAt(px, py) === c.getAttribute('data-hit'))) picked.push(c.getAttribute('data-hit'));
    }
    return picked;
  }, selector);
}

for (const { name, use } of VIEWPORTS) {
  test.describe(`at ${name} size`, () => {
    test.use(use);

    test('land picks its own country, and every place can be picked', async ({ page }) => {
      const errors = await open(page);
      const tally = await reach(page);
      const shares = Object.entries(tally).filter(([, t]) => t.all > 0).map(([code, t]) => [code, t.hit / t.all, t.all]);
      shares.sort((a, b) => a[1] - b[1]);
      const worst = shares.filter(([, , n]) => n >= SMALL).slice(0, 6).map(([c, s, n]) => `${c} ${s.toFixed(3)} (${n} points)`).join(', ');
      console.log(`${name}: ${shares.length} countries sampled; worst: ${worst}`);
      for (const [code, share, n] of shares) if (n >= SMALL) expect(share, `${code} picks itself on its own land (${n} px)`).toBeGreaterThanOrEqual(FLOOR);
      for (const code of Object.keys(NAMED)) expect(tally[code]?.hit, `${code} is sampled and picked`).toBeGreaterThan(0);

      // Every ISO entry is picked somewhere: on its land, or at the centre of one of its targets.
      const all = await page.evaluate(async () => (await import('/js/app.js')).codeAt && [...document.querySelectorAll('#map svg.world [data-country]')].map((e) => e.getAttribute('data-country')));
      expect(all).toHaveLength(249);
      const picked = new Set(shares.filter(([, s]) => s > 0).map(([c]) => c));
      for (const svg of await page.locator('#map svg.world, #map svg.inset').all()) {
        await svg.scrollIntoViewIfNeeded();
        for (const c of await pickedByTargets(page, '#map svg')) picked.add(c);
      }
      expect(all.filter((c) => !picked.has(c)), 'places no pointer can pick').toEqual([]);
      expect(errors).toEqual([]);
    });

    test('named countries and every inset place are chosen by a click or tap', async ({ page }) => {
      await open(page);
      const press = async (x, y) => (use.hasTouch ? page.touchscreen.tap(x, y) : page.mouse.click(x, y));
      // A point well inside each named country's largest drawn shape (world map or inset).
      const settled = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      for (const code of Object.keys(NAMED)) {
        await settled();
        const point = await page.evaluate(async (c) => {
          const { codeAt } = await import('/js/app.js');
          const els = [...document.querySelectorAll(`#map .land [data-country="${c}"], #map .land [data-code="${c}"]`)];
          const area = (e) => { const r = e.getBoundingClientRect(); return r.width * r.height; };
          for (const el of els.sort((a, b) => area(b) - area(a))) {
            el.scrollIntoView({ block: 'center' });
            const b = el.getBBox();
            const ctm = el.ownerSVGElement.getScreenCTM();
            for (let n = 3; n <= 27; n += 2) {
              for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
                const p = new DOMPoint(b.x + ((i + 0.5) * b.width) / n, b.y + ((j + 0.5) * b.height) / n);
                if (!el.isPointInFill(p)) continue;
                // Whole pixels: a click reports whole-pixel coordinates.
                const q = p.matrixTransform(ctm);
                const [x, y] = [Math.round(q.x), Math.round(q.y)];
                if (codeAt(x, y) === c && codeAt(x, y + 0.5) === c) return [x, y];
              }
            }
          }
          return null;
        }, code);
        expect(point, `${code} has a point that picks it`).not.toBeNull();
        await press(...point);
        await expect(page.locator('#to'), `${code} by ${use.hasTouch ? 'tap' : 'click'}`).toHaveValue(NAMED[code]);
      }
      // Every callout in every inset, tapped at its centre.
      const callouts = await page.locator('#map svg.inset [data-hit]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-hit')));
      expect(callouts.length).toBeGreaterThan(30);
      for (const [i, code] of callouts.entries()) {
        const hit = page.locator('#map svg.inset [data-hit]').nth(i);
        await hit.scrollIntoViewIfNeeded();
        const box = await hit.boundingBox();
        expect(box.width, `${code}'s target is 24 px`).toBeGreaterThanOrEqual(23.5);
        await press(box.x + box.width / 2, box.y + box.height / 2);
        await expect(page.locator(`#map svg.world [data-country="${code}"]`), `${code} by its callout`).toHaveClass(/selected/);
      }
    });

    test('screenshots of the map, light and dark', async ({ browser }) => {
      fs.mkdirSync(SHOTS, { recursive: true });
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ ...use, colorScheme: scheme });
        const page = await context.newPage();
        await open(page, '/?regime=diffusion2025&to=Belgium&map=outcome');
        await page.locator('#map').screenshot({ path: `${SHOTS}/map-${name}-${scheme}.png` });
        await context.close();
      }
    });
  });
}

/** The point at the middle of a country's world-map shape, or of its callout in an inset, in view. */
async function pointOf(page, code, inset) {
  const el = page.locator(inset ? `#map svg.inset [data-hit="${code}"]` : `#map svg.world [data-country="${code}"]`);
  await el.scrollIntoViewIfNeeded();
  const b = await el.boundingBox();
  return [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)];
}

/** The map's top on screen, what a point picks, and the tooltip's words and box. */
const under = (page, [x, y]) => page.evaluate(async ([px, py]) => {
  const { codeAt } = await import('/js/app.js');
  const tip = document.getElementById('tip');
  return { top: document.getElementById('map').getBoundingClientRect().top, code: codeAt(px, py),
    tip: tip.hidden ? null : tip.textContent, tipBox: tip.hidden ? null : tip.getBoundingClientRect().toJSON() };
}, [x, y]);

test('a pick keeps the map under the pointer, and the tooltip names only the country under it', async ({ page }) => {
  // Saudi Arabia's answer ("It depends…") is several lines taller than France's, which moved the
  // map by about 280 px under the pointer: the next click picked another country.
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '/');
  for (const [code, inset] of [['SA'], ['FR'], ['BH', true], ['SA'], ['BH', true], ['FR']]) {
    const point = await pointOf(page, code, inset);
    const before = await under(page, point);
    expect(before.code, `${code} is under its point`).toBe(code);
    await page.mouse.move(...point);
    await page.mouse.click(...point);
    await expect(page.locator(`#map svg.world [data-country="${code}"]`)).toHaveClass(/selected/);
    const after = await under(page, point);
    expect(Math.abs(after.top - before.top), `the map moved under the pointer picking ${code}`).toBeLessThanOrEqual(1);
    expect(after.code).toBe(code);
    const name = await page.locator('#to').inputValue();
    expect(after.tip, `the tooltip after picking ${code}`).toMatch(new RegExp(`^${name}:`));
  }
  // Scrolled under a resting pointer, the tooltip follows what is under it, or goes.
  const point = await pointOf(page, 'FR');
  await page.mouse.move(...point);
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100);
  await page.waitForTimeout(100);
  const now = await under(page, point);
  expect(now.code).not.toBe('FR');
  if (now.tip !== null) expect(now.tip).toBe(await page.locator(`#map svg.world [data-country="${now.code}"]`).getAttribute('aria-label'));
});

test('on a phone, the tooltip of a tapped country does not stay over its card', async ({ browser }) => {
  const context = await browser.newContext(VIEWPORTS[2].use);
  const page = await context.newPage();
  await open(page, '/');
  const point = await pointOf(page, 'BH', true);
  await page.touchscreen.tap(...point);
  const card = page.locator('#card');
  await expect(card).toContainText('Bahrain');
  await expect(card).toBeInViewport();
  // The page scrolled to the card: Bahrain is no longer under the finger, so no tooltip names it.
  const after = await under(page, point);
  expect(after.code).not.toBe('BH');
  expect(after.tip).toBeNull();
  await context.close();
});

test('the world map and insets fit 560 px of height in a 960 px column', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await open(page);
  // Through the CSSOM: the page's Content-Security-Policy refuses inline style sheets.
  await page.locator('#map').evaluate((el) => { el.style.width = '960px'; });
  await page.waitForTimeout(100);
  const height = await page.locator('#map').evaluate((el) => el.getBoundingClientRect().height);
  console.log(`map and insets at 960 px wide: ${height.toFixed(1)} px high`);
  expect(height).toBeLessThanOrEqual(560);
});

test('overseas parts are their own places: French Guiana, Svalbard', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&map=outcome');
  for (const code of ['GF', 'SJ']) {
    await expect(page.locator(`#map svg.world path[data-country="${code}"]`)).toHaveCount(1);
  }
  // France's own shape no longer reaches South America: its box stays in Europe.
  const fr = await page.locator('#map svg.world [data-country="FR"]').evaluate((e) => e.getBBox().width);
  const es = await page.locator('#map svg.world [data-country="ES"]').evaluate((e) => e.getBBox().width);
  expect(fr).toBeLessThan(es * 2);
});

test('arrow keys move to the nearest country in that direction; Tab enters at the destination', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=France');
  await page.locator('#legend .legend-entry').last().focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-country'));
  expect(await focused()).toBe('FR');
  const centre = (code) => page.locator(`#map svg.world [data-country="${code}"]`).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  });
  // From each start (reached by typing its initial), one arrow must land on a country that way.
  const moves = [['FR', 'f', 'ArrowRight', ([x0], [x1]) => x1 > x0], ['ES', 's', 'ArrowUp', ([, y0], [, y1]) => y1 < y0],
    ['DE', 'g', 'ArrowDown', ([, y0], [, y1]) => y1 > y0], ['BR', 'b', 'ArrowLeft', ([x0], [x1]) => x1 < x0]];
  for (const [from, letter, key, ok] of moves) {
    for (let i = 0; i < 40 && (await focused()) !== from; i++) await page.keyboard.press(letter);
    expect(await focused()).toBe(from);
    await page.keyboard.press(key);
    const to = await focused();
    expect(to, `${key} from ${from}`).not.toBe(from);
    expect(ok(await centre(from), await centre(to)), `${key} from ${from} went to ${to}`).toBe(true);
  }
  await page.keyboard.press('Home');
  expect(await focused()).toBe('AF');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const name = await page.evaluate(() => document.activeElement.getAttribute('aria-label').split(':')[0]);
  await expect(page.locator('#to')).toHaveValue(name);
});

test('the legend says what each class means and what its count takes in; pointing at one lights its countries', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=India');
  const entry = page.locator('#legend .legend-entry[data-status="tier-1"]');
  await expect(entry).toHaveText('Tier 1 25');
  const meaning = page.locator('#legend-meaning');
  // At rest it explains the destination's own class (India: Tier 2), in the engine's words.
  await expect(meaning).toContainText(/^Tier 2: license needed above about [\d,]+ H100-equivalents per buyer per year/);
  await entry.hover();
  await expect(page.locator('#map')).toHaveClass(/highlighting/);
  await expect(page.locator('#map svg.world [data-country="FR"]')).toHaveClass(/lit/);
  await expect(page.locator('#map svg.world [data-country="IN"]')).not.toHaveClass(/lit/);
  // Tier 1's 25 against the rule's 18 allies: the count says what it takes in.
  await expect(meaning).toContainText('Counted: 25 places: the United States, 18 other countries and territories and 6 places (');
  await page.mouse.move(0, 0);
  await expect(page.locator('#map')).not.toHaveClass(/highlighting/);
  await expect(meaning).toContainText(/^Tier 2:/);
  await entry.focus();
  await expect(page.locator('#map')).toHaveClass(/highlighting/);
  await expect(entry).toHaveAttribute('aria-describedby', 'legend-meaning');
  await entry.blur();
  await expect(page.locator('#map')).not.toHaveClass(/highlighting/);
});

for (const scheme of ['light', 'dark']) {
  test(`every class fill is at least 3:1 against the sea and the page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    const ratios = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('i'));
      const rgb = (value) => { probe.style.color = value; return getComputedStyle(probe).color.match(/[\d.]+/g).slice(0, 3).map(Number); };
      const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
      const css = getComputedStyle(document.documentElement);
      const sea = rgb(css.getPropertyValue('--sea'));
      const page = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).slice(0, 3).map(Number);
      const out = {};
      for (const id of ['tier-1', 'tier-2', 'tier-3', 'open', 'exception', 'license', 'denial', 'none']) {
        const fill = rgb(css.getPropertyValue(`--c-${id}`));
        out[id] = [contrast(fill, sea), contrast(fill, page)];
      }
      probe.remove();
      return out;
    });
    console.log(`${scheme}: ${Object.entries(ratios).map(([id, [a, b]]) => `${id} ${a.toFixed(2)}/${b.toFixed(2)}`).join(', ')}`);
    for (const [id, [sea, bg]] of Object.entries(ratios)) {
      expect(sea, `${id} vs sea`).toBeGreaterThanOrEqual(3);
      expect(bg, `${id} vs page`).toBeGreaterThanOrEqual(3);
    }
  });
}
