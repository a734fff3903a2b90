"""A sentence the DP leaves on one side only is re-paired when the lexical evidence says so."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from xcheck.aligner import align_documents
from xcheck.load import document_from_text
from xcheck.model import Lang

FAITHFUL = ROOT / "corpora" / "faithful"


def beads(zh: str, en: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    alignment = align_documents(document_from_text(zh, Lang.ZH), document_from_text(en, Lang.EN))
    return [(b.zh, b.en) for b in alignment.beads]


def texts(slug: str) -> tuple[str, str]:
    return tuple(  # type: ignore[return-value]
        (FAITHFUL / f"{slug}.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "en"))


def test_a_shortened_english_sentence_keeps_its_chinese() -> None:
    zh, en = texts("tw-court-fraud")
    assert ((4,), (5,)) in beads(zh, en)
    # Without its clause the English sentence is short for 檢方調查發現 ...; the length term
    # alone would leave the Chinese unmatched and give the English to the bead before.
    en = en.replace(", most of which was transferred to overseas accounts.", ".")
    found = beads(zh, en)
    assert ((4,), (5,)) in found and ((3,), (4,)) in found
    assert not any(not z or not e for z, e in found)


def test_a_shortened_chinese_sentence_keeps_its_english() -> None:
    zh, en = texts("tw-g7-statement")
    zh = zh.replace("，並就中國在東海及南海的軍事活動交換意見。", "。")
    found = beads(zh, en)
    assert ((7,), (6,)) in found and ((8,), (7,)) in found


def test_a_sentence_on_one_side_only_stays_so() -> None:
    # A dropped English sentence: its Chinese would gain a little lexical evidence by taking
    # the next bead's first English sentence, not enough to be re-paired.
    zh, en = texts("hk-legco-rail")
    en, n = re.subn(r"The government expects construction to begin[^.]*\. ?", "", en)
    assert n == 1
    assert ((3,), ()) in beads(zh, en)
