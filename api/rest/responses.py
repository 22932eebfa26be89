"""Answers in the negotiated format: the JSON model, or the triples behind it as JSON-LD/Turtle."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fastapi import Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pyoxigraph import Triple

from api.errors import ProblemError

from .negotiation import Format, choose, rdf_body

__all__ = ["negotiated", "wanted_format"]


def wanted_format(request: Request) -> Format:
    """The format the client accepts, or a 406 problem naming the offered ones."""
    fmt = choose(request.headers.get("accept"))
    if fmt is None:
        offered = ", ".join(f.value for f in Format)
        raise ProblemError(406, "Not acceptable", f"this resource is offered as {offered}", "not-acceptable")
    return fmt


def negotiated(
    request: Request,
    model: object,
    triples: Iterable[Triple] | Callable[[], Iterable[Triple]],
    headers: dict[str, str] | None = None,
) -> Response:
    """JSON of `model`, or `triples` (a list, or a function computing them only when asked) as RDF."""
    fmt = wanted_format(request)
    all_headers = {"Vary": "Accept", **(headers or {})}
    if fmt is Format.JSON:
        return JSONResponse(jsonable_encoder(model), headers=all_headers)
    found = triples() if callable(triples) else triples
    return Response(rdf_body(found, fmt), media_type=fmt.value, headers=all_headers)
