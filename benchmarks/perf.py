"""Start-up, latency, throughput and peak memory of xcheck (issue 7).

Every figure is the median of several runs, with min and max; peak memory is the peak RSS
of the measured process (os.wait4 on the child, so each run is measured on its own; for
``corpus`` also the largest worker's, from summary.json). Timed runs come after one
untimed run, so the disk caches and xcheck's per-user cache are warm.

    python benchmarks/perf.py [--runs 5] [--pairs 300] [--align-k 7] [--flat]
                              [--only help,check,api,corpus,align]

- ``help``: ``xcheck --help`` wall time.
- ``check``: ``xcheck check`` on corpora/pairs/seed.{zh,en}.txt from a new process.
- ``api``: in one warm process, ``xcheck.api.check_documents`` on pre-read documents and
  ``xcheck.check(paths)``; also with the jieba segmentation, sentence-vector and
  name-similarity memos emptied before each run (what a new article costs when nothing
  about it is remembered).
- ``corpus``: ``xcheck corpus`` on ``--pairs`` pairs (corpora/pairs repeated, copied)
  with ``--jobs 1`` and ``--jobs 2``: pairs/s and sentences/s. ``--flat``: peak memory with
  100 and 1,000 pairs (``--jobs 2``).
- ``align``: ``xcheck align --presegmented`` on the align-dev chapters concatenated
  ``--align-k`` times (benchmarks/align_scale.py; k=7 is 10.1k x 13.6k sentences), read
  from ../shared/align-dev at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PAIRS = ROOT / "corpora" / "pairs"
SEED_ZH = PAIRS / "seed.zh.txt"
SEED_EN = PAIRS / "seed.en.txt"
XCHECK = [sys.executable, "-m", "xcheck"]
_bin = Path(sys.executable).with_name("xcheck")
if _bin.exists():
    XCHECK = [str(_bin)]


def run_child(cmd: list[str], **kwargs: object) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB) and exit code of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            **kwargs)  # type: ignore[call-overload]
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}\n{err}")
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def stats(values: list[float], unit: str = "s", digits: int = 3) -> str:
    return (f"median {statistics.median(values):.{digits}f} {unit} "
            f"(min {min(values):.{digits}f}, max {max(values):.{digits}f}, n={len(values)})")


def repeat(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    run_child(cmd)  # warm the disk and per-user caches
    times, mems = [], []
    for _ in range(runs):
        t, m, _ = run_child(cmd)
        times.append(t)
        mems.append(m)
    return times, mems


def bench_help(runs: int) -> None:
    times, mems = repeat([*XCHECK, "--help"], runs)
    print(f"xcheck --help: {stats(times)}; peak RSS {statistics.median(mems):.0f} MiB")


SEED_MT = ROOT / "corpora" / "mt" / "pairs" / "seed.mt.txt"


def bench_check(runs: int) -> None:
    times, mems = repeat([*XCHECK, "check", str(SEED_ZH), str(SEED_EN), "--fail-on", "never"],
                         runs)
    print(f"xcheck check seed (new process): {stats(times)}; "
          f"peak RSS {stats(mems, 'MiB', 0)}")


def bench_mt(runs: int) -> None:
    """The cost of --mt evidence (issue 8): a new process, and a warm one."""
    times, mems = repeat([*XCHECK, "check", str(SEED_ZH), str(SEED_EN), "--mt", str(SEED_MT),
                          "--fail-on", "never"], runs)
    print(f"xcheck check seed --mt (new process): {stats(times)}; "
          f"peak RSS {stats(mems, 'MiB', 0)}")
    code = ("import sys, time, json, xcheck\n"
            "a = sys.argv[1:4]\nxcheck.check(*a[:2], mt=a[2])\nout = []\n"
            "for _ in range(int(sys.argv[4])):\n"
            "    t = time.perf_counter(); xcheck.check(*a[:2], mt=a[2])\n"
            "    out.append(time.perf_counter() - t)\nprint(json.dumps(out))")
    proc = subprocess.run([sys.executable, "-c", code, str(SEED_ZH), str(SEED_EN),
                           str(SEED_MT), str(max(runs, 10))], capture_output=True, text=True,
                          check=True)
    print(f"API xcheck.check(paths, mt=...) (seed, warm process): "
          f"{stats(json.loads(proc.stdout.strip().splitlines()[-1]))}")


API = r"""
import json, resource, statistics, sys, time
import xcheck
from xcheck.api import check_documents, read_inputs
from xcheck.lexicon import meaning, names
from xcheck.resources import jieba_tokenizer
zh, en, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = read_inputs(zh, en)
check_documents(*docs)
xcheck.check(zh, en)
out = {"documents": [], "paths": [], "documents_cold_memo": []}
memo = getattr(jieba_tokenizer(), "_memo", {})
for _ in range(runs):
    t = time.perf_counter(); check_documents(*docs)
    out["documents"].append(time.perf_counter() - t)
    t = time.perf_counter(); xcheck.check(zh, en); out["paths"].append(time.perf_counter() - t)
    memo.clear()
    meaning.clear_memo()
    for fn in (names.similarity, names._distance):
        getattr(fn, "cache_clear", lambda: None)()
    t = time.perf_counter(); check_documents(*docs)
    out["documents_cold_memo"].append(time.perf_counter() - t)
out["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def bench_api(runs: int) -> None:
    proc = subprocess.run([sys.executable, "-c", API, str(SEED_ZH), str(SEED_EN),
                           str(max(runs, 15))], capture_output=True, text=True, check=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"API check_documents (seed, warm process): {stats(data['documents'])}")
    print(f"API xcheck.check(paths) (seed, warm process): {stats(data['paths'])}")
    print("API check_documents, segmentation, sentence-vector and name-similarity memos "
          "emptied: "
          f"{stats(data['documents_cold_memo'])}")
    print(f"API process peak RSS: {data['rss_mib']:.0f} MiB")


def make_corpus(folder: Path, n: int, seed_only: bool = False) -> None:
    pairs = [SEED_ZH] if seed_only else sorted(PAIRS.glob("*.zh.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        zh = pairs[k % len(pairs)]
        en = zh.with_name(zh.name.replace(".zh.txt", ".en.txt"))
        name = f"p{k:05d}-{zh.name[: -len('.zh.txt')]}"
        # Copies: discovery refuses links that lead outside the folder.
        shutil.copyfile(zh, folder / f"{name}.zh.txt")
        shutil.copyfile(en, folder / f"{name}.en.txt")


def corpus_sentences(n: int, seed_only: bool = False) -> int:
    from xcheck.api import read_inputs

    per_pair = []
    for zh in [SEED_ZH] if seed_only else sorted(PAIRS.glob("*.zh.txt")):
        z, e = read_inputs(zh, zh.with_name(zh.name.replace(".zh.txt", ".en.txt")))
        per_pair.append(len(z.sentences) + len(e.sentences))
    return sum(per_pair[k % len(per_pair)] for k in range(n))


def corpus_run(folder: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    shutil.rmtree(out, ignore_errors=True)
    t, mem, _ = run_child([*XCHECK, "corpus", str(folder), "--jobs", str(jobs), "--format",
                           "jsonl", "--output", str(out), "--fail-on", "never"])
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    return t, mem, summary["peak_worker_rss_kb"] / 1024


def bench_corpus(runs: int, n: int, flat: bool, tmp: Path) -> None:
    runs = max(1, min(runs, 3))
    for seed_only in (False, True):
        folder = tmp / f"corpus-{n}-{'seed' if seed_only else 'pairs'}"
        make_corpus(folder, n, seed_only)
        what = "copies of the seed pair" if seed_only else "corpora/pairs repeated"
        corpus_throughput(folder, n, corpus_sentences(n, seed_only), what, runs, tmp)
    if flat:
        for size in (100, 1000):
            f = tmp / f"corpus-{size}"
            if not f.exists():
                make_corpus(f, size)
            t, mem, worker = corpus_run(f, tmp / "out", 2)
            print(f"xcheck corpus {size} pairs, --jobs 2: {size / t:.1f} pairs/s; peak RSS "
                  f"parent {mem:.0f} MiB, worker {worker:.0f} MiB")


def corpus_throughput(folder: Path, n: int, sentences: int, what: str, runs: int,
                      tmp: Path) -> None:
    for jobs in (1, 2):
        corpus_run(folder, tmp / "out", jobs)  # warm
        rates, srates, mems, workers = [], [], [], []
        for _ in range(runs):
            t, mem, worker = corpus_run(folder, tmp / "out", jobs)
            rates.append(n / t)
            srates.append(sentences / t)
            mems.append(mem)
            workers.append(worker)
        print(f"xcheck corpus {n} pairs ({what}, {sentences} sentences), --jobs {jobs}: "
              f"pairs/s "
              f"{stats(rates, '', 1)}; sentences/s {stats(srates, '', 0)}; peak RSS parent "
              f"{max(mems):.0f} MiB, worker {max(workers):.0f} MiB")


def bench_align(runs: int, k: int, tmp: Path) -> None:
    from align_scale import DEV, texts

    if not DEV.exists():
        print(f"xcheck align: skipped ({DEV} not found)")
        return
    zh_text, en_text, _ = texts(k)
    zh, en = tmp / "scale.zh.txt", tmp / "scale.en.txt"
    zh.write_text(zh_text, "utf-8")
    en.write_text(en_text, "utf-8")
    n, m = zh_text.count("\n"), en_text.count("\n")
    cmd = [*XCHECK, "align", str(zh), str(en), "--presegmented", "--format", "beads"]
    times, mems = [], []
    for _ in range(max(1, min(runs, 3))):
        t, mem, _ = run_child(cmd)
        times.append(t)
        mems.append(mem)
    print(f"xcheck align {n} x {m} sentences (new process): {stats(times, 's', 2)}; "
          f"peak RSS {stats(mems, 'MiB', 0)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pairs", type=int, default=300)
    ap.add_argument("--align-k", type=int, default=7)
    ap.add_argument("--flat", action="store_true", help="corpus memory at 100 and 1,000 pairs")
    ap.add_argument("--only", default="help,check,api,mt,corpus,align")
    args = ap.parse_args()
    only = set(args.only.split(","))
    load = os.getloadavg()
    print(f"{os.cpu_count()} CPUs; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if "help" in only:
            bench_help(args.runs)
        if "check" in only:
            bench_check(args.runs)
        if "api" in only:
            bench_api(args.runs)
        if "mt" in only:
            bench_mt(args.runs)
        if "corpus" in only:
            bench_corpus(args.runs, args.pairs, args.flat, tmp)
        if "align" in only:
            bench_align(args.runs, args.align_k, tmp)
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
