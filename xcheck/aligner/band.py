"""Where to search: a band around a monotone chain of confident anchors.

Anchors come from rare units shared (via translation) by a Chinese and an English sentence,
found with an inverted index, so finding them is about linear in the text length. The
heaviest monotone chain of candidate pairs (a weighted longest increasing subsequence) gives
the band's centre line; the fine dynamic program only looks within ``half_width`` of it.
"""

from __future__ import annotations

import bisect
import heapq

import numpy as np

from xcheck.lexicon.evidence import Evidence
from xcheck.settings import AlignSettings


def _candidates(ev: Evidence, max_df: int, top: int,
                centre: np.ndarray | None = None,
                radius: float = 0.0) -> list[tuple[int, int, float]]:
    """Top en sentences per zh sentence by shared rare units (df <= max_df).

    With ``centre``, only en sentences within ``radius`` of centre[i] count, so the work per
    unit is bounded by the window, not by how often the unit occurs in the whole text.
    """
    postings: dict[int, list[int]] = {}
    for j, s in enumerate(ev.en):
        for u in s.units:
            postings.setdefault(u, []).append(j)
    rare = {u: js for u, js in postings.items() if len(js) <= max_df}
    out: list[tuple[int, int, float]] = []
    slope = len(ev.en) / max(len(ev.zh), 1)
    for i, s in enumerate(ev.zh):
        scores: dict[int, float] = {}
        expect = float(centre[i]) if centre is not None else i * slope
        for u in s.units:
            for e in ev.translations.get(u, ()):
                js = rare.get(e)
                if not js:
                    continue
                if centre is not None:
                    js = js[bisect.bisect_left(js, expect - radius):
                            bisect.bisect_right(js, expect + radius)]
                w = ev.en_weight[e]
                for j in js:
                    scores[j] = scores.get(j, 0.0) + w
        # Ties (repeated passages) go to the candidate nearest the expected position.
        best = heapq.nlargest(top, scores.items(),
                              key=lambda kv: (kv[1], -abs(kv[0] - expect)))
        out.extend((i, j, sc) for j, sc in best)
    return out


def _heaviest_chain(points: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Strictly increasing in both i and j, maximising the summed weight."""
    if not points:
        return []
    points = sorted(points, key=lambda p: (p[0], -p[1]))
    # best[k]: best chain weight ending at a point whose j is js[k]; kept as a monotone stair.
    js: list[int] = []
    weights: list[float] = []
    ends: list[int] = []
    back: list[int] = [-1] * len(points)
    score: list[float] = [0.0] * len(points)
    for idx, (_i, j, w) in enumerate(points):
        k = bisect.bisect_left(js, j)
        prev = ends[k - 1] if k > 0 else -1
        total = (weights[k - 1] if k > 0 else 0.0) + w
        score[idx] = total
        back[idx] = prev
        # Insert (j, total) and drop dominated entries (larger j with no larger weight).
        if k < len(js) and js[k] == j:
            if weights[k] >= total:
                continue
            js.pop(k)
            weights.pop(k)
            ends.pop(k)
        if k > 0 and weights[k - 1] >= total:
            continue
        js.insert(k, j)
        weights.insert(k, total)
        ends.insert(k, idx)
        while k + 1 < len(js) and weights[k + 1] <= total:
            js.pop(k + 1)
            weights.pop(k + 1)
            ends.pop(k + 1)
    idx = ends[-1] if ends else -1
    chain: list[tuple[int, int]] = []
    while idx >= 0:
        chain.append((points[idx][0], points[idx][1]))
        idx = back[idx]
    return chain[::-1]


def _centre_line(chain: list[tuple[int, int]], n: int, m: int) -> np.ndarray:
    xs = [0.0] + [i + 0.5 for i, _ in chain] + [float(n)]
    ys = [0.0] + [j + 0.5 for _, j in chain] + [float(m)]
    return np.interp(np.arange(n + 1), xs, ys)


def band(ev: Evidence, half_width: int,
         settings: AlignSettings = AlignSettings()) -> tuple[np.ndarray, np.ndarray]:
    """Per zh boundary i in 0..n: the en boundaries lo[i]..hi[i] (inclusive) to search."""
    n, m = len(ev.zh), len(ev.en)
    if n == 0 or m == 0:
        return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)
    # Coarse: anchors from units rare in absolute terms, searched over the whole text (the
    # cap keeps this linear). Fine: units rare relative to the text's length, searched only
    # near the coarse centre line.
    coarse = _heaviest_chain(_candidates(ev, max_df=min(max(5, (n + m) // 200), 20), top=3))
    centre = _centre_line(coarse, n, m)
    chain = coarse
    if n + m > settings.band_fine_above:
        radius = max(settings.band_radius_min, settings.band_radius_factor * half_width)
        chain = _heaviest_chain(_candidates(ev, max_df=max(5, (n + m) // 200), top=3,
                                            centre=centre, radius=radius))
        centre = _centre_line(chain, n, m)
    xs = [0.0] + [i + 0.5 for i, _ in chain] + [float(n)]
    # Widen where anchors are sparse: the centre is least certain far from any anchor.
    anchor_x = np.array(xs)
    rows = np.arange(n + 1, dtype=float)
    k = np.clip(np.searchsorted(anchor_x, rows), 1, len(anchor_x) - 1)
    gaps = np.minimum(np.abs(rows - anchor_x[k - 1]), np.abs(anchor_x[k] - rows))
    width = half_width + np.minimum(gaps * settings.band_gap_widening,
                                    settings.band_max_widening * half_width)
    lo = np.floor(centre - width).astype(np.int64)
    hi = np.ceil(centre + width).astype(np.int64)
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0] = 0
    hi[-1] = m
    # Consecutive rows must overlap so that every cell of the band is reachable.
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return lo, hi
