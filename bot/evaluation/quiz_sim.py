"""Synthetic respondents for the career test: known RIASEC profiles answer with noise through the same
`next_item` / `scores` / `matches` code the dialogue uses. Reported by `python -m bot eval`.

Each respondent's true profile is a random career's RIASEC profile plus personal variation (sd 0.5 on the 1-7
scale); each item is answered from the true interest plus answer noise. "Dominant type" is only defined when one
interest clearly leads (by CLEAR_MARGIN); for near ties even the full-length test cannot tell, which the report
shows beside it. Each result is also checked for honesty: no reason may name an interest the person scored below
4.0 (or outside their top three), and a tenth as many "flat" respondents (the same interest in all six areas) show
how often such answers get no Holland code, as they should. Top-5 agreement is reported strictly (the same careers)
and counting near-twins (careers whose profiles correlate above TWIN, which no answers can tell apart) as the same
career, one for one.
"""

from __future__ import annotations

import random
import time

from bot.dialogue import quiz
from bot.dialogue.types import Match, QuizState
from bot.knowledge.pages import RIASEC, Career

CLEAR_MARGIN = 0.5  # a respondent has a dominant type if it leads the next one by this much (1-7 scale)
TWIN = 0.99  # career profiles correlating above this are near-twins (447 of the 880 careers have one)


def _answers_for(profile: dict[str, float], items, noise: float, rng: random.Random) -> dict[str, int]:
    """Every item's answer drawn once, so the adaptive and the full-length test see the same person."""
    out = {}
    for item in items:
        expected = 1 + (profile[item.dimension] - 1) / 1.5  # 1-7 interest -> 1-5 answer
        out[item.id] = min(5, max(1, round(expected + rng.gauss(0, noise))))
    return out


def respondent(
    pool: list[Career], items, noise: float, rng: random.Random, flat: bool = False
) -> tuple[dict[str, float], dict[str, int]]:
    """One synthetic person: a true profile (a random career's plus personal variation, or with `flat` the same
    interest in all six areas) and their answer to every item."""
    if flat:
        level = rng.uniform(2.0, 6.0)
        truth = {d: level for d in RIASEC}
    else:
        base = rng.choice(pool).riasec
        truth = {d: min(7.0, max(1.0, float(base[d]) + rng.gauss(0, 0.5))) for d in RIASEC}
    return truth, _answers_for(truth, items, noise, rng)


def run_test(answers: dict[str, int], careers: dict[str, Career], items) -> QuizState:
    """The adaptive test to its end, answering from `answers`: the final state."""
    state = quiz.new_state()
    while (item := quiz.next_item(state, careers, items)) is not None:
        state["answers"][item.id] = answers[item.id]
        state["order"].append(item.id)
    return state


def reason_problems(profile: dict[str, float], careers: dict[str, Career], found: list[Match]) -> list[str]:
    """Reasons (as the result shows them) that name an interest the person scored below HIGH or outside their
    top three, or whose `shared` letters differ from the interests named."""
    names = {name: d for d, name in quiz.SHORT_NAMES.items()}
    top = set(quiz.top_letters(profile))
    problems = []
    for m in found:
        text = quiz.reason(profile, careers[m["career"]])
        named = [d for name, d in names.items() if name in text] if text.startswith("you both") else []
        if sorted(named) != sorted(m["shared"]):
            problems.append(f"{m['career']}: reason {text!r} but shared {m['shared']}")
        for d in named:
            if profile[d] < quiz.HIGH or d not in top:
                problems.append(f"{m['career']}: reason names {d} scored {profile[d]}")
    return problems


def twin_overlap(a: list[int], b: list[int], twins) -> int:
    """How many careers of `a` pair off one for one with a career of `b` that is the same or a near-twin."""
    partner: dict[int, int] = {}

    def place(x: int, tried: set[int]) -> bool:
        for y in b:
            if y not in tried and (x == y or twins[x, y]):
                tried.add(y)
                if y not in partner or place(partner[y], tried):
                    partner[y] = x
                    return True
        return False

    return sum(place(x, set()) for x in a)


def percentile(values: list[int], q: float) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]) if ordered else 0.0


def simulate(
    careers: dict[str, Career], respondents: int = 1000, noise: float = 0.75, seed: int = 7, flat: int | None = None
) -> dict:
    """`respondents` people with career-like profiles, then `flat` (default a tenth as many) with no dominant
    interest at all, through the adaptive test."""
    items = quiz.default_items()
    rng = random.Random(seed)
    pool = list(careers.values())
    first_letter = overlap_ok = twin_ok = clear = clear_first = full_first = 0
    careers_list, m, _ = quiz._matrix(careers)
    index = {c.id: n for n, c in enumerate(careers_list)}
    twins = m @ m.T > TWIN
    asked: list[int] = []
    reasons = named_low_truth = no_code = 0
    problems: list[str] = []
    started = time.perf_counter()
    for _ in range(respondents):
        truth, answers = respondent(pool, items, noise, rng)
        state = run_test(answers, careers, items)
        adaptive = quiz.scores(state, items)
        full = quiz.scores(QuizState(answers=answers), items)
        dominant = max(RIASEC, key=lambda d: truth[d])
        hit = quiz.holland_code(adaptive)[0] == dominant
        first_letter += hit
        full_first += quiz.holland_code(full)[0] == dominant
        ordered = sorted(truth.values(), reverse=True)
        if ordered[0] - ordered[1] >= CLEAR_MARGIN:
            clear += 1
            clear_first += hit
        top_a = [index[c.id] for c, _ in quiz.matches(adaptive, careers, limit=5)]
        top_f = [index[c.id] for c, _ in quiz.matches(full, careers, limit=5)]
        overlap_ok += len(set(top_a) & set(top_f)) >= 4
        twin_ok += twin_overlap(top_f, top_a, twins) >= 4
        asked.append(len(state["answers"]))
        result = quiz.result(adaptive, careers)
        no_code += result["code"] is None
        reasons += len(result["matches"])
        problems += reason_problems(adaptive, careers, result["matches"])
        named_low_truth += sum(truth[d] < quiz.HIGH for m in result["matches"] for d in m["shared"])
    flat_total = respondents // 10 if flat is None else flat
    flat_no_code = 0
    for _ in range(flat_total):
        _, answers = respondent(pool, items, noise, rng, flat=True)
        result = quiz.result(quiz.scores(run_test(answers, careers, items), items), careers)
        flat_no_code += result["code"] is None
    return {
        "respondents": respondents,
        "answer_noise_sd": noise,
        "dominant_type_is_first_letter": round(clear_first / clear, 4) if clear else None,
        "respondents_with_a_clear_dominant_type": clear,
        "dominant_type_is_first_letter_all_respondents": round(first_letter / respondents, 4),
        "same_for_the_full_length_test_all_respondents": round(full_first / respondents, 4),
        "top5_overlap_at_least_4_of_5": round(overlap_ok / respondents, 4),
        "top5_overlap_at_least_4_of_5_counting_near_twins": round(twin_ok / respondents, 4),
        "mean_share_of_items_asked": round(sum(asked) / len(items) / respondents, 4),
        "items_asked": {
            "median": percentile(asked, 50),
            "p10": percentile(asked, 10),
            "p25": percentile(asked, 25),
            "p75": percentile(asked, 75),
            "p90": percentile(asked, 90),
            "of": len(items),
        },
        "reasons_checked": reasons,
        "reasons_naming_an_interest_scored_below_4": len(problems),
        "reason_problems": problems[:20],
        "reasons_naming_an_interest_truly_below_4": named_low_truth,
        "results_without_a_code": no_code,
        "flat_respondents": flat_total,
        "flat_respondents_given_no_code": flat_no_code,
        "seconds": round(time.perf_counter() - started, 1),
    }


def simulate_all_careers(respondents: int, noise: float) -> dict:
    """`simulate` over every career of the knowledge base: a worker process's entry point (loads its own pages)."""
    from bot.knowledge.pages import load_careers

    return simulate(load_careers(), respondents=respondents, noise=noise)
