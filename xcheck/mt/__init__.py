"""A machine translation of the Chinese article (``--mt FILE``), mapped onto its sentences.

The MT is either one line per Chinese sentence, or free text that is segmented and aligned
to the Chinese with xcheck's own aligner (an MT follows the Chinese closely, so this is
easy). Each Chinese sentence gets the parts of the MT text that translate it, as half-open
spans into the MT text; an MT sentence shared by several Chinese sentences is cut between
them at clause punctuation. Problems with the file (empty, not English, wrong number of
lines, not a translation of this article) are warnings: the check then runs on the other
evidence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from xcheck.errors import InputError
from xcheck.model import Document, Lang, MachineTranslation, Span
from xcheck.settings import AlignSettings

if TYPE_CHECKING:
    from xcheck.lexicon.words import ZhWords

MODE_LINES = "lines"
# An MT follows the Chinese sentence by sentence: a merge must be well supported (an unrelated
# MT sentence must stay on its own, to be reported, not be absorbed by its neighbour). The
# MT is aligned with the user's AlignSettings, this merge penalty replacing theirs.
MT_MERGE_PENALTY = 1.5
MODE_TEXT = "text"
# Cut points for an MT sentence shared by several Chinese sentences, best first.
_CUTS = (re.compile(r"[;:](?=\s)"), re.compile(r",(?=\s)"), re.compile(r"\s"))


def unused(text: str, path: str | None, zh: Document, *warnings: str) -> MachineTranslation:
    return MachineTranslation(text, path, MODE_TEXT, tuple(() for _ in zh.sentences),
                              tuple(warnings))


def _split_semicolons(doc: Document) -> list[tuple[int, int]]:
    """MT sentences, also split after '; ' (the Chinese segmenter splits at '；')."""
    out: list[tuple[int, int]] = []
    for s in doc.sentences:
        start = s.start
        for m in re.finditer(r";\s+", s.text):
            cut = s.start + m.start() + 1
            out.append((start, cut))
            start = s.start + m.end()
        out.append((start, s.end))
    return out


def _cut(text: str, region: list[tuple[int, int]], weights: list[int]) -> list[list[Span]]:
    """Cut the MT region (spans, in order) into len(weights) parts, proportionally to the
    Chinese sentences' lengths, at the best punctuation near each proportional point."""
    flat = [(s, e) for s, e in region if e > s]
    total = sum(e - s for s, e in flat) or 1

    def offset_at(pos: int) -> int:  # virtual position -> text offset
        for s, e in flat:
            if pos <= e - s:
                return s + pos
            pos -= e - s
        return flat[-1][1] if flat else 0

    # Candidate cut offsets: the region's own sentence boundaries, then punctuation, spaces.
    candidates: list[tuple[int, int]] = [(s, 0) for s, _ in flat[1:]]
    for rank, pattern in enumerate(_CUTS, start=1):
        for s, e in flat:
            candidates += [(m.end(), rank) for m in pattern.finditer(text, s, e)]
    cuts: list[int] = []
    done = 0
    wsum = sum(weights) or 1
    for w in weights[:-1]:
        done += w
        target = offset_at(round(total * done / wsum))
        later = [(c, r) for c, r in candidates if not cuts or c > cuts[-1]]
        if not later:
            cuts.append(target)
            continue
        cuts.append(min(later, key=lambda cr: abs(cr[0] - target) + cr[1] * total * 0.08)[0])
    parts: list[list[Span]] = []
    bounds = [flat[0][0] if flat else 0, *cuts, flat[-1][1] if flat else 0]
    for a, b in itertools.pairwise(bounds):
        spans = [Span(max(s, a), min(e, b)) for s, e in flat if s < b and e > a]
        parts.append([sp for sp in spans if text[sp.start : sp.end].strip()])
    return parts


def mt_align_settings(settings: AlignSettings) -> AlignSettings:
    """The settings the MT is aligned to the Chinese with: the user's, with the MT's
    merge penalty."""
    return replace(settings, merge_penalty=MT_MERGE_PENALTY)


def map_sentences(text: str, zh: Document, mt_sentences: list[tuple[int, int]],
                  settings: AlignSettings = AlignSettings(), zh_words: ZhWords | None = None,
                  ) -> tuple[tuple[tuple[Span, ...], ...], list[str], float, bool]:
    """Align MT sentences (offsets into ``text``) to the Chinese sentences, monotonically:
    (each Chinese sentence's MT spans, warnings, similarity, whether it is one for one).
    ``zh_words``: the Chinese words of ``zh``, when the caller checks with them too."""
    from xcheck.aligner import align_documents
    from xcheck.lexicon.words import EnWords, WordEvidence, ZhWords
    from xcheck.model import Paragraph, Script, Sentence

    doc = Document(text, Lang.EN, Script.LATIN, (Paragraph(0, 0, len(text)),),
                   tuple(Sentence(k, s, e, 0, text[s:e]) for k, (s, e) in
                         enumerate(mt_sentences)), norm_text=text)
    # Paragraphs of the MT need not match the Chinese ones: align as one stream.
    flat_zh = Document(zh.text, zh.lang, zh.script, (Paragraph(0, 0, len(zh.text)),),
                       tuple(Sentence(s.index, s.start, s.end, 0, s.text)
                             for s in zh.sentences), zh.path, zh.norm_text)
    # flat_zh has zh's text and sentences, so zh's words (offsets into that text) serve it.
    words = WordEvidence(zh_words if zh_words is not None and zh_words.doc is zh
                         else ZhWords(flat_zh), EnWords(doc))
    alignment = align_documents(flat_zh, doc, mt_align_settings(settings), words=words)
    parts: list[tuple[Span, ...]] = [() for _ in zh.sentences]
    extra: list[int] = []
    for bead in alignment.beads:
        region = [mt_sentences[k] for k in bead.en]
        if not bead.zh:
            extra += list(bead.en)
        elif len(bead.zh) == 1:
            parts[bead.zh[0]] = tuple(Span(s, e) for s, e in region)
        elif bead.en:
            weights = [len(zh.sentences[i].text) for i in bead.zh]
            for i, spans in zip(bead.zh, _cut(text, region, weights), strict=True):
                parts[i] = tuple(spans)
    warnings = []
    missing = [i for i, p in enumerate(parts) if not p]
    if missing:
        warnings.append(f"{_count(len(missing), 'Chinese sentence')} {_have(len(missing))} no "
                        f"machine translation ({_list(missing)}); "
                        f"{'it is' if len(missing) == 1 else 'they are'} checked without it")
    if extra:
        warnings.append(f"{_count(len(extra), 'machine-translated sentence')} "
                        f"{_have(len(extra))} no Chinese counterpart ({_list(extra)}) and "
                        f"{'is' if len(extra) == 1 else 'are'} ignored")
    diagonal = all(b.zh == b.en and len(b.zh) == 1 for b in alignment.beads)
    return tuple(parts), warnings, alignment.score, diagonal


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def _list(indices: list[int]) -> str:
    shown = ", ".join(str(i) for i in indices[:8]) + (", ..." if len(indices) > 8 else "")
    return ("sentence " if len(indices) == 1 else "sentences ") + shown


def mt_from_text(text: str, zh: Document, *, path: str | None = None,
                 presegmented: bool = False,
                 settings: AlignSettings = AlignSettings(),
                 zh_words: ZhWords | None = None) -> MachineTranslation:
    """Map an MT text onto the Chinese sentences (aligned with ``settings``, the user's
    AlignSettings, whose unrelated_threshold also decides whether the MT is used); see the
    module docstring. ``zh_words``: the Chinese words of ``zh``, when already made."""
    from xcheck.io import lines
    from xcheck.load import guess_lang
    from xcheck.segmentation import build_document

    name = path or "<mt>"
    if not text.strip():
        return unused(text, path, zh, f"the machine translation {name} is empty; "
                                      "checked without it")
    lang = guess_lang(text)
    if lang is not Lang.EN:
        what = "Chinese" if lang is Lang.ZH else "neither Chinese nor English"
        return unused(text, path, zh, f"the machine translation {name} reads as {what}, not "
                                      "English; checked without it")
    if not zh.sentences:
        return unused(text, path, zh)
    threshold = settings.unrelated_threshold
    rows = [(li.start, li.end) for li in lines(text)]
    warnings: list[str] = []
    if len(rows) == len(zh.sentences) and (presegmented or len(rows) > 1):
        parts, more, score, diagonal = map_sentences(text, zh, rows, settings, zh_words)
        if diagonal and score >= threshold:
            return MachineTranslation(text, path, MODE_LINES,
                                      tuple((Span(s, e),) for s, e in rows), (), round(score, 4))
        if score >= threshold:
            # The right number of lines, but not in step with the Chinese (a line missing
            # and another added): the alignment of the lines is used.
            warnings.append(f"the lines of the machine translation {name} do not follow the "
                            "Chinese sentences one for one; they were aligned to the Chinese")
            return MachineTranslation(text, path, MODE_TEXT, parts, (*warnings, *more),
                                      round(score, 4))
    elif presegmented:
        warnings.append(f"the machine translation {name} has {_count(len(rows), 'line')} for "
                        f"{_count(len(zh.sentences), 'Chinese sentence')}; it was split into "
                        "sentences and aligned to the Chinese instead")
    try:
        sentences = _split_semicolons(build_document(text, Lang.EN, path=path))
    except InputError as e:
        return unused(text, path, zh, *warnings, f"the machine translation {name} cannot be "
                                                 f"split into sentences ({e}); checked without it")
    parts, more, score, _ = map_sentences(text, zh, sentences, settings, zh_words)
    if score < threshold and len(zh.sentences) >= 3:
        return unused(text, path, zh, *warnings,
                      f"the machine translation {name} does not look like a translation of "
                      f"the Chinese (similarity {score:.3f}); checked without it")
    return MachineTranslation(text, path, MODE_TEXT, parts, (*warnings, *more), round(score, 4))


def read_mt(path: str | Path, zh: Document, *, encoding: str | None = None,
            max_bytes: int | None = None, presegmented: bool = False,
            settings: AlignSettings = AlignSettings(),
            zh_words: ZhWords | None = None) -> MachineTranslation:
    """Read an MT file (unreadable: InputError; malformed: a MachineTranslation with
    warnings and no parts)."""
    from xcheck.errors import EmptyInputError
    from xcheck.io import read_text
    from xcheck.limits import shown

    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    try:
        text = read_text(path, encoding, **kwargs)
    except EmptyInputError:
        text = ""
    return mt_from_text(text, zh, path=shown(path), presegmented=presegmented,
                        settings=settings, zh_words=zh_words)
