"""How long it takes to get into a career: "how long does it take to become a welder?" got the page's education
section alone, which names the route but rarely its length.

The line comes from BLS's typical route for the career's occupation (Employment Projections 2024-34: entry
education, related work experience, on-the-job training), with the usual length of each step in the US (full-time
study; BLS's own definitions of the training categories). A typical route, not a rule: people take other ones.
"""

from __future__ import annotations

import re

from bot.knowledge import facts
from bot.knowledge.pages import Career

HOW_LONG = re.compile(
    r"\bhow (long|many years|much time|quickly|fast|soon)\b|\btakes? (long|years|a while|forever)\b|"
    r"\b(long|years?) (of )?(school|schooling|study|studying|training|college)\b",
    re.I,
)

EDUCATION = {
    "Doctoral or professional degree": "a doctoral or professional degree (usually 3 or more years of study after "
    "a bachelor's degree, itself about 4 years)",
    "Master's degree": "a master's degree (usually 1 to 2 years after a bachelor's degree, itself about 4 years)",
    "Bachelor's degree": "a bachelor's degree (about 4 years of full-time study)",
    "Associate's degree": "an associate's degree (about 2 years of full-time study)",
    "Postsecondary nondegree award": "a certificate or other award from a postsecondary program (from a few weeks "
    "to about 2 years)",
    "Some college, no degree": "some college courses, without a degree",
    "High school diploma or equivalent": "a high school diploma or equivalent, with no further schooling required",
    "No formal educational credential": "no formal credential",
}
ON_THE_JOB = {
    "Short-term on-the-job training": "short-term on-the-job training (a month or less)",
    "Moderate-term on-the-job training": "moderate-term on-the-job training (1 to 12 months)",
    "Long-term on-the-job training": "long-term on-the-job training (more than a year)",
    "Apprenticeship": "an apprenticeship (paid training that usually lasts several years)",
    "Internship/residency": "an internship or residency (supervised training after school; for doctors several years)",
}
EXPERIENCE = {
    "Less than 5 years": "under 5 years of experience in a related job",
    "5 years or more": "5 or more years of experience in a related job",
}


def asks_how_long(text: str) -> bool:
    return bool(HOW_LONG.search(text))


_GETTING_IN = re.compile(
    r"\b(take|takes|taking|become|train|training|qualif\w*|school|study|get (there|in|into|started))\b", re.I
)


def asks_training_time(text: str) -> bool:
    """ "How long would it take me?", "how many years of school is it?": the time to get into a career, not to do
    it ("how long are their shifts?")."""
    return asks_how_long(text) and bool(_GETTING_IN.search(text))


def route_of(career: Career) -> facts.Training | None:
    """BLS's typical route into the career's occupation (its outlook's SOC code, else its pay's)."""
    outlook = career.meta.get("outlook")
    soc = (outlook.get("soc") if isinstance(outlook, dict) else None) or (career.salary or {}).get("soc")
    return facts.training(str(soc)) if soc else None


def experience_needed(career: Career) -> str | None:
    """The related work experience BLS says the occupation usually asks first ("5 or more years of experience"),
    else None: a supervisor's job needs no degree but is no first job."""
    route = route_of(career)
    return EXPERIENCE_SHORT.get(route.work_experience) if route else None


EXPERIENCE_SHORT = {
    "Less than 5 years": "some experience (under 5 years)",
    "5 years or more": "5 or more years of experience",
}


def how_long_line(career: Career) -> str | None:
    """BLS's typical route into the career with the usual length of each step, or None without BLS categories."""
    route = route_of(career)
    if route is None or route.entry_education not in EDUCATION:
        return None
    steps = [EDUCATION[route.entry_education]]
    if route.work_experience in EXPERIENCE:
        steps.append(EXPERIENCE[route.work_experience])
    if route.ojt_training in ON_THE_JOB:
        steps.append(ON_THE_JOB[route.ojt_training])
    route_words = steps[0] if len(steps) == 1 else ", then ".join(steps)
    return (
        f"How long: the typical route BLS gives for {route.title.lower()} is {route_words}. "
        "A typical route, not the only one (US, BLS Employment Projections 2024-34)."
    )
