#!/usr/bin/env bash
# Runs the end-to-end suites (tests/e2e.rs, tests/memory.rs, tests/pipe.rs and
# tests/typing_stress.rs) N times in a row with a busy loop on every core, and counts the runs
# that failed: a flaky test shows here, not in CI.
#
#   bench/e2e-under-load.sh [N]      N runs (default 50)
#
# Environment:
#   INCLUDE_IGNORED=1      also run the tests marked #[ignore]
#   DEBATE_STRESS_RUNS=K   repetitions inside each stress test (default: the test's own, a few)
#   TESTS="e2e"            which test targets to run (default: "e2e memory pipe typing_stress")
#   FILTER=name            run only the tests whose name contains this
#
# Prints one line per run, the failed tests' names, and finally "N passed, M failed". The output
# of every failed run is kept in a directory named at the end.
set -euo pipefail

runs=${1:-50}
tests=${TESTS:-e2e memory pipe typing_stress}
cd "$(dirname "$0")/.."

targets=()
for t in $tests; do targets+=(--test "$t"); done
harness=()
if [[ "${INCLUDE_IGNORED:-}" == 1 ]]; then harness+=(--include-ignored); fi
if [[ -n "${FILTER:-}" ]]; then harness+=("$FILTER"); fi

# Build first, without the load, so that every run measures the tests and not the compiler.
cargo test "${targets[@]}" --no-run --quiet

logs=$(mktemp -d "${TMPDIR:-/tmp}/e2e-under-load.XXXXXX")
busy=()
stop_load() {
    # Only the busy loops this script started, by their ids.
    for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop_load EXIT
for _ in $(seq "$(nproc)"); do
    (while :; do :; done) &
    busy+=($!)
done

passed=0
failed=0
start=$SECONDS
for i in $(seq "$runs"); do
    log="$logs/run-$i.log"
    t0=$SECONDS
    if cargo test "${targets[@]}" --no-fail-fast --quiet -- "${harness[@]}" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "run $i: ok ($((SECONDS - t0)) s)"
        rm -f "$log"
    else
        failed=$((failed + 1))
        # `cargo test --quiet` reports "name --- FAILED"; without --quiet, "test name ... FAILED".
        names=$(sed -nE 's/^(test )?([a-z0-9_:]+) (---|\.\.\.) FAILED$/\2/p' "$log" | tr '\n' ' ' || true)
        echo "run $i: FAILED ($((SECONDS - t0)) s): ${names:-see $log}"
    fi
done
echo "load: $(nproc) busy loops; $runs runs in $((SECONDS - start)) s; failed runs' output in $logs"
echo "$passed passed, $failed failed"
