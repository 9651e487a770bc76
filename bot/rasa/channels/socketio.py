"""socket.io (the website widget): Rasa 3.6's channel with checked input and a configurable list of allowed origins.

credentials.yml names it `bot.rasa.channels.socketio.SocketIOChannel` (same options as Rasa's `socketio:`).
What it adds:
- the user's message is checked like the REST channel's (bot/rasa/channels/rest.py): `{"message": null}` (rasa-webchat's
  `initPayload: null`) counts as an empty message instead of crashing Rasa's handler; a message that is not text,
  or longer than BOT_MAX_MESSAGE_LENGTH characters, is answered at once with a bot message saying so; a session id
  that is not a string of at most 255 characters is refused (logged, not processed); a malformed `metadata` is
  dropped; control characters and lone surrogates are cleaned;
- browsers may connect only from BOT_ALLOWED_ORIGINS (comma-separated origins, `*` for any; default the web page
  of `make run`: http://127.0.0.1:8080 and http://localhost:8080; bot/ops/serve.py adds the page it serves). Rasa 3.6
  switches engine.io's origin check off (`cors_allowed_origins=[]`), which lets any web site open a conversation
  from its visitors' browsers; other origins now get a 400;
- replies are prepared for the widget's Markdown renderer (bot/rasa/channels/render.py `widget_markdown`).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot import config
from bot.rasa.channels import render
from bot.rasa.channels.rest import InvalidInput, check_sender, clean_text, json_type, max_message_length, too_long_text

logger = logging.getLogger(__name__)


def allowed_origins() -> list[str] | str:
    """BOT_ALLOWED_ORIGINS: a list of origins, or "*" for any."""
    raw = config.settings().bot_allowed_origins
    origins = [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]
    return "*" if "*" in origins else origins


def refuse_other_origins(sio: AsyncServer) -> None:
    """Answer 400 to any socket.io request (polling or websocket upgrade) whose Origin is not allowed.

    Done in front of engine.io rather than with its own `cors_allowed_origins`: that would also make engine.io add
    CORS headers next to the ones Rasa's `--cors` adds (sanic-cors), and browsers refuse a response with two
    Access-Control-Allow-Origin headers. Requests without an Origin (not from a browser) are let through."""
    handle_request = sio.eio.handle_request
    origins = allowed_origins()

    async def checked(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        origin = request.headers.get("origin")
        if origin and origins != "*" and origin.rstrip("/") not in origins:
            logger.info("socket.io request from origin %s refused (BOT_ALLOWED_ORIGINS)", origin)
            return response.json({"message": f"{origin} is not an accepted origin (BOT_ALLOWED_ORIGINS)"}, 400)
        return await handle_request(request, *args, **kwargs)

    sio.eio.handle_request = checked  # SocketBlueprint.register attaches this as the route


class WidgetOutput(SocketIOOutput):
    """Rasa's socket.io output (a bubble per paragraph, buttons on the last), with each bubble's text prepared for
    the widget's Markdown renderer (render.widget_markdown: its blank lines stay inside the bubble)."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in text.strip().split("\n\n"):
            await self._send_message(recipient_id, {"text": render.widget_markdown(part)})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = text.strip().split("\n\n") or [text]
        replies = [{"content_type": "text", "title": b["title"], "payload": b["payload"]} for b in buttons]
        for n, part in enumerate(parts):
            last = n == len(parts) - 1
            await self._send_message(
                recipient_id, {"text": render.widget_markdown(part), "quick_replies": replies if last else []}
            )


class SocketIOChannel(SocketIOInput):
    """Rasa's socket.io channel (same name, path and events); see the module docstring."""

    def get_output_channel(self) -> SocketIOOutput | None:
        return WidgetOutput(self.sio, self.bot_message_evt) if self.sio is not None else super().get_output_channel()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        refuse_other_origins(sio)

        async def tell(sid: str, text: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid)

        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                logger.warning("socket.io message from %s ignored: %s instead of an object", sid, json_type(data))
                return
            if self.session_persistence:
                try:
                    sender_id = check_sender(data.get("session_id"))
                except InvalidInput as exc:
                    logger.warning("socket.io message from %s ignored: session id: %s", sid, exc)
                    return
            else:
                sender_id = sid
            text = data.get("message")
            if text is None:  # rasa-webchat's initPayload: null
                text = ""
            if not isinstance(text, str):
                await tell(sid, "Sorry, I can only read text messages.")
                return
            limit = max_message_length()
            if len(text) > limit:
                await tell(sid, too_long_text(limit))
                return
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            message = UserMessage(
                clean_text(text),
                WidgetOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=metadata,
            )
            await on_new_message(message)

        async def session_request(sid: str, data: Any) -> None:
            """Like Rasa's, but a missing or unusable session id gets a fresh one instead of an exception."""
            session_id = data.get("session_id") if isinstance(data, dict) else None
            try:
                session_id = check_sender(session_id)
            except InvalidInput:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        # Replace Rasa's handlers of the same events.
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return bp
