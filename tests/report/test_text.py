"""xcheck.report.text: the plain-text report."""

from __future__ import annotations

import pytest

from tests.helpers import PAIRS, PAYLOADS, corpus_report, hostile_report
from xcheck.report import render

NAMES = [p[0] for p in PAIRS]


@pytest.mark.parametrize("name", NAMES)
def test_text_report(name: str) -> None:
    report = corpus_report(name)
    out = render(report, "text")
    assert out.rstrip().splitlines()[-1].startswith("xcheck ")
    for f in report.findings:
        assert f.fingerprint in out


def test_the_payload_is_shown_as_it_is() -> None:
    out = render(hostile_report(), "text")
    for payload in PAYLOADS:
        assert payload in out
