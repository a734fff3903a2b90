"""Numbers that disagree, or appear on one side only, inside aligned sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from xcheck.checks import register
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.lexicon.numbers import en_numbers, zh_numbers
from xcheck.lexicon.quantities import (
    en_quantity_alternatives,
    en_values,
    identifier_spans,
    same_quantity,
    zh_quantity_alternatives,
)
from xcheck.model import Bead, Finding, Severity, Side, Span

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_RE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS if m != "may") +
                       r"|(?:(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )"
                       r"|(?<=\bfrom )|(?<=\blast )|(?<=\bnext )|(?<=\bthis ))May"
                       r"|May(?=\s+\d)|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
_DATE_UNITS = frozenset("月日号时点分秒")
_MEASURE_AFTER = frozenset("个人名位家项次场年元块亿万千百")
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
        names = identifier_spans(norm)
        for n in zh_numbers(norm):
            text = s.text[n.start : n.end]
            if n.start > 0 and norm[n.start - 1].isascii() and norm[n.start - 1].isalpha():
                continue  # part of a Latin name like G7
            if any(a <= n.start and n.end <= b for a, b in names):
                continue  # COVID-19, 5G: a name, not a quantity
            if text == "一一":
                continue  # 唯一一支, 一一回应: "only one", "one by one", not eleven
            after = norm[n.end : n.end + 1]
            if text in ("五一", "十一") and after not in _MEASURE_AFTER:
                continue  # May Day and National Day (五一档, 十一长假), not 51 or 11
            strong = n.percent or n.value >= ctx.settings.strong_number or (
                len(text) >= 2 and n.value != int(n.value))
            # A month, day or clock time (7月, 26日, 19时54分) is a date, the dates check's.
            strong = strong and after not in _DATE_UNITS
            alts = (n.value * 100,) if n.times else ()
            out.append(Found(i, s.start + n.start, s.start + n.end, n.value, text, strong,
                             n.percent, alts))
    return out


def _en(ctx: Context, bead: Bead) -> list[Found]:
    out: list[Found] = []
    for j in bead.en:
        s = ctx.en.sentences[j]
        names = identifier_spans(s.text)
        for n in en_numbers(s.text):
            text = s.text[n.start : n.end]
            if n.start > 0 and s.text[n.start - 1].isalpha():
                continue  # part of a name like G7
            if any(a <= n.start and n.end <= b for a, b in names):
                continue  # COVID-19, MH17, A320: a name, not a quantity
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


_ZH_ROUGHLY = re.compile(r"(?:约|近|逾|超过|超|大约|将近|接近|上)$")
_EN_ROUGHLY = re.compile(r"\b(?:about|around|nearly|almost|over|more\s+than|some|roughly|"
                         r"approximately|up\s+to|less\s+than|under)\s+$", re.IGNORECASE)


def _approximate(ctx: Context, z: Found, e: Found) -> bool:
    """Either number is stated as a rounding (约, 近, about, more than): a mismatch then is
    weaker evidence (近10万 against "more than 95,000")."""
    zh_before = ctx.zh.norm_text[max(0, z.start - 4) : z.start]
    en_before = ctx.en.text[max(0, e.start - 20) : e.start]
    return bool(_ZH_ROUGHLY.search(zh_before) or _EN_ROUGHLY.search(en_before)
                or ctx.zh.norm_text[z.end : z.end + 1] in ("多", "余"))


def _approximately(ctx: Context, bead: Bead, zh: list[Found],
                   en: list[Found]) -> tuple[list[Found], list[Found]]:
    """Drop the numbers the other side states in another form: 近半 = nearly 50%, 四五厘米 =
    4-5cm, 5点半 = 5.30pm, 1.5万 = 15,000, 约3.5亿 = about 350 million."""
    en_text = " ".join(ctx.en.sentences[j].text for j in bead.en)
    en_all = en_values(en_text)
    # A Chinese number's own readings as a range or rounding (四五 is 4 or 5, not 45): found
    # once per sentence, they also give what the Chinese may state.
    readings: list[tuple[int, int, tuple[float, ...]]] = []
    zh_found: list[float] = []
    for i in bead.zh:
        s = ctx.zh.sentences[i]
        norm = ctx.zh.norm_text[s.start : s.end]
        readings += [(s.start + a.start, s.start + a.end, a.values)
                     for a in zh_quantity_alternatives(norm)]
        zh_found += [n.value for n in zh_numbers(norm)]
    zh_all = (*zh_found, *(v for _, _, values in readings for v in values))
    tol = ctx.settings.quantity_tolerance
    zh_left = [z for z in zh if not same_quantity(
        (z.value, *z.alternatives, *(v for a, b, values in readings
                                     if a < z.end and z.start < b for v in values)), en_all,
        tol)]
    # An English number inside a rephrased quantity (the 1990s, thirty two, 4-5cm) is read
    # with that phrase's values.
    en_readings = [(a.start, a.end, a.values) for a in en_quantity_alternatives(en_text)]
    offsets = _bead_offsets(ctx, bead)
    en_left = []
    for e in en:
        local = e.start - offsets[e.sentence]
        values = [v for a, b, vs in en_readings if a <= local < b for v in vs]
        if not same_quantity((e.value, *values), zh_all, tol):
            en_left.append(e)
    return zh_left, en_left


def _bead_offsets(ctx: Context, bead: Bead) -> dict[int, int]:
    """Where each English sentence of the bead starts in the text joined by spaces."""
    out: dict[int, int] = {}
    pos = 0
    for j in bead.en:
        s = ctx.en.sentences[j]
        out[j] = s.start - pos
        pos += len(s.text) + 1
    return out


@register("numbers")
def numbers(ctx: Context) -> Iterator[Finding]:
    for bead in ctx.alignment.beads:
        if not bead.zh or not bead.en:
            continue
        zh_found, en_found = _zh(ctx, bead), _en(ctx, bead)
        zh_left, en_left = _unmatched(zh_found, en_found)
        repeated: list[Found] = []
        if zh_left or en_left:
            approx_zh, en_left = _approximately(ctx, bead, zh_left, en_left)
            # A number the Chinese repeats (the dateline's 26日 and the body's 26日) that the
            # English states once: accounted for, unless an English number nothing else
            # explains stands beside it (the one mention changed).
            matched = [e.value for e in en_found if e not in en_left]
            repeated = [z for z in zh_left if z not in approx_zh and z.value in matched]
            zh_left = approx_zh
        pairs = _comparable_pairs(zh_left, en_left, ctx.settings.number_scale)
        if not pairs and repeated:
            pairs = _comparable_pairs(repeated, [e for e in en_left if e.strong],
                                      ctx.settings.number_scale)
            zh_left += [z for z, _ in pairs]
        if not pairs and len(zh_left) == 1 and len(en_left) == 1 and \
                zh_left[0].percent == en_left[0].percent and \
                zh_left[0].strong and en_left[0].strong and \
                zh_left[0].text.isdigit() and en_left[0].text.isdigit():
            pairs = [(zh_left[0], en_left[0])]  # one number in digits each side; they differ
        for z, e in pairs:
            zh_left.remove(z)
            en_left.remove(e)
            # An error only for two numbers written in digits, neither of them a rounding
            # or a range (近, 约, about, 4-5): specific on both sides.
            specific = not z.alternatives and not _approximate(ctx, z, e)
            yield make_finding(
                "number-mismatch", severity=None if specific else Severity.WARNING,
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
