"""Rasa graph component: drops "career" entities that name nothing ("of", "much", "pls").

DIET sometimes tags a filler or question word as a career ("what different types [of] doctors are there?"). The
actions ignore such values already (`names_nothing` in bot/dialogue/resolve.py); doing it here as well keeps NLU's
own output (the tracker store, `rasa test`, the operations report) free of them, by the same rule.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.resolve import names_nothing
from bot.rasa.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class CareerEntityFilter(StatelessComponent, EntityExtractorMixin):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            kept = [e for e in entities if not _names_nothing(e)]
            if len(kept) != len(entities):
                message.set(ENTITIES, kept, add_to_output=True)
        return messages


def _names_nothing(entity: dict) -> bool:
    value = entity.get(ENTITY_ATTRIBUTE_VALUE)
    return entity.get(ENTITY_ATTRIBUTE_TYPE) == "career" and isinstance(value, str) and names_nothing(value)
