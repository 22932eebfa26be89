"""Map IRIs to the local paths that serve them, and shorten IRIs for display.

Every IRI under `https://w3id.org/bzkg` is served at the same path on this service: `…/id/doc/x` at
`/id/doc/x`, the ontology at `/ontology`. Ontology terms (`…/ontology#Measure`) get a page of their
own, `/ontology/class/Measure` or `/ontology/property/inDocument`, and an anchor on `/ontology`.
Any other IRI is shown by `/resource?iri=…` (what the graph says about it).
"""

from __future__ import annotations

from collections.abc import Container
from urllib.parse import quote, urlencode

__all__ = [
    "BASE",
    "ID",
    "ONTOLOGY",
    "PREFIXES",
    "VOCAB",
    "curie",
    "iri_for_path",
    "local_path",
    "term_name",
]

BASE = "https://w3id.org/bzkg"
ID = f"{BASE}/id/"
ONTOLOGY = f"{BASE}/ontology"
VOCAB = f"{ONTOLOGY}#"

PREFIXES: dict[str, str] = {
    "bz": VOCAB,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "oa": "http://www.w3.org/ns/oa#",
    "vann": "http://purl.org/vocab/vann/",
    "sh": "http://www.w3.org/ns/shacl#",
    "id": ID,
}


def term_name(iri: str) -> str | None:
    """`Measure` for `…/ontology#Measure`; None for any other IRI."""
    return iri[len(VOCAB) :] if iri.startswith(VOCAB) and len(iri) > len(VOCAB) else None


def local_path(iri: str, classes: Container[str] = (), properties: Container[str] = ()) -> str:
    """The path on this service that describes `iri`.

    `classes` and `properties` are the IRIs of the ontology's classes and properties, so that a term
    links to its own kind of page.
    """
    name = term_name(iri)
    if name is not None:
        if iri in classes:
            return f"/ontology/class/{quote(name)}"
        if iri in properties:
            return f"/ontology/property/{quote(name)}"
        return f"/ontology/term/{quote(name)}"
    if iri.startswith(BASE + "/"):
        return quote(iri[len(BASE) :], safe="/:@!$&'()*+,;=-._~")
    if iri == BASE:
        return "/"
    return "/resource?" + urlencode({"iri": iri})


def iri_for_path(path: str) -> str:
    """The inverse of `local_path` for minted IRIs: `/id/doc/x` -> `https://w3id.org/bzkg/id/doc/x`."""
    return BASE + path


def curie(iri: str) -> str:
    """`bz:Measure` for a known namespace, else the IRI itself."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        return f"{best}:{iri[len(PREFIXES[best]) :]}"
    return iri
