"""Embeddings of every O*NET job title, so that a title nobody taught the lookup ("Bulk Delivery Driver") can be
compared by meaning with the ~48,000 titles it knows, not only by shared letters.

The vectors sit beside the passage index (`<index dir>/titles.npz`: the lower-cased titles, their vectors, the
model's name and a hash of the titles). `python -m bot index` and `make run`/`make test` build them (about a minute
on two cores); unchanged titles keep their vectors. Without them the resolver compares titles by letters and words
only (bot/dialogue/titles.py), which is what test indexes built from a handful of pages do.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot import config
from bot.knowledge.titles import title_names

log = logging.getLogger(__name__)
FILE = "titles.npz"


@dataclass(frozen=True)
class TitleVectors:
    """Lower-cased titles and their unit-length embeddings (row i is texts[i])."""

    texts: tuple[str, ...]
    matrix: np.ndarray
    model: str
    digest: str

    def rows(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.texts)}


def title_texts(folder: Path | None = None) -> list[str]:
    """Every distinct O*NET title form, lower-cased (the encoder is uncased)."""
    return sorted({name.strip().lower() for name, _ in title_names(folder)} - {""})


def _digest(texts: list[str], model: str) -> str:
    h = hashlib.sha256(Path(model).name.encode())
    for t in texts:
        h.update(t.encode() + b"\n")
    return h.hexdigest()[:20]


def load_title_vectors(index_dir: Path | None = None) -> TitleVectors | None:
    """The stored vectors, or None when there are none (a test index) or the file is unreadable."""
    path = Path(index_dir or config.INDEX_DIR) / FILE
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            texts = tuple(str(t) for t in data["texts"])
            matrix = np.ascontiguousarray(data["vectors"], dtype=np.float32)
            model, digest = str(data["model"]), str(data["digest"])
    except Exception as exc:  # a damaged file only costs the comparison by meaning until the next build
        log.warning("Ignoring the title vectors at %s (%s); rebuild with `python -m bot index`", path, exc)
        return None
    if len(texts) != len(matrix):
        log.warning("Ignoring the title vectors at %s: %d titles, %d vectors", path, len(texts), len(matrix))
        return None
    return TitleVectors(texts, matrix, model, digest)


def build_title_vectors(
    index_dir: Path | None = None,
    model: str | None = None,
    force: bool = False,
    progress: bool = True,
    facts_dir: Path | None = None,
) -> dict:
    """Embed the O*NET titles (a no-op when the titles and the model are unchanged); returns what was done."""
    from bot.search.embeddings import encode_with_progress

    index_dir = Path(index_dir or config.INDEX_DIR)
    model = model or config.embed_model()
    texts = title_texts(facts_dir)
    digest = _digest(texts, model)
    old = load_title_vectors(index_dir)
    if old is not None and old.digest == digest and not force:
        return {"titles": len(texts), "rebuilt": False}
    reuse = old.rows() if old is not None and old.model == Path(model).name else {}
    started = time.perf_counter()
    todo = [i for i, t in enumerate(texts) if t not in reuse]
    # Large chunks: the encoder sorts each by length, which saves padding.
    fresh = encode_with_progress([texts[i] for i in todo], model, "Embedding O*NET titles", "title", 4096, progress)
    vectors = dict(zip(todo, fresh))
    stored = old.matrix if old is not None else np.zeros((0, 0), dtype=np.float32)
    rows = [stored[reuse[t]] if t in reuse else vectors[i] for i, t in enumerate(texts)]
    matrix = np.stack(rows).astype(np.float32) if rows else np.zeros((0, 0), dtype=np.float32)
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / f".{FILE}.{os.getpid()}.npz"
    np.savez(tmp, texts=np.array(texts), vectors=matrix, model=Path(model).name, digest=digest)
    os.replace(tmp, index_dir / FILE)  # readers see the old file or the new one, never half
    seconds = time.perf_counter() - started
    log.info("Embedded %d O*NET titles (%d reused) in %.0f s", len(todo), len(texts) - len(todo), seconds)
    return {"titles": len(texts), "embedded": len(todo), "rebuilt": True, "seconds": round(seconds, 1)}
