"""`make bench-scale`: the vector index at 10k, 100k and 1M passages (384-d), built the way `bot index` builds it.

Synthetic but realistic corpora: every vector is a point between a real passage embedding of our knowledge base
and one of its nearest neighbours, plus noise, renormalised. So the data keeps the real embeddings' clusters,
anisotropy and neighbourhood structure (uniform noise on the sphere would make every index look either perfect
or hopeless). Queries are drawn the same way and held out. Ground truth is exact inner-product search.

Measured per size: build time, index memory (serialised size and the process's RSS growth), single-query
latency p50/p95 (one thread at a time, as the action server queries), and recall@10 against exact search.
Results: a table on stdout and bench/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

import numpy as np

from bot import config
from bot.search import ann
from bot.search.index import current_dir

RESULTS = config.ROOT / "bench" / "results"
SIZES = (10_000, 100_000, 1_000_000)
QUERIES = 1000
NEIGHBOURS = 10
NOISE = 0.35  # norm of the added noise relative to a unit vector: near-duplicates are rare, clusters stay


def seed_vectors() -> np.ndarray:
    """The real passage embeddings of the built index (make build), else a clustered stand-in."""
    path = current_dir(config.INDEX_DIR) / "vectors.npy"
    if path.exists():
        return np.load(path, allow_pickle=False).astype(np.float32)
    print("no built index: seeding from a synthetic clustered stand-in (run `make build` for real seeds)")
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(200, 384)).astype(np.float32)
    seeds = centres[rng.integers(0, 200, 3000)] + 0.6 * rng.normal(size=(3000, 384)).astype(np.float32)
    return seeds / np.linalg.norm(seeds, axis=1, keepdims=True)


def synthetic(n: int, seeds: np.ndarray, rng: np.random.Generator, chunk: int = 100_000) -> np.ndarray:
    """n normalised vectors between real neighbours, with noise."""
    sims = seeds @ seeds.T
    np.fill_diagonal(sims, -1)
    neighbours = np.argpartition(-sims, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
    out = np.empty((n, seeds.shape[1]), dtype=np.float32)
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        a = rng.integers(0, len(seeds), m)
        b = neighbours[a, rng.integers(0, NEIGHBOURS, m)]
        t = rng.uniform(0, 1, (m, 1)).astype(np.float32)
        v = (1 - t) * seeds[a] + t * seeds[b]
        v += rng.normal(0, NOISE / np.sqrt(seeds.shape[1]), v.shape).astype(np.float32)
        out[start : start + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def exact_top(corpus: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    import faiss

    flat = faiss.IndexFlatIP(corpus.shape[1])
    flat.add(corpus)
    return flat.search(queries, k)[1]


def measure(n: int, seeds: np.ndarray, spec: dict | None = None) -> dict:
    import faiss

    rng = np.random.default_rng(n)
    corpus = synthetic(n, seeds, rng)
    queries = synthetic(QUERIES, seeds, np.random.default_rng(n + 1))
    truth = exact_top(corpus, queries, 10)
    spec = spec or ann.choose(n, corpus.shape[1])
    before = rss_mb()
    started = time.perf_counter()
    index = ann.build(corpus, spec)
    build_s = time.perf_counter() - started
    grown = rss_mb() - before
    serialised_mb = len(faiss.serialize_index(index)) / 2**20
    latencies = []
    found = np.empty((QUERIES, 10), dtype=np.int64)
    faiss.omp_set_num_threads(1)  # one query at a time on one thread, like a server handling a message
    for i in range(QUERIES):
        t = time.perf_counter()
        found[i] = index.search(queries[i : i + 1], 10)[1][0]
        latencies.append((time.perf_counter() - t) * 1000)
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    recall = float(np.mean([len(set(found[i]) & set(truth[i])) / 10 for i in range(QUERIES)]))
    raw_mb = corpus.nbytes / 2**20
    del index, corpus
    return {
        "passages": n,
        "index": spec,
        "build_s": round(build_s, 2),
        "index_mb": round(serialised_mb, 1),
        "rss_growth_mb": round(grown, 1),
        "raw_vectors_mb": round(raw_mb, 1),
        "query_p50_ms": round(float(np.percentile(latencies, 50)), 3),
        "query_p95_ms": round(float(np.percentile(latencies, 95)), 3),
        "recall_at_10": round(recall, 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--exact-too", action="store_true", help="also measure exact search at every size")
    args = parser.parse_args(argv)
    seeds = seed_vectors()
    rows = []
    for n in args.sizes:
        print(f"measuring {n:,} passages ...", flush=True)
        rows.append(measure(n, seeds))
        if args.exact_too and not rows[-1]["index"].get("exact"):
            rows.append(measure(n, seeds, {"index_type": "IndexFlatIP", "factory": "Flat", "exact": True}))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "seed_passages": len(seeds),
        "queries": QUERIES,
        "flat_max": ann.FLAT_MAX,
        "peak_rss_mb": round(peak, 1),
        "rows": rows,
        "targets_at_1m": {"query_p50_ms": 10, "recall_at_10": 0.95, "index_mb": 1536},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(result, indent=2))
    print_table(result)
    return 0


def print_table(result: dict) -> None:
    print(f"\nVector index at scale ({result['queries']} held-out queries, 384-d, seeds: {result['seed_passages']})")
    head = f"{'passages':>10} {'index':<28} {'build s':>8} {'index MB':>9} {'p50 ms':>7} {'p95 ms':>7} {'recall@10':>9}"
    print(head)
    for r in result["rows"]:
        print(
            f"{r['passages']:>10,} {r['index']['factory'] + ' ' + str(r['index'].get('nprobe', '')):<28}"
            f" {r['build_s']:>8} {r['index_mb']:>9} {r['query_p50_ms']:>7} {r['query_p95_ms']:>7}"
            f" {r['recall_at_10']:>9}"
        )
    print(f"peak RSS of the benchmark process: {result['peak_rss_mb']} MB")


if __name__ == "__main__":
    sys.exit(main())
