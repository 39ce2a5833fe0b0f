// The glossary's popover (one for the page, shown for one term at a time) and the definitions'
// loader: glossary.js loads this module with the first use of a term (a hover, focus or tap) and
// hands it the page's events from then on; see glossary.js for the terms and their marking.
import { h, fill } from './dom.js';
import { definitionOf, recompile } from './glossary.js';

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
      const { describedBy } = recompile(dl);
      for (const b of document.querySelectorAll('button.term[data-term]')) {
        if (dl.contains(document.getElementById(b.dataset.term))) b.setAttribute('aria-describedby', describedBy.get(b.dataset.term));
      }
    }).catch((e) => { defining.delete(dl); throw e; }));
  }
  return defining.get(dl);
}

let pop = null; // the popover element, created on first use
let current = null; // the term button it is showing
let pinned = false; // opened by a click or tap: stays until a second click, Escape, or a click elsewhere
let closeTimer = 0;

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

/** The popover's part of an event on the page (glossary.js delegates them from the document). */
export function handle(e) {
  const b = termOf(e.target);
  if (e.type === 'mouseover' && b && !(pinned && current !== b)) open(b, false);
  if (e.type === 'mouseout' && b && b === current && !pinned && !b.contains(e.relatedTarget) && !pop?.contains(e.relatedTarget)) later();
  if (e.type === 'focusin') focusIn(e, b);
  if (e.type === 'focusout' && b && b === current && !pop?.contains(e.relatedTarget)) { pinned = false; later(); }
  // A tap is mouseover, focus, then click: the first two open, the click pins; a second tap closes.
  if (e.type === 'click') {
    if (b) { if (b === current && pinned) close(); else open(b, true); } else if (current && !pop?.contains(e.target)) close();
  }
  if (e.type === 'keydown' && e.key === 'Escape' && current && !pop.hidden) { close(); e.preventDefault(); }
  if (e.type === 'resize' && current) close();
}

function focusIn(e, b) {
  if (b) { open(b, false); return; }
  // Keyboard users reach the answer's links and summaries before its terms: the definitions
  // start loading there, so the first term focused is described by its definition, not only by
  // its words.
  const dl = document.getElementById('glossary');
  if (dl?.dataset.src && e.target.closest?.('#verdict-slot, #key-numbers, #answer')) define(dl).catch(() => {});
}

/** Closes the popover if the term it shows has left the page (an answer rebuilt). */
export function closeIfGone() {
  if (current && !current.isConnected) close();
}
