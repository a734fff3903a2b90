"""xcheck: find where a Chinese news article and its English version say different things.

The public API (``check``, ``check_text``, ``align``, ``segment``) loads its heavy
dependencies (jieba, nltk, opencc, CC-CEDICT) on first use, so ``import xcheck`` stays cheap.
"""

from __future__ import annotations

from typing import Any

from xcheck._version import __version__
from xcheck.errors import ConfigError, InputError, LimitError, XcheckError
from xcheck.model import (
    Alignment,
    Bead,
    Category,
    Document,
    Finding,
    FindingType,
    Lang,
    Report,
    Script,
    Sentence,
    Severity,
    Span,
)
from xcheck.settings import AlignSettings, Settings

_API = {"check", "check_documents", "check_text", "align", "align_documents", "segment",
        "read_inputs"}


def __getattr__(name: str) -> Any:
    if name in _API:
        from xcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'xcheck' has no attribute {name!r}")


__all__ = [
    "AlignSettings", "Alignment", "Bead", "Category", "ConfigError", "Document", "Finding",
    "FindingType", "InputError", "Lang", "LimitError", "Report", "Script", "Sentence",
    "Settings", "Severity", "Span", "XcheckError", "__version__", "align", "align_documents",
    "check", "check_documents", "check_text", "read_inputs", "segment",
]
