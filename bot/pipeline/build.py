"""Builds everything the assistant needs, each step only when its inputs changed (content hashes).

spaCy pipeline -> generated NLU data -> FAISS index -> Rasa model. Called by `make run/shell/test`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

from bot import config
from bot.knowledge.check import check_pages
from bot.knowledge.pages import load_careers
from bot.pipeline import nlu_data, spacy_pipeline
from bot.search.index import build_index
from bot.search.title_vectors import build_title_vectors

log = logging.getLogger("bot.pipeline.build")
GENERATED_NLU = config.ROOT / "data" / "nlu" / "generated_careers.yml"
MODELS_DIR = config.ROOT / "models"
MODEL_NAME = "careers"
MODEL_FILE = MODELS_DIR / f"{MODEL_NAME}.tar.gz"
MODEL_STAMP = MODELS_DIR / f"{MODEL_NAME}.inputs-sha256"


def our_components() -> list[Path]:
    """The source files of our own components in config.yml's pipeline (`bot.rasa.english_only.EnglishOnly` ->
    bot/rasa/english_only.py, and the base classes they use from bot/rasa): a change there retrains."""
    import yaml

    pipeline = yaml.safe_load((config.ROOT / "config.yml").read_text()).get("pipeline") or []
    modules = {str(step["name"]).rsplit(".", 1)[0] for step in pipeline if str(step.get("name", "")).startswith("bot.")}
    files = {config.ROOT / (m.replace(".", "/") + ".py") for m in modules}
    files |= {config.ROOT / "bot" / "rasa" / "stateless.py"}
    return sorted(f for f in files if f.exists())


def model_inputs_hash() -> str:
    """Everything `rasa train` reads: config, domain, training data, our NLU components and spaCy pipeline."""
    files = [config.ROOT / "config.yml", config.ROOT / "domain.yml"]
    files += sorted((config.ROOT / "data").rglob("*.yml"))
    files += our_components()
    files += [config.SPACY_DIR / "careers.hash"]
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(config.ROOT)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def train_model(force: bool = False) -> bool:
    digest = model_inputs_hash()
    if not force and MODEL_FILE.exists() and MODEL_STAMP.exists() and MODEL_STAMP.read_text() == digest:
        log.info("Rasa model is up to date (%s)", MODEL_FILE.relative_to(config.ROOT))
        return False
    log.info("Training the Rasa model (inputs changed); this takes a few minutes")
    rasa = Path(sys.executable).with_name("rasa")
    cmd = [str(rasa), "train", "--fixed-model-name", MODEL_NAME, "--out", str(MODELS_DIR), "--force"]
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run(cmd, cwd=config.ROOT, env=env, check=True)
    MODEL_STAMP.write_text(digest)
    return True


def build_all(train: bool = True, force: bool = False) -> None:
    careers, errors = check_pages(config.career_dirs())
    if errors:
        raise SystemExit("The knowledge pages have problems:\n  " + "\n  ".join(errors))
    careers = load_careers()
    if spacy_pipeline.build(careers, config.SPACY_DIR):
        log.info("Built the spaCy pipeline (%d career name patterns)", len(spacy_pipeline.patterns(careers)))
    if nlu_data.write(careers, GENERATED_NLU):
        log.info("Regenerated %s", GENERATED_NLU.relative_to(config.ROOT))
    meta = build_index(careers.values(), force=force)
    log.info(
        "Index %s: %d passages from %d careers",
        "rebuilt" if meta["rebuilt"] else "up to date",
        meta["passages"],
        meta["careers"],
    )
    titles = build_title_vectors(force=force)
    log.info("O*NET title vectors %s: %d titles", "rebuilt" if titles["rebuilt"] else "up to date", titles["titles"])
    if train:
        train_model(force=force)
