"""Runs of identical sentences: a faithful article may repeat a sentence. Copies of one
sentence's translation are not chance pairs, so the document score (and the
unrelated-articles test) holds; every surplus copy is reported."""

from __future__ import annotations

from tests.helpers import run
from xcheck.model import Category

ZH = "台北市政府今天宣布新的交通政策。\n"
EN = "The Taipei city government announced a new transport policy today.\n"


def test_three_identical_faithful_pairs_are_not_unrelated() -> None:
    report = run(ZH * 3, EN * 3)
    assert report.alignment.score > 0.5
    assert [(b.zh, b.en) for b in report.alignment.beads] == [((0,), (0,)), ((1,), (1,)),
                                                              ((2,), (2,))]
    assert report.findings == ()


def test_surplus_copies_are_each_reported() -> None:
    # The case is 5,000 against 4,000 copies (benchmarks/fuzz_cli.py's note gives
    # its time); the same at a tenth of the size keeps the suite fast.
    report = run(ZH * 500, EN * 400)
    assert not any(f.rule == "unrelated-articles" for f in report.findings)
    reported = {i for f in report.findings if f.category is Category.ZH_ONLY
                for i in f.zh.sentences}
    assert len(reported) == 100
    assert sum(len(b.zh) == 1 and len(b.en) == 1 for b in report.alignment.beads) == 400


def test_a_repeated_sentence_inside_a_normal_article() -> None:
    zh = ZH + "市長表示，新政策將在下個月開始實施。\n" + ZH + "（完）\n"
    en = EN + "The mayor said the new policy will take effect next month.\n" + EN + "(End)\n"
    report = run(zh, en)
    assert not any(f.rule == "unrelated-articles" for f in report.findings)
    assert all(len(b.zh) == 1 and len(b.en) == 1 for b in report.alignment.beads)
