"""The planted divergences of corpora/divergences.json must be reported on corpora/pairs/.

For every entry not marked ``severity_hint: "minor"``, some finding at warning or error must
have a span overlapping the entry's ``zh`` or ``en`` substring (located with str.find in the
file text, which is the document text: the files are LF UTF-8 without BOM). Kinds of
divergence that xcheck reports at info by design (INFO_BY_DESIGN) may be found by an info
finding of that same kind instead.

Entries the checker currently misses are strict xfails (see XFAIL below): when a fix makes
one pass, the suite fails with XPASS and the entry must be removed from XFAIL.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import pytest

from xcheck.api import check
from xcheck.checks.rules import RULES
from xcheck.model import Category, Finding, FindingType, Report, Severity

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PAIRS = CORPORA / "pairs"
SEVERE = (Severity.WARNING, Severity.ERROR)

# (category, type) of the divergences whose rules report at info by design (issue 12: a
# finding needs positive evidence, and dictionary evidence alone is weak). An entry of one of
# these kinds is found by a finding of the same category and type at info or above; every
# other entry needs a warning or an error.
INFO_BY_DESIGN: frozenset[tuple[str, str]] = frozenset({
    # clause-omitted: a Chinese clause the dictionary finds nothing of in the English
    ("omission", "content"),
    # clause-added (an added description) and content-added (a run the English is long by)
    ("addition", "content"),
    # name-added: an English name with no Chinese name left to pair it with (a given name
    # whose surname the Chinese gives in a reading xcheck cannot match is one: Hirokazu Ibata)
    ("addition", "name"),
    # name-omitted: the Chinese counterpart of name-added
    ("omission", "name"),
})

# id -> why the checker misses it (observed when this file was written).
XFAIL: dict[str, str] = {
}


def _entries() -> list:
    data = json.loads((CORPORA / "divergences.json").read_text(encoding="utf-8"))
    counter: Counter[str] = Counter()
    params = []
    for entry in data:
        base = f"{entry['pair']}-{entry['category']}-{entry['type']}"
        counter[base] += 1
        if entry.get("severity_hint") == "minor":
            continue
        pid = f"{base}-{counter[base]}"
        marks = ()
        if pid in XFAIL:
            marks = (pytest.mark.xfail(strict=True,
                                       reason=f"checker misses this: {XFAIL[pid]}"),)
        params.append(pytest.param(entry, id=pid, marks=marks))
    return params


ENTRIES = _entries()


def _text(slug: str, lang: str) -> str:
    return (PAIRS / f"{slug}.{lang}.txt").read_text(encoding="utf-8")


@functools.cache
def _report(slug: str) -> Report:
    return check(PAIRS / f"{slug}.zh.txt", PAIRS / f"{slug}.en.txt")


@functools.cache
def _seed_report() -> Report:
    return check(CORPORA / "seed.txt")


def _spans(f: Finding, lang: str) -> list[tuple[int, int]]:
    side = f.zh if lang == "zh" else f.en
    return [(s.start, s.end) for s in side.spans]


def _overlaps(f: Finding, lang: str, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in _spans(f, lang))


def _describe(report: Report) -> str:
    return "\n".join(f"  {f.severity.value} {f.rule} {f.category.value}/{f.type.value} "
                     f"zh={_spans(f, 'zh')} en={_spans(f, 'en')}: {f.message}"
                     for f in report.findings if f.severity in SEVERE)


def test_info_kinds_are_info_by_design() -> None:
    # Each kind allowed at info is the kind of a rule whose default severity is info.
    info_rules = {(r.category.value, r.type.value) for r in RULES.values()
                  if r.default_severity is Severity.INFO}
    assert INFO_BY_DESIGN.issubset(info_rules), sorted(INFO_BY_DESIGN - info_rules)


def _counts(f: Finding, entry: dict[str, str | None]) -> bool:
    """Is ``f`` severe enough to report the entry?"""
    if f.severity in SEVERE:
        return True
    kind = (entry["category"], entry["type"])
    return kind in INFO_BY_DESIGN and (f.category.value, f.type.value) == kind


def test_xfail_ids_exist() -> None:
    ids = {p.id for p in ENTRIES}
    assert set(XFAIL) <= ids, sorted(set(XFAIL) - ids)


@pytest.mark.parametrize("entry", ENTRIES)
def test_divergence_is_reported(entry: dict) -> None:
    slug = entry["pair"]
    report = _report(slug)
    targets = []
    for lang in ("zh", "en"):
        sub = entry.get(lang)
        if not sub:
            continue
        text = _text(slug, lang)
        doc = report.alignment.zh if lang == "zh" else report.alignment.en
        assert doc.text == text, "document text differs from the file text"
        start = text.find(sub)
        assert start >= 0, f"{sub!r} not in pairs/{slug}.{lang}.txt"
        targets.append((lang, start, start + len(sub)))
    assert targets, "entry has neither zh nor en"
    hits = [f for f in report.findings if _counts(f, entry)
            and any(_overlaps(f, lang, s, e) for lang, s, e in targets)]
    assert hits, (f"no {'info/' if (entry['category'], entry['type']) in INFO_BY_DESIGN else ''}"
                  f"warning/error finding overlaps {targets} "
                  f"({entry['category']}/{entry['type']}: {entry['note']}); "
                  f"warning+ findings:\n{_describe(report)}")


# ------------------------------------------------------------------ the seed, one-file form

def _seed_span(sub: str) -> tuple[int, int]:
    text = (CORPORA / "seed.txt").read_text(encoding="utf-8")
    assert _seed_report().alignment.en.text == text
    start = text.find(sub)
    assert start >= 0 and text.find(sub, start + 1) < 0, sub
    return start, start + len(sub)


def _first_ten_severe() -> list[Finding]:
    return [f for f in _seed_report().findings[:10] if f.severity in SEVERE]


def test_seed_headline_is_zh_only() -> None:
    text = (CORPORA / "seed.txt").read_text(encoding="utf-8")
    headline = text.split("\n", 1)[0]
    start, end = 0, len(headline)
    assert any(f.category is Category.ZH_ONLY and _overlaps(f, "zh", start, end)
               for f in _first_ten_severe()), _describe(_seed_report())


def test_seed_this_weekend_added() -> None:
    start, end = _seed_span("this weekend")
    assert any(f.category is Category.ADDITION and f.type is FindingType.DATE_TIME
               and (start, end) in _spans(f, "en")
               for f in _first_ten_severe()), _describe(_seed_report())


def test_seed_steve_added() -> None:
    start, end = _seed_span("Steve")
    assert any(f.category is Category.ADDITION and f.type is FindingType.NAME
               and (start, end) in _spans(f, "en")
               for f in _first_ten_severe()), _describe(_seed_report())


def test_seed_middle_east_envoy_rationale_added() -> None:
    start, end = _seed_span("The choice of a Middle East envoy")
    assert any(f.category is Category.ADDITION
               and f.type in (FindingType.CONTENT, FindingType.SENTENCE)
               and _overlaps(f, "en", start, end)
               for f in _first_ten_severe()), _describe(_seed_report())


def test_seed_at_most_ten_warnings() -> None:
    severe = [f for f in _seed_report().findings if f.severity in SEVERE]
    assert len(severe) <= 10, _describe(_seed_report())
