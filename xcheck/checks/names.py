"""Names of people, places and organisations: added, dropped, partly added or different."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xcheck.checks import register
from xcheck.checks.context import Context, EnToken
from xcheck.checks.rules import make_finding
from xcheck.lexicon import cedict
from xcheck.lexicon import names as phonetic
from xcheck.lexicon.aliases import EN_ALIASES
from xcheck.lexicon.english import STOPWORDS, stem
from xcheck.lexicon.evidence import TRANSLIT, ZH_STOPWORDS
from xcheck.lexicon.places import GENERIC_PLACE, has_phrase, name_senses, phrase_stems
from xcheck.lexicon.romanise import char_pinyin as _char_pinyin
from xcheck.lexicon.romanise import readings as _readings
from xcheck.model import Bead, Finding, Severity, Side, Span

# Capitalised titles before a name are content, not given names.
_TITLES_TEXT = """
president chancellor minister prime secretary general envoy ambassador governor mayor senator
representative king queen prince princess premier chairman chairwoman chief director spokesman
spokeswoman spokesperson commissioner judge justice mr mrs ms dr professor prof coach captain
lieutenant colonel major sergeant admiral pope bishop deputy vice foreign state defence defense
finance interior health trade economy former acting interim commander officer head leader
lawmaker legislator
"""
TITLES = frozenset(_TITLES_TEXT.split())

_NOT_NAMES_TEXT = """
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december i
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


# Endings of derived English words (Seismological, Administration), not of names.
_WORD_SUFFIXES = ("ical", "ology", "tion", "sion", "ment", "ness", "ity", "ive", "ous", "ance",
                  "ence", "ship", "ism", "ist", "ing", "ary", "ory", "able", "ible")


_ENGLISH_PREFIXES = frozenset(
    "anti co self non pre post ex north south east west well high low long short first second "
    "third half full all cross multi semi mid re un in out over under inter".split())


def _name_like(token: EnToken) -> bool:
    """A personal or place name rather than an ordinary capitalised word or a title."""
    low = token.text.lower().removesuffix("'s").removesuffix("’s")
    if "-" in low:  # North-link is words; Hualien-Taitung and Tzu-wei are names
        parts = [p for p in low.split("-") if p]
        text_parts = token.text.split("-")
        # Sai-hung, Ching-wei: a romanised given name, whatever its syllables mean in English.
        if len(parts) == 2 and len(text_parts) == 2 and text_parts[1][:1].islower() \
                and all(len(p) <= 6 for p in parts) and parts[0] not in _ENGLISH_PREFIXES:
            return True
        return any(_name_like(EnToken(token.start, token.end, part.capitalize(), part, True,
                                      True)) for part in parts)
    if low in TITLES:
        return False
    # (Beijing, Kunming end like English words but are names the dictionary gives whole.)
    if low.endswith(_WORD_SUFFIXES) and stem(low) not in cedict.name_words():
        return False
    ordinary = cedict.english_ordinary_words()
    return low not in ordinary and low.removesuffix("s") not in ordinary


def _surname_like(ctx: Context, token: EnToken, bead: Bead) -> bool:
    """A name, or a word the Chinese gives as a proper noun (Trump is 特朗普)."""
    if _name_like(token):
        return True
    proper = cedict.proper_nouns()
    return any(token.stem in t.stems for i in bead.zh for t in ctx.zh_tokens(i)
               if t.norm in proper)


def _runs(ctx: Context, j: int) -> list[list[EnToken]]:
    """Maximal runs of capitalised words (a sentence-initial ordinary word is not a name)."""
    ordinary = cedict.english_ordinary_words()
    toks = ctx.en_tokens(j)
    runs: list[list[EnToken]] = []
    cur: list[EnToken] = []
    for k, t in enumerate(toks):
        low = t.text.lower()
        is_name = (t.capitalised and t.text[0].isalpha() and low not in STOPWORDS
                   and low not in TITLES
                   and low not in _NOT_NAMES and (not t.text.isupper() or len(t.text) >= 3)
                   and not (k == 0 and (low in ordinary or low.rstrip("s") in ordinary)))
        if is_name:
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


_HAN = re.compile(r"[\u4e00-\u9fff]+")
_TIME_WORD = re.compile(r"^(?:周|星期|礼拜)[一二三四五六日天]$|^[一二三四五六七八九十]+月$")
_TRANSLIT_RUN3 = re.compile(f"[{''.join(sorted(TRANSLIT))}]{{3,}}")
_PLACE_SUFFIXES = frozenset("市 省 县 区 镇 乡 村 州 岛 港 湾 队 人".split())


def _zh_names(ctx: Context, bead: Bead) -> list[tuple[int, int, int, str]]:
    """(sentence, start, end, text) of proper nouns and transliterations in the Chinese."""
    proper = cedict.proper_nouns()
    out: list[tuple[int, int, int, str]] = []
    for i in bead.zh:
        s = ctx.zh.sentences[i]
        norm = ctx.zh.norm_text[s.start : s.end]
        runs = [(s.start + m.start(), s.start + m.end()) for m in _TRANSLIT_RUN3.finditer(norm)]
        for t in ctx.zh_tokens(i):
            if any(a <= t.start and t.end <= b and b - a > t.end - t.start for a, b in runs):
                continue  # 卡特 inside 穆斯卡特: the whole run is the name
            if _TIME_WORD.match(t.norm):
                continue  # 週二 is a date (the dates check's), not a name
            if t.norm in proper:
                # CC-CEDICT knows thousands of townships and villages whose names are also
                # ordinary words (山上 "on the hill", Shanshang township): only with 乡/镇/村.
                if not _SMALL_PLACE.isdisjoint(ctx.dictionary.get(t.norm, ())) and \
                        norm[t.end - s.start : t.end - s.start + 1] not in ("乡", "镇", "村"):
                    continue
                out.append((i, t.start, t.end, t.norm))
                continue
            # 杭州市, 平远县: a proper noun with an administrative suffix jieba kept on; or
            # at the head of an organisation jieba keeps whole (杭州市中级人民法院, 北京朝阳医院)
            # or of a word jieba cut wrongly (新北地 + 检署).
            for size in range(len(t.norm) - 1, 1, -1):
                if t.norm.endswith("长"):
                    break  # 行政院长 (Premier), 市长: the head of it, a title
                if t.norm[:size] in proper and (t.norm[size:] in _PLACE_SUFFIXES
                                                or (len(t.norm) >= size + 3 and size <= 4)
                                                or t.norm not in ctx.dictionary):
                    out.append((i, t.start, t.start + size, t.norm[:size]))
                    break
        s = ctx.zh.sentences[i]
        norm = ctx.zh.norm_text[s.start : s.end]
        for m in re.finditer(f"[{''.join(TRANSLIT)}]{{3,}}", norm):
            # The run plus the character after it: 基本金 + 屬 is 基本 + 金属, not a name.
            extended = norm[m.start() : m.end() + 1]
            if m.group() not in ctx.dictionary and not _ordinary_words(ctx, m.group()) \
                    and not _ordinary_words(ctx, extended):
                out.append((i, s.start + m.start(), s.start + m.end(), m.group()))
    return out


_NAME_DOT = re.compile(r"[\u4e00-\u9fff][·•・‧](?P<after>[\u4e00-\u9fff]+)")


def _glossed_given_names(ctx: Context, bead: Bead, j: int,
                         run: list[EnToken]) -> Iterator[Finding]:
    """A given name supported only by a dictionary gloss: CC-CEDICT glosses 特朗普 "Donald
    Trump", but the Chinese transliterates the surname alone (te-lang-pu ~ Trump), so
    "Donald" is the English's addition, as "Steve" is in "Steve Witkoff" for 威特科夫."""
    for k in range(len(run) - 1):
        given, surname = run[k], run[k + 1]
        if not _name_like(given) or not _surname_like(ctx, surname, bead):
            continue
        for i in bead.zh:
            for zt in ctx.zh_tokens(i):
                if (given.stem not in zt.stems or surname.stem not in zt.stems
                        or not all(ch in TRANSLIT for ch in zt.norm) or len(zt.norm) < 2):
                    continue
                if phonetic.similarity(zt.norm, surname.text) < ctx.settings.name_sound_loose \
                        or phonetic.similarity(zt.norm, given.text + surname.text) \
                        >= ctx.settings.name_sound_loose \
                        or _zh_given_name(ctx, bead, surname):
                    continue
                full = ctx.en.text[run[0].start : run[-1].end]
                yield make_finding(
                    "name-part-added",
                    zh=Side(bead.zh),
                    en=Side((j,), (Span(given.start, given.end),)),
                    message=f"\"{given.text}\" in \"{full}\" has no counterpart in the Chinese",
                    evidence=f"the Chinese {zt.text} transliterates only \"{surname.text}\"; "
                             "the dictionary's gloss of it is the full name")
                return


def _zh_given_name(ctx: Context, bead: Bead, surname: EnToken) -> bool:
    """Next to the Chinese surname, a given name the English does not explain otherwise:
    中村 + 悠真 for "Yuma Nakamura" (a Japanese reading), 埃马纽埃尔·马克龙 for "Emmanuel
    Macron". One or two characters after the surname that are no dictionary word, or a
    transliteration before a name dot."""
    proper = cedict.proper_nouns()
    for i in bead.zh:
        s = ctx.zh.sentences[i]
        norm = ctx.zh.norm_text[s.start : s.end]
        for m in _NAME_DOT.finditer(norm):
            after = m.group("after")
            if any(phonetic.similarity(after[:size], surname.text) >= ctx.settings.name_sound
                   for size in range(2, min(len(after), 6) + 1)):
                return True
        toks = ctx.zh_tokens(i)
        for k, t in enumerate(toks):
            # The surname from the dictionary (中村 Nakamura), not a piece of a longer
            # transliteration (盧比 + 歐 for Rubio).
            if k + 1 < len(toks) and surname.stem in t.stems and t.norm in proper:
                nxt = toks[k + 1]
                if _HAN.fullmatch(nxt.norm) and len(nxt.norm) <= 2 and nxt.norm not in \
                        ZH_STOPWORDS and (nxt.norm not in ctx.dictionary or nxt.norm in proper) \
                        and not set(nxt.norm) <= TRANSLIT and not ctx.zh_supported(nxt, bead):
                    return True
    return False


def _ordinary_words(ctx: Context, run: str) -> bool:
    """A run made of dictionary words of two or more characters (基本 + 金) is no name."""
    k = 0
    while k < len(run):
        for size in range(min(4, len(run) - k), 1, -1):
            if run[k : k + size] in ctx.dictionary and run[k : k + size] not in \
                    cedict.proper_nouns():
                k += size
                break
        else:
            return False
    return True


_SMALL_PLACE = frozenset(stem(w) for w in ("township", "village"))


def _zh_supported(ctx: Context, name: str, bead: Bead, strict: bool = True) -> bool:
    en_text = " ".join(ctx.en.sentences[j].text for j in bead.en).lower()
    if any((zh in name or name in zh) and en.lower() in en_text for zh, en, _ in ctx.aliases):
        return True
    # The kind of place a gloss names ("Dabu county") is no evidence for the place itself;
    # a name of several words (南海 South China Sea, 台湾大学 National Taiwan University) is
    # matched whole, not by one of its words ("China" in "East China Sea").
    multi, single = name_senses(name)
    if multi:
        stems = tuple(st for st in single if st not in GENERIC_PLACE)
        for j in bead.en:
            words = phrase_stems(ctx.en.sentences[j].text)
            if any(has_phrase(p, words) for p in multi):
                return True
    else:
        stems = tuple(st for st in ctx.dictionary.get(name, ()) if st not in GENERIC_PLACE)
    # A name the dictionary knows (比利时 Belgium, 杭州 Hangzhou) is matched by its English
    # form or its romanisation (华东 Huadong, 文康 Man-hong); sounding like another name of
    # the sentence (Britain, Shanghai) is no evidence. (Whether the article names it
    # somewhere, ``strict=False``, may rest on sound, unless the name has an English form
    # of several words: "Taiwan" sounds like 台湾大学 but does not name it.)
    sound = not multi and not (strict and stems and name in cedict.proper_nouns())
    for j in bead.en:
        for t in ctx.en_tokens(j):
            # "Taiwan" is 台 in 美台 but not in 台湾大学: a character is not the whole name.
            if any(alias in name and 2 * len(alias) >= len(name)
                   for alias in EN_ALIASES.get(t.stem, ())):
                return True
            if t.stem in stems or (t.capitalised and (
                    _romanises(t.text, name)
                    or (sound and phonetic.similarity(name, t.text)
                         >= ctx.settings.name_sound_loose))):
                return True
            if any(len(s) >= 4 and t.stem.startswith(s[:4]) for s in stems if t.capitalised):
                return True
    return False


def _romanises(word: str, name: str) -> bool:
    """The English word spells the whole Chinese name (华东 Huadong, 文康 Man-hong), not a
    syllable of it (Zhou is not 苏州)."""
    parts = [p for p in word.lower().removesuffix("'s").removesuffix("’s").split("-") if p]
    if not parts or not all(p.isalpha() for p in parts) or not 2 <= len(name) <= 4:
        return False
    spelled: set[str] = {""}
    for part in parts:
        spelled = {a + b for a in spelled for b in _readings(part)}
        if len(spelled) > 4096:
            return False
    read: set[str] = {""}
    for ch in name:
        read = {a + b for a in read for b in _char_pinyin(ch)}
    return not read.isdisjoint(spelled)


def _known_en(ctx: Context, token: EnToken) -> bool:
    """An English name the Chinese article gives somewhere (explicitation, not addition)."""
    return ctx.en_supported(token, ctx.whole, ctx.bead_stems(ctx.whole), ctx.zh_text(ctx.whole))


def _known_zh(ctx: Context, name: str) -> bool:
    """A Chinese name the English article gives somewhere."""
    return _zh_supported(ctx, name, ctx.whole, strict=False)


@register("names")
def names(ctx: Context) -> Iterator[Finding]:
    for bead in ctx.alignment.beads:
        if not bead.zh or not bead.en:
            continue
        stems = ctx.bead_stems(bead)
        zh_text = ctx.zh_text(bead)
        missing_runs: list[tuple[int, list[EnToken]]] = []
        for j in bead.en:
            for run in _runs(ctx, j):
                ok = [ctx.en_supported(t, bead, stems, zh_text) for t in run]
                if all(ok):
                    yield from _glossed_given_names(ctx, bead, j, run)
                    continue
                if not any(ok):
                    missing_runs.append((j, run))
                    continue
                # Part of the name is there: the rest (a given name, say) was added. A run
                # that ends in an ordinary word (Beijing Chaoyang Hospital) names a place
                # or an organisation, not a person: its names are places, not given names.
                given = False
                organisation = not _name_like(run[-1])
                for k, t in enumerate(run):
                    if organisation:
                        break
                    if ok[k] or k + 1 >= len(run) or not ok[k + 1] or not _name_like(t) \
                            or not _surname_like(ctx, run[k + 1], bead):
                        continue  # titles and ordinary words (Commercial Bank) are not names
                    if _zh_given_name(ctx, bead, run[k + 1]):
                        given = True  # the Chinese has it, in a reading xcheck cannot match
                        continue
                    given = True
                    full = ctx.en.text[run[0].start : run[-1].end]
                    yield make_finding(
                        "name-part-added",
                        zh=Side(bead.zh), en=Side((j,), (Span(t.start, t.end),)),
                        message=f"\"{t.text}\" in \"{full}\" has no counterpart in the Chinese",
                        evidence=f"the Chinese names only \"{run[k + 1].text}\"",
                    )
                if given:
                    continue
                # A name whose ordinary words are there but not the name itself: "Xiulin
                # Township" where the Chinese has another township.
                missing = [t for t, good in zip(run, ok, strict=True)
                           if not good and _name_like(t)]
                if missing and (organisation or all(
                        not _name_like(t) for t, good in zip(run, ok, strict=True) if good)):
                    missing_runs.append((j, missing))
        zh_missing = [z for z in _zh_names(ctx, bead) if not _zh_supported(ctx, z[3], bead)]
        for j, run in missing_runs:
            text = ctx.en.text[run[0].start : run[-1].end]
            if zh_missing:
                i, zs, ze, zname = zh_missing.pop(0)
                # An error only when the Chinese name's English form is known (CC-CEDICT)
                # and differs; a romanisation xcheck cannot read (Cantonese) is a warning.
                known_form = zname in cedict.proper_nouns() and bool(ctx.dictionary.get(zname))
                yield make_finding(
                    "name-mismatch",
                    severity=Severity.ERROR if known_form else Severity.WARNING,
                    zh=Side((i,), (Span(zs, ze),)),
                    en=Side((j,), (Span(run[0].start, run[-1].end),)),
                    message=f"the Chinese names \"{ctx.zh.text[zs:ze]}\" where the English "
                            f"names \"{text}\"",
                    evidence="neither name has a counterpart on the other side",
                )
            else:
                known = all(_known_en(ctx, t) for t in run) or not any(
                    _name_like(t) for t in run)
                yield make_finding(
                    "name-added",
                    severity=Severity.INFO if known else Severity.WARNING, zh=Side(bead.zh),
                    en=Side((j,), (Span(run[0].start, run[-1].end),)),
                    message=f"\"{text}\" has no counterpart in the Chinese",
                    evidence="no dictionary, pinyin or spelling match in the aligned Chinese"
                             + ("; the Chinese article names it elsewhere" if known else ""),
                )
        for i, zs, ze, zname in zh_missing:
            known = _known_zh(ctx, zname)
            yield make_finding(
                "name-omitted",
                severity=Severity.INFO if known else Severity.WARNING,
                zh=Side((i,), (Span(zs, ze),)), en=Side(bead.en),
                message=f"\"{ctx.zh.text[zs:ze]}\" in the Chinese has no counterpart in the "
                        "English",
                evidence="no dictionary or pinyin match in the aligned English"
                         + ("; the English article names it elsewhere" if known else ""),
            )
