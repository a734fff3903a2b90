"""Reading input files: bytes -> text (encodings, BOMs, line endings) and the bilingual split.

Only this module and the CLI touch the file system for article input.
"""

from __future__ import annotations

import codecs
import re
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from xcheck.errors import EmptyInputError, InputError
from xcheck.limits import read_bytes as read_file_bytes
from xcheck.limits import shown, too_big
from xcheck.model import Lang

DEFAULT_MAX_BYTES = 20_000_000

# Characters that are frequent in any Chinese text; used to choose between GB18030 and Big5.
_COMMON_SIMPLIFIED = set("的是在一了不和有大这中人上为们个国说年会来到时地对也出就要以发")
_COMMON_TRADITIONAL = set("的是在一了不和有大這中人上為們個國說年會來到時地對也出就要以發")
_COMMON_HAN = _COMMON_SIMPLIFIED | _COMMON_TRADITIONAL


def is_han(ch: str) -> bool:
    if len(ch) != 1:
        return False
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
    )


def is_kana_or_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of most pairs is NUL for ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _plausible_utf16_chinese(data: bytes) -> str | None:
    """Chinese UTF-16 without a BOM (few NUL bytes, so ``_looks_utf16`` misses it).

    Accepted only if it decodes cleanly to text that is nearly all Han, CJK punctuation,
    full-width forms or printable ASCII, and at least 30% Han (random binary decodes to
    controls, other scripts or unpaired surrogates).
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        plain = sum(is_han(c) or c.isspace() or " " <= c <= "~" or "\u3000" <= c <= "\u303f"
                    or "\uff00" <= c <= "\uffef" or "\u2010" <= c <= "\u2027" for c in text)
        han = sum(is_han(c) for c in text)
        if len(text) >= 4 and plain >= 0.95 * len(text) and han >= 0.3 * len(text):
            return text
    return None


def _mostly_control(text: str) -> bool:
    bad = sum(unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\n\r\t"
              for c in text)
    return bad > 0.01 * max(len(text), 1)


def _han_score(text: str) -> float:
    han = [c for c in text if is_han(c)]
    if not han:
        return 0.0
    return sum(c in _COMMON_HAN for c in han) / len(han)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode ``data``; with no ``encoding``, detect BOMs, UTF-8, UTF-16, GB18030 or Big5."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except (LookupError, ValueError):
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not valid {encoding} (byte {e.start})") from None
        except LookupError:  # rot13, base64: codecs, but not bytes -> text
            raise InputError(f"{name}: {encoding!r} is not a text encoding") from None
        return normalise_newlines(text.removeprefix("\ufeff"))
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return normalise_newlines(data[len(bom) :].decode(enc))
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: invalid {enc} after its BOM (byte {e.start})") from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if not _mostly_control(text):
                return normalise_newlines(text)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        text16 = _plausible_utf16_chinese(data)
        if text16 is not None:
            return normalise_newlines(text16)
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        utf8_error = e
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_han_score(text), enc, text))
    candidates.sort(key=lambda c: -c[0])
    if candidates and candidates[0][0] > 0.05:
        return normalise_newlines(candidates[0][2])
    raise InputError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}) and not recognisably GB18030 or "
        "Big5; name the encoding with --encoding"
    )


@dataclass(frozen=True)
class FileBytes:
    """An input file's bytes, read elsewhere (by a cluster run's client), and its path as
    reports name it."""

    path: str
    data: bytes


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """One input's bytes: standard input for ``-``, else a regular file of at most
    ``max_bytes`` (a FIFO, a device or a folder is refused at once, see xcheck.limits)."""
    if str(path) == STDIN:
        return _read_stdin_bytes(max_bytes)
    return read_file_bytes(path, max_bytes)


def refuse_over(data: bytes, name: str, max_bytes: int) -> None:
    """Bytes already in memory (an upload to ``xcheck serve``) over the limit: refused with
    ``read_bytes``'s message."""
    if len(data) > max_bytes:
        raise too_big(name, f"{len(data):,}", max_bytes, "--max-bytes or max_bytes in the settings")


def display_name(path: str | Path) -> str:
    """A path as messages and reports show it (one line; bytes that are not UTF-8 escaped)."""
    return shown(path)


def message_name(path: str | Path) -> str:
    """What a one-line message calls the input: its shown path, or "standard input"."""
    return "standard input" if str(path) == STDIN else shown(path)


def read_text(path: str | Path, encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode one input file (see ``read_bytes`` for the limits)."""
    name = message_name(path)
    text = decode(read_bytes(path, max_bytes), name, encoding)
    if not text.strip():
        raise EmptyInputError(f"{name}: is empty")
    return text


STDIN = "-"  # the path that means standard input, as for most command-line tools


def _read_stdin_bytes(max_bytes: int) -> bytes:
    import sys

    try:
        data: bytes = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, AttributeError, ValueError) as e:
        raise InputError(f"standard input: cannot read ({e})") from None
    if len(data) > max_bytes:
        raise too_big("standard input", f"more than {max_bytes:,}", max_bytes,
                      "--max-bytes or max_bytes in the settings")
    return data


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int
    end: int


def lines(text: str) -> list[Line]:
    """Non-blank lines as spans (leading/trailing whitespace excluded)."""
    out: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(number, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


_HAN_CHARS = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f"  # as is_han
_KANA_HANGUL_CHARS = "\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff"  # as is_kana_or_hangul
_HAN_RUN = re.compile(f"[{_HAN_CHARS}]+")
_KANA_HANGUL_RUN = re.compile(f"[{_KANA_HANGUL_CHARS}]+")
# Not ASCII, Han, kana or hangul, nor a punctuation block (general, CJK, full-width) that
# has no letters: the characters that may be accented or full-width Latin letters.
_OTHER_LETTER = re.compile(
    f"[^\\x00-\\x7f{_HAN_CHARS}{_KANA_HANGUL_CHARS}\u2000-\u206f\u3000-\u303f\uff00-\uff20]")


def letter_counts(text: str) -> tuple[int, int, int]:
    """(Han characters, Latin letters, kana/hangul characters) in ``text``. Counted by
    regular expression runs, not character by character: whole articles are counted."""
    han = sum(m.end() - m.start() for m in _HAN_RUN.finditer(text))
    other = sum(m.end() - m.start() for m in _KANA_HANGUL_RUN.finditer(text))
    latin = sum(map(text.count, string.ascii_letters))
    for m in _OTHER_LETTER.finditer(text):  # accented and full-width Latin letters
        ch = m.group()
        if ch.isalpha() and unicodedata.name(ch, "").startswith(("LATIN", "FULLWIDTH LATIN")):
            latin += 1
    return han, latin, other


def classify_line(text: str) -> Lang | None:
    """Which language a line of a bilingual file is in, or None for neither (junk)."""
    han, latin, _ = letter_counts(text)
    if han >= 2 and han * 4 >= latin:
        return Lang.ZH
    if latin >= 3 and han * 10 <= latin:
        return Lang.EN
    return None


@dataclass(frozen=True)
class BilingualSplit:
    zh: tuple[Line, ...]
    en: tuple[Line, ...]
    ignored: tuple[Line, ...]


def split_bilingual(text: str) -> BilingualSplit:
    """Sort the lines of a one-file article into Chinese, English and neither.

    Works for Chinese-then-English, English-then-Chinese and interleaved layouts: each
    line is classified on its own.
    """
    zh: list[Line] = []
    en: list[Line] = []
    ignored: list[Line] = []
    for line in lines(text):
        lang = classify_line(text[line.start : line.end])
        (zh if lang is Lang.ZH else en if lang is Lang.EN else ignored).append(line)
    return BilingualSplit(tuple(zh), tuple(en), tuple(ignored))
