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
  return `${num(verdict.order.quantity)} × ${verdict.chip.name} to ${verdict.destination.name}, ${verdict.regime.short_name}`;
}

/** A citation: tool, dataset version and check date, the question and answer, the link, the day. */
export function citation(verdict, data, url, today = new Date()) {
  return `h100e, US export controls on AI chips, dataset ${data.version} (sources checked ${data.checked}). `
    + `“${question(verdict)}”: ${verdict.headline} ${url} (accessed ${longDay(today)}).`;
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
  const refresh = () => {
    const { st, verdict, data } = context();
    if (!verdict) return null;
    const url = pinnedUrl(st, verdict, data.version);
    link.value = url;
    fill(text, citation(verdict, data, url));
    return url;
  };
  fill(el,
    h('button', { type: 'button', id: 'copy-link', onclick: () => { const url = refresh(); if (url) copy(url, status, 'Link'); } }, 'Copy link'),
    h('button', { type: 'button', id: 'cite', 'aria-expanded': 'false', 'aria-controls': 'cite-box', onclick: (ev) => {
      if (!refresh()) return;
      box.hidden = !box.hidden;
      ev.currentTarget.setAttribute('aria-expanded', String(!box.hidden));
      if (!box.hidden) copy(text.textContent, status, 'Citation');
    } }, 'Cite this'),
    h('a', { href: 'sources.html' }, 'Sources and method'),
    status, box);
  return { refresh: () => { if (!box.hidden) refresh(); } };
}
