"""Composing answers from retrieved passages: short text, the source named, follow-up buttons, metadata.

Kept free of Rasa so it can be tested and reused (actions, eval, CLI).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot.dialogue.automation import AUTOMATION_LINE, asks_about_automation
from bot.dialogue.explore_words import (
    WANTS_REMOTE,
    WANTS_SEATED,
    about_the_work,
    avoided,
    held_degree_zone,
    mentions,
    says_remote,
    says_seated,
    search_text,
)
from bot.dialogue.resolve import Resolution
from bot.dialogue.section_guess import guess_section, section_by_words
from bot.dialogue.service import Service
from bot.dialogue.training_time import asks_how_long, how_long_line
from bot.dialogue.types import SourceMeta
from bot.knowledge.facts import growth_words, money, occupation_title, round_sig
from bot.knowledge.pages import SECTION_IDS, SECTION_LABELS, Career, holland_code

MAX_ANSWER_CHARS = 700
SECTION_PASSAGES_MAX = 3  # an answer quotes at most this many passages of a section
# Section questions' follow-up order: what people tend to ask next.
NEXT_SECTIONS = ["duties", "workplace", "education", "salary", "skills", "outlook", "specializations", "personality"]
# "Without a degree" means below an associate's degree: entry levels that need no degree at all.
NO_DEGREE_LEVELS = {
    "No formal credential",
    "High school diploma",
    "Postsecondary certificate",
    "Apprenticeship",
}
NO_DEGREE_WORDS = "need no degree (a high school diploma, a certificate or an apprenticeship at most)"
EXPLORE_MIN_SCORE = 0.2  # weaker passages are not about what was asked
EXPLORE_RELATIVE = 0.7  # list careers whose best passage is within 70% of the best one
EXPLORE_LOOSE = 0.6  # a looser fit (the best fits all filtered out): within 60%
NO_DEGREE = re.compile(
    r"\b(without|no|don'?t need|not need|without needing)\b.{0,20}\b(degree|college|university)\b", re.I
)


@dataclass
class Reply:
    text: str
    buttons: list[dict] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    preface: str = ""  # sent as a message of its own before `text` (e.g. quiz progress before the item)


def article(title: str) -> str:
    """ "an Electrician", "a Nurse", "a Union Organizer"."""
    word = title.lower()
    return ("an " if word[:1] in "aeiou" and not word.startswith(("uni", "use")) else "a ") + title


def payload(intent: str, career: str | None = None) -> str:
    if career is None:
        return f"/{intent}"
    return f"/{intent}{json.dumps({'career': career})}"


def _shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("\n"))
    return (cut[: end + 1] if end > limit // 2 else cut.rstrip() + "…").strip()


def first_sentence(text: str) -> str:
    text = re.sub(r"^\s*-\s*", "", text.strip())
    match = re.match(r"(.+?[.!?])(\s|$)", text, re.S)
    return (match.group(1) if match else text).replace("\n", " ").strip()


def follow_up_buttons(career: Career, section: str, service: Service) -> list[dict]:
    buttons: list[dict] = []
    for other in NEXT_SECTIONS:
        if other != section and career.sections.get(other) and len(buttons) < 3:
            buttons.append({"title": f"{SECTION_LABELS[other]}", "payload": payload(f"ask_{other}", career.id)})
    for rel in career.related[:2]:
        if rel in service.careers:
            buttons.append({"title": f"About: {service.careers[rel].title}", "payload": payload("ask_overview", rel)})
    return buttons


def title_note(service: Service, phrases: list[str], career_id: str) -> str | None:
    """When the person named the career by one of O*NET's job titles ("commercial banker" -> Loan Officer), the line
    saying so: an answer headed with another name must not look like a mishearing."""
    for phrase in phrases:
        res = service.resolver.resolve(phrase)
        occupation = occupation_title(res.onet[0]) if res.how == "title" and res.onet else None
        if res.career == career_id and occupation:
            return f'("{phrase}" is one of the job titles O*NET lists under {occupation}.)'
    return None


def section_answer(service: Service, career_id: str, section: str, query: str, note: str | None = None) -> Reply:
    """The answer to "<section> of <career>", retrieved from the index restricted to that career and section.
    `note`: a line under the heading (title_note)."""
    career = service.careers[career_id]
    # Most sections are one or two passages: answer with all of them, no query embedding needed (it was a third of
    # a Q&A turn's time). Only a long section is ranked against the question, keeping its best three passages.
    hits = service.index.section_passages(career_id, section)
    if len(hits) > SECTION_PASSAGES_MAX:
        hits = service.index.search(query or career.title, k=SECTION_PASSAGES_MAX, career=career_id, section=section)
    if not hits:
        available = [s for s in SECTION_IDS if career.sections.get(s)]
        text = (
            f"The {career.title} page has nothing on {SECTION_LABELS[section].lower()} yet. "
            f"I can tell you about: {', '.join(SECTION_LABELS[s].lower() for s in available)}."
        )
        return Reply(text, follow_up_buttons(career, section, service), {"career": career_id, "section": None})
    # Passages are in page order, so a split section reads back in order.
    body = "\n".join(h.text for h in sorted(hits, key=lambda h: h.position))
    source = career.source(section)
    origin = f"{career.title} page" + (f", from {career.provenance}" if career.provenance else "")
    heading = f"{career.title}: {SECTION_LABELS[section]}" + (f"\n{note}" if note else "")
    body = _shorten(body)
    if section == "education" and asks_how_long(query or ""):  # "how long does it take to become a welder?"
        body += "\n" + (how_long_line(career) or "")
    text = f"{heading}\n{body.rstrip()}\n(Source: {origin}, {source})"
    if asks_about_automation(query or ""):  # "will AI replace accountants?"
        text += "\n" + AUTOMATION_LINE
    return Reply(
        text,
        follow_up_buttons(career, section, service),
        dict(SourceMeta(career=career_id, section=section, source=source)),
    )


def unknown_career_reply(
    service: Service, said: str, suggestions: list[str], intent: str = "ask_overview", onet: list[str] | None = None
) -> Reply:
    """We do not have this career: say so (naming the O*NET occupation when the words are one of its titles) and
    offer careers close to it, never an answer about another one."""
    names = [service.careers[s].title for s in suggestions if s in service.careers]
    occupation = occupation_title(onet[0]) if onet else None
    where = f" (O*NET lists it under {occupation})" if occupation else ""
    if names:
        text = (
            f"I don't have a page about \"{said}\" yet{where}, so I'd rather not guess. "
            f"Careers close to it that I do know: {', '.join(names)}."
        )
    else:
        text = (
            f"I don't have a page about \"{said}\" yet{where}, so I'd rather not guess. "
            'Try another name for it, or ask me something like "jobs where I work outdoors".'
        )
    buttons = [{"title": service.careers[s].title, "payload": payload(intent, s)} for s in suggestions[:3]]
    return Reply(text, buttons, {"unknown_career": said, "suggestions": suggestions[:3]})


def did_you_mean_reply(service: Service, said: str, options: list[str], intent: str = "ask_overview") -> Reply:
    """Words that are no name we know but resemble names of careers we have: ask whether one of those was meant
    (each button asks the same question about it)."""
    shown = [o for o in options if o in service.careers][:AMBIGUOUS_SHOWN]
    names = [service.careers[o].title for o in shown]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    text = f'I don\'t have a page called "{said}". Did you mean {listed}?'
    buttons = [{"title": t, "payload": payload(intent, o)} for o, t in zip(shown, names)]
    return Reply(text, buttons, {"unknown_career": said, "suggestions": shown, "did_you_mean": True})


def not_english_reply() -> Reply:
    return Reply(
        "Sorry, I can only read English for now, and that message doesn't look like English to me. Could you ask "
        'in English? For example: "what does a nurse do?" or "take the career test".',
        metadata={"not_english": True},
    )


AMBIGUOUS_SHOWN = 6  # buttons when a name fits several careers ("engineer" fits 34)


def ambiguous_reply(service: Service, said: str, options: list[str], intent: str = "ask_overview") -> Reply:
    """Asks which career was meant; the buttons answer the question that was asked ("how much do teachers earn?"
    -> the pay of the one picked)."""
    known = [o for o in options if o in service.careers]
    shown = known[:AMBIGUOUS_SHOWN]
    names = [service.careers[o].title for o in shown]
    if len(known) > len(shown):
        example = service.careers[known[len(shown)]].title.lower()
        text = (
            f'"{said}" fits {len(known)} careers here, for example {", ".join(names)}. Which one did you mean? '
            f'You can also type the full name, like "{example}".'
        )
    else:
        text = f'"{said}" could mean several careers: {", ".join(names)}. Which one did you mean?'
    buttons = [{"title": t, "payload": payload(intent, o)} for o, t in zip(shown, names)]
    return Reply(text, buttons, {"ambiguous_career": said, "suggestions": shown})


def compare_which_reply(service: Service, known: str, said: str, options: list[str]) -> Reply:
    """ "nursing or teaching?": "teaching" fits several careers; ask which, keeping the other career in every
    button (it was dropped: the question back asked about teachers alone)."""
    shown = [o for o in options if o in service.careers and o != known][:AMBIGUOUS_SHOWN]
    other = service.careers[known].title
    names = [service.careers[o].title for o in shown]
    text = f'"{said}" could mean several careers: {", ".join(names)}. Which one should I compare with {other}?'
    buttons = [
        {"title": t, "payload": "/compare_careers" + json.dumps({"career": [known, o]})} for o, t in zip(shown, names)
    ]
    return Reply(text, buttons, {"ambiguous_career": said, "suggestions": shown})


def not_found_reply(service: Service, said: str, resolution: Resolution, intent: str = "ask_overview") -> Reply:
    """A name that is not one career: ask which one when it fits several, ask whether a career it resembles was
    meant, else say we don't have it."""
    if resolution.how == "ambiguous":
        return ambiguous_reply(service, said, resolution.suggestions, intent)
    if resolution.how == "near" and resolution.suggestions:
        return did_you_mean_reply(service, said, resolution.suggestions, intent)
    return unknown_career_reply(service, said, resolution.suggestions, intent, resolution.onet)


def salary_phrase(career: Career) -> str:
    """The pay line of the compare card, from the page's `salary` front matter: "$81,680 a year (median, May 2024;
    BLS: Accountants and Auditors)"."""
    s = career.salary if isinstance(career.salary, dict) else {}
    if not s.get("median"):
        return "no figure on the page"
    period = "an hour" if s.get("period") == "hour" else "a year"
    amount = money(float(s["median"]), "hour" if s.get("period") == "hour" else "year")
    if s.get("top_coded"):
        amount += " or more"
    source = str(s.get("source", ""))
    when = f"May {s.get('year')}" if "OEWS" in source else str(s.get("year"))
    category = re.search(r"\(([^()]*)\)\s*$", source)
    detail = f"; BLS: {category.group(1)}" if category and "Bureau of Labor Statistics" in source else ""
    return f"{amount} {period} (median, {when}{detail})"


def outlook_phrase(career: Career) -> str | None:
    """The outlook line of the compare card, from the page's `outlook` front matter; None when it has none."""
    o = career.meta.get("outlook")
    if not isinstance(o, dict) or not isinstance(o.get("growth_pct"), (int, float)):
        return None
    pct = float(o["growth_pct"])
    change = f"{pct:+.1f}%" if pct else "0.0%"
    period = str(o.get("period", ""))
    when = " from {} to {}".format(*period.split("-", 1)) if "-" in period else ""
    text = f"{change} jobs{when} ({growth_words(pct)})"
    if isinstance(o.get("openings"), int):
        text += f", about {round_sig(o['openings']):,} openings a year"
    return text


def compare_reply(service: Service, *ids: str) -> Reply:
    """Two to four careers side by side: entry, pay, outlook and interests, each with its source."""
    lines = []
    for cid in ids:
        c = service.careers[cid]
        outlook = outlook_phrase(c)
        lines.append(
            f"{c.title}: {first_sentence(c.sections['overview'])}\n"
            f"  - Typical entry: {c.education.get('level', 'varies')}\n"
            f"  - Pay (US): {salary_phrase(c)}\n"
            + (f"  - Outlook (US): {outlook}\n" if outlook else "")
            + f"  - Interests (Holland code): {holland_code(c.riasec)}"
        )
    shown = [service.careers[cid] for cid in ids]
    sources = [c.source("overview") for c in shown]
    text = " vs ".join(c.title for c in shown) + "\n" + "\n".join(lines) + f"\n(Sources: {', '.join(sources)})"
    buttons = [{"title": f"What {article(c.title)} does", "payload": payload("ask_duties", c.id)} for c in shown]
    return Reply(text, buttons, {"compare": list(ids), "sources": sources})


# Who the question is for, and the request around it, carry no meaning for the search: "my son is 15 and loves
# minecraft, what careers should he look at?" met a sports book writer's "a high school diploma ..." through "15".
_RELATIVE = (
    r"(?:son|daughter|kid|child|teen|teenager|nephew|niece|grandson|granddaughter|student|friend|brother|sister|"
    r"partner|wife|husband|boyfriend|girlfriend|mom|mum|dad|mother|father)"
)
FOR_WHOM = re.compile(
    rf"\b(?:my|our) {_RELATIVE}(?:,? (?:who|that) is| is|'s)?(?: (?:\d{{1,2}}|a teenager|in high school|in college)"
    r"(?: years? old| yo)?)?(?: and| who| that|,)?\s*|"
    r"\b(?:what|which) (?:careers?|jobs?|kinds? of (?:work|jobs?|careers?)|professions?|fields?) (?:should|could|"
    r"would|can|might) (?:he|she|they|him|her|them) (?:look at|look into|consider|do|try|pursue|go into|explore|"
    r"think about)\b|\b(?:for|suit|suits) (?:him|her|them)\b",
    re.I,
)


# Games and apps young people name mislead the search ("minecraft" met mining pages): what doing them involves is
# searched instead of the name.
HOBBIES = {
    "minecraft": "designing video game worlds",
    "roblox": "making video games",
    "fortnite": "video games",
    "lego": "building models and design",
    "legos": "building models and design",
    "youtube": "making videos",
    "tiktok": "making short videos",
    "instagram": "photography and social media",
    "anime": "drawing and animation",
    "manga": "drawing comics",
    "chess": "strategy and problem solving",
    "pokemon": "video games and collecting",
    "d&d": "storytelling and games",
    "dungeons and dragons": "storytelling and games",
}
_HOBBY = re.compile(
    r"(?<![\w&])(" + "|".join(map(re.escape, sorted(HOBBIES, key=len, reverse=True))) + r")(?![\w&])", re.I
)


def search_words(query: str) -> str:
    """The words of an open question that say what kind of work is wanted, without who it is for, and with what a
    named game or app involves in place of its name."""
    kept = " ".join(FOR_WHOM.sub(" ", query).split()).strip(" ,.?!")
    kept = kept if len(kept) >= 3 else query
    return _HOBBY.sub(lambda m: HOBBIES[m.group(0).lower()], kept)


def explore(service: Service, query: str, limit: int = 5, loose: bool = False) -> list[tuple[Career, str, float, str]]:
    """Careers that fit an open question: best passage per career, with structured filters the text asks for.
    `loose`: the best that pass the filters however far below the best passage of all (a looser fit)."""
    remote, avoid = bool(WANTS_REMOTE.search(query)), avoided(query)
    seated = not remote and bool(WANTS_SEATED.search(query))
    held = held_degree_zone(query)
    no_degree = bool(NO_DEGREE.search(query))
    filtered = remote or avoid or seated or held or no_degree
    words = NO_DEGREE.sub(" ", query)  # the filter's words name no work ("without a degree" found outlook lines)
    hits = service.index.search(search_words(search_text(words)), k=200 if filtered else 60)
    seen: dict[str, tuple[Career, str, float, str]] = {}
    relative = EXPLORE_LOOSE if loose else EXPLORE_RELATIVE
    floor = max(EXPLORE_MIN_SCORE, hits[0].score * relative) if hits else 1.0
    for h in hits:
        if h.score < floor:
            break
        career = service.careers.get(h.career)
        if career is None or h.career in seen:
            continue
        if no_degree and career.education.get("level") not in NO_DEGREE_LEVELS:
            continue
        if remote and not says_remote(career.sections.get("workplace", "")):
            continue  # "a job I can do remotely": the pages that say the work can be remote
        if seated and not says_seated(career.sections.get("workplace", "")):
            continue  # "a career that doesn't require standing or lots of walking"
        if avoid and any(mentions(about_the_work(career), thing) for thing in avoid):
            continue  # "loves animals but hates blood": no phlebotomist
        if held and int(career.education.get("job_zone") or 5) > held:
            continue  # "with just a bachelors in psych": no psychologist (a doctorate)
        seen[h.career] = (career, h.text, h.score, h.section)
    return list(seen.values())[:limit]


def explore_reply(service: Service, query: str) -> Reply:
    found = explore(service, query)
    notes = []
    if WANTS_REMOTE.search(query):
        notes.append(
            "No figure I have measures how often a job can be done from home, so these are careers whose pages say "
            "the work can be remote (employers differ)."
        )
    elif WANTS_SEATED.search(query):
        notes.append(
            "No figure I have measures how much standing or walking a job takes, so these are careers whose pages say "
            "the work is done at a desk or computer."
        )
    avoid = avoided(query)
    if avoid:
        notes.append(f"Left out: careers whose pages mention {' or '.join(avoid)}.")
    held = held_degree_zone(query)
    if held:
        notes.append(f"Kept to careers open with that degree (O*NET job zone {held} or below).")
    if not found and NO_DEGREE.search(query):
        return _looser_without_degree(service, query, notes)
    if not found:
        return Reply(
            'I couldn\'t find careers that fit that. Try describing what you enjoy, e.g. "working outdoors".',
            [{"title": "Help", "payload": "/help"}],
            {"explore": [], "query": query},
        )
    lines = [f"- {c.title}: {first_sentence(text)}" for c, text, _, _ in found]
    sources = [c.source(section) for c, _, _, section in found]
    fit = f"Some careers that fit and {NO_DEGREE_WORDS}" if NO_DEGREE.search(query) else "Some careers that fit"
    text = "".join(n + "\n" for n in notes) + f"{fit}:\n" + "\n".join(lines) + "\n(Sources: " + ", ".join(sources) + ")"
    buttons = [{"title": c.title, "payload": payload("ask_overview", c.id)} for c, _, _, _ in found[:4]]
    return Reply(text, buttons, {"explore": [c.id for c, _, _, _ in found], "sources": sources, "query": query})


def _looser_without_degree(service: Service, query: str, notes: list[str]) -> Reply:
    """ "video games and building things, without a degree": the careers that fit best all need a degree, so say so
    and list the closest that need none as a looser fit (it said it found nothing)."""
    best = explore(service, NO_DEGREE.sub(" ", query))
    loose = explore(service, query, loose=True)
    if not loose:
        text = (
            f'{_needs_degree_line(best)} None close to it is open without one. Ask what it takes ("how do I become '
            f"{article(best[0][0].title)}?\"), or describe other work you'd enjoy."
            if best
            else "I couldn't find careers that fit that without a degree. Try describing other work you'd enjoy."
        )
        return Reply(
            text,
            [{"title": "Help", "payload": "/help"}],
            {"explore": [], "query": query},
        )
    lines = [f"- {c.title}: {first_sentence(text)}" for c, text, _, _ in loose]
    sources = [c.source(section) for c, _, _, section in loose]
    text = (
        "".join(n + "\n" for n in notes)
        + _needs_degree_line(best)
        + f"\nLooser fits that {NO_DEGREE_WORDS}:\n"
        + "\n".join(lines)
        + "\n(Sources: "
        + ", ".join(sources)
        + ")"
    )
    buttons = [{"title": c.title, "payload": payload("ask_overview", c.id)} for c, _, _, _ in loose[:4]]
    return Reply(text, buttons, {"explore": [c.id for c, _, _, _ in loose], "sources": sources, "query": query})


def _needs_degree_line(best: list[tuple[Career, str, float, str]]) -> str:
    if not best:
        return ""
    titles = ", ".join(c.title for c, _, _, _ in best[:3])
    return f"The careers that fit that best ({titles}) usually need a degree."


def fallback_reply(service: Service, text: str, min_score: float) -> Reply | None:
    """Best effort for a message NLU could not classify: a named career's section (the one the question's words are
    nearest to in meaning; NLU's own leaning below its threshold was wrong more often), else a short list of
    careers that fit the words."""
    named = service.resolver.find_in_text(text, limit=1)
    career = named[0] if named else None
    if career:
        section = guess_section(text, service.resolver.find_spans(text, limit=3), service.index.model)
        if not service.careers[career].sections.get(section):
            section = "overview"
        reply = section_answer(service, career, section, text)
        if not section_by_words(text):  # the words left no doubt ("what does a paramedic make"): no hedge
            reply.text = "I'm not sure I understood, but this may help.\n" + reply.text
        return reply
    hits = service.index.search(text, k=1)
    if not hits or hits[0].score < min_score:
        return None
    reply = explore_reply(service, text)
    reply.text = "I'm not sure I understood. Here is what I found in the career pages:\n" + reply.text
    return reply
