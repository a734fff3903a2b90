"""``xcheck corpus`` on its engines: the process pool and a real local Dask cluster (worker
processes), the same reports byte for byte; a worker killed mid-run; interrupt and --resume;
the per-pair time limit; atomic outputs; workers that end with their parent."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from distributed import LocalCluster, WorkerPlugin
from distributed.diagnostics.plugin import SchedulerPlugin
from typer.testing import CliRunner

from tests.conftest import CORPORA, ROOT, SEED
from xcheck.cli import app
from xcheck.corpus import discover, format_list, plan, run_corpus
from xcheck.settings import Settings

runner = CliRunner()
PAIRS = CORPORA / "pairs"
NAMES = sorted(p.name[: -len(".zh.txt")] for p in PAIRS.glob("*.zh.txt"))


def _repeated(folder: Path, n: int) -> Path:
    """``n`` pairs (copies of the corpora pairs, in turn; a link would lead outside the
    folder, which discovery refuses)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        for lang in ("zh", "en"):
            shutil.copyfile(PAIRS / f"{NAMES[k % 5]}.{lang}.txt",
                            folder / f"p{k:02d}.{lang}.txt")
    return folder


def _files(out: Path) -> dict[str, bytes]:
    """What a run wrote that does not depend on timing: the reports and corpus.jsonl."""
    found = {str(p.relative_to(out)): p.read_bytes() for p in (out / "reports").iterdir()}
    found["corpus.jsonl"] = (out / "corpus.jsonl").read_bytes()
    return found


def _summary(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / "summary.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A Dask cluster of two worker processes, as a user starts with dask scheduler/worker."""
    import logging

    import dask

    # As xcheck configures the local clusters it starts (see xcheck/corpus_dask.py).
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


def test_dask_cluster_writes_the_same_reports_as_the_pool(cluster: LocalCluster,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(PAIRS, folder)
    shutil.copy(SEED, folder / "bilingual.txt")  # a one-file article, with an MT beside it
    shutil.copy(CORPORA / "mt" / "seed.mt.txt", folder / "bilingual.mt.txt")
    common = ["corpus", str(folder), "-f", "json,jsonl,sarif,markdown,text,html,github",
              "--fail-on", "never"]
    r = runner.invoke(app, [*common, "-o", str(tmp_path / "pool"), "-j", "2"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, [*common, "-o", str(tmp_path / "dask"),
                            "--scheduler", cluster.scheduler_address])
    assert r.exit_code == 0, r.output
    pool, dask = _files(tmp_path / "pool"), _files(tmp_path / "dask")
    assert len(pool) == 6 * (len(NAMES) + 1) + 1
    assert pool == dask
    for out, engine in (("pool", "pool"), ("dask", "dask")):
        summary = _summary(tmp_path / out)
        assert (summary["engine"], summary["workers"]) == (engine, 2)
        assert summary["checked"] == len(NAMES) + 1


def test_interrupted_run_is_finished_by_resume(cluster: LocalCluster, tmp_path: Path) -> None:
    folder = _repeated(tmp_path / "in", 8)
    formats = format_list(["jsonl,json,junit,html"])
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    pairs = discover(folder)
    seen: list[str] = []

    def stop_after_three(r: object) -> None:
        seen.append(getattr(r, "id", ""))
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus(pairs, plan(Settings(), (), formats, out, "error"), 2, engine="dask",
                   scheduler=cluster.scheduler_address, on_result=stop_after_three)
    first = _summary(out)
    assert first["interrupted"] is True and first["pairs"] == 3
    assert (out / "index.html").is_file() and (out / "junit.xml").is_file()
    assert len((out / "corpus.jsonl").read_text("utf-8").splitlines()) == 3
    kept = {name: (out / "reports" / f"{name}.json").stat().st_mtime_ns for name in seen}

    # Resumed on a local cluster xcheck starts itself (--engine dask -j 1).
    outcome = run_corpus(pairs, plan(Settings(), (), formats, out, "error"), 1,
                         engine="dask", resume=True)
    assert outcome.totals.resumed == 3 and outcome.totals.pairs == 8
    assert {name: (out / "reports" / f"{name}.json").stat().st_mtime_ns
            for name in seen} == kept  # the finished pairs were not checked again
    summary = _summary(out)
    assert summary["interrupted"] is False and summary["resumed"] == 3
    assert (summary["engine"], summary["workers"]) == ("dask", 1)
    assert len(summary["digests"]) == 8  # type: ignore[arg-type]
    run_corpus(pairs, plan(Settings(), (), formats, fresh, "error"), 1)
    assert _files(out) == _files(fresh)  # as if it had never been interrupted


def test_resume_checks_again_what_changed(tmp_path: Path) -> None:
    folder = _repeated(tmp_path / "in", 3)
    out = tmp_path / "out"
    args = ["corpus", str(folder), "-o", str(out), "-f", "json", "-j", "1", "--fail-on",
            "never"]
    assert runner.invoke(app, args).exit_code == 0
    target = folder / "p01.en.txt"
    text = target.read_text("utf-8")
    target.unlink()
    target.write_text(text + "\nAn extra sentence the Chinese does not have.\n", "utf-8")
    r = runner.invoke(app, [*args, "--resume"])
    assert r.exit_code == 0, r.output
    assert _summary(out)["resumed"] == 2  # p00 and p02; p01's bytes changed
    (out / "reports" / "p02.json").unlink()
    assert runner.invoke(app, [*args, "--resume"]).exit_code == 0
    assert _summary(out)["resumed"] == 2  # p02's report is gone: checked again
    r = runner.invoke(app, [*args[:-1], "info", "--resume"])  # other settings: all again
    assert _summary(out)["resumed"] == 0
    assert runner.invoke(app, ["corpus", str(folder), "--resume"]).exit_code == 2


def test_a_killed_worker_loses_no_pair(cluster: LocalCluster, tmp_path: Path) -> None:
    folder = _repeated(tmp_path / "in", 10)
    killed: list[int] = []

    def kill_one(r: object) -> None:
        from distributed import default_client

        if not killed:  # the client run_corpus made is the default one
            time.sleep(0.5)  # the next pairs are under way
            pids = sorted(default_client().run(os.getpid).values())
            assert len(pids) == 2
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    out = tmp_path / "out"
    outcome = run_corpus(discover(folder), plan(Settings(), (), ["jsonl"], out, "never"),
                         2, engine="dask", scheduler=cluster.scheduler_address,
                         on_result=kill_one)
    assert killed
    ids = [json.loads(x)["id"] for x in (out / "corpus.jsonl").read_text("utf-8").splitlines()]
    assert ids == [f"p{k:02d}" for k in range(10)]  # each pair once, in order
    assert outcome.totals.checked == 10 and not outcome.totals.failures


def test_a_killed_pool_worker_loses_no_pair(tmp_path: Path) -> None:
    """The process pool breaks when one worker dies: it is replaced, and the pairs that were
    in flight run again alone."""
    folder = _repeated(tmp_path / "in", 12)
    killed: list[int] = []

    def kill_one(r: object) -> None:
        if not killed:
            me = psutil.Process()
            workers = [p for p in me.children(recursive=True) if p.ppid() != me.pid]
            assert workers  # forked by the forkserver, not by this process
            os.kill(workers[0].pid, signal.SIGKILL)
            killed.append(workers[0].pid)

    out = tmp_path / "out"
    outcome = run_corpus(discover(folder), plan(Settings(), (), ["jsonl"], out, "never"), 2,
                         on_result=kill_one)
    assert killed
    ids = [json.loads(x)["id"] for x in (out / "corpus.jsonl").read_text("utf-8").splitlines()]
    assert ids == [f"p{k:02d}" for k in range(12)]  # each pair once, in order
    assert outcome.totals.checked == 12 and not outcome.totals.failures
    forkservers = [p for p in psutil.Process().children()
                   if "forkserver" in " ".join(p.cmdline())]
    assert _wait_for(lambda: not any(f.children() for f in forkservers), 10)  # workers ended


def test_a_pair_that_kills_its_pool_worker_alone_is_reported_failed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pair's first death may be a neighbour's doing; when it also ends the process it
    runs in alone, it is reported failed."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from xcheck.corpus_engines import EngineOptions, pool_session
    from xcheck.corpus_worker import Job, Task
    from xcheck.io import FileBytes

    zh = FileBytes("a.zh.txt", (PAIRS / "seed.zh.txt").read_bytes())
    task = Task("crash", "crash", zh, FileBytes("a.en.txt", (PAIRS / "seed.en.txt").read_bytes()))
    broken: Future[object] = Future()
    broken.set_exception(BrokenProcessPool("a worker died"))
    monkeypatch.setattr("xcheck.corpus_engines._pool_work", _exit_now)
    with pool_session(Job(), EngineOptions(workers=2)) as session:
        # A pool broke with the pair in flight; alone, the pair ends its process again.
        result = session.collect(task, (None, broken))
    assert not result.ok and "again when run alone" in (result.error or "")


def test_workers_that_die_whatever_they_run_stop_the_replacing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from xcheck.corpus_engines import EngineOptions, pool_session, run_tasks
    from xcheck.corpus_worker import Job

    monkeypatch.setattr("xcheck.corpus_engines._pool_work", _exit_now)
    tasks = [_seed_task(f"p{k}") for k in range(6)]
    with pool_session(Job(), EngineOptions(workers=2)) as session:
        results = list(run_tasks(tasks, session))
    assert [r.id for r in results] == [t.id for t in tasks]
    assert not any(r.ok for r in results)
    assert "whatever they run" in (results[-1].error or "")


def test_an_interrupted_rerun_ends_its_process_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from xcheck.corpus_engines import EngineOptions, pool_session
    from xcheck.corpus_worker import Job

    monkeypatch.setattr("xcheck.corpus_engines._pool_work", _sleep_long)
    broken: Future[object] = Future()
    broken.set_exception(BrokenProcessPool("a worker died"))
    t0 = time.monotonic()
    # Ctrl-C as the terminal sends it: a real SIGINT, which wakes the waiting main thread.
    threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt), \
            pool_session(Job(), EngineOptions(workers=2)) as session:
        session.collect(_seed_task("slow"), (None, broken))
    assert time.monotonic() - t0 < 20  # not the 60 s the pair would take


def _seed_task(name: str) -> object:
    from xcheck.corpus_worker import Task
    from xcheck.io import FileBytes

    return Task(name, name, FileBytes("a.zh.txt", (PAIRS / "seed.zh.txt").read_bytes()),
                FileBytes("a.en.txt", (PAIRS / "seed.en.txt").read_bytes()))


def _exit_now(task: object) -> object:
    os._exit(1)


def _sleep_long(task: object) -> object:
    time.sleep(60)
    return None


def test_pairs_travel_to_the_workers_in_batches(cluster: LocalCluster,
                                                tmp_path: Path) -> None:
    from xcheck.corpus_dask import BATCH_PAIRS

    finished: list[str] = []
    cluster.scheduler.add_plugin(TaskKeys(finished), name="xcheck-test-keys")
    try:
        outcome = run_corpus(discover(_repeated(tmp_path / "in", 10)),
                             plan(Settings(), (), ["jsonl"], tmp_path / "out", "never"), 2,
                             engine="dask", scheduler=cluster.scheduler_address)
    finally:
        cluster.scheduler.remove_plugin(name="xcheck-test-keys")
    assert outcome.totals.checked == 10
    assert BATCH_PAIRS == 4 and len(finished) == 3  # 4 + 4 + 2 pairs


class TaskKeys(SchedulerPlugin):
    """Records the keys of the xcheck tasks the scheduler saw finish."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys

    def transition(self, key: object, start: str, finish: str, *args: object,
                   **kwargs: object) -> None:
        if finish == "memory" and str(key).startswith("xcheck-"):
            self.keys.append(str(key))


def test_a_pair_that_kills_its_workers_is_reported_failed(cluster: LocalCluster) -> None:
    from distributed import default_client

    from xcheck.corpus_engines import EngineOptions, dask_session, run_tasks
    from xcheck.corpus_worker import Job, Task
    from xcheck.io import FileBytes

    zh, en = (FileBytes(str(PAIRS / f"seed.{x}.txt"), (PAIRS / f"seed.{x}.txt").read_bytes())
              for x in ("zh", "en"))
    tasks = [Task(name, name, zh, en) for name in ("before", "crash", "after")]
    with dask_session(Job(), EngineOptions(scheduler=cluster.scheduler_address)) as session:
        client = default_client()
        client.register_plugin(CrashOnPair(), name="xcheck-test-crash")
        try:
            results = list(run_tasks(tasks, session))
        finally:
            client.unregister_worker_plugin("xcheck-test-crash")
    assert [r.id for r in results] == ["before", "crash", "after"]
    assert results[0].ok and results[2].ok
    assert not results[1].ok and "ended 4 workers" in (results[1].error or "")


class CrashOnPair(WorkerPlugin):
    """A Dask worker plugin: the pair "crash" ends its worker process (a segfault's stand-in),
    in every worker, replacements included."""

    def setup(self, worker: object) -> None:
        import xcheck.corpus_dask as engines

        self.check = check = engines.check_task

        def crashing(task: object, job: object) -> object:
            if getattr(task, "id", "") == "crash":
                os._exit(1)
            return check(task, job)  # type: ignore[arg-type]

        engines.check_task = crashing  # type: ignore[assignment]

    def teardown(self, worker: object) -> None:
        import xcheck.corpus_dask as engines

        engines.check_task = self.check


def _start(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "xcheck", "corpus", str(folder), "-o",
                             str(out), "-f", "json,html,junit", "-j", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(predicate: object, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def _journal_lines(out: Path) -> int:
    path = out / "journal.jsonl"
    return len(path.read_text("utf-8").splitlines()) if path.exists() else 0


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_its_parent(tmp_path: Path, how: signal.Signals) -> None:
    folder = _repeated(tmp_path / "in", 40)
    out = tmp_path / "out"
    proc = _start(folder, out)
    try:
        assert _wait_for(lambda: _journal_lines(out) >= 2, 120), proc.stderr
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True)]
        assert len(workers) >= 2
        proc.send_signal(how)
        code = proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert _wait_for(lambda: not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE
                                     for p in workers), 10)
    if how is signal.SIGTERM:
        assert code == 130
        summary = _summary(out)
        assert summary["interrupted"] is True
        assert summary["pairs"] == _journal_lines(out) >= 2
        assert (out / "index.html").is_file() and (out / "junit.xml").is_file()


def test_a_pair_over_the_time_limit_fails_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    zh, en = ((PAIRS / f"seed.{x}.txt").read_text("utf-8") for x in ("zh", "en"))
    (folder / "long.zh.txt").write_text("\n".join([zh] * 30), "utf-8")
    (folder / "long.en.txt").write_text("\n".join([en] * 30), "utf-8")
    (folder / "short.zh.txt").write_text("美國總統週一表示,關稅將提高。\n", "utf-8")
    (folder / "short.en.txt").write_text("The U.S. president said on Monday that tariffs "
                                         "would rise.\n", "utf-8")
    r = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "-j", "1", "--fail-on",
                            "never", "--pair-timeout", "1"])
    assert r.exit_code == 0, r.output
    assert "xcheck: long: timed out after 1 s (--pair-timeout)" in r.stderr
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["short"]


def test_time_limit_interrupts_python_code() -> None:
    from xcheck.time_limit import PairTimeout, time_limit

    t0 = time.perf_counter()
    with pytest.raises(PairTimeout), time_limit(0.2):
        while True:
            sum(range(1000))
    assert time.perf_counter() - t0 < 2
    with time_limit(5):
        pass
    time.sleep(0.1)  # a limit that ended raises nothing later


def test_output_folder_can_be_the_input_folder(tmp_path: Path) -> None:
    folder = _repeated(tmp_path / "in", 2)
    shutil.copyfile(PAIRS / "seed.zh.txt", folder / "index.zh.txt")  # ids like the corpus files
    shutil.copyfile(PAIRS / "seed.en.txt", folder / "index.en.txt")
    shutil.copyfile(PAIRS / "seed.zh.txt", folder / "summary.zh.txt")
    shutil.copyfile(PAIRS / "seed.en.txt", folder / "summary.en.txt")
    args = ["corpus", str(folder), "-o", str(folder), "-f", "text,json,html,junit,jsonl",
            "-j", "1", "--fail-on", "never"]
    for _ in range(2):  # the second run must not read the first one's reports as pairs
        r = runner.invoke(app, args)
        assert r.exit_code == 0, r.output
        assert _summary(folder)["pairs"] == 4
    assert _summary(folder)["checked"] == 4  # summary.json is the corpus summary...
    pair_report = json.loads((folder / "reports" / "summary.json").read_text("utf-8"))
    assert "findings" in pair_report  # ...and the pair "summary" has its own in reports/
    assert 'href="reports/index.html"' in (folder / "index.html").read_text("utf-8")


def test_every_output_is_written_atomically(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import xcheck.outputs

    replaced: set[Path] = set()
    real_replace = os.replace

    def replace(src: str, dst: str | Path) -> None:
        replaced.add(Path(dst))
        real_replace(src, dst)

    monkeypatch.setattr(xcheck.outputs.os, "replace", replace)
    folder = _repeated(tmp_path / "in", 2)
    out = tmp_path / "out"
    r = runner.invoke(app, ["corpus", str(folder), "-o", str(out), "-f",
                            "json,jsonl,html,junit,sarif", "-j", "1", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    written = {p for p in out.rglob("*") if p.is_file()} - {out / "journal.jsonl"}
    assert len(written) == 2 * 4 + 4
    assert written <= replaced
    assert not [p for p in out.rglob("*.tmp")]


def test_dask_missing_says_what_to_install(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if never installed
    monkeypatch.setitem(sys.modules, "xcheck.corpus_dask", None)
    folder = _repeated(tmp_path / "in", 1)
    r = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "--engine", "dask"])
    assert r.exit_code == 2
    assert r.stderr.strip() == ("xcheck: the dask engine needs Dask: "
                                "pip install 'xcheck[dask]'")
    r = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "--engine", "pool",
                            "--scheduler", "tcp://127.0.0.1:8786"])
    assert r.exit_code == 2 and "--scheduler needs the dask engine" in r.stderr
    r = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "--engine", "spark"])
    assert r.exit_code == 2 and "unknown engine 'spark'" in r.stderr
