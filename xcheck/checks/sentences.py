"""Whole sentences on one side only: null beads, and sentences a bead absorbed but does not
support (a 1-2 bead whose second English sentence has nothing in the Chinese)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xcheck.checks import register
from xcheck.checks.context import Context, EnToken, ZhToken
from xcheck.checks.rules import make_finding
from xcheck.lexicon.aliases import EN_ALIASES
from xcheck.lexicon.words import ZH_STOPWORDS
from xcheck.model import Bead, Document, Finding, Severity, Side, Span

_END = tuple("。！？；.!?;…」”\"'）)")


def _is_headline(doc: Document, index: int, max_chars: int) -> bool:
    """The first sentence, short and without a full stop, before a longer text: a headline
    (whether it stands in a paragraph of its own or, presegmented, on the first line)."""
    s = doc.sentences[index]
    body = s.text.rstrip("」』”’\"'）) ")
    return (index == 0 and len(doc.sentences) > 2
            and not body.endswith(_END) and len(s.text) <= max_chars)


def _preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@register("sentence")
def sentence_only_one_side(ctx: Context) -> Iterator[Finding]:
    cs = ctx.settings
    for bead in ctx.alignment.beads:
        if bead.zh and not bead.en:
            for i in bead.zh:
                s = ctx.zh.sentences[i]
                headline = _is_headline(ctx.zh, i, cs.headline_max_chars)
                yield make_finding(
                    "headline-untranslated" if headline else "sentence-missing-in-en",
                    zh=Side((i,), (Span(s.start, s.end),)), en=Side(),
                    message=(f"the Chinese headline \"{_preview(s.text)}\" has no English "
                             "counterpart" if headline else
                             f"Chinese sentence {i} \"{_preview(s.text)}\" has no English "
                             "counterpart"),
                    evidence="the aligner found no English sentence for it",
                )
        elif bead.en and not bead.zh:
            for j in bead.en:
                s = ctx.en.sentences[j]
                headline = _is_headline(ctx.en, j, cs.headline_max_chars)
                yield make_finding(
                    "headline-added" if headline else "sentence-added-in-en",
                    zh=Side(), en=Side((j,), (Span(s.start, s.end),)),
                    message=f"English sentence {j} \"{_preview(s.text)}\" has no Chinese "
                            "counterpart",
                    evidence="the aligner found no Chinese sentence for it",
                )
    yield from unrelated_pair(ctx)


def absorbed_en(ctx: Context, bead: Bead, j: int, evidence: str) -> Finding:
    """English sentence ``j`` of ``bead`` has nothing the Chinese says (the dictionary's or
    the machine translation's verdict, told by ``evidence``)."""
    s = ctx.en.sentences[j]
    return make_finding(
        "sentence-added-in-en",
        zh=Side(bead.zh), en=Side((j,), (Span(s.start, s.end),)),
        message=f"English sentence {j} \"{_preview(s.text)}\" has nothing of its own in the "
                "Chinese it is aligned with",
        evidence=evidence, aligned=True, severity=Severity.WARNING)


def absorbed_zh(ctx: Context, bead: Bead, i: int, evidence: str) -> Finding:
    """Chinese sentence ``i`` of ``bead`` is not translated in the bead's English."""
    s = ctx.zh.sentences[i]
    return make_finding(
        "sentence-missing-in-en",
        zh=Side((i,), (Span(s.start, s.end),)), en=Side(bead.en),
        message=f"Chinese sentence {i} \"{_preview(s.text)}\" is not translated in the "
                "English it is aligned with",
        evidence=evidence, aligned=True, severity=Severity.WARNING)


@register("absorbed-sentence")
def absorbed_sentence(ctx: Context) -> Iterator[Finding]:
    """In a bead with several English sentences, one the Chinese does not support."""
    cs = ctx.settings
    for bead in ctx.alignment.beads:
        if not bead.zh or len(bead.en) < 2:
            continue
        stems = ctx.bead_stems(bead)
        zh_text = ctx.zh_text(bead)
        total = sum(len(ctx.en.sentences[j].text) for j in bead.en)
        for j in bead.en:
            content = [t for t in ctx.en_tokens(j) if t.content]
            if len(content) < cs.absorbed_min_words:
                continue
            others = {t.stem for k in bead.en if k != j for t in ctx.en_tokens(k) if t.content}
            supported = [t for t in content if ctx.en_supported(t, bead, stems, zh_text)]
            unique = [t for t in supported if t.stem not in others]
            share = len(ctx.en.sentences[j].text) / max(total, 1)
            long = ctx.relative_length(bead) >= 1 + cs.length_evidence * share
            # Support from a Chinese word the other sentences already translate is a second
            # sense of it (月息 is the "monthly return" of one sentence, not the "interest" of
            # investors in another): only words with a Chinese word of their own count.
            words, free = _free_words(ctx, bead, others)
            own = [t for t in unique if _own_support(t, words, free)]
            if (len(unique) <= cs.absorbed_unique_support * len(content) and (
                    long or len(supported) <= cs.absorbed_en_supported * len(content))) or (
                    len(content) >= cs.absorbed_many_words
                    and len(own) <= cs.absorbed_barely * len(content)):
                yield absorbed_en(ctx, bead, j,
                                  f"{len(unique)} of {len(content)} content words have a "
                                  "counterpart the other sentences do not explain"
                                  + ("; the English is longer than the Chinese warrants" if long
                                     else ""))


def _free_words(ctx: Context, bead: Bead, others: set[str],
                ) -> tuple[list[ZhToken], list[ZhToken]]:
    """The bead's Chinese words, and those no other English sentence of the bead uses (by
    their dictionary senses or a shipped alias)."""
    words = [t for i in bead.zh for t in ctx.zh_tokens(i)]
    aliases = {alias for o in others for alias in EN_ALIASES.get(o, ())}
    free = [t for t in words if not t.stems & others
            and not any(alias in t.norm for alias in aliases)]
    return words, free


def _own_support(token: EnToken, words: list[ZhToken], free: list[ZhToken]) -> bool:
    """Is ``token`` translated by a Chinese word of its own (one of ``free``)?"""
    if any(token.stem in t.stems for t in free):
        return True
    # Only words the other sentences use (False), or supported some other way: names,
    # numbers, romanisation (True: kept).
    return not any(token.stem in t.stems for t in words)


def _numbers_shared(zh_text: str, bead: Bead, ctx: Context) -> bool:
    """Does the bead's English give one of the sentence's Arabic numbers (5比4 ~ 5-4)?"""
    en = " ".join(ctx.en.sentences[j].text for j in bead.en).replace(",", "")
    return any(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d]|\.\d)", en)
               for n in re.findall(r"\d+(?:\.\d+)?", zh_text.replace(",", "")))


@register("absorbed-zh-sentence")
def absorbed_zh_sentence(ctx: Context) -> Iterator[Finding]:
    """In a bead with several Chinese sentences, one the English does not translate."""
    cs = ctx.settings
    for bead in ctx.alignment.beads:
        if not bead.en or len(bead.zh) < 2:
            continue
        en_stems = ctx.en_bead_stems(bead)
        total = sum(len(ctx.zh.sentences[i].text) for i in bead.zh)
        for i in bead.zh:
            content = [t for t in ctx.zh_tokens(i) if t.stems and t.norm not in ZH_STOPWORDS]
            if len(content) < cs.absorbed_min_words:
                continue
            others = {t.norm for k in bead.zh if k != i for t in ctx.zh_tokens(k)}
            supported = [t for t in content if t.stems & en_stems]
            unique = [t for t in supported if t.norm not in others]
            share = len(ctx.zh.sentences[i].text) / max(total, 1)
            short = ctx.relative_length(bead) <= 1 - cs.length_evidence * share
            # (or when at most one word in ten has a counterpart of its own: the sentence's
            # other matches are names its neighbours repeat; unless its numbers are there.)
            if len(unique) <= cs.absorbed_unique_support * len(content) and (
                    short or len(supported) <= cs.absorbed_zh_supported * len(content)
                    or (len(content) >= cs.absorbed_many_words
                        and len(unique) <= cs.absorbed_barely * len(content)
                        and not _numbers_shared(ctx.zh.sentences[i].text, bead, ctx))):
                yield absorbed_zh(ctx, bead, i,
                                  f"{len(unique)} of {len(content)} words have a counterpart "
                                  "the other sentences do not explain"
                                  + ("; the English is shorter than the Chinese warrants"
                                     if short else ""))


def unrelated_pair(ctx: Context) -> Iterator[Finding]:
    """A 1-1 bead of two sentences with (almost) nothing in common: each is unmatched.
    (Part of the "sentence" check: sentences on one side only.)"""
    cs = ctx.settings
    shares: list[tuple[Bead, float, float]] = []
    for bead in ctx.alignment.beads:
        if len(bead.zh) != 1 or len(bead.en) != 1:
            continue
        (i,), (j,) = bead.zh, bead.en
        zh_content = [t for t in ctx.zh_tokens(i) if t.content]
        en_content = [t for t in ctx.en_tokens(j) if t.content]
        if len(zh_content) < cs.unrelated_min_words or len(en_content) < cs.unrelated_min_words:
            continue
        zh_share = sum(ctx.zh_supported(t, bead) for t in zh_content) / len(zh_content)
        en_share = sum(ctx.en_supported(t, bead) for t in en_content) / len(en_content)
        shares.append((bead, zh_share, en_share))
    # Low support is evidence only against this document's usual: a free translation (or
    # spoken text) shares few dictionary words in every pair.
    usual = sorted(max(z, e) for _, z, e in shares)
    typical = usual[len(usual) // 2] if usual else 0.0
    for bead, zh_share, en_share in shares:
        (i,), (j,) = bead.zh, bead.en
        if max(zh_share, en_share) > min(cs.unrelated_support,
                                         cs.unrelated_relative * typical):
            continue
        zs, es = ctx.zh.sentences[i], ctx.en.sentences[j]
        evidence = (f"{zh_share:.0%} of the Chinese and {en_share:.0%} of the English content "
                    "words have a counterpart on the other side")
        yield make_finding(
            "sentence-missing-in-en",
            zh=Side((i,), (Span(zs.start, zs.end),)), en=Side((j,)),
            message=f"Chinese sentence {i} \"{_preview(zs.text)}\" is not translated by the "
                    "English sentence it is aligned with",
            evidence=evidence, aligned=True, severity=Severity.WARNING)
        yield make_finding(
            "sentence-added-in-en",
            zh=Side((i,)), en=Side((j,), (Span(es.start, es.end),)),
            message=f"English sentence {j} \"{_preview(es.text)}\" does not translate the "
                    "Chinese sentence it is aligned with",
            evidence=evidence, aligned=True, severity=Severity.WARNING)
