#!/usr/bin/env bash
# fzf --filter against `debate search` on the same generated texts, in one run, medians of 5.
# Needs fzf (apt-get install fzf). Usage: bench/compare-fzf.sh [CLAIMS] (default 100000)
#
# fzf gets every claim's summary, quote and tags, one per line, and prints every match ranked.
# debate searches the same fields of the same claims (then the article paragraphs); its
# "claims ranked" time is the engine's, in process, with the file already loaded; its whole
# process also parses and checks the TOML file, which fzf's plain lines do not need.
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-100000}
command -v fzf >/dev/null || { echo "fzf is not installed (apt-get install fzf)"; exit 1; }
cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./target/release/debate generate --articles $((claims / 100)) --claims "$claims" --seed 1 -o "$dir/d.toml"
./target/release/debate export "$dir/d.toml" --format json |
  python3 -c '
import json, sys
d = json.load(sys.stdin)
for c in d["claims"]:
    for text in (c["summary"], c["quote"], " ".join(c["tags"])):
        print(" ".join(text.split()))' > "$dir/lines.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
# The engine's time for the claims, from `debate search --timings`.
engine_ms() {
  ./target/release/debate search "$1" "$dir/d.toml" --limit 50 --timings 2>&1 >/dev/null |
    sed -n 's/.*claims ranked after \([0-9.]*\) ms.*/\1/p'
}
echo "$claims claims, $(wc -l < "$dir/lines.txt") lines for fzf; fzf $(fzf --version | cut -d' ' -f1)"
printf '%-14s %8s %14s %7s %16s\n' query "fzf ms" "debate engine" ratio "debate process"
for q in t tec techno "technology t" deepseek semiconducto "tec sem !chi" "t s !the"; do
  f=$(for _ in 1 2 3 4 5; do time_ms fzf --filter "$q" < "$dir/lines.txt"; done | median)
  e=$(for _ in 1 2 3 4 5; do engine_ms "$q"; done | median)
  p=$(for _ in 1 2 3 4 5; do time_ms ./target/release/debate search "$q" "$dir/d.toml" --limit 50; done | median)
  printf '%-14s %8s %14s %7s %16s\n' "$q" "$f" "$e" "$(awk -v a="$e" -v b="$f" 'BEGIN {printf "%.2f", a / (b ? b : 1)}')" "$p"
done
echo "(ratio = debate engine / fzf; below 1 is faster than fzf)"
