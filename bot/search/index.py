"""Passages, the FAISS index (build, staleness, atomic swap) and search with career/section filters.

Layout of an index folder (default knowledge/index/):
  current -> build-<hash>/     symlink swapped atomically after a complete build
  build-<hash>/index.faiss     inner-product index over normalised embeddings (type chosen by size: bot/search/ann.py)
  build-<hash>/vectors.npy     the embeddings themselves (the cache for re-indexing; exact filtered search)
  build-<hash>/passages.json   passage metadata (never pickle)
  build-<hash>/meta.json       corpus hash, model, dimension, index type and parameters, counts

Search modes: "dense" (embeddings), "bm25" (lexical, bot/search/lexical.py) and "hybrid" (reciprocal rank fusion of
the two). The default is the mode that won the retrieval report (`python -m bot eval`), see DEFAULT_MODE.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bot import config
from bot.knowledge.pages import SECTION_IDS, SECTION_LABELS, Career, load_careers
from bot.knowledge.spelling import to_us
from bot.search import ann
from bot.search.expand import NameExpander
from bot.search.lexical import BM25, reciprocal_rank_fusion
from bot.search.title_vectors import TitleVectors, load_title_vectors

log = logging.getLogger(__name__)
CHUNK_VERSION = "2"  # bump when passage splitting or the index layout changes, so indexes rebuild
MAX_PASSAGE_WORDS = 120
MODES = ("dense", "bm25", "hybrid")
DEFAULT_MODE = config.settings().bot_search_mode  # the winner of the retrieval report
FUSION_DEPTH = 50  # candidates each ranker contributes to the hybrid
EXACT_FILTER_MAX = 50_000  # filtered searches over at most this many passages are exact, from vectors.npy


class IndexMissing(RuntimeError):
    """No usable index: the message says how to build one."""


@dataclass
class Passage:
    career: str
    title: str
    section: str
    text: str
    source: str
    hash: str = ""

    def embed_text(self) -> str:
        """What gets embedded: names the career and the section, so short passages stay findable."""
        return f"{self.title}. {SECTION_LABELS[self.section]}: {self.text}"


@dataclass
class Hit:
    career: str
    title: str
    section: str
    score: float
    text: str
    source: str
    position: int = 0  # passage number in the index: page order

    def as_json(self) -> dict:
        return {k: getattr(self, k) for k in ("career", "title", "section", "score", "text", "source")}


def _chunks(text: str) -> list[str]:
    """Split a long section at paragraph/bullet boundaries into pieces of about MAX_PASSAGE_WORDS."""
    pieces: list[str] = []
    current: list[str] = []
    for block in [b for b in text.split("\n") if b.strip()]:
        if current and len(" ".join(current + [block]).split()) > MAX_PASSAGE_WORDS:
            pieces.append("\n".join(current))
            current = []
        current.append(block)
    if current:
        pieces.append("\n".join(current))
    return pieces or [text]


def passages_for(careers: Iterable[Career]) -> list[Passage]:
    out: list[Passage] = []
    for career in careers:
        for section in SECTION_IDS:
            text = career.sections.get(section)
            if not text:
                continue
            for chunk in _chunks(text):
                p = Passage(career.id, career.title, section, chunk, career.source(section))
                p.hash = hashlib.sha256(p.embed_text().encode()).hexdigest()[:16]
                out.append(p)
    return out


def corpus_hash(passages: list[Passage], model: str) -> str:
    h = hashlib.sha256(f"{CHUNK_VERSION}|{Path(model).name}".encode())
    for p in passages:
        h.update(json.dumps(asdict(p), sort_keys=True).encode())
    return h.hexdigest()[:20]


def current_dir(index_dir: Path) -> Path:
    return Path(index_dir) / "current"


def read_meta(index_dir: Path) -> dict | None:
    try:
        return json.loads((current_dir(index_dir) / "meta.json").read_text())
    except (OSError, ValueError):
        return None


def build_index(
    careers: Iterable[Career] | None = None,
    index_dir: Path | None = None,
    model: str | None = None,
    force: bool = False,
    progress: bool = True,
) -> dict:
    """Build (or keep) the index; returns its meta. Unchanged passages reuse their cached embeddings."""
    from bot.search.embeddings import encode_with_progress

    index_dir = Path(index_dir or config.INDEX_DIR)
    model = model or config.embed_model()
    careers = list(careers if careers is not None else load_careers().values())
    passages = passages_for(careers)
    if not passages:
        raise ValueError("no passages: the knowledge folders hold no career pages")
    digest = corpus_hash(passages, model)
    old_meta = read_meta(index_dir)
    if old_meta and old_meta.get("corpus_hash") == digest and not force:
        try:
            SearchIndex(index_dir)  # up to date only if it also loads: a damaged build is rebuilt
            return {**old_meta, "rebuilt": False}
        except IndexMissing as exc:
            log.warning("Rebuilding the index: %s", exc)

    cached = _cached_vectors(index_dir, model)
    started = time.perf_counter()
    todo = [i for i, p in enumerate(passages) if p.hash not in cached]
    vectors: dict[int, np.ndarray] = {i: cached[p.hash] for i, p in enumerate(passages) if p.hash in cached}
    texts = [passages[i].embed_text() for i in todo]
    fresh = encode_with_progress(texts, model, "Embedding passages", "passage", progress=progress)
    vectors.update(zip(todo, fresh))
    matrix = np.stack([vectors[i] for i in range(len(passages))]).astype(np.float32)
    spec = ann.choose(len(matrix), matrix.shape[1])
    index = ann.build(matrix, spec)
    seconds = time.perf_counter() - started

    meta = {
        "corpus_hash": digest,
        "model": Path(model).name,
        "dimension": int(matrix.shape[1]),
        "index_type": spec["index_type"],
        "index": spec,
        "passages": len(passages),
        "careers": len({p.career for p in passages}),
        "embedded": len(todo),
        "reused": len(passages) - len(todo),
        "build_seconds": round(seconds, 3),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    _write_atomically(index_dir, digest, index, matrix, passages, meta)
    return {**meta, "rebuilt": True}


def _cached_vectors(index_dir: Path, model: str) -> dict[str, np.ndarray]:
    """Embeddings of the current build keyed by passage hash (same model only)."""
    meta = read_meta(index_dir)
    if not meta or meta.get("model") != Path(model).name:
        return {}
    try:
        passages = json.loads((current_dir(index_dir) / "passages.json").read_text())
        matrix = np.load(current_dir(index_dir) / "vectors.npy", allow_pickle=False)
        if len(matrix) != len(passages):
            return {}
    except Exception:  # a damaged or older build only means re-embedding everything
        return {}
    return {p["hash"]: matrix[i] for i, p in enumerate(passages) if p.get("hash")}


def _write_atomically(
    index_dir: Path, digest: str, index, matrix: np.ndarray, passages: list[Passage], meta: dict
) -> None:
    """Write into a fresh folder, then swap the `current` symlink with one rename: readers never see half."""
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / f".tmp-{os.getpid()}-{digest}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    faiss.write_index(index, str(tmp / "index.faiss"))
    np.save(tmp / "vectors.npy", matrix, allow_pickle=False)
    (tmp / "passages.json").write_text(json.dumps([asdict(p) for p in passages], ensure_ascii=False))
    (tmp / "meta.json").write_text(json.dumps(meta, indent=2))
    final = index_dir / f"build-{digest}"
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    link = index_dir / f".current-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(final.name)
    os.replace(link, current_dir(index_dir))
    for old in index_dir.glob("build-*"):
        if old.name != final.name:
            shutil.rmtree(old, ignore_errors=True)


class SearchIndex:
    """A loaded index: dense, lexical or hybrid search over passages, optionally restricted to a career/section."""

    def __init__(self, index_dir: Path | None = None, model: str | None = None, mode: str | None = None):
        import faiss

        self.dir = current_dir(Path(index_dir or config.INDEX_DIR))
        if not (self.dir / "meta.json").exists():
            raise IndexMissing(
                f"no search index at {self.dir.parent}: build it with `python -m bot index` (or `make run`)"
            )
        try:
            self.meta = json.loads((self.dir / "meta.json").read_text())
            self.index = faiss.read_index(str(self.dir / "index.faiss"))
            self.vectors = np.load(self.dir / "vectors.npy", mmap_mode="r", allow_pickle=False)
            self.passages = [Passage(**p) for p in json.loads((self.dir / "passages.json").read_text())]
        except Exception as exc:
            raise IndexMissing(
                f"the search index at {self.dir} is damaged ({exc}); rebuild it with `python -m bot index --force`"
            ) from exc
        if not (self.index.ntotal == len(self.passages) == len(self.vectors)):
            raise IndexMissing(f"the search index at {self.dir} is inconsistent; run `python -m bot index --force`")
        ann.configure(self.index, self.meta.get("index") or {})
        self.model = model
        self.mode = mode or DEFAULT_MODE
        if self.mode not in MODES:
            raise ValueError(f"unknown search mode {self.mode!r}; choose one of {', '.join(MODES)}")
        self._bm25: BM25 | None = None
        self._titles: TitleVectors | bool | None = None  # False: looked, none there
        self.expander: NameExpander | None = None  # set by use_names: abbreviations searched with the title
        self._by_career: dict[str, list[int]] = {}
        self._by_section: dict[str, list[int]] = {}
        for i, p in enumerate(self.passages):
            self._by_career.setdefault(p.career, []).append(i)
            self._by_section.setdefault(p.section, []).append(i)

    def title_vectors(self) -> TitleVectors | None:
        """The O*NET titles' vectors stored beside this index (bot/search/title_vectors.py), read once."""
        if self._titles is None:
            self._titles = load_title_vectors(self.dir.parent) or False
        return self._titles if isinstance(self._titles, TitleVectors) else None

    def use_names(self, careers: Iterable[Career]) -> None:
        """Search with career names expanded (bot.search.expand): "lpn pay" meets the licensed practical nurse page."""
        self.expander = NameExpander.from_careers(careers)

    def expand(self, query: str) -> str:
        return self.expander.expand(query) if self.expander else query

    @property
    def careers(self) -> set[str]:
        return set(self._by_career)

    def section_passages(self, career: str, section: str) -> list[Hit]:
        """Every passage of one section of one page, in page order: no query, so nothing to embed."""
        ids = sorted(set(self._by_career.get(career, [])) & set(self._by_section.get(section, [])))
        return [Hit(p.career, p.title, p.section, 1.0, p.text, p.source, i) for i in ids for p in [self.passages[i]]]

    @property
    def bm25(self) -> BM25:
        if self._bm25 is None:
            self._bm25 = BM25([p.embed_text() for p in self.passages])
        return self._bm25

    def embed(self, query: str) -> np.ndarray:
        from bot.search.embeddings import encode

        return encode([query], model=self.model)

    def _allowed(self, career: str | None, section: str | None) -> np.ndarray | None:
        if career is None and section is None:
            return None
        ids = set(self._by_career.get(career, [])) if career is not None else None
        if section is not None:
            in_section = set(self._by_section.get(section, []))
            ids = in_section if ids is None else ids & in_section
        return np.array(sorted(ids or ()), dtype=np.int64)

    def _dense(self, q: np.ndarray, k: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        import faiss

        if allowed is not None and len(allowed) <= EXACT_FILTER_MAX:
            scores = np.asarray(self.vectors[allowed]) @ q[0]
            best = np.argsort(-scores, kind="stable")[:k]
            return [(int(allowed[j]), float(scores[j])) for j in best]
        params = None
        if allowed is not None:
            selector = faiss.IDSelectorBatch(allowed)
            spec = self.meta.get("index") or {}
            params = (
                faiss.SearchParametersIVF(sel=selector, nprobe=int(spec["nprobe"]))
                if spec.get("nprobe")
                else faiss.SearchParameters(sel=selector)
            )
        scores, ids = self.index.search(q, min(k, self.index.ntotal), params=params)
        return [(int(i), float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]

    def ranked(
        self,
        query: str,
        k: int = 5,
        career: str | None = None,
        section: str | None = None,
        mode: str | None = None,
        vector: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """(passage number, cosine similarity to the query) in rank order, for the chosen mode."""
        mode = mode or self.mode
        allowed = self._allowed(career, section)
        if allowed is not None and not len(allowed):
            return []
        query = to_us(query)  # the pages are in US English: "colour", "centre" meet "color", "center"
        if vector is None:
            query = self.expand(query)
        q = vector if vector is not None else self.embed(query)
        if mode == "dense":
            return self._dense(q, k, allowed)
        lexical = [i for i, _ in self.bm25.top(query, FUSION_DEPTH if mode == "hybrid" else k, allowed)]
        if mode == "bm25":
            order = lexical[:k]
        else:
            dense = [i for i, _ in self._dense(q, FUSION_DEPTH, allowed)]
            order = [i for i, _ in reciprocal_rank_fusion([dense, lexical])][:k]
        # Scores stay cosine similarities in every mode, so the answer thresholds keep one meaning.
        cosine = np.asarray(self.vectors[order]) @ q[0] if order else []
        return [(i, float(c)) for i, c in zip(order, cosine)]

    def search(
        self,
        query: str,
        k: int = 5,
        career: str | None = None,
        section: str | None = None,
        vector: np.ndarray | None = None,
        mode: str | None = None,
    ) -> list[Hit]:
        hits = []
        for i, score in self.ranked(query, k, career, section, mode, vector):
            p = self.passages[i]
            hits.append(Hit(p.career, p.title, p.section, score, p.text, p.source, i))
        return hits
