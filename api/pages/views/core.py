"""Per-request access for page views: bound queries, batched labels, links.

`Page` carries the store, the language and the per-store caches; `Page.link(iri)` gives what a
template needs to draw a link: the label in the page's language, the local path, the compact IRI.
Labels are fetched in one `VALUES` query per batch and remembered for the request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import BlankNode, Literal, NamedNode

from api.pages.i18n import EXTERNAL_LABELS, LANGS
from api.pages.links import PREFIXES, curie, local_path
from store.base import Row, Store, Term

if TYPE_CHECKING:
    from api.pages.views.cache import StoreCache

__all__ = ["Link", "Page", "Value", "integer", "iri", "prologue", "text", "values_block"]

PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
LABEL_PROPS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
)
LABEL_BATCH = 400
LABEL_UNION = " UNION ".join(f"{{ ?s <{p}> ?l BIND(<{p}> AS ?p) }}" for p in LABEL_PROPS)


def prologue(query: str) -> str:
    """The query with the usual prefixes declared."""
    return PREFIX_LINES + query


def values_block(var: str, iris: Iterable[str]) -> str:
    """`VALUES ?var { <a> <b> }` for IRIs that came out of the store (validated by NamedNode)."""
    return f"VALUES ?{var} {{ {' '.join(str(NamedNode(i)) for i in iris)} }}"


@dataclass(frozen=True)
class Link:
    iri: str
    label: str
    href: str
    curie: str


@dataclass(frozen=True)
class Value:
    """An object of a statement: a link, or a literal with its language or datatype."""

    text: str
    link: Link | None = None
    lang: str | None = None
    datatype: str | None = None


def pick_label(candidates: list[tuple[str, Literal]], lang: str) -> str | None:
    """skos:prefLabel, then rdfs:label, then dcterms:title; in `lang`, else untagged, else any."""

    def rank(item: tuple[str, Literal]) -> tuple[int, int, str]:
        prop, lit = item
        tag = (lit.language or "").split("-")[0]
        lang_rank = 0 if tag == lang else 1 if not tag else 2
        return (LABEL_PROPS.index(prop), lang_rank, lit.value)

    return min(candidates, key=rank)[1].value if candidates else None


def fallback_label(iri: str) -> str:
    """A compact IRI in a known namespace, the path after id/ for minted IRIs, else the IRI."""
    short = curie(iri)
    if short.startswith("id:"):
        return short[3:]
    return short


@dataclass
class Page:
    store: Store
    lang: str
    cache: StoreCache
    _labels: dict[str, str] = field(default_factory=dict)

    def select(self, query: str, **bindings: Term) -> list[Row]:
        return self.store.select(prologue(query), bindings or None)

    def select_bound(self, query: str, bindings: Mapping[str, Term]) -> list[Row]:
        return self.store.select(prologue(query), bindings or None)

    def load_labels(self, iris: Iterable[str]) -> None:
        """Fetch the labels of `iris` not known yet: from the store's label cache, else one query
        per batch (one VALUES block and a UNION per label property: two VALUES blocks make
        Oxigraph scan the whole graph)."""
        known = self.cache.labels(self.lang)
        missing = []
        for i in dict.fromkeys(iris):
            if i in self._labels:
                continue
            if i in known:
                self._labels[i] = known[i]
            else:
                missing.append(i)
        for start in range(0, len(missing), LABEL_BATCH):
            chunk = missing[start : start + LABEL_BATCH]
            rows = self.select(f"SELECT DISTINCT ?s ?p ?l WHERE {{ {values_block('s', chunk)} {LABEL_UNION} }}")
            found: dict[str, list[tuple[str, Literal]]] = {}
            for row in rows:
                lit = row["l"]
                if isinstance(lit, Literal):
                    found.setdefault(row["s"].value, []).append((row["p"].value, lit))
            for iri in chunk:
                label = pick_label(found.get(iri, []), self.lang)
                if label is None and iri in EXTERNAL_LABELS:
                    label = EXTERNAL_LABELS[iri][LANGS.index(self.lang) if self.lang in LANGS else 0]
                self._labels[iri] = known[iri] = label or fallback_label(iri)

    def label(self, iri: str) -> str:
        self.load_labels([iri])
        return self._labels[iri]

    def href(self, iri: str) -> str:
        onto = self.cache.ontology()
        return local_path(iri, onto.class_iris, onto.property_iris)

    def link(self, iri: str, label: str | None = None) -> Link:
        return Link(iri=iri, label=label or self.label(iri), href=self.href(iri), curie=curie(iri))

    def links(self, iris: Iterable[str]) -> list[Link]:
        iris = list(dict.fromkeys(iris))
        self.load_labels(iris)
        return [self.link(i) for i in iris]

    def value(self, term: Term) -> Value:
        if isinstance(term, NamedNode):
            link = self.link(term.value)
            return Value(text=link.label, link=link)
        if isinstance(term, Literal):
            dt = term.datatype.value if term.datatype else None
            plain = dt in (None, "http://www.w3.org/2001/XMLSchema#string") or term.language
            return Value(text=term.value, lang=term.language, datatype=None if plain else curie(dt or ""))
        if isinstance(term, BlankNode):
            return Value(text=f"_:{term.value}")
        return Value(text=str(term))

    def values(self, terms: Iterable[Term]) -> list[Value]:
        terms = list(terms)
        self.load_labels(t.value for t in terms if isinstance(t, NamedNode))
        return [self.value(t) for t in terms]


def iri(row: Row, var: str) -> str | None:
    term = row.get(var)
    return term.value if isinstance(term, NamedNode) else None


def text(row: Row, var: str) -> str | None:
    term = row.get(var)
    return term.value if term is not None and not isinstance(term, BlankNode) else None


def integer(row: Row, var: str, default: int = 0) -> int:
    term = row.get(var)
    try:
        return int(term.value) if isinstance(term, Literal) else default
    except ValueError:
        return default
