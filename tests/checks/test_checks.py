"""Each check family on small hand-made pairs."""

from __future__ import annotations

from tests.conftest import ROOT
from xcheck.api import check_documents
from xcheck.load import document_from_text
from xcheck.model import Category, Finding, FindingType, Lang, Report, Severity

ZH = ("美國國務卿布林肯抵達北京，與中國外長王毅會談。雙方討論了貿易問題。"
      "會談持續了三個小時。布林肯表示，美方希望穩定兩國關係。")
EN = ("U.S. Secretary of State Blinken arrived in Beijing for talks with Chinese Foreign "
      "Minister Wang Yi. The two sides discussed trade issues. The talks lasted three hours. "
      "Blinken said Washington hoped to stabilise relations between the two countries.")


def run(zh: str, en: str, glossary: tuple[tuple[str, str], ...] = ()) -> Report:
    return check_documents(document_from_text(zh, Lang.ZH), document_from_text(en, Lang.EN),
                           glossary=glossary)


def serious(report: Report) -> list[str]:
    return [f.rule for f in report.findings if f.severity is not Severity.INFO]


def text_of(report: Report, f_index: int) -> str:
    f = report.findings[f_index]
    span = f.en.spans[0] if f.en.spans else f.zh.spans[0]
    doc = report.alignment.en if f.en.spans else report.alignment.zh
    return doc.text[span.start : span.end]


def test_faithful_pair_has_no_serious_findings() -> None:
    assert serious(run(ZH, EN)) == []


def test_number_mismatch_is_an_error() -> None:
    report = run(ZH, EN.replace("three hours", "five hours"))
    f = report.findings[0]
    assert (f.rule, f.category, f.type, f.severity) == (
        "number-mismatch", Category.MISMATCH, FindingType.NUMBER, Severity.ERROR)
    assert text_of(report, 0) == "five"


def test_added_time_expression_and_given_name() -> None:
    en = EN.replace("arrived in Beijing", "arrived in Beijing on Tuesday").replace(
        "State Blinken", "State Antony Blinken")
    report = run(ZH, en)
    found = {(f.rule, report.alignment.en.text[f.en.spans[0].start : f.en.spans[0].end])
             for f in report.findings if f.en.spans}
    assert ("time-expression-added", "on Tuesday") in found
    assert ("name-part-added", "Antony") in found


def _sentence_finding(report: Report) -> Finding:
    """The one sentence finding, checked for its severity: an error for a sentence the aligner
    left alone (a null bead), a warning for one absorbed into an aligned bead."""
    [f] = [f for f in report.findings if f.type is FindingType.SENTENCE]
    side = f.en if f.en.spans else f.zh
    bead = next(b for b in report.alignment.beads
                if side.sentences[0] in (b.en if f.en.spans else b.zh))
    null = not (bead.zh if f.en.spans else bead.en)
    assert f.category in ((Category.EN_ONLY, Category.ZH_ONLY) if null
                          else (Category.ADDITION, Category.OMISSION))
    assert f.severity is (Severity.ERROR if null else Severity.WARNING)
    return f


def test_added_and_dropped_sentences() -> None:
    en = EN + " Protesters gathered outside the embassy demanding sanctions on Moscow."
    report = run(ZH, en)
    f = _sentence_finding(report)
    assert f.rule == "sentence-added-in-en" and f.category in (Category.EN_ONLY,
                                                               Category.ADDITION)
    span = f.en.spans[0]
    assert report.alignment.en.text[span.start : span.end].startswith("Protesters")
    zh = ZH + "此外，雙方同意明年在華盛頓舉行下一輪經濟對話並擴大學生交流計畫。"
    report = run(zh, EN)
    f = _sentence_finding(report)
    assert f.rule == "sentence-missing-in-en" and f.category in (Category.ZH_ONLY,
                                                                 Category.OMISSION)
    assert report.alignment.zh.text[f.zh.spans[0].start :].startswith("此外")


def test_glossary_term() -> None:
    report = run(ZH, EN, glossary=(("外長", "Foreign Minister"), ("會談", "negotiations")))
    terms = [f for f in report.findings if f.type is FindingType.TERM]
    assert len(terms) >= 1
    assert all("negotiations" in f.message for f in terms)


def test_same_language_gives_one_document_finding() -> None:
    report = check_documents(document_from_text(EN, Lang.ZH, check_lang=False),
                             document_from_text(EN, Lang.EN))
    assert [f.type for f in report.findings] == [FindingType.DOCUMENT]


def test_fingerprint_stable_under_unrelated_edit() -> None:
    en = EN.replace("three hours", "five hours")
    a = run(ZH, en)
    b = run(ZH, en.replace("discussed trade issues", "discussed trade matters"))
    fa = {f.fingerprint for f in a.findings if f.rule == "number-mismatch"}
    fb = {f.fingerprint for f in b.findings if f.rule == "number-mismatch"}
    assert fa and fa == fb


def test_repeated_findings_never_inherit_each_others_fingerprints() -> None:
    # Four identical sentence pairs, each with the same wrong number: four findings whose
    # text is identical. Fixing the first must not hand its fingerprint (and so a baseline
    # suppression) to another one.
    zh = "台積電第三季營收成長12%。\n" * 4 + "烏克蘭總統澤連斯基表示，願意放棄加入北約。\n"
    en_line = "TSMC's third-quarter revenue grew 21%.\n"
    tail = "Ukrainian President Zelensky said he was willing to give up joining NATO.\n"
    before = run(zh, en_line * 4 + tail)
    fps = [f.fingerprint for f in before.findings if f.rule == "number-mismatch"]
    assert len(fps) == 4 and len(set(fps)) == 4
    fixed = "TSMC's third-quarter revenue grew 12%.\n" + en_line * 3 + tail
    after = [f.fingerprint for f in run(zh, fixed).findings if f.rule == "number-mismatch"]
    assert len(after) == 3
    first = next(f for f in before.findings if f.rule == "number-mismatch"
                 and f.en.sentences == (0,))
    assert first.fingerprint not in after


def test_rules_list_matches_what_the_checks_emit() -> None:
    import json

    from xcheck.checks import RULE_NAMES, RULES

    golden = ROOT / "tests" / "golden"
    emitted = {f["rule"] for p in golden.glob("*.json")
               for f in json.loads(p.read_text("utf-8"))["findings"]}
    assert emitted <= RULE_NAMES == set(RULES)
    # Every rule of the table is built somewhere (the table's own file, which names them
    # all, does not count).
    package = ROOT / "xcheck"
    source = "".join(p.read_text("utf-8") for p in (package / "checks").glob("*.py")
                     if p.name != "rules.py")
    assert [rule for rule in RULES if f'"{rule}"' not in source] == []


def test_every_finding_is_built_from_the_rule_table() -> None:
    """No ``Finding(`` call outside the table's make_finding: category and type are stated
    once, in the table."""
    import ast

    package = ROOT / "xcheck"
    calls = []
    for p in [*(package / "checks").glob("*.py"), package / "api.py"]:
        if p.name == "rules.py":
            continue
        for node in ast.walk(ast.parse(p.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Finding"):
                calls.append(f"{p.name}:{node.lineno}")
    assert calls == []


def test_a_rule_has_one_category_per_bead_shape() -> None:
    """sentence-missing-in-en is zh_only for a null bead ([i]:[]) and omission for a sentence
    absorbed into an aligned bead, as the contract defines the categories; both from the
    table."""
    import json

    from xcheck.checks import RULES

    golden = ROOT / "tests" / "golden"
    for p in golden.glob("*.json"):
        for f in json.loads(p.read_text("utf-8"))["findings"]:
            rule = RULES[f["rule"]]
            allowed = {rule.category.value} | (
                {rule.aligned_category.value} if rule.aligned_category else set())
            assert f["category"] in allowed, (p.name, f["rule"], f["category"])
            assert f["type"] == rule.type.value
            side = f["en"] if rule.category.value == "zh_only" else f["zh"]
            if rule.aligned_category and f["category"] == rule.category.value:
                assert side["sentences"] == []  # a null bead


def test_headline_is_recognised_in_presegmented_mode() -> None:
    from tests.conftest import SEED
    from xcheck.api import check
    from xcheck.settings import Settings

    report = check(SEED, None, Settings(presegmented=True))
    first = report.findings[0]
    assert (first.rule, first.severity) == ("headline-untranslated", Severity.WARNING)
