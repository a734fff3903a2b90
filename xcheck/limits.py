"""Reading any file xcheck is given (articles and side files) safely: only regular files, and
never more than a byte ceiling, so a FIFO, a device or a huge file is refused at once.

The error names the option that raises the ceiling.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from xcheck.errors import InputError, LimitError

# Side files (glossary, baseline, user dictionary, manifest) share the inputs' ceiling,
# ``max_bytes``; a settings file is small by nature and has a fixed one.
CONFIG_MAX_BYTES = 1_000_000
# A glossary term is a word or a short phrase; a longer "term" is a mistaken file.
MAX_TERM_CHARS = 200


def shown(path: str | Path) -> str:
    """A file name fit for a one-line message or a report: bytes that are not UTF-8 (kept by
    Python as lone surrogates) become ``\\xNN`` and control characters are escaped."""
    text = os.fspath(path)
    if text.isprintable() and not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    out = []
    for c in text:
        o = ord(c)
        if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF or not c.isprintable():
            out.append(c.encode("unicode_escape").decode("ascii") if o < 0x10000
                       else f"\\U{o:08x}")
        else:
            out.append(c)
    return "".join(out)


def too_big(name: str, size: str, max_bytes: int, option: str,
            limit: str = "input") -> LimitError:
    return LimitError(f"{name}: {size} bytes is over the {limit} limit of {max_bytes:,} bytes; "
                      f"raise it with {option}")


def read_bytes(path: str | Path, max_bytes: int, *, what: str = "file",
               option: str = "--max-bytes or max_bytes in the settings",
               error: type[Exception] = InputError, limit: str = "input") -> bytes:
    """The bytes of the regular file ``path``, refused at once if it is a folder, a FIFO, a
    device or a socket, or is larger than ``max_bytes`` (checked before and while reading).

    ``error`` is the class raised for an unreadable file (ConfigError for settings files);
    an oversize one raises LimitError.
    """
    name = shown(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once (fstat then refuses it).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise error(f"{name}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{name}: is a directory, not a {what}") from None
    except PermissionError:
        raise error(f"{name}: permission denied") from None
    except OSError as e:  # a name too long, a loop of symlinks, an I/O error...
        raise error(f"{name}: cannot read {what} ({e.strerror or e})") from None
    except ValueError as e:  # a NUL byte in the path
        raise error(f"{name}: invalid path ({e})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{name}: is a directory, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode)
                    else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                    else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
            raise error(f"{name}: is {kind}; only regular files are read")
        if info.st_size > max_bytes:
            raise too_big(name, f"{info.st_size:,}", max_bytes, option, limit)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise error(f"{name}: cannot read {what} ({e.strerror or e})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:  # it grew while we read it
        raise too_big(name, f"more than {max_bytes:,}", max_bytes, option, limit)
    return data


def read_side_text(path: str | Path, max_bytes: int, *, what: str, error: type[Exception],
                   option: str = "--max-bytes or max_bytes in the settings",
                   limit: str = "input") -> str:
    """A UTF-8 side file (glossary, baseline, user dictionary, settings), BOM removed."""
    data = read_bytes(path, max_bytes, what=what, option=option, error=error, limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise error(f"{shown(path)}: {what} is not UTF-8 text (byte {e.start})") from None


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two names reach the same file (through links, ``..`` or another spelling)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one does not exist (yet): compare the resolved names
        try:
            return Path(a).resolve() == Path(b).resolve()
        except (OSError, ValueError, RuntimeError):
            return False
