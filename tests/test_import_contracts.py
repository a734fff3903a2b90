"""The package's architecture, enforced: layers only point down (import-linter, configured in
pyproject.toml's [tool.importlinter]), and no module imports another module's private name."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "xcheck"


def _lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports with the project's contracts on the ``xcheck`` under ``package_parent``
    (PYTHONPATH picks the tree: an installed xcheck elsewhere must not be linted instead)."""
    env = {**os.environ, "PYTHONPATH": str(package_parent), "NO_COLOR": "1"}
    code = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run([sys.executable, "-c", code, "--config", str(ROOT / "pyproject.toml"),
                           "--no-cache"], cwd=package_parent, env=env, capture_output=True,
                          text=True, check=False)


def test_the_layers_only_point_down() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    """The contract has teeth: the lexicon importing the checks (the kind of import that ran
    back up from mt/chrf.py) fails it."""
    shutil.copytree(PACKAGE, tmp_path / "xcheck", ignore=shutil.ignore_patterns("__pycache__"))
    chrf = tmp_path / "xcheck" / "lexicon" / "chrf.py"
    chrf.write_text(chrf.read_text("utf-8") + "\n\ndef _up() -> None:\n"
                    "    from xcheck.checks import run_checks  # noqa: F401\n", "utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "xcheck.lexicon.chrf -> xcheck.checks" in result.stdout, result.stdout


def private_imports(root: Path = PACKAGE) -> list[str]:
    """``from xcheck.x import _name`` (or ``import xcheck.x._mod``) where ``xcheck.x`` is not
    the importing module itself: one module reaching into another's private names."""
    out: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        here = ".".join(parts)
        package = here if path.name == "__init__.py" else ".".join(parts[:-1])
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level:  # relative: resolve against the importing package
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join([*base, *([module] if module else [])])
                if not module.startswith("xcheck"):
                    continue
                for alias in node.names:
                    private = alias.name.startswith("_") and not alias.name.startswith("__")
                    if private and module != here:
                        out.append(f"{rel}.py:{node.lineno}: from {module} import {alias.name}")
                if _outside_private_module(module, here):
                    out.append(f"{rel}.py:{node.lineno}: from {module} import ...")
            elif isinstance(node, ast.Import):
                out += [f"{rel}.py:{node.lineno}: import {alias.name}" for alias in node.names
                        if alias.name.startswith("xcheck")
                        and _outside_private_module(alias.name, here)]
    return out


def _outside_private_module(module: str, here: str) -> bool:
    """``module`` is (inside) a private module (``xcheck._version``) imported from outside
    the package that holds it (a private module is its package's, like a private name)."""
    parts = module.split(".")
    for k, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            owner = ".".join(parts[:k])
            return not (here == owner or here.startswith(owner + "."))
    return False


def test_no_module_imports_another_modules_private_names() -> None:
    assert private_imports() == []


def test_the_private_import_scan_finds_one(tmp_path: Path) -> None:
    pkg = tmp_path / "xcheck"
    (pkg / "checks").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "checks" / "__init__.py").write_text("")
    (pkg / "checks" / "names.py").write_text(
        "from xcheck.checks.context import Context, _readings\n"
        "from xcheck.checks.names import _own\n"
        "from .context import _fuzzy\n"
        "from xcheck._version import __version__\n"
        "import xcheck.checks._own_helpers\n"
        "import xcheck.aligner._private\n")
    found = private_imports(pkg)
    assert [f.split(": ", 1)[1] for f in found] == [
        "from xcheck.checks.context import _readings",
        "from xcheck.checks.context import _fuzzy",
        "import xcheck.aligner._private"]
