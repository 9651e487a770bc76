"""Chat spellings read as the words they stand for, before a request is parsed.

"yo wat jobs pay good n u dont gotta go to skool 4 long" listed school counselors and teachers: "skool" and "4 long"
hid the request for pay without long schooling. Only whole words are replaced, and "4" only where it cannot be a
number ("4 long", not "4 years"). Sayings for pay ("makes bank") are said plainly.
"""

from __future__ import annotations

import re

WORDS = {
    "wat": "what",
    "wut": "what",
    "whut": "what",
    "u": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "skool": "school",
    "skul": "school",
    "gotta": "have to",
    "wanna": "want to",
    "gonna": "going to",
    "dont": "don't",
    "doesnt": "doesn't",
    "cant": "can't",
    "wont": "won't",
    "jobz": "jobs",
    "gud": "good",
    "alot": "a lot",
    "bc": "because",
    "cuz": "because",
    "thru": "through",
    "sum": "some",
    "ppl": "people",
    "w/o": "without",
    "w/out": "without",
    "edu": "education",
    "w": "with",
}
# Sayings for pay: "wat job makes bank w no degree" listed bank tellers.
PHRASES = {
    "makes bank": "pays well",
    "make bank": "pay well",
    "making bank": "paying well",
    "big bucks": "high pay",
    "big money": "high pay",
    "good money": "good pay",
    "decent money": "decent pay",
}
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PHRASES) + r")\b", re.I)
_ALTERNATIVES = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
_WORD = re.compile(rf"(?<![\w'])({_ALTERNATIVES})(?![\w'])")
_FOUR = re.compile(r"(?<![\w$.,])4 (?!(years?|yrs?|months?|weeks?|days?|hours?|hrs?|k\b|grand|of|or|to|-|\d))", re.I)


def plain(text: str) -> str:
    """The text with chat spellings written out (lower case kept as typed)."""
    out = _WORD.sub(lambda m: WORDS[m.group(1).lower()] if m.group(1).islower() else m.group(1), text)
    out = _PHRASE.sub(lambda m: PHRASES[m.group(1).lower()], out)
    return _FOUR.sub("for ", out)
