"""Reader for the FDSM static-embedding file (format in README.md), and the helpers
reference.py and mrpc_check.py share. Independent of distill.py's writer on purpose."""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"FDSM\x01\x00\x00\x00"


@dataclass
class Fdsm:
    dims: int
    flags: int
    tokens: list[str]
    unk_id: int
    scales: np.ndarray  # (vocab,) float32
    q: np.ndarray  # (vocab, dims) int8

    def dequantized(self) -> np.ndarray:
        """vector[t] = scale[t] * int8[t], computed in float32."""
        return (self.scales[:, None] * self.q.astype(np.float32)).astype(np.float32)


def read_fdsm(path: Path) -> Fdsm:
    data = Path(path).read_bytes()
    if data[:8] != MAGIC:
        raise ValueError(f"{path}: bad magic {data[:8]!r}")
    dims, vocab, flags = struct.unpack_from("<III", data, 8)
    off = 20
    tokens = []
    for _ in range(vocab):
        (n,) = struct.unpack_from("<H", data, off)
        off += 2
        tokens.append(data[off : off + n].decode("utf-8"))
        off += n
    (unk,) = struct.unpack_from("<I", data, off)
    off += 4
    scales = np.frombuffer(data, dtype="<f4", count=vocab, offset=off).astype(np.float32)
    off += 4 * vocab
    q = np.frombuffer(data, dtype=np.int8, count=vocab * dims, offset=off).reshape(vocab, dims)
    off += vocab * dims
    if off != len(data):
        raise ValueError(f"{path}: {len(data) - off} trailing bytes")
    return Fdsm(dims, flags, tokens, unk, scales, q)


def load_static_model_with_fdsm(static_model_dir: Path, fdsm_path: Path):
    """The distilled model2vec StaticModel with its embedding matrix replaced by the
    dequantised int8 weights of the exported file."""
    from model2vec import StaticModel

    model = StaticModel.from_pretrained(str(static_model_dir))
    f = read_fdsm(fdsm_path)
    if list(model.tokens) != f.tokens:
        raise ValueError("vocabulary in the FDSM file differs from the StaticModel's tokenizer")
    if model.unk_token_id != f.unk_id:
        raise ValueError(f"unk id {f.unk_id} in the file, {model.unk_token_id} in the StaticModel")
    model.embedding = f.dequantized()
    return model, f
