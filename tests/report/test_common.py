"""What the renderers share (xcheck/report/common.py): locating findings in the input files."""

from __future__ import annotations

from tests.helpers import same_language_report
from xcheck.model import Category, Side


def test_locator_puts_a_document_finding_at_the_first_sentence() -> None:
    from dataclasses import replace

    from xcheck.report.common import Locator

    report = same_language_report()
    f = report.findings[0]
    late = replace(f, zh=Side((2,)), en=Side((1, 2)), category=Category.MISMATCH)
    locs = Locator(report).locations(late)
    first = {"zh": report.alignment.zh.sentences[0], "en": report.alignment.en.sentences[0]}
    assert [(loc.start, loc.end) for loc in locs] == \
        [(first["en"].start, first["en"].end), (first["zh"].start, first["zh"].end)]
