"""Baselines: accept the current findings once; they come back when their text changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SEED
from xcheck.baseline import apply_baseline, baseline_from_data, baseline_from_reports
from xcheck.cli import app
from xcheck.errors import ConfigError

runner = CliRunner()


def _json(args: list[str]) -> tuple[int, dict[str, object]]:
    r = runner.invoke(app, ["check", *args, "--format", "json"])
    return r.exit_code, json.loads(r.stdout)


def test_seed_baseline_then_clean_run(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    first = runner.invoke(app, ["check", str(SEED), "--baseline", str(base), "--fail-on",
                                "warning"])
    assert first.exit_code == 0, first.output
    data = json.loads(base.read_text("utf-8"))
    assert data["version"] == 1 and data["suppressions"]
    assert all(s["reason"] == "baseline" and s["rule"] and s["message"]
               for s in data["suppressions"])
    code, report = _json([str(SEED), "--baseline", str(base), "--fail-on", "warning"])
    assert code == 0
    assert report["findings"] == []
    assert report["suppressed"] == len(data["suppressions"])
    text = runner.invoke(app, ["check", str(SEED), "--baseline", str(base)]).stdout
    assert f"{len(data['suppressions'])} suppressed" in text
    # without the baseline the seed fails --fail-on warning
    assert runner.invoke(app, ["check", str(SEED), "--fail-on", "warning"]).exit_code == 1


def test_editing_a_suppressed_sentence_brings_its_finding_back(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    seed = tmp_path / "seed.txt"
    seed.write_text(SEED.read_text("utf-8"), "utf-8")
    runner.invoke(app, ["check", str(seed), "--baseline", str(base)])
    _, before = _json([str(seed), "--fail-on", "never"])
    target = next(f for f in before["findings"]  # type: ignore[union-attr]
                  if f["rule"] == "time-expression-added")
    text = seed.read_text("utf-8")
    en = before["en"]["sentences"][target["en"]["sentences"][0]]  # type: ignore[index]
    sentence = text[en["start"] : en["end"]]
    edited = sentence.replace("this weekend", "this coming weekend")
    assert edited != sentence
    seed.write_text(text.replace(sentence, edited), "utf-8")
    code, after = _json([str(seed), "--baseline", str(base), "--fail-on", "warning"])
    rules = [f["rule"] for f in after["findings"]]  # type: ignore[union-attr]
    assert "time-expression-added" in rules
    assert code == 1
    back = [f for f in after["findings"] if f["rule"] == "time-expression-added"]  # type: ignore[union-attr]
    assert all(f["en"]["sentences"] == target["en"]["sentences"] for f in back)
    # the other findings stay suppressed
    assert len(after["findings"]) < len(before["findings"])  # type: ignore[arg-type]


def test_update_baseline_keeps_reasons(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    runner.invoke(app, ["check", str(SEED), "--baseline", str(base)])
    data = json.loads(base.read_text("utf-8"))
    data["suppressions"][0]["reason"] = "translator's choice, approved by desk"
    data["suppressions"].append({"fingerprint": "deadbeef", "rule": "x", "reason": "old",
                                 "message": "gone"})
    base.write_text(json.dumps(data), "utf-8")
    r = runner.invoke(app, ["check", str(SEED), "--baseline", str(base), "--update-baseline"])
    assert r.exit_code == 0
    new = json.loads(base.read_text("utf-8"))
    assert new["suppressions"][0]["reason"] == "translator's choice, approved by desk"
    assert "deadbeef" not in {s["fingerprint"] for s in new["suppressions"]}


def test_bad_baselines_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    r = runner.invoke(app, ["check", str(SEED), "--baseline", str(bad)])
    assert r.exit_code == 2 and r.stderr.startswith("xcheck: ")
    r = runner.invoke(app, ["check", str(SEED), "--update-baseline"])
    assert r.exit_code == 2 and "--baseline" in r.stderr
    with pytest.raises(ConfigError):
        baseline_from_data({"version": 2, "suppressions": []})
    with pytest.raises(ConfigError):
        baseline_from_data({"version": 1, "suppressions": [{"rule": "x"}]})


def test_library_apply() -> None:
    from xcheck.api import check

    report = check(SEED)
    base = baseline_from_reports(report)
    out = apply_baseline(report, base)
    assert out.findings == () and out.suppressed == len(report.findings)
