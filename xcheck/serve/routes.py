"""The routes: ``/`` (the page), ``/static/*``, ``/healthz`` and the ``/v1`` API."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response

from xcheck._version import __version__
from xcheck.serve.app import (
    ALIGN_FORMATS,
    CHECK_FORMATS,
    MEDIA,
    PAGE_CSP,
    error,
    review_bundle,
    run,
    static_file,
    task_of,
)
from xcheck.serve.inputs import PAGE_FORMATS, BadRequest

_TEXT = {"type": "string"}
_REQUEST_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object", "required": ["zh"], "additionalProperties": False,
        "properties": {
            "zh": {**_TEXT, "description": "the Chinese article (or, without en, one text "
                                           "holding both languages)"},
            "en": {**_TEXT, "description": "the English article"},
            "mt": {**_TEXT, "description": "an English machine translation of the Chinese"},
            "glossary": {**_TEXT, "description": "TSV or CSV lines: chinese,english"},
            "source": {"type": "string", "enum": ["zh", "en"],
                       "description": "which side is the original"},
            "names": {"type": "object", "additionalProperties": {"type": "string"},
                      "description": "paths to report for zh, en, mt, glossary"},
            "settings": {"type": "object", "description":
                         "keys of a settings file: presegmented, encoding, max_bead, "
                         "max_bytes (lower only), rules, align, checks, source, fail_on"}}}},
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["zh"],
        "properties": {k: {"type": "string", "format": "binary"}
                       for k in ("zh", "en", "mt", "glossary")}
        | {"source": _TEXT, "settings": {**_TEXT, "description": "JSON object"}}}}}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": why, "content": {"application/json": {"schema": {
        "type": "object", "properties": {"error": _TEXT, "type": _TEXT}}}}}
    for code, why in ((400, "bad input: the CLI's one-line message"),
                      (401, "missing or wrong token"), (413, "over a size limit"),
                      (503, "over the time limit"))}


def _format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise BadRequest(f"unknown format {value!r} (formats: {', '.join(allowed)})")
    return value


def add_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    async def page() -> Response:
        found = static_file("index.html")
        assert found is not None, "xcheck/serve/static/index.html is missing"
        return Response(found[0], media_type=found[1],
                        headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)  # (browsers ask; there is none)

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        found = static_file(name)
        if found is None:
            return error(404, f"no such file {name!r}", "NotFound")
        return Response(found[0], media_type=found[1],
                        headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/healthz", summary="Liveness: the workers are up")
    async def healthz(request: Request) -> dict[str, Any]:
        pool = request.app.state.pools["pool"]
        return {"status": "ok", "xcheck": __version__, "workers": len(pool.pids()),
                "busy": pool.busy,
                "token_required": bool(request.app.state.options.token)}

    @app.get("/v1/rules", summary="Every rule a finding can carry",
             responses=_ERRORS)
    async def rules() -> dict[str, Any]:
        from xcheck.checks.rules import RULES

        return {"rules": [{"name": r.name, "category": r.category.value, "type": r.type.value,
                           "severity": r.default_severity.value,
                           "description": r.description} for r in RULES.values()]}

    @app.post("/v1/check", summary="Check a Chinese article against its English version",
              openapi_extra=_REQUEST_BODY, responses=_ERRORS)
    async def check(request: Request, format: str = Query(
            "json", description="report format, as xcheck check --format")) -> Response:
        fmt = _format(format, CHECK_FORMATS)
        out = await run(request, await task_of(request, "check", (fmt,)))
        return Response(out[fmt].encode("utf-8"), media_type=MEDIA[fmt])

    @app.post("/v1/align", summary="Sentence alignment only", openapi_extra=_REQUEST_BODY,
              responses=_ERRORS)
    async def align(request: Request, format: str = Query(
            "json", description="as xcheck align --format")) -> Response:
        fmt = _format(format, ALIGN_FORMATS)
        out = await run(request, await task_of(request, "align", (fmt,)))
        warnings = [w for w in out.get("warnings", "").split("\n") if w]
        headers = {"X-Xcheck-Warnings": str(len(warnings))} if warnings else None
        return Response(out[fmt].encode("utf-8"), media_type=MEDIA[fmt], headers=headers)

    @app.post("/v1/review", summary="The page's request: the report and its renderings",
              openapi_extra=_REQUEST_BODY, responses=_ERRORS)
    async def review(request: Request) -> Response:
        out = await run(request, await task_of(request, "check", PAGE_FORMATS))
        return Response(review_bundle(out), media_type="application/json")

    @app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"],
                   include_in_schema=False)
    async def unknown(rest: str) -> JSONResponse:
        return error(404, f"no such endpoint /v1/{rest}", "NotFound")
