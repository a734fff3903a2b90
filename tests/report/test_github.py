"""The github format within GitHub's annotation limits (10 per type, 50 per step), most
important first, with one plain line for the rest; the job summary in $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA
from tests.helpers import corpus_report
from xcheck.cli import app
from xcheck.model import Report, Severity
from xcheck.report import render
from xcheck.report.github import PER_STEP, PER_TYPE, job_summary

PAIR = [str(CORPORA / "pairs" / "cn-flood-meizhou.zh.txt"),
        str(CORPORA / "pairs" / "cn-flood-meizhou.en.txt")]


def _many(errors: int, warnings: int, infos: int) -> Report:
    """A report with the given numbers of findings of each severity (copies of real ones)."""
    base = corpus_report("cn-flood-meizhou")
    f = base.findings[0]
    out = []
    for sev, n in ((Severity.INFO, infos), (Severity.WARNING, warnings), (Severity.ERROR, errors)):
        out += [replace(f, severity=sev, fingerprint=f"{sev.value[0]}{k:07d}") for k in range(n)]
    return replace(base, findings=tuple(out))


def _kinds(out: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^::(error|warning|notice) ", out, re.MULTILINE)]


def test_capped_per_type_most_important_first() -> None:
    out = render(_many(3, 14, 25), "github")
    kinds = _kinds(out)
    assert kinds == ["error"] * 3 + ["warning"] * PER_TYPE + ["notice"] * PER_TYPE
    plain = [line for line in out.splitlines() if not line.startswith("::")]
    assert plain == ["xcheck: 19 more finding(s) not annotated (4 warnings, 15 notices; GitHub "
                     "shows 10 annotations per type and 50 per step): the job summary lists "
                     "every finding, as do the SARIF and text reports"]


def test_within_the_limits_everything_is_annotated() -> None:
    report = corpus_report("cn-flood-meizhou")
    out = render(report, "github")
    assert len(_kinds(out)) == len(report.findings) == len(out.splitlines())


def test_never_more_than_the_step_limit() -> None:
    assert PER_STEP >= 3 * PER_TYPE
    assert len(_kinds(render(_many(40, 40, 40), "github"))) == 3 * PER_TYPE


def test_job_summary_lists_every_finding() -> None:
    report = _many(3, 14, 25)
    md = job_summary(report, "warning")
    assert "**failed**: 17 finding(s) at or above `warning`" in md
    assert "| 3 | 14 | 25 | 0 | 0 |" in md
    assert md.count("\n| error |") == 3 and md.count("\n| info |") == 25


def test_cli_writes_the_job_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(app, ["check", *PAIR, "-f", "github"])
    assert result.exit_code == 0, result.output
    text = summary.read_text("utf-8")
    assert text.startswith("earlier step\n### xcheck: ")  # appended, as GitHub expects
    assert "**passed**" in text and "`headline-untranslated`" in text


def test_no_summary_without_the_variable(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", *PAIR, "-f", "github"])
    assert result.exit_code == 0 and list(tmp_path.iterdir()) == []
