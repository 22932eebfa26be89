"""The remote store: every read goes to an existing SPARQL 1.1 query endpoint through SPARQLWrapper.

Answers are parsed into pyoxigraph terms (SPARQL JSON results, N-Triples graphs), so routers see the
same rows as with the embedded store, and protocol answers are re-serialised by the same code
(`store.formats`) with the same row cap. The query timeout is a client-side socket timeout; the
server should enforce its own too (`oxigraph serve --timeout-s`). Which graph a query without
`GRAPH` sees is the server's choice (`oxigraph serve --union-default-graph`).
"""

from __future__ import annotations

import math
import time
import urllib.error
from collections.abc import Sequence

from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from store.base import (
    Bindings,
    NotAcceptable,
    ProtocolResult,
    QuerySyntaxError,
    QueryTimeout,
    Row,
    StoreError,
    StoreUnavailable,
)
from store.formats import negotiate, serialize_boolean, serialize_solutions, serialize_triples
from store.sparql_text import inject_values, is_update

__all__ = ["RemoteStore"]

_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_NT = "application/n-triples"


def _message(e: SPARQLWrapperException) -> str:
    body = getattr(e, "response", None)
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    return (body or str(e)).strip()


class RemoteStore:
    """Reads from `endpoint` (a SPARQL 1.1 query URL); see the module doc."""

    def __init__(
        self, endpoint: str, timeout: float = 10.0, max_rows: int = 10_000, cache_seconds: float = 60.0
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.max_rows = max_rows
        self.cache_seconds = cache_seconds

    @property
    def version(self) -> int:
        """Changes every `cache_seconds`: the server's data may change behind our back (a pipeline
        running `bzkg load --gsp`), and SPARQL has no way to ask since when, so results derived from
        it (counts, label indexes; api/services/memo.py) are recomputed that often."""
        return int(time.monotonic() // self.cache_seconds) if self.cache_seconds > 0 else 0

    def _request(
        self,
        query: str,
        timeout: float | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> tuple[bytes, str]:
        """POST the query; return (body, media type) of a 200 answer or raise a StoreError."""
        client = SPARQLWrapper(self.endpoint)
        client.setMethod(POST)
        client.setOnlyConneg(True)
        client.setTimeout(max(1, math.ceil(timeout or self.timeout)))
        client.addCustomHttpHeader("Accept", _ACCEPT)
        client.setQuery(query)
        for uri in default_graph_uris:
            client.addDefaultGraph(uri)
        for uri in named_graph_uris:
            client.addNamedGraph(uri)
        try:
            response = client.query().response
            body = response.read()
            media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        except QueryBadFormed as e:
            raise QuerySyntaxError(_message(e)) from e
        except SPARQLWrapperException as e:
            message = _message(e)
            if "timeout" in message.lower() or "timed out" in message.lower():
                raise QueryTimeout(f"the SPARQL server stopped the query: {message}") from e
            raise StoreUnavailable(f"the SPARQL server at {self.endpoint} failed: {message}") from e
        except TimeoutError as e:
            raise QueryTimeout(f"no answer from the SPARQL server within {timeout or self.timeout:g} s") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError):
                raise QueryTimeout(f"no answer from the SPARQL server within {timeout or self.timeout:g} s") from e
            raise StoreUnavailable(f"the SPARQL server at {self.endpoint} does not answer: {e}") from e
        except (OSError, ValueError) as e:
            raise StoreUnavailable(f"the SPARQL server at {self.endpoint} does not answer: {e}") from e
        return body, media

    def _result(self, query: str, bindings: Bindings | None = None, **kwargs):
        body, media = self._request(inject_values(query, bindings), **kwargs)
        try:
            if media in ("application/sparql-results+json", "application/json"):
                return parse_query_results(body, QueryResultsFormat.JSON)
            if media in ("application/sparql-results+xml", "application/xml"):
                return parse_query_results(body, QueryResultsFormat.XML)
            fmt = RdfFormat.from_media_type(media) or RdfFormat.N_TRIPLES
            return [q.triple for q in parse(body, format=fmt)]
        except (SyntaxError, ValueError) as e:
            raise StoreUnavailable(f"unreadable answer ({media}) from {self.endpoint}: {e}") from e

    # -- internal queries ---------------------------------------------------------------------
    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        result = self._result(query, bindings)
        if not isinstance(result, QuerySolutions):
            raise StoreError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in result]

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        result = self._result(query, bindings)
        if not isinstance(result, QueryBoolean):
            raise StoreError("ask() needs an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        result = self._result(query, bindings)
        if not isinstance(result, list):
            raise StoreError("construct() needs a CONSTRUCT or DESCRIBE query")
        return result

    def quads(self, graph: NamedNode | None = None) -> list[Quad]:
        if graph is not None:
            triples = self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
            return [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def ready(self) -> bool:
        try:
            self._request("ASK {}", timeout=2)
        except StoreError:
            return False
        return True

    def close(self) -> None:
        return None

    # -- user queries ---------------------------------------------------------------------------
    def protocol_query(
        self,
        query: str,
        accept: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> ProtocolResult:
        if is_update(query):
            raise QuerySyntaxError(
                "not a query: this is a SPARQL Update and this endpoint is read-only; it was not executed"
            )
        result = self._result(query, default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris)
        form = "ASK" if isinstance(result, QueryBoolean) else "SELECT"
        if isinstance(result, list):
            form = "CONSTRUCT"
        media = negotiate(accept, form)
        if media is None:
            raise NotAcceptable(f"no acceptable media type for a {form} result")
        if isinstance(result, QueryBoolean):
            return ProtocolResult(serialize_boolean(bool(result), media), media)
        if isinstance(result, QuerySolutions):
            body, truncated = serialize_solutions(result, media, self.max_rows)
        else:
            body, truncated = serialize_triples(result, media, self.max_rows)
        return ProtocolResult(body, media, truncated)
