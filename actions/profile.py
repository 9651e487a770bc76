"""What the conversation knows about the person, used by more than one action: the education and the interests they
told (also mid-test, in place of an answer), and the fit question asked before a test (answered by the career test
action once the test ends). Its own module, so the career test and advice actions need not import each other."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send, shown_list
from bot.dialogue import quiz
from bot.dialogue.advice import interests, rankings, replies
from bot.dialogue.advice.cues import THEIR_INTERESTS
from bot.dialogue.advice.fit import fit
from bot.dialogue.advice.person import education_zone, person_from_slots, profile_of
from bot.dialogue.answers import Reply, explore
from bot.dialogue.explore_words import avoided
from bot.dialogue.quiz_replies import running
from bot.dialogue.service import get_service

INTEREST_MATCHES = 8
# "what careers would suit me and what do they pay?": the pay of each career listed
PAY_ASKED = re.compile(
    r"\bwhat (do|does|would|will) (they|those|these|it) (pay|earn|make)\b|\bhow much (do|would) they\b"
)
TOPICAL_SEARCHED = 10  # careers whose pages talk about what someone named, ranked by fit


def encoder():
    """The sentence encoder (loaded once per process by bot.search.embeddings)."""
    from bot.search.embeddings import encode

    return encode


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def fit_after_test(tracker: Tracker, state: dict) -> Reply | None:
    """The answer to a fit question asked before the test (`pending_fit`), now that the test is done."""
    pending = tracker.get_slot("pending_fit")
    careers = get_service().careers
    if not isinstance(pending, str) or pending not in careers:
        return None
    person = person_from_slots(state, tracker.get_slot("profile"))
    reply = replies.fit_reply(careers, fit(careers, pending, person), person)
    reply.text = f"You asked earlier whether {careers[pending].title} would suit you. " + reply.text
    return reply


def education_told(dispatcher: CollectingDispatcher, tracker: Tracker) -> list | None:
    """An education answer typed when no test asks for it ("I have a bachelor's degree" read as a test answer):
    remembered as the profile's education; None when the words name no level."""
    text = _text(tracker)
    zone = education_zone(text) if not text.startswith("/") else None
    if zone is None:
        return None
    profile = profile_of(tracker.get_slot("profile"))
    profile["zone"] = zone
    send(dispatcher, replies.education_reply(zone, text))
    return [SlotSet("profile", profile)]


def remember_interests(tracker: Tracker, text: str) -> tuple[interests.Stated, interests.Stated, dict[str, Any]] | None:
    """Interests said in `text`, merged into the profile with those said before: (this message's reading, the
    merged reading, the new profile), or None when the words state none. Education said with them is kept too."""
    stated = interests.infer(text, encoder())
    if not stated.expressed and not stated.disliked:
        return None
    profile = profile_of(tracker.get_slot("profile"))
    zone = education_zone(text) if not text.startswith("/") else None
    if zone is not None:  # "... maybe in computers. I have no degree": the list keeps to it
        profile["zone"] = zone
    told = [t for t in profile["interests_text"] if t not in stated.phrases and t[4:] not in stated.phrases]
    told = [t for t in told if f"not {t}" not in stated.disliked and t not in stated.disliked]
    told += stated.phrases + [f"not {d}" for d in stated.disliked]
    profile["interests_text"] = list(dict.fromkeys(told))
    combined = interests.infer(", ".join(profile["interests_text"]), encoder())
    combined.unplaced = stated.unplaced  # said in this message: "I don't want to sit at a desk all day"
    profile["interests"] = combined.scores
    return stated, combined, profile


def interests_told(dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
    """Interests told in words ("I love animals and being outdoors"): remembered in the profile, answered with the
    careers about what was named and those that fit the interests best. Interests told about someone else ("my son
    loves fixing bikes") are theirs: matched from these words alone and kept out of the asker's profile."""
    service = get_service()
    careers = service.careers
    text = _text(tracker)
    other = THEIR_INTERESTS.search(text)
    who = other.group(1).lower() if other else None
    remembered = None if who else remember_interests(tracker, text)
    if remembered is None:
        stated = interests.infer(text, encoder())
        if not who or not stated.expressed:
            send(dispatcher, replies.interests_reply(careers, stated, stated.scores, "interests", [], None, whose=who))
            return []
        combined, profile, scores, basis = stated, None, stated.scores, "interests"
        zone = education_zone(text) if not text.startswith("/") else None
    else:
        stated, combined, profile = remembered
        person = person_from_slots(tracker.get_slot("quiz"), profile)
        found_scores, found_basis = person.scores()
        assert found_scores is not None and found_basis is not None
        scores, basis, zone = found_scores, found_basis, person.max_zone
    avoid = avoided(text)  # "i like helping ppl but i hate blood" listed a paramedic
    if avoid:
        careers = {cid: c for cid, c in careers.items() if not rankings.avoids(c, avoid)}
    found = quiz.matches(scores, careers, zone, limit=INTEREST_MATCHES)
    searched = explore(service, " and ".join(stated.phrases), limit=TOPICAL_SEARCHED)
    named = {c.id: c for c, _, _, _ in searched if c.id in careers}
    topical = quiz.matches(scores, named, zone, limit=len(named))  # about what was named, best fit
    testing = bool(running(tracker.get_slot("quiz")))
    if avoid:  # left out below, so not "no interest I can score, so it doesn't change these careers"
        combined = replace(combined, unplaced=[u for u in combined.unplaced if not any(a in u for a in avoid)])
    with_pay = rankings.parse(text).by == "salary" or bool(PAY_ASKED.search(text))
    reply = replies.interests_reply(
        careers, combined, scores, basis, found, zone, topical, stated.phrases, testing, whose=who, with_pay=with_pay
    )
    if avoid:
        reply.text += f"\nLeft out: careers whose pages mention {' or '.join(avoid)}."
    send(dispatcher, reply)
    listed = reply.metadata["interests_match"]["topical"] + [c.id for c, _ in found]
    kept = [SlotSet("profile", profile)] if profile is not None else []
    return [*kept, SlotSet("ranking", shown_list(listed))]
