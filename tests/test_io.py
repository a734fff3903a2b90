"""Reading inputs: encodings, BOMs, line endings, the bilingual split."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED
from xcheck.errors import InputError
from xcheck.io import classify_line, decode, read_text, split_bilingual
from xcheck.load import bilingual_from_text, read_bilingual
from xcheck.model import Lang, Script

ZH = "烏克蘭總統澤連斯基表示,願意放棄加入北約。他說和平需要妥協。"


@pytest.mark.parametrize("data", [
    ZH.encode("utf-8"),
    codecs.BOM_UTF8 + ZH.encode("utf-8"),
    codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"),
    ZH.encode("big5"),
    "乌克兰总统泽连斯基表示,愿意放弃加入北约。他说和平需要妥协。".encode("gb18030"),
])
def test_decode_detects_encodings(data: bytes) -> None:
    text = decode(data, "x")
    assert "澤連斯基" in text or "泽连斯基" in text
    assert not text.startswith("\ufeff")


def test_decode_named_encoding_and_errors() -> None:
    assert decode(ZH.encode("big5"), "x", "big5") == ZH
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x", "no-such-codec")
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 2, "x")
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode(b"hello \x80\x80 world", "x")


def test_line_endings_normalised() -> None:
    assert decode("一\r\n二\r三\n".encode(), "x") == "一\n二\n三\n"


def test_read_text_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)
    empty = tmp_path / "e.txt"
    empty.write_text("  \n\n")
    with pytest.raises(InputError, match="empty"):
        read_text(empty)
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    with pytest.raises(InputError, match="max-bytes"):
        read_text(big, max_bytes=10)


def test_classify_line() -> None:
    assert classify_line("烏克蘭總統澤連斯基公開表態,指出 NATO 不是選項") is Lang.ZH
    assert classify_line("Zelensky said Ukraine (烏克蘭) would give up NATO membership") is Lang.EN
    assert classify_line("- 1") is None
    assert classify_line("2025") is None


def test_seed_split() -> None:
    zh, en = read_bilingual(SEED)
    assert len(zh.paragraphs) == 9
    assert len(en.paragraphs) == 8
    assert [li.text for li in zh.ignored] == ["- 1", "- 2", "- 3", "- 4"]
    assert zh.script is Script.TRADITIONAL
    assert zh.text is en.text  # offsets of both point into the one file


@pytest.mark.parametrize("layout", ["zh-first", "en-first", "interleaved"])
def test_bilingual_layouts(layout: str) -> None:
    zh = ["第一段。", "第二段有兩句。這是第二句。"]
    en = ["The first paragraph.", "The second one has two. This is the second."]
    if layout == "zh-first":
        lines = [*zh, *en]
    elif layout == "en-first":
        lines = [*en, *zh]
    else:
        lines = [zh[0], en[0], zh[1], en[1]]
    text = "\n".join([*lines, "- 1"]) + "\n"
    zdoc, edoc = bilingual_from_text(text)
    assert [s.text for s in zdoc.sentences] == ["第一段。", "第二段有兩句。", "這是第二句。"]
    assert len(edoc.sentences) == 3
    assert [li.text for li in zdoc.ignored] == ["- 1"]
    assert split_bilingual(text).ignored[0].number == 5


def _letter_counts_by_character(text: str) -> tuple[int, int, int]:
    """letter_counts' meaning, one character at a time (it counts by regular expression)."""
    import unicodedata

    from xcheck.io import is_han, is_kana_or_hangul

    han = latin = other = 0
    for ch in text:
        if ch.isascii():
            latin += ch.isalpha()
        elif is_han(ch):
            han += 1
        elif is_kana_or_hangul(ch):
            other += 1
        elif ch.isalpha() and unicodedata.name(ch, "").startswith(("LATIN", "FULLWIDTH LATIN")):
            latin += 1
    return han, latin, other


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_letter_counts_agree_with_a_character_by_character_count(text: str) -> None:
    from xcheck.io import letter_counts

    assert letter_counts(text) == _letter_counts_by_character(text)


def test_letter_counts_skip_only_blocks_without_latin_letters() -> None:
    from xcheck.io import letter_counts

    for code in [*range(0x2000, 0x2070), *range(0x3000, 0x3040), *range(0xFF00, 0xFF21),
                 *range(0xC0, 0x250), *range(0xFF21, 0xFF5B)]:
        assert letter_counts(chr(code)) == _letter_counts_by_character(chr(code)), hex(code)
