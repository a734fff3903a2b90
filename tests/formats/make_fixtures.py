"""Write the format fixtures: the corpora pair cn-court-bribery as HTML, Markdown, DOCX,
XLIFF 1.2, XLIFF 2.0 and TMX (run from the project folder; the files are committed).

    python -m tests.formats.make_fixtures

The articles' paragraphs are the plain-text pair's lines; the bilingual files' units are
the beads of its golden alignment (tests/golden/cn-court-bribery.json), as a translator's
tool would segment them. Each file carries the markup its format allows (links, emphasis,
entities, inline codes, navigation, a header, a comment), so the tests see it removed.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[2]
PAIR = "cn-court-bribery"
OUT = Path(__file__).resolve().parent / "fixtures"


def pair() -> tuple[list[str], list[str]]:
    zh, en = ((ROOT / "corpora" / "pairs" / f"{PAIR}.{lang}.txt").read_text("utf-8")
              for lang in ("zh", "en"))
    return zh.splitlines(), en.splitlines()


def units() -> list[tuple[str, str]]:
    """(Chinese, English) of each bead of the golden alignment."""
    gold = json.loads((ROOT / "tests" / "golden" / f"{PAIR}.json").read_text("utf-8"))
    zh_text, en_text = ((ROOT / "corpora" / "pairs" / f"{PAIR}.{lang}.txt").read_text("utf-8")
                        for lang in ("zh", "en"))

    def side(text: str, doc: dict[str, list[dict[str, int]]], ids: list[int], sep: str) -> str:
        return sep.join(text[doc["sentences"][i]["start"]:doc["sentences"][i]["end"]]
                        for i in ids)

    return [(side(zh_text, gold["zh"], b["zh"], ""), side(en_text, gold["en"], b["en"], " "))
            for b in gold["alignment"]]


def html_page(lines: list[str], lang: str) -> str:
    def para(k: int, line: str) -> str:
        text = html.escape(line)  # apostrophes as &#x27;, as CMS exports write them
        if k == 2:  # a link and emphasis inside a paragraph
            first = text.split(" ", 1) if lang == "en" else [text[:2], text[2:]]
            text = f'<a href="https://example.invalid/court">{first[0]}</a> ' \
                   f"<strong>{first[1]}</strong>" if lang == "en" else \
                   f'<a href="https://example.invalid/court">{first[0]}</a><em>{first[1]}</em>'
        return f"    <p>{text}</p>"

    body = "\n".join([f"    <h1>{html.escape(lines[0])}</h1>",
                      *(para(k, line) for k, line in enumerate(lines[1:], 1))])
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>Court | Example News</title>
  <style>p {{ margin: 0 }}</style>
  <script>window.ads = ["<p>not article text</p>"];</script>
</head>
<body>
  <nav><a href="/">Home</a> &middot; <a href="/china">China</a></nav>
  <header><p>Example News &mdash; 7 December</p></header>
  <main>
  <article>
{body}
  </article>
  <aside><p>Most read: another story.</p></aside>
  </main>
  <footer><p>&copy; Example News</p></footer>
</body>
</html>
"""


def markdown_page(lines: list[str], lang: str) -> str:
    paras = []
    for k, line in enumerate(lines[1:], 1):
        if k == 2:
            head, rest = (line.split(" ", 1) if lang == "en" else (line[:2], line[2:]))
            sep = " " if lang == "en" else ""
            line = f"[{head}](https://example.invalid/court \"court\"){sep}**{rest}**"
        if k == 1 and lang == "en":  # an entity and a backslash escape
            line = line.replace("People's", "People&#39;s").replace("No. 1", "No\\. 1")
        if k == 4:  # a paragraph wrapped over two lines (a soft break)
            stop = ". " if lang == "en" else "。"
            at = line.index(stop) + len(stop.rstrip())
            line = line[:at] + "\n" + line[at:].lstrip()
        paras.append(line)
    return "\n".join([
        "---", f"lang: {lang}", "title: court", "---", "",
        f"# {lines[0]}", "",
        "![a photo of the court](https://example.invalid/court.jpg)", "",
        *(p + "\n" for p in paras)]).rstrip("\n") + "\n"


def docx_file(lines: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Example News: page header"
    document.sections[0].footer.paragraphs[0].text = "Example News: page footer"
    document.add_heading(lines[0], level=1)
    for k, line in enumerate(lines[1:], 1):
        p = document.add_paragraph()
        if k == 2:  # split into runs, one bold, with an editor's comment on it
            cut = len(line) // 3
            p.add_run(line[:cut])
            bold = p.add_run(line[cut:2 * cut])
            bold.bold = True
            p.add_run(line[2 * cut:])
            document.add_comment(bold, text="check this figure", author="Desk")
        else:
            p.add_run(line)
    document.core_properties.author = "xcheck tests"
    document.save(str(path))


def xliff12(pairs: list[tuple[str, str]]) -> str:
    rows = []
    for k, (zh, en) in enumerate(pairs, 1):
        target = escape(en).replace("'", "&apos;")
        if k == 3:  # an inline code and a <g> container
            target = target.replace("Zhou", '<g id="1">Zhou</g>', 1) + '<x id="2"/>'
        tgt = f"\n        <target>{target}</target>" if en else ""
        rows.append(f'      <trans-unit id="s{k}">\n        <source>{escape(zh)}</source>'
                    f'{tgt}\n      </trans-unit>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '  <file original="court.txt" source-language="zh-CN" target-language="en-US" '
            'datatype="plaintext">\n    <body>\n' + "\n".join(rows) +
            "\n    </body>\n  </file>\n</xliff>\n")


def xliff20(pairs: list[tuple[str, str]]) -> str:
    rows = []
    for k, (zh, en) in enumerate(pairs, 1):
        target = escape(en).replace("'", "&apos;")
        if k == 3:
            target = target.replace("Zhou", '<pc id="1">Zhou</pc>', 1) + '<ph id="2"/>'
        tgt = f"\n        <target>{target}</target>" if en else ""
        rows.append(f'    <unit id="u{k}">\n      <segment>\n        <source>{escape(zh)}'
                    f'</source>{tgt}\n      </segment>\n    </unit>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            'srcLang="zh-Hans" trgLang="en">\n  <file id="f1">\n' + "\n".join(rows) +
            "\n  </file>\n</xliff>\n")


def tmx(pairs: list[tuple[str, str]]) -> str:
    rows = []
    for k, (zh, en) in enumerate(pairs, 1):
        seg = escape(en).replace("'", "&apos;")
        if k == 3:
            seg = seg.replace("Zhou", "<hi>Zhou</hi>", 1) + '<ph x="1">{1}</ph>'
        en_tuv = f'\n    <tuv xml:lang="en-US"><seg>{seg}</seg></tuv>' if en else ""
        rows.append(f'  <tu tuid={quoteattr(str(k))}>\n    <tuv xml:lang="zh-CN"><seg>'
                    f"{escape(zh)}</seg></tuv>{en_tuv}\n  </tu>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '  <header creationtool="xcheck-tests" creationtoolversion="1" segtype="sentence" '
            'o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>\n'
            "  <body>\n" + "\n".join(rows) + "\n  </body>\n</tmx>\n")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    zh, en = pair()
    for lang, lines in (("zh", zh), ("en", en)):
        (OUT / f"{PAIR}.{lang}.html").write_text(html_page(lines, lang), "utf-8")
        (OUT / f"{PAIR}.{lang}.md").write_text(markdown_page(lines, lang), "utf-8")
        docx_file(lines, OUT / f"{PAIR}.{lang}.docx")
    beads = units()
    (OUT / f"{PAIR}.xlf").write_text(xliff12(beads), "utf-8")
    (OUT / f"{PAIR}.v2.xlf").write_text(xliff20(beads), "utf-8")
    (OUT / f"{PAIR}.tmx").write_text(tmx(beads), "utf-8")


if __name__ == "__main__":
    main()
