#!/usr/bin/env bash
# Supply-chain checks that can run here, with what could not run said plainly (AUDIT.md records a
# run and what was done about it):
#   - cargo deny, offline: licences, bans (wildcards, duplicates) and sources (crates.io only) of
#     the engine, CLI, tests and the fuzz crate (deny.toml);
#   - cargo deny advisories: needs the RustSec database from GitHub; skipped when unreachable;
#   - npm audit of the build-time packages: needs the registry's audit endpoint; skipped when it
#     refuses (a mirror may answer 405);
#   - the npm lockfile: every package from registry.npmjs.org with an integrity hash, and every
#     licence on the allowed list.
# Exits non-zero on a finding; a check that cannot run is reported as SKIPPED, not as passed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! command -v cargo-deny >/dev/null; then
  echo "audit: installing cargo-deny from crates.io"
  cargo install -q cargo-deny --locked
fi

status=0
run() { # name, command...
  local name="$1"; shift
  local log; log="$(mktemp)"
  if "$@" >"$log" 2>&1; then echo "audit $name: ok"; else echo "audit $name: FAILED"; grep -E 'error|warning\[' "$log" | head -20; status=1; fi
  rm -f "$log"
}

run "cargo deny (licences, bans, sources)" cargo deny --offline check licenses bans sources
run "cargo deny, fuzz crate (licences, bans, sources)" cargo deny --offline --manifest-path fuzz/Cargo.toml --config deny.toml check licenses bans sources

log="$(mktemp)"
if cargo deny check advisories >"$log" 2>&1; then
  echo "audit cargo deny advisories: ok"
elif grep -q 'failed to fetch advisory database' "$log"; then
  echo "audit cargo deny advisories: SKIPPED: the RustSec advisory database (github.com) is unreachable from here"
else
  echo "audit cargo deny advisories: FAILED"; grep -E 'error|ID|advisory' "$log" | head -20; status=1
fi

if npm audit --no-fund >"$log" 2>&1; then
  echo "audit npm audit: ok"
elif grep -qE '405|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|audit endpoint returned an error' "$log"; then
  echo "audit npm audit: SKIPPED: the registry's audit endpoint refused ($(grep -oE '[0-9]{3} [A-Za-z ]+- POST|ENOTFOUND|ECONNREFUSED|ETIMEDOUT' "$log" | head -1))"
else
  echo "audit npm audit: FAILED"; tail -20 "$log"; status=1
fi
rm -f "$log"

run "npm lockfile (sources, integrity, licences)" node -e '
const lock = require("./package-lock.json");
// Build-time tools only; nothing of theirs reaches a reader except the world-atlas map data (ISC).
const allowed = new Set(["MIT", "Apache-2.0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "MPL-2.0", "BlueOak-1.0.0"]);
const bad = [];
for (const [path, p] of Object.entries(lock.packages)) {
  if (!path) continue;
  // Without "resolved" npm fetches from the default registry (npm omits it for some optional packages).
  if (p.resolved && !p.resolved.startsWith("https://registry.npmjs.org/")) bad.push(`${path}: from ${p.resolved}`);
  if (!p.integrity?.startsWith("sha512-")) bad.push(`${path}: no sha512 integrity`);
  if (!allowed.has(p.license)) bad.push(`${path}: licence ${p.license}`);
}
if (bad.length) { console.error(`error: ${bad.join("\nerror: ")}`); process.exit(1); }
'
exit $status
