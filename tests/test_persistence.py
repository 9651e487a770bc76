"""Conversations survive a crashed Rasa server: SIGKILL it in the middle of a career test, start a new one on the
same tracker store (the SQLite file, then a real PostgreSQL through BOT_TRACKER_URL), and the test carries on at
the same item with every earlier answer kept.
"""

from __future__ import annotations

import signal
import urllib.error
from typing import TYPE_CHECKING

import pytest

from bot.dialogue.quiz import default_items

if TYPE_CHECKING:
    from tests.stack_fixtures import StoreStack

pytestmark = [pytest.mark.integration, pytest.mark.slow]

pytest_plugins = ["tests.stack_fixtures"]

BEFORE = ["5", "1", "I'd love that", "2", "3"]  # answers given before the crash (a button value or free text)
AFTER = {"R": 3, "I": 5, "A": 2, "S": 1, "E": 2, "C": 4}  # then: by the item's RIASEC type
VALUE_OF = {"5": 5, "1": 1, "I'd love that": 5, "2": 2, "3": 3}


def expected_scores(given: dict[str, int]) -> dict[str, float]:
    """Each type's mean answer rescaled from 1-5 to 1-7, worked out here from what the test itself sent."""
    dim = {i.id: i.dimension for i in default_items()}
    out = {}
    for d in "RIASEC":
        values = [v for item, v in given.items() if dim[item] == d]
        out[d] = round(1 + (sum(values) / len(values) - 1) * 1.5, 2)
    return out


def test_career_test_survives_a_killed_rasa_server(store_stack: StoreStack):
    stack, say, quiz_meta, tracker = store_stack.stack, store_stack.say, store_stack.quiz_meta, store_stack.tracker
    sender = f"persist-{store_stack.backend}"
    replies = say(sender, "take the career test")
    assert replies and quiz_meta(sender)["progress"][0] == 1
    given: dict[str, int] = {}
    for k, message in enumerate(BEFORE, 1):
        meta = quiz_meta(sender)
        assert meta["progress"][0] == k
        say(sender, message if not message.isdigit() else f'/quiz_answer{{"quiz_value": "{message}"}}')
        given[meta["quiz_item"]] = VALUE_OF[message]
    pending = quiz_meta(sender)
    k, n = pending["progress"]
    assert k == len(BEFORE) + 1 and pending["quiz_item"] not in given
    before = tracker(sender)
    assert before["slots"]["quiz"]["answers"] == given
    assert before["slots"]["quiz"]["current"] == pending["quiz_item"]

    assert store_stack.kill_rasa() == -signal.SIGKILL
    with pytest.raises(urllib.error.URLError):  # really gone: nothing answers on its port
        say(sender, "hello?")
    stack.restart_rasa()

    after = tracker(sender)
    assert after["events"] == before["events"]  # every stored event back, in order, nothing added or lost
    assert after["slots"]["quiz"] == before["slots"]["quiz"]
    # The next answer is taken for the same item and moves progress from k to k+1.
    value = AFTER[next(i.dimension for i in default_items() if i.id == pending["quiz_item"])]
    replies = say(sender, f'/quiz_answer{{"quiz_value": "{value}"}}')
    given[pending["quiz_item"]] = value
    nxt = quiz_meta(sender)
    assert nxt["progress"] == [k + 1, n] and nxt["quiz_item"] not in given
    assert replies[-1]["text"] == next(i.text for i in default_items() if i.id == nxt["quiz_item"])
    assert tracker(sender)["slots"]["quiz"]["answers"] == given

    result = store_stack.finish_test(sender, replies, AFTER, given)
    final = tracker(sender)["slots"]["quiz"]
    assert final["answers"] == given and final["done"]
    assert result["scores"] == pytest.approx(expected_scores(given), abs=0.011)
    assert result["code"] == "".join(sorted("RIASEC", key=lambda d: (-result["scores"][d], "RIASEC".index(d)))[:3])
    assert len(result["matches"]) == 10
