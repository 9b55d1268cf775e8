#!/usr/bin/env bash
# fzf --filter against `debate search` on the same generated texts, in one run, medians of 5.
# Needs fzf (apt-get install fzf) and hyperfine is not required. Usage: bench/compare-fzf.sh [CLAIMS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-10000}
command -v fzf >/dev/null || { echo "fzf is not installed (apt-get install fzf)"; exit 1; }
cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./target/release/debate generate --articles $((claims / 100)) --claims "$claims" --seed 1 -o "$dir/d.toml"
# The same texts for fzf: every claim's summary and quote, one per line.
./target/release/debate export "$dir/d.toml" --format json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); [print(c["summary"]) or print(c["quote"]) for c in d["claims"]]' > "$dir/lines.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
printf '%-10s %10s %14s %8s\n' query "fzf ms" "debate ms" ratio
for q in t tec techno; do
  f=$(for _ in 1 2 3 4 5; do time_ms fzf --filter "$q" < "$dir/lines.txt"; done | median)
  d=$(for _ in 1 2 3 4 5; do time_ms ./target/release/debate search "$q" "$dir/d.toml" --limit 50; done | median)
  printf '%-10s %10s %14s %8s\n' "$q" "$f" "$d" "$(awk -v a="$d" -v b="$f" 'BEGIN {printf "%.2f", a / (b ? b : 1)}')"
done
echo "(debate's time includes loading and validating the file; fzf reads plain lines)"
