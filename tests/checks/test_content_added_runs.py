"""Unsupported English runs without a name: a warning only when the length shows an addition."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.helpers import faithful, run
from xcheck.api import check
from xcheck.model import Report, Severity

CORPORA = ROOT / "corpora"


def added_runs(report: Report, severity: Severity = Severity.WARNING) -> list[str]:
    en = report.alignment.en.text
    return [en[f.en.spans[0].start : f.en.spans[0].end] for f in report.findings
            if f.rule == "content-added" and f.severity is severity]


def test_a_run_that_makes_the_english_long_is_a_warning() -> None:
    zh, en = faithful("cn-flood-meizhou")
    assert added_runs(run(zh, en)) == []
    # The Chinese drops what the funds are for; the English keeps it and is long by it.
    zh = zh.replace("，用于受灾群众生活救助和基础设施抢修。", "。")
    found = added_runs(run(zh, en))
    assert len(found) == 1 and "emergency repairs to infrastructure" in found[0]


def test_a_run_the_unmatched_chinese_may_render_stays_info() -> None:
    # 重要轉折點 ~ "pivotal step toward": the English sentence is long (it adds elsewhere),
    # but the Chinese has as many unmatched words as the run: a paraphrase, not an addition.
    report = check(CORPORA / "seed.txt")
    assert "pivotal step toward" in added_runs(report, Severity.INFO)


def test_an_added_description_accounts_for_its_length() -> None:
    # ", a member of the opposition Kuomintang," makes the English long; the paraphrase
    # "activation of a level-one disaster response" in the same sentence gets no credit for it.
    report = check(CORPORA / "pairs" / "tw-hualien-quake.zh.txt",
                   CORPORA / "pairs" / "tw-hualien-quake.en.txt")
    assert not any("activation" in text for text in added_runs(report))
    assert any(f.rule == "clause-added" and "Kuomintang" in f.message for f in report.findings)


def test_no_new_warnings_on_faithful_pairs() -> None:
    for slug in ("cn-court-bribery", "cn-flood-meizhou", "tw-court-fraud", "tw-g7-statement"):
        assert added_runs(run(*faithful(slug))) == [], slug
