"""College or trade school? Asked in general ("which is better, college or trade school?"), it got "I don't have a
page called 'school'". No route is better for everyone: the work someone wants decides the route. What the facts do
say is how pay compares across the typical entry routes BLS gives (one figure per BLS occupation, so the 20 physician
pages that share one wage count once), and that the ranges overlap. Said with those figures, not a verdict.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from bot.dialogue.advice import figures
from bot.dialogue.training_time import route_of
from bot.knowledge.pages import Career

_DEGREE = r"(college|university|uni|a degree|degree|a bachelor'?s|bachelor'?s)"
_TRADE = (
    r"(trade school|trades?|an apprenticeship|apprenticeships?|vocational (school|training)|a certificate|"
    r"certificates?)"
)
COLLEGE_OR_TRADE = re.compile(
    rf"\b{_DEGREE}\b[^?!.]{{0,30}}\b(or|vs\.?|versus|and|instead of|over)\b[^?!.]{{0,20}}\b{_TRADE}\b|"
    rf"\b{_TRADE}\b[^?!.]{{0,30}}\b(or|vs\.?|versus|and|instead of|over)\b[^?!.]{{0,20}}\b{_DEGREE}\b|"
    r"\bis (college|university|uni|a degree|a college degree) (worth it|worth the money|a waste)\b|"
    r"\bshould i (go to|skip|bother with) (college|university|uni)\b|\bdo i (even )?need (to go to )?(college|"
    r"university|a degree)\s*[?.!]*$",
    re.I,
)
TRADE = "trade"  # a postsecondary certificate, or an apprenticeship after high school
ROUTE_WORDS = {
    TRADE: "Trade school or an apprenticeship (a certificate, or paid training on the job; months to about 5 years)",
    "associate": "An associate's degree (about 2 years)",
    "bachelor": "A bachelor's degree (about 4 years)",
}


def asks_college_or_trade(text: str) -> bool:
    return bool(COLLEGE_OR_TRADE.search(text))


def route_kind(entry_education: str, ojt_training: str) -> str | None:
    """The kind of route BLS's typical entry education and training make."""
    if entry_education == "Bachelor's degree":
        return "bachelor"
    if entry_education == "Associate's degree":
        return "associate"
    if entry_education == "Postsecondary nondegree award" or ojt_training == "Apprenticeship":
        return TRADE
    return None


@dataclass(frozen=True)
class RoutePay:
    route: str
    occupations: int
    median_pay: float  # the middle of the occupations' US median pay


@dataclass(frozen=True)
class Routes:
    pay: list[RoutePay]
    trade_above_bachelor: list[str]  # our careers on the trade route paying more than the middle bachelor's one


def routes(careers: dict[str, Career]) -> Routes:
    """Pay by typical entry route over the BLS occupations our pages name (each occupation once)."""
    by_route: dict[str, dict[str, tuple[float, str]]] = {}
    for career in sorted(careers.values(), key=lambda c: c.id):
        found = route_of(career)
        salary = figures.annual_salary(career)
        route = route_kind(found.entry_education, found.ojt_training) if found else None
        if found and route and salary:
            by_route.setdefault(route, {}).setdefault(found.soc, (salary, career.title))
    pay = [
        RoutePay(r, len(by_route[r]), statistics.median(p for p, _ in by_route[r].values()))
        for r in ROUTE_WORDS
        if by_route.get(r)
    ]
    middle = {p.route: p.median_pay for p in pay}
    above = [t for p, t in by_route.get(TRADE, {}).values() if "bachelor" in middle and p > middle["bachelor"]]
    return Routes(pay, sorted(above))


def routes_text(found: Routes) -> str:
    lines = [
        f"- {ROUTE_WORDS[p.route]}: {p.occupations} occupations, middle pay "
        f"{figures.money(p.median_pay, 'year')} a year."
        for p in found.pay
    ]
    overlap = ""
    if found.trade_above_bachelor:
        named = figures.join(found.trade_above_bachelor[:3])
        overlap = (
            f" The ranges overlap: {len(found.trade_above_bachelor)} trade routes pay more than the middle "
            f"bachelor's occupation (for example {named})."
        )
    return (
        "Neither is better for everyone: the work you want decides the route (an electrician trains through an "
        "apprenticeship, an accountant needs a bachelor's degree). What the US figures say for the careers I know "
        "(BLS typical entry route and median pay, May 2024, each BLS occupation once):\n"
        + "\n".join(lines)
        + "\nDegrees pay more on average, but they take longer and usually cost more, while apprentices are paid as "
        "they train." + overlap + "\nTo decide, find work you'd enjoy first (the career test), then ask "
        '"how do I become an electrician?" or "highest paying jobs with a certificate".'
    )
