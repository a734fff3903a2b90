"""The public Python API: read, align, check. The CLI is a thin layer over these."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from xcheck._version import __version__
from xcheck.errors import InputError
from xcheck.io import FileBytes
from xcheck.load import ReadOptions, read_bilingual, read_document, read_pair
from xcheck.model import (
    Alignment,
    Bead,
    Document,
    Lang,
    MachineTranslation,
    Report,
    Severity,
)
from xcheck.settings import AlignSettings, Settings
from xcheck.validation import validate

if TYPE_CHECKING:
    from xcheck.lexicon.words import WordEvidence, ZhWords


def _options(settings: Settings) -> ReadOptions:
    return ReadOptions(settings.encoding, settings.presegmented, settings.max_bytes,
                       settings.max_sentences, settings.input_format)


def _prepare(settings: Settings) -> None:
    """Every setting checked (xcheck.validation), then the process-wide resources a setting
    asks for (a jieba user dictionary)."""
    validate(settings)
    if settings.user_dict:
        from xcheck.segmentation import load_user_dict

        load_user_dict(settings.user_dict, settings.max_bytes)


def read_inputs(zh: str | Path, en: str | Path | None,
                settings: Settings = Settings()) -> tuple[Document, Document]:
    """Two files (Chinese, English), or one bilingual file when ``en`` is None."""
    _prepare(settings)
    if en is None:
        return read_bilingual(zh, _options(settings))
    return read_pair(zh, en, _options(settings))


def segment(path: str | Path, lang: Lang | None = None,
            settings: Settings = Settings()) -> Document:
    _prepare(settings)
    return read_document(path, lang, _options(settings))


def segment_file(path: str | Path, lang: Lang | None = None,
                 settings: Settings = Settings()) -> tuple[Document, ...]:
    """Segment a file: one Document, or two (Chinese, English) when ``lang`` is None and the
    file holds both languages paragraph by paragraph, like the seed article."""
    _prepare(settings)
    if lang is None:
        from xcheck.io import split_bilingual
        from xcheck.load import bilingual_from_loaded, load_input

        # (read once: a bilingual file's two documents come from what was loaded)
        loaded = load_input(path, _options(settings))
        split = split_bilingual(loaded.text) if loaded.units is None else None
        if split is None or (len(split.zh) >= 2 and len(split.en) >= 2):
            return bilingual_from_loaded(loaded, path, settings.presegmented,
                                         settings.max_sentences)
    return (read_document(path, lang, _options(settings)),)


def read_mt(path: str | Path, zh: Document, settings: Settings = Settings(),
            zh_words: ZhWords | None = None) -> MachineTranslation:
    """An English machine translation of ``zh`` mapped onto its sentences (see xcheck.mt).

    An unreadable file raises InputError; an empty, non-English or mismatched one comes back
    unused, with warnings saying why. ``zh_words``: the words of ``zh``, to segment it once."""
    from xcheck.mt import read_mt as _read_mt

    return _read_mt(path, zh, encoding=settings.encoding, max_bytes=settings.max_bytes,
                    presegmented=settings.presegmented, settings=settings.align,
                    zh_words=zh_words)


def word_evidence(zh: Document, en: Document,
                  words: WordEvidence | None = None) -> WordEvidence:
    """The pair's word evidence: ``words`` if it was made for these two documents, else new
    (each sentence is segmented once, on first use, for the aligner and the checks alike)."""
    from xcheck.lexicon.words import word_evidence as _word_evidence

    if words is not None and words.zh.doc is zh and words.en.doc is en:
        return words
    return _word_evidence(zh, en)


def align_documents(zh: Document, en: Document, settings: Settings = Settings(),
                    mt: MachineTranslation | None = None,
                    words: WordEvidence | None = None) -> Alignment:
    _prepare(settings)
    from dataclasses import replace

    from xcheck.aligner import align_documents as _align

    texts = tuple(mt.for_zh(i) for i in range(len(zh.sentences))) if mt and mt.used else None
    words = word_evidence(zh, en, words)
    if zh.source is not None and zh.source.units and zh.source is en.source:
        from xcheck.aligner.given import align_units

        # each unit is a bead
        alignment = align_units(zh, en, settings.align, mt=texts, words=words)
    else:
        alignment = _align(zh, en, settings.align, mt=texts, words=words)
    return replace(alignment, mt=mt) if mt is not None else alignment


def align(zh: str | Path, en: str | Path | None = None,
          settings: Settings = Settings(), mt: str | Path | None = None) -> Alignment:
    zh_doc, en_doc = read_inputs(zh, en, settings)
    words = word_evidence(zh_doc, en_doc)
    translation = read_mt(mt, zh_doc, settings, words.zh) if mt is not None else None
    return align_documents(zh_doc, en_doc, settings, translation, words)


def alignment_warnings(alignment: Alignment) -> list[str]:
    """What a reader of an alignment should be told: unrelated texts, a bad MT file."""
    from xcheck.checks.document import unrelated, unrelated_threshold

    out = list(alignment.mt.warnings) if alignment.mt is not None else []
    if unrelated(alignment):
        out.append(f"the two texts look unrelated (document similarity {alignment.score:.3f}; "
                   f"the threshold is {unrelated_threshold(alignment):.2f}); the beads are "
                   "not trustworthy")
    return out


def mt_settings(mt: MachineTranslation | None,
                weight: float = AlignSettings().mt_weight) -> dict[str, object]:
    """What the settings record about MT evidence (only when an MT was given)."""
    from xcheck.lexicon.chrf import signature

    if mt is None:
        return {}
    return {"mt": {"used": mt.used, "mode": mt.mode, "metric": "chrF++",
                   "sacrebleu": signature(), "weight": weight}}


def settings_dict(settings: Settings, glossary: tuple[tuple[str, str], ...] = (),
                  mt: MachineTranslation | None = None) -> dict[str, object]:
    from xcheck.checks import available

    out: dict[str, object] = asdict(settings)
    for key in ("user_dict", "source", "input_format"):
        if out.get(key) is None:
            out.pop(key, None)  # only when set, so default reports keep their shape
    out.pop("max_sentences", None)  # a ceiling: it refuses input, never changes a report
    rules = out.pop("rules", ())
    if rules:  # only when set, so default reports keep their exact shape
        out["rules"] = dict(settings.rules)
    out.pop("checks", None)
    out["checks"] = available()
    # The checks' thresholds (key "thresholds": "checks" already lists the checks that ran).
    out["thresholds"] = asdict(settings.checks)
    out["glossary_terms"] = len(glossary)
    out.update(mt_settings(mt, settings.align.mt_weight))
    out["xcheck"] = __version__
    return out


def check_documents(zh: Document, en: Document, settings: Settings = Settings(),
                    glossary: tuple[tuple[str, str], ...] = (),
                    mt: MachineTranslation | None = None,
                    words: WordEvidence | None = None) -> Report:
    """Align and check two documents; ``words``: their word evidence, if already made (the
    aligner and the checks share it, so each sentence is segmented once)."""
    from xcheck.checks import run_checks
    from xcheck.checks.context import Context

    words = word_evidence(zh, en, words)
    alignment = align_documents(zh, en, settings, mt, words)
    sdict = settings_dict(settings, glossary, mt)
    warnings = tuple(mt.warnings) if mt is not None else ()
    overrides = {k: Severity(v) for k, v in settings.rules if v != "off"}
    disabled = [k for k, v in settings.rules if v == "off"]
    # (The document check, same-language and unrelated-articles, runs first: when it finds
    # anything, that is the only finding; see xcheck/checks/document.py.)
    findings = run_checks(Context(alignment, glossary, settings.checks, words),
                          severity_overrides=overrides, disabled=disabled)
    if settings.source:
        from dataclasses import replace

        from xcheck.checks.rules import directional

        findings = [replace(f, message=directional(f, settings.source)) for f in findings]
    return Report(alignment, tuple(findings), sdict, warnings=warnings)


def check(zh: str | Path, en: str | Path | None = None, settings: Settings = Settings(),
          glossary: tuple[tuple[str, str], ...] = (), mt: str | Path | None = None) -> Report:
    """Check a Chinese article against its English version (or one bilingual file);
    ``mt`` is an optional English machine translation of the Chinese, used as evidence."""
    zh_doc, en_doc = read_inputs(zh, en, settings)
    words = word_evidence(zh_doc, en_doc)
    translation = read_mt(mt, zh_doc, settings, words.zh) if mt is not None else None
    return check_documents(zh_doc, en_doc, settings, glossary, translation, words)


def check_bytes(zh: FileBytes, en: FileBytes | None = None, settings: Settings = Settings(),
                glossary: tuple[tuple[str, str], ...] = (),
                mt: FileBytes | None = None) -> Report:
    """``check`` on files already read (their bytes, and the paths reports name): the same
    report, without reading the inputs from the file system (a cluster worker's case)."""
    from xcheck.io import decode, display_name, refuse_over
    from xcheck.load import bilingual_from_loaded, load_bytes, pair_from_loaded
    from xcheck.mt import mt_from_text

    _prepare(settings)
    options = _options(settings)
    if en is None:
        zh_doc, en_doc = bilingual_from_loaded(load_bytes(zh.data, zh.path, options), zh.path,
                                               settings.presegmented, settings.max_sentences)
    else:
        zh_doc, en_doc = pair_from_loaded(load_bytes(zh.data, zh.path, options),
                                          load_bytes(en.data, en.path, options), zh.path,
                                          en.path, settings.presegmented,
                                          settings.max_sentences)
    translation = None
    if mt is not None:  # as read_mt reads it: plain text, an empty file is unused
        refuse_over(mt.data, display_name(mt.path), settings.max_bytes)
        text = decode(mt.data, display_name(mt.path), settings.encoding)
        translation = mt_from_text(text if text.strip() else "", zh_doc, path=mt.path,
                                   presegmented=settings.presegmented, settings=settings.align)
    return check_documents(zh_doc, en_doc, settings, glossary, translation)


def documents_from_text(zh: str, en: str | None = None,
                        settings: Settings = Settings()) -> tuple[Document, Document]:
    """Two strings (Chinese, English), or one bilingual string when ``en`` is None."""
    from xcheck.load import bilingual_from_text, document_from_text, guess_lang

    _prepare(settings)
    if en is None:
        return bilingual_from_text(zh, presegmented=settings.presegmented)
    # As for two files: two texts in one language give the document-level finding.
    same = guess_lang(zh) is not None and guess_lang(zh) is guess_lang(en)
    return (document_from_text(zh, Lang.ZH, presegmented=settings.presegmented,
                               check_lang=not same),
            document_from_text(en, Lang.EN, presegmented=settings.presegmented,
                               check_lang=not same))


def check_text(zh: str, en: str | None = None, settings: Settings = Settings(),
               glossary: tuple[tuple[str, str], ...] = (), mt: str | None = None) -> Report:
    """Check two strings, the Chinese article and its English version (or one bilingual
    string when ``en`` is None); ``mt`` is the text of an English machine translation of the
    Chinese. Offsets in the report point into these strings."""
    zh_doc, en_doc = documents_from_text(zh, en, settings)
    translation = None
    if mt is not None:
        from xcheck.mt import mt_from_text

        translation = mt_from_text(mt, zh_doc, presegmented=settings.presegmented,
                                   settings=settings.align)
    return check_documents(zh_doc, en_doc, settings, glossary, translation)


__all__ = ["Bead", "FileBytes", "InputError", "align", "check", "check_bytes",
           "check_documents", "check_text", "read_inputs", "segment"]
