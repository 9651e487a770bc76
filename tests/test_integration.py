"""The real thing: action server + Rasa server on loopback, talked to over REST, metadata read from the tracker.

Uses the trained model and the real knowledge index that `make test` builds first.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from bot.serve import Stack, free_port
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def stack():
    model = ROOT / "models" / "careers.tar.gz"
    assert model.exists(), "no trained model: run `make test` (it builds one) or `python -m bot build`"
    s = Stack(free_port(), free_port())
    s.start()
    yield s
    s.stop()


def say(stack: Stack, sender: str, message: str) -> list[dict]:
    req = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=120) as resp:
        return json.loads(resp.read())


def bot_metadata(stack: Stack, sender: str) -> list[dict]:
    with urllib.request.urlopen(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=30) as resp:
        tracker = json.loads(resp.read())
    return [e.get("metadata") or {} for e in tracker["events"] if e["event"] == "bot"]


def test_career_question_follow_up_and_metadata(stack):
    replies = say(stack, "it-1", "What does a data scientist do?")
    assert replies and "knowledge/careers/data-scientist.md#duties" in replies[0]["text"]
    assert any(b["payload"].startswith("/ask_") for b in replies[0]["buttons"])
    say(stack, "it-1", "and where do they work?")
    meta = [m for m in bot_metadata(stack, "it-1") if "career" in m]
    assert meta[0] == {
        **meta[0],
        "career": "data-scientist",
        "section": "duties",
        "source": "knowledge/careers/data-scientist.md#duties",
    }
    assert (meta[1]["career"], meta[1]["section"]) == ("data-scientist", "workplace")


def test_alias_and_typo_resolve(stack):
    say(stack, "it-2", "how much does an ML engineer earn")
    say(stack, "it-2", "what does a pharmacyst do")
    meta = [m for m in bot_metadata(stack, "it-2") if "career" in m]
    assert [(m["career"], m["section"]) for m in meta] == [
        ("machine-learning-engineer", "salary"),
        ("pharmacist", "duties"),
    ]


def test_unknown_career_gets_suggestions(stack):
    replies = say(stack, "it-3", "what does a blacksmith do?")
    assert "don't have a page" in replies[0]["text"]
    meta = [m for m in bot_metadata(stack, "it-3") if "unknown_career" in m]
    assert meta and meta[0]["unknown_career"].lower() == "blacksmith"
    assert isinstance(meta[0]["suggestions"], list)


def test_small_talk_and_open_question(stack):
    assert "careers assistant" in say(stack, "it-4", "hello")[0]["text"]
    replies = say(stack, "it-4", "which jobs let me work with animals?")
    meta = [m for m in bot_metadata(stack, "it-4") if "explore" in m]
    assert meta and "veterinarian" in meta[0]["explore"]
    assert "Veterinarian" in replies[0]["text"]
