"""What the conversation knows about the person, read from its slots (the assistant keeps nothing else):

- the career test's state (`quiz` slot: answers, the education answer `zone`, `results`), see bot/dialogue/quiz.py;
- the profile (`profile` slot): {"current_job": id|None, "interests": {R..C}|None, "interests_text": [str],
  "zone": 1-5|None}, docs/contracts.md §4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, cast

from bot.dialogue import quiz
from bot.dialogue.types import QuizState
from bot.knowledge.pages import RIASEC

TEST_WEIGHT = 2 / 3  # a blend of the test and stated interests: 2/3 test, 1/3 words
STRONG = 4.0  # an interest counts among someone's strongest at or above this score (1-7), in their top three


def new_profile() -> dict[str, Any]:
    return {"current_job": None, "interests": None, "interests_text": [], "zone": None}


def profile_of(slot: object) -> dict[str, Any]:
    """The profile slot as a complete dict (a fresh one when unset or malformed)."""
    profile = new_profile()
    if isinstance(slot, dict):
        for key in profile:
            if key in slot:
                profile[key] = slot[key]
    if not isinstance(profile["interests_text"], list):
        profile["interests_text"] = []
    return profile


@dataclass
class Person:
    test_scores: dict[str, float] | None = None  # the career test's six scores, when a test was finished
    test_zone: int | None = None  # the test's education answer (max job zone), None = no limit
    stated: dict[str, float] | None = None  # interests told in words
    stated_text: list[str] = field(default_factory=list)
    zone: int | None = None  # education told in words (max job zone)
    current_job: str | None = None

    @property
    def has_test(self) -> bool:
        return self.test_scores is not None

    def scores(self) -> tuple[dict[str, float] | None, str | None]:
        """The scores to match careers with and their basis: "test", "interests" (told in words), "blend" (both:
        2/3 test, 1/3 words), or (None, None)."""
        if self.test_scores and self.stated:
            return blend(self.test_scores, self.stated), "blend"
        if self.test_scores:
            return dict(self.test_scores), "test"
        if self.stated:
            return dict(self.stated), "interests"
        return None, None

    @property
    def max_zone(self) -> int | None:
        """The most education the person told us they have or would do (the test's answer first)."""
        return self.test_zone or self.zone


def blend(test: dict[str, float], stated: dict[str, float]) -> dict[str, float]:
    return {d: round(TEST_WEIGHT * float(test[d]) + (1 - TEST_WEIGHT) * float(stated[d]), 2) for d in RIASEC}


def finished_test(state: object) -> QuizState | None:
    """The quiz slot's state when a test was finished with at least one answer."""
    if isinstance(state, dict) and state.get("done") and state.get("answers"):
        return cast(QuizState, state)
    return None


def person_from_slots(quiz_slot: object, profile_slot: object) -> Person:
    profile = profile_of(profile_slot)
    state = finished_test(quiz_slot)
    stated = profile.get("interests")
    return Person(
        test_scores=quiz.scores(state) if state else None,
        test_zone=(state.get("zone") or None) if state else None,
        stated={d: float(stated[d]) for d in RIASEC}
        if isinstance(stated, dict) and set(RIASEC) <= set(stated)
        else None,
        stated_text=[str(t) for t in profile.get("interests_text") or []],
        zone=int(profile["zone"]) if isinstance(profile.get("zone"), int) else None,
        current_job=profile.get("current_job") if isinstance(profile.get("current_job"), str) else None,
    )


def strongest(scores: dict[str, float]) -> list[str]:
    """The person's strongest interests: their top three letters that score at least 4.0 (highest first)."""
    top = sorted(RIASEC, key=lambda d: (-float(scores[d]), RIASEC.index(d)))[:3]
    return [d for d in top if float(scores[d]) >= STRONG]


def ties(scores: dict[str, float], letters: str) -> list[list[str]]:
    """Groups of letters of a code that tie on score ("IR" when I and R both score 5.5)."""
    groups: list[list[str]] = []
    for d in letters:
        same = [e for e in RIASEC if e != d and float(scores[e]) == float(scores[d])]
        if same:
            group = sorted({d, *same}, key=RIASEC.index)
            if group not in groups:
                groups.append(group)
    return groups


# ---------------------------------------------------------------------------------------------------------------
# Education told in words


EDUCATION_WORDS: list[tuple[int, re.Pattern[str]]] = [
    (  # "not a 4 year degree", "nothing more than a 2 year degree": up to an associate's (it took a bachelor's)
        3,
        re.compile(
            r"\b(not|no|without|don'?t want|do not want|won'?t do|can'?t do|rather not do|less than)( a| an)? "
            r"(4|four)[- ]?year (degree|college|program|course)|\bnot (a |an )?(bachelor'?s|college degree|"
            r"university degree)|\b(nothing more than|no more than|at most|max(imum)?|up to) (a |an )?(2|two)[- ]?year"
        ),
    ),
    (  # "I don't want to go back to school for 4 years": no bachelor's (laid off at 50, it said it didn't catch that)
        3,
        re.compile(
            r"\b(don'?t|do not|won'?t|can'?t|cannot|not) (want to |going to |able to )?(go back to|go to|be in|spend) "
            r"(school|college|university)( for)? (4|four|another 4|another four) (more )?years\b|"
            # "I don't really want to do four more years of school"
            r"\b(don'?t|do not|won'?t|can'?t|cannot|not) (really )?(want to |going to |able to )?(do|spend|go through) "
            r"(another )?(4|four) (more )?years (of|in) (school|college|university|study)\b"
        ),
    ),
    (
        5,
        re.compile(
            r"(?<!not a )(?<!no )(?<!without a )(?<!without )(?<!not an )"  # "not a graduate degree" is not one
            r"\b(master'?s?|phd|ph\.d|doctorate|doctoral|graduate degree|postgrad\w*|mba|law degree|md)\b"
        ),
    ),
    (
        2,
        re.compile(
            r"\b(can'?t|cannot|won'?t|couldn'?t|not going to|no|never (went|been) to|didn'?t (go to|finish)|"
            r"without( a)?|don'?t have( a)?|(no|not) have( a)?|not able to (go to|afford)|(does|do)(n'?t| not) want to|"
            r"not want to)\s+(go to\s+|afford\s+|get( a)?\s+)?"
            r"(college|university|uni|"
            r"degree)\b|\bno degree\b|\bdropped out\b|\b(only|just) (have )?(a |my )?(high school|ged|diploma)\b"
            r"|\bhigh school (diploma|graduate|only)\b|\bged\b"
        ),
    ),
    (4, re.compile(r"\b(bachelor'?s?|undergrad\w*|college degree|university degree|4.year degree|\bba\b|bsc|bs)\b")),
    (3, re.compile(r"\b(associate'?s?|certificate|certification|apprenticeship|trade school|vocational|diploma)\b")),
    (2, re.compile(r"\b(high school|secondary school|no qualifications)\b")),
    (1, re.compile(r"\b(no (formal )?(education|schooling)|didn'?t finish high school|left school early)\b")),
]


def education_zone(text: str) -> int | None:
    """The job zone someone's education allows (1-5) from words: "I only have a high school diploma" -> 2,
    "I have a bachelor's degree" -> 4, "I can't go to college" -> 2; None when the words say no level."""
    t = text.lower().replace("’", "'")
    if re.search(r"\b(didn'?t finish high school|no (formal )?(education|schooling)|left school early)\b", t):
        return 1
    for zone, pattern in EDUCATION_WORDS:
        if pattern.search(t):
            return zone
    return None
