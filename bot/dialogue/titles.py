"""O*NET job titles as career names: which of our pages a title names, which titles name occupations we have no
page for, the titles nearest to words we do not know, and the neighbours to suggest when we do not have a career.

The titles come from bot/knowledge/titles.py (56,560 O*NET alternate titles and the occupations' own titles). A
title names the pages that list its O*NET occupation in their `onet` front matter:

- one page: the title is a name of that page ("commercial banker" -> Loan Officer);
- several pages: a question back ("pool attendant": Amusement and Recreation Attendant or Lifeguard?);
- no page: a career we know we do not have ("Blacksmith Apprentice"); the resolver says so and suggests
  neighbours from O*NET's own structure (`neighbours`).

Words that are no title at all are compared with every title, by letters and words (n-gram TF-IDF, `near`) and by
meaning (the sentence encoder's vectors of all titles, bot/search/title_vectors.py, `near_in_meaning`): the titles
they resemble most say which occupations they probably mean, which the resolver offers as a question back, never as
a silent answer. Titles of "..., All Other" occupations (catch-alls: "Production Workers, All Other") have no vote:
that O*NET could not place them says nothing about what the job is, and their weight used to outvote our pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import numpy as np

from bot.dialogue.names import BAG_STOP, bag, expand
from bot.knowledge import facts
from bot.knowledge.pages import Career
from bot.knowledge.titles import catch_all, major_group, page_codes, title_names
from bot.search.title_vectors import TitleVectors

NEAR_K = 10  # titles looked at for words that are no title
NEAR_MIN = 0.3  # a weaker resemblance is not looked at
MEANING_K = 20  # titles looked at by meaning
MEANING_POWER = 4  # a title's vote grows with its closeness in meaning to this power: the closest few decide
LETTERS_SHARE = 0.3  # the share of the vote the letter-and-word neighbours get when meaning is known too


TITLE_HEAD_MIN = 5  # a last word that ends at least this many titles makes words title-like ("... consultant")


@dataclass(frozen=True)
class TitleMatch:
    """A title and what it names: O*NET codes, the pages covering them (best first), and the codes no page covers
    that are occupations of their own (not "..., All Other" catch-alls)."""

    key: str
    codes: tuple[str, ...]
    pages: tuple[str, ...]
    uncovered: tuple[str, ...] = ()


@dataclass
class Guess:
    """What the titles nearest to some words say: pages (best first, with weights), the weight of occupations we
    have no page for, and those occupations' codes with weights."""

    pages: list[tuple[str, float]] = field(default_factory=list)
    uncovered: float = 0.0
    codes: list[tuple[str, float]] = field(default_factory=list)
    best: float = 0.0  # the resemblance of the nearest title by letters and words (0-1)
    nearest: str = ""
    meaning: float = 0.0  # the closeness in meaning of the nearest title (cosine; 0 without title vectors)

    @property
    def covered(self) -> float:
        return sum(w for _, w in self.pages)


class Titles:
    """The O*NET title lookup over a set of pages."""

    def __init__(
        self,
        careers: dict[str, Career],
        names: Iterable[tuple[str, str]] | None = None,
        folder: Any = None,
        vectors: TitleVectors | None = None,
    ):
        self.careers = careers
        self.folder = folder
        self.page_codes = page_codes(careers, folder)
        # Pages without O*NET codes (AI engineering roles, drone pilots) belong to the major group of the BLS code
        # they quote (knowledge/facts/career_onet.csv).
        bls = {cid: f.soc for cid, f in facts.career_mapping(folder).items() if f.soc}
        self.page_groups = {
            cid: {major_group(c) for c in codes} or ({major_group(bls[cid])} if cid in bls else set())
            for cid, codes in self.page_codes.items()
        }
        self.code_pages: dict[str, list[str]] = {}
        for cid in sorted(careers):
            for code in self.page_codes[cid]:
                self.code_pages.setdefault(code, []).append(cid)
        self.names = tuple(title_names(folder) if names is None else names)
        self.by_key, self.heads, self._bags = _keyed(self.names)
        self._related_to: dict[str, int] = {}
        for career in careers.values():
            for other in career.related:
                self._related_to[other] = self._related_to.get(other, 0) + 1
        self._near: Any = None
        self._meaning = _meaning_rows(self.names, vectors) if vectors is not None and len(vectors.texts) else None

    # ------------------------------------------------------------------------------------------------ exact

    def pages_of(self, codes: Iterable[str], text: str = "") -> tuple[str, ...]:
        """Our pages covering any of the codes: the ones whose names share most words with `text` first, then the
        most central (most often related to)."""
        pages = {p for c in codes for p in self.code_pages.get(c, [])}
        words = set(expand(text, strict=True).split())

        def overlap(cid: str) -> int:
            return max(len(words & set(expand(n, strict=True).split())) for n in self.careers[cid].names)

        return tuple(sorted(pages, key=lambda p: (-overlap(p), -self._related_to.get(p, 0), p)))

    def match(self, text: str) -> TitleMatch | None:
        """The title these words are, as written or abbreviated ("remediation tech"), or in another word order."""
        found = next((f for f in dict.fromkeys((expand(text, strict=True), expand(text))) if f in self.by_key), None)
        if found is not None:
            codes = self.by_key[found]
        elif bag(text) in self._bags:
            found, codes = bag(text), self._bags[bag(text)]
        else:
            return None
        uncovered = tuple(sorted(c for c in codes if c not in self.code_pages and not catch_all(c, self.folder)))
        return TitleMatch(found, tuple(sorted(codes)), self.pages_of(codes, text), uncovered)

    def title_like(self, text: str) -> bool:
        """Whether the words end like a job title ("... consultant", "... curator"), not like a description."""
        words = expand(text, strict=True).split()
        return bool(words) and self.heads[words[-1]] >= TITLE_HEAD_MIN

    def __contains__(self, text: str) -> bool:
        return self.match(text) is not None

    # ------------------------------------------------------------------------------------------------- near

    def _vectors(self) -> Any:
        if self._near is None:
            self._near = _fit(tuple(sorted(self.by_key)))
        return self._near

    def near(self, text: str, k: int = NEAR_K) -> list[tuple[str, float]]:
        """The titles most like these words (cosine of word and letter n-gram TF-IDF vectors, averaged)."""
        query = expand(text, strict=True)
        if not query:
            return []
        keys, words, letters = self._vectors()
        scores = (words.transform([query]) @ words.matrix + letters.transform([query]) @ letters.matrix) / 2
        dense = np.asarray(scores.todense()).ravel()
        top = np.argpartition(-dense, min(k, len(dense) - 1))[:k]
        top = top[np.argsort(-dense[top], kind="stable")]
        return [(keys[i], float(dense[i])) for i in top if dense[i] >= NEAR_MIN]

    def near_in_meaning(self, vector: np.ndarray, k: int = MEANING_K) -> list[tuple[str, float]]:
        """The titles closest in meaning to an embedded text (cosine), when title vectors are loaded."""
        if self._meaning is None:
            return []
        keys, matrix, mask = self._meaning
        scores = np.where(mask, matrix @ np.asarray(vector, dtype=np.float32).ravel(), -1.0)
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(keys[i], float(scores[i])) for i in top if mask[i]]

    def guess(self, text: str, vector: np.ndarray | None = None) -> Guess:
        """Which pages (and occupations without a page) the nearest titles point to. Each title votes for its
        occupations with its resemblance squared (by letters and words) or to the fourth power (by meaning), so a
        close title counts far more than a loose one; with both, letters and words get LETTERS_SHARE of the vote."""
        near = self.near(text)
        meaning = self.near_in_meaning(vector) if vector is not None else []
        votes = [v for v in (_votes(self, near, 2), _votes(self, meaning, MEANING_POWER)) if v[3] > 0]
        if not votes:
            return Guess()
        shares = [LETTERS_SHARE, 1 - LETTERS_SHARE] if len(votes) == 2 else [1.0]
        pages: dict[str, float] = {}
        codes: dict[str, float] = {}
        uncovered = 0.0
        for share, (p, c, u, total) in zip(shares, votes):
            for cid, w in p.items():
                pages[cid] = pages.get(cid, 0.0) + share * w / total
            for code, w in c.items():
                codes[code] = codes.get(code, 0.0) + share * w / total
            uncovered += share * u / total
        return Guess(
            sorted(pages.items(), key=lambda kv: -kv[1]),
            uncovered,
            sorted(codes.items(), key=lambda kv: -kv[1]),
            near[0][1] if near else 0.0,
            near[0][0] if near else (meaning[0][0] if meaning else ""),
            meaning[0][1] if meaning else 0.0,
        )

    # ------------------------------------------------------------------------------------------- neighbours

    def neighbours(
        self, codes: Iterable[str], by_meaning: Callable[[], list[str]] | None = None, exclude: Iterable[str] = ()
    ) -> list[str]:
        """Our pages near some O*NET occupations (most important first), for a career we do not have: pages of the
        same occupation's family (same SOC code: "Clinical Nurse Specialists" -> Registered Nurse), then of O*NET's
        related occupations, then of the same major group, closest in meaning first, then whatever is closest in
        meaning."""
        codes = list(dict.fromkeys(codes))
        meaning = by_meaning() if by_meaning else []
        rank = {cid: i for i, cid in enumerate(meaning)}
        found: list[str] = []

        def add(ids: Iterable[str]) -> None:
            for cid in ids:
                if cid not in found and cid not in exclude and cid in self.careers:
                    found.append(cid)

        families = {c[:7] for c in codes}
        add(
            sorted(
                (p for code, pages in self.code_pages.items() if code[:7] in families for p in pages),
                key=lambda p: (rank.get(p, len(rank)), p),
            )
        )
        related = [facts.related(c, self.folder) for c in codes]
        for position in range(max((len(r) for r in related), default=0)):
            add(p for r in related if position < len(r) for p in self.code_pages.get(r[position], []))
        groups = {major_group(c) for c in codes}
        same_group = [cid for cid, own in self.page_groups.items() if own & groups]
        add(sorted(same_group, key=lambda p: (rank.get(p, len(rank)), -self._related_to.get(p, 0), p)))
        add(meaning)
        return found

    def linked(self, page: str, code: str) -> bool:
        """Whether one of our pages shares a major group or an O*NET related-occupation link with an occupation."""
        if major_group(code) in self.page_groups.get(page, set()):
            return True
        return any(
            own in facts.related(code, self.folder) or code in facts.related(own, self.folder)
            for own in self.page_codes.get(page, ())
        )


def _votes(titles: Titles, near: list[tuple[str, float]], power: int) -> tuple[dict, dict, float, float]:
    """What some near titles say: weights of our pages, of O*NET codes and of occupations without a page, and
    the total weight (a title of several occupations splits its vote)."""
    pages: dict[str, float] = {}
    codes: dict[str, float] = {}
    uncovered = total = 0.0
    for key, score in near:
        weight = max(score, 0.0) ** power
        found = titles.by_key[key]
        found = {c for c in found if not catch_all(c, titles.folder)}  # "..., All Other" says nothing of the job
        if not found:
            continue
        for code in found:
            codes[code] = codes.get(code, 0.0) + weight / len(found)
        covered = titles.pages_of(found)
        share = sum(1 for c in found if c not in titles.code_pages) / len(found)
        uncovered += weight * share
        for cid in covered:
            pages[cid] = pages.get(cid, 0.0) + weight * (1 - share) / len(covered)
        total += weight
    return pages, codes, uncovered, total


def _meaning_rows(
    names: tuple[tuple[str, str], ...], vectors: TitleVectors
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The title vectors as seen by one lookup: each row's lookup key, the matrix (shared, not copied) and which
    rows count (one per key known here; a lookup built without some titles never sees their vectors)."""
    rows = vectors.rows()
    keys = [""] * len(vectors.texts)
    mask = np.zeros(len(vectors.texts), dtype=bool)
    seen: set[str] = set()
    for name, _ in names:
        key = expand(name, strict=True)
        row = rows.get(name.strip().lower())
        if key and key not in seen and row is not None:
            seen.add(key)
            keys[row], mask[row] = key, True
    return keys, vectors.matrix, mask


@lru_cache(maxsize=4)
def _keyed(names: tuple[tuple[str, str], ...]) -> tuple[dict[str, set[str]], Counter[str], dict[str, set[str]]]:
    """The titles by lookup key, the last words of the keys, and the keys' words in a fixed order (read-only; shared
    by every resolver over the same titles)."""
    by_key: dict[str, set[str]] = {}
    heads: Counter[str] = Counter()
    for name, code in names:
        key = expand(name, strict=True)
        if key:
            by_key.setdefault(key, set()).add(code)
            heads[key.split()[-1]] += 1
    bags: dict[str, set[str]] = {}
    for key, codes in by_key.items():
        words = set(key.split()) - BAG_STOP
        if len(words) >= 2:
            bags.setdefault(" ".join(sorted(words)), set()).update(codes)
    return by_key, heads, bags


@dataclass
class _Vectors:
    vectorizer: Any
    matrix: Any  # features x titles (CSR), so a query row times it is one sparse product

    def transform(self, texts: list[str]) -> Any:
        return self.vectorizer.transform(texts)


@cache
def _fit(keys: tuple[str, ...]) -> tuple[tuple[str, ...], _Vectors, _Vectors]:
    """TF-IDF vectors of every title: words (rare words weigh more) and letter n-grams (word forms, typos)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(analyzer="word", token_pattern=r"[a-z0-9+#]+", sublinear_tf=True)
    letters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
    return (
        keys,
        _Vectors(words, words.fit_transform(keys).T.tocsr()),
        _Vectors(letters, letters.fit_transform(keys).T.tocsr()),
    )
