"""A given name supported only by a dictionary gloss of the surname's transliteration
(CC-CEDICT: 特朗普 "Donald Trump") is still an addition."""

from __future__ import annotations

from tests.helpers import flagged, run
from xcheck.model import Report


def name_parts(report: Report) -> list[str]:
    return flagged(report, "name-part-added", "en")


def test_a_given_name_from_the_gloss_of_a_transliterated_surname() -> None:
    report = run("德國總理默茨表示,已向特朗普提出一份和平計畫建議。",
                 "German Chancellor Merz said he had submitted a peace proposal to Donald Trump.")
    assert name_parts(report) == ["Donald"]


def test_the_surname_alone_is_no_addition() -> None:
    report = run("德國總理默茨表示,已向特朗普提出一份和平計畫建議。",
                 "German Chancellor Merz said he had submitted a peace proposal to Trump.")
    assert name_parts(report) == []


def test_the_full_transliteration_is_no_addition() -> None:
    report = run("德國總理默茨表示,已向唐納德·特朗普提出一份和平計畫建議。",
                 "German Chancellor Merz said he had submitted a peace proposal to Donald Trump.")
    assert name_parts(report) == []
