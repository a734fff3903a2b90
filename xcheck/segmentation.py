"""Sentence and word segmentation, with offsets into the original text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from xcheck.errors import ConfigError, InputError, LimitError
from xcheck.io import DEFAULT_MAX_BYTES, Line, is_han, lines
from xcheck.limits import read_side_text, shown
from xcheck.model import Document, IgnoredLine, Lang, Paragraph, Script, Sentence, Word
from xcheck.resources import en_word_tokenizer, jieba_tokenizer, opencc_converter, punkt_tokenizer

_ZH_END = set("。！？；")
_HALF_END = set("!?;")
_CLOSERS = set("」』”’）)】》〉〕\"'")
_CONTINUATION = set("，,、：:")
_CJK_PUNCT = set("，。！？；：、「」『』（）《》〈〉【】〔〕“”‘’…—")

# Longest sentence the segmenter makes. A longer run without sentence punctuation (a
# 200,000-character paragraph with no full stop, a pasted table) is cut into pieces of at
# most this many characters, at a comma or a space when there is one, so that word
# segmentation, alignment and the checks stay fast. News sentences are far shorter (the
# longest in corpora/ is 344 characters), so normal text is never cut.
MAX_SENTENCE_CHARS = 1000
# With --presegmented nothing is re-split, so a longer line is refused instead.
MAX_PRESEGMENTED_CHARS = 5000
_SOFT_BREAK = set("，,、；;：:)）」』”’》〉】") | {"\u3000"}


def _cjk_context(ch: str) -> bool:
    return is_han(ch) or ch in _CJK_PUNCT


def zh_boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets where a Chinese sentence ends inside ``text[start:end]``."""
    out: list[int] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > start else ""
        is_end = (
            ch in _ZH_END
            or (ch in _HALF_END and _cjk_context(prev))
            or (ch == "…" and _cjk_context(prev))
            or (ch == "." and is_han(prev) and not (i + 1 < end and text[i + 1].isalnum()))
        )
        if not is_end:
            i += 1
            continue
        j = i + 1
        while j < end and (text[j] in _ZH_END or text[j] in _HALF_END or text[j] in "….!?"):
            j += 1
        while j < end and text[j] in _CLOSERS:
            j += 1
        k = j
        while k < end and text[k].isspace():
            k += 1
        if k < end and text[k] in _CONTINUATION:
            i = j
            continue
        if j < end:
            out.append(j)
        i = j
    return out


# Punkt runs its regular expressions under a time limit (nltk's ReDoS guard) that a whole
# paragraph of megabytes exceeds in total, so a long paragraph is given to it in chunks, cut
# after a likely sentence end.
EN_CHUNK = 50_000
# (a full stop after a lower-case word of 3+ letters or a number: not after Mr. or U.S.)
_LIKELY_END = re.compile(r"(?:[a-z]{3}|[0-9%])[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def en_boundaries(text: str, start: int, end: int) -> list[int]:
    out: list[int] = []
    pos = start
    while pos < end:
        stop = min(end, pos + EN_CHUNK)
        if stop < end:
            ends = list(_LIKELY_END.finditer(text, pos + EN_CHUNK // 2, stop))
            space = text.rfind(" ", pos + 1, stop)
            stop = ends[-1].end() if ends else (space + 1 if space > pos else stop)
        try:
            spans = punkt_tokenizer().span_tokenize(text[pos:stop])
            out += [pos + e for _, e in spans if pos + e < end]
        except TimeoutError:  # nltk's guard against pathological input
            raise LimitError("an English paragraph is too irregular to split into sentences "
                             "in time; split it into shorter paragraphs") from None
        pos = stop
    return out


def _pieces(text: str, start: int, end: int, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous pieces between cuts, trimmed of whitespace; empty pieces dropped.

    Invisible format characters (zero-width spaces, BOMs, directional marks) are trimmed
    like whitespace, so that none of them becomes a sentence of its own.
    """
    out: list[tuple[int, int]] = []
    pos = start
    for cut in [*cuts, end]:
        s, e = pos, cut
        while s < e and _blank(text[s]):
            s += 1
        while e > s and _blank(text[e - 1]):
            e -= 1
        if s < e:
            out.append((s, e))
        pos = cut
    return out


def _cap_length(text: str, start: int, end: int, limit: int) -> list[int]:
    """Cuts that break ``text[start:end]`` into pieces of at most ``limit`` characters.

    Each cut goes after the last comma-like mark or space in the second half of the window,
    else at the limit itself (moved back so that a combining mark or joiner stays with the
    character before it).
    """
    cuts: list[int] = []
    pos = start
    while end - pos > limit:
        hi = pos + limit
        lo = pos + limit // 2
        cut = next((k + 1 for k in range(hi - 1, lo - 1, -1)
                    if text[k] in _SOFT_BREAK or text[k].isspace()), 0)
        if not cut:
            cut = hi
            while cut > lo and _clings(text[cut]):
                cut -= 1
        cuts.append(cut)
        pos = cut
    return cuts


def _clings(ch: str) -> bool:
    """A character that must not start a piece (combining marks, joiners, selectors)."""
    return unicodedata.category(ch) in ("Mn", "Me", "Mc", "Cf", "Sk") or "\ufe00" <= ch <= "\ufe0f"


def _blank(ch: str) -> bool:
    return ch.isspace() or (ch > "\x7f" and unicodedata.category(ch) == "Cf")


def split_sentences(text: str, start: int, end: int, lang: Lang) -> list[tuple[int, int]]:
    cuts = zh_boundaries(text, start, end) if lang is Lang.ZH else en_boundaries(text, start, end)
    pieces = _pieces(text, start, end, cuts)
    if all(e - s <= MAX_SENTENCE_CHARS for s, e in pieces):
        return pieces
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        out.extend(_pieces(text, s, e, _cap_length(text, s, e, MAX_SENTENCE_CHARS)))
    return out


def detect_script(text: str) -> Script:
    """Traditional or Simplified, by which conversion changes more characters."""
    sample = "".join(c for c in text if is_han(c))[:20000]
    if not sample:
        return Script.SIMPLIFIED
    t2s = opencc_converter("t2s").convert(sample)
    s2t = opencc_converter("s2t").convert(sample)
    traditional = sum(a != b for a, b in zip(sample, t2s, strict=False))
    simplified = sum(a != b for a, b in zip(sample, s2t, strict=False))
    return Script.TRADITIONAL if traditional > simplified else Script.SIMPLIFIED


def simplified_copy(text: str, script: Script) -> str:
    """A Simplified copy of ``text`` with the same length, so offsets map 1:1."""
    conv = opencc_converter("tw2s" if script is Script.TRADITIONAL else "t2s")
    out: str = conv.convert(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length: fall back to converting line by line, then char by char.
    parts: list[str] = []
    for line in text.split("\n"):
        conv_line: str = conv.convert(line)
        if len(conv_line) != len(line):
            conv_line = "".join(c2 if len(c2 := conv.convert(c)) == 1 else c for c in line)
        parts.append(conv_line)
    return "\n".join(parts)


_LOADED_USER_DICTS: set[tuple[str, float]] = set()


def load_user_dict(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Add a jieba user dictionary (``word [frequency] [tag]`` per line) for names.

    It changes word segmentation for the whole process: every later Chinese word split,
    and so the aligner's and the checks' evidence, sees the words. Loading the same
    unchanged file again does nothing.
    """
    p = Path(path)
    try:
        key = (str(p.resolve()), p.stat().st_mtime)
    except FileNotFoundError:
        raise ConfigError(f"{shown(path)}: no such user dictionary") from None
    except (OSError, ValueError, RuntimeError) as e:
        raise ConfigError(f"{shown(path)}: cannot read user dictionary ({e})") from None
    if key in _LOADED_USER_DICTS:
        return
    text = read_side_text(path, max_bytes, what="user dictionary", error=ConfigError)
    path = shown(path)
    tokenizer = jieba_tokenizer()
    to_simplified = opencc_converter("t2s")
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) > 1 and not parts[1].isdigit():
            raise ConfigError(f"{path}:{number}: expected 'word [frequency] [tag]'")
        # jieba reads the Simplified copy: a Traditional entry is added in that form.
        tokenizer.add_word(to_simplified.convert(parts[0]),
                           int(parts[1]) if len(parts) > 1 else None,
                           parts[2] if len(parts) > 2 else None)
    _LOADED_USER_DICTS.add(key)


def build_document(
    text: str,
    lang: Lang,
    regions: Sequence[Line] | None = None,
    *,
    path: str | None = None,
    presegmented: bool = False,
    ignored: Sequence[Line] = (),
    script: Script | None = None,
) -> Document:
    """Segment ``text`` (or only the given line ``regions`` of it) into a Document.

    Default mode: each line is a paragraph and sentences are split inside it. Presegmented:
    each non-empty line is one sentence; blank lines separate paragraphs.
    """
    _check_unicode(text, path)
    regions = list(regions) if regions is not None else lines(text)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    if presegmented:
        prev_line = -2
        for line in regions:
            if line.number != prev_line + 1 or not paragraphs:
                paragraphs.append(Paragraph(len(paragraphs), line.start, line.end))
            else:
                last = paragraphs[-1]
                paragraphs[-1] = Paragraph(last.index, last.start, line.end)
            prev_line = line.number
            if line.end - line.start > MAX_PRESEGMENTED_CHARS:
                raise LimitError(
                    f"{path or '<text>'}: line {line.number} is {line.end - line.start:,} "
                    f"characters long, over the limit of {MAX_PRESEGMENTED_CHARS:,} for one "
                    "presegmented sentence; split it, or leave out --presegmented (long "
                    "sentences are then cut automatically)")
            sentences.append(Sentence(len(sentences), line.start, line.end,
                                      len(paragraphs) - 1, text[line.start : line.end]))
    else:
        for line in regions:
            p = len(paragraphs)
            paragraphs.append(Paragraph(p, line.start, line.end))
            for s, e in split_sentences(text, line.start, line.end, lang):
                sentences.append(Sentence(len(sentences), s, e, p, text[s:e]))
    if lang is Lang.ZH:
        script = script or detect_script(text)
        norm = simplified_copy(text, script)
    else:
        script = Script.LATIN
        norm = text
    return Document(
        text=text,
        lang=lang,
        script=script,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        path=path,
        norm_text=norm,
        ignored=tuple(IgnoredLine(li.number, li.start, li.end, text[li.start : li.end])
                      for li in ignored),
    )


def _check_unicode(text: str, path: str | None) -> None:
    """Refuse text that is not valid Unicode (lone surrogates, from the API only)."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(
            f"{path or '<text>'}: contains an unpaired surrogate U+{ord(text[e.start]):04X} at "
            f"character {e.start}; not valid Unicode text") from None


def words(doc: Document, sentence: Sentence) -> list[Word]:
    """Word tokens of one sentence (whitespace excluded), with offsets into ``doc.text``."""
    s, e = sentence.start, sentence.end
    out: list[Word] = []
    if doc.lang is Lang.ZH:
        norm = doc.norm_text[s:e]
        for tok, ts, te in jieba_tokenizer().tokenize(norm):
            if tok.isspace():
                continue
            # jieba may glue spaces to a token; trim them so words cover only non-space text.
            while ts < te and norm[ts].isspace():
                ts += 1
            while te > ts and norm[te - 1].isspace():
                te -= 1
            for ws, we in _split_on_space(norm, ts, te):
                out.append(Word(s + ws, s + we, doc.text[s + ws : s + we], norm[ws:we]))
    else:
        for ts, te in en_word_tokenizer().span_tokenize(doc.text[s:e]):
            tok = doc.text[s + ts : s + te]
            out.append(Word(s + ts, s + te, tok, tok.lower()))
    return out


def _split_on_space(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = s
    while i < e:
        while i < e and text[i].isspace():
            i += 1
        j = i
        while j < e and not text[j].isspace():
            j += 1
        if i < j:
            out.append((i, j))
        i = j
    return out
