// dist/h100e.html: the whole calculator in one file, opened from disk, with the URL state, no
// request for anything, and no breach of its own Content-Security-Policy.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';

test('the single file answers from file://, keeps the URL state, requests nothing', async ({ page }) => {
  const file = path.resolve('dist/h100e.html');
  expect(fs.existsSync(file)).toBe(true);
  const requests = [];
  const problems = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(`file://${file}?regime=diffusion2025&to=India&qty=2000`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#verdict')).toContainText('License required');
  await expect(page.locator('#key-numbers')).toContainText('India');
  await page.waitForSelector('#map[data-insets="ready"]');
  await page.locator('#map svg.world [data-country="BR"]').click();
  await expect(page.locator('#card')).toContainText('Brazil');
  // The answer's JSON carries the chip's research text, which the page's engine leaves out: the
  // single file has it inlined (it fetches nothing), the same as chip-research.json beside the page.
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="json"]')]);
  const answer = JSON.parse(fs.readFileSync(await saved.path(), 'utf8'));
  const research = JSON.parse(fs.readFileSync('www/chip-research.json', 'utf8'));
  expect(answer.chip.notes).toBeTruthy();
  expect({ notes: answer.chip.notes, verification: answer.chip.verification, sources: answer.chip.sources }).toEqual(research.chips[answer.chip.id]);
  // Nothing links to files the single file does not have.
  await expect(page.locator('#embed')).toHaveCount(0);
  await expect(page.locator('a[href="sources.html"], a[href="glossary.html"]')).toHaveCount(0);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
});
