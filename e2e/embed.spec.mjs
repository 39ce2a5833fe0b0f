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
  await expect(frame.locator('#full-link')).toHaveAttribute('href', /to=India.*qty=2000/);
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
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?regime=diffusion2025&amp;to=India&amp;qty=2000&amp;v=[\d.]+" title="h100e: 2,000 × NVIDIA H100 SXM5 80GB to India, AI Diffusion rule \(Jan 2025\)" loading="lazy" width="100%"/);
  expect(code).toContain('embed-resize.js');
  const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const verdict = await page.locator('#verdict').textContent();
  await page.goto(host(src, '&resize=1'));
  await expect(page.frameLocator('iframe').locator('#verdict')).toHaveText(verdict);
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
