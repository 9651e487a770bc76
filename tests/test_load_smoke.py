"""The load benchmark's code at a small scale: a few concurrent users over REST on the real servers (SQL tracker
store), every turn found in the tracker exactly once and answered, every career-test result recomputed with
bot.dialogue.quiz. The 50-user and 10-minute numbers come from `make bench-load` (bench/load.py)."""

from __future__ import annotations

import asyncio
import copy
import time

import pytest

from bench import load
from bot import config
from bot.knowledge.pages import load_careers

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.xdist_group("shared_stack")]


@pytest.fixture(scope="module")
def stack(shared_stack):
    return shared_stack


@pytest.fixture(scope="module")
def load_run(stack):
    convs: list[load.Conversation] = []
    report = asyncio.run(load.run_load(stack, users=5, questions=3, seed=11, keep=convs))
    return report, convs


def test_concurrent_users_lose_nothing_and_get_correct_results(load_run):
    report, convs = load_run
    assert report["errors"] == 0, report["error_samples"]
    assert (report["lost_turns"], report["duplicated_turns"], report["unanswered_turns"]) == (0, 0, 0)
    assert report["reply_mismatches"] == 0
    assert report["tests_completed"] == report["results_correct"] == 5, report["problems"]
    assert report["questions_answered_as_expected"] == report["questions_asked"] == 15
    assert report["messages"] == sum(len(c.turns) for c in convs) > 5 * (3 + 1 + 18 + 1)
    assert all(c.zone is not None and c.code_seen for c in convs)
    lat = report["latency_ms"]
    assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"] and report["throughput_msg_s"] > 0
    assert set(report["peak_rss_mb"]) >= {"action server", "rasa server"}


def test_the_checks_catch_a_wrong_result_and_a_lost_turn(stack, load_run):
    """The same checks, fed altered records of a real conversation, must fail: they are not vacuous."""
    _, convs = load_run
    conv = convs[0]
    careers = load_careers(config.career_dirs())
    tracker = asyncio.run(_tracker(stack, conv.sender))
    assert load.check_conversation(conv, tracker, careers)["result_correct"]

    other_answer = copy.deepcopy(conv)
    first_item = other_answer.asked[0][0]
    other_answer.given[first_item] = 1 if other_answer.given[first_item] != 1 else 5
    assert not load.check_conversation(other_answer, tracker, careers)["result_correct"]

    right = load.expected_result(conv, careers)[0]
    other_zones = [copy.deepcopy(conv) for _ in range(5)]
    for other, zone in zip(other_zones, (2, 3, 4, 5, 0)):
        other.zone = zone
    other_zone = next(c for c in other_zones if load.expected_result(c, careers)[0] != right)  # a zone that matters
    assert not load.check_conversation(other_zone, tracker, careers)["result_correct"]

    lost = copy.deepcopy(conv)
    lost.turns.insert(3, load.Turn("what does a baker do", "question"))
    assert load.check_conversation(lost, tracker, careers)["lost"] == 1


async def _tracker(stack, sender: str) -> dict:
    async with load.make_session(1) as session:
        return await load.Client(session, stack, time.perf_counter()).tracker(sender)


def test_short_soak_samples_memory_of_every_server(stack):
    report = asyncio.run(load.run_soak(stack, users=2, minutes=0.4, questions=1, interval=2))
    assert report["errors"] == 0, report["error_samples"]
    assert report["lost_turns"] == report["unanswered_turns"] == report["reply_mismatches"] == 0
    assert report["results_correct"] == report["tests_completed"]
    assert report["messages"] > 0 and report["per_minute"]
    for name in ("action server", "rasa server"):
        memory = report["memory"][name]
        assert memory["samples"] >= 5 and 100 < memory["start_mb"] <= memory["peak_mb"]
