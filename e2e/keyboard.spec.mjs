// Keyboard only: a walk with Tab through the whole page (form, rules menu, map, legend, share
// controls, steps), with a visible focus indicator at every stop, and the answer announced in the
// live region; and pointer targets of at least 24 × 24 CSS pixels or spaced as WCAG 2.2's
// target-size criterion (2.5.8) allows, none covered by another element.
import { test, expect } from '@playwright/test';

/** The focused element, how to name it, and whether a focus indicator is visible on it. */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}${el.dataset.country ? `[${el.dataset.country}]` : ''}${el.name ? `[name=${el.name}]` : ''}`;
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  let indicator;
  if (el.closest('.map') && el.dataset.country) {
    // Map countries are outlined by a ring drawn above every shape (map.js), not by CSS outline.
    const ring = el.ownerSVGElement?.querySelector('.ring-focus');
    const r = ring?.getBoundingClientRect();
    indicator = !!ring && !!ring.getAttribute('d') && getComputedStyle(ring).display !== 'none' && r.width > 0 && Number.parseFloat(getComputedStyle(ring).strokeWidth) >= 2;
  } else {
    const s = getComputedStyle(el);
    indicator = el.matches(':focus-visible') && ((s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none');
  }
  return { name, indicator, onScreen, inMap: !!el.closest('.map'), inLegend: !!el.closest('.legend') };
}

test('Tab reaches every part of the page with a visible focus indicator, and the answer is announced', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/?to=India&qty=1000');
  await page.waitForSelector('html[data-ready]');
  await page.waitForSelector('#map[data-insets="ready"]');
  const stops = [];
  const bad = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const st = await page.evaluate(focusState);
    if (!st) break;
    // Round once: the walk ends when focus comes back to its first stop.
    const back = await page.evaluate((n) => {
      if (n === 0) window.firstStop = document.activeElement;
      return n > 0 && document.activeElement === window.firstStop;
    }, stops.length);
    if (back) break;
    if (!st.indicator) bad.push(`${st.name}: no visible focus indicator`);
    if (!st.onScreen) bad.push(`${st.name}: focused off screen`);
    stops.push(st);
    // The buyer details and every step are opened as a keyboard user would, so what they hold is walked too.
    if (await page.evaluate(() => document.activeElement.matches('#more > summary, #all-steps > summary') && !document.activeElement.parentElement.open)) {
      await page.keyboard.press('Enter');
    }
  }
  const names = stops.map((s) => s.name);
  for (const want of ['#to', '#chip', '#qty', '#eu', '#hq', '#prior', '#g2g', '#regime', '#mode', '#copy-link', '#cite']) {
    expect(names.some((n) => n.includes(want)), `Tab reaches ${want} (${names.join(' ')})`).toBe(true);
  }
  expect(stops.some((s) => s.inMap), 'Tab reaches the map').toBe(true);
  expect(stops.some((s) => s.inLegend), 'Tab reaches the legend').toBe(true);
  expect(names.filter((n) => n.startsWith('a')).length, 'Tab reaches the steps\' citations').toBeGreaterThan(3);
  expect(bad).toEqual([]);

  // Answered from the keyboard alone: a new quantity typed, the answer is spoken by the live region.
  await page.focus('#qty');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50000');
  await expect(page.locator('#live')).toHaveText(await page.locator('#verdict').textContent());
  await expect(page.locator('#live')).toHaveAttribute('aria-live', 'polite');
  // A refusal is spoken too.
  await page.keyboard.type('x');
  await expect(page.locator('#live')).toContainText('Cannot answer yet: bad quantity');
});

/** Pointer targets smaller than 24 × 24 without the spacing exception, and targets covered by others. */
function targetProblems() {
  const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary, [tabindex="0"], label')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      // The map's countries are picked by land and 24-pixel targets over water: map.spec.mjs.
      return r.width > 0 && r.height > 0 && !el.closest('.map, [hidden], .sr-only') && getComputedStyle(el).visibility !== 'hidden';
    });
  // An input and its label are one target; a link in a sentence is exempt (2.5.8 "inline").
  const boxOf = (el) => {
    let r = el.getBoundingClientRect();
    const label = el.labels?.[0] || (el.tagName === 'LABEL' && el.control);
    if (label) {
      const l = label.getBoundingClientRect();
      r = { left: Math.min(r.left, l.left), top: Math.min(r.top, l.top), right: Math.max(r.right, l.right), bottom: Math.max(r.bottom, l.bottom) };
    }
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.right - r.left, height: r.bottom - r.top };
  };
  // (A link, or a glossary term's button, within a sentence of other text.)
  const inline = (el) => (el.tagName === 'A' || el.matches('button.term')) && el.parentElement
    && el.parentElement.textContent.trim().length > el.textContent.trim().length + 2 && !el.parentElement.matches('nav, .share');
  const boxes = targets.map((el) => ({ el, box: boxOf(el) }));
  const out = [];
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent || el.value || '').trim().slice(0, 30)}”`;
  for (const { el, box } of boxes) {
    if (inline(el)) continue;
    if (box.width < 24 || box.height < 24) {
      // Spacing exception: a 24-pixel circle on the target's centre meets no other target.
      const cx = (box.left + box.right) / 2;
      const cy = (box.top + box.bottom) / 2;
      const near = boxes.filter((o) => o.el !== el && !o.el.contains(el) && !el.contains(o.el) && o.el !== el.labels?.[0] && o.el !== el.control)
        .filter(({ box: b }) => {
          const dx = Math.max(b.left - cx, 0, cx - b.right);
          const dy = Math.max(b.top - cy, 0, cy - b.bottom);
          return dx * dx + dy * dy < 12 * 12;
        });
      if (near.length) out.push(`${describe(el)} is ${Math.round(box.width)}×${Math.round(box.height)} and within 12px of ${describe(near[0].el)}`);
    }
    // Nothing lies over the target's centre.
    const cx = (box.left + box.right) / 2;
    const cy = (box.top + box.bottom) / 2;
    if (cy > 0 && cy < innerHeight && cx > 0 && cx < innerWidth) {
      const top = document.elementFromPoint(cx, cy);
      if (top && !el.contains(top) && !top.contains(el) && top !== el.labels?.[0] && !el.labels?.[0]?.contains(top) && top !== el.control) {
        out.push(`${describe(el)} is covered by ${describe(top)}`);
      }
    }
  }
  return out;
}

for (const [w, h, label] of [[1366, 900, 'desktop'], [375, 740, 'phone']]) {
  test(`pointer targets are at least 24 × 24 or spaced, and none is covered (${label})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/?to=India&qty=1000');
    await page.waitForSelector('html[data-ready]');
    await page.locator('#more summary').click();
    await page.locator('#all-steps summary').click();
    const bad = [];
    // Each screenful in turn, so elementFromPoint sees what a reader would tap.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += h - 100) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      bad.push(...await page.evaluate(targetProblems));
    }
    expect([...new Set(bad)]).toEqual([]);
  });
}
