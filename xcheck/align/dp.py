"""The dynamic program over bead shapes: table (banded), then traceback."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from xcheck.align.costs import BandMatrix

NEG = -1e18


@dataclass(frozen=True)
class DPParams:
    shapes: tuple[tuple[int, int], ...]
    null_penalty: float
    merge_penalty: float
    shape_multiplier: dict[tuple[int, int], float]
    length_weight: float
    length_ratio: float  # en chars per zh char
    length_var: float
    paragraph_penalty: float


@dataclass(frozen=True)
class DPInput:
    band: BandMatrix
    lo: np.ndarray
    hi: np.ndarray
    zh_weight: np.ndarray
    en_weight: np.ndarray
    zh_base: np.ndarray
    en_base: np.ndarray
    zh_len: np.ndarray
    en_len: np.ndarray
    zh_para: np.ndarray
    en_para: np.ndarray


def _cum(x: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(x, dtype=float)))


@dataclass(frozen=True)
class DPResult:
    beads: list[tuple[int, int, int, int]]  # (zh_start, zh_end, en_start, en_end)
    evidence: list[float]  # per bead: block evidence minus random baseline
    weight: list[float]  # per bead: total unit weight
    similarity: list[float]


def run(inp: DPInput, params: DPParams) -> DPResult:
    n = len(inp.zh_weight)
    m = len(inp.en_weight)
    we_cum = _cum(inp.en_weight)
    ec_cum = _cum(inp.en_base)
    le_cum = _cum(inp.en_len)
    wz_cum = _cum(inp.zh_weight)
    zr_cum = _cum(inp.zh_base)
    lz_cum = _cum(inp.zh_len)
    lo, hi = inp.lo, inp.hi
    table: list[np.ndarray] = []
    back: list[np.ndarray] = []
    shapes = params.shapes
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(js), NEG)
        arg = np.full(len(js), -1, dtype=np.int8)
        if i == 0 and lo[0] == 0:
            best[0] = 0.0
        for s_idx, (a, b) in enumerate(shapes):
            if a > i or a == 0:
                continue
            p = i - a
            prev_j = js - b
            ok = (prev_j >= lo[p]) & (prev_j <= hi[p])
            if not ok.any():
                continue
            prev = np.full(len(js), NEG)
            prev[ok] = table[p][prev_j[ok] - lo[p]]
            if a == 0 or b == 0:
                value = np.full(len(js), -params.null_penalty)
            else:
                value = _bead_value(inp, params, p, i, js, b, we_cum, ec_cum, le_cum,
                                    wz_cum, zr_cum, lz_cum)
            cand = prev + value
            better = ok & (cand > best)
            best[better] = cand[better]
            arg[better] = s_idx
        # en-only beads (0-1) chain along the row: best[k] = max_k'<=k best[k'] - null*(k-k').
        skip = shapes.index((0, 1))
        ks = np.arange(len(js), dtype=float)
        lifted = best + params.null_penalty * ks
        run_max = np.maximum.accumulate(lifted)
        improved = run_max > lifted + 1e-12
        best = np.where(improved, run_max - params.null_penalty * ks, best)
        arg[improved] = skip
        table.append(best)
        back.append(arg)
    # Traceback from (n, m).
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        s_idx = int(back[i][j - lo[i]])
        if s_idx < 0:
            raise RuntimeError("alignment table has no path")  # band is always connected
        a, b = shapes[s_idx]
        beads.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    beads.reverse()
    evidence: list[float] = []
    weight: list[float] = []
    sims: list[float] = []
    for zs, ze, es, ee in beads:
        if zs == ze or es == ee:
            evidence.append(0.0)
            weight.append(float(wz_cum[ze] - wz_cum[zs] + we_cum[ee] - we_cum[es]))
            sims.append(0.0)
            continue
        psum = float(inp.band.block(zs, ze, np.array([es]), np.array([ee]))[0])
        a, b = ze - zs, ee - es
        base = 0.5 * (b * (zr_cum[ze] - zr_cum[zs]) + a * (ec_cum[ee] - ec_cum[es]))
        w = float(wz_cum[ze] - wz_cum[zs] + we_cum[ee] - we_cum[es])
        evidence.append(psum - base)
        weight.append(w)
        sims.append(max(0.0, min(1.0, psum / w)) if w > 0 else 0.0)
    return DPResult(beads, evidence, weight, sims)


def _bead_value(inp: DPInput, params: DPParams, p: int, i: int, js: np.ndarray, b: int,
                we_cum: np.ndarray, ec_cum: np.ndarray, le_cum: np.ndarray,
                wz_cum: np.ndarray, zr_cum: np.ndarray, lz_cum: np.ndarray) -> np.ndarray:
    a = i - p
    starts = js - b
    safe_starts = np.clip(starts, 0, None)
    psum = inp.band.block(p, i, safe_starts, js)
    weight = (wz_cum[i] - wz_cum[p]) + (we_cum[js] - we_cum[safe_starts])
    base = 0.5 * (b * (zr_cum[i] - zr_cum[p]) + a * (ec_cum[js] - ec_cum[safe_starts]))
    sim = (psum - base) / np.maximum(weight, 1e-9)
    value = sim * (a + b) * params.shape_multiplier.get((a, b), 1.0)
    value -= params.merge_penalty * (a + b - 2)
    if params.length_weight:
        lz = lz_cum[i] - lz_cum[p]
        le = le_cum[js] - le_cum[safe_starts]
        expected = params.length_ratio * lz
        delta = (le - expected) / np.sqrt(params.length_var * (expected + le) / 2 + 1.0)
        value -= params.length_weight * np.minimum(delta * delta, 25.0) / 2
    if params.paragraph_penalty:
        crossings = np.zeros(len(js))
        if a > 1 and inp.zh_para[p] != inp.zh_para[i - 1]:
            crossings += 1
        if b > 1:
            last = np.clip(js - 1, 0, None)
            crossings += (inp.en_para[safe_starts] != inp.en_para[last]).astype(float)
        value -= params.paragraph_penalty * crossings
    return value
