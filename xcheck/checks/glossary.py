"""Glossary terms: a Chinese term whose required English rendering is absent."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from xcheck.checks import register
from xcheck.checks.context import Context
from xcheck.checks.rules import make_finding
from xcheck.errors import ConfigError
from xcheck.io import DEFAULT_MAX_BYTES
from xcheck.limits import MAX_TERM_CHARS, read_side_text, shown
from xcheck.model import Finding, Side, Span


def read_glossary(path: str | Path,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[tuple[str, str], ...]:
    """A TSV or CSV file of ``zh<TAB or comma>en`` pairs; '#' lines are comments."""
    text = read_side_text(path, max_bytes, what="glossary", error=ConfigError)
    return glossary_from_text(text, shown(path))


def glossary_from_text(text: str, name: str = "glossary") -> tuple[tuple[str, str], ...]:
    """The terms of a glossary file's text (``name`` names it in error messages)."""
    path = name
    text = text.removeprefix("\ufeff")
    delimiter = "\t" if "\t" in text else ","
    out: list[tuple[str, str]] = []
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as e:  # a field over csv's own size limit, a NUL...
        raise ConfigError(f"{path}:{reader.line_num}: not a glossary line ({e})") from None
    for n, row in enumerate(rows, 1):
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2 or not row[1].strip():
            raise ConfigError(f"{path}:{n}: expected 'chinese{delimiter}english'")
        term = (row[0].strip(), row[1].strip())
        if max(map(len, term)) > MAX_TERM_CHARS:
            raise ConfigError(f"{path}:{n}: a glossary term is at most {MAX_TERM_CHARS} "
                              f"characters, not {max(map(len, term)):,}")
        out.append(term)
    return tuple(out)


@register("glossary")
def glossary(ctx: Context) -> Iterator[Finding]:
    if not ctx.glossary:
        return
    for bead in ctx.alignment.beads:
        if not bead.zh:
            continue
        en_text = " ".join(ctx.en.sentences[j].text for j in bead.en).lower()
        for i in bead.zh:
            s = ctx.zh.sentences[i]
            norm = ctx.zh.norm_text[s.start : s.end]
            for zh_term, en_term in ctx.glossary:
                k = s.text.find(zh_term)
                if k < 0:
                    k = norm.find(zh_term)
                if k < 0 or en_term.lower() in en_text:
                    continue
                yield make_finding(
                    "glossary-term",
                    zh=Side((i,), (Span(s.start + k, s.start + k + len(zh_term)),)),
                    en=Side(bead.en),
                    message=f"the glossary renders \"{zh_term}\" as \"{en_term}\", which the "
                            "English does not use",
                    evidence="glossary entry",
                )
