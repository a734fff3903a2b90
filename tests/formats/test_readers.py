"""The readers one by one: what each keeps and leaves out, detection by extension and
content, the source map, bilingual units (empty and wrong-language targets), corpus."""

from __future__ import annotations

import html
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from xcheck.api import check, segment_file
from xcheck.cli import InputFormat, app
from xcheck.formats import FORMATS, detect, sniff
from xcheck.formats.html import extract_html
from xcheck.formats.markdown import extract_markdown
from xcheck.model import SourceMap

FIX = Path(__file__).resolve().parent / "fixtures"
STEM = "cn-court-bribery"
runner = CliRunner()


def text_of(built: object) -> list[str]:
    return [line.strip() for line in built.text().split("\n") if line.strip()]  # type: ignore[attr-defined]


def test_cli_choices_are_the_registry() -> None:
    assert tuple(f.value for f in InputFormat) == FORMATS


def test_detection_by_extension_then_content(tmp_path: Path) -> None:
    assert detect("a.HTML", b"") == "html" and detect("a.md", b"") == "markdown"
    assert detect("a.xlf", b"") == "xliff" and detect("a.tmx", b"") == "tmx"
    assert detect("a.txt", b"<html>") == "text"  # a .txt stays plain text
    assert detect("a.txt", b"<html>", "html") == "html"  # unless overridden
    assert sniff(b"PK\x03\x04rest") == "docx"
    assert sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<xliff version="1.2">') == "xliff"
    assert sniff(b"<?xml version='1.0'?><tmx version='1.4'>") == "tmx"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff("美國總統川普週一表示".encode()) == "text"
    # A file without extension is read by its content.
    page = tmp_path / "article"
    page.write_text((FIX / f"{STEM}.zh.html").read_text("utf-8"), "utf-8")
    doc = segment_file(page, None)[0]
    assert doc.source is not None and doc.source.format == "html"


def test_html_keeps_the_article_body_and_blocks() -> None:
    built = extract_html(
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav>Home</nav><header><p>Masthead</p></header>"
        "<main><h1>Head &amp; line</h1><p>One <a href='x'>link</a> here.<br>Two</p>"
        "<script>var s = '<p>no</p>';</script><ul><li>item&nbsp;a</li><li>b</li></ul>"
        "<aside>Related</aside></main><footer>(c)</footer></body></html>")
    assert text_of(built) == ["Head & line", "One link here.", "Two", "item\xa0a", "b"]
    built = extract_html("<body><p>outside</p><article><p>inside</p></article></body>")
    assert text_of(built) == ["inside"]  # <article> wins over the rest of <body>


def test_markdown_keeps_text_not_addresses() -> None:
    src = ("---\ntitle: x\n---\n# Title &amp; more\n\nSee [the court](http://x.y \"t\") and "
           "\\*this\\* **bold**\nwrapped.\n\n![alt text](a.png)\n\n- item one\n- item "
           "<b>two</b>\n\n```\ncode block\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n"
           "[Read the full statement](https://example.invalid/s)\n\n<https://x.invalid>\n\n"
           "https://example.invalid/raw\n")
    built = extract_markdown(src)
    assert text_of(built) == ["Title & more", "See the court and *this* bold wrapped.",
                              "item one", "item two", "a", "b", "c", "d"]
    smap = SourceMap("markdown", src, tuple(built.pieces))
    text = built.text()
    k = text.index("*this*")
    a, b = smap.to_source(k, k + len("*this*"))
    assert src[a:b] == "\\*this\\*"
    k = text.index("&")
    assert src[slice(*smap.to_source(k, k + 1))] == "&amp;"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab <>&'\"中文é", min_size=1, max_size=12), min_size=1,
                max_size=5))
def test_html_offsets_map_back_to_what_the_text_says(paragraphs: list[str]) -> None:
    """Property: every character of the checked text maps to source characters that
    decode to it (an entity as a whole, copied text one to one)."""
    src = "<body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body>"
    built = extract_html(src)
    smap = SourceMap("html", src, tuple(built.pieces))
    text = built.text()
    for k, ch in enumerate(text):
        if ch == "\n":
            continue
        a, b = smap.to_source(k, k + 1)
        assert html.unescape(src[a:b]) == ch
    lines = [p for p in (" ".join(p.split()) for p in paragraphs) if p]
    assert [" ".join(t.split()) for t in text.split("\n") if t.strip()] == lines


def test_docx_leaves_out_header_footer_and_comments() -> None:
    doc = segment_file(FIX / f"{STEM}.zh.docx", None)[0]
    assert doc.source is not None and doc.source.format == "docx"
    assert "Example News" not in doc.text and "check this figure" not in doc.text
    assert doc.text.split("\n")[0] == "华东商业银行原副行长周建国受贿案一审宣判 被判处无期徒刑"


def _xliff(units: str) -> str:
    return ('<?xml version="1.0"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="zh-TW" '
            f'target-language="en-US" original="a"><body>\n{units}\n</body></file></xliff>\n')


def _unit(uid: str, zh: str, en: str | None) -> str:
    target = f"<target>{en}</target>" if en is not None else ""
    return f'<trans-unit id="{uid}"><source>{zh}</source>{target}</trans-unit>'


UNITS = [("h", "美國總統川普週一在白宮表示，關稅將提高百分之十。",
          "U.S. President Trump said on Monday at the White House that tariffs would rise "
          "by 10 percent."),
         ("b", "他說，這項措施將於下個月生效。",
          "He said the measure would take effect next month."),
         ("c", "白宮發言人隨後證實了這一消息。",
          "A White House spokesman later confirmed the news.")]


def test_empty_and_wrong_language_targets_are_reported(tmp_path: Path) -> None:
    body = [_unit(*UNITS[0]), _unit("empty", UNITS[1][1], ""),
            _unit("copied", UNITS[2][1], UNITS[2][1])]
    path = tmp_path / "a.xlf"
    path.write_text(_xliff("\n".join(body)), "utf-8")
    report = check(path)
    by_rule = {f.rule: f for f in report.findings}
    assert "(unit empty: empty target)" in by_rule["sentence-missing-in-en"].message
    wrong = by_rule["unit-target-not-english"]
    assert "(unit copied)" in wrong.message and wrong.severity.value == "error"
    # The copied target is kept out of the English and reported, once.
    assert [f.rule for f in report.findings].count("sentence-missing-in-en") == 1
    assert all("白宮發言人" not in s.text for s in report.alignment.en.sentences)
    assert report.alignment.zh.script.value == "traditional"
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    src = path.read_text("utf-8")
    wrong_json = next(f for f in data["findings"] if f["rule"] == "unit-target-not-english")
    a, b = wrong_json["en"]["spans"][0]
    assert src[a:b] == UNITS[2][1] and wrong_json["units"] == ["copied"]


def test_english_to_chinese_files_and_tmx_without_srclang(tmp_path: Path) -> None:
    units = "\n".join(
        f'<tu tuid="{u}"><tuv xml:lang="en"><seg>{en}</seg></tuv>'
        f'<tuv xml:lang="zh-Hant"><seg>{zh}</seg></tuv></tu>' for u, zh, en in UNITS)
    path = tmp_path / "m.tmx"
    path.write_text(f'<tmx version="1.4"><header srclang="en"/><body>{units}</body></tmx>',
                    "utf-8")
    report = check(path)
    assert [b.shape for b in report.alignment.beads] == [(1, 1)] * 3
    assert report.alignment.zh.sentences[1].text == UNITS[1][1]
    xlf = tmp_path / "r.xlf"
    xlf.write_text(_xliff("\n".join(_unit(u, en, zh) for u, zh, en in UNITS))
                   .replace('source-language="zh-TW" target-language="en-US"',
                            'source-language="en-US" target-language="zh-TW"'), "utf-8")
    assert [b.shape for b in check(xlf).alignment.beads] == [(1, 1)] * 3


def test_languages_other_than_chinese_and_english_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "fr.xlf"
    path.write_text(_xliff(_unit(*UNITS[0])).replace("en-US", "fr-FR"), "utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2 and "Chinese against English" in result.stderr


def test_corpus_reads_every_format_from_a_folder(tmp_path: Path) -> None:
    import shutil

    for name in (f"{STEM}.zh.html", f"{STEM}.en.html", f"{STEM}.tmx"):
        shutil.copy(FIX / name, tmp_path / name)
    shutil.copy(FIX / f"{STEM}.zh.md", tmp_path / "md.zh.md")
    shutil.copy(FIX / f"{STEM}.en.docx", tmp_path / "md.en.docx")
    result = runner.invoke(app, ["corpus", str(tmp_path), "--format", "jsonl", "-j", "1",
                                 "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    ids = sorted(r["id"] for r in rows)
    assert ids == [STEM, f"{STEM}.tmx", "md"]
    for r in rows:
        assert sorted(f["rule"] for f in r["findings"]) == sorted(
            ["number-mismatch", "time-expression-omitted", "sentence-missing-in-en",
             "clause-omitted", "clause-omitted"]), r["id"]


def test_segment_a_bilingual_file() -> None:
    path = FIX / f"{STEM}.v2.xlf"
    result = runner.invoke(app, ["segment", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["zh"]["format"] == "xliff-2" and data["en"]["language"] == "en"
    src = path.read_text("utf-8")
    first = data["en"]["sentences"][0]
    assert first["unit"] == "u1"
    assert src[first["start"]:first["end"]].startswith("Former Huadong Commercial Bank")


def test_docx_tables_in_order_and_paragraph_lines(tmp_path: Path) -> None:
    import docx

    from xcheck.formats.docx import docx_text

    document = docx.Document()
    document.add_paragraph("First paragraph.")
    document.add_paragraph("")
    cell = document.add_table(rows=1, cols=2).rows[0].cells
    cell[0].text, cell[1].text = "Cell one.", "Cell two."
    p = document.add_paragraph("Before break")
    p.add_run().add_break()
    p.add_run("after break.")
    path = tmp_path / "t.docx"
    document.save(str(path))
    lines = docx_text(path.read_bytes(), "t.docx", 10**6).split("\n")
    # Line k is body paragraph k (empty ones counted), a break inside one is a space.
    assert lines == ["First paragraph.", "", "Cell one.", "Cell two.", "Before break after break."]


def test_xliff2_segments_are_beads_named_unit_slash_segment(tmp_path: Path) -> None:
    segs = "".join(f'<segment id="g{k}"><source>{zh}</source><target>{en}</target></segment>'
                   for k, (_, zh, en) in enumerate(UNITS, 1))
    path = tmp_path / "two.xlf"
    path.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
                    f'srcLang="zh-TW" trgLang="en-GB"><file id="f"><unit id="p1">{segs}'
                    "</unit></file></xliff>", "utf-8")
    report = check(path)
    assert [b.shape for b in report.alignment.beads] == [(1, 1)] * 3
    src = report.alignment.zh.source
    assert src is not None and [u.id for u in src.units] == ["p1/g1", "p1/g2", "p1/g3"]
    assert src.languages == ("zh-TW", "en-GB")
