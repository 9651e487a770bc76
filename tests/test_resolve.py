"""Career-name resolution: exact, alias, plural, abbreviation, typo, description, unknown, ambiguous."""

from __future__ import annotations

import pytest

from bot.knowledge import load_careers
from bot.resolve import CareerResolver
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def real_resolver() -> CareerResolver:
    return CareerResolver(load_careers([ROOT / "knowledge" / "careers"]))


@pytest.mark.parametrize(
    ("said", "career"),
    [
        ("Pharmacist", "pharmacist"),
        ("pharmacists", "pharmacist"),
        ("pharmacyst", "pharmacist"),
        ("ML engineer", "machine-learning-engineer"),
        ("ML eng", "machine-learning-engineer"),
        ("machine learning engineers", "machine-learning-engineer"),
        ("data scientist", "data-scientist"),
        ("RN", "registered-nurse"),
        ("vet", "veterinarian"),
        ("veterinarain", "veterinarian"),
        ("electricain", "electrician"),
        ("ux designer", "ux-designer"),
        ("mlops engineer", "mlops-engineer"),
    ],
)
def test_names_resolve(real_resolver, said, career):
    res = real_resolver.resolve(said)
    assert res.career == career, res


@pytest.mark.parametrize("said", ["blacksmith", "astronaut", "xyzzy"])
def test_unknown_careers_are_not_guessed(real_resolver, said):
    res = real_resolver.resolve(said)
    assert res.career is None and res.how == "unknown"


def test_description_resolves_semantically(service):
    res = service.resolver.resolve("animal doctor")
    assert res.career == "veterinarian" or "veterinarian" in res.suggestions


def test_colliding_names_ask_which(service):
    resolver = CareerResolver(service.careers)
    resolver.collisions["sparky"] = {"electrician", "registered-nurse"}
    res = resolver.resolve("Sparky")
    assert res.how == "ambiguous" and set(res.suggestions) == {"electrician", "registered-nurse"}


def test_find_in_text_picks_names_in_order(service):
    assert service.resolver.find_in_text("compare a vet and an RN please") == ["veterinarian", "registered-nurse"]
    assert service.resolver.find_in_text("what does a data scientists do") == ["data-scientist"]
    assert service.resolver.find_in_text("I like to work outside") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("what does a blacksmith do?", "blacksmith"),
        ("how much does an astronaut earn", "astronaut"),
        ("is being a lighthouse keeper a growing field", "lighthouse keeper"),
        ("and where do they work?", None),
        ("what about the pay?", None),
        ('/ask_duties{"career": "x"}', None),
    ],
)
def test_leftover_words_name_the_career(text, name):
    from bot.resolve import leftover_name

    assert leftover_name(text) == name
