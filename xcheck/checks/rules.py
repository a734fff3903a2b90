"""The rule table: every rule a finding can carry, with its category, type, default severity
and what it means. Every finding is built from it (``make_finding``), so a rule's category
and type are stated once; settings may turn rules off or change their severity."""

from __future__ import annotations

from dataclasses import dataclass

from xcheck.model import Category, Finding, FindingType, Severity, Side

A, OM, M = Category.ADDITION, Category.OMISSION, Category.MISMATCH
ZH_ONLY, EN_ONLY = Category.ZH_ONLY, Category.EN_ONLY
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    name: str
    category: Category
    type: FindingType
    default_severity: Severity
    description: str
    # The category when the sentence is one of an aligned bead's (absorbed) rather than a
    # null bead: the contract keeps zh_only/en_only for beads with nothing on the other side.
    aligned_category: Category | None = None


_S, _N, _P = FindingType.SENTENCE, FindingType.NUMBER, FindingType.NAME
_D, _Q, _T, _C = FindingType.DATE_TIME, FindingType.QUOTE, FindingType.TERM, FindingType.CONTENT
_DOC = FindingType.DOCUMENT

_TABLE = (
    Rule("headline-untranslated", ZH_ONLY, _S, WARNING,
         "the Chinese headline has no English counterpart"),
    Rule("headline-added", EN_ONLY, _S, WARNING,
         "the English headline has no Chinese counterpart"),
    Rule("sentence-missing-in-en", ZH_ONLY, _S, ERROR,
         "a Chinese sentence the English does not translate (a warning when it is one of an "
         "aligned bead's sentences)", aligned_category=OM),
    Rule("sentence-added-in-en", EN_ONLY, _S, ERROR,
         "an English sentence that translates nothing of the Chinese (a warning when it is one "
         "of an aligned bead's sentences)", aligned_category=A),
    Rule("number-mismatch", M, _N, ERROR,
         "the two sides state different numbers (a warning when one is stated as a rounding "
         "or a range)"),
    Rule("number-omitted", OM, _N, WARNING, "a number of the Chinese is not in the English"),
    Rule("number-added", A, _N, INFO, "a number of the English is not in the Chinese"),
    Rule("name-mismatch", M, _P, WARNING,
         "the two sides give different names, both known to xcheck, neither's form on the "
         "other side"),
    Rule("name-part-added", A, _P, WARNING,
         "part of an English name (a given name) has no counterpart in the Chinese"),
    Rule("name-added", A, _P, INFO,
         "an English name with no Chinese name left in the aligned sentences to be its "
         "counterpart"),
    Rule("name-omitted", OM, _P, INFO,
         "a Chinese name with no English name left in the aligned sentences to be its "
         "counterpart"),
    Rule("time-expression-mismatch", M, _D, ERROR, "the two sides give different dates or times"),
    Rule("time-expression-added", A, _D, WARNING,
         "an English date or time expression has no counterpart in the Chinese"),
    Rule("time-expression-omitted", OM, _D, INFO,
         "a Chinese date or time expression has no counterpart in the English"),
    Rule("quote-added", A, _Q, WARNING, "the English quotes where the Chinese does not"),
    Rule("quote-omitted", OM, _Q, WARNING, "the Chinese quotes where the English does not"),
    Rule("glossary-term", M, _T, WARNING,
         "a glossary term whose required rendering is not in the English"),
    Rule("content-added", A, _C, INFO,
         "English words without a counterpart in the Chinese (a warning when the English is "
         "long by them or they name someone)"),
    Rule("clause-added", A, _C, INFO,
         "an English clause without a counterpart in the Chinese (a warning when the machine "
         "translation agrees)"),
    Rule("clause-omitted", OM, _C, INFO,
         "a Chinese clause without a counterpart in the English"),
    Rule("unit-target-not-english", ZH_ONLY, _S, ERROR,
         "a translation unit (XLIFF, TMX) whose English target is written in Chinese: not "
         "translated (the source copied?)"),
    Rule("unit-target-not-chinese", EN_ONLY, _S, ERROR,
         "a translation unit (XLIFF, TMX) whose Chinese target is written in English: not "
         "translated (the source copied?)"),
    Rule("same-language", M, _DOC, ERROR, "both inputs are in the same language"),
    Rule("unrelated-articles", M, _DOC, ERROR,
         "the two articles do not look like translations of each other"),
)

RULES: dict[str, Rule] = {r.name: r for r in _TABLE}
RULE_NAMES: frozenset[str] = frozenset(RULES)


def make_finding(rule: str, *, zh: Side, en: Side, message: str, evidence: str = "",
                 severity: Severity | None = None, aligned: bool = False,
                 fingerprint: str = "") -> Finding:
    """A finding of ``rule``: category and type from the table, the table's severity unless
    the check weighs its evidence (``severity``); ``aligned`` for a sentence rule's finding
    inside an aligned bead (its aligned category)."""
    r = RULES[rule]
    category = r.category
    if aligned:
        if r.aligned_category is None:
            raise ValueError(f"rule {rule!r} has no aligned category")
        category = r.aligned_category
    return Finding(rule=rule, category=category, type=r.type,
                   severity=r.default_severity if severity is None else severity,
                   zh=zh, en=en, message=message, fingerprint=fingerprint, evidence=evidence)


def directional(f: Finding, source: str) -> str:
    """The finding's message as the translation's omission or addition, when the original is
    known (``source`` "zh" or "en"). Categories are fixed by language (an addition is content
    of the English), so with an English original an addition is the Chinese's omission."""
    if f.type is FindingType.DOCUMENT:
        return f.message
    translation = "English" if source == "zh" else "Chinese"
    english_has = f.category in (Category.ADDITION, Category.EN_ONLY)
    chinese_has = f.category in (Category.OMISSION, Category.ZH_ONLY)
    if english_has or chinese_has:
        adds = english_has == (source == "zh")
        return f"the {translation} translation {'adds' if adds else 'omits'}: {f.message}"
    return f"the {translation} translation differs: {f.message}"
