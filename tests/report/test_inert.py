"""Output inert for its reader (xcheck/report/inert.py): control characters from an article
are shown escaped in the text and github formats (and on a terminal); Markdown neutralises
@mentions and #references."""

from __future__ import annotations

import io

from rich.console import Console

from tests.helpers import run
from xcheck.report import RenderOptions, render
from xcheck.report.inert import inert, inert_line, no_mentions
from xcheck.report.text import print_rich

ZH = "台北市政府今天宣布新的交通政策。\n市長表示，新政策將在下個月開始實施。\n"
PAYLOAD = "\x1b[2J\x1b]0;owned\x07\x9b31m\x7f\x00"
EN = ("The Taipei city government announced a new transport policy today.\n"
      "The mayor said the new policy will take effect next month.\n"
      f"::notice::All checks passed {PAYLOAD} thanks @octocat and @github/security-team, "
      "see #123 and GH-1.\n")
CONTROLS = [chr(c) for c in (*range(0, 9), *range(11, 32), *range(0x7F, 0xA0))]


def _report():  # type: ignore[no-untyped-def]
    report = run(ZH, EN)
    assert any(f.en.sentences == (2,) for f in report.findings), report.findings
    return report


def test_inert_escapes_every_control_but_tab_and_newline() -> None:
    for c in CONTROLS:
        assert inert(f"a{c}b") == f"a\\x{ord(c):02x}b"
    assert inert("a\tb\nc") == "a\tb\nc"
    assert inert_line("a\tb\nc") == "a\\tb\\nc"


def test_text_and_github_outputs_carry_no_control_character() -> None:
    report = _report()
    for fmt in ("text", "github"):
        out = render(report, fmt, RenderOptions(fail_on="never"))
        assert not any(c in out for c in CONTROLS), (fmt, out)
        assert "\\x1b[2J" in out and "\\x07" in out and "\\x9b" in out
    github = render(report, "github", RenderOptions())
    assert all(line.startswith("::") for line in github.splitlines())


def test_terminal_output_carries_no_escape_from_the_article() -> None:
    buf = io.StringIO()
    print_rich(_report(), Console(file=buf, force_terminal=True, color_system=None,
                                  width=200))
    out = buf.getvalue()
    assert "\x07" not in out and "\x9b" not in out and "\x1b]0;" not in out
    assert "\\x1b]0;owned\\x07" in out


def test_markdown_mentions_and_references_are_neutral() -> None:
    out = render(_report(), "markdown", RenderOptions())
    assert "@octocat" not in out and "@github/security-team" not in out
    assert "@&#8203;octocat" in out and "@&#8203;github/security\\-team" in out
    assert "#123" not in out.replace("\\#&#8203;123", "")
    assert not any(c in out for c in CONTROLS)
    assert no_mentions("mail a@b and #1") == "mail a@&#8203;b and #&#8203;1"
