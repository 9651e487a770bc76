"""The career test's logic: answer mapping, scoring, matching, adaptive choice and the stopping rule."""

from __future__ import annotations

import random

import pytest

from bot.dialogue import quiz
from bot.dialogue.quiz import Item
from bot.knowledge.pages import RIASEC, load_careers
from tests.conftest import FIXTURE_CAREERS, ROOT

pytestmark = pytest.mark.unit

ITEMS = tuple(Item(f"{d.lower()}{n:02d}", f"Activity {d}{n}", d) for d in RIASEC for n in range(1, 9))


@pytest.fixture(scope="module")
def careers():
    return load_careers([FIXTURE_CAREERS])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Love it", 5),
        ("I'd love that", 5),
        ("absolutely!", 5),
        ("like it", 4),
        ("kind of", 4),
        ("sounds fun", 4),
        ("not sure", 3),
        ("maybe", 3),
        ("idk", 3),
        ("Dislike it", 2),
        ("not really", 2),
        ("nah", 2),
        ("hate it", 1),
        ("no way", 1),
        ("absolutely not", 1),
        ("definitely not", 1),
        ("3", 3),
    ],
)
def test_free_text_answers_map_onto_the_scale(text, value):
    assert quiz.map_answer(text) == value


@pytest.mark.parametrize("text", ["what does a pharmacist do", "", "purple"])
def test_non_answers_are_not_mapped(text):
    assert quiz.map_answer(text) is None


def test_scale_buttons_run_from_most_positive_to_most_negative():
    assert [v for v, _ in quiz.SCALE] == [5, 4, 3, 2, 1]


def test_scores_rescale_mean_answers_to_1_7():
    state = quiz.new_state()
    state["answers"] = {"r01": 5, "r02": 5, "i01": 1, "a01": 3}
    s = quiz.scores(state, ITEMS)
    assert s["R"] == 7.0 and s["I"] == 1.0 and s["A"] == 4.0 and s["S"] == 4.0  # S unanswered: neutral


def test_holland_code_orders_the_top_three():
    assert quiz.holland_code({"R": 2, "I": 6.5, "A": 3, "S": 5, "E": 1, "C": 6}) == "ICS"


def test_correlation_matches_profile_shape(careers):
    techie = {"R": 2.0, "I": 7.0, "A": 3.0, "S": 2.0, "E": 3.0, "C": 5.5}
    ranked = quiz.matches(techie, careers)
    assert ranked[0][0].id == "data-scientist" and ranked[0][1] > 90
    carer = {"R": 3.0, "I": 4.0, "A": 2.0, "S": 7.0, "E": 3.0, "C": 4.0}
    assert quiz.matches(carer, careers)[0][0].id == "registered-nurse"
    # Liking everything one point more does not change the match (correlation ignores elevation).
    shifted = {d: v + 1 for d, v in techie.items()}
    assert quiz.match_percent(shifted, careers["data-scientist"]) == quiz.match_percent(
        techie, careers["data-scientist"]
    )


def test_matches_rank_by_correlation_not_by_the_rounded_match(tmp_path):
    # Both careers show as a 100% match; the closer one comes first even though its id sorts later.
    person = {"R": 7.0, "I": 2.0, "A": 1.0, "S": 1.0, "E": 1.0, "C": 3.0}
    for cid, c in (("a-career", 3.6), ("b-career", 3.3)):
        profile = dict(person, C=c)
        (tmp_path / f"{cid}.md").write_text(
            f"---\nid: {cid}\ntitle: {cid}\nriasec: {profile}\n---\n## Overview\nx\n## Duties\nx\n"
        )
    ranked = quiz.matches(person, load_careers([tmp_path]))
    assert [(c.id, pct) for c, pct in ranked] == [("b-career", 100), ("a-career", 100)]


def test_intro_quotes_the_measured_length():
    from bot.dialogue.quiz_replies import intro_text

    low, high = quiz.TYPICAL_ITEMS
    assert quiz.MIN_ITEMS <= low < high <= quiz.MAX_SHARE * 108 + 1
    assert f"usually takes {low}-{high} of the 108 questions" in intro_text(108)


def test_job_zone_filters_matches(careers):
    techie = {"R": 2.0, "I": 7.0, "A": 3.0, "S": 2.0, "E": 3.0, "C": 5.5}
    assert {c.id for c, _ in quiz.matches(techie, careers, zone=3)} == {"registered-nurse", "electrician"}


def test_reason_names_shared_interests(careers):
    techie = {"R": 2.0, "I": 7.0, "A": 3.0, "S": 2.0, "E": 3.0, "C": 5.5}
    assert "investigating" in quiz.reason(techie, careers["data-scientist"])


def test_first_items_cover_every_dimension_then_adapt(careers):
    state = quiz.new_state()
    seen = []
    for _ in range(12):
        item = quiz.next_item(state, careers, ITEMS)
        seen.append(item.dimension)
        state["answers"][item.id] = 5 if item.dimension == "I" else 2
        state["order"].append(item.id)
    assert sorted(seen) == sorted(RIASEC * 2)


def test_skipped_items_are_not_asked_again(careers):
    state = quiz.new_state()
    first = quiz.next_item(state, careers, ITEMS)
    state["skipped"].append(first.id)
    assert quiz.next_item(state, careers, ITEMS).id != first.id


def _respondent(profile: dict[str, float], state: dict, careers, rng: random.Random) -> int:
    asked = 0
    while (item := quiz.next_item(state, careers, ITEMS)) is not None:
        value = round(1 + (profile[item.dimension] - 1) / 1.5 + rng.gauss(0, 0.4))
        state["answers"][item.id] = min(5, max(1, value))
        state["order"].append(item.id)
        asked += 1
    return asked


def test_stopping_rule_stops_early_on_a_clear_profile(careers):
    rng = random.Random(1)
    profile = {"R": 1.5, "I": 7.0, "A": 2.0, "S": 1.5, "E": 2.0, "C": 6.0}
    state = quiz.new_state()
    asked = _respondent(profile, state, careers, rng)
    assert quiz.MIN_ITEMS <= asked < len(ITEMS)
    assert quiz.should_stop(state, careers, ITEMS)
    assert quiz.holland_code(quiz.scores(state, ITEMS))[0] == "I"


def test_full_mode_asks_everything(careers):
    state = quiz.new_state(full=True)
    assert _respondent({d: 4.0 for d in RIASEC}, state, careers, random.Random(2)) == len(ITEMS)


def test_item_check_rejects_bad_banks():
    good = [{"id": f"{d}{n}", "text": f"Do thing {d}{n}", "dimension": d} for d in RIASEC for n in range(15)]
    assert quiz.check_items(good) == []
    assert any("unbalanced" in e for e in quiz.check_items(good[:-5]))
    assert any(
        "dimension must be" in e for e in quiz.check_items(good + [{"id": "x", "text": "Fly", "dimension": "Z"}])
    )
    assert any("duplicate id" in e for e in quiz.check_items(good + [dict(good[0], text="Other")]))
    assert any("missing id" in e for e in quiz.check_items(good + [{"text": "Swim", "dimension": "R"}]))


def test_real_item_bank_passes_the_check():
    import yaml

    items = yaml.safe_load((ROOT / "knowledge" / "quiz" / "items.yml").read_text())
    assert quiz.check_items(items) == []
    assert len(items) >= 90


def test_near_twin_agreement_pairs_careers_one_for_one():
    import numpy as np

    from bot.evaluation.quiz_sim import twin_overlap

    twins = np.zeros((4, 4), bool)
    twins[0, 1] = twins[1, 0] = True  # careers 0 and 1 are near-twins
    assert twin_overlap([0, 2], [1, 2], twins) == 2  # 1 stands in for its twin 0
    assert twin_overlap([0, 1], [1, 3], twins) == 1  # but only once
