"""Reading the career test's free-text answers as meant: "how much would you enjoy this?" and the education question.

A small rule-based reader, no model: the text is normalized (contractions, slang, stretched letters, a few typos),
cut into clauses at "but", "however", "although" and punctuation, and each clause is read for opinion words with
what modifies them:
- negation: "don't like" -> 2, "not bad" -> 4, "I don't hate it" -> 3; "I really don't like it" -> 1 (a strong
  negation) but "I don't really like it" -> 2 (a soft one); "not at all", "no way", "absolutely not" -> 1;
- intensifiers and hedges: "really fun", "like it a lot" -> 5; "kinda love it", "I'd probably hate it" -> 4, 2;
- contrast: the clause after "but"/"however" (or one ending in "though") wins; a concession ("although I've
  never done it, ...") gives way to the main clause;
- access is not dislike: "never tried it", "never had a garden", "I can't afford it", "I'm not good at it" say
  nothing about enjoying the activity, so alone they are not an answer (the test asks again, saying why), and
  beside an opinion they are ignored ("never tried it but it sounds fun" -> 4).
Measured on tests/eval/quiz_answers.yml and tests/eval/quiz_education.yml by `python -m bot eval`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

BUTTONS = {"love it": 5, "like it": 4, "not sure": 3, "dislike it": 2, "hate it": 1}


@dataclass(frozen=True)
class Reading:
    """What an answer means on the 1-5 scale (None: not an answer), and why: "number", "words", "access" (only
    about access, experience or ability: asked again for enjoyment), "pay" (it depends on the pay: asked again) or
    "unknown"."""

    value: int | None
    kind: str


# --- normalization -------------------------------------------------------------------------------------------

_CONTRACTIONS = [
    (r"\bcan'?t\b", "can not"),
    (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "is not"),
    (r"\b(do|does|did|is|are|was|were|would|could|should|have|has|had|must|need)n'?t\b", r"\1 not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(i|you|we|they|he|she|it|that|there)'d\b", r"\1 would"),
    (r"\b(i|you|we|they|it|that|there)d\b(?<!\bid\b)", r"\1 would"),  # itd, thatd, youd
    (r"\bid\b", "i would"),
    (r"\bi'?m\b", "i am"),
    (r"\b(i|you|we|they)'?ve\b", r"\1 have"),
    (r"\b(you|we|they)'re\b", r"\1 are"),
    (r"\b(i|you|we|they|it|that)'ll\b", r"\1 will"),
    (r"\b(it|that|what|there|he|she)'?s\b", r"\1 is"),
    (r"'s\b", ""),
]
_SLANG = {
    "kinda": "kind of",
    "sorta": "sort of",
    "dunno": "do not know",
    "idk": "i do not know",
    "idc": "i do not care",
    "gonna": "going to",
    "wanna": "want to",
    "tho": "though",
    "altho": "although",
    "rly": "really",
    "realy": "really",
    "prob": "probably",
    "probs": "probably",
    "prolly": "probably",
    "def": "definitely",
    "defo": "definitely",
    "deffo": "definitely",
    "defs": "definitely",
    "defintely": "definitely",
    "ofc": "of course",
    "ya": "yeah",
    "yah": "yeah",
    "yea": "yeah",
    "yeh": "yeah",
    "ye": "yeah",
    "yup": "yeah",
    "yep": "yeah",
    "yas": "yes",
    "naw": "nah",
    "nay": "nah",
    "luv": "love",
    "lub": "love",
    "liek": "like",
    "lik": "like",
    "lke": "like",
    "lkie": "like",
    "h8": "hate",
    "gr8": "great",
    "k": "ok",
    "kk": "ok",
    "okay": "ok",
    "okey": "ok",
    "alright": "ok",
    "allright": "ok",
    "nvr": "never",
    "wud": "would",
    "wld": "would",
    "cud": "could",
    "v": "very",
    "abt": "about",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "favorite": "favourite",
    "fav": "favourite",
    "fave": "favourite",
    "nty": "no thanks",
    "thx": "thanks",
}
_FILLER = {"tbh", "ngl", "lol", "lmao", "haha", "hahaha", "honestly", "oh", "um", "uh", "umm", "well", "like,", "hmm"}


# Emoji answers, as the words they stand for ("😍" was no answer)
_EMOJI = {
    "love it": "😍🥰🤩❤️💖💕😻🔥💯",
    "like it": "👍🙂😊😀😃😄👌✅",
    "not sure": "🤷🤔😐😶",
    "dislike it": "👎🙁😕😒🥱😴",
    "hate it": "🤮🤢😡😠💀🙅❌",
}
_EMOJI_WORDS = {ch: f" {words} " for words, chars in _EMOJI.items() for ch in chars if ch != "\ufe0f"}
_EMOJI_RE = re.compile("|".join(re.escape(ch) for ch in sorted(_EMOJI_WORDS, key=len, reverse=True)))


def _normalize(text: str) -> str:
    t = _EMOJI_RE.sub(lambda m: _EMOJI_WORDS[m.group(0)], text).lower().strip()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("&", " and ")
    for pattern, repl in _CONTRACTIONS:
        t = re.sub(pattern, repl, t)
    t = re.sub(
        r"\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|wouldnt|couldnt|shouldnt|havent|hasnt|hadnt)\b",
        lambda m: m.group(1)[:-2] + " not",
        t,
    )
    t = re.sub(r"\b(cant)\b", "can not", t)
    t = re.sub(r"\b(wont)\b", "will not", t)
    t = re.sub(r"\bim\b", "i am", t)
    t = re.sub(r"\bive\b", "i have", t)
    t = re.sub(r"\b(thats|its|whats)\b", lambda m: m.group(1)[:-1] + " is", t)
    t = re.sub(r"(?<=\w)-(?=\w)", " ", t)  # so-so, hands-on
    return t


def _tokens(t: str, vocab: set[str]) -> list[str]:
    out: list[str] = []
    for tok in re.findall(r"[a-z0-9]+%?|[,.;!?:]", t):
        if tok in _FILLER:
            continue
        if tok in _SLANG:
            out.extend(_SLANG[tok].split())
            continue
        out.append(_spell(tok, vocab))
    return out


def _spell(tok: str, vocab: set[str]) -> str:
    """A word the lexicon knows for a stretched ("loooove") or mistyped ("definately") one; else the word."""
    if tok in vocab or not tok.isalpha():
        return tok
    for candidate in (re.sub(r"(.)\1+", r"\1", tok), re.sub(r"(.)\1{2,}", r"\1\1", tok)):
        if candidate in vocab:
            return candidate
        if candidate in _SLANG and " " not in _SLANG[candidate]:
            return _SLANG[candidate]
    if len(tok) >= 6:
        close = difflib.get_close_matches(tok, [w for w in vocab if len(w) >= 6], n=1, cutoff=0.85)
        if close:
            return close[0]
    return tok


# --- the lexicon ---------------------------------------------------------------------------------------------
# kind: "op" an opinion (value; weight 2 for content words, 1 for yes/no particles and plain neutral words, 0 for
# doubts that only stand when nothing else is said); "neg" a negator (value when it stands alone, e.g. "not
# really" -> 2; strong: "definitely not" pushes a negated opinion to the extreme); "doubt" ("not sure [I'd like
# it]" -> 3); "int" an intensifier before or after an opinion (value when alone: "absolutely" -> 5); "hedge"
# (softens 5 and 1; value when alone: "probably" -> 4); "allneg" ("at all": makes a negative answer extreme);
# "skip" words that only look like opinions ("that kind of thing", "sounds like").


@dataclass(frozen=True)
class _Entry:
    kind: str
    value: int | None = None
    weight: int = 2
    strong: bool = False


def _op(value: int, weight: int = 2) -> _Entry:
    return _Entry("op", value, weight)


_LEXICON: dict[tuple[str, ...], _Entry] = {}


def _add(words: str, entry: _Entry) -> None:
    for phrase in words.split("|"):
        _LEXICON[tuple(phrase.split())] = entry


_add(
    "love|loved|loves|loving|adore|adored|adores|amazing|awesome|fantastic|excellent|brilliant|perfect|dream|"
    "favourite|passion|great|wonderful|incredible|epic|sign me up|count me in|can not wait|would be a blast|"
    "a blast|of course|for sure|heck yes|hell yes|hell yeah|yes please|oh yes|my jam|love every minute|thrilled|"
    "excited|stoked|psyched|delighted|ecstatic|very much so|yes definitely|heck yeah|so me|that is me",
    _op(5),
)
_add(
    "like|liked|likes|liking|enjoy|enjoyed|enjoys|enjoying|enjoyable|fun|interesting|interested|interest|cool|"
    "nice|good|neat|appeals|appealing|appeal|into it|into that|into this|am into|keen|fan|up for|"
    "give it a go|give it a try|give it a shot|try it|happy to|glad to|see myself|my thing|cup of tea|"
    "exciting|lovely|satisfying|rewarding|fulfilling|would not mind|sounds good|i think so|think so|why not|"
    "sure thing",
    _op(4),
)
_add("yes|yeah|sure|am in|i am down|down for", _op(4, 1))
_add(
    "so so|either way|depends|depending|it depends|neutral|indifferent|do not care|mixed feelings|"
    "no strong feelings|no opinion|hard to say|could go either way|fifty fifty|half and half|meh|do not mind|"
    "yes and no|never thought about it|never really thought about it|never considered it|not fussed|whatever",
    _op(3, 1),
)
_add("ok|fine|average", _op(3, 1))
_add("sometimes|occasionally|now and then|every now and then|from time to time|once in a while|in small doses", _op(3))
_add(
    "kind of yes kind of no|sort of yes sort of no|yes but no|yes or no|in the middle|in between|middle|"
    "take it or leave it|can not decide|undecided|torn|on the fence",
    _op(3),
)
_add("prefer not|prefer something else|prefer not to", _op(2))
_add(  # reluctance: done when there is no choice, not enjoyed
    "if i had to|if i have to|if i must|if i really had to|if necessary|when necessary|only if necessary|"
    "if forced|if i was forced|if i were forced|reluctantly",
    _op(2),
)
_add("could live with it|can live with it|could live with that|can live with that", _op(3))
_add("would pay to do|would pay to do that|would pay to do it|do it for free|in a heartbeat", _op(5))
_add("not if i had to|not even if i had to|not even if i was forced|not even if i were forced", _op(1))
_add("nope nope|no no|nah nah", _op(1))
_add("neither|nor", _Entry("doubt", 3, 1))  # "neither like nor dislike"
_add("not my favourite|not the best|am good|i am good thanks", _op(2, 1))  # "nah I'm good"
_add("excite|excites|exciting|appeals to me", _op(4))
_add("maybe maybe not", _op(3))
_add(
    "dislike|disliked|dislikes|boring|bored|bore|dull|tedious|bad|annoying|tiresome|unpleasant|mind|"
    "rather|no thanks|no thank you|not for me|not my kind of thing|pass|rather not|"
    "not much|nothing special|rather do something else|rather do anything else|not so much",
    _op(2),
)
_add("nah|nope|no", _op(2, 1))
_add("agree|agreed", _op(4))  # a survey's words: "strongly agree" -> 5, "strongly disagree" -> 1
_add("disagree|disagreed|unlikely|not likely|not very likely", _op(2))
_add(
    "hate|hated|hates|hating|detest|loathe|despise|awful|horrible|terrible|nightmare|worst|gross|disgusting|"
    "dreadful|miserable|no way|hell no|heck no|god no|oh god no|hard pass|hard no|can not stand|can not bear|"
    "zero interest|not at all|not even a little|not in a million years|never in a million years|"
    "not a chance|over my dead body|rather die|kill me|not even close|nothing worse|no chance",
    _op(1),
)
_add("not|hardly|barely|not exactly", _Entry("neg", None, 2))
_add("never", _Entry("neg", 1, 2))  # alone a refusal ("I would never"); before an opinion a negation
_add(
    "not really|not particularly|not especially|not too|probably not|maybe not|i think not|not very|likely not",
    _Entry("neg", 2, 2),
)
_add(
    "definitely not|absolutely not|certainly not|of course not|really not|totally not|definitely never|"
    "absolutely never|never ever|never never",
    _Entry("neg", 1, 2, strong=True),
)
_add(
    "not sure|unsure|do not know|no idea|no clue|not certain|can not say|not too sure|not so sure|"
    "not really sure|not quite sure|not entirely sure|not totally sure|not completely sure|do not really know|"
    "not 100 sure|not 100 % sure",
    _Entry("doubt", 3, 0),
)
_add(
    "really|so|very|super|extremely|incredibly|truly|a lot|so much|very much|loads|lots|a ton|tons|heaps|omg|"
    "oh my god|hella|mega|damn|strongly|deeply|highly",
    _Entry("int"),
)
_add("absolutely|definitely|certainly|totally|100", _Entry("int", 5, 2))
_add("ugh", _Entry("int", 2, 1))
_add("might|could|a little bit", _Entry("hedge"))
_add("kind of|sort of|probably|likely", _Entry("hedge", 4, 0))
_add(
    "i guess|i suppose|somewhat|a little|a bit|maybe|perhaps|possibly|i guess so|i suppose so|eh|hmm",
    _Entry("hedge", 3, 0),
)
_add("at all|whatsoever", _Entry("allneg"))
_add(
    "that kind of|this kind of|the kind of|what kind of|any kind of|these kind of|those kind of|my kind of|"
    "that sort of|this sort of|the sort of|sounds like|looks like|seems like|feels like|something like|"
    "anything like|nothing like|stuff like|things like|thing like|more like|exactly like|much like|feel like|"
    "never mind",
    _Entry("skip"),
)
_add("not bad", _op(4))  # the commonest double negative, also when nothing else is said
# Wanting to try it is enjoying the thought of it ("I've always wanted to try that" was no answer)
_add("always wanted to|always wanted|have always wanted|dying to|been wanting to|been dying to", _op(5))
_add("want to try|wanna try|would try|would like to try|curious|intrigued|tempting|tempted", _op(4))
_add("ew|eww|ewww|ick|bleh|meh no", _op(2))
_add("yuck|yucky|blech|barf|gag", _op(1))

_MAX_PHRASE = max(len(p) for p in _LEXICON)
_VOCAB = {w for p in _LEXICON for w in p} | {"never", "tried", "afford", "experience", "chance", "opportunity"}
_NEG = {5: 3, 4: 2, 3: 2, 2: 4, 1: 3}  # what a negated opinion means ("not fun" -> 2, "not terrible" -> 3)

# Access, experience and ability: said about the person, not about enjoying the activity.
_EXP = (
    r"done|did|tried|had|got|gotten|get (?:the|a|to|into)|learned|learnt|seen|used|owned|worked|studied|taken|"
    r"played|ridden|made|built|fixed|grown|cooked|driven|taught|trained|experienced|touched|handled|held|"
    r"visited|lived|gone|been (?:to|taught|trained|able|given|shown|there|near|allowed|on)"
)
_ACCESS = [
    rf"\bnever (?:really |actually |even |ever |once )?(?:{_EXP})\b",
    rf"\b(?:have|has|had) not (?:really |actually |even |ever |yet )?(?:{_EXP})\b",
    r"\bdid not (?:get|have|try|learn|grow up)\b",
    r"\b(?:do|does|did) not (?:really )?(?:have|own)\b",
    r"\bnot (?:have|had|got) (?:the|a|an|any)\b",
    r"\bno (?:real |prior |previous |practical |hands on |formal )?(?:experience|"
    r"(?:chance|opportunit(?:y|ies))(?= to| yet| for| of| at)|"
    r"access|money|cash|budget|funds|time|skills?|training|qualifications?|degree|garden|yard|car|bike|space|room|"
    r"equipment|tools|background|way to (?:learn|try|get))\b",
    r"\b(?:can not|could not|can ?t|unable to) afford\b|\bafford\b|\btoo expensive\b|\bcosts? too much\b",
    r"\b(?:do|does|did) not know how\b|\bno (?:idea|clue) how\b|\bnot sure how\b|\bnever learned how\b",
    r"\b(?:good|bad|great|terrible|awful|hopeless|useless|rubbish|decent|better|worse|no good|skilled|talented)"
    r" (?:at|with)\b(?! all)",
    r"\bknow (?:anything|nothing|much|little|a lot|very little) about\b|\bsuck at\b|\bnot yet\b|\bnot old enough\b",
    r"\bnot (?:skilled|qualified|trained|experienced|talented)\b",
    # the body or health, not enjoyment ("sounds fun but I have a bad back" was read as Dislike it)
    r"\b(?:have|has|got|with) (?:a |bad |weak |sore |injured |dodgy |two )*(?:bad|weak|sore|injured|dodgy|broken) "
    r"(?:back|knees?|hips?|shoulders?|wrists?|hands?|ankles?|feet|eyes|eyesight|hearing|lungs|heart|health)\b|"
    r"\b(?:back|knee|hip|joint|chronic) (?:pain|problems?|issues?|injury)\b|\ballergic\b|\ballergies\b|"
    r"\bhealth (?:problems?|issues?|conditions?)\b|\bwheelchair\b|\bdisabilit(?:y|ies)\b",
    r"\b(?:experience|qualifications|qualified|skills|lessons)\b",
]
_ACCESS_RE = re.compile("|".join(f"(?:{p})" for p in _ACCESS))

_WANTING = {"interest", "interested", "fan", "passion", "love", "liking", "desire", "wish", "urge"}
_CONTRAST = {"but", "however", "except"}  # "though" at the end of a clause: see _clauses
_CONCESSION = {"although", "though", "whereas", "while"}
_SCOPE_BREAK = {"and", "or", "because", "since", "then", ",", ".", ";", "!", "?", ":"}


@dataclass
class _Clause:
    role: str  # "plain", "contrast" or "concession"
    tokens: list[str] = field(default_factory=list)


# An answer that depends on the pay ("maybe if it paid well", "only if the money is good") says nothing about enjoying
# the activity: asked again, with a word that pay comes later (it was read as "Not sure" or "Like it").
PAY_CONDITION = re.compile(
    r"\b(if|only if|as long as|provided|depends on)\b[^.;]{0,25}\b(paid|pays|pay|paying|money|salary|wages?)\b|"
    r"\bfor (enough|the right|good) (money|pay|salary)\b"
)


def read_answer(text: str) -> Reading:
    """A free-text answer to "how much would you enjoy this?" on the 1-5 scale (see the module docstring)."""
    raw = text.strip().lower()
    if not raw:
        return Reading(None, "unknown")
    if raw.strip(" .!") in BUTTONS:
        return Reading(BUTTONS[raw.strip(" .!")], "words")
    number = _number(raw)
    if number is not None:
        return Reading(number, "number")
    if PAY_CONDITION.search(raw):  # "maybe if it paid well": about the pay, not the activity
        return Reading(None, "pay")
    t = _normalize(raw)
    t = re.sub(r"\bmaybe\s*[,.]?\s*maybe not\b", "maybe maybe not", t)
    t = re.sub(r"\byes+\s*!+", "yes please ", t)
    t = re.sub(r"\b50\s*(?:/|-|\s)\s*50\b|\b50 ?%", "fifty fifty", t)
    t = re.sub(r"\b100\s*%", "absolutely", t)
    t = re.sub(r"\bno way\b", "no_way", t)  # not "no" + "way" (and not an access "no way to learn")
    t = _ACCESS_RE.sub(
        lambda m: " accessneg " if re.match(r"(never|no|not|have|has|had|do|does|did)\b", m.group(0)) else " access ", t
    )
    t = t.replace("no_way", "no way")
    tokens = _tokens(t, _VOCAB | {"access", "accessneg"})
    clauses = _clauses(tokens)
    read = [_read_clause(c) for c in clauses]
    has_access = any(r[2] for r in read)
    best: tuple[int, int] | None = None
    for role in ("contrast", "plain", "concession"):
        candidates = [
            (value, weight)
            for c, (value, weight, _) in zip(clauses, read)
            if c.role == role and value is not None and (weight > 0 or not has_access)
        ]
        if not candidates:
            continue
        if role == "contrast":
            best = candidates[-1]
        else:
            top = max(w for _, w in candidates)
            best = [c for c in candidates if c[1] == top][-1]
        break
    if best is not None:
        return Reading(best[0], "words")
    return Reading(None, "access" if has_access else "unknown")


def _number(raw: str) -> int | None:
    if m := re.fullmatch(r"\s*(?:a |an |i'?d say (?:a |an )?|say (?:a )?)?([1-5])\s*[.!)]*\s*", raw):
        return int(m.group(1))
    if m := re.search(r"\b(\d{1,2})\s*(?:/|out of)\s*(5|10)\b", raw):
        n, of = int(m.group(1)), int(m.group(2))
        if n <= of:
            return max(1, n) if of == 5 else int(1 + n * 4 / 10 + 0.5)
    words = re.findall(r"[a-z0-9']+", raw)
    digits = [w for w in words if w.isdigit()]
    if len(words) <= 5 and len(digits) == 1 and digits[0] in "12345" and len(digits[0]) == 1:
        return int(digits[0])
    return None


def _clauses(tokens: list[str]) -> list[_Clause]:
    clauses = [_Clause("plain")]
    for n, tok in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        current = clauses[-1]
        if tok in {",", ".", ";", "!", "?", ":"}:
            if current.tokens:
                clauses.append(_Clause("plain"))
            continue
        if tok == "though" and (nxt is None or nxt in {",", ".", ";", "!", "?", ":"}):
            current.role = "contrast"  # "sounds fun though": this clause is the contrast
            continue
        if tok in _CONCESSION and not (tok == "while" and current.tokens):
            clauses.append(_Clause("concession"))
            continue
        if tok == "even" and nxt in ("though", "if"):
            continue
        if tok in _CONTRAST:
            clauses.append(_Clause("contrast"))
            continue
        current.tokens.append(tok)
    return [c for c in clauses if c.tokens]


@dataclass
class _Event:
    pos: int
    entry: _Entry
    value: int | None
    weight: int


def _read_clause(clause: _Clause) -> tuple[int | None, int, bool]:
    """(value, weight, access mentioned) of one clause."""
    tokens = clause.tokens
    events: list[_Event] = []
    access = False
    n = 0
    while n < len(tokens):
        if tokens[n] in ("access", "accessneg"):
            access = True
            if tokens[n] == "accessneg":
                events.append(_Event(n, _Entry("neg", None, 0), None, 0))
            n += 1
            continue
        for size in range(min(_MAX_PHRASE, len(tokens) - n), 0, -1):
            entry = _LEXICON.get(tuple(tokens[n : n + size]))
            if entry is not None:
                if n > 0 and tokens[n - 1] == "to" and {"access", "accessneg"} & set(tokens[max(0, n - 6) : n]):
                    entry = _Entry("skip")  # "never had the chance to try it": part of what was not had
                events.append(_Event(n, entry, entry.value, entry.weight))
                n += size - 1
                break
        else:
            if tokens[n] in _SCOPE_BREAK:
                events.append(_Event(n, _Entry("break"), None, 0))
        n += 1
    # "no" right before an opinion negates it ("no fun", "no real interest"); elsewhere it is a plain "no".
    for i, e in enumerate(events):
        if e.entry.kind == "op" and tokens[e.pos] == "no" and e.entry.weight == 1:
            nxt = events[i + 1] if i + 1 < len(events) else None
            if nxt is not None and nxt.entry.kind == "op" and nxt.pos - e.pos <= 2:
                e.entry, e.value, e.weight = _Entry("neg", None, 2), None, 2
    ops = [e for e in events if e.entry.kind == "op"]
    hedged = any(e.entry.kind == "hedge" for e in events) and bool(ops)
    # Intensifiers first: before a negator they make it strong ("I really don't like it" -> 1); right after one
    # they soften it and are dropped ("I don't really like it" -> 2); else they lift the nearest opinion.
    for i, e in enumerate(events):
        if e.entry.kind != "int":
            continue
        nxt = events[i + 1] if i + 1 < len(events) else None
        if nxt is not None and nxt.entry.kind == "neg" and nxt.pos - e.pos <= 3:
            nxt.entry = _Entry("neg", nxt.entry.value, nxt.entry.weight, strong=True)
            e.entry = _Entry("used")
            continue
        target = _next_op(events, i)
        if target is not None and target.pos - e.pos <= 2:
            if not _negated_before(events, i):
                target.value = _intensify(target.value)
            e.entry = _Entry("used")
            continue
        before = _prev_op(events, i)
        if before is not None and tokens[e.pos] in ("a", "so", "very", "loads", "lots", "tons", "heaps"):
            before.value = _intensify(before.value)
            e.entry = _Entry("used")
    # Negators and doubts attach to the next opinion in their scope.
    for i, e in enumerate(events):
        if e.entry.kind not in ("neg", "doubt"):
            continue
        target = _next_op(events, i)
        if target is None or (e.entry.kind == "neg" and tokens[target.pos] in ("no", "nah", "nope")):
            continue  # "not really, no": a negated "no" is still a no
        if e.entry.kind == "neg" and not e.entry.weight and tokens[target.pos] not in _WANTING:
            continue  # "never had the chance to try it": only a lack of interest is negated by "never had"
        if e.entry.kind == "doubt":
            target.value = 3
        else:
            negated = _NEG[target.value or 3]
            if e.entry.strong and negated <= 3:
                negated = max(1, negated - 1)
            target.value = negated
            if e.entry.weight:
                target.weight = 2
        e.entry = _Entry("used")
    for i, e in enumerate(events):
        if e.entry.kind == "allneg":
            before = _prev_op(events, i)
            if before is not None and (before.value or 3) <= 2:
                before.value = 1
    # What is left standing alone: an opinion, else a negator/doubt/intensifier/hedge with a value of its own.
    standing = [
        e
        for e in events
        if e.entry.kind == "op" or (e.entry.kind in ("neg", "doubt", "int", "hedge") and e.entry.value is not None)
    ]
    if not standing:
        return None, 0, access
    top = max(e.weight for e in standing)
    chosen = [e for e in standing if e.weight == top][-1]
    value = chosen.value
    if value is not None and hedged and chosen.entry.kind == "op":
        value = {5: 4, 1: 2}.get(value, value)
    return value, top, access


def _next_op(events: list[_Event], i: int) -> _Event | None:
    for e in events[i + 1 :]:
        if e.entry.kind == "break":
            return None
        if e.entry.kind == "op":
            return e
    return None


def _prev_op(events: list[_Event], i: int) -> _Event | None:
    for e in reversed(events[:i]):
        if e.entry.kind == "break":
            return None
        if e.entry.kind == "op":
            return e
    return None


def _negated_before(events: list[_Event], i: int) -> bool:
    """An intensifier after a negator softens it ("I don't really like it"): it is not applied."""
    for e in reversed(events[:i]):
        if e.entry.kind == "break":
            return False
        if e.entry.kind == "neg":
            return True
        if e.entry.kind == "op":
            return False
    return False


def _intensify(value: int | None) -> int | None:
    return {4: 5, 2: 1}.get(value, value) if value is not None else None


# --- the education question ----------------------------------------------------------------------------------
# Levels as O*NET job zones: 2 little or none (high school), 3 certificate / apprenticeship / associate's,
# 4 bachelor's, 5 graduate. Longest first, so "community college" is not "college" and "graduate degree" not
# "degree". A level named under a negation caps below it (what it rules out); a level the person would do counts
# over one they rule out ("not college, maybe a trade" -> 3).
_ZONE_LEVELS = [
    (
        5,
        r"master'?s?(?: degree)?|masters|mba|msc|ph ?d|doctorate|doctoral(?: degree)?|graduate (?:degree|school)|"
        r"grad (?:school|degree)|postgrad\w*|post graduate(?: degree)?|med(?:ical)? school|law school|"
        r"professional degree|residency|doctor(?: level)?",
    ),
    (
        3,
        r"community college|associate'?s?(?: degree)?|associates|(?:two|2) year(?: degree| program)?|"
        r"certificates?|certification|certified|licen[sc]e|apprentice\w*|trade school|trades?|vocational(?: \w+)?|"
        r"technical school|tech school|bootcamp|boot camp|a year or two|one or two years|1 or 2 years|"
        r"(?:short |online |training )?courses?",
    ),
    (
        4,
        r"bachelor'?s?(?: degree)?|bachelors|undergrad\w*|university|uni|(?:four|4) years?(?: degree)?|"
        r"college degree|college|degree|years (?:in|of|at) (?:school|college|study|studying)",
    ),
    (
        2,
        r"high school(?: diploma)?|ged|hs diploma|diploma|on the job(?: training)?|few (?:months|weeks)|"
        r"months|weeks|no more school|done with school|start working|work right away",
    ),
]
_ZONE_YEARS = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|a) years?\b")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_ZONE_BOUND = re.compile(
    r"\b(?:no more than|not more than|nothing more than|nothing (?:past|beyond|after|above|higher than|more than)|"
    r"(?:but|and) (?:nothing|no) (?:more|further|higher)|at (?:the )?most|up to|max(?:imum)?|tops|only|just|"
    r"is enough|would be enough|(?:but|and) not more|at max)\b"
)
_ZONE_NEGATION = re.compile(
    r"\b(?:no|not|never|without|none|skip|avoid|can not afford|could not afford|do not (?:want|need|have)|"
    r"does not (?:want|need)|will not|would not|not going to|no interest in|not interested in|rather not)\b"
    r"(?:\W+\w+){0,4}\W*$"
)
_ZONE_NEGATED_AFTER = re.compile(r"^\W*(?:is |are )?(?:no|not for me|too expensive|too long|is out|out|never)\b")
_ZONE_OPEN = re.compile(
    r"\b(?:whatever it takes|as much as|any amount|as long as|however long|no limit|"
    r"whatever (?:is )?needed|all the way|as far as|whatever i need)\b"
)
_ZONE_NONE = re.compile(
    r"\b(?:none|nothing|little|not much|as little as possible|zero|no training|no education|"
    r"no school|very little)\b"
)
_ZONE_ALL = re.compile(
    r"\b(?:everything|anything|whatever|does not matter|do not mind|do not care|no preference|any|all|either|"
    r"show me all|no filter|all of them|"
    # undecided: no limit rather than "Sorry, I didn't catch that" over and over
    r"not sure|unsure|no idea|do not know|dont know|dunno|idk|meh|no clue|undecided|not decided|have not decided|"
    r"can not decide|cannot decide|hard to say)\b"
)


def read_zone(text: str) -> int | None:
    """The education question's answer as the highest job zone the person would train for (2-5), 0 for no limit,
    None if it is not an answer."""
    t = _normalize(text.strip().lower())
    t = _ZONE_BOUND.sub(" upto ", t)
    t = re.sub(r"\s+", " ", t)
    positive: list[int] = []
    caps: list[int] = []
    taken = [False] * len(t)
    for zone, pattern in _ZONE_LEVELS:
        for m in re.finditer(rf"\b(?:{pattern})\b", t):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            before, after = t[: m.start()], t[m.end() :]
            clause_before = re.split(r"[,;.]| but ", before)[-1]
            if _ZONE_NEGATION.search(clause_before) or _ZONE_NEGATED_AFTER.match(after):
                caps.append(_below(zone, m.group(0)))
            else:
                positive.append(zone)
    for m in _ZONE_YEARS.finditer(t):
        if any(taken[m.start() : m.end()]):
            continue
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        positive.append(3 if n <= 2 else 4 if n <= 4 else 5)
    if positive:
        return max(positive)
    if caps:
        return min(caps)
    if _ZONE_OPEN.search(t):
        return 5
    if _ZONE_NONE.search(t):
        return 2
    if _ZONE_ALL.search(t):
        return 0
    return None


def _below(zone: int, said: str) -> int:
    """The highest zone left when a level is ruled out: "no degree" or "no college" rule out an associate's
    degree too (2); "no university" or "no bachelor's" leave community college and trade school (3)."""
    if said in ("degree", "college", "college degree") or said.startswith("years"):
        return 2
    if said.startswith(("ph", "doctor")):
        return 5  # a master's is still a graduate degree (job zone 5)
    return max(2, zone - 1)
