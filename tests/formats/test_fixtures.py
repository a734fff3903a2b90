"""Acceptance of issue 16: the corpora pair cn-court-bribery rendered as HTML, Markdown,
DOCX, XLIFF 1.2, XLIFF 2.0 and TMX (tests/formats/fixtures, written by make_fixtures.py)
gives the same rules at the same sentences as the plain-text pair; every span and sentence,
read from the original file at its offsets, is the text the finding quotes; no message
carries markup."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA
from xcheck.api import check
from xcheck.cli import app
from xcheck.model import Report

FIX = Path(__file__).resolve().parent / "fixtures"
STEM = "cn-court-bribery"
PLAIN = (CORPORA / "pairs" / f"{STEM}.zh.txt", CORPORA / "pairs" / f"{STEM}.en.txt")
INPUTS: dict[str, tuple[Path, ...]] = {
    "html": (FIX / f"{STEM}.zh.html", FIX / f"{STEM}.en.html"),
    "markdown": (FIX / f"{STEM}.zh.md", FIX / f"{STEM}.en.md"),
    "docx": (FIX / f"{STEM}.zh.docx", FIX / f"{STEM}.en.docx"),
    "xliff-1.2": (FIX / f"{STEM}.xlf",),
    "xliff-2": (FIX / f"{STEM}.v2.xlf",),
    "tmx": (FIX / f"{STEM}.tmx",),
}
runner = CliRunner()


@cache
def report(fmt: str) -> Report:
    paths = PLAIN if fmt == "text" else INPUTS[fmt]
    return check(*paths) if len(paths) == 2 else check(paths[0])


@cache
def as_json(fmt: str) -> dict[str, object]:
    from xcheck.report import render

    data: dict[str, object] = json.loads(render(report(fmt), "json"))
    return data


def original(path: Path) -> str:
    """The file as the user gave it; for a DOCX, its paragraphs one per line, read here
    with python-docx's own paragraph text (not xcheck's reader)."""
    if path.suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text("utf-8")


def without_markup(raw: str) -> str:
    """What a reader sees of a stretch of the original: tags, link targets, emphasis marks
    and escapes removed, entities decoded, whitespace ignored."""
    text = re.sub(r"\]\([^)]*\)", "", raw)  # a Markdown link's target
    text = re.sub(r"<[^>]*>|\*\*|\[", "", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return "".join(html.unescape(text).split())


def key(r: Report) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return sorted((f.rule, f.zh.sentences, f.en.sentences) for f in r.findings)


@pytest.mark.parametrize("fmt", list(INPUTS))
def test_same_rules_at_the_same_sentences(fmt: str) -> None:
    plain, other = report("text"), report(fmt)
    assert len(plain.findings) >= 4
    assert key(other) == key(plain)
    for doc_p, doc_o in ((plain.alignment.zh, other.alignment.zh),
                         (plain.alignment.en, other.alignment.en)):
        assert [s.text for s in doc_o.sentences] == [s.text for s in doc_p.sentences]


@pytest.mark.parametrize("fmt", list(INPUTS))
def test_offsets_point_at_the_quoted_text_in_the_original(fmt: str) -> None:
    r = report(fmt)
    data = as_json(fmt)
    files = {"zh": original(INPUTS[fmt][0]), "en": original(INPUTS[fmt][-1])}
    checked = 0
    for f, fd in zip(r.findings, data["findings"], strict=True):  # type: ignore[arg-type]
        for side in ("zh", "en"):
            doc = getattr(r.alignment, side)
            quoted = [doc.text[s.start:s.end] for s in getattr(f, side).spans]
            for text, (start, end) in zip(quoted, fd[side]["spans"], strict=True):
                raw = files[side][start:end]
                assert without_markup(raw) == "".join(text.split()), (fmt, raw, text)
                # No markup at either edge: the span starts and ends on the quoted text.
                assert raw[:1] == text[:1] and raw[-1:] == text[-1:], (fmt, raw, text)
                checked += 1
            if quoted and f.rule != "sentence-missing-in-en":
                assert any(q in f.message for q in quoted), (f.message, quoted)
    assert checked >= 5
    for side in ("zh", "en"):  # every sentence, too
        doc = data[side]  # type: ignore[index]
        for s, sent in zip(doc["sentences"], getattr(r.alignment, side).sentences,
                           strict=True):
            raw = files[side][s["start"]:s["end"]]
            assert without_markup(raw) == "".join(sent.text.split()), (fmt, raw)


@pytest.mark.parametrize("fmt", list(INPUTS))
def test_no_markup_in_messages_or_quoted_text(fmt: str) -> None:
    r = report(fmt)
    for f in r.findings:
        assert not re.search(r"<|>|&#|&\w+;|\]\(|\*\*|\\", f.message), f.message
    for doc in (r.alignment.zh, r.alignment.en):
        for s in doc.sentences:
            assert not re.search(r"<|>|&#|&\w+;|\]\(|\*\*|https?:", s.text), s.text


def test_bilingual_findings_name_their_units_and_languages() -> None:
    data = as_json("xliff-1.2")
    findings = data["findings"]
    assert all(f["units"] for f in findings)  # type: ignore[union-attr]
    number = next(f for f in findings if f["rule"] == "number-mismatch")  # type: ignore[union-attr, index]
    assert number["units"] == ["s4"] and "(unit s4)" in number["message"]
    assert data["zh"]["language"] == "zh-CN" and data["en"]["language"] == "en-US"  # type: ignore[index]
    assert as_json("xliff-2")["zh"]["language"] == "zh-Hans"  # type: ignore[index]
    assert as_json("xliff-2")["zh"]["format"] == "xliff-2"  # type: ignore[index]


@pytest.mark.parametrize("fmt", ["html", "xliff-1.2", "docx"])
def test_sarif_and_github_regions_point_at_the_original(fmt: str) -> None:
    paths = [str(p) for p in INPUTS[fmt]]
    result = runner.invoke(app, ["check", *paths, "--format", "sarif", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    sarif = json.loads(result.stdout)
    lines = {p: original(Path(p)).split("\n") for p in paths}
    seen = 0
    for res in sarif["runs"][0]["results"]:
        for loc in res["locations"] + res.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            region = phys["region"]
            uri = phys["artifactLocation"]["uri"]
            path = next(p for p in paths if Path(p).name == uri.rsplit("/", 1)[-1])
            assert region["startLine"] == region["endLine"]
            line = lines[path][region["startLine"] - 1]
            raw = line[region["startColumn"] - 1:region["endColumn"] - 1]
            assert without_markup(raw) == "".join(region["snippet"]["text"].split())
            seen += 1
    assert seen >= 5
    gh = runner.invoke(app, ["check", *paths, "--format", "github", "--fail-on", "never"])
    first = gh.stdout.splitlines()[0]
    m = re.search(r"file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=(\d+)", first)
    assert m is not None
    raw = lines[m.group(1)][int(m.group(2)) - 1][int(m.group(3)) - 1:int(m.group(4)) - 1]
    assert without_markup(raw) and without_markup(raw) in "".join(first.split())


def test_cli_check_one_bilingual_file_needs_no_second_file() -> None:
    result = runner.invoke(app, ["check", str(INPUTS["tmx"][0]), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert "1.27亿" in result.stdout and "(unit 4)" in result.stdout


def test_html_report_says_where_each_finding_is_in_the_file() -> None:
    from xcheck.report import render

    page = render(report("xliff-1.2"), "html")
    places = re.findall(r"In the file: ([^<]*)</p>", page)
    assert len(places) == len(report("xliff-1.2").findings)
    lines = original(INPUTS["xliff-1.2"][0]).split("\n")
    m = re.search(r"line (\d+), column (\d+)–(\d+)", places[0])
    assert m is not None
    raw = lines[int(m.group(1)) - 1][int(m.group(2)) - 1:int(m.group(3))]
    assert without_markup(raw) in "".join(report("xliff-1.2").findings[0].message.split())
