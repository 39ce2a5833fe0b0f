// Share and cite: a link that keeps its answer (it pins the rules that answered and the dataset
// version), and a citation a journalist can paste. Both are built from the page state and the
// engine's answer; nothing here decides anything about the rules.
import { h, fill, num } from './dom.js';
import { search } from './urlstate.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDay = (d) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;

/** The page's address for this answer, pinned: the regime that answered (or the date asked) and
 * the dataset version, so the link gives the same answer when the rules or the data move on. */
export function pinnedUrl(st, verdict, version) {
  const pinned = { ...st, regime: st.date ? '' : verdict.regime.id, v: version };
  return `${location.origin}${location.pathname}?${search(pinned)}`;
}

/** The question in words: "1,000 × NVIDIA H100 SXM5 80GB to India, AI Diffusion rule (Jan 2025)". */
export function question(verdict) {
  const sc = verdict.regime.scenario;
  const rules = sc ? `a hypothetical scenario on the ${verdict.regime.short_name} (${sc.changes})` : verdict.regime.short_name;
  return `${num(verdict.order.quantity)} × ${verdict.chip.name} to ${verdict.destination.name}, ${rules}`;
}

/** A citation: tool, dataset version and check date, the question and answer, the link, the day. */
export function citation(verdict, data, url, today = new Date()) {
  return `h100e, US export controls on AI chips, dataset ${data.version} (sources checked ${data.checked}). `
    + `“${question(verdict)}”: ${verdict.headline} ${url} (accessed ${longDay(today)}).`;
}

/** The iframe code for this answer (pinned like "Copy link"), responsive, lazy, titled, with the
 * optional host script that sizes the frame to its content. */
export function embedCode(st, verdict, version) {
  const base = `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`;
  const src = `${base}embed.html?${search({ ...st, regime: st.date ? '' : verdict.regime.id, v: version })}`;
  const title = `h100e: ${question(verdict)}`.replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src.replace(/&/g, '&amp;')}" title="${title}" loading="lazy" width="100%" height="820" style="width:100%;border:0"></iframe>\n`
    + `<script src="${base}embed-resize.js" async></script>`;
}

async function copy(text, status, what) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = `${what} copied.`;
  } catch {
    status.textContent = `Copying is blocked here: select the ${what.toLowerCase()} below and copy it.`;
  }
}

/** The share controls in `el`; `context()` returns { st, verdict, data } for the answer shown. */
export function createShare(el, context) {
  const status = h('span', { class: 'share-status', role: 'status' });
  const text = h('p', { class: 'cite-text', id: 'cite-text' });
  const link = h('input', { type: 'text', readonly: true, class: 'share-link', id: 'share-link', 'aria-label': 'Link to this answer' });
  const box = h('div', { class: 'cite-box', id: 'cite-box', hidden: true }, link, text);
  const code = h('textarea', { class: 'embed-code', id: 'embed-code', readonly: true, 'aria-label': 'Code to embed this answer in a page' });
  const embedBox = h('div', { class: 'cite-box', id: 'embed-box', hidden: true }, code);
  const refresh = () => {
    const { st, verdict, data } = context();
    if (!verdict) return null;
    const url = pinnedUrl(st, verdict, data.version);
    link.value = url;
    code.value = embedCode(st, verdict, data.version);
    fill(text, citation(verdict, data, url));
    return url;
  };
  /** A button that shows `panel` (filled for the answer shown) and copies what it holds. */
  const disclosure = (id, label, panel, words, what) => h('button', { type: 'button', id, 'aria-expanded': 'false', 'aria-controls': panel.id, onclick: (ev) => {
    if (!refresh()) return;
    panel.hidden = !panel.hidden;
    ev.currentTarget.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) copy(words(), status, what);
  } }, label);
  fill(el,
    h('button', { type: 'button', id: 'copy-link', onclick: () => { const url = refresh(); if (url) copy(url, status, 'Link'); } }, 'Copy link'),
    disclosure('cite', 'Cite this', box, () => text.textContent, 'Citation'),
    // The single file (dist/h100e.html) has neither an embed page nor a sources page beside it.
    globalThis.h100eWasm ? null : disclosure('embed', 'Embed', embedBox, () => code.value, 'Embed code'),
    globalThis.h100eWasm ? null : h('a', { href: 'sources.html' }, 'Sources and method'),
    status, box, embedBox);
  return { refresh: () => { if (!box.hidden || !embedBox.hidden) refresh(); } };
}
