"""Rankings of careers by a fact: a request in words -> by / order / filters, and the ranked careers.

"which careers pay the most?" -> by salary, desc; "highest paying jobs without a degree" -> + max_job_zone 2;
"healthcare jobs over 100k" -> cluster Health Science, min_salary 100000; "fastest growing jobs in IT" -> by growth,
cluster Information Technology; "most openings with only a certificate" -> by openings, levels below an associate's
degree; "well-paid jobs for creative people" -> interest A; "least stressful jobs" -> unsupported ("stress": the
facts cannot answer it). A follow-up ("and without a degree?", "sort them by growth instead") refines the last
ranking: its filters are merged, its fact or order replaced. The facts are the pages' front matter (figures.py);
a career without the fact a ranking needs is left out, and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.dialogue.advice import figures
from bot.dialogue.automation import AUTOMATION
from bot.dialogue.chat_speak import plain
from bot.dialogue.explore_words import about_the_work, mentions
from bot.knowledge.check import EDUCATION_LEVELS
from bot.knowledge.pages import RIASEC, Career, holland_code

PAGE = 5  # careers per message; "show me more" gives the next ones
DEFAULT_BY = "salary"
DEFAULT_ORDER = {"salary": "desc", "growth": "desc", "openings": "desc", "job_zone": "asc", "match": "desc"}
EDUCATION_KEYS = ("max_job_zone", "min_job_zone", "levels")
SALARY_KEYS = ("min_salary", "max_salary")

AUTOMATION_RISK = "the risk of automation"
# What the facts cannot rank by: (what, pattern). Checked first: such a request gets no list.
UNSUPPORTED: list[tuple[str, re.Pattern[str]]] = [
    (
        "stress",
        re.compile(r"\bstress\w*|\bcalm(est)?\b|\brelax\w*|\blow.pressure|\bhigh.pressure|\beasy.?going\b|\bchill\w*"),
    ),
    (
        "time off and benefits",
        re.compile(
            r"\bvacation\w*|\bpaid time off\b|\bpto\b|\bbenefits\b|\bholidays?\b|\bpensions?\b|"
            r"\bhealth (insurance|coverage)\b|\bdays off\b|\bperks\b"
        ),
    ),
    (
        "work-life balance",
        re.compile(
            r"\bwork.?life\b|\bbalance\b|\bfree time\b|\bfamily time\b|\bflexib\w*|\bshort(er|est)? hours\b|"
            r"\bfewest hours\b|\bpart.time\b"
        ),
    ),
    (
        "happiness",
        re.compile(
            r"\bhapp(y|ier|iest|iness)\b|\bsatisf\w+|\bfulfil\w*|\bmeaningful\b|\bmost fun\b|\bfunnest\b|"
            r"\benjoyable\b|\brewarding\b"
        ),
    ),
    (
        "remote work",
        re.compile(r"\bremote(ly)?\b|\bwork(ing)? from home\b|\bwfh\b|\b(do|done|work|job)\b.{0,12}\bfrom home\b"),
    ),
    (AUTOMATION_RISK, AUTOMATION),  # before safety: "safe from AI" is no question about danger
    ("safety", re.compile(r"\bsafe(st|r)?\b|\bdanger\w*|\brisk(y|iest)?\b")),
    ("prestige", re.compile(r"\bprestig\w*|\brespected\b|\bstatus\b")),
    ("travel", re.compile(r"\btravel\w*")),
    (
        "places outside the US",
        re.compile(
            r"\bin (the )?(uk|united kingdom|britain|england|canada|australia|europe|india|germany|france|"
            r"ireland|new zealand|nigeria|south africa|london)\b"
        ),
    ),
    (
        "states or cities",
        re.compile(r"\bin (texas|california|new york|florida|my (city|area|town|state|region))\b|\bnear me\b"),
    ),
]

CLUSTERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "Information Technology",
        re.compile(
            r"\bcomputer science\b|\btech( industry| sector| jobs| careers)?\b|\bsoftware\b|\bcomputers?\b|"
            r"\bcoding\b|\binformation technology\b|\bcyber\w*"
        ),
    ),
    (
        "Health Science",
        re.compile(r"\bhealth ?care\b|\bhealth\b|\bmedical\b|\bmedicine\b|\bhospitals?\b|\bclinical\b|\bnursing\b"),
    ),
    (
        "Human Services",
        re.compile(
            r"\bsocial work\b|\bhuman services\b|\bsocial services\b|\bcounsel+ing\b|\bcare work\b|\bpersonal care\b"
        ),
    ),
    (
        "Science, Technology, Engineering and Mathematics",
        re.compile(r"\bstem\b|\bscience\b|\bsciences\b|\bengineering\b|\bmath(s|ematics)?\b|\bresearch\b|\blabs?\b"),
    ),
    (
        "Education and Training",
        re.compile(
            r"\bin education\b|\beducation (sector|jobs|careers|field)\b|\bteaching\b|"
            r"(?<!back to )(?<!go to )(?<!going to )\bschools?\b(?! for)|\bacademi\w+"
        ),
    ),
    (
        "Arts, Audio/Video Technology and Communications",
        re.compile(
            r"\bthe arts\b|\barts?\b|\bmedia\b|\bmusic\b|\bfilm\b|\bentertainment\b|\bjournalism\b|"
            r"\bcommunications\b|\bdesign\b"
        ),
    ),
    (
        "Architecture and Construction",
        re.compile(r"\bconstruction\b|\barchitecture\b|\bbuilding trades?\b"),
    ),
    (
        "Agriculture, Food and Natural Resources",
        re.compile(r"\bagricultur\w*|\bfarming\b|\bnatural resources\b|\benvironment(al)?\b|\bforestry\b|\bwildlife\b"),
    ),
    (
        "Business Management and Administration",
        re.compile(r"\bbusiness\b|\bmanagement\b|\badministration\b|\boffice jobs?\b|\bhuman resources\b|\bhr\b"),
    ),
    ("Finance", re.compile(r"\bfinanc\w*|\bbanking\b|\bbanks?\b|\baccounting\b|\binsurance\b|\binvest\w*")),
    (
        "Law, Public Safety, Corrections and Security",
        re.compile(
            r"\blaw\b|\blegal\b|\bpolic(e|ing)\b|\bpublic safety\b|\bsecurity\b|\bcriminal justice\b|"
            r"\bemergency services\b|\bfire ?fighting\b"
        ),
    ),
    (
        "Government and Public Administration",
        re.compile(r"\bgovernment\b|\bpublic sector\b|\bcivil service\b|\bpublic administration\b|\bpolitics\b"),
    ),
    (
        "Hospitality and Tourism",
        re.compile(r"\bhospitality\b|\btourism\b|\bhotels?\b|\brestaurants?\b|\bfood service\b|\bcatering\b"),
    ),
    ("Marketing", re.compile(r"\bmarketing\b|\bsales\b|\badvertising\b|\bretail\b")),
    ("Manufacturing", re.compile(r"\bmanufactur\w*|\bfactor(y|ies)\b|\bproduction\b")),
    (
        "Transportation, Distribution and Logistics",
        re.compile(r"\btransport\w*|\blogistics\b|\bdriving\b|\bdrivers?\b|\baviation\b|\bshipping\b|\bwarehous\w*"),
    ),
]
_IT = re.compile(r"\bIT\b|\bin it\s*[?.!]*\s*$|\bit (jobs|careers|sector|industry|field|roles)\b")

INTERESTS: list[tuple[str, re.Pattern[str]]] = [
    ("A", re.compile(r"\bcreative\b|\bcreativity\b|\bartistic\b|\barty\b|\bimaginative\b")),
    (
        "S",
        re.compile(
            r"\bhelp(ing)? (people|others)\b|\bpeople persons?\b|\bcaring\b|\blike people\b|"
            r"\bsocial people\b|\bwork(ing)? with people\b|\b(like|likes|love|loves|enjoy|enjoys) helping\b"
        ),
    ),
    ("R", re.compile(r"\bhands.on\b|\bwith (my|their|your) hands\b|\bpractical\b|\boutdoors(y)?\b|\boutside\b")),
    ("I", re.compile(r"\banalytical\b|\bscientific\b|\bcurious\b|\bproblem.solv\w+|\bthinkers?\b|\bnerds?\b")),
    (
        "E",
        re.compile(
            r"\bleaders?\b|\bleadership\b|\bpersuasive\b|\bentrepreneurial\b|\bambitious\b|\bwho like selling\b"
        ),
    ),
    (
        "C",
        re.compile(r"\borgani[sz]ed\b|\bdetail.oriented\b|\blike (order|routine|structure)\b|\bmethodical\b|\btidy\b"),
    ),
]

NO_DEGREE = re.compile(
    r"\b(without|no|don'?t need|do not need|not needing|doesn'?t need|does not need|without needing|skip|"
    r"(?:i )?(?:don'?t|do not|dont|no|not) have|(?:i )?(?:haven'?t|have not) got|without having|lack|lacking|"
    r"not requiring|that don'?t require|that do not require)( a| any)?( college| university| uni| four.year| 4.year)?"
    r" (degree|college|university|uni)\b|\bno.degree\b|\bwithout (going to )?(college|university|uni)\b|"
    r"\b(only|just)( a| my)? high school\b|\bhigh school (only|diploma)\b|\bwithout (a )?bachelor'?s?\b|"
    r"\bnon.degree\b|\bnot (a )?degree\b|\bwithout (much|a lot of|lots of|too much|any|going to|going back to|"
    r"more|further|extra|returning to|another) (school|"
    r"schooling|education|college|university|studying|study)\b|\b(little|not much|minimal|hardly any) (school|"
    r"schooling|college)\b|"
    # "you don't have to go to school for long"
    r"\b(don'?t|do not|not|never) (have to |need to |got to )?(go to |be in |stay in )?(school|college|university) "
    r"(for )?(long|very long|years|forever|that long|too long|a long time)\b"
)
# "without a 4 year degree" still allows an associate's or a long apprenticeship (it was taken as no degree at all)
NO_BACHELORS = re.compile(
    r"\b(without|no|not|don'?t need|do not need|skip|not requiring|without needing|"
    r"(?:don'?t|do not|dont) (?:have|want))( a| any)? (four|4).?year (college |university )?"
    r"(degree|college|university|program)\b|"
    r"\bwithout (a )?bachelor'?s?( degree)?\b|\bnot a bachelor'?s\b"
)
CERTIFICATE = re.compile(
    r"\b(only|just|with|need(ing)?|requir(e|es|ing))( a| an)? (certificate|certification|apprenticeship|"
    r"vocational (training|course)|trade school|short course)\b|\bcertificate (or less|only)\b|"
    r"\bapprenticeships?\b|\bcertificate\b|\b(from |through |after |via )?(a )?(trade|vocational) schools?\b"
)
WITH_DEGREE = [
    (  # "pays more without going to law school": up to a bachelor's
        ("max_job_zone", 4),
        re.compile(
            r"\b(without|no|not|never|skip|avoid|instead of|rather than|don'?t want to)( going( back)? to| attending| "
            r"doing| another| more| a)? (law|med|medical|dental|pharmacy|vet|grad|graduate|business|professional) "
            r"(school|degree)\b|\bwithout (a )?(master'?s?|phd|doctorate|graduate degree|grad school)\b"
        ),
    ),
    (
        ("min_job_zone", 5),
        re.compile(r"\b(need|needs|requir\w*|with)( a| an)? (master'?s?|phd|doctorate|graduate degree)\b"),
    ),
    (
        ("max_job_zone", 4),
        re.compile(
            r"\b(with|have|only have|got)( a| an| my)? (bachelor'?s?|college|university|4.year|four.year)( degree)?\b"
        ),
    ),
    (("max_job_zone", 3), re.compile(r"\b(with|have|only have)( an)? associate'?s?( degree)?\b")),
    (
        ("min_job_zone", 4),
        re.compile(r"\b(need|needs|requir\w*|that take)( a)? (college |university |4.year )?degree\b"),
    ),
]
_AMOUNT = (
    r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k\b|K\b|thousand\b|grand\b)?(\s*(an|per|/)\s*(hour|"
    r"hr|h)\b|\s*hourly\b)?"
)
_PAY_VERB = r"(?:\b(?:pay|pays|paying|paid|earn|earns|earning|make|makes|making|salary|salaries|wages?)\s+)?"
SALARY_FILTERS = [
    ("between", re.compile(_PAY_VERB + r"\bbetween\s+" + _AMOUNT + r"\s+(and|to|-)\s+" + _AMOUNT)),
    (
        "min",
        re.compile(
            _PAY_VERB
            + r"\b(over|above|more than|at least|upwards of|starting at|min(imum)?( of)?|greater than|>)\s*"
            + _AMOUNT
        ),
    ),
    (
        "max",
        re.compile(_PAY_VERB + r"\b(under|below|less than|at most|up to|no more than|max(imum)?( of)?|<)\s*" + _AMOUNT),
    ),
    ("six", re.compile(r"\bsix.figures?\b|\b6.figures?\b")),
]

BY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "match",
        re.compile(
            r"\b(fit|fits|suit|suits|match|matches)( me| my interests)( best)?\b|\bbest (fit|"
            r"match)(es)? for me\b|\bby (my )?match\b|\bmy (best )?matches\b|\b(good|right|best|ideal|perfect|"
            r"suitable) (jobs?|careers?|work|occupations?) for me\b"
        ),
    ),
    (
        "job_zone",
        re.compile(
            r"\b(least|most|less|more|little|minimum|fewest)( amount of)? (education|school\w*|training|"
            r"study\w*|years of (school|study|training)|prep\w*)\b|\bquick(est|ly)? to (get into|start|"
            r"train for|enter)\b|\bshortest (training|education|path)\b|\bfastest to (get into|start|"
            r"train)\b|\bjob zones?\b|\bby education\b|\b(quick|quickest|fastest|easiest) (careers?|jobs?|ones?|"
            r"work) to (get into|start|enter|train for)\b|\b(no|little|almost no|hardly any|minimal|not much) "
            r"(preparation|prep|training|schooling|education)\b|"
            # "what healthcare job can i do quickly" searched the pages (physicians first)
            r"\b(jobs?|careers?|work|ones?)\b[^.?!]{0,25}\b(can|could) (i|you|one) (do|start|get( into)?|train for|"
            r"learn)( \w+)? (quickly|fast|soon|right away|quick)\b|"
            r"\b(train|qualify|retrain) (for )?(\w+ )?(fast|quickly)\b"
        ),
    ),
    (
        "openings",
        re.compile(
            r"\bopenings?\b|\bvacanc\w+|\bhiring\b|\bmost jobs\b|\bnumber of jobs\b|\bjob opportunities\b|"
            r"\beasiest to (get hired|find (a )?(job|work)|get a job)\b|\bmost positions\b|\bby openings\b"
        ),
    ),
    (
        "growth",
        re.compile(
            r"\bgrow\w*|\bgrowth\b|\bdemand\b|\bfuture\b|\boutlook\b|\bexpanding\b|\bdeclin\w*|\bshrink\w*|"
            r"\bdying\b|\bdisappearing\b|\bprospects\b"
        ),
    ),
    (
        "salary",
        re.compile(
            r"\bpa(y|ys|id|ying)\b(?! to\b)|\bsalar\w*|\bearn\w*|\bwages?\b|\bincome\b|\bmoney\b|\blucrative\b|"
            r"\brich\b|\bhigh.paying\b|\bwell.paid\b|\bbest.paid\b"
        ),
    ),
]
ASCENDING = re.compile(
    r"\b(lowest|least|worst|poorest|slowest|fewest|bottom|smallest|shrink\w*|declin\w*|dying|disappearing|"
    r"low.paying|underpaid|least paid|paid (the )?least|lowest.paid|less)\b"
)
DESCENDING = re.compile(r"\b(highest|most|best|top|fastest|biggest|largest|greatest|more)\b")
DROP = [
    (
        EDUCATION_KEYS,
        re.compile(
            r"\b(any|whatever|regardless of( the)?) (education|degree|training)\b|"
            r"\bwith or without (a )?degree\b|\b(drop|remove|forget) the (degree|education) (filter|limit)\b"
        ),
    ),
    (
        ("cluster",),
        re.compile(
            r"\b(any|all|every) (field|fields|sector|sectors|cluster|clusters|industry|industries|area|areas)\b"
        ),
    ),
    (SALARY_KEYS, re.compile(r"\b(any|whatever) (pay|salary|wage)\b")),
    (("interest",), re.compile(r"\b(any|all) (interests?|personalit\w+)\b")),
]
RESET = re.compile(r"\b(no|without|remove|drop|clear)( the| all| any)? filters?\b|\ball (careers|jobs)\b")


@dataclass
class Request:
    """What a message asks of a ranking; None / {} where it says nothing."""

    by: str | None = None
    order: str | None = None
    filters: dict[str, Any] = field(default_factory=dict)
    unsupported: str | None = None
    drop: tuple[str, ...] = ()  # filter keys a refinement removes
    reset: bool = False

    @property
    def says_something(self) -> bool:
        return bool(self.by or self.order or self.filters or self.unsupported or self.drop or self.reset)


def _amount(number: str, unit: str | None, hourly: str | None) -> float:
    value = float(number.replace(",", ""))
    if unit:
        value *= 1000
    elif hourly:
        value *= figures.HOURS_A_YEAR
    elif value < 1000:  # "over 80" in a pay question means 80,000
        value *= 1000
    return round(value, 2)


def _salary_filters(text: str) -> tuple[dict[str, float], str]:
    """min_salary / max_salary from the words, and the text with those words taken out."""
    found: dict[str, float] = {}
    for kind, pattern in SALARY_FILTERS:
        for m in list(pattern.finditer(text)):
            tail = text[m.end() : m.end() + 3]
            if "%" in tail:
                continue
            groups = m.groups()
            if kind == "between":
                low, high = _amount(groups[0], groups[1], groups[2]), _amount(groups[6], groups[7], groups[8])
                found["min_salary"], found["max_salary"] = min(low, high), max(low, high)
            elif kind == "six":
                found["min_salary"] = 100_000.0
            else:
                number, unit, hourly = groups[-5], groups[-4], groups[-3]
                if re.fullmatch(r"\d+", number) and int(number) < 10 and not unit:
                    continue  # "more than 2": not pay
                found[f"{kind}_salary"] = _amount(number, unit, hourly)
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return found, text


def _blank(text: str, m: re.Match[str]) -> str:
    """The text with a match's words blanked out (positions kept)."""
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]


# A trade: skilled hands-on work (TRADE_CODES) learned below an associate's degree ("which trade pays the most?"
# ranked physicians first).
TRADES = re.compile(
    r"(?<!international )(?<!foreign )(?<!free )(?<!fair )(?<!stock )\btrades?\b(?![- ](school|off|offs|shows?|"
    r"agreements?|polic\w+|secrets?))|\btradespeople\b|\btradesm[ae]n\b|\btradeswom[ae]n\b|\bblue.collar\b"
)


def parse(text: str) -> Request:
    """A ranking request in words (see the module docstring)."""
    raw = plain(text.replace("’", "'"))  # "wat jobs pay good n u dont gotta go to skool 4 long"
    t = raw.lower()
    for what, pattern in UNSUPPORTED:
        if pattern.search(t):
            return Request(unsupported=what)
    req = Request(reset=bool(RESET.search(t)))
    for keys, pattern in DROP:
        if pattern.search(t):
            req.drop += keys
            t = pattern.sub(lambda m: " " * len(m.group(0)), t)
    salary, t = _salary_filters(t)
    req.filters.update(salary)
    education = [
        (("max_job_zone", 3), NO_BACHELORS),
        (("max_job_zone", 2), NO_DEGREE),
        (("levels", 0), CERTIFICATE),
        *WITH_DEGREE,
    ]
    for (key, zone), pattern in education:
        m = pattern.search(t)
        if m:
            req.filters[key] = list(figures.BELOW_ASSOCIATE) if key == "levels" else zone
            t = pattern.sub(lambda m: " " * len(m.group(0)), t)
            break
    found = sorted((m.start(), by, m) for by, pattern in BY_WORDS if (m := pattern.search(t)))
    if len(found) > 1 and any(by == "job_zone" for _, by, _ in found):
        # "the best paid jobs with the least training": pay is the ranking, the training a filter
        _, _, m = next(f for f in found if f[1] == "job_zone")
        if not any(k in req.filters for k in EDUCATION_KEYS):
            less = re.search(r"least|less|little|minimum|fewest|quick|short|fastest", m.group(0))
            req.filters.update({"max_job_zone": 2} if less else {"min_job_zone": 4})
        t = _blank(t, m)
        found = [f for f in found if f[1] != "job_zone"]
    t_order = t
    if found:
        req.by = found[0][1]
        t = _blank(t, found[0][2])  # the fact's words ("most openings") name no cluster or interest
    if _IT.search(raw):
        req.filters["cluster"] = "Information Technology"
    else:
        for cluster, pattern in CLUSTERS:
            if pattern.search(t):
                req.filters["cluster"] = cluster
                break
    for letter, pattern in INTERESTS:
        if pattern.search(t):
            req.filters["interest"] = letter
            break
    if TRADES.search(t) and "interest" not in req.filters and "cluster" not in req.filters:  # "construction trades"
        req.filters["trade"] = True
        if not any(k in req.filters for k in EDUCATION_KEYS):
            req.filters["levels"] = list(figures.BELOW_ASSOCIATE)
    asc, desc = ASCENDING.search(t_order), DESCENDING.search(t_order)
    if asc and (not desc or asc.start() < desc.start()):
        req.order = "asc"
    elif desc:
        req.order = "desc"
    if req.by == "job_zone":  # "least education" sorts up from zone 1; "most education" down from 5
        req.order = "desc" if re.search(r"\b(most|more)\b", t_order) and not asc else "asc"
    return req


def default_order(by: str) -> str:
    return DEFAULT_ORDER[by]


@dataclass
class Query:
    """A ranking as the `ranking` slot keeps it: {"by", "order", "filters", "offset"}."""

    by: str
    order: str
    filters: dict[str, Any]
    offset: int = 0

    def slot(self) -> dict[str, Any]:
        return {"by": self.by, "order": self.order, "filters": dict(self.filters), "offset": self.offset}

    @classmethod
    def from_slot(cls, slot: object) -> Query | None:
        if not isinstance(slot, dict) or slot.get("by") not in figures.BY_FACTS:
            return None
        order = slot.get("order") if slot.get("order") in ("asc", "desc") else default_order(str(slot["by"]))
        filters: dict[str, Any] = dict(slot["filters"]) if isinstance(slot.get("filters"), dict) else {}
        return cls(str(slot["by"]), str(order), filters, int(slot.get("offset") or 0))


def new_query(req: Request) -> Query:
    by = req.by or DEFAULT_BY
    order = req.order if req.order and (req.by or req.order) else default_order(by)
    if req.by and not req.order:
        order = default_order(by)
    return Query(by, order, dict(req.filters))


def refine(previous: Query | None, req: Request) -> Query:
    """A follow-up merged into the last ranking: new filters added (an education or pay filter replaces the old
    one of its kind), dropped ones removed, the fact and order replaced when the follow-up names them."""
    if previous is None:
        return new_query(req)
    filters = {} if req.reset else dict(previous.filters)
    for key in req.drop:
        filters.pop(key, None)
    if any(k in req.filters for k in EDUCATION_KEYS):
        for key in EDUCATION_KEYS:
            filters.pop(key, None)
    filters.update(req.filters)
    by = req.by or previous.by
    if req.order:
        order = req.order
    elif req.by and req.by != previous.by:
        order = default_order(by)
    else:
        order = previous.order
    return Query(by, order, filters)


# ---------------------------------------------------------------------------------------------------------------
# Computing


@dataclass
class Ranked:
    query: Query
    careers: list[str]  # every career that qualifies, in order
    values: list[float]
    left_out: int  # careers that pass the other filters but lack a fact the ranking needs


# Patient care is the work of health practitioners, technologists and support occupations (SOC 29 but health
# information, and 31), whether or not their pages say "patients" (midwives, pediatricians, occupational therapists did
# not).
PATIENT = "patient"  # the thing avoided in "isn't direct patient care" (explore_words.avoided)
PATIENT_CARE_CODES = ("29-1", "29-2", "29-9", "31-")
NOT_PATIENT_CARE_CODES = ("29-9021", "29-2072")  # health information technologists, medical records specialists


# The skilled trades: construction and extraction, installation, maintenance and repair, production (SOC 47, 49, 51),
# barbers, hairdressers and cosmetologists, and chefs ("which trade pays the most?" put a charter pilot first and
# listed file clerks and dishwashers when a trade was any hands-on job below an associate's degree).
TRADE_CODES = ("47-", "49-", "51-", "39-5011", "39-5012", "35-1011")


def is_trade(career: Career) -> bool:
    return any(str(c).startswith(TRADE_CODES) for c in career.meta.get("onet") or [])


# Work at the sight of blood: EMTs and paramedics, phlebotomists, surgical technologists, surgeons.
BLOOD_CODES = ("29-2042", "29-2043", "31-9097", "29-2055", "29-124")


def avoids(career: Career, things: list[str]) -> bool:
    """Whether a career is one of the things to stay away from: its overview, duties or workplace talk about one
    ("that isn't direct patient care": patients, and the occupations that care for them)."""
    if any(mentions(about_the_work(career), thing) for thing in things):
        return True
    codes = [str(c) for c in career.meta.get("onet") or []]
    if "blood" in things and any(c.startswith(BLOOD_CODES) for c in codes):
        return True  # "i like helping ppl but i hate blood" listed a paramedic, whose page never says "blood"
    care = [c for c in codes if c.startswith(PATIENT_CARE_CODES) and not c.startswith(NOT_PATIENT_CARE_CODES)]
    return PATIENT in things and bool(care)


def passes(career: Career, filters: dict[str, Any]) -> bool | None:
    """True / False, or None when the career lacks a fact a filter needs."""
    zone = figures.job_zone(career)
    for key in ("max_job_zone", "min_job_zone"):
        if key in filters:
            if zone is None:
                return None
            if (key == "max_job_zone" and zone > int(filters[key])) or (
                key == "min_job_zone" and zone < int(filters[key])
            ):
                return False
    if "max_job_zone" in filters and int(filters["max_job_zone"]) <= 2:
        # "without a degree": job zone 2 or below AND an entry level below an associate's degree
        if figures.level(career) not in figures.BELOW_ASSOCIATE:
            return False
    if "levels" in filters and figures.level(career) not in filters["levels"]:
        return False
    if "cluster" in filters and career.cluster != filters["cluster"]:
        return False
    if "avoid" in filters and avoids(career, filters["avoid"]):
        return False
    if filters.get("trade") and not is_trade(career):
        return False
    if "careers" in filters and career.id not in filters["careers"]:
        return False
    if "interest" in filters:
        if set(career.riasec) != set(RIASEC):
            return None
        if filters["interest"] not in holland_code(career.riasec, 2):
            return False
    if "min_salary" in filters or "max_salary" in filters:
        pay = figures.annual_salary(career)
        if pay is None:
            return None
        if pay < float(filters.get("min_salary", 0)) or pay > float(filters.get("max_salary", float("inf"))):
            return False
    return True


def match_values(careers: dict[str, Career], scores: dict[str, float]) -> dict[str, int]:
    """Each career's match (0-100) with a person's six scores: the career test's correlation (quiz.matches)."""
    from bot.dialogue.quiz import matches

    return {c.id: pct for c, pct in matches(scores, careers, None, limit=len(careers))}


def rank(careers: dict[str, Career], query: Query, scores: dict[str, float] | None = None) -> Ranked:
    """Every career that passes the filters and has the fact, ordered by it (ties by title)."""
    if query.by == "match" and scores is None:
        raise ValueError("a ranking by match needs the person's scores")
    matched = match_values(careers, scores) if query.by == "match" and scores else {}
    rows: list[tuple[float, int, str, str]] = []
    left_out = 0
    for career in careers.values():
        ok = passes(career, query.filters)
        if ok is False:
            continue
        value = float(matched[career.id]) if query.by == "match" and career.id in matched else None
        if query.by != "match":
            value = figures.value(career, query.by)
        if ok is None or value is None:
            left_out += 1
            continue
        rows.append((value, _entry_rank(career) if query.by == "job_zone" else 0, career.title.lower(), career.id))
    sign = -1.0 if query.order == "desc" else 1.0
    # equal job zones by typical entry ("least schooling": a certificate before an associate's degree), then title
    rows.sort(key=lambda r: (sign * r[0], sign * r[1], r[2]))
    return Ranked(query, [r[3] for r in rows], [r[0] for r in rows], left_out)


def _entry_rank(career: Career) -> int:
    level = career.education.get("level")
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else len(EDUCATION_LEVELS)


def after_listed(ranked: Ranked, listed: list[str]) -> Ranked:
    """The ranking with the careers just listed first, in their order: "show me more" after a list then pages on
    from its end without repeating or skipping any of them."""
    value = dict(zip(ranked.careers, ranked.values))
    first = [c for c in listed if c in value]
    seen = set(first)
    order = first + [c for c in ranked.careers if c not in seen]
    return Ranked(ranked.query, order, [value[c] for c in order], ranked.left_out)


def page_values(values: list[float], by: str) -> list[float | int]:
    """Metadata values: whole numbers where the fact is one (openings, job zone, match)."""
    if by in ("openings", "job_zone", "match"):
        return [int(v) for v in values]
    return [float(v) for v in values]


def compare_query(a: str, b: str, by: str, text: str = "") -> Query:
    """Two careers ranked by a fact; the one the question asks about first ("which needs more schooling?": the
    most education first, "which pays less?": the lower pay first)."""
    t = text.lower()
    if by == "job_zone":
        order = "desc" if re.search(r"\b(more|longer|most|harder)\b", t) else "asc"
    elif re.search(r"\b(less|lower|least|worse|fewer|slower)\b", t):
        order = "asc"
    else:
        order = default_order(by)
    return Query(by, order, {"careers": [a, b]})


FACT_COMPARISON: list[tuple[str, re.Pattern[str]]] = [
    (
        "salary",
        re.compile(
            r"\b(pays?|paid|earns?|makes?|salary|salaries|wages?|income|money)\b.{0,12}\b(more|better|higher|"
            r"less|most|lower)\b|\b(more|better|higher|less|lower|best)\b.{0,12}\b(pay|paid|salary|salaries|"
            r"wages?|income|money)\b"
        ),
    ),
    ("growth", re.compile(r"\b(grow\w*|growth|outlook|demand|future|prospects)\b")),
    ("openings", re.compile(r"\bopenings?\b|\bmore jobs\b|\bvacanc\w+|\beasier to (get hired|find (a )?job)\b")),
    (
        "job_zone",
        re.compile(
            r"\b(more|less|longer|shorter|most|least) (education|school\w*|training|study\w*)\b|"
            r"\btakes? longer to (train|become)\b|\bquicker to (become|train)\b"
        ),
    ),
    ("salary", re.compile(r"\b(pay|salary|salaries|wages?|earnings|income)\b")),  # "nurse vs paramedic pay"
]


def comparison_fact(text: str) -> str | None:
    """The fact a two-career question compares ("which pays more, a plumber or an electrician?" -> "salary")."""
    t = text.lower().replace("’", "'")
    for by, pattern in FACT_COMPARISON:
        if pattern.search(t):
            return by
    return None
