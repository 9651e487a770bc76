"""The loaded knowledge base, index and resolver, shared by the actions (loaded once per process).

`python -m bot.dialogue.service` is the start-up check of bot/ops/serve.py: it loads what the action server will
load and, when that cannot work, prints what is wrong and the command that fixes it (exit 1), before any server is
started."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import config
from bot.dialogue.resolve import CareerResolver
from bot.knowledge.pages import Career, PageError, load_careers
from bot.search.index import IndexMissing, SearchIndex

# What a missing or broken knowledge base raises; the actions answer "not available" instead of failing.
KNOWLEDGE_ERRORS = (IndexMissing, PageError)


@dataclass
class Service:
    careers: dict[str, Career]
    index: SearchIndex
    resolver: CareerResolver


def load_service(career_dirs: list[Path] | None = None, index_dir: Path | None = None) -> Service:
    careers = load_careers(career_dirs or config.career_dirs())
    index = SearchIndex(index_dir or config.INDEX_DIR)
    index.use_names(careers.values())
    return Service(careers, index, CareerResolver(careers, index))


@lru_cache(maxsize=1)
def get_service() -> Service:
    """Cached once loaded; a failure is not cached, so a repaired index is picked up without a restart."""
    return load_service()


def check_ready(career_dirs: list[Path] | None = None, index_dir: Path | None = None) -> tuple[list[str], list[str]]:
    """(errors, warnings) about the pages and the index; each names the file or the command that fixes it."""
    from bot.knowledge.check import check_pages
    from bot.search.index import corpus_hash, passages_for

    errors: list[str] = []
    warnings: list[str] = []
    careers, problems = check_pages(career_dirs or config.career_dirs())
    if problems:
        errors += problems
        errors.append("fix the pages named above (`python -m bot check` lists every problem)")
    try:
        index = SearchIndex(index_dir or config.INDEX_DIR)
    except IndexMissing as exc:
        errors.append(str(exc))
        return errors, warnings
    if careers and not problems:
        if index.meta.get("corpus_hash") != corpus_hash(passages_for(careers.values()), config.embed_model()):
            warnings.append("the search index is older than the knowledge pages: run `python -m bot index`")
    return errors, warnings


def main() -> int:
    errors, warnings = check_ready()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if errors:
        print(
            "The knowledge base is not ready, so the assistant cannot answer:\n  " + "\n  ".join(errors),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
