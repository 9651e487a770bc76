"""Rasa graph component: a message NLU read as asking for help or as out of scope, but that names one of our careers,
becomes `nlu_fallback`.

"what's a sparky?" was read as `help` (0.61) with "sparky" found by the entity ruler, and got the help text. The
words name a career, so the question is about it: the fallback action answers it from the career's page, in the
section its words ask for (bot/dialogue/section_guess.py). Only names the entity ruler found count (it knows our
careers' names; DIET may tag any word), and only for `help` and `out_of_scope`: a greeting or thanks that names a
career still gets its greeting.

A message read as thanks that declines ("no thanks", "ugh filing, no thanks") becomes `nlu_fallback` too: mid-test it
is an answer (Dislike it), otherwise a decline, never "You're welcome!" (bot/dialogue/small_talk.py).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.small_talk import DECLINE
from bot.rasa.english_only import mark_fallback
from bot.rasa.stateless import StatelessComponent

SMALL_TALK = {"help", "out_of_scope"}
RULER = "SpacyEntityExtractor"  # the entity ruler of our careers' names (build/spacy_careers)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SmallTalkCareer(StatelessComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if intent in SMALL_TALK and names_a_career(message):
                mark_fallback(message)
            elif intent == "thank" and DECLINE.search(message.get(TEXT) or ""):
                mark_fallback(message)
        return messages


def names_a_career(message: Message) -> bool:
    return any(
        e.get(ENTITY_ATTRIBUTE_TYPE) == "career" and e.get(EXTRACTOR) == RULER for e in message.get(ENTITIES) or []
    )
