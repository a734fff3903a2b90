"""DOCX articles: the body's paragraphs in order (tables included); headers, footers,
footnotes and comments are other parts of the package and stay out.

Read with python-docx (the maintained reader of WordprocessingML; it parses with lxml,
entities unresolved). A DOCX has no text file to point into, so xcheck defines one: the
body's paragraphs one per line (a paragraph's text is that of its runs, hyperlinks, tracked
insertions, smart tags and simple fields; tabs stay tabs, line breaks inside a paragraph
become spaces, deleted text stays out). The checked text is that text itself, so a report's
line is the paragraph number (1-based, every body paragraph counted, empty ones too) and
its columns are characters within the paragraph.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from xcheck.errors import EmptyInputError, InputError, LimitError
from xcheck.formats.build import ArticleText
from xcheck.model import SourceMap

# Runs whose text belongs to the paragraph (deleted runs, w:del, do not).
_RUNS = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
         " | ./w:sdt/w:sdtContent/w:r | ./w:hyperlink/w:ins/w:r")
# Uncompressed size of the main part, relative to the input limit (a ZIP bomb stops here).
EXPANSION_LIMIT = 20


def _paragraph_text(p: Any) -> str:
    text = "".join(r.text for r in p.xpath(_RUNS))
    return text.replace("\r", " ").replace("\n", " ")


def docx_text(data: bytes, name: str, max_bytes: int) -> str:
    """The DOCX's body paragraphs, one per line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise InputError(f"{name}: not a DOCX file (a ZIP archive without "
                                 "word/document.xml)")
            size = z.getinfo("word/document.xml").file_size
    except zipfile.BadZipFile:
        raise InputError(f"{name}: not a DOCX file (not a ZIP archive)") from None
    if size > EXPANSION_LIMIT * max_bytes:
        raise LimitError(f"{name}: its document part is {size:,} bytes uncompressed, over "
                         f"{EXPANSION_LIMIT} times the input limit")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError(f"{name}: reading DOCX needs python-docx: pip install "
                         "'xcheck[docx]'") from None

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        reason = " ".join(str(e).split()) or type(e).__name__
        raise InputError(f"{name}: not a DOCX file ({reason})") from None
    except SyntaxError as e:  # lxml's XMLSyntaxError: a damaged part
        raise InputError(f"{name}: damaged DOCX: {' '.join(str(e).split())}") from None
    from docx.oxml.ns import qn

    body = document.element.body
    return "\n".join(_paragraph_text(p) for p in body.iter(qn("w:p")))


def read(data: bytes, name: str, encoding: str | None, max_bytes: int) -> ArticleText:
    """(``encoding`` does not apply: a DOCX says its own.)"""
    text = docx_text(data, name, max_bytes)
    if not text.strip():
        raise EmptyInputError(f"{name}: the document has no text")
    return ArticleText(text, SourceMap("docx", text, ()))
