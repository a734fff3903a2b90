"""The registry of checks: plain functions from a Context to Findings.

A check module registers itself with ``@register("name")`` and builds its findings with
``make_finding`` from the rule table (``rules.py``); a pass over the findings (the MT pass)
with ``@register_pass("name")``. ``run_checks`` runs the document check first (unrelated
articles: that finding alone), then the enabled checks and passes, gives each finding a
stable fingerprint and ranks them most important first. Thresholds come from
``ctx.settings`` (``xcheck.settings.CheckSettings``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from xcheck.checks.context import Context
from xcheck.checks.rules import RULE_NAMES, RULES, Rule, make_finding
from xcheck.model import Category, Finding, Severity

__all__ = [
    "GATE",
    "PASSES",
    "REGISTRY",
    "RULES",
    "RULE_NAMES",
    "CheckFn",
    "PassFn",
    "Rule",
    "available",
    "make_finding",
    "rank",
    "register",
    "register_pass",
    "run_checks",
]

CheckFn = Callable[[Context], Iterable[Finding]]

# Every rule a finding can carry is in the rule table (xcheck/checks/rules.py); settings may
# turn rules, or whole checks by their registry name, off or change their severity.
REGISTRY: dict[str, CheckFn] = {}
# Passes over the checks' findings, run after them in this order (the MT pass re-weighs
# them and adds what only the machine translation shows); switched off by name like checks.
PassFn = Callable[[Context, list[Finding]], list[Finding]]
PASSES: dict[str, PassFn] = {}
# The check run first: when it finds anything (two unrelated articles), that is the report.
GATE = "document"


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    def deco(fn: CheckFn) -> CheckFn:
        REGISTRY[name] = fn
        return fn

    return deco


def register_pass(name: str) -> Callable[[PassFn], PassFn]:
    def deco(fn: PassFn) -> PassFn:
        PASSES[name] = fn
        return fn

    return deco


def _load_builtin() -> None:
    # Importing the modules registers their checks.
    from xcheck.checks import (  # noqa: F401
        content,
        dates,
        document,
        glossary,
        mt,
        names,
        numbers,
        quotes,
        sentences,
        units,
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


def run_checks(ctx: Context, severity_overrides: dict[str, Severity] | None = None,
               disabled: Iterable[str] = ()) -> list[Finding]:
    """Run the checks, then the passes; ``disabled`` names rules (or whole checks or passes)
    whose findings are dropped. The document check runs first: its findings, if any, are the
    only ones (they keep their own whole-document fingerprints)."""
    _load_builtin()
    off = set(disabled)
    names = [n for n in REGISTRY if n not in off]
    if GATE in names:
        names.remove(GATE)
        gate = [_severity(f, severity_overrides) for f in REGISTRY[GATE](ctx)
                if f.rule not in off]
        if gate:
            return rank(gate)
    raw = [f for name in names if name in REGISTRY for f in REGISTRY[name](ctx)
           if f.rule not in off]
    for name, apply in PASSES.items():
        if name not in off:
            raw = apply(ctx, raw)
    found: list[tuple[Finding, str]] = []
    for f in raw:
        if f.rule in off:
            continue
        f = _severity(f, severity_overrides)
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


def _severity(f: Finding, overrides: dict[str, Severity] | None) -> Finding:
    if overrides and f.rule in overrides:
        return replace(f, severity=overrides[f.rule])
    return f


def available() -> list[str]:
    """The names of the checks and passes (each may be switched off in the settings)."""
    _load_builtin()
    return sorted({*REGISTRY, *PASSES})
