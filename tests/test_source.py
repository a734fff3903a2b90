"""--source zh|en: messages name the translation's additions and omissions; neutral without."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA
from xcheck.api import check
from xcheck.cli import app
from xcheck.config import load_config
from xcheck.errors import ConfigError
from xcheck.settings import Settings

SEED = CORPORA / "seed.txt"


def _by_rule(settings: Settings) -> dict[str, tuple[str, str]]:
    report = check(SEED, None, settings)
    return {f.rule: (f.message, f.fingerprint) for f in report.findings}


def test_neutral_by_default_and_directional_with_a_source() -> None:
    neutral = _by_rule(Settings())
    from_zh = _by_rule(Settings(source="zh"))
    from_en = _by_rule(Settings(source="en"))
    message, fingerprint = neutral["time-expression-added"]
    assert not message.startswith("the ")  # '"this weekend" has no counterpart ...'
    assert from_zh["time-expression-added"][0] == f"the English translation adds: {message}"
    assert from_en["time-expression-added"][0] == f"the Chinese translation omits: {message}"
    headline = neutral["headline-untranslated"][0]
    assert from_zh["headline-untranslated"][0] == f"the English translation omits: {headline}"
    assert from_en["headline-untranslated"][0] == f"the Chinese translation adds: {headline}"
    # A baseline written without a source still suppresses the same findings.
    assert from_zh["time-expression-added"][1] == fingerprint == from_en[
        "time-expression-added"][1]


def test_recorded_in_the_settings_only_when_given() -> None:
    assert "source" not in check(SEED).settings
    assert check(SEED, None, Settings(source="zh")).settings["source"] == "zh"


def test_cli_option() -> None:
    result = CliRunner().invoke(app, ["check", str(SEED), "--source", "zh", "--format", "json",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["settings"]["source"] == "zh"
    assert any(f["message"].startswith("the English translation adds: ")
               for f in data["findings"])
    bad = CliRunner().invoke(app, ["check", str(SEED), "--source", "fr"])
    assert bad.exit_code == 2


def test_config(tmp_path: Path) -> None:
    good = tmp_path / "xcheck.toml"
    good.write_text('source = "en"\n', encoding="utf-8")
    assert load_config(good).settings.source == "en"
    bad = tmp_path / "bad.toml"
    bad.write_text('source = "english"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="source must be one of zh, en"):
        load_config(bad)
