"""The real knowledge base at scale: coverage, retrieval quality per search mode, and name resolution.

These run on the index `make` builds from knowledge/careers (the same one the assistant answers from).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bot.knowledge.check import CLUSTERS, EDUCATION_LEVELS, shared_names
from bot.knowledge.pages import RIASEC, load_careers
from tests.conftest import ROOT

pytestmark = pytest.mark.unit

BUNDLED = ROOT / "knowledge" / "careers"


@pytest.fixture(scope="module")
def careers():
    return load_careers([BUNDLED])


@pytest.fixture(scope="module")
def real_service():
    from bot.dialogue.service import load_service

    return load_service([BUNDLED], ROOT / "knowledge" / "index")


def test_coverage_of_the_world_of_work(careers):
    assert len(careers) >= 300
    clusters = Counter(c.cluster for c in careers.values())
    assert set(clusters) == CLUSTERS and min(clusters.values()) >= 12, clusters
    first_letters = Counter(max(RIASEC, key=lambda d: c.riasec[d]) for c in careers.values())
    assert set(first_letters) == set(RIASEC) and min(first_letters.values()) >= 20, first_letters
    levels = Counter(c.education["level"] for c in careers.values())
    assert set(levels) == set(EDUCATION_LEVELS), levels  # from no formal credential to doctorate
    assert levels["No formal credential"] + levels["High school diploma"] >= 60


def test_the_breadth_of_a_real_career_site(careers):
    """The floors of the issue "The breadth of a real career site": pages, the share of US jobs in the occupations
    they name (OEWS May 2024), and every SOC major group, military too (O*NET's 55 codes; OEWS does not survey it)."""
    from bot.evaluation.coverage import coverage, employment_share

    assert len(careers) >= 850
    share = employment_share(careers)
    assert share["share"] >= 0.90, share
    report = coverage(careers)
    assert report["major_groups_without_a_page"] == [], report["by_major_group"]
    assert len(report["by_major_group"]) == 23  # 11-53 and 55


def test_no_alias_of_ours_is_another_careers_title(careers):
    titles = {c.title.lower(): c.id for c in careers.values()}
    clashes = [(c.id, a) for c in careers.values() for a in c.aliases if titles.get(a.lower(), c.id) != c.id]
    assert clashes == []


def test_default_search_mode_is_the_one_that_wins(real_service):
    from bot.evaluation.retrieval_eval import load_questions, retrieval_report
    from bot.search.index import DEFAULT_MODE

    questions = load_questions()
    assert len(questions) >= 400 and len({q["career"] for q in questions}) >= 300
    report = retrieval_report(real_service.index, questions)
    assert report["skipped_unknown_career"] == 0
    assert report["best_mode"] == DEFAULT_MODE, report["modes"]
    best = report["modes"][DEFAULT_MODE]
    assert best["recall@10"] >= 0.95 and best["mrr"] >= 0.75, best
    assert best["mrr"] > report["modes"]["bm25"]["mrr"]  # the lexical baseline is beaten


def test_name_resolution_across_all_careers(real_service, careers):
    from bot.evaluation.retrieval_eval import resolution_report

    report = resolution_report(real_service.resolver, careers)
    kinds = report["by_kind"]
    assert kinds["exact"]["accuracy"] == 1.0
    assert kinds["alias"]["accuracy"] >= 0.98 and kinds["typo"]["accuracy"] >= 0.9, report["failures"][:10]
    assert kinds["partial"]["accuracy"] >= 0.9
    assert kinds["generic"]["cases"] >= 20 and kinds["generic"]["accuracy"] == 1.0, report["failures"][:10]
    if "shared" in kinds:  # names several careers use make the assistant ask which one
        assert kinds["shared"]["accuracy"] == 1.0, shared_names(careers)


def test_unknown_careers_get_suggestions_close_in_meaning(real_service):
    # (asked back since the military pages carry O*NET's 55 codes: O*NET files "Astronaut, Mission Specialist" under
    # air crew officers)
    res = real_service.resolver.resolve("astronaut")
    assert res.how in ("unknown", "near") and res.career is None, res
    assert {"airline-pilot", "physicist", "aerospace-engineer"} & set(res.suggestions), res
    # an O*NET title that several of our pages' occupations carry (fine artists, forging machine operators): asked
    res = real_service.resolver.resolve("blacksmith")
    assert res.how == "ambiguous" and res.career is None and "forging-machine-operator" in res.suggestions, res


def test_careers_we_do_not_have_are_never_answered_and_get_neighbours(real_service):
    from bot.evaluation.coverage import load_unknown_careers, unknown_careers_report

    assert len(load_unknown_careers()) >= 35
    report = unknown_careers_report(real_service.resolver)
    assert report["answered_as_another_career"] == []
    assert report["all_suggestions_neighbours"] >= 0.8, report["failures"]


def test_a_generic_name_is_asked_back_with_the_question_kept(real_service, monkeypatch):
    """ "How much do teachers earn?": which teacher, and each button asks the pay of that one."""
    from actions import careers as actions
    from tests.test_actions import run, tracker

    monkeypatch.setattr(actions, "get_service", lambda: real_service)
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("how much do teachers earn?", "ask_salary", ["teachers"]))
    assert msg["ambiguous_career"] == "teachers" and "section" not in msg
    assert '/ask_salary{"career": "high-school-teacher"}' in [b["payload"] for b in msg["buttons"]]
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("what does an engineer do?", "ask_duties"))
    engineers = real_service.resolver.generic["engineer"]
    assert len(msg["buttons"]) == 6 < len(engineers) and f"fits {len(engineers)} careers" in msg["text"]
    assert all(b["payload"].startswith("/ask_duties{") for b in msg["buttons"])


@pytest.mark.parametrize(
    ("question", "expected", "never"),
    [
        # "15" met a sports book writer's "a high school diploma ...", "minecraft" mining pages
        ("my son is 15 and loves minecraft, what careers should he look at?", "video-game-designer", "mining"),
        ("my daughter loves animals and drawing, what jobs could she do", "animal-caretaker", "house-painter"),
    ],
)
def test_an_open_question_for_someone_else_searches_what_they_enjoy(real_service, question, expected, never):
    from bot.dialogue.answers import explore

    found = [c.id for c, _, _, _ in explore(real_service, question)]
    assert expected in found and not any(never in c for c in found), found
