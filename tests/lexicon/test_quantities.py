"""Identifiers with digits, and approximate or rephrased quantities in zh and en."""

from __future__ import annotations

import pytest

from xcheck.lexicon.quantities import (
    Alternative,
    en_quantity_alternatives,
    en_values,
    identifier_spans,
    same_quantity,
    zh_quantity_alternatives,
    zh_values,
)


def _ids(text: str) -> list[str]:
    return [text[s:e] for s, e in identifier_spans(text)]


@pytest.mark.parametrize("token", ["COVID-19", "G7", "G20", "A320", "A320neo", "MH17", "5G",
                                   "B-52", "F-35", "Win10", "H5N1", "PM2.5", "SARS-CoV-2",
                                   "3D", "MH370"])
def test_identifiers(token: str) -> None:
    assert _ids(f"the {token} story") == [token]


def test_identifiers_inside_chinese() -> None:
    assert _ids("新冠COVID-19疫情") == ["COVID-19"]
    assert _ids("G20峰会在5G时代") == ["G20", "5G"]


@pytest.mark.parametrize("text", ["US$5", "HK$10", "RMB5", "Q3", "5cm", "5pm", "10th",
                                  "1990s", "3.5bn", "Apollo 11", "iPhone 13",
                                  "10 Downing Street", "Sept15", "No.1", "FY2024"])
def test_not_identifiers(text: str) -> None:
    assert _ids(text) == []


def _zh(text: str) -> list[tuple[str, tuple[float, ...], bool]]:
    return [(text[a.start:a.end], a.values, a.percent) for a in zh_quantity_alternatives(text)]


def _en(text: str) -> list[tuple[str, tuple[float, ...], bool]]:
    return [(text[a.start:a.end], a.values, a.percent) for a in en_quantity_alternatives(text)]


@pytest.mark.parametrize("word", ["近半", "过半", "一半", "半数", "超过一半"])
def test_zh_half(word: str) -> None:
    assert _zh(f"{word}的人") == [(word, (50.0, 0.5), True)]


def test_zh_neighbouring_digits() -> None:
    assert _zh("四五厘米") == [("四五", (4.0, 5.0), False)]
    assert _zh("三四十人") == [("三四十", (30.0, 40.0), False)]
    assert _zh("十五六岁") == [("十五六", (15.0, 16.0), False)]
    assert _zh("二十五六岁") == [("二十五六", (25.0, 26.0), False)]
    assert _zh("七八百万") == [("七八百万", (7e6, 8e6), False)]
    assert _zh("三五天") == [("三五", (3.0, 5.0), False)]


def test_zh_digit_lists_are_not_ranges() -> None:
    assert _zh("一二三") == []
    assert _zh("二四") == []


def test_zh_vague_ranges() -> None:
    assert _zh("十几个")[0][1] == tuple(float(v) for v in range(11, 20))
    assert _zh("十余人")[0][1] == tuple(float(v) for v in range(11, 20))
    assert _zh("二十多人")[0][1] == tuple(float(v) for v in range(21, 30))
    assert _zh("数十人")[0][1] == tuple(10.0 * d for d in range(2, 10))
    assert _zh("几百人")[0][1] == tuple(100.0 * d for d in range(2, 10))
    assert _zh("数十万")[0][1][0] == 200000.0
    assert _zh("上百人")[0][1][:2] == (100.0, 200.0)
    assert _zh("数以万计")[0][1][0] == 20000.0


def test_zh_clock_times() -> None:
    assert _zh("5点半") == [("5点半", (5.5, 5.3, 17.5, 17.3), False)]
    assert _zh("下午5点半") == [("下午5点半", (17.5, 17.3), False)]
    assert _zh("上午十点") == [("上午十点", (10.0,), False)]
    assert _zh("凌晨3点15分") == [("凌晨3点15分", (3.25, 3.15), False)]
    assert _zh("五点三刻")[0][1][:2] == (5.75, 5.45)


def test_zh_cheng_double_fraction() -> None:
    assert _zh("两成") == [("两成", (20.0,), True)]
    assert _zh("两三成") == [("两三成", (20.0, 30.0), True)]
    assert _zh("翻番") == [("翻番", (2.0, 100.0), False)]
    assert _zh("翻一番") == [("翻一番", (2.0, 100.0), False)]
    assert _zh("翻两番") == [("翻两番", (4.0, 300.0), False)]
    span, values, pct = _zh("三分之一")[0]
    assert span == "三分之一" and pct and values[1] == pytest.approx(1 / 3)


def test_alternative_is_the_documented_tuple() -> None:
    alt = zh_quantity_alternatives("近半")[0]
    assert isinstance(alt, Alternative) and isinstance(alt, tuple)
    start, end, values, percent = alt
    assert (start, end, values, percent) == (0, 2, (50.0, 0.5), True)


@pytest.mark.parametrize("phrase", ["nearly half", "almost half", "more than half", "half",
                                    "a majority"])
def test_en_half(phrase: str) -> None:
    assert _en(f"{phrase} of them") == [(phrase, (50.0, 0.5), True)]


def test_en_ranges_and_times() -> None:
    assert _en("4-5cm") == [("4-5", (4.0, 5.0), False)]
    assert _en("30 to 40 people") == [("30 to 40", (30.0, 40.0), False)]
    assert _en("the 2019-20 season") == []  # falling: no range
    assert _en("at 5.30pm") == [("5.30pm", (5.5, 5.3, 17.5, 17.3), False)]
    assert _en("at 5:30 p.m.") == [("5:30 p.m.", (5.5, 5.3, 17.5, 17.3), False)]
    assert _en("at 10am") == [("10am", (10.0,), False)]
    assert _en("at 17:30") == [("17:30", (17.5, 17.3), False)]


def test_en_vague_counts() -> None:
    assert _en("a dozen people")[0][1][0] == 12.0
    assert _en("dozens of people")[0][1] == tuple(10.0 * d for d in range(2, 10))
    assert _en("hundreds of people")[0][1][0] == 200.0
    assert _en("tens of thousands")[0][1][0] == 20000.0
    assert _en("a couple of days") == [("a couple of", (2.0, 3.0), False)]
    assert _en("doubled") == [("doubled", (2.0, 100.0), False)]
    span, values, pct = _en("two-thirds of voters")[0]
    assert span == "two-thirds" and pct and values[0] == pytest.approx(200 / 3)


@pytest.mark.parametrize(("zh", "en"), [
    ("近半", "nearly 50%"), ("过半", "more than 50%"), ("近半", "nearly half"),
    ("四五厘米", "4-5cm"), ("三四十人", "30 to 40 people"), ("5点半", "5.30pm"),
    ("两成", "20 percent"), ("翻一番", "doubled"), ("十几个", "a dozen"),
    ("数十人", "dozens of people"), ("近10万", "nearly 100,000"), ("约3.5亿", "350 million"),
    ("1.5万", "15,000"), ("三分之一", "a third"), ("数万", "tens of thousands"),
])
def test_same_quantity(zh: str, en: str) -> None:
    assert same_quantity(zh_values(zh), en_values(en))


@pytest.mark.parametrize(("zh", "en"), [
    ("15%", "20%"), ("近半", "a third"), ("5点半", "6pm"), ("十几个", "dozens"),
    ("1.5万", "150,000"),
])
def test_different_quantity(zh: str, en: str) -> None:
    assert not same_quantity(zh_values(zh), en_values(en))


def test_en_values_skip_identifier_digits() -> None:
    assert en_values("COVID-19 killed 5 in the G20") == (5.0,)


def test_same_quantity_tolerance() -> None:
    assert same_quantity((100000.0,), (98000.0,))
    assert not same_quantity((100000.0,), (90000.0,))
    assert same_quantity([0.0], [0.0])
