"""Retrieval and name-resolution quality, measured on their own (part of `python -m bot eval`).

Retrieval: the questions of tests/eval/retrieval_questions.yml (written apart from the pages) are ranked by
dense search, BM25 and their hybrid over the real index; a hit is a passage of the right career (and of the
right section when the question names one). Reported: recall@1/3/10 and MRR (over the top 10).

Resolution: every career's title, each alias, a typo of the title and a shortened form ("ML eng",
"pharmacy tech") through CareerResolver, plus every name several careers share (which must make it ask).
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import yaml

from bot import config
from bot.knowledge.pages import Career
from bot.knowledge.text import plural, singular

QUESTIONS = config.ROOT / "tests" / "eval" / "retrieval_questions.yml"
KS = (1, 3, 10)
SHORT_FORMS = {
    "engineer": "eng",
    "developer": "dev",
    "scientist": "sci",
    "manager": "mgr",
    "technician": "tech",
    "administrator": "admin",
    "specialist": "spec",
    "engineering": "eng",
}


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    return yaml.safe_load(path.read_text())


def relevant(passage, question: dict) -> bool:
    return passage.career == question["career"] and question.get("section") in (None, passage.section)


def retrieval_report(index, questions: list[dict]) -> dict:
    """Recall@k and MRR per search mode, on the same questions and the same index, in one run."""
    from bot.search.embeddings import encode
    from bot.search.index import MODES

    known = [q for q in questions if q["career"] in index.careers]
    vectors = encode([index.expand(q["text"]) for q in known])  # the query as the assistant searches it
    report: dict = {"questions": len(known), "skipped_unknown_career": len(questions) - len(known), "modes": {}}
    for mode in MODES:
        found_at: list[int | None] = []
        started = time.perf_counter()
        for q, vec in zip(known, vectors):
            ranked = index.ranked(index.expand(q["text"]), k=max(KS), mode=mode, vector=vec[None, :])
            rank = next((r for r, (i, _) in enumerate(ranked, 1) if relevant(index.passages[i], q)), None)
            found_at.append(rank)
        ms = (time.perf_counter() - started) * 1000 / max(1, len(known))
        n = max(1, len(found_at))
        report["modes"][mode] = {
            **{f"recall@{k}": round(sum(1 for r in found_at if r and r <= k) / n, 4) for k in KS},
            "mrr": round(sum(1 / r for r in found_at if r) / n, 4),
            "ms_per_query": round(ms, 2),
        }
        report["modes"][mode]["misses"] = [
            {"text": q["text"], "want": [q["career"], q.get("section")]} for q, r in zip(known, found_at) if r is None
        ][:40]
    best = max(report["modes"], key=lambda m: (report["modes"][m]["mrr"], report["modes"][m]["recall@1"]))
    report["best_mode"] = best
    return report


# ------------------------------------------------------------------------------------------------- resolution


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip in a longer word: a swap, a dropped or a doubled letter."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def name_cases(careers: dict[str, Career], seed: int = 7, vocabulary: frozenset[str] = frozenset()) -> list[dict]:
    """Test names derived from the pages: exact titles, aliases, one typo per title, short forms, shared names,
    generic names. A slip that makes a real word (one of `vocabulary`: "layer" from "lawyer", "truck diver") is no typo:
    it is left out, as the resolver reads it as the word it is."""
    from bot.knowledge.check import shared_names

    rng = random.Random(seed)
    shared = shared_names(careers)
    names = {_key(n) for c in careers.values() for n in c.names}
    cases: list[dict] = []
    title_keys = {_key(c.title) for c in careers.values()}
    for career in sorted(careers.values(), key=lambda c: c.id):
        cases.append({"kind": "exact", "text": career.title.lower(), "career": career.id})
        for alias in career.aliases:
            if _key(alias) in shared and _key(alias) not in title_keys:
                continue  # measured as a shared name below
            if _key(alias) in title_keys and _key(alias) != _key(career.title):
                continue  # another career's title: that career wins, by design
            cases.append({"kind": "alias", "text": alias, "career": career.id})
        words = career.title.split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[longest]) >= 5:
            slipped = " ".join(words[:longest] + [typo(words[longest].lower(), rng)] + words[longest + 1 :]).lower()
            real = singular(slipped.split()[longest]) in vocabulary
            if _key(slipped) not in names and not real:  # "framer" names another career, "layer" is a word
                cases.append({"kind": "typo", "text": slipped, "career": career.id})
        last = words[-1].lower()
        if len(words) >= 2 and last in SHORT_FORMS:
            cases.append({"kind": "partial", "text": " ".join(words[:-1] + [SHORT_FORMS[last]]), "career": career.id})
    for key, owners in shared.items():
        if key not in title_keys:
            cases.append({"kind": "shared", "text": key, "careers": owners})
    cases += generic_cases(careers, names)
    return cases


def generic_cases(careers: dict[str, Career], names: set[str]) -> list[dict]:
    """A title's last word that several titles end with, asked in the plural ("teachers", "analysts"): the
    assistant must ask which one and offer every career it fits. Words that are some career's own name ("nurse")
    are left out: they name that career."""
    owners: dict[str, list[str]] = {}
    for career in careers.values():
        words = _key(career.title).split()
        if len(words) >= 2:
            owners.setdefault(words[-1], []).append(career.id)
    return [
        {"kind": "generic", "text": plural(word), "careers": sorted(ids)}
        for word, ids in sorted(owners.items())
        if len(ids) >= 2 and word not in names
    ]


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def resolution_report(resolver, careers: dict[str, Career]) -> dict:
    cases = name_cases(careers, vocabulary=getattr(resolver, "vocabulary", frozenset()))
    by_kind: dict[str, list[bool]] = {}
    failures = []
    for case in cases:
        res = resolver.resolve(case["text"])
        if case["kind"] in ("shared", "generic"):
            ok = res.how == "ambiguous" and set(case["careers"]) <= set(res.suggestions)
        else:
            ok = res.career == case["career"]
        by_kind.setdefault(case["kind"], []).append(ok)
        if not ok:
            failures.append({**case, "got": res.career, "how": res.how, "suggestions": res.suggestions[:3]})
    kinds = {k: {"cases": len(v), "accuracy": round(sum(v) / len(v), 4)} for k, v in by_kind.items()}
    total = [ok for v in by_kind.values() for ok in v]
    return {
        "careers": len(careers),
        "cases": len(total),
        "accuracy": round(sum(total) / len(total), 4),
        "by_kind": kinds,
        "failures": failures[:60],
    }


# ------------------------------------------------------------------------------------------- held-out titles

HELD_OUT_SEED = 7
HELD_OUT_FRACTION = 0.2
TITLE_OUTCOMES = ("right", "asked", "asked_without", "unknown", "wrong")


def held_out_titles(
    careers: dict[str, Career], index=None, seed: int = HELD_OUT_SEED, limit: int | None = None
) -> dict:
    """O*NET titles the resolver has never seen: a random fifth of the distinct titles (seeded) is left out of
    the name lookup, and each left-out title of an occupation one of our pages covers is resolved with the rest.
    Outcomes: right (the page, or one of the pages, its occupations name), asked (a question back offering it),
    asked_without (a question back that does not offer it), unknown (we said we do not have it; `suggested` counts
    those whose suggestions include it) and wrong (silently another career). Left-out titles of occupations no
    page covers are reported apart: they should be unknown. Titles that are our pages' own names (titles and
    aliases, known whatever O*NET says) are not tested."""
    from bot.dialogue.answers import AMBIGUOUS_SHOWN
    from bot.dialogue.names import expand
    from bot.dialogue.resolve import CareerResolver
    from bot.knowledge.titles import title_names

    names = title_names()
    keys = sorted({expand(n, strict=True) for n, _ in names} - {""})
    held = set(random.Random(seed).sample(keys, round(len(keys) * HELD_OUT_FRACTION)))
    kept = [(n, c) for n, c in names if expand(n, strict=True) not in held]
    started = time.perf_counter()
    resolver = CareerResolver(careers, index, titles=kept)
    codes: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for name, code in names:
        key = expand(name, strict=True)
        if key in held:
            codes.setdefault(key, set()).add(code)
            written.setdefault(key, name)
    ours = {expand(n, strict=True) for c in careers.values() for n in c.names}
    cases = sorted(held - ours)  # our pages' own names are known whatever O*NET says
    if limit:
        cases = random.Random(seed).sample(cases, min(limit, len(cases)))
    vectors = _vectors([written[k] for k in cases], index)
    outcomes = {o: 0 for o in TITLE_OUTCOMES}
    suggested = first = 0
    how: dict[str, int] = {}
    no_page = {"unknown": 0, "asked": 0, "answered": 0}
    examples: dict[str, list] = {o: [] for o in TITLE_OUTCOMES}
    for i, key in enumerate(cases):
        want = {p for c in codes[key] for p in resolver.titles.code_pages.get(c, [])} if resolver.titles else set()
        res = resolver.resolve(written[key], vector=None if vectors is None else vectors[i : i + 1])
        if not want:
            no_page["answered" if res.found else "asked" if res.how in ("ambiguous", "near") else "unknown"] += 1
            continue
        if res.found:
            outcome = "right" if res.career in want else "wrong"
        elif res.how in ("ambiguous", "near"):
            outcome = "asked" if want & set(res.suggestions[:AMBIGUOUS_SHOWN]) else "asked_without"
            first += outcome == "asked" and res.suggestions[0] in want
        else:
            outcome = "unknown"
            suggested += bool(want & set(res.suggestions))
        outcomes[outcome] += 1
        how[res.how] = how.get(res.how, 0) + 1
        if len(examples[outcome]) < 15:
            examples[outcome].append(
                {"title": written[key], "want": sorted(want), "got": res.career or res.suggestions}
            )
    n = max(1, sum(outcomes.values()))
    return {
        "seed": seed,
        "distinct_titles": len(keys),
        "held_out": len(held),
        "tested": len(cases),
        "our_own_names_left_out": len(held & ours),
        "titles_of_our_pages": n,
        **{o: outcomes[o] for o in TITLE_OUTCOMES},
        **{f"{o}_share": round(outcomes[o] / n, 4) for o in TITLE_OUTCOMES},
        "right_or_asked": round((outcomes["right"] + outcomes["asked"]) / n, 4),
        "unknown_with_right_suggestion": suggested,
        "asked_with_it_first": first,
        "how": dict(sorted(how.items(), key=lambda kv: -kv[1])),
        "titles_without_a_page": no_page,
        "seconds": round(time.perf_counter() - started, 1),
        "examples": examples,
        "targets": {"right_or_asked": 0.9, "wrong_share": 0.01},
    }


def _vectors(texts: list[str], index):
    """The texts' embeddings in one batch (the resolver would embed them one by one)."""
    if index is None:
        return None
    from bot.search.embeddings import encode

    return encode(texts, model=index.model, batch_size=256)


def print_reports(retrieval: dict, resolution: dict, default_mode: str) -> None:
    print(f"\nRetrieval ({retrieval['questions']} held-out questions: tests/eval/retrieval_questions.yml)")
    print(f"  {'mode':<8} {'recall@1':>9} {'recall@3':>9} {'recall@10':>10} {'MRR':>7} {'ms/query':>9}")
    for mode, r in retrieval["modes"].items():
        mark = "  <- default" if mode == default_mode else ""
        print(
            f"  {mode:<8} {r['recall@1']:>9} {r['recall@3']:>9} {r['recall@10']:>10} {r['mrr']:>7}"
            f" {r['ms_per_query']:>9}{mark}"
        )
    print(f"  best by MRR: {retrieval['best_mode']}")
    print(f"\nCareer-name resolution ({resolution['cases']} names over {resolution['careers']} careers)")
    for kind, r in resolution["by_kind"].items():
        print(f"  {kind:<8} {r['cases']:>5} names  accuracy {r['accuracy']}")
    print(f"  all      {resolution['cases']:>5} names  accuracy {resolution['accuracy']}")
    held = resolution.get("held_out_titles")
    if held:
        print_held_out(held)


def print_held_out(held: dict) -> None:
    n = held["titles_of_our_pages"]
    print(
        f"\nO*NET titles never seen (a fifth of {held['distinct_titles']:,} distinct titles left out of the lookup,"
        f" seed {held['seed']}; {held['tested']:,} of the {held['held_out']:,} resolved; {n:,} name our pages)"
    )
    labels = {
        "right": "right career",
        "asked": "asked back, the right one offered",
        "asked_without": "asked back, the right one not offered",
        "unknown": "said we do not have it",
        "wrong": "silently another career",
    }
    for outcome, label in labels.items():
        print(f"  {label:<40} {held[outcome]:>6}  {held[outcome + '_share']:.1%}")
    print(
        f"  right or asked with it: {held['right_or_asked']:.1%} (target >= 90%); silently wrong:"
        f" {held['wrong_share']:.1%} (target <= 1%);"
        f" asked with it offered first: {held['asked_with_it_first']}; said unknown but suggested it:"
        f" {held['unknown_with_right_suggestion']}"
    )
    other = held["titles_without_a_page"]
    print(
        f"  titles of occupations without a page: {other['unknown']} said unknown, {other['asked']} asked back,"
        f" {other['answered']} answered as one of ours"
    )
