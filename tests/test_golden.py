"""Golden JSON reports for every article pair in corpora/ (and the one-file seed), without and
with its machine translation from corpora/mt/ (``NAME.mt.json``).

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
PAIRS = [p.name[: -len(".zh.txt")] for p in sorted((CORPORA / "pairs").glob("*.zh.txt"))]
CASES = [("seed-one-file", "corpora/seed.txt", None, None)] + [
    (name, f"corpora/pairs/{name}.zh.txt", f"corpora/pairs/{name}.en.txt", None)
    for name in PAIRS
] + [("seed-one-file.mt", "corpora/seed.txt", None, "corpora/mt/seed.mt.txt")] + [
    (f"{name}.mt", f"corpora/pairs/{name}.zh.txt", f"corpora/pairs/{name}.en.txt",
     f"corpora/mt/pairs/{name}.mt.txt") for name in PAIRS
]


def test_every_pair_has_a_machine_translation() -> None:
    assert {p.name[: -len(".mt.txt")] for p in (CORPORA / "mt" / "pairs").glob("*.mt.txt")} \
        == set(PAIRS)


@pytest.mark.parametrize(("name", "zh", "en", "mt"), CASES, ids=[c[0] for c in CASES])
def test_golden_report(name: str, zh: str, en: str | None, mt: str | None,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    data = report_dict(check(zh, en, mt=mt))
    path = GOLDEN / f"{name}.json"
    rendered = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("XCHECK_REGEN_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no golden report {path.name}; run with XCHECK_REGEN_GOLDEN=1"
    assert json.loads(path.read_text("utf-8")) == json.loads(rendered)
