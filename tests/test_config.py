"""Settings files: rule severities and disabling, shown in JSON settings and the signature."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SEED
from xcheck.cli import app
from xcheck.config import find_config, load_config
from xcheck.errors import ConfigError

runner = CliRunner()


def _run(args: list[str]) -> tuple[int, dict[str, object]]:
    r = runner.invoke(app, ["check", str(SEED), "--format", "json", "--fail-on", "never",
                            *args])
    assert r.exit_code == 0, r.output
    return r.exit_code, json.loads(r.stdout)


def test_rules_off_and_severity(tmp_path: Path) -> None:
    _, plain = _run([])
    rules = {f["rule"] for f in plain["findings"]}  # type: ignore[union-attr]
    assert {"content-added", "name-part-added"} <= rules
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text('[rules]\ncontent-added = "off"\nname-part-added = "error"\n', "utf-8")
    _, out = _run(["--config", str(cfg)])
    got = out["findings"]
    assert not any(f["rule"] == "content-added" for f in got)  # type: ignore[union-attr]
    assert all(f["severity"] == "error" for f in got  # type: ignore[union-attr]
               if f["rule"] == "name-part-added")
    assert out["settings"]["rules"] == {"content-added": "off",  # type: ignore[index]
                                        "name-part-added": "error"}
    text = runner.invoke(app, ["check", str(SEED), "--config", str(cfg), "--fail-on", "never"])
    assert "rules=content-added:off,name-part-added:error" in text.stdout.splitlines()[-1]
    # error severity now trips the default --fail-on error
    r = runner.invoke(app, ["check", str(SEED), "--config", str(cfg)])
    assert r.exit_code == 1


def test_pyproject_tool_xcheck_found_upward(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.xcheck]\nfail_on = "warning"\n'
        '[tool.xcheck.rules]\nname-added = "info"\nsentence = "off"\n', "utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == tmp_path / "pyproject.toml"
    cfg = load_config()
    assert cfg.fail_on == "warning"
    assert dict(cfg.settings.rules) == {"name-added": "info", "sentence": "off"}
    r = runner.invoke(app, ["check", str(SEED), "--format", "json"])
    data = json.loads(r.stdout)
    assert not any(f["type"] == "sentence" for f in data["findings"])  # whole check off
    assert r.exit_code == 1  # fail_on = warning from the file


def test_default_settings_have_no_rules_key() -> None:
    _, out = _run([])
    assert "rules" not in out["settings"]  # type: ignore[operator]


@pytest.mark.parametrize("body", ['[rules]\nx = "loud"\n', 'rules = "off"\n',
                                  'fail_on = "sometimes"\n', 'colour = 1\n'])
def test_invalid_settings_exit_2(tmp_path: Path, body: str) -> None:
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text(body, "utf-8")
    with pytest.raises(ConfigError):
        load_config(cfg)
    r = runner.invoke(app, ["check", str(SEED), "--config", str(cfg)])
    assert r.exit_code == 2 and r.stderr.startswith("xcheck: ")


def test_user_dict_is_relative_to_the_settings_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from xcheck.config import load_config

    (tmp_path / "xcheck.toml").write_text('user_dict = "names.txt"\n', encoding="utf-8")
    cfg = load_config(tmp_path / "xcheck.toml")
    assert cfg.settings.user_dict == str(tmp_path / "names.txt")


def test_unknown_rule_names_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from xcheck.config import load_config
    from xcheck.errors import ConfigError

    (tmp_path / "xcheck.toml").write_text('[rules]\nnot-a-rule = "off"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule 'not-a-rule'"):
        load_config(tmp_path / "xcheck.toml")
