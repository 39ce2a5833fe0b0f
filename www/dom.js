// Tiny DOM helpers. Text always goes in as text nodes: nothing from the engine, a URL or a form is
// ever parsed as HTML.

/** Creates an element: h('a', {href: u, class: 'x'}, 'text', child, …). `on*` attributes take functions. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows; a style
    // attribute would be refused.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
/** A number with thousands separators, as the engine gave it (exact TPP, rounded ratios). */
export function num(n, digits) {
  if (n === null || n === undefined) return 'unknown';
  if (digits !== undefined) return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
  return grouping.format(n);
}

/** The page's element with this id. */
export const $ = (id) => document.getElementById(id);
