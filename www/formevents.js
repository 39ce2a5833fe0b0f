// The form's events: how typing, picks and submits reach an answer. A changed field answers at the
// next frame; the destination answers only once it is committed (form.js): a complete name while
// typing, at once or when typing pauses, and any text on Enter, a pick from the list or leaving
// the field, so a half-typed name never answers for another country.
import { $ } from './dom.js';
import { combobox, fold } from './combobox.js';
import { form } from './form.js';
import { clearNotices } from './notices.js';
import { commit } from './pagestate.js';
import { countryList, data } from './engine.js';

/**
 * When typed text names a destination completely: a name or alias (any case, accents folded), or a
 * code written as codes are, in capitals ("SG", "UAE"; "Si" on the way to "Singapore" is not
 * Slovenia). Returns 'now' when no other name goes on from it, 'pause' when one does ("Niger" on
 * the way to "Nigeria": answered once typing stops), or null.
 */
function completeness(countryList) {
  const names = new Set();
  const codes = new Set();
  for (const c of countryList) {
    for (const k of [c.name, ...c.aliases, ...c.also_called]) {
      if (/^[A-Z]{2,3}$/.test(k)) codes.add(k); else names.add(fold(k));
    }
    codes.add(c.code);
    codes.add(c.numeric);
  }
  const all = [...names];
  return (text) => {
    const t = text.trim();
    if (codes.has(t)) return 'now';
    const f = fold(t);
    if (!names.has(f)) return null;
    return all.some((n) => n !== f && n.startsWith(f)) ? 'pause' : 'now';
  };
}

/** Listens to the form: `update()` answers now, `schedule(typing)` at the next frame. */
export function wireForm(update, schedule) {
  const complete = completeness(countryList);
  combobox(form.to, $('to-list'), countryList, () => { commit(form.to.value); update(); });
  combobox(form.hq, $('hq-list'), countryList, () => update());
  combobox(form.from, $('from-list'), countryList, () => update());
  let typing;
  const app = $('app');
  app.addEventListener('input', (ev) => {
    if (ev.target.name) clearNotices(ev.target.name === 'mode' ? 'map' : ev.target.name);
    if (ev.target === form.to) {
      // Only a complete name answers while typing; Enter, a pick or leaving the field commit any text.
      clearTimeout(typing);
      const done = complete(form.to.value);
      if (done === 'now') { commit(form.to.value); schedule(true); }
      if (done === 'pause') typing = setTimeout(() => { commit(form.to.value); schedule(); }, 700);
      return;
    }
    if (ev.target.name && ev.target.name !== 'mode') schedule(ev.target.type === 'text');
  });
  app.addEventListener('change', (ev) => {
    if (ev.target === form.to) commit(form.to.value);
    // "As of a date…" starts at the data's last-checked day rather than answering for no date.
    if (ev.target === form.regime && form.regime.value === 'date' && !form.date.value) form.date.value = data.data.checked;
    if (ev.target.name) schedule();
  });
  form.to.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && form.to.getAttribute('aria-expanded') !== 'true') { ev.preventDefault(); commit(form.to.value); update(); }
  });
  $('query').addEventListener('submit', (ev) => { ev.preventDefault(); update(); });
  // The tooltip is placed in the viewport; once the reader scrolls it would point at nothing.
  for (const type of ['wheel', 'touchmove']) addEventListener(type, () => { $('tip').hidden = true; }, { passive: true });
}
