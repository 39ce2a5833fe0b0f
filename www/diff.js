// The difference map: this order's outcome in every country under two sets of rules, each country
// coloured by how its outcome changed (tighter, looser, another route to the same place, or the
// same), with a count per kind of change ("License needed → No license: exception (LPP)"). The
// outcomes, their words and their order from least to most restrictive all come from the engine's
// `outcomes()`; this module only pairs them up.

/** The map classes of the difference map, in legend order. */
export const DIFF_CLASSES = ['stricter', 'looser', 'rerouted', 'same'];

const WORDS = {
  stricter: 'Stricter',
  looser: 'Looser',
  rerouted: 'Same level, another route',
  same: 'No change',
};

/** One outcome in words: the engine's short class label, with the exception relied on. */
const said = (o, shorts) => (o ? `${shorts.get(o.class) || o.class}${o.exception_used ? ` (${o.exception_used})` : ''}` : 'no answer');

/**
 * Pairs two outcome maps: `before` (the rules compared with) and `after` (the rules chosen);
 * places in `uncounted` (Antarctica) are left uncoloured and out of every count.
 * Returns each country's class and tooltip, the legend, and every kind of change with its count,
 * largest first.
 */
export function diffMap(before, after, names, uncounted = new Set()) {
  const rank = new Map(after.order.map((c, i) => [c, i]));
  const shortsB = new Map(before.legend.map((l) => [l.status, l.short]));
  const shortsA = new Map(after.legend.map((l) => [l.status, l.short]));
  const classes = new Map();
  const labels = new Map();
  const kinds = new Map();
  // Each map lists its distinct answers once and gives every country the index of its own.
  for (const [code, i] of Object.entries(after.destinations)) {
    const a = { code, ...after.answers[i] };
    const o = before.answers[before.destinations[code]];
    if (!o || uncounted.has(code)) continue;
    const step = rank.get(a.class) - rank.get(o.class);
    const cls = step > 0 ? 'stricter' : step < 0 ? 'looser' : a.exception_used !== o.exception_used ? 'rerouted' : 'same';
    const words = cls === 'same' ? `No change: ${said(a, shortsA)}` : `${said(o, shortsB)} → ${said(a, shortsA)}`;
    classes.set(a.code, cls);
    labels.set(a.code, `${names.get(a.code)}: ${words}`);
    const key = `${cls}|${words}`;
    const k = kinds.get(key) || { cls, words, codes: [] };
    k.codes.push(a.code);
    kinds.set(key, k);
  }
  const [a, b2] = [after.regime.short_name, before.regime.short_name];
  const meaning = {
    stricter: `Stricter under the ${a} than under the ${b2}`,
    looser: `Looser under the ${a} than under the ${b2}`,
    rerouted: `The same level under both, reached another way (another exception)`,
    same: 'The same under both',
  };
  const legend = DIFF_CLASSES.map((c) => {
    const members = [...classes.values()].filter((x) => x === c).length;
    return { status: c, short: WORDS[c], count: members, label: meaning[c], includes: `${members} places` };
  }).filter((l) => l.count);
  const list = [...kinds.values()].sort((x, y) => y.codes.length - x.codes.length || DIFF_CLASSES.indexOf(x.cls) - DIFF_CLASSES.indexOf(y.cls));
  return { classes, labels, legend, kinds: list };
}
