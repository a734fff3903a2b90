"""Two places joined by a hyphen, abbreviated by the Chinese to a syllable of each."""

from __future__ import annotations

from xcheck.lexicon.romanise import abbreviated


def test_one_syllable_of_each_place() -> None:
    assert abbreviated("Hualien-Taitung", "台铁北回线和花东线暂停行驶")  # 花(蓮) + (台)東
    assert abbreviated("Taipei-Kaohsiung", "北高两地")  # (台)北 + 高(雄)


def test_not_other_places_or_given_names() -> None:
    assert not abbreviated("Hualien-Taitung", "台北和高雄")
    assert not abbreviated("Europe-China", "欧中关系")  # not romanised Chinese: no syllable
    assert not abbreviated("Tzu-wei", "林子崴")  # a given name: too short to abbreviate
