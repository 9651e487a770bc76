"""Write the career facts of knowledge/facts into every page of knowledge/careers (see bot/knowledge/facts.py).

    PYTHONPATH=. python scripts/apply_facts.py [--check]

Rewrites each page's front matter (`onet`, `salary`, `outlook`, education.job_zone, riasec) and its `## Salary` and
`## Outlook` sections; running it again changes nothing. --check writes nothing and exits 1 when a page is stale.
"""

from __future__ import annotations

import argparse
import sys

from bot import config
from bot.knowledge.facts import apply_facts, career_mapping


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report pages that are not up to date")
    args = parser.parse_args(argv)
    mapping = career_mapping()
    pages = sorted(config.CAREERS_DIR.glob("*.md"))
    unmapped = [p.stem for p in pages if p.stem not in mapping]
    if unmapped:
        print(f"not in knowledge/facts/career_onet.csv: {', '.join(unmapped)}", file=sys.stderr)
        return 1
    stale, salary, outlook, zones, riasec = [], 0, 0, [], []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        applied = apply_facts(text, mapping[path.stem])
        salary += applied.salary
        outlook += applied.outlook
        if applied.job_zone:
            zones.append(f"{path.stem} {applied.job_zone[0]}->{applied.job_zone[1]}")
        if applied.riasec_replaced:
            riasec.append(path.stem)
        if applied.text != text:
            stale.append(path.stem)
            if not args.check:
                path.write_text(applied.text, encoding="utf-8")
    print(f"{len(pages)} pages: {salary} with a salary, {outlook} with an outlook")
    print(f"job zones set to O*NET's ({len(zones)}): {', '.join(zones) or '-'}")
    print(f"RIASEC replaced by O*NET's ({len(riasec)}): {', '.join(riasec) or '-'}")
    shown = ", ".join(stale[:20]) + (" ..." if len(stale) > 20 else "")
    print(f"{'stale' if args.check else 'rewritten'} ({len(stale)}): {shown}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
