"""Career-name resolution: exact, alias, plural, abbreviation, typo, description, unknown, ambiguous."""

from __future__ import annotations

import pytest

from bot.dialogue.resolve import CareerResolver
from bot.knowledge.pages import load_careers
from tests.conftest import ROOT

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def real_resolver() -> CareerResolver:
    return CareerResolver(load_careers([ROOT / "knowledge" / "careers"]))


@pytest.fixture(scope="module")
def real_service():
    """The real pages and the index `make` builds from them (as tests/test_knowledge_quality.py)."""
    from bot.dialogue.service import load_service

    return load_service([ROOT / "knowledge" / "careers"], ROOT / "knowledge" / "index")


@pytest.mark.parametrize(
    ("said", "career"),
    [
        ("Pharmacist", "pharmacist"),
        ("pharmacists", "pharmacist"),
        ("pharmacyst", "pharmacist"),
        ("ML engineer", "machine-learning-engineer"),
        ("ML eng", "machine-learning-engineer"),
        ("machine learning engineers", "machine-learning-engineer"),
        ("data scientist", "data-scientist"),
        ("RN", "registered-nurse"),
        ("vet", "veterinarian"),
        ("veterinarain", "veterinarian"),
        ("electricain", "electrician"),
        ("ux designer", "ux-designer"),
        ("mlops engineer", "mlops-engineer"),
        ("career counselor", "career-counselor"),  # "career" is part of this name, not filler
        ("a career as a nurse", "registered-nurse"),  # ...and filler here
        ("the job of a welder", "welder"),
        ("securities analyst", "financial-analyst"),  # as written, though "security analyst" is another's alias
        ("security analyst", "cybersecurity-analyst"),
        ("laweyr", "lawyer"),  # one slip in a short name: similarity ratios alone miss these
        ("babrer", "barber"),
        ("plubmer", "plumber"),
        ("coypwriter", "copywriter"),  # one slip from copywriter, not from writer
        ("logistcs manager", "logistics-manager"),  # a no-word's "plural" is not cut off before the slip is sought
        ("social servcies manager", "social-services-manager"),
        ("electrision", "electrician"),  # spelled by ear: no slip away from any word, but it sounds like one
        ("fysical therapist", "physical-therapist"),
        ("tecnician", None),  # sounds like "technician", which names several careers: not one of them
        ("musition", "musician"),
        ("dietition", "dietitian"),
    ],
)
def test_names_resolve(real_resolver, said, career):
    res = real_resolver.resolve(said)
    assert res.career == career, res


def test_a_slip_from_two_careers_is_a_question(real_resolver):
    """The typo "orthpotist" is one slip from orthoptist (two letters swapped) and from orthotist (one too many)."""
    res = real_resolver.resolve("orthpotist")
    assert res.how == "ambiguous" and res.suggestions == ["orthoptist", "orthotist-and-prosthetist"], res


@pytest.mark.parametrize("said", ["blacksmith", "astronaut", "xyzzy", "biker"])
def test_unknown_careers_are_not_guessed(real_resolver, said):
    res = real_resolver.resolve(said)
    # never a guess: unknown, or asked back ("blacksmith": an O*NET title of several occupations; "astronaut": O*NET
    # files "Astronaut, Mission Specialist" under air crew officers, so the military officer page is offered)
    assert res.career is None and res.how in ("unknown", "ambiguous", "near")
    assert "baker" not in res.suggestions  # "biker" is a real word: no near spelling is suggested


# The names of the issue "The breadth of a real career site": (words, the career they name or None, careers a
# question back must offer, careers that must be neither the answer nor offered first).
ISSUE_NAMES = [
    ("AI consultant", "ai-consultant", set(), {"tax-preparer"}),
    ("coastal engineer", "coastal-engineer", set(), {"cost-estimator"}),
    ("computer engineer", "computer-hardware-engineer", set(), set()),
    ("AI data curator", "ai-data-curator", set(), {"museum-curator"}),
    ("product safety engineer", "health-and-safety-engineer", set(), {"product-manager"}),
    ("commercial banker", "loan-officer", set(), {"baker"}),
    ("doctor of veterinary medicine", "veterinarian", set(), {"physician"}),
    ("DVM", "veterinarian", set(), set()),
    ("veterinary medicine", "veterinarian", set(), set()),
    ("drain technician", None, {"plumber"}, {"drafter"}),
    ("pool attendant", None, {"lifeguard"}, {"housekeeper"}),
    ("metal roofing mechanic", "roofer", set(), {"automotive-service-technician"}),
    ("web architect", None, {"web-developer", "computer-systems-architect"}, {"architect"}),
    ("dough mixer", "food-batchmaker", set(), {"audio-engineer"}),
    ("custom sewer", "tailor", set(), {"plumber"}),
]


@pytest.mark.parametrize(("said", "career", "offered", "never"), ISSUE_NAMES)
def test_names_of_the_issue(real_service, said, career, offered, never):
    res = real_service.resolver.resolve(said)
    assert res.career == career, res
    assert offered <= set(res.suggestions), res
    assert res.career not in never and not (res.suggestions and res.suggestions[0] in never), res


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("what does an AI consultant do?", ["ai-consultant"]),
        ("what does a web architect do", []),  # an O*NET title of several careers: not the architect
        ("what does an AI data curator do", ["ai-data-curator"]),
        ("how much does a commercial banker earn", ["loan-officer"]),  # an O*NET title of one page
        ("is a metal roofing mechanic a good job", ["roofer"]),
        ("compare a sparkie and a chippy", ["electrician", "carpenter"]),
    ],
)
def test_names_in_a_message(real_service, text, found):
    assert real_service.resolver.find_in_text(text) == found


def test_a_shorter_name_inside_a_title_that_is_not_ours_is_not_answered(real_service, monkeypatch):
    """NLU may tag only "architect" in "what does a web architect do?": the assistant asks about web architects."""
    from actions import careers as actions
    from tests.test_actions import run, tracker

    monkeypatch.setattr(actions, "get_service", lambda: real_service)
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("what does a web architect do?", "ask_duties", ["architect"]))
    assert "section" not in msg and msg.get("ambiguous_career") == "web architect", msg
    assert "architect" not in msg["suggestions"]


@pytest.mark.parametrize(
    ("said", "career"),
    [
        ("sparkie", "electrician"),
        ("grease monkey", "automotive-service-technician"),
        ("chippy", "carpenter"),
        ("brickie", "brickmason"),
        ("dinner lady", "dining-room-attendant"),
        ("lollipop lady", "crossing-guard"),
        ("bean counter", "accountant"),
        ("pencil pusher", "office-clerk"),  # once "close to" grinders and polishers
        ("number cruncher", "accountant"),
        ("medic", "paramedic"),
        ("roadie", "audiovisual-technician"),
        ("senior accountant", "accountant"),  # a rank in front
        ("comercial banker", "loan-officer"),  # a typo of an O*NET title
    ],
)
def test_everyday_names(real_resolver, said, career):
    assert real_resolver.resolve(said).career == career


def test_tradesman_is_a_question_about_the_trades(real_resolver):
    """O*NET files "Tradesman" under retail buyers; said to us, it means the skilled trades."""
    res = real_resolver.resolve("tradesman")
    assert res.how == "ambiguous" and {"electrician", "plumber", "carpenter"} <= set(res.suggestions)


@pytest.mark.parametrize(
    ("said", "not_this"),
    [
        ("banker", "baker"),
        ("geriatrician", "pediatrician"),
        ("commercial bankr", "baker"),
        ("conche operator", "cnc-operator"),
    ],
)
def test_a_real_word_is_no_typo_of_another_name(real_resolver, said, not_this):
    assert real_resolver.resolve(said).career != not_this


def test_an_occupation_without_a_page_is_named_with_its_neighbours(real_service):
    """An O*NET title of an occupation no page covers: we say so, naming the occupation, and suggest pages of
    O*NET's related occupations and of the same major group."""
    from bot.dialogue.answers import not_found_reply

    res = real_service.resolver.resolve("blacksmith apprentice")
    assert res.how == "unknown" and res.onet and res.suggestions, res
    reply = not_found_reply(real_service, "blacksmith apprentice", res)
    assert "O*NET lists it under" in reply.text and reply.metadata["unknown_career"] == "blacksmith apprentice"


@pytest.mark.parametrize(
    ("said", "some_of_them"),
    [
        ("teachers", {"elementary-school-teacher", "high-school-teacher", "preschool-teacher", "esl-teacher"}),
        ("school teacher", {"elementary-school-teacher", "middle-school-teacher", "high-school-teacher"}),
        ("engineer", {"civil-engineer", "software-engineer", "chemical-engineer", "mlops-engineer"}),
        ("scientists", {"data-scientist", "food-scientist", "soil-scientist"}),
        ("counselor", {"career-counselor", "school-counselor", "mental-health-counselor"}),
    ],
)
def test_a_generic_name_asks_which_of_the_careers_it_ends(real_resolver, said, some_of_them):
    res = real_resolver.resolve(said)
    if len(some_of_them) == 1:  # only one title ends with it: that career
        assert (res.how, res.career) == ("generic", next(iter(some_of_them))), res
    else:
        assert res.how == "ambiguous" and some_of_them <= set(res.suggestions), res
        words = said.rstrip("s").split()
        assert all(real_resolver.careers[c].title.lower().split()[-len(words) :] == words for c in res.suggestions)


def test_coach_is_asked_back_as_o_net_files_it():
    """O*NET files "coach" under athletes' coaches and middle school teachers: the sports coach comes first."""
    res = CareerResolver(load_careers([ROOT / "knowledge" / "careers"])).resolve("coaches")
    assert res.how == "ambiguous" and res.suggestions[0] == "sports-coach", res


def test_description_resolves_semantically(service):
    res = service.resolver.resolve("animal doctor")
    assert res.career == "veterinarian" or "veterinarian" in res.suggestions


def test_colliding_names_ask_which(service):
    from dataclasses import replace

    nurse = service.careers["registered-nurse"]
    careers = {**service.careers, nurse.id: replace(nurse, aliases=[*nurse.aliases, "sparky"])}
    assert "sparky" in careers["electrician"].aliases
    res = CareerResolver(careers).resolve("Sparky")
    assert res.how == "ambiguous" and set(res.suggestions) == {"electrician", "registered-nurse"}


def test_find_in_text_picks_names_in_order(service):
    assert service.resolver.find_in_text("compare a vet and an RN please") == ["veterinarian", "registered-nurse"]
    assert service.resolver.find_in_text("what does a data scientists do") == ["data-scientist"]
    assert service.resolver.find_in_text("I like to work outside") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("what does a blacksmith do?", "blacksmith"),
        ("how much does an astronaut earn", "astronaut"),
        ("is being a lighthouse keeper a growing field", "lighthouse keeper"),
        ("and where do they work?", None),
        ("what about the pay?", None),
        ('/ask_duties{"career": "x"}', None),
    ],
)
def test_leftover_words_name_the_career(text, name):
    from bot.dialogue.resolve import leftover_name

    assert leftover_name(text) == name


@pytest.fixture(scope="module")
def resolver_without(real_service):
    """The real resolver, except that it was never taught some O*NET titles (as the quality report's held-out
    fifth): those titles must be found by what they resemble."""
    from bot.dialogue.names import expand
    from bot.knowledge.titles import title_names

    untaught = {expand(t, strict=True) for t in UNTAUGHT}
    kept = [(n, c) for n, c in title_names() if expand(n, strict=True) not in untaught]
    return CareerResolver(real_service.careers, real_service.index, titles=kept)


UNTAUGHT = {  # O*NET titles, each of one occupation one page covers, that letters alone do not lead to
    "Enumerator": "survey-interviewer",
    "Mud Logging Data Analyst": "geologist",
    "Telephone Messenger": "courier",
    "Bullet Lubricant Mixer": "mixing-and-blending-machine-operator",
    "Zigzag Appliquer": "sewing-machine-operator",
    "Shrimp Pond Laborer": "livestock-farmworker",
}


@pytest.mark.parametrize(("title", "career"), sorted(UNTAUGHT.items()))
def test_a_title_never_taught_is_asked_back_by_meaning(resolver_without, title, career):
    """Never answered silently; offered first, because the titles closest in meaning are that career's."""
    res = resolver_without.resolve(title)
    assert (res.how, res.career) == ("near", None), res
    assert res.suggestions[0] == career, res
    assert resolver_without.titles.match(title) is None  # really never taught

    letters_only = resolver_without.titles._meaning
    resolver_without.titles._meaning = None
    try:
        assert resolver_without.resolve(title).suggestions[:1] != [career]  # what the vectors add
    finally:
        resolver_without.titles._meaning = letters_only


def test_held_out_titles_keep_their_floors(real_service):
    """A seeded sample of the quality report's held-out O*NET titles (docs/evaluation.md: 0.82 right or asked with
    the right career over all of them, 0.4% silently wrong; this sample of 1,500: 0.81 and 0.5%). A sample of 300
    was too small for the 1% floor: one page more moved it from 2 to 3 wrong of 254 (1.2%) while the whole set
    stayed at 0.4%. The floors leave a little room for changes elsewhere."""
    from bot.evaluation.retrieval_eval import held_out_titles

    report = held_out_titles(real_service.careers, real_service.index, limit=1500)
    assert report["titles_of_our_pages"] >= 1250
    assert report["right_or_asked"] >= 0.78, report["examples"]["asked_without"]
    assert report["wrong_share"] <= 0.01, report["examples"]["wrong"]


def test_a_name_nlu_cut_short_is_read_whole_when_we_do_not_know_it(real_service, monkeypatch):
    """NLU may tag "target engineer" in "what does a cyber target engineer do?": the question back is about the
    words said (cyber security careers), not about what "target engineer" alone resembles."""
    from actions import careers as actions
    from tests.test_actions import run, tracker

    monkeypatch.setattr(actions, "get_service", lambda: real_service)
    text = "what does a cyber target engineer do?"
    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, "ask_duties", ["target engineer"]))
    assert msg.get("unknown_career") == "cyber target engineer" and msg.get("did_you_mean"), msg
    assert {"information-security-engineer", "cybersecurity-analyst"} & set(msg["suggestions"]), msg
    assert "amusement-and-recreation-attendant" not in msg["suggestions"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("more pls", []),  # "pls" is please, not a Professional Land Surveyor
        ("do nurses get paid ot", ["registered-nurse"]),  # overtime
        ("any pt jobs for students", []),  # part-time
        ("how much does a PLS earn", ["land-surveyor"]),  # in capitals it is the abbreviation
        ("what does a PT do", ["physical-therapist"]),
    ],
)
def test_chat_words_are_abbreviations_only_in_capitals(real_resolver, text, names):
    assert [cid for _, cid in real_resolver.names_in_text(text) if cid] == names


def test_a_chat_word_tagged_by_nlu_names_nothing():
    from bot.dialogue.resolve import names_nothing

    assert names_nothing("pls") and names_nothing("more pls")
