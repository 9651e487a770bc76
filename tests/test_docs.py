"""The documentation stays usable: README short, links and anchors resolve, the configuration and contract docs
complete (docs/testing.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_MAX_LINES = 300

FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto:, ...


def doc_files() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def prose_lines(text: str) -> list[str]:
    """The lines outside fenced code blocks, with inline code spans removed (links in code are not links)."""
    out, in_fence = [], False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            out.append(INLINE_CODE.sub("", line))
    return out


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: the rendered text, lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text only
    text = text.replace("`", "").strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        n = seen.get(base, 0)
        found.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return found


def relative_links(path: Path) -> list[str]:
    return [
        m.group(2)
        for line in prose_lines(path.read_text(encoding="utf-8"))
        for m in LINK.finditer(line)
        if not EXTERNAL.match(m.group(2))
    ]


def test_slug_follows_github():
    assert slug("4. Conversation: bot message metadata") == "4-conversation-bot-message-metadata"
    assert slug("The terminal: `make shell`") == "the-terminal-make-shell"
    assert slug("How the widget is tested (`tests/test_widget_browser.py`)") == (
        "how-the-widget-is-tested-teststest_widget_browserpy"
    )
    assert slug("What `make run` starts (all on 127.0.0.1)") == "what-make-run-starts-all-on-127001"


def test_links_in_code_are_not_links():
    text = "see [a](real.md)\n`[b](code.md)`\n```\n[c](fenced.md)\n```\n"
    links = [m.group(2) for line in prose_lines(text) for m in LINK.finditer(line)]
    assert links == ["real.md"]


def test_readme_is_a_front_door():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move detail into docs/"


def test_docs_exist():
    assert DOCS.is_dir()
    names = {p.name for p in DOCS.glob("*.md")}
    assert {"configuration.md", "contracts.md", "testing.md", "architecture.md"} <= names


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path: Path):
    problems = []
    for target in relative_links(path):
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        if not dest.exists():
            problems.append(f"{target}: no such file {dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest}")
            continue
        if anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            problems.append(f"{target}: no heading with the anchor #{anchor} in {dest.relative_to(ROOT)}")
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_configuration_names_every_variable():
    from bot import config

    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    missing = [name for name, _default, _meaning in config.variables() if f"`{name}`" not in text]
    assert not missing, f"docs/configuration.md lacks {missing}"


def test_contracts_name_every_make_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    joined = makefile.replace("\\\n", " ")  # continuation lines
    targets = [t for line in re.findall(r"^\.PHONY:(.*)$", joined, re.MULTILINE) for t in line.split()]
    assert targets, "no .PHONY targets in the Makefile"
    text = (DOCS / "contracts.md").read_text(encoding="utf-8")
    missing = [t for t in targets if f"`make {t}`" not in text]
    assert not missing, f"docs/contracts.md lacks make targets {missing}"
