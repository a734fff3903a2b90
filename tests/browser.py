"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright
(its Python package, without a browser download). Skipped only when chromium or playwright
is missing and ``CI`` is not set; under CI a missing one fails."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {what} is missing (.ci/run installs chromium; the test "
                    "extra installs playwright)")
    pytest.skip(f"{what} is missing; set CI=1 to make this a failure")


@pytest.fixture(scope="module")
def chromium() -> str:
    """The path of Debian's chromium (for tests that drive it without Playwright)."""
    if BROWSER is None:
        _missing("chromium")
    assert BROWSER is not None
    return BROWSER


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if BROWSER is None:
        _missing("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER, args=FLAGS)
        try:
            yield b
        finally:
            b.close()
