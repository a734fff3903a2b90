"""Dates and time expressions ("this weekend", 週二, 上個月, 年內) added, dropped or changed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from xcheck.checks import register
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.model import Bead, Finding, Severity, Side, Span

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_EN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # First: "the same period last year" is a comparison basis, not "last year".
    (re.compile(r"\byear[- ]on[- ]year\b|\b(?:from|than|over)\s+a\s+year\s+(?:earlier|ago|"
                r"before)\b|\bsame\s+period\s+(?:of\s+)?last\s+year\b", re.I), "yoy"),
    # A part of the day after a day ("on Saturday night", "tomorrow morning"): its own
    # expression, as 週六晚間 and 明天上午 are two on the Chinese side.
    (re.compile(r"(?:(?<=day )|(?<=tomorrow ))(?:morning|early\s+hours)\b", re.I), "am"),
    (re.compile(r"(?:(?<=day )|(?<=tomorrow ))(?:afternoon|evening|night)\b", re.I), "pm"),
    (re.compile(r"\blast\s+night\b", re.I), "last-night"),
    (re.compile(r"\b(?:this|the)\s+(?:coming\s+)?weekend\b", re.I), "weekend"),
    (re.compile(r"\blast\s+weekend\b", re.I), "last-weekend"),
    (re.compile(r"\bnext\s+weekend\b", re.I), "next-weekend"),
    (re.compile(r"\b(?:(?:on|this|next|last)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|"
                r"Friday|Saturday|Sunday)s?\b"), "dow"),
    (re.compile(r"\bearly\s+(?:this|the)\s+year\b|\b(?:at\s+)?the\s+(?:start|beginning)\s+of\s+"
                r"(?:this|the)\s+year\b", re.I), "early-year"),
    (re.compile(r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b", re.I), "this"),
    (re.compile(r"\b(?P<rel>last|next|this)\s+(?P<unit>week|month|year)\b", re.I), "rel"),
    (re.compile(r"\b(?:within|by\s+the\s+end\s+of|before\s+the\s+end\s+of)\s+(?:the|this)\s+"
                r"(?P<unit>year|month|week)\b|\bby\s+year-end\b", re.I), "within"),
    (re.compile(r"\b(?:yesterday|today|tomorrow|tonight|overnight)\b", re.I), "word"),
    (re.compile(r"\b\d{1,2}(?::\d{2})?\s*a\.m\.|\b(?:in\s+the|this|that|early|on\s+\w+)"
                r"\s+morning\b|\bbefore\s+dawn\b|\bpre-dawn\b"
                r"|\bon\s+an?\s+(?:[\w-]+\s+){0,2}morning\b", re.I), "am"),
    (re.compile(r"\b\d{1,2}(?::\d{2})?\s*p\.m\.|\b(?:in\s+the|this|that|on\s+\w+)\s+"
                r"(?:afternoon|evening)\b|\bat\s+night\b|\b(?:on\s+\w+day|this|that|last|"
                r"tomorrow)\s+night\b"
                r"|\bon\s+an?\s+(?:[\w-]+\s+){0,2}(?:afternoon|evening|night)\b", re.I), "pm"),
    (re.compile(r"\b(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?)"
                r"\s+ago\b", re.I), "ago"),
]

_ZH_DAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_ZH_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Before 去年: 較去年同期 is a comparison basis, not a time.
    (re.compile(r"(?:较|較|比)?去年同期|同比|(?<![去今明])年(?:增长|增|減|减)"), "yoy"),
    (re.compile(r"(?:本|这|這)?周末|(?:本|这)週末"), "weekend"),
    (re.compile(r"上(?:个)?周末"), "last-weekend"),
    (re.compile(r"下(?:个)?周末"), "next-weekend"),
    (re.compile(r"(?:周|星期|礼拜)(?P<day>[一二三四五六日天])"), "dow"),
    (re.compile(r"(?P<rel>上|下|本|这)(?:个)?(?P<unit>周|星期|礼拜|月)"), "rel"),
    # 本年度 (this year's, of a budget), 上年度, 去年度: a year all the same.
    (re.compile(r"今年年?初|(?<![\d〇零一二两三四五六七八九十明去])年初"), "early-year"),
    (re.compile(r"(?P<rel>去|明|今)年(?:度)?(?!内|底)|(?P<rel2>本|上|下)年度"), "year"),
    (re.compile(r"年内|年底前|今年底|(?<![\d〇零一二两三四五六七八九十明去])年底|月内|周内|本月底前"),
     "within"),
    (re.compile(r"昨晚|昨夜"), "last-night"),
    # 即日(起): "(from) today".
    (re.compile(r"昨天|昨日|今天|今日|即日|明天|明日|今晚"), "word"),
    (re.compile(r"凌晨|上午|早上|清晨"), "am"),
    (re.compile(r"下午|晚上|傍晚|晚间|夜间|夜里"), "pm"),
    # 周六晚, 周日早: a bare part of the day after a weekday.
    (re.compile(r"(?<=[周期拜][一二三四五六日天])(?:晚|夜)"), "pm"),
    (re.compile(r"(?<=[周期拜][一二三四五六日天])(?:早|晨)"), "am"),
    (re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:天|周|个月|年)前"), "ago"),
]
_ZH_WORD = {"昨天": "yesterday", "昨日": "yesterday", "今天": "today", "今日": "today",
            "明天": "tomorrow", "明日": "tomorrow", "今晚": "tonight", "即日": "today",
            "凌晨": "overnight"}
_ZH_UNIT = {"周": "week", "星期": "week", "礼拜": "week", "月": "month"}
_ZH_REL = {"上": "last", "下": "next", "本": "this", "这": "this"}
_ZH_YEAR = {"去": "last", "明": "next", "今": "this", "本": "this", "上": "last", "下": "next"}
_ZH_WITHIN = {"年内": "year", "年底前": "year", "今年底": "year", "年底": "year", "月内": "month",
              "周内": "week", "本月底前": "month"}


@dataclass(frozen=True)
class TimeExpr:
    sentence: int
    start: int
    end: int
    key: str
    text: str

    @property
    def kind(self) -> str:
        return self.key.split(":")[0].split("-")[-1]


def _en_key(m: re.Match[str], kind: str) -> str:
    text = m.group().lower()
    if kind == "dow":
        return f"dow:{_DAYS.index(m.group('day').lower()) + 1}"
    if kind == "this":
        return f"this-{m.group('unit').lower()}"
    if kind == "rel":
        return f"{m.group('rel').lower()}-{m.group('unit').lower()}"
    if kind == "within":
        unit = (m.groupdict().get("unit") or "year").lower()
        return f"within-{unit}"
    if kind == "word":
        return text
    return kind


def _zh_key(m: re.Match[str], kind: str) -> str:
    if kind == "dow":
        return f"dow:{_ZH_DAY[m.group('day')]}"
    if kind == "rel":
        return f"{_ZH_REL[m.group('rel')]}-{_ZH_UNIT[m.group('unit')]}"
    if kind == "year":
        return f"{_ZH_YEAR[m.group('rel') or m.group('rel2')]}-year"
    if kind == "within":
        return f"within-{_ZH_WITHIN[m.group()]}"
    if kind == "word":
        return _ZH_WORD[m.group()]
    return kind


def _scan(text: str, base: int, sentence: int, patterns: list[tuple[re.Pattern[str], str]],
          keyer: object, original: str) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            key = keyer(m, kind)  # type: ignore[operator]
            out.append(TimeExpr(sentence, base + m.start(), base + m.end(), key,
                                original[m.start() : m.end()]))
    return sorted(out, key=lambda t: t.start)


def en_times(ctx: Context, j: int) -> list[TimeExpr]:
    s = ctx.en.sentences[j]
    return _scan(s.text, s.start, j, _EN_PATTERNS, _en_key, s.text)


def zh_times(ctx: Context, i: int) -> list[TimeExpr]:
    s = ctx.zh.sentences[i]
    return _scan(ctx.zh.norm_text[s.start : s.end], s.start, i, _ZH_PATTERNS, _zh_key, s.text)


# A comparison basis ("year on year", 同比) often goes unsaid on one side: minor.
_MINOR = frozenset({"yoy"})
# Time expressions whose omission is reported as a warning: a specific day or period the
# English could not have said in other words without a time expression of its own. A part of
# the day (凌晨, 晚间) or a span (年底前, 周内, 年初) is often folded into a clock time, a
# date or "by the end of the year" phrasing xcheck does not pair: info.
_SPECIFIC = ("dow:", "weekend", "last-weekend", "next-weekend", "yesterday", "today",
             "tomorrow", "tonight", "last-night", "last-week", "next-week", "this-week",
             "last-month", "next-month", "last-year", "next-year", "ago")


def _equivalent(a: str, b: str) -> bool:
    if a == b:
        return True
    same = {frozenset({"this-year", "within-year"}), frozenset({"today", "tonight"}),
            frozenset({"this-week", "weekend"}), frozenset({"last-night", "yesterday"}),
            frozenset({"early-year", "this-year"}),
            # 周末 alone is the weekend the story is about: the last or the coming one.
            frozenset({"weekend", "last-weekend"}), frozenset({"weekend", "next-weekend"})}
    return frozenset({a, b}) in same


def _bead_times(ctx: Context, bead: Bead) -> tuple[list[TimeExpr], list[TimeExpr]]:
    en = [t for j in bead.en for t in en_times(ctx, j)]
    zh_left = [t for i in bead.zh for t in zh_times(ctx, i)]
    # Identical keys first, then equivalent ones: 今年初 ... 本年度 against "this year"
    # leaves 今年初, not 本年度, without a counterpart.
    for match in (str.__eq__, _equivalent):
        for z in list(zh_left):
            hit = next((e for e in en if match(z.key, e.key)), None)
            if hit is not None:
                zh_left.remove(z)
                en.remove(hit)
    return zh_left, en


def _in_name(ctx: Context, e: TimeExpr) -> bool:
    """A capitalised time word after a capitalised word (Hunan Today) names something."""
    if not e.text[:1].isupper():
        return False
    before = ctx.en.text[max(ctx.en.sentences[e.sentence].start, e.start - 30) : e.start]
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and not words[-1].endswith((".", ":"))


@register("dates")
def time_expressions(ctx: Context) -> Iterator[Finding]:
    for bead in ctx.alignment.beads:
        if not bead.zh or not bead.en:
            continue
        zh_left, en_left = _bead_times(ctx, bead)
        for z in list(zh_left):
            e = next((e for e in en_left if e.kind == z.kind and z.key not in _MINOR
                      and e.key not in _MINOR), None)
            if e is None:
                continue
            zh_left.remove(z)
            en_left.remove(e)
            yield make_finding(
                "time-expression-mismatch",
                zh=Side((z.sentence,), (Span(z.start, z.end),)),
                en=Side((e.sentence,), (Span(e.start, e.end),)),
                message=f"the Chinese says \"{z.text}\" where the English says \"{e.text}\"",
                evidence="the time expressions of the aligned sentences differ",
            )
        zh_desc = "no time expression" if not any(zh_times(ctx, i) for i in bead.zh) else \
            "no matching time expression"
        zh_digits = set(re.findall(r"\d+", ctx.zh_text(bead)))
        for e in en_left:
            if e.key in ("am", "pm") and zh_digits & set(re.findall(r"\d+", e.text)):
                continue  # "7:30 p.m." for 晚7:30: the clock time is there, numbers check it
            if _in_name(ctx, e):
                continue  # "Hunan Today": part of a name, not a time
            yield make_finding(
                "time-expression-added",
                severity=Severity.INFO if e.key in _MINOR else Severity.WARNING,
                zh=Side(bead.zh), en=Side((e.sentence,), (Span(e.start, e.end),)),
                message=f"\"{e.text}\" has no counterpart in the Chinese",
                evidence=f"the aligned Chinese sentence has {zh_desc}",
            )
        for z in zh_left:
            yield make_finding(
                "time-expression-omitted",
                severity=Severity.WARNING if z.key.startswith(_SPECIFIC) else None,
                zh=Side((z.sentence,), (Span(z.start, z.end),)), en=Side(bead.en),
                message=f"\"{z.text}\" in the Chinese has no counterpart in the English",
                evidence="the aligned English sentence has no matching time expression",
            )
