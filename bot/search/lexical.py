"""BM25 over the passages: the lexical baseline of the retrieval report, and half of the hybrid search.

Built in memory from passages.json when an index is loaded (a few ms for thousands of passages), so the index
folder holds no second structure that could drift from the dense one.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from bot.knowledge.text import stem

K1 = 1.2
B = 0.75
STOPWORDS = frozenset(
    """a an the and or of to in on at for with by from as is are was be been being it its this that these those
    what who whom which how do does did i me my you your we they them their there here can could would should will
    about into than then so if not no any some such""".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


class BM25:
    """Okapi BM25 with an inverted index: score only the passages that share a term with the query."""

    def __init__(self, documents: list[str]):
        self.n = len(documents)
        self.lengths = np.zeros(self.n, dtype=np.float32)
        postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(documents):
            counts = Counter(tokens(doc))
            self.lengths[i] = sum(counts.values())
            for term, tf in counts.items():
                postings.setdefault(term, []).append((i, tf))
        self.avg_length = float(self.lengths.mean()) if self.n else 0.0
        self.postings = {
            term: (np.array([i for i, _ in p], dtype=np.int64), np.array([tf for _, tf in p], dtype=np.float32))
            for term, p in postings.items()
        }
        self.idf = {
            term: math.log(1 + (self.n - len(p[0]) + 0.5) / (len(p[0]) + 0.5)) for term, p in self.postings.items()
        }

    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.float32)
        norm = K1 * (1 - B + B * self.lengths / (self.avg_length or 1.0))
        for term in set(tokens(query)):
            if term not in self.postings:
                continue
            ids, tf = self.postings[term]
            out[ids] += self.idf[term] * tf * (K1 + 1) / (tf + norm[ids])
        return out

    def top(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k best passages with a positive score, optionally only among `allowed` ids."""
        scores = self.scores(query)
        if allowed is not None:
            mask = np.zeros(self.n, dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        k = min(k, int((scores > 0).sum()))
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(i), float(scores[i])) for i in best]


def reciprocal_rank_fusion(rankings: list[list[int]], k: int = 60) -> list[tuple[int, float]]:
    """Fuse ranked id lists: each list gives 1/(k + rank); robust to the lists' incomparable score scales."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, i in enumerate(ranking, start=1):
            fused[i] = fused.get(i, 0.0) + 1.0 / (k + rank)
    return sorted(fused.items(), key=lambda kv: -kv[1])
