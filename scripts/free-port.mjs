// Prints the first port from START on such that it and the COUNT - 1 ports after it are all free
// on 127.0.0.1 (the end-to-end tests serve the page, a host page on another origin, and the npm
// package's test app on three ports in a row). Exits with 1 when no such run is found among the
// 200 ports from START.
// Usage: node scripts/free-port.mjs START COUNT
import { createServer } from 'node:net';

const [start, count] = process.argv.slice(2).map(Number);
if (!Number.isInteger(start) || !Number.isInteger(count) || count < 1) {
  console.error('usage: node scripts/free-port.mjs START COUNT (two whole numbers)');
  process.exit(2);
}

/** Whether nothing listens on `port` (binding it is the only reliable test). */
const free = (port) => new Promise((ok) => {
  const s = createServer();
  s.once('error', () => ok(false));
  s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
});

for (let p = start; p < start + 200; p += count) {
  const all = await Promise.all(Array.from({ length: count }, (_, i) => free(p + i)));
  if (all.every(Boolean)) {
    console.log(p);
    process.exit(0);
  }
}
console.error(`free-port: no ${count} free ports in a row from ${start}`);
process.exit(1);
