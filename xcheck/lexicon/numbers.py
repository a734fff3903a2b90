"""Numbers in Chinese and English text, normalised so the two sides can be compared.

Chinese: Arabic numerals with 萬/億 multipliers (1.5萬), Chinese numerals (三千五百, 十二億),
百分之 percentages, 第N ordinals. English: digits with separators, million/billion,
percent, number words up to twenty, ordinals. Input for Chinese is the Simplified copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Number:
    start: int  # offsets relative to the string searched
    end: int
    value: float
    percent: bool = False

    @property
    def key(self) -> str:
        v = round(self.value, 6)
        text = f"{int(v)}" if v == int(v) else f"{v:g}"
        return ("P:" if self.percent else "N:") + text


_ZH_DIGITS = "零〇一二两三四五六七八九"
_ZH_UNITS = "十百千万亿"
_ZH_NUMERAL = f"[{_ZH_DIGITS}{_ZH_UNITS}点]"
_ZH_MULT = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2, "萬": 1e4, "億": 1e8}
_ZH_RE = re.compile(
    r"(?P<pct>百分之)?"
    r"(?:(?P<arabic>\d+(?:[,，]\d{3})*(?:\.\d+)?)(?P<mult>[万亿千百萬億]{0,2})"
    rf"|(?P<cn>{_ZH_NUMERAL}{{1,}}))"
    r"(?P<pct2>%|％)?"
)
_ZH_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def _cn_value(text: str) -> float | None:
    """Value of a Chinese numeral string like 三千五百, 十二亿, 七点六四, 二〇二五."""
    if "点" in text:
        whole, _, frac = text.partition("点")
        w = _cn_value(whole) if whole else 0.0
        if w is None or not frac or any(c not in _ZH_DIGIT_VALUE for c in frac):
            return None
        return w + float("0." + "".join(str(_ZH_DIGIT_VALUE[c]) for c in frac))
    if all(c in _ZH_DIGIT_VALUE for c in text):
        if len(text) == 1:
            return float(_ZH_DIGIT_VALUE[text])
        return float("".join(str(_ZH_DIGIT_VALUE[c]) for c in text))
    total = 0.0
    section = 0.0
    digit = 0.0
    for c in text:
        if c in _ZH_DIGIT_VALUE:
            digit = _ZH_DIGIT_VALUE[c]
        elif c == "十":
            section += (digit or 1) * 10
            digit = 0
        elif c == "百":
            section += digit * 100
            digit = 0
        elif c == "千":
            section += digit * 1000
            digit = 0
        elif c in "万亿":
            mult = 1e4 if c == "万" else 1e8
            total = (total + section + digit) * mult
            section = digit = 0
        else:
            return None
    return total + section + digit


# Single characters that are part of ordinary words far more often than they are numbers.
_ZH_WORDLIKE = {"一", "万", "千", "百", "十", "亿", "两", "点"}


def zh_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    for m in _ZH_RE.finditer(text):
        pct = bool(m.group("pct") or m.group("pct2"))
        if m.group("arabic"):
            value = float(m.group("arabic").replace(",", "").replace("，", ""))
            for c in m.group("mult"):
                value *= _ZH_MULT[c]
        else:
            cn = m.group("cn").rstrip("点")
            if not cn or (len(cn) == 1 and cn in _ZH_WORDLIKE and not pct):
                continue
            if all(c in _ZH_UNITS for c in cn):
                continue
            v = _cn_value(cn)
            if v is None:
                continue
            value = v
        end = m.end() if m.group("arabic") or m.group("pct2") else m.start("cn") + len(
            m.group("cn").rstrip("点"))
        out.append(Number(m.start(), end, value, pct))
    return out


_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5,
}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3,
             "m": 1e6, "bn": 1e9}
_EN_RE = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:st|nd|rd|th)?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    r"(?P<pct>\s*%|\s*per\s?cent|\s*percent)?"
    r"|\b(?P<word>" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?P<wscale>thousand|million|billion|trillion)\b)?"
    r"(?P<wpct>\s+per\s?cent|\s+percent)?",
    re.IGNORECASE,
)


def en_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    for m in _EN_RE.finditer(text):
        if m.group("num"):
            value = float(m.group("num").replace(",", ""))
            scale = (m.group("scale") or "").lower()
            pct = bool(m.group("pct"))
        else:
            word = m.group("word").lower()
            if word in ("one", "second", "half") and not m.group("wscale"):
                continue  # "one of", "a second time": too often not a quantity
            value = float(_EN_WORDS[word])
            scale = (m.group("wscale") or "").lower()
            pct = bool(m.group("wpct"))
        if scale:
            value *= _EN_SCALE[scale]
        out.append(Number(m.start(), m.end(), value, pct))
    return out
