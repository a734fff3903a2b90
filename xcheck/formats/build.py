"""Building the checked text of a structured file, piece by piece, with its source offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from xcheck.errors import EmptyInputError
from xcheck.io import Line, decode
from xcheck.model import SourceMap


@dataclass(frozen=True)
class ArticleText:
    """One article read from a structured file: the checked text (a line per paragraph)."""

    text: str
    source: SourceMap


def decoded(data: bytes, name: str, encoding: str | None) -> str:
    text = decode(data, name, encoding)
    if not text.strip():
        raise EmptyInputError(f"{name}: is empty")
    return text


def article(fmt: str, built: TextBuilder, source: str, name: str) -> ArticleText:
    text = built.text()
    if not text.strip():
        raise EmptyInputError(f"{name}: no article text found in this {fmt} file")
    return ArticleText(text, SourceMap(fmt, source, tuple(built.pieces)))


@dataclass
class TextBuilder:
    """Appends text copied (or decoded) from the original and records where it came from.

    Each paragraph becomes one line of the checked text (xcheck reads a line as a
    paragraph); line breaks inside a paragraph become spaces.
    """

    parts: list[str] = field(default_factory=list)
    pieces: list[tuple[int, int, int, int]] = field(default_factory=list)
    length: int = 0
    line_start: int = 0
    line_number: int = 1
    line_part: int = 0  # index in ``parts`` where the current line starts
    pending_space: bool = False

    def add(self, text: str, src_start: int, src_end: int) -> None:
        """``text`` stands for the original's ``[src_start, src_end)``: copied verbatim when
        the lengths are equal (mapped character by character), else decoded (an entity)."""
        if not text:
            return
        text = text.replace("\n", " ").replace("\r", " ")
        if self.pending_space and self.length > self.line_start and not text[0].isspace():
            self._raw(" ")
        self.pending_space = False
        self.pieces.append((self.length, self.length + len(text), src_start, src_end))
        self._raw(text)

    def space(self) -> None:
        """A word break the original has only implicitly (a ``<br>`` inside a table cell)."""
        self.pending_space = True

    def _raw(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def at_line_start(self) -> bool:
        return self.length == self.line_start

    def break_paragraph(self) -> None:
        self.pending_space = False
        if not self.at_line_start():
            self._raw("\n")
            self.line_start = self.length
            self.line_part = len(self.parts)
            self.line_number += 1

    def current_line(self) -> Line | None:
        """The current (last) line as a region, if it holds any non-space text."""
        text = "".join(self.parts[self.line_part:])
        stripped = text.strip()
        if not stripped:
            return None
        lead = len(text) - len(text.lstrip())
        return Line(self.line_number, self.line_start + lead,
                    self.line_start + lead + len(stripped))

    def text(self) -> str:
        return "".join(self.parts)


def line_offsets(text: str) -> list[int]:
    """Offset of the first character of each line (1-based line k starts at index k-1)."""
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
