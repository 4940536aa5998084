#!/usr/bin/env bash
# Times `factdiff check` and `factdiff compare --format json` over N real news articles (the
# ECB+ development articles in ../shared/data, copied to a temporary directory; default 200).
# Usage: scripts/bench-check.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
shared=${FACTDIFF_SHARED:-../shared}
cargo build --release --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
find "$shared/data/ecbplus/val_docs" -name '*.txt' | sort | head -n "$n" | while read -r f; do
  i=$((i + 1))
  cp "$f" "$dir/$(printf '%05d' "$i")-$(basename "$f")"
done
echo "$(ls "$dir" | wc -l) articles, $(du -sh "$dir" | cut -f1)"
for cmd in "check $dir" "compare --format json $dir"; do
  start=$(date +%s.%N)
  ./target/release/factdiff $cmd >/dev/null || true
  end=$(date +%s.%N)
  printf 'factdiff %-28s %.3f s\n' "${cmd/$dir/DIR}" "$(echo "$end - $start" | bc)"
done
