"""How a career name is written down for lookup: case, punctuation, plurals, filler, abbreviations ("ML eng"),
fields ("civil engineering"), degrees ("doctor of veterinary medicine") and word order.

Shared by the resolver (bot/dialogue/resolve.py) and the O*NET title lookup (bot/dialogue/titles.py).
"""

from __future__ import annotations

import re

from bot.knowledge.text import singular

ABBREVIATIONS = {
    "eng": "engineer",
    "engr": "engineer",
    "engg": "engineer",
    "engineers": "engineer",
    "dev": "developer",
    "devs": "developer",
    "sci": "scientist",
    "mgr": "manager",
    "admin": "administrator",
    "tech": "technician",
    "spec": "specialist",
    "pm": "manager",
    "ml": "machine learning",
    "ai": "ai",
    "cv": "computer vision",
    "nlp": "natural language processing",
    "dr": "doctor",
    "docs": "doctor",
}
# A field's name for its practitioner: "civil engineering" -> "civil engineer", "data science" -> "data scientist".
FIELDS = {
    "engineering": "engineer",
    "science": "scientist",
    "accounting": "accountant",
    "nursing": "nurse",
    "pharmacy": "pharmacist",
    "dentistry": "dentist",
    "psychology": "psychologist",
    "architecture": "architect",
    "plumbing": "plumber",
    "carpentry": "carpenter",
    "welding": "welder",
    "journalism": "journalist",
    "photography": "photographer",
    "translation": "translator",
    "animation": "animator",
    "statistics": "statistician",
    "economics": "economist",
    "physics": "physicist",
    "chemistry": "chemist",
    "biology": "biologist",
    "geology": "geologist",
    "farming": "farmer",
    "law": "lawyer",
    "teaching": "teacher",
    "firefighting": "firefighter",
    "policing": "police officer",
    "veterinary medicine": "veterinarian",
    "veterinary science": "veterinarian",
    "dental surgery": "dentist",
    "dental medicine": "dentist",
    "optometry": "optometrist",
    "physical therapy": "physical therapist",
    "occupational therapy": "occupational therapist",
    "social work": "social worker",
    "medicine": "physician",
    "analysis": "analyst",  # "cybersecurity analysis", "data analysis"
}
# A degree or title before a field names the field's practitioner: "doctor of veterinary medicine" is a
# veterinarian (not a physician), "bachelor of nursing" a nurse.
DEGREE = re.compile(r"^(?:doctor|doctorate|phd|bachelor|master|degree)(?: in| of)? (.+)$")
# Words of rank or standing before a name, dropped when the name is not known with them: "senior accountant".
RANKS = {"senior", "sr", "junior", "jr", "lead", "principal", "trainee", "experienced", "freelance", "entry", "level"}
# Words that carry no name: "the job of a welder". NAME_WORDS can also be part of a name ("career counselor"), so
# names are indexed with them and a message is looked up with them first, then without.
NAME_WORDS = {"job", "career", "role", "position"}
FILLER = {"a", "an", "the", "of", "my", "some", "be", "being", "become", "as"} | NAME_WORDS
# Abbreviations of ours that are everyday chat words in lower case ("more pls", "do nurses get ot?", "any pt jobs?"):
# read as a career only when written in capitals ("PLS", "OT", "PT").
CHAT_WORDS = {"pls", "ot", "pt", "cot"}


def chat_word(text: str) -> bool:
    """A chat word written as one ("pls"), not an abbreviation in capitals ("PLS"); articles and filler aside."""
    core = [w for w in text.split() if w.lower() not in FILLER]
    return len(core) == 1 and core[0].lower() in CHAT_WORDS and not core[0].isupper()


def spelled(text: str) -> str:
    """A name as written: lower case, punctuation folded, nothing else changed."""
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split())


def normalise(text: str, strict: bool = False) -> str:
    """Lower case, punctuation and filler words gone, singular; `strict` keeps NAME_WORDS."""
    drop = FILLER - NAME_WORDS if strict else FILLER
    words = re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split()
    return " ".join(singular(w) for w in words if w not in drop)


def keys(text: str) -> list[str]:
    """The lookup keys of what someone typed: with the name words kept first, then without; then with a last word in
    "-ics" read as a plural ("auto mechanics": a field's "-ics" is kept as it is, "physics", "logistics")."""
    found = [k for k in (normalise(text, strict=True), normalise(text)) if k]
    found += [k[:-1] for k in found if k.endswith("ics")]
    return list(dict.fromkeys(found))


BAG_STOP = {"in", "at", "for", "to", "on", "with", "and", "from", "who", "that"}


def bag(text: str) -> str:
    """The name's content words in a fixed order: "teacher of high school" meets "high school teacher"."""
    words = set(expand(text).split()) - BAG_STOP
    return " ".join(sorted(words)) if len(words) >= 2 else ""


def expand(text: str, strict: bool = False) -> str:
    """Abbreviations spelled out and a field named by its practitioner ("civil engineering" -> "civil engineer");
    only the head noun is a field ("science teacher" stays a teacher), and a degree names its field's
    practitioner ("doctor of veterinary medicine", "bachelor of nursing")."""
    words = [ABBREVIATIONS.get(w, w) for w in normalise(text, strict).split()]
    degree = DEGREE.match(" ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split()))
    if degree and degree.group(1) in FIELDS:
        return FIELDS[degree.group(1)]
    for size in (2, 1):  # "veterinary medicine" before "medicine"
        if len(words) >= size and " ".join(words[-size:]) in FIELDS:
            return " ".join(words[:-size] + [FIELDS[" ".join(words[-size:])]])
    return " ".join(words)


# How a word sounds, roughly, for spellings by ear ("electrision", "fysical", "tecnician"): doubled letters as one,
# the "-shun" endings alike, then letters that spell the same sound alike.
SOUND_ENDING = re.compile(r"(?:[cst]i[ao]n|sh[aiou]n)$")
SOUNDS = [
    (re.compile(a), b) for a, b in (("ph", "f"), ("c(?=[eiy])", "s"), ("ck|ch|c|q", "k"), ("x", "ks"), ("z", "s"))
]


def sound_key(word: str) -> str:
    """A word's rough sound: words spelled by ear meet the word meant ("electrision" and "electrician")."""
    key = re.sub(r"(.)\1+", r"\1", word.lower())
    key = SOUND_ENDING.sub("SHN", key)
    for pattern, sound in SOUNDS:
        key = pattern.sub(sound, key)
    return key


def without_rank(text: str) -> str | None:
    """The name without words of rank in front ("senior tax accountant" -> "tax accountant"), or None."""
    words = normalise(text, strict=True).split()
    start = 0
    while start < len(words) - 1 and words[start] in RANKS:
        start += 1
    return " ".join(words[start:]) if start else None
