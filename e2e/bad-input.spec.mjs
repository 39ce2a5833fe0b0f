// The bad-input matrix (tests/bad-input.json, also run natively by tests/bad_input.rs) through
// the wasm API in Chromium and through the page: typed into its fields and put in its URL. Every
// refusal names its field and what it accepts, is short, shows no hidden character, marks the
// field at fault, keeps what was typed and leaves every other field and the URL's other values
// as they were; nothing typed becomes markup.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const M = JSON.parse(fs.readFileSync('tests/bad-input.json', 'utf8'));
/** The page's input (and URL parameter) for each wire field; `readings` has none on the page. */
const INPUT = {
  to: 'to', hq: 'hq', from: 'from', chip: 'chip', tops: 'tops', bits: 'bits', die_area: 'area', dram_bandwidth: 'bw',
  quantity: 'qty', prior_tpp: 'prior', installed_tpp: 'installed', buyer_total_tpp: 'total', end_user: 'eu', regime: 'regime', date: 'date',
};
const TYPED = new Set(['to', 'hq', 'from', 'tops', 'bits', 'die_area', 'dram_bandwidth', 'quantity', 'prior_tpp', 'installed_tpp', 'buyer_total_tpp']);
const HIDDEN = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A matrix value as text, as a reader would type it ({number} as JavaScript writes the number). */
function text(v) {
  if (v === null) return '';
  if (typeof v === 'object' && 'repeat' in v) return v.repeat.repeat(v.times);
  if (typeof v === 'object' && 'number' in v) return String(Number(v.number));
  return String(v);
}

/** What a refusal's message must contain (the same rule as tests/bad_input.rs). */
function needles(c) {
  return [c.says, M.names[c.field], c.accepts ?? M.accepts[c.field]];
}

/** Problems with one message, as strings. */
function problems(c, message) {
  const out = needles(c).filter((n) => !message.includes(n)).map((n) => `${c.id}: “${message.slice(0, 300)}” lacks “${n}”`);
  if (message.length > 1000) out.push(`${c.id}: message of ${message.length} characters`);
  if (HIDDEN.test(message)) out.push(`${c.id}: hidden character in the message`);
  return out;
}

async function ready(page, path) {
  await page.goto(path);
  await page.waitForSelector('html[data-ready]');
}

test('the wasm API refuses every case of the matrix with its field, code and message', async ({ page }) => {
  await ready(page, '/');
  const results = await page.evaluate(async (m) => {
    const api = await import('/pkg/h100e.js');
    await api.default();
    const value = (v) => {
      if (v !== null && typeof v === 'object' && 'repeat' in v) return v.repeat.repeat(v.times);
      if (v !== null && typeof v === 'object' && 'number' in v) return Number(v.number);
      if (Array.isArray(v)) return v.map(value);
      return v;
    };
    return m.cases.map((c) => {
      const q = { ...m.base };
      for (const [k, v] of Object.entries(c.set)) { if (v === null) delete q[k]; else q[k] = value(v); }
      try { api.evaluate(q); return { id: c.id, ok: true }; } catch (e) {
        return { id: c.id, ok: false, isError: e instanceof Error, field: e.field, code: e.code, message: String(e.message) };
      }
    });
  }, M);
  const bad = [];
  for (const [i, r] of results.entries()) {
    const c = M.cases[i];
    if (c.ok) { if (!r.ok) bad.push(`${c.id}: refused: ${r.message}`); continue; }
    if (r.ok) { bad.push(`${c.id}: answered`); continue; }
    if (!r.isError || r.field !== c.field || r.code !== c.code) bad.push(`${c.id}: ${r.field}/${r.code}, not ${c.field}/${c.code}`);
    bad.push(...problems(c, r.message));
  }
  expect(bad).toEqual([]);
  expect(results.length).toBe(M.cases.length);
});

/** The page's text fields hold at most this many characters (maxlength; links are cut the same). */
const FIELD_MAX = 200;

/** A value as the page's field holds it: cut to its maxlength, line breaks dropped by the browser. */
const asTyped = (v) => [...text(v).replace(/[\r\n]/g, '')].slice(0, FIELD_MAX).join('');

/** The needles of a case as the page shows it: a megabyte arrives cut to the field's length. */
function pageCase(c) {
  return c.says?.includes('(1048576 characters)') ? { ...c, says: c.says.replace('1048576', String(FIELD_MAX)) } : c;
}

/** Everything the typed test looks at, in one round trip, once the page has answered (the next frames). */
async function pageState() {
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  // The address bar follows fast changes within 0.4 s, and at once when the page is hidden
  // (urlstate.js): read it now.
  dispatchEvent(new Event('pagehide'));
  const error = document.getElementById('answer-error');
  const marked = [...document.querySelectorAll('[aria-invalid="true"]')];
  return {
    form: Object.fromEntries([...document.querySelectorAll('#app input, #app select')]
      .filter((el) => el.id).map((el) => [el.id, el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value])),
    url: Object.fromEntries(new URLSearchParams(location.search)),
    error: error ? error.innerText : null,
    markup: error ? error.querySelectorAll('*:not(p, strong, span)').length : 0,
    marked: marked.map((el) => el.id).join(),
    describedBy: marked.map((el) => el.getAttribute('aria-describedby')).join(),
    verdict: !!document.getElementById('verdict')?.checkVisibility(),
  };
}

/** Puts fields back to the baseline question as a reader would (input events; Enter for the destination). */
async function restore(values) {
  const base = { to: 'India', qty: '1000', chip: 'h100-sxm' };
  for (const [id] of values) {
    const el = document.getElementById(id);
    el.value = base[id] ?? '';
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    if (id === 'to') el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  }
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
}

/**
 * Cases the page can take by typing: every field they set is a text field (or the custom chip).
 * A field the API leaves out (null) is an empty field on the page: the case of that field empty.
 */
const typed = M.cases.filter((c) => Object.entries(c.set).every(([k, v]) => (TYPED.has(k) && v !== null) || (k === 'chip' && v === null))
  && (c.set.chip !== null || ('tops' in c.set && 'bits' in c.set)));

test('typed into the page: the message ties to the field, what was typed stays, nothing else moves', async ({ page }) => {
  test.setTimeout(240_000);
  await ready(page, '/?to=India&qty=1000');
  await page.locator('#more summary').click();
  const baseline = await page.evaluate(pageState);
  const bad = [];
  for (const c of typed) {
    if (c.set.chip === null) await page.selectOption('#chip', 'custom');
    const values = Object.entries(c.set).filter(([k]) => k !== 'chip').map(([k, v]) => [INPUT[k], text(v)]);
    for (const [id, v] of values) {
      await page.fill(`#${id}`, v);
      if (id === 'to') await page.press('#to', 'Enter');
    }
    const after = await page.evaluate(pageState);
    const field = c.field && INPUT[c.field];
    if (c.ok) {
      if (after.error !== null || !after.verdict) bad.push(`${c.id}: refused on the page: ${after.error}`);
    } else if (after.error === null) {
      bad.push(`${c.id}: no message on the page`);
    } else {
      bad.push(...problems(pageCase(c), after.error));
      if (after.marked !== field) bad.push(`${c.id}: marked ${after.marked}, not ${field}`);
      else if (!after.describedBy.split(' ').includes('answer-error')) bad.push(`${c.id}: not described by the error`);
      if (after.markup) bad.push(`${c.id}: markup in the message`);
      // A refused value stays as typed, to be corrected (an accepted name may be completed).
      for (const [id, v] of values) if (after.form[id] !== asTyped(v)) bad.push(`${c.id}: ${id} lost what was typed`);
    }
    const touched = new Set([...values.map(([id]) => id), ...(c.set.chip === null ? ['chip', 'tops', 'bits'] : [])]);
    for (const k of Object.keys(baseline.form)) if (!touched.has(k) && baseline.form[k] !== after.form[k]) bad.push(`${c.id}: ${k} changed`);
    for (const k of new Set([...Object.keys(baseline.url), ...Object.keys(after.url)])) {
      if (!touched.has(k) && baseline.url[k] !== after.url[k]) bad.push(`${c.id}: URL ${k} changed`);
    }
    // Back to the baseline question, which answers as it did.
    await page.evaluate(restore, c.set.chip === null ? [...values, ['chip']] : values);
    const back = await page.evaluate(pageState);
    if (back.error !== null || JSON.stringify(back.url) !== JSON.stringify(baseline.url)) bad.push(`${c.id}: not back to the baseline: ${back.error}`);
  }
  expect(bad).toEqual([]);
  expect(typed.length).toBeGreaterThan(120);
});

/**
 * Cases a link can carry: one field each (the page's one rules menu cannot hold a regime and a
 * date, and its custom figures exist only for a custom chip, so the conflicts are not links), no
 * NUL (a URL cannot carry one usefully) and no megabyte (the server refuses a request line that
 * long; links are cut to 200 characters anyway, and typing covers the megabyte). Each link is a
 * page load, so a link gets the first case of each field and refusal, and every case whose
 * characters the notice must escape or keep as text (controls, direction marks, markup); the
 * same messages are checked for every case above, from the engine through the wasm API.
 */
const seen = new Set();
const linked = M.cases.filter((c) => !c.ok && INPUT[c.field] && Object.keys(c.set).filter((k) => k !== 'chip' || c.set.chip !== null).length === (c.set.chip === null ? 3 : 1)
  && !Object.values(c.set).some((v) => v !== null && typeof v === 'object' && 'repeat' in v) && !Object.values(c.set).some((v) => typeof v === 'string' && v.includes('\0'))
  && !(c.set.chip === null && !('tops' in c.set && 'bits' in c.set)))
  .filter((c) => {
    const first = !seen.has(`${c.field} ${c.code}`);
    seen.add(`${c.field} ${c.code}`);
    return first || /html|script|control|bidi/.test(c.id);
  });

test('put in a link: a notice tied to the field gives the engine\'s reason and the rest of the link is used', async ({ page }) => {
  test.setTimeout(240_000);
  const bad = [];
  for (const c of linked) {
    const params = new URLSearchParams({ to: 'India', qty: '1000' });
    if (c.set.chip === null) params.set('chip', 'custom');
    for (const [k, v] of Object.entries(c.set)) if (k !== 'chip' || v !== null) params.set(INPUT[k], text(v));
    // A second, good value the link also asks for must survive the bad one.
    if (c.field !== 'prior_tpp') params.set('prior', '5');
    await ready(page, `/?${params}`);
    const param = INPUT[c.field];
    const n = page.locator(`#notices [data-field="${param}"]`);
    if (await n.count() !== 1) { bad.push(`${c.id}: ${await n.count()} notices for ${param}`); continue; }
    const words = await n.innerText();
    const why = words.slice(words.indexOf('which cannot be used (') + 22, words.lastIndexOf('). The answer below'));
    bad.push(...problems(c, why));
    // The page has fields and a chip list, not the CLI's options: its notices never name one.
    if (/(^|\s|\()--[a-z]/.test(why)) bad.push(`${c.id}: the notice names a command-line option: ${why}`);
    if (HIDDEN.test(words)) bad.push(`${c.id}: hidden character in the notice`);
    if (await page.locator('#notices *:not(p, button)').count()) bad.push(`${c.id}: markup in the notice`);
    await expect(page.locator('#verdict'), c.id).toBeVisible();
    if (c.field !== 'prior_tpp' && await page.inputValue('#prior') !== '5') bad.push(`${c.id}: the link's other value was lost`);
  }
  expect(bad).toEqual([]);
  expect(linked.length).toBeGreaterThan(30);
});
