"""What the checks share: word tokens with offsets and their bilingual evidence, per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from xcheck.lexicon import cedict, names
from xcheck.lexicon.aliases import EN_ALIASES, EN_SAY, ZH_SAY, builtin_aliases
from xcheck.lexicon.english import stem, stems_alike
from xcheck.lexicon.evidence import TRANSLIT_RUN
from xcheck.lexicon.places import has_phrase, phrase_stems
from xcheck.lexicon.romanise import abbreviated, romanised
from xcheck.lexicon.words import (
    EnToken,
    WordEvidence,
    ZhToken,
    word_evidence,
)
from xcheck.model import Alignment, Bead, Document
from xcheck.settings import CheckSettings

# The token types live with the word evidence; the checks take them from here.
__all__ = ["Context", "EnToken", "ZhToken"]


def _adjective_of(en_stem: str, by_prefix: dict[str, list[str]]) -> bool:
    """An adjective in -al whose noun is among the stems (viral ~ virus, coastal ~ coast):
    the stemmer leaves such adjectives alone."""
    if not en_stem.endswith("al") or len(en_stem) < 5:
        return False
    base = en_stem[:-2]
    return any(s.startswith(base) and len(s) - len(base) <= 2
               for s in by_prefix.get(base[:2], ()))


@dataclass
class Context:
    alignment: Alignment
    glossary: tuple[tuple[str, str], ...] = ()
    settings: CheckSettings = field(default_factory=CheckSettings)
    # The pair's word evidence, shared with the aligner (xcheck.api passes the one it aligned
    # with); made from the alignment's documents when not given.
    evidence: WordEvidence | None = None
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
    def whole_zh_text(self) -> str:
        """``zh_text(whole)``, computed once (asked per bead, it is quadratic)."""
        return self.zh_text(self.whole)

    @cached_property
    def whole_en_stems(self) -> list[str]:
        """Stems of the whole English article (its sentences), computed once: a check that
        asks per bead would be quadratic in a long article."""
        from xcheck.lexicon import known_names
        from xcheck.lexicon.places import phrase_stems

        return phrase_stems(known_names.fold(" ".join(s.text for s in self.en.sentences)))

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

    @property
    def dictionary(self) -> cedict.Dictionary:
        return self.words.zh.dictionary

    @cached_property
    def words(self) -> WordEvidence:
        if self.evidence is not None:
            return self.evidence
        return word_evidence(self.zh, self.en)

    def zh_tokens(self, index: int) -> tuple[ZhToken, ...]:
        return self.words.zh[index]

    def en_tokens(self, index: int) -> tuple[EnToken, ...]:
        return self.words.en[index]

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
        matched = [s for s in by_prefix.get(token.stem[:2], ()) if stems_alike(token.stem, s)]
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
        if token.capitalised and (romanised(token.text, zh_text)
                                  or abbreviated(token.text, zh_text)):
            return True
        if token.capitalised and len(token.text) > 2:
            for run in TRANSLIT_RUN.findall(zh_text):
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
        zh, en = self.words.zh.lengths, self.words.en.lengths
        ratios = sorted(en[b.en[0]] / max(zh[b.zh[0]], 1)
                        for b in self.alignment.beads if len(b.zh) == 1 and len(b.en) == 1)
        return ratios[len(ratios) // 2] if ratios else self.settings.default_length_ratio

    def relative_length(self, bead: Bead) -> float:
        """English length of the bead over what the document's ratio predicts (1.0 = usual)."""
        zh = sum(self.words.zh.lengths[i] for i in bead.zh)
        en = sum(self.words.en.lengths[j] for j in bead.en)
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
        if any(stems_alike(s, e) for s in token.stems for e in by_prefix.get(s[:2], ())):
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
            if romanised(word, token.norm) or (
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
