"""HTML articles (CMS exports): the article body's text, block elements as paragraphs.

Read with the standard library's ``html.parser``: it is tolerant of broken markup (as
browsers are) and reports the position of every tag, text run and character reference,
which is what maps the checked text back to the file. The body is the ``<article>`` element
(else ``<main>``, else ``<body>``); scripts, styles, navigation, headers, footers, asides,
forms and the ``<head>`` are left out.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from xcheck.formats.build import ArticleText, TextBuilder, article, decoded, line_offsets

# Elements whose content is not article text.
SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript",
                  "template", "svg", "math", "form", "button", "select", "textarea", "head",
                  "title", "iframe", "object", "canvas"})
# Elements that start and end a paragraph.
BLOCK = frozenset({"p", "div", "section", "article", "main", "body", "h1", "h2", "h3", "h4",
                   "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
                   "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
                   "figure", "figcaption", "hr", "br", "address", "details", "summary",
                   "center", "fieldset", "legend", "hgroup", "picture", "video", "audio"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                  "param", "source", "track", "wbr"})
BODY_ORDER = ("article", "main", "body")


class _Events(HTMLParser):
    """Records (kind, tag-or-text, source start, source end) events with offsets."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = line_offsets(source)
        self.events: list[tuple[str, str, int, int]] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, self._pos(), 0))
        if tag in VOID:
            self.events.append(("end", tag, self._pos(), 0))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, self._pos(), 0))
        self.events.append(("end", tag, self._pos(), 0))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.events.append(("end", tag, self._pos(), 0))

    def handle_data(self, data: str) -> None:
        # Data runs are the source text itself (references arrive separately).
        start = self._pos()
        self.events.append(("text", data, start, start + len(data)))

    def _ref(self, raw_prefix: str, name: str) -> None:
        start = self._pos()
        raw = raw_prefix + name
        end = start + len(raw)
        if self.source.startswith(";", end):
            end += 1
        text = html.unescape(self.source[start:end])
        self.events.append(("text", text, start, end))

    def handle_entityref(self, name: str) -> None:
        self._ref("&", name)

    def handle_charref(self, name: str) -> None:
        self._ref("&#", name)


def _body_range(events: list[tuple[str, str, int, int]]) -> tuple[int, int]:
    """Event indices of the article body: the first <article>, else <main>, else <body>,
    else everything."""
    for tag in BODY_ORDER:
        depth = 0
        start = -1
        for k, (kind, name, _, _) in enumerate(events):
            if name != tag or kind == "text":
                continue
            if kind == "start":
                if depth == 0 and start < 0:
                    start = k
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0:
                    return start, k + 1
        if start >= 0:
            return start, len(events)
    return 0, len(events)


def extract_html(source: str) -> TextBuilder:
    parser = _Events(source)
    parser.feed(source)
    parser.close()
    events = parser.events
    lo, hi = _body_range(events)
    out = TextBuilder()
    skipping: list[str] = []
    for kind, name, start, end in events[lo:hi]:
        if kind == "start":
            if skipping or name in SKIP:
                if name not in VOID:
                    skipping.append(name)
                continue
            if name in BLOCK:
                out.break_paragraph()
        elif kind == "end":
            if skipping:
                if name in skipping:  # close up to the matching open element
                    while skipping and skipping.pop() != name:
                        pass
                continue
            if name in BLOCK:
                out.break_paragraph()
        elif not skipping:
            if name.isspace() and out.at_line_start():
                continue
            out.add(name, start, end)
    out.break_paragraph()
    return out


def read(data: bytes, name: str, encoding: str | None, max_bytes: int) -> ArticleText:
    source = decoded(data, name, encoding)
    return article("html", extract_html(source), source, name)
