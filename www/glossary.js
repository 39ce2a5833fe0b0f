// Glossary terms in the answer. annotate(root) wraps the first use under `root` of each term defined in
// the page's <dl id="glossary"> in a small button; hovering, focusing or tapping it shows the
// definition in a popover (one at a time; Escape closes it). The words live once, in the HTML: each
// <dt id="g-…" data-match="A|B"> lists the exact forms to find, its <dd> is the definition, and the
// button's aria-describedby points at both, so a screen reader reads the definition without the popover.
// The button holds only the term's own text node, so the root's text (and what is read aloud) is unchanged.
// The calculator starts from terms() — the <dt>s alone, from glossary-terms.js, which the build reads
// out of glossary.html — and loads the definitions with the first use of a term (define); until then
// a term is described by its <dt>'s words ("TPP: Total Processing Performance").
import { h, fill } from './dom.js';
import { TERMS } from './glossary-terms.js';

// Subtrees never annotated: interactive elements (a button inside them would be invalid or steal the
// click), code, and the glossary itself. `data-no-gloss` opts any element out.
const SKIP_TAGS = new Set(['A', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'LABEL', 'SUMMARY',
  'SCRIPT', 'STYLE', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'SAMP']);
const SKIP_ROLES = new Set(['button', 'link', 'option', 'tab', 'menuitem', 'combobox', 'listbox', 'tooltip', 'switch', 'checkbox', 'radio']);

function skipped(el) {
  if (SKIP_TAGS.has(el.tagName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  if (el.id === 'glossary' || el.classList.contains('term') || el.hasAttribute('data-no-gloss')) return true;
  const role = el.getAttribute('role');
  return role !== null && SKIP_ROLES.has(role);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The compiled glossary, per <dl>: one regular expression over every form (longest first, so
// "License Exception LPP" wins over "LPP" and "3A090.a.1" over "3A090"), and which entry each form is.
// A form matches as a whole word: not inside a longer word, code or number ("NVEU" is not "VEU",
// "D:5" is not in "D:50", "3A090" is not the start of "3A090.c"), but a sentence's full stop may follow.
const compiledFor = new WeakMap();
function compile(dl) {
  const dts = dl.querySelectorAll('dt[id][data-match]');
  const cached = compiledFor.get(dl);
  if (cached && cached.size === dts.length) return cached;
  const entry = new Map();
  const describedBy = new Map();
  for (const dt of dts) {
    const dd = definitionOf(dt);
    if (dd && !dd.id) dd.id = `${dt.id}-d`;
    describedBy.set(dt.id, dd ? `${dt.id} ${dd.id}` : dt.id);
    for (const form of dt.dataset.match.split('|').map((f) => f.trim()).filter(Boolean)) {
      entry.set(form, dt.id);
      // A phrase in lower case also matches at the start of a sentence or label.
      if (/^[a-z]/.test(form)) entry.set(form[0].toUpperCase() + form.slice(1), dt.id);
    }
  }
  const forms = [...entry.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\w:.\\-])(?:${forms.join('|')})(?![\\w\\-]|[.:]\\w)`, 'g');
  const index = { re, entry, describedBy, size: dts.length, ids: new Set(entry.values()) };
  compiledFor.set(dl, index);
  return index;
}

/** The glossary's terms without their definitions, which load from `data-src` on a term's first use. */
export function terms() {
  return h('dl', { id: 'glossary', 'data-src': 'glossary.html' },
    TERMS.map(([id, match, words]) => h('dt', { id, 'data-match': match }, words)));
}

const defining = new WeakMap();
/**
 * Puts the definitions of `dl`'s source page (its data-src) after its <dt>s, once, and points every
 * term marked from it at its definition too. A failed load is tried again on the next use.
 */
function define(dl) {
  if (!dl.dataset.src) return Promise.resolve();
  if (!defining.has(dl)) {
    defining.set(dl, fetch(dl.dataset.src).then((r) => {
      if (!r.ok) throw new Error(`${dl.dataset.src}: ${r.status}`);
      return r.text();
    }).then((html) => {
      const full = new DOMParser().parseFromString(html, 'text/html');
      for (const dt of dl.querySelectorAll('dt[id]')) {
        const source = full.getElementById(dt.id);
        const dd = source && definitionOf(source);
        if (dd) dt.after(document.adoptNode(dd));
      }
      delete dl.dataset.src;
      compiledFor.delete(dl);
      const { describedBy } = compile(dl);
      for (const b of document.querySelectorAll('button.term[data-term]')) {
        if (dl.contains(document.getElementById(b.dataset.term))) b.setAttribute('aria-describedby', describedBy.get(b.dataset.term));
      }
    }).catch((e) => { defining.delete(dl); throw e; }));
  }
  return defining.get(dl);
}

function textNodes(el, out) {
  // A closed <details> shows only its summary (never marked): its text is marked when it opens
  // (annotate again).
  if (el.tagName === 'DETAILS' && !el.open) return;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) { if (c.data.length > 1) out.push(c); } else if (c.nodeType === 1 && !skipped(c)) textNodes(c, out);
  }
}

/** The definition's <dd> for a glossary <dt>. */
function definitionOf(dt) {
  let dd = dt.nextElementSibling;
  while (dd && dd.tagName === 'DT') dd = dd.nextElementSibling;
  return dd && dd.tagName === 'DD' ? dd : null;
}

/**
 * Wraps the first shown use of each glossary term under `root` (text inside a closed <details> waits
 * until it opens); returns how many it wrapped. Cheap enough to call after every render; terms
 * already wrapped under `root` (a second call) are not wrapped again.
 * `glossary` defaults to the page's <dl id="glossary">; without one it does nothing.
 */
export function annotate(root, glossary = document.getElementById('glossary')) {
  if (current && !current.isConnected) close();
  if (!root || !glossary) return 0;
  listen();
  const index = compile(glossary);
  const used = new Set();
  for (const b of root.querySelectorAll('.term[data-term]')) used.add(b.dataset.term);
  const texts = [];
  textNodes(root, texts);
  const { re, entry, describedBy, ids } = index;
  let wrapped = 0;
  for (const text of texts) {
    if (used.size >= ids.size) break;
    const s = text.data;
    re.lastIndex = 0;
    let node = text;
    let offset = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const id = entry.get(m[0]);
      if (used.has(id)) continue;
      used.add(id);
      const word = m.index > offset ? node.splitText(m.index - offset) : node;
      node = word.splitText(m[0].length);
      offset = m.index + m[0].length;
      const button = h('button', { type: 'button', class: 'term', 'data-term': id, 'aria-describedby': describedBy.get(id) });
      word.replaceWith(button);
      button.append(word);
      wrapped += 1;
    }
  }
  return wrapped;
}

// ---- the popover: one for the page, shown for one term at a time ------------------------------------

let pop = null; // the popover element, created on first use
let current = null; // the term button it is showing
let pinned = false; // opened by a click or tap: stays until a second click, Escape, or a click elsewhere
let closeTimer = 0;
let listening = false;

function popover() {
  if (!pop) {
    // aria-hidden: screen readers get the same words through the button's aria-describedby.
    pop = h('div', { class: 'term-pop', id: 'term-pop', 'aria-hidden': 'true', hidden: true,
      onmouseenter: () => clearTimeout(closeTimer), onmouseleave: () => { if (!pinned) later(); } });
    document.body.append(pop);
  }
  return pop;
}

const words = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');

const show = (p, dt) => fill(p, h('span', { class: 'term-pop-title' }, words(dt)), words(definitionOf(dt)));

function open(button, pin) {
  clearTimeout(closeTimer);
  const p = popover();
  const dt = document.getElementById(button.dataset.term);
  if (!dt) return;
  if (current !== button) {
    current?.removeAttribute('data-open');
    current = button;
    pinned = false;
    show(p, dt);
    p.dataset.term = dt.id;
    button.setAttribute('data-open', '');
  }
  pinned = pinned || pin;
  p.hidden = false;
  place(button, p);
  // The first use of a term loads the definitions; the popover shows the term's words meanwhile.
  if (dt.parentElement.dataset.src) {
    define(dt.parentElement).then(() => {
      if (current === button && !p.hidden) { show(p, dt); place(button, p); }
    }).catch(() => {});
  }
}

function close() {
  clearTimeout(closeTimer);
  current?.removeAttribute('data-open');
  current = null;
  pinned = false;
  if (pop) pop.hidden = true;
}

// Closing after a moment lets the pointer travel from the term onto the popover (WCAG 1.4.13).
function later() {
  clearTimeout(closeTimer);
  closeTimer = setTimeout(() => { if (!pinned && !pop?.matches(':hover')) close(); }, 150);
}

// Below the term, or above it if there is no room below; never past the window's sides.
function place(button, p) {
  const r = button.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  p.style.left = '0px';
  p.style.top = '0px';
  const w = p.offsetWidth;
  const ht = p.offsetHeight;
  const left = Math.max(8, Math.min(r.left, vw - w - 8));
  const below = r.bottom + 6 + ht <= window.innerHeight || r.top - 6 - ht < 0;
  p.style.left = `${left + window.scrollX}px`;
  p.style.top = `${(below ? r.bottom + 6 : r.top - 6 - ht) + window.scrollY}px`;
}

const termOf = (t) => (t instanceof Element ? t.closest('button.term[data-term]') : null);

// Listeners are delegated from the document, once, so annotate() adds none per term.
function listen() {
  if (listening) return;
  listening = true;
  document.addEventListener('mouseover', (e) => { const b = termOf(e.target); if (b && !(pinned && current !== b)) open(b, false); });
  document.addEventListener('mouseout', (e) => {
    const b = termOf(e.target);
    if (b && b === current && !pinned && !b.contains(e.relatedTarget) && !pop?.contains(e.relatedTarget)) later();
  });
  document.addEventListener('focusin', (e) => {
    const b = termOf(e.target);
    if (b) { open(b, false); return; }
    // Keyboard users reach the answer's links and summaries before its terms: the definitions
    // start loading there, so the first term focused is described by its definition, not only by
    // its words.
    const dl = document.getElementById('glossary');
    if (dl?.dataset.src && e.target.closest?.('#verdict-slot, #key-numbers, #answer')) define(dl).catch(() => {});
  });
  document.addEventListener('focusout', (e) => {
    const b = termOf(e.target);
    if (b && b === current && !pop?.contains(e.relatedTarget)) { pinned = false; later(); }
  });
  // A tap is mouseover, focus, then click: the first two open, the click pins; a second tap closes.
  document.addEventListener('click', (e) => {
    const b = termOf(e.target);
    if (b) { if (b === current && pinned) close(); else open(b, true); return; }
    if (current && !pop?.contains(e.target)) close();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && current && !pop.hidden) { close(); e.preventDefault(); }
  });
  window.addEventListener('resize', () => { if (current) close(); });
}
