"""A fake Telegram: the Bot API methods the bot calls, and the updates Telegram posts to the bot's webhook.

Bot API (https://core.telegram.org/bots/api), served at `<url>/bot<token>/<method>` like https://api.telegram.org
(the layout a local telegram-bot-api server uses too):
- getMe, setWebhook, getWebhookInfo, deleteWebhook, sendMessage, sendPhoto, answerCallbackQuery,
  editMessageReplyMarkup: `{"ok": true, "result": ...}` with real Message/User objects, or Telegram's errors
  (401 Unauthorized, 404 method not found, 400 "Bad Request: ..." for empty or too long text, HTML that does not
  parse, callback_data over 64 bytes, unknown callback query ids, editing a message that does not exist).
Towards the bot: updates (message, callback_query) posted to the webhook registered with setWebhook, with the
registered secret in X-Telegram-Bot-Api-Secret-Token, refusing update kinds the webhook did not ask for.
"""

from __future__ import annotations

import html.parser
import itertools
import json
import time
from typing import Any

from tests.fakes.base import Call, FakeAPI, post

BOT_ID = 7000000001
HTML_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
}
ENTITY_OF = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "blockquote": "blockquote",
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _TelegramHTML(html.parser.HTMLParser):
    """Telegram's HTML parse mode: a few tags, properly nested, entities for the rest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.entities: list[dict] = []
        self.stack: list[tuple[str, int, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in HTML_TAGS:
            raise ValueError(f'Unsupported start tag "{tag}" at byte offset {len(self.text.encode())}')
        self.stack.append((tag, utf16_len(self.text), dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            raise ValueError(f'Unmatched end tag at byte offset {len(self.text.encode())}, expected "</{tag}>"')
        tag, start, attrs = self.stack.pop()
        entity = {"type": ENTITY_OF[tag], "offset": start, "length": utf16_len(self.text) - start}
        if tag == "a":
            entity["url"] = attrs.get("href", "")
        if entity["length"]:
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        if "<" in data:
            raise ValueError(f"Unsupported start tag at byte offset {len(self.text.encode())}")
        self.text += data


def parse_html(text: str) -> tuple[str, list[dict]]:
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise ValueError(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1][0]}"')
    return parser.text, parser.entities


class BadRequest(Exception):
    """A Bot API error answer."""

    def __init__(self, description: str, code: int = 400) -> None:
        super().__init__(description)
        self.code = code


class TelegramFake(FakeAPI):
    """The Bot API the bot calls, plus the updates Telegram sends to the bot's webhook."""

    def __init__(
        self, token: str = "123456789:AAFakeTokenForTests_0123456789abcdef", username: str = "careers_test_bot"
    ):
        super().__init__()
        self.token = token
        self.username = username
        self.webhook: dict[str, Any] = {}
        self.sent: dict[int, dict] = {}  # message_id -> the bot's message as Telegram stores it
        self.open_queries: set[str] = set()
        self._message_ids = itertools.count(100)
        self._update_ids = itertools.count(500000)
        self._query_ids = itertools.count(9000000000)

    @property
    def bot(self) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Careers", "username": self.username}

    # The Bot API ---------------------------------------------------------------------------------------------

    def handle(self, path: str, params: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict, str]:
        token, _, method = path.removeprefix("/bot").partition("/")
        if not path.startswith("/bot") or token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}, method
        handler = getattr(self, f"_{method.lower()}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}, method
        try:
            return 200, {"ok": True, "result": handler(params)}, method
        except BadRequest as err:
            return err.code, {"ok": False, "error_code": err.code, "description": str(err)}, method

    def _getme(self, params: dict) -> dict:
        return {
            **self.bot,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _setwebhook(self, params: dict) -> bool:
        url = params.get("url", "")
        if url and not url.startswith(("http://", "https://")):  # a local Bot API server also accepts http
            raise BadRequest("Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
        secret = params.get("secret_token")
        if secret is not None and not (1 <= len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)):
            raise BadRequest("Bad Request: secret token contains unallowed characters")
        allowed = params.get("allowed_updates")
        self.webhook = {
            "url": url,
            "secret_token": secret,
            "allowed_updates": json.loads(allowed) if isinstance(allowed, str) else allowed,
        }
        return True

    def _deletewebhook(self, params: dict) -> bool:
        self.webhook = {}
        return True

    def _getwebhookinfo(self, params: dict) -> dict:
        info = {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}
        if self.webhook.get("allowed_updates"):
            info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    def _message(self, params: dict, **content: Any) -> dict:
        chat_id = params.get("chat_id")
        if chat_id in (None, ""):
            raise BadRequest("Bad Request: chat_id is empty")
        markup = params.get("reply_markup")
        markup = json.loads(markup) if isinstance(markup, str) else markup
        if markup:
            self._check_markup(markup)
        chat_id = int(chat_id)
        message = {
            "message_id": next(self._message_ids),
            "from": self.bot,
            "chat": {"id": chat_id, "first_name": "Test", "type": "private" if chat_id > 0 else "group"},
            "date": int(time.time()),
            **content,
        }
        if markup:
            message["reply_markup"] = markup
        self.sent[message["message_id"]] = message
        return message

    @staticmethod
    def _check_markup(markup: dict) -> None:
        for row in markup.get("inline_keyboard", []):
            for key in row:
                if not key.get("text"):
                    raise BadRequest(
                        "Bad Request: can't parse inline keyboard button: Text buttons are unallowed "
                        "in the inline keyboard"
                    )
                data = key.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise BadRequest("Bad Request: BUTTON_DATA_INVALID")
                if data is None and not key.get("url"):
                    raise BadRequest(
                        "Bad Request: can't parse inline keyboard button: InlineKeyboardButton must "
                        "have exactly one of the optional fields"
                    )

    def _sendmessage(self, params: dict) -> dict:
        text = params.get("text") or ""
        entities: list[dict] = []
        if params.get("parse_mode", "").upper() == "HTML":
            try:
                text, entities = parse_html(text)
            except ValueError as err:
                raise BadRequest(f"Bad Request: can't parse entities: {err}") from None
        elif params.get("parse_mode"):
            raise BadRequest(f"Bad Request: unsupported parse_mode {params['parse_mode']!r} in this fake")
        if not text.strip():
            raise BadRequest("Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise BadRequest("Bad Request: message is too long")
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        return self._message(params, **content)

    def _sendphoto(self, params: dict) -> dict:
        if not params.get("photo"):
            raise BadRequest("Bad Request: there is no photo in the request")
        photo = params["photo"]
        if isinstance(photo, str) and not photo.startswith(("http://", "https://")) and len(photo) > 200:
            raise BadRequest("Bad Request: wrong remote file identifier specified: Wrong padding in the string")
        size = {"file_id": "AgACfake", "file_unique_id": "AQADfake", "width": 290, "height": 170, "file_size": 4000}
        return self._message(params, photo=[size])

    def _answercallbackquery(self, params: dict) -> bool:
        query_id = params.get("callback_query_id")
        if query_id not in self.open_queries:
            raise BadRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
        self.open_queries.discard(query_id)
        return True

    def _editmessagereplymarkup(self, params: dict) -> dict:
        message = self.sent.get(int(params.get("message_id") or 0))
        if message is None or str(message["chat"]["id"]) != str(params.get("chat_id")):
            raise BadRequest("Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        markup = json.loads(markup) if isinstance(markup, str) else markup
        if markup == message.get("reply_markup"):
            raise BadRequest(
                "Bad Request: message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message"
            )
        if markup:
            self._check_markup(markup)
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())
        return message

    # What the bot sent -----------------------------------------------------------------------------------------

    def messages_to(self, chat_id: int) -> list[dict]:
        """The bot's messages in a chat (sendMessage / sendPhoto results), in order."""
        return [
            c.response["result"]
            for c in self.calls
            if c.method in ("sendMessage", "sendPhoto")
            and c.response.get("ok")
            and c.response["result"]["chat"]["id"] == chat_id
        ]

    # Updates Telegram sends to the bot -----------------------------------------------------------------------

    def user(self, chat_id: int) -> dict:
        return {
            "id": chat_id,
            "is_bot": False,
            "first_name": "Test",
            "username": f"user{chat_id}",
            "language_code": "en",
        }

    def message_update(self, chat_id: int, text: str | None = None, **other: Any) -> dict:
        """An update with a user's message (text, or other content such as a sticker)."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": self.user(chat_id),
            "chat": {"id": chat_id, "first_name": "Test", "username": f"user{chat_id}", "type": "private"},
            "date": int(time.time()),
            **other,
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(text.split()[0])}]
        return {"update_id": next(self._update_ids), "message": message}

    def callback_update(self, chat_id: int, message_id: int, data: str) -> dict:
        """A press on an inline button of one of the bot's messages."""
        message = self.sent[message_id]
        query_id = str(next(self._query_ids))
        self.open_queries.add(query_id)
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": query_id,
                "from": self.user(chat_id),
                "message": json.loads(json.dumps(message)),
                "chat_instance": f"-{chat_id}",
                "data": data,
            },
        }

    def deliver(self, update: dict, secret: str | None | bool = True) -> tuple[int, dict[str, str], bytes]:
        """POST an update to the registered webhook, with the registered secret (True), none (None) or another."""
        assert self.webhook.get("url"), "the bot never called setWebhook"
        kind = next(k for k in update if k != "update_id")
        allowed = self.webhook.get("allowed_updates")
        assert not allowed or kind in allowed, f"the webhook did not ask for {kind} updates"
        headers = {"Content-Type": "application/json"}
        token = self.webhook.get("secret_token") if secret is True else secret
        if token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = token
        return post(self.webhook["url"], json.dumps(update).encode(), headers)

    def calls_since(self, n: int) -> list[Call]:
        return self.calls[n:]
