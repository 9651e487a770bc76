"""The website chat widget in a real browser: web/index.html (rasa-webchat) in headless Chromium, talking over
socket.io to the real Rasa server and action server, the page served by the same Stack as `make run`.

Screenshots go to tests/artifacts/widget-*.png (git-ignored). Every wait is for a condition on the page.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

from bot.dialogue.quiz import default_items, short_test_max
from bot.ops.serve import Stack
from tests.browser import ChatPage, launch
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.xdist_group("shared_stack")]

SCALE = ["Love it", "Like it", "Not sure", "Dislike it", "Hate it"]
ANY_TEXT = re.compile(r"\S")
FONT_BLOCKED = "fonts.googleapis.com"  # the widget's web font: refused by the page's CSP, never fetched


@pytest.fixture(scope="module")
def stack(shared_stack):
    assert (ROOT / "web" / "vendor" / "webchat.js").exists(), "no widget bundle: run `make web`"
    return shared_stack


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        try:
            yield b
        finally:
            b.close()


def page_url(stack: Stack) -> str:
    return f"http://127.0.0.1:{stack.web_port}/?rasa={stack.rasa_url}"


@pytest.fixture()
def chat(browser, stack):
    c = ChatPage.open(browser, page_url(stack))
    try:
        c.wait_for_bot("careers assistant")  # the greeting, sent by the widget's init payload
        yield c
        assert c.outside_requests == [], "the page asked a host other than this machine"
        assert all(FONT_BLOCKED in v for v in c.csp_violations()), c.csp_violations()
    finally:
        c.close()


def trigger_intent(stack: Stack, sender: str, intent: str, entities: dict) -> None:
    """Rasa's HTTP API runs an intent in a conversation; the replies go out on its latest channel (socket.io)."""
    req = urllib.request.Request(
        stack.api_url(f"/conversations/{sender}/trigger_intent?output_channel=latest"),
        data=json.dumps({"name": intent, "entities": entities}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req, timeout=60).close()


def bot_events(stack: Stack, sender: str) -> list[dict]:
    with urllib.request.urlopen(stack.api_url(f"/conversations/{sender}/tracker"), timeout=30) as resp:
        tracker = json.loads(resp.read())
    return [e for e in tracker["events"] if e["event"] in ("bot", "user")]


def test_answer_shows_its_source_and_a_follow_up_button_works(chat, stack):
    chat.say("What does a data scientist do?")
    answer = chat.wait_for_bot("knowledge/careers/data-scientist.md#duties")
    lines = answer.strip().splitlines()
    assert lines[0].startswith("Data Scientist") and lines[-1].startswith("(Source: ")  # line breaks kept
    source = chat.page.locator(".rw-response p.source", has_text="data-scientist.md#duties")  # its own paragraph
    source.scroll_into_view_if_needed()
    assert source.is_visible()
    follow_ups = [t for t in chat.replies() if not t.startswith("About:")]
    assert follow_ups, chat.replies()
    chat.screenshot("answer-with-source")

    chat.click_reply(follow_ups[0])
    second = chat.wait_for_bot(re.compile(r"knowledge/careers/data-scientist\.md#(?!duties)\w+"))
    assert second.strip().splitlines()[0].startswith("Data Scientist")
    events = bot_events(stack, chat.session_id())  # the widget's session id is Rasa's sender id
    users = [e for e in events if e["event"] == "user"]
    assert users[-1]["input_channel"] == "socketio"
    assert users[-1]["parse_data"]["intent"]["name"].startswith("ask_")  # the button's payload, not its title
    chat.screenshot("follow-up")


def test_moves_show_o_net_as_written_and_the_closing_line_apart(chat):
    """ "O*NET ... O*NET" in a list of moves was set in italics between the two asterisks, and the line after the
    list was drawn inside its last item."""
    chat.say("I'm a cashier, what else could I do?")
    chat.wait_for_bot("From O*NET 29.3")
    bubble = chat.page.locator(".rw-response", has_text="build on").last
    assert "O*NET lists it as related" in bubble.inner_text() and bubble.locator("em").count() == 0
    assert bubble.locator("li", has_text="From O*NET 29.3").count() == 0  # its own paragraph, not in the list
    chat.screenshot("moves")


def test_career_test_buttons_progress_and_reload_keep_the_conversation(chat, stack):
    chat.say("take the career test")
    chat.wait_for_bot(re.compile(r"^Question 1 \(of up to \d+\)"))
    chat.page.locator(".rw-reply").first.wait_for()
    assert chat.replies() == SCALE
    chat.click_reply("Love it")
    chat.wait_for_bot(re.compile(r"^Question 2 \(of up to \d+\)"))
    chat.page.locator(".rw-reply").first.wait_for()
    chat.click_reply("Not sure")
    progress = chat.wait_for_bot(re.compile(r"^Question 3 \(of up to \d+\)"))
    chat.page.locator(".rw-reply").first.wait_for()
    assert chat.page.locator(".rw-response", has_text=progress).is_visible()
    total = short_test_max(len(default_items()))  # the most the short test asks: the progress line's "up to"
    assert f"(of up to {total})" in progress
    metadata = [e.get("metadata") or {} for e in bot_events(stack, chat.session_id())]
    assert [m for m in metadata if "quiz_item" in m][-1]["progress"] == [3, total]
    chat.screenshot("career-test-progress")

    bots, users, sender = chat.bot_messages(), chat.user_messages(), chat.session_id()
    chat.reload()
    chat.page.wait_for_function("n => document.querySelectorAll('.rw-response').length >= n", arg=len(bots))
    assert chat.bot_messages() == bots and chat.user_messages() == users
    assert chat.session_id() == sender
    chat.reply("Like it").focus()  # the open question's buttons are back too, reachable from the keyboard
    chat.page.keyboard.press("Enter")
    chat.wait_for_bot(re.compile(r"^Question 4 \(of up to \d+\)"), after=len(bots))  # the server kept the test
    chat.page.locator(".rw-reply").first.wait_for()
    assert chat.user_messages()[-1].strip() == "Like it"
    chat.screenshot("after-reload")


@pytest.mark.parametrize(
    "payload",
    [
        "<img src=x onerror=\"window.xssRan='img';alert('img')\">",
        "<script>window.xssRan='script';alert('script')</script>",
        "what does a <img src=x onerror=\"window.xssRan='echo'\"> do?",
    ],
)
def test_markup_in_messages_is_shown_as_text_and_never_runs(chat, payload):
    before = len(chat.bot_messages())
    chat.say(payload)
    chat.wait_for_bot(ANY_TEXT, after=before)  # the bot answered (and may have echoed the text)
    assert chat.user_messages()[-1].strip() == payload
    widget = chat.page.locator("#webchat")
    assert widget.locator("img[src='x']").count() == 0 and widget.locator("script").count() == 0
    assert chat.page.evaluate("window.xssRan") is None
    assert chat.dialogs == []


def test_markup_in_a_bot_message_is_text_and_links_cannot_run_code(chat, stack):
    """The bot echoes an unknown career's name; Rasa's HTTP API puts markup there, the widget shows the reply."""
    markup = '<img src=x onerror="window.xssRan=1;alert(1)"> <script>window.xssRan=2</script>'
    link = "[see this](javascript:window.xssRan=3;alert(3))"
    before = len(chat.bot_messages())
    trigger_intent(stack, chat.session_id(), "ask_duties", {"career": f"{markup} {link}"})
    reply = chat.wait_for_bot("I don't have a page about", after=before)
    assert markup in reply  # shown as the characters it is made of
    widget = chat.page.locator("#webchat")
    assert widget.locator("img[src='x']").count() == 0 and widget.locator("script").count() == 0
    anchor = widget.locator(".rw-markdown a", has_text="see this")
    assert anchor.get_attribute("href") is None  # the page strips non-web links the widget would render
    anchor.click()
    assert chat.page.evaluate("window.xssRan") is None
    assert chat.dialogs == []
    chat.screenshot("markup-as-text")


def test_new_conversation_button_forgets_this_browser_s_conversation(chat):
    chat.say("What does a data scientist do?")
    chat.wait_for_bot("data-scientist.md#duties")
    old = chat.session_id()
    with chat.page.expect_navigation(wait_until="domcontentloaded"):  # the button reloads the page
        chat.page.get_by_role("button", name="New conversation").click()
    chat.wait_connected()
    chat.wait_for_bot("careers assistant")
    assert chat.session_id() != old
    assert not any("data-scientist.md" in t for t in chat.bot_messages())


def test_phone_sized_screen_fits_without_sideways_scrolling(browser, stack):
    phone = ChatPage.open(
        browser,
        page_url(stack),
        viewport={"width": 375, "height": 667},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    try:
        phone.wait_for_bot("careers assistant")
        phone.say("What does a registered nurse do?")
        phone.wait_for_bot(re.compile(r"knowledge/careers/[\w-]+\.md#duties"))
        phone.page.locator(".rw-reply").first.wait_for()
        layout = phone.page.evaluate(
            """() => {
                const doc = document.documentElement;
                const boxes = [...document.querySelectorAll(
                    '#webchat, .rw-response, .rw-client, .rw-reply, .rw-new-message, .rw-send')]
                    .map(e => {
                        const r = e.getBoundingClientRect();
                        return {cls: e.className, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
                    });
                const msgs = document.querySelector('.rw-messages-container');
                return {scrollWidth: doc.scrollWidth, scrollHeight: doc.scrollHeight, width: innerWidth,
                        height: innerHeight, boxes, msgsOverflowX: msgs.scrollWidth - msgs.clientWidth,
                        fontSize: parseFloat(getComputedStyle(document.querySelector('.rw-response')).fontSize)};
            }"""
        )
        assert layout["scrollWidth"] <= layout["width"] == 375, "the page scrolls sideways"
        assert layout["scrollHeight"] <= layout["height"], "the page itself scrolls; only the messages should"
        assert layout["msgsOverflowX"] <= 0
        assert layout["fontSize"] >= 14
        for box in layout["boxes"]:
            assert box["left"] >= 0 and box["right"] <= 375, box
        sender = phone.page.locator(".rw-new-message").bounding_box()
        assert sender["y"] + sender["height"] <= 667  # the input is on screen without scrolling
        phone.screenshot("phone")
        phone.page.locator(".rw-reply").first.tap()  # a follow-up by touch
        phone.wait_for_bot(re.compile(r"md#(?!duties)\w+\)"))
        assert phone.page.evaluate("document.documentElement.scrollWidth") <= 375
        assert phone.outside_requests == []
    finally:
        phone.close()


def test_career_test_result_shows_the_score_picture(chat):
    """The whole test by clicking: an investigative person (love I items, hate the rest) until the result."""
    dimension = {item.text: item.dimension for item in default_items()}
    chat.say("take the career test")
    start, deadline = time.monotonic(), time.monotonic() + 600
    for _turn in range(len(dimension) + 1):
        assert time.monotonic() < deadline, "the test took over 10 minutes"
        chat.page.locator(".rw-reply").first.wait_for()
        question = chat.bot_messages()[-1].strip()
        if question.endswith("I'll only show careers that fit it."):  # the education question comes last
            chat.click_reply("Show me everything")
            break
        assert question in dimension, question
        before = len(chat.bot_messages())
        chat.click_reply("Love it" if dimension[question] == "I" else "Hate it")
        chat.wait_for_bot(re.compile(r"^(Question \d+ \(of up to|Last question|.*\n?Last question)"), after=before)
    else:
        pytest.fail("the test never asked the education question")
    result = chat.wait_for_bot("Your interest code is I")
    assert "not a verdict" in result
    picture = chat.page.locator(".rw-image-frame")
    picture.wait_for()
    chat.page.wait_for_function("() => document.querySelector('.rw-image-frame').naturalWidth > 0")
    assert picture.get_attribute("src").startswith("data:image/svg+xml")
    assert picture.get_attribute("alt")  # the page gives the chart a text alternative
    box = picture.bounding_box()
    assert box["width"] > 100 and box["height"] > 50
    picture.scroll_into_view_if_needed()
    chat.screenshot("career-test-result")
    print(f"career test to its result by clicking: {_turn + 1} answers in {time.monotonic() - start:.0f}s")
