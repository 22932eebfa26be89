"""SPARQL result and RDF formats as data, content negotiation, and capped serialisation.

The tables map media types to pyoxigraph formats; `negotiate` picks one from an `Accept` header
(q-values, wildcards, server preference on ties). `serialize_solutions` / `serialize_triples` write at
most `max_rows` rows or triples and report whether they cut the result short.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "SELECT")
    'application/sparql-results+xml'
    >>> negotiate("*/*", "CONSTRUCT")
    'text/turtle'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from itertools import islice

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

__all__ = [
    "FORMAT_ALIASES",
    "GRAPH_FORMS",
    "RDF_FORMATS",
    "RDF_INPUT_FORMATS",
    "RESULT_FORMATS",
    "accept_for_format",
    "negotiate",
    "parse_accept",
    "prefers_html",
    "serialize_boolean",
    "serialize_solutions",
    "serialize_triples",
    "solutions_json",
]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})

# Media types offered for SELECT / ASK results, in the server's order of preference (first = default).
RESULT_FORMATS: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
    "application/json": QueryResultsFormat.JSON,
    "application/xml": QueryResultsFormat.XML,
    "text/xml": QueryResultsFormat.XML,
}

# Media types offered for CONSTRUCT / DESCRIBE results, in order of preference (first = default).
RDF_FORMATS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/x-turtle": RdfFormat.TURTLE,
    "text/plain": RdfFormat.N_TRIPLES,
    "application/json": RdfFormat.JSON_LD,
    "application/xml": RdfFormat.RDF_XML,
}

# Media types accepted as Graph Store payloads (triples only; quads are refused by the caller).
RDF_INPUT_FORMATS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/xml": RdfFormat.RDF_XML,
    "application/ld+json": RdfFormat.JSON_LD,
    "text/n3": RdfFormat.N3,
}

# `?format=` short names -> an Accept value covering both query forms.
FORMAT_ALIASES: dict[str, str] = {
    "json": "application/sparql-results+json, application/ld+json;q=0.9",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml, application/rdf+xml;q=0.9",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
}


def accept_for_format(name: str) -> str | None:
    """The Accept value a `?format=` value stands for: a short name or a full media type."""
    name = name.strip().lower()
    if name in FORMAT_ALIASES:
        return FORMAT_ALIASES[name]
    if name in RESULT_FORMATS or name in RDF_FORMATS:
        return name
    return None


def parse_accept(accept: str | None) -> list[tuple[str, float]]:
    """`Accept` header -> [(media range, q)], dropping q=0 and malformed entries."""
    ranges: list[tuple[str, float]] = []
    for part in (accept or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((media, q))
    return ranges


def _quality(media: str, ranges: Sequence[tuple[str, float]]) -> float:
    """The q of the most specific range matching `media` (0 when none matches)."""
    best_spec, best_q = -1, 0.0
    main = media.split("/", 1)[0]
    for rng, q in ranges:
        if rng == media:
            spec = 2
        elif rng == f"{main}/*":
            spec = 1
        elif rng == "*/*":
            spec = 0
        else:
            continue
        if spec > best_spec:
            best_spec, best_q = spec, q
    return best_q


def negotiate(accept: str | None, form: str) -> str | None:
    """The media type to answer a query of `form` with, or None if nothing acceptable is offered."""
    offers = RDF_FORMATS if form in GRAPH_FORMS else RESULT_FORMATS
    ranges = parse_accept(accept)
    if not ranges:
        return next(iter(offers))
    best, best_q = None, 0.0
    for media in offers:
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = media, q
    return best


def _term_json(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _term_json(term.subject),
                "predicate": _term_json(term.predicate),
                "object": _term_json(term.object),
            },
        }
    raise TypeError(f"unexpected term {term!r}")


def solutions_json(variables: Sequence[str], rows: Iterable) -> bytes:
    """SPARQL 1.1 Query Results JSON for `rows` (pyoxigraph QuerySolution or mappings)."""
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = _term_json(term)
        bindings.append(binding)
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


class _TooManyRows(Exception):
    """Raised from inside pyoxigraph's serializer to stop it once the row cap is passed."""


class _CappedXmlResults:
    """A write target for SPARQL XML results that counts `<result>` elements (in the XML a literal
    cannot contain that text unescaped) and stops the serializer past the cap."""

    MARK = b"<result>"

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.rows = 0
        self.parts: list[bytes] = []
        self._tail = b""

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        self.rows += (self._tail + chunk).count(self.MARK)
        self._tail = chunk[-(len(self.MARK) - 1) :]
        if self.rows > self.cap:
            raise _TooManyRows
        self.parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        """pyoxigraph flushes its writer; nothing is buffered here."""


def serialize_solutions(
    solutions: QuerySolutions,
    media_type: str,
    max_rows: int,
    rerun: Callable[[], QuerySolutions] | None = None,
) -> tuple[bytes, bool]:
    """At most `max_rows` solutions in `media_type`; returns (body, truncated).

    With `rerun` (a function running the query again), the rows are written by pyoxigraph's own
    serializer, counted as they go; only a result past the cap is run again and cut here, row by row.
    The Python path costs ~20 us a row, the native one a fraction of that."""
    fmt = RESULT_FORMATS[media_type]
    if rerun is not None:
        target = _CappedXmlResults(max_rows)
        try:
            solutions.serialize(target, format=QueryResultsFormat.XML)
        except _TooManyRows:
            solutions = rerun()
        else:
            xml = b"".join(target.parts)
            if fmt == QueryResultsFormat.XML:
                return xml, False
            return parse_query_results(xml, QueryResultsFormat.XML).serialize(format=fmt), False
    variables = [v.value for v in solutions.variables]
    rows = list(islice(solutions, max_rows + 1))
    truncated = len(rows) > max_rows
    body = solutions_json(variables, rows[:max_rows])
    if fmt != QueryResultsFormat.JSON:
        body = parse_query_results(body, QueryResultsFormat.JSON).serialize(format=fmt)
    return body, truncated


def serialize_boolean(value: bool, media_type: str) -> bytes:
    fmt = RESULT_FORMATS[media_type]
    doc = json.dumps({"head": {}, "boolean": bool(value)}).encode()
    if fmt == QueryResultsFormat.JSON:
        return doc
    return parse_query_results(doc, QueryResultsFormat.JSON).serialize(format=fmt)


def serialize_triples(
    triples: Iterable[Triple], media_type: str, max_rows: int, prefixes: dict[str, str] | None = None
) -> tuple[bytes, bool]:
    """At most `max_rows` triples in `media_type`; returns (body, truncated)."""
    kept = list(islice(triples, max_rows + 1))
    truncated = len(kept) > max_rows
    fmt = RDF_FORMATS[media_type]
    kwargs = {"prefixes": prefixes} if prefixes and fmt == RdfFormat.TURTLE else {}
    return serialize(kept[:max_rows], format=fmt, **kwargs), truncated


def prefers_html(accept: str | None) -> bool:
    """Whether a client (a browser) asks for HTML rather than any SPARQL or RDF format."""
    if not accept:
        return False
    ranges = parse_accept(accept)
    html = _quality("text/html", [r for r in ranges if r[0] != "*/*"])
    others = [_quality(m, [r for r in ranges if r[0] != "*/*"]) for m in (*RESULT_FORMATS, *RDF_FORMATS)]
    return html > 0 and html >= max(others, default=0.0)
