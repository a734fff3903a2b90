"""Plain-text report: findings most important first, each with its two sentences."""

from __future__ import annotations

from xcheck.model import Document, Finding, Report, Span
from xcheck.report import register


def _mark(doc: Document, index: int, spans: tuple[Span, ...]) -> str:
    s = doc.sentences[index]
    out = []
    pos = s.start
    for sp in sorted(spans, key=lambda x: x.start):
        if sp.start < s.start or sp.end > s.end:
            continue
        out.append(doc.text[pos : sp.start] + "[[" + doc.text[sp.start : sp.end] + "]]")
        pos = sp.end
    out.append(doc.text[pos : s.end])
    return "".join(out)


def finding_text(report: Report, f: Finding) -> list[str]:
    al = report.alignment
    lines = [f"{f.severity.value.upper():7} {f.category.value}/{f.type.value} [{f.rule}] "
             f"{f.fingerprint}", f"  {f.message}"]
    if f.evidence:
        lines.append(f"  evidence: {f.evidence}")
    if f.type.value != "document":
        for i in f.zh.sentences[:3]:
            lines.append(f"  zh[{i}] {_mark(al.zh, i, f.zh.spans)}")
        for j in f.en.sentences[:3]:
            lines.append(f"  en[{j}] {_mark(al.en, j, f.en.spans)}")
    return lines


def signature(report: Report) -> str:
    s = report.settings
    a = s.get("align", {})
    parts = [f"xcheck {s.get('xcheck', '')}"]
    if isinstance(a, dict):
        parts += [f"{k}={v}" for k, v in a.items()]
    parts += [f"presegmented={s.get('presegmented')}", f"glossary={s.get('glossary_terms')}"]
    return "|".join(parts)


@register("text")
def render_text(report: Report) -> str:
    al = report.alignment
    summary = report.summary()
    head = [
        f"zh: {al.zh.path or '<text>'} ({al.zh.script.value}, {len(al.zh.sentences)} sentences)"
        f"   en: {al.en.path or '<text>'} ({len(al.en.sentences)} sentences)",
        f"document similarity {al.score:.2f}; {len(al.beads)} beads; "
        f"{summary['error']} errors, {summary['warning']} warnings, {summary['info']} info"
        + (f"; {report.suppressed} suppressed" if report.suppressed else ""),
        "",
    ]
    if al.zh.ignored:
        head.insert(2, "ignored lines: " + ", ".join(f"{li.line}: {li.text!r}"
                                                     for li in al.zh.ignored))
    body: list[str] = []
    for f in report.findings:
        body += finding_text(report, f)
        body.append("")
    return "\n".join([*head, *body, signature(report)]) + "\n"
