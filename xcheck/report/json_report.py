"""JSON output per CONTRACT.md (segmentation, alignment and check reports)."""

from __future__ import annotations

import json
from typing import Any

from xcheck._version import __version__ as VERSION
from xcheck.model import (
    Alignment,
    Bead,
    Document,
    Finding,
    MachineTranslation,
    Report,
    Side,
    Span,
)
from xcheck.report import RenderOptions, register


def span_list(doc: Document | None, start: int, end: int) -> list[int]:
    """``[start, end]`` in the input file as given: through the document's source map when
    it was read from HTML, Markdown, DOCX, XLIFF or TMX (xcheck.formats)."""
    if doc is not None and doc.source is not None:
        return list(doc.source.to_source(start, end))
    return [start, end]


def document_dict(doc: Document, words: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"path": doc.path, "lang": doc.lang.value}
    if doc.lang.value == "zh":
        out["script"] = doc.script.value
    src = doc.source
    if src is not None:
        out["format"] = src.format
        if src.units:
            out["language"] = src.languages[0 if doc.lang.value == "zh" else 1]
    sentences = []
    for s in doc.sentences:
        start, end = span_list(doc, s.start, s.end)
        item: dict[str, Any] = {"index": s.index, "start": start, "end": end,
                                "paragraph": s.paragraph}
        if src is not None and src.units:
            unit = src.unit_at(s.start)
            item["unit"] = unit.id if unit is not None else None
        if words:
            from xcheck.segmentation import words as word_tokens

            item["words"] = [span_list(doc, w.start, w.end) for w in word_tokens(doc, s)]
        sentences.append(item)
    out["sentences"] = sentences
    out["paragraphs"] = [{"index": p.index, "start": span_list(doc, p.start, p.end)[0],
                          "end": span_list(doc, p.start, p.end)[1]} for p in doc.paragraphs]
    if doc.ignored:
        out["ignored"] = [{"line": li.line, "start": span_list(doc, li.start, li.end)[0],
                           "end": span_list(doc, li.start, li.end)[1], "text": li.text}
                          for li in doc.ignored]
    return out


def similarity_source(bead: Bead) -> str:
    return "chrf_mt" if bead.mt_chrf is not None else "lexical"


def alignment_list(alignment: Alignment) -> list[dict[str, Any]]:
    """Beads; ``similarity`` is chrF++ against the MT when there is one, else ``score``."""
    return [{"zh": list(b.zh), "en": list(b.en), "score": b.score,
             "similarity": b.similarity, "similarity_source": similarity_source(b)}
            for b in alignment.beads]


def mt_dict(mt: MachineTranslation) -> dict[str, Any]:
    """The MT file and, per Chinese sentence, the spans of it that translate the sentence."""
    return {"path": mt.path, "mode": mt.mode, "used": mt.used, "similarity": mt.similarity,
            "sentences": [{"zh": i, "spans": [[sp.start, sp.end] for sp in parts]}
                          for i, parts in enumerate(mt.parts)]}


def _spans(doc: Document | None, spans: tuple[Span, ...]) -> list[list[int]]:
    return [span_list(doc, s.start, s.end) for s in spans]


def finding_units(f: Finding, zh: Document, en: Document) -> list[str]:
    """The translation units a finding concerns (bilingual files), in order."""
    out: list[str] = []
    for doc, side in ((zh, f.zh), (en, f.en)):
        if doc.source is None or not doc.source.units:
            continue
        offsets = [doc.sentences[i].start for i in side.sentences if i < len(doc.sentences)]
        offsets += [sp.start for sp in side.spans]
        for o in offsets:
            unit = doc.source.unit_at(o)
            if unit is not None and unit.id not in out:
                out.append(unit.id)
    return out


def finding_dict(f: Finding, zh: Document | None = None,
                 en: Document | None = None) -> dict[str, Any]:
    """A finding; with its documents, spans are offsets into the files as given."""
    def side(doc: Document | None, s: Side) -> dict[str, Any]:
        return {"sentences": list(s.sentences), "spans": _spans(doc, s.spans)}

    out: dict[str, Any] = {
        "rule": f.rule,
        "category": f.category.value,
        "type": f.type.value,
        "severity": f.severity.value,
        "zh": side(zh, f.zh),
        "en": side(en, f.en),
        "message": f.message,
        "evidence": f.evidence,
        "fingerprint": f.fingerprint,
    }
    if zh is not None and en is not None and zh.source is not None and zh.source.units:
        out["units"] = finding_units(f, zh, en)
    return out


def report_dict(report: Report) -> dict[str, Any]:
    al = report.alignment
    return {
        "xcheck": VERSION,
        "settings": report.settings,
        "zh": document_dict(al.zh),
        "en": document_dict(al.en),
        "document_score": al.score,
        "alignment": alignment_list(al),
        "findings": [finding_dict(f, al.zh, al.en) for f in report.findings],
        "summary": report.summary(),
        "suppressed": report.suppressed,
        "warnings": list(report.warnings),
        **({"mt": mt_dict(al.mt)} if al.mt is not None else {}),
        **({"stale_suppressions": [
            {"fingerprint": s.fingerprint, "rule": s.rule, "reason": s.reason,
             "message": s.message} for s in report.stale]} if report.stale else {}),
    }


def _with_id(report: Report, options: RenderOptions) -> dict[str, Any]:
    data = report_dict(report)
    if options.id is not None:
        data = {"id": options.id, **data}
    return data


@register("json")
def render_json(report: Report, options: RenderOptions = RenderOptions()) -> str:
    return json.dumps(_with_id(report, options), ensure_ascii=False, indent=2) + "\n"


@register("jsonl")
def render_jsonl(report: Report, options: RenderOptions = RenderOptions()) -> str:
    """One line per report (``xcheck corpus`` adds the pair's ``id``)."""
    return json.dumps(_with_id(report, options), ensure_ascii=False,
                      separators=(",", ":")) + "\n"
