"""Which career "the second one" means: ordinal words point into the last list of careers the assistant showed,
which every list reply carries in its metadata (docs/contracts.md, section 4)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

ORDINALS = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "fifth": 4,
    "5th": 4,
    "sixth": 5,
    "6th": 5,
    "seventh": 6,
    "eighth": 7,
    "ninth": 8,
    "tenth": 9,
    "last": -1,
}
_WORD = "|".join(ORDINALS)
_THING = r"(?:one|ones|career|match|option|suggestion|result|pick)"
# "the first one in my family", "the first one to go to college", "the first time": no pointer into a list.
_NOT_AFTER = (
    r"(?!\s+(?:in\s+(?!(?:the|that|this|your)\s+list)|to\b|who\b|that\s+\w+ed\b|at\b|of\s+(?:my|our|his|her)\b))"
)
_LIST = r"(?:(?:on|in|from)\s+(?:the|that|this|your)\s+list|of\s+(?:those|these|them|the\s+list|the\s+ones))"
ORDINAL = re.compile(
    # "my first career", "a good first career": no pointer
    rf"(?<!\bmy )(?<!\ba )(?<!\ban )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bour )(?<!\bgood )"
    rf"\b(?P<word>{_WORD})\s+{_THING}\b{_NOT_AFTER}"  # "the second one", "second option"
    rf"|\bthe\s+(?P<bare>{_WORD})\b(?=\s*(?:[?.!,;:)]|$|and\b|or\b|vs\b)|\s+{_LIST})"  # "what about the third?"
    # "compare the first and second": a bare ordinal after another one and "and" / "or" / "vs"
    rf"|(?<=\band )(?P<also>{_WORD})\b(?=\s*(?:[?.!,;:)]|$|one\b|ones\b))"
    rf"|\b(?:the\s+)?top\s+(?P<top>one|match|result)\b{_NOT_AFTER}"  # "the top one"
    rf"|(?:\bnumber|\bno\.|#)\s*(?P<number>\d{{1,2}})\b",  # "number 3", "#3"
    re.I,
)
_MENTION = re.compile(
    rf"\s*(?:the\s+)?(?:(?:{_WORD})(?:\s+{_THING})?|top\s+(?:one|match)|(?:number|no\.|#)\s*\d{{1,2}})\s*",
    re.I,
)


@dataclass(frozen=True)
class Pointer:
    """A position in a list: `index` among the careers shown (0-based, -1 the last), or the `number` printed beside
    one."""

    index: int | None = None
    number: int | None = None


def pointers(text: str) -> list[Pointer]:
    """The list positions a message points to, in order ("compare the first and the third": two)."""
    found: list[Pointer] = []
    for m in ORDINAL.finditer(text):
        if m.group("also") and not found:
            continue  # "bread and first": no ordinal before it to go with
        if m.group("number"):
            found.append(Pointer(number=int(m.group("number"))))
        elif m.group("top"):
            found.append(Pointer(index=0))
        else:
            found.append(Pointer(index=ORDINALS[(m.group("word") or m.group("bare") or m.group("also")).lower()]))
    return found


FIRST_N = re.compile(r"\b(?:the\s+)?(?:first|top)\s+(two|three|four|2|3|4)\b", re.I)
_N = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def first_n(text: str) -> int | None:
    """How many from the top of a list "compare the first two" / "the top 3" points to; None when it says no count."""
    m = FIRST_N.search(text)
    return _N[m.group(1).lower()] if m else None


def is_pointer(mention: str) -> bool:
    """Whether an entity NLU tagged as a career is a pointer into a list ("second", "the third one", "number 2")."""
    return bool(_MENTION.fullmatch(mention))


@dataclass(frozen=True)
class Listing:
    """Careers a reply showed, in order, and the number printed beside the first (rankings page on)."""

    careers: tuple[str, ...]
    first_number: int = 1

    def pick(self, pointer: Pointer) -> str | None:
        if pointer.number is not None:
            at = pointer.number - self.first_number
            return self.careers[at] if 0 <= at < len(self.careers) else None
        assert pointer.index is not None
        n = len(self.careers)
        return self.careers[pointer.index] if -n <= pointer.index < n else None


def listing(metadata: dict[str, Any]) -> Listing | None:
    """The careers a bot message listed, from its metadata; None when it listed none."""
    for key in ("ranking", "moves"):
        value = metadata.get(key)
        if isinstance(value, dict) and value.get("careers"):
            return Listing(tuple(value["careers"]), int(value.get("offset") or 0) + 1)
    for key in ("quiz_result", "interests_match"):
        value = metadata.get(key)
        if isinstance(value, dict) and value.get("matches"):
            return Listing(tuple(m["career"] for m in value["matches"]))
    for key in ("explore", "compare"):
        if isinstance(metadata.get(key), list) and metadata[key]:
            return Listing(tuple(metadata[key]))
    if (metadata.get("ambiguous_career") or metadata.get("unknown_career")) and metadata.get("suggestions"):
        return Listing(tuple(metadata["suggestions"]))
    return None
