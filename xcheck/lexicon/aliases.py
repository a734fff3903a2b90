"""English words a Chinese article implies without a word for them, reporting verbs, and the
conventional renderings shipped with xcheck (xcheck/data/aliases.tsv)."""

from __future__ import annotations

from functools import lru_cache

from xcheck.lexicon.english import stem

# English words a Chinese article implies without a word for them, or that CC-CEDICT glosses
# differently: "U.S." is 美, "Washington" often stands for 美國.
EN_ALIASES: dict[str, tuple[str, ...]] = {
    "u.s": ("美",), "us": ("美",), "america": ("美",), "american": ("美",),
    "washington": ("华盛顿", "美"), "beij": ("北京", "中"), "moscow": ("莫斯科", "俄"),
    "kyiv": ("基辅", "乌"), "kiev": ("基辅",), "eu": ("欧盟",), "un": ("联合国",),
    "uk": ("英国",), "u.k": ("英",), "nato": ("北约",), "britain": ("英",),
    "british": ("英",), "taiwan": ("台",), "chines": ("中", "华"), "china": ("中",),
    "european": ("欧",), "europ": ("欧",), "western": ("西方",), "west": ("西",),
    "russian": ("俄",), "russia": ("俄",), "ukrainian": ("乌",), "ukrain": ("乌",),
    "german": ("德",), "germani": ("德",), "french": ("法",), "franc": ("法",),
    "japanes": ("日",), "japan": ("日",), "unit": ("美", "联合"),
    "g7": ("七国集团",), "g20": ("二十国集团",), "nt": ("台币",), "yuan": ("元", "人民币"),
    "asean": ("东协", "东盟"), "us$": ("美元",), "dollar": ("元",),
}


# Reporting verbs: "said" renders 表示, 指出, 認為, 坦言 ... which CC-CEDICT glosses otherwise.
ZH_SAY = frozenset("表示 说 說 指出 认为 認為 称 稱 提醒 坦言 强调 強調 透露 宣布 说明 說明 "
                   "直言 表明 谈到 談到 指 称赞 呼吁 呼籲 警告 回应 回應".split())
EN_SAY = frozenset(stem(w) for w in "say said tell told note add stress warn state argue "
                   "believe urge admit explain remark acknowledge point".split())


@lru_cache(maxsize=1)
def builtin_aliases() -> tuple[tuple[str, str], ...]:
    """Conventional renderings shipped with xcheck (xcheck/data/aliases.tsv)."""
    from importlib import resources

    text = (resources.files("xcheck") / "data" / "aliases.tsv").read_text("utf-8")
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            zh, en = line.split("\t", 1)
            out.append((zh.strip(), en.strip()))
    return tuple(out)
