"""Bad input against the real servers: REST webhook, the HTTP API's /model/parse and the socket.io channel.

Random unicode (seeded), control characters, emoji, right-to-left text, 1 MB bodies, empty messages, malformed JSON,
wrong types, 10 KB sender ids and a flood of a few hundred requests. What must hold: a client's mistake is a 4xx
with a JSON error (never a 5xx), the server stays up and answers a normal question correctly during and after,
and a conversation running in parallel keeps its answers and its tracker.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets

from bot.ops.serve import Stack
from bot.rasa.channels.rest import DEFAULT_MAX_MESSAGE_LENGTH as MAX_LEN
from tests.fakes.base import post

pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("shared_stack")]

SEED = 20261125
JSON_HEADERS = {"Content-Type": "application/json"}
TOO_LONG = "too long for me"


@pytest.fixture(scope="module")
def stack(shared_stack):
    return shared_stack


def send(stack: Stack, path: str, body: bytes | dict, timeout: float = 300) -> tuple[int, object]:
    """POST raw bytes (or a dict as JSON); (status, parsed JSON body or the raw text)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    status, _headers, raw = post(stack.api_url(path), data, JSON_HEADERS, timeout=timeout)
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode(errors="replace")


def say(stack: Stack, sender: str, message: str) -> list[dict]:
    status, replies = send(stack, "/webhooks/rest/webhook", {"sender": sender, "message": message})
    assert status == 200, (status, replies)
    assert isinstance(replies, list)
    return replies


def tracker(stack: Stack, sender: str) -> dict:
    url = stack.api_url(f"/conversations/{urllib.parse.quote(sender, safe='')}/tracker")
    with urllib.request.urlopen(url, timeout=60) as resp:
        return json.loads(resp.read())


def answered_from(stack: Stack, sender: str, message: str, career: str, section: str) -> None:
    """A normal question still gets the right answer, with its source."""
    replies = say(stack, sender, message)
    assert any(f"knowledge/careers/{career}.md#{section}" in (r.get("text") or "") for r in replies), replies


def assert_client_error(status: int, body: object) -> None:
    assert 400 <= status < 500, (status, body)
    assert isinstance(body, dict) and body.get("message"), body  # a clear JSON error, not HTML or a stack trace
    assert "Traceback" not in json.dumps(body)


# ---------------------------------------------------------------- malformed requests: REST webhook


def big(n: int) -> str:
    return "x" * n


MALFORMED_WEBHOOK = {
    "empty body": b"",
    "not json": b"{not json",
    "truncated json": b'{"sender": "a", "message": "hi',
    "invalid utf-8": b'{"sender": "a", "message": "\xff\xfe"}',
    "json list": b"[]",
    "json string": b'"hello"',
    "json number": b"42",
    "json null": b"null",
    "deep nesting": b"[" * 50_000 + b"]" * 50_000,
    "message missing": {"sender": "fz-a"},
    "message null": {"sender": "fz-a", "message": None},
    "message number": {"sender": "fz-a", "message": 42},
    "message float NaN": b'{"sender": "fz-a", "message": NaN}',
    "message list": {"sender": "fz-a", "message": ["hi"]},
    "message object": {"sender": "fz-a", "message": {"text": "hi"}},
    "message boolean": {"sender": "fz-a", "message": True},
    "sender missing": {"message": "hi"},
    "sender null": {"sender": None, "message": "hi"},
    "sender empty": {"sender": "", "message": "hi"},
    "sender blank": {"sender": "   ", "message": "hi"},
    "sender list": {"sender": ["a"], "message": "hi"},
    "sender object": {"sender": {"id": 1}, "message": "hi"},
    "sender float": {"sender": 1.5, "message": "hi"},
    "sender 10 KB": {"sender": big(10_000), "message": "hi"},
    "sender 256 characters": {"sender": big(256), "message": "hi"},
    "sender with NUL": {"sender": "fz\u0000a", "message": "hi"},
    "sender with newline": {"sender": "fz\na", "message": "hi"},
    "metadata list": {"sender": "fz-a", "message": "hi", "metadata": [1, 2]},
    "metadata string": {"sender": "fz-a", "message": "hi", "metadata": "x"},
    "input_channel number": {"sender": "fz-a", "message": "hi", "input_channel": 7},
}


@pytest.mark.parametrize("case", list(MALFORMED_WEBHOOK))
def test_malformed_webhook_request_is_a_json_4xx(stack, case):
    status, body = send(stack, "/webhooks/rest/webhook", MALFORMED_WEBHOOK[case])
    assert_client_error(status, body)


def test_sender_ids_up_to_255_characters_and_numbers_are_conversations(stack):
    long_id = "fz-" + "s" * 252
    assert "careers assistant" in say(stack, long_id, "hello")[0]["text"]
    assert [e["text"] for e in tracker(stack, long_id)["events"] if e["event"] == "user"] == ["hello"]
    status, replies = send(stack, "/webhooks/rest/webhook", {"sender": 987654321, "message": "hello"})
    assert status == 200 and replies[0]["recipient_id"] == "987654321"


# ---------------------------------------------------------------- message length


def test_message_length_limit(stack):
    """Up to 2,000 characters are read; longer ones get a clear answer at once and are not stored."""
    sender = "fz-length"
    at_limit = ("what does a data scientist do? " * 100)[:MAX_LEN]
    replies = say(stack, sender, at_limit)
    assert replies and not any(TOO_LONG in r.get("text", "") for r in replies)
    started = time.perf_counter()
    for n in (MAX_LEN + 1, 100_000):
        replies = say(stack, sender, "y" * n)
        assert len(replies) == 1 and TOO_LONG in replies[0]["text"] and "2,000 characters" in replies[0]["text"]
    assert time.perf_counter() - started < 30  # never parsed: answered at once
    users = [e["text"] for e in tracker(stack, sender)["events"] if e["event"] == "user"]
    assert users == [at_limit]


def test_body_over_the_size_limit_is_refused_before_parsing(stack):
    """A 1 MB body is a 413 from Sanic itself (SANIC_REQUEST_MAX_SIZE), as JSON, on both endpoints."""
    for path, body in (
        ("/webhooks/rest/webhook", {"sender": "fz-huge", "message": big(1_000_000)}),
        ("/model/parse", {"text": big(1_000_000)}),
    ):
        status, reply = send(stack, path, body)
        assert status == 413, (path, status, reply)
        assert isinstance(reply, dict) and "size limit" in reply["message"]
    assert not [e for e in tracker(stack, "fz-huge")["events"] if e["event"] == "user"]  # nothing stored
    answered_from(stack, "fz-huge", "what does a data scientist do?", "data-scientist", "duties")


# ---------------------------------------------------------------- /model/parse

MALFORMED_PARSE = {
    "empty body": b"",
    "not json": b"{not json",
    "json list": b"[1, 2]",
    "json string": b'"what does a nurse do"',
    "json null": b"null",
    "text missing": {"message": "what does a nurse do"},
    "text null": {"text": None},
    "text number": {"text": 5},
    "text object": {"text": {"a": 1}},
    "text empty list": {"text": []},
    "text list of numbers": {"text": [1]},
    "text too long": {"text": big(MAX_LEN + 1)},
}


@pytest.mark.parametrize("case", list(MALFORMED_PARSE))
def test_malformed_parse_request_is_a_json_4xx(stack, case):
    status, body = send(stack, "/model/parse", MALFORMED_PARSE[case])
    assert_client_error(status, body)
    if case == "text too long":
        assert status == 413 and body["reason"] == "MessageTooLong"


# ---------------------------------------------------------------- random text


def random_text(rng: random.Random) -> str:
    """Seeded nasty text: scripts (RTL included), emoji, combining marks, controls, bidi overrides, zero-width
    characters, private use, noncharacters and lone surrogates."""
    ranges = [
        (0x20, 0x7E),
        (0x00, 0x1F),
        (0x7F, 0x9F),
        (0xA0, 0x24F),
        (0x300, 0x36F),
        (0x400, 0x4FF),
        (0x590, 0x5FF),
        (0x600, 0x6FF),
        (0x900, 0x97F),
        (0x4E00, 0x9FFF),
        (0xAC00, 0xD7A3),
        (0x1F300, 0x1FAFF),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2066, 0x2069),
        (0xD800, 0xDFFF),
        (0xE000, 0xF8FF),
        (0xFFF0, 0xFFFF),
        (0x10000, 0x10FFFF),
    ]
    out = []
    for _ in range(rng.choice([1, 2, 5, 20, 80, 300, MAX_LEN])):
        lo, hi = rng.choice(ranges)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


FIXED_TEXTS = [
    "",
    " ",
    "\n\t \r\n",
    "\u0000",
    "\u202ewhat does a nurse do\u202c",
    "מה עושה אחות?",
    "ما هي وظيفة الممرضة؟",
    "🤖" * 500,
    "👩🏽‍⚕️👨‍👩‍👧‍👦🏳️‍🌈",
    "Z̸̢̛̖a̶̧͎l̵̰̈g̴̱̈o̷̫͝",
    "\ufeff\u200bwhat does a welder do",
    '/ask_duties{"career": [1, 2, {}]}',
    "/ask_duties{not json",
    "/nonexistent_intent",
    '/ask_salary{"career": "' + "x" * 1000 + '"}',
    "<script>alert(1)</script>' OR 1=1; --",
    "%s%n%x {0} ${jndi:ldap://x}",
]


def test_random_and_nasty_text_through_rest_and_parse(stack):
    rng = random.Random(SEED)
    texts = FIXED_TEXTS + [random_text(rng) for _ in range(40)]
    for i, text in enumerate(texts):
        status, replies = send(stack, "/webhooks/rest/webhook", {"sender": f"fz-random-{i % 5}", "message": text})
        assert status == 200, (i, text[:50], status, replies)
        assert replies and all(r.get("text") or r.get("image") for r in replies), (i, replies)
        assert not any("Traceback" in (r.get("text") or "") for r in replies)
        status, parsed = send(stack, "/model/parse", {"text": text})
        assert status == 200, (i, text[:50], status, parsed)
        assert parsed["intent"]["name"] and isinstance(parsed["entities"], list)
    answered_from(stack, "fz-random-0", "what does a welder do?", "welder", "duties")


# ---------------------------------------------------------------- a flood, with a conversation beside it

BYSTANDER_TURNS = [
    ("What does a data scientist do?", "data-scientist", "duties"),
    ("and where do they work?", "data-scientist", "workplace"),
    ("how much does a registered nurse earn?", "registered-nurse", "salary"),
    ("how do I become one?", "registered-nurse", "education"),
]


def flood_request(stack: Stack, i: int) -> tuple[str, int]:
    rng = random.Random(SEED + i)
    kind = ["valid", "malformed", "too long", "parse", "parse bad"][i % 5]
    if kind == "valid":
        body: bytes | dict = {"sender": f"fz-flood-{i % 17}", "message": rng.choice([random_text(rng), "hi", "help"])}
        path = "/webhooks/rest/webhook"
    elif kind == "malformed":
        body, path = MALFORMED_WEBHOOK[rng.choice(list(MALFORMED_WEBHOOK))], "/webhooks/rest/webhook"
    elif kind == "too long":
        body, path = {"sender": f"fz-flood-{i % 17}", "message": big(5000)}, "/webhooks/rest/webhook"
    elif kind == "parse":
        body, path = {"text": random_text(rng)}, "/model/parse"
    else:
        body, path = MALFORMED_PARSE[rng.choice(list(MALFORMED_PARSE))], "/model/parse"
    status, _ = send(stack, path, body)
    return kind, status


def test_flood_leaves_the_server_responsive_and_a_parallel_conversation_intact(stack):
    n = 300
    with ThreadPoolExecutor(max_workers=24) as pool:
        futures = [pool.submit(flood_request, stack, i) for i in range(n)]
        # Meanwhile a real user goes on with a conversation.
        seen: list[tuple[str, str]] = []
        for message, career, section in BYSTANDER_TURNS:
            answered_from(stack, "fz-bystander", message, career, section)
            seen.append((career, section))
        results = [f.result(timeout=900) for f in futures]
    statuses = {kind: sorted({s for k, s in results if k == kind}) for kind, _ in results}
    assert all(s < 500 for _, s in results), statuses
    assert statuses["valid"] == [200] and statuses["too long"] == [200] and statuses["parse"] == [200], statuses
    assert all(400 <= s < 500 for s in statuses["malformed"] + statuses["parse bad"]), statuses

    events = tracker(stack, "fz-bystander")["events"]
    assert [e["text"] for e in events if e["event"] == "user"] == [m for m, _, _ in BYSTANDER_TURNS]
    answers = [
        (m["career"], m["section"])
        for e in events
        if e["event"] == "bot"
        for m in [e.get("metadata") or {}]
        if "career" in m
    ]
    assert answers == seen
    # After the flood: still up, still right, and quick.
    started = time.perf_counter()
    answered_from(stack, "fz-after-flood", "what does a welder do?", "welder", "duties")
    assert time.perf_counter() - started < 30
    assert all(p.poll() is None for p in stack.procs)


# ---------------------------------------------------------------- socket.io (the widget's channel)


class SocketIO:
    """A minimal socket.io client (engine.io 4 over one websocket), enough to talk to Rasa like the widget does."""

    def __init__(self, stack: Stack, origin: str | None = None) -> None:
        self.url = f"ws://127.0.0.1:{stack.rasa_port}/socket.io/?EIO=4&transport=websocket"
        self.origin = origin

    async def __aenter__(self) -> SocketIO:
        self.ws = await websockets.connect(self.url, origin=self.origin, max_size=None, open_timeout=60)
        opened = await self.ws.recv()
        assert opened.startswith("0{"), opened
        await self.ws.send("40")
        assert (await self._packet(time.monotonic() + 60)).startswith("40")
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    async def _packet(self, deadline: float) -> str:
        """The next packet before `deadline` (engine.io pings are answered on the way: they never reset it)."""
        while True:
            msg = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.monotonic()))
            if msg == "2":  # engine.io ping
                await self.ws.send("3")
                continue
            return msg

    async def emit(self, event: str, data: object) -> None:
        await self.ws.send("42" + json.dumps([event, data]))

    async def event(self, deadline: float) -> tuple[str, object]:
        while True:
            msg = await self._packet(deadline)
            if msg.startswith("42"):
                event, *args = json.loads(msg[2:])
                return event, args[0] if args else None

    async def session(self, session_id: object) -> str:
        await self.emit("session_request", {"session_id": session_id})
        event, confirmed = await self.event(time.monotonic() + 60)
        assert event == "session_confirm"
        return confirmed

    async def ask(self, session_id: str, message: object, expect: Callable[[str], bool] = bool) -> str:
        """Send a message; the first bot message matching `expect` within 2 minutes (others are the rest of earlier
        turns)."""
        await self.emit("user_uttered", {"message": message, "session_id": session_id})
        deadline = time.monotonic() + 120
        while True:
            event, reply = await self.event(deadline)
            text = reply.get("text") or "" if isinstance(reply, dict) else ""
            if event == "bot_uttered" and expect(text):
                return text


def test_socketio_bad_messages_are_answered_and_the_session_goes_on(stack):
    async def run() -> None:
        async with SocketIO(stack, origin="http://127.0.0.1:8080") as sio:
            sid = await sio.session("fz-socket")
            assert sid == "fz-socket"
            await sio.ask(sid, None)  # rasa-webchat's initPayload: null: an answer, not a crash
            await sio.ask(sid, 42, lambda t: "only read text" in t)
            await sio.ask(sid, ["hi"], lambda t: "only read text" in t)
            await sio.ask(sid, "z" * (MAX_LEN + 1), lambda t: TOO_LONG in t)
            await sio.emit("user_uttered", "not an object")  # ignored (logged); the session goes on
            await sio.emit("user_uttered", {"message": "hi", "session_id": big(10_000)})  # ignored: bad session id
            await sio.ask(sid, "what does a data scientist do?\u0000", lambda t: "data-scientist.md#duties" in t)
            fresh = await sio.session(big(10_000))  # an unusable session id: a fresh one, not an exception
            assert fresh != big(10_000) and 0 < len(fresh) <= 255

    asyncio.run(run())
    users = [e["text"] for e in tracker(stack, "fz-socket")["events"] if e["event"] == "user"]
    assert users == ["", "what does a data scientist do?"]  # NUL cleaned, then stripped by Rasa


@pytest.mark.parametrize("origin", ["http://127.0.0.1:8080", "http://localhost:8080", None])
def test_socketio_accepts_the_web_page_origins(stack, origin):
    async def run() -> None:
        async with SocketIO(stack, origin=origin) as sio:
            assert await sio.session(f"fz-origin-{origin}")

    asyncio.run(run())


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:9999", "null"])
def test_socketio_refuses_other_origins(stack, origin):
    async def run() -> None:
        with pytest.raises(websockets.exceptions.InvalidStatusCode) as err:
            async with SocketIO(stack, origin=origin):
                pass
        assert err.value.status_code == 400

    asyncio.run(run())


def test_server_still_answers_after_all_of_it(stack):
    answered_from(stack, "fz-last", "what does a veterinarian do?", "veterinarian", "duties")
    assert all(p.poll() is None for p in stack.procs)
