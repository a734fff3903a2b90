"""Shared for the report tests: checked corpora reports (cached) and a crafted hostile article."""

from __future__ import annotations

import re
from functools import cache

from tests.conftest import CORPORA, ROOT
from xcheck.api import align_documents, check
from xcheck.load import document_from_text
from xcheck.model import Category, Finding, FindingType, Report, Severity, Side, Span

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
