"""`python -m bot report`: what people asked and how well the assistant coped, read from the tracker store.

Reads Rasa's `events` table (the SQL tracker store: SQLite under var/ or PostgreSQL) directly with SQLAlchemy,
read-only, so it can run next to a live server. Only `user` and `bot` events are needed: user events carry
what NLU understood (intent, confidence), bot events carry the machine-readable facts the actions attach
(docs/contracts.md §4: `career`/`section`, `unknown_career`, `quiz_item`, `quiz_result`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bot import config

FALLBACK_INTENT = "nlu_fallback"
DEFAULT_LOW_CONFIDENCE = 0.6
SHOWN = 20  # low-confidence messages printed in the text report (--json has them all)
Row = tuple[str, str, float, dict]  # sender, "user" or "bot", timestamp, the event as Rasa stored it


class StoreUnavailable(Exception):
    """The tracker store is missing, unreachable or not a Rasa tracker store: a message for the user."""


@dataclass(frozen=True)
class Source:
    url: str  # for SQLAlchemy
    label: str  # for people: no password
    connect_args: dict


def resolve_source(tracker_url: str | None = None, sqlite: str | Path | None = None) -> Source:
    """The store to read: --sqlite PATH, --tracker-url URL, else BOT_TRACKER_URL, else var/tracker.db."""
    if sqlite is None and tracker_url is None:
        tracker_url = config.settings().bot_tracker_url or None
        if tracker_url is None:
            sqlite = config.VAR_DIR / "tracker.db"
    if tracker_url is not None and tracker_url.startswith("sqlite:///"):
        sqlite = tracker_url[len("sqlite:///") :]
    if sqlite is not None:
        path = Path(sqlite).resolve()
        if not path.is_file():
            raise StoreUnavailable(
                f"No conversations yet: there is no tracker store at {path}.\n"
                "The assistant creates it with the first conversation (`make run`); "
                "or point the report elsewhere with --sqlite PATH or --tracker-url postgresql://..."
            )
        # Read-only at the SQLite level: the report can never change or lock out the live store.
        return Source(f"sqlite:///file:{path}?mode=ro&uri=true", f"{path} (SQLite)", {})
    parts = urlsplit(tracker_url or "")
    if parts.scheme not in ("postgresql", "postgres"):
        raise StoreUnavailable(f"--tracker-url must be postgresql://user:password@host:port/db, got {tracker_url!r}")
    netloc = parts.netloc.rsplit("@", 1)
    label_netloc = (netloc[0].split(":")[0] + ":***@" + netloc[1]) if len(netloc) == 2 else parts.netloc
    return Source(
        urlunsplit(("postgresql", *parts[1:])),
        urlunsplit(("postgresql", label_netloc, parts.path, "", "")),
        # Read-only at the PostgreSQL level too.
        {"options": "-c default_transaction_read_only=on", "connect_timeout": 10},
    )


def parse_when(text: str, end_of_day: bool = False) -> float:
    """An ISO date or date-time as a Unix time; naive means local time; a bare date with `end_of_day`
    means the end of that day (so --until 2026-11-25 includes the 25th)."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day + timedelta(days=1) if end_of_day else day, time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO date or date-time: {text!r} (e.g. 2026-11-25 or 2026-11-25T14:00)") from None
    return moment.timestamp()


def iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")


def read_events(source: Source, since: float | None, until: float | None) -> Iterator[Row]:
    """(sender, "user"|"bot", timestamp, event) in store order, within [since, until)."""
    import sqlalchemy as sa

    engine = sa.create_engine(source.url, connect_args=source.connect_args)
    columns = ("id", "sender_id", "type_name", "timestamp", "data")
    events = sa.table("events", *(sa.column(c) for c in columns))
    query = sa.select(events.c.sender_id, events.c.type_name, events.c.timestamp, events.c.data).where(
        events.c.type_name.in_(["user", "bot"])
    )
    if since is not None:
        query = query.where(events.c.timestamp >= since)
    if until is not None:
        query = query.where(events.c.timestamp < until)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("events"):
                raise StoreUnavailable(
                    f"No conversations yet: {source.label} has no `events` table "
                    "(the Rasa server creates it with the first conversation)."
                )
            rows = conn.execution_options(stream_results=True).execute(query.order_by(events.c.id))
            for sender, kind, ts, data in rows:
                try:
                    event = json.loads(data or "{}")
                except ValueError:
                    continue
                yield sender, kind, ts or 0.0, event
    except sa.exc.DBAPIError as exc:
        raise StoreUnavailable(f"Cannot read {source.label}: {str(exc.orig).strip()}") from None
    finally:
        engine.dispose()


def best_guess(parse: dict) -> tuple[str | None, float | None]:
    """NLU's best real intent and its confidence (nlu_fallback replaces the top intent, the ranking keeps it)."""
    for entry in parse.get("intent_ranking") or []:
        if entry.get("name") and entry["name"] != FALLBACK_INTENT:
            return entry["name"], entry.get("confidence")
    intent = parse.get("intent") or {}
    return intent.get("name"), intent.get("confidence")


def build_report(events: Iterable[Row], low_confidence: float = DEFAULT_LOW_CONFIDENCE) -> dict:
    """The numbers of the report from (sender, kind, timestamp, event) tuples."""
    senders: set[str] = set()
    channels: Counter[str] = Counter()
    messages = typed = fallbacks = 0
    review: list[dict] = []
    started: set[str] = set()
    completed: set[str] = set()
    results = 0
    careers: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    first = last = None
    for sender, kind, ts, event in events:
        first = ts if first is None else min(first, ts)
        last = ts if last is None else max(last, ts)
        if kind == "user":
            senders.add(sender)
            messages += 1
            channels[event.get("input_channel") or "unknown"] += 1
            parse = event.get("parse_data") or {}
            fell_back = (parse.get("intent") or {}).get("name") == FALLBACK_INTENT
            fallbacks += fell_back
            text = (event.get("text") or "").strip()
            if not text or text.startswith("/"):  # buttons and payloads are not NLU's doing
                continue
            typed += 1
            intent, confidence = best_guess(parse)
            if fell_back or (confidence is not None and confidence < low_confidence):
                review.append(
                    {
                        "when": iso(ts),
                        "sender": sender,
                        "text": text,
                        "intent": intent,
                        "confidence": None if confidence is None else round(confidence, 3),
                        "fallback": fell_back,
                    }
                )
            continue
        meta = event.get("metadata") or {}
        if "quiz_item" in meta:
            started.add(sender)
        if "quiz_result" in meta:
            completed.add(sender)
            results += 1
        if meta.get("career"):
            careers[meta["career"]] += 1
        for career in meta.get("compare") or []:
            careers[career] += 1
        if meta.get("section"):
            sections[meta["section"]] += 1
        if meta.get("unknown_career"):
            unknown[" ".join(str(meta["unknown_career"]).lower().split())] += 1
    started |= completed  # a result in the period whose test began before it still counts as started
    review.sort(key=lambda r: (r["confidence"] is None, r["confidence"] or 0.0))
    return {
        "first_event": iso(first),
        "last_event": iso(last),
        "conversations": len(senders),
        "user_messages": messages,
        "typed_messages": typed,
        "channels": dict(channels.most_common()),
        "fallback": {
            "count": fallbacks,
            "rate": _share(fallbacks, messages),
            "rate_of_typed": _share(fallbacks, typed),
        },
        "low_confidence": {"threshold": low_confidence, "count": len(review), "messages": review},
        "career_test": {
            "started": len(started),
            "completed": len(completed),
            "completion_rate": _share(len(completed), len(started)),
            "results": results,
        },
        "careers": [{"career": c, "count": n} for c, n in careers.most_common()],
        "sections": [{"section": s, "count": n} for s, n in sections.most_common()],
        "unknown_careers": [{"name": u, "count": n} for u, n in unknown.most_common()],
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.1%}"


def _top(rows: list[dict], key: str, limit: int = 10) -> str:
    shown = ", ".join(f"{r[key]} ({r['count']})" for r in rows[:limit])
    more = f", ... {len(rows) - limit} more" if len(rows) > limit else ""
    return (shown + more) or "none"


def format_text(report: dict) -> str:
    """The report for people: one screen."""
    fb, test, low = report["fallback"], report["career_test"], report["low_confidence"]
    lines = [
        f"Conversation report: {report['source']}",
        f"Period: {report['since'] or 'the beginning'} to {report['until'] or 'now'}"
        + (f" (events from {report['first_event']} to {report['last_event']})" if report["first_event"] else ""),
        "",
        f"Conversations:          {report['conversations']}",
        f"User messages:          {report['user_messages']} ({report['typed_messages']} typed, the rest buttons)"
        + ("; channels: " + ", ".join(f"{c} {n}" for c, n in report["channels"].items()) if report["channels"] else ""),
        f"Fallback rate:          {_pct(fb['rate'])} ({fb['count']} of {report['user_messages']} messages; "
        f"{_pct(fb['rate_of_typed'])} of typed ones)",
        f"Career test:            {test['started']} started, {test['completed']} completed "
        f"({_pct(test['completion_rate'])}); results shown: {test['results']}",
        f"Most asked careers:     {_top(report['careers'], 'career')}",
        f"Most asked sections:    {_top(report['sections'], 'section')}",
        f"Unknown careers asked:  {_top(report['unknown_careers'], 'name')}",
        "",
        f"Messages to review (NLU confidence below {low['threshold']:.2f} or fallback), lowest first: {low['count']}",
    ]
    for r in low["messages"][:SHOWN]:
        conf = "  -  " if r["confidence"] is None else f"{r['confidence']:.2f}"
        flag = " fallback" if r["fallback"] else ""
        lines.append(f"  {r['when']}  {conf}  {r['intent'] or '-'}{flag}: {json.dumps(r['text'], ensure_ascii=False)}")
    if low["count"] > SHOWN:
        lines.append(f"  ... and {low['count'] - SHOWN} more (--json lists them all)")
    if low["count"]:
        lines.append("  Add the ones NLU got wrong to data/nlu/ with the right intent, then retrain (make run).")
    return "\n".join(lines)


def run(
    tracker_url: str | None = None,
    sqlite: str | Path | None = None,
    since: str | None = None,
    until: str | None = None,
    low_confidence: float = DEFAULT_LOW_CONFIDENCE,
) -> dict:
    """The report as a dict (what --json prints). Raises StoreUnavailable or ValueError with a message."""
    source = resolve_source(tracker_url, sqlite)
    start = parse_when(since) if since else None
    end = parse_when(until, end_of_day=True) if until else None
    if start is not None and end is not None and end <= start:
        raise ValueError("--until must be later than --since")
    report = build_report(read_events(source, start, end), low_confidence)
    return {"source": source.label, "since": iso(start), "until": iso(end), **report}


def main(args: Any) -> int:
    """`python -m bot report`: exit 0 with the report (or a 'nothing in this period' note), 1 if no store."""
    import sys

    try:
        report = run(args.tracker_url, args.sqlite, args.since, args.until, args.low_confidence)
    except (StoreUnavailable, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1 if isinstance(exc, StoreUnavailable) else 2
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif not report["user_messages"]:
        period = f"between {report['since'] or 'the beginning'} and {report['until'] or 'now'}"
        print(f"No conversations in {report['source']} {period}.")
    else:
        print(format_text(report))
    return 0
