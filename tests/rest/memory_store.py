"""A minimal in-memory `Store` over pyoxigraph for the REST tests (the API never sees the difference)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, RdfFormat, Triple, Variable
from pyoxigraph import Store as OxStore

from store.base import Bindings, ProtocolResult, Row

__all__ = ["MemoryStore"]


class MemoryStore:
    def __init__(self, store: OxStore) -> None:
        self._store = store
        self.version = 1

    @classmethod
    def from_files(cls, *paths: Path) -> MemoryStore:
        store = OxStore()
        for path in paths:
            if path.suffix == ".trig":
                store.load(path=path, format=RdfFormat.TRIG)
            else:
                graph = NamedNode(f"https://w3id.org/bzkg/graph/{path.stem}")
                store.load(path=path, format=RdfFormat.TURTLE, to_graph=graph)
        return cls(store)

    def _query(self, query: str, bindings: Bindings | None):
        subs = {Variable(k): v for k, v in (bindings or {}).items()}
        return self._store.query(query, substitutions=subs or None, use_default_graph_as_union=True)

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        result = self._query(query, bindings)
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in result]

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        result = self._query(query, bindings)
        assert isinstance(result, QueryBoolean)
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        return list(self._query(query, bindings))

    def protocol_query(
        self, query: str, media_type: str, default_graph_uris: Sequence[str] = (), named_graph_uris=()
    ) -> ProtocolResult:
        raise NotImplementedError

    def quads(self, graph: NamedNode | None = None) -> list[Quad]:
        return list(self._store.quads_for_pattern(None, None, None, graph))

    def ready(self) -> bool:
        return True
