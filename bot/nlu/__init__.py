"""Rasa NLU pieces: the project's spaCy pipeline and a sentence-embedding featurizer."""
