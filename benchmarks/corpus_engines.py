"""Corpus engines: the process pool against a local Dask cluster of the same size.

Prints, for ``--jobs 2`` on each engine, pairs/s on N pairs (default 1,000: the corpora pairs,
news articles of the seed's size, repeated) and the client's peak RSS (resource.getrusage,
RUSAGE_SELF of the process that runs ``xcheck corpus``; with ``--engine dask`` that process
also holds the local cluster's scheduler and nannies) on 100 and on N pairs. Each run is a
fresh process writing json reports and corpus.jsonl.

    python benchmarks/corpus_engines.py [--pairs 1000] [--small 100] [--jobs 2]

Targets (issue 17): the Dask engine at least 85% of the pool's pairs/s; the client's peak
memory flat (within 10%) from 100 to N pairs on both engines.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from perf import make_corpus  # the corpora pairs, repeated

MEASURE = """
import json, resource, sys, time
from xcheck.cli import app
t0 = time.perf_counter()
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds,
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def measure(corpus: Path, out: Path, engine: str, jobs: int) -> dict[str, float]:
    cmd = [sys.executable, "-c", MEASURE, "corpus", str(corpus), "--jobs", str(jobs),
           "--engine", engine, "--format", "json,jsonl", "--output", str(out),
           "--fail-on", "never"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["checked"] == summary["pairs"], summary["failures"][:3]
    data["pairs"] = summary["pairs"]
    data["pairs_per_s"] = summary["pairs"] / data["seconds"]
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results: dict[tuple[str, int], dict[str, float]] = {}
        for n in (args.small, args.pairs):
            corpus = tmp / f"corpus-{n}"
            make_corpus(corpus, n)
            for engine in ("pool", "dask"):
                r = measure(corpus, tmp / f"out-{engine}-{n}", engine, args.jobs)
                results[engine, n] = r
                print(f"{engine:>4} --jobs {args.jobs}, {n} pairs: {r['pairs_per_s']:.2f} "
                      f"pairs/s ({r['seconds']:.1f} s), client peak RSS "
                      f"{r['self_kb'] / 1024:.0f} MiB", flush=True)
        pool, dask = results["pool", args.pairs], results["dask", args.pairs]
        print(f"dask / pool throughput on {args.pairs} pairs: "
              f"{dask['pairs_per_s'] / pool['pairs_per_s']:.0%} (target >= 85%)")
        for engine in ("pool", "dask"):
            small, big = results[engine, args.small], results[engine, args.pairs]
            print(f"{engine} client peak RSS {args.small} -> {args.pairs} pairs: "
                  f"{small['self_kb'] / 1024:.0f} -> {big['self_kb'] / 1024:.0f} MiB "
                  f"({big['self_kb'] / small['self_kb'] - 1:+.1%}; target within 10%)")


if __name__ == "__main__":
    main()
