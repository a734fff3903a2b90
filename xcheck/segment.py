"""Sentence and word segmentation, with offsets into the original text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xcheck.io import Line, is_han, lines
from xcheck.model import Document, IgnoredLine, Lang, Paragraph, Script, Sentence, Word
from xcheck.resources import en_word_tokenizer, jieba_tokenizer, opencc_converter, punkt_tokenizer

_ZH_END = set("。！？；")
_HALF_END = set("!?;")
_CLOSERS = set("」』”’）)】》〉〕\"'")
_CONTINUATION = set("，,、：:")
_CJK_PUNCT = set("，。！？；：、「」『』（）《》〈〉【】〔〕“”‘’…—")


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


def en_boundaries(text: str, start: int, end: int) -> list[int]:
    spans = punkt_tokenizer().span_tokenize(text[start:end])
    return [start + e for _, e in spans if start + e < end]


def _pieces(text: str, start: int, end: int, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous pieces between cuts, trimmed of whitespace; empty pieces dropped."""
    out: list[tuple[int, int]] = []
    pos = start
    for cut in [*cuts, end]:
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos = cut
    return out


def split_sentences(text: str, start: int, end: int, lang: Lang) -> list[tuple[int, int]]:
    cuts = zh_boundaries(text, start, end) if lang is Lang.ZH else en_boundaries(text, start, end)
    return _pieces(text, start, end, cuts)


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
