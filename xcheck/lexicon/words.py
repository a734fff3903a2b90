"""Word evidence of a document pair: each sentence's words with offsets and dictionary senses.

Computed once per document pair and read by both the aligner (``xcheck.lexicon.evidence``
turns it into weighted units) and the checks (``xcheck.checks.context``), so each Chinese
sentence is segmented by jieba once, and every dictionary lookup of a Chinese word goes
through :func:`sub_words`. Each sentence is worked out on first use and kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from xcheck.lexicon import cedict
from xcheck.lexicon.english import STOPWORDS, stem
from xcheck.lexicon.places import name_senses
from xcheck.model import Document
from xcheck.resources import en_word_tokenizer, jieba_tokenizer

Key = str | tuple[str, str]  # what makes two sentences copies: their text (and its Simplified)

_ZH_STOPWORDS_TEXT = (
    "的 了 是 在 和 与 及 也 就 都 而 又 并 把 被 对 从 向 以 之 其 这 那 此 个 着 过 "
    "们 一个 这个 那个 这些 那些 一些 有 将 还 吗 呢 吧 啊 呀 么 于 为 得 地 等 等等 "
    "中的 一 已 已经 很 更 最 则 即 便 所 该 之后 之前"
)
ZH_STOPWORDS = frozenset(_ZH_STOPWORDS_TEXT.split())

# Longest dictionary sub-word looked for inside a word the dictionary lacks.
MAX_SUB_WORD = 4
# The checks draw a word's senses from sub-words of up to 3 characters (the aligner's
# longest-first pieces go up to MAX_SUB_WORD): kept apart because the findings were tuned on it.
MAX_SENSE_SUB_WORD = 3

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.&-]*")


def is_content(tok: str) -> bool:
    """An English word that carries content (a.m., p.m.: lower-case abbreviations do not)."""
    return is_word(tok) and not ("." in tok and tok.islower())


def is_word(tok: str) -> bool:
    """An English token that is a word and not a stopword (a.m. included: the aligner's test)."""
    low = tok.lower()
    return tok[:1].isalpha() and low not in STOPWORDS and len(low) > 1


def non_space_length(text: str) -> int:
    """Characters that are not white space: the length both aligner and checks compare."""
    return len(text) - sum(map(str.isspace, text))


def sub_words(word: str, dictionary: cedict.Dictionary) -> dict[int, tuple[int, ...]]:
    """Sizes (longest first) of the dictionary words starting at each position of ``word``,
    up to MAX_SUB_WORD characters: the one dictionary lookup of a word the dictionary lacks."""
    out: dict[int, tuple[int, ...]] = {}
    for k in range(len(word)):
        sizes = tuple(size for size in range(min(MAX_SUB_WORD, len(word) - k), 0, -1)
                      if word[k : k + size] in dictionary)
        if sizes:
            out[k] = sizes
    return out


def longest_pieces(word: str, found: dict[int, tuple[int, ...]]) -> list[str]:
    """The aligner's pieces of an unknown word: its longest dictionary sub-words, left to
    right without overlap (a single character only if it is not a function word)."""
    out: list[str] = []
    i = 0
    while i < len(word):
        for size in found.get(i, ()):
            if size > 1 or word[i] not in ZH_STOPWORDS:
                out.append(word[i : i + size])
                i += size
                break
        else:
            i += 1
    return out


def sense_pieces(word: str, found: dict[int, tuple[int, ...]]) -> list[str]:
    """The checks' pieces of an unknown word: every dictionary sub-word of up to
    MAX_SENSE_SUB_WORD characters, overlapping. A function character is left out, except
    one ending the word after a content character: a suffix morpheme (所 "institute" in
    病毒病所, not 是 in 这是)."""
    out: list[str] = []
    last = len(word) - 1
    for k in range(len(word)):
        for size in found.get(k, ()):
            if size > MAX_SENSE_SUB_WORD:
                continue
            if size > 1 or word[k] not in ZH_STOPWORDS or (
                    k == last > 0 and word[k - 1] not in ZH_STOPWORDS):
                out.append(word[k : k + size])
    return out


@dataclass(frozen=True)
class ZhToken:
    start: int  # offsets into the document's text
    end: int
    text: str  # as written
    norm: str  # the Simplified form jieba and the dictionary saw
    stems: frozenset[str]  # English stems it can translate to
    # Stems it has only as words of a multi-word name (新北 New Taipei: new, taipei), and those
    # names: "Taipei" alone does not render 新北, "New Taipei" does.
    loose: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    pieces: tuple[str, ...] = ()  # the dictionary words the aligner's units come from

    @property
    def content(self) -> bool:
        """A Chinese word that carries content: it has senses, is no function word and is
        longer than one character."""
        return bool(self.stems) and self.norm not in ZH_STOPWORDS and len(self.norm) > 1


@dataclass(frozen=True)
class EnToken:
    start: int  # offsets into the document's text
    end: int
    text: str
    stem: str
    content: bool
    capitalised: bool


class ZhWords:
    """The words of a Chinese document, each sentence segmented on first use and kept."""

    def __init__(self, doc: Document, dictionary: cedict.Dictionary | None = None) -> None:
        self.doc = doc
        self.dictionary = dictionary if dictionary is not None else cedict.load()
        self._sentences: dict[int, tuple[ZhToken, ...]] = {}
        self._words: dict[str, tuple[frozenset[str], frozenset[str],
                                     tuple[tuple[str, ...], ...], tuple[str, ...]]] = {}
        self._first: dict[Key, int] = {}  # a sentence's text -> where first seen
        self.lengths = tuple(non_space_length(s.text) for s in doc.sentences)

    def __len__(self) -> int:
        return len(self.doc.sentences)

    def __getitem__(self, index: int) -> tuple[ZhToken, ...]:
        s = self.doc.sentences[index]
        return _words_once(self._sentences, self._first, self.doc, index,
                           (s.text, self.doc.norm_text[s.start : s.end]), self._segment)

    def _segment(self, index: int) -> tuple[ZhToken, ...]:
        s = self.doc.sentences[index]
        norm = self.doc.norm_text[s.start : s.end]
        out: list[ZhToken] = []
        for tok, ts, te in jieba_tokenizer().tokenize(norm):
            if tok.isspace():
                continue
            stems, loose, phrases, pieces = self._senses(tok)
            out.append(ZhToken(s.start + ts, s.start + te,
                               self.doc.text[s.start + ts : s.start + te], tok, stems, loose,
                               phrases, pieces))
        return tuple(out)

    def _senses(self, word: str) -> tuple[frozenset[str], frozenset[str],
                                          tuple[tuple[str, ...], ...], tuple[str, ...]]:
        """(stems, loose stems, name phrases, the aligner's pieces) of a word, once per word."""
        known = self._words.get(word)
        if known is not None:
            return known
        dictionary = self.dictionary
        if word in dictionary:
            used = pieces = [word]
        else:
            found = sub_words(word, dictionary)
            used, pieces = sense_pieces(word, found), longest_pieces(word, found)
        stems: set[str] = set()
        loose: set[str] = set()
        firm: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        for piece in used:
            senses = dictionary[piece]
            stems.update(senses)
            multi, single = name_senses(piece)
            in_names = {st for p in multi for st in p} - single
            loose |= in_names
            firm.update(st for st in senses if st not in in_names)
            phrases.extend(multi)
        if _LATIN_WORD.fullmatch(word):
            stems.add(stem(word.rstrip(".")))
        known = (frozenset(stems), frozenset(loose - firm), tuple(dict.fromkeys(phrases)),
                 tuple(pieces))
        self._words[word] = known
        return known


class EnWords:
    """The words of an English document, each sentence tokenized on first use and kept."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._sentences: dict[int, tuple[EnToken, ...]] = {}
        self._first: dict[Key, int] = {}  # a sentence's text -> where first seen
        self.lengths = tuple(non_space_length(s.text) for s in doc.sentences)

    def __len__(self) -> int:
        return len(self.doc.sentences)

    def __getitem__(self, index: int) -> tuple[EnToken, ...]:
        return _words_once(self._sentences, self._first, self.doc, index,
                           self.doc.sentences[index].text, self._tokenize)

    def _tokenize(self, index: int) -> tuple[EnToken, ...]:
        s = self.doc.sentences[index]
        return tuple(EnToken(s.start + ts, s.start + te, s.text[ts:te],
                             stem(s.text[ts:te].lower().rstrip(".")), is_content(s.text[ts:te]),
                             s.text[ts:te][0].isupper())
                     for ts, te in en_word_tokenizer().span_tokenize(s.text))


Token = TypeVar("Token", ZhToken, EnToken)


def _words_once(kept: dict[int, tuple[Token, ...]], first_seen: dict[Key, int],
                doc: Document, index: int, key: Key,
                make: Callable[[int], tuple[Token, ...]]) -> tuple[Token, ...]:
    """Sentence ``index``'s words, made on first use and kept. A repeated sentence (the same
    ``key``) is read once: its copies take the first copy's words, moved to their offsets."""
    found = kept.get(index)
    if found is None:
        first = first_seen.setdefault(key, index)
        if first == index:
            found = make(index)
        else:
            delta = doc.sentences[index].start - doc.sentences[first].start
            found = tuple(replace(t, start=t.start + delta, end=t.end + delta)
                          for t in _words_once(kept, first_seen, doc, first, key, make))
        kept[index] = found
    return found


@dataclass(frozen=True)
class WordEvidence:
    """Both documents' words: what the aligner and the checks of one pair share."""

    zh: ZhWords
    en: EnWords


def word_evidence(zh: Document, en: Document) -> WordEvidence:
    """The word evidence of a pair (nothing is segmented until a sentence is asked for)."""
    return WordEvidence(ZhWords(zh), EnWords(en))
