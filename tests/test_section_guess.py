"""The fallback's section guess: a question NLU could not classify still gets the section its words ask for."""

from __future__ import annotations

import pytest

from bot.dialogue.answers import fallback_reply
from bot.dialogue.section_guess import guess_section, masked

pytestmark = pytest.mark.unit


def test_career_names_are_masked_like_the_phrasings():
    assert masked("what do electricians do all day", [(8, 20, "electrician")]) == "what do X do all day"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("I want to know what electricians do", "duties"),
        ("how much money is there in being an electrician", "salary"),
        ("what qualifications do you need to be an electrician", "education"),
        ("will electricians still be needed in ten years", "outlook"),
    ],
)
def test_the_section_is_the_one_the_words_ask_for(service, text, section):
    assert guess_section(text, service.resolver.find_spans(text, limit=3)) == section


@pytest.mark.parametrize(
    ("text", "career", "section"),
    [
        # the best search passage for each of these is in another section (education, overview)
        ("what would I be doing as an electrician", "electrician", "duties"),
        ("what exactly does a vet spend the day doing", "veterinarian", "duties"),
    ],
)
def test_a_fallback_about_a_named_career_answers_the_guessed_section(service, text, career, section):
    """No section from NLU (it fell back): the words decide, not the best search passage's section. A section
    guessed by meaning is hedged; one the words leave no doubt about ("what would I be doing as") is not."""
    reply = fallback_reply(service, text, min_score=0.3)
    assert reply is not None
    assert reply.metadata["career"] == career and reply.metadata["section"] == section
    assert reply.text.startswith("I'm not sure I understood") == ("would I be doing" not in text)
