"""`python -m bot <command>`: the command line of docs/contracts.md §2 plus build/check helpers."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from bot import config


def cmd_check(args) -> int:
    from bot.knowledge.check import check_pages, shared_names

    dirs = [Path(d) for d in args.knowledge] if args.knowledge else config.career_dirs()
    careers, errors = check_pages(dirs)
    for e in errors:
        print(e, file=sys.stderr)
    shared = shared_names(careers)
    for name, ids in shared.items():
        print(f"shared name '{name}': {', '.join(ids)} (the assistant asks which one is meant)")
    print(f"{len(careers)} pages checked, {len(errors)} problems, {len(shared)} shared names")
    return 1 if errors else 0


def cmd_index(args) -> int:
    from bot.knowledge.check import check_pages
    from bot.search.index import build_index
    from bot.search.title_vectors import build_title_vectors

    dirs = [Path(d) for d in args.knowledge] if args.knowledge else config.career_dirs()
    careers, errors = check_pages(dirs)
    if errors:
        print("Not indexing: fix these page problems first:\n  " + "\n  ".join(errors), file=sys.stderr)
        return 1
    meta = build_index(
        careers.values(), index_dir=Path(args.out) if args.out else None, force=args.force, model=args.model
    )
    if meta["rebuilt"]:
        rate = meta["embedded"] / meta["build_seconds"] if meta["build_seconds"] else 0
        print(
            f"Indexed {meta['passages']} passages from {meta['careers']} careers "
            f"({meta['embedded']} embedded, {meta['reused']} reused, {rate:.0f} passages/s)"
        )
    else:
        print(f"Index is up to date: {meta['passages']} passages from {meta['careers']} careers (nothing to do)")
    if args.out and not args.titles:  # an index of its own (tests, other page sets): quick, without them
        print("O*NET title vectors: not built for --out (add --titles; names are then compared by letters only)")
        return 0
    titles = build_title_vectors(Path(args.out) if args.out else None, model=args.model, force=args.force)
    print(f"O*NET title vectors: {titles['titles']:,} titles, " + ("rebuilt" if titles["rebuilt"] else "up to date"))
    return 0


def cmd_search(args) -> int:
    from bot.knowledge.pages import SECTION_IDS
    from bot.search.index import IndexMissing, SearchIndex

    if args.section and args.section not in SECTION_IDS:
        print(f"unknown section '{args.section}'; choose one of {', '.join(SECTION_IDS)}", file=sys.stderr)
        return 2
    try:
        index = SearchIndex(Path(args.index) if args.index else None, model=args.model)
    except IndexMissing as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.career and args.career not in index.careers:
        print(f"unknown career id '{args.career}'", file=sys.stderr)
        return 2

    def run(query: str) -> list:
        return index.search(query, k=args.k, career=args.career, section=args.section, mode=args.mode)

    if args.query == "-":
        for line in sys.stdin:
            query = line.strip()
            print(json.dumps([h.as_json() for h in run(query)] if query else [], ensure_ascii=False), flush=True)
        return 0
    if not args.query.strip():
        print("the query is empty", file=sys.stderr)
        return 2
    hits = run(args.query)
    if args.json:
        print(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2))
    else:
        for n, h in enumerate(hits, 1):
            print(f"{n}. [{h.score:.3f}] {h.title} / {h.section}  ({h.source})")
            print("   " + h.text.replace("\n", "\n   ")[:400])
    return 0


def cmd_ingest(args) -> int:
    from bot.knowledge.ingest import main

    return main(args)


def cmd_build(args) -> int:
    from bot.pipeline.build import build_all

    build_all(train=not args.no_train, force=args.force)
    return 0


def cmd_eval(args) -> int:
    from bot.evaluation.evaluate import run_eval

    parts = tuple(args.only or ("nlu", "retrieval", "quiz"))
    report = run_eval(model=args.model, parts=parts, respondents=args.respondents, held_out=args.held_out)
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


def cmd_report(args) -> int:
    from bot.ops.report import main

    return main(args)


def cmd_serve(args) -> int:
    from bot.ops import serve

    return serve.run_forever(args.rasa_port, args.action_port, args.web_port)


def cmd_shell(args) -> int:
    from bot.ops import serve

    return serve.shell(args.action_port, args.rasa_port, args.model)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("faiss.loader").setLevel(logging.WARNING)  # which CPU instructions it uses: not news
    parser = argparse.ArgumentParser(prog="python -m bot", description="Career-advice assistant tools")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="check the knowledge pages")
    p.add_argument("--knowledge", nargs="*", help="knowledge folders (default: knowledge/careers)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("ingest", help="turn an outside career corpus into knowledge pages")
    p.add_argument("source", help="a folder of Markdown pages, a CSV/TSV file, or an O*NET text release")
    p.add_argument("--out", required=True, help="folder for the pages (replaced as a whole, atomically)")
    p.add_argument("--format", default="auto", choices=["auto", "markdown", "csv", "tsv", "onet"])
    p.add_argument("--title-column", default="title", help="CSV/TSV: the column with the career title")
    p.add_argument(
        "--column",
        action="append",
        metavar="SECTION=COLUMN",
        help="CSV/TSV: a text column for a section (repeatable); default: columns named after sections",
    )
    p.add_argument("--aliases-column", help="CSV/TSV: other names, separated by --separator (default: 'aliases')")
    p.add_argument("--cluster-column", help="CSV/TSV: the career cluster (default: 'cluster')")
    p.add_argument("--job-zone-column", help="CSV/TSV: the job zone 1-5 (default: 'job_zone')")
    p.add_argument("--education-column", help="CSV/TSV: the education level (default: 'education_level')")
    p.add_argument("--separator", default=";", help="CSV/TSV: separates list items in a cell (default ';')")
    p.add_argument("--source-name", help="how answers name the corpus (default: from the format)")
    p.add_argument(
        "--existing",
        nargs="*",
        help="knowledge folders whose careers are kept (same titles skipped, ids kept unique);"
        " default: knowledge/careers and BOT_EXTRA_KNOWLEDGE",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("index", help="build the FAISS index (a no-op when nothing changed)")
    p.add_argument("--knowledge", nargs="*", help="career page folders (default: knowledge/careers)")
    p.add_argument("--out", help="index folder (default: knowledge/index)")
    p.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    p.add_argument("--model", help="sentence-transformers model name or folder")
    p.add_argument(
        "--titles", action="store_true", help="with --out: also embed the O*NET titles there (about a minute)"
    )
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="ranked passages for a query ('-' reads queries from stdin)")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--career", help="restrict to one career id")
    p.add_argument("--section", help="restrict to one section id")
    p.add_argument("--index", help="index folder (default: knowledge/index)")
    p.add_argument("--model", help="sentence-transformers model name or folder")
    p.add_argument("--mode", choices=["dense", "bm25", "hybrid"], help="ranking (default: the report's winner)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("build", help="spaCy pipeline, NLU data, index and Rasa model, each only if stale")
    p.add_argument("--no-train", action="store_true", help="skip training the Rasa model")
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("eval", help="the quality report (NLU, resolution, answers)")
    p.add_argument("--model", help="trained Rasa model (default: models/careers.tar.gz)")
    p.add_argument("--only", nargs="+", choices=["nlu", "retrieval", "quiz"], help="only these parts of the report")
    p.add_argument(
        "--respondents", type=int, default=1000, help="synthetic career-test respondents per noise level (default 1000)"
    )
    p.add_argument(
        "--held-out",
        type=int,
        default=2000,
        help="held-out O*NET titles to resolve, a seeded sample of the fifth left out (default 2000; 0: all of them)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("report", help="conversations, fallbacks, career test completion, from the tracker store")
    p.add_argument("--since", help="ISO date or date-time (local time unless it has an offset)")
    p.add_argument("--until", help="ISO date (that whole day included) or date-time")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--tracker-url", help="postgresql://user:password@host:port/db (default: BOT_TRACKER_URL)")
    source.add_argument("--sqlite", help="an SQLite tracker store (default: var/tracker.db)")
    p.add_argument("--low-confidence", type=float, default=0.6, help="list messages NLU was less sure of")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("serve", help="start the action server, Rasa server and web page (make run)")
    p.add_argument("--rasa-port", type=int, default=5005)
    p.add_argument("--action-port", type=int, default=5055)
    p.add_argument("--web-port", type=int, default=8080)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("shell", help="the Rasa shell with the action server running (make shell)")
    p.add_argument("--action-port", type=int, default=5055)
    p.add_argument("--rasa-port", type=int, default=5005, help="the shell's own Rasa server (loopback only)")
    p.add_argument("--model", type=Path, help="trained Rasa model (default: models/careers.tar.gz)")
    p.set_defaults(func=cmd_shell)

    args = parser.parse_args(argv)
    return args.func(args)
