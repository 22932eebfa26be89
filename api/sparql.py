"""The SPARQL 1.1 Protocol endpoint at `/sparql` (read-only).

- `GET /sparql?query=...`, `POST` form-encoded (`query=`), `POST application/sparql-query`;
  `default-graph-uri` / `named-graph-uri` (repeatable) in the URL or the form.
- Answer format from `Accept` (q-values) or `?format=json|xml|csv|tsv|turtle|nt|jsonld|rdfxml`;
  defaults: SPARQL JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE.
- `GET /sparql` without a query: the Service Description (Turtle or another RDF format). When a
  browser asks for HTML, `request.app.state.sparql_html_page(request)` answers instead if the pages
  module has set it (see `HTML_PAGE_HOOK`).
- Updates (`update=`, `application/sparql-update`, or update text in `query=`) are refused (403).
- Timeout, row cap: the store applies them (`BZKG_QUERY_TIMEOUT`, `BZKG_MAX_ROWS`); a capped answer
  carries `X-Result-Truncated: true`.
"""

from __future__ import annotations

import inspect
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.errors import ProblemError
from store.base import NotAcceptable, ReadOnlyViolation
from store.formats import (
    RDF_FORMATS,
    RESULT_FORMATS,
    accept_for_format,
    negotiate,
    prefers_html,
    serialize_triples,
)

__all__ = ["HTML_PAGE_HOOK", "router", "service_description"]

HTML_PAGE_HOOK = "sparql_html_page"
"""Name of the `app.state` attribute holding `async def page(request) -> Response` (or a sync one)."""

router = APIRouter(tags=["sparql"])

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
}
_READ_ONLY = (
    "this endpoint is read-only: SPARQL Update is refused and was not executed; "
    "administrators load data through the Graph Store at /store"
)


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise ProblemError(400, "Bad request", f"the {name!r} parameter is given {len(values)} times")
    return values[0] if values else None


async def _read_request(request: Request) -> tuple[list[tuple[str, str]], str | None]:
    """All protocol parameters (URL and form) and the query text from a POST body, if any."""
    params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method != "POST":
        return params, None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if content_type == "application/x-www-form-urlencoded":
        return params + parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True), None
    if content_type == "application/sparql-query":
        return params, body.decode("utf-8", "replace")
    if content_type == "application/sparql-update":
        raise ReadOnlyViolation(_READ_ONLY)
    raise ProblemError(
        415,
        "Unsupported media type",
        "POST a query as application/sparql-query or application/x-www-form-urlencoded (query=...)",
    )


def _accept(request: Request, params: list[tuple[str, str]]) -> str | None:
    fmt = _one(params, "format")
    if fmt:
        accept = accept_for_format(fmt)
        if accept is None:
            raise NotAcceptable(f"unknown format {fmt!r}: use json, xml, csv, tsv, turtle, nt, jsonld or rdfxml")
        return accept
    return request.headers.get("accept")


@router.api_route("/sparql", methods=["GET", "POST"], response_class=Response)
async def sparql(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Answer a SPARQL query (SPARQL 1.1 Protocol) or describe the service."""
    params, body_query = await _read_request(request)
    if _one(params, "update") is not None:
        raise ReadOnlyViolation(_READ_ONLY)
    query = body_query if body_query is not None else _one(params, "query")
    if query is None:
        if request.method == "POST":
            raise ProblemError(400, "Bad request", "no query: send query=... or an application/sparql-query body")
        hook = getattr(request.app.state, HTML_PAGE_HOOK, None)
        if hook is not None and prefers_html(request.headers.get("accept")):
            page = hook(request)
            return await page if inspect.isawaitable(page) else page
        return await run_in_threadpool(service_description, request, store, settings, _accept(request, params))
    hook = getattr(request.app.state, HTML_PAGE_HOOK, None)
    if hook is not None and _one(params, "format") is None and prefers_html(request.headers.get("accept")):
        request.state.sparql_query = query  # a browser's query: the pages render the results as a table
        page = hook(request)
        return await page if inspect.isawaitable(page) else page
    result = await run_in_threadpool(
        store.protocol_query,
        query,
        _accept(request, params),
        [v for k, v in params if k == "default-graph-uri"],
        [v for k, v in params if k == "named-graph-uri"],
    )
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["X-Result-Truncated"] = "true"
        headers["X-Max-Rows"] = str(settings.max_rows)
    return Response(result.body, media_type=result.media_type, headers=headers)


def service_description(request: Request, store, settings, accept: str | None) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, e.g. in Turtle:

    [] a sd:Service ; sd:endpoint </sparql> ; sd:supportedLanguage sd:SPARQL11Query ;
       sd:resultFormat formats:SPARQL_Results_JSON, ... ; sd:feature sd:UnionDefaultGraph ;
       sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ;
                           sd:namedGraph [ a sd:NamedGraph ; sd:name <...> ], ... ] .
    """
    media = negotiate(accept, "CONSTRUCT")
    if media is None:
        raise NotAcceptable("the service description is available as Turtle, N-Triples, JSON-LD or RDF/XML")
    service, dataset, default = BlankNode("service"), BlankNode("dataset"), BlankNode("default")

    def sd(local: str) -> NamedNode:
        return NamedNode(SD + local)

    endpoint = str(request.url.replace(query="", fragment=""))
    triples = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), NamedNode(endpoint)),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), default),
        Triple(default, RDF_TYPE, sd("Graph")),
    ]
    if settings.union_default_graph and not settings.sparql_endpoint:
        triples.append(Triple(service, sd("feature"), sd("UnionDefaultGraph")))
    for media_type, local in _FORMAT_IRIS.items():
        if media_type in RESULT_FORMATS or media_type in RDF_FORMATS:
            triples.append(Triple(service, sd("resultFormat"), NamedNode(FORMATS_NS + local)))
    try:
        graphs = sorted(r["g"].value for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))
    except Exception:  # the description must not fail because the store is busy
        graphs = []
    for i, name in enumerate(graphs):
        node = BlankNode(f"g{i}")
        triples += [
            Triple(dataset, sd("namedGraph"), node),
            Triple(node, RDF_TYPE, sd("NamedGraph")),
            Triple(node, sd("name"), NamedNode(name)),
        ]
    triples.append(Triple(service, NamedNode("http://purl.org/dc/terms/title"), Literal("bzkg SPARQL endpoint")))
    body, _ = serialize_triples(
        triples,
        media,
        len(triples),
        prefixes={"sd": SD, "formats": FORMATS_NS, "dcterms": "http://purl.org/dc/terms/"},
    )
    return Response(body, media_type=media, headers={"Vary": "Accept"})
