"""Markdown articles: the text of headings, paragraphs, list items, quotes and table cells.

Parsed with markdown-it-py (CommonMark, tables on; already installed with rich): its block
tokens carry source line maps, and each inline text run is found in those lines, through
backslash escapes and entities, so offsets point at the file's own characters. Link targets,
image addresses (and their alt text), inline HTML tags, code blocks, raw HTML blocks, a
YAML front matter and paragraphs that are only a link or an address ("[Read more](...)")
are left out.
"""

from __future__ import annotations

import html
import re
from typing import Any

from xcheck.formats.build import ArticleText, TextBuilder, article, decoded, line_offsets

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_FRONT = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Runs kept as article text; everything else inside an inline token is markup or addresses.
_TEXT_TOKENS = frozenset({"text", "code_inline"})


def _match_at(src: str, p: int, content: str,
              limit: int) -> tuple[list[tuple[int, int, int, int]], int] | None:
    """Match ``content`` in ``src`` from ``p``: pieces (content start, end, src start, end)."""
    pieces: list[tuple[int, int, int, int]] = []
    i = 0
    while i < len(content):
        if p >= limit:
            return None
        c = content[i]
        m = _ENTITY.match(src, p, limit) if src[p] == "&" else None
        decoded = html.unescape(m.group()) if m else ""
        if m and decoded and content.startswith(decoded, i):  # before "&" as itself
            pieces.append((i, i + len(decoded), p, m.end()))
            p, i = m.end(), i + len(decoded)
        elif src[p] == c:
            pieces.append((i, i + 1, p, p + 1))
            p, i = p + 1, i + 1
        elif src[p] == "\\" and p + 1 < limit and src[p + 1] == c:
            pieces.append((i, i + 1, p, p + 2))
            p, i = p + 2, i + 1
        else:
            return None
    return pieces, p


def _find(src: str, cursor: int, content: str,
          limit: int) -> tuple[list[tuple[int, int, int, int]], int] | None:
    first = content[0]
    p = cursor
    while p < limit:
        c = src[p]
        if c == first or c in "\\&":
            found = _match_at(src, p, content, limit)
            if found is not None:
                return found
        p += 1
    return None


def _add_matched(out: TextBuilder, content: str,
                 pieces: list[tuple[int, int, int, int]]) -> None:
    """Copy runs of one-to-one pieces as one piece each (smaller maps)."""
    k = 0
    while k < len(pieces):
        a, b, s, e = pieces[k]
        if b - a == e - s:
            j = k
            while j + 1 < len(pieces) and pieces[j + 1][0] == pieces[j][1] \
                    and pieces[j + 1][2] == pieces[j][3] \
                    and pieces[j + 1][1] - pieces[j + 1][0] == pieces[j + 1][3] - pieces[j + 1][2]:
                j += 1
            b, e = pieces[j][1], pieces[j][3]
            k = j + 1
        else:
            k += 1
        out.add(content[a:b], s, e)


def _inline(out: TextBuilder, src: str, token: Any, lines: list[int]) -> None:
    l0, l1 = token.map
    cursor = lines[l0]
    limit = lines[l1] if l1 < len(lines) else len(src)
    for child in token.children or ():
        if child.type == "image":
            continue  # the address and its alt text are not article text
        if child.type in ("softbreak", "hardbreak"):
            out.space()
            continue
        if child.type not in _TEXT_TOKENS or not child.content:
            continue
        found = _find(src, cursor, child.content, limit)
        if found is None:  # not located (should not happen): map it to the rest of the block
            out.add(child.content, cursor, limit)
            continue
        pieces, cursor = found
        _add_matched(out, child.content, pieces)


_BARE_URL = re.compile(r"\A<?(?:https?|ftp)://\S+>?\Z|\A<?www\.\S+>?\Z")


def link_only(token: Any) -> bool:
    """A paragraph that is nothing but one link or a bare address ("[Read more](...)",
    "<https://...>"): navigation, not article text (a CMS export's "source" line)."""
    kids = [c for c in token.children or ()
            if not (c.type in ("softbreak", "hardbreak") or (c.type == "text"
                                                             and not c.content.strip()))]
    if kids and kids[0].type == "link_open" and kids[-1].type == "link_close" \
            and sum(c.type == "link_open" for c in kids) == 1:
        return True
    return len(kids) == 1 and kids[0].type == "text" \
        and bool(_BARE_URL.match(kids[0].content.strip()))


def extract_markdown(source: str) -> TextBuilder:
    from markdown_it import MarkdownIt

    # A front matter becomes blank lines of the same length, so offsets stay the same.
    front = _FRONT.match(source)
    parsed = source
    if front:
        parsed = re.sub(r"[^\n]", " ", front.group()) + source[front.end():]
    md = MarkdownIt("commonmark").enable("table")
    lines = line_offsets(parsed)
    out = TextBuilder()
    tokens = md.parse(parsed)
    for k, token in enumerate(tokens):
        in_paragraph = k > 0 and tokens[k - 1].type == "paragraph_open"
        if in_paragraph and link_only(token):
            continue
        if token.type == "inline" and token.map is not None:
            out.break_paragraph()
            _inline(out, parsed, token, lines)
            out.break_paragraph()
    out.break_paragraph()
    return out


def read(data: bytes, name: str, encoding: str | None, max_bytes: int) -> ArticleText:
    source = decoded(data, name, encoding)
    return article("markdown", extract_markdown(source), source, name)
