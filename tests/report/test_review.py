"""The HTML report as a review tool, in headless Chromium: infos folded, similarity explained,
settings folded; the editor marks findings accepted (with a reason) or to fix, downloads the
decisions as a baseline, and a second ``check --baseline`` suppresses exactly those."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tests.browser import browser  # noqa: F401  (the fixture)
from tests.conftest import CORPORA
from xcheck.cli import app

PAIR = [str(CORPORA / "pairs" / "cn-flood-meizhou.zh.txt"),
        str(CORPORA / "pairs" / "cn-flood-meizhou.en.txt")]


def _check(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _html(tmp: Path, *args: str) -> Path:
    page = tmp / "report.html"
    result = CliRunner().invoke(app, ["check", *PAIR, *args, "--format", "html", "-o", str(page),
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return page


def test_review_downloads_a_baseline_that_suppresses_exactly_the_accepted(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    before = _check(*PAIR)
    fps = [f["fingerprint"] for f in before["findings"]]
    assert len(fps) >= 4
    page = browser.new_page()
    page.goto(_html(tmp_path).as_uri())
    assert page.locator("html[data-js=ready]").count() == 1
    page.locator("details.infos > summary").click()  # the infos are folded away
    accept = {fps[0]: "the headline is dropped on purpose", fps[-1]: ""}
    for fp, reason in accept.items():
        card = page.locator(f"li.finding[data-fp='{fp}']")
        card.locator("input[value=accept]").check()
        if reason:
            card.locator("input.reason").fill(reason)
    page.locator(f"li.finding[data-fp='{fps[1]}'] input[value=fix]").check()
    assert page.locator("#n-accept").text_content() == "2"
    assert page.locator("#n-fix").text_content() == "1"
    assert page.locator("#n-open").text_content() == str(len(fps) - 3)
    with page.expect_download() as download:
        page.locator("#download").click()
    baseline = tmp_path / "decisions.json"
    download.value.save_as(baseline)
    page.close()
    saved = json.loads(baseline.read_text("utf-8"))
    assert {s["fingerprint"] for s in saved["suppressions"]} == set(accept)
    assert {s["reason"] for s in saved["suppressions"]} == {
        "the headline is dropped on purpose", "accepted in review"}

    after = _check(*PAIR, "--baseline", str(baseline))
    assert [f["fingerprint"] for f in after["findings"]] == [fp for fp in fps
                                                             if fp not in accept]
    assert after["suppressed"] == 2 and "stale_suppressions" not in after
    # Hand-written reasons survive --update-baseline.
    _check(*PAIR, "--baseline", str(baseline), "--update-baseline")
    rewritten = {s["fingerprint"]: s["reason"]
                 for s in json.loads(baseline.read_text("utf-8"))["suppressions"]}
    assert rewritten[fps[0]] == "the headline is dropped on purpose"
    assert set(rewritten) == set(fps)


def test_a_second_review_keeps_what_the_baseline_already_accepted(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    fps = [f["fingerprint"] for f in _check(*PAIR)["findings"]]
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"version": 1, "suppressions": [
        {"fingerprint": fps[0], "rule": "", "reason": "kept from before", "message": ""}]}))
    page = browser.new_page()
    page.goto(_html(tmp_path, "--baseline", str(first)).as_uri())
    page.locator(f"li.finding[data-fp='{fps[1]}'] input[value=accept]").check()
    with page.expect_download() as download:
        page.locator("#download").click()
    second = tmp_path / "second.json"
    download.value.save_as(second)
    page.close()
    reasons = {s["fingerprint"]: s["reason"]
               for s in json.loads(second.read_text("utf-8"))["suppressions"]}
    assert reasons == {fps[0]: "kept from before", fps[1]: "accepted in review"}


def test_infos_folded_similarity_explained_settings_folded(browser: Any,  # noqa: F811
                                                           tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(_html(tmp_path).as_uri())
    infos = page.locator("details.infos li.finding")
    assert infos.count() > 0
    assert not infos.first.is_visible()  # folded until the summary is clicked
    assert page.locator("li.finding.sev-warning").first.is_visible()
    assert page.locator("#about-similarity").is_visible()
    assert "not findings by themselves" in (page.locator("#about-similarity").text_content()
                                            or "")
    assert page.locator(".bead .score a[href='#about-similarity']").count() > 0
    assert not page.locator("details.settings pre").is_visible()
    page.close()


def test_the_page_fits_a_phone(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(_html(tmp_path).as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_stale_entries_in_text_and_json(tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text(json.dumps({"version": 1, "suppressions": [
        {"fingerprint": "0badf00d", "rule": "name-added", "reason": "old", "message": "gone"}]}))
    data = _check(*PAIR, "--baseline", str(baseline))
    assert data["stale_suppressions"] == [{"fingerprint": "0badf00d", "rule": "name-added",
                                           "reason": "old", "message": "gone"}]
    text = CliRunner().invoke(app, ["check", *PAIR, "--baseline", str(baseline),
                                    "--fail-on", "never"])
    assert "1 stale baseline entry" in text.stdout and "0badf00d [name-added] gone" in text.stdout
