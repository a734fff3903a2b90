"""Clauses one side drops: what anchors a clause to the other side."""

from __future__ import annotations

from tests.helpers import faithful, omitted, run
from xcheck.model import Report


def test_a_clause_whose_number_the_english_states_is_translated() -> None:
    # 但仍有5个村庄处于“失联”状态 ~ "but five villages remain “cut off.”"; 本場比賽吸引了
    # 4萬1,235名觀眾進場 ~ "the game drew a crowd of 41,235": paraphrases, anchored by the number.
    assert omitted(run(*faithful("cn-flood-meizhou"))) == []
    assert omitted(run(*faithful("tw-baseball-final"))) == []


def test_a_clause_whose_number_the_english_lacks_is_omitted() -> None:
    # Even in a long English sentence (it spells out 中国疾控中心病毒病所), a clause with a
    # number the English does not state is reported, not only the number.
    zh, en = faithful("cn-health-flu")
    assert omitted(run(zh, en)) == []
    en = en.replace(", which accounted for more than 90%.", ".")
    assert omitted(run(zh, en)) == ["占比超过九成"]


def test_numbers_inside_latin_names_are_not_lost_numbers() -> None:
    zh, en = faithful("tw-g7-statement")  # G7連續多年在聲明中提及台海
    assert omitted(run(zh, en)) == []


def added_clauses(report: Report) -> list[str]:
    return [report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end]
            for f in report.findings if f.rule == "clause-added"]


def test_english_clauses_the_chinese_drops() -> None:
    zh, en = faithful("tw-baseball-final")
    assert added_clauses(run(zh, en)) == []
    # A number the Chinese lacks makes its clause an addition, whatever the length.
    found = added_clauses(run(zh.replace("，其中約有6,000名來自台灣的球迷。", "。"), en))
    assert found == ["including about 6,000 fans from Taiwan"]
    # A new predicate after "and" is a clause of its own.
    zh, en = faithful("tw-hualien-quake")
    found = added_clauses(run(zh.replace("，並將派遣國軍協助搜救。", "。"), en))
    assert found == ["and would deploy troops to help with search and rescue"]


def test_two_unmatched_words_after_but() -> None:
    zh, en = faithful("cn-health-flu")
    found = added_clauses(run(zh.replace("，但不建议自行囤药。", "。"), en))
    assert found == ["but people should not stockpile them on their own"]
