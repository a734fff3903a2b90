"""Established zh<->en forms of names and terms, and acronyms of Chinese organisation names.

Three sources, merged into one index on first use (then kept for the process):

- ``xcheck/data/established.tsv``: curated general news knowledge (organisations and their
  acronyms, agencies, news terms, people, places whose English is no transliteration).
- CLDR via ``babel`` (BSD-3-Clause; CLDR data under the Unicode licence, shipped in the
  wheel): territory, language and currency names in zh_Hans and zh_Hant against English.
- ``pycountry`` (LGPL-2.1; ISO data from Debian iso-codes, gettext catalogs shipped in the
  wheel): ISO 3166-1 country names (name, official and common name) and ISO 3166-2
  subdivisions (US states, provinces, counties) with their zh_CN and zh_TW translations.

Chinese keys are Simplified: Traditional names (zh_Hant, zh_TW) are converted with OpenCC
t2s, as the rest of xcheck does. English forms are lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources

# Curated table shipped with the package (chinese<TAB>english, "#" comments).
DATA_FILE = "established.tsv"
# English subdivision names too generic to name one place (pycountry "Western" -> 西部区).
GENERIC_EN = frozenset(
    "north south east west northern southern eastern western central capital northeast "
    "northwest southeast southwest centre center north-east north-west south-east "
    "south-west upper lower inner outer coast coastal islands island city federal".split())
# Chinese administrative suffixes a news text often leaves off (阿拉斯加州 -> 阿拉斯加).
ZH_ADMIN_SUFFIXES = ("特别行政区", "自治区", "省", "州", "市", "郡", "县", "区")
# Romanised administrative suffixes of ISO 3166-2 names ("Chongqing Shi").
EN_ADMIN_SUFFIX = re.compile(r"\s+(?:Shi|Sheng|Zizhiqu|Tebiexingzhengqu)$")
# Shortest Chinese key kept after stripping a suffix: one character names nothing reliably.
MIN_ZH_KEY = 2
# Acronyms up to this many letters are found only in capitals (US, not "us"; WHO, IS).
SHORT_ACRONYM = 4
# Acronyms shorter than this match too much by chance.
MIN_ACRONYM = 2
# Upper bound on the acronyms acronym_of enumerates (the product of parts' initials).
MAX_ACRONYMS = 5000
# English glosses of the head words of organisation names, where CC-CEDICT lacks the
# sense news English uses (局 "agency", 社 "press") or gives senses that match by chance.
ORG_GLOSSES: dict[str, tuple[str, ...]] = {
    "局": ("agency", "bureau", "administration", "office"),
    "总局": ("general administration", "administration", "agency"),
    "署": ("agency", "administration", "office", "service"),
    "部": ("ministry", "department"),
    "委员会": ("commission", "committee", "council", "board"),
    "委": ("commission", "committee"),
    "会": ("council", "association", "society", "committee", "commission", "conference"),
    "协会": ("association", "society", "federation"),
    "社": ("agency", "press", "service", "society"),
    "军": ("army", "force"),
    "党": ("party",),
    "院": ("institute", "academy", "court", "council", "college"),
    "法院": ("court",),
    "组织": ("organization", "organisation"),
    "联盟": ("union", "league", "alliance"),
    "银行": ("bank",),
    "公司": ("company", "corporation", "corp"),
    "集团": ("group",),
    "中心": ("center", "centre"),
    "大学": ("university",),
    "学院": ("college", "institute", "academy"),
    "基金": ("fund",),
    "基金会": ("foundation", "fund"),
    "论坛": ("forum",),
    "监管": ("regulatory",),
    "监督管理": ("regulatory", "supervision", "administration"),
    "人民": ("people", "people's"),
    "国家": ("national", "state"),
    "国际": ("international",),
    "联合": ("united", "joint"),
    "网": ("network", "net"),
}
# Characters and words that stand for English function words ("of", "and") in a name:
# they add no initial.
FUNCTION_WORDS = frozenset({"的", "之", "和", "与", "及", "暨"})
# English words an acronym leaves out.
EN_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "&"})
_LATIN = re.compile(r"[A-Za-z]")
_APOSTROPHE = re.compile(r"[’‘`´]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=50_000)  # names and terms recur across a text's sentences
def _t2s(text: str) -> str:
    from xcheck.resources import opencc_converter

    return opencc_converter("t2s").convert(text)


def _norm_en(text: str) -> str:
    """Lower-case, straight apostrophes, one space between words."""
    return _SPACE.sub(" ", _APOSTROPHE.sub("'", text)).strip().lower()


def _lookup_keys(english: str) -> Iterator[str]:
    """The forms ``chinese_forms`` tries: as given, without "the", without possessive 's."""
    base = _norm_en(english).strip(" .,;:")
    for form in (base, base.removesuffix("'s").removesuffix("'")):
        yield form
        if form.startswith("the "):
            yield form[4:]


def _curated_pairs() -> Iterator[tuple[str, str]]:
    text = (resources.files("xcheck") / "data" / DATA_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, _, en = line.partition("\t")
        if zh.strip() and en.strip():
            yield zh.strip(), en.strip()


def _cldr_pairs() -> Iterator[tuple[str, str]]:
    from babel import Locale

    en = Locale.parse("en")
    for name in ("zh_Hans", "zh_Hant"):
        zh = Locale.parse(name)
        for zh_names, en_names in ((zh.territories, en.territories),
                                   (zh.languages, en.languages),
                                   (zh.currencies, en.currencies)):
            for code, zh_name in zh_names.items():
                en_name = en_names.get(code)
                if en_name and zh_name and zh_name != en_name:
                    yield zh_name, en_name


def _pycountry_pairs() -> Iterator[tuple[str, str]]:
    import gettext

    import pycountry

    for lang in ("zh_CN", "zh_TW"):
        countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                        fallback=True)
        for c in pycountry.countries:
            zh_name = countries.gettext(c.name)
            if zh_name == c.name:
                continue
            yield zh_name, c.name
            for attr in ("official_name", "common_name"):
                other = getattr(c, attr, None)
                if isinstance(other, str):
                    yield zh_name, other
        subdivisions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                                           languages=[lang], fallback=True)
        for s in pycountry.subdivisions:
            zh_name = subdivisions.gettext(s.name)
            en_name = EN_ADMIN_SUFFIX.sub("", s.name)
            if zh_name == s.name or en_name.lower() in GENERIC_EN:
                continue
            yield zh_name, en_name


def _with_short_forms(zh: str) -> Iterator[str]:
    """The name and, for an administrative division, the name without its suffix."""
    yield zh
    for suffix in ZH_ADMIN_SUFFIXES:
        if zh.endswith(suffix) and len(zh) - len(suffix) >= MIN_ZH_KEY:
            yield zh[: -len(suffix)]
            return


INDEX_VERSION = 1  # bump when the index's build changes: it names the cache file


def _cache_name() -> str:
    import hashlib
    import sys

    from xcheck.resources import package_version

    curated = (resources.files("xcheck") / "data" / DATA_FILE).read_bytes()
    digest = hashlib.sha1(curated).hexdigest()[:10]
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return (f"established-v{INDEX_VERSION}-{digest}-babel{package_version('babel')}"
            f"-pycountry{package_version('pycountry')}-py{py}.marshal")


@cache
def _cached() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, str], list[str]]:
    """The index and the place names, built once per installation (babel and pycountry
    take about half a second to read) and kept in xcheck's cache folder."""
    from xcheck.resources import cached_marshal

    def build() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, str],
                         list[str]]:
        forward, backward, cased = _build_index()
        return ({k: sorted(v) for k, v in forward.items()},
                {k: sorted(v) for k, v in backward.items()}, cased, sorted(_build_places()))

    def valid(data: object) -> bool:
        return isinstance(data, tuple) and len(data) == 4

    return cached_marshal(_cache_name(), build, valid)


@cache
def _index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, str]]:
    forward, backward, cased, _places = _cached()
    return ({k: frozenset(v) for k, v in forward.items()},
            {k: frozenset(v) for k, v in backward.items()}, cased)


def _build_index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]],
                            dict[str, str]]:
    """(Simplified Chinese -> English forms, normalised English -> Simplified forms,
    lower-cased English form -> the form as written)."""
    forward: dict[str, set[str]] = {}
    cased: dict[str, str] = {}  # lower-cased form -> as first written (curated first)
    curated_keys: set[str] = set()
    sources: list[tuple[bool, Iterable[tuple[str, str]]]] = [
        (True, _curated_pairs()), (False, _cldr_pairs()), (False, _pycountry_pairs())]
    for curated, pairs in sources:
        for zh_raw, en_raw in pairs:
            zh = _t2s(zh_raw) if not curated else zh_raw
            en = _norm_en(en_raw)
            cased.setdefault(en, _SPACE.sub(" ", en_raw.strip()))
            for key in _with_short_forms(zh) if not curated else (zh,):
                # A short form that the curated table gives other meanings to is left alone.
                if key != zh and key in curated_keys:
                    continue
                forward.setdefault(key, set()).add(en)
            if curated:
                curated_keys.add(zh)
    backward: dict[str, set[str]] = {}
    for zh, forms in forward.items():
        for en in forms:
            for key in _lookup_keys(en):
                backward.setdefault(key, set()).add(zh)
    return ({k: frozenset(v) for k, v in forward.items()},
            {k: frozenset(v) for k, v in backward.items()}, cased)


@cache
def _place_keys() -> frozenset[str]:
    return frozenset(_cached()[3])


def _build_places() -> frozenset[str]:
    """Simplified Chinese names of places: CLDR territories (countries, regions, continents)
    and ISO 3166 countries and subdivisions, also without their administrative suffix."""
    keys: set[str] = set()
    for zh, _en in _cldr_territory_pairs():
        keys.update(_with_short_forms(_t2s(zh)))
    for zh, _en in _pycountry_pairs():
        keys.update(_with_short_forms(_t2s(zh)))
    return frozenset(keys)


def _cldr_territory_pairs() -> Iterator[tuple[str, str]]:
    from babel import Locale

    en = Locale.parse("en")
    for name in ("zh_Hans", "zh_Hant"):
        for code, zh_name in Locale.parse(name).territories.items():
            en_name = en.territories.get(code)
            if en_name and zh_name:
                yield zh_name, en_name


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(_t2s(zh) for zh, _en in _cldr_territory_pairs())


def is_country(zh_simplified: str) -> bool:
    """A CLDR territory: a country, territory or world region, not a city or province."""
    return _simplified(zh_simplified) in _country_keys()


def is_place(zh_simplified: str) -> bool:
    """A country, territory, region or administrative division CLDR or ISO 3166 names."""
    return _simplified(zh_simplified) in _place_keys()


def _simplified(zh: str) -> str:
    return _t2s(zh) if zh and not zh.isascii() else zh


def english_forms(zh_simplified: str) -> frozenset[str]:
    """Lower-cased established English forms of a Chinese name or term (empty if unknown)."""
    return _index()[0].get(_simplified(zh_simplified.strip()), frozenset())


def chinese_forms(english: str) -> frozenset[str]:
    """Simplified Chinese forms of an English name or term; case-insensitive, tolerant of a
    leading "the" and of a possessive 's."""
    backward = _index()[1]
    found: set[str] = set()
    for key in _lookup_keys(english):
        found.update(backward.get(key, ()))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str]:
    parts = [re.escape(w).replace("'", "['’]") for w in form.split(" ")]
    body = r"\s+".join(parts)
    letters = form.replace(".", "")
    if form.isalpha() and form.isascii() and 2 <= len(letters) <= 4 and " " not in form:
        dotted = r"\.".join(letters)
        body = rf"(?:{body}|{dotted}\.?)"  # US and U.S.
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.IGNORECASE)


def _case_fits(written: str, found: str) -> bool:
    """Whether a hit's case fits the form: a short acronym (US, WHO, IS) must be in capitals,
    not the word "us", "who", "is"; a form with capitals (Fed, IoT) is not found in lower
    case unless it is long enough to be no common word (covid, nasdaq)."""
    letters = [c for c in written if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return True
    if all(c.isupper() for c in letters) and len(letters) <= SHORT_ACRONYM:
        return all(c.isupper() for c in found if c.isalpha())
    return len(letters) > SHORT_ACRONYM or not found.islower()


def matches(zh_simplified: str, english_text: str) -> list[tuple[int, int]]:
    """Half-open spans in ``english_text`` of established forms of ``zh_simplified``
    (word boundaries, any case but a short acronym's); overlapping hits keep the longest,
    in text order."""
    hits: list[tuple[int, int]] = []
    cased = _index()[2]
    for form in english_forms(zh_simplified):
        written = cased.get(form, form)
        hits.extend(m.span() for m in _form_pattern(form).finditer(english_text)
                    if _case_fits(written, m.group()))
    hits.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    out: list[tuple[int, int]] = []
    for start, end in hits:
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


# --- acronyms -------------------------------------------------------------------------

def _initials(phrase: str) -> str:
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w not in EN_FUNCTION_WORDS]
    return "".join(w[0] for w in words if w[0].isalpha())


@cache
def _max_word() -> int:
    from xcheck.lexicon.cedict import load

    return max((len(k) for k in load() if not k.startswith("\x00") and len(k) <= 12), default=1)


def _segment(zh: str, exclude_whole: bool = False) -> list[str]:
    """Greedy longest-first segmentation into CC-CEDICT (or ORG_GLOSSES) words."""
    from xcheck.lexicon.cedict import load

    data = load()
    parts: list[str] = []
    i = 0
    while i < len(zh):
        for n in range(min(_max_word(), len(zh) - i), 0, -1):
            word = zh[i : i + n]
            if exclude_whole and word == zh:
                continue
            if n == 1 or word in data or word in ORG_GLOSSES:
                parts.append(word)
                i += n
                break
    return parts


@lru_cache(maxsize=4096)
def _part_options(word: str) -> frozenset[str]:
    """Letter strings one word of a name may stand for in its acronym (lower case)."""
    if word in FUNCTION_WORDS:
        return frozenset({""})
    if word in ORG_GLOSSES:  # replaces CC-CEDICT's senses, which match by chance
        return frozenset(_initials(g) for g in ORG_GLOSSES[word])
    from xcheck.lexicon.cedict import load, name_phrases

    options = {stem[0] for stem in load().get(word, ()) if stem[:1].isalpha()}
    options.update("".join(s[0] for s in phrase) for phrase in name_phrases(word)[0])
    for form in _index()[0].get(word, ()):
        options.add(form if _is_acronym_form(form) else _initials(form))
    return frozenset(o for o in options if o)


def _is_acronym_form(form: str) -> bool:
    return " " not in form and len(form) <= 6 and form.isalpha() and form.isascii()


@cache
def _places() -> frozenset[str]:
    """Chinese names of countries and territories (a name's leading 美国 may be left out)."""
    from babel import Locale

    return frozenset(_t2s(v) for name in ("zh_Hans", "zh_Hant")
                     for v in Locale.parse(name).territories.values())


def _parts_alternatives(zh: str) -> list[list[frozenset[str]]]:
    """Per part, its letter-string options; a long part may also split into sub-parts."""
    alternatives: list[list[frozenset[str]]] = []
    for i, part in enumerate(_segment(zh)):
        opts = set(_part_options(part))
        if i == 0 and part in _places():
            opts.add("")  # 美国环境保护局 -> EPA: the country is often not in the acronym
        if len(part) >= 3 and part not in ORG_GLOSSES:
            subs = _segment(part, exclude_whole=True)
            combos = {""}
            for sub in subs:
                combos = {c + o for c in combos for o in _part_options(sub)}
                if len(combos) > MAX_ACRONYMS:
                    break
            else:
                opts.update(combos)
        alternatives.append([frozenset(opts)])
    return alternatives


def acronym_of(zh_simplified: str) -> frozenset[str]:
    """Candidate English acronyms (upper case) of a Chinese organisation name: the curated
    ones, and the initials of the English glosses of its dictionary words in order."""
    zh = _simplified(zh_simplified.strip())
    found = {f.upper() for f in english_forms(zh) if _is_acronym_form(f)}
    combos = {""}
    for (opts,) in _parts_alternatives(zh):
        combos = {c + o for c in combos for o in opts}
        if len(combos) > MAX_ACRONYMS:  # a long name: too many to enumerate, and to trust
            break
    else:
        found.update(c.upper() for c in combos if len(c) >= MIN_ACRONYM)
    return frozenset(found)


def is_acronym_of(acronym: str, zh_simplified: str) -> bool:
    """Whether ``acronym`` (EPA, U.S., IoT) abbreviates the Chinese name: by the curated and
    CLDR tables, or by initials of its words' glosses covering every letter in order."""
    letters = "".join(c for c in acronym if c.isalpha()).lower()
    if len(letters) < MIN_ACRONYM or not letters.isascii():
        return False
    zh = _simplified(zh_simplified.strip())
    if letters in {f.replace(".", "") for f in english_forms(zh)}:
        return True
    reachable = {0}  # positions in ``letters`` reached after the parts so far
    for (opts,) in _parts_alternatives(zh):
        reachable = {p + len(o) for p in reachable for o in opts
                     if letters.startswith(o, p)}
        if not reachable:
            return False
    return len(letters) in reachable
