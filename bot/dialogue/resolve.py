"""Career-name resolution: what the user typed -> a career id, or suggestions when we do not have it.

Order: exact title/alias/id (case, punctuation and plural insensitive), abbreviation expansion ("ML eng"),
a generic name that ends several titles ("teacher", "engineers": we ask which one), fuzzy match (typos:
"pharmacyst"), then semantic search over the pages' overviews for descriptions ("someone who fixes cars").
Below the thresholds the name is unknown and we only suggest careers close in spelling or in meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge.pages import Career
from bot.knowledge.text import singular

if TYPE_CHECKING:
    from bot.search.index import SearchIndex

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
    "medicine": "physician",
}
# Words that carry no name: "the job of a welder". NAME_WORDS can also be part of a name ("career counselor"), so
# names are indexed with them and a message is looked up with them first, then without.
NAME_WORDS = {"job", "career", "role", "position"}
FILLER = {"a", "an", "the", "of", "my", "some", "be", "being", "become", "as"} | NAME_WORDS
FUZZY_ACCEPT = 86.0
FUZZY_SUGGEST = 80.0  # a weaker spelling match is noise ("psychiatrist" ~ "beekeeper"), not a suggestion
SEMANTIC_ACCEPT = 0.62
SEMANTIC_SUGGEST = 0.30


def spelled(text: str) -> str:
    """A name as written: lower case, punctuation folded, nothing else changed."""
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split())


def normalise(text: str, strict: bool = False) -> str:
    """Lower case, punctuation and filler words gone, singular; `strict` keeps NAME_WORDS."""
    drop = FILLER - NAME_WORDS if strict else FILLER
    words = re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split()
    return " ".join(singular(w) for w in words if w not in drop)


def keys(text: str) -> list[str]:
    """The lookup keys of what someone typed: with the name words kept first, then without."""
    return list(dict.fromkeys(k for k in (normalise(text, strict=True), normalise(text)) if k))


BAG_STOP = {"in", "at", "for", "to", "on", "with", "and", "from", "who", "that"}


def bag(text: str) -> str:
    """The name's content words in a fixed order: "teacher of high school" meets "high school teacher"."""
    words = set(expand(text).split()) - BAG_STOP
    return " ".join(sorted(words)) if len(words) >= 2 else ""


def expand(text: str, strict: bool = False) -> str:
    words = [ABBREVIATIONS.get(w, w) for w in normalise(text, strict).split()]
    if words and words[-1] in FIELDS:  # only the head noun: "science teacher" stays a teacher
        words[-1] = FIELDS[words[-1]]
    return " ".join(words)


@dataclass
class Resolution:
    query: str
    career: str | None
    how: str  # exact | abbreviation | reordered | generic | fuzzy | semantic | ambiguous | unknown
    score: float = 0.0
    suggestions: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.career is not None


class CareerResolver:
    def __init__(self, careers: dict[str, Career], index: SearchIndex | None = None):
        self.careers = careers
        self.index = index
        # Names as written ("securities analyst"), then normalised ("security analyst", which two careers share).
        self.written, _ = self._owners(spelled)
        self.names, self.collisions = self._owners(lambda name: normalise(name, strict=True))
        self._expanded = {expand(k, strict=True): v for k, v in sorted(self.names.items())}
        self._expanded_collisions = {expand(k, strict=True): v for k, v in self.collisions.items()}
        bags: dict[str, set[str]] = {}
        for key, cid in self.names.items():
            if bag(key):
                bags.setdefault(bag(key), set()).add(cid)
        self._bags = {b: next(iter(ids)) for b, ids in bags.items() if len(ids) == 1}
        self.generic = self._generic_names()

    def _owners(self, key_of) -> tuple[dict[str, str], dict[str, set[str]]]:
        """Name key -> its one career, and keys several careers share. A title (or id) names its career even when
        another career lists the same words as an alias; an alias shared by several careers, or a title shared by
        several, is ambiguous: we ask which."""
        titles: dict[str, set[str]] = {}
        aliases: dict[str, set[str]] = {}
        for career in self.careers.values():
            for name in (career.title, career.id.replace("-", " ")):
                titles.setdefault(key_of(name), set()).add(career.id)
            for name in career.aliases:
                aliases.setdefault(key_of(name), set()).add(career.id)
        names: dict[str, str] = {}
        collisions: dict[str, set[str]] = {}
        for key in (titles.keys() | aliases.keys()) - {""}:
            owners = titles.get(key) or aliases[key]
            if len(owners) == 1:
                names[key] = next(iter(owners))
            else:
                collisions[key] = owners
        return names, collisions

    def _generic_names(self) -> dict[str, list[str]]:
        """The last words of titles that are not names themselves ("teacher", "school teacher") -> the careers whose
        titles end with them, the most often related-to first (a rough measure of how central a career is)."""
        related_to: dict[str, int] = {}
        for career in self.careers.values():
            for other in career.related:
                related_to[other] = related_to.get(other, 0) + 1

        def tails(names_of) -> dict[str, set[str]]:
            heads: dict[str, set[str]] = {}
            for career in self.careers.values():
                for name in names_of(career):
                    words = expand(name, strict=True).split()
                    for size in range(1, len(words)):
                        heads.setdefault(" ".join(words[-size:]), set()).add(career.id)
            return heads

        # Titles first; an ending only aliases share ("nail artist", "2D artist") counts when no title has it.
        heads = tails(lambda c: c.aliases) | tails(lambda c: [c.title])
        taken = set(self._expanded) | set(self._expanded_collisions)
        return {
            head: sorted(ids, key=lambda c: (-related_to.get(c, 0), len(self.careers[c].title.split()), c))
            for head, ids in heads.items()
            if head not in taken and len(head) >= 3
        }

    def lookup(self, text: str) -> str | None:
        """The career a name means exactly (title, alias or id, or their abbreviations), if exactly one."""
        found = self._named(text)
        return found.career if found else None

    def _named(self, text: str) -> Resolution | None:
        """A name we have, as written or normalised (with the name words kept first), or its abbreviation."""
        if spelled(text) in self.written:
            return Resolution(text, self.written[spelled(text)], "exact", 100.0)
        for key in keys(text):
            if key in self.collisions:
                return Resolution(text, None, "ambiguous", 100.0, sorted(self.collisions[key]))
            if key in self.names:
                return Resolution(text, self.names[key], "exact", 100.0)
        for strict in (True, False):
            expanded = expand(text, strict)
            if expanded in self._expanded_collisions and expanded not in self._expanded:
                return Resolution(text, None, "ambiguous", 100.0, sorted(self._expanded_collisions[expanded]))
            if expanded in self._expanded:
                return Resolution(text, self._expanded[expanded], "abbreviation", 100.0)
        return None

    def resolve(self, text: str) -> Resolution:
        if not keys(text):
            return Resolution(text, None, "unknown")
        named = self._named(text)
        if named:
            return named
        if bag(text) in self._bags:
            return Resolution(text, self._bags[bag(text)], "reordered", 100.0)
        expanded = expand(text)
        if expanded in self.generic:
            owners = self.generic[expanded]
            if len(owners) == 1:
                return Resolution(text, owners[0], "generic", 100.0)
            return Resolution(text, None, "ambiguous", 100.0, list(owners))
        forms = (expand(text, strict=True), expanded)
        fuzzy = self._fuzzy(*forms)
        if fuzzy and fuzzy[0][1] >= FUZZY_ACCEPT:
            best_id, best_score = fuzzy[0]
            rivals = [cid for cid, s in fuzzy[1:] if s >= best_score - 1.0 and cid != best_id]
            if not rivals:
                return Resolution(text, best_id, "fuzzy", best_score)
            slip = self._one_slip(*forms)  # a single slip away from one of them settles it
            if slip in [best_id, *rivals]:
                return Resolution(text, slip, "fuzzy", best_score)
            return Resolution(text, None, "ambiguous", best_score, [best_id, *rivals][:5])
        slip = self._one_slip(*forms)
        if slip:
            return Resolution(text, slip, "fuzzy", FUZZY_ACCEPT)
        semantic = self._semantic(text)
        if semantic and semantic[0][1] >= SEMANTIC_ACCEPT:
            return Resolution(text, semantic[0][0], "semantic", semantic[0][1])
        # Suggestions: close spellings first (a typo too far off to accept), then careers close in meaning.
        suggestions = [cid for cid, score in fuzzy if score >= FUZZY_SUGGEST]
        suggestions += [cid for cid, score in semantic if score >= SEMANTIC_SUGGEST]
        if not suggestions:  # still point somewhere: the nearest careers by meaning
            suggestions = [cid for cid, _ in semantic]
        return Resolution(text, None, "unknown", 0.0, list(dict.fromkeys(suggestions))[:3])

    def _fuzzy(self, *forms: str) -> list[tuple[str, float]]:
        """Best score per career over all its names and the given forms of the query."""
        best: dict[str, float] = {}
        for expanded in set(forms):
            if len(expanded) < 3:
                continue
            for name, score, _ in process.extract(expanded, list(self._expanded), scorer=fuzz.WRatio, limit=12):
                # WRatio rewards a short query inside a long name; plain ratio keeps "nurse" from matching all.
                score = min(score, fuzz.ratio(expanded, name) + 25)
                cid = self._expanded[name]
                best[cid] = max(best.get(cid, 0.0), score)
        return sorted(best.items(), key=lambda kv: -kv[1])

    def _one_slip(self, *forms: str) -> str | None:
        """The one career a name is one keyboard slip away from: "laweyr", "babrer" (similarity ratios punish a swap
        in a short word too much). Below 8 letters only two swapped letters count, since a wrong letter there is as
        likely another word ("biker" is not a baker); from 8 letters a missing, extra or wrong letter too, and two
        slips from 12."""
        near: set[str] = set()
        for expanded in set(forms):
            if len(expanded) < 5:
                continue
            limit = 2 if len(expanded) >= 12 else 1
            hits = process.extract(expanded, list(self._expanded), scorer=OSA.distance, score_cutoff=limit, limit=5)
            near |= {
                self._expanded[name] for name, _, _ in hits if len(expanded) >= 8 or sorted(name) == sorted(expanded)
            }
        return next(iter(near)) if len(near) == 1 else None

    def _semantic(self, text: str) -> list[tuple[str, float]]:
        if self.index is None:
            return []
        hits = self.index.search(f"{text}", k=5, section="overview")
        return [(h.career, h.score) for h in hits]

    def find_in_text(self, text: str, limit: int = 2) -> list[str]:
        """Career names mentioned anywhere in a message (exact or close), in order of appearance."""
        return [cid for _, _, cid in self.find_spans(text, limit)]

    def find_spans(self, text: str, limit: int = 2) -> list[tuple[int, int, str]]:
        """Like find_in_text, with where each name is: (start, end) character offsets and the career id."""
        matches = list(re.finditer(r"[A-Za-z0-9+#']+", text))
        words = [m.group(0) for m in matches]
        found: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        for size in range(6, 0, -1):
            for start in range(0, len(words) - size + 1):
                span = set(range(start, start + size))
                if span & taken:
                    continue
                cid = self._in_words(" ".join(words[start : start + size]), size)
                if cid and cid not in [f[2] for f in found]:
                    found.append((start, size, cid))
                    taken |= span
        found.sort()
        spans = []
        for s, n, cid in found[:limit]:
            first, last = s, s + n - 1
            # "I become an electrician" matches as a whole; the name is "electrician"
            while first < last and self._in_words(" ".join(words[first + 1 : last + 1]), last - first) == cid:
                first += 1
            while last > first and self._in_words(" ".join(words[first:last]), last - first) == cid:
                last -= 1
            spans.append((matches[first].start(), matches[last].end(), cid))
        return spans

    def _in_words(self, phrase: str, size: int) -> str | None:
        """The career a run of words names: exactly, reordered (3+ words), or a close spelling of a whole name."""
        key = normalise(phrase)
        if not key or key in FILLER:
            return None
        cid = self.lookup(phrase)
        if cid is None and size >= 3 and _distinct(phrase):
            cid = self._bags.get(bag(phrase))  # the same words in another order: "teacher of high school"
        if cid is None and len(key) >= 6:
            # A close spelling of a whole name ("electricain"), never a loose partial match.
            best = process.extractOne(expand(phrase), self._expanded, scorer=fuzz.ratio, score_cutoff=87)
            cid = best[0] if best else None
        return cid


def _distinct(phrase: str) -> bool:
    """No content word twice ("a nurse become a nurse practitioner" is two names, not one reordered)."""
    words = expand(phrase).split()
    return len(words) == len(set(words))


NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _asks(word: str) -> bool:
    """A question word or filler ("what", "much", "the"), never part of a career's name."""
    from bot.knowledge.phrasings import question_words

    return word.lower() in question_words() or word.lower() in FILLER


def names_nothing(text: str) -> bool:
    """Only question words and filler ("much", "the job"): what NLU sometimes tags as a career by mistake."""
    return all(_asks(w) for w in NAME_WORD.findall(text))


def leftover_name(text: str) -> str | None:
    """The words of a career question that are not question words: "what does a blacksmith do?" -> "blacksmith"."""
    if text.lstrip().startswith("/"):
        return None  # a button payload, not words
    runs: list[list[str]] = [[]]
    for word in NAME_WORD.findall(text):
        if _asks(word):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word)
    runs = [r for r in runs if r]
    if len(runs) != 1 or len(runs[0]) > 4:
        return None  # nothing left, or several separate fragments: not a single name
    return " ".join(runs[0])
