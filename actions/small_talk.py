"""Goodbyes, help and out-of-scope: the domain's response for each, aware of the career test under way."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import SafeAction, last_bot_event
from actions.careers import answers_the_test
from actions.quiz import ActionQuiz, pause, quiz_state
from bot.dialogue.quiz_replies import accepts_test_offer, running

# Greetings, thanks and "are you a bot?" stay plain responses in the rules: they need no action server, so they are
# answered even while it is down (tests/test_faults.py).
RESPONSES = {"goodbye": "utter_goodbye", "help": "utter_help", "out_of_scope": "utter_out_of_scope"}


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


class ActionSmallTalk(SafeAction):
    """The intent's response, after any help topic the words ask about ("are there part time ones?", read as out of
    scope). Mid-test, words that read as an answer are one ("ya", which NLU reads as goodbye), a goodbye pauses the
    test and says how to come back, and anything else is followed by the current question."""

    def name(self) -> str:
        return "action_small_talk"

    def resumes(self, tracker: Tracker) -> bool:
        return _intent(tracker) != "goodbye" and not answers_the_test(tracker)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        if answers_the_test(tracker):
            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        intent = _intent(tracker)
        state = quiz_state(tracker)
        said = str(tracker.latest_message.get("text") or "")
        if not running(state) and accepts_test_offer(said, last_bot_event(tracker)):
            return ActionQuiz().handle("start_quiz", dispatcher, tracker)  # "ya sure" to the offer (NLU: goodbye)
        if intent == "goodbye" and state and running(state):
            return pause(
                dispatcher,
                state,
                'Goodbye for now! Your test is paused. {kept}: say "continue the test" when you\'re back.',
            )
        dispatcher.utter_message(response=RESPONSES.get(intent or "", "utter_default"))
        return []
