"""Corpus engines: the process pool against a local Dask cluster of the same size.

Prints, for ``--jobs 2`` on each engine, pairs/s on N pairs (default 1,000: the corpora pairs,
news articles of the seed's size, repeated) and the client's peak RSS (resource.getrusage,
RUSAGE_SELF of the process that runs ``xcheck corpus``) on 100 and on N pairs. Each run is a
fresh process writing json reports and corpus.jsonl. Engines:

- ``pool``: ``--jobs 2``;
- ``dask``: ``--engine dask --jobs 2``, a local cluster whose scheduler and nannies live in
  the client's process (so its RSS counts them);
- ``dask-scheduler``: ``--scheduler ADDRESS`` on a cluster started beforehand (``dask
  scheduler``, ``dask worker --nworkers 2 --nthreads 1``): the client alone.

    python benchmarks/corpus_engines.py [--pairs 1000] [--small 100] [--jobs 2]
        [--engines pool,dask,dask-scheduler] [--rounds 3]

The machine's speed drifts by a fifth over minutes (a shared host), so the N-pair runs are
repeated in rounds, the engines' order reversed each round, and the throughput ratio is the
median over rounds of each round's ratio (engines run next to each other compared).

Targets (issue 17): the Dask engine at least 85% of the pool's pairs/s; the client's peak
memory flat (within 10%) from 100 to N pairs on both engines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import MEASURE  # one way to time a corpus run and read its peak RSS
from perf import make_corpus  # the corpora pairs, repeated


def measure(corpus: Path, out: Path, engine: str, jobs: int,
            scheduler: str | None) -> dict[str, float]:
    how = ["--scheduler", scheduler] if engine == "dask-scheduler" and scheduler else \
        ["--engine", engine]
    cmd = [sys.executable, "-c", MEASURE, "corpus", str(corpus), "--jobs", str(jobs), *how,
           "--format", "json,jsonl", "--output", str(out), "--fail-on", "never"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["checked"] == summary["pairs"], summary["failures"][:3]
    data["pairs"] = summary["pairs"]
    data["pairs_per_s"] = summary["pairs"] / data["seconds"]
    return data


@contextlib.contextmanager
def cluster(tmp: Path, workers: int) -> Iterator[str]:
    """A Dask cluster in processes of its own (as a user starts one); its address."""
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0"}
    file = tmp / "scheduler.json"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler",
                               "--scheduler-file", str(file), "--no-dashboard"], env=env,
                              stderr=subprocess.DEVNULL)]
    try:
        while not file.exists():
            time.sleep(0.2)
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker",
                                       "--scheduler-file", str(file), "--nworkers",
                                       str(workers), "--nthreads", "1", "--no-dashboard"],
                                      env=env, stderr=subprocess.DEVNULL))
        time.sleep(5)
        yield str(json.loads(file.read_text("utf-8"))["address"])
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--engines", default="pool,dask,dask-scheduler")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory() as d, contextlib.ExitStack() as stack:
        tmp = Path(d)
        address = stack.enter_context(cluster(tmp, args.jobs)) \
            if "dask-scheduler" in engines else None
        small: dict[str, dict[str, float]] = {}
        rounds: list[dict[str, dict[str, float]]] = []
        for n in (args.small, args.pairs):
            corpus = tmp / f"corpus-{n}"
            make_corpus(corpus, n)
            for k in range(1 if n == args.small else args.rounds):
                runs: dict[str, dict[str, float]] = {}
                for engine in engines if k % 2 == 0 else engines[::-1]:
                    r = measure(corpus, tmp / f"out-{engine}-{n}-{k}", engine, args.jobs,
                                address)
                    runs[engine] = r
                    print(f"{engine:>4} --jobs {args.jobs}, {n} pairs: {r['pairs_per_s']:.2f} "
                          f"pairs/s ({r['seconds']:.1f} s), client peak RSS "
                          f"{r['self_kb'] / 1024:.0f} MiB", flush=True)
                if n == args.small:
                    small = runs
                else:
                    rounds.append(runs)
        for engine in engines:
            if engine != "pool" and "pool" in engines:
                ratios = sorted(r[engine]["pairs_per_s"] / r["pool"]["pairs_per_s"]
                                for r in rounds)
                print(f"{engine} / pool throughput on {args.pairs} pairs: "
                      f"{statistics.median(ratios):.0%} median of "
                      f"{', '.join(f'{x:.0%}' for x in ratios)} (target >= 85%)")
        for engine in engines:
            low = small[engine]["self_kb"]
            high = max(r[engine]["self_kb"] for r in rounds)
            print(f"{engine} client peak RSS {args.small} -> {args.pairs} pairs: "
                  f"{low / 1024:.0f} -> {high / 1024:.0f} MiB "
                  f"({high / low - 1:+.1%}; target within 10%)")


if __name__ == "__main__":
    main()
