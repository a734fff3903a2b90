"""Writing output files atomically: a temporary file in the same folder, then a rename.

A reader (another tool, a resumed run) sees either the old file or the whole new one, never
a half-written file, whatever ends the process.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _device(path: Path | str) -> bool:
    """A character or block device, a FIFO or a socket (``-o /dev/null``): renaming a file
    over it would replace the device node itself, so it is written in place."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or \
        stat.S_ISSOCK(mode)


def _sync(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError as e:  # a device or pipe has nothing to sync (EINVAL)
        if e.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise


@contextlib.contextmanager
def _temporary_beside(path: Path | str) -> Iterator[tuple[int, str]]:
    if _device(path):
        # O_NONBLOCK: a FIFO nobody reads is an error (ENXIO) at once, not a hang.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        yield fd, os.fspath(path)
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        yield fd, tmp
        # mkstemp creates 0600; outputs get the usual permissions (umask applies).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_writer(path: Path | str) -> Iterator[IO[str]]:
    """A UTF-8 text file that replaces ``path`` when the block ends without an exception.

    On any exception the temporary file is removed and ``path`` is left as it was.
    """
    with _temporary_beside(path) as (fd, _), \
            os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        yield fh
        fh.flush()
        _sync(fh.fileno())


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_writer(path) as fh:
        fh.write(text)


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with _temporary_beside(path) as (fd, _), os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        _sync(fh.fileno())
