"""Which FAISS index to build for a corpus of a given size, and how to search it.

Small corpora (every bundled or ingested knowledge base so far) get exact inner-product search: it is fast
enough and never misses. Past FLAT_MAX passages an inverted-file index with 8-bit scalar quantisation
(IVF + SQ8) keeps queries in milliseconds and memory at about a quarter of the raw vectors; `nprobe` (how many
lists a query visits) was chosen with `make bench-scale` to keep recall@10 against exact search >= 0.95.
The choice and its parameters are written to the index's meta.json and re-applied when it is loaded.
"""

from __future__ import annotations

import math

import numpy as np

from bot import config

FLAT_MAX = config.settings().bot_flat_max
TRAIN_SAMPLE_PER_LIST = 64  # k-means training points per inverted list
NPROBE_SHARE = 1 / 64  # share of the lists a query visits, within [NPROBE_MIN, NPROBE_MAX]
NPROBE_MIN, NPROBE_MAX = 16, 128


def choose(n: int, dimension: int) -> dict:
    """The index spec for n vectors: its type, FAISS factory string and search parameters."""
    if n <= FLAT_MAX:
        return {"index_type": "IndexFlatIP", "factory": "Flat", "exact": True}
    nlist = int(2 ** round(math.log2(4 * math.sqrt(n))))  # ~4*sqrt(n) lists: 2048 at 250k, 4096 at 1M
    nprobe = int(min(NPROBE_MAX, max(NPROBE_MIN, nlist * NPROBE_SHARE)))
    return {
        "index_type": "IndexIVFScalarQuantizer",
        "factory": f"IVF{nlist},SQ8",
        "nlist": nlist,
        "nprobe": nprobe,
        "exact": False,
    }


def build(matrix: np.ndarray, spec: dict, seed: int = 0):
    """A filled index for the rows of `matrix` (normalised float32), trained on a sample when it needs training."""
    import faiss

    dimension = matrix.shape[1]
    index = faiss.index_factory(dimension, spec["factory"], faiss.METRIC_INNER_PRODUCT)
    if not index.is_trained:
        size = min(len(matrix), spec.get("nlist", 1) * TRAIN_SAMPLE_PER_LIST)
        sample = matrix[np.random.default_rng(seed).choice(len(matrix), size=size, replace=False)]
        index.train(sample)
    for start in range(0, len(matrix), 100_000):  # in slices: adding 1M rows at once doubles peak memory
        index.add(matrix[start : start + 100_000])
    configure(index, spec)
    return index


def configure(index, spec: dict) -> None:
    """Apply the search-time parameters recorded in the spec (nothing for exact search)."""
    import faiss

    if spec.get("nprobe"):
        faiss.extract_index_ivf(index).nprobe = int(spec["nprobe"])
