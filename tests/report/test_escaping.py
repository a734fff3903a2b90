"""A crafted article full of markup and command syntax, in both languages, rendered in every
format: the payload must come out inert (as text), never as markup, links or commands."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests.helpers import PAYLOAD, PAYLOADS, hostile_report
from xcheck.report import FORMATS, render
from xcheck.report.markdown import md_escape


def test_the_crafted_findings_carry_the_payload() -> None:
    report = hostile_report()
    f = report.findings[0]
    assert report.alignment.zh.text[f.zh.spans[0].start : f.zh.spans[0].end] == PAYLOAD
    assert report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end] == PAYLOAD


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


def _html_inert(out: str) -> None:
    p = _Tags()
    p.feed(out)
    p.close()
    assert [t for t, _ in p.tags].count("script") == 1  # ours, nothing planted
    assert "img" not in [t for t, _ in p.tags]
    for _, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not any("javascript:" in (v or "") for k, v in attrs.items() if k == "href")
    assert PAYLOAD in "".join(p.text)  # shown, as text


def test_html() -> None:
    _html_inert(render(hostile_report(), "html"))


def test_markdown() -> None:
    out = render(hostile_report(), "markdown")
    # Raw HTML never appears: every < and > of article text is an entity.
    assert "<script" not in out and "<img" not in out
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


def test_json_and_sarif() -> None:
    report = hostile_report()
    data = json.loads(render(report, "json"))
    assert data["findings"][0]["message"].endswith(PAYLOAD)
    sarif = json.loads(render(report, "sarif"))
    res = sarif["runs"][0]["results"][0]
    assert PAYLOAD in res["message"]["text"]
    assert res["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == PAYLOAD
    assert "%3C" in res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    line = render(report, "jsonl")
    assert line.count("\n") == 1
    assert json.loads(line)["findings"][0]["evidence"] == f"evidence {PAYLOAD}"


def test_junit() -> None:
    out = render(hostile_report(), "junit")
    assert "<![CDATA[" not in out
    root = ET.fromstring(out)  # parses: ]]>, < and & were escaped
    case = root.find("./testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None and PAYLOAD in (failure.text or "")
    assert PAYLOAD in (case.findtext("system-out") or "")
    assert [e.tag for e in root.iter()].count("script") == 0


def test_github_commands() -> None:
    out = render(hostile_report(), "github")
    lines = out.splitlines()
    assert len(lines) == len(hostile_report().findings)
    for line in lines:
        m = re.match(r"^::(error|warning|notice) ([^:]*)::(.*)$", line)
        assert m, line
        props, data = m.group(2), m.group(3)
        assert "\r" not in line
        # properties: no raw ':' ',' '%' beyond the separators
        for prop in props.split(","):
            key, _, value = prop.partition("=")
            assert re.fullmatch(r"[A-Za-z]+", key)
            assert ":" not in value and not re.search(r"%(?!25|0D|0A|3A|2C)", value)
        assert not re.search(r"%(?!25|0D|0A)", data)
    first = lines[0]
    data = first.split("::", 2)[2]
    decoded = data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    assert PAYLOAD in decoded
    assert "%250A" in first  # the article's literal "%0A" stays literal


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_the_payload_inert(fmt: str) -> None:
    out = render(hostile_report(), fmt)
    if fmt in ("html", "markdown", "junit"):
        assert "<script>alert(1)</script>" not in out
        assert "<img src=x" not in out
    if fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines())
    for payload in PAYLOADS:
        if fmt in ("json", "jsonl", "sarif", "text"):
            assert payload in out
