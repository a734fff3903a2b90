"""xcheck.report.html: the HTML report. Its structure on every corpora pair, planted markup
rendered inert, and the page in a real headless browser (Debian's chromium): the page's script
runs under its own Content-Security-Policy, every finding is in the DOM.

The browser tests are skipped only when chromium is missing and ``CI`` is not set; under CI a
missing browser fails.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser import chromium  # noqa: F401  (the fixture)
from tests.helpers import PAIRS, PAYLOAD, corpus_report, hostile_report, same_language_report
from xcheck.load import document_from_text
from xcheck.model import Lang
from xcheck.report import render

NAMES = [p[0] for p in PAIRS]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.scripts = 0
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "script":
            self.scripts += 1
            assert "src" not in a
        if tag == "meta":
            self.meta.append(a)
        assert tag not in ("link", "img", "iframe", "object")


@pytest.mark.parametrize("name", NAMES)
def test_html(name: str) -> None:
    report = corpus_report(name)
    out = render(report, "html")
    p = _Collect()
    p.feed(out)
    assert p.scripts == 1
    csp = next(m["content"] for m in p.meta if m.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp and "'unsafe-inline'" not in csp
    assert "http://" not in out and "https://" not in out
    for k in range(len(report.findings)):
        assert f"f-{k}" in p.ids
    al = report.alignment
    assert len([i for i in p.ids if i.startswith("b-")]) == len(al.beads)
    assert len([i for i in p.ids if i.startswith("zh-")]) == len(al.zh.sentences)
    assert len([i for i in p.ids if i.startswith("en-")]) == len(al.en.sentences)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


def _html_inert(out: str) -> None:
    p = _Tags()
    p.feed(out)
    p.close()
    assert [t for t, _ in p.tags].count("script") == 1  # ours, nothing planted
    assert "img" not in [t for t, _ in p.tags]
    for _, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not any("javascript:" in (v or "") for k, v in attrs.items() if k == "href")
    assert PAYLOAD in "".join(p.text)  # shown, as text


def test_html_renders_the_payload_inert() -> None:
    out = render(hostile_report(), "html")
    _html_inert(out)
    assert "<script>alert(1)</script>" not in out
    assert "<img src=x" not in out




def _flags(tmp: Path) -> list[str]:
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tmp / 'profile'}"]


def dump_dom(browser: str, page: Path, tmp: Path) -> str:
    proc = subprocess.run([browser, *_flags(tmp), "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_seed_report_in_browser(chromium: str, tmp_path: Path) -> None:  # noqa: F811
    report = corpus_report("seed-one-file")
    page = tmp_path / "seed.html"
    page.write_text(render(report, "html"), "utf-8")
    dom = dump_dom(chromium, page, tmp_path)
    # our inline script ran, so the CSP hash matches it
    assert re.search(r"<html[^>]*data-js=\"ready\"", dom), dom[:300]
    assert f'<span id="shown">{len(report.findings)}</span>' in dom
    for k, f in enumerate(report.findings):
        assert f'id="f-{k}"' in dom
        from html import escape

        assert escape(f.message, quote=False) in dom
    assert dom.count("<mark ") >= sum(1 for f in report.findings if f.en.spans or f.zh.spans)


def test_planted_script_does_not_run(chromium: str, tmp_path: Path) -> None:  # noqa: F811
    from xcheck.api import check_documents

    plant = ("<script>document.documentElement.setAttribute('data-pwned','1')</script>"
             "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned2','1')\">")
    zh_text = ("美國總統川普週一在白宮表示,從下個月起對進口鋼鐵加徵百分之二十五的關稅,"
               "財政部長說這項措施將保護國內就業,並且不會影響盟國的出口。" * 3
               + f"\n\n官員說:「{plant}」\n")
    zh = document_from_text(zh_text, Lang.ZH, path="plant.zh.txt")
    en = document_from_text("U.S. President Trump said on Monday at the White House that "
                            f"tariffs would rise by 10 percent.\n\nAn official said \"{plant}\"."
                            "\n", Lang.EN, path="plant.en.txt")
    page = tmp_path / "plant.html"
    page.write_text(render(check_documents(zh, en), "html"), "utf-8")
    dom = dump_dom(chromium, page, tmp_path)
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag is not None
    assert "data-js=\"ready\"" in html_tag.group()
    assert "data-pwned" not in html_tag.group()
    assert "&lt;script&gt;document.documentElement" in dom  # shown as text
    assert "<img" not in dom


def test_least_similar_first_reorders_the_beads(chromium: str, tmp_path: Path) -> None:  # noqa: F811
    from tests.conftest import CORPORA
    from xcheck.api import check

    report = check(CORPORA / "seed.txt", mt=CORPORA / "mt" / "seed.mt.txt")
    page = tmp_path / "seed.html"
    page.write_text(render(report, "html"), "utf-8")
    proc = subprocess.run([chromium, *_flags(tmp_path), "--dump-dom", page.as_uri() + "#least"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    sims = [float(x) for x in re.findall(r'class="bead"[^>]*data-sim="([-\d.]+)"', proc.stdout)]
    assert len(sims) == len(report.alignment.beads)
    assert sims == sorted(sims) and sims != [float(x) for x in re.findall(
        r'class="bead"[^>]*data-sim="([-\d.]+)"', page.read_text("utf-8"))]


def test_html_does_not_flag_every_sentence_for_a_document_finding() -> None:
    from xcheck.report import render

    html = render(same_language_report(), "html")
    assert "sent flag" not in html
    assert 'href="#b-' not in html.split('id="f-0"', 1)[1].split("</li>", 1)[0]
