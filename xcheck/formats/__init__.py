"""Input formats: plain text, HTML, Markdown, DOCX (articles) and XLIFF, TMX (bilingual).

A plain registry: each format names the module whose ``read(data, name, encoding,
max_bytes)`` turns the file's bytes into the checked text plus a ``SourceMap`` back into
the original (modules are imported on first use: ``import xcheck`` stays light). The
format is chosen by ``--input-format``, else by the file's extension, else by its content.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from xcheck.errors import InputError
from xcheck.formats.bilingual import BilingualText
from xcheck.formats.build import ArticleText
from xcheck.io import Line, decode

# format -> (module whose ``read`` reads it, kind): "article" (one language, an
# ArticleText) or "bilingual" (translation units, a BilingualText).
READERS: dict[str, tuple[str, str]] = {
    "html": ("xcheck.formats.html", "article"),
    "markdown": ("xcheck.formats.markdown", "article"),
    "docx": ("xcheck.formats.docx", "article"),
    "xliff": ("xcheck.formats.xliff", "bilingual"),
    "tmx": ("xcheck.formats.tmx", "bilingual"),
}
FORMATS = ("auto", "text", *READERS)
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".docx": "docx",
    ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mqxliff": "xliff",
    ".tmx": "tmx",
}


def sniff(data: bytes) -> str:
    """The format by content: a ZIP is a DOCX, XML roots and HTML documents by their tags."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    try:
        head = decode(data[:4096], "head").lstrip("\ufeff \t\n").lower()
    except InputError:
        return "text"
    if head.startswith("<"):
        if "<xliff" in head:
            return "xliff"
        if "<tmx" in head:
            return "tmx"
        if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head:
            return "html"
    return "text"


def detect(path: str | Path, data: bytes, forced: str | None = None) -> str:
    if forced and forced != "auto":
        if forced not in FORMATS:
            raise InputError(f"unknown input format {forced!r} (one of {', '.join(FORMATS)})")
        return forced
    ext = Path(str(path)).suffix.lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return sniff(data)


def kind(fmt: str) -> str:
    """ "text", "article" or "bilingual"."""
    return READERS[fmt][1] if fmt in READERS else "text"


def read_format(fmt: str, data: bytes, name: str, encoding: str | None,
                max_bytes: int) -> ArticleText | BilingualText:
    """Read ``data`` as ``fmt`` (a key of READERS)."""
    module = importlib.import_module(READERS[fmt][0])
    result: ArticleText | BilingualText = module.read(data, name, encoding, max_bytes)
    return result


__all__ = ["EXTENSIONS", "FORMATS", "ArticleText", "BilingualText", "Line", "detect", "kind",
           "read_format", "sniff"]
