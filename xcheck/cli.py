"""The command-line interface: each command reads, calls the library, renders, exits."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from xcheck.errors import XcheckError

app = typer.Typer(
    name="xcheck",
    help="Find where a Chinese news article and its English version say different things.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def _show_version(value: bool) -> None:
    if value:
        from xcheck._version import __version__

        typer.echo(f"xcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True,
        help="Print the version and exit.")] = False) -> None:
    """Find where a Chinese news article and its English version say different things."""


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class AlignFormat(str, Enum):
    beads = "beads"
    json = "json"
    text = "text"


class SegmentFormat(str, Enum):
    lines = "lines"
    json = "json"


class LangOption(str, Enum):
    zh = "zh"
    en = "en"
    auto = "auto"


def fail(message: str) -> None:
    from xcheck.report.inert import inert_line

    typer.echo(f"xcheck: {inert_line(message)}", err=True)
    raise typer.Exit(2)


def errors_to_exit(fn: F) -> F:
    """Library errors become one line on stderr and exit code 2, never a traceback; anything
    else is a bug: one line naming the traceback file, exit code 3 (xcheck/crash.py)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except XcheckError as e:
            fail(str(e))
        except MemoryError:
            fail("out of memory; lower --max-bytes or --max-sentences, or split the input")
        except KeyboardInterrupt:
            typer.echo("xcheck: interrupted", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as e:
            if isinstance(e, _usage_errors()):
                raise
            from xcheck.crash import INTERNAL_ERROR, crash_line

            typer.echo(crash_line(e), err=True)
            raise typer.Exit(INTERNAL_ERROR) from None

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: Path | None) -> None:
    """The report to stdout, or atomically to ``output``; a failed write is one line, exit 2."""
    if output is None:
        write_stdout(text)
        return
    from xcheck.limits import shown
    from xcheck.outputs import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as e:
        fail(f"{shown(output)}: cannot write ({e.strerror or e})")


def write_stdout(text: str) -> None:
    stream = sys.stdout
    if stream is None or stream.closed:
        fail("cannot write the report: standard output is closed")
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError) as e:
        _drop_stdout()
        fail(f"cannot write to standard output ({getattr(e, 'strerror', None) or e})")


def _drop_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's last flush cannot fail a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def refuse_overwriting_inputs(output: Path | None, *inputs: Path | str | None) -> None:
    """``-o`` naming an input would destroy it: refused before anything is read."""
    from xcheck.limits import same_file, shown

    if output is None:
        return
    for given in inputs:
        if given is not None and same_file(output, given):
            fail(f"--output {shown(output)} is one of the inputs ({shown(given)}); "
                 "write the report to another file")


PresegOpt = Annotated[bool, typer.Option("--presegmented",
                                         help="Each non-empty line is one sentence.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding",
                                                 help="Input encoding (default: detect).")]
MaxBytesOpt = Annotated[int | None, typer.Option("--max-bytes", min=1,
                                                 help="Refuse inputs larger than this.")]
MaxBeadOpt = Annotated[int | None, typer.Option("--max-bead",
                                                help="Largest bead, zh+en sentences (default 7, "
                                                     "at most 16).")]
MaxSentencesOpt = Annotated[int | None, typer.Option(
    "--max-sentences", help="Refuse an input with more sentences per side (default 10,000).")]


class InputFormat(str, Enum):
    """xcheck.formats.FORMATS (tests/formats keep the two lists equal)."""

    auto = "auto"
    text = "text"
    html = "html"
    markdown = "markdown"
    docx = "docx"
    xliff = "xliff"
    tmx = "tmx"


InputFormatOpt = Annotated[InputFormat | None, typer.Option(
    "--input-format", help="Format of the input files (default auto: by extension, then "
                           "content).")]


class Source(str, Enum):
    zh = "zh"
    en = "en"


SourceOpt = Annotated[Source | None, typer.Option(
    "--source", help="Which side is the original: messages then name the translation's "
                     "omissions and additions (default: neutral).")]


# The options a setting can come from, for messages about a value given on the command line.
OPTION_NAMES = {"max_bytes": "--max-bytes", "max_sentences": "--max-sentences",
                "encoding": "--encoding", "align.max_bead": "--max-bead"}


SelectOpt = Annotated[list[str] | None, typer.Option(
    "--select", help="Report only these rules (names or finding types, comma-separated or "
                     "repeated; see 'xcheck rules').")]
IgnoreOpt = Annotated[list[str] | None, typer.Option(
    "--ignore", help="Do not report these rules (names or finding types).")]


def _names(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for item in values or () for v in item.split(",") if v.strip())


def _settings(config: Path | None, presegmented: bool, encoding: str | None,
              max_bytes: int | None, max_bead: int | None = None,
              source: Source | None = None, select: list[str] | None = None,
              ignore: list[str] | None = None,
              input_format: InputFormat | None = None,
              max_sentences: int | None = None) -> Any:
    from xcheck.config import load_config
    from xcheck.validation import validate

    cfg = load_config(config)
    s = cfg.settings
    if select or ignore:
        from xcheck.checks.rules import rule_selection

        try:
            chosen = rule_selection(_names(select), _names(ignore))
        except ValueError as e:
            fail(str(e))
        s = replace(s, rules=tuple(sorted({**dict(s.rules), **dict(chosen)}.items())))
    if source is not None:
        s = replace(s, source=source.value)
    if presegmented:
        s = replace(s, presegmented=True)
    if encoding:
        s = replace(s, encoding=encoding)
    if max_bytes is not None:
        s = replace(s, max_bytes=max_bytes)
    if max_bead is not None:
        s = replace(s, align=replace(s.align, max_bead=max_bead))
    if input_format is not None:
        s = replace(s, input_format=input_format.value)
    if max_sentences is not None:
        s = replace(s, max_sentences=max_sentences)
    # The settings file's values were checked when it was read: what fails now came from an
    # option.
    validate(s, "", OPTION_NAMES)
    return cfg, s


MTOpt = Annotated[Path | None, typer.Option(
    "--mt", help="An English machine translation of the Chinese (one line per Chinese "
                 "sentence, or free text), used as extra evidence.")]
FailOnOpt = Annotated[FailOn | None, typer.Option(
    "--fail-on", help="Exit 1 on a finding at or above this severity (default error).")]
GlossaryOpt = Annotated[Path | None, typer.Option("--glossary", help="TSV/CSV of zh,en terms.")]
BaselineOpt = Annotated[Path | None, typer.Option(
    "--baseline", help="Suppressions file: written with every current finding if missing, "
                       "else its fingerprints are suppressed.")]
UpdateBaselineOpt = Annotated[bool, typer.Option(
    "--update-baseline", help="Rewrite the --baseline file with the current findings.")]


def _threshold(fail_on: FailOn | None, cfg: Any) -> str:
    threshold = (fail_on.value if fail_on else cfg.fail_on) or "error"
    if threshold not in ("error", "warning", "info", "never"):
        fail(f"invalid fail_on {threshold!r}")
    return str(threshold)


def _use_color(output: Path | None) -> bool:
    import os

    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@app.command()
@errors_to_exit
def check(
    zh: Annotated[Path, typer.Argument(
        help="Chinese article, or one bilingual file; - reads standard input.")],
    en: Annotated[Path | None, typer.Argument(
        help="English article; - reads standard input.")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] =
        CheckFormat.text,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    glossary: GlossaryOpt = None,
    baseline: BaselineOpt = None,
    update_baseline: UpdateBaselineOpt = False,
    presegmented: PresegOpt = False,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_bead: MaxBeadOpt = None,
    max_sentences: MaxSentencesOpt = None,
    mt: MTOpt = None,
    source: SourceOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    input_format: InputFormatOpt = None,
) -> None:
    """Check a Chinese article against its English version (or one bilingual file: a
    one-file article, XLIFF or TMX)."""
    from datetime import UTC, datetime

    from xcheck.api import check_documents, read_inputs, read_mt
    from xcheck.baseline import read_baseline
    from xcheck.report import RenderOptions, render
    from xcheck.report.common import at_or_above
    from xcheck.report.inert import inert_line

    started = datetime.now(UTC)
    if str(zh) == "-" and str(en) == "-":
        fail("only one of ZH and EN can be - (standard input)")
    if update_baseline and baseline is None:
        fail("--update-baseline needs --baseline FILE")
    refuse_overwriting_inputs(output, zh, en, mt, glossary, baseline, config)
    cfg, settings = _settings(config, presegmented, encoding, max_bytes, max_bead, source,
                              select, ignore, input_format, max_sentences)
    threshold = _threshold(fail_on, cfg)
    gloss_path = glossary or cfg.glossary
    # Side files and inputs are read before the checks are even imported: a file over a
    # ceiling, a FIFO or a device is refused at once.
    kept = read_baseline(baseline, settings.max_bytes) \
        if baseline is not None and baseline.exists() else None
    zh_doc, en_doc = read_inputs(zh, en, settings)
    if gloss_path:
        from xcheck.checks.glossary import read_glossary

        terms = read_glossary(gloss_path, settings.max_bytes)
    else:
        terms = ()
    translation = read_mt(mt, zh_doc, settings) if mt is not None else None
    report = check_documents(zh_doc, en_doc, settings, terms, translation)
    for warning in report.warnings:
        typer.echo(f"xcheck: warning: {inert_line(warning)}", err=True)
    if baseline is not None:
        report = _with_baseline(report, baseline, update_baseline, kept)
    code = 1 if at_or_above(report, threshold) else 0
    if fmt is CheckFormat.text and _use_color(output):
        from rich.console import Console

        from xcheck.report.text import print_rich

        print_rich(report, Console(highlight=False, soft_wrap=False))
    else:
        emit(render(report, fmt.value, RenderOptions(
            fail_on=threshold, started=started, ended=datetime.now(UTC), exit_code=code)),
            output)
    if fmt is CheckFormat.github:
        _job_summary(report, threshold)
    raise typer.Exit(code)


def _with_baseline(report: Any, path: Path, update: bool, kept: Any) -> Any:
    """Write the baseline when missing or asked (reasons already in ``kept``, the baseline
    as read before the check, kept), then apply it; its stale entries are named on stderr."""
    from xcheck.baseline import apply_baseline, baseline_from_reports, write_baseline
    from xcheck.limits import shown
    from xcheck.report.inert import inert_line

    if update or kept is None:
        kept = baseline_from_reports(report, keep=kept)
        write_baseline(path, kept)
        typer.echo(f"xcheck: wrote {len(report.findings)} suppression(s) to "
                   f"{inert_line(shown(path))}", err=True)
    return apply_baseline(report, kept)


def _job_summary(report: Any, threshold: str) -> None:
    """GitHub Actions: the Markdown job summary, appended to $GITHUB_STEP_SUMMARY when set."""
    import os

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from xcheck.report.github import job_summary

    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(job_summary(report, threshold))
    except OSError as e:
        fail(f"{target}: cannot write the job summary ({e.strerror})")


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
@errors_to_exit
def rules(
    name: Annotated[str | None, typer.Argument(help="A rule to explain.")] = None,
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="Output format.")] =
        RulesFormat.text,
) -> None:
    """List the rules (name, default severity, category/type, meaning), or explain one."""
    from xcheck.checks.rules import RULES
    from xcheck.report.rules import rule_list, rule_text, rules_json, rules_markdown

    if name is not None and name not in RULES:
        fail(f"unknown rule {name!r} (rules: {', '.join(RULES)})")
    if fmt is RulesFormat.json:
        emit(rules_json(name), None)
    elif fmt is RulesFormat.markdown:
        emit(rules_markdown() if name is None else rule_text(RULES[name]), None)
    else:
        emit(rule_text(RULES[name]) if name else rule_list(), None)


@app.command()
@errors_to_exit
def align(
    zh: Annotated[Path | None, typer.Argument(
        help="Chinese article, or one bilingual file, or a JSONL manifest (.jsonl).")] = None,
    en: Annotated[Path | None, typer.Argument(help="English article.")] = None,
    fmt: Annotated[AlignFormat, typer.Option("--format", "-f")] = AlignFormat.beads,
    output: OutputOpt = None,
    presegmented: PresegOpt = False,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_bead: MaxBeadOpt = None,
    max_sentences: MaxSentencesOpt = None,
    mt: MTOpt = None,
    manifest: Annotated[Path | None, typer.Option(
        "--manifest", help="Align every pair of a JSONL manifest ({\"id\", \"zh\", \"en\"} "
                           "per line, as `corpus` reads) in one process; one JSON line per "
                           "pair.")] = None,
    input_format: InputFormatOpt = None,
) -> None:
    """Sentence alignment only (one pair, or every pair of a manifest)."""
    from xcheck.api import align as run_align
    from xcheck.api import alignment_warnings
    from xcheck.report.alignment import render_alignment

    refuse_overwriting_inputs(output, zh, en, mt, manifest, config)
    _, settings = _settings(config, presegmented, encoding, max_bytes, max_bead,
                            input_format=input_format, max_sentences=max_sentences)
    if manifest is None and zh is not None and en is None and mt is None \
            and zh.suffix.lower() == ".jsonl":
        manifest = zh
    if manifest is not None:
        if en is not None or mt is not None or (zh is not None and zh != manifest):
            fail("--manifest takes no article arguments and no --mt (a manifest line may "
                 "name its own \"mt\")")
        _align_manifest(manifest, fmt, output, settings)
        return
    if zh is None:
        fail("missing argument ZH (or --manifest FILE)")
        return
    alignment = run_align(zh, en, settings, mt)
    emit(render_alignment(alignment, fmt.value, settings), output)
    for warning in alignment_warnings(alignment):
        typer.echo(f"xcheck: warning: {warning}", err=True)


def _align_manifest(manifest: Path, fmt: AlignFormat, output: Path | None,
                    settings: Any) -> None:
    """Align every pair of a manifest in this process (models loaded once). One JSON object
    per pair and line: ``id``, ``document_score`` and ``beads`` (CONTRACT.md's bead strings)
    or, with ``--format json``, ``alignment`` (the report's list); a pair that cannot be read
    gets ``error``. Progress goes to stderr every few seconds; exit 2 if any pair failed.
    The output file is written atomically."""
    import contextlib

    from xcheck.corpus import discover
    from xcheck.limits import shown
    from xcheck.outputs import atomic_writer

    pairs = discover(manifest)
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(atomic_writer(output)) if output else sys.stdout
            failed = _align_pairs(pairs, fmt, settings, out)
        except (OSError, ValueError) as e:
            if output is None:
                _drop_stdout()
            fail(f"{shown(output) if output else 'standard output'}: cannot write "
                 f"({getattr(e, 'strerror', None) or e})")
            return
    if failed:
        raise typer.Exit(2)


def _align_pairs(pairs: list[Any], fmt: AlignFormat, settings: Any, out: Any) -> int:
    """Write one JSON line per pair to ``out``; the number of pairs that failed."""
    import json
    import time

    from xcheck.api import align as run_align
    from xcheck.api import alignment_warnings
    from xcheck.errors import XcheckError
    from xcheck.report.json_report import alignment_list

    failed = 0
    t0 = last = time.perf_counter()
    for k, pair in enumerate(pairs, 1):
        line: dict[str, Any] = {"id": pair.id}
        try:
            if pair.problem:
                raise XcheckError(f"{pair.zh}: {pair.problem}")
            alignment = run_align(pair.zh, pair.en, settings, pair.mt)
        except XcheckError as e:
            failed += 1
            line["error"] = str(e)
            typer.echo(f"xcheck: {pair.id}: {e}", err=True)
        else:
            line["document_score"] = alignment.score
            if fmt is AlignFormat.json:
                line["alignment"] = alignment_list(alignment)
            else:
                line["beads"] = [f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]"
                                 for b in alignment.beads]
            for warning in alignment_warnings(alignment):
                typer.echo(f"xcheck: warning: {pair.id}: {warning}", err=True)
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        now = time.perf_counter()
        if now - last >= PROGRESS_SECONDS and k < len(pairs):
            last = now
            typer.echo(f"xcheck: aligned {k}/{len(pairs)} pairs ({now - t0:.0f} s)", err=True)
        out.flush()
    return failed


# Seconds between progress lines of a long manifest run (on stderr).
PROGRESS_SECONDS = 5.0


@app.command()
@errors_to_exit
def segment(
    file: Annotated[Path, typer.Argument(help="An article (Chinese or English).")],
    lang: Annotated[LangOption, typer.Option("--lang", help="Language of the file.")] =
        LangOption.auto,
    words: Annotated[bool, typer.Option("--words", help="Also split sentences into words.")] =
        False,
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f")] = SegmentFormat.lines,
    output: OutputOpt = None,
    presegmented: PresegOpt = False,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_sentences: MaxSentencesOpt = None,
    input_format: InputFormatOpt = None,
) -> None:
    """Sentence (and, with --words, word) segmentation only.

    A file holding both languages (like the seed article) is split by script and both
    articles are segmented: the Chinese first, then the English.
    """
    from xcheck.api import segment_file
    from xcheck.model import Lang
    from xcheck.report.segmentation import render_segmentation

    refuse_overwriting_inputs(output, file, config)
    _, settings = _settings(config, presegmented, encoding, max_bytes,
                            input_format=input_format, max_sentences=max_sentences)
    docs = segment_file(file, None if lang is LangOption.auto else Lang(lang.value), settings)
    emit(render_segmentation(docs, fmt.value, words), output)


@app.command()
@errors_to_exit
def corpus(
    path: Annotated[Path, typer.Argument(help="A folder of pairs, or a JSONL manifest.")],
    fmts: Annotated[list[str] | None, typer.Option(
        "--format", "-f", help="Report format(s) per pair, repeatable or comma-separated; "
                               "jsonl without --output goes to stdout.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder for per-pair reports (and index.html, junit.xml, "
                               "corpus.jsonl, summary.json).")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Worker processes (default: CPU count).", min=1)] = None,
    fail_on: FailOnOpt = None,
    glossary: GlossaryOpt = None,
    baseline: BaselineOpt = None,
    update_baseline: UpdateBaselineOpt = False,
    presegmented: PresegOpt = False,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_bead: MaxBeadOpt = None,
    max_sentences: MaxSentencesOpt = None,
    source: SourceOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    input_format: InputFormatOpt = None,
    engine: Annotated[str | None, typer.Option(
        "--engine", help="Where the pairs run: pool (this machine's processes, the default) "
                         "or dask (a local Dask cluster of --jobs workers).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Run on this Dask cluster (tcp://HOST:8786); implies "
                            "--engine dask.")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Keep the pairs an earlier run into --output finished from the same "
                         "inputs and settings; check the rest.")] = False,
    pair_timeout: Annotated[float, typer.Option(
        "--pair-timeout", min=0, help="Seconds a pair may take before it is reported failed "
                                      "(0: no limit).")] = 300.0,
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks", help="Read files reached through a symbolic link even when it "
                                  "points outside the folder (refused by default).")] = False,
) -> None:
    """Check many article pairs (a folder of pairs, or a JSONL manifest)."""
    import os

    from rich.console import Console

    from xcheck.checks.glossary import read_glossary
    from xcheck.corpus import discover, format_list, plan, run_corpus, summary_tables
    from xcheck.report.inert import inert_line

    formats = format_list(fmts)
    if update_baseline and baseline is None:
        fail("--update-baseline needs --baseline FILE")
    if resume and output is None:
        fail("--resume needs --output DIR (the folder of the run to resume)")
    to_stdout = output is None and "jsonl" in formats
    if output is None and [f for f in formats if f != "jsonl"]:
        fail("formats other than jsonl need --output DIR (one report per pair)")
    cfg, settings = _settings(config, presegmented, encoding, max_bytes, max_bead, source,
                              select, ignore, input_format, max_sentences)
    threshold = _threshold(fail_on, cfg)
    gloss_path = glossary or cfg.glossary
    terms = read_glossary(gloss_path, settings.max_bytes) if gloss_path else ()
    pairs = discover(path, output, follow_symlinks=follow_symlinks)
    run_plan = plan(settings, terms, formats, output, threshold, baseline, update_baseline,
                    pair_timeout or None)
    err = Console(stderr=True, highlight=False)
    out = err if to_stdout else Console(highlight=False)
    progress = _progress(err)

    def show(r: Any) -> None:
        if not r.ok:
            err.print(inert_line(f"xcheck: {r.id}: {r.error}"), markup=False,
                      highlight=False, soft_wrap=True)
        for warning in r.warnings:
            err.print(inert_line(f"xcheck: warning: {r.id}: {warning}"), markup=False,
                      highlight=False, soft_wrap=True)
        if progress is not None:
            progress.update(task, advance=1, description=r.id)

    task = None
    try:
        if progress is not None:
            progress.start()
            task = progress.add_task("", total=len(pairs))
        outcome = run_corpus(pairs, run_plan, jobs or os.cpu_count() or 1,
                             engine=engine or ("dask" if scheduler else "pool"),
                             scheduler=scheduler, resume=resume,
                             jsonl_stream=sys.stdout, on_result=show)
    finally:
        if progress is not None:
            progress.stop()
    totals = outcome.totals
    if outcome.suppressions_written is not None:
        err.print(f"xcheck: wrote {outcome.suppressions_written} suppression(s) to {baseline}",
                  markup=False)
    for table in summary_tables(totals):
        out.print(table)
    if totals.checked == 0:
        fail(f"no pair could be checked ({len(totals.failures)} failed)")
    if totals.failing_pairs and not run_plan.write_baseline:
        raise typer.Exit(1)


@app.command()
@errors_to_exit
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to bind (not loopback: needs "
                                                     "a token).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="XCHECK_TOKEN", show_envvar=True,
        help="Require 'Authorization: Bearer TOKEN' on the API.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 2,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1,
                                           help="Seconds a request may take.")] = 30.0,
    glossary: GlossaryOpt = None,
    config: ConfigOpt = None,
    max_bytes: MaxBytesOpt = None,
    fail_on: FailOnOpt = None,
) -> None:
    """Serve the editors' page and the JSON API (pip install 'xcheck[serve]')."""
    from xcheck.checks.glossary import read_glossary
    from xcheck.serve import serve as run_server
    from xcheck.serve.options import Defaults, ServeOptions

    cfg, settings = _settings(config, False, None, max_bytes)
    gloss_path = glossary or cfg.glossary
    defaults = Defaults(settings, read_glossary(gloss_path) if gloss_path else (),
                        _threshold(fail_on, cfg))
    run_server(ServeOptions(host, port, token or None, workers, timeout, defaults))


def _progress(console: Any) -> Any:
    """A progress bar on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), TextColumn("{task.description}"),
                    console=console, transient=True)


def _usage_errors() -> tuple[type[Exception], ...]:
    """Click's usage error class; typer vendors its own copy of click in recent versions."""
    found: list[type[Exception]] = []
    try:
        from typer._click.exceptions import UsageError as VendoredUsageError

        found.append(VendoredUsageError)
    except ImportError:
        pass
    try:
        from click.exceptions import UsageError

        found.append(UsageError)
    except ImportError:
        pass
    return tuple(found)


def main(argv: list[str] | None = None) -> None:
    """The console script: usage errors become one ``xcheck: ...`` line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        app(args=[], prog_name="xcheck")  # no arguments: show the help
        return
    try:
        code = app(args=args, prog_name="xcheck", standalone_mode=False)
    except _usage_errors() as e:
        ctx = getattr(e, "ctx", None)
        hint = f" (see 'xcheck {ctx.info_name} --help')" if ctx and ctx.parent else \
            " (see 'xcheck --help')"
        message = e.format_message() if hasattr(e, "format_message") else str(e)
        typer.echo(f"xcheck: {' '.join(message.split())}{hint}", err=True)
        sys.exit(2)
    except typer.Abort:
        typer.echo("xcheck: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("xcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # outside a command (option parsing...): still a bug, still code 3
        from xcheck.crash import INTERNAL_ERROR, crash_line

        typer.echo(crash_line(e), err=True)
        sys.exit(INTERNAL_ERROR)
    try:  # what is still buffered (rich output, a table) may meet a full disk or closed pipe
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError) as e:
        _drop_stdout()
        typer.echo(f"xcheck: cannot write to standard output "
                   f"({getattr(e, 'strerror', None) or e})", err=True)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
