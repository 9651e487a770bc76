"""Questions about getting help rather than about careers: paying for training, finding openings.

A laid-off worker asked "is there any help paying for training?" right after a list of moves, and got the last
career's education section again (the question named no career); "where can I find job openings?" gets a search.
Neither is in a career page. These get a short, honest answer: what exists in the US (program names are facts;
the details differ by state and change), where to ask, and what this assistant does instead. Checked before the
intent's own action (actions/base.py), like small talk, so whatever NLU read the answer is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRAINING = (
    r"(training|re-?training|school|college|university|uni|courses?|classes|degree|tuition|education|"
    r"apprenticeships?|bootcamps?|certificat\w+|studies|studying|retrain)"
)
FUNDING = re.compile(
    r"\b(help|assistance|support|money|grants?|aid)\b[^.?!]{0,30}\b(pay|paying|fund|funding|afford|cover|costs?)\b|"
    # the verb, not the noun: "what's the median pay for a school counselor" is no question about paying for school
    rf"(?<!the )(?<!median )(?<!average )(?<!typical )(?<!starting )(?<!'s )\b(pay|paying) for (my |the |a |an |more )?"
    rf"{_TRAINING}\b(?! (counselors?|teachers?|principals?|nurses?|psychologists?|administrators?|bus|secretar\w+))|"
    r"\bhow (can|do|could|would|will|should) (i|we|you|people|anyone) (ever )?afford (to )?(go back to |study |more |"
    rf"the |a )?{_TRAINING}\b|"
    rf"\b(funding|financ\w+|grants?|scholarships?|bursar\w+) (for|to) (my |the |a )?{_TRAINING}|"
    r"\bfinancial (aid|help|support|assistance)\b|\bfafsa\b|\bpell grants?\b|\bwioa\b|\bgi bill\b|"
    rf"\b(free|funded|paid) {_TRAINING}\b|\bget paid (to|while i) (train|learn|study)\b|\bstudent loans?\b|"
    r"\bscholarships?\b",
    re.I,
)
JOB_SEARCH = re.compile(
    r"\b(where|how) (can|do|could|should) i (find|look for|search for|apply for|get) (a |an )?(job|jobs|work|"
    r"openings?|vacanc\w+|positions?)( (near|in|around) [\w ]+)?\s*[?.!]*$|"
    r"\b(job|jobs) (listings?|postings?|ads|boards?|near me|in my area)\b|\b(job )?(openings|vacancies) (near|in my|"
    r"around)\b|\bhelp (me )?(with|writing|write|fix|improve) (my |a )?(resume|résumé|cv|cover letter|job "
    r"applications?)\b|\b(my|a) (resume|résumé|cv|cover letter)\b.*\b(help|write|writing|review|check|look at)\b|"
    r"\bunemployment (benefits?|insurance|pay|check)\b|\bapply for unemployment\b|\bfile for unemployment\b",
    re.I,
)

FUNDING_TEXT = (
    "Help paying for training exists, though the rules depend on where you live (these are US programs; ask "
    "locally for the details):\n"
    "- Laid off, or on a low income? The Workforce Innovation and Opportunity Act (WIOA) can pay for approved "
    "training. Ask at an American Job Center (CareerOneStop.org, run by the US Department of Labor, lists them).\n"
    "- Apprenticeships pay a wage while you learn; many trades (electrician, plumber, machinist) train this way.\n"
    "- College or trade school: the FAFSA form opens federal Pell Grants (which you don't pay back) and student "
    "loans. Community colleges are usually the cheapest route.\n"
    "- Employers: many pay for courses (tuition assistance), and some train new hires on the job.\n"
    "- Veterans: the GI Bill covers many training programs.\n"
    'Ask me how to become a career ("how do I become an electrician?") to see which route it takes.'
)
JOB_SEARCH_TEXT = (
    "I don't have job listings, résumé help or benefit rules: I help you choose and compare careers. For finding "
    "openings, applications and unemployment benefits, in the US your local American Job Center helps for free "
    "(CareerOneStop.org, run by the US Department of Labor, lists them and has a job finder); unemployment insurance "
    "is run by your state.\n"
    "What I can do: tell you what a job involves and pays, which careers build on what you do now (\"I'm a cashier, "
    'what else could I do?"), or match your interests with the career test.'
)


# "hi im in 11th grade and i have no idea what i want to do" got a list of teachers (the search matched "grade");
# "i dont know what i want to do after high school" was noted as the education the person wants.
UNDECIDED = re.compile(
    r"\b(no idea|no clue|don'?t know|dont know|do not know|not sure|unsure|idk|clueless|confused about|undecided "
    r"(about|on)) (what|which) (i want|i wanna|to do|career|job|field|i should|i'd like|id like|path|to study)\b|"
    r"\bwhat (should|do|can) i do with my life\b|\bno idea what to do\b|\bdon'?t know where to start\b|"
    r"\b(just )?tell me what (job|career|work) (to|i should) (do|pick|choose|get)\b|"
    r"\bpick (a job|a career|one) for me\b|"
    r"\bwhat (job|career) should i (do|pick|choose|get|go for)\s*[?.!]*$|"
    # "idk wat i like tbh" was not understood
    r"\b(do not|don'?t|dont|dunno|idk|no idea|not sure|no clue|never figured out)( really| even)?( know)? (wh?at|wat) "
    r"i (like|enjoy|am good at|am into|want|would like)\b",
    re.I,
)
UNDECIDED_TEXT = (
    "That's a very common place to be, and a good time to explore: nobody needs a plan yet. Two ways to start:\n"
    "- the career test: quick questions on how much you'd enjoy everyday activities, then careers that fit your "
    "interests, with the reasons;\n"
    '- or tell me a few things you enjoy, at school or outside it ("I like drawing and animals", "I like fixing '
    'things"), for a rough first list.\n'
    "Either way, it's a starting point for exploring, not a verdict."
)
UNDECIDED_BUTTONS = (
    {"title": "Take the career test", "payload": "/start_quiz"},
    {"title": "Jobs with animals", "payload": "jobs where I work with animals"},
    {"title": "What can you do?", "payload": "/help"},
)
# "Where does that information come from?" got "Sorry, I didn't understand that" or the privacy notice.
SOURCES = re.compile(
    r"\bwhere (does|do|did) (this|that|the|your|these|all this|all that) ?(info|information|data|facts|answers?|"
    r"numbers|figures|pay figures|stats|statistics)? (come|comes|came) from\b|\bwhat (are|is) your (sources?|data)\b|"
    r"\bwhere (do|did) you get (this|that|the|your|these) (info|information|data|facts|numbers|figures)\b|"
    r"\b(how|why) (can|should) i trust (this|that|you|these|your)\b|\bwhat (data )?sources\b|\bdata sources\b|"
    # "where do you get your salary numbers from?", "how up to date is that?"
    r"\bwhere (do|did) you get (your|the|these|this|that) (\w+ )?(info|information|data|facts|numbers|figures)\b|"
    r"\bhow (up to date|current|recent|old|accurate|reliable) (is|are) (this|that|it|the|your|these)( \w+)?\s*[?.!]*$",
    re.I,
)
SOURCES_TEXT = (
    "The career pages are written by our team, in our own words. The figures on them are US data, each named with "
    "its source and year: median pay from the US Bureau of Labor Statistics (Occupational Employment and Wage "
    "Statistics, May 2024), job outlook from its Employment Projections 2024-34, and typical education, job zones "
    "and interest (RIASEC) profiles from O*NET 29.3 (US Department of Labor). Every answer names the page it "
    "came from. Pay and prospects vary by place, employer and experience, so check local sources before you decide."
)


# "what's the best paying state for nurses?" got the national median with no word that nothing else is known, and
# "can you recommend a good college for nursing?" the fit offer for registered nurses.
LOCAL = re.compile(
    r"\b(best|highest|top|better)[- ](paying|paid)? ?(states?|cities|city|metros?|countries|country)\b|"
    r"\b(which|what) (states?|cities|city|metro areas?|country|countries) (pays?|paid|has|have|is|are)\b|"
    r"\b(pay|pays|salary|salaries|wages?) (by|in each|per) (state|city|metro)\b|"
    r"\b(recommend|suggest|best|good|top|which) (a |an |some )?(colleges?|schools?|universit(y|ies)|programs?|"
    r"bootcamps?|courses?) (for|to study|to become|in)\b",
    re.I,
)
LOCAL_TEXT = (
    "I have national US figures only (BLS medians for the whole country), with no pay by state or city and no "
    "ranking of colleges or programs. For pay where you live, the US Bureau of Labor Statistics publishes state and "
    "metro-area wages (Occupational Employment and Wage Statistics, bls.gov/oes). For programs, the US Department of "
    "Education's College Scorecard compares colleges, costs and graduates' earnings, and for licensed careers "
    "(nursing, for example) your state's licensing board lists the approved programs. Ask me how to become a career "
    "to see the route it takes."
)


# "that's wrong, I can't draw at all" after a test result got an answer about musicians' skills.
ABILITY = re.compile(
    r"\b(wrong|not (right|me|true|accurate)|doesn'?t fit|don'?t fit|makes no sense|way off|off base)\b[^?]{0,40}"
    r"\b(i )?(can'?t|cannot|am not good at|'m not good at|m not good at|suck at|am bad at|'m bad at|have no talent for)"
    r"\b",
    re.I,
)
ABILITY_TEXT = (
    "The career test and these lists go by what you'd enjoy, not by what you can do today: skills are learned on "
    "the way into a career, and the reasons name interests, not talents. If you wouldn't enjoy that kind of work, "
    'tell me ("I don\'t enjoy drawing") or say "go back" during the test to change an answer; if you would '
    "enjoy it but worry about the skill, ask me how people get into it. It's a starting point, not a verdict."
)


# "I was a doctor in Nigeria for 9 years, now in US. my degree is not recognized here" got the US route for a new
# student (a bachelor's, then medical school).
FROM_ABROAD = re.compile(
    r"\b(degree|diploma|licen[cs]e|qualifications?|credentials?|training|certificates?|experience)s?\b[^.?!]{0,40}\b"
    r"(is|are|isn'?t|aren'?t|was|were|wasn'?t|weren'?t|not|won'?t be|doesn'?t|don'?t)( not)? (get )?(recogni[sz]ed|"
    r"valid|accepted|count|counted|transfer|honou?red)\b|"
    r"\b(foreign|overseas|international|non-us) (degree|diploma|credentials?|qualifications?|licen[cs]e|medical "
    r"graduates?|trained|nurses?|doctors?)\b|\b(trained|qualified|studied|licensed) (abroad|overseas|in another "
    r"country|outside the us|back home)\b|"
    r"\b(is|are|will) my (degree|diploma|licen[cs]e|qualifications?|credentials?)\b[^.?!]{0,30}\b(valid|recogni[sz]ed|"
    r"accepted|honou?red)\b",
    re.I,
)
FROM_ABROAD_TEXT = (
    "Training from abroad counts, though in the US it usually has to be checked first, and licensed careers have "
    "their own routes (these are US rules; states differ):\n"
    "- Degrees: a credential evaluation service (members of NACES or AICE) says what your degree equals in the US; "
    "employers and colleges often ask for one.\n"
    "- Doctors (international medical graduates): ECFMG certification, the USMLE exams and a US residency lead to a "
    "state license.\n"
    "- Nurses: a credential review (for example by CGFNS) and the NCLEX exam, then the state board's license.\n"
    "- Teachers, engineers, lawyers, pharmacists and other licensed careers: the state board for that career sets "
    "the steps.\n"
    'Meanwhile, work that uses your training without that license can be a bridge: tell me what you did ("I was a '
    "doctor, what else could I do?\") and I'll list careers that build on it. American Job Centers "
    "(CareerOneStop.org) help for free."
)


# "you have information for Germany?" was read as "forget me" (and wiped the profile), then not understood.
_COUNTRIES = (
    r"(germany|canada|the uk|uk|britain|great britain|england|scotland|wales|ireland|australia|new zealand|india|"
    r"nigeria|south africa|france|spain|italy|mexico|brazil|the philippines|philippines|pakistan|kenya|ghana|europe|"
    r"the eu|another country|other countries|my country|outside (the )?(us|usa|united states))"
)
OTHER_COUNTRY = re.compile(
    r"\b(information|info|data|figures|numbers|salar(y|ies)|pay|wages?|jobs?|careers?|work|licen[cs]es?|outlook|"
    rf"demand|rules)\b[^.?!]{{0,40}}\b(in|for|about) {_COUNTRIES}\b|"
    rf"\b(you have|do you have|is there|got|have you got)\b[^.?!]{{0,30}}\b{_COUNTRIES}\b|"
    rf"\bwhat about (in )?{_COUNTRIES}\s*[?.!]*$|\b(does|do|is|are) (this|that|it|these|your (data|figures|info)) "
    rf"(work|apply|valid|true|the same) (in|for) {_COUNTRIES}\b",
    re.I,
)
OTHER_COUNTRY_TEXT = (
    "My figures and routes are for the US only: pay and outlook from the US Bureau of Labor Statistics, education, "
    "skills and interests from O*NET (US Department of Labor), and US licenses. The work itself is much the same "
    "elsewhere, so each page's duties, skills and workplace still help, but pay, training routes and licenses differ "
    "by country: that country's public careers or employment service has its own figures (for example the "
    "Bundesagentur für Arbeit in Germany, the National Careers Service in England, Job Bank in Canada, Your Career "
    "in Australia). Ask me about any career's work, or take the career test: interests travel."
)


# "are there part time ones?" got "Sorry, I can only help with careers" (NLU: out of scope).
PART_TIME = re.compile(
    r"\b(part.time|flexible|seasonal) (jobs?|careers?|work|ones|options|positions|roles|hours)\b|"
    r"\b(jobs?|careers?|ones|options|anything|something) (that (are|is|can be)|with|for) (part.time|flexible hours|"
    r"short hours|fewer hours)\b|\bare (there|any of them|they) (any )?part.time\b|\bpart.time ones\b",
    re.I,
)
PART_TIME_TEXT = (
    "None of my figures says how many people in a career work part time or with flexible hours, so I can't list "
    'careers by it without guessing. Each career\'s "Where they work" section says what its hours are like: ask '
    '"what are the hours like for a pharmacy technician?", or name a career and I\'ll tell you what its page says. '
    "In the US, the BLS Occupational Outlook Handbook also notes part-time work where it is common."
)


@dataclass(frozen=True)
class HelpTopic:
    name: str  # "funding", "job_search", "undecided", "sources", ...: the `help_topic` metadata
    text: str
    buttons: tuple[dict, ...] = ()


# In the order they are checked: the first whose words match answers.
# "can employers refuse me because of my disability?" got a graphic designer's workplace; "is there age
# discrimination in hiring?" a library technician's outlook.
DISCRIMINATION = re.compile(
    r"\bdiscriminat\w*\b(?! (lawyers?|attorneys?|investigators?|specialists?|officers?|analysts?)\b)|"
    r"\b(refuse|reject|turn down|not hire|won'?t hire|fire|treat)\w* (me|us|someone|people|them|"
    r"him|her)\b[^.?!]{0,30}\b(because of|for|due to|over) (my|their|his|her|our|being)\b|\b(hiring|workplace) "
    r"(bias|prejudice)\b|\b(ageism|ageist|sexism|sexist|racism|racist)\b",
    re.I,
)
DISCRIMINATION_TEXT = (
    "In the US, federal law forbids employers to discriminate in hiring, pay or firing because of race, color, "
    "religion, sex (including pregnancy, sexual orientation and gender identity), national origin, age (40 or "
    "older), disability or genetic information; employers with 15 or more employees must also make reasonable "
    "accommodations for a disability. The Equal Employment Opportunity Commission (EEOC, eeoc.gov) and your "
    "state's fair employment agency explain your rights and take complaints, and many states add protections of "
    "their own. That it is illegal doesn't mean it never happens: if you think it happened to you, note the dates and "
    "what was said, and contact the EEOC or a legal aid office. I can't say how often it happens in a given field."
)
TOPICS: list[tuple[re.Pattern[str], HelpTopic]] = [
    (DISCRIMINATION, HelpTopic("discrimination", DISCRIMINATION_TEXT)),
    (FUNDING, HelpTopic("funding", FUNDING_TEXT)),
    (JOB_SEARCH, HelpTopic("job_search", JOB_SEARCH_TEXT)),
    (SOURCES, HelpTopic("sources", SOURCES_TEXT)),
    (LOCAL, HelpTopic("local", LOCAL_TEXT)),
    (ABILITY, HelpTopic("ability", ABILITY_TEXT)),
    (FROM_ABROAD, HelpTopic("from_abroad", FROM_ABROAD_TEXT)),
    (PART_TIME, HelpTopic("part_time", PART_TIME_TEXT)),
    (UNDECIDED, HelpTopic("undecided", UNDECIDED_TEXT, UNDECIDED_BUTTONS)),
    (OTHER_COUNTRY, HelpTopic("other_country", OTHER_COUNTRY_TEXT)),
]


def help_topic(text: str) -> HelpTopic | None:
    """The help topic a typed message asks about, else None (button payloads never)."""
    if not text or text.startswith("/"):
        return None
    return next((topic for words, topic in TOPICS if words.search(text)), None)
