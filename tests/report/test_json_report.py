"""xcheck.report.json_report: the JSON and JSON Lines reports."""

from __future__ import annotations

import json

import pytest

from tests.helpers import PAIRS, PAYLOAD, PAYLOADS, corpus_report, hostile_report
from xcheck.report import RenderOptions, render

NAMES = [p[0] for p in PAIRS]


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


def test_json_escapes_the_payload() -> None:
    report = hostile_report()
    data = json.loads(render(report, "json"))
    assert data["findings"][0]["message"].endswith(PAYLOAD)
    line = render(report, "jsonl")
    assert line.count("\n") == 1
    assert json.loads(line)["findings"][0]["evidence"] == f"evidence {PAYLOAD}"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_payload_is_kept_whole(fmt: str) -> None:
    out = render(hostile_report(), fmt)
    for payload in PAYLOADS:
        assert payload in out
