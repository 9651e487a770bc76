"""Rasa graph component: adds all-MiniLM-L6-v2 sentence embeddings as dense sentence features for DIET.

The same encoder as the search index, so paraphrases the training data never saw still land near the right
intent. Only sentence features are added (no per-token sequence), beside CountVectors' sparse features.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "model": None, "batch_size": 64}

    @staticmethod
    def required_packages() -> list[str]:
        return ["sentence_transformers"]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._model: str | None = config.get("model")

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        return cls(config, execution_context.node_name)

    def _featurize(self, messages: list[Message]) -> None:
        from bot.search.embeddings import encode

        # Blank messages get no features at all (as CountVectors gives none): DIET then treats them consistently.
        todo = [m for m in messages if (m.get(TEXT) or "").strip()]
        if not todo:
            return
        vectors = encode([m.get(TEXT) or "" for m in todo], model=self._model, batch_size=self._config["batch_size"])
        for message, vector in zip(todo, vectors):
            self.add_features_to_message(None, np.expand_dims(vector, 0), TEXT, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize(messages)
        return messages
