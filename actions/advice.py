"""Advice: rankings, fit, interests in words, moves, paths, explanations and the profile (docs/advice.md).

Thin adapters from the tracker to bot.dialogue.advice. What the assistant knows about the person lives in slots
only: `profile`, `ranking`, `pending_fit` and the career test's `quiz`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import (
    FOLLOW_UP_CUE,
    NAME_ALONE,
    SAME_QUESTION,
    SHOWN,
    WHICH_OF_TWO,
    SafeAction,
    about_focus,
    action_named,
    answer_pointed,
    career_mentions,
    careers_asked_about,
    focus_fragment,
    from_last_list,
    last_listing,
    last_search,
    listed_to_compare,
    own_job_named,
    resolve_mentions,
    send,
    shown_list,
)
from actions.profile import (  # noqa: F401
    education_told,
    encoder,
    fit_after_test,
    interests_told,
    remember_interests,
)
from actions.quiz import ActionQuiz, as_intent
from bot.dialogue import quiz
from bot.dialogue.advice import experience, figures, interests, moves, rankings, replies
from bot.dialogue.advice.cues import (
    ANSWER_TAKEN_BACK,
    CAREERS_ASKED,
    CHANGE,
    CONSIDERING,
    FEW_PEOPLE,
    FIT,
    FOR_ME,
    HOW_TO_START,
    SIMILAR,
    SOMEONE_ELSE,
    TO_THAT,
    advice_kind,
    asks_to_forget,
    experience_asked,
    refers_to_list,
    says_body_limits_work,
    type_names,
    wants_a_better_paid_move,
)
from bot.dialogue.advice.explain import code_in, explain_code, explain_match
from bot.dialogue.advice.fit import fit, ranked_matches
from bot.dialogue.advice.groups import group_asked, group_line, group_note, group_preface
from bot.dialogue.advice.person import Person, education_zone, finished_test, person_from_slots, profile_of
from bot.dialogue.advice.roles import activity_phrase, field_names, from_phrase, roles
from bot.dialogue.answers import Reply, compare_reply, explore_reply, not_found_reply, payload, section_answer
from bot.dialogue.explore_words import avoided
from bot.dialogue.help_topics import PART_TIME
from bot.dialogue.quiz_replies import current_question, running
from bot.dialogue.section_guess import section_by_words
from bot.dialogue.service import Service, get_service
from bot.dialogue.training_time import asks_training_time, how_long_line

# words that open a follow-up on the list just shown: "something that pays at least 50k" after a list of moves
REFINE_START = re.compile(
    r"^\s*(and|what about|how about|only|just|now|but|ok|okay|then|same|those|of those|something|anything|"
    r"(the |any )?ones?|preferably|ideally|must|has to|have to|needs? to|with|without|actually|make it|change it|"
    r"instead|rather)\b",
    re.I,
)
ABOUT_ME = re.compile(r"\b(am i|i'?m|my|me)\b", re.I)
BY_VALUES = set(rankings.DEFAULT_ORDER)
MOVES_LIST = "moves"  # the `ranking` slot's "by" after a list of moves (refined like a ranking)


def _intent(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def _entity(tracker: Tracker, name: str) -> Any:
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") == name:
            return entity.get("value")
    return None


def _person(tracker: Tracker):
    return person_from_slots(tracker.get_slot("quiz"), tracker.get_slot("profile"))


def interests_in(text: str) -> bool:
    """Whether the words state interests ("I love animals and being outside"): the interests action answers them."""
    return bool(interests.infer(text, encoder()).expressed)


JOB_WORDS = re.compile(r"\b(jobs?|careers?|occupations?|professions?|roles?)\b", re.I)
# Education told together with a request for work: "I only have a GED, what jobs can I get?"
WANTS_WORK = re.compile(
    rf"{JOB_WORDS.pattern}|\b(want|like|wish|hope|looking) (to )?(work|a job)\b|\bwhat (can|could) i (do|be|get)\b",
    re.I,
)
THAN = re.compile(r"\bthan\b", re.I)
WHY = re.compile(r"\b(why|how come|what makes|explain)\b", re.I)


WHICH_OF_THE_LIST = (
    'Which two of the list should I compare? For example: "compare the first and third" or "compare the top two".'
)


def send_comparison(dispatcher: CollectingDispatcher, tracker: Tracker, ids: list[str]) -> list:
    """Two to four careers side by side, with how each matches the person when their interests are known or the
    words weigh them "for me" ("which is better for me, nursing or accounting?")."""
    service, text = get_service(), _text(tracker)
    reply = compare_reply(service, *ids)
    person = _person(tracker)
    if FOR_ME.search(text) or person.test_scores is not None or person.stated is not None:
        mine = replies.fits_compared(service.careers, [fit(service.careers, c, person) for c in ids])
        card, sources = reply.text.rsplit("\n(Sources:", 1)  # the person's line before the sources, not in small print
        text = f"{card}\n{mine.text}\n(Sources:{sources}"
        reply = Reply(text, reply.buttons + mine.buttons, {**reply.metadata, **mine.metadata})
    send(dispatcher, reply)
    return [SlotSet("career", ids[0]), SlotSet("ranking", shown_list(ids))]  # "which one pays more?"


class ActionRankCareers(SafeAction):
    """ask_ranking, refine_ranking and show_more: careers ranked by a fact, with filters; the query in `ranking`."""

    def name(self) -> str:
        return "action_rank_careers"

    def resumes(self, tracker: Tracker) -> bool:
        return not self._answers_the_test(tracker)

    @staticmethod
    def _answers_the_test(tracker: Tracker) -> bool:
        """Mid-test, words that ask for no ranking at all ("only if I had to", which NLU may read as one) are an
        answer to the test's item: read, or asked again."""
        text = _text(tracker)
        if _intent(tracker) == "show_more" or text.startswith("/") or not running(tracker.get_slot("quiz")):
            return False
        req = rankings.parse(text)
        if req.by is not None or req.filters or req.unsupported or _entity(tracker, "ranking_by") is not None:
            return False
        return quiz.map_answer(text) is not None or not JOB_WORDS.search(text)  # "what are the best jobs?": a list

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        if self._answers_the_test(tracker):
            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        if experience_asked(_text(tracker)) is not None:  # "do any of these fit my background in retail?"
            return ActionExperience().answer(dispatcher, tracker, domain)
        if _intent(tracker) == "show_more" and len(type_names(_text(tracker))) >= 2:
            return ActionExplain().answer(dispatcher, tracker, domain)  # "so am I more investigative or more artistic?"
        from_list = listed_to_compare(tracker, _text(tracker))
        if from_list is not None:  # "compare the first two" after a list (NLU: refine_ranking)
            if len(from_list) >= 2:
                return send_comparison(dispatcher, tracker, from_list)
            dispatcher.utter_message(text=WHICH_OF_THE_LIST)
            return []
        if answers_what_i_do(tracker) or wants_similar(get_service(), tracker):
            # "I'm a cashier" after "What do you do now?", or "what jobs are similar to that?", read as a ranking
            return ActionMoves().answer(dispatcher, tracker, domain)
        careers = get_service().careers
        intent, text = _intent(tracker), _text(tracker)
        fragment = focus_fragment(get_service(), tracker) if intent != "show_more" else None
        if fragment:  # "outlook" after an electrician's overview: its outlook, not a national ranking
            send(dispatcher, section_answer(get_service(), *fragment, text))
            return [SlotSet("career", fragment[0]), SlotSet("section", fragment[1])]
        asked = rankings.parse(text)
        own = own_job_named(get_service(), text)
        several = [c for c in named_careers(get_service(), text) if c != own]
        if len(several) < 2 and asked.by:
            several = careers_asked_about(tracker, text)  # "which of those four pays the most?" after four answers
            if _shown_slot(tracker.get_slot("ranking")) and not WHICH_OF_TWO.search(text):
                several = []  # "which of those three ..." after a list: the list's
            if len(several) == 2:  # "which of the two pays more?" after two answers
                send(dispatcher, replies.two_careers_by_fact(careers, several[0], several[1], asked.by, text))
                return [SlotSet("ranking", shown_list(several))]
        if len(several) >= 3 and asked.by:  # "torn between nursing, teaching and social work. which pays the most?"
            by_only = rankings.Request(by=asked.by, order=asked.order)  # their names set no filter ("teacher")
            return rank_listed(dispatcher, several, by_only, None, None)
        if intent != "show_more" and asked.by is None and not asked.filters:
            pointed = answer_pointed(dispatcher, tracker, text)  # "tell me about the second one", read as a refinement
            if pointed is not None:
                return pointed
        previous = rankings.Query.from_slot(tracker.get_slot("ranking"))
        if intent != "show_more" and previous is None and not text.startswith("/"):
            about = _one_career_asked(text)
            last = tracker.get_slot("section")
            if about and about[1] == "overview" and last and (SAME_QUESTION.match(text) or NAME_ALONE.match(text)):
                about = (about[0], last)  # "and veterinarians?" after a dentist's pay (read as a refinement)
            if about is not None:  # "can I be a data analyst without a degree?": about that career, not a list
                send(dispatcher, section_answer(get_service(), *about, text))
                return [SlotSet("career", about[0]), SlotSet("section", about[1])]
        person = _person(tracker)
        scores, basis = person.scores()
        last_moves = _moves_slot(tracker.get_slot("ranking"))
        shown = _shown_slot(tracker.get_slot("ranking"))
        compared = rankings.comparison_fact(text) if not text.startswith("/") else None
        if shown and len(shown["careers"]) == 2 and compared and intent == "show_more":
            # "which one makes more?" right after comparing two careers, read as "show me more"
            first, second = shown["careers"]
            send(dispatcher, replies.two_careers_by_fact(careers, first, second, compared, text))
            return []
        if intent == "show_more" and last_moves:
            filters = dict(last_moves.get("filters") or {})
            offset = int(last_moves.get("offset") or 0) + rankings.PAGE
            return show_moves(dispatcher, last_moves["from"], filters, offset, similar=bool(last_moves.get("similar")))
        if intent == "show_more" and shown and scores is not None:
            # after a test result or the careers that fit stated interests: the next best matches
            zone = person.max_zone
            query = rankings.Query("match", "desc", {"max_job_zone": zone} if zone else {})
            ranked = rankings.after_listed(rankings.rank(careers, query, scores), shown["careers"])
            send(dispatcher, replies.ranking_reply(careers, ranked, len(shown["careers"]), basis))
            return [SlotSet("ranking", {**query.slot(), "offset": len(shown["careers"])})]
        if intent == "show_more" and previous is None and wants_similar(get_service(), tracker):
            return ActionMoves().answer(dispatcher, tracker, domain)  # "bet. what else is similar" after a career
        if intent == "show_more":
            if previous is None:
                send(dispatcher, replies.no_ranking_yet_reply())
                return []
            offset = previous.offset + rankings.PAGE
            ranked = rankings.rank(careers, previous, scores if previous.by == "match" else None)
            send(dispatcher, replies.ranking_reply(careers, ranked, offset, basis))
            return [SlotSet("ranking", {**previous.slot(), "offset": offset})]
        if FEW_PEOPLE.search(text):  # "best paying jobs for introverts": no fact measures it, so no list
            send(dispatcher, replies.few_people_reply())
            return []
        req = rankings.parse(text) if not text.startswith("/") else rankings.Request()
        by = _entity(tracker, "ranking_by")
        if by in BY_VALUES:
            req.by = str(by)
        if req.unsupported:
            about = about_focus(get_service(), tracker)
            if about:  # "can I work from home as one?" after a web developer's pay: about that career
                send(dispatcher, section_answer(get_service(), *about, text))
                return [SlotSet("career", about[0]), SlotSet("section", about[1])]
            send(dispatcher, replies.unsupported_reply(req.unsupported))
            return []
        group = group_asked(text)
        if group and req.by is None:  # "best jobs for women": no list chosen by who someone is
            send(dispatcher, replies.group_reply(group))
            return []
        follows_up = intent == "refine_ranking" or refers_to_list(text) or bool(REFINE_START.search(text))
        if last_moves and follows_up:
            return self._refine_moves(dispatcher, last_moves, req, scores, basis)
        fact = compared or (req.by if req.by != "match" else None)
        # "which pays more?", "which needs less school?" after a comparison: those careers (a comparative names no list)
        follows_up = follows_up or bool(shown and compared and not JOB_WORDS.search(text))
        if shown and follows_up and len(shown["careers"]) == 2 and fact:
            # "which one pays more?" after comparing two careers
            a, b = shown["careers"]
            send(dispatcher, replies.two_careers_by_fact(careers, a, b, fact, text))
            return []
        if shown and follows_up and req.filters and not req.by and scores is not None and not refers_to_list(text):
            # "what about without college?" after the careers that fit stated interests: every career that fits them
            # and the condition (among the eight listed, four were left)
            query = rankings.Query("match", "desc", dict(req.filters))
            send(dispatcher, replies.ranking_reply(careers, rankings.rank(careers, query, scores), 0, basis))
            return [SlotSet("ranking", query.slot())]
        if shown and follows_up and (req.by or req.filters):
            # "which of those pay the most?" after a test result or the careers that fit stated interests
            return rank_listed(dispatcher, shown["careers"], req, scores, basis)
        searched = last_search(tracker)
        no_degree = req.filters.get("max_job_zone") == 2 or "levels" in req.filters
        if searched and searched[0] and follows_up and not req.by and no_degree and not refers_to_list(text):
            # "what about without college?" after a search of the pages: the same search, kept to careers without a
            # degree (it ranked all 880 careers by pay)
            send(dispatcher, explore_reply(get_service(), f"{searched[0]}, without a degree"))
            return []
        if req.by is None and not req.filters and previous is None and not shown and BEST_ASKED.search(text):
            if scores is None:
                send(dispatcher, replies.no_best_reply())  # "what is the best career?" listed physicians by pay
                return []
            req.by = "match"  # with interests known: the careers that fit them best
        kind_only = req.by is None and bool(req.filters) and set(req.filters) <= {"interest", "cluster"}
        if kind_only and previous is None and not last_moves and not shown and not text.startswith("/"):
            # "is there anything creative with animals" (NLU: a refinement, with no list to refine) ranked all
            # artistic careers by pay: a search for that kind of work
            send(dispatcher, explore_reply(get_service(), text))
            return []
        refining = intent == "refine_ranking" or (
            previous is not None and (refers_to_list(text) or (req.by is None and bool(REFINE_START.search(text))))
        )
        query = rankings.refine(previous, req) if refining else rankings.new_query(req)
        if query.by == "match" and scores is None:
            if interests_in(text):  # "I love animals, what careers fit me?": told here
                return ActionInterests().answer(dispatcher, tracker, domain)
            send(dispatcher, replies.match_needs_interests_reply())
            return []
        ranked = rankings.rank(careers, query, scores if query.by == "match" else None)
        reply = replies.ranking_reply(careers, ranked, 0, basis)
        if group:  # "highest paying jobs for women": the list for all workers, said so
            reply.preface = group_note(group)
        send(dispatcher, reply)
        return [SlotSet("ranking", query.slot())]

    @staticmethod
    def _refine_moves(
        dispatcher: CollectingDispatcher,
        last: dict[str, Any],
        req: rankings.Request,
        scores: dict[str, float] | None,
        basis: str | None,
    ) -> list:
        """After a list of moves: "what about without a degree?" filters the moves; "which of those pay the most?"
        ranks the ones shown."""
        filters = dict(last.get("filters") or {})
        if req.by is None:
            merged = rankings.refine(rankings.Query(rankings.DEFAULT_BY, "desc", filters), req).filters
            return show_moves(dispatcher, last["from"], merged, similar=bool(last.get("similar")))
        return rank_listed(dispatcher, list(last["careers"]), req, scores, basis)


# "what is the best career", "best jobs?": a best with no fact named
BEST_ASKED = re.compile(
    r"^\W*(what('?s| is| are)|which( is| are)?|tell me|give me|show me)?\s*(the )?(very )?(best|greatest|top|ideal|"
    r"perfect) (careers?|jobs?|professions?|occupations?|work)( (to have|to do|out there|in the world|ever|"
    r"there is|for me))?\W*$",
    re.I,
)


PART_TIME_NOTE = (
    "No figure I have says how many people in a career work part time, so these are the moves your skills fit; "
    '"Where they work" in each says what the hours are like.'
)


def unfinished_answers(tracker: Tracker) -> int:
    """How many answers a career test not finished yet holds (0 with none, or a finished one)."""
    state = tracker.get_slot("quiz")
    if not isinstance(state, dict) or state.get("done") or not isinstance(state.get("answers"), dict):
        return 0
    return len(state["answers"])


def _shown_slot(slot: object) -> dict[str, Any] | None:
    """The `ranking` slot after a list that is no ranking (actions.base.shown_list)."""
    if isinstance(slot, dict) and slot.get("by") == SHOWN and isinstance(slot.get("careers"), list):
        return slot
    return None


def rank_listed(
    dispatcher: CollectingDispatcher,
    listed: list[str],
    req: rankings.Request,
    scores: dict[str, float] | None,
    basis: str | None,
) -> list:
    """The careers just listed, ranked by the fact asked (by match with the person when none is) and filtered."""
    careers = get_service().careers
    by = req.by or ("match" if scores is not None else rankings.DEFAULT_BY)
    if by == "match" and scores is None:
        send(dispatcher, replies.match_needs_interests_reply())
        return []
    query = rankings.Query(by, req.order or rankings.default_order(by), {**req.filters, "careers": list(listed)})
    send(dispatcher, replies.ranking_reply(careers, rankings.rank(careers, query, scores), 0, basis))
    return [SlotSet("ranking", query.slot())]


def _one_career_asked(text: str) -> tuple[str, str] | None:
    """(career, section) when a message read as a ranking names one career and no list of jobs: a question about
    that career, answered from the section its words ask for (bot/dialogue/section_guess.py)."""
    from bot.dialogue.section_guess import guess_section

    service = get_service()
    if JOB_WORDS.search(text) or refers_to_list(text) or THAN.search(text):  # "what pays more than a nurse?"
        return None
    spans = service.resolver.find_spans(text, limit=3)
    if len({cid for _, _, cid in spans}) != 1:
        return None
    career = spans[0][2]
    section = guess_section(text, spans, service.index.model)
    return career, section if service.careers[career].sections.get(section) else "overview"


FIT_FOR = re.compile(
    r"\b(?:suited to|suited for|suitable for|a good fit for|good fit for|right for|cut out for|a fit for|made for)\s+"
    r"(?:a |an |the |being an? |working in |a career in )?([a-z][a-z -]{2,40}?)\s*[?.!]*$"
)


def _fit_career(service: Service, tracker: Tracker, intent: str) -> tuple[str | None, Reply | None]:
    ids, problem = resolve_mentions(service, tracker, want=1, intent=intent)
    if problem:
        return None, problem
    own = own_job_named(service, _text(tracker))
    if ids and ids[0] == own:  # "I'm an accountant. Would I be a good fit as a financial analyst?": the analyst
        other = [c for c in named_careers(service, _text(tracker)) if c != own]
        ids = other[:1] or ids
    if ids:
        return ids[0], None
    named = named_careers(service, _text(tracker))
    if len(named) == 1:  # "would teaching high school suit me?"
        return named[0], None
    fields = [cid for cid in (service.resolver.lookup(n) for n in field_names(_text(tracker))) if cid]
    if fields:  # "is ux design a good fit for me?": UX Designer
        return fields[0], None
    fit_for = FIT_FOR.search(_text(tracker).lower())
    # "am I suited to real estate" with no career tagged: the words after it, asked about if need be; "a good fit for a
    # woman?" names a group, no career called "woman"
    if fit_for and not group_asked(_text(tracker)):
        res = service.resolver.resolve(fit_for.group(1).strip())
        if res.found:
            return res.career, None
        if res.suggestions:
            return None, not_found_reply(service, fit_for.group(1).strip(), res, intent)
    focus = tracker.get_slot("career")
    return (focus if focus in service.careers else None), None


def with_group_line(reply: Reply, text: str, career: str) -> Reply:
    """An answer about one career asked with a group ("is nursing a good job for a man?", "is it too late to become
    a doctor at 40?"), with a line before it saying the career is open to anyone (bot/dialogue/advice/groups.py)."""
    group = group_asked(text)
    if group:
        line = group_preface(group, get_service().careers[career].title)
        reply.preface = f"{line}\n{reply.preface}" if reply.preface else line
    return reply


# Interests said with a fit question: "I'm creative, I love writing and talking to people. would I make a good lawyer?"
# was answered "I don't know what you enjoy yet".
LIKES_SAID = re.compile(
    r"\b(i|i'm|im|i am)\b[^.?!]*\b(like|love|enjoy|hate|dislike|into|creative|social|outgoing|good with|"
    r"can'?t stand|passionate)\b",
    re.I,
)


def interests_said_with(text: str) -> str:
    """The sentences of a fit question that state interests, without the question itself."""
    parts = re.split(r"(?<=[.?!;])\s+|\?", text)
    return ". ".join(p.strip() for p in parts if LIKES_SAID.search(p) and not FIT.search(p.lower()))


MOTION_SICK = re.compile(r"\b(motion|sea|air|car)[- ]?sick(ness)?\b", re.I)


def concerns_said(text: str) -> list[str]:
    """What the person says they must stay away from, said with a fit question ("scared of heights", "motion sick")."""
    return [*avoided(text), *(["motion sickness"] if MOTION_SICK.search(text) else [])]


class ActionFit(SafeAction):
    """ask_fit: how well one career fits the person (test, stated interests, or an offer of the test)."""

    def name(self) -> str:
        return "action_fit"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        if experience_asked(_text(tracker)) is not None:  # "do any of them suit my background in retail"
            return ActionExperience().answer(dispatcher, tracker, domain)
        if CAREERS_ASKED.search(_text(tracker)):  # "what careers would suit me?": a list, not one career's fit
            return self._careers_that_fit(dispatcher, tracker, domain)
        service = get_service()
        career, problem = _fit_career(service, tracker, "ask_fit")
        family = family_options(service, problem) if problem else []
        if family:  # "would teaching suit someone who is kinda shy": the first teacher, the others as buttons
            career, problem = family[0], None
        if problem:
            send(dispatcher, problem)
            return []
        if career is None:
            dispatcher.utter_message(
                text='Which career do you mean? For example: "would I make a good nurse?" or "is accounting right '
                'for me?"'
            )
            return []
        text = _text(tracker)
        section = "education" if HOW_TO_START.search(text.lower()) else section_by_words(text)
        if section and not FIT.search(text.lower()):
            # "how do I get started as the first one?" read as a fit question: how to get in; "is it seasonal or
            # steady work": where and how they work
            send(dispatcher, section_answer(service, career, section, text))
            return [SlotSet("career", career), SlotSet("section", section)]
        person = _person(tracker)
        events: list = [SlotSet("career", career)]
        if other := SOMEONE_ELSE.search(text):  # "would my son be a good electrician?": not from the asker's answers
            result = fit(service.careers, career, Person())
            send(dispatcher, replies.fit_for_someone_else_reply(service.careers, result, other.group(1).lower()))
            return events
        remembered = remember_interests(tracker, said) if (said := interests_said_with(text)) else None
        if remembered is not None:  # "would I be a good accountant? I'm super social and I hate spreadsheets"
            person = person_from_slots(tracker.get_slot("quiz"), remembered[2])
            events.append(SlotSet("profile", remembered[2]))
        result = fit(service.careers, career, person)
        reply = with_group_line(replies.fit_reply(service.careers, result, person), _text(tracker), career)
        if concerns := concerns_said(text):  # "would I be a good airline pilot? I get motion sick": said, not ignored
            reply.text += "\n" + replies.concerns_note(service.careers[career], concerns)
        if FEW_PEOPLE.search(text):  # "would teaching suit someone who is kinda shy": said back, not a list
            reply.text += "\n" + replies.people_note(service.careers[career])
        if family:
            reply.text = family_lead(service, family) + reply.text
            reply.buttons += [
                {"title": service.careers[o].title, "payload": payload("ask_fit", o)} for o in family[1:3]
            ]
        send(dispatcher, reply)
        if result.basis is None:
            events.append(SlotSet("pending_fit", career))
        return events

    @staticmethod
    def _careers_that_fit(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        """The careers that fit the person best: from interests said here, else from what is known (test or words),
        within the education told; a career named in passing ("I studied accounting and hated it") sets nothing."""
        if interests_in(_text(tracker)):
            return ActionInterests().answer(dispatcher, tracker, domain)
        person = _person(tracker)
        scores, basis = person.scores()
        if scores is None:
            send(dispatcher, replies.match_needs_interests_reply())
            return []
        careers = get_service().careers
        query = rankings.Query("match", "desc", {"max_job_zone": person.max_zone} if person.max_zone else {})
        send(dispatcher, replies.ranking_reply(careers, rankings.rank(careers, query, scores), 0, basis))
        return [SlotSet("ranking", query.slot())]


class ActionInterests(SafeAction):
    """tell_interests: RIASEC interests read from words, the careers that fit, remembered in `profile`. Mid-test,
    "I like that kind of thing" is an answer to the test's item."""

    resumes_quiz = False  # resumed by hand: a test answer already asks the next item

    def name(self) -> str:
        return "action_interests"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        state = running(tracker.get_slot("quiz"))
        if state and quiz.map_answer(_text(tracker)) is not None:
            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        route = advice_route(get_service(), _text(tracker)) if not state else None
        if route is not None:  # "I've been a truck driver for 20 years ... what could I do instead?"
            return route.answer(dispatcher, tracker, domain)
        events = interests_told(dispatcher, tracker)
        if state:
            send(dispatcher, current_question(state, "Back to the career test:\n"))
        return events


def family_options(service: Service, problem: Reply) -> list[str]:
    """The careers a name fits when they are one family ("teaching": High School Teacher, Elementary School
    Teacher, ...), the first the likeliest; [] for any other question back. A family can be answered for its first
    career with the others as buttons, where asking first would lose the rest of the question."""
    options = [o for o in problem.metadata.get("suggestions") or [] if o in service.careers]
    family = {figures.head_noun(service.careers[o].title) for o in options}
    return options if problem.metadata.get("ambiguous_career") and len(family) == 1 else []


def family_lead(service: Service, family: list[str], did: str = "answered for") -> str:
    """The line before an answer given for the first career of a family the name fits."""
    first, others = service.careers[family[0]].title, [service.careers[o].title for o in family[1:4]]
    return (
        f"That name covers several careers here ({', '.join(others)} and {first}); I {did} {first}. "
        "Tap another for it.\n"
    )


def _source(service: Service, tracker: Tracker) -> tuple[str | None, list[str], Reply | None]:
    """The career someone moves from: a name in the message, else the profile's current job. A generic name whose
    careers are one family ("teacher") starts from the first of them; the others come back for buttons. Returns
    (id, the family's other careers, or a reply asking which)."""
    ids, problem = resolve_mentions(service, tracker, want=1, intent="ask_moves")
    said = from_phrase(_text(tracker))
    if problem is not None and said:  # NLU tagged "teach" in "I teach high school, ...": the phrase names the job
        res = service.resolver.resolve(said)
        if res.found and res.career:
            ids, problem = [res.career], None
    if problem is None and not ids:
        if said:
            res = service.resolver.resolve(said)
            if res.found and res.career:
                ids = [res.career]
            else:
                problem = not_found_reply(service, said, res, "ask_moves")
    if problem is not None:
        family = family_options(service, problem)
        if family:
            return family[0], family[1:], None
        return None, [], problem
    if ids:
        return ids[0], [], None
    job = profile_of(tracker.get_slot("profile")).get("current_job")
    return (job if job in service.careers else None), [], None


def asks_for_similar(tracker: Tracker) -> bool:
    """ "What jobs are similar to that?", "jobs like a pharmacist": careers like one, named or in focus (two named
    careers are a comparison)."""
    text = _text(tracker)
    return not text.startswith("/") and bool(SIMILAR.search(text.lower())) and len(career_mentions(tracker)) <= 1


def wants_similar(service: Service, tracker: Tracker) -> bool:
    """Careers like one asked for, whatever NLU read ("what jobs are similar to that?" read as a ranking, "jobs like
    that?" as a search): a career named, or the one in focus pointed to."""
    if not asks_for_similar(tracker):
        return False
    text = _text(tracker)
    named = named_careers(service, text)
    # "what jobs are similar to that?", or "bet. what else is similar" with no career named (it said there was no
    # list to continue)
    focus = tracker.get_slot("career") in service.careers and (bool(FOLLOW_UP_CUE.search(text)) or not named)
    return focus or bool(named)


class ActionMoves(SafeAction):
    """ask_moves: careers to move to from a current one (O*NET skills and knowledge, interests, relations)."""

    def name(self) -> str:
        return "action_moves"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        if experience_asked(_text(tracker)) is not None:  # "which of these fit my experience as a cashier"
            return ActionExperience().answer(dispatcher, tracker, domain)
        service = get_service()
        careers = service.careers
        similar = asks_for_similar(tracker)
        focus = tracker.get_slot("career")
        source: str | None
        others: list[str]
        problem: Reply | None
        if similar and focus in careers and not named_careers(service, _text(tracker)):
            source, others, problem = str(focus), [], None  # "what jobs are similar to that?"
        else:
            source, others, problem = _source(service, tracker)
        if problem:
            send(dispatcher, problem)
            return []
        besides = _words_besides_careers(tracker)
        text = WHERE_NOW.sub(" ", BACKGROUND.sub(" ", besides))  # "my nursing background", "at a plant": no field
        req = rankings.parse(text) if not text.startswith("/") else rankings.Request()
        filters = dict(req.filters)
        zone = education_zone(text) if not text.startswith("/") else None
        if zone in (2, 3) and not set(filters) & set(rankings.EDUCATION_KEYS):
            filters["max_job_zone"] = zone  # "I don't want to go back to school for 4 years": no bachelor's
        pending = _awaiting_job(tracker.get_slot("ranking"))
        if pending:
            filters = {**dict(pending.get("filters") or {}), **filters}  # "I want to change careers, no degree"
        if source is None:
            dispatcher.utter_message(
                text='What do you do now? Tell me, for example: "I\'m a teacher, what else could I do?"'
            )
            return [SlotSet("ranking", {"by": MOVES_LIST, "from": None, "filters": filters})]
        lead = family_lead(service, [source, *others], "started from") if others else ""
        if says_body_limits_work(_text(tracker)):
            lead += replies.BODY_LIMIT_NOTE + "\n"
        if (group := group_asked(_text(tracker))) and group.kind == "age":  # "is it too late to change careers?"
            lead += group_line(group) + "\n"
        if PART_TIME.search(_text(tracker)):  # "what part-time work could use my skills?": the moves, and what we lack
            lead += PART_TIME_NOTE + "\n"
        if avoid := avoided(besides):
            filters["avoid"] = avoid  # "what else can I do that isn't direct patient care"
        pay = figures.annual_salary(careers[source])
        better, unmeasured = wants_a_better_paid_move(_text(tracker))  # "tired of the low pay", "more stable"
        if better and pay and "min_salary" not in filters:  # a reason to leave ("the low pay"): a raise worth it
            filters["min_salary"] = round(pay * BETTER_PAID, -2)
            if unmeasured:
                lead += replies.unmeasured_gains_note(careers[source].title, pay, BETTER_PAID) + "\n"
        elif req.by == "salary" and req.order != "asc" and pay and "min_salary" not in filters:
            filters["min_salary"] = pay  # "what else could I do that pays more?"
        events = show_moves(dispatcher, source, filters, lead=lead, others=others, similar=similar)
        if similar:  # careers like it: the person need not do it
            return [*events, SlotSet("career", source)]
        profile = profile_of(tracker.get_slot("profile"))
        profile["current_job"] = source
        return [*events, SlotSet("profile", profile)]


BACKGROUND = re.compile(
    r"\b(with|from|given|using|in) (my|a|an|our|his|her) ([\w-]+ ){1,3}(background|experience|degree|training|"
    r"skills)\b",
    re.I,
)
# "any other trades i could jump to" (NLU: a path, no career named): the moves
JUMP_TO_OTHER = re.compile(
    r"\b(other|else|different|another)\b[^?.!]{0,30}\b(jump|switch|move|go|get|transition|change)\w*\s+(to|into|over)\b",
    re.I,
)
# Where someone works now ("22 years as a production supervisor at a plant") is no field they want to move to.
WHERE_NOW = re.compile(
    r"\b(at|in) (a|an|the|my|our) ([\w-]+ )?(plant|factory|mill|store|shop|warehouse|company|firm|hospital|office|"
    r"site|restaurant|hotel|bank|call center|big box store)\b",
    re.I,
)
BETTER_PAID = 1.1  # "tired of the low pay": moves paying at least a tenth more than the job's median

MY_JOB = re.compile(r"^\W*(i'?m|i am|im|i work as|i'?ve been|currently|my job is|i'?m working as)\b", re.I)


def answers_what_i_do(tracker: Tracker) -> bool:
    """ "I'm a warehouse worker" right after "What do you do now?" (the moves asked for without a job): the job to
    move from, whatever section NLU read."""
    waiting = _awaiting_job(tracker.get_slot("ranking")) is not None
    return waiting and bool(MY_JOB.search(_text(tracker))) and "?" not in _text(tracker)


def _awaiting_job(slot: object) -> dict[str, Any] | None:
    """The `ranking` slot after "What do you do now?": moves asked for with no job known, {"by": "moves", "from":
    None, "filters"}."""
    if isinstance(slot, dict) and slot.get("by") == MOVES_LIST and slot.get("from") is None:
        return slot
    return None


def _moves_slot(slot: object) -> dict[str, Any] | None:
    """The `ranking` slot after a list of moves: {"by": "moves", "from", "filters", "careers", "offset"}."""
    if isinstance(slot, dict) and slot.get("by") == MOVES_LIST and isinstance(slot.get("from"), str):
        return slot
    return None


def _words_besides_careers(tracker: Tracker) -> str:
    """The message with the careers it names blanked out: "I'm a software developer" asks for no IT filter."""
    text = _text(tracker)
    for e in tracker.latest_message.get("entities", []):
        if e.get("entity") != "career":
            continue
        start, end = e.get("start"), e.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):  # no offsets: where its words are
            found = text.lower().find(str(e.get("value") or "").lower()) if e.get("value") else -1
            start, end = (found, found + len(str(e["value"]))) if found >= 0 else (0, 0)
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def show_moves(
    dispatcher: CollectingDispatcher,
    source: str,
    filters: dict[str, Any],
    offset: int = 0,
    lead: str = "",
    others: list[str] | tuple[str, ...] = (),
    similar: bool = False,
) -> list:
    """One page of the moves from `source` among the careers that pass `filters` ("without a degree"); `similar`:
    asked as careers like it."""
    careers = get_service().careers
    model = moves.skill_model(careers)
    allowed = {cid for cid, c in careers.items() if rankings.passes(c, filters) is True} if filters else None
    found = moves.moves(model, source, None, allowed=allowed)
    reply = replies.moves_reply(careers, model, source, found, lead, filters, offset, similar)
    reply.buttons += [
        {"title": f"From {careers[o].title}", "payload": replies.payload("ask_moves", o)} for o in others[:2]
    ]
    send(dispatcher, reply)
    shown = [m.career for m in found[offset : offset + rankings.PAGE]]
    slot = {"by": MOVES_LIST, "from": source, "filters": dict(filters), "careers": shown, "offset": offset}
    if similar:
        slot["similar"] = True
    return [SlotSet("ranking", slot)]


class ActionExperience(SafeAction):
    """One's experience weighed against the list just shown ("do any of these match my navy logistics
    experience?", read by NLU as anything from a refinement to a skills question): the list, closest to it first;
    with no list, the moves from that experience. Called by the actions such words reach, not by Rasa's policies."""

    def name(self) -> str:
        return "action_experience"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        said = experience_asked(_text(tracker)) or ""
        job = profile_of(tracker.get_slot("profile")).get("current_job")
        if said:
            found = experience.read_experience(service.resolver, said, set(service.careers))
        elif job in service.careers:  # "which of these use my skills?" from someone who told their job
            found = experience.Experience(service.careers[job].title.lower(), [job], False)
        else:
            found = experience.Experience("", [], False)
        if not found.sources:
            send(dispatcher, replies.experience_unplaced_reply(said))
            return []
        shown = _shown_slot(tracker.get_slot("ranking"))  # all a list showed (interests: the topical ones too)
        listing = last_listing(tracker)
        every = shown["careers"] if shown else listing.careers if listing else ()
        listed = [c for c in every if c in service.careers]
        if not listed:  # "what jobs fit my experience in retail?" with no list shown: the moves from it
            return show_moves(dispatcher, found.sources[0], {}, others=found.sources[1:])
        ranked = experience.closest(moves.skill_model(service.careers), found.sources, listed)
        send(dispatcher, replies.experience_reply(service.careers, found, ranked, len(listed)))
        return [SlotSet("ranking", shown_list([c.career for c in ranked]))]


class ActionPath(SafeAction):
    """ask_path: from one career to another: skills to build, skills brought, education step, stepping stones."""

    def name(self) -> str:
        return "action_path"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        text = _text(tracker)
        profile = profile_of(tracker.get_slot("profile"))
        source: str | None
        target: str | None
        if text.startswith("/"):  # a button: {"career": [from, to]}
            ids, problem = resolve_mentions(service, tracker, want=2, intent="ask_path")
            source, target = (ids + [None, None])[:2] if not problem else (None, None)
        else:
            spans = service.resolver.find_spans(text, limit=3)
            problem = None
            if len(spans) < 2:
                # names the text search missed (a generic or misspelt one): NLU's entities, resolved
                ids, problem = resolve_mentions(service, tracker, want=2, intent="ask_path")
                known = {cid for _, _, cid in spans}
                for cid in ids:
                    if cid not in known:
                        where = text.lower().find(service.careers[cid].title.lower())
                        spans.append((where if where >= 0 else len(text), len(text), cid))
                spans.sort()
            source, target = roles(text, spans)
        if problem and not (source and target):
            if advice_kind(text, len(named_careers(service, text))) == "moves":
                # "I'm a police officer thinking of leaving the force, what are my options?": NLU's "force" is no
                # career to go to
                return ActionMoves().answer(dispatcher, tracker, domain)
            send(dispatcher, problem)
            return []
        focus = tracker.get_slot("career")
        pointed = from_last_list(tracker, text) if target is None and not text.startswith("/") else []
        if pointed and pointed[0] != source:  # "show me a path from cashier to the first one" after a result
            source, target = (source or profile.get("current_job")), pointed[0]
        if target is None and focus in service.careers and focus != source and TO_THAT.search(text.lower()):
            # "what would the move from RN to that look like" after a health services manager's pay
            source, target = (source or profile.get("current_job")), str(focus)
        if target is None and source is not None and profile.get("current_job") not in (None, source):
            source, target = profile["current_job"], source
        if source is None and target is not None:
            job = profile.get("current_job")
            source = job if job in service.careers and job != target else None
        if source is not None and target is None:
            # "I'm a cashier" (after "what do you do now?"): where the person is, and no goal: the moves from there
            return ActionMoves().answer(dispatcher, tracker, domain)
        if target is None or source is None or source == target:
            one = target or source
            if one is not None and target is not None:
                # "how can I become a nurse?": how people become one, from its page, and a question for a path
                reply = section_answer(service, one, "education", text)
                reply.text += (
                    "\nTell me what you do now (\"I'm a cashier, how can I become ...\") and I'll compare the skills "
                    "of the two."
                )
                send(dispatcher, with_group_line(reply, text, one))  # "I have a felony, can I become a nurse?"
                return [SlotSet("career", one), SlotSet("section", "education")]
            if one is None and not text.startswith("/") and JUMP_TO_OTHER.search(text):
                # "any other trades i could jump to" got "Which two careers?": the moves from the person's job
                return ActionMoves().answer(dispatcher, tracker, domain)
            send(dispatcher, _path_needs_two())
            return []
        model = moves.skill_model(service.careers)
        reply = replies.path_reply(service.careers, model, moves.path(model, source, target))
        line = how_long_line(service.careers[target]) if asks_training_time(text) else None
        if line:  # "how do I become a nurse practitioner and how long will it take?"
            reply.text += "\n" + line
        send(dispatcher, reply)
        profile["current_job"] = source
        return [SlotSet("profile", profile), SlotSet("career", target)]


def _path_needs_two() -> Reply:
    return Reply(
        'Which two careers? For example: "I\'m a data analyst, how can I become a machine learning engineer?"',
        [],
        {"path": None},
    )


class ActionExplain(SafeAction):
    """explain_code, explain_match and my_interests: Holland codes, why a career is on the list, strongest
    interests."""

    def name(self) -> str:
        return "action_explain"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        service = get_service()
        careers = service.careers
        intent, text = _intent(tracker), _text(tracker)
        person = _person(tracker)
        scores, basis = (person.test_scores, "test") if person.test_scores else person.scores()
        group = group_asked(text)
        if group and not named_careers(service, text):  # "am I too old to learn coding?" (read as my_interests)
            send(dispatcher, replies.group_reply(group))
            return []
        named = type_names(text)
        if len(named) >= 2 and scores is not None and basis is not None and ABOUT_ME.search(text):
            send(dispatcher, replies.my_interests_reply(scores, basis))  # "am I more investigative or artistic?"
            return []
        if intent == "explain_code" or len(named) >= 2:  # "IRC", or "enterprising vs social"
            code = code_in(text) or ("".join(named) if len(named) >= 2 else None)
            send(dispatcher, replies.code_reply(explain_code(code, person.test_scores)))
            return []
        if intent != "explain_code":
            route = advice_route(service, text)
            if route is not None:  # "could I be a mechanical engineer according to my test?": fit, not my interests
                return route.answer(dispatcher, tracker, domain)
        if intent == "my_interests":
            if scores is None or basis is None:
                send(dispatcher, replies.no_interests_reply("your strongest interests", unfinished_answers(tracker)))
                return []
            send(dispatcher, replies.my_interests_reply(scores, basis))
            return []
        # explain_match
        if FIT.search(text.lower()) and not WHY.search(text):  # "am I suited to real estate": will it fit, not why
            return ActionFit().answer(dispatcher, tracker, domain)
        searched = last_search(tracker)
        if searched is not None:  # "why?", "why is vet tech on there?" after a search of the pages
            asked = from_last_list(tracker, text) or named_careers(service, text)
            if scores is None or not asked or asked[0] in searched[1]:
                send(
                    dispatcher, replies.search_why_reply(careers, searched[0], searched[1], asked[0] if asked else None)
                )
                return []
        if scores is None or basis is None:
            send(
                dispatcher,
                replies.no_interests_reply("why a career would be on your list", unfinished_answers(tracker)),
            )
            return []
        ordinal = from_last_list(tracker, text)
        if ordinal:
            career: str | None = ordinal[0]
        else:
            career, problem = _fit_career(service, tracker, "explain_match")
            if problem:
                send(dispatcher, problem)
                return []
        if career is None:
            dispatcher.utter_message(text='Which career do you mean? For example: "why is actuary on my list?"')
            return []
        # Ranked among the careers the person's list is drawn from: up to the education they chose ("why is the
        # first one on my list?" got "number 9 of 880").
        zone = person.max_zone
        ranked = [(c.id, pct) for c, pct in ranked_matches(scores, careers, zone)]
        beyond = zone is not None and career not in dict(ranked)
        if beyond:  # "why isn't physician on my list?": it needs more education; its place among all careers
            ranked = [(c.id, pct) for c, pct in ranked_matches(scores, careers)]
        state = finished_test(tracker.get_slot("quiz"))
        results = list(state.get("results") or []) if state and basis == "test" else [c for c, _ in ranked[:10]]
        explained = explain_match(career, careers[career].riasec, scores, ranked, results)
        explained = replace(explained, zone=None if beyond else zone, beyond_zone=beyond)
        send(dispatcher, replies.match_reply(careers, explained, scores, basis))
        return [SlotSet("career", career)]


class ActionProfile(SafeAction):
    """tell_education, show_profile and forget_me: the profile kept in the conversation's slots."""

    resumes_quiz = False  # resumed by hand: an education answer mid-test is the test's, "forget me" ends the test

    def name(self) -> str:
        return "action_profile"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        intent, text = _intent(tracker), _text(tracker)
        state = running(tracker.get_slot("quiz"))
        if intent in ("forget_me", "show_profile") and asks_to_forget(text):
            send(dispatcher, replies.forget_reply())
            return [
                SlotSet("profile", None),
                SlotSet("quiz", None),
                SlotSet("ranking", None),
                SlotSet("pending_fit", None),
            ]
        if intent == "forget_me":  # NLU's guess without words that ask it ("I said it wrong"): nothing is wiped
            if state and ANSWER_TAKEN_BACK.search(text):
                return ActionQuiz().handle("quiz_back", dispatcher, tracker)
            fallback = action_named("action_fallback_search")
            answered = fallback.answer(dispatcher, tracker, domain)
            if state and fallback.resumes(tracker):  # as the fallback itself would be followed mid-test
                send(dispatcher, current_question(state, "Back to the career test:\n"))
            return answered
        if intent == "tell_education" and state and state.get("current") == quiz.ZONE_QUESTION:
            return ActionQuiz().handle("quiz_answer", dispatcher, tracker)
        profile = profile_of(tracker.get_slot("profile"))
        events: list = []
        if intent == "tell_education" and FIT.search(text.lower()):
            return ActionFit().answer(dispatcher, tracker, domain)  # "would teaching suit me?": not an education
        if intent == "tell_education" and not state and tracker.get_slot("ranking") and REFINE_START.search(text):
            if rankings.parse(text).filters:  # "without going to college" right after a list: that list, filtered
                return self._refine(dispatcher, tracker, domain)
        if intent == "tell_education" and not state and CHANGE.search(text.lower()) and from_phrase(text):
            # "laid off at 50 after 22 years as a production supervisor. Is it too late to change careers? I don't
            # want to go back to school for 4 years." got "I didn't catch your level of education": the moves
            return ActionMoves().answer(dispatcher, tracker, domain)
        if intent == "tell_education":
            zone = education_zone(text)
            if zone is not None:
                profile["zone"] = zone
                events.append(SlotSet("profile", profile))
            send(dispatcher, replies.education_reply(zone, text))
            if not state and WANTS_WORK.search(text):  # "I want work in hospital, no have university": and the jobs
                return events + action_named("action_explore_careers").answer(dispatcher, tracker, domain)
        else:
            person = person_from_slots(tracker.get_slot("quiz"), profile)
            send(dispatcher, replies.profile_reply(get_service().careers, profile, person, unfinished_answers(tracker)))
        if state:
            send(dispatcher, current_question(state, "Back to the career test:\n"))
        return events

    @staticmethod
    def _refine(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        return ActionRankCareers().answer(dispatcher, as_intent(tracker, "refine_ranking"), domain)


# "I'm a cashier, how do I become an accountant?": where the person starts, in an education question naming two
FROM_WORDS = re.compile(r"\b(i'?m|i am|i work as|from|former|as an?|currently)\b", re.I)


def named_careers(service, text: str, in_text: list[tuple[str, str | None]] | None = None) -> list[str]:
    """The careers a message names, in order, each once (`in_text`: the message's names_in_text, when known); with
    none, a job named by its activity ("would teaching high school suit me?")."""
    in_text = service.resolver.names_in_text(text) if in_text is None else in_text
    named = list(dict.fromkeys(cid for _, cid in in_text if cid))
    phrase = None if named or text.startswith("/") else activity_phrase(text)
    if phrase:
        res = service.resolver.resolve(phrase)
        if res.found and res.career:
            named = [str(res.career)]
    return named


def advice_route(service, text: str, from_words: bool = False, named: list[str] | None = None) -> SafeAction | None:
    """The advice action a message's words ask for (bot/dialogue/advice/cues.py), whatever NLU read: a path between
    two named careers ("how can a bank teller become an analyst?"), fit with one, moves from one. `from_words`: an
    education question naming two careers is a path when one is where the person starts ("I'm a cashier, how do I
    become an accountant?")."""
    if text.startswith("/"):
        return None
    named = named_careers(service, text) if named is None else named
    kind = advice_kind(text, len(named))
    # "I've been a retail manager for 12 years ... I keep thinking about HR": from the one to the other
    if kind is None and len(named) >= 2 and CONSIDERING.search(text) and own_job_named(service, text) in named:
        kind = "path"
    if kind is None and from_words and len(named) >= 2 and FROM_WORDS.search(text):
        spans = service.resolver.find_spans(text, limit=3)
        source, target = roles(text, spans) if len(spans) >= 2 else (None, None)
        kind = "path" if source and target and source != target else None
    actions: dict[str, type[SafeAction]] = {
        "path": ActionPath,
        "fit": ActionFit,
        "moves": ActionMoves,
        "experience": ActionExperience,
    }
    return actions[kind]() if kind else None
