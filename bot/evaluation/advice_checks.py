"""Checks for the advice evaluation set (tests/eval/advice_questions.yml), against the facts of the pages.

Pure functions, no Rasa. The engine's harness plays each item's turns to the assistant (seeding the context first,
see below), collects the bot messages and calls

    ok, why = check(item, messages, careers)

- `item`: one entry of the question file, `{id, text | turns, kind, context?, expect}`.
- `messages`: the bot messages, each a dict with `text`, `buttons` and the metadata keys of docs/contracts.md §4
  at the top level (`{"text": ..., "buttons": [...], "ranking": {...}}`; a nested `metadata` or `custom` dict is
  merged in too). Preferably one list per turn (`[[turn 1 messages], [turn 2 messages]]`); a flat list of all the
  conversation's messages also works (the answer is then the last message carrying the kind's key).
- `careers`: the loaded pages, `bot.knowledge.pages.load_careers()`.
- Returns `(True, "ok")` or `(False, "<problem>; <problem>...")`.

Context (seeded by the harness before the turns): `test_profile` = the career test's scores `{R..C}` (as in a
`quiz_result`; the person has finished the test, e.g. the `quiz` slot's results set to these scores).

The checks recompute everything from the pages, independently of the engine: a ranking's careers satisfy every
filter, its values equal the page facts, its order is monotone and its first value is near the top of the filtered
population (the 90th percentile, the 10th for an ascending list); a fit's match is the career test's formula
round((pearson(profile, career) + 1) * 50) and its rank the career's place among all careers with a profile.
`validate_item` checks an item itself (known kind, careers that exist, a filtered population that is not empty).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from bot import config
from bot.knowledge import facts as facts_tables
from bot.knowledge.pages import RIASEC, Career

KINDS = (
    "ranking",  # one-turn ranking by a fact, with filters
    "refine",  # a ranking, then a refinement (turns); the last ranking is checked as a ranking
    "more",  # a ranking, then "more" (turns); the next page continues the first
    "unsupported",  # a filter the facts cannot answer: no list, `unsupported` said
    "compare",  # two careers ranked by one fact
    "fit",  # "would I make a good X?"
    "interests",  # interests told in words
    "moves",  # career moves from a current job
    "path",  # how to get from career A to career B
    "explain",  # Holland code letters, ties, why a career is on the list, my strongest interests
    "profile",  # what the assistant remembers; forget me
)
BY = ("salary", "growth", "openings", "job_zone", "match")
HOURS_A_YEAR = 2080
SALARY_YEAR = 2024
TOLERANCE = {"salary": 1.0, "growth": 0.05, "openings": 0.5, "job_zone": 0.0, "match": 0.0}
TOP_PERCENTILE = 90  # the first career of a descending list is at least this percentile of the population
FILTER_KEYS = ("max_job_zone", "min_job_zone", "cluster", "min_salary", "max_salary", "interest", "careers")
# "without a degree" / "only a certificate": an entry level below an associate's degree.
BELOW_ASSOCIATE = ("No formal credential", "High school diploma", "Postsecondary certificate", "Apprenticeship")
EDUCATION = {"below_associate": BELOW_ASSOCIATE}
LETTER_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
# Words that describe an interest type without its name (a career's profile "in words").
LETTER_WORDS = {
    "R": ("realistic", "hands-on", "hands on", "practical", "tools", "machines", "outdoors", "physical", "build"),
    "I": ("investigative", "investigat", "analy", "science", "scientific", "research", "ideas", "problem"),
    "A": ("artistic", "creat", "design", "express", "imaginat", "art"),
    "S": ("social", "help", "teach", "caring", "care for", "people", "support"),
    "E": ("enterprising", "lead", "persua", "sell", "business", "manag", "influenc"),
    "C": ("conventional", "organi", "detail", "data", "records", "order", "procedure", "structure"),
}
TIE_WORDS = re.compile(r"\b(ties?|tied|tying|equal(ly)?|same score|level with|as strong as|evenly)\b", re.I)
# Words that only say which level of the same job (a move from "Teacher" to "Middle School Teacher" is no move).
LEVEL_WORDS = frozenset(
    "elementary middle high secondary primary school preschool pre-school kindergarten senior junior lead head chief "
    "staff entry-level entry level trainee apprentice journeyman journeyperson master".split()
)
START_QUIZ = "/start_quiz"


# ---------------------------------------------------------------------------------------------------------------
# Messages


def _view(message: Mapping[str, Any]) -> dict[str, Any]:
    """A message with any nested `metadata` / `custom` dict merged in at the top level."""
    out = dict(message)
    for key in ("metadata", "custom"):
        inner = message.get(key)
        if isinstance(inner, Mapping):
            for k, v in inner.items():
                out.setdefault(k, v)
    return out


def _turns(messages: Iterable[Any]) -> list[list[dict[str, Any]]]:
    """Per-turn lists of messages; a flat list counts as one turn."""
    messages = list(messages or [])
    if messages and all(isinstance(m, (list, tuple)) for m in messages):
        return [[_view(m) for m in turn] for turn in messages]
    return [[_view(m) for m in messages]]


def _last_with(messages: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    """The last message carrying `key` (even with a null value)."""
    return next((m for m in reversed(messages) if key in m), None)


def _text(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)


def _buttons(messages: list[dict[str, Any]]) -> list[Mapping[str, Any]]:
    return [b for m in messages for b in (m.get("buttons") or []) if isinstance(b, Mapping)]


def _mentions(text: str, word: str) -> bool:
    return re.search(r"(?<![A-Za-z])" + re.escape(word.lower()), text.lower()) is not None


# ---------------------------------------------------------------------------------------------------------------
# Facts from the pages


def salary(career: Career) -> float | None:
    """Annual median pay of the page (hourly x 2080), May 2024; None when the page has none."""
    s = career.salary or career.meta.get("salary")
    if not isinstance(s, Mapping) or s.get("median") is None or int(s.get("year") or 0) != SALARY_YEAR:
        return None
    median = float(s["median"])
    return median * HOURS_A_YEAR if s.get("period") == "hour" else median


def outlook(career: Career, key: str) -> float | None:
    o = career.meta.get("outlook")
    if not isinstance(o, Mapping) or o.get(key) is None:
        return None
    return float(o[key])


def job_zone(career: Career) -> int | None:
    zone = (career.education or {}).get("job_zone")
    return int(zone) if zone is not None else None


def has_profile(career: Career) -> bool:
    return set(career.riasec) == set(RIASEC)


def pearson(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Pearson correlation of two RIASEC profiles (0.0 when one is flat)."""
    xs, ys = [float(a[d]) for d in RIASEC], [float(b[d]) for d in RIASEC]
    mx, my = sum(xs) / 6, sum(ys) / 6
    dx, dy = [x - mx for x in xs], [y - my for y in ys]
    nx, ny = math.sqrt(sum(x * x for x in dx)), math.sqrt(sum(y * y for y in dy))
    if nx == 0 or ny == 0:
        return 0.0
    return sum(x * y for x, y in zip(dx, dy)) / (nx * ny)


def match_raw(profile: Mapping[str, float], career: Career) -> float:
    return (pearson(profile, career.riasec) + 1) * 50


def match(profile: Mapping[str, float], career: Career) -> int:
    """The career test's match percentage (bot/dialogue/quiz.py match_percent)."""
    return round(match_raw(profile, career))


def match_ok(value: Any, profile: Mapping[str, float], career: Career) -> bool:
    """`value` is the match; either rounding is accepted when the raw value sits on a .5 boundary."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    raw = match_raw(profile, career)
    allowed = {round(raw)}
    if abs(raw - math.floor(raw) - 0.5) < 1e-6:
        allowed |= {math.floor(raw), math.ceil(raw)}
    return float(value) in {float(a) for a in allowed}


def fact(career: Career, by: str, profile: Mapping[str, float] | None = None) -> float | None:
    """The value a ranking by `by` lists for a career; None when the page lacks the fact."""
    if by == "salary":
        return salary(career)
    if by == "growth":
        return outlook(career, "growth_pct")
    if by == "openings":
        return outlook(career, "openings")
    if by == "job_zone":
        z = job_zone(career)
        return float(z) if z is not None else None
    if by == "match":
        return float(match(profile, career)) if profile is not None and has_profile(career) else None
    raise ValueError(f"unknown ranking fact {by!r}")


def top_letters(scores: Mapping[str, float], k: int) -> set[str]:
    """Letters among the k highest scores, ties included (a letter level with the k-th counts)."""
    values = sorted((float(scores[d]) for d in RIASEC if d in scores), reverse=True)
    if not values:
        return set()
    floor = values[min(k, len(values)) - 1]
    return {d for d in RIASEC if d in scores and float(scores[d]) >= floor - 1e-9}


def strict_top(scores: Mapping[str, float], k: int) -> set[str]:
    """The first k letters of the Holland code (ties in RIASEC order)."""
    return set(sorted((d for d in RIASEC if d in scores), key=lambda d: (-float(scores[d]), RIASEC.index(d)))[:k])


def rank_range(profile: Mapping[str, float], career: Career, careers: Mapping[str, Career]) -> tuple[int, int, int]:
    """(best, worst) place of a career among all careers with a profile by match, ties either way, and how many."""
    pool = [c for c in careers.values() if has_profile(c)]
    mine = match(profile, career)
    values = [match(profile, c) for c in pool]
    greater = sum(v > mine for v in values)
    equal = sum(v == mine for v in values)
    return greater + 1, greater + equal, len(pool)


@cache
def _skill_table(folder: str) -> tuple[frozenset[str], dict[str, dict[str, float]]]:
    rows = facts_tables.table("skills.csv", Path(folder))
    names = frozenset(r["skill"] for r in rows)
    by_code: dict[str, dict[str, float]] = {}
    for r in rows:
        by_code.setdefault(r["code"], {})[r["skill"]] = float(r["importance"])
    return names, by_code


def skill_names(folder: Path | None = None) -> frozenset[str]:
    """The 35 O*NET skill names (knowledge/facts/skills.csv `skill`)."""
    return _skill_table(str(folder or config.FACTS_DIR))[0]


def skill_importance(code: str, folder: Path | None = None) -> dict[str, float]:
    """{skill: importance} of an O*NET code; {} when O*NET 29.3 does not rate it."""
    return _skill_table(str(folder or config.FACTS_DIR))[1].get(code, {})


def onet_codes(career: Career) -> list[str]:
    return [str(c) for c in (career.meta.get("onet") or [])]


# ---------------------------------------------------------------------------------------------------------------
# Filters


def filter_problems(career: Career, filters: Mapping[str, Any], education: str | None = None) -> list[str]:
    """Why a career fails the filters (empty when it satisfies all of them)."""
    out = []
    zone = job_zone(career)
    if "max_job_zone" in filters and (zone is None or zone > int(filters["max_job_zone"])):
        out.append(f"job zone {zone} > {filters['max_job_zone']}")
    if "min_job_zone" in filters and (zone is None or zone < int(filters["min_job_zone"])):
        out.append(f"job zone {zone} < {filters['min_job_zone']}")
    if "cluster" in filters and career.cluster.lower() != str(filters["cluster"]).lower():
        out.append(f"cluster {career.cluster!r} is not {filters['cluster']!r}")
    pay = salary(career)
    if "min_salary" in filters and (pay is None or pay < float(filters["min_salary"])):
        out.append(f"salary {pay} < {filters['min_salary']}")
    if "max_salary" in filters and (pay is None or pay > float(filters["max_salary"])):
        out.append(f"salary {pay} > {filters['max_salary']}")
    if "interest" in filters:
        letter = str(filters["interest"]).upper()
        if not has_profile(career) or letter not in top_letters(career.riasec, 2):
            out.append(f"{letter} is not among its top 2 interests")
    if "careers" in filters and career.id not in set(filters["careers"]):
        out.append("not one of the compared careers")
    if education:
        level = str((career.education or {}).get("level") or "")
        if level not in EDUCATION[education]:
            out.append(f"entry level {level!r} is not below an associate's degree")
    return out


def population(
    careers: Mapping[str, Career],
    by: str,
    filters: Mapping[str, Any],
    education: str | None = None,
    profile: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """{id: value} of every career that has the fact and passes the filters."""
    out = {}
    for c in careers.values():
        value = fact(c, by, profile)
        if value is not None and not filter_problems(c, filters, education):
            out[c.id] = value
    return out


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (linear interpolation between closest ranks, like numpy's default)."""
    xs = sorted(values)
    if not xs:
        return math.nan
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), abs_tol=1e-6)
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().lower() == b.strip().lower()
    if isinstance(a, (list, tuple, set)) and isinstance(b, (list, tuple, set)):
        return set(a) == set(b)
    return bool(a == b)


def stated_filter_problems(stated: Any, expected: Mapping[str, Any]) -> list[str]:
    """The filters a ranking states against the expected ones, on the contract's keys (FILTER_KEYS): each expected
    key stated with the same value, no contract key stated that was not expected. Other keys (how an engine
    writes an education filter, for example) are not judged here; the careers listed are."""
    if not isinstance(stated, Mapping):
        return [f"filters is {stated!r}, not a mapping"]
    out = []
    for key, value in expected.items():
        if key not in stated:
            out.append(f"filter {key}={value!r} not stated")
        elif not _same(stated[key], value):
            out.append(f"filter {key}={stated[key]!r}, expected {value!r}")
    extra = [k for k in FILTER_KEYS if k in stated and k not in expected]
    if extra:
        out.append(f"unexpected filters {', '.join(f'{k}={stated[k]!r}' for k in extra)}")
    return out


# ---------------------------------------------------------------------------------------------------------------
# Rankings


def _value_problems(
    ids: list[str], values: list[Any], by: str, careers: Mapping[str, Career], profile: Mapping[str, float] | None
) -> list[str]:
    out = []
    for cid, value in zip(ids, values):
        career = careers.get(cid)
        if career is None:
            continue
        if by == "match" and profile is None:
            continue  # no profile known to the check: the value cannot be recomputed
        true = fact(career, by, profile)
        if true is None:
            out.append(f"{cid} has no {by} fact but is listed")
        elif not isinstance(value, (int, float)) or isinstance(value, bool):
            out.append(f"{cid}: value {value!r} is not a number")
        elif by == "match" and profile is not None:
            if not match_ok(value, profile, career):
                out.append(f"{cid}: match {value} != {match(profile, career)}")
        elif abs(float(value) - true) > TOLERANCE[by] + 1e-9:
            out.append(f"{cid}: {by} {value} != page fact {true:g}")
    return out


def _monotone(values: list[float], order: str) -> bool:
    pairs = zip(values, values[1:])
    return all(a >= b for a, b in pairs) if order == "desc" else all(a <= b for a, b in pairs)


def ranking_problems(
    ranking: Any,
    expect: Mapping[str, Any],
    careers: Mapping[str, Career],
    profile: Mapping[str, float] | None = None,
    top_check: bool = True,
) -> list[str]:
    """Everything wrong with one ranking against the expectation and the page facts."""
    if not isinstance(ranking, Mapping):
        return [f"no ranking (got {ranking!r})"]
    out = []
    by, order = ranking.get("by"), ranking.get("order")
    if "by" in expect and by != expect["by"]:
        out.append(f"by {by!r}, expected {expect['by']!r}")
    if "order" in expect and order != expect["order"]:
        out.append(f"order {order!r}, expected {expect['order']!r}")
    if by not in BY or order not in ("asc", "desc"):
        return out + [f"cannot judge a ranking by {by!r} in order {order!r}"]
    filters = dict(expect.get("filters") or {})
    out += stated_filter_problems(ranking.get("filters", {}), filters)
    ids, values = list(ranking.get("careers") or []), list(ranking.get("values") or [])
    if not ids:
        return out + ["the ranking lists no careers"]
    if len(ids) != len(values):
        out.append(f"{len(ids)} careers but {len(values)} values")
    if len(set(ids)) != len(ids):
        out.append("a career is listed twice")
    unknown = [c for c in ids if c not in careers]
    if unknown:
        out.append(f"unknown careers {unknown}")
    education = expect.get("education")
    for cid in ids:
        if cid in careers:
            problems = filter_problems(careers[cid], filters, education)
            if problems:
                out.append(f"{cid} fails the filters: {', '.join(problems)}")
    out += _value_problems(ids, values, by, careers, profile)
    numbers = [float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(numbers) == len(values) and not _monotone(numbers, order):
        out.append(f"values not {order}ending: {numbers}")
    if top_check and numbers and not (by == "match" and profile is None):
        pool = list(population(careers, by, filters, education, profile).values())
        if pool:
            if order == "desc":
                bar = percentile(pool, TOP_PERCENTILE)
                if numbers[0] < bar - TOLERANCE[by] - 1e-9:
                    out.append(f"first value {numbers[0]:g} below the 90th percentile {bar:g} of {len(pool)} careers")
            else:
                bar = percentile(pool, 100 - TOP_PERCENTILE)
                if numbers[0] > bar + TOLERANCE[by] + 1e-9:
                    out.append(f"first value {numbers[0]:g} above the 10th percentile {bar:g} of {len(pool)} careers")
    return out


def _check_ranking(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    msg = _last_with(turns[-1], "ranking")
    if msg is None or msg.get("ranking") is None:
        return ["no ranking in the answer" + (f" (unsupported: {msg.get('unsupported')!r})" if msg else "")]
    out = ranking_problems(msg["ranking"], expect, careers, profile, top_check=item["kind"] != "more")
    if item["kind"] == "more":
        everything = [m for t in turns for m in t]
        before = next(i for i, m in enumerate(everything) if m is msg)
        earlier = [m for m in everything[:before] if isinstance(m.get("ranking"), Mapping)]
        if not earlier:
            return out + ["no earlier ranking to continue"]
        first, now = earlier[-1]["ranking"], msg["ranking"]
        for key in ("by", "order"):
            if first.get(key) != now.get(key):
                out.append(f"'more' changed {key}: {first.get(key)!r} -> {now.get(key)!r}")
        if stated_filter_problems(now.get("filters", {}), dict(first.get("filters") or {})):
            out.append(f"'more' changed the filters: {first.get('filters')!r} -> {now.get('filters')!r}")
        repeated = set(first.get("careers") or []) & set(now.get("careers") or [])
        if repeated:
            out.append(f"'more' repeats {sorted(repeated)}")
        a, b = list(first.get("values") or []), list(now.get("values") or [])
        if a and b and isinstance(a[-1], (int, float)) and isinstance(b[0], (int, float)):
            if not _monotone([float(a[-1]), float(b[0])], str(now.get("order"))):
                out.append(f"'more' does not continue the order ({a[-1]} then {b[0]})")
    return out


def _check_unsupported(item, turns, careers, profile) -> list[str]:
    last = turns[-1]
    everything = [m for t in turns for m in t]
    out = []
    listed = [m for m in last if isinstance(m.get("ranking"), Mapping)]
    if listed:
        out.append(f"a list was given: {listed[-1]['ranking'].get('careers')}")
    latest = next((m for m in reversed(everything) if "ranking" in m or "unsupported" in m), None)
    if latest is None or not latest.get("unsupported"):
        out.append("no `unsupported` in the answer")
    elif latest.get("ranking") is not None:
        out.append("`unsupported` with a ranking that is not null")
    return out


def _check_compare(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    msg = _last_with(turns[-1], "ranking")
    if msg is None or not isinstance(msg.get("ranking"), Mapping):
        return ["no ranking in the answer"]
    ranking = msg["ranking"]
    wanted = list(expect["careers"])
    out = []
    ids = list(ranking.get("careers") or [])
    if set(ids) != set(wanted) or len(ids) != len(wanted):
        out.append(f"careers {ids}, expected {sorted(wanted)}")
    if ranking.get("by") != expect["by"]:
        out.append(f"by {ranking.get('by')!r}, expected {expect['by']!r}")
    if "order" in expect and ranking.get("order") != expect["order"]:
        out.append(f"order {ranking.get('order')!r}, expected {expect['order']!r}")
    stated = ranking.get("filters")
    if not isinstance(stated, Mapping) or not _same(list(stated.get("careers") or []), wanted):
        out.append(f"filters.careers {stated!r}, expected {sorted(wanted)}")
    by, order = ranking.get("by"), ranking.get("order")
    if by in BY and order in ("asc", "desc") and not out:
        values = list(ranking.get("values") or [])
        if len(values) != len(ids):
            return out + [f"{len(ids)} careers but {len(values)} values"]
        out += _value_problems(ids, values, by, careers, profile)
        true = [fact(careers[c], by, profile) for c in ids if c in careers]
        if None not in true and not _monotone([float(t) for t in true if t is not None], order):
            out.append(f"wrong order for {order}: {dict(zip(ids, true))}")
    return out


# ---------------------------------------------------------------------------------------------------------------
# Fit, interests, moves, path, explain, profile


def _check_fit(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    last = turns[-1]
    msg = _last_with(last, "fit")
    if msg is None or not isinstance(msg.get("fit"), Mapping):
        return ["no fit in the answer"]
    fit = msg["fit"]
    out = []
    cid = expect["career"]
    if fit.get("career") != cid:
        out.append(f"career {fit.get('career')!r}, expected {cid!r}")
    basis = expect.get("basis")
    if fit.get("basis") != basis:
        out.append(f"basis {fit.get('basis')!r}, expected {basis!r}")
    career = careers.get(cid)
    if career is None:
        return out + [f"unknown career {cid!r}"]
    if basis is None:
        if fit.get("match") is not None:
            out.append(f"match {fit.get('match')!r} with no basis")
        if not any(str(b.get("payload") or "").startswith(START_QUIZ) for b in _buttons(last)):
            out.append(f"no button whose payload starts with {START_QUIZ}")
        text = _text(last)
        top = max(RIASEC, key=lambda d: (float(career.riasec.get(d, 0)), -RIASEC.index(d)))
        if has_profile(career) and not any(_mentions(text, w) for w in LETTER_WORDS[top]):
            out.append(f"the reply does not describe the career's leading interest ({LETTER_NAMES[top]}) in words")
        return out
    if basis == "interests":
        everything = [m for t in turns for m in t]
        stated = [m["interests_match"] for m in everything if isinstance(m.get("interests_match"), Mapping)]
        profile = (stated[-1].get("scores") if stated else None) or None
        if profile is None:
            return out + ["no interests_match scores earlier in the conversation to check the match against"]
    if profile is None:
        return out + ["no profile to check the match against (context.test_profile)"]
    if not match_ok(fit.get("match"), profile, career):
        out.append(f"match {fit.get('match')!r} != {match(profile, career)}")
    best, worst, n = rank_range(profile, career, careers)
    rank = fit.get("rank")
    if not isinstance(rank, int) or not best - 1 <= rank <= worst + 1:
        out.append(f"rank {rank!r} not in {best}..{worst} (±1)")
    if fit.get("of") != n:
        out.append(f"of {fit.get('of')!r}, expected {n} careers with a profile")
    return out


def _check_interests(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    msg = _last_with(turns[-1], "interests_match")
    if msg is None or not isinstance(msg.get("interests_match"), Mapping):
        return ["no interests_match in the answer"]
    im = msg["interests_match"]
    out = []
    k = int(expect.get("within", 2))
    scores = im.get("scores")
    if isinstance(scores, Mapping) and set(scores) >= set(RIASEC):
        top = top_letters(scores, k)
        bad = [d for d in RIASEC if not 1.0 - 1e-9 <= float(scores[d]) <= 7.0 + 1e-9]
        if bad:
            out.append(f"scores out of 1-7 for {bad}")
    elif im.get("code"):
        scores = None
        top = set(str(im["code"])[:k])
    else:
        return ["neither scores nor a code"]
    missing = [d for d in expect["letters"] if d not in top]
    if missing:
        out.append(f"{missing} not among the top {k} ({scores or im.get('code')})")
    matches = im.get("matches") or []
    if not matches:
        out.append("no matching careers")
    elif isinstance(scores, Mapping):
        for m in matches:
            career = careers.get(m.get("career"))
            if career is None:
                out.append(f"unknown career {m.get('career')!r}")
            elif not match_ok(m.get("match"), scores, career):
                out.append(f"{career.id}: match {m.get('match')} != {match(scores, career)}")
        values = [m.get("match") for m in matches]
        if all(isinstance(v, (int, float)) for v in values) and not _monotone([float(v) for v in values], "desc"):
            out.append("matches not best first")
    return out


def _words(title: str) -> list[str]:
    return re.findall(r"[a-z0-9']+(?:-[a-z0-9']+)*", title.lower())


def same_job(source: Career, other: Career) -> bool:
    """True when one title is the other with only level words added ("Middle School Teacher" / "Teacher",
    "High School Teacher" / "Elementary School Teacher")."""
    a, b = _words(source.title), _words(other.title)

    def core(words: list[str]) -> list[str]:
        words = list(words)
        while len(words) > 1 and words[0] in LEVEL_WORDS:
            words.pop(0)
        return words

    return core(a) == core(b)


def _check_moves(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    msg = _last_with(turns[-1], "moves")
    if msg is None or not isinstance(msg.get("moves"), Mapping):
        return ["no moves in the answer"]
    moves = msg["moves"]
    out = []
    src_id = expect["from"]
    if moves.get("from") != src_id:
        out.append(f"from {moves.get('from')!r}, expected {src_id!r}")
    ids = list(moves.get("careers") or [])
    if not ids:
        return out + ["no careers"]
    if len(set(ids)) != len(ids):
        out.append("a career is listed twice")
    if src_id in ids:
        out.append("the source career is among the moves")
    source = careers.get(src_id)
    codes = set(onet_codes(source)) if source else set()
    for cid in ids:
        c = careers.get(cid)
        if c is None:
            out.append(f"unknown career {cid!r}")
            continue
        if cid != src_id and codes & set(onet_codes(c)):
            out.append(f"{cid} shares an O*NET code with {src_id}")
        if source is not None and cid != src_id and same_job(source, c):
            out.append(f"{cid} ({c.title}) is the same job as {source.title} at another level")
    return out


def _check_path(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    msg = _last_with(turns[-1], "path")
    if msg is None or not isinstance(msg.get("path"), Mapping):
        return ["no path in the answer"]
    path = msg["path"]
    out = []
    for key in ("from", "to"):
        if path.get(key) != expect[key]:
            out.append(f"{key} {path.get(key)!r}, expected {expect[key]!r}")
    build = path.get("skills_to_build")
    if not isinstance(build, list) or not build or not all(isinstance(s, str) and s for s in build):
        return out + [f"skills_to_build {build!r} is not a non-empty list of names"]
    shared = path.get("shared_skills") or []
    target = careers.get(expect["to"])
    codes = onet_codes(target) if target else []
    if codes:
        names = skill_names()
        unknown = [s for s in [*build, *shared] if s not in names]
        if unknown:
            out.append(f"not O*NET skill names: {unknown}")
        rated = [skill_importance(c) for c in codes if skill_importance(c)]
        if rated:
            minor = [s for s in build if s in names and max(r.get(s, 0.0) for r in rated) < 3.0]
            if minor:
                out.append(f"skills_to_build not important to {expect['to']} (importance < 3): {minor}")
    via = path.get("via") or []
    for cid in via:
        if cid not in careers:
            out.append(f"via: unknown career {cid!r}")
        elif cid in (expect["from"], expect["to"]):
            out.append(f"via lists {cid}, an end of the path")
    return out


def _check_explain(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    text = _text(turns[-1])
    out = []
    if not text.strip():
        return ["no text"]
    missing = [d for d in expect.get("letters", []) if not _mentions(text, LETTER_NAMES[d])]
    if missing:
        out.append(f"does not name {', '.join(LETTER_NAMES[d] for d in missing)}")
    anyof = expect.get("letters_any")
    if anyof and not any(_mentions(text, LETTER_NAMES[d]) for d in anyof):
        out.append(f"names none of {', '.join(LETTER_NAMES[d] for d in anyof)}")
    if expect.get("tie") and not TIE_WORDS.search(text):
        out.append("does not say that interests are tied")
    cid = expect.get("career")
    if cid:
        career = careers.get(cid)
        names = career.names if career else [cid]
        if not any(_mentions(text, n) for n in names):
            out.append(f"does not name {cid}")
    return out


def _check_profile(item, turns, careers, profile) -> list[str]:
    expect = item["expect"]
    msg = _last_with(turns[-1], "profile")
    if msg is None:
        return ["no profile in the answer"]
    prof = msg["profile"]
    out = []
    if set(expect) <= {"present"}:
        return []  # what the assistant knows, whatever it is (a fresh conversation may know nothing)
    if "profile" in expect and expect["profile"] is None:
        return [] if prof is None else [f"profile {prof!r} after forget_me, expected null"]
    if expect.get("empty"):
        if prof is None:
            return []
        if not isinstance(prof, Mapping):
            return [f"profile {prof!r}"]
        kept = {k: prof.get(k) for k in ("current_job", "interests", "zone") if prof.get(k)}
        kept.update({"interests_text": prof["interests_text"]} if prof.get("interests_text") else {})
        return [f"still remembers {kept}"] if kept else []
    if not isinstance(prof, Mapping):
        return [f"profile {prof!r}, expected what the assistant knows"]
    if "zone" in expect:
        lo, hi = expect["zone"]
        if not isinstance(prof.get("zone"), int) or not lo <= prof["zone"] <= hi:
            out.append(f"zone {prof.get('zone')!r}, expected {lo}..{hi}")
    if "current_job" in expect and prof.get("current_job") != expect["current_job"]:
        out.append(f"current_job {prof.get('current_job')!r}, expected {expect['current_job']!r}")
    if "interests_top" in expect:
        scores = prof.get("interests")
        if not isinstance(scores, Mapping):
            out.append(f"interests {scores!r}, expected scores")
        else:
            missing = [d for d in expect["interests_top"] if d not in top_letters(scores, 2)]
            if missing:
                out.append(f"{missing} not among the top 2 remembered interests {dict(scores)}")
    return out


_CHECKS = {
    "ranking": _check_ranking,
    "refine": _check_ranking,
    "more": _check_ranking,
    "unsupported": _check_unsupported,
    "compare": _check_compare,
    "fit": _check_fit,
    "interests": _check_interests,
    "moves": _check_moves,
    "path": _check_path,
    "explain": _check_explain,
    "profile": _check_profile,
}


def check(item: Mapping[str, Any], messages: Iterable[Any], careers: Mapping[str, Career]) -> tuple[bool, str]:
    """Judge the assistant's answer to one evaluation item against the page facts: (passed, why)."""
    kind = item.get("kind")
    if kind not in _CHECKS:
        return False, f"unknown kind {kind!r}"
    turns = _turns(messages)
    if not any(turns):
        return False, "no bot messages"
    profile = (item.get("context") or {}).get("test_profile")
    try:
        problems = _CHECKS[kind](item, turns, careers, profile)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a malformed answer fails, it does not crash
        return False, f"malformed answer: {type(exc).__name__}: {exc}"
    return (False, "; ".join(problems)) if problems else (True, "ok")


# ---------------------------------------------------------------------------------------------------------------
# The question file


def questions(path: Path | None = None) -> list[dict]:
    import yaml

    with open(path or config.ROOT / "tests" / "eval" / "advice_questions.yml", encoding="utf-8") as f:
        return list(yaml.safe_load(f))


def turns_of(item: Mapping[str, Any]) -> list[str]:
    """The user's turns of an item."""
    return list(item["turns"]) if "turns" in item else [str(item["text"])]


def validate_item(item: Mapping[str, Any], careers: Mapping[str, Career]) -> list[str]:
    """What is wrong with an item itself (an evaluation set must be answerable and refer to real careers)."""
    out = []
    kind, expect = item.get("kind"), item.get("expect")
    if not item.get("id"):
        out.append("no id")
    if kind not in KINDS:
        return out + [f"unknown kind {kind!r}"]
    if ("text" in item) == ("turns" in item):
        out.append("needs exactly one of text / turns")
    if kind in ("refine", "more") and len(item.get("turns") or []) < 2:
        out.append(f"a {kind} item needs two turns")
    if not isinstance(expect, Mapping):
        return out + ["no expect mapping"]
    profile = (item.get("context") or {}).get("test_profile")
    if profile is not None and set(profile) != set(RIASEC):
        out.append("test_profile needs R I A S E C")

    def known(cid: Any) -> None:
        if cid not in careers:
            out.append(f"unknown career {cid!r}")

    if kind in ("ranking", "refine", "more"):
        if expect.get("by") not in BY or expect.get("order") not in ("asc", "desc"):
            out.append("by / order missing or wrong")
        filters = expect.get("filters") or {}
        if set(filters) - set(FILTER_KEYS):
            out.append(f"unknown filters {set(filters) - set(FILTER_KEYS)}")
        if expect.get("education") not in (None, *EDUCATION):
            out.append(f"unknown education {expect.get('education')!r}")
        if not out and expect["by"] in BY:
            n = len(population(careers, expect["by"], filters, expect.get("education"), profile))
            if n < (12 if kind == "more" else 3):
                out.append(f"only {n} careers pass the filters")
    elif kind == "compare":
        wanted = expect.get("careers") or []
        if len(wanted) != 2:
            out.append("compare needs two careers")
        for cid in wanted:
            known(cid)
            if cid in careers and fact(careers[cid], expect.get("by", ""), profile) is None:
                out.append(f"{cid} has no {expect.get('by')} fact")
    elif kind == "fit":
        known(expect.get("career"))
        if expect.get("basis") not in (None, "test", "interests"):
            out.append("basis must be null, test or interests")
        if expect.get("basis") == "test" and profile is None:
            out.append("basis test needs context.test_profile")
    elif kind == "interests":
        if not expect.get("letters") or set(expect["letters"]) - set(RIASEC):
            out.append("letters missing or wrong")
    elif kind == "moves":
        known(expect.get("from"))
    elif kind == "path":
        known(expect.get("from"))
        known(expect.get("to"))
    elif kind == "explain":
        letters = [*expect.get("letters", []), *expect.get("letters_any", [])]
        if set(letters) - set(RIASEC):
            out.append("unknown letters")
        if expect.get("career"):
            known(expect["career"])
        if not letters and not expect.get("tie"):
            out.append("explain needs letters, letters_any or tie")
    elif kind == "profile":
        if not any(k in expect for k in ("profile", "empty", "zone", "current_job", "interests_top", "present")):
            out.append("profile needs an expectation")
        if expect.get("current_job"):
            known(expect["current_job"])
    return out
