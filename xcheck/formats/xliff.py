"""XLIFF 1.2 and 2.x: each unit's source and target are a given bead.

XLIFF 1.2: ``<file source-language target-language>``, ``<trans-unit id>`` with
``<source>`` and ``<target>`` (units marked ``translate="no"`` are skipped). XLIFF 2.x:
``<xliff srcLang trgLang>``, ``<unit id>`` whose ``<segment>``s each make a bead (named
``unit/segment`` when a unit has several). Inline codes (``<x/>``, ``<ph>``, ``<bpt>``,
``<sc/>``...) are left out; the text inside ``<g>``, ``<pc>`` and ``<mrk>`` is kept.
"""

from __future__ import annotations

from xcheck.errors import InputError
from xcheck.formats.bilingual import BilingualText, RawUnit, build_bilingual, direction, runs
from xcheck.formats.build import decoded
from xcheck.formats.xmltree import Element, parse_xml

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
CODE_12 = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sub"})
CODE_20 = frozenset({"ph", "sc", "ec", "cp", "sm", "em"})


def _units_12(root: Element) -> tuple[list[RawUnit], str, str]:
    units: list[RawUnit] = []
    src_tag = tgt_tag = ""
    for file in root.iter("file"):
        src_tag = src_tag or file.attrs.get("source-language", "")
        tgt_tag = tgt_tag or file.attrs.get("target-language", "")
        for k, tu in enumerate(file.iter("trans-unit"), 1):
            if tu.attrs.get("translate") == "no":
                continue
            source = tu.first("source")
            target = tu.first("target")
            if source is None:
                continue
            units.append(RawUnit(tu.attrs.get("id") or str(k),
                                 tuple(runs(source, CODE_12)),
                                 tuple(runs(target, CODE_12)) if target is not None else None,
                                 tu.line, target.line if target is not None else 0))
    return units, src_tag, tgt_tag


def _units_20(root: Element) -> tuple[list[RawUnit], str, str]:
    units: list[RawUnit] = []
    for k, unit in enumerate(root.iter("unit"), 1):
        if unit.attrs.get("translate") == "no":
            continue
        uid = unit.attrs.get("id") or str(k)
        segments = unit.elements("segment")
        for j, seg in enumerate(segments, 1):
            source = seg.first("source")
            target = seg.first("target")
            if source is None:
                continue
            sid = uid if len(segments) == 1 else f"{uid}/{seg.attrs.get('id') or j}"
            units.append(RawUnit(sid, tuple(runs(source, CODE_20)),
                                 tuple(runs(target, CODE_20)) if target is not None else None,
                                 seg.line, target.line if target is not None else 0))
    return units, root.attrs.get("srcLang", ""), root.attrs.get("trgLang", "")


def read_xliff(source: str, name: str) -> BilingualText:
    root = parse_xml(source, name)
    if root.name != "xliff":
        raise InputError(f"{name}: line {root.line}: the root element is <{root.name}>, not "
                         "<xliff>")
    if root.ns == NS_12:
        units, src_tag, tgt_tag = _units_12(root)
        fmt = "xliff-1.2"
    elif root.ns == NS_20:
        units, src_tag, tgt_tag = _units_20(root)
        fmt = "xliff-2"
    else:
        raise InputError(f"{name}: line {root.line}: <xliff> in namespace "
                         f"{root.ns or '(none)'!r}, not XLIFF 1.2 ({NS_12}) or 2.x ({NS_20})")
    src = direction(src_tag, tgt_tag, units, name)
    return build_bilingual(fmt, source, units, src, (src_tag, tgt_tag), name)


def read(data: bytes, name: str, encoding: str | None, max_bytes: int) -> BilingualText:
    return read_xliff(decoded(data, name, encoding), name)
