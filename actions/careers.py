"""Career questions: a section of one career, a comparison, an open question across careers, and the fallback
search when NLU is unsure. Thin adapters from the tracker to bot.dialogue."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.advice import (
    REFINE_START,
    WHICH_OF_THE_LIST,
    ActionExplain,
    ActionFit,
    ActionInterests,
    ActionMoves,
    ActionProfile,
    ActionRankCareers,
    advice_route,
    answers_what_i_do,
    concerns_said,
    family_lead,
    family_options,
    interests_in,
    named_careers,
    rank_listed,
    send_comparison,
    wants_similar,
    with_group_line,
)
from actions.base import (
    MAX_COMPARED,
    NAME_ALONE,
    SAME_QUESTION,
    SafeAction,
    about_focus,
    answer_pointed,
    career_mentions,
    careers_asked_about,
    focus_fragment,
    follows_the_focus,
    just_listed,
    last_bot_event,
    last_search,
    listed_to_compare,
    name_alone,
    own_job_named,
    resolve_mentions,
    send,
    shown_list,
    shown_pair,
)
from actions.quiz import ActionQuiz, as_intent
from bot.dialogue import answers, quiz
from bot.dialogue.advice import rankings, replies
from bot.dialogue.advice.cues import (
    CHANGE,
    COMPARE_WORDS,
    FEW_PEOPLE,
    FIT,
    MOVES,
    SURE_MOVES,
    SURE_PATH,
    TO_THAT,
    WANT_TO_BECOME,
    asks_to_forget,
    type_names,
)
from bot.dialogue.advice.groups import group_asked, group_line
from bot.dialogue.advice.person import person_from_slots
from bot.dialogue.advice.roles import from_phrase
from bot.dialogue.explore_words import asks_about_the_work, avoided
from bot.dialogue.quiz_reader import read_answer
from bot.dialogue.quiz_replies import TEST_ASKED, accepts_test_offer, running
from bot.dialogue.resolve import leftover_name, said_as_no_name, studied
from bot.dialogue.section_guess import STRESS, section_by_words, sections_asked
from bot.dialogue.service import get_service
from bot.dialogue.small_talk import DECLINE, DECLINED

SECTION_OF_INTENT = {f"ask_{s}": s for s in answers.SECTION_IDS}
# "how much do they make?" right after a list of careers: those careers by that fact.
LIST_FACTS = {"salary": "salary", "outlook": "growth"}
THEM = re.compile(r"\b(they|them|those|these|each|all of them|any of them)\b", re.I)
SEARCH_ANSWER_MIN = 0.35  # below this a fallback search result is too weak to show
RANK_WORDS = re.compile(
    r"\b(most|least|best|worst|top|lowest|highest|low|high|fastest|slowest|biggest|largest|greatest|quickest|"
    r"easiest|richest|chillest|lots of|plenty of|safest|calmest|coolest|nicest|\w{3,}iest)\b",
    re.I,
)


def answers_the_test(tracker: Tracker) -> bool:
    """Mid-test, words that read as an answer (or as one about pay or access) and name no career of ours."""
    text = str(tracker.latest_message.get("text") or "")
    if text.startswith("/") or not running(tracker.get_slot("quiz")):
        return False
    reading = read_answer(text)
    if reading.value is None and reading.kind not in ("pay", "access"):
        return False
    return not get_service().resolver.find_in_text(text, limit=1)


class ActionAnswerCareer(SafeAction):
    """Answers "<section> of <career>" from the index; keeps the career in focus for follow-ups."""

    def name(self) -> str:
        return "action_answer_career"

    def resumes(self, tracker: Tracker) -> bool:
        return not answers_the_test(tracker)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        if answers_the_test(tracker):  # "maybe if it paid well" mid-test, read as a question about a career "maybe"
            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        service = get_service()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        section = SECTION_OF_INTENT.get(intent or "", "overview")
        section = section_by_words(text, section) or section  # "do truck drivers get home every night?"
        last = tracker.get_slot("section")
        if (
            section == "overview"
            and last in answers.SECTION_IDS
            and (SAME_QUESTION.match(text) or (career_mentions(tracker) and NAME_ALONE.match(text)))
        ):
            section = last  # "and medical assistants?" after a phlebotomist's pay: their pay
        ids, problem = resolve_mentions(service, tracker, want=1, intent=f"ask_{section}")
        shy = section == "personality" and bool(FEW_PEOPLE.search(text))
        family = family_options(service, problem) if problem and shy else []
        if family:  # "would teaching suit someone who is kinda shy": the first teacher, not a question that loses it
            ids, problem = family[:1], None
        if problem:
            send(dispatcher, problem)
            return [SlotSet("section", section)]
        listed = just_listed(tracker) if not ids and section in LIST_FACTS and THEM.search(text) else []
        if len(listed) >= 2:  # "how much do they make?" right after a list: the list by pay
            return rank_listed(dispatcher, listed, rankings.Request(by=LIST_FACTS[section]), None, None)
        in_text = service.resolver.names_in_text(text)  # once per message: the checks below share it
        named = named_careers(service, text, in_text)
        refers_back = follows_the_focus(tracker, text)  # "are they in demand?", "what's the outlook?"
        if not ids and not named and not refers_back and not text.startswith("/"):
            refines = bool(tracker.get_slot("ranking") and REFINE_START.search(text))
            if asks_for_ranking(text) or (refines and rankings.parse(text).says_something):
                # "most respected professions?" read as skills, "what about tech?" after a ranking as an overview
                return ActionRankCareers().answer(dispatcher, tracker, domain)
        if len(set(ids) | set(named)) >= 2 and rankings.comparison_fact(text):
            # "are physical or occupational therapists in higher demand?": two careers, one fact
            return ActionCompareCareers().answer(dispatcher, tracker, domain)
        route = advice_route(service, text, from_words=section == "education", named=named)
        offer_fit = False
        if route is not None and route.name() == "action_fit" and section == "personality":
            # "am I a good fit for accounting?": with no test or interests told, "who it suits" is the answer, with
            # how to learn whether it suits *you*
            person = person_from_slots(tracker.get_slot("quiz"), tracker.get_slot("profile"))
            offer_fit = person.scores()[0] is None
            route = None if offer_fit else route
        waited_for = route is None and answers_what_i_do(tracker)  # "I'm a warehouse worker", after "What do you do?"
        route = ActionMoves() if waited_for else route
        if route is not None and (
            section in ROUTED_SECTIONS
            or route.name() == "action_fit"
            or (route.name() == "action_moves" and (waited_for or SURE_MOVES.search(text.lower())))
            or (route.name() == "action_path" and (SURE_PATH.search(text.lower()) or TO_THAT.search(text.lower())))
        ):
            # "could I be a good nurse?", "how can a bank teller become an analyst?": advice, not a page section
            return route.answer(dispatcher, tracker, domain)
        focus = tracker.get_slot("career")
        if not ids and not follows_the_focus(tracker, text):
            if group := group_asked(text):
                # "what should a 50 year old woman do for work" got "no page called 'old woman'" and five careers
                send(dispatcher, replies.group_reply(group))
                return []
            # No known name and no "they/it": the words around the question may still name a career.
            name = leftover_name(text)
            if name and focus and said_as_no_name(text, name):
                name = None  # "how long to get licensed?": about the career in focus
            if name:
                res = service.resolver.resolve(name)
                if not res.found and focus and studied(text, name):
                    pass  # "do I need a CS degree" after a software developer: a field of study, not a career
                elif not res.found:
                    send(dispatcher, answers.not_found_reply(service, name, res, f"ask_{section}"))
                    return [SlotSet("section", section)]
                else:
                    ids = [str(res.career)]
        career = ids[0] if ids else focus
        if career not in service.careers:
            dispatcher.utter_message(response="utter_no_career")
            return [SlotSet("section", section)]
        said = [p for p, cid in in_text if cid == career] + career_mentions(tracker)
        note = answers.title_note(service, said, career) if ids else None
        asked = sections_asked(text)
        sections = asked[:3] if len(asked) >= 2 else [section]  # "what does a nurse do and how much do they earn?"
        for n, part in enumerate(sections):
            reply = answers.section_answer(service, career, part, text, note if n == 0 else None)
            if part == "workplace" and STRESS.search(text):  # "how stressful is that job?"
                reply.preface = f"{STRESS_NOTE}\n{reply.preface}" if reply.preface else STRESS_NOTE
            if part == "personality" and shy:
                reply.text += "\n" + replies.people_note(service.careers[career])
            if n == 0 and family:
                lead = family_lead(service, family).strip()
                reply.preface = f"{lead}\n{reply.preface}" if reply.preface else lead
                others = [
                    {"title": service.careers[o].title, "payload": answers.payload(f"ask_{part}", o)}
                    for o in family[1:3]
                ]
                reply.buttons = others + reply.buttons
            send(dispatcher, with_group_line(reply, text, career) if n == 0 else reply)
        events = [SlotSet("career", career), SlotSet("section", sections[-1])]
        if offer_fit and sections == ["personality"]:
            send(dispatcher, replies.fit_offer_reply(service.careers, career))
            events.append(SlotSet("pending_fit", career))  # answered right after the test's result
        return events


STRESS_NOTE = "No figure I have measures how stressful a job is; here is what its page says about the setting."
ROUTED_SECTIONS = {"overview", "duties", "skills", "personality", "education"}  # questions advice words can redirect


class ActionCompareCareers(SafeAction):
    def name(self) -> str:
        return "action_compare_careers"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        text = tracker.latest_message.get("text") or ""
        if len(type_names(text)) >= 2:  # "enterprising or social?": the interest types, not careers
            return ActionExplain().answer(dispatcher, tracker, domain)
        route = advice_route(service, text)
        if route is not None:  # "medical assistant to registered nurse, what's the path?"
            return route.answer(dispatcher, tracker, domain)
        if (
            wants_similar(service, tracker)
            and len(named_careers(service, text)) <= 1
            and not COMPARE_WORDS.search(text)
        ):
            return ActionMoves().answer(dispatcher, tracker, domain)  # "which jobs are similar to a dental hygienist?"
        ids, problem = resolve_mentions(service, tracker, want=2)
        named = named_careers(service, text)
        options = [o for o in (problem.metadata.get("suggestions") or []) if o not in named] if problem else []
        if problem and problem.metadata.get("ambiguous_career") and len(named) == 1 and options:
            # "nursing or teaching?": which teacher, each button keeping the nurse
            send(
                dispatcher,
                answers.compare_which_reply(service, named[0], problem.metadata["ambiguous_career"], options),
            )
            return []
        if problem:
            send(dispatcher, problem)
            return []
        focus = tracker.get_slot("career")
        pair = shown_pair(tracker)
        if not ids and pair:  # "and which has better job prospects?" after comparing two
            ids = pair
        if len(ids) == 1 and focus in service.careers and focus != ids[0]:
            ids = [focus, ids[0]]  # "how does it compare to a paramedic?"
        own = own_job_named(service, text)
        several = [c for c in named if c != own]
        if len(several) >= 3:  # "between radiologic technologist, respiratory therapist, and surgical technologist"
            ids = several[:MAX_COMPARED]
        if len(ids) < 2 and len(asked := careers_asked_about(tracker, text)) >= 2:
            ids = asked  # "compare those two" after questions about two careers
        from_list = listed_to_compare(tracker, text) if len(ids) < 2 else None
        if from_list:  # "compare the top two", "compare those two" after a list
            ids = from_list
        if len(ids) == 1 and SAME_QUESTION.match(text) and not COMPARE_WORDS.search(text):
            # "and nursing?" (NLU: compare) with nothing to compare it with: the last question, about it
            last = tracker.get_slot("section")
            section = last if last in answers.SECTION_IDS else "overview"
            send(dispatcher, answers.section_answer(service, ids[0], section, text))
            return [SlotSet("career", ids[0]), SlotSet("section", section)]
        if len(ids) < 2 and from_list is not None:  # "compare those two" after a list of five: which two of it
            dispatcher.utter_message(text=WHICH_OF_THE_LIST)
            return []
        if len(ids) < 2:
            dispatcher.utter_message(
                text='Which two careers should I compare? For example: "compare nurse and paramedic".'
            )
            return []
        by = rankings.comparison_fact(tracker.latest_message.get("text") or "")
        if by and len(ids) > 2:  # "torn between nursing, teaching and social work. which pays the most?"
            return rank_listed(dispatcher, ids, rankings.Request(by=by), None, None)
        if by:  # "which pays more, a plumber or an electrician?": a two-career ranking by that fact
            send(dispatcher, replies.two_careers_by_fact(service.careers, ids[0], ids[1], by, text))
        else:
            return send_comparison(dispatcher, tracker, ids)
        return [SlotSet("career", ids[0]), SlotSet("ranking", shown_list(ids))]  # "which one pays more?"


class ActionExploreCareers(SafeAction):
    def name(self) -> str:
        return "action_explore_careers"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        text = tracker.latest_message.get("text") or ""
        if text.startswith("/"):  # a button without words: show an example
            text = "jobs where I work with animals"
        if asks_for_ranking(text) and not SURE_MOVES.search(text.lower()):
            # "good money jobs with no degree", "jobs where you can work from home the most": a ranking question
            return ActionRankCareers().answer(dispatcher, tracker, domain)
        named = named_careers(get_service(), text)
        section = section_by_words(text) if not named and follows_the_focus(tracker, text) else None
        if section:  # "do I need a bachelors for that" after a logistician's pay: its education, not a search
            focus = str(tracker.get_slot("career"))
            send(dispatcher, answers.section_answer(get_service(), focus, section, text))
            return [SlotSet("career", focus), SlotSet("section", section)]
        own_job = len(named) <= 1 and MOVES.search(text.lower()) and from_phrase(text)
        if (
            (CHANGE.search(text.lower()) and not named)
            or answers_what_i_do(tracker)
            or own_job
            or wants_similar(get_service(), tracker)
        ):
            # "I want to change careers": moves from the current job (asked for when not known), not a search list;
            # "I'm a cashier" after "What do you do now?"; "I teach high school, what other jobs could I do?"
            return ActionMoves().answer(dispatcher, tracker, domain)
        if FEW_PEOPLE.search(text):  # "jobs for introverts": the search would list people-facing careers
            send(dispatcher, replies.few_people_reply())
            return []
        group = group_asked(text)
        if group and not asks_about_the_work(text):  # "jobs for girls": the search listed stereotypes
            send(dispatcher, replies.group_reply(group))
            return []
        reply = answers.explore_reply(get_service(), text)
        if group:  # "I'm in a wheelchair and want a career that doesn't require standing": the work, and a fair line
            reply.text = group_line(group) + "\n" + reply.text
        send(dispatcher, reply)
        return []


def asks_for_ranking(text: str) -> bool:
    """An open question that asks for careers ranked by a fact (or by one we cannot rank by, said with a rank word).
    "money" or "pay" alone ("careers in finance and money") is a topic; growth, openings and preparation rank."""
    req = rankings.parse(text)
    ranks = bool(RANK_WORDS.search(text))
    pay_filters = set(req.filters) & {*rankings.EDUCATION_KEYS, *rankings.SALARY_KEYS}
    automation = req.unsupported == rankings.AUTOMATION_RISK  # "what jobs are safe from AI?" listed AI jobs
    by_schooling = bool(set(req.filters) & set(rankings.EDUCATION_KEYS)) and bool(NEED_SCHOOLING.search(text))
    return (
        bool((req.by and (req.by != "salary" or ranks or pay_filters)) or (req.unsupported and ranks) or automation)
        or by_schooling
    )


# "which jobs need a masters" searched the pages and listed a chef and a machinist: the careers that need it
NEED_SCHOOLING = re.compile(
    r"^\W*(which|what) (jobs|careers|occupations|professions|roles)( \w+)? (need|needs|require|requires|ask for)\b",
    re.I,
)


FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|me|my)\b", re.I)
PROFILE_QUESTION = re.compile(  # "what do you know about me?": the profile, not a search
    r"\bwhat (do|did|have) you (know|learn\w*|remember|found out|gathered|got) (about|on|of) me\b|"
    r"\b(show|tell|give) me (my (profile|scores|interests|answers)|what you know about me|your notes on me)\b|"
    r"\bwhat('s| is) (in )?my profile\b",
    re.I,
)


class ActionFallbackSearch(SafeAction):
    """Low NLU confidence: still try the knowledge base before saying we did not understand."""

    def name(self) -> str:
        return "action_fallback_search"

    def resumes(self, tracker: Tracker) -> bool:
        """Mid-test, whatever the fallback said is followed by the test's question, unless it was a test answer
        (the test then asks its next question itself)."""
        return quiz.map_answer(str(tracker.latest_message.get("text") or "")) is None

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        text = (tracker.latest_message.get("text") or "").strip()
        state = running(tracker.get_slot("quiz"))
        if state and quiz.map_answer(text) is not None:
            # a test answer NLU did not recognise
            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        if not state and DECLINE.search(text) and not service.resolver.find_in_text(text, limit=1):
            dispatcher.utter_message(text=DECLINED)  # "no thanks" (NLU: thanks) got "You're welcome!"
            return []
        accepts = accepts_test_offer(text, last_bot_event(tracker))  # "sure, let's do it" after the offer
        if not state and not text.startswith("/") and (TEST_ASKED.search(text) or accepts):
            # "can i take an interest test"
            return ActionQuiz().handle("start_quiz", dispatcher, tracker)
        if not state and (fragment := focus_fragment(service, tracker)):  # "school?", "where" after an electrician
            send(dispatcher, answers.section_answer(service, *fragment, text))
            return [SlotSet("career", fragment[0]), SlotSet("section", fragment[1])]
        focus = tracker.get_slot("career")
        concerns = concerns_said(text) if not state and focus in service.careers else []
        if concerns and not service.resolver.find_in_text(text) and not last_search(tracker):
            # "im scared of heights tho" after a wind turbine technician: where they work, and whether its page says
            workplace = answers.section_answer(service, str(focus), "workplace", text)
            workplace.preface = replies.concerns_note(service.careers[str(focus)], concerns, fit=False)
            send(dispatcher, workplace)
            return [SlotSet("section", "workplace")]
        searched, avoid = last_search(tracker), avoided(text)
        if not state and searched and searched[0] and avoid and not service.resolver.find_in_text(text):
            # "i dont want anything medical" after a search list: the same search without it
            query = f"{searched[0]}, but I don't want {' or '.join(avoid)}"
            send(dispatcher, answers.explore_reply(service, query))
            return []
        if not state and text and not text.startswith("/"):
            if listed_to_compare(tracker, text) is not None:  # "compare the top two" after a list
                return ActionCompareCareers().answer(dispatcher, tracker, domain)
            if alone := name_alone(service, tracker):  # "optometrists?" after pay: their pay; "drone pilot?"
                send(dispatcher, answers.section_answer(service, *alone, text))
                return [SlotSet("career", alone[0]), SlotSet("section", alone[1])]
            if answers_what_i_do(tracker) or wants_similar(service, tracker):
                # "I'm a cashier" after "What do you do now?"; "jobs like that?"
                return ActionMoves().answer(dispatcher, tracker, domain)
            about = about_focus(service, tracker)
            if about:  # "can I work from home as one?" after a web developer's pay: about that career
                send(dispatcher, answers.section_answer(service, *about, text))
                return [SlotSet("career", about[0]), SlotSet("section", about[1])]
            if (
                tracker.get_slot("ranking")
                and rankings.parse(text).says_something
                and not SURE_MOVES.search(text.lower())  # "what civilian jobs match?" after a list: moves
            ):
                # "and the lowest paid?", "just the ones for people who like helping" after a ranking
                return ActionRankCareers().answer(dispatcher, tracker, domain)
            if asks_to_forget(text):  # "erase whatever you've stored on me", below NLU's confidence
                return ActionProfile().answer(dispatcher, as_intent(tracker, "forget_me"), domain)
            if PROFILE_QUESTION.search(text):  # "what do you know about me by now?", below NLU's confidence
                return ActionProfile().answer(dispatcher, tracker, domain)
            if len(named_careers(service, text)) >= 2 and rankings.comparison_fact(text):
                # "are physical therapists or occupational therapists in higher demand growth-wise"
                return ActionCompareCareers().answer(dispatcher, tracker, domain)
            route = advice_route(service, text)
            if route is not None:  # "what can a paralegal move into", below NLU's confidence
                return route.answer(dispatcher, tracker, domain)
            if FIT.search(text.lower()):  # "am I suited to real estate", below NLU's confidence
                return ActionFit().answer(dispatcher, tracker, domain)
            if len(type_names(text)) >= 2:  # "am I more investigative or more artistic?"
                return ActionExplain().answer(dispatcher, tracker, domain)
            if not service.resolver.find_in_text(text, limit=1):
                group = group_asked(text)
                if group and not asks_for_ranking(text):  # "careers for people like me as an immigrant"
                    send(dispatcher, replies.group_reply(group))
                    return []
                if asks_for_ranking(text):  # "what pays well if I don't have a degree", below NLU's confidence
                    return ActionRankCareers().answer(dispatcher, tracker, domain)
                if FEW_PEOPLE.search(text) and not interests_in(text):
                    # "i want a job where I barely have to talk to people": the search listed receptionists
                    send(dispatcher, replies.few_people_reply())
                    return []
                if FIRST_PERSON.search(text) and interests_in(text):  # "I tinker with motors and fix up engines"
                    return ActionInterests().answer(dispatcher, tracker, domain)
        pointed = answer_pointed(dispatcher, tracker, text)  # "what about the third?", below NLU's confidence
        if pointed is not None:
            return pointed
        if not text:
            dispatcher.utter_message(response="utter_default")
            return []
        becoming = service.resolver.find_in_text(text, limit=1) if WANT_TO_BECOME.search(text.lower()) else []
        if becoming:  # "i want to be a youtuber" (a name NLU does not know): how to become one
            send(dispatcher, answers.section_answer(service, becoming[0], "education", text))
            return [SlotSet("career", becoming[0]), SlotSet("section", "education")]
        reply = answers.fallback_reply(service, text, SEARCH_ANSWER_MIN)
        if reply is None:
            dispatcher.utter_message(response="utter_default")
            return []
        send(dispatcher, reply)
        career = reply.metadata.get("career")
        return [SlotSet("career", career)] if career else []
