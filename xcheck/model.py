"""The data model: frozen dataclasses whose offsets point into the original text.

Every offset is a half-open character index into ``Document.text`` (the input as
Python reads it: decoded, BOM removed, line endings normalised to ``\\n``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


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
