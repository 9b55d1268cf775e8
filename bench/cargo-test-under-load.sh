#!/usr/bin/env bash
# Runs the whole `cargo test` N times in a row with a busy loop on every core, and counts the
# runs that failed: issue 13's "green 50 times of 50 under load". The e2e suites alone are
# bench/e2e-under-load.sh; this is the same method over every test target.
#
#   bench/cargo-test-under-load.sh [N]      N runs (default 50)
#
# Stops early, between runs, when the file named by STOP (default: none) exists. Prints one line
# per run and finally "N passed, M failed"; every run's output is kept in a directory named at
# the end.
set -uo pipefail

runs=${1:-50}
cd "$(dirname "$0")/.."
out=$(mktemp -d -t cargo-test-under-load.XXXXXX)

# Build first, without the load, so that every run measures the tests and not the compiler.
cargo test --no-run --quiet || exit 1

busy=()
for _ in $(seq "$(nproc)"); do (while :; do :; done) & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT

pass=0
fail=0
for i in $(seq "$runs"); do
  if [[ -n "${STOP:-}" && -e "$STOP" ]]; then break; fi
  start=$(date +%s)
  if cargo test --quiet > "$out/run-$i.log" 2>&1; then
    pass=$((pass + 1)); result=ok
  else
    fail=$((fail + 1)); result=FAILED
  fi
  echo "run $i: $result ($(( $(date +%s) - start )) s, load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load: $(nproc) busy loops; output of every run in $out"
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
