"""Machine-translation evidence (--mt): reading and mapping the MT, alignment, findings,
reports, CLI and corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import CORPORA
from tests.helpers import ZH3
from xcheck.api import check, check_documents, read_inputs
from xcheck.cli import app
from xcheck.load import document_from_text
from xcheck.model import (
    Bead,
    Category,
    Document,
    Finding,
    FindingType,
    Lang,
    Report,
    Severity,
)
from xcheck.mt import MODE_LINES, MODE_TEXT, mt_from_text
from xcheck.report import render
from xcheck.report.json_report import report_dict
from xcheck.settings import Settings

Docs = tuple[Document, Document]
SLUG = "cn-court-bribery"
ZH = CORPORA / "faithful" / f"{SLUG}.zh.txt"
EN = CORPORA / "faithful" / f"{SLUG}.en.txt"
MT_LINES = CORPORA / "mt" / "faithful" / f"{SLUG}.mt.txt"


def mt_lines() -> list[str]:
    return [x for x in MT_LINES.read_text("utf-8").split("\n") if x.strip()]


def free_text() -> str:
    """The MT as running prose: one paragraph per line, sentences joined by spaces."""
    paragraphs = MT_LINES.read_text("utf-8").strip().split("\n\n")
    return "\n".join(" ".join(p.split("\n")) for p in paragraphs) + "\n"


@pytest.fixture(scope="module")
def docs() -> tuple[Document, Document]:
    return read_inputs(ZH, EN)


def test_lines_map_one_to_one(docs: Docs) -> None:
    zh, _ = docs
    mt = mt_from_text(MT_LINES.read_text("utf-8"), zh)
    assert mt.mode == MODE_LINES and mt.used and not mt.warnings
    lines = mt_lines()
    assert len(mt.parts) == len(zh.sentences) == len(lines)
    for i, line in enumerate(lines):
        assert mt.for_zh(i) == line
        # offsets point into the MT text as given
        assert all(mt.text[s.start : s.end] == line for s in mt.parts[i])


def test_free_text_is_segmented_and_aligned(docs: Docs) -> None:
    zh, _ = docs
    mt = mt_from_text(free_text(), zh)
    assert mt.mode == MODE_TEXT and mt.used and not mt.warnings
    assert [mt.for_zh(i) for i in range(len(zh.sentences))] == mt_lines()


def test_free_text_sentence_shared_by_two_chinese_sentences_is_cut(docs: Docs) -> None:
    zh, _ = docs
    lines = mt_lines()
    # Sentences 1 and 2 written as one MT sentence: each Chinese sentence gets a part of it.
    merged = lines[1].rstrip(".") + ", and " + lines[2][0].lower() + lines[2][1:]
    text = "\n".join([lines[0], merged, *lines[3:]]) + "\n"
    mt = mt_from_text(text, zh)
    assert mt.used
    first, second = mt.for_zh(1), mt.for_zh(2)
    assert first and second
    # the two parts are the merged sentence, cut once at a clause boundary
    assert merged.startswith(first) and merged.endswith(second)
    assert len(first) + len(second) + 1 == len(merged) and first.endswith(",")


def test_free_text_missing_sentence_warns_and_still_maps_the_rest(docs: Docs) -> None:
    zh, _ = docs
    lines = mt_lines()
    dropped = 5
    text = " ".join(lines[:dropped] + lines[dropped + 1 :]) + "\n"
    mt = mt_from_text(text, zh)
    assert mt.used and mt.mode == MODE_TEXT
    assert any(f"no machine translation (sentence {dropped})" in w for w in mt.warnings)
    assert mt.for_zh(dropped) == ""
    assert mt.for_zh(dropped + 1) == lines[dropped + 1]


def test_free_text_extra_sentence_warns_and_is_ignored(docs: Docs) -> None:
    zh, _ = docs
    lines = mt_lines()
    extra = "Meanwhile, the city zoo announced that two panda cubs were born in the spring."
    text = " ".join([*lines[:4], extra, *lines[4:]]) + "\n"
    mt = mt_from_text(text, zh)
    assert mt.used
    assert any("no Chinese counterpart" in w and "ignored" in w for w in mt.warnings)
    assert all("panda" not in mt.for_zh(i) for i in range(len(zh.sentences)))
    assert mt.for_zh(4) == lines[4]


def test_lines_out_of_step_are_aligned_with_a_warning(docs: Docs) -> None:
    zh, _ = docs
    lines = mt_lines()
    shifted = [*lines[:3], *lines[4:], "The zoo said two panda cubs were born in the spring."]
    mt = mt_from_text("\n".join(shifted) + "\n", zh)
    assert any("do not follow the Chinese sentences one for one" in w for w in mt.warnings)
    assert mt.for_zh(3) == "" and mt.for_zh(4) == lines[4] and mt.for_zh(12) == lines[12]
    assert all("panda" not in mt.for_zh(i) for i in range(len(zh.sentences)))


def test_a_sentence_without_mt_is_checked_as_without_mt(docs: Docs) -> None:
    from dataclasses import replace

    zh, en = docs
    full = mt_from_text(MT_LINES.read_text("utf-8"), zh)
    without = check_documents(zh, en)
    for i in range(len(zh.sentences)):
        parts = tuple(() if k == i else p for k, p in enumerate(full.parts))
        report = check_documents(zh, en, mt=replace(full, parts=parts))
        bead = next(b for b in report.alignment.beads if i in b.zh)

        def on_bead(r: Report, bead: Bead = bead) -> set[tuple[str, str, Severity]]:
            return {(f.rule, f.message, f.severity) for f in r.findings
                    if set(f.zh.sentences) & set(bead.zh) or set(f.en.sentences) & set(bead.en)}

        assert on_bead(report) <= on_bead(without), i


def test_presegmented_wrong_line_count_warns_and_aligns_the_lines() -> None:
    zh, _ = read_inputs(CORPORA / "gold" / "faithful" / f"{SLUG}.zh.seg",
                        CORPORA / "gold" / "faithful" / f"{SLUG}.en.seg",
                        Settings(presegmented=True))
    lines = mt_lines()
    text = "\n".join(lines[:3] + lines[4:]) + "\n"
    mt = mt_from_text(text, zh, presegmented=True)
    assert mt.used
    assert any("has 12 lines for 13 Chinese sentences" in w for w in mt.warnings)
    assert mt.for_zh(3) == "" and mt.for_zh(4) == lines[4]


@pytest.mark.parametrize(("text", "says"), [
    ("", "is empty"),
    ("   \n\n", "is empty"),
    ("周建國被判處無期徒刑。法院表示將依法處理。\n", "reads as Chinese"),
    ("The city zoo announced that two panda cubs were born. They are healthy. Visitors can "
     "see them from May. The zoo expects record crowds this summer.\n",
     "does not look like a translation"),
])
def test_malformed_mt_is_a_warning_and_the_check_runs_without_it(docs: Docs, text: str,
                                                                 says: str) -> None:
    zh, en = docs
    mt = mt_from_text(text, zh, path="x.mt.txt")
    assert not mt.used
    assert len(mt.warnings) == 1 and says in mt.warnings[0] and "checked without it" in \
        mt.warnings[0]
    with_bad = check_documents(zh, en, mt=mt)
    without = check_documents(zh, en)
    assert with_bad.warnings == mt.warnings
    assert [(f.rule, f.message, f.severity) for f in with_bad.findings] == \
        [(f.rule, f.message, f.severity) for f in without.findings]
    assert with_bad.settings["mt"]["used"] is False  # type: ignore[index]


def test_beads_get_chrf_similarity_and_settings_record_sacrebleu() -> None:
    report = check(ZH, EN, mt=MT_LINES)
    data = report_dict(report)
    beads = [b for b in data["alignment"] if b["zh"] and b["en"]]
    assert beads and all(b["similarity_source"] == "chrf_mt" for b in beads)
    assert all(0 < b["similarity"] <= 1 for b in beads)
    mt = data["settings"]["mt"]
    assert mt["used"] is True and mt["metric"] == "chrF++"
    assert re.search(r"nc:6\|nw:2\|.*version:\d", mt["sacrebleu"])
    assert data["mt"]["mode"] == "lines" and len(data["mt"]["sentences"]) == len(
        report.alignment.zh.sentences)
    text = render(report, "text")
    assert "Least similar beads (chrF++ against the machine translation)" in text
    assert "|mt=chrF++:lines:" in text.rstrip().splitlines()[-1]
    html = render(report, "html")
    assert 'id="least"' in html and "data-sim=" in html and "MT: " in html


def test_without_mt_similarity_is_the_lexical_score() -> None:
    data = report_dict(check(ZH, EN))
    assert "mt" not in data["settings"] and "mt" not in data
    assert all(b["similarity"] == b["score"] and b["similarity_source"] == "lexical"
               for b in data["alignment"])


def _inject(text: str, find: str, replace: str) -> str:
    assert text.count(find) == 1
    return text.replace(find, replace)


def test_mt_finds_a_dropped_clause_the_dictionary_alone_misses(tmp_path: Path) -> None:
    # English drops a clause (injections.json: clause_dropped); the dictionary links 財政赤字
    # to "spending" and the English is not short enough by 持續的情況 alone to tell.
    slug = "hk-legco-rail"
    zh = CORPORA / "faithful" / f"{slug}.zh.txt"
    en = tmp_path / "en.txt"
    en.write_text(_inject((CORPORA / "faithful" / f"{slug}.en.txt").read_text("utf-8"),
                          "that with the government still running a fiscal deficit, it",
                          "that it"), "utf-8")
    without = check(zh, en)
    with_mt = check(zh, en, mt=CORPORA / "mt" / "faithful" / f"{slug}.mt.txt")

    def dropped(report: Report) -> list[Finding]:
        return [f for f in report.findings if f.category is Category.OMISSION
                and f.type is FindingType.CONTENT and f.severity is not Severity.INFO
                and any("赤字" in report.alignment.zh.text[s.start : s.end] for s in f.zh.spans)]

    assert not dropped(without)
    found = dropped(with_mt)
    assert found and "machine translation" in found[0].evidence


def test_mt_corroborates_an_addition_the_chinese_has() -> None:
    # 直至深夜 ~ "until late at night": the dates check finds no Chinese time expression for
    # "at night" (a warning); the MT of the Chinese has it too, so the Chinese probably says
    # it in words xcheck misses: the finding drops to info. An MT without it leaves it be.
    zh_text = ("美國國務卿布林肯抵達北京，與中國外長王毅會談。雙方討論了貿易問題。"
               "會談持續了三個小時，直至深夜。布林肯表示，美方希望穩定兩國關係。")
    en_text = ("U.S. Secretary of State Blinken arrived in Beijing for talks with Chinese "
               "Foreign Minister Wang Yi. The two sides discussed trade issues. The talks "
               "lasted three hours, until late at night. Blinken said Washington hoped to "
               "stabilise relations between the two countries.")
    mt_lines = ["U.S. Secretary of State Blinken arrived in Beijing and held talks with Chinese "
                "Foreign Minister Wang Yi.", "The two sides discussed trade issues.",
                "The talks lasted three hours, until late at night.",
                "Blinken said the U.S. hopes to stabilize relations between the two countries."]
    zh, en = document_from_text(zh_text, Lang.ZH), document_from_text(en_text, Lang.EN)

    def added(report: Report) -> list[Finding]:
        return [f for f in report.findings if f.rule == "time-expression-added"
                and [en_text[s.start : s.end] for s in f.en.spans] == ["at night"]]

    [f] = added(check_documents(zh, en))
    assert f.severity is Severity.WARNING
    [f] = added(check_documents(zh, en, mt=mt_from_text("\n".join(mt_lines) + "\n", zh)))
    assert f.severity is Severity.INFO and f.category is Category.ADDITION
    assert "but the machine translation has" in f.evidence
    mt_lines[2] = "The talks lasted three hours."
    [f] = added(check_documents(zh, en, mt=mt_from_text("\n".join(mt_lines) + "\n", zh)))
    assert f.severity is Severity.WARNING and "no counterpart either" in f.evidence


def test_seed_with_free_text_mt_keeps_the_acceptance_findings() -> None:
    report = check(CORPORA / "seed.txt", mt=CORPORA / "mt" / "seed.mt.txt")
    assert report.alignment.mt is not None and report.alignment.mt.mode == MODE_TEXT
    severe = [f for f in report.findings if f.severity is not Severity.INFO]
    assert len(severe) <= 10
    en = report.alignment.en.text
    spans = {en[s.start : s.end] for f in severe for s in f.en.spans}
    assert "this weekend" in spans and "Steve" in spans
    assert any(s.startswith("choice of a Middle East envoy") for s in spans)
    assert any(f.rule == "headline-untranslated" for f in severe)
    assert all("machine translation" in f.evidence for f in severe
               if f.category is Category.ADDITION)


runner = CliRunner()


def test_cli_check_and_align_take_mt(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(ZH), str(EN), "--mt", str(MT_LINES),
                                 "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["settings"]["mt"]["used"] is True
    result = runner.invoke(app, ["align", str(ZH), str(EN), "--mt", str(MT_LINES)])
    assert result.exit_code == 0 and result.stdout.startswith("[0]:[0]")


def test_cli_warns_on_stderr_for_a_malformed_mt(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mt.txt"
    empty.write_text("", "utf-8")
    result = runner.invoke(app, ["check", str(ZH), str(EN), "--mt", str(empty),
                                 "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0
    assert f"xcheck: warning: the machine translation {empty} is empty" in result.stderr
    assert json.loads(result.stdout)["warnings"]


def test_cli_missing_mt_file_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(ZH), str(EN), "--mt", str(tmp_path / "no.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith("xcheck: ") and len(result.stderr.strip().splitlines()) == 1


def test_corpus_finds_mt_files_and_manifest_field(tmp_path: Path) -> None:
    from xcheck.corpus import discover

    folder = tmp_path / "pairs"
    folder.mkdir()
    for lang in ("zh", "en"):
        (folder / f"a.{lang}.txt").write_text((ZH if lang == "zh" else EN).read_text("utf-8"),
                                              "utf-8")
    (folder / "a.mt.txt").write_text(MT_LINES.read_text("utf-8"), "utf-8")
    pairs = discover(folder)
    assert [(p.id, Path(p.mt).name if p.mt else None) for p in pairs] == [("a", "a.mt.txt")]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "x", "zh": "pairs/a.zh.txt", "en": "pairs/a.en.txt",
                                    "mt": "pairs/a.mt.txt"}) + "\n", "utf-8")
    assert discover(manifest)[0].mt == str(folder / "a.mt.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["corpus", str(folder), "--output", str(out), "--format",
                                 "json", "--jobs", "1", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "reports" / "a.json").read_text("utf-8"))
    assert report["settings"]["mt"]["used"] is True



@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keep=st.lists(st.booleans(), min_size=14, max_size=14),
       joiner=st.sampled_from([" ", "\n", "\n\n"]),
       noise=st.sampled_from(["", "Shares of Acme rose 3% in Tokyo.", "一些中文。", "??"]))
def test_mapping_is_monotone_and_inside_the_text(docs: Docs, keep: list[bool], joiner: str,
                                                 noise: str) -> None:
    zh, _ = docs
    lines = [x for x, k in zip(mt_lines(), keep, strict=False) if k]
    text = joiner.join([*lines[:2], noise, *lines[2:]])
    mt = mt_from_text(text, zh)  # never raises: problems are warnings
    assert len(mt.parts) == len(zh.sentences)
    previous = 0
    for parts in mt.parts:
        for span in parts:
            assert 0 <= span.start < span.end <= len(text)
            assert span.start >= previous  # monotone: the MT follows the Chinese
            previous = span.end


def test_pair_evidence_uses_sacrebleus_statistics() -> None:
    from sacrebleu.metrics.chrf import CHRF

    from xcheck.lexicon.chrf import (
        EVIDENCE_ORDERS,
        evidence_ngrams,
        ngrams,
        precision_recall,
        sentence_chrf,
    )

    hyp = "The court said on Tuesday that exports reached 43.86 billion US dollars."
    ref = "Exports hit a record US$43.86 billion, the court said on Tuesday."
    h, r = ngrams(hyp), ngrams(ref)
    stats = [CHRF._get_match_statistics(h[k][0], r[k][0]) for k in EVIDENCE_ORDERS]
    p, rec = precision_recall(evidence_ngrams(hyp), evidence_ngrams(ref))
    assert p == pytest.approx(sum(m / hc for hc, _, m in stats) / len(stats))
    assert rec == pytest.approx(sum(m / rc for _, rc, m in stats) / len(stats))
    expected = CHRF(word_order=2, lowercase=True).sentence_score(hyp, [ref]).score / 100
    assert sentence_chrf(hyp, ref) == pytest.approx(expected)


def test_mismatch_the_mt_reads_as_the_english_drops_to_warning(tmp_path: Path) -> None:
    zh = tmp_path / "zh.txt"
    zh.write_text(_inject(ZH.read_text("utf-8"), "已有至少37名", "已有至少27名"), "utf-8")

    def mismatch(report: Report) -> Finding:
        [f] = [f for f in report.findings if f.rule == "number-mismatch"]
        return f

    assert mismatch(check(zh, EN)).severity is Severity.ERROR
    # An MT of the edited Chinese reads 27, as the Chinese: the error stands.
    mt_agrees = tmp_path / "agrees.mt.txt"
    mt_agrees.write_text(_inject(MT_LINES.read_text("utf-8"), "at least 37", "at least 27"),
                         "utf-8")
    f = mismatch(check(zh, EN, mt=mt_agrees))
    assert f.severity is Severity.ERROR and "does not have" in f.evidence
    # An MT that reads 37, as the English: more likely a misreading; a warning.
    f = mismatch(check(zh, EN, mt=MT_LINES))
    assert f.severity is Severity.WARNING and "also has" in f.evidence


def _injection(pair: str, find: str) -> dict[str, str]:
    entries = json.loads((CORPORA / "injections.json").read_text("utf-8"))
    [entry] = [e for e in entries if e["pair"] == pair and e["find"] == find]
    return entry  # type: ignore[no-any-return]


@pytest.mark.parametrize(("pair", "find", "flagged"), [
    # the Chinese lacks a clause the English has (the dictionary alone leaves it at info)
    ("cn-ev-exports", ",成为拉动出口的重要力量。", "major driver of overall"),
])
def test_mt_finds_an_english_clause_the_chinese_and_its_mt_lack(tmp_path: Path, pair: str,
                                                                 find: str, flagged: str) -> None:
    e = _injection(pair, find)
    zh, mt = tmp_path / "zh.txt", tmp_path / "mt.txt"
    zh.write_text(_inject((CORPORA / "faithful" / f"{pair}.zh.txt").read_text("utf-8"),
                          e["find"], e["replace"]), "utf-8")
    mt.write_text(_inject((CORPORA / "mt" / "faithful" / f"{pair}.mt.txt").read_text("utf-8"),
                          e["mt_find"], e["mt_replace"]), "utf-8")
    en = CORPORA / "faithful" / f"{pair}.en.txt"

    def added(report: Report) -> list[Finding]:
        return [f for f in report.findings if f.category is Category.ADDITION
                and f.severity is not Severity.INFO and any(
                    flagged in report.alignment.en.text[s.start : s.end] for s in f.en.spans)]

    assert not added(check(zh, en))
    found = added(check(zh, en, mt=mt))
    assert found and "machine translation" in found[0].evidence


def test_a_long_translation_that_drops_a_whole_clause_is_found_with_mt(tmp_path: Path) -> None:
    # The English was long before it dropped the clause, so it is not short after: only the
    # MT and the dictionary together, both missing nearly all of the clause, can tell.
    pair = "tw-chip-exports"
    en = tmp_path / "en.txt"
    en.write_text(_inject((CORPORA / "faithful" / f"{pair}.en.txt").read_text("utf-8"),
                          ", driven mainly by strong demand for AI servers.", "."), "utf-8")
    zh = CORPORA / "faithful" / f"{pair}.zh.txt"
    report = check(zh, en, mt=CORPORA / "mt" / "faithful" / f"{pair}.mt.txt")
    assert [f for f in report.findings if f.rule == "clause-omitted"
            and f.severity is Severity.WARNING and any(
                "伺服器" in report.alignment.zh.text[s.start : s.end] for s in f.zh.spans)]


def test_mt_mapping_takes_the_users_align_settings() -> None:
    from xcheck.mt import mt_from_text
    from xcheck.settings import AlignSettings

    zh = document_from_text(ZH3, Lang.ZH)
    mt = ("U.S. President Trump said at the White House on Monday that tariffs would rise.\n"
          "The finance minister said the measure would protect jobs.\n"
          "The White House then issued a statement.\n")
    assert mt_from_text(mt, zh).used
    strict = AlignSettings(unrelated_threshold=1.01)
    got = mt_from_text(mt, zh, settings=strict)
    assert not got.used and "does not look like a translation" in " ".join(got.warnings)


def test_the_api_passes_the_align_settings_to_the_mt_mapping(tmp_path: Path) -> None:
    from dataclasses import replace

    from xcheck.api import read_mt
    from xcheck.settings import AlignSettings, Settings

    zh = document_from_text(ZH3, Lang.ZH)
    path = tmp_path / "a.mt.txt"
    path.write_text("U.S. President Trump said on Monday that tariffs would rise.\n"
                    "The finance minister said the measure would protect jobs.\n"
                    "The White House then issued a statement.\n", "utf-8")
    assert read_mt(path, zh).used
    settings = replace(Settings(), align=AlignSettings(unrelated_threshold=1.01))
    assert not read_mt(path, zh, settings).used
