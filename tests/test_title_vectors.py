"""The O*NET title vectors: built once, reused when the titles are unchanged, read by the resolver to compare a title
it has never seen with the ones it knows by meaning."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search.title_vectors import build_title_vectors, load_title_vectors, title_texts

pytestmark = pytest.mark.unit


def _facts(folder, titles: list[tuple[str, str]]) -> None:
    folder.mkdir(exist_ok=True)
    rows = "".join(f'{code},"{title}",\n' for code, title in titles)
    (folder / "alternate_titles.csv").write_text("code,alternate_title,short_title\n" + rows)
    (folder / "occupations.csv").write_text("code,title\n53-3033.00,Light Truck Drivers\n")


def test_vectors_are_built_once_and_only_new_titles_are_embedded(tmp_path):
    facts, out = tmp_path / "facts", tmp_path / "index"
    titles = [("53-3033.00", "Delivery Driver"), ("29-1141.00", "Registered Nurse (RN)")]
    _facts(facts, titles)
    first = build_title_vectors(out, facts_dir=facts, progress=False)
    assert first["rebuilt"] and first["embedded"] == first["titles"] == len(title_texts(facts)) == 4
    assert build_title_vectors(out, facts_dir=facts, progress=False)["rebuilt"] is False

    more = tmp_path / "more"  # the titles are read once per folder
    _facts(more, [*titles, ("29-1141.00", "Staff Nurse")])
    third = build_title_vectors(out, facts_dir=more, progress=False)
    assert third["rebuilt"] and third["embedded"] == 1 and third["titles"] == 5

    vectors = load_title_vectors(out)
    assert vectors is not None and vectors.texts == tuple(sorted(vectors.texts))
    rows = vectors.rows()
    assert {"delivery driver", "rn", "registered nurse", "staff nurse"} <= set(rows)
    assert np.allclose(np.linalg.norm(vectors.matrix, axis=1), 1.0, atol=1e-4)
    nurse, staff, driver = (vectors.matrix[rows[t]] for t in ("registered nurse", "staff nurse", "delivery driver"))
    assert nurse @ staff > nurse @ driver  # the vectors carry meaning


def test_a_damaged_file_is_ignored_not_fatal(tmp_path):
    (tmp_path / "titles.npz").write_bytes(b"not a numpy file")
    assert load_title_vectors(tmp_path) is None
    assert load_title_vectors(tmp_path / "nowhere") is None
