"""A small recording HTTP API server on loopback, the common part of the Slack and Telegram fakes.

Each fake runs a ThreadingHTTPServer on 127.0.0.1 (a free port) in a background thread, parses request bodies the
way the real services accept them (JSON, form-encoded, multipart), answers with the service's JSON and records
every call, so tests can wait for a call (no sleeps) and assert on what the bot sent.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Call:
    """One request the bot made to the fake API."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)


def parse_body(content_type: str, body: bytes, query: str = "") -> dict[str, Any]:
    """Request parameters as the real APIs read them: query string, then JSON / form / multipart body."""
    params: dict[str, Any] = {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}
    kind = content_type.split(";")[0].strip().lower()
    if not body:
        return params
    if kind == "application/json":
        params.update(json.loads(body))
    elif kind == "application/x-www-form-urlencoded":
        params.update({k: v[0] for k, v in urllib.parse.parse_qs(body.decode(), keep_blank_values=True).items()})
    elif kind == "multipart/form-data":
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            params[name] = payload if part.get_filename() else payload.decode()
    return params


class FakeAPI:
    """Subclasses implement `handle(path, params, headers) -> (status, json, method name)`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None

    def handle(self, path: str, params: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict, str]:
        raise NotImplementedError

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeAPI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                path, _, query = self.path.partition("?")
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    params = parse_body(self.headers.get("Content-Type") or "", body, query)
                except (ValueError, UnicodeDecodeError):
                    status, reply, method = 400, {"ok": False, "error": "invalid_request_body"}, path
                else:
                    with fake._cond:  # one call at a time: the fakes keep state (message ids, webhooks)
                        status, reply, method = fake.handle(path, params, headers)
                # Recorded before answering: once the bot has its answer, the test can see the call.
                fake.record(Call(method, params, headers, status, reply))
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name=type(self).__name__, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def calls_to(self, method: str, **match: Any) -> list[Call]:
        """Calls of one API method whose parameters include `match` (compared as strings)."""
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == method and all(str(c.params.get(k)) == str(v) for k, v in match.items())
            ]

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 120) -> list[Call]:
        """Block until predicate(all calls so far) holds; the calls then. Raises TimeoutError with the calls seen."""
        with self._cond:
            if not self._cond.wait_for(lambda: predicate(self.calls), timeout):
                seen = [(c.method, c.params) for c in self.calls[-5:]]
                raise TimeoutError(f"{type(self).__name__}: condition not met within {timeout:.0f}s; last calls {seen}")
            return list(self.calls)

    def __enter__(self) -> FakeAPI:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def post(url: str, body: bytes, headers: dict[str, str], timeout: float = 120) -> tuple[int, dict[str, str], bytes]:
    """POST like the real service does to the bot's webhook: (status, headers, body), errors included."""
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()
