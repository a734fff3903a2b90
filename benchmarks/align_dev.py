"""Alignment F1 on ../shared/align-dev (MAC-Dev), read from ../shared (never copied).

Strict: a predicted bead equals a gold bead. Lax: it shares at least one (zh, en) sentence
link with a gold bead. Beads compared per file, counts summed; null beads count in
precision only.

Usage: python benchmarks/align_dev.py [--files=001,002] [key=value ...]
       python benchmarks/align_dev.py --grid=punct_weight:0,0.2 [--grid=...] [key=value ...]

``--grid`` tunes the listed settings on each half of the files (001-003, 004-006) and prints
the chosen values and their F1 on the other half, to check that a choice generalises.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xcheck.aligner import UNRELATED_THRESHOLD, align_documents  # noqa: E402
from xcheck.lexicon.evidence import build_evidence  # noqa: E402
from xcheck.load import document_from_text  # noqa: E402
from xcheck.model import Lang  # noqa: E402
from xcheck.settings import AlignSettings, align_from_mapping  # noqa: E402

DEV = ROOT.parent / "shared" / "align-dev"


def parse_beads(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out = []
    for line in text.splitlines():
        if line.strip():
            zh, en = line.split(":")
            out.append((tuple(json.loads(zh)), tuple(json.loads(en))))
    return out


def score(pred, gold):
    """(strict_tp, lax_tp, n_pred, n_gold, lax_gold_tp)."""
    gold_set = set(gold)
    gold_links = {(z, e) for zs, es in gold for z in zs for e in es}
    strict = sum(b in gold_set for b in pred)
    pred_links = {(z, e) for zs, es in pred for z in zs for e in es}
    lax_p = sum(
        ((not zs or not es) and (zs, es) in gold_set)
        or any((z, e) in gold_links for z in zs for e in es) for zs, es in pred)
    lax_r = sum(any((z, e) in pred_links for z in zs for e in es) for zs, es in gold if zs and es)
    strict_r = sum(b in set(pred) for b in gold if b[0] and b[1])
    n_gold = sum(1 for zs, es in gold if zs and es)
    return strict, strict_r, lax_p, lax_r, len(pred), n_gold


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


_CACHE: dict[str, tuple] = {}


def load(name: str):
    if name not in _CACHE:
        zh = document_from_text((DEV / "zh" / f"{name}.txt").read_text("utf-8"), Lang.ZH,
                                presegmented=True)
        en = document_from_text((DEV / "en" / f"{name}.txt").read_text("utf-8"), Lang.EN,
                                presegmented=True)
        gold = parse_beads((DEV / "gold" / f"{name}.align").read_text("utf-8"))
        _CACHE[name] = (zh, en, gold, build_evidence(zh, en))
    return _CACHE[name]


def evaluate(files: list[str], settings: AlignSettings) -> tuple[float, float]:
    totals = [0] * 6
    for name in files:
        zh, en, gold, ev = load(name)
        alignment = align_documents(zh, en, settings, evidence=ev)
        s = score([(b.zh, b.en) for b in alignment.beads], gold)
        totals = [a + b for a, b in zip(totals, s, strict=True)]
    st, sr, lp, lr, npred, ngold = totals
    return f1(st / npred, sr / ngold), f1(lp / npred, lr / ngold)


def grid(files: list[str], base: dict, axes: dict[str, list]) -> None:
    import itertools

    halves = [files[: len(files) // 2], files[len(files) // 2 :]]
    combos = [dict(zip(axes, vals, strict=True)) for vals in itertools.product(*axes.values())]
    results = []
    for combo in combos:
        settings = align_from_mapping({**base, **combo})
        results.append((combo, [evaluate(h, settings) for h in halves]))
        print(f"  {combo}: half A strict {results[-1][1][0][0]:.3f}, "
              f"half B strict {results[-1][1][1][0]:.3f}", flush=True)
    for tune, test in ((0, 1), (1, 0)):
        combo, res = max(results, key=lambda r: r[1][tune][0])
        print(f"tuned on {','.join(halves[tune])}: {combo} -> strict {res[tune][0]:.3f} there; "
              f"held-out {','.join(halves[test])}: strict {res[test][0]:.3f} lax "
              f"{res[test][1]:.3f} (best possible there "
              f"{max(r[1][test][0] for r in results):.3f})")


def main(argv: list[str]) -> None:
    files = sorted(p.stem for p in (DEV / "gold").glob("*.align"))
    overrides = {}
    axes: dict[str, list] = {}
    for arg in argv:
        if arg.startswith("--files="):
            files = arg.split("=", 1)[1].split(",")
        elif arg.startswith("--grid="):
            k, vs = arg.split("=", 1)[1].split(":")
            axes[k] = [type(getattr(AlignSettings(), k))(v) for v in vs.split(",")]
        elif "=" in arg:
            k, v = arg.split("=", 1)
            overrides[k] = type(getattr(AlignSettings(), k))(v)
    if axes:
        grid(files, overrides, axes)
        return
    settings = align_from_mapping(overrides)
    totals = [0] * 6
    t0 = time.perf_counter()
    for name in files:
        zh = document_from_text((DEV / "zh" / f"{name}.txt").read_text("utf-8"), Lang.ZH,
                                presegmented=True)
        en = document_from_text((DEV / "en" / f"{name}.txt").read_text("utf-8"), Lang.EN,
                                presegmented=True)
        t = time.perf_counter()
        alignment = align_documents(zh, en, settings)
        pred = [(b.zh, b.en) for b in alignment.beads]
        gold = parse_beads((DEV / "gold" / f"{name}.align").read_text("utf-8"))
        s = score(pred, gold)
        totals = [a + b for a, b in zip(totals, s, strict=True)]
        print(f"{name}: strict F1 {f1(s[0] / s[4], s[1] / s[5]):.3f}  "
              f"lax F1 {f1(s[2] / s[4], s[3] / s[5]):.3f}  ({time.perf_counter() - t:.2f} s)")
    st, sr, lp, lr, npred, ngold = totals
    print(f"ALL: strict P {st / npred:.3f} R {sr / ngold:.3f} F1 {f1(st / npred, sr / ngold):.3f}"
          f" | lax F1 {f1(lp / npred, lr / ngold):.3f} | {time.perf_counter() - t0:.1f} s"
          f" | settings {settings}")
    if len(files) == 6:
        unrelated(files, settings)


def unrelated(files: list[str], settings: AlignSettings) -> None:
    """Document scores of the real pairs and of unrelated pairings (zh of one, en of another)."""
    real = [align_documents(*load(f)[:2], settings, evidence=load(f)[3]).score for f in files]
    pairs = zip(files, real, strict=True)
    print("document score, real pairs:", " ".join(f"{f} {s:.3f}" for f, s in pairs))
    fake = []
    for k, f in enumerate(files):
        g = files[(k + 3) % len(files)]
        fake.append((f, g, align_documents(load(f)[0], load(g)[1], settings).score))
    print("document score, unrelated:", " ".join(f"zh{f}/en{g} {s:.3f}" for f, g, s in fake))
    worst_real, worst_fake = min(real), max(s for *_, s in fake)
    print(f"separation: min real {worst_real:.3f} > UNRELATED_THRESHOLD {UNRELATED_THRESHOLD} > "
          f"max unrelated {worst_fake:.3f}: "
          f"{'ok' if worst_real > UNRELATED_THRESHOLD > worst_fake else 'FAIL'}")


if __name__ == "__main__":
    main(sys.argv[1:])
