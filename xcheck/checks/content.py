"""Clauses on one side without support on the other (word-level alignment inside a bead)."""

from __future__ import annotations

from collections.abc import Iterator

from xcheck.checks import register
from xcheck.checks.context import Context, EnToken
from xcheck.model import Category, Finding, FindingType, Severity, Side, Span

MIN_CONTENT_WORDS = 3


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
    for bead in ctx.alignment.beads:
        if not bead.zh or not bead.en:
            continue
        stems = ctx.bead_stems(bead)
        zh_text = ctx.zh_text(bead)
        for j in bead.en:
            toks = ctx.en_tokens(j)
            supported = [not t.content or ctx.en_supported(t, bead, stems, zh_text)
                         for t in toks]
            for run in _unsupported_runs(ctx, j, supported):
                missing = {t.start for t, ok in zip(toks, supported, strict=True) if not ok}
                words = [t.text for t in run if t.content and t.start in missing]
                # An unsupported name or place inside the clause makes it worth a warning.
                named = any(t.capitalised and t.start > ctx.en.sentences[j].start
                            and t.start in missing for t in run)
                text = ctx.en.text[run[0].start : run[-1].end]
                yield Finding(
                    rule="content-added", category=Category.ADDITION,
                    type=FindingType.CONTENT,
                    severity=Severity.WARNING if named and len(words) >= 3 else Severity.INFO,
                    zh=Side(bead.zh), en=Side((j,), (Span(run[0].start, run[-1].end),)),
                    message=f"\"{text}\" has no counterpart in the Chinese",
                    evidence=f"none of {', '.join(repr(w) for w in words[:6])} matches a "
                             "word of the aligned Chinese",
                )
