"""Starts the assistant's processes (action server, Rasa server, web page) and stops them together.

Used by `make run`, `make shell`, the integration tests and the benchmarks, so every one of them starts the
real servers the same way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from bot import config

log = logging.getLogger("bot.ops.serve")
VENV_BIN = Path(sys.executable).parent


def action_server_command(port: int, python: str | None = None) -> list[str]:
    """The one command that starts our action server (actions/__main__.py: knowledge loaded, then rasa-sdk)."""
    return [python or str(VENV_BIN / "python"), "-m", "actions", "-p", str(port)]


def free_port() -> int:
    """A free loopback port below the kernel's ephemeral range (32768-60999 on Linux). A port the kernel hands
    out for bind(0) can be taken as the source port of any outgoing connection before a slow server (Rasa needs
    20-40 s to load) binds it; ports below the range are only ever taken on purpose."""
    for _ in range(200):
        port = random.randint(20000, 32000)
        if port_is_free(port):
            return port
    raise RuntimeError("no free port found between 20000 and 32000")


def port_is_free(port: int) -> bool:
    """Whether a server could listen on the port now. With SO_REUSEADDR, as every server here binds: closed
    connections still in TIME_WAIT (a minute after a server hangs up on its clients) do not count as taken."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


# The Rasa server's HTTP limits (Sanic reads SANIC_* variables): a body over 256 KiB is refused with 413 before it
# is read or parsed, and Sanic's own errors are JSON. The action server keeps Sanic's 100 MB: Rasa sends it the
# whole conversation.
HTTP_LIMITS = {"SANIC_REQUEST_MAX_SIZE": "262144", "SANIC_FALLBACK_ERROR_FORMAT": "json"}
ACTION_SERVER_MAX_BODY = "100000000"


class KnowledgeNotReady(RuntimeError):
    """The pages or the index cannot be loaded; the message names the file or the command that fixes it."""


def check_knowledge(env: dict[str, str]) -> None:
    """What the action server will load, checked first (`python -m bot.dialogue.service` with the servers' environment),
    so a missing or damaged index fails fast with the fix instead of a server that cannot answer."""
    proc = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "bot.dialogue.service"],
        cwd=config.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        failed = f"`python -m bot.dialogue.service` exited with {proc.returncode}"
        raise KnowledgeNotReady(proc.stderr.strip() or failed)
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)


def new_api_token() -> str:
    """The HTTP API's token: RASA_AUTH_TOKEN when set, else a fresh random one (the API is never open)."""
    import secrets

    return config.settings().rasa_auth_token or secrets.token_urlsafe(24)


def with_token(url: str, token: str) -> str:
    from urllib.parse import quote

    return f"{url}{'&' if '?' in url else '?'}token={quote(token)}"


def base_env() -> dict[str, str]:
    from bot.rasa.channels import ENV_DEFAULTS

    return {
        **HTTP_LIMITS,
        **ENV_DEFAULTS,
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "BOT_TORCH_THREADS": os.environ.get("BOT_TORCH_THREADS", "1"),
        "PYTHONPATH": str(config.ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def wait_http(url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {proc.returncode}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status < 500:
                    return
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f}s")


def tracker_store_config(sqlite_path: Path) -> dict:
    """Where conversations are kept: PostgreSQL when BOT_TRACKER_URL is set
    (postgresql://user:password@host:port/db), else an embedded SQLite file. Never only in memory."""
    url = config.settings().bot_tracker_url
    if not url:
        return {"type": "SQL", "dialect": "sqlite", "db": str(sqlite_path)}
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme not in ("postgresql", "postgres"):
        raise ValueError(f"BOT_TRACKER_URL must be a postgresql:// URL, got {parsed.scheme}://")
    return {
        "type": "SQL",
        "dialect": "postgresql",
        "url": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 5432,
        "db": parsed.path.lstrip("/") or "rasa",
        "username": unquote(parsed.username or ""),
        "password": unquote(parsed.password or ""),
    }


def endpoints_yaml(action_url: str, tracker_store: dict | None, lock_store: dict | None) -> str:
    import yaml

    data: dict = {"action_endpoint": {"url": action_url}}
    if tracker_store:
        data["tracker_store"] = tracker_store
    if lock_store:
        data["lock_store"] = lock_store
    return yaml.safe_dump(data, sort_keys=False)


@dataclass
class Stack:
    """A running action server + Rasa server (+ optional static web server) on loopback.

    Conversations go to the tracker store given (default: a fresh SQLite file in the log folder); `env` is
    added to every process's environment; `lock_store` (e.g. Redis) lets several Rasa servers share traffic.
    """

    rasa_port: int
    action_port: int
    web_port: int | None = None
    model: Path = field(default_factory=lambda: config.ROOT / "models" / "careers.tar.gz")
    log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="careers-logs-")))
    extra_rasa_args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    tracker_store: dict | None = None
    lock_store: dict | None = None
    action_url: str | None = None  # another action server (or a load balancer) instead of our own
    auth_token: str = field(default_factory=new_api_token)  # the HTTP API (/conversations, /model/parse...)
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def api_url(self, path: str) -> str:
        """A URL of the Rasa server's HTTP API, with the token it requires."""
        return with_token(f"{self.rasa_url}{path}", self.auth_token)

    def say(self, sender: str, message: str, timeout: float = 120) -> list[dict]:
        """One user turn over the REST channel: the bot's replies."""
        req = urllib.request.Request(
            f"{self.rasa_url}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read())

    def _spawn(self, name: str, cmd: list[str], env: dict[str, str], quiet: bool) -> subprocess.Popen:
        out = open(self.log_dir / f"{name}.log", "wb") if quiet else None
        proc = subprocess.Popen(
            cmd,
            cwd=config.ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT if quiet else None,
            start_new_session=True,
        )
        self.procs.append(proc)
        return proc

    def start(self, quiet: bool = True, timeout: float = 240) -> Stack:
        for port in (self.rasa_port, self.action_port, self.web_port):
            if port and not port_is_free(port):
                raise RuntimeError(f"port {port} is already in use (another Rasa server or shell?): stop it first")
        if not self.model.exists():
            raise FileNotFoundError(f"no trained model at {self.model}: run `python -m bot build` (or `make run`)")
        if self.web_port:  # the page this stack serves may open the widget's socket (bot/rasa/channels/socketio.py)
            origins = {**base_env(), **self.env}["BOT_ALLOWED_ORIGINS"].split(",")
            page = [f"http://127.0.0.1:{self.web_port}", f"http://localhost:{self.web_port}"]
            self.env = {**self.env, "BOT_ALLOWED_ORIGINS": ",".join(dict.fromkeys(o for o in origins + page if o))}
        # The token travels in the environment, not on the command line (where `ps` would show it).
        self.env = {**self.env, "RASA_AUTH_TOKEN": self.auth_token}
        env = {**base_env(), **self.env}
        if self.action_url is None:
            check_knowledge(env)
        endpoints = self.log_dir / "endpoints.yml"
        tracker_store = self.tracker_store or tracker_store_config(self.log_dir / "tracker.db")
        action_url = self.action_url or f"http://127.0.0.1:{self.action_port}/webhook"
        endpoints.write_text(endpoints_yaml(action_url, tracker_store, self.lock_store))
        actions = None
        if self.action_url is None:
            actions = self._spawn(
                "actions",
                action_server_command(self.action_port),
                {
                    **env,
                    "SANIC_HOST": env.get("BOT_ACTION_HOST", "127.0.0.1"),
                    "SANIC_REQUEST_MAX_SIZE": ACTION_SERVER_MAX_BODY,
                },
                quiet,
            )
        rasa = self._spawn(
            "rasa",
            [
                str(VENV_BIN / "python"),
                "-m",
                "bot.rasa.server",
                "run",
                "-m",
                str(self.model),
                "--enable-api",
                "-i",
                "127.0.0.1",
                "-p",
                str(self.rasa_port),
                "--credentials",
                str(config.ROOT / "credentials.yml"),
                "--endpoints",
                str(endpoints),
                "--cors",
                "*",
                *self.extra_rasa_args,
            ],
            env,
            quiet,
        )
        if self.web_port:
            self._spawn(
                "web",
                [
                    str(VENV_BIN / "python"),
                    "-m",
                    "http.server",
                    str(self.web_port),
                    "--bind",
                    "127.0.0.1",
                    "--directory",
                    str(config.ROOT / "web"),
                ],
                env,
                True,
            )
        try:
            if actions is not None:
                wait_http(f"http://127.0.0.1:{self.action_port}/health", timeout, actions)
            wait_http(f"{self.rasa_url}/", timeout, rasa)
        except Exception as exc:
            self.stop()
            why = f"the servers did not start ({exc}); logs in {self.log_dir}"
            raise RuntimeError(f"{why}\n{self.log_tails()}") from None
        return self

    def log_tails(self, lines: int = 25) -> str:
        """The end of every log this stack wrote: why a server did not start, right in the error (CI shows no files)."""
        parts = []
        for log in sorted(self.log_dir.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {log.name} (last {len(tail)} lines) ---\n" + "\n".join(tail))
        return "\n".join(parts)

    def restart_rasa(self, timeout: float = 240) -> subprocess.Popen:
        """Start the Rasa server again with the same command line (same tracker store), stopping the old one
        if it still runs: after a crash, conversations carry on from the tracker store."""
        old = next(p for p in self.procs if "bot.rasa.server" in cast(list[str], p.args))
        stop_group(old)
        self.procs.remove(old)
        rasa = self._spawn(f"rasa-{old.pid}", cast(list[str], old.args), {**base_env(), **self.env}, quiet=True)
        wait_http(f"{self.rasa_url}/", timeout, rasa)
        return rasa

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
        self.procs.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def local_api_token() -> str:
    """`make run`'s HTTP API token: RASA_AUTH_TOKEN, else one generated once and kept in var/api-token (0600)."""
    if config.settings().rasa_auth_token:
        return config.settings().rasa_auth_token
    path = config.VAR_DIR / "api-token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(new_api_token())
    return path.read_text().strip()


def run_forever(rasa_port: int = 5005, action_port: int = 5055, web_port: int = 8080) -> int:
    """`make run`: start everything, print the URLs, stop all of it on Ctrl-C."""
    web = web_port if (config.ROOT / "web" / "index.html").exists() else None
    config.VAR_DIR.mkdir(parents=True, exist_ok=True)
    stack = Stack(
        rasa_port,
        action_port,
        web,
        log_dir=config.ROOT / "build" / "logs",
        tracker_store=tracker_store_config(config.VAR_DIR / "tracker.db"),
        auth_token=local_api_token(),
    )
    stack.log_dir.mkdir(parents=True, exist_ok=True)
    print("Starting the action server and the Rasa server (loading TensorFlow and the model takes ~1 minute)...")
    try:
        stack.start(quiet=True)
    except KnowledgeNotReady as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f'\n  Rasa REST:     POST {stack.rasa_url}/webhooks/rest/webhook  {{"sender": "me", "message": "hi"}}')
    token_from = "RASA_AUTH_TOKEN" if config.settings().rasa_auth_token else config.VAR_DIR / "api-token"
    print(f"  Rasa HTTP API: {stack.rasa_url}/conversations/<id>/tracker?token=<token in {token_from}>")
    if web:
        print(f"  Chat widget:   http://127.0.0.1:{web}/")
    print(f"  Logs:          {stack.log_dir}\n\nPress Ctrl-C to stop.")
    try:
        return run_until_interrupted(stack.procs)
    finally:
        stack.stop()


def run_until_interrupted(procs: list[subprocess.Popen]) -> int:
    """Wait for Ctrl-C (exit code 0) or for any server to die (exit code 1); the caller stops the others."""
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(1)
        print("A server stopped unexpectedly; see the logs.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # A second Ctrl-C must not cut the clean-up short and leave servers running without us.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("\nStopping the servers (a few seconds)...")
        return 0


def stop_group(proc: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 15) -> None:
    """`sig` (SIGTERM) to the process group, SIGKILL if it is still there after `grace` seconds."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


# The counselor's terminal shows the conversation, not the sentence encoder's load report and progress bar in the
# middle of the first answer (with --quiet: no INFO logs either); errors still show.
# (Library deprecation notices: bot/rasa/shell_console.py quiet_library_warnings.)
SHELL_QUIET_ENV = {"TRANSFORMERS_VERBOSITY": "error", "HF_HUB_DISABLE_PROGRESS_BARS": "1"}


def shell(action_port: int = 5055, rasa_port: int = 5005, model: Path | None = None) -> int:
    """`make shell`: the action server in the background, the Rasa shell in the foreground.

    The action server runs in a session of its own, so nothing from the terminal reaches it: it is stopped here
    on every way out (/stop, Ctrl-C, Ctrl-D, a closed terminal window, SIGTERM).
    """
    model = model or config.ROOT / "models" / "careers.tar.gz"
    if not model.exists():
        print(f"no trained model at {model}: run `make shell` (it builds one first)", file=sys.stderr)
        return 1
    for port, flag in ((action_port, "--action-port"), (rasa_port, "--rasa-port")):
        if not port_is_free(port):
            print(f"port {port} is in use (another Rasa server or shell?): stop it or pass {flag}", file=sys.stderr)
            return 1
    env = base_env()
    log_dir = config.ROOT / "build" / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    endpoints = log_dir / "endpoints-shell.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')

    def hang_up(signum: int, _frame: object) -> None:  # closed terminal or SIGTERM: leave through `finally`
        raise SystemExit(128 + signum)

    previous = {s: signal.getsignal(s) for s in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)}
    signal.signal(signal.SIGHUP, hang_up)
    signal.signal(signal.SIGTERM, hang_up)
    print("Starting the action server, then the Rasa shell (loading the model takes under a minute)...", flush=True)
    with open(log_dir / "actions-shell.log", "wb") as out:
        actions = subprocess.Popen(
            action_server_command(action_port),
            cwd=config.ROOT,
            env={**env, "SANIC_HOST": "127.0.0.1", "SANIC_REQUEST_MAX_SIZE": ACTION_SERVER_MAX_BODY},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        rasa: subprocess.Popen | None = None
        try:
            wait_http(f"http://127.0.0.1:{action_port}/health", 240, actions)
            # Ctrl-C belongs to the Rasa shell (same terminal, same signal): it decides how to end.
            signal.signal(signal.SIGINT, lambda *_: None)
            rasa = subprocess.Popen(
                [
                    str(VENV_BIN / "python"),
                    "-m",
                    "bot.rasa.shell_console",  # Rasa's shell with whole answers above its button lists
                    "shell",
                    "-m",
                    str(model),
                    "--endpoints",
                    str(endpoints),
                    "-i",
                    "127.0.0.1",
                    "-p",
                    str(rasa_port),
                    "--quiet",
                ],
                cwd=config.ROOT,
                env={**env, **SHELL_QUIET_ENV},
            )
            return rasa.wait()
        except KeyboardInterrupt:
            return 130
        finally:
            for s in previous:  # a second Ctrl-C or hang-up must not cut the clean-up short
                signal.signal(s, signal.SIG_IGN)
            if rasa is not None and rasa.poll() is None:
                rasa.terminate()
            stop_group(actions)
            if rasa is not None:
                try:
                    rasa.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    rasa.kill()
                    rasa.wait()
            for s, handler in previous.items():
                signal.signal(s, handler)
