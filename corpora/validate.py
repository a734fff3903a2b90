#!/usr/bin/env python3
"""Consistency checks for the xcheck test corpus (corpora/).

Run:  python corpora/validate.py            (exit status 1 if any error)

Checks: file encoding/line endings; gold .seg files are verbatim, in-order,
non-overlapping and lossless segmentations of their source paragraphs; .align
files cover every sentence exactly once in order; every string in
divergences.json / injections.json occurs exactly once where required; plus a
lint of the sentence-boundary rules (warnings only).
"""
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


_seen = set()


def read(path):
    first = path not in _seen
    _seen.add(path)
    with open(path, "rb") as f:
        b = f.read()
    rel = os.path.relpath(path, ROOT)
    if rel != "seed.txt" and first:
        if b.startswith(b"\xef\xbb\xbf"):
            err(f"{rel}: BOM")
        if b"\r" in b:
            err(f"{rel}: CR characters")
        if not b.endswith(b"\n"):
            err(f"{rel}: no final newline")
        if b.endswith(b"\n\n"):
            err(f"{rel}: trailing blank line")
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{rel}: not UTF-8 ({e})")
        return b.decode("utf-8", "replace")


def nows(s):
    return re.sub(r"\s+", "", s)


def txt_lines(path):
    text = read(path)
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            err(f"{os.path.relpath(path, ROOT)}: blank line {i + 1}")
    return lines


def seg_paras(path):
    text = read(path)
    body = text[:-1] if text.endswith("\n") else text
    paras = body.split("\n\n")
    out = []
    for p in paras:
        sents = p.split("\n")
        for s in sents:
            if not s:
                err(f"{os.path.relpath(path, ROOT)}: empty sentence line / extra blank line")
            elif s != s.strip():
                err(f"{os.path.relpath(path, ROOT)}: untrimmed sentence {s[:30]!r}")
        out.append([s for s in sents if s])
    return out


ZH_END = re.compile(r"(?:[。！？；!?;]|……)[」』”’）)]*$")
ZH_INNER = re.compile(r"(?:[。！？；]|……)[」』”’）]*(?=[^」』”’）])")
EN_END = re.compile(r"[.!?][”’\"')\]]*$")
ABBR = {"U.S.", "U.K.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Jan.", "Feb.", "Aug.",
        "Sept.", "Oct.", "Nov.", "Dec.", "a.m.", "p.m.", "No.", "Inc.", "Corp.", "Co.", "St.",
        "Jr.", "vs."}


def lint(rel, lang, paras):
    for pi, sents in enumerate(paras):
        for s in sents:
            end = ZH_END if lang == "zh" else EN_END
            headline = pi == 0 and len(sents) == 1 and not end.search(s)
            if lang == "zh":
                if not headline and not ZH_END.search(s):
                    warn(f"{rel}: zh sentence without final mark: {s[-20:]!r}")
                m = ZH_INNER.search(s)
                if m:
                    near = s[max(0, m.start() - 10) : m.end() + 10]
                    warn(f"{rel}: zh sentence has an inner end mark: ...{near!r}")
            else:
                if not headline and not EN_END.search(s):
                    warn(f"{rel}: en sentence without final mark: {s[-30:]!r}")
                for m in re.finditer(r"(\S+[.!?][”’\"')]*)\s+[“\"‘(]?[A-Z]", s):
                    if m.group(1) not in ABBR:
                        warn(f"{rel}: possible inner sentence end after {m.group(1)!r}")


def check_seg(ver, slug, lang):
    src = os.path.join(ROOT, ver, f"{slug}.{lang}.txt")
    seg = os.path.join(ROOT, "gold", ver, f"{slug}.{lang}.seg")
    rel = os.path.relpath(seg, ROOT)
    if not os.path.exists(seg):
        err(f"missing {rel}")
        return 0
    lines = txt_lines(src)
    paras = seg_paras(seg)
    if len(paras) != len(lines):
        err(f"{rel}: {len(paras)} paragraphs but {len(lines)} lines in source")
    for k, (line, sents) in enumerate(zip(lines, paras, strict=False)):
        cur = 0
        for s in sents:
            i = line.find(s, cur)
            if i < 0:
                err(f"{rel}: para {k}: sentence not found in order: {s[:40]!r}")
                break
            if line[cur:i].strip():
                err(f"{rel}: para {k}: text skipped before {s[:30]!r}: {line[cur:i]!r}")
            cur = i + len(s)
        if nows("".join(sents)) != nows(line):
            err(f"{rel}: para {k}: concatenation != paragraph")
    lint(rel, lang, paras)
    return sum(len(p) for p in paras)


def check_align(ver, slug, nzh, nen):
    path = os.path.join(ROOT, "gold", ver, f"{slug}.align")
    rel = os.path.relpath(path, ROOT)
    if not os.path.exists(path):
        err(f"missing {rel}")
        return []
    zi = ei = 0
    beads = []
    for ln in read(path).splitlines():
        m = re.fullmatch(r"\[([0-9,]*)\]:\[([0-9,]*)\]", ln)
        if not m:
            err(f"{rel}: bad bead {ln!r}")
            continue
        z = [int(x) for x in m.group(1).split(",") if x]
        e = [int(x) for x in m.group(2).split(",") if x]
        if not z and not e:
            err(f"{rel}: empty bead")
        if z != list(range(zi, zi + len(z))) or e != list(range(ei, ei + len(e))):
            err(f"{rel}: bead {ln} out of order (expected zh from {zi}, en from {ei})")
        zi += len(z)
        ei += len(e)
        beads.append((z, e))
    if zi != nzh or ei != nen:
        err(f"{rel}: covers {zi}/{ei} sentences, seg has {nzh}/{nen}")
    return beads


def count(hay, needle):
    return hay.count(needle) if needle else 0


def main():
    for dirpath, _, files in os.walk(ROOT):
        for fn in files:
            if fn.endswith((".txt", ".seg", ".align", ".json", ".md")):
                read(os.path.join(dirpath, fn))

    stats = {}
    for ver in ("pairs", "faithful"):
        slugs = sorted({f.rsplit(".", 2)[0] for f in os.listdir(os.path.join(ROOT, ver))
                        if f.endswith(".txt")})
        for slug in slugs:
            for lang in ("zh", "en"):
                if not os.path.exists(os.path.join(ROOT, ver, f"{slug}.{lang}.txt")):
                    err(f"missing {ver}/{slug}.{lang}.txt")
            nz = check_seg(ver, slug, "zh")
            ne = check_seg(ver, slug, "en")
            beads = check_align(ver, slug, nz, ne)
            nulls = sum(1 for z, e in beads if not z or not e)
            if ver == "faithful" and nulls:
                err(f"faithful/{slug}: {nulls} null beads in a faithful pair")
            stats[(ver, slug)] = (nz, ne, len(beads), nulls)
    for slug in sorted({s for v, s in stats if v == "faithful"}):
        if ("pairs", slug) not in stats:
            err(f"faithful/{slug} has no pairs/ version")

    def text(ver, slug, lang):
        p = os.path.join(ROOT, ver, f"{slug}.{lang}.txt")
        return read(p) if os.path.exists(p) else ""

    cats = {"zh_only", "en_only", "omission", "addition", "mismatch"}
    types = {"sentence", "number", "name", "date_time", "quote", "content", "term"}
    divs = json.loads(read(os.path.join(ROOT, "divergences.json")))
    for d in divs:
        tag = f"divergences[{d.get('pair')}/{d.get('zh') or d.get('en')}]"
        if d.get("category") not in cats or d.get("type") not in types:
            err(f"{tag}: bad category/type")
        for key, lang in (("zh", "zh"), ("en", "en"), ("zh_anchor", "zh"), ("en_anchor", "en")):
            s = d.get(key)
            if s is not None:
                c = count(text("pairs", d["pair"], lang), s)
                if c != 1:
                    err(f"{tag}: {key} {s!r} occurs {c} times in pairs/{d['pair']}.{lang}.txt")
        need = {"zh_only": ("zh",), "en_only": ("en",), "omission": ("zh",), "addition": ("en",),
                "mismatch": ("zh", "en")}.get(d.get("category"), ())
        for k in need:
            if not d.get(k):
                err(f"{tag}: category {d['category']} needs {k}")

    kinds = {"time_added", "given_name_added", "appositive_added", "clause_dropped",
             "place_swapped", "number_changed"}
    injs = json.loads(read(os.path.join(ROOT, "injections.json")))
    per = collections.Counter()
    for j in injs:
        tag = f"injections[{j.get('pair')}/{j.get('kind')}/{j.get('find')!r}]"
        if j.get("kind") not in kinds or j.get("side") not in ("zh", "en"):
            err(f"{tag}: bad kind/side")
            continue
        t = text("faithful", j["pair"], j["side"])
        c = t.count(j["find"])
        if c != 1:
            err(f"{tag}: find occurs {c} times")
        if j["find"] == j["replace"]:
            err(f"{tag}: no-op")
        if j.get("span") is not None and j["span"] not in j["replace"]:
            err(f"{tag}: span not in replace")
        if j["kind"] == "clause_dropped" and j.get("span") is not None:
            err(f"{tag}: clause_dropped must have span null")
        if j["kind"] != "clause_dropped" and not j.get("span"):
            err(f"{tag}: span missing")
        other = "en" if j["side"] == "zh" else "zh"
        a = j.get("other_side_anchor")
        if a is not None:
            ca = text("faithful", j["pair"], other).count(a)
            if ca == 0:
                err(f"{tag}: anchor {a!r} not found")
            elif ca > 1:
                warn(f"{tag}: anchor {a!r} occurs {ca} times")
        if a is None and j["kind"] in ("given_name_added", "clause_dropped", "place_swapped",
                                       "number_changed"):
            warn(f"{tag}: no anchor")
        if "\n" in j["replace"]:
            err(f"{tag}: newline in replace")
        if j["side"] == "zh":  # the same edit on the machine translation
            mt_path = os.path.join(ROOT, "mt", "faithful", f"{j['pair']}.mt.txt")
            mt = read(mt_path) if os.path.exists(mt_path) else ""
            if "mt_find" not in j or "mt_replace" not in j:
                err(f"{tag}: a Chinese-side injection needs mt_find and mt_replace")
            elif mt.count(j["mt_find"]) != 1:
                err(f"{tag}: mt_find occurs {mt.count(j['mt_find'])} times in the MT")
        per[(j["kind"], j["side"])] += 1

    # Machine translations: one line per gold Chinese sentence, blank lines where it has them.
    for ver, slug in sorted(stats):
        mt_path = os.path.join(ROOT, "mt", ver, f"{slug}.mt.txt")
        if not os.path.exists(mt_path):
            err(f"missing mt/{ver}/{slug}.mt.txt")
            continue
        seg = read(os.path.join(ROOT, "gold", ver, f"{slug}.zh.seg")).rstrip("\n").split("\n")
        mt = read(mt_path).rstrip("\n").split("\n")
        if [bool(x.strip()) for x in seg] != [bool(x.strip()) for x in mt]:
            err(f"mt/{ver}/{slug}.mt.txt: lines do not match gold/{ver}/{slug}.zh.seg")

    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(stats)} pairs checked, {len(divs)} divergences, {len(injs)} injections")
    for k in sorted(kinds):
        print(f"  {k}: zh {per[(k, 'zh')]}, en {per[(k, 'en')]}")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
