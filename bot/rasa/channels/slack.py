"""Slack: Rasa 3.6's Slack channel with a configurable Web API URL, replies rendered as blocks, retries answered once.

credentials.yml names it `bot.rasa.channels.slack.SlackChannel`; its webhook is `/webhooks/slack/webhook`, used both as
the Events API request URL and as the interactivity request URL (button clicks). What it adds to Rasa's own:
- `api_url`: the Web API base (default https://slack.com/api/), so a Slack-compatible server or a test fake works;
- off without a token or signing secret: the server starts, the webhook answers 503 saying what is missing;
- every request's v0 signature is checked (HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret;
  timestamps more than 5 minutes away are refused); refused requests are never processed;
- an event is answered once: Slack retries (X-Slack-Retry-Num) and the twin `message`/`app_mention` events of one
  message are recognised by event id and by channel + timestamp;
- replies are mrkdwn section blocks (escaped, no raw Markdown, charts in code blocks), buttons an actions block; a
  click (a block_actions payload) becomes the button's payload as the user's message, and the clicked message's
  buttons are replaced by the choice (chat.update), so an old question cannot be answered twice.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.rasa.channels import render
from bot.rasa.channels.rest import clean_text, max_message_length, too_long_text

logger = logging.getLogger(__name__)
DEFAULT_API_URL = "https://slack.com/api/"
MAX_BLOCKS = 50  # per message
MAX_BUTTONS = 25  # per actions block
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ANSWERED_SUBTYPES = {None, "thread_broadcast", "file_share"}  # other subtypes are edits, joins, bot posts...


class SlackOutput(SlackBot):
    """Posts replies through the Web API at `api_url` as blocks."""

    def __init__(
        self,
        token: str,
        slack_channel: str | None = None,
        thread_id: str | None = None,
        proxy: str | None = None,
        api_url: str = DEFAULT_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, base_url=api_url or DEFAULT_API_URL, proxy=proxy)

    async def _post_blocks(self, channel: str, fallback: str, blocks: list[dict]) -> None:
        """One message, or several when a long text needs more than Slack's 50 blocks."""
        fallback = fallback[:3000] or " "
        for start in range(0, len(blocks), MAX_BLOCKS):
            await self._post_message(channel=channel, text=fallback, blocks=blocks[start : start + MAX_BLOCKS])

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post_blocks(self.slack_channel or recipient_id, render.plain(text), render.slack_blocks(text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        elements = [button_element(n, b) for n, b in enumerate(buttons)]
        actions = [
            {"type": "actions", "elements": elements[i : i + MAX_BUTTONS]} for i in range(0, len(elements), MAX_BUTTONS)
        ]
        fallback = "\n".join(p for p in (render.plain(text), render.options_line(buttons)) if p)
        await self._post_blocks(self.slack_channel or recipient_id, fallback, render.slack_blocks(text) + actions)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        if not image.startswith(("http://", "https://")):
            # Slack only shows images it can fetch; a data: URL (the widget's SVG chart) would show as a blob.
            logger.debug("Not sending a non-HTTP image to Slack")
            return
        block = {"type": "image", "image_url": image, "alt_text": "image"}
        await self._post_message(channel=self.slack_channel or recipient_id, text="image", blocks=[block])

    async def mark_choice(self, channel: str, message: dict, title: str) -> None:
        """Replace a clicked message's buttons with the choice made (Slack keeps old buttons clickable)."""
        blocks = [b for b in message.get("blocks") or [] if b.get("type") != "actions"]
        choice = {"type": "mrkdwn", "text": f"✓ {render.slack_escape(title)}", "verbatim": True}
        blocks.append({"type": "context", "elements": [choice]})
        await self.client.chat_update(
            channel=channel, ts=message["ts"], text=message.get("text") or title, blocks=blocks
        )


def button_element(n: int, button: dict[str, Any]) -> dict:
    """A Block Kit button; its value is the Rasa payload (e.g. `/ask_duties{"career": "nurse"}`)."""
    title = render.label(button.get("title") or button.get("payload") or "?", BUTTON_TEXT)
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": title, "emoji": True},
        "action_id": f"choice_{n}",
    }
    if button.get("url"):
        element["url"] = button["url"]
        return element
    value = str(button.get("payload") or button.get("title") or "")
    element["value"] = value if len(value) <= BUTTON_VALUE else title  # the title works as free text
    return element


class SlackChannel(SlackInput):
    """Rasa's Slack input channel, hardened (see the module docstring)."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(
            slack_token=credentials.get("slack_token") or "",
            slack_channel=credentials.get("slack_channel") or None,
            proxy=credentials.get("proxy") or None,
            use_threads=bool(credentials.get("use_threads", False)),
            slack_signing_secret=credentials.get("slack_signing_secret") or "",
            conversation_granularity=credentials.get("conversation_granularity") or "sender",
            api_url=credentials.get("api_url") or DEFAULT_API_URL,
        )

    def __init__(self, slack_token: str, *args: Any, api_url: str = DEFAULT_API_URL, **kwargs: Any) -> None:
        self.api_url = api_url or DEFAULT_API_URL
        super().__init__(slack_token, *args, **kwargs)
        missing = [
            name
            for name, value in (("SLACK_TOKEN", self.slack_token), ("SLACK_SIGNING_SECRET", self.slack_signing_secret))
            if not value
        ]
        self.off_reason = (
            f"The Slack channel is switched off: set {' and '.join(missing)} (see docs/channels.md, 'Slack')."
            if missing
            else ""
        )
        if self.off_reason:
            logger.info(self.off_reason)
        self._seen_events = render.Recent()
        self._seen_messages = render.Recent()

    def _validate_credentials(self) -> None:
        """Rasa's version refuses to start without a signing secret; here the channel only switches off."""

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "off" if self.off_reason else "ok"})

        @slack_webhook.route("/webhook", methods=["GET", "POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if self.off_reason:
                return response.json({"error": self.off_reason}, status=HTTPStatus.SERVICE_UNAVAILABLE)
            if request.method != "POST":
                return response.json({"error": "Slack posts events here"}, status=HTTPStatus.METHOD_NOT_ALLOWED)
            if not self.is_request_from_slack_authentic(request):
                logger.warning("Refused a Slack request with a missing, wrong or expired signature")
                return response.json(
                    {"error": "missing, invalid or expired X-Slack-Signature / X-Slack-Request-Timestamp"},
                    status=HTTPStatus.UNAUTHORIZED,
                )
            kind = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            try:
                if kind == "application/json":
                    return await self._on_event(request, on_new_message)
                if kind == "application/x-www-form-urlencoded":
                    return await self._on_interaction(request, on_new_message)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                return response.json({"error": f"malformed Slack request: {exc}"}, status=HTTPStatus.BAD_REQUEST)
            return response.json({"error": f"unsupported content type {kind!r}"}, status=415)

        return slack_webhook

    async def _on_event(self, request: Request, on_new_message: Callable) -> HTTPResponse:
        body = json.loads(request.body)
        if body.get("type") == "url_verification":
            return response.json({"challenge": body.get("challenge")})
        event = body.get("event") or {}
        event_id = body.get("event_id")
        if event_id and not self._seen_events.add(event_id):
            logger.info(
                "Slack retry #%s (%s) of event %s: already handled",
                request.headers.get("X-Slack-Retry-Num"),
                request.headers.get("X-Slack-Retry-Reason"),
                event_id,
            )
            return response.text("already handled", headers={"X-Slack-No-Retry": "1"})
        if not self._is_user_message(body) or event.get("subtype") not in ANSWERED_SUBTYPES:
            return response.text("not a user message")
        metadata = self._event_metadata(body)
        if not self._is_supported_channel(body, metadata):
            return response.text("channel not supported")
        # A mention in a channel the app reads arrives twice (message + app_mention): answer it once.
        if not self._seen_messages.add(f"{event.get('channel')}:{event.get('ts')}"):
            return response.text("already handled")
        text = from_slack_markup(self._sanitize_user_message(event["text"], metadata["users"]))
        sender = self._get_conversation_id(event.get("user"), metadata["out_channel"], metadata["thread_id"])
        self._dispatch(on_new_message, text, sender, metadata)
        return response.text("")

    async def _on_interaction(self, request: Request, on_new_message: Callable) -> HTTPResponse:
        payload = json.loads(request.form.get("payload") or "{}")
        if payload.get("type") not in ("block_actions", "interactive_message") or not self._is_interactive_message(
            payload
        ):
            return response.text("")
        action = payload["actions"][0]
        text = self._get_interactive_response(action)
        if text is None:  # a link button: Slack opens the link, nothing to say
            return response.text("")
        user = payload["user"]["id"]
        channel = (payload.get("channel") or {}).get("id") or (payload.get("container") or {}).get("channel_id")
        message = payload.get("message") or {}
        thread_id = message.get("thread_ts", message.get("ts"))
        metadata = {"out_channel": channel, "thread_id": thread_id, "users": [user]}
        sender = self._get_conversation_id(user, channel, thread_id)
        clicked = None
        if action.get("type") == "button" and channel and message.get("ts"):
            clicked = (channel, message, (action.get("text") or {}).get("text") or text)
        self._dispatch(on_new_message, text, sender, metadata, clicked)
        return response.text("")

    @staticmethod
    def _event_metadata(body: dict) -> dict[str, Any]:
        event = body.get("event") or {}
        users = list(body.get("authed_users") or [])
        if not users and body.get("authorizations"):
            users.append(body["authorizations"][0].get("user_id"))
        return {
            "out_channel": event.get("channel"),
            "thread_id": event.get("thread_ts", event.get("ts")),
            "users": users,
        }

    def _dispatch(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender: str | None,
        metadata: dict,
        clicked: tuple[str, dict, str] | None = None,
    ) -> None:
        """Answer in the background: Slack wants its acknowledgement within 3 seconds."""
        out = self.get_output_channel(metadata["out_channel"], metadata["thread_id"] if self.use_threads else None)

        async def run() -> None:
            if clicked is not None:
                try:
                    await out.mark_choice(*clicked)
                except Exception as exc:  # the answer matters more than the tidy-up
                    logger.warning("Could not mark the clicked Slack button: %s", exc)
            try:
                limit = max_message_length()
                if len(text) > limit:  # as in the REST and socket.io channels: answered, never parsed
                    await out.send_text_message(metadata["out_channel"] or sender, too_long_text(limit))
                    return
                message = UserMessage(clean_text(text), out, sender, input_channel=self.name(), metadata=metadata)
                await on_new_message(message)
            except Exception:
                logger.exception("Failed to handle a Slack message")

        task = asyncio.create_task(run())
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)


def from_slack_markup(text: str) -> str:
    """Slack's own markup in user text, back to what the user typed."""
    text = re.sub(r"<#[A-Z0-9]+\|([^>]*)>", r"#\1", text)
    text = re.sub(r"<@[A-Z0-9]+(?:\|([^>]*))?>", lambda m: "@" + (m.group(1) or "someone"), text)
    text = re.sub(r"<!(here|channel|everyone)[^>]*>", r"@\1", text)
    text = re.sub(r"<((?:https?|mailto):[^>|]+)>", r"\1", text)
    return html.unescape(text).strip()
