"""What the career test says: intro, questions, the education question and the result (Reply objects)."""

from __future__ import annotations

import json

from bot.dialogue.answers import Reply, payload
from bot.dialogue.quiz import (
    DIMENSION_NAMES,
    SCALE,
    TYPICAL_ITEMS,
    ZONE_QUESTION,
    Item,
    default_items,
    holland_code,
    matches,
    reason,
    scores,
    text_chart,
)
from bot.knowledge.pages import Career

ZONE_CHOICES = [
    (2, "Little or none"),
    (3, "A certificate or apprenticeship"),
    (4, "A bachelor's degree"),
    (5, "A graduate degree"),
    (0, "Show me everything"),
]
ZONE_WORDS = [
    (5, ("master", "phd", "doctor", "graduate", "postgrad", "as much as", "any amount", "whatever it takes")),
    (4, ("bachelor", "degree", "university", "college", "4 year", "four year")),
    (3, ("certificate", "apprentice", "trade school", "associate", "vocational", "diploma", "a year or two")),
    (2, ("none", "little", "no degree", "no more school", "not much", "high school", "nothing")),
    (0, ("everything", "all", "don't mind", "doesnt matter", "doesn't matter", "any", "no preference")),
]
DISCLAIMER = "These results are a starting point for exploring, not a verdict about what you can or should do."


def intro_text(total: int) -> str:
    low, high = TYPICAL_ITEMS
    return (
        "The career test asks how much you'd enjoy everyday work activities (Holland's RIASEC interests), one at a "
        f"time. It usually takes {low}-{high} of the {total} questions: it stops once your top matches are clear. "
        'Say "skip", "go back", "pause" or "start over" any time. It\'s a starting point for exploring, not a verdict.'
    )


def question_reply(state: dict, item: Item, lead: str = "") -> Reply:
    total = len(default_items())
    k = len(state["answers"]) + 1
    buttons = [{"title": label, "payload": f"/quiz_answer{json.dumps({'quiz_value': str(v)})}"} for v, label in SCALE]
    preface = f"{lead}Question {k} (of up to {total}). How much would you enjoy this?"
    return Reply(item.text, buttons, {"quiz_item": item.id, "progress": [k, total]}, preface=preface)


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
    """The education question's answer: a button value (zoneN) or words; 0 means no filter."""
    t = text.strip().lower()
    if t.startswith("zone") and t[4:].isdigit():
        return int(t[4:])
    for zone, label in ZONE_CHOICES:
        if t == label.lower():
            return zone
    for zone, words in ZONE_WORDS:
        if any(w in t for w in words):
            return zone
    return None


def result_reply(state: dict, careers: dict[str, Career], picture: bool = False) -> Reply:
    profile = scores(state)
    code = holland_code(profile)
    zone = state.get("zone") or None
    found = matches(profile, careers, zone, limit=10)
    lines = [f"{n}. {c.title} ({pct}%): {reason(profile, c)}" for n, (c, pct) in enumerate(found, 1)]
    top = ", ".join(DIMENSION_NAMES[d].split(" (")[0] for d in code)
    chart = "" if picture else text_chart(profile) + "\n"
    zone_note = f" (careers needing up to job zone {zone})" if zone else ""
    text = (
        f"Your interest code is {code}: {top}.\n{chart}"
        f"Careers that match your interests{zone_note}, by how closely their interest profile follows yours "
        f"(correlation of the six scores):\n" + "\n".join(lines) + f"\n{DISCLAIMER}\n"
        'Say "tell me about the first one" or tap a career to learn more.'
    )
    buttons = [{"title": c.title, "payload": payload("ask_overview", c.id)} for c, _ in found[:4]]
    meta = {
        "quiz_result": {
            "scores": profile,
            "code": code,
            "matches": [{"career": c.id, "match": pct} for c, pct in found],
        }
    }
    return Reply(text, buttons, meta)


def running(state: object) -> dict | None:
    """The slot's test state if a test is under way (not paused, not finished), else None."""
    if (
        isinstance(state, dict)
        and "answers" in state
        and not state.get("done")
        and not state.get("paused")
        and state.get("current") is not None
    ):
        return state
    return None


def current_question(state: dict, lead: str = "") -> Reply:
    if state["current"] == ZONE_QUESTION:
        return zone_reply(lead)
    item = next(i for i in default_items() if i.id == state["current"])
    return question_reply(state, item, lead)
