"""Segmentation output: one sentence per line (blank line between paragraphs), or JSON."""

from __future__ import annotations

import json

from xcheck.model import Document
from xcheck.report.json_report import document_dict


def render_segmentation(doc: Document, fmt: str, words: bool) -> str:
    if fmt == "json":
        data = document_dict(doc, words=words)
        data["text_length"] = len(doc.text)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    lines: list[str] = []
    last = None
    for s in doc.sentences:
        if last is not None and s.paragraph != last:
            lines.append("")
        last = s.paragraph
        if words:
            from xcheck.segmentation import words as word_tokens

            lines.append(" ".join(w.text for w in word_tokens(doc, s)))
        else:
            lines.append(s.text)
    for li in doc.ignored:
        lines.append(f"# ignored line {li.line}: {li.text}")
    return "\n".join(lines) + "\n"
