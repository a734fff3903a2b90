"""xcheck.report.markdown: the Markdown report (pull-request comments)."""

from __future__ import annotations

import re

import pytest

from tests.helpers import PAIRS, corpus_report, hostile_report
from xcheck.report import render
from xcheck.report.markdown import md_escape

NAMES = [p[0] for p in PAIRS]


@pytest.mark.parametrize("name", NAMES)
def test_markdown(name: str) -> None:
    report = corpus_report(name)
    out = render(report, "markdown")
    assert out.startswith("### xcheck: ")
    assert out.count("\n#### ") == len(report.findings)
    for f in report.findings:
        assert f"`{f.fingerprint}`" in out


def test_markdown_renders_the_payload_inert() -> None:
    out = render(hostile_report(), "markdown")
    # Raw HTML never appears: every < and > of article text is an entity.
    assert "<script" not in out and "<img" not in out
    assert "<script>alert(1)</script>" not in out
    assert "<img src=x" not in out
    # No link or image syntax survives: brackets and parentheses are escaped.
    assert "](" not in out and "[click]" not in out
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in out
    # Markup we emit ourselves is limited to <mark>/<sub>.
    assert set(re.findall(r"<(/?\w+)", out)) <= {"mark", "/mark", "sub", "/sub"}
    for line in out.splitlines():
        assert "\r" not in line


def test_markdown_escape_unit() -> None:
    assert md_escape("<b>&") == "&lt;b&gt;&amp;"
    assert md_escape("![x](y)") == "\\!\\[x\\]\\(y\\)"
    assert md_escape("a\nb") == "a b"
