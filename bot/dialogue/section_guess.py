"""Which page section a question about a named career asks for, from the meaning of its words.

NLU's intent decides the section when it is confident. When it is not (the message fell back), the words are
compared in meaning with the same phrasings NLU is trained on (bot/knowledge/phrasings.py), the career's name
replaced by a placeholder: "I want to know what chefs do" is nearest to "what do Xs do" (duties). This is steadier
than the section of the best search passage, which follows the page's wording rather than the question's, and it
does not move when the NLU model is retrained. On the held-out Q&A set's section questions it picks the asked
section for 0.90 of them (docs/evaluation.md); NLU does better when confident, so it is only the fallback's guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from bot.dialogue.resolve import leftover_name
from bot.knowledge.phrasings import FOLLOW_UPS, SECTION_TEMPLATES

NEIGHBOURS = 7  # phrasings that vote, each by its cosine
# Hours, nights and time away from home: only the workplace section speaks of them, whatever else the words resemble
# ("do truck drivers get home every night" read as duties).
SCHEDULE = re.compile(
    r"\b(get|go|be|come|back) home (every|each|at|most) nights?\b|\baway from (home|family|my family)\b|"
    r"\bon the road\b|\bnight shifts?\b|\bwork(ing)? (nights|weekends|shifts|holidays|long hours)\b|"
    r"\b(schedules?|working hours|shift work|nine to five|9 to 5|9-5)\b|"
    # "is it seasonal or steady work" (NLU: fit)
    r"\bseasonal\b|\b(steady|year.round|all year) (work|job)\b",
    re.I,
)
# "is it dangerous?" after a police officer's pay got "I don't have a page called 'it dangerous'": the risks of a job
# are part of where and how it is done.
SAFETY = re.compile(
    r"\b(is|are|isn'?t|aren'?t) (it|they|that|the job|the work|this job|that job)( \w+)? (dangerous|safe|risky|"
    r"hazardous)\b|\bhow (dangerous|safe|risky|hazardous) (is|are)\b|\b(dangerous|risky|hazardous) (job|work)\b|"
    r"\b(risk|chance) of (getting )?(hurt|injur\w*|killed)\b",
    re.I,
)
# "how stressful is that job" got the duties: no figure measures stress; the workplace section says what the setting
# and its pressures are like (the answer says so).
STRESS = re.compile(
    r"\b(stress(ful)?|high.pressure|pressure|burn.?out|demanding|intense|hectic|chill|relaxed|laid.back|easy.going)\b"
    r"(?! (management|relief|test))",
    re.I,
)
SCHEDULE = re.compile(f"{SCHEDULE.pattern}|{SAFETY.pattern}|{STRESS.pattern}", re.I)
# "is being a UX researcher physically demanding" (NLU: outlook, 0.96) got the outlook
PHYSICAL = re.compile(
    r"\bphysical(ly)? (demanding|hard|tough|work|strain|job)\b|\bon (my|your|their) feet\b|\bheavy lifting\b|"
    r"\blift(ing)? heavy\b|\b(hard|tough) on (the|my|your) (body|back|knees)\b",
    re.I,
)
BY_WORDS_FROM = {"overview", "duties", "specializations", "skills", "personality"}  # what the schedule words overrule


# Unmistakable words of one section, for a message that asks two things ("what does a nurse do and how much do they
# earn?"): each clause is checked on its own, so one question's words never decide another's.
CLAUSE = re.compile(r"\?|;|\band (?:also )?(?=(?:how|what|where|which|who|is|are|do|does|can|will|would)\b)", re.I)
SURE_WORDS = {
    "duties": re.compile(r"\bwhat (do|does|would) .{1,60}\b(do|doing)\b\s*$|\bday[- ]to[- ]day\b|\bduties\b", re.I),
    "workplace": re.compile(r"\bwhere (do|does|would|will) .{0,60}\bwork\b|" + SCHEDULE.pattern, re.I),
    "education": re.compile(
        r"\bhow (do|can|would|does) (i|you|one|someone|they|he|she) (become|get into|train)\b|"
        r"\bwhat (degree|qualifications?|training|education)\b",
        re.I,
    ),
    "salary": re.compile(
        r"\bhow much (do|does|can|will|would) .{0,60}\b(earn|make|get paid|be paid)\b|\b(salary|salaries|wages?)\b",
        re.I,
    ),
    "outlook": re.compile(r"\b(job outlook|in demand|growing field|job prospects|future demand)\b", re.I),
}


def sections_asked(text: str) -> list[str]:
    """The sections a message asks for by sure words, clause by clause, in the order asked (none or one: no
    compound question)."""
    found: list[str] = []
    for clause in CLAUSE.split(text):
        if not clause.strip():
            continue
        for section, pattern in SURE_WORDS.items():
            if pattern.search(clause.strip()) and section not in found:
                found.append(section)
                break
    return found


# Kinds of a job and the kind of person it suits: NLU read "what sorts of software engineers are there" as duties and
# "what temperament do you need to be a lawyer" as education.
KINDS = re.compile(
    r"\b(what|which) (sorts|kinds|types|branches|specialties|specialisms|areas) of\b.{1,50}\b(are there|exist|can "
    r"(you|i|one) (be|become|specialize in))\b|\bspeciali[sz](ties|ations?)\b|\bspecialt(y|ies)\b",
    re.I,
)
TEMPERAMENT = re.compile(
    r"\b(temperament|personality type|personality traits?|character traits?|(kind|type|sort) of (person|people|"
    r"personality))\b|"
    # "is accounting boring": whether it suits someone, which its "who it suits" says
    r"\b(is|are|isn'?t|aren'?t) (it|that|they|the job|the work|\w+(ing|ancy|ism|ics|y)?) (really |too |very |kind of "
    r"|kinda |so )?(boring|dull|tedious|monotonous|fun|exciting|interesting|rewarding|fulfilling)\b",
    re.I,
)
# "how much school?", "need license?" after a career: how to become one.
SCHOOLING = re.compile(
    r"\bhow (much|long|many years of) (school|schooling|education|training|college|study)\b|"
    # "where i can study this" after a mechanic's pay started the career test
    r"\bwhere (can|could|do|should|would)? ?(i|you|one|someone)? ?(can )?(study|train|learn|get trained|take "
    r"classes|go to school)( for)? (this|that|it|for it|to do (it|this|that))\b|"
    # "which school i need go" after a phlebotomist (NLU: fallback) listed a pediatrician and a rail yard engineer
    r"\bwhich (school|college|program|course)s?\b|"
    # "do I need a masters for that or is my BSN enough" after a health services manager's pay
    r"\b(do|would|will|does) (i|you|they|one|he|she) need (a |an |any |my )?(master'?s|masters|bachelor'?s|bachelors|"
    r"degree|license|licence|certificate|certification|phd|doctorate|diploma)\b[^?]{0,30}\b(for|to (do|get|become)) "
    r"(that|it|this|the job|the role)\b|"
    r"^\W*(and |so |also )?((do|would|will) (i|you|they|one) )?need (a |an |any )?(license|licence|degree|"
    r"certificate|certification|diploma)s?\W*$",
    re.I,
)
# "What does a chef make?" asks the pay, not the duties (NLU read it as "what does a chef do?"): "make" with nothing
# made after it, at the end of the question or before a time span ("a year", "an hour", "starting out").
EARNINGS = re.compile(
    r"\bwhat (do|does|did|would|will|could|can|might) .{1,60}\bmake\b(\s+(a|an|per|each|every|in|on|starting|to "
    r"start|when|as|after|at first|annually|yearly|hourly|monthly|weekly)\b[^?]*)?\W*$|"
    # "what does a sous chef earn" (NLU: overview)
    r"\b(how much|what) (do|does|did|would|will|could|can|might) .{1,60}\bearn\b",
    re.I,
)
# "Will they check my record?" after a welder: the licenses a career needs are in how to become one.
RECORD_CHECK = re.compile(
    r"\b(check|look at|ask about|run) (my|a|your|someone'?s) (criminal |police )?(record|background)\b|"
    r"\bbackground checks?\b",
    re.I,
)
# "Is the occupation expected to grow or decline?" (NLU: skills): its outlook.
GROWTH = re.compile(
    r"\b(expected|projected|going|likely|set) to (grow|shrink|decline)\b|\b(grow|growing|shrink|shrinking|decline|"
    r"declining) or (grow|growing|shrink|shrinking|decline|declining)\b|\b(job )?outlook\b",
    re.I,
)
# "What does a computer vision engineer work on" (NLU: workplace), "I want to know what chefs do" (NLU: skills),
# "what would I be doing as a flight attendant": the duties.
DUTIES = re.compile(
    r"\bwhat (do|does|would|will) (an? |the )?[\w -]{2,40} (do|work on)\W*$|\bwhat \w+s do\W*$|"
    r"\bwhat would i (be doing|do all day|do every day)\b",
    re.I,
)
OVERRULED = [  # (section, its words, the NLU sections they overrule)
    ("salary", EARNINGS, {"overview", "duties", "skills", "workplace", "specializations", "personality"}),
    ("workplace", SCHEDULE, BY_WORDS_FROM),
    ("workplace", PHYSICAL, {*BY_WORDS_FROM, "outlook", "salary", "education"}),
    ("specializations", KINDS, {"overview", "duties", "skills", "personality"}),
    ("personality", TEMPERAMENT, {"overview", "duties", "skills", "education"}),
    ("education", SCHOOLING, {"overview", "duties", "skills", "workplace", "specializations", "salary"}),
    ("education", RECORD_CHECK, {"overview", "duties", "skills", "workplace", "outlook", "personality"}),
    ("outlook", GROWTH, {"overview", "duties", "skills", "personality"}),
    ("duties", DUTIES, {"skills", "workplace", "personality"}),
]


# A section named in a word or two, in fragments ("pay", "school?", "where", "outlook"): about the career in focus.
BARE_WORDS = {
    "salary": r"pay|salary|salaries|wages?|money|income|earnings",
    "education": r"school|schooling|education|training|degree|license|licensing|requirements|certification|college",
    "outlook": r"outlook|future|demand|growth|job market|prospects",
    "workplace": r"where|workplace|hours|schedule|setting|work environment|dangerous|safe|safety|risky|risks",
    "skills": r"skills",
    "duties": r"duties|tasks|day to day|daily tasks",
}
_BARE = {
    section: re.compile(
        rf"^\W*(and |so |ok |okay |also |but |what about |how about )?(the |its |their )?({words})\W*$", re.I
    )
    for section, words in BARE_WORDS.items()
}


def bare_section(text: str) -> str | None:
    """The section a fragment of a word or two names ("school?" -> education), else None."""
    return next((section for section, pattern in _BARE.items() if pattern.match(text)), None)


# "What's an edge AI engineer?", "what is a hvac tech": a name and nothing else asks what the career is
DEFINITION = re.compile(
    r"^\W*(?:so |ok |okay |and )?(?:what(?:'s| is| are)|whats|wats) (?:an? |the )?(?P<rest>[^?.!]+?)\s*[?.!]*\s*$", re.I
)


def section_by_words(text: str, section: str | None = None) -> str | None:
    """The section a few unmistakable words ask for, when `section` (NLU's) is one they may overrule."""
    for target, words, overrules in OVERRULED:
        if (section is None or section in overrules) and words.search(text):
            return target
    if section in {"duties", "skills", "workplace", "personality"} and asks_what_it_is(text):
        return "overview"
    return None


def asks_what_it_is(text: str) -> bool:
    """ "What's an edge AI engineer?": the words after "what is" are a name alone (NLU read duties or skills)."""
    m = DEFINITION.match(text)
    return m is not None and leftover_name(text) == m.group("rest").strip()


def _placeholder(template: str) -> str:
    return template.format(c="X", cs="Xs", a="an X")


@lru_cache(maxsize=2)
def _phrasings(model: str | None) -> tuple[np.ndarray, tuple[str, ...]]:
    from bot.search.embeddings import encode

    texts, sections = [], []
    for intent, templates in SECTION_TEMPLATES.items():
        for template in [*templates, *FOLLOW_UPS[intent]]:
            texts.append(_placeholder(template))
            sections.append(intent.removeprefix("ask_"))
    return encode(texts, model=model), tuple(sections)


def masked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The text with each career name found in it replaced by the placeholder the phrasings use."""
    for start, end, _ in sorted(spans, reverse=True):
        text = text[:start] + "X" + text[end:]
    return text


def guess_section(text: str, spans: list[tuple[int, int, str]], model: str | None = None) -> str:
    """The section whose phrasings are nearest in meaning to `text` (career names at `spans` masked)."""
    from bot.search.embeddings import encode

    by_words = section_by_words(text)
    if by_words:
        return by_words
    vectors, sections = _phrasings(model)
    sims = vectors @ encode([masked(text, spans)], model=model)[0]
    votes: dict[str, float] = {}
    for i in np.argsort(-sims)[:NEIGHBOURS]:
        votes[sections[i]] = votes.get(sections[i], 0.0) + float(sims[i])
    return max(votes, key=lambda section: votes[section])
