"""Quoted speech present on one side only."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xcheck.checks import register
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.model import Finding, Side, Span

# Quoted speech, not emphasis: the quote follows a speech verb or a colon.
_ZH_QUOTE = re.compile(
    r"(?<=[说說示出调調称稱道问問:：,，])\s*(?:「[^」]{6,}」|“[^”]{6,}”|『[^』]{6,}』)")
_EN_QUOTE = re.compile(r"“[^”]+”|\"[^\"]+\"")
_EN_ANY_QUOTE = re.compile(r"[“”\"]")
# 《》 marks a title, which English puts in quotation marks: "Severe Situation" for 《形势严峻》.
_ZH_ANY_QUOTE = re.compile(r"[「」『』“”\"《》〈〉]")


@register("quotes")
def quotes(ctx: Context) -> Iterator[Finding]:
    for bead in ctx.alignment.beads:
        if not bead.zh or not bead.en:
            continue
        en_text = " ".join(ctx.en.sentences[j].text for j in bead.en)
        zh_text = "".join(ctx.zh.sentences[i].text for i in bead.zh)
        if not _EN_ANY_QUOTE.search(en_text):
            for i in bead.zh:
                s = ctx.zh.sentences[i]
                for m in _ZH_QUOTE.finditer(s.text):
                    yield make_finding(
                        "quote-omitted",
                        zh=Side((i,), (Span(s.start + m.start(), s.start + m.end()),)),
                        en=Side(bead.en),
                        message=f"the Chinese quotes {m.group()} but the English has no quote",
                        evidence="no quotation marks in the aligned English",
                    )
        if not _ZH_ANY_QUOTE.search(zh_text):
            for j in bead.en:
                s = ctx.en.sentences[j]
                for m in _EN_QUOTE.finditer(s.text):
                    if len(m.group().split()) < ctx.settings.quote_min_words:
                        continue  # a scare-quoted term, not speech
                    yield make_finding(
                        "quote-added",
                        zh=Side(bead.zh),
                        en=Side((j,), (Span(s.start + m.start(), s.start + m.end()),)),
                        message=f"the English quotes {m.group()} but the Chinese has no quote",
                        evidence="no quotation marks in the aligned Chinese",
                    )
