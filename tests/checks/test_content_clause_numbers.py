"""Numbers inside clauses, and clauses split off at "and"."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.helpers import added, faithful, omitted, run
from xcheck.api import check

CORPORA = ROOT / "corpora"


def test_a_lost_number_in_a_clause_the_english_is_short_by() -> None:
    # 三振 finds "three" (of 3支安打) and 送出 a word too; the 7 is nowhere.
    report = check(CORPORA / "pairs" / "tw-baseball-final.zh.txt",
                   CORPORA / "pairs" / "tw-baseball-final.en.txt")
    assert "送出7次三振" in omitted(report)


def test_a_multiple_rendered_as_a_percentage_anchors_its_clause() -> None:
    # 同比增幅达1.5倍 ~ "rising 150% year on year".
    zh, en = faithful("cn-ev-exports")
    assert "同比增幅达1.5倍" in zh and "150%" in en
    assert omitted(run(zh, en)) == []


def test_a_clause_split_at_and_when_the_chinese_has_little_unmatched() -> None:
    # "scoring" finds 进球 elsewhere in the sentence: 3 of 4 words unmatched is enough when
    # the Chinese has fewer unmatched words than that.
    zh, en = faithful("cn-football-csl")
    assert added(run(zh, en)) == []
    zh = zh.replace("，继续领跑射手榜。", "。")
    assert added(run(zh, en)) == ["and remains top of the scoring chart"]
