// The native CLI's JSON, for tests that check the page against it (the same engine, compiled
// natively): `cli(['convert', '--tpp', '1000'])` runs `h100e convert --tpp 1000 --json`.
import { execFileSync } from 'node:child_process';

export function cli(args) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'h100e', '--', ...args, '--json'], { encoding: 'utf8', timeout: 600_000 });
  return JSON.parse(out);
}
