"""Problem documents (RFC 9457, `application/problem+json`) for this router's own errors.

`ProblemRoute` turns, for every route of the REST router: a request that does not validate into a 422
naming the parameters at fault, `NotFound` into 404, `BadParameter` into 422. Store errors go on to
the app's handlers (`api.errors`), which map them in one place.

    HTTP/1.1 422 Unprocessable Content
    Content-Type: application/problem+json

    {"type": "https://w3id.org/bzkg/problems/invalid-parameter", "title": "Invalid parameter",
     "status": 422, "detail": "limit: Input should be less than or equal to 200",
     "errors": [{"parameter": "limit", "in": "query", "message": "Input should be …"}]}
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from api.errors import problem
from api.services.errors import BadParameter, NotFound

__all__ = ["PROBLEM_RESPONSES", "Problem", "ProblemRoute", "invalid_parameter", "not_found"]


@dataclass(frozen=True)
class ParameterError:
    parameter: str
    message: str
    # "in" is a keyword; the JSON key is `in` (see `invalid_parameter`).
    location: str = "query"


@dataclass(frozen=True)
class Problem:
    """The body of an error answer (RFC 9457)."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, str]] = field(default_factory=list)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "No resource has this id", "model": Problem, "content": {"application/problem+json": {}}},
    422: {
        "description": "A parameter is invalid; `errors` names each one",
        "model": Problem,
        "content": {"application/problem+json": {}},
    },
}


def not_found(exc: NotFound) -> Response:
    return problem(404, "Not found", str(exc), "not-found", kind=exc.kind, id=exc.ident)


def invalid_parameter(errors: list[ParameterError]) -> Response:
    detail = "; ".join(f"{e.parameter}: {e.message}" for e in errors)
    body = [{"parameter": e.parameter, "in": e.location, "message": e.message} for e in errors]
    return problem(422, "Invalid parameter", detail, "invalid-parameter", errors=body)


def _from_validation(exc: RequestValidationError) -> list[ParameterError]:
    found = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) or where
        found.append(ParameterError(name, str(error.get("msg", "invalid value")), where))
    return found


class ProblemRoute(APIRoute):
    """An `APIRoute` answering validation and domain errors with problem documents."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                return invalid_parameter(_from_validation(exc))
            except NotFound as exc:
                return not_found(exc)
            except BadParameter as exc:
                return invalid_parameter([ParameterError(exc.parameter, exc.message)])

        return route
