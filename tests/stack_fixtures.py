"""A real stack whose conversations go to a tracker store the tests can read: an SQLite file, then a real
PostgreSQL (through BOT_TRACKER_URL). One stack per backend for the whole session, shared by test_persistence.py
and test_report.py: both name this module in `pytest_plugins`, so pytest keeps one instance of the fixture, and
they reach the helpers through the fixture's value (importing this module first would defeat pytest's assertion
rewriting of it).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.dialogue.quiz import default_items
from bot.ops.local_services.postgres import running_postgres
from bot.ops.serve import Stack, free_port, tracker_store_config
from tests.conftest import ROOT

ITEM_OF_TEXT = {i.text: i for i in default_items()}


def run_report(*args: str) -> subprocess.CompletedProcess:
    """`python -m bot report ARGS` as a separate process: the real command line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("BOT_TRACKER_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "report", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@dataclass
class StoreStack:
    """A running stack, how `python -m bot report` reaches its tracker store, and ways to talk to it."""

    stack: Stack
    backend: str  # "sqlite" or "postgres"
    source: list[str]  # the report's source option: ["--sqlite", PATH] or ["--tracker-url", URL]

    def say(self, sender: str, message: str) -> list[dict]:
        return self.stack.say(sender, message)

    def tracker(self, sender: str) -> dict:
        with urllib.request.urlopen(self.stack.api_url(f"/conversations/{sender}/tracker"), timeout=60) as resp:
            return json.loads(resp.read())

    def bot_metadata(self, sender: str) -> list[dict]:
        return [e.get("metadata") or {} for e in self.tracker(sender)["events"] if e["event"] == "bot"]

    def quiz_meta(self, sender: str) -> dict:
        """The metadata of the latest career-test message (a question or the result)."""
        return [m for m in self.bot_metadata(sender) if "quiz_item" in m or "quiz_result" in m][-1]

    def finish_test(self, sender: str, replies: list[dict], pattern: dict[str, int], given: dict[str, int]) -> dict:
        """Answers by the item's RIASEC type (`pattern`) until the result, education up to a bachelor's.

        Items are recognised from the replies' text (as in items.yml), so a turn is one request; the answers
        are recorded in `given`. Returns the result's metadata.
        """
        for _turn in range(120):
            last = replies[-1] if replies else {}
            if any("zone" in b.get("payload", "") for b in last.get("buttons") or []):
                self.say(sender, '/quiz_answer{"quiz_value": "zone4"}')
                return self.quiz_meta(sender)["quiz_result"]
            item = ITEM_OF_TEXT[last["text"]]
            given[item.id] = pattern[item.dimension]
            replies = self.say(sender, f'/quiz_answer{{"quiz_value": "{pattern[item.dimension]}"}}')
        raise AssertionError("the test never reached a result")

    def rasa_proc(self) -> subprocess.Popen:
        return next(p for p in self.stack.procs if "bot.rasa.server" in p.args)

    def kill_rasa(self) -> int:
        """SIGKILL to the Rasa server's whole session (no clean shutdown, like a crash or an OOM kill)."""
        proc = self.rasa_proc()
        os.killpg(proc.pid, signal.SIGKILL)
        return proc.wait(timeout=30)

    def report(self, *args: str) -> subprocess.CompletedProcess:
        return run_report(*self.source, *args)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def store_stack(request) -> Iterator[StoreStack]:
    model = ROOT / "models" / "careers.tar.gz"
    assert model.exists(), "no trained model: run `make test` (it builds one) or `python -m bot build`"
    with contextlib.ExitStack() as cleanup, pytest.MonkeyPatch.context() as mp:
        stack = Stack(free_port(), free_port())
        if request.param == "postgres":
            pg = cleanup.enter_context(running_postgres())
            mp.setenv("BOT_TRACKER_URL", pg.url)  # the production switch, read by tracker_store_config
            source = ["--tracker-url", pg.url]
        else:
            mp.delenv("BOT_TRACKER_URL", raising=False)
            source = ["--sqlite", str(stack.log_dir / "tracker.db")]
        stack.tracker_store = tracker_store_config(stack.log_dir / "tracker.db")
        assert stack.tracker_store["dialect"] == ("postgresql" if request.param == "postgres" else "sqlite")
        cleanup.callback(stack.stop)
        stack.start()
        yield StoreStack(stack, request.param, source)


@pytest.fixture(scope="session")
def report_cli():
    """`python -m bot report` with any arguments (for stores no stack writes to)."""
    return run_report
