"""xcheck.report.alignment: what ``xcheck align`` prints (beads, JSON, side by side)."""

from __future__ import annotations

import json

from tests.conftest import CORPORA
from tests.helpers import corpus_report
from xcheck.api import check
from xcheck.report.alignment import beads_text, render_alignment, side_by_side
from xcheck.settings import Settings


def test_beads_are_one_line_each_in_order() -> None:
    alignment = corpus_report("seed").alignment
    lines = render_alignment(alignment, "beads", Settings()).splitlines()
    assert lines == [f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]"
                     for b in alignment.beads]
    assert beads_text(alignment) == "\n".join(lines) + "\n"
    assert any(line.endswith(":[]") or line.startswith("[]:") for line in lines)  # a null bead


def test_json_holds_both_documents_and_every_bead() -> None:
    alignment = corpus_report("seed").alignment
    data = json.loads(render_alignment(alignment, "json", Settings()))
    assert data["document_score"] == alignment.score
    assert [(b["zh"], b["en"]) for b in data["alignment"]] == \
        [(list(b.zh), list(b.en)) for b in alignment.beads]
    assert len(data["zh"]["sentences"]) == len(alignment.zh.sentences)
    assert len(data["en"]["sentences"]) == len(alignment.en.sentences)
    assert data["settings"]["align"]["max_bead"] == Settings().align.max_bead
    assert "mt" not in data and "mt" not in data["settings"]


def test_json_records_the_machine_translation() -> None:
    alignment = check(CORPORA / "seed.txt", mt=CORPORA / "mt" / "seed.mt.txt").alignment
    data = json.loads(render_alignment(alignment, "json", Settings()))
    assert data["mt"]["used"] and len(data["mt"]["sentences"]) == len(alignment.zh.sentences)
    assert data["settings"]["mt"]["metric"] == "chrF++"
    assert {b["similarity_source"] for b in data["alignment"]} >= {"chrf_mt"}


def test_side_by_side_shows_each_bead_with_its_similarity() -> None:
    alignment = corpus_report("seed").alignment
    out = side_by_side(alignment, width=100)
    blocks = out.split("\n\n")
    assert len([b for b in blocks if b.strip()]) == len(alignment.beads)
    for block, bead in zip(blocks, alignment.beads, strict=False):
        first = block.splitlines()[0]
        assert first.startswith(f"{bead.similarity:.2f}")
        if not bead.en:
            assert first.rstrip().endswith("| —")
    assert all(len(line) <= 100 for line in out.splitlines() if line.isascii())
    assert render_alignment(alignment, "text", Settings()).count("|") >= len(alignment.beads)
