"""Every career page against the public fact tables in knowledge/facts (O*NET 29.3, BLS OEWS May 2024, BLS
Employment Projections 2024-34): the front matter equals the tables, and the Salary and Outlook sections state the
front matter's figures and no others.

The tables are read here with the csv module, independently of bot/knowledge/facts.py, so that a slip in the
module that writes the pages does not make its own check pass."""

from __future__ import annotations

import csv
import hashlib
import re
import statistics
from functools import cache

import pytest

from bot.knowledge.pages import RIASEC, Career, load_careers
from tests.conftest import ROOT

pytestmark = pytest.mark.unit

FACTS = ROOT / "knowledge" / "facts"
CAREERS = ROOT / "knowledge" / "careers"
NEEDED = """occupations interests job_zones related skills knowledge wages_2024 projections soc_xwalk education_rl
alternate_titles career_onet""".split()
ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of "
    "USDOL/ETA. Career advisor has modified all or some of this information. USDOL/ETA has not approved, endorsed, "
    "or tested these modifications."
)
TOP_CODED = {"year": 239200.0, "hour": 115.0}


@cache
def read(name: str) -> list[dict[str, str]]:
    with open(FACTS / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def by(name: str, key: str) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in read(name):
        out.setdefault(row[key], []).append(row)
    return out


def expected_wage(soc: str, year: int) -> tuple[float, str, bool] | None:
    """(median, period, top-coded) of a SOC code in the OEWS table of that year; None when none is published."""
    rows = by(f"wages_{year}", "soc_code").get(soc, [])
    if not rows:
        return None
    assert len({(r["a_median"], r["h_median"]) for r in rows}) == 1, f"{soc}: twin rows differ"
    row = rows[0]
    order = ["hour"] if row["hourly_only"] == "TRUE" else ["year"] if row["annual_only"] == "TRUE" else ["year", "hour"]
    for period in order:
        value = row["a_median" if period == "year" else "h_median"]
        if value == "#":
            return TOP_CODED[period], period, True
        if value != "*":
            return float(value), period, False
    return None


def onet_profile(codes: list[str]) -> tuple[dict[str, float], int] | None:
    """O*NET interests and job zone of the first code that has both."""
    for code in codes:
        interests, zones = by("interests", "code").get(code), by("job_zones", "code").get(code)
        if interests and zones:
            return {d: float(interests[0][d]) for d in RIASEC}, int(zones[0]["job_zone"])
    return None


@pytest.fixture(scope="module")
def careers() -> dict[str, Career]:
    return load_careers([CAREERS])


@pytest.fixture(scope="module")
def mapping() -> dict[str, dict[str, str]]:
    return {r["career"]: r for r in read("career_onet")}


def test_the_tables_are_in_the_repository_with_their_sources():
    sources = (FACTS / "SOURCES.md").read_text(encoding="utf-8")
    assert ATTRIBUTION in " ".join(sources.split())
    assert "Source: U.S. Bureau of Labor Statistics" in sources
    for name in NEEDED:
        path = FACTS / f"{name}.csv"
        assert path.exists(), path
        if name != "career_onet" and f"| {name}.csv |" in sources:  # the copies are the shared tables, unchanged
            line = next(x for x in sources.splitlines() if x.startswith(f"| {name}.csv |"))
            assert hashlib.sha256(path.read_bytes()).hexdigest() in line, f"{name}.csv differs from SOURCES.md"


def test_every_page_is_mapped_and_its_onet_codes_exist(careers, mapping):
    assert set(careers) == set(mapping)
    codes = {r["code"] for r in read("occupations")}
    for cid, career in careers.items():
        onet = career.meta.get("onet")
        assert isinstance(onet, list), f"{cid}: no onet list"
        assert onet == [c for c in mapping[cid]["onet"].split(";") if c], cid
        assert set(onet) <= codes, f"{cid}: unknown O*NET codes {set(onet) - codes}"


def test_salary_equals_the_wage_table(careers, mapping):
    with_salary = 0
    for cid, career in careers.items():
        soc = mapping[cid]["soc"]
        salary = career.salary
        if salary is None:
            assert not soc or expected_wage(soc, 2024) is None, f"{cid}: BLS publishes a median for {soc}"
            continue
        with_salary += 1
        assert salary["soc"] == soc, cid
        year = int(salary["year"])
        assert year == 2024, cid
        expected = expected_wage(salary["soc"], year)
        assert expected is not None, f"{cid}: no published median for {soc} in {year}"
        median, period, top_coded = expected
        assert (float(salary["median"]), salary["period"], bool(salary.get("top_coded"))) == expected, cid
        assert salary["currency"] == "USD" and "US Bureau of Labor Statistics" in salary["source"], cid
        title = by(f"wages_{year}", "soc_code")[soc][0]["occ_title"]
        assert f"({title}" in salary["source"], f"{cid}: the source should name the BLS category {title!r}"
        note = mapping[cid]["soc_note"]
        assert (note.split()[0] in salary["source"]) if note else ("category" not in salary["source"]), cid
    assert with_salary >= 0.9 * len(careers)


def test_outlook_equals_the_projections(careers, mapping):
    projections = by("projections", "soc_code")
    with_outlook = 0
    for cid, career in careers.items():
        soc = mapping[cid]["soc"]
        outlook = career.meta.get("outlook")
        if outlook is None:
            assert soc not in projections, f"{cid}: BLS projects {soc}"
            continue
        with_outlook += 1
        row = projections[outlook["soc"]][0]
        assert outlook["soc"] == soc and outlook["period"] == "2024-2034", cid
        assert outlook["growth_pct"] == float(row["change_2024_34_pct"]), cid
        assert outlook["openings"] == round(float(row["openings_annual_avg_k"]) * 1000), cid
        assert isinstance(outlook["openings"], int), cid
    assert with_outlook >= 0.9 * len(careers)


def test_job_zone_and_interests_agree_with_onet(careers, mapping):
    for cid, career in careers.items():
        profile = onet_profile([c for c in mapping[cid]["onet"].split(";") if c])
        if profile is None:
            continue
        interests, zone = profile
        page_zone = career.education["job_zone"]
        assert abs(page_zone - zone) <= 1, f"{cid}: job zone {page_zone} vs O*NET's {zone}"
        r = statistics.correlation([float(career.riasec[d]) for d in RIASEC], [interests[d] for d in RIASEC])
        assert r >= 0.7 or str(career.meta.get("riasec_note", "")).strip(), f"{cid}: RIASEC r={r:.2f} with O*NET"


def _amounts(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\$(\d[\d,]*(?:\.\d+)?)", text)]


def _round_sig(n: int) -> int:
    return int(round(n, 2 - len(str(abs(n))))) if n else 0


def test_sections_state_the_front_matter_figures(careers):
    for cid, career in careers.items():
        salary_text = career.sections.get("salary", "")
        amounts = _amounts(salary_text)
        if career.salary:
            median = float(career.salary["median"])
            assert amounts and set(amounts) == {median}, f"{cid}: Salary states {amounts}, front matter {median}"
            shown = f"${median:,.2f}" if career.salary["period"] == "hour" else f"${median:,.0f}"
            assert shown in salary_text and "May 2024" in salary_text and "in the us" in salary_text.lower(), cid
            assert ("an hour" if career.salary["period"] == "hour" else "a year") in salary_text, cid
            assert ("at least" in salary_text) == bool(career.salary.get("top_coded")), cid
        else:
            assert amounts == [], f"{cid}: Salary states {amounts} without a salary in the front matter"
        outlook_text = career.sections.get("outlook", "")
        percents = [abs(float(p)) for p in re.findall(r"(-?\d+(?:\.\d+)?)\s?%", outlook_text)]
        openings = [int(n.replace(",", "")) for n in re.findall(r"(\d[\d,]*) openings", outlook_text)]
        years = set(re.findall(r"\b(?:19|20)\d\d\b", outlook_text))
        outlook = career.meta.get("outlook")
        if outlook:
            assert percents == [abs(outlook["growth_pct"])], f"{cid}: Outlook states {percents}%"
            assert openings == [_round_sig(outlook["openings"])], f"{cid}: Outlook states {openings} openings"
            assert years == {"2024", "2034"}, f"{cid}: Outlook names the years {years}"
        else:
            assert percents == [] and openings == [], f"{cid}: Outlook states figures without an outlook"
        mentioned = re.findall(r"\b\d[\d,.]*\b", re.sub(r"\b(?:19|20)\d\d\b", "", salary_text + " " + outlook_text))
        expected = {f"{n:,}" for n in openings} | {f"{p:.1f}" for p in percents}
        expected |= {t.lstrip("$") for t in re.findall(r"\$[\d,]+(?:\.\d+)?", salary_text)}
        assert set(mentioned) <= expected, f"{cid}: unexplained figures {set(mentioned) - expected}"


def test_every_page_is_up_to_date_with_the_script():
    """`scripts/apply_facts.py --check` would change nothing (and a second run is a no-op)."""
    from bot.knowledge.facts import apply_facts, career_mapping

    mapping = career_mapping(FACTS)
    stale = [
        p.stem
        for p in sorted(CAREERS.glob("*.md"))
        if apply_facts(p.read_text(), mapping[p.stem]).text != p.read_text()
    ]
    assert stale == []


def test_fact_lookups():
    from bot.knowledge import facts

    w = facts.wage("15-1252", folder=FACTS)
    assert w is not None and (w.median, w.period, w.year, w.top_coded) == (133080.0, "year", 2024, False)
    w = facts.wage("29-1210", folder=FACTS)  # a broad code, top-coded
    assert w is not None and (w.median, w.period, w.top_coded) == (239200.0, "year", True)
    w = facts.wage("27-2011", folder=FACTS)  # actors: hourly only
    assert w is not None and (w.median, w.period) == (23.33, "hour")
    assert facts.wage("45-3031", folder=FACTS) is None  # no OEWS row
    assert facts.wage("13-1020", folder=FACTS) is not None  # broad and detailed twins
    p = facts.projection("15-1252", folder=FACTS)
    assert p is not None and (p.growth_pct, p.openings, p.employment_2024) == (15.8, 115200, 1693800)
    assert facts.bls_title("43-6000", folder=FACTS) == "Secretaries and Administrative Assistants"
    assert facts.occupation_title("15-2051.00", folder=FACTS) == "Data Scientists"
    assert facts.job_zone("13-2011.00", folder=FACTS) == 4
    assert set(facts.interests("13-2011.00", folder=FACTS) or {}) == set(RIASEC)
    assert len(facts.related("13-2011.00", folder=FACTS)) == 20
    skills = facts.skills("13-2011.00", folder=FACTS)
    assert len(skills) == 35 and skills[0].importance == max(s.importance for s in skills)
    assert facts.skills("15-1252.00", folder=FACTS) == []  # not rated in 29.3
    assert len(facts.knowledge("13-2011.00", folder=FACTS)) == 33
    ai = facts.career_facts("ai-engineer", folder=FACTS)
    assert ai is not None and (ai.onet, ai.soc, ai.soc_note) == ((), "15-1252", "closest category")
    assert facts.category_words("51-4121", folder=FACTS) == "welders, cutters, solderers and brazers"


@pytest.mark.parametrize(
    ("pct", "words"),
    [
        (-12.9, "decline"),
        (-1.0, "little or no change"),
        (0.3, "little or no change"),
        (1.0, "little or no change"),
        (1.1, "slower than average"),
        (3.0, "about as fast as average"),
        (4.9, "about as fast as average"),
        (5.0, "faster than average"),
        (7.9, "faster than average"),
        (8.0, "much faster than average"),
    ],
)
def test_growth_words(pct, words):
    from bot.knowledge.facts import growth_words

    assert growth_words(pct) == words


def test_round_sig():
    from bot.knowledge.facts import round_sig

    assert [round_sig(n) for n in (124200, 45600, 6300, 100, 904300, 0)] == [120000, 46000, 6300, 100, 900000, 0]


def test_compare_card_lines_read_the_front_matter(careers):
    from bot.dialogue.answers import outlook_phrase, salary_phrase

    assert salary_phrase(careers["accountant"]) == "$81,680 a year (median, May 2024; BLS: Accountants and Auditors)"
    assert salary_phrase(careers["physician"]).startswith("$239,200 or more a year (median, May 2024")
    assert salary_phrase(careers["actor"]).startswith("$23.33 an hour")
    assert "the closest category" in salary_phrase(careers["ai-engineer"])
    assert salary_phrase(careers["diplomat"]) == "no figure on the page"
    assert outlook_phrase(careers["accountant"]) == (
        "+4.6% jobs from 2024 to 2034 (about as fast as average), about 120,000 openings a year"
    )
    assert outlook_phrase(careers["bank-teller"]).startswith("-12.9% jobs from 2024 to 2034 (decline)")
    assert outlook_phrase(careers["diplomat"]) is None
