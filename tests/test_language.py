"""The English-only check: every English example we have passes, clear questions in other languages do not."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.dialogue.language import looks_foreign
from tests.conftest import ROOT

pytestmark = pytest.mark.unit


def english_examples() -> list[str]:
    """Every NLU training example (annotations removed) and every held-out eval question."""
    texts: list[str] = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                text = re.sub(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})", r"\1", line.strip().removeprefix("- "))
                if text:
                    texts.append(text)
    for path in sorted((ROOT / "tests" / "eval").glob("*.yml")):
        for q in yaml.safe_load(path.read_text()):  # questions, conversations' turns, or job names
            if "text" in q or "name" in q:
                texts.append(q.get("text") or q["name"])
            else:
                texts += [t for t in q.get("turns", []) if isinstance(t, str)]
    return texts


def test_no_english_example_is_taken_for_another_language():
    texts = english_examples()
    assert len(texts) > 1000
    assert [t for t in texts if looks_foreign(t)] == []


@pytest.mark.parametrize(
    "text",
    [
        "hola, ¿qué hace un enfermero?",
        "Quiero ser veterinario",
        "Bonjour, que fait un infirmier ?",
        "je veux devenir pompier",
        "Was macht ein Elektriker?",
        "Wie viel verdient ein Arzt?",
        "O que faz um enfermeiro?",
        "Quanto guadagna un medico?",
        "Wat doet een loodgieter?",
        "что делает медсестра?",
        "护士做什么工作？",
        "ماذا يفعل الممرض؟",
        "नर्स क्या करती है?",
        "no hablo bien inglés",  # was offered the career test
    ],
)
def test_questions_in_other_languages_are_recognised(text):
    assert looks_foreign(text)


@pytest.mark.parametrize(
    "text",
    ["hola", "merci", "", "🙂🙂", "what do PAs do in LA?", "wat duz a plumer du", "café jobs", "no way", "kind of"],
)
def test_single_words_typos_and_loanwords_are_not_judged(text):
    assert not looks_foreign(text)


def _message(text: str, entities: list[dict]):
    from rasa.shared.nlu.training_data.message import Message

    return Message(data={"text": text, "entities": entities})


def test_nlu_drops_career_entities_in_a_message_in_another_language():
    from bot.rasa.english_only import EnglishOnly

    tagged = [{"entity": "career", "value": "electricista", "start": 15, "end": 27}]
    [message] = EnglishOnly().process([_message("¿cuánto gana un electricista?", tagged)])
    assert message.get("intent")["name"] == "nlu_fallback" and message.get("entities") == []


def test_nlu_drops_career_entities_that_name_nothing():
    from bot.rasa.entity_filter import CareerEntityFilter

    entities = [
        {"entity": "career", "value": "of", "start": 21, "end": 23},
        {"entity": "career", "value": "doctors", "start": 24, "end": 31},
    ]
    [message] = CareerEntityFilter().process([_message("what different types of doctors are there?", entities)])
    assert [e["value"] for e in message.get("entities")] == ["doctors"]


def test_nlu_drops_a_career_entity_that_is_another_with_praise_in_front():
    """DIET's "good chef" beside the ruler's "chef" failed the story test after a retraining."""
    from bot.rasa.entity_filter import CareerEntityFilter

    text = "what skills does a good chef need to have?"
    entities = [
        {"entity": "career", "value": "chef", "start": 24, "end": 28},
        {"entity": "career", "value": "good chef", "start": 19, "end": 28},
    ]
    [message] = CareerEntityFilter().process([_message(text, entities)])
    assert [e["value"] for e in message.get("entities")] == ["chef"]
    web = [{"entity": "career", "value": "architect", "start": 16, "end": 25}]
    web.append({"entity": "career", "value": "web architect", "start": 12, "end": 25})
    [message] = CareerEntityFilter().process([_message("what does a web architect do", web)])
    assert len(message.get("entities")) == 2  # "web" is no praise: the longer name stays


@pytest.mark.parametrize(
    ("intent", "extractor", "expected"),
    [
        ("help", "SpacyEntityExtractor", "nlu_fallback"),  # "what's a sparky?" got the help text
        ("out_of_scope", "SpacyEntityExtractor", "nlu_fallback"),
        ("help", "DIETClassifier", "help"),  # DIET may tag any word: only the ruler's known names count
        ("greet", "SpacyEntityExtractor", "greet"),  # a greeting that names a career is still greeted
    ],
)
def test_small_talk_that_names_a_career_is_a_question_about_it(intent, extractor, expected):
    from bot.rasa.small_talk_career import SmallTalkCareer

    message = _message("what's a sparky?", [{"entity": "career", "value": "sparky", "extractor": extractor}])
    message.data["intent"] = {"name": intent, "confidence": 0.61}
    message.data["intent_ranking"] = [{"name": intent, "confidence": 0.61}]
    [out] = SmallTalkCareer().process([message])
    assert out.get("intent")["name"] == expected
    assert out.get("intent_ranking")[0]["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("no thanks", "nlu_fallback"), ("ugh filing, no thanks", "nlu_fallback"), ("thanks!", "thank")],
)
def test_a_decline_read_as_thanks_is_no_thanks(text, expected):
    """ "no thanks" (NLU: thank) got "You're welcome!", mid-test too, where it answers the question."""
    from bot.rasa.small_talk_career import SmallTalkCareer

    message = _message(text, [])
    message.data["intent"] = {"name": "thank", "confidence": 0.9}
    message.data["intent_ranking"] = [{"name": "thank", "confidence": 0.9}]
    [out] = SmallTalkCareer().process([message])
    assert out.get("intent")["name"] == expected
