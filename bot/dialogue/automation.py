"""Questions about AI and automation ("will AI replace accountants?", "what jobs are safe from AI?"). No fact we have
measures how exposed a job is to automation, so no list is ranked by it, and an answer about one career says what its
BLS projection does and does not tell (the search listed AI Safety Researchers for "jobs safe from AI")."""

from __future__ import annotations

import re

AUTOMATION = re.compile(
    r"\b(ai|a\.i\.|automation|robots?)[- ]?(proof|safe|resistant)\b|"
    r"\bsafe from (ai|a\.i\.|automation|robots?|being automated|being replaced)\b|"
    r"\breplaced? by (ai|a\.i\.|automation|robots?|machines|computers)\b|"
    r"\b(will|could|can|is|does|would|might) (ai|a\.i\.|automation|robots?|chatgpt)\b[^?!.]{0,25}\b(replace|take over|"
    r"take|kill|eliminate|wipe out|make [a-z]+ obsolete)\b|"
    r"\b(won'?t|will not|can'?t|cannot|less likely to) be (replaced|automated)\b|"
    r"\b(ai|automation|robots?) (won'?t|will not|can'?t|cannot) (replace|take)\b|\bfuture.?proof\b|"
    # "i heard AI is killing that field"
    r"\b(ai|a\.i\.|automation|robots?|chatgpt) (is|are|'s) (killing|replacing|taking over|taking|eliminating|wiping "
    r"out|destroying|hurting|ruining)\b",
    re.I,
)
AUTOMATION_LINE = (
    "On AI and automation: no figure I have measures how exposed this job is. BLS projections do take expected "
    "changes in technology into account, so the outlook above is the best figure I have, but nobody knows exactly "
    "how AI will change this work; it usually changes tasks within a job before it replaces jobs."
)


def asks_about_automation(text: str) -> bool:
    return bool(AUTOMATION.search(text))
