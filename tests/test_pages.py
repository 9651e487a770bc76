"""Page parsing and the page check, on our fixtures, on broken pages, and on the real knowledge base."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.knowledge.check import check_pages
from bot.knowledge.pages import load_careers, parse_page
from tests.conftest import FIXTURE_CAREERS, ROOT

pytestmark = pytest.mark.unit

REQUIRED_CAREERS = """machine-learning-engineer mlops-engineer computer-vision-engineer
natural-language-processing-engineer
research-machine-learning-engineer applied-machine-learning-engineer deep-learning-engineer ai-engineer
ai-research-scientist data-scientist data-engineer big-data-engineer data-analyst prompt-engineer
generative-ai-engineer robotics-engineer edge-ai-engineer ai-product-manager ai-ethics-specialist cloud-engineer
software-engineer web-developer cybersecurity-analyst database-administrator ux-designer game-developer
aerospace-engineer biomedical-engineer chemical-engineer civil-engineer electrical-engineer environmental-engineer
mechanical-engineer industrial-engineer nuclear-engineer petroleum-engineer structural-engineer systems-engineer
registered-nurse physician pharmacist physical-therapist dentist veterinarian paramedic dietitian psychologist
social-worker school-counselor elementary-school-teacher librarian lawyer paralegal police-officer firefighter
accountant actuary financial-analyst marketing-manager sales-representative real-estate-agent
human-resources-specialist project-manager entrepreneur chef electrician plumber carpenter welder
automotive-service-technician airline-pilot truck-driver farmer biologist chemist physicist geologist economist
statistician urban-planner architect graphic-designer interior-designer photographer musician writer journalist
translator animator fitness-trainer event-planner administrative-assistant""".split()
FULL_SECTIONS = ["overview", "duties", "workplace", "skills", "education", "salary", "outlook", "personality"]


def test_parse_fixture_page():
    career = parse_page(FIXTURE_CAREERS / "electrician.md")
    assert career.id == "electrician"
    assert career.title == "Electrician"
    assert career.aliases == ["sparky", "electrical technician"]
    assert career.riasec["R"] == 6.5
    assert career.education == {"level": "Apprenticeship", "job_zone": 3}
    assert set(career.sections) == {"overview", "duties", "workplace", "education", "salary"}
    assert career.sections["duties"].startswith("- Read blueprints")
    assert career.source("duties") == "knowledge/careers/electrician.md#duties"


def test_fixture_pages_pass_the_check():
    careers, errors = check_pages([FIXTURE_CAREERS])
    assert errors == []
    assert len(careers) == 4


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / f"{name}.md"
    text = path.read_text()
    assert old in text, f"fixture text changed: {old!r}"
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("electrician", "title: Electrician\n", "", "missing 'title'"),
        ("electrician", "cluster: Architecture and Construction", "cluster: Pipes", "is not one of the 16"),
        ("electrician", "R: 6.5", "R: 9.5", "outside 1.0-7.0"),
        ("electrician", "R: 6.5, ", "", "exactly the keys R I A S E C"),
        ("electrician", "## Workplace", "## Hobbies", "unknown section heading '## Hobbies'"),
        ("electrician", "## Duties", "## Hobbies", "required section 'duties'"),
        ("electrician", "related: [data-scientist]", "related: [astronaut]", "related id 'astronaut' does not exist"),
        ("electrician", "title: Electrician", "title: Registered Nurse", "title 'registered nurse' is used by several"),
        ("electrician", "level: Apprenticeship", "level: Some school", "not a known level"),
        ("electrician", "job_zone: 3", "job_zone: 9", "job_zone must be 1-5"),
        ("electrician", "id: electrician", "id: plumber", "must equal the file name"),
        ("electrician", "---\nid:", "id:", "no YAML front matter"),
        ("electrician", "aliases: [sparky, electrical technician]", "aliases: [sparky, : bad", "not valid YAML"),
        ("electrician", "source: test fixture figure", "source: ''", "salary needs 'source'"),
        (
            "electrician",
            "A paid apprenticeship of four to five years; no degree needed.",
            "A paid apprenticeship, then the state licence exam.",
            "names 'state licence' without saying it is the US",
        ),
        (
            "electrician",
            "## Education",
            "## Personality\nSuits brave people with steady hands.\n\n## Education",
            "describes a body or temperament",
        ),
        ("electrician", "related: [data-scientist]", "related: [data-scientist]\nonet: [47-2111]", "O*NET-SOC codes"),
        (
            "electrician",
            "related: [data-scientist]",
            "related: [data-scientist]\noutlook: {growth_pct: fast, openings: 81000, period: 2024-2034, source: BLS}",
            "outlook.growth_pct must be a number",
        ),
        ("electrician", "related: [data-scientist]", "related: [data-scientist]\nriasec_note: ''", "riasec_note must"),
    ],
)
def test_check_rejects_broken_pages(careers_copy, name, old, new, expected):
    _edit(careers_copy, name, old, new)
    _, errors = check_pages([careers_copy])
    assert any(expected in e for e in errors), errors


def test_a_shared_alias_is_allowed_and_listed(careers_copy):
    from bot.knowledge.check import shared_names

    _edit(careers_copy, "electrician", "aliases: [sparky, electrical technician]", "aliases: [sparky, RN]")
    careers, errors = check_pages([careers_copy])
    assert errors == []  # the resolver asks which one was meant (tests/test_resolve.py)
    assert shared_names(careers) == {"rn": ["electrician", "registered-nurse"]}


def test_ingested_pages_may_lack_what_their_source_does_not_give(careers_copy):
    _edit(careers_copy, "electrician", "riasec: {R: 6.5, I: 3.5, A: 1.5, S: 2.0, E: 2.5, C: 4.0}\n", "")
    _, errors = check_pages([careers_copy])
    assert any("exactly the keys R I A S E C" in e for e in errors)  # our own pages need the profile
    _edit(careers_copy, "electrician", "id: electrician", "id: electrician\ningested: {source: a test corpus}")
    _, errors = check_pages([careers_copy])
    assert errors == []


def test_check_rejects_duplicate_ids_across_folders(careers_copy, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "electrician.md").write_text((careers_copy / "electrician.md").read_text())
    _, errors = check_pages([careers_copy, other])
    assert any("duplicate id 'electrician'" in e for e in errors)


def test_real_knowledge_base_passes_the_check():
    careers, errors = check_pages([ROOT / "knowledge" / "careers"])
    assert errors == []
    assert len(careers) >= 100


def test_real_knowledge_base_has_every_required_career_in_full():
    careers = load_careers([ROOT / "knowledge" / "careers"])
    missing = [c for c in REQUIRED_CAREERS if c not in careers]
    assert missing == []
    without_pay = []
    for career in careers.values():
        lacking = [s for s in FULL_SECTIONS if not career.sections.get(s)]  # pay too: in words when no figure
        assert lacking == [], f"{career.id} lacks {lacking}"
        assert career.aliases, f"{career.id} has no aliases"
        if not career.salary:  # no trustworthy figure (military, diplomats...): the section says why, with no figure
            assert "salary" not in career.sections or "$" not in career.sections["salary"], career.id
            without_pay.append(career.id)
            continue
        assert career.salary.get("year") and career.salary.get("source"), career.id
        stated = {float(n.replace(",", "")) for n in re.findall(r"\$([\d,]+(?:\.\d+)?)", career.sections["salary"])}
        assert float(career.salary["median"]) in stated, f"{career.id}: the salary section should state the figure"
    assert len(without_pay) <= len(careers) // 10, without_pay
