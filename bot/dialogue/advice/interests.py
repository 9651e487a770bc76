"""RIASEC interests inferred from words: "I like math and programming" -> Investigative high.

The message is cut into phrases ("math", "programming"); each phrase is read with a lexicon of activity words
(math -> I, programming -> I with some C, animals -> R, creative -> A, helping -> S, selling -> E, organizing -> C)
and, when no word of the lexicon is in it, with the sentence encoder: the phrase is compared with the career test's
items of each type (bot.search.embeddings, the test's own item bank). A phrase said with a negation ("I hate
selling") lowers its interest. Only interests the words expressed get a high score; the others stay at a neutral
3.0, so the reasons given later name only what the person said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from bot.dialogue import quiz
from bot.knowledge.pages import RIASEC

NEUTRAL = 3.0  # an interest the words did not mention
PRIMARY = 6.5  # an activity's main interest
STRONG_PRIMARY = 7.0  # ... said with "love", "passionate about"
SECONDARY = 5.0  # an activity's second interest (programming: C besides I)
NEGATIVE = 1.5  # "I hate selling"
EMBED_MIN = 0.32  # a phrase read by the encoder must be at least this close to a type's items
EMBED_MARGIN = 0.03  # ... and this much closer than to the next type's

# word stem -> {letter: weight} (1.0 = main interest, 0.5 = a second one). Matched at word starts.
LEXICON: dict[str, dict[str, float]] = {}


def _add(letters: dict[str, float], words: str) -> None:
    for w in words.split(","):
        if w.strip():
            LEXICON[" ".join(w.split())] = letters


_add(
    {"R": 1.0},
    "hands-on, hands on, with my hands, working with my hands, fix, fixing, repair, build, building things, "
    "tools, machine, engine, car, cars, motor, mechanic, outdoor, outside, nature, animal, pets, dogs, horses, "
    "plants, garden, farm, sport, physical, construction, wood, carpentry, welding, driving, vehicles, trucks, "
    "boats, flying, planes, hiking, camping, fishing, hunting, electronics, wiring, assembling, making things, "
    "the outdoors, being outdoors, working outside, lifting, machinery, my hands, hands, woodwork, farming, "
    "gardening, repairing, mechanical, building",
)
_add(
    {"I": 1.0},
    "math, maths, mathematics, science, research, experiment, physics, chemistry, biology, puzzle, problem "
    "solving, solving problems, analy, investigat, figuring out, how things work, astronomy, space, logic, "
    "theory, theories, ideas, learning, curious, statistics, calculus, algebra, medicine, diseases, the brain, "
    "genetics, studying",
)
_add(
    {"I": 1.0, "C": 0.5},
    "programming, coding, code, software, computers, computer, data, algorithms, tech, technology",
)
_add(
    {"A": 1.0},
    "creative, creativity, art, arts, drawing, draw, paint, design, music, sing, writing, write, stories, poetry, "
    "photograph, film, movies, acting, act, theater, theatre, dance, dancing, fashion, crafts, imagination, "
    "expressing, decorating, artistic, instrument, guitar, piano, making videos, video editing, animation, "
    "singing, painting, designing, photography, drama, creating",
)
_add(
    {"S": 1.0},
    "helping, help people, help others, people, caring, care for, taking care, teaching, teach, kids, children, "
    "volunteer, listening, counsel, community, social, working with people, looking after, support people, "
    "supporting people, mentor, coaching, coach",
)
_add(
    {"E": 1.0},
    "selling, sell, sales, business, leading, lead, leadership, managing, manage, persuad, negotiat, "
    "entrepreneur, starting a business, my own business, marketing, politics, debat, public speaking, in charge, "
    "competition, competing, making deals, influenc, pitching",
)
_add(
    {"C": 1.0},
    "organiz, organis, order, detail, planning, spreadsheet, records, paperwork, filing, accounting, bookkeeping, "
    "budget, numbers, data entry, routine, schedul, rules, tidy, structure, lists, checking, admin, organizing, "
    "organising, ordering",
)
_add(
    {"R": 1.0, "I": 0.5},
    "engines, fixing engines, mechanics, robots, robotics, gadgets",
)
_add(
    {"R": 1.0, "S": 0.5},
    "sports, fitness, exercise, the gym",
)
_add(  # engineers' O*NET codes are RI or IR: both interests, not the hands-on one alone
    {"R": 1.0, "I": 1.0},
    "engineering, inventing, invent, inventions",
)
_add(
    {"S": 1.0, "I": 0.5},
    "health, healthcare, nursing",
)
_add(
    {"A": 1.0, "I": 0.5},
    "architecture",
)
_add(
    {"E": 1.0, "C": 0.5},
    "money, finance, investing",
)
_add(
    {"R": 1.0, "A": 0.5},
    "cooking, baking, food",
)

NEGATION = re.compile(
    r"\b(don'?t|do not|doesn'?t|never|hate|hates|dislike|dislikes|can'?t stand|not (into|a fan of|good at|keen on)|"
    r"bad at|no interest in|bored by|avoid|not|ugh|yuck|ew+|no thanks( to)?|no thank you|"
    # "a job where I barely have to talk to people" read as Social
    r"barely|hardly|rarely|seldom|without( having to| needing to)?|as little as possible|minimal|no need to|"
    r"(don'?t|do not|doesn'?t|does not|won'?t) (have|need) to|away from)\b"
)
# Ability and doubt are no dislike: "I like art but I'm not good at drawing" likes art and says nothing of liking
# drawing (the career test reads answers the same way: bot/dialogue/quiz_reader.py); "not sure what to do" no dislike.
NOT_A_DISLIKE = re.compile(
    r"\b(not (very |that |so |really )?(good|great|skilled) at|(bad|terrible|awful|weak) at|struggle with|"
    r"not (really |quite |too )?(sure|certain))\b"
)
# Parts of a message that say no activity: a question ("what careers should he look at"), an age or who the person
# is ("my son is 17"), and education not wanted ("he doesn't want to go to college": the education reader's).
# "My son is 17 and ... what careers should he look at?" read as Social.
NOT_AN_ACTIVITY = re.compile(
    r"^\s*(what|which|where|how|can|could|should|would|is|are|do|does|any)\b(?!.*\b(with|in|involving|around|"
    r"about)\b).*\b(careers?|jobs?|options|do|look at|fit|suit)\b|"
    r"\bshould (he|she|i|we|they) (look|do|consider|try|pick|choose)\b|"
    r"\b(\d+ years? old|years old|\d+ ?(yo|y/o))\b|\b(is|am|i'?m|he'?s|she'?s|turned|turning) \d+\b|"
    # what others think: "my parents say that's not a real job" (read as something to avoid: "that's a real job")
    r"\b(parents|mom|mum|dad|mother|father|friends?|teachers?|people|everyone|family) (say|says|said|think|thinks|"
    r"thought|tell me|told me|want me)\b|"
    # about the conversation: "I didn't ask about accounting" (read as an interest in "didn't ask about accounting")
    r"\b(ask|asked|asking|talk|talking|mean|meant) (about|for)\b"
)
SCHOOLING = re.compile(
    r"(\b(no|not|without|never|have|has|had|got|finished|dropped out of|afford|go to|going to|went to)\b|n'?t\b).*"
    r"\b(college|university|degree|diploma|school|ged)\b"
)
STRONG_WORDS = re.compile(r"\b(love|adore|passionate|obsessed|really (like|enjoy)|big fan|so much|favou?rite)\b")
OWN_VERB = re.compile(r"\b(i|i'?m|me|like|likes|love|loves|enjoy|enjoys|into|want|good|great|prefer|fan|but)\b")
SPLIT = re.compile(r",|;|\.|!|\?|\band\b|\bor\b|\bbut\b|\balso\b|\bplus\b|&|\bas well as\b")
LEAD = re.compile(
    r"^\s*(i'?m|i am|i|really|also|too|quite|very|pretty|a|an|the|being|to|that|like|likes|love|loves|enjoy|enjoys|"
    r"honestly|tbh|actually|well|um|uh|so|just|"
    r"into|good at|great at|interested in|passionate about|fond of|keen on|fan of|big fan of|a big fan of|"
    r"prefer|would like|want to|wanna|like to|love to|enjoy|doing|working on|work on|working with|really into|"
    r"person|people person|my hobbies are|my hobby is|hobbies|hobby|in my free time|for fun|myself|"
    r"i'?d say|kind of|kinda|definitely|also really|always|been|"
    r"(woman|man|girl|boy|guy|person|someone|student|teen|teenager|mom|mum|dad|parent|kid) (who|that)|who|that|"
    # someone else's interests: "my daughter only wants to do art" was quoted whole as the phrase
    r"(my|our) (son|daughter|kid|child|student|teen|teenager|boy|girl|niece|nephew|grandson|granddaughter)s?"
    r"( only| really| just| mostly)?( wants? to| likes?| loves?| enjoys?| is into| is good at)?( do| doing)?)"
    r"\b\s*"
)


@dataclass
class Stated:
    """Interests read from words: six scores (1-7), the letters the words expressed (highest first), and the phrases
    that expressed each letter."""

    scores: dict[str, float]
    expressed: list[str]
    phrases: list[str]
    by_letter: dict[str, list[str]] = field(default_factory=dict)
    disliked: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # things to avoid no interest stands for ("sit at a desk")

    @property
    def code(self) -> str | None:
        """The Holland code of what the words expressed (1-3 letters), or None when they expressed none."""
        return "".join(self.expressed[:3]) or None


# A refusal at the end turns down all that came before it: "filing, no thanks" (read as liking filing)
DECLINE_TAIL = re.compile(r"[,.;!-]\s*(no thanks|no thank you|nope|nah|not for me|no way|hard pass|pass)\W*$")


def phrases_of(text: str) -> list[str]:
    """The activity phrases of a message: "I like math and programming" -> ["math", "programming"]."""
    out: list[str] = []
    text = text.lower().replace("’", "'")
    declined = DECLINE_TAIL.search(text)
    if declined:
        text = text[: declined.start()]
    carried = False  # a dislike goes on through a bare list: "I hate desk jobs and numbers" (numbers were liked)
    at = 0
    for found in [*SPLIT.finditer(text), None]:
        part, separator = text[at : found.start() if found else len(text)].strip(), found.group(0) if found else ""
        at = found.end() if found else len(text)
        inherit = carried and not OWN_VERB.search(part)
        carried = False
        if not part or NOT_A_DISLIKE.search(part) or NOT_AN_ACTIVITY.search(part):
            continue
        if SCHOOLING.search(part):
            continue  # "he doesn't want to go to college", "I have no degree": education, read apart
        neg = bool(declined) or inherit or bool(NEGATION.search(part))
        carried = neg and separator.strip() in (",", "and", "or", "&", "plus")
        core = part
        for _ in range(6):
            new = LEAD.sub("", core)
            new = NEGATION.sub("", new).strip() if neg else new
            if new == core:
                break
            core = new
        core = core.strip(" '\"")
        if core and core not in ("i", "me", "stuff", "things", "it"):
            out.append(("not " if neg else "") + core)
    return out


def _lexicon(phrase: str) -> dict[str, float]:
    """The letters a phrase's activity words stand for (max weight per letter)."""
    hits: dict[str, float] = {}
    for word, letters in LEXICON.items():
        # short words must be whole ("act" is not "actually"); longer ones are stems ("organiz" -> "organizing")
        tail = r"s?(?![a-z])" if len(word) <= 4 else ""
        if re.search(r"(?<![a-z])" + re.escape(word) + tail, phrase):
            for letter, weight in letters.items():
                hits[letter] = max(hits.get(letter, 0.0), weight)
    return hits


Encoder = Callable[[list[str]], np.ndarray]
_ITEM_VECTORS: dict[int, np.ndarray] = {}


def _item_vectors(encode: Encoder) -> np.ndarray:
    key = id(encode)
    if key not in _ITEM_VECTORS:
        items = quiz.default_items()
        _ITEM_VECTORS[key] = encode([i.text for i in items])
    return _ITEM_VECTORS[key]


def _embedded(phrase: str, encode: Encoder) -> dict[str, float]:
    """The type whose test items the phrase is closest to (mean of the three nearest per type), if clearly so."""
    items = quiz.default_items()
    vectors = _item_vectors(encode)
    sims = vectors @ encode([phrase])[0]
    per = {}
    for d in RIASEC:
        mine = np.sort(sims[[n for n, i in enumerate(items) if i.dimension == d]])[-3:]
        per[d] = float(mine.mean())
    best = sorted(RIASEC, key=lambda d: -per[d])
    if per[best[0]] >= EMBED_MIN and per[best[0]] - per[best[1]] >= EMBED_MARGIN:
        return {best[0]: 1.0}
    return {}


def infer(text: str, encode: Encoder | None = None) -> Stated:
    """Interests from words. `encode` (bot.search.embeddings.encode) reads phrases the lexicon does not know."""
    scores = {d: NEUTRAL for d in RIASEC}
    by_letter: dict[str, list[str]] = {d: [] for d in RIASEC}
    disliked: list[str] = []
    phrases = phrases_of(text)
    strong = bool(STRONG_WORDS.search(text.lower()))
    kept: list[str] = []
    unplaced: list[str] = []
    read: list[tuple[bool, str, dict[str, float]]] = []
    for phrase in phrases:
        negative = phrase.startswith("not ")
        core = phrase[4:] if negative else phrase
        hits = _lexicon(core)
        if not hits and encode is not None and len(core) >= 3:
            hits = _embedded(core, encode)
        if hits:
            read.append((negative, core, hits))
        elif negative and len(core) >= 3:
            unplaced.append(core)
    # "I like art but hate drawing": some of that kind of work is liked, so the dislike does not cancel it
    liked = {d for negative, _, hits in read if not negative for d, w in hits.items() if w == 1.0}
    for negative, core, hits in read:
        kept.append(core)
        for letter, weight in hits.items():
            if negative:
                if weight == 1.0:
                    disliked.append(core)
                    if letter not in liked:
                        scores[letter] = min(scores[letter], NEGATIVE)
                continue
            top = STRONG_PRIMARY if strong else PRIMARY
            value = top if weight == 1.0 else SECONDARY
            if value > scores[letter]:
                scores[letter] = value
            if weight == 1.0 and core not in by_letter[letter]:
                by_letter[letter].append(core)
    expressed = sorted((d for d in RIASEC if scores[d] > NEUTRAL), key=lambda d: (-scores[d], RIASEC.index(d)))
    return Stated(
        scores=scores,
        expressed=expressed,
        phrases=[p for p in kept if p not in disliked],
        by_letter={d: v for d, v in by_letter.items() if v},
        disliked=list(dict.fromkeys(disliked)),
        unplaced=list(dict.fromkeys(unplaced)),
    )


def merge(old: dict[str, float] | None, new: Stated) -> dict[str, float]:
    """Stated interests told over several messages: the strongest statement of each interest wins, a dislike lowers."""
    if not old:
        return dict(new.scores)
    merged = {d: float(old[d]) for d in RIASEC}
    for d in RIASEC:
        if new.scores[d] > NEUTRAL:
            merged[d] = max(merged[d], new.scores[d])
        elif new.scores[d] < NEUTRAL:
            merged[d] = new.scores[d]
    return merged


OFF_ITEM_MAX = 0.30  # an answer's activity this close to the asked item is about it ("fixing bikes": 0.80)
OFF_ITEM_MARGIN = 0.15  # ... and one this much closer to another item is about that one ("drawing": 0.10 vs 0.46)
_POINTING = re.compile(r"\b(it|that|this|these|those|them|one|so)\b")


def other_activities(text: str, item_id: str, encode: Encoder) -> list[str]:
    """The activities an answer to a test item names when none of them is the asked one: "I like drawing and video
    games" to "Repair a bicycle" tells interests, it does not say how much the person would enjoy repairing a
    bicycle. Empty when the answer points at the item ("I'd love that"), names nothing, or names something close to
    it ("fixing stuff") or close to no item in particular ("working with my hands"). Only phrases that express an
    interest count ("sounds awesome" names no activity)."""
    if _POINTING.search(text.lower()):
        return []
    stated = infer(text, encode)
    phrases = stated.phrases + [p for p in stated.disliked if p not in stated.phrases]
    if not phrases:
        return []
    items = quiz.default_items()
    asked = next((n for n, i in enumerate(items) if i.id == item_id), None)
    if asked is None:
        return []
    sims = encode(phrases) @ _item_vectors(encode).T
    for row in sims:
        here = float(row[asked])
        if here >= OFF_ITEM_MAX or float(np.max(row)) - here < OFF_ITEM_MARGIN:
            return []
    return phrases
