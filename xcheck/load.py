"""From paths (or strings) to segmented Documents: one file, a pair, or a bilingual file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xcheck.errors import InputError, LimitError
from xcheck.io import DEFAULT_MAX_BYTES, letter_counts, lines, read_text, split_bilingual
from xcheck.limits import shown
from xcheck.model import Document, Lang
from xcheck.segmentation import build_document

DEFAULT_MAX_SENTENCES = 10_000


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None
    presegmented: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_sentences: int = DEFAULT_MAX_SENTENCES


def _over(name: str, count: int, noun: str, limit: int) -> LimitError:
    return LimitError(f"{name}: {count:,} {noun} is over the limit of {limit:,} sentences "
                      "per side; raise it with --max-sentences or max_sentences in the "
                      "settings")


def check_lines(text: str, name: str, limit: int, count: int | None = None) -> None:
    """Refuse a text before segmenting it when its non-blank lines alone (each is at least
    one sentence) are over ``limit``."""
    if count is None:
        if text.count("\n") < limit:  # cheap: fewer lines than the limit in all
            return
        count = len(lines(text))
    if count > limit:
        raise _over(name, count, "non-blank lines", limit)


def check_sentences(doc: Document, limit: int) -> Document:
    if len(doc.sentences) > limit:
        raise _over(doc.path or "<text>", len(doc.sentences), "sentences", limit)
    return doc


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
    check_lines(text, shown(path), options.max_sentences)
    if lang is None:
        lang = guess_lang(text)
        if lang is None:
            raise InputError(f"{shown(path)}: cannot tell whether it is Chinese or English; "
                             "use --lang")
    return check_sentences(document_from_text(text, lang, path=shown(path),
                                              presegmented=options.presegmented,
                                              check_lang=False), options.max_sentences)


def read_pair(zh_path: str | Path, en_path: str | Path,
              options: ReadOptions = ReadOptions()) -> tuple[Document, Document]:
    zh_text = read_text(zh_path, options.encoding, options.max_bytes)
    check_lines(zh_text, shown(zh_path), options.max_sentences)
    en_text = read_text(en_path, options.encoding, options.max_bytes)
    check_lines(en_text, shown(en_path), options.max_sentences)
    # Two files in one language are read as given: checking them yields one document-level
    # finding. Swapped files, or Japanese given as Chinese, are refused below.
    same = guess_lang(zh_text) is not None and guess_lang(zh_text) is guess_lang(en_text)
    zh = document_from_text(zh_text, Lang.ZH, path=shown(zh_path),
                            presegmented=options.presegmented, check_lang=not same)
    check_sentences(zh, options.max_sentences)
    en = document_from_text(en_text, Lang.EN, path=shown(en_path),
                            presegmented=options.presegmented, check_lang=not same)
    return zh, check_sentences(en, options.max_sentences)


def bilingual_from_text(text: str, *, path: str | None = None, presegmented: bool = False,
                        max_sentences: int | None = None) -> tuple[Document, Document]:
    split = split_bilingual(text)
    name = path or "<text>"
    if max_sentences is not None:
        check_lines(text, f"{name} (Chinese)", max_sentences, len(split.zh))
        check_lines(text, f"{name} (English)", max_sentences, len(split.en))
    if not split.zh:
        raise InputError(f"{name}: found no Chinese paragraphs in a one-file article")
    if not split.en:
        raise InputError(f"{name}: found no English paragraphs in a one-file article")
    zh = build_document(text, Lang.ZH, split.zh, path=path, presegmented=presegmented,
                        ignored=split.ignored)
    en = build_document(text, Lang.EN, split.en, path=path, presegmented=presegmented,
                        ignored=split.ignored)
    if max_sentences is not None:
        check_sentences(zh, max_sentences)
        check_sentences(en, max_sentences)
    return zh, en


def read_bilingual(path: str | Path,
                   options: ReadOptions = ReadOptions()) -> tuple[Document, Document]:
    text = read_text(path, options.encoding, options.max_bytes)
    return bilingual_from_text(text, path=shown(path), presegmented=options.presegmented,
                               max_sentences=options.max_sentences)


__all__ = [
    "ReadOptions",
    "bilingual_from_text",
    "document_from_text",
    "guess_lang",
    "lines",
    "read_bilingual",
    "read_document",
    "read_pair",
]
