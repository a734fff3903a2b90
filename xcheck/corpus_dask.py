"""The Dask side of ``xcheck corpus --engine dask`` (imported only then: Dask is an extra).

The job (settings, glossary, baseline) reaches every worker once, through a worker plugin
that Dask also runs on the workers that replace dead ones; each task carries one pair's
bytes. A worker that dies with a pair is replaced and the pair retried elsewhere; after
``ALLOWED_WORKER_DEATHS`` deaths the pair is reported as failed (Dask's KilledWorker).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable, Iterator
from typing import Any

import dask
from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin

from xcheck.corpus_worker import Job, PairResult, Task, check_task, failed, warm_up
from xcheck.errors import XcheckError

ALLOWED_WORKER_DEATHS = 3
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


def _work(task: Task, job_name: str) -> PairResult:
    if not _WARM:  # before the first pair, not inside its time limit
        warm_up()
        _WARM.append(True)
    job = _JOBS.get(job_name)
    if job is None:  # cannot happen: plugins run before a worker takes tasks
        return failed(task.id, "the worker never received the job", digest=task.digest)
    return check_task(task, job)


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

        def submit(task: Task) -> Any:
            # One key per pair of this run: identical pairs are still two tasks.
            return client.submit(_work, task, name, pure=False,
                                 key=f"xcheck-{next(counter)}-{task.stem}")

        def collect(task: Task, handle: Any) -> PairResult:
            try:
                result: PairResult = _wait(client, handle)
                return result
            except KilledWorker:
                return failed(task.id, f"the pair ended {ALLOWED_WORKER_DEATHS + 1} workers "
                              "(a crash or running out of memory); not retried again",
                              digest=task.digest)
            except _NoWorkers:
                return failed(task.id, "no Dask worker is left to run it", digest=task.digest)
            except Exception as e:  # the cluster lost the task some other way
                return failed(task.id, f"dask: {type(e).__name__}: {e}", digest=task.digest)
            finally:
                handle.release()

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
