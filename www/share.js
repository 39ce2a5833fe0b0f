// Share and cite: a link that keeps its answer (it pins the rules that answered and the dataset
// version), a citation a journalist can paste, the code to embed the answer, and the source line
// of a fixed graphic. All are built from the page state and the engine's answer and labels;
// nothing here decides anything about the rules.
import { $, h, fill, num } from './dom.js';
import { DEFAULTS, search } from './urlstate.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDay = (d) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
/** An engine's day ("2024-06-01") in words, read as written (a Date would shift it by time zone). */
const isoDay = (iso) => { const [y, m, d] = iso.split('-'); return `${+d} ${MONTHS[m - 1]} ${y}`; };

/**
 * The state a shared link carries: the whole page state (the question, the scenario, the map's
 * colouring and the open view all change what the link shows), pinned to the regime that answered
 * (or the date asked) and the dataset version, so it gives the same answer when the rules or the
 * data move on. The embed's options stay with the frame: a link opens the full calculator.
 */
const pinned = (st, verdict, version) => ({ ...st, view: DEFAULTS.view, controls: DEFAULTS.controls, theme: DEFAULTS.theme, id: '',
  regime: st.date ? '' : verdict.regime.id, v: version });
/** The folder the page is served from: the embed sits beside the full calculator. */
const folder = () => `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`;

/** The page's address for this answer, pinned (see `pinned`); from inside an embed, the full calculator's. */
export function pinnedUrl(st, verdict, version) {
  return `${location.origin}${location.pathname.replace(/embed\.html$/, '')}?${search(pinned(st, verdict, version))}`;
}

/** The question in words: "1,000 × NVIDIA H100 SXM5 80GB to India, AI Diffusion rule (Jan 2025)". */
export function question(verdict) {
  const sc = verdict.regime.scenario;
  const rules = sc ? `a hypothetical scenario on the ${verdict.regime.short_name} (${sc.changes})` : verdict.regime.short_name;
  return `${num(verdict.order.quantity)} × ${verdict.chip.name} to ${verdict.destination.name}, ${rules}`;
}

/** A citation: tool, dataset version and check date, the question and answer, the link, the day. */
export function citation(verdict, data, url, today = new Date()) {
  // A headline may end on a bracket ("… (the buyer or exporter must notify BIS)"): the link
  // starts a sentence of its own.
  const said = /[.!?]$/.test(verdict.headline) ? verdict.headline : `${verdict.headline}.`;
  return `h100e, US export controls on AI chips, dataset ${data.version} (sources checked ${data.checked}). `
    + `“${question(verdict)}”: ${said} ${url} (accessed ${longDay(today)}).`;
}

/** The iframe code for this answer (pinned like "Copy link"; the open tool view is the full
 * page's, not the embed's), responsive, lazy, titled, allowed to write the clipboard (so the
 * frame's own "Copy link" works), with the optional host script that sizes the frame to its content. */
export function embedCode(st, verdict, version) {
  const src = `${folder()}embed.html?${search({ ...pinned(st, verdict, version), tool: '' })}`;
  const title = `h100e: ${question(verdict)}`.replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src.replace(/&/g, '&amp;')}" title="${title}" loading="lazy" allow="clipboard-write" width="100%" height="820" style="width:100%;border:0"></iframe>\n`
    + `<script src="${folder()}embed-resize.js" async></script>`;
}

/**
 * A fixed graphic's source line (controls=none shows no form or rules menu, so the graphic must
 * say what it shows): the rules and the day of their facts (a hypothetical regime's short name
 * says so itself; a scenario is named as one); the order when the colours are its outcome; the
 * dataset version and the tool.
 */
export function sourceLine(st, verdict, data) {
  const { short_name: rules, scenario: sc, date_applied: day } = verdict.regime;
  const what = sc ? `hypothetical scenario on the ${rules} (${sc.changes})` : rules;
  const order = st.map === 'tier' ? '' : ` Order: ${num(verdict.order.quantity)} × ${verdict.chip.name}.`;
  return `Rules: ${what}, as of ${isoDay(day)}.${order} Source: h100e, dataset ${data.version}.`;
}

/** Copies `text`; where the browser or the host page blocks that, shows `shown` (a text field or
 * the citation) with its text selected, so the reader can copy it by hand. */
async function copy(text, status, what, shown, box) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = `${what} copied.`;
  } catch {
    status.textContent = `Copying is blocked here: the ${what.toLowerCase()} is selected below; copy it with your keyboard or menu.`;
    box.hidden = false;
    if (shown.select) { shown.focus(); shown.select(); } else getSelection().selectAllChildren(shown);
  }
}

/** The share controls in `el`; `context()` returns { st, verdict, data } for the answer shown. */
export function createShare(el, context) {
  const status = h('span', { class: 'share-status', role: 'status' });
  const text = h('p', { class: 'cite-text', id: 'cite-text' });
  const link = h('input', { type: 'text', readonly: true, class: 'share-link', id: 'share-link', 'aria-label': 'Link to this answer' });
  const linkBox = h('div', { class: 'cite-box', id: 'link-box', hidden: true }, link);
  const box = h('div', { class: 'cite-box', id: 'cite-box', hidden: true }, text);
  const code = h('textarea', { class: 'embed-code', id: 'embed-code', readonly: true, 'aria-label': 'Code to embed this answer in a page' });
  const embedBox = h('div', { class: 'cite-box', id: 'embed-box', hidden: true }, code);
  /** Fills the panels for the answer shown; while the question has an error there is none, and the reader is told why nothing was copied. */
  const refresh = () => {
    const { st, verdict, data } = context();
    if (!verdict) {
      status.textContent = 'Nothing copied: the question has an error (shown above the map); fix it first.';
      return null;
    }
    const url = pinnedUrl(st, verdict, data.version);
    link.value = url;
    code.value = embedCode(st, verdict, data.version);
    fill(text, citation(verdict, data, url));
    return url;
  };
  /** A button that shows `panel` (filled for the answer shown) and copies what it holds. */
  const disclosure = (id, label, panel, shown, what) => h('button', { type: 'button', id, 'aria-expanded': 'false', 'aria-controls': panel.id, onclick: (ev) => {
    if (!refresh()) return;
    panel.hidden = !panel.hidden;
    ev.currentTarget.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) copy(shown.value ?? shown.textContent, status, what, shown, panel);
  } }, label);
  fill(el,
    h('button', { type: 'button', id: 'copy-link', onclick: () => { const url = refresh(); if (url) copy(url, status, 'Link', link, linkBox); } }, 'Copy link'),
    disclosure('cite', 'Cite this', box, text, 'Citation'),
    // The single file (dist/h100e.html) has neither an embed page nor a sources page beside it.
    globalThis.h100eWasm ? null : disclosure('embed', 'Embed', embedBox, code, 'Embed code'),
    globalThis.h100eWasm ? null : h('a', { href: 'sources.html' }, 'Sources and method'),
    status, linkBox, box, embedBox);
  return {
    /** After every answer: the open panels, the embed's link to the full calculator (pinned like
     * "Copy link") and a fixed graphic's source line follow the answer shown. */
    refresh: () => {
      const { st, verdict, data } = context();
      if (!verdict) return;
      if (!linkBox.hidden || !box.hidden || !embedBox.hidden) refresh();
      if ($('full-link')) $('full-link').href = pinnedUrl(st, verdict, data.version);
      if ($('graphic-source') && st.controls === 'none') {
        $('graphic-source').textContent = sourceLine(st, verdict, data);
        $('graphic-source').hidden = false;
      }
    },
  };
}
