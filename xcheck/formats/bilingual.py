"""Translation units (XLIFF, TMX) -> one checked text holding both languages, unit by unit.

Each unit's Chinese and English become a line each (Chinese first), so a unit is a given
bead; its offsets map back into the XML file. A target in the wrong language is kept out
of the article and reported (xcheck.checks.units); an empty one leaves its sentences
without counterpart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xcheck.errors import InputError
from xcheck.formats.build import TextBuilder
from xcheck.formats.xmltree import Element, Text
from xcheck.io import Line, classify_line
from xcheck.model import Lang, SourceMap, Span, Unit

EMPTY_TARGET = "empty target"
WRONG_LANGUAGE = "wrong language"
EMPTY_SOURCE = "empty source"


@dataclass(frozen=True)
class RawUnit:
    id: str
    source: tuple[Text, ...]  # runs of text with offsets into the file
    target: tuple[Text, ...] | None  # None: no target element at all
    line: int  # where the unit starts in the file (1-based)
    target_line: int = 0


@dataclass(frozen=True)
class BilingualText:
    text: str
    zh: tuple[Line, ...]
    en: tuple[Line, ...]
    ignored: tuple[Line, ...]
    source: SourceMap


def lang_of(tag: str | None) -> Lang | None:
    """zh, zh-TW, zh-Hant, zh_CN, cmn... -> ZH; en, en-US, en-GB -> EN; else None."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-")[0].lower()
    if primary in ("zh", "cmn", "yue", "chi", "zho"):
        return Lang.ZH
    if primary in ("en", "eng"):
        return Lang.EN
    return None


def runs(el: Element, code: frozenset[str]) -> list[Text]:
    """The text of an inline-marked segment: containers kept, code elements left out."""
    out: list[Text] = []
    for child in el.children:
        if isinstance(child, Text):
            out.append(child)
        elif child.name not in code:
            out.extend(runs(child, code))
    return out


def _add(out: TextBuilder, pieces: Iterable[Text]) -> Line | None:
    for t in pieces:
        out.add(t.text, t.start, t.end)
    line = out.current_line()
    out.break_paragraph()
    return line


def _lang_text(pieces: Sequence[Text]) -> Lang | None:
    return classify_line("".join(t.text for t in pieces))


def build_bilingual(fmt: str, source: str, units: Sequence[RawUnit], src_lang: Lang,
                    languages: tuple[str, str], name: str) -> BilingualText:
    """``languages``: the file's (source, target) language tags."""
    if not units:
        raise InputError(f"{name}: no translation units with text found")
    out = TextBuilder()
    zh: list[Line] = []
    en: list[Line] = []
    ignored: list[Line] = []
    made: list[Unit] = []
    tgt_lang = Lang.EN if src_lang is Lang.ZH else Lang.ZH
    for u in units:
        target = u.target or ()
        problem = ""
        if not "".join(t.text for t in u.source).strip():
            problem = EMPTY_SOURCE
        if not "".join(t.text for t in target).strip():
            problem = problem or EMPTY_TARGET
        elif _lang_text(target) is src_lang and _lang_text(u.source) is src_lang:
            problem = WRONG_LANGUAGE
        sides = {src_lang: u.source, tgt_lang: target}
        spans: dict[Lang, Span] = {}
        for lang in (Lang.ZH, Lang.EN):
            at = out.length
            line = _add(out, sides[lang])
            if line is None:
                spans[lang] = Span(at, at)
                continue
            spans[lang] = Span(line.start, line.end)
            if lang is tgt_lang and problem == WRONG_LANGUAGE:
                ignored.append(Line(u.target_line or u.line, line.start, line.end))
            else:
                (zh if lang is Lang.ZH else en).append(line)
        made.append(Unit(u.id, spans[Lang.ZH], spans[Lang.EN], problem))
    text = out.text()
    if not zh:
        raise InputError(f"{name}: no unit has Chinese text")
    if not en and not any(u.problem == WRONG_LANGUAGE for u in made):
        raise InputError(f"{name}: no unit has English text (nothing is translated yet)")
    zh_tag, en_tag = languages if src_lang is Lang.ZH else languages[::-1]
    smap = SourceMap(fmt, source, tuple(out.pieces), tuple(made), (zh_tag, en_tag))
    return BilingualText(text, tuple(zh), tuple(en), tuple(ignored), smap)


def direction(src_tag: str | None, tgt_tag: str | None, units: Sequence[RawUnit],
              name: str) -> Lang:
    """Which language the units' sources are in: from the file's tags, else from the text."""
    src, tgt = lang_of(src_tag), lang_of(tgt_tag)
    if src is not None and tgt is not None and src is not tgt:
        return src
    if src_tag and tgt_tag and (src is None or tgt is None):
        raise InputError(f"{name}: languages {src_tag} -> {tgt_tag}; xcheck checks Chinese "
                         "against English")
    if src is not None and src is tgt:
        raise InputError(f"{name}: source and target are both {src_tag}")
    known = src or (None if tgt is None else (Lang.EN if tgt is Lang.ZH else Lang.ZH))
    if known is not None:
        return known
    guess = classify_line(" ".join("".join(t.text for t in u.source) for u in units[:50]))
    if guess is None:
        raise InputError(f"{name}: no source or target language given and the text does "
                         "not tell")
    return guess
