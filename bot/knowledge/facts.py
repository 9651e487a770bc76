"""Career facts from the public tables in knowledge/facts (O*NET 29.3 and BLS; see knowledge/facts/SOURCES.md).

Lookups by code (all cached, read once per folder):
- per BLS SOC code: `wage` (OEWS May 2024 median), `projection` (Employment Projections 2024-34), `bls_title`;
- per O*NET-SOC code: `occupation_title`, `interests` (RIASEC, OI scale), `job_zone`, `related`, `skills`,
  `knowledge`;
- per career page: `career_facts(page_id)`, from knowledge/facts/career_onet.csv.

And what the pages carry from them (`scripts/apply_facts.py` writes it, tests/test_facts.py checks it): the front
matter `onet`, `salary`, `outlook`, the job zone and RIASEC profile fitted to O*NET, and the wording of the
`## Salary` and `## Outlook` sections (`salary_text`, `outlook_text`, `apply_facts`).
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot import config
from bot.knowledge.pages import HEADING_TO_SECTION, RIASEC

WAGE_YEAR = 2024
PROJECTION_PERIOD = "2024-2034"
# OEWS top-codes wages: `#` means the median is at or above these.
TOP_CODED = {"year": 239_200.0, "hour": 115.0}
OEWS_SOURCE = f"US Bureau of Labor Statistics, OEWS May {WAGE_YEAR}"
EP_SOURCE = "US Bureau of Labor Statistics, Employment Projections 2024-34"
ALL_OCCUPATIONS_GROWTH_PCT = 3.1  # BLS projection for all occupations, 2024-34
RIASEC_MIN_CORRELATION = 0.7  # a page's profile below this Pearson r with O*NET's is replaced by O*NET's
JOB_ZONE_MAX_GAP = 1  # a page's job zone further than this from O*NET's is replaced by O*NET's
CATEGORY_NOTES = {"closest category": "the closest category", "broader category": "a broader category"}
GENERIC_PAY_NOTE = "Pay varies with region, employer and experience."

# Growth wording, after the BLS Occupational Outlook Handbook's comparison with the all-occupations average
# (3.1% for 2024-34): (lower bound inclusive, words), checked from the top.
GROWTH_WORDS = (
    (8.0, "much faster than average"),
    (5.0, "faster than average"),
    (3.0, "about as fast as average"),
    (1.0, "slower than average"),  # above 1, below 3
    (-1.0, "little or no change"),  # -1 to 1, both inclusive
)
DECLINE_WORDS = "decline"  # below -1


# ---------------------------------------------------------------------------------------------------------------
# Tables


@cache
def _read(folder: str, name: str) -> tuple[dict[str, str], ...]:
    with open(Path(folder) / name, encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def table(name: str, folder: Path | None = None) -> tuple[dict[str, str], ...]:
    """The rows of one CSV table of knowledge/facts (e.g. "wages_2024.csv"), read once."""
    return _read(str(folder or config.FACTS_DIR), name)


@cache
def _index(folder: str, name: str, key: str) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in _read(folder, name):
        out.setdefault(row[key], []).append(row)
    return out


def rows(name: str, key: str, value: str, folder: Path | None = None) -> list[dict[str, str]]:
    """The rows of a table whose `key` column equals value."""
    return _index(str(folder or config.FACTS_DIR), name, key).get(value, [])


# ---------------------------------------------------------------------------------------------------------------
# BLS, per SOC code


@dataclass(frozen=True)
class Wage:
    """An OEWS national median: `median` is a year's pay when `period` is "year", else an hour's."""

    soc: str
    title: str  # the OEWS occupation title
    median: float
    period: str  # "year" | "hour"
    year: int
    top_coded: bool = False  # BLS publishes only "at or above `median`"


def _wage_row(soc: str, year: int, folder: Path | None) -> dict[str, str] | None:
    found = rows(f"wages_{year}.csv", "soc_code", soc, folder)
    if not found:
        return None
    if soc.endswith("0"):  # a group code: its own row, whatever o_group (broad and detailed twins are identical)
        return found[0]
    return next((r for r in found if r["o_group"] == "detailed"), found[0])


def wage(soc: str, year: int = WAGE_YEAR, folder: Path | None = None) -> Wage | None:
    """The median wage of a SOC code: annual when BLS publishes one, else hourly; None when neither is published
    (`*`) or BLS has no row. A top-coded median (`#`) is the top value, flagged `top_coded`."""
    row = _wage_row(soc, year, folder)
    if row is None:
        return None
    hourly_only = row.get("hourly_only", "").upper() == "TRUE"
    annual_only = row.get("annual_only", "").upper() == "TRUE"
    choices = [("hour", row["h_median"])] if hourly_only else [("year", row["a_median"])]
    if not hourly_only and not annual_only:
        choices.append(("hour", row["h_median"]))
    for period, value in choices:
        value = value.strip().replace(",", "")
        if value == "#":
            return Wage(soc, row["occ_title"], TOP_CODED[period], period, year, top_coded=True)
        try:
            median = float(value)
        except ValueError:  # "*": no estimate
            continue
        return Wage(soc, row["occ_title"], round(median, 2) if period == "hour" else float(round(median)), period, year)
    return None


@dataclass(frozen=True)
class Projection:
    """A BLS Employment Projections 2024-34 row."""

    soc: str
    title: str  # BLS EP title (sentence case)
    growth_pct: float  # employment change 2024-34, percent
    openings: int  # average annual openings
    employment_2024: int
    employment_2034: int
    period: str = PROJECTION_PERIOD


def projection(soc: str, folder: Path | None = None) -> Projection | None:
    """The 2024-34 projection of a SOC code (detailed or summary row); None when BLS has none."""
    found = rows("projections.csv", "soc_code", soc, folder)
    if not found:
        return None
    row = found[0]
    try:
        return Projection(
            soc=soc,
            title=row["title"],
            growth_pct=float(row["change_2024_34_pct"]),
            openings=round(float(row["openings_annual_avg_k"]) * 1000),
            employment_2024=round(float(row["emp_2024_k"]) * 1000),
            employment_2034=round(float(row["emp_2034_k"]) * 1000),
        )
    except ValueError:  # a blank ("—") cell
        return None


@dataclass(frozen=True)
class Training:
    """BLS's typical route into an occupation (Employment Projections 2024-34 education and training categories)."""

    soc: str
    title: str  # BLS EP title (sentence case)
    entry_education: str  # "Bachelor's degree", "Postsecondary nondegree award", ...
    work_experience: str  # "None", "Less than 5 years", "5 years or more"
    ojt_training: str  # "None", "Short-term on-the-job training", ..., "Apprenticeship", "Internship/residency"


def training(soc: str, folder: Path | None = None) -> Training | None:
    """The typical entry education, related work experience and on-the-job training BLS gives a SOC code."""
    found = rows("projections.csv", "soc_code", soc, folder)
    if not found or not found[0].get("entry_education"):
        return None
    row = found[0]
    return Training(soc, row["title"], row["entry_education"], row["work_experience"], row["ojt_training"])


def bls_title(soc: str, folder: Path | None = None) -> str | None:
    """The BLS title of a SOC code: the OEWS title, else the Employment Projections one."""
    row = _wage_row(soc, WAGE_YEAR, folder)
    if row is not None:
        return row["occ_title"]
    found = rows("projections.csv", "soc_code", soc, folder)
    return found[0]["title"] if found else None


# ---------------------------------------------------------------------------------------------------------------
# O*NET, per O*NET-SOC code


@dataclass(frozen=True)
class Rating:
    """An O*NET skill or knowledge area: importance (1-5) and level (0-7)."""

    element_id: str
    name: str
    importance: float
    level: float


def occupation_title(code: str, folder: Path | None = None) -> str | None:
    found = rows("occupations.csv", "code", code, folder)
    return found[0]["title"] if found else None


def interests(code: str, folder: Path | None = None) -> dict[str, float] | None:
    """O*NET's RIASEC interest scores (OI scale, 1-7; machine-learning estimates in 29.3)."""
    found = rows("interests.csv", "code", code, folder)
    return {d: float(found[0][d]) for d in RIASEC} if found else None


def job_zone(code: str, folder: Path | None = None) -> int | None:
    found = rows("job_zones.csv", "code", code, folder)
    return int(found[0]["job_zone"]) if found else None


def related(code: str, folder: Path | None = None) -> list[str]:
    """O*NET's 20 related occupations, in its rank order (Primary-Short first)."""
    return [r["related_code"] for r in sorted(rows("related.csv", "code", code, folder), key=lambda r: int(r["index"]))]


def _ratings(name: str, column: str, code: str, folder: Path | None) -> list[Rating]:
    out = [
        Rating(r["element_id"], r[column], float(r["importance"]), float(r["level"]))
        for r in rows(name, "code", code, folder)
    ]
    return sorted(out, key=lambda r: (-r.importance, -r.level, r.element_id))


def skills(code: str, folder: Path | None = None) -> list[Rating]:
    """The 35 O*NET skills of a code, most important first; [] for the 137 codes 29.3 does not rate."""
    return _ratings("skills.csv", "skill", code, folder)


def knowledge(code: str, folder: Path | None = None) -> list[Rating]:
    """The 33 O*NET knowledge areas of a code, most important first; [] when unrated."""
    return _ratings("knowledge.csv", "knowledge", code, folder)


# ---------------------------------------------------------------------------------------------------------------
# Per career page


@dataclass(frozen=True)
class CareerFacts:
    """A page's codes (knowledge/facts/career_onet.csv) and the facts they give."""

    career: str
    onet: tuple[str, ...]
    soc: str  # the BLS code whose wage and projection the page quotes; "" when none fits
    soc_note: str  # "", "closest category" or "broader category"
    folder: Path | None = None

    @property
    def profile_code(self) -> str | None:
        """The O*NET code whose interests and job zone stand for the page: the first one that has both."""
        return next((c for c in self.onet if interests(c, self.folder) and job_zone(c, self.folder) is not None), None)

    @property
    def wage(self) -> Wage | None:
        return wage(self.soc, folder=self.folder) if self.soc else None

    @property
    def projection(self) -> Projection | None:
        return projection(self.soc, self.folder) if self.soc else None

    @property
    def bls_title(self) -> str | None:
        return bls_title(self.soc, self.folder) if self.soc else None


def career_mapping(folder: Path | None = None) -> dict[str, CareerFacts]:
    return {
        r["career"]: CareerFacts(
            r["career"], tuple(c for c in r["onet"].split(";") if c), r["soc"], r["soc_note"], folder
        )
        for r in table("career_onet.csv", folder)
    }


def career_facts(page_id: str, folder: Path | None = None) -> CareerFacts | None:
    """The facts of a career page; None for a page the mapping does not list (e.g. an ingested one)."""
    return career_mapping(folder).get(page_id)


# ---------------------------------------------------------------------------------------------------------------
# Fitting a page's own judgements to O*NET


def pearson(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Pearson correlation of two RIASEC profiles (0.0 when one of them is flat)."""
    xs, ys = [float(a[d]) for d in RIASEC], [float(b[d]) for d in RIASEC]
    try:
        return statistics.correlation(xs, ys)
    except statistics.StatisticsError:
        return 0.0


def fitted_job_zone(page_zone: int, facts: CareerFacts) -> int:
    """The page's job zone, unless it is more than one zone from O*NET's (then O*NET's)."""
    code = facts.profile_code
    onet_zone = job_zone(code, facts.folder) if code else None
    if onet_zone is None or abs(onet_zone - int(page_zone)) <= JOB_ZONE_MAX_GAP:
        return int(page_zone)
    return onet_zone


def fitted_riasec(page: Mapping[str, float], facts: CareerFacts, note: str | None = None) -> dict[str, float]:
    """The page's RIASEC scores, unless they correlate below 0.7 with O*NET's (then O*NET's, to 1 decimal). A page
    with a `riasec_note` (the reason it differs) keeps its own."""
    code = facts.profile_code
    onet = interests(code, facts.folder) if code else None
    if onet is None or note or pearson(page, onet) >= RIASEC_MIN_CORRELATION:
        return {d: page[d] for d in RIASEC}
    return {d: round(onet[d], 1) for d in RIASEC}


# ---------------------------------------------------------------------------------------------------------------
# Wording


def growth_words(pct: float) -> str:
    """BLS-style comparison of a 2024-34 growth rate with the average (see GROWTH_WORDS)."""
    if -1.0 <= pct <= 1.0:
        return "little or no change"
    for floor, words in GROWTH_WORDS:
        if pct >= floor:
            return words
    return DECLINE_WORDS


def round_sig(n: float, digits: int = 2) -> int:
    """n rounded to `digits` significant figures (45,600 -> 46,000)."""
    if n == 0:
        return 0
    return int(round(n, digits - len(str(int(abs(n))))))


def money(median: float, period: str) -> str:
    """$51,000 a year / $23.33 an hour amounts, without the period."""
    return f"${median:,.2f}" if period == "hour" else f"${median:,.0f}"


# BLS titles that read badly in a sentence, said the natural way round.
CATEGORY_WORDING = {
    "11-9032": "education administrators for kindergarten through secondary school",
    "27-4031": "television, video and film camera operators",
    "29-1021": "general dentists",
    "29-1221": "general pediatricians",
    "29-2081": "dispensing opticians",
    "35-2014": "restaurant cooks",
    "39-5091": "theatrical and performance makeup artists",
    "41-4000": "wholesale and manufacturing sales representatives",
    "43-4061": "eligibility interviewers for government programs",
    "47-2141": "construction and maintenance painters",
    "53-3052": "transit and intercity bus drivers",
    "53-7062": "hand laborers and freight, stock and material movers",
}
_PROPER = {"english": "English"}


def category_words(soc: str, folder: Path | None = None) -> str:
    """A BLS category as words in a sentence: "welders, cutters, solderers and brazers"."""
    if soc in CATEGORY_WORDING:
        return CATEGORY_WORDING[soc]
    found = rows("projections.csv", "soc_code", soc, folder)
    title = found[0]["title"] if found else (bls_title(soc, folder) or soc)
    words = title[0].lower() + title[1:] if found else title.lower()
    words = re.sub(r"\b(\w+)\b", lambda m: _PROPER.get(m.group(1).lower(), m.group(1)), words)
    if words.endswith(", all other"):
        words = "other " + words[: -len(", all other")]
    words = re.sub(r", (except|including) (.+)$", r" (\1 \2)", words)
    return words.replace(", and ", " and ")


def _category(facts: CareerFacts) -> tuple[str, str]:
    """("for", "of") phrases naming the page's BLS category."""
    words = category_words(facts.soc, facts.folder)
    if facts.soc_note == "closest category":
        return f"the closest BLS category, {words},", f"in the closest BLS category, {words},"
    if facts.soc_note == "broader category":
        return f"the broader BLS category, {words},", f"in the broader BLS category, {words},"
    return words, f"of {words}"


def salary_sentence(facts: CareerFacts) -> str:
    who, _ = _category(facts)
    w = facts.wage
    if w is None:
        who = who.rstrip(",")
        return (
            f"The US Bureau of Labor Statistics publishes no median pay for {who} (OEWS, May {WAGE_YEAR}), so there "
            "is no official US figure to quote."
        )
    per = "an hour" if w.period == "hour" else "a year"
    if w.top_coded:
        return (
            f"In the US, the median pay for {who} was at least {money(w.median, w.period)} {per} in May {w.year} "
            "(US Bureau of Labor Statistics, OEWS, which publishes no exact median above that level)."
        )
    return (
        f"In the US, the median pay for {who} was {money(w.median, w.period)} {per} in May {w.year} "
        "(US Bureau of Labor Statistics, OEWS)."
    )


def outlook_sentence(facts: CareerFacts) -> str:
    _, of = _category(facts)
    p = facts.projection
    if p is None:
        return f"The US Bureau of Labor Statistics publishes no {PROJECTION_PERIOD} projection {of.rstrip(',')}."
    words = growth_words(p.growth_pct)
    openings = f"about {round_sig(p.openings):,} openings a year"
    start, end = PROJECTION_PERIOD.split("-")
    if words == "little or no change":
        return (
            f"In the US, the Bureau of Labor Statistics projects little or no change in employment {of} from {start} "
            f"to {end} ({p.growth_pct:.1f}%), with {openings}, mostly to replace workers who retire or move to other "
            "jobs."
        )
    if words == DECLINE_WORDS:
        return (
            f"In the US, the Bureau of Labor Statistics projects employment {of} to decline {abs(p.growth_pct):.1f}% "
            f"from {start} to {end}, though there will still be {openings}, to replace workers who retire or move "
            "to other jobs."
        )
    return (
        f"In the US, the Bureau of Labor Statistics projects employment {of} to grow {p.growth_pct:.1f}% from "
        f"{start} to {end} ({words}), with {openings}."
    )


# Sentences of the old sections that are kept: page-specific remarks without figures or claims about BLS data.
_FIGURES = re.compile(r"\d|\$|%|\bBLS\b|Bureau|Labor Statistics|OEWS|median|project(ion|s|ed)?\b|\bofficial\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")


def own_remarks(text: str | None) -> list[str]:
    """The sentences of a section that state no figure and do not speak for BLS."""
    if not text:
        return []
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip() and not _FIGURES.search(s)]


def salary_text(facts: CareerFacts, old: str | None = None) -> str:
    """The `## Salary` section: the BLS figure, then the page's own remarks on pay (or a generic one)."""
    remarks = own_remarks(old) or ([GENERIC_PAY_NOTE] if facts.wage else [])
    return " ".join([salary_sentence(facts), *remarks])


def outlook_text(facts: CareerFacts, old: str | None = None) -> str:
    """The `## Outlook` section: the BLS projection, then the page's own remarks on demand."""
    return " ".join([outlook_sentence(facts), *own_remarks(old)])


# ---------------------------------------------------------------------------------------------------------------
# Front matter


def salary_meta(facts: CareerFacts) -> dict | None:
    w = facts.wage
    if w is None:
        return None
    note = CATEGORY_NOTES.get(facts.soc_note)
    meta: dict = {
        "median": w.median if w.period == "hour" else int(w.median),
        "currency": "USD",
        "period": w.period,
        "year": w.year,
        "soc": facts.soc,
        "source": f"{OEWS_SOURCE} ({w.title}{', ' + note if note else ''})",
    }
    if w.top_coded:
        meta["top_coded"] = True
    return meta


def outlook_meta(facts: CareerFacts) -> dict | None:
    p = facts.projection
    if p is None:
        return None
    return {
        "growth_pct": p.growth_pct,
        "openings": p.openings,
        "period": p.period,
        "soc": facts.soc,
        "source": EP_SOURCE,
    }


KEY_ORDER = (
    "id",
    "title",
    "aliases",
    "cluster",
    "onet",
    "riasec",
    "riasec_note",
    "education",
    "related",
    "salary",
    "outlook",
)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}" if round(value, 1) != value else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z ]*", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _block(key: str, value: Mapping[str, object]) -> str:
    return "\n".join([f"{key}:", *(f"  {k}: {_scalar(v)}" for k, v in value.items())])


def _blocks(front: str) -> list[tuple[str, str]]:
    """Top-level (key, text) blocks of a front matter, continuation lines included."""
    blocks: list[tuple[str, str]] = []
    for line in front.splitlines():
        match = re.match(r"([A-Za-z_][\w-]*):", line)
        if match and not line[0].isspace():
            blocks.append((match.group(1), line))
        elif blocks:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + "\n" + line)
        else:
            raise ValueError(f"front matter starts with a continuation line: {line!r}")
    return blocks


@dataclass
class Applied:
    """What `apply_facts` changed on one page."""

    text: str
    salary: bool = False
    outlook: bool = False
    job_zone: tuple[int, int] | None = None  # (page's, new)
    riasec_replaced: bool = False


def _front_matter(front: str, meta: dict, facts: CareerFacts) -> tuple[str, Applied]:
    applied = Applied("")
    blocks = dict(_blocks(front))
    order = [k for k, _ in _blocks(front)]
    blocks["onet"] = "onet: [" + ", ".join(json.dumps(c) for c in facts.onet) + "]"
    riasec = fitted_riasec(meta["riasec"], facts, meta.get("riasec_note"))
    if riasec != {d: meta["riasec"][d] for d in RIASEC}:
        applied.riasec_replaced = True
        blocks["riasec"] = "riasec: {" + ", ".join(f"{d}: {riasec[d]}" for d in RIASEC) + "}"
    zone = fitted_job_zone(meta["education"]["job_zone"], facts)
    if zone != meta["education"]["job_zone"]:
        applied.job_zone = (meta["education"]["job_zone"], zone)
        new, n = re.subn(r"(job_zone:\s*)\d", lambda m: m.group(1) + str(zone), blocks["education"])
        if n != 1:
            raise ValueError(f"{facts.career}: cannot find education.job_zone to change")
        blocks["education"] = new
    for key, value in (("salary", salary_meta(facts)), ("outlook", outlook_meta(facts))):
        if value is None:
            blocks.pop(key, None)
        else:
            blocks[key] = _block(key, value)
            setattr(applied, key, True)
    keys = [k for k in KEY_ORDER if k in blocks] + [k for k in order if k not in KEY_ORDER and k in blocks]
    return "\n".join(blocks[k] for k in keys), applied


def _sections(body: str) -> list[list[str]]:
    """[heading line or "", text] chunks of a page body, in order."""
    chunks: list[list[str]] = [["", ""]]
    for line in body.splitlines(keepends=True):
        if line.startswith("## "):
            chunks.append([line, ""])
        else:
            chunks[-1][1] += line
    return chunks


def _section_id(heading: str) -> str | None:
    return HEADING_TO_SECTION.get(heading[3:].strip().lower()) if heading else None


def _set_section(chunks: list[list[str]], section: str, text: str, after: tuple[str, ...]) -> None:
    """Replace a section's text (keeping its heading and the spacing after it), or add it after the last present
    of `after` (at the end when none is)."""
    ids = [_section_id(h) for h, _ in chunks]
    if section in ids:
        i = ids.index(section)
        trailing = chunks[i][1][len(chunks[i][1].rstrip()) :] or "\n"
        chunks[i][1] = text + trailing
        return
    where = max((ids.index(s) for s in after if s in ids), default=len(chunks) - 1)
    if not chunks[where][1].endswith("\n\n"):
        chunks[where][1] = chunks[where][1].rstrip() + "\n\n"
    heading = "## " + {"salary": "Salary", "outlook": "Outlook"}[section] + "\n"
    last = where == len(chunks) - 1
    chunks.insert(where + 1, [heading, text + ("\n" if last else "\n\n")])


def apply_facts(text: str, facts: CareerFacts) -> Applied:
    """A page's text with its facts applied: front matter `onet`, `salary`, `outlook`, job zone and RIASEC fitted
    to O*NET, and the `## Salary` / `## Outlook` sections written from the facts. A page without a BLS code keeps
    its sections as they are."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError(f"{facts.career}: no front matter")
    front, body = match.group(1), match.group(2)
    meta = yaml.safe_load(front)
    new_front, applied = _front_matter(front, meta, facts)
    chunks = _sections(body)
    if facts.soc:
        old = {_section_id(h): t for h, t in chunks}
        _set_section(chunks, "salary", salary_text(facts, old.get("salary")), ("education", "skills", "workplace"))
        _set_section(chunks, "outlook", outlook_text(facts, old.get("outlook")), ("salary",))
    applied.text = "---\n" + new_front + "\n---\n" + "".join(h + t for h, t in chunks)
    new_meta = yaml.safe_load(new_front)
    managed = {"onet", "riasec", "education", "salary", "outlook"}
    kept = {k: v for k, v in meta.items() if k not in managed}
    if {k: v for k, v in new_meta.items() if k not in managed} != kept or list(new_meta)[:4] != list(meta)[:4]:
        raise ValueError(f"{facts.career}: rewriting the front matter changed other keys")
    return applied
