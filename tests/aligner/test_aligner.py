"""Aligner properties on small self-contained texts (no files from ../shared)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xcheck.aligner import UNRELATED_THRESHOLD, align_documents
from xcheck.load import document_from_text
from xcheck.model import Alignment, Document, Lang

PAIRS = [
    ("北京市政府周二宣布了新的交通计划。",
     "The Beijing city government announced a new traffic plan on Tuesday."),
    ("该计划将在2025年之前投资300亿元。", "The plan will invest 30 billion yuan before 2025."),
    ("地铁线路将延长到机场。", "Subway lines will be extended to the airport."),
    ("市民对此表示欢迎。", "Residents welcomed the move."),
    ("专家说，空气污染问题仍然严重。", "Experts said air pollution remains a serious problem."),
    ("学校明天将关闭。", "Schools will close tomorrow."),
    ("警方逮捕了三名嫌疑人。", "Police arrested three suspects."),
    ("这场大雨造成了严重的洪水。", "The heavy rain caused severe flooding."),
    ("总统访问了法国和德国。", "The president visited France and Germany."),
    ("公司的利润增长了百分之十五。", "The company's profits rose by 15 percent."),
    ("医生建议老人接种流感疫苗。", "Doctors advised the elderly to get flu vaccines."),
    ("足球比赛因天气原因推迟。", "The football match was postponed because of the weather."),
]
UNRELATED_EN = "Meanwhile, a small orchestra rehearsed Mozart symphonies in Vienna."


def zh_doc(lines: list[str]) -> Document:
    return document_from_text("\n".join(lines) + "\n", Lang.ZH, presegmented=True)


def en_doc(lines: list[str]) -> Document:
    return document_from_text("\n".join(lines) + "\n", Lang.EN, presegmented=True)


def beads(al: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.zh, b.en) for b in al.beads]


def assert_partition(al: Alignment, n: int, m: int) -> None:
    zh = [i for b in al.beads for i in b.zh]
    en = [j for b in al.beads for j in b.en]
    assert zh == list(range(n))
    assert en == list(range(m))
    assert all(b.zh or b.en for b in al.beads)
    assert all(0.0 <= b.score <= 1.0 for b in al.beads)
    assert 0.0 <= al.score <= 1.0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(0, len(PAIRS) - 1), min_size=1, max_size=8),
    st.lists(st.integers(0, len(PAIRS) - 1), min_size=1, max_size=8),
)
def test_every_sentence_in_exactly_one_bead_in_order(zh_ids: list[int], en_ids: list[int]) -> None:
    zh = zh_doc([PAIRS[k][0] for k in zh_ids])
    en = en_doc([PAIRS[k][1] for k in en_ids])
    al = align_documents(zh, en)
    assert_partition(al, len(zh.sentences), len(en.sentences))


def test_parallel_text_aligns_one_to_one() -> None:
    al = align_documents(zh_doc([z for z, _ in PAIRS]), en_doc([e for _, e in PAIRS]))
    assert beads(al) == [((i,), (i,)) for i in range(len(PAIRS))]
    assert al.score > UNRELATED_THRESHOLD


def test_inserted_english_sentence_is_en_only() -> None:
    en_lines = [e for _, e in PAIRS]
    en_lines.insert(5, UNRELATED_EN)
    al = align_documents(zh_doc([z for z, _ in PAIRS]), en_doc(en_lines))
    assert ((), (5,)) in beads(al)
    assert ((4,), (4,)) in beads(al) and ((5,), (6,)) in beads(al)


def test_dropped_english_sentence_is_zh_only() -> None:
    en_lines = [e for _, e in PAIRS]
    del en_lines[6]
    al = align_documents(zh_doc([z for z, _ in PAIRS]), en_doc(en_lines))
    assert ((6,), ()) in beads(al)


def test_two_to_one_merge() -> None:
    zh_lines = [z for z, _ in PAIRS]
    en_lines = [e for _, e in PAIRS]
    # English sentences 3 and 4 merged into one.
    merged = [*en_lines[:3], "Residents welcomed the move, but experts said air pollution "
              "remains a serious problem.", *en_lines[5:]]
    al = align_documents(zh_doc(zh_lines), en_doc(merged))
    assert ((3, 4), (3,)) in beads(al)
    assert ((5,), (4,)) in beads(al)


def test_one_to_two_split() -> None:
    zh_lines = [z for z, _ in PAIRS]
    zh_lines[3:5] = ["市民对此表示欢迎，但专家说，空气污染问题仍然严重。"]
    al = align_documents(zh_doc(zh_lines), en_doc([e for _, e in PAIRS]))
    assert ((3,), (3, 4)) in beads(al)


def test_unrelated_texts_score_low() -> None:
    zh = zh_doc([z for z, _ in PAIRS[:6]])
    en = en_doc([UNRELATED_EN, "The violinist practised scales for hours every morning.",
                 "Critics praised the conductor's bold tempo.",
                 "Tickets for the autumn season sold out within a day."])
    al = align_documents(zh, en)
    assert_partition(al, 6, 4)
    assert al.score < UNRELATED_THRESHOLD
