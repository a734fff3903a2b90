"""Numbers that disagree, or appear on one side only, inside aligned sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from xcheck.checks import register
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.lexicon.numbers import en_numbers, zh_numbers
from xcheck.model import Bead, Finding, Side, Span

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_RE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS if m != "may") +
                       r"|(?:(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )"
                       r"|(?<=\bfrom )|(?<=\blast )|(?<=\bnext )|(?<=\bthis ))May"
                       r"|May(?=\s+\d)|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
_NOON = re.compile(r"\b(?:noon|midday)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    sentence: int
    start: int
    end: int
    value: float
    text: str
    strong: bool  # worth reporting on its own (not a small count an ordinary word can carry)
    percent: bool = False
    alternatives: tuple[float, ...] = ()  # 1.5倍 also reads as 150%


def _zh(ctx: Context, bead: Bead) -> list[Found]:
    out: list[Found] = []
    for i in bead.zh:
        s = ctx.zh.sentences[i]
        norm = ctx.zh.norm_text[s.start : s.end]
        for n in zh_numbers(norm):
            text = s.text[n.start : n.end]
            if n.start > 0 and norm[n.start - 1].isascii() and norm[n.start - 1].isalpha():
                continue  # part of a Latin name like G7
            strong = n.percent or n.value >= ctx.settings.strong_number or (
                len(text) >= 2 and n.value != int(n.value))
            alts = (n.value * 100,) if n.times else ()
            out.append(Found(i, s.start + n.start, s.start + n.end, n.value, text, strong,
                             n.percent, alts))
    return out


def _en(ctx: Context, bead: Bead) -> list[Found]:
    out: list[Found] = []
    for j in bead.en:
        s = ctx.en.sentences[j]
        for n in en_numbers(s.text):
            text = s.text[n.start : n.end]
            if n.start > 0 and s.text[n.start - 1].isalpha():
                continue  # part of a name like G7 or COVID-19
            # Number words and ordinals (three, fourth) are often implicit in Chinese (三方,
            # 第四): on their own they are weak; a digit or a percentage is not.
            digits = any(c.isdigit() for c in text)
            out.append(Found(j, s.start + n.start, s.start + n.end, n.value, text,
                             n.percent or (digits and n.value >= ctx.settings.strong_number),
                             n.percent))
        for m in _NOON.finditer(s.text):  # 12時 is noon
            out.append(Found(j, s.start + m.start(), s.start + m.end(), 12.0, m.group(), False))
        for m in _MONTH_RE.finditer(s.text):
            key = m.group(1).lower()[:3]
            month = next(k for k, name in enumerate(_MONTHS, 1) if name.startswith(key))
            out.append(Found(j, s.start + m.start(), s.start + m.end(), float(month),
                             m.group(), False))
    return out


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _unmatched(zh: list[Found], en: list[Found]) -> tuple[list[Found], list[Found]]:
    en_left = list(en)
    zh_left: list[Found] = []
    for z in zh:
        hit = next((e for e in en_left if any(_same(e.value, v)
                                              for v in (z.value, *z.alternatives))), None)
        if hit is None:
            zh_left.append(z)
        else:
            en_left.remove(hit)
    return zh_left, en_left


def _comparable(z: Found, e: Found, scale: float) -> bool:
    """Two numbers that plausibly state the same quantity (same kind, similar size)."""
    if z.percent != e.percent or not (z.strong or e.strong):
        return False
    lo, hi = sorted((abs(z.value), abs(e.value)))
    return lo > 0 and hi / lo <= scale


def _comparable_pairs(zh: list[Found], en: list[Found],
                      scale: float) -> list[tuple[Found, Found]]:
    """Pair unmatched numbers, each used once, only when comparable; a strong partner of
    the closest size first."""
    pairs: list[tuple[Found, Found]] = []
    used: set[int] = set()
    for z in zh:
        options = [(not e.strong, abs(e.value - z.value), k) for k, e in enumerate(en)
                   if k not in used and _comparable(z, e, scale)]
        if options:
            k = min(options)[2]
            pairs.append((z, en[k]))
            used.add(k)
    return pairs


@register("numbers")
def numbers(ctx: Context) -> Iterator[Finding]:
    for bead in ctx.alignment.beads:
        if not bead.zh or not bead.en:
            continue
        zh_left, en_left = _unmatched(_zh(ctx, bead), _en(ctx, bead))
        pairs = _comparable_pairs(zh_left, en_left, ctx.settings.number_scale)
        if not pairs and len(zh_left) == 1 and len(en_left) == 1 and \
                zh_left[0].percent == en_left[0].percent and \
                zh_left[0].text.isdigit() and en_left[0].text.isdigit():
            pairs = [(zh_left[0], en_left[0])]  # one number in digits each side; they differ
        for z, e in pairs:
            zh_left.remove(z)
            en_left.remove(e)
            yield make_finding(
                "number-mismatch",
                zh=Side((z.sentence,), (Span(z.start, z.end),)),
                en=Side((e.sentence,), (Span(e.start, e.end),)),
                message=f"the Chinese says {z.text} ({z.value:g}) where the English says "
                        f"{e.text} ({e.value:g})",
                evidence="the numbers of the aligned sentences differ in value",
            )
        for z in [z for z in zh_left if z.strong]:
            yield make_finding(
                "number-omitted",
                zh=Side((z.sentence,), (Span(z.start, z.end),)),
                en=Side(bead.en),
                message=f"the number {z.text} in the Chinese does not appear in the English",
                evidence="no number of the same value in the aligned English sentences",
            )
        for e in [e for e in en_left if e.strong]:
            yield make_finding(
                "number-added",
                zh=Side(bead.zh),
                en=Side((e.sentence,), (Span(e.start, e.end),)),
                message=f"the number {e.text} in the English does not appear in the Chinese",
                evidence="no number of the same value in the aligned Chinese sentences",
            )
