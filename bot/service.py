"""The loaded knowledge base, index and resolver, shared by the actions (loaded once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import config
from bot.knowledge import Career, load_careers
from bot.resolve import CareerResolver
from bot.retrieval import SearchIndex


@dataclass
class Service:
    careers: dict[str, Career]
    index: SearchIndex
    resolver: CareerResolver


def load_service(career_dirs: list[Path] | None = None, index_dir: Path | None = None) -> Service:
    careers = load_careers(career_dirs or config.career_dirs())
    index = SearchIndex(index_dir or config.INDEX_DIR)
    return Service(careers, index, CareerResolver(careers, index))


@lru_cache(maxsize=1)
def get_service() -> Service:
    return load_service()
