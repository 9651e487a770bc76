"""What an open question says beside the kind of work: things to stay away from, working from home, sitting down.

"My daughter loves animals and biology but hates blood" listed phlebotomists first: the search matched "blood".
"I need a job I can do remotely because I care for my two kids at home" listed childcare workers: the search matched
"kids". The disliked thing is taken out of the search and careers whose pages talk about it are left out (said so);
a wish to work from home keeps the careers whose pages say the work can be remote, since no fact measures it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.knowledge.pages import Career

# "hates blood", "can't stand the sight of blood", "is scared of heights", "doesn't like needles"
_AVOID = re.compile(
    r"\b(?:hates?|hating|dislikes?|(?:do|does|did)(?: not|n'?t) (?:like|want|enjoy)|can'?t stand|cannot stand|"
    r"(?:(?:is|am|i'm|im|are|gets?) )?(?:scared|afraid|terrified|squeamish) (?:of|about|around)|faints? at|"
    r"(?:is|am|i'm|im) not (?:into|a fan of)|"
    # a kind of work ruled out: "what else can I do that isn't direct patient care", "something away from retail"
    r"(?:that|which) (?:isn'?t|is not|aren'?t|are not|doesn'?t involve|does not involve|don'?t involve)|"
    r"away from|no more|other than|outside of) (?:the sight of |being around |working with |dealing with |direct |"
    r"hands-on |bedside )?"
    r"((?:the )?[a-z][a-z-]+(?: [a-z][a-z-]+)?)",
    re.I,
)
# "patient care" is ruled out by its pages' "patients": the kind of contact, not the word "care"
_GENERIC_TAIL = {"care", "work", "contact", "facing", "interaction", "interactions", "jobs", "job", "roles", "settings"}
_NOT_A_THING = set(
    "to it that this them a an the any much being doing working people degree college school university idea clue "
    "experience job jobs work money have go get know want need my your his her their our".split()
)
_STOP_AFTER = re.compile(
    r"\b(and|or|but|so|because|what|which|who|how|can|could|should|would|will|tho|though|lol|haha|tbh|at all|"
    r"honestly|really)\b.*$",
    re.I,
)
# What someone is not good at is no interest and no dislike (the career test reads it so too), and not searched for:
# "loves drawing and animals but is not great at math" listed a mathematician, an actuary and a quant first.
_NOT_ABLE = re.compile(
    r"\b(?:(?:is|am|i'?m|are|she'?s|he'?s|they'?re) )?(?:not (?:great|good|strong|very good|the best|so good|too good)|"
    r"bad|terrible|awful|weak|hopeless|rubbish) (?:at|with) (?:[a-z-]+)(?: (?:and|or) [a-z-]+)?|"
    r"\bstruggles? with [a-z-]+(?: (?:and|or) [a-z-]+)?",
    re.I,
)
_REASON = re.compile(r"\b(because|since|as) (i|we|my|our|she|he)\b[^.?!]*", re.I)

WANTS_REMOTE = re.compile(
    r"\b(remote(ly)?|from home|wfh|telework\w*|telecommut\w*|home-based|work at home|stay at home and work)\b", re.I
)
REMOTE_QUERY = "the work can be done remotely from home on a computer"
# A page says the work itself can be remote ("in offices or remotely", "office-based or remote", "some work from
# home"), not "remote sensing", "often in remote, scenic areas" or "away from home": a sentence with "remotely",
# "remote work" or "from home", or with "remote" beside office or computer work.
_REMOTE_SURE = re.compile(
    r"\bremotely\b|\bremote(?:-friendly| work| jobs?| roles?| teams?)\b|(?<!away )(?<!far )(?<!time )\bfrom home\b",
    re.I,
)
_REMOTE_WITH_DESK = re.compile(
    r"\bremote\b(?!,? (?:sensing|areas?|sites?|places?|ground|camps?|locations?|regions?|high|scenic|terrain|"
    r"communities|villages?|towns?|exploration|survey))",
    re.I,
)
_NOT_REMOTE = re.compile(r"\b(cannot|can'?t|can not|not|never|rarely)\b[^.;]{0,25}\bremote", re.I)
_DESK = re.compile(r"\b(office|offices|office-based|computer|computer-based|online|hybrid|distributed|virtual)\b", re.I)


def avoided(text: str) -> list[str]:
    """The things the words say to stay away from ("hates blood" -> ["blood"]), never a whole kind of work the
    person still names elsewhere."""
    found = []
    for m in _AVOID.finditer(text):
        words = _STOP_AFTER.sub("", m.group(1)).strip()
        words = re.sub(r"^(the|anything|any|something) ", "", words, flags=re.I)  # "don't want anything medical"
        first = words.split()[0].lower() if words else ""
        if len(words.split()) == 2 and words.split()[1].lower() in _GENERIC_TAIL:
            words = first
        if first and first not in _NOT_A_THING and not first.endswith("ing"):  # activities: the interests reader
            found.append(words.lower())
    return found


def search_text(text: str) -> str:
    """The words to search with: without what is to be avoided, what the person is not good at, and the reason for a
    wish ("because I care for my kids"); a wish to work from home is searched as remote work."""
    if WANTS_REMOTE.search(text):
        return REMOTE_QUERY
    if WANTS_SEATED.search(text):
        return SEATED_QUERY
    kept = _NOT_ABLE.sub(" ", _REASON.sub(" ", text))
    for m in reversed(list(_AVOID.finditer(kept))):
        if avoided(m.group(0)):
            kept = kept[: m.start()] + kept[m.end() :]
    kept = re.sub(r"\b(but|and|or)\s*([.?!,]|$)", r"\2", " ".join(kept.split()), flags=re.I).strip(" ,")
    return kept if len(kept) >= 3 else text


def about_the_work(career: Career) -> str:
    """The parts of a page that say what the work is and where: where a thing to avoid would show."""
    return " ".join(career.sections.get(s, "") for s in ("overview", "duties", "workplace"))


# A degree the person holds, with its field: "what can i do with just a bachelors in psych" listed psychologists (a
# doctorate); the careers are kept to the job zones that degree opens.
HELD_DEGREE = re.compile(
    r"\bwith (just |only |my |a |an )*(?P<level>bachelor'?s?|associate'?s?|master'?s?|ba|bs|aa|as|ma|ms)"
    r"( degree)? (in|of) \w",
    re.I,
)
HELD_ZONE = {"bachelor": 4, "ba": 4, "bs": 4, "associate": 3, "aa": 3, "as": 3, "master": 5, "ma": 5, "ms": 5}


def held_degree_zone(text: str) -> int | None:
    """The highest job zone a degree the person says they hold opens ("a bachelor's in psych" -> 4), else None."""
    m = HELD_DEGREE.search(text)
    return HELD_ZONE[m.group("level").lower().rstrip("'s").rstrip("'")] if m else None


def mentions(page_text: str, thing: str) -> bool:
    """Whether a page talks about the thing (singular or plural)."""
    stem = re.escape(thing.rstrip("s"))
    return bool(re.search(rf"\b{stem}s?\b", page_text, re.I))


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?;])\s+", text)


def says_remote(page_text: str) -> bool:
    return any(
        (_REMOTE_SURE.search(sentence) or (_REMOTE_WITH_DESK.search(sentence) and _DESK.search(sentence)))
        and not _NOT_REMOTE.search(sentence)
        for sentence in _sentences(page_text)
    )


# "I'm in a wheelchair and want a career that doesn't require standing or lots of walking" got only the fair answer
# to a request by who someone is: the person asked about the work, and the pages say where it is done sitting.
WANTS_SEATED = re.compile(
    r"\b(doesn'?t|does not|don'?t|do not|without|no|not|can'?t|cannot|less|minimal|little)\b[^.?!]{0,40}\b(standing|"
    r"stand up|walking|on (my|your|their|his|her) feet|lifting)\b|"
    r"^(?!.*\b(don'?t|not|no|never|hate)\b).*\b(seated|sit-down|sitting down|desk) (jobs?|work|careers?|roles?)\b",
    re.I,
)
SEATED_QUERY = "the work is done sitting at a desk or a computer in an office"
_SEATED_IN_PAGE = re.compile(
    r"\b(at (a |their )?(desks?|computers?|workstations?)|computer-based|office-based|desk-based|seated|sitting)\b",
    re.I,
)
_ON_FEET = re.compile(
    r"\b(stand\w*|on (their|your) feet|walk\w*|lift\w*|climb\w*|physical|outdoors|field ?work|on the floor|"
    r"kitchens?|rather than at a desk|(job|construction|building) sites?|moving around|moving boxes|frequent travel)\b",
    re.I,
)


def says_seated(page_text: str) -> bool:
    """A page says the work is done at a desk or computer, in a sentence that says nothing of standing or lifting."""
    return any(
        _SEATED_IN_PAGE.search(sentence) and not _ON_FEET.search(sentence) for sentence in _sentences(page_text)
    ) and not _ON_FEET.search(page_text)


def asks_about_the_work(text: str) -> bool:
    """Whether a request asks for work done from home or sitting down: said with a group ("I'm in a wheelchair"), it
    is about the work, not a list chosen by who someone is."""
    return bool(WANTS_REMOTE.search(text) or WANTS_SEATED.search(text))
