"""Machine-translation evidence for the findings, when ``--mt`` gave one.

The MT of a Chinese sentence is English, so it can be compared with the English word for word
(stems, numbers), which the dictionary evidence cannot do for paraphrase. Three uses:

- corroborate: an English span reported as added that the MT of its Chinese also has is
  probably said in the Chinese in words the dictionary misses, so it drops to info; a Chinese
  clause reported as dropped whose MT clause the English carries in full drops to info; a
  mismatch (number, name, date) whose English value the MT also has drops from error to
  warning (xcheck more likely misread the Chinese). Every other finding on an aligned bead
  says what the MT showed.
- clauses the MT has and the English lacks are omissions, reported on the Chinese clause the
  MT clause translates (clauses are paired in order, by position and shared words);
- English clauses neither the Chinese (dictionary) nor the MT has are additions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from xcheck.checks import register_pass
from xcheck.checks.content import (
    EN_CLAUSE_BREAKS,
    ZH_CLAUSE_BREAKS,
    neighbour_beads,
    split_clauses,
)
from xcheck.checks.context import Context, EnToken
from xcheck.checks.rules import make_finding
from xcheck.checks.sentences import absorbed_en, absorbed_zh
from xcheck.lexicon.english import stem, stems_alike
from xcheck.lexicon.words import is_content
from xcheck.model import Bead, Category, Finding, FindingType, Severity, Side, Span
from xcheck.resources import en_word_tokenizer

_MT_CLAUSE = re.compile(r"[,;:()\u2014\u2013](?!\d)|\s-\s")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Adverbs an MT adds or drops freely: no evidence of a clause either way.
_WEAK = frozenset(stem(w) for w in "also still even only just already then thus however very "
                  "more most further again currently".split())
# Number words, so that "four" in the English matches "4" in the MT and the other way round.
_NUMBER_WORDS = {w: str(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
# ("first" and "second" are left out: "for the first time", "second-largest" are no numbers.)
_NUMBER_WORDS.update({w: str(k) for k, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()) if k > 2})


@dataclass(frozen=True)
class Words:
    """Content words (stems) and numbers of a stretch of English."""

    stems: tuple[str, ...]
    numbers: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.stems) + len(self.numbers)


def words_of(text: str, names: bool = True) -> Words:
    """Content stems and numbers; ``names=False`` leaves out capitalised words after the
    first (an MT spells 張家豪 Zhang Jiahao where the English has Chang Chia-hao: the names
    check compares names across spellings)."""
    stems: list[str] = []
    for k, (ts, te) in enumerate(en_word_tokenizer().span_tokenize(text)):
        tok = text[ts:te]
        low = tok.lower()
        if not names and k and tok[:1].isupper():
            continue
        if is_content(tok):
            s = stem(low.rstrip("."))
            if s not in stems:
                stems.append(s)
    numbers = [n.replace(",", "") for n in _NUMBER.findall(text)]
    numbers += [_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower())
                if w in _NUMBER_WORDS]
    return Words(tuple(s for s in stems if s not in _NUMBER_WORDS and s not in _WEAK),
                 tuple(dict.fromkeys(numbers)))


def _has(stem_: str, pool: set[str]) -> bool:
    return stem_ in pool or any(stems_alike(stem_, s) for s in pool if s[:2] == stem_[:2])


def missing_from(words: Words, pool: Words) -> list[str]:
    """The words of ``words`` that ``pool`` lacks."""
    stems = set(pool.stems)
    numbers = set(pool.numbers)
    return ([s for s in words.stems if not _has(s, stems)]
            + [n for n in words.numbers if n not in numbers])


# ------------------------------------------------------------------ MT clauses per sentence

def mt_clauses(ctx: Context, index: int) -> list[Span]:
    """The clauses of the MT of Chinese sentence ``index`` (spans into the MT text)."""
    mt = ctx.alignment.mt
    assert mt is not None
    out: list[Span] = []
    for part in mt.parts[index] if index < len(mt.parts) else ():
        start = part.start
        for m in _MT_CLAUSE.finditer(mt.text, part.start, part.end):
            if mt.text[start : m.start()].strip():
                out.append(Span(start, m.start()))
            start = m.end()
        if mt.text[start : part.end].strip():
            out.append(Span(start, part.end))
    return out


def _interval(start: int, end: int, lo: int, total: int) -> tuple[float, float]:
    return ((start - lo) / max(total, 1), (end - lo) / max(total, 1))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    inter = max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def pair_clauses(ctx: Context, index: int) -> list[tuple[Span, list[Span]]]:
    """Each Chinese clause of sentence ``index`` with the MT clauses that translate it
    (computed once per context and sentence)."""
    cache: dict[int, list[tuple[Span, list[Span]]]] = ctx.__dict__.setdefault("_mt_pairs", {})
    if index not in cache:
        cache[index] = _pair_clauses(ctx, index)
    return cache[index]


def _pair_clauses(ctx: Context, index: int) -> list[tuple[Span, list[Span]]]:
    """Each Chinese clause of sentence ``index`` with the MT clauses that translate it.

    A small monotone alignment (1-1, 1-2, 2-1, and clauses left unpaired) scored by relative
    position in the sentence and by the share of the MT clause's words the Chinese clause's
    dictionary senses explain."""
    mt = ctx.alignment.mt
    assert mt is not None
    toks = ctx.zh_tokens(index)
    zh = [Span(toks[c[0]].start, toks[c[-1]].end) for c in split_clauses(toks, ZH_CLAUSE_BREAKS)]
    mc = mt_clauses(ctx, index)
    if not zh or not mc:
        return [(z, []) for z in zh]
    s = ctx.zh.sentences[index]
    zh_pos = [_interval(z.start, z.end, s.start, s.end - s.start) for z in zh]
    lengths = [c.end - c.start for c in mc]
    total = sum(lengths)
    mt_pos, done = [], 0
    for n in lengths:
        mt_pos.append((done / max(total, 1), (done + n) / max(total, 1)))
        done += n
    zh_stems = [set().union(*(t.stems for t in toks if z.start <= t.start < z.end))
                for z in zh]
    mt_words = [words_of(mt.text[c.start : c.end]) for c in mc]

    def score(a0: int, a1: int, b0: int, b1: int) -> float:
        pos = _overlap((zh_pos[a0][0], zh_pos[a1 - 1][1]), (mt_pos[b0][0], mt_pos[b1 - 1][1]))
        stems = set().union(*zh_stems[a0:a1])
        words = [w for k in range(b0, b1) for w in mt_words[k].stems]
        lex = sum(_has(w, stems) for w in words) / max(len(words), 1)
        return pos + lex - ctx.settings.mt_clause_merge_cost * (a1 - a0 + b1 - b0 - 2)

    n, m = len(zh), len(mc)
    best = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for a, b in ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1)):
                if i - a >= 0 and j - b >= 0 and (i - a, j - b) in best:
                    gain = score(i - a, i, j - b, j) if a and b else 0.0
                    options.append((best[(i - a, j - b)][0] + gain, (a, b)))
            if options:
                best[(i, j)] = max(options)
    out: list[tuple[Span, list[Span]]] = []
    i, j = n, m
    groups: list[tuple[list[int], list[int]]] = []
    while (i, j) != (0, 0):
        a, b = best[(i, j)][1]
        groups.append((list(range(i - a, i)), list(range(j - b, j))))
        i, j = i - a, j - b
    for zs, ms in reversed(groups):
        for k in zs:  # a 2-1 group: both Chinese clauses share the MT clause
            out.append((zh[k], [mc[x] for x in ms]))
    return out


# ------------------------------------------------------------------ corroboration

def has_mt(ctx: Context, zh: tuple[int, ...]) -> bool:
    """Every one of these Chinese sentences has a machine translation (a sentence without one
    is no evidence of anything: it is checked on the other evidence alone)."""
    mt = ctx.alignment.mt
    return mt is not None and bool(zh) and all(i < len(mt.parts) and mt.parts[i] for i in zh)


def _mt_words(ctx: Context, zh: tuple[int, ...]) -> Words:
    mt = ctx.alignment.mt
    assert mt is not None
    return words_of(" ".join(mt.for_zh(i) for i in zh))


def _en_words(ctx: Context, en: tuple[int, ...]) -> Words:
    return words_of(" ".join(ctx.en.sentences[j].text for j in en))


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def _with_evidence(f: Finding, note: str, severity: Severity | None = None) -> Finding:
    evidence = f"{f.evidence}; {note}" if f.evidence else note
    return replace(f, evidence=evidence, severity=severity or f.severity)


def _clause_of(pairs: list[tuple[Span, list[Span]]], span: Span) -> list[Span]:
    for zh, mts in pairs:
        if zh.start <= span.start < zh.end or span.start <= zh.start < span.end:
            return mts
    return []


def corroborate(ctx: Context, f: Finding) -> Finding:
    """The finding, re-weighed with the MT of its Chinese sentences (see the module doc)."""
    cs = ctx.settings
    mt = ctx.alignment.mt
    if mt is None or not mt.used or not f.zh.sentences or not f.en.sentences:
        return f
    if not has_mt(ctx, f.zh.sentences):
        return f
    if f.category is Category.ADDITION and f.en.spans:
        text = " ".join(ctx.en.text[s.start : s.end] for s in f.en.spans)
        words = words_of(text)
        mt_text = " ".join(mt.for_zh(i) for i in f.zh.sentences)
        if f.type in (FindingType.DATE_TIME, FindingType.NAME):
            whole = re.search(rf"(?<!\w){re.escape(text.lower())}(?!\w)", mt_text.lower())
            found = whole is not None or (
                words.size > 0 and not missing_from(words, words_of(mt_text)))
        else:
            lacking = missing_from(words, words_of(mt_text))
            found = words.size > 0 and len(lacking) <= (1 - cs.mt_corroborated) * words.size
        if found:
            return _with_evidence(f, f"but the machine translation has {_quote(text)} too, so "
                                     "the Chinese probably says it", Severity.INFO)
        return _with_evidence(f, "the machine translation has no counterpart either")
    if f.category is Category.OMISSION and f.zh.spans and f.type is FindingType.CONTENT:
        pairs = pair_clauses(ctx, f.zh.sentences[0])
        mts = [c for sp in f.zh.spans for c in _clause_of(pairs, sp)]
        if not mts:
            return f
        mt_text = " ".join(mt.text[c.start : c.end] for c in mts)
        words = words_of(mt_text)
        lacking = missing_from(words, _en_words(ctx, f.en.sentences))
        if words.size >= 2 and len(lacking) <= (1 - cs.mt_carried) * words.size:
            return _with_evidence(f, f"but the English carries all of its machine translation "
                                     f"{_quote(mt_text)}", Severity.INFO)
        return _with_evidence(f, f"its machine translation {_quote(mt_text)} is missing from "
                                 "the English too")
    if f.category is Category.OMISSION:
        return _with_evidence(f, "the machine translation of the sentence: "
                                 + _quote(" ".join(mt.for_zh(i) for i in f.zh.sentences)))
    if f.category is Category.MISMATCH and f.en.spans:
        text = " ".join(ctx.en.text[s.start : s.end] for s in f.en.spans)
        words = words_of(text)
        mt_text = " ".join(mt.for_zh(i) for i in f.zh.sentences)
        if words.size and not missing_from(words, words_of(mt_text)):
            # The MT read the Chinese as the English does: more likely xcheck misread it.
            severity = Severity.WARNING if f.severity is Severity.ERROR else f.severity
            return _with_evidence(f, f"but the machine translation also has {_quote(text)}; "
                                     "check how the Chinese reads", severity)
        return _with_evidence(f, f"the machine translation does not have {_quote(text)} "
                                 "either")
    return f


# ------------------------------------------------------------------ new findings

def _en_pool(ctx: Context, beads: list[Bead]) -> Words:
    return _en_words(ctx, tuple(j for b in beads for j in b.en))


def _zh_unsupported(ctx: Context, bead: Bead, span: Span) -> tuple[int, int]:
    """(unsupported, all) dictionary-bearing Chinese words of ``span`` in the bead's English."""
    en_stems = ctx.en_bead_stems(bead)
    en_text = " ".join(ctx.en.sentences[j].text for j in bead.en)
    words = [t for i in bead.zh for t in ctx.zh_tokens(i) if span.start <= t.start < span.end
             and t.content]
    return sum(not ctx.zh_supported(t, bead, en_stems, en_text) for t in words), len(words)


def typical_missing(ctx: Context) -> float:
    """Median share of an MT clause's words missing from its aligned English (per article)."""
    mt = ctx.alignment.mt
    assert mt is not None
    shares: list[float] = []
    for bead in ctx.alignment.beads:
        if not bead.en or not has_mt(ctx, bead.zh):
            continue
        en = _en_pool(ctx, [bead])
        for i in bead.zh:
            for _zh, mts in pair_clauses(ctx, i):
                words = words_of(" ".join(mt.text[c.start : c.end] for c in mts), names=False)
                if words.size >= ctx.settings.mt_min_words:
                    shares.append(len(missing_from(words, en)) / words.size)
    shares.sort()
    return shares[len(shares) // 2] if shares else 0.0


def mt_omissions(ctx: Context, usual: float = 0.0) -> Iterator[Finding]:
    """Chinese clauses whose machine translation the aligned English does not carry, and
    which the dictionary finds no counterpart for either."""
    cs = ctx.settings
    mt = ctx.alignment.mt
    assert mt is not None
    for index, bead in enumerate(ctx.alignment.beads):
        if not bead.en or not has_mt(ctx, bead.zh):
            continue
        en = _en_pool(ctx, [bead])
        near = _en_pool(ctx, neighbour_beads(ctx, index))
        for i in bead.zh:
            for zh, mts in pair_clauses(ctx, i):
                if not mts:
                    continue
                mt_text = " ".join(mt.text[c.start : c.end] for c in mts)
                words = words_of(mt_text, names=False)
                lacking = missing_from(words, en)
                needed = max(cs.mt_missing, usual + cs.mt_margin)
                if len(lacking) < cs.mt_min_omitted or len(lacking) < needed * words.size:
                    continue
                nearly_all = len(lacking) >= cs.mt_nearly_all * words.size
                if words.numbers and not [w for w in lacking if w[0].isdigit()]:
                    continue  # its numbers are all in the English: rendered, reworded
                unsupported, total = _zh_unsupported(ctx, bead, zh)
                if unsupported < cs.mt_dictionary_agrees * total:
                    continue
                # A dropped clause leaves the English short; a paraphrase does not. (Unless
                # nothing of the clause is there by either evidence: a translation that was
                # long before the clause was dropped is not short after.)
                share = (zh.end - zh.start) / max(sum(len(ctx.zh.sentences[k].text)
                                                      for k in bead.zh), 1)
                overwhelming = nearly_all and unsupported >= cs.mt_nearly_all * total
                if ctx.relative_length(bead) > 1 - cs.mt_shorter * share and not overwhelming:
                    continue
                moved = missing_from(Words(tuple(w for w in lacking if not w[0].isdigit()),
                                           tuple(w for w in lacking if w[0].isdigit())), near)
                if len(moved) <= len(lacking) / 2:
                    continue  # the neighbouring English has it: moved by the alignment
                text = ctx.zh.text[zh.start : zh.end]
                yield make_finding(
                    "clause-omitted", severity=Severity.WARNING,  # the MT is the evidence
                    zh=Side((i,), (zh,)), en=Side(bead.en),
                    message=f"the clause \"{text}\" has no counterpart in the English",
                    evidence=f"machine translation {_quote(mt_text)}: {len(lacking)} of its "
                             f"{words.size} words are not in the aligned English; "
                             f"{unsupported} of its {total} Chinese words match nothing there")


def _split_at_links(toks: Sequence[EnToken], clauses: list[list[int]]) -> list[list[int]]:
    """The clauses, and also what follows an "and"/"but" inside one: "... and remains top of
    the scoring chart" may be what the Chinese lacks. (Only the part after the link is added:
    the part before it is a clause cut short, "placed greater weight on economic [and trade
    ties]", and would look unsupported for that alone.)"""
    out: list[list[int]] = []
    for clause in clauses:
        out.append(clause)
        links = [n for n, k in enumerate(clause) if n and toks[k].text.lower() in ("and", "but")]
        out += [clause[n:] for n in links]
    return out


def mt_additions(ctx: Context, usual: float = 0.0) -> Iterator[Finding]:
    """English clauses that neither the Chinese (dictionary) nor its MT has."""
    cs = ctx.settings
    for index, bead in enumerate(ctx.alignment.beads):
        if not bead.en or not has_mt(ctx, bead.zh):
            continue
        pool = _mt_words(ctx, bead.zh)
        near = _mt_words(ctx, tuple(i for b in neighbour_beads(ctx, index) for i in b.zh))
        stems, zh_text = ctx.bead_stems(bead), ctx.zh_text(bead)
        for j in bead.en:
            toks = ctx.en_tokens(j)
            clauses = _split_at_links(toks, split_clauses(toks, EN_CLAUSE_BREAKS))
            if len(clauses) < 2:
                continue
            for clause in clauses:
                first, last = toks[clause[0]], toks[clause[-1]]
                text = ctx.en.text[first.start : last.end]
                words = words_of(text)
                lacking = missing_from(words, pool)
                needed = max(cs.mt_added, usual + cs.mt_margin)
                if len(lacking) < cs.mt_min_words or len(lacking) < needed * words.size:
                    continue
                unsupported = [t for k in clause if (t := toks[k]).content
                               and not ctx.en_supported(t, bead, stems, zh_text)]
                if len(unsupported) < cs.mt_min_words:
                    continue
                if len(missing_from(words_of(" ".join(lacking)), near)) <= len(lacking) / 2:
                    continue
                yield make_finding(
                    "clause-added", severity=Severity.WARNING,  # the MT is the evidence
                    zh=Side(bead.zh),
                    en=Side((j,), (Span(first.start, last.end),)),
                    message=f"the clause \"{text}\" has no counterpart in the Chinese",
                    evidence=f"{len(unsupported)} of its content words match nothing in the "
                             f"aligned Chinese, and {len(lacking)} of {words.size} are not in "
                             "its machine translation")


def mt_absorbed(ctx: Context, usual: float = 0.0) -> Iterator[Finding]:
    """In a bead with several sentences on one side, one that the MT says the other side
    lacks (an English sentence the MT of the Chinese has nothing of, a Chinese sentence
    whose MT the English has nothing of), where the dictionary agrees."""
    cs = ctx.settings
    mt = ctx.alignment.mt
    assert mt is not None
    for bead in ctx.alignment.beads:
        if not bead.en or not has_mt(ctx, bead.zh):
            continue
        if len(bead.en) > 1:
            pool = _mt_words(ctx, bead.zh)
            stems, zh_text = ctx.bead_stems(bead), ctx.zh_text(bead)
            for j in bead.en:
                s = ctx.en.sentences[j]
                words = words_of(s.text, names=False)
                lacking = missing_from(words, pool)
                content = [t for t in ctx.en_tokens(j) if t.content]
                supported = sum(ctx.en_supported(t, bead, stems, zh_text) for t in content)
                if (words.size >= cs.mt_min_sentence_words
                        and len(lacking)
                        >= max(cs.mt_sentence_missing, usual + cs.mt_margin) * words.size
                        and supported <= cs.mt_dictionary_agrees * len(content)):
                    yield absorbed_en(ctx, bead, j,
                                      f"{len(lacking)} of its {words.size} words are not in "
                                      f"the machine translation of the Chinese; {supported} "
                                      f"of {len(content)} content words match the Chinese")
        if len(bead.zh) > 1:
            en = _en_words(ctx, bead.en)
            for i in bead.zh:
                s = ctx.zh.sentences[i]
                words = words_of(mt.for_zh(i), names=False)
                lacking = missing_from(words, en)
                unsupported, total = _zh_unsupported(ctx, bead, Span(s.start, s.end))
                if (words.size >= cs.mt_min_sentence_words
                        and len(lacking)
                        >= max(cs.mt_sentence_missing, usual + cs.mt_margin) * words.size
                        and unsupported >= cs.mt_dictionary_agrees * total):
                    yield absorbed_zh(ctx, bead, i,
                                      f"{len(lacking)} of the {words.size} words of its "
                                      f"machine translation {_quote(mt.for_zh(i))} are not in "
                                      f"the English; {unsupported} of its {total} words "
                                      "match nothing there")


def _overlaps(a: Finding, b: Finding) -> bool:
    for mine, theirs in ((a.zh.spans, b.zh.spans), (a.en.spans, b.en.spans)):
        if any(x.start < y.end and y.start < x.end for x in mine for y in theirs):
            return True
    return False


@register_pass("mt")
def apply_mt(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """The checks' findings re-weighed with the MT, plus the clauses only the MT reveals."""
    mt = ctx.alignment.mt
    if mt is None or not mt.used:
        return findings
    out = [corroborate(ctx, f) for f in findings]
    usual = typical_missing(ctx)
    for new in (*mt_absorbed(ctx, usual), *mt_omissions(ctx, usual),
                *mt_additions(ctx, usual)):
        same = [k for k, f in enumerate(out) if f.category is new.category
                and f.type is new.type and _overlaps(f, new)]
        if not same:
            out.append(new)
        elif all(out[k].severity is Severity.INFO for k in same):
            for k in same:  # the MT settles what the dictionary alone left at info
                out[k] = _with_evidence(out[k], new.evidence, Severity.WARNING)
    return _reworded(ctx, out)


def _reworded(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """A Chinese clause the English lacks and an English clause the Chinese lacks, in the same
    sentences, are one clause worded differently rather than a drop and an addition."""
    def content(f: Finding, category: Category) -> bool:
        return (f.category is category and f.type is FindingType.CONTENT
                and f.severity is Severity.WARNING)

    out = list(findings)
    for a, fa in enumerate(findings):
        if not content(fa, Category.OMISSION):
            continue
        for b, fb in enumerate(findings):
            if (content(fb, Category.ADDITION) and set(fa.zh.sentences) & set(fb.zh.sentences)
                    and set(fa.en.sentences) & set(fb.en.sentences)):
                note = "the same sentences have English the Chinese lacks and Chinese the " \
                       "English lacks: probably reworded"
                out[a] = _with_evidence(fa, note, Severity.INFO)
                out[b] = _with_evidence(fb, note, Severity.INFO)
    return out
