"""The career test's logic: answer mapping, scoring, matching, adaptive choice and the stopping rule."""

from __future__ import annotations

import random

import pytest

from bot.dialogue import quiz
from bot.dialogue.quiz import Item
from bot.dialogue.quiz_reader import read_answer
from bot.dialogue.quiz_replies import intro_text, map_zone, result_reply
from bot.evaluation import quiz_sim
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
        # negation, contrast and hedges (the examples)
        ("I've never done it but I'd love to", 5),
        ("never tried it but it sounds fun", 4),
        ("not really, but maybe", 3),
        ("not at all", 1),
        ("I don't hate it", 3),
        ("not bad", 4),
        ("love it", 5),
        ("meh", 3),
        ("I really don't like it", 1),
        ("I don't really like it", 2),
        ("kinda love it", 4),
        ("I'd probably hate it", 2),
        ("it sounds fun but I don't think I'd enjoy it", 2),
        ("although I've never had the chance, I'd love to", 5),
        ("only if I had to", 2),  # reluctance: done without a choice, not enjoyed
        ("not even if I had to", 1),
        ("I could live with it", 3),
        ("I'd do it for free", 5),
        ("I'd hate it, though I've never tried", 1),
        ("yeah nah", 2),
        ("definately", 5),
        ("loooove it", 5),
        ("4/5", 4),
    ],
)
def test_free_text_answers_map_onto_the_scale(text, value):
    assert quiz.map_answer(text) == value


@pytest.mark.parametrize("text", ["what does a pharmacist do", "", "purple"])
def test_non_answers_are_not_mapped(text):
    assert quiz.map_answer(text) is None


@pytest.mark.parametrize(
    "text", ["never had the chance", "never had a garden", "I can't afford it", "I'm not good at it", "never tried it"]
)
def test_lack_of_access_is_not_dislike(text):
    """Access, experience or ability alone is not an answer: the test asks again, saying what it asks."""
    reading = read_answer(text)
    assert reading.value is None and reading.kind == "access"


def test_answer_and_education_sets_are_read_as_meant():
    """tests/eval/quiz_answers.yml and quiz_education.yml, as the quality report scores them."""
    from bot.evaluation.evaluate import READ_TARGET, quiz_reading

    reading = quiz_reading()
    assert reading["answers"]["total"] >= 150 and reading["education"]["total"] >= 60
    for part in ("answers", "education"):
        assert reading[part]["share"] >= READ_TARGET >= 0.95, reading[part]["misses"]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("no degree", 2),
        ("I don't have a degree", 2),
        ("I can't afford college", 2),
        ("no university for me", 3),
        ("not a graduate degree", 4),
        ("only high school", 2),
        ("a certificate at most", 3),
        ("happy to do a bachelor's", 4),
        ("up to a master's", 5),
        ("whatever it takes", 5),
        ("a PhD is fine", 5),
        ("zone3", 3),
        ("Show me everything", 0),
        ("purple", None),
    ],
)
def test_education_answers_read_negations_first(text, zone):
    assert map_zone(text) == zone


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


def test_job_zone_filters_matches(careers):
    techie = {"R": 2.0, "I": 7.0, "A": 3.0, "S": 2.0, "E": 3.0, "C": 5.5}
    assert {c.id for c, _ in quiz.matches(techie, careers, zone=3)} == {"registered-nurse", "electrician"}


def test_reason_names_shared_interests(careers):
    techie = {"R": 2.0, "I": 7.0, "A": 3.0, "S": 2.0, "E": 3.0, "C": 5.5}
    assert "investigating" in quiz.reason(techie, careers["data-scientist"])


def test_reason_names_only_interests_scored_high():
    """A top-three letter below the middle of the scale is not "high"; without a shared high interest the reason
    says what the career centers on instead."""
    from bot.knowledge.pages import Career

    def career(profile):
        return Career("x", "X", [], "", profile, {}, [], {}, path=ROOT / "x.md")

    person = {"R": 3.5, "I": 6.5, "A": 2.0, "S": 1.5, "E": 2.0, "C": 3.8}  # only I is high
    builder = career({"R": 6.5, "I": 2.5, "A": 2.0, "S": 2.0, "E": 3.0, "C": 5.0})  # R, C, E
    assert quiz.shared_interests(person, builder) == []
    assert quiz.reason(person, builder) == "this career centers on hands-on work and organizing"
    lab = career({"R": 5.0, "I": 7.0, "A": 2.0, "S": 2.0, "E": 2.0, "C": 4.0})
    assert quiz.shared_interests(person, lab) == ["I"]
    assert quiz.reason(person, lab) == "you both score high on investigating"
    # Ties for third place count as top three (for the person and for the career).
    tied = {"R": 2.0, "I": 6.0, "A": 5.0, "S": 4.5, "E": 4.5, "C": 1.0}
    assert quiz.top_letters(tied) == ["I", "A", "S", "E"]
    assert quiz.shared_interests(tied, career({"R": 3.0, "I": 2.0, "A": 2.0, "S": 1.5, "E": 6.0, "C": 5.0})) == ["E"]


def test_flat_answers_get_no_code_and_no_invented_matches(careers):
    state = quiz.new_state()
    state["answers"] = {i.id: 3 for i in quiz.default_items()[:30]}  # "Not sure" to everything
    profile = quiz.scores(state)
    assert quiz.is_flat(profile) and quiz.result_code(profile) is None
    reply = result_reply(state, careers)
    meta = reply.metadata["quiz_result"]
    assert meta["code"] is None and meta["matches"] == []
    assert "rate all six interest areas about the same" in reply.text and "Your interest code" not in reply.text
    assert "answer more questions" in reply.text and "activities you have enjoyed" in reply.text
    assert "/quiz_full" in [b["payload"] for b in reply.buttons]


def test_result_metadata_carries_shared_letters_and_ties(careers):
    state = quiz.new_state()
    by_dim = {d: [i for i in quiz.default_items() if i.dimension == d] for d in RIASEC}
    values = {"R": 2, "I": 5, "A": 5, "S": 1, "E": 2, "C": 4}
    state["answers"] = {i.id: values[d] for d in RIASEC for i in by_dim[d][:4]}
    reply = result_reply(state, careers)
    meta = reply.metadata["quiz_result"]
    assert meta["code"] == "IAC"
    assert "I and A tie for first" in reply.text
    assert set(meta) == {"scores", "code", "matches"}
    for m in meta["matches"]:
        assert set(m) == {"career", "match", "shared"}
        text = quiz.reason(meta["scores"], careers[m["career"]])
        assert [quiz.SHORT_NAMES[d] in text for d in m["shared"]] == [True] * len(m["shared"])
        assert (m["shared"] == []) == text.startswith("this career centers on")


def test_reasons_never_name_an_interest_scored_below_4_over_1000_respondents():
    """quiz_sim's respondents (career-like and flat profiles), each scored on a random share of the bank: no
    reason names an interest the person scored below 4.0 or outside their top three; flat scores get no code."""
    careers = load_careers()
    items = quiz.default_items()
    pool = list(careers.values())
    rng = random.Random(11)
    flats = 0
    for n in range(1100):
        _, answers = quiz_sim.respondent(pool, items, 0.75, rng, flat=n % 10 == 0)
        asked = rng.sample(sorted(answers), rng.randint(quiz.MIN_ITEMS, len(items)))
        profile = quiz.scores({"answers": {i: answers[i] for i in asked}}, items)
        result = quiz.result(profile, careers)
        assert quiz_sim.reason_problems(profile, careers, result["matches"]) == []
        if quiz.is_flat(profile):
            flats += 1
            assert result["code"] is None and result["matches"] == []
        else:
            assert result["code"] == quiz.holland_code(profile) and len(result["matches"]) == 10
    assert flats >= 50  # the flat respondents mostly score flat


def test_intro_asks_for_enjoyment_and_quotes_the_measured_length():
    text = intro_text(108)
    assert "how much you would enjoy the activity, not for your experience, ability, education or money" in text
    low, high = quiz.TYPICAL_ITEMS
    assert f"typically takes {low}-{high} of the 108 questions" in text and "at most 98 unless" in text


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


def _bank(levels: list[str] | None = None) -> list[dict]:
    levels = levels or ["none", "degree", "certificate", "advanced", "none", "degree"] * 3
    return [
        {"id": f"{d}{n}", "text": f"Do thing {d}{n}", "dimension": d, "level": levels[n]}
        for d in RIASEC
        for n in range(18)
    ]


def test_item_check_enforces_level_balance_us_spelling_and_no_virtue_words():
    assert quiz.check_items(_bank()) == []
    too_high = _bank(["none", "degree", "none", "degree", "none", "degree"] + ["advanced"] * 12)
    assert any("levels unbalanced (3 none/certificate, 15" in e for e in quiz.check_items(too_high))
    front_loaded = _bank(["none"] * 6 + ["degree"] * 9 + ["certificate"] * 3)
    assert any("first six items must be 3" in e for e in quiz.check_items(front_loaded))
    bad = _bank()
    bad[0]["text"] = "Organise a colourful display"
    bad[1]["text"] = "Analyse the results of a survey"
    bad[2]["text"] = "Carefully wash a patient's hair"
    bad[3]["level"] = "phd"
    errors = quiz.check_items(bad)
    assert any("UK spelling 'Organise'" in e for e in errors)
    assert any("UK spelling 'Analyse'" in e for e in errors)
    assert any("'Carefully' judges how" in e for e in errors)
    assert any("level must be one of" in e for e in errors)
    fine = _bank()
    fine[0]["text"] = "Run an analysis of the color data at the theater center"
    assert quiz.check_items(fine) == []


def test_item_check_rejects_bad_banks():
    good = [
        {"id": f"{d}{n}", "text": f"Do thing {d}{n}", "dimension": d, "level": ("none", "degree")[n % 2]}
        for d in RIASEC
        for n in range(15)
    ]
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


@pytest.mark.parametrize(
    "text,value",
    [
        ("strongly like", 5),  # was 4: the survey's own intensifier was not one
        ("strongly dislike", 1),  # was 2
        ("strongly agree", 5),  # was not understood
        ("strongly disagree", 1),
        ("agree", 4),
        ("unlikely", 2),  # was 4: "likely" inside it
        ("highly unlikely", 1),
        ("not likely", 2),  # was 4
        ("likely not", 2),
    ],
)
def test_survey_words_and_likelihood_are_read_as_meant(text, value):
    assert read_answer(text).value == value


@pytest.mark.parametrize("text", ["idk", "not sure", "meh", "no idea", "dunno", "i don't know"])
def test_an_undecided_answer_to_the_education_question_shows_everything(text):
    """ "idk", "not sure", "meh" got "Sorry, I didn't catch that" again and again at the last question."""
    assert map_zone(text) == 0


def test_undecided_words_beside_a_level_keep_the_level():
    assert map_zone("not sure, maybe a bachelors") == 4 and map_zone("I dont know, no degree probably") == 2


def test_a_result_line_says_when_a_careers_jobs_are_projected_to_decline():
    """A result listed a typist (-36.1%) and a data entry clerk (-25.9%) with no word that their jobs are shrinking."""
    from bot.dialogue.quiz_replies import decline_note

    careers = load_careers()
    assert decline_note(careers["typist"]) == "; jobs projected to decline (-36.1%, 2024-34, BLS)"
    assert decline_note(careers["electrician"]) == ""
    state = quiz.new_state()
    items = quiz.default_items()
    state["answers"] = {i.id: (5 if i.dimension == "C" else 2) for i in items}
    state["done"] = True
    reply = result_reply(state, careers)
    listed = [careers[m["career"]] for m in reply.metadata["quiz_result"]["matches"]]
    declining = [c for c in listed if (c.meta.get("outlook") or {}).get("growth_pct", 0) < -1.0]
    assert declining, [c.id for c in listed]  # office work: some of its careers are shrinking
    for c in declining:
        line = next(line for line in reply.text.splitlines() if f" {c.title} (" in line)
        assert "projected to decline" in line, line


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the fifth blind round: no answer, or read against the enjoyment said
        ("I've always wanted to try that", 5),
        ("sounds fun but I have a bad back", 4),  # the body is not enjoyment: the test says so in its intro
        ("😍", 5),
        ("👍", 4),
        ("🤷", 3),
        ("👎", 2),
        ("🤮", 1),
        ("yuck", 1),
        ("ugh filing, no thanks", 2),
    ],
)
def test_answers_the_blind_round_missed_are_read(text, value):
    from bot.dialogue.quiz_reader import read_answer

    assert read_answer(text).value == value, text


def test_a_health_limit_alone_is_asked_again_for_enjoyment():
    from bot.dialogue.quiz_reader import read_answer

    assert read_answer("I have a bad back").kind == "access"
