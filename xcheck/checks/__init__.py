"""The registry of checks: plain functions from a Context to Findings.

A check module registers itself with ``@register("name")``; ``run_checks`` runs the enabled
ones, gives each finding a stable fingerprint and ranks them most important first.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from xcheck.checks.context import Context
from xcheck.model import Category, Finding, Severity

CheckFn = Callable[[Context], Iterable[Finding]]

# Every rule a finding can carry (a test keeps this in step with the checks); settings may
# turn these, or whole checks by their registry name, off or change their severity.
RULES = frozenset({
    "headline-untranslated", "headline-added", "sentence-missing-in-en", "sentence-added-in-en",
    "number-mismatch", "number-omitted", "number-added", "name-mismatch", "name-part-added",
    "name-added", "name-omitted", "time-expression-mismatch", "time-expression-added",
    "time-expression-omitted", "quote-added", "quote-omitted", "glossary-term",
    "content-added", "clause-added", "clause-omitted", "same-language", "unrelated-articles",
})
REGISTRY: dict[str, CheckFn] = {}


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    def deco(fn: CheckFn) -> CheckFn:
        REGISTRY[name] = fn
        return fn

    return deco


def _load_builtin() -> None:
    # Importing the modules registers their checks.
    from xcheck.checks import (  # noqa: F401
        content,
        dates,
        glossary,
        names,
        numbers,
        quotes,
        sentences,
    )


_CATEGORY_ORDER = {Category.ZH_ONLY: 0, Category.EN_ONLY: 0, Category.MISMATCH: 1,
                   Category.ADDITION: 2, Category.OMISSION: 2}


def fingerprint(ctx: Context, f: Finding) -> str:
    """Hash of what the finding says and the text it points at, never of positions."""
    zh, en = ctx.zh, ctx.en
    parts = [f.rule, f.category.value, f.type.value]
    parts += [zh.text[s.start : s.end] for s in f.zh.spans]
    parts += [en.text[s.start : s.end] for s in f.en.spans]
    parts += [zh.sentences[i].text for i in f.zh.sentences]
    parts += [en.sentences[i].text for i in f.en.sentences]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def _with_context(ctx: Context, f: Finding, fp: str) -> str:
    parts = [fp]
    for doc, side in ((ctx.zh, f.zh), (ctx.en, f.en)):
        if side.sentences:
            first, last = side.sentences[0], side.sentences[-1]
            parts.append(doc.sentences[first - 1].text if first > 0 else "")
            parts.append(doc.sentences[last + 1].text if last + 1 < len(doc.sentences) else "")
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def _position(f: Finding) -> tuple[int, int]:
    zh = f.zh.sentences[0] if f.zh.sentences else 10**9
    en = f.en.sentences[0] if f.en.sentences else 10**9
    return (min(zh, en), 0)


def rank(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, _CATEGORY_ORDER.get(f.category, 3),
                                           _position(f), f.rule))


def run_checks(ctx: Context, enabled: Iterable[str] | None = None,
               severity_overrides: dict[str, Severity] | None = None,
               disabled: Iterable[str] = ()) -> list[Finding]:
    """Run the checks; ``disabled`` names rules (or whole checks) whose findings are dropped."""
    _load_builtin()
    off = set(disabled)
    names = [n for n in (list(REGISTRY) if enabled is None else list(enabled)) if n not in off]
    raw = [f for name in names if name in REGISTRY for f in REGISTRY[name](ctx)
           if f.rule not in off]
    if "mt" not in off:
        from xcheck.checks.mt import apply_mt

        raw = apply_mt(ctx, raw)  # a no-op without a machine translation
    found: list[tuple[Finding, str]] = []
    for f in raw:
        if f.rule in off:
            continue
        if severity_overrides and f.rule in severity_overrides:
            f = replace(f, severity=severity_overrides[f.rule])
        found.append((f, fingerprint(ctx, f)))
    base_counts = Counter(fp for _, fp in found)
    out: list[Finding] = []
    seen: Counter[str] = Counter()
    for f, fp in found:
        if base_counts[fp] > 1:
            # The same text flagged more than once (a repeated sentence): tell the findings
            # apart by their neighbouring sentences, which unrelated edits leave alone.
            fp = _with_context(ctx, f, fp)
        seen[fp] += 1
        if seen[fp] > 1:  # identical neighbourhoods too: fall back to the occurrence
            fp = hashlib.sha1(f"{fp}{seen[fp]}".encode()).hexdigest()[:8]
        out.append(replace(f, fingerprint=fp))
    return rank(out)


def available() -> list[str]:
    _load_builtin()
    return sorted(REGISTRY)
