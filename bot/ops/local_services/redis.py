"""A throw-away Redis server on a free loopback port, without persistence."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.ops.serve import free_port


@dataclass
class Redis:
    port: int

    def ping(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")


@contextlib.contextmanager
def running_redis() -> Iterator[Redis]:
    if not shutil.which("redis-server"):
        raise RuntimeError("Redis is not installed: run `make system` (apt-get install redis-server)")
    folder = Path(tempfile.mkdtemp(prefix="careers-redis-"))
    port = free_port()
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Redis(port)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if server.ping():
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        yield server
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
