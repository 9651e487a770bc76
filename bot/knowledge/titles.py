"""O*NET job titles: the names people use for occupations, and which of our pages they name.

O*NET 29.3 lists 56,560 alternate titles ("Coastal Engineer", "Doctor of Veterinary Medicine (DVM)") for its 1,016
occupations (knowledge/facts/alternate_titles.csv). A page names its occupations in its `onet` front matter, so a
title of an occupation some page covers is a name of that page; a title of an occupation no page covers is a name we
know we do not have (the resolver then says so and suggests neighbours, bot/dialogue/titles.py).

This module only reads the tables: the names (`title_names`), each page's codes (`page_codes`), the words that are
real words (`vocabulary`, so that "banker" is never taken for a typo of "baker") and O*NET's structure (`major_group`,
`catch_all`, `related` in bot/knowledge/facts.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from bot import config
from bot.knowledge.facts import table
from bot.knowledge.pages import Career
from bot.knowledge.text import singular

# Alternate titles that O*NET files under an occupation where people would not look for them: the name reads as
# something else today. They are left out as names (the resolver treats them like any name it does not know).
IGNORED_TITLES = {
    # Under Intelligence Analysts; people asking about "AI consultants" mean artificial-intelligence consulting.
    ("33-3021.06", "ai consultant"),
    ("33-3021.06", "artificial intelligence consultant"),
}
_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
# An occupation's own title, as far as it is a name: "Health and Safety Engineers, Except Mining Safety Engineers".
_QUALIFIER = re.compile(r",\s*(except|including)\b.*$", re.I)
WORD = re.compile(r"[a-z][a-z0-9+#]*")


def forms(title: str, short: str = "") -> list[str]:
    """The names one O*NET title row gives: "Doctor of Veterinary Medicine (DVM)" -> the long form, the
    abbreviation in brackets and the short title."""
    found: list[str] = []
    match = _PARENS.match(title)
    found += [match.group(1), match.group(2)] if match else [title]
    if short:
        found.append(short)
    return [f.strip() for f in dict.fromkeys(found) if f.strip()]


@cache
def _title_names(folder: str) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for row in table("alternate_titles.csv", Path(folder)):
        for name in forms(row["alternate_title"], row.get("short_title") or ""):
            if (row["code"], name.lower()) not in IGNORED_TITLES:
                pairs.append((name, row["code"]))
    for row in table("occupations.csv", Path(folder)):
        if not row["title"].endswith("All Other"):
            pairs.append((_QUALIFIER.sub("", row["title"]), row["code"]))
    return tuple(dict.fromkeys(pairs))


def title_names(folder: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(name, O*NET-SOC code) for every form of every alternate title and every occupation's own title (without
    ", Except ..."; "..., All Other" titles name nothing). Read once."""
    return _title_names(str(folder or config.FACTS_DIR))


def page_codes(careers: dict[str, Career], folder: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Each page's O*NET codes: its `onet` front matter, else its row of career_onet.csv (pages ingested from
    elsewhere have neither, and get no O*NET names)."""
    from bot.knowledge.facts import career_mapping

    mapping = career_mapping(folder)
    out: dict[str, tuple[str, ...]] = {}
    for cid, career in careers.items():
        codes = career.meta.get("onet")
        if isinstance(codes, list):
            out[cid] = tuple(str(c) for c in codes)
        elif cid in mapping:
            out[cid] = mapping[cid].onet
        else:
            out[cid] = ()
    return out


def major_group(code: str) -> str:
    """The SOC major group of an O*NET-SOC or SOC code: "29-1141.01" -> "29" (Healthcare Practitioners)."""
    return code[:2]


def words_of(text: str) -> list[str]:
    return [singular(w) for w in WORD.findall(text.lower())]


def catch_all(code: str, folder: Path | None = None) -> bool:
    """An "..., All Other" occupation: a catch-all of whatever its group's other occupations leave out."""
    from bot.knowledge.facts import occupation_title

    return (occupation_title(code, folder) or "").endswith("All Other")


@cache
def _page_words(page_text: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for text in page_text for w in words_of(text))


def vocabulary(careers: Iterable[Career], names: Iterable[tuple[str, str]] = ()) -> frozenset[str]:
    """Real words and names, singular: every word of our pages (their names and text) and of the given O*NET titles.
    A word in here is not a typo of another word ("banker" is not "baker")."""
    texts = tuple(" ".join([*c.names, *c.sections.values()]) for c in sorted(careers, key=lambda c: c.id))
    return _page_words(texts) | _title_words(tuple(names))


@lru_cache(maxsize=4)
def _title_words(names: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(w for name, _ in names for w in words_of(name))
