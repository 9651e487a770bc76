"""REST: Rasa 3.6's REST channel with its input checked first, so bad requests get a clear 4xx and never a 500.

credentials.yml names it `bot.rasa.channels.rest.RestChannel`; the webhook stays `POST /webhooks/rest/webhook`
(`{"sender": "<id>", "message": "<text>"}`, optional `metadata` object and `input_channel` string). What it adds:
- the body must be a JSON object; `sender` a non-empty string (or an integer) of at most 255 characters (the SQL
  tracker store's column) without control characters; `message` a string; otherwise 400 with a JSON error in
  the shape of Rasa's own HTTP API errors (`{"status": "failure", "reason", "message", "code", ...}`);
- a message longer than BOT_MAX_MESSAGE_LENGTH characters (default 2,000) is answered at once, like any bot
  reply, saying so: it is never parsed (a huge text would keep NLU busy) nor stored;
- control characters become spaces and lone UTF-16 surrogates U+FFFD: every tracker store can keep the text;
- the same checks guard the HTTP API's `POST /model/parse` (its `text`); there an over-long text is a 413.
Request bodies over Sanic's REQUEST_MAX_SIZE (set by bot/ops/serve.py) are refused with 413 before any of this.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import config

logger = logging.getLogger(__name__)
DEFAULT_MAX_MESSAGE_LENGTH = 2000
MAX_SENDER_LENGTH = 255  # the SQL tracker store's sender_id column
MAX_INPUT_CHANNEL_LENGTH = 255
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BAD_IN_SENDER = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class InvalidInput(ValueError):
    """A request the client got wrong; `reason` is a short machine-readable name, the message says what to fix."""

    def __init__(self, message: str, reason: str = "BadRequest", status: int = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.reason = reason
        self.status = int(status)


def max_message_length() -> int:
    """BOT_MAX_MESSAGE_LENGTH, read at call time so a server's environment decides."""
    try:
        return max(1, config.settings().bot_max_message_length)
    except ValueError:
        return DEFAULT_MAX_MESSAGE_LENGTH


def too_long_text(limit: int) -> str:
    return (
        f"Sorry, that message is too long for me: I can read up to {limit:,} characters. Please ask a shorter question."
    )


def clean_text(text: str) -> str:
    """Control characters to spaces (newlines and tabs kept), lone surrogates to U+FFFD."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))


def check_sender(sender: Any) -> str:
    if sender is None:
        raise InvalidInput('"sender" is missing: give each conversation an id of its own, e.g. {"sender": "u-42"}')
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str):
        raise InvalidInput(f'"sender" must be a string, not {json_type(sender)}')
    if not sender.strip():
        raise InvalidInput('"sender" must not be empty')
    if len(sender) > MAX_SENDER_LENGTH:
        raise InvalidInput(f'"sender" is {len(sender):,} characters long; at most {MAX_SENDER_LENGTH} are allowed')
    if _BAD_IN_SENDER.search(sender):
        raise InvalidInput('"sender" must not contain control characters')
    return sender


def check_message(message: Any, field: str = "message") -> str:
    if message is None:
        raise InvalidInput(f'"{field}" is missing or null: send the user\'s text as a string')
    if not isinstance(message, str):
        raise InvalidInput(f'"{field}" must be a string, not {json_type(message)}')
    return message


def json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def parse_object(request: Request) -> dict:
    """The request body as a JSON object (stdlib json: exact errors, lone surrogates kept for clean_text)."""
    if not request.body:
        raise InvalidInput("the request body is empty: send a JSON object")
    try:
        body = json.loads(request.body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise InvalidInput(f"the request body is not valid JSON ({str(exc)[:200]})", "InvalidJSON") from None
    if not isinstance(body, dict):
        raise InvalidInput(f"the request body must be a JSON object, not {json_type(body)}")
    return body


def error_response(status: int, reason: str, message: str, details: dict | None = None) -> HTTPResponse:
    """The shape of Rasa's HTTP API errors, so clients handle one format."""
    from rasa import __version__

    body = {
        "version": __version__,
        "status": "failure",
        "message": message,
        "reason": reason,
        "details": details or {},
        "help": None,
        "code": status,
    }
    return response.json(body, status=status)


@dataclass
class Checked:
    sender: str
    text: str
    metadata: dict | None
    input_channel: str | None


def check_webhook_body(body: dict) -> Checked:
    sender = check_sender(body.get("sender"))
    text = check_message(body.get("message"))
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise InvalidInput(f'"metadata" must be an object, not {json_type(metadata)}')
    channel = body.get("input_channel")
    if channel is not None and (
        not isinstance(channel, str) or len(channel) > MAX_INPUT_CHANNEL_LENGTH or _BAD_IN_SENDER.search(channel)
    ):
        raise InvalidInput('"input_channel" must be a short string without control characters')
    return Checked(sender, text, metadata, channel or None)


async def guard_parse(request: Request) -> HTTPResponse | None:
    """Request middleware of `POST /model/parse` (HTTP API): checks the body before Rasa's handler sees it."""
    if request.method != "POST":
        return None
    try:
        body = parse_object(request)
        text = body.get("text")
        if isinstance(text, list) and text:  # Rasa's emulators accept ["text"]
            text = text[0]
        text = check_message(text, "text")
        limit = max_message_length()
        if len(text) > limit:
            raise InvalidInput(
                f'"text" is {len(text):,} characters long; at most {limit:,} are parsed',
                "MessageTooLong",
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            )
    except InvalidInput as exc:
        return error_response(exc.status, exc.reason, str(exc))
    # what Rasa's handler reads as request.json (Sanic caches the parsed body there)
    request.parsed_json = {**body, "text": clean_text(text)}  # type: ignore[assignment]
    return None


class RestChannel(RestInput):
    """Rasa's REST channel (same name and URL), checking every request first; see the module docstring."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = super().blueprint(on_new_message)

        @bp.middleware("request")
        async def check_request(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            try:
                checked = check_webhook_body(parse_object(request))
            except InvalidInput as exc:
                return error_response(exc.status, exc.reason, str(exc))
            limit = max_message_length()
            if len(checked.text) > limit:
                logger.info(
                    "message of %d characters from %s not processed (limit %d)",
                    len(checked.text),
                    checked.sender,
                    limit,
                )
                return response.json([{"recipient_id": checked.sender, "text": too_long_text(limit)}])
            checked.text = clean_text(checked.text)
            request.ctx.checked = checked
            return None

        @bp.listener("before_server_start")
        async def guard_http_api(app: Sanic, _loop: Any) -> None:
            # Named middleware: it runs before the parse handler only, never on Sanic's own error path.
            routes = [r.name for r in app.router.routes if "/" + r.path.strip("/") == "/model/parse"]
            app.register_named_middleware(guard_parse, routes, "request")

        return bp

    async def _extract_sender(self, req: Request) -> str | None:
        return req.ctx.checked.sender

    def _extract_message(self, req: Request) -> str | None:
        return req.ctx.checked.text

    def _extract_input_channel(self, req: Request) -> str:
        return req.ctx.checked.input_channel or self.name()

    def get_metadata(self, request: Request) -> dict | None:
        return request.ctx.checked.metadata
