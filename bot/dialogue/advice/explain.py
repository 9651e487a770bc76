"""Explanations: what a Holland code means (each letter, ties said as ties), why a career is on someone's list (only
the interests they scored >= 4.0 and among their top three), and their strongest interests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.dialogue.advice.person import STRONG, ties
from bot.dialogue.quiz import top_letters
from bot.knowledge.pages import RIASEC, holland_code

# Short lower-case words made of RIASEC letters that are not codes.
NOT_CODES = set(
    "is as ai air car arc ace ice sea sec sir ca ra re ie ea ire sac sic ci ic es ce rc ar ac ae ec ri si sa ei ia "
    "ias".split()
)
CODE = re.compile(r"\b([RIASECriasec]{2,3})\b")


def code_in(text: str) -> str | None:
    """A Holland code written in a message ("what does IRC mean?", "i got sec"), upper-cased; None if none."""
    for m in CODE.finditer(text):
        token = m.group(1)
        if len(set(token.upper())) != len(token):
            continue  # a letter twice: not a code
        if token.lower() in NOT_CODES and not (len(token) == 3 and token.isupper()):
            continue  # "is", "car", "AI": words, unless written as a three-letter capital code ("SEC")
        if token.isupper() or token.islower():
            return token.upper()
    return None


@dataclass
class CodeExplained:
    code: str | None
    letters: list[str]
    ties: list[list[str]] = field(default_factory=list)  # groups of letters with equal scores
    scores: dict[str, float] | None = None  # the person's scores when the code is theirs
    theirs: bool = False


def explain_code(code: str | None, scores: dict[str, float] | None) -> CodeExplained:
    """A code's letters; when the person has scores and the code is theirs (or none was given), their ties."""
    own = holland_code(scores) if scores else None
    if code is None and own:
        code = own
    theirs = bool(scores and code and own == code)
    groups: list[list[str]] = []
    if theirs and scores and code:
        # letters of the code tying with each other, or with the next letter after the code
        groups = ties(scores, code)
    return CodeExplained(code, list(code or ""), groups, scores if theirs else None, theirs)


def strongest_with_ties(scores: dict[str, float]) -> list[list[str]]:
    """The six letters from the highest score down, letters with equal scores grouped."""
    groups: list[list[str]] = []
    for d in sorted(RIASEC, key=lambda d: (-float(scores[d]), RIASEC.index(d))):
        if groups and float(scores[groups[-1][0]]) == float(scores[d]):
            groups[-1].append(d)
        else:
            groups.append([d])
    return groups


@dataclass
class MatchExplained:
    career: str
    match: int | None
    rank: int | None
    of: int
    on_list: bool
    named: list[str]  # the person's interests (>= 4.0, top three) the career also has in its top three
    career_code: str
    person_code: str
    zone: int | None = None  # the ranking counts the careers up to this job zone (the education the person chose)
    beyond_zone: bool = False  # ...and this career is not among them


def explain_match(
    career_id: str,
    career_riasec: dict[str, float],
    scores: dict[str, float],
    ranked: list[tuple[str, int]],
    results: list[str],
) -> MatchExplained:
    """Why a career is (or is not) on the person's list: its match and rank, and the interests both have."""
    position = next((n for n, (cid, _) in enumerate(ranked, 1) if cid == career_id), None)
    match = ranked[position - 1][1] if position else None
    top = [d for d in holland_code(scores) if float(scores[d]) >= STRONG]
    theirs = holland_code(career_riasec)
    tied_in = top_letters(career_riasec)  # its top three, ties allowed: as the test result's reasons count them
    return MatchExplained(
        career_id,
        match,
        position,
        len(ranked),
        career_id in results,
        [d for d in top if d in tied_in],
        theirs,
        holland_code(scores),
    )
