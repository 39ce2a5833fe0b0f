// Fails when the page's own code could parse text as HTML or code: `innerHTML`, `outerHTML`,
// `insertAdjacentHTML`, `document.write`, `eval`, `new Function`, string timers, or an inline event
// handler attribute in the HTML. The page builds every element with dom.js (text nodes only), so
// nothing from a URL, a form or the engine can become markup; this keeps it that way.
// Usage: node scripts/lint-www.mjs   (exit 1 and one line per finding)
import { readFileSync, readdirSync } from 'node:fs';

const RULES = [
  [/\.(innerHTML|outerHTML)\s*[+]?=/, 'assigns HTML'],
  [/\binsertAdjacentHTML\s*\(/, 'inserts HTML'],
  [/\bdocument\.write(ln)?\s*\(/, 'writes HTML'],
  [/(^|[^.\w])eval\s*\(/, 'evaluates code'],
  [/\bnew\s+Function\s*\(/, 'evaluates code'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'evaluates a string as code'],
  [/\bcreateContextualFragment\s*\(/, 'parses HTML'],
];
const HTML_RULES = [[/\son[a-z]+\s*=/i, 'has an inline event handler'], [/javascript:/i, 'has a javascript: URL']];

const findings = [];
for (const name of readdirSync('www')) {
  // world.js is generated data (paths), pkg/ is wasm-bindgen's output: neither is hand-written.
  if (name === 'world.js') continue;
  const rules = name.endsWith('.js') ? RULES : name.endsWith('.html') ? HTML_RULES : null;
  if (!rules) continue;
  readFileSync(`www/${name}`, 'utf8').split('\n').forEach((line, i) => {
    for (const [re, what] of rules) if (re.test(line)) findings.push(`www/${name}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
  });
}
if (findings.length) {
  console.error(findings.join('\n'));
  process.exit(1);
}
console.log('lint-www: no HTML or code is built from strings in www/');
