"""Bilingual files (XLIFF, TMX): units whose target is in the wrong language, and every
finding named by the units it concerns.

A pass over the other checks' findings: a unit whose target repeats the source language is
one ``unit-target-not-english`` (or ``-chinese``) finding instead of a
``sentence-missing-in-en`` per sentence; every finding's message ends with its unit ids
(an empty target says so there), since a translator finds a segment by its id.
"""

from __future__ import annotations

from dataclasses import replace

from xcheck.checks import register_pass
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.model import Document, Finding, Side, Unit

WRONG_LANGUAGE = "wrong language"  # xcheck.formats.bilingual.WRONG_LANGUAGE
# The sentence rules a wrong-language unit's own finding replaces.
_SENTENCE_RULES = frozenset({"sentence-missing-in-en", "sentence-added-in-en",
                             "headline-untranslated", "headline-added"})


def _units_of(doc: Document, f: Finding, side: Side) -> list[Unit]:
    assert doc.source is not None
    out: list[Unit] = []
    offsets = [doc.sentences[i].start for i in side.sentences if i < len(doc.sentences)]
    offsets += [sp.start for sp in side.spans]
    for o in offsets:
        unit = doc.source.unit_at(o)
        if unit is not None and unit not in out:
            out.append(unit)
    return out


def _wrong_language(ctx: Context, unit: Unit) -> Finding:
    zh, en = ctx.zh, ctx.en
    zh_ids = tuple(s.index for s in zh.sentences if unit.zh.start <= s.start < unit.zh.end)
    en_ids = tuple(s.index for s in en.sentences if unit.en.start <= s.start < unit.en.end)
    if zh_ids:  # the Chinese is there; the English target is Chinese too
        target = zh.text[unit.en.start:unit.en.end]
        return make_finding(
            "unit-target-not-english", zh=Side(zh_ids, (unit.zh,)), en=Side((), (unit.en,)),
            message=f"the English target is in Chinese: \"{target[:60]}\"",
            evidence="the target's script: Han characters, no English words")
    target = en.text[unit.zh.start:unit.zh.end]
    return make_finding(
        "unit-target-not-chinese", zh=Side((), (unit.zh,)), en=Side(en_ids, (unit.en,)),
        message=f"the Chinese target is in English: \"{target[:60]}\"",
        evidence="the target's script: Latin letters, no Chinese characters")


def _named(ctx: Context, f: Finding) -> Finding:
    units = _units_of(ctx.zh, f, f.zh)
    units += [u for u in _units_of(ctx.en, f, f.en) if u not in units]
    if not units:
        return f
    names = ", ".join(u.id + (f": {u.problem}" if u.problem and u.problem != WRONG_LANGUAGE
                              else "") for u in units[:5])
    more = f" and {len(units) - 5} more" if len(units) > 5 else ""
    label = "unit" if len(units) == 1 else "units"
    return replace(f, message=f"{f.message} ({label} {names}{more})")


@register_pass("units")
def unit_findings(ctx: Context, findings: list[Finding]) -> list[Finding]:
    source = ctx.zh.source
    if source is None or not source.units or source is not ctx.en.source:
        return findings
    wrong = [u for u in source.units if u.problem == WRONG_LANGUAGE]
    zh_covered: set[int] = set()
    en_covered: set[int] = set()
    for u in wrong:
        zh_covered.update(s.index for s in ctx.zh.sentences if u.zh.start <= s.start < u.zh.end)
        en_covered.update(s.index for s in ctx.en.sentences if u.en.start <= s.start < u.en.end)

    def replaced(f: Finding) -> bool:
        """A sentence finding about a wrong-language unit's sentences (reported below)."""
        ids, covered = (f.zh.sentences, zh_covered) if f.zh.sentences else \
            (f.en.sentences, en_covered)
        return f.rule in _SENTENCE_RULES and bool(ids) and set(ids) <= covered

    kept = [f for f in findings if not replaced(f)]
    kept += [_wrong_language(ctx, u) for u in wrong]
    return [_named(ctx, f) for f in kept]

