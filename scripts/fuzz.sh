#!/usr/bin/env bash
# Runs every cargo-fuzz target for a budget of seconds each (default 60), one after another, and
# prints each target's executions and outcome; FUZZING.md records a full run.
#   scripts/fuzz.sh [seconds] [target...]
# A budget of 0 is the smoke the test command runs: a few thousand executions per target, which
# keeps every target compiling and its checks passing. Crashes are written to
# fuzz/artifacts/<target>/; copy each into fuzz/regressions/<target>/ with a name that says what
# it found, so `cargo test` (tests/fuzz.rs) replays it for ever.
#
# Built with nightly, without a sanitizer (the crate has no unsafe code; libFuzzer still catches
# panics, and -a keeps overflow checks and debug assertions on) and with a 10 s timeout per input,
# so a slow input is a finding, not a wait.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

budget="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(query_json chip_spec lookup when numbers convert evaluate)

cargo +nightly fuzz build -s none -a >/dev/null 2>&1 || cargo +nightly fuzz build -s none -a
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  if [ "$budget" -eq 0 ]; then limit=(-runs=3000); else limit=(-max_total_time="$budget"); fi
  log="$(mktemp)"
  if cargo +nightly fuzz run -s none -a "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ok, ${runs:-?} executions$( [ "$budget" -eq 0 ] && echo " (smoke)" || echo " in ${budget} s")"
  else
    echo "fuzz $t: FAILED"; grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -6
    status=1
  fi
  rm -f "$log"
done
exit $status
