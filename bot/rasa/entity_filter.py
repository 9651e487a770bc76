"""Rasa graph component: drops "career" entities that name nothing ("of", "much", "pls"), or a name with a word of
praise in front when the name alone is tagged too ("a [good chef]" beside "a good [chef]").

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
            kept = [e for e in entities if not _names_nothing(e) and not _praised(e, entities)]
            if len(kept) != len(entities):
                message.set(ENTITIES, kept, add_to_output=True)
        return messages


def _names_nothing(entity: dict) -> bool:
    value = entity.get(ENTITY_ATTRIBUTE_VALUE)
    return entity.get(ENTITY_ATTRIBUTE_TYPE) == "career" and isinstance(value, str) and names_nothing(value)


# Words of praise before a name that do not change the job ("what skills does a good chef need?").
PRAISE = {"good", "great", "successful", "decent", "excellent", "top", "best", "real", "proper", "professional"}


def _praised(entity: dict, entities: list[dict]) -> bool:
    """A career entity that is another one's words with only words of praise in front."""
    value, start, end = entity.get(ENTITY_ATTRIBUTE_VALUE), entity.get("start"), entity.get("end")
    if entity.get(ENTITY_ATTRIBUTE_TYPE) != "career" or not isinstance(value, str) or start is None or end is None:
        return False
    for other in entities:
        o_start, o_end = other.get("start"), other.get("end")
        if other is entity or other.get(ENTITY_ATTRIBUTE_TYPE) != "career" or o_start is None or o_end is None:
            continue
        if start < o_start and o_end == end:
            extra = value[: o_start - start].lower().split()
            if extra and all(w in PRAISE for w in extra):
                return True
    return False
