"""`python -m bot.rasa.shell_console shell <rasa shell args>`: `rasa shell` with answers a person can read whole.

Rasa 3.6's console (rasa/core/channels/console.py) shows a message that has buttons as the *title* of a
questionary selection list, and prompt_toolkit cuts every line of that title at the terminal's width: the end of
a long answer, often its source line, never appears. Here every message is printed as ordinary text, wrapped to
the terminal's width at spaces (blank lines kept; a bullet's or a numbered line's continuation indented under
its text), and the selection list below it gets a short prompt of its own. Arrow keys, Enter and the last entry,
"Type out your own message...", work as before.

When stdin or stdout is not a terminal (`python -m bot shell | tee shell.log`, or questions from a file) there
is no selection list and no escape code: messages are printed as they came, a message's buttons as numbered
lines, and what you type is read a line at a time (a button's number picks that button; anything else is sent
as it is) and repeated in the output, so the log reads as the conversation.

Everything else is `python -m bot.rasa.server` (a friendly message when a custom action fails, clean exits).
BOT_SHELL_TRANSCRIPT=<file> appends every bot message, as received, to that file as one JSON line (the screen
tests compare what the terminal shows with it).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sys
import textwrap
import threading
from typing import Any

from bot import config

LIST_PROMPT = "Choose an answer or type your own:"
INPUT_PROMPT = "Your input ->"
NUMBER_PROMPT = "Your input (a button's number or your own message) ->"
TRANSCRIPT_ENV = "BOT_SHELL_TRANSCRIPT"  # read through bot.config.Settings
POINTER_WIDTH = 3  # questionary draws " » " (or three spaces) before each entry of the list
MIN_WIDTH = 20
# A line's indentation, and its bullet ("- ", "* ", "• ", "1. ", "2) "): wrapped lines continue under the text.
BULLET = re.compile(r"(?P<indent>\s*)(?P<bullet>(?:[-*•·]|\d{1,3}[.)])\s+)?")


def interactive() -> bool:
    """Both ends are a terminal: the selection list can be drawn and read."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def terminal_width() -> int | None:
    """The width to wrap to (one column spare, so no terminal wraps by itself), or None when stdout is not a
    terminal (nothing is wrapped then). Asked at every message: the window may have been resized."""
    if not sys.stdout.isatty():
        return None
    return max(MIN_WIDTH, shutil.get_terminal_size().columns - 1)


def wrap(text: str, width: int | None) -> str:
    """`text` with every line longer than `width` wrapped at spaces; blank lines, indentation and runs of spaces
    (text charts) kept, continuation lines indented under a bullet's text. A word longer than a whole line is
    split rather than cut: nothing is lost."""
    if width is None:
        return text
    out: list[str] = []
    for line in text.expandtabs().splitlines() or [""]:
        line = line.rstrip()
        if len(line) <= width:
            out.append(line)
            continue
        m = BULLET.match(line)  # always matches: both groups may be empty
        hang = (m.group("indent") + " " * len(m.group("bullet") or "")) if m else ""
        if len(hang) > width // 2:
            hang = ""
        out.extend(textwrap.wrap(line, width, subsequent_indent=hang, break_on_hyphens=False, replace_whitespace=False))
    return "\n".join(out)


def button_lines(buttons: list[dict[str, Any]]) -> list[str]:
    """Rasa's "1: Title (/payload)" for each button (on copies: Rasa's helper empties the dict it is given)."""
    from rasa.cli import utils as cli_utils

    return [cli_utils.button_to_string(dict(b), i) for i, b in enumerate(buttons)]


def button_list(message: dict[str, Any], width: int | None) -> Any:
    """The selection list for the message's buttons under a short prompt. When an entry's "(/payload)" would not
    fit the terminal, the entries show only "n: Title" (all of them, so they look alike); their values are still
    Rasa's full strings, so picking one sends its payload as before."""
    import questionary
    from prompt_toolkit.styles import Style
    from rasa.cli import utils as cli_utils

    full = button_lines(message["buttons"])
    fits = width is None or all(len(f) + POINTER_WIDTH <= width for f in full)
    choices = [
        questionary.Choice(title=f if fits else f"{i + 1}: {b.get('title', '')}", value=f)
        for i, (b, f) in enumerate(zip(message["buttons"], full))
    ]
    choices.append(questionary.Choice(cli_utils.FREE_TEXT_INPUT_PROMPT))
    return questionary.select(
        LIST_PROMPT,
        choices,
        style=Style([("qmark", "#6d91d3"), ("", "#6d91d3"), ("answer", "#b373d6")]),
    )


def record(message: dict[str, Any]) -> None:
    path = config.settings().bot_shell_transcript
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(message, ensure_ascii=False) + "\n")


def message_parts(message: dict[str, Any], with_buttons: bool) -> list[str]:
    """What Rasa's console prints for a message, in its order and words, text first."""
    from rasa.cli import utils as cli_utils

    parts = []
    if message.get("text"):
        parts.append(message["text"])
    if "image" in message:
        parts.append("Image: " + str(message["image"]))
    if "attachment" in message:
        parts.append("Attachment: " + str(message["attachment"]))
    if message.get("elements"):
        parts.append("Elements:")
        parts += [cli_utils.element_to_string(dict(e), i) for i, e in enumerate(message["elements"])]
    if message.get("quick_replies"):
        parts.append("Quick Replies:")
        parts += button_lines(message["quick_replies"])
    if "custom" in message:
        parts.append("Custom json:")
        parts.append(json.dumps(message["custom"], indent=2, ensure_ascii=False))
    if with_buttons and message.get("buttons"):
        parts.append("Buttons:")
        parts += button_lines(message["buttons"])
    return parts


def print_bot_output(message: dict[str, Any], is_latest_message: bool = False, color: str | None = None) -> Any:
    """Replaces rasa.core.channels.console._print_bot_output (same arguments, same return): the message wrapped
    to the terminal; for the latest message with buttons in a terminal, the selection list to ask (not shown
    yet), else None."""
    import rasa.shared.utils.cli
    from rasa.shared.utils.io import bcolors

    record(message)
    listed = bool(message.get("buttons")) and is_latest_message and interactive()
    width = terminal_width()
    for part in message_parts(message, with_buttons=not listed):
        rasa.shared.utils.cli.print_color(wrap(part, width), color=color or bcolors.OKBLUE)
    sys.stdout.flush()
    return button_list(message, width) if listed else None


def print_plain(*args: Any, color: str = "") -> None:
    """rasa.shared.utils.cli.print_color when the output is not a terminal: no colour codes, flushed at once."""
    print(" ".join(str(a) for a in args), flush=True)


async def read_line() -> str | None:
    """A line from stdin without blocking the event loop (None at end of input). A daemon thread, not the loop's
    executor: a read still waiting when the shell ends must not hold the exit up."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str] = loop.create_future()

    def settle(line: str) -> None:
        if not done.done():
            done.set_result(line)

    def work() -> None:
        try:
            line = sys.stdin.readline()
        except (OSError, ValueError):
            line = ""
        try:
            loop.call_soon_threadsafe(settle, line)
        except RuntimeError:  # the loop is gone: the shell has ended
            pass

    threading.Thread(target=work, name="shell-input", daemon=True).start()
    line = await done
    return line if line else None


async def plain_user_input(previous_response: dict[str, Any] | None) -> str | None:
    """Replaces rasa.core.channels.console._get_user_input without a terminal: the message and its numbered
    buttons, then a line of input; a button's number becomes its payload. None (end of input) ends the shell."""
    buttons: list[dict[str, Any]] = []
    if previous_response is not None:
        print_bot_output(previous_response, is_latest_message=True)
        buttons = previous_response.get("buttons") or []
    while True:
        sys.stdout.write(f"{NUMBER_PROMPT if buttons else INPUT_PROMPT} ")
        sys.stdout.flush()
        line = await read_line()
        if line is None:
            print(flush=True)
            return None
        text = line.strip()
        print(text, flush=True)  # the terminal did not show it, or shows it but the log would not have it
        if not text:
            continue
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            button = buttons[int(text) - 1]
            return str(button.get("payload") or button.get("title") or "")
        return text


def patch_console() -> None:
    """Patch Rasa's console: our printing; without a terminal, our reading too."""
    from rasa.core.channels import console

    console._print_bot_output = print_bot_output
    if not interactive():
        console._get_user_input = plain_user_input


def install() -> None:
    """Patch `rasa shell`. The console is patched when the command runs, after Rasa has set up logging and
    warnings, as Rasa itself imports it: importing it here would import Sanic first, whose import turns on
    every later DeprecationWarning (a screenful of them above "Bot loaded")."""
    import rasa.cli.shell
    import rasa.shared.utils.cli

    if not interactive():
        rasa.shared.utils.cli.print_color = print_plain
    command = rasa.cli.shell.shell
    if getattr(command, "_bot_wrapped", False):
        return

    def shell(args: Any) -> Any:
        patch_console()
        return command(args)

    shell._bot_wrapped = True  # type: ignore[attr-defined]
    rasa.cli.shell.shell = shell


def quiet_library_warnings() -> None:
    """No deprecation notices above the first prompt: they are for whoever upgrades the libraries, not for the
    person at the shell. Filters would not do: Sanic and Rasa put "once" filters for DeprecationWarning and
    UserWarning (pyparsing's notices are both) in front of any set here, so they are dropped where shown."""
    import warnings

    show = warnings.showwarning
    quiet = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)

    def show_unless_deprecation(message, category, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not issubclass(category, quiet):
            show(message, category, *args, **kwargs)

    warnings.showwarning = show_unless_deprecation


def main() -> None:
    quiet_library_warnings()
    install()
    from bot.rasa.server import main as rasa_server_main

    rasa_server_main()


if __name__ == "__main__":
    main()
