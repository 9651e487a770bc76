"""`make bench`: latency, throughput, start-up and memory of the assistant against Rasa's `rasa init` bot.

Everything is measured in one run on this machine. Results: a table on stdout and bench/results/bench.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bot import config
from bot.ops.serve import VENV_BIN, Stack, base_env, endpoints_yaml, free_port, tracker_store_config, wait_http

RESULTS = config.ROOT / "bench" / "results"
BASELINE_DIR = config.ROOT / "build" / "bench" / "baseline"
QUESTIONS = [
    "what does a data scientist do?",
    "where do nurses work",
    "how much does an electrician earn",
    "how do I become a pharmacist",
    "what skills does a UX designer need",
    "is cybersecurity analyst a growing field",
    "what kinds of civil engineers are there",
    "what personality suits a chef",
    "tell me about actuaries",
    "jobs where I work with animals",
    "compare lawyer and paralegal",
    "what does an ML eng do",
]
# Advice turns (issue 12): rankings over all careers' facts, fit (the test's matching over all careers), paths (the
# O*NET skill model): the heaviest custom actions.
ADVICE = [
    "which careers pay the most?",
    "highest paying jobs without a degree",
    "fastest growing jobs in healthcare",
    "would I make a good nurse?",
    "I'm a cashier, how can I become an accountant?",
    "I'm a teacher, what else could I do?",
]
BASELINE_MESSAGES = ["hello", "hi", "hey there", "good morning"]  # greet -> the custom action_hello_world


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def post(url: str, sender: str, message: str) -> float:
    body = json.dumps({"sender": sender, "message": message}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as resp:
        replies = json.loads(resp.read())
    if not replies:
        raise RuntimeError(f"no reply to {message!r}")
    return (time.perf_counter() - t) * 1000


def load(url: str, messages: list[str], users: int, turns: int, tag: str) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def user(n: int) -> None:
        nonlocal errors
        for i in range(turns):
            try:
                ms = post(url, f"{tag}-{users}-{n}", messages[(n + i) % len(messages)])
                with lock:
                    latencies.append(ms)
            except Exception:
                with lock:
                    errors += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    return {
        "users": users,
        "turns": len(latencies),
        "errors": errors,
        "p50_ms": round(pct(latencies, 50), 1),
        "p95_ms": round(pct(latencies, 95), 1),
        "throughput_msg_s": round(len(latencies) / seconds, 1),
    }


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def quiz_turns(url: str, turns: int = 40) -> dict:
    """One person taking the career test by buttons: the latency of each answer turn."""
    post(url, "quiz-bench", "/start_quiz")
    answers = [f'/quiz_answer{{"quiz_value": "{5 - i % 5}"}}' for i in range(turns)]
    times = [post(url, "quiz-bench", answer) for answer in answers]
    return {"turns": len(times), "p50_ms": round(pct(times, 50), 1), "p95_ms": round(pct(times, 95), 1)}


def advice_turns(url: str, rounds: int = 5) -> dict:
    """One person asking advice questions (each in a fresh conversation, so no refinement): the latency of each."""
    times = [post(url, f"advice-bench-{r}-{n}", m) for r in range(rounds) for n, m in enumerate(ADVICE)]
    return {"turns": len(times), "p50_ms": round(pct(times, 50), 1), "p95_ms": round(pct(times, 95), 1)}


def measure_stack(stack: Stack, messages: list[str], tag: str, quiz: bool = False) -> dict:
    started = time.perf_counter()
    stack.start()
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    first = post(url, f"{tag}-first", messages[0])
    start_to_first = time.perf_counter() - started
    try:
        for m in messages + (ADVICE if quiz else []):  # warm-up: TensorFlow builds its graphs on first use
            post(url, f"{tag}-warm", m)
        one = load(url, messages, users=1, turns=60, tag=tag)
        twenty = load(url, messages, users=20, turns=15, tag=tag)
        quiz_turn = quiz_turns(url) if quiz else None
        advice_turn = advice_turns(url) if quiz else None
        memory = {name: peak_rss_mb(p.pid) for name, p in zip(("actions", "rasa"), stack.procs)}
    finally:
        stack.stop()
    return {
        "start_to_first_answer_s": round(start_to_first, 1),
        "first_answer_ms": round(first, 1),
        "one_user": one,
        "twenty_users": twenty,
        "quiz_turn": quiz_turn,
        "advice_turn": advice_turn,
        "peak_rss_mb": memory,
    }


def ensure_baseline() -> Path:
    """Rasa's own `rasa init` bot, with its example custom action switched on for greetings."""
    model = BASELINE_DIR / "models" / "baseline.tar.gz"
    if model.exists():
        return model
    shutil.rmtree(BASELINE_DIR, ignore_errors=True)
    BASELINE_DIR.mkdir(parents=True)  # `rasa init --init-dir` wants the folder to exist
    env = base_env()
    subprocess.run(
        [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(BASELINE_DIR)],
        env=env,
        check=True,
        cwd=BASELINE_DIR.parent,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(BASELINE_DIR / "models", ignore_errors=True)
    actions = BASELINE_DIR / "actions" / "actions.py"
    actions.write_text(
        "from rasa_sdk import Action\n\n\nclass ActionHelloWorld(Action):\n    def name(self):\n"
        "        return 'action_hello_world'\n\n    def run(self, dispatcher, tracker, domain):\n"
        "        dispatcher.utter_message(text='Hello World!')\n        return []\n"
    )
    domain = BASELINE_DIR / "domain.yml"
    domain.write_text(domain.read_text() + "\nactions:\n  - action_hello_world\n")
    rules = BASELINE_DIR / "data" / "rules.yml"
    rules.write_text(
        rules.read_text() + "\n- rule: greet with a custom action\n  steps:\n  - intent: greet\n"
        "  - action: action_hello_world\n"
    )
    stories = BASELINE_DIR / "data" / "stories.yml"
    stories.write_text(stories.read_text().replace("  - action: utter_greet", "  - action: action_hello_world"))
    subprocess.run(
        [str(VENV_BIN / "rasa"), "train", "--fixed-model-name", "baseline", "--out", "models"],
        env=env,
        check=True,
        cwd=BASELINE_DIR,
        stdout=subprocess.DEVNULL,
    )
    return model


class BaselineStack(Stack):
    """The same launcher, pointed at the baseline project's folder, with the same SQL tracker store as ours."""

    def start(self, quiet: bool = True, timeout: float = 240) -> Stack:
        env = {**base_env(), "PYTHONPATH": str(BASELINE_DIR)}
        endpoints = self.log_dir / "endpoints.yml"
        # The same conversation store as ours (a SQLite file): persistence costs both bots the same.
        store = self.tracker_store or tracker_store_config(self.log_dir / "tracker.db")
        endpoints.write_text(endpoints_yaml(f"http://127.0.0.1:{self.action_port}/webhook", store, None))
        out = open(self.log_dir / "baseline.log", "wb")
        actions = subprocess.Popen(
            [str(VENV_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "-p", str(self.action_port)],
            cwd=BASELINE_DIR,
            env={**env, "SANIC_HOST": "127.0.0.1"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        rasa = subprocess.Popen(
            [
                str(VENV_BIN / "rasa"),
                "run",
                "-m",
                str(self.model),
                "-i",
                "127.0.0.1",
                "-p",
                str(self.rasa_port),
                "--endpoints",
                str(endpoints),
            ],
            cwd=BASELINE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs += [actions, rasa]
        wait_http(f"http://127.0.0.1:{self.action_port}/health", timeout, actions)
        wait_http(f"{self.rasa_url}/", timeout, rasa)
        return self


def bench_search() -> dict:
    from bot.knowledge.pages import load_careers
    from bot.search.index import SearchIndex, build_index

    index = SearchIndex()
    index.search("warm up")
    queries = [q for q in QUESTIONS] * 20
    times = []
    for q in queries:
        t = time.perf_counter()
        index.search(q, k=5)
        times.append((time.perf_counter() - t) * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        meta = build_index(load_careers().values(), index_dir=Path(tmp), force=True, progress=False)
    return {
        "passages": meta["passages"],
        "index_build_passages_per_s": round(meta["passages"] / meta["build_seconds"], 1),
        "search_p50_ms": round(pct(times, 50), 2),
        "search_p95_ms": round(pct(times, 95), 2),
    }


def main() -> int:
    os.environ.update({"RASA_TELEMETRY_ENABLED": "false", "HF_HUB_OFFLINE": "1"})
    RESULTS.mkdir(parents=True, exist_ok=True)
    print("Benchmarking search...", flush=True)
    search = bench_search()
    print("Benchmarking the assistant over REST...", flush=True)
    ours = measure_stack(Stack(free_port(), free_port()), QUESTIONS, "ours", quiz=True)
    print("Preparing and benchmarking the `rasa init` baseline...", flush=True)
    model = ensure_baseline()
    base = measure_stack(BaselineStack(free_port(), free_port(), model=model), BASELINE_MESSAGES, "base")
    checks = {
        "p95_one_user_within_1.5x_baseline": ours["one_user"]["p95_ms"] <= 1.5 * base["one_user"]["p95_ms"],
        "throughput_20_users_at_least_0.8x_baseline": ours["twenty_users"]["throughput_msg_s"]
        >= 0.8 * base["twenty_users"]["throughput_msg_s"],
        "search_p50_at_most_15ms": search["search_p50_ms"] <= 15,
        "advice_p95_within_1.5x_baseline": ours["advice_turn"]["p95_ms"] <= 1.5 * base["one_user"]["p95_ms"],
    }
    result = {
        "search": search,
        "assistant": ours,
        "baseline_rasa_init_custom_action": base,
        "targets_met": checks,
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (RESULTS / "bench.json").write_text(json.dumps(result, indent=2))
    print_table(result)
    return 0


def print_table(r: dict) -> None:
    o, b, s = r["assistant"], r["baseline_rasa_init_custom_action"], r["search"]
    rows = [
        ("REST p50, 1 user (ms)", o["one_user"]["p50_ms"], b["one_user"]["p50_ms"]),
        ("REST p95, 1 user (ms)", o["one_user"]["p95_ms"], b["one_user"]["p95_ms"]),
        ("REST p50, 20 users (ms)", o["twenty_users"]["p50_ms"], b["twenty_users"]["p50_ms"]),
        ("REST p95, 20 users (ms)", o["twenty_users"]["p95_ms"], b["twenty_users"]["p95_ms"]),
        ("throughput, 20 users (msg/s)", o["twenty_users"]["throughput_msg_s"], b["twenty_users"]["throughput_msg_s"]),
        (
            "errors",
            o["one_user"]["errors"] + o["twenty_users"]["errors"],
            b["one_user"]["errors"] + b["twenty_users"]["errors"],
        ),
        ("server start to first answer (s)", o["start_to_first_answer_s"], b["start_to_first_answer_s"]),
        ("peak RSS, Rasa server (MB)", o["peak_rss_mb"]["rasa"], b["peak_rss_mb"]["rasa"]),
        ("peak RSS, action server (MB)", o["peak_rss_mb"]["actions"], b["peak_rss_mb"]["actions"]),
    ]
    print("\n| measure | this assistant | rasa init baseline (custom action) |\n|---|---|---|")
    for name, ours, base in rows:
        print(f"| {name} | {ours} | {base} |")
    q = o["quiz_turn"]
    print(
        f"\nCareer test answer turn, 1 user: p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms "
        f"(Q&A turn: p50 {o['one_user']['p50_ms']} ms, p95 {o['one_user']['p95_ms']} ms)"
    )
    a = o["advice_turn"]
    print(f"Advice turn (rankings, fit, paths, moves), 1 user: p50 {a['p50_ms']} ms, p95 {a['p95_ms']} ms")
    print(
        f"Search: {s['passages']} passages; index build {s['index_build_passages_per_s']} passages/s; "
        f"search (embed + FAISS) p50 {s['search_p50_ms']} ms, p95 {s['search_p95_ms']} ms"
    )
    print("Targets: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in r["targets_met"].items()))


if __name__ == "__main__":
    sys.exit(main())
