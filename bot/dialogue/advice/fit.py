"""How well one career fits a person: the career test's match and rank, the interests shared and lacking, and
whether its education fits.

After a test the match is the very number the test gives (quiz.matches over ALL careers with the person's six
scores, ignoring the education answer), the rank its place among all careers; with interests told in words only,
the same computed from the stated scores; with neither, no match (the reply describes the career and offers the
test).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.dialogue.advice import figures
from bot.dialogue.advice.person import Person, strongest
from bot.dialogue.quiz import has_profile, matches, top_letters
from bot.knowledge.pages import Career, holland_code


@dataclass
class Fit:
    career: str
    match: int | None
    rank: int | None
    of: int
    basis: str | None  # "test" | "interests" | None
    strongest: list[str] = field(default_factory=list)  # the person's strongest interests (top 3, >= 4.0)
    shared: list[str] = field(default_factory=list)  # ... that are among the career's top three
    lacking: list[str] = field(default_factory=list)  # ... that are not
    career_code: str = ""
    career_zone: int | None = None
    person_zone: int | None = None

    @property
    def zone_ok(self) -> bool | None:
        if self.person_zone is None or self.career_zone is None:
            return None
        return self.career_zone <= self.person_zone

    def metadata(self) -> dict:
        return {"career": self.career, "match": self.match, "rank": self.rank, "of": self.of, "basis": self.basis}


def ranked_matches(
    scores: dict[str, float], careers: dict[str, Career], zone: int | None = None
) -> list[tuple[Career, int]]:
    """Every career with an interest profile (up to a job zone) by match with the scores, best first (the test's
    order)."""
    return matches(scores, careers, zone, limit=len(careers))


def fit(careers: dict[str, Career], career_id: str, person: Person) -> Fit:
    career = careers[career_id]
    pool = sum(1 for c in careers.values() if has_profile(c))
    if person.test_scores is not None:
        scores, basis = person.test_scores, "test"
    elif person.stated is not None:
        scores, basis = person.stated, "interests"
    else:
        return Fit(
            career_id,
            None,
            None,
            pool,
            None,
            career_code=holland_code(career.riasec) if has_profile(career) else "",
            career_zone=figures.job_zone(career),
            person_zone=person.max_zone,
        )
    ranked = ranked_matches(scores, careers)
    position = next((n for n, (c, _) in enumerate(ranked, 1) if c.id == career_id), None)
    match = ranked[position - 1][1] if position else None
    top = strongest(scores)
    theirs = holland_code(career.riasec) if has_profile(career) else ""
    # its top three with ties, as the test result's reasons count them ("you both score high on ..." and "does not
    # draw on much" disagreed on a makeup artist, whose Realistic and Enterprising tie for third)
    tied_in = top_letters(career.riasec) if has_profile(career) else []
    return Fit(
        career_id,
        match,
        position,
        len(ranked),
        basis,
        strongest=top,
        shared=[d for d in top if d in tied_in],
        lacking=[d for d in top if d not in tied_in],
        career_code=theirs,
        career_zone=figures.job_zone(career),
        person_zone=person.max_zone,
    )


def verdict(match: int) -> str:
    if match >= 80:
        return "a strong match for your interests"
    if match >= 65:
        return "a fair match for your interests"
    if match >= 50:
        return "a weak match for your interests"
    return "not a match for your interests"
