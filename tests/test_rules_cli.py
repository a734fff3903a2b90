"""One rule table drives everything: every rule is documented (``xcheck rules``, the README's
list), emitted by its own example, selectable and ignorable; config and the command line
refuse unknown rule names."""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA, ROOT
from xcheck.api import check, check_text
from xcheck.checks.rules import RULES, Rule, rule_selection
from xcheck.cli import app
from xcheck.model import Report
from xcheck.report.rules import rules_markdown
from xcheck.settings import Settings

runner = CliRunner()


def _one_unit_xliff(zh: str, en: str, direction: str) -> Path:
    # A first, faithful unit, then the example's.
    units = [("部長週一抵達北京。", "The minister arrived in Beijing on Monday."), (zh, en)]
    if direction == "en-zh":
        units = [(e, z) for z, e in units]
    langs = ('source-language="zh-TW" target-language="en"' if direction == "zh-en"
             else 'source-language="en" target-language="zh-TW"')
    folder = Path(tempfile.mkdtemp(prefix="xcheck-rule-"))
    path = folder / "example.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file {langs} datatype="plaintext" original="example"><body>'
        + "".join(f'<trans-unit id="u{k}"><source>{escape(source)}</source>'
                  f'<target>{escape(target)}</target></trans-unit>'
                  for k, (source, target) in enumerate(units, 1)) +
        '</body></file></xliff>\n', "utf-8")
    return path


@cache
def example_report(name: str, rules: tuple[tuple[str, str], ...] = ()) -> Report:
    r = RULES[name]
    settings = Settings(rules=rules)
    if r.example.context:  # a rule judged over a whole article: its pair of corpora/
        base = ROOT / r.example.context
        return check(f"{base}.zh.txt", f"{base}.en.txt", settings, r.example.glossary)
    if r.example.unit:  # a rule of bilingual files: the example as one unit of an XLIFF file
        return check(_one_unit_xliff(r.example.zh, r.example.en, r.example.unit), None,
                     settings, r.example.glossary)
    return check_text(r.example.zh, r.example.en, settings, r.example.glossary)


@pytest.mark.parametrize("name", list(RULES))
def test_every_rule_is_emitted_by_its_example(name: str) -> None:
    rule = RULES[name]
    found = [f for f in example_report(name).findings if f.rule == name]
    assert found
    if rule.example.context:  # the example's English sentence is the one flagged
        report = example_report(name)
        flagged = {report.alignment.en.sentences[j].text.strip()
                   for f in found for j in f.en.sentences}
        assert rule.example.en in flagged


@pytest.mark.parametrize("name", list(RULES))
def test_every_rule_is_selectable_and_ignorable(name: str) -> None:
    only = example_report(name, rule_selection(select=(name,)))
    assert only.findings and {f.rule for f in only.findings} == {name}
    without = example_report(name, rule_selection(ignore=(name,)))
    assert name not in {f.rule for f in without.findings}


def test_selection_by_type_and_unknown_names() -> None:
    off = dict(rule_selection(select=("number",)))
    assert {n for n in RULES if n not in off} == {n for n, r in RULES.items()
                                                  if r.type.value == "number"}
    with pytest.raises(ValueError, match="unknown rule 'numbers-mismatch'"):
        rule_selection(ignore=("numbers-mismatch",))


def _documented(rule: Rule, text: str) -> None:
    for part in (rule.name, rule.full, rule.example.zh.split("\n")[0],
                 rule.default_severity.value):
        assert part in text, part


def test_rules_lists_and_explains_every_rule() -> None:
    listed = runner.invoke(app, ["rules"])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)
    for line, rule in zip(lines, RULES.values(), strict=True):
        assert rule.description in line and rule.default_severity.value in line
    for rule in RULES.values():
        one = runner.invoke(app, ["rules", rule.name])
        assert one.exit_code == 0
        _documented(rule, one.stdout)
    data = json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)
    assert [d["name"] for d in data] == list(RULES)
    assert data[0]["full_description"] == next(iter(RULES.values())).full


def test_unknown_rule_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["rules", "number-mismatched"])
    assert result.exit_code == 2
    assert result.stderr.startswith("xcheck: unknown rule 'number-mismatched'")


def test_the_readme_lists_the_table() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert block == rules_markdown()


def test_check_select_and_ignore_on_the_command_line() -> None:
    seed = str(CORPORA / "seed.txt")
    every = json.loads(runner.invoke(app, ["check", seed, "-f", "json"]).stdout)
    rules = {f["rule"] for f in every["findings"]}
    assert len(rules) >= 3
    keep = sorted(rules)[0]
    only = json.loads(runner.invoke(app, ["check", seed, "-f", "json", "--select", keep]).stdout)
    assert {f["rule"] for f in only["findings"]} == {keep}
    rest = json.loads(runner.invoke(app, ["check", seed, "-f", "json", "--ignore",
                                          f"{keep},{sorted(rules)[1]}"]).stdout)
    assert {f["rule"] for f in rest["findings"]} == rules - set(sorted(rules)[:2])
    bad = runner.invoke(app, ["check", seed, "--select", "nonsense"])
    assert bad.exit_code == 2 and bad.stderr.startswith("xcheck: --select: unknown rule")


def test_corpus_select(tmp_path: Path) -> None:
    folder = tmp_path / "pairs"
    folder.mkdir()
    for lang in ("zh", "en"):
        (folder / f"a.{lang}.txt").write_text(
            (CORPORA / "pairs" / f"cn-flood-meizhou.{lang}.txt").read_text("utf-8"), "utf-8")
    result = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "--jobs", "1",
                                 "--select", "headline-untranslated"])
    line = json.loads(result.stdout.splitlines()[0])
    assert [f["rule"] for f in line["findings"]] == ["headline-untranslated"]


def test_config_refuses_an_unknown_rule_naming_the_rules_command(tmp_path: Path) -> None:
    cfg = tmp_path / "xcheck.toml"
    cfg.write_text('[rules]\nnumber-mismatched = "off"\n', "utf-8")
    result = runner.invoke(app, ["check", str(CORPORA / "seed.txt"), "--config", str(cfg)])
    assert result.exit_code == 2
    assert "unknown rule 'number-mismatched' (see 'xcheck rules'" in result.stderr
