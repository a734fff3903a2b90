"""Alignment output: beads (CONTRACT.md), JSON, or the two texts side by side."""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import asdict

from xcheck.model import Alignment
from xcheck.report.json_report import alignment_list, document_dict, mt_dict
from xcheck.settings import Settings


def beads_text(alignment: Alignment) -> str:
    return "".join(
        f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]\n" for b in alignment.beads)


def side_by_side(alignment: Alignment, width: int | None = None) -> str:
    width = width or min(shutil.get_terminal_size((120, 20)).columns, 160)
    col = max(20, (width - 12) // 2)
    out: list[str] = []
    if alignment.mt is not None and alignment.mt.used:
        out += ["(left: similarity = chrF++ of the English against the machine translation)", ""]
    for b in alignment.beads:
        zh = " ".join(alignment.zh.sentences[i].text for i in b.zh) or "—"
        en = " ".join(alignment.en.sentences[j].text for j in b.en) or "—"
        left = textwrap.wrap(zh, col // 2 if zh != "—" else col) or [""]
        right = textwrap.wrap(en, col) or [""]
        label = f"{b.similarity:.2f}"
        for k in range(max(len(left), len(right))):
            lt = left[k] if k < len(left) else ""
            pad = col - sum(2 if ord(c) > 0x2E80 else 1 for c in lt)
            out.append(f"{label if k == 0 else '':5} {lt}{' ' * max(pad, 1)}| "
                       f"{right[k] if k < len(right) else ''}")
        out.append("")
    return "\n".join(out)


def render_alignment(alignment: Alignment, fmt: str, settings: Settings) -> str:
    if fmt == "beads":
        return beads_text(alignment)
    if fmt == "json":
        from xcheck.api import mt_settings

        recorded = {**asdict(settings), **mt_settings(alignment.mt, settings.align.mt_weight)}
        data = {"settings": recorded,
                "zh": document_dict(alignment.zh),
                "en": document_dict(alignment.en), "document_score": alignment.score,
                "alignment": alignment_list(alignment)}
        if alignment.mt is not None:
            data["mt"] = mt_dict(alignment.mt)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return side_by_side(alignment)
