"""Any resource: all its statements with labels, the named graphs that state them, the incoming links.

SELECT DISTINCT ?p ?o WHERE { ?s ?p ?o }              # ?s bound
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }
SELECT DISTINCT ?x ?p WHERE { ?x ?p ?o } LIMIT n      # ?o bound; rdf:type links left out
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from api.pages.links import PREFIXES
from api.pages.views.core import Link, Page, Value

__all__ = ["Resource", "Statement", "describe"]

RDF_TYPE = f"{PREFIXES['rdf']}type"
MAX_OUT = 2000
MAX_IN = 200
FIRST = (
    RDF_TYPE,
    f"{PREFIXES['skos']}prefLabel",
    f"{PREFIXES['rdfs']}label",
    "http://purl.org/dc/terms/title",
    f"{PREFIXES['skos']}altLabel",
)


@dataclass(frozen=True)
class Statement:
    predicate: Link
    values: list[Value]


@dataclass(frozen=True)
class Resource:
    link: Link
    types: list[Link]
    statements: list[Statement]
    incoming: list[tuple[Link, Link]]
    incoming_more: bool
    graphs: list[Link]

    @property
    def iri(self) -> str:
        return self.link.iri

    def type_iris(self) -> set[str]:
        return {t.iri for t in self.types}

    def first(self, predicate: str) -> Value | None:
        for st in self.statements:
            if st.predicate.iri == predicate and st.values:
                return st.values[0]
        return None

    def all(self, predicate: str) -> list[Value]:
        return [v for st in self.statements if st.predicate.iri == predicate for v in st.values]


def _order(p: str) -> tuple[int, str]:
    return (FIRST.index(p), "") if p in FIRST else (len(FIRST), p)


def describe(page: Page, iri: str, with_incoming: bool = True) -> Resource | None:
    """The resource's statements, or None when the graph says nothing about it either way."""
    node = NamedNode(iri)
    out = page.select(f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {MAX_OUT}", s=node)
    incoming_rows = []
    if with_incoming and iri not in page.cache.ontology().class_iris:
        incoming_rows = page.select(
            f"SELECT DISTINCT ?o ?x ?p WHERE {{ ?x ?p ?o FILTER(?p != rdf:type) }} LIMIT {MAX_IN + 1}", o=node
        )
    if not out and not incoming_rows:
        return None
    graphs = [r["g"].value for r in page.select("SELECT DISTINCT ?s ?g WHERE { GRAPH ?g { ?s ?p ?o } }", s=node)]
    iris = {iri, *graphs}
    for r in out:
        iris.add(r["p"].value)
        if isinstance(r["o"], NamedNode):
            iris.add(r["o"].value)
    for r in incoming_rows:
        iris.update((r["x"].value, r["p"].value))
    page.load_labels(iris)
    grouped: dict[str, list] = {}
    for r in out:
        grouped.setdefault(r["p"].value, []).append(r["o"])
    statements = [
        Statement(page.link(p), sorted(page.values(objs), key=lambda v: (v.lang or "", v.text)))
        for p, objs in sorted(grouped.items(), key=lambda kv: _order(kv[0]))
    ]
    types = [v.link for v in (statements[0].values if statements and statements[0].predicate.iri == RDF_TYPE else [])]
    incoming = [(page.link(r["x"].value), page.link(r["p"].value)) for r in incoming_rows[:MAX_IN]]
    incoming.sort(key=lambda pair: (pair[1].curie, pair[0].label))
    return Resource(
        link=page.link(iri),
        types=[t for t in types if t is not None],
        statements=statements,
        incoming=incoming,
        incoming_more=len(incoming_rows) > MAX_IN,
        graphs=[page.link(g) for g in sorted(graphs)],
    )
