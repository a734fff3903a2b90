"""xcheck.report (the format registry): every registered format, as the CLI writes it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEED
from tests.helpers import PAYLOAD, corpus_report, hostile_report
from xcheck.cli import app
from xcheck.report import FORMATS, REGISTRY, load_renderers, render


def test_every_format_has_a_renderer() -> None:
    load_renderers()
    assert set(FORMATS) == set(REGISTRY)


def test_the_crafted_findings_carry_the_payload() -> None:
    report = hostile_report()
    f = report.findings[0]
    assert report.alignment.zh.text[f.zh.spans[0].start : f.zh.spans[0].end] == PAYLOAD
    assert report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end] == PAYLOAD


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
