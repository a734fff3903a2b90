"""Batch runs: find the article pairs of a folder or a JSONL manifest, send their bytes to
workers (a process pool or a Dask cluster: xcheck/corpus_engines.py), write the reports
they send back (atomically, per-pair reports in ``reports/``) and the corpus files:
summary.json, index.html, junit.xml, corpus.jsonl, and the journal ``--resume`` reads.

Layouts of a folder (top level):

- ``NAME.zh.txt`` + ``NAME.en.txt``;
- ``zh/NAME.txt`` + ``en/NAME.txt``;
- ``NAME.txt``: one file holding both languages.

A machine translation of a pair's Chinese (``--mt`` evidence) sits next to it as
``NAME.mt.txt`` or ``mt/NAME.txt``. A manifest has one JSON object per line:
``{"id": "..", "zh": "path", "en": "path", "mt": "path"}`` (``en`` may be left out for a
one-file article, ``mt`` when there is no machine translation); paths are relative to the
manifest and must stay inside its folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from xcheck.corpus_worker import REPORTS_DIR, Job, PairResult, Task, failed, warm_up
from xcheck.errors import InputError
from xcheck.settings import Settings

__all__ = ["REPORTS_DIR", "Job", "Pair", "PairResult", "discover", "run_corpus", "warm_up"]

# A pair's default time limit (seconds): far above any real article's, low enough that a
# pathological input cannot stall a corpus for long.
DEFAULT_PAIR_TIMEOUT = 300.0


@dataclass(frozen=True)
class Pair:
    id: str
    zh: str
    en: str | None = None
    problem: str | None = None  # found but unusable (e.g. a half without its other half)
    mt: str | None = None  # a machine translation of the Chinese


# ---------------------------------------------------------------- discovery

# What a run writes at the top of its output folder (the per-pair reports go in
# REPORTS_DIR, which is never searched for pairs).
CORPUS_FILES = frozenset({"index.html", "summary.json", "junit.xml", "corpus.jsonl",
                          "journal.jsonl"})


def discover(path: str | Path, output: Path | None = None, *,
             follow_symlinks: bool = False) -> list[Pair]:
    """The pairs of a folder or a manifest file, in a stable order.

    When ``output`` (the run's output folder) is the folder itself, the corpus files a run
    writes there are not taken for pairs. A file reached through a symbolic link is read
    only if the link resolves inside the folder (the manifest's folder), unless
    ``follow_symlinks``; pair ids are made printable (file names that are not UTF-8 or hold
    control characters are escaped)."""
    from dataclasses import replace

    from xcheck.limits import shown

    p = Path(path)
    if p.is_dir():
        same = output is not None and output.exists() and output.resolve() == p.resolve()
        pairs = _from_folder(p, CORPUS_FILES if same else frozenset())
    elif p.is_file():
        pairs = _from_manifest(p)
    else:
        raise InputError(f"{shown(p)}: no such folder or manifest")
    root = (p if p.is_dir() else p.parent).resolve()
    out = []
    for pair in pairs:
        pair = replace(pair, id=shown(pair.id),
                       problem=shown(pair.problem) if pair.problem else None)
        if not follow_symlinks and not pair.problem:
            outside = [f for f in (pair.zh, pair.en, pair.mt)
                       if f is not None and not _resolves_inside(f, root)]
            if outside:
                pair = replace(pair, problem=f"{shown(outside[0])} is reached through a "
                               "symbolic link that leads outside the folder; refused (use "
                               "--follow-symlinks to read it)")
        out.append(pair)
    return out


def _resolves_inside(path: str, root: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(root)
    except (OSError, RuntimeError, ValueError):
        return False


# Article files a folder may hold (xcheck.formats): plain text, HTML, Markdown, DOCX, and
# bilingual XLIFF / TMX files (one file per pair, like a one-file NAME.txt).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".docx", ".xlf", ".xliff",
                    ".tmx")


def _split(name: str) -> tuple[str, str] | None:
    """``("a.zh", ".html")`` for ``a.zh.html``; None for a file that is no article."""
    for suffix in ARTICLE_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return None


def _by_stem(folder: Path, skip: frozenset[str] = frozenset()) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for f in sorted(folder.iterdir()):
        if f.name in skip:
            continue
        split = _split(f.name)
        if f.is_file() and split is not None:
            found.setdefault(split[0], f)  # a.txt before a.zh.html: sorted, first wins
    return found


def _from_folder(folder: Path, skip: frozenset[str] = frozenset()) -> list[Pair]:
    pairs: dict[str, Pair] = {}
    zh_dir, en_dir = folder / "zh", folder / "en"
    if zh_dir.is_dir() or en_dir.is_dir():
        zh_files = _by_stem(zh_dir) if zh_dir.is_dir() else {}
        en_files = _by_stem(en_dir) if en_dir.is_dir() else {}
        for pid in sorted(zh_files.keys() | en_files.keys()):
            if pid not in en_files:
                pairs[pid] = Pair(pid, str(zh_files[pid]), None, f"no en/{pid}.*")
            elif pid not in zh_files:
                pairs[pid] = Pair(pid, str(en_files[pid]), None, f"no zh/{pid}.*")
            else:
                pairs[pid] = Pair(pid, str(zh_files[pid]), str(en_files[pid]))
    stems = _by_stem(folder, skip)
    one_file: list[Path] = []
    for stem, f in stems.items():
        if stem.endswith(".zh"):
            pid = stem[: -len(".zh")]
            en = stems.get(f"{pid}.en")
            pairs[pid] = (Pair(pid, str(f), str(en)) if en is not None
                          else Pair(pid, str(f), None, f"no {pid}.en.*"))
        elif stem.endswith(".en"):
            pid = stem[: -len(".en")]
            if f"{pid}.zh" not in stems:
                pairs[pid] = Pair(pid, str(f), None, f"no {pid}.zh.*")
        elif not stem.endswith(".mt"):  # NAME.mt.*: attached to its pair below
            one_file.append(f)
    for f in one_file:  # after the pairs, so a pair keeps its name (NAME.tmx beside it)
        split = _split(f.name)
        pid = split[0] if split is not None and split[0] not in pairs else f.name
        if split is not None and split[1] == ".txt" and pid != split[0]:
            # NAME.txt beside NAME.zh.txt + NAME.en.txt: two plain texts of one name, which
            # is the article? Said, not guessed (and nothing silently dropped).
            pairs[pid] = Pair(pid, str(f), None, f"{f.name} (one file holding both "
                              f"languages) and {split[0]}.zh.txt + {split[0]}.en.txt both "
                              "name this article; rename or move one")
            continue
        pairs[pid] = Pair(pid, str(f), None)
    if not pairs:
        raise InputError(f"{folder}: no article pairs (NAME.zh.txt + NAME.en.txt, "
                         "zh/NAME.txt + en/NAME.txt, or NAME.txt; .html, .md, .docx too, and "
                         "bilingual NAME.xlf or NAME.tmx)")
    mts = _mt_files(folder)
    return [_with_mt(pairs[k], mts) for k in sorted(pairs)]


def _mt_files(folder: Path) -> dict[str, Path]:
    """Machine translations: NAME.mt.txt, or mt/NAME.txt, by pair id."""
    found = {f.name[: -len(".mt.txt")]: f for f in folder.glob("*.mt.txt")}
    if (folder / "mt").is_dir():
        found.update({f.stem: f for f in (folder / "mt").glob("*.txt")})
    return found


def _with_mt(pair: Pair, mts: dict[str, Path]) -> Pair:
    from dataclasses import replace

    mt = mts.get(pair.id)
    return replace(pair, mt=str(mt)) if mt is not None and not pair.problem else pair


def _inside(base: Path, rel: object, where: str) -> str:
    if not isinstance(rel, str) or not rel:
        raise InputError(f"{where}: expected a relative path string")
    if os.path.isabs(rel) or rel.startswith(("/", "\\")):
        raise InputError(f"{where}: {rel!r} is an absolute path; paths must be relative to "
                         "the manifest")
    joined = os.path.normpath(os.path.join(base, rel))
    if os.path.commonpath([joined, os.path.normpath(base)]) != os.path.normpath(base):
        raise InputError(f"{where}: {rel!r} points outside the manifest's folder")
    return joined


def _from_manifest(manifest: Path) -> list[Pair]:
    base = manifest.parent.absolute()
    pairs: list[Pair] = []
    seen: set[str] = set()
    from xcheck.io import DEFAULT_MAX_BYTES
    from xcheck.limits import read_side_text

    lines = read_side_text(manifest, DEFAULT_MAX_BYTES, what="manifest",
                           error=InputError).splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{manifest}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: invalid JSON ({e.msg})") from None
        if not isinstance(item, dict) or "zh" not in item:
            raise InputError(f"{where}: expected {{\"id\": .., \"zh\": path, \"en\": path}}")
        zh = _inside(base, item["zh"], where)
        en = _inside(base, item["en"], where) if item.get("en") is not None else None
        mt = _inside(base, item["mt"], where) if item.get("mt") is not None else None
        pid = str(item.get("id") or Path(zh).stem)
        if pid in seen:
            raise InputError(f"{where}: duplicate id {pid!r}")
        seen.add(pid)
        pairs.append(Pair(pid, zh, en, mt=mt))
    if not pairs:
        raise InputError(f"{manifest}: the manifest lists no pairs")
    return pairs


def safe_name(pid: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", pid, flags=re.ASCII).strip("._") or "pair"
    return name[:120]


# ---------------------------------------------------------------- running

def _with_names(pairs: Iterable[Pair]) -> Iterator[tuple[Pair, str]]:
    used: set[str] = set()
    for p in pairs:
        stem = safe_name(p.id)
        k = 2
        while stem.lower() in used:
            stem = f"{safe_name(p.id)}-{k}"
            k += 1
        used.add(stem.lower())
        yield p, stem


# ---------------------------------------------------------------- the summary

@dataclass
class Totals:
    pairs: int = 0
    checked: int = 0
    failing_pairs: int = 0
    severities: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0,
                                                                "info": 0})
    categories: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0
    slowest: list[tuple[float, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)  # ids of the pairs at or above fail_on
    seconds: float = 0.0
    worker_rss_kb: int = 0
    engine: str = "pool"
    workers: int = 1
    interrupted: bool = False  # Ctrl-C or SIGTERM: only the finished pairs are counted
    resumed: int = 0  # pairs taken from an earlier run's journal (--resume)
    settings_digest: str = ""
    digests: dict[str, str] = field(default_factory=dict)  # pair id -> its inputs' hash

    def add(self, r: PairResult) -> None:
        self.pairs += 1
        self.worker_rss_kb = max(self.worker_rss_kb, r.rss_kb)
        if r.digest:
            self.digests[r.id] = r.digest
        if not r.ok:
            self.failures.append((r.id, r.error or "failed"))
            return
        self.checked += 1
        self.failing_pairs += r.failing > 0
        if r.failing:
            self.failing.append(r.id)
        for k, v in r.severities.items():
            self.severities[k] = self.severities.get(k, 0) + v
        for k, v in r.categories.items():
            self.categories[k] = self.categories.get(k, 0) + v
        self.suppressed += r.suppressed
        self.slowest = sorted([*self.slowest, (r.seconds, r.id)], reverse=True)[:5]

    def as_dict(self) -> dict[str, Any]:
        return {"pairs": self.pairs, "checked": self.checked, "failed": len(self.failures),
                "pairs_at_or_above_fail_on": self.failing_pairs,
                "failing_pairs": sorted(self.failing),
                "findings": self.severities, "categories": self.categories,
                "suppressed": self.suppressed, "seconds": round(self.seconds, 3),
                "peak_worker_rss_kb": self.worker_rss_kb,
                "slowest": [{"id": i, "seconds": round(s, 3)} for s, i in self.slowest],
                "failures": [{"id": i, "error": m} for i, m in self.failures],
                "engine": self.engine, "workers": self.workers,
                "interrupted": self.interrupted, "resumed": self.resumed,
                "settings_digest": self.settings_digest, "digests": self.digests}


def summary_tables(t: Totals) -> list[Any]:
    from rich.table import Table
    from rich.text import Text

    from xcheck.report.inert import inert_line

    main = Table(title="xcheck corpus", show_header=True)
    for col in ("pairs", "checked", "failed", "errors", "warnings", "info", "suppressed",
                "pairs/s"):
        main.add_column(col, justify="right")
    rate = t.pairs / t.seconds if t.seconds else 0.0
    main.add_row(str(t.pairs), str(t.checked), str(len(t.failures)),
                 str(t.severities.get("error", 0)), str(t.severities.get("warning", 0)),
                 str(t.severities.get("info", 0)), str(t.suppressed), f"{rate:.1f}")
    out: list[Any] = [main]
    if t.categories:
        cats = Table(title="findings by category")
        cats.add_column("category")
        cats.add_column("findings", justify="right")
        for k, v in sorted(t.categories.items(), key=lambda kv: -kv[1]):
            cats.add_row(Text(k), str(v))
        out.append(cats)
    if t.slowest:
        slow = Table(title="slowest pairs")
        slow.add_column("pair")
        slow.add_column("seconds", justify="right")
        for s, i in t.slowest:
            slow.add_row(Text(inert_line(i)), f"{s:.2f}")
        out.append(slow)
    if t.failures:
        bad = Table(title="failures")
        bad.add_column("pair")
        bad.add_column("error")
        for i, m in t.failures:
            bad.add_row(Text(inert_line(i)), Text(inert_line(m)))
        out.append(bad)
    return out


# ---------------------------------------------------------------- a whole corpus run

def format_list(values: Iterable[str] | None) -> list[str]:
    """Report formats from repeatable, comma-separated option values: known, deduplicated,
    in the order given (ConfigError on an unknown one)."""
    from xcheck.errors import ConfigError
    from xcheck.report import FORMATS

    out: list[str] = []
    for v in values or []:
        for name in (x.strip() for x in v.split(",")):
            if not name:
                continue
            if name not in FORMATS:
                raise ConfigError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
            if name not in out:
                out.append(name)
    return out


@dataclass(frozen=True)
class Plan:
    """A corpus run: the workers' job, and what the parent writes around it."""

    job: Job
    output: Path | None = None  # folder for the per-pair reports and the corpus files
    formats: tuple[str, ...] = ()  # every chosen format, in FORMATS order
    baseline: Path | None = None
    write_baseline: bool = False  # (re)write the baseline with the findings, not apply it


def plan(settings: Settings, glossary: tuple[tuple[str, str], ...], formats: list[str],
         output: Path | None, fail_on: str, baseline: Path | None = None,
         update_baseline: bool = False,
         pair_timeout: float | None = DEFAULT_PAIR_TIMEOUT) -> Plan:
    """The run for these options; creates the output folder (InputError if it cannot).
    A baseline that does not exist yet, or ``update_baseline``, is written, else applied."""
    from xcheck.report import FORMATS

    if output is not None:
        try:
            (output / REPORTS_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"{output}: cannot create folder ({e.strerror})") from None
    write_base = baseline is not None and (update_baseline or not baseline.exists())
    suppress: frozenset[str] = frozenset()
    if baseline is not None and not write_base:
        from xcheck.baseline import read_baseline

        suppress = read_baseline(baseline).fingerprints
    job = Job(settings, glossary,
              tuple(f for f in formats if f != "jsonl") if output is not None else (),
              fail_on, suppress, want_jsonl="jsonl" in formats, want_findings=write_base,
              pair_timeout=pair_timeout)
    return Plan(job, output, tuple(f for f in FORMATS if f in formats), baseline, write_base)


@dataclass
class Outcome:
    totals: Totals
    suppressions_written: int | None = None  # written to the baseline (None: not written)


def _work_items(pairs: Iterable[Pair], job: Job, output: Path | None,
                previous: dict[str, PairResult]) -> Iterator[Task | PairResult]:
    """Each pair as a Task carrying its bytes (read here, one window ahead of the workers),
    or as its result when it is already known: unreadable, or finished by an earlier run."""
    from xcheck.corpus_resume import pair_digest, reusable, settings_digest
    from xcheck.errors import XcheckError
    from xcheck.io import FileBytes, read_bytes
    from xcheck.limits import shown

    settings_hash = settings_digest(job)
    limit = job.settings.max_bytes
    for pair, stem in _with_names(pairs):
        if pair.problem:
            yield failed(pair.id, f"{shown(pair.zh)}: {pair.problem}")
            continue
        try:
            zh = FileBytes(pair.zh, read_bytes(pair.zh, limit))
            en = FileBytes(pair.en, read_bytes(pair.en, limit)) if pair.en else None
            mt = FileBytes(pair.mt, read_bytes(pair.mt, limit)) if pair.mt else None
        except XcheckError as e:
            yield failed(pair.id, str(e))
            continue
        digest = pair_digest(settings_hash, pair.id, stem, (zh, en, mt))
        before = previous.get(pair.id)
        if output is not None and before is not None and reusable(before, digest, output):
            yield before
        else:
            yield Task(pair.id, stem, zh, en, mt, digest)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (a scheduler ending the job, `kill`) stops the run like Ctrl-C does."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def run_corpus(pairs: list[Pair], run_plan: Plan, jobs: int = 1, *,
               engine: str = "pool", scheduler: str | None = None, resume: bool = False,
               jsonl_stream: TextIO | None = None,
               on_result: Callable[[PairResult], None] | None = None) -> Outcome:
    """Check every pair on ``engine`` (see xcheck/corpus_engines.py) with ``jobs`` workers;
    write each pair's reports as it arrives, stream jsonl lines (to ``output/corpus.jsonl``,
    else to ``jsonl_stream``), then index.html, junit.xml and summary.json in the output
    folder and the baseline when asked. ``on_result`` sees each result (for progress).

    ``resume`` reuses the pairs an earlier run into the same folder finished from the same
    inputs and settings. Interrupted (KeyboardInterrupt, SIGTERM), the corpus files are
    written for the finished pairs, then KeyboardInterrupt is raised again."""
    import tempfile

    from xcheck.corpus_engines import ENGINES, EngineOptions, run_tasks
    from xcheck.corpus_resume import JOURNAL, journal_line, read_journal, settings_digest
    from xcheck.errors import ConfigError
    from xcheck.outputs import atomic_writer, write_text_atomic

    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    output, formats, job = run_plan.output, run_plan.formats, run_plan.job
    totals = Totals(engine=engine, settings_digest=settings_digest(job))
    rows: list[dict[str, object]] = []
    findings: dict[str, tuple[str, str]] = {}
    previous = read_journal(output / JOURNAL) if resume and output is not None else {}
    t0 = time.perf_counter()
    with contextlib.ExitStack() as stack:
        jsonl_file = stack.enter_context(atomic_writer(output / "corpus.jsonl")) \
            if output is not None and "jsonl" in formats else None
        junit_tmp = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) \
            if "junit" in formats and output is not None else None
        # Appended line by line (not atomic as a file): a line cut short is skipped on read.
        journal = stack.enter_context(open(output / JOURNAL, "a" if resume else "w",
                                           encoding="utf-8")) if output is not None else None
        try:
            with _sigterm_as_interrupt(), \
                    ENGINES[engine](job, EngineOptions(jobs, scheduler)) as session:
                totals.workers = session.workers
                for r in run_tasks(_work_items(pairs, job, output, previous), session):
                    if r is previous.get(r.id):
                        totals.resumed += 1
                    elif output is not None:
                        r = _write_reports(output, r, write_text_atomic)
                        if journal is not None:
                            journal.write(journal_line(r))
                            journal.flush()
                    totals.add(r)
                    if r.jsonl is not None:
                        if jsonl_file is not None:
                            jsonl_file.write(r.jsonl)
                        elif jsonl_stream is not None:
                            jsonl_stream.write(r.jsonl)
                            jsonl_stream.flush()
                    if junit_tmp is not None:
                        junit_tmp.write(_junit_case(r) + "\n")
                    for fp, rule, message in r.findings:
                        findings.setdefault(fp, (rule, message))
                    if output is not None and "html" in formats:
                        rows.append({"id": r.id, "html": r.files.get("html"), "error": r.error,
                                     "errors": r.severities.get("error", 0),
                                     "warnings": r.severities.get("warning", 0),
                                     "info": r.severities.get("info", 0),
                                     "suppressed": r.suppressed, "seconds": r.seconds,
                                     "failing": r.failing > 0})
                    if on_result is not None:
                        on_result(r)
        except KeyboardInterrupt:
            totals.interrupted = True
        totals.seconds = time.perf_counter() - t0
        if output is not None:
            write_corpus_files(output, totals, rows, junit_tmp, formats, job.fail_on)
    outcome = Outcome(totals)
    if run_plan.baseline is not None and run_plan.write_baseline and not totals.interrupted:
        write_corpus_baseline(run_plan.baseline, findings)
        outcome.suppressions_written = len(findings)
    if output is not None:
        write_text_atomic(output / "summary.json",
                          json.dumps(totals.as_dict(), ensure_ascii=False, indent=2) + "\n")
    if totals.interrupted:
        raise KeyboardInterrupt
    return outcome


def _write_reports(output: Path, r: PairResult,
                   write: Callable[[Path, str], None]) -> PairResult:
    """Write the reports a worker sent back; the result without their text."""
    try:
        for name, text in r.reports:
            write(output / name, text)
    except OSError as e:
        return failed(r.id, f"cannot write report ({e.strerror})", r.seconds, r.digest)
    return replace(r, reports=())


def _junit_case(r: PairResult) -> str:
    if r.junit is not None:
        return r.junit
    import xml.etree.ElementTree as ET

    from xcheck.report.ci import junit_error_case

    return ET.tostring(junit_error_case(r.id, r.error or ""), encoding="unicode")


def write_corpus_baseline(path: Path, findings: dict[str, tuple[str, str]]) -> None:
    """The baseline of a corpus run: every finding (fingerprint -> rule, message), keeping the
    reasons an existing baseline gives."""
    from xcheck.baseline import Baseline, Suppression, read_baseline, write_baseline

    keep = {s.fingerprint: s.reason for s in read_baseline(path).suppressions} \
        if path.exists() else {}
    write_baseline(path, Baseline(tuple(
        Suppression(fp, rule, keep.get(fp, "baseline"), msg)
        for fp, (rule, msg) in findings.items())))


def write_corpus_files(output: Path, totals: Totals, rows: list[dict[str, object]],
                       junit_tmp: Any, formats: Iterable[str], fail_on: str = "error") -> None:
    """index.html (with html reports) and junit.xml (with junit) in the output folder."""
    from xcheck.outputs import atomic_writer, write_text_atomic

    if "html" in formats:
        from xcheck.report.index import index_page

        write_text_atomic(output / "index.html", index_page(rows, fail_on=fail_on))
    if junit_tmp is not None:
        from datetime import UTC, datetime, timedelta

        failures = totals.failing_pairs
        errors = len(totals.failures)
        started = datetime.now(UTC) - timedelta(seconds=totals.seconds)
        stamp = started.strftime("%Y-%m-%dT%H:%M:%S")  # JUnit's timestamp: UTC, no zone
        with atomic_writer(output / "junit.xml") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                     f'<testsuites name="xcheck" tests="{totals.pairs}" failures="{failures}" '
                     f'errors="{errors}" time="{totals.seconds:.3f}">\n'
                     f'<testsuite name="xcheck corpus" tests="{totals.pairs}" '
                     f'failures="{failures}" errors="{errors}" time="{totals.seconds:.3f}" '
                     f'timestamp="{stamp}">\n')
            junit_tmp.seek(0)
            for line in junit_tmp:
                fh.write(line)
            fh.write("</testsuite>\n</testsuites>\n")
