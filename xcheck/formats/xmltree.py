"""A safe XML reader that keeps the source offsets of every piece of text.

Built on the standard library's expat (``xml.parsers.expat``), because it reports the byte
position of each event, which lxml and ElementTree do not. It is made safe the way
defusedxml makes it: no entity declarations (no "billion laughs"), no external entities or
DTDs fetched (nothing leaves the machine); undefined entities are errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from xcheck.errors import InputError


@dataclass
class Text:
    text: str
    start: int  # character offsets into the source text
    end: int


@dataclass
class Element:
    ns: str
    name: str
    attrs: dict[str, str]
    line: int
    children: list[Element | Text] = field(default_factory=list)

    def elements(self, name: str | None = None) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)
                and (name is None or c.name == name)]

    def first(self, name: str) -> Element | None:
        found = self.elements(name)
        return found[0] if found else None

    def iter(self, name: str) -> list[Element]:
        out: list[Element] = []
        stack: list[Element] = [self]
        while stack:
            e = stack.pop()
            if e.name == name:
                out.append(e)
            stack.extend(reversed(e.elements()))
        return out

    def plain_text(self) -> str:
        return "".join(c.text if isinstance(c, Text) else c.plain_text() for c in self.children)


XML_NS = "http://www.w3.org/XML/1998/namespace"


def _attr_name(key: str) -> str:
    ns, _, local = key.rpartition(" ")
    return "xml:" + local if ns == XML_NS else local


class _Forbidden(Exception):
    pass


class _Offsets:
    """Byte offsets of the UTF-8 encoded source -> character offsets (monotone queries)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.byte = 0
        self.char = 0

    def char_at(self, byte: int) -> int:
        if byte < self.byte:  # rare: restart from the beginning
            self.byte = self.char = 0
        self.char += len(self.data[self.byte:byte].decode("utf-8", "replace"))
        self.byte = byte
        return self.char


def parse_xml(source: str, name: str) -> Element:
    """Parse ``source`` (already decoded) into Elements whose Text pieces carry offsets
    into ``source``. A malformed file raises InputError naming the line and the reason."""
    data = source.encode("utf-8")
    offsets = _Offsets(data)
    parser = expat.ParserCreate("utf-8", namespace_separator=" ")
    parser.buffer_text = False
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Element("", "#document", {}, 0)
    stack = [root]

    in_cdata = False

    def cdata(flag: bool) -> None:
        nonlocal in_cdata
        in_cdata = flag

    def forbid(*_: object) -> None:
        raise _Forbidden("entity declarations are not allowed")

    def start(tag: str, attrs: dict[str, str]) -> None:
        ns, _, local = tag.rpartition(" ")
        clean = {_attr_name(k): v for k, v in attrs.items()}
        el = Element(ns, local, clean, parser.CurrentLineNumber)
        stack[-1].children.append(el)
        stack.append(el)

    def end(_: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        b = parser.CurrentByteIndex
        raw = text.encode("utf-8")
        semi = data.find(b";", b)
        # An entity or character reference ("&amp;", "&#x27;") spans up to its ";".
        reference = data[b:b + 1] == b"&" and not in_cdata and semi > 0
        e = semi + 1 if reference else b + len(raw)
        s = offsets.char_at(b)
        stack[-1].children.append(Text(text, s, offsets.char_at(e)))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartCdataSectionHandler = lambda: cdata(True)
    parser.EndCdataSectionHandler = lambda: cdata(False)
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        reason = expat.errors.messages.get(e.code, "malformed") if e.code else "malformed"
        raise InputError(f"{name}: not well-formed XML: line {e.lineno}, column "
                         f"{e.offset + 1}: {reason}") from None
    except _Forbidden as e:
        raise InputError(f"{name}: line {parser.CurrentLineNumber}: {e} (xcheck reads XML "
                         "without a DTD's entities)") from None
    tops = root.elements()
    if not tops:
        raise InputError(f"{name}: no XML element found")
    return tops[0]
