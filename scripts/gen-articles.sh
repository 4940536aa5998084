#!/usr/bin/env bash
# Writes N variants of the example articles into DIR, for measuring reports on many sources.
# Each variant changes the figures, dates and delegate counts, so the variants disagree with
# each other the way real coverage does and the report has differences to draw, not only
# agreements.
# Usage: scripts/gen-articles.sh N DIR
set -euo pipefail
n=${1:?usage: gen-articles.sh N DIR}
dir=${2:?usage: gen-articles.sh N DIR}
src="$(cd "$(dirname "$0")/.." && pwd)/examples/articles"
mkdir -p "$dir"
mapfile -t seeds < <(ls "$src"/*.txt "$src"/*.md | sort)
for ((i = 1; i <= n; i++)); do
  seed=${seeds[$(((i - 1) % ${#seeds[@]}))]}
  base=$(basename "$seed")
  ext=${base##*.}
  sed -e "s/\\\$1\\.8 billion/\$1.$((i % 9 + 1)) billion/g" \
      -e "s/\\\$2\\.5 billion/\$2.$((i % 7 + 1)) billion/g" \
      -e "s/March 14/March $((i % 28 + 1))/g" \
      -e "s/\\b350\\b/$((300 + i))/g" \
      -e "s/five years/$((i % 6 + 2)) years/g" \
      "$seed" >"$dir/$(printf 'outlet-%03d' "$i")-${base%.*}.$ext"
done
