"""Clauses on one side without support on the other (word-level alignment inside a bead)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from xcheck.checks import register
from xcheck.checks.context import Context, EnToken, ZhToken
from xcheck.lexicon.evidence import ZH_STOPWORDS
from xcheck.lexicon.numbers import en_numbers, zh_numbers
from xcheck.model import Bead, Category, Finding, FindingType, Severity, Side, Span

MIN_CONTENT_WORDS = 3
# A clause counts as added or dropped when at least this share of its content is unmatched.
CLAUSE_UNSUPPORTED = 0.75
_EN_CLAUSE_BREAKS = frozenset(",;:()[]—–")
_ZH_CLAUSE_BREAKS = frozenset("，,、；;：:（）()—。！？!?")


def _clauses(tokens: Sequence[EnToken | ZhToken], breaks: frozenset[str]) -> list[list[int]]:
    """Token index lists of the punctuation-delimited clauses of a sentence."""
    out: list[list[int]] = [[]]
    for k, t in enumerate(tokens):
        between_digits = (0 < k < len(tokens) - 1 and tokens[k - 1].text[-1:].isdigit()
                          and tokens[k + 1].text[:1].isdigit())
        if t.text in breaks and not between_digits:
            out.append([])
        else:
            out[-1].append(k)
    return [c for c in out if c]


def _en_clause_findings(ctx: Context, bead: Bead, j: int,
                        supported: list[bool], near: list[Bead]) -> list[tuple[Finding, set[int]]]:
    toks = ctx.en_tokens(j)
    bead_zh = bead.zh
    en_length = sum(len(ctx.en.sentences[k].text) for k in bead.en)
    clauses = _clauses(toks, _EN_CLAUSE_BREAKS)
    out: list[tuple[Finding, set[int]]] = []
    if len(clauses) < 2:
        return out  # the whole sentence: the sentence checks' business
    for clause in clauses:
        content = [k for k in clause if toks[k].content]
        missing = [k for k in content if not supported[k]]
        if len(missing) < MIN_CONTENT_WORDS or len(missing) < CLAUSE_UNSUPPORTED * len(content):
            continue
        if any(sum(ctx.en_supported(toks[k], b) for k in missing) >= MOVED * len(missing)
               for b in near if b.zh):
            continue  # the neighbouring Chinese has it: moved by the alignment, not added
        first, last = toks[clause[0]], toks[clause[-1]]
        # An added clause makes the English long; a paraphrase does not.
        share = (last.end - first.start) / max(en_length, 1)
        if ctx.relative_length(bead) < 1 + LENGTH_EVIDENCE * share:
            continue
        text = ctx.en.text[first.start : last.end]
        out.append((Finding(
            rule="clause-added", category=Category.ADDITION, type=FindingType.CONTENT,
            severity=Severity.WARNING, zh=Side(bead_zh), en=Side((j,), (Span(first.start,
                                                                           last.end),)),
            message=f"the clause \"{text}\" has no counterpart in the Chinese",
            evidence=f"{len(missing)} of its {len(content)} content words match nothing in the "
                     "aligned Chinese",
        ), set(clause)))
    return out


def _neighbours(ctx: Context, index: int) -> list[Bead]:
    """The beads just before and after: a clause found there was moved, not dropped."""
    beads = ctx.alignment.beads
    return [beads[k] for k in (index - 1, index + 1) if 0 <= k < len(beads)]


MOVED = 0.5  # share of a clause's unmatched words a neighbouring bead must have
# How much of a clause's share of the sentence must show in the bead's length.
LENGTH_EVIDENCE = 0.5


def _number_anchored(ctx: Context, i: int, start: int, end: int, en_values: list[float]) -> bool:
    """The clause states a number the aligned English states too (4萬1,235 ~ 41,235): the
    English renders the clause, in words the dictionary does not link."""
    s = ctx.zh.sentences[i]
    for n in zh_numbers(ctx.zh.norm_text[s.start : s.end]):
        if start <= s.start + n.start and s.start + n.end <= end and (
                n.percent or n.value >= 3 or n.value != int(n.value)) and any(
                abs(n.value - v) <= 1e-9 * max(abs(v), 1.0) for v in en_values):
            return True
    return False


@register("clauses-omitted")
def omitted_clauses(ctx: Context) -> Iterator[Finding]:
    """Chinese clauses whose content the aligned English (or its neighbours) does not carry."""
    for index, bead in enumerate(ctx.alignment.beads):
        if not bead.zh or not bead.en:
            continue
        en_stems = ctx.en_bead_stems(bead)
        en_text = " ".join(ctx.en.sentences[j].text for j in bead.en)
        near = [(b, ctx.en_bead_stems(b), " ".join(ctx.en.sentences[j].text for j in b.en))
                for b in _neighbours(ctx, index) if b.en]
        zh_length = sum(len(ctx.zh.sentences[i].text) for i in bead.zh)
        en_values = [n.value for j in bead.en for n in en_numbers(ctx.en.sentences[j].text)]
        for i in bead.zh:
            toks = ctx.zh_tokens(i)
            clauses = _clauses(toks, _ZH_CLAUSE_BREAKS)
            if len(clauses) < 2:
                continue
            for clause in clauses:
                content = [k for k in clause if toks[k].stems and toks[k].norm not in
                           ZH_STOPWORDS and len(toks[k].norm) > 1]
                missing = [k for k in content if not ctx.zh_supported(toks[k], bead, en_stems,
                                                                       en_text)]
                first, last = toks[clause[0]], toks[clause[-1]]
                # A dropped clause leaves the English short; a paraphrase does not. When the
                # English is short by the whole clause, a two-word clause is enough.
                share = (last.end - first.start) / max(zh_length, 1)
                relative = ctx.relative_length(bead)
                if relative > 1 - LENGTH_EVIDENCE * share:
                    continue
                needed = 2 if relative <= 1 - share else MIN_CONTENT_WORDS
                if len(missing) < needed or len(missing) < CLAUSE_UNSUPPORTED * len(content):
                    continue
                if any(sum(ctx.zh_supported(toks[k], b, st, tx) for k in missing)
                       >= MOVED * len(missing) for b, st, tx in near):
                    continue
                if _number_anchored(ctx, i, first.start, last.end, en_values):
                    continue
                text = ctx.zh.text[first.start : last.end]
                yield Finding(
                    rule="clause-omitted", category=Category.OMISSION,
                    type=FindingType.CONTENT, severity=Severity.WARNING,
                    zh=Side((i,), (Span(first.start, last.end),)), en=Side(bead.en),
                    message=f"the clause \"{text}\" has no counterpart in the English",
                    evidence=f"{len(missing)} of its {len(content)} words match nothing in the "
                             "aligned English",
                )


def _unsupported_runs(ctx: Context, j: int, supported: list[bool]) -> list[list[EnToken]]:
    """Runs of unsupported content words. Function words, and one supported word, may sit
    inside a run: a lone dictionary hit does not split an added clause."""
    toks = ctx.en_tokens(j)
    runs: list[tuple[list[EnToken], int]] = []
    cur: list[EnToken] = []
    missing = 0
    bridge: list[EnToken] = []
    bridged = False
    for t, ok in zip(toks, supported, strict=True):
        inner = not t.content and (t.text[0].isalnum() or t.text in "-'’")
        if t.content and not ok:
            cur += [*bridge, t]
            bridge = []
            missing += 1
        elif cur and (inner or (t.content and not bridged)):
            bridged = bridged or t.content
            bridge.append(t)
        elif cur:
            runs.append((cur, missing))
            cur, bridge, missing, bridged = [], [], 0, False
    if cur:
        runs.append((cur, missing))
    return [r for r, n in runs if n >= MIN_CONTENT_WORDS]


@register("content")
def added_content(ctx: Context) -> Iterator[Finding]:
    for index, bead in enumerate(ctx.alignment.beads):
        if not bead.zh or not bead.en:
            continue
        stems = ctx.bead_stems(bead)
        zh_text = ctx.zh_text(bead)
        for j in bead.en:
            toks = ctx.en_tokens(j)
            supported = [not t.content or ctx.en_supported(t, bead, stems, zh_text)
                         for t in toks]
            covered: set[int] = set()
            near = _neighbours(ctx, index)
            for finding, clause in _en_clause_findings(ctx, bead, j, supported, near):
                covered |= clause
                yield finding
            for run in _unsupported_runs(ctx, j, supported):
                if any(toks.index(t) in covered for t in run):
                    continue
                missing = {t.start for t, ok in zip(toks, supported, strict=True) if not ok}
                words = [t.text for t in run if t.content and t.start in missing]
                # An unsupported name or place inside the clause makes it worth a warning.
                named = any(t.capitalised and t.start > ctx.en.sentences[j].start
                            and t.start in missing for t in run)
                text = ctx.en.text[run[0].start : run[-1].end]
                # ... and only when the English is longer than usual, as an addition makes it.
                share = len(text) / max(sum(len(ctx.en.sentences[k].text) for k in bead.en), 1)
                # (or when the run is a large share of the sentence: a rewritten clause).
                named = named and (ctx.relative_length(bead) >= 1 + LENGTH_EVIDENCE * share
                                   or (len(words) >= 5 and share >= 0.2))
                yield Finding(
                    rule="content-added", category=Category.ADDITION,
                    type=FindingType.CONTENT,
                    severity=Severity.WARNING if named and len(words) >= 3 else Severity.INFO,
                    zh=Side(bead.zh), en=Side((j,), (Span(run[0].start, run[-1].end),)),
                    message=f"\"{text}\" has no counterpart in the Chinese",
                    evidence=f"none of {', '.join(repr(w) for w in words[:6])} matches a "
                             "word of the aligned Chinese",
                )
