"""Words that make a message an advice question whatever intent NLU read it as.

NLU sometimes reads "could I be a good graphic designer?" as a skills question, "how can a bank teller become a
financial analyst?" as an education question, or "which of those have the most openings?" as a new ranking. The
actions that receive such a message ask `advice_kind` first and hand it to the advice action the words call for,
so the person gets what they asked whatever the intent (the same idea as "tell me about the first one" after a
test result). Each cue needs the careers it is about: a path two, fit and moves one.
"""

from __future__ import annotations

import re

# Working with few people: no fact we rank by measures it, and the search cannot read the negation in "introvert"
# (it found school counselors and receptionists): such questions get an honest reply instead of a list.
FEW_PEOPLE = re.compile(
    r"\bintrovert\w*|\bshy\b|\bsocial anxiety\b|\bnot (a )?people person\b|\b(work|working) (alone|by myself|on my "
    r"own|independently)\b|\b(don'?t|do not|hate|dislike|avoid|without|little|less|few|fewer|minimal|no) (talking to |"
    r"dealing with |being around |working with |interacting with |contact with )?(people|customers|the public)\b|"
    r"\b(don'?t|do not|never) (really )?(like|enjoy|love) (talking to |dealing with |being around |working with )?"
    r"(people|customers|the public)\b|"
    r"\b(barely|hardly|rarely|seldom|not) (have to |need to |having to )?(talk|deal|interact|work) (to|with) (people|"
    r"customers|the public)\b|"
    # "jobs that don't need much talking to people"
    r"\b(don'?t|do not|doesn'?t|does not|won'?t) (need|require|involve|mean) (much|a lot of|lots of|any) (talking|"
    r"talk|contact|interaction|dealing) (to|with) (people|customers|the public)\b",
    re.I,
)
# A career someone is weighing, said beside their own job: "I've been a retail manager ... I keep thinking about HR"
CONSIDERING = re.compile(
    r"\b(thinking (about|of)|thought (about|of)|considering|looking (at|into)|interested in|drawn to|eyeing)\b", re.I
)
# Asking to be forgotten, in words NLU may read as showing the profile: "erase whatever you've stored on me". Forgetting
# wipes the test's answers too, so only these words do it: NLU read "you have information for Germany?" and "I said it
# wrong" as forget_me.
FORGET = re.compile(
    r"\b(erase|delete|forget|wipe|remove|clear|reset|get rid of)\b[^.?!]{0,40}\b(me|my|stored|saved|data|profile|"
    r"know|everything|what i (said|told)|answers|history|all (of )?(that|this|it)|it all|about it all)\b|"
    r"\b(don'?t|do not|stop) (remember|keep|store|storing|keeping)(ing)? (anything|everything|my|what)\b|"
    r"\b(my|me)\b[^.?!]{0,30}\b(deleted|erased|removed|wiped|forgotten)\b",
    re.I,
)
# ...but not a complaint that something was forgotten ("why did you forget my education??")
FORGOT_COMPLAINT = re.compile(
    r"\b(why|how come)\b[^.?!]{0,20}\b(forg[eo]t|delete|erase|lost)|\byou (forgot|lost)\b", re.I
)


def asks_to_forget(text: str) -> bool:
    """Whether the words ask the assistant to forget what it knows of the person."""
    return bool(FORGET.search(text)) and not FORGOT_COMPLAINT.search(text)


# A test answer taken back in words: "wait I meant I'd hate that, I said it wrong", "oops wrong button"
ANSWER_TAKEN_BACK = re.compile(
    r"\b(said it wrong|i meant|meant to (say|press|tap|click)|wrong (button|answer|one)|mis-?(clicked|tapped|typed)|"
    r"pressed the wrong|tapped the wrong|clicked the wrong|my mistake|change my (last )?answer)\b",
    re.I,
)
COMPARE_WORDS = re.compile(r"\b(compare|comparison|vs\.?|versus|difference|differ)\b", re.I)
# A fit asked for someone else: "would my son be a good electrician?" (the asker's own test says nothing of him)
SOMEONE_ELSE = re.compile(
    r"\b(?:my|our) (son|daughter|kid|child|student|teen|teenager|niece|nephew|grandson|granddaughter|friend|"
    r"brother|sister|husband|wife|partner|boyfriend|girlfriend)\b",
    re.I,
)
# Interests told about someone else: "my son loves fixing bikes", "our daughter is 15 and really into animals"
# (theirs, not the asker's profile). The person is named, then within the clause what they enjoy.
THEIR_INTERESTS = re.compile(
    SOMEONE_ELSE.pattern + r"(?:(?!\b(?:I|me|my)\b)[^.?!;]){0,40}?\b(?:loves?|likes?|enjoys?|adores?|"
    r"(?:is|'s|and) (?:really |very |so )?(?:into|good at|great at|interested in|passionate about|obsessed with|"
    r"crazy about)|has always (?:loved|liked|enjoyed))\b",
    re.I,
)
# One's experience weighed against a list: "do any of these match my navy logistics experience?", "which of those
# fit my background in retail" (group 1: the words before "experience", group 2: the words after "in/as/at").
MY_EXPERIENCE = re.compile(
    r"\bmy\s+((?:[\w'&/-]+\s+){0,4}?)(?:experience|background|skill\s*set|skills|training|work history)\b"
    r"(?:\s+(?:in|as|at|from|with|doing)\s+(?:an?\s+|the\s+)?([\w'&/ -]{2,40}?))?"
    r"(?=\s*(?:[?.!,;]|$|\b(?:and|but|so|or)\b))",
    re.I,
)
LIST_POINTER = re.compile(r"\b(these|those|them|any of|the list|which ones?|the ones)\b", re.I)
MILITARY = re.compile(
    r"\b(navy|naval|army|military|air force|marines?|marine corps|coast guard|national guard|armed forces|"
    r"the forces)\b",
    re.I,
)


def experience_asked(text: str) -> str | None:
    """The experience a message weighs a shown list against ("navy logistics" in "do any of these match my navy
    logistics experience?"; "" for "which of these use my skills"), or None when it asks no such thing."""
    m = MY_EXPERIENCE.search(text)
    if m is None or not LIST_POINTER.search(text):
        return None
    return " ".join(part.strip() for part in (m.group(1), m.group(2)) if part and part.strip())


# Careers asked for as a list: "what careers would suit me?" is no fit question about the career in focus or the one
# named ("I studied accounting and hated it ... what careers would suit me?" got Accountant's fit)
CAREERS_ASKED = re.compile(
    r"\b(what|which) (other |kind of |kinds of |sort of |sorts of |types of |type of )?(careers|jobs|occupations|"
    r"professions|roles|options|fields|lines of work)\b",
    re.I,
)
# Careers weighed for the person: "which is better for me, nursing or teaching?", "which suits me more?"
FOR_ME = re.compile(
    r"\b(for me|suits? me|fits? me|suited to me|me better|should i (choose|pick|go for|study|do)|better choice|"
    r"(match|fit|suit)(es)? my (interests|personality|profile|test|results?))\b",
    re.I,
)
FIT = re.compile(
    r"\b(suit|suits|suited|fit|fits|right|good fit|good match|a match|work) (me|for me)\b|\bwould i (enjoy|like|love|"
    r"be good|be happy|fit)\b|\b(would|wud|will) i (make|be) an? (good|decent|great|fine|solid|strong)\b|"
    r"\bcould i (be|make) an? (good|decent|great)\b|\b(someone|somebody|a person|people) like me (be|make|become|do "
    r"well)\b|\bam i (the right|cut out|suited|a good fit|a good match|right)\b|"
    r"\bright (kind of |sort of |type of )?(person|fit) for\b|\bis (it|this|that) (for me|a good fit)\b|"
    r"\b(fit|match) for me\b|"
    r"\bwould i (do well|thrive|fit in|be suited)\b|\b(would|could|will) i be (any|much|very) good (at|as)\b|"
    r"\b(match|matches|fit|fits|suit|suits) (with )?my (personality|"
    r"interests|profile|test|results?|answers|strengths)\b|"
    r"\bshould i (be|become)\b|\b(for|to) (someone|somebody|a person|people) like me\b|\b(according to|based on|"
    r"going by|given) my (test|results?|answers|interests|profile|scores?)\b"
)
# "I want to be a youtuber": how to become one, without the fallback's "I'm not sure I understood".
WANT_TO_BECOME = re.compile(
    r"\b(?:i(?: really| just)? (?:want|wanna|hope|plan|dream of)|i(?:'m| am) (?:going|planning)|"
    r"i(?:'d| would)(?: really)? (?:like|love)) (?:to )?(?:be|become|becoming|being) (?:an? )?"
)
# Careers like one named or in focus: "what jobs are similar to that?", "jobs like a pharmacist", "alternatives to
# nursing". The person need not do that job (moves said "what you do as a Content Creator" to a teenager).
# Not "jobs related to animals", a topic.
SIMILAR = re.compile(
    r"\bsimilar\b|\b(close|closest|related) to (that|this|it|that one|this one)\b|"
    r"\b(jobs?|careers?|work|roles?|occupations?|professions?|something|anything|ones) (just |a bit |"
    r"kind of |sort of )?like (that|this|it|those|them|that one|this one|an? |being an? )|\balternatives? to\b"
)
# How to get into a career: "how do I get started as the first one?" is the education section, though NLU may read
# it as a fit question.
HOW_TO_START = re.compile(
    r"\bhow (do|can|would|could|should|does one|do you) (i |one |you |someone )?(get started|start out|start|become|"
    r"get into|break into|train|qualify)\b"
)
# Changing careers with no target named: "I want to change careers", "what could I do next?" (moves from the current
# job, asked for when not known). The explore action takes only these, not MOVES' "other jobs", which an open question
# uses too ("what other jobs involve animals?").
CHANGE = re.compile(
    r"\b(change|switch|changing|switching) (careers?|jobs|fields?|professions?|lines of work)\b|\bcareer (change|"
    r"switch)\b|\bwhat (could|can|should) i do next\b|\bnext (step|move) in my career\b|"
    r"\bwhat else (can|could|should|might) i do\b|\bwhat (can|could|should|might) i do instead\b|"
    r"\bi can'?t do (this|it|this job|my job|that job|the job) (any ?more|much longer|for much longer)\b|"
    # "I work as a chef but the hours are killing me. what could I move into?", "what can I switch to?"
    r"\bwhat (else )?(could|can|should|might) i (move|switch|transition|change|go|get) (in)?to\b|"
    # "I'm a cashier with no degree, what could I earn more doing?" (it got a cashier's training)
    r"\bwhat (else )?(could|can|should|might) i (earn|make|get paid) more( money)? (doing|at|in|as|with)\b|"
    r"\bwhere (could|can) i (earn|make) more\b|"
    # "I'm a paralegal, want to move into something that pays more"
    r"\b(want|wanna|like|hoping|looking|trying|need) to (move|switch|transition|change|get) (in)?to (something|"
    r"another|a different|a new|other|anything)\b|"
    r"\b(want|need|looking for|like) (something|a job|work) (else|different|new|more stable|steadier|better "
    r"paid|that pays better|with (better|more regular|regular|normal) (pay|hours))\b|"
    r"\bwhat ([\w-]+ )?(jobs|careers|work) (match|fit|use|would use|could use|can use|uses) my (experience|skills|"
    r"background)\b|"
    r"\bcivilian (jobs?|careers?|work)\b|"
    # "I'm a middle school math teacher. I want to leave teaching but still use math. Options?"
    r"\b(leave|leaving|quit|quitting|get out of|getting out of|done with) (teaching|nursing|retail|trucking|policing|"
    r"hospitality|accounting|banking|sales|construction|healthcare|the classroom|the army|the military|the navy|the "
    r"service|the industry|this field|my field|my career|my profession)\b|"
    # "Worked as a furniture mover for 20 years. What now?"
    r"\b(worked|working|work) (as|in)\b.*\bwhat now\b|\bwhat now\b.*\b(worked|working) (as|in)\b|"
    # losing one's own job: "I got laid off from the plant, what now?" (not "jobs least likely to be laid off")
    r"\bi(?:'ve| have| was| got| just got|'ve just been| have just been| was just)? (?:been |just )?(?:laid off|"
    r"made redundant|let go|fired)\b|\b(lost|losing) my job\b|"
    # said without "I": "got laid off from my warehouse job after 8 years what can i do now"
    r"^\W*(just )?(got|been|was|getting) (laid off|let go|fired|made redundant)\b|\bwhat (can|could|should) i do now\b"
)
# "what other kinds of work can a welder move into": moves, though NLU may read it as a question about specializations
# (whose own "different areas a cybersecurity analyst can go into" stays one).
OTHER_WORK = re.compile(
    r"\b(other|different) (kinds?|types?|sorts?|lines?) of (jobs?|careers?|work)\b.*\b(move|switch|change|go)\b"
)
# Moves words no section question uses: they ask for moves whatever section NLU read ("what other kinds of work can a
# welder move into" as specializations, "ten years as a police officer and I'm done, what could I do next?" as pay).
SURE_MOVES = re.compile(f"{OTHER_WORK.pattern}|{CHANGE.pattern}")
# Path words no section question uses: with two careers named they ask for a path whatever section NLU read
# ("pharmacy technician to pharmacist - how do i get there" as a workplace question).
SURE_PATH = re.compile(
    r"\bhow (do|can|could|would|should) (i|you|one|someone|they) get (there|from)\b|\b(career )?(path|pathway|"
    r"route)\b|\bsteps? to (get|go|move|become)\b|\bhow (do|can) i go from\b"
)
PATH = re.compile(
    r"\b(become|becoming|get to|get there|get from|go from|move up to|move into|move to|switch to|switching to|"
    r"transition\w*|path|route|pathway|steps? to|how do i get|work (my |their |your |his |her )?(way )?up to)\b"
)
# A move to the career in focus, said without its name: "what would the move from RN to that look like", "how do I
# make that switch" (after a compliance officer's pay).
TO_THAT = re.compile(
    r"\b(to|into|toward|towards) (that|it|this|that job|that one|this one|that career|there)\b|"
    r"\bmake (that|the|this) (switch|move|change|transition|jump|leap)\b|"
    r"\b(the|that|this) (switch|move|change|transition) (would )?look like\b"
)
MOVES = re.compile(
    r"\b(move into|switch into|transition into|go into)\s*[?.!]*\s*$|\bwho used to be\b|"
    r"\bused to be an? \w+.*\bjobs?\b|"
    r"\b(other|else|different) (jobs?|careers?|work)\b|\bwhat else could\b|\bwhat can an? .+ (do|move|switch|"
    r"become) (next|instead|into|to)?\b|\bjobs? for (a |an )?former\b|\bex-\w+|"
    r"\bwhat (jobs?|careers?|work) can an? .+ (move|switch|change|transition) (to|into)\b|"
    r"\b(want|wanting|need|needing|looking for|ready for) a (career )?change\b|\bchange careers\b|"
    r"\b(leave|leaving|quit|quitting) (the|my) (force|job|career|profession|field|trade)\b|" + SURE_MOVES.pattern
)
THEN = re.compile(
    r"\b(those|these|them|that list|the list|this list|which one|which of the two|which of them|either of them|"
    r"the two|both of them|the (three|four|five|3|4|5)|all (three|four|five|3|4|5))\b"
)
# The six interests by name, as a person says them: two of them named is a question about the types, not careers.
TYPE_WORDS = {
    "R": r"realistic",
    "I": r"investigative",
    "A": r"artistic",
    "S": r"social",
    "E": r"enterprising",
    "C": r"conventional",
}


# A body that limits the work someone can do ("my back is giving out", "bad knees", "can't lift anymore"): no fact we
# have measures how physical a job is, so the moves reply says so instead of pretending its list accounts for it.
BODY_LIMIT = re.compile(
    r"\b(my|bad|injured|hurt|sore) (back|knees?|hips?|shoulders?|wrists?|joints?|body)\b|\b(back|knee|shoulder) "
    r"(injury|problems?|pain|surgery)\b|\bcan'?t (lift|stand all day|be on my feet)\b|\b(less|not as) physical\b|"
    r"\b(too|so|less) physically (demanding|hard|tough)\b|\bgetting too old for (this|the physical)\b"
)


# "I'm a bartender, want something more stable with benefits" got waiter, barista and fast food worker: why the
# person wants to leave says the moves should pay more.
BETTER_PAY = re.compile(
    r"\b(low|bad|poor|better|more) (pay|wages?|money|salary)\b|\bunderpaid\b|\b(better|more) paid\b|\bearn more\b"
)
UNMEASURED_GAINS = re.compile(
    r"\b(more )?stab(le|ility)\b|\bsteadier\b|\bjob security\b|\bbenefits\b|\bhealth (insurance|care "
    r"coverage)\b|\bpension\b|\bretirement plan\b"
)


def wants_a_better_paid_move(text: str) -> tuple[bool, bool]:
    """(moves should pay more, and the person also asked for something no fact measures: stability, benefits)."""
    t = text.lower().replace("’", "'")
    unmeasured = bool(UNMEASURED_GAINS.search(t))
    return bool(BETTER_PAY.search(t)) or unmeasured, unmeasured


def says_body_limits_work(text: str) -> bool:
    return bool(BODY_LIMIT.search(text.lower().replace("’", "'")))


def advice_kind(text: str, named: int) -> str | None:
    """ "path", "fit" or "moves" when the words ask for one about `named` careers (how many the text names),
    "experience" when they weigh one's experience against a list; else None."""
    t = text.lower().replace("’", "'")
    if experience_asked(t) is not None:  # "do any of these match my navy logistics experience?"
        return "experience"
    if named >= 2 and PATH.search(t):
        return "path"
    if named <= 1 and TO_THAT.search(t) and (PATH.search(t) or re.search(r"\b(move|switch|jump|leap)\b", t)):
        return "path"  # to the career in focus
    if named == 1 and FIT.search(t) and not CAREERS_ASKED.search(t):  # "what careers would suit me?" is a list
        return "fit"
    if named <= 1 and MOVES.search(t):
        return "moves"
    return None


def refers_to_list(text: str) -> bool:
    """ "which of those pay the most?": about the list just shown, not a new one."""
    return bool(THEN.search(text.lower()))


def type_names(text: str) -> list[str]:
    """The Holland letters a message names by word ("enterprising and social" -> ["E", "S"])."""
    t = text.lower()
    found = sorted((m.start(), letter) for letter, word in TYPE_WORDS.items() if (m := re.search(rf"\b{word}\b", t)))
    return [letter for _, letter in found]
