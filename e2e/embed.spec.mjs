// The embed inside a newsroom page on another origin: it reports its height in the formats hosts
// listen for, the optional host script sizes the frame, its options hold, a sandbox that stops it
// is explained, and the "Embed" control's code reproduces the answer.
import { test, expect } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8123);
const EMBED = `http://127.0.0.1:${PORT}/embed.html`;
const HOST = `http://127.0.0.1:${PORT + 1}/host.html`;
const host = (src, extra = '') => `${HOST}?src=${encodeURIComponent(src)}${extra}`;

test('the embed posts its height as Datawrapper, AMP and embed.ly expect, and the host script sizes it', async ({ page }) => {
  await page.goto(host(`${EMBED}?to=India&qty=2000&id=chip-rule`, '&resize=1'));
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#verdict')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__messages.length)).toBeGreaterThanOrEqual(3);
  const messages = await page.evaluate(() => window.__messages);
  const dw = messages.find((m) => m && m['datawrapper-height']);
  const amp = messages.findLast((m) => m && m.sentinel === 'amp');
  const ly = messages.map((m) => { try { return JSON.parse(m); } catch { return null; } }).find((m) => m && m.context === 'iframe.resize');
  expect(dw['datawrapper-height']['chip-rule']).toBeGreaterThan(300);
  expect(amp.type).toBe('embed-size');
  expect(ly.height).toBe(dw['datawrapper-height']['chip-rule']);
  expect(ly.src).toContain('embed.html');
  // The host script set the frame to the last height the frame reported.
  await expect.poll(async () => (await page.locator('iframe').boundingBox()).height).toBeGreaterThan(300);
  const last = await page.evaluate(() => window.__messages.filter((m) => m && m.sentinel === 'amp').pop().height);
  expect(Math.round((await page.locator('iframe').boundingBox()).height)).toBe(last);
  // No site chrome inside; a link to the full calculator with the same question.
  await expect(frame.locator('.masthead, #intro, footer.foot')).toHaveCount(0);
  // Pinned like "Copy link": the rules that answered and the dataset version.
  await expect(frame.locator('#full-link')).toHaveAttribute('href', /to=India.*qty=2000.*&v=\d/);
  await expect(frame.locator('#full-link')).toHaveAttribute('href', /regime=[a-z]/);
  await expect(frame.locator('#full-link')).not.toHaveAttribute('href', /id=|view=|controls=/);
});

test('options: only the answer, only the map, and a fixed graphic without controls', async ({ page }) => {
  await page.goto(`${EMBED}?to=India&view=answer`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#verdict')).toBeVisible();
  await expect(page.locator('.mapbox')).toBeHidden();
  await page.goto(`${EMBED}?to=India&view=map&controls=none`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#map svg.world')).toBeVisible();
  await expect(page.locator('.verdict-box')).toBeHidden();
  await expect(page.locator('#query')).toBeHidden();
  await expect(page.locator('#regime')).toBeHidden();
  // A fixed graphic: clicking a country does not change the question.
  await page.locator('#map svg.world [data-country="BR"]').click();
  await expect(page).toHaveURL(/to=India/);
  await page.goto(`${EMBED}?to=India&view=sideways`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#notices')).toContainText('“both” or “answer” or “map”');
});

test('a sandbox that stops the calculator is explained within seconds, with the full page linked', async ({ page }) => {
  await page.goto(host(`${EMBED}?to=India&qty=2000`, '&sandbox=allow-scripts'));
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#status')).toContainText('could not start in this frame', { timeout: 8000 });
  await expect(frame.locator('#status a')).toHaveAttribute('href', /to=India/);
  // It still tells the host its height, so the message is seen.
  await expect.poll(() => page.evaluate(() => window.__messages.filter((m) => m && m.sentinel === 'amp').length)).toBeGreaterThan(0);
});

test('the "Embed" control gives iframe code that reproduces the answer', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?regime=diffusion2025&to=India&qty=2000');
  await page.waitForSelector('html[data-ready]');
  await page.click('#embed');
  const code = await page.locator('#embed-code').inputValue();
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?regime=diffusion2025&amp;to=India&amp;qty=2000&amp;v=[\d.]+" title="h100e: 2,000 × NVIDIA H100 SXM5 80GB to India, AI Diffusion rule \(Jan 2025\)" loading="lazy" allow="clipboard-write" width="100%"/);
  expect(code).toContain('embed-resize.js');
  const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const allow = code.match(/ allow="([^"]+)"/)?.[1];
  expect(allow).toBe('clipboard-write');
  const verdict = await page.locator('#verdict').textContent();
  await page.goto(host(src, `&resize=1&allow=${allow}`));
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#verdict')).toHaveText(verdict);
  // The code's permission lets the frame's own "Copy link" copy; the link is the full calculator's.
  await frame.locator('#copy-link').click();
  await expect(frame.locator('.share-status')).toHaveText('Link copied.');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?regime=diffusion2025&to=India&qty=2000&v=/);
});

test('where the host blocks copying, the frame shows the link selected, and links that leave it open a new tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A host that framed the embed without the code's allow="clipboard-write".
  await page.goto(host(`${EMBED}?regime=diffusion2025&to=India&qty=2000`));
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#verdict')).toBeVisible();
  await frame.locator('#copy-link').click();
  await expect(frame.locator('.share-status')).toContainText('Copying is blocked here');
  const link = frame.locator('#share-link');
  await expect(link).toBeVisible();
  await expect(link).toBeFocused();
  await expect(link).toHaveValue(/\?regime=diffusion2025&to=India&qty=2000&v=/);
  const selected = await link.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(await link.inputValue());
  // The sources page opens beside the article, not inside the frame in place of the calculator.
  const popup = page.waitForEvent('popup');
  await frame.getByRole('link', { name: 'Sources and method' }).click();
  await expect(await popup).toHaveURL(/sources\.html$/);
  await expect(frame.locator('#verdict')).toBeVisible();
  expect(page.frames()[1].url()).toContain('embed.html');
});

test('a fixed graphic says what it shows: rules, date, order, dataset and tool, readable at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${EMBED}?date=2024-06-01&to=India&chip=b200&qty=5000&view=map&controls=none&map=outcome`);
  await page.waitForSelector('html[data-ready]');
  const e = await page.evaluate(async () => {
    const m = await import('./pkg/h100e.js');
    await m.default();
    const v = m.evaluate({ to: 'India', chip: 'b200', quantity: '5000', date: '2024-06-01' });
    return { rules: v.regime.short_name, chip: v.chip.name, version: m.dataset().data.version };
  });
  const line = page.locator('#graphic-source');
  await expect(line).toBeVisible();
  await expect(line).toHaveText(`Rules: ${e.rules}, as of 1 June 2024. Order: 5,000 × ${e.chip}. Source: h100e, dataset ${e.version}.`);
  expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 320)).toBe(true);
  await page.screenshot({ path: 'test-results/embed-fixed-source-320.png', fullPage: true });
  // Hypothetical rules and scenarios are marked; the tier map names no order.
  await page.goto(`${EMBED}?regime=proposal2025&to=India&view=map&controls=none`);
  await page.waitForSelector('html[data-ready]');
  await expect(line).toHaveText(/^Rules: Reported 2025 proposal \(hypothetical\), as of \d+ [A-Z][a-z]+ \d{4}\. Source: h100e, dataset [\d.]+\.$/);
  await page.goto(`${EMBED}?regime=diffusion2025&to=Israel&chip=b200&qty=300&scenario=lpp%3D500h100e&view=map&controls=none&map=outcome`);
  await page.waitForSelector('html[data-ready]');
  await expect(line).toHaveText(/^Rules: hypothetical scenario on the AI Diffusion rule \(Jan 2025\) \(the license-free allowance set to about 500 .*\), as of .*\. Order: 300 × NVIDIA B200.*\. Source: h100e, dataset [\d.]+\.$/);
  // With controls, the form and rules menu say it; no line.
  await page.goto(`${EMBED}?to=India`);
  await page.waitForSelector('html[data-ready]');
  await expect(line).toBeHidden();
});

test('the host\'s theme wins over the reader\'s system setting', async ({ page }) => {
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) / 3);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${EMBED}?to=India&theme=dark`);
  await page.waitForSelector('html[data-ready]');
  expect(await bg()).toBeLessThan(80);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${EMBED}?to=India&theme=light`);
  await page.waitForSelector('html[data-ready]');
  expect(await bg()).toBeGreaterThan(200);
  // "auto" (the default) follows the reader.
  await page.goto(`${EMBED}?to=India`);
  await page.waitForSelector('html[data-ready]');
  expect(await bg()).toBeLessThan(80);
});
