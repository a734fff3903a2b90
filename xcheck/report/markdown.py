"""Markdown report (for pull-request comments).

Article text is inert: HTML special characters become entities, and every character Markdown
could read as syntax (links, images, emphasis, code, tables, headings) is backslash-escaped.
"""

from __future__ import annotations

import re

from xcheck.model import Document, Finding, Report, Span
from xcheck.report import RenderOptions, register
from xcheck.report.common import pieces
from xcheck.report.inert import inert_line, no_mentions
from xcheck.report.text import signature

_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:>])")
_ICON = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}


def md_escape(text: str) -> str:
    """Escape article text for Markdown: no HTML, no links, no emphasis survive."""
    text = inert_line(re.sub(r"\s+", " ", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Escaping ':' also stops autolinks (``http://``, ``javascript:``).
    return no_mentions(_SYNTAX.sub(r"\\\1", text))


def _sentence(doc: Document, index: int, spans: tuple[Span, ...]) -> str:
    out = []
    for text, keys in pieces(doc, index, [(sp, "x") for sp in spans]):
        esc = md_escape(text)
        if keys and esc.strip():
            out.append(f"<mark>{esc}</mark>")
        else:
            out.append(esc)
    return "".join(out)


def finding_markdown(report: Report, f: Finding) -> list[str]:
    al = report.alignment
    lines = [f"#### {_ICON[f.severity.value]} {f.severity.value}: {md_escape(f.message)}", "",
             f"`{f.rule}` · {f.category.value}/{f.type.value} · fingerprint `{f.fingerprint}`",
             ""]
    if f.evidence:
        lines += [f"*Evidence:* {md_escape(f.evidence)}", ""]
    if f.type.value != "document":
        for label, doc, side in (("zh", al.zh, f.zh), ("en", al.en, f.en)):
            for i in side.sentences[:3]:
                lines.append(f"> **{label}\\[{i}\\]** {_sentence(doc, i, side.spans)}  ")
        lines.append("")
    return lines


@register("markdown")
def render_markdown(report: Report, options: RenderOptions = RenderOptions()) -> str:
    al = report.alignment
    s = report.summary()
    paths = dict.fromkeys([al.zh.path or "<text>", al.en.path or "<text>"])
    title = md_escape(options.id or " ↔ ".join(paths))
    lines = [f"### xcheck: {title}", "",
             "| errors | warnings | info | suppressed | sentences (zh / en) | similarity |",
             "|---:|---:|---:|---:|---:|---:|",
             f"| {s['error']} | {s['warning']} | {s['info']} | {report.suppressed} | "
             f"{len(al.zh.sentences)} / {len(al.en.sentences)} | {al.score:.2f} |", ""]
    if not report.findings:
        lines += ["No findings.", ""]
    for f in report.findings:
        lines += finding_markdown(report, f)
    lines += [f"<sub>{md_escape(signature(report))}</sub>", ""]
    return "\n".join(lines)
