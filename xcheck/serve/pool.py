"""A pool of warm worker processes, each running one task at a time, with a time limit.

Why processes: the checks are CPU-bound Python (jieba, the aligner, the checks), so in
threads they would hold the GIL and starve the event loop. Workers fork from a forkserver
that has already loaded the dictionaries and models (``xcheck._warm``, as ``xcheck corpus``
does), so each starts warm and shares that memory copy-on-write.

Why not ``ProcessPoolExecutor``: a request over its time limit must be stopped, and an
executor cannot kill one task. Here a worker over the limit is killed and replaced, and
the others go on serving.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from xcheck.errors import XcheckError
from xcheck.serve.options import Defaults
from xcheck.serve.work import Task, run_task


class Overloaded(XcheckError):
    """A request that did not finish (or start) within the time limit."""


class WorkerFailed(XcheckError):
    """A worker died or hit a bug; the message says which."""


@dataclass(frozen=True)
class Outcome:
    """A worker's answer: renderings, or the library's error (type name and message)."""

    renderings: dict[str, str] | None = None
    error_type: str = ""
    message: str = ""


def _worker_main(conn: Connection, defaults: Defaults) -> None:
    from xcheck.corpus import warm_up
    from xcheck.lexicon.meaning import store_vectors

    store_vectors(False)  # nothing a user sends (nor vectors of it) is written to disk
    warm_up()  # a no-op cost when the forkserver already loaded everything
    conn.send(os.getpid())
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = Outcome(run_task(task, defaults))
        except XcheckError as e:
            outcome = Outcome(None, type(e).__name__, str(e))
        except MemoryError:
            outcome = Outcome(None, "LimitError", "out of memory; lower max_bytes or split "
                                                  "the input")
        except Exception as e:  # a bug: reported as an internal error, the worker goes on
            outcome = Outcome(None, "InternalError", f"{type(e).__name__}: {e}")
        conn.send(outcome)


class _Worker:
    def __init__(self, ctx: Any, defaults: Defaults) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, defaults), daemon=True,
                                   name="xcheck-serve-worker")
        self.process.start()
        child.close()
        self.pid: int | None = None

    def wait_ready(self) -> None:
        try:
            self.pid = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise WorkerFailed(f"a worker process failed to start (exit code "
                               f"{self.process.exitcode})") from None

    def call(self, task: Task) -> Outcome:
        self.conn.send(task)
        result: Outcome = self.conn.recv()
        return result

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def context() -> Any:
    """A forkserver that preloads xcheck's resources (spawn where there is no fork)."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
        else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["xcheck._warm"])
    return ctx


class WorkerPool:
    def __init__(self, size: int, timeout: float, defaults: Defaults = Defaults()) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.size = size
        self.timeout = timeout
        self.defaults = defaults
        self._ctx = context()
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        # One thread per worker waits on its pipe, so the event loop never blocks.
        self._threads = ThreadPoolExecutor(max_workers=size + 1,
                                           thread_name_prefix="xcheck-serve-wait")
        self._lock = threading.Lock()
        self.replaced = 0
        self._replacing: set[asyncio.Task[None]] = set()

    def _new_worker(self) -> _Worker:
        worker = _Worker(self._ctx, self.defaults)
        worker.wait_ready()
        with self._lock:
            self._all.add(worker)
        return worker

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(self._threads, self._new_worker)
                                         for _ in range(self.size)))
        for w in workers:
            self._idle.put_nowait(w)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            self._all.discard(worker)
        await loop.run_in_executor(self._threads, worker.kill)
        self.replaced += 1
        self._idle.put_nowait(await loop.run_in_executor(self._threads, self._new_worker))

    def _replace_soon(self, worker: _Worker) -> None:
        job = asyncio.get_running_loop().create_task(self._replace(worker))
        self._replacing.add(job)  # (a task nobody references may be collected mid-way)
        job.add_done_callback(self._replacing.discard)

    async def run(self, task: Task) -> dict[str, str]:
        """The task's renderings; raises the library's error class (by name) on bad input,
        Overloaded past the time limit (waiting for a worker included), WorkerFailed."""
        loop = asyncio.get_running_loop()
        worker: _Worker | None = None
        try:
            async with asyncio.timeout(self.timeout):
                worker = await self._idle.get()
                outcome = await loop.run_in_executor(self._threads, worker.call, task)
        except TimeoutError:
            if worker is not None:  # it is still working on this task: stop it
                self._replace_soon(worker)
            raise Overloaded(f"the request took longer than the limit of {self.timeout:g} s "
                             "(raise it with --timeout)") from None
        except (EOFError, OSError, BrokenPipeError):
            assert worker is not None
            self._replace_soon(worker)
            raise WorkerFailed("a worker process died while checking; it was replaced") \
                from None
        except asyncio.CancelledError:
            if worker is not None:  # the client went away mid-task: the worker is busy
                self._replace_soon(worker)
            raise
        self._idle.put_nowait(worker)
        if outcome.renderings is None:
            raise error_from(outcome)
        return outcome.renderings

    @property
    def busy(self) -> int:
        """Workers checking right now (or being replaced)."""
        return self.size - self._idle.qsize()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.pid for w in self._all if w.pid is not None]

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            await loop.run_in_executor(self._threads, w.kill)
        self._threads.shutdown(wait=False, cancel_futures=True)


def error_from(outcome: Outcome) -> XcheckError:
    """The library's error class named by a worker (XcheckError for one not named here)."""
    from xcheck import errors

    classes: dict[str, Callable[[str], XcheckError]] = {
        name: cls for name, cls in vars(errors).items()
        if isinstance(cls, type) and issubclass(cls, XcheckError)}
    if outcome.error_type == "InternalError":
        return WorkerFailed(f"internal error: {outcome.message}")
    return classes.get(outcome.error_type, XcheckError)(outcome.message)
