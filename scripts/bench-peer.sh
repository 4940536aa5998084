#!/usr/bin/env bash
# factdiff next to the pipeline a Python user would write (pySBD sentences, scikit-learn
# TF-IDF, cosine over all pairs >= 0.5), on the same articles: N articles of 30 real news
# sentences built by `examples/bench_scale.rs` from ../shared/data (MRPC and ECB+).
# Prints wall time and peak memory of each, and the ratio.
# Usage: scripts/bench-peer.sh [N...]        (default: 200 800 3200)
# The Python packages go into a virtual environment under target/peer-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 800 3200)
export FACTDIFF_SHARED="${FACTDIFF_SHARED:-$(cd .. && pwd)/shared}"

venv=target/peer-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pysbd scikit-learn
fi
cargo build --release --quiet --bin factdiff --example bench_scale

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# /usr/bin/time prints "wall seconds, peak KiB"; the commands' own output is discarded.
measure() { /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1; cat "$work/time"; }

printf '%7s %8s | %10s %9s | %10s %9s | %7s\n' N MB factdiff peak python peak ratio
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  ./target/release/examples/bench_scale --write "$n" "$dir" >/dev/null
  mb=$(du -sb "$dir" | awk '{printf "%.1f", $1 / 1e6}')
  read -r ft fm < <(measure ./target/release/factdiff compare --format json "$dir")
  read -r pt pm < <(measure "$venv/bin/python" scripts/peer_pipeline.py "$dir")
  ratio=$(awk -v p="$pt" -v f="$ft" 'BEGIN { printf "%.0fx", p / (f > 0 ? f : 0.01) }')
  printf '%7s %8s | %8.2f s %6d MB | %8.2f s %6d MB | %7s\n' "$n" "$mb" "$ft" $((fm / 1024)) "$pt" $((pm / 1024)) "$ratio"
done
