"""Alignment time and memory on long texts: the align-dev chapters concatenated k times.

Reads ../shared/align-dev at run time (never copied). For k in 1, 2, 4, 8 (about 1.4k to
11.6k zh sentences) prints sentences, time, time per sentence and peak RSS. Each size runs in
a fresh subprocess so peak RSS is per size. With --mt each Chinese sentence also gets a
stand-in machine translation (the English of its gold bead, i.e. a perfect MT), to time the
chrF++ evidence of issue 8 (its F1 is then not a fair figure: the MT is the answer).
With --no-embeddings the aligner runs without meaning evidence (AlignSettings.embeddings).
The k copies repeat the same sentences, which the encoder's memo encodes once: the time
printed includes encoding only the distinct sentences (their count is printed too). With
--distinct every copy after the first marks each sentence with its copy number ("（2）",
" (2)"), so every sentence is encoded: the time of a real bitext of that size.
Usage: python benchmarks/align_scale.py [--mt] [--no-embeddings] [--distinct] [1,2,4,8]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DEV = ROOT.parent / "shared" / "align-dev"


def texts(k: int, distinct: bool = False
          ) -> tuple[str, str, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Concatenated zh and en text (k copies of all chapters) and the shifted gold beads."""
    from align_dev import parse_beads

    names = sorted(p.stem for p in (DEV / "gold").glob("*.align"))
    zh_parts, en_parts, gold = [], [], []
    zo = eo = 0
    for copy in range(k):
        for n in names:
            zl = (DEV / "zh" / f"{n}.txt").read_text("utf-8").strip("\n").split("\n")
            el = (DEV / "en" / f"{n}.txt").read_text("utf-8").strip("\n").split("\n")
            if distinct and copy:
                zl = [f"{line}（{copy + 1}）" for line in zl]
                el = [f"{line} ({copy + 1})" for line in el]
            for zs, es in parse_beads((DEV / "gold" / f"{n}.align").read_text("utf-8")):
                gold.append((tuple(z + zo for z in zs), tuple(e + eo for e in es)))
            zh_parts.extend(zl)
            en_parts.extend(el)
            zo += len(zl)
            eo += len(el)
    return "\n".join(zh_parts) + "\n", "\n".join(en_parts) + "\n", gold


def one(k: int, use_mt: bool = False, embeddings: bool = True,
        distinct: bool = False) -> None:
    from align_dev import f1, score

    from xcheck.aligner import align_documents
    from xcheck.lexicon import cedict
    from xcheck.load import document_from_text
    from xcheck.model import Lang
    from xcheck.resources import jieba_tokenizer
    from xcheck.settings import AlignSettings

    cedict.load()  # loading the dictionary and jieba are one-off costs, not alignment
    jieba_tokenizer().lcut("预热")
    zh_text, en_text, gold = texts(k, distinct)
    zh = document_from_text(zh_text, Lang.ZH, presegmented=True)
    en = document_from_text(en_text, Lang.EN, presegmented=True)
    mt: list[str] | None = None
    if use_mt:
        mt = [""] * len(zh.sentences)
        for zs, es in gold:
            for i in zs:
                mt[i] = " ".join(en.sentences[j].text for j in es)
    t = time.perf_counter()
    alignment = align_documents(zh, en, AlignSettings(embeddings=embeddings),
                                mt=tuple(mt) if mt else None)
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n, m = len(zh.sentences), len(en.sentences)
    assert n == sum(len(b[0]) for b in gold) and m == sum(len(b[1]) for b in gold)
    st, sr, _, _, npred, ngold = score([(b.zh, b.en) for b in alignment.beads], gold)
    label = f"{k}x with MT" if use_mt else f"{k}x"
    distinct = len({s.text for s in zh.sentences} | {s.text for s in en.sentences})
    label += f" (embeddings, {distinct} distinct sentences encoded)" if embeddings \
        else " (no embeddings)"
    print(f"{label}: {n} zh + {m} en sentences, {len(alignment.beads)} beads, "
          f"{dt:.2f} s, {1000 * dt / (n + m):.3f} ms/sentence, peak RSS {rss:.0f} MB, "
          f"strict F1 {f1(st / npred, sr / ngold):.3f}, score {alignment.score:.3f}", flush=True)


def main(argv: list[str]) -> None:
    use_mt = "--mt" in argv
    embeddings = "--no-embeddings" not in argv
    distinct = "--distinct" in argv
    flags = [a for a in argv if a in ("--mt", "--no-embeddings", "--distinct")]
    argv = [a for a in argv if a not in flags]
    if argv and argv[0] == "--one":
        one(int(argv[1]), use_mt, embeddings, distinct)
        return
    sizes = [int(x) for x in argv[0].split(",")] if argv else [1, 2, 4, 8]
    for k in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(k), *flags], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
