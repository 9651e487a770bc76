"""Turning the assistant's plain text (with the odd bit of Markdown from career pages) into each medium's markup.

The actions write one text for every channel. Slack wants mrkdwn with &, < and > escaped; Telegram wants HTML
(parse_mode=HTML); neither should show raw `**bold**`, `[label](url)` or `- ` bullets. Text bar charts (the career
test's scores) go into a monospace block so their bars line up, and source paths such as
`knowledge/careers/nurse.md#duties` become code so chat apps do not turn "nurse.md" into a link to a web site.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Callable

CHART_LINE = re.compile(r"[█▓▒░]{3,}")
INLINE = re.compile(
    r"`(?P<code>[^`\n]+)`"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)"
    r"|\*\*(?P<bold>[^*\n]+?)\*\*|__(?P<bold2>[^_\n]+?)__"
    r"|(?<![\w*])\*(?P<em>[^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])"
    r"|(?P<path>(?<![\w/])[\w.-]+(?:/[\w.-]+)*\.md(?:#[\w-]+)?)"
)
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)[-*+]\s+")


def segments(text: str) -> list[tuple[str, str]]:
    """The text cut into runs of ordinary lines ("text") and of text-chart lines ("pre"), in order."""
    out: list[tuple[str, list[str]]] = []
    for line in text.strip("\n").split("\n"):
        kind = "pre" if CHART_LINE.search(line) else "text"
        if out and out[-1][0] == kind:
            out[-1][1].append(line)
        else:
            out.append((kind, [line]))
    return [(kind, "\n".join(lines).strip("\n")) for kind, lines in out if "".join(lines).strip()]


def split_text(text: str, limit: int) -> list[str]:
    """Cut a long text at line breaks (hard cuts only for a single line over the limit)."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        chunks.append(current)
    return [c for c in chunks if c.strip()] or [""]


def _inline(
    text: str,
    esc: Callable[[str], str],
    code: Callable[[str], str],
    link: Callable[[str, str], str],
    bold: Callable[[str], str],
    em: Callable[[str], str],
) -> str:
    out, pos = [], 0
    for m in INLINE.finditer(text):
        out.append(esc(text[pos : m.start()]))
        if m["code"] is not None:
            out.append(code(m["code"]))
        elif m["url"] is not None:
            out.append(link(m["label"], m["url"]))
        elif m["bold"] is not None or m["bold2"] is not None:
            out.append(bold(m["bold"] or m["bold2"]))
        elif m["em"] is not None:
            out.append(em(m["em"]))
        else:
            out.append(code(m["path"]))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def _lines(body: str, heading: Callable[[str], str], inline: Callable[[str], str]) -> str:
    lines = []
    for line in body.split("\n"):
        h = HEADING.match(line)
        if h:
            lines.append(heading(inline(h.group(1))))
            continue
        b = BULLET.match(line)
        if b:
            line = b.group(1) + "• " + line[b.end() :]
        lines.append(inline(line))
    return "\n".join(lines)


# Slack ---------------------------------------------------------------------------------------------------------


def slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_inline(text: str) -> str:
    return _inline(
        text,
        slack_escape,
        code=lambda s: f"`{slack_escape(s)}`",
        link=lambda label, url: f"<{slack_escape(url)}|{slack_escape(label).replace('|', '¦')}>",
        bold=lambda s: f"*{slack_escape(s)}*",
        em=lambda s: f"_{slack_escape(s)}_",
    )


def slack_mrkdwn(text: str) -> list[str]:
    """One mrkdwn string per paragraph or chart (each becomes a section block)."""
    parts: list[str] = []
    for kind, body in segments(text):
        if kind == "pre":
            parts.append(f"```{slack_escape(body)}```")
            continue
        for para in re.split(r"\n\s*\n", body):
            if para.strip():
                parts.append(_lines(para, lambda s: f"*{s}*", _slack_inline))
    return parts


def slack_blocks(text: str) -> list[dict]:
    """Section blocks (mrkdwn, verbatim: no auto-linking) for a text; each at most Slack's 3000 characters."""
    blocks = []
    for part in slack_mrkdwn(text):
        for chunk in split_text(part, 3000):
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk, "verbatim": True}})
    return blocks


# The website widget (rasa-webchat renders Markdown itself) --------------------------------------------------------

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
INTRAWORD_STAR = re.compile(r"(?<=\w)\*(?=\w)")


def widget_markdown(text: str) -> str:
    """The text as the widget's Markdown renderer should see it: "O*NET ... O*NET" is no emphasis (it set the words
    between two of them in italics), and a line after a list is not part of its last item (a blank line ends the
    list: a new paragraph in the same bubble)."""
    lines = INTRAWORD_STAR.sub(r"\*", text).split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        if n and line.strip() and not LIST_ITEM.match(line) and LIST_ITEM.match(lines[n - 1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


# Plain text (Slack's notification fallback, Telegram when HTML is refused) ---------------------------------------


def plain(text: str) -> str:
    body = "\n".join(b for _, b in segments(text))
    return _lines(
        body,
        heading=lambda s: s,
        inline=lambda t: _inline(
            t, lambda s: s, lambda s: s, lambda label, url: f"{label} ({url})", lambda s: s, lambda s: s
        ),
    )


# Telegram ------------------------------------------------------------------------------------------------------


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _telegram_inline(text: str) -> str:
    return _inline(
        text,
        _html,
        code=lambda s: f"<code>{_html(s)}</code>",
        link=lambda label, url: f'<a href="{html.escape(url)}">{_html(label)}</a>',
        bold=lambda s: f"<b>{_html(s)}</b>",
        em=lambda s: f"<i>{_html(s)}</i>",
    )


def telegram_html(text: str) -> str:
    """Telegram HTML (parse_mode=HTML) for a text."""
    parts = []
    for kind, body in segments(text):
        if kind == "pre":
            parts.append(f"<pre>{_html(body)}</pre>")
        else:
            parts.append(_lines(body, lambda s: f"<b>{s}</b>", _telegram_inline))
    return "\n".join(parts)


# Buttons and de-duplication --------------------------------------------------------------------------------------


def label(title: str, limit: int) -> str:
    """A button title cut to the medium's limit."""
    title = " ".join(str(title).split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def options_line(buttons: list[dict]) -> str:
    """The buttons as words, for places that show no buttons (notifications, plain-text clients)."""
    titles = [str(b.get("title", "")).strip() for b in buttons if b.get("title")]
    return ("Options: " + " · ".join(titles)) if titles else ""


class Recent:
    """A bounded set of ids already seen (Slack event ids, Telegram update ids), oldest forgotten first."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._seen: OrderedDict[str, None] = OrderedDict()

    def add(self, key: str) -> bool:
        """Remember `key`; True if it was new."""
        if key in self._seen:
            return False
        self._seen[key] = None
        while len(self._seen) > self.size:
            self._seen.popitem(last=False)
        return True

    def __contains__(self, key: object) -> bool:
        return key in self._seen
