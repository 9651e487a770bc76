"""What the conversation knows about the person, used by more than one action: the education they told, and the
fit question asked before a test (answered by the career test action once the test ends). Its own module, so the
career test and advice actions need not import each other."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send
from bot.dialogue.advice import replies
from bot.dialogue.advice.fit import fit
from bot.dialogue.advice.person import education_zone, person_from_slots, profile_of
from bot.dialogue.answers import Reply
from bot.dialogue.service import get_service


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
