"""Typed shapes of what the dialogue keeps and sends: the career test's state (the `quiz` slot) and the metadata
bot messages carry (docs/contracts.md §4), so mypy checks every place that reads or writes them."""

from __future__ import annotations

from typing import TypedDict


class QuizState(TypedDict, total=False):
    """The career test in progress or finished, kept in the `quiz` slot as plain JSON."""

    answers: dict[str, int]  # item id -> 1..5
    order: list[str]  # item ids in the order answered
    skipped: list[str]
    current: str | None  # the item being asked (or "zone" for the education question)
    full: bool  # the person asked for every item (no early stop)
    zone: int | None  # the highest job zone the person will train for (None: not asked; 0: no limit)
    done: bool
    paused: bool
    results: list[str]  # career ids of the result, best first ("tell me about the first one")


class SourceMeta(TypedDict):
    """An answer drawn from the knowledge base."""

    career: str
    section: str
    source: str  # knowledge/careers/<id>.md#<section>


class QuizItemMeta(TypedDict):
    quiz_item: str
    progress: list[int]  # [k, n]


class Answered(TypedDict):
    item: str
    value: int | None  # 1..5, or None when the answer was not understood (asked again)


class Match(TypedDict, total=False):
    career: str
    match: int  # 0..100
    shared: list[str]  # the interest letters the reason names


class QuizResult(TypedDict):
    scores: dict[str, float]
    code: str | None  # None when the answers do not separate interests
    matches: list[Match]
