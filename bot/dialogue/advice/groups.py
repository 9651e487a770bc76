"""Careers asked for by who someone is rather than what they enjoy: "jobs for women", "good jobs for immigrants",
"careers for a 16 year old", "jobs for disabled people".

The search answered such questions with stereotypes (school counselors, teacher assistants and cashiers for
"girls"; warehouse, mining helper and fast food work for "immigrants"; careers *serving* disabled people for
"disabled people"), and a ranking pretended the facts differ by group (they do not: a median is one figure for all
workers). So no list is chosen by gender, age, origin or faith, disability, family situation or a criminal record.
The reply says every career is open to anyone, gives what really is specific to the group (US rules for under-18s,
accommodation of a disability, training from abroad, hours for parents, fields that check a record), and offers
what does narrow careers down: interests and the training a person wants. A ranking by a fact
("highest paying jobs for women") is still given, for all workers, with a line that says so.

Words about *serving* a group ("jobs working with older people", "careers helping immigrants") are interests, not
identity, and are left to the search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dialogue.section_guess import RECORD_CHECK

# Who a group's words can name: "Black students", "gay men", "Muslim kids"
_PEOPLE = (
    r"(people|persons?|women|men|americans?|students|kids|children|teens|teenagers|youth|folks|workers|adults|girls|"
    r"boys|guys)"
)
_GROUP_WORDS = {
    "gender": (
        r"women|woman|girls?|ladies|lady|females?|men|man|guys?|boys?|males?|"
        r"non.?binary (people|persons?)|trans (people|women|men|persons?)|"
        rf"(gay|lesbian|bisexual|queer|lgbt\w*\+?|transgender) {_PEOPLE}?|gays|lesbians"
    ),
    "age": (
        r"(older|old|younger|young|mature) (people|persons?|workers|adults|women|men|folks?)|seniors?|retirees?|"
        r"retired (people|persons?|workers)|pensioners?|the elderly|elderly (people|persons?)|over.?(30|40|50|60|"
        r"thirty|forty|fifty|sixty)s?|(a |an )?(\d{1,2}|fifteen|sixteen|seventeen|eighteen)[- ]?(years?[- ]olds?|yos?|"
        r"yrs?[- ]olds?)( (woman|man|women|men|person|people|girl|boy|student|mom|dad|mother|father))?|teens?|"
        r"teenagers?|minors|under.?18s?|someone my age|people my age|"
        r"(someone|somebody|a person|people|those|anyone) (who is|who's|who are|aged|of) (\d{2}|in (their|his|her) "
        r"(40|50|60)s)"
    ),
    "origin": (r"immigrants?|foreigners?|refugees?|migrants?|asylum seekers?|non.?citizens?|expats?|newcomers"),
    # race, ethnicity, nationality and faith: no assumption that anyone trained abroad
    "background": (
        r"(black|white|brown|asian|hispanic|latino|latina|latinx|indian|african|arab|mexican|chinese|native|"
        rf"indigenous|african american|muslim|christian|jewish|hindu|sikh|buddhist) {_PEOPLE}|african americans?|"
        r"asians?|hispanics?|latin[oax]s?|muslims?|christians?|jews?|hindus?|sikhs?|buddhists?|"
        rf"(people|students|kids|children|women|men) of colou?r|minorities|minority {_PEOPLE}"
    ),
    "disability": (
        r"(disabled|handicapped|blind|deaf|autistic|neurodivergent|dyslexic) (people|persons?|adults|workers|"
        r"women|men)?|people with (a |an )?(disabilit\w+|autism|adhd|dyslexia|a wheelchair|mental illness|"
        r"anxiety|depression)|wheelchair users?|(someone|people) in a wheelchair|the disabled|the blind|the deaf|"
        r"(someone|a person) with (a |an )?(disabilit\w+|autism|adhd|dyslexia)"
    ),
    "family": (
        r"(single |stay.at.home |working |new |young )?(moms?|mums?|mothers?|dads?|fathers?|parents?)|"
        r"(people|someone|those) with (young )?(kids|children)"
    ),
    "record": (
        r"felons?|ex.?(offenders?|cons?|convicts?|prisoners?|inmates?)|(people|someone|those) with (a )?(criminal "
        r"record|record|felony|felonies|conviction)s?|(former|released) (prisoners?|inmates?|offenders?)"
    ),
}
# What some people have ("jobs with a criminal record", "I have ADHD, which careers..."), asked with "with" or "have"
# (not children: "jobs with kids" is work with children).
_HAD = {
    "disability": r"(a )?(disabilit\w+|autism|adhd|dyslexia|a wheelchair|mental illness|a chronic illness)",
    # a bare "record" only at the end ("jobs with a record?"), not "a record label"
    "record": r"(a |my )?(criminal record|police record|prison record|record(?=\s*([?.!,]|$))|felony|felonies|"
    r"convictions?)",
}
_JOBS = r"(jobs?|careers?|work|professions?|occupations?|roles?|fields?|options?|paths?)"
_BEFORE = r"(a |an |the |young |older |other )?"
_FOR = r"(for|suited to|suitable for|good for|best for|ideal for|right for|open to|aimed at|meant for|available to)"
_SELF = r"(as|i'?m|i am|im|being) (a |an )?"
_ASK = r"(jobs?|careers?|professions?|occupations?)"
_CAN = r"(can|could|will|would|may|is it possible|am i able)"
# Health conditions said with a career question (as for a disability, said of oneself)
_HEALTH = (
    r"(epilepsy|seizures|diabetes|a heart condition|asthma|a chronic (condition|illness)|a health condition|anxiety|"
    r"depression|hearing aids|a prosthetic|a prosthesis|hearing loss|low vision|a stammer|a stutter|"
    r"multiple sclerosis|cerebral palsy|arthritis)"
)
_OTHER = (
    r"(my|our) (student|son|daughter|kid|child|teen|teenager|client|friend|niece|nephew|grandson|granddaughter|"
    r"brother|sister|partner)s?|he|she|they"
)
_MINOR_WORDS = (
    r"(1[0-7]|fifteen|sixteen|seventeen)[- ]?(years?[- ]olds?|yos?|yrs?[- ]olds?)|teens?|teenagers?|minors|under.?18s?"
)
# Said of oneself ("as a woman, which careers..."): an age only when it is under 18 ("I'm 45, what careers can I switch
# to?" asks for moves, not careers by age).
_SELF_WORDS = {
    **_GROUP_WORDS,
    "age": _MINOR_WORDS,
    # "I'm in a wheelchair, what jobs can I do?" got ambulance drivers and nursing assistants from the search
    "disability": _GROUP_WORDS["disability"] + r"|in a wheelchair|a wheelchair user|blind|deaf|disabled|autistic|"
    r"dyslexic|neurodivergent|hard of hearing|partially sighted|visually impaired|hearing impaired|paralyzed|"
    r"paraplegic|quadriplegic|an amputee",
}


@dataclass(frozen=True)
class Group:
    """Which kind of "who" a message names, and whether it is about someone under 18."""

    kind: str  # gender | age | origin | background | disability | family | record
    minor: bool = False


def _patterns(kind: str, words: str) -> list[re.Pattern[str]]:
    """The ways a message asks for careers by a group of this kind (see the module docstring)."""
    found = [
        re.compile(rf"\b{_JOBS}\b(?P<gap>[^.?!]{{0,40}}?)\b{_FOR} {_BEFORE}({words})\b", re.I),
        re.compile(rf"\b{_SELF}({_SELF_WORDS[kind]})\b[^?!]{{0,60}}\b{_ASK}\b", re.I),
        re.compile(rf"\b({words})'?s? (jobs|careers|professions|work)\b(?! (in|at|on))", re.I),
        # "can women be electricians?" (and, by the first, "is nursing a good job for a man?"): about a named career
        re.compile(rf"\bcan (a |an )?({words}) (be|become|work as|do|get into|train as)\b", re.I),
        # "is it a good fit for a woman?" after an electrician got "no page called 'woman'" and Housekeeper offered
        re.compile(
            rf"\b((fit|match|choice|suited|suitable|option)\b[^.?!]{{0,12}}\b(for|to)|suits?) {_BEFORE}({words})\b",
            re.I,
        ),
    ]
    # said of someone else: "my student is autistic, what jobs suit him?", "my son is 16, what jobs can he get?"
    found.append(
        re.compile(
            rf"\b({_OTHER}) (is|are|'s|has|have) (a |an )?({_SELF_WORDS[kind]}{'|1[0-7]' if kind == 'age' else ''})\b"
            rf"[^?!]{{0,60}}\b{_ASK}\b",
            re.I,
        )
    )
    # "what should a 50 year old woman do for work?"
    found.append(re.compile(rf"\bwhat (should|can|could|would) {_BEFORE}({words}) (do|work as|become)\b", re.I))
    if kind in _HAD:
        found += [
            re.compile(rf"\b{_JOBS}\b(?P<gap>[^.?!]{{0,40}}?)\bwith {_HAD[kind]}\b", re.I),
            re.compile(rf"\bi (have|got|'ve got|ve got|live with) {_HAD[kind]}\b[^?!]{{0,60}}\b{_ASK}\b", re.I),
        ]
    if kind == "record":  # about one career: "I have a felony, can I become a nurse?", "I was in prison, can I ..."
        had = (
            rf"(i (have|got|'ve got|had) {_HAD[kind]}|i (was|have been|'ve been|went) (in|to) (prison|jail)|i did time)"
        )
        found += [
            re.compile(rf"\b{had}\b[^?!]{{0,60}}\b(can|could|will|would|may|is it possible|am i able)\b", re.I),
            re.compile(
                rf"\b(can|could|will|would|may) (i|someone|a person|people)\b[^?!]{{0,60}}\bwith {_HAD[kind]}", re.I
            ),
            RECORD_CHECK,  # "will they check my record?" after a welder's pay
        ]
    if kind == "disability":
        found.append(re.compile(rf"\bi (use|need|am in|'m in) a wheelchair\b[^?!]{{0,60}}\b{_ASK}\b", re.I))
        # about one career: "I'm deaf, can I be a nurse?", "I have epilepsy, can I be a truck driver?"
        found += [
            re.compile(rf"\b(i'?m|i am|im) ({_SELF_WORDS[kind]})\b[^?!]{{0,60}}\b{_CAN}\b", re.I),
            re.compile(
                rf"\bi (have|got|'ve got|live with|use|need) ({_HAD[kind]}|{_HEALTH})\b[^?!]{{0,60}}\b{_CAN}\b", re.I
            ),
        ]
    return found


_PATTERNS = [(kind, _patterns(kind, words)) for kind, words in _GROUP_WORDS.items()]
# Doubts about age, with or without a career: "am I too old to learn coding?", "is it too late to become a doctor at
# 40?". People start and change careers at every age: said before whatever else the words ask.
_AGE_DOUBT = re.compile(
    r"\btoo old\b|\btoo late (in life )?(to|for) (start|become|learn|chang|switch|retrain|go back|get into|train|"
    r"study|be)\w*|\btoo late for a (career |job )?(change|switch)\b|\bat my age\b|"
    r"\b(start|switch|change|become|learn|retrain)\w*\b[^?!.]{0,40}\b(in|at) my "
    r"(30|40|50|60)s\b",
    re.I,
)
_MINOR = re.compile(rf"\b({_MINOR_WORDS})\b|\b({_OTHER}|i'?m|i am) (is |are |'s )?1[0-7]\b", re.I)
# "women's health nurse", "men's fashion": a career or field named after a group is not a question about the person.
_FIELD_AFTER = re.compile(
    r"^\s*(health|studies|fashion|clothing|wear|sports?|ministry|services?|issues|rights)\b", re.I
)

# "careers caring for the elderly", "jobs designing for disabled people": work done for a group is an interest.
_SERVING = re.compile(r"\b\w+ing\b", re.I)


def group_asked(text: str) -> Group | None:
    """The group a request for careers names as the person's own (see the module docstring); None if none, and for
    a button's payload ("/ask_fit{...}")."""
    if text.startswith("/"):
        return None
    t = text.replace("’", "'")
    for kind, patterns in _PATTERNS:
        for pattern in patterns:
            for m in pattern.finditer(t):
                if _FIELD_AFTER.match(t[m.end() :]) or _SERVING.search(m.groupdict().get("gap") or ""):
                    continue
                return Group(kind, minor=kind == "age" and bool(_MINOR.search(t)))
    if _AGE_DOUBT.search(t):
        return Group("age")
    return None


_WHAT = {
    "gender": "gender or sexual orientation",
    "age": "age",
    "origin": "origin",
    "background": "race, ethnicity or faith",
    "disability": "disability",
    "family": "family situation",
    "record": "record",
}
_SPECIFIC = {
    "gender": "People of every gender work, and do well, in every field here.",
    "age": "People start and change careers at every age; a few careers set age limits of their own.",
    "origin": (
        'If your training or licence is from another country: each career\'s "How to become one" gives the US route, '
        "and credential evaluation services compare training from abroad with US requirements."
    ),
    "background": (
        "People of every background and faith work, and do well, in every field here. In the US, employers may not "
        "treat applicants or workers differently because of race, color, religion or national origin."
    ),
    "disability": (
        "People with disabilities work in every field. In the US, the Americans with Disabilities Act requires "
        "employers with 15 or more employees to make reasonable accommodations, and where a job has physical or "
        "sensory demands, adapted tools and routes often exist. A few licenses set medical standards of their own "
        '(commercial driving and flying, for example): a career\'s "How to become one" names the licenses it needs.'
    ),
    "family": (
        'If you need hours that fit around children, each career\'s "Where they work" says what its shifts and '
        "schedules are usually like (the facts I rank by have no data on hours)."
    ),
    "record": (
        "A record closes few careers, but in the US some jobs and licenses check it (for example in law "
        "enforcement, childcare, healthcare, finance and security), the rules differ by state and offense, and many "
        "states and cities have fair-chance rules that hold questions about records until later in hiring. Each "
        'career\'s "How to become one" names the licenses it needs.'
    ),
}
_MINOR_RULES = (
    "If you're under 18 in the US: federal child labor rules limit the hours 14- and 15-year-olds may work and keep "
    "everyone under 18 out of jobs rated hazardous; states add rules of their own."
)


def group_text(group: Group) -> str:
    """The fair answer to a request for careers by who someone is (no list)."""
    what = _WHAT[group.kind]
    lead = (
        "I don't pick careers by someone's past: the facts I have (pay, growth, openings, education) are the same for "
        "everyone, and lists like that narrow people's choices."
        if group.kind == "record"
        else f"Every career here is open to anyone, whatever their {what}, and the facts I have (pay, growth, "
        "openings, education) are the same for everyone, so I don't pick careers by who someone is: lists like that "
        "repeat stereotypes and narrow people's choices."
    )
    return (
        f"{lead} {_specific(group)}\n"
        "What does narrow it down is what you enjoy and how much training you want: take the career test, tell me "
        'what you like doing ("I like fixing things and being outdoors"), or ask for careers by a fact ("jobs '
        'without a degree that pay well").'
    )


def _specific(group: Group) -> str:
    return _MINOR_RULES if group.minor else _SPECIFIC[group.kind]


def group_preface(group: Group, title: str) -> str:
    """A line before the answer about one career asked with a group ("can women be electricians?", "is it too late to
    become a doctor at 40?")."""
    if group.kind in ("gender", "origin", "background"):
        what = _WHAT[group.kind]
        return f"{title} is open to anyone, whatever their {what}."
    return _specific(group)


def group_line(group: Group) -> str:
    """The one line on a group before an answer about the work itself ("I'm in a wheelchair and want a career that
    doesn't require standing": the ADA line, then careers done sitting down)."""
    return _specific(group)


def group_note(group: Group) -> str:
    """A line before a ranking asked for a group: the list is for all workers (and, where it matters for which of
    them are open, for under-18s or a record, what does)."""
    note = (
        f"These figures are for all workers, whatever their {_WHAT[group.kind]}: I don't sort careers by "
        f"{_WHAT[group.kind]}. Here is the list for everyone."
    )
    return f"{note} {_specific(group)}" if group.minor or group.kind == "record" else note
