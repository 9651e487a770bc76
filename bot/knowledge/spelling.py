"""US spelling for the prose of the knowledge base: an explicit map of UK word forms to US ones.

The pages quote US data (BLS, O*NET), so their prose is in US English; `python -m bot check` reports a UK form
(`find_uk`), and `to_us` converts a text. Whole words only, case kept ("Colour" -> "Color"). Every form is listed
on purpose, with no "-ise -> -ize" or "-our -> -or" rule: many US words end in -ise (supervise, advise, exercise,
advertise, compromise, enterprise, premise, noise, raise...) or -our (hour, four, pour, tour, your, detour...).
Left out on purpose: "analyses" (the plural of "analysis" in both; the verb is "analyzes"), "dialogue", "monologue"
and "archaeology" (usual US spellings too), "towards" and "afterwards" (used in the US too), "programmer" (the same).
"""

from __future__ import annotations

import re


def _forms(uk: str, us: str, endings: str) -> dict[str, str]:
    """uk + ending -> us + ending, for each space-separated ending ("-" is none): a word and its listed forms."""
    return {uk + e: us + e for e in ("" if e == "-" else e for e in endings.split())}


# -ise/-isation verbs spelled -ize/-ization in the US (only these; advise, supervise, exercise... stay).
_ISE_VERBS = """apologis authoris capitalis categoris catheteris centralis characteris commercialis computeris
criticis customis decentralis digitis disorganis economis emphasis energis equalis familiaris fertilis finalis
generalis globalis harmonis hospitalis hypothesis immobilis immunis industrialis initialis itemis jeopardis legalis
localis marginalis maximis mechanis memoris minimis mobilis modernis moisturis monetis neutralis normalis optimis
organis pasteuris penalis personalis polaris prioritis pressuris publicis quantis randomis realis recognis reorganis
revolutionis sanitis scrutinis sensitis socialis specialis stabilis standardis sterilis subsidis summaris symbolis
sympathis synchronis synthesis systematis theoris tokenis unauthoris unionis utilis vaporis virtualis
visualis weatheris winteris""".split()
_ISE_ENDINGS = "e ed es ing ation ations er ers"

# -yse verbs spelled -yze in the US. Not "-yses": "analyses" and "paralyses" are also plural nouns.
_YSE_VERBS = "analys catalys dialys electrolys hydrolys paralys".split()
_YSE_ENDINGS = "e ed ing er ers"

UK_TO_US: dict[str, str] = {
    **{k: v for stem in _ISE_VERBS for k, v in _forms(stem, stem[:-1] + "z", _ISE_ENDINGS).items()},
    **{k: v for stem in _YSE_VERBS for k, v in _forms(stem, stem[:-1] + "z", _YSE_ENDINGS).items()},
    "organisational": "organizational",
    "recognisable": "recognizable",
    "customisable": "customizable",
    # -our -> -or
    **_forms("armour", "armor", "- ed er y"),
    **_forms("behaviour", "behavior", "- s al ally ism ist"),
    **_forms("candour", "candor", "-"),
    **_forms("clamour", "clamor", "- s ed ing"),
    **_forms("colour", "color", "- s ed ing ings ful fully ist ists less fast blind ation"),
    **_forms("discolour", "discolor", "- s ed ing ation"),
    **_forms("demeanour", "demeanor", "-"),
    **_forms("endeavour", "endeavor", "- s ed ing"),
    **_forms("favour", "favor", "- s ed ing able ably ite ites itism"),
    **_forms("unfavour", "unfavor", "able ably"),
    **_forms("fervour", "fervor", "-"),
    **_forms("flavour", "flavor", "- s ed ing ings ful less"),
    **_forms("harbour", "harbor", "- s ed ing"),
    **_forms("honour", "honor", "- s ed ing able ably"),
    **_forms("dishonour", "dishonor", "- s ed able"),
    **_forms("humour", "humor", "- s ed ing less"),
    **_forms("labour", "labor", "- s ed ing er ers"),
    **_forms("misbehaviour", "misbehavior", "-"),
    **_forms("neighbour", "neighbor", "- s ing ly hood hoods"),
    **_forms("odour", "odor", "- s less"),
    **_forms("parlour", "parlor", "- s"),
    **_forms("rigour", "rigor", "-"),
    **_forms("rumour", "rumor", "- s ed"),
    **_forms("saviour", "savior", "-"),
    **_forms("savour", "savor", "- s ed ing y"),
    **_forms("splendour", "splendor", "-"),
    **_forms("tumour", "tumor", "- s"),
    **_forms("valour", "valor", "-"),
    **_forms("vapour", "vapor", "- s"),
    **_forms("vigour", "vigor", "-"),
    # -re -> -er
    **_forms("calibre", "caliber", "-"),
    **_forms("centre", "center", "- s piece pieces"),
    "centred": "centered",
    "centring": "centering",
    **_forms("epicentre", "epicenter", "- s"),
    **_forms("fibre", "fiber", "- s glass"),
    **_forms("litre", "liter", "- s"),
    **_forms("millilitre", "milliliter", "- s"),
    **_forms("lustre", "luster", "-"),
    **_forms("meagre", "meager", "-"),
    **_forms("metre", "meter", "- s"),
    **_forms("centimetre", "centimeter", "- s"),
    **_forms("kilometre", "kilometer", "- s"),
    **_forms("micrometre", "micrometer", "- s"),
    **_forms("millimetre", "millimeter", "- s"),
    **_forms("nanometre", "nanometer", "- s"),
    **_forms("sombre", "somber", "-"),
    **_forms("spectre", "specter", "-"),
    **_forms("theatre", "theater", "- s"),
    **_forms("manoeuvre", "maneuver", "- s"),
    "manoeuvred": "maneuvered",
    "manoeuvring": "maneuvering",
    "manoeuvrable": "maneuverable",
    "manoeuvrability": "maneuverability",
    # -ence -> -ense (the verb "license" and "licensed" are the same in both)
    **_forms("licence", "license", "- s"),
    "licenced": "licensed",
    **_forms("defence", "defense", "- s less"),
    **_forms("offence", "offense", "- s"),
    "pretence": "pretense",
    # the verb "practise" is "practice" in the US
    **_forms("practis", "practic", "e es ed ing"),
    # one l in the US before -ed, -ing, -er (cancellation keeps two in both)
    **_forms("cancell", "cancel", "ed ing"),
    **_forms("channell", "channel", "ed ing"),
    **_forms("counsell", "counsel", "ed ing or ors"),
    **_forms("diall", "dial", "ed ing"),
    **_forms("fuell", "fuel", "ed ing"),
    **_forms("jewell", "jewel", "er ers"),
    "jewellery": "jewelry",
    **_forms("labell", "label", "ed ing er ers"),
    **_forms("levell", "level", "ed ing er ers"),
    **_forms("marshall", "marshal", "ed ing"),
    **_forms("modell", "model", "ed ing er ers"),
    **_forms("panell", "panel", "ed ing ist ists"),
    **_forms("signall", "signal", "ed ing"),
    **_forms("totall", "total", "ed ing"),
    **_forms("travell", "travel", "ed ing er ers"),
    **_forms("tunnell", "tunnel", "ed ing"),
    # two l in the US
    **_forms("distil", "distill", "- s"),
    **_forms("enrol", "enroll", "- s ment ments"),
    **_forms("fulfil", "fulfill", "- s ment ments"),
    **_forms("instil", "instill", "- s"),
    **_forms("instalment", "installment", "- s"),
    **_forms("skilful", "skillful", "- ly"),
    **_forms("wilful", "willful", "- ly"),
    # -ogue -> -og (dialogue and monologue are usual in the US too)
    **_forms("analogue", "analog", "- s"),
    **_forms("catalogue", "catalog", "- s"),
    **_forms("catalogu", "catalog", "ed ing er ers"),
    # ae, oe -> e (medical words)
    **_forms("anaemi", "anemi", "a c"),
    **_forms("anaesthe", "anesthe", "sia tic tics tist tists siologist siologists siology"),
    **_forms("anaesthetis", "anesthetiz", "e ed es ing"),
    "caesarean": "cesarean",
    "diarrhoea": "diarrhea",
    **_forms("encyclopaedi", "encyclopedi", "a as c"),
    "faeces": "feces",
    **_forms("foet", "fet", "us uses al"),
    **_forms("gynaecolog", "gynecolog", "y ist ists ical"),
    **_forms("haem", "hem", "atology atologist atologists oglobin orrhage orrhaging ophilia"),
    **_forms("ischaemi", "ischemi", "a c"),
    **_forms("leukaemi", "leukemi", "a as"),
    "oedema": "edema",
    **_forms("oesophag", "esophag", "us eal"),
    "oestrogen": "estrogen",
    **_forms("orthopaedic", "orthopedic", "- s"),
    **_forms("orthopaedist", "orthopedist", "- s"),
    **_forms("paediatric", "pediatric", "- s ian ians"),
    **_forms("tranquillis", "tranquiliz", "e ed er ers ing"),
    # single words
    **_forms("aeroplane", "airplane", "- s"),
    "ageing": "aging",
    "aluminium": "aluminum",
    "amongst": "among",
    **_forms("artefact", "artifact", "- s"),
    **_forms("cheque", "check", "- s"),
    **_forms("cheque", "check", "book books"),
    **_forms("cosi", "cozi", "er est"),
    "cosy": "cozy",
    **_forms("draught", "draft", "- s sman smen sperson spersons y"),
    **_forms("enquir", "inquir", "e ed es ing y"),
    "enquiries": "inquiries",
    "gaol": "jail",
    **_forms("grey", "gray", "- s ish ed ing"),
    **_forms("judgement", "judgment", "- s al"),
    **_forms("acknowledgement", "acknowledgment", "- s"),
    **_forms("kerb", "curb", "- s side stone stones"),
    "learnt": "learned",
    "maths": "math",
    **_forms("mould", "mold", "- s ed ing ings er ers y"),
    "moustache": "mustache",
    **_forms("plough", "plow", "- s ed ing"),
    **_forms("programme", "program", "- s"),
    "pyjamas": "pajamas",
    **_forms("sceptic", "skeptic", "- s al ally ism"),
    "speciality": "specialty",
    "specialities": "specialties",
    "storey": "story",
    "storeys": "stories",
    **_forms("sulph", "sulf", "ur ate ates ide ides uric"),
    **_forms("tyre", "tire", "- s"),
    "whilst": "while",
}

# Phrases where a UK form stays: proper names, which keep their own spelling (exact, case-sensitive). None occurs
# in the pages today (every UK form found in them when the list was made was ordinary prose); these are names a page on
# labor, the military, acting or tea could name. Add a phrase here, with its reason, rather than misspell a name.
ALLOWED: tuple[str, ...] = (
    "International Labour Organization",  # the UN agency's official name (ILO)
    "Ministry of Defence",  # the UK ministry
    "National Theatre",  # London's national theatre company
    "Earl Grey",  # the tea
)

_WORD = re.compile(r"[A-Za-z]+")  # each word is looked up in the map (one regex of every form would be slow)
_ALLOWED = re.compile("|".join(re.escape(p) for p in ALLOWED)) if ALLOWED else None


def _matches(text: str) -> list[re.Match[str]]:
    """UK forms in text, outside the allowed phrases."""
    kept = [(m.start(), m.end()) for m in _ALLOWED.finditer(text)] if _ALLOWED else []
    return [
        m
        for m in _WORD.finditer(text)
        if m.group(0).lower() in UK_TO_US and not any(a <= m.start() < b for a, b in kept)
    ]


def us_form(word: str) -> str:
    """The US form of a UK word, in the word's case ("Colour" -> "Color", "LICENCE" -> "LICENSE")."""
    us = UK_TO_US[word.lower()]
    if word.isupper() and len(word) > 1:
        return us.upper()
    if word[0].isupper():
        return us[0].upper() + us[1:]
    return us


def find_uk(text: str) -> list[tuple[str, str]]:
    """Every UK form in text, in order: (the word as written, its US form)."""
    return [(m.group(0), us_form(m.group(0))) for m in _matches(text)]


def to_us(text: str) -> str:
    """text with every UK form replaced by its US form."""
    parts, last = [], 0
    for m in _matches(text):
        parts += [text[last : m.start()], us_form(m.group(0))]
        last = m.end()
    return "".join(parts) + text[last:]
