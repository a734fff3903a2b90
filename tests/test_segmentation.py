"""Sentence and word segmentation, with offsets as the truth."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xcheck.load import document_from_text
from xcheck.model import Document, Lang, Script
from xcheck.segmentation import build_document, simplified_copy, words


def zh_sents(text: str) -> list[str]:
    return [s.text for s in document_from_text(text, Lang.ZH).sentences]


def en_sents(text: str) -> list[str]:
    return [s.text for s in document_from_text(text, Lang.EN).sentences]


def test_zh_rules() -> None:
    assert zh_sents("他說:「我們會努力。」隨後離開。") == ["他說:「我們會努力。」", "隨後離開。"]
    assert zh_sents("增長3.5%,高於預期!真的嗎?是的;沒錯……好") == [
        "增長3.5%,高於預期!", "真的嗎?", "是的;", "沒錯……", "好"]
    assert zh_sents("請見 www.example.com/a?b=1 網站。U.S. 官員表示同意。") == [
        "請見 www.example.com/a?b=1 網站。", "U.S. 官員表示同意。"]
    assert zh_sents("「你好。」,他說。") == ["「你好。」,他說。"]


def test_en_news_abbreviations() -> None:
    text = ("Mr. Smith met Gen. Lee at 9 a.m. on Jan. 5 in Washington, D.C. with U.S. "
            "officials. Sen. Jones of Acme Inc. and Dr. Wu said No. 3 was next. It rained.")
    assert en_sents(text) == [
        "Mr. Smith met Gen. Lee at 9 a.m. on Jan. 5 in Washington, D.C. with U.S. officials.",
        "Sen. Jones of Acme Inc. and Dr. Wu said No. 3 was next.",
        "It rained.",
    ]


def test_presegmented_mode() -> None:
    doc = document_from_text("第一句。第二句。\n\n第三句\n第四句。\n", Lang.ZH, presegmented=True)
    assert [s.text for s in doc.sentences] == ["第一句。第二句。", "第三句", "第四句。"]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]


def test_simplified_copy_keeps_length() -> None:
    text = "臺灣裡的電腦軟體與資訊,週二會晤。"
    norm = simplified_copy(text, Script.TRADITIONAL)
    assert len(norm) == len(text)
    assert norm.startswith("台湾")


def test_words_map_back_to_original() -> None:
    doc = document_from_text("烏克蘭總統澤連斯基週二表示願意談判。", Lang.ZH)
    ws = words(doc, doc.sentences[0])
    assert "".join(w.text for w in ws) == doc.sentences[0].text
    assert all(doc.text[w.start : w.end] == w.text for w in ws)
    assert any(w.norm == "乌克兰" and w.text == "烏克蘭" for w in ws)
    en = document_from_text("The U.S. envoy's plan isn't final, he said.", Lang.EN)
    toks = [w.text for w in words(en, en.sentences[0])]
    assert toks[:4] == ["The", "U.S.", "envoy's", "plan"]


def _check_invariants(doc: Document) -> None:
    text = doc.text
    prev_end = 0
    for s in doc.sentences:
        assert prev_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        prev_end = s.end
        last = s.start
        for w in words(doc, s):
            assert last <= w.start < w.end <= s.end
            assert text[w.start : w.end] == w.text
            last = w.end
        covered = "".join(w.text for w in words(doc, s))
        assert covered == "".join(s.text.split())
    # Sentences cover every non-space character of every paragraph.
    for p in doc.paragraphs:
        inside = "".join(s.text for s in doc.sentences if s.paragraph == p.index)
        assert "".join(inside.split()) == "".join(text[p.start : p.end].split())


ZH_ALPHABET = st.sampled_from(
    [*"烏克蘭总统說表示。！？；…，,.!?;「」“”（）3.5% ab\n　", "U.S.", "……"])
EN_ALPHABET = st.sampled_from([*"abc XYZ.,!?;:\"'()-\n", "Mr.", "U.S.", " the ", "3.5"])


@settings(max_examples=150, deadline=None)
@given(st.lists(ZH_ALPHABET, max_size=80).map("".join))
def test_zh_segmentation_invariants(text: str) -> None:
    if text.strip():
        _check_invariants(build_document(text, Lang.ZH))


@settings(max_examples=150, deadline=None)
@given(st.lists(EN_ALPHABET, max_size=80).map("".join))
def test_en_segmentation_invariants(text: str) -> None:
    if text.strip():
        _check_invariants(build_document(text, Lang.EN))


def test_user_dictionary_keeps_names_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from xcheck.api import segment
    from xcheck.resources import jieba_tokenizer
    from xcheck.settings import Settings

    # A made-up name no corpus uses: the dictionary is process-wide, so other tests must
    # not see a change in how their articles split.
    article = tmp_path / "a.zh.txt"
    article.write_text("特使薩瓦托雷諾夫週末抵達柏林。\n", encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("# names the newsroom uses\n薩瓦托雷諾夫 1000 nr\n", encoding="utf-8")
    before = document_from_text(article.read_text("utf-8"), Lang.ZH)
    assert "薩瓦托雷諾夫" not in [w.text for w in words(before, before.sentences[0])]
    try:
        doc = segment(article, Lang.ZH, Settings(user_dict=str(names)))
        assert "薩瓦托雷諾夫" in [w.text for w in words(doc, doc.sentences[0])]
    finally:
        jieba_tokenizer().del_word("萨瓦托雷诺夫")


def test_user_dictionary_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from xcheck.errors import ConfigError
    from xcheck.segmentation import load_user_dict

    with pytest.raises(ConfigError, match="no such user dictionary"):
        load_user_dict(str(tmp_path / "missing.txt"))
    bad = tmp_path / "bad.txt"
    bad.write_text("威特科夫 many\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.txt:1"):
        load_user_dict(str(bad))


def test_long_english_paragraph_is_split_in_chunks(monkeypatch: object) -> None:
    """A paragraph of megabytes is given to Punkt in chunks (its regex time limit applies to
    the whole call); the chunks must not change the sentences."""
    import pytest

    from xcheck import segmentation

    sentences = [f"Mr. Lee said on Tuesday that exports rose {k}.5% in the U.S. market."
                 for k in range(60)] + ["“We are ready,” she said.", "It ended at 3 p.m. Monday."]
    text = " ".join(sentences * 3) + "\n"
    whole = [s.text for s in document_from_text(text, Lang.EN).sentences]
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(segmentation, "EN_CHUNK", 300)
        chunked = [s.text for s in document_from_text(text, Lang.EN).sentences]
    finally:
        mp.undo()
    assert chunked == whole == sentences * 3
