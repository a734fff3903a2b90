"""What the checks share: word tokens with offsets and their bilingual evidence, per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import product

from xcheck.lexicon import cedict, names
from xcheck.lexicon.english import STOPWORDS, stem
from xcheck.lexicon.evidence import TRANSLIT, ZH_STOPWORDS
from xcheck.model import Alignment, Bead, Document
from xcheck.resources import en_word_tokenizer, jieba_tokenizer
from xcheck.settings import CheckSettings

# English words a Chinese article implies without a word for them, or that CC-CEDICT glosses
# differently: "U.S." is 美, "Washington" often stands for 美國.
EN_ALIASES: dict[str, tuple[str, ...]] = {
    "u.s": ("美",), "us": ("美",), "america": ("美",), "american": ("美",),
    "washington": ("华盛顿", "美"), "beij": ("北京", "中"), "moscow": ("莫斯科", "俄"),
    "kyiv": ("基辅", "乌"), "kiev": ("基辅",), "eu": ("欧盟",), "un": ("联合国",),
    "uk": ("英国",), "u.k": ("英",), "nato": ("北约",), "britain": ("英",),
    "british": ("英",), "taiwan": ("台",), "chines": ("中", "华"), "china": ("中",),
    "european": ("欧",), "europ": ("欧",), "western": ("西方",), "west": ("西",),
    "russian": ("俄",), "russia": ("俄",), "ukrainian": ("乌",), "ukrain": ("乌",),
    "german": ("德",), "germani": ("德",), "french": ("法",), "franc": ("法",),
    "japanes": ("日",), "japan": ("日",), "unit": ("美", "联合"),
    "g7": ("七国集团",), "g20": ("二十国集团",), "nt": ("台币",), "yuan": ("元", "人民币"),
    "asean": ("东协", "东盟"), "us$": ("美元",), "dollar": ("元",),
}


# Reporting verbs: "said" renders 表示, 指出, 認為, 坦言 ... which CC-CEDICT glosses otherwise.
ZH_SAY = frozenset("表示 说 說 指出 认为 認為 称 稱 提醒 坦言 强调 強調 透露 宣布 说明 說明 "
                   "直言 表明 谈到 談到 指 称赞 呼吁 呼籲 警告 回应 回應".split())
EN_SAY = frozenset(stem(w) for w in "say said tell told note add stress warn state argue "
                   "believe urge admit explain remark acknowledge point".split())


def is_content(tok: str) -> bool:
    """An English word that carries content (a.m., p.m.: lower-case abbreviations do not)."""
    low = tok.lower()
    return (tok[:1].isalpha() and low not in STOPWORDS and len(low) > 1
            and not ("." in tok and tok.islower()))


@dataclass(frozen=True)
class ZhToken:
    start: int
    end: int
    text: str
    norm: str
    stems: frozenset[str]  # English stems it can translate to
    # Stems it has only as words of a multi-word name (新北 New Taipei: new, taipei), and those
    # names: "Taipei" alone does not render 新北, "New Taipei" does.
    loose: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()


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
        if all(any(_fuzzy(w, p) for w in window) for p in phrase):
            return True
    return False


@dataclass(frozen=True)
class EnToken:
    start: int
    end: int
    text: str
    stem: str
    content: bool
    capitalised: bool


_TRANSLIT_RUN = re.compile(f"[{''.join(sorted(TRANSLIT))}]{{2,}}")


@lru_cache(maxsize=8192)
def _length(text: str) -> int:
    return sum(not c.isspace() for c in text)


def _fuzzy(a: str, b: str) -> bool:
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= 4 and a[:n] == b[:n] and abs(len(a) - len(b)) <= 4


def _adjective_of(en_stem: str, by_prefix: dict[str, list[str]]) -> bool:
    """An adjective in -al whose noun is among the stems (viral ~ virus, coastal ~ coast):
    the stemmer leaves such adjectives alone."""
    if not en_stem.endswith("al") or len(en_stem) < 5:
        return False
    base = en_stem[:-2]
    return any(s.startswith(base) and len(s) - len(base) <= 2
               for s in by_prefix.get(base[:2], ()))


def _han_runs(zh_text: str) -> list[str]:
    return re.findall(r"[\u4e00-\u9fff]+", zh_text)


@lru_cache(maxsize=20_000)
def _char_pinyin(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one character (朝: zhao, chao); names need no context."""
    return cedict.readings(ch)[:2]


@lru_cache(maxsize=4096)
def _romanisations(zh_text: str) -> frozenset[str]:
    """Pinyin of every 1-3 character stretch of the Chinese."""
    pinyin: set[str] = set()
    for run in _han_runs(zh_text):
        syl = [_char_pinyin(c) for c in run]
        for size in (1, 2, 3):
            for k in range(len(run) - size + 1):
                pinyin.update("".join(combo) for combo in product(*syl[k : k + size]))
    return frozenset(pinyin)


# Wade-Giles, Taiwanese and other spellings -> pinyin: (spelling, pinyin alternatives).
_ROMANISATION_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tzu", ("zi", "ci")), ("ssu", ("si",)), ("szu", ("si",)), ("kwu", ("gu", "ku")),
    ("kwei", ("gui", "kui")), ("hs", ("x",)), ("tz", ("z", "c")),
    ("ts", ("z", "c")), ("ch", ("zh", "j", "q", "ch")),
    ("kw", ("gu", "ku")), ("k", ("g", "k")), ("p", ("b", "p")), ("t", ("d", "t")),
    ("j", ("r", "j")), ("ung", ("ong",)), ("ieh", ("ie",)), ("ien", ("ian",)),
    ("ih", ("i",)), ("uei", ("ui",)), ("ei", ("ui", "ei")), ("o", ("uo", "e", "o")),
    ("ee", ("i",)), ("oo", ("u",)), ("u", ("u", "v", "ü")), ("y", ("y", "i")),
)


# Hong Kong (Cantonese) spellings of common name syllables, with their pinyin readings.
_CANTONESE = {
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
def _pinyin_variants(part: str) -> frozenset[str]:
    """Pinyin spellings a romanised syllable string may stand for (bounded)."""
    variants = {""}
    i = 0
    while i < len(part):
        for spelling, alts in _ROMANISATION_RULES:
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


def _readings(part: str) -> frozenset[str]:
    """Pinyin a romanised syllable string may stand for (Wade-Giles, Cantonese, pinyin)."""
    return frozenset({part, *_pinyin_variants(part), *_CANTONESE.get(part, ())})


def _romanised(word: str, zh_text: str) -> bool:
    """A romanised Chinese name (Wu Lei, Lin Tzu-wei, Huadong) the Chinese spells in Han.

    The word's readings must match one to three consecutive Chinese characters; the parts
    of a hyphenated given name (Tzu-wei, Sai-hung) must match consecutive characters too,
    not syllables scattered over the sentence.
    """
    word = word.lower().replace("’", "'").removesuffix("'s")
    parts = [p for p in word.split("-") if p]
    if not parts or not all(p.isalpha() for p in parts) or len(parts) > 3:
        return False
    pinyin = _romanisations(zh_text)
    combined: set[str] = {""}
    for part in parts:
        combined = {c + r for c in combined for r in _readings(part)}
        if len(combined) > 4096:
            combined = set(sorted(combined)[:4096])
    return not pinyin.isdisjoint(combined)


def _abbreviated(word: str, zh_text: str) -> bool:
    """Two places joined by a hyphen that the Chinese abbreviates to one syllable each:
    Hualien-Taitung is 花東 (hua- from Hualien, -dong from Taitung), Taipei-Kaohsiung 北高."""
    parts = word.lower().split("-")
    if len(parts) != 2 or not all(len(p) >= 4 and p.isalpha() for p in parts):
        return False
    first, second = _readings(parts[0]), _readings(parts[1])

    def part_of(syllable: str, readings: frozenset[str]) -> bool:
        return len(syllable) >= 3 and any(r.startswith(syllable) or r.endswith(syllable)
                                          for r in readings)

    for run in _han_runs(zh_text):
        for k in range(len(run) - 1):
            if any(part_of(a, first) for a in _char_pinyin(run[k])) and any(
                    part_of(b, second) for b in _char_pinyin(run[k + 1])):
                return True
    return False


@lru_cache(maxsize=1)
def builtin_aliases() -> tuple[tuple[str, str], ...]:
    """Conventional renderings shipped with xcheck (xcheck/data/aliases.tsv)."""
    from importlib import resources

    text = (resources.files("xcheck") / "data" / "aliases.tsv").read_text("utf-8")
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            zh, en = line.split("\t", 1)
            out.append((zh.strip(), en.strip()))
    return tuple(out)


@dataclass
class Context:
    alignment: Alignment
    glossary: tuple[tuple[str, str], ...] = ()
    settings: CheckSettings = field(default_factory=CheckSettings)
    _zh_tokens: dict[int, list[ZhToken]] = field(default_factory=dict)
    _en_tokens: dict[int, list[EnToken]] = field(default_factory=dict)
    _stems_cache: dict[tuple[int, ...], set[str]] = field(default_factory=dict)
    _en_stems_cache: dict[tuple[object, ...], set[str]] = field(default_factory=dict)
    _index_cache: dict[int, tuple[set[str], dict[str, list[str]], frozenset[str]]] = field(
        default_factory=dict)
    _loose_cache: dict[tuple[object, ...], tuple[frozenset[str], tuple[tuple[str, ...], ...]]] \
        = field(default_factory=dict)
    _alias_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def zh(self) -> Document:
        return self.alignment.zh

    @property
    def en(self) -> Document:
        return self.alignment.en

    @cached_property
    def aliases(self) -> tuple[tuple[str, str, frozenset[str]], ...]:
        """(Simplified zh, English, lower-cased English words) from the shipped aliases and
        the user's glossary: evidence that the two sides match."""
        conv = None
        out: list[tuple[str, str, frozenset[str]]] = []
        for zh, en in (*builtin_aliases(), *self.glossary):
            if not zh.isascii():
                from xcheck.resources import opencc_converter

                conv = conv or opencc_converter("t2s")
                zh = conv.convert(zh)
            out.append((zh, en, frozenset(w.lower().strip(".,'’") for w in en.split())))
        return tuple(out)

    @cached_property
    def dictionary(self) -> cedict.Dictionary:
        return cedict.load()

    def zh_tokens(self, index: int) -> list[ZhToken]:
        if index not in self._zh_tokens:
            s = self.zh.sentences[index]
            norm = self.zh.norm_text[s.start : s.end]
            out: list[ZhToken] = []
            for tok, ts, te in jieba_tokenizer().tokenize(norm):
                if tok.isspace():
                    continue
                stems: set[str] = set()
                loose: set[str] = set()
                firm: set[str] = set()
                phrases: list[tuple[str, ...]] = []
                used: list[str] = []  # the dictionary words its evidence comes from
                if tok in self.dictionary:
                    used.append(tok)
                else:
                    for k in range(len(tok)):
                        for size in (3, 2, 1):
                            piece = tok[k : k + size]
                            # A function character that ends an unknown word after a
                            # content character is a suffix morpheme: 所 "institute" in
                            # 病毒病所 (not 是 in 这是).
                            if len(piece) == size and piece in self.dictionary and (
                                    size > 1 or piece not in ZH_STOPWORDS
                                    or (k == len(tok) - 1 > 0
                                        and tok[k - 1] not in ZH_STOPWORDS)):
                                used.append(piece)
                for word in used:
                    found = self.dictionary[word]
                    stems.update(found)
                    multi, single = name_senses(word)
                    in_names = {st for p in multi for st in p} - single
                    loose |= in_names
                    firm.update(st for st in found if st not in in_names)
                    phrases.extend(multi)
                if re.fullmatch(r"[A-Za-z][A-Za-z0-9.&-]*", tok):
                    stems.add(stem(tok.rstrip(".")))
                out.append(ZhToken(s.start + ts, s.start + te, self.zh.text[s.start + ts :
                                   s.start + te], tok, frozenset(stems),
                                   frozenset(loose - firm), tuple(dict.fromkeys(phrases))))
            self._zh_tokens[index] = out
        return self._zh_tokens[index]

    def en_tokens(self, index: int) -> list[EnToken]:
        if index not in self._en_tokens:
            s = self.en.sentences[index]
            out: list[EnToken] = []
            for ts, te in en_word_tokenizer().span_tokenize(s.text):
                tok = s.text[ts:te]
                low = tok.lower()
                content = is_content(tok)
                out.append(EnToken(s.start + ts, s.start + te, tok, stem(low.rstrip(".")),
                                   content, tok[0].isupper()))
            self._en_tokens[index] = out
        return self._en_tokens[index]

    def zh_text(self, bead: Bead) -> str:
        """Simplified text of the bead's Chinese sentences (for substring lookups)."""
        return "".join(self.zh.norm_text[self.zh.sentences[i].start :
                                         self.zh.sentences[i].end] for i in bead.zh)

    def bead_stems(self, bead: Bead) -> set[str]:
        if bead.zh in self._stems_cache:
            return self._stems_cache[bead.zh]
        out: set[str] = set()
        for i in bead.zh:
            for t in self.zh_tokens(i):
                out |= t.stems
        self._stems_cache[bead.zh] = out  # callers only read it
        return out

    def en_supported(self, token: EnToken, bead: Bead, stems: set[str] | None = None,
                     zh_text: str | None = None) -> bool:
        """Does the Chinese side of ``bead`` have a counterpart for this English word?"""
        stems = self.bead_stems(bead) if stems is None else stems
        zh_text = self.zh_text(bead) if zh_text is None else zh_text
        by_prefix, suffixes = self._stem_index(stems)
        matched = [s for s in by_prefix.get(token.stem[:2], ()) if _fuzzy(token.stem, s)]
        if token.stem in stems:
            matched.append(token.stem)
        if matched and not (token.capitalised and self._loose_only(token, bead, matched)):
            return True
        if len(token.stem) >= 4 and token.stem in suffixes:
            return True  # port ~ seaport
        if _adjective_of(token.stem, by_prefix):
            return True  # viral ~ virus
        if "-" in token.text and all(
                self.en_supported(EnToken(token.start, token.end, part, stem(part.lower()),
                                          True, part[:1].isupper()), bead, stems, zh_text)
                for part in token.text.split("-") if part):
            return True  # Europe-China
        for alias in EN_ALIASES.get(token.stem, ()):
            if alias in zh_text:
                return True
        if token.stem in EN_SAY and any(w in zh_text for w in ZH_SAY):
            return True
        low = token.text.lower().removesuffix("'s").removesuffix("’s")
        if any(low in words and zh in zh_text for zh, _en, words in self.aliases):
            return True
        if token.text.lower() in zh_text.lower():
            return True
        if token.capitalised and (_romanised(token.text, zh_text)
                                  or _abbreviated(token.text, zh_text)):
            return True
        if token.capitalised and len(token.text) > 2:
            for run in _TRANSLIT_RUN.findall(zh_text):
                for size in range(min(len(run), 6), 1, -1):
                    for k in range(len(run) - size + 1):
                        if names.similarity(run[k : k + size],
                                            token.text) >= self.settings.name_sound:
                            return True
        return False

    def _loose_only(self, token: EnToken, bead: Bead, matched: list[str]) -> bool:
        """The Chinese has these stems only as words of multi-word names (新北 New Taipei)
        that the English sentence of ``token`` does not give whole ("Taipei District")."""
        key = ("loose", *bead.zh)
        if key not in self._loose_cache:
            loose: set[str] = set()
            firm: set[str] = set()
            phrases: list[tuple[str, ...]] = []
            for i in bead.zh:
                for t in self.zh_tokens(i):
                    loose |= t.loose
                    firm |= t.stems - t.loose
                    phrases.extend(t.phrases)
            self._loose_cache[key] = (frozenset(loose - firm), tuple(dict.fromkeys(phrases)))
        loose_stems, bead_phrases = self._loose_cache[key]
        if not all(m in loose_stems for m in matched):
            return False
        sentence = next((self.en.sentences[j] for j in bead.en
                         if self.en.sentences[j].start <= token.start
                         < self.en.sentences[j].end), None)
        if sentence is None:
            return False
        words = phrase_stems(sentence.text)
        return not any(m in p and has_phrase(p, words) for p in bead_phrases for m in matched)

    @cached_property
    def whole(self) -> Bead:
        """Every sentence of both articles, as one bead."""
        return Bead(tuple(range(len(self.zh.sentences))), tuple(range(len(self.en.sentences))))

    @cached_property
    def length_ratio(self) -> float:
        """Median English/Chinese length ratio of the document's 1-1 beads."""
        ratios = sorted(
            _length(self.en.sentences[b.en[0]].text) / max(_length(
                self.zh.sentences[b.zh[0]].text), 1)
            for b in self.alignment.beads if len(b.zh) == 1 and len(b.en) == 1)
        return ratios[len(ratios) // 2] if ratios else self.settings.default_length_ratio

    def relative_length(self, bead: Bead) -> float:
        """English length of the bead over what the document's ratio predicts (1.0 = usual)."""
        zh = sum(_length(self.zh.sentences[i].text) for i in bead.zh)
        en = sum(_length(self.en.sentences[j].text) for j in bead.en)
        return en / max(zh * self.length_ratio, 1.0)

    def en_bead_stems(self, bead: Bead) -> set[str]:
        key = ("en", *bead.en)
        if key not in self._en_stems_cache:
            self._en_stems_cache[key] = {t.stem for j in bead.en for t in self.en_tokens(j)
                                         if t.content}
        return self._en_stems_cache[key]  # callers only read it

    def _stem_index(self, stems: set[str]) -> tuple[dict[str, list[str]], frozenset[str]]:
        """Stems by their first two letters, and every 4+-letter suffix, built once per set
        (the sets are the cached ones, so their identity is stable while the context lives)."""
        entry = self._index_cache.get(id(stems))
        if entry is None or entry[0] is not stems:
            by_prefix: dict[str, list[str]] = {}
            for st in stems:
                by_prefix.setdefault(st[:2], []).append(st)
            suffixes = frozenset(st[k:] for st in stems for k in range(1, len(st) - 3))
            entry = (stems, by_prefix, suffixes)
            self._index_cache[id(stems)] = entry
        return entry[1], entry[2]

    def zh_supported(self, token: ZhToken, bead: Bead, en_stems: set[str] | None = None,
                     en_text: str | None = None) -> bool:
        """Does the English side of ``bead`` have a counterpart for this Chinese word?"""
        en_stems = self.en_bead_stems(bead) if en_stems is None else en_stems
        if en_text is None:
            en_text = " ".join(self.en.sentences[j].text for j in bead.en)
        if token.stems & en_stems or (token.norm in ZH_SAY and not en_stems.isdisjoint(EN_SAY)):
            return True
        by_prefix, _ = self._stem_index(en_stems)
        if any(_fuzzy(s, e) for s in token.stems for e in by_prefix.get(s[:2], ())):
            return True
        if any(s[k:] in en_stems for s in token.stems for k in range(1, len(s) - 3)):
            return True  # earthquake ~ quake
        _, en_suffixes = self._stem_index(en_stems)
        if any(len(s) >= 4 and s in en_suffixes for s in token.stems):
            return True  # settle ~ resettle
        if token.norm.isascii() and token.norm.lower() in en_text.lower():
            return True
        if any(c.isdigit() or c in "〇零一二两三四五六七八九十百千万亿" for c in token.norm):
            return True  # numbers are the numbers check's business
        for word in re.findall(r"\b[A-Z][a-z]+(?:-[a-z]+)?\b", en_text):
            if _romanised(word, token.norm) or (
                    len(token.norm) > 1
                    and names.similarity(token.norm, word) >= self.settings.name_sound):
                return True
        for stem_ in en_stems & EN_ALIASES.keys():
            if any(a in token.norm for a in EN_ALIASES[stem_]):
                return True
        lowered = en_text.lower()
        return any(en in lowered for en in self._alias_renderings(token.norm))

    def _alias_renderings(self, norm: str) -> tuple[str, ...]:
        """Lower-cased English of the aliases whose Chinese contains or is contained in
        ``norm`` (memoised: the alias table is scanned once per Chinese word)."""
        if norm not in self._alias_cache:
            self._alias_cache[norm] = tuple(en.lower() for zh, en, _words in self.aliases
                                            if zh in norm or norm in zh)
        return self._alias_cache[norm]
