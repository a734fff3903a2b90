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
class Example:
    """A Chinese text and its English version that the rule flags (``xcheck rules NAME``
    shows it; tests/test_rules_cli.py checks that checking it emits the rule)."""

    zh: str
    en: str
    glossary: tuple[tuple[str, str], ...] = ()
    # Where the rule needs a whole article to fire (the English's usual length is judged over
    # the article), the pair of corpora/ the example's English sentence comes from.
    context: str = ""
    # A rule of bilingual files: the example is one unit of an XLIFF file translating
    # "zh-en" (source zh, target en) or "en-zh"; zh and en are the texts as the file has them.
    unit: str = ""


@dataclass(frozen=True)
class Rule:
    name: str
    category: Category
    type: FindingType
    default_severity: Severity
    description: str  # one line (SARIF shortDescription, the rules list)
    full: str  # what it looks for and when it is not reported (SARIF fullDescription, help)
    example: Example
    # The category when the sentence is one of an aligned bead's (absorbed) rather than a
    # null bead: the contract keeps zh_only/en_only for beads with nothing on the other side.
    aligned_category: Category | None = None


_S, _N, _P = FindingType.SENTENCE, FindingType.NUMBER, FindingType.NAME
_D, _Q, _T, _C = FindingType.DATE_TIME, FindingType.QUOTE, FindingType.TERM, FindingType.CONTENT
_DOC = FindingType.DOCUMENT
X = Example

_TABLE = (
    Rule("headline-untranslated", ZH_ONLY, _S, WARNING,
         "the Chinese headline has no English counterpart",
         "The first paragraph of the Chinese is a headline (one short line without final "
         "punctuation) and no English sentence aligns with it.",
         X("廣東遭遇特大暴雨 已致15人死亡\n\n廣東週日遭遇特大暴雨。當局表示，已有15人死亡。",
           "Guangdong was hit by torrential rain on Sunday. The authorities said 15 people "
           "had died.")),
    Rule("headline-added", EN_ONLY, _S, WARNING,
         "the English headline has no Chinese counterpart",
         "The first paragraph of the English is a headline and no Chinese sentence aligns "
         "with it.",
         X("部長週一抵達北京進行會談。雙方討論了貿易問題。",
           "Minister in Beijing for talks\n\nThe minister arrived in Beijing on Monday for "
           "talks. The two sides discussed trade.")),
    Rule("sentence-missing-in-en", ZH_ONLY, _S, ERROR,
         "a Chinese sentence the English does not translate (a warning when it is one of an "
         "aligned bead's sentences)",
         "The aligner leaves a Chinese sentence with no English counterpart (a [i]:[] bead): "
         "an error. When the sentence was absorbed into an aligned bead but little of it is "
         "matched in the English, it is an omission and a warning.",
         X("部長週一抵達北京進行會談。雙方討論了貿易問題。會議持續了三個小時。"
           "颱風週三登陸福建，造成兩人死亡。",
           "The minister arrived in Beijing on Monday for talks. The two sides discussed "
           "trade. The meeting lasted three hours."), aligned_category=OM),
    Rule("sentence-added-in-en", EN_ONLY, _S, ERROR,
         "an English sentence that translates nothing of the Chinese (a warning when it is one "
         "of an aligned bead's sentences)",
         "The aligner leaves an English sentence with no Chinese counterpart (a []:[j] bead): "
         "an error. Absorbed into an aligned bead with little of it matched, it is an "
         "addition and a warning.",
         X("部長週一抵達北京進行會談。雙方討論了貿易問題。會議持續了三個小時。",
           "The minister arrived in Beijing on Monday for talks. The two sides discussed "
           "trade. The meeting lasted three hours. A typhoon made landfall in Fujian on "
           "Wednesday, killing two people."), aligned_category=A),
    Rule("number-mismatch", M, _N, ERROR,
         "the two sides state different numbers (a warning when one is stated as a rounding "
         "or a range)",
         "Numbers are read on both sides (digits, Chinese numerals, 萬/億 and million/billion "
         "scales, percentages, money) and compared by value within the aligned sentences. "
         "A value on one side with a different value of the same kind on the other is a "
         "mismatch; a rounding (about, nearly, 近) or a range makes it a warning.",
         X("台積電第三季營收成長12%。", "TSMC's third-quarter revenue grew 21%.")),
    Rule("number-omitted", OM, _N, WARNING, "a number of the Chinese is not in the English",
         "A number of the Chinese whose value appears nowhere in the aligned English (nor in "
         "the neighbouring beads), and that no other number of the English contradicts.",
         X("市政府表示，共有3000人參加了週六的遊行。",
           "The city government said people joined Saturday's march.")),
    Rule("number-added", A, _N, INFO, "a number of the English is not in the Chinese",
         "A number of the English whose value appears nowhere in the aligned Chinese: often "
         "an explanation added by the translator (an info).",
         X("市政府表示，很多人參加了週六的遊行。",
           "The city government said 3,000 people joined Saturday's march.")),
    Rule("name-mismatch", M, _P, WARNING,
         "the two sides give different names, both known to xcheck, neither's form on the "
         "other side",
         "A person or place name of the Chinese and one of the English, both found in the "
         "dictionaries, in aligned sentences, where neither side carries the other's form "
         "(romanisation, established translation or alias).",
         X("颱風週三登陸廈門。", "The typhoon made landfall in Fuzhou on Wednesday.")),
    Rule("name-part-added", A, _P, WARNING,
         "part of an English name (a given name) has no counterpart in the Chinese",
         "The English gives a fuller form of a name than the Chinese: the surname matches "
         "but a given name has no counterpart.",
         X("總統馬克宏週一抵達北京。",
           "President Emmanuel Macron arrived in Beijing on Monday.")),
    Rule("name-added", A, _P, INFO,
         "an English name with no Chinese name left in the aligned sentences to be its "
         "counterpart",
         "A capitalised English name that matches no name of the aligned Chinese by "
         "romanisation, dictionary or alias, when every Chinese name there is already "
         "accounted for.",
         X("部長週一抵達北京。", "Minister Wang Yi arrived in Beijing on Monday.")),
    Rule("name-omitted", OM, _P, INFO,
         "a Chinese name with no English name left in the aligned sentences to be its "
         "counterpart",
         "A Chinese person name that matches no name of the aligned English, when every "
         "English name there is already accounted for.",
         X("外交部長王毅週一抵達北京。",
           "The foreign minister arrived in Beijing on Monday.")),
    Rule("time-expression-mismatch", M, _D, ERROR, "the two sides give different dates or times",
         "Weekdays, dates, months, years and clock times are read on both sides and "
         "compared: a different value of the same kind in aligned sentences is an error.",
         X("部長週一抵達北京。", "The minister arrived in Beijing on Tuesday.")),
    Rule("time-expression-added", A, _D, WARNING,
         "an English date or time expression has no counterpart in the Chinese",
         "A date or time of the English with no expression of the same kind in the aligned "
         "Chinese.",
         X("部長抵達北京進行會談。", "The minister arrived in Beijing on Monday for talks.")),
    Rule("time-expression-omitted", OM, _D, INFO,
         "a Chinese date or time expression has no counterpart in the English",
         "A date or time of the Chinese with no expression of the same kind in the aligned "
         "English (relative expressions are often dropped on purpose: an info).",
         X("部長週一抵達北京進行會談。", "The minister arrived in Beijing for talks.")),
    Rule("quote-added", A, _Q, WARNING, "the English quotes where the Chinese does not",
         "The English sentence has a direct quotation and the aligned Chinese reports the "
         "words without quotation marks: a paraphrase turned into a quote.",
         X("部長表示，會談很有成效。",
           "The minister said: \"The talks were very productive.\"")),
    Rule("quote-omitted", OM, _Q, WARNING, "the Chinese quotes where the English does not",
         "The Chinese has a direct quotation 「…」 and the aligned English has none.",
         X("部長說：「會談很有成效。」", "The minister said the talks were productive.")),
    Rule("glossary-term", M, _T, WARNING,
         "a glossary term whose required rendering is not in the English",
         "With --glossary, a Chinese term of the glossary whose required English rendering "
         "is missing from the aligned English.",
         X("立法會週三通過了鐵路法案。", "The legislature passed the rail bill on Wednesday.",
           glossary=(("立法會", "Legislative Council"),))),
    Rule("content-added", A, _C, INFO,
         "English words without a counterpart in the Chinese (a warning when the English is "
         "long by them or they name someone)",
         "A run of English content words that no word of the aligned Chinese supports "
         "(dictionary, romanisation, numbers), reported when the English is longer than the "
         "article's usual ratio by about that run; a warning when the run names a place the "
         "Chinese sentence lacks.",
         X("其中一名投反對票的議員梁文康表示，政府應優先處理醫療和教育開支。",
           "Leung Man-hong, one of the lawmakers who voted against the request, said that "
           "with the government still running a fiscal deficit, it should give priority to "
           "spending on healthcare and education.", context="corpora/pairs/hk-legco-rail")),
    Rule("clause-added", A, _C, INFO,
         "an English clause without a counterpart in the Chinese (a warning when the machine "
         "translation agrees)",
         "An English clause or description set off by commas (an appositive) that nothing in "
         "the aligned Chinese supports; with --mt, a warning when the machine translation "
         "lacks it too.",
         X("馬克宏週一抵達北京。",
           "Macron, a former European affairs minister, arrived in Beijing on Monday.")),
    Rule("clause-omitted", OM, _C, INFO,
         "a Chinese clause without a counterpart in the English",
         "A Chinese clause (between commas) whose content words have no counterpart in the "
         "aligned English.",
         X("部長週一抵達北京進行會談，這是他今年第三次訪華。",
           "The minister arrived in Beijing on Monday for talks.")),
    Rule("unit-target-not-english", ZH_ONLY, _S, ERROR,
         "a translation unit (XLIFF, TMX) whose English target is written in Chinese: not "
         "translated (the source copied?)",
         "In a bilingual file (XLIFF, TMX) from Chinese to English, a unit whose target reads "
         "as Chinese. The target is kept out of the English and reported once, with the "
         "unit's id.",
         X("部長週一抵達北京進行會談。", "部長週一抵達北京進行會談。", unit="zh-en")),
    Rule("unit-target-not-chinese", EN_ONLY, _S, ERROR,
         "a translation unit (XLIFF, TMX) whose Chinese target is written in English: not "
         "translated (the source copied?)",
         "In a bilingual file (XLIFF, TMX) from English to Chinese, a unit whose target reads "
         "as English. The target is kept out of the Chinese and reported once, with the "
         "unit's id.",
         X("The minister arrived in Beijing on Monday for talks.",
           "The minister arrived in Beijing on Monday for talks.", unit="en-zh")),
    Rule("same-language", M, _DOC, ERROR, "both inputs are in the same language",
         "Both inputs read as one language (two English files, say): the only finding of "
         "the report; check that the right files were given.",
         X("The minister arrived in Beijing on Monday for talks. The two sides discussed "
           "trade.", "The minister arrived in Beijing on Monday for talks.")),
    Rule("unrelated-articles", M, _DOC, ERROR,
         "the two articles do not look like translations of each other",
         "The document similarity of the alignment is below align.unrelated_threshold (with "
         "three or more Chinese sentences): the only finding of the report, since "
         "sentence-level findings about unrelated texts would be noise.",
         X("颱風週三登陸福建，造成兩人死亡。數萬人被疏散。氣象局表示，風雨將持續到週末。"
           "學校全部停課。",
           "The central bank raised interest rates by half a point on Thursday. Economists "
           "had expected a smaller rise. Markets fell sharply. The currency gained against "
           "the dollar.")),
)

RULES: dict[str, Rule] = {r.name: r for r in _TABLE}
RULE_NAMES: frozenset[str] = frozenset(RULES)


def rule_selection(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
                   ) -> tuple[tuple[str, str], ...]:
    """Rule settings (rule, "off") for ``--select`` / ``--ignore``: each item is a rule name
    or a finding type (``number`` stands for every number rule). With ``select`` every other
    rule is off; ``ignore`` turns its rules off. Unknown names raise ValueError."""
    def expand(items: tuple[str, ...], option: str) -> set[str]:
        out: set[str] = set()
        types = {t.value for t in FindingType}
        for item in items:
            if item in RULES:
                out.add(item)
            elif item in types:
                out |= {r.name for r in _TABLE if r.type.value == item}
            else:
                raise ValueError(f"{option}: unknown rule {item!r} (see 'xcheck rules'; "
                                 f"rules: {', '.join(r.name for r in _TABLE)}; types: "
                                 f"{', '.join(sorted(types))})")
        return out

    chosen = expand(select, "--select") if select else set(RULES)
    off = (set(RULES) - chosen) | expand(ignore, "--ignore")
    return tuple((name, "off") for name in sorted(off))


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
