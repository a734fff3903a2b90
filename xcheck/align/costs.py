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
from dataclasses import dataclass

import numpy as np

from xcheck.lexicon.evidence import Evidence


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

    def pair(self, i: int, j: int) -> float:
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
        return total + sum(wz[u] for u in matched)


@dataclass
class BandMatrix:
    """Rows of P over a window of en sentences each, with prefix sums for block sums."""

    offsets: np.ndarray  # first en index of row i's window
    prefix: list[np.ndarray]  # prefix[i][k] = sum of P[i, offsets[i] : offsets[i] + k]

    def block(self, i0: int, i1: int, j_start: np.ndarray, j_end: np.ndarray) -> np.ndarray:
        """Sum of P over zh rows i0..i1-1 and en columns [j_start, j_end) (vectors)."""
        total = np.zeros(len(j_start))
        for i in range(i0, i1):
            pre = self.prefix[i]
            w = len(pre) - 1
            off = self.offsets[i]
            hi = np.clip(j_end - off, 0, w)
            lo = np.clip(j_start - off, 0, w)
            total += pre[hi] - pre[lo]
        return total


def band_matrix(scorer: PairScorer, lo: np.ndarray, hi: np.ndarray, max_side: int) -> BandMatrix:
    n = len(scorer.ev.zh)
    m = len(scorer.ev.en)
    offsets = np.zeros(n, dtype=np.int64)
    prefix: list[np.ndarray] = []
    for i in range(n):
        a = max(0, int(lo[max(0, i - max_side + 1)]) - max_side)
        b = min(m, int(hi[min(n, i + max_side)]) + max_side)
        offsets[i] = a
        row = np.fromiter((scorer.pair(i, j) for j in range(a, b)), dtype=float, count=b - a)
        prefix.append(np.concatenate(([0.0], np.cumsum(row))))
    return BandMatrix(offsets, prefix)


def random_baselines(scorer: PairScorer, samples: int, seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    """Mean P of each zh sentence with random en sentences, and of each en with random zh."""
    rng = random.Random(seed)
    n = len(scorer.ev.zh)
    m = len(scorer.ev.en)
    r = np.zeros(n)
    c = np.zeros(m)
    if n == 0 or m == 0:
        return r, c
    k = min(samples, m)
    for i in range(n):
        r[i] = sum(scorer.pair(i, rng.randrange(m)) for _ in range(k)) / k
    k = min(samples, n)
    for j in range(m):
        c[j] = sum(scorer.pair(rng.randrange(n), j) for _ in range(k)) / k
    return r, c


def sentence_weights(ev: Evidence) -> tuple[np.ndarray, np.ndarray]:
    wz = np.array([sum(ev.zh_weight[u] for u in s.units) for s in ev.zh], dtype=float)
    we = np.array([sum(ev.en_weight[u] for u in s.units) for s in ev.en], dtype=float)
    return wz, we
