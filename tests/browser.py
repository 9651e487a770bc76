"""Driving the chat page (web/index.html with rasa-webchat) in Debian's headless Chromium through Playwright.

Playwright's own browser download is never used (`playwright install` needs a host we cannot reach): it drives
/usr/bin/chromium. Every request to a host other than this machine is aborted and recorded, so an outside
resource (the widget asks for a web font) can neither slow a test down nor go unnoticed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, Route

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
WAIT_MS = 90_000  # a reply on a loaded 2-core machine (several servers at once) can take many seconds

# Collects Content-Security-Policy violations and dialogs the page raises, from before any page script runs.
_INIT_SCRIPT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium; Playwright gives each launch a fresh temporary profile (user data dir)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@dataclass
class ChatPage:
    """One browser context (its own localStorage, so its own conversation) showing the chat page."""

    context: BrowserContext
    page: Page
    url: str
    outside_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, browser: Browser, url: str, **context_options) -> ChatPage:
        context = browser.new_context(**context_options)
        context.set_default_timeout(WAIT_MS)
        chat = cls(context, context.new_page(), url)
        context.route("**/*", chat._only_loopback)
        context.add_init_script(_INIT_SCRIPT)
        chat.page.on("dialog", chat._on_dialog)
        chat.load()
        return chat

    def _only_loopback(self, route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            self.outside_requests.append(route.request.url)
            route.abort()

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def load(self) -> None:
        self.page.goto(self.url, wait_until="domcontentloaded")
        self.wait_connected()

    def reload(self) -> None:
        self.page.reload(wait_until="domcontentloaded")
        self.wait_connected()

    def wait_connected(self) -> None:
        self.page.locator('#status[data-state="connected"]').wait_for()
        self.page.locator(".rw-new-message").wait_for()

    def close(self) -> None:
        self.context.close()

    # --- the conversation -------------------------------------------------------------------------------------

    def bot_messages(self) -> list[str]:
        return self.page.locator(".rw-response").all_inner_texts()

    def user_messages(self) -> list[str]:
        return self.page.locator(".rw-client").all_inner_texts()

    def say(self, text: str) -> None:
        box = self.page.locator(".rw-new-message")
        box.fill(text)
        box.press("Enter")
        self.page.locator(".rw-client", has_text=_first_line(text)).last.wait_for()

    def wait_for_bot(self, pattern: str | re.Pattern[str], after: int = 0) -> str:
        """The text of the first bot message at index >= `after` that matches; waits until one arrives."""
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(re.escape(pattern))
        handle = self.page.wait_for_function(
            """([source, flags, after]) => {
                const re = new RegExp(source, flags);
                const texts = [...document.querySelectorAll(".rw-response")].map(e => e.innerText);
                return texts.slice(after).find(t => re.test(t)) || null;
            }""",
            arg=[regex.pattern, "i" if regex.flags & re.I else "", after],
            timeout=WAIT_MS,
        )
        return handle.json_value()

    def replies(self) -> list[str]:
        """The titles of the quick-reply buttons on screen (the widget shows them under the latest message only)."""
        return [t.strip() for t in self.page.locator(".rw-reply").all_inner_texts()]

    def reply(self, title: str) -> Locator:
        """The quick-reply button with exactly this title."""
        return self.page.locator(".rw-reply").filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))

    def click_reply(self, title: str) -> None:
        self.reply(title).click()
        self.page.locator(".rw-client", has_text=title).last.wait_for()

    def session_id(self) -> str:
        """The sender id Rasa knows this conversation by (rasa-webchat keeps it in localStorage)."""
        raw = self.page.evaluate("localStorage.getItem('chat_session')")
        return json.loads(raw)["session_id"]

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"widget-{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:60]
