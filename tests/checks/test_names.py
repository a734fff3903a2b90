"""Place names: a dictionary name is matched by its English form or its romanisation, not by
sounding like another name; names at the head of organisations; townships that are words."""

from __future__ import annotations

from tests.helpers import run
from xcheck.model import Report, Severity


def name_rules(report: Report) -> list[str]:
    return [f.rule for f in report.findings
            if f.type.value == "name" and f.severity is not Severity.INFO]


def test_a_country_that_sounds_like_another_is_a_mismatch() -> None:
    report = run("从目的地看，比利时、英国和巴西位列前三位。",
                 "By destination, Germany, Britain and Brazil were the top three.")
    assert "name-mismatch" in name_rules(report)


def test_a_city_at_the_head_of_a_court_name() -> None:
    report = run("杭州市中级人民法院周二公开宣判。",
                 "The Shanghai Intermediate People's Court delivered its verdict on Tuesday.")
    assert "name-mismatch" in name_rules(report)


def test_the_kind_of_place_is_not_the_place() -> None:
    report = run("暴雨袭击了平远县、大埔县等地。",
                 "The rainstorms hit Pingyuan and Jiaoling counties.")
    assert "name-mismatch" in name_rules(report)


def test_a_romanised_name_matches_the_whole_chinese_name() -> None:
    report = run("华东商业银行原副行长周建国受贿案一审宣判。",
                 "Former Huadong Commercial Bank vice president Zhou Jianguo sentenced.")
    assert name_rules(report) == []


def test_a_township_that_is_an_ordinary_word_is_no_name() -> None:
    report = run("我们只来得及抱着孩子往山上跑。",
                 "We only had time to grab the children and run up the hill.")
    assert name_rules(report) == []


def test_sea_in_a_gloss_is_not_the_sea() -> None:
    report = run("雙方就中國在東海及黃海的軍事活動交換意見。",
                 "The two sides exchanged views on China's military activities in the East "
                 "China Sea and the South China Sea.")
    assert name_rules(report) == ["name-omitted"]


def test_a_place_at_the_head_of_a_word_jieba_cut_wrongly() -> None:
    report = run("新北地檢署於同年5月起訴張家豪。",
                 "The Taoyuan District Prosecutors Office indicted Chang in May that year.")
    assert "name-mismatch" in name_rules(report)


def test_the_head_of_an_organisation_is_a_title() -> None:
    report = run("行政院長卓榮泰表示，中央已撥出緊急救災經費。",
                 "Premier Cho Jung-tai said the central government had allocated emergency "
                 "relief funds.")
    assert name_rules(report) == []
