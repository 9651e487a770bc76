"""Query expansion with career names: "lpn pay" is searched as "lpn (licensed practical nurse) pay".

Abbreviations and everyday names ("swe", "SRE", "lpn", "sparky") carry little meaning for the sentence encoder and
none for BM25, while the page they name says "software engineer". An alias that belongs to exactly one career is
followed by that career's title before the query is embedded, so search meets the page's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.knowledge.pages import Career


class NameExpander:
    def __init__(self, names: Mapping[str, str]):
        self.names = {k.lower(): v for k, v in names.items() if k.strip()}
        keys = sorted(self.names, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, keys))
        self.pattern = re.compile(rf"(?<![\w&])({alternatives})(?![\w&])", re.I) if keys else None

    @classmethod
    def from_careers(cls, careers: Iterable[Career]) -> NameExpander:
        """Every alias that names one career only and is not already a title, mapped to that career's title."""
        careers = list(careers)
        titles = {c.title.lower() for c in careers}
        owners: dict[str, set[str]] = {}
        title_of: dict[str, str] = {}
        for c in careers:
            for alias in c.aliases:
                key = alias.lower().strip()
                owners.setdefault(key, set()).add(c.id)
                title_of[key] = c.title
        return cls({k: title_of[k] for k, ids in owners.items() if len(ids) == 1 and k not in titles})

    def expand(self, query: str) -> str:
        if self.pattern is None:
            return query
        lowered = query.lower()

        def add_title(match: re.Match) -> str:
            title = self.names[match.group(1).lower()]
            return match.group(0) if title.lower() in lowered else f"{match.group(0)} ({title})"

        return self.pattern.sub(add_title, query, count=3)
