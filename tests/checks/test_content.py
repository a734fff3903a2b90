"""Clauses one side drops: what anchors a clause to the other side."""

from __future__ import annotations

import pytest

from tests.conftest import CORPORA, ROOT
from tests.helpers import added, faithful, flagged, injected, omitted, run, run_mt
from xcheck.api import check
from xcheck.model import Report, Severity


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


def added_clauses(report: Report, severity: Severity | None = None) -> list[str]:
    """The English spans of the clause-added findings (at ``severity`` when given), without
    the full stop the machine-translation pass keeps on a sentence-final clause."""
    return [report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end].rstrip(".")
            for f in report.findings if f.rule == "clause-added"
            and (severity is None or f.severity is severity)]


# An English clause the dictionary cannot link is free translation's normal state: without a
# machine translation it is not reported (its words are only kept from other findings); with
# one that lacks it too, the MT is the evidence and it is a warning.
@pytest.mark.parametrize(("slug", "find", "clause"), [
    # A number the Chinese lacks makes its clause an addition, whatever the length.
    ("tw-baseball-final", "，其中約有6,000名來自台灣的球迷。",
     "including about 6,000 fans from Taiwan"),
    # A new predicate after "and" is a clause of its own.
    ("tw-hualien-quake", "，並將派遣國軍協助搜救。",
     "and would deploy troops to help with search and rescue"),
    # Nothing of "transferred", "overseas", "accounts" has a counterpart.
    ("tw-court-fraud", "，其中大部分被轉往海外帳戶。",
     "most of which was transferred to overseas accounts"),
    # Split at "and": "scoring" finds 进球 elsewhere in the sentence, the rest nothing.
    ("cn-football-csl", "，继续领跑射手榜。", "and remains top of the scoring chart"),
])
def test_an_english_clause_the_chinese_drops_needs_the_mt(slug: str, find: str,
                                                          clause: str) -> None:
    zh, en = faithful(slug)
    mt = (CORPORA / "mt" / "faithful" / f"{slug}.mt.txt").read_text("utf-8")
    assert added_clauses(run(zh, en)) == [] and added_clauses(run_mt(zh, en, mt)) == []
    zh, en, mt = injected(slug, find)
    assert added_clauses(run(zh, en)) == []
    assert added_clauses(run_mt(zh, en, mt), Severity.WARNING) == [clause]


def test_two_unmatched_words_after_but() -> None:
    # ", but people should not stockpile them on their own": two words the Chinese lacks.
    # Not reported without a machine translation (by design). Not with one either: the MT
    # pass needs mt_min_words (3) words of a clause missing from the MT, and the clause has
    # two ("people", "stockpile"), so nothing is asserted with it here.
    zh, en, _mt = injected("cn-health-flu", "，但不建议自行囤药。")
    assert "but people should not stockpile them on their own" in en
    assert added_clauses(run(zh, en)) == []


# ------------------------------------------------------------
# How much length evidence a dropped or added clause needs, and what stands in for it.
# (was tests/test_checks_clause_length.py)




def test_a_lost_number_in_an_english_clause_is_a_number_added_info() -> None:
    # "up 6.2 percentage points from the previous week": "week" and "points" find
    # counterparts elsewhere in the Chinese; 6.2 does not. The clause is not reported without
    # a machine translation (nor with one: fewer than mt_min_words of its words lack a
    # dictionary counterpart); the number the Chinese lacks is, at info.
    zh, en = faithful("cn-health-flu")
    assert added(run(zh, en)) == []
    assert flagged(run(zh, en), "number-added", "en") == []
    zh, en, _mt = injected("cn-health-flu", "，较前一周上升6.2个百分点。")
    report = run(zh, en)
    assert added(report) == []
    numbers = [f for f in report.findings if f.rule == "number-added"]
    assert [f.severity for f in numbers] == [Severity.INFO]
    assert flagged(report, "number-added", "en")[0].startswith("6.2")


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


# ------------------------------------------------------------
# Numbers inside clauses.
# (was tests/test_checks_clause_numbers.py)


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


# ------------------------------------------------------------
# A dropped Chinese clause told by the words when the length does not tell.
# (was tests/test_checks_clause_words.py)


FAITHFUL = ROOT / "corpora" / "faithful"


def test_many_unmatched_words_and_an_english_with_nothing_to_spare() -> None:
    # The English sentence is not short (it spells out "the Guangdong contingent of the
    # People's Armed Police"), but 5 words of the clause match nothing and the English has
    # only 2 unmatched words that could paraphrase them.
    zh, en = faithful("cn-flood-meizhou")
    en = en.replace(", equipped with assault boats and lifesaving equipment,", "")
    assert omitted(run(zh, en)) == ["携带冲锋舟和救生器材参与搜救"]


def test_half_unmatched_when_the_english_is_short_by_the_whole_clause() -> None:
    # 车企 ("vehicles") and 首位 ("first") find words of the other clause; the English is
    # short by all of 继续位居国内车企首位 and has no unmatched word.
    zh, en = faithful("cn-ev-exports")
    en = en.replace(", keeping it in first place among Chinese automakers.", ".")
    assert omitted(run(zh, en)) == ["继续位居国内车企首位"]


@pytest.mark.parametrize("slug", sorted({p.name.split(".")[0]
                                         for p in FAITHFUL.glob("*.zh.txt")}))
def test_no_clause_omitted_in_faithful_pairs(slug: str) -> None:
    assert omitted(run(*faithful(slug))) == []


# ------------------------------------------------------------
# One English word supports one Chinese word: a clause is not vouched for by words that
# translate another clause.
# (was tests/test_checks_competing_support.py)


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


# ------------------------------------------------------------
# A Chinese clause the English lacks is "moved" to a neighbouring bead only on evidence.
# (was tests/test_checks_moved_clause.py)


def test_common_words_next_door_do_not_excuse_a_long_clause() -> None:
    zh, en = ((CORPORA / "faithful" / f"cn-macron-visit.{lang}.txt").read_text(encoding="utf-8")
              for lang in ("zh", "en"))
    assert omitted(run(zh, en)) == []
    # "visit" and "China" in the neighbouring sentences match 参观 and 交流, but neither
    # neighbour's English is long enough to carry the clause, nor is it made of the clause.
    en = en.replace(", where he will visit a university and meet local young people.", ".")
    assert omitted(run(zh, en)) == ["参观一所大学并与当地青年交流"]


def test_a_clause_a_neighbour_translates_is_moved() -> None:
    # The aligner pairs "The fourth was killed when an old apartment building collapsed in
    # Hualien City" with the next Chinese sentence (an untranslated one); its English is
    # short for that sentence, but it is made of the clause 另1人在花蓮市一棟老舊公寓倒塌時
    # 不幸罹難: the clause is translated, next door.
    report = check(CORPORA / "pairs" / "tw-hualien-quake.zh.txt",
                   CORPORA / "pairs" / "tw-hualien-quake.en.txt")
    assert not any("罹難" in text for text in omitted(report))


# ------------------------------------------------------------
# Unsupported English runs: an info when the length shows an addition, a warning only when
# the run names a place xcheck knows that the Chinese sentence lacks; otherwise not reported.
# (was tests/test_checks_added_runs.py)


def added_runs(report: Report, severity: Severity | None = Severity.WARNING) -> list[str]:
    """content-added spans at ``severity`` (None: at any severity)."""
    en = report.alignment.en.text
    return [en[f.en.spans[0].start : f.en.spans[0].end] for f in report.findings
            if f.rule == "content-added" and (severity is None or f.severity is severity)]


def test_a_run_that_makes_the_english_long_is_an_info() -> None:
    zh, en = faithful("cn-flood-meizhou")
    assert added_runs(run(zh, en), None) == []
    # The Chinese drops what the funds are for; the English keeps it and is long by it. On
    # real translations a long English alone was mostly paraphrase: an info, not a warning.
    zh = zh.replace("，用于受灾群众生活救助和基础设施抢修。", "。")
    report = run(zh, en)
    found = added_runs(report, Severity.INFO)
    assert len(found) == 1 and "emergency repairs to infrastructure" in found[0]
    assert added_runs(report) == []


def test_a_run_naming_a_place_the_chinese_lacks_is_a_warning() -> None:
    # "The choice of a Middle East envoy ...": a rewritten clause built on a known place
    # (the Middle East) the aligned Chinese does not name.
    report = check(CORPORA / "seed.txt")
    assert any(text.startswith("choice of a Middle East envoy") for text in added_runs(report))


def test_a_run_the_unmatched_chinese_may_render_is_not_reported() -> None:
    # 重要轉折點 ~ "pivotal step toward": the English sentence is long (it adds elsewhere),
    # but the Chinese has as many unmatched words as the run: a paraphrase, not an addition.
    report = check(CORPORA / "seed.txt")
    en = report.alignment.en.text
    assert "pivotal step toward" in en
    assert not any("pivotal step toward" in text for text in added_runs(report, None))


def test_an_added_description_accounts_for_its_length() -> None:
    # ", a member of the opposition Kuomintang," makes the English long; the paraphrase
    # "activation of a level-one disaster response" in the same sentence gets no credit for it.
    report = check(CORPORA / "pairs" / "tw-hualien-quake.zh.txt",
                   CORPORA / "pairs" / "tw-hualien-quake.en.txt")
    assert not any("activation" in text for text in added_runs(report, None))


def test_an_added_description_is_reported_at_info() -> None:
    report = check(CORPORA / "pairs" / "tw-hualien-quake.zh.txt",
                   CORPORA / "pairs" / "tw-hualien-quake.en.txt")
    assert any(f.rule == "clause-added" and f.severity is Severity.INFO
               and "Kuomintang" in f.message for f in report.findings)


def test_no_new_warnings_on_faithful_pairs() -> None:
    for slug in ("cn-court-bribery", "cn-flood-meizhou", "tw-court-fraud", "tw-g7-statement"):
        assert added_runs(run(*faithful(slug))) == [], slug


# ------------------------------------------------------------
# An added description of someone (", a former prosecutor,", ", who took office in 2024,",
# "... and a former judge") is reported even when it is only two words: at info (the
# dictionary is the only evidence).
# (was tests/test_checks_appositives.py)


ZH = "審判長李佩珊表示，本案被害人數眾多，不宜輕判。張家豪於去年被捕。"
EN = ("Presiding Judge Lee Pei-shan said the case had a large number of victims and did not "
      "warrant a light sentence. Chang was arrested last year.")


def appositives_added(report: Report) -> list[str]:
    found = [f for f in report.findings if f.rule == "clause-added"]
    assert all(f.severity is Severity.INFO for f in found), found
    return [report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end] for f in found]


def test_faithful_has_none() -> None:
    assert appositives_added(run(ZH, EN)) == []


@pytest.mark.parametrize(("find", "replace", "span"), [
    ("Lee Pei-shan said", "Lee Pei-shan, a former prosecutor, said", "a former prosecutor"),
    ("Lee Pei-shan said", "Lee Pei-shan, who joined the bench in 2001, said",
     "who joined the bench in 2001"),
])
def test_an_added_description_is_found(find: str, replace: str, span: str) -> None:
    assert appositives_added(run(ZH, EN.replace(find, replace))) == [span]


def test_a_main_clause_after_a_comma_is_no_description() -> None:
    zh = "根據主辦單位統計，本場比賽吸引了4萬1,235名觀眾進場。"
    en = "According to the organizers, the game drew a crowd of 41,235."
    assert appositives_added(run(zh, en)) == []
