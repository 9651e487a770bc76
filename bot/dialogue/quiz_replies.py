"""What the career test says: intro, questions, the education question and the result (Reply objects)."""

from __future__ import annotations

import json
import re
from typing import cast

from bot.dialogue.answers import Reply, payload
from bot.dialogue.quiz import (
    DIMENSION_NAMES,
    HIGH,
    SCALE,
    TYPICAL_ITEMS,
    ZONE_QUESTION,
    Item,
    default_items,
    reason,
    result,
    scores,
    short_test_max,
    text_chart,
    ties,
)
from bot.dialogue.quiz_reader import BUTTONS, Reading, read_zone
from bot.dialogue.types import QuizItemMeta, QuizResult, QuizState
from bot.knowledge.pages import Career

ZONE_CHOICES = [
    (2, "Little or none"),
    (3, "A certificate or apprenticeship"),
    (4, "A bachelor's degree"),
    (5, "A graduate degree"),
    (0, "Show me everything"),
]
DISCLAIMER = "These results are a starting point for exploring, not a verdict about what you can or should do."


def intro_text(total: int) -> str:
    low, high = TYPICAL_ITEMS
    return (
        "The career test asks how much you'd enjoy everyday work activities (Holland's RIASEC interests), one at a "
        "time. Answer for how much you would enjoy the activity, not for your experience, ability, education or "
        f"money. It typically takes {low}-{high} of the {total} questions: it stops once your top matches are "
        f'clear, at most {short_test_max(total)} unless you ask for all. Say "skip", "go back", "pause" or '
        '"start over" any time. Short on time? Say "pause" and tell me a few things you enjoy ("I like drawing '
        'and animals") for a rough first list. '
        "It's a starting point for exploring, not a verdict."
    )


def read_as(text: str, reading: Reading) -> str:
    """How an answer in words was read, before the next question ("no way" -> Hate it), so the person sees it and
    can change it; nothing for a button, its label typed, or a number."""
    if reading.kind != "words" or reading.value is None or text.strip(" .!").lower() in BUTTONS:
        return ""
    label = dict(SCALE)[reading.value]
    return f'Taken as "{label}" (say "go back" to change it).\n'


def question_reply(state: QuizState, item: Item, lead: str = "") -> Reply:
    # "of up to": the most this test can still ask (the short test's cap unless the person asked for all items)
    total = len(default_items()) if state.get("full") else short_test_max(len(default_items()))
    k = len(state["answers"]) + 1
    buttons = [{"title": label, "payload": f"/quiz_answer{json.dumps({'quiz_value': str(v)})}"} for v, label in SCALE]
    preface = f"{lead}Question {k} (of up to {total}). How much would you enjoy this?"
    meta: QuizItemMeta = {"quiz_item": item.id, "progress": [k, total]}
    return Reply(item.text, buttons, dict(meta), preface=preface)


def zone_reply(lead: str = "") -> Reply:
    buttons = [
        {"title": label, "payload": f"/quiz_answer{json.dumps({'quiz_value': f'zone{z}'})}"}
        for z, label in ZONE_CHOICES
    ]
    text = (
        f"{lead}Last question: how much education or training are you willing to do for a job? "
        "I'll only show careers that fit it."
    )
    return Reply(text, buttons, {"quiz_item": "zone", "progress": [len(default_items()), len(default_items())]})


def map_zone(text: str) -> int | None:
    """The education question's answer: a button value (zoneN), a button title or words (negations first:
    "no degree" -> 2, "no university" -> 3, "not a graduate degree" -> 4); 0 means no filter."""
    t = text.strip().lower()
    if t.startswith("zone") and t[4:].isdigit():
        return int(t[4:])
    for zone, label in ZONE_CHOICES:
        if t == label.lower():
            return zone
    return read_zone(text)


def result_reply(state: QuizState, careers: dict[str, Career], picture: bool = False) -> Reply:
    profile = scores(state)
    zone = state.get("zone") or None
    meta = result(profile, careers, zone, limit=10)
    chart = "" if picture else text_chart(profile) + "\n"
    code = meta["code"]
    if code is None:
        return _flat_reply(state, profile, chart, meta)
    by_id = {c.id: c for c in careers.values()}
    found = [(by_id[m["career"]], m["match"]) for m in meta["matches"]]
    lines = [f"{n}. {c.title} ({pct}%): {reason(profile, c)}" for n, (c, pct) in enumerate(found, 1)]
    top = ", ".join(DIMENSION_NAMES[d].split(" (")[0] for d in code)
    notes = ties(profile)
    low = [d for d in code if profile[d] < HIGH]
    if low:
        notes.append(f"{' and '.join(low)} {'scores' if len(low) == 1 else 'score'} below the middle of the scale")
    note = f" ({'; '.join(notes)})" if notes else ""
    zone_note = f" (careers needing up to job zone {zone})" if zone else ""
    text = (
        f"Your interest code is {code}: {top}{note}.\n{chart}"
        f"Careers that match your interests{zone_note}, by how closely their interest profile follows yours "
        f"(correlation of the six scores):\n" + "\n".join(lines) + f"\n{DISCLAIMER}\n"
        'Say "tell me about the first one" or tap a career to learn more.'
    )
    buttons = [{"title": c.title, "payload": payload("ask_overview", c.id)} for c, _ in found[:4]]
    return Reply(text, buttons, {"quiz_result": meta})


def _flat_reply(state: QuizState, profile: dict[str, float], chart: str, meta: QuizResult) -> Reply:
    """No type and no career list for answers that rate every interest about the same: say so, and what helps."""
    asked = len(state["answers"]) + len(state.get("skipped", []))
    more = asked < len(default_items())
    low, high = min(profile.values()), max(profile.values())
    text = (
        f"Your answers rate all six interest areas about the same ({low:.1f} to {high:.1f} on a 1-7 scale), so "
        "they don't point to a type yet, and a list of matching careers would be guesswork.\n"
        f"{chart}What would help: "
        + ('answer more questions (say "answer all questions"), or ' if more else "")
        + "think of activities you have enjoyed, at school, at work or in your free time, and answer with those "
        'in mind ("start over" any time). You can also tell me what you enjoy, e.g. "jobs working with animals".'
    )
    buttons = ([{"title": "Answer more questions", "payload": "/quiz_full"}] if more else []) + [
        {"title": "Start over", "payload": "/quiz_restart"}
    ]
    return Reply(text, buttons, {"quiz_result": meta})


# "What's the difference between like it and love it?" mid-test got "Which two careers should I compare?"
SCALE_QUESTION = re.compile(
    r"\b(difference|diff) between\b[^?!]{0,30}\b(love|like|dislike|hate|not sure)\b|"
    r"\bwhat (does|do|is|'s)\b[^?!]{0,12}\b(love it|like it|not sure|dislike it|hate it|the buttons|the answers|"
    r"the options|the scale)\b[^?!]{0,12}\b(mean|for)\b|\bhow (do|should) i answer\b|\bwhat (do|should) i (answer|"
    r"say|pick|choose)\b",
    re.I,
)
SCALE_HELP = (
    'How to answer: "Love it" if you\'d really enjoy doing it, "Like it" if you\'d enjoy it, "Not sure" if '
    'neither or you can\'t tell, "Dislike it" if you\'d rather not, "Hate it" if you\'d really not want to. '
    "Answer for how much you'd enjoy the activity itself, not whether you've done it, could do it now or could "
    "afford to learn it. There are no right or wrong answers, and you can type your own words too."
)


def asks_about_the_scale(text: str) -> bool:
    return bool(SCALE_QUESTION.search(text))


def running(state: object) -> QuizState | None:
    """The slot's test state if a test is under way (not paused, not finished), else None."""
    if (
        isinstance(state, dict)
        and "answers" in state
        and not state.get("done")
        and not state.get("paused")
        and state.get("current") is not None
    ):
        return cast(QuizState, state)
    return None


def current_question(state: QuizState, lead: str = "") -> Reply:
    if state["current"] == ZONE_QUESTION:
        return zone_reply(lead)
    item = next(i for i in default_items() if i.id == state["current"])
    return question_reply(state, item, lead)
