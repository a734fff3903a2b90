"""The Dask side of ``xcheck corpus --engine dask`` (imported only then: Dask is an extra).

The job (settings, glossary, baseline) reaches every worker once, through a worker plugin
that Dask also runs on the workers that replace dead ones. A task carries a batch of a few
pairs' bytes: Dask spends several milliseconds of CPU on each task (messages, state
transitions, fetching the result), a tenth of a seed-size pair's check, so one task per pair
cost the cluster a fifth of its throughput.

A worker that dies with a batch is replaced and the batch retried elsewhere; after
``ALLOWED_WORKER_DEATHS`` deaths (Dask's KilledWorker) each pair of the batch runs again in a
task of its own, and a pair that ends its workers again is reported as failed.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import dask
from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin

from xcheck.corpus_worker import Job, PairResult, Task, check_task, failed, warm_up
from xcheck.errors import XcheckError

ALLOWED_WORKER_DEATHS = 3
# A batch closes at this many pairs or this many input bytes, whichever comes first: enough
# to make Dask's per-task cost small, few enough that a retried batch repeats little work.
BATCH_PAIRS = 4
BATCH_BYTES = 256 * 1024
# With no worker at all for this long (they all died and none came back), the pairs still
# to run are reported failed rather than waited for forever.
NO_WORKERS_TIMEOUT = 60.0

_JOBS: dict[str, Job] = {}  # on a worker: the jobs its plugins delivered, by name


class JobPlugin(WorkerPlugin):
    """Puts the job on each worker (Dask's plugin interface is a class to subclass)."""

    def __init__(self, name: str, job: Job) -> None:
        self.name = name
        self.job = job

    def setup(self, worker: Any) -> None:
        # The resources load when the worker takes its first pair: a replacement worker is
        # ready in moments (a nanny gives up on one that is slow to start).
        _JOBS[self.name] = self.job


_WARM: list[bool] = []  # on a worker: the resources are loaded


def _work(tasks: tuple[Task, ...], job_name: str) -> tuple[PairResult, ...]:
    if not _WARM:  # before the first pair, not inside its time limit
        _roomy_malloc()
        warm_up()
        _WARM.append(True)
    job = _JOBS.get(job_name)
    if job is None:  # cannot happen: plugins run before a worker takes tasks
        return tuple(failed(task.id, "the worker never received the job", digest=task.digest)
                     for task in tasks)
    return tuple(check_task(task, job) for task in tasks)


def _roomy_malloc() -> None:
    """On a worker started with MALLOC_TRIM_THRESHOLD_ (``dask worker`` sets it), give glibc
    back thresholds near its adaptive defaults' ceiling: with the variable set, every large
    numpy temporary is mapped and unmapped again and the heap trimmed after each, which
    made checking a pair about a tenth slower (benchmarks/corpus_engines.py)."""
    import os
    import sys

    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3  # from glibc's malloc.h
        libc.mallopt(m_trim_threshold, 128 << 20)
        libc.mallopt(m_mmap_threshold, 32 << 20)


def _size(task: Task) -> int:
    return sum(len(f.data) for f in (task.zh, task.en, task.mt) if f is not None)


@dataclass
class _Batch:
    """Pairs sent as one task; their results once fetched."""

    tasks: list[Task] = field(default_factory=list)
    bytes: int = 0
    future: Any = None  # set when sent
    results: tuple[PairResult, ...] | None = None


@contextlib.contextmanager
def cluster_session(job: Job, workers: int, scheduler: str | None) -> Iterator[
        tuple[Callable[[Task], Any], Callable[[Task, Any], PairResult], int]]:
    """(submit, collect, number of workers) on the cluster at ``scheduler``, or on a local
    cluster of ``workers`` processes."""
    import uuid

    with contextlib.ExitStack() as stack:
        stack.enter_context(dask.config.set({
            "distributed.scheduler.allowed-failures": ALLOWED_WORKER_DEATHS,
            # One task per worker thread at a time: a pair that kills its worker takes no
            # queued neighbour down with it (each death counts against the tasks it held).
            "distributed.scheduler.worker-saturation": 1.0,
            # Dask samples a worker's stack every 10 ms for its dashboard: a cost on every
            # pair's pure-Python work that nobody reads here.
            "distributed.worker.profile.enabled": False,
            # Every event loop (workers, nannies, scheduler) wakes each tick to watch for
            # blocking; each wake takes the GIL from the pair being checked. 1 s, not 20 ms.
            "distributed.admin.tick.interval": "1s",
            # Dask starts workers with MALLOC_TRIM_THRESHOLD_ set, which fixes glibc's mmap
            # threshold: every large numpy temporary of the aligner is then mapped and
            # unmapped again. xcheck's workers keep glibc's adaptive default, as pool
            # workers do (None unsets a variable here).
            "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
            # A local cluster's scheduler lives in this process: its histories (system
            # samples every 0.5 s, logs, finished computations) are kept short so the
            # client's memory stays flat however long the run.
            "distributed.admin.system-monitor.log-length": 120,
            "distributed.admin.log-length": 100,
            "distributed.admin.low-level-log-length": 100,
            "distributed.diagnostics.computations.max-history": 10,
            "distributed.scheduler.dashboard.tasks.task-stream-length": 1000}))
        if scheduler:
            client = stack.enter_context(Client(scheduler, timeout="20s"))
        else:
            try:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR))
            except (RuntimeError, OSError) as e:  # Dask: "Cluster failed to start"
                raise XcheckError(f"cannot start a local Dask cluster ({e})") from None
            client = stack.enter_context(Client(cluster))
        name = f"xcheck-job-{uuid.uuid4().hex}"
        client.register_plugin(JobPlugin(name, job), name=name)
        stack.callback(_unregister, client, name)
        count = max(1, len(client.scheduler_info().get("workers", {})))
        counter = itertools.count()
        filling = [_Batch()]  # the batch that submit() adds to

        def send(batch: _Batch) -> None:
            # One key per task of this run: identical pairs are still two tasks.
            batch.future = client.submit(_work, tuple(batch.tasks), name, pure=False,
                                         key=f"xcheck-{next(counter)}-{batch.tasks[0].stem}")
            if filling[0] is batch:
                filling[0] = _Batch()

        def submit(task: Task) -> tuple[_Batch, int]:
            batch = filling[0]
            batch.tasks.append(task)
            batch.bytes += _size(task)
            if len(batch.tasks) >= BATCH_PAIRS or batch.bytes >= BATCH_BYTES:
                send(batch)
            return batch, len(batch.tasks) - 1

        def collect(task: Task, handle: tuple[_Batch, int]) -> PairResult:
            batch, index = handle
            if batch.results is None:
                batch.results = fetch(batch)
            return batch.results[index]

        def fetch(batch: _Batch) -> tuple[PairResult, ...]:
            tasks = batch.tasks
            try:
                if batch.future is None:  # the results are wanted before the batch filled up
                    send(batch)
                results: tuple[PairResult, ...] = _wait(client, batch.future)
                return results
            except KilledWorker:
                if len(tasks) > 1:  # find the pair that ends workers: each alone
                    singles = [_Batch([t], _size(t)) for t in tasks]
                    for single in singles:
                        send(single)
                    return tuple(fetch(single)[0] for single in singles)
                return (failed(tasks[0].id, f"the pair ended {ALLOWED_WORKER_DEATHS + 1} "
                               "workers (a crash or running out of memory); not retried again",
                               digest=tasks[0].digest),)
            except _NoWorkers:
                return tuple(failed(t.id, "no Dask worker is left to run it", digest=t.digest)
                             for t in tasks)
            except Exception as e:  # the cluster lost the task some other way
                return tuple(failed(t.id, f"dask: {type(e).__name__}: {e}", digest=t.digest)
                             for t in tasks)
            finally:
                if batch.future is not None:
                    batch.future.release()

        yield submit, collect, count


class _NoWorkers(Exception):
    pass


def _wait(client: Client, handle: Any) -> Any:
    """The future's result; _NoWorkers when the cluster has had no worker for a while."""
    import time

    from distributed import TimeoutError as DaskTimeout

    alone_since: float | None = None
    while True:
        try:
            return handle.result(timeout=5)
        except (DaskTimeout, TimeoutError):
            if client.scheduler_info(n_workers=1).get("workers"):
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since > NO_WORKERS_TIMEOUT:
                raise _NoWorkers from None


def _unregister(client: Client, name: str) -> None:
    with contextlib.suppress(Exception):
        client.unregister_worker_plugin(name)
