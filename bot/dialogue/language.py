"""Is a message clearly not English? Then the assistant says it reads English only, instead of a made-up guess.

The check is deliberately cautious (a misspelt English question must never be told it is not English): a message
counts as foreign when most of its letters are from another script (Cyrillic, Arabic, CJK, ...), or when it has at
least two function words of another common language and fewer English words than those. One word alone ("hola",
"merci") is never judged: it may be a name, and NLU handles greetings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Everyday English words, on top of the words our question phrasings use (bot.knowledge.phrasings.question_words).
ENGLISH = frozenset(
    """
    a an the and or but so of to in on at for with about as by from into is are was were be been am do does did
    i me my you your he she we our they them their it its this that these those there here what who which where
    when why how much many more most any some all no not yes can could would should will may might must need want
    like love hate work job jobs career careers pay earn salary degree school study become good best well very
    have has had get make go good bad help thanks thank hi hello hey please tell know think feel new old people
    """.split()
)

# Function words (and a few greetings and question words) of the languages people most often try, minus any that
# are also English words ("die", "was", "son", "met", "fare", "per", "bin", "um"...).
FOREIGN_WORDS = {
    "Spanish": """que qué el los las una unos unas del y es por para con cómo como cuál cuáles cuánto cuánta
        dónde donde hace hacer trabajo trabajar gana ganar ser estar está soy estoy quiero puedo tengo mi tú usted
        sobre pero muy más también hola gracias cuando porque necesito estudiar carrera profesión oficio un la de
        hablo habla inglés ingles español entiendo""",
    "French": """le les une des du et est sont qui quoi quel quelle quels comment combien avec dans je tu il
        elle nous vous ils elles fait faire travail métier bonjour merci salut où être suis veux peux mon mes pas
        ne au aux ce cette devenir gagne gagner études""",
    "German": """der das und ist sind ein eine einer einen wie wo welche welcher macht machen arbeit beruf ich du
        sie wir ihr für auf nicht auch hallo danke verdient verdienen kann möchte werden wird mein meine""",
    "Portuguese": """uma umas é são faz fazer trabalho ganha olá obrigado obrigada onde quanto não
        você meu minha seu sua também profissão""",
    "Italian": """il lo gli che è sono fa lavoro ciao grazie dove quanto non io mio mia della delle dei
        anche guadagna diventare""",
    "Dutch": """het een en waar doet werk ik jij je hallo bedankt niet ook voor verdient worden""",
}
FOREIGN = frozenset(w for words in FOREIGN_WORDS.values() for w in words.split()) - ENGLISH
WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from bot.knowledge.phrasings import question_words

    return ENGLISH | question_words()


def _is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def looks_foreign(text: str) -> bool:
    """True when `text` is clearly not English (see the module's docstring for what "clearly" means)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and sum(not _is_latin(c) for c in letters) > len(letters) / 2:
        return True
    words = WORD.findall(text.lower())
    if len(words) < 2:
        return False
    english_words = _english_words()
    english = sum(w in english_words for w in words)
    foreign = sum(w in FOREIGN and w not in english_words for w in words)
    return foreign >= 2 and foreign > english
