"""Rasa graph component: a message clearly in another language becomes `nlu_fallback`, whatever DIET guessed.

DIET only knows English, so it maps "¿qué hace un enfermero?" to some English intent with confidence; the fallback
action then answers that the assistant reads English only (bot/dialogue/language.py decides,
actions/base.py answers).
Runs after the FallbackClassifier, the same way it marks a message. Career entities found in such a message are
dropped too: "un" and "electricista" in "¿cuánto gana un electricista?" are not career names we read.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.language import looks_foreign
from bot.rasa.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class EnglishOnly(StatelessComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if not looks_foreign(message.get(TEXT) or ""):
                continue
            mark_fallback(message)
            entities = message.get(ENTITIES) or []
            message.set(ENTITIES, [e for e in entities if e.get(ENTITY_ATTRIBUTE_TYPE) != "career"], add_to_output=True)
        return messages


def mark_fallback(message: Message) -> None:
    """Make a message `nlu_fallback` (confidence 1.0: we are sure NLU's own intent is not the one), on top of its
    intent ranking, the way the FallbackClassifier marks one."""
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
    message.data[INTENT] = fallback
    ranking = message.data.setdefault(INTENT_RANKING_KEY, [])
    if ranking and ranking[0].get(INTENT_NAME_KEY) == DEFAULT_NLU_FALLBACK_INTENT_NAME:
        ranking.pop(0)  # the FallbackClassifier's mark, replaced by ours
    ranking.insert(0, dict(fallback))
