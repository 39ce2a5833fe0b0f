#!/usr/bin/env bash
# Runs every test of the project and ends with one line: "N passed, N failed".
# Stages: lint (clippy, warnings are errors), native tests (unit, golden, properties, catalog, CLI,
# README examples). Each stage's own output is kept; the summary adds them up.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Adds up libtest's "test result: ... N passed; M failed" lines from a log.
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$1" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '; [0-9]+ failed' "$1" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p))
  failed=$((failed + f))
}

# A stage that is one check: it passes or fails as a whole.
check() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}

check "clippy (warnings are errors)" cargo clippy --quiet --all-targets -- -D warnings
check "rustfmt" cargo fmt --all -- --check

echo "== native tests"
cargo test --all-targets 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
count_cargo "$log"
if [ "$status" -ne 0 ] && ! grep -q 'test result: FAILED' "$log"; then
  echo "FAILED: cargo test did not run (build error)"; failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
