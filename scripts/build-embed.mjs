// Writes www/embed.html from www/index.html: the same page and URL state without the site's
// chrome (the parts marked <!-- site --> … <!-- /site -->), with a link to the full calculator and
// the frame script (embed-frame.js) that reports its height to the host page and explains itself
// when the calculator cannot start there. One source of markup, so the embed cannot drift.
// Usage (from the repo root): node scripts/build-embed.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const page = readFileSync('www/index.html', 'utf8');
const blocks = page.match(/<!-- site -->[\s\S]*?<!-- \/site -->\n?/g) || [];
if (blocks.length < 3 || !page.includes('<!-- embed -->')) {
  console.error('build-embed: www/index.html lost its <!-- site --> or <!-- embed --> markers');
  process.exit(1);
}
let embed = page;
for (const b of blocks) embed = embed.replace(b, '');
embed = embed
  .replace('<html lang="en">', '<html lang="en" class="embed">')
  .replace(/<title>[^<]*<\/title>/, '<title>h100e: US export controls on AI chips (embedded)</title>')
  .replace('<!-- embed -->', `<p class="embed-foot"><a id="full-link" href="./" target="_blank" rel="noopener">Open the full calculator</a> for every cited step · h100e</p>
<script src="embed-frame.js" defer></script>`);
writeFileSync('www/embed.html', embed);
console.log(`build-embed: www/embed.html (${Buffer.byteLength(embed)} B)`);
