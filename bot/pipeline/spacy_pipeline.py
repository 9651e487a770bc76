"""The project's spaCy pipeline: blank English + an entity ruler of every career title and alias.

No official spaCy model can be downloaded here, and career names are what we need to find anyway.
Rasa loads the saved folder with `SpacyNLP` (`model: build/spacy_careers`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from bot.knowledge.pages import Career
from bot.knowledge.text import plural

LABEL = "career"
VERSION = "1"


def patterns(careers: dict[str, Career]) -> list[dict]:
    out = []
    for career in careers.values():
        names = {n for n in career.names if n.strip()}
        for name in sorted(names | {plural(n) for n in names if not n.isupper()}):
            out.append({"label": LABEL, "pattern": name, "id": career.id})
    return out


def pipeline_hash(careers: dict[str, Career]) -> str:
    return hashlib.sha256((VERSION + json.dumps(patterns(careers), sort_keys=True)).encode()).hexdigest()[:20]


def build(careers: dict[str, Career], out: Path) -> bool:
    """Write the pipeline to `out` unless the one there was built from the same names; True if rebuilt."""
    import spacy

    digest = pipeline_hash(careers)
    stamp = out / "careers.hash"
    if stamp.exists() and stamp.read_text() == digest:
        return False
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns(careers))  # type: ignore[attr-defined]  # add_pipe returns the EntityRuler
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    (tmp / "careers.hash").write_text(digest)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return True
