"""Sentence-pair similarity in a band, and the per-bead score built from it.

``P[i, j]`` is the weighted evidence shared by zh sentence i and en sentence j: the idf
weight of every Chinese unit with a translation in the English sentence plus that of every
English unit that some Chinese unit translates. A bead's evidence is the sum of ``P`` over
its block (so any bead's score comes from prefix sums), normalised by the bead's total
weight, after subtracting what random sentences would share (a sentence that resembles
everything earns no credit).
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from xcheck.lexicon.evidence import Evidence
from xcheck.settings import AlignSettings


class PairScorer:
    def __init__(self, ev: Evidence) -> None:
        self.ev = ev
        self.en_sets = [frozenset(s.units) for s in ev.en]
        self.zh_cover: list[dict[int, list[int]]] = []
        self.zh_union: list[frozenset[int]] = []
        for s in ev.zh:
            cover: dict[int, list[int]] = {}
            for u in s.units:
                for e in ev.translations.get(u, ()):
                    cover.setdefault(e, []).append(u)
            self.zh_cover.append(cover)
            self.zh_union.append(frozenset(cover))
        # Copies of one sentence (same evidence units) score alike: with runs of repeated
        # sentences, each distinct (zh, en) pair is scored once.
        zh_first = _first_copies([tuple(s.units) for s in ev.zh])
        en_first = _first_copies([tuple(s.units) for s in ev.en])
        if zh_first is not None or en_first is not None:
            self._zh_first = zh_first or list(range(len(ev.zh)))
            self._en_first = en_first or list(range(len(ev.en)))
            self._memo: dict[tuple[int, int], float] = {}
            self.pair = self._pair_of_copies  # type: ignore[method-assign]

    def _pair_of_copies(self, i: int, j: int) -> float:
        key = (self._zh_first[i], self._en_first[j])
        score = self._memo.get(key)
        if score is None:
            score = self._memo[key] = self._pair(*key)
        return score

    def pair(self, i: int, j: int) -> float:
        return self._pair(i, j)

    def _pair(self, i: int, j: int) -> float:
        inter = self.zh_union[i] & self.en_sets[j]
        if not inter:
            return 0.0
        we = self.ev.en_weight
        wz = self.ev.zh_weight
        cover = self.zh_cover[i]
        total = 0.0
        matched: set[int] = set()
        for e in inter:
            total += we[e]
            matched.update(cover[e])
        return total + sum(map(wz.__getitem__, matched))


def _first_copies(keys: list[tuple[int, ...]]) -> list[int] | None:
    """Each sentence's first copy (by its evidence units), or None when none repeats."""
    first: dict[tuple[int, ...], int] = {}
    out = [first.setdefault(k, i) for i, k in enumerate(keys)]
    return out if len(first) < len(keys) else None


@dataclass
class BandMatrix:
    """Rows of P over a fixed-width window of en sentences each, as row prefix sums.

    ``prefix[r, k]`` is the sum of ``P[r, offsets[r] : offsets[r] + k]`` (rows shorter than
    the window are padded with zeros, so the prefix stays flat past their end).
    """

    offsets: np.ndarray  # (n,) first en index of row r's window
    prefix: np.ndarray  # (n, width + 1)

    @property
    def width(self) -> int:
        return int(self.prefix.shape[1]) - 1

    def rows_sum(self, rows: np.ndarray, j_start: np.ndarray, j_end: np.ndarray) -> np.ndarray:
        """Per element: sum of P over row ``rows`` and en columns [j_start, j_end).

        ``rows`` broadcasts against the column arrays (e.g. shape (R, 1) with (R, K)).
        """
        off = self.offsets[rows]
        w = self.width
        # minimum/maximum rather than np.clip: the same integers, without clip's Python-level
        # overhead on the DP's thousands of small calls.
        hi = np.minimum(np.maximum(j_end - off, 0), w)
        lo = np.minimum(np.maximum(j_start - off, 0), w)
        out: np.ndarray = self.prefix[rows, hi] - self.prefix[rows, lo]
        return out

    def block(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Sum of P over zh rows i0..i1-1 and en columns [j0, j1)."""
        rows = np.arange(i0, i1)
        return float(self.rows_sum(rows, np.full(len(rows), j0), np.full(len(rows), j1)).sum())


def band_matrix(scorer: PairScorer, lo: np.ndarray, hi: np.ndarray, max_side: int) -> BandMatrix:
    """P over every cell a bead inside the band can cover."""
    n = len(scorer.ev.zh)
    m = len(scorer.ev.en)
    starts = np.zeros(n, dtype=np.int64)
    ends = np.zeros(n, dtype=np.int64)
    for r in range(n):
        # Row r is in beads ending at zh boundary r+1..r+max_side, whose en spans start at or
        # after lo[r+1] - max_side and end at or before hi[r + max_side].
        starts[r] = max(0, int(lo[r + 1]) - max_side)
        ends[r] = min(m, int(hi[min(n, r + max_side)]))
    width = int((ends - starts).max()) if n else 0
    prefix = np.zeros((n, width + 1))
    pair = scorer.pair
    for r in range(n):
        a, b = int(starts[r]), int(ends[r])
        row = np.fromiter((pair(r, j) for j in range(a, b)), dtype=float, count=b - a)
        np.cumsum(row, out=prefix[r, 1 : b - a + 1])
        prefix[r, b - a + 1 :] = prefix[r, b - a]
    return BandMatrix(starts, prefix)


def distinct(keys: Sequence[Hashable] | None, count: int) -> list[int] | None:
    """One index per distinct key (the first), or None when every key is distinct (or no
    keys were given): sampling then draws from all ``count`` sentences, as it always did."""
    if keys is None:
        return None
    first = list({k: i for i, k in reversed(list(enumerate(keys)))}.values())
    return sorted(first) if len(first) < count else None


def random_baselines(scorer: PairScorer, samples: int, seed: int = 13,
                     zh_keys: Sequence[Hashable] | None = None,
                     en_keys: Sequence[Hashable] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Mean P of each zh sentence with random en sentences, and of each en with random zh.

    A side that repeats sentences (``*_keys``, the texts, say which are copies) is sampled by
    distinct text, so copies of one sentence's translation do not pass for chance; a side of
    one distinct text gives no estimate of chance at all, and the baseline is 0."""
    rng = random.Random(seed)
    n = len(scorer.ev.zh)
    m = len(scorer.ev.en)
    r = np.zeros(n)
    c = np.zeros(m)
    if n == 0 or m == 0:
        return r, c
    en_pool, zh_pool = distinct(en_keys, m), distinct(zh_keys, n)
    if en_pool is None:
        k = min(samples, m)
        for i in range(n):
            r[i] = sum(scorer.pair(i, rng.randrange(m)) for _ in range(k)) / k
    elif len(en_pool) > 1:
        k = min(samples, len(en_pool))
        for i in range(n):
            r[i] = sum(scorer.pair(i, rng.choice(en_pool)) for _ in range(k)) / k
    if zh_pool is None:
        k = min(samples, n)
        for j in range(m):
            c[j] = sum(scorer.pair(rng.randrange(n), j) for _ in range(k)) / k
    elif len(zh_pool) > 1:
        k = min(samples, len(zh_pool))
        for j in range(m):
            c[j] = sum(scorer.pair(rng.choice(zh_pool), j) for _ in range(k)) / k
    return r, c


def sentence_weights(ev: Evidence) -> tuple[np.ndarray, np.ndarray]:
    wz = np.array([sum(ev.zh_weight[u] for u in s.units) for s in ev.zh], dtype=float)
    we = np.array([sum(ev.en_weight[u] for u in s.units) for s in ev.en], dtype=float)
    return wz, we


# How much of the machine translation's evidence above chance is added to the dictionary's
# (the default of AlignSettings.mt_weight).
MT_WEIGHT = AlignSettings().mt_weight


class MTPairScorer(PairScorer):
    """Dictionary evidence plus what a machine translation adds to it.

    The MT of Chinese sentence i is compared with English sentence j as English with
    English (sacrebleu's chrF++ n-gram statistics): the share of the MT the English carries
    credits the Chinese sentence's weight, the share of the English the MT explains credits
    the English sentence's weight, the same two-sided credit the dictionary evidence gives.
    Only the part above what the MT shares with random sentences of the article (their mean
    precision and recall, applied to the pair's weights) is added,
    and it is added, not mixed in: a literal MT worded unlike the English must not take away
    the dictionary evidence of a true pair (mixing did: it let null beads be absorbed).
    """

    def __init__(self, ev: Evidence, mt_texts: tuple[str, ...], en_texts: tuple[str, ...],
                 weight: float = MT_WEIGHT, samples: int = 24, seed: int = 29) -> None:
        from xcheck.lexicon.chrf import evidence_ngrams as ngrams

        super().__init__(ev)
        self.weight = weight
        self.mt = [ngrams(t) if t.strip() else None for t in mt_texts]
        self.en = [ngrams(t) for t in en_texts]
        wz, we = sentence_weights(ev)
        self.wz: list[float] = [float(x) for x in wz]
        self.we: list[float] = [float(x) for x in we]
        # What the MT shares with an unrelated English sentence: mean precision and recall
        # over random pairs of the article (one figure each, not per sentence: cheap).
        from xcheck.lexicon.chrf import precision_recall

        rng = random.Random(seed)
        rows = [i for i, h in enumerate(self.mt) if h is not None]
        pairs = [(rng.choice(rows), rng.randrange(len(self.en)))
                 for _ in range(samples * 8)] if rows and self.en else []
        pr = [precision_recall(h, self.en[j]) for i, j in pairs if (h := self.mt[i])]
        self.chance_p = sum(p for p, _ in pr) / len(pr) if pr else 0.0
        self.chance_r = sum(r for _, r in pr) / len(pr) if pr else 0.0

    def _mt(self, i: int, j: int) -> float:
        from xcheck.lexicon.chrf import precision_recall

        hyp = self.mt[i]
        if hyp is None:
            return 0.0
        p, r = precision_recall(hyp, self.en[j])
        return float(p * self.wz[i] + r * self.we[j])

    def pair(self, i: int, j: int) -> float:
        lexical = super().pair(i, j)
        if self.mt[i] is None:
            return lexical
        chance = self.chance_p * self.wz[i] + self.chance_r * self.we[j]
        return lexical + self.weight * max(0.0, self._mt(i, j) - chance)
