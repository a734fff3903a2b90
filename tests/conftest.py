from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SEED = CORPORA / "seed.txt"


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # One shared cache per test session (the parsed dictionary takes a few seconds to build).
    monkeypatch.setenv("XCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
