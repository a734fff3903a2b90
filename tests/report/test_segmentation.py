"""xcheck.report.segmentation: what ``xcheck segment`` prints (lines or JSON)."""

from __future__ import annotations

import json

from tests.conftest import CORPORA, SEED
from xcheck.api import segment, segment_file
from xcheck.model import Lang
from xcheck.report.segmentation import render_segmentation

ZH = CORPORA / "pairs" / "seed.zh.txt"


def test_one_sentence_a_line_and_a_blank_line_between_paragraphs() -> None:
    doc = segment(ZH, Lang.ZH)
    lines = render_segmentation(doc, "text", words=False).rstrip("\n").split("\n")
    assert [line for line in lines if line] == [s.text for s in doc.sentences]
    assert lines.count("") == len({s.paragraph for s in doc.sentences}) - 1


def test_words_are_separated_by_spaces_and_cover_the_sentence() -> None:
    doc = segment(ZH, Lang.ZH)
    lines = [line for line in render_segmentation(doc, "text", words=True).splitlines() if line]
    assert len(lines) == len(doc.sentences)
    for line, s in zip(lines, doc.sentences, strict=True):
        assert " " in line
        assert line.replace(" ", "") == s.text.replace(" ", "")


def test_json_of_one_document_and_of_a_bilingual_file() -> None:
    doc = segment(ZH, Lang.ZH)
    data = json.loads(render_segmentation(doc, "json", words=True))
    assert data["lang"] == "zh" and data["text_length"] == len(doc.text)
    assert [(s["start"], s["end"]) for s in data["sentences"]] == \
        [(s.start, s.end) for s in doc.sentences]
    first = data["sentences"][0]
    assert "".join(doc.text[a:b] for a, b in first["words"]) == \
        doc.sentences[0].text.replace(" ", "")
    both = segment_file(SEED)
    assert len(both) == 2
    data = json.loads(render_segmentation(both, "json", words=False))
    assert set(data) == {"zh", "en"}
    assert len(data["en"]["sentences"]) == len(both[1].sentences)


def test_a_bilingual_file_prints_chinese_then_english_then_ignored_lines() -> None:
    zh, en = segment_file(SEED)
    lines = render_segmentation((zh, en), "text", words=False).splitlines()
    last_zh = lines.index(zh.sentences[-1].text)
    assert lines[0] == zh.sentences[0].text
    assert lines[last_zh + 1] == "" and lines[last_zh + 2] == en.sentences[0].text
    ignored = [f"# ignored line {li.line}: {li.text}" for li in en.ignored]
    assert ignored and lines[-len(ignored):] == ignored
