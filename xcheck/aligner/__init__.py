"""Sentence alignment: evidence -> band -> costs -> table -> traceback."""

from __future__ import annotations

from dataclasses import asdict, replace

import numpy as np

from xcheck.aligner.band import band
from xcheck.aligner.costs import (
    MTPairScorer,
    PairScorer,
    band_matrix,
    distinct,
    random_baselines,
    sentence_weights,
)
from xcheck.aligner.dp import (
    DPInput,
    DPParams,
    DPResult,
    Meaning,
    Side,
    SimCache,
    run,
    summarise,
)
from xcheck.aligner.repair import repair_nulls
from xcheck.errors import ConfigError
from xcheck.lexicon.evidence import Evidence, build_evidence
from xcheck.lexicon.words import WordEvidence
from xcheck.model import Alignment, Bead, Document
from xcheck.settings import AlignSettings

# Alignment.score below this: the two texts are probably not translations of each other
# (the setting's default; see AlignSettings.unrelated_threshold for the evidence).
UNRELATED_THRESHOLD = AlignSettings().unrelated_threshold


def shape_multiplier(settings: AlignSettings) -> dict[tuple[int, int], float]:
    """Bead-shape multipliers of the similarity (shapes not listed keep theirs)."""
    return {(1, 2): settings.shape_1_2, (2, 1): settings.shape_1_2,
            (1, 3): settings.shape_1_3, (3, 1): settings.shape_1_3, (2, 2): settings.shape_2_2}


# The default multipliers (kept for callers of the module constant).
SHAPE_MULTIPLIER = shape_multiplier(AlignSettings())


def shapes(max_bead: int) -> tuple[tuple[int, int], ...]:
    if max_bead < 2:
        raise ConfigError("max_bead must be at least 2 (a 1-1 bead)")
    out = [(1, 0), (0, 1)]
    for total in range(2, max_bead + 1):
        for a in range(1, total):
            out.append((a, total - a))
    return tuple(out)


def _estimate_length(result: DPResult, zh_len: np.ndarray, en_len: np.ndarray,
                     settings: AlignSettings = AlignSettings()) -> tuple[float, float]:
    """en/zh length ratio and spread, from the confident 1-1 beads of a first pass."""
    pairs = [(zh_len[zs], en_len[es], sim) for (zs, ze, es, ee), sim
             in zip(result.beads, result.similarity, strict=True) if ze - zs == 1 and ee - es == 1]
    total_zh = float(zh_len.sum()) or 1.0
    ratio = float(en_len.sum()) / total_zh
    if len(pairs) >= settings.length_min_pairs:
        median = float(np.median([p[2] for p in pairs]))
        good = [(z, e) for z, e, s in pairs if s >= median] or [(z, e) for z, e, _ in pairs]
        ratio = sum(e for _, e in good) / max(sum(z for z, _ in good), 1.0)
        var = float(np.mean([(e - ratio * z) ** 2 / ((ratio * z + e) / 2 + 1) for z, e in good]))
        return ratio, max(var, 1.0)
    return ratio, settings.length_var_factor * ratio


def _punct_matrix(rows: list[tuple[int, ...]]) -> np.ndarray:
    # Robustness fix (issue 6): ``reshape(0, -1)`` raises on a document with no sentences
    # (a side that is empty or all whitespace); such a side gets a (0, 0) matrix.
    if not rows:
        return np.zeros((0, 0))
    return np.array(rows, dtype=float).reshape(len(rows), -1)


def _mt_chrf(mt: tuple[str, ...] | None, en: Document, zs: int, ze: int, es: int,
             ee: int) -> float | None:
    if not mt or zs == ze or es == ee:
        return None
    hyp = " ".join(t for t in mt[zs:ze] if t.strip())
    if not hyp:
        return None
    from xcheck.lexicon.chrf import sentence_chrf

    return round(sentence_chrf(hyp, " ".join(s.text for s in en.sentences[es:ee])), 4)


def _score_evidence(inp: DPInput, result: DPResult, scorer: PairScorer, zh: Document,
                    en: Document) -> list[float]:
    """The beads' evidence above chance, for the document score. When a side repeats
    sentences, chance is re-estimated on distinct texts: copies of a sentence's translation
    are not random pairs, and a faithful article that repeats a sentence is not unrelated."""
    zh_keys = [s.text for s in zh.sentences]
    en_keys = [s.text for s in en.sentences]
    if distinct(zh_keys, len(zh_keys)) is None and distinct(en_keys, len(en_keys)) is None:
        return result.evidence
    zr, ec = random_baselines(scorer, samples=24, zh_keys=zh_keys, en_keys=en_keys)
    return summarise(replace(inp, zh_base=zr, en_base=ec), result.beads).evidence


def meaning_of(zh: Document, en: Document, max_side: int, encode_up_to: int) -> Meaning:
    """Sentence vectors of both sides (each sentence encoded once; spans of up to
    ``encode_up_to`` sentences encoded as one text, longer ones summed) and their
    random-pair baselines (a span like everything earns no credit)."""
    from xcheck.lexicon.meaning import encode, span_embeddings

    zt = [s.text for s in zh.sentences]
    et = [s.text for s in en.sentences]
    z, e = encode(zt), encode(et)
    z_enc: dict[int, np.ndarray] = {}
    e_enc: dict[int, np.ndarray] = {}
    if encode_up_to > 1:
        zs = span_embeddings(zt, "zh", min(max_side, encode_up_to), encode_up_to)
        es = span_embeddings(et, "en", min(max_side, encode_up_to), encode_up_to)
        z_enc = {a: zs[a] for a in range(2, len(zs))}
        e_enc = {b: es[b] for b in range(2, len(es))}
    z_mean = z.mean(axis=0).astype(float)
    e_mean = e.mean(axis=0).astype(float)
    return Meaning(Side(z, e_mean, max_side, z_enc), Side(e, z_mean, max_side, e_enc))


def align_documents(zh: Document, en: Document, settings: AlignSettings = AlignSettings(),
                    evidence: Evidence | None = None,
                    mt: tuple[str, ...] | None = None,
                    words: WordEvidence | None = None) -> Alignment:
    """Align; ``mt`` is an English machine translation per Chinese sentence ("" if none);
    ``words``: the pair's word evidence, when the caller shares it with the checks."""
    ev = evidence or build_evidence(zh, en, names_enabled=settings.names, words=words)
    n, m = len(zh.sentences), len(en.sentences)
    shape_list = shapes(settings.max_bead)
    max_side = max(max(a, b) for a, b in shape_list)
    lo, hi = band(ev, settings.band_half_width, settings)
    scorer = (MTPairScorer(ev, mt, tuple(s.text for s in en.sentences), settings.mt_weight)
              if mt and any(t.strip() for t in mt) else PairScorer(ev))
    matrix = band_matrix(scorer, lo, hi, max_side)
    zr, ec = random_baselines(scorer, samples=24)
    wz, we = sentence_weights(ev)
    zh_len = np.array([s.length for s in ev.zh], dtype=float)
    en_len = np.array([s.length for s in ev.en], dtype=float)
    inp = DPInput(matrix, lo, hi, wz, we, zr, ec, zh_len, en_len,
                  np.array([s.paragraph for s in zh.sentences], dtype=np.int64),
                  np.array([s.paragraph for s in en.sentences], dtype=np.int64),
                  _punct_matrix([s.punct for s in ev.zh]),
                  _punct_matrix([s.punct for s in ev.en]),
                  meaning_of(zh, en, max_side, settings.embed_span)
                  if settings.embeddings and n and m else None)
    params = DPParams(
        shapes=shape_list,
        null_penalty=settings.null_penalty,
        merge_penalty=settings.merge_penalty,
        shape_multiplier=shape_multiplier(settings),
        length_weight=0.0,
        length_ratio=1.0,
        length_var=1.0,
        paragraph_penalty=settings.paragraph_penalty,
        punct_weight=settings.punct_weight,
        length_cap=settings.length_delta_cap,
        embed_weight=settings.embed_weight if settings.embeddings else 0.0,
        embed_scale=settings.embed_scale,
    )
    sims = SimCache()  # the second pass reuses the first's bead similarities
    result = run(inp, params, sims) if n and m else DPResult([], [], [], [])
    if settings.length_weight and n and m:
        ratio, var = _estimate_length(result, zh_len, en_len, settings)
        params = DPParams(**{**params.__dict__, "length_weight": settings.length_weight,
                             "length_ratio": ratio, "length_var": var})
        result = run(inp, params, sims)
    if n and m:
        result = repair_nulls(inp, params, result, settings.repair_gain)
    if not n or not m:
        beads = tuple(Bead((i,), ()) for i in range(n)) + tuple(Bead((), (j,)) for j in range(m))
        return Alignment(zh, en, beads, 0.0, tuple(asdict(settings).items()))
    beads = tuple(
        Bead(tuple(range(zs, ze)), tuple(range(es, ee)), round(sim, 4),
             _mt_chrf(mt, en, zs, ze, es, ee))
        for (zs, ze, es, ee), sim in zip(result.beads, result.similarity, strict=True)
    )
    total_w = sum(result.weight) or 1.0
    doc_score = max(0.0, sum(_score_evidence(inp, result, scorer, zh, en)) / total_w * 2)
    return Alignment(zh, en, beads, round(min(doc_score, 1.0), 4), tuple(asdict(settings).items()))
