// The glossary (www/glossary.js, the #intro section of www/index.html, the definitions of www/glossary.html) on its harness page, e2e/fixtures/glossary-harness.html
// (scripts/serve.mjs serves only www/): each term wrapped once, never inside a link, its definition
// shown on hover, focus and tap and read from the fragment's <dl>, Escape, one popover at a time, the
// accessible description, what the fragment links to, and the cost of annotate() on real answers.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const fixture = (name) => JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const squash = (s) => s.replace(/\s+/g, ' ').trim();

async function open(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto('/glossary-harness.html');
  await page.waitForSelector('html[data-ready]');
  return problems;
}

/** The definition's words as the glossary holds them. */
async function definition(page, id) {
  return squash(await page.locator(`#glossary #${id}-d`).textContent());
}

const pop = (page) => page.locator('#term-pop');
const term = (page, id) => page.locator(`#answer .term[data-term="${id}"]`);

test('each term is wrapped once, at its first use outside links, and the text is unchanged', async ({ page }) => {
  const problems = await open(page);
  const answer = page.locator('#answer');
  for (const [id, where, words] of [
    ['g-denial', '#verdict', 'presumption of denial'],
    ['g-tpp', '#s1', 'TPP'],
    ['g-h100e', '#s1', 'H100-equivalents'],
    ['g-country-group', '#s2', 'Country Group'],
    ['g-d5', '#s2', 'D:5'],
    ['g-d1', '#s2', 'D:1'],
    ['g-lpp', '#s3', 'License Exception LPP'],
    ['g-macau', '#s3', 'Macau'],
  ]) {
    await expect(term(page, id), id).toHaveCount(1);
    await expect(answer.locator(`${where} > .term[data-term="${id}"]`), `${id} in ${where}`).toHaveText(words);
  }
  // Nothing else: no term in the link, none for later uses, none inside longer words (NLPP, D:50, TPPs, 3A090.c).
  await expect(answer.locator('.term')).toHaveCount(8);
  expect(await page.evaluate(() => window.harness.wrapped)).toBe(8);
  await expect(page.locator('#cite-link .term')).toHaveCount(0);
  await expect(page.locator('#cite-link')).toHaveText('License Exception LPP, 15 CFR 740.29 (D:5, TPP)');
  await expect(page.locator('#s4 .term, #s5 .term')).toHaveCount(0);
  // The words read aloud are the same, and a term button holds only its own words.
  expect(await answer.textContent()).toBe(await page.evaluate(() => window.harness.before));
  for (const b of await answer.locator('.term').all()) {
    expect(await b.evaluate((el) => el.childNodes.length === 1 && el.firstChild.nodeType === 3)).toBe(true);
  }
  // A second call wraps nothing more.
  expect(await page.evaluate(() => window.harness.annotate(document.getElementById('answer')))).toBe(0);
  await expect(answer.locator('.term')).toHaveCount(8);
  expect(problems).toEqual([]);
});

test('hovering a term shows its definition from the glossary; leaving it hides it', async ({ page }) => {
  await open(page);
  await expect(pop(page)).toHaveCount(0); // created on first use
  await term(page, 'g-lpp').hover();
  await expect(pop(page)).toBeVisible();
  await expect(pop(page).locator('.term-pop-title')).toHaveText('LPP: License Exception Low Processing Performance');
  expect(squash(await pop(page).textContent())).toContain(await definition(page, 'g-lpp'));
  // The pointer can move onto the popover without it closing (WCAG 1.4.13), then away.
  await pop(page).hover();
  await page.waitForTimeout(300);
  await expect(pop(page)).toBeVisible();
  await page.mouse.move(1, 1);
  await expect(pop(page)).toBeHidden();
  // Another term shows its own words, and only one term is marked open.
  await term(page, 'g-d5').hover();
  await expect(pop(page).locator('.term-pop-title')).toHaveText('Country Group D:5');
  expect(squash(await pop(page).textContent())).toContain(await definition(page, 'g-d5'));
  expect(squash(await pop(page).textContent())).not.toContain(await definition(page, 'g-lpp'));
  await expect(page.locator('.term[data-open]')).toHaveCount(1);
});

test('Tab reaches each term in reading order, focus shows its definition, Escape closes it', async ({ page }) => {
  await open(page);
  await page.focus('#start');
  await page.keyboard.press('Tab');
  await expect(term(page, 'g-denial')).toBeFocused();
  await expect(pop(page)).toBeVisible();
  expect(squash(await pop(page).textContent())).toContain(await definition(page, 'g-denial'));
  await page.keyboard.press('Escape');
  await expect(pop(page)).toBeHidden();
  await expect(term(page, 'g-denial')).toBeFocused();
  // The link is next (its LPP, D:5 and TPP are not terms), then the terms of the steps.
  await page.keyboard.press('Tab');
  await expect(page.locator('#cite-link')).toBeFocused();
  await expect(pop(page)).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(term(page, 'g-tpp')).toBeFocused();
  await expect(pop(page).locator('.term-pop-title')).toHaveText('TPP: Total Processing Performance');
  expect(squash(await pop(page).textContent())).toContain(await definition(page, 'g-tpp'));
  // Enter pins it; Tab onward moves the one popover to the next term.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(term(page, 'g-h100e')).toBeFocused();
  await expect(pop(page).locator('.term-pop-title')).toHaveText('H100-equivalent (H100e)');
  await expect(page.locator('.term[data-open]')).toHaveCount(1);
  await expect(page.locator('.term-pop')).toHaveCount(1);
});

test('screen readers get the definition as the term’s description, with the glossary closed', async ({ page }) => {
  await open(page);
  await expect(page.locator('#glossary')).toBeHidden();
  await expect(term(page, 'g-d5')).toHaveAccessibleName('D:5');
  await expect(term(page, 'g-d5')).toHaveAccessibleDescription(/^Country Group D:5 Countries under a US arms embargo/);
  await expect(term(page, 'g-lpp')).toHaveAccessibleDescription(/License Exception Low Processing Performance .*15 CFR 740\.29/);
  // The popover repeats the same words for the eye only.
  await term(page, 'g-d5').focus();
  await expect(pop(page)).toHaveAttribute('aria-hidden', 'true');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });
  test('a tap opens the definition and keeps it open; a second tap or a tap elsewhere closes it', async ({ page }) => {
    await open(page);
    await term(page, 'g-d5').tap();
    await expect(pop(page)).toBeVisible();
    expect(squash(await pop(page).textContent())).toContain(await definition(page, 'g-d5'));
    await page.waitForTimeout(300); // no hover timer closes it
    await expect(pop(page)).toBeVisible();
    await term(page, 'g-d5').tap();
    await expect(pop(page)).toBeHidden();
    await term(page, 'g-macau').tap();
    await expect(pop(page).locator('.term-pop-title')).toHaveText('Macau');
    await page.locator('#start').tap(); // not #s5: the open popover covers it
    await expect(pop(page)).toBeHidden();
  });
});

test('the popover is readable in light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await term(page, 'g-tpp').hover();
    await expect(pop(page)).toBeVisible();
    const ratio = await pop(page).evaluate((el) => {
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = rgb(c).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const cs = getComputedStyle(el);
      const [a, b] = [lum(cs.color), lum(cs.backgroundColor)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
    expect(ratio, colorScheme).toBeGreaterThan(7);
  }
});

test('the fragment: short intro, one entry per term, links to primary texts labelled as such', async ({ page }) => {
  await open(page);
  const intro = page.locator('#intro');
  await expect(intro.locator('h2')).toHaveCount(1);
  await expect(intro.locator('script, [onclick], [style]')).toHaveCount(0);
  // The introduction, without its citation links: about 180 words at most.
  const words = await intro.evaluate((el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('a').forEach((a) => a.remove());
    return c.textContent.split(/\s+/).filter(Boolean).length;
  });
  expect(words).toBeLessThanOrEqual(185);
  // Each <dt> has an id g-…, forms to match, and its own <dd>; no form belongs to two terms.
  const entries = await page.locator('#glossary > dt').evaluateAll((dts) => dts.map((dt) => ({
    id: dt.id, match: dt.dataset.match, dd: dt.nextElementSibling?.tagName === 'DD' ? dt.nextElementSibling.id : null })));
  expect(entries.length).toBeGreaterThanOrEqual(40);
  const forms = new Map();
  for (const e of entries) {
    expect(e.id).toMatch(/^g-[a-z0-9-]+$/);
    expect(e.dd).toBe(`${e.id}-d`);
    for (const f of e.match.split('|')) { expect(forms.get(f), f).toBeUndefined(); forms.set(f, e.id); }
  }
  for (const required of ['TPP', 'H100-equivalent', 'performance density', 'ECCN', '3A090', '3A090.a', '3A090.b', 'LPP', 'AIA', 'ACA', 'NAC',
    'VEU', 'UVEU', 'NVEU', 'D:1', 'D:4', 'D:5', 'A:5', 'A:6', 'Country Group', 'IFR', 'Federal Register', 'FR', 'EAR', 'CFR',
    'presumption of denial', 'presumption of approval', 'case-by-case', 'reexport', 'Tier 1', 'Tier 2', 'Tier 3', 'country allocation',
    'country cap', 'datacenter', 'non-datacenter']) {
    expect(forms.has(required), required).toBe(true);
  }
  // Every link is https; one that names a regulation (CFR, FR) opens the eCFR, the Federal Register or govinfo.
  const links = await page.locator('#intro a').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.href })));
  for (const l of links.filter((k) => new URL(k.href).origin !== new URL(page.url()).origin)) {
    expect(l.href, l.text).toMatch(/^https:\/\//);
    if (/\bC?FR\b/.test(l.text)) expect(l.href, l.text).toMatch(/^https:\/\/(www\.ecfr\.gov|www\.federalregister\.gov|www\.govinfo\.gov)\//);
  }
});

for (const name of ['answer-saudi-diffusion2025.json', 'answer-china-h200-reexport.json']) {
  test(`a real answer (${name}) is annotated in well under 2 ms without changing its text`, async ({ page }) => {
    await open(page);
    const r = await page.evaluate((v) => window.renderFixture(v, 200), fixture(name));
    console.log(`annotate ${name}: ${r.steps} steps, ${r.count} terms, first call ${r.first.toFixed(3)} ms, mean ${r.mean.toFixed(3)} ms`);
    expect(r.same).toBe(true);
    expect(r.count).toBeGreaterThanOrEqual(12);
    expect(r.perCopy).toBe(r.count);
    expect(r.mean).toBeLessThan(2);
    // No term inside a citation link, and each term at most once.
    await expect(page.locator('#real a .term')).toHaveCount(0);
    const ids = await page.locator('#real .term').evaluateAll((bs) => bs.map((b) => b.dataset.term));
    expect(new Set(ids).size).toBe(ids.length);
  });
}

// On the calculator itself: the terms come with the glossary's code when the page is idle, each
// described by its own words; the definitions (glossary.html) load with the first use of a term,
// by pointer, keyboard or touch, and then describe every marked term.
test.describe('on the page', () => {
  async function ready(page) {
    const loads = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/glossary.html') loads.push(r.url()); });
    await page.goto('/?to=China&chip=h20&qty=2000');
    await page.waitForSelector('html[data-ready]');
    await page.waitForSelector('#answer .term');
    const first = page.locator('#answer .term').first();
    const id = await first.getAttribute('data-term');
    return { loads, first, id, words: squash(await page.locator(`#glossary-holder #${id}`).textContent()) };
  }
  async function defined(page, t, id, loads) {
    await expect(page.locator(`#glossary-holder #${id}-d`)).toBeAttached();
    const def = squash(await page.locator(`#glossary-holder #${id}-d`).textContent());
    expect(def.length).toBeGreaterThan(40);
    await expect(pop(page)).toBeVisible();
    await expect.poll(async () => squash(await pop(page).textContent())).toContain(def);
    await expect(t).toHaveAttribute('aria-describedby', `${id} ${id}-d`);
    await expect(t).toHaveAccessibleDescription(new RegExp(`^${squash(await page.locator(`#${id}`).textContent()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    expect(loads).toHaveLength(1);
  }

  test('before any use a term reads its words, and hovering one loads every definition', async ({ page }) => {
    const { loads, first, id, words } = await ready(page);
    expect(words.length).toBeGreaterThan(2);
    await expect(first).toHaveAttribute('aria-describedby', id);
    await expect(first).toHaveAccessibleDescription(words);
    await expect(page.locator('#glossary-holder dd')).toHaveCount(0);
    expect(loads).toEqual([]);
    await first.hover();
    await expect(pop(page).locator('.term-pop-title')).toHaveText(words);
    await defined(page, first, id, loads);
    // Every term marked before the load now has its definition as its description.
    const terms = await page.locator('.term[data-term]').evaluateAll((bs) => bs.map((b) => [b.dataset.term, b.getAttribute('aria-describedby')]));
    expect(terms.length).toBeGreaterThan(3);
    for (const [t, d] of terms) expect(d).toBe(`${t} ${t}-d`);
  });

  test('keyboard focus entering the answer loads the definitions before a term is reached', async ({ page }) => {
    const { loads, first, id } = await ready(page);
    // A link of the answer that is no term (a citation).
    await page.locator('#answer a').first().focus();
    await expect(page.locator(`#glossary-holder #${id}-d`)).toBeAttached();
    await first.focus();
    await defined(page, first, id, loads);
  });

  test('keyboard focus on a term loads its definition', async ({ page }) => {
    const { loads, first, id } = await ready(page);
    await first.focus();
    await defined(page, first, id, loads);
  });

  test('the popover\'s code loads with the first use: a pointer that passed over a term meanwhile leaves nothing open', async ({ page }) => {
    // The popover's code (glossary-popover.js) is held back, so the pointer leaves before it arrives.
    let release;
    const held = new Promise((ok) => { release = ok; });
    const asked = [];
    await page.route('**/js/glossary-popover-*.js', async (route) => { asked.push(route.request().url()); await held; await route.continue(); });
    const { loads, first, id } = await ready(page);
    expect(asked).toEqual([]);
    await first.hover();
    await expect.poll(() => asked.length).toBe(1);
    await page.mouse.move(2, 2);
    release();
    await expect(page.locator(`#glossary-holder #${id}-d`)).toBeAttached();
    await expect(pop(page)).toBeHidden();
    await first.hover();
    await defined(page, first, id, loads);
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true });
    test('a tap on a term loads its definition', async ({ page }) => {
      const { loads, first, id } = await ready(page);
      await first.tap();
      await defined(page, first, id, loads);
    });
  });
});

test('on the page, terms in the closed "all steps" are marked when it opens, not before', async ({ page }) => {
  await page.goto('/?regime=diffusion2025&to=India&qty=2000');
  await page.waitForSelector('html[data-ready]');
  const inside = page.locator('#all-steps > ol .term');
  // Terms elsewhere in the answer are marked once the page is idle.
  await expect(page.locator('#answer .term').first()).toBeAttached();
  await expect(inside).toHaveCount(0);
  await page.locator('#all-steps > summary').click();
  await expect(inside.first()).toBeAttached();
  // Each is still a term's first use in the answer.
  const ids = await page.locator('#answer .term').evaluateAll((els) => els.map((e) => e.dataset.term));
  expect(new Set(ids).size).toBe(ids.length);
});
