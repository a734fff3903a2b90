"""Names xcheck knows and the forms each is known by (xcheck.lexicon.known_names)."""

from __future__ import annotations

from xcheck.lexicon import known_names as known
from xcheck.lexicon.places import phrase_stems


def test_chinese_forms_of_an_english_name() -> None:
    assert "屯门" in known.chinese_forms("Tuen Mun")  # CC-CEDICT, by its name words
    assert "杭州" in known.chinese_forms("Hangzhou")
    assert "中东" in known.chinese_forms("Middle East")  # the curated table
    assert known.chinese_forms("Zorblat") == frozenset()


def test_english_forms_as_stem_phrases() -> None:
    forms = known.english_forms("法国")
    assert known.has_form(forms, phrase_stems("the French government said"))
    assert not known.has_form(forms, phrase_stems("the German government said"))
    assert known.english_forms("阿兹明") == ()


def test_places_and_their_kind() -> None:
    assert known.is_place("台东") and known.is_place("中东") and known.is_place("成都")
    assert not known.is_place("新冠") and not known.is_place("国情咨文")
    assert known.is_country("英国") and not known.is_country("伦敦")


def test_a_known_place_absent_from_the_chinese() -> None:
    assert known.known_place_absent("Mexico", "比亚迪在泰国和巴西的工厂")
    assert not known.known_place_absent("Brazil", "比亚迪在泰国和巴西的工厂")
    assert not known.known_place_absent("COVID-19", "疫情")  # known, but no place


def test_fold() -> None:
    assert known.fold("Bắc Giang") == "Bac Giang"
    assert known.fold("in St. Petersburg") == "in Saint Petersburg"
