#!/usr/bin/env bash
# Runs every test of the project and ends with one line: "N passed, N failed".
# Stages: set-up (installs only what is missing), lint (clippy native and wasm, rustfmt, rustdoc), native
# tests (unit, golden, properties, catalog, CLI, README examples, the bad-input matrix, saved fuzz
# findings), a smoke of each fuzz target, the wasm boundary in headless Chromium, then the page
# built and served, driven by Playwright in Debian's Chromium (including the matrix, CLI–wasm
# parity, axe-core, and the keyboard walk and target sizes).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

passed=0
failed=0
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# Adds up libtest's "test result: ... N passed; M failed" lines from a log.
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$1" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$1" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p))
  failed=$((failed + f))
}

# A stage that is one check: it passes or fails as a whole.
check() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}

# A cargo test run: its tests are counted; a build failure counts as one failure.
cargo_tests() {
  local name="$1"; shift
  echo "== $name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  count_cargo "$logs/$name.log"
  if [ "$status" -ne 0 ] && ! grep -q 'test result: FAILED' "$logs/$name.log"; then
    echo "FAILED: $name did not run"; failed=$((failed + 1))
  fi
}

check "set-up" bash scripts/setup.sh
check "clippy, native (warnings are errors)" cargo clippy --quiet --all-targets -- -D warnings
check "clippy, wasm (warnings are errors)" cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
check "clippy, wasm with the tools (warnings are errors)" cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features tools -- -D warnings
# The tests must also build without the CLI's features (the page's engine is built that way).
check "tests build without default features" cargo check --quiet --all-targets --no-default-features
check "rustfmt" cargo fmt --all -- --check
# Doc links that point nowhere or at private items rot silently: the docs must build clean.
check "rustdoc (warnings are errors)" env RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps
check "no HTML or code from strings in www/" node scripts/lint-www.mjs
cargo_tests native cargo test --all-targets
# A few thousand runs of each fuzz target, so they keep compiling and their checks keep passing
# (scripts/fuzz.sh with a budget runs them for real; FUZZING.md).
check "fuzz targets (smoke)" bash scripts/fuzz.sh 0
CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo_tests wasm cargo test --target wasm32-unknown-unknown --no-default-features --features tools --test web

echo "== page build"
if bash scripts/build.sh; then
  echo "== end-to-end (Playwright, Debian Chromium)"
  rm -f test-results/e2e.json
  # This checkout's own servers, on ports nothing else holds: a server left running from another
  # checkout would otherwise be reused, and the tests would check its files, not these.
  export E2E_FRESH=1
  if [ -z "${E2E_PORT:-}" ] && ! E2E_PORT=$(node scripts/free-port.mjs 8123 3); then
    echo "FAILED: no free ports for the test servers"; failed=$((failed + 1))
  else
    export E2E_PORT
    node_modules/.bin/playwright test
    e2e_status=$?
    if [ -f test-results/e2e.json ]; then
      # Errors outside any test (a web server that cannot start, a file that fails to load) count too.
      read -r p f < <(node -e 'const r=JSON.parse(require("fs").readFileSync("test-results/e2e.json","utf8")); const s=r.stats; console.log(s.expected, s.unexpected + (s.flaky||0) + (r.errors||[]).length)')
      passed=$((passed + p)); failed=$((failed + f))
      if [ "$e2e_status" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAILED: Playwright exited with $e2e_status"; failed=$((failed + 1))
      fi
    else
      echo "FAILED: Playwright wrote no report"; failed=$((failed + 1))
    fi
  fi
else
  echo "FAILED: page build"; failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
