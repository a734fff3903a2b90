"""Alignment F1 on the project's gold news corpus, and the seed article's paragraph structure.

1. Every gold pair in corpora/gold/{pairs,faithful}/ aligned presegmented (.seg files: one
   sentence per line, blank lines between paragraphs), scored against SLUG.align with the
   strict/lax bead F1 of benchmarks/align_dev.py (null beads count in precision only; here the
   null beads are also listed, since in news they are the divergences to find).
2. The seed (corpora/pairs/seed.zh.txt / seed.en.txt) aligned in paragraph mode: every
   Chinese sentence must align into the matching English paragraph (zh paragraph k+1 <-> en
   paragraph k, the English has no headline) and the headline must be a zh-only bead.

3. With --mt: the gold pairs again, each with its machine translation from corpora/mt/
   (one line per gold Chinese sentence, written from the Chinese alone), and the seed with
   corpora/mt/seed.mt.txt (free text, aligned to the Chinese by xcheck); printed side by side
   with the run without MT.

Usage: python benchmarks/align_corpora.py [--mt] [key=value ...]   (AlignSettings overrides)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from align_dev import f1, parse_beads, score  # noqa: E402

from xcheck.aligner import align_documents  # noqa: E402
from xcheck.load import document_from_text  # noqa: E402
from xcheck.model import Document, Lang  # noqa: E402
from xcheck.settings import AlignSettings, align_from_mapping  # noqa: E402

GOLD = ROOT / "corpora" / "gold"


MT = ROOT / "corpora" / "mt"


def _mt_texts(zh: Document, path: Path) -> tuple[str, ...] | None:
    from xcheck.mt import mt_from_text

    mt = mt_from_text(path.read_text("utf-8"), zh, path=str(path))
    if mt.warnings:
        print(f"  MT warnings for {path.name}: {mt.warnings}")
    return tuple(mt.for_zh(i) for i in range(len(zh.sentences))) if mt.used else None


def gold_pairs(settings: AlignSettings, use_mt: bool = False) -> float:
    totals = [0] * 6
    for kind in ("pairs", "faithful"):
        kind_totals = [0] * 6
        for align_path in sorted((GOLD / kind).glob("*.align")):
            slug = align_path.stem
            zh = document_from_text((GOLD / kind / f"{slug}.zh.seg").read_text("utf-8"), Lang.ZH,
                                    presegmented=True)
            en = document_from_text((GOLD / kind / f"{slug}.en.seg").read_text("utf-8"), Lang.EN,
                                    presegmented=True)
            gold = parse_beads(align_path.read_text("utf-8"))
            mt = _mt_texts(zh, MT / kind / f"{slug}.mt.txt") if use_mt else None
            alignment = align_documents(zh, en, settings, mt=mt)
            pred = [(b.zh, b.en) for b in alignment.beads]
            s = score(pred, gold)
            kind_totals = [a + b for a, b in zip(kind_totals, s, strict=True)]
            wrong = [b for b in pred if b not in set(gold)]
            missed = [b for b in gold if b not in set(pred)]
            nulls = [b for b in gold if not b[0] or not b[1]]
            print(f"{kind}/{slug}: strict F1 {f1(s[0] / s[4], s[1] / s[5]):.3f} "
                  f"lax F1 {f1(s[2] / s[4], s[3] / s[5]):.3f} score {alignment.score:.3f}"
                  + (f"  gold nulls {nulls}" if nulls else "")
                  + (f"  wrong {wrong} missed {missed}" if wrong or missed else ""))
        st, sr, lp, lr, npred, ngold = kind_totals
        print(f"{kind} ALL: strict F1 {f1(st / npred, sr / ngold):.3f} "
              f"lax F1 {f1(lp / npred, lr / ngold):.3f}")
        totals = [a + b for a, b in zip(totals, kind_totals, strict=True)]
    st, sr, lp, lr, npred, ngold = totals
    overall = f1(st / npred, sr / ngold)
    print(f"OVERALL: strict P {st / npred:.3f} R {sr / ngold:.3f} F1 {overall:.3f} "
          f"lax F1 {f1(lp / npred, lr / ngold):.3f} (target strict >= 0.97)")
    return overall


def seed(settings: AlignSettings, use_mt: bool = False) -> bool:
    pairs = ROOT / "corpora" / "pairs"
    zh = document_from_text((pairs / "seed.zh.txt").read_text("utf-8"), Lang.ZH)
    en = document_from_text((pairs / "seed.en.txt").read_text("utf-8"), Lang.EN)
    mt = _mt_texts(zh, MT / "seed.mt.txt") if use_mt else None
    alignment = align_documents(zh, en, settings, mt=mt)
    ok = True
    headline = [b for b in alignment.beads if 0 in b.zh]
    if [(b.zh, b.en) for b in headline] != [((0,), ())]:
        print(f"seed: headline bead is {headline}, expected [0]:[]")
        ok = False
    for b in alignment.beads:
        zp = {zh.sentences[i].paragraph for i in b.zh}
        ep = {en.sentences[j].paragraph + 1 for j in b.en}  # en paragraph k <-> zh k+1
        if b.zh and b.en and (len(zp | ep) != 1):
            print(f"seed: bead {list(b.zh)}:{list(b.en)} crosses paragraphs "
                  f"(zh {sorted(zp)}, en+1 {sorted(ep)})")
            ok = False
        elif bool(b.zh) != bool(b.en) and b.zh != (0,):
            print(f"seed: null bead {list(b.zh)}:{list(b.en)}")
    print(f"seed: {len(zh.sentences)} zh / {len(en.sentences)} en sentences, "
          f"{len(zh.paragraphs)} / {len(en.paragraphs)} paragraphs, {len(alignment.beads)} beads, "
          f"score {alignment.score:.3f}: {'ok' if ok else 'FAIL'}")
    return ok


def main(argv: list[str]) -> None:
    use_mt = "--mt" in argv
    overrides = {}
    for arg in argv:
        if arg == "--mt":
            continue
        k, v = arg.split("=", 1)
        overrides[k] = type(getattr(AlignSettings(), k))(v)
    settings = align_from_mapping(overrides)
    t = time.perf_counter()
    base = gold_pairs(settings)
    seed_ok = seed(settings)
    print(f"{time.perf_counter() - t:.1f} s | settings {settings}")
    if use_mt:
        print("\n--- with machine translation ---")
        t = time.perf_counter()
        with_mt = gold_pairs(settings, use_mt=True)
        seed_mt = seed(settings, use_mt=True)
        print(f"{time.perf_counter() - t:.1f} s")
        print(f"\n{'':<28}{'without':>10}{'with MT':>10}")
        print(f"{'corpora strict F1':<28}{base:>10.3f}{with_mt:>10.3f}")
        print(f"{'seed paragraphs + headline':<28}{'ok' if seed_ok else 'FAIL':>10}"
              f"{'ok' if seed_mt else 'FAIL':>10}")


if __name__ == "__main__":
    main(sys.argv[1:])
