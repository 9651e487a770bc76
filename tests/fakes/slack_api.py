"""A fake Slack: the Web API methods the bot calls, and the signed requests Slack sends to the bot's webhook.

Web API (https://api.slack.com/web), served at `<url>/api/<method>` like https://slack.com/api/<method>:
- `auth.test`, `chat.postMessage`, `chat.update`: bearer-token auth (`invalid_auth` otherwise), HTTP 200 with
  `{"ok": false, "error": ...}` on errors as Slack does, Block Kit checked against Slack's limits (`invalid_blocks`),
  realistic `ts` values; every call is recorded.
Towards the bot (https://api.slack.com/authentication/verifying-requests-from-slack): Events API callbacks and
interactivity payloads (block_actions, form-encoded `payload=`), signed with the signing secret (v0 HMAC-SHA256 of
`v0:<timestamp>:<body>`), optionally as retries (X-Slack-Retry-Num / X-Slack-Retry-Reason).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
from typing import Any

from tests.fakes.base import Call, FakeAPI, post

BOT_USER = "U0CAREERS"
BOT_ID = "B0CAREERS"
TEAM = "T0FAKE"
TEXT_TYPES = {"plain_text", "mrkdwn"}


def sign(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack adds to every request it sends to an app."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def block_errors(blocks: Any) -> list[str]:
    """What Slack would refuse in a message's blocks (the limits of https://api.slack.com/reference/block-kit)."""
    if not isinstance(blocks, list) or not 1 <= len(blocks) <= 50:
        return ["blocks must be a list of 1-50 blocks"]
    errors: list[str] = []
    action_ids: set[str] = set()

    def text_obj(obj: Any, where: str, limit: int, kinds: set[str] = TEXT_TYPES) -> None:
        if not isinstance(obj, dict) or obj.get("type") not in kinds:
            errors.append(f"{where}: a text object of type {sorted(kinds)} is required")
        elif not 1 <= len(obj.get("text") or "") <= limit:
            errors.append(f"{where}: text must be 1-{limit} characters")

    for n, block in enumerate(blocks):
        kind = block.get("type") if isinstance(block, dict) else None
        where = f"blocks[{n}]"
        if kind == "section":
            text_obj(block.get("text"), f"{where}.text", 3000)
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 25:
                errors.append(f"{where}.elements: 1-25 elements")
            for m, el in enumerate(elements):
                at = f"{where}.elements[{m}]"
                if el.get("type") != "button":
                    errors.append(f"{at}: only buttons are expected from this bot")
                    continue
                text_obj(el.get("text"), f"{at}.text", 75, {"plain_text"})
                if len(str(el.get("value", ""))) > 2000:
                    errors.append(f"{at}.value: at most 2000 characters")
                if "value" not in el and "url" not in el:
                    errors.append(f"{at}: a button needs a value or a url")
                aid = el.get("action_id")
                if aid is not None and aid in action_ids:
                    errors.append(f"{at}.action_id: must be unique in the message")
                action_ids.add(aid)
        elif kind == "context":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 10:
                errors.append(f"{where}.elements: 1-10 elements")
            for m, el in enumerate(elements):
                text_obj(el, f"{where}.elements[{m}]", 3000)
        elif kind == "image":
            if not str(block.get("image_url", "")).startswith(("http://", "https://")):
                errors.append(f"{where}.image_url: must be an http(s) URL")
            if not block.get("alt_text"):
                errors.append(f"{where}.alt_text: required")
        elif kind not in ("divider", "header"):
            errors.append(f"{where}: unsupported block type {kind!r}")
    return errors


class SlackFake(FakeAPI):
    """The Slack Web API the bot posts to, plus the requests Slack sends to the bot."""

    def __init__(self, token: str = "xoxb-fake-token", signing_secret: str = "fake-signing-secret") -> None:
        super().__init__()
        self.token = token
        self.signing_secret = signing_secret
        self.messages: dict[tuple[str, str], dict] = {}  # (channel, ts) -> the message as Slack stores it
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)

    @property
    def api_url(self) -> str:
        """What the bot's SLACK_API_URL should be."""
        return f"{self.url}/api/"

    # The Web API ---------------------------------------------------------------------------------------------

    def handle(self, path: str, params: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict, str]:
        method = path.removeprefix("/api/")
        auth = headers.get("authorization", "")
        token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else params.get("token")
        if not path.startswith("/api/"):
            return 404, {"ok": False, "error": "not_found"}, method
        if not token:
            return 200, {"ok": False, "error": "not_authed"}, method
        if token != self.token:
            return 200, {"ok": False, "error": "invalid_auth"}, method
        handler = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
        }.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method", "req_method": method}, method
        return 200, handler(params), method

    def _auth_test(self, params: dict) -> dict:
        return {
            "ok": True,
            "url": "https://fake-workspace.slack.com/",
            "team": "Fake Workspace",
            "user": "careers",
            "team_id": TEAM,
            "user_id": BOT_USER,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _message_error(self, params: dict) -> dict | None:
        blocks = params.get("blocks")
        if isinstance(blocks, str):  # form-encoded clients send blocks as a JSON string
            blocks = params["blocks"] = json.loads(blocks)
        if not params.get("text") and not blocks and not params.get("attachments"):
            return {"ok": False, "error": "no_text"}
        if blocks is not None:
            errors = block_errors(blocks)
            if errors:
                return {
                    "ok": False,
                    "error": "invalid_blocks",
                    "errors": errors,
                    "response_metadata": {"messages": [f"[ERROR] {e}" for e in errors]},
                }
        if len(params.get("text") or "") > 40000:
            return {"ok": False, "error": "msg_too_long"}
        return None

    def _post_message(self, params: dict) -> dict:
        channel = params.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        error = self._message_error(params)
        if error:
            return error
        ts = f"{1700000000 + next(self._ts)}.000100"
        for n, block in enumerate(params.get("blocks") or []):
            block.setdefault("block_id", f"{ts}-{n}")  # Slack gives every block an id
        message = {
            "type": "message",
            "subtype": "bot_message",
            "text": params.get("text", ""),
            "user": BOT_USER,
            "bot_id": BOT_ID,
            "app_id": "A0CAREERS",
            "team": TEAM,
            "ts": ts,
            "blocks": params.get("blocks") or [],
        }
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _update(self, params: dict) -> dict:
        channel, ts = params.get("channel"), params.get("ts")
        if (channel, ts) not in self.messages:
            return {"ok": False, "error": "message_not_found"}
        error = self._message_error(params)
        if error:
            return error
        message = self.messages[(channel, ts)]
        message.update(text=params.get("text", message["text"]), blocks=params.get("blocks") or [])
        message["edited"] = {"user": BOT_USER, "ts": f"{1700000000 + next(self._ts)}.000200"}
        return {"ok": True, "channel": channel, "ts": ts, "text": message["text"], "message": message}

    # What the bot posted -----------------------------------------------------------------------------------

    def posts(self, channel: str) -> list[Call]:
        """Successful chat.postMessage calls to a channel, in order."""
        return [c for c in self.calls_to("chat.postMessage", channel=channel) if c.response.get("ok")]

    def wait_posts(self, channel: str, count: int, timeout: float = 120) -> list[Call]:
        """Wait until the channel has at least `count` posts; all of them."""
        self.wait_for(lambda _: len(self.posts(channel)) >= count, timeout)
        return self.posts(channel)

    # Requests Slack sends to the app -------------------------------------------------------------------------

    def event(self, user: str, channel: str, text: str, channel_type: str = "im", kind: str = "message") -> dict:
        """An Events API `event_callback` for a user's message (a DM by default), as Slack sends it."""
        n = next(self._ids)
        ts = f"{1700001000 + n}.{n:06d}"
        event = {
            "type": kind,
            "user": user,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "channel": channel,
            "channel_type": channel_type,
            "team": TEAM,
            "client_msg_id": f"0000-{n:04d}",
            "blocks": [
                {
                    "type": "rich_text",
                    "block_id": f"b{n}",
                    "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}],
                }
            ],
        }
        return {
            "token": "verification-token-unused",
            "team_id": TEAM,
            "api_app_id": "A0CAREERS",
            "event": event,
            "type": "event_callback",
            "event_id": f"Ev{n:08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"4-fake-{n}",
        }

    def block_actions(self, user: str, channel: str, message_ts: str, value: str) -> dict:
        """The interactivity payload of a click on the button with `value` in a message the bot posted."""
        message = self.messages[(channel, message_ts)]
        button = next(
            el
            for block in message["blocks"]
            if block.get("type") == "actions"
            for el in block["elements"]
            if el.get("value") == value
        )
        block_id = next(b["block_id"] for b in message["blocks"] if button in b.get("elements", []))
        n = next(self._ids)
        return {
            "type": "block_actions",
            "user": {"id": user, "username": "someone", "name": "someone", "team_id": TEAM},
            "api_app_id": "A0CAREERS",
            "token": "verification-token-unused",
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": False},
            "trigger_id": f"{n}.fake.trigger",
            "team": {"id": TEAM, "domain": "fake-workspace"},
            "channel": {"id": channel, "name": "directmessage"},
            "message": message,
            "state": {"values": {}},
            "response_url": f"{self.url}/actions/{n}",
            "actions": [
                {
                    "type": "button",
                    "action_id": button.get("action_id", "button"),
                    "block_id": block_id,
                    "text": button["text"],
                    "value": value,
                    "action_ts": f"{int(time.time())}.{n:06d}",
                }
            ],
        }

    def send(
        self,
        webhook: str,
        body: dict,
        *,
        secret: str | None = None,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
        signed: bool = True,
    ) -> tuple[int, dict[str, str], bytes]:
        """POST an event (JSON) or an interaction (a dict with "actions": form-encoded `payload=`) to the app."""
        if body.get("type") in ("block_actions", "interactive_message"):
            raw = urllib.parse.urlencode({"payload": json.dumps(body)}).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            raw = json.dumps(body).encode()
            content_type = "application/json"
        sent = {"Content-Type": content_type, "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)"}
        if signed:
            sent.update(sign(self.signing_secret if secret is None else secret, raw, timestamp))
        sent.update(headers or {})
        return post(webhook, raw, sent)
