"""Every output format on every corpora pair: structure, locations, and what CI tools parse."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEED
from tests.helpers import PAIRS, corpus_report
from xcheck.cli import app
from xcheck.model import Report
from xcheck.report import FORMATS, RenderOptions, render

NAMES = [p[0] for p in PAIRS]
GH_LINE = re.compile(
    r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),"
    r"endColumn=(\d+),title=([^,:]*)::(.*)$")


def _text_at(report: Report, path: str, line: int, col: int, end_line: int,
             end_col: int) -> str:
    al = report.alignment
    text = al.en.text if al.en.path == path else al.zh.text
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: line - 1]) + col - 1
    end = sum(len(x) + 1 for x in lines[: end_line - 1]) + end_col - 1
    return text[start:end]


@pytest.mark.parametrize("name", NAMES)
def test_json_and_jsonl(name: str) -> None:
    report = corpus_report(name)
    data = json.loads(render(report, "json"))
    line = render(report, "jsonl", RenderOptions(id=name))
    assert line.count("\n") == 1 and line.endswith("\n")
    one = json.loads(line)
    assert one.pop("id") == name
    assert one == data
    assert data["summary"] == report.summary()


@pytest.mark.parametrize("name", NAMES)
def test_text_report(name: str) -> None:
    report = corpus_report(name)
    out = render(report, "text")
    assert out.rstrip().splitlines()[-1].startswith("xcheck ")
    for f in report.findings:
        assert f.fingerprint in out


@pytest.mark.parametrize("name", NAMES)
def test_markdown(name: str) -> None:
    report = corpus_report(name)
    out = render(report, "markdown")
    assert out.startswith("### xcheck: ")
    assert out.count("\n#### ") == len(report.findings)
    for f in report.findings:
        assert f"`{f.fingerprint}`" in out


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.scripts = 0
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "script":
            self.scripts += 1
            assert "src" not in a
        if tag == "meta":
            self.meta.append(a)
        assert tag not in ("link", "img", "iframe", "object")


@pytest.mark.parametrize("name", NAMES)
def test_html(name: str) -> None:
    report = corpus_report(name)
    out = render(report, "html")
    p = _Collect()
    p.feed(out)
    assert p.scripts == 1
    csp = next(m["content"] for m in p.meta if m.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp and "'unsafe-inline'" not in csp
    assert "http://" not in out and "https://" not in out
    for k in range(len(report.findings)):
        assert f"f-{k}" in p.ids
    al = report.alignment
    assert len([i for i in p.ids if i.startswith("b-")]) == len(al.beads)
    assert len([i for i in p.ids if i.startswith("zh-")]) == len(al.zh.sentences)
    assert len([i for i in p.ids if i.startswith("en-")]) == len(al.en.sentences)


def _check_region(region: dict[str, object]) -> None:
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        assert isinstance(region[key], int) and region[key] >= 1, key  # type: ignore[operator]
    assert (region["endLine"], region["endColumn"]) >= (region["startLine"],
                                                         region["startColumn"])


def validate_sarif(log: dict[str, object]) -> None:
    """The SARIF 2.1.0 schema's required properties and region fields, checked by hand."""
    assert log["version"] == "2.1.0"
    assert str(log["$schema"]).endswith("sarif-2.1.0.json")
    runs = log["runs"]
    assert isinstance(runs, list) and runs
    for run in runs:
        driver = run["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        rules = driver.get("rules", [])
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids))
        assert run["columnKind"] in ("utf16CodeUnits", "unicodeCodePoints")
        for res in run["results"]:
            assert isinstance(res["message"]["text"], str) and res["message"]["text"]
            assert res["level"] in ("none", "note", "warning", "error")
            assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
            assert set(res) <= {"ruleId", "ruleIndex", "level", "message", "locations",
                                "relatedLocations", "partialFingerprints", "properties"}
            for loc in res["locations"] + res.get("relatedLocations", []):
                phys = loc["physicalLocation"]
                assert isinstance(phys["artifactLocation"]["uri"], str)
                _check_region(phys["region"])


@pytest.mark.parametrize("name", NAMES)
def test_sarif(name: str) -> None:
    report = corpus_report(name)
    log = json.loads(render(report, "sarif"))
    validate_sarif(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.findings)
    for res, f in zip(results, report.findings, strict=True):
        assert res["partialFingerprints"]["xcheckFingerprint/v1"] == f.fingerprint
        region = res["locations"][0]["physicalLocation"]["region"]
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        got = _text_at(report, uri, region["startLine"], region["startColumn"],
                       region["endLine"], region["endColumn"])
        assert got == region["snippet"]["text"]
        spans = [(report.alignment.en, s) for s in f.en.spans] + \
                [(report.alignment.zh, s) for s in f.zh.spans]
        if spans:
            doc, sp = spans[0]
            assert got == doc.text[sp.start : sp.end]


@pytest.mark.parametrize("name", NAMES)
def test_junit(name: str) -> None:
    report = corpus_report(name)
    for fail_on in ("error", "info", "never"):
        root = ET.fromstring(render(report, "junit", RenderOptions(fail_on=fail_on)))
        assert root.tag == "testsuites"
        cases = root.findall("./testsuite/testcase")
        assert len(cases) == 1
        failing = fail_on != "never" and any(
            f.severity.rank >= {"error": 3, "info": 1}[fail_on] for f in report.findings)
        assert (cases[0].find("failure") is not None) == failing
        assert root.find("testsuite").get("failures") == str(int(failing))  # type: ignore[union-attr]


@pytest.mark.parametrize("name", NAMES)
def test_github(name: str) -> None:
    report = corpus_report(name)
    lines = render(report, "github").splitlines()
    assert len(lines) == len(report.findings)
    for line, f in zip(lines, report.findings, strict=True):
        m = GH_LINE.match(line)
        assert m, line
        level = {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
        assert m.group(1) == level
        path = m.group(2).replace("%2C", ",").replace("%3A", ":").replace("%25", "%")
        got = _text_at(report, path, *(int(m.group(k)) for k in range(3, 7)))
        assert got
        assert f.fingerprint in m.group(8)


def test_github_escaping_rules() -> None:
    from xcheck.report.ci import escape_data, escape_property

    assert escape_data("a%b\r\nc::d,e") == "a%25b%0D%0Ac::d,e"
    assert escape_property("a%b\r\nc::d,e") == "a%25b%0D%0Ac%3A%3Ad%2Ce"


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_every_format(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(app, ["check", str(SEED.relative_to(ROOT)), "--format", fmt,
                                      "--output", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    got = out.read_text("utf-8")
    if fmt == "sarif":  # the CLI records its run (exit code, times): the rest is the same
        data = json.loads(got)
        assert data["runs"][0].pop("invocations")[0]["exitCode"] == 0
        got = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "junit":
        got = re.sub(r' time="[\d.]+"', ' time="0.000"', re.sub(r' timestamp="[^"]+"', "", got))
    assert got == render(corpus_report("seed-one-file"), fmt)
