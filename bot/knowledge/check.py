"""The page check: every rule of knowledge/FORMAT.md, reported as readable errors (file: problem)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from bot.knowledge.pages import (
    REQUIRED_SECTIONS,
    RIASEC,
    Career,
    PageError,
    page_paths,
    parse_page,
    slugify,
)
from bot.knowledge.spelling import find_uk

CLUSTERS = {
    "Agriculture, Food and Natural Resources",
    "Architecture and Construction",
    "Arts, Audio/Video Technology and Communications",
    "Business Management and Administration",
    "Education and Training",
    "Finance",
    "Government and Public Administration",
    "Health Science",
    "Hospitality and Tourism",
    "Human Services",
    "Information Technology",
    "Law, Public Safety, Corrections and Security",
    "Manufacturing",
    "Marketing",
    "Science, Technology, Engineering and Mathematics",
    "Transportation, Distribution and Logistics",
}
EDUCATION_LEVELS = [
    "No formal credential",
    "High school diploma",
    "Postsecondary certificate",
    "Apprenticeship",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
]
ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d")  # O*NET-SOC, e.g. 15-2051.00
SOC_CODE = re.compile(r"\d\d-\d{4}")  # BLS 2018 SOC, e.g. 15-2051 or a group code like 43-6000


# Rules, exams, licenses and agencies that exist only in the US: a section naming one must say it is the US, since
# readers may live anywhere (the facts are US data).
US_ONLY = re.compile(
    r"\b(BLS|Bureau of Labor Statistics|NCLEX|bar exam|ASVAB|USMLE|NREMT|FINRA|Series \d+|CDL|OSHA|FAA|DEA|FDA"
    r"|Medicare|Medicaid|CPA exam|state licen[cs]e|licensed by the state|state board)\b"
)
US_NAMED = re.compile(r"\b(US|U\.S\.|United States|American|federal)\b")
# Personality lines describe interests, not bodies or temperaments.
NOT_AN_INTEREST = re.compile(
    r"\b(steady hands?|good eyesight|physically fit|brave|not afraid of|thick skin|strong stomach|tough)\b", re.I
)


def scope_problems(career: Career) -> list[str]:
    """Sections naming a US-only rule without saying so; personality lines about bodies or temperaments."""
    problems = []
    for section, text in career.sections.items():
        found = US_ONLY.search(text)
        if found and not US_NAMED.search(text):
            problems.append(f"{career.path}: section '{section}' names '{found.group(0)}' without saying it is the US")
    personality = career.sections.get("personality", "")
    if NOT_AN_INTEREST.search(personality):
        word = NOT_AN_INTEREST.search(personality).group(0)  # type: ignore[union-attr]
        problems.append(f"{career.path}: personality line describes a body or temperament ('{word}'), not interests")
    return problems


# Front-matter keys that are prose, spelled like the sections. The others are names people use (`title`,
# `aliases`: a UK spelling there helps find the page), codes, figures or the names of sources.
PROSE_KEYS = ("riasec_note",)


def spelling_problems(career: Career) -> list[str]:
    """UK spellings in the page's prose (sections and prose keys): pages are in US English, like the data they quote.
    One line per word, the first time it occurs (bot/knowledge/spelling.py lists the forms)."""
    texts = [*career.sections.values(), *(str(career.meta[k]) for k in PROSE_KEYS if career.meta.get(k))]
    found: dict[str, tuple[str, str]] = {}
    for text in texts:
        for word, us in find_uk(text):
            found.setdefault(word.lower(), (word, us))
    return [f'{career.path}: UK spelling "{word}" (US: "{us}")' for word, us in found.values()]


def name_key(name: str) -> str:
    """Names that differ only in case, punctuation or spacing collide."""
    return " ".join(slugify(name).split("-"))


def check_career(career: Career) -> list[str]:
    errors: list[str] = []
    where = str(career.path)
    if not career.id:
        errors.append(f"{where}: missing 'id'")
    elif career.id != career.path.stem:
        errors.append(f"{where}: id '{career.id}' must equal the file name '{career.path.stem}'")
    elif career.id != slugify(career.id):
        errors.append(f"{where}: id '{career.id}' is not a lowercase slug")
    if not career.title:
        errors.append(f"{where}: missing 'title'")
    if "aliases" not in career.meta or not isinstance(career.meta.get("aliases"), list):
        errors.append(f"{where}: 'aliases' must be a list (it may be empty)")
    # Pages written for the project carry the full profile; pages ingested from an outside corpus (marked with
    # an `ingested` mapping) may lack what their source does not give, but what they have must be valid.
    complete = "ingested" not in career.meta
    if career.cluster or complete:
        if career.cluster not in CLUSTERS:
            errors.append(f"{where}: cluster '{career.cluster}' is not one of the 16 career clusters")
    if career.riasec or complete:
        if set(career.riasec) != set(RIASEC):
            errors.append(f"{where}: riasec needs exactly the keys R I A S E C, got {sorted(career.riasec)}")
        for letter, value in career.riasec.items():
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 1.0 <= value <= 7.0:
                errors.append(f"{where}: riasec {letter}={value!r} is outside 1.0-7.0")
    education = career.education if isinstance(career.education, dict) else {}
    if education or complete:
        if education.get("level") not in EDUCATION_LEVELS:
            errors.append(f"{where}: education.level {education.get('level')!r} is not a known level")
        if education.get("job_zone") not in (1, 2, 3, 4, 5):
            errors.append(f"{where}: education.job_zone must be 1-5")
    if not isinstance(career.meta.get("related"), list):
        errors.append(f"{where}: 'related' must be a list of career ids")
    for heading in career.unknown_headings:
        errors.append(f"{where}: unknown section heading '## {heading}'")
    for section in REQUIRED_SECTIONS:
        if not career.sections.get(section):
            errors.append(f"{where}: required section '{section}' is missing or empty")
    if career.salary is not None:
        salary = career.salary if isinstance(career.salary, dict) else {}
        for key in ("median", "year", "source"):
            if not salary.get(key):
                errors.append(f"{where}: salary needs '{key}'")
        if "soc" in salary and not SOC_CODE.fullmatch(str(salary["soc"])):
            errors.append(f'{where}: salary.soc {salary["soc"]!r} is not a SOC code like "15-2051"')
    errors.extend(_check_facts(career, where))
    if complete:  # ingested pages keep their source's words
        errors.extend(scope_problems(career))
        errors.extend(spelling_problems(career))
    return errors


def _check_facts(career: Career, where: str) -> list[str]:
    """The keys that carry the public facts (knowledge/facts): `onet`, `outlook`, `riasec_note`."""
    errors: list[str] = []
    meta = career.meta
    if "onet" in meta:
        onet = meta["onet"]
        if not isinstance(onet, list) or not all(isinstance(c, str) and ONET_CODE.fullmatch(c) for c in onet):
            errors.append(f'{where}: onet must be a list of O*NET-SOC codes like "15-2051.00"')
    if "outlook" in meta:
        outlook = meta["outlook"] if isinstance(meta["outlook"], dict) else {}
        growth, openings = outlook.get("growth_pct"), outlook.get("openings")
        if not isinstance(growth, (int, float)) or isinstance(growth, bool):
            errors.append(f"{where}: outlook.growth_pct must be a number (percent)")
        if not isinstance(openings, int) or isinstance(openings, bool) or openings < 0:
            errors.append(f"{where}: outlook.openings must be a whole number of openings a year")
        for key in ("period", "source"):
            if not outlook.get(key):
                errors.append(f"{where}: outlook needs '{key}'")
        if "soc" in outlook and not SOC_CODE.fullmatch(str(outlook["soc"])):
            errors.append(f'{where}: outlook.soc {outlook["soc"]!r} is not a SOC code like "15-2051"')
    if "riasec_note" in meta and not (isinstance(meta["riasec_note"], str) and meta["riasec_note"].strip()):
        errors.append(f"{where}: riasec_note must be a sentence saying why the profile differs from O*NET's")
    return errors


def shared_names(careers: dict[str, Career]) -> dict[str, list[str]]:
    """Names (aliases) that several careers use: allowed, the assistant asks which one was meant."""
    owners: dict[str, set[str]] = defaultdict(set)
    for career in careers.values():
        for name in career.names:
            owners[name_key(name)].add(career.id)
    return {key: sorted(ids) for key, ids in sorted(owners.items()) if len(ids) > 1}


def check_pages(dirs: Iterable[Path]) -> tuple[dict[str, Career], list[str]]:
    """Parse and check every page in dirs; cross-page rules too (duplicate ids and titles, related ids).

    An alias shared by several careers is not an error (the assistant asks which one was meant); `check`
    lists them so that accidental ones can be spotted."""
    careers: dict[str, Career] = {}
    errors: list[str] = []
    for path in page_paths(dirs):
        try:
            career = parse_page(path)
        except PageError as exc:
            errors.append(str(exc))
            continue
        errors.extend(check_career(career))
        if career.id in careers:
            errors.append(f"{path}: duplicate id '{career.id}' (also {careers[career.id].path})")
            continue
        careers[career.id] = career
    titles: dict[str, set[str]] = defaultdict(set)
    for career in careers.values():
        titles[name_key(career.title)].add(career.id)
    for key, ids in sorted(titles.items()):
        if len(ids) > 1:
            errors.append(f"title '{key}' is used by several careers: {', '.join(sorted(ids))}")
    for career in careers.values():
        for rel in career.related:
            if rel not in careers:
                errors.append(f"{career.path}: related id '{rel}' does not exist")
            elif rel == career.id:
                errors.append(f"{career.path}: a career cannot be related to itself")
    return careers, errors
