"""Corpus throughput and memory: ``xcheck corpus`` on the corpora pairs repeated.

Prints pairs/s for --jobs 1 and --jobs 2 (200 pairs) and the peak RSS (resource.getrusage,
RUSAGE_SELF + RUSAGE_CHILDREN) of a run on 50 and on 200 pairs. Each run is a fresh process.

    python benchmarks/corpus.py [--pairs 200] [--small 50]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from perf import make_corpus  # one way to build the repeated corpus

ROOT = Path(__file__).resolve().parents[1]

MEASURE = """
import json, resource, sys, time
from xcheck.cli import app
t0 = time.perf_counter()
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
seconds = time.perf_counter() - t0
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "self_kb": self_kb, "children_kb": child_kb}))
"""


def measure(n: int, jobs: int, tmp: Path) -> dict[str, float]:
    corpus = tmp / f"corpus-{n}"
    if not corpus.exists():
        corpus.mkdir()
        make_corpus(corpus, n)
    out = tmp / f"out-{n}-{jobs}"
    cmd = [sys.executable, "-c", MEASURE, "corpus", str(corpus), "--jobs", str(jobs),
           "--format", "jsonl,html", "--output", str(out), "--fail-on", "never"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    data["pairs_per_s"] = n / data["seconds"]
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    data["worker_kb"] = summary["peak_worker_rss_kb"]
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--small", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        j1 = measure(args.pairs, 1, tmp)
        j2 = measure(args.pairs, 2, tmp)
        print(f"{args.pairs} pairs, --jobs 1: {j1['pairs_per_s']:.2f} pairs/s "
              f"({j1['seconds']:.1f} s)")
        print(f"{args.pairs} pairs, --jobs 2: {j2['pairs_per_s']:.2f} pairs/s "
              f"({j2['seconds']:.1f} s); speed-up {j1['seconds'] / j2['seconds']:.2f}x")
        small = measure(args.small, 1, tmp)
        small2 = measure(args.small, 2, tmp)
        for label, a, b in (("--jobs 1", small, j1), ("--jobs 2", small2, j2)):
            print(f"peak RSS {label}: " + "; ".join(
                f"{n} pairs: self {d['self_kb'] / 1024:.0f} MiB, children "
                f"{d['children_kb'] / 1024:.0f} MiB, worker {d['worker_kb'] / 1024:.0f} MiB"
                for n, d in ((args.small, a), (args.pairs, b))))


if __name__ == "__main__":
    main()
