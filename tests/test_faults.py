"""Faults, for real: the action server killed mid-conversation and restarted, a hung action server, a damaged index,
a broken page. What must hold: the user always hears something friendly (never silence, never a stack trace), the
assistant recovers by itself once the part is back, and a start on a broken knowledge base fails fast, naming the fix.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from bot import config
from bot.knowledge.pages import load_careers
from bot.ops.serve import (
    ACTION_SERVER_MAX_BODY,
    KnowledgeNotReady,
    Stack,
    action_server_command,
    base_env,
    free_port,
    stop_group,
    wait_http,
)
from bot.search.index import IndexMissing, SearchIndex, build_index
from tests.conftest import FIXTURE_CAREERS, ROOT
from tests.fakes.base import post
from tests.fakes.slow_action_server import SlowActionServer

pytestmark = pytest.mark.integration

ACTION_TIMEOUT = 10  # seconds, BOT_ACTION_TIMEOUT of the stack below (default 20)
DOWN = "can't look that up right now"  # utter_service_down
SLOW = "taking too long"  # utter_action_timeout (or bot/rasa/server.py's fallback text)
KNOWLEDGE_DOWN = "knowledge base is not available"
FIX = "python -m bot index --force"
INDEX_FILES = ("index.faiss", "vectors.npy", "passages.json", "meta.json")


# ---------------------------------------------------------------- helpers


def copy_index(src: Path, dest: Path) -> Path:
    """A private copy of an index folder (its current build and the `current` symlink)."""
    build = (src / "current").resolve()
    dest.mkdir(parents=True)
    shutil.copytree(build, dest / build.name)
    (dest / "current").symlink_to(build.name)
    return dest


def damage(index_dir: Path, name: str) -> None:
    """Overwrite one file of the current build with bytes that are not what it should hold."""
    path = index_dir / "current" / name
    size = path.stat().st_size
    path.write_bytes(b"\x00garbage" * max(1, min(size, 4096) // 8))


def run_python(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def say(stack: Stack, sender: str, message: str) -> list[dict]:
    status, _, raw = post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json.dumps({"sender": sender, "message": message}).encode(),
        {"Content-Type": "application/json"},
        timeout=300,
    )
    assert status == 200, (status, raw[:500])
    return json.loads(raw)


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def tracker(stack: Stack, sender: str) -> dict:
    with urllib.request.urlopen(stack.api_url(f"/conversations/{sender}/tracker"), timeout=60) as resp:
        return json.loads(resp.read())


def user_texts(stack: Stack, sender: str) -> list[str]:
    return [e["text"] for e in tracker(stack, sender)["events"] if e["event"] == "user"]


def action_server_cmd(port: int) -> list[str]:
    return action_server_command(port, sys.executable)


def action_server_env(extra: dict[str, str]) -> dict[str, str]:
    return {**base_env(), **extra, "SANIC_HOST": "127.0.0.1", "SANIC_REQUEST_MAX_SIZE": ACTION_SERVER_MAX_BODY}


# ---------------------------------------------------------------- the index: damaged builds are rebuilt


@pytest.mark.parametrize("name", INDEX_FILES)
def test_build_index_rebuilds_a_damaged_index_even_when_its_meta_matches(tmp_path, fixture_index_dir, name):
    careers = load_careers([FIXTURE_CAREERS]).values()
    index_dir = copy_index(fixture_index_dir, tmp_path / "index")
    assert build_index(careers, index_dir=index_dir, progress=False)["rebuilt"] is False  # intact: kept
    damage(index_dir, name)
    with pytest.raises(IndexMissing, match="index --force"):
        SearchIndex(index_dir)
    meta = build_index(careers, index_dir=index_dir, progress=False)
    assert meta["rebuilt"] is True
    hits = SearchIndex(index_dir).search("what does a data scientist do", k=1)
    assert hits and hits[0].career == "data-scientist"


# ---------------------------------------------------------------- start-up: fail fast, naming the fix


@pytest.fixture()
def broken_index(tmp_path) -> Path:
    index_dir = copy_index(config.INDEX_DIR, tmp_path / "index")
    damage(index_dir, "index.faiss")
    return index_dir


@pytest.mark.parametrize("name", INDEX_FILES)
def test_start_up_check_names_the_fix_for_each_damaged_file(tmp_path, name):
    index_dir = copy_index(config.INDEX_DIR, tmp_path / "index")
    damage(index_dir, name)
    result = run_python(["-m", "bot.dialogue.service"], {**base_env(), "BOT_INDEX_DIR": str(index_dir)})
    assert result.returncode == 1
    assert FIX in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_start_up_check_names_the_command_when_there_is_no_index(tmp_path):
    result = run_python(["-m", "bot.dialogue.service"], {**base_env(), "BOT_INDEX_DIR": str(tmp_path / "nothing")})
    assert result.returncode == 1 and "python -m bot index" in result.stderr, result.stderr


def test_stack_refuses_to_start_on_a_damaged_index_before_starting_anything(broken_index):
    stack = Stack(free_port(), free_port(), env={"BOT_INDEX_DIR": str(broken_index)})
    started = time.perf_counter()
    with pytest.raises(KnowledgeNotReady, match="index --force"):
        stack.start()
    assert time.perf_counter() - started < 120  # no servers were waited for
    assert stack.procs == []


def test_serve_command_exits_with_the_fix_instead_of_a_crash_loop(broken_index, tmp_path):
    ports = [str(free_port()) for _ in range(3)]
    env = {**base_env(), "BOT_INDEX_DIR": str(broken_index), "BOT_VAR_DIR": str(tmp_path / "var")}
    started = time.perf_counter()
    result = run_python(
        ["-m", "bot", "serve", "--rasa-port", ports[0], "--action-port", ports[1], "--web-port", ports[2]], env
    )
    assert result.returncode == 1
    assert FIX in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert time.perf_counter() - started < 120


def test_a_broken_page_in_extra_knowledge_is_named(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    page = extra / "glassblower.md"
    page.write_text("# Glassblower\n\nNo front matter here.\n\n## Overview\nShapes molten glass.\n")
    env = {"BOT_EXTRA_KNOWLEDGE": str(extra)}
    result = run_python(["-m", "bot.dialogue.service"], {**base_env(), **env})
    assert result.returncode == 1 and str(page) in result.stderr, result.stderr
    stack = Stack(free_port(), free_port(), env=env)
    with pytest.raises(KnowledgeNotReady, match="glassblower.md"):
        stack.start()
    assert stack.procs == []


# ---------------------------------------------------------------- the action server on a broken index


def call_action(port: int, action: str, text: str, intent: str, entities: list | object) -> dict:
    """What Rasa sends the action server (the parts our actions read)."""
    body = {
        "next_action": action,
        "sender_id": "faults",
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": "faults",
            "slots": {},
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 1.0},
                "intent_ranking": [{"name": intent, "confidence": 1.0}],
                "entities": entities,
            },
            "events": [],
            "latest_action_name": "action_listen",
        },
    }
    status, _, raw = post(
        f"http://127.0.0.1:{port}/webhook", json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    assert status == 200, (status, raw[:500])
    return json.loads(raw)


def test_action_server_on_a_damaged_index_stays_up_says_so_and_recovers_once_rebuilt(broken_index, tmp_path):
    port = free_port()
    log_path = tmp_path / "actions.log"
    entities = [{"entity": "career", "value": "data scientist", "start": 12, "end": 26}]
    question = ("action_answer_career", "what does a data scientist do?", "ask_duties")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            action_server_cmd(port),
            cwd=ROOT,
            env=action_server_env({"BOT_INDEX_DIR": str(broken_index)}),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_http(f"http://127.0.0.1:{port}/health", 240, proc)
        for _ in range(3):  # every call answers; the server never goes down
            reply = call_action(port, *question, entities)
            assert any(KNOWLEDGE_DOWN in (r.get("text") or "") for r in reply["responses"]), reply
            assert reply["events"] == []
        assert proc.poll() is None
        assert FIX in log_path.read_text(errors="replace")  # the operator's log names the fix

        # Rebuilt while it runs (only index.faiss was damaged: the stored embeddings are reused): answers again.
        assert build_index(load_careers().values(), index_dir=broken_index, progress=False)["rebuilt"] is True
        reply = call_action(port, *question, entities)
        assert "knowledge/careers/data-scientist.md#duties" in reply["responses"][0]["text"], reply

        # Any other failure inside an action: utter_service_down, and the server stays up.
        reply = call_action(port, *question, 5)  # entities that are not a list
        assert [r.get("response") for r in reply["responses"]] == ["utter_service_down"], reply
        assert proc.poll() is None
    finally:
        stop_group(proc)


# ---------------------------------------------------------------- the action server killed, hung, restarted


@pytest.fixture(scope="module")
def stack():
    assert (ROOT / "models" / "careers.tar.gz").exists(), "no trained model: run `make test` or `python -m bot build`"
    s = Stack(free_port(), free_port(), env={"BOT_ACTION_TIMEOUT": str(ACTION_TIMEOUT)})
    try:
        s.start()
        yield s
    finally:
        s.stop()


def action_server(stack: Stack) -> subprocess.Popen:
    return next(p for p in reversed(stack.procs) if p.args[1:3] == ["-m", "actions"] and p.poll() is None)


def kill_action_server(stack: Stack) -> None:
    proc = action_server(stack)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)


def restart_action_server(stack: Stack) -> None:
    """The same action server command on the same port, as a supervisor would restart it."""
    proc = stack._spawn(
        f"actions-{len(stack.procs)}", action_server_cmd(stack.action_port), action_server_env(stack.env), True
    )
    wait_http(f"http://127.0.0.1:{stack.action_port}/health", 240, proc)


def test_action_server_killed_mid_conversation_then_back(stack):
    sender = "faults-down"
    assert "knowledge/careers/data-scientist.md#duties" in texts(say(stack, sender, "What does a data scientist do?"))
    kill_action_server(stack)

    replies = say(stack, sender, "what does a registered nurse do?")
    assert replies and DOWN in texts(replies) and "Traceback" not in texts(replies), replies
    assert "careers assistant" in texts(say(stack, sender, "hello"))  # what needs no action server still works

    restart_action_server(stack)  # the Rasa server is not touched: it recovers by itself
    replies = say(stack, sender, "how much does a registered nurse earn?")
    assert "knowledge/careers/registered-nurse.md#salary" in texts(replies), replies
    assert user_texts(stack, sender) == [
        "What does a data scientist do?",
        "what does a registered nurse do?",
        "hello",
        "how much does a registered nurse earn?",
    ]


def test_hung_action_server_times_out_with_a_friendly_message(stack):
    sender = "faults-slow"
    kill_action_server(stack)
    with SlowActionServer(port=stack.action_port) as slow:
        result: dict[str, object] = {}

        def ask() -> None:
            started = time.perf_counter()
            result["replies"] = say(stack, sender, "what does a welder do?")
            result["seconds"] = time.perf_counter() - started

        hung = threading.Thread(target=ask)
        hung.start()
        slow.wait_for_calls(1)
        # While that call hangs, other conversations are answered at once.
        started = time.perf_counter()
        assert "careers assistant" in texts(say(stack, "faults-bystander", "hi"))
        assert time.perf_counter() - started < ACTION_TIMEOUT
        hung.join(timeout=300)
        assert not hung.is_alive()
        assert SLOW in texts(result["replies"]), result
        assert ACTION_TIMEOUT - 1 <= result["seconds"] < ACTION_TIMEOUT + 60, result
        assert slow.calls[0] == {"action": "action_answer_career", "sender": sender}

        # The next turn works: a reply that needs no action at once, an action turn times out friendly again.
        assert "careers assistant" in texts(say(stack, sender, "hello"))
        assert SLOW in texts(say(stack, sender, "how much does a welder earn?"))

    restart_action_server(stack)
    assert "knowledge/careers/welder.md#duties" in texts(say(stack, sender, "what does a welder do?"))
    assert user_texts(stack, sender) == [
        "what does a welder do?",
        "hello",
        "how much does a welder earn?",
        "what does a welder do?",
    ]


@pytest.mark.unit
def test_action_replies_are_checked_by_one_compiled_validator_and_bad_ones_still_rejected():
    """bot/rasa/server.py replaces Rasa's per-call `jsonschema.validate` (which re-checks the schema every turn) with
    a compiled validator; an invalid reply still fails with Rasa's own message."""
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    from bot.rasa.server import patch_action_validation

    patch_action_validation()
    patch_action_validation()  # twice is once
    action = RemoteAction("action_answer_career", None)
    good = {"events": [{"event": "slot", "name": "career", "value": "welder"}], "responses": [{"text": "hi"}]}
    assert action._validate_action_result(good) is True
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "no such event"}], "responses": "not a list"})
