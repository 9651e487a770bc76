"""How much of the world of work the pages cover, and what happens to careers they do not (part of `python -m bot
eval`, and of the floors tests/test_knowledge_quality.py keeps).

- Employment share: the US headcount (BLS OEWS May 2024, `tot_emp` of the detailed occupations) of the O*NET
  occupations our pages name in their `onet` front matter, counted once per BLS code (knowledge/facts/soc_xwalk.csv),
  over the headcount of every detailed occupation.
- Pages by career cluster and by SOC major group (a page counts in each major group its O*NET codes are in).
- Unknown careers (tests/eval/unknown_careers.yml: job names we have no page for, each with the O*NET occupation it
  belongs to, or the occupations when O*NET files the title under several): none may be answered as another career,
  and the careers suggested instead should be neighbours: in the same SOC major group as the job, or linked to it by
  O*NET's related occupations.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from bot import config
from bot.knowledge.facts import table
from bot.knowledge.pages import Career
from bot.knowledge.titles import major_group, page_codes

UNKNOWN_CAREERS = config.ROOT / "tests" / "eval" / "unknown_careers.yml"
MILITARY = "55"  # SOC 55: military occupations; OEWS does not survey them


def _number(value: str) -> int:
    try:
        return int(float(value.replace(",", "")))
    except ValueError:
        return 0


def detailed_employment(folder: Path | None = None) -> dict[str, int]:
    """BLS code -> OEWS May 2024 headcount, for every detailed occupation."""
    return {r["soc_code"]: _number(r["tot_emp"]) for r in table("wages_2024.csv", folder) if r["o_group"] == "detailed"}


def employment_share(careers: dict[str, Career], folder: Path | None = None) -> dict:
    """The share of US employment in the occupations our pages name (each BLS code counted once)."""
    employment = detailed_employment(folder)
    bls = {r["code"]: r["oews_soc"] for r in table("soc_xwalk.csv", folder)}
    named = {code for codes in page_codes(careers, folder).values() for code in codes}
    covered = {bls.get(code, "") for code in named} & set(employment)
    total = sum(employment.values())
    return {
        "onet_occupations_named": len(named),
        "bls_occupations_covered": len(covered),
        "bls_detailed_occupations": len(employment),
        "employment_covered": sum(employment[s] for s in covered),
        "employment_total": total,
        "share": round(sum(employment[s] for s in covered) / total, 4) if total else 0.0,
    }


def major_groups(folder: Path | None = None) -> dict[str, str]:
    """SOC major group ("29") -> its BLS title ("Healthcare Practitioners and Technical Occupations")."""
    groups = {r["soc_code"][:2]: r["occ_title"] for r in table("wages_2024.csv", folder) if r["o_group"] == "major"}
    groups.setdefault(MILITARY, "Military Specific Occupations")
    return dict(sorted(groups.items()))


def coverage(careers: dict[str, Career], folder: Path | None = None) -> dict:
    """Pages per career cluster and per SOC major group, and the major groups without a page."""
    clusters = Counter(c.cluster for c in careers.values())
    groups: Counter[str] = Counter()
    for codes in page_codes(careers, folder).values():
        for group in {major_group(c) for c in codes}:
            groups[group] += 1
    names = major_groups(folder)
    return {
        "pages": len(careers),
        "pages_without_onet": sum(1 for codes in page_codes(careers, folder).values() if not codes),
        "by_cluster": dict(sorted(clusters.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_major_group": {g: {"title": names.get(g, g), "pages": groups.get(g, 0)} for g in names},
        "major_groups_without_a_page": [g for g in names if not groups.get(g)],
    }


def load_unknown_careers(path: Path = UNKNOWN_CAREERS) -> list[dict]:
    return yaml.safe_load(path.read_text())


def unknown_careers_report(resolver, cases: list[dict] | None = None) -> dict:
    """Each job name we have no page for, through the resolver: answered as another career (wrong), or the
    careers offered instead (suggestions, or the options of a question back), judged against the job's O*NET
    occupation: a neighbour shares its SOC major group or an O*NET related-occupation link."""
    cases = load_unknown_careers() if cases is None else cases
    titles = resolver.titles
    answered, all_near, first_near, offered = [], 0, 0, 0
    failures = []
    now_ours = []
    for case in cases:
        codes = case["onet"] if isinstance(case["onet"], list) else [case["onet"]]
        if titles and not case.get("made_up") and all(code in titles.code_pages for code in codes):
            now_ours.append(case["name"])  # a page covers the occupation now: not a career we lack any more
            continue
        res = resolver.resolve(case["name"])
        if res.found:
            answered.append({"name": case["name"], "got": res.career})
            continue
        shown = res.suggestions[:3]
        linked = [bool(titles and any(titles.linked(cid, code) for code in codes)) for cid in shown]
        offered += bool(shown)
        all_near += bool(shown) and all(linked)
        first_near += bool(shown) and linked[0]
        if not (shown and all(linked)):
            failures.append({"name": case["name"], "onet": case["onet"], "how": res.how, "offered": shown})
    n = max(1, len(cases) - len(now_ours))
    return {
        "names": len(cases) - len(now_ours),
        "now_covered_by_a_page": now_ours,
        "answered_as_another_career": answered,
        "with_suggestions": offered,
        "all_suggestions_neighbours": round(all_near / n, 4),
        "first_suggestion_a_neighbour": round(first_near / n, 4),
        "failures": failures,
        "target": {"all_suggestions_neighbours": 0.8},
    }


def print_coverage(report: dict) -> None:
    share = report["employment"]
    cov = report["coverage"]
    print(f"\nCoverage ({cov['pages']} pages; knowledge/facts, OEWS May 2024)")
    print(
        f"  employment share: {share['share']:.1%} of {share['employment_total']:,} US jobs in detailed occupations"
        f" ({share['bls_occupations_covered']} of {share['bls_detailed_occupations']} BLS occupations,"
        f" {share['onet_occupations_named']} O*NET occupations named)"
    )
    missing = ", ".join(cov["major_groups_without_a_page"]) or "none"
    print(f"  SOC major groups without a page: {missing}")
    unknown = report.get("unknown_careers")
    if unknown:
        print(
            f"  unknown careers ({unknown['names']} names, tests/eval/unknown_careers.yml): answered as another career"
            f" {len(unknown['answered_as_another_career'])}; all suggestions neighbours"
            f" {unknown['all_suggestions_neighbours']} (target >= 0.8); first suggestion a neighbour"
            f" {unknown['first_suggestion_a_neighbour']}"
        )
