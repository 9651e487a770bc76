"""One career's facts as numbers (for rankings and metadata) and as words with their year and source.

The numbers are the page's front matter, written from the BLS and O*NET tables by scripts/apply_facts.py:
`salary.median` (annual; an hourly median x 2080), `outlook.growth_pct` (2024-34), `outlook.openings` (a year),
`education.job_zone` (1-5) and `education.level`.
"""

from __future__ import annotations

import re

from bot.knowledge.facts import growth_words, money
from bot.knowledge.pages import Career

HOURS_A_YEAR = 2080  # BLS's full-time year: an hourly median x 2080 = the annual figure
BY_FACTS = ("salary", "growth", "openings", "job_zone", "match")
# Entry levels below an associate's degree: "without a degree" and "with only a certificate".
BELOW_ASSOCIATE = (
    "No formal credential",
    "High school diploma",
    "Postsecondary certificate",
    "Apprenticeship",
)
ZONE_WORDS = {
    1: "little or no preparation, often no formal credential",
    2: "some preparation, usually a high school diploma",
    3: "medium preparation, such as vocational training, an apprenticeship or an associate's degree",
    4: "considerable preparation, usually a bachelor's degree",
    5: "extensive preparation, usually a graduate degree",
}
ZONE_SHORT = {
    1: "no formal credential",
    2: "a high school diploma or less",
    3: "a certificate, apprenticeship or associate's degree",
    4: "a bachelor's degree",
    5: "a graduate degree",
}
US_NOTE = (
    "A starting point, not a verdict: these are US figures (BLS), medians (half of workers earn more), and "
    "projections are estimates, not promises."
)


def annual_salary(career: Career) -> float | None:
    """The median pay a year in USD: the annual median, or the hourly one x 2080; None when the page has none."""
    s = career.meta.get("salary")
    if not isinstance(s, dict) or not isinstance(s.get("median"), (int, float)):
        return None
    median = float(s["median"])
    return round(median * HOURS_A_YEAR, 2) if s.get("period") == "hour" else median


def growth(career: Career) -> float | None:
    o = career.meta.get("outlook")
    return float(o["growth_pct"]) if isinstance(o, dict) and isinstance(o.get("growth_pct"), (int, float)) else None


def openings(career: Career) -> int | None:
    o = career.meta.get("outlook")
    return int(o["openings"]) if isinstance(o, dict) and isinstance(o.get("openings"), (int, float)) else None


def job_zone(career: Career) -> int | None:
    zone = (career.education or {}).get("job_zone")
    return int(zone) if isinstance(zone, (int, float)) else None


def level(career: Career) -> str:
    return str((career.education or {}).get("level") or "")


def value(career: Career, by: str) -> float | None:
    """The fact a ranking sorts by (not "match": that depends on the person)."""
    if by == "salary":
        return annual_salary(career)
    if by == "growth":
        return growth(career)
    if by == "openings":
        o = openings(career)
        return float(o) if o is not None else None
    if by == "job_zone":
        z = job_zone(career)
        return float(z) if z is not None else None
    raise ValueError(f"not a fact of the page: {by}")


def _category(source: str) -> str:
    """ "(BLS: a broader category, Software Developers)" when the page quotes another category than its own."""
    found = re.search(r"\(([^()]*)\)\s*$", source)
    if not found or ("closest category" not in found.group(1) and "broader category" not in found.group(1)):
        return ""
    title, _, note = found.group(1).rpartition(", ")
    return f" (BLS figure for {note.replace('category', 'category:')} {title})"


def salary_words(career: Career) -> str:
    """ "$133,080 a year, US median, May 2024, BLS"; hourly medians are given a year too."""
    s = career.meta.get("salary")
    yearly = annual_salary(career)
    if not isinstance(s, dict) or yearly is None:
        return "no BLS median pay"
    when = f"May {s.get('year')}"
    least = "at least " if s.get("top_coded") else ""
    if s.get("period") == "hour":
        # BLS gives only an hourly median for work often done part of the year (musicians, actors): a year's pay is
        # the hourly median over a full-time year, which many in it do not work
        hourly = money(float(s["median"]), "hour")
        amount = f"{least}{money(yearly, 'year')} a year ({hourly} an hour x 2,080 hours, if worked full-time all year)"
    else:
        amount = f"{least}{money(yearly, 'year')} a year"
    return f"{amount}, US median, {when}, BLS" + _category(str(s.get("source", "")))


def bls_note(career: Career) -> str:
    """The BLS category a page's figures describe, when it is not the page's own occupation."""
    s = career.meta.get("salary")
    return _category(str(s.get("source", ""))) if isinstance(s, dict) else ""


def growth_phrase(career: Career) -> str:
    """ "+17.9% from 2024 to 2034 (much faster than average), BLS projection"."""
    pct = growth(career)
    if pct is None:
        return "no BLS projection"
    return f"{pct:+.1f}% from 2024 to 2034 ({growth_words(pct)}), BLS projection" + bls_note(career)


def openings_phrase(career: Career) -> str:
    n = openings(career)
    if n is None:
        return "no BLS projection"
    return f"about {n:,} openings a year, 2024-34, BLS projection" + bls_note(career)


def zone_phrase(career: Career) -> str:
    zone = job_zone(career)
    if zone is None:
        return "no job zone"
    entry = level(career)
    return f"job zone {zone}, {ZONE_WORDS[zone]}" + (f"; typical entry: {entry}" if entry else "") + ", O*NET"


def fact_phrase(career: Career, by: str) -> str:
    return {
        "salary": salary_words,
        "growth": growth_phrase,
        "openings": openings_phrase,
        "job_zone": zone_phrase,
    }[by](career)


def head_noun(title: str) -> str:
    """The last word of a title, singular and lower case: "High School Teacher" -> "teacher"."""
    from bot.knowledge.text import singular

    words = re.findall(r"[a-z]+", title.lower())
    return singular(words[-1]) if words else ""


def join(words: list[str], last: str = "and") -> str:
    """ "a, b and c"; "a; b; and c" when a name has "and" in it ("Economics and Accounting")."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    if any(f" {last} " in w or "," in w for w in words):
        return "; ".join(words[:-1]) + f"; {last} " + words[-1]
    return ", ".join(words[:-1]) + f" {last} " + words[-1]
