"""chrF++ from sacrebleu: the English-to-English evidence a machine translation gives.

The aligner needs two directed scores per sentence pair, not one F-score: how much of the
machine translation of a Chinese sentence the English candidate carries (precision of the
MT against it) and how much of the English the MT explains (recall). Both come from
sacrebleu's own n-gram statistics (the n-grams ``CHRF(word_order=2, lowercase=True)``
extracts), averaged over the n-gram orders that tell translations from chance: character
1- and 2-grams and single words are shared by any two English sentences (precision 0.70, 0.36
and 0.21 on random sentence pairs of corpora/, against 0.85, 0.73 and 0.68 on true ones), so
the pair evidence uses character 3-6-grams and word bigrams (0.05-0.16 by chance, 0.47-0.66
on true pairs). The bead similarity shown to editors is plain chrF++.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

CHAR_ORDER = 6
WORD_ORDER = 2
BETA = 2

# Per order: sacrebleu's n-gram counter and its total count.
NGrams = list[tuple[Counter[str], int]]
# Indices into ngrams(): char 1..6-grams are 0..5, word 1..2-grams are 6..7.
EVIDENCE_ORDERS = (2, 3, 4, 5, 7)


@lru_cache(maxsize=1)
def metric() -> Any:
    from sacrebleu.metrics.chrf import CHRF

    return CHRF(char_order=CHAR_ORDER, word_order=WORD_ORDER, beta=BETA, lowercase=True)


def signature() -> str:
    """sacrebleu's signature of the metric, e.g. ``nrefs:1|case:lc|...|version:2.6.0``."""
    m = metric()
    # sacrebleu fills in the number of references when it first scores something.
    m.sentence_score("a", ["a"])
    return str(m.get_signature())


def ngrams(text: str) -> NGrams:
    """The n-gram counters sacrebleu's chrF++ compares (one per order)."""
    from sacrebleu.metrics.helpers import extract_all_char_ngrams, extract_word_ngrams

    m = metric()
    text = text.lower()
    counters: list[Counter[str]] = extract_all_char_ngrams(text, CHAR_ORDER, False)
    words = m._remove_punctuation(text)
    counters += [extract_word_ngrams(words, n) for n in range(1, WORD_ORDER + 1)]
    return [(c, sum(c.values())) for c in counters]


def _matches(hyp: Counter[str], ref: Counter[str]) -> int:
    """sacrebleu's match count (the clipped n-gram intersection), over the shared keys only."""
    return sum(min(hyp[g], ref[g]) for g in hyp.keys() & ref.keys())


def evidence_ngrams(text: str) -> NGrams:
    """Only the orders the pair evidence uses (EVIDENCE_ORDERS): what the aligner keeps per
    sentence, so long texts stay small in memory."""
    full = ngrams(text)
    return [full[k] for k in EVIDENCE_ORDERS]


def precision_recall(hyp: NGrams, ref: NGrams) -> tuple[float, float]:
    """Mean n-gram precision of ``hyp`` against ``ref`` and mean recall of ``ref`` by ``hyp``,
    over the orders given (evidence_ngrams: EVIDENCE_ORDERS)."""
    precision = recall = 0.0
    orders_p = orders_r = 0
    for (h, hyp_count), (r, ref_count) in zip(hyp, ref, strict=True):
        match = _matches(h, r) if hyp_count and ref_count else 0
        if hyp_count:
            precision += match / hyp_count
            orders_p += 1
        if ref_count:
            recall += match / ref_count
            orders_r += 1
    return (precision / orders_p if orders_p else 0.0, recall / orders_r if orders_r else 0.0)


def sentence_chrf(hyp: str, ref: str) -> float:
    """sacrebleu's sentence-level chrF++ in [0, 1]."""
    if not hyp.strip() or not ref.strip():
        return 0.0
    return float(metric().sentence_score(hyp, [ref]).score) / 100.0
