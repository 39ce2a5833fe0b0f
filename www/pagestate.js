// The page's state: the form (form.js) with the destination last committed to, the scenario (the
// editor's text, not a form field), the embed's options (fixed by the link, no control changes
// them) and the open tool view. Every answer writes it to the URL (app.js, urlstate.js), so the
// address bar reproduces what the page shows (within 0.4 s while typing fast), and every shared
// link, citation and embed carries it (share.js).
import { $ } from './dom.js';
import { readForm } from './form.js';
import { clearNotices } from './notices.js';

let committedTo;
/** The scenario text the answer is made with ('' for the rules as written). */
export let scenario;
let embed;
let tool = () => '';

/**
 * Starts from a link's checked state (linkstate.js), applies the embed's options to the page and
 * returns whether the embed is a fixed graphic (no controls, so a map click changes nothing).
 */
export function startState(start) {
  committedTo = start.to;
  scenario = start.scenario;
  // In the embed: what to show and whether the question can be changed (a fixed graphic).
  embed = { view: start.view, controls: start.controls, theme: start.theme, id: start.id };
  // A host's theme wins over the reader's system setting: the dark sheet is switched on or off.
  if (embed.theme !== 'auto') $('dark-css').media = embed.theme === 'dark' ? 'all' : 'not all';
  document.documentElement.classList.add(`view-${embed.view}`, `controls-${embed.controls}`);
  return document.documentElement.classList.contains('embed') && embed.controls === 'none';
}

/** The page's state: the form, the committed destination, the scenario, the embed's options and the open view. */
export const pageState = () => ({ ...readForm(committedTo), scenario, ...embed, tool: tool() });
/** The destination the page answers for becomes `text` (a pick, Enter, or a complete name). */
export const commit = (text) => { committedTo = text; clearNotices('to'); };
/** The editor's scenario text. */
export const setScenario = (text) => { scenario = text; };
/** Where the open tool view is read from (views.js's `get`), once the views exist. */
export const toolFrom = (get) => { tool = get; };
