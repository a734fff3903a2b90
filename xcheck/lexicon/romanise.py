"""Romanised Chinese names: the pinyin readings of Han characters, and the Wade-Giles,
Taiwanese and Hong Kong (Cantonese) spellings a romanised name may use for them."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from xcheck.lexicon import cedict


def han_runs(zh_text: str) -> list[str]:
    return re.findall(r"[\u4e00-\u9fff]+", zh_text)


@lru_cache(maxsize=20_000)
def char_pinyin(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one character (朝: zhao, chao); names need no context."""
    return cedict.readings(ch)[:2]


@lru_cache(maxsize=4096)
def romanisations(zh_text: str) -> frozenset[str]:
    """Pinyin of every 1-3 character stretch of the Chinese."""
    pinyin: set[str] = set()
    for run in han_runs(zh_text):
        syl = [char_pinyin(c) for c in run]
        for size in (1, 2, 3):
            for k in range(len(run) - size + 1):
                pinyin.update("".join(combo) for combo in product(*syl[k : k + size]))
    return frozenset(pinyin)


# Wade-Giles, Taiwanese and other spellings -> pinyin: (spelling, pinyin alternatives).
ROMANISATION_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tzu", ("zi", "ci")), ("ssu", ("si",)), ("szu", ("si",)), ("kwu", ("gu", "ku")),
    ("kwei", ("gui", "kui")), ("hs", ("x",)), ("tz", ("z", "c")),
    ("ts", ("z", "c")), ("ch", ("zh", "j", "q", "ch")),
    ("kw", ("gu", "ku")), ("k", ("g", "k")), ("p", ("b", "p")), ("t", ("d", "t")),
    ("j", ("r", "j")), ("ung", ("ong",)), ("ieh", ("ie",)), ("ien", ("ian",)),
    ("ih", ("i",)), ("uei", ("ui",)), ("ei", ("ui", "ei")), ("o", ("uo", "e", "o")),
    ("ee", ("i",)), ("oo", ("u",)), ("u", ("u", "v", "ü")), ("y", ("y", "i")),
)


# Hong Kong (Cantonese) spellings of common name syllables, with their pinyin readings.
CANTONESE = {
    "chan": ("chen",), "chau": ("zhou", "qiu"), "cheung": ("zhang", "xiang"),
    "chiu": ("zhao", "qiao"), "chow": ("zhou",), "chui": ("xu", "cui"), "chung": ("zhong",),
    "fong": ("fang",), "fung": ("feng",), "ho": ("he", "hao"), "hui": ("xu",),
    "hung": ("hong", "xiong"), "kam": ("jin", "gan"), "kwan": ("guan",), "kwok": ("guo",),
    "lai": ("li", "lai"), "lam": ("lin",), "lau": ("liu",), "lee": ("li",), "leung": ("liang",),
    "li": ("li",), "lo": ("lu", "luo"), "lui": ("lei", "lv"), "mak": ("mai",),
    "man": ("wen", "min"), "mo": ("mao", "wu"), "ng": ("wu",), "po": ("bo", "bao"),
    "sai": ("shi", "xi"), "shek": ("shi",), "sheung": ("shang",), "shui": ("shui",),
    "siu": ("xiao", "shao"), "sze": ("shi",), "tam": ("tan",), "tang": ("deng",),
    "tin": ("tian",), "tong": ("tang",), "tsang": ("zeng",), "tse": ("xie",),
    "tsui": ("xu",), "tung": ("dong",), "wai": ("wei", "hui"), "wan": ("yun", "wen"),
    "wong": ("huang", "wang"), "wu": ("hu", "wu"), "yau": ("qiu", "you"), "yeung": ("yang",),
    "yip": ("ye",), "yiu": ("yao",), "yu": ("yu",), "yuen": ("yuan",), "kwu": ("gu",),
    "hong": ("kang", "hong"), "chi": ("zhi",), "ming": ("ming",), "kin": ("jian",),
}


@lru_cache(maxsize=20_000)
def pinyin_variants(part: str) -> frozenset[str]:
    """Pinyin spellings a romanised syllable string may stand for (bounded)."""
    variants = {""}
    i = 0
    while i < len(part):
        for spelling, alts in ROMANISATION_RULES:
            if part.startswith(spelling, i):
                variants = {v + a for v in variants for a in (*alts, spelling)}
                i += len(spelling)
                break
        else:
            variants = {v + part[i] for v in variants}
            i += 1
        if len(variants) > 512:
            variants = set(sorted(variants)[:512])
    return frozenset(variants)


def readings(part: str) -> frozenset[str]:
    """Pinyin a romanised syllable string may stand for (Wade-Giles, Cantonese, pinyin)."""
    return frozenset({part, *pinyin_variants(part), *CANTONESE.get(part, ())})


def romanised(word: str, zh_text: str) -> bool:
    """A romanised Chinese name (Wu Lei, Lin Tzu-wei, Huadong) the Chinese spells in Han.

    The word's readings must match one to three consecutive Chinese characters; the parts
    of a hyphenated given name (Tzu-wei, Sai-hung) must match consecutive characters too,
    not syllables scattered over the sentence.
    """
    word = word.lower().replace("’", "'").removesuffix("'s")
    parts = [p for p in word.split("-") if p]
    if not parts or not all(p.isalpha() for p in parts) or len(parts) > 3:
        return False
    pinyin = romanisations(zh_text)
    combined: set[str] = {""}
    for part in parts:
        combined = {c + r for c in combined for r in readings(part)}
        if len(combined) > 4096:
            combined = set(sorted(combined)[:4096])
    return not pinyin.isdisjoint(combined)


def abbreviated(word: str, zh_text: str) -> bool:
    """Two places joined by a hyphen that the Chinese abbreviates to one syllable each:
    Hualien-Taitung is 花東 (hua- from Hualien, -dong from Taitung), Taipei-Kaohsiung 北高."""
    parts = word.lower().split("-")
    if len(parts) != 2 or not all(len(p) >= 4 and p.isalpha() for p in parts):
        return False
    first, second = readings(parts[0]), readings(parts[1])

    def part_of(syllable: str, readings: frozenset[str]) -> bool:
        return len(syllable) >= 3 and any(r.startswith(syllable) or r.endswith(syllable)
                                          for r in readings)

    for run in han_runs(zh_text):
        for k in range(len(run) - 1):
            if any(part_of(a, first) for a in char_pinyin(run[k])) and any(
                    part_of(b, second) for b in char_pinyin(run[k + 1])):
                return True
    return False
