"""Re-pairing sentences the DP left on one side only.

The DP weighs lexical evidence against a length term. When one side drops a clause, the
shortened sentence no longer fits its counterpart's length, and the DP may leave it
unmatched (a null bead) while its counterpart joins the neighbouring bead: 判決書指出 ... ,
其中大部分被轉往海外帳戶 dropped to a zh-only bead while "Prosecutors found ..." went to the
bead before, as its second English sentence. A null bead next to a bead with two or more
sentences on the other side is re-paired with that bead's sentence at the boundary when the
lexical evidence (the DP's bead values without the length term) gains clearly by it.
"""

from __future__ import annotations

from dataclasses import replace

from xcheck.aligner.dp import Cums, DPInput, DPParams, DPResult, bead_value, summarise
from xcheck.settings import AlignSettings

Bead4 = tuple[int, int, int, int]

# The default gain re-pairing must bring (see AlignSettings.repair_gain).
REPAIR_GAIN = AlignSettings().repair_gain


def _alternatives(null: Bead4, nb: Bead4, before: bool) -> list[tuple[Bead4, Bead4]]:
    """(new neighbour, new bead of the orphan): the orphan takes the neighbour's boundary
    sentence on the other side, and the neighbour keeps at least one."""
    zs, ze, es, ee = null
    a0, a1, b0, b1 = nb
    if ze > zs and b1 - b0 >= 2:  # a zh-only sentence takes an English one
        return [((a0, a1, b0, b1 - 1), (zs, ze, b1 - 1, b1))] if before else \
            [((a0, a1, b0 + 1, b1), (zs, ze, b0, b0 + 1))]
    if ee > es and a1 - a0 >= 2:  # an en-only sentence takes a Chinese one
        return [((a0, a1 - 1, b0, b1), (a1 - 1, a1, es, ee))] if before else \
            [((a0 + 1, a1, b0, b1), (a0, a0 + 1, es, ee))]
    return []


def repair_nulls(inp: DPInput, params: DPParams, result: DPResult,
                 min_gain: float = REPAIR_GAIN) -> DPResult:
    lexical = replace(params, length_weight=0.0)
    cums = Cums(inp)

    def value(b: Bead4) -> float:
        return bead_value(inp, lexical, *b, cums=cums)

    beads = list(result.beads)
    changed = False
    k = 0
    while k < len(beads):
        zs, ze, es, ee = beads[k]
        if (ze > zs) == (ee > es) or ze - zs + ee - es != 1:
            k += 1
            continue
        best: tuple[float, int, Bead4, Bead4] | None = None
        for nk in (k - 1, k + 1):
            if not 0 <= nk < len(beads):
                continue
            nb = beads[nk]
            if nb[0] == nb[1] or nb[2] == nb[3]:
                continue
            for new_nb, new_bead in _alternatives(beads[k], nb, nk < k):
                gain = value(new_nb) + value(new_bead) - value(nb) - value(beads[k])
                if gain >= min_gain and (best is None or gain > best[0]):
                    best = (gain, nk, new_nb, new_bead)
        if best is not None:
            _, nk, new_nb, new_bead = best
            beads[nk], beads[k] = new_nb, new_bead
            beads.sort(key=lambda b: (b[0], b[2]))
            changed = True
        k += 1
    return summarise(inp, beads, cums) if changed else result
