"""An action server that accepts every action call and never answers in time: a hung custom action, for real.

It listens on loopback (a given port, e.g. the one the real action server just left, or a free one), answers
`GET /health` like rasa_sdk, and holds each `POST /webhook` open until it is stopped. Tests wait for a call to
arrive (no sleeps) and check what the assistant says meanwhile.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class SlowActionServer:
    def __init__(self, port: int = 0) -> None:
        self.port = port
        self.calls: list[dict[str, Any]] = []  # the action requests received (name and sender)
        self._cond = threading.Condition()
        self._released = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def start(self) -> SlowActionServer:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                self._reply(200, {"status": "ok"})

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                with fake._cond:
                    fake.calls.append({"action": body.get("next_action"), "sender": body.get("sender_id")})
                    fake._cond.notify_all()
                fake._released.wait()  # hung: until the fake is stopped
                self._reply(200, {"events": [], "responses": []})

            def _reply(self, status: int, data: dict) -> None:
                raw = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except OSError:  # the caller gave up long ago
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self._released.clear()
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, name="SlowActionServer", daemon=True).start()
        return self

    def wait_for_calls(self, n: int, timeout: float = 120) -> list[dict[str, Any]]:
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.calls) >= n, timeout):
                raise TimeoutError(f"SlowActionServer: {len(self.calls)} calls within {timeout:.0f}s, wanted {n}")
            return list(self.calls)

    def stop(self) -> None:
        self._released.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SlowActionServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
