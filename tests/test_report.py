"""`python -m bot report` on a tracker store written by the real stack (SQLite, then PostgreSQL), its numbers
checked against what the test said; the action server's JSON log lines for the same turns; and clear messages
for stores that are missing, empty or unreachable.
"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.ops.report import parse_when
from bot.ops.serve import free_port

if TYPE_CHECKING:
    from tests.stack_fixtures import StoreStack

pytestmark = pytest.mark.integration

pytest_plugins = ["tests.stack_fixtures"]

PERSON = {"R": 2, "I": 5, "A": 3, "S": 1, "E": 2, "C": 4}
GIBBERISH = "asdfgh qwerty zxcvb"  # falls back with a wide margin (best other intent ~0.19)


def action_log_lines(store: StoreStack, sender: str, want: int, timeout: float = 60) -> list[dict]:
    """The action server's JSON turn lines for one sender (waits until `want` of them are written)."""
    log = store.stack.log_dir / "actions.log"
    deadline = time.monotonic() + timeout
    while True:
        lines = []
        for raw in log.read_text(errors="replace").splitlines():
            if raw.startswith("{") and '"bot.turns"' in raw:
                line = json.loads(raw)
                if line["sender"] == sender:
                    lines.append(line)
        if len(lines) >= want or time.monotonic() > deadline:
            return lines
        time.sleep(0.2)


def test_report_counts_what_was_said(store_stack: StoreStack):
    store = store_stack
    since = datetime.now(timezone.utc).isoformat()
    sent = 0

    def say(sender: str, message: str) -> list[dict]:
        nonlocal sent
        sent += 1
        return store.say(sender, message)

    asker, quitter, finisher = (f"report-{who}-{store.backend}" for who in ("asker", "quitter", "finisher"))
    say(asker, "hello")
    say(asker, "What does a data scientist do?")
    say(asker, "how much does a registered nurse earn?")
    say(asker, "and where do they work?")
    say(asker, "what does a town crier do?")
    say(asker, GIBBERISH)
    say(quitter, "take the career test")
    say(quitter, '/quiz_answer{"quiz_value": "4"}')
    say(quitter, "I'd love that")
    replies = say(finisher, "I don't know what career suits me")
    given: dict[str, int] = {}
    result = store.finish_test(finisher, replies, PERSON, given)
    sent += len(given) + 1  # each item's answer and the education question
    assert result["code"] == "ICA"

    # What the conversations really were (the premise of the numbers below).
    asked = [(m.get("career"), m.get("section")) for m in store.bot_metadata(asker) if "career" in m]
    assert asked == [("data-scientist", "duties"), ("registered-nurse", "salary"), ("registered-nurse", "workplace")]
    intents = [e["parse_data"]["intent"]["name"] for e in store.tracker(asker)["events"] if e["event"] == "user"]
    assert intents.count("nlu_fallback") == 1 and intents[-1] == "nlu_fallback"

    out = store.report("--since", since, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["conversations"] == 3
    assert report["user_messages"] == sent and report["channels"] == {"rest": sent}
    assert report["typed_messages"] == 9  # six questions, two test starts, one free-text answer
    assert report["fallback"] == {"count": 1, "rate": round(1 / sent, 4), "rate_of_typed": round(1 / 9, 4)}
    review = report["low_confidence"]["messages"]
    assert GIBBERISH in [r["text"] for r in review if r["fallback"]]
    assert all(r["confidence"] is None or r["confidence"] < 0.6 or r["fallback"] for r in review)
    assert report["career_test"] == {"started": 2, "completed": 1, "completion_rate": 0.5, "results": 1}
    assert report["careers"] == [{"career": "registered-nurse", "count": 2}, {"career": "data-scientist", "count": 1}]
    assert sorted((s["section"], s["count"]) for s in report["sections"]) == [
        ("duties", 1),
        ("salary", 1),
        ("workplace", 1),
    ]
    assert report["unknown_careers"] == [{"name": "town crier", "count": 1}]

    # Every typed message is below a threshold above 1; none of this test's messages is after the last one.
    everything = json.loads(store.report("--since", since, "--json", "--low-confidence", "1.01").stdout)
    assert everything["low_confidence"]["count"] == 9
    later = datetime.now(timezone.utc).isoformat()
    empty = store.report("--since", later)
    assert empty.returncode == 0 and empty.stdout.startswith("No conversations in ")

    text = store.report("--since", since)
    assert text.returncode == 0, text.stderr
    assert "Conversations:          3" in text.stdout
    assert f"Fallback rate:          {1 / sent:.1%} (1 of {sent} messages" in text.stdout
    assert "Career test:            2 started, 1 completed (50.0%)" in text.stdout
    assert "Most asked careers:     registered-nurse (2), data-scientist (1)" in text.stdout
    assert "Unknown careers asked:  town crier (1)" in text.stdout
    assert GIBBERISH in text.stdout
    if store.backend == "postgres":
        assert "***@127.0.0.1" in text.stdout and store.source[1].split("@")[0].split(":")[-1] not in text.stdout


def test_action_server_logs_one_json_line_per_answered_turn(store_stack: StoreStack):
    sender = f"logs-{store_stack.backend}"
    store_stack.say(sender, "hello")  # answered by a response, not an action: no line
    store_stack.say(sender, "what does a welder do?")
    store_stack.say(sender, "what does a blacksmith do?")
    lines = action_log_lines(store_stack, sender, want=2)
    assert [(x["event"], x["action"], x["intent"], x["career"], x["section"]) for x in lines] == [
        ("answered", "action_answer_career", "ask_duties", "welder", "duties"),
        ("answered", "action_answer_career", "ask_duties", None, None),
    ]
    for line in lines:
        assert line["logger"] == "bot.turns" and line["level"] == "INFO"
        assert 0 <= line["latency_ms"] < 20000 and 0 < line["confidence"] <= 1 and line["messages"] >= 1
        assert datetime.fromisoformat(line["ts"]).tzinfo is not None


def test_missing_store_says_so(report_cli, tmp_path: Path):
    out = report_cli("--sqlite", str(tmp_path / "tracker.db"))
    assert out.returncode == 1 and not out.stdout
    assert f"there is no tracker store at {tmp_path / 'tracker.db'}" in out.stderr


def test_file_without_conversations_says_so(report_cli, tmp_path: Path):
    sqlite3.connect(tmp_path / "blank.db").close()  # an empty database: the server never wrote to it
    out = report_cli("--sqlite", str(tmp_path / "blank.db"))
    assert out.returncode == 1 and "has no `events` table" in out.stderr
    with sqlite3.connect(tmp_path / "empty.db") as db:  # Rasa's table, no conversation yet
        db.execute(
            "CREATE TABLE events (id INTEGER NOT NULL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT)"
        )
    out = report_cli("--sqlite", str(tmp_path / "empty.db"))
    assert out.returncode == 0 and out.stdout.startswith(f"No conversations in {tmp_path / 'empty.db'} (SQLite)")
    out = report_cli("--sqlite", str(tmp_path / "empty.db"), "--json")
    assert json.loads(out.stdout)["conversations"] == 0


def test_unreachable_postgres_is_a_clear_error_without_the_password(report_cli):
    out = report_cli("--tracker-url", f"postgresql://rasa:s3cret@127.0.0.1:{free_port()}/rasa")
    assert out.returncode == 1 and "Cannot read postgresql://rasa:***@127.0.0.1:" in out.stderr
    assert "s3cret" not in out.stderr + out.stdout and "Traceback" not in out.stderr
    out = report_cli("--tracker-url", "mysql://x@y/z")
    assert out.returncode == 1 and "postgresql://" in out.stderr


def test_dates_are_iso_and_a_bare_until_date_includes_that_day():
    assert parse_when("2026-11-25T10:00:00+00:00") == datetime(2026, 11, 25, 10, tzinfo=timezone.utc).timestamp()
    assert parse_when("2026-11-25T10:00:00Z") == parse_when("2026-11-25T10:00:00+00:00")
    assert parse_when("2026-11-25", end_of_day=True) - parse_when("2026-11-25") == 24 * 3600
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_when("last tuesday")
