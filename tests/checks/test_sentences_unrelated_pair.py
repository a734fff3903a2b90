"""A 1-1 bead of two sentences that share nothing: each side is reported as unmatched."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.helpers import run
from xcheck.model import Category, Report

FAITHFUL = ROOT / "corpora" / "faithful"


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
    found = sentence_findings(run(zh[:at] + inserted + zh[at:], read("tw-baseball-final", "en")))
    assert ("sentence-missing-in-en", inserted) in found
