#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets/) for a budget of seconds each (default 60), one
# after another, and prints each target's executions and outcome; FUZZING.md records a full run.
#   scripts/fuzz.sh [seconds] [target...]
#   FUZZ_RUNS=1000000 scripts/fuzz.sh 3600     # until a million executions each (or the budget)
# A budget of 0 is the smoke the test command runs: 3,000 executions per target, which keeps every
# target compiling and its checks passing. A crash is written to fuzz/artifacts/<target>/; copy it
# into fuzz/regressions/<target>/ with a name that says what it found, so `cargo test`
# (tests/fuzz.rs) replays it for ever.
#
# Built with nightly, without a sanitizer (the crate has no unsafe code; libFuzzer still catches
# every panic, and -a keeps overflow checks and debug assertions on), with a 10 s timeout per input
# so a slow input is a finding, not a wait. `lookup` and `evaluate` are built without comparison
# tracing in their own target directory: their work is comparing text with every name, and the
# tracing callbacks took 80% of their time (FUZZING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

budget="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(query_json chip_spec lookup when numbers convert evaluate scenario)

flags() {
  case "$1" in
    lookup|evaluate) echo "-s none -a --no-trace-compares --target-dir fuzz/target-lean" ;;
    *) echo "-s none -a" ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  # shellcheck disable=SC2046
  cargo +nightly fuzz build $(flags "$t") "$t" >/dev/null 2>&1 || cargo +nightly fuzz build $(flags "$t") "$t"
  # The smoke starts from the seeds alone, in a scratch corpus: cheap however large the real
  # corpus grows, and libFuzzer writes new inputs into its first directory, never into the seeds.
  corpus="fuzz/corpus/$t"
  if [ "$budget" -eq 0 ]; then limit=(-runs=3000); corpus="$(mktemp -d)"
  else limit=(-max_total_time="$budget" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS}); fi
  log="$(mktemp)"
  start=$SECONDS
  # shellcheck disable=SC2046
  if cargo +nightly fuzz run $(flags "$t") "$t" "$corpus" "fuzz/seeds/$t" -- \
      "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ok, ${runs:-?} executions in $((SECONDS - start)) s$([ "$budget" -eq 0 ] && echo " (smoke)")"
  else
    echo "fuzz $t: FAILED"; grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -6
    status=1
  fi
  rm -f "$log"
  [ "$budget" -ne 0 ] || rm -rf "$corpus"
done
exit $status
