"""The pipeline a Python user would write instead of factdiff, for scripts/bench-peer.sh.

Sentences from pySBD, TF-IDF vectors from scikit-learn, cosine similarity over every pair of
sentences from different articles, pairs at or above 0.5 kept. Prints the sentence and pair
counts and the time of each step, so factdiff's speed can be put next to it.

Usage: python peer_pipeline.py DIR
"""

import pathlib
import sys
import time

import numpy as np
import pysbd
from sklearn.feature_extraction.text import TfidfVectorizer

THRESHOLD = 0.5
ROWS_PER_BLOCK = 2000  # rows of the similarity matrix computed at once, to bound memory


def main(directory: str) -> None:
    started = time.perf_counter()
    files = sorted(pathlib.Path(directory).glob("*.txt"))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    sentences, owner = [], []
    for index, path in enumerate(files):
        for sentence in segmenter.segment(path.read_text(encoding="utf-8")):
            if sentence.strip():
                sentences.append(sentence.strip())
                owner.append(index)
    segmented = time.perf_counter()

    vectors = TfidfVectorizer().fit_transform(sentences)  # rows are L2-normalised
    vectorised = time.perf_counter()

    owner = np.asarray(owner)
    pairs = 0
    for start in range(0, vectors.shape[0], ROWS_PER_BLOCK):
        block = (vectors[start : start + ROWS_PER_BLOCK] @ vectors.T).tocoo()
        rows = block.row + start
        keep = (block.data >= THRESHOLD) & (rows < block.col) & (owner[rows] != owner[block.col])
        pairs += int(keep.sum())
    finished = time.perf_counter()

    print(f"{len(files)} articles, {len(sentences)} sentences, {pairs} pairs >= {THRESHOLD}")
    print(f"segment {segmented - started:.2f} s, tf-idf {vectorised - segmented:.2f} s, "
          f"all-pairs cosine {finished - vectorised:.2f} s, total {finished - started:.2f} s")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: peer_pipeline.py DIR")
    main(sys.argv[1])
