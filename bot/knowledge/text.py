"""Word endings shared by every module that compares names or words: plural, singular and a light stem.

One place for them, so "nurses", "duties" and "working" meet "nurse", "duty" and "work" the same way everywhere.
"""

from __future__ import annotations


def plural(name: str) -> str:
    """ "nurse" -> "nurses", "duty" -> "duties", "coach" -> "coaches" (the last word of a name)."""
    if name.endswith(("s", "sh", "ch", "x")):
        return name + "es"
    if name.endswith("y") and len(name) > 2 and name[-2] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def singular(word: str) -> str:
    """ "nurses" -> "nurse", "duties" -> "duty"; short words and "-ss/-us/-is/-ics" endings stay as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A light suffix strip, enough to meet "nurses"/"nurse", "duties"/"duty" and "working"/"work" halfway."""
    if len(word) <= 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word
