"""The data model: frozen dataclasses whose offsets point into the original text.

Every offset is a half-open character index into ``Document.text`` (the input as
Python reads it: decoded, BOM removed, line endings normalised to ``\\n``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property


class Lang(str, Enum):
    ZH = "zh"
    EN = "en"


class Script(str, Enum):
    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    LATIN = "latin"


class Category(str, Enum):
    ZH_ONLY = "zh_only"
    EN_ONLY = "en_only"
    OMISSION = "omission"
    ADDITION = "addition"
    MISMATCH = "mismatch"
    DOCUMENT = "document"


class FindingType(str, Enum):
    SENTENCE = "sentence"
    NUMBER = "number"
    NAME = "name"
    DATE_TIME = "date_time"
    QUOTE = "quote"
    TERM = "term"
    CONTENT = "content"
    DOCUMENT = "document"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    norm: str  # Simplified form for Chinese, lowercase for English


@dataclass(frozen=True)
class IgnoredLine:
    """A line of a bilingual file that belongs to neither language (kept, reported)."""

    line: int  # 1-based line number in the input
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Unit:
    """One translation unit of a bilingual file (XLIFF, TMX): a given bead.

    ``zh``/``en`` are the unit's spans of the checked text (empty spans: no text);
    ``problem`` says what is wrong with its target ("" when nothing)."""

    id: str
    zh: Span
    en: Span
    problem: str = ""


@dataclass(frozen=True)
class SourceMap:
    """Where the checked text (``Document.text``) came from, for inputs that are not plain
    text: HTML, Markdown, DOCX, XLIFF, TMX (xcheck.formats).

    ``text`` is the original file as read (decoded, BOM removed, newlines normalised; for
    DOCX the body's paragraphs, one per line). ``pieces`` are ``(text_start, text_end,
    source_start, source_end)``, sorted and disjoint: a piece of equal lengths maps
    character by character (copied text), any other (an entity, ``&amp;`` -> ``&``) as a
    whole. Characters of the checked text in no piece (paragraph breaks) map nowhere.
    """

    format: str
    text: str
    pieces: tuple[tuple[int, int, int, int], ...]
    units: tuple[Unit, ...] = ()
    languages: tuple[str, str] = ("", "")  # (zh, en) as the file names them, bilingual only

    @cached_property
    def _starts(self) -> list[int]:
        return [p[0] for p in self.pieces]

    @cached_property
    def _unit_starts(self) -> list[int]:
        return [min(u.zh.start, u.en.start) for u in self.units]

    def _piece(self, offset: int) -> int:
        """Index of the last piece starting at or before ``offset`` (0 if none)."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The original's half-open span for the checked text's ``[start, end)``."""
        if not self.pieces:
            return start, end
        a = self.pieces[self._piece(start)]
        if a[0] <= start < a[1]:
            s = a[2] + (start - a[0]) if a[1] - a[0] == a[3] - a[2] else a[2]
        else:
            s = a[3] if start >= a[1] else a[2]
        if end <= start:
            return s, s
        b = self.pieces[self._piece(end - 1)]
        if b[0] < end <= b[1]:
            e = b[2] + (end - b[0]) if b[1] - b[0] == b[3] - b[2] else b[3]
        else:
            e = b[3] if end > b[1] else b[2]
        return s, max(s, e)

    def unit_at(self, offset: int) -> Unit | None:
        """The unit whose source or target holds checked-text ``offset``."""
        k = bisect.bisect_right(self._unit_starts, offset) - 1
        if k < 0:
            return None
        u = self.units[k]
        return u if offset < max(u.zh.end, u.en.end) else None


@dataclass(frozen=True)
class Document:
    text: str
    lang: Lang
    script: Script
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    path: str | None = None
    # Simplified copy of ``text`` (same length, so offsets map 1:1); ``text`` for English.
    norm_text: str = ""
    ignored: tuple[IgnoredLine, ...] = ()
    # Set when the input was not plain text (HTML, Markdown, DOCX, XLIFF, TMX): offsets of
    # ``text`` map back into the original file through it.
    source: SourceMap | None = None


@dataclass(frozen=True)
class Bead:
    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float = 0.0
    # chrF++ of the bead's English against the machine translation of its Chinese (0-1),
    # when an MT was given and the bead has both sides.
    mt_chrf: float | None = None

    @property
    def similarity(self) -> float:
        """What an editor sorts by: chrF++ against the MT if there is one, else ``score``."""
        return self.score if self.mt_chrf is None else self.mt_chrf

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.zh), len(self.en))


@dataclass(frozen=True)
class MachineTranslation:
    """An English machine translation of the Chinese, mapped onto its sentences (xcheck.mt)."""

    text: str
    path: str | None
    mode: str  # "lines" or "text"
    # Per Chinese sentence: the spans of ``text`` that translate it (empty: no MT for it).
    parts: tuple[tuple[Span, ...], ...]
    warnings: tuple[str, ...] = ()
    similarity: float = 0.0  # document-level similarity of the MT to the Chinese

    @property
    def used(self) -> bool:
        return any(self.parts)

    def for_zh(self, index: int) -> str:
        if index >= len(self.parts):
            return ""
        return " ".join(self.text[s.start : s.end].strip() for s in self.parts[index])

    def for_bead(self, bead: Bead) -> str:
        return " ".join(t for t in (self.for_zh(i) for i in bead.zh) if t)


@dataclass(frozen=True)
class Alignment:
    zh: Document
    en: Document
    beads: tuple[Bead, ...]
    score: float = 0.0  # document-level similarity in [0, 1]
    settings: tuple[tuple[str, object], ...] = ()
    mt: MachineTranslation | None = None


@dataclass(frozen=True)
class Side:
    sentences: tuple[int, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Finding:
    rule: str
    category: Category
    type: FindingType
    severity: Severity
    zh: Side
    en: Side
    message: str
    fingerprint: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class Suppression:
    """One entry of a baseline file: a finding's fingerprint and why it is accepted."""

    fingerprint: str
    rule: str = ""
    reason: str = "baseline"
    message: str = ""


@dataclass(frozen=True)
class Report:
    alignment: Alignment
    findings: tuple[Finding, ...]
    settings: dict[str, object] = field(default_factory=dict)
    suppressed: int = 0
    warnings: tuple[str, ...] = ()  # about the inputs (a malformed MT file): not findings
    # The findings a baseline suppressed, each with its entry (SARIF keeps them, marked).
    suppressions: tuple[tuple[Finding, Suppression], ...] = ()
    # Baseline entries that matched no finding: fixed, or the text they pointed at changed.
    stale: tuple[Suppression, ...] = ()

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts
