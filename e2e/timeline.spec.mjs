// The timeline: dragging through the dates sets the rules menu to that day, and the answer and the
// map follow the regime in force; the events of the data are marked with their sources; the
// hypothetical regimes sit beside it. Expected values come from the engine.
import { test, expect } from '@playwright/test';

async function open(page, path) {
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
  // The timeline is offered with "As of a date…" in the rules menu.
  await expect(page.locator('#timeline-box')).toBeHidden();
  await page.selectOption('#regime', 'date');
  await page.locator('#timeline-box summary').click();
  await page.waitForSelector('#timeline-date');
}

const tools = (page, f, ...args) => page.evaluate(async (c) => {
  const m = await import('./tools/h100e.js');
  await m.default();
  return m[c.f](...c.args);
}, { f, args });

/** Moves the slider to a day as a drag would (input events). */
const drag = (page, iso) => page.locator('#timeline-date').evaluate((el, d) => {
  el.value = String(Math.round(Date.parse(`${d}T00:00:00Z`) / 86400000));
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, iso);

test('dragging to a day answers under the rules in force that day', async ({ page }) => {
  await open(page, '/?to=India&qty=2000');
  const t = await tools(page, 'timeline');
  const day = (iso) => String(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000));
  await expect(page.locator('#timeline-date')).toHaveAttribute('min', day(t.start));
  await expect(page.locator('#timeline-date')).toHaveAttribute('max', day(t.end));
  for (const iso of ['2024-06-01', '2025-03-01', '2025-09-01', '2026-08-01']) {
    await drag(page, iso);
    const want = await tools(page, 'evaluate', { to: 'India', chip: 'h100-sxm', quantity: '2000', end_user: 'none', g2g: false, date: iso });
    await expect(page.locator('#regime')).toHaveValue('date');
    await expect(page.locator('#date')).toHaveValue(iso);
    await expect(page.locator('#verdict')).toContainText(want.headline.slice(0, 50));
    await expect(page.locator('#timeline-now')).toContainText(t.periods.findLast((p) => p.from <= iso).short_name);
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe(iso);
  }
  // Under the AI Diffusion rule the map shows tiers.
  await drag(page, '2025-03-01');
  await expect(page.locator('#legend')).toContainText('Tier 1');
  await page.screenshot({ path: 'test-results/timeline-desktop.png' });
});

test('each day with events has a mark; a mark moves the slider there and lists the events with sources', async ({ page }) => {
  await open(page, '/?to=India');
  const t = await tools(page, 'timeline');
  // Every day with events is on exactly one mark (days too close to tell apart share one).
  const days = [...new Set(t.events.map((e) => e.date))].sort();
  const marked = (await page.locator('.tl-mark').evaluateAll((ms) => ms.map((m) => m.dataset.dates))).flatMap((d) => d.split(' ')).sort();
  expect(marked).toEqual(days);
  // A pointer reaches each mark: none is under another.
  const hidden = await page.locator('.tl-mark').evaluateAll((ms) => ms.filter((m) => {
    const r = m.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== m;
  }).map((m) => m.dataset.dates));
  expect(hidden).toEqual([]);
  const left = t.events.find((e) => e.kind === 'group-left' && e.text.includes('Cambodia'));
  const mark = page.locator(`.tl-mark[data-dates~="${left.date}"]`);
  await mark.click();
  const to = await mark.getAttribute('data-date');
  await expect(page.locator('#date')).toHaveValue(to);
  await page.locator('.tl-list summary').click();
  const item = page.locator(`.tl-events li[data-date="${left.date}"]`).filter({ hasText: 'Cambodia' });
  await expect(item).toHaveCount(1);
  await expect(item.locator('a')).toHaveAttribute('href', left.citation.url);
  // Hypothetical regimes are beside it, and choose those rules.
  for (const r of t.hypothetical) await expect(page.locator(`.tl-hyp [data-regime="${r.id}"]`)).toHaveCount(1);
  await page.locator(`.tl-hyp [data-regime="${t.hypothetical[0].id}"]`).click();
  await expect(page.locator('#regime')).toHaveValue(t.hypothetical[0].id);
  await expect(page.locator('#verdict')).toContainText('Hypothetical');
  // So is the AI Diffusion rule on the books (updates-2026-12.md row 6), with the day its text took effect.
  expect(t.unenforced.map((r) => r.id)).toEqual(['codified']);
  await open(page, '/?to=India');
  const books = page.locator('.tl-hyp [data-regime="codified"]');
  await expect(books).toContainText('in the CFR since 13 Jan 2025');
  await books.click();
  await expect(page.locator('#regime')).toHaveValue('codified');
  await expect(page.locator('#verdict')).toHaveClass(/\bhyp\b/);
});

test('the slider works from the keyboard, a day at a time', async ({ page }) => {
  await open(page, '/?to=India');
  await page.locator('#timeline-date').focus();
  await page.keyboard.press('Home');
  const t = await tools(page, 'timeline');
  await expect(page.locator('#date')).toHaveValue(t.start);
  await page.keyboard.press('ArrowRight');
  const next = new Date(Date.parse(`${t.start}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
  await expect(page.locator('#date')).toHaveValue(next);
  await expect(page.locator('#timeline-date')).toHaveAttribute('aria-valuetext', /2023: 2023–24 rules/);
});
