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
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

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


@dataclass(frozen=True)
class Packed:
    """The evidence orders' n-grams of one sentence, packed for long texts: hashed keys
    (order-tagged, sorted), their counts, their order, and each order's total count. A few
    bytes an n-gram instead of a Counter entry (1.3 GB -> a fraction on 27k sentences)."""

    keys: np.ndarray  # int64, sorted, unique
    counts: np.ndarray  # int32
    orders: np.ndarray  # int8: index into EVIDENCE_ORDERS
    totals: tuple[int, ...]


def evidence_ngrams(text: str) -> Packed:
    """Only the orders the pair evidence uses (EVIDENCE_ORDERS), packed."""
    import numpy as np

    full = ngrams(text)
    keys: list[int] = []
    counts: list[int] = []
    orders: list[int] = []
    for o, k in enumerate(EVIDENCE_ORDERS):
        counter = full[k][0]
        keys += [hash((o, g)) for g in counter]
        counts += counter.values()
        orders += [o] * len(counter)
    key_arr = np.array(keys, dtype=np.int64)
    order = np.argsort(key_arr, kind="stable")
    return Packed(key_arr[order], np.array(counts, dtype=np.int32)[order],
                  np.array(orders, dtype=np.int8)[order],
                  tuple(full[k][1] for k in EVIDENCE_ORDERS))


def precision_recall(hyp: Packed, ref: Packed) -> tuple[float, float]:
    """Mean n-gram precision of ``hyp`` against ``ref`` and mean recall of ``ref`` by ``hyp``
    over EVIDENCE_ORDERS: sacrebleu's clipped match counts (min of the two counts of each
    shared n-gram), per order."""
    import numpy as np

    n = len(EVIDENCE_ORDERS)
    _, ia, ib = np.intersect1d(hyp.keys, ref.keys, assume_unique=True, return_indices=True)
    match = np.bincount(hyp.orders[ia], weights=np.minimum(hyp.counts[ia], ref.counts[ib]),
                        minlength=n)
    precision = [float(match[o]) / t for o, t in enumerate(hyp.totals) if t]
    recall = [float(match[o]) / t for o, t in enumerate(ref.totals) if t]
    return (sum(precision) / len(precision) if precision else 0.0,
            sum(recall) / len(recall) if recall else 0.0)


def sentence_chrf(hyp: str, ref: str) -> float:
    """sacrebleu's sentence-level chrF++ in [0, 1]."""
    if not hyp.strip() or not ref.strip():
        return 0.0
    return float(metric().sentence_score(hyp, [ref]).score) / 100.0
