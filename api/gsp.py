"""The SPARQL 1.1 Graph Store HTTP Protocol at `/store` (indirect identification).

    GET|HEAD /store?graph=IRI | /store?default      public; Turtle by default, or per Accept
    PUT      /store?graph=IRI   (body: RDF)         replace the graph      201 created / 204
    POST     /store?graph=IRI   (body: RDF)         add to the graph       201 created / 204
    DELETE   /store?graph=IRI                       drop the graph         204 / 404

Writes need `Authorization: Bearer $BZKG_ADMIN_TOKEN` and are disabled when no token is set.
Payloads: Turtle, N-Triples, RDF/XML, JSON-LD, N3. Only the embedded store accepts writes.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from pyoxigraph import NamedNode
from starlette.concurrency import run_in_threadpool

from api.deps import AdminDep, GraphStoreDep
from api.errors import ProblemError
from store.base import NotAcceptable
from store.formats import RDF_INPUT_FORMATS, negotiate, serialize_triples

__all__ = ["router"]

router = APIRouter(tags=["graph store"])


def _target(request: Request) -> NamedNode | None:
    """The graph a request is about: `?graph=IRI` or `?default` (exactly one)."""
    params = parse_qsl(request.url.query, keep_blank_values=True)
    graphs = [v for k, v in params if k == "graph"]
    default = any(k == "default" for k, _ in params)
    if default + len(graphs) != 1:
        raise ProblemError(400, "Bad request", "name exactly one graph: ?graph=IRI or ?default")
    if default:
        return None
    try:
        return NamedNode(graphs[0])
    except ValueError as e:
        raise ProblemError(400, "Bad request", f"invalid graph IRI {graphs[0]!r}: {e}") from e


async def _payload(request: Request) -> tuple[bytes, str]:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in RDF_INPUT_FORMATS:
        raise ProblemError(
            415,
            "Unsupported media type",
            f"send the graph as one of: {', '.join(RDF_INPUT_FORMATS)} (got {media or 'no Content-Type'})",
        )
    return await request.body(), media


@router.api_route("/store", methods=["GET", "HEAD"], response_class=Response)
async def get_graph(request: Request, store: GraphStoreDep) -> Response:
    graph = _target(request)
    media = negotiate(request.headers.get("accept"), "CONSTRUCT")
    if media is None:
        raise NotAcceptable("graphs are available as Turtle, N-Triples, JSON-LD or RDF/XML")
    triples = await run_in_threadpool(store.graph_get, graph)
    body, _ = await run_in_threadpool(serialize_triples, triples, media, len(triples))
    if request.method == "HEAD":
        return Response(media_type=media, headers={"Content-Length": str(len(body)), "Vary": "Accept"})
    return Response(body, media_type=media, headers={"Vary": "Accept"})


@router.put("/store", response_class=Response)
async def put_graph(request: Request, store: GraphStoreDep, _admin: AdminDep) -> Response:
    graph = _target(request)
    data, media = await _payload(request)
    created = await run_in_threadpool(store.graph_put, graph, data, media)
    return Response(status_code=201 if created else 204)


@router.post("/store", response_class=Response)
async def post_graph(request: Request, store: GraphStoreDep, _admin: AdminDep) -> Response:
    graph = _target(request)
    data, media = await _payload(request)
    created = await run_in_threadpool(store.graph_post, graph, data, media)
    return Response(status_code=201 if created else 204)


@router.delete("/store", response_class=Response)
async def delete_graph(request: Request, store: GraphStoreDep, _admin: AdminDep) -> Response:
    graph = _target(request)
    await run_in_threadpool(store.graph_delete, graph)
    return Response(status_code=204)
