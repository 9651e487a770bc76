"""Security rules that need no running server: the API never opens without auth, no secrets in the repository,
no pickle when loading indexes and metadata."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import numpy as np
import pytest

from bot.search.index import IndexMissing, SearchIndex
from tests.conftest import ROOT

# Shapes of real credentials (Slack, Telegram, AWS, private keys). The tests' fakes use shorter made-up ones.
pytestmark = pytest.mark.unit

SECRET_SHAPES = {
    "Slack token": r"xox[abposr]-\d{9,13}-\d{9,13}-[A-Za-z0-9]{20,}",
    "Telegram bot token": r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b",
    "AWS access key": r"\bAKIA[0-9A-Z]{16}\b",
    "private key": r"-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----",
    "password in a database URL": r"postgres(ql)?://[^:\s/]+:[A-Za-z0-9+/=_-]{16,}@",  # long, random-looking
}


def test_the_http_api_is_never_opened_without_authentication():
    env = {k: v for k, v in os.environ.items() if k not in ("RASA_AUTH_TOKEN", "RASA_JWT_SECRET")}
    proc = subprocess.run(
        [sys.executable, "-m", "bot.rasa.server", "run", "--enable-api", "-p", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0 and "Refusing to open Rasa's HTTP API without authentication" in proc.stderr


@pytest.mark.parametrize("token", ["-Lv4eGfpYLuk_1Jm7JR1R5wvQ6TaaLSP", "plain_token-with-dash"])
def test_the_api_token_reaches_rasa_even_when_it_starts_with_a_dash(monkeypatch, token):
    """secrets.token_urlsafe() starts with "-" one time in 64: Rasa's own argument parser must still read it whole."""
    from rasa.__main__ import create_argument_parser

    from bot.rasa.server import api_auth_args

    monkeypatch.setenv("RASA_AUTH_TOKEN", token)
    monkeypatch.delenv("RASA_JWT_SECRET", raising=False)
    args = api_auth_args(["run", "--enable-api", "-p", "5005"])
    assert token not in args  # passed as --auth-token=..., one argument
    assert create_argument_parser().parse_args(args).auth_token == token


def test_the_secret_shapes_catch_real_looking_secrets():
    examples = {
        "Slack token": "xoxb-" + "1234567890-" + "1234567890123-" + "a" * 24,
        "Telegram bot token": "123456789:AA" + "b" * 33,
        "AWS access key": "AKIA" + "C" * 16,
        "private key": "-----BEGIN " + "RSA PRIVATE KEY-----",
        "password in a database URL": "postgresql://rasa:" + "Zx9" * 6 + "@db:5432/rasa",
    }
    for what, example in examples.items():
        assert re.search(SECRET_SHAPES[what], example), what


def test_no_secrets_in_the_repository():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found = []
    for name in files:
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(errors="ignore")
        found += [f"{name}: {what}" for what, shape in SECRET_SHAPES.items() if re.search(shape, text)]
    assert found == []
    credentials = (ROOT / "credentials.yml").read_text()
    values = re.findall(r"^\s+\w*(?:token|secret)\w*:\s*(\S+)", credentials, flags=re.M)
    assert values and all(v.startswith("${") for v in values), values  # every secret comes from the environment


def test_indexes_are_loaded_without_pickle(fixture_index_dir, tmp_path):
    import shutil

    copy = tmp_path / "index"
    shutil.copytree(fixture_index_dir, copy, symlinks=True)
    vectors = copy / "current" / "vectors.npy"
    vectors.unlink()
    np.save(vectors, np.array([{"a pickled": "object"}] * 20, dtype=object), allow_pickle=True)
    with pytest.raises(IndexMissing, match="damaged"):
        SearchIndex(copy)
    code = "\n".join(p.read_text() for p in (ROOT / "bot").rglob("*.py"))
    assert not re.search(r"^\s*import pickle|allow_pickle=True|pickle\.load", code, flags=re.M)
