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


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


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
    typer.echo(f"xcheck: {message}", err=True)
    raise typer.Exit(2)


def errors_to_exit(fn: F) -> F:
    """Library errors become one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except XcheckError as e:
            fail(str(e))
        except MemoryError:
            fail("out of memory; lower --max-bytes or split the input")
        except KeyboardInterrupt:
            typer.echo("xcheck: interrupted", err=True)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror})")


PresegOpt = Annotated[bool, typer.Option("--presegmented",
                                         help="Each non-empty line is one sentence.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding",
                                                 help="Input encoding (default: detect).")]
MaxBytesOpt = Annotated[int | None, typer.Option("--max-bytes",
                                                 help="Refuse inputs larger than this.")]
MaxBeadOpt = Annotated[int | None, typer.Option("--max-bead",
                                                help="Largest bead, zh+en sentences (default 5).")]


def _settings(config: Path | None, presegmented: bool, encoding: str | None,
              max_bytes: int | None, max_bead: int | None = None) -> Any:
    from xcheck.config import load_config

    cfg = load_config(config)
    s = cfg.settings
    if presegmented:
        s = replace(s, presegmented=True)
    if encoding:
        s = replace(s, encoding=encoding)
    if max_bytes:
        s = replace(s, max_bytes=max_bytes)
    if max_bead:
        s = replace(s, align=replace(s.align, max_bead=max_bead))
    return cfg, s


@app.command()
@errors_to_exit
def check(
    zh: Annotated[Path, typer.Argument(help="Chinese article, or one bilingual file.")],
    en: Annotated[Path | None, typer.Argument(help="English article.")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] =
        CheckFormat.text,
    output: OutputOpt = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Exit 1 on a finding at or above this severity.")] = None,
    glossary: Annotated[Path | None, typer.Option("--glossary",
                                                  help="TSV/CSV of zh,en terms.")] = None,
    presegmented: PresegOpt = False,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_bead: MaxBeadOpt = None,
) -> None:
    """Check a Chinese article against its English version."""
    from xcheck.api import check as run_check
    from xcheck.checks.glossary import read_glossary
    from xcheck.model import Severity
    from xcheck.report import render

    cfg, settings = _settings(config, presegmented, encoding, max_bytes, max_bead)
    gloss_path = glossary or cfg.glossary
    terms = read_glossary(gloss_path) if gloss_path else ()
    report = run_check(zh, en, settings, terms)
    emit(render(report, fmt.value), output)
    threshold = (fail_on.value if fail_on else cfg.fail_on) or "error"
    if threshold != "never":
        if threshold not in ("error", "warning", "info"):
            fail(f"invalid fail_on {threshold!r}")
        rank = Severity(threshold).rank
        if any(f.severity.rank >= rank for f in report.findings):
            raise typer.Exit(1)


@app.command()
@errors_to_exit
def align(
    zh: Annotated[Path, typer.Argument(help="Chinese article, or one bilingual file.")],
    en: Annotated[Path | None, typer.Argument(help="English article.")] = None,
    fmt: Annotated[AlignFormat, typer.Option("--format", "-f")] = AlignFormat.beads,
    output: OutputOpt = None,
    presegmented: PresegOpt = False,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_bead: MaxBeadOpt = None,
) -> None:
    """Sentence alignment only."""
    from xcheck.api import align as run_align
    from xcheck.report.alignment import render_alignment

    _, settings = _settings(config, presegmented, encoding, max_bytes, max_bead)
    alignment = run_align(zh, en, settings)
    emit(render_alignment(alignment, fmt.value, settings), output)


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
) -> None:
    """Sentence (and, with --words, word) segmentation only."""
    from xcheck.api import segment as run_segment
    from xcheck.model import Lang
    from xcheck.report.segmentation import render_segmentation

    _, settings = _settings(config, presegmented, encoding, max_bytes)
    doc = run_segment(file, None if lang is LangOption.auto else Lang(lang.value), settings)
    emit(render_segmentation(doc, fmt.value, words), output)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
