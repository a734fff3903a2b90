"""Names of people, places and organisations: added, dropped, partly added or different."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xcheck.checks import register
from xcheck.checks.context import Context, EnToken
from xcheck.checks.rules import make_finding
from xcheck.lexicon import cedict
from xcheck.lexicon import known_names as known
from xcheck.lexicon import names as phonetic
from xcheck.lexicon.aliases import EN_ALIASES
from xcheck.lexicon.english import STOPWORDS, stem
from xcheck.lexicon.evidence import TRANSLIT
from xcheck.lexicon.places import GENERIC_PLACE, has_phrase, name_senses, phrase_stems
from xcheck.lexicon.romanise import char_pinyin as _char_pinyin
from xcheck.lexicon.romanise import readings as _readings
from xcheck.lexicon.words import ZH_STOPWORDS
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
                if any(a <= t.start and t.start + size <= b and b - a > size
                       for a, b in runs):
                    break  # 巴利 of 巴利阿里群岛: the whole transliteration is the name
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
    zh_text = ctx.zh_text(bead)
    for k in range(len(run) - 1):
        given, surname = run[k], run[k + 1]
        if not _name_like(given) or not _surname_like(ctx, surname, bead) \
                or given.text.endswith(("'s", "’s")) or _acronym(surname.text) \
                or _chinese_person(surname.text, zh_text) \
                or _in_dotted_name(ctx, bead, given.text):
            continue  # Andy Lau (刘德华), Azmin Ali (阿兹明·阿里): the name is there whole
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


def _inside_rendered(ctx: Context, bead: Bead, z: tuple[int, int, int, str]) -> bool:
    """The name heads a longer name whose established form the English gives: 美国 of
    美国环保局 when the English says "EPA" (not a dropped "US")."""
    from xcheck.lexicon import established

    i, start, _end, name = z
    s = ctx.zh.sentences[i]
    norm = ctx.zh.norm_text[start : s.end]
    en_text = " ".join(ctx.en.sentences[j].text for j in bead.en)
    return any(established.english_forms(norm[:size])
               and established.matches(norm[:size], en_text)
               for size in range(len(name) + 1, min(len(norm), ctx.settings.name_window * 2) + 1))


_DOTTED = re.compile(r"[\u4e00-\u9fff]+(?:[·•・‧][\u4e00-\u9fff]+)+")


def _in_dotted_name(ctx: Context, bead: Bead, word: str) -> bool:
    """A part of a name the Chinese writes whole with name dots (阿兹明·阿里) sounds like it."""
    for i in bead.zh:
        s = ctx.zh.sentences[i]
        for m in _DOTTED.finditer(ctx.zh.norm_text[s.start : s.end]):
            parts = re.split("[·•・‧]", m.group())
            for n, part in enumerate(parts):
                # The Han run before the first dot may hold more than the name: its end.
                pieces = [part[-size:] for size in range(2, min(len(part), 6) + 1)] \
                    if n == 0 else [part[:size] for size in range(2, min(len(part), 6) + 1)]
                if any(phonetic.similarity(piece, word) >= ctx.settings.name_sound
                       for piece in pieces):
                    return True
    return False


# The commonest Chinese surnames: one of them starting a two- or three-character name is a
# Chinese person's name, not a transliteration.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")


def _chinese_person(surname: str, zh_text: str) -> bool:
    """The English surname is one Han character of the Chinese that starts a name of two or
    three characters (Hui 许正宇, Chao 赵小兰, Lau 刘德华): a Chinese person, whose English
    given name (Christopher, Elaine, Andy) is the established form of the name, not an
    addition as "Steve" is in "Steve Witkoff" for 威特科夫."""
    from xcheck.lexicon.romanise import readings as syllable_readings

    word = surname.lower().removesuffix("'s").removesuffix("’s")
    if "-" in word or not word.isalpha():
        return False
    wanted = syllable_readings(word)
    for k, ch in enumerate(zh_text[:-1]):
        if ch in _SURNAMES and not wanted.isdisjoint(_char_pinyin(ch)) \
                and _HAN.fullmatch(zh_text[k + 1]):
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
    return ctx.en_supported(token, ctx.whole, ctx.bead_stems(ctx.whole), ctx.whole_zh_text)


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
                whole = [zh for zh in known.chinese_forms(
                    ctx.en.text[run[0].start : run[-1].end]) if zh in zh_text]
                if any(phonetic.similarity(zh, run[-1].text) < ctx.settings.name_sound_loose
                       for zh in whole):
                    continue  # 德新社 is Deutsche Presse Agentur whole (马克龙 is only Macron)
                # Part of the name is there: the rest (a given name, say) was added. A run
                # that ends in an ordinary word (Beijing Chaoyang Hospital) names a place
                # or an organisation, not a person: its names are places, not given names.
                given = False
                organisation = not _name_like(run[-1])
                for k, t in enumerate(run):
                    if organisation:
                        break
                    if ok[k] or k + 1 >= len(run) or not ok[k + 1] or not _name_like(t) \
                            or not _surname_like(ctx, run[k + 1], bead) \
                            or t.text.endswith(("'s", "’s")) or _acronym(run[k + 1].text):
                        continue  # titles and ordinary words (Commercial Bank) are not names,
                        # nor is "Duterte's" before an acronym (Duterte's SONA)
                    if _in_dotted_name(ctx, bead, t.text):
                        given = True  # 阿兹明·阿里 gives Azmin Ali whole
                        continue
                    if _zh_given_name(ctx, bead, run[k + 1]) or \
                            _chinese_person(run[k + 1].text, zh_text):
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
        all_zh = [z for z in _zh_names(ctx, bead) if not _inside_rendered(ctx, bead, z)]
        zh_missing = [z for z in all_zh if not _zh_supported(ctx, z[3], bead)]
        yield from _unpaired(ctx, bead, missing_runs, zh_missing, all_zh)


ZhName = tuple[int, int, int, str]  # sentence, start, end, Simplified text
EnRun = tuple[int, list[EnToken]]  # sentence, the run's tokens


def _corresponds(ctx: Context, zname: str, run: list[EnToken]) -> str | None:
    """Why an unmatched Chinese name and an unmatched English run may name the same thing
    (an established form, an acronym, a transliteration), or None."""
    from xcheck.lexicon import established

    text = ctx.en.text[run[0].start : run[-1].end]
    if established.matches(zname, text):
        return "the English is an established form of the Chinese name"
    if any(zname in zh or (len(zh) >= 2 and zh in zname)
           for zh in established.chinese_forms(text)):
        return "the Chinese is an established form of the English name"
    for t in run:
        word = t.text.removesuffix("'s").removesuffix("’s")
        if word.isupper() and len(word) >= 2 and established.is_acronym_of(word, zname):
            return f"{word} is an acronym of the Chinese name"
        if phonetic.similarity(zname, word) >= ctx.settings.name_sound_loose \
                or _romanises(word, zname):
            return "the English sounds like the Chinese name"
    joined = "".join(t.text for t in run)
    if len(run) > 1 and phonetic.similarity(zname, joined) >= ctx.settings.name_sound_loose:
        return "the English sounds like the Chinese name"
    return None


def _unpaired(ctx: Context, bead: Bead, runs: list[EnRun], zh_names: list[ZhName],
              all_zh: list[ZhName]) -> Iterator[Finding]:
    """Pair the bead's unmatched English runs and Chinese names one to one; report only what
    positive evidence says differs. A translator renders a name in a form the dictionary may
    not know, so an unmatched name with an unmatched partner is, by default, its translation:
      0. a name whose known form (or a sound-alike) is on the other side was translated;
      1. a pair with evidence of correspondence (established form, acronym, sound) is fine;
      2. a pair of two KNOWN places (each has established forms, and neither's is on the
         other side) is a mismatch: what a swapped place looks like;
      3. a name the other article gives elsewhere was moved or explained, not added/dropped;
      4. the rest pair by position, silently (a form xcheck does not know);
      5. what is left has no candidate at all: added or omitted, at info (absence of a match
         is not evidence enough for more)."""
    zh_text = ctx.zh_text(bead)
    en_stems = phrase_stems(known.fold(" ".join(ctx.en.sentences[k].text for k in bead.en)))
    # A name whose known form IS on the other side, or that sounds like a word there, was
    # translated; and one the other article gives elsewhere was moved or explained, not
    # added or dropped.
    zh_left = [z for z in zh_names if not _rendered_zh(ctx, z[3], bead, en_stems)]
    # A known Chinese name the dictionary took as matched by a loose alias (台 of 台東 for
    # "Taiwan") is still a mismatch candidate when its known forms are not in the English.
    known_zh = zh_left + [z for z in all_zh if z not in zh_left and known.english_forms(z[3])
                          and not _rendered_zh(ctx, z[3], bead, en_stems)]
    run_left = [(j, run) for j, run in runs if any(_name_like(t) for t in run)
                and not _rendered_en(ctx, run, zh_text)]
    for j, run in list(run_left):
        for z in zh_left:
            if _corresponds(ctx, z[3], run):
                zh_left.remove(z)
                run_left.remove((j, run))
                break
    for j, run in list(run_left):
        text = ctx.en.text[run[0].start : run[-1].end]
        en_forms = known.known_place_absent(text, zh_text)
        if not en_forms:
            continue
        for z in known_zh:
            i, zs, ze, zname = z
            zh_forms = known.english_forms(zname)
            if not zh_forms or not known.is_place(zname) or known.is_country(zname) != any(
                    known.is_country(zh) for zh in en_forms):
                continue  # a city against a country (伦敦 in 英国) is no swap
            known_zh.remove(z)
            if z in zh_left:
                zh_left.remove(z)
            run_left.remove((j, run))
            yield make_finding(
                "name-mismatch",
                zh=Side((i,), (Span(zs, ze),)),
                en=Side((j,), (Span(run[0].start, run[-1].end),)),
                message=f"the Chinese names \"{ctx.zh.text[zs:ze]}\" where the English "
                        f"names \"{text}\"",
                evidence=f"{ctx.zh.text[zs:ze]} is known as {_quote_phrases(zh_forms)} and "
                         f"{text} as {_quote_forms(en_forms)}; neither form is on the other "
                         "side",
            )
            break
    zh_left = [z for z in zh_left if not _known_zh(ctx, z[3])]
    # An acronym xcheck does not know (SIFF, XEMC) is an organisation the Chinese names in
    # words it cannot spell out: no evidence either way.
    run_left = [(j, run) for j, run in run_left if not all(_known_en(ctx, t) for t in run)
                and not (len(run) == 1 and _acronym(run[0].text)
                         and not known.chinese_forms(run[0].text))]
    # Unknown forms: the rest pair by position, each one's likely translation.
    paired = min(len(run_left), len(zh_left))
    run_left, zh_left = run_left[paired:], zh_left[paired:]
    # Left with no candidate at all. A known PLACE whose known forms the other article never
    # gives is positive evidence (a warning); anything else is only the absence of a match,
    # worth an info at most.
    whole_zh = ctx.whole_zh_text
    whole_en = ctx.whole_en_stems
    for j, run in run_left:
        text = ctx.en.text[run[0].start : run[-1].end]
        forms = known.known_place_absent(text, whole_zh)
        place = bool(forms)
        yield make_finding(
            "name-added", zh=Side(bead.zh), en=Side((j,), (Span(run[0].start, run[-1].end),)),
            severity=Severity.WARNING if place else None,
            message=f"\"{text}\" has no counterpart in the Chinese",
            evidence=(f"the place {text} is written {_quote_forms(forms)} in Chinese, which "
                      "the Chinese article never has" if place else
                      "no Chinese name of the aligned sentences is left to be its counterpart, "
                      "and the Chinese article does not name it elsewhere"),
        )
    for i, zs, ze, zname in zh_left:
        forms_en = known.english_forms(zname)
        place = bool(forms_en) and known.is_place(zname) and not _named_anywhere(
            ctx, zname, forms_en, whole_en)
        yield make_finding(
            "name-omitted", zh=Side((i,), (Span(zs, ze),)), en=Side(bead.en),
            severity=Severity.WARNING if place else None,
            message=f"\"{ctx.zh.text[zs:ze]}\" in the Chinese has no counterpart in the "
                    "English",
            evidence=(f"the place {ctx.zh.text[zs:ze]} is known as {_quote_phrases(forms_en)}, "
                      "which the English article never has" if place else
                      "no English name of the aligned sentences is left to be its counterpart, "
                      "and the English article does not name it elsewhere"),
        )


def _named_anywhere(ctx: Context, zname: str, forms: tuple[tuple[str, ...], ...],
                    en_stems: list[str]) -> bool:
    """Whether the English article gives the Chinese name at all, judged leniently (any
    name word of a known form, an acronym like US): a warning says it never does."""
    from xcheck.lexicon import established

    present = set(en_stems)
    if any(st in present for form in forms for st in form if st not in GENERIC_PLACE):
        return True
    return bool(established.matches(zname, " ".join(s.text for s in ctx.en.sentences)))


def _acronym(word: str) -> bool:
    letters = [c for c in word.removesuffix("'s").removesuffix("’s") if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _rendered_zh(ctx: Context, zname: str, bead: Bead, en_stems: list[str]) -> bool:
    """The English of the bead gives the Chinese name: in a known form when xcheck knows the
    name (sounding like some other word is no evidence then), else by sound."""
    forms = known.english_forms(zname)
    if forms:
        return known.has_form(forms, en_stems)
    return len(phonetic.zh_skeleton(zname)) >= ctx.settings.name_min_skeleton and any(
        t.capitalised and phonetic.similarity(zname, t.text) >= ctx.settings.name_sound
        for j in bead.en for t in ctx.en_tokens(j))


def _rendered_en(ctx: Context, run: list[EnToken], zh_text: str) -> bool:
    """The Chinese of the bead gives the English run: in a known form when xcheck knows it,
    else by a stretch that sounds like one of its names (喀琅施塔得 for Kronshtadt, which
    jieba does not keep whole)."""
    forms = known.chinese_forms(ctx.en.text[run[0].start : run[-1].end])
    if forms:
        return any(zh in zh_text for zh in forms)
    words = [t.text.removesuffix("'s").removesuffix("’s") for t in run if _name_like(t)]
    for run_zh in _HAN.findall(zh_text):
        for size in range(2, min(len(run_zh), ctx.settings.name_window) + 1):
            for k in range(len(run_zh) - size + 1):
                piece = run_zh[k : k + size]
                if len(phonetic.zh_skeleton(piece)) >= ctx.settings.name_min_skeleton and any(
                        phonetic.similarity(piece, w) >= ctx.settings.name_sound
                        for w in words):
                    return True
    return False


def _quote_phrases(forms: tuple[tuple[str, ...], ...]) -> str:
    return " or ".join(f"\"{' '.join(f)}\"" for f in forms[:3])


def _quote_forms(forms: frozenset[str]) -> str:
    return " or ".join(f"\"{f}\"" for f in sorted(forms)[:3])
