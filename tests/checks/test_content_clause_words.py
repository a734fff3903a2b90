"""A dropped Chinese clause told by the words when the length does not tell."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.helpers import faithful, omitted, run

FAITHFUL = ROOT / "corpora" / "faithful"


def test_many_unmatched_words_and_an_english_with_nothing_to_spare() -> None:
    # The English sentence is not short (it spells out "the Guangdong contingent of the
    # People's Armed Police"), but 5 words of the clause match nothing and the English has
    # only 2 unmatched words that could paraphrase them.
    zh, en = faithful("cn-flood-meizhou")
    en = en.replace(", equipped with assault boats and lifesaving equipment,", "")
    assert omitted(run(zh, en)) == ["携带冲锋舟和救生器材参与搜救"]


def test_half_unmatched_when_the_english_is_short_by_the_whole_clause() -> None:
    # 车企 ("vehicles") and 首位 ("first") find words of the other clause; the English is
    # short by all of 继续位居国内车企首位 and has no unmatched word.
    zh, en = faithful("cn-ev-exports")
    en = en.replace(", keeping it in first place among Chinese automakers.", ".")
    assert omitted(run(zh, en)) == ["继续位居国内车企首位"]


@pytest.mark.parametrize("slug", sorted({p.name.split(".")[0]
                                         for p in FAITHFUL.glob("*.zh.txt")}))
def test_no_clause_omitted_in_faithful_pairs(slug: str) -> None:
    assert omitted(run(*faithful(slug))) == []
