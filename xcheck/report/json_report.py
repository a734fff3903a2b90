"""JSON output per CONTRACT.md (segmentation, alignment and check reports)."""

from __future__ import annotations

import json
from typing import Any

from xcheck._version import __version__ as VERSION
from xcheck.model import Alignment, Bead, Document, Finding, MachineTranslation, Report
from xcheck.report import RenderOptions, register


def document_dict(doc: Document, words: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"path": doc.path, "lang": doc.lang.value}
    if doc.lang.value == "zh":
        out["script"] = doc.script.value
    sentences = []
    for s in doc.sentences:
        item: dict[str, Any] = {"index": s.index, "start": s.start, "end": s.end,
                                "paragraph": s.paragraph}
        if words:
            from xcheck.segmentation import words as word_tokens

            item["words"] = [[w.start, w.end] for w in word_tokens(doc, s)]
        sentences.append(item)
    out["sentences"] = sentences
    out["paragraphs"] = [{"index": p.index, "start": p.start, "end": p.end}
                         for p in doc.paragraphs]
    if doc.ignored:
        out["ignored"] = [{"line": li.line, "start": li.start, "end": li.end, "text": li.text}
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


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "category": f.category.value,
        "type": f.type.value,
        "severity": f.severity.value,
        "zh": {"sentences": list(f.zh.sentences), "spans": [[s.start, s.end] for s in f.zh.spans]},
        "en": {"sentences": list(f.en.sentences), "spans": [[s.start, s.end] for s in f.en.spans]},
        "message": f.message,
        "evidence": f.evidence,
        "fingerprint": f.fingerprint,
    }


def report_dict(report: Report) -> dict[str, Any]:
    al = report.alignment
    return {
        "xcheck": VERSION,
        "settings": report.settings,
        "zh": document_dict(al.zh),
        "en": document_dict(al.en),
        "document_score": al.score,
        "alignment": alignment_list(al),
        "findings": [finding_dict(f) for f in report.findings],
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
