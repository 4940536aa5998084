#!/usr/bin/env python3
"""Orientation only: accuracy of thresholded cosine similarity on MRPC training pairs,
at the best threshold chosen on those same pairs (so it is optimistic).

usage: mrpc_check.py --model models/minilm-static-256.fdsm --static-model DIR --tsv train.tsv
"""
from __future__ import annotations

import os

for _k, _v in {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}.items():
    os.environ.setdefault(_k, _v)

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fdsm import load_static_model_with_fdsm  # noqa: E402


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    order = np.argsort(-scores)
    s, y = scores[order], labels[order]
    n, pos = len(y), int(y.sum())
    # predict "paraphrase" for the top k: correct = positives in top k + negatives below
    tp = np.concatenate([[0], np.cumsum(y)])
    k = np.arange(n + 1)
    correct = tp + (n - pos) - (k - tp)
    best = int(np.argmax(correct))
    thr = float(s[best - 1]) if best > 0 else float("inf")
    acc = correct[best] / n
    tpb, fp = tp[best], best - tp[best]
    f1 = 2 * tpb / (2 * tpb + fp + (pos - tpb)) if pos else 0.0
    return thr, float(acc), float(f1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--static-model", type=Path, required=True)
    ap.add_argument("--tsv", type=Path, required=True)
    args = ap.parse_args()

    model, _ = load_static_model_with_fdsm(args.static_model, args.model)
    a, b, y = [], [], []
    with open(args.tsv, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            a.append(row["#1 String"])
            b.append(row["#2 String"])
            y.append(int(row["Quality"]))
    labels = np.array(y)
    va = model.encode(a, use_multiprocessing=False)
    vb = model.encode(b, use_multiprocessing=False)
    cos = np.sum(va * vb, axis=1)  # vectors are already L2-normalised
    thr, acc, f1 = best_threshold(cos, labels)
    print(
        f"MRPC train: {len(labels)} pairs, {labels.mean():.3f} paraphrases; best threshold {thr:.4f}:"
        f" accuracy {acc:.4f}, F1 {f1:.4f} (always 'paraphrase': {labels.mean():.4f})"
    )


if __name__ == "__main__":
    main()
