"""Fuzz the readers, the segmenters and the full pipeline; print what was tried and found.

Hypothesis generates the inputs (random bytes and bilingual-looking text salted with odd
Unicode); every entry point may raise ``XcheckError`` (that is refusing bad input, which is
fine) and nothing else. Each entry point also checks a few cheap invariants (offsets point
into the text, every sentence is in exactly one bead). A failure is shrunk by Hypothesis to
a minimal repro, which is printed.

Usage: python benchmarks/fuzz.py [--scale 1.0] [--seed 0] [--only NAME ...]

The default budget is 100,000 decode + split + segment inputs and 5,000 full checks
(``--scale 0.1`` for a quick run).
"""

from __future__ import annotations

import argparse
import codecs
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xcheck.api import check_documents  # noqa: E402
from xcheck.errors import XcheckError  # noqa: E402
from xcheck.io import decode, split_bilingual  # noqa: E402
from xcheck.load import bilingual_from_text  # noqa: E402
from xcheck.model import Document, Lang  # noqa: E402
from xcheck.segmentation import build_document, words  # noqa: E402

ZH_WORDS = ["烏克蘭", "总统", "澤連斯基", "表示", "北約", "和平", "妥協", "新华社", "記者",
            "三月", "十五日", "萬", "億", "百分之", "台北", "習近平", "威特科夫", "週末", "說",
            "「", "」", "“", "”", "《", "》", "（", "）", "，", "。", "！", "？", "；", "：",
            "、", "…", "——", "一", "二", "十", "零", "兩"]
EN_WORDS = ["the", "Ukraine", "President", "Zelensky", "said", "NATO", "peace", "U.S.",
            "Mr.", "Steve", "Witkoff", "this", "weekend", "on", "March", "15", "2025",
            "3.5%", "$1.2", "billion", "\"", "'", ",", ".", "!", "?", ";", ":", "(", ")",
            "...", "-", "--", "a.m.", "Taipei", "Xi", "Jinping"]
ODD = ["\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u0301", "\u0308",
       "\U0001f600", "\U0001f1e8\U0001f1f3", "\U00020000", "\U0002a6d6", "ＡＢＣ", "１２３",
       "　", "\t", "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\ud800",
       "<script>alert(1)</script>", "[x](http://e)", "**", "::error::", "%0A", "]]>",
       "カタカナ", "ひらがな", "한국어", "ـ", "שלום", "١٢٣", "ﬁ", "Ⅻ", "½", "²"]
SPACE = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r"]

token = st.one_of(
    st.sampled_from(ZH_WORDS), st.sampled_from(ZH_WORDS), st.sampled_from(EN_WORDS),
    st.sampled_from(EN_WORDS), st.sampled_from(SPACE), st.sampled_from(ODD),
    st.text(max_size=4), st.integers(-10**12, 10**12).map(str),
    st.text(alphabet="0123456789.,%一二三四五六七八九十百千万萬亿億零两点", min_size=1,
            max_size=400),
)
texts = st.lists(token, max_size=60).map("".join)
zh_text = st.lists(st.one_of(st.sampled_from(ZH_WORDS), token), max_size=50).map("".join)
en_text = st.lists(st.one_of(st.sampled_from(EN_WORDS), st.just(" "), token),
                   max_size=50).map("".join)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "utf-32",
             "gb18030", "big5"]


@st.composite
def encoded(draw: Any) -> bytes:
    text: str = draw(texts)
    enc: str = draw(st.sampled_from(ENCODINGS))
    data = text.encode(enc, errors="ignore")
    if draw(st.booleans()):  # damage it: flip, insert or cut some bytes
        for _ in range(draw(st.integers(1, 4))):
            pos = draw(st.integers(0, len(data)))
            junk: bytes = draw(st.binary(max_size=3))
            data = data[:pos] + junk + data[pos + draw(st.integers(0, 2)):]
    return data


raw_bytes = st.one_of(st.binary(max_size=200), encoded(),
                      st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                       codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]).flatmap(
                          lambda bom: st.binary(max_size=64).map(lambda b: bom + b)))


def check_doc(doc: Document) -> None:
    """Offsets point into the text, sentences are in order and do not overlap."""
    prev = 0
    for k, s in enumerate(doc.sentences):
        assert s.index == k
        assert prev <= s.start < s.end <= len(doc.text), (s.start, s.end)
        assert doc.text[s.start : s.end] == s.text
        prev = s.end
        for w in words(doc, s):
            assert s.start <= w.start < w.end <= s.end, (w, s)
            assert doc.text[w.start : w.end] == w.text


def fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data, "fuzz")
    except XcheckError:
        return
    assert "\r" not in text


def fuzz_split(text: str) -> None:
    split = split_bilingual(text)
    seen = [li.number for li in (*split.zh, *split.en, *split.ignored)]
    assert len(seen) == len(set(seen))
    try:
        zh, en = bilingual_from_text(text)
    except XcheckError:
        return
    check_doc(zh)
    check_doc(en)


def fuzz_segment(text: str, lang: Lang) -> None:
    for presegmented in (False, True):
        try:
            doc = build_document(text, lang, presegmented=presegmented)
        except XcheckError:
            continue
        check_doc(doc)


def fuzz_segment_zh(text: str) -> None:
    fuzz_segment(text, Lang.ZH)


def fuzz_segment_en(text: str) -> None:
    fuzz_segment(text, Lang.EN)


def fuzz_check(zh: str, en: str) -> None:
    try:
        report = check_documents(build_document(zh, Lang.ZH), build_document(en, Lang.EN))
    except XcheckError:
        return
    al = report.alignment
    assert sorted(i for b in al.beads for i in b.zh) == list(range(len(al.zh.sentences)))
    assert sorted(j for b in al.beads for j in b.en) == list(range(len(al.en.sentences)))
    for f in report.findings:
        for side, doc in ((f.zh, al.zh), (f.en, al.en)):
            for sp in side.spans:
                assert 0 <= sp.start <= sp.end <= len(doc.text)
                assert any(doc.sentences[i].start <= sp.start and sp.end
                           <= doc.sentences[i].end for i in side.sentences), (f, sp)


MARKUP = ["<p>", "</p>", "<b>", "</b>", "<br>", "<script>", "</script>", "&amp;", "&#x27;",
          "&nbsp", "<!--", "-->", "**", "[", "](http://x)", "\\", "\n", "\n\n", "# ", "- ",
          "<seg>", "</seg>", "<g id='1'>", "</g>", "<x/>", "<![CDATA[", "]]>", "<"]


def wrap(fmt: str, body: str) -> str:
    """A file of ``fmt`` around ``body`` (which may break it: that is the point)."""
    if fmt == "xliff":
        return ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
                'source-language="zh" target-language="en"><body><trans-unit id="1"><source>'
                f"{body}</source><target>{body}</target></trans-unit></body></file></xliff>")
    if fmt == "tmx":
        return (f'<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>'
                f'{body}</seg></tuv><tuv xml:lang="en"><seg>{body}</seg></tuv></tu></body></tmx>')
    return f"<html><body><article>{body}</article></body></html>" if fmt == "html" else body


def fuzz_formats(fmt: str, parts: list[str]) -> None:
    """Readers of structured formats: refuse with XcheckError or map every character of
    the checked text back inside the file."""
    from xcheck.formats import BilingualText, read_format

    source = wrap(fmt, "".join(parts))
    try:
        result = read_format(fmt, source.encode("utf-8"), "fuzz", None, 10**6)
    except XcheckError:
        return
    smap = result.source
    source = smap.text  # as read: newlines normalised
    assert smap.format.startswith(fmt)
    import html

    for k, ch in enumerate(result.text):
        a, b = smap.to_source(k, k + 1)
        assert 0 <= a <= b <= len(source), (k, a, b)
        if fmt != "markdown" and not ch.isspace():  # the file's characters say the same
            # (a reference decoding to several characters maps to it as a whole)
            assert ch in html.unescape(source[a:b]), (k, ch, source[a:b])
    if isinstance(result, BilingualText):
        assert all(0 <= u.zh.start <= u.zh.end <= len(result.text) for u in smap.units)


format_parts = st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(ZH_WORDS),
                                  st.sampled_from(EN_WORDS), st.text(max_size=4)), max_size=30)


@dataclass
class Entry:
    name: str
    fn: Callable[..., None]
    strategies: tuple[Any, ...]
    budget: int
    tried: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


ENTRIES = [
    Entry("decode", fuzz_decode, (raw_bytes,), 40_000),
    Entry("split_bilingual", fuzz_split, (texts,), 20_000),
    Entry("segment_zh", fuzz_segment_zh, (zh_text,), 20_000),
    Entry("segment_en", fuzz_segment_en, (en_text,), 20_000),
    Entry("check_documents", fuzz_check, (zh_text, en_text), 5_000),
    Entry("formats", fuzz_formats,
          (st.sampled_from(["html", "markdown", "xliff", "tmx"]), format_parts), 10_000),
]


def _flatten(e: BaseException) -> list[BaseException]:
    if isinstance(e, BaseExceptionGroup):
        return [x for sub in e.exceptions for x in _flatten(sub)]
    return [e]


def run_entry(entry: Entry, budget: int, seed_value: int) -> None:
    def counted(args: tuple[Any, ...]) -> None:
        entry.tried += 1
        entry.fn(*args)

    test = settings(max_examples=budget, deadline=None, database=None, derandomize=False,
                    phases=[Phase.generate, Phase.shrink], print_blob=False,
                    suppress_health_check=list(HealthCheck))(
        given(st.tuples(*entry.strategies))(counted))
    test = seed(seed_value)(test)
    t0 = time.perf_counter()
    try:
        test()
    except Exception as e:  # a crash: Hypothesis has shrunk it; record the minimal repro
        for exc in _flatten(e):
            notes = " ".join(n.strip() for n in getattr(exc, "__notes__", [])
                             if "Failing test case" in n or "args=" in n)
            where = traceback.extract_tb(exc.__traceback__)[-1]
            error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            entry.failures.append(f"{error} at {Path(where.filename).name}:{where.lineno}"
                                  f"\n{' '.join(notes.split())}")
    entry.seconds = time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every budget")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="*", default=None, help="entry points to run")
    args = parser.parse_args()
    # Warm up the dictionaries so the first entry's time is comparable.
    check_documents(build_document("你好。", Lang.ZH), build_document("Hello.", Lang.EN))
    total_t0 = time.perf_counter()
    for entry in ENTRIES:
        if args.only and entry.name not in args.only:
            continue
        run_entry(entry, max(1, int(entry.budget * args.scale)), args.seed)
        status = "ok" if not entry.failures else "FAILED"
        print(f"{entry.name:16} {entry.tried:>8,} inputs  {entry.seconds:7.1f} s  "
              f"{len(entry.failures)} unhandled  {status}", flush=True)
        for failure in entry.failures:
            print("    " + failure.replace("\n", "\n    "), flush=True)
    ran = [e for e in ENTRIES if not args.only or e.name in args.only]
    total = sum(e.tried for e in ran)
    failed = sum(len(e.failures) for e in ran)
    print(f"{'total':16} {total:>8,} inputs  {time.perf_counter() - total_t0:7.1f} s  "
          f"{failed} unhandled")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
