"""How much length evidence a dropped or added clause needs, and what stands in for it."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.helpers import added, faithful, omitted, run
from xcheck.api import check

CORPORA = ROOT / "corpora"


def test_a_lost_number_in_a_clause_the_english_is_long_by() -> None:
    # "week" and "points" find counterparts elsewhere in the Chinese; 6.2 does not.
    zh, en = faithful("cn-health-flu")
    assert added(run(zh, en)) == []
    zh = zh.replace("，较前一周上升6.2个百分点。", "。")
    assert added(run(zh, en)) == ["up 6.2 percentage points from the previous week"]


def test_a_clause_with_nothing_matched_needs_less_length() -> None:
    # The English is long by less than half the clause's share, but none of "transferred",
    # "overseas", "accounts" has a counterpart: in a 1-1 bead that is enough.
    zh, en = faithful("tw-court-fraud")
    zh = zh.replace("，其中大部分被轉往海外帳戶。", "。")
    assert added(run(zh, en)) == ["most of which was transferred to overseas accounts"]


def test_a_chinese_clause_with_nothing_matched_needs_less_length() -> None:
    zh, en = faithful("tw-court-fraud")
    assert omitted(run(zh, en)) == []
    en = en.replace(", causing many families to lose all their savings.", ".")
    assert omitted(run(zh, en)) == ["造成許多家庭積蓄全失"]


def test_english_words_that_may_paraphrase_the_clause_keep_the_full_requirement() -> None:
    # 全場沒有出現任何失誤 ~ "did not commit a single error": the dictionary links none of
    # it, but the English has as many unmatched words to paraphrase it with.
    assert omitted(run(*faithful("tw-baseball-final"))) == []


def test_a_clause_in_a_larger_bead_keeps_the_full_requirement() -> None:
    # 雙方高度不信任 ~ "With mutual distrust at extreme levels", in a 2-2 bead.
    report = check(CORPORA / "seed.txt")
    assert not any("mutual distrust" in text for text in added(report))
