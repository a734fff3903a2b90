"""Helpers shared by the renderers: locations (line/column), spans within sentences."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from xcheck.model import Document, Finding, FindingType, Report, Severity, Span

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("zh_only", "en_only", "mismatch", "addition", "omission", "document")


class LineIndex:
    """Offsets into ``Document.text`` -> 1-based line and column (code points)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1


@dataclass(frozen=True)
class Location:
    side: str  # "zh" or "en"
    path: str
    start: int
    end: int
    start_line: int
    start_col: int
    end_line: int
    end_col: int  # exclusive (the column just after the last character)
    text: str


def _loc(doc: Document, side: str, start: int, end: int, index: LineIndex) -> Location:
    """A span of ``doc.text`` as a region of the input file: through the source map for
    HTML, Markdown, DOCX, XLIFF and TMX (the snippet stays the checked text, no markup)."""
    text = doc.text[start:end]
    if doc.source is not None:
        start, end = doc.source.to_source(start, end)
    sl, sc = index.line_col(start)
    el, ec = index.line_col(end)
    return Location(side, doc.path or "<text>", start, end, sl, sc, el, ec, text)


def file_text(doc: Document) -> str:
    """The input file's text that locations point into."""
    return doc.source.text if doc.source is not None else doc.text


class Locator:
    """Where a finding is, in the input files, per side; the English side comes first."""

    def __init__(self, report: Report) -> None:
        al = report.alignment
        self.docs = {"zh": al.zh, "en": al.en}
        zh_text, en_text = file_text(al.zh), file_text(al.en)
        self.index = {"zh": LineIndex(zh_text)}
        self.index["en"] = (self.index["zh"] if en_text is zh_text or en_text == zh_text
                            else LineIndex(en_text))

    def locations(self, f: Finding) -> list[Location]:
        """The spans (English first, then Chinese); without spans, the first sentences."""
        out: list[Location] = []
        sides = (("en", f.en), ("zh", f.zh))
        for name, side in sides:
            out += [_loc(self.docs[name], name, sp.start, sp.end, self.index[name])
                    for sp in side.spans]
        if out:
            return out
        for name, side in sides:
            doc = self.docs[name]
            first = [i for i in side.sentences if i < len(doc.sentences)][:1]
            if f.type is FindingType.DOCUMENT or not first:
                first = [0] if doc.sentences and f.type is FindingType.DOCUMENT else first
            for i in first:
                s = doc.sentences[i]
                out.append(_loc(doc, name, s.start, s.end, self.index[name]))
        return out


def pieces(doc: Document, index: int,
           marks: list[tuple[Span, str]]) -> list[tuple[str, list[str]]]:
    """Split sentence ``index`` into runs of text, each with the ids of the marks covering it."""
    s = doc.sentences[index]
    inside = [(max(sp.start, s.start), min(sp.end, s.end), key) for sp, key in marks
              if sp.start < s.end and sp.end > s.start]
    cuts = sorted({s.start, s.end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    out: list[tuple[str, list[str]]] = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        keys = [k for x, y, k in inside if x <= a and b <= y]
        out.append((doc.text[a:b], keys))
    return out


def at_or_above(report: Report, threshold: str) -> list[Finding]:
    if threshold == "never":
        return []
    rank = Severity(threshold).rank
    return [f for f in report.findings if f.severity.rank >= rank]


def one_line(text: str) -> str:
    return " ".join(text.split())
