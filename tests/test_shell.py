"""The counselors' terminal: `python -m bot shell` (what `make shell` runs), driven through a pseudo-terminal.

Rasa's shell shows a message's buttons as a questionary selection list (bot/shell_console.py prints the message
above it and gives the list a short prompt): arrow keys move, Enter picks, and the last entry, "Type out your own
message...", switches to typing. These tests press those keys the way a person does and read the screen; then
they check that leaving the shell leaves no server behind. What the screen looks like at 60-120 columns (whole
answers, wrapped) is tests/test_shell_screen.py's subject.
Uses the trained model and the real knowledge index that `make test` builds first.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pexpect
import psutil
import pytest

from bot.dialogue.quiz import default_items, short_test_max
from bot.ops.serve import free_port, port_is_free
from bot.rasa.shell_console import LIST_PROMPT
from tests.conftest import ROOT, terminal_free_environ

pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("shell")]

START_TIMEOUT = 400  # TensorFlow, spaCy and the model load while other servers share the 2 cores
TURN_TIMEOUT = 120
UP, DOWN, ENTER = "\x1b[A", "\x1b[B", "\r"
FREE_TEXT = "Type out your own message..."
LIST = re.escape(f"? {LIST_PROMPT}")  # the list's title; once a button is picked, the button follows it
CURSOR_RIGHT = re.compile(r"\x1b\[(\d*)C")
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")


def plain(raw: str) -> str:
    """Terminal output as a person reads it: colours and cursor moves removed (cursor-right becomes spaces)."""
    return ESCAPES.sub("", CURSOR_RIGHT.sub(lambda m: " " * int(m.group(1) or 1), raw))


def running(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


class Terminal:
    """A pseudo-terminal running the shell; `wait_for` searches the screen text printed since the last match."""

    def __init__(self, action_port: int, rasa_port: int) -> None:
        env = {
            **terminal_free_environ(),
            "TERM": "xterm",
            "PROMPT_TOOLKIT_NO_CPR": "1",  # pexpect does not answer the cursor-position query a real terminal does
            "PYTHONPATH": str(ROOT),
            "RASA_TELEMETRY_ENABLED": "false",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        }
        args = ["-m", "bot", "shell", "--action-port", str(action_port), "--rasa-port", str(rasa_port)]
        self.action_port, self.rasa_port = action_port, rasa_port
        self.child = pexpect.spawn(
            sys.executable, args, cwd=str(ROOT), env=env, encoding="utf-8", codec_errors="replace", dimensions=(60, 220)
        )
        self.raw = ""
        self.seen = 0
        self.procs: list[psutil.Process] = []

    @property
    def screen(self) -> str:
        cut = self.raw.rfind("\x1b", max(0, len(self.raw) - 16))  # an escape sequence may be cut in two
        return plain(self.raw if cut < 0 else self.raw[:cut])

    def wait_for(self, pattern: str, timeout: float = TURN_TIMEOUT) -> re.Match:
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            found = rx.search(self.screen, self.seen)
            if found:
                self.seen = found.end()
                return found
            if time.monotonic() > deadline or not self.child.isalive():
                with contextlib.suppress(pexpect.ExceptionPexpect):  # what is left to read after an exit
                    self.raw += self.child.read_nonblocking(1 << 16, timeout=0)
                if (found := rx.search(self.screen, self.seen)) is not None:
                    self.seen = found.end()
                    return found
                raise AssertionError(f"no {pattern!r} on the screen within {timeout:.0f}s:\n{self.screen[-4000:]}")
            with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
                self.raw += self.child.read_nonblocking(1 << 16, timeout=1)

    def start(self) -> None:
        self.wait_for(r"Bot loaded\. Type a message", START_TIMEOUT)
        self.wait_for(r"Your input ->")
        me = psutil.Process(self.child.pid)
        self.procs = [me, *me.children(recursive=True)]

    def type(self, text: str) -> None:
        self.child.send(text + ENTER)

    def choose(self, n: int) -> None:
        """Pick the n-th button of the selection list on screen (the pointer starts on the first)."""
        self.child.send(DOWN * (n - 1) + ENTER)

    def free_text(self) -> None:
        """At a selection list: pick "Type out your own message..." (the last entry, one step up)."""
        self.child.send(UP + ENTER)
        self.wait_for(r"Your input ->")

    def type_instead(self, text: str) -> None:
        self.free_text()
        self.type(text)

    def wait_exit(self, timeout: float = 60) -> int:
        """The shell's exit code, after it has ended by itself."""
        deadline = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < deadline:
            with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
                self.raw += self.child.read_nonblocking(1 << 16, timeout=1)
        assert not self.child.isalive(), f"the shell did not end within {timeout}s:\n{self.screen[-3000:]}"
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else 128 + self.child.signalstatus

    def leftovers(self, timeout: float = 30) -> list[str]:
        """Our processes (shell, Rasa shell, action server) still running, and our ports still taken."""
        deadline = time.monotonic() + timeout
        while True:
            alive = [p for p in self.procs if running(p)]
            ports = [p for p in (self.action_port, self.rasa_port) if not port_is_free(p)]
            if not (alive or ports) or time.monotonic() > deadline:
                return [" ".join(p.cmdline()) for p in alive] + [f"port {p} in use" for p in ports]
            time.sleep(0.5)

    def kill_all(self) -> None:
        """Test clean-up: end whatever of ours is still running, by process id."""
        with contextlib.suppress(psutil.Error):  # a shell that never got ready: what it had started so far
            me = psutil.Process(self.child.pid)
            self.procs += [me, *me.children(recursive=True)]
        for p in self.procs:
            with contextlib.suppress(psutil.Error):
                p.kill()
        with contextlib.suppress(pexpect.ExceptionPexpect):
            self.child.close(force=True)


@pytest.fixture()
def terminal() -> Iterator[Terminal]:
    model = ROOT / "models" / "careers.tar.gz"
    assert model.exists(), "no trained model: run `make test` (it builds one) or `python -m bot build`"
    term = Terminal(free_port(), free_port())
    try:
        term.start()
        yield term
    finally:
        term.kill_all()


def test_counselor_asks_a_question_and_takes_the_career_test(terminal):
    term = terminal
    assert any(p.cmdline()[1:3] == ["-m", "actions"] for p in term.procs), "the action server is not running"

    # A career question: the answer names its source, and its follow-up buttons become a selection list.
    term.type("what does a pharmacist do?")
    term.wait_for(r"Pharmacist: ")
    term.wait_for(r"knowledge/careers/pharmacist\.md#duties")
    term.wait_for(r"1: .+\(/ask_\w+\{.career.: .pharmacist.\}\)")
    term.wait_for(re.escape(FREE_TEXT))

    # Typing instead of picking a button starts the career test.
    term.type_instead("take the career test")
    term.wait_for(r"The career test asks how much you'd enjoy everyday work activities")
    dimension = {i.text: i.dimension for i in default_items()}
    item_rx = "|".join(re.escape(t) for t in sorted(dimension, key=len, reverse=True))

    def question(k: int) -> str | None:
        """Wait for item k (its progress line, then the item above the list): its text, or None when the
        education question came instead (the test has seen enough)."""
        found = term.wait_for(
            rf"Question {k} \(of up to (\d+)\)\. How much would you enjoy this\?\s*({item_rx})\s*{LIST}"
            r"|Last question: how much education"
        )
        if found.group(2) is None:
            return None
        assert int(found.group(1)) == short_test_max(len(default_items()))  # the most the short test asks
        return found.group(2)

    def choose(n: int, label: str) -> None:
        """Pick button n of the list on screen; the list then shows the choice at the end of its title."""
        term.wait_for(re.escape(FREE_TEXT))
        term.choose(n)
        term.wait_for(rf"{LIST} +{n}: {label} \(/quiz_answer")

    # The first item with a button (Enter on "Love it"); the scale is the five answers, most positive first.
    first = question(1)
    assert first is not None
    term.wait_for(r"» 1: Love it \(.*?\)\s+2: Like it .*?\s+3: Not sure .*?\s+4: Dislike it .*?\s+5: Hate it ")
    choose(1, "Love it")
    # The second by typing.
    assert question(2) is not None
    term.wait_for(re.escape(FREE_TEXT))
    term.type_instead("no way")
    term.wait_for(r'Taken as "Hate it" \(say "go back" to change it\)\.')  # how the words were read, on screen

    # The rest with buttons: an investigative, artistic person (love I and A items, hate the others).
    k = 3
    while (item := question(k)) is not None:
        choose(*((1, "Love it") if dimension[item] in "IA" else (5, "Hate it")))
        k += 1
        assert k <= len(default_items()) + 1, "the test asked more questions than it has"
    term.wait_for(r"I'll only show careers that fit it\.")
    choose(5, "Show me everything")

    # The result: the interest code and a text chart (the shell cannot show the widget's SVG picture).
    code = term.wait_for(r"Your interest code is ([RIASEC]{3})").group(1)
    assert set(code[:2]) == {"I", "A"}
    chart = term.wait_for(r"\s+".join(rf"{d} [█░]{{14}} (\d\.\d)" for d in "RIASEC"))
    score = dict(zip("RIASEC", map(float, chart.groups())))
    assert min(score["I"], score["A"]) > max(score[d] for d in "RSEC")
    term.wait_for(r"Careers that match your interests")
    term.wait_for(r"1\. .+ \(\d+%\)")
    term.wait_for(re.escape(FREE_TEXT))
    assert "data:image" not in term.screen and "Image:" not in term.screen

    # /stop (what the shell's banner tells you) ends it cleanly, and the action server goes with it.
    term.type_instead("/stop")
    assert term.wait_exit() == 0
    assert "Traceback" not in term.screen
    assert term.leftovers() == []


@pytest.mark.parametrize("way_out", ["ctrl-c at a button list", "ctrl-d at the prompt", "terminal closed"])
def test_every_way_out_stops_the_action_server(terminal, way_out):
    term = terminal
    term.type("how much does a welder earn?")
    term.wait_for(r"knowledge/careers/welder\.md#salary")
    term.wait_for(re.escape(FREE_TEXT))
    if way_out == "ctrl-c at a button list":
        term.child.send("\x03")  # the list reads the terminal in raw mode: Ctrl-C arrives as a key, not a signal
        term.wait_for(r"Cancelled by user")
    elif way_out == "ctrl-d at the prompt":
        term.free_text()
        term.child.send("\x04")
    else:
        # The terminal window closes: the kernel hangs up the session (SIGHUP to the shell and the Rasa shell);
        # the action server runs in a session of its own, so only the shell can stop it.
        term.child.ptyproc.fileobj.close()
        deadline = time.monotonic() + 60
        while term.child.isalive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not term.child.isalive(), "the shell did not end when its terminal closed"
        assert term.leftovers() == []
        return
    assert term.wait_exit() == 0
    assert "Traceback" not in term.screen
    assert term.leftovers() == []


def test_a_busy_port_is_refused_with_a_clear_message():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "bot", "shell", "--action-port", str(port), "--rasa-port", str(free_port())],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 1
    assert f"port {port} is in use" in proc.stderr and "--action-port" in proc.stderr
