"""An unexpected error (a bug) is told apart from findings and from bad input: one line on
stderr naming a file that holds the full traceback, and its own exit code."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback

from xcheck._version import __version__

# Not 0 (clean), 1 (findings at or above --fail-on) or 2 (bad usage or input).
INTERNAL_ERROR = 3


def write_traceback(exc: BaseException) -> str | None:
    """The full traceback (with the version and the command line) in a new file of the temp
    folder; its path, or None if even that could not be written."""
    try:
        fd, path = tempfile.mkstemp(prefix="xcheck-crash-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"xcheck {__version__}\nargv: {sys.argv!r}\n\n")
            fh.write("".join(traceback.format_exception(exc)))
        return path
    except Exception:  # nothing may hide the original error
        return None


def crash_line(exc: BaseException) -> str:
    """The one line for stderr (the traceback written first)."""
    path = write_traceback(exc)
    where = f"the full traceback is in {path}" if path else "no traceback file could be written"
    kind = type(exc).__name__
    return (f"xcheck: internal error ({kind}), a bug in xcheck, not in your input; {where} "
            "(please report it)")
