"""Golden JSON reports for every article pair in corpora/ (and the one-file seed).

Regenerate on purpose only: XCHECK_REGEN_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import CORPORA, ROOT
from xcheck.api import check
from xcheck.report.json_report import report_dict

GOLDEN = Path(__file__).parent / "golden"
CASES = [("seed-one-file", "corpora/seed.txt", None)] + [
    (p.name[: -len(".zh.txt")], f"corpora/pairs/{p.name}",
     f"corpora/pairs/{p.name[: -len('.zh.txt')]}.en.txt")
    for p in sorted((CORPORA / "pairs").glob("*.zh.txt"))
]


@pytest.mark.parametrize(("name", "zh", "en"), CASES, ids=[c[0] for c in CASES])
def test_golden_report(name: str, zh: str, en: str | None,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    data = report_dict(check(zh, en))
    path = GOLDEN / f"{name}.json"
    rendered = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("XCHECK_REGEN_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no golden report {path.name}; run with XCHECK_REGEN_GOLDEN=1"
    assert json.loads(path.read_text("utf-8")) == json.loads(rendered)
