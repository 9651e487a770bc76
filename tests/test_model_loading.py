"""bot/rasa/server.py loads DIET (and any TensorFlow policy) without compiling Rasa's one-step warm-up training into
a graph: the loaded model must be the very same (every NLU confidence and next-action probability equal to Rasa's
own load)."""

from __future__ import annotations

import asyncio

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MODEL = ROOT / "models" / "careers.tar.gz"


def readings(agent, texts: list[str]) -> list:
    """Per message: the full intent ranking, the entities and the dialogue policies' next-action probabilities."""
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    out = []
    for i, text in enumerate(texts):
        parse = asyncio.run(agent.parse_message(text))
        events = [ActionExecuted("action_listen"), UserUttered(text, parse["intent"], parse["entities"], parse)]
        tracker = DialogueStateTracker.from_events(f"s{i}", events, agent.domain.slots)
        prediction = agent.processor._predict_next_with_tracker(tracker)
        entities = [(e["entity"], e["value"]) for e in parse["entities"]]
        out.append((parse["intent_ranking"], entities, prediction.policy_name, prediction.probabilities))
    return out


def test_the_fast_load_gives_the_same_model_as_rasas_own():
    from rasa.core.agent import Agent
    from rasa.utils.tensorflow.models import RasaModel

    from bot.rasa.server import patch_model_loading

    assert MODEL.exists(), "no trained model: run `make test` (it builds one) or `python -m bot build`"
    texts = [q["text"] for q in yaml.safe_load((ROOT / "tests" / "eval" / "qa_questions.yml").read_text())[:40]]
    texts += ["I want to take the career test", "strongly agree", "which careers pay the most without a degree?"]
    rasas_load = RasaModel.__dict__["load"]
    theirs = readings(Agent.load(str(MODEL)), texts)
    patch_model_loading()
    try:
        assert RasaModel.__dict__["load"] is not rasas_load
        ours = readings(Agent.load(str(MODEL)), texts)
    finally:
        RasaModel.load = rasas_load
        del RasaModel.loads_eagerly
    assert ours == theirs
