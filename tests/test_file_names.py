"""File names as the OS gives them: bytes that are not UTF-8 (and control characters) are
shown escaped in every report and message, -o writes to such a name, a corpus run goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_validation import EN, ZH
from xcheck.cli import app

runner = CliRunner()
pytestmark = pytest.mark.skipif(os.name != "posix", reason="byte file names are POSIX")


def bad_pair(tmp_path: Path, stem: bytes = b"caf\xe9") -> tuple[str, str]:
    zh = os.fsdecode(bytes(tmp_path) + b"/" + stem + b".zh.txt")
    en = os.fsdecode(bytes(tmp_path) + b"/" + stem + b".en.txt")
    Path(zh).write_text(ZH, "utf-8")
    Path(en).write_text(EN, "utf-8")
    return zh, en


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "junit", "github",
                                 "markdown", "html"])
def test_every_format_with_a_non_utf8_name(tmp_path: Path, fmt: str) -> None:
    zh, en = bad_pair(tmp_path)
    out = os.fsdecode(bytes(tmp_path) + b"/r\xff." + fmt.encode())
    r = runner.invoke(app, ["check", zh, en, "-f", fmt, "-o", out, "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    data = Path(out).read_bytes().decode("utf-8")  # the report itself is valid UTF-8
    if fmt in ("json", "jsonl"):
        assert json.loads(data)["zh"]["path"].endswith("caf\\xe9.zh.txt")
    elif fmt != "github":  # (github lines are findings; this pair has none)
        assert "xe9" in data
    if fmt == "sarif":
        uris = {a["location"]["uri"] for a in json.loads(data)["runs"][0]["artifacts"]}
        assert all(u.isascii() for u in uris), uris


def test_stdout_and_messages_with_a_non_utf8_name(tmp_path: Path) -> None:
    zh, en = bad_pair(tmp_path)
    r = runner.invoke(app, ["check", zh, en, "-f", "json", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["zh"]["path"].endswith("caf\\xe9.zh.txt")
    missing = os.fsdecode(bytes(tmp_path) + b"/gone\xfe.txt")
    r = runner.invoke(app, ["check", missing, en])
    assert r.exit_code == 2 and "gone\\xfe.txt: no such file" in r.stderr


def test_control_characters_in_a_name_are_escaped(tmp_path: Path) -> None:
    zh, en = bad_pair(tmp_path, b"x\x1b[2Jy")
    r = runner.invoke(app, ["check", zh, en, "-f", "text", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.stdout and "x\\x1b[2Jy" in r.stdout


def test_corpus_goes_on_past_a_non_utf8_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad_pair(folder)
    (folder / "ok.zh.txt").write_text(ZH, "utf-8")
    (folder / "ok.en.txt").write_text(EN, "utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["corpus", str(folder), "-f", "json,jsonl,junit,html,markdown",
                            "-o", str(out), "-j", "1", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["checked"] == 2, summary
    ids = [json.loads(line)["id"] for line in
           (out / "corpus.jsonl").read_text("utf-8").splitlines()]
    assert ids == ["caf\\xe9", "ok"]
