"""Page parsing and the page check, on our fixtures, on broken pages, and on the real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import load_careers, parse_page
from bot.page_check import check_pages
from tests.conftest import FIXTURE_CAREERS, ROOT

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
        ("electrician", "aliases: [sparky, electrical technician]", "aliases: [sparky, RN]", "used by several careers"),
        ("electrician", "level: Apprenticeship", "level: Some school", "not a known level"),
        ("electrician", "job_zone: 3", "job_zone: 9", "job_zone must be 1-5"),
        ("electrician", "id: electrician", "id: plumber", "must equal the file name"),
        ("electrician", "---\nid:", "id:", "no YAML front matter"),
        ("electrician", "aliases: [sparky, electrical technician]", "aliases: [sparky, : bad", "not valid YAML"),
        ("electrician", "source: test fixture figure", "source: ''", "salary needs 'source'"),
    ],
)
def test_check_rejects_broken_pages(careers_copy, name, old, new, expected):
    _edit(careers_copy, name, old, new)
    _, errors = check_pages([careers_copy])
    assert any(expected in e for e in errors), errors


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
    for career in careers.values():
        lacking = [s for s in FULL_SECTIONS if not career.sections.get(s)]
        assert lacking == [], f"{career.id} lacks {lacking}"
        assert career.aliases, f"{career.id} has no aliases"
        assert career.salary and career.salary.get("year") and career.salary.get("source"), career.id
        assert str(career.salary["median"]).replace(",", "")[:3] in career.sections["salary"].replace(",", ""), (
            f"{career.id}: the salary section should state the front-matter figure"
        )
