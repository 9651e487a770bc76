"""The generated NLU data: stable, and local to the career whose names change.

Rasa's model is trained on this file, so an edit to one page's aliases must not reshuffle the examples of every
other career (it once did, and the retrained model failed end-to-end stories that had nothing to do with the edit).
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.pages import load_careers
from bot.pipeline.nlu_data import generate
from tests.conftest import FIXTURE_CAREERS

pytestmark = pytest.mark.unit


def _examples(data: dict) -> dict[str, set[str]]:
    return {item["intent"]: set(item["examples"].splitlines()) for item in data["nlu"] if "intent" in item}


def test_generation_is_deterministic():
    careers = load_careers([FIXTURE_CAREERS])
    assert generate(careers) == generate(careers)


def test_a_new_alias_changes_only_its_own_careers_examples():
    careers = load_careers([FIXTURE_CAREERS])
    target = sorted(careers)[0]
    before = _examples(generate(careers))
    edited = dict(careers)
    edited[target] = dataclasses.replace(careers[target], aliases=[*careers[target].aliases, "zorblax wrangler"])
    after = _examples(generate(edited))

    changed = {line for intent in before for line in before[intent] ^ after[intent]}
    others = [c for c in careers.values() if c.id != target]
    assert any("zorblax" in line for line in changed), "the new alias should be used in some example"
    own = [n.lower() for n in [*edited[target].names]]
    for line in changed:
        text = line.lower()
        named_other = any(f"[{n.lower()}" in text for c in others for n in c.names)
        assert not named_other or any(f"[{n}" in text for n in own), f"another career's example changed: {line}"


def test_our_nlu_components_are_inputs_of_the_model():
    """Editing one of our Rasa components retrains the model (the list once pointed at a folder that was gone)."""
    from bot.pipeline.build import our_components
    from tests.conftest import ROOT

    names = {p.relative_to(ROOT).as_posix() for p in our_components()}
    assert {"bot/rasa/english_only.py", "bot/rasa/entity_filter.py", "bot/rasa/sentence_featurizer.py"} <= names
