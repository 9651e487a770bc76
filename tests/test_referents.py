"""Ordinal words that point into the last list shown ("tell me about the second one"), and the lists bot messages
carry in their metadata."""

from __future__ import annotations

import pytest

from bot.dialogue.referents import Listing, Pointer, is_pointer, listing, pointers

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tell me about the second one", [Pointer(index=1)]),
        ("what about the third?", [Pointer(index=2)]),
        ("and the last one", [Pointer(index=-1)]),
        ("compare the first and the third", [Pointer(index=0), Pointer(index=2)]),
        ("how much does the 2nd one make", [Pointer(index=1)]),
        ("what does the second on the list do", [Pointer(index=1)]),
        ("the first of those", [Pointer(index=0)]),
        ("tell me about the top one", [Pointer(index=0)]),
        ("number 7 please", [Pointer(number=7)]),
        ("#3", [Pointer(number=3)]),
    ],
)
def test_words_pointing_into_a_list(text, expected):
    assert pointers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm the first one in my family to go to college, what should I study?",
        "the first one to retire gets a prize",
        "my first job was in retail",
        "what's a good first career for a teenager",
        "what is the first step to become a nurse",
        "what are the top paying jobs",
        "what do you do in the first year of an apprenticeship",
    ],
)
def test_ordinal_words_that_point_nowhere(text):
    assert pointers(text) == []


@pytest.mark.parametrize(
    "mention, expected",
    [("second", True), ("the third one", True), ("number 2", True), ("nurse", False), ("first aid trainer", False)],
)
def test_a_tagged_mention_that_is_only_a_pointer(mention, expected):
    assert is_pointer(mention) is expected


def test_a_pointer_picks_from_what_was_shown_not_the_whole_list():
    page_two = Listing(("f", "g", "h", "i", "j"), first_number=6)
    assert page_two.pick(Pointer(index=1)) == "g"  # the second shown
    assert page_two.pick(Pointer(number=7)) == "g"  # the number printed beside it
    assert page_two.pick(Pointer(number=2)) is None  # not on this page: no guess
    assert page_two.pick(Pointer(index=-1)) == "j"
    assert Listing(("a", "b")).pick(Pointer(index=2)) is None


@pytest.mark.parametrize(
    "metadata, careers, first",
    [
        ({"ranking": {"by": "salary", "careers": ["a", "b"], "offset": 5}}, ("a", "b"), 6),
        ({"moves": {"from": "x", "careers": ["a", "b"], "offset": 0}}, ("a", "b"), 1),
        ({"quiz_result": {"matches": [{"career": "a", "match": 90}, {"career": "b", "match": 80}]}}, ("a", "b"), 1),
        ({"interests_match": {"matches": [{"career": "a", "match": 90}], "topical": ["z"]}}, ("a",), 1),
        ({"explore": ["a", "b", "c"]}, ("a", "b", "c"), 1),
        ({"compare": ["a", "b"]}, ("a", "b"), 1),
        ({"ambiguous_career": "engineer", "suggestions": ["a", "b"]}, ("a", "b"), 1),
        ({"unknown_career": "dough mixer", "suggestions": ["a"], "did_you_mean": True}, ("a",), 1),
    ],
)
def test_the_lists_bot_messages_carry(metadata, careers, first):
    assert listing(metadata) == Listing(careers, first)


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {"career": "a", "section": "salary"},
        {"quiz_item": "r01"},
        {"interests_match": {"matches": []}},
        {"ranking": {"careers": []}},
    ],
)
def test_messages_that_list_no_careers(metadata):
    assert listing(metadata) is None


def test_a_bare_ordinal_after_another_and_and_points_too():
    """ "compare the first and second" read only "the first", so the career in focus was compared with it, the two
    in the wrong order."""
    assert pointers("compare the first and second") == [Pointer(index=0), Pointer(index=1)]
    assert pointers("the second and first?") == [Pointer(index=1), Pointer(index=0)]
    assert pointers("bread and first") == [] and pointers("my first and second job") == []
