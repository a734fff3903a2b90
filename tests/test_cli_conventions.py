"""Linter conventions: --version, - for standard input, check_text for two strings, and TOML
errors reported in pyproject.toml's [tool.xcheck] as in xcheck.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import xcheck
from tests.conftest import CORPORA
from xcheck.api import check, check_text
from xcheck.cli import app, main
from xcheck.errors import InputError

runner = CliRunner()
ZH = CORPORA / "pairs" / "cn-ev-exports.zh.txt"
EN = CORPORA / "pairs" / "cn-ev-exports.en.txt"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out == f"xcheck {xcheck.__version__}\n"


@pytest.mark.parametrize("side", ["zh", "en"])
def test_either_side_from_standard_input(side: str) -> None:
    text = (ZH if side == "zh" else EN).read_text("utf-8")
    args = ["-", str(EN)] if side == "zh" else [str(ZH), "-"]
    result = runner.invoke(app, ["check", *args, "-f", "json", "--fail-on", "never"],
                           input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    piped = json.loads(result.stdout)
    direct = json.loads(runner.invoke(app, ["check", str(ZH), str(EN), "-f", "json"]).stdout)
    assert piped[side]["path"] == "-"
    assert [f["fingerprint"] for f in piped["findings"]] == \
        [f["fingerprint"] for f in direct["findings"]]


def test_a_bilingual_file_from_standard_input() -> None:
    seed = (CORPORA / "seed.txt").read_bytes()
    result = runner.invoke(app, ["check", "-", "-f", "json", "--fail-on", "never"], input=seed)
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"]


def test_not_both_sides_from_standard_input() -> None:
    result = runner.invoke(app, ["check", "-", "-"], input=b"x")
    assert result.exit_code == 2
    assert result.stderr == "xcheck: only one of ZH and EN can be - (standard input)\n"


def test_empty_standard_input_is_one_line() -> None:
    result = runner.invoke(app, ["check", "-", str(EN)], input=b"  \n")
    assert result.exit_code == 2 and result.stderr == "xcheck: standard input: is empty\n"


def test_check_text_matches_check_on_files() -> None:
    by_text = check_text(ZH.read_text("utf-8"), EN.read_text("utf-8"))
    by_path = check(ZH, EN)
    assert [(f.rule, f.fingerprint) for f in by_text.findings] == \
        [(f.rule, f.fingerprint) for f in by_path.findings]
    f = by_text.findings[0]
    for sp in f.en.spans:  # offsets point into the strings given
        assert EN.read_text("utf-8")[sp.start:sp.end]
    assert xcheck.check_text is check_text


def test_check_text_refuses_empty_text() -> None:
    with pytest.raises(InputError):
        check_text("", "Some English.")


def test_a_toml_error_in_pyproject_xcheck_table_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "news"\n\n[tool.xcheck]\nfail_on = "warning\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(ZH), str(EN)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"xcheck: {tmp_path / 'pyproject.toml'}: invalid TOML (")


def test_another_tools_broken_pyproject_is_not_ours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "news\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(ZH), str(EN), "--fail-on", "never"])
    assert result.exit_code == 0 and not result.stderr
