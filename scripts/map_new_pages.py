"""Add every page that knowledge/facts/career_onet.csv lacks, from its own `onet` codes, and fill empty `related`
lists from O*NET's related occupations mapped to our pages.

    PYTHONPATH=. python scripts/map_new_pages.py

The BLS code of a page is the crosswalk's OEWS code of its first O*NET code; an O*NET sub-occupation (a code not
ending in .00) or a broad BLS match quotes a "broader category". Then run scripts/apply_facts.py.
"""

from __future__ import annotations

import csv
import re
import sys

import yaml

from bot import config
from bot.knowledge import facts

MAX_RELATED = 5


def front(text: str) -> dict:
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def main() -> int:
    path = config.FACTS_DIR / "career_onet.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    known = {r["career"] for r in rows}
    xwalk = {r["code"]: r for r in facts.table("soc_xwalk.csv")}
    pages = {p.stem: p for p in sorted(config.CAREERS_DIR.glob("*.md"))}
    metas = {cid: front(p.read_text(encoding="utf-8")) for cid, p in pages.items()}
    added = 0
    for cid, meta in metas.items():
        if cid in known:
            continue
        codes = [c for c in meta.get("onet") or [] if c]
        if not codes:
            print(f"{cid}: no onet codes and not in career_onet.csv: add its row by hand", file=sys.stderr)
            continue
        x = xwalk.get(codes[0], {})
        soc = x.get("oews_soc") or x.get("ep_soc") or ""
        exact = codes[0].endswith(".00") and x.get("oews_match") == "exact"
        rows.append(
            {"career": cid, "onet": ";".join(codes), "soc": soc, "soc_note": "" if exact else "broader category"}
        )
        added += 1
    rows.sort(key=lambda r: r["career"])
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["career", "onet", "soc", "soc_note"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    # related: O*NET's related occupations (in O*NET's order) that are pages of ours
    by_code: dict[str, str] = {}
    for r in rows:
        for code in filter(None, r["onet"].split(";")):
            by_code.setdefault(code, r["career"])
    filled = 0
    for cid, meta in metas.items():
        if meta.get("related"):
            continue
        codes = [c for c in meta.get("onet") or [] if c]
        related: list[str] = []
        for code in codes:
            for rel in facts.related(code):
                other = by_code.get(rel)
                if other and other != cid and other not in related:
                    related.append(other)
        related = related[:MAX_RELATED]
        if not related:
            print(f"{cid}: no related page found in O*NET's related occupations", file=sys.stderr)
            continue
        p = pages[cid]
        text = p.read_text(encoding="utf-8")
        text = re.sub(r"^related: \[\]$", "related: [" + ", ".join(related) + "]", text, count=1, flags=re.M)
        p.write_text(text, encoding="utf-8")
        filled += 1
    print(f"added {added} rows to {path.name}; filled related for {filled} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
