"""US spelling of the knowledge base (bot/knowledge/spelling.py): the explicit UK -> US map, and the page check
that reports a UK form in page prose."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge.check import check_pages
from bot.knowledge.spelling import UK_TO_US, find_uk, to_us
from tests.conftest import ROOT

pytestmark = pytest.mark.unit

# US words that look like UK forms: -ise and -our words that are US spellings too, and near neighbours of listed forms.
US_LOOKALIKES = """supervise supervised advise advised adviser exercise exercises revise advertise advertising comprise
compromise devise surprise improvise merchandise merchandiser enterprise expertise franchise premise premises promise
precise noise raise raised cruise liaise appraise arise hour hours four pour tour tours your flour detour contour
troubadour journey course source resource specialist specialists specialty analysis analyses analyst analytical
programmer programmers program dialogue monologue archaeology towards afterwards enrolled enrolling cancellation
installer installation controller modeling traveler color center license practice judgment math""".split()


def test_conversion_keeps_the_case_of_each_word():
    assert to_us("Colour, colour and COLOUR") == "Color, color and COLOR"
    assert to_us("Organise the programme's centres.") == "Organize the program's centers."
    assert to_us("Specialisation: paediatric anaesthesia, colour-coded") == (
        "Specialization: pediatric anesthesia, color-coded"
    )
    assert to_us("Licence and licences; practised; travelling; jewellery; maths") == (
        "License and licenses; practiced; traveling; jewelry; math"
    )


def test_find_uk_names_each_word_and_its_us_form():
    assert find_uk("Analyse the programme, then analyse it again.") == [
        ("Analyse", "Analyze"),
        ("programme", "program"),
        ("analyse", "analyze"),
    ]


def test_us_words_that_look_like_uk_forms_are_not_flagged():
    assert find_uk(" ".join(US_LOOKALIKES)) == []
    assert not set(US_LOOKALIKES) & set(UK_TO_US)


def test_allowed_proper_names_keep_their_spelling():
    text = "The International Labour Organization studies labour."
    assert find_uk(text) == [("labour", "labor")]
    assert to_us(text) == "The International Labour Organization studies labor."


def test_whole_words_only():
    assert find_uk("programmer programmers specialist epicenter") == []
    assert to_us("a programmer's programme") == "a programmer's program"


def test_the_map_is_explicit_and_converting_twice_changes_nothing():
    assert all(uk != us and uk == uk.lower() and us == us.lower() for uk, us in UK_TO_US.items())
    assert not set(UK_TO_US.values()) & set(UK_TO_US)  # no US form is itself listed as UK
    text = " ".join(UK_TO_US)
    assert find_uk(to_us(text)) == []


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture text changed: {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_check_reports_a_uk_spelling_in_page_prose(careers_copy):
    page = careers_copy / "electrician.md"
    _edit(page, "- Read blueprints and install wiring.", "- Read blueprints and follow the programme.")
    _edit(page, "related: [data-scientist]", "related: [data-scientist]\nriasec_note: Colour matters here.")
    _, errors = check_pages([careers_copy])
    assert errors == [
        f'{page}: UK spelling "programme" (US: "program")',
        f'{page}: UK spelling "Colour" (US: "Color")',
    ]


def test_check_leaves_names_and_ingested_pages_alone(careers_copy):
    page = careers_copy / "electrician.md"
    _edit(page, "aliases: [sparky, electrical technician]", "aliases: [sparky, electrical installation programme]")
    assert check_pages([careers_copy])[1] == []  # aliases are names people type, UK forms included
    _edit(page, "- Read blueprints and install wiring.", "- Read blueprints and follow the programme.")
    assert check_pages([careers_copy])[1]
    _edit(page, "id: electrician", "id: electrician\ningested: {source: a test corpus}")
    assert check_pages([careers_copy])[1] == []  # an ingested page keeps its source's words


def test_real_pages_are_in_us_english():
    _, errors = check_pages([ROOT / "knowledge" / "careers"])
    assert [e for e in errors if "UK spelling" in e] == []


def test_quiz_items_are_in_us_english():
    items = yaml.safe_load((ROOT / "knowledge" / "quiz" / "items.yml").read_text(encoding="utf-8"))
    assert [(item["id"], find_uk(item["text"])) for item in items if find_uk(item["text"])] == []


def test_a_question_in_uk_spelling_searches_like_its_us_form(service):
    """The pages are in US English; a person may not be: "licence" and "centre" must still meet the pages."""
    index = service.index
    for uk, us in [("Do nurses need a licence?", "Do nurses need a license?"), ("vet centre", "vet center")]:
        assert index.ranked(uk, k=5) == index.ranked(us, k=5)
