"""Career pages: parsing the Markdown + YAML front matter format of knowledge/FORMAT.md."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SECTION_IDS = (
    "overview",
    "duties",
    "specializations",
    "workplace",
    "skills",
    "education",
    "salary",
    "outlook",
    "personality",
)
REQUIRED_SECTIONS = ("overview", "duties")
SECTION_LABELS = {
    "overview": "Overview",
    "duties": "What they do",
    "specializations": "Specializations",
    "workplace": "Where they work",
    "skills": "Skills",
    "education": "How to become one",
    "salary": "Pay",
    "outlook": "Job outlook",
    "personality": "Who it suits",
}
HEADING_TO_SECTION = {
    "overview": "overview",
    "duties": "duties",
    "what they do": "duties",
    "specializations": "specializations",
    "types": "specializations",
    "kinds": "specializations",
    "workplace": "workplace",
    "work environment": "workplace",
    "where they work": "workplace",
    "skills": "skills",
    "education": "education",
    "how to become one": "education",
    "training": "education",
    "salary": "salary",
    "pay": "salary",
    "outlook": "outlook",
    "job outlook": "outlook",
    "personality": "personality",
    "who it suits": "personality",
}
RIASEC = "RIASEC"


def holland_code(profile: Mapping[str, float], letters: int = 3) -> str:
    """The Holland code of six interest scores: the letters of the highest, highest first, ties in RIASEC order."""
    return "".join(sorted(RIASEC, key=lambda d: (-float(profile[d]), RIASEC.index(d)))[:letters])


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)


class PageError(ValueError):
    """A page that cannot be parsed; the message names the file."""


@dataclass
class Career:
    id: str
    title: str
    aliases: list[str]
    cluster: str
    riasec: dict[str, float]
    education: dict
    related: list[str]
    sections: dict[str, str]
    path: Path
    salary: dict | None = None
    unknown_headings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        """Every name the career is known by: title first, then aliases."""
        return [self.title, *self.aliases]

    @property
    def provenance(self) -> str | None:
        """Where an ingested page's text came from (e.g. "O*NET database"); None for our own pages."""
        ingested = self.meta.get("ingested")
        return str(ingested.get("source")) if isinstance(ingested, dict) and ingested.get("source") else None

    def source(self, section: str) -> str:
        """The page and section an answer came from. Our pages are named by their place in the repository;
        ingested pages by their own file, wherever the counselor keeps it."""
        if "ingested" not in self.meta:
            return f"knowledge/careers/{self.id}.md#{section}"
        from bot import config

        try:
            where = self.path.resolve().relative_to(config.ROOT)
        except ValueError:
            where = self.path.resolve()
        return f"{where}#{section}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_sections(body: str) -> tuple[dict[str, str], list[str]]:
    """Split the Markdown body at `## ` headings; returns {section id: text} and unknown headings."""
    sections: dict[str, str] = {}
    unknown: list[str] = []
    current: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if current is not None:
            sections[current] = "\n".join(lines).strip()

    for line in body.splitlines():
        if line.startswith("## "):
            flush()
            heading = line[3:].strip()
            current = HEADING_TO_SECTION.get(heading.lower())
            if current is None:
                unknown.append(heading)
            lines = []
        elif current is not None:
            lines.append(line)
    flush()
    return sections, unknown


def parse_page(path: Path) -> Career:
    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise PageError(f"{path}: no YAML front matter between '---' lines at the top")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise PageError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise PageError(f"{path}: front matter must be a mapping")
    sections, unknown = split_sections(match.group(2))
    riasec = meta.get("riasec") or {}
    return Career(
        id=str(meta.get("id", "")),
        title=str(meta.get("title", "")),
        aliases=[str(a) for a in (meta.get("aliases") or [])],
        cluster=str(meta.get("cluster", "")),
        riasec={k: riasec[k] for k in riasec} if isinstance(riasec, dict) else {},
        education=meta.get("education") or {},
        related=[str(r) for r in (meta.get("related") or [])],
        sections=sections,
        path=path,
        salary=meta.get("salary"),
        unknown_headings=unknown,
        meta=meta,
    )


def page_paths(dirs: Iterable[Path]) -> list[Path]:
    paths: list[Path] = []
    for d in dirs:
        paths.extend(sorted(Path(d).glob("*.md")))
    return paths


def load_careers(dirs: Iterable[Path] | None = None) -> dict[str, Career]:
    """Load every page; raises PageError on the first unparsable one (run `python -m bot check` for all)."""
    from bot import config

    careers: dict[str, Career] = {}
    for path in page_paths(dirs or config.career_dirs()):
        career = parse_page(path)
        careers[career.id] = career
    return careers
