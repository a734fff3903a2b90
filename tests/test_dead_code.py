"""Code nothing calls is removed, not kept (issue 13 listed these): they stay gone."""

from __future__ import annotations

import importlib

import pytest

REMOVED = [
    ("xcheck.lexicon.english", "is_content"),
    ("xcheck.lexicon.cedict", "english_vocabulary"),
    ("xcheck.checks.context", "span_of"),
    ("xcheck.report.common", "worst"),
    ("xcheck.corpus", "ProgressFn"),
    ("xcheck.lexicon.evidence", "PUNCT_CLASSES"),
]


@pytest.mark.parametrize(("module", "name"), REMOVED, ids=[f"{m}.{n}" for m, n in REMOVED])
def test_dead_code_is_gone(module: str, name: str) -> None:
    assert not hasattr(importlib.import_module(module), name)


def test_dead_methods_and_parameters_are_gone() -> None:
    import inspect

    from xcheck.checks import run_checks
    from xcheck.checks.context import Context
    from xcheck.model import Document

    assert not hasattr(Context, "sentence")
    assert not hasattr(Document, "slice")
    assert "enabled" not in inspect.signature(run_checks).parameters
