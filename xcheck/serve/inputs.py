"""A request's body (JSON or multipart) -> a Task for a worker, with the CLI's messages.

Only shapes are checked here (fields, types, sizes); what the texts and settings mean is
the worker's job, so every message about them is the library's own.
"""

from __future__ import annotations

import json
from typing import Any

from xcheck.errors import InputError, LimitError
from xcheck.serve.work import Input, Task

TEXT_FIELDS = ("zh", "en", "mt", "glossary")
JSON_FIELDS = (*TEXT_FIELDS, "names", "source", "settings")
# Renderings a page request gets at once (body: the HTML report without its page).
PAGE_FORMATS = ("json", "body", "html", "markdown")


class BadRequest(InputError):
    """A body that is not a request: bad JSON, a missing or unknown field, a wrong type."""


def _printable(name: str) -> str:
    return name if name.isprintable() else repr(name)  # one-line messages, as read_text


def _options(settings: Any, source: Any) -> dict[str, Any]:
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        raise BadRequest("settings must be a JSON object (the keys of a settings file)")
    out = dict(settings)
    if source is not None:
        out["source"] = source
    return out


def _task(kind: str, inputs: dict[str, Input], options: dict[str, Any],
          formats: tuple[str, ...]) -> Task:
    if "zh" not in inputs:
        raise BadRequest("missing field \"zh\" (the Chinese article, or one file with both "
                         "languages)")
    if kind == "align" and "glossary" in inputs:
        raise BadRequest("align takes no \"glossary\" (only checks use one)")
    return Task(kind, inputs["zh"], inputs.get("en"), inputs.get("mt"), inputs.get("glossary"),
                options, formats)


def task_from_json(body: bytes, kind: str, formats: tuple[str, ...]) -> Task:
    """``{"zh": TEXT, "en": TEXT, "mt"?, "glossary"?, "source"?, "settings"?, "names"?}``;
    ``names`` gives the documents' paths in the report (default: the field names)."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise BadRequest(f"request body: not valid UTF-8 (byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise BadRequest(f"request body: invalid JSON ({e.msg} at line {e.lineno} column "
                         f"{e.colno})") from None
    if not isinstance(data, dict):
        raise BadRequest("request body: expected a JSON object {\"zh\": ..., \"en\": ...}")
    unknown = sorted(set(data) - set(JSON_FIELDS))
    if unknown:
        raise BadRequest(f"unknown field(s) {', '.join(unknown)} (fields: "
                         f"{', '.join(JSON_FIELDS)})")
    names = data.get("names") or {}
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise BadRequest("names must be an object of strings, e.g. {\"zh\": \"a.zh.txt\"}")
    inputs = {}
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadRequest(f"field \"{key}\" must be a string (the text)")
        inputs[key] = Input(_printable(names.get(key, key)), value)
    return _task(kind, inputs, _options(data.get("settings"), data.get("source")), formats)


async def task_from_form(form: Any, kind: str, formats: tuple[str, ...]) -> Task:
    """Multipart: files (or text fields) zh, en, mt, glossary; ``source``; ``settings`` as
    JSON. A file's name becomes the document's path, as a path does on the command line."""
    fields = (*TEXT_FIELDS, "source", "settings")  # (a file's name is its path: no names)
    unknown = sorted(set(form.keys()) - set(fields))
    if unknown:
        raise BadRequest(f"unknown field(s) {', '.join(unknown)} (fields: {', '.join(fields)})")
    inputs = {}
    for key in TEXT_FIELDS:
        value = form.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            if value.strip() or key in ("zh", "en"):
                inputs[key] = Input(key, value)
            continue
        data = await value.read()
        if not data and not value.filename and key not in ("zh", "en"):
            continue  # a form's empty file input: nothing chosen
        inputs[key] = Input(_printable(value.filename or key), data)
    settings: Any = form.get("settings")
    if isinstance(settings, str):
        try:
            settings = json.loads(settings) if settings.strip() else {}
        except json.JSONDecodeError as e:
            raise BadRequest(f"settings: invalid JSON ({e.msg})") from None
    elif settings is not None:
        raise BadRequest("settings must be a JSON text field, not a file")
    source = form.get("source")
    if source is not None and not isinstance(source, str):
        raise BadRequest("source must be a text field")
    return _task(kind, inputs, _options(settings, source or None), formats)


def too_large(size: str, limit: int) -> LimitError:
    return LimitError(f"request body: {size} bytes is over the limit of {limit:,} bytes; "
                      "raise it with xcheck serve --max-bytes")
