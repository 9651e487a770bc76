"""`python -m bot ingest`: turn a corpus a counselor already has into knowledge pages (knowledge/FORMAT.md).

Sources: a folder of Markdown pages (ours, or plain `# Title` + `## Section` documents), a CSV/TSV table with a
title column and text columns, or an O*NET database text release (a folder, or just its `Occupation Data.txt`;
alternate titles, task statements, interests, job zones and related occupations are used when present).

Every page is built in memory first, written to a temporary folder, checked with the same page check as our
own pages, and only then moved into place in one rename: a bad row stops the run with its file and line, and
the output folder is never left half-written.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.knowledge.check import CLUSTERS, EDUCATION_LEVELS, check_pages, name_key
from bot.knowledge.pages import HEADING_TO_SECTION, RIASEC, SECTION_IDS, Career, PageError, parse_page, slugify

log = logging.getLogger("bot.knowledge.ingest")
FORMATS = ("auto", "markdown", "csv", "tsv", "onet")
HEADINGS = {
    "overview": "Overview",
    "duties": "Duties",
    "specializations": "Specializations",
    "workplace": "Workplace",
    "skills": "Skills",
    "education": "Education",
    "salary": "Salary",
    "outlook": "Outlook",
    "personality": "Personality",
}
# Column names that mean a section when no --column mapping is given (besides the section ids and headings).
COLUMN_SYNONYMS = {
    "description": "overview",
    "summary": "overview",
    "definition": "overview",
    "tasks": "duties",
    "responsibilities": "duties",
    "work environment": "workplace",
    "work_environment": "workplace",
    "qualifications": "education",
    "requirements": "education",
    "pay": "salary",
    "wages": "salary",
}
RIASEC_NAMES = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
ZONE_LEVEL = {
    1: "High school diploma",
    2: "High school diploma",
    3: "Postsecondary certificate",
    4: "Bachelor's degree",
    5: "Master's degree",
}
LEVEL_ZONE = {
    "No formal credential": 1,
    "High school diploma": 2,
    "Postsecondary certificate": 3,
    "Apprenticeship": 3,
    "Associate's degree": 3,
    "Bachelor's degree": 4,
    "Master's degree": 5,
    "Doctoral or professional degree": 5,
}
# O*NET-SOC major group (first two digits) -> career cluster; a finer rule for groups that span two clusters.
SOC_CLUSTERS = {
    "11": "Business Management and Administration",
    "13": "Business Management and Administration",
    "15": "Information Technology",
    "17": "Science, Technology, Engineering and Mathematics",
    "19": "Science, Technology, Engineering and Mathematics",
    "21": "Human Services",
    "23": "Law, Public Safety, Corrections and Security",
    "25": "Education and Training",
    "27": "Arts, Audio/Video Technology and Communications",
    "29": "Health Science",
    "31": "Health Science",
    "33": "Law, Public Safety, Corrections and Security",
    "35": "Hospitality and Tourism",
    "37": "Hospitality and Tourism",
    "39": "Human Services",
    "41": "Marketing",
    "43": "Business Management and Administration",
    "45": "Agriculture, Food and Natural Resources",
    "47": "Architecture and Construction",
    "49": "Manufacturing",
    "51": "Manufacturing",
    "53": "Transportation, Distribution and Logistics",
    "55": "Government and Public Administration",
}
SOC_MINOR_CLUSTERS = {
    "13-2": "Finance",
    "15-2": "Science, Technology, Engineering and Mathematics",
    "17-1": "Architecture and Construction",
    "37-3": "Agriculture, Food and Natural Resources",
    "49-3": "Transportation, Distribution and Logistics",
}
MAX_ALIASES = 8
MAX_TASKS = 8


class IngestError(ValueError):
    """A problem in the source; the message names the file and, for a row, its line."""


@dataclass
class Draft:
    """One career as read from the source, before it gets an id and becomes a page."""

    title: str
    origin: str  # "file:line", for messages
    sections: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    cluster: str | None = None
    riasec: dict[str, float] | None = None
    job_zone: int | None = None
    level: str | None = None
    related_keys: list[str] = field(default_factory=list)  # source keys (e.g. O*NET codes), mapped to ids later
    key: str | None = None  # the source's own key for this career
    extra: dict = field(default_factory=dict)  # front matter of our own format, kept as is


@dataclass
class ColumnMap:
    """Which table columns hold what (CSV/TSV); unset means "guess from the header"."""

    title: str = "title"
    sections: dict[str, str] = field(default_factory=dict)  # section id -> column
    aliases: str | None = None
    cluster: str | None = None
    job_zone: str | None = None
    level: str | None = None
    separator: str = ";"


# ----------------------------------------------------------------------------------------------------- sources


def detect_format(source: Path) -> str:
    if source.is_file():
        if source.name.lower() == "occupation data.txt":
            return "onet"
        if source.suffix.lower() == ".csv":
            return "csv"
        if source.suffix.lower() in (".tsv", ".tab", ".txt"):
            return "tsv"
        if source.suffix.lower() == ".md":
            raise IngestError(f"{source}: give the folder that holds the Markdown pages, not one page")
    elif source.is_dir():
        if (source / "Occupation Data.txt").exists():
            return "onet"
        if any(source.glob("*.md")):
            return "markdown"
        raise IngestError(f"{source}: no Markdown pages and no 'Occupation Data.txt' in this folder")
    else:
        raise IngestError(f"{source}: no such file or folder")
    raise IngestError(f"{source}: cannot tell the format from the name; pass --format csv, tsv, markdown or onet")


def read_markdown(folder: Path) -> list[Draft]:
    """Pages in our own format are taken as they are; other Markdown needs a `# Title` and `## ` sections."""
    drafts = []
    for path in sorted(folder.glob("*.md")):
        text = _read_text(path)
        if text.startswith("---"):
            try:
                career = parse_page(path)
            except PageError as exc:
                raise IngestError(str(exc)) from exc
            drafts.append(_draft_from_page(career))
        else:
            drafts.append(_draft_from_plain_markdown(path, text))
    if not drafts:
        raise IngestError(f"{folder}: no Markdown pages (*.md) found")
    return drafts


def _draft_from_page(career: Career) -> Draft:
    extra = {
        k: v for k, v in career.meta.items() if k not in {"id", "title", "aliases", "cluster", "riasec", "related"}
    }
    education = career.education if isinstance(career.education, dict) else {}
    return Draft(
        title=career.title,
        origin=f"{career.path}:1",
        sections=dict(career.sections),
        aliases=list(career.aliases),
        cluster=career.cluster or None,
        riasec=dict(career.riasec) or None,
        job_zone=education.get("job_zone"),
        level=education.get("level"),
        related_keys=list(career.related),
        key=career.id or None,
        extra={k: v for k, v in extra.items() if k != "education"},
    )


def _draft_from_plain_markdown(path: Path, text: str) -> Draft:
    title = None
    current: str | None = "overview"
    sections: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("# ") and title is None:
            title = line[2:].strip()
        elif line.startswith("## "):
            heading = line[3:].strip()
            current = HEADING_TO_SECTION.get(heading.lower()) or COLUMN_SYNONYMS.get(heading.lower())
            if current is None:
                accepted = ", ".join(sorted(HEADING_TO_SECTION))
                raise IngestError(f"{path}:{number}: unknown section heading '## {heading}' (accepted: {accepted})")
        elif current:
            sections.setdefault(current, []).append(line)
    if not title:
        raise IngestError(f"{path}:1: no '# Title' line and no front matter: the page needs a title")
    return Draft(title, f"{path}:1", {k: "\n".join(v).strip() for k, v in sections.items() if "".join(v).strip()})


def read_table(path: Path, delimiter: str, columns: ColumnMap) -> list[Draft]:
    text = _read_text(path)
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise IngestError(f"{path}:1: the file is empty") from None
    index = {h.lower(): i for i, h in enumerate(header)}

    def required_column(name: str, what: str) -> int:
        found = column(name, what, required=True)
        assert found is not None  # column() raises for a missing required column
        return found

    def column(name: str | None, what: str, required: bool = False) -> int | None:
        if name is None:
            return None
        if name.lower() not in index:
            if required:
                raise IngestError(f"{path}:1: no '{name}' column for the {what} (columns: {', '.join(header)})")
            return None
        return index[name.lower()]

    title_col = required_column(columns.title, "title")
    section_cols: dict[str, int] = {}
    for section, name in columns.sections.items():
        if section not in SECTION_IDS:
            raise IngestError(f"--column {section}={name}: '{section}' is not a section ({', '.join(SECTION_IDS)})")
        section_cols[section] = required_column(name, f"'{section}' section")
    if not columns.sections:  # guess: columns named after a section, a heading or a synonym
        for i, h in enumerate(header):
            guessed = HEADING_TO_SECTION.get(h.lower()) or COLUMN_SYNONYMS.get(h.lower())
            if guessed and guessed not in section_cols:
                section_cols[guessed] = i
    if "overview" not in section_cols and "duties" not in section_cols:
        raise IngestError(
            f"{path}:1: no text columns found (columns: {', '.join(header)}); map them with --column overview=NAME"
        )
    alias_col = column(columns.aliases or "aliases", "aliases", required=columns.aliases is not None)
    cluster_col = column(columns.cluster or "cluster", "cluster", required=columns.cluster is not None)
    zone_col = column(columns.job_zone or "job_zone", "job zone", required=columns.job_zone is not None)
    level_col = column(columns.level or "education_level", "education level", required=columns.level is not None)
    riasec_cols = _riasec_columns(index)

    drafts = []
    for row in reader:
        where = f"{path}:{reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise IngestError(f"{where}: {len(row)} fields where the header has {len(header)} (a stray delimiter?)")
        title = row[title_col].strip()
        if not title:
            raise IngestError(f"{where}: empty title")
        draft = Draft(title, where)
        for section, i in section_cols.items():
            if row[i].strip():
                draft.sections[section] = _as_text(row[i], columns.separator if section != "overview" else None)
        if alias_col is not None:
            draft.aliases = [a.strip() for a in row[alias_col].split(columns.separator) if a.strip()]
        if cluster_col is not None and row[cluster_col].strip():
            draft.cluster = _cluster(row[cluster_col].strip(), where)
        if zone_col is not None and row[zone_col].strip():
            draft.job_zone = _job_zone(row[zone_col], where)
        if level_col is not None and row[level_col].strip():
            draft.level = _level(row[level_col].strip(), where)
        if riasec_cols:
            draft.riasec = {d: _interest(row[i], d, where) for d, i in riasec_cols.items()}
        drafts.append(draft)
    if not drafts:
        raise IngestError(f"{path}: no rows under the header")
    return drafts


def _riasec_columns(index: dict[str, int]) -> dict[str, int]:
    """R I A S E C columns, by letter or by name ("realistic"...); all six or none."""
    found = {}
    for letter, name in zip(RIASEC, RIASEC_NAMES):
        for candidate in (letter.lower(), name, f"riasec_{letter.lower()}"):
            if candidate in index:
                found[letter] = index[candidate]
                break
    return found if len(found) == 6 else {}


def read_onet(source: Path) -> list[Draft]:
    """An O*NET database text release: Occupation Data.txt, plus the other files when they are present."""
    folder = source if source.is_dir() else source.parent
    occupations = folder / "Occupation Data.txt"
    drafts: dict[str, Draft] = {}
    for where, row in _onet_rows(occupations, ["O*NET-SOC Code", "Title", "Description"]):
        code, title, description = row["O*NET-SOC Code"], row["Title"], row["Description"]
        if not re.fullmatch(r"\d\d-\d{4}\.\d\d", code):
            raise IngestError(f"{where}: '{code}' is not an O*NET-SOC code (like 15-2051.00)")
        if not title or not description:
            raise IngestError(f"{where}: an occupation needs a title and a description")
        if code in drafts:
            raise IngestError(f"{where}: occupation {code} appears twice")
        occupation = Draft(title, where, key=code, cluster=_soc_cluster(code))
        occupation.sections["overview"] = description
        occupation.extra["ingested"] = {"source": "the O*NET database", "code": code}
        drafts[code] = occupation
    if not drafts:
        raise IngestError(f"{occupations}: no occupations under the header")

    def known(where: str, code: str) -> Draft | None:
        # Rows about occupations the release's Occupation Data does not list are ignored, as O*NET's own tools do.
        return drafts.get(code)

    alternates = folder / "Alternate Titles.txt"
    if alternates.exists():
        for where, row in _onet_rows(alternates, ["O*NET-SOC Code", "Alternate Title"]):
            draft = known(where, row["O*NET-SOC Code"])
            title = row["Alternate Title"]
            if draft and title and len(draft.aliases) < MAX_ALIASES and name_key(title) != name_key(draft.title):
                if name_key(title) not in {name_key(a) for a in draft.aliases}:
                    draft.aliases.append(title)
    tasks = folder / "Task Statements.txt"
    if tasks.exists():
        found: dict[str, list[tuple[int, str]]] = {}
        for where, row in _onet_rows(tasks, ["O*NET-SOC Code", "Task"]):
            if known(where, row["O*NET-SOC Code"]) and row["Task"]:
                core = 0 if row.get("Task Type", "Core") in ("Core", "") else 1
                found.setdefault(row["O*NET-SOC Code"], []).append((core, row["Task"]))
        for code, items in found.items():
            ordered = [t for _, t in sorted(items, key=lambda x: x[0])][:MAX_TASKS]
            drafts[code].sections["duties"] = "\n".join(f"- {t}" for t in ordered)
    interests = folder / "Interests.txt"
    if interests.exists():
        for where, row in _onet_rows(interests, ["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"]):
            draft = known(where, row["O*NET-SOC Code"])
            name = row["Element Name"].lower()
            if draft and row["Scale ID"] == "OI" and name in RIASEC_NAMES:
                letter = RIASEC[RIASEC_NAMES.index(name)]
                draft.riasec = {**(draft.riasec or {}), letter: _interest(row["Data Value"], letter, where)}
    zones = folder / "Job Zones.txt"
    if zones.exists():
        for where, row in _onet_rows(zones, ["O*NET-SOC Code", "Job Zone"]):
            draft = known(where, row["O*NET-SOC Code"])
            if draft:
                draft.job_zone = _job_zone(row["Job Zone"], where)
    related = folder / "Related Occupations.txt"
    if related.exists():
        for where, row in _onet_rows(related, ["O*NET-SOC Code", "Related O*NET-SOC Code"]):
            draft = known(where, row["O*NET-SOC Code"])
            if draft and len(draft.related_keys) < 6:
                draft.related_keys.append(row["Related O*NET-SOC Code"])
    for draft in drafts.values():
        if "duties" not in draft.sections:  # no task statements: the description is a summary of the duties
            sentences = re.split(r"(?<=[.;])\s+", draft.sections["overview"])
            draft.sections["duties"] = "\n".join(f"- {s.strip()}" for s in sentences if s.strip())
        if draft.riasec is not None and len(draft.riasec) != 6:
            missing = "".join(d for d in RIASEC if d not in draft.riasec)
            raise IngestError(f"{interests}: occupation {draft.key} lacks interest scores for {missing}")
    return list(drafts.values())


def _onet_rows(path: Path, required: list[str]) -> Iterator[tuple[str, dict[str, str]]]:
    lines = _read_text(path).splitlines()
    if not lines:
        raise IngestError(f"{path}:1: the file is empty")
    header = lines[0].split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise IngestError(f"{path}:1: not an O*NET text file: missing column(s) {', '.join(missing)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise IngestError(f"{path}:{number}: {len(cells)} fields where the header has {len(header)}")
        yield f"{path}:{number}", {h: c.strip() for h, c in zip(header, cells)}


def _soc_cluster(code: str) -> str:
    return SOC_MINOR_CLUSTERS.get(code[:4]) or SOC_CLUSTERS.get(code[:2], "Government and Public Administration")


# ----------------------------------------------------------------------------------------------- field parsing


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older O*NET releases and spreadsheet exports


def _as_text(cell: str, separator: str | None) -> str:
    """A cell as section text: several items separated by the separator become bullets."""
    cell = cell.strip()
    if separator and separator in cell:
        return "\n".join(f"- {part.strip()}" for part in cell.split(separator) if part.strip())
    return cell


def _interest(value: str, letter: str, where: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise IngestError(f"{where}: interest score {letter}={value!r} is not a number") from None
    if not 1.0 <= score <= 7.0:
        raise IngestError(f"{where}: interest score {letter}={score} is outside 1.0-7.0")
    return round(score, 2)


def _job_zone(value: str, where: str) -> int:
    try:
        zone = int(float(str(value).strip()))
    except ValueError:
        raise IngestError(f"{where}: job zone {value!r} is not a number 1-5") from None
    if zone not in ZONE_LEVEL:
        raise IngestError(f"{where}: job zone {zone} is outside 1-5")
    return zone


def _level(value: str, where: str) -> str:
    for level in EDUCATION_LEVELS:
        if level.lower() == value.lower():
            return level
    raise IngestError(f"{where}: education level {value!r} is not one of: {'; '.join(EDUCATION_LEVELS)}")


def _cluster(value: str, where: str) -> str:
    for cluster in CLUSTERS:
        if cluster.lower() == value.lower():
            return cluster
    raise IngestError(f"{where}: cluster {value!r} is not one of the 16 career clusters")


# ------------------------------------------------------------------------------------------------------ pages


def assign_ids(drafts: list[Draft], taken: set[str]) -> dict[int, str]:
    """A unique slug id per draft, never one of `taken` (the careers already in the knowledge base)."""
    ids: dict[int, str] = {}
    used = set(taken)
    for n, draft in enumerate(drafts):
        base = slugify(draft.title) or "career"
        candidate, suffix = base, 2
        while candidate in used:
            candidate, suffix = f"{base}-{suffix}", suffix + 1
        ids[n] = candidate
        used.add(candidate)
    return ids


def render(draft: Draft, career_id: str, related: list[str], source_name: str) -> str:
    meta: dict = {"id": career_id, "title": draft.title, "aliases": draft.aliases}
    if draft.cluster:
        meta["cluster"] = draft.cluster
    if draft.riasec:
        meta["riasec"] = {d: draft.riasec[d] for d in RIASEC}
    if draft.job_zone or draft.level:
        level = draft.level or ZONE_LEVEL[draft.job_zone or 0]
        meta["education"] = {"level": level, "job_zone": draft.job_zone or LEVEL_ZONE[level]}
    meta["related"] = related
    meta.update({k: v for k, v in draft.extra.items() if k not in meta})
    meta.setdefault("ingested", {"source": source_name})
    body = "\n\n".join(f"## {HEADINGS[s]}\n{draft.sections[s].strip()}" for s in SECTION_IDS if draft.sections.get(s))
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n{body}\n"


def ingest(
    source: Path,
    out: Path,
    fmt: str = "auto",
    columns: ColumnMap | None = None,
    existing: Iterable[Path] = (),
    source_name: str | None = None,
    progress: bool = True,
) -> dict:
    """Read the source, write pages into `out` (replacing it as a whole), return counts. Raises IngestError."""
    from tqdm import tqdm

    source, out = Path(source), Path(out)
    fmt = detect_format(source) if fmt == "auto" else fmt
    if fmt not in FORMATS:
        raise IngestError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not source.exists():
        raise IngestError(f"{source}: no such file or folder")
    if fmt == "markdown":
        drafts = read_markdown(source)
    elif fmt in ("csv", "tsv"):
        drafts = read_table(source, "," if fmt == "csv" else "\t", columns or ColumnMap())
    else:
        drafts = read_onet(source)
    existing = [Path(d) for d in existing if Path(d).resolve() != out.resolve()]
    known, _ = check_pages(existing) if existing else ({}, [])
    known_titles = {name_key(c.title): cid for cid, c in known.items()}
    skipped = [d for d in drafts if name_key(d.title) in known_titles]
    for d in skipped:
        log.info(
            "%s: '%s' is already in the knowledge base as %s: skipped",
            d.origin,
            d.title,
            known_titles[name_key(d.title)],
        )
    drafts = [d for d in drafts if name_key(d.title) not in known_titles]
    seen: dict[str, str] = {}
    for d in drafts:
        if name_key(d.title) in seen:
            raise IngestError(f"{d.origin}: title '{d.title}' appears twice (first at {seen[name_key(d.title)]})")
        seen[name_key(d.title)] = d.origin
    ids = assign_ids(drafts, set(known))
    by_key = {d.key: ids[n] for n, d in enumerate(drafts) if d.key}
    all_ids = set(ids.values()) | set(known)
    name = source_name or _default_source_name(fmt, source)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        for n, draft in enumerate(tqdm(drafts, desc="Writing pages", unit="page", disable=not progress)):
            related = [by_key.get(k, k) for k in draft.related_keys]
            related = [r for r in dict.fromkeys(related) if r in all_ids and r != ids[n]]
            (tmp / f"{ids[n]}.md").write_text(render(draft, ids[n], related, name), encoding="utf-8")
        _, errors = check_pages([tmp, *existing])
        errors = [e for e in errors if str(tmp) in e]  # problems of the existing pages are not ours to report
        if errors:
            shown = "\n  ".join(e.replace(str(tmp), str(out)) for e in errors[:20])
            more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
            raise IngestError(f"the ingested pages would not pass the page check:\n  {shown}{more}")
        _swap_in(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"format": fmt, "pages": len(drafts), "skipped_existing": len(skipped), "out": str(out)}


def _default_source_name(fmt: str, source: Path) -> str:
    if fmt == "onet":
        return "the O*NET database"
    return f"{source.name} (ingested)"


def _swap_in(tmp: Path, out: Path) -> None:
    """Replace `out` by `tmp` with renames: a reader sees the old folder or the new one, never a mix."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        if out.is_dir() and any(p.suffix != ".md" for p in out.iterdir() if not p.name.startswith(".")):
            raise IngestError(f"{out}: holds files other than career pages; choose an empty or new folder")
        os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def main(args) -> int:
    """The CLI entry (bot/cli.py parses the arguments)."""
    columns = ColumnMap(
        title=args.title_column,
        sections=dict(_pair(c) for c in args.column or []),
        aliases=args.aliases_column,
        cluster=args.cluster_column,
        job_zone=args.job_zone_column,
        level=args.education_column,
        separator=args.separator,
    )
    from bot import config

    existing = [Path(d) for d in args.existing] if args.existing is not None else config.career_dirs()
    try:
        result = ingest(Path(args.source), Path(args.out), args.format, columns, existing, args.source_name)
    except IngestError as exc:
        print(f"ingest failed, nothing written: {exc}", file=sys.stderr)
        return 1
    print(
        f"Wrote {result['pages']} pages ({result['format']}) to {result['out']}"
        + (
            f"; {result['skipped_existing']} already in the knowledge base were skipped"
            if result["skipped_existing"]
            else ""
        )
        + f"\nUse them: `python -m bot index --knowledge knowledge/careers {result['out']}`,"
        f" or BOT_EXTRA_KNOWLEDGE={result['out']} make run"
    )
    return 0


def _pair(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise SystemExit(f"--column needs SECTION=COLUMN, got {text!r}")
    section, column = text.split("=", 1)
    return section.strip().lower(), column.strip()
