"""xcheck.report.ci: what CI tools parse (SARIF, JUnit XML) and the escaping of GitHub workflow
commands (the github format itself: tests/report/test_github.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.helpers import PAIRS, PAYLOAD, PAYLOADS, corpus_report, hostile_report, text_at
from xcheck.report import RenderOptions, render

NAMES = [p[0] for p in PAIRS]

# --- SARIF ----------------------------------------------------------------------------------

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
        got = text_at(report, uri, region["startLine"], region["startColumn"],
                       region["endLine"], region["endColumn"])
        assert got == region["snippet"]["text"]
        spans = [(report.alignment.en, s) for s in f.en.spans] + \
                [(report.alignment.zh, s) for s in f.zh.spans]
        if spans:
            doc, sp = spans[0]
            assert got == doc.text[sp.start : sp.end]


def test_sarif_escapes_the_payload() -> None:
    sarif = json.loads(render(hostile_report(), "sarif"))
    res = sarif["runs"][0]["results"][0]
    assert PAYLOAD in res["message"]["text"]
    assert res["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == PAYLOAD
    assert "%3C" in res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    out = render(hostile_report(), "sarif")
    for payload in PAYLOADS:
        assert payload in out


# --- JUnit XML ------------------------------------------------------------------------------

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


def test_junit_escapes_the_payload() -> None:
    out = render(hostile_report(), "junit")
    assert "<![CDATA[" not in out
    root = ET.fromstring(out)  # parses: ]]>, < and & were escaped
    case = root.find("./testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None and PAYLOAD in (failure.text or "")
    assert PAYLOAD in (case.findtext("system-out") or "")
    assert [e.tag for e in root.iter()].count("script") == 0
    assert "<script>alert(1)</script>" not in out
    assert "<img src=x" not in out


# --- GitHub workflow command escaping ------------------------------------------------------

def test_github_escaping_rules() -> None:
    from xcheck.report.ci import escape_data, escape_property

    assert escape_data("a%b\r\nc::d,e") == "a%25b%0D%0Ac::d,e"
    assert escape_property("a%b\r\nc::d,e") == "a%25b%0D%0Ac%3A%3Ad%2Ce"
