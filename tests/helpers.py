"""Shared by the per-check tests: check two texts, read a faithful pair, list what a rule
flagged (the text of each finding's first span)."""

from __future__ import annotations

from tests.conftest import CORPORA
from xcheck.api import check_documents
from xcheck.load import document_from_text
from xcheck.model import Lang, Report


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
