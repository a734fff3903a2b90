"""Issue 12: a finding needs positive evidence of a divergence; severity says how strong.

Each case is a free but faithful rendering that the dictionary alone would flag (it must give
no warning), or a real divergence with specific evidence (it must give one)."""

from __future__ import annotations

from tests.helpers import run
from xcheck.model import Report, Severity

SEVERE = (Severity.WARNING, Severity.ERROR)


def severe(report: Report) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in report.findings if f.severity in SEVERE]


def rules(report: Report, severity: Severity | None = None) -> set[str]:
    return {f.rule for f in report.findings if severity is None or f.severity is severity}


# --- names: paired on evidence, not reported for a missing dictionary match -------------

def test_an_acronym_of_the_chinese_organisation_is_its_translation() -> None:
    report = run("美国环保局周二表示，将收紧排放标准。",
                 "The EPA said on Tuesday that it would tighten emission standards.")
    assert not {"name-added", "name-omitted", "name-mismatch"} & rules(report)


def test_an_established_form_is_no_mismatch() -> None:
    report = run("北溪管道项目遭到美国制裁。",
                 "The Nord Stream pipeline project was hit by US sanctions.")
    assert severe(report) == []


def test_two_known_places_that_differ_are_a_mismatch() -> None:
    report = run("比亚迪在泰国和巴西的工厂已陆续投产。",
                 "BYD's plants in Thailand and Mexico have started production one after another.")
    found = [f for f in report.findings if f.rule == "name-mismatch"]
    assert [(f.severity, report.alignment.en.text[f.en.spans[0].start:f.en.spans[0].end])
            for f in found] == [(Severity.WARNING, "Mexico")]


def test_a_city_and_its_country_are_no_mismatch() -> None:
    report = run("据中国驻英国大使馆网站消息，发言人25日表示。",
                 "According to the website of the Chinese Embassy in London, the spokesman said "
                 "on the 25th.")
    assert "name-mismatch" not in rules(report)


def test_an_unknown_name_left_over_is_only_an_info() -> None:
    report = run("他在会上发言。", "Zorblat spoke at the meeting.")
    assert rules(report, Severity.WARNING) == set()


def test_a_chinese_persons_english_given_name_is_not_added() -> None:
    report = run("依然是拆弹专家，但刘德华新角色的复杂。",
                 "Still a bomb disposal expert, but Andy Lau's new role is complex.")
    assert "name-part-added" not in rules(report)


def test_a_transliterated_surname_with_an_added_given_name_is_reported() -> None:
    report = run("阿拉巴马州司法部长马歇尔称，该行政令是该州的一个胜利。",
                 "Alabama Attorney General Steve Marshall called the executive order a victory "
                 "for the state.")
    assert ("name-part-added", Severity.WARNING) in {(f.rule, f.severity)
                                                    for f in report.findings}


def test_a_name_written_whole_with_name_dots_is_no_addition() -> None:
    report = run("主持会议的马来西亚贸工部部长阿兹明·阿里表示，会议取得成功。",
                 "Presiding over the meeting, Malaysia's trade minister Mohamed Azmin Ali said "
                 "the meeting was a success.")
    assert not any(f.rule == "name-part-added" and "Azmin" in f.message
                   for f in report.findings)


# --- numbers: identifiers and equivalent quantities --------------------------------------

def test_the_number_in_covid_19_is_no_quantity() -> None:
    report = run("新冠疫情重创该州。", "The COVID-19 epidemic hit the state hard.")
    assert not {"number-added", "number-mismatch"} & rules(report)


def test_rephrased_quantities_are_the_same() -> None:
    for zh, en in [("近半受访者表示支持。", "Nearly 50% of respondents said they were in favour."),
                   ("公路裂开四五厘米。", "The road cracked 4-5cm wide."),
                   ("他走出五六百米。", "He walked five or six hundred meters."),
                   ("“90后”更爱攒钱。", "The post-90s generation loves saving more."),
                   ("比利时有1100多万人口。", "Belgium has a population of more than 11 million."),
                   ("32个县进入紧急状态。", "Thirty two counties entered a state of emergency.")]:
        assert not {"number-omitted", "number-added", "number-mismatch"} & rules(run(zh, en)), zh


def test_a_changed_number_is_an_error_and_a_rounding_a_warning() -> None:
    changed = run("该省下拨2030万元救灾资金。",
                  "The province allocated 203 million yuan of relief funds.")
    assert ("number-mismatch", Severity.ERROR) in {(f.rule, f.severity) for f in changed.findings}
    rounded = run("约有412名被害人。", "There were about 421 victims.")
    assert ("number-mismatch", Severity.WARNING) in {(f.rule, f.severity)
                                                    for f in rounded.findings}


def test_an_added_number_is_only_an_info() -> None:
    report = run("他表示将继续努力。", "He said he would keep working for 25 years.")
    assert {f.severity for f in report.findings if f.rule == "number-added"} == {Severity.INFO}


# --- dates ----------------------------------------------------------------------------

def test_last_year_inside_a_year_on_year_phrase_is_matched() -> None:
    report = run("招收规模相比去年增加近2000人。",
                 "The scale of recruitment has increased by nearly 2,000 compared with last year.")
    assert "time-expression-added" not in rules(report)


def test_a_clock_time_the_chinese_gives_is_not_added() -> None:
    report = run("该剧于晚7:30播出。", "The series airs at 7:30 p.m.")
    assert "time-expression-added" not in rules(report)


def test_a_dropped_day_is_a_warning_and_a_part_of_the_day_an_info() -> None:
    day = run("乌鲁木齐将从今天开始进行免费核酸检测。",
              "Urumqi will carry out free nucleic acid tests.")
    assert ("time-expression-omitted", Severity.WARNING) in {(f.rule, f.severity)
                                                            for f in day.findings}
    part = run("当天晚间联合发布声明称，飞机撞上住宅。",
               "A joint statement issued that day said the plane hit a house.")
    assert {f.severity for f in part.findings if f.rule == "time-expression-omitted"} <= {
        Severity.INFO}


# --- clauses: dictionary-only evidence is an info at most ----------------------------------

def test_a_paraphrased_clause_is_not_a_warning() -> None:
    report = run("布展到凌晨四点半，时间很紧，也有点遗憾。",
                 "I was busy with placement until 4:30 a.m., the schedule was so tight, which is "
                 "a bit sad.")
    assert not {r for r, _ in severe(report)} & {"clause-added", "clause-omitted",
                                                 "content-added"}


def test_a_book_title_is_a_quotation() -> None:
    report = run("张建宗当日发表题为《形势严峻 全力抗疫》的网志。",
                 'On the same day, Zhang published a blog titled "Severe Situation, Fight '
                 'Against the Epidemic".')
    assert "quote-added" not in rules(report)


def test_a_repeated_number_the_english_states_once() -> None:
    zh = "新华社香港7月26日电 政务司司长张建宗26日表示，疫情形势持续严峻。"
    same = run(zh, "HONG KONG, July 26 (Xinhua) -- The Chief Secretary said the epidemic "
                   "situation remained severe.")
    assert not {"number-omitted", "number-mismatch"} & rules(same)
    changed = run(zh, "HONG KONG, July 78 (Xinhua) -- The Chief Secretary said the epidemic "
                      "situation remained severe.")
    assert "number-mismatch" in rules(changed)
