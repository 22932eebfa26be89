"""Dataclasses from a `Description`: the shared pieces (refs, sources, quotes, targets, measures)."""

from __future__ import annotations

import re

from pyoxigraph import NamedNode

from store.base import Term

from .ids import id_of, measure_id
from .models import Measure, Quote, Ref, Responsibility, Source, Target
from .sparql import Description
from .terms import py, py_int, py_str

__all__ = ["BZ", "MEASURE_HOPS", "build_measure", "build_source", "natural_key", "ref", "refs"]

BZ = "https://w3id.org/bzkg/ontology#"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Nodes described with a measure, beside the measure itself.
MEASURE_HOPS = (
    "bz:responsibility",
    "bz:target",
    "bz:quote",
    "bz:quote/oa:hasSelector",
    "bz:quote/oa:hasSource",
)
_ROLES = {BZ + "lead": "lead", BZ + "participating": "participating"}


def natural_key(term: Term) -> tuple:
    """Sort key that puts `…/target/2` before `…/target/10`."""
    text = py_str(term) or ""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text))


def ref(d: Description, term: Term | None) -> Ref | None:
    if not isinstance(term, NamedNode):
        return None
    return Ref(id=id_of(term.value), iri=term.value, label=d.label(term.value))


def refs(d: Description, terms: list[Term]) -> list[Ref]:
    return [r for r in (ref(d, t) for t in sorted(terms, key=natural_key)) if r is not None]


def build_source(d: Description, term: Term | None) -> Source | None:
    if not isinstance(term, NamedNode):
        return None
    s = term.value
    sha = py_str(d.first(s, BZ + "sha256"))
    return Source(
        iri=s,
        sha256=sha.lower() if sha else None,
        file_name=py_str(d.first(s, BZ + "fileName")),
        encoding=py_str(d.first(s, BZ + "encoding")),
    )


def _quote(d: Description, term: Term | None) -> Quote | None:
    if not isinstance(term, NamedNode):
        return None
    q = term.value
    start = end = exact = prefix = suffix = None
    for selector in d.objects(q, OA + "hasSelector"):
        s = selector.value
        types = {t.value for t in d.objects(s, RDF_TYPE)}
        if OA + "TextPositionSelector" in types or d.first(s, OA + "start") is not None:
            start, end = py_int(d.first(s, OA + "start")), py_int(d.first(s, OA + "end"))
        if OA + "TextQuoteSelector" in types or d.first(s, OA + "exact") is not None:
            exact = py_str(d.first(s, OA + "exact"))
            prefix = py_str(d.first(s, OA + "prefix"))
            suffix = py_str(d.first(s, OA + "suffix"))
    return Quote(
        iri=q,
        source=build_source(d, d.first(q, OA + "hasSource")),
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
    )


def _target(d: Description, t: str) -> Target:
    value = py(d.first(t, BZ + "value"))
    return Target(
        iri=t,
        value=value if not isinstance(value, bool) else None,
        unit=py_str(d.first(t, BZ + "unit")),
        year=_year(d.first(t, BZ + "year")),
        base_year=_year(d.first(t, BZ + "baseYear")),
        kind=py_str(d.first(t, BZ + "targetKind")),
        comparator=py_str(d.first(t, BZ + "comparator")),
        text=py_str(d.first(t, BZ + "targetText")),
    )


def _year(term: Term | None) -> int | None:
    text = py_str(term)
    match = re.match(r"-?\d{4}", text or "")
    return int(match.group(0)) if match else None


def _responsibility(d: Description, r: str) -> Responsibility:
    role = d.first(r, BZ + "role")
    return Responsibility(
        order=py_int(d.first(r, BZ + "order")),
        role=_ROLES.get(role.value) if isinstance(role, NamedNode) else None,
        agency=ref(d, d.first(r, BZ + "agency")),
        printed_as=py_str(d.first(r, BZ + "printedAs")),
    )


def build_measure(d: Description, iri: str) -> Measure:
    """The measure `iri` from a description made with `MEASURE_HOPS`."""
    responsibilities = sorted(
        (_responsibility(d, r.value) for r in d.objects(iri, BZ + "responsibility")),
        key=lambda r: (r.order is None, r.order or 0),
    )
    document = ref(d, d.first(iri, BZ + "inDocument"))
    participating = refs(d, d.objects(iri, BZ + "participatingAgency"))
    printed_order = [r.agency.iri for r in responsibilities if r.agency is not None]
    participating.sort(key=lambda a: printed_order.index(a.iri) if a.iri in printed_order else len(printed_order))
    return Measure(
        id=measure_id(iri) or iri,
        iri=iri,
        label=d.label(iri),
        document=document or Ref(id=None, iri="", label=d.label("")),
        number=py_str(d.first(iri, BZ + "number")),
        order=py_int(d.first(iri, BZ + "order")),
        heading=py_str(d.first(iri, BZ + "heading")),
        text=py_str(d.first(iri, BZ + "text")),
        clause_text=py_str(d.first(iri, BZ + "clauseText")),
        lead_agency=ref(d, d.first(iri, BZ + "leadAgency")),
        participating_agencies=participating,
        responsibilities=responsibilities,
        business_types=refs(d, d.objects(iri, BZ + "businessType")),
        industries=refs(d, d.objects(iri, BZ + "industry")),
        zones=refs(d, d.objects(iri, BZ + "zone")),
        targets=[_target(d, t.value) for t in sorted(d.objects(iri, BZ + "target"), key=natural_key)],
        quote=_quote(d, d.first(iri, BZ + "quote")),
    )
