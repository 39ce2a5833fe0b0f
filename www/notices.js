// Notices above the answer: a value a link asked for that cannot be used, and why. What the link
// held is shown clipped, with invisible characters escaped as the engine's messages show them, so
// a link cannot make a notice say something it does not.
import { $, h } from './dom.js';

/** Link values and parameter names are shown at most this long in notices. */
const SHOWN = 40;
/** Controls, direction overrides and invisible characters, shown as escapes as the engine's messages do. */
const HIDDEN = /[\p{Cc}\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
export const clip = (t) => {
  const shown = t.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  return shown.length > SHOWN ? `${shown.slice(0, SHOWN)}…` : shown;
};

/** A notice above the answer; one about a field goes away once the reader changes that field. */
export function notice(text, field, extra) {
  const p = h('p', { class: 'notice', 'data-field': field || null }, text, extra ? [' ', extra] : null, ' ',
    h('button', { type: 'button', class: 'dismiss', onclick: () => {
      // Focus moves on to the next notice's button, or to the answer, not to the page's start.
      const next = p.nextElementSibling?.querySelector('button') || p.previousElementSibling?.querySelector('button') || $('answer-title');
      p.remove();
      next.focus();
    } }, 'Dismiss'));
  $('notices').append(p);
}

export function clearNotices(field) {
  for (const n of $('notices').querySelectorAll(`[data-field="${field}"]`)) n.remove();
}
