"""Findings on real professional translations (../shared/realdev), read at run time.

The realdev text never enters the repository: this script reads it from the shared folder and
writes any sample for judging to a path outside the project (``--sample FILE``).

Prints, for ``wmt21-zhen`` (51 Chinese news articles, two independent English translations,
one segment a line, checked ``--presegmented``):
  - findings per 100 lines by severity, for translation A (en.txt) and B (en.refB.txt);
  - findings per 100 lines by rule (both translations together);
  - with ``--trad``, the same with the Chinese converted to Traditional (OpenCC s2twp).
For ``ted_zhen_mqm.tsv`` (``--ted``): each segment that experts rated is checked as a one-line
pair; a segment is "flagged" if xcheck reports an addition/omission/zh_only/en_only at warning or
above; precision and recall against the expert labels Accuracy/Addition and Accuracy/Omission
(any rater), for human and machine translations.

``--sample FILE --n N --seed S`` writes N findings at warning or above (or ``--severity info``),
drawn at random across documents, as JSONL with the aligned sentences and the spans marked
``[[...]]``, ready for a judge. Never judge with a program.

Usage: python benchmarks/realdev.py [--root ../shared/realdev] [--trad] [--ted] [--jobs N]
                                    [--sample FILE --n 120 --seed 1 --severity warning]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEVERITIES = ("error", "warning", "info")


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out, pos = [], start
    for s, e in sorted(spans):
        if s < start or e > end or s < pos:
            continue
        out += [text[pos:s], "[[", text[s:e], "]]"]
        pos = e
    out.append(text[pos:end])
    return "".join(out)


def _side(doc: Any, side: Any) -> list[str]:
    spans = [(s.start, s.end) for s in side.spans]
    return [_marked(doc.text, doc.sentences[i].start, doc.sentences[i].end, spans)
            for i in side.sentences]


def check_pair(args: tuple[str, str, str, bool]) -> dict[str, Any]:
    doc_id, zh_path, en_path, trad = args
    import xcheck
    from xcheck.settings import Settings

    settings = Settings(presegmented=True)
    tmp = None
    if trad:
        import opencc

        text = Path(zh_path).read_text(encoding="utf-8")
        fd, tmp = tempfile.mkstemp(suffix=".zh.txt")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(opencc.OpenCC("s2twp").convert(text))
        zh_path = tmp
    try:
        t0 = time.perf_counter()
        report = xcheck.check(zh_path, en_path, settings)
        elapsed = time.perf_counter() - t0
    finally:
        if tmp:
            os.unlink(tmp)
    al = report.alignment
    findings = []
    for k, f in enumerate(report.findings):
        findings.append({
            "id": f"{doc_id}#{k}", "rule": f.rule, "category": f.category.value,
            "type": f.type.value, "severity": f.severity.value, "message": f.message,
            "evidence": f.evidence,
            "zh": _side(al.zh, f.zh), "en": _side(al.en, f.en),
        })
    lines = len(al.zh.sentences)
    return {"id": doc_id, "lines": lines, "findings": findings, "seconds": elapsed}


def wmt_jobs(root: Path, which: str, trad: bool) -> list[tuple[str, str, str, bool]]:
    jobs = []
    for d in sorted((root / "wmt21-zhen").iterdir()):
        en = d / ("en.txt" if which == "A" else "en.refB.txt")
        if en.exists():
            tag = f"{d.name}__{which}" + ("__trad" if trad else "")
            jobs.append((tag, str(d / "zh.txt"), str(en), trad))
    return jobs


def run(jobs: list[tuple[str, str, str, bool]], workers: int) -> list[dict[str, Any]]:
    if workers <= 1:
        return [check_pair(j) for j in jobs]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(check_pair, jobs))


def per100(results: list[dict[str, Any]]) -> tuple[int, Counter[str], Counter[str]]:
    lines = sum(r["lines"] for r in results)
    sev: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for r in results:
        for f in r["findings"]:
            sev[f["severity"]] += 1
            rules[f"{f['rule']} ({f['severity']})"] += 1
    return lines, sev, rules


def report_wmt(root: Path, trad: bool, workers: int) -> list[dict[str, Any]]:
    everything = []
    all_rules: Counter[str] = Counter()
    total_lines = 0
    label = "Traditional" if trad else "Simplified"
    print(f"== wmt21-zhen, Chinese as {label} (findings per 100 lines)")
    print(f"{'translation':<12}{'lines':>7}{'error':>8}{'warning':>9}{'info':>7}{'w+e':>7}"
          f"{'s/doc':>7}")
    for which in ("A", "B"):
        results = run(wmt_jobs(root, which, trad), workers)
        lines, sev, rules = per100(results)
        total_lines += lines
        all_rules.update(rules)
        everything += results
        secs = sum(r["seconds"] for r in results) / max(1, len(results))
        print(f"{which:<12}{lines:>7}"
              + "".join(f"{100 * sev[s] / lines:>{w}.1f}" for s, w in
                        (("error", 8), ("warning", 9), ("info", 7)))
              + f"{100 * (sev['error'] + sev['warning']) / lines:>7.1f}{secs:>7.2f}")
    print(f"-- by rule, both translations (per 100 lines, of {total_lines})")
    for rule, n in sorted(all_rules.items(), key=lambda kv: -kv[1]):
        print(f"  {rule:<40}{n:>5}{100 * n / total_lines:>7.1f}")
    return everything


def report_ted(root: Path, workers: int) -> None:
    """Segment-level precision/recall of addition/omission findings against expert labels."""
    with open(root / "ted_zhen_mqm.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    segs: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["doc"], r["seg_id"], r["system"])
        s = segs.setdefault(key, {"zh": r["zh"], "en": r["en"], "translator": r["translator"],
                                  "labels": set()})
        s["labels"].add(r["category"])
    tmp = Path(tempfile.mkdtemp(prefix="xcheck-ted-"))
    jobs = []
    keys = sorted(segs)
    for n, key in enumerate(keys):
        s = segs[key]
        (tmp / f"{n}.zh.txt").write_text(s["zh"].strip() + "\n", encoding="utf-8")
        (tmp / f"{n}.en.txt").write_text(s["en"].strip() + "\n", encoding="utf-8")
        jobs.append((str(n), str(tmp / f"{n}.zh.txt"), str(tmp / f"{n}.en.txt"), False))
    results = {r["id"]: r for r in run(jobs, workers)}
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()
    print("== ted_zhen_mqm (segment level; flagged = addition/omission/zh_only/en_only "
          "at warning or above)")
    kinds = {"addition": ("addition", "en_only"), "omission": ("omission", "zh_only")}
    by_rule: Counter[tuple[str, str, str, bool]] = Counter()
    for translator in ("human", "machine"):
        for label, cats in kinds.items():
            gold_name = f"Accuracy/{label.capitalize()}"
            tp = fp = fn = 0
            for n, key in enumerate(keys):
                s = segs[key]
                if s["translator"] != translator:
                    continue
                gold = gold_name in s["labels"]
                flagged = any(f["category"] in cats and f["severity"] != "info"
                              for f in results[str(n)]["findings"])
                tp += gold and flagged
                fp += flagged and not gold
                fn += gold and not flagged
                if flagged:
                    for f in results[str(n)]["findings"]:
                        if f["category"] in cats and f["severity"] != "info":
                            by_rule[(translator, label, f["rule"], gold)] += 1
            p = tp / (tp + fp) if tp + fp else float("nan")
            rc = tp / (tp + fn) if tp + fn else float("nan")
            print(f"  {translator:<8}{label:<9} gold {tp + fn:>4}  flagged {tp + fp:>4}  "
                  f"precision {p:.2f}  recall {rc:.2f}")
    print("  flagging findings by rule (translator, label, rule: on labelled / unlabelled)")
    for (translator, label, rule) in sorted({k[:3] for k in by_rule}):
        hits, misses = (by_rule[(translator, label, rule, gold)] for gold in (True, False))
        print(f"    {translator:<8}{label:<9}{rule:<26}{hits:>4} / {misses}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2]
                                          / "shared" / "realdev"))
    ap.add_argument("--trad", action="store_true")
    ap.add_argument("--ted", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample")
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--severity", default="warning", choices=["error", "warning", "info"])
    a = ap.parse_args()
    root = Path(a.root)
    if not (root / "wmt21-zhen").is_dir():
        sys.exit(f"realdev not found at {root} (give --root)")
    results = report_wmt(root, False, a.jobs)
    if a.trad:
        results += report_wmt(root, True, a.jobs)
    if a.ted:
        report_ted(root, a.jobs)
    if a.sample:
        if Path(a.sample).resolve().is_relative_to(Path(__file__).resolve().parents[1]):
            sys.exit("write the sample outside the project: realdev text stays out of it")
        want = {"error": ("error",), "warning": ("error", "warning"), "info": ("info",)}
        pool = [f for r in results for f in r["findings"] if f["severity"] in want[a.severity]]
        random.Random(a.seed).shuffle(pool)
        with open(a.sample, "w", encoding="utf-8") as fh:
            for f in pool[: a.n]:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")
        print(f"wrote {min(a.n, len(pool))} of {len(pool)} findings to {a.sample}")


if __name__ == "__main__":
    main()
