"""Numbers in Chinese and English text, normalised so the two sides can be compared.

Chinese: Arabic numerals with 萬/億 multipliers (1.5萬), Chinese numerals (三千五百, 十二億),
百分之 percentages, 第N ordinals. English: digits with separators, million/billion,
percent, number words up to twenty, ordinals. Input for Chinese is the Simplified copy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Number:
    start: int  # offsets relative to the string searched
    end: int
    value: float
    percent: bool = False
    times: bool = False  # 1.5倍: also reads as 150%

    @property
    def key(self) -> str:
        v = round(self.value, 6)
        # Robustness fix (issue 6): a numeral of hundreds of digits (一一一…, 1111…) is
        # float infinity, and int(inf) raises; non-finite values get their "%g" form.
        text = f"{int(v)}" if math.isfinite(v) and v == int(v) else f"{v:g}"
        return ("P:" if self.percent else "N:") + text


_ZH_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZH_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_CN = "〇零一二两三四五六七八九十百千"
# A number: Arabic or Chinese numerals mixed with 十/百/千/万/亿 (4万1,235; 3万8千; 七千万).
_ZH_RE = re.compile(
    r"(?P<pct>百分之)?"
    rf"(?P<num>(?:{_ARABIC}|[{_CN}])(?:{_ARABIC}|[{_CN}万亿萬億]|点[{_CN[:11]}]+|点\d+)*)"
    r"(?P<suffix>%|％|成|倍)?"
)
# Measure words and units after a lone Chinese numeral that make it a quantity, not a word.
_MEASURE = set("个人名位家项次场年月日天周岁元块亿万千百座条艘架辆件倍成度分秒点公里米吨斤户所间"
               "栋起宗例篇部台只头匹张本届期轮局杆球枪")


def _value(text: str) -> float | None:
    """Value of a numeral string mixing Arabic and Chinese digits and units."""
    tokens = re.findall(rf"{_ARABIC}|点\d+|点[{_CN[:11]}]+|.", text)
    total = 0.0  # everything up to the last 亿
    wan = 0.0  # the 万 part below it
    section = 0.0  # below 万
    digit: float | None = None
    for tok in tokens:
        if tok[0].isdigit():
            digit = float(tok.replace(",", "").replace("，", ""))
        elif tok.startswith("点"):
            frac = tok[1:]
            if frac.isdigit():
                digits = frac
            elif all(c in _ZH_DIGIT_VALUE for c in frac):
                digits = "".join(str(_ZH_DIGIT_VALUE[c]) for c in frac)
            else:
                return None
            digit = (digit or 0.0) + float("0." + digits)
        elif tok in _ZH_DIGIT_VALUE:
            d = float(_ZH_DIGIT_VALUE[tok])
            # 二〇二五: a run of bare digits reads positionally.
            digit = d if digit is None or section or total or wan else digit * 10 + d
        elif tok in _ZH_UNIT_VALUE:
            section += (1.0 if digit is None else digit) * _ZH_UNIT_VALUE[tok]
            digit = None
        elif tok in ("万", "萬"):
            wan = (section + (digit or 0.0)) * 1e4 or 1e4
            section, digit = 0.0, None
        elif tok in ("亿", "億"):
            total = (total + wan + section + (digit or 0.0)) * 1e8 or 1e8
            wan, section, digit = 0.0, 0.0, None
        else:
            return None
    return total + wan + section + (digit or 0.0)


def zh_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    for m in _ZH_RE.finditer(text):
        num = m.group("num")
        suffix = m.group("suffix") or ""
        pct = bool(m.group("pct")) or suffix in ("%", "％", "成")
        arabic = any(c.isdigit() for c in num)
        if not arabic and len(num) == 1 and not pct and not suffix:
            nxt = text[m.end() : m.end() + 1]
            if not nxt or nxt not in _MEASURE:
                continue  # 三振, 一些, 十分: a numeral inside a word
        if not arabic and all(c in "十百千" for c in num) and not m.group("pct"):
            continue  # 十分 (very), 千百 ...; but 百分之十 is 10%
        value = _value(num)
        if value is None:
            continue
        if suffix == "成":
            value *= 10
        end = m.end() if suffix in ("%", "％", "成") else m.start("num") + len(num)
        out.append(Number(m.start(), end, value, pct, times=suffix == "倍"))
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
    # A currency code written onto the number (RMB280, USD11, HK$5) does not hide it.
    r"(?:(?<![\w.])|(?<=RMB)|(?<=USD)|(?<=HKD)|(?<=CNY)|(?<=EUR)|(?<=US\$)|(?<=HK\$))"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:st|nd|rd|th)?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    r"(?P<pct>\s*%|\s*per\s?cent|\s*percent)?"
    r"|\b(?P<word>" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?P<wscale>thousand|million|billion|trillion)\b)?"
    r"(?P<wpct>\s+per\s?cent|\s+percent)?",
    re.IGNORECASE,
)


def en_numbers(text: str) -> list[Number]:
    return list(_en_numbers(text))


@lru_cache(maxsize=20_000)  # the checks read a sentence's numbers several times
def _en_numbers(text: str) -> tuple[Number, ...]:
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
    return tuple(out)
