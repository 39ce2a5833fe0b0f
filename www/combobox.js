// An accessible combobox over the engine's country list: type a name, code or alias, pick with
// arrows and Enter, or click. The text field keeps whatever the reader typed; the engine resolves it.
import { h, fill } from './dom.js';

export const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase().trim();

/** Wires a combobox. `countries` is the engine's list; `onPick` runs after a choice. */
export function combobox(input, list, countries, onPick) {
  // `also_called` holds names shared with other entries ("Congo"): typing one lists them all.
  const entries = countries.map((c) => ({ c, keys: [c.name, c.code, ...c.aliases, ...c.also_called].map(fold) }));
  const keysOf = new Map(entries.map((e) => [e.c, e.keys]));
  let shown = [];
  let active = -1;

  function matches(text) {
    const q = fold(text);
    if (!q) return [];
    const starts = [];
    const contains = [];
    for (const e of entries) {
      if (e.keys.some((k) => k.startsWith(q))) starts.push(e.c);
      else if (e.keys.some((k) => k.includes(q))) contains.push(e.c);
    }
    return starts.concat(contains).slice(0, 8);
  }

  function open(items) {
    shown = items;
    active = -1;
    fill(list, ...items.map((c, i) => h('li', { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false', 'data-code': c.code,
      onmousedown: (ev) => { ev.preventDefault(); pick(i); } }, c.name, ' ', h('small', {}, c.code))));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    input.removeAttribute('aria-activedescendant');
  }

  function close() { open([]); }

  function move(step) {
    if (!shown.length) return;
    active = (active + step + shown.length) % shown.length;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    list.children[active].scrollIntoView({ block: 'nearest' });
  }

  function pick(i) {
    const c = shown[i];
    if (!c) return;
    input.value = c.name;
    close();
    onPick(c);
  }

  /** Enter: the highlighted option; else the one entry the text names exactly ("IN" is India, not
   * Indonesia at the top of the list); else, when several share the name ("Congo"), none, so the
   * engine says which it may mean; else the first match. */
  function enter() {
    if (active >= 0) return pick(active);
    const q = fold(input.value);
    const exact = shown.filter((c) => keysOf.get(c).includes(q));
    if (exact.length > 1) return close();
    pick(exact.length ? shown.indexOf(exact[0]) : 0);
  }

  input.addEventListener('input', () => open(matches(input.value)));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); if (!shown.length) open(matches(input.value)); move(1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); move(-1); }
    else if (ev.key === 'Enter' && shown.length) { ev.preventDefault(); enter(); }
    else if (ev.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
}
