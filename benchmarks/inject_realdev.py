"""Recall of divergences planted into REAL translations (../shared/realdev/wmt21-zhen).

The team's corpora are literal translations; this plants one divergence at a time into the
professional translation A of each wmt21-zhen article (read at run time, never copied) and
checks the pair ``--presegmented`` (one segment a line). Kinds, each planted programmatically:

  sentence_dropped_en / _zh   a line is deleted from one side; target: its counterpart line
  sentence_inserted_en / _zh  a line of ANOTHER article (same language) is inserted after a
                              line; target: the inserted line
  number_changed              an English number in digits whose value the Chinese line also
                              has is changed (x3, same format); target: the new number
  time_added                  " on Tuesday" before the final punctuation of an English line
                              that names no weekday; target: the phrase
  place_swapped               a country name in the English whose Chinese name is in the
                              Chinese line is replaced by another country; target: the new name
  clause_dropped              a middle clause (", ... ," of 4+ words) of an English line is
                              deleted; target: the Chinese line (an omission located there)

A plant is DETECTED when a finding at warning or error overlaps the target with an acceptable
(category, type) (the same table as benchmarks/inject.py). Also printed: the baseline
false-alarm rate of the unedited pairs (warning+ per 100 lines) for context.

Usage: python benchmarks/inject_realdev.py [--root ../shared/realdev] [--per-kind 60]
                                           [--jobs 2] [--seed 1] [--misses]
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from inject import acceptable, locations, overlaps  # noqa: E402

from xcheck.api import check_documents  # noqa: E402
from xcheck.load import document_from_text  # noqa: E402
from xcheck.model import Lang, Report  # noqa: E402
from xcheck.settings import Settings  # noqa: E402

COUNTRIES = {  # English name -> Simplified Chinese name (general knowledge)
    "China": "中国", "Japan": "日本", "Germany": "德国", "France": "法国", "Russia": "俄罗斯",
    "India": "印度", "Britain": "英国", "Canada": "加拿大", "Australia": "澳大利亚",
    "Italy": "意大利", "Spain": "西班牙", "Brazil": "巴西", "Mexico": "墨西哥",
    "Egypt": "埃及", "Turkey": "土耳其", "Iran": "伊朗", "Israel": "以色列",
    "Vietnam": "越南", "Thailand": "泰国", "Singapore": "新加坡", "Indonesia": "印度尼西亚",
    "Pakistan": "巴基斯坦", "Ukraine": "乌克兰", "Poland": "波兰", "Sweden": "瑞典",
    "Norway": "挪威", "Argentina": "阿根廷", "Chile": "智利", "Nigeria": "尼日利亚",
    "Kenya": "肯尼亚", "Malaysia": "马来西亚", "Philippines": "菲律宾",
}
SEVERE = ("warning", "error")
_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_DIGITS = re.compile(r"(?<![\w.,-])\d+(?:\.\d+)?(?![\w-]|\.\d|,\d)")


@dataclass(frozen=True)
class Plant:
    doc: str
    kind: str
    zh: list[str]
    en: list[str]
    side: str  # the side the target is on
    line: int  # target line on that side
    span: tuple[int, int] | None  # target span inside that line (None: the whole line)
    label: str


def read_docs(root: Path) -> dict[str, tuple[list[str], list[str]]]:
    out = {}
    for d in sorted((root / "wmt21-zhen").iterdir()):
        zh = (d / "zh.txt").read_text(encoding="utf-8").splitlines()
        en = (d / "en.txt").read_text(encoding="utf-8").splitlines()
        if len(zh) == len(en) and len(zh) >= 4:
            out[d.name] = (zh, en)
    return out


def plants(docs: dict[str, tuple[list[str], list[str]]], per_kind: int,
           seed: int) -> list[Plant]:
    rng = random.Random(seed)
    cands: dict[str, list[Plant]] = defaultdict(list)
    names = sorted(docs)
    for name in names:
        zh, en = docs[name]
        donor = docs[names[(names.index(name) + 7) % len(names)]]
        for i in range(1, len(zh)):  # line 0 is usually the headline
            cands["sentence_dropped_en"].append(Plant(
                name, "sentence_dropped_en", zh, en[:i] + en[i + 1:], "zh", i, None,
                f"drop en line {i}"))
            cands["sentence_dropped_zh"].append(Plant(
                name, "sentence_dropped_zh", zh[:i] + zh[i + 1:], en, "en", i, None,
                f"drop zh line {i}"))
            k = rng.randrange(1, len(donor[0]))
            cands["sentence_inserted_en"].append(Plant(
                name, "sentence_inserted_en", zh, [*en[:i], donor[1][k], *en[i:]], "en", i,
                None, f"insert en line {i}: {donor[1][k][:50]!r}"))
            cands["sentence_inserted_zh"].append(Plant(
                name, "sentence_inserted_zh", [*zh[:i], donor[0][k], *zh[i:]], en, "zh", i,
                None, f"insert zh line {i}: {donor[0][k][:30]!r}"))
            line = en[i]
            for m in _DIGITS.finditer(line):
                if m.group() in zh[i] and float(m.group()) != 0:
                    old = m.group()
                    new = f"{float(old) * 3:g}" if "." in old else str(int(old) * 3)
                    edited = line[: m.start()] + new + line[m.end():]
                    cands["number_changed"].append(Plant(
                        name, "number_changed", zh, [*en[:i], edited, *en[i + 1:]], "en", i,
                        (m.start(), m.start() + len(new)), f"line {i}: {old} -> {new}"))
                    break
            stripped = line.rstrip()
            if stripped.endswith((".", "!", "?")) and not _WEEKDAY.search(line) \
                    and len(stripped.split()) >= 6:
                at = len(stripped) - 1
                phrase = " on Tuesday"
                edited = line[:at] + phrase + line[at:]
                cands["time_added"].append(Plant(
                    name, "time_added", zh, [*en[:i], edited, *en[i + 1:]], "en", i,
                    (at + 1, at + len(phrase)), f"line {i}: + on Tuesday"))
            for country, cn in COUNTRIES.items():
                m2 = re.search(rf"\b{country}\b", line)
                if m2 and cn in zh[i]:
                    other = rng.choice([c for c, z in COUNTRIES.items()
                                        if c != country and z not in zh[i] and c not in line])
                    edited = line[: m2.start()] + other + line[m2.end():]
                    cands["place_swapped"].append(Plant(
                        name, "place_swapped", zh, [*en[:i], edited, *en[i + 1:]], "en", i,
                        (m2.start(), m2.start() + len(other)), f"line {i}: {country} -> {other}"))
                    break
            parts = line.split(", ")
            if len(parts) >= 3:
                mids = [k for k in range(1, len(parts) - 1) if len(parts[k].split()) >= 4]
                if mids:
                    k = rng.choice(mids)
                    edited = ", ".join(parts[:k] + parts[k + 1:])
                    cands["clause_dropped"].append(Plant(
                        name, "clause_dropped", zh, [*en[:i], edited, *en[i + 1:]], "zh", i,
                        None, f"line {i}: - {parts[k][:50]!r}"))
    out = []
    for kind in sorted(cands):
        pool = cands[kind]
        rng.shuffle(pool)
        out += pool[:per_kind]
    return out


def run_check(zh: list[str], en: list[str]) -> Report:
    settings = Settings(presegmented=True)
    zd = document_from_text("\n".join(zh) + "\n", Lang.ZH, presegmented=True)
    ed = document_from_text("\n".join(en) + "\n", Lang.EN, presegmented=True)
    return check_documents(zd, ed, settings)


@functools.cache
def clean_keys(doc: str, root: str) -> frozenset[tuple[str, str]]:
    """(rule, message) of the warning+ findings on the unedited pair."""
    zh, en = read_docs(Path(root))[doc]
    return frozenset((f.rule, f.message) for f in run_check(zh, en).findings
                     if f.severity.value in SEVERE)


def evaluate(p: Plant, root: str) -> tuple[str, bool, bool, list[str]]:
    report = run_check(p.zh, p.en)
    pre = clean_keys(p.doc, root)
    doc = report.alignment.zh if p.side == "zh" else report.alignment.en
    s = doc.sentences[p.line]
    target = ((s.start + p.span[0], s.start + p.span[1]) if p.span else (s.start, s.end),)
    hit = fresh = False
    near = []
    for f in report.findings:
        if not overlaps(locations(f, p.side, doc), target):
            continue
        near.append(f"{f.severity.value}:{f.rule}")
        if f.severity.value in SEVERE and acceptable(p.kind, f):
            hit = True
            fresh = fresh or (f.rule, f.message) not in pre
    return p.kind, hit, fresh, near


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "realdev"))
    ap.add_argument("--per-kind", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()
    docs = read_docs(Path(a.root))
    todo = plants(docs, a.per_kind, a.seed)
    with ProcessPoolExecutor(a.jobs) as pool:
        results = list(pool.map(functools.partial(evaluate, root=a.root), todo, chunksize=4))
    tried: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    fresh: Counter[str] = Counter()
    for (kind, hit, new, _), _p in zip(results, todo, strict=True):
        tried[kind] += 1
        hits[kind] += hit
        fresh[kind] += new
    print(f"== divergences planted into wmt21-zhen translation A ({len(docs)} articles), "
          "recall at warning or above (new: by a finding the unedited pair lacks)")
    print(f"  {'kind':<22}{'tried':>5}{'recall':>8}{'new':>6}")
    for kind in sorted(tried):
        print(f"  {kind:<22}{tried[kind]:>5}{hits[kind] / tried[kind]:>8.2f}"
              f"{fresh[kind] / tried[kind]:>6.2f}")
    if a.misses:
        for (kind, hit, _new, near), p in zip(results, todo, strict=True):
            if not hit:
                print(f"  MISS {kind:<20} {p.doc:<28} {p.label[:60]} -> {'; '.join(near)[:90]}")


if __name__ == "__main__":
    main()
