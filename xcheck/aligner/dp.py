"""The dynamic program over bead shapes: table (banded), then traceback."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from xcheck.aligner.costs import BandMatrix
from xcheck.settings import AlignSettings

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
    punct_weight: float = 0.0
    # Cap on a bead's squared length deviation (AlignSettings.length_delta_cap).
    length_cap: float = AlignSettings().length_delta_cap
    # Share of the bead similarity taken from sentence embeddings (AlignSettings.embed_weight)
    # and the factor that puts them on the dictionary similarity's scale (embed_scale).
    embed_weight: float = 0.0
    embed_scale: float = 1.0


SIDE_CHUNK = 4096  # span boundaries handled at once when a side is prepared


class Side:
    """One side's sentence vectors, for span vectors by end boundary without storing them:
    span (a, i) is sentences i-a..i-1, its vector the normalised sum ``(cum[i] - cum[i-a]) /
    norm[a][i]`` (or, for ``a`` in ``encoded``, the span's own encoding ``encoded[a][i]``),
    and ``base[a][i]`` its mean cosine with the other side's sentences (random pairs)."""

    def __init__(self, vectors: np.ndarray, other_mean: np.ndarray, max_span: int,
                 encoded: dict[int, np.ndarray]) -> None:
        n, dim = vectors.shape
        # float32 like the vectors: half the memory of float64 on long texts, and the sums'
        # rounding (~1e-5) is far below any difference the DP weighs.
        self.cum = np.zeros((n + 1, dim), dtype=np.float32)
        np.cumsum(vectors, axis=0, out=self.cum[1:])
        self.encoded = encoded
        self.norm: list[np.ndarray] = [np.ones(n + 1)]
        self.base: list[np.ndarray] = [np.zeros(n + 1)]
        mean32 = other_mean.astype(np.float32)
        for a in range(1, max_span + 1):
            norm = np.ones(n + 1)
            base = np.zeros(n + 1)
            for c0 in range(0, n + 1, SIDE_CHUNK):  # bounded temporaries on long texts
                ends = np.arange(c0, min(n + 1, c0 + SIDE_CHUNK))
                if a in encoded:
                    base[ends] = encoded[a][ends] @ mean32
                    continue
                span = self.cum[ends] - self.cum[np.clip(ends - a, 0, None)]
                norm[ends] = np.linalg.norm(span, axis=1)
                base[ends] = (span @ mean32) / np.maximum(norm[ends], 1e-9)
            if a not in encoded:
                norm[:a] = np.inf  # no span of a sentences ends before boundary a
                norm = np.maximum(norm, 1e-9)
            self.norm.append(norm)
            self.base.append(base)

    def spans(self, a: int, ends: np.ndarray) -> np.ndarray:
        if a in self.encoded:
            out: np.ndarray = self.encoded[a][ends]
            return out
        span = self.cum[ends] - self.cum[np.maximum(ends - a, 0)]
        out = span / self.norm[a][ends][:, None]
        return out


@dataclass(frozen=True)
class Meaning:
    """Sentence vectors of both sides: the normalised similarity of any two spans."""

    zh: Side
    en: Side

    def block(self, a: int, b: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        """Normalised similarity of zh spans (a, ending at ``rows``) with en spans (b, ending
        at ``js``, shape (R, K)): cosine less the mean of the two spans' baselines."""
        lo_j = int(js.min())
        hi_j = int(js.max()) + 1
        cos = self.zh.spans(a, rows) @ self.en.spans(b, np.arange(lo_j, hi_j)).T  # (R, J)
        sims = np.take_along_axis(cos, js - lo_j, axis=1)
        out: np.ndarray = sims - 0.5 * (self.zh.base[a][rows][:, None] + self.en.base[b][js])
        return out


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
    zh_punct: np.ndarray  # (n, classes) punctuation counts
    en_punct: np.ndarray  # (m, classes)
    meaning: Meaning | None = None


def _cum(x: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(x, dtype=float)))


@dataclass(frozen=True)
class DPResult:
    beads: list[tuple[int, int, int, int]]  # (zh_start, zh_end, en_start, en_end)
    evidence: list[float]  # per bead: block evidence minus random baseline
    weight: list[float]  # per bead: total unit weight
    similarity: list[float]


CHUNK = 256  # rows of bead values computed at once (bounds memory on long texts)
# The beads' similarities are kept for a second pass (the same input with the length term
# re-estimated) when they fit in this many bytes; past it they are computed again.
SIM_CACHE_BYTES = 256 * 1024 * 1024


class SimCache:
    """Each chunk's bead similarities (shapes, rows, width) from the first pass over an
    input, for the next pass over the same input: the similarities (dictionary evidence and
    sentence vectors) are the costly part of a bead's value and do not depend on the length
    parameters that differ between passes."""

    def __init__(self) -> None:
        self.chunks: dict[int, np.ndarray] = {}
        self.enabled: bool | None = None  # decided by the first pass, from the table's size


def run(inp: DPInput, params: DPParams, sims: SimCache | None = None) -> DPResult:
    """Best monotone path from (0, 0) to (n, m) through the band.

    Bead values do not depend on the table, so they are computed with numpy for a chunk of
    rows and all shapes at once; the row recurrence is then a few array operations per row.
    Row i of the table holds en boundaries lo[i]..hi[i] at columns PAD + (j - lo[i]).
    ``sims``: similarities kept from an earlier pass over ``inp``, or to keep for a later one.
    """
    n = len(inp.zh_weight)
    m = len(inp.en_weight)
    cums = Cums(inp)
    lo, hi = inp.lo.astype(np.int64), inp.hi.astype(np.int64)
    shapes = params.shapes
    real = [s for s in shapes if s[0] and s[1]]
    max_side = max(max(a, b) for a, b in shapes)
    width = int((hi - lo).max()) + 1
    pad = max_side
    total_w = width + 2 * pad + 1  # the last column is always NEG (out-of-band target)
    table = np.full((n + 1, total_w), NEG)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    ks = np.arange(width)
    kf = ks.astype(float)
    # Row 0: only en-only beads from (0, 0).
    row0 = np.where(lo[0] + ks <= hi[0], -params.null_penalty * (lo[0] + kf), NEG)
    table[0, pad : pad + width] = row0
    back[0] = np.where(row0 > NEG / 2, shapes.index((0, 1)), -1)
    back[0, 0] = -1
    skip = shapes.index((0, 1))
    drop = shapes.index((1, 0))
    real_idx = np.array([shapes.index(s) for s in real] + [drop], dtype=np.int8)
    a_arr = np.array([a for a, _ in real] + [1], dtype=np.int64)
    b_arr = np.array([b for _, b in real] + [0], dtype=np.int64)
    if sims is not None and sims.enabled is None:
        sims.enabled = len(real) * n * width * 8 <= SIM_CACHE_BYTES
    for c0 in range(1, n + 1, CHUNK):
        c1 = min(n + 1, c0 + CHUNK)
        known = sims.chunks.get(c0) if sims is not None and sims.enabled else None
        values, sim = _chunk_values(inp, params, cums, real, c0, c1, width, known)
        if sims is not None and sims.enabled:
            sims.chunks[c0] = sim
        for i in range(c0, c1):
            prev_rows = i - a_arr
            ok_shape = prev_rows >= 0
            pr = np.where(ok_shape, prev_rows, 0)
            d = lo[i] - b_arr - lo[pr]
            cols = np.minimum(np.maximum(pad + d[:, None] + ks[None, :], 0), total_w - 1)
            cand = table[pr[:, None], cols]
            cand[~ok_shape] = NEG
            cand[:-1] += values[:, i - c0, :]
            cand[-1] -= params.null_penalty
            arg = cand.argmax(axis=0)
            best = cand[arg, ks]
            valid = (lo[i] + ks <= hi[i]) & (best > NEG / 2)
            arg8 = real_idx[arg]
            # en-only beads chain along the row: best[k] = max_k'<=k best[k'] - null*(k-k').
            lifted = np.where(valid, best + params.null_penalty * kf, NEG)
            run_max = np.maximum.accumulate(lifted)
            improved = run_max > lifted + 1e-12
            best = np.where(improved, run_max - params.null_penalty * kf, best)
            arg8 = np.where(improved, skip, arg8).astype(np.int8)
            valid = (lo[i] + ks <= hi[i]) & (best > NEG / 2)
            table[i, pad : pad + width] = np.where(valid, best, NEG)
            back[i] = np.where(valid, arg8, -1)
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
    return summarise(inp, beads, cums)


def summarise(inp: DPInput, beads: list[tuple[int, int, int, int]],
              cums: Cums | None = None) -> DPResult:
    """Evidence, weight and similarity of each bead of a path."""
    cums = cums or Cums(inp)
    evidence: list[float] = []
    weight: list[float] = []
    sims: list[float] = []
    for zs, ze, es, ee in beads:
        w = float(cums.wz[ze] - cums.wz[zs] + cums.we[ee] - cums.we[es])
        weight.append(w)
        if zs == ze or es == ee:
            evidence.append(0.0)
            sims.append(0.0)
            continue
        psum = inp.band.block(zs, ze, es, ee)
        a, b = ze - zs, ee - es
        base = 0.5 * (b * (cums.zr[ze] - cums.zr[zs]) + a * (cums.ec[ee] - cums.ec[es]))
        evidence.append(psum - base)
        sims.append(max(0.0, min(1.0, psum / w)) if w > 0 else 0.0)
    return DPResult(beads, evidence, weight, sims)


@dataclass(frozen=True)
class Cums:
    we: np.ndarray
    ec: np.ndarray
    le: np.ndarray
    wz: np.ndarray
    zr: np.ndarray
    lz: np.ndarray
    pz: np.ndarray
    pe: np.ndarray

    def __init__(self, inp: DPInput) -> None:
        zero = np.zeros((1, inp.zh_punct.shape[1]))
        object.__setattr__(self, "pz", np.concatenate((zero, np.cumsum(inp.zh_punct, axis=0))))
        object.__setattr__(self, "pe", np.concatenate((zero, np.cumsum(inp.en_punct, axis=0))))
        object.__setattr__(self, "we", _cum(inp.en_weight))
        object.__setattr__(self, "ec", _cum(inp.en_base))
        object.__setattr__(self, "le", _cum(inp.en_len))
        object.__setattr__(self, "wz", _cum(inp.zh_weight))
        object.__setattr__(self, "zr", _cum(inp.zh_base))
        object.__setattr__(self, "lz", _cum(inp.zh_len))


def _chunk_values(inp: DPInput, params: DPParams, cums: Cums, real: list[tuple[int, int]],
                  c0: int, c1: int, width: int,
                  known: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Value of every real bead shape ending at (i, lo[i] + k), rows c0..c1-1, and the
    similarities it was built from (``known``: those of an earlier pass, used as they are)."""
    m = len(inp.en_weight)
    rows_i = np.arange(c0, c1)
    js = np.minimum(inp.lo[rows_i][:, None] + np.arange(width)[None, :], m)  # (R, K)
    out = np.empty((len(real), len(rows_i), width))
    sims = known if known is not None else np.empty_like(out)
    for s_idx, (a, b) in enumerate(real):
        p = rows_i - a
        okp = p >= 0
        p_safe = np.where(okp, p, 0)
        starts = np.maximum(js - b, 0)
        if known is None:
            sims[s_idx] = _similarity(inp, params, cums, a, b, rows_i, p_safe, js, starts)
        sim = sims[s_idx]
        value = sim * (a + b) * params.shape_multiplier.get((a, b), 1.0)
        value -= params.merge_penalty * (a + b - 2)
        if params.length_weight:
            lz = (cums.lz[rows_i] - cums.lz[p_safe])[:, None]
            le = cums.le[js] - cums.le[starts]
            expected = params.length_ratio * lz
            delta = (le - expected) / np.sqrt(params.length_var * (expected + le) / 2 + 1.0)
            value -= params.length_weight * np.minimum(delta * delta, params.length_cap) / 2
        if params.punct_weight:
            pz = (cums.pz[rows_i] - cums.pz[p_safe])[:, None, :]
            pe = cums.pe[js] - cums.pe[starts]
            value -= params.punct_weight * np.abs(pz - pe).sum(axis=2)
        if params.paragraph_penalty:
            crossings = np.zeros(js.shape)
            if a > 1:
                crossings += (inp.zh_para[p_safe] != inp.zh_para[rows_i - 1]).astype(float)[:, None]
            if b > 1:
                last = np.clip(js - 1, 0, None)
                crossings += (inp.en_para[starts] != inp.en_para[last]).astype(float)
            value -= params.paragraph_penalty * crossings
        out[s_idx] = value
    return out, sims


def _similarity(inp: DPInput, params: DPParams, cums: Cums, a: int, b: int,
                rows_i: np.ndarray, p_safe: np.ndarray, js: np.ndarray,
                starts: np.ndarray) -> np.ndarray:
    """Similarity of the (a, b) beads ending at rows ``rows_i`` and en boundaries ``js``:
    shared evidence above chance per unit of weight, mixed with the sentence vectors'."""
    # Vertical sums of P over rows i-a..i-1 need per-row clipping.
    psum = np.zeros(js.shape)
    for t in range(1, a + 1):
        r = np.maximum(rows_i - t, 0)
        psum += inp.band.rows_sum(r[:, None], starts, js)
    wz = (cums.wz[rows_i] - cums.wz[p_safe])[:, None]
    weight = wz + (cums.we[js] - cums.we[starts])
    base = 0.5 * (b * (cums.zr[rows_i] - cums.zr[p_safe])[:, None]
                  + a * (cums.ec[js] - cums.ec[starts]))
    sim: np.ndarray = (psum - base) / np.maximum(weight, 1e-9)
    if inp.meaning is not None and params.embed_weight:
        emb = inp.meaning.block(a, b, rows_i, js)
        sim = (1.0 - params.embed_weight) * sim \
            + params.embed_weight * params.embed_scale * emb
    return sim


def bead_value(inp: DPInput, params: DPParams, zs: int, ze: int, es: int, ee: int,
               cums: Cums | None = None) -> float:
    """The DP's value of one bead (zh ``zs:ze``, en ``es:ee``); a null bead costs the null
    penalty per sentence. The same terms as ``_chunk_values``, for one bead."""
    a, b = ze - zs, ee - es
    if not a or not b:
        return -params.null_penalty * (a + b)
    c = cums or Cums(inp)
    psum = inp.band.block(zs, ze, es, ee)
    weight = float(c.wz[ze] - c.wz[zs] + c.we[ee] - c.we[es])
    base = 0.5 * (b * (c.zr[ze] - c.zr[zs]) + a * (c.ec[ee] - c.ec[es]))
    sim = float((psum - base) / max(weight, 1e-9))
    if inp.meaning is not None and params.embed_weight:
        emb = float(inp.meaning.block(a, b, np.array([ze]), np.array([[ee]]))[0, 0])
        sim = (1.0 - params.embed_weight) * sim + params.embed_weight * params.embed_scale * emb
    value = sim * (a + b) * params.shape_multiplier.get((a, b), 1.0)
    value -= params.merge_penalty * (a + b - 2)
    if params.length_weight:
        lz = float(c.lz[ze] - c.lz[zs])
        le = float(c.le[ee] - c.le[es])
        expected = params.length_ratio * lz
        delta = (le - expected) / np.sqrt(params.length_var * (expected + le) / 2 + 1.0)
        value -= params.length_weight * min(delta * delta, params.length_cap) / 2
    if params.punct_weight:
        value -= params.punct_weight * float(np.abs((c.pz[ze] - c.pz[zs])
                                                    - (c.pe[ee] - c.pe[es])).sum())
    if params.paragraph_penalty:
        crossings = 0.0
        if a > 1:
            crossings += float(inp.zh_para[zs] != inp.zh_para[ze - 1])
        if b > 1:
            crossings += float(inp.en_para[es] != inp.en_para[ee - 1])
        value -= params.paragraph_penalty * crossings
    return value
