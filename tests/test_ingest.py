"""`python -m bot ingest`: O*NET releases, CSV/TSV tables and Markdown folders become checked pages, atomically."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge.check import check_pages
from bot.knowledge.ingest import ColumnMap, IngestError, ingest
from bot.knowledge.pages import load_careers
from tests.conftest import FIXTURE_CAREERS, ROOT

pytestmark = pytest.mark.unit

SOURCES = ROOT / "tests" / "fixtures" / "ingest"


def _pages(folder: Path) -> dict:
    careers, errors = check_pages([folder])
    assert errors == []
    return careers


def test_onet_release_uses_every_file_it_has(tmp_path):
    out = tmp_path / "onet"
    result = ingest(SOURCES / "onet", out, existing=[FIXTURE_CAREERS], progress=False)
    assert result["format"] == "onet" and result["pages"] == 3
    careers = _pages(out)
    bikes = careers["bicycle-repairers"]
    assert bikes.aliases == ["Bike Mechanic", "Cycle Technician"]  # Alternate Titles.txt
    assert bikes.riasec == {"R": 6.8, "I": 3.6, "A": 2.2, "S": 2.6, "E": 2.4, "C": 3.3}  # Interests.txt, OI scale
    assert bikes.education == {"level": "High school diploma", "job_zone": 2}  # Job Zones.txt
    assert bikes.related == ["drone-survey-technicians"]  # Related Occupations.txt; unknown codes dropped
    assert bikes.cluster == "Transportation, Distribution and Logistics"  # SOC 49-3 -> vehicle repair
    kelp = careers["kelp-farmers"]
    duties = kelp.sections["duties"].splitlines()
    assert duties[0].startswith("- Seed young seaweed") and duties[-1].startswith("- Steer small boats")  # core first
    assert kelp.cluster == "Agriculture, Food and Natural Resources"
    assert kelp.meta["ingested"] == {"source": "the O*NET database", "code": "45-2099.01"}
    assert kelp.source("duties").endswith("onet/kelp-farmers.md#duties")


def test_a_lone_occupation_data_file_is_enough(tmp_path):
    src = tmp_path / "release"
    src.mkdir()
    shutil.copy(SOURCES / "onet" / "Occupation Data.txt", src)
    out = tmp_path / "pages"
    ingest(src / "Occupation Data.txt", out, existing=[], progress=False)
    careers = _pages(out)
    drone = careers["drone-survey-technicians"]
    assert drone.riasec == {} and drone.aliases == [] and drone.education == {}
    assert drone.sections["duties"].startswith("- Fly camera and laser drones")  # from the description


def test_csv_with_default_columns(tmp_path):
    out = tmp_path / "csv"
    ingest(SOURCES / "careers.csv", out, existing=[], progress=False)
    room = _pages(out)["escape-room-designer"]
    assert room.aliases == ["puzzle room designer", "escape game designer"]
    assert room.sections["duties"].count("\n- ") == 2  # three items split at ';'
    assert room.riasec["A"] == 6.6 and room.education["job_zone"] == 3
    assert room.cluster == "Arts, Audio/Video Technology and Communications"


def test_tsv_with_configured_columns(tmp_path):
    out = tmp_path / "tsv"
    columns = ColumnMap(
        title="Occupation",
        sections={"overview": "What it is", "duties": "Day to day"},
        aliases="Other names",
        separator="|",
    )
    ingest(SOURCES / "careers.tsv", out, columns=columns, existing=[], progress=False)
    careers = _pages(out)
    assert careers["sign-language-interpreter"].aliases == ["ASL interpreter"]
    assert careers["wind-turbine-technician"].sections["duties"].startswith("- Climb towers")


def test_markdown_folder_plain_pages(tmp_path):
    out = tmp_path / "md"
    ingest(SOURCES / "markdown", out, existing=[], progress=False)
    careers = _pages(out)
    assert set(careers) == {"glassblower", "apiary-inspector"}
    assert careers["glassblower"].sections["workplace"].startswith("Studios")
    assert careers["apiary-inspector"].sections["duties"].startswith("- Open hives")


def test_a_bad_row_names_file_and_line_and_writes_nothing(tmp_path):
    out = tmp_path / "pages"
    ingest(SOURCES / "careers.csv", out, existing=[], progress=False)
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(IngestError, match=r"bad_riasec\.csv:3: interest score R=9\.0 is outside"):
        ingest(SOURCES / "bad_riasec.csv", out, existing=[], progress=False)
    assert sorted(p.name for p in out.iterdir()) == before  # the earlier pages are untouched
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]  # no temporary folder left behind


def test_malformed_rows_and_headers(tmp_path):
    ragged = tmp_path / "ragged.csv"
    ragged.write_text('title,description\nA Career,"fine"\nAnother,"text",extra\n')
    with pytest.raises(IngestError, match=r"ragged\.csv:3: 3 fields where the header has 2"):
        ingest(ragged, tmp_path / "o1", existing=[], progress=False)
    untitled = tmp_path / "untitled.csv"
    untitled.write_text('title,description\n,"no title here"\n')
    with pytest.raises(IngestError, match=r"untitled\.csv:2: empty title"):
        ingest(untitled, tmp_path / "o2", existing=[], progress=False)
    notonet = tmp_path / "rel"
    notonet.mkdir()
    (notonet / "Occupation Data.txt").write_text("Code\tName\n11-1011.00\tChief Executives\n")
    with pytest.raises(IngestError, match=r"Occupation Data\.txt:1: not an O\*NET text file"):
        ingest(notonet, tmp_path / "o3", existing=[], progress=False)
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists() and not (tmp_path / "o3").exists()


def test_ids_stay_unique_next_to_the_bundled_pages(tmp_path, careers_copy):
    page = careers_copy / "electrician.md"
    page.write_text(page.read_text().replace("title: Electrician", "title: Electrician (licensed)"))
    table = tmp_path / "t.csv"
    table.write_text('title,description,duties\nElectrician,"Wires buildings.","Pull cable"\nVeterinarian,"x","y"\n')
    out = tmp_path / "pages"
    result = ingest(table, out, existing=[careers_copy], progress=False)
    assert result["skipped_existing"] == 1  # "Veterinarian" is already a bundled title
    combined, errors = check_pages([careers_copy, out])
    assert errors == [] and "electrician-2" in combined and combined["electrician-2"].title == "Electrician"


def test_ingested_pages_are_indexed_and_resolved_with_the_bundled_ones(tmp_path):
    from bot.dialogue.service import load_service
    from bot.search.index import SearchIndex, build_index

    out = tmp_path / "onet"
    ingest(SOURCES / "onet", out, existing=[FIXTURE_CAREERS], progress=False)
    index_dir = tmp_path / "index"
    careers = load_careers([FIXTURE_CAREERS, out])
    build_index(careers.values(), index_dir=index_dir, progress=False)
    hits = SearchIndex(index_dir).search("who repairs electric cargo bikes", k=1)
    assert hits[0].career == "bicycle-repairers"
    service = load_service([FIXTURE_CAREERS, out], index_dir)
    assert service.resolver.resolve("bike mechanic").career == "bicycle-repairers"
    assert service.resolver.resolve("vet").career == "veterinarian"


def test_the_command_line(tmp_path):
    out = tmp_path / "pages"
    cmd = [sys.executable, "-m", "bot", "ingest", str(SOURCES / "bad_riasec.csv"), "--out", str(out), "--existing"]
    bad = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "bad_riasec.csv:3" in bad.stderr and "nothing written" in bad.stderr
    assert not out.exists()
    cmd[4] = str(SOURCES / "onet")
    good = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert good.returncode == 0 and "Wrote 3 pages (onet)" in good.stdout
    assert len(list(out.glob("*.md"))) == 3
