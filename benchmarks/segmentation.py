"""Sentence segmentation F1 against the gold .seg files in corpora/gold (per language).

A predicted sentence counts as correct when its (start, end) offsets equal a gold sentence's
(the gold lines are located verbatim in the source file, in order).
Usage: python benchmarks/segmentation.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xcheck.load import document_from_text  # noqa: E402
from xcheck.model import Lang  # noqa: E402

GOLD = ROOT / "corpora" / "gold"


def gold_spans(text: str, seg: str) -> set[tuple[int, int]]:
    spans = set()
    pos = 0
    for line in seg.splitlines():
        line = line.strip()
        if not line:
            continue
        start = text.index(line, pos)
        spans.add((start, start + len(line)))
        pos = start + len(line)
    return spans


def evaluate() -> dict[str, tuple[int, int, int]]:
    totals = {"zh": (0, 0, 0), "en": (0, 0, 0)}
    for version in ("pairs", "faithful"):
        for seg_path in sorted((GOLD / version).glob("*.seg")):
            slug, lang = seg_path.name[: -len(".xx.seg")], seg_path.name[-6:-4]
            src = ROOT / "corpora" / version / f"{slug}.{lang}.txt"
            text = src.read_text("utf-8")
            doc = document_from_text(text, Lang(lang), path=str(src))
            pred = {(s.start, s.end) for s in doc.sentences}
            gold = gold_spans(text, seg_path.read_text("utf-8"))
            tp = len(pred & gold)
            a, b, c = totals[lang]
            totals[lang] = (a + tp, b + len(pred), c + len(gold))
            if pred != gold:
                for s, e in sorted(pred - gold):
                    print(f"  {version}/{slug}.{lang}: extra   {text[s:e][:70]!r}")
                for s, e in sorted(gold - pred):
                    print(f"  {version}/{slug}.{lang}: missed  {text[s:e][:70]!r}")
    return totals


def main() -> None:
    for lang, (tp, npred, ngold) in evaluate().items():
        p, r = tp / npred, tp / ngold
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{lang}: sentences gold {ngold} predicted {npred} correct {tp}  "
              f"P {p:.3f} R {r:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
