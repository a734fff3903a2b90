"""Text report: findings most important first, each with its two sentences, spans marked.

``render_text`` is plain (``[[span]]`` marks); ``print_rich`` writes the same report to a
terminal with colours and highlighted spans (the CLI uses it when stdout is a TTY and
``NO_COLOR`` is not set).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xcheck.model import Document, Finding, Report, Span
from xcheck.report import RenderOptions, register
from xcheck.report.inert import inert
from xcheck.settings import SIGNATURE_ALIGN, AlignSettings, CheckSettings, changed, digest

if TYPE_CHECKING:
    from rich.console import Console


def _mark(doc: Document, index: int, spans: tuple[Span, ...]) -> str:
    s = doc.sentences[index]
    out = []
    pos = s.start
    for sp in sorted(spans, key=lambda x: x.start):
        if sp.start < pos or sp.end > s.end:
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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def signature(report: Report) -> str:
    """One line recording every setting behind the report."""
    s = report.settings
    a = s.get("align", {})
    parts = [f"xcheck {s.get('xcheck', '')}"]
    if isinstance(a, dict):
        # The classic align settings always; the aligner's other constants, like the checks'
        # thresholds, only where they differ from the defaults (and as a digest, below).
        extra = changed(a, AlignSettings())
        parts += [f"{k}={v}" for k, v in a.items() if k in SIGNATURE_ALIGN or k in extra]
    parts += [f"presegmented={s.get('presegmented')}", f"glossary={s.get('glossary_terms')}"]
    for key in ("encoding", "max_bytes", "user_dict"):
        if key in s:
            parts.append(f"{key}={s[key]}")
    mt = s.get("mt")
    if isinstance(mt, dict):
        parts.append(f"mt={'chrF++' if mt.get('used') else 'unused'}:{mt.get('mode')}:"
                     f"w{mt.get('weight')}:{mt.get('sacrebleu')}")
    rules = s.get("rules")
    if isinstance(rules, dict) and rules:
        parts.append("rules=" + ",".join(f"{k}:{v}" for k, v in sorted(rules.items())))
    thresholds = s.get("thresholds")
    if isinstance(thresholds, dict):
        more = changed(thresholds, CheckSettings())
        hidden = {k: v for k, v in a.items() if k not in SIGNATURE_ALIGN} \
            if isinstance(a, dict) else {}
        parts.append(f"thresholds={digest(hidden, thresholds)}"
                     + "".join(f",{k}:{v}" for k, v in sorted(more.items())))
    return "|".join(parts)


def header(report: Report) -> list[str]:
    al = report.alignment
    summary = report.summary()
    head = [
        f"zh: {al.zh.path or '<text>'} ({al.zh.script.value}, {len(al.zh.sentences)} sentences)"
        f"   en: {al.en.path or '<text>'} ({len(al.en.sentences)} sentences)",
        f"document similarity {al.score:.2f}; {len(al.beads)} beads; "
        f"{_count(summary['error'], 'error')}, {_count(summary['warning'], 'warning')}, "
        f"{summary['info']} info"
        + (f"; {report.suppressed} suppressed" if report.suppressed else ""),
    ]
    if al.zh.ignored:
        head.append("ignored lines: " + ", ".join(f"{li.line}: {li.text!r}"
                                                  for li in al.zh.ignored))
    if al.mt is not None:
        state = (f"{al.mt.mode}, similarity {al.mt.similarity:.2f}" if al.mt.used
                 else "not used")
        head.append(f"machine translation: {al.mt.path or '<mt>'} ({state})")
    head += [f"warning: {w}" for w in report.warnings]
    head += stale_lines(report)
    return head


def stale_lines(report: Report) -> list[str]:
    """The baseline entries that matched no finding (fixed, or their text changed)."""
    if not report.stale:
        return []
    n = len(report.stale)
    return [f"{n} stale baseline entr{'y' if n == 1 else 'ies'} (no finding matches; "
            "--update-baseline drops them):"] + [
        f"  {s.fingerprint} [{s.rule or '?'}] {s.message} (reason: {s.reason})"
        for s in report.stale]


LEAST_SIMILAR = 5  # beads listed by the text report, least similar first


def least_similar(report: Report, limit: int = LEAST_SIMILAR) -> list[str]:
    """The beads whose two sides are least alike (chrF++ against the MT, else lexical)."""
    al = report.alignment
    beads = sorted((b for b in al.beads if b.zh and b.en), key=lambda b: b.similarity)[:limit]
    if not beads:
        return []
    source = "chrF++ against the machine translation" if any(
        b.mt_chrf is not None for b in beads) else "lexical similarity"
    lines = [f"Least similar beads ({source}):"]
    for b in beads:
        lines.append(f"  {b.similarity:.2f}  zh{list(b.zh)} en{list(b.en)}  "
                     f"{_clip(' '.join(al.en.sentences[j].text for j in b.en))}")
    return lines


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@register("text")
def render_text(report: Report, options: RenderOptions = RenderOptions()) -> str:
    body: list[str] = []
    for f in report.findings:
        body += finding_text(report, f)
        body.append("")
    tail = least_similar(report)
    return inert("\n".join([*header(report), "", *body, *tail, *([""] if tail else []),
                            signature(report)]) + "\n")


_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}


def _rich_sentence(doc: Document, index: int, spans: tuple[Span, ...], style: str) -> Any:
    from rich.text import Text

    from xcheck.report.common import pieces

    out = Text()
    for text, keys in pieces(doc, index, [(sp, "x") for sp in spans]):
        out.append(inert(text), style=f"{style} reverse" if keys else None)
    return out


def print_rich(report: Report, console: Console) -> None:
    """The text report for a terminal: colours, spans highlighted, sentences wrapped."""
    from rich.text import Text

    al = report.alignment
    for line in header(report):
        console.print(Text(inert(line), style="bold"))
    console.print()
    for f in report.findings:
        style = _STYLE[f.severity.value]
        head = Text()
        head.append(f"{f.severity.value.upper():7} ", style=style)
        head.append(f"{f.category.value}/{f.type.value} ", style="bold")
        head.append(f"[{f.rule}] {f.fingerprint}", style="dim")
        console.print(head)
        console.print(Text(inert("  " + f.message)))
        if f.evidence:
            console.print(Text(inert(f"  evidence: {f.evidence}"), style="dim"))
        if f.type.value != "document":
            for label, doc, side in (("zh", al.zh, f.zh), ("en", al.en, f.en)):
                for i in side.sentences[:3]:
                    row = Text(f"  {label}[{i}] ", style="dim")
                    row.append_text(_rich_sentence(doc, i, side.spans, style))
                    console.print(row)
        console.print()
    tail = least_similar(report)
    for line in tail:
        console.print(Text(inert(line), style="bold" if line is tail[0] else ""))
    if tail:
        console.print()
    console.print(Text(inert(signature(report)), style="dim"))
