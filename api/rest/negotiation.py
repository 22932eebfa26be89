"""Content negotiation for the REST resources: JSON (default), JSON-LD and Turtle, as a table.

JSON is the API's own shape; JSON-LD and Turtle carry the RDF triples behind the same answer (the
resource's triples, the nodes hanging off it and the labels of what it links to).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pyoxigraph import RdfFormat, Triple, serialize

__all__ = ["RDF_PREFIXES", "RDF_RESPONSES", "Format", "choose", "media_ranges", "rdf_body"]


class Format(StrEnum):
    JSON = "application/json"
    JSON_LD = "application/ld+json"
    TURTLE = "text/turtle"


# Media type (as a client may send it) -> format; the first one is the default.
_TABLE: dict[str, Format] = {
    "application/json": Format.JSON,
    "application/ld+json": Format.JSON_LD,
    "text/turtle": Format.TURTLE,
    "application/x-turtle": Format.TURTLE,
}
_RDF_FORMATS = {Format.JSON_LD: RdfFormat.JSON_LD, Format.TURTLE: RdfFormat.TURTLE}

RDF_PREFIXES = {
    "bz": "https://w3id.org/bzkg/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "oa": "http://www.w3.org/ns/oa#",
}

#: OpenAPI `responses` entry: the other media types a resource answers in.
RDF_RESPONSES = {200: {"content": {"application/ld+json": {}, "text/turtle": {}}}}


def media_ranges(accept: str) -> list[tuple[str, float, int]]:
    ranges = []
    for index, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q, index))
    return ranges


def choose(accept: str | None) -> Format | None:
    """The best format for an `Accept` header; JSON when absent or `*/*`; None if none is acceptable.

    >>> choose("text/turtle;q=0.9, application/ld+json")
    <Format.JSON_LD: 'application/ld+json'>
    """
    if not accept or not accept.strip():
        return Format.JSON
    best: tuple[float, int, Format] | None = None
    for media, q, _index in media_ranges(accept):
        if q <= 0:
            continue
        for preference, (offered, fmt) in enumerate(_TABLE.items()):
            kind = offered.split("/")[0]
            if media in (offered, f"{kind}/*", "*/*"):
                # exact matches beat wildcards; then q; then the server's order
                score = (q + (0.001 if media == offered else 0.0), -preference, fmt)
                if best is None or score[:2] > best[:2]:
                    best = score
    return best[2] if best else None


def rdf_body(triples: Iterable[Triple], fmt: Format) -> bytes:
    """Triples (duplicates dropped, sorted by subject so each is written once) as JSON-LD or Turtle."""
    unique = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return serialize(unique, format=_RDF_FORMATS[fmt], prefixes=RDF_PREFIXES)
