// Downloads, made in the browser: the country table as CSV, the answer as JSON, the map as SVG and
// PNG. Each is stamped with the rules, the dataset version and the date, so a file that travels
// without the page still says what it shows.
import { s } from './dom.js';

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (v) => {
  const t = String(v ?? '');
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/**
 * The start of a download's file name: the rules' id, the word "scenario" and the scenario's
 * settings when the rules are a reader's hypothetical scenario (so its files are never taken for
 * the rule's own), and the dataset version. The settings are written in lowercase letters, digits
 * and hyphens only, and clipped, so the name is safe on every file system.
 */
export function fileBase(regime, data) {
  const sc = regime.scenario;
  const settings = sc && sc.text.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  return `h100e-${regime.id}${sc ? `-scenario${settings ? `-${settings}` : ''}` : ''}-${data.version}`;
}

/** The rules as a file names them: a scenario says it is hypothetical, and what it changed. */
const rulesWords = (regime) => (regime.scenario
  ? `Hypothetical scenario built on the ${regime.name}: ${regime.scenario.changes}` : regime.name);

/** The country table: every destination, its tier or rule and this order's outcome, stamped. */
export function tableCsv(rows, stamp) {
  const head = ['code', 'name', 'tier_or_rule', 'this_order', 'rules', 'rules_id', 'hypothetical', 'not_enforced', 'scenario', 'groups_as_of', 'dataset_version'];
  const lines = [head, ...rows.map((r) => [r.code, r.name, r.rule, r.outcome, rulesWords(stamp.regime), stamp.regime.id, stamp.regime.hypothetical,
    stamp.regime.unenforced, stamp.regime.scenario?.text || '', stamp.regime.date_applied, stamp.data.version])];
  return lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The chip catalog (the engine's `chips()`, the rows shown), stamped with the dataset version. */
export function chipsCsv(chips, data) {
  const head = ['id', 'name', 'vendor', 'tpp', 'h100e', 'performance_density', 'eccn', 'datacenter', 'dram_bandwidth_gbs',
    'how_checked', 'uncertain', 'sources', 'dataset_version', 'sources_checked'];
  const lines = [head, ...chips.map((c) => [c.id, c.name, c.vendor, c.tpp, c.h100e, c.performance_density, c.eccn, c.datacenter,
    c.dram_bandwidth_gbs, c.verification, c.uncertain, c.sources.map((x) => `${x.about}: ${x.url}`).join(' | '), data.version, data.checked])];
  return lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Each catalog chip's research notes, how its figures were checked and its sources, by id, and
 * each source's title by its link: the page's engine leaves them out (never shown; its answers
 * cite only a chip's first source, and show a title only where a citation names no paragraph),
 * so they come from chip-research.json beside the page, or inlined by the single-file build.
 */
let research = null;
function chipResearch() {
  research ||= globalThis.h100eResearch ? Promise.resolve(globalThis.h100eResearch)
    : fetch('chip-research.json').then((r) => {
      if (!r.ok) throw new Error(`the chips' research text could not be loaded (HTTP ${r.status})`);
      return r.json();
    }, () => { throw new Error("the chips' research text could not be loaded (no connection?)"); })
      .catch((e) => { research = null; throw e; });
  return research;
}

/** Every citation in an answer (an object with a `grade_label`), wherever it sits. */
function* citations(v) {
  if (Array.isArray(v)) for (const x of v) yield* citations(x);
  else if (v && typeof v === 'object') {
    if ('grade_label' in v) yield v;
    else for (const x of Object.values(v)) yield* citations(x);
  }
}

/** A source's link as the data gives it: an answer's eCFR link opens the text of its date. */
const dataLink = (url) => url.replace(/^https:\/\/www\.ecfr\.gov\/on\/\d{4}-\d{2}-\d{2}\//, 'https://www.ecfr.gov/current/');

/**
 * The answer with its explanation and citations, as the engine gave it, with its chip's research
 * text and its sources' titles filled in where the page's engine left them null: the same JSON as
 * the full engine's.
 */
export async function answerJson(verdict) {
  const c = verdict.chip;
  const untitled = [...citations(verdict)].some((x) => x.source === null);
  let full = verdict;
  if (untitled || (!c.custom && c.verification === null)) {
    const { version, chips, titles } = await chipResearch();
    // A copy cached from another dataset would put its notes into an answer stamped with this one.
    if (version !== verdict.data.version) throw new Error(`the chips' research text is from dataset ${version}, not ${verdict.data.version}; reload the page`);
    full = structuredClone(verdict);
    for (const x of citations(full)) {
      if (x.source !== null) continue;
      x.source = titles[dataLink(x.url)];
      if (x.source === undefined) throw new Error(`the chips' research text has no title for ${x.url}`);
    }
    if (!c.custom && c.verification === null) {
      const r = chips[c.id];
      if (!r) throw new Error(`the chips' research text has no ${c.id}`);
      full.chip = { ...full.chip, notes: r.notes, verification: r.verification, sources: r.sources };
    }
  }
  return `${JSON.stringify(full, null, 2)}\n`;
}

/** A custom property's value as the page shows it now (light or dark). */
const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

const FONT = 'system-ui, sans-serif';

/**
 * `words` in lines that fit `width` px at `size` px: SVG text never wraps, and a scenario's
 * description runs to hundreds of characters. Measured as this browser draws the font (the PNG
 * is drawn here); another viewer's system font may be a little wider, hence the margin.
 */
function wrap(words, size, weight, width) {
  const pen = document.createElement('canvas').getContext('2d');
  pen.font = `${weight} ${size}px ${FONT}`;
  const lines = [''];
  for (const word of words.split(' ')) {
    const line = lines[lines.length - 1];
    const longer = line ? `${line} ${word}` : word;
    if (line && pen.measureText(longer).width > width * 0.92) lines.push(word);
    else lines[lines.length - 1] = longer;
  }
  return lines;
}

/**
 * The world map as a standalone SVG: colours resolved from the page's CSS, a title and the rules
 * (on as many lines as they need; the image grows to hold them), the legend and a source line
 * drawn in. `legend` is the engine's legend; `stamp` names rules and dataset; `depends` counts the
 * destinations whose answer turns on a contested point, which a line under the legend names.
 */
export function mapSvg(world, legend, stamp, title, depends = 0) {
  const [, , w, hgt] = world.getAttribute('viewBox').split(' ').map(Number);
  const map = world.cloneNode(true);
  map.removeAttribute('class');
  map.removeAttribute('tabindex');
  for (const attr of ['fill', 'stroke']) {
    for (const el of map.querySelectorAll(`[${attr}^="var("]`)) el.setAttribute(attr, cssVar(el.getAttribute(attr).slice(4, -1)));
  }
  map.querySelector('.sea')?.setAttribute('fill', cssVar('--sea'));
  for (const el of map.querySelectorAll('.land path, .other')) {
    el.setAttribute('stroke', cssVar('--border'));
    el.setAttribute('stroke-width', '0.5');
  }
  for (const el of map.querySelectorAll('.other')) el.setAttribute('fill', cssVar('--c-none'));
  for (const el of map.querySelectorAll('.hits, .ring')) el.remove();
  for (const el of map.querySelectorAll('.symbol')) { el.setAttribute('stroke', cssVar('--fg')); el.setAttribute('stroke-width', '0.8'); }
  for (const el of map.querySelectorAll('[tabindex], [role]')) { el.removeAttribute('tabindex'); el.removeAttribute('role'); }
  const text = (x, y, size, words, weight = 400) => s('text', { x, y, 'font-size': size, 'font-weight': weight, fill: cssVar('--fg'), 'font-family': FONT }, words);
  const sc = stamp.regime.scenario;
  const hyp = sc ? ` — hypothetical scenario: ${sc.changes}` : stamp.regime.hypothetical ? ' (hypothetical, never in force)'
    : stamp.regime.unenforced ? ' — not the rules exporters follow' : '';
  const rules = `${stamp.regime.name}${hyp}; country groups as of ${stamp.regime.date_applied}`;
  // The title's and the rules' lines, each a line height (1.3 × its size) below the last.
  let top = 0;
  const head = [[title, 18, 650], [rules, 12, 400]].flatMap(([words, size, weight]) =>
    wrap(words, size, weight, w - 16).map((line) => text(8, (top += Math.round(size * 1.3)), size, line, weight)));
  top += 2;
  map.setAttribute('x', 0);
  map.setAttribute('y', top);
  map.setAttribute('width', w);
  map.setAttribute('height', hgt);
  const keys = legend.map((l, i) => {
    const fill = map.querySelector(`#p-${l.status}`) ? `url(#p-${l.status})` : cssVar('--c-none');
    return s('g', { transform: `translate(${8 + (i % 3) * 330}, ${top + hgt + 12 + Math.floor(i / 3) * 20})` },
      s('rect', { width: 14, height: 14, fill, stroke: cssVar('--fg'), 'stroke-width': 0.5 }), text(20, 12, 12, `${l.short}: ${l.count}`));
  });
  const rows = Math.ceil(legend.length / 3) + (depends ? 1 : 0);
  if (depends) {
    keys.push(text(8, top + hgt + 24 + (rows - 1) * 20, 12,
      `${depends} of these ${depends === 1 ? 'answer depends' : 'answers depend'} on a contested point, counted here by its first reading; the country table names it.`));
  }
  const total = top + hgt + 20 + rows * 20 + 26;
  const doc = s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${w} ${total}`, width: w, height: total },
    s('rect', { width: w, height: total, fill: cssVar('--bg') }),
    ...head,
    map, ...keys,
    text(8, total - 8, 11, `Source: h100e, dataset ${stamp.data.version} (sources checked ${stamp.data.checked}); map: Natural Earth. Not legal advice.`));
  // Patterns the clone refers to keep the page's ids; the page's own map is not in this document.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

/** The same map as PNG, drawn from the SVG at twice its size. */
export async function mapPng(svgText) {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `data` (text or Blob) as a file named `name`. */
export function save(data, name, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
