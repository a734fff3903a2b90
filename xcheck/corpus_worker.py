"""What a corpus worker does with one pair, on any engine: check the bytes it was sent, render
the reports, send back a small result with the reports' text (the client writes them, so a
worker needs no file system shared with the client)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from xcheck.errors import XcheckError
from xcheck.io import FileBytes
from xcheck.settings import Settings

# Per-pair reports go in this subfolder of the output folder, so that no pair id can collide
# with the corpus files (index.html, summary.json, junit.xml) beside it.
REPORTS_DIR = "reports"


@dataclass(frozen=True)
class Job:
    """What every worker needs besides the pair (sent once per worker)."""

    settings: Settings = field(default_factory=Settings)
    glossary: tuple[tuple[str, str], ...] = ()
    formats: tuple[str, ...] = ()  # per-pair report formats (rendered by the worker)
    fail_on: str = "error"
    suppress: frozenset[str] = frozenset()  # baseline fingerprints
    want_jsonl: bool = False  # return the jsonl line
    want_findings: bool = False  # return (fingerprint, rule, message) (to write a baseline)
    pair_timeout: float | None = None  # seconds; a pair over it is reported failed


@dataclass(frozen=True)
class Task:
    """One pair as sent to a worker: its id, report file stem and input bytes."""

    id: str
    stem: str
    zh: FileBytes
    en: FileBytes | None = None
    mt: FileBytes | None = None
    digest: str = ""  # content hash of the inputs and settings (for --resume)


@dataclass(frozen=True)
class PairResult:
    id: str
    ok: bool
    seconds: float = 0.0
    error: str | None = None
    severities: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0
    failing: int = 0  # findings at or above fail_on
    files: dict[str, str] = field(default_factory=dict)  # format -> path in the output folder
    jsonl: str | None = None
    junit: str | None = None  # the <testcase> element, when junit is a chosen format
    findings: tuple[tuple[str, str, str], ...] = ()
    rss_kb: int = 0  # peak RSS of the process that checked the pair
    warnings: tuple[str, ...] = ()  # about the inputs (a malformed MT file)
    reports: tuple[tuple[str, str], ...] = ()  # (path in the output folder, text) to write
    digest: str = ""


def warm_up() -> None:
    """Load the heavy resources (dictionaries, models) by checking a tiny article."""
    from xcheck.api import check_documents
    from xcheck.load import bilingual_from_text

    try:
        zh, en = bilingual_from_text("美國總統川普週一在白宮表示,關稅將提高百分之十。\n"
                                     "U.S. President Trump said on Monday at the White House "
                                     "that tariffs would rise by 10 percent.\n")
        check_documents(zh, en)
    except XcheckError:
        pass


def failed(task_id: str, error: str, seconds: float = 0.0, digest: str = "") -> PairResult:
    return PairResult(task_id, False, seconds, error, digest=digest)


def check_task(task: Task, job: Job) -> PairResult:
    """Check one pair and render its reports; a small result (never raises)."""
    from xcheck.time_limit import PairTimeout, time_limit

    t0 = time.perf_counter()
    try:
        with time_limit(job.pair_timeout):
            result = _check(task, job, t0)
    except PairTimeout:
        return failed(task.id, f"timed out after {job.pair_timeout:g} s (--pair-timeout)",
                      time.perf_counter() - t0, task.digest)
    return replace(result, rss_kb=peak_rss_kb(), digest=task.digest)


def _check(task: Task, job: Job, t0: float) -> PairResult:
    from xcheck.api import check_bytes
    from xcheck.baseline import Baseline, Suppression, apply_baseline
    from xcheck.report import EXTENSIONS, RenderOptions, render
    from xcheck.report.common import at_or_above

    try:
        report = check_bytes(task.zh, task.en, job.settings, job.glossary, task.mt)
    except XcheckError as e:
        return failed(task.id, str(e), time.perf_counter() - t0)
    except MemoryError:
        return failed(task.id, "out of memory", time.perf_counter() - t0)
    except Exception as e:  # a bug on one pair must not stop the corpus
        return failed(task.id, f"internal error: {type(e).__name__}: {e}",
                      time.perf_counter() - t0)
    findings = tuple((f.fingerprint, f.rule, f.message) for f in report.findings)
    if job.suppress:
        report = apply_baseline(report, Baseline(tuple(Suppression(fp)
                                                       for fp in job.suppress)))
    options = RenderOptions(fail_on=job.fail_on, id=task.id)
    files: dict[str, str] = {}
    reports: list[tuple[str, str]] = []
    for fmt in job.formats:
        name = f"{REPORTS_DIR}/{task.stem}.{EXTENSIONS[fmt]}"
        reports.append((name, render(report, fmt, options)))
        files[fmt] = name
    junit = None
    if "junit" in job.formats:
        import xml.etree.ElementTree as ET

        from xcheck.report.ci import junit_testcase

        seconds = time.perf_counter() - t0
        junit = ET.tostring(junit_testcase(report, options, seconds), encoding="unicode")
    cats: dict[str, int] = {}
    for f in report.findings:
        cats[f.category.value] = cats.get(f.category.value, 0) + 1
    return PairResult(
        task.id, True, time.perf_counter() - t0, None, report.summary(), cats,
        report.suppressed, len(at_or_above(report, job.fail_on)), files,
        render(report, "jsonl", options) if job.want_jsonl else None, junit,
        findings if job.want_findings else (), warnings=report.warnings,
        reports=tuple(reports))


def peak_rss_kb() -> int:
    """Peak RSS of this process (0 where the Unix-only ``resource`` module is missing)."""
    try:
        import resource
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
