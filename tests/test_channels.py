"""Slack and Telegram for real: the Rasa server and action server talk to local fakes of the Slack Web API and the
Telegram Bot API (tests/fakes), which speak the real wire formats and send signed events / secret-token updates.

One Stack for the module (start-up is slow); each test uses its own Slack user/channel or Telegram chat.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import time
import urllib.request
from types import SimpleNamespace

import aiohttp
import pytest

from bot.dialogue.quiz import default_items
from bot.ops.serve import Stack, free_port
from bot.rasa.channels import render
from bot.rasa.channels.slack import SlackChannel
from bot.rasa.channels.telegram import TelegramChannel, TelegramOutputChannel, pressed_title
from tests.conftest import ROOT
from tests.fakes.slack_api import BOT_USER, SlackFake
from tests.fakes.telegram_api import TelegramFake

pytestmark = pytest.mark.integration

SLACK_TOKEN = "xoxb-1111-2222-fake"
SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TELEGRAM_TOKEN = "123456789:AAFakeTokenForTests_0123456789abcdef"
TELEGRAM_SECRET = "careers-webhook_secret-42"
ITEMS = {item.text: item for item in default_items()}
# An investigative, conventional person with some hands-on interest (as in test_integration): code ICR.
PROFILE = {"I": 5, "C": 4, "R": 3, "A": 2, "S": 1, "E": 2}
SCALE_TITLES = ["Love it", "Like it", "Not sure", "Dislike it", "Hate it"]
SAID = {5: "I'd love that", 4: "kind of", 3: "not sure", 2: "nah", 1: "no way"}  # free-text answers


@pytest.fixture(scope="module")
def env():
    model = ROOT / "models" / "careers.tar.gz"
    assert model.exists(), "no trained model: run `make test` (it builds one) or `python -m bot build`"
    slack = SlackFake(token=SLACK_TOKEN, signing_secret=SLACK_SECRET).start()
    telegram = TelegramFake(token=TELEGRAM_TOKEN, username="careers_test_bot").start()
    stack = Stack(free_port(), free_port())
    rasa_url = f"http://127.0.0.1:{stack.rasa_port}"
    settings = {
        "SLACK_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack.api_url,
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_VERIFY": "careers_test_bot",
        "TELEGRAM_WEBHOOK_URL": f"{rasa_url}/webhooks/telegram/webhook",
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": telegram.url,
    }
    saved = {k: os.environ.get(k) for k in settings}
    os.environ.update(settings)  # bot.ops.serve.base_env() passes os.environ to the servers
    try:
        stack.start()
        # The Telegram channel registers its webhook once the server is up.
        telegram.wait_for(lambda calls: any(c.method == "setWebhook" for c in calls), timeout=60)
        yield SimpleNamespace(
            stack=stack,
            rasa_url=rasa_url,
            slack=slack,
            telegram=telegram,
            slack_webhook=f"{rasa_url}/webhooks/slack/webhook",
        )
    finally:
        stack.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        slack.stop()
        telegram.stop()


def tracker_events(env, sender: str) -> list[dict]:
    with urllib.request.urlopen(env.stack.api_url(f"/conversations/{sender}/tracker"), timeout=30) as resp:
        return json.loads(resp.read())["events"]


def tracker_bot_metadata(env, sender: str) -> list[dict]:
    return [e.get("metadata") or {} for e in tracker_events(env, sender) if e["event"] == "bot"]


def user_turns(env, sender: str) -> int:
    """Messages fully handled: Rasa saves the tracker once a message's replies have all been sent."""
    return sum(e["event"] == "user" for e in tracker_events(env, sender))


def wait_until(check, timeout: float = 120, what: str = "condition"):
    """Poll for what the test cannot be notified of (the bot's tracker, saved after its replies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"{what} not met within {timeout:.0f}s")


# Slack ------------------------------------------------------------------------------------------------------


def section_texts(post) -> list[str]:
    return [b["text"]["text"] for b in post.params.get("blocks", []) if b["type"] == "section"]


def buttons_of(post) -> list[dict]:
    return [el for b in post.params.get("blocks", []) if b["type"] == "actions" for el in b["elements"]]


def slack_exchange(env, user: str, channel: str, body: dict, turns: int = 1) -> list:
    """Send an event or a click to the bot; wait until it has handled `turns` more messages; the new posts."""
    before_posts = len(env.slack.posts(channel))
    before = user_turns(env, user)
    status, _, _ = env.slack.send(env.slack_webhook, body)
    assert status == 200
    wait_until(lambda: user_turns(env, user) >= before + turns, what=f"{user}'s message handled")
    return env.slack.posts(channel)[before_posts:]


def slack_turn(env, user: str, channel: str, text: str) -> list:
    return slack_exchange(env, user, channel, env.slack.event(user, channel, text))


def slack_click(env, user: str, channel: str, post, value: str) -> list:
    return slack_exchange(env, user, channel, env.slack.block_actions(user, channel, post.response["ts"], value))


def test_slack_url_verification(env):
    body = {
        "token": "unused",
        "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        "type": "url_verification",
    }
    status, _, raw = env.slack.send(env.slack_webhook, body)
    assert status == 200 and json.loads(raw) == {"challenge": body["challenge"]}


def test_slack_question_gets_an_answer_as_blocks(env):
    posts = slack_turn(env, "U100", "D100", "What does a data scientist do?")
    answer = posts[-1]
    assert answer.headers["authorization"] == f"Bearer {SLACK_TOKEN}"
    texts = "\n".join(section_texts(answer))
    assert texts.startswith("Data Scientist: What they do")
    assert "`knowledge/careers/data-scientist.md#duties`" in texts  # the source, as code (not a link to .md)
    assert "**" not in texts and '{"' not in texts
    assert all(b["text"].get("verbatim") for b in answer.params["blocks"] if b["type"] == "section")
    buttons = buttons_of(answer)
    assert buttons and all(b["value"].startswith("/ask_") and '"career": "' in b["value"] for b in buttons)
    assert all(b["text"]["type"] == "plain_text" and len(b["text"]["text"]) <= 75 for b in buttons)
    assert "Options:" in answer.params["text"]  # the notification / plain-client fallback names the buttons
    assert "as_user" not in answer.params


def test_slack_button_click_is_the_payload_and_marks_the_choice(env):
    user, channel = "U101", "D101"
    greeting = slack_turn(env, user, channel, "hello")[-1]
    assert "careers assistant" in section_texts(greeting)[0]
    value = '/ask_duties{"career": "data-scientist"}'
    assert value in [b["value"] for b in buttons_of(greeting)]
    answer = slack_click(env, user, channel, greeting, value)[-1]
    assert "`knowledge/careers/data-scientist.md#duties`" in section_texts(answer)[0]
    # The clicked message now shows the choice instead of its buttons.
    update = env.slack.wait_for(
        lambda calls: any(c.method == "chat.update" and c.params["ts"] == greeting.response["ts"] for c in calls)
    )
    update = [c for c in update if c.method == "chat.update" and c.params["ts"] == greeting.response["ts"]][-1]
    assert update.response["ok"]
    assert not [b for b in update.params["blocks"] if b["type"] == "actions"]
    assert update.params["blocks"][-1]["elements"][0]["text"] == "✓ What does a data scientist do?"
    # A follow-up button of the answer (another career payload) works the same way.
    follow = buttons_of(answer)[0]
    reply = slack_click(env, user, channel, answer, follow["value"])[-1]
    meta = [m for m in tracker_bot_metadata(env, user) if m.get("career")][-1:]
    assert meta[0]["career"] == "data-scientist" and follow["value"].startswith(f"/ask_{meta[0]['section']}")
    assert section_texts(reply)[0].startswith("Data Scientist: ")


def test_slack_refuses_unsigned_forged_and_old_requests(env):
    user, channel = "U102", "D102"
    webhook = env.slack_webhook
    forged = env.slack.event(user, channel, "what does a welder do?")
    assert env.slack.send(webhook, forged, signed=False)[0] == 401  # no signature at all
    assert env.slack.send(webhook, forged, secret="not-the-secret")[0] == 401  # signed with another secret
    old = int(time.time()) - 6 * 60
    assert env.slack.send(webhook, forged, timestamp=old)[0] == 401  # a replay: right secret, stale timestamp
    # A body changed after signing.
    raw = json.dumps(forged).encode()
    from tests.fakes.base import post
    from tests.fakes.slack_api import sign

    tampered = raw.replace(b"welder", b"roofer")
    status, _, _ = post(webhook, tampered, {"Content-Type": "application/json", **sign(SLACK_SECRET, raw)})
    assert status == 401
    # The interactivity endpoint checks signatures too.
    greeting = slack_turn(env, user, channel, "hello")[-1]
    click = env.slack.block_actions(user, channel, greeting.response["ts"], "/start_quiz")
    assert env.slack.send(webhook, click, secret="nope")[0] == 401
    # Nothing was answered for any of them: the only replies are to "hello", and no career test started.
    posts = env.slack.posts(channel)
    assert len(posts) == 1 and "Welder" not in json.dumps([p.params for p in posts])
    assert not [c for c in env.slack.calls_to("chat.update") if c.params["ts"] == greeting.response["ts"]]


def test_slack_retries_are_not_answered_twice(env):
    user, channel = "U103", "D103"
    webhook = env.slack_webhook
    body = env.slack.event(user, channel, "what does a plumber do?")
    slack_exchange(env, user, channel, body)
    for attempt, reason in ((1, "http_timeout"), (2, "http_error")):
        status, headers, _ = env.slack.send(
            webhook, body, headers={"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": reason}
        )
        assert status == 200 and headers.get("X-Slack-No-Retry") == "1"
    # An event whose first delivery never arrived is answered when its retry comes, once.
    lost = env.slack.event(user, channel, "what does an electrician do?")
    for attempt in (1, 2):
        retry = {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_error"}
        assert env.slack.send(webhook, lost, headers=retry)[0] == 200
    slack_exchange(env, user, channel, env.slack.event(user, channel, "thanks"), turns=2)  # "lost" and "thanks"
    texts = [" ".join(section_texts(p)) for p in env.slack.posts(channel)]
    assert sum(t.startswith("Plumber: ") for t in texts) == 1
    assert sum(t.startswith("Electrician: ") for t in texts) == 1


def test_slack_mention_in_a_channel_is_answered_once_without_the_mention(env):
    user, channel = "U104", "C104"
    message = env.slack.event(user, channel, f"<@{BOT_USER}> what does a chef do?", channel_type="channel")
    mention = json.loads(json.dumps(message))
    mention["event"]["type"] = "app_mention"
    mention["event_id"] = message["event_id"] + "M"
    slack_exchange(env, user, channel, mention)
    assert env.slack.send(env.slack_webhook, message)[0] == 200  # Slack sends both when the app reads the channel
    slack_turn(env, user, "D104", "hello")  # a later message of the same user: the twin would come before it
    assert user_turns(env, user) == 2
    posts = env.slack.posts(channel)
    assert len(posts) == 1 and "`knowledge/careers/chef.md#duties`" in section_texts(posts[0])[0]


def test_slack_over_long_message_is_answered_not_parsed(env):
    user, channel = "U106", "D106"
    before = len(env.slack.posts(channel))
    status, _, _ = env.slack.send(env.slack_webhook, env.slack.event(user, channel, "what does a nurse do " * 200))
    assert status == 200
    posts = env.slack.wait_posts(channel, before + 1)
    assert "too long" in section_texts(posts[-1])[0]
    assert user_turns(env, user) == 0  # never reached NLU or the tracker


def slack_item(post) -> str | None:
    """The quiz item a Slack post asks (its text is the item text), or None."""
    texts = section_texts(post)
    return ITEMS[html.unescape(texts[0])].id if texts and html.unescape(texts[0]) in ITEMS else None


def test_slack_career_test_runs_to_a_text_chart_result(env):
    user, channel = "U105", "D105"
    posts = slack_turn(env, user, channel, "I don't know what career suits me")
    assert "starting point" in " ".join(section_texts(posts[0]))
    question = posts[-1]
    assert [b["text"]["text"] for b in buttons_of(question)] == SCALE_TITLES
    posts = slack_turn(env, user, channel, SAID[PROFILE[slack_item(question)[0].upper()]])  # typed, then clicks
    result = None
    for _turn in range(130):
        last = posts[-1]
        texts = " ".join(section_texts(last))
        if "Your interest code is" in " ".join(" ".join(section_texts(p)) for p in posts):
            result = posts
            break
        item = slack_item(last)
        if item is None:  # the education question: its buttons carry zone values
            assert "Last question" in texts
            value = next(b["value"] for b in buttons_of(last) if "zone4" in b["value"])
        else:
            want = str(PROFILE[item[0].upper()])
            value = next(b["value"] for b in buttons_of(last) if f'"quiz_value": "{want}"' in b["value"])
        posts = slack_click(env, user, channel, last, value)
    assert result is not None, "the career test never reached a result"
    body = "\n".join(t for p in result for t in section_texts(p))
    assert "Your interest code is ICR" in body
    charts = [t for p in result for t in section_texts(p) if t.startswith("```")]
    assert len(charts) == 1 and charts[0].count("\n") == 5 and "█" in charts[0]  # six bars, in a code block
    sent = json.dumps([c.params for c in env.slack.calls])
    assert "data:image" not in sent and '"type": "image"' not in sent  # no SVG for Slack
    meta = [m for m in tracker_bot_metadata(env, user) if "quiz_result" in m]
    assert meta[-1]["quiz_result"]["code"] == "ICR"
    first = meta[-1]["quiz_result"]["matches"][0]["career"]
    # A result button goes straight to that career.
    button = next(b for b in buttons_of(result[-1]) if first in b["value"])
    answer = slack_click(env, user, channel, result[-1], button["value"])[-1]
    assert f"knowledge/careers/{first}.md#overview" in " ".join(section_texts(answer))


# Telegram ----------------------------------------------------------------------------------------------------


def tg_say(env, chat: int, text: str | None = None, **other) -> list[dict]:
    """Send a user's message; the bot answers before the webhook returns. The bot's new messages."""
    before = len(env.telegram.messages_to(chat))
    status, _, _ = env.telegram.deliver(env.telegram.message_update(chat, text, **other))
    assert status == 200
    return env.telegram.messages_to(chat)[before:]


def tg_press(env, chat: int, message: dict, data: str) -> list[dict]:
    before = len(env.telegram.messages_to(chat))
    update = env.telegram.callback_update(chat, message["message_id"], data)
    status, _, _ = env.telegram.deliver(update)
    assert status == 200
    query = update["callback_query"]["id"]
    assert env.telegram.calls_to("answerCallbackQuery", callback_query_id=query)[0].response["ok"]
    return env.telegram.messages_to(chat)[before:]


def keys_of(message: dict) -> list[dict]:
    return [k for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for k in row]


def test_telegram_registers_its_webhook_with_the_secret(env):
    hook = env.telegram.calls_to("setWebhook")[-1]
    assert hook.response == {"ok": True, "result": True}
    assert hook.params["url"] == f"{env.rasa_url}/webhooks/telegram/webhook"
    assert hook.params["secret_token"] == TELEGRAM_SECRET
    assert set(json.loads(hook.params["allowed_updates"])) == {"message", "callback_query"}
    assert env.telegram.calls_to("getMe")  # the token was checked against TELEGRAM_VERIFY


def test_telegram_start_gets_a_greeting_with_an_inline_keyboard(env):
    chat = 2001
    replies = tg_say(env, chat, "/start")
    greeting = replies[-1]
    assert "careers assistant" in greeting["text"]
    call = env.telegram.calls_to("sendMessage", chat_id=chat)[-1]
    assert call.params["parse_mode"] == "HTML"
    keys = keys_of(greeting)
    assert {"text": "What does a data scientist do?", "callback_data": '/ask_duties{"career":"data-scientist"}'} in keys
    assert all(len(row) <= 3 for row in greeting["reply_markup"]["inline_keyboard"])


def test_telegram_button_press_is_answered_and_acknowledged(env):
    chat = 2002
    greeting = tg_say(env, chat, "hi there")[-1]
    replies = tg_press(env, chat, greeting, '/ask_duties{"career":"data-scientist"}')
    answer = replies[-1]
    assert answer["text"].startswith("Data Scientist: What they do")
    assert "**" not in answer["text"] and '{"' not in answer["text"]
    source = "knowledge/careers/data-scientist.md#duties"
    assert {"type": "code", "offset": answer["text"].index(source), "length": len(source)} in answer["entities"]
    # The pressed keyboard now shows the choice.
    edit = env.telegram.calls_to("editMessageReplyMarkup", message_id=greeting["message_id"])[-1]
    assert edit.response["ok"]
    assert keys_of(edit.response["result"]) == [{"text": "✓ What does a data scientist do?", "callback_data": "chosen"}]
    # Pressing the "✓" left behind is acknowledged and ignored.
    assert tg_press(env, chat, env.telegram.sent[greeting["message_id"]], "chosen") == []
    # A follow-up button of the answer works too.
    follow = keys_of(answer)[0]
    reply = tg_press(env, chat, answer, follow["callback_data"])[-1]
    assert reply["text"].startswith("Data Scientist: ")


def test_telegram_refuses_updates_without_the_secret_token(env):
    chat = 2003
    before = len(env.telegram.calls)
    for secret in (None, "wrong-secret"):
        status, _, body = env.telegram.deliver(env.telegram.message_update(chat, "what does a welder do?"), secret)
        assert status == 403 and b"X-Telegram-Bot-Api-Secret-Token" in body
    assert env.telegram.calls[before:] == []  # nothing was sent for them
    assert "Welder" not in json.dumps(env.telegram.messages_to(chat))


def test_telegram_update_is_answered_once_and_non_text_gets_a_hint(env):
    chat = 2004
    update = env.telegram.message_update(chat, "what does a plumber do?")
    for _ in range(2):  # Telegram resends an update it thinks was not delivered
        assert env.telegram.deliver(update)[0] == 200
    assert [m["text"].split(":")[0] for m in env.telegram.messages_to(chat)] == ["Plumber"]
    sticker = {
        "file_id": "CAACAgIAAxkBAAEB",
        "file_unique_id": "AgADfake",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    replies = tg_say(env, chat, None, sticker=sticker)
    assert len(replies) == 1 and "only read text" in replies[0]["text"]


def test_telegram_over_long_message_is_answered_not_parsed(env):
    chat = 2006
    replies = tg_say(env, chat, "what does a nurse do " * 200)
    assert len(replies) == 1 and "too long" in replies[0]["text"]
    assert user_turns(env, str(chat)) == 0


def test_telegram_career_test_runs_to_a_text_chart_result(env):
    chat = 2005
    replies = tg_say(env, chat, "/test")
    assert "starting point" in replies[0]["text"]
    last = replies[-1]
    assert [k["text"] for k in keys_of(last)] == SCALE_TITLES
    result = None
    for turn in range(130):
        if any("Your interest code is" in m.get("text", "") for m in replies):
            result = replies
            break
        last = replies[-1]
        item = ITEMS.get(last["text"])
        if item is None:
            assert "Last question" in last["text"]
            replies = tg_say(env, chat, "a bachelor's degree")  # free text for the education question
            continue
        want = PROFILE[item.dimension]
        if turn % 3 == 1:  # some answers typed, as people do
            replies = tg_say(env, chat, SAID[want])
            continue
        key = next(k for k in keys_of(last) if k["callback_data"].endswith(f'{{"quiz_value":"{want}"}}'))
        replies = tg_press(env, chat, last, key["callback_data"])
    assert result is not None, "the career test never reached a result"
    message = next(m for m in result if "Your interest code is" in m["text"])
    assert "Your interest code is ICR" in message["text"]
    pre = [e for e in message["entities"] if e["type"] == "pre"]
    assert len(pre) == 1  # the six bars in a monospace block
    chart = message["text"].encode("utf-16-le")[2 * pre[0]["offset"] : 2 * (pre[0]["offset"] + pre[0]["length"])]
    assert chart.decode("utf-16-le").count("█") > 0 and chart.decode("utf-16-le").count("\n") == 5
    assert not env.telegram.calls_to("sendPhoto") and "data:image" not in json.dumps(
        [c.params for c in env.telegram.calls]
    )
    meta = [m for m in tracker_bot_metadata(env, str(chat)) if "quiz_result" in m]
    assert meta[-1]["quiz_result"]["code"] == "ICR"
    # "tell me about the first one" goes into the Q&A for the top match.
    first = meta[-1]["quiz_result"]["matches"][0]["career"]
    answer = tg_say(env, chat, "tell me about the first one")[-1]
    assert f"knowledge/careers/{first}.md#overview" in answer["text"]


# The parts that need no server --------------------------------------------------------------------------------


def test_channels_without_a_token_stay_off_and_say_so():
    """With the default (empty) settings the webhooks answer 503; test_integration shows the server still works."""

    async def run() -> list[tuple[int, dict]]:
        from rasa.core.channels.channel import register
        from sanic import Sanic

        app = Sanic(f"channels_off_{os.getpid()}")
        channels = [
            SlackChannel.from_credentials({"slack_token": "", "slack_signing_secret": "", "api_url": ""}),
            TelegramChannel.from_credentials({"access_token": "", "verify": "", "webhook_url": "", "api_url": ""}),
        ]

        async def never(_message) -> None:
            raise AssertionError("an off channel must not handle messages")

        register(channels, app, route="/webhooks/")
        port = free_port()
        server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
        await server.startup()
        try:
            out = []
            async with aiohttp.ClientSession() as session:
                for name in ("slack", "telegram"):
                    async with session.post(f"http://127.0.0.1:{port}/webhooks/{name}/webhook", json={}) as resp:
                        out.append((resp.status, await resp.json()))
            return out
        finally:
            server.close()
            await server.wait_closed()

    (slack_status, slack_body), (tg_status, tg_body) = asyncio.run(run())
    assert slack_status == 503 and "SLACK_TOKEN and SLACK_SIGNING_SECRET" in slack_body["error"]
    assert tg_status == 503 and "TELEGRAM_TOKEN" in tg_body["error"]


def test_long_button_payloads_fit_telegram_callback_data():
    out = TelegramOutputChannel(TELEGRAM_TOKEN, "http://127.0.0.1:9")  # no request is made
    short = out.callback_data('/ask_duties{"career": "nurse"}')
    assert short == '/ask_duties{"career":"nurse"}' and out.payload_of(short) == short
    long = '/ask_specializations{"career": "natural-language-processing-engineer"}'
    key = out.callback_data(long)
    assert len(key.encode()) <= 64 and out.payload_of(key) == long.replace(": ", ":")  # compact JSON, same payload
    keyboard = out.keyboard([{"title": "Kinds of NLP engineer", "payload": long}])
    message = {"reply_markup": keyboard}
    assert pressed_title(message, key) == "Kinds of NLP engineer"  # the fallback after a restart
    assert TelegramOutputChannel(TELEGRAM_TOKEN).payload_of("~unknown") is None


def test_rendering_leaves_no_raw_markdown():
    text = (
        "## Pay\n- **Median**: $86,070 & up <per year>\n"
        "See [BLS](https://www.bls.gov/ooh/) (knowledge/careers/x.md#salary)"
    )
    slack = "\n".join(render.slack_mrkdwn(text))
    assert slack == (
        "*Pay*\n• *Median*: $86,070 &amp; up &lt;per year&gt;\n"
        "See <https://www.bls.gov/ooh/|BLS> (`knowledge/careers/x.md#salary`)"
    )
    tg = render.telegram_html(text)
    assert tg == (
        "<b>Pay</b>\n• <b>Median</b>: $86,070 &amp; up &lt;per year&gt;\n"
        'See <a href="https://www.bls.gov/ooh/">BLS</a> (<code>knowledge/careers/x.md#salary</code>)'
    )
    assert render.plain(text) == (
        "Pay\n• Median: $86,070 & up <per year>\nSee BLS (https://www.bls.gov/ooh/) (knowledge/careers/x.md#salary)"
    )


def test_widget_text_keeps_asterisks_in_words_and_ends_lists():
    """The widget set the words between two "O*NET"s in italics, and the line after a list inside its last item."""
    from bot.rasa.channels.render import widget_markdown

    text = "Moves:\n1. Welder: uses Monitoring; O*NET lists it.\n2. Tire Builder\nFrom O*NET 29.3.\n- a\n- b\nAsk me."
    assert widget_markdown(text) == (
        "Moves:\n1. Welder: uses Monitoring; O\\*NET lists it.\n2. Tire Builder\n\n"
        "From O\\*NET 29.3.\n- a\n- b\n\nAsk me."
    )
    assert widget_markdown("**bold**, *em* and a plain line") == "**bold**, *em* and a plain line"
