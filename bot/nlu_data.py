"""Generates Rasa NLU training data for career questions from the knowledge pages.

Career names (titles, aliases, plurals, a few typos) are never typed career by career: they are drawn from the
pages and slotted into the phrasings below, so a new page is learnt on the next `make` without editing data/.
Hand-written intents that name no career (greet, help, ...) live in data/nlu/*.yml beside the output.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

from bot.knowledge import Career
from bot.nlu.spacy_pipeline import _plural

# {a} = "a/an <name>", {c} = "<name>", {cs} = "<plural name>"; each is annotated as a `career` entity.
SECTION_TEMPLATES: dict[str, list[str]] = {
    "ask_overview": [
        "whats {a}",
        "whats {a} exactly",
        "what is {a} anyway",
        "what kind of job is {a}",
        "is {a} a real job, what is it",
        "give me a summary of the {c} role",
        "what is the {c} profession",
        "never heard of {cs}, what are they",
        "brief intro to {cs}",
        "define {c}",
        "what is {a}",
        "what's {a}",
        "tell me about {cs}",
        "tell me about being {a}",
        "what is {a} exactly",
        "can you explain what {a} is",
        "{c}",
        "info on {cs}",
        "i want to know about the {c} job",
        "describe the {c} career",
        "give me an overview of {c}",
        "what are {cs}",
        "who are {cs}",
        "explain the role of {a}",
        "what's the {c} career like",
        "{c} career",
        "tell me more about {c}",
        "i'm curious about {cs}",
        "what does being {a} mean",
        "about {cs}",
        "could you tell me about {c}",
        "overview of {c} please",
        "learn about {cs}",
    ],
    "ask_duties": [
        "what does {a} spend the day doing",
        "what is {a} in charge of",
        "what do {cs} work on",
        "tasks of {a}",
        "what work does {a} carry out",
        "what happens in a day in the life of {a}",
        "what are the main activities of {cs}",
        "what is involved in being {a}",
        "what does {a} do",
        "what do {cs} do",
        "what does {a} do all day",
        "what are the duties of {a}",
        "what tasks does {a} have",
        "day to day work of {a}",
        "what is the daily routine of {a}",
        "responsibilities of {a}",
        "what do {cs} actually do at work",
        "describe a typical day for {a}",
        "what would i do as {a}",
        "main tasks of {cs}",
        "job duties {c}",
        "{c} responsibilities",
        "what does the job of {a} involve",
        "what kind of work do {cs} do",
        "what's a {c}'s job",
        "what are {cs} responsible for",
        "whats a typical day like for {cs}",
        "what does {a} do on the job",
    ],
    "ask_specializations": [
        "what paths can {cs} take",
        "how many kinds of {cs} are there",
        "what areas of {c} can you go into",
        "specialist roles for {cs}",
        "what are the sub-specialties of {c}",
        "what kinds of {cs} are there",
        "what types of {cs} exist",
        "what are the specializations for {cs}",
        "can {cs} specialize",
        "branches of {c}",
        "different kinds of {c} jobs",
        "{c} specialties",
        "what areas can {a} focus on",
        "are there different types of {cs}",
        "what fields can {a} specialise in",
        "sub fields of {c}",
        "what niches are there for {cs}",
        "list the {c} specializations",
        "which specialties do {cs} choose from",
        "types of {c}",
        "what kinds of {c} roles are there",
    ],
    "ask_workplace": [
        "where do {cs} typically work",
        "where do {cs} normally work",
        "where does {a} mostly work",
        "what are the hours like for {cs}",
        "do {cs} travel a lot",
        "what is a workday like for {a}, indoors or outdoors",
        "which organisations employ {cs}",
        "do {cs} work weekends",
        "where might {a} be based",
        "is {c} an office job",
        "where do {cs} work",
        "where does {a} work",
        "who hires {cs}",
        "what companies employ {cs}",
        "work environment of {a}",
        "what is the workplace like for {cs}",
        "do {cs} work in an office",
        "where would i work as {a}",
        "which industries need {cs}",
        "what are the working conditions for {cs}",
        "do {cs} work outdoors",
        "employers of {cs}",
        "{c} work setting",
        "what kind of places hire {cs}",
        "do {cs} work shifts",
        "where can {a} find a job",
        "what settings do {cs} work in",
        "is {a} a remote job",
        "where are {cs} employed",
    ],
    "ask_skills": [
        "what is needed to be good at {c}",
        "which qualities does {a} need",
        "what strengths does a good {c} have",
        "what abilities matter most for {cs}",
        "what are the must-have skills for {a}",
        "what knowledge does {a} need",
        "what skills does {a} need",
        "what skills do {cs} need",
        "skills for {a}",
        "what should {a} be good at",
        "what abilities do {cs} need",
        "which skills make a good {c}",
        "what do i need to know to be {a}",
        "{c} skills",
        "key skills of {cs}",
        "what tools do {cs} use",
        "what strengths help {a}",
        "which technical skills do {cs} use",
        "what competencies are needed for {c}",
        "what am i expected to be good at as {a}",
        "skill set for {cs}",
        "what soft skills do {cs} need",
    ],
    "ask_education": [
        "what licence does {a} need",
        "which degree leads to {c}",
        "what school do you need for {c}",
        "how can i train to be {a}",
        "entry requirements for {c}",
        "how do people get into {c}",
        "what exams does {a} take",
        "how do i become {a}",
        "how to become {a}",
        "what degree do {cs} need",
        "what education does {a} need",
        "what should i study to become {a}",
        "do you need a degree to be {a}",
        "training for {cs}",
        "what qualifications do {cs} need",
        "how many years of school to be {a}",
        "{c} education requirements",
        "can i become {a} without a degree",
        "what certification do {cs} need",
        "which major for {a}",
        "how long does it take to become {a}",
        "steps to becoming {a}",
        "path to becoming {a}",
        "what courses should i take to be {a}",
        "is there an apprenticeship for {cs}",
        "what do i have to study for {c}",
    ],
    "ask_salary": [
        "what is the typical income of {cs}",
        "{c} salary per year",
        "what money can {a} expect",
        "how much is {a} paid an hour",
        "is {c} a high paying job",
        "starting pay for {cs}",
        "how much does {a} earn",
        "how much do {cs} make",
        "what is the salary of {a}",
        "{c} salary",
        "what do {cs} get paid",
        "average pay for {cs}",
        "is {a} well paid",
        "how much money do {cs} make",
        "what's the median wage for {cs}",
        "what are {cs} paid per year",
        "{c} pay",
        "how much can {a} make",
        "do {cs} make good money",
        "earnings of {a}",
        "what's the income of {a}",
        "{c} wages",
        "how well paid are {cs}",
        "what does {a} earn a year",
    ],
    "ask_outlook": [
        "how is the job market for {cs}",
        "are {cs} still needed",
        "is {c} a dying profession",
        "is it easy to get hired as {a}",
        "demand for {cs} in the future",
        "will {c} jobs grow",
        "is {c} a career with a future",
        "is {c} a growing field",
        "what is the job outlook for {cs}",
        "are {cs} in demand",
        "future of {c} jobs",
        "will there be jobs for {cs}",
        "is {a} a good career for the future",
        "job growth for {cs}",
        "is there demand for {cs}",
        "{c} job outlook",
        "are {c} jobs growing",
        "is it hard to find work as {a}",
        "will {cs} be replaced by ai",
        "how many jobs for {cs} in the coming years",
        "is the {c} field shrinking",
        "what are the prospects for {cs}",
        "employment outlook {c}",
        "is {c} a stable career",
    ],
    "ask_personality": [
        "what kind of people become {cs}",
        "what character traits suit {a}",
        "am i the right type to be {a}",
        "would a creative person enjoy {c}",
        "does {c} suit someone who likes routine",
        "what interests fit {a}",
        "what personality suits {a}",
        "what kind of person becomes {a}",
        "am i suited to be {a}",
        "what personality traits do {cs} have",
        "who would enjoy being {a}",
        "is {a} a good fit for an introvert",
        "what type of person makes a good {c}",
        "would i like being {a}",
        "what interests do {cs} have",
        "is {c} right for me",
        "personality of {cs}",
        "what temperament suits {c}",
        "who is {c} a good fit for",
        "what sort of people like working as {cs}",
        "{c} personality type",
        "holland code of {a}",
    ],
}

FOLLOW_UPS: dict[str, list[str]] = {
    "ask_overview": ["tell me more about it", "what is that job exactly", "explain that career", "what is it"],
    "ask_duties": [
        "and what do they do?",
        "what do they do all day",
        "what are their duties",
        "what does that job involve",
        "what would i do in that job",
        "and their tasks?",
    ],
    "ask_specializations": [
        "what kinds are there?",
        "are there different types",
        "and the specializations?",
        "can they specialize",
    ],
    "ask_workplace": [
        "and where do they work?",
        "where would i work",
        "who hires them",
        "what about the work environment",
        "do they work outside",
        "where are they employed",
    ],
    "ask_skills": [
        "what skills do they need?",
        "and the skills?",
        "what should they be good at",
        "what skills would i need",
    ],
    "ask_education": [
        "how do i become one?",
        "what about education?",
        "what degree do they need",
        "how do i get into it",
        "what training is needed",
        "and how do i get there",
    ],
    "ask_salary": [
        "how much do they make?",
        "and the pay?",
        "what's the salary",
        "do they earn well",
        "how much would i earn",
        "what about money",
    ],
    "ask_outlook": [
        "is it growing?",
        "what's the outlook",
        "are they in demand",
        "is there a future in it",
        "will there be jobs",
    ],
    "ask_personality": [
        "what personality suits it?",
        "would it suit me",
        "what kind of person does it suit",
        "who is it for",
    ],
}

COMPARE_TEMPLATES = [
    "compare {a1} and {a2}",
    "{c1} vs {c2}",
    "what's the difference between {a1} and {a2}",
    "{c1} or {c2}, which is better",
    "how is {a1} different from {a2}",
    "{c1} versus {c2}",
    "should i become {a1} or {a2}",
    "difference between {cs1} and {cs2}",
    "compare {cs1} with {cs2}",
    "which pays more, {c1} or {c2}",
    "{c1} compared to {c2}",
    "is {a1} similar to {a2}",
]

TYPO_RATE = 0.08


def _article(name: str) -> str:
    return ("an " if name[:1].lower() in "aeiou" and not name.lower().startswith(("uni", "use", "ux")) else "a ") + name


def _typo(name: str, rng: random.Random) -> str:
    """One realistic slip: a dropped, doubled or swapped letter inside a longer word."""
    words = name.split()
    i = max(range(len(words)), key=lambda j: len(words[j]))
    w = words[i]
    if len(w) < 6:
        return name
    k = rng.randrange(1, len(w) - 2)
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        w = w[:k] + w[k + 1 :]
    elif kind == "double":
        w = w[:k] + w[k] + w[k:]
    else:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    words[i] = w
    return " ".join(words)


def _name(career: Career, rng: random.Random) -> str:
    name = rng.choice(career.names)
    if not name.isupper() and rng.random() < 0.7:
        name = name.lower()
    if rng.random() < TYPO_RATE:
        name = _typo(name, rng)
    return name


def _fill(template: str, names: list[str]) -> str:
    values = {}
    for n, name in enumerate(names, start=1):
        suffix = "" if len(names) == 1 else str(n)
        plural = name if name.isupper() else _plural(name)
        values[f"c{suffix}"] = f"[{name}](career)"
        values[f"cs{suffix}"] = f"[{plural}](career)"
        article = _article(name)
        values[f"a{suffix}"] = f"{article.split(' ', 1)[0]} [{name}](career)"
    return template.format(**values)


def generate(careers: dict[str, Career], per_intent: int = 90, seed: int = 13) -> dict:
    """The NLU data as a Rasa YAML-ready dict: section intents, follow-ups, comparisons, lookup table."""
    rng = random.Random(seed)
    pool = sorted(careers.values(), key=lambda c: c.id)
    nlu = []
    for intent, templates in SECTION_TEMPLATES.items():
        examples: set[str] = set()
        order = pool[:]
        rng.shuffle(order)
        attempts = 0
        while len(examples) < per_intent and attempts < per_intent * 10:
            career = order[attempts % len(order)]
            template = templates[attempts % len(templates)]
            examples.add(_fill(template, [_name(career, rng)]))
            attempts += 1
        examples.update(FOLLOW_UPS[intent])
        nlu.append({"intent": intent, "examples": _block(examples)})
    compare: set[str] = set()
    for i in range(60):
        a, b = rng.sample(pool, 2)
        compare.add(_fill(COMPARE_TEMPLATES[i % len(COMPARE_TEMPLATES)], [_name(a, rng), _name(b, rng)]))
    nlu.append({"intent": "compare_careers", "examples": _block(compare)})
    names = sorted({n for c in pool for n in c.names})
    nlu.append({"lookup": "career", "examples": _block(names)})
    return {"version": "3.1", "nlu": nlu}


def _block(examples) -> str:
    return "".join(f"- {e}\n" for e in sorted(examples))


def write(careers: dict[str, Career], out: Path) -> bool:
    """Write the generated file (with a do-not-edit header); True if its content changed."""
    import yaml

    class Literal(str):
        pass

    yaml.add_representer(Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|"))
    data = generate(careers)
    for item in data["nlu"]:
        item["examples"] = Literal(item["examples"])
    text = "# GENERATED by `python -m bot build` from knowledge/careers/*.md: do not edit.\n" + yaml.dump(
        data, sort_keys=False, allow_unicode=True, width=1000
    )
    if out.exists() and out.read_text() == text:
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    return True


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    """Every word our career-question phrasings use around a career name ("what", "does", "earn", ...).

    What is left of a message after removing these is probably the name of a career (used to name an unknown
    career when NLU found no entity).
    """
    words: set[str] = set(EXTRA_QUESTION_WORDS.split())
    texts = [t for ts in SECTION_TEMPLATES.values() for t in ts] + [t for ts in FOLLOW_UPS.values() for t in ts]
    texts += COMPARE_TEMPLATES
    for text in texts:
        words.update(re.findall(r"[a-z']+", re.sub(r"\{[a-z0-9]+\}", " ", text.lower())))
    return frozenset(words)


EXTRA_QUESTION_WORDS = """
a an the and or but so of to in on at for with about as by from into is are was be been being am do does did
i me my you your we our they them their it its this that these those there here one ones someone person people
what whats what's who whom whose which where when why how much many more most any some please pls plz thanks
tell know want like would could should can will may might need needs really actually usually typically just
job jobs career careers work working worker workers role roles profession field fields hey hi ok okay well also
get gets got make makes made become becoming good best kind kinds type types sort sorts
"""
