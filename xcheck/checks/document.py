"""Document-level rules: both inputs in one language, or two articles that do not translate
each other. When one of them fires it is the report's only finding (``run_checks`` runs this
check first): sentence-level findings about unrelated texts would be noise."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from xcheck.checks import register
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.load import guess_lang
from xcheck.model import Alignment, Finding, Lang, Side
from xcheck.settings import AlignSettings

DOCUMENT_CHECK = "document"


def unrelated_threshold(alignment: Alignment) -> float:
    """The aligner's threshold the alignment was made with (AlignSettings.unrelated_threshold)."""
    value = dict(alignment.settings).get("unrelated_threshold")
    return float(value) if isinstance(value, int | float) else \
        AlignSettings().unrelated_threshold


def unrelated(alignment: Alignment) -> bool:
    """Too little in common for two translations (judged on 3+ Chinese sentences)."""
    return len(alignment.zh.sentences) >= 3 and alignment.score < unrelated_threshold(alignment)


def document_fingerprint(alignment: Alignment, rule: str) -> str:
    """Stable while the two articles' texts stay the same, like every other fingerprint."""
    parts = [rule, *(s.text for s in alignment.zh.sentences), "\x1e",
             *(s.text for s in alignment.en.sentences)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


@register(DOCUMENT_CHECK)
def document(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    zh_lang = guess_lang("".join(s.text for s in alignment.zh.sentences))
    en_lang = guess_lang("".join(s.text for s in alignment.en.sentences))
    threshold = unrelated_threshold(alignment)
    if zh_lang is Lang.EN or en_lang is Lang.ZH:
        names = {Lang.ZH: "Chinese", Lang.EN: "English", None: "neither language"}
        msg = (f"both inputs are in the same language: the Chinese side reads as "
               f"{names[zh_lang]}, the English side as {names[en_lang]}; check that the "
               "right files were given")
        rule = "same-language"
    elif unrelated(alignment):
        msg = (f"the two articles look unrelated (document similarity {alignment.score:.3f}; "
               f"the threshold is {threshold:.2f}); no sentence-level findings were made")
        rule = "unrelated-articles"
    else:
        return
    yield make_finding(rule, zh=Side(tuple(range(len(alignment.zh.sentences)))),
                       en=Side(tuple(range(len(alignment.en.sentences)))), message=msg,
                       evidence="document-level",
                       fingerprint=document_fingerprint(alignment, rule))
