"""SARIF against the official 2.1.0 schema (tests/data, vendored with its licence note):
every rule of the table with help text, suppressed findings kept and marked with the
baseline's reason, the invocation with its exit code and times, no invented URI."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA
from tests.helpers import corpus_report
from xcheck.baseline import Baseline, apply_baseline
from xcheck.checks.rules import RULES
from xcheck.cli import app
from xcheck.model import Suppression
from xcheck.report import render

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
PAIR = [str(CORPORA / "pairs" / "tw-court-fraud.zh.txt"),
        str(CORPORA / "pairs" / "tw-court-fraud.en.txt")]


@cache
def _validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def validate(log: dict[str, Any]) -> None:
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_schema_catches_a_broken_log() -> None:
    log = json.loads(render(corpus_report("seed-one-file"), "sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        validate(log)


@pytest.mark.parametrize("name", ["seed-one-file", "cn-flood-meizhou", "hk-legco-rail"])
def test_valid_with_every_rule_and_its_help(name: str) -> None:
    log = json.loads(render(corpus_report(name), "sarif"))
    validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for r in rules:
        rule = RULES[r["id"]]
        assert r["shortDescription"]["text"] == rule.description
        assert r["fullDescription"]["text"] == rule.full
        assert rule.example.en in r["help"]["text"] and r["help"]["markdown"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert "informationUri" not in run["tool"]["driver"]
    assert "example.invalid" not in json.dumps(log)


def test_suppressed_findings_are_kept_with_the_baseline_reason() -> None:
    report = corpus_report("cn-flood-meizhou")
    first, second = report.findings[:2]
    suppressed = apply_baseline(report, Baseline((
        Suppression(first.fingerprint, first.rule, "checked by the desk"),
        Suppression("0badf00d", "name-added", "stale"))))
    log = json.loads(render(suppressed, "sarif"))
    validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.findings)
    marked = [r for r in results if "suppressions" in r]
    assert [r["partialFingerprints"]["xcheckFingerprint/v1"] for r in marked] == \
        [first.fingerprint]
    assert marked[0]["suppressions"] == [{"kind": "external", "status": "accepted",
                                          "justification": "checked by the desk"}]
    assert second.fingerprint in json.dumps(results)
    assert log["runs"][0]["properties"]["staleSuppressions"] == ["0badf00d"]


def test_the_cli_records_the_invocation(tmp_path: Path) -> None:
    out = tmp_path / "r.sarif"
    result = CliRunner().invoke(app, ["check", *PAIR, "-f", "sarif", "-o", str(out),
                                      "--fail-on", "info"])
    log = json.loads(out.read_text("utf-8"))
    validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["exitCode"] == result.exit_code == 1
    assert invocation["executionSuccessful"] is True
    assert invocation["startTimeUtc"] <= invocation["endTimeUtc"]
    assert invocation["startTimeUtc"].endswith("Z")


def test_junit_from_check_has_its_real_time_and_a_timestamp(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    out = tmp_path / "r.xml"
    CliRunner().invoke(app, ["check", *PAIR, "-f", "junit", "-o", str(out)])
    root = ET.parse(out).getroot()
    case = root.find("./testsuite/testcase")
    assert case is not None and float(case.get("time", "0")) > 0
    stamp = root.find("./testsuite").get("timestamp")  # type: ignore[union-attr]
    from datetime import datetime

    assert stamp and datetime.fromisoformat(stamp).year >= 2024
