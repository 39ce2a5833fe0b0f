// The page's tool views: opened from the buttons beside the answer, kept in the URL as `tool`
// (urlstate.js), drawn below the answer and redrawn when the question changes. To add one (diff,
// timeline, scenario), add an entry: `label` (the button), `title` (the view's heading) and
// `load` (its module, loaded on first use), whose `render(host, ctx)` draws the view for the
// page's current question (panels.js's `viewContext` says what ctx holds). Views that need the
// tools engine get it from tools.js.
import { h, fill } from './dom.js';
import { viewStyles } from './sheets.js';

export const VIEWS = {
  compare: { label: 'Compare all rules', title: 'This order under every set of rules', load: () => import('./compare.js') },
};

/**
 * The buttons (in `els.bar`) and the one open view (`els.section`, with `els.title`, `els.body`
 * and `els.close`). `context()` gives the view's ctx for the page's question now, with a `key`
 * that changes when the view must be redrawn; `onToggle()` runs when a view opens or closes (the
 * page then writes the URL). Returns `{ get, set(id, focus), refresh }`.
 */
export function createViews(els, context, onToggle) {
  let open = '';
  let drawn = null;
  const buttons = new Map();
  for (const [id, v] of Object.entries(VIEWS)) {
    const b = h('button', { type: 'button', class: 'tool-button', 'aria-expanded': 'false', 'aria-controls': els.section.id, 'data-tool': id,
      onclick: () => set(open === id ? '' : id, true) }, v.label);
    buttons.set(id, b);
    els.bar.append(b, ' ');
  }
  els.bar.hidden = false;
  els.close.addEventListener('click', () => { const was = open; set('', false); buttons.get(was)?.focus(); });
  els.section.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && open) { const was = open; set('', false); buttons.get(was)?.focus(); }
  });

  async function refresh() {
    if (!open) return;
    const ctx = context();
    const key = JSON.stringify([open, ctx.key]);
    if (key === drawn) return;
    drawn = key;
    const id = open;
    if (!els.body.childElementCount) fill(els.body, h('p', { class: 'status', role: 'status' }, 'Loading the comparison tools…'));
    try {
      const [m] = await Promise.all([VIEWS[id].load(), viewStyles()]);
      if (open === id) await m.render(els.body, ctx);
    } catch (e) {
      drawn = null;
      fill(els.body, h('p', { class: 'error', role: 'alert' }, e.message, ' ',
        h('button', { type: 'button', onclick: () => refresh() }, 'Try again')));
    }
  }

  function set(id, focus) {
    open = VIEWS[id] ? id : '';
    drawn = null;
    for (const [k, b] of buttons) b.setAttribute('aria-expanded', String(k === open));
    els.section.hidden = !open;
    fill(els.body);
    if (open) {
      els.title.textContent = VIEWS[open].title;
      refresh();
      els.section.scrollIntoView({ block: 'start' });
      if (focus) els.title.focus({ preventScroll: true });
    }
    onToggle();
  }
  return { get: () => open, set, refresh };
}
