"""What the advice says: Reply objects with text, buttons and the metadata of docs/contracts.md §4.

Every figure is stated with its year and source ("$133,080 a year, US median, May 2024, BLS"), every filter in
words, and every list says it is a starting point built on US figures.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from bot.dialogue.advice import figures
from bot.dialogue.advice.experience import Closeness, Experience
from bot.dialogue.advice.explain import CodeExplained, MatchExplained, strongest_with_ties
from bot.dialogue.advice.fit import Fit, verdict
from bot.dialogue.advice.groups import Group, group_text
from bot.dialogue.advice.interests import Stated
from bot.dialogue.advice.moves import BORROWED_HOW, CareerPath, Move, Ratings, SkillModel
from bot.dialogue.advice.person import Person, strongest
from bot.dialogue.advice.rankings import EDUCATION_KEYS, PAGE, PATIENT, Ranked, compare_query, page_values, rank
from bot.dialogue.answers import Reply, article, first_sentence, payload, salary_phrase
from bot.dialogue.explore_words import about_the_work, mentions
from bot.dialogue.quiz import DIMENSION_NAMES, SHORT_NAMES, TYPICAL_ITEMS, has_profile, top_letters
from bot.dialogue.quiz_replies import CONTINUE_TEST, kept
from bot.dialogue.training_time import experience_needed
from bot.knowledge.pages import Career, holland_code

TEST_LENGTH = f"typically {TYPICAL_ITEMS[0]}-{TYPICAL_ITEMS[1]} quick questions"  # as the test's intro says

START_TEST = {"title": "Take the career test", "payload": "/start_quiz"}
SHOW_MORE = {"title": "Show more", "payload": "/show_more"}
TOPICAL_SHOWN = 5  # careers about what someone named, shown before those that fit their interest profile ...
TOPICAL_MIN_MATCH = 70  # ... when they fit it at least this well (a page's words alone say little about fit)
INTERESTS_ONLY = "It's about interests, not ability, and a starting point for exploring, not a verdict."
SHOWN_CLOSEST = 5  # careers of a list shown with the skills one's experience would reuse
ONET_NOTE = "O*NET 29.3 skills, knowledge and related occupations (USDOL/ETA, CC BY 4.0)"
BY_WORDS = {
    "salary": "median pay (US, May 2024, BLS)",
    "growth": "projected job growth 2024-34 (US, BLS)",
    "openings": "openings a year 2024-34 (US, BLS)",
    "job_zone": "education and training needed (O*NET job zone)",
    "match": "how well they match your interests",
}
ORDER_WORDS = {
    ("salary", "desc"): "highest first",
    ("salary", "asc"): "lowest first",
    ("growth", "desc"): "fastest growing first",
    ("growth", "asc"): "slowest growing (or shrinking) first",
    ("openings", "desc"): "most openings first",
    ("openings", "asc"): "fewest openings first",
    ("job_zone", "asc"): "least preparation first",
    ("job_zone", "desc"): "most preparation first",
    ("match", "desc"): "best match first",
    ("match", "asc"): "weakest match first",
}
RANK_BUTTONS = [
    {"title": "Highest paying", "payload": '/ask_ranking{"ranking_by": "salary"}'},
    {"title": "Fastest growing", "payload": '/ask_ranking{"ranking_by": "growth"}'},
    {"title": "Most openings", "payload": '/ask_ranking{"ranking_by": "openings"}'},
]


def letter_name(d: str) -> str:
    """ "Investigative (ideas, science, solving problems)"."""
    return DIMENSION_NAMES[d]


def letter_word(d: str) -> str:
    return DIMENSION_NAMES[d].split(" (")[0]


def _money(value: float) -> str:
    return f"${value:,.0f}"


# ---------------------------------------------------------------------------------------------------------------
# Rankings


def filters_in_words(filters: dict[str, Any], careers: dict[str, Career] | None = None) -> list[str]:
    words: list[str] = []
    if "careers" in filters and careers:
        named = [careers[c].title for c in filters["careers"] if c in careers]
        words.append(
            "between " + figures.join(named) if len(named) <= 2 else f"among the {len(named)} careers just listed"
        )
    zone_max, zone_min = filters.get("max_job_zone"), filters.get("min_job_zone")
    if zone_max is not None and int(zone_max) <= 2:
        words.append(
            "without a degree (entry with a high school diploma or less or a short certificate, and little "
            f"preparation: O*NET job zone {int(zone_max)} or below; careers learned through an apprenticeship or a "
            'longer program, such as electricians or licensed practical nurses, come with "a certificate or '
            'apprenticeship")'
        )
    elif zone_max is not None:
        words.append(f"needing at most {figures.ZONE_SHORT[int(zone_max)]} (O*NET job zone {int(zone_max)} or below)")
    if zone_min is not None:
        words.append(f"needing at least {figures.ZONE_SHORT[int(zone_min)]} (O*NET job zone {int(zone_min)} or above)")
    if "levels" in filters:
        words.append(
            "open with a certificate or less (typical entry: "
            + figures.join([lv.lower() for lv in filters["levels"]], "or")
            + ")"
        )
    if "cluster" in filters:
        words.append(f"in the {filters['cluster']} career cluster")
    if filters.get("trade"):
        words.append("in the skilled trades (construction, installation and repair, production, hair care, chefs)")
    if "min_salary" in filters and "max_salary" in filters:
        low, high = _money(float(filters["min_salary"])), _money(float(filters["max_salary"]))
        words.append(f"paying {low} to {high} a year (US median)")
    elif "min_salary" in filters:
        words.append(f"paying at least {_money(float(filters['min_salary']))} a year (US median)")
    elif "max_salary" in filters:
        words.append(f"paying at most {_money(float(filters['max_salary']))} a year (US median)")
    if "avoid" in filters:
        things = [t for t in filters["avoid"] if t != PATIENT]
        if PATIENT in filters["avoid"]:
            words.append("leaving out patient care")
        if things:
            words.append("leaving out careers whose pages mention " + figures.join(things, "or"))
    if "interest" in filters:
        d = filters["interest"]
        words.append(
            f"for people with strong {letter_word(d)} interests ({SHORT_NAMES[d]}: among the career's top two)"
        )
    return words


def _value_words(career: Career, by: str, value: float, basis: str | None) -> str:
    if by == "match":
        return f"{int(value)}% match with your {BASIS_WORDS.get(basis or '', 'interests')}"
    return figures.fact_phrase(career, by)


BASIS_WORDS = {
    "test": "career test result",
    "interests": "interests as you told them",
    "blend": "test result and the interests you told me",
}


def _experience_words(career: Career) -> str:
    """ "; usually after 5 or more years in a related job (BLS)": a police sergeant needs no degree, but years as an
    officer first."""
    years = experience_needed(career)
    return f"; usually after {years} in a related job (BLS)" if years else ""


def ranking_reply(careers: dict[str, Career], ranked: Ranked, offset: int = 0, basis: str | None = None) -> Reply:
    q = ranked.query
    shown = ranked.careers[offset : offset + PAGE]
    values = ranked.values[offset : offset + PAGE]
    described = filters_in_words(q.filters, careers)
    head = f"Careers by {BY_WORDS[q.by]}, {ORDER_WORDS[(q.by, q.order)]}" + (
        ", " + "; ".join(described) if described else ""
    )
    meta = {
        "ranking": {
            "by": q.by,
            "order": q.order,
            "filters": dict(q.filters),
            "careers": shown,
            "values": page_values(values, q.by),
            "offset": offset,
            "total": len(ranked.careers),
            "left_out": ranked.left_out,
        }
    }
    left = (
        f" {ranked.left_out} career{'s' if ranked.left_out != 1 else ''} left out: "
        f"{'no figure' if q.by != 'match' else 'no interest profile'} for {'them' if ranked.left_out != 1 else 'it'}."
        if ranked.left_out
        else ""
    )
    if not ranked.careers:
        text = (
            f"{head}: none of my {len(careers)} career pages fits all of that.{left} "
            'Try fewer conditions, for example "highest paying jobs" or "fastest growing jobs in healthcare".'
        )
        return Reply(text, RANK_BUTTONS[:2], meta)
    if not shown:
        text = (
            f"That's the whole list: {len(ranked.careers)} careers ({head.lower()}). Ask for another ranking any time."
        )
        return Reply(text, RANK_BUTTONS, meta)
    entry = any(k in q.filters for k in EDUCATION_KEYS)  # "without a degree": say which are no first job
    lines = [
        f"{n}. {careers[cid].title}: {_value_words(careers[cid], q.by, v, basis)}"
        + (_experience_words(careers[cid]) if entry else "")
        for n, (cid, v) in enumerate(zip(shown, values), offset + 1)
    ]
    more = offset + len(shown) < len(ranked.careers)
    count = f"Showing {offset + 1}-{offset + len(shown)} of {len(ranked.careers)}." + left
    note = (
        INTERESTS_ONLY
        if q.by == "match"
        else figures.US_NOTE + (" Job zones are O*NET's (29.3)." if q.by == "job_zone" else "")
    )
    text = f"{head}:\n" + "\n".join(lines) + f"\n{count}" + (' Say "show me more" for the next ones.' if more else "")
    text += f"\n{note}"
    buttons = ([SHOW_MORE] if more else []) + [
        {"title": careers[cid].title, "payload": payload("ask_overview", cid)} for cid in shown[:3]
    ]
    return Reply(text, buttons, meta)


def no_ranking_yet_reply() -> Reply:
    return Reply(
        'There\'s no list to continue yet. Ask me for one, for example "which careers pay the most?" or '
        '"fastest growing jobs in healthcare".',
        RANK_BUTTONS,
        {"ranking": None},
    )


def unsupported_reply(what: str) -> Reply:
    text = (
        f"I can't rank careers by {what}: the facts I have (US Bureau of Labor Statistics pay and job projections, "
        f"O*NET job zones and interest profiles) say nothing about {what}, and I'd rather not guess. "
        "I can rank careers by pay, job growth, openings or the education they need, with filters such as "
        '"without a degree", "in healthcare" or "over $80k". Everything I rank is US data.'
    )
    return Reply(text, RANK_BUTTONS, {"ranking": None, "unsupported": what})


def few_people_reply() -> Reply:
    """ "jobs for introverts": how much a job means working with people is no fact we rank by, so no list; the test
    measures the interest behind it."""
    return Reply(
        "How much a job means dealing with people isn't among the facts I can rank careers by (pay, growth, openings, "
        "education), so I'd rather not hand you a list that only sounds right. What I can do: the career test "
        "measures how much you'd enjoy working with people (Social and Enterprising interests) against working with "
        "things, ideas or data, and matches careers to that; or tell me what you like doing "
        '("I like fixing things and working outdoors").',
        [START_TEST],
        {"ranking": None, "unsupported": "working with people"},
    )


def no_best_reply() -> Reply:
    """ "what is the best career?": no career is best for everyone (it listed physicians by pay as if pay were
    best); what I can rank by, and how to find what suits the person."""
    return Reply(
        "No career is the best for everyone: the best one for you fits what you enjoy, how much training you want and "
        "the pay and outlook you need. I can rank careers by a fact (pay, growth, openings, education), match them to "
        "your interests with the career test, or suggest some from what you like doing "
        '("I like fixing things and working outdoors").',
        [*RANK_BUTTONS[:2], START_TEST],
        {"ranking": None, "unsupported": "best"},
    )


def group_reply(group: Group) -> Reply:
    """ "jobs for women", "careers for immigrants": no list chosen by who someone is (bot/dialogue/advice/groups.py)."""
    return Reply(group_text(group), [START_TEST], {"ranking": None, "group": group.kind})


def match_needs_interests_reply() -> Reply:
    return Reply(
        "To sort careers by how well they match you I need your interests first: take the career test, or tell me "
        'what you like doing ("I like math and programming").',
        [START_TEST],
        {"ranking": None, "unsupported": "match without interests"},
    )


def two_careers_by_fact(careers: dict[str, Career], a: str, b: str, by: str, text: str) -> Reply:
    """Two careers compared on one fact ("which pays more, a plumber or an electrician?", or "which one pays more?"
    after comparing them), with the figures' sources."""
    ranked = rank(careers, compare_query(a, b, by, text))
    sources = [careers[c].source("salary" if by == "salary" else "outlook") for c in (a, b)]
    return compare_fact_reply(careers, a, b, ranked, sources)


def compare_fact_reply(careers: dict[str, Career], a: str, b: str, ranked: Ranked, compare_sources: list[str]) -> Reply:
    """ "which pays more, a plumber or an electrician?": both figures with their year and source, and the answer."""
    by = ranked.query.by
    ca, cb = careers[a], careers[b]
    lines = [f"- {careers[c].title}: {figures.fact_phrase(careers[c], by)}" for c in (a, b)]
    have = dict(zip(ranked.careers, ranked.values))
    question = {
        "salary": "pays more",
        "growth": "is projected to grow faster",
        "openings": "has more openings",
        "job_zone": "needs more preparation",
    }[by]
    if len(have) < 2:
        missing = [careers[c].title for c in (a, b) if c not in have]
        answer = f"I can't say which {question}: there is no figure for {figures.join(missing)}."
    else:
        va, vb = have[a], have[b]
        if va == vb:
            answer = f"They tie: {ca.title} and {cb.title} have the same figure."
        else:
            top, low = (ca, cb) if va > vb else (cb, ca)
            diff = abs(va - vb)
            amount = {
                "salary": f" by about {_money(diff)} a year",
                "growth": f" ({diff:.1f} percentage points more)",
                "openings": f" (about {diff:,.0f} more a year)",
                "job_zone": f" ({int(diff)} job zone{'s' if diff != 1 else ''} more)",
            }[by]
            answer = f"{top.title} {question} than {low.title}{amount}."
    text = f"{answer}\n" + "\n".join(lines) + f"\n{figures.US_NOTE}"
    meta = {
        "ranking": {
            "by": by,
            "order": ranked.query.order,
            "filters": dict(ranked.query.filters),
            "careers": ranked.careers,
            "values": page_values(ranked.values, by),
        },
        "compare": [a, b],
        "sources": compare_sources,
    }
    buttons = [
        {"title": f"Compare {ca.title} and {cb.title}", "payload": f"/compare_careers{json.dumps({'career': [a, b]})}"},
        {"title": f"About: {ca.title}", "payload": payload("ask_overview", a)},
        {"title": f"About: {cb.title}", "payload": payload("ask_overview", b)},
    ]
    return Reply(text, buttons, meta)


# ---------------------------------------------------------------------------------------------------------------
# Fit


def profile_words(career: Career) -> str:
    code = holland_code(career.riasec)
    return f"{career.title}'s interest profile is {code}: " + ", ".join(letter_name(d) for d in code)


def _zone_sentence(f: Fit, career: Career) -> str:
    if f.career_zone is None:
        return ""
    need = f"It usually needs {figures.ZONE_WORDS[f.career_zone]} (O*NET job zone {f.career_zone})"
    level = figures.level(career)
    if level:  # a Registered Nurse's zone 3 ("... or an associate's degree") beside the comparison's "Bachelor's"
        entry = level.lower()
        entry = entry if entry.startswith("no ") else ("an " if entry[0] in "aeiou" else "a ") + entry
        need += f"; the typical entry BLS gives is {entry}"
    if f.zone_ok is None:
        return need + "."
    if f.zone_ok:
        return need + f", within the education you told me (up to job zone {f.person_zone})."
    return need + f", more than the education you told me (up to job zone {f.person_zone})."


def fit_for_someone_else_reply(careers: dict[str, Career], f: Fit, who: str) -> Reply:
    """ "Would my son be a good electrician?": not answered from the asker's own test or interests, which say
    nothing about the son; what the career draws on, and how he can find out."""
    career = careers[f.career]
    described = profile_words(career) + "." if has_profile(career) else ""
    text = (
        f"Whether {article(career.title)} would suit your {who} depends on what they enjoy, which only their own "
        f"answers can show, not yours. {described} People who enjoy those kinds of activities tend to like the work. "
        f"Your {who} can take the career test here ({TEST_LENGTH}) or say what they like doing, and get their own "
        "matches. "
        f"{_zone_sentence(replace(f, person_zone=None), career)} {INTERESTS_ONLY}"
    ).strip()
    meta = {"fit": replace(f, match=None, rank=None, basis=None).metadata()}
    return Reply(text, [START_TEST, *_about_buttons(f.career)], meta)


def _about_buttons(career_id: str) -> list[dict]:
    """How to become one and its pay: the buttons under a fit answer."""
    return [
        {"title": "How to become one", "payload": payload("ask_education", career_id)},
        {"title": "Pay", "payload": payload("ask_salary", career_id)},
    ]


def fit_offer_reply(careers: dict[str, Career], career_id: str) -> Reply:
    """After "who it suits", for a fit question asked with no test or interests told: how to learn the fit."""
    title = careers[career_id].title
    text = (
        f"Whether {article(title)} suits you depends on what you enjoy, and I don't know that yet. Take the career "
        f"test ({TEST_LENGTH}) and I'll tell you how well it matches you, or tell me what you like doing (\"I like "
        'math and programming").'
    )
    return Reply(text, [START_TEST], {"fit": Fit(career_id, None, None, len(careers), None).metadata()})


def fit_reply(careers: dict[str, Career], f: Fit, person: Person) -> Reply:
    career = careers[f.career]
    about = _about_buttons(f.career)
    if f.basis is None:
        described = profile_words(career) + "." if has_profile(career) else ""
        text = (
            f"Whether {article(career.title)} suits you depends on what you enjoy, and I don't know that yet. "
            f"{described} People who enjoy those kinds of activities tend to like the work. "
            f"Take the career test ({TEST_LENGTH}) and I'll tell you how well it matches you, right after your "
            'result; or tell me what you like doing ("I like math and programming"). '
            f"{_zone_sentence(f, career)}"
        ).strip()
        return Reply(text, [START_TEST, *about], {"fit": f.metadata()})
    assert f.match is not None and f.rank is not None
    basis = (
        "your career test"
        if f.basis == "test"
        else "the interests you told me (" + figures.join(person.stated_text[:4]) + ")"
        if person.stated_text
        else "the interests you told me"
    )
    lines = [
        f"{career.title} is {_a(f.match)} {f.match}% match, {verdict(f.match)}: number {f.rank} of the {f.of} "
        f"careers I know (whatever education they need), from {basis}."
    ]
    if f.match >= 65 and f.rank > max(20, f.of // 10):
        # "an 80% match, a strong match ... number 300 of the 880" read as a contradiction
        lines.append(
            f"{f.rank - 1} careers match as well or better, so it fits your interests without standing out among them."
        )
    if f.shared:
        lines.append(
            "Your strongest interests it shares (among its top three): "
            + figures.join([letter_word(d) for d in f.shared])
            + "."
        )
    if f.lacking:
        lines.append(
            "Strong interests of yours it does not draw on much: "
            + figures.join([letter_word(d) for d in f.lacking])
            + "."
        )
    if not f.strongest:
        lines.append("None of your interests stands out (none scores 4.0 or more), so the match says little.")
    lines.append(f"Its own profile is {f.career_code}.")
    zone = _zone_sentence(f, career)
    if zone:
        lines.append(zone)
    lines.append(INTERESTS_ONLY)
    buttons = ([] if f.basis == "test" else [START_TEST]) + about
    return Reply(" ".join(lines), buttons, {"fit": f.metadata()})


def fits_compared(careers: dict[str, Career], fits: list[Fit]) -> Reply:
    """Two to four careers weighed for one person ("which is better for me, nursing or accounting?"): each one's
    match from the test or the interests told, best first; with neither, what would tell."""
    if fits[0].basis is None:
        return Reply(
            "Which one suits you better depends on what you enjoy, and I don't know that yet: take the career test "
            f'({TEST_LENGTH}) or tell me what you like doing ("I like fixing things and being outdoors"), and I\'ll '
            "say how well each matches you.",
            [START_TEST],
            {"fits": [f.metadata() for f in fits]},
        )
    ordered = sorted(fits, key=lambda f: f.rank or len(careers) + 1)
    basis = "your career test" if fits[0].basis == "test" else "the interests you told me"
    each = [f"{careers[f.career].title} {f.match}% (number {f.rank} of {f.of})" for f in ordered]
    line = f"For you, from {basis}: {figures.join(each)}."
    best, next_best = ordered[0], ordered[1]
    if (best.match or 0) - (next_best.match or 0) < 3:
        line += " They match your interests about equally, so pay, training and where the work is done can decide."
    elif best.shared:
        shared = figures.join([letter_word(d) for d in best.shared])
        line += f" {careers[best.career].title} draws more on your strongest interests ({shared})."
    return Reply(f"{line} {INTERESTS_ONLY}", [], {"fits": [f.metadata() for f in fits]})


def people_note(career: Career) -> str:
    """A fit question said with shyness ("would teaching suit someone who is kinda shy?"): shyness is no interest
    the test scores and rules nothing out; the career's profile says how much of the work is with people."""
    line = (
        "Being shy or introverted is no interest I can score, and it rules no career out: what counts is whether "
        "you'd enjoy the work itself."
    )
    if not has_profile(career):
        return line
    if "S" in top_letters(career.riasec):
        return (
            f"{line} {career.title} has helping and teaching people among its top three interests, so much of the "
            "day is spent with people."
        )
    return f"{line} {career.title} does not have helping and teaching people among its top three interests."


def _a(number: int) -> str:
    """ "an" before 8, 11, 18, 80-89 ("an 80% match"), else "a"."""
    return "an" if str(number).startswith("8") or number in (11, 18) else "a"


# ---------------------------------------------------------------------------------------------------------------
# Interests told in words


def _interest_reason(c: Career, stated: Stated, scores: dict[str, float], basis: str, owner: str = "your") -> str:
    """The interests a match shares with the person (`owner`: "their" for someone the asker told about), naming
    only what the words (or, blended, the test) showed."""
    theirs = holland_code(c.riasec)
    if basis == "blend":
        shared = [d for d in strongest(scores) if d in theirs]
        if not shared:
            return "a close profile overall"
        return f"shares your {figures.join([letter_word(d) for d in shared])} interests (test and words)"
    shared = [d for d in stated.expressed if d in theirs]
    if not shared:
        return "a close profile overall"
    parts = []
    for d in shared:
        said = stated.by_letter.get(d)
        parts.append(letter_word(d) + (f" ({figures.join(said[:3])})" if said else ""))
    return f"shares {owner} " + figures.join(parts) + " interest" + ("s" if len(parts) > 1 else "")


def unmeasured_gains_note(title: str, pay: float, factor: float) -> str:
    return (
        f"I have no figure for job security or benefits, so I kept the moves that pay at least {factor - 1:.0%} more "
        f"than {article(title)}'s US median ({_money(pay)} a year)."
    )


BODY_LIMIT_NOTE = (
    "You mentioned what your body can take: the facts I use don't measure how physically demanding a job is, so "
    "this list doesn't account for it. Each career's \"Where they work\" section describes the setting and often the "
    "physical side (lifting, standing, time on the road). In the US, your state's vocational rehabilitation agency "
    "and American Job Centers help people whose health limits the work they can do."
)


def _unplaced_note(stated: Stated, who: str = "you") -> str:
    """Something to avoid that no interest stands for ("I don't want to sit at a desk all day") is said to be left
    out, not silently dropped."""
    if not stated.unplaced:
        return ""
    return (
        f" What {who}'d rather avoid (\"{figures.join(stated.unplaced)}\") is no interest I can score, so it doesn't "
        'change these careers: each one\'s "Where they work" section says where and how the work is done.'
    )


def interests_reply(
    careers: dict[str, Career],
    stated: Stated,
    scores: dict[str, float],
    basis: str,
    found: list[tuple[Career, int]],
    zone: int | None,
    topical: list[tuple[Career, int]] | None = None,
    named: list[str] | None = None,
    testing: bool = False,
    whose: str | None = None,
    with_pay: bool = False,
) -> Reply:
    """What was read from the words; careers whose pages talk about what was named (`topical`, from a search of the
    pages for the `named` phrases, best fit first: "animals" names zookeepers, which an interest profile alone does
    not); the careers whose interest profiles fit, with honest reasons (only interests the words expressed).
    `testing`: told mid-test, so the test is not offered again. `with_pay`: the pay was asked too ("what careers
    would suit me and what do they pay?"), so each career's median is given. `whose`: the interests are someone
    else's ("my son loves fixing bikes": "son"), said of them and kept out of the asker's profile."""
    they = "they" if whose else "you"
    if not stated.expressed:
        text = (
            f"I couldn't tell from that which kinds of work {they} enjoy. Try naming activities, for example "
            '"I like fixing things and being outdoors" or "I\'m creative and like helping people", or take the '
            "career test for a fuller picture." + _unplaced_note(stated, they)
        )
        empty: dict[str, Any] = {"interests_match": {"scores": stated.scores, "code": None, "matches": []}}
        return Reply(text, [START_TEST], empty)
    read = []
    for d in stated.expressed:
        said = stated.by_letter.get(d)
        read.append(f"{letter_name(d)}" + (f' from "{figures.join(said)}"' if said else " (a little)"))
    about_them = f" about your {whose}" if whose else ""
    text = f"From what you told me{about_them} I read these interests: " + "; ".join(read) + "."
    if stated.disliked:
        text += f" And not much for: {figures.join(stated.disliked)}."
    text += _unplaced_note(stated, they)
    if basis == "blend":
        text += " I blended them with your career test result (2/3 test, 1/3 your words)."
    told = "the education you told me of them" if whose else "the education you told me"
    zone_note = f" (needing up to job zone {zone}, {told})" if zone else ""
    lines = [
        f"{n}. {c.title} ({pct}% match): {_interest_reason(c, stated, scores, basis, 'their' if whose else 'your')}"
        + (f"; {figures.salary_words(c)}" if with_pay else "")
        for n, (c, pct) in enumerate(found, 1)
    ]
    listed = {c.id for c, _ in found}
    about = [(c, pct) for c, pct in topical or [] if c.id not in listed and pct >= TOPICAL_MIN_MATCH][:TOPICAL_SHOWN]
    if about:
        said = named if named is not None else stated.phrases
        text += f'\nCareers about what you named ("{figures.join(said[:3])}"), best fit first: ' + (
            ", ".join(f"{c.title} ({pct}%)" for c, pct in about) + "."
        )
    text += f"\nCareers whose interest profiles fit{zone_note}:\n" + "\n".join(lines)
    finer = "the test you're taking" if testing else "the career test"
    if whose:
        text += (
            f"\nThis is read from a few words, so it's rough: your {whose}'s own answers to the career test give a "
            "finer picture (they can take it here). A starting point for them to explore, not a verdict. I kept none "
            "of this in your own profile."
        )
    elif basis != "blend":
        text += f"\nThis is read from a few words, so it's rough: {finer} gives a finer picture. "
        text += "A starting point, not a verdict."
    else:
        text += "\nA starting point, not a verdict."
    buttons = ([START_TEST] if basis != "blend" and not testing else []) + [
        {"title": c.title, "payload": payload("ask_overview", c.id)} for c, _ in (about[:2] + found)[:3]
    ]
    code = "".join(stated.expressed[:3]) if basis != "blend" else holland_code(scores)
    meta: dict[str, Any] = {
        "interests_match": {
            "scores": scores,
            "code": code or None,
            "matches": [{"career": c.id, "match": pct} for c, pct in found],
            "basis": basis,
            "topical": [c.id for c, _ in about],
        }
    }
    if whose:
        meta["interests_match"]["about"] = whose
    return Reply(text, buttons, meta)


# ---------------------------------------------------------------------------------------------------------------
# Moves and paths


def borrowed_note(careers: dict[str, Career], r: Ratings) -> str:
    if not r.borrowed:
        return ""
    title = careers[r.career].title
    return (
        f"O*NET 29.3 has no skill ratings for {title}, so I used those of {r.source_title} "
        f"({BORROWED_HOW[r.how]}) instead."
    )


def experience_reply(careers: dict[str, Career], experience: Experience, ranked: list[Closeness], of: int) -> Reply:
    """The careers just listed, closest to one's experience first ("do any of these match my navy logistics
    experience?"), each with the skills it would reuse; the experience as read is said first."""
    names = [careers[c].title for c in experience.sources]
    where = " (where you did it doesn't change the skills: military work is read as the civilian job it resembles)"
    read = (
        (
            f'Reading your "{experience.said}" experience as {article(names[0])}\'s work'
            if len(names) == 1
            else f'Reading your "{experience.said}" experience as work like {figures.join(names, "or")}'
        )
        + (where if experience.military and experience.sources != ["enlisted-soldier"] else "")
        + "."
    )
    lines = []
    for n, c in enumerate(ranked[:SHOWN_CLOSEST], 1):
        if c.own_line:
            why = "your own line of work"
        elif c.shared:
            why = "would use your " + figures.join(c.shared[:3])
        else:
            why = "few of the same skills; closer in interests or O*NET's related occupations"
        lines.append(f"{n}. {careers[c.career].title}: {why}.")
    rest = [careers[c.career].title for c in ranked[SHOWN_CLOSEST:]]
    text = (
        f"{read} Of the {of} careers just listed, closest to it first, by shared skills and knowledge, interests "
        "and related occupations (O*NET 29.3, USDOL/ETA, CC BY 4.0):\n"
        + "\n".join(lines)
        + (f"\nFurther from it: {figures.join(rest[:6])}{' and others' if len(rest) > 6 else ''}." if rest else "")
        + "\nA starting point, not a verdict: ask me what any of them needs, or how to get there from the job you did."
    )
    buttons = [{"title": careers[c.career].title, "payload": payload("ask_overview", c.career)} for c in ranked[:3]]
    meta = {
        "experience": {
            "said": experience.said,
            "from": list(experience.sources),
            "careers": [c.career for c in ranked],
        }
    }
    return Reply(text, buttons, meta)


def experience_unplaced_reply(said: str) -> Reply:
    """Experience whose words name no career here, or no words at all ("which of these use my skills?")."""
    ask = 'Name the job you did, for example "which of these fit my experience as a cashier?"'
    text = (f'I couldn\'t place "{said}" among the careers I know. ' if said else "Which work do you mean? ") + (
        f"{ask}, and I'll sort the list by how much of it you'd reuse."
    )
    return Reply(text, [], {"experience": {"said": said, "from": [], "careers": []}})


def moves_reply(
    careers: dict[str, Career],
    model: SkillModel,
    source: str,
    found: list[Move],
    lead: str = "",
    filters: dict[str, Any] | None = None,
    offset: int = 0,
    similar: bool = False,
) -> Reply:
    """Moves from `source`: `found` is every move in order (filtered when `filters`), this page starts at `offset`.
    `similar`: asked as careers like `source` ("jobs similar to a pharmacist"), by someone who need not do it."""
    src = careers[source]
    r = model.ratings[source]
    filters = filters or {}
    described = filters_in_words(filters, careers)
    only = (", " + "; ".join(described)) if described else ""
    shown = found[offset : offset + PAGE]
    meta: dict[str, Any] = {
        "moves": {"from": source, "careers": [m.career for m in shown], "filters": dict(filters), "offset": offset}
    }
    if similar:
        meta["moves"]["similar"] = True
    if not found:
        text = f"I couldn't find careers close to {src.title}{only} in my pages."
        if filters:
            text += ' Say "all careers" to see the moves without that condition.'
        return Reply(text, [], meta)
    if not shown:
        return Reply(f"That's the whole list: {len(found)} careers close to {src.title}{only}.", [], meta)
    lines = []
    for n, m in enumerate(shown, offset + 1):
        c = careers[m.career]
        why = []
        if m.shared:
            why.append(("shares " if similar else "uses your ") + figures.join(m.shared[:3]))
        if m.related >= 0.8:
            why.append("O*NET lists it as related")
        pay = figures.salary_words(c)
        lines.append(f"{n}. {c.title}: " + ("; ".join(why) or "similar interests") + f". Pay: {pay}.")
    note = borrowed_note(careers, r)
    if not r.rated:
        note = (
            f"O*NET 29.3 has no skill ratings for {src.title} or a close occupation, so these rest on interests and "
            "related careers only."
        )
    more = offset + len(shown) < len(found)
    head = (
        f"Careers similar to {src.title}" if similar else f"Careers that build on what you do as {article(src.title)}"
    )
    text = (
        lead
        + f"{head}{only}, by shared skills and knowledge, interests and O*NET related occupations:\n"
        + "\n".join(lines)
        + (f"\n{note}" if note else "")
        + f"\nFrom {ONET_NOTE}; pay is US data. A starting point: ask me how to get from one to another"
        + (' or say "show me more".' if more else ".")
    )
    buttons = [
        {"title": careers[m.career].title, "payload": payload("ask_overview", m.career)}
        if similar
        else {"title": f"Path to {careers[m.career].title}", "payload": path_payload(source, m.career)}
        for m in shown[:3]
    ]
    return Reply(text, ([SHOW_MORE] if more else []) + buttons, meta)


def path_payload(a: str, b: str) -> str:
    return f"/ask_path{json.dumps({'career': [a, b]})}"


def path_reply(careers: dict[str, Career], model: SkillModel, p: CareerPath) -> Reply:
    a, b = careers[p.source], careers[p.target]
    meta = {
        "path": {
            "from": p.source,
            "to": p.target,
            "skills_to_build": p.skills_to_build,
            "shared_skills": p.shared_skills,
            "via": p.via,
            "knowledge_to_build": p.knowledge_to_build,
        }
    }
    parts = [f"From {a.title} to {b.title}:"]
    if p.rated:
        if p.shared_skills:
            parts.append("What you bring: " + figures.join(p.shared_skills) + ".")
        if p.skills_to_build:
            parts.append(
                f"Skills to build (where {b.title} needs a higher level): " + figures.join(p.skills_to_build) + "."
            )
        if p.knowledge_to_build:
            parts.append("Knowledge to gain: " + figures.join(p.knowledge_to_build) + ".")
    else:
        parts.append(
            f"O*NET rates {a.title} and {b.title} with the same (or no) skill ratings, so I can't point to skill gaps."
        )
    parts.append(_education_step(a, b))
    # the pay each way: a career changer weighs it ("I have two kids so money matters")
    parts.append(f"Pay (US): {a.title}, {salary_phrase(a)}; {b.title}, {salary_phrase(b)}.")
    how = b.sections.get("education")
    if how:
        parts.append(f"How people become {article(b.title)}: {first_sentence(how)} ({b.source('education')})")
    if p.via:
        parts.append(
            "Careers in between that some take as a stepping stone: "
            + figures.join([careers[c].title for c in p.via])
            + "."
        )
    notes = [
        n
        for n in (borrowed_note(careers, model.ratings[p.source]), borrowed_note(careers, model.ratings[p.target]))
        if n
    ]
    parts += notes
    parts.append(f"From {ONET_NOTE}. A starting point, not a plan: a counselor can help with the details.")
    buttons = [
        {"title": f"How to become {article(b.title)}", "payload": payload("ask_education", p.target)},
        {"title": f"Skills of {article(b.title)}", "payload": payload("ask_skills", p.target)},
    ] + [{"title": f"About: {careers[c].title}", "payload": payload("ask_overview", c)} for c in p.via[:1]]
    return Reply("\n".join(parts), buttons, meta)


def _education_step(a: Career, b: Career) -> str:
    za, zb = figures.job_zone(a), figures.job_zone(b)
    la, lb = figures.level(a) or "varies", figures.level(b) or "varies"
    if za is None or zb is None:
        return f"Typical entry: {a.title}, {la.lower()}; {b.title}, {lb.lower()}."
    if zb > za:
        step = f"a step up in preparation: from job zone {za} to {zb} ({figures.ZONE_WORDS[zb]})"
    elif zb < za:
        step = f"no more formal preparation than you have: job zone {zb}, below {a.title}'s {za}"
    else:
        step = f"the same level of preparation (job zone {za}, {figures.ZONE_WORDS[za]})"
    return f"Education: {step}. Typical entry: {a.title}, {la.lower()}; {b.title}, {lb.lower()}."


# ---------------------------------------------------------------------------------------------------------------
# Explanations


def _ties_words(groups: list[list[str]]) -> str:
    return "; ".join(figures.join([letter_word(d) for d in g]) + " tie" for g in groups)


def code_reply(e: CodeExplained) -> Reply:
    meta: dict[str, Any] = {"explain": {"code": e.code, "letters": e.letters, "ties": e.ties}}
    intro = (
        "A Holland code (RIASEC) sums up interests with the letters of the strongest of six types, strongest first: "
        "Realistic, Investigative, Artistic, Social, Enterprising, Conventional."
    )
    if not e.code:
        return Reply(intro + " Take the career test to get yours.", [START_TEST], meta)
    lines = [f"{intro} {e.code} means:"]
    for n, d in enumerate(e.letters, 1):
        lines.append(f"{n}. {letter_name(d)}")
    if e.theirs and e.scores:
        lines.append("Your scores (1-7): " + ", ".join(f"{d} {e.scores[d]:.1f}" for d in e.letters) + ".")
    if e.ties:
        lines.append(
            f"Some letters tie ({_ties_words(e.ties)}): their order in the code is only the RIASEC order, so "
            "read them as equal."
        )
    lines.append("Careers with a similar code tend to suit people with those interests. " + INTERESTS_ONLY)
    return Reply("\n".join(lines), [] if e.theirs else [START_TEST], meta)


def my_interests_reply(scores: dict[str, float], basis: str) -> Reply:
    groups = strongest_with_ties(scores)
    code = holland_code(scores)
    where = BASIS_WORDS[basis]
    lines = [f"From your {where}, your interests from strongest to weakest (scores 1-7):"]
    for g in groups:
        for d in g:
            others = [letter_word(e) for e in g if e != d]
            lines.append(
                f"- {letter_name(d)}: {scores[d]:.1f}" + (f" (tied with {figures.join(others)})" if others else "")
            )
    tied = [g for g in groups if len(g) > 1]
    lines.append(
        f"Your Holland code is {code}"
        + (", though tied letters could be in either order." if tied else ".")
        + " "
        + INTERESTS_ONLY
    )
    meta = {"explain": {"code": code, "letters": list(code), "scores": scores, "ties": tied}}
    return Reply("\n".join(lines), [{"title": "What does my code mean?", "payload": "/explain_code"}], meta)


def no_interests_reply(what: str, unfinished: int = 0) -> Reply:
    """`unfinished`: the answers of a test not finished yet (it said "you haven't taken the career test" after 98)."""
    if unfinished:
        return Reply(
            f"I can't tell {what} yet: {unfinished_line(unfinished)}",
            [CONTINUE_TEST],
            {"explain": {"code": None, "letters": []}},
        )
    return Reply(
        f"I can't tell {what} yet: you haven't taken the career test or told me what you like doing. "
        f'Take the test ({TEST_LENGTH}), or say something like "I like math and programming".',
        [START_TEST],
        {"explain": {"code": None, "letters": []}},
    )


def unfinished_line(answers: int) -> str:
    return (
        f"your career test isn't finished ({kept(answers).lower()}), and results come at the end. "
        'Say "continue the test" to carry on.'
    )


def concerns_note(career: Career, concerns: list[str], fit: bool = True) -> str:
    """A line on what the person must avoid, said with a fit question (`fit`: no figure measures it, so no match
    accounts for it) or alone after a career ("im scared of heights tho"), and whether the page speaks of it."""
    said = figures.join(concerns)
    them = "them" if len(concerns) > 1 else "it"
    page = about_the_work(career)
    named = [c for c in concerns if mentions(page, c.split()[0])]
    where = (
        f'Its page mentions {figures.join(named)}: see "Where they work".'
        if named
        else f'Its page doesn\'t mention {them}; "Where they work" says what the setting is like.'
    )
    if not fit:
        return f"On {said}: {where}"
    return f"On {said}: no figure I have measures {them}, so no match here accounts for {them}. {where}"


def search_why_reply(careers: dict[str, Career], query: str, listed: list[str], career: str | None) -> Reply:
    """Why careers are on a list that came from a search of the pages ("why?", "why is vet tech on there?"): their
    pages matched the words, which says nothing about the person."""
    titles = figures.join([careers[c].title for c in listed if c in careers])
    if career and career not in listed:
        head = f"{careers[career].title} wasn't on that list: it had {titles}. "
    elif career:
        head = f"{careers[career].title} is on the list because a passage of its page is close in meaning to "
        head += f'"{query}" (the line after its name). '
    else:
        head = f'Those careers come from a search of the career pages for "{query}": each is listed because a passage '
        head += "of its page is close in meaning to your words (the line after its name). "
    return Reply(
        head + "That's a match with your words, not with you: it says nothing of whether a career suits you. For "
        "careers matched to your interests, take the career test or tell me what you enjoy doing.",
        [START_TEST],
        {"explain": {"career": career, "search": query}},
    )


def match_reply(careers: dict[str, Career], e: MatchExplained, scores: dict[str, float], basis: str) -> Reply:
    career = careers[e.career]
    where = BASIS_WORDS[basis]
    if e.match is None:
        return Reply(
            f"{career.title} has no interest profile, so I can't match it.", [], {"explain": {"career": e.career}}
        )
    if e.on_list:
        head = (
            f"{career.title} is on your list because its interest profile follows yours closely: "
            f"{_a(e.match)} {e.match}% match"
        )
    elif e.beyond_zone:
        head = (
            f"{career.title} isn't on your list: it usually takes more education than you said you want. As a match "
            f"it's {_a(e.match)} {e.match}%"
        )
    else:
        head = f"{career.title} isn't on your list: it's {_a(e.match)} {e.match}% match"
    among = f"the {e.of} careers open with the education you chose" if e.zone else f"{e.of} careers"
    text = head + f", number {e.rank} of {among}, from your {where}."
    if e.named:
        text += (
            " You and it both score high on "
            + figures.join([letter_word(d) for d in e.named])
            + " (your scores: "
            + ", ".join(f"{d} {scores[d]:.1f}" for d in e.named)
            + f"; its code is {e.career_code})."
        )
    else:
        text += (
            f" None of your strongest interests (4.0 or more, your top three) is among its top three (its code is "
            f"{e.career_code}, yours {e.person_code}): the match comes from the overall shape of the two profiles."
        )
    text += " " + INTERESTS_ONLY
    meta = {
        "explain": {
            "career": e.career,
            "match": e.match,
            "rank": e.rank,
            "of": e.of,
            "letters": e.named,
            "code": e.person_code,
        }
    }
    buttons = [
        {"title": f"About: {career.title}", "payload": payload("ask_overview", e.career)},
        {"title": "My strongest interests", "payload": "/my_interests"},
    ]
    return Reply(text, buttons, meta)


# ---------------------------------------------------------------------------------------------------------------
# Profile


def profile_reply(careers: dict[str, Career], profile: dict[str, Any], person: Person, unfinished: int = 0) -> Reply:
    """`unfinished`: the answers of a test not finished yet ("what were my results so far?" after pausing)."""
    lines = ["What I know about you in this conversation (I keep it only here, not anywhere else):"]
    job = profile.get("current_job")
    if job:
        lines.append(f"- Current or last job: {careers[job].title if job in careers else job}")
    if profile.get("interests"):
        code = "".join(d for d in holland_code(profile["interests"]) if profile["interests"][d] > 3.0)
        said = figures.join(profile.get("interests_text") or [])
        lines.append(f"- Interests you told me: {said or 'yes'}" + (f" (read as {code})" if code else ""))
    if profile.get("zone"):
        lines.append(f"- Education: up to job zone {profile['zone']} ({figures.ZONE_SHORT[int(profile['zone'])]})")
    if person.test_scores:
        lines.append(f"- Career test result: {holland_code(person.test_scores)}")
    if unfinished:
        lines.append("- Career test: " + unfinished_line(unfinished))
    if len(lines) == 1:
        lines = ["I don't know anything about you yet: nothing is kept until you tell me or take the career test."]
    lines.append('Say "forget me" to delete it.')
    buttons = ([CONTINUE_TEST] if unfinished else []) + [{"title": "Forget me", "payload": "/forget_me"}]
    return Reply("\n".join(lines), buttons, {"profile": profile})


def forget_reply() -> Reply:
    return Reply(
        "Done: I've forgotten your interests, education, current job, career test answers and lists in this "
        "conversation.",
        [],
        {"profile": None},
    )


def education_reply(zone: int | None, said: str) -> Reply:
    if zone is None:
        return Reply(
            'I didn\'t catch your level of education. You can say, for example, "I only have a high school diploma" or '
            '"I have a bachelor\'s degree".',
            [],
            {"profile_zone": None},
        )
    text = (
        f"Noted: I'll take {figures.ZONE_SHORT[zone]} (O*NET job zone {zone}: {figures.ZONE_WORDS[zone]}) as the "
        "education you have or want, and say whether careers fit it when you ask about them. Tell me if you'd "
        "train further."
    )
    buttons = [
        START_TEST,
    ]
    return Reply(text, buttons, {"profile_zone": zone})
