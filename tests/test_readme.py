"""The README's CLI reference lists exactly the options ``xcheck COMMAND --help`` prints."""

from __future__ import annotations

import re
import tomllib

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from xcheck.cli import app

COMMANDS = ("check", "rules", "align", "segment", "corpus")


def _reference() -> dict[str, set[str]]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## CLI reference", 1)[1].split("\n## ", 1)[0]
    out: dict[str, set[str]] = {}
    for block in re.split(r"\n### ", section)[1:]:
        command = re.match(r"`xcheck (\w+)", block)
        assert command, block[:40]
        opts: set[str] = set()
        for line in block.splitlines():
            if line.startswith("- "):
                head = line[2:].split(":", 1)[0]
                opts |= set(re.findall(r"`(--?[\w-]+)`", head))
        out[command.group(1)] = opts
    return out


def _help_options(command: str) -> set[str]:
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200,
                                env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert result.exit_code == 0
    opts: set[str] = set()
    in_options = False
    for line in result.output.splitlines():
        if "Options" in line and line.lstrip().startswith(("╭", "+")):
            in_options = True
            continue
        if line.lstrip().startswith(("╰", "╭")):
            in_options = False
        if in_options:
            body = line.strip("│ ").strip()
            m = re.match(r"((?:--?[\w-]+\s*,?\s*)+)", body)
            if m:
                opts |= set(re.findall(r"--?[\w-]+", m.group(1)))
    return opts


def test_reference_covers_every_command() -> None:
    assert set(_reference()) == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_reference_matches_help(command: str) -> None:
    helped = _help_options(command)
    assert "--help" in helped and len(helped) >= 3  # (rules: --format, -f, --help)
    # cross-check the help parse against click's own list
    import typer.main

    click_cmd = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    declared = {o for p in click_cmd.params for o in p.opts if o.startswith("-")}
    assert helped == declared | {"--help"}
    assert _reference()[command] == helped


def test_readme_config_example_is_accepted() -> None:
    from xcheck.config import _from_mapping

    text = (ROOT / "README.md").read_text("utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if "[tool.xcheck]" in b)
    data = tomllib.loads(block)["tool"]["xcheck"]
    config = _from_mapping(data, "<mapping>")
    assert config.settings.align.max_bead == 5
