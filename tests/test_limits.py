"""Ceilings (xcheck/limits.py, load.py): only regular files are read, every file read has a
byte limit (side files too), inputs have a sentence limit; each refusal is immediate, one
line, exit 2, naming the option that raises it."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_validation import EN, ZH, one_line_error, pair
from xcheck.cli import app

runner = CliRunner()


def fifo(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    os.mkfifo(path)
    return str(path)


class Hung(Exception):
    pass


def within(limit: int, args: list[str]) -> object:
    """The CLI's result; a hang (a blocking open, an endless read) fails the test after
    ``limit`` seconds instead of blocking the suite."""

    def alarm(signum: int, frame: object) -> None:
        raise Hung(f"xcheck {' '.join(args)} still running after {limit} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(limit)
    try:
        return runner.invoke(app, args, catch_exceptions=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def quick(args: list[str], *needles: str, limit: int = 10) -> str:
    t0 = time.perf_counter()
    result = within(limit, args)
    assert time.perf_counter() - t0 < limit
    return one_line_error(result, *needles)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_as_article_is_refused_at_once(tmp_path: Path) -> None:
    zh, en = pair(tmp_path)
    quick(["check", fifo(tmp_path, "p.zh.txt"), en], "is a FIFO", "only regular files")
    quick(["align", zh, fifo(tmp_path, "p.en.txt")], "is a FIFO")
    quick(["segment", fifo(tmp_path, "s.txt")], "is a FIFO")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("option", ["--glossary", "--baseline", "--config", "--mt"])
def test_fifo_as_side_file_is_refused_at_once(tmp_path: Path, option: str) -> None:
    quick(["check", *pair(tmp_path), option, fifo(tmp_path, "side")], "FIFO")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("option", ["--glossary", "--baseline", "--config", "--mt"])
def test_device_as_side_file_is_refused_at_once(tmp_path: Path, option: str) -> None:
    quick(["check", *pair(tmp_path), option, "/dev/zero"], "is a device")


def test_user_dictionary_device_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text('user_dict = "/dev/zero"\n', "utf-8")
    quick(["check", *pair(tmp_path), "--config", str(cfg)], "/dev/zero", "is a device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_in_a_manifest_does_not_block_the_corpus(tmp_path: Path) -> None:
    pair(tmp_path)
    fifo(tmp_path, "f.zh.txt")
    (tmp_path / "m.jsonl").write_text(
        '{"id": "pipe", "zh": "f.zh.txt", "en": "a.en.txt"}\n'
        '{"id": "ok", "zh": "a.zh.txt", "en": "a.en.txt"}\n', "utf-8")
    # (generous: the second pair loads the models, cold in a test's own cache folder)
    r = within(180, ["corpus", str(tmp_path / "m.jsonl"), "-f", "jsonl", "-j", "1",
                    "--fail-on", "never"])
    assert "is a FIFO" in r.stderr  # type: ignore[attr-defined]
    assert '"id":"ok"' in r.stdout  # type: ignore[attr-defined]


def test_directory_as_glossary_or_baseline(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    quick(["check", *pair(tmp_path), "--glossary", str(folder)], "is a directory")
    quick(["check", *pair(tmp_path), "--baseline", str(folder)], "is a directory")


def test_side_files_have_the_byte_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.tsv"
    big.write_text("台北\tTaipei\n" * 200, "utf-8")
    quick(["check", *pair(tmp_path), "--glossary", str(big), "--max-bytes", "1000"],
          "big.tsv", "over the input limit of 1,000 bytes", "--max-bytes")
    base = tmp_path / "base.json"
    base.write_text('{"version": 1, "suppressions": []}' + " " * 2000, "utf-8")
    quick(["check", *pair(tmp_path), "--baseline", str(base), "--max-bytes", "1000"],
          "base.json", "--max-bytes")


def test_binary_glossary_and_huge_term(tmp_path: Path) -> None:
    binary = tmp_path / "g.tsv"
    binary.write_bytes(bytes(range(128, 256)) * 10)
    quick(["check", *pair(tmp_path), "--glossary", str(binary)], "glossary is not UTF-8")
    huge = tmp_path / "h.tsv"
    huge.write_text("台" * 1_000_000 + "\tTaipei\n", "utf-8")
    quick(["check", *pair(tmp_path), "--glossary", str(huge)], "h.tsv:1")
    long_term = tmp_path / "t.tsv"
    long_term.write_text("台" * 1000 + "\tTaipei\n", "utf-8")
    quick(["check", *pair(tmp_path), "--glossary", str(long_term)], "t.tsv:1",
          "at most 200 characters, not 1,000")


def test_binary_baseline(tmp_path: Path) -> None:
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\x80\x81\x82" * 10)
    quick(["check", *pair(tmp_path), "--baseline", str(binary)], "baseline file is not UTF-8")


def test_sentence_ceiling_names_its_option(tmp_path: Path) -> None:
    zh, en = pair(tmp_path)
    quick(["check", zh, en, "--max-sentences", "1"], "a.zh.txt", "over the limit of 1 sentences",
          "--max-sentences")
    quick(["check", zh, en, "--max-sentences", "1", "--presegmented"], "--max-sentences")
    (tmp_path / "x.toml").write_text("max_sentences = 1\n", "utf-8")
    quick(["align", zh, en, "--config", str(tmp_path / "x.toml")], "max_sentences")
    r = runner.invoke(app, ["align", zh, en, "--max-sentences", "2"])
    assert r.exit_code == 0, r.output


def test_hundred_thousand_line_pair_is_refused_at_once(tmp_path: Path) -> None:
    zh = tmp_path / "long.zh.txt"
    en = tmp_path / "long.en.txt"
    zh.write_text("".join(f"第{k}條新聞說明了今天的天氣。\n" for k in range(100_000)), "utf-8")
    en.write_text("".join(f"News item {k} explained today's weather.\n"
                          for k in range(100_000)), "utf-8")
    t0 = time.perf_counter()
    quick(["check", str(zh), str(en)], "100,000 non-blank lines",
          "over the limit of 10,000 sentences", "--max-sentences")
    assert time.perf_counter() - t0 < 5.0


def test_bilingual_file_counts_each_side(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(ZH * 3 + EN * 3, "utf-8")
    quick(["check", str(one), "--max-sentences", "4"], "one.txt (Chinese)", "--max-sentences")
