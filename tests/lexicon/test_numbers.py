"""xcheck.lexicon.numbers: numbers read from Chinese and English text."""

from __future__ import annotations

import pytest

from xcheck.lexicon.numbers import en_numbers, zh_numbers


@pytest.mark.parametrize(("text", "value"), [
    ("關稅將提高百分之十。", 10.0),
    ("关税将提高百分之十。", 10.0),
    ("支持率為百分之百。", 100.0),
    ("提高百分之二十五。", 25.0),
    ("成長12%。", 12.0),
])
def test_chinese_percentages(text: str, value: float) -> None:
    numbers = zh_numbers(text)
    assert [(n.value, n.percent) for n in numbers] == [(value, True)]


@pytest.mark.parametrize("text", ["他十分高興。", "千百年來如此。"])
def test_a_bare_unit_numeral_inside_a_word_is_not_a_number(text: str) -> None:
    assert zh_numbers(text) == []


def test_the_english_and_chinese_ten_percent_agree() -> None:
    zh, = zh_numbers("關稅將提高百分之十。")
    en, = en_numbers("tariffs would rise by 10 percent.")
    assert (zh.value, zh.percent) == (en.value, en.percent)
