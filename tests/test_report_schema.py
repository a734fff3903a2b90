"""docs/report.schema.json describes the JSON report: every golden report (every pair of
corpora/, with and without MT), a corpus line, and a report with stale baseline entries
validate against it; it knows exactly the model's categories and severities."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.helpers import corpus_report
from xcheck.baseline import Baseline, apply_baseline
from xcheck.model import Category, Severity, Suppression
from xcheck.report import RenderOptions, render

SCHEMA = ROOT / "docs" / "report.schema.json"
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(data: Any) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator().iter_errors(data)][:5]


def test_there_are_golden_reports() -> None:
    assert len(GOLDEN) >= 20


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_every_golden_report_is_valid(path: Path) -> None:
    assert problems(json.loads(path.read_text("utf-8"))) == []


def test_a_corpus_line_and_stale_entries_are_valid() -> None:
    report = corpus_report("cn-ev-exports")
    line = json.loads(render(report, "jsonl", RenderOptions(id="cn-ev-exports")))
    assert problems(line) == [] and line["id"] == "cn-ev-exports"
    stale = apply_baseline(report, Baseline((Suppression("0badf00d", "name-added", "old",
                                                         "gone"),)))
    data = json.loads(render(stale, "json"))
    assert problems(data) == [] and data["stale_suppressions"][0]["reason"] == "old"


def test_the_schema_rejects_what_the_contract_excludes() -> None:
    good = json.loads(GOLDEN[0].read_text("utf-8"))
    assert problems({**good, "summary": {"error": 0, "warning": 0}})
    assert problems({**good, "renamed_field": 1})
    finding = {"rule": "number-mismatch", "category": "contradiction", "type": "number",
               "severity": "error", "zh": {"sentences": [0], "spans": []},
               "en": {"sentences": [0], "spans": [[0, 3]]}, "message": "m", "evidence": "",
               "fingerprint": "0123abcd"}
    assert problems({**good, "findings": [finding]})
    assert problems({**good, "findings": [{**finding, "category": "mismatch"}]}) == []


def test_the_schema_knows_the_model() -> None:
    defs = json.loads(SCHEMA.read_text("utf-8"))["$defs"]["finding"]["properties"]
    assert defs["category"]["enum"] == [c.value for c in Category]
    assert defs["severity"]["enum"] == [s.value for s in Severity]


def test_the_readme_links_the_contract_and_the_schema() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for target in ("docs/CONTRACT.md", "docs/report.schema.json"):
        assert f"]({target})" in readme and (ROOT / target).is_file()
    assert "report.schema.json" in (ROOT / "docs" / "CONTRACT.md").read_text("utf-8")
