"""Small talk NLU was unsure of ("ok, so what can you help me with?", "see you"): the reply it asks for.

Since the advice intents were added, a few such phrasings fall below NLU's confidence threshold. A message that is
small talk and nothing else (anchored at both ends, so "thanks, and what does a nurse earn?" is a question) gets its
usual response instead of a search or "I didn't understand".
"""

from __future__ import annotations

import re

_LEAD = r"^\W*(?:(?:ok(?:ay)?|alright|right|cool|great|perfect|awesome|so|well|hi|hey|hello)\b[\s,!.]*)*"
_END = r"[\s!.?:)]*$"
SMALL_TALK = {
    "utter_goodbye": re.compile(
        _LEAD + r"(?:thanks?(?: you)?[\s,!.]*)?(?:see (?:you|ya)(?: later| soon| around| tomorrow)?|bye(?: bye| now)?|"
        r"good ?bye|later|cya|take care|talk (?:to you )?(?:later|soon)|gotta go|i'?m off|that'?s all(?: for now)?|"
        r"i'?m done(?: for (?:now|today))?|have a (?:good|nice) (?:day|one|evening))" + _END,
        re.I,
    ),
    "utter_help": re.compile(
        _LEAD + r"(?:what (?:can|could|do) you (?:help(?: me)?(?: with)?|do)(?: for me)?|how (?:does this|do you) work|"
        r"what are you for|what is this(?: bot)?|help(?: me)?|what should i ask(?: you)?)" + _END,
        re.I,
    ),
    "utter_thank": re.compile(
        _LEAD + r"(?:thanks?|thank you|thx|ty|cheers)(?: (?:so|very) much| a lot| again)?"
        r"(?:[\s,!.]*(?:that'?s|that is|this is|it'?s|it is|very|really|super)?(?: very| really| so)? ?"
        r"(?:helpful|useful|great|perfect))?" + _END,
        re.I,
    ),
}


def small_talk(text: str) -> str | None:
    """The response (domain name) for a message that is only small talk, else None."""
    for response, pattern in SMALL_TALK.items():
        if pattern.match(text.strip()):
            return response
    return None


# "no thanks" declines; NLU read it as thanks, so mid-test an answer ("ugh filing, no thanks") got "You're welcome!"
DECLINE = re.compile(r"\b(?:no|nah|nope)\b[\s,.!]*(?:thanks|thank you|thx|ty|ta)\b", re.I)
DECLINED = 'No problem. Ask me about any career whenever you like, or say "help" to see what I can do.'
