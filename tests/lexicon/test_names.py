"""Phonetic name matching across scripts."""

from __future__ import annotations

from xcheck.lexicon.names import similarity


def test_a_silent_final_consonant_may_be_missing_from_the_transliteration() -> None:
    assert similarity("巴罗", "Barrot") >= 0.75  # French Barrot: the t is silent
    assert similarity("威特科夫", "Witkoff") == 1.0


def test_other_names_stay_apart() -> None:
    assert similarity("巴罗", "Bart") < 0.75
    assert similarity("马克龙", "Barrot") < 0.75
