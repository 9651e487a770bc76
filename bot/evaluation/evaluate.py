"""`python -m bot eval`: the quality report on a held-out question set (tests/eval/qa_questions.yml).

Every question goes through the trained Rasa NLU model and then the same action code the assistant runs,
so "right career and section" measures what a user would actually get back.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bot import config

QUESTIONS = config.ROOT / "tests" / "eval" / "qa_questions.yml"
QUIZ_ANSWERS = config.ROOT / "tests" / "eval" / "quiz_answers.yml"
QUIZ_EDUCATION = config.ROOT / "tests" / "eval" / "quiz_education.yml"
READ_TARGET = 0.95  # share of the answer and education sets read as meant
RESULTS = config.ROOT / "build" / "results" / "eval.json"
PARTS = ("nlu", "retrieval", "quiz")


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    return yaml.safe_load(path.read_text())


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    """Macro F1 over the intents of the gold labels, and each intent's F1 (scikit-learn's)."""
    from sklearn.metrics import f1_score

    labels = sorted(set(gold))
    per = f1_score(gold, pred, labels=labels, average=None, zero_division=0)
    return float(per.mean()), {label: float(f) for label, f in zip(labels, per)}


def _tracker(parse: dict, context: str | None):
    from rasa_sdk import Tracker

    return Tracker("eval", {"career": context, "quiz": None}, parse, [], False, None, {}, "action_listen")


def _run_action(action, tracker) -> dict:
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    action.run(dispatcher, tracker, {})
    return dispatcher.messages[0] if dispatcher.messages else {}


def run_eval(
    model: str | None = None,
    questions_path: Path = QUESTIONS,
    parts: tuple[str, ...] = PARTS,
    respondents: int = 1000,
    held_out: int = 2000,
) -> dict:
    """The whole report (or only some parts: "nlu", "retrieval", "quiz"), printed and saved as JSON."""
    report: dict[str, Any] = {}
    if "nlu" in parts:
        report.update(nlu_report(model, questions_path))
        from bot.evaluation.advice_eval import ADVICE_HOLDOUT, ADVICE_QUESTIONS, run_advice_eval

        if ADVICE_QUESTIONS.exists():  # the advice evaluation set, when it is there
            report["advice"] = run_advice_eval(model)
        if ADVICE_HOLDOUT.exists():
            report["advice_holdout"] = run_advice_eval(model, ADVICE_HOLDOUT)
    if "retrieval" in parts:
        report.update(retrieval_and_resolution(held_out))
    if "quiz" in parts:
        report["quiz_reading"] = quiz_reading()
        report["quiz_simulation"] = quiz_simulation(respondents)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    _print(report)
    return report


def retrieval_and_resolution(held_out: int = 2000) -> dict:
    """Retrieval, name resolution (the pages' names, held-out O*NET titles, careers we do not have) and coverage.
    `held_out`: how many of the held-out O*NET titles to resolve (a seeded sample; 0: all)."""
    from bot.dialogue.service import get_service
    from bot.evaluation.coverage import coverage, employment_share, unknown_careers_report
    from bot.evaluation.retrieval_eval import held_out_titles, resolution_report, retrieval_report
    from bot.evaluation.retrieval_eval import load_questions as retrieval_questions
    from bot.search.index import DEFAULT_MODE

    service = get_service()
    return {
        "retrieval": {**retrieval_report(service.index, retrieval_questions()), "default_mode": DEFAULT_MODE},
        "resolution": {
            **resolution_report(service.resolver, service.careers),
            "held_out_titles": held_out_titles(service.careers, service.index, limit=held_out or None),
        },
        "coverage": {
            "employment": employment_share(service.careers),
            "coverage": coverage(service.careers),
            "unknown_careers": unknown_careers_report(service.resolver),
        },
    }


def nlu_report(model: str | None, questions_path: Path) -> dict[str, Any]:
    from actions import careers as actions
    from bot.evaluation.advice_eval import trained_agent

    questions = load_questions(questions_path)
    agent = trained_agent(model)
    started = time.perf_counter()
    parses = [asyncio.run(agent.parse_message(q["text"])) for q in questions]
    parse_ms = (time.perf_counter() - started) * 1000 / len(questions)

    gold = [q["intent"] for q in questions]
    pred = [p["intent"]["name"] for p in parses]
    # nlu_fallback counts as a miss for intent F1 (the fallback still searches, but the intent was not known).
    f1, per_intent = macro_f1(gold, pred)

    section_total = section_right = entity_total = entity_right = 0
    compare_total = compare_right = explore_total = explore_hit = unknown_total = unknown_right = 0
    failures: list[dict] = []
    for q, parse in zip(questions, parses):
        tracker = _tracker(parse, q.get("context"))
        intent = q["intent"]
        if intent.startswith("ask_") and q.get("career"):
            msg = _as_the_bot_would(tracker)
            section_total += 1
            entity_total += 1
            got = (msg.get("career"), msg.get("section"))
            entity_right += msg.get("career") == q["career"]
            if got == (q["career"], intent[4:]):
                section_right += 1
            else:
                failures.append(
                    {
                        "text": q["text"],
                        "want": [q["career"], intent[4:]],
                        "got": list(got),
                        "intent": parse["intent"]["name"],
                    }
                )
        elif intent == "compare_careers":
            msg = _run_action(actions.ActionCompareCareers(), tracker)
            compare_total += 1
            entity_total += 1
            ok = sorted(msg.get("compare") or []) == sorted(q["careers"])
            compare_right += ok
            entity_right += ok
            if not ok:
                failures.append({"text": q["text"], "want": q["careers"], "got": msg.get("compare")})
        elif intent == "explore_careers":
            msg = _run_action(actions.ActionExploreCareers(), tracker)
            explore_total += 1
            hit = bool(set(msg.get("explore") or []) & set(q.get("expect_any") or []))
            explore_hit += hit
            if not hit:
                failures.append({"text": q["text"], "want_any": q.get("expect_any"), "got": msg.get("explore")})
        elif q.get("unknown"):
            msg = _run_action(actions.ActionAnswerCareer(), tracker)
            unknown_total += 1
            ok = "section" not in msg or msg.get("section") is None
            unknown_right += ok
            if not ok:
                failures.append({"text": q["text"], "want": "unknown", "got": [msg.get("career"), msg.get("section")]})

    confusions = Counter((g, p) for g, p in zip(gold, pred) if g != p)
    report = {
        "questions": len(questions),
        "intent_macro_f1": round(f1, 4),
        "intent_accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4),
        "entity_accuracy": round(entity_right / entity_total, 4) if entity_total else None,
        "right_career_and_section": round(section_right / section_total, 4) if section_total else None,
        "career_questions": section_total,
        "compare_right": f"{compare_right}/{compare_total}",
        "explore_hit_rate": round(explore_hit / explore_total, 4) if explore_total else None,
        "unknown_careers_not_answered": f"{unknown_right}/{unknown_total}",
        "nlu_parse_ms_mean": round(parse_ms, 1),
        "per_intent_f1": {k: round(v, 3) for k, v in per_intent.items()},
        "top_confusions": [f"{g} -> {p}: {n}" for (g, p), n in confusions.most_common(10)],
        "failures": failures,
        "targets": {"intent_macro_f1": 0.95, "right_career_and_section": 0.95},
    }
    return report


def quiz_reading(answers_path: Path = QUIZ_ANSWERS, education_path: Path = QUIZ_EDUCATION) -> dict:
    """How many free-text test answers (tests/eval/quiz_answers.yml) and education answers (quiz_education.yml)
    the readers take as meant: the value (1-5, or null = asked again) and the job zone (0 = no limit)."""
    from bot.dialogue.quiz import map_answer
    from bot.dialogue.quiz_replies import map_zone

    out: dict[str, Any] = {}
    for name, path, key, read in (
        ("answers", answers_path, "value", map_answer),
        ("education", education_path, "zone", map_zone),
    ):
        cases = yaml.safe_load(path.read_text())
        misses = [{"text": c["text"], "want": c[key], "got": read(c["text"])} for c in cases]
        misses = [m for m in misses if m["want"] != m["got"]]
        right = len(cases) - len(misses)
        out[name] = {"right": right, "total": len(cases), "share": round(right / len(cases), 4), "misses": misses}
    out["target"] = READ_TARGET
    return out


NOISE_LEVELS = {"low": 0.5, "moderate": 0.75, "high": 1.0}


def quiz_simulation(respondents: int = 1000) -> dict:
    """Synthetic respondents (1,000 per noise level by default) through the adaptive test (bot/evaluation/quiz_sim.py).

    The noise levels are independent (each has its own seed), so they run in parallel processes; "spawn" keeps
    TensorFlow and torch, already loaded for the NLU part, out of the workers."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from bot.evaluation.quiz_sim import simulate_all_careers

    workers = min(len(NOISE_LEVELS), os.cpu_count() or 1)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_one_blas_thread) as pool:
        runs = {level: pool.submit(simulate_all_careers, respondents, sd) for level, sd in NOISE_LEVELS.items()}
        return {level: run.result() for level, run in runs.items()}


def _one_blas_thread() -> None:
    """The workers already fill the cores: BLAS threads of their own would only spin (a third of their CPU)."""
    import numpy  # noqa: F401  # loads BLAS, so that the limit applies to it
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _as_the_bot_would(tracker) -> dict:
    """The first message of the action the rules run for the intent NLU predicted (data/rules.yml), as in the
    dialogue: a section question NLU read as a refinement is answered by the ranking action, which may still
    answer it; a response template (utter_...) answers no career."""
    from bot.evaluation.advice_eval import custom_actions, rule_actions

    name = (tracker.latest_message.get("intent") or {}).get("name") or "nlu_fallback"
    action = rule_actions().get(name, "action_fallback_search")
    return {} if action.startswith("utter_") else _run_action(custom_actions()[action], tracker)


def _print(report: dict) -> None:
    if "questions" in report:
        _print_nlu(report)
    if report.get("advice"):
        advice = report["advice"]
        label = f"advice questions passed ({advice['run']} run of {advice['questions']})"
        print(f"  {label:<42} {advice['pass_share']!s:>10}  >= 0.90 (tests/eval/advice_questions.yml)")
    if report.get("advice_holdout"):
        held = report["advice_holdout"]
        label = f"advice, held-out set ({held['run']} run)"
        print(f"  {label:<42} {held['pass_share']!s:>10}  (tests/eval/advice_questions_holdout.yml, written apart)")
    if "retrieval" in report:
        from bot.evaluation.coverage import print_coverage
        from bot.evaluation.retrieval_eval import print_reports

        print_reports(report["retrieval"], report["resolution"], report["retrieval"]["default_mode"])
        if "coverage" in report:
            print_coverage(report["coverage"])
    if "quiz_simulation" in report:
        _print_quiz(report)


def _print_nlu(report: dict) -> None:
    print("\nQuality report (held-out questions: tests/eval/qa_questions.yml)")
    rows = [
        ("questions", report["questions"], ""),
        ("intent macro-F1", report["intent_macro_f1"], ">= 0.95"),
        ("intent accuracy", report["intent_accuracy"], ""),
        ("entity (career) accuracy", report["entity_accuracy"], ""),
        ("right career and section", report["right_career_and_section"], ">= 0.95"),
        ("comparisons right", report["compare_right"], ""),
        ("open questions with a good career listed", report["explore_hit_rate"], ""),
        ("unknown careers not answered", report["unknown_careers_not_answered"], ""),
        ("NLU parse, mean ms", report["nlu_parse_ms_mean"], ""),
    ]
    for name, value, target in rows:
        print(f"  {name:<42} {value!s:>10}  {target}")
    if report["top_confusions"]:
        print("  most common intent confusions: " + "; ".join(report["top_confusions"][:5]))
    print(f"  {len(report['failures'])} failures listed in {RESULTS.relative_to(config.ROOT)}")


def _print_quiz(report: dict) -> None:
    from bot.dialogue.quiz import MAX_SHARE, TYPICAL_ITEMS

    reading = report["quiz_reading"]
    print("\nCareer test answers (tests/eval/quiz_answers.yml, quiz_education.yml)")
    for name, label in (("answers", "career test answers read right"), ("education", "education answers read right")):
        r = reading[name]
        print(f"  {label:<42} {r['right']}/{r['total']} ({r['share']:.3f})  >= {reading['target']}")
        for m in r["misses"][:5]:
            print(f"    {m['text']!r}: want {m['want']}, got {m['got']}")
    respondents = next(iter(report["quiz_simulation"].values()))["respondents"]
    print(
        f"\nCareer test simulation ({respondents:,} synthetic respondents per noise level;"
        " answer noise sd on the 1-5 scale)"
    )
    print(
        "  noise     sd    dominant type = 1st letter (clear / all / full test)   top-5 shares >=4 with full"
        " (near-twins as one)   share of items asked"
    )
    for level, r in report["quiz_simulation"].items():
        firsts = (
            f"{r['dominant_type_is_first_letter']} / {r['dominant_type_is_first_letter_all_respondents']}"
            f" / {r['same_for_the_full_length_test_all_respondents']}"
        )
        agree = f"{r['top5_overlap_at_least_4_of_5']} ({r['top5_overlap_at_least_4_of_5_counting_near_twins']})"
        print(f"  {level:<9} {r['answer_noise_sd']:<5} {firsts:>32}{agree:>36}{r['mean_share_of_items_asked']:>24}")
    print("  targets (moderate noise): >= 0.95 (clear dominant type), >= 0.90, <= 0.60")
    moderate = report["quiz_simulation"].get("moderate")
    if moderate:
        n = moderate["items_asked"]
        short_max = math.ceil(MAX_SHARE * n["of"] - 1e-9)  # the most a test asks unless the person asks for all
        measured = (round(n["p25"] / 5) * 5, min(round(n["p75"] / 5) * 5, short_max))
        flag = "" if measured == tuple(TYPICAL_ITEMS) else "  <- differs: update bot.dialogue.quiz.TYPICAL_ITEMS"
        print(
            f'  the intro\'s "typically {TYPICAL_ITEMS[0]}-{TYPICAL_ITEMS[1]} questions": measured '
            f"{measured[0]}-{measured[1]} (moderate noise, 25th-75th percentile to 5){flag}\n"
        )
    print(
        "  noise     items asked: median (25th-75th percentile)   reasons naming an interest < 4.0 (truly < 4.0)"
        "   flat respondents given no code   career-like given no code"
    )
    for level, r in report["quiz_simulation"].items():
        n = r["items_asked"]
        asked = f"{n['median']:.0f} ({n['p25']:.0f}-{n['p75']:.0f}) of {n['of']}"
        low = f"{r['reasons_naming_an_interest_scored_below_4']} of {r['reasons_checked']:,}"
        low += f" ({r['reasons_naming_an_interest_truly_below_4']})"
        flat = f"{r['flat_respondents_given_no_code']}/{r['flat_respondents']}"
        print(f"  {level:<9} {asked:>36} {low:>46} {flat:>32} {r['results_without_a_code']:>27}")
    print("  targets: 0 reasons naming an interest scored below 4.0\n")
