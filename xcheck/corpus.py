"""Batch runs: find the article pairs of a folder or a JSONL manifest, check them in worker
processes, stream small per-pair results back (reports are rendered and written by the
workers, so the parent's memory stays flat however large the corpus).

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

import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from xcheck.errors import InputError, XcheckError
from xcheck.settings import Settings


@dataclass(frozen=True)
class Pair:
    id: str
    zh: str
    en: str | None = None
    problem: str | None = None  # found but unusable (e.g. a half without its other half)
    mt: str | None = None  # a machine translation of the Chinese


@dataclass(frozen=True)
class Job:
    """What every worker needs besides the pair (sent once, at worker start)."""

    settings: Settings = field(default_factory=Settings)
    glossary: tuple[tuple[str, str], ...] = ()
    formats: tuple[str, ...] = ()
    output: str | None = None  # folder for per-pair reports
    fail_on: str = "error"
    suppress: frozenset[str] = frozenset()  # baseline fingerprints
    want_jsonl: bool = False  # return the jsonl line (for stdout)
    want_findings: bool = False  # return (fingerprint, rule, message) (to write a baseline)


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
    files: dict[str, str] = field(default_factory=dict)  # format -> file name in output
    jsonl: str | None = None
    junit: str | None = None  # the <testcase> element, when junit is a chosen format
    findings: tuple[tuple[str, str, str], ...] = ()
    rss_kb: int = 0  # peak RSS of the process that checked the pair
    warnings: tuple[str, ...] = ()  # about the inputs (a malformed MT file)


# ---------------------------------------------------------------- discovery

def discover(path: str | Path, *, follow_symlinks: bool = False) -> list[Pair]:
    """The pairs of a folder or a manifest file, in a stable order.

    A file reached through a symbolic link is read only if the link resolves inside the
    folder (the manifest's folder), unless ``follow_symlinks``; pair ids are made printable
    (file names that are not UTF-8 or hold control characters are escaped)."""
    from dataclasses import replace

    from xcheck.limits import shown

    p = Path(path)
    if p.is_dir():
        pairs = _from_folder(p)
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


def _by_stem(folder: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for f in sorted(folder.iterdir()):
        split = _split(f.name)
        if f.is_file() and split is not None:
            found.setdefault(split[0], f)  # a.txt before a.zh.html: sorted, first wins
    return found


def _from_folder(folder: Path) -> list[Pair]:
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
    stems = _by_stem(folder)
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


# ---------------------------------------------------------------- workers

_JOB: Job | None = None


def _init(job: Job) -> None:
    """Worker start: remember the job and load the heavy resources once."""
    global _JOB
    _JOB = job
    warm_up()


def warm_up() -> None:
    from xcheck.api import check_documents
    from xcheck.load import bilingual_from_text

    try:
        zh, en = bilingual_from_text("美國總統川普週一在白宮表示,關稅將提高百分之十。\n"
                                     "U.S. President Trump said on Monday at the White House "
                                     "that tariffs would rise by 10 percent.\n")
        check_documents(zh, en)
    except XcheckError:
        pass


def check_pair(pair: Pair, job: Job, names: dict[str, str] | None = None) -> PairResult:
    """Check one pair, write its reports, return a small summary (never raises)."""
    from xcheck.api import check
    from xcheck.baseline import Baseline, Suppression, apply_baseline
    from xcheck.report import EXTENSIONS, RenderOptions, render

    t0 = time.perf_counter()
    if pair.problem:
        from xcheck.limits import shown

        return PairResult(pair.id, False, 0.0, f"{shown(pair.zh)}: {pair.problem}")
    try:
        report = check(pair.zh, pair.en, job.settings, job.glossary, pair.mt)
    except XcheckError as e:
        return PairResult(pair.id, False, time.perf_counter() - t0, str(e))
    except Exception as e:  # a bug on one pair must not stop the corpus
        return PairResult(pair.id, False, time.perf_counter() - t0,
                          f"internal error: {type(e).__name__}: {e}")
    findings = tuple((f.fingerprint, f.rule, f.message) for f in report.findings)
    if job.suppress:
        report = apply_baseline(report, Baseline(tuple(Suppression(fp)
                                                       for fp in job.suppress)))
    options = RenderOptions(fail_on=job.fail_on, id=pair.id)
    files: dict[str, str] = {}
    stem = (names or {}).get(pair.id, safe_name(pair.id))
    try:
        if job.output:
            for fmt in job.formats:
                name = f"{stem}.{EXTENSIONS[fmt]}"
                Path(job.output, name).write_text(render(report, fmt, options), "utf-8")
                files[fmt] = name
    except OSError as e:
        return PairResult(pair.id, False, time.perf_counter() - t0,
                          f"cannot write report ({e.strerror})")
    junit = None
    if "junit" in job.formats:
        import xml.etree.ElementTree as ET

        from xcheck.report.ci import junit_testcase

        seconds = time.perf_counter() - t0
        junit = ET.tostring(junit_testcase(report, options, seconds), encoding="unicode")
    sev = report.summary()
    cats: dict[str, int] = {}
    for f in report.findings:
        cats[f.category.value] = cats.get(f.category.value, 0) + 1
    from xcheck.report.common import at_or_above

    return PairResult(
        pair.id, True, time.perf_counter() - t0, None, sev, cats, report.suppressed,
        len(at_or_above(report, job.fail_on)), files,
        render(report, "jsonl", options) if job.want_jsonl else None, junit,
        findings if job.want_findings else (), warnings=report.warnings)


def _peak_rss_kb() -> int:
    """Peak RSS of this process (0 where the Unix-only ``resource`` module is missing)."""
    try:
        import resource
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _work(args: tuple[Pair, str]) -> PairResult:
    from dataclasses import replace

    assert _JOB is not None
    pair, stem = args
    result = check_pair(pair, _JOB, {pair.id: stem})
    return replace(result, rss_kb=_peak_rss_kb())


def run(pairs: Iterable[Pair], job: Job, jobs: int = 1) -> Iterator[PairResult]:
    """Results in input order, as they arrive (``jobs`` worker processes)."""
    items = _with_names(pairs)
    if jobs <= 1:
        _init(job)
        for item in items:
            yield _work(item)
        return
    import multiprocessing

    method = "spawn" if os.name == "nt" else "forkserver"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        # The forkserver loads the resources once; workers fork from it with them loaded.
        ctx.set_forkserver_preload(["__main__", "xcheck._warm"])
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init,
                             initargs=(job,)) as pool:
        yield from pool.map(_work, items, chunksize=1)


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

    def add(self, r: PairResult) -> None:
        self.pairs += 1
        self.worker_rss_kb = max(self.worker_rss_kb, r.rss_kb)
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
                "failures": [{"id": i, "error": m} for i, m in self.failures]}


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
         update_baseline: bool = False) -> Plan:
    """The run for these options; creates the output folder (InputError if it cannot).
    A baseline that does not exist yet, or ``update_baseline``, is written, else applied."""
    from xcheck.report import FORMATS

    if output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"{output}: cannot create folder ({e.strerror})") from None
    write_base = baseline is not None and (update_baseline or not baseline.exists())
    suppress: frozenset[str] = frozenset()
    if baseline is not None and not write_base:
        from xcheck.baseline import read_baseline

        suppress = read_baseline(baseline).fingerprints
    job = Job(settings, glossary, tuple(f for f in formats if f != "jsonl"),
              str(output) if output else None, fail_on, suppress,
              want_jsonl="jsonl" in formats, want_findings=write_base)
    return Plan(job, output, tuple(f for f in FORMATS if f in formats), baseline, write_base)


@dataclass
class Outcome:
    totals: Totals
    suppressions_written: int | None = None  # written to the baseline (None: not written)


def run_corpus(pairs: list[Pair], run_plan: Plan, jobs: int = 1, *,
               jsonl_stream: TextIO | None = None,
               on_result: Callable[[PairResult], None] | None = None) -> Outcome:
    """Check every pair; stream jsonl lines (to ``output/corpus.jsonl``, else to
    ``jsonl_stream``); write index.html, junit.xml, summary.json in the output folder and the
    baseline when asked. ``on_result`` sees each result as it arrives (for progress)."""
    import tempfile

    output, formats, job = run_plan.output, run_plan.formats, run_plan.job
    totals = Totals()
    rows: list[dict[str, object]] = []
    findings: dict[str, tuple[str, str]] = {}
    jsonl_file = open(output / "corpus.jsonl", "w", encoding="utf-8") \
        if output is not None and "jsonl" in formats else None  # noqa: SIM115
    junit_tmp = tempfile.TemporaryFile("w+", encoding="utf-8") \
        if "junit" in formats and output is not None else None  # noqa: SIM115
    t0 = time.perf_counter()
    try:
        for r in run(pairs, job, jobs):
            totals.add(r)
            if r.jsonl is not None:
                if jsonl_file is not None:
                    jsonl_file.write(r.jsonl)
                elif jsonl_stream is not None:
                    jsonl_stream.write(r.jsonl)
                    jsonl_stream.flush()
            if junit_tmp is not None:
                from xcheck.report.ci import junit_error_case

                if r.junit is not None:
                    junit_tmp.write(r.junit + "\n")
                else:
                    import xml.etree.ElementTree as ET

                    junit_tmp.write(ET.tostring(junit_error_case(r.id, r.error or ""),
                                                encoding="unicode") + "\n")
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
    finally:
        if jsonl_file is not None:
            jsonl_file.close()
    totals.seconds = time.perf_counter() - t0
    if output is not None:
        write_corpus_files(output, totals, rows, junit_tmp, formats, run_plan.job.fail_on)
    outcome = Outcome(totals)
    if run_plan.baseline is not None and run_plan.write_baseline:
        write_corpus_baseline(run_plan.baseline, findings)
        outcome.suppressions_written = len(findings)
    if output is not None:
        (output / "summary.json").write_text(json.dumps(totals.as_dict(), ensure_ascii=False,
                                                        indent=2) + "\n", "utf-8")
    return outcome


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
    if "html" in formats:
        from xcheck.report.index import index_page

        (output / "index.html").write_text(index_page(rows, fail_on=fail_on), "utf-8")
    if junit_tmp is not None:
        from datetime import UTC, datetime, timedelta

        failures = totals.failing_pairs
        errors = len(totals.failures)
        started = datetime.now(UTC) - timedelta(seconds=totals.seconds)
        stamp = started.strftime("%Y-%m-%dT%H:%M:%S")  # JUnit's timestamp: UTC, no zone
        with open(output / "junit.xml", "w", encoding="utf-8") as fh:
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
        junit_tmp.close()
