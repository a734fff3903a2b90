"""Alignment time and memory on long texts: the align-dev chapters concatenated k times.

Reads ../shared/align-dev at run time (never copied). For k in 1, 2, 4, 8 (about 1.4k to
11.6k zh sentences) prints sentences, time, time per sentence and peak RSS. Each size runs in
a fresh subprocess so peak RSS is per size. Usage: python benchmarks/align_scale.py [1,2,4,8]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEV = ROOT.parent / "shared" / "align-dev"


def texts(k: int) -> tuple[str, str]:
    names = sorted(p.stem for p in (DEV / "gold").glob("*.align"))
    zh = "".join((DEV / "zh" / f"{n}.txt").read_text("utf-8").rstrip("\n") + "\n" for n in names)
    en = "".join((DEV / "en" / f"{n}.txt").read_text("utf-8").rstrip("\n") + "\n" for n in names)
    return zh * k, en * k


def one(k: int) -> None:
    from xcheck.align import align_documents
    from xcheck.lexicon import cedict
    from xcheck.load import document_from_text
    from xcheck.model import Lang

    cedict.load()  # dictionary parsing is a one-off cost, not alignment
    zh_text, en_text = texts(k)
    zh = document_from_text(zh_text, Lang.ZH, presegmented=True)
    en = document_from_text(en_text, Lang.EN, presegmented=True)
    t = time.perf_counter()
    alignment = align_documents(zh, en)
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n, m = len(zh.sentences), len(en.sentences)
    print(f"{k}x: {n} zh + {m} en sentences, {len(alignment.beads)} beads, "
          f"{dt:.2f} s, {1000 * dt / (n + m):.3f} ms/sentence, peak RSS {rss:.0f} MB, "
          f"score {alignment.score:.3f}", flush=True)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--one":
        one(int(argv[1]))
        return
    sizes = [int(x) for x in argv[0].split(",")] if argv else [1, 2, 4, 8]
    for k in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(k)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
