"""A time limit on a block of Python code running in any thread (a pool worker's main thread
or a Dask worker's task thread, where signals cannot be used).

When the time is up, ``PairTimeout`` is raised inside the block by a timer thread
(``PyThreadState_SetAsyncExc``). It arrives at the next Python instruction: a long call into
C code finishes first.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Iterator


class PairTimeout(BaseException):  # not caught by a broad `except Exception`
    """The block ran longer than its limit."""


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc else None)


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``PairTimeout`` in this thread if the block lasts more than ``seconds``
    (None or 0: no limit)."""
    if not seconds:
        yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()

    def expire() -> None:
        if done.wait(seconds):
            return
        # Raised again until the block ends: an exception that arrives inside a finaliser
        # (a __del__ run by the garbage collector) is swallowed there.
        while True:
            with lock:
                if done.is_set():
                    return
                _set_async_exc(target, PairTimeout)
            if done.wait(0.25):
                return

    threading.Thread(target=expire, name="xcheck-time-limit", daemon=True).start()
    try:
        yield
    finally:
        with lock:
            done.set()
            # An exception set just before the block ended must not fire outside it.
            _set_async_exc(target, None)
