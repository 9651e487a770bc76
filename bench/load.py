"""`make bench-load`: many simulated people at once over REST, every turn and every career-test result checked.

Load: N concurrent users each ask a few career questions, then take the whole career test from a known random
interest profile (buttons and free text, the education question included). Afterwards every conversation's tracker
is read back: each message must be there exactly once and answered, the items asked must be the ones
`bot.dialogue.quiz.next_item` picks for the answers given, and the `quiz_result` must equal what `bot.dialogue.quiz`
computes from those answers. Soak: a steady load for M minutes while the RSS of every server process is sampled, to
show that memory stays flat. Results: tables on stdout, bench/results/load.json and bench/results/soak.json."""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import psutil

from bot import config
from bot.dialogue import quiz
from bot.dialogue.quiz_replies import ZONE_CHOICES
from bot.knowledge.pages import Career, load_careers
from bot.ops.serve import Stack, free_port, tracker_store_config

RESULTS = config.ROOT / "bench" / "results"
REQUEST_TIMEOUT = 300  # seconds; at 50 users a turn waits behind ~50 others on 2 cores
MAX_QUIZ_TURNS = 160  # 108 items + the education question + a few re-asks
FLAT_MB_PER_MIN = 2.0


@dataclass(frozen=True)
class Question:
    """A career question and what its answer's metadata must say (docs/contracts.md §4)."""

    text: str
    career: str = ""
    section: str = ""
    compare: tuple[str, ...] = ()
    explore_any: tuple[str, ...] = ()

    def matches(self, meta: dict) -> bool:
        if self.compare:
            return set(meta.get("compare") or []) == set(self.compare)
        if self.explore_any:
            return bool(set(meta.get("explore") or []) & set(self.explore_any))
        return (meta.get("career"), meta.get("section")) == (self.career, self.section)


Q = Question
# 30 questions over 27 careers in many fields, every section, plus comparisons and open questions.
QUESTIONS = [
    Q("what does a data scientist do?", "data-scientist", "duties"),
    Q("where do registered nurses work", "registered-nurse", "workplace"),
    Q("how much does an electrician earn", "electrician", "salary"),
    Q("how do I become a pharmacist", "pharmacist", "education"),
    Q("what skills does a UX designer need", "ux-designer", "skills"),
    Q("is cybersecurity analyst a growing field", "cybersecurity-analyst", "outlook"),
    Q("what kinds of civil engineers are there", "civil-engineer", "specializations"),
    Q("what personality suits a chef", "chef", "personality"),
    Q("tell me about actuaries", "actuary", "overview"),
    Q("what does a welder do all day", "welder", "duties"),
    Q("what's the job outlook for plumbers", "plumber", "outlook"),
    Q("how much do airline pilots make", "airline-pilot", "salary"),
    Q("what education do you need to be a veterinarian", "veterinarian", "education"),
    Q("where do marine biologists work", "marine-biologist", "workplace"),
    Q("what skills do paralegals need", "paralegal", "skills"),
    Q("what is a dental hygienist", "dental-hygienist", "overview"),
    Q("what areas can a lawyer specialize in", "lawyer", "specializations"),
    Q("what kind of person makes a good social worker", "social-worker", "personality"),
    Q("what does a machine learning engineer do", "machine-learning-engineer", "duties"),
    Q("what is the salary of a software engineer", "software-engineer", "salary"),
    Q("how do I become a firefighter", "firefighter", "education"),
    Q("where do truck drivers work", "truck-driver", "workplace"),
    Q("tell me about graphic designers", "graphic-designer", "overview"),
    Q("is there demand for physical therapists", "physical-therapist", "outlook"),
    Q("what skills does an accountant need", "accountant", "skills"),
    Q("what does a carpenter do", "carpenter", "duties"),
    Q("compare lawyer and paralegal", compare=("lawyer", "paralegal")),
    Q("compare a nurse practitioner and a physician assistant", compare=("nurse-practitioner", "physician-assistant")),
    Q(
        "jobs where I work with animals",
        explore_any=("veterinarian", "zookeeper", "animal-caretaker", "animal-trainer"),
    ),
    Q(
        "careers in healthcare without a degree",
        explore_any=(
            "nursing-assistant",
            "phlebotomist",
            "medical-assistant",
            "home-health-aide",
            "pharmacy-technician",
        ),
    ),
]
START_PHRASES = ["take the career test", "I don't know what career suits me", "start the career test", "/start_quiz"]
# Free-text answers per value; each must map back to its value with bot.dialogue.quiz.map_answer (checked at import).
FREE_TEXT = {
    5: ["love it", "i'd love that", "absolutely", "that sounds amazing"],
    4: ["like it", "kind of", "sounds fun", "i like that"],
    3: ["not sure", "maybe", "idk", "meh"],
    2: ["not really", "nah", "not my thing", "not for me"],
    1: ["hate it", "no way", "never", "not at all"],
}
assert all(quiz.map_answer(t) == v for v, texts in FREE_TEXT.items() for t in texts)
ZONE_TEXT = {zone: label.lower() for zone, label in ZONE_CHOICES}
FREE_TEXT_SHARE = 0.3
ITEM_BY_TEXT = {item.text: item.id for item in quiz.default_items()}
PROGRESS = re.compile(r"Question (\d+) \(of up to (\d+)\)")
CODE = re.compile(r"Your interest code is ([RIASEC]{3})|(Your answers rate all six interest areas about the same)")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


@dataclass
class Turn:
    message: str
    kind: str  # question / start / answer / zone
    ms: float = 0.0
    replies: list[str | None] = field(default_factory=list)  # the texts of the REST replies
    at: float = 0.0  # seconds since the run started, when the reply arrived


@dataclass
class Conversation:
    """One simulated person: what they sent, what they were asked, what they answered."""

    sender: str
    seed: int
    interests: dict[str, float]
    questions: list[Question] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    asked: list[tuple[str, int]] = field(default_factory=list)  # (item id or "zone", progress k) in order
    given: dict[str, int] = field(default_factory=dict)  # item id -> last value given
    zone: int | None = None
    code_seen: str | None = None
    reasks: int = 0
    error: str | None = None
    complete: bool = False

    def value_for(self, item_id: str, rng: random.Random) -> int:
        """The person's answer to an item: their interest in its type plus some noise, fixed per item."""
        if item_id not in self.given:
            dim = next(i.dimension for i in quiz.default_items() if i.id == item_id)
            self.given[item_id] = max(1, min(5, round(self.interests[dim] + rng.gauss(0, 0.7))))
        return self.given[item_id]


class Client:
    """REST calls with timing; any non-200 answer, timeout or empty reply list is an error."""

    def __init__(self, session: aiohttp.ClientSession, stack: Stack, started: float) -> None:
        self.session, self.stack, self.started = session, stack, started
        self.base_url = stack.rasa_url

    async def say(self, conv: Conversation, message: str, kind: str) -> list[dict]:
        turn = Turn(message, kind)
        t = time.perf_counter()
        async with self.session.post(
            f"{self.base_url}/webhooks/rest/webhook", json={"sender": conv.sender, "message": message}
        ) as resp:
            body = await resp.text()
            if resp.status != 200:
                raise RuntimeError(f"HTTP {resp.status} to {message!r}: {body[:200]}")
        turn.ms = (time.perf_counter() - t) * 1000
        turn.at = time.perf_counter() - self.started
        replies = json.loads(body)
        turn.replies = [r.get("text") for r in replies]
        conv.turns.append(turn)
        if not replies:
            raise RuntimeError(f"no reply to {message!r}")
        return replies

    async def tracker(self, sender: str) -> dict:
        async with self.session.get(self.stack.api_url(f"/conversations/{sender}/tracker")) as resp:
            resp.raise_for_status()
            return await resp.json()


def read_quiz_reply(replies: list[dict]) -> tuple[str, str | None, int | None]:
    """What the bot asks for now: ("item", id, k), ("zone", None, None), ("result", code, None) or ("none", ...)."""
    for n, reply in enumerate(replies):
        text = reply.get("text") or ""
        if found := CODE.search(text):
            return "result", found.group(1), None  # None: flat answers, no code
        if any('"zone' in (b.get("payload") or "") for b in reply.get("buttons") or []):
            return "zone", None, None
        if text in ITEM_BY_TEXT:
            before = " ".join(r.get("text") or "" for r in replies[:n])
            progress = PROGRESS.search(before)
            return "item", ITEM_BY_TEXT[text], int(progress.group(1)) if progress else None
    return "none", None, None


async def converse(client: Client, conv: Conversation, n_questions: int, deadline: float | None = None) -> None:
    """Ask questions, then take the career test to its result; stops early (incomplete) at the deadline."""
    rng = random.Random(conv.seed)
    conv.questions = rng.sample(QUESTIONS, min(n_questions, len(QUESTIONS)))

    def late() -> bool:
        return deadline is not None and time.monotonic() >= deadline

    try:
        for q in conv.questions:
            if late():
                return
            await client.say(conv, q.text, "question")
        if late():
            return
        replies = await client.say(conv, rng.choice(START_PHRASES), "start")
        for _ in range(MAX_QUIZ_TURNS):
            kind, value, k = read_quiz_reply(replies)
            if kind == "result":
                conv.code_seen, conv.complete = value, True
                return
            if late():
                return
            if kind == "none":
                raise RuntimeError(f"no question or result in the reply to {conv.turns[-1].message!r}")
            if kind == "zone":
                if conv.asked and conv.asked[-1][0] == "zone":
                    conv.reasks += 1
                conv.asked.append(("zone", len(quiz.default_items())))
                conv.zone = rng.choice([z for z, _ in ZONE_CHOICES])
                free = rng.random() < FREE_TEXT_SHARE
                message = ZONE_TEXT[conv.zone] if free else f'/quiz_answer{{"quiz_value": "zone{conv.zone}"}}'
                replies = await client.say(conv, message, "zone")
                continue
            if conv.asked and conv.asked[-1][0] == value:
                conv.reasks += 1  # the last free-text answer was not taken as one
            conv.asked.append((value, k or 0))
            answer = conv.value_for(value, rng)
            free = rng.random() < FREE_TEXT_SHARE
            message = rng.choice(FREE_TEXT[answer]) if free else f'/quiz_answer{{"quiz_value": "{answer}"}}'
            replies = await client.say(conv, message, "answer")
        raise RuntimeError(f"no result after {MAX_QUIZ_TURNS} test turns")
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported, never hidden
        conv.error = f"{type(exc).__name__}: {exc}"[:300]


def new_conversation(tag: str, seed: int) -> Conversation:
    rng = random.Random(seed * 7919 + 1)
    interests = {d: rng.uniform(1, 5) for d in quiz.RIASEC}
    return Conversation(f"{tag}-{seed}", seed, interests)


# ---------------------------------------------------------------------------------------------- verification


def expected_result(conv: Conversation, careers: dict[str, Career]) -> tuple[dict, list[str]]:
    """Replay the answers given through bot.dialogue.quiz: the items it would ask, and the result it must give."""
    problems: list[str] = []
    accepted = []  # an item asked twice in a row: the first answer was not taken, the second was
    for n, (iid, _) in enumerate(conv.asked):
        if iid != "zone" and (n + 1 == len(conv.asked) or conv.asked[n + 1][0] != iid):
            accepted.append(iid)
    state = quiz.new_state()
    for n, iid in enumerate(accepted):
        expect = quiz.next_item(state, careers)
        if expect is None or expect.id != iid:
            problems.append(f"item {n + 1}: asked {iid}, bot.dialogue.quiz.next_item gives {expect and expect.id}")
            break
        state["current"] = iid
        state["answers"][iid] = conv.given[iid]
        state["order"].append(iid)
    if not problems and quiz.next_item(state, careers) is not None:
        problems.append(f"the test ended after {len(accepted)} items but bot.dialogue.quiz would ask more")
    state["zone"] = conv.zone or None
    return quiz.result(quiz.scores(state), careers, state["zone"], limit=10), problems


def rest_texts(bot_event: dict) -> list[str | None]:
    """The REST messages a bot event becomes (Rasa's CollectingOutputChannel splits plain text at blank lines)."""
    text, data = bot_event.get("text"), bot_event.get("data") or {}
    out: list[str | None] = []
    if data.get("quick_replies") or data.get("buttons"):
        out.append(text)
    elif text:
        out += text.strip().split("\n\n")
    out += [None for key in ("custom", "image", "attachment", "elements") if data.get(key)]
    return out


def check_conversation(conv: Conversation, tracker: dict, careers: dict[str, Career]) -> dict:
    """Lost/duplicated/unanswered turns, answers to the questions, the items asked and the result."""
    events = tracker.get("events") or []
    user_texts: list[str] = []
    bots_after: list[int] = []
    rest: list[list[str | None]] = []  # what the REST caller should have got, rebuilt from the bot events
    metas: list[list[dict]] = []
    for e in events:
        if e.get("event") == "user":
            user_texts.append(e.get("text") or "")
            bots_after.append(0)
            rest.append([])
            metas.append([])
        elif e.get("event") == "bot" and bots_after:
            bots_after[-1] += 1
            rest[-1] += rest_texts(e)
            metas[-1].append(e.get("metadata") or {})
    sent = [t.message for t in conv.turns]
    blocks = difflib.SequenceMatcher(a=sent, b=user_texts, autojunk=False).get_matching_blocks()
    matched = sum(b.size for b in blocks)
    out: dict = {
        "sent": len(sent),
        "lost": len(sent) - matched,
        "extra": len(user_texts) - matched,
        "unanswered": sum(1 for n in bots_after if n == 0),
        "reply_mismatch": 0,
        "questions": sum(1 for t in conv.turns if t.kind == "question"),
        "questions_as_expected": 0,
        "problems": [],
    }
    if user_texts != sent:
        out["problems"].append(f"tracker user messages differ from the {len(sent)} sent")
        return out
    for turn, expected in zip(conv.turns, rest):
        out["reply_mismatch"] += turn.replies != expected
    for q, meta in zip(conv.questions, metas):
        answer = next((m for m in meta if {"career", "compare", "explore", "unknown_career"} & set(m)), {})
        out["questions_as_expected"] += q.matches(answer)
    if not conv.complete:
        return out
    quiz_meta = [m for block in metas for m in block if "quiz_item" in m]
    seen = [(m["quiz_item"], m["progress"][0]) for m in quiz_meta]
    if seen != conv.asked:
        out["problems"].append("quiz_item/progress metadata differ from the questions read from the replies")
    total = quiz.short_test_max(len(quiz.default_items()))  # "of up to": the most the short test asks
    if any(m["progress"][1] != total for m in quiz_meta if m["quiz_item"] != quiz.ZONE_QUESTION):  # zone: n of n
        out["problems"].append("progress total is not the most the short test asks")
    results = [m["quiz_result"] for block in metas for m in block if "quiz_result" in m]
    expected, problems = expected_result(conv, careers)
    out["problems"] += problems
    if len(results) != 1:
        out["problems"].append(f"{len(results)} quiz_result messages")
    elif results[0] != expected:
        out["problems"].append(f"quiz_result {results[0]} != expected {expected}")
    elif conv.code_seen != expected["code"]:
        out["problems"].append(f"reply text says code {conv.code_seen}, expected {expected['code']}")
    out["result_correct"] = not out["problems"]
    return out


async def fetch_and_check(client: Client, convs: list[Conversation], careers: dict[str, Career]) -> list[dict]:
    sem = asyncio.Semaphore(4)

    async def one(conv: Conversation) -> dict:
        async with sem:
            tracker = await client.tracker(conv.sender)
        return check_conversation(conv, tracker, careers)

    return await asyncio.gather(*(one(c) for c in convs))


def by_position(convs: list[Conversation], width: int = 20) -> dict[str, float]:
    """Median latency by how far into its conversation a turn is (the tracker grows with every turn)."""
    buckets: dict[int, list[float]] = {}
    for c in convs:
        for n, t in enumerate(c.turns):
            buckets.setdefault(n // width, []).append(t.ms)
    return {f"{b * width + 1}-{(b + 1) * width}": round(percentile(v, 50), 1) for b, v in sorted(buckets.items())}


def summarise(convs: list[Conversation], checks: list[dict], seconds: float) -> dict:
    turns = [t for c in convs for t in c.turns]
    ms = [t.ms for t in turns]
    completed = [ch for c, ch in zip(convs, checks) if c.complete]
    by_kind = {}
    for kind in ("question", "start", "answer", "zone"):
        values = [t.ms for t in turns if t.kind == kind]
        if values:
            by_kind[kind] = {
                "turns": len(values),
                "p50_ms": round(percentile(values, 50), 1),
                "p95_ms": round(percentile(values, 95), 1),
            }
    return {
        "conversations": len(convs),
        "errors": sum(1 for c in convs if c.error),
        "error_samples": [c.error for c in convs if c.error][:5],
        "messages": len(turns),
        "lost_turns": sum(ch["lost"] for ch in checks),
        "duplicated_turns": sum(ch["extra"] for ch in checks),
        "unanswered_turns": sum(ch["unanswered"] for ch in checks),
        "reply_mismatches": sum(ch["reply_mismatch"] for ch in checks),
        "questions_asked": sum(ch["questions"] for ch in checks),
        "questions_answered_as_expected": sum(ch["questions_as_expected"] for ch in checks),
        "tests_completed": len(completed),
        "results_correct": sum(1 for ch in completed if ch.get("result_correct")),
        "problems": [p for ch in checks for p in ch["problems"]][:5],
        "free_text_reasks": sum(c.reasks for c in convs),
        "test_items_answered_mean": round(
            sum(len({a for a, _ in c.asked if a != "zone"}) for c in convs if c.complete) / max(len(completed), 1), 1
        ),
        "latency_ms": {
            "p50": round(percentile(ms, 50), 1),
            "p95": round(percentile(ms, 95), 1),
            "p99": round(percentile(ms, 99), 1),
            "max": round(max(ms, default=0), 1),
            "by_kind": by_kind,
            "p50_by_turn_number": by_position(convs),
        },
        "throughput_msg_s": round(len(turns) / seconds, 2) if seconds else 0.0,
        "duration_s": round(seconds, 1),
    }


# ---------------------------------------------------------------------------------------------- machine load


def stack_roots(stack: Stack) -> dict[str, int]:
    """The stack's processes by name (Stack starts the action server first unless it uses another one)."""
    if stack.action_url is not None:
        return {"rasa server": stack.procs[0].pid}
    return dict(zip(("action server", "rasa server"), (p.pid for p in stack.procs)))


class CpuMeter:
    """CPU used by each stack process, by this client and by everything else on the machine, in cores."""

    def __init__(self, stack: Stack) -> None:
        self.roots = stack_roots(stack)
        self.begin = self._read()

    def _cpu(self, pid: int) -> float:
        try:
            proc = psutil.Process(pid)
            return sum(sum(p.cpu_times()[:2]) for p in [proc, *proc.children(recursive=True)])
        except psutil.Error:
            return 0.0

    def _read(self) -> dict[str, float]:
        t = psutil.cpu_times()
        idle = t.idle + getattr(t, "iowait", 0.0)
        busy = sum(t) - idle - getattr(t, "guest", 0.0) - getattr(t, "guest_nice", 0.0)  # guest is inside user
        me = psutil.Process().cpu_times()
        return {
            "wall": time.monotonic(),
            "busy": busy,
            "client": me.user + me.system,
            **{name: self._cpu(pid) for name, pid in self.roots.items()},
        }

    def result(self, messages: int) -> dict:
        """Average cores used over the phase, and the stack's CPU time per message (the same on a busy machine)."""
        end = self._read()
        wall = end["wall"] - self.begin["wall"]
        used = {k: (end[k] - self.begin[k]) / wall for k in end if k != "wall"}
        stack = sum(used[name] for name in self.roots)
        return {
            "cores": os.cpu_count(),
            "machine_busy_cores": round(used["busy"], 2),
            "stack_cores": round(stack, 2),
            **{f"{name}_cores": round(used[name], 2) for name in self.roots},
            "load_client_cores": round(used["client"], 2),
            "other_processes_cores": round(max(used["busy"] - stack - used["client"], 0), 2),
            "stack_cpu_ms_per_message": round(stack * wall / max(messages, 1) * 1000, 1),
            "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()],
        }


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


class RssSampler(threading.Thread):
    """Samples the resident memory of every stack process (and its children) every few seconds."""

    def __init__(self, stack: Stack, interval: float) -> None:
        super().__init__(daemon=True)
        self.roots = stack_roots(stack)
        self.interval = interval
        self.samples: list[tuple[float, dict[str, float]]] = []
        self.started = time.monotonic()
        self._halt = threading.Event()

    def sample(self) -> dict[str, float]:
        rss: dict[str, float] = {}
        for name, pid in self.roots.items():
            try:
                proc = psutil.Process(pid)
                rss[name] = proc.memory_info().rss / 2**20
                for child in proc.children(recursive=True):
                    rss[f"{name} child {child.pid} ({child.name()})"] = child.memory_info().rss / 2**20
            except psutil.Error:
                pass
        return rss

    def run(self) -> None:
        while not self._halt.is_set():
            self.samples.append((time.monotonic() - self.started, self.sample()))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()
        self.samples.append((time.monotonic() - self.started, self.sample()))


def slope_mb_per_min(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) points, in MB per minute."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(t for t, _ in points) / n
    my = sum(v for _, v in points) / n
    sxx = sum((t - mx) ** 2 for t, _ in points)
    sxy = sum((t - mx) * (v - my) for t, v in points)
    return sxy / sxx * 60 if sxx else 0.0


def memory_report(samples: list[tuple[float, dict[str, float]]]) -> dict:
    names = sorted({n for _, s in samples for n in s})
    duration = samples[-1][0] if samples else 0.0
    out = {}
    for name in names:
        points = [(t, s[name]) for t, s in samples if name in s]
        second_half = [(t, v) for t, v in points if t >= duration / 2]
        slope = slope_mb_per_min(second_half)
        out[name] = {
            "start_mb": round(points[0][1], 1),
            "end_mb": round(points[-1][1], 1),
            "peak_mb": round(max(v for _, v in points), 1),
            "slope_second_half_mb_per_min": round(slope, 2),
            "flat": abs(slope) < FLAT_MB_PER_MIN,
            "samples": len(points),
        }
    return out


# ---------------------------------------------------------------------------------------------- runs


def start_stack() -> Stack:
    log_dir = Path(tempfile.mkdtemp(prefix="careers-load-"))
    stack = Stack(free_port(), free_port(), log_dir=log_dir, tracker_store=tracker_store_config(log_dir / "tracker.db"))
    return stack.start(timeout=400)


def make_session(users: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=users + 8),
        timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT),
    )


async def warm_up(client: Client) -> None:
    """TensorFlow builds its graphs on the first turns; keep them out of the numbers."""
    conv = new_conversation("warm", 0)
    for q in QUESTIONS[:3]:
        await client.say(conv, q.text, "question")
    await client.say(conv, "/start_quiz", "start")
    await client.say(conv, '/quiz_answer{"quiz_value": "4"}', "answer")


async def show_progress(convs: list[Conversation], started: float, every: float = 30.0) -> None:
    """A line every `every` seconds so a long run shows it is alive (cancelled when the users are done)."""
    while True:
        await asyncio.sleep(every)
        done = sum(c.complete for c in convs)
        messages = sum(len(c.turns) for c in convs)
        errors = sum(1 for c in convs if c.error)
        print(
            f"  [{time.perf_counter() - started:5.0f}s] {messages} messages, {done}/{len(convs)} tests done, "
            f"{errors} errors",
            flush=True,
        )


async def run_users(work: list, convs: list[Conversation], started: float, verbose: bool) -> None:
    ticker = asyncio.create_task(show_progress(convs, started)) if verbose else None
    try:
        await asyncio.gather(*work)
    finally:
        if ticker:
            ticker.cancel()


async def run_load(
    stack: Stack,
    users: int,
    questions: int,
    seed: int = 1,
    verbose: bool = False,
    keep: list[Conversation] | None = None,
) -> dict:
    """All users at once, each through their questions and a whole career test; then every tracker checked.

    `keep` receives the conversations (the smoke test re-checks altered copies of them)."""
    careers = load_careers(config.career_dirs())
    async with make_session(users) as session:
        await warm_up(Client(session, stack, time.perf_counter()))
        convs = [new_conversation(f"load-{seed}", seed * 100000 + n) for n in range(users)]
        if keep is not None:
            keep.extend(convs)
        cpu = CpuMeter(stack)
        rss = RssSampler(stack, 5.0)
        rss.start()
        started = time.perf_counter()
        client = Client(session, stack, started)
        await run_users([converse(client, c, questions) for c in convs], convs, started, verbose)
        seconds = time.perf_counter() - started
        rss.stop()
        machine = cpu.result(sum(len(c.turns) for c in convs))
        checks = await fetch_and_check(client, convs, careers)
    report = summarise(convs, checks, seconds)
    report.update(users=users, questions_per_user=questions, machine=machine, peak_rss_mb=peaks(rss.samples))
    return report


def peaks(samples: list[tuple[float, dict[str, float]]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for _, s in samples:
        for name, mb in s.items():
            out[name] = round(max(out.get(name, 0.0), mb), 1)
    return out


async def run_soak(
    stack: Stack,
    users: int,
    minutes: float,
    questions: int,
    interval: float = 5.0,
    seed: int = 2,
    verbose: bool = False,
    keep: list[Conversation] | None = None,
) -> dict:
    """`users` people cycling through new conversations for `minutes`, with memory sampled throughout."""
    careers = load_careers(config.career_dirs())
    async with make_session(users) as session:
        await warm_up(Client(session, stack, time.perf_counter()))
        convs: list[Conversation] = [] if keep is None else keep
        cpu = CpuMeter(stack)
        rss = RssSampler(stack, interval)
        rss.start()
        started = time.perf_counter()
        deadline = time.monotonic() + minutes * 60
        client = Client(session, stack, started)

        async def cycle(u: int) -> None:
            n = 0
            while time.monotonic() < deadline:
                conv = new_conversation(f"soak-{seed}-{u}", seed * 100000 + u * 1000 + n)
                convs.append(conv)
                await converse(client, conv, questions, deadline)
                n += 1

        await run_users([cycle(u) for u in range(users)], convs, started, verbose)
        seconds = time.perf_counter() - started
        rss.stop()
        machine = cpu.result(sum(len(c.turns) for c in convs))
        checks = await fetch_and_check(client, convs, careers)
    report = summarise(convs, checks, seconds)
    minutes_seen = int(seconds // 60) + 1
    per_minute = []
    for m in range(minutes_seen):
        ms = [t.ms for c in convs for t in c.turns if m * 60 <= t.at < (m + 1) * 60]
        if ms:
            per_minute.append({"minute": m + 1, "messages": len(ms), "p95_ms": round(percentile(ms, 95), 1)})
    report.update(
        users=users,
        questions_per_conversation=questions,
        minutes=minutes,
        per_minute=per_minute,
        memory=memory_report(rss.samples),
        memory_flat=all(v["flat"] for v in memory_report(rss.samples).values()),
        sample_interval_s=interval,
        rss_samples_mb=[[round(t, 1), {k: round(v, 1) for k, v in s.items()}] for t, s in rss.samples],
        machine=machine,
    )
    return report


# ---------------------------------------------------------------------------------------------- printing


def print_load(r: dict) -> None:
    lat = r["latency_ms"]
    rows = [
        ("simulated users (concurrent)", r["users"]),
        ("messages", r["messages"]),
        ("errors", r["errors"]),
        (
            "lost / duplicated / unanswered turns / replies unlike the tracker",
            f"{r['lost_turns']} / {r['duplicated_turns']} / {r['unanswered_turns']} / {r['reply_mismatches']}",
        ),
        ("career questions answered as expected", f"{r['questions_answered_as_expected']}/{r['questions_asked']}"),
        ("career tests completed", f"{r['tests_completed']}/{r['conversations']}"),
        ("results correct (items, scores, code, matches)", f"{r['results_correct']}/{r['tests_completed']}"),
        ("test items answered per person, mean", r["test_items_answered_mean"]),
        ("free-text answers asked again", r["free_text_reasks"]),
        ("latency p50 / p95 / p99 (ms)", f"{lat['p50']} / {lat['p95']} / {lat['p99']}"),
        ("throughput (messages/s)", r["throughput_msg_s"]),
        ("duration (s)", r["duration_s"]),
        ("server CPU time per message (ms)", r["machine"]["stack_cpu_ms_per_message"]),
        ("CPU cores: Rasa + action server / load client / others", cpu_line(r["machine"])),
    ]
    print_table("Load", rows)


def cpu_line(m: dict) -> str:
    servers = f"{m.get('rasa server_cores', 0)} + {m.get('action server_cores', 0)}"
    return f"{servers} / {m['load_client_cores']} / {m['other_processes_cores']} of {m['cores']}"


def print_soak(r: dict) -> None:
    lat = r["latency_ms"]
    rows = [
        ("users cycling through conversations", r["users"]),
        ("minutes", r["minutes"]),
        ("conversations (complete tests)", f"{r['conversations']} ({r['tests_completed']})"),
        ("messages", r["messages"]),
        ("errors", r["errors"]),
        (
            "lost / duplicated / unanswered turns / replies unlike the tracker",
            f"{r['lost_turns']} / {r['duplicated_turns']} / {r['unanswered_turns']} / {r['reply_mismatches']}",
        ),
        ("results correct", f"{r['results_correct']}/{r['tests_completed']}"),
        ("latency p50 / p95 / p99 (ms)", f"{lat['p50']} / {lat['p95']} / {lat['p99']}"),
        ("throughput (messages/s)", r["throughput_msg_s"]),
        ("server CPU time per message (ms)", r["machine"]["stack_cpu_ms_per_message"]),
        ("CPU cores: Rasa + action server / load client / others", cpu_line(r["machine"])),
    ]
    print_table("Soak", rows)
    print(f"\n{'process':<40} {'start MB':>9} {'end MB':>9} {'peak MB':>9} {'MB/min (2nd half)':>18}  flat")
    for name, m in r["memory"].items():
        print(
            f"{name:<40} {m['start_mb']:>9} {m['end_mb']:>9} {m['peak_mb']:>9} "
            f"{m['slope_second_half_mb_per_min']:>18}  {'yes' if m['flat'] else 'NO'}"
        )


def print_table(title: str, rows: list[tuple[str, object]]) -> None:
    width = max(len(k) for k, _ in rows)
    print(f"\n{title}\n" + "-" * (width + 20))
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


def ok(r: dict) -> bool:
    return (
        r["errors"] == 0
        and r["lost_turns"] == r["duplicated_turns"] == r["unanswered_turns"] == r["reply_mismatches"] == 0
        and r["results_correct"] == r["tests_completed"]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent users in the load run (0: skip it)")
    parser.add_argument("--questions", type=int, default=5, help="career questions per conversation")
    parser.add_argument("--soak-minutes", type=float, default=10, help="length of the soak run (0: skip it)")
    parser.add_argument("--soak-users", type=int, default=15, help="users cycling through conversations in the soak")
    parser.add_argument("--sample-seconds", type=float, default=5, help="RSS sampling interval in the soak")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    good = True
    for mode, enabled in (("load", args.users > 0), ("soak", args.soak_minutes > 0)):
        if not enabled:
            continue
        before = uptime()
        print(f"\n[{mode}] starting the servers (1-2 minutes)... uptime: {before}", flush=True)
        t = time.perf_counter()
        stack = start_stack()
        try:
            print(f"[{mode}] servers up in {time.perf_counter() - t:.0f}s; running...", flush=True)
            if mode == "load":
                report = asyncio.run(run_load(stack, args.users, args.questions, args.seed, verbose=True))
            else:
                report = asyncio.run(
                    run_soak(
                        stack,
                        args.soak_users,
                        args.soak_minutes,
                        args.questions,
                        args.sample_seconds,
                        args.seed,
                        verbose=True,
                    )
                )
        finally:
            stack.stop()
        report.update(
            uptime_before=before,
            uptime_after=uptime(),
            tracker_store=stack.tracker_store and stack.tracker_store.get("dialect"),
            measured_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        )
        (args.out / f"{mode}.json").write_text(json.dumps(report, indent=2) + "\n")
        print_load(report) if mode == "load" else print_soak(report)
        print(f"uptime before: {before}\nuptime after:  {report['uptime_after']}")
        good &= ok(report) and report.get("memory_flat", True)
    print(f"\nWritten to {args.out}/")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
