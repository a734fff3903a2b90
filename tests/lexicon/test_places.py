"""Names of several English words (南海 South China Sea, 新北 New Taipei, 台湾大学 National
Taiwan University) are matched whole: one of their words ("Taipei", "China", "Taiwan") does
not name the place. Descriptions (商务部 Ministry of Commerce) still match word by word."""

from __future__ import annotations

from tests.helpers import run
from xcheck.lexicon import cedict
from xcheck.lexicon.places import has_phrase, name_senses, phrase_stems
from xcheck.model import Report, Severity


def name_rules(report: Report) -> list[str]:
    return [f.rule for f in report.findings
            if f.type.value == "name" and f.severity is not Severity.INFO]


def test_the_dictionary_keeps_multi_word_names() -> None:
    phrases, _ = cedict.name_phrases("南海")
    assert ("south", "china", "sea") in phrases
    assert name_senses("南海")[0] == (("south", "china"),)  # "sea" is the kind of place
    assert ("new", "taipei") in name_senses("新北")[0]
    # A description with no name in it, and a single character, are no such names.
    assert name_senses("商务部")[0] == ()
    assert name_senses("粤")[0] == ()


def test_a_phrase_matches_in_any_order_but_together() -> None:
    assert has_phrase(("univers", "hong", "kong"), phrase_stems("Hong Kong University"))
    assert has_phrase(("south", "china"), phrase_stems("in the South China Sea"))
    assert not has_phrase(("south", "china"), phrase_stems("the East China Sea, to the south"))
    assert phrase_stems("China's U.S.-Japan") == ["china", "u.s", "japan"]


def test_one_word_of_new_taipei_is_not_new_taipei() -> None:
    report = run("新北地檢署週一起訴兩名男子。",
                 "The Taipei District Prosecutors Office indicted two men on Monday.")
    assert "name-mismatch" in name_rules(report)


def test_new_taipei_whole_matches() -> None:
    report = run("新北地檢署週一起訴兩名男子。",
                 "The New Taipei District Prosecutors Office indicted two men on Monday.")
    assert name_rules(report) == []


def name_findings(report: Report) -> list[tuple[str, str, Severity]]:
    """(rule, Chinese span, severity) of the name findings, at any severity."""
    return [(f.rule, report.alignment.zh.text[f.zh.spans[0].start : f.zh.spans[0].end]
             if f.zh.spans else "", f.severity) for f in report.findings
            if f.type.value == "name"]


def test_china_in_east_china_sea_does_not_name_the_south_china_sea() -> None:
    en = ("The two sides exchanged views on China's military activities in the East China Sea "
          "and the Yellow Sea.")
    assert not has_phrase(("south", "china"), phrase_stems(en))
    report = run("雙方就中國在東海及南海的軍事活動交換意見。", en)
    # 南海 is unmatched. An info, not a warning: whether the article names a known place
    # at all is judged leniently (any name word of a known form: "China").
    assert name_findings(report) == [("name-omitted", "南海", Severity.INFO)]
    report = run("雙方就中國在東海及南海的軍事活動交換意見。",
                 en.replace("the Yellow Sea", "the South China Sea"))
    assert name_findings(report) == []


def test_taiwan_does_not_name_national_taiwan_university() -> None:
    report = run("國立臺灣大學教授黃明分析，台海安全已成全球議題。",
                 "Huang Ming, a professor at National Chengchi University, said security in "
                 "the Taiwan Strait had become a global issue.")
    # 臺灣大學 is unmatched ("Taiwan" of "Taiwan Strait" does not name it); not a place
    # xcheck knows, so the finding is an info.
    assert name_findings(report) == [("name-omitted", "臺灣大學", Severity.INFO)]
    report = run("國立臺灣大學教授黃明分析，台海安全已成全球議題。",
                 "Huang Ming, a professor at National Taiwan University, said security in "
                 "the Taiwan Strait had become a global issue.")
    assert name_findings(report) == []


def test_a_ministry_is_matched_word_by_word() -> None:
    report = run("商务部周二发布了新的出口数据。",
                 "The Commerce Ministry released new export data on Tuesday.")
    assert name_rules(report) == []
