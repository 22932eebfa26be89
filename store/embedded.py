"""The embedded store: an in-memory pyoxigraph store loaded from the ontology and the built graph.

Internal queries (`select`, `ask`, `construct`, `quads`) run in the calling thread on the live store:
that is the fast path the REST API and HTML pages use. User queries from the SPARQL Protocol endpoint
(`protocol_query`) run in forked workers (`store.workers`) so that a timeout really stops them.

Reloading builds a complete new store first and swaps it in with one assignment: a failed reload
leaves the old data serving. Graph Store writes are single SPARQL Update transactions.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse,
    serialize,
)

from store.base import (
    Bindings,
    DataSyntaxError,
    GraphNotFound,
    NotAcceptable,
    ProtocolResult,
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyViolation,
    Row,
    StoreError,
)
from store.formats import (
    RDF_INPUT_FORMATS,
    negotiate,
    serialize_boolean,
    serialize_solutions,
    serialize_triples,
)
from store.loading import GraphSource, build_store, document_sources, ontology_sources
from store.sparql_text import inject_values, is_update
from store.workers import ForkGate, WorkerError, WorkerPool

__all__ = ["UPDATE_REFUSED", "EmbeddedStore", "QueryOptions", "run_protocol_query"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryOptions:
    union_default_graph: bool = True
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2


@dataclass(frozen=True)
class _Request:
    query: str
    accept: str | None
    default_graph_uris: tuple[str, ...]
    named_graph_uris: tuple[str, ...]


def _dataset_kwargs(
    union: bool, default_graph_uris: Sequence[str], named_graph_uris: Sequence[str]
) -> dict[str, object]:
    kwargs: dict[str, object] = {}
    if default_graph_uris:
        kwargs["default_graph"] = [NamedNode(u) for u in default_graph_uris]
    elif union:
        kwargs["use_default_graph_as_union"] = True
    if named_graph_uris:
        kwargs["named_graphs"] = [NamedNode(u) for u in named_graph_uris]
    return kwargs


UPDATE_REFUSED = (
    "this is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY) and this "
    "endpoint is read-only: it was not executed"
)


def run_protocol_query(store: Store, request: _Request, options: QueryOptions) -> tuple[bytes, str, bool]:
    """Run one user query and serialise it (inside a worker): (body, media type, truncated)."""
    dataset = _dataset_kwargs(options.union_default_graph, request.default_graph_uris, request.named_graph_uris)
    try:
        result = store.query(request.query, **dataset)
    except SyntaxError as e:
        note = f" ({UPDATE_REFUSED})" if is_update(request.query) else ""
        raise QuerySyntaxError(f"{e}{note}") from e
    if isinstance(result, QueryBoolean):
        media = negotiate(request.accept, "ASK")
        if media is None:
            raise NotAcceptable("an ASK result is available as SPARQL JSON, XML, CSV or TSV")
        return serialize_boolean(bool(result), media), media, False
    if isinstance(result, QuerySolutions):
        media = negotiate(request.accept, "SELECT")
        if media is None:
            raise NotAcceptable("a SELECT result is available as SPARQL JSON, XML, CSV or TSV")
        body, truncated = serialize_solutions(
            result, media, options.max_rows, rerun=lambda: store.query(request.query, **dataset)
        )
        return body, media, truncated
    assert isinstance(result, QueryTriples)
    media = negotiate(request.accept, "CONSTRUCT")
    if media is None:
        raise NotAcceptable("a graph result is available as Turtle, N-Triples, JSON-LD or RDF/XML")
    body, truncated = serialize_triples(result, media, options.max_rows)
    return body, media, truncated


_WORKER_ERRORS: dict[str, type[StoreError]] = {
    "QuerySyntaxError": QuerySyntaxError,
    "ReadOnlyViolation": ReadOnlyViolation,
    "NotAcceptable": NotAcceptable,
}


class EmbeddedStore:
    """An in-memory pyoxigraph store with forked workers for user queries (see module doc)."""

    def __init__(
        self,
        sources: Callable[[], list[GraphSource]] | None = None,
        options: QueryOptions | None = None,
        store: Store | None = None,
    ) -> None:
        self.options = options or QueryOptions()
        self._sources = sources
        self._gate = ForkGate()
        self._write_lock = threading.Lock()
        self._store = store if store is not None else build_store(sources() if sources else [])
        self._pool = self._new_pool()
        # Bumped on every change of the data, so caches of derived results (api/services/memo.py) drop.
        self.version = 0

    @classmethod
    def from_dirs(
        cls,
        data_dir: Path | None,
        ontology_dir: Path | None,
        options: QueryOptions | None = None,
        load_ontology: bool | None = None,
    ) -> EmbeddedStore:
        """Documents from `data_dir`, ontology files from `ontology_dir`. `load_ontology` None means
        "only with data": a store whose data directory holds no document starts empty."""

        def sources() -> list[GraphSource]:
            docs = document_sources(data_dir)
            with_ontology = bool(docs) if load_ontology is None else load_ontology
            return (ontology_sources(ontology_dir) if with_ontology else []) + docs

        return cls(sources, options)

    # -- internal fast path -------------------------------------------------------------------
    def _query(self, query: str, bindings: Bindings | None):
        """Run on the live store; the caller holds `self._gate.shared()` while it reads the result."""
        substitutions = {Variable(k): v for k, v in bindings.items()} if bindings else None
        union = self.options.union_default_graph
        try:
            try:
                return self._store.query(query, substitutions=substitutions, use_default_graph_as_union=union)
            except RuntimeError as e:
                # pyoxigraph substitutes only projected variables; bind the others with VALUES.
                if not substitutions or "projection" not in str(e):
                    raise
                return self._store.query(inject_values(query, bindings), use_default_graph_as_union=union)
        except SyntaxError as e:
            raise QuerySyntaxError(str(e)) from e
        except (RuntimeError, OSError, ValueError, TypeError) as e:
            raise StoreError(f"the query failed: {e}") from e

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        with self._gate.shared():
            result = self._query(query, bindings)
            if not isinstance(result, QuerySolutions):
                raise StoreError("select() needs a SELECT query")
            names = [v.value for v in result.variables]
            rows: list[Row] = []
            for solution in result:
                row = {}
                for name in names:
                    term = solution[name]
                    if term is not None:
                        row[name] = term
                rows.append(row)
            return rows

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        with self._gate.shared():
            result = self._query(query, bindings)
        if not isinstance(result, QueryBoolean):
            raise StoreError("ask() needs an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        with self._gate.shared():
            result = self._query(query, bindings)
            if not isinstance(result, QueryTriples):
                raise StoreError("construct() needs a CONSTRUCT or DESCRIBE query")
            return list(result)

    def quads(self, graph: NamedNode | None = None) -> list[Quad]:
        with self._gate.shared():
            if graph is not None:
                return list(self._store.quads_for_pattern(None, None, None, graph))
            return [q for q in self._store if not isinstance(q.graph_name, DefaultGraph)]

    def ready(self) -> bool:
        try:
            return self.ask("ASK {}")
        except StoreError:
            return False

    def __len__(self) -> int:
        with self._gate.shared():
            return len(self._store)

    # -- user queries ---------------------------------------------------------------------------
    def _new_pool(self) -> WorkerPool:
        store, options = self._store, self.options
        return WorkerPool(lambda request: run_protocol_query(store, request, options), options.workers, self._gate)

    def _retire_pool(self) -> None:
        """After a change of the data: new workers see the new data, and caches are dropped."""
        self.version += 1
        old, self._pool = self._pool, self._new_pool()
        old.close()

    def protocol_query(
        self,
        query: str,
        accept: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> ProtocolResult:
        request = _Request(query, accept, tuple(default_graph_uris), tuple(named_graph_uris))
        pool = self._pool
        try:
            body, media, truncated = pool.run(request, self.options.timeout)
        except QueryTimeout:
            log.warning("query stopped after %s s: %.200s", self.options.timeout, query)
            raise
        except WorkerError as e:
            error = _WORKER_ERRORS.get(e.kind)
            if error is not None:
                raise error(str(e)) from None
            raise StoreError(f"the query failed: {e}") from None
        return ProtocolResult(body, media, truncated)

    # -- writes -----------------------------------------------------------------------------------
    def reload(self) -> int:
        """Build a new store from the sources and swap it in; the old one serves until then."""
        if self._sources is None:
            raise StoreError("this store was not loaded from files: there is nothing to reload")
        with self._write_lock:
            new = build_store(self._sources())
            with self._gate.shared():
                self._store = new
            self._retire_pool()
            return len(new)

    @staticmethod
    def _target(graph: NamedNode | None) -> str:
        return "DEFAULT" if graph is None else f"GRAPH {graph}"

    def graph_exists(self, graph: NamedNode | None) -> bool:
        with self._gate.shared():
            return graph is None or self._store.contains_named_graph(graph)

    def graph_get(self, graph: NamedNode | None) -> list[Triple]:
        with self._gate.shared():
            if graph is not None and not self._store.contains_named_graph(graph):
                raise GraphNotFound(f"no graph {graph}")
            target = DefaultGraph() if graph is None else graph
            return [q.triple for q in self._store.quads_for_pattern(None, None, None, target)]

    @staticmethod
    def _parse_payload(data: bytes, media_type: str, base: str | None) -> bytes:
        """The payload as N-Triples (validated), ready for an INSERT DATA block."""
        fmt = RDF_INPUT_FORMATS.get(media_type)
        if fmt is None:
            raise DataSyntaxError(f"unsupported media type {media_type!r}; send one of {', '.join(RDF_INPUT_FORMATS)}")
        try:
            triples = [q.triple for q in parse(data, format=fmt, base_iri=base)]
        except (SyntaxError, ValueError) as e:
            raise DataSyntaxError(f"the {media_type} payload does not parse: {e}") from e
        return serialize(triples, format=RdfFormat.N_TRIPLES) if triples else b""

    def _write(self, graph: NamedNode | None, data: bytes | None, media_type: str, replace: bool) -> bool:
        base = graph.value if graph is not None else None
        ntriples = self._parse_payload(data or b"", media_type, base) if data is not None else b""
        target = self._target(graph)
        ops = []
        with self._write_lock:
            created = not self.graph_exists(graph)  # takes the gate itself; not nested
            if replace:
                ops.append(f"DROP SILENT {target}")
            if graph is not None:
                ops.append(f"CREATE SILENT GRAPH {graph}")
            if ntriples:
                body = ntriples.decode()
                ops.append(
                    f"INSERT DATA {{ {body} }}" if graph is None else f"INSERT DATA {{ GRAPH {graph} {{ {body} }} }}"
                )
            with self._gate.shared():
                self._store.update(" ;\n".join(ops))
            self._retire_pool()
        return created

    def graph_put(self, graph: NamedNode | None, data: bytes, media_type: str) -> bool:
        return self._write(graph, data, media_type, replace=True)

    def graph_post(self, graph: NamedNode | None, data: bytes, media_type: str) -> bool:
        return self._write(graph, data, media_type, replace=False)

    def graph_delete(self, graph: NamedNode | None) -> None:
        with self._write_lock:
            if not self.graph_exists(graph):
                raise GraphNotFound(f"no graph {graph}")
            with self._gate.shared():
                self._store.update(f"DROP SILENT {self._target(graph)}")
            self._retire_pool()

    def close(self) -> None:
        self._pool.kill_all()
