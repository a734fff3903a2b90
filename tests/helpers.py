"""Shared test builders. For the checks: check two texts, read a faithful pair, list what a
rule flagged (the text of each finding's first span). For the reports: checked corpora reports
(cached), a crafted hostile article, a same-language (document finding) report."""

from __future__ import annotations

import re
from functools import cache

from tests.conftest import CORPORA, ROOT
from xcheck.api import align_documents, check, check_documents
from xcheck.load import document_from_text
from xcheck.model import Category, Finding, FindingType, Lang, Report, Severity, Side, Span


def run(zh: str, en: str) -> Report:
    return check_documents(document_from_text(zh, Lang.ZH), document_from_text(en, Lang.EN))


def faithful(slug: str) -> tuple[str, str]:
    zh, en = ((CORPORA / "faithful" / f"{slug}.{lang}.txt").read_text(encoding="utf-8")
              for lang in ("zh", "en"))
    return zh, en


def flagged(report: Report, rule: str, side: str) -> list[str]:
    doc = report.alignment.zh if side == "zh" else report.alignment.en
    return [doc.text[s.spans[0].start : s.spans[0].end] for f in report.findings
            if f.rule == rule for s in [f.zh if side == "zh" else f.en]]


def added(report: Report) -> list[str]:
    return flagged(report, "clause-added", "en")


def omitted(report: Report) -> list[str]:
    return flagged(report, "clause-omitted", "zh")


def run_mt(zh: str, en: str, mt: str) -> Report:
    """Check two texts with ``mt`` as the machine translation of the Chinese (--mt)."""
    from xcheck.mt import mt_from_text

    zh_doc = document_from_text(zh, Lang.ZH)
    return check_documents(zh_doc, document_from_text(en, Lang.EN),
                           mt=mt_from_text(mt, zh_doc))


def injected(slug: str, find: str) -> tuple[str, str, str]:
    """The faithful pair and its machine translation with the injection of
    corpora/injections.json that replaces ``find`` applied (to the MT as well, when the
    injection says how): (zh, en, mt)."""
    import json

    entries = json.loads((CORPORA / "injections.json").read_text("utf-8"))
    [entry] = [e for e in entries if e["pair"] == slug and e["find"] == find]
    zh, en = faithful(slug)
    mt = (CORPORA / "mt" / "faithful" / f"{slug}.mt.txt").read_text("utf-8")
    if entry["side"] == "zh":
        assert zh.count(find) == 1
        zh = zh.replace(find, entry["replace"])
    else:
        assert en.count(find) == 1
        en = en.replace(find, entry["replace"])
    if entry.get("mt_find"):
        assert mt.count(entry["mt_find"]) == 1
        mt = mt.replace(entry["mt_find"], entry["mt_replace"])
    return zh, en, mt


# ------------------------------------------------------------
# Shared for the report tests: checked corpora reports (cached) and a crafted hostile article.
# (was tests/report_helpers.py)


PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]>", "::error::",
            "%0A", "[click](javascript:alert(1))")
PAYLOAD = " ".join(PAYLOADS)

PAIRS = [("seed-one-file", "corpora/seed.txt", None)] + [
    (p.name[: -len(".zh.txt")], f"corpora/pairs/{p.name}",
     f"corpora/pairs/{p.name[: -len('.zh.txt')]}.en.txt")
    for p in sorted((CORPORA / "pairs").glob("*.zh.txt"))
]


@cache
def corpus_report(name: str) -> Report:
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        _, zh, en = next(p for p in PAIRS if p[0] == name)
        return check(zh, en)
    finally:
        os.chdir(here)


ZH = ("美國總統川普週一在白宮表示,從下個月起對進口鋼鐵加徵百分之二十五的關稅。\n\n"
      "財政部長說,這項措施將保護國內就業。\n\n"
      f"白宮新聞秘書隨後發布了一段文字:「{PAYLOAD}」\n")
EN = ("U.S. President Trump said at the White House on Monday that a 25 percent tariff on "
      "imported steel would take effect next month.\n\n"
      "The Treasury Secretary said the measure would protect domestic jobs.\n\n"
      f"The press secretary later posted the note \"{PAYLOAD}\" online.\n")


@cache
def hostile_report() -> Report:
    """The crafted article, checked, plus findings whose spans and messages hold the payload
    (in both languages), so every renderer has to escape it."""
    zh = document_from_text(ZH, _lang("zh"), path="evil <x>.zh.txt")
    en = document_from_text(EN, _lang("en"), path="evil <x>.en.txt")
    from xcheck.api import check_documents

    base = check_documents(zh, en)
    zs, es = ZH.index(PAYLOAD), EN.index(PAYLOAD)
    zi = next(s.index for s in zh.sentences if s.start <= zs < s.end)
    ei = next(s.index for s in en.sentences if s.start <= es < s.end)
    crafted = [
        Finding(rule="quote-mismatch", category=Category.MISMATCH, type=FindingType.QUOTE,
                severity=sev, zh=Side((zi,), (Span(zs, zs + len(PAYLOAD)),)),
                en=Side((ei,), (Span(es, es + len(PAYLOAD)),)),
                message=f"the quote \"{PAYLOAD}\"\r\ndiffers: {PAYLOAD}",
                evidence=f"evidence {PAYLOAD}", fingerprint=f"fp{k}")
        for k, sev in enumerate(Severity)]
    return Report(align_documents(zh, en), (*crafted, *base.findings), base.settings)


def _lang(code: str):  # type: ignore[no-untyped-def]
    from xcheck.model import Lang

    return Lang(code)


def strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


ZH3 = ("美國總統川普週一在白宮表示,關稅將提高。\n\n財政部長說,這項措施將保護就業。\n\n"
       "白宮隨後發布了聲明。\n")


def same_language_report() -> Report:
    """Three Chinese sentences on both sides: one document finding, same-language."""
    from xcheck.api import check_documents

    zh = document_from_text(ZH3, Lang.ZH, path="a.zh.txt")
    en = document_from_text(ZH3, Lang.EN, path="a.en.txt", check_lang=False)
    report = check_documents(zh, en)
    assert [f.rule for f in report.findings] == ["same-language"]
    assert report.findings[0].type is FindingType.DOCUMENT
    assert len(zh.sentences) == 3 and len(en.sentences) == 3
    return report


def text_at(report: Report, path: str, line: int, col: int, end_line: int,
            end_col: int) -> str:
    """The text a (1-based line, column) location of a CI report points at, in the input
    file named ``path`` (SARIF regions, GitHub annotations)."""
    al = report.alignment
    text = al.en.text if al.en.path == path else al.zh.text
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: line - 1]) + col - 1
    end = sum(len(x) + 1 for x in lines[: end_line - 1]) + end_col - 1
    return text[start:end]
