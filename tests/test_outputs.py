"""xcheck.outputs: atomic writes leave either the old file or the whole new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from xcheck.outputs import atomic_writer, write_bytes_atomic, write_text_atomic


def test_write_text_atomic_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "新的 report\n")
    assert target.read_text(encoding="utf-8") == "新的 report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_write_bytes_atomic(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    write_bytes_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "summary.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("half")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]
