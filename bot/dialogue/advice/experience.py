"""One's experience weighed against a list of careers: "do any of these match my navy logistics experience?".

The words of the experience are read as careers (a job's own page, or the first few a field's name points to:
"retail" is work like a retail salesperson, a store manager or a visual merchandiser), and each listed career is
scored as a move from the closest of them (`moves.moves`: skills and knowledge, interests, O*NET relations).
Military words only say where the experience was: "navy logistics" is logistics work; "the army" alone is an
enlisted soldier's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dialogue.advice import moves
from bot.dialogue.advice.cues import MILITARY
from bot.dialogue.resolve import CareerResolver

SOURCES = 3  # careers a field's name stands for ("retail": the first three it points to)
MILITARY_CAREER = "enlisted-soldier"
NEAR_ENOUGH = 0.6  # how close a field's name must be to the careers it points to ("zorbling": 0; "retail": 0.84)
_NOISE = re.compile(r"\b(\d+|a few|several|many|some|years?|months?|of|in|the|as|an?|my|work(?:ing)?|job)\b", re.I)


@dataclass
class Experience:
    said: str  # the words, as the person wrote them
    sources: list[str]  # the careers they are read as, likeliest first
    military: bool


@dataclass
class Closeness:
    career: str
    score: float  # the move's score from the closest source (own line of work: 1.0)
    source: str
    shared: list[str]  # skills important to both
    own_line: bool  # the same job as one of the sources


def read_experience(resolver: CareerResolver, said: str, careers: set[str]) -> Experience:
    """The careers the words of an experience stand for ([] when none: "underwater basket weaving")."""
    military = bool(MILITARY.search(said))
    words = " ".join(_NOISE.sub(" ", MILITARY.sub(" ", said)).split())
    if not words:
        return Experience(said, [MILITARY_CAREER] if military and MILITARY_CAREER in careers else [], military)
    res = resolver.resolve(words)
    if res.found and res.career:
        return Experience(said, [res.career], military)
    close = res.how == "ambiguous" or (res.how == "near" and res.score >= NEAR_ENOUGH)
    options = [s for s in res.suggestions if s in careers] if close else []
    return Experience(said, options[:SOURCES], military)


def closest(model: moves.SkillModel, sources: list[str], listed: list[str]) -> list[Closeness]:
    """The listed careers, closest to the experience first: each scored from the source it is closest to."""
    best: dict[str, Closeness] = {}
    for src in sources:
        for cid in listed:
            if cid == src or moves.same_job(model.careers[src], model.careers[cid]):
                best[cid] = Closeness(cid, 1.0, src, [], True)
        for m in moves.moves(model, src, None, allowed=set(listed)):
            if m.career not in best or best[m.career].score < m.score:
                best[m.career] = Closeness(m.career, m.score, src, m.shared, False)
    return sorted(best.values(), key=lambda c: (-c.score, listed.index(c.career)))
