"""Routes for the named queries of `queries/*.rq` and for the SHACL validation report."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.errors import ProblemError
from api.services import named_queries, validation
from api.services.ids import ID_PATTERN
from api.services.named_queries import NamedQuery, QueryResult
from api.services.validation import ValidationReport
from bzkg import paths

from .deps import MemoDep
from .negotiation import media_ranges
from .problems import PROBLEM_RESPONSES, ProblemRoute

__all__ = ["router"]

router = APIRouter(route_class=ProblemRoute, responses=PROBLEM_RESPONSES)


def _prefers(request: Request, offered: list[str]) -> str:
    """The first of `offered` (the default) unless the client ranks another higher."""
    accept = request.headers.get("accept")
    if not accept or not accept.strip():
        return offered[0]
    best, best_q = None, 0.0
    for media, q, _ in media_ranges(accept):
        for index, candidate in enumerate(offered):
            if media in (candidate, candidate.split("/")[0] + "/*", "*/*") and q > 0:
                score = q + (0.001 if media == candidate else 0) - index * 1e-6
                if score > best_q:
                    best, best_q = candidate, score
    if best is None:
        raise ProblemError(406, "Not acceptable", f"offered: {', '.join(offered)}", "not-acceptable")
    return best


@router.get("/queries", response_model=list[NamedQuery], tags=["queries"])
def list_queries() -> list[NamedQuery]:
    """The named queries, with their parameters (name, type, default, description)."""
    return [q for q, _ in named_queries.load_queries(paths.QUERIES_DIR).values()]


@router.get(
    "/queries/{name}",
    response_model=QueryResult,
    responses={200: {"content": {"text/csv": {}}}},
    tags=["queries"],
)
def run_named_query(
    request: Request,
    name: Annotated[str, Path(pattern=ID_PATTERN, description="e.g. `lead-agencies-by-business-type`.")],
    store: StoreDep,
) -> Response:
    """Run a named query; its parameters are passed as query parameters (`?business_type=bonded-repair`),
    typed and bound, never pasted into the query. JSON by default, CSV by `Accept: text/csv`."""
    queries = named_queries.load_queries(paths.QUERIES_DIR)
    given = dict(request.query_params)
    result = named_queries.run_query(store, queries, name, given)
    if _prefers(request, ["application/json", "text/csv"]) == "text/csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if row[c] is None else row[c] for c in result.columns])
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers={"Vary": "Accept"})
    return JSONResponse(jsonable_encoder(result), headers={"Vary": "Accept"})


@router.get(
    "/validation",
    response_model=ValidationReport,
    responses={200: {"content": {"text/turtle": {}}}},
    tags=["validation"],
)
def get_validation(
    request: Request,
    store: StoreDep,
    memo: MemoDep,
    document: Annotated[str | None, Query(pattern=ID_PATTERN, max_length=200, description="Document id.")] = None,
) -> Response:
    """The SHACL validation report of the served graph, grouped by document with counts by severity
    (computed once per store version). Turtle (the `sh:ValidationReport` graph) by `Accept`."""
    if _prefers(request, ["application/json", "text/turtle"]) == "text/turtle":
        body = validation.report_turtle(store, document, memo)
        return Response(body, media_type="text/turtle", headers={"Vary": "Accept"})
    report = validation.validation_report(store, document, memo)
    return JSONResponse(jsonable_encoder(report), headers={"Vary": "Accept"})
