"""From paths (or strings) to segmented Documents: one file, a pair, or a bilingual file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from xcheck.errors import EmptyInputError, InputError, LimitError
from xcheck.formats import BilingualText, detect, kind, read_format
from xcheck.io import (
    DEFAULT_MAX_BYTES,
    decode,
    display_name,
    letter_counts,
    lines,
    message_name,
    read_bytes,
    refuse_over,
    split_bilingual,
)
from xcheck.model import Document, Lang, SourceMap
from xcheck.segmentation import build_document

DEFAULT_MAX_SENTENCES = 10_000


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


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None
    presegmented: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_sentences: int = DEFAULT_MAX_SENTENCES
    input_format: str | None = None  # None or "auto": by extension, then content


@dataclass(frozen=True)
class Loaded:
    """One input file as read: its format, and either the text to check (plain text or an
    article's text with its map back into the file) or translation units."""

    format: str
    text: str = ""
    source: SourceMap | None = None
    units: BilingualText | None = None


def load_input(path: str | Path, options: ReadOptions = ReadOptions()) -> Loaded:
    """Read a file in any input format (xcheck.formats): the one loading function that
    the CLI, ``corpus`` and the library share."""
    return load_bytes(read_bytes(path, options.max_bytes), path, options)


def load_bytes(data: bytes, path: str | Path, options: ReadOptions = ReadOptions()) -> Loaded:
    """An input's bytes in any input format; ``path`` names it (its extension, if any, picks
    the format). ``load_input`` after reading the file, and ``xcheck serve`` for uploads."""
    name = message_name(path)
    refuse_over(data, name, options.max_bytes)
    fmt = detect(path, data, options.input_format)
    if kind(fmt) == "text":
        text = decode(data, name, options.encoding)
        if not text.strip():
            raise EmptyInputError(f"{name}: is empty")
        return Loaded(fmt, text)
    result = read_format(fmt, data, name, options.encoding, options.max_bytes)
    if isinstance(result, BilingualText):
        return Loaded(fmt, result.text, result.source, result)
    return Loaded(fmt, result.text, result.source)


def _article(loaded: Loaded, path: str | Path) -> str:
    if loaded.units is not None:
        raise InputError(f"{display_name(path)}: is a bilingual {loaded.format} file (both "
                         "languages, unit by unit): give it alone, as the only file")
    return loaded.text


def _with_source(doc: Document, source: SourceMap | None) -> Document:
    return doc if source is None else replace(doc, source=source)


def units_documents(loaded: BilingualText, path: str | Path,
                    presegmented: bool = False) -> tuple[Document, Document]:
    """The two articles of a bilingual file; each unit is a paragraph on both sides."""
    zh = build_document(loaded.text, Lang.ZH, loaded.zh, path=display_name(path),
                        presegmented=presegmented, ignored=loaded.ignored)
    en = build_document(loaded.text, Lang.EN, loaded.en, path=display_name(path),
                        presegmented=presegmented, ignored=loaded.ignored)
    return replace(zh, source=loaded.source), replace(en, source=loaded.source)


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
    loaded = load_input(path, options)
    if loaded.units is not None:
        if lang is None:
            raise InputError(f"{display_name(path)}: is a bilingual {loaded.format} file; "
                             "name the side with --lang zh or --lang en")
        zh, en = units_documents(loaded.units, path, options.presegmented)
        return check_sentences(zh if lang is Lang.ZH else en, options.max_sentences)
    text = loaded.text
    check_lines(text, display_name(path), options.max_sentences)
    if lang is None:
        lang = guess_lang(text)
        if lang is None:
            raise InputError(f"{display_name(path)}: cannot tell whether it is Chinese or "
                             "English; use --lang")
    doc = document_from_text(text, lang, path=display_name(path),
                             presegmented=options.presegmented, check_lang=False)
    return _with_source(check_sentences(doc, options.max_sentences), loaded.source)


def read_pair(zh_path: str | Path, en_path: str | Path,
              options: ReadOptions = ReadOptions()) -> tuple[Document, Document]:
    return pair_from_loaded(load_input(zh_path, options), load_input(en_path, options),
                            zh_path, en_path, options.presegmented, options.max_sentences)


def pair_from_loaded(zh_loaded: Loaded, en_loaded: Loaded, zh_path: str | Path,
                     en_path: str | Path, presegmented: bool = False,
                     max_sentences: int = DEFAULT_MAX_SENTENCES) -> tuple[Document, Document]:
    """The Chinese and English documents of two loaded inputs (files, or uploads)."""
    zh_text, en_text = _article(zh_loaded, zh_path), _article(en_loaded, en_path)
    check_lines(zh_text, display_name(zh_path), max_sentences)
    check_lines(en_text, display_name(en_path), max_sentences)
    # Two files in one language are read as given: checking them yields one document-level
    # finding. Swapped files, or Japanese given as Chinese, are refused below.
    same = guess_lang(zh_text) is not None and guess_lang(zh_text) is guess_lang(en_text)
    zh = document_from_text(zh_text, Lang.ZH, path=display_name(zh_path),
                            presegmented=presegmented, check_lang=not same)
    check_sentences(zh, max_sentences)
    en = document_from_text(en_text, Lang.EN, path=display_name(en_path),
                            presegmented=presegmented, check_lang=not same)
    check_sentences(en, max_sentences)
    return _with_source(zh, zh_loaded.source), _with_source(en, en_loaded.source)


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
    return bilingual_from_loaded(load_input(path, options), path, options.presegmented,
                                 options.max_sentences)


def bilingual_from_loaded(loaded: Loaded, path: str | Path, presegmented: bool = False,
                          max_sentences: int = DEFAULT_MAX_SENTENCES) -> tuple[Document, Document]:
    """The two articles of one loaded input holding both languages (a file, or an upload)."""
    if loaded.units is not None:
        zh, en = units_documents(loaded.units, path, presegmented)
        return (check_sentences(zh, max_sentences),
                check_sentences(en, max_sentences))
    zh, en = bilingual_from_text(loaded.text, path=display_name(path),
                                 presegmented=presegmented,
                                 max_sentences=max_sentences)
    return _with_source(zh, loaded.source), _with_source(en, loaded.source)


__all__ = [
    "Loaded",
    "ReadOptions",
    "bilingual_from_loaded",
    "bilingual_from_text",
    "document_from_text",
    "guess_lang",
    "lines",
    "load_bytes",
    "load_input",
    "pair_from_loaded",
    "read_bilingual",
    "read_document",
    "read_pair",
]
