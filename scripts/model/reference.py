#!/usr/bin/env python3
"""Write tests/fixtures/embed/reference.json: for a set of invented sentences, the token
ids model2vec's StaticModel pools over and the sentence vector StaticModel.encode gives
with the *dequantised int8* weights of the exported FDSM file.

Run through `build.sh --reference` (it distils, saves the StaticModel, then calls this).

usage: reference.py --model models/minilm-static-256.fdsm --static-model DIR --out FILE
"""
from __future__ import annotations

import os

for _k, _v in {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_OFFLINE": "1",
}.items():
    os.environ.setdefault(_k, _v)

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fdsm import load_static_model_with_fdsm  # noqa: E402

# Invented sentences (news-like, written for this fixture), each with what it exercises.
_W100 = "counterrevolutionaries" * 4 + "abcdefghijkl"  # 88 + 12 = 100 characters
assert len(_W100) == 100
_W101 = _W100 + "s"
_LONG = (
    "Negotiators from both delegations met again on Thursday, the ninth round of talks "
    "since the ceasefire, and said only that progress had been slow but steady. "
) * 25
SENTENCES: list[tuple[str, str]] = [
    ("plain", "The central bank raised its benchmark rate by a quarter point on Tuesday."),
    ("accents", "Officials at the café in Zürich said the reopening was delayed until mid-March."),
    ("money", "Acme Holdings agreed to buy a rival chipmaker for $2.5 billion in cash and stock."),
    ("thousands+possessive", "Floodwaters forced 1,200 residents from their homes, the county's emergency office said."),
    ("apostrophes", "The minister's spokeswoman didn't confirm the report, and she wouldn't say why."),
    ("hyphens", "A long-running, cross-border dispute over fishing rights flared up again in mid-2023."),
    ("percent+euro", "Shares fell 3.7% to €41.80 in early trading after the profit warning."),
    ("unknown-ish words", "Zorblaxian quarnets overwhelmed the flibbertigibbet regulators at Glimmerholt."),
    ("empty", ""),
    ("long word, 101 chars (whole word becomes [UNK])", f"The panel rejected the {_W101} proposal outright."),
    ("word of exactly 100 chars (still split into pieces)", f"The panel accepted the {_W100} amendment."),
    ("upper-case accents", "ÉLYSÉE OFFICIALS MET COUNTERPARTS IN SÃO PAULO AND KRAKÓW."),
    ("emoji and en dash", "Fans cheered 🎉 as the visitors won 3–1 in extra time."),
    ("CJK and macron", "The trade delegation visited 北京 and Tōkyō last week."),
    ("curly quotes", "“We’re not leaving,” the striking dockworkers told reporters."),
    ("whitespace and control chars", "  Tabs\tand\nnewlines\r\n are   collapsed\u00a0here.\u200b  "),
    ("literal special-token text", "The filing listed [UNK], [PAD] and [CLS] as placeholder names."),
    ("dates and decimals", "On 2024-03-15 the index closed at 4,512.33, up 1.2 per cent."),
    ("email and url", "Contact press@example.org or visit https://example.org/news?id=42 for details."),
    ("punctuation only", "!!! ??? ... --- ;;"),
    ("German and Turkish case", "Die Straße nach İstanbul war GESPERRT, sagte die Polizei."),
    ("only unknown characters", "🎉🎉 🚀"),
    ("long text, cut at 512*median_token_length characters then 512 tokens", _LONG),
    ("character cut only: the words after 3,100 spaces are never seen", "Budget approved." + " " * 3100 + "Budget rejected."),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--static-model", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()

    model, f = load_static_model_with_fdsm(args.static_model, args.model)
    texts = [t for _, t in SENTENCES]
    vectors = model.encode(texts, use_multiprocessing=False)  # model defaults: max_length 512, normalize

    char_limit = model.max_length * model.median_token_length
    emb = model.embedding
    cases = []
    for (label, text), vec in zip(SENTENCES, vectors):
        # What encode does before pooling: cut the text to char_limit code points, tokenise
        # without special tokens (truncating to max_length tokens), drop [UNK].
        cut = text[:char_limit]
        enc = model.tokenizer.encode(cut, add_special_tokens=False)
        ids = model.tokenize([cut])[0]
        assert ids == [i for i in enc.ids if i != model.unk_token_id]
        # Re-derive the vector from the ids: f32 mean, then L2 normalise with +1e-32.
        if ids:
            mean = emb[np.array(ids)].mean(axis=0, dtype=np.float32)
        else:
            mean = np.zeros(emb.shape[1], dtype=np.float32)
        again = mean / (np.linalg.norm(mean) + np.float32(1e-32))
        err = float(np.max(np.abs(again - vec)))
        assert err < 1e-6, (label, err)
        cases.append(
            {
                "label": label,
                "text": text,
                "tokens_before_unk_removal": enc.tokens,
                "ids": ids,
                "vector": [float(x) for x in np.asarray(vec, dtype=np.float32)],
            }
        )

    doc = {
        "about": "Reference token ids and sentence vectors for the static model; see scripts/model/README.md.",
        "model": "models/minilm-static-256.fdsm",
        "model_sha256": hashlib.sha256(args.model.read_bytes()).hexdigest(),
        "dims": f.dims,
        "vocab_size": len(f.tokens),
        "unk_id": f.unk_id,
        "flags": f.flags,
        "max_length_tokens": model.max_length,
        "median_token_length": model.median_token_length,
        "char_limit": char_limit,
        "special_tokens_added": False,
        "unk_dropped": True,
        "normalized": bool(model.normalize),
        "normalization": "v = mean / (||mean||_2 + 1e-32), all in f32; no tokens (or all [UNK]) gives the zero vector",
        "tolerance": 1e-6,
        "cases": cases,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"reference.py: wrote {args.out} ({len(cases)} cases)", file=sys.stderr)


if __name__ == "__main__":
    main()
