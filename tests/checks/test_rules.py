"""The rule table drives every finding, the document-level rules included: rule settings
switch them off or change their severity; the MT pass is switched off by name like a check."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPORA, SEED
from xcheck.api import alignment_warnings, check, check_documents
from xcheck.checks import RULES, available
from xcheck.config import load_config
from xcheck.load import document_from_text
from xcheck.model import Category, FindingType, Lang, Severity
from xcheck.settings import AlignSettings, Settings

EN = ("The minister arrived in Beijing on Monday for talks. The two sides discussed trade. "
      "The meeting lasted three hours. Both said the talks were useful.")


def _settings(tmp_path: Path, body: str) -> Settings:
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text(body, "utf-8")
    return load_config(cfg).settings


def test_the_table_knows_the_document_rules() -> None:
    for name in ("same-language", "unrelated-articles"):
        assert RULES[name].type is FindingType.DOCUMENT
        assert RULES[name].default_severity is Severity.ERROR
    assert {"document", "mt"} <= set(available())


def test_same_language_is_one_finding_from_the_table() -> None:
    report = check_documents(document_from_text(EN, Lang.ZH, check_lang=False),
                             document_from_text(EN, Lang.EN))
    assert [(f.rule, f.category, f.severity) for f in report.findings] == [
        ("same-language", Category.MISMATCH, Severity.ERROR)]
    assert report.findings[0].fingerprint


def test_same_language_off_gives_no_finding(tmp_path: Path) -> None:
    settings = _settings(tmp_path, '[rules]\nsame-language = "off"\n')
    report = check_documents(document_from_text(EN, Lang.ZH, check_lang=False),
                             document_from_text(EN, Lang.EN), settings)
    assert not any(f.rule == "same-language" for f in report.findings)


def test_document_rule_severity_is_settable(tmp_path: Path) -> None:
    settings = _settings(tmp_path, '[rules]\nsame-language = "warning"\n')
    report = check_documents(document_from_text(EN, Lang.ZH, check_lang=False),
                             document_from_text(EN, Lang.EN), settings)
    assert [(f.rule, f.severity) for f in report.findings] == [
        ("same-language", Severity.WARNING)]


def test_the_document_check_can_be_switched_off_whole(tmp_path: Path) -> None:
    settings = _settings(tmp_path, '[rules]\ndocument = "off"\n')
    report = check_documents(document_from_text(EN, Lang.ZH, check_lang=False),
                             document_from_text(EN, Lang.EN), settings)
    assert not any(f.type is FindingType.DOCUMENT for f in report.findings)


def test_unrelated_threshold_is_the_one_setting() -> None:
    """The document rule and the align warning read the threshold the alignment was made
    with (AlignSettings.unrelated_threshold), not a fallback of their own."""
    zh, en = CORPORA / "pairs" / "cn-ev-exports.zh.txt", CORPORA / "pairs" / "cn-ev-exports.en.txt"
    plain = check(zh, en)
    assert not any(f.rule == "unrelated-articles" for f in plain.findings)
    assert not alignment_warnings(plain.alignment)
    strict = Settings(align=AlignSettings(unrelated_threshold=1.01))
    report = check(zh, en, strict)
    assert [f.rule for f in report.findings] == ["unrelated-articles"]
    assert "the threshold is 1.01" in report.findings[0].message
    assert any("the threshold is 1.01" in w for w in alignment_warnings(report.alignment))


def test_mt_pass_can_be_switched_off(tmp_path: Path) -> None:
    settings = _settings(tmp_path, '[rules]\nmt = "off"\n')
    assert settings.rules == (("mt", "off"),)
    mt = CORPORA / "mt" / "seed.mt.txt"
    on = check(SEED, mt=mt)
    off = check(SEED, mt=mt, settings=settings)
    assert any("machine translation" in f.evidence for f in on.findings)
    assert not any("machine translation" in f.evidence for f in off.findings)
