"""Scale-out: two Rasa servers and two action servers behind nginx, one Redis lock store, one PostgreSQL tracker
store (bot/ops/cluster.py), all real and on loopback; plus the deployment files (docker-compose.yml, deploy/).

What must hold: any Rasa server can take any turn of any conversation. Turns sent alternately to both servers,
and turns of one conversation sent at the same moment to different servers, all end up in the tracker exactly
once, each followed by its own answer before the next user message.
"""

from __future__ import annotations

import collections
import json
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
import yaml

from bot.dialogue import quiz
from bot.ops.cluster import (
    COMPOSE_ACTIONS,
    COMPOSE_RASA,
    Cluster,
    compose_nginx_conf,
    redis_lock_store,
    sql_tracker_store,
)
from bot.ops.local_services.postgres import running_postgres
from bot.ops.local_services.redis import running_redis
from bot.ops.serve import with_token
from bot.rasa.lock_store import AtomicRedisLockStore
from tests.conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CAREERS = ["data-scientist", "electrician", "pharmacist", "welder", "chef", "lawyer"]
PHRASES = ["what does {} do?", "how much does {} earn?", "how do I become {}?"]


def ask(career: str, phrase: str) -> str:
    name = career.replace("-", " ")
    return phrase.format(("an " if name[0] in "aeiou" else "a ") + name)


# ---------------------------------------------------------------- the lock store itself (real Redis, no Rasa)


def lost_tickets(store_class: type, port: int, clients: int = 8, conversations: int = 60) -> int:
    """`clients` stores (as separate Rasa servers would have) issue one ticket each for the same conversations at
    the same moment; returns how many conversations ended with fewer tickets than were issued."""
    stores = [store_class(host="127.0.0.1", port=port, db=1, key_prefix=store_class.__name__) for _ in range(clients)]
    barrier = threading.Barrier(clients)

    def issue(store) -> None:
        barrier.wait()
        for n in range(conversations):
            store.issue_ticket(f"conversation-{n}")

    threads = [threading.Thread(target=issue, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = [len(stores[0].get_lock(f"conversation-{n}").tickets) for n in range(conversations)]
    return sum(1 for c in counts if c != clients)


def test_atomic_lock_store_never_loses_a_ticket_where_rasas_does():
    """Why bot/rasa/lock_store.py exists: Rasa 3.6's RedisLockStore updates a lock by GET + SET, so servers issuing
    tickets at once overwrite each other's (two turns then both hold the lock); ours uses Redis transactions."""
    from rasa.core.lock_store import RedisLockStore

    with running_redis() as redis:
        assert lost_tickets(AtomicRedisLockStore, redis.port) == 0
        still_races = "Rasa's store no longer races: bot/rasa/lock_store.py can go"
        assert lost_tickets(RedisLockStore, redis.port) > 0, still_races


def test_atomic_lock_store_serves_tickets_in_order_and_cleans_up():
    import asyncio

    with running_redis() as redis:
        store = AtomicRedisLockStore(host="127.0.0.1", port=redis.port, db=1)
        order: list[int] = []

        async def turn(n: int) -> None:
            async with store.lock("c1"):
                order.append(n)
                await asyncio.sleep(0.02)

        async def main() -> None:
            await asyncio.gather(*(turn(n) for n in range(5)))

        asyncio.run(main())
        assert order == [0, 1, 2, 3, 4]
        assert store.get_lock("c1") is None  # the last turn deleted the lock


# ---------------------------------------------------------------- the running cluster


@pytest.fixture(scope="module")
def cluster():
    assert (ROOT / "models" / "careers.tar.gz").exists(), "no trained model: run `make test` or `python -m bot build`"
    with running_redis() as redis, running_postgres() as pg:
        c = Cluster(redis_lock_store(f"redis://127.0.0.1:{redis.port}/1"), sql_tracker_store(pg.url))
        c.redis_port = redis.port  # type: ignore[attr-defined]
        c.pg = pg  # type: ignore[attr-defined]
        c.start(timeout=600)
        try:
            yield c
        finally:
            c.stop()


def post(base: str, sender: str, message: str) -> tuple[list[dict], str | None]:
    req = urllib.request.Request(
        f"{base}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=180) as resp:
        return json.loads(resp.read()), resp.headers.get("X-Upstream")


def events(base: str, sender: str, token: str) -> list[dict]:
    with urllib.request.urlopen(with_token(f"{base}/conversations/{sender}/tracker", token), timeout=60) as resp:
        return json.loads(resp.read())["events"]


def turns(evts: list[dict]) -> list[tuple[str, list[dict]]]:
    """(user text, the events after it up to the next user message) for every user message."""
    out: list[tuple[str, list[dict]]] = []
    for e in evts:
        if e["event"] == "user":
            out.append((e.get("text"), []))
        elif out:
            out[-1][1].append(e)
    return out


def assert_each_turn_answered_in_order(evts: list[dict], expected: dict[str, str]) -> None:
    """Every message of `expected` (message -> career) is in the tracker exactly once, and what follows it up to
    the next user message is its own complete turn: answers about its career, ending with action_listen."""
    got = turns(evts)
    counts = collections.Counter(text for text, _ in got)
    assert counts == collections.Counter(list(expected)), f"lost or duplicated turns: {counts}"
    for text, after in got:
        careers = {(e.get("metadata") or {}).get("career") for e in after if e["event"] == "bot"} - {None}
        assert careers == {expected[text]}, f"{text!r} was followed by answers about {careers}: turns interleaved"
        actions = [e["name"] for e in after if e["event"] == "action"]
        assert actions and actions[-1] == "action_listen", f"{text!r}: its turn did not finish before the next"


def redis_command_calls(port: int, command: str) -> int:
    import redis

    stats = redis.Redis(port=port).info("commandstats")
    return stats.get(f"cmdstat_{command}", {}).get("calls", 0)


def test_turns_alternate_between_servers_and_follow_ups_keep_their_context(cluster):
    sender = "so-alternate"
    direct_a, direct_b = cluster.rasa_urls
    script = [  # (where to, message, career, section): follow-ups need the career another server set
        (direct_a, "what does a welder do?", "welder", "duties"),
        (direct_b, "and where do they work?", "welder", "workplace"),
        (cluster.url, "how much does a plumber earn?", "plumber", "salary"),
        (cluster.url, "what skills do they need?", "plumber", "skills"),
        (direct_b, "what does a pharmacist do?", "pharmacist", "duties"),
        (direct_a, "how do I become one?", "pharmacist", "education"),
    ]
    served_by = []
    for base, message, career, section in script:
        replies, upstream = post(base, sender, message)
        assert f"knowledge/careers/{career}.md#{section}" in replies[0]["text"], (message, replies[0]["text"])
        served_by.append(int((upstream or base).rsplit(":", 1)[1]))  # nginx says which server answered
    assert served_by[2] != served_by[3], "nginx did not spread consecutive requests over both servers"
    assert set(served_by) == {s.rasa_port for s in cluster.stacks}
    # Both servers read the same conversation from PostgreSQL.
    assert (
        events(direct_a, sender, cluster.auth_token)
        == events(direct_b, sender, cluster.auth_token)
        == events(cluster.url, sender, cluster.auth_token)
    )
    got = turns(events(direct_a, sender, cluster.auth_token))
    assert [t for t, _ in got] == [m for _, m, _, _ in script]
    for (text, after), (_, _, career, section) in zip(got, script):
        meta = [e["metadata"] for e in after if e["event"] == "bot" and "career" in (e.get("metadata") or {})]
        assert (meta[0]["career"], meta[0]["section"]) == (career, section), text


def test_concurrent_turns_of_one_conversation_on_different_servers_are_serialised(cluster):
    sender = "so-concurrent"
    targets = [*cluster.rasa_urls, cluster.url]
    watch_before = redis_command_calls(cluster.redis_port, "watch")
    expected: dict[str, str] = {}
    answers: dict[str, str] = {}
    errors: list[BaseException] = []
    for phrase in PHRASES:  # rounds of six turns of the same conversation at the same moment
        barrier = threading.Barrier(len(CAREERS))

        def turn(n: int, career: str, phrase: str = phrase, barrier: threading.Barrier = barrier) -> None:
            message = ask(career, phrase)
            try:
                barrier.wait()
                replies, _ = post(targets[n % len(targets)], sender, message)
                answers[message] = replies[0]["text"]
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=turn, args=(n, c)) for n, c in enumerate(CAREERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        expected.update({ask(c, phrase): c for c in CAREERS})
    assert not errors, errors
    for message, career in expected.items():  # every poster got the answer to its own question
        assert f"knowledge/careers/{career}.md#" in answers[message], (message, answers[message])
    assert_each_turn_answered_in_order(events(cluster.rasa_urls[0], sender, cluster.auth_token), expected)
    # The Redis lock store did the serialising (WATCH: one per ticket change) and was cleaned up afterwards.
    assert redis_command_calls(cluster.redis_port, "watch") - watch_before >= 2 * len(expected)
    import redis

    assert redis.Redis(port=cluster.redis_port, db=1).keys("*lock:*") == []


def test_career_test_across_both_servers_counts_every_answer(cluster):
    sender = "so-quiz"
    servers = cluster.rasa_urls
    replies, _ = post(servers[0], sender, "I don't know what career suits me")
    assert "starting point" in replies[0]["text"]
    given: dict[str, int] = {}
    result = None
    for n in range(1, 120):
        meta = [
            e["metadata"]
            for e in events(servers[n % 2], sender, cluster.auth_token)
            if e["event"] == "bot" and ({"quiz_item", "quiz_result"} & set(e.get("metadata") or {}))
        ][-1]
        if "quiz_result" in meta:
            result = meta["quiz_result"]
            break
        if meta["quiz_item"] == "zone":
            post(servers[n % 2], sender, '/quiz_answer{"quiz_value": "zone4"}')
            continue
        value = {"i": 5, "c": 4, "r": 3, "a": 2, "s": 1, "e": 2}[meta["quiz_item"][0]]
        given[meta["quiz_item"]] = value
        post(servers[n % 2], sender, f'/quiz_answer{{"quiz_value": "{value}"}}')
    assert result is not None, "the test never reached a result"
    tracker_slots = json.loads(
        urllib.request.urlopen(cluster.api_url(servers[1], f"/conversations/{sender}/tracker"), timeout=60).read()
    )["slots"]
    assert tracker_slots["quiz"]["answers"] == given  # every answer, whichever server took it, none twice
    assert result["scores"] == quiz.scores({"answers": given})
    assert result["code"] == "ICR"


def test_both_action_servers_take_calls_through_nginx(cluster):
    for n in range(4):
        post(cluster.url, f"so-actions-{n}", "what does an electrician do?")
    log = (cluster.runtime_dir / "actions.log").read_text()
    used = set(re.findall(r" (127\.0\.0\.1:\d+) [\d.]+$", log, flags=re.M))
    assert {f"127.0.0.1:{p}" for p in cluster.action_ports} <= used
    assert " 200 " in log and " 500 " not in log and " 502 " not in log


def test_balancer_can_take_a_server_out_and_back_without_a_restart(cluster):
    def served_by(n: int) -> set[str]:
        return {post(cluster.url, f"so-balance-{i}", "hello")[1] for i in range(n)}

    first = f"127.0.0.1:{cluster.stacks[0].rasa_port}"
    try:
        cluster.balance(1, 1)
        assert served_by(4) == {first}
    finally:
        cluster.balance(2, 2)
    assert served_by(4) == {f"127.0.0.1:{s.rasa_port}" for s in cluster.stacks}


# ---------------------------------------------------------------- deployment files (no servers)


def load_yaml(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text())


def test_compose_file_has_the_topology():
    compose = load_yaml("docker-compose.yml")
    services = compose["services"]
    assert set(services) >= {"rasa-1", "rasa-2", "action-server-1", "action-server-2", "nginx", "redis", "postgres"}
    for name in ("rasa-1", "rasa-2"):
        s = services[name]
        assert set(s["depends_on"]) >= {"redis", "postgres"}
        assert "deploy/endpoints.compose.yml" in " ".join(s["command"])
        assert s["image"] == services["action-server-1"]["image"]  # one image, built from our Dockerfile
    assert services["rasa-1"]["build"]["dockerfile"] == "Dockerfile"
    assert set(services["nginx"]["depends_on"]) >= {"rasa-1", "rasa-2", "action-server-1", "action-server-2"}
    assert [m for m in services["nginx"]["volumes"] if m.startswith("./deploy/nginx.conf:")]
    # The shared stores every Rasa server gets: Redis (locks) and PostgreSQL (conversations), by service name.
    endpoints = load_yaml("deploy/endpoints.compose.yml")
    assert endpoints["lock_store"]["type"] == "bot.rasa.lock_store.AtomicRedisLockStore"
    assert endpoints["lock_store"]["url"] == "redis" and endpoints["lock_store"]["port"] == 6379
    assert endpoints["tracker_store"]["dialect"] == "postgresql" and endpoints["tracker_store"]["url"] == "postgres"
    assert endpoints["action_endpoint"]["url"] == "http://nginx:5055/webhook"
    env = services["postgres"]["environment"]
    assert env["POSTGRES_DB"] == endpoints["tracker_store"]["db"]
    assert env["POSTGRES_USER"] == endpoints["tracker_store"]["username"]
    # nginx balances over exactly the compose services; the file is the generator's output.
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    assert conf == compose_nginx_conf()
    printed = subprocess.run(
        [sys.executable, "-m", "bot.ops.cluster", "nginx-conf", "--compose"], capture_output=True, text=True, cwd=ROOT
    )
    assert printed.stdout == conf
    for host in COMPOSE_RASA + COMPOSE_ACTIONS:
        assert host.split(":")[0] in services and f"server {host}" in conf
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.10-slim", dockerfile, flags=re.M)
    assert "requirements/lock.txt" in dockerfile


def test_helm_values_sketch_has_the_same_topology():
    values = load_yaml("deploy/helm/values.yaml")
    assert values["replicaCount"] >= 2
    endpoints = values["applicationSettings"]["endpoints"]
    assert endpoints["lockStore"]["enabled"]
    assert endpoints["lockStore"]["type"] == "bot.rasa.lock_store.AtomicRedisLockStore"
    assert endpoints["trackerStore"]["enabled"] and endpoints["trackerStore"]["dialect"] == "postgresql"
    assert values["rasa-action-server"]["install"] and values["rasa-action-server"]["replicaCount"] >= 2
    assert values["redis"]["install"] and values["postgresql"]["install"]


def compose_command() -> list[str] | None:
    """How to run Compose here: the docker client's plugin (`docker compose`), else Debian's `docker-compose`
    (installed by `make system`). Neither needs a running engine for `config`."""
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


@pytest.mark.skipif(compose_command() is None, reason="not applicable: neither `docker compose` nor docker-compose")
def test_compose_file_passes_docker_compose_config():
    """`docker compose config` parses and validates the file against the compose spec; it needs no engine."""
    out = subprocess.run(
        [*compose_command(), "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(Path.home())},
    )
    assert out.returncode == 0, out.stderr
    services = yaml.safe_load(out.stdout)["services"]
    assert set(services) >= {"rasa-1", "rasa-2", "action-server-1", "action-server-2", "nginx", "redis", "postgres"}
