"""Time expressions: equivalences between the Chinese and English ways of saying a time."""

from __future__ import annotations

import pytest

from tests.helpers import run
from xcheck.model import Report


def time_rules(report: Report) -> list[str]:
    return [f.rule for f in report.findings if f.type.value == "date_time"]


@pytest.mark.parametrize(("zh", "en"), [
    ("中華隊週六晚間在東京以3比1擊敗日本隊。",
     "Chinese Taipei beat Japan 3-1 in Tokyo on Saturday night."),
    ("上海队在周六晚进行的比赛中击败北京队。",
     "Shanghai beat Beijing in a match on Saturday night."),
    ("台鐵北迴線暫停行駛，預計明天上午恢復通車。",
     "Railway services on the North-link line were suspended and are expected to resume "
     "tomorrow morning."),
    ("政府早前估計，本年度財政赤字約為872億港元。",
     "The government earlier estimated this year's fiscal deficit at about HK$87.2 billion."),
    ("全国已接种流感疫苗约6,800万剂次，较去年同期增长12%。",
     "About 68 million doses of flu vaccine have been given, up 12% from the same period "
     "last year."),
    ("管理處宣布，園區步道即日起全面封閉。",
     "The park announced that all trails are closed from today."),
    ("警方表示，嫌犯昨晚在家中被捕。", "Police said the suspect was arrested at home last night."),
    ("工厂预计明年初投产。", "The factory is expected to start production early next year."),
])
def test_equivalent_time_expressions_are_not_findings(zh: str, en: str) -> None:
    assert time_rules(run(zh, en)) == []


def test_a_part_of_the_day_the_english_drops_is_still_found() -> None:
    report = run("中華隊週六晚間在東京以3比1擊敗日本隊。",
                 "Chinese Taipei beat Japan 3-1 in Tokyo on Saturday.")
    assert time_rules(report) == ["time-expression-omitted"]


def test_japanese_young_people_are_not_this_year() -> None:
    report = run("日本年輕人越來越少。", "There are fewer and fewer young people in Japan.")
    assert time_rules(report) == []


def test_identical_keys_are_matched_before_equivalent_ones() -> None:
    report = run("政府今年初估計，本年度財政赤字約為872億港元。",
                 "The government estimated this year's fiscal deficit at about HK$87.2 billion.")
    found = [(f.rule, report.alignment.zh.text[f.zh.spans[0].start : f.zh.spans[0].end])
             for f in report.findings if f.type.value == "date_time"]
    assert found == [("time-expression-omitted", "今年初")]


def test_on_a_rainy_evening_is_a_time_expression() -> None:
    report = run("比赛吸引了5.2万名球迷到场观战。",
                 "The match drew 52,000 fans on a rainy evening.")
    assert time_rules(report) == ["time-expression-added"]
