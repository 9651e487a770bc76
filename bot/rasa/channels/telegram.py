"""Telegram: Rasa 3.6's Telegram channel with a configurable Bot API server, a secret-token check, inline keyboards.

credentials.yml names it `bot.rasa.channels.telegram.TelegramChannel`; its webhook is `/webhooks/telegram/webhook`.
What it adds to Rasa's own:
- `api_url`: the Bot API server (default https://api.telegram.org; a local telegram-bot-api server or a test fake
  works too, through aiogram's TelegramAPIServer);
- off without a token: the server starts and the webhook answers 503 saying what is missing;
- `secret_token`: registered with setWebhook at start-up (when `webhook_url` is set) and then required in every
  update's X-Telegram-Bot-Api-Secret-Token header; updates without it are refused (403) and never processed;
- the bot's username (`verify`) is checked once with getMe, not on every update; an update id is answered once;
- replies are Telegram HTML (escaped, no raw Markdown, charts in <pre>), buttons an inline keyboard; a press (a
  callback_query) is acknowledged with answerCallbackQuery, its payload becomes the user's message, and the
  pressed keyboard is replaced by the choice so an old question cannot be answered twice. Payloads longer than
  Telegram's 64-byte callback_data are sent as a short key and looked up again;
- /start, /help and /test map to the greeting, help and the career test.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.utils.exceptions import BadRequest, TelegramAPIError, ValidationError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa.channels import render
from bot.rasa.channels.rest import clean_text, max_message_length, too_long_text

logger = logging.getLogger(__name__)
DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_CHARS = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
MAX_TEXT = 3500  # Telegram allows 4096 characters after entity parsing; markup adds a little
MAX_CALLBACK_DATA = 64  # bytes
CHOSEN = "chosen"  # callback_data of the "✓ choice" button left on a pressed keyboard
COMMANDS = {"start": "/greet", "help": "/help", "test": "/start_quiz", "quiz": "/start_quiz"}
TEXT_ONLY = 'I can only read text. Ask me about a career ("what does a nurse do?") or say "help".'


class TelegramOutputChannel(TelegramOutput):
    """Sends replies through the Bot API server at `api_url`, as HTML with inline keyboards."""

    def __init__(self, access_token: str, api_url: str = DEFAULT_API_URL) -> None:
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_url or DEFAULT_API_URL))
        self._long_payloads: OrderedDict[str, str] = OrderedDict()

    async def _send(self, chat_id: str, text: str, reply_markup: dict | None = None) -> None:
        try:
            await self.send_message(
                chat_id,
                render.telegram_html(text),
                parse_mode="HTML",
                disable_web_page_preview=True,
                reply_markup=reply_markup,
            )
        except BadRequest as exc:
            if "parse entities" not in str(exc).lower():
                raise
            logger.warning("Telegram refused our HTML (%s); sending plain text", exc)
            await self.send_message(chat_id, render.plain(text), reply_markup=reply_markup)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for chunk in render.split_text(text, MAX_TEXT):
            await self._send(recipient_id, chunk)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        chunks = render.split_text(text, MAX_TEXT)
        for chunk in chunks[:-1]:
            await self._send(recipient_id, chunk)
        await self._send(recipient_id, chunks[-1], self.keyboard(buttons))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        if not image.startswith(("http://", "https://")):
            # Telegram cannot show a data: URL (the widget's SVG chart); the text carries the same facts.
            logger.debug("Not sending a non-HTTP image to Telegram")
            return
        await self.send_photo(recipient_id, image)

    def keyboard(self, buttons: list[dict[str, Any]]) -> dict:
        """An inline keyboard: short buttons share a row (at most 3, about 30 characters), long ones get their own."""
        rows: list[list[dict]] = []
        width = 0
        for button in buttons:
            title = render.label(button.get("title") or button.get("payload") or "?", 64)
            key = {"text": title}
            if button.get("url"):
                key["url"] = button["url"]
            else:
                key["callback_data"] = self.callback_data(str(button.get("payload") or title))
            if rows and len(rows[-1]) < 3 and width + len(title) <= 30:
                rows[-1].append(key)
                width += len(title)
            else:
                rows.append([key])
                width = len(title)
        return {"inline_keyboard": rows}

    def callback_data(self, payload: str) -> str:
        """The payload itself (compacted) when it fits in 64 bytes, else a short key remembered here."""
        intent, brace, rest = payload.partition("{")
        if brace:
            try:
                payload = intent + json.dumps(json.loads(brace + rest), separators=(",", ":"), ensure_ascii=False)
            except ValueError:
                pass
        if len(payload.encode()) <= MAX_CALLBACK_DATA:
            return payload
        key = "~" + hashlib.sha256(payload.encode()).hexdigest()[:24]
        self._long_payloads[key] = payload
        while len(self._long_payloads) > 10000:
            self._long_payloads.popitem(last=False)
        return key

    def payload_of(self, data: str) -> str | None:
        """What a pressed button means (None: a key from before a restart)."""
        return self._long_payloads.get(data) if data.startswith("~") else data


class TelegramChannel(TelegramInput):
    """Rasa's Telegram input channel, hardened (see the module docstring)."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(
            credentials.get("access_token") or "",
            credentials.get("verify") or "",
            credentials.get("webhook_url") or "",
            secret_token=credentials.get("secret_token") or "",
            api_url=credentials.get("api_url") or DEFAULT_API_URL,
        )

    def __init__(
        self,
        access_token: str,
        verify: str,
        webhook_url: str,
        secret_token: str = "",
        api_url: str = DEFAULT_API_URL,
    ) -> None:
        super().__init__(access_token, verify.lstrip("@"), webhook_url, debug_mode=False)
        self.secret_token = secret_token
        self.api_url = api_url or DEFAULT_API_URL
        self.off_reason = ""
        self.out: TelegramOutputChannel | None = None
        self.username: str | None = None
        self._seen_updates = render.Recent()
        if not access_token:
            self.off_reason = (
                "The Telegram channel is switched off: set TELEGRAM_TOKEN (see docs/channels.md, 'Telegram')."
            )
        else:
            try:
                self.out = TelegramOutputChannel(access_token, self.api_url)
            except ValidationError:
                self.off_reason = "The Telegram channel is switched off: TELEGRAM_TOKEN is not a bot token."
        if self.off_reason:
            logger.info(self.off_reason)
            return
        if secret_token and not SECRET_CHARS.match(secret_token):
            logger.warning("TELEGRAM_SECRET_TOKEN may only use A-Z, a-z, 0-9, _ and -: Telegram will refuse it")
        if not secret_token:
            logger.warning("TELEGRAM_SECRET_TOKEN is not set: anyone who finds the webhook URL can post updates")

    def get_output_channel(self) -> TelegramOutputChannel | None:  # type: ignore[override]
        return self.out

    def _client(self) -> TelegramOutputChannel:
        """The Bot API client, made when the webhook blueprint is built (before any update arrives)."""
        if self.out is None:
            raise RuntimeError("the Telegram channel has no client yet: its blueprint was not built")
        return self.out

    async def register_webhook(self) -> bool:
        """setWebhook with the secret token (aiogram 2.15 predates secret_token, so the raw method is called)."""
        if self.out is None or not self.webhook_url:
            return False
        params = {"url": self.webhook_url, "allowed_updates": json.dumps(["message", "callback_query"])}
        if self.secret_token:
            params["secret_token"] = self.secret_token
        try:
            await self.out.request("setWebhook", params)
        except TelegramAPIError as exc:
            logger.error("Telegram setWebhook failed for %s: %s", self.webhook_url, exc)
            return False
        logger.info("Telegram webhook set to %s", self.webhook_url)
        return True

    async def _verified(self) -> str:
        """'' when the token belongs to the bot named in `verify` (asked once), else why not."""
        if not self.verify:
            return ""
        if self.username is None:
            try:
                self.username = (await self._client().get_me()).username or ""
            except TelegramAPIError as exc:
                return f"could not check the Telegram token with getMe: {exc}"
        if self.username.lower() != self.verify.lower():
            return f"TELEGRAM_TOKEN belongs to @{self.username}, not to TELEGRAM_VERIFY=@{self.verify}"
        return ""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.listener("after_server_start")
        async def start(_app: Any, _loop: Any) -> None:
            if self.out is not None:
                problem = await self._verified()
                if problem:
                    logger.error(problem)
                await self.register_webhook()

        @telegram_webhook.listener("before_server_stop")
        async def stop(_app: Any, _loop: Any) -> None:
            if self.out is not None and self.out._session is not None:
                await self.out._session.close()

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "off" if self.off_reason else "ok"})

        @telegram_webhook.route("/set_webhook", methods=["GET", "POST"])
        async def set_webhook(_: Request) -> HTTPResponse:
            if self.off_reason:
                return response.json({"error": self.off_reason}, status=HTTPStatus.SERVICE_UNAVAILABLE)
            if not self.webhook_url:
                return response.json({"error": "TELEGRAM_WEBHOOK_URL is not set"}, status=HTTPStatus.BAD_REQUEST)
            ok = await self.register_webhook()
            return response.json({"webhook_set": ok}, status=HTTPStatus.OK if ok else HTTPStatus.BAD_GATEWAY)

        @telegram_webhook.route("/webhook", methods=["GET", "POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if self.off_reason:
                return response.json({"error": self.off_reason}, status=HTTPStatus.SERVICE_UNAVAILABLE)
            if request.method != "POST":
                return response.json({"error": "Telegram posts updates here"}, status=HTTPStatus.METHOD_NOT_ALLOWED)
            if self.secret_token and not hmac.compare_digest(
                (request.headers.get(SECRET_HEADER) or "").encode(), self.secret_token.encode()
            ):
                logger.warning("Refused a Telegram update without the right %s header", SECRET_HEADER)
                return response.json({"error": f"missing or wrong {SECRET_HEADER}"}, status=HTTPStatus.FORBIDDEN)
            try:
                update = json.loads(request.body)
                update_id = int(update["update_id"])
            except (ValueError, KeyError, TypeError):
                return response.json({"error": "not a Telegram update"}, status=HTTPStatus.BAD_REQUEST)
            problem = await self._verified()
            if problem:
                return response.json({"error": problem}, status=HTTPStatus.SERVICE_UNAVAILABLE)
            if not self._seen_updates.add(str(update_id)):
                return response.text("already handled")
            try:
                await self._handle(update, on_new_message)
            except Exception:  # answering 200 anyway: Telegram would resend an update we cannot handle
                logger.exception("Failed to handle Telegram update %s", update_id)
            return response.text("success")

        return telegram_webhook

    async def _handle(self, update: dict, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        assert self.out is not None
        if update.get("callback_query"):
            query = update["callback_query"]
            message = query.get("message") or {}
            data = query.get("data") or ""
            await self._acknowledge(query)
            if data == CHOSEN or not message.get("chat"):
                return
            chosen = pressed_title(message, data)
            text = self.out.payload_of(data) or chosen or data
            await self._mark_choice(message, chosen)
            chat, user = message["chat"], query.get("from") or {}
        elif update.get("message"):
            message = update["message"]
            chat, user = message.get("chat") or {}, message.get("from") or {}
            if message.get("text") is None:  # a sticker, photo, voice note...
                await self.out.send_message(chat["id"], TEXT_ONLY)
                return
            limit = max_message_length()
            if len(message["text"]) > limit:  # as in the REST and socket.io channels: answered, never parsed
                await self.out.send_message(chat["id"], too_long_text(limit))
                return
            text = self._command(clean_text(message["text"]))
        else:  # edited messages, channel posts, ...: not answered
            return
        metadata = {
            "chat_id": chat.get("id"),
            "chat_type": chat.get("type"),
            "user_id": user.get("id"),
            "message_id": message.get("message_id"),
        }
        for said in [text, "/greet"] if text == "/restart" else [text]:
            await on_new_message(UserMessage(said, self.out, chat["id"], input_channel=self.name(), metadata=metadata))

    def _command(self, text: str) -> str:
        """Telegram commands (/start, /help@our_bot ...) to our intents; other text as typed, mention removed."""
        if self.username:
            text = re.sub(rf"@{re.escape(self.username)}\b", "", text, flags=re.I)
        match = re.match(r"^/([a-z_]+)(?:\s|$)", text.strip())
        if match and match.group(1) in COMMANDS:
            return COMMANDS[match.group(1)]
        return text.strip()

    async def _acknowledge(self, query: dict) -> None:
        """Stop the client's spinner on the pressed button (Telegram expects an answer to every callback_query)."""
        try:
            await self._client().answer_callback_query(query["id"])
        except TelegramAPIError as exc:  # e.g. "query is too old": the press is still handled
            logger.info("answerCallbackQuery failed: %s", exc)

    async def _mark_choice(self, message: dict, chosen: str | None) -> None:
        """Leave only "✓ <choice>" on the pressed message's keyboard."""
        try:
            await self._client().edit_message_reply_markup(
                message["chat"]["id"],
                message["message_id"],
                reply_markup={"inline_keyboard": [[{"text": f"✓ {chosen or 'Chosen'}", "callback_data": CHOSEN}]]},
            )
        except TelegramAPIError as exc:
            logger.info("Could not mark the pressed Telegram button: %s", exc)


def pressed_title(message: dict, data: str) -> str | None:
    """The title of the button whose callback_data is `data`, from the message's own keyboard."""
    for row in (message.get("reply_markup") or {}).get("inline_keyboard") or []:
        for key in row:
            if key.get("callback_data") == data:
                return key.get("text")
    return None
