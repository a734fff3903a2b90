"""xcheck.api: one word evidence per check(), made once and shared by the aligner and the
checks (each Chinese sentence goes through jieba once, machine translation or not)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPORA
from xcheck import api
from xcheck.lexicon.words import WordEvidence
from xcheck.model import Report

ZH = CORPORA / "faithful" / "cn-health-flu.zh.txt"
EN = CORPORA / "faithful" / "cn-health-flu.en.txt"
MT = CORPORA / "mt" / "faithful" / "cn-health-flu.mt.txt"


@pytest.fixture
def segmented(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every text jieba is asked to segment (lcut and tokenize both go through cut)."""
    from xcheck.resources import jieba_tokenizer

    tokenizer = jieba_tokenizer()
    original = tokenizer.cut
    calls: Counter[str] = Counter()

    def cut(sentence: str, *args: Any, **kwargs: Any) -> Iterator[str]:
        calls[sentence] += 1
        result: Iterator[str] = original(sentence, *args, **kwargs)
        return result

    monkeypatch.setattr(tokenizer, "cut", cut)
    return calls


def chinese_sentences(report: Report) -> Counter[str]:
    zh = report.alignment.zh
    return Counter(zh.norm_text[s.start : s.end] for s in zh.sentences)


@pytest.mark.parametrize("mt", [None, MT], ids=["plain", "mt"])
def test_check_segments_each_chinese_sentence_once(segmented: Counter[str],
                                                   mt: Path | None) -> None:
    report = api.check(ZH, EN, mt=mt)
    if mt is not None:
        assert report.alignment.mt is not None and report.alignment.mt.used
    assert report.findings is not None
    assert segmented == chinese_sentences(report)


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[WordEvidence]]:
    """The word evidence the aligner was given (each call) and the one the checks read."""
    import xcheck.aligner
    import xcheck.checks

    seen: dict[str, list[WordEvidence]] = {"aligner": [], "checks": []}
    align, run_checks = xcheck.aligner.align_documents, xcheck.checks.run_checks

    def spy_align(*args: Any, words: WordEvidence | None = None, **kwargs: Any) -> Any:
        assert words is not None
        seen["aligner"].append(words)
        return align(*args, words=words, **kwargs)

    def spy_checks(ctx: Any, *args: Any, **kwargs: Any) -> Any:
        seen["checks"].append(ctx.words)
        return run_checks(ctx, *args, **kwargs)

    monkeypatch.setattr(xcheck.aligner, "align_documents", spy_align)
    monkeypatch.setattr(xcheck.checks, "run_checks", spy_checks)
    return seen


def test_the_aligner_and_the_checks_see_the_same_evidence(
        shared: dict[str, list[WordEvidence]]) -> None:
    report = api.check(ZH, EN)
    [aligned], [checked] = shared["aligner"], shared["checks"]
    assert aligned is checked
    assert checked.zh.doc is report.alignment.zh and checked.en.doc is report.alignment.en


def test_the_machine_translation_is_mapped_with_the_same_chinese_words(
        shared: dict[str, list[WordEvidence]]) -> None:
    api.check(ZH, EN, mt=MT)
    *mapping, aligned = shared["aligner"]
    [checked] = shared["checks"]
    assert mapping and aligned is checked
    assert all(m.zh is checked.zh for m in mapping)  # the MT side differs, the Chinese not


def test_evidence_made_for_other_documents_is_not_used() -> None:
    zh, en = api.read_inputs(ZH, EN)
    other_zh, other_en = api.read_inputs(ZH, EN)
    stale = api.word_evidence(other_zh, other_en)
    assert api.word_evidence(zh, en, stale) is not stale
    fresh = api.word_evidence(zh, en)
    assert api.word_evidence(zh, en, fresh) is fresh
