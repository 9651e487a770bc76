"""The sentence encoder (all-MiniLM-L6-v2 by default), loaded once per process, offline."""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from bot import config


@lru_cache(maxsize=4)
def load_encoder(model: str | None = None):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    # The servers set BOT_TORCH_THREADS=1 (bot/ops/serve.py): they embed one short message at a time, and torch's
    # thread pool fighting TensorFlow's for 2 cores made concurrent turns 4x slower. Batch jobs use every core.
    threads = config.settings().bot_torch_threads
    if threads:
        torch.set_num_threads(threads)
    return SentenceTransformer(model or config.embed_model(), device="cpu")


def encode(texts: list[str], model: str | None = None, batch_size: int = 64, progress: bool = False) -> np.ndarray:
    """L2-normalised float32 embeddings, so inner product = cosine similarity."""
    encoder = load_encoder(model)
    vectors = encoder.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=progress,
    )
    return np.ascontiguousarray(vectors, dtype=np.float32)


def encode_with_progress(
    texts: list[str],
    model: str | None = None,
    desc: str = "Embedding",
    unit: str = "text",
    chunk: int = 64,
    progress: bool = True,
) -> list[np.ndarray]:
    """`encode` in chunks under one progress bar, for the long builds (passages, O*NET titles)."""
    from tqdm import tqdm

    out: list[np.ndarray] = []
    with tqdm(total=len(texts), desc=desc, unit=unit, disable=not progress) as bar:
        for start in range(0, len(texts), chunk):
            part = texts[start : start + chunk]
            out.extend(encode(part, model=model, batch_size=min(chunk, 256)))
            bar.update(len(part))
    return out
