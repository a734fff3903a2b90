"""The version is written once, in pyproject.toml, and read from the package metadata."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import xcheck
from xcheck import api
from xcheck.report import json_report

ROOT = Path(__file__).resolve().parents[1]


def test_one_version_everywhere() -> None:
    assert xcheck.__version__ == api.__version__ == json_report.VERSION == version("xcheck")


def test_the_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert xcheck.__version__ == project["version"]


def test_no_version_literal_in_the_package() -> None:
    literal = re.compile(rf"""["']{re.escape(xcheck.__version__)}["']""")
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "xcheck").rglob("*.py")
             if literal.search(p.read_text("utf-8"))]
    assert found == []
