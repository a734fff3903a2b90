"""Given beads: a bilingual file's translation units (XLIFF, TMX) are the alignment.

Nothing is searched; each unit's Chinese and English sentences form one bead, scored with
the same dictionary evidence the aligner uses (similarity of a bead, and the document
score that the unrelated-articles rule reads), so reports look the same as for aligned
pairs.
"""

from __future__ import annotations

from dataclasses import asdict

from xcheck.aligner.costs import PairScorer, random_baselines, sentence_weights
from xcheck.lexicon.evidence import build_evidence
from xcheck.model import Alignment, Bead, Document
from xcheck.settings import AlignSettings


def unit_beads(zh: Document, en: Document) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(zh sentences, en sentences) per unit, in file order; every sentence in one bead."""
    assert zh.source is not None
    units = zh.source.units
    zh_of: dict[int, list[int]] = {}
    en_of: dict[int, list[int]] = {}
    index = {u.id: k for k, u in enumerate(units)}
    for doc, into in ((zh, zh_of), (en, en_of)):
        for s in doc.sentences:
            unit = zh.source.unit_at(s.start)
            k = index[unit.id] if unit is not None else -1 - s.index
            into.setdefault(k, []).append(s.index)
    keys = sorted(set(zh_of) | set(en_of),
                  key=lambda k: k if k >= 0 else len(units) + (-1 - k))
    return [(tuple(zh_of.get(k, ())), tuple(en_of.get(k, ()))) for k in keys]


def _chrf(mt: tuple[str, ...] | None, en: Document, z: tuple[int, ...],
          e: tuple[int, ...]) -> float | None:
    if not mt or not z or not e:
        return None
    hyp = " ".join(mt[i] for i in z if i < len(mt) and mt[i].strip())
    if not hyp:
        return None
    from xcheck.lexicon.chrf import sentence_chrf

    return round(sentence_chrf(hyp, " ".join(en.sentences[j].text for j in e)), 4)


def align_units(zh: Document, en: Document, settings: AlignSettings = AlignSettings(),
                mt: tuple[str, ...] | None = None) -> Alignment:
    pairs = unit_beads(zh, en)
    ev = build_evidence(zh, en, names_enabled=settings.names)
    scorer = PairScorer(ev)
    zr, ec = random_baselines(scorer, samples=24)
    wz, we = sentence_weights(ev)
    beads: list[Bead] = []
    evidence = weight = 0.0
    for z, e in pairs:
        w = float(sum(wz[i] for i in z) + sum(we[j] for j in e))
        weight += w
        sim = 0.0
        if z and e:
            psum = sum(scorer.pair(i, j) for i in z for j in e)
            base = 0.5 * (len(e) * sum(zr[i] for i in z) + len(z) * sum(ec[j] for j in e))
            evidence += psum - base
            sim = max(0.0, min(1.0, psum / w)) if w > 0 else 0.0
        beads.append(Bead(z, e, round(sim, 4), _chrf(mt, en, z, e)))
    score = max(0.0, evidence / (weight or 1.0) * 2)
    return Alignment(zh, en, tuple(beads), round(min(score, 1.0), 4),
                     tuple(asdict(settings).items()))
