"""Errors mapped to HTTP in one place: RFC 9457 problem details (`application/problem+json`).

Store errors keep their message (the parser's words and position for a syntax error); anything
unexpected becomes a 500 whose body says nothing about internals.

    HTTP/1.1 400 Bad Request
    Content-Type: application/problem+json

    {"type": "https://w3id.org/bzkg/problems/query-syntax", "title": "SPARQL syntax error",
     "status": 400, "detail": "error at 1:25: expected ...", "line": 1, "column": 25}
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from store.base import (
    DataSyntaxError,
    GraphNotFound,
    NotAcceptable,
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
)
from store.formats import prefers_html

__all__ = ["PROBLEM_TYPE", "STORE_ERRORS", "ProblemError", "install_error_handlers", "problem"]

log = logging.getLogger(__name__)

PROBLEM_TYPE = "https://w3id.org/bzkg/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

# error class -> (HTTP status, problem slug, title); the first matching base class wins.
STORE_ERRORS: list[tuple[type[StoreError], int, str, str]] = [
    (QuerySyntaxError, 400, "query-syntax", "SPARQL syntax error"),
    (ReadOnlyViolation, 403, "read-only", "Read-only endpoint"),
    (NotAcceptable, 406, "not-acceptable", "Not acceptable"),
    (GraphNotFound, 404, "graph-not-found", "Graph not found"),
    (DataSyntaxError, 400, "data-syntax", "RDF syntax error"),
    (QueryTimeout, 503, "query-timeout", "Query timeout"),
    (StoreUnavailable, 503, "store-unavailable", "Store unavailable"),
    (StoreError, 500, "store-error", "Store error"),
]

_POSITION = re.compile(r"\bat (?:line )?(\d+):(\d+)")


class ProblemError(Exception):
    """Raise from a router or dependency to answer with a problem document."""

    def __init__(
        self, status: int, title: str, detail: str, slug: str | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.slug = slug or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        self.headers = headers or {}


def problem(
    status: int, title: str, detail: str, slug: str = "error", headers: dict | None = None, **extra: object
) -> JSONResponse:
    body = {"type": PROBLEM_TYPE + slug, "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def store_error_response(exc: StoreError) -> JSONResponse:
    status, slug, title = next((st, sl, ti) for cls, st, sl, ti in STORE_ERRORS if isinstance(exc, cls))
    extra: dict[str, object] = {}
    if isinstance(exc, QuerySyntaxError) and (m := _POSITION.search(str(exc))):
        extra = {"line": int(m.group(1)), "column": int(m.group(2))}
    if status >= 500 and not isinstance(exc, QueryTimeout | StoreUnavailable):
        log.error("store error: %s", exc)
    return problem(status, title, str(exc), slug, **extra)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return store_error_response(exc)

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem(exc.status, exc.title, exc.detail, exc.slug, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        # Extension point for the HTML pages: `app.state.html_error_page(request, exc)` (async),
        # used when a browser asks for HTML.
        hook = getattr(request.app.state, "html_error_page", None)
        if hook is not None and prefers_html(request.headers.get("accept")):
            return await hook(request, exc)
        return problem(exc.status_code, "HTTP error", str(exc.detail), "http", headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem(
            422,
            "Invalid request",
            "the request's parameters do not validate",
            "validation",
            errors=jsonable(exc.errors()),
        )


def jsonable(value: object) -> object:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)
