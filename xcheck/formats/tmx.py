"""TMX 1.4 translation memories: each ``<tu>`` (its Chinese and English ``<tuv>``) is a
given bead, named by its ``tuid`` (else its position). Languages come from each
``<tuv xml:lang>`` (``lang`` in TMX 1.1); the header's ``srclang`` says which is the
source. Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``) are left out;
the text inside ``<hi>`` is kept.
"""

from __future__ import annotations

from xcheck.errors import InputError
from xcheck.formats.bilingual import BilingualText, RawUnit, build_bilingual, lang_of, runs
from xcheck.formats.build import decoded
from xcheck.formats.xmltree import Element, parse_xml
from xcheck.model import Lang

CODE = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})


def _tuv_lang(tuv: Element) -> str:
    return tuv.attrs.get("xml:lang") or tuv.attrs.get("lang") or ""


def read_tmx(source: str, name: str) -> BilingualText:
    root = parse_xml(source, name)
    if root.name != "tmx" or root.ns:
        where = f" in namespace {root.ns!r}" if root.ns else ""
        raise InputError(f"{name}: line {root.line}: the root element is <{root.name}>"
                         f"{where}, not TMX's <tmx>")
    header = root.first("header")
    body = root.first("body")
    if body is None:
        raise InputError(f"{name}: no <body> element (not a TMX file?)")
    src_tag = header.attrs.get("srclang", "") if header is not None else ""
    src = lang_of(src_tag)
    tags = {Lang.ZH: "", Lang.EN: ""}
    pairs: list[tuple[str, int, dict[Lang, Element]]] = []
    for k, tu in enumerate(body.elements("tu"), 1):
        found: dict[Lang, Element] = {}
        for tuv in tu.elements("tuv"):
            lang = lang_of(_tuv_lang(tuv))
            seg = tuv.first("seg")
            if lang is not None and seg is not None and lang not in found:
                found[lang] = seg
                tags[lang] = tags[lang] or _tuv_lang(tuv)
        if found:
            pairs.append((tu.attrs.get("tuid") or str(k), tu.line, found))
    if not tags[Lang.ZH] or not tags[Lang.EN]:
        raise InputError(f"{name}: needs <tuv> elements in Chinese and in English "
                         f"(found {', '.join(t for t in tags.values() if t) or 'neither'})")
    src = src if src is not None else Lang.ZH
    tgt = Lang.EN if src is Lang.ZH else Lang.ZH
    units = [RawUnit(uid, tuple(runs(found[src], CODE)) if src in found else (),
                     tuple(runs(found[tgt], CODE)) if tgt in found else None,
                     line, found[tgt].line if tgt in found else 0)
             for uid, line, found in pairs]
    return build_bilingual("tmx", source, units, src, (tags[src], tags[tgt]), name)


def read(data: bytes, name: str, encoding: str | None, max_bytes: int) -> BilingualText:
    return read_tmx(decoded(data, name, encoding), name)
