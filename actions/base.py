"""What every custom action shares: the failure-safe base class, sending a reply, and reading career names
from the tracker. Importing it loads nothing: `warm_up` is called by the action server's launcher (actions/__main__.py).
"""

from __future__ import annotations

import inspect
import logging
import re
import time
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import answers, quiz, referents
from bot.dialogue.advice import routes
from bot.dialogue.advice.cues import CHANGE, COMPARE_WORDS
from bot.dialogue.answers import Reply
from bot.dialogue.help_topics import HelpTopic, help_topic
from bot.dialogue.language import looks_foreign
from bot.dialogue.quiz_replies import (
    LENGTH_QUESTION,
    PURPOSE_HELP,
    PURPOSE_QUESTION,
    SCALE_HELP,
    asks_about_the_item,
    asks_about_the_scale,
    current_question,
    item_help,
    length_help,
    running,
)
from bot.dialogue.resolve import leftover_name, names_nothing, said_as_no_name, veteran_said
from bot.dialogue.section_guess import bare_section, guess_section, section_by_words
from bot.dialogue.service import KNOWLEDGE_ERRORS, Service, get_service
from bot.dialogue.small_talk import small_talk
from bot.dialogue.training_time import asks_training_time
from bot.logs import log_turn

log = logging.getLogger(__name__)
KNOWLEDGE_DOWN = (
    "Sorry, my career knowledge base is not available right now, so I can't look that up. Please try again later."
)


def warm_up() -> None:
    """Load pages, index, encoder and the O*NET title vectors when the action server starts, so the first answer is
    not slow."""
    try:
        service = get_service()
        service.index.search("warm up", k=1)
        from bot.dialogue.advice.moves import skill_model

        skill_model(service.careers)  # the O*NET ratings of every page, for career moves and paths
        if service.resolver.titles:  # the O*NET title vectors, fitted on first use
            service.resolver.titles.near("warm up")
    except Exception as exc:  # the server still starts; actions then say the knowledge base is not available
        log.error("Knowledge base not available: %s", exc)


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


NO_LIST_TO_POINT_INTO = (
    "I haven't shown a list here yet, so I can't tell which one you mean. Name the career (\"tell me about "
    'welders") or ask for a list ("careers in healthcare").'
)


def resolve_mentions(
    service: Service, tracker: Tracker, want: int, intent: str = "ask_overview"
) -> tuple[list[str], Reply | None]:
    """Career ids meant by this message; or a reply asking about an unknown/ambiguous name (its buttons ask
    `intent` about the careers offered)."""
    mentions = career_mentions(tracker)
    text = tracker.latest_message.get("text") or ""
    focus = tracker.get_slot("career")
    if want == 1 and focus in service.careers and names_a_section(text):
        return [str(focus)], None  # "how much school?" after a career: NLU's "school" is no career
    listed = from_last_list(tracker, text)
    if listed and all(referents.is_pointer(m) for m in mentions):  # "the second one" after a list
        return listed[:want], None
    if (
        referents.pointers(text)
        and all(referents.is_pointer(m) for m in mentions)
        and not service.resolver.find_in_text(text, limit=1)
    ):
        return [], Reply(NO_LIST_TO_POINT_INTO, [], {"ranking": None})  # "the first one" with no list: no guess
    # Names written out in the message come first: NLU sometimes cuts one ("data [science]").
    in_text = service.resolver.names_in_text(text)
    written = [cid for _, cid in in_text if cid]
    ids: list[str] = written[:want]
    for mention in mentions:
        if len(ids) >= want:
            break
        if tracker.get_slot("career") and (POINTS_BACK.match(mention) or said_as_no_name(text, mention)):
            continue  # NLU's "it dangerous" in "is it dangerous?", "check" in "will they check my record?": the focus
        if veteran_said(text, mention):
            continue  # "I'm a vet getting out of the navy": a veteran, no veterinarian
        # A mention inside a longer name that is not one of ours ("architect" in "web architect") stands for it.
        mention = next((p for p, cid in in_text if cid is None and _inside(mention, p)), mention)
        res = service.resolver.resolve(mention)
        if res.how == "generic":  # NLU may cut a name: "lighthouse [keeper]" is not a zookeeper
            longer = with_word_before(text, mention)
            longer_res = service.resolver.resolve(longer) if longer else None
            if longer and longer_res is not None and not longer_res.found:
                mention, res = longer, longer_res
        if not res.found and (after := with_word_after(text, mention)):  # "[ux] design" -> "ux design"
            after_res = service.resolver.resolve(after)
            if after_res.found:
                mention, res = after, after_res
        whole = "" if res.found else leftover_name(text) or ""
        if whole.lower().endswith(" " + mention.lower()):
            mention, res = whole, service.resolver.resolve(whole)  # "cyber [target engineer]": the words said
        if res.found and res.career is not None:
            if res.career not in ids:
                ids.append(res.career)
        elif len(ids) < want:
            # Maybe NLU cut the name badly: look in the whole message before giving up.
            more = [c for c in written[:want] if c not in ids]
            if more:
                ids.extend(more)
                continue
            return [], answers.not_found_reply(service, mention, res, intent)
    if len(ids) < want:
        ids.extend(c for c in written[:want] if c not in ids)
    return ids[:want], None


def _inside(short: str, long: str) -> bool:
    """Whether the words of `short` are a part of the words of `long` (and fewer)."""
    a, b = short.lower().split(), long.lower().split()
    return len(a) < len(b) and any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def with_word_before(text: str, mention: str) -> str | None:
    """The mention with the word written before it, when that word is not a question word or filler
    ("is being a lighthouse keeper ..." -> "lighthouse keeper")."""
    found = re.search(r"([A-Za-z][A-Za-z'-]*)\s+" + re.escape(mention) + r"\b", text, re.I)
    if not found or names_nothing(found.group(1)):
        return None
    return f"{found.group(1)} {mention}"


def with_word_after(text: str, mention: str) -> str | None:
    """The mention with the word written after it, when that word is not a filler ("is [ux] design ..." ->
    "ux design")."""
    found = re.search(r"\b" + re.escape(mention) + r"\s+([A-Za-z][A-Za-z'-]*)", text, re.I)
    if not found or names_nothing(found.group(1)):
        return None
    return f"{mention} {found.group(1)}"


SHOWN = "shown"  # the `ranking` slot's "by" after a list that is no ranking (test result, interests)


def shown_list(careers: list[str]) -> dict[str, Any]:
    """The `ranking` slot after a list of careers that is no ranking, so "which of those pay the most?" ranks it."""
    return {"by": SHOWN, "careers": list(careers)}


def shown_pair(tracker: Tracker) -> list[str] | None:
    """The two careers just compared (the `ranking` slot after a comparison), for "which one pays more?"."""
    slot = tracker.get_slot("ranking")
    if isinstance(slot, dict) and slot.get("by") == SHOWN and len(slot.get("careers") or []) == 2:
        return [str(c) for c in slot["careers"]]
    return None


# "and medical assistants?", "what about paramedics?": the last question again, about another career.
SAME_QUESTION = re.compile(r"^\W*(and|what about|how about|same for|and for|and what about)\b\W*(\w+\W*){1,4}$", re.I)
NAME_ALONE = re.compile(r"^\W*(\w+[\s-]*){1,3}\?\s*$")  # "optometrists?" after "how much do pharmacists make"
POINTS_BACK = re.compile(r"^(it|they|them|that|this|those|he|she|one)\b", re.I)
FOLLOW_UP_CUE = re.compile(r"\b(they|them|their|it|its|that|this|those|one|there|she|he|her|him|his)\b", re.I)
_NEW_LIST = re.compile(
    r"\b(jobs|careers|professions|occupations|roles|options|which one|which of|most|least|best|worst|top|highest|"
    r"lowest)\b",
    re.I,
)


# "What's the outlook?" after "is software developer a good career?" ranked all careers by growth; "need license?"
# after a civil engineer's pay got "I don't have a page called 'license'": a bare section question is a follow-up.
BARE_SECTION = re.compile(
    r"^\W*(and |so |ok |okay |also |but )?((what|how)('s| is| are| about)?|any) (the |their |its )?(outlook|pay|"
    r"salary|salaries|wages?|income|education|training|hours|future|demand|job market|growth|schooling|skills|"
    r"requirements|job prospects|prospects)\W*$|"
    r"^\W*(and |so |also |but )?((do|would|will) (i|you|they|one) )?(need|require|requires) (a |an |any )?(license|"
    r"licence|licensing|degree|certificate|certification|diploma|exam)s?\W*$|"
    r"^\W*(and |so |ok |okay )?how (much|long|many years of) (school|schooling|education|training|college|study)"
    r"( do (i|you) need| is needed| does it take| would it take)?\W*$",
    re.I,
)


# "Is the occupation expected to grow or decline?", "what's the job outlook" after a career ranked all careers
THE_JOB = re.compile(
    r"\bthe (job|occupation|career|profession|role)\b(?!\s+(that|which|with|where|market|for (me|someone)))", re.I
)


def follows_the_focus(tracker: Tracker, text: str) -> bool:
    """Whether a message naming no career asks about the career in focus ("are they in demand?", "what's the pay?",
    "is the occupation expected to grow?")."""
    new_list = bool(_NEW_LIST.search(text))
    # "the job that pays the most": "that" is no pointer beside the words of a list
    cues = [m.group(0).lower() for m in FOLLOW_UP_CUE.finditer(text)]
    cue = any(c not in ("that", "this", "one", "those", "there") for c in cues) if new_list else bool(cues)
    the_job = bool(THE_JOB.search(text)) and not new_list
    return bool(tracker.get_slot("career") and (cue or names_a_section(text) or the_job))


def names_a_section(text: str) -> bool:
    """A question that names a section and no career: "what's the outlook?", "need license?", "school?"."""
    return bool(BARE_SECTION.search(text) or bare_section(text))


def name_alone(service: Service, tracker: Tracker) -> tuple[str, str] | None:
    """(career, section) for a message that is a career's name and nothing else ("drone pilot?", "electrician" after
    "Which career do you mean?"): the section last asked about, else its overview."""
    text = str(tracker.latest_message.get("text") or "")
    named = service.resolver.lookup(text.strip(" ?!.")) if not text.startswith("/") else None
    if named is None and NAME_ALONE.match(text):
        named = next(iter(service.resolver.find_in_text(text, limit=1)), None)
    if named is None:
        return None
    last = tracker.get_slot("section")
    return named, last if last in answers.SECTION_IDS else "overview"


def focus_fragment(service: Service, tracker: Tracker) -> tuple[str, str] | None:
    """(career, section) for a fragment that names a section alone ("school?", "where", "outlook"), or a question in
    a section's unmistakable words and no career's name, while a career is in focus and the assistant's last message
    was about it, not a list ("outlook" after a list ranks it)."""
    text = str(tracker.latest_message.get("text") or "")
    focus = tracker.get_slot("career")
    section = bare_section(text)
    asks_list = bool(_NEW_LIST.search(text))  # "which of the three has the best job outlook?" ranks those three
    if not section and not asks_list and focus in service.careers:
        section = section_by_words(text)  # "which school i need go" after a phlebotomist, naming no career
        section = section if section and not service.resolver.find_in_text(text, limit=1) else None
    if not section or focus not in service.careers or text.startswith("/"):
        return None
    last = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    if last is not None and referents.listing(last.get("metadata") or {}):
        return None
    return str(focus), section


def about_focus(service: Service, tracker: Tracker) -> tuple[str, str] | None:
    """(career, section) when a message NLU did not place asks about the career in focus by "it"/"one"/"they" and
    names none ("can I work from home as one?" after a web developer's pay), and asks for no list."""
    text = str(tracker.latest_message.get("text") or "")
    focus = tracker.get_slot("career")
    if focus not in service.careers or not FOLLOW_UP_CUE.search(text) or _NEW_LIST.search(text):
        return None
    if service.resolver.find_in_text(text, limit=1) or from_last_list(tracker, text):
        return None
    if asks_training_time(text):  # "how long would it take me?": how long it takes to get in
        return str(focus), "education"
    return str(focus), guess_section(text, [], service.index.model)


def action_named(name: str) -> SafeAction:
    """The custom action with this domain name, for a module that hands a message on to an action of a module it
    must not import (the career test's commands to the ranking: actions.advice imports actions.quiz)."""
    found: list[type[SafeAction]] = []
    todo = list(SafeAction.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if not inspect.isabstract(cls) and cls().name() == name:
            found.append(cls)
    if len(found) != 1:
        raise LookupError(f"{len(found)} custom actions are named {name!r}")
    return found[0]()


def from_last_list(tracker: Tracker, text: str) -> list[str]:
    """ "Tell me about the second one", "compare the first and the third": the careers the words point to in the
    last list the assistant showed (a ranking, a test result, moves, search results, a question back), read from
    its bot message's metadata."""
    shown = last_listing(tracker) if referents.pointers(text) else None
    return picked(shown, text) if shown else []


def picked(listing: referents.Listing, text: str) -> list[str]:
    """The careers of `listing` the words point to, in order, each once."""
    return [c for c in dict.fromkeys(listing.pick(p) for p in referents.pointers(text)) if c]


def last_listing(tracker: Tracker) -> referents.Listing | None:
    """The last list the assistant showed (a ranking, a test result, moves, search results, a question back)."""
    shown = next(
        (
            found
            for event in reversed(tracker.events)
            if event.get("event") == "bot" and (found := referents.listing(event.get("metadata") or {}))
        ),
        None,
    )
    if shown is None:  # a conversation restored without its bot messages: the test's results
        state = tracker.get_slot("quiz")
        results = state.get("results") if isinstance(state, dict) else None
        shown = referents.Listing(tuple(results)) if results else None
    return shown


MAX_COMPARED = 4


def listed_to_compare(tracker: Tracker, text: str) -> list[str] | None:
    """The careers of the last list a comparison points to ("compare the top two", "compare the first and third",
    "compare those two" after two); [] when it points to a list without saying which ("compare those two" after
    five); None when the words ask no comparison of a list."""
    if not COMPARE_WORDS.search(text):
        return None
    listing = last_listing(tracker)
    if listing is None or len(listing.careers) < 2:
        return None
    if n := referents.first_n(text):
        return list(listing.careers[: min(n, MAX_COMPARED)])
    if pointed := picked(listing, text):  # "compare the first and third": the list found above, not looked up again
        return pointed
    if THOSE_N.search(text):
        return list(listing.careers) if len(listing.careers) == 2 else []
    return None


_MY_JOB = re.compile(
    r"\b((?:i'?m|i am|im) (?:an?|the)|(?:i work as|working as|i'?ve been)(?: an?| the)?) ([^.,;!?]+)", re.I
)


def own_job_named(service: Service, text: str) -> str | None:
    """The career a message names as the person's own ("I'm a school counselor. A student is deciding between ..."),
    which is not one of the careers to compare."""
    m = _MY_JOB.search(text)
    found = [cid for _, cid in service.resolver.names_in_text(m.group(2))] if m else []
    return found[0] if found and found[0] else None


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5, "both": 2}
THOSE_N = re.compile(r"\b(?:those|these|the|all|of the|all of the)\s+(two|three|four|five|[2-5])\b|\b(both)\b", re.I)


# "Which one has the better outlook?" right after questions about two careers: those two, not an older list.
WHICH_OF_TWO = re.compile(
    r"\bwhich( one| of them| of the two)?\b[^?.!]{0,40}\b(better|more|higher|bigger|less|lower|faster|slower|"
    r"easier|harder|safer|\w+er than)\b",
    re.I,
)


def careers_asked_about(tracker: Tracker, text: str) -> list[str]:
    """ "Which of those four pays the most?" after four questions about four careers: the last careers the
    assistant answered about, as many as the words count, oldest first (none when fewer were asked about). "Which
    one ... better?" counts two, when both were asked about after the last list."""
    m = THOSE_N.search(text)
    if m:
        n, since_list = _COUNTS[(m.group(1) or m.group(2)).lower()], False
    elif WHICH_OF_TWO.search(text):
        n, since_list = 2, True
    else:
        return []
    found: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        metadata = event.get("metadata") or {}
        if since_list and referents.listing(metadata):
            return []
        cid = metadata.get("career")
        if cid and cid not in found:
            found.append(cid)
        if len(found) == n:
            return found[::-1]
    return []


def last_search(tracker: Tracker) -> tuple[str, list[str]] | None:
    """(the words, the careers) when the last list the assistant showed came from a search of the pages."""
    for event in reversed(tracker.events):
        metadata = (event.get("metadata") or {}) if event.get("event") == "bot" else {}
        if referents.listing(metadata):
            explored = metadata.get("explore")
            return (str(metadata.get("query") or ""), list(explored)) if isinstance(explored, list) else None
    return None


def last_bot_event(tracker: Tracker) -> dict | None:
    return next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)


def just_listed(tracker: Tracker) -> list[str]:
    """The careers of the assistant's last message when it was a list (search results, a ranking, moves...), else
    none: "how much do they make?" right after it asks about them."""
    last = last_bot_event(tracker)
    found = referents.listing(last.get("metadata") or {}) if last else None
    return list(found.careers) if found else []


def answer_pointed(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """ "What about the third?" after a list, whatever NLU read: that career's section the last answer was about
    (its overview after a list); None when the words point to no listed career."""
    picked = from_last_list(tracker, text)
    if not picked:
        return None
    section = last_section(tracker)
    send(dispatcher, answers.section_answer(get_service(), picked[0], section, text))
    return [SlotSet("career", picked[0]), SlotSet("section", section)]


def last_section(tracker: Tracker) -> str:
    """The section the assistant's last message answered from ("and the third?" after the second one's pay asks the
    third's pay); the overview when it was no section answer."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            section = (event.get("metadata") or {}).get("section")
            return str(section) if section else "overview"
    return "overview"


def is_foreign_question(tracker: Tracker) -> bool:
    """Typed text in another language (never a button payload, nor a career-test answer such as "no way")."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or not looks_foreign(text):
        return False
    return not (running(tracker.get_slot("quiz")) and quiz.map_answer(text) is not None)


def small_talk_only(tracker: Tracker) -> str | None:
    """The response for typed small talk and nothing else, whatever intent NLU read (never mid-test, where "later"
    and the like belong to the test)."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or running(tracker.get_slot("quiz")):
        return None
    return small_talk(text)


def test_help_topic(tracker: Tracker) -> HelpTopic | None:
    """A question about the test asked mid-test: what the answers mean ("what's the difference between like it and
    love it?") or what the current question asks ("what do you mean by organize files?", "I don't understand")."""
    text = str(tracker.latest_message.get("text") or "")
    state = running(tracker.get_slot("quiz"))
    if text.startswith("/") or not state:
        return None
    if asks_about_the_scale(text):
        return HelpTopic("answer_scale", SCALE_HELP)
    if LENGTH_QUESTION.search(text):
        return HelpTopic("test_length", length_help(state))
    if PURPOSE_QUESTION.search(text):
        return HelpTopic("test_purpose", PURPOSE_HELP)
    if asks_about_the_item(text):
        return HelpTopic("test_question", item_help(state))
    return None


_ROUTES: dict[int, str] = {}


def routes_topic(tracker: Tracker) -> HelpTopic | None:
    """ "Which is better, college or trade school?" asked about no career in particular (one named is asked about in
    its education section): pay by entry route, once per process."""
    text = str(tracker.latest_message.get("text") or "")
    if text.startswith("/") or not routes.asks_college_or_trade(text) or running(tracker.get_slot("quiz")):
        return None
    service = get_service()
    if service.resolver.find_in_text(text, limit=1):
        return None
    key = id(service.careers)
    if key not in _ROUTES:
        _ROUTES[key] = routes.routes_text(routes.routes(service.careers))
    return HelpTopic("college_or_trade", _ROUTES[key])


def topic_asked(tracker: Tracker) -> HelpTopic | None:
    """A question no career page answers, whatever intent NLU read: help paying for training, job listings, our
    sources, not knowing what to do (unless the test was asked for), college or trade school, the test itself."""
    text = tracker.latest_message.get("text") or ""
    topic = help_topic(text)
    if topic and topic.name == "undecided" and (tracker.latest_message.get("intent") or {}).get("name") == "start_quiz":
        return None  # "I have no idea what career I want" read as asking for the test: it starts
    if topic and topic.name == "part_time" and CHANGE.search(text.lower()):
        return None  # "retiring from teaching ... what part-time work could use my skills?": the moves, said so
    return topic or routes_topic(tracker) or test_help_topic(tracker)


class SafeAction(Action, ABC):
    """Any failure inside an action becomes a friendly message and a log line, never silence.

    A question asked in the middle of the career test is answered, then the test's current item is asked again.
    """

    resumes_quiz = True
    reads_questions = True  # a question in another language gets "I read English only" instead of a guess

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        started = time.perf_counter()
        try:
            talk = small_talk_only(tracker)
            topic = topic_asked(tracker)
            events: list = []
            if self.reads_questions and is_foreign_question(tracker):
                send(dispatcher, answers.not_english_reply())
            elif talk:  # "ok, so what can you help me with?" read as a question about the profile
                dispatcher.utter_message(response=talk)
            elif topic:  # "is there any help paying for training?": no career page answers it
                send(dispatcher, Reply(topic.text, list(topic.buttons), {"help_topic": topic.name}))
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
        if state and (self.resumes(tracker) or topic):
            send(dispatcher, current_question(state, "Back to the career test:\n"))
        log_turn(self.name(), tracker, dispatcher.messages, started)
        return events

    def resumes(self, tracker: Tracker) -> bool:
        """Whether the test's current item is asked again after this action's answer (mid-test)."""
        return self.resumes_quiz

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        """The action's own work; `run` wraps it."""
