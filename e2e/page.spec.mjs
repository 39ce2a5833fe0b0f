// The page as a reader uses it: answers, map, keyboard, URL state, hostile links, and what it loads.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const SHOTS = 'test-results/screens';

/** Opens a page, failing the test on console errors or requests to other hosts. */
async function open(page, path = '/') {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.host !== new URL(page.url() === 'about:blank' ? 'http://127.0.0.1' : page.url()).host && u.hostname !== '127.0.0.1') {
      problems.push(`request to another host: ${r.url()}`);
    }
  });
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
  // The insets' paths load once the page is idle after its first answer.
  await page.waitForSelector('#map[data-insets="ready"]');
  return problems;
}

async function setRegime(page, id) {
  await page.selectOption('#regime', id);
  await expect(page).toHaveURL(new RegExp(`regime=${id}`));
}

async function setDestination(page, name) {
  await page.fill('#to', name);
  await page.keyboard.press('Enter');
}

test('the first answer appears, with citations, and nothing leaves the origin', async ({ page }) => {
  const problems = await open(page);
  // Default: an H100 order to the UAE under the rules in force now; the 2026 text names the UAE.
  await expect(page.locator('#verdict')).toContainText('License required');
  await expect(page.locator('.steps li')).not.toHaveCount(0);
  await expect(page.locator('.steps .cite a').first()).toHaveAttribute('href', /^https:\/\//);
  await expect(page.locator('#status')).toBeEmpty();
  // Screen readers get the one-line verdict through a live region.
  await expect(page.locator('#live')).toHaveText(await page.locator('#verdict').textContent());
  expect(problems).toEqual([]);
});

test('typing a country and chip gives the rule-text verdict (LPP at 1,699 vs 1,700 H100s)', async ({ page }) => {
  const problems = await open(page);
  await setRegime(page, 'diffusion2025');
  await setDestination(page, 'Singap');
  await expect(page.locator('#to')).toHaveValue('Singapore');
  await page.selectOption('#chip', 'h100-sxm');
  await page.fill('#qty', '1699');
  await expect(page.locator('#verdict')).toContainText('License Exception LPP');
  await expect(page.locator('.caps')).toContainText('1,432 TPP left');
  await page.fill('#qty', '1700');
  await expect(page.locator('#verdict')).toContainText('License required');
  await expect(page.locator('#verdict')).toContainText('presumption of approval');
  // Aliases work as the engine resolves them: "UAE" and a D:5-headquartered buyer in Tier 1.
  await setDestination(page, 'France');
  await page.click('#more summary');
  await page.fill('#hq', 'China');
  await page.keyboard.press('Escape');
  await expect(page.locator('#verdict')).toContainText('presumption of denial');
  expect(problems).toEqual([]);
});

test('the current rules answer the H200-to-China case from 91 FR 1684', async ({ page }) => {
  await open(page);
  await setDestination(page, 'China');
  await page.selectOption('#chip', 'h200');
  await expect(page.locator('#verdict')).toContainText('reviewed case-by-case');
  await expect(page.locator('#answer')).toContainText('91 FR 1684');
});

test('clicking a map country makes it the destination', async ({ page }) => {
  await open(page, '/?regime=diffusion2025');
  // Germany, pointed at in its east: its west lies under Luxembourg's 24 px dot, which is on top.
  const de = page.locator('[data-country="DE"]');
  const box = await de.boundingBox();
  const east = { x: box.width * 0.75, y: box.height * 0.45 };
  await de.hover({ position: east });
  await expect(page.locator('#tip')).toHaveText(/^Germany: Tier 1; this order: /);
  await de.click({ position: east });
  await expect(page.locator('#to')).toHaveValue('Germany');
  await expect(page.locator('#verdict')).toContainText('AIA');
  await expect(page.locator('[data-country="DE"]')).toHaveClass(/selected/);
  // A small state is clickable too, through its callout in the Singapore inset.
  await page.locator('#map svg.inset [data-hit="SG"]').click();
  await expect(page.locator('#to')).toHaveValue('Singapore');
});

test('every ISO entry is on the map, with a name, and small states have 24 px targets', async ({ page }) => {
  await open(page);
  await expect(page.locator('#map [data-country]')).toHaveCount(249);
  for (const code of ['SG', 'BH', 'MT', 'HK', 'MO', 'LI', 'LU', 'TW']) {
    const el = page.locator(`#map [data-country="${code}"]`);
    await expect(el).toHaveAttribute('aria-label', /\w+: /);
  }
  const box = await page.locator('#map svg.inset [data-hit="BH"]').boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(23.5);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(100);
  const small = await page.locator('#map svg.world [data-hit="MT"]').boundingBox();
  expect(small.width).toBeGreaterThanOrEqual(23.5);
});

test('skip links take keyboard users to the answer or to the map', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=India');
  await page.keyboard.press('Tab');
  await expect(page.locator('.skips a').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#answer-title')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.locator('.skips a').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#map-title')).toBeFocused();
  // Past the rules menu, the colouring choice and the legend, focus enters the map on the destination.
  let code = null;
  for (let i = 0; i < 10 && !code; i++) {
    await page.keyboard.press('Tab');
    code = await page.evaluate(() => document.activeElement?.getAttribute('data-country'));
  }
  expect(code).toBe('IN');
});

test('keyboard navigation reaches the map, moves between countries and selects one', async ({ page }) => {
  await open(page, '/?regime=diffusion2025');
  let reached = false;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.getAttribute('data-country'));
  }
  expect(reached).toBe(true);
  await expect(page.locator('#tip')).toBeVisible();
  const first = await page.evaluate(() => document.activeElement.getAttribute('data-country'));
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.getAttribute('data-country'));
  expect(second).not.toBe(first);
  await page.keyboard.press('g');
  await page.keyboard.press('Enter');
  const code = await page.evaluate(() => document.activeElement.getAttribute('data-country'));
  const name = await page.locator(`[data-country="${code}"]`).getAttribute('aria-label');
  await expect(page.locator('#to')).toHaveValue(name.split(':')[0]);
});

test('a URL reproduces its state on a fresh page', async ({ page, context }) => {
  await open(page, '/?regime=diffusion2025&to=India&chip=b200&qty=5000&map=outcome&g2g=1');
  await expect(page.locator('#to')).toHaveValue('India');
  await expect(page.locator('#chip')).toHaveValue('b200');
  await expect(page.locator('#mode')).toHaveValue('outcome');
  await expect(page.locator('#g2g')).toBeChecked();
  const verdict = await page.locator('#verdict').textContent();
  expect(verdict).toContain('presumption of approval');
  // Change something, then open the resulting URL in a new page: same answer.
  await page.fill('#qty', '50000');
  await expect(page.locator('#verdict')).toContainText('policy of denial');
  // The address follows typing within 0.4 s (urlstate.js).
  await expect(page).toHaveURL(/qty=50000/);
  const url = page.url();
  const fresh = await context.newPage();
  await open(fresh, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(fresh.locator('#verdict')).toHaveText(await page.locator('#verdict').textContent());
  await expect(fresh.locator('#map [data-class="denial"]').first()).toBeVisible();
});

test('typing a quantity fast rewrites the address at most every 0.4 s, and it ends on what was typed', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=India&qty=2000');
  // Chromium spends about 5 ms in each replaceState: count them while eight keys are typed.
  await page.evaluate(() => {
    window.__writes = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...a) => { window.__writes += 1; return replace(...a); };
  });
  await page.fill('#qty', '');
  await page.focus('#qty');
  const t0 = Date.now();
  await page.keyboard.type('12345678');
  const typing = Date.now() - t0;
  await expect(page).toHaveURL(/qty=12345678/);
  // One write at the first key, one per 0.4 s of typing, one after the pause (a page writing on
  // every answer makes one per frame that answered: 5 of the 8 keys here).
  expect(await page.evaluate(() => window.__writes)).toBeLessThanOrEqual(2 + Math.floor(typing / 400));
});

test('a key answers at once; the step-by-step answer follows when typing pauses, never showing an earlier order', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=India&qty=2000');
  await page.focus('#qty');
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  // Two frames after the key: the verdict's numbers are the new order's; the steps are hidden
  // and busy rather than those of 2,000 chips.
  const now = await page.evaluate(async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const answer = document.getElementById('answer');
    return { order: document.getElementById('order-line').textContent, busy: answer.getAttribute('aria-busy'), shown: answer.checkVisibility({ visibilityProperty: true }) };
  });
  expect(now.order).toContain('20,000');
  expect(now).toMatchObject({ busy: 'true', shown: false });
  await expect(page.locator('#answer')).not.toHaveAttribute('aria-busy');
  await expect(page.locator('#answer')).toBeVisible();
  await expect(page.locator('#answer')).toContainText('20,000');
  // A choice from a menu is no typing: the steps come with the answer.
  await page.selectOption('#chip', 'b200');
  const chosen = await page.evaluate(async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const answer = document.getElementById('answer');
    return { busy: answer.getAttribute('aria-busy'), text: answer.textContent };
  });
  expect(chosen.busy).toBeNull();
  expect(chosen.text).toContain('B200');
});

test('a hostile URL executes nothing and shows a notice', async ({ page }) => {
  const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  const keys = ['regime', 'date', 'to', 'chip', 'tops', 'bits', 'area', 'bw', 'qty', 'eu', 'hq', 'prior', 'map', 'junk'];
  const qs = keys.map((k) => `${k}=${encodeURIComponent(evil)}`).join('&');
  const problems = await open(page, `/?${qs}`);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('#notices .notice')).not.toHaveCount(0);
  await expect(page.locator('#notices')).toContainText('cannot be used');
  expect(await page.locator('body img').count()).toBe(0);
  expect(await page.locator('body script').count()).toBe(1);
  await expect(page.locator('#verdict')).toBeVisible();
  expect(problems.filter((p) => !p.includes('favicon'))).toEqual([]);
});

test('bad input keeps what was typed and says what is wrong', async ({ page }) => {
  await open(page);
  await page.fill('#qty', '12.5');
  await expect(page.locator('.error')).toContainText('bad quantity `12.5`');
  await expect(page.locator('#qty')).toHaveValue('12.5');
  await expect(page.locator('#qty')).toHaveAttribute('aria-invalid', 'true');
  await page.selectOption('#chip', 'custom');
  await page.fill('#qty', '10');
  await page.fill('#tops', 'lots');
  await page.fill('#bits', '8');
  await expect(page.locator('.error')).toContainText('bad dense TOPS `lots`');
  await page.fill('#tops', '300');
  await page.fill('#bits', '16');
  await expect(page.locator('#answer')).toContainText('3A090.a.1');
  // Each custom figure is named as its field is labelled, never by the CLI's option.
  for (const [id, typed, words] of [['#bw', 'abc', 'bad DRAM bandwidth `abc`'], ['#area', 'abc', 'bad die area `abc`'],
    ['#bits', 'abc', 'bad bit length `abc`'], ['#tops', 'abc', 'bad dense TOPS `abc`']]) {
    await page.fill(id, typed);
    await expect(page.locator('.error')).toContainText(words);
    await expect(page.locator('.error')).not.toContainText('--');
    await page.fill(id, '');
    await page.fill('#tops', '300');
    await page.fill('#bits', '16');
  }
});

test('a name shared by several places lists them all and is refused until one is picked', async ({ page }) => {
  await open(page);
  // Sint Maarten's names do not contain "Saint Martin": the engine's `also_called` brings it in.
  for (const [typed, codes] of [['Congo', ['CD', 'CG']], ['Korea', ['KP', 'KR']],
    ['Virgin Islands', ['VG', 'VI']], ['Saint Martin', ['MF', 'SX']]]) {
    await page.fill('#to', typed);
    const shown = await page.locator('#to-list li').evaluateAll((lis) => lis.map((li) => li.dataset.code));
    for (const code of codes) expect(shown, typed).toContain(code);
  }
  await page.fill('#to', 'Congo');
  await page.keyboard.press('Escape');
  await expect(page.locator('.error')).toContainText('`Congo` can mean Republic of the Congo or DR Congo');
  await expect(page.locator('#to')).toHaveAttribute('aria-invalid', 'true');
  await page.fill('#to', 'Congo');
  await page.locator('#to-list li[data-code="CD"]').click();
  await expect(page.locator('#to')).toHaveValue('DR Congo');
  await expect(page.locator('#verdict')).toContainText('presumption of denial');
});

test('hypothetical regimes are labelled on the answer and the map; the table lists everyone', async ({ page }) => {
  await open(page, '/?regime=proposal2025&to=Singapore&qty=501');
  await expect(page.locator('#verdict')).toHaveClass(/\bhyp\b/);
  await expect(page.locator('#verdict')).toHaveText(/^Hypothetical — /);
  await expect(page.locator('#verdict')).not.toContainText(/Hypothetical\s+Hypothetical/i);
  await expect(page.locator('#map-caption')).toContainText('Hypothetical');
  await expect(page).toHaveTitle(/\(hypothetical rules\) — h100e$/);
  await page.click('#table-box summary');
  await expect(page.locator('#table tbody tr')).toHaveCount(249);
  await page.click('#table th button:has-text("Code")');
  await expect(page.locator('#table tbody tr').first()).toHaveAttribute('data-row', 'AD');
  await page.click('#table th button:has-text("Code")');
  await expect(page.locator('#table tbody tr').first()).toHaveAttribute('data-row', 'ZW');
});

// research/updates-2026-12.md row 6: the AI Diffusion rule is still in the CFR but not enforced;
// the calculator keeps it as its own choice, apart from the rules in force and from the proposals.
test('the AI Diffusion rule as codified is a choice of its own, labelled not enforced', async ({ page }) => {
  await open(page, '/?to=Cambodia&qty=1000');
  const group = page.locator('#regime optgroup[label="In the CFR, not enforced"] option');
  await expect(group).toHaveCount(1);
  await expect(group).toHaveAttribute('value', 'codified');
  await expect(page.locator('#regime optgroup[label="In force at some time"] option[value="codified"]')).toHaveCount(0);
  await setRegime(page, 'codified');
  // Cambodia left D:5 on 7 Nov 2025 (row 4): under the codified text it is in Tier 2.
  await expect(page.locator('#verdict')).toHaveClass(/\bhyp\b/);
  await expect(page.locator('#answer')).toContainText('Tier 2');
  await expect(page.locator('#verdict-slot .caveat')).toContainText('Not the rules exporters follow');
  // It comes right after the verdict, before the readings, which can fill a phone's first screen.
  await expect(page.locator('#verdict + .caveat')).toHaveAttribute('data-id', 'regime.caveat');
  // A plain answer says whose answer it is: "Not enforced — License required" would read as if
  // the license requirement were not enforced (91 FR 1684's band, carried by the text).
  await page.goto('/?regime=codified&to=China&chip=h200-sxm&qty=10');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#verdict')).toHaveText(/^If the AI Diffusion rule were enforced today — License required: an application would be reviewed case-by-case/);
  await expect(page.locator('#map-caption')).toContainText('Not the rules exporters follow');
  await expect(page).toHaveTitle(/not enforced/);
});

// rule.md Errata 2 and 8: where an answer turns on a contested point, both readings are shown
// wherever it is, so the map's table (and the CSV made from it) and tooltips say "it depends",
// not only the answer for the chosen destination.
test('the map\'s table says which answers depend on a contested point', async ({ page }) => {
  await open(page, '/?regime=diffusion2025&to=Saudi+Arabia&qty=100&map=outcome');
  await expect(page.locator('#verdict')).toContainText('It depends');
  await page.click('#table-box summary');
  const row = (code) => page.locator(`#table tbody tr[data-row="${code}"]`);
  await expect(row('SA')).toContainText('it depends on whether License Exception LPP can be used');
  await expect(row('FR')).not.toContainText('it depends');
  await expect(page.locator('svg.world [data-country="SA"]').first()).toHaveAttribute('aria-label', /it depends on whether License Exception LPP/);
  await expect(page).toHaveTitle(/^Saudi Arabia, 100 × .*\(depends on a contested point\) — h100e$/);
});

test('screenshots: desktop and 360 px, light and dark', async ({ browser }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    for (const [name, width] of [['desktop', 1280], ['mobile', 360]]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      const problems = await open(page, '/?regime=diffusion2025&to=India&qty=2000');
      await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: false });
      await page.locator('.mapbox').screenshot({ path: `${SHOTS}/${name}-${scheme}-map.png` });
      expect(problems).toEqual([]);
      // What a reader sees: the verdict for India (Tier 2, 2,000 H100s is over the allowance), the
      // engine's own legend words with counts that add up to every destination, every country
      // painted, nothing wider than the screen, and the colour scheme asked for.
      await expect(page.locator('#verdict')).toContainText('License required');
      await expect(page.locator('#legend-meaning')).toContainText(/^Tier 2: license needed above about [\d,]+ H100-equivalents/);
      const counts = await page.locator('#legend .legend-count').allTextContents();
      const total = counts.map((t) => Number(t.replace(/,/g, ''))).reduce((a, b) => a + b, 0);
      // Every destination but Antarctica (no country's territory, left uncoloured) is counted once.
      expect(total).toBe(248);
      expect(await page.locator('svg.world [data-country][data-class="none"]').evaluateAll((els) => els.map((e) => e.dataset.country))).toEqual(['AQ']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g).map(Number);
      expect((r + g + b) / 3 > 128).toBe(scheme === 'light');
      await context.close();
    }
  }
});

test('a reexport to China stays under a presumption of denial; the field and the link keep it', async ({ page }) => {
  await open(page, '/?to=China&chip=h200&qty=100');
  await expect(page.locator('#verdict')).toContainText('case-by-case');
  await open(page, '/?to=China&chip=h200&qty=100&from=Singapore');
  await expect(page.locator('#from')).toHaveValue('Singapore');
  await expect(page.locator('#verdict')).toContainText('presumption of denial');
  await page.fill('#from', 'Atlantis');
  await expect(page.locator('#from')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#to')).not.toHaveAttribute('aria-invalid', 'true');
});

test('a contested point shows each reading and its answer', async ({ page }) => {
  // rule.md Errata 2: LPP to a D:1/D:4 destination under the AI Diffusion rule is contested.
  await open(page, '/?regime=diffusion2025&to=Saudi%20Arabia&qty=100');
  await expect(page.locator('#verdict')).toContainText('It depends on whether License Exception LPP');
  const items = page.locator('ul.readings[data-fact="lpp-d1-d4"] li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute('data-reading', 'not-listed');
  await expect(items.nth(0)).toContainText('License required');
  await expect(items.nth(1)).toContainText('License Exception LPP');
});

test('an NVEU installed base and a buyer total are their own inputs, kept in the link', async ({ page }) => {
  // 15 CFR 748.15: an NVEU's quarterly cap counts its installed base in the country, not this
  // year's shipments; 1,000,000,000 installed is over the Q2 2025 cap of 949,500,000.
  await open(page, '/?regime=diffusion2025&to=India&qty=10&eu=nveu&installed=1000000000');
  await expect(page.locator('#installed')).toHaveValue('1000000000');
  await expect(page.locator('#answer')).toContainText('NVEU installed-base cap');
  await page.fill('#total', 'abc');
  await expect(page.locator('#total')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#installed')).not.toHaveAttribute('aria-invalid', 'true');
});

test('contested points that change the answer only together are shown together', async ({ page }) => {
  // rule.md Errata 2 and 3: 500 MI355X to Saudi Arabia under the AI Diffusion rule.
  await open(page, '/?regime=diffusion2025&to=Saudi%20Arabia&chip=mi355x&qty=500');
  await expect(page.locator('#verdict')).toContainText('taken together');
  const items = page.locator('ul.readings[data-fact="combined"] li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText('License Exception LPP');
});

test('the engine starts where the server does not send the wasm as application/wasm', async ({ page }) => {
  // www/engine.js compiles the wasm while it downloads; a host that labels it otherwise makes that
  // refuse, and the page then compiles it once downloaded.
  const wasm = fs.readFileSync('www/pkg/h100e_bg.wasm');
  await page.route('**/pkg/h100e_bg.wasm', (route) => route.fulfill({ body: wasm, contentType: 'application/octet-stream' }));
  await page.goto('/?to=India');
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#verdict')).toContainText(/license/i);
  await expect(page.locator('#status')).toBeEmpty();
});

test('an engine the server cannot send is named with its HTTP status, not as a compile error', async ({ page }) => {
  // www/engine.js checks the response before compiling: a 404 page is not "invalid wasm".
  await page.route('**/pkg/h100e_bg.wasm', (route) => route.fulfill({ status: 404, body: 'Not found', contentType: 'text/html' }));
  await page.goto('/?to=India');
  await expect(page.locator('#status')).toContainText('could not start');
  await expect(page.locator('#status')).toContainText('HTTP 404');
  // The pre-rendered answer stays for the reader.
  await expect(page.locator('#verdict')).toContainText(/license/i);
});
