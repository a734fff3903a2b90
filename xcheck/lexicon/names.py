"""Names across scripts: a Chinese transliteration (威特科夫) against an English name (Witkoff).

Both sides are reduced to a consonant skeleton over broad sound classes (pinyin initials and
nasal finals for Chinese; letters for English, with r/h/silent letters dropped), then compared
by edit distance.
"""

from __future__ import annotations

from functools import lru_cache

_EN_CLASS = {
    "b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "c": "K", "q": "K",
    "x": "S", "s": "S", "z": "S", "j": "J", "f": "F", "v": "F", "w": "W", "m": "M", "n": "N",
    "l": "L", "r": "", "h": "", "y": "", "a": "", "e": "", "i": "", "o": "", "u": "",
}
_PINYIN_INITIAL = {
    "zh": "J", "ch": "J", "sh": "S", "b": "P", "p": "P", "d": "T", "t": "T", "g": "K",
    "k": "K", "h": "", "j": "J", "q": "J", "x": "S", "z": "S", "c": "S", "s": "S", "f": "F",
    "w": "W", "m": "M", "n": "N", "l": "L", "r": "L", "y": "",
}
# Classes that transliteration freely swaps.
_NEAR = {frozenset("JK"), frozenset("JS"), frozenset("FW"), frozenset("LN"), frozenset("PF"),
         frozenset("WP"), frozenset("TS")}


def _collapse(chars: list[str]) -> str:
    out: list[str] = []
    for c in chars:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=50_000)
def en_skeleton(word: str) -> str:
    w = word.lower()
    w = w.replace("ph", "f").replace("ck", "k").replace("th", "t").replace("sch", "s")
    w = w.replace("sh", "S").replace("ch", "J").replace("tz", "s").replace("ts", "s")
    chars: list[str] = []
    for k, c in enumerate(w):
        if c == "r" and (k == 0 or w[k + 1 : k + 2] in ("a", "e", "i", "o", "u", "y")):
            chars.append("L")  # Rubio 盧比歐, Niagara 尼加拉: r before a vowel is rendered l
        elif c in ("S", "J"):
            chars.append(c)
        elif c.isalpha():
            chars.append(_EN_CLASS.get(c, ""))
    return _collapse(chars)


@lru_cache(maxsize=50_000)
def zh_skeleton(simplified: str) -> str:
    from xcheck.lexicon.cedict import readings

    chars: list[str] = []
    for syl in (next(iter(readings(c)), c) for c in simplified):
        if not syl.isalpha():
            return ""
        initial = ""
        for ini in ("zh", "ch", "sh"):
            if syl.startswith(ini):
                initial = ini
        if not initial and syl[0] not in "aeiouv":
            initial = syl[0]
        chars.append(_PINYIN_INITIAL.get(initial, ""))
        final = syl[len(initial):]
        if final.endswith("ng") or final.endswith("n"):
            chars.append("N")
    return _collapse(chars)


NEAR_COST = 0.35  # b/p/f, g/k/j, l/n ... swap freely in transliteration (Vargas ~ 巴尔加斯)


@lru_cache(maxsize=100_000)
def _distance(a: str, b: str) -> float:
    prev = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [float(i)] + [0.0] * len(b)
        for j, cb in enumerate(b, 1):
            sub = 0.0 if ca == cb else NEAR_COST if frozenset((ca, cb)) in _NEAR else 1.0
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub)
        prev = cur
    return prev[-1]


# A final t, d, s, x or z is often silent (French Barrot 巴罗, Hollande 奥朗德, Dumas 大仲马)
# and so missing from the transliteration: dropping it costs this much, not a whole class.
SILENT_FINAL_COST = 0.35
_SILENT_FINALS = ("t", "d", "s", "x", "z", "te", "de")


@lru_cache(maxsize=100_000)
def similarity(zh_simplified: str, en_word: str) -> float:
    """0..1: how well a Chinese transliteration matches an English name."""
    a = zh_skeleton(zh_simplified)
    b = en_skeleton(en_word)
    if len(a) < 2 or len(b) < 2:
        return 0.0
    distance = _distance(a, b)
    if len(b) >= 3 and b[-1] in "TS" and en_word.lower().endswith(_SILENT_FINALS):
        distance = min(distance, _distance(a, b[:-1]) + SILENT_FINAL_COST)
    return 1.0 - distance / max(len(a), len(b))
