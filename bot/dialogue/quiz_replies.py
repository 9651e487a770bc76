"""What the career test says: intro, questions, the education question and the result (Reply objects)."""

from __future__ import annotations

import json
import re
from typing import cast

from bot.dialogue.advice import figures
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


CONTINUE_TEST = {"title": "Continue the test", "payload": "/quiz_continue"}


def kept(answered: int) -> str:
    """ "Your 6 answers are kept": what a paused or unfinished test holds."""
    return "Your answer is kept" if answered == 1 else f"Your {answered} answers are kept"


def read_as(text: str, reading: Reading) -> str:
    """How an answer in words or a number was read, before the next question ("no way" -> Hate it, "5" -> Love it),
    so the person sees it and can change it; nothing for a button or its label typed. A typed number is said too:
    "Love it" is the first button, so "5" or "1" alone leaves unclear which end is which."""
    if reading.kind not in ("words", "number") or reading.value is None or text.startswith("/"):
        return ""
    if text.strip(" .!").lower() in BUTTONS:
        return ""
    label = dict(SCALE)[reading.value]
    return f'Taken as "{label}" (say "go back" to change it).\n'


def question_reply(state: QuizState, item: Item, lead: str = "") -> Reply:
    # "of up to": the most this test can still ask (the short test's cap unless the person asked for all items)
    # a skipped question counts as asked ("Question 3" came three times after two skips) and is not an answer the
    # cap counts
    skipped = len(state.get("skipped") or [])
    bank = len(default_items())
    total = bank if state.get("full") else min(bank, short_test_max(bank) + skipped)
    k = len(state["answers"]) + skipped + 1
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
    lines = [f"{n}. {c.title} ({pct}%): {reason(profile, c)}{decline_note(c)}" for n, (c, pct) in enumerate(found, 1)]
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


def decline_note(career: Career) -> str:
    """ "; jobs projected to decline (-36.1%, 2024-34, BLS)": a result listed a typist and a data entry clerk with
    no word that their jobs are shrinking fast."""
    pct = figures.growth(career)
    return f"; jobs projected to decline ({pct:+.1f}%, 2024-34, BLS)" if pct is not None and pct < -1.0 else ""


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


# "What do you mean by organize files?" and "I don't understand" mid-test got what a Holland code is; "what does this
# question mean?" got "Sorry, I didn't understand that" and the test's question was not asked again.
ITEM_QUESTION = re.compile(
    r"\b(i|i'm|im) (do not|don'?t|dont|didn'?t) (understand|follow|get (it|this|that|the question|what))\b|"
    r"\b(i'm|im|i am) (confused|lost)\b|\bconfusing\b|"
    r"\bwhat (do|did) you mean\b|\bwhat (does|is|'s) (this|that|it|the question|this question)\b[^?!]{0,20}"
    r"\b(mean|about|asking)\b|\bwhat (does|do)\b[^?!]{0,40}\bmean\b|\bmeaning of\b|"
    r"\b(explain|rephrase|clarify)\b[^?!]{0,12}\b(this|that|it|the question|the activity)\b|"
    r"\bwhat am i (supposed|meant) to (say|answer|do)\b|\bwhat is (this|that) (question|activity)\b",
    re.I,
)


# Not knowing what the words mean is no answer, though "not sure" and "no idea" alone are.
MEANING = re.compile(r"\bwhat (you|it|that|this|they) (means?|is|are)\b|\bwhat (a|an) [\w -]{2,30} (is|means?)\b", re.I)


def asks_about_the_item(text: str) -> bool:
    """A question about what the current question asks, rather than an answer to it."""
    from bot.dialogue.quiz import map_answer

    return bool(MEANING.search(text)) or (bool(ITEM_QUESTION.search(text)) and map_answer(text) is None)


def item_help(state: QuizState) -> str:
    """What the current question asks, for someone who did not follow it: no item needs experience to answer."""
    if state["current"] == ZONE_QUESTION:
        return (
            "This last question is about how much study or training you'd be willing to do before a job: little "
            "or none, a certificate or apprenticeship, a bachelor's degree or a graduate degree. I'll only show "
            f'careers whose usual route fits what you pick; choose "{ZONE_CHOICES[-1][1]}" to see them all.'
        )
    item = next(i for i in default_items() if i.id == state["current"])
    return (
        f'Each question is one everyday work activity, here "{item.text}". Picture yourself doing it for a few '
        "hours as part of a job and say how much you'd enjoy that. You don't need to have done it or know how: "
        "someone would show you. If you can't picture it at all, say \"skip\": a skipped question doesn't count "
        "for or against anything."
    )


# "Wait, how many questions are there?" and "what does this test even measure?" mid-test got "Sorry, I didn't
# understand that" and the help menu; "can i stop and just ask about nurses?" got "tap a button".
LENGTH_QUESTION = re.compile(
    r"\bhow (many|much) (more )?(questions|items|of these|left|longer|to go)\b|\bhow many (are )?(there|left)\b|"
    r"\bhow long (is|will|does|do) (this|the|it)\b|\bwhen (does|will) (this|it|the test) (end|finish|be over)\b|"
    r"\bare we (almost )?(done|there|finished)\b|\bhow far (along )?(am i|are we)\b|"
    # "bruh this is so long" got the general help
    r"\b(this|it)('s| is) (so |too |really |very )?long\b|\b(so|too) long\b|\btak(es|ing) (forever|ages|so long)\b|"
    r"\b(so|too) many questions\b|"
    # "can I just see my results now?" after four answers
    r"\b(see|show|get|have) (me )?(my|the) (results?|matches|careers)( now| already| yet| early)?\b",
    re.I,
)
# "im a vet getting out of the navy ... can i take an interest test" (NLU: fallback) got a question about the navy.
TEST_ASKED = re.compile(
    r"\b(take|do|start|try|give me|begin|run) (an?|the|this|that|your|some)? ?(interest|career|personality|aptitude|"
    r"riasec|holland|job)s? ?(test|quiz|assessment|inventory|profiler)\b",
    re.I,
)
# "yes", "sure, let's do it" right after "Would you like to take the career test?" got the offer again, then "Sorry, I
# didn't understand that".
ACCEPTS = re.compile(
    r"^\W*(y(es|eah|ea|ep|up|a|ess)|sure|ok(ay)?|k|alright|go(od| for it| ahead)?|why not|of course|definitely|"
    r"absolutely|please|i'?d (like|love) (that|to)|let'?s (do it|go|start|try( it)?)|start( it)?|do it|i'?m in|"
    r"sounds good|fine)\b(?!.*\b(no|not|don'?t|later)\b)",
    re.I,
)


def accepts_test_offer(said: str, last_bot: dict | None) -> bool:
    """Whether the words say yes to the assistant's last message when that was the offer of the test."""
    if not last_bot or not ACCEPTS.search(said):
        return False
    meta = last_bot.get("metadata") or {}
    # the offer itself, or the answer to "I don't know what I like", which offers the test first
    offered = meta.get("utter_action") == "utter_offer_quiz" or meta.get("help_topic") == "undecided"
    return offered or "take the career test?" in str(last_bot.get("text") or "").lower()


PURPOSE_QUESTION = re.compile(
    r"\bwhat (does|do|is|'s) (this|the|these) (test|quiz|questions?)\b[^?!]{0,20}\b(measure|for|about|do|test|"
    r"show|tell)\b|\bwhat('s| is) the (point|purpose) of (this|the|these)\b|\bwhy (are you asking|do you ask|"
    r"these questions|this question)\b|\bhow does (this|the) (test|quiz) work\b",
    re.I,
)
PAUSE_WANTED = re.compile(
    r"\b(can|could|may) (i|we) (stop|pause|take a break|quit|leave this|come back)\b|\b(i|i'd|id) (want|like|need) "
    r"to (stop|pause|take a break|quit)\b|\blet'?s (stop|pause|take a break)\b|\bstop (the|this) (test|quiz)\b",
    re.I,
)


def length_help(state: QuizState) -> str:
    low, high = TYPICAL_ITEMS
    total = len(default_items())
    done = len(state["answers"])
    left = max(short_test_max(total) - done, 0)
    return (
        f"You've answered {done} so far, so at most {left} more, and it may stop sooner: it stops as soon as your top "
        f"matches are clear (typically after {low}-{high} of the {total} questions; at most "
        f'{short_test_max(total)} unless you ask for all). Your answers are kept if you say "pause"; for a rough '
        "first list now, pause and tell me a few things you enjoy."
    )


PURPOSE_HELP = (
    "The test measures your interests, not your ability: how much you'd enjoy six kinds of work (Holland's RIASEC "
    "types: hands-on, investigating, creative, helping people, leading and persuading, organizing). At the end I "
    "compare your pattern with each career's O*NET interest profile and show the closest, with the reasons. It's a "
    "starting point for exploring, not a verdict."
)


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
