// The scenario editor ("What if the rules were different?"): the reader changes the chosen rules'
// license-free allowance, country allocation and agreement multiplier, and moves places between
// tiers (from a list or by clicking the map). It only writes the scenario text the engine reads
// (`lpp=500h100e;tier-3=IL`, see src/scenario.rs); the engine checks it, says what a base regime
// lets a scenario change, and labels every answer made with it hypothetical.
import { h, fill } from './dom.js';
import { combobox } from './combobox.js';

/** The scenario text's items, as a map from setting to value (syntax only; the engine checks). */
export function parseText(text) {
  const items = new Map();
  for (const item of (text || '').split(';')) {
    const at = item.indexOf('=');
    if (at > 0) items.set(item.slice(0, at).trim().toLowerCase(), item.slice(at + 1).trim());
  }
  return items;
}

const NUMBER_SETTINGS = [
  { id: 'lpp', label: 'License-free allowance per buyer per year', hint: 'License Exception LPP: orders up to this much need no license.' },
  { id: 'cap', label: 'Country allocation', hint: 'The cap on licensed exports to each Tier 2 country.' },
  { id: 'g2g', label: 'Agreement multiplier', hint: 'How many times the allocation a government-to-government agreement gives (tick the agreement under “Buyer and shipment details”).' },
];

/** A unit menu for an amount: H100-equivalents, TPP, or a number of one of the `chips`. */
function unitSelect(id, chips) {
  return h('select', { id: `sc-${id}-unit`, 'aria-label': 'Unit' },
    h('option', { value: 'h100e' }, 'H100-equivalents'),
    h('option', { value: 'tpp' }, 'TPP'),
    h('optgroup', { label: 'Number of chips' }, chips.filter((c) => c.answerable && c.tpp !== null).map((c) =>
      h('option', { value: `*${c.id}` }, `× ${c.name}`))));
}

/** The number settings' fields; each one's input goes into `inputs` and its unit menu into `units`. */
function numberFields(chips, inputs, units) {
  return NUMBER_SETTINGS.map((s) => {
    inputs[s.id] = h('input', { id: `sc-${s.id}`, name: `sc-${s.id}`, type: 'text', inputmode: 'decimal', autocomplete: 'off',
      'aria-describedby': `sc-${s.id}-hint` });
    if (s.id !== 'g2g') units[s.id] = unitSelect(s.id, chips);
    return h('div', { class: 'field', id: `sc-field-${s.id}` },
      h('label', { for: `sc-${s.id}` }, s.label),
      h('div', { class: 'amount' }, inputs[s.id], units[s.id]),
      h('p', { class: 'hint', id: `sc-${s.id}-hint` }, s.hint));
  });
}

/**
 * The "Move places" fieldset (`fieldset`) and its controls: the list of places moved, the place
 * and the status to move it to, an error line and the map switch; the Move button runs `add()`.
 */
function movesSection(add) {
  const place = h('input', { id: 'sc-place', type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': 'sc-place-list', autocomplete: 'off', spellcheck: 'false' });
  const placeList = h('ul', { id: 'sc-place-list', role: 'listbox', hidden: true, 'aria-label': 'Matching countries' });
  const status = h('select', { id: 'sc-status', 'aria-label': 'Move it to' });
  const list = h('ul', { class: 'moves', id: 'sc-moves', 'aria-label': 'Places moved' });
  const pick = h('input', { id: 'sc-pick', type: 'checkbox' });
  const movesError = h('p', { class: 'hint error', id: 'sc-moves-error', hidden: true });
  const fieldset = h('fieldset', { class: 'scenario-moves' },
    h('legend', {}, 'Move places'),
    list,
    h('div', { class: 'field' },
      h('label', { for: 'sc-place' }, 'Place'),
      h('div', { class: 'combo' }, place, placeList)),
    h('div', { class: 'field' }, h('label', { for: 'sc-status' }, 'Move it to'), status),
    h('button', { type: 'button', id: 'sc-add', onclick: add }, 'Move'),
    movesError,
    h('div', { class: 'field check' }, pick, h('label', { for: 'sc-pick' }, 'Click the map to move places')));
  return { fieldset, place, placeList, status, list, pick, movesError };
}

/**
 * The scenario text of the editor's fields and `moves`. The syntax's own marks typed in a value
 * become `?`, so the engine refuses that value instead of reading a second setting out of it.
 */
function scenarioText(inputs, units, moves) {
  const parts = [];
  for (const s of NUMBER_SETTINGS) {
    const v = inputs[s.id].value.trim().replace(/[;=]/g, '?');
    if (!v) continue;
    const unit = units[s.id]?.value;
    parts.push(`${s.id}=${v}${unit === 'h100e' ? 'h100e' : unit === 'tpp' || !unit ? '' : unit}`);
  }
  for (const st of new Set(moves.map((m) => m.status))) {
    parts.push(`${st}=${moves.filter((m) => m.status === st).map((m) => m.code).join(',')}`);
  }
  return parts.join(';');
}

/**
 * Fills the number fields from a scenario text's `items` (parseText) and returns its moves, each
 * place named from `countries` (a code the engine does not know is kept as typed, for it to refuse).
 */
function readItems(items, inputs, units, countries) {
  for (const s of NUMBER_SETTINGS) {
    const v = items.get(s.id) || '';
    const chip = v.match(/^(.*)\*([^*]+)$/);
    const h100e = v.match(/^(.*?)h100e$/i);
    const tpp = v.match(/^(.*?)tpp$/i);
    if (units[s.id]) units[s.id].value = chip ? `*${chip[2]}` : h100e || !v ? 'h100e' : 'tpp';
    inputs[s.id].value = chip ? chip[1] : h100e ? h100e[1] : tpp ? tpp[1] : v;
  }
  const moves = [];
  for (const [k, v] of items) {
    if (NUMBER_SETTINGS.some((s) => s.id === k)) continue;
    for (const code of v.split(',').map((c) => c.trim()).filter(Boolean)) {
      const c = countries.find((x) => x.code === code.toUpperCase());
      moves.push({ code: c?.code || code, name: c?.name || code, status: k });
    }
  }
  return moves;
}

/**
 * Marks the input an engine error is about (`scenario.lpp`, …: one of the number `inputs`, or the
 * moves' `list`), or none; true when the error is the scenario's, so the page opens the editor.
 */
function markField(field, inputs, list) {
  const target = { 'scenario.lpp': inputs.lpp, 'scenario.cap': inputs.cap, 'scenario.g2g': inputs.g2g, 'scenario.moves': list, scenario: null }[field];
  for (const el of [...Object.values(inputs), list]) el.removeAttribute('aria-invalid');
  if (target) target.setAttribute('aria-invalid', 'true');
  return Boolean(target) || field === 'scenario';
}

/**
 * Builds the editor in `root`. `chips` is the engine's chip list (amounts can be given in units
 * of a chip), `countries` its country list; `onChange(text)` runs when the scenario changes.
 */
export function createScenario(root, { chips, countries, onChange }) {
  const inputs = {};
  const units = {};
  let moves = []; // [{ code, name, status }]
  let base = { settings: [], statuses: [], labels: new Map() };
  const { fieldset, place, placeList, status, list, pick, movesError } = movesSection(() => add());

  const add = () => {
    const c = countries.find((k) => [k.name, k.code, ...k.aliases].some((n) => n.toLowerCase() === place.value.trim().toLowerCase()));
    if (!c) {
      movesError.hidden = false;
      movesError.textContent = place.value.trim() ? `“${place.value.trim()}” is not a place in the list: pick one of the suggestions.` : 'Type a place first.';
      place.setAttribute('aria-invalid', 'true');
      return;
    }
    movesError.hidden = true;
    place.removeAttribute('aria-invalid');
    setMove(c.code, c.name, status.value);
    place.value = '';
  };

  fill(root,
    h('p', { class: 'hint' }, 'Change the rules chosen above. Every answer, map, link and download made with a scenario is labelled hypothetical.'),
    h('div', { class: 'scenario-numbers' }, numberFields(chips, inputs, units)),
    fieldset,
    h('p', { class: 'scenario-base', id: 'sc-base', 'aria-live': 'polite' }),
    h('button', { type: 'button', id: 'sc-clear', onclick: () => { write(''); emit(); } }, 'Clear the scenario'));

  combobox(place, placeList, countries, () => {});
  place.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && place.getAttribute('aria-expanded') !== 'true') { ev.preventDefault(); add(); }
  });

  function statusOptions(sel, value) {
    fill(sel, base.statuses.map((s) => h('option', { value: s }, base.labels.get(s) || s)));
    if (value && base.statuses.includes(value)) sel.value = value;
  }

  function renderMoves() {
    fill(list, moves.map((m) => {
      const sel = h('select', { 'aria-label': `Move ${m.name} to`, 'data-code': m.code, onchange: () => { m.status = sel.value; emit(); } });
      statusOptions(sel, m.status);
      if (!base.statuses.includes(m.status)) sel.prepend(h('option', { value: m.status, selected: true }, m.status));
      return h('li', { 'data-code': m.code }, h('span', { class: 'name' }, m.name), ' → ', sel,
        h('button', { type: 'button', class: 'remove', 'aria-label': `Stop moving ${m.name}`,
          onclick: () => { moves = moves.filter((k) => k !== m); renderMoves(); emit(); (list.querySelector('button') || place).focus(); } }, 'Remove'));
    }));
  }

  function setMove(code, name, to) {
    const had = moves.find((m) => m.code === code);
    if (had) had.status = to; else moves.push({ code, name, status: to });
    renderMoves();
    emit();
  }

  const text = () => scenarioText(inputs, units, moves);
  function emit() { onChange(text()); }

  for (const s of NUMBER_SETTINGS) {
    inputs[s.id].addEventListener('input', emit);
    units[s.id]?.addEventListener('change', emit);
  }

  /** Fills the fields from a scenario text (a link's). */
  function write(t) {
    moves = readItems(parseText(t), inputs, units, countries);
    renderMoves();
  }

  return {
    text,
    write,
    /** Whether a map click moves a place rather than choosing the destination. */
    get picking() { return pick.checked && root.closest('details')?.open; },
    /** A map click while picking: the place moves one status on from where it is now. */
    pickOnMap(code, name, now) {
      const i = base.statuses.indexOf(moves.find((m) => m.code === code)?.status || now);
      setMove(code, name, base.statuses[(i + 1) % base.statuses.length]);
    },
    /**
     * The rules a scenario is built on: what they let it change (the engine's `regimes()`
     * entry) and the words of each status (the engine's map legend).
     */
    setBase(regime, legend) {
      base = { settings: regime.scenario_settings, statuses: regime.scenario_statuses, labels: new Map(legend.map((l) => [l.status, l.short])) };
      // A setting these rules cannot change is hidden, unless it holds a value.
      for (const s of NUMBER_SETTINGS) root.querySelector(`#sc-field-${s.id}`).hidden = !base.settings.includes(s.id) && !inputs[s.id].value;
      statusOptions(status, status.value);
      renderMoves();
    },
    /** The base's answer beside the scenario's, in the engine's words. */
    showBase(words) { root.querySelector('#sc-base').textContent = words; },
    /** Marks the input an engine error is about (`scenario.lpp`, …), or none. */
    markInvalid: (field) => markField(field, inputs, list),
  };
}
