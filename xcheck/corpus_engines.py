"""Where a corpus's pairs are checked: a registry of engines (plain functions).

An engine opens a ``Session`` for a job: ``submit`` sends one Task to a worker and returns
a handle, ``collect`` waits for that handle's PairResult (never raising: a lost worker
becomes a failed pair). ``run_tasks`` drives any session the same way: tasks are submitted
with back-pressure (at most ``window`` in flight, so the client's memory stays flat for a
corpus of any size) and results come back in input order.

- ``pool``: this machine's worker processes (concurrent.futures), or this process with one job.
- ``dask``: a Dask cluster, an existing one (``scheduler`` address) or a local one of
  ``workers`` processes. Workers receive the pairs' bytes and send back the reports' text:
  no shared file system is needed.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from xcheck.corpus_worker import Job, PairResult, Task, check_task, failed, warm_up
from xcheck.errors import ConfigError, InputError


@dataclass(frozen=True)
class EngineOptions:
    workers: int = 1  # worker processes (a local cluster's size with dask)
    scheduler: str | None = None  # a Dask scheduler's address: use that cluster


@dataclass(frozen=True)
class Session:
    submit: Callable[[Task], Any]
    collect: Callable[[Task, Any], PairResult]
    workers: int  # how many workers run the tasks (for the summary)
    window: int  # tasks in flight at most


Engine = Callable[[Job, EngineOptions], contextlib.AbstractContextManager[Session]]


def run_tasks(items: Iterable[Task | PairResult], session: Session) -> Iterator[PairResult]:
    """The results of ``items`` in their order; a PairResult item (a pair already known to
    have failed, or finished by an earlier run) passes through in its place."""
    pending: deque[tuple[Task | PairResult, Any]] = deque()
    in_flight = 0
    for item in items:
        if isinstance(item, PairResult):
            pending.append((item, None))
        else:
            pending.append((item, session.submit(item)))
            in_flight += 1
        while pending and (in_flight >= session.window or isinstance(pending[0][0],
                                                                     PairResult)):
            done, handle = pending.popleft()
            if isinstance(done, PairResult):
                yield done
            else:
                in_flight -= 1
                yield session.collect(done, handle)
    while pending:
        done, handle = pending.popleft()
        yield done if isinstance(done, PairResult) else session.collect(done, handle)


# ---------------------------------------------------------------- the process pool

_JOB: Job | None = None


def _pool_init(job: Job, parent: int) -> None:
    """Worker start: remember the job, end with the parent, load the resources once."""
    import signal

    global _JOB
    _JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    end_with_parent(parent)
    warm_up()


def end_with_parent(parent: int) -> None:
    """This process exits when ``parent`` does, however it ended (even kill -9): on Linux the
    kernel sends SIGKILL when the process that forked it dies, and a thread watches
    ``parent`` itself (pool workers are forked by a forkserver, not by the parent)."""
    import signal

    with contextlib.suppress(OSError, AttributeError):
        import ctypes
        import ctypes.util

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL))

    def watch() -> None:
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            if _is_zombie(parent):
                os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, name="xcheck-parent-watch", daemon=True).start()


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False


def _done(result: PairResult) -> Future[PairResult]:
    done: Future[PairResult] = Future()
    done.set_result(result)
    return done


def _pool_work(task: Task) -> PairResult:
    assert _JOB is not None
    return check_task(task, _JOB)


@contextlib.contextmanager
def pool_session(job: Job, options: EngineOptions) -> Iterator[Session]:
    if options.scheduler:
        raise ConfigError("--scheduler needs the dask engine (--engine dask)")
    if options.workers <= 1:
        warm_up()  # here, not inside the first pair's time limit

        yield Session(lambda task: _done(check_task(task, job)), lambda task, f: f.result(),
                      1, 1)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "spawn" if os.name == "nt" else "forkserver"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        # The forkserver loads the resources once; workers fork from it with them loaded.
        ctx.set_forkserver_preload(["__main__", "xcheck._warm"])

    def new_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                   initializer=_pool_init, initargs=(job, os.getpid()))

    # A worker that dies (a crash, the kernel's out-of-memory killer) breaks the whole pool:
    # every pair in flight fails with it. The pool is replaced, and each of those pairs runs
    # again alone in a process of its own, so a pair that kills its worker is reported
    # failed and the others are checked. Processes that die whatever they run (a worker
    # that cannot start) stop the replacing: after two pairs in a row die alone, the rest
    # are reported failed at once, with the reason.
    pools = [new_pool(options.workers)]  # the current pool, and every one started
    current = [pools[0]]
    deaths_alone: list[str] = []  # why the last pairs in a row died alone

    def submit(task: Task) -> tuple[ProcessPoolExecutor | None, Future[PairResult]]:
        pool = current[0]
        if len(deaths_alone) >= 2:
            return None, _done(gave_up(task))
        try:
            return pool, pool.submit(_pool_work, task)
        except BrokenProcessPool:  # broke since the last pair was collected
            replace_pool(pool)
            return current[0], current[0].submit(_pool_work, task)

    def replace_pool(broken: ProcessPoolExecutor | None) -> None:
        if current[0] is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            current[0] = new_pool(options.workers)
            pools.append(current[0])

    def gave_up(task: Task) -> PairResult:
        return failed(task.id, "not checked: worker processes die whatever they run "
                      f"({deaths_alone[-1]})", digest=task.digest)

    def collect(task: Task,
                handle: tuple[ProcessPoolExecutor | None, Future[PairResult]]) -> PairResult:
        pool, future = handle
        try:
            result = future.result()
        except BrokenProcessPool:
            if len(deaths_alone) >= 2:
                return gave_up(task)
            replace_pool(pool)
            return alone(task)
        except Exception as e:  # the pair could not be sent or its result not read
            return failed(task.id, f"worker process failed ({type(e).__name__}: {e})",
                          digest=task.digest)
        deaths_alone.clear()
        return result

    def alone(task: Task) -> PairResult:
        solo = new_pool(1)
        pools.append(solo)
        # Interrupted here, solo stays in pools: the handler below ends its process.
        try:
            result = solo.submit(_pool_work, task).result()
            deaths_alone.clear()
        except BrokenProcessPool as e:
            deaths_alone.append(str(e))
            result = failed(task.id, "the pair ended its worker process, and again when run "
                            f"alone ({e}: a crash or running out of memory); not retried "
                            "again", digest=task.digest)
        solo.shutdown(wait=True)
        pools.remove(solo)
        return result

    try:
        yield Session(submit, collect, options.workers, 2 * options.workers)
    except BaseException:
        # Interrupted: the workers stop now rather than after the pairs they are on.
        for pool in pools:
            for process in list(getattr(pool, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    for pool in pools:
        pool.shutdown(wait=True)


# ---------------------------------------------------------------- Dask

@contextlib.contextmanager
def dask_session(job: Job, options: EngineOptions) -> Iterator[Session]:
    try:
        from xcheck.corpus_dask import BATCH_PAIRS, cluster_session
    except ImportError:
        raise ConfigError("the dask engine needs Dask: pip install 'xcheck[dask]'") from None
    try:
        with cluster_session(job, options.workers, options.scheduler) as (submit, collect,
                                                                            workers):
            # Three batches per worker in flight: one running, the next ones queued.
            yield Session(submit, collect, workers, 3 * BATCH_PAIRS * workers)
    except OSError as e:
        raise InputError(f"cannot reach the Dask cluster ({e})") from None


ENGINES: dict[str, Engine] = {"pool": pool_session, "dask": dask_session}
