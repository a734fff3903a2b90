"""One validation layer for every setting (xcheck/validation.py): whatever the source
(command line, --config, [tool.xcheck] in pyproject.toml, xcheck.toml), a value of the wrong
type or out of range is one line naming the file, the key and what is allowed; exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from xcheck.cli import app
from xcheck.errors import ConfigError
from xcheck.settings import AlignSettings, Settings
from xcheck.validation import MAX_BEAD, validate

runner = CliRunner()
ZH = "台北市政府今天宣布新的交通政策。\n市長表示，新政策將在下個月開始實施。\n"
EN = ("The Taipei city government announced a new transport policy today.\n"
      "The mayor said the new policy will take effect next month.\n")


def pair(tmp_path: Path) -> list[str]:
    (tmp_path / "a.zh.txt").write_text(ZH, "utf-8")
    (tmp_path / "a.en.txt").write_text(EN, "utf-8")
    return [str(tmp_path / "a.zh.txt"), str(tmp_path / "a.en.txt")]


def one_line_error(r: object, *needles: str) -> str:
    assert r.exit_code == 2, (r.exit_code, r.output)  # type: ignore[attr-defined]
    err: str = r.stderr  # type: ignore[attr-defined]
    assert err.count("\n") == 1 and err.startswith("xcheck: "), err
    assert "Traceback" not in r.output  # type: ignore[attr-defined]
    for needle in needles:
        assert needle in err, err
    return err


# (the settings file's text, what the error must name)
BAD_FILES = [
    ('max_bytes = "abc"', ["max_bytes", "expected an integer from 1 to", "the string 'abc'"]),
    ("max_bytes = 0", ["max_bytes", "expected an integer from 1"]),
    ("max_bytes = 99999999999999999", ["max_bytes", "1,000,000,000"]),
    ("encoding = 5", ["encoding", "text encoding"]),
    ('encoding = "rot13"', ["encoding", "'rot13' is not a text encoding"]),
    ('encoding = "klingon"', ["encoding", "unknown text encoding"]),
    ('presegmented = "no"', ["presegmented", "expected true or false", "the string 'no'"]),
    ("presegmented = 1", ["presegmented", "expected true or false"]),
    ("glossary = 5", ["glossary", "expected a file name"]),
    ("user_dict = true", ["user_dict", "expected a file name"]),
    ("max_sentences = -1", ["max_sentences", "expected an integer from 1"]),
    ('[align]\nmax_bead = "5"', ["align.max_bead", "expected int", "'5'"]),
    ("[align]\nmax_bead = 17", ["align.max_bead", f"from 2 to {MAX_BEAD}", "17"]),
    ("[align]\nmax_bead = 1000", ["align.max_bead", f"from 2 to {MAX_BEAD}"]),
    ("[align]\nmax_bead = 1", ["align.max_bead", "from 2"]),
    ('[align]\nnull_penalty = "high"', ["align.null_penalty", "expected float"]),
    ("[align]\nnull_penalty = inf", ["align.null_penalty", "finite"]),
    ("[align]\nlength_weight = nan", ["align.length_weight", "finite"]),
    ("[align]\nmerge_penalty = -1.0", ["align.merge_penalty", "finite number from 0"]),
    ("[align]\nband_half_width = -5", ["align.band_half_width", "from 1 to"]),
    ("[align]\nband_half_width = 0", ["align.band_half_width", "from 1 to"]),
    ("[align]\nunrelated_threshold = 3.0", ["align.unrelated_threshold", "from 0 to 2"]),
    ("[align]\nembeddings = 1", ["align.embeddings", "expected bool"]),
    ("[checks]\nname_window = 100000", ["checks.name_window", "from 1 to 20"]),
    ("[checks]\nmt_missing = nan", ["checks.mt_missing", "finite number"]),
    ("align = 5", ["[align] must be a table"]),
    ('fail_on = "sometimes"', ["fail_on must be one of"]),
    ("this is not toml", ["invalid TOML"]),
]


@pytest.mark.parametrize("text,needles", BAD_FILES, ids=[t for t, _ in BAD_FILES])
def test_bad_value_in_xcheck_toml(tmp_path: Path, text: str, needles: list[str]) -> None:
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text(text + "\n", "utf-8")
    r = runner.invoke(app, ["check", *pair(tmp_path), "--config", str(cfg)])
    one_line_error(r, str(cfg), *needles)


@pytest.mark.parametrize("text,needles", BAD_FILES[:20], ids=[t for t, _ in BAD_FILES[:20]])
def test_bad_value_in_pyproject_found_without_a_flag(tmp_path: Path, text: str,
                                                     needles: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # The settings file found in the current folder, no --config given.
    body = text.replace("[align]", "[tool.xcheck.align]").replace("[checks]",
                                                                  "[tool.xcheck.checks]")
    if not body.startswith("[tool"):
        body = "[tool.xcheck]\n" + body
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n' + body + "\n", "utf-8")
    args = pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["check", *args])
    one_line_error(r, "pyproject.toml", *needles)


@pytest.mark.parametrize("args,needles", [
    (["--max-bead", "17"], ["--max-bead", f"from 2 to {MAX_BEAD}", "17"]),
    (["--max-bead", "1000"], ["--max-bead", f"from 2 to {MAX_BEAD}"]),
    (["--max-bead", "0"], ["--max-bead"]),
    (["--max-bytes", "99999999999999999999999"], ["--max-bytes", "1,000,000,000"]),
    (["--max-sentences", "0"], ["--max-sentences"]),
    (["--encoding", "rot13"], ["--encoding", "not a text encoding"]),
    (["--encoding", "no-such-codec"], ["--encoding", "unknown text encoding"]),
])
def test_bad_option(tmp_path: Path, args: list[str], needles: list[str]) -> None:
    for command in (["check", *pair(tmp_path)], ["align", *pair(tmp_path)]):
        r = runner.invoke(app, [*command, *args])
        one_line_error(r, *needles)


def test_config_that_is_a_folder(tmp_path: Path) -> None:
    r = runner.invoke(app, ["check", *pair(tmp_path), "--config", str(tmp_path)])
    one_line_error(r, "is a directory")


def test_config_that_is_binary_or_huge(tmp_path: Path) -> None:
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage\x80")
    one_line_error(runner.invoke(app, ["check", *pair(tmp_path), "--config", str(binary)]),
                   "not UTF-8")
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 2_000_000 + "\n", "utf-8")
    one_line_error(runner.invoke(app, ["check", *pair(tmp_path), "--config", str(huge)]),
                   "settings-file limit")


def test_largest_allowed_bead_runs(tmp_path: Path) -> None:
    # MAX_BEAD is what the aligner supports: the shape index still fits its int8 table.
    r = runner.invoke(app, ["align", *pair(tmp_path), "--max-bead", str(MAX_BEAD)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["[0]:[0]", "[1]:[1]"]


def test_library_settings_are_validated_too() -> None:
    from xcheck.api import align
    from xcheck.load import document_from_text
    from xcheck.model import Lang

    bad = Settings(align=AlignSettings(band_half_width=-5))
    with pytest.raises(ConfigError, match=r"align\.band_half_width"):
        validate(bad)
    zh = document_from_text(ZH, Lang.ZH)
    en = document_from_text(EN, Lang.EN)
    from xcheck.api import align_documents

    with pytest.raises(ConfigError, match="band_half_width"):
        align_documents(zh, en, bad)
    assert align is not None


def test_defaults_are_valid() -> None:
    assert validate(Settings()) == Settings()
