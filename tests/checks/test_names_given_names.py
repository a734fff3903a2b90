"""A given name the English spells out is not an addition when the Chinese has it too, in a
reading xcheck cannot match (中村悠真 ~ Yuma Nakamura) or before a name dot."""

from __future__ import annotations

from tests.helpers import flagged, run
from xcheck.model import Report


def name_parts(report: Report) -> list[str]:
    return flagged(report, "name-part-added", "en")


def test_a_japanese_given_name_next_to_the_surname() -> None:
    report = run("日本隊在2局下率先由中村悠真擊出陽春全壘打得分。",
                 "Japan went ahead in the bottom of the second inning on a solo home run by "
                 "Yuma Nakamura.")
    assert name_parts(report) == []


def test_a_transliterated_given_name_before_a_name_dot() -> None:
    report = run("法国总统埃马纽埃尔·马克龙周四抵达北京。",
                 "French President Emmanuel Macron arrived in Beijing on Thursday.")
    assert name_parts(report) == []


def test_a_surname_alone_still_gets_the_given_name_flagged() -> None:
    report = run("日本隊在2局下率先由中村擊出陽春全壘打得分。",
                 "Japan went ahead in the bottom of the second inning on a solo home run by "
                 "Yuma Nakamura.")
    assert name_parts(report) == ["Yuma"]
    report = run("法国总统马克龙周四抵达北京。",
                 "French President Emmanuel Macron arrived in Beijing on Thursday.")
    assert name_parts(report) == ["Emmanuel"]
