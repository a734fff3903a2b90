"""xcheck.lexicon.words: the word evidence the aligner and the checks share."""

from __future__ import annotations

from xcheck.lexicon import cedict
from xcheck.lexicon.words import (
    ZH_STOPWORDS,
    longest_pieces,
    non_space_length,
    sense_pieces,
    sub_words,
    word_evidence,
)
from xcheck.load import document_from_text
from xcheck.model import Lang

ZH = "中國疾控中心病毒病所研究員王大燕介紹，目前流行的毒株以甲型H3N2亞型為主。"
EN = "Wang Dayan, a researcher at the institute, said the strains were mainly of the A type."


def test_an_unknown_word_is_looked_up_once_and_read_two_ways() -> None:
    dictionary = cedict.load()
    word = "病毒病所"
    assert word not in dictionary
    found = sub_words(word, dictionary)
    # The aligner: longest pieces left to right, no overlap; the final 所 is a function
    # character on its own, so it is no piece.
    assert longest_pieces(word, found) == ["病毒", "病"]
    # The checks: every sub-word of up to three characters; 所 ends the word after a content
    # character, so it is a suffix ("institute").
    senses = sense_pieces(word, found)
    assert {"病毒", "毒", "病", "所"} <= set(senses)
    assert senses.index("病毒") < senses.index("所")


def test_a_function_character_inside_a_word_gives_no_sense() -> None:
    dictionary = cedict.load()
    word = "这是"
    found = sub_words("这是", dictionary) if word not in dictionary else {}
    assert "是" in ZH_STOPWORDS
    assert "是" not in sense_pieces(word, found)
    assert "是" not in longest_pieces(word, found)


def test_tokens_point_into_the_original_text_and_carry_senses() -> None:
    zh, en = document_from_text(ZH, Lang.ZH), document_from_text(EN, Lang.EN)
    words = word_evidence(zh, en)
    tokens = words.zh[0]
    assert tokens and all(zh.text[t.start : t.end] == t.text for t in tokens)
    assert any(t.norm != t.text for t in tokens)  # Traditional text, Simplified lookup
    # jieba cuts 病毒|病所; 病所 is no dictionary word: the checks read 所 as "institute",
    # the aligner takes only 病.
    institute = next(t for t in tokens if t.norm == "病所")
    assert "institut" in institute.stems and institute.content
    assert institute.pieces == ("病",)
    assert not next(t for t in tokens if t.norm == "的").content
    assert all(en.text[t.start : t.end] == t.text for t in words.en[0])
    assert [t.text for t in words.en[0] if t.content][:2] == ["Wang", "Dayan"]
    assert words.zh.lengths == (non_space_length(ZH),)
    assert words.zh[0] is tokens  # kept: asked again, not segmented again


def test_english_content_words_leave_out_lower_case_abbreviations() -> None:
    en = document_from_text("They met at 9 a.m. in the U.S. capital.", Lang.EN)
    words = word_evidence(document_from_text("他们见面。", Lang.ZH), en)
    content = {t.text for t in words.en[0] if t.content}
    assert "a.m." not in content
    assert {"U.S.", "met", "capital"} <= content
