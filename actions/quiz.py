"""The career test in the conversation: one action for every test command, state kept in the `quiz` slot."""

from __future__ import annotations

import copy
import logging
import re
from typing import Any, cast

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import (
    SafeAction,
    action_named,
    answer_pointed,
    focus_fragment,
    is_foreign_question,
    last_bot_event,
    name_alone,
    send,
    shown_list,
)
from actions.profile import education_told, encoder, fit_after_test, interests_told
from bot.dialogue import quiz
from bot.dialogue.advice import interests, rankings
from bot.dialogue.advice.person import person_from_slots
from bot.dialogue.answers import not_english_reply, section_answer
from bot.dialogue.quiz_reader import read_answer
from bot.dialogue.quiz_replies import (
    CONTINUE_TEST,
    PAUSE_WANTED,
    accepts_test_offer,
    current_question,
    intro_text,
    kept,
    map_zone,
    question_reply,
    read_as,
    result_reply,
    running,
    zone_reply,
)
from bot.dialogue.section_guess import section_by_words
from bot.dialogue.service import get_service
from bot.dialogue.types import Answered, QuizState

log = logging.getLogger(__name__)
PICTURE_CHANNELS = {"socketio"}


def quiz_state(tracker: Tracker) -> QuizState | None:
    state = tracker.get_slot("quiz")
    return cast(QuizState, copy.deepcopy(state)) if isinstance(state, dict) and "answers" in state else None


def slot_value(tracker: Tracker) -> str | None:
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") == "quiz_value":
            return str(entity.get("value"))
    return None


def pause(dispatcher: CollectingDispatcher, state: QuizState, text: str) -> list:
    """Pauses the test with its answers kept; `text` says so, with "{kept}" for how many answers are kept."""
    state["paused"] = True
    dispatcher.utter_message(
        text=text.format(kept=kept(len(state["answers"]))),
        buttons=[CONTINUE_TEST],
    )
    return [SlotSet("quiz", state)]


class ActionQuiz(SafeAction):
    """start / answer / skip / go back / pause / continue / start over / answer all, by intent."""

    resumes_quiz = False
    reads_questions = False  # answers and commands; map_answer and NLU decide what they mean

    def name(self) -> str:
        return "action_quiz"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return self.handle(intent, dispatcher, tracker)

    def handle(self, intent: str | None, dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
        state = quiz_state(tracker)
        said = str(tracker.latest_message.get("text") or "")
        if running(state) and not said.startswith("/") and PAUSE_WANTED.search(said):
            intent = "quiz_stop"  # "can i stop and just ask about nurses?"
        careers = get_service().careers
        total = len(quiz.default_items())
        if (
            intent in ("start_quiz", *TEST_COMMANDS)
            and not running(state)
            and tracker.get_slot("career")
            and not said.startswith("/")
            and section_by_words(said) == "education"
        ):  # "where i can study this" after a mechanic's pay (NLU: start the test), "do I need a masters for that or is
            # my BSN enough" (NLU: pause the test): how to become one
            return action_named("action_answer_career").answer(dispatcher, tracker, {})

        if intent == "start_quiz" and not running(state) and not said.startswith("/") and MATCH_WANTED.search(said):
            person = person_from_slots(state, tracker.get_slot("profile"))
            if person.scores()[0] is not None:  # "show me careers that match my interests", interests already told
                return action_named("action_rank_careers").answer(dispatcher, as_intent(tracker, "ask_ranking"), {})
        if intent == "quiz_restart" or (intent == "start_quiz" and (state is None or state.get("done"))):
            state = quiz.new_state()
            lead = intro_text(total) + "\n\n" if intent == "start_quiz" else "Starting over with a clean slate.\n\n"
            return self._advance(state, careers, dispatcher, tracker, lead)
        if intent == "quiz_answer" and (state is None or state.get("done")):
            said = str(tracker.latest_message.get("text") or "")
            if accepts_test_offer(said, last_bot_event(tracker)):  # "yes" to "Would you like to take the test?"
                return self.handle("start_quiz", dispatcher, tracker)
            if is_foreign_question(tracker):  # "no hablo bien inglés" (NLU: a test answer) was offered the test
                send(dispatcher, not_english_reply())
                return []
            pointed = answer_pointed(dispatcher, tracker, said)  # "the fourth one" after a list, no test asking
            if pointed is not None:
                return pointed
            told = education_told(dispatcher, tracker)  # "I have a bachelor's degree" with no test asking
            if told is not None:
                return told
            if not said.startswith("/") and interests.infer(said, encoder()).expressed:
                return interests_told(dispatcher, tracker)  # "I like computers" read as a test answer, no test
            if read_answer(said).value is None:
                asked = focus_fragment(get_service(), tracker) or name_alone(get_service(), tracker)
                if asked:  # "school?" after an electrician, "drone pilot?" (NLU: a test answer, no test)
                    send(dispatcher, section_answer(get_service(), *asked, said))
                    return [SlotSet("career", asked[0]), SlotSet("section", asked[1])]
                dispatcher.utter_message(response="utter_default")  # "hmm", "blorp zindle": no test, no answer
                return []
        if running(state) is None and intent in TEST_COMMANDS and _says_ranking_words(tracker):
            # "which one pays more?" read as "skip" with no test under way: the ranking action answers it
            return action_named("action_rank_careers").answer(dispatcher, tracker, {})
        if intent == "quiz_continue" and (state is None or state.get("done")) and tracker.get_slot("ranking"):
            # "keep going" after a list, with no test to continue: the next ones of the list
            return action_named("action_rank_careers").answer(dispatcher, as_intent(tracker, "show_more"), {})
        if state is None:
            dispatcher.utter_message(response="utter_offer_quiz")
            return []
        if intent in ("start_quiz", "quiz_continue"):
            if state.get("done"):
                dispatcher.utter_message(response="utter_offer_quiz")
                return []
            state["paused"] = False
            lead = f"Welcome back! You've answered {len(state['answers'])} so far; carrying on.\n\n"
            send(dispatcher, current_question(state, lead))
            return [SlotSet("quiz", state)]
        if intent == "quiz_full":
            state["full"], state["done"], state["paused"] = True, False, False
            lead = "OK, all the questions then; your answers so far are kept.\n\n"
            return self._advance(state, careers, dispatcher, tracker, lead)
        if state.get("done"):
            dispatcher.utter_message(response="utter_offer_quiz")
            return []
        if intent == "quiz_stop":
            return pause(
                dispatcher, state, 'Paused. {kept}: say "continue the test" any time. Meanwhile, ask me anything.'
            )
        if state.get("paused"):
            dispatcher.utter_message(
                text='Your test is paused. Say "continue the test" to carry on or "start over" for a new one.',
                buttons=[CONTINUE_TEST, {"title": "Start over", "payload": "/quiz_restart"}],
            )
            return []
        if intent == "quiz_back" and not said.startswith("/") and not BACK_WANTED.search(said):
            if read_answer(said).value is not None:  # "sounds fun but I have a bad back" went back a question
                intent = "quiz_answer"
        if intent == "quiz_back":
            if state["current"] == quiz.ZONE_QUESTION and state["order"]:
                state["current"] = state["order"][-1]
            if not state["order"]:
                send(dispatcher, current_question(state, "There's no earlier answer to change.\n"))
                return []
            last = state["order"].pop()
            state["answers"].pop(last, None)
            state["current"] = last
            send(dispatcher, current_question(state, "Going back; answer this one again.\n"))
            return [SlotSet("quiz", state)]
        if intent == "quiz_skip":
            if state["current"] == quiz.ZONE_QUESTION:
                state["zone"] = None
                return self._finish(state, careers, dispatcher, tracker)
            if state.get("current"):
                state["skipped"].append(str(state["current"]))
            return self._advance(state, careers, dispatcher, tracker, "Skipped.\n")
        # An answer (button or free text).
        text = slot_value(tracker) or tracker.latest_message.get("text") or ""
        first = len(dispatcher.messages)
        item = state.get("current")
        if item is None:  # a finished or paused test: nothing is being asked
            dispatcher.utter_message(response="utter_offer_quiz")
            return []
        if item == quiz.ZONE_QUESTION:
            zone = map_zone(text)
            if zone is None:
                send(dispatcher, zone_reply("Sorry, I didn't catch that. "))
                return mark_answered(dispatcher, first, item, None, [])
            state["zone"] = zone or None
            return mark_answered(dispatcher, first, item, zone, self._finish(state, careers, dispatcher, tracker))
        reading = read_answer(text)
        if reading.value is None:
            lead = (
                "That sounds like it's about experience, access, skill or health. This test asks how much you would "
                'enjoy the activity if you could do it: tap a button or say something like "I\'d love that" or '
                '"not for me".\n'
                if reading.kind == "access"
                else "This test asks how much you'd enjoy the activity itself, whatever it pays: pay comes later (ask "
                'me about any career\'s pay). Tap a button or say something like "I\'d love that" or "not for me".\n'
                if reading.kind == "pay"
                else 'Sorry, I didn\'t catch that: tap a button or say something like "I\'d love that" or "no way".\n'
            )
            send(dispatcher, current_question(state, lead))
            return mark_answered(dispatcher, first, item, None, [])
        if reading.kind == "words" and interests.other_activities(text, item, encoder()):
            # "I like drawing and video games" to "Repair a bicycle": interests told, not this item's answer
            events = interests_told(dispatcher, tracker)
            send(dispatcher, current_question(state, "Back to the career test (that answer was about other things):\n"))
            return mark_answered(dispatcher, first, item, None, events)
        state["answers"][item] = reading.value
        state["order"].append(item)
        typed = str(tracker.latest_message.get("text") or "")  # a button's payload starts with "/": nothing to say
        events = self._advance(state, careers, dispatcher, tracker, read_as(typed, reading))
        return mark_answered(dispatcher, first, item, reading.value, events)

    def _advance(self, state, careers, dispatcher, tracker, lead: str) -> list:
        item = quiz.next_item(state, careers)
        if item is not None:
            state["current"] = item.id
            send(dispatcher, question_reply(state, item, lead))
            return [SlotSet("quiz", state)]
        if not state["answers"]:
            state["done"] = True
            dispatcher.utter_message(
                text='You skipped every question, so I have nothing to match. Say "start over" to try again.'
            )
            return [SlotSet("quiz", state)]
        total = len(quiz.default_items())
        if len(state["answers"]) + len(state["skipped"]) >= total:
            stop_note = ""
        elif len(state["answers"]) >= quiz.MAX_SHARE * total:  # stopped at the cap, not because matches settled
            stop_note = 'That\'s as many questions as the short test asks (say "answer all questions" for the rest).\n'
        else:
            stop_note = (
                "Your top matches have settled, so that's enough questions "
                '(say "answer all questions" for the full test).\n'
            )
        state["current"] = quiz.ZONE_QUESTION
        send(dispatcher, zone_reply(lead + stop_note))
        return [SlotSet("quiz", state)]

    def _finish(self, state, careers, dispatcher, tracker) -> list:
        state.update(done=True, current=None)
        picture = tracker.get_latest_input_channel() in PICTURE_CHANNELS
        reply = result_reply(state, careers, picture=picture)
        if picture:
            dispatcher.utter_message(image=quiz_chart_uri(reply.metadata["quiz_result"]["scores"]))
        send(dispatcher, reply)
        state["results"] = [m["career"] for m in reply.metadata["quiz_result"]["matches"]]
        events = [SlotSet("quiz", state), SlotSet("ranking", shown_list(state["results"]))]  # "which of those ...?"
        fit = fit_after_test(tracker, state)
        if fit is None:
            return events
        send(dispatcher, fit)  # "would I make a good nurse?" asked before the test, answered now
        return [*events, SlotSet("pending_fit", None)]


# A list by what is known of the person, which NLU may read as starting the test
MATCH_WANTED = re.compile(
    r"\b(match|matches|fit|fits|suit|suits)( with)? (me|my (interests|profile|answers|results?))\b", re.I
)
# Words that ask to go back a question; NLU also read "back" in "I have a bad back" as one
BACK_WANTED = re.compile(
    r"\b(go(ing)? back|back up|previous|undo|last (one|question|answer)|change (my|that|the)|said it wrong|i meant|"
    r"wrong|mistake|oops|redo|rewind|before that|earlier|back one|one back)\b",
    re.I,
)
TEST_COMMANDS = ("quiz_skip", "quiz_back", "quiz_stop", "quiz_continue", "quiz_full", "quiz_restart")


def as_intent(tracker: Tracker, intent: str) -> Tracker:
    """The tracker with the latest message read as another intent (a test command that, with no test, is a list's)."""
    other = copy.copy(tracker)
    other.latest_message = {**tracker.latest_message, "intent": {"name": intent, "confidence": 1.0}}
    return other


def _says_ranking_words(tracker: Tracker) -> bool:
    """Words a ranking or a two-career comparison could use (a fact, a filter): with no test under way, a test
    command NLU read ("which one pays more?" as "skip") is the ranking's."""
    text = str(tracker.latest_message.get("text") or "")
    if text.startswith("/"):
        return False
    return bool(rankings.comparison_fact(text) or rankings.parse(text).says_something)


def mark_answered(dispatcher: CollectingDispatcher, first: int, item: str, value: int | None, events: list) -> list:
    """Put `{"answered": {"item", "value"}}` on the first bot message of this turn: how the answer was read (value
    null when it was not understood and the question is asked again; for the education question the job zone,
    0 for no limit). Returns `events` unchanged."""
    if len(dispatcher.messages) > first:
        dispatcher.messages[first]["answered"] = Answered(item=item, value=value)
    return events


def quiz_chart_uri(profile: dict[str, float]) -> str:
    from bot.dialogue.quiz_chart import svg_data_uri

    return svg_data_uri(profile)
