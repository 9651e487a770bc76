"""Each custom action against a real index built from the fixture pages (no Rasa server needed)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import careers as actions

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def use_fixture_service(service, monkeypatch):
    from actions import advice

    monkeypatch.setattr(actions, "get_service", lambda: service)
    monkeypatch.setattr(advice, "get_service", lambda: service)


def tracker(
    text: str,
    intent: str,
    entities: list[str] | None = None,
    slots: dict | None = None,
    said: list[dict] | None = None,
) -> Tracker:
    """A tracker whose latest message is `text`; `said`: the metadata of the assistant's earlier messages."""
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": "career", "value": v} for v in (entities or [])],
    }
    all_slots = {"career": None, "quiz": None, **(slots or {})}
    events = [{"event": "bot", "text": "...", "metadata": m} for m in said or []]
    return Tracker("user", all_slots, message, events, False, None, {}, "action_listen")


def run(action, t: Tracker) -> tuple[list[dict], list]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return dispatcher.messages, events


def test_section_answer_carries_metadata_and_names_source():
    messages, events = run(actions.ActionAnswerCareer(), tracker("where do vets work?", "ask_workplace", ["vets"]))
    [msg] = messages
    assert msg["career"] == "veterinarian" and msg["section"] == "workplace"
    assert msg["source"] == "knowledge/careers/veterinarian.md#workplace"
    assert "Animal clinics, farms" in msg["text"] and "veterinarian.md#workplace" in msg["text"]
    payloads = [b["payload"] for b in msg["buttons"]]
    assert '/ask_duties{"career": "veterinarian"}' in payloads
    assert '/ask_overview{"career": "registered-nurse"}' in payloads  # the related career
    assert SlotSet("career", "veterinarian") in events


def test_a_career_named_by_an_onet_job_title_says_whose_title_it_is():
    """A "horse doctor" is answered under the Veterinarian heading, with a line that explains the other name."""
    t = tracker("what does a horse doctor do?", "ask_duties", ["horse doctor"])
    [msg], _ = run(actions.ActionAnswerCareer(), t)
    assert msg["career"] == "veterinarian"
    heading, note = msg["text"].splitlines()[:2]
    assert heading == "Veterinarian: What they do"
    assert note == '("horse doctor" is one of the job titles O*NET lists under Veterinarians.)'
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("what does a vet do?", "ask_duties", ["vet"]))
    assert "O*NET" not in msg["text"]  # the page's own name needs no note


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("do vets get home every night?", "ask_duties"),
        ("are vets away from home a lot", "ask_overview"),
        ("do vets work weekends or night shifts?", "ask_personality"),
    ],
)
def test_hours_and_time_away_from_home_are_the_workplace_section(text, intent):
    """ "do truck drivers get home every night" was answered with the duties NLU read."""
    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, intent, ["vets"]))
    assert (msg["career"], msg["section"]) == ("veterinarian", "workplace"), msg


@pytest.mark.parametrize(
    ("text", "intent", "section"),
    [
        ("what sorts of vets are there", "ask_duties", "specializations"),
        ("what are the specialties of vets", "ask_overview", "specializations"),
        ("what temperament do you need to be a vet", "ask_education", "personality"),
        ("what kind of person becomes a vet", "ask_overview", "personality"),
        ("what does a vet do", "ask_duties", "duties"),
    ],
)
def test_words_for_kinds_of_a_job_or_of_person_overrule_the_section_nlu_read(text, intent, section):
    """ "what sorts of software engineers are there" got the duties, "what temperament do you need to be a lawyer"
    the education section."""
    from bot.dialogue.answers import SECTION_LABELS

    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, intent, ["vets"]))
    # the fixture page lacks some sections: then the reply says it has nothing on the one asked
    assert msg["section"] == section or f"nothing on {SECTION_LABELS[section].lower()}" in msg["text"], msg


def test_two_questions_in_one_message_get_both_answers():
    """ "what does a nurse do and how much do they earn?" was answered with pay alone."""
    text = "what do vets do and how much do they earn?"
    messages, events = run(actions.ActionAnswerCareer(), tracker(text, "ask_salary", ["vets"]))
    assert [(m["career"], m["section"]) for m in messages] == [("veterinarian", "duties"), ("veterinarian", "salary")]
    assert SlotSet("section", "salary") in events
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("how much do vets and nurses earn", "ask_salary", ["vets"]))
    assert msg["section"] == "salary"  # one question about two careers is no compound


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("see you", "utter_goodbye"),
        ("ok thanks, bye!", "utter_goodbye"),
        ("ok, so what can you help me with?", "utter_help"),
        ("how does this work?", "utter_help"),
        ("thank you so much, that's really helpful", "utter_thank"),
    ],
)
def test_small_talk_nlu_was_unsure_of_gets_its_usual_response(text, response):
    """ "see you" and "ok, so what can you help me with?" fell back and got "I didn't understand"."""
    [msg], _ = run(actions.ActionFallbackSearch(), tracker(text, "nlu_fallback"))
    assert msg["response"] == response, msg


@pytest.mark.parametrize("text", ["thanks, and what does a vet earn?", "i want help finding a job", "hmm"])
def test_small_talk_words_inside_a_question_are_no_small_talk(text):
    from bot.dialogue.small_talk import small_talk

    assert small_talk(text) is None


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("is there any help paying for training?", "ask_education", "funding"),
        ("how can I afford to go back to school", "nlu_fallback", "funding"),
        ("are there grants for retraining", "explore_careers", "funding"),
        ("where can I find a job?", "nlu_fallback", "job_search"),
        ("can you help me with my resume", "ask_skills", "job_search"),
    ],
)
def test_help_with_money_or_a_job_search_gets_an_honest_answer(text, intent, topic):
    """A laid-off worker's "is there any help paying for training?" got the last career's education section again.
    No career page answers it: a short answer says what exists (US), where to ask, and what this assistant does."""
    action = actions.ActionFallbackSearch() if intent == "nlu_fallback" else actions.ActionAnswerCareer()
    if intent == "explore_careers":
        action = actions.ActionExploreCareers()
    [msg], _ = run(action, tracker(text, intent, slots={"career": "electrician"}))
    assert msg["help_topic"] == topic and "American Job Center" in msg["text"], msg
    assert "career" not in msg


@pytest.mark.parametrize(
    "text",
    [
        "I can't afford college",  # a constraint (the education question, a ranking filter), not a question
        "Which has more job openings, electrician or HVAC technician?",
        "what careers have the most vacancies",
        "do electricians get paid while training",
        "how much does it cost to become a pilot",
        "what does a resume writer do",
    ],
)
def test_careers_questions_about_money_or_openings_are_no_help_topic(text):
    from bot.dialogue.help_topics import help_topic

    assert help_topic(text) is None


def test_a_help_topic_mid_test_is_answered_then_the_item_asked_again():
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    t = tracker("is there financial aid for college?", "ask_education", slots={"quiz": state})
    messages, _ = run(actions.ActionAnswerCareer(), t)
    assert messages[0]["help_topic"] == "funding" and messages[-1]["quiz_item"] == state["current"]


def test_a_question_about_the_answers_mid_test_explains_them(monkeypatch, service):
    """ "what's the difference between like it and love it?" (NLU: compare careers) got "Which two careers should I
    compare?"; outside a test the words are no scale question."""
    from actions import careers as career_actions
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    text = "what's the difference between like it and love it?"
    messages, _ = run(career_actions.ActionCompareCareers(), tracker(text, "compare_careers", slots={"quiz": state}))
    assert messages[0]["help_topic"] == "answer_scale" and '"Love it" if you\'d really enjoy' in messages[0]["text"]
    assert messages[-1]["quiz_item"] == state["current"] and not state["answers"]
    [msg], _ = run(career_actions.ActionCompareCareers(), tracker(text, "compare_careers"))
    assert "help_topic" not in msg
    messages, _ = _quiz_turn(monkeypatch, service, state, "sometimes")
    assert messages[0]["answered"]["value"] == 3  # it was not understood


@pytest.mark.parametrize(
    ("text", "intent", "topic", "words"),
    [
        # got what a Holland code is (NLU: explain_code)
        ("what do you mean by organize files?", "explain_code", "test_question", "Picture yourself doing it"),
        ("i dont understand", "explain_code", "test_question", "Picture yourself doing it"),
        ("i dont know what a mural is", "nlu_fallback", "test_question", 'say "skip"'),
        # got "Sorry, I didn't understand that" and the question was not asked again
        ("what does this question mean?", "nlu_fallback", "test_question", "one everyday work activity"),
        ("wait, how many questions are there?", "nlu_fallback", "test_length", "You've answered 0 so far"),
        ("how many more questions", "show_more", "test_length", "80-98 of the 108"),
        ("can I just see my results now?", "nlu_fallback", "test_length", "for a rough first list now"),
        ("bruh this is so long", "help", "test_length", "at most 98 more"),  # got the general help, no question
    ],
)
def test_a_question_about_the_test_mid_test_is_answered_then_the_item_asked_again(text, intent, topic, words):
    from actions import advice, small_talk
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    action = {
        "explain_code": advice.ActionExplain,
        "show_more": advice.ActionRankCareers,
        "help": small_talk.ActionSmallTalk,
    }.get(intent, actions.ActionFallbackSearch)
    messages, events = run(action(), tracker(text, intent, slots={"quiz": state}))
    assert messages[0]["help_topic"] == topic and words in messages[0]["text"], messages[0]
    assert messages[-1]["quiz_item"] == state["current"] and not events and not state["answers"]


def test_small_talk_mid_test():
    """ "ya" (NLU: goodbye) answers the item; a real goodbye pauses the test and says how to come back (it said
    "Goodbye" and the test was silently left); help is answered and the item asked again."""
    from actions import small_talk
    from bot.dialogue import quiz

    first = quiz.default_items()[0].id
    state = {**quiz.new_state(), "current": first}
    messages, events = run(small_talk.ActionSmallTalk(), tracker("ya", "goodbye", slots={"quiz": state}))
    assert messages[0]["answered"] == {"item": first, "value": 4}, messages
    messages, events = run(small_talk.ActionSmallTalk(), tracker("gotta go, bye", "goodbye", slots={"quiz": state}))
    [msg] = messages
    assert "paused" in msg["text"] and "continue the test" in msg["text"] and "quiz_item" not in msg
    assert events[0]["value"]["paused"] is True and events[0]["value"]["current"] == first
    messages, _ = run(small_talk.ActionSmallTalk(), tracker("what can you do?", "help", slots={"quiz": state}))
    assert messages[0]["response"] == "utter_help" and messages[-1]["quiz_item"] == first


def test_small_talk_without_a_test_is_the_intent_response():
    from actions import small_talk

    for intent, response in small_talk.RESPONSES.items():
        [msg], _ = run(small_talk.ActionSmallTalk(), tracker("...", intent))
        assert msg["response"] == response, (intent, msg)


def test_the_education_question_is_explained_in_its_own_words():
    from bot.dialogue import quiz
    from bot.dialogue.quiz_replies import item_help

    state = {**quiz.new_state(), "current": quiz.ZONE_QUESTION}
    assert "how much study or training" in item_help(state) and '"Show me everything"' in item_help(state)


def test_words_that_answer_the_item_are_no_question_about_it():
    from bot.dialogue.quiz_replies import asks_about_the_item

    assert not asks_about_the_item("i dont get the appeal")  # a dislike
    assert not asks_about_the_item("no idea")  # not sure
    assert asks_about_the_item("not sure what you mean") and asks_about_the_item("I'm not sure what that is")


def test_anything_the_fallback_says_mid_test_is_followed_by_the_tests_question():
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    messages, _ = run(
        actions.ActionFallbackSearch(), tracker("blorp zindle qux", "nlu_fallback", slots={"quiz": state})
    )
    assert messages[-1]["quiz_item"] == state["current"], messages


def test_asking_to_stop_mid_test_pauses_it(monkeypatch, service):
    """ "can i stop and just ask about nurses?" got "tap a button"."""
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    [msg], events = _quiz_turn(monkeypatch, service, state, "can i stop and just ask about nurses?")
    assert msg["text"].startswith("Paused. Your 0 answers are kept") and "ask me anything" in msg["text"]
    [slot] = [e for e in events if e.get("name") == "quiz"]
    assert slot["value"]["paused"] is True


@pytest.mark.parametrize(
    ("text", "intent", "topic", "words"),
    [
        # a list of teachers (the search matched "grade"), and "Noted: a high school diploma" as the wanted education
        ("hi im in 11th grade and i have no idea what i want to do", "nlu_fallback", "undecided", "career test"),
        ("i dont know what i want to do after high school", "tell_education", "undecided", "things you enjoy"),
        # "Sorry, I didn't understand that", or the privacy notice
        ("Where does that information come from?", "nlu_fallback", "sources", "O*NET 29.3"),
        ("where does this info come from", "show_profile", "sources", "Bureau of Labor Statistics"),
        ("where do you get your salary numbers from?", "nlu_fallback", "sources", "May 2024"),
        ("how up to date is that?", "nlu_fallback", "sources", "May 2024"),
        ("this is useless just tell me what job to do", "nlu_fallback", "undecided", "career test"),
        # the national median with no word that nothing else is known, and the fit offer for registered nurses
        ("what's the best paying state for nurses?", "nlu_fallback", "local", "no pay by state"),
        ("can you recommend a good college for nursing?", "nlu_fallback", "local", "College Scorecard"),
    ],
)
def test_not_knowing_what_to_do_and_asking_for_sources_get_their_own_answer(text, intent, topic, words):
    from actions import advice

    action = {"tell_education": advice.ActionProfile, "show_profile": advice.ActionProfile}.get(
        intent, actions.ActionFallbackSearch
    )
    [msg], events = run(action(), tracker(text, intent))
    assert msg["help_topic"] == topic and words in msg["text"] and not events, msg
    if topic == "undecided":
        assert msg["buttons"][0]["payload"] == "/start_quiz"


def test_not_knowing_what_to_do_read_as_asking_for_the_test_starts_it(monkeypatch, service):
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    messages, _ = run(quiz_actions.ActionQuiz(), tracker("I have no idea what career I want", "start_quiz"))
    assert messages[-1]["quiz_item"] and "help_topic" not in messages[0]


def test_a_follow_up_nlu_was_unsure_of_is_about_the_career_in_focus():
    """ "can I work from home as one?" after a web developer's pay got a search list (online merchants, home health
    aides): "one" is the career being talked about, and the words ask for its workplace."""
    t = tracker("can I work from home as one?", "nlu_fallback", slots={"career": "veterinarian"})
    [msg], _ = run(actions.ActionFallbackSearch(), t)
    assert (msg["career"], msg["section"]) == ("veterinarian", "workplace"), msg
    t = tracker("how long would it take me?", "nlu_fallback", slots={"career": "veterinarian"})
    [msg], _ = run(actions.ActionFallbackSearch(), t)  # it answered with the duties
    assert (msg["career"], msg["section"]) == ("veterinarian", "education"), msg
    t = tracker("what jobs can I do from home?", "nlu_fallback", slots={"career": "veterinarian"})
    [msg], _ = run(actions.ActionFallbackSearch(), t)
    assert msg.get("career") != "veterinarian", msg  # a new open question
    # after a list, the ranking action got it and said it cannot rank by remote work
    from actions import advice

    slots = {"career": "veterinarian", "ranking": {"by": "shown", "careers": ["veterinarian"]}, "profile": None}
    [msg], _ = run(advice.ActionRankCareers(), tracker("can I work from home as one?", "ask_ranking", slots=slots))
    assert (msg["career"], msg["section"]) == ("veterinarian", "workplace"), msg


def test_schedule_words_leave_pay_and_training_questions_alone():
    from bot.dialogue.section_guess import section_by_words

    assert section_by_words("do nurses get paid more for night shifts", "salary") is None
    assert section_by_words("how long is the training schedule for pilots", "education") is None
    assert section_by_words("what do electricians do", "duties") is None


@pytest.mark.parametrize(
    ("text", "intent", "entities", "slots"),
    [  # NLU's own readings: duties, or no intent at all
        ("what does an electrician make", "ask_duties", ["electrician"], {}),
        ("what does a vet make a year", "ask_duties", ["vet"], {}),
        ("what do they make", "ask_duties", [], {"career": "registered-nurse"}),
    ],
)
def test_what_a_career_makes_is_its_pay(text, intent, entities, slots):
    """ "What does a chef make?" got the chef's duties (9 of 35 people in a blind test asked it so)."""
    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, intent, entities, slots=slots))
    assert msg.get("section") == "salary" and "$" in msg["text"], msg


def test_what_a_career_makes_of_things_is_not_its_pay():
    from bot.dialogue.section_guess import section_by_words

    assert section_by_words("what does a carpenter make with wood", "duties") is None
    assert section_by_words("what do they make out of clay", "duties") is None


def test_follow_up_keeps_the_career_in_focus():
    t = tracker("and how do I become one?", "ask_education", slots={"career": "electrician"})
    [msg], events = run(actions.ActionAnswerCareer(), t)
    assert (msg["career"], msg["section"]) == ("electrician", "education")
    assert "apprenticeship" in msg["text"].lower()


def test_typo_without_entity_is_found_in_the_text():
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("how much does an electricain earn", "ask_salary"))
    assert (msg["career"], msg["section"]) == ("electrician", "salary")


def test_unknown_career_gets_suggestions_not_an_answer():
    [msg], events = run(
        actions.ActionAnswerCareer(), tracker("what does a blacksmith do", "ask_duties", ["blacksmith"])
    )
    assert msg["unknown_career"] == "blacksmith"
    assert isinstance(msg["suggestions"], list)
    assert "section" not in msg and "don't have a page" in msg["text"]
    assert not any(getattr(e, "get", lambda k: None)("name") == "career" for e in events)


def test_no_career_at_all_asks_which():
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("what do they do", "ask_duties"))
    assert msg["response"] == "utter_no_career"


def test_missing_section_says_so_and_offers_others():
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("kinds of nurses", "ask_specializations", ["nurses"]))
    assert msg["career"] == "registered-nurse" and msg["section"] is None
    assert "nothing on specializations" in msg["text"]


def test_compare_two_careers():
    [msg], events = run(
        actions.ActionCompareCareers(), tracker("vet vs electrician", "compare_careers", ["vet", "electrician"])
    )
    assert msg["compare"] == ["veterinarian", "electrician"]
    assert "$119,100" in msg["text"] and "Apprenticeship" in msg["text"]


def test_compare_with_the_career_in_focus():
    t = tracker("how does it compare to a nurse", "compare_careers", ["nurse"], slots={"career": "data-scientist"})
    [msg], _ = run(actions.ActionCompareCareers(), t)
    assert msg["compare"] == ["data-scientist", "registered-nurse"]


def test_explore_lists_careers_and_respects_no_degree():
    [msg], _ = run(actions.ActionExploreCareers(), tracker("jobs where I work with animals", "explore_careers"))
    assert msg["explore"][0] == "veterinarian"
    [msg], _ = run(actions.ActionExploreCareers(), tracker("jobs without a degree", "explore_careers"))
    assert msg["explore"] == ["electrician"]


def test_fallback_still_searches():
    [msg], _ = run(actions.ActionFallbackSearch(), tracker("blueprints wiring electrician stuff??", "nlu_fallback"))
    assert msg["career"] == "electrician" and "not sure I understood" in msg["text"]
    [msg], _ = run(actions.ActionFallbackSearch(), tracker("qwpoeiru zxmcnv", "nlu_fallback"))
    assert msg["response"] == "utter_default"


def test_unknown_career_without_an_entity_is_still_named():
    t = tracker("what does a blacksmith do?", "ask_duties", slots={"career": "electrician"})
    [msg], _ = run(actions.ActionAnswerCareer(), t)
    assert msg["unknown_career"] == "blacksmith" and "section" not in msg


def test_ordinal_after_a_test_result_picks_that_match():
    quiz_slot = {"answers": {}, "order": [], "done": True, "results": ["electrician", "veterinarian"]}
    t = tracker("tell me about the second one", "ask_overview", ["second"], slots={"quiz": quiz_slot})
    [msg], _ = run(actions.ActionAnswerCareer(), t)
    assert (msg["career"], msg["section"]) == ("veterinarian", "overview")


RANKED = {"ranking": {"by": "salary", "careers": ["data-scientist", "registered-nurse", "electrician"], "offset": 0}}


def test_an_ordinal_picks_from_the_last_list_shown():
    # the explore list is older than the ranking: "the second one" is the ranking's second
    said = [{"explore": ["veterinarian", "electrician"]}, RANKED, {"career": "data-scientist", "section": "salary"}]
    t = tracker("tell me about the second one", "ask_overview", ["second"], said=said)
    [msg], _ = run(actions.ActionAnswerCareer(), t)
    assert (msg["career"], msg["section"]) == ("registered-nurse", "overview")
    t = tracker("compare the first and the third", "ask_compare", ["first", "third"], said=said)
    [msg], _ = run(actions.ActionCompareCareers(), t)
    assert msg["compare"] == ["data-scientist", "electrician"]


def test_an_ordinal_nlu_did_not_place_asks_what_the_last_answer_asked():
    said = [RANKED, {"career": "registered-nurse", "section": "salary"}]
    [msg], events = run(actions.ActionFallbackSearch(), tracker("and the third?", "nlu_fallback", said=said))
    assert (msg["career"], msg["section"]) == ("electrician", "salary")
    assert {"event": "slot", "name": "career", "value": "electrician", "timestamp": None} in events


def test_an_ordinal_read_as_a_test_answer_with_no_test_picks_from_the_list(monkeypatch, service):
    """ "the fourth one" (NLU: a test answer, no test under way) got "Sorry, I didn't understand that"."""
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("the third one", "quiz_answer", said=[RANKED]))
    assert (msg["career"], msg["section"]) == ("electrician", "overview"), msg


def test_an_ordinal_past_the_end_of_the_list_picks_nothing():
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("tell me about the fifth one", "ask_overview", said=[RANKED]))
    assert "career" not in msg


def test_a_question_in_another_language_is_told_english_only():
    t = tracker("hola, ¿qué hace un enfermero?", "ask_duties", ["enfermero"])
    [msg], events = run(actions.ActionAnswerCareer(), t)
    assert msg["not_english"] is True and "only read English" in msg["text"]
    assert "unknown_career" not in msg and events == []
    [msg], _ = run(actions.ActionFallbackSearch(), tracker("Wie viel verdient ein Arzt?", "nlu_fallback"))
    assert msg["not_english"] is True


def test_a_foreign_question_mid_test_is_answered_then_the_item_asked_again():
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.load_items()[0].id}
    t = tracker("que fait un infirmier ?", "ask_duties", slots={"quiz": state})
    messages, _ = run(actions.ActionAnswerCareer(), t)
    assert messages[0]["not_english"] is True
    assert messages[-1]["quiz_item"] == state["current"]


def test_a_question_word_tagged_as_a_career_is_ignored():
    """DIET sometimes tags "much" in "how much do electricians earn?" as the career."""
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("how much do electricians earn?", "ask_salary", ["much"]))
    assert (msg["career"], msg["section"]) == ("electrician", "salary")
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("how much does a blacksmith earn?", "ask_salary", ["much"]))
    assert msg["unknown_career"] == "blacksmith"


def test_explore_without_a_degree_says_what_it_included():
    [msg], _ = run(actions.ActionExploreCareers(), tracker("jobs without a degree", "explore_careers"))
    assert "need no degree (a high school diploma, a certificate or an apprenticeship at most)" in msg["text"]


def _quiz_turn(monkeypatch, service, state: dict, text: str, intent: str = "quiz_answer") -> tuple[list[dict], list]:
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    return run(quiz_actions.ActionQuiz(), tracker(text, intent, slots={"quiz": state}))


def test_each_test_answer_says_how_it_was_read(monkeypatch, service):
    """`answered` on the first bot message of the turn; the next question still carries quiz_item/progress."""
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    messages, events = _quiz_turn(monkeypatch, service, state, "never tried it but it sounds fun")
    assert messages[0]["answered"] == {"item": state["current"], "value": 4}
    assert all("answered" not in m for m in messages[1:])
    question = messages[-1]
    assert question["quiz_item"] != state["current"] and question["progress"][0] == 2
    [slot] = [e for e in events if e.get("name") == "quiz"]
    assert slot["value"]["answers"] == {state["current"]: 4}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("never tried it but it sounds fun", 'Taken as "Like it"'),
        ("no way", 'Taken as "Hate it"'),
        ("meh", 'Taken as "Not sure"'),
        ("like it", None),
        ("4", 'Taken as "Like it"'),  # "Love it" is the first button: which end is 5 is not obvious
    ],
)
def test_an_answer_in_words_is_shown_as_read(monkeypatch, service, text, shown):
    """A typed answer moved on silently, so nobody saw that "depends on the bike" counted as "Not sure": the next
    question now begins with how it was read (a button or its label needs no echo; a typed number does)."""
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    messages, _ = _quiz_turn(monkeypatch, service, state, text)
    first = messages[0]["text"]
    assert (first.startswith(shown) and 'say "go back" to change it' in first) if shown else "Taken as" not in first


def test_a_button_needs_no_echo():
    from bot.dialogue.quiz_reader import read_answer
    from bot.dialogue.quiz_replies import read_as

    assert read_as('/quiz_answer{"quiz_value": "4"}', read_answer("4")) == ""


def test_an_answer_about_access_is_asked_again_with_null(monkeypatch, service):
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    messages, events = _quiz_turn(monkeypatch, service, state, "never had the chance")
    assert messages[0]["answered"] == {"item": state["current"], "value": None}
    assert "enjoy the activity if you could" in messages[0]["text"]
    most = quiz.short_test_max(len(quiz.default_items()))
    assert messages[-1]["quiz_item"] == state["current"] and messages[-1]["progress"] == [1, most]
    assert events == []
    messages, _ = _quiz_turn(monkeypatch, service, state, "purple")
    assert messages[0]["answered"]["value"] is None and "didn't catch that" in messages[0]["text"]


@pytest.mark.parametrize(("text", "value"), [("I love fixing bikes", 5), ("I like working with my hands", 4)])
def test_interests_told_mid_test_are_no_answer_to_another_item(monkeypatch, service, text, value):
    """A 16-year-old typed "I like drawing and video games" to "Repair a bicycle" and it was taken as "Like it".
    Activities that are not the asked one are interests told: remembered and answered, the item asked again;
    ones about the item, or about no item in particular, still answer it."""
    from actions import profile
    from bot.dialogue import quiz

    monkeypatch.setattr(profile, "get_service", lambda: service)
    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    assert quiz.default_items()[0].text == "Repair a bicycle"
    slots = {"quiz": state, "profile": None, "ranking": None}

    messages, events = _quiz_turn(monkeypatch, service, state, "I like drawing and video games")
    assert messages[0]["answered"] == {"item": state["current"], "value": None}
    assert "interests_match" in messages[0] and "drawing" in messages[0]["text"]
    assert "the test you're taking gives a finer picture" in messages[0]["text"]
    assert "Take the career test" not in [b["title"] for b in messages[0]["buttons"]]  # it is being taken
    assert messages[-1]["quiz_item"] == state["current"] and "about other things" in messages[-2]["text"]
    [told] = [e["value"] for e in events if e.get("name") == "profile"]
    assert told["interests_text"] == ["drawing", "video games"]
    assert not any(e.get("name") == "quiz" for e in events)  # no answer recorded

    from actions import quiz as quiz_actions

    messages, events = run(quiz_actions.ActionQuiz(), tracker(text, "quiz_answer", slots=slots))
    assert messages[0]["answered"] == {"item": state["current"], "value": value}


@pytest.mark.parametrize(("text", "value"), [("only if I had to", 2), ("I would pay to do that", 5)])
def test_mid_test_words_read_as_a_ranking_answer_the_item(monkeypatch, service, text, value):
    """NLU read "only if I had to" as a ranking and the person got a salary list, the item unanswered. Words that ask
    for no ranking answer the test; a real ranking question mid-test is still answered, then the item asked again."""
    from actions import advice
    from actions import quiz as quiz_actions
    from bot.dialogue import quiz

    for module in (advice, quiz_actions):
        monkeypatch.setattr(module, "get_service", lambda: service)
    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    slots = {"quiz": state, "profile": None, "ranking": None}
    messages, events = run(advice.ActionRankCareers(), tracker(text, "ask_ranking", slots=slots))
    assert messages[0]["answered"] == {"item": state["current"], "value": value}
    assert not any("ranking" in m for m in messages) and len(messages) == 2  # read, then the next item only
    [slot] = [e for e in events if e.get("name") == "quiz"]
    assert slot["value"]["answers"] == {state["current"]: value}
    messages, _ = run(advice.ActionRankCareers(), tracker("which jobs pay the most?", "ask_ranking", slots=slots))
    assert "ranking" in messages[0] and messages[-1]["quiz_item"] == state["current"]


def test_the_education_answer_is_read_and_the_result_carries_shared(monkeypatch, service):
    from bot.dialogue import quiz

    items = quiz.default_items()
    values = {"R": 2, "I": 5, "A": 3, "S": 1, "E": 2, "C": 4}
    state = {**quiz.new_state(), "current": quiz.ZONE_QUESTION}
    state["answers"] = {i.id: values[i.dimension] for i in items if int(i.id[1:]) <= 6}  # six of each type
    state["order"] = list(state["answers"])
    messages, _ = _quiz_turn(monkeypatch, service, state, "no university for me")
    assert messages[0]["answered"] == {"item": "zone", "value": 3}
    result = messages[-1]["quiz_result"]
    assert result["code"] == "ICA"
    assert result["matches"] and all(set(m) == {"career", "match", "shared"} for m in result["matches"])


@pytest.mark.parametrize("text", ["blorp zindle quax", "hmm", "uhh"])
def test_no_test_and_no_answer_is_not_understood(monkeypatch, service, text):
    """Read as a test answer by NLU with no test running, words that are no answer get "didn't understand", not an
    offer of the test; a real answer ("yes") still gets the offer."""
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker(text, "quiz_answer"))
    assert msg["response"] == "utter_default"
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("yes", "quiz_answer"))
    assert msg["response"] == "utter_offer_quiz"


def test_the_progress_line_says_the_most_this_test_can_ask(monkeypatch, service):
    """ "of up to 108" while the short test stops at 98 at the latest: the line says 98, and 108 once the person asked
    for every item."""
    from bot.dialogue import quiz
    from bot.dialogue.quiz_replies import question_reply

    item = quiz.default_items()[0]
    most = quiz.short_test_max(len(quiz.default_items()))
    short = question_reply(quiz.new_state(), item)
    full = question_reply(quiz.new_state(full=True), item)
    assert f"(of up to {most})" in short.preface and short.metadata["progress"] == [1, most] and most < 108
    assert "(of up to 108)" in full.preface and full.metadata["progress"] == [1, 108]


def test_how_much_do_they_make_right_after_a_list_ranks_that_list_by_pay():
    """ "how much do they make?" after a list of careers got "Which career do you mean?"."""
    said = [{"explore": ["electrician", "registered-nurse"], "sources": [], "query": "jobs"}]
    t = tracker("how much do they make?", "ask_salary", said=said)
    [msg], _ = run(actions.ActionAnswerCareer(), t)
    assert msg["ranking"]["by"] == "salary" and msg["ranking"]["careers"] == ["registered-nurse", "electrician"], msg
    t = tracker("how much do they make?", "ask_salary", slots={"career": "electrician"})  # no list: the focus
    [msg], _ = run(actions.ActionAnswerCareer(), t)
    assert msg["career"] == "electrician" and msg["section"] == "salary"


def test_which_of_those_four_after_four_careers_asked_about_ranks_them():
    """ "which of those four pays the most?" after pay questions about four careers ranked all careers."""
    from actions import advice

    said = [{"career": c, "section": "salary"} for c in ("veterinarian", "electrician", "registered-nurse")]
    said.append({"career": "data-scientist", "section": "salary"})
    t = tracker("which of those four pays the most?", "nlu_fallback", slots={"ranking": None}, said=said)
    [msg], _ = run(advice.ActionRankCareers(), t)
    assert sorted(msg["ranking"]["careers"]) == sorted(c["career"] for c in said), msg
    t = tracker("which of the two pays more?", "nlu_fallback", slots={"ranking": None}, said=said[:2])
    [msg], _ = run(advice.ActionRankCareers(), t)
    assert msg["text"].startswith("Veterinarian pays more than Electrician"), msg


def test_an_answer_that_depends_on_the_pay_is_asked_again_with_why(monkeypatch, service):
    """ "maybe if it paid well" (NLU: a question about a career "maybe") got "I don't have a page about 'maybe'";
    "if the money is good" was taken as "Like it"."""
    from bot.dialogue import quiz

    state = {**quiz.new_state(), "current": quiz.default_items()[0].id}
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    t = tracker("maybe if it paid well", "ask_overview", ["maybe"], slots={"quiz": state})
    messages, _ = run(actions.ActionAnswerCareer(), t)
    assert "whatever it pays" in messages[0]["text"] and messages[0]["answered"]["value"] is None, messages
    assert len([m for m in messages if m.get("quiz_item")]) == 1  # the item once, not twice
    messages, _ = _quiz_turn(monkeypatch, service, state, "if the money is good")
    assert messages[0]["answered"]["value"] is None


def test_the_first_one_with_no_list_shown_is_no_guess():
    """ "tell me about the first one" after an answer with no list got "Did you mean Ship Captain, Surgical
    Assistant ...?" (names sharing letters with "first")."""
    for entities in (["first one"], []):
        [msg], _ = run(actions.ActionAnswerCareer(), tracker("tell me about the first one", "ask_overview", entities))
        assert msg["text"].startswith("I haven't shown a list here yet") and "suggestions" not in msg, msg


@pytest.mark.parametrize("text,intent", [("yes", "quiz_answer"), ("sure, let's do it", "nlu_fallback")])
def test_yes_to_the_offer_of_the_test_starts_it(monkeypatch, service, text, intent):
    """ "yes" after "Would you like to take the career test?" got the offer again, "sure, let's do it" then "Sorry, I
    didn't understand that"; with no offer just made, "yes" still starts nothing."""
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    action = quiz_actions.ActionQuiz() if intent == "quiz_answer" else actions.ActionFallbackSearch()
    offered = tracker(text, intent, said=[{"utter_action": "utter_offer_quiz"}])
    messages, events = run(action, offered)
    assert "how much you'd enjoy" in messages[0]["text"] and messages[-1].get("buttons"), messages
    assert any(e.get("name") == "quiz" and e["value"]["current"] for e in events if e.get("event") == "slot")
    messages, events = run(action, tracker(text, intent, said=[{"career": "electrician", "section": "salary"}]))
    assert not any(e.get("name") == "quiz" for e in events if e.get("event") == "slot"), messages
    assert not quiz_actions.accepts_test_offer("no, not now", {"metadata": {"utter_action": "utter_offer_quiz"}})


def test_words_of_the_question_are_no_career_name_after_a_career():
    """After a court reporter's duties, "What is the typical education requirement?" got "I don't have a page called
    'requirement'"; after a software developer, "do I need a CS degree" got "no page called 'CS'"; after comparing
    two careers, "Which of the two pays more?" got "no page called 'two'"."""
    slots = {"career": "electrician"}
    [msg], _ = run(
        actions.ActionAnswerCareer(),
        tracker("What is the typical education requirement?", "ask_education", slots=slots),
    )
    assert (msg["career"], msg["section"]) == ("electrician", "education"), msg
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("do I need a CS degree", "ask_education", slots=slots))
    assert (msg["career"], msg["section"]) == ("electrician", "education"), msg
    pair = {"career": "electrician", "ranking": {"by": "shown", "careers": ["electrician", "registered-nurse"]}}
    [msg], _ = run(
        actions.ActionCompareCareers(), tracker("Which of the two pays more?", "compare_careers", ["two"], pair)
    )
    assert "page called" not in msg["text"] and "Registered Nurse" in msg["text"], msg["text"]


@pytest.mark.parametrize(
    "text,intent,section",
    [
        ("Is the occupation expected to grow or decline?", "ask_skills", "outlook"),
        ("what's the job outlook", "ask_outlook", "outlook"),
    ],
)
def test_the_occupation_after_a_career_is_that_career(text, intent, section):
    """ "Is the occupation expected to grow or decline?" after a court reporter ranked all careers, slowest growing
    first."""
    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, intent, slots={"career": "electrician"}))
    # the fixture page has no outlook section: the reply says so, about the electrician
    assert msg.get("career") == "electrician" and f"nothing on job {section}" in msg["text"], msg["text"]


def test_the_job_that_pays_most_is_still_a_list():
    t = tracker("what is the job that pays the most?", "ask_salary", slots={"career": "electrician"})
    assert not actions.follows_the_focus(t, t.latest_message["text"])


def test_a_worry_or_danger_said_after_a_career_is_about_its_workplace():
    """ "im scared of heights tho" after a career got "Sorry, I didn't understand that"; "dangerous?" got "I can't
    rank careers by safety"."""
    t = tracker("im scared of heights tho", "nlu_fallback", slots={"career": "electrician"})
    messages, _ = run(actions.ActionFallbackSearch(), t)
    assert messages[0]["text"].startswith("On heights: ") and "Where they work" in messages[0]["text"], messages
    assert (messages[-1]["career"], messages[-1]["section"]) == ("electrician", "workplace"), messages
    t = tracker("dangerous?", "nlu_fallback", slots={"career": "electrician"})
    t.events = [{"event": "bot", "text": "...", "metadata": {"career": "electrician", "section": "salary"}}]
    [msg, *_], _ = run(actions.ActionFallbackSearch(), t)
    assert (msg["career"], msg["section"]) == ("electrician", "workplace"), msg


def test_compare_those_two_and_a_name_alone_read_as_compare():
    """ "compare those two" after questions about two careers and "and nursing?" (NLU: compare) with no other career
    both got "Which two careers should I compare?"."""
    said = [{"career": "electrician", "section": "overview"}, {"career": "registered-nurse", "section": "salary"}]
    [msg], _ = run(actions.ActionCompareCareers(), tracker("compare those two", "compare_careers", said=said))
    assert "Electrician" in msg["text"] and "Registered Nurse" in msg["text"], msg["text"]
    t = tracker("and nurses?", "compare_careers", ["nurses"], slots={"section": "salary"})
    [msg], _ = run(actions.ActionCompareCareers(), t)
    assert (msg["career"], msg["section"]) == ("registered-nurse", "salary"), msg


@pytest.mark.parametrize(
    "action,text,intent",
    [
        ("ActionExploreCareers", "do I need a bachelors for that", "explore_careers"),  # listed IT support, ...
        ("ActionFallbackSearch", "which school i need go", "nlu_fallback"),  # listed a pediatrician
    ],
)
def test_schooling_asked_after_a_career_is_its_education(action, text, intent):
    t = tracker(text, intent, slots={"career": "electrician"})
    t.events = [{"event": "bot", "text": "...", "metadata": {"career": "electrician", "section": "salary"}}]
    [msg, *_], _ = run(getattr(actions, action)(), t)
    assert (msg.get("career"), msg.get("section")) == ("electrician", "education"), msg["text"]


def test_a_skipped_question_counts_in_the_progress_line():
    """After two skips the next question was "Question 3" again, three times in a row."""
    from bot.dialogue import quiz
    from bot.dialogue.quiz_replies import question_reply

    items = quiz.default_items()
    state = quiz.new_state()
    state["answers"] = {items[0].id: 4, items[1].id: 2}
    state["skipped"] = [items[2].id, items[3].id]
    reply = question_reply(state, items[4])
    most = quiz.short_test_max(len(items)) + 2
    assert reply.preface.startswith(f"Question 5 (of up to {most})") and reply.metadata["progress"] == [5, most]


def test_a_message_in_another_language_read_as_a_test_answer_with_no_test_says_english_only(monkeypatch, service):
    """ "no hablo bien inglés" (NLU: a test answer, no test under way) was offered the career test."""
    from actions import quiz as quiz_actions

    monkeypatch.setattr(quiz_actions, "get_service", lambda: service)
    [msg], _ = run(quiz_actions.ActionQuiz(), tracker("no hablo bien inglés", "quiz_answer"))
    assert msg["text"].startswith("Sorry, I can only read English"), msg["text"]


def test_compare_the_top_two_or_which_two_after_a_list():
    """ "compare those two" after a ranking of five said "Sorry, I didn't understand that" (NLU: fallback)."""
    from actions.careers import ActionCompareCareers, ActionFallbackSearch

    five = ["veterinarian", "data-scientist", "registered-nurse", "electrician", "data-scientist"]
    said = [{"ranking": {"by": "salary", "careers": five}}]
    [msg], _ = run(ActionCompareCareers(), tracker("compare the top two", "compare_careers", said=said))
    assert msg["compare"] == five[:2], msg
    [msg], _ = run(ActionFallbackSearch(), tracker("compare those two", "nlu_fallback", said=said))
    assert msg["text"].startswith("Which two of the list should I compare?"), msg
    [msg], _ = run(ActionFallbackSearch(), tracker("compare the first and third", "nlu_fallback", said=said))
    assert msg["compare"] == [five[0], five[2]], msg
    # a list of two: "those two" are its two
    said = [{"ranking": {"by": "salary", "careers": five[:2]}}]
    [msg], _ = run(ActionFallbackSearch(), tracker("compare those two", "nlu_fallback", said=said))
    assert msg["compare"] == five[:2], msg


@pytest.mark.parametrize("text", ["what's a vet?", "what is a registered nurse", "whats an electrician"])
def test_what_is_a_name_alone_is_the_overview_whatever_section_nlu_read(text):
    """ "What's an edge AI engineer?" (NLU: ask_skills) got skills, "what is a hvac tech" (ask_duties) the duties."""
    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, "ask_skills", []))
    assert msg["section"] == "overview", msg
    [msg], _ = run(actions.ActionAnswerCareer(), tracker("what is a vet's day like", "ask_duties", ["vet"]))
    assert msg["section"] == "duties", msg


@pytest.mark.parametrize(
    ("text", "intent", "entities"),
    [
        ("what does a data scientist work on", "ask_workplace", ["data scientist"]),
        ("I want to know what electricians do", "ask_skills", ["electricians"]),
        ("what would I be doing as a vet", "ask_personality", ["vet"]),
    ],
)
def test_what_a_career_does_in_other_words_is_its_duties(text, intent, entities):
    [msg], _ = run(actions.ActionAnswerCareer(), tracker(text, intent, entities))
    assert msg["section"] == "duties", msg
