"""`make bench-scaleout`: throughput and latency with one and with two Rasa servers behind nginx (bot/ops/cluster.py:
Redis lock store, PostgreSQL tracker store, action servers behind nginx too), against Rasa's `rasa init` bot with a
custom action (bench/run.py), all in the same run on this machine.

Each configuration gets 20 and then 50 concurrent users over REST, each user its own conversation, asking a mix
of career questions (bench/run.py's QUESTIONS). The CPU time every process used during the load, the machine's
load average and other Rasa servers running at the time are recorded too: on a 2-core machine they explain the
numbers. Results: a table on stdout and bench/results/scaleout.json.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

import psutil

from bench.run import BASELINE_MESSAGES, QUESTIONS, RESULTS, BaselineStack, ensure_baseline, load, post
from bot.ops.cluster import Cluster, redis_lock_store, sql_tracker_store
from bot.ops.serve import free_port

LOADS = [(20, 15), (50, 8)]  # (concurrent users, turns each)


def other_rasa_servers(ours: set[int]) -> int:
    """Rasa servers on this machine that are not this benchmark's (other people's tests, `make run`...)."""
    count = 0
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        if proc.info["pid"] not in ours and ("bot.rasa.server run" in cmd or "rasa run" in cmd):
            count += 1
    return count


def tree(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def matching(text: str) -> list[int]:
    """Processes whose command line contains `text` (this run's PostgreSQL and Redis, not anyone else's)."""
    return [p.pid for p in psutil.process_iter(["cmdline"]) if text in " ".join(p.info["cmdline"] or [])]


def cpu_seconds(groups: dict[str, list[int]]) -> dict[str, float]:
    """CPU seconds (user + system) so far of each named group of process trees."""
    out: dict[str, float] = {}
    for name, pids in groups.items():
        total = 0.0
        for pid in pids:
            for p in tree(pid):
                try:
                    t = p.cpu_times()
                    total += t.user + t.system + t.children_user + t.children_system
                except psutil.NoSuchProcess:
                    pass
        out[name] = total
    return out


def measure(url: str, messages: list[str], tag: str, groups: Callable[[], dict[str, list[int]]]) -> dict:
    """Every load of LOADS against `url`, with the CPU each process group used and the machine's state."""
    results = {}
    for users, turns in LOADS:
        me = psutil.Process()
        before = {**cpu_seconds(groups()), "load generator": sum(me.cpu_times()[:2])}
        psutil.cpu_percent()  # starts the machine-wide measurement interval
        started = time.perf_counter()
        r = load(url, messages, users=users, turns=turns, tag=tag)
        seconds = time.perf_counter() - started
        after = {**cpu_seconds(groups()), "load generator": sum(me.cpu_times()[:2])}  # this process's threads
        r["seconds"] = round(seconds, 1)
        r["machine_cpu_percent"] = psutil.cpu_percent()  # of all cores, everyone's processes
        r["load_average_1min"] = round(os.getloadavg()[0], 2)
        r["cpu_cores_used_by"] = {k: round((after[k] - before[k]) / seconds, 2) for k in after}
        results[f"users_{users}"] = r
        print(f"  {tag}: {users} users: {r['throughput_msg_s']} msg/s, p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms")
    return results


def bench_baseline() -> dict:
    model = ensure_baseline()
    stack = BaselineStack(free_port(), free_port(), model=model)
    started = time.perf_counter()
    stack.start()
    try:
        url = f"{stack.rasa_url}/webhooks/rest/webhook"
        for m in BASELINE_MESSAGES * 3:  # warm-up: TensorFlow builds its graphs on first use
            post(url, "base-warm", m)
        start_s = time.perf_counter() - started
        pids = [p.pid for p in stack.procs]
        result = measure(url, BASELINE_MESSAGES, "base", lambda: {"actions": pids[:1], "rasa": pids[1:]})
    finally:
        stack.stop()
    return {"start_to_warm_s": round(start_s, 1), **result}


def bench_cluster() -> dict:
    from bot.ops.local_services.postgres import running_postgres
    from bot.ops.local_services.redis import running_redis

    with running_redis() as redis, running_postgres() as pg:
        cluster = Cluster(redis_lock_store(f"redis://127.0.0.1:{redis.port}/1"), sql_tracker_store(pg.url))
        started = time.perf_counter()
        with cluster:
            for base in cluster.rasa_urls:  # warm both servers directly
                for m in QUESTIONS:
                    post(f"{base}/webhooks/rest/webhook", "scale-warm", m)
            start_s = time.perf_counter() - started
            url = f"{cluster.url}/webhooks/rest/webhook"

            def groups() -> dict[str, list[int]]:
                return {
                    "rasa": [s.procs[0].pid for s in cluster.stacks],
                    "actions": [p.pid for p in cluster.procs],
                    "nginx": [cluster.nginx.pid] if cluster.nginx else [],
                    "postgres": matching(str(pg.data)),  # the postmaster; tree() adds its backends
                    "redis": matching(f"127.0.0.1:{redis.port}"),
                }

            results = {"start_to_warm_s": round(start_s, 1)}
            for servers in (1, 2):
                cluster.balance(servers, servers)  # nginx over the first n Rasa and n action servers
                results[f"rasa_{servers}"] = measure(url, QUESTIONS, f"scale{servers}", groups)
            results["conversations_in_postgres"] = int(pg.psql("select count(distinct sender_id) from events"))
    return results


def main() -> int:
    os.environ.update({"RASA_TELEMETRY_ENABLED": "false", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    RESULTS.mkdir(parents=True, exist_ok=True)
    conditions = {
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "other_rasa_servers_at_start": other_rasa_servers({os.getpid()}),
        "python": sys.version.split()[0],
    }
    print(f"Conditions: {conditions}", flush=True)
    print("Rasa's `rasa init` baseline (one Rasa server, one action server, SQLite tracker)...", flush=True)
    baseline = bench_baseline()
    print("The cluster: nginx, 2 Rasa servers, 2 action servers, Redis locks, PostgreSQL tracker...", flush=True)
    cluster = bench_cluster()
    conditions["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    conditions["other_rasa_servers_at_end"] = other_rasa_servers({os.getpid()})
    result = {
        "conditions": conditions,
        "loads": [{"users": u, "turns_each": t} for u, t in LOADS],
        "baseline_rasa_init_custom_action": baseline,
        "cluster_start_to_warm_s": cluster.pop("start_to_warm_s"),
        "conversations_in_postgres": cluster.pop("conversations_in_postgres"),
        "one_rasa_behind_nginx": cluster["rasa_1"],
        "two_rasa_behind_nginx": cluster["rasa_2"],
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (RESULTS / "scaleout.json").write_text(json.dumps(result, indent=2))
    print_table(result)
    return 0


def print_table(r: dict) -> None:
    rows = [
        ("`rasa init` baseline (1 Rasa, SQLite tracker)", r["baseline_rasa_init_custom_action"]),
        ("this assistant, 1 Rasa + 1 action server behind nginx", r["one_rasa_behind_nginx"]),
        ("this assistant, 2 Rasa + 2 action servers behind nginx", r["two_rasa_behind_nginx"]),
    ]
    print(
        "\n| configuration | users | msg/s | p50 ms | p95 ms | errors | CPU cores used (Rasa / actions / other) "
        "| machine CPU busy | msg per Rasa CPU-second |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, res in rows:
        for key in ("users_20", "users_50"):
            m = res[key]
            cores = m["cpu_cores_used_by"]
            other = sum(v for k, v in cores.items() if k not in ("rasa", "actions"))
            used = f"{cores['rasa']} / {cores['actions']} / {round(other, 2)}"
            per_cpu = round(m["throughput_msg_s"] / cores["rasa"], 1) if cores["rasa"] else "-"
            print(
                f"| {name} | {m['users']} | {m['throughput_msg_s']} | {m['p50_ms']} | {m['p95_ms']} "
                f"| {m['errors']} | {used} | {m['machine_cpu_percent']}% | {per_cpu} |"
            )
    c = r["conditions"]
    print(
        f"\nMachine: {c['cores']} cores; load average {c['load_average_at_start'][0]} at start, "
        f"{c['load_average_at_end'][0]} at end; other Rasa servers running: {c['other_rasa_servers_at_start']} at "
        f"start, {c['other_rasa_servers_at_end']} at end."
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--table"]:  # the table of the last run, from bench/results/scaleout.json
        print_table(json.loads((RESULTS / "scaleout.json").read_text()))
        sys.exit(0)
    sys.exit(main())
