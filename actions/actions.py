"""Rasa custom actions: thin adapters from the tracker to bot/ (resolution, retrieval, answer composition)."""

from __future__ import annotations

import logging
import re
import time
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import answers, quiz
from bot.answers import Reply
from bot.language import looks_foreign
from bot.logs import log_turn
from bot.quiz_replies import current_question, running
from bot.resolve import leftover_name, names_nothing
from bot.service import KNOWLEDGE_ERRORS, Service, get_service

log = logging.getLogger(__name__)
KNOWLEDGE_DOWN = (
    "Sorry, my career knowledge base is not available right now, so I can't look that up. Please try again later."
)


def _warm_up() -> None:
    """Load pages, index and encoder when the action server starts, so the first answer is not slow."""
    try:
        get_service().index.search("warm up", k=1)
    except Exception as exc:  # the server still starts; actions then say the knowledge base is not available
        log.error("Knowledge base not available: %s", exc)


_warm_up()

SECTION_OF_INTENT = {f"ask_{s}": s for s in answers.SECTION_IDS}
SEARCH_ANSWER_MIN = 0.35  # below this a fallback search result is too weak to show
FOLLOW_UP_CUE = re.compile(r"\b(they|them|their|it|its|that|this|those|one|there)\b", re.I)
HINT_MIN = 0.2  # a below-threshold intent still hints at the section when it is at least this confident


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    if reply.preface:
        dispatcher.utter_message(text=reply.preface)
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None, **reply.metadata)


def career_mentions(tracker: Tracker) -> list[str]:
    """What the user called the career(s), from NLU entities (in order, de-duplicated)."""
    values: list[str] = []
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") != "career":
            continue
        raw = entity.get("value")
        for value in raw if isinstance(raw, list) else [raw]:
            value = str(value).strip()
            if value and not names_nothing(value) and value.lower() not in [v.lower() for v in values]:
                values.append(value)
    return values


def resolve_mentions(
    service: Service, tracker: Tracker, want: int, intent: str = "ask_overview"
) -> tuple[list[str], Reply | None]:
    """Career ids meant by this message; or a reply asking about an unknown/ambiguous name (its buttons ask
    `intent` about the careers offered)."""
    mentions = career_mentions(tracker)
    text = tracker.latest_message.get("text") or ""
    ranked = from_test_results(tracker, text)
    if ranked and all(ORDINAL.search(m) for m in mentions):  # "the first one" after a test result
        return ranked[:want], None
    # Names written out in the message come first: NLU sometimes cuts one ("data [science]").
    ids: list[str] = service.resolver.find_in_text(text, limit=want)
    for mention in mentions:
        if len(ids) >= want:
            break
        res = service.resolver.resolve(mention)
        if res.found:
            if res.career not in ids:
                ids.append(res.career)
        elif len(ids) < want:
            # Maybe NLU cut the name badly: look in the whole message before giving up.
            in_text = [c for c in service.resolver.find_in_text(text, limit=want) if c not in ids]
            if in_text:
                ids.extend(in_text)
                continue
            return [], answers.not_found_reply(service, mention, res, intent)
    if len(ids) < want:
        for cid in service.resolver.find_in_text(text, limit=want):
            if cid not in ids:
                ids.append(cid)
    return ids[:want], None


ORDINALS = {
    "first": 0,
    "1st": 0,
    "top": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "fifth": 4,
    "5th": 4,
    "sixth": 5,
    "seventh": 6,
    "eighth": 7,
    "ninth": 8,
    "tenth": 9,
    "last": -1,
}
ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b(?: one| career| match)?|\bnumber (\d+)\b", re.I)


def from_test_results(tracker: Tracker, text: str) -> list[str]:
    """ "Tell me about the first one" after a career test result: the nth match."""
    state = tracker.get_slot("quiz")
    results = state.get("results") if isinstance(state, dict) else None
    match = ORDINAL.search(text)
    if not results or not match:
        return []
    n = ORDINALS[match.group(1).lower()] if match.group(1) else int(match.group(2)) - 1
    return [results[n]] if -len(results) <= n < len(results) else []


def is_foreign_question(tracker: Tracker) -> bool:
    """Typed text in another language (never a button payload, nor a career-test answer such as "no way")."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or not looks_foreign(text):
        return False
    return not (running(tracker.get_slot("quiz")) and quiz.map_answer(text) is not None)


class SafeAction(Action, ABC):
    """Any failure inside an action becomes a friendly message and a log line, never silence.

    A question asked in the middle of the career test is answered, then the test's current item is asked again.
    """

    resumes_quiz = True
    reads_questions = True  # a question in another language gets "I read English only" instead of a guess

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        started = time.perf_counter()
        try:
            if self.reads_questions and is_foreign_question(tracker):
                send(dispatcher, answers.not_english_reply())
                events = []
            else:
                events = self.answer(dispatcher, tracker, domain)
        except KNOWLEDGE_ERRORS as exc:  # missing/damaged index or a broken page: say so; the log names the fix
            log.error("%s: knowledge base not available: %s", self.name(), exc)
            dispatcher.utter_message(text=KNOWLEDGE_DOWN)
            log_turn(self.name(), tracker, dispatcher.messages, started, event="action_failed")
            return []
        except Exception:
            log.exception("%s failed on %r", self.name(), tracker.latest_message.get("text"))
            dispatcher.utter_message(response="utter_service_down")
            log_turn(self.name(), tracker, dispatcher.messages, started, event="action_failed")
            return []
        state = running(tracker.get_slot("quiz"))
        if self.resumes_quiz and state:
            send(dispatcher, current_question(state, "Back to the career test:\n"))
        log_turn(self.name(), tracker, dispatcher.messages, started)
        return events

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        """The action's own work; `run` wraps it."""


class ActionAnswerCareer(SafeAction):
    """Answers "<section> of <career>" from the index; keeps the career in focus for follow-ups."""

    def name(self) -> str:
        return "action_answer_career"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        section = SECTION_OF_INTENT.get(intent, "overview")
        ids, problem = resolve_mentions(service, tracker, want=1, intent=f"ask_{section}")
        text = tracker.latest_message.get("text") or ""
        if problem:
            send(dispatcher, problem)
            return [SlotSet("section", section)]
        focus = tracker.get_slot("career")
        if not ids and not (focus and FOLLOW_UP_CUE.search(text)):
            # No known name and no "they/it": the words around the question may still name a career.
            name = leftover_name(text)
            if name:
                res = service.resolver.resolve(name)
                if not res.found:
                    send(dispatcher, answers.not_found_reply(service, name, res, f"ask_{section}"))
                    return [SlotSet("section", section)]
                ids = [res.career]
        career = ids[0] if ids else focus
        if career not in service.careers:
            dispatcher.utter_message(response="utter_no_career")
            return [SlotSet("section", section)]
        reply = answers.section_answer(service, career, section, tracker.latest_message.get("text") or "")
        send(dispatcher, reply)
        return [SlotSet("career", career), SlotSet("section", section)]


class ActionCompareCareers(SafeAction):
    def name(self) -> str:
        return "action_compare_careers"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        ids, problem = resolve_mentions(service, tracker, want=2)
        if problem:
            send(dispatcher, problem)
            return []
        focus = tracker.get_slot("career")
        if len(ids) == 1 and focus in service.careers and focus != ids[0]:
            ids = [focus, ids[0]]  # "how does it compare to a paramedic?"
        if len(ids) < 2:
            dispatcher.utter_message(
                text='Which two careers should I compare? For example: "compare nurse and paramedic".'
            )
            return []
        send(dispatcher, answers.compare_reply(service, ids[0], ids[1]))
        return [SlotSet("career", ids[0])]


class ActionExploreCareers(SafeAction):
    def name(self) -> str:
        return "action_explore_careers"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        text = tracker.latest_message.get("text") or ""
        if text.startswith("/"):  # a button without words: show an example
            text = "jobs where I work with animals"
        send(dispatcher, answers.explore_reply(get_service(), text))
        return []


def section_hint(tracker: Tracker) -> str | None:
    """The section NLU leaned towards, even below the confidence threshold (its best-ranked ask_* intent)."""
    ranking = [r for r in tracker.latest_message.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    if ranking and ranking[0].get("name") in SECTION_OF_INTENT and ranking[0].get("confidence", 0) >= HINT_MIN:
        return SECTION_OF_INTENT[ranking[0]["name"]]
    return None


class ActionFallbackSearch(SafeAction):
    """Low NLU confidence: still try the knowledge base before saying we did not understand."""

    resumes_quiz = False

    def name(self) -> str:
        return "action_fallback_search"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        text = (tracker.latest_message.get("text") or "").strip()
        state = running(tracker.get_slot("quiz"))
        if state and quiz.map_answer(text) is not None:
            from actions.quiz import ActionQuiz  # a test answer NLU did not recognise

            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        if not text:
            dispatcher.utter_message(response="utter_default")
            return []
        reply = answers.fallback_reply(service, text, SEARCH_ANSWER_MIN, section_hint(tracker))
        if reply is None:
            dispatcher.utter_message(response="utter_default")
            return []
        send(dispatcher, reply)
        career = reply.metadata.get("career")
        return [SlotSet("career", career)] if career else []
