"""The web application: the editors' page, the JSON API and its OpenAPI schema.

FastAPI on Starlette (served by uvicorn, see ``xcheck.serve.serve``). The event loop only
parses requests and moves bytes; every check runs in the worker pool (pool.py).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from xcheck._version import __version__
from xcheck.errors import ConfigError, InputError, LimitError, XcheckError
from xcheck.serve.inputs import PAGE_FORMATS, BadRequest, task_from_form, task_from_json, too_large
from xcheck.serve.options import ServeOptions
from xcheck.serve.pool import Overloaded, WorkerFailed, WorkerPool
from xcheck.serve.work import Task

MEDIA = {"json": "application/json", "jsonl": "application/x-ndjson",
         "markdown": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
         "sarif": "application/sarif+json", "junit": "application/xml",
         "text": "text/plain; charset=utf-8", "github": "text/plain; charset=utf-8",
         "beads": "text/plain; charset=utf-8"}
CHECK_FORMATS = ("json", "jsonl", "markdown", "html", "sarif", "junit", "text", "github")
ALIGN_FORMATS = ("json", "beads", "text")
# The page's own policy: its script and styles come from this server, nothing else loads.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def error(status: int, message: str, kind: str = "InputError",
          headers: Mapping[str, str] | None = None) -> JSONResponse:
    """Every error: ``{"error": MESSAGE, "type": CLASS}``; MESSAGE is what the CLI prints
    after ``xcheck: ``."""
    return JSONResponse({"error": message, "type": kind}, status_code=status, headers=headers)


def status_of(e: XcheckError) -> int:
    if isinstance(e, LimitError):
        return 413
    if isinstance(e, Overloaded):
        return 503
    if isinstance(e, WorkerFailed):
        return 500
    return 400 if isinstance(e, InputError | ConfigError) else 500


class BodyLimit:
    """Refuse a body over ``limit`` bytes before it is read: by Content-Length, and by
    counting as it arrives (a chunked body has no length)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            e = too_large(f"{int(length):,}" if length.isdigit() else "an invalid number of",
                          self.limit)
            await error(413, str(e), "LimitError")(scope, receive, send)
            return
        if length is not None:  # (the server delivers no more than the length said)
            await self.app(scope, receive, send)
            return
        # A chunked body has no length: read it here, counting, then hand it on.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            seen += len(message.get("body", b""))
            if seen > self.limit:
                e = too_large(f"more than {self.limit:,}", self.limit)
                await error(413, str(e), "LimitError")(scope, receive, send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY", "Cache-Control": "no-store"}


def create_app(options: ServeOptions = ServeOptions()) -> FastAPI:
    state: dict[str, WorkerPool] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool = WorkerPool(options.workers, options.timeout, options.defaults)
        await pool.start()
        state["pool"] = pool
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(title="xcheck", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None, description=(
                      "Check a Chinese news article against its English version. Reports are "
                      "the JSON of xcheck's CONTRACT.md (the same as `xcheck check -f json`)."
                      " Errors are `{\"error\": MESSAGE, \"type\": CLASS}`; with a token set, "
                      "send `Authorization: Bearer TOKEN`."))
    app.state.options = options
    # Uploads stay in memory (the body limit bounds them), never spill to a temporary file:
    # nothing a user sends is written to disk.
    from starlette.formparsers import MultiPartParser

    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, options.max_body)
    app.state.pools = state

    @app.exception_handler(XcheckError)
    async def library_error(_: Request, e: XcheckError) -> JSONResponse:
        headers = {"Retry-After": "5"} if isinstance(e, Overloaded) else None
        return error(status_of(e), str(e), type(e).__name__, headers)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, e: HTTPException) -> JSONResponse:
        return error(e.status_code, str(e.detail), "HTTPError", e.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, e: RequestValidationError) -> JSONResponse:
        first = e.errors()[0] if e.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return error(400, f"{where}: {first.get('msg', 'invalid request')}", "BadRequest")

    @app.middleware("http")
    async def guard(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if options.token and request.url.path.startswith("/v1/"):
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {options.token}".encode()):
                return error(401, "missing or wrong token (send Authorization: Bearer TOKEN)",
                             "AuthError", {"WWW-Authenticate": "Bearer"})
        if request.method == "POST" and not _same_origin(request):
            return error(403, "cross-site request refused (Origin does not match Host)",
                         "AuthError")
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    from xcheck.serve.routes import add_routes

    add_routes(app)
    # Outermost, so an oversized body is refused before anything reads it.
    app.add_middleware(BodyLimit, limit=options.max_body)
    return app


def _same_origin(request: Request) -> bool:
    """A browser's cross-site POST (a form on another site aimed at localhost) carries an
    Origin naming that site; programs send none."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def task_of(request: Request, kind: str, formats: tuple[str, ...]) -> Task:
    """The request's body as a Task (JSON or multipart), or BadRequest with why."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    options: ServeOptions = request.app.state.options
    if ctype == "application/json":
        return task_from_json(await request.body(), kind, formats)
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = await request.form(max_part_size=options.defaults.settings.max_bytes)
        except HTTPException as e:
            raise BadRequest(f"request body: {e.detail}") from None
        except LimitError:
            raise
        except Exception as e:  # the multipart parser's own errors
            raise BadRequest(f"request body: invalid form ({e})") from None
        return await task_from_form(form, kind, formats)
    raise BadRequest(f"unsupported content type {ctype or '(none)'!r}: send application/json "
                     "or multipart/form-data")


async def run(request: Request, task: Task) -> dict[str, str]:
    pool: WorkerPool = request.app.state.pools["pool"]
    return await pool.run(task)


def static_file(name: str) -> tuple[bytes, str] | None:
    """The page's assets: its own files, and the HTML report's CSS and script (html.py)."""
    from xcheck.report import html

    if name == "report.css":
        return html.CSS.encode("utf-8"), "text/css; charset=utf-8"
    if name == "report.js":
        return html.JS.encode("utf-8"), "text/javascript; charset=utf-8"
    kinds = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
             ".html": "text/html; charset=utf-8"}
    suffix = name[name.rfind("."):] if "." in name else ""
    if suffix not in kinds or "/" in name or name.startswith("."):
        return None
    path = resources.files("xcheck.serve").joinpath("static", name)
    if not path.is_file():
        return None
    return path.read_bytes(), kinds[suffix]


def review_bundle(renderings: dict[str, str]) -> bytes:
    """The page's answer: the report (JSON), the HTML report's body and the downloads."""
    out: dict[str, Any] = {"report": json.loads(renderings["json"])}
    out.update({k: renderings[k] for k in PAGE_FORMATS})  # "json": the CLI's exact text
    return json.dumps(out, ensure_ascii=False).encode("utf-8")
