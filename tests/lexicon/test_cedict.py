"""CC-CEDICT abbreviations ("abbr. for 台灣海峽|台湾海峡[...], Taiwan Strait") carry the glosses
of the full form they abbreviate, and no pinyin or "abbr" noise."""

from __future__ import annotations

from xcheck.lexicon import cedict


def test_an_abbreviation_has_its_full_forms_glosses() -> None:
    d = cedict.load()
    assert {"taiwan", "strait"} <= set(d["台海"])
    assert {"taiwan", "strait"} <= set(d["臺海"])
    assert {"nation", "secur"} <= set(d["国安"])  # (abbr. for 國家安全|国家安全[...])


def test_no_abbr_or_pinyin_stems() -> None:
    d = cedict.load()
    for word in ("台海", "七律", "B超"):
        assert "abbr" not in d[word]
    assert not {"xing", "chao", "sheng"} & set(d["B超"])
