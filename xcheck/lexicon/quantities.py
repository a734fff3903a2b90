"""Identifiers that carry digits, and approximate or rephrased quantities in zh and en.

- ``identifier_spans``: COVID-19, G20, A320, MH17, B-52, 5G, PM2.5: the digits belong to a
  name, so they are no quantity to pair with the other side.
- ``zh_quantity_alternatives`` / ``en_quantity_alternatives``: the values a rephrased
  quantity may stand for (近半 = nearly half = 50% = 0.5; 四五厘米 = 4-5cm; 5点半 = 5.30pm;
  十几 = a dozen or so), beyond what ``numbers.zh_numbers``/``en_numbers`` read.
- ``same_quantity``: whether two sets of acceptable values agree, within a small tolerance.

A range is represented by the values it may be written as: its ends (四五 -> 4, 5) and, for
the vague ranges (十几, dozens, 数百), every round value in it (11..19; 20, 30 .. 90), so that
two ranges, or a range and a number, agree when they share a value.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from xcheck.lexicon.numbers import en_numbers, zh_numbers

# Relative difference still counted the same quantity: 近10万 vs "98,000", 约3.5亿 vs
# "350 million" (rounding in translation), while 15% vs 20% stays different.
REL_TOL = 0.025
# Hours added to read a clock time as afternoon (5点半 may be 5.30pm, i.e. 17.30).
PM_OFFSET = 12.0
# The values "half" stands for: 50 (percent) and 0.5 (a fraction).
HALF = (50.0, 0.5)
# Vague multiples of ten, hundred, ...: 几十/数十/dozens/scores -> 20, 30, .. 90.
VAGUE_DIGITS = tuple(float(d) for d in range(2, 10))
# 十几/十多/十余 (and "a dozen or so", "more than ten"): 11 .. 19.
TEENS = tuple(float(d) for d in range(11, 20))
# Chinese digits and their values (两 is the counting form of 2).
ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
# Multipliers after a numeral.
ZH_UNITS = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}
# English scale words after a vague plural ("tens of thousands").
EN_SCALES = {"tens": 10.0, "dozens": 10.0, "scores": 10.0, "hundreds": 100.0,
             "thousands": 1e3, "millions": 1e6, "billions": 1e9}
# English fractions: "a third of" (33.3%), "two-thirds", "a quarter of".
EN_FRACTIONS = {"third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
                "fifth": 0.2, "fifths": 0.2}
EN_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Multiplying verbs: doubled = x2 = up 100%.
EN_TIMES = {"doubled": 2.0, "double": 2.0, "twofold": 2.0, "two-fold": 2.0, "tripled": 3.0,
            "triple": 3.0, "threefold": 3.0, "three-fold": 3.0, "quadrupled": 4.0,
            "fourfold": 4.0, "four-fold": 4.0}
# Letters before digits that make a currency, period or number sign, not a name
# (US$5, HK$10, RMB5, Q3, H1 2023, FY2024, No.1), and month names (Sept15).
NOT_IDENTIFIER_PREFIXES = frozenset(
    "us hk nt rmb cny usd eur gbp jpy aud cad sgd chf q h fy no nos jan feb mar apr jun "
    "jul aug sep sept oct nov dec x".split())
# Digits then letters: only these suffixes make a name (5G, 3D); 5cm, 5pm, 10th are not.
DIGIT_LETTER_NAMES = frozenset({"g", "d", "k"})  # 5G, 3D, 4K/8K video


class Alternative(NamedTuple):
    """A quantity a phrase may stand for: its span, the values it accepts, and whether the
    values are percentages (a "half" gives 50 with percent and 0.5)."""

    start: int
    end: int
    values: tuple[float, ...]
    percent: bool


# --- identifiers ----------------------------------------------------------------------

# Letters (with inner hyphens: SARS-CoV) then digits, optionally a hyphen between and more
# letters or digits after: COVID-19, G7, A320neo, MH17, B-52, H5N1, PM2.5, Win10.
_LETTERS_DIGITS = re.compile(
    r"(?<![A-Za-z0-9.$])(?P<head>[A-Za-z]+(?:-[A-Za-z]+)*)(?P<sep>-?)"
    r"(?P<digits>\d+(?:\.\d+)?)(?:[A-Za-z]+\d*)*(?![A-Za-z0-9$])")
# A digit then one name letter: 5G, 4G, 3D (not 5cm, 5pm, 10th).
_DIGIT_LETTER = re.compile(r"(?<![A-Za-z0-9.])\d(?P<tail>[A-Za-z])(?![A-Za-z0-9])")


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """Spans of tokens whose digits are part of a name or code (COVID-19, G20, A320, MH17,
    5G, B-52, F-35, Win10, PM2.5), in English text and in Latin runs inside Chinese.

    A name written apart from its number (Apollo 11, iPhone 13, Boeing 737) and street
    numbers are left as quantities: the other language writes the same number (阿波罗11号,
    唐宁街10号), so pairing them as numbers is right."""
    spans: list[tuple[int, int]] = []
    for m in _LETTERS_DIGITS.finditer(text):
        head = m.group("head").lower()
        # H5N1 is a name even though H1 is a half-year; the "s" of a decade (90s) is no tail.
        has_tail = text[m.end("digits") : m.end()].lower() not in ("", "s")
        if head in NOT_IDENTIFIER_PREFIXES and not m.group("sep") and not has_tail:
            continue
        head_text = m.group("head")
        word = head_text.islower() or (head_text.istitle() and len(head_text) >= 3
                                       and bool(m.group("sep")))
        if word and not has_tail:
            continue  # post-90s, Top-10, over-60s: an English word and a quantity
        spans.append(m.span())
    for m in _DIGIT_LETTER.finditer(text):
        if m.group("tail").lower() in DIGIT_LETTER_NAMES:
            spans.append(m.span())
    return sorted(spans)


# --- Chinese --------------------------------------------------------------------------

_ZH_HALF = re.compile(r"(?:近|将近|接近|超过|过|逾|约|大约|)(?:一半|半数|大半|近半|过半|逾半)"
                      r"|近半|过半|逾半")
_ZH_D = "一二两三四五六七八九"
_ZH_MORE_UNIT = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?:多|余)(?P<unit>[万亿]+)")
# Two neighbouring digits (四五, 三四十, 十五六, 七八百万): "four or five".
_ZH_PAIR = re.compile(
    rf"(?P<ten>[{_ZH_D}]?十)?(?P<a>[{_ZH_D}])(?P<b>[{_ZH_D}])(?P<unit>[十百千万亿]*)")
# 十几, 二十多, 十余 (teens, twenties ...); 几十, 数百, 数十万, 上百, 上千 (vague multiples).
_ZH_TEENS = re.compile(rf"(?P<tens>[{_ZH_D}]?)十(?:几|多|余)")
_ZH_VAGUE = re.compile(r"(?:几|数|上)(?P<unit>[十百千万亿]+)|数以(?P<unit2>[百千万亿]+)计")
_ZH_CHENG = re.compile(rf"(?P<a>[{_ZH_D}])(?P<b>[{_ZH_D}])?成")
_ZH_DOUBLE = re.compile(r"翻(?P<n>[一两二三])?番")
_ZH_FRACTION = re.compile(rf"(?P<den>[{_ZH_D}十]|\d+)分之(?P<num>[{_ZH_D}]|\d+)")
_ZH_CLOCK = re.compile(
    r"(?P<when>凌晨|早上|上午|中午|下午|傍晚|晚上|夜里)?"
    rf"(?P<hour>\d{{1,2}}|[{_ZH_D}]|十[一二]?)点"
    rf"(?:(?P<half>半)|(?P<quarter>一刻|三刻)|(?P<min>\d{{1,2}}|[{_ZH_D}十]+)分|(?![\d{_ZH_D}]))")
_AFTERNOON = frozenset({"下午", "傍晚", "晚上", "夜里"})
_MORNING = frozenset({"凌晨", "早上", "上午"})


def _zh_int(text: str) -> float | None:
    """Value of a short numeral (5, 十一, 三十五), or None."""
    if text.isdigit():
        return float(text)
    if all(c in ZH_DIGITS for c in text) and len(text) == 1:
        return float(ZH_DIGITS[text])
    if "十" in text and len(text) <= 3:
        tens, _, ones = text.partition("十")
        if (tens and tens not in ZH_DIGITS) or (ones and ones not in ZH_DIGITS):
            return None
        return float(ZH_DIGITS.get(tens, 1) * 10 + ZH_DIGITS.get(ones, 0))
    return None


def _scale(units: str) -> float:
    return math.prod(ZH_UNITS[u] for u in units) if units else 1.0


def _clock_values(hour: float, minutes: float, when: str | None) -> tuple[float, ...]:
    """A time as hours (5.5) and as written (5.30 -> 5.3); a time not said to be morning
    may also be afternoon (17.5, 17.3), one said to be afternoon is only that."""
    hours = [hour]
    if hour < PM_OFFSET and when in _AFTERNOON:
        hours = [hour + PM_OFFSET]
    elif hour < PM_OFFSET and when not in _MORNING:
        hours.append(hour + PM_OFFSET)
    return tuple(dict.fromkeys(v for h in hours for v in (h + minutes / 60, h + minutes / 100)))


def zh_quantity_alternatives(zh_simplified_text: str) -> list[Alternative]:
    """Approximate and rephrased quantities in Simplified Chinese: halves (近半), neighbouring
    digits (四五, 三四十), vague ranges (十几, 数十, 上百), 成, 翻番, fractions, clock times."""
    text = zh_simplified_text
    out: list[Alternative] = []
    for m in _ZH_HALF.finditer(text):
        out.append(Alternative(m.start(), m.end(), HALF, True))
    for m in _ZH_MORE_UNIT.finditer(text):  # 1100多万: more than 11 million
        base = float(m.group("n").replace(",", ""))
        out.append(Alternative(m.start(), m.end(), (base * _scale(m.group("unit")),), False))
    for m in _ZH_PAIR.finditer(text):
        a, b = ZH_DIGITS[m.group("a")], ZH_DIGITS[m.group("b")]
        prev = text[m.start() - 1 : m.start()]
        nxt = text[m.end() : m.end() + 1]
        if not (b == a + 1 or (a, b) == (3, 5)) or nxt == "成" \
                or (prev and prev in _ZH_D) or (nxt and nxt in _ZH_D):
            continue  # only "a or a+1" (and 三五) is a range; not 一二三 lists, nor 两三成
        ten = m.group("ten") or ""
        base = 10.0 * ZH_DIGITS.get(ten[:1], 1) if ten else 0.0
        scale = _scale(m.group("unit"))
        out.append(Alternative(m.start(), m.end(), ((base + a) * scale, (base + b) * scale),
                               False))
    for m in _ZH_TEENS.finditer(text):
        tens = ZH_DIGITS.get(m.group("tens"), 1) * 10.0
        out.append(Alternative(m.start(), m.end(), tuple(tens + d for d in range(1, 10)),
                               False))
    for m in _ZH_VAGUE.finditer(text):
        unit = _scale(m.group("unit") or m.group("unit2"))
        values = tuple(d * unit for d in VAGUE_DIGITS)
        if text[m.start()] == "上":  # 上百: "a hundred or more", "hundreds"
            values = (unit, *values)
        out.append(Alternative(m.start(), m.end(), values, False))
    for m in _ZH_CHENG.finditer(text):
        digits = [ZH_DIGITS[m.group("a")]] + ([ZH_DIGITS[m.group("b")]] if m.group("b") else [])
        out.append(Alternative(m.start(), m.end(), tuple(10.0 * d for d in digits), True))
    for m in _ZH_DOUBLE.finditer(text):
        times = 2.0 ** ZH_DIGITS.get(m.group("n") or "一", 1)
        out.append(Alternative(m.start(), m.end(), (times, (times - 1) * 100), False))
    for m in _ZH_FRACTION.finditer(text):
        den, num = _zh_int(m.group("den")), _zh_int(m.group("num"))
        if den and num is not None and num < den:
            out.append(Alternative(m.start(), m.end(), (100 * num / den, num / den), True))
    for m in _ZH_CLOCK.finditer(text):
        hour = _zh_int(m.group("hour"))
        if hour is None or hour > 24:
            continue
        if m.group("half"):
            minutes = 30.0
        elif m.group("quarter"):
            minutes = 15.0 if m.group("quarter") == "一刻" else 45.0
        elif m.group("min"):
            minutes = _zh_int(m.group("min")) or 0.0
        else:
            minutes = 0.0
        out.append(Alternative(m.start(), m.end(), _clock_values(hour, minutes, m.group("when")),
                               False))
    return sorted(out)


# --- English --------------------------------------------------------------------------

_EN_HALF = re.compile(
    r"\b(?:(?:nearly|almost|about|around|roughly|some|more\s+than|over|less\s+than|under|"
    r"just\s+(?:over|under))\s+)?(?:a\s+|one\s+|one-)?half\b|\b(?:a\s+|the\s+)?majority\b",
    re.IGNORECASE)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_EN_RANGE = re.compile(rf"(?<![\w.])(?P<a>{_NUM})\s*(?:-|–|—|to)\s*(?P<b>{_NUM})(?![\d])",
                       re.IGNORECASE)
_EN_CLOCK = re.compile(
    r"(?<![\w.:])(?P<hour>\d{1,2})(?:[.:](?P<min>\d{2}))?\s*"
    r"(?P<ampm>am|pm|a\.m\.|p\.m\.|o'clock|o’clock)(?![A-Za-z])"
    r"|(?<![\w.:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])",
    re.IGNORECASE)
_EN_DOZEN = re.compile(r"\b(?:(?:more\s+than|over|about|around|nearly|some)\s+)?a\s+dozen"
                       r"(?:\s+or\s+so)?\b", re.IGNORECASE)
_EN_VAGUE = re.compile(
    r"\b(?P<many>tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?P<of>thousands|millions|billions))?\b", re.IGNORECASE)
_EN_COUPLE = re.compile(r"\ba\s+couple(?:\s+of)?\b", re.IGNORECASE)
_EN_FRACTION = re.compile(
    r"\b(?P<n>a|an|one|two|three|four)[\s-]+(?P<f>thirds?|quarters?|fifths?)\b",
    re.IGNORECASE)
_EN_TIMES = re.compile(r"\b(?:" + "|".join(sorted(EN_TIMES, key=len, reverse=True)) + r")\b",
                       re.IGNORECASE)


EN_TENS = {"twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0,
           "seventy": 70.0, "eighty": 80.0, "ninety": 90.0}
EN_UNITS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
            "seven": 7.0, "eight": 8.0, "nine": 9.0}
_EN_DECADE = re.compile(r"(?<![\w.])[’']?(?P<d>(?:1[5-9]|20)?\d0)[’']?s\b")
EN_A_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
               "trillion": 1e12}
_EN_A_SCALE = re.compile(r"\b(?P<part>a\s+quarter\s+of\s+|half\s+)?an?\s+(?P<s>hundred|"
                         r"thousand|million|billion|trillion)\b", re.IGNORECASE)
_EN_WORD_SCALE = re.compile(
    r"\b(?P<a>one|two|three|four|five|six|seven|eight|nine)(?:\s+(?:or|to)\s+"
    r"(?P<b>two|three|four|five|six|seven|eight|nine|ten))?\s+(?P<s>hundred|thousand|million|"
    r"billion)\b", re.IGNORECASE)
_EN_COMPOUND = re.compile(r"\b(?P<t>" + "|".join(EN_TENS) + r")[\s-](?P<u>"
                          + "|".join(EN_UNITS) + r")\b", re.IGNORECASE)


def en_quantity_alternatives(text: str) -> list[Alternative]:
    """Approximate and rephrased quantities in English: (nearly) half, majority, 4-5cm,
    5.30pm / 17:30, (about) a dozen, dozens / hundreds / tens of thousands, a couple of,
    a third / two-thirds, doubled / tripled."""
    out: list[Alternative] = []
    for m in _EN_HALF.finditer(text):
        out.append(Alternative(m.start(), m.end(), HALF, True))
    for m in _EN_RANGE.finditer(text):
        a, b = (float(m.group(g).replace(",", "")) for g in ("a", "b"))
        if a < b:  # 2019-20 seasons and 3-1 scores are no ranges
            out.append(Alternative(m.start(), m.end(), (a, b), False))
    for m in _EN_CLOCK.finditer(text):
        if m.group("h24"):
            hour, minutes, ampm = float(m.group("h24")), float(m.group("m24")), ""
        else:
            hour, minutes = float(m.group("hour")), float(m.group("min") or 0)
            ampm = m.group("ampm").lower()
        if hour > 24:
            continue
        if ampm[:1] in ("p", "o") and hour < PM_OFFSET:  # o'clock: either half of the day
            values: tuple[float, ...] = (hour + minutes / 60, hour + minutes / 100,
                                         hour + PM_OFFSET + minutes / 60,
                                         hour + PM_OFFSET + minutes / 100)
        else:
            values = (hour + minutes / 60, hour + minutes / 100)
        out.append(Alternative(m.start(), m.end(), tuple(dict.fromkeys(values)), False))
    for m in _EN_DOZEN.finditer(text):
        out.append(Alternative(m.start(), m.end(), (12.0, *(v for v in TEENS if v != 12)),
                               False))
    for m in _EN_VAGUE.finditer(text):
        unit = EN_SCALES[m.group("many").lower()]
        if m.group("of"):
            unit *= EN_SCALES[m.group("of").lower()]
        out.append(Alternative(m.start(), m.end(), tuple(d * unit for d in VAGUE_DIGITS),
                               False))
    for m in _EN_COUPLE.finditer(text):
        out.append(Alternative(m.start(), m.end(), (2.0, 3.0), False))
    for m in _EN_FRACTION.finditer(text):
        n = EN_SMALL[m.group("n").lower()]
        frac = n * EN_FRACTIONS[m.group("f").lower()]
        if frac < 1:
            out.append(Alternative(m.start(), m.end(), (100 * frac, frac), True))
    for m in _EN_TIMES.finditer(text):
        times = EN_TIMES[m.group().lower()]
        out.append(Alternative(m.start(), m.end(), (times, (times - 1) * 100), False))
    for m in _EN_A_SCALE.finditer(text):  # a million, a quarter of a million, half a billion
        scale = EN_A_SCALES[m.group("s").lower()]
        part = m.group("part")
        factor = 0.25 if part and "quarter" in part.lower() else 0.5 if part else 1.0
        out.append(Alternative(m.start(), m.end(), (factor * scale,), False))
    for m in _EN_WORD_SCALE.finditer(text):  # six hundred, five or six hundred
        scale = EN_A_SCALES[m.group("s").lower()]
        a = EN_UNITS.get(m.group("a").lower(), 0.0)
        b = EN_UNITS.get((m.group("b") or "").lower(), 0.0)
        values = tuple(v * scale for v in (a, b) if v)
        if values:
            out.append(Alternative(m.start(), m.end(), values, False))
    for m in _EN_DECADE.finditer(text):  # the 1990s, the '90s: 90后, 九十年代
        decade = float(m.group("d"))
        out.append(Alternative(m.start(), m.end(), (decade, decade % 100), False))
    for m in _EN_COMPOUND.finditer(text):  # thirty-two, Thirty two
        value = EN_TENS[m.group("t").lower()] + EN_UNITS[m.group("u").lower()]
        out.append(Alternative(m.start(), m.end(), (value,), False))
    return sorted(out)


# --- comparison -----------------------------------------------------------------------

def same_quantity(zh_values: tuple[float, ...] | list[float],
                  en_values: tuple[float, ...] | list[float], rel_tol: float = REL_TOL) -> bool:
    """Whether any acceptable value of one side equals one of the other, within ``rel_tol``
    (近10万 vs "nearly 100,000", 约3.5亿 vs "350 million", 1.5万 vs 15,000)."""
    return any(math.isclose(z, e, rel_tol=rel_tol, abs_tol=1e-9)
               for z in zh_values for e in en_values)


def zh_values(zh_simplified_text: str) -> tuple[float, ...]:
    """Every value the Chinese text's numbers and rephrased quantities may stand for."""
    found = [n.value for n in zh_numbers(zh_simplified_text)]
    found += [v for alt in zh_quantity_alternatives(zh_simplified_text) for v in alt.values]
    return tuple(dict.fromkeys(found))


def en_values(text: str) -> tuple[float, ...]:
    """Every value the English text's numbers and rephrased quantities may stand for,
    leaving out the digits of identifiers (COVID-19, G20)."""
    ids = identifier_spans(text)
    found = [n.value for n in en_numbers(text)
             if not any(s <= n.start and n.end <= e for s, e in ids)]
    found += [v for alt in en_quantity_alternatives(text) for v in alt.values]
    return tuple(dict.fromkeys(found))
