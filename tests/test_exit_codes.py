"""Exit codes that never lie (CONTRACT.md): an internal error is code 3 with one line naming
the traceback file; a write error (disk full, closed stdout) is code 2 with one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from tests.test_validation import one_line_error, pair
from xcheck.cli import app

runner = CliRunner()


def test_internal_error_is_code_3_with_the_traceback_in_a_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xcheck.api

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a planted bug")

    monkeypatch.setattr(xcheck.api, "check_documents", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    r = runner.invoke(app, ["check", *pair(tmp_path)])
    assert r.exit_code == 3
    assert r.stderr.count("\n") == 1
    assert r.stderr.startswith("xcheck: internal error (ZeroDivisionError)")
    crash = [p for p in tmp_path.iterdir() if p.name.startswith("xcheck-crash-")]
    assert len(crash) == 1 and str(crash[0]) in r.stderr
    text = crash[0].read_text("utf-8")
    assert "Traceback" in text and "a planted bug" in text and "ZeroDivisionError" in text


def test_main_entry_point_exits_3_on_a_bug(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import xcheck.api
    from xcheck.cli import main

    monkeypatch.setattr(xcheck.api, "align", lambda *a, **k: 1 / 0)
    with pytest.raises(SystemExit) as exit_info:
        main(["align", *pair(tmp_path)])
    assert exit_info.value.code == 3
    assert "internal error" in capsys.readouterr().err


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "xcheck", *args], env=env, timeout=120,
                          **kwargs)  # type: ignore[call-overload]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_to_dev_full_is_one_line_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        r = _run(["align", *pair(tmp_path)], stdout=full, stderr=subprocess.PIPE)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("xcheck: cannot write"), err
    assert "No space left" in err


def test_closed_stdout_is_one_line_exit_2(tmp_path: Path) -> None:
    # As the shell's `>&-` does: fd 1 closed before the program starts.
    zh, en = pair(tmp_path)
    r = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m xcheck align "{zh}" "{en}" >&-'],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert err.count("\n") == 1 and "standard output" in err, err


def test_output_file_in_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    r = runner.invoke(app, ["align", *pair(tmp_path), "-o", str(tmp_path / "no" / "x.txt")])
    one_line_error(r, "cannot write")


def test_output_may_not_name_an_input(tmp_path: Path) -> None:
    zh, en = pair(tmp_path)
    before = Path(zh).read_bytes()
    for args in (["check", zh, en, "-o", zh], ["check", zh, en, "-o", en],
                 ["align", zh, en, "-o", str(Path(en).parent / "." / "a.en.txt")],
                 ["segment", zh, "-o", zh]):
        one_line_error(runner.invoke(app, args), "is one of the inputs")
    link = tmp_path / "link.txt"
    link.symlink_to(zh)
    one_line_error(runner.invoke(app, ["check", zh, en, "-o", str(link)]),
                   "is one of the inputs")
    assert Path(zh).read_bytes() == before


def test_report_and_baseline_are_written_atomically(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # A failure mid-write leaves the old file whole and no temporary file behind.
    import xcheck.outputs

    zh, en = pair(tmp_path)
    out = tmp_path / "report.json"
    out.write_text("old report", "utf-8")
    base = tmp_path / "base.json"
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xcheck.outputs.os, "fsync", failing_fsync)
    r = runner.invoke(app, ["check", zh, en, "-f", "json", "-o", str(out)])
    one_line_error(r, "report.json: cannot write (No space left on device)")
    assert out.read_text("utf-8") == "old report"
    r = runner.invoke(app, ["check", zh, en, "--baseline", str(base)])
    one_line_error(r, "cannot write baseline")
    assert not base.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.en.txt", "a.zh.txt",
                                                          "report.json"]
    monkeypatch.setattr(xcheck.outputs.os, "fsync", real_fsync)
    r = runner.invoke(app, ["check", zh, en, "-f", "json", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text("utf-8").startswith("{")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_device_writes_in_place(tmp_path: Path) -> None:
    # An atomic rename over /dev/full or /dev/null would replace the device node itself.
    import stat

    zh, en = pair(tmp_path)
    assert runner.invoke(app, ["align", zh, en, "-o", "/dev/null"]).exit_code == 0
    one_line_error(runner.invoke(app, ["align", zh, en, "-o", "/dev/full"]),
                   "/dev/full: cannot write (No space left on device)")
    for device in ("/dev/null", "/dev/full"):
        assert stat.S_ISCHR(os.stat(device).st_mode), f"{device} was replaced"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    one_line_error(runner.invoke(app, ["align", zh, en, "-o", str(fifo)]), "cannot write")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
