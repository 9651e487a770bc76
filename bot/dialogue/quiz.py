"""The career test: RIASEC item bank, answer scale, scoring, matching, adaptive item choice and stopping.

Pure logic with no Rasa in it, so the dialogue, the simulation in `python -m bot eval` and the tests all run
the very same code. A test's state is a plain dict (kept in a Rasa slot):
    {"answers": {item_id: 1..5}, "order": [item ids in the order answered], "skipped": [...],
     "current": item id or None, "full": bool, "zone": None or max job zone, "done": bool}
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from bot import config
from bot.dialogue.quiz_reader import read_answer
from bot.dialogue.types import QuizResult, QuizState
from bot.knowledge.pages import RIASEC, Career, holland_code
from bot.knowledge.spelling import find_uk

DIMENSION_NAMES = {
    "R": "Realistic (hands-on, tools, outdoors)",
    "I": "Investigative (ideas, science, solving problems)",
    "A": "Artistic (creating, designing, expressing)",
    "S": "Social (helping, teaching, caring)",
    "E": "Enterprising (leading, persuading, selling)",
    "C": "Conventional (organizing, data, detail)",
}
SHORT_NAMES = {
    "R": "hands-on work",
    "I": "investigating",
    "A": "creating",
    "S": "helping people",
    "E": "leading and persuading",
    "C": "organizing",
}
# docs/contracts.md §4: five buttons from most positive to most negative.
SCALE = [(5, "Love it"), (4, "Like it"), (3, "Not sure"), (2, "Dislike it"), (1, "Hate it")]
MIN_ITEMS = 18  # at least three per dimension before the test may stop early
STABLE_FOR = 4  # ...the top matches unchanged over this many answers
DRAWS = 256  # ...and robust in this many perturbations of the profile (64 stopped too early by luck)
CONFIDENCE = 0.95  # ...keeping >= 4 of the top 5 in this share of them
MAX_SHARE = 0.9  # never ask more than this share of the bank unless the person asked for the full test
MIN_SD = 0.5  # floor on the answer spread, so a few identical answers do not look certain
TOP_K = 5  # the top matches the stopping rule keeps stable (and the simulation compares)
BOUNDARY = 3  # separate the careers around the edge of the top matches, not the clear leaders
ZONE_QUESTION = "zone"  # pseudo-item id of the optional education question
# How many items the adaptive test typically asks: the middle half (25th-75th percentile, to 5, at most what the short
# test asks) of items asked at moderate answer noise, measured by the quality report (`python -m bot eval --only
# quiz`, 1,000 simulated respondents, 880 careers: 78-98, median 91 of 108). The report prints the measurement
# beside this constant and flags a difference. The intro text quotes it.
TYPICAL_ITEMS = (80, 98)

HIGH = 4.0  # the middle of the 1-7 scale: a reason only names interests the person scored at least this high on
FLAT_RANGE = 1.0  # answers whose six scores lie within this (1-7 scale) do not separate interests: no code
LEVELS_LOW = ("none", "certificate")  # items.yml levels: no degree needed...
LEVELS_HIGH = ("degree", "advanced")  # ...and a bachelor's or more
# Item texts are in US English (bot.knowledge.spelling) and name activities, not virtues: checked by `check_items`.
VIRTUE_WORDS = re.compile(
    r"\b(?:kindly|carefully|safely|patiently|nicely|properly|responsibly|honestly|"
    r"generously|politely|bravely)\b",
    re.I,
)


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    dimension: str
    level: str = ""
    setting: str = ""


def short_test_max(total: int) -> int:
    """The most items the adaptive test asks unless the person asks for all (should_stop's MAX_SHARE cap)."""
    return math.ceil(MAX_SHARE * total - 1e-9)


def load_items(path: Path | None = None) -> list[Item]:
    raw = yaml.safe_load(Path(path or config.QUIZ_ITEMS).read_text())
    return [Item(**{k: str(v) for k, v in entry.items() if k in Item.__dataclass_fields__}) for entry in raw]


@lru_cache(maxsize=1)
def default_items() -> tuple[Item, ...]:
    return tuple(load_items())


def check_items(items: list[dict]) -> list[str]:
    """Problems with an item bank: malformed entries, duplicate ids or texts, unbalanced dimensions."""
    errors: list[str] = []
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    counts = {d: 0 for d in RIASEC}
    levels: dict[str, list[str]] = {d: [] for d in RIASEC}  # each dimension's item levels, in file order
    for n, entry in enumerate(items, 1):
        if not isinstance(entry, dict):
            errors.append(f"item {n}: not a mapping")
            continue
        iid, text, dim = entry.get("id"), entry.get("text"), entry.get("dimension")
        if not iid or not isinstance(iid, str):
            errors.append(f"item {n}: missing id")
        elif iid in seen_ids:
            errors.append(f"item {n}: duplicate id {iid}")
        else:
            seen_ids.add(iid)
        if not text or not isinstance(text, str) or len(text.split()) > 12:
            errors.append(f"item {iid or n}: text must be a short activity (1-12 words)")
        elif text.lower() in seen_texts:
            errors.append(f"item {iid or n}: duplicate text {text!r}")
        else:
            seen_texts.add(text.lower())
        if isinstance(text, str):
            for word, _ in find_uk(text)[:1]:
                errors.append(f"item {iid or n}: UK spelling {word!r} (the bank is in US English)")
            if found := VIRTUE_WORDS.search(text):
                errors.append(f"item {iid or n}: {found.group(0)!r} judges how, not what (name the activity)")
        level = entry.get("level")
        if level not in LEVELS_LOW + LEVELS_HIGH:
            errors.append(f"item {iid or n}: level must be one of none certificate degree advanced, got {level!r}")
        if dim in levels:
            levels[dim].append(str(level))
        if dim not in counts:
            errors.append(f"item {iid or n}: dimension must be one of R I A S E C, got {dim!r}")
        else:
            counts[dim] += 1
    if counts and max(counts.values()) - min(counts.values()) > 2:
        errors.append(f"dimensions are unbalanced: {counts}")
    if min(counts.values(), default=0) < 15:
        errors.append(f"each dimension needs at least 15 items: {counts}")
    errors += _level_balance(levels)
    return errors


def _level_balance(levels: dict[str, list[str]]) -> list[str]:
    """Per dimension: at least a third of the items need no degree (none/certificate) and at least a third a
    degree (degree/advanced), and the first six (what a short test asks) are three and three, so a short test
    does not tilt a dimension toward one education level."""
    errors = []
    for d, seq in levels.items():
        low, high = sum(v in LEVELS_LOW for v in seq), sum(v in LEVELS_HIGH for v in seq)
        if low < len(seq) / 3 or high < len(seq) / 3:
            errors.append(f"dimension {d}: levels unbalanced ({low} none/certificate, {high} degree/advanced)")
        first = seq[:6]
        if len(first) == 6 and sum(v in LEVELS_LOW for v in first) != 3:
            errors.append(f"dimension {d}: the first six items must be 3 none/certificate + 3 degree/advanced")
    return errors


def map_answer(text: str) -> int | None:
    """A free-text answer onto the 1-5 scale ("I'd love that" -> 5, "never tried it but it sounds fun" -> 4,
    "never had the chance" -> None); None if it is not one. See bot.dialogue.quiz_reader."""
    return read_answer(text).value


def new_state(full: bool = False) -> QuizState:
    return {"answers": {}, "order": [], "skipped": [], "current": None, "full": full, "zone": None, "done": False}


def scores(state: QuizState, items: tuple[Item, ...] | None = None) -> dict[str, float]:
    """Each dimension's mean answer, rescaled from 1-5 to O*NET's 1-7 range (4.0 = no answers yet)."""
    by_id = {i.id: i for i in (items or default_items())}
    sums = {d: 0.0 for d in RIASEC}
    counts = {d: 0 for d in RIASEC}
    for iid, value in state["answers"].items():
        item = by_id.get(iid)
        if item:
            sums[item.dimension] += value
            counts[item.dimension] += 1
    return {d: round(1 + (sums[d] / counts[d] - 1) * 1.5, 2) if counts[d] else 4.0 for d in RIASEC}


def correlation(a: list[float], b: list[float]) -> float:
    """Pearson correlation: compares the *shape* of two profiles, so someone who likes everything a bit
    more than average is still matched on which interests stand out (O*NET's matching idea)."""
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    da, db = [x - ma for x in a], [x - mb for x in b]
    na, nb = math.sqrt(sum(x * x for x in da)), math.sqrt(sum(x * x for x in db))
    if na == 0 or nb == 0:
        return 0.0
    return sum(x * y for x, y in zip(da, db)) / (na * nb)


def match_percent(profile: dict[str, float], career: Career) -> int:
    r = correlation([profile[d] for d in RIASEC], [float(career.riasec[d]) for d in RIASEC])
    return round((r + 1) * 50)


def has_profile(career: Career) -> bool:
    """Ingested pages may lack a RIASEC profile; the career test can only match careers that have one."""
    return set(career.riasec) == set(RIASEC)


def _matrix(careers: dict[str, Career]) -> tuple[list[Career], np.ndarray, np.ndarray]:
    """Careers' RIASEC profiles, centred and normalised once, so a correlation is one dot product."""
    key = (id(careers), len(careers))
    cached = _MATRICES.get(key)
    if cached is None or cached[0] is not careers:
        pool = [c for c in careers.values() if has_profile(c)]
        m = np.array([[float(c.riasec[d]) for d in RIASEC] for c in pool]).reshape(len(pool), len(RIASEC))
        m = m - m.mean(axis=1, keepdims=True)
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        m = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
        zones = np.array([int((c.education or {}).get("job_zone") or 5) for c in pool])
        ids = np.array([c.id for c in pool])
        cached = _MATRICES[key] = (careers, pool, m, zones, ids)
    return cached[1], cached[2], cached[3]


_MATRICES: dict[tuple, tuple] = {}  # (id, size) of a careers dict -> (the dict, pool, matrix, zones, ids)


def matches(
    profile: dict[str, float], careers: dict[str, Career], zone: int | None = None, limit: int = 10
) -> list[tuple[Career, int]]:
    """Careers ranked by correlation with the profile (shown as a 0-100 match), optionally up to a job zone.

    Ranked by the correlation itself, not the rounded match: with hundreds of careers the top 20 are usually within
    about three points, and ordering equal rounded matches by id made the top 5 depend on rounding (and disagree with
    the stopping rule, which ranks by correlation).
    """
    pool, m, zones = _matrix(careers)
    v = np.array([profile[d] for d in RIASEC], dtype=float)
    v = v - v.mean()
    norm = np.linalg.norm(v)
    r = m @ (v / norm) if norm > 0 else np.zeros(len(pool))
    pct = np.rint((r + 1) * 50).astype(int)
    allowed = np.ones(len(pool), bool) if zone is None else zones <= zone
    ids = _MATRICES[(id(careers), len(careers))][4]
    candidates = np.flatnonzero(allowed)
    order = candidates[np.lexsort((ids[candidates], -np.round(r[candidates], 12)))]  # best first, exact ties by id
    return [(pool[i], int(pct[i])) for i in order[:limit]]


def top_letters(profile: dict[str, float], k: int = 3) -> list[str]:
    """The letters among the top k scores, ties allowed (a letter is in if fewer than k letters score higher),
    highest first."""
    values = {d: float(profile[d]) for d in RIASEC}
    inside = [d for d in RIASEC if sum(v > values[d] for v in values.values()) < k]
    return sorted(inside, key=lambda d: (-values[d], RIASEC.index(d)))


def is_flat(profile: dict[str, float]) -> bool:
    """The answers do not separate interests: all six scores within FLAT_RANGE (e.g. every answer "Not sure")."""
    values = [float(profile[d]) for d in RIASEC]
    return max(values) - min(values) < FLAT_RANGE


def result_code(profile: dict[str, float]) -> str | None:
    """The Holland code of a test result, or None when the answers do not point to a type (none is invented)."""
    return None if is_flat(profile) else holland_code(profile)


def high_interests(profile: dict[str, float]) -> list[str]:
    """The person's high interests: among their top three (ties allowed) and at least HIGH on the 1-7 scale."""
    if is_flat(profile):
        return []
    return [d for d in top_letters(profile) if float(profile[d]) >= HIGH]


def shared_interests(profile: dict[str, float], career: Career) -> list[str]:
    """The letters a match's reason names: the person's high interests that are among the career's top three."""
    theirs = top_letters(career.riasec)
    return [d for d in high_interests(profile) if d in theirs][:3]


def reason(profile: dict[str, float], career: Career) -> str:
    """One line on why a career is listed: the high interests the person and the career share, else what the
    career centers on (a match by profile shape can share no high interest, and then says so)."""
    shared = shared_interests(profile, career)
    if shared:
        return f"you both score high on {_and([SHORT_NAMES[d] for d in shared])}"
    return f"this career centers on {_and([SHORT_NAMES[d] for d in holland_code(career.riasec, 2)])}"


def ties(profile: dict[str, float]) -> list[str]:
    """Ties in the code said as ties ("I and A tie for first"), at the one decimal the scores are shown with."""
    order = holland_code(profile, 6)
    shown = {d: round(float(profile[d]), 1) for d in RIASEC}
    out: list[str] = []
    done: set[str] = set()
    for pos, d in enumerate(order[:3]):
        if d in done:
            continue
        group = [x for x in order if shown[x] == shown[d]]
        done.update(group)
        if len(group) > 1:
            out.append(f"{_and(group)} tie for {('first', 'second', 'third')[pos]}")
    return out


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def result(
    profile: dict[str, float], careers: dict[str, Career], zone: int | None = None, limit: int = 10
) -> QuizResult:
    """A test result as bot metadata (docs/contracts.md §4: `quiz_result`): scores, code (None when the answers are
    flat) and the matches with the letters each one's reason names. Flat answers get no matches: a correlation with a
    near-flat profile ranks careers by noise, so any list would be invented."""
    code = result_code(profile)
    found = [] if code is None else matches(profile, careers, zone or None, limit=limit)
    return {
        "scores": profile,
        "code": code,
        "matches": [{"career": c.id, "match": pct, "shared": shared_interests(profile, c)} for c, pct in found],
    }


def next_item(state: QuizState, careers: dict[str, Career], items: tuple[Item, ...] | None = None) -> Item | None:
    """The unanswered item that best separates the current top matches, or None when the test is done.

    First one item per dimension in turn; then the dimension where the top matches differ most, weighted by
    how little we know of the person there (few answers) -- a simple expected-information heuristic.
    """
    items = items or default_items()
    asked = set(state["answers"]) | set(state["skipped"])
    remaining = [i for i in items if i.id not in asked]
    if not remaining:
        return None
    counts = {d: 0 for d in RIASEC}
    by_id = {i.id: i for i in items}
    for iid in state["answers"]:
        if iid in by_id:
            counts[by_id[iid].dimension] += 1
    if not state.get("full") and should_stop(state, careers, items):
        return None
    open_dims = {i.dimension for i in remaining}
    if min(counts[d] for d in open_dims) < 2:
        dim = min(open_dims, key=lambda d: (counts[d], RIASEC.index(d)))
    else:
        gains = boundary_gains(state, careers, items)
        dim = max(open_dims, key=lambda d: (gains[d], -RIASEC.index(d)))
    return next(i for i in remaining if i.dimension == dim)


def boundary_gains(state: QuizState, careers: dict[str, Career], items: tuple[Item, ...]) -> dict[str, float]:
    """How much one more answer in each dimension would lower the chance that the top matches change.

    For pairs of careers on either side of the top-5 boundary, the chance that their order flips is
    Phi(-margin / sd), where sd combines each dimension's uncertainty (standard error of its mean answer) with
    how strongly that dimension moves the pair's correlations (the gradient of r_a - r_b). An answer in a
    dimension shrinks its standard error; we ask where that shrinks the flip chances most.
    """
    from scipy.special import erfc

    profile = scores(state, items)
    sd, counts, totals = _answer_spread(state, items)
    se_now = np.array([_standard_error(sd, counts[d], totals[d]) for d in RIASEC])
    se_next = np.array([_standard_error(sd, counts[d] + 1, totals[d]) if counts[d] else 3.0 for d in RIASEC])
    pool, m, zones = _matrix(careers)
    zone = state.get("zone")
    allowed = np.ones(len(pool), bool) if zone is None else zones <= zone
    p = np.array([profile[d] for d in RIASEC])
    pc = p - p.mean()
    norm = max(float(np.linalg.norm(pc)), 1e-9)
    r = np.where(allowed, m @ pc / norm, -np.inf)
    near = np.argsort(-r)[: TOP_K * 2]
    near = near[np.isfinite(r[near])]
    if len(near) <= TOP_K:  # so few careers qualify that the top matches cannot change
        return {d: 0.0 for d in RIASEC}
    # d r_c / d p_d = (m_cd - r_c * pc_d / |pc|) / |pc|   (m rows are centred and unit length)
    grad = (m[near] - r[near, None] * pc[None, :] / norm) / norm
    inside, outside = np.arange(TOP_K), np.arange(TOP_K, len(near))
    margins = (r[near][inside, None] - r[near][None, outside]).ravel()  # pairs across the boundary
    pair_grads = (grad[inside, None, :] - grad[None, outside, :]).reshape(-1, len(RIASEC))
    # Row 0: the uncertainty now; row 1+j: as if dimension j had one more answer.
    scenarios = np.tile(se_now, (len(RIASEC) + 1, 1))
    scenarios[1:][np.diag_indices(len(RIASEC))] = se_next
    spread = np.sqrt(((pair_grads[None, :, :] * scenarios[:, None, :]) ** 2).sum(axis=2)) + 1e-9
    flips = (0.5 * erfc(np.clip(margins, 0, None)[None, :] / spread / math.sqrt(2))).sum(axis=1)
    return {d: float(flips[0] - flips[1 + j]) for j, d in enumerate(RIASEC)}


def should_stop(state: QuizState, careers: dict[str, Career], items: tuple[Item, ...] | None = None) -> bool:
    """Stop early once the top matches would very likely survive the remaining questions.

    The goal is the full-length result, so each dimension's uncertainty is the standard error of its mean answer
    with a finite-population correction (it shrinks to zero once all of that dimension's items are answered).
    We perturb the profile by that uncertainty many times; if the top matches keep at least 4 of 5 careers in
    CONFIDENCE of the draws (and have not changed over the last few answers), more questions would not help.
    """
    order = state["order"]
    if len(order) < MIN_ITEMS:
        return False
    items = items or default_items()
    if len(state["answers"]) >= MAX_SHARE * len(items):
        return True  # a profile with near-ties never looks certain; more items would not settle it
    zone = state.get("zone")
    now = _top_ids(state["answers"], careers, zone, items)
    for back in range(1, STABLE_FOR + 1):
        earlier = {iid: state["answers"][iid] for iid in order[:-back] if iid in state["answers"]}
        if _top_ids(earlier, careers, zone, items) != now:
            return False
    profile = scores(state, items)
    se = _standard_errors(state, items)
    rng = np.random.default_rng(len(order))
    pool, m, zones = _matrix(careers)
    allowed = np.ones(len(pool), bool) if zone is None else zones <= zone
    base = np.array([profile[d] for d in RIASEC])
    draws = base + rng.normal(size=(DRAWS, 6)) * np.array([se[d] for d in RIASEC])
    draws = draws - draws.mean(axis=1, keepdims=True)
    r = draws @ m.T  # unnormalised correlations: the ranking per draw is what matters
    r = r / np.maximum(np.linalg.norm(draws, axis=1, keepdims=True), 1e-9)
    r[:, ~allowed] = -np.inf
    k = min(TOP_K, int(allowed.sum()))
    if k < TOP_K:  # so few careers qualify that the top matches are all of them
        return True
    # Each draw's top k by partition, not a full sort (no two careers share a profile, so there are no ties).
    top = np.argpartition(-r, k - 1, axis=1)[:, :k]
    in_now = np.fromiter((c.id in now for c in pool), bool, len(pool))
    keep = int((in_now[top].sum(axis=1) >= k - 1).sum())
    return keep / DRAWS >= CONFIDENCE


def _answer_spread(state: QuizState, items: tuple[Item, ...]) -> tuple[float, dict[str, int], dict[str, int]]:
    """The person's answer spread (pooled over dimensions), and per dimension answers so far and items in all."""
    by_id = {i.id: i for i in items}
    totals = {d: 0 for d in RIASEC}
    for i in items:
        totals[i.dimension] += 1
    values: dict[str, list[int]] = {d: [] for d in RIASEC}
    for iid, v in state["answers"].items():
        if iid in by_id:
            values[by_id[iid].dimension].append(v)
    # The answer spread is the person's, not the dimension's: pooled over all dimensions it is far steadier
    # than six separate estimates from a handful of answers each (and a lucky streak no longer looks certain).
    squares = sum(sum((v - sum(vs) / len(vs)) ** 2 for v in vs) for vs in values.values() if vs)
    dof = sum(len(vs) - 1 for vs in values.values() if vs)
    pooled = max(math.sqrt(squares / dof) if dof > 0 else MIN_SD, MIN_SD)
    return pooled, {d: len(values[d]) for d in RIASEC}, totals


def _standard_error(sd: float, n: int, total: int) -> float:
    """Standard error of a dimension's mean answer (1-7 scale) relative to answering all `total` of its items:
    finite-population corrected, so it is zero once every item of the dimension is answered."""
    if n == 0:
        return 3.0
    return 1.5 * sd / math.sqrt(n) * math.sqrt(max(total - n, 0) / max(total - 1, 1))


def _standard_errors(state: QuizState, items: tuple[Item, ...]) -> dict[str, float]:
    sd, counts, totals = _answer_spread(state, items)
    return {d: _standard_error(sd, counts[d], totals[d]) for d in RIASEC}


def _top_ids(answers: dict, careers: dict[str, Career], zone, items) -> set[str]:
    profile = scores({"answers": answers}, items)
    return {c.id for c, _ in matches(profile, careers, zone, limit=TOP_K)}


def text_chart(profile: dict[str, float], width: int = 14) -> str:
    """The six scores as a text bar chart for channels without pictures."""
    lines = []
    for d in RIASEC:
        filled = round((profile[d] - 1) / 6 * width)
        lines.append(f"{d} {'█' * filled}{'░' * (width - filled)} {profile[d]:.1f}")
    return "\n".join(lines)
