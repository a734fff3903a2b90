"""Names xcheck KNOWS, with the forms each is known by in the other language: CLDR and
ISO 3166 (xcheck.lexicon.established), the curated table, and CC-CEDICT's proper nouns.

What a check may treat as positive evidence: a known name whose known forms are absent from
the other side is a different name; an unknown one is only a form xcheck cannot read."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from xcheck.lexicon import cedict, established
from xcheck.lexicon.places import GENERIC_PLACE, has_phrase, name_senses, phrase_stems

# Gloss stems that make a proper noun a place (not "state", "area" or "level", which glosses
# of laws, speeches and ranks use too).
PLACE_GLOSS = frozenset({"citi", "counti", "district", "provinc", "town", "township", "villag",
                         "prefectur", "municip", "island", "river", "lake", "mountain", "sea",
                         "bay", "strait", "peninsula", "gulf", "ocean"})
# World regions news writes as places, which CLDR's territories and ISO 3166 lack.
REGIONS = frozenset({
    "middle east", "far east", "near east", "east asia", "southeast asia", "south asia",
    "central asia", "west asia", "western europe", "eastern europe", "central europe",
    "latin america", "north america", "south america", "central america", "caribbean",
    "balkans", "baltics", "scandinavia", "levant", "sahel", "horn of africa",
    "asia-pacific", "indo-pacific", "arctic", "antarctic", "persian gulf", "gulf",
})
# A proper noun with one of these after it in the dictionary is a place (韶关 -> 韶关市).
ADMIN_SUFFIXES = ("市", "县", "区", "省", "州", "镇", "乡")
_SAINT = re.compile(r"\bSt\.\s*(?=[A-Z])")


def fold(text: str) -> str:
    """Bắc Giang is Bac Giang (accents off, as English news writes most names), and
    St. Petersburg is Saint Petersburg."""
    text = _SAINT.sub("Saint ", text)
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


@cache
def english_forms(zname: str) -> tuple[tuple[str, ...], ...]:
    """The English forms a (Simplified) Chinese name is known by, as stem phrases; empty when
    xcheck does not know it."""
    forms = {tuple(phrase_stems(fold(f))) for f in established.english_forms(zname)}
    if zname in cedict.proper_nouns():
        multi, single = name_senses(zname)
        forms |= set(multi) | {(st,) for st in single if st not in GENERIC_PLACE}
    return tuple(sorted(f for f in forms if f))


def has_form(forms: tuple[tuple[str, ...], ...], en_stems: list[str]) -> bool:
    """One of the forms is in the English (its stems, next to each other)."""
    return any(has_phrase(f, en_stems) for f in forms)


@cache
def is_place(zname: str) -> bool:
    """A place: one CLDR or ISO 3166 names, or a proper noun CC-CEDICT glosses as a city,
    county, sea ... (a swapped place is a mismatch; COVID-19 against 亚洲 is not)."""
    if established.is_place(zname) or not REGIONS.isdisjoint(established.english_forms(zname)):
        return True
    if zname not in cedict.proper_nouns():
        return False
    data = cedict.load()
    # 韶关 is glossed "Shaoguan" alone (the ", prefecture-level city" is cut off); 韶关市 is
    # its entry as a city: a name with an administrative suffix in the dictionary is a place.
    return not PLACE_GLOSS.isdisjoint(data.get(zname, ())) or any(
        zname + suffix in data for suffix in ADMIN_SUFFIXES)


@cache
def is_country(zname: str) -> bool:
    """A country or territory of CLDR (a place of the same level as another country)."""
    return established.is_country(zname)


@cache
def chinese_forms(text: str) -> frozenset[str]:
    """The Chinese forms an English name is known by (CLDR, ISO 3166, the curated table, and
    CC-CEDICT's proper nouns glossed with exactly its name words); empty when unknown."""
    core = frozenset(st for st in phrase_stems(fold(text)) if st not in GENERIC_PLACE)
    return established.chinese_forms(text) | _proper_nouns_by_name().get(core, frozenset())


def known_place_absent(text: str, zh_text: str) -> frozenset[str]:
    """The Chinese forms of an English place name when none of them is in ``zh_text`` (the
    evidence that a place was added or swapped); empty otherwise."""
    forms = chinese_forms(text)
    if not any(is_place(zh) for zh in forms) or any(zh in zh_text for zh in forms):
        return frozenset()
    return forms


INDEX_VERSION = 1  # bump when the index's build changes: it names the cache file


@cache
def _proper_nouns_by_name() -> dict[frozenset[str], frozenset[str]]:
    """CC-CEDICT's proper nouns by the name stems of their glosses (generic words like "city"
    and ordinary English words left out): {tuen, mun} -> 屯门, {hangzhou} -> 杭州. Built once
    per installation and cached beside the parsed dictionary."""
    from xcheck.resources import cached_marshal

    def build() -> dict[str, list[str]]:
        ordinary = cedict.english_ordinary_words()
        data = cedict.load()
        index: dict[str, set[str]] = {}
        for head in cedict.proper_nouns():
            key = " ".join(sorted({st for st in data.get(head, ()) if st not in GENERIC_PLACE
                                   and st not in ordinary}))
            if key:
                index.setdefault(key, set()).add(head)
        return {k: sorted(v) for k, v in index.items()}

    stored = cached_marshal(f"names-v{INDEX_VERSION}-{cedict.cache_name()}", build,
                            lambda data: isinstance(data, dict))
    return {frozenset(k.split()): frozenset(v) for k, v in stored.items()}
