"""Structured log lines: one JSON object per line, so log shippers and `jq` read them without parsing prose.

The action server logs one line per answered turn on the `bot.turns` logger (to stderr, i.e. the action
server's log file under `make run`), for example:

    {"ts": "2026-11-25T09:14:02.114+00:00", "level": "INFO", "logger": "bot.turns", "event": "answered",
     "action": "action_answer_career", "sender": "5f1c...", "intent": "ask_salary", "confidence": 0.97,
     "career": "registered-nurse", "section": "salary", "quiz_item": null, "messages": 1, "latency_ms": 41.7}

`event` is "answered", or "action_failed" when the action raised (the user then got the friendly
"can't look that up" message; the traceback is in the plain log line just before). The user's words are not
logged here: they stay in the tracker store, where `python -m bot report` reads them.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import datetime, timezone
from typing import Any

TURN_LOGGER = "bot.turns"
TURN_FIELDS = ("action", "sender", "intent", "confidence", "career", "section", "quiz_item", "messages", "latency_ms")


class JsonFormatter(logging.Formatter):
    """A record as one JSON line: time, level, logger, event (the message) and the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        data.update(getattr(record, "fields", {}))
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def json_logger(name: str = TURN_LOGGER) -> logging.Logger:
    """A logger that writes JSON lines to stderr whatever the host (rasa_sdk, Rasa) did to the root logger."""
    logger = logging.getLogger(name)
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False  # not a second, coloured copy through the root logger
    return logger


def turn_fields(action: str, tracker: Any, messages: list[dict], started: float) -> dict[str, Any]:
    """What one answered turn is worth monitoring: who, what NLU understood, what was answered, how fast."""
    latest = getattr(tracker, "latest_message", None) or {}
    intent = latest.get("intent") or {}
    fields: dict[str, Any] = {
        "action": action,
        "sender": getattr(tracker, "sender_id", None),
        "intent": intent.get("name"),
        "confidence": round(float(intent["confidence"]), 4) if intent.get("confidence") is not None else None,
        "career": None,
        "section": None,
        "quiz_item": None,
        "messages": len(messages),
    }
    for message in messages:  # the last message that names them wins (a resumed test question comes last)
        for key in ("career", "section", "quiz_item"):
            if message.get(key) is not None:
                fields[key] = message[key]
    fields["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return fields


def log_turn(action: str, tracker: Any, messages: list[dict], started: float, event: str = "answered") -> None:
    """One JSON line for a turn an action answered; `started` is time.perf_counter() when the action began."""
    level = logging.ERROR if event == "action_failed" else logging.INFO
    json_logger().log(level, event, extra={"fields": turn_fields(action, tracker, messages, started)})
