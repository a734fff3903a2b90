"""Output inert for its reader: what came from an article, an id or a file name cannot drive
the terminal or the CI log that shows it, or notify anyone.

Control characters (C0 but tab and newline, DEL, C1: ESC, BEL, CSI, OSC...) are shown as
visible escapes (``\\x1b``); Markdown mentions and references get a zero-width space after
their sign, so they read the same but ping no one and link nothing.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MENTION = re.compile(r"(@|(?<![&\w])#|\\#)(?=[\w/-])")


def inert(text: str) -> str:
    """``text`` with every control character but tab and newline visibly escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def inert_line(text: str) -> str:
    """Like ``inert``, newlines and tabs included: for one-line outputs (tables, ids)."""
    return inert(text).replace("\n", "\\n").replace("\t", "\\t")


def no_mentions(markdown: str) -> str:
    """``@user``, ``@org/team``, ``#123`` and ``\\#123`` neutralised in Markdown text (the
    zero-width space entity keeps them from being read as mentions or references)."""
    return _MENTION.sub(lambda m: m.group(1) + "&#8203;", markdown)
