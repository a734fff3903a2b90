"""Corpus discovery: nothing silently dropped, nothing read from outside the folder."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.test_validation import EN, ZH
from xcheck.cli import app
from xcheck.corpus import discover

runner = CliRunner()


def put_pair(folder: Path, stem: str) -> None:
    (folder / f"{stem}.zh.txt").write_text(ZH, "utf-8")
    (folder / f"{stem}.en.txt").write_text(EN, "utf-8")


def test_one_file_article_beside_a_pair_of_the_same_name(tmp_path: Path) -> None:
    put_pair(tmp_path, "a")
    (tmp_path / "a.txt").write_text(ZH + EN, "utf-8")
    put_pair(tmp_path, "b")
    pairs = {p.id: p for p in discover(tmp_path)}
    assert set(pairs) == {"a", "a.txt", "b"}
    problem = pairs["a.txt"].problem or ""
    assert "a.txt" in problem and "a.zh.txt + a.en.txt" in problem
    assert pairs["a"].problem is None and pairs["b"].problem is None
    r = runner.invoke(app, ["corpus", str(tmp_path), "-f", "jsonl", "-j", "1",
                            "--fail-on", "never"])
    assert "a.txt (one file holding both languages) and a.zh.txt + a.en.txt" in r.stderr


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n" + EN, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.zh.txt").write_text(ZH, "utf-8")
    (folder / "s.en.txt").symlink_to(secret / "passwd.txt")
    put_pair(folder, "t")
    (folder / "u.zh.txt").write_text(ZH, "utf-8")
    (folder / "u.en.txt").symlink_to(folder / "t.en.txt")  # inside: fine
    pairs = {p.id: p for p in discover(folder)}
    assert "symbolic link" in (pairs["s"].problem or "")
    assert "--follow-symlinks" in (pairs["s"].problem or "")
    assert pairs["t"].problem is None and pairs["u"].problem is None
    r = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "-j", "1",
                            "--fail-on", "never"])
    assert "root:x" not in r.output
    assert {json.loads(x)["id"] for x in r.stdout.splitlines()} == {"t", "u"}
    assert discover(folder, follow_symlinks=True)[0].problem is None


def test_manifest_entry_through_a_symlink_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "x.en.txt").write_text(EN, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    put_pair(folder, "a")
    (folder / "link.en.txt").symlink_to(secret / "x.en.txt")
    (folder / "dir").symlink_to(secret, target_is_directory=True)
    manifest = folder / "m.jsonl"
    manifest.write_text('{"id": "a", "zh": "a.zh.txt", "en": "a.en.txt"}\n'
                        '{"id": "l", "zh": "a.zh.txt", "en": "link.en.txt"}\n'
                        '{"id": "d", "zh": "a.zh.txt", "en": "dir/x.en.txt"}\n', "utf-8")
    pairs = {p.id: p for p in discover(manifest)}
    assert pairs["a"].problem is None
    assert "outside the folder" in (pairs["l"].problem or "")
    assert "outside the folder" in (pairs["d"].problem or "")
    assert all(p.problem is None for p in discover(manifest, follow_symlinks=True))


def test_control_characters_in_manifest_ids_are_escaped(tmp_path: Path) -> None:
    put_pair(tmp_path, "a")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "evil\x1b]0;pwned\x07\x1b[2J", "zh": "a.zh.txt",
                                    "en": "missing.en.txt"}) + "\n", "utf-8")
    assert discover(manifest)[0].id == "evil\\x1b]0;pwned\\x07\\x1b[2J"
    r = runner.invoke(app, ["corpus", str(manifest), "-f", "jsonl", "-j", "1"])
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "evil\\x1b" in r.output
