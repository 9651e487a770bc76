"""Shared fixtures: a small knowledge base of our own (tests/fixtures/careers) and a real index built from it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CAREERS = ROOT / "tests" / "fixtures" / "careers"


def terminal_free_environ() -> dict[str, str]:
    """os.environ for a program in a pseudo-terminal of the test's size: without COLUMNS and LINES, which pytest-xdist
    workers carry (80x24) and which would override the terminal's own size (shutil.get_terminal_size)."""
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}


@pytest.fixture(scope="session")
def fixture_index_dir(tmp_path_factory) -> Path:
    from bot.knowledge.pages import load_careers
    from bot.search.index import build_index

    out = tmp_path_factory.mktemp("index")
    build_index(load_careers([FIXTURE_CAREERS]).values(), index_dir=out, progress=False)
    return out


@pytest.fixture(scope="session")
def service(fixture_index_dir):
    from bot.dialogue.service import load_service

    return load_service([FIXTURE_CAREERS], fixture_index_dir)


@pytest.fixture()
def careers_copy(tmp_path) -> Path:
    """A writable copy of the fixture pages, for tests that edit or break pages."""
    dest = tmp_path / "careers"
    shutil.copytree(FIXTURE_CAREERS, dest)
    return dest


@pytest.fixture(scope="session")
def shared_stack():
    """The assistant as `make run` starts it (action server, Rasa server, web page), on free loopback ports.

    Started once for every module that only talks to it (REST, HTTP API, socket.io, the browser, the load smoke
    test): each start costs ~60 s of TensorFlow import and model loading. Modules that kill, break or reconfigure
    servers start their own. Conversations stay apart by sender id."""
    from bot.ops.serve import Stack, free_port, wait_http

    assert (ROOT / "models" / "careers.tar.gz").exists(), "no trained model: run `make test` or `python -m bot build`"
    stack = Stack(free_port(), free_port(), web_port=free_port())
    stack.start(timeout=400)
    try:
        wait_http(f"http://127.0.0.1:{stack.web_port}/index.html", 60)
        yield stack
    finally:
        stack.stop()


TIERS = {"unit", "integration", "browser"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Every test must say its tier, so `make test-fast` (the unit tier) never starts a server by accident.

    Under pytest-xdist (`--dist loadgroup`) an integration module's tests stay on one worker, so its module-scoped
    servers start once, not once per worker; modules marked with a shared group (`xdist_group("shell")`,
    "shared_stack") go together. Unit tests spread one by one."""
    missing = [item.nodeid for item in items if not TIERS & {m.name for m in item.iter_markers()}]
    if missing:
        raise pytest.UsageError(f"tests without a tier marker ({', '.join(sorted(TIERS))}): {missing[:5]}")
    for item in items:
        if item.get_closest_marker("integration") and item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
