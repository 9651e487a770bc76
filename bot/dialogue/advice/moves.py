"""Career moves and paths from O*NET 29.3 skills, knowledge, related occupations and interests.

Each career page stands for one or more O*NET codes (knowledge/facts/career_onet.csv). Its ratings are the mean
importance (1-5) and level (0-7) of the 35 skills and 33 knowledge areas over its rated codes. O*NET 29.3 rates
879 of its 1,016 codes; a page whose codes are unrated (or that has none) borrows the ratings of the closest rated
occupation, in this order, and the replies say so:
  1. the first rated occupation in O*NET's related list of the page's own code;
  2. a rated code of the BLS category the page quotes (or that code's first rated related occupation);
  3. a rated occupation with the page's title or an alias as one of its O*NET alternate titles;
  4. a related page (front matter `related`) with ratings of its own.

Moves from X: careers whose skill and knowledge profiles (importance x level, standardised over every rated O*NET
code) are most alike X's (cosine), weighted with interest correlation and O*NET's related occupations; never X,
never a career sharing X's O*NET code, never the same job under another name (same title head noun in the same
cluster: from a teacher, not another teacher).

A path A -> B: the skills to build (B's important skills, importance >= 3, with the largest importance x level
gap over A), the skills A brings (important to both, A's level at least B's - 0.5), the education step (job
zones) and up to three stepping-stone careers C with the smallest gap(A, C) + gap(C, B), each nearer both ends
than A is to B and with a job zone between theirs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from bot.dialogue.advice import figures
from bot.dialogue.quiz import correlation
from bot.knowledge import facts
from bot.knowledge.check import EDUCATION_LEVELS
from bot.knowledge.pages import RIASEC, Career

IMPORTANT = 3.0  # O*NET importance (1-5) from which a skill counts as important to a job
SHARED_SLACK = 0.5  # a skill is shared when A's level is at least B's minus this
TOP = 5
MOVES = 5
VIA = 3
W_SKILLS, W_INTERESTS, W_RELATED = 0.55, 0.25, 0.20
PAGE_RELATED = 0.8  # the related weight of a page listed in the other's front matter `related`

BORROWED_HOW = {
    "related": "the closest rated occupation O*NET relates to it",
    "category": "the BLS category its figures come from",
    "category-related": "the closest rated occupation to its BLS category",
    "title": "the O*NET occupation that lists its title",
    "page": "a related career",
}


@dataclass(frozen=True)
class Ratings:
    """The O*NET ratings that stand for one career page."""

    career: str
    codes: tuple[str, ...]  # the rated O*NET codes whose mean is used
    how: str  # "own" | "related" | "category" | "category-related" | "title" | "page" | "none"
    source_title: str = ""  # the O*NET occupation (or page) borrowed from
    skills: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # name -> (importance, level)
    knowledge: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def rated(self) -> bool:
        return self.how != "none"

    @property
    def borrowed(self) -> bool:
        return self.how not in ("own", "none")


def _mean(ratings: list[list[facts.Rating]]) -> dict[str, tuple[float, float]]:
    out: dict[str, list[tuple[float, float]]] = {}
    for rows in ratings:
        for r in rows:
            out.setdefault(r.name, []).append((r.importance, r.level))
    return {
        name: (round(sum(i for i, _ in v) / len(v), 3), round(sum(lv for _, lv in v) / len(v), 3))
        for name, v in out.items()
    }


def _rated(code: str, folder: Path | None) -> bool:
    return bool(facts.skills(code, folder))


@cache
def _category_codes(soc: str, folder: str | None) -> tuple[str, ...]:
    if not soc:
        return ()
    path = Path(folder) if folder else None
    found = [r["code"] for r in facts.table("soc_xwalk.csv", path) if soc in (r["oews_soc"], r["soc_2018"])]
    if not found and soc.endswith("0"):  # a group code ("29-1240"): its detailed codes
        stem = soc.rstrip("0")
        found = [r["code"] for r in facts.table("soc_xwalk.csv", path) if r["soc_2018"].startswith(stem)]
    return tuple(dict.fromkeys(found))


@cache
def _titles(folder: str | None) -> dict[str, tuple[str, ...]]:
    path = Path(folder) if folder else None
    out: dict[str, list[str]] = {}
    for r in facts.table("alternate_titles.csv", path):
        for title in (r["alternate_title"], r["short_title"]):
            if title:
                out.setdefault(title.lower(), []).append(r["code"])
    for r in facts.table("occupations.csv", path):
        out.setdefault(r["title"].lower(), []).append(r["code"])
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _first_rated_related(codes: tuple[str, ...], folder: Path | None) -> str | None:
    for code in codes:
        for rel in facts.related(code, folder):
            if _rated(rel, folder):
                return rel
    return None


def _ratings_of_codes(career: str, codes: tuple[str, ...], how: str, folder: Path | None, title: str = "") -> Ratings:
    return Ratings(
        career,
        codes,
        how,
        title or (facts.occupation_title(codes[0], folder) or codes[0]),
        _mean([facts.skills(c, folder) for c in codes]),
        _mean([facts.knowledge(c, folder) for c in codes]),
    )


def own_ratings(career: Career, folder: Path | None = None) -> Ratings:
    """A page's ratings from O*NET alone (steps 0-3 of the module docstring); how "none" when nothing fits."""
    cf = facts.career_facts(career.id, folder)
    onet = tuple(str(c) for c in (career.meta.get("onet") or (cf.onet if cf else ())))
    rated = tuple(c for c in onet if _rated(c, folder))
    if rated:
        return _ratings_of_codes(career.id, rated, "own", folder)
    rel = _first_rated_related(onet, folder)
    if rel:
        return _ratings_of_codes(career.id, (rel,), "related", folder)
    soc = cf.soc if cf else str((career.meta.get("salary") or {}).get("soc") or "")
    category = _category_codes(soc, str(folder) if folder else None)
    rated = tuple(c for c in category if _rated(c, folder))
    if rated:
        return _ratings_of_codes(career.id, rated[:1], "category", folder)
    rel = _first_rated_related(category, folder)
    if rel:
        return _ratings_of_codes(career.id, (rel,), "category-related", folder)
    titles = _titles(str(folder) if folder else None)
    for name in career.names:
        rated = tuple(c for c in titles.get(name.lower(), ()) if _rated(c, folder))
        if rated:
            return _ratings_of_codes(career.id, rated[:1], "title", folder)
    return Ratings(career.id, (), "none")


# ---------------------------------------------------------------------------------------------------------------
# The model: every page's ratings as standardised vectors


@dataclass
class SkillModel:
    careers: dict[str, Career]
    ratings: dict[str, Ratings]
    names: list[str]  # feature names: skills, then knowledge areas ("K:" prefix)
    vectors: dict[str, np.ndarray]  # career -> standardised importance x level, unit length
    folder: Path | None = None

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if va is None or vb is None:
            return 0.0
        return float(va @ vb)

    def same_ratings(self, a: str, b: str) -> bool:
        ra, rb = self.ratings[a], self.ratings[b]
        return ra.rated and rb.rated and set(ra.codes) == set(rb.codes)


@cache
def _feature_stats(folder: str | None) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Feature names and their mean and standard deviation of importance x level over every rated O*NET code."""
    path = Path(folder) if folder else None
    per_code: dict[str, dict[str, float]] = {}
    for table_name, column, prefix in (("skills.csv", "skill", ""), ("knowledge.csv", "knowledge", "K:")):
        for r in facts.table(table_name, path):
            per_code.setdefault(r["code"], {})[prefix + r[column]] = float(r["importance"]) * float(r["level"])
    names = tuple(sorted({n for v in per_code.values() for n in v}))
    m = np.array([[v.get(n, 0.0) for n in names] for v in per_code.values()])
    sd = m.std(axis=0)
    return names, m.mean(axis=0), np.where(sd > 0, sd, 1.0)


_MODELS: dict[tuple[int, int], SkillModel] = {}


def _feature(r: Ratings, name: str) -> float:
    """Importance x level of a skill, or of a knowledge area ("K:" names)."""
    imp, lvl = (r.knowledge.get(name[2:]) if name.startswith("K:") else r.skills.get(name)) or (0.0, 0.0)
    return imp * lvl


def skill_model(careers: dict[str, Career], folder: Path | None = None) -> SkillModel:
    """The ratings of every page (borrowed where needed), built once per careers dict."""
    key = (id(careers), len(careers))
    model = _MODELS.get(key)
    if model is not None and model.careers is careers:
        return model
    ratings = {cid: own_ratings(c, folder) for cid, c in careers.items()}
    for cid, c in careers.items():  # step 4: a related page's own ratings
        if not ratings[cid].rated:
            for rel in c.related:
                if rel in ratings and ratings[rel].how == "own":
                    r = ratings[rel]
                    ratings[cid] = Ratings(cid, r.codes, "page", careers[rel].title, r.skills, r.knowledge)
                    break
    names, mean, sd = _feature_stats(str(folder) if folder else None)
    vectors: dict[str, np.ndarray] = {}
    for cid, r in ratings.items():
        if not r.rated:
            continue
        raw = np.array([_feature(r, n) for n in names])
        z = (raw - mean) / sd
        norm = float(np.linalg.norm(z))
        vectors[cid] = z / norm if norm > 0 else z
    model = SkillModel(careers, ratings, list(names), vectors, folder)
    _MODELS[key] = model
    return model


# ---------------------------------------------------------------------------------------------------------------
# Moves


@dataclass
class Move:
    career: str
    score: float
    skills: float  # cosine of the standardised skill and knowledge profiles
    interests: float  # correlation of the RIASEC profiles
    related: float  # 1.0 first in O*NET's related list ... 0.05 twentieth; 0.8 a page's related; else 0
    shared: list[str]  # skills important to both, strongest first


def _onet_codes(career: Career) -> set[str]:
    return {str(c) for c in career.meta.get("onet") or []}


def _related_weight(model: SkillModel, a: str, b: str) -> float:
    ca, cb = model.careers[a], model.careers[b]
    weight = 0.0
    codes_b = _onet_codes(cb) | set(model.ratings[b].codes if model.ratings[b].how == "own" else ())
    for code in sorted(_onet_codes(ca) | set(model.ratings[a].codes)):
        for n, rel in enumerate(facts.related(code, model.folder)):
            if rel in codes_b:
                weight = max(weight, 1.0 - n / 20)
                break
    if b in ca.related or a in cb.related:
        weight = max(weight, PAGE_RELATED)
    return weight


def same_job(a: Career, b: Career) -> bool:
    """The same job under another name: a shared O*NET code, one title inside the other, or the same title head
    noun in the same cluster ("Middle School Teacher" from "High School Teacher")."""
    if _onet_codes(a) & _onet_codes(b):
        return True
    ta, tb = a.title.lower(), b.title.lower()
    if ta in tb or tb in ta:  # "Research Machine Learning Engineer" from "Machine Learning Engineer"
        return True
    return figures.head_noun(a.title) == figures.head_noun(b.title) and a.cluster == b.cluster


def shared_skills(ra: Ratings, rb: Ratings, limit: int = TOP) -> list[str]:
    """Skills important to both (importance >= 3) where A's level is at least B's minus 0.5, B's strongest first."""
    rows = []
    for name, (imp_b, lvl_b) in rb.skills.items():
        imp_a, lvl_a = ra.skills.get(name, (0.0, 0.0))
        if imp_a >= IMPORTANT and imp_b >= IMPORTANT and lvl_a >= lvl_b - SHARED_SLACK:
            rows.append((-(imp_b * lvl_b), name))
    return [name for _, name in sorted(rows)[:limit]]


def moves(
    model: SkillModel,
    source: str,
    limit: int | None = MOVES,
    exclude: set[str] | None = None,
    allowed: set[str] | None = None,
) -> list[Move]:
    """The careers most alike `source` in skills, knowledge, interests and O*NET relations (see the docstring),
    among `allowed` when given ("without a degree"); every one of them when `limit` is None."""
    src = model.careers[source]
    out: list[Move] = []
    for cid, c in model.careers.items():
        if cid == source or (exclude and cid in exclude) or (allowed is not None and cid not in allowed):
            continue
        if same_job(src, c):
            continue
        interest = (
            correlation([float(src.riasec[d]) for d in RIASEC], [float(c.riasec[d]) for d in RIASEC])
            if (set(src.riasec) == set(RIASEC) == set(c.riasec))
            else 0.0
        )
        related = _related_weight(model, source, cid)
        if cid in model.vectors and source in model.vectors and not model.same_ratings(source, cid):
            skills = model.similarity(source, cid)
            score = W_SKILLS * skills + W_INTERESTS * interest + W_RELATED * related
        else:  # no skill evidence (no ratings, or the same borrowed ratings): interests and relations only
            skills = float("nan")
            score = (W_INTERESTS * interest + W_RELATED * related) / (W_INTERESTS + W_RELATED) * 0.9
        out.append(
            Move(cid, score, skills, interest, related, shared_skills(model.ratings[source], model.ratings[cid], 3))
        )
    out.sort(key=lambda m: (-m.score, m.career))
    return out if limit is None else out[:limit]


# ---------------------------------------------------------------------------------------------------------------
# Paths


def _gaps(ra: Ratings, rb: Ratings, table: str) -> list[tuple[float, str]]:
    """B's important items (importance >= 3) with a positive level gap over A, as (importance x gap, name)."""
    a, b = (ra.skills, rb.skills) if table == "skills" else (ra.knowledge, rb.knowledge)
    rows = []
    for name, (imp_b, lvl_b) in b.items():
        if imp_b < IMPORTANT:
            continue
        gap = lvl_b - a.get(name, (0.0, 0.0))[1]
        if gap > 0:
            rows.append((round(imp_b * gap, 3), name))
    return sorted(rows, key=lambda r: (-r[0], r[1]))


def gap(ra: Ratings, rb: Ratings) -> float:
    """How far A is from B: the sum of B's important skill and knowledge gaps, weighted by importance."""
    return sum(g for g, _ in _gaps(ra, rb, "skills")) + sum(g for g, _ in _gaps(ra, rb, "knowledge"))


@dataclass
class CareerPath:
    source: str
    target: str
    skills_to_build: list[str]
    shared_skills: list[str]
    knowledge_to_build: list[str]
    via: list[str]
    zone_from: int | None
    zone_to: int | None
    rated: bool  # both careers have (own or borrowed) ratings that differ
    distance: float = math.nan


def _between(za: int | None, zc: int | None, zb: int | None, lower_entry: bool = False) -> bool:
    """A stepping stone's job zone: from A's up to below B's when B needs more preparation (B's own zone when the
    stone's typical entry is lower: licensed practical nurse, a certificate, on the way to registered nurse, a
    bachelor's, both zone 3), else at most A's."""
    if za is None or zb is None or zc is None:
        return True
    if zb > za:
        return za <= zc < zb or (zc == zb and lower_entry)
    return zc <= za


def _entry_rank(career: Career) -> int:
    level = career.education.get("level")
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else len(EDUCATION_LEVELS)


def _near(careers: dict[str, Career], cid: str, a: str, b: str) -> bool:
    """A stepping stone is in A's or B's career cluster or an O*NET related occupation of either (close skill
    ratings alone put Animal Trainer between nursing assistant and registered nurse)."""
    c = careers[cid]
    if c.cluster in (careers[a].cluster, careers[b].cluster):
        return True
    return cid in careers[a].related or cid in careers[b].related or a in c.related or b in c.related


def path(model: SkillModel, source: str, target: str) -> CareerPath:
    ra, rb = model.ratings[source], model.ratings[target]
    za, zb = figures.job_zone(model.careers[source]), figures.job_zone(model.careers[target])
    if not (ra.rated and rb.rated) or model.same_ratings(source, target):
        return CareerPath(source, target, [], [], [], [], za, zb, False)
    distance = gap(ra, rb)
    via: list[tuple[float, str]] = []
    for cid, rc in model.ratings.items():
        if cid in (source, target) or not rc.rated:
            continue
        if model.same_ratings(cid, source) or model.same_ratings(cid, target):
            continue
        zc = figures.job_zone(model.careers[cid])
        lower_entry = _entry_rank(model.careers[cid]) < _entry_rank(model.careers[target])
        if not _between(za, zc, zb, lower_entry) or not _near(model.careers, cid, source, target):
            continue
        first, second = gap(ra, rc), gap(rc, rb)
        if first < distance and second < distance:
            via.append((first + second, cid))
    via.sort()
    return CareerPath(
        source,
        target,
        [name for _, name in _gaps(ra, rb, "skills")[:TOP]],
        shared_skills(ra, rb),
        [name for _, name in _gaps(ra, rb, "knowledge")[:3]],
        [cid for _, cid in via[:VIA]],
        za,
        zb,
        True,
        round(distance, 2),
    )
