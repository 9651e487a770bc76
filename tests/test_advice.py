"""Advice (docs/advice.md): rankings, fit, interests in words, moves, paths, explanations and the profile.

The logic runs over the real career pages (their front matter facts) and the O*NET tables in knowledge/facts; the
actions run against real trackers, as in tests/test_actions.py, with the real knowledge base and index."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import quiz
from bot.dialogue.advice import cues, figures, interests, moves, rankings, replies
from bot.dialogue.advice.explain import code_in, explain_code, explain_match
from bot.dialogue.advice.fit import fit, ranked_matches
from bot.dialogue.advice.person import Person, education_zone, strongest
from bot.dialogue.advice.replies import code_reply, my_interests_reply
from bot.dialogue.advice.roles import field_names, from_phrase, roles
from bot.knowledge.facts import career_facts
from bot.knowledge.pages import holland_code, load_careers

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def careers():
    return load_careers()


@pytest.fixture(scope="module")
def real_service():
    from bot.dialogue.service import load_service
    from bot.search.index import IndexMissing

    try:
        return load_service()
    except IndexMissing:
        pytest.skip("no search index: run `python -m bot build --no-train`")


@pytest.fixture()
def act(real_service, monkeypatch):
    """The action modules, serving the real knowledge base."""
    from actions import advice, careers, profile
    from actions import quiz as quiz_actions

    for module in (advice, careers, profile, quiz_actions):
        monkeypatch.setattr(module, "get_service", lambda: real_service)
    return advice


def tracker(text: str, intent: str, entities: list | None = None, slots: dict | None = None) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": "career", "value": v} if isinstance(v, str) else v for v in (entities or [])],
    }
    all_slots = {"career": None, "quiz": None, "profile": None, "ranking": None, "pending_fit": None, **(slots or {})}
    return Tracker("user", all_slots, message, [], False, None, {}, "action_listen")


def run(action, t: Tracker) -> tuple[list[dict], dict]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def action_class(act, name: str) -> type:
    """An action class by name, from actions.advice (the `act` fixture) or actions.careers."""
    from actions import careers as career_actions

    return getattr(act, name, None) or getattr(career_actions, name)


def finished_test(liked: str, zone: int | None = None) -> dict:
    """A finished career test: every item answered, 5 for the liked dimensions, 2 for the others."""
    answers = {i.id: 5 if i.dimension in liked else 2 for i in quiz.default_items()}
    return {**quiz.new_state(), "answers": answers, "order": list(answers), "done": True, "zone": zone}


# ---------------------------------------------------------------------------------------------------------------
# Rankings


@pytest.mark.parametrize(
    ("text", "by", "order", "filters"),
    [
        ("which careers pay the most?", "salary", "desc", {}),
        ("highest paying jobs without a degree", "salary", "desc", {"max_job_zone": 2}),
        ("healthcare jobs over 100k", None, None, {"cluster": "Health Science", "min_salary": 100000.0}),
        ("fastest growing jobs in IT", "growth", "desc", {"cluster": "Information Technology"}),
        ("most openings with only a certificate", "openings", "desc", {"levels": list(figures.BELOW_ASSOCIATE)}),
        ("well-paid jobs for creative people", "salary", None, {"interest": "A"}),
        ("lowest paying careers", "salary", "asc", {}),
        # the pay words belong to the filter: a new ranking then sorts by pay (the default), a refinement keeps its own
        ("jobs paying between 50k and 70k", None, None, {"min_salary": 50000.0, "max_salary": 70000.0}),
        ("only the ones paying more than 60k", None, None, {"min_salary": 60000.0}),
        ("what pays well if i dont have a degree", "salary", None, {"max_job_zone": 2}),
        ("quickest careers to get into that pay over 60k", "job_zone", "asc", {"min_salary": 60000.0}),
        ("careers you can start with almost no preparation", "job_zone", "asc", {}),
        ("jobs for people who like helping with lots of openings", "openings", None, {"interest": "S"}),
        ("jobs over $40 an hour", None, None, {"min_salary": 83200.0}),
        # "without a 4 year degree" allows an associate's or an apprenticeship (it was read as no degree at all)
        ("highest paying jobs without a 4 year degree", "salary", "desc", {"max_job_zone": 3}),
        ("best paid jobs without a bachelor's", "salary", "desc", {"max_job_zone": 3}),
    ],
)
def test_a_request_in_words_becomes_by_order_and_filters(text, by, order, filters):
    req = rankings.parse(text)
    assert (req.by, req.order, req.filters, req.unsupported) == (by, order, filters, None)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("least stressful jobs", "stress"),
        ("happiest careers", "happiness"),
        ("jobs with work-life balance", "work-life balance"),
        ("chillest jobs that still pay ok", "stress"),
        ("which jobs give you the most vacation days", "time off and benefits"),
        ("careers with the best benefits", "time off and benefits"),
        ("which of those can I do from home?", "remote work"),  # it listed physicians by pay
    ],
)
def test_what_the_facts_cannot_rank_is_said_plainly(text, what):
    assert rankings.parse(text).unsupported == what


def test_salary_ranking_uses_the_front_matter_in_order(careers):
    ranked = rankings.rank(careers, rankings.new_query(rankings.parse("which careers pay the most?")))
    for cid, value in zip(ranked.careers, ranked.values):
        s = careers[cid].meta["salary"]
        assert value == (round(s["median"] * 2080, 2) if s["period"] == "hour" else s["median"])
    assert ranked.values == sorted(ranked.values, reverse=True)
    assert ranked.left_out == sum(1 for c in careers.values() if not c.meta.get("salary"))
    assert set(ranked.careers) == {c.id for c in careers.values() if c.meta.get("salary")}


def test_without_a_degree_keeps_job_zone_2_and_entry_below_an_associate_degree(careers):
    ranked = rankings.rank(careers, rankings.new_query(rankings.parse("highest paying jobs without a degree")))
    expected = {
        c.id
        for c in careers.values()
        if c.education["job_zone"] <= 2 and c.education["level"] in figures.BELOW_ASSOCIATE and c.meta.get("salary")
    }
    assert set(ranked.careers) == expected and len(expected) > 20


def test_filters_cluster_pay_certificate_and_interest_are_respected(careers):
    q = rankings.new_query(rankings.parse("healthcare jobs over 100k"))
    ranked = rankings.rank(careers, q)
    assert ranked.careers and q.by == "salary"
    assert all(careers[c].cluster == "Health Science" and v >= 100000 for c, v in zip(ranked.careers, ranked.values))
    ranked = rankings.rank(careers, rankings.new_query(rankings.parse("most openings with only a certificate")))
    assert all(careers[c].education["level"] in figures.BELOW_ASSOCIATE for c in ranked.careers)
    assert ranked.values == sorted(ranked.values, reverse=True)
    assert ranked.values[0] == careers[ranked.careers[0]].meta["outlook"]["openings"]
    ranked = rankings.rank(careers, rankings.new_query(rankings.parse("fastest growing jobs in IT")))
    assert [careers[c].meta["outlook"]["growth_pct"] for c in ranked.careers] == ranked.values
    ranked = rankings.rank(careers, rankings.new_query(rankings.parse("well-paid jobs for creative people")))
    assert all("A" in holland_code(careers[c].riasec, 2) for c in ranked.careers)


def test_a_follow_up_refines_the_last_ranking():
    first = rankings.new_query(rankings.parse("fastest growing jobs in healthcare"))
    refined = rankings.refine(first, rankings.parse("and without a degree?"))
    assert (refined.by, refined.order) == ("growth", "desc")
    assert refined.filters == {"cluster": "Health Science", "max_job_zone": 2}
    resorted = rankings.refine(refined, rankings.parse("sort them by pay instead"))
    assert (resorted.by, resorted.order, resorted.filters) == ("salary", "desc", refined.filters)
    assert rankings.refine(resorted, rankings.parse("what about in IT?")).filters["cluster"] == "Information Technology"


def test_ranking_action_pages_refines_and_says_figures_with_year_and_source(act):
    messages, slots = run(act.ActionRankCareers(), tracker("which jobs pay the most?", "ask_ranking"))
    first = messages[0]["ranking"]
    assert first["by"] == "salary" and first["order"] == "desc" and len(first["careers"]) == rankings.PAGE
    assert "US median, May 2024, BLS" in messages[0]["text"] and "starting point" in messages[0]["text"]
    more, slots2 = run(
        act.ActionRankCareers(), tracker("show me more", "show_more", slots={"ranking": slots["ranking"]})
    )
    assert more[0]["ranking"]["careers"][0] not in first["careers"] and slots2["ranking"]["offset"] == rankings.PAGE
    refined, _ = run(act.ActionRankCareers(), tracker("and without a degree?", "refine_ranking", slots=slots))
    assert refined[0]["ranking"]["filters"] == {"max_job_zone": 2} and "without a degree" in refined[0]["text"]


def test_an_unanswerable_ranking_gives_no_list(act):
    [msg], slots = run(act.ActionRankCareers(), tracker("least stressful jobs", "ask_ranking"))
    assert msg["ranking"] is None and msg["unsupported"] == "stress" and "can't rank careers by stress" in msg["text"]
    assert slots == {}


@pytest.mark.parametrize(
    ("text", "career", "section"),
    [
        ("can I be a data analyst without a degree", "data-analyst", "education"),
        ("do electricians earn over 60k", "electrician", "salary"),
    ],
)
def test_a_ranking_that_names_one_career_and_no_list_is_about_that_career(act, text, career, section):
    """NLU may read these as a refinement with no list to refine: they ask about the career they name."""
    [msg], slots = run(act.ActionRankCareers(), tracker(text, "refine_ranking"))
    assert (msg["career"], msg["section"]) == (career, section) and "ranking" not in msg
    assert slots == {"career": career, "section": section}


def test_a_ranking_relative_to_one_career_is_still_a_ranking(act):
    [msg], _ = run(act.ActionRankCareers(), tracker("what pays more than a nurse?", "ask_ranking"))
    assert msg["ranking"] is not None and msg["ranking"]["by"] == "salary"


def test_which_pays_more_is_a_two_career_ranking(act, careers):
    from actions.careers import ActionCompareCareers

    t = tracker("which pays more, a plumber or an electrician?", "compare_careers", ["plumber", "electrician"])
    [msg], _ = run(ActionCompareCareers(), t)
    ranking = msg["ranking"]
    assert ranking["by"] == "salary" and ranking["filters"] == {"careers": ["plumber", "electrician"]}
    assert ranking["values"] == [careers[c].meta["salary"]["median"] for c in ranking["careers"]]
    assert ranking["values"] == sorted(ranking["values"], reverse=True)
    assert sorted(msg["compare"]) == ["electrician", "plumber"]
    t = tracker("does a nurse or a paramedic have better job growth?", "compare_careers", ["nurse", "paramedic"])
    [msg], _ = run(ActionCompareCareers(), t)
    assert msg["ranking"]["by"] == "growth"


# ---------------------------------------------------------------------------------------------------------------
# Fit


def test_fit_after_a_test_equals_the_tests_match_and_rank(careers):
    state = finished_test("IC", zone=3)
    scores = quiz.scores(state)
    everything = quiz.matches(scores, careers, None, limit=len(careers))
    for n in (0, 5, 100):
        career, pct = everything[n]
        f = fit(careers, career.id, Person(test_scores=scores, test_zone=3))
        assert (f.match, f.rank, f.of, f.basis) == (pct, n + 1, len(everything), "test")
    f = fit(careers, "actuary", Person(test_scores=scores, test_zone=3))
    assert f.shared + f.lacking == strongest(scores) and all(
        d in holland_code(careers["actuary"].riasec) for d in f.shared
    )
    assert f.zone_ok is False  # actuaries need job zone 4, the test's education answer was 3


def test_fit_before_a_test_offers_it_and_remembers_the_question(act):
    [msg], slots = run(act.ActionFit(), tracker("would I make a good nurse?", "ask_fit", ["nurse"]))
    rated = sum(1 for c in act.get_service().careers.values() if quiz.has_profile(c))
    assert msg["fit"] == {"career": "registered-nurse", "match": None, "rank": None, "of": rated, "basis": None}
    assert any(b["payload"].startswith("/start_quiz") for b in msg["buttons"])
    assert "Social" in msg["text"] and slots["pending_fit"] == "registered-nurse"


def test_the_test_result_is_followed_by_the_pending_fit_answer(act, careers):
    from actions.quiz import ActionQuiz

    state = {**finished_test("SI"), "done": False, "current": quiz.ZONE_QUESTION}
    t = tracker(
        '/quiz_answer{"quiz_value": "zone4"}',
        "quiz_answer",
        [{"entity": "quiz_value", "value": "zone4"}],
        slots={"quiz": state, "pending_fit": "registered-nurse"},
    )
    messages, slots = run(ActionQuiz(), t)
    result, answer = messages[-2], messages[-1]
    assert "quiz_result" in result and answer["fit"]["basis"] == "test"
    scores = result["quiz_result"]["scores"]
    everything = [(c.id, pct) for c, pct in quiz.matches(scores, careers, None, limit=len(careers))]
    rank = [c for c, _ in everything].index("registered-nurse") + 1
    assert (answer["fit"]["match"], answer["fit"]["rank"]) == (dict(everything)["registered-nurse"], rank)
    assert "You asked earlier" in answer["text"] and slots["pending_fit"] is None


# ---------------------------------------------------------------------------------------------------------------
# Interests in words


def test_math_and_programming_read_as_investigative():
    stated = interests.infer("I like math and programming")
    assert max(stated.scores, key=stated.scores.get) == "I" and stated.code and stated.code[0] == "I"
    assert stated.by_letter["I"] == ["math", "programming"]


def test_animals_and_outdoors_read_as_realistic():
    stated = interests.infer("I love animals and being outdoors")
    assert max(stated.scores, key=stated.scores.get) == "R" and stated.expressed == ["R"]


def test_engineering_reads_as_realistic_and_investigative_and_who_says_it_is_no_interest(act, careers):
    """ "I'm a woman who loves engineering" read Realistic alone ("woman who loves engineering") and matched
    groundskeepers and roofers."""
    stated = interests.infer("I'm a woman who loves engineering, which careers fit me?")
    assert stated.expressed == ["R", "I"] and stated.phrases == ["engineering"], stated
    [msg], _ = run(act.ActionInterests(), tracker("I'm a woman who loves engineering", "tell_interests"))
    assert "woman" not in msg["text"]
    top = [m["career"] for m in msg["interests_match"]["matches"]]
    assert sum("engineer" in careers[c].title.lower() for c in top) >= 3, top  # was none (groundskeeper, roofer)


def test_careers_about_what_was_named_come_first_best_fit_first(act, careers):
    """ "I love animals and being outdoors" listed groundskeepers and roofers (the Realistic profile) and named the
    animal careers last, in passing."""
    [msg], slots = run(act.ActionInterests(), tracker("I love animals and being outdoors", "tell_interests"))
    about = msg["interests_match"]["topical"]
    assert about and sum("animal" in careers[c].title.lower() or c == "zookeeper" for c in about) >= 3, about
    first, profile = msg["text"].index("Careers about what you named"), msg["text"].index("interest profiles fit")
    assert first < profile and msg["buttons"][1]["title"] == careers[about[0]].title
    assert set(about) <= set(slots["ranking"]["careers"])  # "which of those ..." covers them too


def test_a_dislike_lowers_an_interest_and_unsaid_ones_stay_neutral():
    stated = interests.infer("I hate selling but I love science")
    assert stated.scores["E"] < interests.NEUTRAL < stated.scores["I"] and stated.disliked == ["selling"]
    assert stated.scores["A"] == interests.NEUTRAL


@pytest.mark.parametrize(
    "text, liked, disliked",
    [
        ("I like art but I'm not good at drawing", "A", []),  # ability is no dislike
        ("I'm bad at math but I love science", "I", []),
        ("I like art but I hate drawing", "A", ["drawing"]),  # some art is liked: the dislike does not cancel it
        ("I love animals, not sure what to do though", "R", []),  # doubt is no dislike
    ],
)
def test_ability_and_doubt_are_no_dislike_and_a_liked_kind_of_work_stays_liked(text, liked, disliked):
    stated = interests.infer(text)
    assert stated.expressed == [liked] and stated.disliked == disliked
    assert min(stated.scores.values()) == interests.NEUTRAL


def test_something_to_avoid_no_interest_stands_for_is_said_not_dropped(act):
    """ "I don't want to sit at a desk all day" was dropped without a word while the list was all desk jobs."""
    text = "I like math and I'm good with computers but I don't want to sit at a desk all day"
    assert interests.infer(text).unplaced == ["sit at a desk all day"]
    [msg], _ = run(act.ActionInterests(), tracker(text, "tell_interests"))
    assert 'rather avoid ("sit at a desk all day") is no interest I can score' in msg["text"]
    assert '"Where they work"' in msg["text"]
    [msg], _ = run(act.ActionInterests(), tracker("I don't want to be stuck in an office", "tell_interests"))
    assert "stuck in an office" in msg["text"] and msg["interests_match"]["matches"] == []


def test_interests_action_names_only_what_was_said_and_remembers_it(act, careers):
    [msg], slots = run(act.ActionInterests(), tracker("I like math and programming", "tell_interests"))
    match = msg["interests_match"]
    assert match["code"] == "IC" and match["matches"] and match["scores"]["I"] == max(match["scores"].values())
    lines = [line for line in msg["text"].splitlines() if line[:1].isdigit()]
    reasons = [line.split("):", 1)[-1] for line in lines]  # a title may itself hold such a word
    assert all("Artistic" not in r and "Social" not in r for r in reasons)
    assert slots["profile"]["interests"] == match["scores"] and slots["profile"]["interests_text"] == [
        "math",
        "programming",
    ]
    assert any(b["payload"] == "/start_quiz" for b in msg["buttons"])
    [msg], _ = run(
        act.ActionInterests(),
        tracker("I'm creative and like helping people", "tell_interests", slots={"quiz": finished_test("IC")}),
    )
    assert msg["interests_match"]["basis"] == "blend" and "2/3 test" in msg["text"]


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        ("ActionExploreCareers", "what jobs are good for introverts?", "explore_careers"),
        ("ActionExploreCareers", "I don't like people, what jobs are there?", "explore_careers"),
        ("ActionRankCareers", "highest paying jobs for shy people", "ask_ranking"),
        # listed a speech-language pathologist, a telemarketer and a receptionist
        ("ActionExploreCareers", "jobs that don't need much talking to people", "explore_careers"),
    ],
)
def test_jobs_for_introverts_get_no_list_that_only_sounds_right(act, action, text, intent):
    """The search listed school counselors and receptionists for introverts (it cannot read the negation), and no
    fact we rank by measures working with people: an honest reply and the test instead."""
    cls = action_class(act, action)
    [msg], _ = run(cls(), tracker(text, intent))
    assert msg["unsupported"] == "working with people" and msg["ranking"] is None, msg
    assert "career test" in msg["text"] and [b["payload"] for b in msg["buttons"]] == ["/start_quiz"]


def test_careers_that_fit_me_asked_with_interests_reads_them(act):
    """ "I love animals and being outside, what careers fit me?" tells the interests it asks about: they are read
    (the message once went to the ranking, which answered "I need your interests first")."""
    [msg], slots = run(
        act.ActionRankCareers(), tracker("I love animals and being outside, what careers fit me?", "ask_ranking")
    )
    match = msg["interests_match"]
    assert match["code"] == "R" and match["matches"] and slots["profile"]["interests_text"] == ["animals", "outside"]
    [msg], slots = run(act.ActionRankCareers(), tracker("which careers match me best?", "ask_ranking"))
    assert "interests_match" not in msg and "career test" in msg["text"] and not slots


# ---------------------------------------------------------------------------------------------------------------
# Moves and paths


def test_moves_exclude_the_source_and_the_same_job(careers):
    model = moves.skill_model(careers)
    found = [m.career for m in moves.moves(model, "registered-nurse")]
    codes = set(careers["registered-nurse"].meta["onet"])
    assert found and "registered-nurse" not in found
    assert not any(codes & set(careers[c].meta.get("onet") or []) for c in found)
    assert "licensed-practical-nurse" not in found  # another nurse in the same cluster: the same job
    teachers = [m.career for m in moves.moves(model, "high-school-teacher", limit=10)]
    assert not any(careers[c].title.endswith("Teacher") for c in teachers)


def test_careers_without_ratings_borrow_from_the_closest_rated_occupation_and_say_so(act, careers):
    model = moves.skill_model(careers)
    r = model.ratings["machine-learning-engineer"]
    assert r.borrowed and r.codes and career_facts("machine-learning-engineer").onet == ()
    [msg], slots = run(
        act.ActionMoves(), tracker("I'm an ML engineer, what else could I do?", "ask_moves", ["ML engineer"])
    )
    assert msg["moves"]["from"] == "machine-learning-engineer" and "has no skill ratings" in msg["text"]
    assert slots["profile"]["current_job"] == "machine-learning-engineer"


def test_moves_from_a_generic_name_start_from_one_of_its_careers(act):
    [msg], _ = run(act.ActionMoves(), tracker("I'm a teacher, what else could I do?", "ask_moves", ["teacher"]))
    assert msg["moves"]["from"].endswith("teacher") and "covers several careers" in msg["text"]
    assert not any(c.endswith("-teacher") for c in msg["moves"]["careers"])


def test_a_path_names_both_careers_and_real_skill_gaps(act, careers):
    text = "I'm a data analyst, how can I become a machine learning engineer?"
    [msg], _ = run(act.ActionPath(), tracker(text, "ask_path", ["data analyst", "machine learning engineer"]))
    path = msg["path"]
    assert (path["from"], path["to"]) == ("data-analyst", "machine-learning-engineer")
    assert "Data Analyst" in msg["text"] and "Machine Learning Engineer" in msg["text"]
    model = moves.skill_model(careers)
    a, b = model.ratings["data-analyst"].skills, model.ratings["machine-learning-engineer"].skills
    assert path["skills_to_build"] and all(b[s][0] >= 3 and b[s][1] > a[s][1] for s in path["skills_to_build"])
    assert all(a[s][1] >= b[s][1] - 0.5 and a[s][0] >= 3 for s in path["shared_skills"])
    assert not {"data-analyst", "machine-learning-engineer"} & set(path["via"])


def test_the_typical_route_names_each_step_bls_gives(careers):
    from bot.dialogue.training_time import how_long_line

    line = how_long_line(careers["electrician"]) or ""
    assert "a high school diploma or equivalent" in line and "then an apprenticeship" in line
    line = how_long_line(careers["welder"]) or ""
    assert "moderate-term on-the-job training (1 to 12 months)" in line
    assert sum(how_long_line(c) is not None for c in careers.values()) >= 0.95 * len(careers)


def test_how_long_it_takes_adds_the_typical_route_and_its_length(act):
    """ "how long does it take to become a nurse?" got the education section alone, which names no length."""
    from actions import careers as career_actions

    t = tracker("how long does it take to become a nurse?", "ask_education", ["nurse"])
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["section"] == "education"
    assert (
        "How long: the typical route BLS gives for registered nurses is a bachelor's degree (about 4 years"
        in (msg["text"])
    )
    [msg], _ = run(career_actions.ActionAnswerCareer(), tracker("how do I become a nurse?", "ask_education", ["nurse"]))
    assert "How long" not in msg["text"]


def test_stepping_stones_are_near_both_ends(careers):
    """ "I'm a CNA, can I become an RN?" named Animal Trainer as a stepping stone (close skill ratings alone), and
    not licensed practical nurse (the same job zone as a registered nurse, with a lower typical entry)."""
    model = moves.skill_model(careers)
    via = moves.path(model, "nursing-assistant", "registered-nurse").via
    assert via[0] == "licensed-practical-nurse" and "animal-trainer" not in via, via
    for cid in via:
        c = careers[cid]
        assert c.cluster in (careers["nursing-assistant"].cluster, careers["registered-nurse"].cluster)


def test_a_path_question_naming_one_career_gets_how_to_become_it(act):
    [msg], slots = run(act.ActionPath(), tracker("how do I become an electrician?", "ask_path", ["electrician"]))
    assert (msg["career"], msg["section"]) == ("electrician", "education") and slots["career"] == "electrician"


def test_an_education_question_from_one_career_to_another_is_a_path(act):
    from actions.careers import ActionAnswerCareer

    t = tracker("I'm a cashier, how do I become an accountant?", "ask_education", ["cashier", "accountant"])
    [msg], _ = run(ActionAnswerCareer(), t)
    assert (msg["path"]["from"], msg["path"]["to"]) == ("cashier", "accountant")
    [msg], _ = run(ActionAnswerCareer(), tracker("how do I become an accountant?", "ask_education", ["accountant"]))
    assert (msg["career"], msg["section"]) == ("accountant", "education")


def test_who_is_from_and_who_is_to(real_service):
    find = real_service.resolver.find_spans
    for text, expected in [
        ("how does a nurse become a nurse practitioner?", ("registered-nurse", "nurse-practitioner")),
        ("path from cashier to accountant", ("cashier", "accountant")),
        ("how can I become an accountant as a cashier", ("cashier", "accountant")),
        ("how do I become an electrician?", (None, "electrician")),
    ]:
        assert roles(text, find(text, 3)) == expected
    assert from_phrase("I want to switch careers from teaching") == "teaching"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "I got laid off from the auto plant after 20 years on the assembly line. what else can I do?",
            "assembly line worker",
        ),
        ("I worked in a warehouse for 5 years, what else could I do?", "warehouse worker"),
        ("15 years in retail, what else can I do?", "retail worker"),
        ("I was laid off last week", None),
        ("I'm a teacher, what else could I do?", "teacher"),
    ],
)
def test_a_job_named_by_where_it_was_done_is_where_moves_start(text, phrase):
    """A laid-off assembly-line worker's "what else can I do?" got a search list of assemblers and their declining
    outlook: the place of work names the job, and losing one's job asks for moves."""
    assert from_phrase(text) == phrase


def test_education_told_with_a_request_for_work_gets_the_jobs_too(act, careers):
    from bot.dialogue.answers import NO_DEGREE_LEVELS

    """ "hello, my english is not good. I want work in hospital, no have university" got "I didn't catch your level of
    education" and nothing else."""
    text = "hello, my english is not good. I want work in hospital, no have university"
    assert education_zone(text) == 2 and rankings.parse(text).filters["max_job_zone"] == 2
    msgs, slots = run(act.ActionProfile(), tracker(text, "tell_education"))
    assert slots["profile"]["zone"] == 2 and "Noted" in msgs[0]["text"]
    listed = msgs[1]["explore"]
    assert listed and all(careers[c].education.get("level") in NO_DEGREE_LEVELS for c in listed), listed
    assert msgs[1]["text"].startswith("Some careers that fit and need no degree")
    [msg], _ = run(act.ActionProfile(), tracker("I only have a high school diploma", "tell_education"))
    assert "explore" not in msg  # education alone: noted, no list


@pytest.mark.parametrize(
    ("action", "text", "intent", "entities"),
    [
        ("ActionRankCareers", "what jobs are similar to that", "ask_ranking", []),
        ("ActionExploreCareers", "jobs like that?", "explore_careers", []),
        ("ActionFallbackSearch", "any jobs kind of like that?", "nlu_fallback", []),
        ("ActionMoves", "what jobs are similar to a pharmacist", "ask_moves", ["pharmacist"]),
        # NLU read a comparison: it asked "Which two careers should I compare?" (seen in the Rasa shell)
        ("ActionCompareCareers", "which jobs are similar to a pharmacist?", "compare_careers", ["pharmacist"]),
    ],
)
def test_careers_like_one_are_similar_careers_not_a_search_or_the_persons_moves(act, action, text, intent, entities):
    """ "what jobs are similar to that?" after a pharmacist's duties ranked all careers by pay; "jobs like that?" got
    a search list (logistics managers); "similar to a content creator" said "what you do as a Content Creator" to a
    teenager and remembered it as their job."""
    cls = action_class(act, action)
    [msg], slots = run(cls(), tracker(text, intent, entities, slots={"career": "pharmacist"}))
    assert msg["moves"]["from"] == "pharmacist" and msg["moves"]["similar"] is True, msg
    assert msg["text"].startswith("Careers similar to Pharmacist") and "what you do as" not in msg["text"]
    assert "profile" not in slots and slots["career"] == "pharmacist"
    assert slots["ranking"]["similar"] is True  # "show me more" pages the same list
    [more], _ = run(act.ActionRankCareers(), tracker("show me more", "show_more", slots={"ranking": slots["ranking"]}))
    assert more["moves"]["offset"] == 5 and more["text"].startswith("Careers similar to Pharmacist")


def test_college_or_trade_school_in_general_gets_pay_by_route_not_a_guess(act, careers):
    """ "which is better, college or trade school?" got "I don't have a page called 'school'"."""
    from bot.dialogue.advice.routes import routes

    fallback = action_class(act, "ActionFallbackSearch")
    [msg], _ = run(fallback(), tracker("which is better, college or trade school?", "nlu_fallback"))
    assert msg["help_topic"] == "college_or_trade" and msg["text"].startswith("Neither is better for everyone")
    found = {p.route: p for p in routes(careers).pay}
    assert set(found) == {"trade", "associate", "bachelor"} and found["trade"].occupations >= 40
    assert found["trade"].median_pay < found["bachelor"].median_pay
    for p in found.values():
        assert f"{p.occupations} occupations, middle pay {figures.money(p.median_pay, 'year')} a year" in msg["text"]
    # one career named: its own education section
    text = "should I go to college or trade school to become an electrician?"
    [msg], _ = run(action_class(act, "ActionAnswerCareer")(), tracker(text, "ask_education", ["electrician"]))
    assert (msg["career"], msg["section"]) == ("electrician", "education") and "help_topic" not in msg


def test_ai_and_automation_get_no_list_and_an_honest_line_about_one_career(act):
    """ "what jobs are safe from AI?" listed AI Safety Researchers and AI Engineers (the search matched "AI");
    "will AI replace accountants?" got the outlook with nothing on AI."""
    explore = action_class(act, "ActionExploreCareers")
    [msg], _ = run(explore(), tracker("what jobs are safe from AI?", "explore_careers"))
    assert msg["unsupported"] == "the risk of automation" and msg["ranking"] is None, msg
    answer = action_class(act, "ActionAnswerCareer")
    text = "Will AI replace accountants?"
    [msg], _ = run(answer(), tracker(text, "ask_outlook", ["accountants", "AI replace", "accountants"]))
    assert (msg["career"], msg["section"]) == ("accountant", "outlook") and "no figure I have measures" in msg["text"]
    [msg], _ = run(answer(), tracker("what's the outlook for accountants?", "ask_outlook", ["accountants"]))
    assert "AI" not in msg["text"]
    assert rankings.parse("safest jobs").unsupported == "safety"


def test_a_path_asked_with_how_long_adds_the_typical_route(act):
    text = "I'm a nurse, how do I become a nurse practitioner and how long will it take?"
    [msg], _ = run(act.ActionPath(), tracker(text, "ask_path", ["nurse", "nurse practitioner"]))
    assert msg["path"]["to"] == "nurse-practitioner" and "How long: the typical route BLS gives" in msg["text"], msg
    text = "I'm a nurse, how do I become a nurse practitioner?"
    [msg], _ = run(act.ActionPath(), tracker(text, "ask_path", ["nurse", "nurse practitioner"]))
    assert "How long" not in msg["text"]


def test_a_ranking_without_a_degree_says_which_careers_need_years_of_related_work_first(careers):
    """ "highest paying jobs without a degree" put Police Sergeant first with no word that it takes years as an
    officer (BLS: work experience in a related occupation)."""
    query = rankings.new_query(rankings.parse("highest paying jobs without a degree"))
    ranked = rankings.rank(careers, query)
    text = replies.ranking_reply(careers, ranked, 0).text
    line = next(x for x in text.splitlines() if x.startswith("1. Police Sergeant"))
    assert line.endswith("usually after some experience (under 5 years) in a related job (BLS)"), line
    assert sum("usually after" in x for x in text.splitlines()) < 5  # not every line
    plain = replies.ranking_reply(
        careers, rankings.rank(careers, rankings.new_query(rankings.parse("top paying jobs")))
    )
    assert "usually after" not in plain.text


def test_words_asking_for_similar_careers_or_to_become_one():
    from bot.dialogue.advice.cues import SIMILAR, WANT_TO_BECOME

    similar = ["what jobs are similar to that", "jobs like that?", "jobs like a pharmacist", "alternatives to nursing"]
    assert all(SIMILAR.search(t) for t in similar)
    assert not any(SIMILAR.search(t) for t in ["jobs related to animals", "i like that", "what careers do you like"])
    become = [
        "i want to be a youtuber",
        "i'd like to become a nurse",
        "i'm going to be a doctor",
        "i would love to be a vet",
    ]
    assert all(WANT_TO_BECOME.search(t) for t in become)
    assert not any(WANT_TO_BECOME.search(t) for t in ["i like being a nurse", "i want a job", "being a nurse is hard"])


def test_two_careers_said_to_be_similar_are_still_compared(act):
    compare = action_class(act, "ActionCompareCareers")
    text = "is a nurse similar to a paramedic?"
    [msg], _ = run(compare(), tracker(text, "compare_careers", ["nurse", "paramedic"]))
    assert msg["compare"] == ["registered-nurse", "paramedic"], msg


def test_i_want_to_be_a_name_nlu_does_not_know_is_how_to_become_one(act):
    [msg], _ = run(action_class(act, "ActionFallbackSearch")(), tracker("i want to be a youtuber", "nlu_fallback"))
    assert (msg["career"], msg["section"]) == ("content-creator", "education") and "not sure" not in msg["text"]


def test_a_fit_question_read_as_why_a_career_is_listed_is_fit(act):
    """ "am I suited to real estate" (NLU: explain_match) got why a career would be on the list."""
    slots = {"quiz": finished_test("ESC")}
    [msg], _ = run(
        act.ActionExplain(), tracker("am I suited to a career as a sommelier", "explain_match", ["sommelier"], slots)
    )
    assert msg["fit"]["career"] == "sommelier", msg
    # a field, not a career: which one, each button asking the fit
    [msg], _ = run(act.ActionExplain(), tracker("am I suited to real estate", "explain_match", ["real estate"], slots))
    assert msg["suggestions"][0] == "real-estate-agent" and msg["buttons"][0]["payload"].startswith("/ask_fit"), msg
    text = "why is real estate agent on my list"
    [msg], _ = run(act.ActionExplain(), tracker(text, "explain_match", ["real estate agent"], slots))
    assert "fit" not in msg


def test_a_fit_question_naming_a_field_is_about_its_career(act):
    """ "is ux design a good fit for me?" (NLU tagged nothing) asked "Which career do you mean?"."""
    slots = {"profile": {"interests": {"R": 3, "I": 3, "A": 6.5, "S": 6.5, "E": 3, "C": 3}}}
    [msg], _ = run(act.ActionFit(), tracker("is ux design a good fit for me?", "ask_fit", slots=slots))
    assert msg["fit"]["career"] == "ux-designer", msg
    assert field_names("would graphic design suit me") == ["would graphic designer", "graphic designer"]


def test_how_to_get_started_read_as_fit_is_how_to_get_in(act):
    """ "how do I get started as the first one?" after a ranking (NLU: ask_fit) got "whether a Solar Installer suits
    you depends on what you enjoy"."""
    [msg], _ = run(
        act.ActionFit(), tracker("how do I get started as a solar installer?", "ask_fit", ["solar installer"])
    )
    assert (msg["career"], msg["section"]) == ("solar-installer", "education")
    [msg], _ = run(act.ActionFit(), tracker("would I be good as a solar installer?", "ask_fit", ["solar installer"]))
    assert "fit" in msg and "section" not in msg


def test_a_worn_out_body_asks_for_moves_and_hears_what_the_list_cannot_weigh(act):
    """NLU read this as interests told and the reply said it could not tell what the person enjoys; the moves came
    without a word on the bad back they cannot account for."""
    text = "I'm 45 and I've been a truck driver for 20 years. My back is giving out. What could I do instead?"
    [msg], _ = run(act.ActionInterests(), tracker(text, "tell_interests", ["truck driver"]))
    assert msg["moves"]["from"] == "truck-driver" and "don't measure how physically demanding" in msg["text"]
    [msg], _ = run(
        act.ActionMoves(), tracker("I'm a truck driver, what else could I do?", "ask_moves", ["truck driver"])
    )
    assert msg["moves"]["from"] == "truck-driver" and "physically" not in msg["text"]


# ---------------------------------------------------------------------------------------------------------------
# Explanations


def test_a_code_is_explained_letter_by_letter():
    assert (
        code_in("I got IRC on the test, what does that mean?") == "IRC" and code_in("what is a Holland code?") is None
    )
    reply = code_reply(explain_code("IRC", None))
    assert reply.metadata["explain"]["letters"] == ["I", "R", "C"]
    listed = reply.text.split("IRC means:")[1]
    assert listed.index("Investigative") < listed.index("Realistic") < listed.index("Conventional")


def test_ties_are_said_as_ties():
    scores = {"R": 3.0, "I": 6.0, "A": 2.0, "S": 3.0, "E": 2.0, "C": 6.0}
    reply = code_reply(explain_code(None, scores))
    assert reply.metadata["explain"]["code"] == "ICR" and reply.metadata["explain"]["ties"][0] == ["I", "C"]
    assert "tie" in reply.text
    mine = my_interests_reply(scores, "test")
    assert "tied with Conventional" in mine.text and "tied with Investigative" in mine.text


def test_why_a_career_is_on_the_list_names_only_strong_interests(careers):
    scores = {"R": 2.0, "I": 6.5, "A": 3.9, "S": 2.0, "E": 2.0, "C": 5.5}
    ranked = [(c.id, pct) for c, pct in ranked_matches(scores, careers)]
    e = explain_match("actuary", careers["actuary"].riasec, scores, ranked, ["actuary"])
    assert e.on_list and e.named and all(scores[d] >= 4.0 and d in "IC" for d in e.named)
    assert e.match == dict(ranked)["actuary"]


# ---------------------------------------------------------------------------------------------------------------
# Profile


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("I only have a high school diploma", 2),
        ("I have a bachelor's degree", 4),
        # the fifth blind round: "Noted: I'll take a bachelor's degree" for these
        ("not a 4 year degree", 3),
        ("no! I said NOT a 4 year degree", 3),
        ("nothing more than a 2 year degree", 3),
        ("I don't really want to do four more years of school", 3),
        ("I can't go to college", 2),
        ("I have a master's in biology", 5),
        ("I have an associate's degree", 3),
        ("nice weather today", None),
    ],
)
def test_education_in_words(text, zone):
    assert education_zone(text) == zone


def test_profile_is_shown_then_forgotten(act):
    profile = {"current_job": "cashier", "interests": None, "interests_text": [], "zone": 2}
    [msg], _ = run(
        act.ActionProfile(), tracker("what do you know about me?", "show_profile", slots={"profile": profile})
    )
    assert msg["profile"] == profile and "Cashier" in msg["text"]
    slots = {"profile": profile, "quiz": finished_test("R"), "ranking": {"by": "salary"}, "pending_fit": "welder"}
    for text in ("forget me", "ok now forget all that"):
        [msg], cleared = run(act.ActionProfile(), tracker(text, "forget_me", slots=slots))
        assert msg["profile"] is None
        assert cleared == {"profile": None, "quiz": None, "ranking": None, "pending_fit": None}


@pytest.mark.parametrize(
    "text", ["you have information for Germany?", "why you forget my education??", "forget that, what about nurses?"]
)
def test_nothing_is_forgotten_without_words_that_ask_it(act, text):
    """NLU read "you have information for Germany?" as forget_me (0.43), and the education, interests and test
    answers were wiped without a word asked; so was a complaint that something had been forgotten."""
    profile = {"current_job": "cashier", "interests": None, "interests_text": [], "zone": 2}
    messages, slots = run(act.ActionProfile(), tracker(text, "forget_me", slots={"profile": profile}))
    assert "profile" not in slots and "quiz" not in slots, slots
    assert messages and not any("forgotten" in (m.get("text") or "") for m in messages), messages


def test_an_answer_taken_back_mid_test_goes_back_and_keeps_the_test(act):
    """Twenty answers in, "wait I meant I'd hate that, I said it wrong" (NLU: forget_me) wiped the test."""
    items = quiz.default_items()
    state = {**quiz.new_state(), "answers": {i.id: 4 for i in items[:20]}, "order": [i.id for i in items[:20]]}
    state["current"] = items[20].id
    messages, slots = run(
        act.ActionProfile(), tracker("wait I meant I'd hate that, I said it wrong", "forget_me", slots={"quiz": state})
    )
    assert slots["quiz"] is not None and len(slots["quiz"]["answers"]) == 19, slots
    assert slots["quiz"]["current"] == items[19].id and messages, messages


def test_back_in_an_answer_is_no_command_to_go_back(act):
    """ "sounds fun but I have a bad back" (NLU: quiz_back) undid the previous answer."""
    items = quiz.default_items()
    state = {**quiz.new_state(), "answers": {i.id: 4 for i in items[:20]}, "order": [i.id for i in items[:20]]}
    state["current"] = items[20].id
    _, slots = run(act.ActionQuiz(), tracker("sounds fun but I have a bad back", "quiz_back", slots={"quiz": state}))
    assert slots["quiz"]["answers"][items[20].id] == 4 and len(slots["quiz"]["answers"]) == 21, slots
    _, slots = run(act.ActionQuiz(), tracker("oops, go back", "quiz_back", slots={"quiz": state}))
    assert len(slots["quiz"]["answers"]) == 19, slots


def test_education_told_mid_test_answers_the_tests_education_question(act):
    state = {**finished_test("A"), "done": False, "current": quiz.ZONE_QUESTION}
    messages, slots = run(
        act.ActionProfile(), tracker("I have a bachelor's degree", "tell_education", slots={"quiz": state})
    )
    assert "quiz_result" in messages[-1] and slots["quiz"]["zone"] == 4 and slots["quiz"]["done"]


# ---------------------------------------------------------------------------------------------------------------
# Advice words whatever the intent (bot/dialogue/advice/cues.py)


@pytest.mark.parametrize(
    ("text", "named", "kind"),
    [
        ("could I be a good graphic designer", 1, "fit"),
        ("would I make a decent sales manager", 1, "fit"),
        ("is nursing a good fit for someone like me", 1, "fit"),
        ("could I be a mechanical engineer according to my test", 1, "fit"),
        ("what about being a chef, would that work for me?", 1, "fit"),
        ("how can a bank teller become a financial analyst", 2, "path"),
        ("medical assistant to registered nurse, what's the path?", 2, "path"),
        ("what can a paralegal move into", 1, "moves"),
        ("what jobs suit someone who used to be a nurse", 1, "moves"),
        ("what careers can a software engineer switch to", 1, "moves"),
        ("I'm a teacher wanting a change, any ideas?", 1, "moves"),
        ("I'm a police officer thinking of leaving the force, what are my options?", 1, "moves"),
        ("how does a line cook work up to being a chef", 2, "path"),
        ("wud i make a good zookeper", 1, "fit"),
        ("I got laid off from the auto plant, what else can I do?", 0, "moves"),
        ("I was made redundant last month", 0, "moves"),
        ("lost my job at the warehouse, any ideas", 0, "moves"),
        ("which jobs are least likely to be laid off?", 0, None),
        ("I've been a truck driver for 20 years, what could I do instead?", 1, "moves"),
        ("I'm a nurse and I can't do this job anymore", 1, "moves"),
        ("what does a nurse do?", 1, None),
        ("how much does a welder earn?", 1, None),
        ("do paramedics change shifts often?", 1, None),
        ("compare a nurse and a paramedic", 2, None),
    ],
)
def test_advice_words_pick_the_advice_action(text, named, kind):
    assert cues.advice_kind(text, named) == kind


def test_interest_types_named_by_word_and_lists_referred_to():
    assert cues.type_names("whats the difference between enterprising and social") == ["E", "S"]
    assert cues.type_names("am I more investigative or more artistic?") == ["I", "A"]
    assert cues.type_names("what does a social worker do?") == ["S"]
    assert cues.refers_to_list("which of those have the most openings") and not cues.refers_to_list("top jobs")


@pytest.mark.parametrize(
    ("first", "then", "by", "filters"),
    [
        (
            "which jobs have the most openings?",
            "only the ones paying more than 60k",
            "openings",
            {"min_salary": 60000.0},
        ),
        ("best paying jobs with no degree", "which of those have the most openings", "openings", {"max_job_zone": 2}),
    ],
)
def test_a_follow_up_about_the_list_refines_it_whatever_the_intent(act, first, then, by, filters):
    _, slots = run(act.ActionRankCareers(), tracker(first, "ask_ranking"))
    msgs, after = run(act.ActionRankCareers(), tracker(then, "ask_ranking", slots=slots))
    assert after["ranking"]["by"] == by and after["ranking"]["filters"] == filters, after
    assert msgs[0]["ranking"]["by"] == by


def test_a_question_nlu_was_unsure_of_after_a_ranking_refines_it(act):
    from actions.careers import ActionFallbackSearch

    _, slots = run(act.ActionRankCareers(), tracker("highest paying jobs", "ask_ranking"))
    msgs, after = run(ActionFallbackSearch(), tracker("and the lowest paid?", "nlu_fallback", slots=slots))
    assert after["ranking"]["by"] == "salary" and after["ranking"]["order"] == "asc"
    assert msgs[0]["ranking"]["order"] == "asc"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("what pays well if i dont have a degree", "ranking"),  # pay with a filter: a ranking
        ("I tinker with motors and fix up old engines", "interests_match"),  # interests in the person's words
    ],
)
def test_a_question_nlu_was_unsure_of_is_answered_by_what_its_words_ask(act, text, key):
    from actions.careers import ActionFallbackSearch

    [msg], _ = run(ActionFallbackSearch(), tracker(text, "nlu_fallback"))
    assert msg.get(key), msg


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("could I be a mechanical engineer according to my test", "my_interests"),
        ("wud i make a good zookeper", "ask_overview"),
    ],
)
def test_fit_words_get_a_fit_answer_whatever_the_intent(act, text, intent):
    from actions.careers import ActionAnswerCareer

    action = act.ActionExplain() if intent == "my_interests" else ActionAnswerCareer()
    msgs, _ = run(action, tracker(text, intent, slots={"quiz": finished_test("RI")}))
    assert msgs[0].get("fit"), msgs[0]


@pytest.mark.parametrize(
    ("text", "ranked"),
    [
        ("good money jobs with no degree", True),  # pay with a filter: a ranking
        ("careers you can start with almost no preparation", True),  # preparation: ranked by job zone
        ("jobs for people who like helping with lots of openings", True),
        ("careers in finance and money", False),  # "money" alone is a topic
        ("which jobs let me work with animals?", False),
    ],
)
def test_an_open_question_that_names_a_fact_to_rank_by_is_ranked(act, text, ranked):
    from actions.careers import ActionExploreCareers

    msgs, _ = run(ActionExploreCareers(), tracker(text, "explore_careers"))
    assert ("ranking" in msgs[0]) == ranked and ("explore" in msgs[0]) != ranked, msgs[0].get("text")


def test_fit_read_as_a_personality_question_is_fit_only_when_interests_are_known(act, careers):
    """With no test or interests told, who it suits is all we can say; a second message says how to learn the fit
    (it was missing: "would I enjoy being a paramedic?" got the page's line and nothing about the person)."""
    from actions.careers import ActionAnswerCareer

    question = "am I a good fit for accounting if I like order"
    [msg, offer], slots = run(ActionAnswerCareer(), tracker(question, "ask_personality", ["accounting"]))
    assert msg.get("section") == "personality" and "fit" not in msg
    assert offer["fit"] == {"career": "accountant", "match": None, "rank": None, "of": len(careers), "basis": None}
    assert "career test" in offer["text"] and slots["pending_fit"] == "accountant"
    quiz_slot = finished_test("C")
    msgs, _ = run(ActionAnswerCareer(), tracker(question, "ask_personality", ["accounting"], {"quiz": quiz_slot}))
    assert msgs[0]["fit"]["career"] == "accountant" and msgs[0]["fit"]["basis"] == "test"


# ---------------------------------------------------------------------------------------------------------------
# Careers asked for by who someone is (bot/dialogue/advice/groups.py)

GROUP_QUESTIONS = [
    ("best jobs for women", "gender"),
    ("what jobs are good for girls", "gender"),
    ("As a woman, which careers pay well?", "gender"),
    ("careers for older workers", "age"),
    ("jobs for a 16 year old", "age"),
    ("as a teenager what jobs can I do", "age"),
    ("good jobs for immigrants", "origin"),
    ("careers for black people", "background"),
    # the fifth blind round: lists of teachers for "Black students", of receptionists for "gay men", of careers
    # treating autism for an autistic student, "no page called 'old woman'", Customs Broker for a girl from Mexico
    ("what jobs suit Black students?", "background"),
    ("good careers for Asian kids", "background"),
    ("jobs for gay men", "gender"),
    ("my student is autistic, what jobs suit him?", "disability"),
    ("what should a 50 year old woman do for work", "age"),
    ("My student is 17 and from Mexico, what jobs suit her?", "age"),
    ("What jobs are good for someone who is 60?", "age"),
    ("I'm deaf, can I be a nurse?", "disability"),
    ("I have epilepsy, can I be a truck driver?", "disability"),
    ("jobs for disabled people", "disability"),
    ("jobs for someone in a wheelchair", "disability"),
    ("jobs for people with ADHD", "disability"),
    ("I have a disability, which careers could I do?", "disability"),
    ("jobs for single moms", "family"),
    ("what jobs can I do with a criminal record", "record"),
    ("careers for ex-offenders", "record"),
    ("I have a felony, can I become a nurse?", "record"),
    ("can I become a nurse with a criminal record?", "record"),
    ("I was in prison, can I be a teacher?", "record"),
    ("am I too old to learn coding", "age"),
    ("is it too late to become a doctor at 40", "age"),
    ("I'm 45, is it too late to become a nurse?", "age"),
    ("can women be electricians?", "gender"),
    ("is nursing a good job for a man?", "gender"),
]
NOT_GROUP_QUESTIONS = [
    "what jobs are there in the white house",
    "my son is 25 and wants jobs in IT",
    "they are good at math, what jobs fit",
    "I have ms office skills, can I be a secretary",
    "what does a women's health nurse do",
    "jobs working with older people",
    "careers caring for the elderly",
    "careers helping immigrants",
    "careers in men's fashion",
    "I'm a 45 year old accountant, what else could I do?",
    "I'm a woman, would I make a good engineer?",
    "I'm a man, what does a nurse do?",
    "jobs for creative people",
    "jobs for a salesman",
    "jobs teaching teens",
    "jobs with kids",
    "careers helping ex-offenders",
    "careers with a record label",
    "I have a record label, can I be a producer?",
    "I have a degree, can I become a nurse?",
    "what jobs can I do with a biology degree",
    "is it too late to apply for medical school this year",
    "jobs working with people with autism",
]


@pytest.mark.parametrize(("text", "kind"), GROUP_QUESTIONS)
def test_a_group_named_as_the_persons_own_is_found(text, kind):
    from bot.dialogue.advice.groups import group_asked

    found = group_asked(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize("text", NOT_GROUP_QUESTIONS)
def test_work_for_a_group_or_a_career_named_after_one_is_no_group_question(text):
    """Serving a group is an interest ("careers caring for the elderly"), a career may carry a group's name
    ("women's health nurse"), and an age said beside a job asks about that job or a move."""
    from bot.dialogue.advice.groups import group_asked

    assert group_asked(text) is None, text


@pytest.mark.parametrize(
    ("action", "text", "intent", "kind"),
    [
        ("ActionExploreCareers", "what jobs are good for girls", "explore_careers", "gender"),
        ("ActionExploreCareers", "good jobs for immigrants", "explore_careers", "origin"),
        ("ActionExploreCareers", "jobs for disabled people", "explore_careers", "disability"),
        ("ActionRankCareers", "which jobs are best for men", "ask_ranking", "gender"),
        ("ActionFallbackSearch", "careers for older workers", "nlu_fallback", "age"),
        ("ActionExploreCareers", "jobs for single moms", "explore_careers", "family"),
        ("ActionExplain", "am I too old to learn coding", "my_interests", "age"),
        ("ActionExploreCareers", "what jobs suit Black students?", "explore_careers", "background"),
        ("ActionExploreCareers", "jobs for gay men", "explore_careers", "gender"),
        ("ActionExploreCareers", "my student is autistic, what jobs suit him?", "explore_careers", "disability"),
        ("ActionAnswerCareer", "what should a 50 year old woman do for work", "ask_workplace", "age"),
        ("ActionFallbackSearch", "My student is 17 and from Mexico, what jobs suit her?", "nlu_fallback", "age"),
    ],
)
def test_careers_are_not_picked_by_who_someone_is(act, action, text, intent, kind):
    """The search listed school counselors, teacher assistants and cashiers for "girls", warehouse and fast food work
    for "immigrants" and careers serving disabled people for "disabled people"; "best jobs for men" got the pay
    ranking as if it were for men. Now: no list, a fair answer, and what does narrow careers down."""
    cls = action_class(act, action)
    [msg], _ = run(cls(), tracker(text, intent))
    assert msg["group"] == kind and msg["ranking"] is None, msg
    assert "career test" in msg["text"] and "don't pick careers by" in msg["text"]
    assert [b["payload"] for b in msg["buttons"]] == ["/start_quiz"]


def test_a_teenager_hears_the_rules_for_under_18s(act):
    from actions import careers as career_actions

    [msg], _ = run(career_actions.ActionExploreCareers(), tracker("jobs for a 16 year old", "explore_careers"))
    assert msg["group"] == "age" and "under 18" in msg["text"] and "hazardous" in msg["text"]


def test_a_ranking_asked_for_a_group_is_the_one_for_everyone_said_so(act):
    """ "highest paying jobs for women": the pay ranking is the same for every worker; it is given, with a line that
    says so, and it is exactly the ranking asked without the group."""
    note, ranked = run(act.ActionRankCareers(), tracker("highest paying jobs for women", "ask_ranking"))[0]
    assert "for all workers" in note["text"] and "gender" in note["text"]
    [plain], _ = run(act.ActionRankCareers(), tracker("highest paying jobs", "ask_ranking"))
    assert ranked["ranking"] == plain["ranking"] and ranked["text"] == plain["text"]


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        ("ActionExploreCareers", "I want to change careers", "explore_careers"),
        ("ActionFallbackSearch", "what could I do next?", "nlu_fallback"),
    ],
)
def test_changing_careers_with_no_job_named_asks_for_the_current_one(act, action, text, intent):
    """ "I want to change careers" listed search hits (career counselor, data scientist...) and "what could I do
    next?" was not understood: both are moves from a job the person has not said yet."""
    cls = action_class(act, action)
    [msg], _ = run(cls(), tracker(text, intent))
    assert msg["text"].startswith("What do you do now?"), msg
    [msg], slots = run(cls(), tracker(text, intent, slots={"profile": {"current_job": "cashier"}}))
    assert msg["moves"]["from"] == "cashier", msg


def test_other_kinds_of_work_a_career_moves_into_are_moves_not_its_specializations(act):
    from actions import careers as career_actions

    text = "what other kinds of work can a welder move into"
    [msg], _ = run(career_actions.ActionAnswerCareer(), tracker(text, "ask_specializations", entities=["welder"]))
    assert msg["moves"]["from"] == "welder", msg


def test_pay_without_much_school_is_a_no_degree_ranking():
    """ "jobs that pay well without much school" ranked the Education and Training cluster ("school")."""
    req = rankings.parse("jobs that pay well without much school")
    assert req.by == "salary" and req.filters == {"max_job_zone": 2}, req


def test_a_good_job_for_me_is_a_ranking_by_match():
    assert rankings.parse("what's a good job for me").by == "match"
    assert cues.advice_kind("could someone like me be a decent electrician?", 1) == "fit"


def test_the_current_job_alone_gets_the_moves_from_it(act):
    """ "I'm a cashier", the answer to "What do you do now?", read as a path with one end: it asked for both ends.
    Where the person is, with no goal, is a moves question."""
    [msg], slots = run(act.ActionPath(), tracker("I'm a cashier", "ask_path", ["cashier"]))
    assert msg["moves"]["from"] == "cashier" and slots["profile"]["current_job"] == "cashier", msg


def test_a_record_hears_which_fields_check_it_and_gets_no_police_jobs(act):
    """ "what jobs can I do with a criminal record" listed detective, loss prevention and police jobs (the search
    matched "criminal")."""
    from actions import careers as career_actions

    text = "what jobs can I do with a criminal record"
    [msg], _ = run(career_actions.ActionExploreCareers(), tracker(text, "explore_careers"))
    assert msg["group"] == "record" and "fair-chance" in msg["text"], msg


@pytest.mark.parametrize(
    ("action", "text", "intent", "career", "line"),
    [
        ("ActionAnswerCareer", "can women be electricians?", "ask_overview", "electrician", "open to anyone"),
        ("ActionFit", "is nursing a good job for a man?", "ask_fit", "registered-nurse", "open to anyone"),
        ("ActionAnswerCareer", "is it too late to become a doctor at 40", "ask_education", "doctor", "every age"),
        # it got the education section with no word on the record nursing boards check
        ("ActionAnswerCareer", "I have a felony, can I become a nurse?", "ask_education", "nurse", "healthcare"),
        ("ActionPath", "I have a felony, can I become a nurse?", "ask_path", "nurse", "healthcare"),  # NLU's reading
    ],
)
def test_a_question_about_one_career_asked_with_a_group_says_it_is_open_to_anyone(
    act, action, text, intent, career, line
):
    """The answer about the career is given as before, after a line on the group."""
    cls = action_class(act, action)
    note, answer = run(cls(), tracker(text, intent, [career]))[0]
    assert line in note["text"] and ("career" in answer or "fit" in answer), (note, answer)


def test_a_career_change_read_as_a_section_question_is_moves(act):
    """Words no section question uses ("switch careers", "what could I do next") are moves from the named career
    whatever section NLU read (here pay)."""
    from actions import careers as career_actions

    text = "been a chef for twelve years, time to switch careers"
    [msg], _ = run(career_actions.ActionAnswerCareer(), tracker(text, "ask_salary", ["chef"]))
    assert msg["moves"]["from"] == "chef", msg


def test_a_ranking_asked_with_a_record_says_which_fields_check_it(act):
    note, ranked = run(act.ActionRankCareers(), tracker("highest paying jobs for felons", "ask_ranking"))[0]
    assert "for all workers" in note["text"] and "fair-chance" in note["text"] and ranked["ranking"]["by"] == "salary"


def _career_at(text: str, name: str) -> dict:
    start = text.index(name)
    return {"entity": "career", "value": name, "start": start, "end": start + len(name)}


def test_moves_asked_with_a_condition_keep_only_the_careers_that_meet_it(act, careers):
    """ "what could I do without a degree?" listed moves needing degrees; the career's own name sets no filter
    ("software developer" is no request for IT careers)."""
    text = "I'm a cashier, what else could I do without a degree?"
    [msg], slots = run(act.ActionMoves(), tracker(text, "ask_moves", [_career_at(text, "cashier")]))
    assert msg["moves"]["from"] == "cashier" and msg["moves"]["filters"] == {"max_job_zone": 2}, msg
    assert all(rankings.passes(careers[c], {"max_job_zone": 2}) for c in msg["moves"]["careers"])
    assert "without a degree" in msg["text"] and slots["ranking"]["by"] == "moves"
    text = "I'm a software developer, what else could I do?"
    [msg], _ = run(act.ActionMoves(), tracker(text, "ask_moves", [_career_at(text, "software developer")]))
    assert msg["moves"]["filters"] == {}, msg
    text = "I'm a cashier, what else could I do that pays more?"
    [msg], _ = run(act.ActionMoves(), tracker(text, "ask_moves", [_career_at(text, "cashier")]))
    pay = figures.annual_salary(careers["cashier"])
    assert msg["moves"]["careers"] and all(figures.annual_salary(careers[c]) >= pay for c in msg["moves"]["careers"])


def test_a_follow_up_after_moves_filters_pages_or_ranks_the_moves(act, careers):
    """After a list of moves, "what about without a degree?" started a new pay ranking of all careers, and "show me
    more" said there was no list."""
    text = "I'm a registered nurse, what else could I do?"
    [first], slots = run(act.ActionMoves(), tracker(text, "ask_moves", [_career_at(text, "registered nurse")]))
    assert any(not rankings.passes(careers[c], {"max_job_zone": 2}) for c in first["moves"]["careers"])
    after = {"ranking": slots["ranking"]}
    [msg], slots = run(act.ActionRankCareers(), tracker("what about without a degree?", "refine_ranking", slots=after))
    assert msg["moves"]["from"] == "registered-nurse" and msg["moves"]["filters"] == {"max_job_zone": 2}, msg
    assert all(rankings.passes(careers[c], {"max_job_zone": 2}) for c in msg["moves"]["careers"])
    [more], _ = run(act.ActionRankCareers(), tracker("show me more", "show_more", slots={"ranking": slots["ranking"]}))
    assert more["moves"]["offset"] == rankings.PAGE and not set(more["moves"]["careers"]) & set(msg["moves"]["careers"])
    assert more["text"].startswith("Careers that build on") and "6. " in more["text"]
    [ranked], _ = run(
        act.ActionRankCareers(),
        tracker("which of those pay the most?", "refine_ranking", slots={"ranking": slots["ranking"]}),
    )
    shown = ranked["ranking"]["careers"]
    assert ranked["ranking"]["by"] == "salary" and sorted(shown) == sorted(msg["moves"]["careers"]), ranked
    assert [figures.annual_salary(careers[c]) for c in shown] == sorted(
        (figures.annual_salary(careers[c]) for c in shown), reverse=True
    )


def test_a_laid_off_assembly_line_worker_gets_moves_and_can_set_a_pay_floor(act, careers):
    """ "I got laid off from the auto plant after 20 years on the assembly line. what else can I do?" got a search
    list of assemblers with their declining outlook; then "something that pays at least 50k" ranked all careers
    (physicians first) instead of the moves."""
    from actions import careers as career_actions

    text = "I got laid off from the auto plant after 20 years on the assembly line. what else can I do?"
    [first], slots = run(career_actions.ActionFallbackSearch(), tracker(text, "nlu_fallback"))
    assert first["moves"]["from"] == "assembler", first
    after = {"ranking": slots["ranking"]}
    [msg], _ = run(act.ActionRankCareers(), tracker("something that pays at least 50k", "ask_ranking", slots=after))
    assert msg["moves"]["from"] == "assembler" and msg["moves"]["filters"] == {"min_salary": 50000.0}, msg
    assert all(figures.annual_salary(careers[c]) >= 50000 for c in msg["moves"]["careers"])


def test_interests_read_as_a_test_answer_with_no_test_are_interests(act):
    """ "I like computers" (read as a test answer, no test under way) got "Would you like to take the career test?"."""
    from actions import quiz as quiz_actions

    [msg], slots = run(quiz_actions.ActionQuiz(), tracker("I like computers", "quiz_answer"))
    assert "interests_match" in msg and slots["profile"]["interests_text"] == ["computers"], msg


@pytest.mark.parametrize(
    "text",
    ["I'm in a wheelchair, what jobs can I do?", "im deaf what jobs can i do", "I use a wheelchair, which careers?"],
)
def test_a_disability_said_of_oneself_gets_the_fair_answer_not_a_search(text):
    """ "I'm in a wheelchair, what jobs can I do?" got ambulance drivers and nursing assistants from the search."""
    from bot.dialogue.advice.groups import group_asked

    group = group_asked(text)
    assert group is not None and group.kind == "disability"


@pytest.mark.parametrize(
    ("action", "text", "intent", "slots", "expect"),
    [
        # NLU's readings of questions the advice evaluation set missed
        ("ActionAnswerCareer", "most respected professions?", "ask_skills", {}, "unsupported"),
        (
            "ActionFallbackSearch",
            "I just want to be happy. What are the happiest professions?",
            "nlu_fallback",
            {},
            "unsupported",
        ),
        (
            "ActionAnswerCareer",
            "what about tech?",
            "ask_overview",
            {"ranking": {"by": "salary", "order": "desc", "filters": {"cluster": "Health Science"}}},
            "ranking",
        ),
        ("ActionAnswerCareer", "pharmacy technician to pharmacist - how do i get there", "ask_workplace", {}, "path"),
        ("ActionFallbackSearch", "what do you know about me by now?", "nlu_fallback", {}, "profile"),
        ("ActionExploreCareers", "I teach high school, what other jobs could I do?", "explore_careers", {}, "moves"),
        (
            "ActionFallbackSearch",
            "are physical therapists or occupational therapists in higher demand growth-wise",
            "nlu_fallback",
            {},
            "ranking",
        ),
    ],
)
def test_advice_questions_nlu_misread_reach_the_advice(act, action, text, intent, slots, expect):
    cls = action_class(act, action)
    messages, _ = run(cls(), tracker(text, intent, slots=slots))
    assert any(expect in m for m in messages), messages


def test_a_verb_nlu_tagged_as_the_career_gives_way_to_the_job_the_words_name(act):
    """NLU tagged "teach" in "I teach high school, what other jobs could I do?" and it was asked back ("I don't have
    a page called teach"); the words name a high school teacher."""
    [msg], slots = run(
        act.ActionMoves(), tracker("I teach high school, what other jobs could I do?", "ask_moves", ["teach"])
    )
    assert msg["moves"]["from"] == "high-school-teacher" and slots["profile"]["current_job"] == "high-school-teacher"


def test_keep_going_after_a_list_with_no_test_shows_more(act):
    """ "keep going" after "which jobs have the most openings?" is read as "continue the test"; with no test to
    continue it offered the test."""
    from actions import quiz as quiz_actions

    [first], slots = run(act.ActionRankCareers(), tracker("which jobs have the most openings?", "ask_ranking"))
    after = {"ranking": slots["ranking"]}
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("keep going", "quiz_continue", slots=after))
    assert msg["ranking"]["by"] == "openings" and msg["ranking"]["offset"] == 5, msg
    assert not set(msg["ranking"]["careers"]) & set(first["ranking"]["careers"])


def test_which_one_after_comparing_two_careers_compares_them_on_that_fact(act, careers):
    """After "whats the difference between an LPN and an RN", "which one pays more?" (read as "skip" with no test
    under way) got "Would you like to take the career test?"."""
    from actions import careers as career_actions
    from actions import quiz as quiz_actions

    text = "whats the difference between an LPN and an RN"
    [_], slots = run(career_actions.ActionCompareCareers(), tracker(text, "compare_careers", ["LPN", "RN"]))
    assert slots["ranking"]["careers"] == ["licensed-practical-nurse", "registered-nurse"]
    after = {"ranking": slots["ranking"], "career": slots["career"]}
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("which one pays more?", "quiz_skip", slots=after))
    assert msg["ranking"]["careers"] == ["registered-nurse", "licensed-practical-nurse"], msg
    assert "Registered Nurse" in msg["text"] and "$93,600" in msg["text"]
    text = "and which has better job prospects?"  # read as a comparison naming no career
    [msg], _ = run(career_actions.ActionCompareCareers(), tracker(text, "compare_careers", slots=after))
    assert msg["ranking"]["by"] == "growth" and len(msg["ranking"]["careers"]) == 2, msg


def test_a_job_named_by_its_activity_is_fit_with_that_career(act):
    """ "would teaching high school suit me?" (no career name, NLU unsure) was answered with a match ranking of the
    Education cluster."""
    from actions import careers as career_actions

    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker("would teaching high school suit me", "nlu_fallback"))
    assert msg["fit"]["career"] == "high-school-teacher", msg
    [msg], _ = run(act.ActionFit(), tracker("is teaching kindergarten right for me?", "ask_fit"))
    assert msg["fit"]["career"] == "kindergarten-teacher", msg


def test_which_of_those_after_a_test_result_or_interests_ranks_that_list(act, careers):
    """ "which of those pay the most?" after the careers that fit stated interests, or after a test result, ranked
    all 880 careers (physicians first)."""
    [listed], slots = run(act.ActionInterests(), tracker("I love animals and being outdoors", "tell_interests"))
    shown = listed["interests_match"]["topical"] + [m["career"] for m in listed["interests_match"]["matches"]]
    after = {"profile": slots["profile"], "ranking": slots["ranking"]}
    [msg], _ = run(act.ActionRankCareers(), tracker("which of those pay the most?", "refine_ranking", slots=after))
    ranked = msg["ranking"]
    assert ranked["by"] == "salary" and set(ranked["careers"]) <= set(shown), msg
    assert "careers just listed" in msg["text"]
    [more], _ = run(act.ActionRankCareers(), tracker("show me more", "show_more", slots=after))
    assert more["ranking"]["by"] == "match" and more["ranking"]["offset"] == len(shown), more  # "no list yet" before
    assert not set(more["ranking"]["careers"]) & set(shown) and f"\n{len(shown) + 1}. " in more["text"]
    [msg], _ = run(
        act.ActionRankCareers(), tracker("which of those don't need a degree?", "refine_ranking", slots=after)
    )
    assert msg["ranking"]["by"] == "match" and set(msg["ranking"]["careers"]) <= set(shown), msg
    assert all(rankings.passes(careers[c], {"max_job_zone": 2}) for c in msg["ranking"]["careers"])
    from actions.quiz import ActionQuiz

    state = {**finished_test("SA"), "done": False}
    events = ActionQuiz()._finish(state, careers, CollectingDispatcher(), tracker("Love it", "quiz_answer"))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["ranking"] == {"by": "shown", "careers": state["results"]}
    after = {"quiz": slots["quiz"], "ranking": slots["ranking"]}
    [msg], _ = run(act.ActionRankCareers(), tracker("which of those pay the most?", "refine_ranking", slots=after))
    ranked = msg["ranking"]
    assert ranked["by"] == "salary" and ranked["total"] == len(state["results"]), msg
    assert set(ranked["careers"]) <= set(state["results"])


def test_a_condition_said_before_the_current_job_applies_to_the_moves(act, careers):
    """ "I want to change careers, something without a degree" asks what the person does now; the moves from the
    answer keep the condition (it was lost)."""
    from actions import careers as career_actions

    text = "I want to change careers, something without a degree"
    [ask], slots = run(career_actions.ActionExploreCareers(), tracker(text, "explore_careers"))
    assert ask["text"].startswith("What do you do now?"), ask
    [msg], _ = run(act.ActionPath(), tracker("I'm a cashier", "ask_path", ["cashier"], {"ranking": slots["ranking"]}))
    assert msg["moves"]["from"] == "cashier" and msg["moves"]["filters"] == {"max_job_zone": 2}, msg


def test_the_job_told_after_what_do_you_do_now_gets_the_moves_whatever_nlu_read(act):
    """ "I'm a warehouse worker", the answer to "What do you do now?", was read as an overview question."""
    from actions import careers as career_actions

    text = "I want to change careers, something without a degree"
    _, slots = run(career_actions.ActionExploreCareers(), tracker(text, "explore_careers"))
    t = tracker("I'm a warehouse worker", "ask_overview", ["warehouse worker"], {"ranking": slots["ranking"]})
    readers = ["ActionAnswerCareer", "ActionFallbackSearch", "ActionRankCareers", "ActionExploreCareers"]
    for action in [action_class(act, name) for name in readers]:
        [msg], _ = run(action(), t)
        assert msg["moves"]["from"] == "warehouse-worker" and msg["moves"]["filters"] == {"max_job_zone": 2}, msg
    [msg], _ = run(
        career_actions.ActionAnswerCareer(), tracker("I'm a warehouse worker", "ask_overview", ["warehouse worker"])
    )
    assert msg["section"] == "overview"  # with no question pending it stays what NLU read


def test_small_talk_read_as_another_intent_gets_its_usual_response(act):
    """ "ok, so what can you help me with?" was read as show_profile and answered "I don't know anything about you"."""
    [msg], _ = run(act.ActionProfile(), tracker("ok, so what can you help me with?", "show_profile"))
    assert msg["response"] == "utter_help", msg


@pytest.mark.parametrize(
    ("text", "intent", "source"),
    [
        # the chef's workplace section; the bartender's "who it suits"; the veteran's pay ranking in logistics
        ("I work as a chef but the hours are killing me. what could I move into?", "ask_workplace", "chef"),
        ("I'm a bartender, 29, want something more stable with benefits. suggestions?", "nlu_fallback", "bartender"),
        ("I've been a cashier for years. What can I switch to?", "nlu_fallback", "cashier"),
        # teachers ("careers about what you named") and doctors (Investigative and Social read from the job)
        (
            "I'm a middle school math teacher. I want to leave teaching but still use math. Options?",
            "tell_interests",
            "middle-school-teacher",
        ),
        # the warehouse worker's duties ("I'm not sure I understood, but this may help")
        (
            "I'm 45, bad back, can't lift heavy stuff anymore. Worked as a furniture mover for 20 years. What now?",
            "nlu_fallback",
            "warehouse-worker",
        ),
    ],
)
def test_leaving_ones_job_in_other_words_gets_the_moves(act, text, intent, source):
    from actions import careers as career_actions

    action = {"nlu_fallback": career_actions.ActionFallbackSearch, "tell_interests": act.ActionInterests}.get(
        intent, career_actions.ActionAnswerCareer
    )
    [*_, msg], _ = run(action(), tracker(text, intent))
    assert msg["moves"]["from"] == source, msg


def test_a_reason_to_leave_about_pay_or_benefits_keeps_the_moves_that_pay_clearly_more(act, careers):
    """A bartender wanting "something more stable with benefits" got waiter, barista and fast food worker."""
    text = "I'm a bartender, want something more stable with benefits"
    [msg], _ = run(act.ActionMoves(), tracker(text, "ask_moves", [_career_at(text, "bartender")]))
    pay = figures.annual_salary(careers["bartender"])
    assert "no figure for job security or benefits" in msg["text"] and "10% more" in msg["text"]
    assert msg["moves"]["careers"] and all(
        figures.annual_salary(careers[c]) >= pay * 1.1 - 100 for c in msg["moves"]["careers"]
    ), msg
    text = "I'm a cashier and tired of the low pay, what else could I do?"
    [msg], _ = run(act.ActionMoves(), tracker(text, "ask_moves", [_career_at(text, "cashier")]))
    assert msg["moves"]["filters"]["min_salary"] >= figures.annual_salary(careers["cashier"]) * 1.1 - 100


def test_which_one_makes_more_after_a_comparison_read_as_show_more_compares_the_two(act):
    """ "which one makes more?" (NLU: show_more) after comparing two careers said there was no list."""
    from actions import careers as career_actions

    text = "what is the difference between an electrician and an electrical engineer"
    [compared], slots = run(
        career_actions.ActionCompareCareers(),
        tracker(text, "compare_careers", ["electrician", "electrical engineer"]),
    )
    assert [b["title"] for b in compared["buttons"]] == ["What an Electrician does", "What an Electrical Engineer does"]
    [msg], _ = run(act.ActionRankCareers(), tracker("which one makes more?", "show_more", slots=slots))
    assert msg["text"].startswith("Electrical Engineer pays more than Electrician"), msg


@pytest.mark.parametrize(
    ("text", "intent", "focus", "section"),
    [
        ("what's the outlook?", "ask_outlook", "software-engineer", "outlook"),  # ranked all careers by growth
        ("need license?", "ask_education", "civil-engineer", "education"),  # "no page called 'license'"
        ("and what about the pay?", "ask_salary", "police-officer", "salary"),
    ],
)
def test_a_bare_section_question_is_about_the_career_in_focus(act, text, intent, focus, section):
    from actions import careers as career_actions

    [msg], _ = run(career_actions.ActionAnswerCareer(), tracker(text, intent, slots={"career": focus}))
    assert msg.get("career") == focus and msg.get("section") == section, msg


def test_working_from_home_keeps_the_careers_whose_pages_say_the_work_can_be_remote(act, real_service):
    """ "I need a job I can do remotely because I care for my two kids at home" listed childcare workers."""
    from bot.dialogue.answers import explore_reply
    from bot.dialogue.explore_words import says_remote

    text = "I need a job I can do remotely because I care for my two kids at home. What careers work for that?"
    reply = explore_reply(real_service, text)
    listed = reply.metadata["explore"]
    assert listed and all(says_remote(real_service.careers[c].sections["workplace"]) for c in listed), listed
    assert "childcare-worker" not in listed and "No figure I have measures" in reply.text
    assert not says_remote("The job is physical; it cannot be done remotely.")
    assert not says_remote("They work at mines, often in remote areas, and may work rotations away from home.")
    assert says_remote("Radiologists work in hospitals, and many read images remotely (teleradiology).")


def test_something_to_stay_away_from_leaves_out_the_careers_about_it(act, real_service):
    """ "my daughter loves animals and biology but hates blood" listed phlebotomists first."""
    from bot.dialogue.answers import explore_reply
    from bot.dialogue.explore_words import avoided

    reply = explore_reply(real_service, "my daughter loves animals and biology but hates blood. what can she do?")
    assert "phlebotomist" not in reply.metadata["explore"] and "veterinarian" in reply.metadata["explore"]
    assert reply.text.startswith("Left out: careers whose pages mention blood.")
    assert avoided("jobs outdoors, scared of heights") == ["heights"]
    # education, one's own job, people and activities are not things a page is left out for
    for text in ("I want work in hospital, no have university", "i dont like my job", "i dont like people"):
        assert avoided(text) == [], text


def test_a_parents_question_and_age_are_no_interest_and_no_college_is_education(act, careers):
    """ "My son is 17 ... He doesn't want to go to college. What careers should he look at?" read Social from "my son
    is 17 and what careers should he look at" and listed massage therapists and lifeguards."""
    from actions import careers as career_actions

    text = (
        "My son is 17 and really good with his hands, fixing cars and bikes. He doesn't want to go to college. "
        "What careers should he look at?"
    )
    assert interests.phrases_of(text) == ["good with his hands", "fixing cars", "bikes"]
    assert interests.phrases_of("is there something with drawing") == ["is there something with drawing"]
    [msg], slots = run(career_actions.ActionFallbackSearch(), tracker(text, "tell_interests"))
    assert msg["interests_match"]["code"] == "R" and slots["profile"]["zone"] == 2, msg
    text = "I am 40 years old, working in warehouse. I want better job, maybe in computers. I have no degree."
    [msg], slots = run(act.ActionInterests(), tracker(text, "tell_interests"))
    assert slots["profile"]["zone"] == 2 and "the education you told me" in msg["text"]
    assert all(figures.job_zone(careers[m["career"]]) <= 2 for m in msg["interests_match"]["matches"]), msg


def test_she_or_he_after_a_career_is_about_that_career(act):
    """ "what education does she need?" after a wildlife biologist's pay: "I don't have a page about 'she'"."""
    from actions import careers as career_actions

    t = tracker("what education does she need?", "ask_education", slots={"career": "wildlife-biologist"})
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["career"] == "wildlife-biologist" and msg["section"] == "education", msg


def test_work_without_standing_asked_with_a_disability_lists_desk_work_after_a_fair_line(act, real_service):
    """ "I'm in a wheelchair and want a career that doesn't require standing or lots of walking" got only the answer to
    a list chosen by who someone is: the person asked about the work."""
    from actions import careers as career_actions
    from bot.dialogue.explore_words import says_seated

    text = "I'm in a wheelchair and want a career that doesn't require standing or lots of walking. Ideas?"
    [msg], _ = run(career_actions.ActionExploreCareers(), tracker(text, "explore_careers"))
    assert msg["text"].startswith("People with disabilities work in every field") and "at a desk" in msg["text"]
    assert msg["explore"] and all(says_seated(real_service.careers[c].sections["workplace"]) for c in msg["explore"])
    [msg], _ = run(career_actions.ActionExploreCareers(), tracker("jobs for disabled people", "explore_careers"))
    assert "explore" not in msg and "I don't pick careers by who someone is" in msg["text"]
    assert not says_seated("Teachers spend much of the day moving around, sitting at child-sized tables.")


def test_is_it_dangerous_after_a_career_is_its_workplace(act):
    """NLU read "is it dangerous?" as an overview of a career called "it dangerous"."""
    from actions import careers as career_actions

    t = tracker("is it dangerous?", "ask_overview", ["it dangerous"], slots={"career": "police-officer"})
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["career"] == "police-officer" and msg["section"] == "workplace", msg
    t = tracker("what does an AI safety researcher do?", "ask_duties", ["AI safety researcher"])
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["section"] == "duties", msg


def test_a_request_in_chat_spelling_is_read_as_written_out(act):
    """ "yo wat jobs pay good n u dont gotta go to skool 4 long" listed school counselors and teachers."""
    from actions import careers as career_actions
    from bot.dialogue.chat_speak import plain

    text = "yo wat jobs pay good n u dont gotta go to skool 4 long"
    assert plain(text) == "yo what jobs pay good and you don't have to go to school for long"
    assert plain("a 4 year degree or 4 years of school") == "a 4 year degree or 4 years of school"
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker(text, "nlu_fallback"))
    assert msg["ranking"]["by"] == "salary" and msg["ranking"]["filters"] == {"max_job_zone": 2}, msg


def test_and_another_career_asks_the_last_question_about_it(act):
    """ "and medical assistants?" after a phlebotomist's pay got the medical assistant overview."""
    from actions import careers as career_actions

    slots = {"career": "phlebotomist", "section": "salary"}
    t = tracker("and medical assistants?", "ask_overview", ["medical assistants"], slots=slots)
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["career"] == "medical-assistant" and msg["section"] == "salary", msg
    t = tracker("tell me about medical assistants", "ask_overview", ["medical assistants"], slots=slots)
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["section"] == "overview", msg


def test_what_others_think_is_no_interest_and_nothing_to_avoid():
    """ "my parents say thats not a real job" was said to be something to avoid ("my parents say thats  a real job")."""
    assert interests.phrases_of("i like drawing and video games but my parents say thats not a real job") == [
        "drawing",
        "video games",
    ]


def test_three_careers_are_compared_and_their_follow_ups_stay_on_them(act, careers):
    """A counselor's "between radiologic technologist, respiratory therapist, and surgical technologist" compared the
    counselor's own job with one of them; "which of the three has the best job outlook?" ranked all careers."""
    from actions import careers as career_actions

    text = (
        "I'm a school counselor. A student is deciding between radiologic technologist, respiratory therapist, "
        "and surgical technologist. Can you compare them?"
    )
    [msg], slots = run(career_actions.ActionCompareCareers(), tracker(text, "compare_careers", ["school counselor"]))
    three = ["radiologic-technologist", "respiratory-therapist", "surgical-technologist"]
    assert msg["compare"] == three and msg["text"].startswith("Radiologic Technologist vs Respiratory"), msg
    follow = tracker("which of the three has the best job outlook?", "ask_ranking", slots=slots)
    [ranked], _ = run(act.ActionRankCareers(), follow)
    assert ranked["ranking"]["by"] == "growth" and sorted(ranked["ranking"]["careers"]) == three, ranked
    text = "I'm torn between registered nurse, high school teacher and social worker. which pays the most?"
    [ranked], _ = run(act.ActionRankCareers(), tracker(text, "ask_ranking"))
    assert ranked["ranking"]["careers"] == ["registered-nurse", "high-school-teacher", "social-worker"], ranked


def test_a_comparative_after_comparing_two_is_about_those_two_whatever_nlu_read(act):
    """ "which pays more?" after "how does that compare to a physical therapist?" ranked all careers by pay."""
    slots = {"ranking": {"by": "shown", "careers": ["occupational-therapist", "physical-therapist"]}}
    [msg], _ = run(act.ActionRankCareers(), tracker("which pays more?", "ask_ranking", slots=slots))
    assert msg["text"].startswith("Physical Therapist pays more than Occupational Therapist"), msg
    [msg], _ = run(act.ActionRankCareers(), tracker("which jobs pay more?", "ask_ranking", slots=slots))
    assert msg["ranking"]["by"] == "salary" and len(msg["ranking"]["careers"]) == 5  # a new list asked for


@pytest.mark.parametrize(
    ("text", "career", "low"),
    [
        ("would I be a good accountant? I'm super social and I hate spreadsheets", "accountant", True),
        ("I'm creative, I love writing and talking to people. would I make a good lawyer?", "lawyer", None),
    ],
)
def test_interests_said_with_a_fit_question_are_used_and_remembered(act, text, career, low):
    """Both were answered "I don't know what you enjoy yet" (or who a career suits in general)."""
    [msg], slots = run(act.ActionFit(), tracker(text, "ask_fit", [career]))
    assert msg["fit"]["career"] == career and msg["fit"]["basis"] == "interests", msg
    [fallen], _ = run(action_class(act, "ActionFallbackSearch")(), tracker(text, "nlu_fallback", [career]))
    assert fallen["fit"] == msg["fit"], fallen  # NLU fell back on the first: "who it suits" in general
    assert slots["profile"]["interests_text"] and "interests you told me" in msg["text"]
    if low:
        assert msg["fit"]["match"] < 50 and "Social" in msg["text"]
    [msg], _ = run(act.ActionFit(), tracker("would I make a good nurse?", "ask_fit", ["nurse"]))
    assert msg["fit"]["basis"] is None  # no interests said: the test is offered


def test_a_career_name_alone_after_a_section_question_asks_it_again(act):
    """ "optometrists?" after "what about dentists" (pay) got "I'm not sure I understood" and the overview."""
    from actions import careers as career_actions

    slots = {"career": "dentist", "section": "salary"}
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker("optometrists?", "nlu_fallback", slots=slots))
    assert msg["career"] == "optometrist" and msg["section"] == "salary", msg
    t = tracker("and veterinarians?", "ask_overview", ["veterinarians"], slots=slots)
    [msg], _ = run(career_actions.ActionAnswerCareer(), t)
    assert msg["career"] == "veterinarian" and msg["section"] == "salary", msg


def test_equal_job_zones_rank_by_typical_entry(careers):
    """ "which one needs the least schooling?" listed the certificate career last of three job-zone-3 careers."""
    three = ["radiologic-technologist", "respiratory-therapist", "surgical-technologist"]
    ranked = rankings.rank(careers, rankings.Query("job_zone", "asc", {"careers": three}))
    assert ranked.careers[0] == "surgical-technologist", ranked.careers


def test_and_another_career_read_as_a_refinement_asks_the_last_question(act):
    """ "and veterinarians?" after a dentist's pay (NLU: refine_ranking) got the veterinarian overview."""
    slots = {"career": "dentist", "section": "salary"}
    t = tracker("and veterinarians?", "refine_ranking", ["veterinarians"], slots=slots)
    [msg], _ = run(act.ActionRankCareers(), t)
    assert msg["career"] == "veterinarian" and msg["section"] == "salary", msg


def test_education_words_right_after_a_ranking_filter_it(act):
    """ "lots of money" then "without going to college" (NLU: tell_education) got "I didn't catch your level of
    education"."""
    [first], slots = run(act.ActionRankCareers(), tracker("lots of money", "ask_ranking"))
    t = tracker("without going to college", "tell_education", slots={"ranking": slots["ranking"]})
    [msg], _ = run(act.ActionProfile(), t)
    assert msg["ranking"]["by"] == "salary" and msg["ranking"]["filters"] == {"max_job_zone": 2}, msg


def test_how_much_school_after_a_career_is_its_education(act):
    """ "how much school?" after a marine biologist got "I don't have a page called 'school'"."""
    from actions import careers as career_actions

    for intent, entities in (("ask_overview", ["school"]), ("ask_salary", [])):  # NLU read it as pay too
        t = tracker("how much school?", intent, entities, slots={"career": "marine-biologist"})
        [msg], _ = run(career_actions.ActionAnswerCareer(), t)
        assert msg["career"] == "marine-biologist" and msg["section"] == "education", msg


def test_careers_close_to_the_one_in_focus_are_similar_careers(act):
    """ "what careers are close to that but more stable?" after a content creator searched the pages (career
    counselors, locksmiths)."""
    from actions import careers as career_actions

    t = tracker(
        "what careers are close to that but more stable?", "explore_careers", slots={"career": "content-creator"}
    )
    [msg], _ = run(career_actions.ActionExploreCareers(), t)
    assert msg["moves"]["from"] == "content-creator" and msg["moves"]["similar"] is True, msg


def test_the_result_line_the_fit_and_the_why_name_the_same_shared_interests(careers):
    """A test result said "Makeup Artist (92%): you both score high on creating, helping people and leading and
    persuading" and the fit answer "strong interests of yours it does not draw on much: Enterprising" (its Realistic
    and Enterprising tie for third: one counted the tie, the other did not)."""
    from bot.dialogue.advice.person import person_from_slots

    scores = {"R": 3.8, "I": 3.7, "A": 7.0, "S": 5.3, "E": 4.1, "C": 3.4}
    career = careers["makeup-artist"]
    assert career.riasec["R"] == career.riasec["E"]  # the tie this test is about
    profile = {"interests": scores, "interests_text": ["acting"], "zone": None, "current_job": None}
    result = fit(careers, "makeup-artist", person_from_slots(None, profile))
    assert set(result.shared) == set(quiz.shared_interests(scores, career)) == {"A", "S", "E"}
    assert not result.lacking and "leading and persuading" in quiz.reason(scores, career)
    ranked = [(c.id, pct) for c, pct in ranked_matches(scores, careers)]
    assert set(explain_match("makeup-artist", career.riasec, scores, ranked, []).named) == {"A", "S", "E"}


@pytest.mark.parametrize(
    ("text", "intent", "entities", "section"),
    [  # NLU's own readings; each got "I don't have a page called ..." in a blind round
        ("will they check my record?", "ask_outlook", ["check", "record"], "education"),  # its licenses
        ("does he need a degree for it", "ask_education", [], "education"),
        ("how long to get licensed", "ask_education", ["licensed"], "education"),
        ("what skills of mine transfer", "ask_skills", ["mine transfer"], "skills"),
    ],
)
def test_words_used_as_no_name_ask_about_the_career_in_focus(act, text, intent, entities, section):
    from actions import careers as career_actions

    t = tracker(text, intent, entities, slots={"career": "welder"})
    messages, _ = run(career_actions.ActionAnswerCareer(), t)
    assert messages[-1].get("career") == "welder" and messages[-1].get("section") == section, messages


def test_a_record_question_about_the_career_in_focus_says_what_records_mean(act):
    from actions import careers as career_actions

    t = tracker("will they check my record?", "ask_outlook", ["check", "record"], slots={"career": "welder"})
    [msg, *_], _ = run(career_actions.ActionAnswerCareer(), t)
    assert "A record closes few careers" in msg["text"] and "fair-chance" in msg["text"], msg["text"]


def test_the_plural_of_a_name_in_ics_is_that_name(real_service):
    """ "how much do auto mechanics make" got "I don't have a page called 'auto mechanics'"."""
    assert real_service.resolver.find_in_text("how much do auto mechanics make") == ["automotive-service-technician"]
    assert real_service.resolver.resolve("logistics").career is None  # a field's "-ics" stays a field


def test_a_vet_out_of_the_navy_is_a_veteran(real_service):
    """ "im a vet getting out of the navy" got moves from Veterinarian."""
    said = "im a vet getting out of the navy, was a logistics specialist. can i take an interest test"
    assert "veterinarian" not in real_service.resolver.find_in_text(said, limit=5)
    assert real_service.resolver.find_in_text("i want to be a vet") == ["veterinarian"]


def test_the_pay_for_a_school_job_is_no_question_about_paying_for_school():
    from bot.dialogue.help_topics import help_topic

    assert help_topic("what's the median pay for a school counselor") is None  # got the WIOA/Pell Grant block
    assert help_topic("how do i pay for school?").name == "funding"


def test_makes_bank_is_pay(act):
    """ "wat job makes bank w no degree" (NLU: ask_salary, no career) got "Which career do you mean?"."""
    from actions import careers as career_actions

    text = "wat job makes bank w no degree"
    [msg, *_], _ = run(career_actions.ActionAnswerCareer(), tracker(text, "ask_salary"))
    assert msg["ranking"]["by"] == "salary" and msg["ranking"]["filters"] == {"max_job_zone": 2}, msg


@pytest.mark.parametrize(
    "text", ["which trade pays the most", "best paying skilled trades", "highest paying jobs from trade school"]
)
def test_a_trade_is_hands_on_work_below_an_associate_degree(act, careers, text):
    """ "which trade pays the most" ranked allergists and cardiologists first."""
    from actions import careers as career_actions

    [msg, *_], _ = run(career_actions.ActionAnswerCareer(), tracker(text, "ask_salary"))
    assert msg["ranking"]["by"] == "salary", msg
    levels = set(msg["ranking"]["filters"]["levels"])
    assert levels == {"No formal credential", "High school diploma", "Postsecondary certificate", "Apprenticeship"}
    assert msg["text"].count("\n1. ") == 1 and "Allergist" not in msg["text"], msg["text"]


def test_the_trades_are_skilled_trades_not_any_hands_on_job(careers):
    """With a trade as any Realistic job below an associate's degree, a charter pilot topped "which trade pays the
    most" and file clerks and dishwashers were in the list."""
    ranked = rankings.rank(careers, rankings.new_query(rankings.parse("which trade pays the most")))
    assert "charter-pilot" not in ranked.careers and "dishwasher" not in ranked.careers
    assert {"electrician", "plumber", "welder", "barber"} <= set(ranked.careers)
    assert all(rankings.is_trade(careers[c]) for c in ranked.careers)


def test_no_trade_in_international_trade():
    assert "trade" not in rankings.parse("highest paying jobs in international trade").filters


def test_a_job_with_barely_any_talking_is_no_social_interest():
    """ "I'm very introverted, i want a job where I barely have to talk to people" listed teachers (read as Social)."""
    from actions.profile import encoder

    stated = interests.infer("I'm very introverted, i want a job where I barely have to talk to people", encoder())
    assert "S" not in stated.expressed and stated.scores["S"] < 3.0 and stated.disliked, stated


def test_wanting_to_barely_talk_to_people_is_no_search(act):
    """ "I'm very introverted, i want a job where I barely have to talk to people" (NLU: fallback) listed
    receptionists from the search, after teachers from a misread Social interest."""
    from actions import careers as career_actions

    text = "I'm very introverted, i want a job where I barely have to talk to people"
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker(text, "nlu_fallback"))
    assert msg["unsupported"] == "working with people" and "career test" in msg["text"], msg


def test_why_a_career_is_on_a_list_drawn_up_to_an_education_counts_within_it(act, careers):
    """ "why is the first one on my list" after a test with an education answer got "number 9 of 880"."""
    state = finished_test("AR", zone=2)
    scores = quiz.scores(state)
    results = [c.id for c, _ in quiz.matches(scores, careers, 2, limit=10)]
    slots = {"quiz": {**state, "results": results}}
    first = careers[results[0]].title
    [msg], _ = run(act.ActionExplain(), tracker(f"why is {first} on my list", "explain_match", [first], slots))
    assert msg["explain"]["rank"] == 1 and "number 1 of the" in msg["text"], msg["text"]
    assert "careers open with the education you chose" in msg["text"]
    beyond = next(c for c, _ in quiz.matches(scores, careers, None, limit=50) if c.education.get("job_zone") == 5)
    [msg], _ = run(
        act.ActionExplain(), tracker(f"why isn't {beyond.title} on my list", "explain_match", [beyond.title], slots)
    )
    assert "takes more education than you said you want" in msg["text"], msg["text"]


def test_where_to_study_the_career_in_focus_is_how_to_become_one(act):
    """ "where i can study this" after a mechanic's pay (NLU: start_quiz) started the career test."""
    from actions import quiz as quiz_actions

    slots = {"career": "automotive-service-technician", "section": "salary"}
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("where i can study this", "start_quiz", slots=slots))
    assert (msg["career"], msg["section"]) == ("automotive-service-technician", "education"), msg


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("are there part time ones", "out_of_scope", "part_time"),  # got "Sorry, I can only help with careers"
        ("I'm a high school counselor evaluating this tool. what data sources do you use?", "nlu_fallback", "sources"),
    ],
)
def test_questions_no_page_answers_get_their_topic(act, text, intent, topic):
    from actions import careers as career_actions
    from actions import small_talk

    action = small_talk.ActionSmallTalk() if intent == "out_of_scope" else career_actions.ActionFallbackSearch()
    [msg], _ = run(action, tracker(text, intent))
    assert msg["help_topic"] == topic, msg


def test_which_one_is_better_after_two_careers_is_about_those_two(act):
    """ "which one has the better outlook" after the pay of a chef and of a restaurant manager ranked the 12 careers
    of an older list (NLU: fallback)."""
    from actions import careers as career_actions

    listed = {"interests_match": {"matches": [{"career": "pet-groomer"}, {"career": "massage-therapist"}]}}
    said = [listed, {"career": "chef", "section": "salary"}, {"career": "restaurant-manager", "section": "salary"}]
    slots = {
        "career": "restaurant-manager",
        "ranking": {"by": "shown", "careers": ["pet-groomer", "massage-therapist"]},
    }
    t = tracker("which one has the better outlook", "nlu_fallback", slots=slots)
    t.events = [{"event": "bot", "text": "...", "metadata": m} for m in said]
    [msg, *_], _ = run(career_actions.ActionFallbackSearch(), t)
    assert "Chef" in msg["text"] and "Restaurant Manager" in msg["text"] and "Massage" not in msg["text"], msg
    t.events = t.events[1:] + t.events[:1]  # the list came last: its careers
    [msg, *_], _ = run(career_actions.ActionFallbackSearch(), t)
    assert "Chef" not in msg["text"], msg["text"]


def test_moves_that_rule_out_a_kind_of_work_leave_it_out(act, careers):
    """ "what else can I do with my nursing background that isn't direct patient care" listed midwives and nurse
    practitioners, in the Health Science cluster read from "nursing background"."""
    text = (
        "I'm an RN, 12 yrs, totally burned out on bedside. what else can I do with my nursing background that isn't "
        "direct patient care"
    )
    [msg], _ = run(act.ActionMoves(), tracker(text, "ask_moves", ["RN"]))
    moved = msg["moves"]["careers"]
    assert msg["moves"]["filters"] == {"avoid": ["patient"]} and "leaving out patient care" in msg["text"], msg
    assert not {"nurse-practitioner", "nurse-midwife", "occupational-therapist"} & set(moved), moved
    assert not any(rankings.avoids(careers[c], ["patient"]) for c in moved)
    from bot.dialogue.explore_words import avoided

    assert avoided("something away from retail") == ["retail"] and avoided("I'm not sure what to do") == []


def test_a_move_to_the_career_in_focus_is_a_path(act):
    """After a health services manager's pay, "ok so what would the move from RN to that look like" (NLU: fallback)
    got an RN's duties; "how do i make that switch" after a compliance officer's pay (NLU: ask_salary) got its pay."""
    from actions import careers as career_actions

    slots = {"career": "health-services-manager"}
    t = tracker("ok so what would the move from RN to that look like", "nlu_fallback", ["RN"], slots=slots)
    [msg], _ = run(career_actions.ActionFallbackSearch(), t)
    assert (msg["path"]["from"], msg["path"]["to"]) == ("registered-nurse", "health-services-manager"), msg
    slots = {"career": "compliance-officer", "profile": {"current_job": "paralegal"}}
    [msg], _ = run(career_actions.ActionAnswerCareer(), tracker("how do i make that switch", "ask_salary", slots=slots))
    assert (msg["path"]["from"], msg["path"]["to"]) == ("paralegal", "compliance-officer"), msg


def test_a_degree_for_the_career_in_focus_is_how_to_become_one(act):
    """ "do I need a masters for that or is my BSN enough" (NLU: quiz_stop, no test) ranked graduate careers."""
    from actions import quiz as quiz_actions

    t = tracker(
        "do I need a masters for that or is my BSN enough", "quiz_stop", slots={"career": "health-services-manager"}
    )
    [msg], _ = run(quiz_actions.ActionQuiz(), t)
    assert (msg["career"], msg["section"]) == ("health-services-manager", "education"), msg


def test_moves_without_law_school_are_no_path_to_lawyer(act, real_service):
    """ "I'm a paralegal, want to move into something that pays more without going to law school" got the path from
    paralegal to lawyer ("law" in "law school" named the lawyer)."""
    from actions import careers as career_actions

    text = "I'm a paralegal, want to move into something that pays more without going to law school"
    assert real_service.resolver.find_in_text(text, limit=3) == ["paralegal"]
    assert real_service.resolver.find_in_text("i want to study law") == ["lawyer"]
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker(text, "nlu_fallback", ["paralegal"]))
    assert msg["moves"]["from"] == "paralegal" and msg["moves"]["filters"]["max_job_zone"] == 4, msg
    assert "lawyer" not in msg["moves"]["careers"] and msg["moves"]["filters"]["min_salary"] > 0


def test_careers_with_a_degree_held_keep_to_what_it_opens(act, careers):
    """ "what can i do with just a bachelors in psych" listed psychologists and neuropsychologists (doctorates)."""
    from actions import careers as career_actions
    from bot.dialogue.explore_words import held_degree_zone

    text = "what can i do with just a bachelors in psych"
    [msg], _ = run(career_actions.ActionExploreCareers(), tracker(text, "explore_careers"))
    assert msg["explore"] and all(int(careers[c].education["job_zone"]) <= 4 for c in msg["explore"]), msg
    assert "psychologist" not in msg["explore"] and "job zone 4 or below" in msg["text"]
    assert held_degree_zone("with an associate's in business") == 3 and held_degree_zone("jobs with animals") is None


def test_why_after_a_search_list_says_the_pages_matched_the_words(act):
    """ "why?" and "why is vet tech on there" after a search list got "you haven't taken the career test"."""
    listed = ["animal-control-officer", "animal-caretaker", "animal-trainer"]
    said = {"explore": listed, "query": "something with animals maybe"}

    def ask(text: str, entities: list) -> dict:
        t = tracker(text, "explain_match", entities)
        t.events = [{"event": "bot", "text": "...", "metadata": said}]
        [msg], _ = run(act.ActionExplain(), t)
        return msg

    msg = ask("why?", [])
    assert msg["explain"]["search"] == "something with animals maybe" and "not with you" in msg["text"], msg
    msg = ask("why is vet tech on there thats basically medical", ["vet tech"])
    assert msg["text"].startswith("Veterinary Technician wasn't on that list: it had Animal Control Officer"), msg
    msg = ask("why is the second one on there", [])
    assert msg["text"].startswith("Animal Caretaker is on the list because"), msg


def test_how_stressful_is_the_setting_with_a_word_that_no_figure_measures_it(act):
    """ "how stressful is that job" after an air traffic controller got its duties."""
    from actions import careers as career_actions

    t = tracker("how stressful is that job", "ask_duties", slots={"career": "air-traffic-controller"})
    messages, _ = run(career_actions.ActionAnswerCareer(), t)
    assert messages[0]["text"].startswith("No figure I have measures how stressful"), messages
    assert messages[-1]["section"] == "workplace" and messages[-1]["career"] == "air-traffic-controller"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("you have information for Germany?", "forget_me"),
        ("what about Canada?", "nlu_fallback"),
        ("nurse pay in the uk", "ask_salary"),
    ],
)
def test_another_country_hears_the_figures_are_us_only(act, text, intent):
    """The fifth blind round: "you have information for Germany?" wiped the profile (NLU: forget_me), and questions
    about Canada or the UK were not understood."""
    from actions import careers as career_actions

    action = {"forget_me": act.ActionProfile, "nlu_fallback": career_actions.ActionFallbackSearch}.get(
        intent, career_actions.ActionAnswerCareer
    )
    messages, slots = run(action(), tracker(text, intent, slots={"profile": {"zone": 2}}))
    assert messages[0]["help_topic"] == "other_country" and "US only" in messages[0]["text"], messages
    assert "profile" not in slots


def test_training_from_abroad_gets_how_it_counts_in_the_us(act):
    """ "I was a doctor in Nigeria for 9 years, now in US. my degree is not recognized here" got the US route for a new
    student; "what healthcare job can i do quickly" then searched the pages (physicians first)."""
    from actions import careers as career_actions

    text = "I was a doctor in Nigeria for 9 years, now in US. my degree is not recognized here. what can i do"
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker(text, "nlu_fallback"))
    assert msg["help_topic"] == "from_abroad" and "USMLE" in msg["text"], msg
    t = tracker("while i wait for that, what healthcare job can i do quickly", "explore_careers")
    [msg], _ = run(career_actions.ActionExploreCareers(), t)
    assert msg["ranking"]["by"] == "job_zone" and msg["ranking"]["filters"] == {"cluster": "Health Science"}, msg


@pytest.mark.parametrize(
    ("text", "intent", "section"),
    [  # fragments after an electrician's overview; each got "Sorry, I didn't understand that" or a national ranking
        ("school?", "quiz_answer", "education"),  # NLU's reading, with no test under way
        ("where", "quiz_answer", "workplace"),
        ("where", "nlu_fallback", "workplace"),
        ("outlook", "ask_ranking", "outlook"),
    ],
)
def test_a_section_in_a_word_is_about_the_career_in_focus(act, text, intent, section):
    from actions import careers as career_actions
    from actions import quiz as quiz_actions

    t = tracker(text, intent, slots={"career": "electrician", "section": "overview"})
    t.events = [{"event": "bot", "text": "...", "metadata": {"career": "electrician", "section": "overview"}}]
    action = {"ask_ranking": act.ActionRankCareers(), "quiz_answer": quiz_actions.ActionQuiz()}.get(
        intent, career_actions.ActionFallbackSearch()
    )
    [msg], _ = run(action, t)
    assert (msg["career"], msg["section"]) == ("electrician", section), msg


def test_a_name_alone_is_its_overview_and_an_acronym_names_its_title(act, real_service):
    """ "drone pilot?" got "Sorry, I didn't understand that"; "just tell me about hvac" asked about professors."""
    from actions import careers as career_actions

    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker("drone pilot?", "nlu_fallback"))
    assert (msg["career"], msg["section"]) == ("drone-pilot", "overview"), msg
    from actions import quiz as quiz_actions

    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("drone pilot?", "quiz_answer", ["drone pilot"]))
    assert (msg["career"], msg["section"]) == ("drone-pilot", "overview"), msg
    # "pay" -> "Which career do you mean?" -> "electrician" (NLU: fallback) got its overview
    t = tracker("electrician", "nlu_fallback", ["electrician"], slots={"section": "salary"})
    [msg], _ = run(career_actions.ActionFallbackSearch(), t)
    assert (msg["career"], msg["section"]) == ("electrician", "salary"), msg
    assert real_service.resolver.find_in_text("just tell me about hvac") == ["hvac-technician"]
    assert real_service.resolver.resolve("hvac").career == "hvac-technician"


def test_asking_for_the_test_in_a_longer_message_starts_it(act):
    """ "im a vet getting out of the navy, was a logistics specialist. can i take an interest test" (NLU: fallback)
    got moves from Veterinarian, then "I don't have a page called 'navy'"."""
    from actions import careers as career_actions

    text = "im a vet getting out of the navy, was a logistics specialist. can i take an interest test"
    messages, _ = run(career_actions.ActionFallbackSearch(), tracker(text, "nlu_fallback", ["vet", "navy"]))
    assert messages[0]["text"].startswith("The career test asks") and messages[-1]["quiz_item"], messages


def test_more_words_from_the_third_blind_round(act):
    """Each got a worse answer in a blind round: a search for the laid-off warehouse worker, the outlook without a
    word on AI, an accountant's overview for "is accounting boring", the parent's whole sentence quoted as the
    interest."""
    from actions import careers as career_actions
    from actions.profile import encoder
    from bot.dialogue.automation import asks_about_automation

    t = tracker("got laid off from my warehouse job after 8 years what can i do now", "nlu_fallback")
    [msg], _ = run(career_actions.ActionFallbackSearch(), t)
    assert "warehouse-worker" in msg.get("suggestions", []) and "explore" not in msg, msg
    assert asks_about_automation("whats the outlook, i heard AI is killing that field")
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker("is accounting boring", "nlu_fallback"))
    assert (msg["career"], msg["section"]) == ("accountant", "personality"), msg
    stated = interests.infer("my daughter only wants to do art, how can she actually make a living", encoder())
    assert stated.phrases == ["art"], stated


def test_pushback_on_a_list_is_answered(act):
    """ "i dont want anything medical" after a search list got "Sorry, I didn't understand that"; "that's wrong, I
    can't draw at all" after a test result got a musician's skills."""
    from actions import careers as career_actions

    t = tracker("i dont want anything medical", "nlu_fallback")
    t.events = [{"event": "bot", "text": "...", "metadata": {"explore": ["nurse"], "query": "i like helping people"}}]
    [msg], _ = run(career_actions.ActionFallbackSearch(), t)
    assert msg["explore"] and "Left out: careers whose pages mention medical" in msg["text"], msg
    [msg], _ = run(career_actions.ActionFallbackSearch(), tracker("that's wrong, I can't draw at all", "nlu_fallback"))
    assert msg["help_topic"] == "ability" and "not by what you can do today" in msg["text"], msg


def test_concerns_said_with_a_fit_question_are_said_back(act):
    """ "would I be a good airline pilot? I get motion sick and im scared of heights" ignored both."""
    t = tracker(
        "would I be a good airline pilot? I get motion sick and im scared of heights", "ask_fit", ["airline pilot"]
    )
    messages, _ = run(act.ActionFit(), t)
    text = " ".join(m["text"] for m in messages)
    assert "On heights and motion sickness: no figure I have measures them" in text, text


def test_trades_of_a_field_are_that_field():
    """ "best paying construction trades that dont need a college degree": the construction cluster, no degree."""
    req = rankings.parse("best paying construction trades that dont need a college degree")
    assert req.filters == {"cluster": "Architecture and Construction", "max_job_zone": 2}, req


def test_a_field_of_analysis_and_a_fit_with_no_career_tagged(act, real_service):
    """ "I'm an IT support specialist, how do I get into cybersecurity analysis?" named one career; "am I suited to
    real estate" with no career tagged by NLU asked "Which career do you mean?"."""
    assert real_service.resolver.find_in_text("how do I get into cybersecurity analysis?") == ["cybersecurity-analyst"]
    slots = {"quiz": finished_test("ESC")}
    [msg], _ = run(act.ActionExplain(), tracker("am I suited to real estate", "explain_match", [], slots))
    assert msg["suggestions"][0] == "real-estate-agent" and msg["buttons"][0]["payload"].startswith("/ask_fit"), msg


def test_actually_make_it_refines_the_ranking(act):
    """ "actually make it over 150k" after "health science jobs that pay over 80k" (NLU: fallback) lost the field."""
    from actions import careers as career_actions

    shown = {"by": "salary", "order": "desc", "filters": {"min_salary": 80000.0, "cluster": "Health Science"}}
    t = tracker("actually make it over 150k", "nlu_fallback", slots={"ranking": {**shown, "offset": 0}})
    [msg], _ = run(career_actions.ActionFallbackSearch(), t)
    assert msg["ranking"]["filters"] == {"min_salary": 150000.0, "cluster": "Health Science"}, msg


def test_without_college_after_the_careers_that_fit_interests_ranks_every_career_that_fits(act, careers):
    """ "what about without college?" after the eight careers that fit "I love video games and building things" kept
    to those eight (four left); "which of those..." still ranks the ones listed."""
    shown = ["camera-operator", "craft-artist", "tailor", "jeweler", "audio-engineer", "dancer"]
    slots = {"quiz": finished_test("RA"), "ranking": {"by": "shown", "careers": shown}}
    [msg], _ = run(act.ActionRankCareers(), tracker("what about without college?", "refine_ranking", slots=slots))
    ranked = msg["ranking"]
    assert ranked["by"] == "match" and ranked["filters"] == {"max_job_zone": 2} and ranked["total"] > 50, ranked
    assert all(rankings.passes(careers[c], {"max_job_zone": 2}) for c in ranked["careers"])
    assert "careers just listed" not in msg["text"], msg["text"]


def test_without_college_after_a_search_searches_again_without_a_degree(act):
    """ "what about without college?" after the careers a search found for "my son loves video games and building
    things" ranked all 880 careers by pay, the son's interests forgotten."""
    query = "my son loves video games and building things, what careers would suit him?"
    t = tracker("what about without college?", "refine_ranking")
    t.events = [{"event": "bot", "text": "...", "metadata": {"explore": ["game-developer"], "query": query}}]
    [msg], _ = run(act.ActionRankCareers(), t)
    assert "ranking" not in msg and msg["query"].startswith(query), msg
    assert "usually need a degree" in msg["text"] and "Game Developer" in msg["text"], msg["text"]
    assert msg["explore"] and "game-developer" not in msg["explore"], msg


def test_a_search_whose_best_fits_all_need_a_degree_says_so(real_service):
    """It said "I couldn't find careers that fit that" when every close career needed a degree."""
    from bot.dialogue.answers import NO_DEGREE_LEVELS, explore_reply

    query = "my son loves video games and building things, what careers would suit him?, without a degree"
    reply = explore_reply(real_service, query)
    assert "(Game Developer" in reply.text and "Looser fits that need no degree" in reply.text, reply.text
    levels = {real_service.careers[c].education.get("level") for c in reply.metadata["explore"]}
    assert reply.metadata["explore"] and levels <= NO_DEGREE_LEVELS, levels
    reply = explore_reply(real_service, "I want to do research on space without a degree")
    assert reply.text.startswith("The careers that fit that best (Astronomer") and not reply.metadata["explore"]


def test_results_asked_before_the_test_is_finished_say_it_is_unfinished(act):
    """After pausing with six answers, "what were my results so far" got "I don't know anything about you yet";
    "why is the first one on my list?" at the last (education) question got "you haven't taken the career test"."""
    state = {**finished_test("SA"), "done": False, "paused": True}
    n = len(state["answers"])
    [msg], _ = run(act.ActionProfile(), tracker("what were my results so far", "show_profile", slots={"quiz": state}))
    assert f"your career test isn't finished (your {n} answers are kept)" in msg["text"], msg["text"]
    assert "I don't know anything about you" not in msg["text"] and msg["buttons"][0]["payload"] == "/quiz_continue"
    why = "why is the first one on my list?"
    [msg], _ = run(act.ActionExplain(), tracker(why, "explain_match", slots={"quiz": state}))
    assert "isn't finished" in msg["text"] and "haven't taken" not in msg["text"], msg["text"]
    [msg], _ = run(act.ActionExplain(), tracker("why is the first one on my list?", "explain_match"))
    assert "you haven't taken the career test" in msg["text"], msg["text"]


@pytest.mark.parametrize("text", ["is it a good fit for a woman?", "would it suit a man"])
def test_a_fit_question_for_a_group_is_about_the_career_in_focus_and_open_to_anyone(act, text):
    """ "is it a good fit for a woman?" after an electrician got "I don't have a page called 'woman'. Did you mean
    Actor, Janitor, Legislator, Housekeeper or Police Officer?"."""
    messages, _ = run(act.ActionFit(), tracker(text, "ask_fit", slots={"career": "electrician"}))
    said = " ".join(m["text"] for m in messages)
    assert messages[-1]["fit"]["career"] == "electrician" and "open to anyone" in said, said
    assert "Housekeeper" not in said and "page called" not in said


def test_what_someone_is_not_good_at_is_not_searched_for(real_service):
    """ "My daughter ... loves drawing and animals but is not great at math" listed a mathematician, an actuary and a
    quantitative analyst first."""
    from bot.dialogue.answers import explore_reply

    text = "My daughter is 16 and loves drawing and animals but is not great at math. What careers should she look at?"
    found = explore_reply(real_service, text).metadata["explore"]
    assert found and not {"mathematician", "actuary", "quantitative-analyst"} & set(found), found


def test_a_kind_of_work_with_no_list_to_refine_is_a_search(act):
    """ "is there anything creative with animals" (NLU: refine_ranking, no list shown) ranked artistic careers by pay:
    a brand manager first."""
    [msg], _ = run(act.ActionRankCareers(), tracker("is there anything creative with animals", "refine_ranking"))
    assert "ranking" not in msg and msg["explore"], msg
    assert "brand-manager" not in msg["explore"]


def test_what_could_i_earn_more_doing_is_the_moves_that_pay_more(act, careers):
    """ "I'm a cashier with no degree, what could I earn more doing?" got a cashier's training."""
    from actions import careers as career_actions

    text = "I'm a cashier with no degree, what could I earn more doing?"
    [msg, *_], _ = run(career_actions.ActionAnswerCareer(), tracker(text, "ask_education", ["cashier"]))
    moves = msg["moves"]
    assert moves["from"] == "cashier" and moves["filters"]["max_job_zone"] == 2, moves
    assert moves["filters"]["min_salary"] > figures.annual_salary(careers["cashier"]), moves


def test_a_fit_question_after_ones_own_job_is_about_the_other_career(act):
    """ "I'm an accountant. Would I be a good fit as a financial analyst?" answered whether an accountant suits them."""
    text = "I'm an accountant. Would I be a good fit as a financial analyst?"
    messages, _ = run(act.ActionFit(), tracker(text, "ask_fit", ["accountant", "financial analyst"]))
    assert messages[-1]["fit"]["career"] == "financial-analyst", messages[-1]


def test_which_jobs_need_a_masters_is_the_careers_that_need_one(act, careers):
    """ "which jobs need a masters" searched the pages: a construction manager, a machinist and a chef."""
    from actions import careers as career_actions

    [msg, *_], _ = run(career_actions.ActionExploreCareers(), tracker("which jobs need a masters", "explore_careers"))
    assert msg["ranking"]["filters"] == {"min_job_zone": 5}, msg
    assert all(figures.job_zone(careers[c]) == 5 for c in msg["ranking"]["careers"])


@pytest.mark.parametrize(
    "action,text,intent",
    [
        ("ActionFit", "is it seasonal or steady work", "ask_fit"),  # "whether it suits you depends on..."
        ("ActionAnswerCareer", "is being a UX designer physically demanding", "ask_outlook"),  # the outlook
    ],
)
def test_how_steady_or_physical_the_work_is_is_its_workplace(act, action, text, intent):
    from actions import careers as career_actions

    cls = getattr(act, action, None) or getattr(career_actions, action)
    named = ["UX designer"] if "UX" in text else []
    messages, _ = run(cls(), tracker(text, intent, named, slots={"career": "ux-designer"}))
    assert (messages[-1]["career"], messages[-1]["section"]) == ("ux-designer", "workplace"), messages


def test_interests_told_with_a_dislike_leave_out_careers_about_it(act):
    """ "i like helping ppl but i hate blood" listed a paramedic."""
    [msg], _ = run(act.ActionInterests(), tracker("i like helping ppl but i hate blood", "tell_interests"))
    listed = msg["interests_match"]["topical"] + [m["career"] for m in msg["interests_match"]["matches"]]
    assert listed and not {"paramedic", "phlebotomist", "emt"} & set(listed), listed
    assert "Left out: careers whose pages mention blood." in msg["text"], msg["text"]
    assert "doesn't change these careers" not in msg["text"], msg["text"]  # it said both


def test_the_best_career_is_no_list_by_pay(act):
    """ "what is the best career" listed physicians by pay; with interests known it is the careers that fit them."""
    [msg], _ = run(act.ActionRankCareers(), tracker("what is the best career", "ask_ranking"))
    assert msg["ranking"] is None and msg["text"].startswith("No career is the best for everyone"), msg
    slots = {"quiz": finished_test("IA")}
    [msg], _ = run(act.ActionRankCareers(), tracker("what is the best career for me", "ask_ranking", slots=slots))
    assert msg["ranking"]["by"] == "match", msg


@pytest.mark.parametrize(
    "text", ["can employers refuse me because of my disability?", "is there age discrimination in hiring?"]
)
def test_a_question_about_discrimination_gets_the_law_and_where_to_turn(text):
    """They got a graphic designer's workplace and a library technician's outlook."""
    from bot.dialogue.help_topics import help_topic

    topic = help_topic(text)
    assert topic is not None and topic.name == "discrimination" and "EEOC" in topic.text
    assert help_topic("what does a discrimination lawyer do") is None


def test_what_else_is_similar_after_a_career_is_careers_like_it(act):
    """ "bet. what else is similar" (NLU: show more) after a game developer said there was no list to continue."""
    t = tracker("bet. what else is similar", "show_more", slots={"career": "game-developer"})
    [msg, *_], _ = run(act.ActionRankCareers(), t)
    assert msg["moves"]["from"] == "game-developer" and msg["moves"].get("similar"), msg


def test_part_time_work_for_ones_skills_is_the_moves_said_so(act):
    """ "I'm 60 and retiring from teaching next year. What part-time work could use my skills?" got only that no
    figure measures part-time work."""
    from actions import careers as career_actions

    text = "I'm 60 and retiring from teaching next year. What part-time work could use my skills?"
    messages, _ = run(career_actions.ActionExploreCareers(), tracker(text, "explore_careers"))
    said = " ".join(m["text"] for m in messages)
    assert "No figure I have says how many people in a career work part time" in said, said
    assert any(m.get("moves") for m in messages) or "Which" in said, said


def test_a_path_to_a_career_pointed_to_in_the_last_list(act):
    """ "show me a path from cashier to the first one" after a test result got the moves from a cashier."""
    listed = {"quiz_result": {"matches": [{"career": "web-developer"}, {"career": "ai-trainer"}]}}
    t = tracker("show me a path from cashier to the first one", "ask_path", ["cashier"])
    t.events = [{"event": "bot", "text": "...", "metadata": listed}]
    [msg, *_], _ = run(act.ActionPath(), t)
    assert (msg["path"]["from"], msg["path"]["to"]) == ("cashier", "web-developer"), msg


def test_laid_off_at_fifty_too_late_to_change_is_the_moves_with_the_age_line(act):
    """It said "I didn't catch your level of education", then that it does not pick careers by who someone is."""
    text = (
        "I got laid off last month at 50 after 22 years as a production supervisor at a plant. Is it too late to "
        "change careers? I don't want to go back to school for 4 years."
    )
    messages, _ = run(act.ActionProfile(), tracker(text, "tell_education"))
    said = " ".join(m["text"] for m in messages)
    moves = next(m["moves"] for m in messages if m.get("moves"))
    assert moves["from"] == "production-supervisor" and moves["filters"].get("max_job_zone") == 3, moves
    assert "People start and change careers at every age" in said and "didn't catch" not in said, said


def test_a_good_match_far_down_the_ranking_says_it_does_not_stand_out(careers):
    """ "Park Ranger is an 80% match, a strong match: number 300 of the 880" read as a contradiction."""
    from bot.dialogue.advice.fit import Fit

    f = Fit("park-ranger", 80, 300, len(careers), "interests", strongest=["R"], shared=["R"], lacking=[])
    text = replies.fit_reply(careers, f, Person(stated={"R": 6.0, "I": 3, "A": 3, "S": 3, "E": 3, "C": 3})).text
    assert "299 careers match as well or better" in text, text
    f = Fit("park-ranger", 80, 12, len(careers), "interests", strongest=["R"], shared=["R"], lacking=[])
    text = replies.fit_reply(careers, f, Person(stated={"R": 6.0, "I": 3, "A": 3, "S": 3, "E": 3, "C": 3})).text
    assert "as well or better" not in text


def test_other_trades_to_jump_to_is_the_moves(act):
    """ "any other trades i could jump to" (NLU: a path, no career named) got "Which two careers?"."""
    [msg], slots = run(act.ActionPath(), tracker("any other trades i could jump to", "ask_path"))
    assert msg["text"].startswith("What do you do now?"), msg
    assert slots["ranking"]["filters"].get("trade") is True, slots


def test_a_fit_answer_gives_the_bls_typical_entry_beside_the_job_zone(careers):
    """A Registered Nurse's job zone 3 ("... or an associate's degree") read as a contradiction of the comparison's
    "Typical entry: Bachelor's degree"."""
    from bot.dialogue.advice.fit import Fit

    f = Fit("registered-nurse", None, None, len(careers), None, career_zone=3)
    assert "the typical entry BLS gives is a bachelor's degree" in replies.fit_reply(careers, f, Person()).text
    f = Fit("electrician", None, None, len(careers), None, career_zone=3)
    assert "the typical entry BLS gives is an apprenticeship" in replies.fit_reply(careers, f, Person()).text


def test_two_careers_weighed_for_me_say_how_each_matches(act):
    """ "which is better for me, nursing or accounting?" got the compare card alone, though the person's interests
    were known; with none known it says what would tell."""
    compare = action_class(act, "ActionCompareCareers")
    text = "which is better for me, nursing or accounting?"
    [msg], _ = run(compare(), tracker(text, "compare_careers", ["nursing", "accounting"]))
    assert msg["compare"] == ["registered-nurse", "accountant"], msg
    assert "depends on what you enjoy" in msg["text"] and [f["match"] for f in msg["fits"]] == [None, None]
    assert any(b["payload"] == "/start_quiz" for b in msg["buttons"]), msg
    [msg], _ = run(compare(), tracker(text, "compare_careers", ["nursing", "accounting"], {"quiz": finished_test("S")}))
    fits = {f["career"]: f["match"] for f in msg["fits"]}
    assert fits["registered-nurse"] > fits["accountant"], fits
    mine = msg["text"][msg["text"].index("For you") :]
    assert mine.startswith("For you, from your career test: Registered Nurse"), mine
    # a plain comparison with nothing known about the person stays the card
    [msg], _ = run(compare(), tracker("compare nursing and accounting", "compare_careers", ["nursing", "accounting"]))
    assert "fits" not in msg and "For you" not in msg["text"], msg


def test_a_family_name_in_a_comparison_keeps_the_other_career(act):
    """ "which is better for me, nursing or teaching?" asked which teacher and dropped the nurse."""
    compare = action_class(act, "ActionCompareCareers")
    text = "which is better for me, nursing or teaching?"
    [msg], _ = run(compare(), tracker(text, "compare_careers", ["nursing", "teaching"]))
    assert "compare with Registered Nurse" in msg["text"], msg
    assert msg["buttons"] and all('"registered-nurse"' in b["payload"] for b in msg["buttons"]), msg["buttons"]
    assert all(b["payload"].startswith("/compare_careers") for b in msg["buttons"])


def test_a_fit_with_a_family_name_and_shyness_answers_for_the_first(act, careers):
    """ "would teaching suit someone who is kinda shy" asked which teacher, and the shyness was lost after the
    button: now the first teacher's fit, the others as buttons, and a line on shyness."""
    text = "would teaching suit someone who is kinda shy"
    [msg], slots = run(act.ActionFit(), tracker(text, "ask_fit", ["teaching"]))
    first = msg["fit"]["career"]
    assert figures.head_noun(careers[first].title) == "teacher" and slots["career"] == first, msg
    assert "covers several careers" in msg["text"] and "Being shy or introverted is no interest" in msg["text"]
    assert sum(b["payload"].startswith("/ask_fit") for b in msg["buttons"]) == 2, msg["buttons"]
    assert "much of the day is spent with people" in replies.people_note(careers["high-school-teacher"])
    assert "does not have helping" in replies.people_note(careers["accountant"])


def test_a_career_weighed_beside_ones_own_job_is_the_path_with_pay(act):
    """A retail manager "thinking about HR ... I have two kids so money matters" was read as interests word by word
    ("Social from 'have two kids so money matters'"): now the path from the one to the other, pay included."""
    text = (
        "I've been a retail manager for 12 years and I'm burned out. I keep thinking about HR because I like helping "
        "people with problems at work, or maybe counseling, but I don't know if I'd need to go back to school and I "
        "have two kids so money matters. What do you think?"
    )
    [msg], _ = run(act.ActionInterests(), tracker(text, "tell_interests", ["retail manager", "HR"]))
    assert msg["path"]["from"] == "store-manager" and msg["path"]["to"] == "human-resources-specialist", msg
    assert "Pay (US): Store Manager, $" in msg["text"] and "Human Resources Specialist, $" in msg["text"], msg["text"]
    # two careers weighed with no job of one's own stay a comparison, not a path
    assert act.advice_route(act.get_service(), "I'm thinking about nursing or accounting") is None


def test_who_a_family_suits_asked_by_a_shy_person_answers_the_first_with_a_line_on_shyness(act):
    """ "would teaching suit someone who is kinda shy" (NLU: ask_personality) asked which teacher; the button's
    answer then had nothing on shyness."""
    from actions.careers import ActionAnswerCareer

    text = "would teaching suit someone who is kinda shy"
    msgs, slots = run(ActionAnswerCareer(), tracker(text, "ask_personality", ["teaching"]))
    assert "covers several careers" in msgs[0]["text"], msgs
    answer = msgs[-1]
    assert answer["career"] == slots["career"] and answer["section"] == "personality", answer
    assert "Being shy or introverted is no interest" in answer["text"], answer["text"]
    assert [b["payload"].startswith("/ask_personality") for b in answer["buttons"][:2]] == [True, True]
    # a question about who teachers suit, with nothing said about oneself, still asks which one
    [msg], _ = run(ActionAnswerCareer(), tracker("who would teaching suit?", "ask_personality", ["teaching"]))
    assert msg.get("ambiguous_career") == "teaching", msg


@pytest.mark.parametrize(
    ("action", "text", "intent", "entities", "key"),
    [
        # a privacy request NLU was unsure of (forget_me 0.47, show_profile 0.44) showed the profile
        ("ActionFallbackSearch", "erase whatever you've stored on me", "nlu_fallback", [], "forget"),
        ("ActionProfile", "please delete everything you know about me", "show_profile", [], "forget"),
        # fit words below NLU's confidence ("would I be any good at accounting": ask_fit 0.396)
        ("ActionFallbackSearch", "would I be any good at accounting", "nlu_fallback", ["accounting"], "fit"),
        ("ActionFallbackSearch", "am I suited to real estate", "nlu_fallback", [], "fit"),
        # NLU tagged "force" as a career to go to
        (
            "ActionPath",
            "I'm a police officer thinking of leaving the force, what are my options?",
            "ask_path",
            ["police officer", "force"],
            "moves",
        ),
        # two interest types read as "show more"
        ("ActionRankCareers", "so am I more investigative or more artistic?", "show_more", [], "explain"),
    ],
)
def test_strong_words_answer_what_nlu_was_unsure_of(act, action, text, intent, entities, key):
    slots = {"profile": {"education": "master", "max_job_zone": 5}, "quiz": finished_test("IA")}
    msgs, events = run(action_class(act, action)(), tracker(text, intent, entities, slots))
    msg = msgs[-1]
    if key == "forget":
        assert events["profile"] is None and events["quiz"] is None, (msgs, events)
    elif key == "fit":
        # a career named: its fit; a field ("real estate"): which career, each button asking the fit
        fitted = (msg.get("fit") or {}).get("career") or msg["buttons"][0]["payload"]
        assert ("accountant" if "accounting" in text else '/ask_fit{"career": "real-estate-agent"}') == fitted, msg
    elif key == "moves":
        assert msg["moves"]["from"] == "police-officer", msg
    else:
        assert "Investigative" in msg["text"] and "Artistic" in msg["text"] and "ranking" not in msg, msg


def test_compare_from_a_list_whatever_nlu_read(act):
    """ "compare the first two" (NLU: refine_ranking) and "compare the top two" (fallback) after a ranking ranked all
    careers by pay."""
    from actions.careers import ActionFallbackSearch

    five = ["registered-nurse", "electrician", "accountant", "plumber", "welder"]
    said = [{"event": "bot", "text": "...", "metadata": {"ranking": {"by": "salary", "careers": five}}}]
    for action, text, intent in [
        (act.ActionRankCareers, "compare the first two", "refine_ranking"),
        (ActionFallbackSearch, "compare the top two", "nlu_fallback"),
    ]:
        t = tracker(text, intent, slots={"ranking": {"by": "salary"}})
        t.events = said
        [msg], _ = run(action(), t)
        assert msg["compare"] == five[:2], (text, msg)
    t = tracker("compare those two", "refine_ranking", slots={"ranking": {"by": "salary"}})
    t.events = said
    [msg], _ = run(act.ActionRankCareers(), t)
    assert msg["text"].startswith("Which two of the list"), msg


def test_a_fit_asked_for_someone_else_is_not_answered_from_the_askers_test(act):
    """A parent who took the test asked "would my son be a good electrician?" and got "a 30% match ... from your
    career test": the parent's answers say nothing about the son."""
    slots = {"quiz": finished_test("SA")}
    text = "would my son be a good electrician?"
    [msg], _ = run(act.ActionFit(), tracker(text, "ask_fit", ["electrician"], slots))
    assert msg["fit"]["career"] == "electrician" and msg["fit"]["match"] is None and msg["fit"]["basis"] is None, msg
    assert "suit your son" in msg["text"] and "only their own answers can show" in msg["text"], msg
    assert "%" not in msg["text"], msg
    # one's own fit still comes from one's own test
    [msg], _ = run(act.ActionFit(), tracker("would I be a good electrician?", "ask_fit", ["electrician"], slots))
    assert msg["fit"]["basis"] == "test" and msg["fit"]["match"] is not None, msg


def test_interests_told_about_someone_else_are_theirs_and_not_kept_as_the_askers(act, careers):
    """A parent who took the test said "my son loves fixing bikes and building things": it was read as the parent's
    own interests, blended into their profile and test, and every later answer about the parent used it."""
    slots = {"quiz": finished_test("SA"), "profile": {"interests_text": ["helping people"], "zone": None}}
    text = "my son loves fixing bikes and building things, what jobs could he do?"
    [msg], set_slots = run(act.ActionInterests(), tracker(text, "tell_interests", slots=slots))
    found = msg["interests_match"]
    assert found["about"] == "son" and found["basis"] == "interests", found  # his words alone, not blended
    assert "R" in found["code"] and found["matches"], found
    assert max(found["scores"], key=found["scores"].get) == "R", found
    assert "about your son" in msg["text"] and "kept none of this in your own profile" in msg["text"], msg["text"]
    assert "shares your" not in msg["text"] and "career test result" not in msg["text"], msg["text"]
    assert "profile" not in set_slots and set_slots["ranking"]["careers"], set_slots
    # the asker's own words are still theirs
    [msg], set_slots = run(act.ActionInterests(), tracker("I love fixing bikes", "tell_interests", slots=slots))
    assert "about" not in msg["interests_match"] and "fixing bikes" in set_slots["profile"]["interests_text"]


@pytest.mark.parametrize(
    "text, intent, source",
    [
        ("do any of these match my navy logistics experience?", "nlu_fallback", "logistics-manager"),
        ("which of these fit my experience as a cashier", "ask_moves", "cashier"),
        ("do any of them suit my background in retail", "refine_ranking", "retail-salesperson"),
    ],
)
def test_experience_weighed_against_a_list_sorts_the_list_by_what_it_would_reuse(act, careers, text, intent, source):
    """A veteran asked "do any of these match my navy logistics experience?" after a list and got the list's
    logistics careers by interest match, nothing about the experience."""
    listed = ["court-reporter", "data-entry-clerk", "logistician", "transportation-planner", "bookkeeper", "cashier"]
    slots = {"ranking": {"by": "shown", "careers": listed}}
    action = {"nlu_fallback": "ActionFallbackSearch", "ask_moves": "ActionMoves", "refine_ranking": "ActionRankCareers"}
    [msg], set_slots = run(action_class(act, action[intent])(), tracker(text, intent, slots=slots))
    found = msg["experience"]
    assert found["from"][0] == source and sorted(found["careers"]) == sorted(listed), found
    assert msg["text"].startswith("Reading your") and "Of the 6 careers just listed" in msg["text"], msg["text"]
    assert set_slots["ranking"]["careers"] == found["careers"]
    if source == "logistics-manager":
        assert found["careers"][0] == "logistician" and "military" in msg["text"], msg["text"]
        assert found["careers"].index("court-reporter") > 2, found
    if source == "cashier":
        assert found["careers"][0] == "cashier" and "your own line of work" in msg["text"], msg["text"]


def test_experience_with_no_list_is_the_moves_from_it_and_unknown_words_are_said(act):
    [msg], _ = run(act.ActionMoves(), tracker("which of these jobs fit my experience as a cashier?", "ask_moves"))
    assert msg["moves"]["from"] == "cashier", msg
    [msg], _ = run(act.ActionMoves(), tracker("do any of these fit my experience in zorbling?", "ask_moves"))
    assert msg["experience"]["from"] == [] and 'couldn\'t place "zorbling"' in msg["text"], msg["text"]
    [msg], _ = run(act.ActionMoves(), tracker("which of these use my skills?", "ask_moves"))
    assert msg["text"].startswith("Which work do you mean?"), msg["text"]


def test_no_thanks_outside_the_test_is_a_decline_and_mid_test_an_answer(act):
    from actions.careers import ActionFallbackSearch

    [msg], _ = run(ActionFallbackSearch(), tracker("no thanks", "nlu_fallback"))
    assert msg["text"].startswith("No problem."), msg
    items = quiz.default_items()
    state = {**quiz.new_state(), "answers": {i.id: 4 for i in items[:20]}, "order": [i.id for i in items[:20]]}
    state["current"] = "c01"  # Organize files so anyone can find them
    _, slots = run(ActionFallbackSearch(), tracker("ugh filing, no thanks", "nlu_fallback", slots={"quiz": state}))
    assert slots["quiz"]["answers"]["c01"] == 2, slots


@pytest.mark.parametrize(
    ("intent", "action"), [("nlu_fallback", "ActionFallbackSearch"), ("quiz_answer", "ActionQuiz")]
)
def test_not_knowing_what_one_likes_is_where_the_test_starts(act, intent, action):
    """ "idk wat i like tbh" was not understood, and the teen's "ya sure" after it got "Goodbye"."""
    [msg], _ = run(action_class(act, action)(), tracker("idk wat i like tbh", intent))
    assert msg["help_topic"] == "undecided" and "career test" in msg["text"], msg
    assert "/start_quiz" in [b["payload"] for b in msg["buttons"]]
    from bot.dialogue.quiz_replies import accepts_test_offer

    assert accepts_test_offer("ya sure", {"text": msg["text"], "metadata": {"help_topic": "undecided"}})


@pytest.mark.parametrize(
    ("text", "intent", "career"),
    [
        ("I'm deaf, can I be a nurse?", "ask_fit", "registered-nurse"),
        ("I have epilepsy, can I be a truck driver?", "ask_education", "truck-driver"),
    ],
)
def test_a_health_condition_said_with_a_career_gets_the_accommodation_line(act, text, intent, career):
    """ "I'm deaf, can I be a nurse?" got the nurse's "Who it suits"; "I have epilepsy, can I be a truck driver?"
    nothing on the question asked."""
    action = "ActionFit" if intent == "ask_fit" else "ActionAnswerCareer"
    messages, _ = run(action_class(act, action)(), tracker(text, intent, [career]))
    said = " ".join(m.get("text") or "" for m in messages)
    assert "Americans with Disabilities Act" in said and "medical standards" in said, said


def test_a_yes_to_the_offer_read_as_goodbye_starts_the_test():
    """ "ya sure" after "Would you like to take the career test?" (NLU: goodbye) got "Goodbye"."""
    from actions.small_talk import ActionSmallTalk

    offer = {"event": "bot", "text": "That's a very common place to be ...", "metadata": {"help_topic": "undecided"}}
    t = tracker("ya sure", "goodbye")
    t.events.append(offer)
    messages, slots = run(ActionSmallTalk(), t)
    assert slots["quiz"] is not None and "Question 1" in " ".join(m.get("text") or "" for m in messages), messages


LONG_STORY = (
    "Hi. I'm 24. I went to community college for a year to study accounting because my parents wanted me to, and I "
    "hated it. I hate desk jobs and numbers. I like being outside and I'm good with my hands. I don't really want to "
    "do four more years of school. What careers would suit me and what do they pay?"
)


def test_careers_asked_to_suit_me_are_a_list_not_the_fit_of_a_career_named_in_passing(act):
    """The fifth blind round: this story got "Accountant is a 63% match", and so did "I didn't ask about accounting,
    I hate it. What careers suit me?" and "what careers suit me?"; "numbers" (hated) was read as a liked interest."""
    [msg], slots = run(act.ActionFit(), tracker(LONG_STORY, "ask_fit", ["accounting"]))
    found = msg["interests_match"]
    assert sum("a year, US median" in line for line in msg["text"].splitlines()) >= 5, msg["text"]  # "...they pay?"
    assert "fit" not in msg and found["matches"], msg
    assert max(found["scores"], key=found["scores"].get) == "R" and "C" not in (found["code"] or ""), found
    assert "accountant" not in [m["career"] for m in found["matches"]]
    profile = slots["profile"]
    assert "not numbers" in profile["interests_text"] and "numbers" not in profile["interests_text"], profile
    again = {"profile": profile, "career": "accountant"}
    for text in ["I didn't ask about accounting, I hate it. What careers suit me?", "what careers suit me?"]:
        [msg], slots = run(act.ActionFit(), tracker(text, "ask_fit", slots=again))
        assert "fit" not in msg and msg.get("ranking", {}).get("by") == "match", (text, msg)
        assert "Accountant" not in msg["text"].split("\n")[1], msg["text"]
    # the interests told are not changed by words about the conversation
    assert "didn't ask about accounting" not in " ".join(slots.get("profile", profile)["interests_text"])


def test_careers_that_match_my_interests_use_them_instead_of_starting_the_test(act):
    profile = {
        "interests_text": ["outdoors", "animals"],
        "interests": {"R": 5.5, "I": 4, "A": 4, "S": 4, "E": 4, "C": 4},
    }
    messages, _ = run(
        act.ActionQuiz(), tracker("show me careers that match my interests", "start_quiz", slots={"profile": profile})
    )
    assert messages[0].get("ranking", {}).get("by") == "match", messages


def test_a_list_without_a_degree_says_how_to_include_apprenticeships():
    """The fifth blind round: "without a degree" left out electricians and licensed practical nurses (job zone 3) while
    its heading seemed to count apprenticeships."""
    from bot.dialogue.advice.replies import filters_in_words

    [said] = filters_in_words({"max_job_zone": 2})
    assert "job zone 2 or below" in said and "electricians" in said and '"a certificate or apprenticeship"' in said
    req = rankings.parse("best paying construction jobs with a certificate or apprenticeship")
    assert req.filters.get("levels") == list(figures.BELOW_ASSOCIATE), req
