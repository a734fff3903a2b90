"""Segmentation output: one sentence per line (blank line between paragraphs), or JSON."""

from __future__ import annotations

import json

from xcheck.model import Document
from xcheck.report.json_report import document_dict


def render_segmentation(docs: Document | tuple[Document, ...], fmt: str, words: bool) -> str:
    """One document as before; a bilingual file's two documents as {"zh": .., "en": ..} in
    JSON, or the Chinese sentences, a blank line, then the English ones."""
    if isinstance(docs, Document):
        docs = (docs,)
    if fmt == "json":
        parts = []
        for doc in docs:
            data = document_dict(doc, words=words)
            data["text_length"] = len(doc.text)
            parts.append(data)
        out = parts[0] if len(parts) == 1 else {d["lang"]: d for d in parts}
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    texts = [_lines(doc, words, ignored=(k == len(docs) - 1)) for k, doc in enumerate(docs)]
    return "\n\n".join(texts) + "\n"


def _lines(doc: Document, words: bool, ignored: bool) -> str:
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
    if ignored:
        for li in doc.ignored:
            lines.append(f"# ignored line {li.line}: {li.text}")
    return "\n".join(lines)
