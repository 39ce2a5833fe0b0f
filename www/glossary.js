// Glossary terms in the answer. annotate(root) wraps the first use under `root` of each term defined in
// the page's <dl id="glossary"> in a small button; hovering, focusing or tapping it shows the
// definition in a popover (one at a time; Escape closes it). The words live once, in the HTML: each
// <dt id="g-…" data-match="A|B"> lists the exact forms to find, its <dd> is the definition, and the
// button's aria-describedby points at both, so a screen reader reads the definition without the popover.
// The button holds only the term's own text node, so the root's text (and what is read aloud) is unchanged.
// The calculator starts from terms() — the <dt>s alone, from glossary-terms.js, which the build reads
// out of glossary.html — and loads the definitions with the first use of a term (`define`); until
// then a term is described by its <dt>'s words ("TPP: Total Processing Performance"). The popover
// and the definitions' loader (glossary-popover.js) load with that first use too, just before the
// definitions: until a term is used they are not needed (on the page, 640 B of brotli when idle).
import { h } from './dom.js';
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

/** The compiled glossary again, after `dl` gained its definitions (glossary-popover.js). */
export function recompile(dl) {
  compiledFor.delete(dl);
  return compile(dl);
}

/** The glossary's terms without their definitions, which load from `data-src` on a term's first use. */
export function terms() {
  return h('dl', { id: 'glossary', 'data-src': 'glossary.html' },
    TERMS.map(([id, match, words]) => h('dt', { id, 'data-match': match }, words)));
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
export function definitionOf(dt) {
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
  popover?.closeIfGone();
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

// ---- the popover (glossary-popover.js), loaded with a term's first use ---------------------------

let popover = null; // the module, once loaded
let loading = null;
let listening = false;
/** Events that came while the popover's module loaded, handed to it in order once it has. */
const waiting = [];
const TYPES = ['mouseover', 'mouseout', 'focusin', 'focusout', 'click', 'keydown'];

/** A use of a term (pointer, focus or tap), or focus entering the answer, which loads the definitions. */
function use(e) {
  const t = e.target instanceof Element ? e.target : null;
  if (!t || !['mouseover', 'focusin', 'click'].includes(e.type)) return false;
  return !!(t.closest('button.term[data-term]') || (e.type === 'focusin' && t.closest('#verdict-slot, #key-numbers, #answer')));
}

function relay(e) {
  if (popover) { popover.handle(e); return; }
  if (!loading && !use(e)) return;
  waiting.push(e);
  loading ||= import('./glossary-popover.js').then((m) => {
    popover = m;
    // A term the answer dropped while the module loaded is not shown (it has no place to be).
    for (const w of waiting.splice(0)) if (!(w.target instanceof Node) || w.target.isConnected) m.handle(w);
  }, () => { loading = null; waiting.length = 0; });
}

// Listeners are delegated from the document, once, so annotate() adds none per term.
function listen() {
  if (listening) return;
  listening = true;
  for (const type of TYPES) document.addEventListener(type, relay);
  window.addEventListener('resize', relay);
}
