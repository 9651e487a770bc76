"""A throw-away PostgreSQL server: initdb into a temporary folder, started on a free loopback port.

PostgreSQL refuses to run as root, so when the tests run as root (CI machines do) the server runs as the
`postgres` user that Debian's package creates.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.ops.serve import free_port

PASSWORD = "careers-test"


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make system` (apt-get install postgresql)")
    return found[-1]


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@dataclass
class Postgres:
    port: int
    data: Path
    user: str = "rasa"
    db: str = "rasa"

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{PASSWORD}@127.0.0.1:{self.port}/{self.db}"

    def psql(self, sql: str, db: str | None = None) -> str:
        out = subprocess.run(
            [_bin("psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, "-d", db or self.db, "-tAc", sql],
            env={**os.environ, "PGPASSWORD": PASSWORD},
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()


@contextlib.contextmanager
def running_postgres() -> Iterator[Postgres]:
    root = Path(tempfile.mkdtemp(prefix="careers-pg-"))
    data = root / "data"
    pwfile = root / "pw"
    pwfile.write_text(PASSWORD)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(pwfile, "postgres")
    port = free_port()
    subprocess.run(
        _as_postgres([_bin("initdb"), "-D", str(data), "-U", "rasa", "--pwfile", str(pwfile), "-A", "scram-sha-256"]),
        check=True,
        capture_output=True,
    )
    log = root / "server.log"
    subprocess.run(
        _as_postgres(
            [
                _bin("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {root}",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    server = Postgres(port, data)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.psql("select 1", db="postgres")
                break
            except subprocess.CalledProcessError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        server.psql(f"create database {server.db}", db="postgres")
        yield server
    finally:
        subprocess.run(_as_postgres([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
