"""What a person sees in the counselors' terminal (`python -m bot shell`), at a fixed terminal size.

The shell runs in a pseudo-terminal of 60, 80 or 120 columns by 24 rows, and pyte (a terminal emulator) turns
its output into the screen a person reads: the rows on display plus those scrolled off the top. Long answers
(a pay line, a comparison card, and at 60 columns the career test's result with its text chart) must be there
whole: every word, whole and in order, once the wrapped rows are joined, and the source line too. Which words to
look for comes from the shell itself: BOT_SHELL_TRANSCRIPT (bot/rasa/shell_console.py) writes each bot message as
it arrived.

Then the same shell with its output piped (`python -m bot shell | tee log`): plain text, no escape codes,
every message verbatim, buttons as numbered lines that a typed number picks.
Uses the trained model and the real knowledge index that `make test` builds first.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import psutil
import pyte
import pytest

from bot.dialogue.quiz import default_items
from bot.ops.serve import free_port
from bot.rasa.shell_console import INPUT_PROMPT, LIST_PROMPT, NUMBER_PROMPT
from tests.conftest import ROOT, terminal_free_environ

START_TIMEOUT = 400  # TensorFlow, spaCy and the model load while other servers share the 2 cores
TURN_TIMEOUT = 120
ROWS = 24
UP, DOWN, ENTER = "\x1b[A", "\x1b[B", "\r"
FREE_TEXT = "Type out your own message..."
PAY = "how much does a welder earn?"
COMPARE = "compare a nurse and a paramedic"  # the phrasing of tests/eval/qa_questions.yml
MODEL = ROOT / "models" / "careers.tar.gz"

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.xdist_group("shell")]


def shell_env(transcript: Path) -> dict[str, str]:
    return {
        **terminal_free_environ(),
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # pyte does not answer the cursor-position query a real terminal does
        "PYTHONPATH": str(ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "BOT_SHELL_TRANSCRIPT": str(transcript),
    }


def shell_args() -> list[str]:
    return ["-m", "bot", "shell", "--action-port", str(free_port()), "--rasa-port", str(free_port())]


def read_transcript(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]  # a line being written is skipped


def kill_tree(pid: int) -> None:
    """Test clean-up: the shell and whatever it started (Rasa shell, action server), by process id."""
    with contextlib.suppress(psutil.Error):
        me = psutil.Process(pid)
        procs = [me, *me.children(recursive=True)]
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.kill()


class Terminal:
    """The shell in a pseudo-terminal of `columns` x 24, its output fed to pyte."""

    def __init__(self, columns: int, transcript: Path) -> None:
        self.columns = columns
        self.transcript = transcript
        self.screen = pyte.HistoryScreen(columns, ROWS, history=100_000)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            sys.executable,
            shell_args(),
            cwd=str(ROOT),
            env=shell_env(transcript),
            encoding="utf-8",
            codec_errors="replace",
            dimensions=(ROWS, columns),
        )

    # --- what is on the screen -------------------------------------------------------------------------------

    def pump(self, timeout: float = 0.3) -> bool:
        """Feed what the shell printed within `timeout` seconds to the emulator; True if there was anything."""
        got = False
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.stream.feed(self.child.read_nonblocking(1 << 16, timeout=max(0.0, deadline - time.monotonic())))
                got = True
            except (pexpect.TIMEOUT, pexpect.EOF):
                return got
            if time.monotonic() >= deadline:
                return got

    def rows(self) -> list[str]:
        """The rows on display, as a person reads them (trailing spaces dropped)."""
        return [row.rstrip() for row in self.screen.display]

    def all_rows(self) -> list[str]:
        """The rows scrolled off the top (the terminal's scrollback), then those on display."""
        cols = self.screen.columns
        history = ["".join(line[x].data for x in range(cols)).rstrip() for line in self.screen.history.top]
        return history + self.rows()

    def bottom(self) -> str:
        shown = [r for r in self.rows() if r.strip()]
        return shown[-1] if shown else ""

    def picture(self) -> str:
        return "\n".join(self.rows())

    # --- driving it ------------------------------------------------------------------------------------------

    def wait_until(self, ready, what: str, timeout: float = TURN_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            busy = self.pump()
            if not busy and ready():
                return
            if time.monotonic() > deadline or not self.child.isalive():
                raise AssertionError(f"{what} did not show within {timeout:.0f}s; the screen:\n{self.picture()}")

    def at_input(self) -> bool:
        return self.bottom() == INPUT_PROMPT

    def at_list(self) -> bool:
        """A selection list waits at the bottom (its title is a "? " row, its last entry FREE_TEXT)."""
        rows = [r for r in self.rows() if r.strip()]
        return bool(rows) and rows[-1].strip() == FREE_TEXT and any(r.startswith("? ") for r in rows)

    def start(self) -> None:
        self.wait_until(self.at_input, "the shell's first prompt", START_TIMEOUT)

    def turn(self, keys: str) -> list[dict]:
        """Send keys that end a turn (a typed message, a picked button): the messages the bot answered with, once
        they are all printed and the next prompt (a list for buttons, else the input line) waits below them."""
        before = len(read_transcript(self.transcript))
        self.child.send(keys)

        def answered() -> bool:  # (and nothing printed for a moment: wait_until)
            got = read_transcript(self.transcript)[before:]
            return bool(got) and (self.at_list() if got[-1].get("buttons") else self.at_input())

        self.wait_until(answered, f"the answer to {keys!r}")
        return read_transcript(self.transcript)[before:]

    def say(self, text: str) -> list[dict]:
        """Type a message at the input line."""
        assert self.at_input(), f"not at the input line:\n{self.picture()}"
        return self.turn(text + ENTER)

    def choose(self, n: int) -> list[dict]:
        """Pick the n-th button of the list on screen (the pointer starts on the first)."""
        assert self.at_list(), f"no button list on the screen:\n{self.picture()}"
        return self.turn(DOWN * (n - 1) + ENTER)

    def free_text(self) -> None:
        """At a list: its last entry, "Type out your own message...", then the input line."""
        assert self.at_list(), f"no button list on the screen:\n{self.picture()}"
        self.child.send(UP + ENTER)
        self.wait_until(self.at_input, "the input line")

    def close(self) -> None:
        kill_tree(self.child.pid)
        with contextlib.suppress(pexpect.ExceptionPexpect):
            self.child.close(force=True)


def words_shown(text: str, rows: list[str], width: int) -> str | None:
    """None if every word of `text` is on the rows, whole and in order (the rows joined, as a person reads
    wrapped lines); else what is missing. A word longer than a row may be split across rows, nothing more."""
    want = text.split()
    seen = " ".join(rows).split()
    n = len(want)
    for start in range(len(seen) - n + 1):
        if seen[start : start + n] == want:
            return None
    if "".join(want) in "".join(seen) and all(w in seen for w in want if len(w) < width - 1):
        return None  # only words too long for a row were split
    found = 0
    for start in range(len(seen)):  # the longest run of the text that is there, to show where it breaks off
        k = 0
        while k < n and start + k < len(seen) and seen[start + k] == want[k]:
            k += 1
        found = max(found, k)
    return f"the screen shows {found} of the {n} words, then not: {' '.join(want[found : found + 12])!r}..."


def assert_shown(term: Terminal, messages: list[dict]) -> None:
    assert messages, "the bot said nothing"
    rows = term.all_rows()
    for message in messages:
        if message.get("text"):
            missing = words_shown(message["text"], rows, term.columns)
            assert missing is None, f"{missing}\nmessage: {message['text']!r}\nthe screen:\n" + "\n".join(rows[-60:])


@pytest.fixture()
def transcript(tmp_path: Path) -> Path:
    assert MODEL.exists(), "no trained model: run `make test` (it builds one) or `python -m bot build`"
    return tmp_path / "transcript.jsonl"


@pytest.fixture(params=[60, 80, 120], ids=lambda c: f"{c}x{ROWS}")
def terminal(request, transcript: Path) -> Iterator[Terminal]:
    term = Terminal(request.param, transcript)
    try:
        term.start()
        yield term
    finally:
        term.close()


def test_long_answers_are_shown_whole(terminal):
    term = terminal
    # The first screen is the greeting line and the prompt: no library's deprecation notices above them.
    startup = "\n".join(r for r in term.all_rows() if r.strip())
    assert "Warning" not in startup and "deprecated" not in startup, startup

    # The pay line, with its source; the follow-up buttons become a list with a short prompt below it.
    pay = term.say(PAY)
    assert any("welder.md#salary" in (m.get("text") or "") for m in pay)
    assert_shown(term, pay)
    joined = " ".join(" ".join(term.all_rows()).split())
    assert re.search(r"\(Source: Welder page, knowledge/careers/welder\.md#salary\)", joined), joined[-2000:]
    assert pay[-1].get("buttons"), "the pay answer has no follow-up buttons"
    for n, button in enumerate(pay[-1]["buttons"], 1):  # each button on a row of its own, its title whole
        assert any(re.match(rf" *(» )?{n}: {re.escape(button['title'])}( \(|$)", r) for r in term.rows()), (
            f"button {n} ({button['title']}) is not on the screen:\n{term.picture()}"
        )
    assert term.rows().count(f"   {FREE_TEXT}") == 1
    assert any(r.startswith(f"? {LIST_PROMPT} (Use arrow keys)") for r in term.rows()), term.picture()

    # A comparison card (two careers, bullets, both sources).
    term.free_text()
    card = term.say(COMPARE)
    assert any("Sources:" in (m.get("text") or "") for m in card), card
    assert_shown(term, card)

    # The career test to its result: an investigative, artistic person (love I and A items, hate the others). Its
    # ~90 items take a minute, so at the narrowest width only, where wrapping the result is hardest.
    if term.columns != 60:
        return
    term.free_text()
    dimension = {i.text: i.dimension for i in default_items()}
    got = term.say("take the career test")
    for _ in range(len(dimension) + 2):
        last = got[-1]
        if last["text"].startswith("Your interest code is"):
            break
        if last["text"] in dimension:
            got = term.choose(1 if dimension[last["text"]] in "IA" else 5)
        else:
            assert "how much education" in last["text"], last
            assert_shown(term, [last])  # a long question above its buttons
            got = term.choose(len(last["buttons"]))  # "Show me everything"
    result = got[-1]
    assert result["text"].startswith("Your interest code is"), result
    assert "█" in result["text"], "no text chart in the result"
    assert_shown(term, got)
    rows = term.all_rows()
    for d in "RIASEC":  # the chart: one row per interest, bar and score on it
        assert any(re.fullmatch(rf"{d} [█░]{{14}} \d\.\d", r) for r in rows), f"no chart row for {d}"


def test_piped_output_is_plain_text_with_every_word(transcript):
    """`python -m bot shell | tee log` with questions from a file: nothing lost, no escape codes."""
    questions = [PAY, "1", COMPARE]  # "1": the pay answer's first button, picked by its number
    proc = subprocess.Popen(
        [sys.executable, *shell_args()],
        cwd=ROOT,
        env=shell_env(transcript),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        out, _ = proc.communicate("\n".join(questions) + "\n", timeout=START_TIMEOUT + 3 * TURN_TIMEOUT)
    finally:
        kill_tree(proc.pid)
    assert proc.returncode == 0, out[-3000:]
    assert "\x1b" not in out, "escape codes in piped output"
    assert "Traceback" not in out

    messages = read_transcript(transcript)
    assert messages, out[-3000:]
    for m in messages:  # every message verbatim, its buttons as numbered lines
        if m.get("text"):
            assert m["text"] in out, f"{m['text']!r} is not in the output:\n{out[-3000:]}"
    for q in questions:  # what was typed, after the prompt that asked for it
        assert re.search(rf"^(?:{re.escape(INPUT_PROMPT)}|{re.escape(NUMBER_PROMPT)}) {re.escape(q)}$", out, re.M)

    pay = next(i for i, m in enumerate(messages) if "welder.md#salary" in (m.get("text") or ""))
    buttons = messages[pay]["buttons"]
    for n, b in enumerate(buttons, 1):
        assert f"{n}: {b['title']} ({b['payload']})" in out.splitlines()
    # "1" sent the first button's payload: its answer is about the welder, from another section of the page.
    after = "\n".join(m.get("text") or "" for m in messages[pay + 1 :])
    assert re.search(r"knowledge/careers/welder\.md#(?!salary)", after), after
    assert "knowledge/careers/paramedic" in out and "Sources:" in out
