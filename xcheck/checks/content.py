"""Clauses on one side without support on the other (word-level alignment inside a bead)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from xcheck.checks import register
from xcheck.checks.context import Context, EnToken, ZhToken
from xcheck.checks.rules import make_finding
from xcheck.lexicon.english import IRREGULAR
from xcheck.lexicon.numbers import en_numbers, zh_numbers
from xcheck.model import Bead, Finding, Severity, Side, Span

EN_CLAUSE_BREAKS = frozenset(",;:()[]—–")
ZH_CLAUSE_BREAKS = frozenset("，,、；;：:（）()—。！？!?")


def split_clauses(tokens: Sequence[EnToken | ZhToken], breaks: frozenset[str]) -> list[list[int]]:
    """Token index lists of the punctuation-delimited clauses of a sentence."""
    out: list[list[int]] = [[]]
    for k, t in enumerate(tokens):
        between_digits = (0 < k < len(tokens) - 1 and tokens[k - 1].text[-1:].isdigit()
                          and tokens[k + 1].text[:1].isdigit())
        if t.text in breaks and not between_digits:
            out.append([])
        else:
            out[-1].append(k)
    return [c for c in out if c]


# Words that open a coordinate or subordinate clause.
_LINKS = frozenset("and but while whereas which who where with including although though "
                   "because as so".split())


def _en_lost_numbers(ctx: Context, bead: Bead, j: int) -> list[tuple[int, int]]:
    """Spans of the numbers of English sentence ``j`` worth a word that the aligned Chinese
    does not state, and that no unmatched Chinese number of that size may be (a mismatch)."""
    cs = ctx.settings
    s = ctx.en.sentences[j]
    scale = cs.number_scale
    zh_values = [n.value for i in bead.zh for n in zh_numbers(
        ctx.zh.norm_text[ctx.zh.sentences[i].start : ctx.zh.sentences[i].end])]
    en_values = _en_values(ctx, bead)
    zh_unmatched = [v for v in zh_values if v > 0 and not _has_value(v, en_values)]
    out: list[tuple[int, int]] = []
    for n in en_numbers(s.text):
        text = s.text[n.start : n.end]
        if n.start > 0 and s.text[n.start - 1].isalpha():
            continue  # G7, COVID-19
        if not (n.percent or (any(c.isdigit() for c in text)
                                   and n.value >= cs.strong_number)):
            continue
        if _has_value(n.value, zh_values) or any(
                n.value > 0 and 1 / scale <= v / n.value <= scale for v in zh_unmatched):
            continue
        out.append((s.start + n.start, s.start + n.end))
    return out


_AUXILIARIES = frozenset("would will could can should may might must did does do has have had "
                         "was were is are remains remained became become that then also "
                         "said says".split())


def _verb_like(word: str) -> bool:
    low = word.lower()
    return low in _AUXILIARIES or (len(low) > 4 and low.endswith("ed")) or (
        low in IRREGULAR and IRREGULAR[low] != low)


def _en_clauses(toks: Sequence[EnToken]) -> list[tuple[list[int], bool]]:
    """Clauses between punctuation, and also before "and"/"but" opening a new predicate
    ("... and would deploy troops", "... and struck out seven"), not a noun ("search and
    rescue"); with whether the clause came of such a split."""
    out: list[tuple[list[int], bool]] = []
    for clause in split_clauses(toks, EN_CLAUSE_BREAKS):
        pieces: list[list[int]] = [[]]
        for n, k in enumerate(clause):
            nxt = clause[n + 1] if n + 1 < len(clause) else None
            if pieces[-1] and toks[k].text.lower() in ("and", "but") and nxt is not None \
                    and _verb_like(toks[nxt].text):
                pieces.append([])
            pieces[-1].append(k)
        out.extend((piece, len(pieces) > 1) for piece in pieces)
    return out


def _en_clause_findings(ctx: Context, bead: Bead, j: int,
                        supported: list[bool], near: list[Bead]) -> list[tuple[Finding, set[int]]]:
    cs = ctx.settings
    toks = ctx.en_tokens(j)
    bead_zh = bead.zh
    en_length = sum(len(ctx.en.sentences[k].text) for k in bead.en)
    clauses = _en_clauses(toks)
    out: list[tuple[Finding, set[int]]] = []
    if len(clauses) < 2:
        return out  # the whole sentence: the sentence checks' business
    numbers = _en_lost_numbers(ctx, bead, j)
    for clause, split in clauses:
        # A number the Chinese does not state is an unmatched word, and evidence enough.
        lost = {k for k in clause for a, b in numbers if toks[k].start < b and a < toks[k].end}
        content = [k for k in clause if toks[k].content or k in lost]
        missing = [k for k in content if k in lost or not supported[k]]
        # Two words are enough when nothing of a subordinate or coordinate clause matches
        # (", but people should not stockpile them") and the English is long by it (below).
        linked = toks[clause[0]].text.lower() in _LINKS
        needed = 2 if lost or (linked and len(missing) == len(content)) else cs.min_content_words
        words = [k for k in clause if toks[k].text[0].isalnum()]
        first, last = toks[words[0] if words else clause[0]], toks[words[-1] if words else
                                                                   clause[-1]]
        share = (last.end - first.start) / max(en_length, 1)
        relative = ctx.relative_length(bead)
        # A number the Chinese lacks, in a clause the English is long by: the clause is added
        # however many of its other words a noisy dictionary links ("up 6.2 percentage
        # points from the previous week": "week", "points" found elsewhere in the Chinese).
        numbered = bool(lost) and relative >= 1 + cs.length_evidence * share
        # A clause split off at "and" needs more of its words unmatched, unless the Chinese
        # has fewer unmatched words than it (nothing there it could paraphrase).
        strict = split and (len(missing) < cs.min_content_words
                            or zh_unmatched(ctx, bead)[1] >= len(missing))
        if not numbered and (len(missing) < needed or len(missing) < (
                cs.split_clause_unsupported if strict else cs.clause_unsupported) * len(content)):
            continue
        # (Of two words, one common word found next door proves nothing.)
        moved = cs.moved_share * len(missing) if len(missing) > 2 else len(missing)
        if any(sum(ctx.en_supported(toks[k], b) for k in missing if k not in lost) >= moved
               for b in near if b.zh):
            continue  # the neighbouring Chinese has it: moved by the alignment, not added
        # An added clause makes the English long; a paraphrase does not. (Less of it when
        # nothing of the clause matches in a 1-1 bead: the words say it as well. In a
        # larger bead a clause is too small a part of the length. The Chinese side's
        # unmatched words are no counter-evidence here: dictionary gaps (截至 "as of",
        # 下午 "p.m.") make them too many.)
        evidence = cs.all_missing_length_evidence if len(missing) == len(content) and len(
            bead.zh) == len(bead.en) == 1 else cs.length_evidence
        if relative < 1 + evidence * share and not lost:
            continue
        text = ctx.en.text[first.start : last.end]
        out.append((make_finding(
            "clause-added",
            zh=Side(bead_zh), en=Side((j,), (Span(first.start,
                                                                           last.end),)),
            message=f"the clause \"{text}\" has no counterpart in the Chinese",
            evidence=f"{len(missing)} of its {len(content)} content words match nothing in the "
                     "aligned Chinese",
        ), set(clause)))
    return out


# An appositive or relative clause describing someone: ", a former prosecutor,", ", who took
# office in 2024,", "... and a former judge". Structure is evidence enough for two words.
# A noun phrase must follow a name (", the game drew ..." after "the organizers" is a main
# clause); "who" after a comma opens a description whatever precedes it.
_APPOSITIVE = re.compile(r"(?:\b[A-Z][\w’'-]*, |\band )(?P<np>(?:a|an|the)\s[^,.;:!?“”\"()]+)"
                         r"|(?<=\w), (?P<rel>(?:who|whose)\s[^,.;:!?“”\"()]+)")


def _appositive_findings(ctx: Context, bead: Bead, j: int, supported: list[bool],
                         covered: set[int]) -> list[tuple[Finding, set[int]]]:
    cs = ctx.settings
    s = ctx.en.sentences[j]
    toks = ctx.en_tokens(j)
    out: list[tuple[Finding, set[int]]] = []
    for m in _APPOSITIVE.finditer(s.text):
        group = "np" if m.group("np") else "rel"
        start, end = s.start + m.start(group), s.start + m.end(group)
        inside = [k for k, t in enumerate(toks) if start <= t.start and t.end <= end]
        if not inside or covered & set(inside):
            continue
        content = [k for k in inside if toks[k].content]
        missing = [k for k in content if not supported[k]]
        if len(missing) < cs.appositive_words \
                or len(missing) < cs.clause_unsupported * len(content):
            continue
        first, last = toks[inside[0]], toks[inside[-1]]
        text = ctx.en.text[first.start : last.end]
        out.append((make_finding(
            "clause-added",
            zh=Side(bead.zh),
            en=Side((j,), (Span(first.start, last.end),)),
            message=f"the description \"{text}\" has no counterpart in the Chinese",
            evidence=f"{len(missing)} of its {len(content)} content words match nothing in the "
                     "aligned Chinese",
        ), set(inside)))
    return out


def neighbour_beads(ctx: Context, index: int) -> list[Bead]:
    """The beads just before and after: a clause found there was moved, not dropped."""
    beads = ctx.alignment.beads
    return [beads[k] for k in (index - 1, index + 1) if 0 <= k < len(beads)]


def _carries(ctx: Context, bead: Bead, zh_chars: int) -> bool:
    """Could the English of ``bead`` carry ``zh_chars`` more Chinese characters than its own
    Chinese? A clause moved there by the translator makes it long by about that much."""
    own = sum(len(ctx.zh.sentences[i].text) for i in bead.zh)
    return not own or ctx.relative_length(bead) >= 1 + ctx.settings.length_evidence * zh_chars / own


def _explains(ctx: Context, clause: list[ZhToken], bead: Bead) -> bool:
    stems: set[str] = set()
    for t in clause:
        stems |= t.stems
    text = "".join(t.norm for t in clause)
    content = [t for j in bead.en for t in ctx.en_tokens(j) if t.content]
    return bool(content) and sum(ctx.en_supported(t, bead, stems, text) for t in content) \
        >= ctx.settings.moved_explains * len(content)


def _multiples(ctx: Context, i: int) -> set[tuple[int, int]]:
    """(start, end) of the multiples (1.5倍) of Chinese sentence ``i``."""
    s = ctx.zh.sentences[i]
    return {(s.start + n.start, s.start + n.end)
            for n in zh_numbers(ctx.zh.norm_text[s.start : s.end]) if n.times}


def _strong_numbers(ctx: Context, i: int) -> list[tuple[int, int, float]]:
    """(start, end, value) of the numbers of Chinese sentence ``i`` worth a word: not a one
    or a two an ordinary word can carry."""
    s = ctx.zh.sentences[i]
    norm = ctx.zh.norm_text[s.start : s.end]
    return [(s.start + n.start, s.start + n.end, n.value) for n in zh_numbers(norm)
            if (n.percent or n.value >= ctx.settings.strong_number or n.value != int(n.value))
            and not (n.start > 0 and norm[n.start - 1].isascii()
                     and norm[n.start - 1].isalpha())]  # G7, H3N2: names


def _has_value(value: float, values: list[float]) -> bool:
    return any(abs(value - v) <= 1e-9 * max(abs(v), 1.0) for v in values)


def _en_values(ctx: Context, bead: Bead) -> list[float]:
    return [n.value for j in bead.en for n in en_numbers(ctx.en.sentences[j].text)]


def _moved_number(ctx: Context, i: int, token: ZhToken, values: list[float]) -> bool:
    """Does a neighbouring English sentence state this token's number?"""
    return any(_has_value(v, values) for a, b, v in _strong_numbers(ctx, i)
               if token.start < b and a < token.end)


def _en_unmatched(ctx: Context, bead: Bead) -> int:
    """The number of English content words of the bead without a counterpart."""
    return sum(not ctx.en_supported(t, bead) for j in bead.en for t in ctx.en_tokens(j)
               if t.content)


def _single_support(ctx: Context, token: ZhToken, bead: Bead, stems: set[str],
                    text: str) -> bool:
    """zh_supported against one English word, memoised per context (beads and clauses ask
    the same pairs again; the answer depends on the words only)."""
    cache: dict[tuple[str, frozenset[str], str, str], bool] = ctx.__dict__.setdefault(
        "_single_support", {})
    key = (token.norm, token.stems, next(iter(stems)), text)
    if key not in cache:
        cache[key] = ctx.zh_supported(token, bead, stems, text)
    return cache[key]


def _competing_support(ctx: Context, bead: Bead, en_stems: set[str],
                       en_text: str) -> set[tuple[int, int]]:
    """(sentence, token) of the bead's Chinese content words the English does not support,
    each English word supporting one Chinese word only.

    Word-by-word, one English word can vouch for several Chinese words: "drugs" for both 药物
    and 囤药, "international" for both 國際 of 參與國際組織 and of 國際民航組織. A dropped
    clause then seems supported by words that translate another clause. Here the Chinese
    words take their English words in turn, dictionary words before words matched by a
    part (囤药 by 药), the words with fewest candidates first, then in order. A word whose
    candidates are all taken is unsupported when it was matched by a part only, or when
    the same word took them (the English says it once); two different dictionary words
    sharing a gloss (检方, 提起公诉 ~ "prosecutors") both keep it. Words supported by no
    single English word (a number, a phrase of the glossary) keep the bead-level answer.
    """
    en_words = [(t.stem, t.text) for j in bead.en for t in ctx.en_tokens(j) if t.content]
    singles = [{st} for st, _text in en_words]  # one set per word: the context caches by set
    out: set[tuple[int, int]] = set()
    claims: list[tuple[bool, int, int, int, list[int]]] = []
    for i in bead.zh:
        for k, t in enumerate(ctx.zh_tokens(i)):
            if not t.content:
                continue
            if not ctx.zh_supported(t, bead, en_stems, en_text):
                out.add((i, k))
                continue
            # (Words with the same stem first: the full test is slow.)
            candidates = [n for n, (st, _text) in enumerate(en_words) if st in t.stems] or [
                n for n, (st, text) in enumerate(en_words)
                if _single_support(ctx, t, bead, singles[n], text)]
            if candidates:
                claims.append((t.norm not in ctx.dictionary, len(candidates), i, k, candidates))
    taken: dict[int, str] = {}  # English word -> the Chinese word it supports
    for part, _n, i, k, candidates in sorted(claims, key=lambda c: c[:4]):
        free = [n for n in candidates if n not in taken]
        norm = ctx.zh_tokens(i)[k].norm
        if free:
            taken[free[0]] = norm
        elif part or all(taken[n] == norm for n in candidates):
            out.add((i, k))
    return out


@register("clauses-omitted")
def omitted_clauses(ctx: Context) -> Iterator[Finding]:
    """Chinese clauses whose content the aligned English (or its neighbours) does not carry."""
    cs = ctx.settings
    for index, bead in enumerate(ctx.alignment.beads):
        if not bead.zh or not bead.en:
            continue
        en_stems = ctx.en_bead_stems(bead)
        en_text = " ".join(ctx.en.sentences[j].text for j in bead.en)
        near = [(b, ctx.en_bead_stems(b), " ".join(ctx.en.sentences[j].text for j in b.en))
                for b in neighbour_beads(ctx, index) if b.en]
        zh_length = sum(len(ctx.zh.sentences[i].text) for i in bead.zh)
        en_values = _en_values(ctx, bead)
        near_values = [_en_values(ctx, b) for b, _st, _tx in near]
        zh_values = [n.value for i in bead.zh for n in zh_numbers(
            ctx.zh.norm_text[ctx.zh.sentences[i].start : ctx.zh.sentences[i].end])]
        en_unmatched = [e for e in en_values if e > 0 and not _has_value(e, zh_values)]
        unsupported = _competing_support(ctx, bead, en_stems, en_text)
        scale = cs.number_scale
        for i in bead.zh:
            toks = ctx.zh_tokens(i)
            clauses = split_clauses(toks, ZH_CLAUSE_BREAKS)
            if len(clauses) < 2:
                continue
            numbers = _strong_numbers(ctx, i)
            multiples = _multiples(ctx, i)
            for clause in clauses:
                first, last = toks[clause[0]], toks[clause[-1]]
                inside = [(a, b, v) for a, b, v in numbers if first.start <= a and b <= last.end]
                # A number the English states anchors the clause, however its words are
                # paraphrased (4萬1,235名觀眾 ~ "a crowd of 41,235").
                # (1.5倍 may be "150%", or a rise of 1.5倍 "up 50%".)
                if any(_has_value(v, en_values) or ((a, b) in multiples and (
                        _has_value(v * 100, en_values) or _has_value((v - 1) * 100, en_values)))
                       for a, b, v in inside):
                    continue
                # A number it does not state is a word the English lacks (the numbers check
                # reports the number; this reports the clause around it), unless the English
                # has a number of that size the Chinese lacks: a mismatch, not an omission.
                lost = {k for k in clause for a, b, v in inside
                        if toks[k].start < b and a < toks[k].end
                        and not any(v > 0 and 1 / scale <= e / v <= scale
                                    for e in en_unmatched)}
                content = [k for k in clause if k in lost or toks[k].content]
                missing = [k for k in content if k in lost or (i, k) in unsupported]
                # A dropped clause leaves the English short; a paraphrase does not. When the
                # English is short by the whole clause, a two-word clause is enough.
                share = (last.end - first.start) / max(zh_length, 1)
                relative = ctx.relative_length(bead)
                # A number the English lacks is evidence enough, whatever the length.
                if relative > 1 - cs.length_evidence * share and not lost and not (
                        # (less of it when nothing of the clause matches and the English
                        # has fewer unmatched words that could be its paraphrase)
                        len(missing) == len(content) >= cs.min_content_words
                        and len(bead.zh) == len(bead.en) == 1
                        and relative <= 1 - cs.all_missing_length_evidence * share
                        and _en_unmatched(ctx, bead) < len(missing)) and not (
                        # Words alone: a clause of many unmatched words in a bead whose
                        # English is not long and is accounted for, all but a few words.
                        len(missing) >= cs.lexical_clause_words and relative <= 1
                        and len(missing) >= cs.clause_unsupported * len(content)
                        and _en_unmatched(ctx, bead) * 2 <= len(missing)):
                    continue
                needed = 2 if relative <= 1 - share or lost else cs.min_content_words
                # Half the clause unmatched is enough when the English is short by all of it
                # and has (next to) nothing unmatched itself: no paraphrase is there.
                short = relative <= 1 - share and len(missing) >= cs.min_content_words \
                    and _en_unmatched(ctx, bead) * 2 <= len(missing)
                # A number the English lacks, in a clause the English is short by: the clause
                # is dropped however many of its other words a noisy dictionary links
                # (送出7次三振: 三振 finds "three" of 3支安打).
                numbered = bool(lost) and relative <= 1 - cs.length_evidence * share
                if not numbered and (len(missing) < needed or len(missing) < (
                        cs.number_clause_unsupported if lost or short else cs.clause_unsupported
                ) * len(content)):
                    continue
                if any(sum(_moved_number(ctx, i, toks[k], values) if k in lost else
                           ctx.zh_supported(toks[k], b, st, tx) for k in missing)
                       >= cs.moved_share * len(missing) and (
                           len(missing) < cs.moved_length_words
                           or _carries(ctx, b, last.end - first.start)
                           or _explains(ctx, [toks[k] for k in clause], b))
                       for (b, st, tx), values in zip(near, near_values, strict=True)):
                    continue
                text = ctx.zh.text[first.start : last.end]
                yield make_finding(
                    "clause-omitted",
                    zh=Side((i,), (Span(first.start, last.end),)), en=Side(bead.en),
                    message=f"the clause \"{text}\" has no counterpart in the English",
                    evidence=f"{len(missing)} of its {len(content)} words match nothing in the "
                             "aligned English",
                )


def _unsupported_runs(ctx: Context, j: int, supported: list[bool]) -> list[list[EnToken]]:
    """Runs of unsupported content words. Function words, and one supported word, may sit
    inside a run: a lone dictionary hit does not split an added clause."""
    toks = ctx.en_tokens(j)
    runs: list[tuple[list[EnToken], int]] = []
    cur: list[EnToken] = []
    missing = 0
    bridge: list[EnToken] = []
    bridged = False
    for t, ok in zip(toks, supported, strict=True):
        inner = not t.content and (t.text[0].isalnum() or t.text in "-'’")
        if t.content and not ok:
            cur += [*bridge, t]
            bridge = []
            missing += 1
        elif cur and (inner or (t.content and not bridged)):
            bridged = bridged or t.content
            bridge.append(t)
        elif cur:
            runs.append((cur, missing))
            cur, bridge, missing, bridged = [], [], 0, False
    if cur:
        runs.append((cur, missing))
    return [r for r, n in runs if n >= ctx.settings.min_content_words]


def zh_unmatched(ctx: Context, bead: Bead) -> tuple[float, int]:
    """Share of the bead's Chinese (in characters) in content words the English lacks, and
    the number of those words."""
    total = sum(len(ctx.zh.sentences[i].text) for i in bead.zh)
    missing = [t for i in bead.zh for t in ctx.zh_tokens(i)
               if t.content and not ctx.zh_supported(t, bead)]
    return sum(len(t.text) for t in missing) / max(total, 1), len(missing)


def _names_absent_place(run: list[EnToken], zh_text: str) -> bool:
    """A whole capitalised name in the run is a place xcheck knows whose Chinese forms the
    aligned Chinese does not have."""
    from xcheck.lexicon.known_names import known_place_absent

    groups: list[list[EnToken]] = [[]]
    for t in run:
        if t.capitalised and t.text[:1].isalpha():
            groups[-1].append(t)
        elif groups[-1]:
            groups.append([])
    return any(known_place_absent(" ".join(t.text for t in g), zh_text) for g in groups if g)


@register("content")
def added_content(ctx: Context) -> Iterator[Finding]:
    cs = ctx.settings
    for index, bead in enumerate(ctx.alignment.beads):
        if not bead.zh or not bead.en:
            continue
        stems = ctx.bead_stems(bead)
        zh_text = ctx.zh_text(bead)
        unmatched: tuple[float, int] | None = None
        en_length = sum(len(ctx.en.sentences[k].text) for k in bead.en)
        claimed = 0  # characters of the English that findings already report as added
        for j in bead.en:
            toks = ctx.en_tokens(j)
            supported = [not t.content or ctx.en_supported(t, bead, stems, zh_text)
                         for t in toks]
            covered: set[int] = set()
            near = neighbour_beads(ctx, index)
            unreported: set[int] = set()
            for _finding, clause in _en_clause_findings(ctx, bead, j, supported, near):
                # Reported only where the machine translation (the mt pass) gives evidence:
                # a clause the dictionary cannot link is free translation's normal state. Its
                # words are no run of their own either; a description inside it still is.
                unreported |= clause
            for finding, clause in _appositive_findings(ctx, bead, j, supported, covered):
                covered |= clause
                claimed += sum(s.end - s.start for s in finding.en.spans)
                yield finding
            covered |= unreported
            for run in _unsupported_runs(ctx, j, supported):
                if any(toks.index(t) in covered for t in run):
                    continue
                missing = {t.start for t, ok in zip(toks, supported, strict=True) if not ok}
                words = [t.text for t in run if t.content and t.start in missing]
                # An unsupported name or place inside the clause makes it worth a warning.
                named = any(t.capitalised and t.start > ctx.en.sentences[j].start
                            and t.start in missing for t in run)
                text = ctx.en.text[run[0].start : run[-1].end]
                # ... and only when the English is longer than usual, as an addition makes it.
                share = len(text) / max(sum(len(ctx.en.sentences[k].text) for k in bead.en), 1)
                # (or when the run is a large share of the sentence: a rewritten clause).
                named = named and (ctx.relative_length(bead) >= 1 + cs.length_evidence * share
                                   or (len(words) >= cs.run_rewritten_words
                                       and share >= cs.run_rewritten_share))
                # (The length of an added description, set off as one, is no evidence for
                # this run: the description accounts for it.)
                rest = ctx.relative_length(bead) * (en_length - claimed) / max(en_length, 1)
                long = rest >= 1 + cs.run_excess * share
                if long:
                    if unmatched is None:
                        unmatched = zh_unmatched(ctx, bead)
                    long = unmatched[0] <= cs.run_zh_unmatched and unmatched[1] < len(words)
                if len(words) < cs.run_warning_words or not (named or long):
                    continue  # words the dictionary does not link: free translation's normal
                # Evidence of an addition: a rewritten clause built on a place the Chinese
                # sentence does not name ("the choice of a Middle East envoy"); weaker, an
                # English longer than usual by the run, with (next to) nothing unmatched in the
                # Chinese to paraphrase it. An unmatched name alone is only the dictionary not
                # knowing it.
                placed = named and len(words) >= cs.run_rewritten_words and \
                    _names_absent_place(run, zh_text)
                if not (long or placed):
                    continue
                # Judged on real translations, a long English alone was wrong nine times in
                # ten (a paraphrase, an expanded abbreviation): an info; a known place the
                # Chinese sentence lacks is specific enough for a warning.
                yield make_finding(
                    "content-added", severity=Severity.WARNING if placed else Severity.INFO,
                    zh=Side(bead.zh), en=Side((j,), (Span(run[0].start, run[-1].end),)),
                    message=f"\"{text}\" has no counterpart in the Chinese",
                    evidence=f"none of {', '.join(repr(w) for w in words[:6])} matches a "
                             "word of the aligned Chinese",
                )
