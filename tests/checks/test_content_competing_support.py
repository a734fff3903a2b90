"""One English word supports one Chinese word: a clause is not vouched for by words that
translate another clause."""

from __future__ import annotations

from tests.helpers import faithful, omitted, run


def test_a_word_matched_by_a_part_loses_to_the_dictionary_word() -> None:
    # "drugs" translates 药物 (抗病毒药物); 囤药 matched it by 药 only.
    zh, en = faithful("cn-health-flu")
    assert omitted(run(zh, en)) == []
    en = en.replace(", but people should not stockpile them on their own,", ",")
    assert omitted(run(zh, en)) == ["但不建议自行囤药"]


def test_a_word_said_twice_in_chinese_and_once_in_english() -> None:
    # 參與國際組織 ... 包括世界衛生大會及國際民航組織: "international organizations" once.
    zh, en = faithful("tw-g7-statement")
    en = en.replace(", including the World Health Assembly and the International Civil "
                    "Aviation Organization,", "")
    assert omitted(run(zh, en)) == ["包括世界衛生大會及國際民航組織"]


def test_two_dictionary_words_may_share_a_gloss() -> None:
    # 检方 and 提起公诉 both gloss as "prosecutors": neither takes it from the other, and the
    # faithful pair has no omission (同年9月被提起公诉 ~ "was indicted in September").
    assert omitted(run(*faithful("cn-court-bribery"))) == []
    zh, en = faithful("cn-court-bribery")
    en = en.replace(", including several senior executives of large state-owned banks.", ".")
    assert omitted(run(zh, en)) == ["其中包括多名国有大型银行的高管"]
