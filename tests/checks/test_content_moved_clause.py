"""A Chinese clause the English lacks is "moved" to a neighbouring bead only on evidence."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.helpers import omitted, run
from xcheck.api import check

CORPORA = ROOT / "corpora"


def test_common_words_next_door_do_not_excuse_a_long_clause() -> None:
    zh, en = ((CORPORA / "faithful" / f"cn-macron-visit.{lang}.txt").read_text(encoding="utf-8")
              for lang in ("zh", "en"))
    assert omitted(run(zh, en)) == []
    # "visit" and "China" in the neighbouring sentences match 参观 and 交流, but neither
    # neighbour's English is long enough to carry the clause, nor is it made of the clause.
    en = en.replace(", where he will visit a university and meet local young people.", ".")
    assert omitted(run(zh, en)) == ["参观一所大学并与当地青年交流"]


def test_a_clause_a_neighbour_translates_is_moved() -> None:
    # The aligner pairs "The fourth was killed when an old apartment building collapsed in
    # Hualien City" with the next Chinese sentence (an untranslated one); its English is
    # short for that sentence, but it is made of the clause 另1人在花蓮市一棟老舊公寓倒塌時
    # 不幸罹難: the clause is translated, next door.
    report = check(CORPORA / "pairs" / "tw-hualien-quake.zh.txt",
                   CORPORA / "pairs" / "tw-hualien-quake.en.txt")
    assert not any("罹難" in text for text in omitted(report))
