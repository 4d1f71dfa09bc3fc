"""The FastAPI application: a read-only JSON API over a store, plus the page.

Everything a client sees is JSON or one of the static files in ``static/``;
no error ever carries a traceback (:class:`_Guard` turns any unhandled
exception into ``{"error": "internal server error"}`` with status 500), and
no answer names a file on the server. Every parameter is checked: a bad one
is a 4xx ``{"error": "invalid <name>: <what is wrong, with the value>"}``.

The page is plain HTML/CSS/JS served by this process, with a strict
Content-Security-Policy (``default-src 'self'``): no CDN, no inline script.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from fastapi import FastAPI, Query
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..budget import ArticleTimeout, default_seconds, time_limit
from ..commands.export import COLUMNS as EXPORT_COLUMNS
from ..commands.export import csv_row
from ..errors import SaidwhatError
from ..lang import UnsupportedLanguage, language_names
from ..lang.choice import AUTO, check_requested, describe_choices
from ..model import ROLES, Article, Kind, SpeakerKind
from ..store import QueryError, checked_text, curation, shown
from ..store.curation import CurationError
from .cache import ResponseCache
from .quotes import QuoteReuse, add_routes, with_reuse

log = logging.getLogger("saidwhat.web")

STATIC_DIR = Path(__file__).resolve().parent / "static"

# Any request body larger than this is refused with 413 before it is read whole.
MAX_BODY_BYTES = 1_000_000
# Request line and headers together; more is refused with 431 (``saidwhat serve``'s parser
# also stops reading at twice this size, so a flood is never held whole: see .protocol).
MAX_HEADER_BYTES = 32 * 1024
# The path and query string; more is refused with 414.
MAX_URL_BYTES = 8 * 1024
# POST /api/extract refuses texts longer than this (413): extraction is CPU-bound.
MAX_EXTRACT_CHARS = 50_000
# At most this many extractions run at once; others wait up to EXTRACT_WAIT_S, then get 503.
MAX_CONCURRENT_EXTRACTIONS = 2
EXTRACT_WAIT_S = 30.0
# GET /api/export writes at most this many statements (the CLI's `saidwhat export` has no limit).
MAX_EXPORT_ROWS = 100_000

QUERY_DOC = 'words in the quote or speaker, in any form; "a phrase", prefix*, OR, NOT, (…)'
DATE_DOC = "YYYY-MM-DD, YYYY-MM or YYYY"
KIND_DOC = "statement kind: " + ", ".join(k.value for k in Kind)
SPEAKER_KIND_DOC = "what the speaker is: " + ", ".join(k.value for k in SpeakerKind)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        b"form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


class StatementStore(Protocol):
    """The part of :class:`saidwhat.store.Store` the web layer reads."""

    def search_page(
        self,
        query: str | None = None,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int = 20,
        offset: int = 0,
        stance: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: str | None = None,
        speaker_kind: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]: ...

    def iter_statements(
        self,
        batch: int = 2000,
        stance: str | None = None,
        *,
        query: str | None = None,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: str | None = None,
        speaker_kind: str | None = None,
    ) -> Iterator[dict[str, Any]]: ...

    def speakers(self, top: int = 50, offset: int = 0, query: str | None = None) -> list[dict[str, Any]]: ...

    def speaker(self, speaker_id: int) -> dict[str, Any] | None: ...

    def speaker_statements(self, speaker_id: int, limit: int = 500) -> list[dict[str, Any]]: ...

    def article(self, article_id: str) -> dict[str, Any] | None: ...

    def stats(self) -> dict[str, Any]: ...


ExtractFn = Callable[..., Article]


# ---------------------------------------------------------------- responses
# The models document the API in /api/openapi.json; handlers return
# JSONResponse directly (no second validation pass on the hot path).


class Spans(BaseModel):
    quote: list[list[int]] = Field(default_factory=list, description="[begin, end) offsets into the article text")
    speaker: list[list[int]] = Field(default_factory=list)
    cue: list[list[int]] = Field(default_factory=list)
    addressee: list[list[int]] = Field(default_factory=list)
    frame: list[list[int]] = Field(default_factory=list)


class StatementOut(BaseModel):
    id: int | str | None = None
    article_id: str | None = None
    article_title: str | None = None
    published: str | None = Field(None, description="publication date of the article, ISO")
    said_on: str | None = Field(None, description="date the text gives for the statement itself, ISO")
    kind: str
    medium: str | None = None
    confidence: float | None = None
    quote: str
    speaker: str | None = Field(None, description="the speaker mention as written")
    speaker_id: int | None = None
    speaker_name: str | None = Field(None, description="the resolved speaker entity")
    speaker_kind: str | None = Field(
        None, description="what the speaker is: person, organisation, group, anonymous, description"
    )
    cue: str | None = None
    addressee: str | None = None
    frame: str | None = None
    stance: str = Field("say", description="the speech act: say, claim, deny, reject, … (docs/stance.md)")
    spans: Spans
    quote_group: QuoteReuse | None = Field(None, description="set when the quote recurs in other articles")


class StatementPage(BaseModel):
    items: list[StatementOut]
    total: int
    limit: int
    offset: int


class SpeakerOut(BaseModel):
    id: int
    name: str
    aliases: list[str] = Field(default_factory=list)
    n_statements: int
    by_kind: dict[str, int] = Field(default_factory=dict)
    first: str | None = None
    last: str | None = None


class SpeakerPage(BaseModel):
    items: list[SpeakerOut]
    limit: int
    offset: int


class SpeakerDetail(SpeakerOut):
    statements: list[StatementOut]


class ArticleOut(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    lang: str | None = None
    text: str
    statements: list[StatementOut]


class ExtractIn(BaseModel):
    text: str = Field(..., description=f"article text, at most {MAX_EXTRACT_CHARS} characters")
    lang: str = Field(AUTO, description=f"article language, one of: {describe_choices()}; a code skips the detection")
    published: date | None = Field(None, description="publication date, anchors relative dates")

    @field_validator("lang")
    @classmethod
    def _registered_language(cls, lang: str) -> str:
        try:
            return check_requested(lang)
        except UnsupportedLanguage as e:
            raise ValueError(str(e)) from None

    @field_validator("text")
    @classmethod
    def _unicode_text(cls, text: str) -> str:
        # JSON may carry a lone surrogate ("\\ud800"); no UTF-8 text can, and the extractor would fail on it.
        try:
            return checked_text(text, "text")
        except QueryError as e:
            raise ValueError(e.problem) from None


class ExtractOut(BaseModel):
    text: str
    lang: str
    lang_origin: str = Field(description="how lang was chosen: given, detected, or fallback (detector undecided)")
    published: str | None
    statements: list[StatementOut]


class ErrorOut(BaseModel):
    error: str


# ---------------------------------------------------------------- corrections (store/curation.py)


class _Correction(BaseModel):
    model_config = {"extra": "forbid"}


class MergeIn(_Correction):
    other: int | str = Field(..., description="id, name or alias of the speaker merged into this one")


class SplitIn(_Correction):
    mention: str | None = Field(None, max_length=200, description="the statements whose speaker is written so")
    articles: list[Annotated[str, Field(max_length=200)]] = Field(default_factory=list, max_length=1000)
    name: str | None = Field(None, max_length=200, description="the speaker they go to (default: the mention)")


class RenameIn(_Correction):
    name: str = Field(..., max_length=200)


class LinkIn(_Correction):
    ext_id: str = Field(..., max_length=200, description="scheme:id, e.g. wikidata:Q567")


# A module-level alias: the handlers' annotations are strings (PEP 563) that FastAPI resolves here.
SpeakerIdPath = Annotated[int, PathParam(ge=0, le=2**62)]
_CORRECTION_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut},
    404: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


class CorrectionOut(BaseModel):
    override: dict[str, Any]
    speaker_id: int | None = Field(None, description="the speaker to show now")


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    404: {"model": ErrorOut},
    413: {"model": ErrorOut},
    422: {"model": ErrorOut},
    500: {"model": ErrorOut},
}


# ---------------------------------------------------------------- helpers

_PLAIN_INPUT = (str, int, float)


def _plain_problem(err: dict[str, Any]) -> str:
    """What is wrong, in plain words instead of pydantic's ("Input should be a valid integer, …")."""
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return "is not a number"
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge')} or more"
    if kind == "less_than_equal":
        return f"must be {ctx.get('le')} or less"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind in ("string_type", "string_unicode"):
        return "must be text"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}"
    if kind.startswith(("date_", "datetime_")):
        return "is not a date (YYYY-MM-DD)"
    if kind == "json_invalid":
        return "is not valid JSON"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a JSON object"
    return str(err.get("msg", "is invalid")).removeprefix("Value error, ")


def _invalid_message(err: dict[str, Any]) -> tuple[str, str]:
    """The field and a plain-words problem (echoing the value) of one pydantic validation error."""
    parts = list(err.get("loc", ()))
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]  # where it came from; the name is what a client knows
    field = ".".join(str(p) for p in parts)
    problem = _plain_problem(err)
    value = err.get("input")
    if err.get("type") != "missing" and isinstance(value, _PLAIN_INPUT) and shown(value) not in problem:
        problem = f"{shown(value)} {problem}"
    return field, problem


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _filters(
    query: str | None,
    speaker: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    stance: str | None,
    source: str | None,
    lang: str | None,
    min_confidence: str | None,
    speaker_kind: str | None = None,
) -> dict[str, Any]:
    """The search filters of a request by their shared names (those of ``saidwhat search``), blanks dropped.

    The store checks each one and says what is wrong in plain words (a :class:`QueryError`, 422).
    """
    given = {
        "query": query,
        "speaker": speaker,
        "since": since,
        "until": until,
        "kind": kind,
        "stance": stance,
        "source": source,
        "lang": lang,
        "min_confidence": min_confidence,
        "speaker_kind": speaker_kind,
    }
    return {name: _blank_to_none(value) for name, value in given.items()}


def _export_lines(fmt: str, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """Statements as CSV lines (spreadsheet-safe, the CLI export's rows) or JSON Lines."""
    if fmt == "jsonl":
        for row in rows:
            yield json.dumps(row, ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_row(row))
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def statement_view(statement: Any, text: str, index: int) -> dict[str, Any]:
    """A freshly extracted :class:`~saidwhat.model.Statement` in the store's statement shape."""
    out: dict[str, Any] = {
        "id": index,
        "article_id": None,
        "article_title": None,
        "published": None,
        "said_on": statement.said_on,
        "kind": statement.kind.value,
        "medium": statement.medium.value,
        "confidence": round(float(statement.confidence), 3),
        "speaker_id": None,
        "speaker_name": statement.speaker_entity,
        "speaker_kind": statement.speaker_kind.value if statement.speaker_kind else None,
        "nested": statement.nested,
        "stance": statement.stance.value,
    }
    spans: dict[str, list[list[int]]] = {}
    for role in ROLES:
        out[role] = statement.role_text(role, text)
        spans[role] = [[s.begin, s.end] for s in statement.role(role)]
    out["spans"] = spans
    return out


def _json(content: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(content, status_code=status)


def _encode(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _json_bytes(body: bytes, hit: bool) -> Response:
    return Response(body, media_type="application/json", headers={"x-cache": "hit" if hit else "miss"})


# ---------------------------------------------------------------- ASGI guard


class _TooLarge(Exception):
    pass


class _Guard:
    """Outermost-but-one middleware: headers, limits, and no tracebacks.

    * adds the security headers to every response;
    * refuses request bodies over ``max_body`` bytes with 413 (by
      Content-Length up front, or while streaming a chunked body), a URL over
      :data:`MAX_URL_BYTES` with 414 and headers over :data:`MAX_HEADER_BYTES` with 431;
    * requires ``application/json`` on POST (no form-post CSRF);
    * checks the Host header against ``allowed_hosts`` (DNS rebinding);
    * turns any exception that escapes the app into a JSON 500;
    * with ``front``, answers a GET /api/… it has answered before (same path
      and query string, 200, database unchanged) from memory, before any
      routing or parameter parsing: a hit costs tens of microseconds.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_body: int,
        allowed_hosts: frozenset[str] | None,
        front: ResponseCache | None = None,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts
        self.front = front if front is not None and front.max_entries > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        overflow = False  # the body went over the limit while streaming

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if overflow:
                # Whatever the app answers to a body cut short (FastAPI: "400 error
                # parsing the body"), the client gets the 413 it deserves.
                if message["type"] == "http.response.start" and not started:
                    await _send_error(send_with_headers_raw, 413, too_large)
                return
            await send_with_headers_raw(message)

        async def send_with_headers_raw(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers.extend((k, v) for k, v in SECURITY_HEADERS if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        too_large = f"request body too large (limit {self.max_body} bytes)"
        refused = _refused_head(scope)
        if refused is not None:
            await _send_error(send_with_headers, *refused)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1").lower()
            host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host not in self.allowed_hosts:
                await _send_error(send_with_headers, 400, "invalid Host header")
                return
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_long = int(length) > self.max_body
            except ValueError:
                await _send_error(send_with_headers, 400, "invalid Content-Length")
                return
            if too_long:
                await _send_error(send_with_headers, 413, too_large)
                return
        if scope.get("method") == "POST":
            ctype = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if ctype != b"application/json":
                await _send_error(send_with_headers, 415, "send the request body as application/json")
                return

        app_send = send_with_headers
        if self.front is not None and scope.get("method") == "GET" and scope.get("path", "").startswith("/api/"):
            front = self.front
            key = (scope["path"], scope.get("query_string", b""))
            body = front.peek(key)
            if body is not None:
                await send_with_headers_raw(
                    {
                        "type": "http.response.start",
                        "status": 200,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"x-cache", b"hit"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
            keep: list[bytes] | None = None

            async def capture(message: Message) -> None:
                nonlocal keep
                if message["type"] == "http.response.start":
                    ctype = dict(message.get("headers", [])).get(b"content-type", b"")
                    keep = [] if message["status"] == 200 and ctype.startswith(b"application/json") else None
                elif message["type"] == "http.response.body" and keep is not None:
                    keep.append(message.get("body", b""))
                    if not message.get("more_body", False):
                        front.put(key, b"".join(keep))
                await send_with_headers(message)

            app_send = capture

        received = 0

        async def limited_receive() -> Message:
            nonlocal received, overflow
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    overflow = True
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, app_send)
        except _TooLarge:
            if not started:
                await _send_error(send_with_headers_raw, 413, too_large)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _send_error(send_with_headers, 500, "internal server error")


def _refused_head(scope: Scope) -> tuple[int, str] | None:
    """(status, message) if the request line or headers are over their limits, else None."""
    url_bytes = len(scope.get("raw_path") or scope.get("path", "").encode("utf-8", "replace"))
    url_bytes += len(scope.get("query_string", b""))
    if url_bytes > MAX_URL_BYTES:
        return 414, f"request URL too long: {url_bytes} bytes (limit {MAX_URL_BYTES})"
    head_bytes = url_bytes + sum(len(k) + len(v) for k, v in scope.get("headers", []))
    if head_bytes > MAX_HEADER_BYTES:
        return 431, f"request headers too large: {head_bytes} bytes (limit {MAX_HEADER_BYTES})"
    return None


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# ---------------------------------------------------------------- the app


def create_app(
    store: StatementStore,
    *,
    extract_fn: ExtractFn | None = None,
    max_body: int = MAX_BODY_BYTES,
    max_extract_chars: int = MAX_EXTRACT_CHARS,
    allowed_hosts: list[str] | None = None,
    cache_entries: int = 0,
    extract_time_limit_s: float | None = None,
    curator: Any | None = None,
) -> FastAPI:
    """The web application over ``store`` (opened read-only by the caller).

    ``extract_fn`` defaults to :func:`saidwhat.extract`, imported on first use.
    ``allowed_hosts`` (hostnames without port) enables the Host-header check.
    ``cache_entries`` > 0 caches that many GET responses, emptied whenever the
    database file changes (see :mod:`saidwhat.web.cache`).
    ``extract_time_limit_s`` bounds one ``/api/extract`` (default: the
    per-article budget of :mod:`saidwhat.budget`; it runs in the thread pool,
    so the budget is the pipeline's cooperative deadline): a text that takes
    longer is answered 422 and frees its slot.
    ``curator``: a writable :class:`~saidwhat.store.Store` on the same file;
    with it the speaker corrections (POST /api/speakers/{id}/merge, …) are on
    (``saidwhat serve --curation``), without it they answer 403.
    """
    extract_seconds = default_seconds() if extract_time_limit_s is None else extract_time_limit_s
    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what, to whom, how and when: attributed statements from news articles.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: not served
        redoc_url=None,
    )
    hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None
    db_path = getattr(store, "path", None)
    db_file = db_path if isinstance(db_path, str | Path) else None
    cache = ResponseCache(db_file, max_entries=cache_entries)
    front = ResponseCache(db_file, max_entries=cache_entries)
    app.state.cache = cache
    app.state.front_cache = front
    app.add_middleware(_Guard, max_body=max_body, allowed_hosts=hosts, front=front)
    extract_slots = threading.BoundedSemaphore(MAX_CONCURRENT_EXTRACTIONS)

    async def cached(key: tuple[Any, ...], compute: Callable[[], bytes]) -> Response:
        # A hit is answered on the event loop; a miss queries the store in the threadpool.
        body = cache.peek(key)
        if body is not None:
            return _json_bytes(body, True)
        return _json_bytes(await run_in_threadpool(cache.get_or_compute, key, compute), False)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _json({"error": exc.message}, exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = "not found"
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = []
        for err in exc.errors()[:10]:
            field, problem = _invalid_message(err)
            details.append({"field": field, "message": problem})
        first = details[0] if details else {"field": "", "message": "invalid request"}
        return _json({"error": f"invalid {first['field'] or 'request'}: {first['message']}", "details": details}, 422)

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return _json({"error": f"invalid {exc.field}: {exc.problem}"}, 422)

    @app.exception_handler(CurationError)
    async def _curation_error(request: Request, exc: CurationError) -> JSONResponse:
        return _json({"error": str(exc)}, 404 if exc.missing else 422)

    @app.exception_handler(SaidwhatError)
    async def _saidwhat_error(request: Request, exc: SaidwhatError) -> JSONResponse:
        # Anything else the store says (it cannot open or read its file) names the file: log it, say less.
        log.error("store error on %s: %s", request.url.path, exc)
        return _json({"error": "the statement store cannot be read just now"}, 503)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover - _Guard catches first
        log.exception("unhandled error")
        return _json({"error": "internal server error"}, 500)

    # -------------------------------------------------------------- API

    @app.get("/api/stats", tags=["store"], summary="Counts of articles, statements and speakers")
    async def stats() -> Response:
        return await cached(("stats",), lambda: _encode(store.stats()))

    @app.get(
        "/api/statements",
        response_model=StatementPage,
        responses=_ERRORS,
        tags=["statements"],
        summary="Search statements",
    )
    async def statements(
        query: Annotated[str | None, Query(max_length=200, description=QUERY_DOC)] = None,
        speaker: Annotated[str | None, Query(max_length=200, description="speaker name, alias or id")] = None,
        since: Annotated[str | None, Query(max_length=40, description=DATE_DOC)] = None,
        until: Annotated[str | None, Query(max_length=40, description="on or before; " + DATE_DOC)] = None,
        kind: Annotated[str | None, Query(max_length=40, description=KIND_DOC)] = None,
        stance: Annotated[str | None, Query(max_length=40, description="statement stance (docs/stance.md)")] = None,
        source: Annotated[str | None, Query(max_length=200, description="the article's source (outlet)")] = None,
        lang: Annotated[str | None, Query(max_length=10, description="the article's language (de, en)")] = None,
        min_confidence: Annotated[str | None, Query(max_length=40, description="0 to 1")] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
        speaker_kind: Annotated[str | None, Query(max_length=40, description=SPEAKER_KIND_DOC)] = None,
    ) -> Response:
        filters = _filters(query, speaker, since, until, kind, stance, source, lang, min_confidence, speaker_kind)

        def compute() -> bytes:
            # The total is counted with its page, in one read of the database: a count
            # kept apart could belong to an older state than the items (a torn page).
            items, total = store.search_page(**filters, limit=limit, offset=offset)
            return _encode({"items": items, "total": total, "limit": limit, "offset": offset})

        key = ("statements", *filters.values(), limit, offset)
        return await cached(key, compute)

    @app.get(
        "/api/export",
        responses=_ERRORS,
        tags=["statements"],
        summary="Download the statements of a search as CSV (spreadsheet-safe) or JSON Lines",
    )
    async def export(
        format: Annotated[Literal["csv", "jsonl"], Query(description="csv or jsonl")] = "csv",
        query: Annotated[str | None, Query(max_length=200, description=QUERY_DOC)] = None,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=40)] = None,
        until: Annotated[str | None, Query(max_length=40)] = None,
        kind: Annotated[str | None, Query(max_length=40)] = None,
        stance: Annotated[str | None, Query(max_length=40)] = None,
        source: Annotated[str | None, Query(max_length=200)] = None,
        lang: Annotated[str | None, Query(max_length=10)] = None,
        min_confidence: Annotated[str | None, Query(max_length=40)] = None,
        speaker_kind: Annotated[str | None, Query(max_length=40, description=SPEAKER_KIND_DOC)] = None,
    ) -> Response:
        filters = _filters(query, speaker, since, until, kind, stance, source, lang, min_confidence, speaker_kind)
        rows = store.iter_statements(**filters)  # checks the filters now: a bad one is a 422, not a broken file
        lines = _export_lines(format, itertools.islice(rows, MAX_EXPORT_ROWS))
        media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
        headers = {"content-disposition": f'attachment; filename="saidwhat-statements.{format}"'}
        return StreamingResponse(iterate_in_threadpool(lines), media_type=media, headers=headers)

    @app.get("/api/speakers", response_model=SpeakerPage, responses=_ERRORS, tags=["speakers"], summary="Top speakers")
    async def speakers(
        query: Annotated[str | None, Query(max_length=200, description="part of a name or alias")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    ) -> Response:
        q = _blank_to_none(query)

        def compute() -> bytes:
            items = store.speakers(top=limit, offset=offset, query=q)
            return _encode({"items": items, "limit": limit, "offset": offset})

        return await cached(("speakers", q, limit, offset), compute)

    @app.get(
        "/api/speakers/{speaker_id}",
        response_model=SpeakerDetail,
        responses=_ERRORS,
        tags=["speakers"],
        summary="One speaker with their statements by date",
    )
    async def speaker(speaker_id: Annotated[int, PathParam(ge=0, le=2**62)]) -> Response:
        def compute() -> bytes:
            found = store.speaker(speaker_id)
            if found is None:
                raise ApiError(404, f"no speaker with id {speaker_id}")
            return _encode({**found, "statements": with_reuse(store, store.speaker_statements(speaker_id))})

        return await cached(("speaker", speaker_id), compute)

    @app.get(
        "/api/articles/{article_id}",
        response_model=ArticleOut,
        responses=_ERRORS,
        tags=["articles"],
        summary="An article's text with its statements and their spans",
    )
    async def article(article_id: Annotated[str, PathParam(max_length=200)]) -> Response:
        def compute() -> bytes:
            found = store.article(article_id)
            if found is None:
                raise ApiError(404, "no such article")
            with_reuse(store, found["statements"])
            return _encode(found)

        return await cached(("article", article_id), compute)

    @app.post(
        "/api/extract",
        response_model=ExtractOut,
        responses={**_ERRORS, 413: {"model": ErrorOut, "description": "text or body too large"}},
        tags=["extract"],
        summary="Extract statements from a text (nothing is stored)",
    )
    def extract(body: ExtractIn) -> JSONResponse:
        if len(body.text) > max_extract_chars:
            raise ApiError(413, f"text too long: {len(body.text)} characters (limit {max_extract_chars})")
        fn: ExtractFn
        if extract_fn is not None:
            fn = extract_fn
        else:
            from ..pipeline import extract as fn
        if not extract_slots.acquire(timeout=EXTRACT_WAIT_S):
            raise ApiError(503, "the extractor is busy, try again shortly")
        try:
            with time_limit(extract_seconds):
                result = fn(body.text, lang=body.lang, published=body.published)
        except ArticleTimeout as e:
            raise ApiError(422, f"text {e} to extract") from None
        finally:
            extract_slots.release()
        return _json(
            {
                "text": result.text,
                "lang": result.lang,
                "lang_origin": result.lang_origin,
                "published": result.published.isoformat() if result.published else None,
                "statements": [statement_view(s, result.text, i) for i, s in enumerate(result.statements)],
            }
        )

    add_routes(app, store, cached, _encode, lambda message: ApiError(404, message), _ERRORS)
    # -------------------------------------------------------------- corrections

    def correct(action: Callable[[Any], dict[str, Any]]) -> JSONResponse:
        if curator is None:
            raise ApiError(403, "corrections are off: start the server with saidwhat serve --curation")
        override = action(curator)
        cache.clear()  # the answers cached so far show the speakers before the correction
        front.clear()
        return _json({"override": override, "speaker_id": override.get("speaker_id")})

    @app.get("/api/overrides", tags=["corrections"], summary="The stored speaker corrections, in the order they apply")
    def list_overrides() -> JSONResponse:
        items = curation.overrides(curator) if curator is not None else []
        return _json({"enabled": curator is not None, "items": items})

    @app.post(
        "/api/speakers/{speaker_id}/merge",
        tags=["corrections"],
        summary="Merge another speaker into this one",
        response_model=CorrectionOut,
        responses=_CORRECTION_ERRORS,
    )
    def merge_speaker(speaker_id: SpeakerIdPath, body: MergeIn) -> JSONResponse:
        return correct(lambda st: curation.merge(st, speaker_id, body.other, source="web"))

    @app.post(
        "/api/speakers/{speaker_id}/split",
        tags=["corrections"],
        summary="Move some statements to another speaker",
        response_model=CorrectionOut,
        responses=_CORRECTION_ERRORS,
    )
    def split_speaker(speaker_id: SpeakerIdPath, body: SplitIn) -> JSONResponse:
        return correct(
            lambda st: curation.split(
                st, speaker_id, mention=body.mention, articles=body.articles, name=body.name, source="web"
            )
        )

    @app.post(
        "/api/speakers/{speaker_id}/rename",
        tags=["corrections"],
        summary="Give the speaker another name",
        response_model=CorrectionOut,
        responses=_CORRECTION_ERRORS,
    )
    def rename_speaker(speaker_id: SpeakerIdPath, body: RenameIn) -> JSONResponse:
        return correct(lambda st: curation.rename(st, speaker_id, body.name, source="web"))

    @app.post(
        "/api/speakers/{speaker_id}/link",
        tags=["corrections"],
        summary="Link the speaker to an external id",
        response_model=CorrectionOut,
        responses=_CORRECTION_ERRORS,
    )
    def link_speaker(speaker_id: SpeakerIdPath, body: LinkIn) -> JSONResponse:
        return correct(lambda st: curation.link(st, speaker_id, body.ext_id, source="web"))

    @app.delete(
        "/api/overrides/{override_id}",
        tags=["corrections"],
        summary="Remove a correction and undo it",
        response_model=CorrectionOut,
        responses=_CORRECTION_ERRORS,
    )
    def remove_override(override_id: Annotated[int, PathParam(ge=0, le=2**62)]) -> JSONResponse:
        return correct(lambda st: curation.remove_override(st, override_id))

    @app.get("/api/languages", tags=["extract"], summary="The languages the extractor supports")
    def languages() -> JSONResponse:
        return _json({"languages": [{"code": c, "name": n} for c, n in language_names().items()]})

    @app.get("/api/{rest:path}", include_in_schema=False)
    def api_not_found(rest: str) -> JSONResponse:
        return _json({"error": "not found"}, 404)

    # -------------------------------------------------------------- page

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
