"""A sentence absorbed into a bead is reported when at most one word in ten has a counterpart
of its own: its other matches are names its neighbours repeat, or Chinese words the other
sentences already translate (a Chinese sentence: unless the English gives its numbers)."""

from __future__ import annotations

import pytest

from tests.conftest import CORPORA, ROOT
from tests.helpers import run
from xcheck.api import check, check_documents
from xcheck.checks import sentences
from xcheck.load import document_from_text
from xcheck.model import Category, Lang, Report
from xcheck.settings import AlignSettings, CheckSettings, Settings

PAIR = "cn-court-bribery"  # its sentence 9 (王立新说……) has no English; the aligner absorbs it
EXTRA = "王立新说，周建国的家属对判决结果表示理解。"


def missing(settings: Settings = Settings()) -> list[str]:
    report: Report = check(CORPORA / "pairs" / f"{PAIR}.zh.txt",
                           CORPORA / "pairs" / f"{PAIR}.en.txt", settings)
    return [report.alignment.zh.text[f.zh.spans[0].start : f.zh.spans[0].end]
            for f in report.findings if f.rule == "sentence-missing-in-en"]


def test_a_sentence_matched_only_by_repeated_names_is_reported() -> None:
    assert EXTRA in missing()


def test_only_by_this_rule() -> None:
    # The dictionary-only alignment absorbs it into [9,10,11]:[11], where only this rule
    # finds it (with meaning evidence the aligner makes it [8,9]:[10], found by others too).
    dictionary_only = AlignSettings(embeddings=False)
    assert EXTRA in missing(Settings(align=dictionary_only))
    assert EXTRA not in missing(Settings(align=dictionary_only,
                                         checks=CheckSettings(absorbed_barely=-1.0)))


def test_not_when_the_english_gives_its_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentences, "_numbers_shared", lambda *a: True)
    # on the dictionary-only alignment, where this rule alone finds it (see above)
    assert EXTRA not in missing(Settings(align=AlignSettings(embeddings=False)))


def test_numbers_shared() -> None:
    from xcheck.load import document_from_text
    from xcheck.model import Alignment, Bead, Lang

    zh = document_from_text("韓國隊以5比4險勝澳洲隊。", Lang.ZH)
    en = document_from_text("South Korea edged Australia 5-4.", Lang.EN)
    from xcheck.checks.context import Context

    ctx = Context(Alignment(zh, en, (Bead((0,), (0,)),)), ())
    assert sentences._numbers_shared(zh.sentences[0].text, Bead((0,), (0,)), ctx)
    assert not sentences._numbers_shared("對美國出口年增48.2%。", Bead((0,), (0,)), ctx)


def test_an_english_sentence_supported_only_through_words_others_use(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """tw-court-fraud's planted sentence "Such schemes have proliferated in Taiwan as interest
    in digital assets has grown among retail investors." is absorbed into a 2-3 bead; its
    'interest' and 'Taiwan' match 月息 and 新臺幣, which the other English sentences already
    translate ("monthly return", "NT$")."""
    def added() -> list[str]:
        report = check(CORPORA / "pairs" / "tw-court-fraud.zh.txt",
                       CORPORA / "pairs" / "tw-court-fraud.en.txt")
        return [report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end]
                for f in report.findings if f.rule == "sentence-added-in-en"]

    assert any(s.startswith("Such schemes have proliferated") for s in added())
    monkeypatch.setattr(sentences, "_own_support", lambda *a: True)
    assert not any(s.startswith("Such schemes have proliferated") for s in added())


# ------------------------------------------------------------
# A 1-1 bead of two sentences that share nothing: each side is reported as unmatched.
# (was tests/test_checks_unrelated_pair.py)


FAITHFUL = ROOT / "corpora" / "faithful"


def read(slug: str, lang: str) -> str:
    return (FAITHFUL / f"{slug}.{lang}.txt").read_text(encoding="utf-8")


def sentence_findings(report: Report) -> list[tuple[str, str]]:
    out = []
    for f in report.findings:
        if f.type.value != "sentence" or f.category not in (Category.OMISSION,
                                                              Category.ADDITION):
            continue
        doc, side = ((report.alignment.zh, f.zh) if f.category is Category.OMISSION
                     else (report.alignment.en, f.en))
        out.append((f.rule, doc.text[side.spans[0].start : side.spans[0].end]))
    return out


def test_faithful_pairs_have_no_unrelated_beads() -> None:
    for slug in ("tw-baseball-final", "cn-flood-meizhou", "cn-court-bribery"):
        assert sentence_findings(run(read(slug, "zh"), read(slug, "en"))) == []


def test_an_inserted_sentence_paired_with_an_unrelated_one() -> None:
    zh = read("tw-baseball-final", "zh")
    inserted = "張家豪於2025年3月14日在桃園機場準備出境時遭到逮捕，此後一直羈押至今。"
    after = "送出7次三振，獲選為本場最有價值球員。"
    at = zh.index(after) + len(after)
    zh_doc = document_from_text(zh[:at] + inserted + zh[at:], Lang.ZH)
    en_doc = document_from_text(read("tw-baseball-final", "en"), Lang.EN)
    # The dictionary-only aligner pairs it with the unrelated English sentence 4 ...
    dictionary_only = Settings(align=AlignSettings(embeddings=False))
    found = sentence_findings(check_documents(zh_doc, en_doc, dictionary_only))
    assert ("sentence-missing-in-en", inserted) in found
    # ... with meaning evidence it is a zh-only bead of its own, reported as such.
    report = check_documents(zh_doc, en_doc)
    assert [(f.rule, f.category) for f in report.findings if f.type.value == "sentence"] == [
        ("sentence-missing-in-en", Category.ZH_ONLY)]
