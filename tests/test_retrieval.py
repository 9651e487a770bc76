"""Index build, staleness, embedding reuse, atomic swap, filtered search and the search CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from bot.knowledge.pages import load_careers
from bot.search.index import IndexMissing, SearchIndex, build_index, passages_for, read_meta
from tests.conftest import FIXTURE_CAREERS, ROOT

pytestmark = pytest.mark.unit


def test_passages_name_career_and_section():
    passages = passages_for(load_careers([FIXTURE_CAREERS]).values())
    assert len(passages) == 20  # 4 pages x 5 sections, each short enough for one passage
    vet = next(p for p in passages if p.career == "veterinarian" and p.section == "workplace")
    assert vet.embed_text().startswith("Veterinarian. Where they work: Animal clinics")
    assert vet.source == "knowledge/careers/veterinarian.md#workplace"


def test_build_is_a_no_op_when_nothing_changed_and_reuses_embeddings(careers_copy, tmp_path):
    out = tmp_path / "idx"
    first = build_index(load_careers([careers_copy]).values(), index_dir=out, progress=False)
    assert first["rebuilt"] and first["embedded"] == 20 and first["reused"] == 0
    again = build_index(load_careers([careers_copy]).values(), index_dir=out, progress=False)
    assert again["rebuilt"] is False
    page = careers_copy / "electrician.md"
    page.write_text(page.read_text().replace("indoors and outdoors.", "indoors, outdoors and on rooftops."))
    third = build_index(load_careers([careers_copy]).values(), index_dir=out, progress=False)
    assert third["rebuilt"] and third["embedded"] == 1 and third["reused"] == 19
    hits = SearchIndex(out).search("rooftops", k=1)
    assert hits[0].career == "electrician" and "rooftops" in hits[0].text
    assert len(list(out.glob("build-*"))) == 1  # the old build was cleaned up


def test_metadata_is_json_and_current_is_a_symlink(fixture_index_dir):
    current = fixture_index_dir / "current"
    assert current.is_symlink()
    raw = json.loads((current / "passages.json").read_text())
    assert {"career", "title", "section", "text", "source", "hash"} <= set(raw[0])
    meta = read_meta(fixture_index_dir)
    assert meta["index_type"] == "IndexFlatIP" and meta["dimension"] == 384 and meta["passages"] == 20
    assert meta["index"] == {"index_type": "IndexFlatIP", "factory": "Flat", "exact": True}
    vectors = np.load(current / "vectors.npy", allow_pickle=False)  # plain arrays: no pickle anywhere
    assert vectors.shape == (20, 384) and vectors.dtype == np.float32


def test_large_corpora_get_an_approximate_index_recorded_in_the_metadata(careers_copy, tmp_path, monkeypatch):
    from bot.search import ann

    monkeypatch.setattr(ann, "FLAT_MAX", 10)  # pretend 20 passages is a large corpus
    out = tmp_path / "idx"
    meta = build_index(load_careers([careers_copy]).values(), index_dir=out, progress=False)
    assert meta["index_type"] == "IndexIVFScalarQuantizer"
    assert meta["index"]["factory"] == f"IVF{meta['index']['nlist']},SQ8" and meta["index"]["nprobe"] >= 1
    index = SearchIndex(out)
    assert index.meta["index"] == read_meta(out)["index"]
    import faiss

    assert faiss.extract_index_ivf(index.index).nprobe == meta["index"]["nprobe"]  # re-applied on load
    assert index.search("sick pets", k=1)[0].career == "veterinarian"
    one = index.search("where do they work", k=5, career="electrician", section="workplace")
    assert [(h.career, h.section) for h in one] == [("electrician", "workplace")]


def test_index_choice_by_size():
    from bot.search import ann

    assert ann.choose(3_000, 384)["exact"] is True
    big = ann.choose(1_000_000, 384)
    assert big["factory"] == "IVF4096,SQ8" and big["nprobe"] == 64 and big["exact"] is False


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_every_search_mode_ranks_and_filters(fixture_index_dir, mode):
    index = SearchIndex(fixture_index_dir, mode=mode)
    assert index.search("vets treat sick pets and farm animals", k=1)[0].career == "veterinarian"
    only = index.search("wiring work", k=3, career="electrician")
    assert only and {h.career for h in only} == {"electrician"}
    for hit in index.search("statistics and data", k=3):
        assert -1.0 <= hit.score <= 1.0  # cosine in every mode, so thresholds keep their meaning


def test_bm25_and_fusion():
    from bot.search.lexical import BM25, reciprocal_rank_fusion, tokens

    assert tokens("Nurses working nights") == ["nurse", "work", "night"]
    bm25 = BM25(["nurses care for patients", "electricians fix wiring", "the the the"])
    assert [i for i, _ in bm25.top("who fixes wiring", 3)] == [1]
    assert bm25.top("wiring", 3, allowed=np.array([0])) == []
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1]])
    assert [i for i, _ in fused] == [1, 3, 2]


def test_a_crash_while_writing_keeps_the_old_index(careers_copy, tmp_path, monkeypatch):
    import faiss

    out = tmp_path / "idx"
    build_index(load_careers([careers_copy]).values(), index_dir=out, progress=False)
    before = read_meta(out)["corpus_hash"]
    page = careers_copy / "chef.md"
    page.write_text(
        (careers_copy / "electrician.md")
        .read_text()
        .replace("electrician", "chef")
        .replace("Electrician", "Chef")
        .replace("sparky, electrical technician", "cook")
    )

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", boom)
    with pytest.raises(OSError):
        build_index(load_careers([careers_copy]).values(), index_dir=out, progress=False)
    assert read_meta(out)["corpus_hash"] == before
    assert len(SearchIndex(out).passages) == 20


def test_search_ranks_and_filters(fixture_index_dir):
    index = SearchIndex(fixture_index_dir)
    top = index.search("I want to work with animals", k=3)
    assert top[0].career == "veterinarian"
    assert top[0].score >= top[1].score >= top[2].score
    only = index.search("where do they work", k=5, career="electrician")
    assert only and {h.career for h in only} == {"electrician"}
    one = index.search("where do they work", k=5, career="electrician", section="workplace")
    assert [(h.career, h.section) for h in one] == [("electrician", "workplace")]
    assert index.search("pay", career="astronaut") == []


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexMissing, match="python -m bot index"):
        SearchIndex(tmp_path / "nowhere")


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300
    )


def test_search_cli_json_and_stdin(fixture_index_dir):
    result = _cli("search", "fixing wiring", "--index", str(fixture_index_dir), "--json", "-k", "2")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 2 and hits[0]["career"] == "electrician"
    assert set(hits[0]) == {"career", "title", "section", "score", "text", "source"}
    result = _cli("search", "-", "--index", str(fixture_index_dir), "-k", "1", stdin="sick pets\nstatistics\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line[0]["career"] for line in lines] == ["veterinarian", "data-scientist"]


def test_search_cli_rejects_bad_arguments(fixture_index_dir):
    assert _cli("search", "x", "--index", str(fixture_index_dir), "--section", "hobbies").returncode == 2
    bad = _cli("search", "x", "--index", str(fixture_index_dir), "--career", "astronaut")
    assert bad.returncode == 2 and "unknown career id" in bad.stderr


def test_a_section_answer_needs_no_query_embedding(service, monkeypatch):
    """Every section is one or a few passages: answering "<section> of <career>" quotes them without the encoder."""
    from bot.dialogue import answers

    def no_encoder(query):
        raise AssertionError(f"embedded {query!r}")

    monkeypatch.setattr(service.index, "embed", no_encoder)
    reply = answers.section_answer(service, "electrician", "workplace", "where do they work?")
    assert reply.metadata == {
        "career": "electrician",
        "section": "workplace",
        "source": "knowledge/careers/electrician.md#workplace",
    }
    assert "indoors and outdoors" in reply.text


def test_abbreviations_are_searched_with_the_career_title():
    from bot.search.expand import NameExpander

    expander = NameExpander({"lpn": "Licensed Practical Nurse", "swe": "Software Engineer"})
    assert expander.expand("lpn pay") == "lpn (Licensed Practical Nurse) pay"
    assert expander.expand("how much do SWE make") == "how much do SWE (Software Engineer) make"
    assert expander.expand("is a licensed practical nurse an lpn?") == "is a licensed practical nurse an lpn?"
    assert expander.expand("help me") == "help me"  # no name inside a word
    assert NameExpander({}).expand("lpn pay") == "lpn pay"


def test_index_cli_embeds_titles_only_for_the_products_index(tmp_path):
    """`--out` is an index of its own (tests, other page sets): built in seconds, without the O*NET title vectors,
    and says so (the product's own index gets them: docs/name-resolution.md)."""
    out = tmp_path / "index"
    result = _cli("index", "--knowledge", str(FIXTURE_CAREERS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "not built for --out" in result.stdout and (out / "current" / "meta.json").exists()
    assert not (out / "titles.npz").exists()
