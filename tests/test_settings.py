"""Every threshold of the checks and the aligner lives in xcheck/settings.py (CheckSettings,
AlignSettings): a scan for numbers written inline, and the settings' config, JSON and
signature-line round trip."""

from __future__ import annotations

import ast
import json
import math
from dataclasses import fields
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEED
from xcheck.cli import app
from xcheck.config import load_config
from xcheck.errors import ConfigError
from xcheck.settings import AlignSettings, CheckSettings

PACKAGE = ROOT / "xcheck"
SCANNED = sorted([*(PACKAGE / "checks").glob("*.py"), *(PACKAGE / "aligner").glob("*.py")])

# Numbers that are no thresholds: (file, value, why). Keep this short.
ALLOWED_FLOATS = {
    ("aligner/band.py", 0.5): "the middle of a sentence cell (i + 0.5), geometry",
    ("aligner/dp.py", 0.5): "the mean of the two sides' random baselines",
    ("aligner/given.py", 0.5): "the mean of the two sides' random baselines (as in dp.py)",
    ("aligner/dp.py", 1e-9): "guards a division by a zero weight",
    ("aligner/dp.py", 1e-12): "float noise in a running maximum",
    ("aligner/dp.py", 1e18): "minus infinity of the DP table (NEG)",
    ("checks/content.py", 1e-9): "float equality of two numbers' values",
    ("checks/numbers.py", 1e-9): "float equality of two numbers' values",
    ("checks/numbers.py", 12.0): "noon is 12 o'clock, a value, not a threshold",
}
# Integer literals compared with a count of words or sentences (len(...) >= 3): a threshold
# unless it is 0, 1 or 2 (empty, single, pair: structure, not tuning).
ALLOWED_LEN_INTS: dict[tuple[str, int], str] = {}


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_the_scan_sees_the_modules() -> None:
    names = {_rel(p) for p in SCANNED}
    assert {"checks/content.py", "checks/mt.py", "aligner/dp.py", "aligner/band.py"} <= names


def test_no_fractional_threshold_written_inline() -> None:
    found = []
    for path in SCANNED:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Constant) and type(node.value) is float
                    and node.value not in (0.0, 1.0)
                    and (_rel(path), node.value) not in ALLOWED_FLOATS):
                found.append(f"{_rel(path)}:{node.lineno}: {node.value}")
    assert not found, ("thresholds belong in xcheck/settings.py (CheckSettings or "
                       "AlignSettings), read from ctx.settings: " + ", ".join(found))


# Lists of words (or sentences) whose length is a count a threshold applies to. Lengths of
# strings (len(stem) >= 4: a word-shape rule of the romanisation and suffix matching) and
# size caps of generated variants are not evidence thresholds and are not scanned.
WORD_LISTS = {"content", "missing", "words", "lacking", "unique", "own", "supported",
              "zh_content", "en_content", "unsupported", "clause", "clauses", "pairs"}


def _is_len(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "size":
        return True  # Words.size: a count of words
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "len" and node.args):
        return False
    arg = node.args[0]
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute):
        return arg.func.attr == "split"  # len(text.split()): words
    return isinstance(arg, ast.Name) and arg.id in WORD_LISTS


def test_no_word_count_threshold_written_inline() -> None:
    found = []
    for path in SCANNED:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Compare) or len(node.comparators) != 1:
                continue
            left, right = node.left, node.comparators[0]
            for a, b in ((left, right), (right, left)):
                if (_is_len(a) and isinstance(b, ast.Constant) and type(b.value) is int
                        and b.value > 2 and (_rel(path), b.value) not in ALLOWED_LEN_INTS):
                    found.append(f"{_rel(path)}:{node.lineno}: {b.value}")
    assert not found, "word-count thresholds belong in CheckSettings: " + ", ".join(found)


def test_every_field_has_a_comment_giving_its_reason() -> None:
    source = (PACKAGE / "settings.py").read_text("utf-8").splitlines()
    for cls in (CheckSettings, AlignSettings):
        start = next(k for k, line in enumerate(source) if line.startswith(f"class {cls.__name__}"))
        for f in fields(cls):
            if cls is AlignSettings and f.name in ("max_bead", "null_penalty", "merge_penalty",
                                                   "length_weight", "paragraph_penalty",
                                                   "punct_weight", "band_half_width", "names"):
                continue  # documented in the README's Configuration section
            line = next(k for k in range(start, len(source))
                        if source[k].strip().startswith(f"{f.name}:"))
            # The comment just above; a pair of thresholds may share one (the field above
            # has its comment just above it).
            above = [source[line - 1].strip(), source[line - 2].strip()]
            assert above[0].startswith("#") or (
                above[0].split(":")[0].isidentifier() and above[1].startswith("#")), f.name


def test_defaults_are_finite_numbers() -> None:
    for cls in (CheckSettings, AlignSettings):
        for f in fields(cls):
            value = getattr(cls(), f.name)
            assert isinstance(value, int | float)
            assert math.isfinite(value)


runner = CliRunner()


def _json(args: list[str]) -> dict[str, object]:
    r = runner.invoke(app, ["check", str(SEED), "--format", "json", "--fail-on", "never", *args])
    assert r.exit_code == 0, r.output
    data: dict[str, object] = json.loads(r.stdout)
    return data


def test_thresholds_are_recorded_and_settable(tmp_path: Path) -> None:
    plain = _json([])
    settings = plain["settings"]
    assert isinstance(settings, dict)
    assert settings["thresholds"]["clause_unsupported"] == 0.75
    assert settings["align"]["unrelated_threshold"] == 0.2
    assert isinstance(settings["checks"], list)  # the checks that ran, as before
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text("[checks]\nmin_content_words = 99\nclause_unsupported = 1\n"
                   "[align]\nrepair_gain = 2.5\n", "utf-8")
    out = _json(["--config", str(cfg)])
    settings = out["settings"]
    assert isinstance(settings, dict)
    assert settings["thresholds"]["min_content_words"] == 99
    assert settings["thresholds"]["clause_unsupported"] == 1.0
    assert settings["align"]["repair_gain"] == 2.5
    rules = {f["rule"] for f in out["findings"]}  # type: ignore[attr-defined]
    assert "clause-added" not in rules  # no clause has 99 unmatched words
    text = runner.invoke(app, ["check", str(SEED), "--config", str(cfg), "--fail-on", "never"])
    line = text.stdout.splitlines()[-1]
    assert "repair_gain=2.5" in line
    assert ",clause_unsupported:1.0,min_content_words:99" in line
    default_line = runner.invoke(app, ["check", str(SEED), "--fail-on", "never"]).stdout
    digest = default_line.splitlines()[-1].split("thresholds=")[1].split("|")[0]
    assert len(digest) == 8 and digest not in line


def test_pyproject_tool_xcheck_checks(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text("[tool.xcheck.checks]\nmt_margin = 0.3\n", "utf-8")
    assert load_config(cfg).settings.checks.mt_margin == 0.3


@pytest.mark.parametrize(("body", "message"), [
    ("[checks]\nno_such_threshold = 1\n", "unknown checks setting(s): no_such_threshold"),
    ("[checks]\nmt_margin = \"0.4\"\n", "checks.mt_margin: expected float"),
    ("[checks]\nmt_margin = true\n", "checks.mt_margin: expected float"),
    ("[checks]\nmin_content_words = 2.5\n", "checks.min_content_words: expected int"),
    ("[checks]\nmin_content_words = false\n", "checks.min_content_words: expected int"),
    ("[checks]\nmt_margin = nan\n", "checks.mt_margin: expected a finite number"),
    ("[checks]\nmt_margin = inf\n", "checks.mt_margin: expected a finite number"),
    ("checks = 3\n", "[checks] must be a table"),
    ("[align]\nrepair_gain = \"x\"\n", "align.repair_gain: expected float"),
    ("[align]\nnames = 1\n", "align.names: expected bool"),
    ("[align]\nbogus = 1\n", "unknown align setting(s): bogus"),
])
def test_bad_thresholds_are_refused(tmp_path: Path, body: str, message: str) -> None:
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text(body, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert message in str(err.value)
    assert str(cfg) in str(err.value)
    r = runner.invoke(app, ["check", str(SEED), "--config", str(cfg)])
    assert r.exit_code == 2


# Module constants that are numbers but no thresholds: (file, name) -> why.
ALLOWED_CONSTANTS = {
    ("aligner/dp.py", "NEG"): "minus infinity of the DP table",
    ("aligner/dp.py", "CHUNK"): "rows computed at once: memory, not results",
    ("aligner/dp.py", "SIDE_CHUNK"): "span boundaries prepared at once: memory, not results",
}


def test_no_numeric_module_constant() -> None:
    """A threshold named at module level (MIN_WORDS = 3) is a threshold all the same."""
    found = []
    for path in SCANNED:
        for node in ast.parse(path.read_text("utf-8")).body:
            if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
                continue
            value = node.value
            if isinstance(value, ast.UnaryOp):
                value = value.operand
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if (isinstance(t, ast.Name) and isinstance(value, ast.Constant)
                        and type(value.value) in (int, float)
                        and (_rel(path), t.id) not in ALLOWED_CONSTANTS):
                    found.append(f"{_rel(path)}: {t.id}")
    assert not found, "thresholds belong in xcheck/settings.py: " + ", ".join(found)


def test_every_threshold_is_used() -> None:
    """No dead setting: each CheckSettings field is read in checks/, each AlignSettings
    field in aligner/ (or, for the document rule, checks/document.py)."""
    checks = "".join(p.read_text("utf-8") for p in (PACKAGE / "checks").glob("*.py"))
    aligner = "".join(p.read_text("utf-8") for p in (PACKAGE / "aligner").glob("*.py"))
    assert [f.name for f in fields(CheckSettings) if f".{f.name}" not in checks] == []
    assert [f.name for f in fields(AlignSettings)
            if f".{f.name}" not in aligner + checks] == []
