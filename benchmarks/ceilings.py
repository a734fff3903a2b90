"""Ceilings and repeated sentences (issue 18), timed through the CLI as a user runs it.

Each case is a fresh ``python -m xcheck check`` process (start-up included); it prints the
wall time, the exit code, the peak RSS of that process and what the run said or found:

- ``100k lines``: a pair of 100,000 short sentences a side. Target: refused at once by the
  default ceiling (--max-sentences) with a message naming the option, or checked in under
  60 s and 2 GB.
- ``copies``: 5,000 copies of one sentence against 4,000 copies of its translation.
  Target: under 10 s, and each of the 1,000 surplus copies reported.
- ``at the ceiling`` (``--at-ceiling``): the largest pair the defaults accept, 10,000
  distinct sentences a side.

    python benchmarks/ceilings.py [--at-ceiling]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZH = "台北市政府今天宣布新的交通政策。\n"
EN = "The Taipei city government announced a new transport policy today.\n"
DIGITS = "〇一二三四五六七八九"


def numbered(k: int) -> tuple[str, str]:
    """A distinct short sentence pair: the k-th notice, its number in words and digits."""
    zh_number = "".join(DIGITS[int(d)] for d in str(k))
    return f"第{zh_number}號公告今天發布。\n", f"Notice No. {k} was published today.\n"


def run(zh: str, en: str, tmp: Path, *args: str) -> dict[str, object]:
    (tmp / "a.zh.txt").write_text(zh, "utf-8")
    (tmp / "a.en.txt").write_text(en, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(tmp / "out", "wb") as out, open(tmp / "err", "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "xcheck", "check",
                                 str(tmp / "a.zh.txt"), str(tmp / "a.en.txt"), "-f", "json",
                                 "--fail-on", "never", *args], stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # this process's own peak RSS
        seconds = time.perf_counter() - t0
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    result: dict[str, object] = {"seconds": round(seconds, 2), "exit": code,
                                 "peak_rss_mib": round(usage.ru_maxrss / 1024)}
    if code == 0:
        report = json.loads((tmp / "out").read_bytes())
        surplus = {i for f in report["findings"] if f["category"] == "zh_only"
                   for i in f["zh"]["sentences"]}
        result["zh_only_sentences"] = len(surplus)
        result["unrelated"] = any(f["rule"] == "unrelated-articles"
                                  for f in report["findings"])
    else:
        result["said"] = (tmp / "err").read_text("utf-8", "replace").strip()[:200]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--at-ceiling", action="store_true",
                    help="also check 10,000 distinct sentences a side (slow)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        lines = [numbered(k) for k in range(100_000)]
        big = run("".join(z for z, _ in lines), "".join(e for _, e in lines), tmp)
        print(f"100k lines: {json.dumps(big)}  (target: refused at once, naming the option)")
        copies = run(ZH * 5000, EN * 4000, tmp)
        print(f"5,000 vs 4,000 copies: {json.dumps(copies)}  (target: < 10 s, 1,000 surplus "
              "copies reported)")
        if args.at_ceiling:
            top = lines[:10_000]
            ceiling = run("".join(z for z, _ in top), "".join(e for _, e in top), tmp)
            print(f"10,000 distinct sentences a side: {json.dumps(ceiling)}")


if __name__ == "__main__":
    main()
