"""What a worker process does for one request: inputs -> documents -> report -> renderings.

Runs in the pool's worker processes (see pool.py), never in the server's event loop: this is
the CPU-bound part. Inputs go through the loader the CLI uses (``load_bytes``: every input format,
then the same document builders), so a request and ``xcheck check`` on the same files give the same
report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from xcheck.errors import ConfigError, EmptyInputError
from xcheck.serve.options import Defaults
from xcheck.settings import Settings

RULE_SETTINGS = ("presegmented", "encoding", "max_bead", "rules", "source", "align", "checks",
                 "input_format")


@dataclass(frozen=True)
class Input:
    """One input of a request: an uploaded file's bytes, or pasted text (``str``)."""

    name: str  # the document's path in the report (the upload's file name, or the field)
    data: bytes | str


@dataclass(frozen=True)
class Task:
    kind: str  # "check" or "align"
    zh: Input
    en: Input | None = None  # None: ``zh`` holds both languages (as ``xcheck check FILE``)
    mt: Input | None = None
    glossary: Input | None = None
    options: dict[str, Any] = field(default_factory=dict)  # request settings, as in a config
    formats: tuple[str, ...] = ("json",)


def settings_for(options: dict[str, Any], base: Settings) -> Settings:
    """The request's settings over the server's (same names and checks as a settings file);
    ``max_bytes`` may only be lowered: the server's ceiling holds."""
    from xcheck.config import SOURCES, rules_from_mapping
    from xcheck.settings import align_from_mapping, checks_from_mapping

    unknown = set(options) - {*RULE_SETTINGS, "max_bytes", "fail_on"}
    if unknown:
        raise ConfigError(f"settings: unknown setting(s) {', '.join(sorted(unknown))}")
    s = base
    try:
        if "align" in options:
            s = replace(s, align=align_from_mapping(_table(options, "align"), s.align))
        if "checks" in options:
            s = replace(s, checks=checks_from_mapping(_table(options, "checks"), s.checks))
    except ConfigError as e:
        raise ConfigError(f"settings: {e}") from None
    if "max_bead" in options:
        s = replace(s, align=replace(s.align, max_bead=_int(options, "max_bead")))
    if "presegmented" in options:
        if not isinstance(options["presegmented"], bool):
            raise ConfigError("settings: presegmented must be true or false")
        s = replace(s, presegmented=options["presegmented"])
    if options.get("encoding") is not None:
        if not isinstance(options["encoding"], str):
            raise ConfigError("settings: encoding must be a string")
        s = replace(s, encoding=options["encoding"])
    if options.get("input_format") is not None:
        from xcheck.formats import FORMATS

        if options["input_format"] not in FORMATS:
            raise ConfigError(f"settings: input_format must be one of {', '.join(FORMATS)}, "
                              f"not {options['input_format']!r}")
        s = replace(s, input_format=options["input_format"])
    if "max_bytes" in options:
        s = replace(s, max_bytes=min(_int(options, "max_bytes"), base.max_bytes))
    if "rules" in options:
        s = replace(s, rules=rules_from_mapping(options["rules"], "settings"))
    if options.get("source") is not None:
        if options["source"] not in SOURCES:
            raise ConfigError(f"settings: source must be one of {', '.join(SOURCES)}, "
                              f"not {options['source']!r}")
        s = replace(s, source=options["source"])
    return s


def _table(options: dict[str, Any], key: str) -> dict[str, Any]:
    value = options[key]
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a table of settings, not {value!r}")
    return dict(value)


def _int(options: dict[str, Any], key: str) -> int:
    value = options[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"settings: {key} must be a positive integer, not {value!r}")
    return value


def _bytes(item: Input) -> bytes:
    return item.data if isinstance(item.data, bytes) else item.data.encode("utf-8")


def _read_options(item: Input, settings: Settings) -> Any:
    from xcheck.load import ReadOptions

    # (pasted text is already text: an encoding setting is for uploaded files)
    encoding = settings.encoding if isinstance(item.data, bytes) else None
    return ReadOptions(encoding, settings.presegmented, settings.max_bytes,
                       max_sentences=settings.max_sentences, input_format=settings.input_format)


def load(item: Input, settings: Settings) -> Any:
    """An article input through the CLI's loader (any input format, by the name's extension
    or the content, as for a file)."""
    from xcheck.load import load_bytes

    return load_bytes(_bytes(item), item.name, _read_options(item, settings))


def plain_text(item: Input, settings: Settings) -> str:
    """A machine translation or glossary: plain text, as the CLI reads those files."""
    from xcheck.io import decode, refuse_over

    data = _bytes(item)
    refuse_over(data, item.name, settings.max_bytes)
    text = decode(data, item.name, _read_options(item, settings).encoding)
    if not text.strip():
        raise EmptyInputError(f"{item.name}: is empty")
    return text


def run_task(task: Task, defaults: Defaults) -> dict[str, str]:
    """The renderings ``task.formats`` asks for (``body``: the HTML report's body alone)."""
    from xcheck.api import align_documents, check_documents
    from xcheck.load import bilingual_from_loaded, pair_from_loaded
    from xcheck.mt import mt_from_text

    started = datetime.now(UTC)
    settings = settings_for(task.options, defaults.settings)
    glossary = defaults.glossary  # (read first, as the CLI reads it before the articles)
    if task.glossary is not None:
        from xcheck.checks.glossary import glossary_from_text

        glossary = glossary_from_text(plain_text(task.glossary, settings), task.glossary.name)
    if task.en is None:
        zh, en = bilingual_from_loaded(load(task.zh, settings), task.zh.name,
                                       settings.presegmented, settings.max_sentences)
    else:
        zh, en = pair_from_loaded(load(task.zh, settings), load(task.en, settings),
                                  task.zh.name, task.en.name, settings.presegmented,
                                  settings.max_sentences)
    mt = None
    if task.mt is not None:
        try:
            mt_text = plain_text(task.mt, settings)
        except EmptyInputError:
            mt_text = ""  # as ``--mt`` takes an empty file: a warning, not an error
        mt = mt_from_text(mt_text, zh, path=task.mt.name, presegmented=settings.presegmented,
                          settings=settings.align)
    if task.kind == "align":
        from xcheck.api import alignment_warnings
        from xcheck.report.alignment import render_alignment

        alignment = align_documents(zh, en, settings, mt)
        fmt = task.formats[0] if task.formats else "json"
        return {fmt: render_alignment(alignment, fmt, settings),
                "warnings": "\n".join(alignment_warnings(alignment))}
    report = check_documents(zh, en, settings, glossary, mt)
    return render_all(report, task.formats, str(task.options.get("fail_on") or
                                                 defaults.fail_on), started)


def render_all(report: Any, formats: tuple[str, ...], fail_on: str,
               started: datetime) -> dict[str, str]:
    """The renderings, with what the CLI records of its run (SARIF invocations, JUnit
    times): the exit code ``xcheck check`` would give, the request's start and end."""
    from xcheck.report import RenderOptions, render
    from xcheck.report.common import at_or_above

    if fail_on not in ("error", "warning", "info", "never"):
        raise ConfigError(f"settings: fail_on must be one of error, warning, info, never, "
                          f"not {fail_on!r}")
    options = RenderOptions(fail_on=fail_on, started=started, ended=datetime.now(UTC),
                            exit_code=1 if at_or_above(report, fail_on) else 0)
    out: dict[str, str] = {}
    for fmt in formats:
        if fmt == "body":
            from xcheck.report.html import report_body

            out[fmt] = report_body(report)
        else:
            out[fmt] = render(report, fmt, options)
    return out
