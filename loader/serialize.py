"""Deterministic Turtle: same graph, byte-identical file, small diffs when one fact changes."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from bzkg.namespaces import BZ, ELI, ID, OA, ORG

__all__ = ["PREFIXES", "to_turtle"]

PREFIXES = {
    "bz": str(BZ._NS),
    "id": str(ID),
    "dcterms": str(DCTERMS),
    "eli": str(ELI),
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def to_turtle(graph: Graph) -> bytes:
    out = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    for triple in graph:
        out.add(triple)
    return out.serialize(format="turtle", encoding="utf-8")
