"""Malformed files of each format: exit 2 with one `xcheck:` line naming the line and the
reason, never a traceback; broken HTML still reads, as browsers read it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xcheck.cli import app

FIX = Path(__file__).resolve().parent / "fixtures"
STEM = "cn-court-bribery"
runner = CliRunner()


def one_line_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xcheck: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_truncated_xliff(tmp_path: Path) -> None:
    text = (FIX / f"{STEM}.xlf").read_text("utf-8")
    bad = tmp_path / "cut.xlf"
    bad.write_text(text[: len(text) // 2], "utf-8")
    msg = one_line_error(["check", str(bad)])
    assert "not well-formed XML: line " in msg and "cut.xlf" in msg


def test_truncated_xliff2_and_tmx(tmp_path: Path) -> None:
    for name in (f"{STEM}.v2.xlf", f"{STEM}.tmx"):
        text = (FIX / name).read_text("utf-8")
        bad = tmp_path / name
        bad.write_text(text[: len(text) * 2 // 3], "utf-8")
        assert "not well-formed XML: line " in one_line_error(["check", str(bad)])


def test_xliff_in_the_wrong_namespace(tmp_path: Path) -> None:
    text = (FIX / f"{STEM}.xlf").read_text("utf-8")
    bad = tmp_path / "ns.xlf"
    bad.write_text(text.replace("xliff:document:1.2", "xliff:document:9.9"), "utf-8")
    msg = one_line_error(["check", str(bad)])
    assert "line 2" in msg and "namespace" in msg and "9.9" in msg


def test_tmx_with_the_wrong_root_or_languages(tmp_path: Path) -> None:
    text = (FIX / f"{STEM}.tmx").read_text("utf-8")
    bad = tmp_path / "root.tmx"
    bad.write_text(text.replace("<tmx ", '<tmx xmlns="urn:x" '), "utf-8")
    assert "not TMX" in one_line_error(["check", str(bad)])
    bad.write_text(text.replace('xml:lang="en-US"', 'xml:lang="fr-FR"'), "utf-8")
    assert "Chinese and in English" in one_line_error(["check", str(bad)])


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;">]>\n<xliff/>', "utf-8")
    assert "entity declarations are not allowed" in one_line_error(["check", str(bomb)])


def test_docx_that_is_a_zip_of_something_else(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "these are not the droids")
    bad = tmp_path / "renamed.docx"
    bad.write_bytes(buf.getvalue())
    assert "not a DOCX file" in one_line_error(["check", str(bad), str(FIX / f"{STEM}.en.md")])


def test_docx_that_is_not_a_zip_and_a_damaged_part(tmp_path: Path) -> None:
    bad = tmp_path / "text.docx"
    bad.write_text("plain text renamed", "utf-8")
    assert "not a ZIP archive" in one_line_error(["check", str(bad), str(bad)])
    good = (FIX / f"{STEM}.zh.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(out.getvalue())
    assert "damaged.docx" in one_line_error(["check", str(damaged), str(bad)])


def test_an_html_or_markdown_file_with_no_article_text(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var x = '中文';</script></head><body>"
                    "<nav>Home</nav></body></html>", "utf-8")
    assert "no article text" in one_line_error(["check", str(page), str(page)])
    md = tmp_path / "img.md"
    md.write_text("![only a picture](a.png)\n", "utf-8")
    assert "no article text" in one_line_error(["check", str(md), str(md)])


def test_bad_html_still_reads(tmp_path: Path) -> None:
    zh = (FIX / f"{STEM}.zh.html").read_text("utf-8")
    broken = tmp_path / "broken.zh.html"
    # Unclosed paragraphs, a stray end tag, an unterminated comment at the end.
    broken.write_text(zh.replace("</p>", "").replace("<article>", "<article></span>")
                      .replace("</html>", "<!-- unterminated"), "utf-8")
    result = runner.invoke(app, ["check", str(broken), str(FIX / f"{STEM}.en.html"),
                                 "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert "1.27亿" in result.stdout


def test_a_bilingual_file_given_as_one_side_of_a_pair() -> None:
    msg = one_line_error(["check", str(FIX / f"{STEM}.xlf"), str(FIX / f"{STEM}.en.md")])
    assert "bilingual xliff file" in msg


@pytest.mark.parametrize("fmt", ["xliff", "tmx", "docx"])
def test_input_format_override_on_the_wrong_file(fmt: str) -> None:
    msg = one_line_error(["check", str(FIX / f"{STEM}.zh.html"), "--input-format", fmt])
    assert msg.startswith("xcheck: ")


FUZZ_FILES = [f"{STEM}.xlf", f"{STEM}.v2.xlf", f"{STEM}.tmx", f"{STEM}.zh.html",
              f"{STEM}.en.md", f"{STEM}.zh.docx"]


@pytest.mark.parametrize("name", FUZZ_FILES)
def test_damaged_files_raise_input_errors_only(name: str) -> None:
    """Cut or corrupted anywhere, a file is read or refused with an InputError: never
    another exception (which the CLI would report as an internal error)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from xcheck.errors import InputError
    from xcheck.formats import detect, read_format

    data = (FIX / name).read_bytes()
    fmt = detect(name, data)

    @settings(max_examples=40, deadline=None, database=None)
    @given(st.integers(0, len(data)), st.binary(max_size=8), st.integers(0, len(data)))
    def damaged(cut: int, noise: bytes, at: int) -> None:
        broken = data[:at] + noise + data[at:cut] if at < cut else data[:cut]
        try:
            read_format(fmt, broken, name, None, 20_000_000)
        except InputError as e:
            assert "\n" not in str(e)

    damaged()
