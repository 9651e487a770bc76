"""Career-name resolution: what the user typed -> a career id, or suggestions when we do not have it.

Order: exact title/alias/id (case, punctuation and plural insensitive), abbreviation expansion ("ML eng"),
a generic name that ends several titles ("teacher", "engineers": we ask which one), fuzzy match (typos:
"pharmacyst"), then semantic search over the pages' overviews for descriptions ("someone who fixes cars").
Below the thresholds the name is unknown and we only suggest careers close in spelling or in meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.dialogue.names import (
    FILLER,
    RANKS,
    bag,
    chat_word,
    expand,
    keys,
    normalise,
    sound_key,
    spelled,
    without_rank,
)
from bot.dialogue.titles import Guess, Titles
from bot.knowledge.pages import Career
from bot.knowledge.titles import WORD, singular, vocabulary, words_of

if TYPE_CHECKING:
    import numpy as np

    from bot.search.index import SearchIndex

FUZZY_ACCEPT = 86.0
FUZZY_SUGGEST = 80.0  # a weaker spelling match is noise ("psychiatrist" ~ "beekeeper"), not a suggestion
SEMANTIC_ACCEPT = 0.62
SEMANTIC_MARGIN = 0.05  # careers this close to the best by meaning are asked about, not guessed between
SEMANTIC_SUGGEST = 0.30
SEMANTIC_DEPTH = 20
NEAR_ASK = 0.5  # words that resemble titles of ours at least this much are asked about ("did you mean ...?")
NEAR_MEANING_ASK = 0.6  # ... or are this close in meaning (cosine) to titles of ours
NEAR_COVERED = 2.0  # ... when titles of ours weigh at least this times as much as titles of careers we lack
NEAR_OPTION_SHARE = 0.1  # ... offering the careers with at least this share of the best one's weight
NEAR_OPTIONS = 5
NEAR_SHARE = 0.3  # the occupations the nearest titles point to: those with this share of the best one's weight
NEAR_MEANING_GAP = 0.2  # careers suggested or offered by letters alone are about this close in meaning to the closest
NEAR_MEANING_MIN = 0.4  # ... and the career closest in meaning, when it is at least this close
NEAR_CODES = 0.45  # below this resemblance the nearest titles say nothing about the occupation
NEAR_MEANING_MARGIN = 0.1  # title-like words close in meaning to careers: those this close to the best are offered
SUGGESTIONS = 3


@dataclass
class Resolution:
    query: str
    career: str | None
    how: str  # exact | abbreviation | reordered | generic | title | fuzzy | semantic | ambiguous | near | unknown
    score: float = 0.0
    suggestions: list[str] = field(default_factory=list)
    onet: list[str] = field(default_factory=list)  # the O*NET occupations the words name (or most resemble)

    @property
    def found(self) -> bool:
        return self.career is not None


class CareerResolver:
    def __init__(
        self,
        careers: dict[str, Career],
        index: SearchIndex | None = None,
        titles: Iterable[tuple[str, str]] | None = None,
        onet: bool = True,
    ):
        """`titles`: the O*NET (name, code) pairs to know (default: all of knowledge/facts); `onet=False` knows
        only the pages' own names."""
        self.careers = careers
        self.index = index
        vectors = index.title_vectors() if index is not None else None
        self.titles = Titles(careers, titles, vectors=vectors) if onet else None
        self.vocabulary = vocabulary(careers.values(), self.titles.names if self.titles else ())
        self._words = sorted(self.vocabulary)
        self._sounds: dict[str, set[str]] = {}
        for word in self._words:
            self._sounds.setdefault(sound_key(word), set()).add(word)
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
        # A title's acronym alone names it when it begins one title only: "hvac" is the HVAC Technician.
        acronyms: dict[str, set[str]] = {}
        for career in careers.values():
            first = career.title.split()[0]
            if len(first) >= 2 and first.isupper() and first.isalpha() and len(career.title.split()) >= 2:
                acronyms.setdefault(first.lower(), set()).add(career.id)
        self._acronyms = {a: next(iter(ids)) for a, ids in acronyms.items() if len(ids) == 1}

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
        if chat_word(text):
            return None
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
        acronym = normalise(text)  # "hvac": the title it begins, when it begins one only
        if acronym in self._acronyms and acronym not in self.generic:
            return Resolution(text, self._acronyms[acronym], "abbreviation", 100.0)
        return None

    def resolve(self, text: str, vector: np.ndarray | None = None) -> Resolution:
        """What these words name: a career, a question back (several careers), or suggestions (none of ours).
        `vector` is the words' embedding when the caller has it already (batch evaluation)."""
        if not keys(text):
            return Resolution(text, None, "unknown")
        known = self._known(text)
        if known:
            return known
        lower = without_rank(text)  # "senior tax accountant": the name without its rank
        if lower and (known := self._known(lower)):
            return replace(known, query=text)
        strange = self.strange_words(text)
        if strange:  # a word that is no word: maybe a typo of a name we know
            typo = self._typo(text, strange)
            if typo:
                return typo
        return self._not_a_name(text, strange, vector)

    def _known(self, text: str) -> Resolution | None:
        """A name of ours (title, alias, abbreviation, the same words reordered), a generic name that ends several
        titles, or an O*NET title."""
        named = self._named(text)
        if named:
            return named
        if bag(text) in self._bags:
            return Resolution(text, self._bags[bag(text)], "reordered", 100.0)
        generic = self.generic.get(expand(text), [])
        if len(generic) > 1:
            return Resolution(text, None, "ambiguous", 100.0, list(generic))
        title = self.titles.match(text) if self.titles else None
        if title is None:
            # Words only one of our names ends with ("data manager": Clinical Data Manager) may well mean another
            # job: asked, not answered.
            return Resolution(text, None, "near", 100.0, generic) if generic else None
        onet = list(title.codes)
        if title.pages and len(title.pages) > len(title.uncovered):
            if len(title.pages) == 1 and not title.uncovered:
                return Resolution(text, title.pages[0], "title", 100.0, onet=onet)
            # Several of our careers, or ours and occupations we have no page for: ask which.
            return Resolution(text, None, "ambiguous", 100.0, list(title.pages), onet=onet)
        # Mostly occupations we have no page for: say so, and point to their neighbours (our pages first).
        assert self.titles is not None
        main = title.uncovered or title.codes  # the occupations of their own, before any catch-all
        neighbours = self.titles.neighbours(main, lambda: [c for c, _ in self._semantic(text)])
        suggestions = list(dict.fromkeys([*neighbours[: SUGGESTIONS - 1], *title.pages, *neighbours]))[:SUGGESTIONS]
        return Resolution(text, None, "unknown", 100.0, suggestions, onet=list(title.uncovered or title.codes))

    def strange_words(self, text: str) -> list[str]:
        """The words that are no word we know (in no page and no O*NET title): candidates for typos."""
        return [
            w
            for w in words_of(expand(text, strict=True))
            if w not in self.vocabulary and len(w) >= 3 and not w.isdigit()
        ]

    def _typo(self, text: str, strange: list[str]) -> Resolution | None:
        """The words with each word that is no word replaced by the one real word it is a slip away from
        ("comercial banker" -> commercial banker), else a close spelling of one of our names ("pharmacyst",
        "laweyr") that keeps every real word of the words ("commercial bankr" is never a baker), else the words spelled
        by ear ("electrision")."""
        if known := self._known_corrected(text, strange):
            return known
        forms = (expand(text, strict=True), expand(text))
        fuzzy = [(cid, score) for cid, score in self._fuzzy(*forms) if self._spelled_like(cid, text, strange)]
        if fuzzy and fuzzy[0][1] >= FUZZY_ACCEPT:
            best_id, best_score = fuzzy[0]
            rivals = [cid for cid, s in fuzzy[1:] if s >= best_score - 1.0 and cid != best_id]
            slipped = self._slipped(*forms)
            if not rivals and (len(slipped) < 2 or best_id not in slipped):
                return Resolution(text, best_id, "fuzzy", best_score)
            if not rivals:  # "orthpotist": a slip from orthoptist and from orthotist alike
                return Resolution(text, None, "ambiguous", best_score, sorted(slipped)[:5])
            slip = next(iter(slipped)) if len(slipped) == 1 else None  # one slip away from one of them settles it
            if slip in [best_id, *rivals]:
                return Resolution(text, slip, "fuzzy", best_score)
            return Resolution(text, None, "ambiguous", best_score, [best_id, *rivals][:5])
        slip = self._one_slip(*forms)
        if slip and self._spelled_like(slip, text, strange):
            return Resolution(text, slip, "fuzzy", FUZZY_ACCEPT)
        return self._known_corrected(text, strange, by_ear=True)

    def _known_corrected(self, text: str, strange: list[str], by_ear: bool = False) -> Resolution | None:
        """What the corrected words name (see _corrected), as a typo of it."""
        corrected = self._corrected(text, strange, by_ear)
        known = self._known(corrected) if corrected else None
        if known and known.how != "unknown":
            return replace(known, query=text, how="fuzzy" if known.found else known.how, score=FUZZY_ACCEPT)
        return None

    def _spelled_like(self, cid: str, text: str, strange: list[str]) -> bool:
        """One of the career's names has every real word of the text, and a word a slip or two away from each
        word that is no word ("geriatrician" is no typo of "pediatrician", "comercial banker" none of "baker")."""
        real = set(words_of(expand(text))) - set(strange)
        for name in self.careers[cid].names:
            own = set(words_of(expand(name)))
            if real <= own and all(_slips(w, own) for w in strange):
                return True
        return False

    def _corrected(self, text: str, strange: list[str], by_ear: bool = False) -> str | None:
        """The words with each word that is no word replaced by the one real word one slip away, if every such word
        has exactly one ("comercial banker" -> "commercial banker"); `by_ear`, the one real word that sounds the
        same ("electrision" -> "electrician", "musition": one slip from "munition")."""
        fixed = []
        # A no-word's plural is cut off like a word's ("logistcs" -> "logistc"): the slip is looked for as written
        # too, and without its last "s" ("servcies": a slip from "service", whose plural the vocabulary does not hold).
        written = {singular(w): w for w in WORD.findall(text.lower())}
        for word in words_of(expand(text, strict=True)):
            if word not in strange:
                fixed.append(word)
                continue
            if len(word) < 5:
                return None
            if by_ear:
                heard = sorted(self._sounds.get(sound_key(word), ()))
                if len(heard) != 1:
                    return None
                fixed.append(heard[0])
                continue
            raw = written.get(word, word)
            for form in dict.fromkeys((word, raw, raw[:-1] if raw.endswith("s") else raw)):
                hits = process.extract(form, self._words, scorer=OSA.distance, score_cutoff=1, limit=3)
                if len(hits) == 1:
                    break
            else:
                return None
            fixed.append(hits[0][0])
        return " ".join(fixed)

    def _not_a_name(self, text: str, strange: list[str], vector: np.ndarray | None) -> Resolution:
        """Words that are no name we know. A description clearly closer in meaning to one career than to any other
        names it ("someone who treats animals"). Words that end like a job title ("web architect", "AI consultant")
        are never answered as another career: when they resemble titles of careers of ours that are also close in
        meaning, or are close in meaning to a few careers, we ask which one was meant; else we say we do not have
        it and suggest neighbours."""
        if self.index is not None and vector is None:
            vector = self.index.embed(text)
        semantic = self._semantic(text, vector)
        best = semantic[0][1] if semantic else 0.0
        title_like = bool(self.titles and self.titles.title_like(text))
        if best >= SEMANTIC_ACCEPT and not title_like:
            close = [cid for cid, score in semantic if score >= best - SEMANTIC_MARGIN]
            if len(close) == 1:
                return Resolution(text, close[0], "semantic", best)
            return Resolution(text, None, "ambiguous", best, close[:NEAR_OPTIONS])
        guess = self.titles.guess(text, vector) if self.titles else Guess()
        options: list[str] = []
        resembles = guess.best >= NEAR_ASK or guess.meaning >= NEAR_MEANING_ASK
        if resembles and guess.pages and guess.covered >= guess.uncovered * NEAR_COVERED:
            top = guess.pages[0][1]
            options = [cid for cid, w in guess.pages if w >= top * NEAR_OPTION_SHARE]
            if not guess.meaning:  # resemblance in letters alone: only the careers about as close in meaning too
                options = [cid for cid in options if self._meaning(text, cid, vector) >= best - NEAR_MEANING_GAP]
            options = options[:NEAR_OPTIONS]
            if options and semantic and best >= NEAR_MEANING_MIN and semantic[0][0] not in options:
                options.append(semantic[0][0])  # and the career closest in meaning
        if not options and best >= SEMANTIC_ACCEPT:
            options = [cid for cid, score in semantic if score >= best - NEAR_MEANING_MARGIN][:NEAR_OPTIONS]
        if options:
            return Resolution(text, None, "near", guess.best, options, onet=[c for c, _ in guess.codes[:3]])
        # Not ours: suggest the neighbours of the occupations the words resemble when those are close in meaning
        # too, else the careers closest in meaning. Never a mere near spelling ("biker" is not a baker).
        meaning = [cid for cid, _ in semantic]
        suggestions: list[str] = []
        if self.titles and guess.best >= NEAR_CODES:
            codes = [c for c, w in guess.codes[:3] if w >= guess.codes[0][1] * NEAR_SHARE]
            neighbours = self.titles.neighbours(codes, lambda: meaning)
            close = [c for c in neighbours if self._meaning(text, c, vector) >= best - NEAR_MEANING_GAP]
            suggestions = [*close, *neighbours] if close else []  # the occupations are likely: their neighbours
        suggestions += [cid for cid, score in semantic if score >= SEMANTIC_SUGGEST] or meaning
        return Resolution(text, None, "unknown", 0.0, list(dict.fromkeys(suggestions))[:SUGGESTIONS])

    def _meaning(self, text: str, career: str, vector: np.ndarray | None) -> float:
        """How close in meaning the words are to a career's overview (cosine; 1.0 without an index)."""
        if self.index is None:
            return 1.0
        hits = self.index.search(text, k=1, career=career, section="overview", vector=vector)
        return hits[0].score if hits else 0.0

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
        in a short word too much)."""
        near = self._slipped(*forms)
        return next(iter(near)) if len(near) == 1 else None

    def _slipped(self, *forms: str) -> set[str]:
        """The careers a name is one keyboard slip away from. Below 8 letters only two swapped letters count, since a
        wrong letter there is as likely another word ("biker" is not a baker); from 8 letters a missing, extra or
        wrong letter too, and two slips from 12."""
        near: set[str] = set()
        for expanded in set(forms):
            if len(expanded) < 5:
                continue
            limit = 2 if len(expanded) >= 12 else 1
            hits = process.extract(expanded, list(self._expanded), scorer=OSA.distance, score_cutoff=limit, limit=5)
            near |= {
                self._expanded[name] for name, _, _ in hits if len(expanded) >= 8 or sorted(name) == sorted(expanded)
            }
        return near

    def _semantic(self, text: str, vector: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Careers whose overview is closest in meaning to the words, best first."""
        if self.index is None:
            return []
        hits = self.index.search(text, k=SEMANTIC_DEPTH, section="overview", vector=vector)
        best: dict[str, float] = {}
        for h in hits:
            best.setdefault(h.career, h.score)
        return list(best.items())

    def find_in_text(self, text: str, limit: int = 2) -> list[str]:
        """Career names mentioned anywhere in a message (exact or close), in order of appearance."""
        return [cid for _, cid in self.names_in_text(text) if cid][:limit]

    def find_spans(self, text: str, limit: int = 2) -> list[tuple[int, int, str]]:
        """Like find_in_text, with where each name is: (start, end) character offsets and the career id."""
        spans: list[tuple[int, int, str]] = []
        at = 0
        for phrase, cid in self.names_in_text(text):
            words = phrase.split()
            if cid:  # "do I become an electrician" reads as a whole; the name is "electrician"
                while len(words) > 1 and self.lookup(" ".join(words[1:])) == cid:
                    words = words[1:]
                while len(words) > 1 and self.lookup(" ".join(words[:-1])) == cid:
                    words = words[:-1]
            found = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.I).search(text, at)
            if found is None:
                continue
            at = found.end()
            if cid:
                spans.append((found.start(), found.end(), cid))
        return spans[:limit]

    def names_in_text(self, text: str) -> list[tuple[str, str | None]]:
        """(words, career) for every name in a message, longest first, in order of appearance. An O*NET title of
        several careers, or of one we do not have, comes with None: its words are not read as a shorter name
        ("web architect" is not the architect, "AI data curator" no curator)."""
        words = re.findall(r"[A-Za-z0-9+#']+", text)
        found: list[tuple[int, str, str | None]] = []
        taken: set[int] = set()
        for size in range(6, 0, -1):
            for start in range(0, len(words) - size + 1):
                span = set(range(start, start + size))
                if span & taken:
                    continue
                phrase = " ".join(words[start : start + size])
                key = normalise(phrase)
                if not key or key in FILLER or chat_word(phrase):
                    continue
                cid = self.lookup(phrase)
                after = words[start + size].lower() if start + size < len(words) else ""
                if cid and after in SCHOOL_WORDS and expand(phrase) != normalise(phrase):
                    cid = None  # "law school", "nursing degree": a field's school, not its practitioner
                if cid and veteran_said(text, phrase):  # "I'm a vet getting out of the navy": no veterinarian
                    found.append((start, phrase, None))
                    taken |= span
                    continue
                if (
                    cid is None
                    and size >= 2
                    and self.titles
                    and not (_asks(words[start]) or _asks(words[start + size - 1]))
                ):
                    codes = self.titles.by_key.get(expand(phrase, strict=True))
                    if codes:  # an O*NET title: ours when it names one page, else a name that is not ours
                        title = self.titles.match(phrase)
                        one = title is not None and len(title.pages) == 1 and not title.uncovered
                        cid = title.pages[0] if title and one else None
                        if cid is None:
                            found.append((start, phrase, None))
                            taken |= span
                            continue
                if cid is None and size >= 3 and _distinct(phrase):  # reordered: "teacher of high school"
                    cid = self._bags.get(bag(phrase))
                if cid is None and len(key) >= 6 and (strange := self.strange_words(phrase)):
                    # A close spelling of a whole name ("electricain"), never a loose partial match.
                    best = process.extractOne(expand(phrase), self._expanded, scorer=fuzz.ratio, score_cutoff=87)
                    cid = best[0] if best and self._spelled_like(best[0], phrase, strange) else None
                if cid and start and (start - 1) not in taken and self._changes_meaning(words[start - 1], phrase, cid):
                    # "AI data curator": a word in front makes it another job, which is not ours.
                    found.append((start - 1, f"{words[start - 1]} {phrase}", None))
                    taken |= span | {start - 1}
                elif cid and cid not in [f[2] for f in found]:
                    found.append((start, phrase, cid))
                    taken |= span
        return [(phrase, cid) for _, phrase, cid in sorted(found, key=lambda f: f[0])]

    def _changes_meaning(self, word: str, name: str, cid: str) -> bool:
        """Whether a word in front of a career's name makes it another job: the words together are much further in
        meaning from the career than from the career closest to them ("AI data curator" is no museum curator;
        "local plumber" is a plumber)."""
        if self.index is None or _asks(word) or word.lower() in RANKS or not word.isalpha():
            return False
        longer = f"{word} {name}"
        vector = self.index.embed(longer)
        semantic = self._semantic(longer, vector)
        best = semantic[0][1] if semantic else 0.0
        return self._meaning(longer, cid, vector) < best - NEAR_MEANING_GAP


def _distinct(phrase: str) -> bool:
    """No content word twice ("a nurse become a nurse practitioner" is two names, not one reordered)."""
    words = expand(phrase).split()
    return len(words) == len(set(words))


def _slips(word: str, words: Iterable[str]) -> bool:
    """Whether a word is one slip (two from 8 letters) from one of the words."""
    limit = 2 if len(word) >= 8 else 1
    return any(OSA.distance(word, w, score_cutoff=limit) <= limit for w in words)


NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


# Words of our question phrasings that are also parts of job names ("AI consultant", "school counselor",
# "farm worker", "delivery person"): never taken for question words around a name.
NAME_PARTS = {
    "ai",
    "school",
    "office",
    "high",
    "technical",
    "remote",
    "code",
    "specialist",
    "worker",
    "workers",
    "person",
}


# Pronouns are never a career's name ("does he need a degree for it?" got "I don't have a page called 'he'"); "IT" in
# capitals is information technology.
PRONOUNS = {"i", "me", "you", "we", "us", "they", "them", "he", "him", "she", "her", "it", "mine", "his", "hers"}
PRONOUNS |= {"theirs", "ours", "yours", "both", "two", "either", "neither"}  # "which of the two pays more?"
SUBJECTS = r"(?:i|you|we|they|he|she|it|mine|yours|ours|theirs|my|your|our|their|his|her)"  # ... or possessives
PARTICIPLE_AFTER = r"(?:get|got|getting|be|been|being|become|became)"


def _asks(word: str) -> bool:
    """A question word, filler or pronoun ("what", "much", "the", "he"), never part of a career's name."""
    from bot.knowledge.phrasings import question_words

    if chat_word(word) or (word.lower() in PRONOUNS and not word.isupper()):
        return True
    word = word.lower()
    asked = word in question_words() or f"{word}s" in question_words()  # "the education requirement"
    return (asked and word not in NAME_PARTS) or word in FILLER


SCHOOL_WORDS = {"school", "schools", "degree", "degrees", "program", "programs", "course", "courses", "student"}
SCHOOL_WORDS |= {"students", "class", "classes", "major"}
# "Vet" next to words of military service means a veteran, not a veterinarian.
MILITARY = re.compile(
    r"\b(navy|army|military|marines?|marine corps|air force|space force|coast guard|national guard|service ?members?|"
    r"deploy\w*|discharg\w*|enlist\w*|active duty|gi bill|dd-?214|veterans?|infantry|deployments?|in the service|"
    r"getting out|got out|separat(ing|ed) from)\b",
    re.I,
)


def studied(text: str, name: str) -> bool:
    """Whether the words name a field of study: followed by a school word ("a CS degree", "a nursing program")."""
    school = "|".join(sorted(SCHOOL_WORDS))
    return bool(re.search(rf"\b{re.escape(name)}\s+(?:{school})\b", text, re.I))


def veteran_said(text: str, name: str) -> bool:
    """Whether "vet" in this message means a veteran ("im a vet getting out of the navy"); "veteran" always does (it
    was "no page called 'veteran'" with a veterinarian offered)."""
    name = normalise(name)
    return name in ("veteran", "veterans", "military veteran") or (name == "vet" and bool(MILITARY.search(text)))


def said_as_no_name(text: str, mention: str) -> bool:
    """Words NLU tagged as a career that the sentence uses otherwise: a verb right after its subject ("will they
    [check] my record?"), a thing someone has ("my [record]"), a state after "get" or "be" ("how long to get
    [licensed]?"), or words that begin with a pronoun ("what skills of [mine transfer]?")."""
    words = mention.split()
    if not words:
        return False
    if words[0].lower() in PRONOUNS and not words[0].isupper():
        return True
    if len(words) > 1:
        return False
    word = re.escape(words[0])
    return bool(
        re.search(rf"\b{SUBJECTS} {word}\b", text, re.I)
        or (words[0].lower().endswith("ed") and re.search(rf"\b{PARTICIPLE_AFTER} {word}\b", text, re.I))
    )


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
