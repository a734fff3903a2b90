"""Bad and odd inputs, table-driven: each case says what xcheck must do with it.

Every case runs the CLI in-process. An outcome is an exit code plus either the one-line
``xcheck: ...`` message (exit 2) or facts about the JSON report (exit 0/1): a finding it must
contain, sentence counts, offsets. No case may end in a traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA, SEED
from xcheck.api import check_documents
from xcheck.cli import app
from xcheck.errors import InputError, LimitError
from xcheck.io import decode, read_text
from xcheck.load import document_from_text
from xcheck.model import Lang
from xcheck.segmentation import MAX_SENTENCE_CHARS, build_document

runner = CliRunner()
PAIRS = CORPORA / "pairs"
SEED_ZH = (PAIRS / "seed.zh.txt").read_text("utf-8")
SEED_EN = (PAIRS / "seed.en.txt").read_text("utf-8")
ZH = "台積電第三季營收成長12%，達到新臺幣7,596億元。公司表示，需求仍然強勁。\n"
EN = "TSMC's third-quarter revenue grew 12% to NT$759.6 billion. The company said demand " \
     "remained strong.\n"
SIMPLIFIED = "乌克兰总统泽连斯基表示，愿意放弃加入北约。他说和平需要妥协。\n"
TRADITIONAL = "烏克蘭總統澤連斯基表示，願意放棄加入北約。他說和平需要妥協。\n"
UKR_EN = "Ukrainian President Zelensky said he was willing to give up joining NATO. He " \
         "said peace requires compromise.\n"


def put(tmp: Path, name: str, data: str | bytes) -> str:
    path = tmp / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def pair(zh: str | bytes, en: str | bytes = EN) -> Callable[[Path], list[str]]:
    return lambda tmp: ["check", put(tmp, "a.zh.txt", zh), put(tmp, "a.en.txt", en)]


def long_zh() -> str:
    chars = "烏克蘭總統澤連斯基表示願意放棄加入北約他說和平需要妥協"
    return "".join(chars[(i * 7919) % len(chars)] for i in range(200_000)) + "\n"


def long_en() -> str:
    vocab = ["peace", "the", "Ukraine", "said", "NATO", "president", "Zelensky", "talks"]
    return " ".join(vocab[(i * 31) % len(vocab)] for i in range(33_000)) + "\n"


def sparse(tmp: Path, name: str, size: int) -> str:
    path = tmp / name
    with open(path, "wb") as fh:
        fh.truncate(size)  # a 50 MB file that takes no disk space or time to make
    return str(path)


def manifest(tmp: Path, entry: dict[str, str]) -> list[str]:
    root = tmp / "corpus"
    root.mkdir()
    put(root, "a.zh.txt", ZH)
    put(root, "a.en.txt", EN)
    put(tmp, "outside.en.txt", EN)
    (root / "m.jsonl").write_text(json.dumps(entry) + "\n", "utf-8")
    return ["corpus", str(root / "m.jsonl"), "--format", "jsonl", "--jobs", "1"]


def unreadable(tmp: Path) -> list[str]:
    zh = put(tmp, "a.zh.txt", ZH)
    os.chmod(zh, 0)
    return ["check", zh, put(tmp, "a.en.txt", EN)]


# Extra checks on the JSON report of a case that runs.
def sentences_are(zh: list[str], en: list[str]) -> Callable[[dict[str, Any], list[str]], None]:
    def check(report: dict[str, Any], args: list[str]) -> None:
        for side, want in (("zh", zh), ("en", en)):
            text = decode(Path(args[1 if side == "zh" else 2]).read_bytes(), "x")
            got = [text[s["start"] : s["end"]] for s in report[side]["sentences"]]
            assert got == want, (side, got)
    return check


def same_as(zh_utf8: str, en_utf8: str) -> Callable[[dict[str, Any], list[str]], None]:
    """The report has the same sentences and findings as the UTF-8 (LF) version of the pair."""
    def check(report: dict[str, Any], args: list[str]) -> None:
        ref = runner.invoke(app, ["check", "--format", "json", "--fail-on", "never",
                                  str(Path(args[1]).with_name("ref.zh.txt")),
                                  str(Path(args[2]).with_name("ref.en.txt"))])
        want = json.loads(ref.stdout)
        for side in ("zh", "en"):
            assert report[side]["sentences"] == want[side]["sentences"]
        assert [f["fingerprint"] for f in report["findings"]] == \
               [f["fingerprint"] for f in want["findings"]]
    return check


def with_ref(zh_utf8: str, en_utf8: str, zh: bytes, en: bytes) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        put(tmp, "ref.zh.txt", zh_utf8)
        put(tmp, "ref.en.txt", en_utf8)
        return ["check", put(tmp, "a.zh.txt", zh), put(tmp, "a.en.txt", en)]
    return make


def max_sentence(limit: int) -> Callable[[dict[str, Any], list[str]], None]:
    def check(report: dict[str, Any], args: list[str]) -> None:
        for side in ("zh", "en"):
            assert max(s["end"] - s["start"] for s in report[side]["sentences"]) <= limit
    return check


def no_rule(*rules: str) -> Callable[[dict[str, Any], list[str]], None]:
    def check(report: dict[str, Any], args: list[str]) -> None:
        found = {f["rule"] for f in report["findings"]}
        assert not found & set(rules), found
    return check


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], list[str]]
    exit: int | tuple[int, ...]
    message: str | None = None  # regex the one-line stderr message must match (exit 2)
    rule: str | None = None  # a finding the report must contain
    check: Callable[[dict[str, Any], list[str]], None] | None = None
    fail_on: str = "never"
    seconds: float = 30.0


CASES = [
    Case("empty file", pair(""), 2, r"a\.zh\.txt: is empty$"),
    Case("whitespace only", pair(" \n\t\n\u3000\n"), 2, r"is empty$"),
    Case("one side empty", pair(ZH, "\n\n"), 2, r"a\.en\.txt: is empty$"),
    Case("binary data", pair(bytes(range(256)) * 8), 2, r"looks like a binary file"),
    Case("NUL bytes in text", pair(ZH.encode() + b"\x00\x00" + ZH.encode()), 2,
         r"binary file \(it contains NUL bytes\)"),
    Case("invalid UTF-8 in the middle", pair(ZH.encode()[:21] + b"\xff\xfe\xfd" +
                                             ZH.encode()[21:]), 2,
         r"not valid UTF-8 \(byte 21\).*--encoding"),
    Case("UTF-16-LE English without BOM", with_ref(ZH, EN, ZH.encode(), EN.encode("utf-16-le")),
         0, check=same_as(ZH, EN)),
    Case("UTF-16-LE Chinese without BOM", with_ref(ZH, EN, ZH.encode("utf-16-le"), EN.encode()),
         0, check=same_as(ZH, EN)),
    Case("UTF-16-BE Chinese without BOM",
         with_ref(SEED_ZH, SEED_EN, SEED_ZH.encode("utf-16-be"), SEED_EN.encode()), 0,
         check=same_as(SEED_ZH, SEED_EN)),
    Case("UTF-8 and UTF-16 BOMs", with_ref(ZH, EN, codecs.BOM_UTF8 + ZH.encode(),
                                           codecs.BOM_UTF16_LE + EN.encode("utf-16-le")),
         0, check=same_as(ZH, EN)),
    Case("GB18030", with_ref(SIMPLIFIED, UKR_EN, SIMPLIFIED.encode("gb18030"), UKR_EN.encode()),
         0, check=same_as(SIMPLIFIED, UKR_EN)),
    Case("Big5", with_ref(TRADITIONAL, UKR_EN, TRADITIONAL.encode("big5"), UKR_EN.encode()),
         0, check=same_as(TRADITIONAL, UKR_EN)),
    Case("mixed UTF-8 and GB18030", pair(TRADITIONAL.encode() + SIMPLIFIED.encode("gb18030")),
         2, r"not valid UTF-8 \(byte \d+\) and not recognisably GB18030 or Big5"),
    Case("mixed UTF-8 and Big5", pair(TRADITIONAL.encode() + TRADITIONAL.encode("big5")),
         2, r"not valid UTF-8 \(byte \d+\)"),
    Case("wrong --encoding", lambda t: [*pair(TRADITIONAL.encode("big5"))(t), "--encoding",
                                        "utf-8"], 2, r"not valid utf-8 \(byte 0\)"),
    Case("unknown --encoding", lambda t: [*pair(ZH)(t), "--encoding", "klingon"], 2,
         r"unknown text encoding 'klingon'"),
    Case("CRLF line endings", with_ref(SEED_ZH, SEED_EN, SEED_ZH.replace("\n", "\r\n").encode(),
                                       SEED_EN.replace("\n", "\r\n").encode()),
         0, check=same_as(SEED_ZH, SEED_EN)),
    Case("lone CR line endings", with_ref(SEED_ZH, SEED_EN, SEED_ZH.replace("\n", "\r").encode(),
                                          SEED_EN.encode()), 0, check=same_as(SEED_ZH, SEED_EN)),
    Case("50 MB file", lambda t: ["check", sparse(t, "big.zh.txt", 50_000_000),
                                  put(t, "a.en.txt", EN)], 2,
         r"big\.zh\.txt: 50,000,000 bytes is over the input limit of 20,000,000 bytes; "
         r"raise it with --max-bytes or max_bytes in the settings", seconds=2.0),
    Case("--max-bytes lowers the limit", lambda t: [*pair(ZH)(t), "--max-bytes", "50"], 2,
         r"over the input limit of 50 bytes; raise it with --max-bytes"),
    Case("--max-bytes raises the limit", lambda t: [*pair(ZH * 400)(t), "--max-bytes",
                                                    "30000000"], 0),
    Case("200,000-character Chinese paragraph, no punctuation", pair(long_zh(), UKR_EN), 0,
         check=max_sentence(MAX_SENTENCE_CHARS), seconds=20.0),
    Case("200,000-character English paragraph, no punctuation", pair(TRADITIONAL, long_en()),
         0, check=max_sentence(MAX_SENTENCE_CHARS), seconds=20.0),
    Case("200,000-character presegmented line", lambda t: [*pair(long_zh(), UKR_EN)(t),
                                                          "--presegmented"], 2,
         r"line 1 is 200,000 characters long, over the limit of 5,000 .*--presegmented"),
    Case("sentence of only numbers", pair("2025 12 31\n" + ZH, "2025 12 31\n" + EN), 0,
         check=sentences_are(["2025 12 31", *ZH.replace("。", "。\n").split("\n")[:2]],
                             ["2025 12 31", EN.split(". ")[0] + ".", EN.split(". ")[1].strip()])),
    Case("sentence of only punctuation", pair("。。。！？\n" + ZH, "...!?\n" + EN), 0),
    Case("emoji and astral-plane characters",
         pair("台積電𠀀營收成長12%😀🇹🇼。👍🏽\n", "TSMC revenue 😀 grew 12% 🇹🇼. 👍🏽\n"), 0,
         check=sentences_are(["台積電𠀀營收成長12%😀🇹🇼。", "👍🏽"],
                             ["TSMC revenue 😀 grew 12% 🇹🇼.", "👍🏽"])),
    Case("combining marks", pair("台積電營收成長12%。\n",
                                 "Cafe\u0301 revenue grew 12%. Zoe\u0308 said so.\n"), 0,
         check=sentences_are(["台積電營收成長12%。"], ["Cafe\u0301 revenue grew 12%.",
                                                   "Zoe\u0308 said so."])),
    Case("full-width Latin and digits", pair("台積電（ＴＳＭＣ）營收成長１２％。\n",
                                             "TSMC revenue grew 12%.\n"), 0,
         check=no_rule("number-mismatch", "number-added", "number-omitted")),
    Case("zero-width spaces and directional marks",
         pair("台積電\u200b營收\u200e成長\u202e12%\u202c。\ufeff\n",
              "TSMC\u200b revenue\u200f grew \u2066 12%\u2069.\n"), 0,
         check=sentences_are(["台積電\u200b營收\u200e成長\u202e12%\u202c。"],
                             ["TSMC\u200b revenue\u200f grew \u2066 12%\u2069."])),
    Case("HTML and Markdown in the text",
         pair("<script>alert(1)</script>台積電營收成長12%。[點我](javascript:alert(1))\n",
              "<img src=x onerror=alert(1)> TSMC revenue **grew** 12%. ]]> ::error::x %0A\n"),
         0),
    Case("files swapped (English given as Chinese)", lambda t: ["check", put(t, "a.en.txt", EN),
                                                                put(t, "a.zh.txt", ZH)], 2,
         r"a\.en\.txt: expected Chinese but found no Chinese characters \(were the two files "
         r"swapped\?\)"),
    Case("both files Chinese", pair(ZH, TRADITIONAL), 1, rule="same-language",
         fail_on="error"),
    Case("both files English", pair(UKR_EN, EN), 1, rule="same-language", fail_on="error"),
    Case("the same one-file article twice", lambda t: ["check", str(SEED), str(SEED)], 1,
         rule="same-language", fail_on="error"),
    Case("unrelated articles", lambda t: ["check", str(PAIRS / "tw-court-fraud.zh.txt"),
                                          str(PAIRS / "cn-health-flu.en.txt")], 1,
         rule="unrelated-articles", fail_on="error"),
    Case("Japanese given as Chinese",
         pair("東京都は月曜日、新しい政策を発表しました。これは重要なことです。\n"), 2,
         r"looks like Japanese or Korean, not Chinese"),
    Case("Korean given as Chinese", pair("대통령은 평화를 원한다고 말했다. 이것은 중요하다.\n"), 2,
         r"looks like Japanese or Korean, not Chinese"),
    Case("one-file article with no English", lambda t: ["check", put(t, "one.txt", ZH * 2)], 2,
         r"one\.txt: found no English paragraphs in a one-file article"),
    Case("a directory", lambda t: ["check", str(t), put(t, "a.en.txt", EN)], 2,
         r"is a directory, not a file"),
    Case("a missing path", lambda t: ["check", str(t / "nope.zh.txt"), put(t, "a.en.txt", EN)],
         2, r"nope\.zh\.txt: no such file$"),
    Case("a path with a newline in its name", lambda t: ["check", str(t / "a\nb.txt"),
                                                         put(t, "a.en.txt", EN)],
         2, r"a\\nb\.txt: no such file$"),
    # As root (CI) chmod 000 does not block reading; test_permission_denied simulates it.
    Case("an unreadable file (chmod 000)", unreadable, (0, 2), r"a\.zh\.txt: permission denied"),
    Case("corpus manifest pointing outside its folder",
         lambda t: manifest(t, {"id": "x", "zh": "a.zh.txt", "en": "../outside.en.txt"}), 2,
         r"'\.\./outside\.en\.txt' points outside the manifest's folder"),
    Case("corpus manifest with an absolute path",
         lambda t: manifest(t, {"id": "x", "zh": "a.zh.txt", "en": str(t / "outside.en.txt")}),
         2, r"is an absolute path"),
    Case("segment: Korean with --lang auto", lambda t: ["segment", put(t, "k.txt",
                                                                       "대통령은 말했다.\n")],
         2, r"cannot tell whether it is Chinese or English; use --lang"),
]


def check_report(report: dict[str, Any]) -> None:
    """Contract invariants: every sentence in exactly one bead; spans inside sentences."""
    for side in ("zh", "en"):
        ids = sorted(i for b in report["alignment"] for i in b[side])
        assert ids == list(range(len(report[side]["sentences"])))
    for f in report["findings"]:
        for side in ("zh", "en"):
            sents = [report[side]["sentences"][i] for i in f[side]["sentences"]]
            for start, end in f[side]["spans"]:
                assert any(s["start"] <= start <= end <= s["end"] for s in sents), f


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    args = case.make(tmp_path)
    if args[0] == "check":
        args += ["--format", "json", "--fail-on", case.fail_on]
    t0 = time.perf_counter()
    result = runner.invoke(app, args)
    elapsed = time.perf_counter() - t0
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception  # no traceback, ever
    codes = case.exit if isinstance(case.exit, tuple) else (case.exit,)
    assert result.exit_code in codes, (result.exit_code, result.stderr)
    assert elapsed < case.seconds, elapsed
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("xcheck: "), result.stderr
        assert case.message and re.search(case.message, lines[0]), lines[0]
        return
    if args[0] != "check":
        return
    report = json.loads(result.stdout)
    check_report(report)
    if case.rule:
        assert case.rule in {f["rule"] for f in report["findings"]}
    if case.check:
        case.check(report, args)


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 30


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    zh = Path(put(tmp_path, "a.zh.txt", ZH))
    real_open = os.open

    def deny(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path) == zh:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    result = runner.invoke(app, ["check", str(zh), put(tmp_path, "a.en.txt", EN)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"xcheck: {zh}: permission denied"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_refused_without_reading_it_all() -> None:
    # Only regular files are read: a device is refused before any byte (xcheck/limits.py).
    with pytest.raises(InputError, match="is a device; only regular files are read"):
        read_text("/dev/zero", max_bytes=1000)


def test_fifty_megabytes_is_refused_before_reading(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    big = Path(sparse(tmp_path, "big.txt", 50_000_000))

    def no_read(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "open", no_read)
    monkeypatch.setattr(Path, "read_bytes", no_read)
    with pytest.raises(LimitError, match="raise it with --max-bytes"):
        read_text(big)


# The API (not the CLI) can be handed text no file can hold.
def test_api_lone_surrogate_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unpaired surrogate U\\+D800 at character 3"):
        document_from_text("台積電\ud800營收。", Lang.ZH)


def test_api_empty_side_aligns_to_nothing() -> None:
    # Regression: the aligner's punctuation matrix crashed on a side with no sentences.
    zh = build_document("台積電營收成長。", Lang.ZH)
    en = build_document("  \n", Lang.EN)
    report = check_documents(zh, en)
    assert [(b.zh, b.en) for b in report.alignment.beads] == [((0,), ())]
    assert check_documents(build_document("", Lang.ZH), en).findings == ()


@pytest.mark.parametrize("numeral", ["一" * 400, "1" * 400, "9" * 310 + "億"])
def test_huge_numerals_do_not_crash(numeral: str) -> None:
    # Regression: a numeral of hundreds of digits is float('inf'); its key did int(inf).
    zh = document_from_text(f"營收達到{numeral}元。", Lang.ZH)
    en = document_from_text(f"Revenue reached {'1' * 400} yuan.", Lang.EN)
    check_documents(zh, en)


def test_long_sentences_are_cut_at_a_comma_or_space() -> None:
    text = ("這是一個很長的句子，" * 300) + "\n"
    doc = build_document(text, Lang.ZH)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in doc.sentences)
    assert all(s.text.endswith("，") for s in doc.sentences[:-1])
    assert "".join(s.text for s in doc.sentences) == text.strip()  # nothing lost
    # A combining mark stays with its base character at a hard cut.
    en = build_document("e\u0301" * 1500, Lang.EN)
    assert all(not s.text.startswith("\u0301") for s in en.sentences)
    assert sum(len(s.text) for s in en.sentences) == 3000
