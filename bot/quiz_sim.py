"""Synthetic respondents for the career test: known RIASEC profiles answer with noise through the same
`next_item` / `scores` / `matches` code the dialogue uses. Reported by `python -m bot eval`."""

from __future__ import annotations

import random
import time

from bot import quiz
from bot.knowledge import RIASEC, Career


def _answers_for(profile: dict[str, float], items, noise: float, rng: random.Random) -> dict[str, int]:
    """Every item's answer drawn once, so the adaptive and the full-length test see the same person."""
    out = {}
    for item in items:
        expected = 1 + (profile[item.dimension] - 1) / 1.5  # 1-7 interest -> 1-5 answer
        out[item.id] = min(5, max(1, round(expected + rng.gauss(0, noise))))
    return out


def simulate(careers: dict[str, Career], respondents: int = 1000, noise: float = 0.75, seed: int = 7) -> dict:
    items = quiz.default_items()
    rng = random.Random(seed)
    pool = list(careers.values())
    first_letter = overlap_ok = 0
    asked_share = 0.0
    started = time.perf_counter()
    for _ in range(respondents):
        base = rng.choice(pool).riasec
        truth = {d: min(7.0, max(1.0, float(base[d]) + rng.gauss(0, 0.5))) for d in RIASEC}
        answers = _answers_for(truth, items, noise, rng)
        state = quiz.new_state()
        while (item := quiz.next_item(state, careers, items)) is not None:
            state["answers"][item.id] = answers[item.id]
            state["order"].append(item.id)
        adaptive = quiz.scores(state, items)
        full = quiz.scores({"answers": answers}, items)
        dominant = max(RIASEC, key=lambda d: truth[d])
        first_letter += quiz.holland_code(adaptive)[0] == dominant
        top_a = {c.id for c, _ in quiz.matches(adaptive, careers, limit=5)}
        top_f = {c.id for c, _ in quiz.matches(full, careers, limit=5)}
        overlap_ok += len(top_a & top_f) >= 4
        asked_share += len(state["answers"]) / len(items)
    return {
        "respondents": respondents,
        "answer_noise_sd": noise,
        "dominant_type_is_first_letter": round(first_letter / respondents, 4),
        "top5_overlap_at_least_4_of_5": round(overlap_ok / respondents, 4),
        "mean_share_of_items_asked": round(asked_share / respondents, 4),
        "seconds": round(time.perf_counter() - started, 1),
    }
