"""Which career a message starts FROM and which it goes TO.

FROM is the one after "I'm a/an", "from", "as a", "former", "currently"; TO the one after "become", "to", "into",
"switch to". Without cues, the first named is FROM and the second TO ("how does a nurse become a nurse
practitioner?": the nurse has no cue, the nurse practitioner follows "become").
"""

from __future__ import annotations

import re

TO_CUE = re.compile(
    r"\b(become|becoming|be|into|to|switch to|move to|moving to|transition to|get to|turn into|career as|"
    r"retrain as|train as)\s+(a |an |the )?$"
)
FROM_CUE = re.compile(
    r"(\bi'?m|\bi am|\bi was|\bim|\bfrom|\bas|\bformer|\bex-?|\bcurrently|\bused to be|\bbeen|\bleaving|\bleave|"
    r"\bquit|\bafter|\bfor|\bwork as|\bworking as|\bjob as)\s+(a |an |the |my )?(current |job as (a |an )?)?$"
)
# "I'm a teacher, what else could I do?" -> "teacher": the words after a FROM cue, up to the end of the clause.
FROM_PHRASE = re.compile(
    r"(?:\bi'?m|\bi am|\bi was|\bi work as|\bworking as|\byears as|\bdecades as|\bfrom|\bformer|\bex-|\bcurrently|"
    r"\bused to be|\bleave|"
    r"\bleaving|\bquit)\s+(?:an? |the |my )?(?:job as (?:an? )?)?([a-z][a-z' -]{1,40}?)(?=\s*(?:[,.?!;]|\s(?:and|but|"
    r"what|how|so|who|for|now|anymore|any more|jobs?|career|careers|to|into|i|next|last|this|soon|after|in|at)\b|"
    r"$))",
    re.I,
)

# "20 years on the assembly line" -> "assembly line worker": a job named by where it was done
WORKED_AT = re.compile(
    r"\b(?:years?|decades?|worked|work|working|job)\s+(?:on|in|at)\s+(?:an? |the |my )?([a-z][a-z -]{1,30}?)"
    r"(?=\s*(?:[,.?!;]|\s(?:and|but|what|how|so|for|now|i)\b|$))",
    re.I,
)
PERSON_ENDING = re.compile(r"\b(worker|workers|man|men|woman|women|person|staff|hand|hands|crew)$")
NOT_A_JOB = re.compile(
    r"^(laid off|made redundant|let go|fired|unemployed|out of work|retired|retiring|between jobs)\b"
)

TEACH = re.compile(
    r"\bi teach (?:at )?(?:an? |the )?([a-z][a-z -]{1,30}?)(?=\s*(?:[,.?!;]|\s(?:and|but|what|how|so)\b|$))", re.I
)
# "would teaching high school suit me?": the job named by its activity
TEACHING = re.compile(
    r"\bteaching (?:at )?(?:an? |the )?([a-z][a-z -]{1,30}?)(?=\s*(?:[,.?!;]|\s(?:and|but|what|how|so|suit|suits|"
    r"fit|be|for|is|would|right|as)\b|$))",
    re.I,
)


def activity_phrase(text: str) -> str | None:
    """A job named by what it does, when no career name was recognised: "teaching high school" -> "high school
    teacher"."""
    m = TEACHING.search(text.replace("’", "'"))
    return f"{m.group(1).strip()} teacher" if m else None


# A career named by its field: "is ux design a good fit for me?" -> "ux designer" (names_in_text knows only names).
FIELD_AGENT = {
    "design": "designer",
    "engineering": "engineer",
    "development": "developer",
    "programming": "programmer",
    "photography": "photographer",
    "animation": "animator",
    "illustration": "illustrator",
    "architecture": "architect",
    "journalism": "journalist",
    "therapy": "therapist",
    "consulting": "consultant",
    "writing": "writer",
    "editing": "editor",
}
FIELD = re.compile(r"\b(?:([a-z0-9+#]+) )?([a-z0-9+#]+) (" + "|".join(FIELD_AGENT) + r")\b")


def field_names(text: str) -> list[str]:
    """Career names a field stands for, longest first: "is ux design a good fit" -> ["is ux designer",
    "ux designer"] (the caller keeps only real names)."""
    found: list[str] = []
    for m in FIELD.finditer(text.lower().replace("’", "'")):
        agent = FIELD_AGENT[m.group(3)]
        if m.group(1):
            found.append(f"{m.group(1)} {m.group(2)} {agent}")
        found.append(f"{m.group(2)} {agent}")
    return found


def roles(text: str, spans: list[tuple[int, int, str]]) -> tuple[str | None, str | None]:
    """(from, to) career ids of the named careers (spans: (start, end, id) in order of appearance)."""
    lower = text.lower().replace("’", "'")
    source: str | None = None
    target: str | None = None
    unmarked: list[str] = []
    for start, _, cid in spans:
        before = lower[max(0, start - 40) : start]
        if TO_CUE.search(before) and target is None:
            target = cid
        elif FROM_CUE.search(before) and source is None:
            source = cid
        else:
            unmarked.append(cid)
    for cid in unmarked:
        if source is None and cid != target:
            source = cid
        elif target is None and cid != source:
            target = cid
    return source, target


def from_phrase(text: str) -> str | None:
    """The words naming someone's own job when no career name was recognised: "I'm a teacher, ..." -> "teacher",
    "switch careers from teaching" -> "teaching", "20 years on the assembly line" -> "assembly line worker"."""
    taught = TEACH.search(text.replace("’", "'"))
    if taught:  # "I teach high school" -> "high school teacher"
        return f"{taught.group(1).strip()} teacher"
    worked = WORKED_AT.search(text.replace("’", "'"))
    if worked:  # "20 years on the assembly line" -> "assembly line worker"
        place = worked.group(1).strip()
        return place if PERSON_ENDING.search(place) else f"{place} worker"
    m = FROM_PHRASE.search(text.replace("’", "'"))
    if not m:
        return None
    words = m.group(1).strip()
    if NOT_A_JOB.search(words.lower()):  # "I was laid off last week": no job named
        return None
    if words.lower() in {"not sure", "looking", "thinking", "wondering", "here", "done", "bored", "tired", "stuck"}:
        return None
    return words
