"""An added description of someone (", a former prosecutor,", ", who took office in 2024,",
"... and a former judge") is reported even when it is only two words."""

from __future__ import annotations

import pytest

from tests.helpers import run
from xcheck.model import Report, Severity

ZH = "審判長李佩珊表示，本案被害人數眾多，不宜輕判。張家豪於去年被捕。"
EN = ("Presiding Judge Lee Pei-shan said the case had a large number of victims and did not "
      "warrant a light sentence. Chang was arrested last year.")


def added(report: Report) -> list[str]:
    return [report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end]
            for f in report.findings
            if f.rule == "clause-added" and f.severity is not Severity.INFO]


def test_faithful_has_none() -> None:
    assert added(run(ZH, EN)) == []


@pytest.mark.parametrize(("find", "replace", "span"), [
    ("Lee Pei-shan said", "Lee Pei-shan, a former prosecutor, said", "a former prosecutor"),
    ("Lee Pei-shan said", "Lee Pei-shan, who joined the bench in 2001, said",
     "who joined the bench in 2001"),
])
def test_an_added_description_is_found(find: str, replace: str, span: str) -> None:
    assert added(run(ZH, EN.replace(find, replace))) == [span]


def test_a_main_clause_after_a_comma_is_no_description() -> None:
    zh = "根據主辦單位統計，本場比賽吸引了4萬1,235名觀眾進場。"
    en = "According to the organizers, the game drew a crowd of 41,235."
    assert added(run(zh, en)) == []
