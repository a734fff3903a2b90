"""From paths (or strings) to segmented Documents: one file, a pair, or a bilingual file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xcheck.errors import InputError
from xcheck.io import DEFAULT_MAX_BYTES, letter_counts, lines, read_text, split_bilingual
from xcheck.model import Document, Lang
from xcheck.segmentation import build_document


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None
    presegmented: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def guess_lang(text: str) -> Lang | None:
    han, latin, other = letter_counts(text)
    if han == 0 and latin == 0:
        return None
    if other > 0.2 * (han + other):
        return None  # Japanese or Korean
    return Lang.ZH if han * 4 >= latin else Lang.EN


def _expect(text: str, lang: Lang, name: str) -> None:
    han, latin, other = letter_counts(text)
    if lang is Lang.ZH:
        if han + other == 0:
            raise InputError(
                f"{name}: expected Chinese but found no Chinese characters "
                "(were the two files swapped?)"
            )
        if other > 0.2 * (han + other):
            raise InputError(f"{name}: looks like Japanese or Korean, not Chinese")
        if han * 4 < latin:
            raise InputError(
                f"{name}: expected Chinese but it is mostly Latin script "
                "(were the two files swapped?)"
            )
    else:
        if latin == 0:
            raise InputError(f"{name}: expected English but found no Latin letters")
        if han > latin:
            raise InputError(
                f"{name}: expected English but it is mostly Chinese (were the two files swapped?)"
            )


def document_from_text(text: str, lang: Lang, *, path: str | None = None,
                       presegmented: bool = False, check_lang: bool = True) -> Document:
    if not text.strip():
        raise InputError(f"{path or '<text>'}: is empty")
    if check_lang:
        _expect(text, lang, path or "<text>")
    return build_document(text, lang, path=path, presegmented=presegmented)


def read_document(path: str | Path, lang: Lang | None = None,
                  options: ReadOptions = ReadOptions()) -> Document:
    text = read_text(path, options.encoding, options.max_bytes)
    if lang is None:
        lang = guess_lang(text)
        if lang is None:
            raise InputError(f"{path}: cannot tell whether it is Chinese or English; use --lang")
    return document_from_text(text, lang, path=str(path), presegmented=options.presegmented,
                              check_lang=False)


def read_pair(zh_path: str | Path, en_path: str | Path,
              options: ReadOptions = ReadOptions()) -> tuple[Document, Document]:
    zh_text = read_text(zh_path, options.encoding, options.max_bytes)
    en_text = read_text(en_path, options.encoding, options.max_bytes)
    return pair_from_texts(zh_text, en_text, str(zh_path), str(en_path), options.presegmented)


def pair_from_texts(zh_text: str, en_text: str, zh_name: str, en_name: str,
                    presegmented: bool = False) -> tuple[Document, Document]:
    """The Chinese and English documents of two texts read by ``read_text`` or uploaded."""
    # Two files in one language are read as given: checking them yields one document-level
    # finding. Swapped files, or Japanese given as Chinese, are refused below.
    same = guess_lang(zh_text) is not None and guess_lang(zh_text) is guess_lang(en_text)
    zh = document_from_text(zh_text, Lang.ZH, path=zh_name, presegmented=presegmented,
                            check_lang=not same)
    en = document_from_text(en_text, Lang.EN, path=en_name, presegmented=presegmented,
                            check_lang=not same)
    return zh, en


def bilingual_from_text(text: str, *, path: str | None = None,
                        presegmented: bool = False) -> tuple[Document, Document]:
    split = split_bilingual(text)
    name = path or "<text>"
    if not split.zh:
        raise InputError(f"{name}: found no Chinese paragraphs in a one-file article")
    if not split.en:
        raise InputError(f"{name}: found no English paragraphs in a one-file article")
    zh = build_document(text, Lang.ZH, split.zh, path=path, presegmented=presegmented,
                        ignored=split.ignored)
    en = build_document(text, Lang.EN, split.en, path=path, presegmented=presegmented,
                        ignored=split.ignored)
    return zh, en


def read_bilingual(path: str | Path,
                   options: ReadOptions = ReadOptions()) -> tuple[Document, Document]:
    text = read_text(path, options.encoding, options.max_bytes)
    return bilingual_from_text(text, path=str(path), presegmented=options.presegmented)


__all__ = [
    "ReadOptions",
    "bilingual_from_text",
    "document_from_text",
    "guess_lang",
    "lines",
    "pair_from_texts",
    "read_bilingual",
    "read_document",
    "read_pair",
]
