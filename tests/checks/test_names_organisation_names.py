"""A name run that ends in an ordinary word (Beijing Chaoyang Hospital) names a place or an
organisation: a place in it the Chinese lacks is a mismatch, not an added given name; and a
city that ends like an English word (Beijing, Kunming) is still a name."""

from __future__ import annotations

from tests.helpers import run
from xcheck.checks.context import EnToken
from xcheck.checks.names import _name_like
from xcheck.model import Report, Severity


def names_found(report: Report) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in report.findings
            if f.type.value == "name" and f.severity is not Severity.INFO]


def token(text: str) -> EnToken:
    return EnToken(0, len(text), text, text.lower(), True, True)


def test_a_city_ending_like_an_english_word_is_a_name() -> None:
    assert _name_like(token("Beijing"))
    assert _name_like(token("Kunming"))
    assert not _name_like(token("Banking"))


def test_another_city_at_the_head_of_a_hospital_is_a_mismatch() -> None:
    report = run("上海朝阳医院主任医师童明表示，大多数患者症状较轻。",
                 "Tong Ming, a chief physician at Beijing Chaoyang Hospital, said most patients "
                 "had mild symptoms.")
    found = names_found(report)
    assert [rule for rule, _ in found] == ["name-mismatch"]
    assert "上海" in found[0][1] and "Beijing" in found[0][1]


def test_the_same_hospital_is_no_finding() -> None:
    report = run("北京朝阳医院主任医师童明表示，大多数患者症状较轻。",
                 "Tong Ming, a chief physician at Beijing Chaoyang Hospital, said most patients "
                 "had mild symptoms.")
    assert names_found(report) == []


def test_a_given_name_before_a_surname_is_still_a_given_name() -> None:
    report = run("美国特使威特科夫周末将抵达柏林。",
                 "U.S. envoy Steve Witkoff will arrive in Berlin this weekend.")
    assert "name-part-added" in [rule for rule, _ in names_found(report)]
