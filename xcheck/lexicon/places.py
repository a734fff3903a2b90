"""Multi-word place and organisation names: the kind-of-place words (county, district, sea),
a dictionary word's multi-word names, and finding a name's words together in English."""

from __future__ import annotations

import re
from functools import lru_cache

from xcheck.lexicon import cedict
from xcheck.lexicon.english import STOPWORDS, stem, stems_alike

# The kind of place a name is: "Dabu county" or "Xinbei district" name the place by "Dabu".
GENERIC_PLACE = frozenset(stem(w) for w in (
    "county district city province township town village capital municipality prefecture "
    "region subprovincial island river lake area state country autonomous sea ocean bay "
    "gulf strait mountain peninsula level").split())


@lru_cache(maxsize=20_000)
def name_senses(head: str) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """The multi-word names of a dictionary word that contain a name (generic words like
    city or sea left out: 南海 is (south, china), 新北 (new, taipei)), and the stems of its
    other senses."""
    phrases, singles = cedict.name_phrases(head)
    multi: list[tuple[str, ...]] = []
    single = set(singles)
    for phrase in phrases:
        core = tuple(st for st in phrase if st not in GENERIC_PLACE)
        # A name with a name in it (South China Sea, New Taipei), not a description
        # (Ministry of Commerce, matched by "Commerce Ministry" as much as by "Commerce").
        if len(core) >= 2 and not cedict.name_words().isdisjoint(core):
            multi.append(core)
        else:
            single.update(core)
    return tuple(dict.fromkeys(multi)), frozenset(single)


def phrase_stems(text: str) -> list[str]:
    """Stems of the content words of an English sentence, in order ("China's" is china)."""
    out: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'’.]*", text):
        low = word.lower().removesuffix("'s").removesuffix("’s").strip(".'’")
        for part in low.split("-"):
            if part and part not in STOPWORDS and len(part) > 1:
                out.append(stem(part))
    return out


def has_phrase(phrase: tuple[str, ...], stems: list[str]) -> bool:
    """The phrase's stems appear together in ``stems``, next to each other in any order
    ("Hong Kong University" is "University of Hong Kong")."""
    n = len(phrase)
    for k in range(max(len(stems) - n + 1, 1)):
        window = stems[k : k + n]
        if all(any(stems_alike(w, p) for w in window) for p in phrase):
            return True
    return False
