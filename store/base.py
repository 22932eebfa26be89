"""The one store interface the API talks to; `embedded` and `remote` implement it.

Rows and triples are pyoxigraph terms whichever store is behind, so routers and services never
know which one answers. Parameters are bound, never pasted into SPARQL text: `bindings` maps a
variable name (without `?`) to a term; the embedded store passes them as pyoxigraph
substitutions, the remote one as a properly serialised `VALUES` block.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple

__all__ = [
    "Bindings",
    "DataSyntaxError",
    "GraphNotFound",
    "GraphStore",
    "NotAcceptable",
    "ProtocolResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "ReadOnlyViolation",
    "Row",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "Term",
]

Term = NamedNode | BlankNode | Literal | Triple
Row = dict[str, Term]
Bindings = Mapping[str, Term]


class StoreError(Exception):
    """Base of every error a store reports; the API maps each subclass to one HTTP status."""


class QuerySyntaxError(StoreError):
    """The query does not parse; the message carries the parser's words and position (HTTP 400)."""


class ReadOnlyViolation(StoreError):
    """An update was sent to a read-only endpoint; it was not executed (HTTP 400/403)."""


class QueryTimeout(StoreError):
    """The query ran longer than allowed and was stopped (HTTP 503)."""


class StoreUnavailable(StoreError):
    """The store, or the remote server behind it, does not answer (HTTP 502/503)."""


class NotAcceptable(StoreError):
    """None of the media types the client accepts can carry this query's result (HTTP 406)."""


class GraphNotFound(StoreError):
    """The named graph a Graph Store request is about does not exist (HTTP 404)."""


class DataSyntaxError(StoreError):
    """An RDF payload sent to the Graph Store does not parse (HTTP 400)."""


@dataclass(frozen=True)
class ProtocolResult:
    """A serialised SPARQL result, ready to send: body bytes and their media type."""

    body: bytes
    media_type: str
    truncated: bool = False
    """True when the row cap cut the result short."""


class Store(Protocol):
    """Read access to the graph, the same for the embedded store and a remote SPARQL server."""

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        """Run a SELECT and return its rows; unbound variables are absent from a row."""
        ...

    def ask(self, query: str, bindings: Bindings | None = None) -> bool: ...

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        """Run a CONSTRUCT or DESCRIBE and return its triples."""
        ...

    def protocol_query(
        self,
        query: str,
        accept: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> ProtocolResult:
        """Run a user's query for the SPARQL Protocol endpoint, with the timeout and row cap applied,
        serialised in the format `accept` (an HTTP Accept value) prefers for the query's form
        (`store.formats.negotiate`). Raises QuerySyntaxError, ReadOnlyViolation (an update is never
        executed), QueryTimeout, NotAcceptable, StoreUnavailable."""
        ...

    def quads(self, graph: NamedNode | None = None) -> list[Quad]:
        """The quads of one named graph, or of every named graph when `graph` is None."""
        ...

    def ready(self) -> bool:
        """Whether the store answers a trivial query now."""
        ...

    def close(self) -> None:
        """Release processes and connections; the store is not used afterwards."""
        ...


class GraphStore(Protocol):
    """Write access for the SPARQL Graph Store Protocol and reloading; the embedded store has it.

    `graph` None means the default graph. Payloads are bytes in an RDF media type
    (`store.formats.RDF_INPUT_FORMATS`); every change is atomic and retires query workers that
    still hold the old data.
    """

    def graph_exists(self, graph: NamedNode | None) -> bool: ...

    def graph_get(self, graph: NamedNode | None) -> list[Triple]: ...

    def graph_put(self, graph: NamedNode | None, data: bytes, media_type: str) -> bool:
        """Replace the graph's content; True if the graph did not exist before."""
        ...

    def graph_post(self, graph: NamedNode | None, data: bytes, media_type: str) -> bool:
        """Add to the graph's content; True if the graph did not exist before."""
        ...

    def graph_delete(self, graph: NamedNode | None) -> None: ...

    def reload(self) -> int:
        """Rebuild the whole store from its sources and swap it in; returns the number of quads.
        A failure leaves the old data serving."""
        ...
