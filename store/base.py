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
    "QueryTimeout",
    "ReadOnlyViolation",
    "Row",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "QuerySyntaxError",
    "ProtocolResult",
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


@dataclass(frozen=True)
class ProtocolResult:
    """A serialised SPARQL result, ready to send: body bytes and their media type."""

    body: bytes
    media_type: str


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
        media_type: str,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> ProtocolResult:
        """Run a user's query for the SPARQL Protocol endpoint, with the timeout and row cap applied,
        serialised in `media_type` (a result or RDF format the caller negotiated)."""
        ...

    def quads(self, graph: NamedNode | None = None) -> list[Quad]: ...

    def ready(self) -> bool:
        """Whether the store answers a trivial query now."""
        ...
