"""The corpus run's summary names the failing pairs; index.html has totals, pass/fail per
pair, columns that sort on a click (headless Chromium) and fits a phone's width."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.browser import browser  # noqa: F401  (the fixture)
from tests.conftest import CORPORA
from xcheck.cli import app

PAIRS = ("cn-ev-exports", "cn-flood-meizhou", "tw-court-fraud", "hk-legco-rail")


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "pairs"
    folder.mkdir()
    for name in PAIRS:
        for lang in ("zh", "en"):
            shutil.copy(CORPORA / "pairs" / f"{name}.{lang}.txt", folder)
    # One pair that cannot be read: its row says so.
    (folder / "broken.zh.txt").write_text("", "utf-8")
    (folder / "broken.en.txt").write_text("Nothing here.", "utf-8")
    out = root / "out"
    result = CliRunner().invoke(app, ["corpus", str(folder), "-o", str(out),
                                      "-f", "html,json,junit", "--jobs", "1",
                                      "--fail-on", "warning"])
    assert result.exit_code == 1, result.output
    reports = {p.name.split(".")[0]: json.loads(p.read_text("utf-8"))
               for p in out.glob("*.json") if p.name != "summary.json"}
    return out, reports


def test_summary_names_the_failing_pairs(corpus_run: tuple[Path, dict[str, Any]]) -> None:
    out, reports = corpus_run
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    failing = sorted(k for k, r in reports.items()
                     if r["summary"]["error"] + r["summary"]["warning"])
    assert failing and summary["failing_pairs"] == failing
    assert summary["pairs_at_or_above_fail_on"] == len(failing) < len(PAIRS) + 1


def test_index_totals_and_results(corpus_run: tuple[Path, dict[str, Any]]) -> None:
    out, reports = corpus_run
    html = (out / "index.html").read_text("utf-8")
    failing = [k for k, r in reports.items() if r["summary"]["error"] + r["summary"]["warning"]]
    assert f"<b>{len(PAIRS) + 1}</b>pairs" in html
    assert f"<b>{len(failing)}</b>fail" in html
    assert f"<b>{len(PAIRS) - len(failing)}</b>pass" in html
    assert "<b>1</b>could not be checked" in html
    assert f"<b>{sum(r['summary']['warning'] for r in reports.values())}</b>warnings" in html
    assert "at or above warning" in html


def _column(page: Any, col: int) -> list[str]:
    return [str(x) for x in page.eval_on_selector_all(
        "#pairs tbody tr", f"rows => rows.map(r => r.cells[{col}].getAttribute('data-v'))")]


def test_index_sorts_on_a_click(browser: Any,  # noqa: F811
                                corpus_run: tuple[Path, dict[str, Any]]) -> None:
    out, _ = corpus_run
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    assert page.locator("html[data-js=ready]").count() == 1
    page.locator("#pairs thead th:nth-child(4) button").click()  # warnings
    up = [float(v) for v in _column(page, 3)]
    assert up == sorted(up) and len(set(up)) > 1
    page.locator("#pairs thead th:nth-child(4) button").click()
    assert [float(v) for v in _column(page, 3)] == sorted(up, reverse=True)
    page.locator("#pairs thead th:nth-child(1) button").click()  # pair names
    names = _column(page, 0)
    assert names == sorted(names)
    page.close()


def test_index_fits_a_phone(browser: Any,  # noqa: F811
                            corpus_run: tuple[Path, dict[str, Any]]) -> None:
    out, _ = corpus_run
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto((out / "index.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_corpus_junit_has_a_timestamp(corpus_run: tuple[Path, dict[str, Any]]) -> None:
    import xml.etree.ElementTree as ET
    from datetime import datetime

    out, _ = corpus_run
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    assert suite is not None
    assert datetime.fromisoformat(suite.get("timestamp", "")).year >= 2024
