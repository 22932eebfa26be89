"""Which file goes into which named graph, and building an in-memory store from them.

- `ontology/{stem}.ttl` -> `https://w3id.org/bzkg/graph/{stem}`
- `data/ttl/{stem}.ttl` -> the IRI of the subject typed `bz:PolicyDocument` in the file, else
  `https://w3id.org/bzkg/id/doc/{stem}`

`build_store` reads every file into a fresh pyoxigraph store and raises `DataSyntaxError` naming the
file if one does not parse, so a caller can keep serving what it had.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, parse

from store.base import DataSyntaxError

__all__ = [
    "DOC_BASE",
    "GRAPH_BASE",
    "RDF_EXTENSIONS",
    "GraphSource",
    "build_store",
    "document_iri",
    "document_sources",
    "ontology_sources",
]

GRAPH_BASE = "https://w3id.org/bzkg/graph/"
DOC_BASE = "https://w3id.org/bzkg/id/doc/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
POLICY_DOCUMENT = "https://w3id.org/bzkg/ontology#PolicyDocument"

RDF_EXTENSIONS: dict[str, tuple[RdfFormat, str]] = {
    ".ttl": (RdfFormat.TURTLE, "text/turtle"),
    ".nt": (RdfFormat.N_TRIPLES, "application/n-triples"),
    ".rdf": (RdfFormat.RDF_XML, "application/rdf+xml"),
    ".jsonld": (RdfFormat.JSON_LD, "application/ld+json"),
}


@dataclass(frozen=True)
class GraphSource:
    """One file and the named graph it is loaded into."""

    graph: str
    path: Path

    @property
    def format(self) -> RdfFormat:
        return RDF_EXTENSIONS[self.path.suffix.lower()][0]

    @property
    def media_type(self) -> str:
        return RDF_EXTENSIONS[self.path.suffix.lower()][1]


def _rdf_files(directory: Path | None) -> list[Path]:
    if directory is None or not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in RDF_EXTENSIONS)


def ontology_sources(ontology_dir: Path | None) -> list[GraphSource]:
    return [GraphSource(GRAPH_BASE + p.stem, p) for p in _rdf_files(ontology_dir)]


def document_iri(path: Path) -> str:
    """The subject typed bz:PolicyDocument in the file (the one named after the file if several),
    else the IRI the file name implies."""
    fallback = DOC_BASE + path.stem
    fmt = RDF_EXTENSIONS[path.suffix.lower()][0]
    found: list[str] = []
    try:
        for quad in parse(path=path, format=fmt):
            if (
                quad.predicate.value == RDF_TYPE
                and quad.object.value == POLICY_DOCUMENT
                and isinstance(quad.subject, NamedNode)
            ):
                if quad.subject.value == fallback:
                    return fallback
                found.append(quad.subject.value)
    except SyntaxError as e:
        raise DataSyntaxError(f"{path}: {e}") from e
    return sorted(found)[0] if found else fallback


def document_sources(data_dir: Path | None) -> list[GraphSource]:
    return [GraphSource(document_iri(p), p) for p in _rdf_files(data_dir)]


def build_store(sources: Iterable[GraphSource]) -> Store:
    """A fresh in-memory store holding every source in its named graph."""
    store = Store()
    for source in sources:
        try:
            store.bulk_load(path=source.path, format=source.format, to_graph=NamedNode(source.graph))
        except (SyntaxError, ValueError, OSError) as e:
            raise DataSyntaxError(f"{source.path}: {e}") from e
    return store
