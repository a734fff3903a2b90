"""Bilingual evidence: each sentence as a set of weighted units, and which units translate which.

A Chinese unit is a word (Simplified), a number key, a Latin token or a punctuation key; an
English unit is a content-word stem, a number key or a punctuation key. ``translations[u]``
is the set of English units a Chinese unit can match: from CC-CEDICT, identity for numbers,
Latin tokens and punctuation, and pinyin-phonetic matches for transliterated names.
Units are interned as ints so set operations stay cheap. The words come from the pair's
word evidence (xcheck.lexicon.words), which the checks read too.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from xcheck.lexicon import cedict, names
from xcheck.lexicon.english import STOPWORDS, stem
from xcheck.lexicon.numbers import en_numbers, zh_numbers
from xcheck.lexicon.words import (
    ZH_STOPWORDS,
    EnToken,
    WordEvidence,
    ZhToken,
    is_word,
    word_evidence,
)
from xcheck.model import Document

# Punctuation that is evidence on both sides (DESIGN.md: it helped the prototype).
_ZH_PUNCT = {"？": "?", "?": "?", "！": "!", "!": "!", "：": ":", "；": ";",
             "「": '"', "“": '"', "『": '"', "…": "…", "——": "—"}
_EN_PUNCT = {"?": "?", "!": "!", ":": ":", ";": ";", '"': '"', "“": '"', "…": "…",
             "—": "—"}

# Characters common in Chinese transliterations of foreign names.
TRANSLIT = frozenset(
    "阿埃艾安奥巴拜班邦保鲍贝本比彼宾波伯布查达戴丹道德迪蒂丁东杜多尔厄恩法范菲费芬丰"
    "弗福夫盖甘冈戈格根古哈海汉豪赫黑亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰"
    "朗劳勒雷蕾里利莉连林琳刘龙卢鲁路伦罗洛马迈麦曼梅门蒙米密敏莫默姆穆纳奈南内尼妮宁"
    "纽努诺欧帕潘佩彭皮普奇齐契乔切琴丘瑞萨塞桑瑟森沙莎尚舍施史斯松苏索塔泰坦汤唐特腾"
    "提汀图托瓦万威韦维温文沃乌伍西希锡谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨佐祖京登川"
    "拉奥贝尔埃默克廷嘉蓬岑赛茜黛娅娜丽玛琪菈薇"
)

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.&-]*|\d+[A-Za-z]+[A-Za-z0-9]*")
TRANSLIT_RUN = re.compile(f"[{''.join(sorted(TRANSLIT))}]{{2,}}")
_HAN = re.compile("[\u4e00-\u9fff]")


class Interner:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def __call__(self, key: str) -> int:
        i = self.ids.get(key)
        if i is None:
            i = self.ids[key] = len(self.names)
            self.names.append(key)
        return i


@dataclass
class SentenceUnits:
    units: list[int]  # distinct units of the sentence
    length: int  # non-space characters
    punct: tuple[int, ...] = (0, 0, 0)  # counts of ? ! and opening quotes


_ZH_PUNCT_CLASS = (re.compile(r"[？?]"), re.compile(r"[！!]"), re.compile(r"[“「『]"))
# English opening quotes: curly, or a straight quote at the start or after space/bracket/dash
# (so apostrophes in "don't" or "boys'" do not count).
_EN_PUNCT_CLASS = (re.compile(r"\?"), re.compile(r"!"),
                   re.compile(r"[“‘]|(?:^|(?<=[\s(\[—–-]))[\"'](?=\w)"))


def punct_counts(text: str, zh: bool) -> tuple[int, ...]:
    return tuple(len(p.findall(text)) for p in (_ZH_PUNCT_CLASS if zh else _EN_PUNCT_CLASS))


@dataclass
class Evidence:
    """Units and weights for both documents of a pair."""

    zh: list[SentenceUnits]
    en: list[SentenceUnits]
    translations: dict[int, frozenset[int]]  # zh unit -> English units it can match
    zh_weight: dict[int, float]
    en_weight: dict[int, float]
    interner: Interner


def _zh_units(text: str, words: tuple[ZhToken, ...], intern: Interner,
              dictionary: cedict.Dictionary, trans: dict[int, frozenset[int]],
              name_index: dict[str, list[str]]) -> list[int]:
    units: set[int] = set()
    for n in zh_numbers(text):
        u = intern(n.key)
        units.add(u)
        trans.setdefault(u, frozenset({u}))
    for m in _LATIN.finditer(text):
        u = intern(stem(m.group().lower().rstrip(".")))
        units.add(u)
        trans.setdefault(u, frozenset({u}))
    for ch, key in _ZH_PUNCT.items():
        if ch in text:
            u = intern("PUNCT:" + key)
            units.add(u)
            trans.setdefault(u, frozenset({u}))
    for word in words:
        if word.norm in ZH_STOPWORDS or not _HAN.search(word.norm):
            continue
        for piece in word.pieces:
            u = intern("ZH:" + piece)
            units.add(u)
            if u not in trans:
                trans[u] = frozenset(intern(g) for g in dictionary[piece])
    if name_index:
        for run in TRANSLIT_RUN.findall(text):
            for size in range(min(len(run), 6), 1, -1):
                for start in range(len(run) - size + 1):
                    cand = run[start : start + size]
                    for en_word in name_index.get(names.zh_skeleton(cand), ()):
                        if names.similarity(cand, en_word) >= 0.75:
                            u = intern("NAME:" + cand)
                            units.add(u)
                            trans[u] = trans.get(u, frozenset()) | {intern(stem(en_word))}
    return sorted(units)


def _en_units(text: str, words: tuple[EnToken, ...], intern: Interner) -> list[int]:
    units: set[int] = set()
    if _EN_PUNCT_CLASS[2].search(text):
        units.add(intern('PUNCT:"'))
    for n in en_numbers(text):
        units.add(intern(n.key))
    for word in words:
        tok = word.text
        if tok in _EN_PUNCT:
            units.add(intern("PUNCT:" + _EN_PUNCT[tok]))
            continue
        if not is_word(tok):
            continue
        for part in tok.lower().split("-"):
            if part and part not in STOPWORDS:
                units.add(intern(stem(part)))
    return sorted(units)


def _name_index(en: Document) -> dict[str, list[str]]:
    """Capitalised English words of the document, by phonetic skeleton (exact lookup)."""
    index: dict[str, set[str]] = {}
    for s in en.sentences:
        for word in re.findall(r"\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\b", s.text):
            if word.lower() in STOPWORDS:
                continue
            sk = names.en_skeleton(word)
            if len(sk) >= 2:
                index.setdefault(sk, set()).add(word)
    return {k: sorted(v) for k, v in index.items()}


def _near_skeleton_index(index: dict[str, list[str]]) -> dict[str, list[str]]:
    """Allow lookups whose skeleton differs from an English one by near-class swaps."""
    out: dict[str, list[str]] = {}
    swaps = {"K": "J", "J": "K", "S": "J", "F": "W", "W": "F", "L": "N", "N": "L", "T": "S"}
    for sk, words in index.items():
        out.setdefault(sk, []).extend(words)
        for i, c in enumerate(sk):
            if c in swaps:
                out.setdefault(sk[:i] + swaps[c] + sk[i + 1 :], []).extend(words)
            out.setdefault(sk[:i] + sk[i + 1 :], []).extend(words)  # one class dropped
    return out


def _idf(sentences: list[SentenceUnits]) -> dict[int, float]:
    df: Counter[int] = Counter()
    for s in sentences:
        df.update(s.units)
    n = max(len(sentences), 1)
    return {u: math.log(1 + n / c) for u, c in df.items()}


def build_evidence(zh: Document, en: Document, *, names_enabled: bool = True,
                   words: WordEvidence | None = None) -> Evidence:
    """The aligner's units of a pair, made from its word evidence (``words``: the pair's
    :class:`WordEvidence`, shared with the checks; made here when not given)."""
    words = words if words is not None else word_evidence(zh, en)
    dictionary = words.zh.dictionary
    intern = Interner()
    trans: dict[int, frozenset[int]] = {}
    name_index = _near_skeleton_index(_name_index(en)) if names_enabled else {}
    # A repeated sentence has its first copy's units (a faithful article may repeat one).
    zh_seen: dict[tuple[str, str], SentenceUnits] = {}
    zh_units = []
    for k, s in enumerate(zh.sentences):
        norm = zh.norm_text[s.start : s.end]
        units = zh_seen.get((s.text, norm))
        if units is None:
            units = zh_seen[s.text, norm] = SentenceUnits(
                _zh_units(norm, words.zh[k], intern, dictionary, trans, name_index),
                words.zh.lengths[k], punct_counts(s.text, zh=True))
        zh_units.append(units)
    en_seen: dict[str, SentenceUnits] = {}
    en_units = []
    for k, s in enumerate(en.sentences):
        units = en_seen.get(s.text)
        if units is None:
            units = en_seen[s.text] = SentenceUnits(
                _en_units(s.text, words.en[k], intern), words.en.lengths[k],
                punct_counts(s.text, zh=False))
        en_units.append(units)
    return Evidence(zh_units, en_units, trans, _idf(zh_units), _idf(en_units), intern)
