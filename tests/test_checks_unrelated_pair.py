"""A 1-1 bead of two sentences that share nothing: each side is reported as unmatched."""

from __future__ import annotations

from pathlib import Path

from tests.check_helpers import run
from xcheck.api import check_documents
from xcheck.load import document_from_text
from xcheck.model import Category, Lang, Report
from xcheck.settings import AlignSettings, Settings

FAITHFUL = Path(__file__).resolve().parents[1] / "corpora" / "faithful"


def read(slug: str, lang: str) -> str:
    return (FAITHFUL / f"{slug}.{lang}.txt").read_text(encoding="utf-8")


def sentence_findings(report: Report) -> list[tuple[str, str]]:
    out = []
    for f in report.findings:
        if f.type.value != "sentence" or f.category not in (Category.OMISSION,
                                                              Category.ADDITION):
            continue
        doc, side = ((report.alignment.zh, f.zh) if f.category is Category.OMISSION
                     else (report.alignment.en, f.en))
        out.append((f.rule, doc.text[side.spans[0].start : side.spans[0].end]))
    return out


def test_faithful_pairs_have_no_unrelated_beads() -> None:
    for slug in ("tw-baseball-final", "cn-flood-meizhou", "cn-court-bribery"):
        assert sentence_findings(run(read(slug, "zh"), read(slug, "en"))) == []


def test_an_inserted_sentence_paired_with_an_unrelated_one() -> None:
    zh = read("tw-baseball-final", "zh")
    inserted = "張家豪於2025年3月14日在桃園機場準備出境時遭到逮捕，此後一直羈押至今。"
    after = "送出7次三振，獲選為本場最有價值球員。"
    at = zh.index(after) + len(after)
    zh_doc = document_from_text(zh[:at] + inserted + zh[at:], Lang.ZH)
    en_doc = document_from_text(read("tw-baseball-final", "en"), Lang.EN)
    # The dictionary-only aligner pairs it with the unrelated English sentence 4 ...
    dictionary_only = Settings(align=AlignSettings(embeddings=False))
    found = sentence_findings(check_documents(zh_doc, en_doc, dictionary_only))
    assert ("sentence-missing-in-en", inserted) in found
    # ... with meaning evidence it is a zh-only bead of its own, reported as such.
    report = check_documents(zh_doc, en_doc)
    assert [(f.rule, f.category) for f in report.findings if f.type.value == "sentence"] == [
        ("sentence-missing-in-en", Category.ZH_ONLY)]
